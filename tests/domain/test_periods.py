"""domain/periods.py: the periods of a year under each scheme with their deadlines, their labels,
and which periods a late SKP start leaves out ("tidak dinilai")."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from app.domain.periods import (
    DEFAULT_REVIEW_DAYS, DEFAULT_SUBMISSION_DAYS, PeriodKind, PeriodScheme, assessed, build_periods, period_label,
    short_label, skipped_numbers,
)

D = dt.date


@pytest.mark.parametrize(("scheme", "count", "kind", "labels"), [
    (PeriodScheme.TRIWULANAN, 4, PeriodKind.TRIWULAN, ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]),
    (PeriodScheme.SEMESTERAN, 2, PeriodKind.SEMESTER, ["Semester I", "Semester II"]),
    (PeriodScheme.BULANAN, 12, PeriodKind.BULAN, ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                                 "Agustus", "September", "Oktober", "November", "Desember"]),
])
def test_every_scheme_covers_the_year_then_the_akhir_period(scheme, count, kind, labels):
    specs = build_periods(2026, scheme)
    regular, akhir = specs[:-1], specs[-1]
    assert [s.label for s in regular] == labels and all(s.kind == kind for s in regular)
    assert [s.number for s in specs] == list(range(1, count + 2))
    assert regular[0].start == D(2026, 1, 1) and regular[-1].end == D(2026, 12, 31)
    for before, after in zip(regular, regular[1:]):  # no gap, no overlap
        assert after.start == before.end + dt.timedelta(days=1)
    assert (akhir.kind, akhir.label, akhir.start, akhir.end) == (PeriodKind.AKHIR, "Akhir", D(2026, 1, 1),
                                                                 D(2026, 12, 31))


def test_deadlines_count_from_the_end_of_each_period():
    q1 = build_periods(2026, PeriodScheme.TRIWULANAN)[0]
    assert q1.end == D(2026, 3, 31)
    assert q1.submission_deadline == D(2026, 3, 31) + dt.timedelta(days=DEFAULT_SUBMISSION_DAYS)
    assert q1.review_deadline == D(2026, 3, 31) + dt.timedelta(days=DEFAULT_REVIEW_DAYS)
    custom = build_periods(2026, PeriodScheme.TRIWULANAN, submission_days=5, review_days=30)[-1]
    assert (custom.submission_deadline, custom.review_deadline) == (D(2027, 1, 5), D(2027, 1, 30))


def test_month_ends_in_a_leap_year():
    februari = build_periods(2028, PeriodScheme.BULANAN)[1]
    assert (februari.start, februari.end) == (D(2028, 2, 1), D(2028, 2, 29))
    assert build_periods(2026, PeriodScheme.BULANAN)[1].end == D(2026, 2, 28)


@pytest.mark.parametrize(("kind", "number", "label", "short"), [
    (PeriodKind.TRIWULAN, 2, "Triwulan II", "TW II"),
    (PeriodKind.SEMESTER, 1, "Semester I", "Sem. I"),
    (PeriodKind.BULAN, 3, "Maret", "Mar"),
    (PeriodKind.AKHIR, 5, "Akhir", "Akhir"),
])
def test_labels(kind, number, label, short):
    assert period_label(kind, number) == label
    assert short_label(SimpleNamespace(kind=kind, number=number, label=label)) == short


@pytest.mark.parametrize(("period_end", "skp_start", "expected"), [
    (D(2026, 3, 31), None, True),  # no start date: every period is assessed
    (D(2026, 3, 31), D(2026, 3, 31), True),  # starts on the last day: assessed
    (D(2026, 3, 31), D(2026, 4, 1), False),  # ends before the SKP starts: tidak dinilai
    (D(2026, 12, 31), D(2026, 10, 15), True),
])
def test_assessed(period_end, skp_start, expected):
    assert assessed(period_end, skp_start) is expected


def test_skipped_numbers_for_an_skp_that_starts_in_october():
    periods = [SimpleNamespace(number=s.number, end_date=s.end, is_final=s.kind == PeriodKind.AKHIR)
               for s in build_periods(2026, PeriodScheme.TRIWULANAN)]
    assert skipped_numbers(periods, D(2026, 10, 1)) == frozenset({1, 2, 3})
    assert skipped_numbers(periods, D(2026, 4, 1)) == frozenset({1})
    assert skipped_numbers(periods, None) == frozenset()
    assert 5 not in skipped_numbers(periods, D(2026, 12, 31))  # the Akhir period is never left out
