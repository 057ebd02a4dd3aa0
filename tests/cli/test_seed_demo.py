"""`flask seed-demo`: the demo kabupaten is big, valid by the project's own rules, and fixed."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind, Role
from app.domain.grades import get_grade
from app.domain.nip import parse_nip
from app.domain.passwords import password_problems
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, Employee, OrgUnit, User
from app.security import MAX_CHAIN_DEPTH
from app.seed.demo.story import DEMO_PASSWORD, build_plan, seed_demo
from app.services.settings import get_settings
from tests.cli.helpers import form_login

# PNS golongan ruang allowed per jenis jabatan (codes of PNS_GRADES, inclusive).
BANDS = {
    PositionKind.JPT: ("IV/c", "IV/d"),
    PositionKind.ADMINISTRATOR: ("IV/a", "IV/b"),
    PositionKind.PENGAWAS: ("III/c", "III/d"),
    PositionKind.PELAKSANA: ("II/a", "III/d"),
    PositionKind.FUNGSIONAL: ("II/a", "III/d"),
}
LABELS = ["Pegawai (pelaksana)", "Pejabat Penilai (pengawas)", "Pengelola Kinerja OPD", "Super Admin (BKPSDM)"]


@pytest.fixture
def seeded(cli):
    result = cli.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return result


def _employees() -> list[Employee]:
    return list(db.session.scalars(select(Employee)))


def _demo_users() -> dict[str, User]:
    users = db.session.scalars(select(User).where(User.password_hash.is_not(None)))
    return {u.nip: u for u in users}


def test_prints_the_four_demo_logins(seeded):
    lines = seeded.output.splitlines()
    assert lines[0] == f"Data demo dimuat. Akun demo (kata sandi sama untuk semua: {DEMO_PASSWORD}):"
    assert [line.split(" NIP ")[0].strip() for line in lines[1:]] == LABELS
    assert {line.split(" NIP ")[1].split()[0] for line in lines[1:]} == set(_demo_users())


def test_the_kabupaten(seeded):
    settings = get_settings()
    assert settings.region_name == "Pemerintah Kabupaten Tanjung Harapan"
    assert settings.document_place == "Tanjung Harapan"
    assert settings.head_title == "Bupati Tanjung Harapan" and settings.head_name

    opds = list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD)))
    assert 8 <= len(opds) <= 10
    names = {u.name for u in opds}
    assert {"Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "Inspektorat Daerah"} <= names
    units = list(db.session.scalars(select(OrgUnit)))
    pemda = next(u for u in units if u.kind == OrgUnitKind.PEMDA)
    for unit in units:
        if unit.kind == OrgUnitKind.OPD:
            assert unit.parent_id == pemda.id and unit.opd_id == unit.id
        elif unit.kind != OrgUnitKind.PEMDA:
            assert unit.parent.opd_id == unit.opd_id is not None
    puskesmas = [u for u in units if u.kind == OrgUnitKind.UPTD and u.name.startswith("UPTD Puskesmas")]
    assert len(puskesmas) >= 2

    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "demo.dimuat"))
    assert event.after["employees"] == len(_employees())


def test_every_pegawai_is_valid(seeded):
    employees = _employees()
    assert len(employees) >= 300
    assert len({e.nip for e in employees}) == len(employees)
    for e in employees:
        info = parse_nip(e.nip)
        assert (info.birth_date, info.tmt, info.gender) == (e.birth_date, e.tmt, e.gender), e.nip
        assert info.tmt.year - info.birth_date.year >= 20, e.nip
        grade = get_grade(e.status, e.grade_code)
        assert grade is not None, (e.nip, e.status, e.grade_code)
        if e.status == EmploymentStatus.PNS:
            low, high = (get_grade(EmploymentStatus.PNS, code).rank for code in BANDS[e.position_kind])
            assert low <= grade.rank <= high, (e.name, e.position, e.grade_code)
        else:
            assert grade.pangkat is None
            assert e.position_kind in (PositionKind.PELAKSANA, PositionKind.FUNGSIONAL)
        assert e.user is not None and e.active
        assert e.name.strip() and e.position.strip()
    pppk = sum(e.status == EmploymentStatus.PPPK for e in employees)
    assert 0.10 <= pppk / len(employees) <= 0.20
    assert sum(e.email is not None for e in employees) / len(employees) > 0.75
    assert {"Analis Kebijakan Ahli Muda", "Pengadministrasi Perkantoran",
            "Penata Layanan Operasional"} <= {e.position for e in employees}
    assert any(e.position.startswith("Pranata Komputer") for e in employees)


def test_one_reporting_tree_under_the_sekda(seeded):
    employees = _employees()
    (top,) = [e for e in employees if e.assessor_id is None]
    settings = get_settings()
    assert top.position == "Sekretaris Daerah" and top.position_kind == PositionKind.JPT
    assert (top.external_assessor_name, top.external_assessor_title) == (settings.head_name, settings.head_title)
    assert all(e.external_assessor_name is None for e in employees if e is not top)

    by_id = {e.id: e for e in employees}
    for e in employees:
        node, depth = e, 0
        while node.assessor_id is not None:
            node, depth = by_id[node.assessor_id], depth + 1
            assert depth <= MAX_CHAIN_DEPTH, f"cycle above {e.nip}"
        assert node is top
    kinds = {e.position_kind for e in employees}
    assert kinds == set(PositionKind)
    for e in employees:
        boss = by_id.get(e.assessor_id)
        if e.position_kind == PositionKind.ADMINISTRATOR:  # the Sekretaris Kecamatan: the Camat
            assert boss.position_kind == PositionKind.JPT or boss.position.startswith("Camat"), e.position
        if e.position_kind == PositionKind.PENGAWAS:
            assert boss.position_kind in (PositionKind.ADMINISTRATOR, PositionKind.JPT), e.position


def test_the_plt(seeded):
    (acting,) = db.session.scalars(select(ActingAssignment))
    today = dt.date.today()
    assert acting.covers(today) and acting.kind.label == "Plt."
    assert acting.position == f"Kepala {acting.unit.name}" and acting.unit.kind == OrgUnitKind.BIDANG
    assert acting.acting_employee.position_kind == PositionKind.ADMINISTRATOR
    # Nobody holds the post itself; the Plt. assesses its seksi heads.
    holders = db.session.scalars(select(Employee).where(Employee.position == acting.position))
    assert list(holders) == []
    seksi_heads = db.session.scalars(
        select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(OrgUnit.parent_id == acting.unit_id, Employee.position_kind == PositionKind.PENGAWAS)
    ).all()
    assert seksi_heads and all(e.assessor_id == acting.acting_employee_id for e in seksi_heads)


def test_the_demo_roles(seeded):
    users = _demo_users()
    assert len(users) == 4
    by_role = {}
    for user in users.values():
        by_role.setdefault(user.role, []).append(user)
        assert not user.must_change_password
        assert password_problems(DEMO_PASSWORD, nip=user.nip, name=user.name) == []
    (superadmin,) = by_role[Role.SUPERADMIN]
    assert superadmin.employee.unit.opd.name.startswith("Badan Kepegawaian")
    (admin,) = by_role[Role.ADMIN]
    assert [u.name for u in admin.admin_units] == ["Dinas Kesehatan"]
    assert admin.employee.unit.opd_id == admin.admin_units[0].id
    pegawai_users = by_role[Role.PEGAWAI]
    (supervisor,) = [u for u in pegawai_users if u.employee.position_kind == PositionKind.PENGAWAS]
    (pegawai,) = [u for u in pegawai_users if u is not supervisor]
    assert pegawai.employee.position_kind == PositionKind.PELAKSANA
    assert pegawai.employee.assessor_id == supervisor.employee.id
    assert len([s for s in supervisor.employee.subordinates if s.active]) >= 5
    # Every other account exists but has no usable password.
    assert db.session.scalar(select(func.count()).select_from(User)) == len(_employees())


def test_exactly_the_demo_logins_can_log_in(seeded, make_client):
    users = _demo_users()
    for nip, user in users.items():
        client = make_client()
        response = form_login(client, nip, DEMO_PASSWORD)
        assert response.status_code == 302 and response.headers["Location"] == "/", user.name
        assert f"Selamat datang, {user.name}" in client.get("/").get_data(as_text=True)
        expected = 200 if user.role in (Role.ADMIN, Role.SUPERADMIN) else 403
        assert client.get("/pengelolaan/").status_code == expected

    others = db.session.scalars(select(User).where(User.nip.not_in(users)).order_by(User.nip).limit(5))
    client = make_client()
    for user in others:
        response = form_login(client, user.nip, DEMO_PASSWORD)
        assert response.status_code == 200, user.nip
        assert "NIP atau kata sandi salah" in response.get_data(as_text=True)


def test_deterministic():
    """Two runs (rolled back in between) give the same pegawai, NIPs and logins."""
    runs = []
    for _ in range(2):
        logins = seed_demo()
        runs.append((
            sorted((e.nip, e.name, e.grade_code, e.position) for e in _employees()),
            [(label, user.nip) for label, user in logins],
        ))
        db.session.rollback()
    assert runs[0] == runs[1]


def test_if_empty_skips_and_lists_the_demo_logins(seeded, cli):
    count = len(_employees())
    result = cli.invoke(args=["seed-demo", "--if-empty"])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Database sudah berisi data; data demo tidak dimuat."
    assert lines[1] == f"Akun demo yang masih berlaku (kata sandi: {DEMO_PASSWORD}):"
    assert [line.split(" NIP ")[0].strip() for line in lines[2:]] == LABELS
    assert len(_employees()) == count


def test_if_empty_lists_no_login_whose_password_was_changed(seeded, cli):
    from app.services.org.accounts import hash_password

    for user in _demo_users().values():
        user.password_hash = hash_password("Sudah-Diganti-Sendiri-1")
    db.session.commit()

    result = cli.invoke(args=["seed-demo", "--if-empty"])

    assert result.exit_code == 0
    assert result.output == "Database sudah berisi data; data demo tidak dimuat.\n"


def test_refuses_a_database_with_pegawai(cli, factory):
    factory.employee()
    db.session.commit()

    result = cli.invoke(args=["seed-demo"])

    assert result.exit_code == 1
    assert result.stderr.startswith("Gagal: Database sudah berisi data pegawai")
    assert len(_employees()) == 1


def test_refuses_a_database_with_units(cli, factory):
    factory.opd("Dinas Kesehatan")
    db.session.commit()

    result = cli.invoke(args=["seed-demo"])

    assert result.exit_code == 1
    assert "unit kerja" in result.stderr
    assert _employees() == []


def test_the_readme_shows_the_demo_logins():
    """The demo tour in README.md names the logins that seed-demo really creates."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"`{DEMO_PASSWORD}`" in readme
    for label, nip in build_plan().login_nips():
        assert f"| {label} | `{nip}` |" in readme


