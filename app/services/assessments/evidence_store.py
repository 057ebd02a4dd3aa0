"""Bukti dukung files: checked by their content (not their name), stored under instance/ with
random names, never under static/, through `services/files`: a file written in a transaction that
rolls back is removed; a file whose record is deleted is removed only once the deletion is
committed."""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy.orm import Session

from app.services import ServiceError, files

MB = 1024 * 1024
ALLOWED = "PDF, JPG, PNG, XLSX atau DOCX"
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class StoredFile:
    stored_name: str
    original_name: str
    mime: str
    size: int
    sha256: str


def max_bytes() -> int:
    return current_app.config["EVIDENCE_MAX_BYTES"]


def sniff(data: bytes) -> str | None:
    """The type of a file from its first bytes (and, for Office files, its zip directory)."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" not in names:
            return None
        if any(n.startswith("xl/") for n in names):
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if any(n.startswith("word/") for n in names):
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return None


def clean_name(name: str | None, mime: str) -> str:
    """A safe download name that ends with the extension of what the file really is."""
    base = os.path.basename((name or "").replace("\\", "/")).strip() or "bukti"
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"/\\|?*')[:200] or "bukti"
    stem, ext = os.path.splitext(base)
    wanted = _EXTENSIONS[mime]
    if ext.lower() in (wanted, ".jpeg" if wanted == ".jpg" else wanted):
        return base
    return f"{stem or 'bukti'}{wanted}"


def _folder() -> str:
    return os.path.join(current_app.config["UPLOAD_FOLDER"], "evidence")


def path_for(stored_name: str) -> str:
    return files.stored_path(_folder(), stored_name, r"[0-9a-f]+")


def check_file(data: bytes) -> str:
    """The type of an upload fit to be bukti dukung; ServiceError(field="file") with the reason."""
    if not data:
        raise ServiceError("Berkas kosong; pilih berkas bukti dukung yang berisi.", field="file")
    if len(data) > max_bytes():
        raise ServiceError(f"Berkas lebih dari {max_bytes() // MB} MB; perkecil atau pecah berkasnya.",
                           field="file")
    mime = sniff(data)
    if mime is None:
        raise ServiceError(f"Isi berkas bukan {ALLOWED} yang dapat dibaca. Berkas tidak dapat diterima.",
                           field="file")
    return mime


def store(session: Session, data: bytes, original_name: str | None) -> StoredFile:
    """Check and write one upload; raise ServiceError(field="file") with the reason."""
    mime = check_file(data)
    stored_name = files.new_name()
    files.write(session, path_for(stored_name), data)
    return StoredFile(stored_name, clean_name(original_name, mime), mime, len(data),
                      hashlib.sha256(data).hexdigest())


def discard(session: Session, stored_name: str) -> None:
    """Remove the file once the transaction that deleted its record commits."""
    files.discard(session, path_for(stored_name))


def check_link(url: str | None) -> str:
    """A bukti dukung link must be an http(s) address."""
    url = (url or "").strip()
    if not url:
        raise ServiceError("Isi alamat tautan bukti dukung.", field="url")
    if len(url) > 1000:
        raise ServiceError("Alamat tautan paling banyak 1.000 karakter.", field="url")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in url):
        raise ServiceError("Tautan harus berupa alamat lengkap yang diawali http:// atau https://.", field="url")
    return url
