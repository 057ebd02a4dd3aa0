"""The SKP lifecycle: start, submit, withdraw, approve, return, revise ("Ubah SKP"), and the
assessor's ekspektasi. Every transition checks the state and the actor and is audited."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import PositionKind
from app.domain.skp import (
    Approach, PlanAction, PlanStatus, Problem, TransitionError, next_status,
)
from app.extensions import db
from app.models import AppraisalYear, CoreValue, Employee, Expectation, Indicator, Plan, User, WorkResult
from app.models.base import local_today, local_zone, utcnow
from app.security import can_admin_employee, can_edit_plan, can_review_plan, is_reviewer_of
from app.services import ConflictError, ServiceError
from app.services.audit import record
from app.services.org.acting import signing_title
from app.services.skp.plan_copy import copy_content, copy_from_library, copy_from_plan, library_has
from app.services.skp.plan_rules import submission_problems

RETURN_REASON_MIN = 10


class PlanIncomplete(ServiceError):
    """The SKP cannot be submitted yet; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("SKP belum lengkap: " + " ".join(p.message for p in problems[:3])
                         + (" …" if len(problems) > 3 else ""))
        self.problems = problems


def plan_options():
    """Eager loads for showing or copying a whole plan without N+1 queries."""
    return [
        selectinload(Plan.results).selectinload(WorkResult.indicators).selectinload(Indicator.period_targets),
        selectinload(Plan.results).selectinload(WorkResult.parent),
        selectinload(Plan.results).selectinload(WorkResult.org_target),
        selectinload(Plan.expectations),
        selectinload(Plan.employee).selectinload(Employee.unit),
        selectinload(Plan.year),
    ]


def latest_plan(employee_id: int, year_id: int, *, full: bool = False) -> Plan | None:
    """The newest version of a pegawai's SKP for a year, whatever its state (`full`: with
    everything the SKP page shows, `plan_options`)."""
    query = (select(Plan).where(Plan.employee_id == employee_id, Plan.year_id == year_id)
             .order_by(Plan.version.desc()).limit(1))
    return db.session.scalar(query.options(*plan_options()) if full else query)


def _previous_year(year: AppraisalYear) -> AppraisalYear | None:
    return db.session.scalar(
        select(AppraisalYear).where(AppraisalYear.year < year.year).order_by(AppraisalYear.year.desc()).limit(1))


def last_year_available(employee_id: int, year: AppraisalYear) -> bool:
    """Whether "salin SKP tahun lalu" has something to copy: a plan in the year before."""
    previous = _previous_year(year)
    return previous is not None and db.session.scalar(
        select(Plan.id).where(Plan.employee_id == employee_id, Plan.year_id == previous.id).limit(1)) is not None


def approved_plan(employee_id: int, year_id: int) -> Plan | None:
    """The SKP in force: the newest approved version."""
    return db.session.scalar(
        select(Plan).where(Plan.employee_id == employee_id, Plan.year_id == year_id,
                           Plan.status == PlanStatus.APPROVED)
        .order_by(Plan.version.desc()).limit(1)
    )


def versions(employee_id: int, year_id: int) -> list[Plan]:
    return list(db.session.scalars(
        select(Plan).where(Plan.employee_id == employee_id, Plan.year_id == year_id).order_by(Plan.version)
    ))


def person_snapshot(employee: Employee | None) -> dict[str, Any] | None:
    if employee is None:
        return None
    opd = employee.unit.opd if employee.unit is not None else None
    return {
        "name": employee.name,
        "nip": employee.nip,
        "grade": employee.grade_label,
        "position": employee.position,
        "unit": employee.unit.name if employee.unit is not None else "",
        "opd": opd.name if opd is not None else "",
    }


def snapshot_of(employee: Employee) -> dict[str, Any]:
    """Who is who for this SKP, as plain values frozen into the plan."""
    assessor = employee.assessor
    external = None
    if assessor is None and employee.external_assessor_name:
        external = {"name": employee.external_assessor_name, "title": employee.external_assessor_title or ""}
    return {
        "employee": person_snapshot(employee),
        "assessor": person_snapshot(assessor),
        "external_assessor": external,
        "second_assessor": person_snapshot(assessor.assessor if assessor is not None else None),
    }


