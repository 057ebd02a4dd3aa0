"""The snapshots of a handed-over annual result (RULES.md §6.2–§6.3): EVALUASI KINERJA PEGAWAI
"TRIWULAN IV-AKHIR" with the year's capaian per IKI, and the one-page DOKUMEN EVALUASI KINERJA
PEGAWAI with the keberatan, the explanation and the decision when one was filed."""
from __future__ import annotations

import copy
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus, DocumentKind, EvaluationStatus, ObjectionDecision, ObjectionStatus
from app.domain.periods import skipped_numbers
from app.domain.skp import Approach
from app.extensions import db
from app.formatting import tanggal
from app.models import (
    AnnualEvaluation, Assessment, Employee, Evidence, Feedback, Indicator, IndicatorPeriodTarget, Objection,
    Period, Plan, Realization, User, WorkResult,
)
from app.services.assessments.rows import compute, lineage_roots, regular_count
from app.services.documents.common import (
    DASH, DocumentUnavailable, amount, capaian_text, external_person, kop, paper_size, place_date, plan_people,
    recorded_approval, signature, signer, subject, target_text, year_span,
)
from app.services.documents.data_eval import (
    annual_counts, distribution, evaluation_document, opd_of, organisation, period_heading, rating_block,
    result_rows,
)
from app.services.documents.data_skp import behaviors, load_plan
from app.services.settings import core_values, get_settings


def load_evaluation(evaluation_id: int) -> AnnualEvaluation:
    """The evaluation with its people, keberatan and follow-ups, in a fixed number of queries."""
    return db.session.scalar(select(AnnualEvaluation).where(AnnualEvaluation.id == evaluation_id).options(
        selectinload(AnnualEvaluation.employee).selectinload(Employee.unit),
        selectinload(AnnualEvaluation.employee).selectinload(Employee.assessor),
        selectinload(AnnualEvaluation.reviewer).selectinload(User.employee).selectinload(Employee.unit),
        selectinload(AnnualEvaluation.objection).selectinload(Objection.explained_by).selectinload(User.employee),
        selectinload(AnnualEvaluation.objection).selectinload(Objection.decided_by).selectinload(User.employee)
        .selectinload(Employee.unit),
        selectinload(AnnualEvaluation.follow_ups),
        selectinload(AnnualEvaluation.year),
    ))


def _require_handed_over(evaluation: AnnualEvaluation) -> AnnualEvaluation:
    if evaluation.status != EvaluationStatus.HANDED_OVER or evaluation.handed_over_at is None:
        raise DocumentUnavailable(
            "Hasil evaluasi kinerja tahunan ini belum diserahkan kepada pegawai: dokumennya baru dapat dicetak "
            "setelah diserahkan oleh Pejabat Penilai Kinerja.")
    return load_evaluation(evaluation.id)


# --- the year's numbers per IKI ------------------------------------------------------------------


