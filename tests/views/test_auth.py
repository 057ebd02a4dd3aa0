"""Login, lockout, logout, forced and voluntary password change, activation codes."""
import datetime as dt

import pytest

from app.extensions import db
from app.models import AuditEvent, User
from app.models.base import utcnow
from app.services.org.accounts import issue_activation
from tests.factories import PASSWORD

GENERIC = "NIP atau kata sandi salah, atau akun belum aktif"
NEW_PASSWORD = "Sawah-Hijau-Membentang-9"


def login(client, nip, password, **extra):
    return client.post("/masuk", {"nip": nip, "password": password, **extra})


def test_login_with_nip_and_password_reaches_beranda(client, factory):
    employee = factory.employee(name="Sari Dewi, S.E.")
    response = login(client, employee.nip, PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Selamat datang, Sari Dewi, S.E." in page
    assert db.session.get(User, employee.user.id).last_login_at is not None


def test_login_accepts_nip_typed_with_spaces(client, factory):
    employee = factory.employee()
    spaced = f"{employee.nip[:8]} {employee.nip[8:14]} {employee.nip[14]} {employee.nip[15:]}"
    assert login(client, spaced, PASSWORD).status_code == 302


@pytest.mark.parametrize("case", ["wrong password", "unknown nip", "no password yet", "inactive"])
def test_every_failure_gives_the_same_message(client, factory, case):
    employee = factory.employee(password=None if case == "no password yet" else PASSWORD,
                                active=case != "inactive")
    nip = "199001012013011001" if case == "unknown nip" else employee.nip
    password = "salah-sekali-123" if case == "wrong password" else PASSWORD
    response = login(client, nip, password)
    assert response.status_code == 200
    assert GENERIC in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still anonymous


def test_empty_fields_get_messages_next_to_the_fields(client):
    body = login(client, "", "").get_data(as_text=True)
    assert "NIP wajib diisi." in body and "Kata sandi wajib diisi." in body
    assert 'aria-invalid="true"' in body


def test_success_resets_the_failure_counter(client, factory):
    employee = factory.employee()
    for _ in range(3):
        login(client, employee.nip, "bukan-kata-sandinya")
    assert db.session.get(User, employee.user.id).failed_login_count == 3
    login(client, employee.nip, PASSWORD)
    assert db.session.get(User, employee.user.id).failed_login_count == 0


def test_login_is_rate_limited_per_ip(client, app, monkeypatch):
    for _ in range(30):
        login(client, "199001012013011001", "salah")
    response = login(client, "199001012013011001", "salah")
    assert response.status_code == 429
    assert "Terlalu banyak" in response.get_data(as_text=True)


def test_login_without_csrf_token_is_refused(client, factory):
    employee = factory.employee()
    response = client.post("/masuk", {"nip": employee.nip, "password": PASSWORD}, csrf=False)
    assert response.status_code == 400
    assert "token keamanan" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "http:/evil.example"])
def test_next_only_goes_to_local_paths(client, factory, target):
    employee = factory.employee()
    response = login(client, employee.nip, PASSWORD, next=target)
    assert response.headers["Location"] == "/"


def test_next_to_a_local_page_is_followed(client, factory):
    employee = factory.employee()
    assert client.get("/profil").headers["Location"].startswith("/masuk?next=")
    response = login(client, employee.nip, PASSWORD, next="/profil")
    assert response.headers["Location"] == "/profil"


def test_logout_is_post_only_and_csrf_protected(client, factory):
    employee = factory.employee()
    client.login_as(employee.user)
    assert client.get("/keluar").status_code == 405
    assert client.post("/keluar", csrf=False).status_code == 400
    assert client.get("/").status_code == 200
    response = client.post("/keluar")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_change_password(client, factory):
    employee = factory.employee()
    client.login_as(employee.user)
    form = {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    response = client.post("/kata-sandi", form)
    assert response.status_code == 302
    assert client.get("/").status_code == 200  # this session survives the token rotation
    client.logout()
    assert GENERIC in login(client, employee.nip, PASSWORD).get_data(as_text=True)
    assert login(client, employee.nip, NEW_PASSWORD).status_code == 302
    assert db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "akun.kata_sandi_diubah"))


