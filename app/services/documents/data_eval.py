"""The snapshot of the EVALUASI KINERJA PEGAWAI of one period (RULES.md §6.2), and the parts the
annual evaluation shares with it: the heading, the organisation's capaian, the distribution of the
OPD's predikat against its curve, the result rows with realisasi and umpan balik, the ratings."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from app.domain.enums import AssessmentStatus, DocumentKind, EvaluationStatus
from app.domain.periods import PeriodKind
from app.domain.scoring import Predikat
from app.domain.skp import Approach
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, Employee, OrgUnit, OrgYearResult, Period, Plan
from app.services.assessments.rows import indicator_rows
from app.services.charts import percent
from app.services.documents.common import (
    DASH, DocumentUnavailable, amount, capaian_text, date_span, kop, paper_size, place_date, plan_people,
    recorded_approval, signature, signer, subject, target_text,
)
from app.services.documents.data_skp import behaviors, group_lines, load_plan, result_row
from app.services.reviews.reviews import feedback_of
from app.services.settings import core_values, get_settings


def period_heading(period: Period) -> str:
    """"TRIWULAN I", "BULAN MARET", "SEMESTER II"; the Akhir period after the last regular one:
    "TRIWULAN IV-AKHIR"."""
    if period.is_final:
        regular = [p for p in period.year.periods if not p.is_final]
        return f"{period_heading(regular[-1])}-AKHIR" if regular else "AKHIR"
    if period.kind == PeriodKind.BULAN:
        return f"BULAN {period.label.upper()}"
    return period.label.upper()


def opd_of(employee: Employee) -> OrgUnit | None:
    unit = employee.unit
    return unit.opd if unit is not None and unit.opd is not None else unit


def organisation(opd_id: int | None, year_id: int) -> tuple[OrgYearResult | None, dict[str, Any]]:
    """The OPD's predikat kinerja organisasi of the year, as printed (one query)."""
    result = db.session.scalar(select(OrgYearResult).where(
        OrgYearResult.opd_id == opd_id, OrgYearResult.year_id == year_id)) if opd_id else None
    if result is None or result.predikat is None:
        return result, {"predikat": None, "capaian": None, "text": "BELUM DITETAPKAN"}
    capaian = percent(result.capaian) if result.capaian is not None else None
    text = result.predikat.label.upper() + (f" (capaian {capaian})" if capaian else "")
    return result, {"predikat": result.predikat.value, "capaian": capaian, "text": text}


def distribution(result: OrgYearResult | None, counts: dict, *, opd_name: str, scope: str,
                 verdicts: bool = False) -> dict[str, Any]:
    """The predikat of the OPD's pegawai against the curve of its predikat organisasi (the chart
    is drawn from these numbers when the document is rendered). The curve is the unit's annual
    matter: `verdicts` (kept or broken) only for the year's handed-over results (the Akhir); a
    period's paper shows the counts and the limits, unjudged."""
    tally = {p.value: int(counts.get(p, 0)) for p in Predikat}
    org = result.predikat if result is not None else None
    curve = f"kurva predikat organisasi {org.label}" if org is not None else "kurva (predikat organisasi belum ditetapkan)"
    return {"org_predikat": org.value if org is not None else None, "counts": tally, "total": sum(tally.values()),
            "opd_name": opd_name, "caption": f"Sebaran predikat {scope} pegawai {opd_name} terhadap {curve}.",
            "verdicts": verdicts}


