"""Survei Kepuasan Masyarakat (RULES.md §12): the layanan of a unit the public is asked about, and
each respondent's answers — nine unsur on 1–4, an optional profile without name or NIK, a saran and
the unit's tindak lanjut. A response set aside by moderation is kept and counted apart, never
deleted."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.accounts import User
from app.models.base import Base, UTCDateTime, utcnow
from app.models.org import OrgUnit

ANSWERS = tuple(f"q{n}" for n in range(1, 10))


class PublicService(Base):
    """A layanan of a unit ("Penerbitan KTP-el", "Poli Umum Puskesmas X"), with the public code of
    its survey page and, when a kiosk tablet is set up, the SHA-256 of the kiosk link's key."""

    __tablename__ = "public_service"
    __table_args__ = (
        CheckConstraint("period_kind IN ('TRIWULAN', 'SEMESTER', 'TAHUN')", name="period_kind_known"),
        Index("ix_public_service_opd", "opd_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # /survei/<code>
    period_kind: Mapped[str] = mapped_column(String(10), default="SEMESTER")  # how its results are reported
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    kiosk_key_sha256: Mapped[str | None] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    opd: Mapped[OrgUnit] = relationship(foreign_keys=[opd_id])
    unit: Mapped[OrgUnit] = relationship(foreign_keys=[unit_id])


class SurveyResponse(Base):
    """One respondent's answers. `visit_sha256`: the hash of the visit token the form carried (one
    response per visit); `source`: a keyed hash of the client address and the day, kept only to
    recognise a burst of the same answers (the address itself is never stored)."""

    __tablename__ = "survey_response"
    __table_args__ = (
        *(CheckConstraint(f"{q} IS NULL OR {q} BETWEEN 1 AND 4", name=f"{q}_range") for q in ANSWERS),
        Index("ix_survey_response_service_time", "service_id", "submitted_at"),
        Index("ix_survey_response_source", "service_id", "source", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("public_service.id", ondelete="RESTRICT"))
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    day: Mapped[dt.date] = mapped_column(Date)  # the kabupaten's date of submission (periods are by day)
    q1: Mapped[int | None] = mapped_column(SmallInteger)
    q2: Mapped[int | None] = mapped_column(SmallInteger)
    q3: Mapped[int | None] = mapped_column(SmallInteger)
    q4: Mapped[int | None] = mapped_column(SmallInteger)
    q5: Mapped[int | None] = mapped_column(SmallInteger)
    q6: Mapped[int | None] = mapped_column(SmallInteger)
    q7: Mapped[int | None] = mapped_column(SmallInteger)
    q8: Mapped[int | None] = mapped_column(SmallInteger)
    q9: Mapped[int | None] = mapped_column(SmallInteger)
    age_band: Mapped[str | None] = mapped_column(String(10))
    sex: Mapped[str | None] = mapped_column(String(1))
    education: Mapped[str | None] = mapped_column(String(10))
    occupation: Mapped[str | None] = mapped_column(String(20))
    suggestion: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(10), default="WEB")  # WEB (own phone) or KIOS
    visit_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(String(32))
    set_aside_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    set_aside_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    set_aside_reason: Mapped[str | None] = mapped_column(String(300))
    follow_up: Mapped[str | None] = mapped_column(Text)  # the unit's tindak lanjut of the saran
    follow_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    follow_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    service: Mapped[PublicService] = relationship()
    set_aside_by: Mapped[User | None] = relationship(foreign_keys=[set_aside_by_id])
    follow_up_by: Mapped[User | None] = relationship(foreign_keys=[follow_up_by_id])

    @property
    def answers(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, q) for q in ANSWERS)
