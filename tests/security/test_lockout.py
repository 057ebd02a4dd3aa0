"""Lockout cannot be used to lock others out. Failures count per typed NIP and client address:
the address that guesses is slowed down (a wait that doubles), other addresses are not; the
account itself locks only past a much higher count across addresses, and even then its owner
logs in from the addresses they used before; an activation code or the pengelola's unlock lifts
everything. Unknown NIPs are slowed exactly like known ones."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, LoginThrottle, User
from app.models.base import utcnow
from app.services.org.accounts import authenticate, issue_activation
from tests.factories import PASSWORD

WRONG = "bukan-kata-sandinya"
ATTACKER, OWNER, OTHER = "10.1.2.66", "10.1.2.10", "10.1.9.9"
T0 = dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.timezone.utc)


def _at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def _fail(nip, address, times, start=0.0):
    outcome = None
    for i in range(times):
        outcome = authenticate(nip, WRONG, address=address, now=_at(start + i))
    return outcome


def test_five_failures_slow_that_address_only(factory):
    employee = factory.employee()
    outcome = _fail(employee.nip, ATTACKER, 5)
    assert outcome.delayed_until == _at(4 + 30)
    # the right password from the attacker's address waits too: nothing is checked
    assert authenticate(employee.nip, PASSWORD, address=ATTACKER, now=_at(10)).user is None
    # the owner, elsewhere, is not affected at all
    assert authenticate(employee.nip, PASSWORD, address=OWNER, now=_at(11)).user is not None
    assert not db.session.get(User, employee.user.id).locked_until
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.diperlambat")) is not None


def test_the_wait_doubles_with_every_further_failure_up_to_the_lock_minutes(factory, app):
    employee = factory.employee()
    assert _fail(employee.nip, ATTACKER, 5).delayed_until == _at(4 + 30)  # the first wait: 30 s
    waits = []
    moment = 34.0
    for _ in range(8):
        outcome = authenticate(employee.nip, WRONG, address=ATTACKER, now=_at(moment))
        if outcome.delayed_until is None or outcome.delayed_until <= _at(moment):
            raise AssertionError("a failure past the threshold must set a wait")
        # try again the moment the wait ends
        previous = moment
        moment = (outcome.delayed_until - T0).total_seconds()
        waits.append(moment - previous)
    assert waits[:5] == [60, 120, 240, 480, 900]
    assert max(waits) == app.config["LOGIN_LOCK_MINUTES"] * 60


def test_an_unknown_nip_is_slowed_exactly_like_a_known_one(factory):
    known = factory.employee()
    unknown = "199001012013011999"
    assert _fail(known.nip, ATTACKER, 5).delayed_until == _fail(unknown, ATTACKER, 5).delayed_until


def test_past_the_higher_threshold_the_account_locks_but_not_for_its_owners_address(factory, app):
    employee = factory.employee()
    assert authenticate(employee.nip, PASSWORD, address=OWNER, now=_at(0)).user is not None  # a known address
    threshold = app.config["LOGIN_ACCOUNT_LOCK_FAILURES"]
    per_address = app.config["LOGIN_MAX_FAILURES"]
    for n in range(threshold // per_address):
        _fail(employee.nip, f"10.7.0.{n}", per_address, start=1 + n * per_address)
    user = db.session.get(User, employee.user.id)
    assert user.locked_until is not None and user.locked_until > _at(threshold)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.dikunci")) is not None
    # a new address learns nothing: even the right password fails like a wrong one, and nothing
    # says that the NIP exists or is locked (its failure counts for that address like any other)
    fresh = authenticate(employee.nip, PASSWORD, address=OTHER, now=_at(threshold + 5))
    assert fresh.user is None and fresh.locked_until is None and fresh.delayed_until is None
    # an address that itself failed past the threshold is told: locked, and until when
    waited = threshold + app.config["LOGIN_DELAY_SECONDS"] + 1
    told = authenticate(employee.nip, PASSWORD, address="10.7.0.0", now=_at(waited))
    assert told.user is None and told.locked_until == user.locked_until
    # the owner's usual address still logs in
    assert authenticate(employee.nip, PASSWORD, address=OWNER, now=_at(threshold + 6)).user is not None


def test_an_activation_code_or_the_unlock_lifts_lock_and_waits(factory, make_client):
    opd = factory.opd()
    admin = factory.admin([opd])
    employee = factory.employee(opd)
    _fail(employee.nip, ATTACKER, 6)
    user = db.session.get(User, employee.user.id)
    user.locked_until = utcnow() + dt.timedelta(minutes=15)
    db.session.flush()
    issue_activation(admin, user)
    assert user.locked_until is None
    throttle = db.session.scalar(select(LoginThrottle).where(LoginThrottle.nip == employee.nip))
    assert throttle.failures == 0 and throttle.delayed_until is None
    _fail(employee.nip, ATTACKER, 6)
    user.locked_until = utcnow() + dt.timedelta(minutes=15)
    client = make_client(admin)
    assert client.post(f"/pengelolaan/pegawai/{employee.id}/akun/buka-kunci").status_code == 302
    assert db.session.get(User, employee.user.id).locked_until is None
    assert db.session.scalar(select(func.max(LoginThrottle.failures))) == 0


def test_the_login_page_says_how_long_to_wait_and_other_addresses_log_in(make_client, factory):
    employee = factory.employee()
    attacker, owner = make_client(), make_client()
    for _ in range(5):
        body = attacker.post("/masuk", {"nip": employee.nip, "password": WRONG},
                             environ_base={"REMOTE_ADDR": ATTACKER}).get_data(as_text=True)
    assert "Coba lagi setelah" in body and "WIB" in body
    body = attacker.post("/masuk", {"nip": employee.nip, "password": PASSWORD},
                         environ_base={"REMOTE_ADDR": ATTACKER}).get_data(as_text=True)
    assert "Terlalu banyak percobaan masuk yang gagal" in body
    response = owner.post("/masuk", {"nip": employee.nip, "password": PASSWORD}, environ_base={"REMOTE_ADDR": OWNER})
    assert response.status_code == 302


@pytest.mark.parametrize("first_failures", [4])
def test_failures_outside_the_window_do_not_add_up(factory, first_failures):
    employee = factory.employee()
    _fail(employee.nip, ATTACKER, first_failures)
    outcome = authenticate(employee.nip, WRONG, address=ATTACKER, now=_at(16 * 60))
    assert outcome.delayed_until is None
    assert db.session.scalar(select(LoginThrottle.failures)) == 1


def test_stale_rows_of_strangers_are_forgotten_but_the_owners_address_is_kept(factory):
    employee = factory.employee()
    authenticate(employee.nip, PASSWORD, address=OWNER, now=_at(0))
    _fail("199001012013011999", ATTACKER, 2)
    _fail(employee.nip, OTHER, 1, start=3 * 24 * 3600)  # three days later: the old row goes
    rows = {(t.nip, t.address) for t in db.session.scalars(select(LoginThrottle))}
    assert rows == {(employee.nip, OWNER), (employee.nip, OTHER)}


def test_the_login_page_says_locked_and_until_when_only_to_who_passed_the_threshold(make_client, factory, app):
    employee = factory.employee()
    user = db.session.get(User, employee.user.id)
    user.locked_until = utcnow() + dt.timedelta(minutes=15)
    db.session.flush()
    stranger, guesser = make_client(), make_client()
    first = stranger.post("/masuk", {"nip": employee.nip, "password": PASSWORD},
                          environ_base={"REMOTE_ADDR": OTHER}).get_data(as_text=True)
    assert "NIP atau kata sandi salah" in first and "dikunci" not in first
    throttle_rows = app.config["LOGIN_MAX_FAILURES"]
    for _ in range(throttle_rows):
        guesser.post("/masuk", {"nip": employee.nip, "password": WRONG}, environ_base={"REMOTE_ADDR": ATTACKER})
    db.session.execute(db.update(LoginThrottle).values(delayed_until=None))  # the wait is over
    page = guesser.post("/masuk", {"nip": employee.nip, "password": PASSWORD},
                        environ_base={"REMOTE_ADDR": ATTACKER}).get_data(as_text=True)
    assert "Akun ini dikunci sementara sampai" in page and "WIB" in page
