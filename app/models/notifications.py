"""What happened to me, and what I am reminded of: one row per recipient. An event (SKP returned,
a period approved, a keberatan decided, a document issued…) points at its audit event; a reminder
(a deadline near, a submission waiting) carries the key that keeps it from being sent twice."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.audit import AuditEvent
from app.models.base import Base, UTCDateTime, utcnow


class Notification(Base):
    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_notification_user_key"),
        Index("ix_notification_user_created", "user_id", "created_at"),
        Index("ix_notification_user_unread", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # "peristiwa" (an event) or "pengingat" (a reminder)
    # for a reminder: what it is about and when ("periode:12:batas"); one per user, ever
    key: Mapped[str | None] = mapped_column(String(120))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_event.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    # what it is about, for the link (the same kinds as the audit trail's objects)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    emailed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    event: Mapped[AuditEvent | None] = relationship()

    @property
    def unread(self) -> bool:
        return self.read_at is None
