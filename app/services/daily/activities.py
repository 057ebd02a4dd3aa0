"""A pegawai's activities of a day: record, change, delete, copy the previous day's; each checked by
the rules of domain/daily.py with every problem at its field at once, audited, and locked against
two people changing the same activity (lock_version)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.daily import ActivityCategory, ActivityStatus, Slot, entry_problems, minutes_between, time_text
from app.domain.enums import EvidenceKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Activity, ActivityEvidence, AppraisalYear, Employee, Plan, User, WorkResult
from app.models.base import local_zone
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import evidence_store
from app.services.audit import record
from app.services.daily.calendar import rules_for

EDITABLE = (ActivityStatus.MENUNGGU, ActivityStatus.DIKEMBALIKAN)
DESCRIPTION_MAX = 2000


@dataclass
class Entry:
    """What the day's form sends for one activity (parsed, not yet checked)."""

    day: dt.date
    start: dt.time | None
    end: dt.time | None
    description: str
    category: ActivityCategory | None
    work_result_id: int | None = None
    indicator_id: int | None = None
    output_quantity: Decimal | None = None
    output_unit: str = ""
    link: str = ""
    file: tuple[bytes, str] | None = None  # (data, the file's own name)


def plan_for_day(employee_id: int, day: dt.date) -> Plan | None:
    """The SKP in force on `day`: the newest approved version of that year, with its RHK and IKI."""
    return db.session.scalar(
        select(Plan).join(AppraisalYear, Plan.year_id == AppraisalYear.id)
        .where(Plan.employee_id == employee_id, AppraisalYear.year == day.year, Plan.status == PlanStatus.APPROVED)
        .options(selectinload(Plan.results).selectinload(WorkResult.indicators))
        .order_by(Plan.version.desc()).limit(1))


def slots_of(employee_id: int, day: dt.date, *, besides: int | None = None) -> list[Slot]:
    query = select(Activity.start_time, Activity.end_time, Activity.minutes, Activity.description).where(
        Activity.employee_id == employee_id, Activity.day == day)
    if besides is not None:
        query = query.where(Activity.id != besides)
    return [Slot(start, end, minutes, _short(text)) for start, end, minutes, text in db.session.execute(query)]


def _short(text: str, length: int = 40) -> str:
    text = " ".join((text or "").split())
    return f"«{text[:length - 1]}…»" if len(text) > length else f"«{text}»"


def day_activities(employee_id: int, day: dt.date) -> list[Activity]:
    """The day's activities in time order, with their RHK, IKI and bukti dukung (three queries)."""
    return list(db.session.scalars(
        select(Activity).where(Activity.employee_id == employee_id, Activity.day == day)
        .options(selectinload(Activity.evidence), selectinload(Activity.work_result), selectinload(Activity.indicator))
        .order_by(Activity.start_time, Activity.id)))


def _checked(employee: Employee, entry: Entry, *, besides: int | None = None,
             window: bool = True) -> tuple[int, WorkResult | None]:
    """Every problem of the entry at its field (FieldErrors), else its minutes and its RHK. Without
    `window` the entry window does not apply (a returned activity is fixed after it)."""
    errors: list[tuple[str, str]] = []
    if entry.start is None:
        errors.append(("start", "Isi jam mulai (contoh 08.00)."))
    if entry.end is None:
        errors.append(("end", "Isi jam selesai (contoh 09.30)."))
    description = (entry.description or "").strip()
    if not description:
        errors.append(("description", "Tuliskan kegiatan yang dikerjakan."))
    elif len(description) > DESCRIPTION_MAX:
        errors.append(("description", f"Uraian kegiatan paling banyak {DESCRIPTION_MAX:,} karakter.".replace(",", ".")))
    rules = rules_for(employee, entry.day)
    if not window:
        rules = replace(rules, earliest=min(rules.earliest, entry.day))
    errors += entry_problems(entry.day, entry.start, entry.end, slots_of(employee.id, entry.day, besides=besides),
                             rules)
    result = None
    if entry.category is None:
        errors.append(("category", "Pilih untuk apa kegiatan ini: RHK dalam SKP, tugas tambahan, atau lainnya."))
    elif entry.category == ActivityCategory.RHK:
        plan = plan_for_day(employee.id, entry.day)
        if plan is None:
            errors.append(("work_result_id", f"Belum ada SKP {entry.day.year} yang disetujui; pilih tugas tambahan "
                                             "atau lainnya."))
        else:
            result = next((r for r in plan.results if r.id == entry.work_result_id), None)
            if result is None:
                errors.append(("work_result_id", "Pilih RHK dari SKP Anda yang disetujui."))
            elif entry.indicator_id is not None and entry.indicator_id not in {i.id for i in result.indicators}:
                errors.append(("indicator_id", "IKI yang dipilih bukan bagian dari RHK itu."))
    if entry.output_quantity is not None:
        if entry.output_quantity <= 0 or entry.output_quantity >= Decimal("1000000"):
            errors.append(("output_quantity", "Jumlah keluaran harus lebih dari 0 dan kurang dari 1.000.000."))
        if not (entry.output_unit or "").strip():
            errors.append(("output_unit", "Isi satuan keluarannya, misalnya Surat atau Dokumen."))
    elif (entry.output_unit or "").strip():
        errors.append(("output_quantity", "Isi jumlah keluaran untuk satuan itu."))
    if len((entry.output_unit or "").strip()) > 50:
        errors.append(("output_unit", "Satuan paling banyak 50 karakter."))
    if entry.link:
        try:
            evidence_store.check_link(entry.link)
        except ServiceError as error:
            errors.append(("link", error.message))
    if entry.file is not None:
        try:
            evidence_store.check_file(entry.file[0])
        except ServiceError as error:
            errors.append(("file", error.message))
    if errors:
        raise FieldErrors(errors)
    return minutes_between(entry.start, entry.end), result


