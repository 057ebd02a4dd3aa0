"""Business settings (kop surat, place, paper size, kepala daerah; the review rules: rating
thresholds, curve enforcement, keberatan window), and the seven BerAKHLAK core values every SKP,
period and document shows."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import CurveEnforcement, LatePolicy, PaperSize
from app.domain.scoring import parse_org_thresholds
from app.domain.tpp import DEFAULT_AWAY, DEFAULT_PREDIKAT, parse_away, parse_bands, parse_predikat_percents
from app.extensions import db
from app.models import AppSettings, CoreValue, User
from app.models.settings import SETTINGS_ID
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.audit import record

DEFAULTS = {
    "region_name": "Pemerintah Kabupaten",
    "document_place": "",
    "head_title": "Bupati",
    "head_name": "",
    "bkpsdm_title": "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "bkpsdm_name": "",
    "bkpsdm_nip": "",
    "paper_size": PaperSize.A4,
    "late_submission": LatePolicy.ALLOW_MARKED,
    "rating_above": 110,
    "rating_below": 90,
    "curve_enforcement": CurveEnforcement.WARN,
    "objection_days": 14,
    "day_minutes": 450,
    "day_limit_minutes": 720,
    "entry_days": 5,
    "verify_days": 5,
    "unverified_accepted": True,
    "work_start": dt.time(7, 30),
    "work_end": dt.time(16, 0),
    "friday_end": dt.time(16, 30),
    "tpp_productivity_weight": 60,
    "tpp_absent_percent": "3",
    "tpp_late_bands": "1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5",
    "tpp_early_bands": "1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5",
    "tpp_productivity_source": "AKTIVITAS",
    "tpp_predikat_percents": DEFAULT_PREDIKAT,
    "tpp_away_rules": DEFAULT_AWAY,
    "org_predikat_thresholds": "110; 90; 70; 50",
}
PRODUCTIVITY_SOURCES = {"AKTIVITAS": "Menit kegiatan harian yang diterima terhadap standar",
                        "PREDIKAT": "Predikat kinerja periode terakhir yang sudah dinilai"}
EDITABLE = tuple(DEFAULTS)
MAX_THRESHOLD = 200
OBJECTION_DAYS = (1, 90)


def check_review_settings(values: dict, current: AppSettings) -> None:
    """The rules the database also enforces, as messages at their fields: 0 < Di Bawah < Di Atas
    ≤ 200 (percent of capaian), a keberatan window of 1–90 days."""
    above = values.get("rating_above", current.rating_above)
    below = values.get("rating_below", current.rating_below)
    days = values.get("objection_days", current.objection_days)
    errors = []
    if above is None or not 0 < above <= MAX_THRESHOLD:
        errors.append(("rating_above", f"Ambang Di Atas Ekspektasi harus antara 1 dan {MAX_THRESHOLD} %."))
    if below is None or below <= 0:
        errors.append(("rating_below", "Ambang Di Bawah Ekspektasi harus lebih dari 0 %."))
    elif above is not None and below >= above:
        errors.append(("rating_below", f"Ambang Di Bawah Ekspektasi ({below} %) harus lebih kecil daripada ambang "
                                       f"Di Atas Ekspektasi ({above} %)."))
    if days is None or not OBJECTION_DAYS[0] <= days <= OBJECTION_DAYS[1]:
        errors.append(("objection_days", f"Batas waktu keberatan harus {OBJECTION_DAYS[0]} sampai "
                                         f"{OBJECTION_DAYS[1]} hari."))
    minutes = values.get("day_minutes", current.day_minutes)
    limit = values.get("day_limit_minutes", current.day_limit_minutes)
    if minutes is None or not 60 <= minutes <= 720:
        errors.append(("day_minutes", "Standar waktu kerja sehari harus 60 sampai 720 menit."))
    elif limit is None or not minutes <= limit <= 1440:
        errors.append(("day_limit_minutes", f"Batas waktu kegiatan sehari harus {minutes} sampai 1.440 menit."))
    start = values.get("work_start", current.work_start)
    for key, label in (("work_end", "Jam pulang"), ("friday_end", "Jam pulang hari Jumat")):
        end = values.get(key, getattr(current, key))
        if start is None:
            errors.append(("work_start", "Isi jam masuk kantor."))
            break
        if end is None or end <= start:
            errors.append((key, f"{label} harus setelah jam masuk ({start:%H.%M})."))
    weight = values.get("tpp_productivity_weight", current.tpp_productivity_weight)
    if weight is None or not 0 <= weight <= 100:
        errors.append(("tpp_productivity_weight", "Bobot produktivitas harus 0 sampai 100 %."))
    absent = str(values.get("tpp_absent_percent", current.tpp_absent_percent) or "").strip().replace(",", ".")
    try:
        if not 0 <= Decimal(absent) <= 100:
            raise ValueError
    except (ArithmeticError, ValueError):
        errors.append(("tpp_absent_percent", "Potongan per hari harus angka 0 sampai 100, mis. 3 atau 2,5."))
    for key in ("tpp_late_bands", "tpp_early_bands"):
        try:
            parse_bands(values.get(key, getattr(current, key)) or "")
        except ValueError as error:
            errors.append((key, f"{str(error)[:1].upper()}{str(error)[1:]}. Tulis seperti 1-30:0,5; 31-60:1; 91-:1,5 "
                                "(rentang menit mulai dari 1, berurutan, yang terakhir boleh terbuka)."))
    try:
        parse_org_thresholds(values.get("org_predikat_thresholds", current.org_predikat_thresholds) or "")
    except ValueError as error:
        errors.append(("org_predikat_thresholds", f"{str(error)[:1].upper()}{str(error)[1:]}."))
    if values.get("tpp_productivity_source", current.tpp_productivity_source) not in PRODUCTIVITY_SOURCES:
        errors.append(("tpp_productivity_source", "Pilih cara mengukur produktivitas."))
    for key, parse, example in (
            ("tpp_predikat_percents", parse_predikat_percents, DEFAULT_PREDIKAT),
            ("tpp_away_rules", parse_away, "Cuti:0; Sakit:0; Izin:1,5; Tugas belajar:hari")):
        text = values.get(key, getattr(current, key)) or ""
        try:
            parse(text)
            if len(text) > 300:
                raise ValueError("paling banyak 300 karakter")
        except ValueError as error:
            errors.append((key, f"{str(error)[:1].upper()}{str(error)[1:]}. Tulis seperti {example}."))
    for key, low in (("entry_days", 0), ("verify_days", 1)):
        days = values.get(key, getattr(current, key))
        if days is None or not low <= days <= 30:
            errors.append((key, f"Harus {low} sampai 30 hari kerja."))
    if errors:
        raise FieldErrors(errors)


def get_settings() -> AppSettings:
    """The settings row, or unsaved defaults when none was saved yet (a read never writes)."""
    settings = db.session.get(AppSettings, SETTINGS_ID)
    if settings is None:
        settings = AppSettings(id=SETTINGS_ID, version=0, logo=None, logo_mime=None, **DEFAULTS)
    return settings


_IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def checked_logo(data: bytes, max_bytes: int) -> tuple[bytes, str]:
    """An uploaded logo with its type read from its first bytes (never from its name): PNG or JPEG,
    at most `max_bytes`; otherwise refused at the logo field."""
    if len(data) > max_bytes:
        raise ServiceError(f"Logo lebih dari {max_bytes // (1024 * 1024) or 1} MB; perkecil gambarnya.", field="logo")
    mime = next((m for signature, m in _IMAGE_SIGNATURES.items() if data.startswith(signature)), None)
    if mime is None:
        raise ServiceError("Logo harus berupa gambar PNG atau JPEG.", field="logo")
    return data, mime


def _plain(value):
    """A setting as the audit trail stores it (a time of day as "07.30")."""
    return f"{value:%H.%M}" if isinstance(value, dt.time) else value


def update_settings(actor: User, values: dict, *, version: int | None = None,
                    logo: tuple[bytes, str] | None = None, remove_logo: bool = False) -> AppSettings:
    """Save the settings; `version` is the one the editor loaded (optimistic locking); `logo` a
    checked upload (`checked_logo`) that replaces the current one."""
    settings = db.session.get(AppSettings, SETTINGS_ID)
    if settings is None:
        settings = AppSettings(id=SETTINGS_ID, **DEFAULTS)
        db.session.add(settings)
        current_version = 0
    else:
        current_version = settings.version
    if version is not None and version != current_version:
        raise ConflictError(
            "Pengaturan telah diubah orang lain sejak halaman ini dibuka. Muat ulang halaman, "
            "periksa perubahannya, lalu simpan kembali."
        )
    check_review_settings(values, settings)
    before = {k: _plain(getattr(settings, k, None)) for k in EDITABLE}
    for key in EDITABLE:
        if key in values:
            setattr(settings, key, values[key])
    if remove_logo:
        settings.logo, settings.logo_mime = None, None
    if logo is not None:
        settings.logo, settings.logo_mime = logo
    after = {k: _plain(getattr(settings, k)) for k in EDITABLE}
    if remove_logo or logo is not None:
        after["logo"] = "dihapus" if remove_logo else "diganti"
    db.session.flush()
    record(actor, "pengaturan.diubah", settings, summary="Pengaturan instansi diubah.",
           before=before, after=after, object_type="app_settings")
    return settings


def core_values() -> list[CoreValue]:
    """The seven BerAKHLAK values with their guides, in order (two queries; also fills the identity
    map, so each Expectation.core_value is found without a query)."""
    return list(db.session.scalars(
        select(CoreValue).options(selectinload(CoreValue.guides)).order_by(CoreValue.position)))
