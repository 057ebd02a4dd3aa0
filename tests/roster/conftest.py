"""Fixtures of the roster import tests."""
from __future__ import annotations

import pytest

from app.extensions import db
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.reader import read_roster
from tests.roster.helpers import xlsx_bytes


@pytest.fixture(autouse=True)
def _clean_uploads(app):
    """Stored uploads (the roster import and the earlier results) do not outlive their test."""
    from pathlib import Path

    yield
    folder = Path(app.config["UPLOAD_FOLDER"]) / "imports"
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()


@pytest.fixture
def run_cli(app, tmp_path):
    """Run `flask import-employees` on bytes written to a file; returns the click result."""

    def _run(data: bytes, *args: str, filename: str = "pegawai.xlsx"):
        path = tmp_path / filename
        path.write_bytes(data)
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["import-employees", str(path), *args])
        db.session.expire_all()
        return result

    return _run


@pytest.fixture
def do_import():
    """Plan and apply rows (as an .xlsx) for `actor`, commit; returns (plan, result)."""

    def _import(rows, actor=None, *, deactivate_missing: bool = False, data: bytes | None = None,
                filename: str = "uji.xlsx"):
        plan = plan_import(actor, read_roster(data or xlsx_bytes(rows), filename))
        assert plan.valid, [str(e) for e in plan.errors]
        result = apply_import(actor, plan, deactivate_missing=deactivate_missing)
        db.session.commit()
        return plan, result

    return _import
