"""The assessor's side: feedback per RHK and per value, the pick-list of common phrases, the
annual evaluation of a pegawai, the keberatan against it, and the follow-up."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import (
    EvaluationStatus, FollowUpKind, ObjectionDecision, ObjectionStatus, PhraseScope, Programme,
)
from app.domain.scoring import Predikat, Rating
from app.models.accounts import User
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow
from app.models.org import Employee
from app.models.plans import Plan, WorkResult
from app.models.values import CoreValue
from app.models.years import AppraisalYear


class Feedback(Base):
    """Umpan balik berkelanjutan of the assessor on one RHK or one BerAKHLAK value of a period."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("assessment_id", "target_key", name="uq_feedback_target"),
        CheckConstraint("(work_result_id IS NULL) <> (core_value_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    # "rhk:<work_result_id>" or "nilai:<core_value_id>": one feedback per target and period
    target_key: Mapped[str] = mapped_column(String(30))
    work_result_id: Mapped[int | None] = mapped_column(ForeignKey("work_result.id", ondelete="RESTRICT"))
    core_value_id: Mapped[int | None] = mapped_column(ForeignKey("core_value.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    work_result: Mapped[WorkResult | None] = relationship()
    core_value: Mapped[CoreValue | None] = relationship()
    author: Mapped[User | None] = relationship()


class FeedbackPhrase(Base):
    """A common feedback phrase offered on the review page (maintained by the pengelola kinerja)."""

    __tablename__ = "feedback_phrase"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[PhraseScope] = mapped_column(str_enum(PhraseScope, "phrase_scope"))
    text: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AnnualEvaluation(Base):
    """The annual result (period "Akhir") of one pegawai: the two ratings and the predikat, set by
    the Pejabat Penilai and handed over to the pegawai (which opens the keberatan window)."""

    __tablename__ = "annual_evaluation"
    __table_args__ = (
        UniqueConstraint("employee_id", "year_id", name="uq_annual_evaluation_employee_year"),
        CheckConstraint("status <> 'HANDED_OVER' OR (handed_over_at IS NOT NULL AND predikat IS NOT NULL)",
                        name="handed_over_complete"),
        Index("ix_annual_evaluation_year", "year_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="RESTRICT"))
    status: Mapped[EvaluationStatus] = mapped_column(
        str_enum(EvaluationStatus, "evaluation_status"), default=EvaluationStatus.DRAFT
    )
    capaian: Mapped[Decimal | None] = mapped_column(ExactDecimal)  # the year's capaian summary
    suggested_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "suggested_rating"))
    result_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "result_rating"))
    result_rating_reason: Mapped[str | None] = mapped_column(Text)
    behavior_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "behavior_rating"))
    predikat: Mapped[Predikat | None] = mapped_column(str_enum(Predikat, "predikat"))
    note: Mapped[str | None] = mapped_column(Text)  # catatan / rekomendasi
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewer_as: Mapped[str | None] = mapped_column(String(300))
    handed_over_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    employee: Mapped[Employee] = relationship()
    year: Mapped[AppraisalYear] = relationship()
    plan: Mapped[Plan] = relationship()
    reviewer: Mapped[User | None] = relationship()
    objection: Mapped[Objection | None] = relationship(back_populates="evaluation", uselist=False)
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan", order_by="FollowUp.id"
    )


class Objection(Base):
    """Keberatan: filed by the pegawai, explained by the Pejabat Penilai, decided (finally) by the
    Atasan Pejabat Penilai (PP 30/2019, RULES.md §7)."""

    __tablename__ = "objection"
    __table_args__ = (
        UniqueConstraint("evaluation_id", name="uq_objection_evaluation"),
        CheckConstraint("status <> 'EXPLAINED' OR explained_at IS NOT NULL", name="explained_has_time"),
        CheckConstraint("status <> 'DECIDED' OR (decided_at IS NOT NULL AND decision IS NOT NULL)",
                        name="decided_complete"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("annual_evaluation.id", ondelete="RESTRICT"))
    status: Mapped[ObjectionStatus] = mapped_column(
        str_enum(ObjectionStatus, "objection_status"), default=ObjectionStatus.FILED
    )
    reasons: Mapped[str] = mapped_column(Text)
    filed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    explanation: Mapped[str | None] = mapped_column(Text)
    explained_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    explained_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    explained_as: Mapped[str | None] = mapped_column(String(300))  # "Plt. …", or the kepala daerah recorded
    decision: Mapped[ObjectionDecision | None] = mapped_column(str_enum(ObjectionDecision, "objection_decision"))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    previous_result_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "previous_result_rating"))
    previous_behavior_rating: Mapped[Rating | None] = mapped_column(str_enum(Rating, "previous_behavior_rating"))
    previous_predikat: Mapped[Predikat | None] = mapped_column(str_enum(Predikat, "previous_predikat"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_as: Mapped[str | None] = mapped_column(String(300))
    # The OPD's curve right after the decision ("Sesuai kurva …", or why not): a change of result
    # after hand-over can put the OPD off its curve, and the decision records that it did.
    curve_note: Mapped[str | None] = mapped_column(Text)

    evaluation: Mapped[AnnualEvaluation] = relationship(back_populates="objection")
    explained_by: Mapped[User | None] = relationship(foreign_keys=[explained_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class FollowUp(Base):
    """Tindak lanjut of an annual result: recognition (Sangat Baik) or development (Butuh
    Perbaikan and below) with the recommended programme."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("annual_evaluation.id", ondelete="CASCADE"))
    kind: Mapped[FollowUpKind] = mapped_column(str_enum(FollowUpKind, "follow_up_kind"))
    programme: Mapped[Programme] = mapped_column(str_enum(Programme, "programme"))
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    evaluation: Mapped[AnnualEvaluation] = relationship(back_populates="follow_ups")
    created_by: Mapped[User | None] = relationship()
