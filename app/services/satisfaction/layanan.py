"""The layanan of a unit the public is surveyed about: made and changed by the pengelola kinerja of
its OPD (or the super admin), each with a public code for its survey page and QR poster, and an
optional kiosk link whose key is shown once and kept only as a hash."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import OrgUnit, PublicService, SurveyResponse, User
from app.security import admin_opd_ids, can_admin_opd
from app.services import ConflictError, ServiceError
from app.services.audit import record

PERIOD_KINDS = {"TRIWULAN": "Triwulan", "SEMESTER": "Semester", "TAHUN": "Tahunan"}
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


@dataclass
class ServiceData:
    unit_id: int
    name: str
    description: str | None
    period_kind: str
    active: bool = True


def new_code() -> str:
    """A public code for /survei/<code>: ten characters that say nothing of the unit."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def in_scope(actor: User):
    """The layanan the actor manages, with their units, by OPD and name."""
    query = select(PublicService).options(joinedload(PublicService.unit), joinedload(PublicService.opd)) \
        .join(OrgUnit, PublicService.opd_id == OrgUnit.id).order_by(OrgUnit.name, PublicService.name)
    scope = admin_opd_ids(actor)
    if scope is not None:
        query = query.where(PublicService.opd_id.in_(scope or {-1}))
    return list(db.session.scalars(query).unique())


def counts(service_ids: list[int]) -> dict[int, tuple[int, int]]:
    """service → (responses counted, responses set aside), in one query."""
    rows = db.session.execute(
        select(SurveyResponse.service_id, func.count(SurveyResponse.id), func.count(SurveyResponse.set_aside_at))
        .where(SurveyResponse.service_id.in_(service_ids or [-1])).group_by(SurveyResponse.service_id))
    return {service_id: (total - aside, aside) for service_id, total, aside in rows}


def may_manage(actor: User, service: PublicService) -> bool:
    return can_admin_opd(actor, service.opd_id)


def _checked(actor: User, data: ServiceData) -> tuple[OrgUnit, str]:
    unit = db.session.get(OrgUnit, data.unit_id) if data.unit_id else None
    if unit is None or unit.kind == OrgUnitKind.PEMDA or not unit.active or unit.opd_id is None:
        raise ServiceError("Pilih unit kerja yang aktif di sebuah perangkat daerah.", field="unit_id")
    if not can_admin_opd(actor, unit.opd_id):
        raise ServiceError("Unit kerja itu berada di luar perangkat daerah yang Anda kelola.", field="unit_id")
    name = " ".join((data.name or "").split())
    if not name:
        raise ServiceError("Nama layanan wajib diisi, mis. 'Penerbitan KTP-el'.", field="name")
    if len(name) > 200:
        raise ServiceError("Nama layanan paling banyak 200 karakter.", field="name")
    if data.period_kind not in PERIOD_KINDS:
        raise ServiceError("Pilih periode survei.", field="period_kind")
    if data.description and len(data.description) > 2000:
        raise ServiceError("Keterangan paling banyak 2.000 karakter.", field="description")
    same = db.session.scalar(select(PublicService.id).where(PublicService.unit_id == unit.id,
                                                            func.lower(PublicService.name) == name.lower()))
    return unit, name if same is None else ""


def create(actor: User, data: ServiceData) -> PublicService:
    unit, name = _checked(actor, data)
    if not name:
        raise ServiceError("Unit ini sudah memiliki layanan dengan nama itu.", field="name")
    service = PublicService(opd_id=unit.opd_id, unit_id=unit.id, name=name,
                            description=(data.description or "").strip() or None, code=new_code(),
                            period_kind=data.period_kind, active=data.active, created_by_id=actor.id)
    db.session.add(service)
    db.session.flush()
    record(actor, "layanan.dibuat", service, opd_id=service.opd_id,
           summary=f"Layanan {name} ({unit.name}) dibuat untuk Survei Kepuasan Masyarakat",
           after={"name": name, "unit": unit.name, "period_kind": data.period_kind, "active": data.active})
    return service


def update(actor: User, service: PublicService, data: ServiceData, *, version: int) -> PublicService:
    if not may_manage(actor, service):
        raise ServiceError("Anda tidak mengelola layanan ini.")
    if version != service.version:
        raise ConflictError("Layanan ini baru saja diubah orang lain; muat ulang halaman dan ulangi perubahan Anda.")
    unit, name = _checked(actor, data)
    clean = " ".join((data.name or "").split())
    if not name and clean.lower() != service.name.lower():
        raise ServiceError("Unit ini sudah memiliki layanan dengan nama itu.", field="name")
    before = {"name": service.name, "unit": service.unit.name, "period_kind": service.period_kind,
              "active": service.active, "description": service.description}
    service.opd_id, service.unit_id, service.name = unit.opd_id, unit.id, clean
    service.description = (data.description or "").strip() or None
    service.period_kind, service.active = data.period_kind, data.active
    db.session.flush()
    after = {"name": service.name, "unit": unit.name, "period_kind": service.period_kind,
             "active": service.active, "description": service.description}
    record(actor, "layanan.diubah", service, opd_id=service.opd_id, summary=f"Layanan {service.name} diubah",
           before=before, after=after)
    return service


def new_kiosk_key(actor: User, service: PublicService) -> str:
    """A new key for the kiosk link (the old link stops working); shown once, kept as a hash."""
    if not may_manage(actor, service):
        raise ServiceError("Anda tidak mengelola layanan ini.")
    key = secrets.token_urlsafe(18)
    service.kiosk_key_sha256 = hashlib.sha256(key.encode()).hexdigest()
    db.session.flush()
    record(actor, "layanan.tautan_kios_dibuat", service, opd_id=service.opd_id,
           summary=f"Tautan kios baru untuk layanan {service.name} (tautan lama tidak berlaku)")
    return key


def kiosk_key_valid(service: PublicService, key: str | None) -> bool:
    import hmac

    if not key or not service.kiosk_key_sha256:
        return False
    return hmac.compare_digest(hashlib.sha256(key.encode()).hexdigest(), service.kiosk_key_sha256)


def by_code(code: str) -> PublicService | None:
    """The layanan of a survey page's code, with its unit and OPD (one query)."""
    if not code or len(code) > 16 or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return db.session.scalar(select(PublicService).options(joinedload(PublicService.unit), joinedload(PublicService.opd))
                             .where(PublicService.code == code))
