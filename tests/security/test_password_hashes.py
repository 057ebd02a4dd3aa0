"""Password hashes: argon2id with OWASP's parameters by default; a password stored by an earlier
version (werkzeug's scrypt) still logs in and is stored again as argon2id at that login; a wrong
password upgrades nothing."""
from __future__ import annotations

import pytest
from werkzeug.security import generate_password_hash

from app.extensions import db
from app.models import User
from app.services.org import password_hashing
from app.services.org.accounts import authenticate, hash_password
from tests.factories import PASSWORD


@pytest.fixture
def argon2(app, monkeypatch):
    monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", "argon2id")


def test_argon2id_with_the_owasp_parameters(argon2):
    stored = hash_password("Sawah-Hijau-Membentang-9")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert password_hashing.verify_password(stored, "Sawah-Hijau-Membentang-9")
    assert not password_hashing.verify_password(stored, "sawah-hijau-membentang-9")
    assert not password_hashing.verify_password("$argon2id$rusak", "apa saja")  # a damaged hash: no, not an error
    assert not password_hashing.needs_rehash(stored, "argon2id")


def test_an_old_scrypt_hash_logs_in_and_is_stored_again_as_argon2id(factory, argon2):
    employee = factory.employee()
    user = db.session.get(User, employee.user.id)
    user.password_hash = generate_password_hash(PASSWORD, method="scrypt")
    db.session.flush()
    wrong = authenticate(employee.nip, "bukan-kata-sandinya", address="10.0.0.1")
    assert wrong.user is None and user.password_hash.startswith("scrypt:")  # a failure changes nothing
    outcome = authenticate(employee.nip, PASSWORD, address="10.0.0.1")
    assert outcome.user is not None
    assert user.password_hash.startswith("$argon2id$")
    again = authenticate(employee.nip, PASSWORD, address="10.0.0.1")
    assert again.user is not None and user.password_hash.startswith("$argon2id$")


def test_weaker_argon2_parameters_are_redone_too(factory, argon2):
    from argon2 import PasswordHasher

    employee = factory.employee()
    user = db.session.get(User, employee.user.id)
    user.password_hash = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    db.session.flush()
    assert authenticate(employee.nip, PASSWORD, address="10.0.0.2").user is not None
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
