"""Pegawai master data: create, edit (with optimistic locking), reporting lines, deactivation."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind
from app.domain.grades import get_grade
from app.domain.nip import NipError, normalize_nip, parse_nip
from app.domain.text import sentence
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.security import MAX_CHAIN_DEPTH, account_refusal, can_admin_opd
from app.services import ConflictError, ServiceError
from app.services.audit import changed_fields, describe_changes, record
from app.services.org.accounts import ensure_account, find_user_by_nip, pending_account


@dataclass
class EmployeeData:
    nip: str
    name: str
    status: EmploymentStatus
    grade_code: str | None
    position: str
    position_kind: PositionKind
    unit_id: int
    assessor_nip: str | None = None
    external_assessor_name: str | None = None
    external_assessor_title: str | None = None
    email: str | None = None
    job_class: int | None = None


def person_label(e: Employee | None) -> str | None:
    return f"{e.name} ({e.nip})" if e is not None else None


def employee_snapshot(e: Employee) -> dict:
    """The audited fields, with readable values (names rather than ids)."""
    return {
        "nip": e.nip,
        "name": e.name,
        "status": e.status.value if e.status else None,
        "grade_code": e.grade_code,
        "position": e.position,
        "position_kind": e.position_kind.value if e.position_kind else None,
        "unit": e.unit.name if e.unit is not None else None,
        "assessor": person_label(e.assessor),
        "external_assessor_name": e.external_assessor_name,
        "external_assessor_title": e.external_assessor_title,
        "email": e.email,
        "job_class": e.job_class,
        "active": e.active,
    }


def find_by_nip(nip: str) -> Employee | None:
    return db.session.scalar(select(Employee).where(Employee.nip == normalize_nip(nip)))


def creates_cycle(employee: Employee, assessor: Employee) -> bool:
    """True when making `assessor` the assessor of `employee` closes a loop."""
    node, depth = assessor, 0
    while node is not None and depth <= MAX_CHAIN_DEPTH:
        if node.id == employee.id:
            return True
        node, depth = node.assessor, depth + 1
    return depth > MAX_CHAIN_DEPTH


def _resolve(actor: User, data: EmployeeData, employee: Employee | None) -> tuple[dict, Employee | None]:
    """Check every field against the rules and the actor's scope; values ready to assign."""
    try:
        info = parse_nip(data.nip)
    except NipError as exc:
        raise ServiceError(str(exc), field="nip") from None
    other = find_by_nip(info.nip)
    if other is not None and (employee is None or other.id != employee.id):
        raise ServiceError(sentence(f"NIP {info.nip} sudah dipakai oleh {other.name}"), field="nip")
    name = " ".join((data.name or "").split())
    if not name:
        raise ServiceError("Nama wajib diisi.", field="name")
    grade = get_grade(data.status, data.grade_code)
    if data.status == EmploymentStatus.PNS and grade is None:
        raise ServiceError("Pilih pangkat/golongan ruang PNS (I/a–IV/e).", field="grade_code")
    if data.status == EmploymentStatus.PPPK and data.grade_code and grade is None:
        raise ServiceError("Golongan PPPK adalah I sampai XVII.", field="grade_code")
    unit = db.session.get(OrgUnit, data.unit_id) if data.unit_id else None
    if unit is None or unit.kind == OrgUnitKind.PEMDA or not unit.active:
        raise ServiceError("Pilih unit kerja yang aktif di sebuah perangkat daerah.", field="unit_id")
    if not can_admin_opd(actor, unit.opd_id):
        raise ServiceError("Unit kerja itu berada di luar perangkat daerah yang Anda kelola.", field="unit_id")
    assessor = None
    if data.assessor_nip and normalize_nip(data.assessor_nip):
        assessor = find_by_nip(data.assessor_nip)
        if assessor is None:
            raise ServiceError(f"Tidak ada pegawai dengan NIP {normalize_nip(data.assessor_nip)}.", field="assessor_nip")
        if not assessor.active:
            raise ServiceError(f"{assessor.name} sudah nonaktif dan tidak dapat menjadi Pejabat Penilai.", field="assessor_nip")
        if employee is not None and (assessor.id == employee.id or creates_cycle(employee, assessor)):
            raise ServiceError(
                f"{assessor.name} tidak dapat menjadi Pejabat Penilai: garis atasan akan berputar "
                "kembali ke pegawai ini.",
                field="assessor_nip",
            )
        if assessor.nip == info.nip:
            raise ServiceError("Pegawai tidak dapat menjadi Pejabat Penilai dirinya sendiri.", field="assessor_nip")
    external_name = " ".join((data.external_assessor_name or "").split()) or None
    external_title = " ".join((data.external_assessor_title or "").split()) or None
    if assessor is not None and external_name:
        raise ServiceError(
            "Isi NIP Pejabat Penilai atau penilai eksternal (Bupati), tidak keduanya.",
            field="external_assessor_name",
        )
    if external_name and not external_title:
        raise ServiceError("Jabatan penilai eksternal wajib diisi, misalnya 'Bupati Bungo'.",
                           field="external_assessor_title")
    if data.job_class is not None and not 1 <= data.job_class <= 17:
        raise ServiceError("Kelas jabatan adalah 1 sampai 17.", field="job_class")
    position = " ".join((data.position or "").split())
    if not position:
        raise ServiceError("Jabatan wajib diisi.", field="position")
    values = {
        "nip": info.nip,
        "name": name,
        "status": data.status,
        "grade_code": grade.code if grade else None,
        "position": position,
        "position_kind": data.position_kind,
        "assessor": assessor,
        "external_assessor_name": external_name,
        "external_assessor_title": external_title if external_name else None,
        "email": (data.email or "").strip().lower() or None,
        "job_class": data.job_class,
        "birth_date": info.birth_date,
        "tmt": info.tmt,
        "gender": info.gender,
    }
    return values, unit


