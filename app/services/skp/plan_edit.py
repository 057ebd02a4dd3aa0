"""Editing a draft SKP: the header (approach, lampiran), RHK and IKI. Only the pegawai edits, only
while the SKP is a draft or returned; every edit carries the plan's lock version, so a second tab
or device working on an older copy gets a conflict instead of overwriting."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from app.domain.skp import (
    Approach, Aspect, Direction, IndicatorDraft, Perspective, ResultKind, indicator_problems,
)
from app.extensions import db
from app.models import (Indicator, IndicatorPeriodTarget, Metric, OrgTarget, Period, Plan, PublicService, User,
                        WorkResult)
from app.models.base import utcnow
from app.security import can_edit_plan
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.audit import record
from app.services.ordering import move_in_list
from app.services.skp.plan_rules import org_target_problem, parent_problem

MAX_TEXT = 2000


@dataclass
class ResultData:
    kind: ResultKind
    text: str
    parent_id: int | None = None
    org_target_id: int | None = None
    assigned_by: str | None = None


@dataclass
class IndicatorData:
    text: str
    aspect: Aspect | None = None
    target_value: Decimal | None = None
    target_high: Decimal | None = None
    unit: str | None = None
    direction: Direction = Direction.HIGHER
    cumulative: bool = True
    perspective: Perspective | None = None
    narrative_target: str | None = None
    period_targets: dict[int, Decimal] = field(default_factory=dict)  # period id -> value
    source: tuple[str, int] | None = None  # ("metrik", id) or ("ikm", id): the realisasi comes from data


def _guard(actor: User, plan: Plan, version: int | None) -> None:
    if not can_edit_plan(actor, plan):
        raise ServiceError("SKP ini tidak dapat diubah: hanya draf atau SKP yang dikembalikan yang "
                           "dapat diubah, dan hanya oleh pegawai yang bersangkutan.")
    if version is not None and version != plan.lock_version:
        raise ConflictError(
            "SKP ini telah diubah di tab atau perangkat lain sejak halaman ini dibuka. Perubahan Anda "
            "belum disimpan: muat ulang halaman, lalu ulangi."
        )


def _touch(plan: Plan) -> None:
    plan.updated_at = utcnow()  # every edit moves the plan's lock version on


def _audit(actor: User, plan: Plan, action: str, summary: str, **kwargs) -> None:
    record(actor, action, plan, object_type="plan", opd_id=plan.employee.unit.opd_id, summary=summary, **kwargs)


def _clean(text: str | None, field_name: str, label: str, *, required: bool = True) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ServiceError(f"{label} wajib diisi.", field=field_name)
    if len(text) > MAX_TEXT:
        raise ServiceError(f"{label} paling banyak {MAX_TEXT} karakter.", field=field_name)
    return text


def update_header(actor: User, plan: Plan, *, approach: Approach, resources: str, accountability: str,
                  consequences: str, version: int | None = None) -> None:
    """Pendekatan and the three lampiran lists (one item per line)."""
    _guard(actor, plan, version)
    if plan.is_jpt and approach != Approach.KUANTITATIF:
        raise ServiceError("SKP pejabat pimpinan tinggi memakai pendekatan kuantitatif.", field="approach")
    plan.approach = approach
    plan.resources = _clean(resources, "resources", "Dukungan sumber daya", required=False)
    plan.accountability = _clean(accountability, "accountability", "Skema pertanggungjawaban", required=False)
    plan.consequences = _clean(consequences, "consequences", "Konsekuensi", required=False)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.diubah", "Pendekatan dan lampiran SKP diubah.",
           after={"approach": approach.value})


def _resolve_result(plan: Plan, data: ResultData) -> dict:
    text = _clean(data.text, "text", "Rumusan RHK")
    parent = db.session.get(WorkResult, data.parent_id) if data.parent_id else None
    if data.parent_id and parent is None:
        raise ServiceError("RHK atasan yang dipilih tidak ditemukan.", field="parent_id")
    target = db.session.get(OrgTarget, data.org_target_id) if data.org_target_id else None
    if data.org_target_id and target is None:
        raise ServiceError("Sasaran organisasi yang dipilih tidak ditemukan.", field="org_target_id")
    if plan.is_jpt:
        parent = None
        message = org_target_problem(plan, target)
        if message:
            raise ServiceError(message, field="org_target_id")
    else:
        target = None
        message = parent_problem(plan, parent)
        if message:
            raise ServiceError(message, field="parent_id")
    return {
        "kind": data.kind, "text": text, "parent": parent, "org_target": target,
        "assigned_by": (data.assigned_by or "").strip()[:250] or None,
    }


def add_result(actor: User, plan: Plan, data: ResultData, *, version: int | None = None) -> WorkResult:
    _guard(actor, plan, version)
    values = _resolve_result(plan, data)
    position = max((r.position for r in plan.results if r.kind == data.kind), default=-1) + 1
    result = WorkResult(position=position, **values)
    plan.results.append(result)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.rhk_ditambah", f"RHK {data.kind.label.lower()} ditambahkan: {values['text'][:120]}")
    return result


def update_result(actor: User, plan: Plan, result: WorkResult, data: ResultData, *, version: int | None = None) -> None:
    _guard(actor, plan, version)
    if result.plan_id != plan.id:
        raise ServiceError("RHK tidak ditemukan pada SKP ini.")
    values = _resolve_result(plan, data)
    if values["kind"] != result.kind:
        result.position = max((r.position for r in plan.results if r.kind == data.kind), default=-1) + 1
    for key, value in values.items():
        setattr(result, key, value)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.rhk_diubah", f"RHK diubah: {values['text'][:120]}")


def delete_result(actor: User, plan: Plan, result: WorkResult, *, version: int | None = None) -> None:
    _guard(actor, plan, version)
    if result.plan_id != plan.id:
        raise ServiceError("RHK tidak ditemukan pada SKP ini.")
    plan.results.remove(result)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.rhk_dihapus", f"RHK dihapus: {result.text[:120]}")


def move_result(actor: User, plan: Plan, result: WorkResult, step: int, *, version: int | None = None) -> None:
    """Move an RHK one place up (-1) or down (+1) among RHK of the same kind."""
    _guard(actor, plan, version)
    siblings = [r for r in plan.results if r.kind == result.kind]
    move_in_list(siblings, result, step)
    _touch(plan)
    db.session.flush()


def _resolve_indicator(plan: Plan, data: IndicatorData) -> dict:
    text = (data.text or "").strip()
    narrative = (data.narrative_target or "").strip() or None
    draft = IndicatorDraft(
        ref="", text=text, aspect=data.aspect.value if data.aspect else None,
        target_value=data.target_value, target_high=data.target_high if data.direction == Direction.RANGE else None,
        unit=data.unit, direction=data.direction, narrative_target=narrative,
    )
    errors = [(p.field, p.message) for p in indicator_problems(draft, plan.approach)]
    for name, value, label in (("text", text, "Rumusan IKI"), ("narrative_target", narrative, "Target naratif")):
        if value and len(value) > MAX_TEXT:
            errors.append((name, f"{label} paling banyak {MAX_TEXT} karakter."))
    if plan.is_jpt and data.perspective is None and plan.approach == Approach.KUANTITATIF:
        errors.append(("perspective", "Pilih perspektif indikator pejabat pimpinan tinggi."))
    if errors:
        raise FieldErrors(errors)
    periods = {p.id for p in db.session.query(Period).filter(Period.year_id == plan.year_id)}
    for period_id, value in data.period_targets.items():
        if period_id not in periods:
            raise ServiceError("Periode target tidak dikenal.", field="period_targets")
        if value is not None and value < 0:
            raise ServiceError("Target periode tidak boleh negatif.", field="period_targets")
    metric_id, service_id = _source(plan, data.source)
    return {
        "source_metric_id": metric_id, "source_service_id": service_id,
        "text": text, "aspect": data.aspect, "target_value": data.target_value,
        "target_high": data.target_high if data.direction == Direction.RANGE else None,
        "unit": (data.unit or "").strip() or None, "direction": data.direction, "cumulative": data.cumulative,
        "perspective": data.perspective if plan.is_jpt else None, "narrative_target": narrative,
    }


def source_choices(plan: Plan) -> list[tuple[str, str]]:
    """The sources an IKI of this plan may take its realisasi from: the active metrics and layanan of
    the pegawai's OPD (two queries)."""
    opd_id = plan.employee.unit.opd_id if plan.employee.unit else None
    metrics = db.session.scalars(select(Metric).where(Metric.opd_id == opd_id, Metric.active.is_(True))
                                 .order_by(Metric.name))
    services = db.session.scalars(select(PublicService).where(PublicService.opd_id == opd_id,
                                                              PublicService.active.is_(True))
                                  .order_by(PublicService.name))
    return [(f"metrik:{m.id}", f"Metrik {m.code}: {m.name} ({m.measure_unit})") for m in metrics] + \
           [(f"ikm:{s.id}", f"IKM layanan {s.name} (survei kepuasan masyarakat)") for s in services]