def _evidence(user: User, activity: Activity, entry: Entry) -> None:
    if entry.file is not None:
        stored = evidence_store.store(db.session, entry.file[0], entry.file[1])
        activity.evidence.append(ActivityEvidence(
            kind=EvidenceKind.FILE, original_name=stored.original_name, stored_name=stored.stored_name,
            mime=stored.mime, size=stored.size, sha256=stored.sha256, uploaded_by_id=user.id))
    if entry.link:
        activity.evidence.append(ActivityEvidence(kind=EvidenceKind.LINK, url=entry.link.strip(),
                                                  uploaded_by_id=user.id))


def _facts(activity: Activity) -> dict:
    return {"day": activity.day.isoformat(), "time": f"{time_text(activity.start_time)}–{time_text(activity.end_time)}",
            "description": activity.description, "category": activity.category,
            "work_result_id": activity.work_result_id, "indicator_id": activity.indicator_id,
            "output": f"{activity.output_quantity} {activity.output_unit}" if activity.output_quantity else None}


def _owner(user: User, employee: Employee) -> None:
    if user.employee_id != employee.id:
        raise ServiceError("Hanya pegawai sendiri yang mencatat kegiatan hariannya.")


def add(user: User, employee: Employee, entry: Entry) -> Activity:
    _owner(user, employee)
    minutes, result = _checked(employee, entry)
    activity = Activity(
        employee_id=employee.id, day=entry.day, start_time=entry.start, end_time=entry.end, minutes=minutes,
        description=entry.description.strip(), category=entry.category,
        work_result_id=result.id if result else None,
        indicator_id=entry.indicator_id if result else None,
        output_quantity=entry.output_quantity, output_unit=(entry.output_unit or "").strip() or None,
        status=ActivityStatus.MENUNGGU)
    db.session.add(activity)
    _evidence(user, activity, entry)
    db.session.flush()
    record(user, "kegiatan.dicatat", activity, opd_id=employee.unit.opd_id,
           summary=f"Kegiatan {employee.name} {entry.day:%d-%m-%Y} {time_text(entry.start)}–{time_text(entry.end)} "
                   "dicatat", after=_facts(activity))
    return activity


def may_change(activity: Activity, today: dt.date | None = None, *, rules=None) -> bool:
    """Whether the pegawai may still change or delete it: waiting for verification with its day
    inside the entry window, or returned by the assessor within the same number of working days
    (the window then counts from the return). `rules`: the day's rules when the caller has them
    (a day's page asks for each of its activities)."""
    if activity.status not in EDITABLE:
        return False
    rules = rules or rules_for(activity.employee, activity.day, today)
    if activity.status == ActivityStatus.DIKEMBALIKAN:
        returned = activity.verified_at.astimezone(local_zone()).date() if activity.verified_at else rules.today
        return returned >= rules.earliest
    return activity.day >= rules.earliest


