"""Writing the audit trail. Every service that changes something calls `record`."""
from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from flask import has_request_context, request
from sqlalchemy import Select, distinct, select

from app.extensions import db
from app.models import AuditEvent, Employee, OrgUnit, User
from app.security import admin_opd_ids

CLI_ACTOR = "Sistem (baris perintah)"
WEB_SYSTEM_ACTOR = "Sistem (pengamanan masuk)"  # no one acted: the app itself, during a web request

# How snapshot keys read in the audit log and in change summaries.
FIELD_LABELS = {
    "nip": "NIP",
    "name": "nama",
    "status": "status kepegawaian",
    "grade_code": "pangkat/golongan",
    "position": "jabatan",
    "position_kind": "jenis jabatan",
    "unit": "unit kerja",
    "assessor": "Pejabat Penilai",
    "external_assessor_name": "penilai eksternal",
    "external_assessor_title": "jabatan penilai eksternal",
    "email": "email",
    "active": "aktif",
    "kind": "jenis",
    "parent": "unit induk",
    "acting_employee": "pegawai yang ditugaskan",
    "replaced_employee": "pejabat yang digantikan",
    "start_date": "mulai",
    "end_date": "selesai",
    "decree": "nomor surat",
    "role": "peran",
    "opds": "perangkat daerah yang dikelola",
    "region_name": "nama pemerintah daerah",
    "document_place": "tempat dokumen",
    "head_title": "jabatan kepala daerah",
    "head_name": "nama kepala daerah",
    "paper_size": "ukuran kertas",
    "late_submission": "pengajuan setelah batas waktu",
    "logo": "logo",
    # years, periods, organisation targets and the indicator library
    "year": "tahun",
    "scheme": "periode penilaian",
    "submission_deadline": "batas pengajuan",
    "review_deadline": "batas penilaian",
    "is_open": "terbuka",
    "closed_at": "ditutup pada",
    "goal": "sasaran strategis",
    "indicator": "indikator kinerja utama",
    "target_value": "target",
    "target_high": "batas atas rentang",
    "target_unit": "satuan",
    "realization": "realisasi",
    "predikat": "predikat",
    "capaian": "capaian",
    "note": "catatan",
    "position_name": "jabatan",
    "text": "rumusan",
    "aspect": "aspek",
    "direction": "arah capaian",
    "cumulative": "kumulatif",
    "order": "urutan",
    "indicators": "IKI",
}


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def describe_changes(changes) -> str:
    """"nama, jabatan" for a summary line."""
    return ", ".join(field_label(key) for key in sorted(changes))


def jsonable(value: Any) -> Any:
    """Plain JSON values for before/after snapshots."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    return value


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (before.get(k), after.get(k)) for k in after if before.get(k) != after.get(k)}


def _unwrap(value: Any) -> Any:
    """The object behind a proxy such as flask_login.current_user."""
    getter = getattr(value, "_get_current_object", None)
    return getter() if callable(getter) else value


def _opd_of(obj: Any) -> int | None:
    if isinstance(obj, OrgUnit):
        return obj.opd_id
    if isinstance(obj, Employee):
        return obj.unit.opd_id if obj.unit is not None else None
    if isinstance(obj, User) and obj.employee is not None:
        return _opd_of(obj.employee)
    return None


def build_event(
    actor: User | None,
    action: str,
    obj: Any,
    *,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    opd_id: int | None = None,
    object_type: str | None = None,
) -> AuditEvent:
    """An audit event, not yet in the session (for bulk paths that insert many at once)."""
    actor, obj = _unwrap(actor), _unwrap(obj)
    if obj is not None and getattr(obj, "id", None) is None:
        db.session.flush()
    return AuditEvent(
        actor_user_id=actor.id if actor is not None else None,
        actor_label=f"{actor.name} ({actor.nip})" if actor is not None else (
            WEB_SYSTEM_ACTOR if has_request_context() else CLI_ACTOR),
        action=action,
        object_type=object_type or (type(obj).__tablename__ if obj is not None else "sistem"),
        object_id=getattr(obj, "id", None),
        summary=summary,
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
        opd_id=opd_id if opd_id is not None else _opd_of(obj),
        ip=request.remote_addr if has_request_context() else None,
    )


def record(actor: User | None, action: str, obj: Any, **kwargs: Any) -> AuditEvent:
    """Add one audit event to the session (flushed with the change it describes)."""
    event = build_event(actor, action, obj, **kwargs)
    db.session.add(event)
    return event


# --- reading the trail ------------------------------------------------------------------------


def event_filters() -> tuple[list[str], list[str]]:
    """The actions and object types the trail holds, for the filter lists (two queries)."""
    actions = db.session.scalars(select(distinct(AuditEvent.action)).order_by(AuditEvent.action)).all()
    types = db.session.scalars(select(distinct(AuditEvent.object_type)).order_by(AuditEvent.object_type)).all()
    return list(actions), list(types)


def events_query(user: User, *, actor: str = "", action: str = "", object_type: str = "",
                 object_id: int | None = None, since: dt.datetime | None = None,
                 before: dt.datetime | None = None) -> Select:
    """The events the user may read (a pengelola kinerja: those of their OPDs) that match, newest
    first (the caller paginates)."""
    query = select(AuditEvent)
    scope = admin_opd_ids(user)
    if scope is not None:
        query = query.where(AuditEvent.opd_id.in_(scope or {-1}))
    text = (actor or "").strip().replace("%", "").replace("_", "")
    if text:
        query = query.where(AuditEvent.actor_label.ilike(f"%{text}%"))
    if action:
        query = query.where(AuditEvent.action == action)
    if object_type:
        query = query.where(AuditEvent.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditEvent.object_id == object_id)
    if since is not None:
        query = query.where(AuditEvent.created_at >= since)
    if before is not None:
        query = query.where(AuditEvent.created_at < before)
    return query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