def _year_data(evaluation: AnnualEvaluation, plan: Plan):
    """The approved realisasi of the year by IKI lineage and period, the number of bukti dukung,
    and the feedback per RHK and value lineage with its period (five queries)."""
    employee_id, year_id = evaluation.employee_id, evaluation.year_id
    approved = (Assessment.employee_id == employee_id, Period.year_id == year_id,
                Assessment.status == AssessmentStatus.APPROVED)
    plan_ids = select(Plan.id).where(Plan.employee_id == employee_id, Plan.year_id == year_id)
    indicators = list(db.session.execute(
        select(Indicator.id, Indicator.origin_id).join(WorkResult, Indicator.result_id == WorkResult.id)
        .where(WorkResult.plan_id.in_(plan_ids))))
    results = list(db.session.execute(select(WorkResult.id, WorkResult.origin_id).where(WorkResult.plan_id.in_(plan_ids))))
    roots = lineage_roots(indicators)
    result_roots = lineage_roots(results)
    values: dict[int, dict[int, Any]] = defaultdict(dict)
    narratives: dict[int, dict[int, str | None]] = defaultdict(dict)
    for indicator_id, number, value, narrative in db.session.execute(
            select(Realization.indicator_id, Period.number, Realization.value, Realization.narrative)
            .join(Assessment, Realization.assessment_id == Assessment.id)
            .join(Period, Assessment.period_id == Period.id).where(*approved)):
        root = roots.get(indicator_id, indicator_id)
        values[root][number] = value
        narratives[root][number] = narrative
    evidence: dict[int, int] = defaultdict(int)
    for indicator_id, count in db.session.execute(
            select(Realization.indicator_id, func.count(Evidence.id))
            .join(Evidence, Evidence.realization_id == Realization.id)
            .join(Assessment, Realization.assessment_id == Assessment.id)
            .join(Period, Assessment.period_id == Period.id).where(*approved).group_by(Realization.indicator_id)):
        evidence[roots.get(indicator_id, indicator_id)] += count
    feedback: dict[str, list[str]] = defaultdict(list)
    for result_id, value_id, text, label in db.session.execute(
            select(Feedback.work_result_id, Feedback.core_value_id, Feedback.text, Period.label)
            .join(Assessment, Feedback.assessment_id == Assessment.id)
            .join(Period, Assessment.period_id == Period.id).where(*approved)
            .order_by(Period.number, Feedback.id)):
        key = f"rhk:{result_roots.get(result_id, result_id)}" if result_id else f"nilai:{value_id}"
        feedback[key].append(f"{label}: {text}")
    return roots, result_roots, values, narratives, evidence, feedback


def _annual_numbers(evaluation: AnnualEvaluation, plan: Plan, periods: list[Period]):
    """Per IKI: the annual target (with, when the year ended before its last period, the target up
    to the last approved period the capaian is measured against), the realisasi so far, bukti
    dukung and capaian; and the feedback per RHK."""
    roots, result_roots, values, narratives, evidence, feedback = _year_data(evaluation, plan)
    done = {n for by_period in values.values() for n in by_period}
    basis = next((p for p in reversed(periods) if p.number in done), None)
    count = regular_count(periods[0]) if periods else 1
    narrative = plan.approach == Approach.KUALITATIF
    numbers = {}
    for result in plan.results:
        for i in result.indicators:
            root = roots.get(i.id, i.id)
            series = values.get(root, {})
            item = {"target": target_text(i, plan.approach), "target_note": "", "realization": DASH,
                    "realization_note": "", "evidence": [], "capaian": "kualitatif" if narrative else DASH}
            if evidence.get(root):
                item["evidence"] = [f"{evidence[root]} bukti dukung"]
            if basis is not None and narrative:
                item["realization"] = (narratives.get(root, {}).get(basis.number) or "").strip() or DASH
            elif basis is not None:
                target, high, capaian = compute(i, basis, series, count, plan.approach,
                                                skipped_numbers(periods, plan.start_date))
                so_far = series.get(basis.number)
                if i.cumulative and not basis.is_final and so_far is not None:
                    so_far = sum((v for n, v in series.items() if n <= basis.number and v is not None), Decimal(0))
                if target is not None:
                    measured = target_text(i, plan.approach, target, high)
                    if basis.is_final:
                        item["target"] = measured  # the annual target (pro rata from a late SKP start)
                    elif measured != item["target"]:
                        # the year ended early: the Akhir's target stays the annual one; the capaian
                        # so far is measured against the target up to the last assessed period
                        item["target_note"] = f"capaian terhadap target s.d. {basis.label}: {measured}"
                item["realization"] = amount(so_far, i.unit) if so_far is not None else DASH
                item["capaian"] = capaian_text(capaian)
            if basis is not None and not basis.is_final and basis.number < count:
                item["realization_note"] = f"s.d. {basis.label}"
            numbers[i.id] = item
    by_result = {r.id: feedback.get(f"rhk:{result_roots.get(r.id, r.id)}", []) for r in plan.results}
    return numbers, by_result, feedback


