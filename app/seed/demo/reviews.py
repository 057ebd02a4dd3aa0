"""The reviews of the demo year (part of `flask seed-demo`), after demo/assessments.py.

On STORY_DAY (23 November 2026) the assessors have reviewed most Triwulan I and II submissions and
about half of them Triwulan III: the Rating Hasil Kerja is the suggestion from the stored capaian
of the utama IKI (the settings' thresholds), except where an IKI with a small yearly count is only
due later (Sesuai, with that reason) or the assessor judged otherwise (with a reason); Rating
Perilaku Kerja mostly Sesuai; the predikat from the matrix; feedback on some RHK and values. The
demo Pejabat Penilai still has two submissions of her team to review. These ~700 reviews are
written in bulk with exactly the outcome of reviews.approve_review (tests check them against it).

The year end comes early for the demo (`year_end`): every OPD's predikat organisasi, four teams
evaluated and handed over in early November, two keberatan and follow-up.
"""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus, EvaluationStatus, PhraseScope
from app.domain.scoring import Rating, predikat, suggested_result_rating
from app.domain.skp import ResultKind
from app.extensions import db
from app.models import (
    AppraisalYear, Assessment, AuditEvent, CoreValue, Employee, Feedback, FeedbackPhrase, Indicator, Realization, User,
    WorkResult,
)
from app.seed.demo import names
from app.seed.demo import review_data as text
from app.seed.demo import year_end
from app.seed.demo.assessments import STORY_DAY, login_indices
from app.seed.demo.plan import REFERENCE_YEAR, SEED, DemoPlan
from app.seed.demo.year_end import story_time
from app.services.org.head_assessed import recorded_title
from app.services.reviews.reviews import result_key, value_key
from app.services.settings import get_settings

Q3_DILIGENT = 0.5  # share of assessors who reviewed their team's Triwulan III already
Q2_BEHIND = 0.06  # share of assessors who left their team's Triwulan II unreviewed
FEEDBACK = {"rhk": 0.35, "nilai": 0.2}  # chance of a feedback on an RHK / a value per review
BEHAVIOUR = ((0.17, "above"), (0.185, "below"), (1.0, "around"))  # per pegawai, cumulative


def _leniency(mean: float) -> float:
    """How likely an assessor rates Sesuai although the capaian (%) suggest Di Bawah: the closer
    to the threshold, the likelier (always with a reason)."""
    return min(max((mean - 70) / 20, 0.0), 0.9)


@dataclass
class ReviewSummary:
    approved: int
    pending: int
    feedback: int
    phrases: int
    annual: dict[str, int]  # evaluation status -> count
    objections: dict[str, int]  # objection status -> count
    follow_ups: int

    def as_dict(self) -> dict:
        return {"reviews_approved": self.approved, "reviews_pending": self.pending, "feedback": self.feedback,
                "feedback_phrases": self.phrases, "annual_evaluations": self.annual,
                "objections": self.objections, "follow_ups": self.follow_ups}




def _short(words: str, count: int = 8) -> str:
    parts = words.split()
    return " ".join(parts[:count]) + ("…" if len(parts) > count else "")


# --- the period reviews, in bulk -------------------------------------------------------------------

@dataclass
class _Row:
    """One realisasi of a submitted assessment, as the review needs it."""

    capaian: Decimal | None
    value: Decimal | None
    cumulative: bool
    indicator: str
    result_id: int
    result_text: str
    utama: bool


