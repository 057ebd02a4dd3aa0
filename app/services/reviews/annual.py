"""The annual evaluation ("Akhir") of a Pejabat Penilai's team: the year's capaian, the periodic
predikat, the two annual ratings and the predikat, checked live against the distribution curve of
the OPD's predikat organisasi (RULES.md §4–§5), then handed over to each pegawai."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus, CurveEnforcement, EvaluationStatus, OrgUnitKind, PositionKind
from app.domain.scoring import Predikat, Rating, curve_violations, org_capaian, predikat, suggested_result_rating
from app.domain.skp import PlanStatus, ResultKind
from app.extensions import db
from app.models import (
    AnnualEvaluation, AppraisalYear, Assessment, Employee, FollowUp, Indicator, OrgTarget, OrgUnit, OrgYearResult, Period,
    Plan, Realization, User, WorkResult,
)
from app.models.base import local_today, utcnow
from app.security import may_assess_year, records_external_approval
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.audit import record
from app.services.org.acting import signing_title
from app.services.org.head_assessed import head_assessed, recorded_title
from app.services.org.team import team_today
from app.services.settings import get_settings

REASON_MIN = 10
SMALL_UNIT = 5  # fewer assessed pegawai: the curve is a warning, never a block (RULES.md §5)


@dataclass
class TeamRow:
    employee: Employee
    plan: Plan | None  # the approved SKP of the year
    evaluation: AnnualEvaluation | None
    period_predikat: list[tuple[Period, Predikat | None, AssessmentStatus | None]]
    capaian: Decimal | None  # the year's capaian of the utama IKI
    unit_capaian: Decimal | None  # for the head of an OPD: the organisation's capaian
    suggestion: Rating | None
    # period id → who reviewed it, when not the one who rates the year (a pegawai who moved, an
    # imported result): "Ir. Dedi (Kepala Bidang Bina Marga)"
    earlier_reviewers: dict[int, str] = field(default_factory=dict)

    @property
    def suggestion_source(self) -> str:
        return "capaian unit kerja" if self.unit_capaian is not None else "capaian IKI utama"


@dataclass
class CurveCheck:
    org: OrgUnit | None
    org_result: OrgYearResult | None
    counts: dict[Predikat, int]
    total: int
    violations: list[str] = field(default_factory=list)
    blocking: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class AnnualTeam:
    year: AppraisalYear
    rows: list[TeamRow]
    curve: CurveCheck


def year_capaian(employee_ids: list[int], year: AppraisalYear) -> dict[int, Decimal]:
    """Mean capaian of the utama IKI per pegawai: from the Akhir assessment where it has values,
    else over the periods (one query)."""
    if not employee_ids:
        return {}
    rows = db.session.execute(
        select(Assessment.employee_id, Period.kind, func.avg(Realization.capaian))
        .join(Period, Assessment.period_id == Period.id)
        .join(Realization, Realization.assessment_id == Assessment.id)
        .join(Indicator, Realization.indicator_id == Indicator.id)
        .join(WorkResult, Indicator.result_id == WorkResult.id)
        .where(Period.year_id == year.id, Assessment.employee_id.in_(employee_ids),
               WorkResult.kind == ResultKind.UTAMA, Realization.capaian.is_not(None))
        .group_by(Assessment.employee_id, Period.kind)
    ).all()
    final, periodic = {}, {}
    for employee_id, kind, mean in rows:
        target = final if kind.value == "AKHIR" else periodic
        target[employee_id] = Decimal(str(round(float(mean), 2)))
    return {e: final.get(e, periodic.get(e)) for e in set(final) | set(periodic)}


def unit_capaian(employee: Employee, year: AppraisalYear, results: dict[int, OrgYearResult],
                 computed: dict[int, Decimal] | None = None) -> Decimal | None:
    """The head of an OPD (its JPT) takes the organisation's capaian as their suggestion: the one
    set with its predikat, else the one its Perjanjian Kinerja targets' realisasi compute."""
    unit = employee.unit
    if employee.position_kind != PositionKind.JPT or unit is None or unit.kind != OrgUnitKind.OPD:
        return None
    result = results.get(unit.id)
    if result is not None and result.capaian is not None:
        return result.capaian
    return (computed or {}).get(unit.id)


def computed_capaian(opd_ids: set[int], year: AppraisalYear) -> dict[int, Decimal]:
    """OPD → the capaian its targets' realisasi compute (one query)."""
    pairs: dict[int, list] = {}
    for opd_id, target, real in db.session.execute(
            select(OrgTarget.opd_id, OrgTarget.target_value, OrgTarget.realization)
            .where(OrgTarget.opd_id.in_(opd_ids or {-1}), OrgTarget.year_id == year.id)):
        pairs.setdefault(opd_id, []).append((target, real))
    return {opd_id: value for opd_id, found in pairs.items() if (value := org_capaian(found)) is not None}


