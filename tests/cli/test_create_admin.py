"""`flask create-admin NIP`: the first super admin of an installation, or a promotion."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.domain.enums import Role
from app.extensions import db
from app.models import AuditEvent, User
from app.services.audit import CLI_ACTOR
from tests.cli.helpers import form_login
from tests.factories import PASSWORD, make_nip


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _user(nip: str) -> User | None:
    return db.session.scalar(select(User).where(User.nip == nip))


def test_new_operator_account_without_roster_entry(cli, client):
    nip = make_nip()
    result = cli.invoke(args=["create-admin", nip, "--name", "Operator BKPSDM", "--password-stdin"],
                        input=PASSWORD + "\n")

    assert result.exit_code == 0, result.output
    assert f"Super admin Operator BKPSDM (NIP {nip}) siap dipakai." in result.output
    user = _user(nip)
    assert user.role == Role.SUPERADMIN
    assert user.employee is None and user.display_name == "Operator BKPSDM"
    assert user.must_change_password is False
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.superadmin_ditetapkan"))
    assert event.object_id == user.id and event.actor_label == CLI_ACTOR
    assert event.after == {"role": "SUPERADMIN"}

    response = form_login(client, nip, PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/pengelolaan/").status_code == 200


def test_password_from_the_prompt(cli):
    nip = make_nip()
    result = cli.invoke(args=["create-admin", nip], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert _user(nip).display_name == "Administrator"


def test_promotes_an_existing_pegawai(cli, factory):
    employee = factory.employee(name="Rina Marlina, S.Kom.")
    db.session.commit()
    user_id = employee.user.id

    result = cli.invoke(args=["create-admin", employee.nip, "--password-stdin"], input="Baru-Saja-Ditetapkan-7\n")

    assert result.exit_code == 0, result.output
    assert "Super admin Rina Marlina, S.Kom." in result.output
    db.session.expire_all()
    user = _user(employee.nip)
    assert user.id == user_id and user.employee_id == employee.id
    assert user.role == Role.SUPERADMIN and user.display_name is None
    assert _count(User) == 1
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.superadmin_ditetapkan"))
    assert event.before == {"role": "PEGAWAI"}


def test_links_a_pegawai_who_has_no_account_yet(cli, factory):
    employee = factory.employee(with_user=False)
    db.session.commit()

    result = cli.invoke(args=["create-admin", employee.nip, "--password-stdin"], input=PASSWORD + "\n")

    assert result.exit_code == 0, result.output
    assert _user(employee.nip).employee_id == employee.id


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("pendek", "minimal 10 karakter"),
        ("password123", "terlalu umum"),
        ("Bismillah2026!", "terlalu umum"),
        ("1234567890", "terlalu umum"),
    ],
)
def test_password_rules_are_enforced_and_nothing_is_written(cli, password, reason):
    nip = make_nip()
    result = cli.invoke(args=["create-admin", nip, "--password-stdin"], input=password + "\n")

    assert result.exit_code == 1
    assert result.stderr.startswith("Gagal: ") and reason in result.stderr
    assert _count(User) == 0 and _count(AuditEvent) == 0


def test_password_may_not_contain_the_nip(cli):
    nip = make_nip()
    result = cli.invoke(args=["create-admin", nip, "--password-stdin"], input=f"x{nip}x\n")

    assert result.exit_code == 1
    assert "tidak boleh memuat NIP" in result.stderr
    assert _count(User) == 0


def test_a_refused_promotion_leaves_the_pegawai_untouched(cli, factory):
    employee = factory.employee()
    db.session.commit()
    old_hash = employee.user.password_hash

    result = cli.invoke(args=["create-admin", employee.nip, "--password-stdin"], input="qwerty\n")

    assert result.exit_code == 1
    db.session.expire_all()
    user = _user(employee.nip)
    assert user.role == Role.PEGAWAI and user.password_hash == old_hash
    assert _count(AuditEvent) == 0


def test_invalid_nip_is_refused(cli):
    result = cli.invoke(args=["create-admin", "19850822", "--password-stdin"], input=PASSWORD + "\n")

    assert result.exit_code == 1
    assert "NIP harus 18 digit" in result.stderr
    assert _count(User) == 0
