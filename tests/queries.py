"""Counting SQL: the statements a block of test code (requests included) sends to the database,
for the tests that prove a page costs the same number of queries whatever the size of the data."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Every SQL statement sent to the database inside the block (requests included)."""
    seen: list[str] = []

    def listener(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