@pytest.mark.parametrize(
    ("form", "fragment"),
    [
        ({"current": "salah-salah-salah", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, "Kata sandi saat ini salah."),
        ({"current": PASSWORD, "password": "pendek", "confirm": "pendek"}, "minimal 10 karakter"),
        ({"current": PASSWORD, "password": "bismillah123", "confirm": "bismillah123"}, "terlalu umum"),
        ({"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD + "x"}, "Konfirmasi kata sandi tidak sama."),
        ({"current": PASSWORD, "password": PASSWORD, "confirm": PASSWORD}, "harus berbeda"),
    ],
)
def test_change_password_refusals_are_shown_at_the_field(client, factory, form, fragment):
    employee = factory.employee()
    client.login_as(employee.user)
    response = client.post("/kata-sandi", form)
    assert response.status_code == 200
    assert fragment in response.get_data(as_text=True)
    assert login(client.__class__(client.app), employee.nip, PASSWORD).status_code == 302


def test_nip_as_password_is_refused(client, factory):
    employee = factory.employee()
    client.login_as(employee.user)
    form = {"current": PASSWORD, "password": employee.nip, "confirm": employee.nip}
    assert "tidak boleh memuat NIP" in client.post("/kata-sandi", form).get_data(as_text=True)


def test_change_password_shows_every_problem_at_once(client, factory):
    """A wrong current password does not hide what is wrong with the new one."""
    employee = factory.employee()
    login(client, employee.nip, PASSWORD)
    response = client.post("/kata-sandi", {"current": "bukan-ini-sandinya", "password": "pendek",
                                           "confirm": "lain"})
    page = response.get_data(as_text=True)
    assert "Kata sandi saat ini salah." in page
    assert "minimal" in page and "Konfirmasi kata sandi tidak sama." in page
    summary = page[page.index("data-error-summary"):]
    summary = summary[:summary.index("</div>")]
    assert 'href="#current"' in summary and 'href="#password"' in summary and 'href="#confirm"' in summary
    assert "periksa 3 hal berikut" in summary


def test_a_wrong_activation_code_does_not_hide_a_weak_password(client, factory):
    employee = factory.employee(password=None)
    issue_activation(None, employee.user)
    response = client.post("/aktivasi", {"nip": employee.nip, "code": "ABCD-EFGH-JKMN",
                                         "password": "password123", "confirm": "password124"})
    page = response.get_data(as_text=True)
    assert "Kode aktivasi tidak berlaku" in page and "terlalu umum" in page
    assert "Konfirmasi kata sandi tidak sama." in page
    assert db.session.get(User, employee.user.id).password_hash is None


def test_password_change_ends_other_sessions(make_client, factory):
    employee = factory.employee()
    laptop, phone = make_client(employee.user), make_client(employee.user)
    assert phone.get("/").status_code == 200
    laptop.post("/kata-sandi", {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert phone.get("/").status_code == 302


def test_forced_change_blocks_every_page_until_done(client, factory):
    employee = factory.employee()
    employee.user.must_change_password = True
    response = login(client, employee.nip, PASSWORD)
    assert response.headers["Location"] == "/kata-sandi"
    assert client.get("/").headers["Location"] == "/kata-sandi"
    assert client.get("/profil").headers["Location"] == "/kata-sandi"
    client.post("/kata-sandi", {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert client.get("/").status_code == 200
    assert db.session.get(User, employee.user.id).must_change_password is False


def test_activation_code_sets_the_password_once(client, factory):
    employee = factory.employee(password=None)
    code, _ = issue_activation(None, employee.user)
    form = {"nip": employee.nip, "code": code.lower().replace("-", " "), "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD}
    page = client.get(f"/aktivasi/{code}").get_data(as_text=True)
    assert code in page  # the link pre-fills the code
    response = client.post("/aktivasi", form)
    assert response.status_code == 302 and response.headers["Location"] == "/masuk"
    assert login(client, employee.nip, NEW_PASSWORD).status_code == 302
    client.logout()
    again = client.post("/aktivasi", form)
    assert "Kode aktivasi tidak berlaku" in again.get_data(as_text=True)


@pytest.mark.parametrize("case", ["wrong nip", "expired", "garbage", "weak password"])
def test_activation_refusals(client, factory, case):
    employee = factory.employee(password=None)
    other = factory.employee(password=None)
    code, _ = issue_activation(None, employee.user)
    if case == "expired":
        employee.user.activation_expires_at = utcnow() - dt.timedelta(minutes=1)
    form = {
        "nip": other.nip if case == "wrong nip" else employee.nip,
        "code": "ABCD-EFGH-JKMN" if case == "garbage" else code,
        "password": "password123" if case == "weak password" else NEW_PASSWORD,
        "confirm": "password123" if case == "weak password" else NEW_PASSWORD,
    }
    response = client.post("/aktivasi", form)
    assert response.status_code == 200
    expected = "terlalu umum" if case == "weak password" else "Kode aktivasi tidak berlaku"
    assert expected in response.get_data(as_text=True)
    assert db.session.get(User, employee.user.id).password_hash is None


def test_reset_makes_the_old_password_stop_working(client, factory):
    employee = factory.employee()
    issue_activation(None, employee.user)
    db.session.commit()
    assert GENERIC in login(client, employee.nip, PASSWORD).get_data(as_text=True)


@pytest.mark.parametrize("password", [PASSWORD, "salah-sekali-123"])
def test_the_password_check_runs_outside_any_transaction(client, factory, monkeypatch, password):
    """On SQLite a login request takes the write lock with its first query; the slow hash check
    must not hold it, or every pegawai saving at the deadline waits for each login."""
    from app.services.org import accounts

    user = factory.employee().user
    seen = []
    real = accounts.check_password

    def spy(hashed, given):
        seen.append(db.session().in_transaction())
        return real(hashed, given)

    monkeypatch.setattr(accounts, "check_password", spy)
    response = client.post("/masuk", data={"nip": user.nip, "password": password})
    assert seen == [False]
    assert response.status_code == (302 if password == PASSWORD else 200)
    if password != PASSWORD:
        db.session.expire_all()
        assert db.session.get(User, user.id).failed_login_count == 1
