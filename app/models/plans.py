"""The SKP of one pegawai for one year (`Plan`, versioned), its RHK (`WorkResult`) and IKI
(`Indicator`), and the assessor's ekspektasi khusus per BerAKHLAK value (`Expectation`)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.skp import (
    EDITABLE_STATUSES, Approach, Aspect, Direction, Perspective, PlanStatus, ResultKind,
)
from app.models.accounts import User
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow
from app.models.org import Employee
from app.models.values import CoreValue
from app.models.years import AppraisalYear, OrgTarget, Period

if TYPE_CHECKING:
    from app.models.metrics import Metric
    from app.models.satisfaction import PublicService

_OPEN = "status IN ('DRAFT', 'SUBMITTED', 'RETURNED')"


class Plan(Base):
    """One version of a pegawai's SKP for a year. Version n+1 ("Ubah SKP") copies version n;
    every version stays readable."""

    __tablename__ = "plan"
    __table_args__ = (
        UniqueConstraint("employee_id", "year_id", "version", name="uq_plan_employee_year_version"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("version = 1 OR change_reason IS NOT NULL", name="revision_has_reason"),
        CheckConstraint("status <> 'SUBMITTED' OR submitted_at IS NOT NULL", name="submitted_has_time"),
        CheckConstraint("status NOT IN ('APPROVED', 'SUPERSEDED') OR approved_at IS NOT NULL",
                        name="approved_has_time"),
        CheckConstraint("status <> 'RETURNED' OR return_reason IS NOT NULL", name="returned_has_reason"),
        # At most one version of an SKP is being drafted or reviewed at a time.
        Index("uq_plan_one_open_version", "employee_id", "year_id", unique=True,
              postgresql_where=text(_OPEN), sqlite_where=text(_OPEN)),
        Index("ix_plan_year_status", "year_id", "status"),
        # "Has this pegawai an approved SKP this year?", asked per pegawai by the monitoring pages:
        # without it SQLite walks ix_plan_year_status (every SKP of the year) for each pegawai.
        Index("ix_plan_employee_year_status", "employee_id", "year_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[PlanStatus] = mapped_column(str_enum(PlanStatus, "plan_status"), default=PlanStatus.DRAFT)
    approach: Mapped[Approach] = mapped_column(str_enum(Approach, "approach"), default=Approach.KUANTITATIF)
    # JPT layout and rules: RHK come from the organisation's targets, indicators carry a perspektif.
    is_jpt: Mapped[bool] = mapped_column(Boolean, default=False)
    # Who was who when the SKP was agreed: pegawai, Pejabat Penilai (or external assessor) and
    # Atasan Pejabat Penilai, as plain values (name, NIP, pangkat, jabatan, unit).
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="RESTRICT"))
    change_reason: Mapped[str | None] = mapped_column(Text)
    # Lampiran SKP: one item per line.
    resources: Mapped[str] = mapped_column(Text, default="")
    accountability: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # From when the SKP counts (RULES.md §10): its first approval by default, earlier when the
    # pengelola kinerja says so. Periods that end before it are not assessed for this pegawai.
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # How the approver signed: "Kepala Bidang …", "Plt. Kepala Bidang …", or the external assessor.
    approved_as: Mapped[str | None] = mapped_column(String(300))
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    return_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    employee: Mapped[Employee] = relationship()
    year: Mapped[AppraisalYear] = relationship()
    previous: Mapped[Plan | None] = relationship(remote_side="Plan.id")
    approved_by: Mapped[User | None] = relationship()
    results: Mapped[list[WorkResult]] = relationship(
        back_populates="plan", order_by="[WorkResult.position, WorkResult.id]",
        cascade="all, delete-orphan",
    )
    expectations: Mapped[list[Expectation]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def utama(self) -> list[WorkResult]:
        return [r for r in self.results if r.kind == ResultKind.UTAMA]

    @property
    def tambahan(self) -> list[WorkResult]:
        return [r for r in self.results if r.kind == ResultKind.TAMBAHAN]

    def __repr__(self) -> str:
        return f"<Plan {self.id} employee={self.employee_id} v{self.version} {self.status.value}>"


class WorkResult(Base):
    """An RHK: a planned result, utama or tambahan, with the superior's RHK it intervenes in."""

    __tablename__ = "work_result"
    __table_args__ = (
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        Index("ix_work_result_plan", "plan_id", "kind", "position"),
        Index("ix_work_result_parent", "parent_id"),
        Index("ix_work_result_origin", "origin_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    kind: Mapped[ResultKind] = mapped_column(str_enum(ResultKind, "result_kind"))
    text: Mapped[str] = mapped_column(Text)
    # The RHK of the assessor's SKP that this RHK intervenes in (non-JPT).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("work_result.id", ondelete="SET NULL"))
    # The organisation target this RHK comes from (JPT).
    org_target_id: Mapped[int | None] = mapped_column(ForeignKey("org_target.id", ondelete="SET NULL"))
    assigned_by: Mapped[str | None] = mapped_column(String(250))  # "penugasan dari"
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The RHK of the previous SKP version this one was copied from: the same RHK over versions.
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("work_result.id", ondelete="SET NULL"))

    plan: Mapped[Plan] = relationship(back_populates="results")
    parent: Mapped[WorkResult | None] = relationship(remote_side="WorkResult.id", foreign_keys=[parent_id])
    origin: Mapped[WorkResult | None] = relationship(remote_side="WorkResult.id", foreign_keys=[origin_id])
    org_target: Mapped[OrgTarget | None] = relationship()
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="result", order_by="[Indicator.position, Indicator.id]",
        cascade="all, delete-orphan",
    )


