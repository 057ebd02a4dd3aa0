"""Business settings kept in the database and edited by a superadmin (one row)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Integer, LargeBinary, String, Time, true
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.enums import CurveEnforcement, LatePolicy, PaperSize
from app.models.base import Base, UTCDateTime, str_enum, utcnow

SETTINGS_ID = 1


class AppSettings(Base):
    __tablename__ = "app_settings"

    id: Mapped[int] = mapped_column(primary_key=True, default=SETTINGS_ID)
    region_name: Mapped[str] = mapped_column(String(200), default="Pemerintah Kabupaten")
    document_place: Mapped[str] = mapped_column(String(100), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="Bupati")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    # The Kepala BKPSDM, who signs the Rekap predikat for the kabupaten.
    bkpsdm_title: Mapped[str] = mapped_column(String(200), default="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", server_default="Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    bkpsdm_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    bkpsdm_nip: Mapped[str] = mapped_column(String(18), default="", server_default="")
    paper_size: Mapped[PaperSize] = mapped_column(str_enum(PaperSize, "paper_size"), default=PaperSize.A4)
    late_submission: Mapped[LatePolicy] = mapped_column(
        str_enum(LatePolicy, "late_policy"), default=LatePolicy.ALLOW_MARKED, server_default=LatePolicy.ALLOW_MARKED.name
    )
    # Rating suggestion thresholds (RULES.md §3): weighted capaian ≥ above → Di Atas, < below → Di Bawah.
    rating_above: Mapped[int] = mapped_column(Integer, default=110, server_default="110")
    rating_below: Mapped[int] = mapped_column(Integer, default=90, server_default="90")
    curve_enforcement: Mapped[CurveEnforcement] = mapped_column(
        str_enum(CurveEnforcement, "curve_enforcement"), default=CurveEnforcement.WARN,
        server_default=CurveEnforcement.WARN.name,
    )
    objection_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    # The lowest capaian (%) of the OPD for Istimewa, Baik, Butuh Perbaikan and Kurang: the predikat
    # kinerja organisasi Capaian suggests at year end (the kabupaten's rule).
    org_predikat_thresholds: Mapped[str] = mapped_column(String(60), default="110; 90; 70; 50",
                                                         server_default="110; 90; 70; 50")
    # Kinerja harian (RULES.md §11): the standard minutes of a working day, the most a day may hold,
    # how many working days back an activity may be entered, the Pejabat Penilai's days to verify,
    # and whether what is not verified in time counts as accepted.
    day_minutes: Mapped[int] = mapped_column(Integer, default=450, server_default="450")
    day_limit_minutes: Mapped[int] = mapped_column(Integer, default=720, server_default="720")
    entry_days: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    verify_days: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    unverified_accepted: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Office hours the presensi is measured against (late arrival, early leave); Friday ends apart.
    work_start: Mapped[dt.time] = mapped_column(Time, default=dt.time(7, 30), server_default="07:30:00")
    work_end: Mapped[dt.time] = mapped_column(Time, default=dt.time(16, 0), server_default="16:00:00")
    friday_end: Mapped[dt.time] = mapped_column(Time, default=dt.time(16, 30), server_default="16:30:00")
    # The monthly TPP (Perkada): the productivity weight (discipline is the rest of 100), the
    # deduction per day absent without reason, and the late / early-leave bands ("1-30:0,5; …").
    tpp_productivity_weight: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    tpp_absent_percent: Mapped[str] = mapped_column(String(10), default="3", server_default="3")
    tpp_late_bands: Mapped[str] = mapped_column(String(300), default="1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5",
                                                server_default="1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5")
    tpp_early_bands: Mapped[str] = mapped_column(String(300), default="1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5",
                                                 server_default="1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5")
    # How productivity is measured (AKTIVITAS: activity minutes; PREDIKAT: the latest assessed
    # period's predikat by the table "Sangat Baik:100; …"), and the cut per kind of day away.
    tpp_productivity_source: Mapped[str] = mapped_column(String(10), default="AKTIVITAS", server_default="AKTIVITAS")
    tpp_predikat_percents: Mapped[str] = mapped_column(
        String(300), default="Sangat Baik:100; Baik:100; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40",
        server_default="Sangat Baik:100; Baik:100; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40")
    tpp_away_rules: Mapped[str] = mapped_column(String(300), default="Cuti:0; Sakit:0; Izin:0; Tugas belajar:0",
                                                server_default="Cuti:0; Sakit:0; Izin:0; Tugas belajar:0")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(f"id = {SETTINGS_ID}", name="single_row"),
        CheckConstraint("rating_below > 0 AND rating_below < rating_above AND rating_above <= 200",
                        name="rating_thresholds"),
        CheckConstraint("objection_days BETWEEN 1 AND 90", name="objection_days_range"),
        CheckConstraint("day_minutes BETWEEN 60 AND 720 AND day_limit_minutes BETWEEN day_minutes AND 1440",
                        name="day_minutes_range"),
        CheckConstraint("entry_days BETWEEN 0 AND 30 AND verify_days BETWEEN 1 AND 30", name="daily_days_range"),
    )
