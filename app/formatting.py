"""Indonesian dates and numbers for templates (Flask-Babel, locale id, Asia/Jakarta)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, get_timezone

from app.domain.text import sentence


def tanggal(value: dt.date | dt.datetime | None) -> str:
    """23 November 2026."""
    if value is None:
        return "–"
    if isinstance(value, dt.datetime):
        value = value.astimezone(get_timezone()).date()
    return format_date(value, "d MMMM y")


def tanggal_jam(value: dt.datetime | None) -> str:
    """23 November 2026 08.05 WIB (in the configured timezone)."""
    if value is None:
        return "–"
    zone = value.astimezone(get_timezone()).tzname() or ""
    return f"{format_datetime(value, 'd MMMM y HH.mm')} {zone}".strip()


def angka(value: int | float | Decimal | None, digits: int = 0) -> str:
    """1.234.567 or 98,75 in Indonesian notation."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern)


def desimal(value: int | float | Decimal | None) -> str:
    """A decimal for reading: 1234.5 → "1.234,5", 85.5000 → "85,5", None → "–"."""
    if value is None or value == "":
        return "–"
    return format_decimal(Decimal(str(value)), format="#,##0.####")


def register(app: Flask) -> None:
    app.add_template_filter(tanggal, "tanggal")
    app.add_template_filter(tanggal_jam, "tanggal_jam")
    app.add_template_filter(angka, "angka")
    app.add_template_filter(desimal, "desimal")
    app.add_template_filter(sentence, "kalimat")  # ends a sentence with one full stop ("… S.Sos.")
    app.add_template_global(desimal, "desimal")
