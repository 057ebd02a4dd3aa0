"""Issuing documents: a PDF rendered from a plain-data snapshot, with a random verification code,
signed (PAdES) when a certificate is configured, stored under instance/documents/ and recorded
with its hash. An unchanged source returns the document already issued; a changed one makes a
new version and marks the previous one superseded (its bytes and snapshot are never touched)."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from flask import current_app, has_request_context, request
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.domain.enums import DocumentKind
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Assessment, Document, OrgUnit, Plan, User
from app.models.base import utcnow
from app.services import ConflictError, ServiceError
from app.services.audit import record
from app.services.documents.store import path_for, read_bytes, write  # noqa: F401  (re-exported)

# No I/L/O/0/1: a code read off paper cannot be mistyped into another one.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12

# URL/CLI names of the kinds.
SLUGS = {
    "skp": DocumentKind.SKP,
    "evaluasi": DocumentKind.EVALUASI,
    "dokumen-evaluasi": DocumentKind.DOKUMEN_EVALUASI,
    "rekap": DocumentKind.REKAP,
}
SLUG_OF = {kind: slug for slug, kind in SLUGS.items()}


class DocumentError(ServiceError):
    """The document cannot be issued (signing failed, rekap not allowed, …)."""


# --- codes ----------------------------------------------------------------------------------

def new_code() -> str:
    """"K7QM-2XHP-WD9R": 12 random characters (≈ 59 bits) from an unambiguous alphabet."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str | None) -> str | None:
    """A typed code in its stored form (case, spaces and dashes do not matter), or None."""
    raw = re.sub(r"[\s\-–.]", "", (text or "")).upper()
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def find_by_code(code: str | None) -> Document | None:
    """The document with this verification code (any version), or None."""
    normal = normalise_code(code)
    if normal is None:
        return None
    return db.session.scalar(select(Document).where(Document.code == normal))


def mask_nip(nip: str | None) -> str:
    """"1986********2002": enough to recognise a NIP on paper, not enough to learn it."""
    nip = (nip or "").strip()
    if len(nip) < 9:
        return "*" * len(nip)
    return f"{nip[:4]}********{nip[-4:]}"


def verify_upload(document: Document, data: bytes) -> bool:
    """True when `data` is byte for byte the PDF that was issued (SHA-256)."""
    return hmac.compare_digest(hashlib.sha256(data).hexdigest(), document.sha256)


# --- subjects ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Subject:
    """What one document is about: its kind and the rows it was made from."""

    kind: DocumentKind
    year_id: int
    employee_id: int | None = None
    opd_id: int | None = None
    period_id: int | None = None
    plan_id: int | None = None
    assessment_id: int | None = None
    evaluation_id: int | None = None

    def where(self):
        """The documents of the same subject (every version)."""
        clauses = [Document.kind == self.kind, Document.year_id == self.year_id]
        if self.kind == DocumentKind.SKP:
            clauses.append(Document.plan_id == self.plan_id)
        elif self.kind == DocumentKind.REKAP:
            clauses += [Document.opd_id == self.opd_id, Document.employee_id.is_(None)]
        else:
            clauses.append(Document.employee_id == self.employee_id)
            clauses.append(Document.period_id.is_(None) if self.period_id is None
                           else Document.period_id == self.period_id)
        return clauses


def _subject(kind: DocumentKind, source: Any) -> tuple[Subject, Any]:
    """The subject and the snapshot function's argument for `source`."""
    if kind == DocumentKind.SKP and isinstance(source, Plan):
        return Subject(kind, source.year_id, employee_id=source.employee_id, plan_id=source.id), source
    if kind == DocumentKind.EVALUASI and isinstance(source, Assessment):
        return Subject(kind, source.period.year_id, employee_id=source.employee_id, period_id=source.period_id,
                       assessment_id=source.id), source
    if kind in (DocumentKind.EVALUASI, DocumentKind.DOKUMEN_EVALUASI) and isinstance(source, AnnualEvaluation):
        final = source.year.final_period
        period_id = final.id if (kind == DocumentKind.EVALUASI and final is not None) else None
        return Subject(kind, source.year_id, employee_id=source.employee_id, period_id=period_id,
                       evaluation_id=source.id), source
    if kind == DocumentKind.REKAP and isinstance(source, tuple) and len(source) == 2:
        opd, year = source
        if isinstance(opd, OrgUnit) and isinstance(year, AppraisalYear):
            return Subject(kind, year.id, opd_id=opd.id), source
    raise ValueError(f"cannot issue {kind} from {type(source).__name__}")


