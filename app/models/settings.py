"""Business settings kept in the database and edited by a superadmin (one row)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.enums import LatePolicy, PaperSize
from app.models.base import Base, UTCDateTime, str_enum, utcnow

SETTINGS_ID = 1


class AppSettings(Base):
    __tablename__ = "app_settings"
    __table_args__ = (CheckConstraint(f"id = {SETTINGS_ID}", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=SETTINGS_ID)
    region_name: Mapped[str] = mapped_column(String(200), default="Pemerintah Kabupaten")
    document_place: Mapped[str] = mapped_column(String(100), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="Bupati")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    paper_size: Mapped[PaperSize] = mapped_column(str_enum(PaperSize, "paper_size"), default=PaperSize.A4)
    late_submission: Mapped[LatePolicy] = mapped_column(
        str_enum(LatePolicy, "late_policy"), default=LatePolicy.ALLOW_MARKED, server_default=LatePolicy.ALLOW_MARKED.name
    )
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_mime: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