def _annual_plan(plan_id: int) -> Plan:
    plan = load_plan(plan_id)
    db.session.scalars(select(Indicator).join(WorkResult, Indicator.result_id == WorkResult.id)
                       .where(WorkResult.plan_id == plan_id)
                       .options(selectinload(Indicator.period_targets).selectinload(IndicatorPeriodTarget.period))).all()
    return plan


def _objection_note(objection: Objection | None) -> list[str]:
    if objection is None:
        return []
    if objection.status != ObjectionStatus.DECIDED:
        return [f"Keberatan pegawai yang diajukan pada {tanggal(objection.filed_at)} sedang diproses; hasil ini "
                "dapat berubah oleh keputusan Atasan Pejabat Penilai Kinerja."]
    if objection.decision == ObjectionDecision.CHANGED:
        before = objection.previous_predikat.printed if objection.previous_predikat else DASH
        return [f"Hasil ini ditetapkan oleh keputusan Atasan Pejabat Penilai Kinerja atas keberatan pegawai pada "
                f"{tanggal(objection.decided_at)} (semula {before})."]
    return [f"Hasil ini dikukuhkan oleh keputusan Atasan Pejabat Penilai Kinerja atas keberatan pegawai pada "
            f"{tanggal(objection.decided_at)}."]


def snapshot_annual(evaluation: AnnualEvaluation) -> dict[str, Any]:
    """EVALUASI KINERJA PEGAWAI "TRIWULAN IV-AKHIR" of a handed-over annual result, as plain data."""
    evaluation = _require_handed_over(evaluation)
    _settings = get_settings()  # held while building: the helpers find it in the session, no query
    plan = _annual_plan(evaluation.plan_id)
    year = evaluation.year
    periods = list(year.periods)
    employee, assessor, _second = plan_people(plan)
    reviewer = signer(evaluation.reviewer, evaluation.reviewer_as, assessor)
    opd = opd_of(evaluation.employee)
    result, org = organisation(opd.id if opd else None, year.id)
    numbers, by_result, feedback = _annual_numbers(evaluation, plan, periods)
    core = core_values()
    values = behaviors(plan, core)
    for item, value in zip(values, core):
        item["feedback"] = feedback.get(f"nilai:{value.id}", [])
    final = year.final_period
    predikat = evaluation.predikat.printed if evaluation.predikat is not None else None
    return evaluation_document(
        plan, employee, reviewer, heading=period_heading(final) if final is not None else "AKHIR", final=True,
        period_text=year_span(year), organisation=org,
        distribution=distribution(result, annual_counts(year.id, opd.id if opd else None, evaluation.handed_over_at),
                                  opd_name=opd.name if opd else "", scope=f"tahunan {year.year}", verdicts=True),
        results=result_rows(plan, numbers, by_result),
        result_rating=rating_block(evaluation.result_rating, evaluation.suggested_rating, evaluation.capaian,
                                   evaluation.result_rating_reason),
        behaviors=values, behavior_rating=evaluation.behavior_rating, predikat=predikat,
        period_label=f"Akhir {year.year}", notes=_objection_note(evaluation.objection),
        signed=(evaluation.reviewer, evaluation.handed_over_at, evaluation.reviewer_as),
    )


# --- DOKUMEN EVALUASI KINERJA PEGAWAI --------------------------------------------------------------


def _second_assessor(evaluation: AnnualEvaluation, frozen: dict | None) -> dict | None:
    """The Atasan Pejabat Penilai: who decided a keberatan, else as frozen into the SKP, else the
    kepala daerah who assesses the Pejabat Penilai (recorded by name and title)."""
    objection = evaluation.objection
    if objection is not None and objection.status == ObjectionStatus.DECIDED:
        decider = signer(objection.decided_by, objection.decided_as, frozen)
        if decider is not None:
            return decider
    if frozen is not None:
        return frozen
    assessor = evaluation.employee.assessor
    if assessor is not None and assessor.assessor_id is None and assessor.external_assessor_name:
        return external_person(assessor.external_assessor_name, assessor.external_assessor_title)
    return None


