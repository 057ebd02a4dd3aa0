"""Helpers for the admin pages of years and periods, organisation targets and the library."""
from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent
from tests.queries import count_statements  # noqa: F401  (re-exported)


def rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def body(response) -> str:
    return response.get_data(as_text=True)