# --- the SKPs of the demo (issue 3) ---------------------------------------------------------------


def test_seed_demo_writes_in_bulk(cli):
    """The demo loads in a few seconds because it writes in bulk: about 7,500 statements today, far
    fewer than the rows it writes. A test counts statements, never seconds."""
    from tests.queries import count_statements

    with count_statements() as seen:
        result = cli.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert len(seen) < 10_000


def _plans():
    from app.models import Plan

    return list(db.session.scalars(select(Plan).order_by(Plan.employee_id, Plan.version)))


def test_the_demo_year_targets_and_every_submitted_skp_pass_the_projects_rules(seeded):
    from app.domain.periods import PeriodScheme
    from app.domain.skp import PlanStatus
    from app.models import OrgTarget
    from app.services.skp.plan_rules import submission_problems
    from app.services.years import current_year

    year = current_year(dt.date(2026, 11, 23))
    assert year.year == 2026 and year.scheme == PeriodScheme.TRIWULANAN
    assert [p.label for p in year.periods] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "Akhir"]
    opds = list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD)))
    targets = list(db.session.scalars(select(OrgTarget)))
    for opd in opds:
        mine = [t for t in targets if t.opd_id == opd.id]
        assert 3 <= len(mine) <= 5 and all(t.year_id == year.id and t.target_value > 0 and t.unit for t in mine)
    dinkes = {t.indicator: (t.target_value, t.unit) for t in targets if t.opd.name == "Dinas Kesehatan"}
    assert dinkes["Angka kematian ibu per 100.000 kelahiran hidup"] == (85, "per 100.000 KH")
    assert dinkes["Persentase puskesmas terakreditasi paripurna"] == (100, "%")

    checked = 0
    for plan in _plans():
        if plan.status in (PlanStatus.SUBMITTED, PlanStatus.APPROVED):
            assert submission_problems(plan) == [], (plan.employee.position, submission_problems(plan))
            checked += 1
    assert checked >= 300