class _PeriodReviews:
    def __init__(self, demo: DemoPlan, employees: list[Employee], year: AppraisalYear, diligent: set[int],
                 recorder: User):
        self.rng = random.Random(SEED + 5)
        self.recorder = recorder
        self.year, self.diligent = year, diligent
        self.by_id = {e.id: e for e in employees}
        logins = login_indices(demo)
        self.supervisor = employees[logins[names.DEMO_LOGINS[1][0]]]
        self.pegawai = employees[logins[names.DEMO_LOGINS[0][0]]]
        self.periods = {p.id: p for p in year.periods if not p.is_final and p.submission_deadline < STORY_DAY}
        settings = get_settings()
        self.above, self.below = settings.rating_above, settings.rating_below
        self.values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
        self.updates: list[dict] = []
        self.feedback: list[dict] = []
        self.events: list[dict] = []
        self.pending = 0

    def _submitted(self) -> list[tuple[int, int, int, dt.datetime, bool]]:
        return list(db.session.execute(
            select(Assessment.id, Assessment.employee_id, Assessment.period_id, Assessment.submitted_at,
                   Assessment.late)
            .where(Assessment.status == AssessmentStatus.SUBMITTED, Assessment.period_id.in_(list(self.periods)))
            .order_by(Assessment.id)))

    def _rows(self, ids: list[int]) -> dict[int, list[_Row]]:
        rows = defaultdict(list)
        query = (select(Realization.assessment_id, Realization.capaian, Realization.value, Indicator.cumulative,
                        Indicator.text, WorkResult.id, WorkResult.text, WorkResult.kind)
                 .join(Indicator, Realization.indicator_id == Indicator.id)
                 .join(WorkResult, Indicator.result_id == WorkResult.id)
                 .where(Realization.assessment_id.in_(ids or [-1]))
                 .order_by(Realization.assessment_id, WorkResult.kind, WorkResult.position, Indicator.position))
        for aid, capaian, value, cumulative, indicator, rid, rtext, kind in db.session.execute(query):
            rows[aid].append(_Row(capaian, value, cumulative, indicator, rid, rtext, kind == ResultKind.UTAMA))
        return rows

    def build(self) -> None:
        submitted = self._submitted()
        rows = self._rows([s[0] for s in submitted])
        rng = self.rng
        policy: dict[int, tuple[bool, bool]] = {}  # assessor -> (Triwulan II behind, Triwulan III done)
        behaviour: dict[int, str] = {}
        days: dict[tuple[int, int], dt.date] = {}
        recorded: list[tuple[int, Employee, object, dt.datetime]] = []
        for aid, employee_id, period_id, submitted_at, late in submitted:
            employee, period = self.by_id[employee_id], self.periods[period_id]
            assessor = employee.assessor
            if assessor is None:  # the Sekda: the BKPSDM records the Bupati's review of Triwulan I–II
                if period.number > 2:
                    self.pending += 1
                    continue
                at = story_time(period.submission_deadline + dt.timedelta(days=9), 10 * 60)
                recorded.append((aid, employee, period, max(at, submitted_at + dt.timedelta(days=1))))
                continue
            if assessor.id not in policy:
                policy[assessor.id] = (rng.random() < Q2_BEHIND, rng.random() < Q3_DILIGENT)
            behind, q3 = policy[assessor.id]
            if not self._reviewed(assessor, employee, period.number, late, behind, q3):
                self.pending += 1
                continue
            if employee_id not in behaviour:
                draw = rng.random()
                behaviour[employee_id] = next(kind for share, kind in BEHAVIOUR if draw < share)
            key = (assessor.id, period_id)
            if key not in days:
                first = period.submission_deadline.toordinal() + 1
                days[key] = dt.date.fromordinal(rng.randint(first, period.review_deadline.toordinal() - 1))
            at = story_time(days[key], rng.randint(0, 7 * 60))
            if at <= submitted_at:  # a late submission: reviewed a few days after it came in
                at = submitted_at + dt.timedelta(days=rng.randint(1, 4), minutes=rng.randint(30, 240))
            self._review(aid, employee, assessor.user, assessor.position, period, at, rows[aid],
                         behaviour[employee_id])
        self.rng = random.Random(SEED + 6)  # its own draws: the rest of the story stays as it was
        for aid, employee, period, at in recorded:
            self._review(aid, employee, self.recorder, recorded_title(employee, self.recorder), period, at,
                         rows[aid], "above")

    def _reviewed(self, assessor: Employee, employee: Employee, number: int, late: bool, behind: bool,
                  q3: bool) -> bool:
        if assessor.id == self.supervisor.id:  # her queue: the late Triwulan II and Triwulan III
            return number == 1 or (number == 2 and not late)
        if assessor.id in self.diligent:
            return True
        return number == 1 or (number == 2 and not behind) or (number == 3 and q3)

    def _ratings(self, rows: list[_Row], tendency: str) -> tuple[Rating | None, Rating, str | None, Rating]:
        """(suggestion, Rating Hasil Kerja, reason when it differs, Rating Perilaku Kerja)."""
        rng = self.rng
        utama = [r.capaian for r in rows if r.utama]
        hint = suggested_result_rating(utama, above=self.above, below=self.below)
        result, reason = hint, None
        if hint is None:  # kualitatif: judged on the narratives
            draw = rng.random()
            result = Rating.DI_ATAS if draw < 0.1 else Rating.DI_BAWAH if draw < 0.12 else Rating.SESUAI
        elif hint == Rating.DI_BAWAH:
            due = [r for r in rows if r.utama and r.cumulative and r.value == 0]
            rest = [r.capaian for r in rows if r.utama and r not in due and r.capaian is not None]
            known = [c for c in utama if c is not None]
            if due and rest and sum(rest) / len(rest) >= self.below:
                result, reason = Rating.SESUAI, text.SCHEDULED_REASON.format(iki=due[0].indicator)
            elif rng.random() < _leniency(float(sum(known) / len(known))):
                result, reason = Rating.SESUAI, rng.choice(text.LENIENT_REASONS)
        elif hint == Rating.DI_ATAS and rng.random() < 0.1:
            result, reason = Rating.SESUAI, rng.choice(text.LOWER_REASONS)
        elif hint == Rating.SESUAI and rng.random() < 0.04:
            result, reason = Rating.DI_ATAS, rng.choice(text.HIGHER_REASONS)
        draw = rng.random()
        behavior = {"above": Rating.DI_ATAS if draw < 0.75 else Rating.SESUAI,
                    "below": Rating.DI_BAWAH if draw < 0.5 else Rating.SESUAI,
                    "around": Rating.DI_ATAS if draw < 0.05 else Rating.SESUAI}[tendency]
        return hint, result, reason, behavior

    def _review(self, aid: int, employee: Employee, user: User, title: str, period, at: dt.datetime,
                rows: list[_Row], tendency: str) -> None:
        """Approved by `user`, signed as `title` (their jabatan, or the kepala daerah's recorded by
        the BKPSDM)."""
        hint, result, reason, behavior = self._ratings(rows, tendency)
        outcome = predikat(result, behavior)
        self.updates.append({
            "b_id": aid, "b_status": AssessmentStatus.APPROVED, "b_suggested": hint, "b_result": result,
            "b_reason": reason, "b_behavior": behavior, "b_predikat": outcome, "b_at": at, "b_by": user.id,
            "b_as": title,
        })
        self._feedback(aid, employee, user, at, rows)
        self.events.append({
            "created_at": at, "actor_user_id": user.id, "actor_label": f"{user.name} ({user.nip})",
            "action": "penilaian.disetujui", "object_type": "assessment", "object_id": aid,
            "summary": f"Penilaian {period.title} {employee.name} disetujui: {result.label} / {behavior.label} → "
                       f"{outcome.label}.",
            "before": {"status": "SUBMITTED"},
            "after": {"status": "APPROVED", "result_rating": result.value, "behavior_rating": behavior.value,
                      "predikat": outcome.value, "suggested_rating": hint.value if hint else None},
            "opd_id": employee.unit.opd_id, "ip": None,
        })

    def _feedback(self, aid: int, employee: Employee, user: User, at: dt.datetime, rows: list[_Row]) -> None:
        rng = self.rng
        results: dict[int, list[_Row]] = defaultdict(list)
        for row in rows:
            if row.utama:
                results[row.result_id].append(row)
        everything = employee.id == self.pegawai.id or employee.assessor_id == self.supervisor.id
        chosen = list(results) if everything else (
            [rng.choice(list(results))] if results and rng.random() < FEEDBACK["rhk"] else [])
        for rid in chosen:
            known = [r.capaian for r in results[rid] if r.capaian is not None]
            mean = sum(known) / len(known) if known else None
            level = "around" if mean is None else "below" if mean < self.below else \
                "above" if mean >= self.above else "around"
            words = rng.choice(text.RESULT_FEEDBACK[level]).format(rhk=_short(results[rid][0].result_text))
            self.feedback.append({"assessment_id": aid, "target_key": result_key(rid), "work_result_id": rid,
                                  "core_value_id": None, "text": words, "author_id": user.id, "updated_at": at})
        count = 2 if everything else (1 if rng.random() < FEEDBACK["nilai"] else 0)
        for value in sorted(rng.sample(self.values, count), key=lambda v: v.position):
            self.feedback.append({"assessment_id": aid, "target_key": value_key(value.id), "work_result_id": None,
                                  "core_value_id": value.id, "text": text.VALUE_FEEDBACK[value.position],
                                  "author_id": user.id, "updated_at": at})

    def write(self) -> None:
        """One UPDATE (executemany) of the approved assessments, two bulk inserts."""
        db.session.flush()
        table = Assessment.__table__
        if self.updates:
            db.session.execute(
                table.update().where(table.c.id == bindparam("b_id")).values(
                    status=bindparam("b_status"), suggested_rating=bindparam("b_suggested"),
                    result_rating=bindparam("b_result"), result_rating_reason=bindparam("b_reason"),
                    behavior_rating=bindparam("b_behavior"), predikat=bindparam("b_predikat"),
                    reviewed_at=bindparam("b_at"), reviewed_by_id=bindparam("b_by"), reviewed_as=bindparam("b_as"),
                    updated_at=bindparam("b_at"), lock_version=table.c.lock_version + 1,
                ), self.updates)
        for model, rows in ((Feedback, self.feedback), (AuditEvent, self.events)):
            if rows:
                db.session.execute(insert(model.__table__), rows)
        for obj in list(db.session.identity_map.values()):
            if isinstance(obj, Assessment):
                db.session.expire(obj)


