"""`flask backup OUTPUT`: SQLite's online backup API, or pg_dump's custom format."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from app.extensions import db


def _dialect() -> str:
    return db.engine.dialect.name


def test_sqlite_backup_is_a_complete_database(cli, factory, tmp_path):
    if _dialect() != "sqlite":
        pytest.skip(f"the test database is {_dialect()}, not SQLite")
    factory.team(3)
    db.session.commit()
    output = tmp_path / "cadangan.sqlite3"

    result = cli.invoke(args=["backup", str(output)])

    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Cadangan SQLite ditulis ke {output}")
    copy = sqlite3.connect(output)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM employee").fetchone() == (4,)
        assert copy.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    finally:
        copy.close()
    assert not (tmp_path / "cadangan.sqlite3.tmp").exists()


def test_postgresql_backup_is_a_custom_format_dump(cli, factory, tmp_path):
    if _dialect() != "postgresql":
        pytest.skip(f"the test database is {_dialect()}; set TEST_DATABASE_URL to a PostgreSQL database")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (apt-get install postgresql-client)")
    factory.team(3)
    db.session.commit()
    output = tmp_path / "cadangan.dump"

    result = cli.invoke(args=["backup", str(output)])

    assert result.exit_code == 0, result.output
    assert "format custom" in result.output
    assert output.read_bytes()[:5] == b"PGDMP"
    if shutil.which("pg_restore"):
        listing = subprocess.run(["pg_restore", "--list", str(output)], capture_output=True, text=True, check=True)
        assert "TABLE DATA public employee" in listing.stdout

