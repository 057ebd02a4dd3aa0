"""The indicator library: starting RHK and IKI per jabatan, kept by any pengelola kinerja for the
whole kabupaten and offered when a pegawai drafts an SKP."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, distinct, func, or_, select
from sqlalchemy.orm import selectinload

from app.domain.skp import Approach, Aspect, Direction, IndicatorDraft, ResultKind, indicator_problems
from app.extensions import db
from app.models import Employee, LibraryIndicator, LibraryResult, User
from app.models.library import position_key
from app.services import FieldErrors
from app.services.audit import changed_fields, describe_changes, record
from app.services.ordering import move_in_list
from app.services.skp.org_targets import flush_or_conflict, plain_number

MAX_SUGGESTIONS = 2000


@dataclass
class LibraryIndicatorData:
    aspect: Aspect | None
    text: str
    target_value: Decimal | None
    target_high: Decimal | None
    unit: str | None
    direction: Direction
    cumulative: bool


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def positions_query(search: str = "") -> Select:
    """The jabatan keys in the library (alphabetical by name); with `search`, those whose name
    or one of whose RHK texts contains it. Paginate this, then ask `position_rows`."""
    query = (select(LibraryResult.position_key).group_by(LibraryResult.position_key)
             .order_by(func.min(LibraryResult.position_name), LibraryResult.position_key))
    text = _clean(search)
    if text:
        query = query.where(or_(
            LibraryResult.position_name.ilike(_like(text), escape="\\"),
            LibraryResult.text.ilike(_like(text), escape="\\"),
        ))
    return query


def position_rows(keys: list[str]) -> list:
    """For each key, in the given order: key, name, number of RHK (utama, tambahan) and of IKI."""
    if not keys:
        return []
    results = func.count(distinct(LibraryResult.id))
    rows = db.session.execute(
        select(LibraryResult.position_key.label("key"), func.min(LibraryResult.position_name).label("name"),
               results.filter(LibraryResult.kind == ResultKind.UTAMA).label("utama"),
               results.filter(LibraryResult.kind == ResultKind.TAMBAHAN).label("tambahan"),
               func.count(LibraryIndicator.id).label("indicators"))
        .outerjoin(LibraryIndicator, LibraryIndicator.result_id == LibraryResult.id)
        .where(LibraryResult.position_key.in_(keys))
        .group_by(LibraryResult.position_key)
    ).all()
    by_key = {row.key: row for row in rows}
    return [by_key[key] for key in keys if key in by_key]


def entries_for(name: str) -> list[LibraryResult]:
    """The library's RHK (utama first) with their IKI for one jabatan."""
    return list(db.session.scalars(
        select(LibraryResult).where(LibraryResult.position_key == position_key(name))
        .options(selectinload(LibraryResult.indicators))
        .order_by(LibraryResult.kind.desc(), LibraryResult.sort_order, LibraryResult.id)
    ))


def position_suggestions() -> list[str]:
    """Jabatan names in use by active pegawai, for the <datalist> of the jabatan field."""
    return list(db.session.scalars(
        select(distinct(Employee.position)).where(Employee.active.is_(True))
        .order_by(Employee.position).limit(MAX_SUGGESTIONS)
    ))


def result_snapshot(result: LibraryResult) -> dict:
    """The audited fields of a library RHK."""
    return {"position_name": result.position_name, "kind": result.kind, "text": result.text}


def indicator_snapshot(indicator: LibraryIndicator) -> dict:
    """The audited fields of a library IKI, as plain values."""
    return {
        "aspect": indicator.aspect, "text": indicator.text, "target_value": plain_number(indicator.target_value),
        "target_high": plain_number(indicator.target_high), "target_unit": indicator.unit,
        "direction": indicator.direction, "cumulative": indicator.cumulative,
    }


def _siblings(key: str, kind: ResultKind) -> list[LibraryResult]:
    return list(db.session.scalars(
        select(LibraryResult).where(LibraryResult.position_key == key, LibraryResult.kind == kind)
        .order_by(LibraryResult.sort_order, LibraryResult.id)
    ))


def _next_order(siblings: list) -> int:
    return max((s.sort_order for s in siblings), default=-1) + 1


def _result_values(position_name: str, kind: ResultKind | None, text: str) -> dict:
    errors = []
    name, text = _clean(position_name), (text or "").strip()
    if not name:
        errors.append(("position_name", "Nama jabatan wajib diisi."))
    if kind is None:
        errors.append(("kind", "Pilih jenis RHK (utama atau tambahan)."))
    if not text:
        errors.append(("text", "Rumusan RHK wajib diisi."))
    if errors:
        raise FieldErrors(errors)
    return {"position_name": name, "position_key": position_key(name), "kind": kind, "text": text}


def create_result(actor: User | None, position_name: str, kind: ResultKind | None, text: str) -> LibraryResult:
    """Add a starting RHK for a jabatan, last in its group (utama/tambahan)."""
    values = _result_values(position_name, kind, text)
    result = LibraryResult(sort_order=_next_order(_siblings(values["position_key"], kind)), **values)
    db.session.add(result)
    db.session.flush()
    record(actor, "pustaka_rhk.dibuat", result,
           summary=f"Pustaka {result.position_name}: RHK {kind.label.lower()} ditambahkan.",
           after=result_snapshot(result))
    return result


