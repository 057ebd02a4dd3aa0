"""Importing valid rosters: the tree, accounts, assessors, re-import changes, reactivation,
deactivation, OPD admin scope, audit events, all-or-nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.enums import EmploymentStatus, Gender, OrgUnitKind, PositionKind, Role
from app.extensions import db
from app.models import AuditEvent, Employee, OrgUnit, User
from app.services import ServiceError
from app.services.org.units import unit_path
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.reader import read_roster
from app.services.settings import update_settings
from tests.factories import make_nip
from tests.roster.helpers import counts, csv_bytes, nips, person, tree_rows, xlsx_bytes


def _employee(nip: str) -> Employee:
    return db.session.scalar(select(Employee).where(Employee.nip == nip))


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_first_import_builds_the_tree(do_import):
    update_settings(None, {"head_title": "Bupati Bungo", "head_name": "H. Mashuri"})
    n = nips(7)
    plan, result = do_import(tree_rows(n))
    assert (result.created, result.new_opds, result.new_units, result.accounts_created) == (7, 2, 3, 7)
    assert plan.new_opds == ["Sekretariat Daerah", "Dinas Kesehatan"]
    assert plan.new_units == ["Dinas Kesehatan / Sekretariat", "Dinas Kesehatan / UPTD Puskesmas Muara Bungo",
                              "Dinas Kesehatan / Sekretariat / Subbagian Umum"]
    sekda, kadis, sekdis, kasubbag, staff, pppk, nurse = (_employee(x) for x in n)
    pemda = db.session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.PEMDA))
    assert sekda.unit.parent_id == pemda.id and sekda.unit.opd_id == sekda.unit.id
    assert sekda.assessor is None
    assert (sekda.external_assessor_name, sekda.external_assessor_title) == ("H. Mashuri", "Bupati Bungo")
    assert kadis.assessor_id == sekda.id and kadis.external_assessor_name is None
    assert kadis.unit.kind == OrgUnitKind.OPD and kadis.unit.name == "Dinas Kesehatan"
    assert sekdis.assessor_id == kadis.id and sekdis.unit.kind == OrgUnitKind.SEKRETARIAT
    assert kasubbag.unit.kind == OrgUnitKind.SUBBAGIAN and unit_path(kasubbag.unit) == "Sekretariat / Subbagian Umum"
    assert kasubbag.unit.opd_id == kadis.unit.id and kasubbag.unit.parent_id == sekdis.unit.id
    assert staff.assessor_id == kasubbag.id and pppk.assessor_id == kasubbag.id
    assert nurse.unit.kind == OrgUnitKind.UPTD and nurse.assessor_id == kadis.id
    assert kasubbag.grade_code == "III/d" and kasubbag.email == "candra@example.go.id"
    assert pppk.status == EmploymentStatus.PPPK and pppk.grade_code == "IX" and nurse.grade_code is None
    assert nurse.position_kind == PositionKind.FUNGSIONAL
    info_birth = dt.date(int(n[3][:4]), int(n[3][4:6]), int(n[3][6:8]))
    assert kasubbag.birth_date == info_birth and kasubbag.gender == Gender.LAKI_LAKI
    assert kasubbag.tmt == dt.date(int(n[3][8:12]), int(n[3][12:14]), 1)
    users = list(db.session.scalars(select(User)))
    assert len(users) == 7 and all(u.password_hash is None and u.role == Role.PEGAWAI for u in users)
    assert {u.nip for u in users} == set(n) and all(u.employee.nip == u.nip for u in users)
    assert len(_events("pegawai.dibuat")) == 7 and len(_events("unit.dibuat")) == 5
    summary, = _events("impor.pegawai")
    assert summary.object_type == "impor" and summary.after["dibuat"] == 7 and summary.after["berkas"] == "uji.xlsx"
    assert summary.actor_user_id is None


def test_external_assessor_falls_back_to_the_title(do_import):
    n = nips(7)
    plan, _ = do_import(tree_rows(n))
    sekda = _employee(n[0])
    assert (sekda.external_assessor_name, sekda.external_assessor_title) == ("Bupati", "Bupati")
    assert any("Nama kepala daerah belum diisi" in w for w in plan.warnings)


def test_existing_pemda_and_units_reused_case_insensitively(factory, do_import):
    opd = factory.opd("Dinas Kesehatan")
    sekretariat = factory.unit(opd, "Sekretariat", kind=OrgUnitKind.SEKRETARIAT)
    n = nips(7)
    rows = tree_rows(n)
    rows[2][6], rows[2][7] = "  dinas   KESEHATAN ", "SEKRETARIAT"
    plan, result = do_import(rows)
    assert plan.new_opds == ["Sekretariat Daerah"]
    assert "Dinas Kesehatan / Sekretariat / Subbagian Umum" in plan.new_units
    assert _employee(n[2]).unit_id == sekretariat.id
    assert _employee(n[3]).unit.parent_id == sekretariat.id
    assert db.session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.PEMDA)).id == opd.parent_id


def test_reimport_updates_with_change_summary_and_audit(do_import):
    n = nips(7)
    rows = tree_rows(n)
    do_import(rows)
    version = _employee(n[4]).version
    rows[4][1] = "Arif Hakim, S.Kom."
    rows[4][3] = "II/d"
    rows[4][7] = "Sekretariat"
    rows[4][8] = n[2]
    rows[3][9] = ""
    plan = plan_import(None, read_roster(xlsx_bytes(rows), "ulang.xlsx"))
    assert plan.valid and plan.unchanged == 5 and not plan.creates
    changes = {c.nip: {f.label: (f.old, f.new) for f in c.changes} for c in plan.updates}
    assert changes[n[4]] == {
        "Nama": ("Arif Hakim", "Arif Hakim, S.Kom."),
        "Pangkat/Golongan": ("Pengatur (II/c)", "Pengatur Tingkat I (II/d)"),
        "Unit Kerja": ("Dinas Kesehatan / Sekretariat / Subbagian Umum", "Dinas Kesehatan / Sekretariat"),
        "NIP Atasan": (f"Candra Rahmawati, S.E. ({n[3]})", f"Dewi Rahmawati ({n[2]})"),
    }
    assert changes[n[3]] == {"Email": ("candra@example.go.id", "–")}
    result = apply_import(None, plan)
    db.session.commit()
    assert (result.created, result.updated, result.unchanged) == (0, 2, 5)
    arif = _employee(n[4])
    assert arif.name == "Arif Hakim, S.Kom." and arif.assessor.nip == n[2] and arif.unit.name == "Sekretariat"
    assert arif.version == version + 1
    event = next(e for e in _events("pegawai.diubah") if e.object_id == arif.id)
    assert event.before["name"] == "Arif Hakim" and event.after["name"] == "Arif Hakim, S.Kom."
    assert event.before["grade_code"] == "II/c" and event.after["grade_code"] == "II/d"
    assert len(event.after) == 4  # name, grade, unit and assessor (however the snapshot names them)
    assert event.after["unit"] == "Dinas Kesehatan / Sekretariat"  # the full path, not just the name
    assert {k for k in event.after if not k.startswith(("unit", "assessor"))} == {"name", "grade_code"}
    assert len(_events("pegawai.diubah")) == 2 and len(_events("impor.pegawai")) == 2


def test_reimport_of_the_same_file_changes_nothing(do_import):
    rows = tree_rows()
    do_import(rows)
    before = counts()
    plan, result = do_import(rows)
    assert plan.unchanged == 7 and not (plan.updates or plan.creates or plan.new_units or plan.missing)
    assert counts()["employee"] == before["employee"] and len(_events("pegawai.diubah")) == 0


def test_reactivation(factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    nurse = _employee(n[6])
    nurse.active = False
    db.session.commit()
    plan, result = do_import(tree_rows(n))
    assert [c.nip for c in plan.reactivations] == [n[6]] and result.reactivated == 1
    assert _employee(n[6]).active
    event, = _events("pegawai.diaktifkan")
    assert event.before == {"active": False} and event.after == {"active": True}


def test_missing_pegawai_deactivated_only_when_asked(do_import):
    n = nips(7)
    do_import(tree_rows(n))
    rows = [r for r in tree_rows(n) if r[0] not in (n[5], n[6])]
    plan, result = do_import(rows)
    assert {p.nip for p in plan.missing} == {n[5], n[6]} and result.deactivated == 0
    assert _employee(n[5]).active and _employee(n[6]).active
    plan, result = do_import(rows, deactivate_missing=True)
    assert result.deactivated == 2
    assert not _employee(n[5]).active and not _employee(n[6]).active
    assert len(_events("pegawai.dinonaktifkan")) == 2
    assert _events("impor.pegawai")[-1].after["dinonaktifkan"] == 2


def test_missing_atasan_of_someone_staying_is_kept(factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    opd = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    other = factory.employee(opd, name="Tetap Ada", assessor=_employee(n[6]))
    rows = [r for r in tree_rows(n) if r[0] != n[6]] + [person(other.nip, "Tetap Ada", boss=n[6])]
    plan, result = do_import(rows, deactivate_missing=True)
    assert not plan.missing and result.deactivated == 0
    assert any("masih menjadi atasan" in w and n[6] in w for w in plan.warnings)
    assert _employee(n[6]).active


def test_opd_admin_scope(factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    kesehatan = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    sekretariat_daerah = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Sekretariat Daerah"))
    admin = factory.admin([kesehatan])
    db.session.commit()
    rows = [
        person(n[2], "Dewi Rahmawati", grade="IV/a", position="Sekretaris Dinas", kind="Administrator",
               unit="Sekretariat", boss=n[1]),
        person(make_nip(), "Orang Baru", opd="Sekretariat Daerah", boss=n[0]),
        person(make_nip(), "OPD Baru", opd="Dinas Pariwisata", boss=n[0]),
        person(n[0], "Endang Sembiring", grade="IV/c", kind="JPT", opd="Dinas Kesehatan"),
    ]
    before = counts()
    plan = plan_import(admin, read_roster(xlsx_bytes(rows), "opd.xlsx"))
    got = {(e.row, e.column): e.message for e in plan.errors}
    assert got.keys() == {(3, "Perangkat Daerah"), (4, "Perangkat Daerah"), (5, "NIP")}
    assert "tidak mengelola Perangkat Daerah 'Sekretariat Daerah'" in got[(3, "Perangkat Daerah")]
    assert "Hanya super admin" in got[(4, "Perangkat Daerah")]
    assert "di luar perangkat daerah yang Anda kelola" in got[(5, "NIP")]
    with pytest.raises(ServiceError):
        apply_import(admin, plan)
    assert counts() == before
    assert sekretariat_daerah.id != kesehatan.id


def test_opd_admin_imports_own_opd_and_sees_only_own_missing(factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    kesehatan = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    admin = factory.admin([kesehatan])
    db.session.commit()
    rows = [r for r in tree_rows(n)[1:] if r[0] != n[6]]
    rows[2][4] = "Kepala Subbagian Umum dan Kepegawaian"
    plan, result = do_import(rows, admin, deactivate_missing=True)
    missing = {p.nip for p in plan.missing}
    assert missing == {n[6], admin.nip}  # never the Sekda of another OPD
    assert result.updated == 1 and result.deactivated == 2
    assert _employee(n[0]).active
    event = _events("impor.pegawai")[-1]
    assert event.actor_user_id == admin.id and event.opd_id == kesehatan.id


def test_operator_account_with_same_nip_is_linked(factory, do_import):
    nip = make_nip()
    operator = factory.user(None, nip=nip, role=Role.SUPERADMIN)
    db.session.commit()
    n = nips(7)
    n[3] = nip
    _, result = do_import(tree_rows(n))
    db.session.refresh(operator)
    assert operator.employee.nip == nip and operator.display_name is None and operator.role == Role.SUPERADMIN
    assert result.accounts_created == 6
    assert db.session.query(User).count() == 7


def test_apply_refuses_a_plan_with_errors():
    rows = tree_rows()
    rows[3][5] = "?"
    plan = plan_import(None, read_roster(xlsx_bytes(rows), "a.xlsx"))
    before = counts()
    with pytest.raises(ServiceError, match="tidak ada yang ditulis"):
        apply_import(None, plan)
    assert counts() == before


def test_csv_with_semicolons_and_bom(do_import):
    n = nips(7)
    plan, result = do_import(None, data=csv_bytes(tree_rows(n), delimiter=";", bom=True), filename="uji.csv")
    assert result.created == 7 and _employee(n[3]).name == "Candra Rahmawati, S.E."


def test_jenis_jabatan_aliases_and_external_assessor_kept(do_import):
    n = nips(7)
    rows = tree_rows(n)
    rows[0][5], rows[1][5] = "Pimpinan Tinggi", "JPT Pratama"
    do_import(rows)
    sekda = _employee(n[0])
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Mashuri", "Bupati Bungo"
    db.session.commit()
    plan, _ = do_import(rows)
    assert plan.unchanged == 7
    assert _employee(n[0]).external_assessor_name == "H. Mashuri"
    assert _employee(n[1]).position_kind == PositionKind.JPT


def test_without_unit_and_email_columns_existing_values_are_kept(do_import):
    n = nips(7)
    do_import(tree_rows(n))
    headers = ["NIP", "Nama", "Status Kepegawaian", "Pangkat/Golongan", "Jabatan", "Jenis Jabatan",
               "Perangkat Daerah", "NIP Atasan"]
    rows = [r[:7] + [r[8]] for r in tree_rows(n)]
    plan, _ = do_import(None, data=xlsx_bytes(rows, headers))
    assert plan.unchanged == 7, [(c.name, c.changes) for c in plan.updates]
    assert _employee(n[3]).email == "candra@example.go.id"


def test_plan_is_applied_only_for_its_own_actor(factory):
    admin = factory.superadmin()
    plan = plan_import(admin, read_roster(xlsx_bytes(tree_rows()), "a.xlsx"))
    assert plan.valid
    before = counts()
    with pytest.raises(ServiceError, match="pengguna lain"):
        apply_import(factory.superadmin(), plan)
    with pytest.raises(ServiceError):
        apply_import(None, plan)
    assert counts()["employee"] == before["employee"] + 1  # only the second superadmin


def test_existing_external_assessor_allows_an_empty_atasan(factory, do_import):
    opd = factory.opd("Dinas Kesehatan")
    staff = factory.employee(opd, name="Staf Khusus", position="Staf Ahli Bupati")
    staff.external_assessor_name, staff.external_assessor_title = "H. Mashuri", "Bupati Bungo"
    db.session.commit()
    plan, _ = do_import([person(staff.nip, "Staf Khusus", grade="III/a", position="Staf Ahli Bupati")])
    assert plan.unchanged == 1
