"""Kinerja harian (RULES.md §11), plain Python: the kabupaten's working days, the time an activity
takes, overlaps within a day, how far back an activity may still be entered, and the checks of one
entry with their messages in Indonesian. The app stores the calendar and the activities; the rules
that decide about them live here."""
from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from app.domain.enums import LabeledEnum
from app.domain.nip import MONTHS_ID

WEEKEND = frozenset({5, 6})  # Saturday and Sunday
DEFAULT_DAY_MINUTES = 450  # the standard working time of a day: 7 h 30 m
DEFAULT_DAY_LIMIT_MINUTES = 720  # the most a day may hold
DEFAULT_ENTRY_DAYS = 5  # working days back that an activity may still be entered
DEFAULT_VERIFY_DAYS = 5  # working days the Pejabat Penilai has to verify


class HolidayKind(LabeledEnum):
    """A day the whole kabupaten does not work (besides the weekend)."""

    LIBUR_NASIONAL = "LIBUR_NASIONAL"
    CUTI_BERSAMA = "CUTI_BERSAMA"
    LIBUR_DAERAH = "LIBUR_DAERAH"
    __labels__ = {"LIBUR_NASIONAL": "Libur nasional", "CUTI_BERSAMA": "Cuti bersama",
                  "LIBUR_DAERAH": "Libur daerah"}


class AbsenceKind(LabeledEnum):
    """A pegawai's own day away from the daily work (or at work elsewhere: dinas luar)."""

    CUTI = "CUTI"
    SAKIT = "SAKIT"
    IZIN = "IZIN"
    DINAS_LUAR = "DINAS_LUAR"
    TUGAS_BELAJAR = "TUGAS_BELAJAR"
    __labels__ = {"CUTI": "Cuti", "SAKIT": "Sakit", "IZIN": "Izin", "DINAS_LUAR": "Dinas luar",
                  "TUGAS_BELAJAR": "Tugas belajar"}

    @property
    def works(self) -> bool:
        """Dinas luar is work elsewhere: its activities are recorded; the others are days off."""
        return self == AbsenceKind.DINAS_LUAR


class AttendanceStatus(LabeledEnum):
    """A day of presensi as the attendance system reports it."""

    HADIR = "HADIR"
    TANPA_KETERANGAN = "TANPA_KETERANGAN"
    __labels__ = {"HADIR": "Hadir", "TANPA_KETERANGAN": "Tanpa keterangan"}


class ActivityStatus(LabeledEnum):
    MENUNGGU = "MENUNGGU"
    DITERIMA = "DITERIMA"
    DIKEMBALIKAN = "DIKEMBALIKAN"
    __labels__ = {"MENUNGGU": "Menunggu verifikasi", "DITERIMA": "Diterima", "DIKEMBALIKAN": "Dikembalikan"}


class ActivityCategory(LabeledEnum):
    """What an activity serves: an RHK of the approved SKP, an additional task, or other work."""

    RHK = "RHK"
    TAMBAHAN = "TAMBAHAN"
    LAINNYA = "LAINNYA"
    __labels__ = {"RHK": "RHK dalam SKP", "TAMBAHAN": "Tugas tambahan", "LAINNYA": "Lainnya"}


# --- the calendar --------------------------------------------------------------------------------

def is_working_day(day: dt.date, holidays: Container[dt.date], weekend: Container[int] = WEEKEND) -> bool:
    return day.weekday() not in weekend and day not in holidays


def month_days(year: int, month: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return [first + dt.timedelta(days=n) for n in range((following - first).days)]


def working_days(first: dt.date, last: dt.date, holidays: Container[dt.date],
                 weekend: Container[int] = WEEKEND) -> list[dt.date]:
    """The working days from `first` to `last`, both included."""
    days = []
    day = first
    while day <= last:
        if is_working_day(day, holidays, weekend):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def working_days_back(today: dt.date, count: int, holidays: Container[dt.date],
                      weekend: Container[int] = WEEKEND) -> dt.date:
    """The earliest day an entry made today may be for: `count` working days before today (today
    itself is always allowed, whatever kind of day it is). count 0: only today."""
    if count < 0:
        raise ValueError("count must not be negative")
    day, found = today, 0
    while found < count:
        day -= dt.timedelta(days=1)
        if is_working_day(day, holidays, weekend):
            found += 1
    return day


def working_days_after(day: dt.date, count: int, holidays: Container[dt.date],
                       weekend: Container[int] = WEEKEND) -> dt.date:
    """The `count`-th working day after `day` (the last day of a window that opens on `day`)."""
    if count < 0:
        raise ValueError("count must not be negative")
    found = 0
    while found < count:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays, weekend):
            found += 1
    return day


