"""Declarative base, naming convention for constraints, and shared column types."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from decimal import Decimal

from sqlalchemy import DateTime, Enum, MetaData, Numeric, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


DEFAULT_TIMEZONE = "Asia/Jakarta"


def local_zone() -> ZoneInfo:
    """The kabupaten's time zone (BABEL_DEFAULT_TIMEZONE, WIB by default)."""
    from flask import current_app, has_app_context

    name = current_app.config.get("BABEL_DEFAULT_TIMEZONE") if has_app_context() else None
    return ZoneInfo(name or DEFAULT_TIMEZONE)


def local_today(now: dt.datetime | None = None) -> dt.date:
    """The kabupaten's date now — in its own time zone, whatever zone the server's clock is set to:
    between 00.00 and 07.00 WIB a server on UTC is still on yesterday. Deadlines, periods and
    "terlambat" all count in this date."""
    return (now or utcnow()).astimezone(local_zone()).date()


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every database (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def str_enum(enum_cls, name: str) -> Enum:
    """A portable enum column: VARCHAR + CHECK constraint, storing the member names."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.name) for m in enum_cls) + 8,
        validate_strings=True,
    )


class ExactDecimal(TypeDecorator):
    """An exact decimal on every database: NUMERIC(18, 4) on PostgreSQL, text on SQLite (whose
    numbers are binary floats, which would turn 0.1 into 0.1000000000000000055…)."""

    impl = Numeric(18, 4)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(18, 4))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        value = Decimal(value)
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(value)
