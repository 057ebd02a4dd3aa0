"""Kinerja harian: the kabupaten's holidays, the pegawai's own days away, each day's activities with
their bukti dukung, and the Pejabat Penilai's comments on a day (RULES.md §11)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.daily import AbsenceKind, ActivityCategory, ActivityStatus, AttendanceStatus, HolidayKind
from app.domain.enums import EvidenceKind
from app.models.accounts import User
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow
from app.models.org import Employee
from app.models.plans import Indicator, WorkResult


class Holiday(Base):
    """A day the kabupaten does not work besides the weekend: libur nasional, cuti bersama, a
    regional holiday. Kept by the pengelola kinerja (super admin)."""

    __tablename__ = "holiday"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[HolidayKind] = mapped_column(str_enum(HolidayKind, "holiday_kind"))
    name: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Absence(Base):
    """One day a pegawai is away from the daily work (cuti, sakit, izin, tugas belajar) or works
    elsewhere (dinas luar): entered by the pegawai or the pengelola kinerja, or imported."""

    __tablename__ = "absence"
    __table_args__ = (UniqueConstraint("employee_id", "day", name="uq_absence_employee_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[AbsenceKind] = mapped_column(str_enum(AbsenceKind, "absence_kind"))
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()


class Activity(Base):
    """One activity of a working day: when, what was done, the RHK (and IKI) of the approved SKP it
    serves or another category, its output, its bukti dukung, and its verification."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="ends_after_start"),
        CheckConstraint("minutes > 0 AND minutes <= 1440", name="minutes_in_a_day"),
        CheckConstraint("category <> 'RHK' OR work_result_id IS NOT NULL", name="rhk_is_named"),
        CheckConstraint("output_quantity IS NULL OR output_unit IS NOT NULL", name="quantity_has_unit"),
        Index("ix_activity_employee_day", "employee_id", "day"),
        Index("ix_activity_status_day", "status", "day"),
        Index("ix_activity_result", "work_result_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    day: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[ActivityCategory] = mapped_column(str_enum(ActivityCategory, "activity_category"))
    work_result_id: Mapped[int | None] = mapped_column(ForeignKey("work_result.id", ondelete="RESTRICT"))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"))
    output_quantity: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    output_unit: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[ActivityStatus] = mapped_column(str_enum(ActivityStatus, "activity_status"),
                                                   default=ActivityStatus.MENUNGGU)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    verified_as: Mapped[str | None] = mapped_column(String(300))  # "Plh. Kepala Seksi …" when acting
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    return_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    employee: Mapped[Employee] = relationship()
    work_result: Mapped[WorkResult | None] = relationship()
    indicator: Mapped[Indicator | None] = relationship()
    verified_by: Mapped[User | None] = relationship()
    evidence: Mapped[list[ActivityEvidence]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="ActivityEvidence.id")


class ActivityEvidence(Base):
    """Bukti dukung of an activity: an uploaded file (stored outside static/, random name) or a link,
    checked as the period's bukti dukung are."""

    __tablename__ = "activity_evidence"
    __table_args__ = (
        CheckConstraint("kind <> 'LINK' OR url IS NOT NULL", name="link_has_url"),
        CheckConstraint("kind <> 'FILE' OR stored_name IS NOT NULL", name="file_is_stored"),
        Index("ix_activity_evidence_activity", "activity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    kind: Mapped[EvidenceKind] = mapped_column(str_enum(EvidenceKind, "evidence_kind"))
    url: Mapped[str | None] = mapped_column(String(1000))
    original_name: Mapped[str | None] = mapped_column(String(255))
    stored_name: Mapped[str | None] = mapped_column(String(80), unique=True)
    mime: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    activity: Mapped[Activity] = relationship(back_populates="evidence")

    @property
    def label(self) -> str:
        return self.original_name if self.kind == EvidenceKind.FILE else (self.url or "")


class DayComment(Base):
    """Umpan balik berkelanjutan on one day of a pegawai, by their Pejabat Penilai (or Plt./Plh.)."""

    __tablename__ = "day_comment"
    __table_args__ = (Index("ix_day_comment_employee_day", "employee_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    author_as: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship()
    employee: Mapped[Employee] = relationship()


class Attendance(Base):
    """One day of a pegawai's presensi from the attendance system (imported, or pushed later by its
    API): when they came and left, and the minutes late and early against the office hours of the
    settings, computed when it is recorded. The discipline part of the monthly TPP reads it."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("employee_id", "day", name="uq_attendance_employee_day"),
                      CheckConstraint("late_minutes >= 0 AND early_minutes >= 0", name="minutes_not_negative"))

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus, "attendance_status"))
    check_in: Mapped[dt.time | None] = mapped_column(Time)
    check_out: Mapped[dt.time | None] = mapped_column(Time)
    late_minutes: Mapped[int] = mapped_column(Integer, default=0)
    early_minutes: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()