def _source(plan: Plan, source: tuple[str, int] | None) -> tuple[int | None, int | None]:
    if source is None:
        return None, None
    if plan.approach == Approach.KUALITATIF:
        raise ServiceError("Realisasi uraian (kualitatif) tidak dapat diambil dari data.", field="source")
    allowed = {key for key, _ in source_choices(plan)}
    kind, ident = source
    if f"{kind}:{ident}" not in allowed:
        raise ServiceError("Pilih metrik atau layanan perangkat daerah Anda yang masih aktif.", field="source")
    return (ident, None) if kind == "metrik" else (None, ident)


def _set_period_targets(indicator: Indicator, targets: dict[int, Decimal]) -> None:
    existing = {t.period_id: t for t in indicator.period_targets}
    for period_id, value in targets.items():
        if value is None:
            if period_id in existing:
                indicator.period_targets.remove(existing[period_id])
        elif period_id in existing:
            existing[period_id].value = value
        else:
            indicator.period_targets.append(IndicatorPeriodTarget(period_id=period_id, value=value))


def add_indicator(actor: User, plan: Plan, result: WorkResult, data: IndicatorData, *,
                  version: int | None = None) -> Indicator:
    _guard(actor, plan, version)
    if result.plan_id != plan.id:
        raise ServiceError("RHK tidak ditemukan pada SKP ini.")
    values = _resolve_indicator(plan, data)
    indicator = Indicator(position=max((i.position for i in result.indicators), default=-1) + 1, **values)
    result.indicators.append(indicator)
    _set_period_targets(indicator, data.period_targets)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.iki_ditambah", f"IKI ditambahkan: {values['text'][:120]}")
    return indicator


