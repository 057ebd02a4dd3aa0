"""The indicator library: starting RHK and IKI per jabatan, offered when a pegawai drafts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.skp import Aspect, Direction, ResultKind
from app.models.base import Base, ExactDecimal, UTCDateTime, str_enum, utcnow


class LibraryResult(Base):
    """A starting RHK for everyone holding a jabatan (matched on the normalised jabatan name)."""

    __tablename__ = "library_result"
    __table_args__ = (Index("ix_library_result_position", "position_key", "kind", "sort_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position_name: Mapped[str] = mapped_column(String(250))  # as typed: "Pranata Komputer Ahli Pertama"
    position_key: Mapped[str] = mapped_column(String(250))  # case- and space-folded, for matching
    kind: Mapped[ResultKind] = mapped_column(str_enum(ResultKind, "result_kind"), default=ResultKind.UTAMA)
    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    indicators: Mapped[list[LibraryIndicator]] = relationship(
        back_populates="result", order_by="[LibraryIndicator.sort_order, LibraryIndicator.id]",
        cascade="all, delete-orphan",
    )


class LibraryIndicator(Base):
    __tablename__ = "library_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("library_result.id", ondelete="CASCADE"))
    aspect: Mapped[Aspect] = mapped_column(str_enum(Aspect, "aspect"))
    text: Mapped[str] = mapped_column(Text)
    target_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    target_high: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    unit: Mapped[str | None] = mapped_column(String(50))
    direction: Mapped[Direction] = mapped_column(str_enum(Direction, "direction"), default=Direction.HIGHER)
    cumulative: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    result: Mapped[LibraryResult] = relationship(back_populates="indicators")


def position_key(name: str) -> str:
    """How jabatan names are matched: case and spacing do not matter."""
    return " ".join((name or "").split()).casefold()