def create_employee(actor: User, data: EmployeeData) -> Employee:
    """Add one pegawai (with an account that has no usable password yet)."""
    values, unit = _resolve(actor, data, None)
    employee = Employee(active=True, **values)
    employee.unit = unit
    db.session.add(employee)
    db.session.flush()
    ensure_account(employee, actor)
    record(actor, "pegawai.dibuat", employee, summary=f"Pegawai {employee.name} ({employee.nip}) ditambahkan.",
           after=employee_snapshot(employee))
    return employee


def update_employee(actor: User, employee: Employee, data: EmployeeData, *, version: int) -> Employee:
    """Save an edit made on the version the editor loaded; a newer version is a conflict."""
    if version != employee.version:
        raise ConflictError(
            "Data pegawai ini telah diubah orang lain sejak formulir dibuka. Perubahan Anda belum "
            "disimpan: muat ulang, periksa, lalu simpan kembali."
        )
    before = employee_snapshot(employee)
    values, unit = _resolve(actor, data, employee)
    _check_account_fields(actor, employee, values)
    for key, value in values.items():
        setattr(employee, key, value)
    employee.unit = unit
    if employee.user is not None and employee.user.nip != employee.nip:
        employee.user.nip = employee.nip
    db.session.flush()
    after = employee_snapshot(employee)
    changes = changed_fields(before, after)
    if changes:
        record(actor, "pegawai.diubah", employee,
               summary=f"Data {employee.name} diubah: {describe_changes(changes)}.",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return employee


def _check_account_fields(actor: User, employee: Employee, values: dict) -> None:
    """The NIP is the login and the e-mail receives activation codes: changing either of an
    account above the actor's station would hand it over."""
    nip_changed, email_changed = values["nip"] != employee.nip, values["email"] != employee.email
    if not (nip_changed or email_changed):
        return
    account = employee.user or pending_account(employee)
    refusal = account_refusal(actor, account, employee) if account is not None else None
    if refusal:
        raise ServiceError(f"{'NIP' if nip_changed else 'Email'} pegawai ini tidak dapat Anda ubah. {refusal}",
                           field="nip" if nip_changed else "email")
    if nip_changed:
        taken = find_user_by_nip(values["nip"])
        if taken is not None and taken.employee_id != employee.id:
            raise ServiceError(f"NIP {values['nip']} sudah dipakai oleh akun lain.", field="nip")


def set_active(actor: User, employee: Employee, active: bool, *, reason: str = "") -> None:
    """Deactivate (never delete: history stays) or reactivate a pegawai."""
    if not can_admin_opd(actor, employee.unit.opd_id):
        raise ServiceError("Pegawai ini berada di luar perangkat daerah yang Anda kelola.")
    refusal = account_refusal(actor, employee.user, employee) if employee.user is not None else None
    if refusal:
        raise ServiceError(refusal)
    if employee.active == active:
        return
    if active and employee.assessor is not None and not employee.assessor.active:
        raise ServiceError(
            f"Pejabat Penilai {employee.assessor.name} nonaktif; ubah Pejabat Penilai lebih dulu."
        )
    employee.active = active
    record(
        actor, "pegawai.diaktifkan" if active else "pegawai.dinonaktifkan", employee,
        summary=f"{employee.name} {'diaktifkan kembali' if active else 'dinonaktifkan'}"
        + (f": {reason}" if reason else "."),
        before={"active": not active}, after={"active": active},
    )
    db.session.flush()