def annual_team(reviewer: User, year: AppraisalYear, *, for_head: bool = False) -> AnnualTeam:
    """Every row of the annual table and the live curve check, in a constant number of queries.
    `for_head`: the officials the kepala daerah assesses, in the table the pengelola kinerja
    fills on the kepala daerah's behalf."""
    if for_head:
        members = head_assessed(reviewer)
    else:
        members = team_today(reviewer)
    ids = [m.id for m in members]
    plans = {p.employee_id: p for p in db.session.scalars(
        select(Plan).where(Plan.employee_id.in_(ids or [-1]), Plan.year_id == year.id,
                           Plan.status == PlanStatus.APPROVED))}
    evaluations = {e.employee_id: e for e in db.session.scalars(
        select(AnnualEvaluation).where(AnnualEvaluation.employee_id.in_(ids or [-1]),
                                       AnnualEvaluation.year_id == year.id)
        .options(selectinload(AnnualEvaluation.objection)))}
    periods = [p for p in year.periods if not p.is_final]
    assessments = {(a.employee_id, a.period_id): a for a in db.session.scalars(
        select(Assessment).where(Assessment.employee_id.in_(ids or [-1]),
                                 Assessment.period_id.in_([p.id for p in periods] or [-1]))
        .options(selectinload(Assessment.reviewed_by).selectinload(User.employee)))}
    capaian = year_capaian(ids, year)
    opd_ids = {m.unit.opd_id for m in members if m.unit is not None}
    results = {r.opd_id: r for r in db.session.scalars(
        select(OrgYearResult).where(OrgYearResult.opd_id.in_(opd_ids or {-1}), OrgYearResult.year_id == year.id))}
    heads = {m.unit.id for m in members if m.position_kind == PositionKind.JPT and m.unit is not None
             and m.unit.kind == OrgUnitKind.OPD}
    computed = computed_capaian(heads, year) if heads else {}
    settings = get_settings()
    rows = []
    for member in members:
        unit_value = unit_capaian(member, year, results, computed)
        base = unit_value if unit_value is not None else capaian.get(member.id)
        rows.append(TeamRow(
            employee=member, plan=plans.get(member.id), evaluation=evaluations.get(member.id),
            period_predikat=[
                (p, getattr(assessments.get((member.id, p.id)), "predikat", None),
                 getattr(assessments.get((member.id, p.id)), "status", None)) for p in periods
            ],
            capaian=capaian.get(member.id), unit_capaian=unit_value,
            suggestion=suggested_result_rating([base], above=settings.rating_above, below=settings.rating_below),
            earlier_reviewers=_earlier_reviewers(reviewer, [assessments.get((member.id, p.id)) for p in periods]),
        ))
    evaluations = [r.evaluation for r in rows]
    return AnnualTeam(year, rows, head_curve(evaluations) if for_head else curve_check(reviewer, year, evaluations))


def _earlier_reviewers(reviewer: User, assessments) -> dict[int, str]:
    """The approved periods someone other than `reviewer` reviewed, with who and as what."""
    earlier = {}
    for assessment in assessments:
        if assessment is None or assessment.status != AssessmentStatus.APPROVED:
            continue
        if assessment.imported_from:
            earlier[assessment.period_id] = f"hasil impor: {assessment.imported_from}"
        elif assessment.reviewed_by_id is not None and assessment.reviewed_by_id != reviewer.id:
            who = assessment.reviewed_by.name if assessment.reviewed_by is not None else ""
            earlier[assessment.period_id] = f"{who} ({assessment.reviewed_as})" if assessment.reviewed_as else who
    return earlier


def head_curve(evaluations) -> CurveCheck:
    """The kepala daerah's officials lead different OPDs: each counts in the curve of their own
    OPD (Rekap predikat), not in one curve of this table, which is never blocked by it."""
    counts = Counter(e.predikat for e in evaluations if e is not None and e.predikat is not None)
    check = CurveCheck(None, None, {p: counts.get(p, 0) for p in Predikat}, sum(counts.values()))
    check.notes.append("Pejabat yang dinilai kepala daerah memimpin perangkat daerah yang berbeda; sebaran "
                       "predikatnya diperiksa dalam Rekap predikat perangkat daerah masing-masing.")
    return check


