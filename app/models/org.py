"""The organisation and its people: units, pegawai, acting assignments."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, SmallInteger, String, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import ActingKind, EmploymentStatus, Gender, OrgUnitKind, PositionKind
from app.domain.grades import Grade, get_grade
from app.models.base import Base, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from app.models.accounts import User


class OrgUnit(Base):
    """A node of the organisation tree: pemda → OPD → bidang/bagian → seksi/subbagian/UPTD."""

    __tablename__ = "org_unit"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_org_unit_parent_name"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        Index("ix_org_unit_opd_id", "opd_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    # The OPD this unit belongs to (itself for an OPD, None for the pemda): the admin scope.
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OrgUnitKind] = mapped_column(str_enum(OrgUnitKind, "org_unit_kind"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped[OrgUnit | None] = relationship(
        remote_side="OrgUnit.id", foreign_keys=[parent_id], back_populates="children"
    )
    children: Mapped[list[OrgUnit]] = relationship(
        foreign_keys=[parent_id], back_populates="parent", order_by="OrgUnit.name"
    )
    # Read-only: opd_id is set by the services; an OPD points at itself, which the unit of work
    # would otherwise see as a dependency cycle.
    opd: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id", foreign_keys=[opd_id], viewonly=True)

    def __repr__(self) -> str:
        return f"<OrgUnit {self.id} {self.name!r}>"


class Employee(Base):
    """One ASN (PNS or PPPK); the NIP is the natural key."""

    __tablename__ = "employee"
    __table_args__ = (
        CheckConstraint("length(nip) = 18", name="nip_length"),
        CheckConstraint("assessor_id IS NULL OR assessor_id <> id", name="not_own_assessor"),
        CheckConstraint(
            "assessor_id IS NULL OR external_assessor_name IS NULL", name="one_assessor"
        ),
        CheckConstraint("job_class IS NULL OR job_class BETWEEN 1 AND 17", name="job_class_range"),
        Index("ix_employee_unit_id", "unit_id"),
        Index("ix_employee_assessor_id", "assessor_id"),
        Index("ix_employee_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[EmploymentStatus] = mapped_column(str_enum(EmploymentStatus, "employment_status"))
    grade_code: Mapped[str | None] = mapped_column(String(8))
    position: Mapped[str] = mapped_column(String(250))
    position_kind: Mapped[PositionKind] = mapped_column(str_enum(PositionKind, "position_kind"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    external_assessor_name: Mapped[str | None] = mapped_column(String(200))
    external_assessor_title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    job_class: Mapped[int | None] = mapped_column(SmallInteger)  # kelas jabatan 1–17 (the TPP's basis)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Derived from the NIP by app.domain.nip, stored for queries and documents.
    birth_date: Mapped[dt.date] = mapped_column(Date)
    tmt: Mapped[dt.date] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(str_enum(Gender, "gender"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    unit: Mapped[OrgUnit] = relationship()
    assessor: Mapped[Employee | None] = relationship(
        remote_side="Employee.id", back_populates="subordinates"
    )
    subordinates: Mapped[list[Employee]] = relationship(
        back_populates="assessor", order_by="Employee.name"
    )
    user: Mapped[User | None] = relationship(back_populates="employee", uselist=False)

    @property
    def grade(self) -> Grade | None:
        return get_grade(self.status, self.grade_code)

    @property
    def grade_label(self) -> str:
        grade = self.grade
        return grade.label if grade else "–"

    @property
    def second_assessor(self) -> Employee | None:
        """The Atasan Pejabat Penilai: the assessor's own assessor."""
        return self.assessor.assessor if self.assessor else None

    @property
    def opd_id(self) -> int | None:
        return self.unit.opd_id

    def __repr__(self) -> str:
        return f"<Employee {self.nip} {self.name!r}>"


class ActingAssignment(Base):
    """Plt./Plh.: who acts in which post, from when to when."""

    __tablename__ = "acting_assignment"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        CheckConstraint(
            "replaced_employee_id IS NULL OR replaced_employee_id <> acting_employee_id",
            name="not_self",
        ),
        Index("ix_acting_assignment_acting", "acting_employee_id", "start_date"),
        Index("ix_acting_assignment_replaced", "replaced_employee_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ActingKind] = mapped_column(str_enum(ActingKind, "acting_kind"))
    acting_employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    # The holder of the post while away (Plh.), or the last holder of a vacant post (Plt.).
    replaced_employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="RESTRICT")
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    position: Mapped[str] = mapped_column(String(250))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    decree: Mapped[str | None] = mapped_column(String(150))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    acting_employee: Mapped[Employee] = relationship(foreign_keys=[acting_employee_id])
    replaced_employee: Mapped[Employee | None] = relationship(foreign_keys=[replaced_employee_id])
    unit: Mapped[OrgUnit] = relationship()

    def covers(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date

    def covers_period(self, start: dt.date, end: dt.date, today: dt.date) -> bool:
        """Whether the acting official reviews a period of these dates (RULES.md §10): one their
        assignment overlaps, or any period while the assignment runs."""
        return self.covers(today) or (self.start_date <= end and self.end_date >= start)

    @property
    def title(self) -> str:
        """How the acting official signs: "Plt. Kepala Bidang Bina Marga"."""
        return f"{self.kind.label} {self.position}"
