"""Scale data for the tests: seed-scale with a small N into the test database."""
from __future__ import annotations

import datetime as dt

import pytest

from app.extensions import db
from app.seed.scale.seed import seed_scale

YEAR = dt.date.today().year


@pytest.fixture
def scale():
    """Seed N pegawai (committed, so that the test client sees them); returns a function."""
    def _seed(employees: int = 300, seed: int = 1, daily_days: int = 0):
        written = seed_scale(employees, YEAR, seed, daily_days)
        db.session.commit()
        return written
    return _seed
