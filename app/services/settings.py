"""Business settings (kop surat, place, paper size, kepala daerah)."""
from __future__ import annotations

from app.domain.enums import CurveEnforcement, LatePolicy, PaperSize
from app.extensions import db
from app.models import AppSettings, User
from app.models.settings import SETTINGS_ID
from app.services import ConflictError
from app.services.audit import record

DEFAULTS = {
    "region_name": "Pemerintah Kabupaten",
    "document_place": "",
    "head_title": "Bupati",
    "head_name": "",
    "paper_size": PaperSize.A4,
    "late_submission": LatePolicy.ALLOW_MARKED,
    "rating_above": 110,
    "rating_below": 90,
    "curve_enforcement": CurveEnforcement.WARN,
    "objection_days": 14,
}
EDITABLE = tuple(DEFAULTS)


def get_settings() -> AppSettings:
    """The settings row, or unsaved defaults when none was saved yet (a read never writes)."""
    settings = db.session.get(AppSettings, SETTINGS_ID)
    if settings is None:
        settings = AppSettings(id=SETTINGS_ID, version=0, logo=None, logo_mime=None, **DEFAULTS)
    return settings


def update_settings(actor: User, values: dict, *, version: int | None = None,
                    logo: tuple[bytes, str] | None = None, remove_logo: bool = False) -> AppSettings:
    """Save the settings; `version` is the one the editor loaded (optimistic locking)."""
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
    before = {k: getattr(settings, k, None) for k in EDITABLE}
    for key in EDITABLE:
        if key in values:
            setattr(settings, key, values[key])
    if remove_logo:
        settings.logo, settings.logo_mime = None, None
    if logo is not None:
        settings.logo, settings.logo_mime = logo
    after = {k: getattr(settings, k) for k in EDITABLE}
    if remove_logo or logo is not None:
        after["logo"] = "dihapus" if remove_logo else "diganti"
    db.session.flush()
    record(actor, "pengaturan.diubah", settings, summary="Pengaturan instansi diubah.",
           before=before, after=after, object_type="app_settings")
    return settings
