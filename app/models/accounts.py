"""Login accounts: one per pegawai, plus roles scoped to OPDs."""
from __future__ import annotations

import datetime as dt
import secrets

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import Role
from app.models.base import Base, UTCDateTime, str_enum, utcnow
from app.models.org import Employee, OrgUnit

admin_scope = Table(
    "admin_scope",
    Base.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("org_unit_id", ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True),
)


def new_session_token() -> str:
    return secrets.token_hex(16)


class User(UserMixin, Base):
    """An account; login by NIP. Being a supervisor is not a role: it follows the reporting line."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="RESTRICT"), unique=True
    )
    # Only for an operator account whose NIP is not (yet) in the roster.
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"), default=Role.PEGAWAI)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_login_count: Mapped[int] = mapped_column(Integer, default=0)
    failed_login_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Rotated on password change, so every other session of the account ends.
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    activation_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    activation_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # reminders also by e-mail (when the server sends mail); off from the link in each reminder
    reminder_email: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee | None] = relationship(back_populates="user")
    admin_units: Mapped[list[OrgUnit]] = relationship(
        secondary=admin_scope, order_by="OrgUnit.name"
    )

    # Flask-Login
    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:
        return self.employee.active if self.employee is not None else True

    @property
    def name(self) -> str:
        if self.employee is not None:
            return self.employee.name
        return self.display_name or self.nip

    @property
    def is_superadmin(self) -> bool:
        return self.role == Role.SUPERADMIN

    @property
    def is_admin(self) -> bool:
        """A pengelola kinerja of at least one OPD, or a superadmin."""
        return self.role == Role.SUPERADMIN or (self.role == Role.ADMIN and bool(self.admin_units))

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    def __repr__(self) -> str:
        return f"<User {self.nip} {self.role.value}>"


class LoginThrottle(Base):
    """Failed logins for one typed NIP from one client address. Past LOGIN_MAX_FAILURES the next
    attempts from that address wait (a delay that doubles); the account itself is locked only
    past a much higher count across addresses, and then not for the addresses its owner logged
    in from before (`last_success_at`). Rows exist for unknown NIPs too, so that the delays do not
    tell which NIPs have accounts."""

    __tablename__ = "login_throttle"
    __table_args__ = (
        UniqueConstraint("nip", "address", name="uq_login_throttle_nip_address"),
        Index("ix_login_throttle_last_failure", "last_failure_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(32))  # as typed, normalised; not necessarily an account
    address: Mapped[str] = mapped_column(String(45))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    delayed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