def update_indicator(actor: User, plan: Plan, indicator: Indicator, data: IndicatorData, *,
                     version: int | None = None) -> None:
    _guard(actor, plan, version)
    if indicator.result.plan_id != plan.id:
        raise ServiceError("IKI tidak ditemukan pada SKP ini.")
    values = _resolve_indicator(plan, data)
    for key, value in values.items():
        setattr(indicator, key, value)
    _set_period_targets(indicator, data.period_targets)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.iki_diubah", f"IKI diubah: {values['text'][:120]}")


def delete_indicator(actor: User, plan: Plan, indicator: Indicator, *, version: int | None = None) -> None:
    _guard(actor, plan, version)
    if indicator.result.plan_id != plan.id:
        raise ServiceError("IKI tidak ditemukan pada SKP ini.")
    indicator.result.indicators.remove(indicator)
    _touch(plan)
    db.session.flush()
    _audit(actor, plan, "skp.iki_dihapus", f"IKI dihapus: {indicator.text[:120]}")


def move_indicator(actor: User, plan: Plan, indicator: Indicator, step: int, *, version: int | None = None) -> None:
    _guard(actor, plan, version)
    move_in_list(list(indicator.result.indicators), indicator, step)
    indicator.result.indicators.sort(key=lambda i: i.position)
    _touch(plan)
    db.session.flush()
