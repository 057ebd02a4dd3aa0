"""Fixtures for the command-line tests: a CLI runner bound to the test app and database."""
from __future__ import annotations

import pytest


@pytest.fixture
def cli(app):
    """`cli.invoke(args=[...], input=...)` runs a `flask --app wsgi` command in the test's app
    context (commands commit through the same session the test reads)."""
    return app.test_cli_runner()

