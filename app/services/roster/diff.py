"""What a roster row would change on an existing pegawai, field by field, for the preview."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.grades import get_grade
from app.models import Employee
from app.services.roster.plan import FieldChange, RosterRecord
from app.services.roster.units import UnitIndex, UnitKey


@dataclass
class Target:
    """Where a valid row puts its pegawai: the record plus the resolved unit and assessor."""

    record: RosterRecord
    unit_key: UnitKey
    assessor_nip: str | None
    external_name: str | None
    external_title: str | None
    email_managed: bool = True
    job_class_managed: bool = False


def _grade_label(status, code: str | None) -> str:
    grade = get_grade(status, code) if code else None
    return grade.label if grade else "–"


def _person(nip: str | None, names: dict[str, str]) -> str:
    return f"{names.get(nip, nip)} ({nip})" if nip else "–"


def _external(name: str | None, title: str | None) -> str:
    if not name:
        return "–"
    return name if not title or title == name else f"{name}, {title}"


def diff_employee(current: Employee, target: Target, units: UnitIndex, nip_by_id: dict[int, str],
                  names: dict[str, str]) -> list[FieldChange]:
    """The fields the row changes, with old and new values as the admin reads them."""
    record = target.record
    changes: list[FieldChange] = []

    def compare(field: str, label: str, old, new, old_text: str | None = None, new_text: str | None = None):
        if old != new:
            changes.append(FieldChange(field, label, old_text if old_text is not None else (old or "–"),
                                       new_text if new_text is not None else (new or "–")))

    compare("name", "Nama", current.name, record.name)
    compare("status", "Status Kepegawaian", current.status, record.status,
            current.status.label, record.status.label)
    compare("grade_code", "Pangkat/Golongan", current.grade_code, record.grade_code,
            _grade_label(current.status, current.grade_code), _grade_label(record.status, record.grade_code))
    compare("position", "Jabatan", current.position, record.position)
    compare("position_kind", "Jenis Jabatan", current.position_kind, record.position_kind,
            current.position_kind.label, record.position_kind.label)
    compare("unit", "Unit Kerja", units.key_of.get(current.unit_id), target.unit_key,
            units.label_of(current.unit_id), units.label(target.unit_key))
    old_boss = nip_by_id.get(current.assessor_id) if current.assessor_id else None
    compare("assessor", "NIP Atasan", old_boss, target.assessor_nip,
            _person(old_boss, names), _person(target.assessor_nip, names))
    old_ext = (current.external_assessor_name, current.external_assessor_title)
    new_ext = (target.external_name, target.external_title)
    compare("external_assessor", "Penilai eksternal", old_ext, new_ext, _external(*old_ext), _external(*new_ext))
    if target.email_managed:  # stored addresses may predate lower-casing: not a change
        compare("email", "Email", (current.email or "").lower() or None, record.email, current.email or "–")
    if target.job_class_managed:
        compare("job_class", "Kelas Jabatan", current.job_class, record.job_class,
                str(current.job_class or "–"), str(record.job_class or "–"))
    return changes