def build_snapshot(kind: DocumentKind, source: Any) -> dict:
    """The plain data of the document (raises DocumentUnavailable without the approval)."""
    from app.services.documents import data

    if kind == DocumentKind.SKP:
        return data.snapshot_skp(source)
    if kind == DocumentKind.EVALUASI:
        return (data.snapshot_annual(source) if isinstance(source, AnnualEvaluation)
                else data.snapshot_evaluation(source))
    if kind == DocumentKind.DOKUMEN_EVALUASI:
        return data.snapshot_dokumen_evaluasi(source)
    opd, year = source
    return data.snapshot_recap(opd, year.year)


def _plain(snapshot: dict) -> dict:
    """The snapshot as it reads back from the JSON column (tuples → lists, …)."""
    return json.loads(json.dumps(snapshot, default=str))


def current_document(subject: Subject) -> Document | None:
    """The document of this subject that is still valid (not superseded), if any."""
    return db.session.scalar(select(Document).where(*subject.where(), Document.superseded_at.is_(None))
                             .order_by(Document.version.desc()).limit(1))


def current_for(kind: DocumentKind, source: Any) -> Document | None:
    return current_document(_subject(kind, source)[0])


# --- issuing --------------------------------------------------------------------------------

def base_url() -> str:
    """Where the verification page lives: BASE_URL, else the address of the current request, else
    FALLBACK_BASE_URL (`make run` sets it to the demo's address); "" when none is known (the
    command line then refuses to issue, unless told to print a relative address)."""
    configured = current_app.config.get("BASE_URL")
    if configured:
        return configured.rstrip("/")
    if has_request_context():
        return request.host_url.rstrip("/")
    return (current_app.config.get("FALLBACK_BASE_URL") or "").rstrip("/")


def verify_url(code: str, base: str | None = None) -> str:
    return f"{(base if base is not None else base_url()).rstrip('/')}/verifikasi/{code}"


def issued_at_text(moment: dt.datetime) -> str:
    """"23 November 2026 10.15 WIB": the day and the time of the issue, in the kabupaten's zone."""
    from app.formatting import tanggal_jam

    return tanggal_jam(moment)


def _unused_code() -> str:
    while True:
        code = new_code()
        if db.session.scalar(select(Document.id).where(Document.code == code)) is None:
            return code


def _sign(data: bytes, title: str, code: str):
    from app.services.settings import get_settings
    from app.services.documents.signing import SigningError, sign_pdf

    try:
        return sign_pdf(data, reason=f"{title} (kode verifikasi {code})", location=get_settings().document_place)
    except (SigningError, ValueError, OSError) as error:
        current_app.logger.exception("Signing failed")
        raise DocumentError(f"Dokumen tidak dapat ditandatangani secara elektronik: {error}") from error


def _footer_signer() -> str:
    from app.services.documents.signing import SigningError, footer_signer

    try:
        return footer_signer() or "other"
    except (SigningError, ValueError, OSError) as error:
        raise DocumentError(f"Dokumen tidak dapat ditandatangani secara elektronik: {error}") from error


def _still_current(previous: Document | None, snapshot: dict, sign: bool, stamp: bool) -> bool:
    """Whether the current document stands for this issue: the same data (the paper size is part
    of it: a change of paper makes a new version), signed if a certificate is configured now, and
    timestamped if a TSA is. An unsigned (or untimestamped) document is superseded by a signed (and
    timestamped) one of the same data, with a new code, once that is set up; a document is never
    replaced by a weaker one when signing or the TSA is switched off."""
    return (previous is not None and previous.snapshot == snapshot and (previous.signed or not sign)
            and (previous.timestamped or not stamp))


@dataclass
class Pending:
    """A document about to be issued: its data read, its code chosen, what the render needs (plain
    data, for a render process) — nothing written yet."""

    kind: DocumentKind
    subject: Subject
    snapshot: dict
    sign: bool
    stamp: bool
    code: str
    issued_at: dt.datetime
    render: dict[str, Any]


