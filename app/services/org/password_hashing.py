"""Password hashes: argon2id with OWASP's parameters (m = 19 MiB, t = 2, p = 1) — a login costs a
few tens of milliseconds of CPU, not the 165 ms of the scrypt hashes before it. Hashes of another
method (werkzeug's scrypt or pbkdf2, from earlier versions) still verify, and `needs_rehash` says
when a successful login should store the password again with the method configured now
(PASSWORD_HASH_METHOD: "argon2id", or a werkzeug method such as the fast one the tests use)."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash, generate_password_hash

ARGON2ID = "argon2id"
_argon2 = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str, method: str) -> str:
    if method == ARGON2ID:
        return _argon2.hash(password)
    return generate_password_hash(password, method=method)


def verify_password(stored: str, password: str) -> bool:
    if stored.startswith("$argon2"):
        try:
            return _argon2.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    return check_password_hash(stored, password)


def needs_rehash(stored: str, method: str) -> bool:
    """Stored with another method (or weaker argon2 parameters) than the one configured."""
    if method == ARGON2ID:
        return not stored.startswith("$argon2id$") or _argon2.check_needs_rehash(stored)
    return stored.startswith("$argon2") or not stored.startswith(method.split(":")[0])
