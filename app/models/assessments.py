"""The pegawai's evaluation of one period (`Assessment`): realisasi per IKI with bukti dukung, and
a reflection per BerAKHLAK value."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import AssessmentStatus, EvidenceKind
from app.domain.scoring import Predikat, Rating
from app.models.accounts import User
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow
from app.models.org import Employee
from app.models.plans import Indicator, Plan
from app.models.values import CoreValue
from app.models.years import Period

EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class Assessment(Base):
    """One pegawai × one period, measured against the approved SKP in force."""

    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("employee_id", "period_id", name="uq_assessment_employee_period"),
        CheckConstraint("status NOT IN ('SUBMITTED', 'APPROVED') OR submitted_at IS NOT NULL",
                        name="submitted_has_time"),
        CheckConstraint("status <> 'RETURNED' OR return_reason IS NOT NULL", name="returned_has_reason"),
        CheckConstraint("status <> 'APPROVED' OR (reviewed_at IS NOT NULL AND predikat IS NOT NULL)",
                        name="approved_is_reviewed"),
        Index("ix_assessment_period_status", "period_id", "status"),
        Index("ix_assessment_plan", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="RESTRICT"))
    status: Mapped[AssessmentStatus] = mapped_column(
        str_enum(AssessmentStatus, "assessment_status"), default=AssessmentStatus.DRAFT
    )
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(default=False)
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    return_reason: Mapped[str | None] = mapped_column(Text)
    # The pengelola kinerja may let one pegawai submit after the deadline (or a closed period).
    extended_until: Mapped[dt.date | None] = mapped_column(Date)
    # The assessor's review (RULES.md §3–§4): ratings, the predikat that follows, who and when.
    suggested_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "suggested_rating"))
    result_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "result_rating"))
    result_rating_reason: Mapped[str | None] = mapped_column(Text)
    behavior_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "behavior_rating"))
    predikat: Mapped[Predikat | None] = mapped_column(str_enum(Predikat, "predikat"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewed_as: Mapped[str | None] = mapped_column(String(300))
    # A result from before Capaian, imported with its ratings (the source it came from).
    imported_from: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    employee: Mapped[Employee] = relationship()
    period: Mapped[Period] = relationship()
    plan: Mapped[Plan] = relationship()
    realizations: Mapped[list[Realization]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    reflections: Mapped[list[BehaviorReflection]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


class Realization(Base):
    """Realisasi of one IKI in one period: a number (kuantitatif) or a narrative (kualitatif),
    the capaian computed from it when saved, notes, and the bukti dukung."""

    __tablename__ = "realization"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_id", name="uq_realization_indicator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"))
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    narrative: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    capaian: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    # For an IKI whose realisasi comes from data: where the value came from, and a change the source
    # made after the pegawai submitted (shown to both).
    source_info: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="realizations")
    indicator: Mapped[Indicator] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="realization", cascade="all, delete-orphan", order_by="Evidence.id"
    )


class Evidence(Base):
    """Bukti dukung: an uploaded file (stored under instance/, random name) or a link."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("kind <> 'LINK' OR url IS NOT NULL", name="link_has_url"),
        CheckConstraint("kind <> 'FILE' OR stored_name IS NOT NULL", name="file_is_stored"),
        Index("ix_evidence_realization", "realization_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    realization_id: Mapped[int] = mapped_column(ForeignKey("realization.id", ondelete="CASCADE"))
    kind: Mapped[EvidenceKind] = mapped_column(str_enum(EvidenceKind, "evidence_kind"))
    url: Mapped[str | None] = mapped_column(String(1000))
    original_name: Mapped[str | None] = mapped_column(String(255))
    stored_name: Mapped[str | None] = mapped_column(String(80), unique=True)
    mime: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    realization: Mapped[Realization] = relationship(back_populates="evidence")
    uploaded_by: Mapped[User | None] = relationship()

    @property
    def label(self) -> str:
        return self.original_name if self.kind == EvidenceKind.FILE else (self.url or "")


class BehaviorReflection(Base):
    """The pegawai's short self-reflection with concrete examples for one BerAKHLAK value."""

    __tablename__ = "behavior_reflection"
    __table_args__ = (UniqueConstraint("assessment_id", "core_value_id", name="uq_reflection_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    core_value_id: Mapped[int] = mapped_column(ForeignKey("core_value.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[Assessment] = relationship(back_populates="reflections")
    core_value: Mapped[CoreValue] = relationship()