def _reviewer_opd(reviewer: User, year: AppraisalYear) -> tuple[OrgUnit | None, OrgYearResult | None]:
    own = reviewer.employee
    if own is None or own.unit is None or own.unit.opd_id is None:
        return None, None
    opd = db.session.get(OrgUnit, own.unit.opd_id)
    result = db.session.scalar(select(OrgYearResult).where(
        OrgYearResult.opd_id == opd.id, OrgYearResult.year_id == year.id))
    return opd, result


def curve_check(reviewer: User, year: AppraisalYear, evaluations) -> CurveCheck:
    """The team's predikat against the curve of the reviewer's OPD's predikat organisasi."""
    counts = Counter(e.predikat for e in evaluations if e is not None and e.predikat is not None)
    total = sum(counts.values())
    opd, result = _reviewer_opd(reviewer, year)
    check = CurveCheck(opd, result, {p: counts.get(p, 0) for p in Predikat}, total)
    if result is None or result.predikat is None:
        check.notes.append("Predikat kinerja organisasi perangkat daerah belum ditetapkan pengelola kinerja; "
                           "kurva distribusi belum dapat diperiksa.")
        return check
    check.violations = curve_violations(result.predikat, check.counts)
    if check.violations and total < SMALL_UNIT:
        check.notes.append(f"Tim kurang dari {SMALL_UNIT} pegawai: ketidaksesuaian kurva hanya peringatan.")
    check.blocking = bool(check.violations) and total >= SMALL_UNIT and (
        get_settings().curve_enforcement == CurveEnforcement.BLOCK)
    return check


def _evaluation_for(actor: User, employee: Employee, year: AppraisalYear) -> AnnualEvaluation:
    if actor.employee_id == employee.id or not may_assess_year(actor, employee):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini.")
    evaluation = db.session.scalar(select(AnnualEvaluation).where(
        AnnualEvaluation.employee_id == employee.id, AnnualEvaluation.year_id == year.id))
    if evaluation is not None:
        return evaluation
    plan = db.session.scalar(select(Plan).where(
        Plan.employee_id == employee.id, Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED))
    if plan is None:
        raise ServiceError(f"{employee.name} belum memiliki SKP {year.year} yang disetujui.")
    evaluation = AnnualEvaluation(employee=employee, year=year, plan=plan, status=EvaluationStatus.DRAFT)
    db.session.add(evaluation)
    return evaluation


def set_annual(actor: User, employee: Employee, year: AppraisalYear, *, result_rating, result_rating_reason,
               behavior_rating, note: str | None = None, version: int | None = None) -> AnnualEvaluation:
    """Set (or change, while not handed over) the two annual ratings; the predikat follows."""
    evaluation = _evaluation_for(actor, employee, year)
    if evaluation.status != EvaluationStatus.DRAFT:
        raise ServiceError("Hasil tahunan yang sudah diserahkan hanya dapat diubah lewat keberatan.")
    if version is not None and evaluation.id is not None and version != evaluation.lock_version:
        raise ConflictError(f"Hasil tahunan {employee.name} telah diubah di tempat lain; muat ulang halaman.")
    for_head = records_external_approval(actor, employee)
    team = {row.employee.id: row for row in annual_team(actor, year, for_head=for_head).rows}
    row = team.get(employee.id)
    suggestion = row.suggestion if row else None
    result, behavior = Rating.parse(result_rating), Rating.parse(behavior_rating)
    reason = (result_rating_reason or "").strip() or None
    errors = []
    if result is None:
        errors.append((f"result_{employee.id}", "Pilih Rating Hasil Kerja."))
    if behavior is None:
        errors.append((f"behavior_{employee.id}", "Pilih Rating Perilaku Kerja."))
    if result is not None and suggestion is not None and result != suggestion and (
            reason is None or len(reason) < REASON_MIN):
        errors.append((f"reason_{employee.id}", f"Berbeda dari saran ({suggestion.label}); tuliskan alasannya "
                                                f"(minimal {REASON_MIN} karakter)."))
    if note and len(note) > 2000:
        errors.append((f"note_{employee.id}", "Catatan paling banyak 2.000 karakter."))
    if errors:
        raise FieldErrors(errors)
    before = {"result_rating": evaluation.result_rating, "behavior_rating": evaluation.behavior_rating,
              "predikat": evaluation.predikat}
    evaluation.capaian = row.unit_capaian if row and row.unit_capaian is not None else (row.capaian if row else None)
    evaluation.suggested_rating = suggestion
    evaluation.result_rating, evaluation.result_rating_reason = result, reason
    evaluation.behavior_rating, evaluation.predikat = behavior, predikat(result, behavior)
    evaluation.note = (note or "").strip() or None
    evaluation.reviewer_id = actor.id
    evaluation.reviewer_as = _signing_title(actor, employee, for_head)
    db.session.flush()
    record(actor, "tahunan.dinilai", evaluation, object_type="annual_evaluation", opd_id=employee.unit.opd_id,
           summary=f"Hasil tahunan {year.year} {employee.name}: {result.label} / {behavior.label} → "
                   f"{evaluation.predikat.label}.",
           before=before, after={"result_rating": result, "behavior_rating": behavior,
                                 "predikat": evaluation.predikat})
    return evaluation


