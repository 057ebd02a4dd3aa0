"""Appraisal years, their periods, and each OPD's performance targets and predikat for a year."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import OrgPredikat
from app.domain.periods import PeriodKind, PeriodScheme
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow
from app.models.org import OrgUnit


class AppraisalYear(Base):
    """One appraisal year (1 January – 31 December) with its period scheme."""

    __tablename__ = "appraisal_year"
    __table_args__ = (CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    scheme: Mapped[PeriodScheme] = mapped_column(str_enum(PeriodScheme, "period_scheme"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    periods: Mapped[list[Period]] = relationship(
        back_populates="year", order_by="Period.number", cascade="all, delete-orphan"
    )

    @property
    def final_period(self) -> Period | None:
        return next((p for p in self.periods if p.kind == PeriodKind.AKHIR), None)

    def __repr__(self) -> str:
        return f"<AppraisalYear {self.year}>"


class Period(Base):
    """A period of a year (month, quarter, semester, or the annual Akhir) with its deadlines."""

    __tablename__ = "period"
    __table_args__ = (
        UniqueConstraint("year_id", "number", name="uq_period_year_number"),
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        CheckConstraint("is_open OR closed_at IS NOT NULL", name="closed_has_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[PeriodKind] = mapped_column(str_enum(PeriodKind, "period_kind"))
    label: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    submission_deadline: Mapped[dt.date] = mapped_column(Date)
    review_deadline: Mapped[dt.date] = mapped_column(Date)
    # Closing a period freezes entry for it (the pengelola kinerja can reopen it).
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # A deadline set past the usual limit after the period's end (a year adopted late): why, and when.
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    year: Mapped[AppraisalYear] = relationship(back_populates="periods")

    @property
    def is_final(self) -> bool:
        return self.kind == PeriodKind.AKHIR

    @property
    def title(self) -> str:
        """"Triwulan II 2026"."""
        return f"{self.label} {self.year.year}"


class OrgTarget(Base):
    """A target of an OPD's Perjanjian Kinerja (sasaran strategis + IKU) for a year; the RHK of
    the OPD's JPT refer to these."""

    __tablename__ = "org_target"
    __table_args__ = (Index("ix_org_target_opd_year", "opd_id", "year_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    goal: Mapped[str] = mapped_column(Text)  # sasaran strategis
    indicator: Mapped[str] = mapped_column(Text)  # indikator kinerja utama
    target_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    unit: Mapped[str] = mapped_column(String(50))
    realization: Mapped[Decimal | None] = mapped_column(ExactDecimal)  # filled at year end
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    opd: Mapped[OrgUnit] = relationship()
    year: Mapped[AppraisalYear] = relationship()

    @property
    def label(self) -> str:
        return f"{self.goal} — {self.indicator}"


class OrgYearResult(Base):
    """The predikat kinerja organisasi of an OPD for a year (RULES.md §5), set at year end."""

    __tablename__ = "org_year_result"
    __table_args__ = (UniqueConstraint("opd_id", "year_id", name="uq_org_year_result_opd_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    predikat: Mapped[OrgPredikat | None] = mapped_column(str_enum(OrgPredikat, "org_predikat"))
    capaian: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    opd: Mapped[OrgUnit] = relationship()
    year: Mapped[AppraisalYear] = relationship()
