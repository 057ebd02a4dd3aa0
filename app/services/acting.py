"""Plt./Plh. assignments: who acts in which post, from when to when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.enums import ActingKind, OrgUnitKind
from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit, User
from app.security import can_admin_opd
from app.services import ServiceError
from app.services.audit import changed_fields, describe_changes, record
from app.services.employees import find_by_nip, person_label


@dataclass
class ActingData:
    kind: ActingKind
    acting_nip: str
    replaced_nip: str | None
    unit_id: int
    position: str
    start_date: dt.date
    end_date: dt.date
    decree: str | None = None


def acting_snapshot(a: ActingAssignment) -> dict:
    return {
        "kind": a.kind.value,
        "acting_employee": person_label(a.acting_employee),
        "replaced_employee": person_label(a.replaced_employee),
        "unit": a.unit.name if a.unit is not None else None,
        "position": a.position,
        "start_date": a.start_date.isoformat(),
        "end_date": a.end_date.isoformat(),
        "decree": a.decree,
    }


def _resolve(actor: User, data: ActingData, assignment: ActingAssignment | None) -> dict:
    acting = find_by_nip(data.acting_nip or "")
    if acting is None or not acting.active:
        raise ServiceError("Tidak ada pegawai aktif dengan NIP tersebut.", field="acting_nip")
    replaced: Employee | None = None
    if data.replaced_nip and data.replaced_nip.strip():
        replaced = find_by_nip(data.replaced_nip)
        if replaced is None:
            raise ServiceError("Tidak ada pegawai dengan NIP tersebut.", field="replaced_nip")
        if replaced.id == acting.id:
            raise ServiceError("Pegawai tidak dapat menjadi Plt./Plh. bagi dirinya sendiri.", field="replaced_nip")
    if data.kind == ActingKind.PLH and replaced is None:
        raise ServiceError("Plh. menggantikan pejabat yang berhalangan: isi NIP pejabat tersebut.",
                           field="replaced_nip")
    unit = db.session.get(OrgUnit, data.unit_id) if data.unit_id else None
    if unit is None or unit.kind == OrgUnitKind.PEMDA:
        raise ServiceError("Pilih unit kerja jabatan yang dijabat.", field="unit_id")
    if not can_admin_opd(actor, unit.opd_id):
        raise ServiceError("Unit kerja itu berada di luar perangkat daerah yang Anda kelola.", field="unit_id")
    position = " ".join((data.position or "").split())
    if not position:
        raise ServiceError("Nama jabatan yang dijabat wajib diisi.", field="position")
    if data.end_date < data.start_date:
        raise ServiceError("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_date")
    overlap = db.session.scalar(
        select(ActingAssignment).where(
            ActingAssignment.unit_id == unit.id,
            ActingAssignment.position == position,
            ActingAssignment.start_date <= data.end_date,
            ActingAssignment.end_date >= data.start_date,
            ActingAssignment.id != (assignment.id if assignment else -1),
        )
    )
    if overlap is not None:
        raise ServiceError(
            f"Jabatan ini sudah dijabat {overlap.kind.label} {overlap.acting_employee.name} pada "
            f"{overlap.start_date:%d-%m-%Y} s.d. {overlap.end_date:%d-%m-%Y}.",
            field="start_date",
        )
    return {
        "kind": data.kind,
        "acting_employee": acting,
        "replaced_employee": replaced,
        "unit": unit,
        "position": position,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "decree": " ".join((data.decree or "").split()) or None,
    }


def create_acting(actor: User, data: ActingData) -> ActingAssignment:
    values = _resolve(actor, data, None)
    assignment = ActingAssignment(**values)
    db.session.add(assignment)
    db.session.flush()
    record(actor, "plt.dibuat", assignment, opd_id=assignment.unit.opd_id,
           summary=f"{assignment.title}: {assignment.acting_employee.name}.",
           after=acting_snapshot(assignment))
    return assignment


def update_acting(actor: User, assignment: ActingAssignment, data: ActingData) -> ActingAssignment:
    before = acting_snapshot(assignment)
    values = _resolve(actor, data, assignment)
    for key, value in values.items():
        setattr(assignment, key, value)
    db.session.flush()
    changes = changed_fields(before, acting_snapshot(assignment))
    if changes:
        record(actor, "plt.diubah", assignment, opd_id=assignment.unit.opd_id,
               summary=f"{assignment.title} diubah: {describe_changes(changes)}.",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return assignment


def acting_for(employee: Employee, day: dt.date) -> ActingAssignment | None:
    """The Plh. standing in for `employee` on `day`, if any (used to route reviews)."""
    return db.session.scalar(
        select(ActingAssignment).where(
            ActingAssignment.replaced_employee_id == employee.id,
            ActingAssignment.start_date <= day,
            ActingAssignment.end_date >= day,
        )
    )


def acting_for_all(employee: Employee, day: dt.date) -> list[ActingAssignment]:
    """Every Plt./Plh. assignment standing in for `employee` on `day`."""
    return list(db.session.scalars(
        select(ActingAssignment).where(
            ActingAssignment.replaced_employee_id == employee.id,
            ActingAssignment.start_date <= day,
            ActingAssignment.end_date >= day,
        )
    ))


def acting_held(employee: Employee, day: dt.date) -> list[ActingAssignment]:
    """The Plt./Plh. posts `employee` holds on `day`."""
    return list(db.session.scalars(
        select(ActingAssignment).where(
            ActingAssignment.acting_employee_id == employee.id,
            ActingAssignment.start_date <= day,
            ActingAssignment.end_date >= day,
        )
    ))


def acting_overlapping(employee: Employee, start: dt.date, end: dt.date) -> list[ActingAssignment]:
    """The Plt./Plh. assignments standing in for `employee` at any time between start and end."""
    return list(db.session.scalars(
        select(ActingAssignment).where(
            ActingAssignment.replaced_employee_id == employee.id,
            ActingAssignment.start_date <= end,
            ActingAssignment.end_date >= start,
        )
    ))
