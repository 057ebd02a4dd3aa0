"""Where issued PDFs live: instance/documents/<2 hex>/<32 hex>.pdf (never under static/), written
atomically and readable only by the service user through `services/files`: a file written in a
transaction that rolls back is removed."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from flask import current_app
from sqlalchemy.orm import Session

from app.services import files

if TYPE_CHECKING:
    from app.models import Document


def folder() -> str:
    return current_app.config.get("DOCUMENT_FOLDER") or os.path.join(current_app.instance_path, "documents")


def path_for(stored_name: str) -> str:
    return files.stored_path(folder(), stored_name, r"[0-9a-f]{32}\.pdf")


def write(session: Session, data: bytes) -> str:
    """Store an issued PDF in the session's transaction; its stored name."""
    stored_name = files.new_name(".pdf")
    files.write(session, path_for(stored_name), data)
    return stored_name


def read_bytes(document: Document) -> bytes:
    """The stored PDF exactly as issued."""
    with open(path_for(document.stored_name), "rb") as handle:
        return handle.read()
