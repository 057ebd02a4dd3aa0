"""Capaian from data: a metric kept in Capaian ("rata-rata waktu penerbitan KTP-el (hari)") for a
unit, its value per appraisal period — fed by a file or pushed by the system that holds the figure,
with a token scoped to its metrics — and every change of a value, logged with its source."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.accounts import User
from app.models.api import ApiToken
from app.models.base import Base, ExactDecimal, UTCDateTime, utcnow
from app.models.org import OrgUnit
from app.models.years import Period


class Metric(Base):
    """A figure of a unit's performance that Capaian keeps per period; `code` names it in files and
    pushes; `source_token_id`, the outside system allowed to push it."""

    __tablename__ = "metric"
    __table_args__ = (Index("ix_metric_opd", "opd_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    measure_unit: Mapped[str] = mapped_column(String(50))  # satuan: hari, dokumen, %
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source_token_id: Mapped[int | None] = mapped_column(ForeignKey("api_token.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    opd: Mapped[OrgUnit] = relationship(foreign_keys=[opd_id])
    unit: Mapped[OrgUnit] = relationship(foreign_keys=[unit_id])
    source_token: Mapped[ApiToken | None] = relationship()


class MetricValue(Base):
    """A metric's value in one appraisal period, with where it last came from."""

    __tablename__ = "metric_value"
    __table_args__ = (UniqueConstraint("metric_id", "period_id", name="uq_metric_value_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    value: Mapped[Decimal] = mapped_column(ExactDecimal)
    source: Mapped[str] = mapped_column(String(10))  # BERKAS or API
    source_detail: Mapped[str] = mapped_column(String(200))  # the file's name, the token's name
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    metric: Mapped[Metric] = relationship()
    period: Mapped[Period] = relationship()
    updated_by: Mapped[User | None] = relationship()


class MetricChange(Base):
    """One change of a value: before, after, and who or what sent it (a push that changes nothing
    writes nothing)."""

    __tablename__ = "metric_change"
    __table_args__ = (Index("ix_metric_change_metric", "metric_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    before: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    after: Mapped[Decimal] = mapped_column(ExactDecimal)
    source: Mapped[str] = mapped_column(String(10))
    source_detail: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    token_id: Mapped[int | None] = mapped_column(ForeignKey("api_token.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    period: Mapped[Period] = relationship()
    user: Mapped[User | None] = relationship()
