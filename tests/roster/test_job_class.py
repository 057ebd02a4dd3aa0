"""The roster's optional Kelas Jabatan column: recorded when present, left alone when absent,
a change shown in the preview, a bad value the row's error at its column."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Employee
from app.services.roster.importer import plan_import
from app.services.roster.reader import read_roster
from tests.roster.helpers import HEADERS, tree_rows, xlsx_bytes

WITH_CLASS = HEADERS + ["Kelas Jabatan"]


def test_the_roster_s_kelas_jabatan_column(factory, do_import):
    rows = tree_rows()
    nip = {r[1]: r[0] for r in rows}
    classes = [15, 14, 12, 9, 5, 7, ""]
    do_import(None, data=xlsx_bytes([r + [c] for r, c in zip(rows, classes)], WITH_CLASS))
    stored = {e.name: e.job_class for e in db.session.scalars(select(Employee))}
    assert stored["Arif Hakim"] == 5 and stored["Oki Pratama"] is None and stored["Endang Sembiring"] == 15
    # a file without the column leaves what is recorded
    plan, _ = do_import(rows)
    assert not plan.updates
    assert db.session.scalar(select(Employee.job_class).where(Employee.nip == nip["Arif Hakim"])) == 5
    # a changed class is a change of the preview
    changed = [r + [6 if r[1] == "Arif Hakim" else c] for r, c in zip(rows, classes)]
    plan, _ = do_import(None, data=xlsx_bytes(changed, WITH_CLASS))
    (update,) = plan.updates
    assert [(f.label, f.old, f.new) for f in update.changes] == [("Kelas Jabatan", "5", "6")]
    # a bad class is the row's error at its column
    bad = [r + [18 if r[1] == "Arif Hakim" else "tujuh" if r[1] == "Novi Hasibuan" else c] for r, c in zip(rows, classes)]
    refused = plan_import(None, read_roster(xlsx_bytes(bad, WITH_CLASS), "kelas.xlsx"))
    assert not refused.valid
    messages = {(e.column, e.message) for e in refused.errors}
    assert ("Kelas Jabatan", "Kelas jabatan '18' tidak valid; tulis angka 1 sampai 17, atau kosongkan.") in messages
    assert any("'tujuh' tidak valid" in m for _, m in messages)
