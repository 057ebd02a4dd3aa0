"""Writing the audit trail. Every service that changes something calls `record`."""
from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from blinker import Namespace
from flask import has_request_context, request
from sqlalchemy import Select, distinct, select

from app.extensions import db
from app.models import AuditEvent, Employee, OrgUnit, User
from app.security import admin_opd_ids

# Sent with every event `record` writes: (event, obj=, actor=, title=).
recorded = Namespace().signal("audit-recorded")

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


# The audit trail in plain Indonesian: what kind of thing an event is about, and what happened.
OBJECT_LABELS = {
    "user_account": "Akun", "employee": "Pegawai", "org_unit": "Unit kerja", "plan": "SKP",
    "assessment": "Penilaian periode", "annual_evaluation": "Evaluasi tahunan", "objection": "Keberatan",
    "document": "Dokumen", "export_job": "Ekspor dokumen", "appraisal_year": "Tahun penilaian",
    "period": "Periode", "acting_assignment": "Plt./Plh.", "app_settings": "Pengaturan",
    "feedback_phrase": "Kalimat umpan balik", "follow_up": "Tindak lanjut", "org_target": "Sasaran organisasi",
    "org_year_result": "Hasil kinerja organisasi", "library_result": "Pustaka RHK",
    "library_indicator": "Pustaka IKI", "impor": "Impor data pegawai", "sistem": "Sistem",
    "holiday": "Hari libur", "absence": "Ketidakhadiran", "activity": "Kegiatan harian",
    "day_comment": "Umpan balik harian", "presensi": "Presensi", "api_token": "Token API",
    "tpp_list": "Daftar TPP", "tpp_basis": "Nilai TPP jabatan",
}
ACTION_SUBJECTS = {
    "akun": "Akun", "bukti": "Bukti dukung", "demo": "Data demo", "dokumen": "Dokumen",
    "hasil_organisasi": "Hasil kinerja organisasi", "impor": "Impor", "kalimat_umpan_balik": "Kalimat umpan balik",
    "keberatan": "Keberatan", "pegawai": "Pegawai", "pengaturan": "Pengaturan", "penilaian": "Penilaian periode",
    "periode": "Periode", "plt": "Plt./Plh.", "pustaka_iki": "Pustaka IKI", "pustaka_rhk": "Pustaka RHK",
    "sasaran": "Sasaran organisasi", "skp": "SKP", "tahun": "Tahun penilaian", "tahunan": "Evaluasi tahunan",
    "tindak_lanjut": "Tindak lanjut", "unit": "Unit kerja", "hari_libur": "Hari libur",
    "ketidakhadiran": "Ketidakhadiran", "kegiatan": "Kegiatan harian", "presensi": "Presensi",
    "api": "Token API", "tpp": "TPP",
}


def object_type_label(object_type: str) -> str:
    return OBJECT_LABELS.get(object_type, object_type.replace("_", " ").capitalize())


def action_label(action: str) -> str:
    """"skp.dikembalikan" → "SKP dikembalikan", "akun.kata_sandi_diubah" → "Akun: kata sandi diubah"."""
    subject, _, verb = action.partition(".")
    noun = ACTION_SUBJECTS.get(subject, subject.replace("_", " ").capitalize())
    verb = verb.replace("_", " ").strip()
    if not verb:
        return noun
    return f"{noun} {verb}" if verb.startswith("di") and " " not in verb else f"{noun}: {verb}"


def object_names(events) -> dict[tuple[str, int], dict[str, Any]]:
    """How a reader names the object of each event — "Ika Hayati · SKP 2026 versi 2" — and the
    pegawai it belongs to (for a link), read with one query per kind of object on the page."""
    from app.models import AnnualEvaluation, AppraisalYear, Assessment, Document, Period, Plan

    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.object_id is not None:
            wanted.setdefault(event.object_type, set()).add(event.object_id)
    names: dict[tuple[str, int], dict[str, Any]] = {}

    def put(kind: str, ident: int, text: str, employee_id: int | None = None, **extra) -> None:
        names[(kind, ident)] = {"text": text, "employee_id": employee_id, **extra}

    if ids := wanted.get("employee"):
        for ident, name in db.session.execute(select(Employee.id, Employee.name).where(Employee.id.in_(ids))):
            put("employee", ident, name, ident)
    if ids := wanted.get("user_account"):
        rows = db.session.execute(select(User.id, User.nip, User.display_name, Employee.name, Employee.id)
                                  .outerjoin(Employee, User.employee_id == Employee.id).where(User.id.in_(ids)))
        for ident, nip, display, name, employee_id in rows:
            put("user_account", ident, f"{name or display or 'akun'} (NIP {nip})", employee_id)
    if ids := wanted.get("org_unit"):
        for ident, name in db.session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(ids))):
            put("org_unit", ident, name)
    if ids := wanted.get("appraisal_year"):
        for ident, year in db.session.execute(select(AppraisalYear.id, AppraisalYear.year).where(AppraisalYear.id.in_(ids))):
            put("appraisal_year", ident, f"Tahun {year}", year_id=ident)
    if ids := wanted.get("plan"):
        rows = db.session.execute(select(Plan.id, Plan.version, Employee.id, Employee.name, AppraisalYear.year)
                                  .join(Employee, Plan.employee_id == Employee.id)
                                  .join(AppraisalYear, Plan.year_id == AppraisalYear.id).where(Plan.id.in_(ids)))
        for ident, version, employee_id, name, year in rows:
            put("plan", ident, f"{name} · SKP {year} versi {version}", employee_id)
    if ids := wanted.get("assessment"):
        rows = db.session.execute(select(Assessment.id, Employee.id, Employee.name, Period.label, AppraisalYear.year)
                                  .join(Employee, Assessment.employee_id == Employee.id)
                                  .join(Period, Assessment.period_id == Period.id)
                                  .join(AppraisalYear, Period.year_id == AppraisalYear.id).where(Assessment.id.in_(ids)))
        for ident, employee_id, name, label, year in rows:
            put("assessment", ident, f"{name} · {label} {year}", employee_id, assessment_id=ident)
    if ids := wanted.get("annual_evaluation"):
        rows = db.session.execute(select(AnnualEvaluation.id, Employee.id, Employee.name, AppraisalYear.year)
                                  .join(Employee, AnnualEvaluation.employee_id == Employee.id)
                                  .join(AppraisalYear, AnnualEvaluation.year_id == AppraisalYear.id)
                                  .where(AnnualEvaluation.id.in_(ids)))
        for ident, employee_id, name, year in rows:
            put("annual_evaluation", ident, f"{name} · hasil tahun {year}", employee_id)
    if ids := wanted.get("document"):
        rows = db.session.execute(select(Document.id, Document.title, Document.code, Document.employee_id)
                                  .where(Document.id.in_(ids)))
        for ident, title, code, employee_id in rows:
            put("document", ident, f"{title} (kode {code})", employee_id, code=code)
    return names


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
    # whoever the step concerns is told (services/notifications/inbox.py listens)
    recorded.send(event, obj=_unwrap(obj), actor=_unwrap(actor), title=action_label(action))
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