def _signing_title(actor: User, employee: Employee, for_head: bool) -> str | None:
    """The jabatan the annual rating is recorded with: the kepala daerah's (recorded by the
    pengelola), the Plt./Plh. post acted for, or the reviewer's own."""
    if for_head:
        return recorded_title(employee, actor)
    today = local_today()
    return signing_title(actor, employee, today, today) if actor.employee is not None else None


def hand_over(actor: User, year: AppraisalYear, employee_ids: list[int], *,
              for_head: bool = False) -> list[AnnualEvaluation]:
    """Serahkan: hand the annual results over to the pegawai (the keberatan window starts), unless
    the curve blocks it (setting BLOCK, a team of 5 or more)."""
    team = annual_team(actor, year, for_head=for_head)
    if team.curve.blocking:
        raise ServiceError("Sebaran predikat tim tidak sesuai kurva distribusi: " + " ".join(team.curve.violations))
    rows = {row.employee.id: row for row in team.rows}
    handed = []
    for employee_id in employee_ids:
        row = rows.get(employee_id)
        if row is None:
            raise ServiceError("Pegawai itu tidak berada dalam tim Anda.")
        evaluation = row.evaluation
        if evaluation is None or evaluation.predikat is None:
            raise ServiceError(f"Rating tahunan {row.employee.name} belum lengkap.")
        if evaluation.status == EvaluationStatus.HANDED_OVER:
            continue
        evaluation.status = EvaluationStatus.HANDED_OVER
        evaluation.handed_over_at = utcnow()
        handed.append(evaluation)
        record(actor, "tahunan.diserahkan", evaluation, object_type="annual_evaluation",
               opd_id=row.employee.unit.opd_id,
               summary=f"Hasil tahunan {year.year} {row.employee.name} ({evaluation.predikat.label}) diserahkan"
                       + (f" atas nama {evaluation.reviewer_as}" if for_head and evaluation.reviewer_as else "")
                       + (" dengan peringatan kurva: " + " ".join(team.curve.violations) if team.curve.violations else "."))
    db.session.flush()
    return handed


def objection_deadline(evaluation: AnnualEvaluation) -> dt.date | None:
    """The last day to file a keberatan: handed over + the configured number of days."""
    if evaluation.handed_over_at is None:
        return None
    from flask_babel import get_timezone

    handed = evaluation.handed_over_at.astimezone(get_timezone()).date()
    return handed + dt.timedelta(days=get_settings().objection_days)


@dataclass(frozen=True)
class ObjectionWindow:
    """The keberatan window of a handed-over result: its last day and the days left (None before
    the hand-over)."""

    deadline: dt.date | None
    days_left: int | None

    @property
    def open(self) -> bool:
        return self.days_left is not None and self.days_left >= 0

    @property
    def words(self) -> str:
        """"tinggal 5 hari", "hari ini hari terakhir", "sudah lewat"."""
        if self.days_left is None:
            return ""
        if self.days_left > 0:
            return f"tinggal {self.days_left} hari"
        return "hari ini hari terakhir" if self.days_left == 0 else "sudah lewat"


def objection_window(evaluation: AnnualEvaluation, today: dt.date | None = None) -> ObjectionWindow:
    """The window of a handed-over result (an empty one for a draft)."""
    deadline = objection_deadline(evaluation) if evaluation.status == EvaluationStatus.HANDED_OVER else None
    return ObjectionWindow(deadline, (deadline - (today or local_today())).days if deadline else None)


def load_follow_ups(rows) -> None:
    """Fill the follow-ups of every evaluation of the table in one query."""
    ids = [r.evaluation.id for r in rows if r.evaluation is not None and r.evaluation.id is not None]
    if ids:
        db.session.scalars(select(AnnualEvaluation).where(AnnualEvaluation.id.in_(ids))
                           .options(selectinload(AnnualEvaluation.follow_ups).joinedload(FollowUp.created_by))).all()


def evaluation_of(employee_id: int, year: AppraisalYear, *options) -> AnnualEvaluation | None:
    """A pegawai's annual evaluation of a year, if any, loaded with `options`."""
    return db.session.scalar(select(AnnualEvaluation).where(
        AnnualEvaluation.employee_id == employee_id, AnnualEvaluation.year_id == year.id).options(*options))