def update_result(actor: User | None, result: LibraryResult, position_name: str,
                  kind: ResultKind | None, text: str) -> LibraryResult:
    """Change an RHK's jabatan, kind or text; a new group puts it last there."""
    values = _result_values(position_name, kind, text)
    before = result_snapshot(result)
    if (values["position_key"], kind) != (result.position_key, result.kind):
        values["sort_order"] = _next_order(_siblings(values["position_key"], kind))
    for key, value in values.items():
        setattr(result, key, value)
    flush_or_conflict()
    changes = changed_fields(before, result_snapshot(result))
    if changes:
        record(actor, "pustaka_rhk.diubah", result,
               summary=f"Pustaka {result.position_name}: RHK diubah ({describe_changes(changes)}).",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return result


def delete_result(actor: User | None, result: LibraryResult) -> None:
    """Delete a starting RHK with its IKI (SKP already drafted from it keep their copy)."""
    snapshot = result_snapshot(result)
    snapshot["indicators"] = [i.text for i in result.indicators]
    record(actor, "pustaka_rhk.dihapus", result,
           summary=f"Pustaka {result.position_name}: RHK dihapus beserta {len(result.indicators)} IKI.",
           before=snapshot)
    db.session.delete(result)
    flush_or_conflict()


def _swap(items: list, item, step: int) -> int | None:
    """Move `item` by `step` in `items` and renumber sort_order; the new index, or None at an edge."""
    moved = move_in_list(items, item, step, "sort_order")
    if moved is not None:
        flush_or_conflict()
    return moved


def move_result(actor: User | None, result: LibraryResult, step: int) -> bool:
    """Move an RHK one place up (-1) or down (+1) within its jabatan and kind."""
    items = _siblings(result.position_key, result.kind)
    before = next(i for i, r in enumerate(items) if r.id == result.id)
    moved = _swap(items, result, step)
    if moved is None:
        return False
    record(actor, "pustaka_rhk.diurutkan", result,
           summary=f"Pustaka {result.position_name}: urutan RHK diubah ke nomor {moved + 1}.",
           before={"order": before + 1}, after={"order": moved + 1})
    return True


def _indicator_values(data: LibraryIndicatorData) -> dict:
    high = data.target_high if data.direction == Direction.RANGE else None
    draft = IndicatorDraft(
        ref="", text=data.text, aspect=data.aspect.value if data.aspect else None,
        target_value=data.target_value, target_high=high, unit=data.unit, direction=data.direction,
    )
    problems = indicator_problems(draft, Approach.KUANTITATIF)
    if problems:
        raise FieldErrors([(p.field, p.message) for p in problems])
    return {"aspect": data.aspect, "text": data.text.strip(), "target_value": data.target_value,
            "target_high": high, "unit": _clean(data.unit), "direction": data.direction,
            "cumulative": bool(data.cumulative)}


def create_indicator(actor: User | None, result: LibraryResult, data: LibraryIndicatorData) -> LibraryIndicator:
    """Add an IKI to a library RHK (IKI field rules of the SKP apply)."""
    values = _indicator_values(data)
    indicator = LibraryIndicator(sort_order=_next_order(result.indicators), **values)
    result.indicators.append(indicator)
    flush_or_conflict()
    record(actor, "pustaka_iki.dibuat", indicator,
           summary=f"Pustaka {result.position_name}: IKI ditambahkan pada RHK #{result.id}.",
           after=indicator_snapshot(indicator))
    return indicator


def update_indicator(actor: User | None, indicator: LibraryIndicator, data: LibraryIndicatorData) -> LibraryIndicator:
    """Change a library IKI."""
    values = _indicator_values(data)
    before = indicator_snapshot(indicator)
    for key, value in values.items():
        setattr(indicator, key, value)
    flush_or_conflict()
    changes = changed_fields(before, indicator_snapshot(indicator))
    if changes:
        record(actor, "pustaka_iki.diubah", indicator,
               summary=f"Pustaka {indicator.result.position_name}: IKI diubah ({describe_changes(changes)}).",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return indicator


def delete_indicator(actor: User | None, indicator: LibraryIndicator) -> None:
    """Delete a library IKI."""
    result = indicator.result
    record(actor, "pustaka_iki.dihapus", indicator,
           summary=f"Pustaka {result.position_name}: IKI dihapus dari RHK #{result.id}.",
           before=indicator_snapshot(indicator))
    result.indicators.remove(indicator)
    flush_or_conflict()


def move_indicator(actor: User | None, indicator: LibraryIndicator, step: int) -> bool:
    """Move an IKI one place up (-1) or down (+1) within its RHK."""
    items = sorted(indicator.result.indicators, key=lambda i: (i.sort_order, i.id))
    before = next(n for n, i in enumerate(items) if i.id == indicator.id)
    moved = _swap(items, indicator, step)
    if moved is None:
        return False
    record(actor, "pustaka_iki.diurutkan", indicator,
           summary=f"Pustaka {indicator.result.position_name}: urutan IKI diubah ke nomor {moved + 1}.",
           before={"order": before + 1}, after={"order": moved + 1})
    return True

