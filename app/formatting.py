"""Indonesian dates and numbers for templates (Flask-Babel, locale id, Asia/Jakarta)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, get_timezone

from app.domain.daily import duration_text
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


def bulan_tahun(value: dt.date | None) -> str:
    """Februari 2013 (a TMT, which the NIP gives to the month)."""
    if value is None:
        return "–"
    return format_date(value, "MMMM y")


# One colour per workflow state, on every page (a plan, a period's assessment, the cascade map):
# what waits for the pegawai to act is red, what waits for the assessor blue, done green.
STATE_BADGES = {
    "DRAFT": "text-bg-secondary", "SUBMITTED": "text-bg-primary", "RETURNED": "text-bg-danger",
    "APPROVED": "text-bg-success", "SUPERSEDED": "text-bg-light border", "NONE": "text-bg-light border",
}


def state_badge(state) -> str:
    """The badge class of a workflow state (an enum or its value; None: no SKP yet)."""
    key = getattr(state, "value", state) or "NONE"
    return STATE_BADGES.get(key, "text-bg-light border")


def register(app: Flask) -> None:
    app.add_template_filter(tanggal, "tanggal")
    app.add_template_filter(tanggal_jam, "tanggal_jam")
    app.add_template_filter(angka, "angka")
    app.add_template_filter(duration_text, "durasi")  # minutes as "7 j 30 m"
    app.add_template_filter(desimal, "desimal")
    app.add_template_filter(bulan_tahun, "bulan_tahun")
    app.add_template_global(state_badge, "state_badge")  # one colour per state, everywhere
    app.add_template_filter(sentence, "kalimat")  # ends a sentence with one full stop ("… S.Sos.")
    app.add_template_global(desimal, "desimal")
