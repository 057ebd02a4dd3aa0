"""NIP (PNS) and NI PPPK: 18 digits = tanggal lahir (YYYYMMDD) + TMT pengangkatan (YYYYMM)
+ jenis kelamin (1/2) + nomor urut (3 digits). RULES.md §9.

`parse_nip` validates and derives birth date, TMT and gender, and explains every failure in
Indonesian so that a form or an import report can show it as it is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.enums import Gender

NIP_LENGTH = 18

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


class NipError(ValueError):
    """The NIP is not valid; str(error) is the Indonesian explanation."""


@dataclass(frozen=True)
class NipInfo:
    nip: str
    birth_date: dt.date
    tmt: dt.date  # first day of the TMT month
    gender: Gender
    serial: str


def _month_year(year: int, month: int) -> str:
    return f"{MONTHS_ID[month - 1]} {year}"


def _long_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def normalize_nip(raw: object) -> str:
    """Text of a NIP as typed: surrounding and inner spaces and a leading apostrophe removed."""
    text = "" if raw is None else str(raw)
    text = "".join(text.split())
    return text.lstrip("'")


def parse_nip(raw: object, *, today: dt.date | None = None) -> NipInfo:
    """Validate a NIP / NI PPPK and derive its parts, or raise NipError."""
    today = today or dt.date.today()
    nip = normalize_nip(raw)
    if not nip:
        raise NipError("NIP wajib diisi.")
    bad = [ch for ch in nip if not ch.isascii() or not ch.isdigit()]
    if bad:
        raise NipError(f"NIP hanya boleh berisi angka; ditemukan karakter '{bad[0]}'.")
    if len(nip) != NIP_LENGTH:
        raise NipError(f"NIP harus {NIP_LENGTH} digit; yang diisi {len(nip)} digit.")

    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            f"8 digit pertama NIP ({nip[0:8]}) harus tanggal lahir yang valid (TTTTBBHH)."
        ) from None
    if birth > today:
        raise NipError(f"Tanggal lahir dalam NIP ({_long_date(birth)}) belum terjadi.")

    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= tmt_month <= 12:
        raise NipError(f"Digit 13–14 NIP adalah bulan TMT dan harus 01–12, bukan {nip[12:14]}.")
    if tmt_year < 1 or (tmt_year, tmt_month) <= (birth.year, birth.month):
        raise NipError(
            f"TMT pengangkatan dalam NIP ({nip[8:12]}-{nip[12:14]}) harus setelah "
            f"tanggal lahir ({_long_date(birth)})."
        )
    if (tmt_year, tmt_month) > (today.year, today.month):
        raise NipError(
            f"TMT pengangkatan dalam NIP ({_month_year(tmt_year, tmt_month)}) "
            "belum terjadi."
        )

    gender_digit = nip[14]
    if gender_digit not in "12":
        raise NipError(
            "Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), "
            f"bukan {gender_digit}."
        )
    gender = Gender.LAKI_LAKI if gender_digit == "1" else Gender.PEREMPUAN
    return NipInfo(
        nip=nip,
        birth_date=birth,
        tmt=dt.date(tmt_year, tmt_month, 1),
        gender=gender,
        serial=nip[15:18],
    )


def nip_error(raw: object, *, today: dt.date | None = None) -> str | None:
    """The Indonesian explanation of why a NIP is invalid, or None when it is valid."""
    try:
        parse_nip(raw, today=today)
    except NipError as exc:
        return str(exc)
    return None


def mask_nip(nip: str) -> str:
    """A NIP with its birth date hidden, for public pages: 19850822…796 → ********2015071796."""
    return "*" * 8 + nip[8:] if len(nip) == NIP_LENGTH else nip
