"""Factories that build valid objects and flush them; tests commit through the app."""
from __future__ import annotations

import datetime as dt
import itertools

from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind, Role
from app.domain.nip import parse_nip
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.services.org.accounts import hash_password

PASSWORD = "Kinerja-Terukur-2026"
_serial = itertools.count(1)


def make_nip(n: int | None = None, *, gender: int = 1, birth: dt.date | None = None,
             tmt: tuple[int, int] | None = None) -> str:
    """A valid, unique NIP: birth date, TMT, gender digit and a serial."""
    n = next(_serial) if n is None else n
    birth = birth or dt.date(1975, 1, 1) + dt.timedelta(days=(n * 37) % 9000)
    year, month = tmt or (birth.year + 25, (n % 12) + 1)
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{gender}{n % 1000:03d}"


class Factory:
    def __init__(self) -> None:
        self.skp = SkpFactory()

    def pemda(self, name: str = "Pemerintah Kabupaten Uji") -> OrgUnit:
        from app.services.org.units import ensure_pemda

        return ensure_pemda(name)

    def opd(self, name: str | None = None) -> OrgUnit:
        pemda = self.pemda()
        unit = OrgUnit(name=name or f"Dinas Uji {next(_serial)}", kind=OrgUnitKind.OPD, parent=pemda)
        db.session.add(unit)
        db.session.flush()
        unit.opd_id = unit.id
        db.session.flush()
        return unit

    def unit(self, parent: OrgUnit, name: str | None = None, kind: OrgUnitKind = OrgUnitKind.BIDANG) -> OrgUnit:
        unit = OrgUnit(name=name or f"Bidang Uji {next(_serial)}", kind=kind, parent=parent,
                       opd_id=parent.opd_id)
        db.session.add(unit)
        db.session.flush()
        return unit

    def employee(
        self,
        unit: OrgUnit | None = None,
        *,
        assessor: Employee | None = None,
        name: str | None = None,
        nip: str | None = None,
        status: EmploymentStatus = EmploymentStatus.PNS,
        grade_code: str | None = None,
        position: str = "Analis Kebijakan",
        position_kind: PositionKind = PositionKind.PELAKSANA,
        active: bool = True,
        email: str | None = None,
        with_user: bool = True,
        password: str | None = PASSWORD,
    ) -> Employee:
        unit = unit or self.opd()
        info = parse_nip(nip or make_nip())
        employee = Employee(
            nip=info.nip,
            name=name or f"Pegawai Uji {info.serial}",
            status=status,
            grade_code=grade_code or ("III/a" if status == EmploymentStatus.PNS else "IX"),
            position=position,
            position_kind=position_kind,
            unit=unit,
            assessor=assessor,
            active=active,
            email=email,
            birth_date=info.birth_date,
            tmt=info.tmt,
            gender=info.gender,
        )
        db.session.add(employee)
        db.session.flush()
        if with_user:
            self.user(employee, password=password)
        return employee

    def user(self, employee: Employee | None = None, *, password: str | None = PASSWORD,
             role: Role = Role.PEGAWAI, opds: list[OrgUnit] | None = None, nip: str | None = None) -> User:
        user = User(
            nip=employee.nip if employee else (nip or make_nip()),
            employee=employee,
            display_name=None if employee else "Operator Uji",
            password_hash=hash_password(password) if password else None,
            role=role,
            admin_units=list(opds or []),
        )
        db.session.add(user)
        db.session.flush()
        return user

    def admin(self, opds: list[OrgUnit], **kwargs) -> User:
        """A pengelola kinerja of `opds`, who is a pegawai of the first of them."""
        employee = self.employee(opds[0], position="Analis SDM Aparatur", **kwargs)
        employee.user.role = Role.ADMIN
        employee.user.admin_units = list(opds)
        db.session.flush()
        return employee.user

    def superadmin(self, **kwargs) -> User:
        employee = self.employee(**kwargs)
        employee.user.role = Role.SUPERADMIN
        db.session.flush()
        return employee.user

    def team(self, size: int, unit: OrgUnit | None = None) -> tuple[Employee, list[Employee]]:
        """A supervisor with `size` direct reports."""
        unit = unit or self.opd()
        head = self.employee(unit, position="Kepala Bidang", position_kind=PositionKind.ADMINISTRATOR)
        members = [self.employee(unit, assessor=head) for _ in range(size)]
        return head, members


class SkpFactory:
    """Years and plans. A plan built here is valid for submission unless told otherwise."""

    def year(self, year: int = 2026, scheme=None):
        from app.domain.periods import PeriodScheme
        from app.services.years import get_year, open_year

        return get_year(year) or open_year(None, year, scheme or PeriodScheme.TRIWULANAN)

    def plan(self, employee, year=None, *, status=None, results: int = 1, indicators: int = 1,
             parent=None, org_target=None, version: int = 1):
        from decimal import Decimal

        from app.domain.enums import PositionKind
        from app.domain.skp import Aspect, PlanStatus, ResultKind
        from app.models import Indicator, Plan, WorkResult
        from app.models.base import utcnow
        from app.services.skp.plans import snapshot_of

        year = year or self.year()
        status = status or PlanStatus.DRAFT
        plan = Plan(employee=employee, year=year, version=version, status=status,
                    is_jpt=employee.position_kind == PositionKind.JPT, snapshot=snapshot_of(employee),
                    resources="Laptop dan akses jaringan", accountability="Laporan bulanan",
                    consequences="Sesuai peraturan", change_reason=None if version == 1 else "Perubahan uji")
        if status != PlanStatus.DRAFT:
            plan.submitted_at = utcnow()
        if status in (PlanStatus.APPROVED, PlanStatus.SUPERSEDED):
            plan.approved_at = utcnow()
            plan.approved_as = "Uji"
        if status == PlanStatus.RETURNED:
            plan.return_reason = "Perbaiki target kuantitas."
        for n in range(results):
            result = WorkResult(kind=ResultKind.UTAMA, text=f"Tersusunnya dokumen uji {n + 1}", position=n,
                                parent=parent, org_target=org_target)
            for k in range(indicators):
                result.indicators.append(Indicator(
                    aspect=Aspect.KUANTITAS, text=f"Jumlah dokumen uji {n + 1}.{k + 1}",
                    target_value=Decimal("12"), unit="Dokumen", position=k))
            plan.results.append(result)
        db.session.add(plan)
        db.session.flush()
        return plan