def prepare(kind: DocumentKind | str, source: Any, *, user: User | None, base: str | None = None) -> Document | Pending:
    """The current document when its data has not changed (nothing to render), else what a new
    version needs (raises DocumentUnavailable without the approval)."""
    from app.services.documents.render import logo_of
    from app.services.documents.signing import signing_configured, timestamping_configured

    kind = kind if isinstance(kind, DocumentKind) else SLUGS[kind]
    subject, argument = _subject(kind, source)
    snapshot = _plain(build_snapshot(kind, argument))
    sign = signing_configured()
    stamp = sign and timestamping_configured()
    previous = current_document(subject)
    if _still_current(previous, snapshot, sign, stamp):
        return previous
    code = _unused_code()
    issued_at = utcnow().replace(microsecond=0)
    render = {"snapshot": snapshot, "code": code, "verify_url": verify_url(code, base),
              "issued_at_text": issued_at_text(issued_at), "signer": _footer_signer() if sign else None,
              "issued_by": user.name if user is not None else None, "logo": logo_of(snapshot)}
    return Pending(kind, subject, snapshot, sign, stamp, code, issued_at, render)


def complete(pending: Pending, pdf: bytes, *, user: User | None) -> Document:
    """Sign (when configured) and store the rendered PDF as the subject's new version, superseding
    the current one; when another request issued the same data meanwhile, that one is returned."""
    kind, subject, snapshot, code, issued_at = (pending.kind, pending.subject, pending.snapshot, pending.code,
                                               pending.issued_at)
    signed = timestamped = long_term = False
    if pending.sign:
        result = _sign(pdf, snapshot.get("title") or kind.label, code)
        pdf, long_term = result.data, result.long_term
        signed, timestamped = True, pending.stamp
    previous = current_document(subject)  # another request may have issued it meanwhile
    if _still_current(previous, snapshot, pending.sign, pending.stamp):
        return previous

    if previous is not None:
        # Only one request may supersede a document: a second one finds the row already changed.
        done = db.session.execute(update(Document).where(Document.id == previous.id,
                                                         Document.superseded_at.is_(None))
                                  .values(superseded_at=issued_at).execution_options(synchronize_session=False))
        if done.rowcount != 1:
            raise ConflictError("Dokumen ini baru saja diterbitkan oleh pengguna lain; muat ulang halaman.")
        db.session.refresh(previous)
    last = db.session.scalar(select(Document.version).where(*subject.where())
                             .order_by(Document.version.desc()).limit(1))
    version = (last or 0) + 1

    facts = snapshot.get("subject") or {}
    document = Document(
        kind=kind, code=code, employee_id=subject.employee_id, opd_id=subject.opd_id or _opd_of(subject),
        year_id=subject.year_id, period_id=subject.period_id, plan_id=subject.plan_id,
        assessment_id=subject.assessment_id, evaluation_id=subject.evaluation_id, version=version,
        supersedes_id=previous.id if previous is not None else None,
        title=(snapshot.get("title") or kind.label)[:300], predikat=(facts.get("predikat") or None) and str(facts["predikat"])[:40],
        snapshot=snapshot, stored_name=write(db.session, pdf), sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf), signed=signed, timestamped=timestamped, long_term=long_term, issued_at=issued_at,
        issued_by_id=user.id if user is not None else None,
    )
    try:
        with db.session.begin_nested():  # another request may have issued it a moment ago
            db.session.add(document)
    except IntegrityError:
        raise ConflictError("Dokumen ini baru saja diterbitkan oleh pengguna lain; muat ulang halaman.") from None
    record(user, "dokumen.diterbitkan", document, opd_id=document.opd_id,
           summary=f"{document.title} {facts.get('employee_name') or ''} versi {version} diterbitkan "
                   f"(kode {code}{', ditandatangani' if signed else ''})".replace("  ", " "),
           after={"kind": kind, "code": code, "version": version, "sha256": document.sha256,
                  "supersedes": previous.code if previous is not None else None})
    return document


def issue(kind: DocumentKind | str, source: Any, *, user: User | None, base: str | None = None,
          release=None) -> Document:
    """Issue the document of `source`, or return the current one when its data has not changed.

    The PDF is rendered by the render processes (render_pool). `release()`, when given, runs once
    the data is read and before the PDF is rendered (half a second or more), so that the caller can
    end the read transaction: on SQLite a POST holds the write lock from its first query, and
    nobody else could save while WeasyPrint works. What was issued meanwhile is looked at again
    afterwards."""
    from app.services.documents import render_pool

    pending = prepare(kind, source, user=user, base=base)
    if isinstance(pending, Document):
        return pending
    if release is not None:
        release()
    return complete(pending, render_pool.render(pending.render), user=user)


def _opd_of(subject: Subject) -> int | None:
    if subject.employee_id is None:
        return None
    from app.models import Employee

    employee = db.session.get(Employee, subject.employee_id)
    return employee.unit.opd_id if employee is not None else None


def successor(document: Document) -> Document | None:
    """The version that superseded this document, if any."""
    return db.session.scalar(select(Document).where(Document.supersedes_id == document.id))
