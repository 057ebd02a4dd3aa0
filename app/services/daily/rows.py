"""What the file imports of the daily work (days away, presensi) share: the pegawai of a file's
NIPs read in one query, and each row's NIP resolved to one of them — unknown, malformed or outside
the OPDs the importer manages named at the row."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.nip import NipError, parse_nip
from app.extensions import db
from app.models import Employee, User
from app.security import can_admin_employee
from app.services.roster.reader import cell_nip


def employees_of(cells: Iterable[object]) -> dict[str, Employee]:
    """NIP → pegawai for the NIP cells of a file (one query; malformed ones skipped)."""
    nips = set()
    for cell in cells:
        try:
            nips.add(parse_nip(cell_nip(cell)).nip)
        except NipError:
            pass
    return {e.nip: e for e in db.session.scalars(
        select(Employee).where(Employee.nip.in_(nips or {""})).options(selectinload(Employee.unit)))}


def employee_of(actor: User | None, cell: object, employees: dict[str, Employee],
                fail: Callable[[str, str], None]) -> Employee | None:
    """The row's pegawai, or None with the reason given to `fail`; `actor` None is an outside system
    trusted with the whole kabupaten (an API token's scope)."""
    try:
        nip = parse_nip(cell_nip(cell)).nip
    except NipError as error:
        fail("NIP", str(error))
        return None
    employee = employees.get(nip)
    if employee is None:
        fail("NIP", f"Tidak ada pegawai dengan NIP {nip}.")
        return None
    if actor is not None and not can_admin_employee(actor, employee):
        fail("NIP", "Pegawai ini berada di luar perangkat daerah yang Anda kelola.")
        return None
    return employee
