"""Copying SKP content: to a new version (keeping the links and lineage), from last year's SKP
(texts and targets only), or from the indicator library of the jabatan."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    Expectation, Indicator, IndicatorPeriodTarget, LibraryResult, Plan, WorkResult,
)
from app.models.library import position_key


def _copy_indicator(source: Indicator, *, lineage: bool) -> Indicator:
    return Indicator(
        aspect=source.aspect, text=source.text, target_value=source.target_value,
        target_high=source.target_high, unit=source.unit, direction=source.direction,
        cumulative=source.cumulative, perspective=source.perspective,
        narrative_target=source.narrative_target, position=source.position,
        origin_id=source.id if lineage else None,
        # a new version of the same SKP keeps where its realisasi come from; another pegawai's
        # (or another year's) may be of another OPD
        source_metric_id=source.source_metric_id if lineage else None,
        source_service_id=source.source_service_id if lineage else None,
    )


def copy_from_plan(source: Plan, target: Plan, *, keep_links: bool) -> int:
    """Copy RHK and IKI of `source` into `target`; with `keep_links` (a new version of the same
    year) also the intervened RHK, organisation target, period targets and lineage."""
    for result in source.results:
        copy = WorkResult(
            kind=result.kind, text=result.text, assigned_by=result.assigned_by, position=result.position,
            parent_id=result.parent_id if keep_links else None,
            org_target_id=result.org_target_id if keep_links else None,
            origin_id=result.id if keep_links else None,
        )
        for indicator in result.indicators:
            new = _copy_indicator(indicator, lineage=keep_links)
            if keep_links:
                new.period_targets = [
                    IndicatorPeriodTarget(period_id=t.period_id, value=t.value) for t in indicator.period_targets
                ]
            copy.indicators.append(new)
        target.results.append(copy)
    return len(source.results)


def copy_content(source: Plan, target: Plan) -> None:
    """Version n+1: everything of version n, including the ekspektasi."""
    copy_from_plan(source, target, keep_links=True)
    target.expectations = [
        Expectation(core_value_id=e.core_value_id, text=e.text, updated_by_id=e.updated_by_id)
        for e in source.expectations
    ]


def library_has(position: str) -> bool:
    return db.session.scalar(
        select(LibraryResult.id).where(LibraryResult.position_key == position_key(position)).limit(1)
    ) is not None


def copy_from_library(position: str, target: Plan) -> int:
    """The library's starting RHK and IKI for the jabatan `position`."""
    entries = list(db.session.scalars(
        select(LibraryResult).where(LibraryResult.position_key == position_key(position))
        .options(selectinload(LibraryResult.indicators))
        .order_by(LibraryResult.kind.desc(), LibraryResult.sort_order, LibraryResult.id)
    ))
    for n, entry in enumerate(entries):
        result = WorkResult(kind=entry.kind, text=entry.text, position=n)
        for indicator in entry.indicators:
            result.indicators.append(Indicator(
                aspect=indicator.aspect, text=indicator.text, target_value=indicator.target_value,
                target_high=indicator.target_high, unit=indicator.unit, direction=indicator.direction,
                cumulative=indicator.cumulative, position=indicator.sort_order,
            ))
        target.results.append(result)
    return len(entries)
