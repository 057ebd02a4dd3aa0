"""An account made by `flask create-admin NIP` for a NIP not in the roster cannot be claimed by an
OPD admin who adds a pegawai with that NIP (form or import): the link waits for a super admin."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.enums import Role
from app.extensions import db
from app.models import AuditEvent, Employee, User
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.reader import read_roster
from tests.factories import make_nip
from tests.roster.helpers import person, xlsx_bytes

ORPHAN_NIP = make_nip(777)
PASSWORD = "Rahasia-Super-Admin-2026"


@pytest.fixture
def orphan(app, ranks):
    """The operator's first super admin, made before the roster was imported."""
    result = app.test_cli_runner().invoke(args=["create-admin", ORPHAN_NIP, "--name", "Operator BKPSDM",
                                                "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    user = db.session.scalar(select(User).where(User.nip == ORPHAN_NIP))
    assert user.role == Role.SUPERADMIN and user.employee_id is None
    return user


def _form(unit, nip):
    return {"nip": nip, "name": "Operator BKPSDM", "status": "PNS", "grade_code": "III/b", "position": "Analis SDM",
            "position_kind": "PELAKSANA", "unit_id": str(unit.id), "assessor_nip": "", "external_assessor_name": "",
            "external_assessor_title": "", "email": "operator@contoh.go.id"}


def test_an_opd_admin_who_adds_the_nip_gets_a_pegawai_without_the_account(make_client, ranks, orphan):
    admin = make_client(ranks.account("admin_bkpsdm"))
    response = admin.post("/pengelolaan/pegawai/baru", _form(ranks.bkpsdm, ORPHAN_NIP))
    assert response.status_code == 302
    employee = db.session.scalar(select(Employee).where(Employee.nip == ORPHAN_NIP))
    assert employee.user is None and db.session.get(User, orphan.id).employee_id is None

    page = admin.get(f"/pengelolaan/pegawai/{employee.id}").get_data(as_text=True)
    assert "menunggu konfirmasi super admin" in page and "akun/reset" not in page
    # the reset that would hand the super admin's account over is refused and audited
    refused = admin.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset")
    assert refused.status_code == 403 and "super admin" in refused.get_data(as_text=True)
    assert db.session.get(User, orphan.id).activation_code_hash is None
    assert admin.post(f"/pengelolaan/pegawai/{employee.id}/akun/tautkan").status_code == 403
    # and the operator's password still works
    assert make_client().post("/masuk", {"nip": ORPHAN_NIP, "password": PASSWORD}).status_code == 302


def test_a_super_admin_links_it_on_the_pegawai_page(make_client, ranks, orphan):
    make_client(ranks.account("admin_bkpsdm")).post("/pengelolaan/pegawai/baru", _form(ranks.bkpsdm, ORPHAN_NIP))
    employee = db.session.scalar(select(Employee).where(Employee.nip == ORPHAN_NIP))
    superadmin = make_client(ranks.account("superadmin"))
    assert "Tautkan akun ke pegawai ini" in superadmin.get(f"/pengelolaan/pegawai/{employee.id}").get_data(as_text=True)
    assert superadmin.post(f"/pengelolaan/pegawai/{employee.id}/akun/tautkan").status_code == 302
    assert db.session.get(User, orphan.id).employee_id == employee.id
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.ditautkan")) is not None


def test_a_super_admin_who_adds_the_nip_links_at_once(make_client, ranks, orphan):
    make_client(ranks.account("superadmin")).post("/pengelolaan/pegawai/baru", _form(ranks.bkpsdm, ORPHAN_NIP))
    employee = db.session.scalar(select(Employee).where(Employee.nip == ORPHAN_NIP))
    assert employee.user is not None and employee.user.id == orphan.id


def test_an_import_by_an_opd_admin_says_the_link_waits_and_does_not_link(ranks, orphan):
    admin = ranks.account("admin_bkpsdm")
    roster = read_roster(xlsx_bytes([person(ORPHAN_NIP, "Operator BKPSDM", opd="BKPSDM", boss=ranks.kepala_bkpsdm.nip)]), "bkpsdm.xlsx")
    plan = plan_import(admin, roster)
    assert plan.valid, plan.errors
    assert any("penautannya menunggu konfirmasi super admin" in w for w in plan.warnings)
    apply_import(admin, plan)
    db.session.flush()
    employee = db.session.scalar(select(Employee).where(Employee.nip == ORPHAN_NIP))
    assert employee is not None and employee.user is None
    assert db.session.get(User, orphan.id).employee_id is None


def test_an_import_by_a_super_admin_links_and_says_so(ranks, orphan):
    admin = ranks.account("superadmin")
    plan = plan_import(admin, read_roster(xlsx_bytes([person(ORPHAN_NIP, "Operator BKPSDM", opd="BKPSDM", boss=ranks.kepala_bkpsdm.nip)]), "b.xlsx"))
    assert any("akan ditautkan" in w for w in plan.warnings)
    apply_import(admin, plan)
    db.session.flush()
    assert db.session.get(User, orphan.id).employee.nip == ORPHAN_NIP


def test_an_import_cannot_redirect_a_super_admins_email_or_deactivate_them(ranks):
    admin = ranks.account("admin_bkpsdm")
    boss = ranks.superadmin.employee
    rows = [person(boss.nip, boss.name, opd="BKPSDM", email="penyerang@contoh.go.id", position=boss.position,
                   boss=ranks.kepala_bkpsdm.nip)]
    plan = plan_import(admin, read_roster(xlsx_bytes(rows), "email.xlsx"))
    assert not plan.valid
    assert any("Email pegawai ini tidak dapat Anda ubah" in str(e) for e in plan.errors)
    # a file that leaves the super admins out does not deactivate them
    keep = [person(ranks.pegawai_bkpsdm.nip, ranks.pegawai_bkpsdm.name, opd="BKPSDM",
                   position=ranks.pegawai_bkpsdm.position, boss=ranks.kepala_bkpsdm.nip)]
    plan = plan_import(admin, read_roster(xlsx_bytes(keep), "sisa.xlsx"))
    assert plan.valid, plan.errors
    missing = {p.nip for p in plan.missing}
    assert boss.nip not in missing and ranks.other_superadmin.employee.nip not in missing
    assert ranks.admin_wide.employee.nip not in missing  # a wider admin is above this one too
    assert ranks.admin_bkpsdm.employee.nip in missing  # ... but not oneself
    assert any("di atas wewenang Anda" in w for w in plan.warnings)


@pytest.mark.parametrize("actor,links", [("admin_bkpsdm", False), ("admin_wide", False), ("superadmin", True)])
def test_the_import_pages_say_it_and_do_it(make_client, ranks, orphan, app, actor, links):
    """Through the web flow (upload → preview → confirm), for each rank that may import BKPSDM."""
    from tests.roster.test_views import UPLOAD, fingerprint, token_of, upload

    client = make_client(ranks.account(actor))
    rows = [person(ORPHAN_NIP, "Operator BKPSDM", opd="BKPSDM", boss=ranks.kepala_bkpsdm.nip)]
    token = token_of(upload(client, xlsx_bytes(rows)))
    html = client.get(f"{UPLOAD}/{token}").get_data(as_text=True)
    assert ("akan ditautkan" in html) == links
    assert ("penautannya menunggu konfirmasi super admin" in html) == (not links)
    response = client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": fingerprint(html)})
    assert response.status_code == 302
    assert (db.session.get(User, orphan.id).employee_id is not None) == links
