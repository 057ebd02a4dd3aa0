"""Pieces every document snapshot shares: the kop, the people in the identity tables, the signature
blocks with their electronic approvals, and Indonesian display strings for dates and targets.
Everything returned is plain JSON data (str/int/bool/None/list/dict)."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import select

from app.domain.nip import MONTHS_ID
from app.domain.skp import Approach, Direction
from app.extensions import db
from app.formatting import desimal, tanggal, tanggal_jam
from app.models import ActingAssignment, AppraisalYear, Employee, Indicator, OrgUnit, User
from app.services import ServiceError
from app.services.charts import percent
from app.services.settings import get_settings

ACTING_PREFIXES = ("Plt.", "Plh.")
GROUP_JF = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
GROUP_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
DASH = "–"


class DocumentUnavailable(ServiceError):
    """The approval a document depends on does not exist (yet)."""


def kop(opd_name: str = "") -> dict[str, Any]:
    """The letterhead: the region's name, the OPD, and the logo of the settings by its SHA-256 (the
    image itself, up to 1 MB, would otherwise be copied into every stored snapshot); a new logo
    changes the snapshot, so documents are re-issued with it."""
    settings = get_settings()
    logo = hashlib.sha256(settings.logo).hexdigest() if settings.logo and settings.logo_mime else None
    return {"region_name": settings.region_name or "", "logo_sha256": logo, "opd_name": opd_name or ""}


def logo_data_uri(sha256: str | None) -> str | None:
    """The logo of the settings as a data: URI when it is the one a snapshot names, else None."""
    settings = get_settings()
    if not sha256 or not settings.logo or not settings.logo_mime:
        return None
    if hashlib.sha256(settings.logo).hexdigest() != sha256:
        return None
    return f"data:{settings.logo_mime};base64,{base64.b64encode(settings.logo).decode('ascii')}"


def paper_size() -> str:
    return get_settings().paper_size.value


def place_date(day: dt.date | dt.datetime | None) -> str:
    """"Tanjung Harapan, 18 Januari 2026" (the place from the settings; the date of the approval)."""
    place = (get_settings().document_place or "").strip()
    when = tanggal(day) if day is not None else "...................."
    return f"{place}, {when}" if place else when


def year_span(year: AppraisalYear | int) -> str:
    """"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026"."""
    number = year if isinstance(year, int) else year.year
    return f"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN {number}"


def date_span(start: dt.date, end: dt.date) -> str:
    """"PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2026"."""
    first = f"{start.day} {MONTHS_ID[start.month - 1].upper()}"
    if start.year != end.year:
        first += f" {start.year}"
    return f"PERIODE PENILAIAN: {first} SD {end.day} {MONTHS_ID[end.month - 1].upper()} TAHUN {end.year}"


def approach_line(approach: Approach) -> str:
    return f"PENDEKATAN HASIL KERJA {approach.value}"


def acting_prefix(title: str | None) -> str:
    """"Plt." or "Plh." when the signing title says the official acts for the post, else ""."""
    text = (title or "").strip()
    return next((p for p in ACTING_PREFIXES if text.startswith(p)), "")


def without_prefix(title: str | None) -> str:
    text = (title or "").strip()
    prefix = acting_prefix(text)
    return text[len(prefix):].strip() if prefix else text


# --- people ----------------------------------------------------------------------------------


def unit_text(person: dict) -> str:
    unit, opd = (person.get("unit") or "").strip(), (person.get("opd") or "").strip()
    if opd and opd != unit:
        return f"{unit}, {opd}" if unit else opd
    return unit


def person(frozen: dict | None) -> dict[str, Any] | None:
    """An identity column from a person frozen into the SKP (plans.person_snapshot)."""
    if not frozen:
        return None
    return {"name": frozen.get("name") or "", "nip": frozen.get("nip") or "", "pangkat": frozen.get("grade") or "",
            "jabatan": frozen.get("position") or "", "unit": unit_text(frozen), "unit_label": "UNIT KERJA",
            "external": False}


def external_person(name: str, title: str | None) -> dict[str, Any]:
    """A non-ASN assessor (the Bupati): no NIP, no pangkat; row 5 names the instansi."""
    return {"name": name, "nip": "", "pangkat": "", "jabatan": title or "", "unit": get_settings().region_name or "",
            "unit_label": "INSTANSI", "external": True}


def live_person(employee: Employee | None) -> dict[str, Any] | None:
    """An identity column from the pegawai's current record (needs employee.unit.opd loaded)."""
    if employee is None:
        return None
    from app.services.skp.plans import person_snapshot

    return person(person_snapshot(employee))


def plan_people(plan) -> tuple[dict | None, dict | None, dict | None]:
    """(pegawai, Pejabat Penilai, Atasan Pejabat Penilai) as frozen into the SKP."""
    frozen = plan.snapshot or {}
    employee = person(frozen.get("employee")) or live_person(plan.employee)
    external = frozen.get("external_assessor")
    assessor = person(frozen.get("assessor"))
    if assessor is None and external:
        assessor = external_person(external.get("name") or "", external.get("title"))
    return employee, assessor, person(frozen.get("second_assessor"))


