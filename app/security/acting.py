"""The Plt./Plh. lookups the permission predicates need (RULES.md §10): who stands in for a
pejabat during a span of days. Only models: the write side (recording assignments, signing
titles) is `services/org/acting`."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.extensions import db
from app.models import ActingAssignment, Employee


def acting_overlapping(employee: Employee, start: dt.date, end: dt.date) -> list[ActingAssignment]:
    """The Plt./Plh. assignments standing in for `employee` at any time between start and end."""
    return list(db.session.scalars(
        select(ActingAssignment).where(
            ActingAssignment.replaced_employee_id == employee.id,
            ActingAssignment.start_date <= end,
            ActingAssignment.end_date >= start,
        )
    ))
