"""The metrics of the OPDs: made and changed by the pengelola kinerja of the OPD (or the super
admin), each with a code for files and pushes and, optionally, the token of the one system allowed
to push its values (a token of the *metrik* scope)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import ApiToken, Metric, OrgUnit, User
from app.security import admin_opd_ids, can_admin_opd
from app.services import ConflictError, ServiceError
from app.services.audit import record

CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{1,39}$")


@dataclass
class MetricData:
    unit_id: int
    code: str
    name: str
    measure_unit: str
    description: str | None = None
    source_token_id: int | None = None
    active: bool = True


def in_scope(actor: User) -> list[Metric]:
    query = select(Metric).options(joinedload(Metric.unit), joinedload(Metric.opd), joinedload(Metric.source_token)) \
        .join(OrgUnit, Metric.opd_id == OrgUnit.id).order_by(OrgUnit.name, Metric.name)
    scope = admin_opd_ids(actor)
    if scope is not None:
        query = query.where(Metric.opd_id.in_(scope or {-1}))
    return list(db.session.scalars(query).unique())


def may_manage(actor: User, metric: Metric) -> bool:
    return can_admin_opd(actor, metric.opd_id)


def push_tokens() -> list[ApiToken]:
    """The tokens that may push metric values (scope *metrik*, not revoked)."""
    return [t for t in db.session.scalars(select(ApiToken).where(ApiToken.revoked_at.is_(None))
                                          .order_by(ApiToken.name)) if "metrik" in (t.scopes or [])]


def _checked(actor: User, data: MetricData, metric: Metric | None) -> tuple[OrgUnit, dict]:
    unit = db.session.get(OrgUnit, data.unit_id) if data.unit_id else None
    if unit is None or unit.kind == OrgUnitKind.PEMDA or not unit.active or unit.opd_id is None:
        raise ServiceError("Pilih unit kerja yang aktif di sebuah perangkat daerah.", field="unit_id")
    if not can_admin_opd(actor, unit.opd_id):
        raise ServiceError("Unit kerja itu berada di luar perangkat daerah yang Anda kelola.", field="unit_id")
    code = (data.code or "").strip().upper()
    if not CODE.match(code):
        raise ServiceError("Kode 2–40 huruf besar, angka, titik, garis bawah atau tanda hubung, mis. KTP-WAKTU.",
                           field="code")
    other = db.session.scalar(select(Metric.id).where(func.upper(Metric.code) == code))
    if other is not None and (metric is None or other != metric.id):
        raise ServiceError(f"Kode {code} sudah dipakai metrik lain.", field="code")
    name = " ".join((data.name or "").split())
    if not name or len(name) > 200:
        raise ServiceError("Nama metrik wajib diisi (paling banyak 200 karakter).", field="name")
    measure = " ".join((data.measure_unit or "").split())
    if not measure or len(measure) > 50:
        raise ServiceError("Satuan wajib diisi (paling banyak 50 karakter), mis. hari atau dokumen.",
                           field="measure_unit")
    token = None
    if data.source_token_id:
        token = db.session.get(ApiToken, data.source_token_id)
        if token is None or token.revoked_at is not None or "metrik" not in (token.scopes or []):
            raise ServiceError("Pilih token API berlingkup metrik yang masih berlaku.", field="source_token_id")
    if data.description and len(data.description) > 2000:
        raise ServiceError("Keterangan paling banyak 2.000 karakter.", field="description")
    return unit, {"opd_id": unit.opd_id, "unit_id": unit.id, "code": code, "name": name, "measure_unit": measure,
                  "description": (data.description or "").strip() or None,
                  "source_token_id": token.id if token else None, "active": data.active}


def _plain(values: dict, unit: OrgUnit, token_name: str | None) -> dict:
    return {"code": values["code"], "name": values["name"], "measure_unit": values["measure_unit"],
            "unit": unit.name, "source_token": token_name, "active": values["active"]}


def create(actor: User, data: MetricData) -> Metric:
    unit, values = _checked(actor, data, None)
    metric = Metric(**values, created_by_id=actor.id)
    db.session.add(metric)
    db.session.flush()
    record(actor, "metrik.dibuat", metric, opd_id=metric.opd_id, summary=f"Metrik {metric.code} ({metric.name}) dibuat",
           after=_plain(values, unit, metric.source_token.name if metric.source_token else None))
    return metric


def update(actor: User, metric: Metric, data: MetricData, *, version: int) -> Metric:
    if not may_manage(actor, metric):
        raise ServiceError("Anda tidak mengelola metrik ini.")
    if version != metric.version:
        raise ConflictError("Metrik ini baru saja diubah orang lain; muat ulang halaman dan ulangi perubahan Anda.")
    before = _plain({"code": metric.code, "name": metric.name, "measure_unit": metric.measure_unit,
                     "active": metric.active}, metric.unit, metric.source_token.name if metric.source_token else None)
    unit, values = _checked(actor, data, metric)
    for key, value in values.items():
        setattr(metric, key, value)
    db.session.flush()
    db.session.refresh(metric)
    record(actor, "metrik.diubah", metric, opd_id=metric.opd_id, summary=f"Metrik {metric.code} diubah", before=before,
           after=_plain(values, unit, metric.source_token.name if metric.source_token else None))
    return metric
