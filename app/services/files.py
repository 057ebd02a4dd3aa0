"""The one safe way files are kept beside the database (issued PDFs, bukti dukung, export ZIPs):
under instance/, never static/, named randomly, written atomically (a temporary file renamed into
place) and readable only by the service user; tied to the transaction — a file written in a
transaction that rolls back is removed, and a file whose record is deleted is removed only once
that deletion is committed."""
from __future__ import annotations

import os
import re
import secrets

from sqlalchemy import event
from sqlalchemy.orm import Session

_NEW, _DISCARD = "files_new", "files_discard"


def new_name(suffix: str = "") -> str:
    """A random stored name: 32 hex digits and the suffix (".pdf")."""
    return secrets.token_hex(16) + suffix


def stored_path(folder: str, stored_name: str, pattern: str, *, fan_out: bool = True) -> str:
    """Where a stored name lives in `folder` (under a two-digit subfolder when `fan_out`); a name
    not of `pattern` is refused, so a tampered name never leaves the folder."""
    if not re.fullmatch(pattern, stored_name or ""):
        raise ValueError("invalid stored name")
    return os.path.join(folder, stored_name[:2], stored_name) if fan_out else os.path.join(folder, stored_name)


def write_atomically(path: str, data: bytes) -> None:
    """Write all of `data` to `path` or nothing, also on a folder several servers share (NFS): a
    temporary file of a name no other writer uses, created 0600, flushed to disk, then renamed into
    place — a reader anywhere sees the whole file or none."""
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write(session: Session, path: str, data: bytes) -> None:
    """Write a file that belongs to the session's transaction: removed again if it rolls back."""
    write_atomically(path, data)
    session.info.setdefault(_NEW, []).append(path)


def discard(session: Session, path: str) -> None:
    """Remove a file once the transaction that deleted its record commits (kept if it rolls back)."""
    session.info.setdefault(_DISCARD, []).append(path)


def _remove(paths: list[str]) -> None:
    for path in paths:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint was released; the outer transaction may still roll back
        return
    session.info.pop(_NEW, None)
    _remove(session.info.pop(_DISCARD, []))


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the outermost transaction: drop its new files
        _remove(session.info.pop(_NEW, []))
        session.info.pop(_DISCARD, None)