def _check_version(plan: Plan, version: int | None) -> None:
    if version is not None and version != plan.lock_version:
        raise ConflictError(
            "SKP ini telah diubah di tab atau perangkat lain sejak halaman ini dibuka. Perubahan Anda "
            "belum disimpan: muat ulang halaman, lalu ulangi."
        )


def start_plan(actor: User, employee: Employee, year: AppraisalYear, *, source: str = "empty") -> Plan:
    """The pegawai starts their SKP for a year: empty, from last year's SKP, or from the library."""
    if actor.employee_id != employee.id:
        raise ServiceError("SKP hanya dapat disusun oleh pegawai yang bersangkutan.")
    if not employee.active:
        raise ServiceError("Pegawai nonaktif tidak dapat menyusun SKP.")
    if latest_plan(employee.id, year.id) is not None:
        raise ServiceError(f"SKP tahun {year.year} sudah ada.")
    previous = None
    if source == "last_year":
        previous_year = _previous_year(year)
        if previous_year is not None:
            previous = approved_plan(employee.id, previous_year.id) or latest_plan(employee.id, previous_year.id)
        if previous is None:
            raise ServiceError("Tidak ada SKP tahun sebelumnya untuk disalin.", field="source")
    elif source == "library":
        if not library_has(employee.position):
            raise ServiceError(f"Pustaka indikator belum memuat RHK untuk jabatan '{employee.position}'.",
                               field="source")
    elif source != "empty":
        raise ServiceError("Pilihan cara memulai SKP tidak dikenal.", field="source")
    is_jpt = employee.position_kind == PositionKind.JPT
    plan = Plan(
        employee=employee, year=year, version=1, status=PlanStatus.DRAFT,
        approach=Approach.KUANTITATIF, is_jpt=is_jpt, snapshot=snapshot_of(employee),
        resources="", accountability="", consequences="",
    )
    db.session.add(plan)
    db.session.flush()
    copied = 0
    if previous is not None:
        copied = copy_from_plan(previous, plan, keep_links=False)
    elif source == "library":
        copied = copy_from_library(employee.position, plan)
    db.session.flush()
    record(actor, "skp.dibuat", plan, object_type="plan", opd_id=employee.unit.opd_id,
           summary=f"SKP {year.year} disusun ({'kosong' if source == 'empty' else source}, {copied} RHK disalin).")
    return plan


def _transition(plan: Plan, action: PlanAction) -> PlanStatus:
    try:
        return next_status(action, plan.status)
    except TransitionError as exc:
        raise ServiceError(str(exc)) from None


def submit(actor: User, plan: Plan, *, version: int | None = None) -> None:
    """Diajukan: the pegawai sends a complete SKP to the Pejabat Penilai."""
    if not can_edit_plan(actor, plan):
        raise ServiceError("Hanya pegawai yang bersangkutan yang dapat mengajukan SKP draf atau dikembalikan.")
    _check_version(plan, version)
    new_status = _transition(plan, PlanAction.SUBMIT)
    if plan.employee.assessor is None and not plan.employee.external_assessor_name:
        raise ServiceError("Pejabat Penilai Anda belum ditetapkan; hubungi pengelola kinerja.")
    problems = submission_problems(plan)
    if problems:
        raise PlanIncomplete(problems)
    before = plan.status
    plan.status = new_status
    plan.submitted_at = utcnow()
    plan.snapshot = snapshot_of(plan.employee)
    db.session.flush()
    record(actor, "skp.diajukan", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} versi {plan.version} diajukan.",
           before={"status": before.value}, after={"status": new_status.value})


def withdraw(actor: User, plan: Plan) -> None:
    """The pegawai takes a submitted SKP back to draft before it is reviewed."""
    if actor.employee_id != plan.employee_id:
        raise ServiceError("Hanya pegawai yang bersangkutan yang dapat menarik SKP.")
    plan.status = _transition(plan, PlanAction.WITHDRAW)
    plan.submitted_at = None
    db.session.flush()
    record(actor, "skp.ditarik", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} versi {plan.version} ditarik kembali ke draf.",
           before={"status": "SUBMITTED"}, after={"status": "DRAFT"})


def _signing_title(actor: User, plan: Plan) -> str:
    """How the approver is printed: their jabatan, "Plt./Plh. <jabatan>" when they act for the
    post that assesses this pegawai, or the external assessor recorded by the pengelola kinerja."""
    employee = plan.employee
    if employee.assessor is None:
        return f"{employee.external_assessor_title or 'Kepala daerah'} (dicatat oleh {actor.name})"
    today = local_today()
    return signing_title(actor, employee, today, today)


