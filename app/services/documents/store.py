"""Where issued PDFs live: instance/documents/<2 hex>/<32 hex>.pdf (never under static/), written
atomically and readable only by the service user. A file written in a transaction that rolls back
is removed."""
from __future__ import annotations

import os
import re
import secrets

from typing import TYPE_CHECKING

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from app.models import Document


def folder() -> str:
    return current_app.config.get("DOCUMENT_FOLDER") or os.path.join(current_app.instance_path, "documents")


def path_for(stored_name: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{32}\.pdf", stored_name or ""):
        raise ValueError("invalid stored name")
    return os.path.join(folder(), stored_name[:2], stored_name)


def write(session: Session, data: bytes) -> str:
    stored_name = secrets.token_hex(16) + ".pdf"
    path = path_for(stored_name)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    os.chmod(path, 0o600)
    session.info.setdefault("document_new", []).append(path)
    return stored_name


def read_bytes(document: Document) -> bytes:
    """The stored PDF exactly as issued."""
    with open(path_for(document.stored_name), "rb") as handle:
        return handle.read()


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint was released; the outer transaction may still roll back
        return
    session.info.pop("document_new", None)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the outermost transaction: drop its files
        for path in session.info.pop("document_new", []):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
