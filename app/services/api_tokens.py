"""Tokens of outside systems for the read-only JSON API: made by the super admin with the scopes
they may read (the secret shown once, only its SHA-256 kept), revoked, found from a request's
bearer secret, and every request logged with what it asked and how it was answered."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select

from app.extensions import db
from app.models import ApiRequest, ApiToken, User
from app.models.base import utcnow
from app.services import FieldErrors, ServiceError
from app.services.audit import record

SCOPES = {"tpp": "TPP bulanan yang diterbitkan, per NIP",
          "predikat": "Predikat kinerja tahunan yang diserahkan, per NIP",
          "presensi": "Mengirim presensi harian (sistem presensi)",
          "metrik": "Mengirim nilai metrik kinerja (hanya metrik yang menunjuk token ini sebagai sumbernya)"}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create(actor: User, name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    """A new token and its secret (to show once)."""
    name = " ".join((name or "").split())
    errors = []
    if not name:
        errors.append(("name", "Isi nama sistem yang memakai token ini, mis. Aplikasi gaji BPKAD."))
    elif len(name) > 120:
        errors.append(("name", "Nama paling banyak 120 karakter."))
    chosen = [s for s in scopes if s in SCOPES]
    if not chosen or len(chosen) != len(scopes):
        errors.append(("scopes", "Pilih sedikitnya satu data yang boleh dibaca."))
    if errors:
        raise FieldErrors(errors)
    secret = "cpn_" + secrets.token_urlsafe(32)
    token = ApiToken(name=name, prefix=secret[:10], secret_sha256=_digest(secret), scopes=sorted(chosen),
                     created_by_id=actor.id)
    db.session.add(token)
    db.session.flush()
    record(actor, "api.token_dibuat", token, summary=f"Token API untuk {name} dibuat ({', '.join(sorted(chosen))})",
           after={"name": name, "scopes": sorted(chosen), "prefix": token.prefix}, object_type="api_token")
    return token, secret


def revoke(actor: User, token: ApiToken) -> None:
    if token.revoked_at is not None:
        raise ServiceError("Token ini sudah dicabut.")
    token.revoked_at = utcnow()
    db.session.flush()
    record(actor, "api.token_dicabut", token, summary=f"Token API untuk {token.name} dicabut",
           object_type="api_token")


def find(secret: str | None) -> ApiToken | None:
    """The live token of a bearer secret, or None (compared by digest, in constant time)."""
    if not secret or not secret.startswith("cpn_") or len(secret) > 100:
        return None
    digest = _digest(secret)
    token = db.session.scalar(select(ApiToken).where(ApiToken.secret_sha256 == digest))
    if token is None or token.revoked_at is not None or not hmac.compare_digest(token.secret_sha256, digest):
        return None
    return token


def log(token: ApiToken, path: str, status: int, records: int, address: str | None) -> None:
    token.last_used_at = utcnow()
    db.session.add(ApiRequest(token_id=token.id, path=path[:300], status=status, records=records,
                              address=(address or "")[:64] or None))


def all_tokens() -> list[ApiToken]:
    return list(db.session.scalars(select(ApiToken).order_by(ApiToken.revoked_at.is_not(None), ApiToken.name)))


def recent_requests(limit: int = 50) -> list[ApiRequest]:
    return list(db.session.scalars(select(ApiRequest).order_by(ApiRequest.at.desc(), ApiRequest.id.desc()).limit(limit)))