def update(user: User, activity: Activity, entry: Entry, *, lock_version: int | None) -> Activity:
    employee = activity.employee
    _owner(user, employee)
    if lock_version is not None and lock_version != activity.lock_version:
        raise ConflictError("Kegiatan ini telah diubah sejak halaman dibuka; muat ulang dan periksa lagi.")
    if not may_change(activity):
        raise ServiceError("Kegiatan ini sudah diverifikasi atau sudah lewat batas waktu pencatatan; tidak dapat diubah.")
    if entry.day != activity.day:
        raise ServiceError("Tanggal kegiatan tidak dapat diubah; hapus lalu catat pada tanggalnya.", field="day")
    returned = activity.status == ActivityStatus.DIKEMBALIKAN
    before = _facts(activity)
    minutes, result = _checked(employee, entry, besides=activity.id, window=not returned)
    activity.start_time, activity.end_time, activity.minutes = entry.start, entry.end, minutes
    activity.description = entry.description.strip()
    activity.category = entry.category
    activity.work_result_id = result.id if result else None
    activity.indicator_id = entry.indicator_id if result else None
    activity.output_quantity = entry.output_quantity
    activity.output_unit = (entry.output_unit or "").strip() or None
    activity.status, activity.return_note = ActivityStatus.MENUNGGU, (activity.return_note if returned else None)
    activity.verified_by_id = activity.verified_at = activity.verified_as = None
    _evidence(user, activity, entry)
    db.session.flush()
    record(user, "kegiatan.diubah" if not returned else "kegiatan.diperbaiki", activity, opd_id=employee.unit.opd_id,
           summary=f"Kegiatan {employee.name} {activity.day:%d-%m-%Y} "
                   f"{'diperbaiki setelah dikembalikan' if returned else 'diubah'}",
           before=before, after=_facts(activity))
    return activity


def delete(user: User, activity: Activity) -> None:
    employee = activity.employee
    _owner(user, employee)
    if not may_change(activity):
        raise ServiceError("Kegiatan ini sudah diverifikasi atau sudah lewat batas waktu pencatatan; tidak dapat dihapus.")
    record(user, "kegiatan.dihapus", activity, opd_id=employee.unit.opd_id,
           summary=f"Kegiatan {employee.name} {activity.day:%d-%m-%Y} {time_text(activity.start_time)}–"
                   f"{time_text(activity.end_time)} dihapus", before=_facts(activity))
    for evidence in activity.evidence:
        if evidence.stored_name:
            evidence_store.discard(db.session, evidence.stored_name)
    db.session.delete(activity)
    db.session.flush()


def remove_evidence(user: User, evidence: ActivityEvidence) -> None:
    activity = evidence.activity
    _owner(user, activity.employee)
    if not may_change(activity):
        raise ServiceError("Bukti dukung kegiatan yang sudah diverifikasi tidak dapat dihapus.")
    record(user, "kegiatan.bukti_dihapus", activity, opd_id=activity.employee.unit.opd_id,
           summary=f"Bukti dukung {evidence.label} dihapus dari kegiatan {activity.day:%d-%m-%Y}",
           before={"evidence": evidence.label})
    if evidence.stored_name:
        evidence_store.discard(db.session, evidence.stored_name)
    activity.evidence.remove(evidence)
    db.session.flush()


def copy_previous(user: User, employee: Employee, day: dt.date) -> tuple[list[Activity], list[str]]:
    """Copy the activities of the last earlier day that has any (times, uraian, RHK and IKI,
    output; no bukti dukung) onto `day`: the ones that fit; the others are named with the reason."""
    _owner(user, employee)
    source_day = db.session.scalar(select(Activity.day).where(Activity.employee_id == employee.id, Activity.day < day)
                                   .order_by(Activity.day.desc()).limit(1))
    if source_day is None:
        raise ServiceError("Belum ada kegiatan pada hari sebelumnya untuk disalin.")
    copied, skipped = [], []
    for source in day_activities(employee.id, source_day):
        entry = Entry(day=day, start=source.start_time, end=source.end_time, description=source.description,
                      category=source.category, work_result_id=source.work_result_id,
                      indicator_id=source.indicator_id, output_quantity=source.output_quantity,
                      output_unit=source.output_unit or "")
        try:
            with db.session.begin_nested():
                copied.append(add(user, employee, entry))
        except FieldErrors as errors:
            skipped.append(f"{time_text(source.start_time)}–{time_text(source.end_time)} {_short(source.description)}: "
                           + " ".join(m for _, m in errors.errors))
    if not copied and not skipped:
        raise ServiceError("Belum ada kegiatan pada hari sebelumnya untuk disalin.")
    return copied, skipped