def test_approved_skps_cascade_from_the_organisation_targets_down(seeded):
    from app.domain.skp import Approach, Direction, PlanStatus, ResultKind

    plans = _plans()
    by_employee = {}
    for plan in plans:
        by_employee.setdefault(plan.employee_id, []).append(plan)
    approved = {p.employee_id: p for p in plans if p.status == PlanStatus.APPROVED}
    employees = _employees()
    assert len(approved) / len(employees) > 0.8
    for employee_id, plan in approved.items():
        employee = plan.employee
        utama = [r for r in plan.results if r.kind == ResultKind.UTAMA]
        assert 2 <= len(utama) <= 4, employee.position
        assert all(1 <= len(r.indicators) <= 3 for r in plan.results)
        if plan.is_jpt:
            assert employee.position_kind == PositionKind.JPT
            for r in utama:
                assert r.org_target.opd_id == employee.unit.opd_id and r.org_target.year_id == plan.year_id
                assert all(i.perspective is not None for i in r.indicators)
            continue
        boss_plan = approved[employee.assessor_id]  # the assessor's SKP is approved too
        for r in utama:
            assert r.parent.plan_id == boss_plan.id, (employee.position, r.text)
        assert plan.approved_by == employee.assessor.user and plan.approved_as == employee.assessor.position
        assert len(plan.expectations) == 7 and all(e.text for e in plan.expectations)
    sekda = next(e for e in employees if e.assessor_id is None)
    assert approved[sekda.id].approved_as.startswith("Bupati Tanjung Harapan (dicatat oleh ")
    assert approved[sekda.id].approved_by.role == Role.SUPERADMIN

    statuses = {s: sum(p.status == s for p in plans) for s in PlanStatus}
    assert statuses[PlanStatus.SUBMITTED] >= 10 and statuses[PlanStatus.DRAFT] >= 5
    returned = [p for p in plans if p.status == PlanStatus.RETURNED]
    assert len(returned) == 2 and all(len(p.return_reason) > 20 for p in returned)
    (second,) = [p for p in plans if p.version == 2]
    assert second.status == PlanStatus.DRAFT and second.change_reason and second.previous.status == PlanStatus.APPROVED
    assert {r.origin_id for r in second.results} > {None}  # copied RHK keep their lineage
    assert sum(1 for e in employees if e.id not in by_employee) >= 5  # some have not started
    kualitatif = [p for p in plans if p.approach == Approach.KUALITATIF and p.status == PlanStatus.APPROVED]
    assert kualitatif and all(i.narrative_target for p in kualitatif for r in p.results for i in r.indicators)
    directions = {i.direction for p in plans for r in p.results for i in r.indicators}
    assert directions == set(Direction)
    assert any(r.kind == ResultKind.TAMBAHAN for p in plans for r in p.results)


