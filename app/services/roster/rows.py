"""Checking one roster row on its own: every column's value against RULES.md §9 and IMPORT.md.
Checks that need other rows or the database (duplicates, atasan, cycles, scope) are the
planner's."""
from __future__ import annotations

import datetime as dt
import re

from email_validator import EmailNotValidError, validate_email

from app.domain.enums import EmploymentStatus, PositionKind
from app.domain.grades import GradeError, parse_grade
from app.domain.nip import NipError, parse_nip
from app.services.roster.plan import RosterRecord, RowError
from app.services.roster.reader import Roster, RosterRow, cell_nip, cell_text

MAX_UNIT_DEPTH = 6

_KINDS = {
    PositionKind.JPT: ("jpt", "pimpinan tinggi", "jpt pratama", "jpt madya", "pimpinan tinggi pratama",
                       "pimpinan tinggi madya", "eselon ii", "eselon ii.a", "eselon ii.b"),
    PositionKind.ADMINISTRATOR: ("administrator", "eselon iii", "eselon iii.a", "eselon iii.b"),
    PositionKind.PENGAWAS: ("pengawas", "eselon iv", "eselon iv.a", "eselon iv.b"),
    PositionKind.PELAKSANA: ("pelaksana", "fungsional umum", "jfu"),
    PositionKind.FUNGSIONAL: ("fungsional", "fungsional tertentu", "jft", "jf"),
}
_KIND_BY_ALIAS = {alias: kind for kind, aliases in _KINDS.items() for alias in aliases}
_UNIT_SEPARATOR = re.compile(r"\s+/\s*|\s*/\s+")


def parse_position_kind(raw: object) -> PositionKind | None:
    """Jenis jabatan from its name, label or a common alias ("Pimpinan Tinggi", "JPT Pratama")."""
    text = " ".join(str(raw or "").replace("(", " ").replace(")", " ").split()).casefold()
    text = text.removeprefix("jabatan ").strip()
    return PositionKind.parse(text) or _KIND_BY_ALIAS.get(text)


def parse_unit_path(raw: object) -> tuple[str, ...]:
    """"Sekretariat / Subbagian Umum" → ("Sekretariat", "Subbagian Umum"); raise ValueError."""
    text = cell_text(raw)
    if not text:
        return ()
    parts = tuple(" ".join(part.split()) for part in _UNIT_SEPARATOR.split(text))
    if any(not part for part in parts):
        raise ValueError(f"Unit Kerja '{text}' memuat tingkat yang kosong; pisahkan tingkat dengan ' / '.")
    if len(parts) > MAX_UNIT_DEPTH:
        raise ValueError(f"Unit Kerja paling banyak {MAX_UNIT_DEPTH} tingkat di bawah perangkat daerah.")
    long = [part for part in parts if len(part) > 200]
    if long:
        raise ValueError(f"Nama unit '{long[0][:40]}…' lebih dari 200 karakter.")
    return parts


def _required_text(value: object, what: str, limit: int) -> str:
    text = cell_text(value)
    if not text:
        raise ValueError(f"{what} wajib diisi.")
    if len(text) > limit:
        raise ValueError(f"{what} paling banyak {limit} karakter; terisi {len(text)}.")
    return text


def _email(value: object) -> str | None:
    text = "".join(cell_text(value).split())
    if not text:
        return None
    if len(text) > 254:
        raise ValueError("Alamat email terlalu panjang.")
    try:
        return validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise ValueError(f"Alamat email '{text}' tidak valid.") from None


def parse_row(row: RosterRow, roster: Roster, *, today: dt.date) -> tuple[RosterRecord | None, list[RowError], str | None]:
    """The row's values ready to store, or the errors found in it (one per bad column); and
    the row's NIP when that at least is valid (to find duplicates and atasan in bad rows too)."""
    values, errors, out = row.values, [], {}

    def check(key: str, convert):
        try:
            out[key] = convert(values.get(key))
        except (ValueError, NipError, GradeError) as exc:
            errors.append(RowError(row.number, roster.column(key), str(exc)))

    check("nip", lambda v: parse_nip(cell_nip(v), today=today))
    check("name", lambda v: _required_text(v, "Nama", 200))
    check("status", _status)
    if "status" in out:
        check("grade", lambda v: _grade(out["status"], v))
    check("position", lambda v: _required_text(v, "Jabatan", 250))
    check("position_kind", _position_kind)
    check("opd", lambda v: _required_text(v, "Perangkat Daerah", 200))
    check("unit", parse_unit_path)
    check("assessor_nip", lambda v: _assessor_nip(v, today))
    check("email", _email)
    check("job_class", _job_class)
    if "nip" in out and out.get("assessor_nip") == out["nip"].nip:
        errors.append(RowError(row.number, roster.column("assessor_nip"),
                               "Pegawai tidak dapat menjadi atasannya sendiri."))
    nip = out["nip"].nip if "nip" in out else None
    if errors:
        return None, errors, nip
    return RosterRecord(
        row=row.number, info=out["nip"], name=out["name"], status=out["status"],
        grade_code=out["grade"], position=out["position"], position_kind=out["position_kind"],
        opd_name=out["opd"], unit_path=out["unit"], assessor_nip=out["assessor_nip"], email=out["email"],
        job_class=out["job_class"],
    ), [], nip


def _job_class(value: object) -> int | None:
    """Kelas jabatan 1–17 (empty: not recorded)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value) if not isinstance(value, int) or isinstance(value, bool) else str(value)
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 17:
        raise ValueError(f"Kelas jabatan '{text[:20]}' tidak valid; tulis angka 1 sampai 17, atau kosongkan.")
    return int(text)


def _status(value: object) -> EmploymentStatus:
    text = cell_text(value)
    status = EmploymentStatus.parse(text)
    if status is None:
        raise ValueError(f"Status Kepegawaian '{text}' tidak dikenal; isi PNS atau PPPK."
                         if text else "Status Kepegawaian wajib diisi (PNS atau PPPK).")
    return status


def _grade(status: EmploymentStatus, value: object) -> str | None:
    text = cell_text(value)
    if not text:
        if status == EmploymentStatus.PPPK:
            return None
        raise ValueError("Pangkat/golongan wajib diisi untuk PNS, misalnya 'Penata Tingkat I (III/d)' atau 'III/d'.")
    return parse_grade(status, text).code


def _position_kind(value: object) -> PositionKind:
    kind = parse_position_kind(value)
    if kind is None:
        text = cell_text(value)
        raise ValueError(
            (f"Jenis Jabatan '{text}' tidak dikenal" if text else "Jenis Jabatan wajib diisi")
            + "; isi JPT, Administrator, Pengawas, Pelaksana, atau Fungsional."
        )
    return kind


def _assessor_nip(value: object, today: dt.date) -> str | None:
    text = cell_nip(value)
    return parse_nip(text, today=today).nip if text else None
