"""Database backup: SQLite's online backup API, or pg_dump for PostgreSQL."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

from sqlalchemy.engine import make_url

from app.extensions import db


class BackupError(Exception):
    pass


def backup_database(output: str) -> str:
    """Write a consistent copy of the database to `output`; returns a one-line description."""
    url = make_url(str(db.engine.url.render_as_string(hide_password=False)))
    if url.get_backend_name() == "sqlite":
        source_path = url.database
        if not source_path or source_path == ":memory:":
            raise BackupError("Database SQLite di memori tidak dapat dicadangkan.")
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise BackupError(f"Folder tujuan {folder} tidak ada.")
        tmp = output + ".tmp"
        try:
            source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
            try:
                target = sqlite3.connect(tmp)
                try:
                    source.backup(target)
                finally:
                    target.close()
            finally:
                source.close()
            os.replace(tmp, output)
        except (sqlite3.Error, OSError) as exc:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise BackupError(f"Cadangan gagal: {exc}") from None
        return f"Cadangan SQLite ditulis ke {output} ({os.path.getsize(output):,} bita)."
    if url.get_backend_name() == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise BackupError("pg_dump tidak ditemukan; pasang paket postgresql-client.")
        env = dict(os.environ)
        if url.password:
            env["PGPASSWORD"] = url.password
        args = [pg_dump, "--format=custom", "--no-owner", "--file", output]
        if url.host:
            args += ["--host", url.host]
        if url.port:
            args += ["--port", str(url.port)]
        if url.username:
            args += ["--username", url.username]
        args.append(url.database or "")
        result = subprocess.run(args, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_dump gagal: {result.stderr.strip()}")
        return (f"Cadangan PostgreSQL (format custom, pulihkan dengan pg_restore) ditulis ke "
                f"{output} ({os.path.getsize(output):,} bita).")
    raise BackupError(f"Jenis database {url.get_backend_name()} tidak didukung untuk cadangan.")
