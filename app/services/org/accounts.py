"""Accounts: authentication with lockout, passwords, one-time activation codes, roles."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, select, update

from app.domain.enums import Role
from app.domain.nip import NipError, normalize_nip, parse_nip
from app.domain.passwords import password_problems
from app.domain.text import sentence
from app.extensions import db
from app.models import Employee, LoginThrottle, OrgUnit, User
from app.models.accounts import new_session_token
from app.models.base import utcnow
from app.services import FieldErrors, ServiceError
from app.services.audit import record
from app.services.org import password_hashing

# Unambiguous characters (no 0/O, 1/I/L): codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4

_dummy_hash: str | None = None


def _config(key: str):
    return current_app.config[key]


def hash_password(password: str) -> str:
    return password_hashing.hash_password(password, _config("PASSWORD_HASH_METHOD"))


def check_password(stored: str, password: str) -> bool:
    return password_hashing.verify_password(stored, password)


def _equalise_timing(password: str) -> None:
    """Spend the same time on an unknown NIP as on a wrong password."""
    global _dummy_hash
    if _dummy_hash is None or password_hashing.needs_rehash(_dummy_hash, _config("PASSWORD_HASH_METHOD")):
        _dummy_hash = hash_password(secrets.token_hex(8))
    check_password(_dummy_hash, password)


def find_user_by_nip(nip: str) -> User | None:
    nip = normalize_nip(nip)
    if not nip:
        return None
    return db.session.scalar(select(User).where(User.nip == nip))


def is_locked(user: User, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return user.locked_until is not None and user.locked_until > now


@dataclass
class LoginOutcome:
    """What a login attempt came to: the user, or why not. `delayed_until`: this address must
    wait before trying this NIP again; `locked_until`: the account is locked against addresses
    its owner has not logged in from. Any other failure is one message for every cause."""

    user: User | None = None
    delayed_until: dt.datetime | None = None
    locked_until: dt.datetime | None = None


def _throttle_key(nip: str) -> str | None:
    key = normalize_nip(nip)
    return key[:32] if key else None


def _throttle(key: str, address: str) -> LoginThrottle | None:
    return db.session.scalar(select(LoginThrottle).where(LoginThrottle.nip == key, LoginThrottle.address == address))


def _trusted(throttle: LoginThrottle | None, now: dt.datetime) -> bool:
    """The owner logged in from this address lately: an account lock does not apply to it."""
    days = _config("LOGIN_TRUSTED_ADDRESS_DAYS")
    return (throttle is not None and throttle.last_success_at is not None
            and now - throttle.last_success_at <= dt.timedelta(days=days))


def authenticate(nip: str, password: str, *, address: str | None = None, now: dt.datetime | None = None,
                 release=None) -> LoginOutcome:
    """Check NIP and password against an active account.

    Failures count per typed NIP and client address: past LOGIN_MAX_FAILURES within
    LOGIN_FAILURE_WINDOW_MINUTES, that address waits LOGIN_DELAY_SECONDS before the next try,
    doubling with every further failure up to LOGIN_LOCK_MINUTES; other addresses are not
    slowed. Only past LOGIN_ACCOUNT_LOCK_FAILURES across all addresses is the account locked
    for LOGIN_LOCK_MINUTES, and then not for the addresses its owner logged in from in the last
    LOGIN_TRUSTED_ADDRESS_DAYS: an attacker can slow themselves, not lock the owner out.
    `release()`, when given, runs after the reads and before the slow hash check, so that the
    caller can end the read transaction (on SQLite a login holds the write lock from its first
    query, and the hash check under it would queue every other pegawai's save).
    """
    now = now or utcnow()
    address = (address or "-")[:45]
    key = _throttle_key(nip)
    throttle = _throttle(key, address) if key else None
    if throttle is not None and throttle.delayed_until is not None and throttle.delayed_until > now:
        return LoginOutcome(delayed_until=throttle.delayed_until)
    user = find_user_by_nip(nip) if key else None
    if user is not None and is_locked(user, now) and not _trusted(throttle, now):
        # Said only to an address that itself failed past the threshold for this NIP: to anyone
        # else a locked account looks like any failed login (whether the NIP exists stays unsaid).
        if throttle is not None and (throttle.failures or 0) >= _config("LOGIN_MAX_FAILURES"):
            return LoginOutcome(locked_until=user.locked_until)
        if release is not None:
            release()
        _equalise_timing(password)
        return _register_failure(key, address, None, now)
    known = user is not None and user.is_active and bool(user.password_hash)
    user_id, password_hash = (user.id, user.password_hash) if known else (None, None)
    if release is not None:
        release()
    if not known:  # an unknown NIP fails, and is slowed, exactly like a wrong password
        _equalise_timing(password)
        return _register_failure(key, address, None, now) if key else LoginOutcome()
    matched = check_password(password_hash, password)
    user = db.session.get(User, user_id)  # read again: it may have changed during the check
    if user is None or not user.is_active or user.password_hash != password_hash:
        return LoginOutcome()
    if not matched:
        return _register_failure(key, address, user, now)
    throttle = _throttle(key, address) or LoginThrottle(nip=key, address=address, failures=0)
    db.session.add(throttle)
    throttle.failures, throttle.window_start, throttle.delayed_until = 0, None, None
    throttle.last_success_at = now
    if not is_locked(user, now):
        user.failed_login_count = 0
        user.failed_login_since = None
        user.locked_until = None
    user.last_login_at = now
    if password_hashing.needs_rehash(user.password_hash, _config("PASSWORD_HASH_METHOD")):
        user.password_hash = hash_password(password)  # an old method (scrypt): stored again as argon2id
    db.session.flush()
    return LoginOutcome(user=user)


def _register_failure(key: str, address: str, user: User | None, now: dt.datetime) -> LoginOutcome:
    window = dt.timedelta(minutes=_config("LOGIN_FAILURE_WINDOW_MINUTES"))
    db.session.execute(delete(LoginThrottle).where(  # forget stale strangers; keep the owners' addresses
        LoginThrottle.last_failure_at < now - dt.timedelta(days=1), LoginThrottle.last_success_at.is_(None)))
    throttle = _throttle(key, address)
    if throttle is None:
        throttle = LoginThrottle(nip=key, address=address, failures=0)
        db.session.add(throttle)
    if throttle.window_start is None or now - throttle.window_start > window:
        throttle.failures, throttle.window_start = 0, now
    throttle.failures += 1
    throttle.last_failure_at = now
    outcome = LoginOutcome()
    over = throttle.failures - _config("LOGIN_MAX_FAILURES")
    if over >= 0:
        seconds = min(_config("LOGIN_DELAY_SECONDS") * 2 ** over, _config("LOGIN_LOCK_MINUTES") * 60)
        throttle.delayed_until = now + dt.timedelta(seconds=seconds)
        throttle.window_start = now  # the count lasts while the attempts go on
        outcome.delayed_until = throttle.delayed_until
        if over == 0 and user is not None:
            record(None, "akun.diperlambat", user, summary=(
                f"{_config('LOGIN_MAX_FAILURES')} kali gagal masuk dari alamat {address}: percobaan berikutnya dari "
                "alamat itu ditunda; alamat lain tidak terpengaruh."))
    if user is not None:
        if user.failed_login_since is None or now - user.failed_login_since > window:
            user.failed_login_count, user.failed_login_since = 0, now
        user.failed_login_count += 1
        if user.failed_login_count >= _config("LOGIN_ACCOUNT_LOCK_FAILURES") and not is_locked(user, now):
            minutes = _config("LOGIN_LOCK_MINUTES")
            user.locked_until = now + dt.timedelta(minutes=minutes)
            record(None, "akun.dikunci", user, summary=(
                f"Akun dikunci {minutes} menit setelah {user.failed_login_count} kali gagal masuk dari berbagai "
                "alamat; pemiliknya tetap dapat masuk dari alamat yang biasa dipakainya."))
            user.failed_login_count, user.failed_login_since = 0, None
    db.session.flush()
    return outcome


def clear_login_failures(user: User) -> None:
    """An unlock or a new password: the account and every address start afresh."""
    user.failed_login_count = 0
    user.failed_login_since = None
    user.locked_until = None
    db.session.execute(update(LoginThrottle).where(LoginThrottle.nip == user.nip).values(
        failures=0, window_start=None, delayed_until=None))


def new_password_errors(user_or_nip: User | str, password: str, confirm: str | None = None) -> list[tuple[str, str]]:
    """(field, message) for every rule the new password breaks and a confirmation that differs."""
    if isinstance(user_or_nip, User):
        nip, name = user_or_nip.nip, user_or_nip.name
    else:
        nip, name = user_or_nip, None
    errors = []
    problems = password_problems(password, nip=nip, name=name)
    if problems:
        errors.append(("password", " ".join(problems)))
    if confirm is not None and confirm != password:
        errors.append(("confirm", "Konfirmasi kata sandi tidak sama."))
    return errors


def check_new_password(user_or_nip: User | str, password: str, confirm: str | None = None) -> None:
    """Raise FieldErrors (password, confirm) when the new password breaks a rule: all at once."""
    errors = new_password_errors(user_or_nip, password, confirm)
    if errors:
        raise FieldErrors(errors)


def end_sessions(user: User) -> None:
    """End every session of the account (logout, password change, role change, reset): the
    session cookie carries the account's token, which no longer matches."""
    user.session_token = new_session_token()
    db.session.flush()


def _set_password(user: User, password: str, *, must_change: bool) -> None:
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.must_change_password = must_change
    user.session_token = new_session_token()  # ends every other session of this account
    clear_login_failures(user)
    user.activation_code_hash = None
    user.activation_expires_at = None


def change_password(user: User, current: str, new: str, confirm: str) -> None:
    """The user changes their own password (also the forced change after a reset)."""
    errors = []  # every field's problem at once
    if not user.password_hash or not check_password(user.password_hash, current):
        errors.append(("current", "Kata sandi saat ini salah."))
    if current == new:
        errors.append(("password", "Kata sandi baru harus berbeda dari kata sandi saat ini."))
    else:
        errors += new_password_errors(user, new, confirm)
    if errors:
        raise FieldErrors(errors)
    _set_password(user, new, must_change=False)
    record(user, "akun.kata_sandi_diubah", user, summary="Pengguna mengubah kata sandinya.")
    db.session.flush()


def set_password_by_operator(nip: str, password: str, *, must_change: bool = True) -> User:
    """The operator's recovery tool (CLI): set any account's password; audited."""
    user = find_user_by_nip(nip)
    if user is None:
        employee = db.session.scalar(select(Employee).where(Employee.nip == normalize_nip(nip)))
        if employee is None:
            raise ServiceError(f"Tidak ada akun atau pegawai dengan NIP {normalize_nip(nip)}.", field="nip")
        user = ensure_account(employee)  # the operator (no actor) may link
    check_new_password(user, password)
    _set_password(user, password, must_change=must_change)
    record(
        None, "akun.kata_sandi_ditetapkan", user,
        summary="Kata sandi ditetapkan oleh operator"
        + (" (wajib diganti saat masuk)." if must_change else "."),
    )
    db.session.flush()
    return user


def create_superadmin(nip: str, password: str, *, name: str | None = None) -> User:
    """Create (or promote) a superadmin account; the NIP need not be in the roster yet."""
    try:
        info = parse_nip(nip)
    except NipError as exc:
        raise ServiceError(str(exc), field="nip") from None
    user = find_user_by_nip(info.nip)
    if user is None:
        employee = db.session.scalar(select(Employee).where(Employee.nip == info.nip))
        user = User(nip=info.nip, employee=employee, display_name=None if employee else (name or "Administrator"))
        db.session.add(user)
    check_new_password(user, password)
    before = {"role": user.role.value if user.role else None}
    user.role = Role.SUPERADMIN
    _set_password(user, password, must_change=False)
    db.session.flush()
    record(None, "akun.superadmin_ditetapkan", user, summary="Akun super admin dibuat dari baris perintah.",
           before=before, after={"role": Role.SUPERADMIN.value})
    return user


def may_link(actor: User | None, account: User) -> bool:
    """An account that belongs to no pegawai yet (made by `flask create-admin` for a NIP not in the
    roster) is linked to a new pegawai with that NIP only by a super admin or the command line
    when it holds any admin role: otherwise whoever adds the pegawai would get its powers."""
    return account.role == Role.PEGAWAI or actor is None or actor.is_superadmin


def pending_account(employee: Employee) -> User | None:
    """An unlinked account with the pegawai's NIP that waits for a super admin to link it."""
    if employee.user is not None:
        return None
    account = find_user_by_nip(employee.nip)
    return account if account is not None and account.employee_id is None else None


def ensure_account(employee: Employee, actor: User | None = None) -> User | None:
    """The pegawai's account, created without a usable password when missing. An unlinked
    account with the same NIP is linked when `actor` may (see may_link); otherwise None: the
    link waits for a super admin (`link_account`)."""
    if employee.user is not None:
        return employee.user
    user = find_user_by_nip(employee.nip)
    if user is None:
        user = User(nip=employee.nip, role=Role.PEGAWAI)
        db.session.add(user)
    elif user.employee_id is not None or not may_link(actor, user):
        return None
    else:
        record(actor, "akun.ditautkan", user, summary=sentence(f"Akun {user.role.label} ditautkan ke pegawai "
                                                                  f"{employee.name}"), after={"employee": employee.nip, "role": user.role.value})
    user.employee = employee
    user.display_name = None
    db.session.flush()
    return user


def link_account(actor: User, employee: Employee) -> User:
    """A super admin confirms that the unlinked account with this NIP is this pegawai's."""
    if not actor.is_superadmin:
        raise ServiceError("Hanya super admin yang dapat menautkan akun pengelola ke pegawai.")
    account = pending_account(employee)
    if account is None:
        raise ServiceError("Tidak ada akun yang menunggu penautan untuk pegawai ini.")
    linked = ensure_account(employee, actor)
    end_sessions(linked)
    return linked


def _code_hash(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normal.encode()).hexdigest()


def new_activation_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(raw[i:i + CODE_GROUP_LENGTH] for i in range(0, len(raw), CODE_GROUP_LENGTH))


def issue_activation(actor: User | None, user: User) -> tuple[str, dt.datetime]:
    """Reset: the old password stops working; a one-time code valid ACTIVATION_VALID_HOURS."""
    code = new_activation_code()
    expires = utcnow() + dt.timedelta(hours=_config("ACTIVATION_VALID_HOURS"))
    user.password_hash = None
    user.session_token = new_session_token()
    user.activation_code_hash = _code_hash(code)
    user.activation_expires_at = expires
    clear_login_failures(user)
    record(actor, "akun.kode_aktivasi_dibuat", user,
           summary=f"Kode aktivasi dibuat, berlaku sampai {expires.isoformat(timespec='minutes')}.")
    db.session.flush()
    return code, expires


def activate(nip: str, code: str, password: str, confirm: str) -> User:
    """Set the first (or a new) password with a valid one-time code; the code is then spent."""
    user = db.session.scalar(select(User).where(User.activation_code_hash == _code_hash(code)))
    if (
        user is None
        or user.nip != normalize_nip(nip)
        or user.activation_expires_at is None
        or user.activation_expires_at < utcnow()
        or not user.is_active
    ):
        # the password's own problems too, all at once (judged by the NIP typed: nothing about the
        # account the code may belong to is revealed)
        raise FieldErrors([("code", "Kode aktivasi tidak berlaku: periksa NIP dan kode, atau minta kode baru kepada "
                                    "pengelola kinerja (kode berlaku 72 jam dan hanya sekali pakai).")]
                          + new_password_errors(normalize_nip(nip), password, confirm))
    check_new_password(user, password, confirm)
    _set_password(user, password, must_change=False)
    record(user, "akun.diaktifkan", user, summary="Pengguna menetapkan kata sandi dengan kode aktivasi.")
    db.session.flush()
    return user


def unlock(actor: User, user: User) -> None:
    """The pengelola lifts the account lock and every address's delay."""
    clear_login_failures(user)
    record(actor, "akun.kunci_dibuka", user, summary="Kunci akun dibuka oleh pengelola.")
    db.session.flush()


def set_role(actor: User, user: User, role: Role, opds: list[OrgUnit]) -> None:
    """Grant or withdraw Pengelola Kinerja / Super Admin; only a superadmin may do this."""
    if not actor.is_superadmin:
        raise ServiceError("Hanya super admin yang dapat mengubah peran.", field="role")
    if user.id == actor.id and role != Role.SUPERADMIN:
        raise ServiceError("Anda tidak dapat mencabut peran super admin Anda sendiri.", field="role")
    if role == Role.ADMIN and not opds:
        raise ServiceError("Pilih minimal satu Perangkat Daerah untuk pengelola kinerja.", field="opds")
    if any(u.kind.value != "OPD" for u in opds):
        raise ServiceError("Cakupan pengelola hanya dapat berupa Perangkat Daerah.", field="opds")
    before = {"role": user.role.value, "opds": sorted(u.name for u in user.admin_units)}
    user.role = role
    user.admin_units = list(opds) if role == Role.ADMIN else []
    after = {"role": role.value, "opds": sorted(u.name for u in user.admin_units)}
    if before != after:
        end_sessions(user)  # the account's open sessions do not keep the powers they had
        record(actor, "akun.peran_diubah", user, summary=f"Peran diubah menjadi {role.label}.",
               before=before, after=after)
    db.session.flush()
