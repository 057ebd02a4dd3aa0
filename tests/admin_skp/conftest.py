"""Helpers for the admin pages of years and periods, organisation targets and the library."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event, func, select

from app.extensions import db
from app.models import AuditEvent


@contextmanager
def count_statements():
    """Every SQL statement sent to the database inside the block (requests included)."""
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def body(response) -> str:
    return response.get_data(as_text=True)
