"""Accounts from the admin side: activation codes (shown or e-mailed), unlock, roles and scopes."""
import datetime as dt
import re
import smtplib

import pytest
from sqlalchemy import select

from app.domain.enums import Role
from app.extensions import db
from app.models import AuditEvent, User
from app.models.base import utcnow
from tests.mail import FakeSMTP

CODE_RE = re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")


@pytest.fixture
def opd_admin(factory):
    opd = factory.opd("Dinas Sosial")
    return opd, factory.admin([opd])


def test_reset_shows_a_one_time_code_that_activates_the_account(client, factory, opd_admin, make_client):
    opd, admin = opd_admin
    employee = factory.employee(opd, password=None)
    client.login_as(admin)
    response = client.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    code = CODE_RE.search(body).group(0)
    assert f"/aktivasi/{code}" in body
    assert "hanya dapat dipakai sekali" in body
    user = db.session.get(User, employee.user.id)
    assert user.activation_code_hash and code not in user.activation_code_hash  # only a hash is stored
    assert user.activation_expires_at - utcnow() > dt.timedelta(hours=71)
    pegawai = make_client()
    new = "Pohon-Rindang-Di-Halaman"
    pegawai.post("/aktivasi", {"nip": employee.nip, "code": code, "password": new, "confirm": new})
    assert pegawai.post("/masuk", {"nip": employee.nip, "password": new}).status_code == 302


def test_the_reset_button_asks_first(client, factory, opd_admin):
    """It voids the old password at once: the button carries the question capaian.js asks."""
    opd, admin = opd_admin
    employee = factory.employee(opd, name="Sari Dewi, S.E.")
    client.login_as(admin)
    page = client.get(f"/pengelolaan/pegawai/{employee.id}").get_data(as_text=True)
    assert re.search(r'data-confirm="Buat kode aktivasi untuk Sari Dewi, S.E.\? Kata sandi lama', page)


def test_reset_is_emailed_when_smtp_is_configured(client, factory, opd_admin, app, monkeypatch):
    opd, admin = opd_admin
    employee = factory.employee(opd, email="sari@example.go.id")
    monkeypatch.setitem(app.config, "MAIL_SERVER", "smtp.example.go.id")
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent.clear()
    client.login_as(admin)
    body = client.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset").get_data(as_text=True)
    assert "telah dikirim ke email sari@example.go.id" in body
    assert not CODE_RE.search(body)  # not shown when e-mailed
    (message,) = FakeSMTP.sent
    assert message["To"] == "sari@example.go.id"
    assert CODE_RE.search(message.get_content())


def test_reset_falls_back_to_showing_the_code_when_mail_fails(client, factory, opd_admin, app, monkeypatch):
    opd, admin = opd_admin
    employee = factory.employee(opd, email="sari@example.go.id")

    class BrokenSMTP(FakeSMTP):
        def __init__(self, *args, **kwargs):
            raise OSError("connection refused")

    monkeypatch.setitem(app.config, "MAIL_SERVER", "smtp.example.go.id")
    monkeypatch.setattr(smtplib, "SMTP", BrokenSMTP)
    client.login_as(admin)
    body = client.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset").get_data(as_text=True)
    assert "Email tidak terkirim" in body and CODE_RE.search(body)


def test_reset_refused_for_an_inactive_pegawai(client, factory, opd_admin):
    opd, admin = opd_admin
    employee = factory.employee(opd, active=False)
    client.login_as(admin)
    client.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset")
    assert db.session.get(User, employee.user.id).activation_code_hash is None


def test_unlock(client, factory, opd_admin):
    opd, admin = opd_admin
    employee = factory.employee(opd)
    employee.user.locked_until = utcnow() + dt.timedelta(minutes=10)
    client.login_as(admin)
    assert "Buka kunci akun" in client.get(f"/pengelolaan/pegawai/{employee.id}").get_data(as_text=True)
    client.post(f"/pengelolaan/pegawai/{employee.id}/akun/buka-kunci")
    assert db.session.get(User, employee.user.id).locked_until is None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.kunci_dibuka"))


def test_superadmin_grants_an_opd_scoped_admin_role(client, factory):
    opd, other = factory.opd("Dinas A"), factory.opd("Dinas B")
    boss = factory.superadmin()
    employee = factory.employee(opd)
    client.login_as(boss)
    client.post(f"/pengelolaan/pegawai/{employee.id}/akun/peran", {"role": "ADMIN", "opds": [str(opd.id)]})
    user = db.session.get(User, employee.user.id)
    assert user.role == Role.ADMIN and [u.id for u in user.admin_units] == [opd.id]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.peran_diubah"))
    assert event.after == {"role": "ADMIN", "opds": ["Dinas A"]}
    # the new admin now manages Dinas A, and only Dinas A
    client.logout()
    client.login_as(user)
    assert client.get("/pengelolaan/pegawai").status_code == 200
    assert "Dinas B" not in client.get("/pengelolaan/").get_data(as_text=True)
    _ = other


def test_admin_role_without_opd_is_refused(client, factory):
    opd = factory.opd()
    boss = factory.superadmin()
    employee = factory.employee(opd)
    client.login_as(boss)
    client.post(f"/pengelolaan/pegawai/{employee.id}/akun/peran", {"role": "ADMIN"})
    assert db.session.get(User, employee.user.id).role == Role.PEGAWAI


def test_opd_admin_cannot_grant_roles(client, factory, opd_admin):
    opd, admin = opd_admin
    employee = factory.employee(opd)
    client.login_as(admin)
    response = client.post(f"/pengelolaan/pegawai/{employee.id}/akun/peran",
                           {"role": "SUPERADMIN", "opds": [str(opd.id)]})
    assert response.status_code == 403
    assert db.session.get(User, employee.user.id).role == Role.PEGAWAI


def test_superadmin_cannot_demote_themselves(client, factory):
    boss = factory.superadmin()
    client.login_as(boss)
    client.post(f"/pengelolaan/pegawai/{boss.employee.id}/akun/peran", {"role": "PEGAWAI"})
    assert db.session.get(User, boss.id).role == Role.SUPERADMIN
