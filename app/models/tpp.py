"""The monthly TPP: the nominal per jabatan (the Perkada's table) and the issued monthly lists of
an OPD, each version a locked snapshot (a correction is a new version with its reason)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
                        false)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.accounts import User
from app.models.base import Base, ExactDecimal, UTCDateTime, utcnow
from app.models.org import OrgUnit


class TppBasis(Base):
    """The TPP of a jabatan before the month's productivity and discipline (Perkada), by the
    jabatan's name as the roster writes it (`key`: lower case, single spaces)."""

    __tablename__ = "tpp_basis"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(250), unique=True)
    position: Mapped[str] = mapped_column(String(250))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class TppList(Base):
    """One issued monthly TPP list of an OPD: every pegawai's basis, productivity, discipline with
    its deductions, and amount, as computed when issued (never recomputed)."""

    __tablename__ = "tpp_list"
    __table_args__ = (
        UniqueConstraint("opd_id", "year", "month", "version", name="uq_tpp_list_version"),
        CheckConstraint("month BETWEEN 1 AND 12 AND version >= 1", name="month_and_version"),
        Index("ix_tpp_list_opd_month", "opd_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    total: Mapped[Decimal] = mapped_column(ExactDecimal)
    reason: Mapped[str | None] = mapped_column(Text)  # why a later version corrects the one before
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The verification code printed on its PDF, and that PDF once made (stored, signed when a
    # certificate is configured, and served the same every time; its hash for the verification page).
    code: Mapped[str | None] = mapped_column(String(20), unique=True)
    stored_name: Mapped[str | None] = mapped_column(String(64))
    sha256: Mapped[str | None] = mapped_column(String(64))
    signed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    opd: Mapped[OrgUnit] = relationship()
    issued_by: Mapped[User | None] = relationship()
