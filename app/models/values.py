"""The seven BerAKHLAK core values and their behaviour guides (reference data, seeded by a
migration: RULES.md §2)."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class CoreValue(Base):
    __tablename__ = "core_value"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer, unique=True)

    guides: Mapped[list[CoreValueGuide]] = relationship(
        back_populates="value", order_by="CoreValueGuide.position"
    )


class CoreValueGuide(Base):
    __tablename__ = "core_value_guide"
    __table_args__ = (UniqueConstraint("value_id", "position", name="uq_core_value_guide_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    value_id: Mapped[int] = mapped_column(ForeignKey("core_value.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)

    value: Mapped[CoreValue] = relationship(back_populates="guides")