def period_counts(period: Period, opd_id: int | None, as_of: dt.datetime) -> dict:
    """Predikat of the OPD's approved assessments of the period, reviewed up to `as_of` (one
    query): the document shows the distribution at the moment it was approved, so it stays equal."""
    rows = db.session.execute(
        select(Assessment.predikat, func.count()).join(Employee, Assessment.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(Assessment.period_id == period.id, OrgUnit.opd_id == opd_id,
               Assessment.status == AssessmentStatus.APPROVED, Assessment.reviewed_at <= as_of)
        .group_by(Assessment.predikat))
    return {p: n for p, n in rows if p is not None}


def annual_counts(year_id: int, opd_id: int | None, as_of: dt.datetime) -> dict:
    """Annual predikat of the OPD's results handed over up to `as_of` (one query)."""
    rows = db.session.execute(
        select(AnnualEvaluation.predikat, func.count()).join(Employee, AnnualEvaluation.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(AnnualEvaluation.year_id == year_id, OrgUnit.opd_id == opd_id,
               AnnualEvaluation.status == EvaluationStatus.HANDED_OVER, AnnualEvaluation.handed_over_at <= as_of)
        .group_by(AnnualEvaluation.predikat))
    return {p: n for p, n in rows if p is not None}


def rating_block(rating, suggested, capaian, reason) -> dict[str, Any]:
    return {"label": rating.label.upper() if rating is not None else DASH,
            "suggested": suggested.label if suggested is not None else "",
            "capaian": percent(capaian) if capaian is not None else "",
            "reason": (reason or "").strip()}


def result_rows(plan: Plan, numbers: dict[int, dict], feedback: dict[int, list[str]]) -> dict[str, list]:
    """The RHK of the SKP (utama, tambahan), each IKI with its numbers and each RHK with its feedback."""
    groups = {}
    for key, results in (("utama", plan.utama), ("tambahan", plan.tambahan)):
        rows = []
        for n, result in enumerate(results, start=1):
            row = result_row(result, n, plan)
            row["feedback"] = feedback.get(result.id, [])
            for item, indicator in zip(row["indicators"], result.indicators):
                item.update(numbers.get(indicator.id, {}))
            rows.append(row)
        groups[key] = rows
    return groups


def _period_numbers(assessment: Assessment, approach: Approach) -> dict[int, dict]:
    """Target for the period, realisasi, bukti dukung and capaian per IKI (as the review page)."""
    numbers = {}
    for row in indicator_rows(assessment):
        i, r = row.indicator, row.realization
        narrative = approach == Approach.KUALITATIF
        target = target_text(i, approach, row.target, row.target_high) if (narrative or row.target is not None) else DASH
        annual = target_text(i, approach)
        numbers[i.id] = {
            "target": target,
            "target_note": f"tahunan {annual}" if not narrative and target not in (annual, DASH) else "",
            "realization": ((r.narrative or "").strip() or DASH) if narrative and r else (
                amount(r.value, i.unit) if r is not None and r.value is not None else DASH),
            "realization_note": (f"jumlah s.d. periode ini {amount(row.so_far, i.unit)}"
                                 if row.so_far is not None and not narrative and r is not None
                                 and row.so_far != r.value else ""),
            "evidence": [ev.label for ev in r.evidence] if r is not None else [],
            "capaian": "kualitatif" if narrative else capaian_text(row.capaian),
        }
    return numbers


def snapshot_evaluation(assessment: Assessment) -> dict[str, Any]:
    """EVALUASI KINERJA PEGAWAI of one approved period assessment, as plain data."""
    if assessment.status != AssessmentStatus.APPROVED or assessment.reviewed_at is None:
        raise DocumentUnavailable(
            f"Penilaian {assessment.period.title} berstatus {assessment.status.label}: dokumen evaluasi baru dapat "
            "dicetak setelah disetujui Pejabat Penilai Kinerja.")
    if assessment.imported_from:
        raise DocumentUnavailable(
            f"Hasil {assessment.period.title} diimpor dari {assessment.imported_from}: dokumen evaluasinya diterbitkan "
            "oleh sistem asal, bukan oleh Capaian.")
    plan = load_plan(assessment.plan_id)
    _settings = get_settings()  # held while building: the helpers find it in the session, no query
    period = assessment.period
    employee, assessor, _second = plan_people(plan)
    reviewer = signer(assessment.reviewed_by, assessment.reviewed_as, assessor)
    opd = opd_of(assessment.employee)
    result, org = organisation(opd.id if opd else None, period.year_id)
    feedback = feedback_of(assessment)
    by_result = {r.id: [feedback[f"rhk:{r.id}"].text] for r in plan.results if f"rhk:{r.id}" in feedback}
    core = core_values()
    values = behaviors(plan, core)
    for item, value in zip(values, core):
        item["feedback"] = [feedback[f"nilai:{value.id}"].text] if f"nilai:{value.id}" in feedback else []
    heading = period_heading(period)
    predikat = assessment.predikat.printed if assessment.predikat is not None else None
    document = evaluation_document(
        plan, employee, reviewer, heading=heading, final=period.is_final,
        period_text=date_span(period.start_date, period.end_date), organisation=org,
        distribution=distribution(result, period_counts(period, opd.id if opd else None, assessment.reviewed_at),
                                  opd_name=opd.name if opd else "", scope=period.title),
        results=result_rows(plan, _period_numbers(assessment, plan.approach), by_result),
        result_rating=rating_block(assessment.result_rating, assessment.suggested_rating, None,
                                   assessment.result_rating_reason),
        behaviors=values, behavior_rating=assessment.behavior_rating, predikat=predikat,
        period_label=period.title, notes=[],
        signed=(assessment.reviewed_by, assessment.reviewed_at, assessment.reviewed_as),
    )
    document["daily_recap"] = daily_recap(plan, assessment.employee_id, period.start_date, period.end_date,
                                          today=assessment.reviewed_at.date())
    return document


def daily_recap(plan: Plan, employee_id: int, first: dt.date, last: dt.date, *, today: dt.date) -> list[dict]:
    """The appended recap of the period's kinerja harian per RHK and month (counted as on the day
    the assessment was approved, so that the document stays the same): each RHK of the SKP with
    activities, then the other work; empty when the pegawai recorded none."""
    from app.domain.nip import MONTHS_ID
    from app.services.daily.summary import monthly_by_result

    recap = monthly_by_result(employee_id, first, last, today=today)
    if not recap:
        return []

    def hours(minutes: int) -> str:
        return f"{minutes // 60} j {minutes % 60:02d} m"

    def outputs(found: dict) -> str:
        merged: dict[str, tuple[str, object]] = {}  # "surat" → ("Surat", 3.5): case and spaces do not matter
        for unit, quantity in found.items():
            key = " ".join(unit.lower().split())
            spelled, total = merged.get(key, (" ".join(unit.split()), 0))
            merged[key] = (spelled, total + quantity)
        return ", ".join(f"{amount(q, None)} {u}" for _, (u, q) in sorted(merged.items())) or DASH

    rows = []
    named = [(r.id, r.text) for r in plan.results]
    earlier: dict = {}  # RHK of an earlier version of the SKP (changed during the year)
    for result_id in [k for k in recap if k is not None and k not in dict(named)]:
        for month, work in recap.pop(result_id).items():
            into = earlier.setdefault(month, type(work)())
            into.count, into.minutes = into.count + work.count, into.minutes + work.minutes
            for unit, quantity in work.outputs.items():
                into.outputs[unit] = into.outputs.get(unit, 0) + quantity
    recap["earlier"] = earlier
    for result_id, text in named + [("earlier", "RHK pada SKP versi sebelumnya"),
                                    (None, "Tugas tambahan dan pekerjaan lainnya")]:
        months = recap.get(result_id)
        if not months:
            continue
        rows.append({"rhk": text, "months": [
            {"month": f"{MONTHS_ID[m - 1]} {y}", "count": work.count, "hours": hours(work.minutes),
             "outputs": outputs(work.outputs)} for (y, m), work in sorted(months.items())]})
    return rows


def evaluation_document(plan: Plan, employee: dict, reviewer: dict | None, *, heading: str, final: bool,
                        period_text: str, organisation: dict, distribution: dict, results: dict,
                        result_rating: dict, behaviors: list, behavior_rating, predikat: str | None,
                        period_label: str, notes: list[str], signed: tuple) -> dict[str, Any]:
    """The EVALUASI KINERJA PEGAWAI snapshot (periodic and annual share the layout)."""
    user, at, title = signed
    letterhead = kop(((plan.snapshot or {}).get("employee") or {}).get("opd") or distribution["opd_name"])
    return {
        "kind": DocumentKind.EVALUASI.value,
        "title": "EVALUASI KINERJA PEGAWAI",
        "subtitle": group_lines(plan),
        "label": f"Evaluasi Kinerja {period_label} — {employee['name']}",
        "year": plan.year.year,
        "paper_size": paper_size(),
        "kop": letterhead,
        "instansi": letterhead["region_name"].upper(),
        "period_heading": f"PERIODE: {heading}",
        "period_text": period_text,
        "final": final,
        "layout": "JPT" if plan.is_jpt else "JF",
        "approach": plan.approach.value,
        "identity": {"left": employee, "right": reviewer},
        "organisation": organisation,
        "distribution": distribution,
        "results": results,
        "result_rating": result_rating,
        "behaviors": behaviors,
        "behavior_rating": behavior_rating.label.upper() if behavior_rating is not None else DASH,
        "predikat": predikat or DASH,
        "notes": notes,
        "subject": subject(employee, period_label, predikat),
        "signatures": [
            signature("Pejabat Penilai Kinerja", reviewer, side="right", place_date_text=place_date(at),
                      title=reviewer.get("jabatan") if reviewer else None,
                      approved=recorded_approval(user, at, reviewer)),
        ],
    }