def signer(user: User | None, title: str | None, fallback: dict | None) -> dict | None:
    """Who signed as the Pejabat Penilai: the account's pegawai (with the jabatan they signed as,
    e.g. "Plt. Kepala Bidang …"), else the person frozen into the SKP."""
    base = dict(fallback) if fallback else None
    employee = user.employee if user is not None else None
    external = bool(base and base.get("external"))
    if employee is not None and not external and (base is None or base.get("nip") != employee.nip):
        base = live_person(employee)
    if base is not None and title and acting_prefix(title) and not base.get("external"):
        base["jabatan"] = title
        unit = _acting_unit(employee, title) if employee is not None else None
        if unit:
            base["unit"] = unit  # the unit of the post acted for, not the official's own
    return base


def _acting_unit(employee: Employee, title: str) -> str | None:
    """The unit of the Plt./Plh. post `employee` signed as (the newest such assignment)."""
    return db.session.scalar(
        select(OrgUnit.name).join(ActingAssignment, ActingAssignment.unit_id == OrgUnit.id)
        .where(ActingAssignment.acting_employee_id == employee.id,
               ActingAssignment.position == without_prefix(title))
        .order_by(ActingAssignment.start_date.desc()).limit(1))


# --- signatures ------------------------------------------------------------------------------


def approval(name: str, nip: str | None, at: dt.datetime | None, *, verb: str = "Disetujui",
             recorded_by: str | None = None) -> dict[str, Any] | None:
    """A step of the workflow as a signature block prints it: "Diajukan / Disetujui secara
    elektronik oleh <name> (<nip>) pada <when>", or for a step recorded on someone's behalf "Dicatat
    secara elektronik oleh <recorder> atas nama <name> pada <when>"."""
    if at is None:
        return None
    return {"name": name, "nip": nip or "", "at": tanggal_jam(at), "verb": verb, "recorded_by": recorded_by}


def signature(role: str, who: dict | None, *, side: str, place_date_text: str = "", title: str | None = None,
              approved: dict | None = None) -> dict[str, Any]:
    """One signature block; `title` is the signing title (its Plt./Plh. prefix goes in front)."""
    who = who or {}
    jabatan = title if title is not None else who.get("jabatan", "")
    return {"role": role, "side": side, "place_date": place_date_text, "name": who.get("name") or "",
            "nip": who.get("nip") or "", "pangkat": who.get("pangkat") or "",
            "position": without_prefix(jabatan), "acting_prefix": acting_prefix(jabatan),
            "approval": approved}


def recorded_approval(user: User | None, at: dt.datetime | None, fallback: dict | None, *,
                      verb: str = "Disetujui") -> dict | None:
    """The electronic step of `user` at `at` ("Disetujui", or the pegawai's "Diajukan"). When the
    signer has no account (the kepala daerah), the block names who recorded it on their behalf."""
    if at is None:
        return None
    employee = user.employee if user is not None else None
    if fallback and fallback.get("external"):
        return approval(fallback.get("name") or "", "", at, verb=verb,
                        recorded_by=user.name if user is not None else "pengelola kinerja")
    if employee is not None:
        return approval(employee.name, employee.nip, at, verb=verb)
    if fallback:
        return approval(fallback.get("name") or "", fallback.get("nip"), at, verb=verb)
    return approval(user.name if user is not None else "", None, at, verb=verb)


def subject(employee: dict | None, period_label: str, predikat: str | None = None,
            unit_name: str = "") -> dict[str, Any]:
    """What the verification page shows of the document's subject."""
    employee = employee or {}
    return {"employee_name": employee.get("name") or None, "nip": employee.get("nip") or None,
            "period_label": period_label, "predikat": predikat, "unit_name": unit_name or employee.get("unit") or ""}


# --- numbers ---------------------------------------------------------------------------------


def amount(value, unit: str | None) -> str:
    if value is None:
        return DASH
    return f"{desimal(value)} {unit}".strip() if unit else desimal(value)


def target_text(indicator: Indicator, approach: Approach, value=None, high=None) -> str:
    """The target as printed: "12 Dokumen", "2 – 8 °C", or the narrative (kualitatif)."""
    if approach == Approach.KUALITATIF:
        return (indicator.narrative_target or "").strip() or DASH
    value = indicator.target_value if value is None else value
    high = indicator.target_high if high is None else high
    if value is None:
        return DASH
    if indicator.direction == Direction.RANGE and high is not None:
        return f"{desimal(value)} – {amount(high, indicator.unit)}"
    return amount(value, indicator.unit)


def direction_note(indicator: Indicator, approach: Approach) -> str:
    if approach == Approach.KUALITATIF or indicator.direction == Direction.HIGHER:
        return ""
    return indicator.direction.label.lower()


def capaian_text(value) -> str:
    return percent(value) if value is not None else DASH


def lines(text: str | None) -> list[str]:
    """A free-text list (one item per line) as its non-empty items."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
