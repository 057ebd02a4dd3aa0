"""Planning and writing cost the same number of SELECTs for 10 rows or 200: no query per row."""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.reader import read_roster
from tests.factories import make_nip
from tests.roster.helpers import person, xlsx_bytes


@contextmanager
def count_selects():
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def roster_rows(size: int, tag: str) -> list[list]:
    """A top official, one head per OPD, staff under the heads: three reporting levels."""
    top = make_nip()
    rows = [person(top, f"Sekda {tag}", kind="JPT", grade="IV/c", opd=f"Setda {tag}")]
    heads = []
    for i in range(2):
        heads.append(make_nip())
        rows.append(person(heads[-1], f"Kepala {tag} {i}", kind="JPT", opd=f"Dinas {tag} {i}", boss=top))
    while len(rows) < size:
        i = len(rows) % 2
        rows.append(person(make_nip(), f"Staf {tag} {len(rows)}", opd=f"Dinas {tag} {i}",
                           unit=f"Bidang {len(rows) % 3} / Seksi {len(rows) % 2}", boss=heads[i]))
    return rows


def _measure(rows, name):
    with count_selects() as planning:
        plan = plan_import(None, read_roster(xlsx_bytes(rows), name))
    assert plan.valid
    with count_selects() as writing:
        apply_import(None, plan)
    db.session.commit()
    return len(planning), len(writing)


def test_selects_do_not_grow_with_rows(factory):
    factory.pemda()  # both imports below find the pemda already there
    small_rows, large_rows = roster_rows(10, "a"), roster_rows(200, "b")
    small = _measure(small_rows, "kecil.xlsx")
    large = _measure(large_rows, "besar.xlsx")
    assert small == large
    # re-imports that update every row: same again
    for rows in (small_rows, large_rows):
        for row in rows:
            row[4] = "Jabatan Baru"
    assert _measure(small_rows, "ulang-kecil.xlsx") == _measure(large_rows, "ulang-besar.xlsx")
    db.session.expire_all()
    with count_selects() as planning:
        plan = plan_import(None, read_roster(xlsx_bytes(large_rows), "x.xlsx"))
    assert plan.unchanged == 200 and len(planning) <= 4