# --- time ----------------------------------------------------------------------------------------

def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from start to end within one day; ValueError unless end is after start."""
    begin = start.hour * 60 + start.minute
    finish = end.hour * 60 + end.minute
    if finish <= begin:
        raise ValueError("end must be after start")
    return finish - begin


def duration_text(minutes: int) -> str:
    """"7 j 30 m", "45 m", "2 j", "0 m"."""
    hours, rest = divmod(max(int(minutes), 0), 60)
    if hours and rest:
        return f"{hours} j {rest} m"
    if hours:
        return f"{hours} j"
    return f"{rest} m"


def time_text(value: dt.time) -> str:
    return f"{value.hour:02d}.{value.minute:02d}"


def date_text(day: dt.date) -> str:
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Slot:
    """An activity already recorded on the day: when, and what to call it in a message."""

    start: dt.time
    end: dt.time
    minutes: int
    label: str


def overlapping(start: dt.time, end: dt.time, others: Iterable[Slot]) -> list[Slot]:
    """The slots that share at least a minute with start–end (touching ends do not overlap)."""
    return [slot for slot in others if start < slot.end and slot.start < end]


def late_minutes(check_in: dt.time | None, start: dt.time) -> int:
    """Minutes after the start of the office day (0 when on time or with no check-in)."""
    if check_in is None:
        return 0
    return max(0, (check_in.hour * 60 + check_in.minute) - (start.hour * 60 + start.minute))


def early_minutes(check_out: dt.time | None, end: dt.time) -> int:
    """Minutes before the end of the office day (0 when on time or with no check-out)."""
    if check_out is None:
        return 0
    return max(0, (end.hour * 60 + end.minute) - (check_out.hour * 60 + check_out.minute))


# --- one entry -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DayRules:
    """What a day allows: the settings and the facts of the pegawai's calendar."""

    today: dt.date
    earliest: dt.date  # working_days_back(today, entry days)
    limit_minutes: int
    absence: AbsenceKind | None = None  # the pegawai's own day, if any


def entry_problems(day: dt.date, start: dt.time | None, end: dt.time | None, others: Sequence[Slot],
                   rules: DayRules) -> list[tuple[str, str]]:
    """Every reason the activity cannot be recorded as given, as (field, message): the date (in
    the future, past the entry window, a day off), the times (end not after start, overlapping
    another activity) and the day's total (over the limit). Empty when it can."""
    problems: list[tuple[str, str]] = []
    if day > rules.today:
        problems.append(("day", "Kegiatan tidak dapat dicatat untuk tanggal yang belum tiba."))
    elif day < rules.earliest:
        problems.append(("day", f"Kegiatan hanya dapat dicatat sampai beberapa hari kerja ke belakang: "
                                f"paling awal {date_text(rules.earliest)}."))
    if rules.absence is not None and not rules.absence.works:
        problems.append(("day", f"Anda tercatat {rules.absence.label.lower()} pada {date_text(day)}; "
                                "pada hari itu tidak ada kegiatan yang dicatat."))
    if start is None or end is None:
        return problems
    try:
        minutes = minutes_between(start, end)
    except ValueError:
        problems.append(("end", "Jam selesai harus setelah jam mulai."))
        return problems
    clashes = overlapping(start, end, others)
    if clashes:
        names = "; ".join(f"{time_text(s.start)}–{time_text(s.end)} {s.label}" for s in clashes[:3])
        problems.append(("start", f"Waktunya bertumpuk dengan kegiatan lain pada hari itu: {names}."))
    total = sum(slot.minutes for slot in others) + minutes
    if total > rules.limit_minutes:
        problems.append(("end", f"Jumlah waktu pada hari itu menjadi {duration_text(total)}, lebih dari batas "
                                f"{duration_text(rules.limit_minutes)} sehari."))
    return problems


def day_state(day: dt.date, minutes: int, standard: int, holidays: Container[dt.date],
              absence: AbsenceKind | None, weekend: Container[int] = WEEKEND) -> str:
    """One word for a calendar cell: "libur", "cuti" (any day off of the pegawai), "lengkap"
    (the standard reached), "kurang" (something but less), "kosong" (a working day with nothing)."""
    if absence is not None and not absence.works:
        return "cuti"
    if not is_working_day(day, holidays, weekend):
        return "libur"
    if minutes >= standard:
        return "lengkap"
    return "kurang" if minutes > 0 else "kosong"
