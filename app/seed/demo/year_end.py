"""The demo's early year end (part of `flask seed-demo`, after the period reviews): every OPD's
predikat organisasi, four teams evaluated for the year and handed over in early November (one more
a draft) through the services themselves (annual, objections), two keberatan (one decided, one
waiting for the Atasan) and follow-up for the Sangat Baik and Butuh Perbaikan results, each dated
to the story's moment."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.enums import OrgPredikat, OrgUnitKind
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, AuditEvent, Employee, OrgUnit, OrgYearResult, User
from app.seed.demo import review_data as text
from app.seed.demo.assessments import WIB
from app.seed.demo.plan import REFERENCE_YEAR
from app.services.reviews import annual, objections
from app.services.skp.org_targets import set_year_result


def story_time(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8), WIB) + dt.timedelta(minutes=minutes)


class AuditClock:
    """Dates the audit events the services write to the story's moment of each step."""

    def __init__(self) -> None:
        self.last = db.session.scalar(select(func.max(AuditEvent.id))) or 0

    def stamp(self, moment: dt.datetime) -> None:
        db.session.flush()
        table = AuditEvent.__table__
        db.session.execute(table.update().where(table.c.id > self.last).values(created_at=moment))
        self.last = db.session.scalar(select(func.max(AuditEvent.id))) or self.last


def organisation_results(recorder: User, year: AppraisalYear, clock: AuditClock) -> None:
    """Every OPD's predikat organisasi, set through org_targets.set_year_result."""
    opds = {o.name: o for o in db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD))}
    # Empty rows first, so the service updates them instead of inserting in a savepoint: releasing
    # a savepoint fires after_commit, which would end the rollback clean-up of the demo's files.
    db.session.add_all([OrgYearResult(opd_id=opds[name].id, year_id=year.id) for name in text.ORG_RESULTS])
    db.session.flush()
    for name, (value, capaian, note) in text.ORG_RESULTS.items():
        set_year_result(recorder, opds[name], year, OrgPredikat.parse(value), Decimal(capaian), note)
    clock.stamp(story_time(dt.date(REFERENCE_YEAR, 11, 2), 60))


def _annual_ratings(want: Predikat, hint: Rating | None) -> tuple[Rating, Rating]:
    """The two ratings that give `want` through the matrix, following the suggestion where it can."""
    if want == Predikat.SANGAT_BAIK:
        return Rating.DI_ATAS, Rating.DI_ATAS
    if want == Predikat.BUTUH_PERBAIKAN:
        return Rating.DI_BAWAH, Rating.SESUAI
    return (hint if hint in (Rating.SESUAI, Rating.DI_ATAS) else Rating.SESUAI), Rating.SESUAI


def annual_team(spec: dict, head: Employee, year: AppraisalYear, clock: AuditClock) -> list[AnnualEvaluation]:
    """Rate one team through annual.set_annual (the best capaian first) and hand it over."""
    reviewer = head.user
    rows = [r for r in annual.annual_team(reviewer, year).rows if r.plan is not None]
    rows.sort(key=lambda r: (-(r.capaian if r.capaian is not None else 100), r.employee.name))
    rows = rows[:spec.get("limit", len(rows))]
    wanted = [Predikat.BAIK] * len(rows)
    for n, value in enumerate(spec["top"]):
        wanted[n] = Predikat[value]
    for n, value in enumerate(reversed(spec["bottom"])):
        wanted[len(rows) - 1 - n] = Predikat[value]
    day = dt.date(REFERENCE_YEAR, 11, spec["day"])
    evaluations = []
    for n, (row, want) in enumerate(zip(rows, wanted)):
        result, behavior = _annual_ratings(want, row.suggestion)
        reason = text.ANNUAL_REASONS[want.value] if row.suggestion not in (None, result) else None
        evaluations.append(annual.set_annual(
            reviewer, row.employee, year, result_rating=result, result_rating_reason=reason,
            behavior_rating=behavior, note=text.ANNUAL_NOTES.get(want.value)))
        clock.stamp(story_time(day - dt.timedelta(days=1), 60 + 10 * n))
    if spec["hand_over"]:
        annual.hand_over(reviewer, year, [e.employee_id for e in evaluations])
        moment = story_time(day, 90)
        for evaluation in evaluations:
            evaluation.handed_over_at = moment
        clock.stamp(moment)
    for evaluation in evaluations:
        evaluation.updated_at = evaluation.handed_over_at or story_time(day - dt.timedelta(days=1), 60)
    return evaluations


def objection(spec: dict, evaluations: list[AnnualEvaluation], supervisor: Employee, clock: AuditClock) -> None:
    if spec["whose"] == "login":
        evaluation = next(e for e in evaluations if e.employee_id == supervisor.id)
    else:
        evaluation = next(e for e in evaluations if e.predikat == Predikat.BUTUH_PERBAIKAN)
    employee = evaluation.employee
    day, reasons = spec["filed"]
    filed = story_time(dt.date(REFERENCE_YEAR, 11, day), 120)
    objection = objections.file_objection(employee.user, evaluation, reasons, today=filed.date())
    objection.filed_at = filed
    clock.stamp(filed)
    day, explanation = spec["explained"]
    objections.explain(employee.assessor.user, objection, explanation)
    objection.explained_at = story_time(dt.date(REFERENCE_YEAR, 11, day), 150)
    clock.stamp(objection.explained_at)
    if spec["decided"]:
        day, decision, result, behavior, reason = spec["decided"]
        objections.decide(employee.assessor.assessor.user, objection, decision, result_rating=result,
                          behavior_rating=behavior, reason=reason)
        objection.decided_at = story_time(dt.date(REFERENCE_YEAR, 11, day), 180)
        clock.stamp(objection.decided_at)


def follow_ups(teams: list[tuple[Employee, list[AnnualEvaluation]]], clock: AuditClock) -> int:
    """Programmes for the Sangat Baik and Butuh Perbaikan results, in turn from the data (one of
    each left open for the pengelola kinerja)."""
    turns = defaultdict(int)
    count = 0
    for head, evaluations in teams:
        for evaluation in evaluations:
            choices = text.FOLLOW_UPS.get(evaluation.predikat.value) if evaluation.handed_over_at else None
            if not choices:
                continue
            choice = choices[turns[evaluation.predikat] % len(choices)]
            turns[evaluation.predikat] += 1
            if choice is None:
                continue
            follow_up = objections.add_follow_up(head.user, evaluation, choice[0], choice[1])
            follow_up.created_at = evaluation.handed_over_at + dt.timedelta(days=7)
            clock.stamp(follow_up.created_at)
            count += 1
    return count