def test_the_indicator_library_of_the_demo(seeded):
    from app.models import LibraryResult

    entries = list(db.session.scalars(select(LibraryResult)))
    positions = {e.position_name for e in entries}
    assert 3 <= len(positions) <= 4 and "Pengadministrasi Perkantoran" in positions
    assert all(e.indicators for e in entries)
    assert positions <= {e.position for e in _employees()}


def test_the_demo_logins_see_their_skp_to_dos_and_the_map(seeded, make_client):
    users = {u.role: u for u in _demo_users().values() if u.role != Role.PEGAWAI}
    pegawai_users = [u for u in _demo_users().values() if u.role == Role.PEGAWAI]
    supervisor = next(u for u in pegawai_users if u.employee.position_kind == PositionKind.PENGAWAS)
    pegawai = next(u for u in pegawai_users if u is not supervisor)

    home = make_client(pegawai).get("/").get_data(as_text=True)
    assert "SKP saya 2026" in home and "Disetujui" in home and "Persetujuan SKP tim" not in home
    client = make_client(supervisor)
    home = " ".join(client.get("/").get_data(as_text=True).split())
    assert "2 SKP menunggu persetujuan Anda." in home and "Belum menyusun SKP (1)" in home
    assert client.get("/skp/peta/saya").status_code == 200

    admin = users[Role.ADMIN]
    page = make_client(admin).get(f"/skp/peta/{admin.admin_units[0].id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in ("Meningkatnya derajat kesehatan masyarakat", "Belum diintervensi bawahan",
                 "RHK tanpa RHK atasan yang sah", "pegawai belum memiliki SKP yang disetujui"):
        assert text in html, text


def test_the_demo_names_its_kepala_bkpsdm_for_the_rekap(cli):
    from app.services.settings import get_settings

    assert cli.invoke(args=["seed-demo"]).exit_code == 0
    settings = get_settings()
    head = db.session.scalar(select(Employee).where(Employee.nip == settings.bkpsdm_nip))
    assert head is not None and head.name == settings.bkpsdm_name
    assert settings.bkpsdm_title == "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
