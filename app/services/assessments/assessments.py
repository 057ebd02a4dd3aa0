"""The pegawai's evaluation of one period: open, save (draft), submit before the deadline (or late,
per the setting), returned by the assessor, reopened by the pengelola kinerja; bukti dukung.
Every step checks the state and the actor and is audited."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus, EvidenceKind, LatePolicy
from app.domain.periods import assessed
from app.domain.skp import Approach, PlanStatus
from app.formatting import tanggal
from app.extensions import db
from app.models import (
    AppraisalYear, Assessment, BehaviorReflection, CoreValue, Employee, Evidence, Period, Plan,
    Realization, User,
)
from app.models.base import local_today, utcnow
from app.security import can_admin_employee, may_review_period
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import evidence_store, sources
from app.services.assessments.rows import indicator_rows, refresh_capaian
from app.services.audit import record
from app.services.settings import get_settings
from app.services.years import closed_by

MAX_TEXT = 2000
RETURN_REASON_MIN = 10


@dataclass(frozen=True)
class Window:
    """Whether the pegawai may change and submit the assessment today, and why not."""

    can_edit: bool
    late: bool
    reason: str | None = None


def _opd(assessment: Assessment) -> int | None:
    return assessment.employee.unit.opd_id


def window(assessment: Assessment, today: dt.date | None = None) -> Window:
    """Open for entry: editable state, period started, period open and deadline not passed —
    or passed with late submissions allowed, or extended by the pengelola kinerja."""
    today = today or local_today()
    period = assessment.period
    if not assessment.editable:
        return Window(False, assessment.late, f"Penilaian ini berstatus {assessment.status.label}.")
    extended = assessment.extended_until is not None and today <= assessment.extended_until
    if today < entry_opens(period):
        return Window(False, False, f"Pengisian {period.label} dibuka mulai {tanggal(entry_opens(period))}.")
    if not period.is_open and not extended:
        return Window(False, False, f"Periode {period.label} sudah ditutup oleh {closed_by(period)}; "
                                    "hubungi pengelola kinerja bila penilaian ini masih perlu diisi.")
    if today <= period.submission_deadline:
        return Window(True, False)
    if extended:
        return Window(True, True)
    if get_settings().late_submission == LatePolicy.REFUSE:
        return Window(False, True, f"Batas pengajuan {period.label} ({period.submission_deadline:%d-%m-%Y}) "
                                   "sudah lewat; minta pengelola kinerja membuka kembali.")
    return Window(True, True)


def entry_opens(period: Period) -> dt.date:
    """A period can be filled from its first day; Akhir from the start of the last period."""
    if not period.is_final:
        return period.start_date
    regular = [p for p in period.year.periods if not p.is_final]
    return regular[-1].start_date if regular else period.start_date


def approved_plan_for(employee: Employee, year: AppraisalYear) -> Plan | None:
    return db.session.scalar(
        select(Plan).where(Plan.employee_id == employee.id, Plan.year_id == year.id,
                           Plan.status == PlanStatus.APPROVED).order_by(Plan.version.desc()).limit(1)
    )


def not_assessed_note(period: Period, plan: Plan | None) -> str | None:
    """Why `period` is not assessed under `plan` (it ends before the SKP's start date), or None."""
    if plan is None or period.is_final or assessed(period.end_date, plan.start_date):
        return None
    return (f"{period.label} berakhir {period.end_date:%d-%m-%Y}, sebelum SKP berlaku mulai "
            f"{plan.start_date:%d-%m-%Y}: periode ini tidak dinilai.")


def find(employee_id: int, period_id: int) -> Assessment | None:
    return db.session.scalar(
        select(Assessment).where(Assessment.employee_id == employee_id, Assessment.period_id == period_id)
    )


def open_assessment(actor: User, employee: Employee, period: Period) -> Assessment:
    """The pegawai's assessment of a period, created on first use against the approved SKP."""
    if actor.employee_id != employee.id:
        raise ServiceError("Penilaian periode diisi oleh pegawai yang bersangkutan.")
    existing = find(employee.id, period.id)
    if existing is not None:
        _rebind_if_untouched(existing)
        return existing
    return _create(actor, employee, period,
                   no_plan=(f"SKP {period.year.year} Anda belum disetujui; penilaian periode dapat diisi setelah "
                            "SKP disetujui Pejabat Penilai."),
                   not_assessed="{note}", summary="Penilaian {period} dibuka (SKP versi {version}).")


def _create(actor: User, employee: Employee, period: Period, *, no_plan: str, not_assessed: str,
            summary: str) -> Assessment:
    """A new draft assessment of the period against the pegawai's approved SKP, one empty
    realisasi per IKI, audited; refused (with the caller's words) without an approved SKP or for a
    period before the SKP starts."""
    plan = approved_plan_for(employee, period.year)
    if plan is None:
        raise ServiceError(no_plan)
    note = not_assessed_note(period, plan)
    if note is not None:
        raise ServiceError(not_assessed.format(note=note))
    assessment = Assessment(employee=employee, period=period, plan=plan, status=AssessmentStatus.DRAFT)
    for result in plan.results:
        for indicator in result.indicators:
            assessment.realizations.append(Realization(indicator_id=indicator.id))
    db.session.add(assessment)
    db.session.flush()
    record(actor, "penilaian.dibuat", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=summary.format(period=period.title, version=plan.version, name=employee.name))
    return assessment


def _rebind_if_untouched(assessment: Assessment) -> None:
    """A draft nobody has written in yet follows a newer approved SKP version."""
    if assessment.status != AssessmentStatus.DRAFT or any(
        r.value is not None or r.narrative or r.note or r.evidence for r in assessment.realizations
    ):
        return
    plan = approved_plan_for(assessment.employee, assessment.period.year)
    if plan is None or plan.id == assessment.plan_id:
        return
    assessment.plan = plan
    assessment.realizations = [Realization(indicator_id=i.id) for r in plan.results for i in r.indicators]
    db.session.flush()


def _guard(actor: User, assessment: Assessment, version: int | None) -> Window:
    if actor.employee_id != assessment.employee_id:
        raise ServiceError("Hanya pegawai yang bersangkutan yang dapat mengisi penilaian ini.")
    if version is not None and version != assessment.lock_version:
        raise ConflictError(
            "Penilaian ini telah disimpan dari tab atau perangkat lain sejak halaman ini dibuka. Isian Anda "
            "belum disimpan: periksa isian terbaru, lalu simpan kembali."
        )
    state = window(assessment)
    if not state.can_edit:
        raise ServiceError(state.reason or "Penilaian ini tidak dapat diubah.")
    return state


@dataclass
class Entry:
    """What the form sends for one IKI."""

    value: Decimal | None = None
    narrative: str | None = None
    note: str | None = None


def save(actor: User, assessment: Assessment, entries: dict[int, Entry], reflections: dict[int, str], *,
         version: int | None = None) -> None:
    """Save as draft (any time while open): realisasi, notes and perilaku reflections."""
    _guard(actor, assessment, version)
    approach = assessment.plan.approach
    by_indicator = {r.indicator_id: r for r in assessment.realizations}
    errors = []
    for indicator_id, entry in entries.items():
        realization = by_indicator.get(indicator_id)
        if realization is None:
            raise ServiceError("IKI tidak termasuk dalam SKP penilaian ini.")
        if entry.value is not None and entry.value < 0:
            errors.append((f"value_{indicator_id}", "Realisasi tidak boleh negatif."))
        for name, text in ((f"narrative_{indicator_id}", entry.narrative), (f"note_{indicator_id}", entry.note)):
            if text and len(text) > MAX_TEXT:
                errors.append((name, f"Paling banyak {MAX_TEXT} karakter."))
    values = {v.id: v for v in db.session.scalars(select(CoreValue))}
    for value_id, text in reflections.items():
        if value_id not in values:
            raise ServiceError("Nilai perilaku tidak dikenal.")
        if text and len(text) > MAX_TEXT:
            errors.append((f"reflection_{value_id}", f"Paling banyak {MAX_TEXT} karakter."))
    if errors:
        raise FieldErrors(errors)
    for indicator_id, entry in entries.items():
        realization = by_indicator[indicator_id]
        if realization.indicator.source_metric_id or realization.indicator.source_service_id:
            realization.note = (entry.note or "").strip() or None  # the value comes from its source
            continue
        if approach == Approach.KUALITATIF:
            realization.narrative = (entry.narrative or "").strip() or None
            realization.value = entry.value
        else:
            realization.value = entry.value
            realization.narrative = (entry.narrative or "").strip() or None
        realization.note = (entry.note or "").strip() or None
    existing = {r.core_value_id: r for r in assessment.reflections}
    for value_id, text in reflections.items():
        text = (text or "").strip()
        if value_id in existing:
            existing[value_id].text = text
        elif text:
            assessment.reflections.append(BehaviorReflection(core_value_id=value_id, text=text))
    assessment.updated_at = utcnow()
    db.session.flush()
    sources.sync(assessment, actor)
    refresh_capaian(assessment)
    db.session.flush()
    record(actor, "penilaian.disimpan", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Penilaian {assessment.period.title} disimpan sebagai draf.")


def missing_entries(assessment: Assessment) -> list[tuple[str, str]]:
    """(field, message) for every IKI without realisasi."""
    approach = assessment.plan.approach
    missing = []
    for row in indicator_rows(assessment):
        realization = row.realization
        if approach == Approach.KUALITATIF or row.indicator.target_value is None:
            if realization is None or not (realization.narrative or "").strip():
                missing.append((f"narrative_{row.indicator.id}", "Isi realisasi (uraian) IKI ini."))
        elif (realization is None or realization.value is None) and (
                row.indicator.source_metric_id or row.indicator.source_service_id):
            missing.append((f"value_{row.indicator.id}", "Realisasi IKI ini diambil dari sumber datanya, yang belum "
                                                         "memberi nilai untuk periode ini; hubungi pengelola kinerja."))
        elif realization is None or realization.value is None:
            missing.append((f"value_{row.indicator.id}", "Isi realisasi IKI ini dengan angka."))
    return missing


def submit(actor: User, assessment: Assessment, *, version: int | None = None) -> None:
    """Diajukan: every IKI has its realisasi; marked late after the deadline (when allowed)."""
    state = _guard(actor, assessment, version)
    if sources.sync(assessment, actor):
        refresh_capaian(assessment)
    missing = missing_entries(assessment)
    if missing:
        raise FieldErrors(missing)
    before = assessment.status
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = utcnow()
    assessment.late = state.late
    db.session.flush()
    record(actor, "penilaian.diajukan", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Penilaian {assessment.period.title} diajukan" + (" (terlambat)." if state.late else "."),
           before={"status": before.value}, after={"status": "SUBMITTED", "late": state.late})


def return_assessment(actor: User, assessment: Assessment, reason: str, *, version: int | None = None) -> None:
    """Dikembalikan: the assessor sends a submission back with notes; it becomes editable again."""
    if actor.employee_id == assessment.employee_id or not may_review_period(
            actor, assessment.employee, assessment.period):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini.")
    if version is not None and version != assessment.lock_version:
        raise ConflictError("Penilaian ini telah berubah sejak halaman ini dibuka; muat ulang halaman.")
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ServiceError(f"Penilaian berstatus {assessment.status.label} tidak dapat dikembalikan.")
    reason = (reason or "").strip()
    if len(reason) < RETURN_REASON_MIN:
        raise ServiceError(f"Tuliskan catatan pengembalian (minimal {RETURN_REASON_MIN} karakter).", field="reason")
    assessment.status = AssessmentStatus.RETURNED
    assessment.return_reason = reason
    assessment.returned_at = utcnow()
    db.session.flush()
    record(actor, "penilaian.dikembalikan", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Penilaian {assessment.period.title} {assessment.employee.name} dikembalikan: {reason}",
           before={"status": "SUBMITTED"}, after={"status": "RETURNED", "reason": reason})


def reopen(actor: User, assessment: Assessment, until: dt.date, reason: str) -> None:
    """The pengelola kinerja lets the pegawai change and submit again until a date (after the
    deadline or a closed period); a submitted assessment goes back to draft."""
    if not can_admin_employee(actor, assessment.employee):
        raise ServiceError("Hanya pengelola kinerja perangkat daerah pegawai ini yang dapat membuka kembali.")
    if assessment.status == AssessmentStatus.APPROVED:
        raise ServiceError("Penilaian yang sudah disetujui Pejabat Penilai tidak dapat dibuka kembali.")
    if until < local_today():
        raise ServiceError("Tanggal batas baru tidak boleh sebelum hari ini.", field="until")
    reason = (reason or "").strip()
    if len(reason) < RETURN_REASON_MIN:
        raise ServiceError(f"Tuliskan alasan membuka kembali (minimal {RETURN_REASON_MIN} karakter).", field="reason")
    before = {"status": assessment.status.value, "extended_until": assessment.extended_until}
    if assessment.status == AssessmentStatus.SUBMITTED:
        assessment.status = AssessmentStatus.DRAFT
    assessment.extended_until = until
    db.session.flush()
    record(actor, "penilaian.dibuka_kembali", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Penilaian {assessment.period.title} {assessment.employee.name} dibuka kembali sampai "
                   f"{until:%d-%m-%Y}: {reason}",
           before=before, after={"status": assessment.status.value, "extended_until": until})


def reopen_period(actor: User, employee: Employee, period: Period, until: dt.date, reason: str) -> Assessment:
    """Reopen a period the pegawai never started (e.g. after the deadline under the REFUSE policy):
    the pengelola kinerja creates the draft against the approved SKP, then extends it."""
    if not can_admin_employee(actor, employee):
        raise ServiceError("Hanya pengelola kinerja perangkat daerah pegawai ini yang dapat membuka kembali.")
    assessment = find(employee.id, period.id) or _create(
        actor, employee, period, no_plan=f"SKP {period.year.year} pegawai ini belum disetujui.",
        not_assessed="{note} Tetapkan tanggal mulai SKP yang lebih awal bila periode ini perlu dinilai.",
        summary="Penilaian {period} {name} disiapkan oleh pengelola kinerja.")
    reopen(actor, assessment, until, reason)
    return assessment


def _realization_of(assessment: Assessment, realization_id: int) -> Realization:
    realization = next((r for r in assessment.realizations if r.id == realization_id), None)
    if realization is None:
        raise ServiceError("IKI tidak ditemukan pada penilaian ini.")
    return realization


def add_file(actor: User, assessment: Assessment, realization_id: int, data: bytes, filename: str | None, *,
             version: int | None = None) -> Evidence:
    """Attach an uploaded file (PDF, JPG, PNG, XLSX, DOCX; at most 10 MB) as bukti dukung."""
    _guard(actor, assessment, version)
    realization = _realization_of(assessment, realization_id)
    stored = evidence_store.store(db.session, data, filename)
    evidence = Evidence(kind=EvidenceKind.FILE, stored_name=stored.stored_name, original_name=stored.original_name,
                        mime=stored.mime, size=stored.size, sha256=stored.sha256, uploaded_by_id=actor.id)
    realization.evidence.append(evidence)
    assessment.updated_at = utcnow()
    db.session.flush()
    record(actor, "bukti.ditambah", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Bukti dukung {stored.original_name} ({stored.size:,} bita) ditambahkan.")
    return evidence


def add_link(actor: User, assessment: Assessment, realization_id: int, url: str, *,
             version: int | None = None) -> Evidence:
    """Attach a link (to a document system, a shared folder, a news item) as bukti dukung."""
    _guard(actor, assessment, version)
    realization = _realization_of(assessment, realization_id)
    evidence = Evidence(kind=EvidenceKind.LINK, url=evidence_store.check_link(url), uploaded_by_id=actor.id)
    realization.evidence.append(evidence)
    assessment.updated_at = utcnow()
    db.session.flush()
    record(actor, "bukti.ditambah", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Tautan bukti dukung ditambahkan: {evidence.url}")
    return evidence


def remove_evidence(actor: User, assessment: Assessment, evidence: Evidence, *, version: int | None = None) -> None:
    _guard(actor, assessment, version)
    if evidence.realization.assessment_id != assessment.id:
        raise ServiceError("Bukti dukung tidak ditemukan pada penilaian ini.")
    if evidence.stored_name:
        evidence_store.discard(db.session, evidence.stored_name)
    evidence.realization.evidence.remove(evidence)
    assessment.updated_at = utcnow()
    db.session.flush()
    record(actor, "bukti.dihapus", assessment, object_type="assessment", opd_id=_opd(assessment),
           summary=f"Bukti dukung dihapus: {evidence.label}")


def assessment_options():
    return [
        selectinload(Assessment.realizations).selectinload(Realization.evidence),
        selectinload(Assessment.reflections),
        selectinload(Assessment.period).selectinload(Period.year).selectinload(AppraisalYear.periods),
        selectinload(Assessment.employee).selectinload(Employee.unit),
        selectinload(Assessment.plan),
    ]