class Indicator(Base):
    """An IKI: aspek, text, target (a value with unit, or a range) and which way is better."""

    __tablename__ = "indicator"
    __table_args__ = (
        CheckConstraint("target_value IS NULL OR target_high IS NULL OR direction = 'RANGE'",
                        name="high_only_for_range"),
        CheckConstraint("source_metric_id IS NULL OR source_service_id IS NULL", name="one_source"),
        Index("ix_indicator_result", "result_id", "position"),
        Index("ix_indicator_source_metric", "source_metric_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("work_result.id", ondelete="CASCADE"))
    aspect: Mapped[Aspect | None] = mapped_column(str_enum(Aspect, "aspect"))
    text: Mapped[str] = mapped_column(Text)
    target_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)  # or the low end of a range
    target_high: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    unit: Mapped[str | None] = mapped_column(String(50))
    direction: Mapped[Direction] = mapped_column(str_enum(Direction, "direction"), default=Direction.HIGHER)
    # Periodic realisasi add up over the year (documents) or each stands alone (a percentage).
    cumulative: Mapped[bool] = mapped_column(Boolean, default=True)
    perspective: Mapped[Perspective | None] = mapped_column(str_enum(Perspective, "perspective"))
    narrative_target: Mapped[str | None] = mapped_column(Text)  # kualitatif approach
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"))
    # Realisasi from data, not typed: a metric kept per period, or the IKM of a layanan.
    source_metric_id: Mapped[int | None] = mapped_column(ForeignKey("metric.id", ondelete="SET NULL"))
    source_service_id: Mapped[int | None] = mapped_column(ForeignKey("public_service.id", ondelete="SET NULL"))

    result: Mapped[WorkResult] = relationship(back_populates="indicators")
    origin: Mapped[Indicator | None] = relationship(remote_side="Indicator.id", foreign_keys=[origin_id])
    source_metric: Mapped[Metric | None] = relationship("Metric")
    source_service: Mapped[PublicService | None] = relationship("PublicService")
    period_targets: Mapped[list[IndicatorPeriodTarget]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan"
    )


class IndicatorPeriodTarget(Base):
    """An optional target of an IKI for one period (else the annual target pro rata)."""

    __tablename__ = "indicator_period_target"
    __table_args__ = (
        UniqueConstraint("indicator_id", "period_id", name="uq_indicator_period_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    value: Mapped[Decimal] = mapped_column(ExactDecimal)

    indicator: Mapped[Indicator] = relationship(back_populates="period_targets")
    period: Mapped[Period] = relationship()


class Expectation(Base):
    """Ekspektasi khusus pimpinan: what the assessor expects of this pegawai for one value."""

    __tablename__ = "expectation"
    __table_args__ = (UniqueConstraint("plan_id", "core_value_id", name="uq_expectation_plan_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    core_value_id: Mapped[int] = mapped_column(ForeignKey("core_value.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    plan: Mapped[Plan] = relationship(back_populates="expectations")
    core_value: Mapped[CoreValue] = relationship()
