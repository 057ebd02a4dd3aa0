"""Uploaded roster files waiting for confirmation: kept under <UPLOAD_FOLDER>/imports/ (outside
static/) by a random token, with a small JSON of who uploaded what and when; gone after 24 hours."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from app.models.base import utcnow
from app.services import files

MAX_AGE = dt.timedelta(hours=24)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


@dataclass(frozen=True)
class StoredUpload:
    token: str
    user_id: int
    filename: str
    sha256: str
    size: int
    uploaded_at: dt.datetime

    def expired(self, now: dt.datetime | None = None) -> bool:
        return (now or utcnow()) - self.uploaded_at > MAX_AGE


def _folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def clean_filename(name: str | None) -> str:
    """The file's own name, for display only (never used as a path)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:150] or "berkas"


def store_upload(user_id: int, filename: str, data: bytes) -> str:
    """Keep the bytes for the report and confirmation steps; return the token naming them."""
    purge_expired()
    folder = _folder()
    token = secrets.token_urlsafe(24)
    meta = {
        "user_id": user_id,
        "filename": clean_filename(filename),
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "uploaded_at": utcnow().isoformat(),
    }
    # the bytes first, then what names them: another server never reads a half-written upload
    files.write_atomically(str(folder / token), data)
    files.write_atomically(str(folder / f"{token}.json"), json.dumps(meta).encode())
    return token


def load_upload(token: str) -> tuple[StoredUpload, bytes] | None:
    """The upload and its bytes, or None when the token is unknown, malformed or tampered with."""
    if not _TOKEN.match(token or ""):
        return None
    folder = _folder()
    try:
        with open(folder / f"{token}.json", encoding="utf-8") as handle:
            meta = json.load(handle)
        data = (folder / token).read_bytes()
        upload = StoredUpload(token, int(meta["user_id"]), str(meta["filename"]), str(meta["sha256"]),
                              int(meta["size"]), dt.datetime.fromisoformat(meta["uploaded_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if hashlib.sha256(data).hexdigest() != upload.sha256:
        return None
    return upload, data


def delete_upload(token: str) -> None:
    """Remove a stored upload and its JSON (nothing happens for an unknown token)."""
    if not _TOKEN.match(token or ""):
        return
    folder = _folder()
    for path in (folder / token, folder / f"{token}.json"):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def purge_expired(now: dt.datetime | None = None) -> int:
    """Delete uploads older than 24 hours (by their JSON, or by file age when it is unreadable)."""
    now = now or utcnow()
    folder = _folder()
    removed = 0
    for token in {path.name.removesuffix(".json") for path in folder.iterdir()}:
        if not _TOKEN.match(token):
            continue
        try:
            with open(folder / f"{token}.json", encoding="utf-8") as handle:
                uploaded = dt.datetime.fromisoformat(json.load(handle)["uploaded_at"])
        except (OSError, ValueError, KeyError, TypeError):
            paths = [p for p in (folder / token, folder / f"{token}.json") if p.exists()]
            mtimes = [os.path.getmtime(p) for p in paths] or [0]
            uploaded = dt.datetime.fromtimestamp(max(mtimes), dt.timezone.utc)
        if now - uploaded > MAX_AGE:
            delete_upload(token)
            removed += 1
    return removed
