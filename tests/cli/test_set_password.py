"""`flask set-password NIP`: the operator's recovery tool (rules, forced change, audit)."""
from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, User
from tests.cli.helpers import form_login
from tests.factories import PASSWORD, make_nip

NEW_PASSWORD = "Sawit-Berbuah-Lebat-9"


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_sets_the_password_and_forces_a_change_by_default(cli, client, factory):
    employee = factory.employee(password=None)
    db.session.commit()

    result = cli.invoke(args=["set-password", employee.nip, "--password-stdin"], input=NEW_PASSWORD + "\n")

    assert result.exit_code == 0, result.output
    assert "Pengguna wajib menggantinya saat masuk." in result.output
    db.session.expire_all()
    assert employee.user.must_change_password is True
    (event,) = _events("akun.kata_sandi_ditetapkan")
    assert event.object_id == employee.user.id and "wajib diganti" in event.summary

    response = form_login(client, employee.nip, NEW_PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/kata-sandi"
    # Every other page leads to the forced change until the password is changed.
    assert client.get("/").headers["Location"] == "/kata-sandi"
    page = client.get("/kata-sandi").get_data(as_text=True)
    assert "Kata sandi Anda ditetapkan oleh operator" in page


def test_no_force_change(cli, client, factory):
    employee = factory.employee(password=None)
    db.session.commit()

    result = cli.invoke(args=["set-password", employee.nip, "--password-stdin", "--no-force-change"],
                        input=NEW_PASSWORD + "\n")

    assert result.exit_code == 0, result.output
    assert "wajib" not in result.output
    db.session.expire_all()
    assert employee.user.must_change_password is False
    response = form_login(client, employee.nip, NEW_PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_the_old_password_stops_working(cli, client, factory):
    employee = factory.employee()
    db.session.commit()

    result = cli.invoke(args=["set-password", employee.nip, "--password-stdin"], input=NEW_PASSWORD + "\n")

    assert result.exit_code == 0
    assert form_login(client, employee.nip, PASSWORD).status_code == 200  # the form again


def test_password_rules(cli, factory):
    employee = factory.employee(name="Yusuf Maulana, S.Kom.", password=None)
    db.session.commit()

    for weak, reason in [("pendek", "minimal 10 karakter"), ("yusufmaulana", "nama Anda"),
                         (employee.nip, "NIP"), ("Bismillah123", "terlalu umum")]:
        result = cli.invoke(args=["set-password", employee.nip, "--password-stdin"], input=weak + "\n")
        assert result.exit_code == 1, weak
        assert result.stderr.startswith("Gagal: ") and reason in result.stderr, result.stderr

    db.session.expire_all()
    assert employee.user.password_hash is None
    assert _events("akun.kata_sandi_ditetapkan") == []


def test_unknown_nip(cli):
    nip = make_nip()
    result = cli.invoke(args=["set-password", nip, "--password-stdin"], input=NEW_PASSWORD + "\n")

    assert result.exit_code == 1
    assert f"Tidak ada akun atau pegawai dengan NIP {nip}." in result.stderr
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_creates_the_account_of_a_pegawai_without_one(cli, client, factory):
    employee = factory.employee(with_user=False)
    db.session.commit()

    result = cli.invoke(args=["set-password", employee.nip, "--password-stdin"], input=NEW_PASSWORD + "\n")

    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.nip == employee.nip))
    assert user.employee_id == employee.id and user.must_change_password
    assert form_login(client, employee.nip, NEW_PASSWORD).headers["Location"] == "/kata-sandi"