def _ratings_text(result, behavior, predikat) -> str:
    labels = " / ".join(r.label if r is not None else DASH for r in (result, behavior))
    return f"{labels} → {predikat.printed if predikat is not None else DASH}"


def _objection(evaluation: AnnualEvaluation) -> dict[str, Any] | None:
    objection = evaluation.objection
    if objection is None:
        return None
    decision = None
    if objection.status == ObjectionStatus.DECIDED:
        decision = {
            "label": objection.decision.label if objection.decision else DASH,
            "before": _ratings_text(objection.previous_result_rating, objection.previous_behavior_rating,
                                    objection.previous_predikat),
            "after": _ratings_text(evaluation.result_rating, evaluation.behavior_rating, evaluation.predikat),
            "reason": (objection.decision_reason or "").strip(),
            "at": tanggal(objection.decided_at),
            "by": objection.decided_by.name if objection.decided_by else "",
        }
    return {
        "status": objection.status.label,
        "filed_at": tanggal(objection.filed_at),
        "reasons": objection.reasons,
        "explanation": (objection.explanation or "").strip(),
        "explained_at": tanggal(objection.explained_at) if objection.explained_at else "",
        "explained_by": _with_title(objection.explained_by.name if objection.explained_by else "",
                                    objection.explained_as),
        "decision": decision,
    }


def _with_title(name: str, title: str | None) -> str:
    """"Sari Kasi selaku Plt. Kepala Seksi …"; the kepala daerah's recorded title stands alone."""
    if not title:
        return name
    return title if "(dicatat oleh" in title else f"{name} selaku {title}"


# The Dokumen Evaluasi is one page (RULES.md §6.3). Its free texts are printed there up to these
# lengths (measured: with the keberatan blocks four texts of 250 characters still fit, with long
# names and titles); a longer text ends "…" there and is printed whole in the Lampiran that follows.
FORM_TEXT = {"note": 1100, "objection": 230}
MORE = " … (selengkapnya pada Lampiran)"