def approve(actor: User, plan: Plan, *, version: int | None = None) -> None:
    """Disetujui: the assessor (or acting) agrees the SKP; it is frozen, an older approved version
    is superseded. The SKP counts from its start date: the first approval's day unless the
    pengelola kinerja set an earlier one; a new version keeps the start of the one it replaces."""
    if not can_review_plan(actor, plan):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini.")
    _check_version(plan, version)
    new_status = _transition(plan, PlanAction.APPROVE)
    now = utcnow()
    superseded = list(db.session.scalars(
        select(Plan).where(Plan.employee_id == plan.employee_id, Plan.year_id == plan.year_id,
                           Plan.status == PlanStatus.APPROVED, Plan.id != plan.id)))
    for older in superseded:
        older.status = _transition(older, PlanAction.SUPERSEDE)
        record(actor, "skp.diganti", older, object_type="plan", opd_id=plan.employee.unit.opd_id,
               summary=f"SKP {plan.year.year} versi {older.version} diganti oleh versi {plan.version}.")
    earlier = [older.start_date for older in superseded if older.start_date is not None]
    plan.start_date = plan.start_date or (min(earlier) if earlier else local_today())
    plan.status = new_status
    plan.approved_at = now
    plan.approved_by = actor
    plan.approved_as = _signing_title(actor, plan)
    plan.return_reason = None
    plan.returned_at = None
    db.session.flush()
    record(actor, "skp.disetujui", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} versi {plan.version} {plan.employee.name} disetujui "
                   f"({plan.approved_as}).",
           before={"status": "SUBMITTED"}, after={"status": new_status.value})


def set_start_date(actor: User, plan: Plan, start: dt.date | None) -> None:
    """The pengelola kinerja sets an approved SKP's start date earlier than its approval (the
    pegawai worked to it before it was entered): periods from then on are assessed."""
    if not can_admin_employee(actor, plan.employee):
        raise ServiceError("Tanggal mulai SKP ditetapkan oleh pengelola kinerja perangkat daerah pegawai ini.")
    if plan.status != PlanStatus.APPROVED:
        raise ServiceError("Tanggal mulai hanya untuk SKP yang berlaku (disetujui).")
    if start is None:
        raise ServiceError("Isi tanggal mulai dengan tanggal yang valid.", field="start_date")
    first = min((p.start_date for p in plan.year.periods), default=None)
    approved = plan.approved_at.astimezone(local_zone()).date() if plan.approved_at else local_today()
    if first is not None and start < first:
        raise ServiceError(f"Tanggal mulai paling awal {first:%d-%m-%Y} (awal tahun penilaian {plan.year.year}).",
                           field="start_date")
    if start > approved:
        raise ServiceError(f"Tanggal mulai tidak boleh sesudah SKP disetujui ({approved:%d-%m-%Y}); periode yang "
                           "sudah berjalan tidak dapat dijadikan tidak dinilai.", field="start_date")
    before = plan.start_date
    if before == start:
        return
    plan.start_date = start
    db.session.flush()
    record(actor, "skp.tanggal_mulai", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} {plan.employee.name} berlaku mulai {start:%d-%m-%Y}.",
           before={"start_date": before}, after={"start_date": start})




def return_plan(actor: User, plan: Plan, reason: str, *, version: int | None = None) -> None:
    """Dikembalikan: back to the pegawai for revision, with a required reason."""
    if not can_review_plan(actor, plan):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini.")
    _check_version(plan, version)
    reason = (reason or "").strip()
    if len(reason) < RETURN_REASON_MIN:
        raise ServiceError(f"Tuliskan alasan pengembalian (minimal {RETURN_REASON_MIN} karakter) agar "
                           "pegawai tahu apa yang harus diperbaiki.", field="reason")
    plan.status = _transition(plan, PlanAction.RETURN)
    plan.return_reason = reason
    plan.returned_at = utcnow()
    db.session.flush()
    record(actor, "skp.dikembalikan", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} versi {plan.version} {plan.employee.name} dikembalikan: {reason}",
           before={"status": "SUBMITTED"}, after={"status": "RETURNED", "reason": reason})


