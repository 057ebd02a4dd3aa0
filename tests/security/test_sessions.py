"""A logout ends the session everywhere its cookie was copied; so do a role change and a reset;
the CSRF token of the login page does not survive the login."""
from __future__ import annotations

from app.extensions import db
from app.models import User
from tests.factories import PASSWORD


def _copy_cookie(source, target) -> None:
    cookie = source.raw.get_cookie("session")
    target.raw.set_cookie("session", cookie.value)


def _logged_in(client) -> bool:
    response = client.get("/profil")
    return response.status_code == 200


def test_a_copied_cookie_stops_working_at_logout(make_client, factory):
    employee = factory.employee()
    browser = make_client()
    assert browser.post("/masuk", {"nip": employee.nip, "password": PASSWORD}).status_code == 302
    thief = make_client()
    _copy_cookie(browser, thief)
    assert _logged_in(thief)
    assert browser.post("/keluar").status_code == 302
    assert not _logged_in(thief)
    assert thief.get("/profil").headers["Location"].startswith("/masuk")


def test_a_role_change_ends_the_accounts_sessions(make_client, ranks):
    target = ranks.admin_dinkes
    session = make_client(ranks.account("admin_dinkes"))
    assert session.get("/pengelolaan/pegawai").status_code == 200
    superadmin = make_client(ranks.account("superadmin"))
    response = superadmin.post(f"/pengelolaan/pegawai/{target.employee.id}/akun/peran", {"role": "PEGAWAI"})
    assert response.status_code == 302 and db.session.get(User, target.id).role.value == "PEGAWAI"
    # the open session does not keep the powers it had, nor the account at all
    assert session.get("/pengelolaan/pegawai").status_code == 302


def test_a_reset_ends_the_accounts_sessions(make_client, ranks):
    session = make_client(ranks.pegawai_bkpsdm.user)
    assert _logged_in(session)
    make_client(ranks.account("admin_bkpsdm")).post(f"/pengelolaan/pegawai/{ranks.pegawai_bkpsdm.id}/akun/reset")
    assert not _logged_in(session)


def test_the_csrf_token_changes_at_login(make_client, factory):
    employee = factory.employee()
    browser = make_client()
    browser.get("/masuk")
    with browser.raw.session_transaction() as session:
        before = session.get("csrf_token")
    assert before
    # the test client puts its own raw token in the session for the POST; the login drops it
    browser.post("/masuk", {"nip": employee.nip, "password": PASSWORD})
    with browser.raw.session_transaction() as session:
        assert session.get("csrf_token") is None
    browser.get("/profil")
    with browser.raw.session_transaction() as session:
        assert session.get("csrf_token") not in (None, before, "test-csrf-raw-token")
