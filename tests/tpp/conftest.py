"""The TPP tests run background jobs (the issued list's PDF) in the request, so that a test sees
their outcome and no thread outlives it."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _jobs_inline(app, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RUNNER", "inline")
