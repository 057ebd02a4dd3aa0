"""Appraisal periods of one year (RULES.md §1.3): monthly, quarterly (default) or half-yearly,
plus the annual "Akhir" period. Pure: builds the calendar, the app stores it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.enums import LabeledEnum
from app.domain.nip import MONTHS_ID

ROMAN = ("I", "II", "III", "IV")
DEFAULT_SUBMISSION_DAYS = 10  # after the period ends, the pegawai submits
DEFAULT_REVIEW_DAYS = 20  # after the period ends, the assessor has reviewed


class PeriodScheme(LabeledEnum):
    BULANAN = "BULANAN"
    TRIWULANAN = "TRIWULANAN"
    SEMESTERAN = "SEMESTERAN"
    __labels__ = {"BULANAN": "Bulanan", "TRIWULANAN": "Triwulanan", "SEMESTERAN": "Semesteran"}


class PeriodKind(LabeledEnum):
    BULAN = "BULAN"
    TRIWULAN = "TRIWULAN"
    SEMESTER = "SEMESTER"
    AKHIR = "AKHIR"
    __labels__ = {"BULAN": "Bulan", "TRIWULAN": "Triwulan", "SEMESTER": "Semester", "AKHIR": "Akhir"}


_MONTHS_PER_PERIOD = {PeriodScheme.BULANAN: 1, PeriodScheme.TRIWULANAN: 3, PeriodScheme.SEMESTERAN: 6}
_KIND = {PeriodScheme.BULANAN: PeriodKind.BULAN, PeriodScheme.TRIWULANAN: PeriodKind.TRIWULAN,
         PeriodScheme.SEMESTERAN: PeriodKind.SEMESTER}


@dataclass(frozen=True)
class PeriodSpec:
    number: int  # 1..n in the year; the Akhir period is n + 1
    kind: PeriodKind
    label: str  # "Triwulan II", "Maret", "Semester I", "Akhir"
    start: dt.date
    end: dt.date
    submission_deadline: dt.date
    review_deadline: dt.date


def period_label(kind: PeriodKind, number: int) -> str:
    if kind == PeriodKind.BULAN:
        return MONTHS_ID[number - 1]
    if kind == PeriodKind.TRIWULAN:
        return f"Triwulan {ROMAN[number - 1]}"
    if kind == PeriodKind.SEMESTER:
        return f"Semester {ROMAN[number - 1]}"
    return "Akhir"


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def build_periods(
    year: int,
    scheme: PeriodScheme,
    *,
    submission_days: int = DEFAULT_SUBMISSION_DAYS,
    review_days: int = DEFAULT_REVIEW_DAYS,
) -> list[PeriodSpec]:
    """The periods of `year` under `scheme`, then the annual Akhir period (1 Jan – 31 Dec)."""
    months = _MONTHS_PER_PERIOD[scheme]
    kind = _KIND[scheme]
    specs = []
    for number in range(1, 12 // months + 1):
        first_month = (number - 1) * months + 1
        start = dt.date(year, first_month, 1)
        end = _month_end(year, first_month + months - 1)
        specs.append(PeriodSpec(
            number, kind, period_label(kind, number), start, end,
            end + dt.timedelta(days=submission_days), end + dt.timedelta(days=review_days),
        ))
    end = dt.date(year, 12, 31)
    specs.append(PeriodSpec(
        len(specs) + 1, PeriodKind.AKHIR, "Akhir", dt.date(year, 1, 1), end,
        end + dt.timedelta(days=submission_days), end + dt.timedelta(days=review_days),
    ))
    return specs


def assessed(period_end: dt.date, skp_start: dt.date | None) -> bool:
    """Whether a period is assessed for a pegawai whose SKP starts on `skp_start` (RULES.md §10):
    one that ends before the SKP starts is not ("tidak dinilai"); without a start, every period."""
    return skp_start is None or period_end >= skp_start


def skipped_numbers(periods, skp_start: dt.date | None) -> frozenset[int]:
    """The numbers of the regular periods (objects with number, end_date, is_final) that end
    before the SKP starts."""
    if skp_start is None:
        return frozenset()
    return frozenset(p.number for p in periods if not p.is_final and not assessed(p.end_date, skp_start))


def short_label(period) -> str:
    """"TW II", "Sem. I", "Mar", "Akhir": short enough for a chart axis."""
    if period.kind == PeriodKind.TRIWULAN:
        return f"TW {ROMAN[period.number - 1]}"
    if period.kind == PeriodKind.SEMESTER:
        return f"Sem. {ROMAN[period.number - 1]}"
    if period.kind == PeriodKind.BULAN:
        return period.label[:3]
    return period.label