def seed_reviews(demo: DemoPlan, employees: list[Employee], recorder: User) -> ReviewSummary:
    """Write the demo year's reviews, organisation results and annual evaluations (after
    seed_assessments); employees in demo.people order; `recorder` is the BKPSDM super admin."""
    year = db.session.scalar(select(AppraisalYear).where(AppraisalYear.year == REFERENCE_YEAR)
                             .options(selectinload(AppraisalYear.periods)))
    db.session.add_all([FeedbackPhrase(scope=PhraseScope[scope], text=words, position=n, active=True)
                        for n, (scope, words) in enumerate(text.PHRASES)])
    heads = {(spec["opd"], spec["unit"]): employees[demo.heads[(spec["opd"], spec["unit"])]]
             for spec in text.ANNUAL_TEAMS}
    reviews = _PeriodReviews(demo, employees, year, diligent={h.id for h in heads.values()}, recorder=recorder)
    reviews.build()
    reviews.write()

    clock = year_end.AuditClock()
    year_end.organisation_results(recorder, year, clock)
    teams = [(heads[(s["opd"], s["unit"])], year_end.annual_team(s, heads[(s["opd"], s["unit"])], year, clock))
             for s in text.ANNUAL_TEAMS]
    by_team = {(s["opd"], s["unit"]): evaluations for s, (_h, evaluations) in zip(text.ANNUAL_TEAMS, teams)}
    for spec in text.OBJECTIONS:
        year_end.objection(spec, by_team[(spec["opd"], spec["unit"])], reviews.supervisor, clock)
    follow_ups = year_end.follow_ups(teams, clock)
    db.session.flush()
    evaluations = [e for _h, team in teams for e in team]
    return ReviewSummary(
        approved=len(reviews.updates), pending=reviews.pending, feedback=len(reviews.feedback),
        phrases=len(text.PHRASES),
        annual={s.value: sum(e.status == s for e in evaluations) for s in EvaluationStatus},
        objections=dict(Counter(e.objection.status.value for e in evaluations if e.objection is not None)),
        follow_ups=follow_ups,
    )
