"""What the seed-scale writers share: the rows they wrote (`Written`), bulk inserts with the ids
assigned here, and the sequences moved past them on PostgreSQL."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, text

from app.extensions import db
from app.seed.scale.plan import ScalePlan

CHUNK = 2000
WIB = dt.timezone(dt.timedelta(hours=7))


@dataclass
class Written:
    """What seed_scale wrote: ids by plan index, and the benchmark logins."""

    plan: ScalePlan
    year_id: int
    employee_ids: list[int]
    user_ids: list[int]
    unit_ids: list[int]
    plan_ids: list[int] = field(default_factory=list)
    results: dict[int, list[tuple[int, bool]]] = field(default_factory=dict)  # person -> [(rhk id, utama)]
    indicators: dict[int, list[tuple[int, int, dict]]] = field(default_factory=dict)  # person -> [(iki, rhk, row)]
    logins: list[tuple[str, int]] = field(default_factory=list)  # (label, person index)
    counts: dict[str, int] = field(default_factory=dict)


def bulk(model, rows: list[dict]) -> None:
    """INSERT rows (ids included) in chunks: one executemany per chunk."""
    table = model.__table__ if hasattr(model, "__table__") else model
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(table), rows[start:start + CHUNK])


def next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def fix_sequences() -> None:
    """PostgreSQL: move each id sequence past the ids written here."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in db.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))