def _cut(text: str, limit: int) -> tuple[str, bool]:
    """The text, or its beginning up to a word boundary within `limit` characters with a pointer to
    the Lampiran; and whether it was cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit - len(MORE)].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return head + MORE, True


def _on_one_page(note: str, objection: dict | None, scale: float = 1.0) -> dict[str, Any]:
    """The note and keberatan texts as the one-page form prints them (`scale` × the usual length),
    and the Lampiran entries (block number, heading, whole text) of those it could not hold whole."""
    appendix = []
    limit = int((FORM_TEXT["objection"] if objection is not None else FORM_TEXT["note"]) * scale)
    shown_note, cut = _cut(note, limit)
    if cut:
        appendix.append({"number": 5, "title": "CATATAN/REKOMENDASI", "text": note})
    if objection is not None:
        objection = dict(objection)
        parts = [(6, "KEBERATAN PEGAWAI", objection, "reasons"),
                 (7, "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", objection, "explanation")]
        if objection.get("decision"):
            objection["decision"] = dict(objection["decision"])
            parts.append((8, "ALASAN KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", objection["decision"], "reason"))
        for number, title, holder, key in parts:
            whole = (holder.get(key) or "").strip()
            holder[key], cut = _cut(whole, int(FORM_TEXT["objection"] * scale))
            if cut:
                appendix.append({"number": number, "title": title, "text": whole})
    return {"note": shown_note, "objection": objection, "appendix": appendix}


def shortened(snapshot: dict[str, Any], scale: float) -> dict[str, Any]:
    """A Dokumen Evaluasi snapshot with its note and keberatan texts cut to `scale` × the usual
    length (their whole texts in the Lampiran): what documents/render.py prints when long names and
    titles leave the one page less room than usual. A function of the snapshot alone, so that the
    same snapshot always prints the same."""
    whole = {item["number"]: item["text"] for item in snapshot.get("appendix") or []}
    objection = copy.deepcopy(snapshot.get("objection"))
    if objection is not None:
        objection["reasons"] = whole.get(6, objection.get("reasons") or "")
        objection["explanation"] = whole.get(7, objection.get("explanation") or "")
        if objection.get("decision"):
            objection["decision"]["reason"] = whole.get(8, objection["decision"].get("reason") or "")
    return {**snapshot, **_on_one_page(whole.get(5, snapshot.get("note") or ""), objection, scale)}


def snapshot_dokumen_evaluasi(evaluation: AnnualEvaluation) -> dict[str, Any]:
    """DOKUMEN EVALUASI KINERJA PEGAWAI (one page) of a handed-over annual result, as plain data.
    Not while a keberatan is undecided: its decision may change the predikat the document states."""
    evaluation = _require_handed_over(evaluation)
    if evaluation.objection is not None and evaluation.objection.status != ObjectionStatus.DECIDED:
        raise DocumentUnavailable(
            f"Keberatan atas hasil ini belum diputuskan ({evaluation.objection.status.label.lower()}): Dokumen Evaluasi "
            "Kinerja baru dapat diterbitkan setelah keputusan akhir, karena keputusan itu dapat mengubah predikat.")
    _settings = get_settings()  # held while building: the helpers find it in the session, no query
    plan = evaluation.plan
    year = evaluation.year
    employee, assessor, second = plan_people(plan)
    reviewer = signer(evaluation.reviewer, evaluation.reviewer_as, assessor)
    second = _second_assessor(evaluation, second)
    opd = opd_of(evaluation.employee)
    _result, org = organisation(opd.id if opd else None, year.id)
    letterhead = kop(((plan.snapshot or {}).get("employee") or {}).get("opd") or (opd.name if opd else ""))
    predikat = evaluation.predikat.printed if evaluation.predikat is not None else None
    recommendations = [f"Tindak lanjut: {f.kind.label} — {f.programme.label}" + (f" ({f.note})" if f.note else "")
                       for f in evaluation.follow_ups]
    objection = evaluation.objection
    decided = objection is not None and objection.status == ObjectionStatus.DECIDED
    # The form's order: the pegawai, the Pejabat Penilai Kinerja, then (after a keberatan) the
    # Atasan Pejabat Penilai Kinerja who decided it; each with place and date.
    signatures = [
        signature("Pegawai yang Dinilai", employee, side="left",
                  place_date_text=place_date(objection.decided_at if decided else evaluation.handed_over_at)),
        signature("Pejabat Penilai Kinerja", reviewer, side="center" if decided else "right",
                  place_date_text=place_date(evaluation.handed_over_at),
                  title=reviewer.get("jabatan") if reviewer else None,
                  approved=recorded_approval(evaluation.reviewer, evaluation.handed_over_at, reviewer)),
    ]
    if decided:
        signatures.append(signature(
            "Atasan Pejabat Penilai Kinerja", second, side="right", place_date_text=place_date(objection.decided_at),
            title=second.get("jabatan") if second else None,
            approved=recorded_approval(objection.decided_by, objection.decided_at, second)))
    final = year.final_period
    return {
        "kind": DocumentKind.DOKUMEN_EVALUASI.value,
        "title": "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "subtitle": [f"PERIODE: {period_heading(final) if final is not None else 'AKHIR'}"],
        "compact": objection is not None,
        "label": f"Dokumen Evaluasi Kinerja {year.year} — {employee['name']}",
        "year": year.year,
        "paper_size": paper_size(),
        "kop": letterhead,
        "instansi": letterhead["region_name"].upper(),
        "period_text": year_span(year),
        "blocks": {"employee": employee, "assessor": reviewer, "second_assessor": second},
        "organisation": org,
        "predikat": predikat or DASH,
        **_on_one_page((evaluation.note or "").strip(), _objection(evaluation)),
        "recommendations": recommendations,
        "subject": subject(employee, f"Tahun {year.year}", predikat),
        "signatures": signatures,
    }
