"""IKI whose realisasi comes from data: the value of the linked metric for the assessment's period,
or the IKM of the linked layanan over the period's dates. `sync` writes it into every linked
realisasi of an assessment not yet approved — the pegawai cannot type it (they may add a note) — and
says where it came from; a value that changed after the pegawai submitted says so too. An approved
assessment is never touched: a later correction needs a reopen."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, func, select

from app.domain.enums import AssessmentStatus
from app.domain.satisfaction import from_totals
from app.extensions import db
from app.models import (Assessment, Indicator, MetricValue, Period, PublicService, Realization, SurveyResponse,
                        User)
from app.models.satisfaction import ANSWERS
from app.services.audit import record


@dataclass
class SourceValue:
    value: Decimal | None
    info: str  # "Metrik KTP-WAKTU: berkas nilai.csv, 8 Desember 2026 09.00 WIB"


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def source_value(indicator: Indicator, period: Period) -> SourceValue | None:
    """The value the IKI's source gives for the period, with its provenance; None when the IKI
    has no source."""
    from app.formatting import tanggal_jam

    if indicator.source_metric_id:
        metric = indicator.source_metric
        found = db.session.scalar(select(MetricValue).where(MetricValue.metric_id == metric.id,
                                                            MetricValue.period_id == period.id))
        if found is None:
            return SourceValue(None, f"Metrik {metric.code}: belum ada nilai {period.title}")
        how = "API" if found.source == "API" else "berkas"
        detail = found.source_detail.removeprefix("API ") if found.source == "API" else found.source_detail
        return SourceValue(found.value, f"Metrik {metric.code}: {how} {detail}, {tanggal_jam(found.updated_at)}")
    if indicator.source_service_id:
        service = db.session.get(PublicService, indicator.source_service_id)
        index, counted, aside = _ikm(service.id, period)
        if index is None or index.ikm is None:
            return SourceValue(None, f"IKM {service.name}: belum dapat dihitung untuk {period.title} "
                                     f"({counted} responden)")
        return SourceValue(index.ikm, f"IKM {service.name}, {period.title}: {counted} responden"
                                      + (f", {aside} disisihkan" if aside else ""))
    return None


def _ikm(service_id: int, period: Period):
    """(index, counted, set aside) of the layanan's responses within the period's dates (one query;
    the same sums as the SKM results page)."""
    counted = SurveyResponse.set_aside_at.is_(None)
    columns = [func.count(SurveyResponse.id), func.count(SurveyResponse.set_aside_at)]
    for q in ANSWERS:
        column = getattr(SurveyResponse, q)
        columns += [func.sum(case((counted, column))), func.count(case((counted, column)))]
    row = db.session.execute(select(*columns).where(
        SurveyResponse.service_id == service_id,
        SurveyResponse.day.between(period.start_date, period.end_date))).one()
    total, aside = int(row[0] or 0), int(row[1] or 0)
    if total - aside <= 0:
        return None, 0, aside
    sums = [int(row[2 + 2 * i] or 0) for i in range(9)]
    answered = [int(row[3 + 2 * i] or 0) for i in range(9)]
    return from_totals(sums, answered, total - aside), total - aside, aside


def sync(assessment: Assessment, actor: User | None = None) -> int:
    """Write the sources' values into the assessment's linked realisasi (not once approved); the
    number of values changed. The caller refreshes the capaian."""
    if assessment.status == AssessmentStatus.APPROVED:
        return 0
    changed = 0
    for realization in assessment.realizations:
        indicator = realization.indicator
        if not (indicator.source_metric_id or indicator.source_service_id):
            continue
        found = source_value(indicator, assessment.period)
        info = found.info
        if found.value != realization.value:
            if assessment.status == AssessmentStatus.SUBMITTED and realization.value is not None:
                info += f"; diperbarui dari sumber setelah diajukan (sebelumnya {_number(realization.value)})"
            record(actor, "penilaian.realisasi_dari_sumber", assessment, object_type="assessment",
                   summary=f"Realisasi IKI '{indicator.text[:80]}' {assessment.period.title} dari sumber: "
                           f"{_number(found.value) if found.value is not None else '–'}",
                   before={"value": str(realization.value) if realization.value is not None else None},
                   after={"value": str(found.value) if found.value is not None else None, "source": found.info})
            realization.value = found.value
            changed += 1
        elif realization.source_info and "diperbarui dari sumber" in realization.source_info:
            info = realization.source_info  # keep saying what changed after the submission
        realization.source_info = info[:300]
    return changed


def linked_assessments(metric_id: int, period_ids: set[int]) -> list[Assessment]:
    """The assessments not yet approved, of these periods, with an IKI linked to the metric."""
    return list(db.session.scalars(
        select(Assessment).join(Realization, Realization.assessment_id == Assessment.id)
        .join(Indicator, Realization.indicator_id == Indicator.id)
        .where(Indicator.source_metric_id == metric_id, Assessment.period_id.in_(period_ids or {-1}),
               Assessment.status != AssessmentStatus.APPROVED).distinct()))