def revise(actor: User, plan: Plan, reason: str) -> Plan:
    """"Ubah SKP": an approved SKP gets version n+1 (a copy, as a draft) with a required reason;
    the approved version stays in force until the new one is approved."""
    if actor.employee_id != plan.employee_id:
        raise ServiceError("Hanya pegawai yang bersangkutan yang dapat mengubah SKP-nya.")
    if plan.status != PlanStatus.APPROVED:
        raise ServiceError("Hanya SKP yang sudah disetujui yang dapat diubah dengan versi baru.")
    newest = latest_plan(plan.employee_id, plan.year_id)
    if newest is not None and newest.id != plan.id:
        raise ServiceError(f"Versi {newest.version} SKP ini sudah dibuat; lanjutkan versi tersebut.")
    reason = (reason or "").strip()
    if len(reason) < RETURN_REASON_MIN:
        raise ServiceError(f"Tuliskan alasan perubahan SKP (minimal {RETURN_REASON_MIN} karakter), mis. "
                           "pindah jabatan atau penugasan baru.", field="reason")
    new = Plan(
        employee_id=plan.employee_id, year_id=plan.year_id, version=plan.version + 1,
        status=PlanStatus.DRAFT, approach=plan.approach, is_jpt=plan.is_jpt,
        snapshot=snapshot_of(plan.employee), previous=plan, change_reason=reason,
        resources=plan.resources, accountability=plan.accountability, consequences=plan.consequences,
    )
    db.session.add(new)
    db.session.flush()
    copy_content(plan, new)
    db.session.flush()
    record(actor, "skp.versi_baru", new, object_type="plan", opd_id=plan.employee.unit.opd_id,
           summary=f"SKP {plan.year.year} versi {new.version} dibuat dari versi {plan.version}: {reason}",
           after={"version": new.version, "reason": reason})
    return new


def set_expectations(actor: User, plan: Plan, texts: dict[int, str], *, version: int | None = None) -> None:
    """The assessor writes the ekspektasi khusus pimpinan per BerAKHLAK value (before approval)."""
    if not can_review_plan(actor, plan):
        raise ServiceError("Ekspektasi khusus ditulis oleh Pejabat Penilai pegawai ini.")
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED):
        raise ServiceError("Ekspektasi SKP yang sudah disetujui tidak dapat diubah; buat versi baru.")
    _check_version(plan, version)
    values = {v.id: v for v in db.session.scalars(select(CoreValue))}
    existing = {e.core_value_id: e for e in plan.expectations}
    changed = {}
    for value_id, text in texts.items():
        if value_id not in values:
            raise ServiceError("Nilai perilaku tidak dikenal.")
        text = (text or "").strip()
        if len(text) > 2000:
            raise ServiceError(f"Ekspektasi {values[value_id].name} paling banyak 2.000 karakter.")
        current = existing.get(value_id)
        if current is None:
            if text:
                plan.expectations.append(Expectation(core_value_id=value_id, text=text, updated_by_id=actor.id))
                changed[values[value_id].name] = text
        elif current.text != text:
            current.text, current.updated_by_id = text, actor.id
            changed[values[value_id].name] = text
    if changed:
        plan.updated_at = utcnow()  # bumps the plan's lock version: the pegawai's open form is stale
        db.session.flush()
        record(actor, "skp.ekspektasi_diubah", plan, object_type="plan", opd_id=plan.employee.unit.opd_id,
               summary=f"Ekspektasi khusus pimpinan untuk {plan.employee.name} diubah: {', '.join(changed)}.",
               after=changed)


def newest_plans(employee_ids: list[int], year: AppraisalYear) -> dict[int, Plan]:
    """The newest SKP version of each pegawai for the year (one query; none for no one)."""
    if not employee_ids:
        return {}
    newest = (
        select(Plan.employee_id, func.max(Plan.version).label("version"))
        .where(Plan.year_id == year.id, Plan.employee_id.in_(employee_ids))
        .group_by(Plan.employee_id).subquery()
    )
    return {p.employee_id: p for p in db.session.scalars(
        select(Plan).join(newest, (Plan.employee_id == newest.c.employee_id) & (Plan.version == newest.c.version))
        .where(Plan.year_id == year.id)
    )}


__all__ = [
    "PlanIncomplete", "approve", "approved_plan", "is_reviewer_of", "last_year_available", "latest_plan", "newest_plans",
    "plan_options",
    "return_plan", "revise", "set_expectations", "set_start_date", "snapshot_of", "start_plan", "submit",
    "versions", "withdraw",
]
