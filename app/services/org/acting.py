"""Plt./Plh. assignments: who acts in which post, from when to when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.enums import ActingKind, OrgUnitKind
from app.domain.text import sentence
from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit, User
from app.models.base import local_today
from app.security import can_admin_employee, can_admin_opd
from app.security.acting import acting_overlapping
from app.services import ServiceError
from app.services.audit import changed_fields, describe_changes, record
from app.services.org.employees import find_by_nip, person_label


# The acting pegawai, the replaced pejabat and the unit must all lie in the recording admin's
# OPDs: otherwise an OPD admin could make themselves Plh. of another OPD's pejabat and approve
# that OPD's SKPs. A cross-OPD assignment is a super admin's to record.
OUTSIDE_SCOPE = ("{who} berada di luar perangkat daerah yang Anda kelola. Penugasan Plt./Plh. lintas "
                 "perangkat daerah dicatat oleh super admin.")


def assignment_opd_ids(assignment: ActingAssignment) -> set[int]:
    """Every OPD an assignment touches: the unit's, the acting pegawai's, the replaced pejabat's."""
    opds = {assignment.unit.opd_id, assignment.acting_employee.unit.opd_id}
    if assignment.replaced_employee is not None:
        opds.add(assignment.replaced_employee.unit.opd_id)
    return {o for o in opds if o is not None}


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
    if not can_admin_employee(actor, acting):
        raise ServiceError(OUTSIDE_SCOPE.format(who="Pegawai yang ditugaskan"), field="acting_nip")
    replaced: Employee | None = None
    if data.replaced_nip and data.replaced_nip.strip():
        replaced = find_by_nip(data.replaced_nip)
        if replaced is None:
            raise ServiceError("Tidak ada pegawai dengan NIP tersebut.", field="replaced_nip")
        if replaced.id == acting.id:
            raise ServiceError("Pegawai tidak dapat menjadi Plt./Plh. bagi dirinya sendiri.", field="replaced_nip")
        if not can_admin_employee(actor, replaced):
            raise ServiceError(OUTSIDE_SCOPE.format(who="Pejabat yang digantikan"), field="replaced_nip")
    if data.kind == ActingKind.PLH and replaced is None:
        raise ServiceError("Plh. menggantikan pejabat yang berhalangan: isi NIP pejabat tersebut.",
                           field="replaced_nip")
    unit = db.session.get(OrgUnit, data.unit_id) if data.unit_id else None
    if unit is None or unit.kind == OrgUnitKind.PEMDA:
        raise ServiceError("Pilih unit kerja jabatan yang dijabat.", field="unit_id")
    if not can_admin_opd(actor, unit.opd_id):
        raise ServiceError(OUTSIDE_SCOPE.format(who="Unit kerja itu"), field="unit_id")
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
           summary=sentence(f"{assignment.title}: {assignment.acting_employee.name}"),
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


def acting_in_scope(scope: set[int] | None, *, current_only: bool, limit: int = 500) -> list[ActingAssignment]:
    """The assignments that touch any of the OPDs in `scope` (None: all) through the unit, the
    acting pegawai or the replaced pejabat, newest first; `current_only` leaves out ended ones."""
    from sqlalchemy import or_
    from sqlalchemy.orm import aliased, selectinload

    query = (
        select(ActingAssignment)
        .options(
            selectinload(ActingAssignment.acting_employee).selectinload(Employee.unit),
            selectinload(ActingAssignment.replaced_employee).selectinload(Employee.unit),
            selectinload(ActingAssignment.unit),
        )
        .order_by(ActingAssignment.start_date.desc(), ActingAssignment.id.desc())
    )
    if scope is not None:
        post, acting_unit, replaced_unit = aliased(OrgUnit), aliased(OrgUnit), aliased(OrgUnit)
        acting, replaced = aliased(Employee), aliased(Employee)
        wanted = scope or {-1}
        query = (
            query.join(post, ActingAssignment.unit_id == post.id)
            .join(acting, ActingAssignment.acting_employee_id == acting.id)
            .join(acting_unit, acting.unit_id == acting_unit.id)
            .outerjoin(replaced, ActingAssignment.replaced_employee_id == replaced.id)
            .outerjoin(replaced_unit, replaced.unit_id == replaced_unit.id)
            .where(or_(post.opd_id.in_(wanted), acting_unit.opd_id.in_(wanted), replaced_unit.opd_id.in_(wanted)))
        )
    if current_only:
        query = query.where(ActingAssignment.end_date >= local_today())
    return list(db.session.scalars(query.limit(limit)))


def acting_post(acting: Employee, employee: Employee, start: dt.date, end: dt.date) -> ActingAssignment | None:
    """The Plt./Plh. post in which `acting` assesses `employee` between start and end: standing in
    for the pegawai's Pejabat Penilai, or — when the roster already names the Plt. as the
    Pejabat Penilai of the post's staff — the post they fill whose unit holds the pegawai's unit."""
    assessor = employee.assessor
    if assessor is None:
        return None
    if assessor.id != acting.id:
        for assignment in acting_overlapping(assessor, start, end):
            if assignment.acting_employee_id == acting.id:
                return assignment
        return None
    units, node = set(), employee.unit
    while node is not None:
        units.add(node.id)
        node = node.parent
    for assignment in db.session.scalars(select(ActingAssignment).where(
            ActingAssignment.acting_employee_id == acting.id, ActingAssignment.start_date <= end,
            ActingAssignment.end_date >= start).order_by(ActingAssignment.start_date.desc())):
        if assignment.unit_id in units and assignment.unit_id != acting.unit_id:
            return assignment
    return None


def signing_title(actor: User, employee: Employee, start: dt.date, end: dt.date) -> str:
    """How a Pejabat Penilai's decision on `employee` for the dates start–end is recorded and
    printed: "Plt. Kepala Bidang Bina Marga" when they act in that post, else their own jabatan
    (the kepala daerah's steps recorded by a pengelola are titled elsewhere)."""
    own = actor.employee
    if own is None:
        return actor.name
    assignment = acting_post(own, employee, start, end)
    return assignment.title if assignment is not None else own.position
