"""The kabupaten's date (models.base.local_today) is WIB's, whatever zone the server's clock is on."""
from __future__ import annotations

import datetime as dt

import pytest

from app.models.base import local_today

UTC = dt.timezone.utc


@pytest.mark.parametrize(("now", "expected"), [
    (dt.datetime(2026, 12, 7, 16, 59, tzinfo=UTC), dt.date(2026, 12, 7)),  # 23.59 WIB
    (dt.datetime(2026, 12, 7, 17, 0, tzinfo=UTC), dt.date(2026, 12, 8)),  # 00.00 WIB: a UTC clock is still on the 7th
    (dt.datetime(2026, 12, 31, 23, 0, tzinfo=UTC), dt.date(2027, 1, 1)),  # the new year starts at 17.00 UTC
])
def test_the_date_is_the_kabupatens(now, expected):
    assert local_today(now) == expected


def test_the_configured_zone_counts(app, monkeypatch):
    monkeypatch.setitem(app.config, "BABEL_DEFAULT_TIMEZONE", "Asia/Jayapura")  # WIT, UTC+9
    assert local_today(dt.datetime(2026, 12, 7, 15, 30, tzinfo=UTC)) == dt.date(2026, 12, 8)
