"""The rules of kinerja harian (app/domain/daily.py), table by table."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.daily import (
    AbsenceKind, DayRules, Slot, day_state, duration_text, entry_problems, is_working_day, minutes_between,
    month_days, overlapping, working_days, working_days_after, working_days_back,
)

D = dt.date
T = dt.time
# December 2026: the 25th (Friday) is Natal, the 24th cuti bersama; weekends 5–6, 12–13, 19–20, 26–27.
HOLIDAYS = {D(2026, 12, 24), D(2026, 12, 25)}


@pytest.mark.parametrize("day, working", [
    (D(2026, 12, 7), True),  # Monday
    (D(2026, 12, 5), False),  # Saturday
    (D(2026, 12, 6), False),  # Sunday
    (D(2026, 12, 24), False),  # cuti bersama
    (D(2026, 12, 25), False),  # Natal
    (D(2026, 12, 28), True),
])
def test_working_days_skip_weekends_and_the_kabupaten_s_holidays(day, working):
    assert is_working_day(day, HOLIDAYS) is working


def test_a_month_and_its_working_days():
    days = month_days(2026, 12)
    assert len(days) == 31 and days[0] == D(2026, 12, 1) and days[-1] == D(2026, 12, 31)
    assert len(working_days(D(2026, 12, 1), D(2026, 12, 31), HOLIDAYS)) == 21
    assert len(month_days(2028, 2)) == 29 and len(month_days(2026, 2)) == 28


@pytest.mark.parametrize("today, count, earliest", [
    (D(2026, 12, 9), 0, D(2026, 12, 9)),  # only today
    (D(2026, 12, 9), 1, D(2026, 12, 8)),
    (D(2026, 12, 9), 5, D(2026, 12, 2)),  # Wed back over a weekend
    (D(2026, 12, 7), 1, D(2026, 12, 4)),  # Monday: Friday
    (D(2026, 12, 28), 2, D(2026, 12, 22)),  # over Natal, cuti bersama and a weekend
    (D(2026, 12, 6), 1, D(2026, 12, 4)),  # a Sunday counts back to Friday
])
def test_how_far_back_an_activity_may_be_entered(today, count, earliest):
    assert working_days_back(today, count, HOLIDAYS) == earliest


@pytest.mark.parametrize("day, count, last", [
    (D(2026, 12, 21), 5, D(2026, 12, 30)),  # Mon + 5 working days over the holidays and a weekend
    (D(2026, 12, 4), 1, D(2026, 12, 7)),
    (D(2026, 12, 4), 0, D(2026, 12, 4)),
])
def test_the_verification_window_counts_working_days(day, count, last):
    assert working_days_after(day, count, HOLIDAYS) == last


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        working_days_back(D(2026, 12, 9), -1, HOLIDAYS)
    with pytest.raises(ValueError):
        working_days_after(D(2026, 12, 9), -1, HOLIDAYS)


@pytest.mark.parametrize("start, end, minutes", [(T(7, 30), T(8, 0), 30), (T(8, 0), T(16, 0), 480),
                                                 (T(0, 0), T(23, 59), 1439)])
def test_minutes_between(start, end, minutes):
    assert minutes_between(start, end) == minutes


@pytest.mark.parametrize("start, end", [(T(8, 0), T(8, 0)), (T(9, 0), T(8, 0))])
def test_an_end_not_after_the_start_is_refused(start, end):
    with pytest.raises(ValueError):
        minutes_between(start, end)


@pytest.mark.parametrize("minutes, text", [(0, "0 m"), (45, "45 m"), (120, "2 j"), (450, "7 j 30 m"), (-5, "0 m")])
def test_duration_text(minutes, text):
    assert duration_text(minutes) == text


MORNING = Slot(T(8, 0), T(10, 0), 120, "Menyusun laporan")
NOON = Slot(T(13, 0), T(14, 30), 90, "Rapat koordinasi")


@pytest.mark.parametrize("start, end, clashes", [
    (T(10, 0), T(11, 0), []),  # touching the end is not an overlap
    (T(7, 0), T(8, 0), []),
    (T(9, 59), T(10, 30), [MORNING]),
    (T(7, 0), T(15, 0), [MORNING, NOON]),
    (T(13, 30), T(13, 45), [NOON]),  # inside
])
def test_overlaps(start, end, clashes):
    assert overlapping(start, end, [MORNING, NOON]) == clashes


def _rules(**changes) -> DayRules:
    values = {"today": D(2026, 12, 9), "earliest": D(2026, 12, 2), "limit_minutes": 720, "absence": None}
    values.update(changes)
    return DayRules(**values)


def test_a_good_entry_has_no_problem():
    assert entry_problems(D(2026, 12, 9), T(10, 0), T(12, 0), [MORNING, NOON], _rules()) == []


@pytest.mark.parametrize("day, start, end, others, rules, expected", [
    (D(2026, 12, 10), T(8, 0), T(9, 0), [], _rules(),
     [("day", "Kegiatan tidak dapat dicatat untuk tanggal yang belum tiba.")]),
    (D(2026, 12, 1), T(8, 0), T(9, 0), [], _rules(),
     [("day", "Kegiatan hanya dapat dicatat sampai beberapa hari kerja ke belakang: paling awal 2 Desember 2026.")]),
    (D(2026, 12, 9), T(9, 0), T(8, 0), [], _rules(), [("end", "Jam selesai harus setelah jam mulai.")]),
    (D(2026, 12, 9), T(9, 0), T(13, 30), [MORNING, NOON], _rules(),
     [("start", "Waktunya bertumpuk dengan kegiatan lain pada hari itu: 08.00–10.00 Menyusun laporan; "
                "13.00–14.30 Rapat koordinasi.")]),
    (D(2026, 12, 9), T(15, 0), T(23, 0), [MORNING, NOON], _rules(limit_minutes=600),
     [("end", "Jumlah waktu pada hari itu menjadi 11 j 30 m, lebih dari batas 10 j sehari.")]),
    (D(2026, 12, 9), T(8, 0), T(9, 0), [], _rules(absence=AbsenceKind.CUTI),
     [("day", "Anda tercatat cuti pada 9 Desember 2026; pada hari itu tidak ada kegiatan yang dicatat.")]),
])
def test_every_problem_of_an_entry_with_its_field(day, start, end, others, rules, expected):
    assert entry_problems(day, start, end, others, rules) == expected


def test_dinas_luar_is_work_and_several_problems_come_at_once():
    assert entry_problems(D(2026, 12, 9), T(8, 0), T(9, 0), [], _rules(absence=AbsenceKind.DINAS_LUAR)) == []
    problems = entry_problems(D(2026, 12, 12), T(9, 0), T(8, 0), [], _rules())
    assert [field for field, _ in problems] == ["day", "end"]


@pytest.mark.parametrize("day, minutes, absence, state", [
    (D(2026, 12, 7), 450, None, "lengkap"),
    (D(2026, 12, 7), 449, None, "kurang"),
    (D(2026, 12, 7), 0, None, "kosong"),
    (D(2026, 12, 5), 0, None, "libur"),
    (D(2026, 12, 25), 60, None, "libur"),
    (D(2026, 12, 7), 0, AbsenceKind.SAKIT, "cuti"),
    (D(2026, 12, 7), 0, AbsenceKind.DINAS_LUAR, "kosong"),
])
def test_the_state_of_a_calendar_day(day, minutes, absence, state):
    assert day_state(day, minutes, 450, HOLIDAYS, absence) == state
