"""`flask seed-demo` gives the demo year its reviews (issue 5): most Triwulan I–II and part of
Triwulan III approved with the outcome of the review service, a queue left for the demo Pejabat
Penilai, every OPD's predikat organisasi, the annual evaluation of some teams (one OPD off its
curve, others on it), a keberatan in progress and one decided, follow-up, feedback phrases."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, FollowUpKind, ObjectionDecision, ObjectionStatus, OrgPredikat, OrgUnitKind,
    PhraseScope, PositionKind, Role,
)
from app.domain.scoring import Predikat, Rating, curve_violations, predikat
from app.extensions import db
from app.models import (
    AnnualEvaluation, AppraisalYear, Assessment, AuditEvent, Feedback, FeedbackPhrase, OrgUnit, OrgYearResult, Plan,
    User, WorkResult,
)
from app.seed.demo.assessments import STORY_DAY
from app.seed.demo.story import seed_demo
from app.services.monitoring import recap
from app.services.reviews import annual, reviews
from app.services.reviews.review_queue import review_queue
from tests.monitoring.conftest import tables, text

WIB = dt.timezone(dt.timedelta(hours=7))
DISKOMINFO, DINKES, BPKAD = ("Dinas Komunikasi dan Informatika", "Dinas Kesehatan",
                             "Badan Pengelolaan Keuangan dan Aset Daerah")


@pytest.fixture
def seeded(cli):
    result = cli.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return result


def _logins() -> dict[str, User]:
    users = list(db.session.scalars(select(User).where(User.password_hash.is_not(None))))
    pegawai = [u for u in users if u.role == Role.PEGAWAI]
    supervisor = next(u for u in pegawai if u.employee.position_kind == PositionKind.PENGAWAS)
    return {"pegawai": next(u for u in pegawai if u is not supervisor), "supervisor": supervisor,
            "pengelola": next(u for u in users if u.role == Role.ADMIN),
            "superadmin": next(u for u in users if u.role == Role.SUPERADMIN)}


def _assessments() -> list[Assessment]:
    return list(db.session.scalars(select(Assessment).order_by(Assessment.id).options(
        selectinload(Assessment.period), selectinload(Assessment.employee), selectinload(Assessment.reviewed_by))))


def _evaluations() -> list[AnnualEvaluation]:
    return list(db.session.scalars(select(AnnualEvaluation).order_by(AnnualEvaluation.id).options(
        selectinload(AnnualEvaluation.objection), selectinload(AnnualEvaluation.follow_ups))))


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(WIB)


def test_which_periods_are_reviewed_and_what_waits(seeded):
    assessments = _assessments()
    by_period = {n: Counter(a.status for a in assessments if a.period.number == n) for n in (1, 2, 3, 4)}
    reviewed = lambda n: by_period[n][AssessmentStatus.APPROVED] / (  # noqa: E731
        by_period[n][AssessmentStatus.APPROVED] + by_period[n][AssessmentStatus.SUBMITTED])
    assert reviewed(1) > 0.98 and 0.8 < reviewed(2) < 1 and 0.3 < reviewed(3) < 0.7
    assert by_period[4][AssessmentStatus.APPROVED] == 0
    # the Sekda is assessed by the Bupati, who has no account: the BKPSDM recorded his reviews of
    # Triwulan I–II on the Bupati's behalf; Triwulan III waits in Hendra's queue
    sekda = {a.period.number: a for a in assessments if a.employee.assessor_id is None}
    superadmin = _logins()["superadmin"]
    for n in (1, 2):
        assert sekda[n].status == AssessmentStatus.APPROVED and sekda[n].reviewed_by_id == superadmin.id
        assert sekda[n].reviewed_as == f"Bupati Tanjung Harapan (dicatat oleh {superadmin.name})"
    assert sekda[3].status == AssessmentStatus.SUBMITTED
    assert any(i.assessment.id == sekda[3].id for i in review_queue(superadmin))

    logins = _logins()
    supervisor = logins["supervisor"].employee
    queue = sorted((a.employee.name, a.period.number) for a in assessments
                   if a.employee.assessor_id == supervisor.id and a.status == AssessmentStatus.SUBMITTED)
    assert queue == sorted([(logins["pegawai"].name, 3), (logins["pengelola"].name, 2)])
    mine = {a.period.number: a for a in assessments if a.employee_id == logins["pegawai"].employee_id}
    assert [mine[n].status for n in (1, 2, 3, 4)] == [AssessmentStatus.APPROVED, AssessmentStatus.APPROVED,
                                                      AssessmentStatus.SUBMITTED, AssessmentStatus.DRAFT]


def test_every_review_has_the_outcome_of_the_review_service(seeded):
    approved = [a for a in _assessments() if a.status == AssessmentStatus.APPROVED]
    assert len(approved) > 600
    for a in approved:
        assessor = a.employee.assessor
        assert a.predikat == predikat(a.result_rating, a.behavior_rating), a.id
        if assessor is None:  # the Bupati's review, recorded by the BKPSDM
            assert a.reviewed_by.role == Role.SUPERADMIN and a.reviewed_as.endswith(f"(dicatat oleh {a.reviewed_by.name})")
        else:
            assert a.reviewed_by.employee_id == assessor.id and a.reviewed_as == assessor.position
        assert a.submitted_at < a.reviewed_at < dt.datetime.combine(STORY_DAY, dt.time(), WIB)
        day = _local(a.reviewed_at).date()
        assert day > a.period.submission_deadline or a.late
        assert day <= a.period.review_deadline or (a.late and a.reviewed_at - a.submitted_at < dt.timedelta(days=5))
        assert a.updated_at == a.reviewed_at and a.lock_version == 2
        if a.result_rating != a.suggested_rating and a.suggested_rating is not None:
            assert len(a.result_rating_reason or "") >= reviews.REASON_MIN, a.id
        else:
            assert a.result_rating_reason is None
    logins = _logins()
    sample = approved[::7] + [a for a in approved if a.employee.assessor_id == logins["supervisor"].employee_id]
    for a in sample:  # the suggestion is the service's, from the capaian of the utama IKI
        assert a.suggested_rating == reviews.suggestion(a).rating, a.id

    results = Counter(a.result_rating for a in approved)
    assert results[Rating.SESUAI] / len(approved) > 0.75
    assert 0.03 < results[Rating.DI_ATAS] / len(approved) < 0.15
    assert 0.02 < results[Rating.DI_BAWAH] / len(approved) < 0.12
    assert sum(a.result_rating == a.suggested_rating for a in approved if a.suggested_rating) / len(approved) > 0.75
    behaviour = Counter(a.behavior_rating for a in approved)
    assert behaviour[Rating.SESUAI] > behaviour[Rating.DI_ATAS] > behaviour[Rating.DI_BAWAH] > 0

    events = {e.object_id: e for e in db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "penilaian.disetujui"))}
    assert set(events) == {a.id for a in approved}
    one = approved[0]
    assert events[one.id].created_at == one.reviewed_at and events[one.id].after["predikat"] == one.predikat.value


def test_feedback_and_phrases(seeded):
    approved = {a.id: a for a in _assessments() if a.status == AssessmentStatus.APPROVED}
    feedback = list(db.session.scalars(select(Feedback).options(selectinload(Feedback.work_result))))
    assert all(f.assessment_id in approved for f in feedback)
    assert 0.2 < len({f.assessment_id for f in feedback}) / len(approved) < 0.7
    plans = {}
    for f in feedback:
        a = approved[f.assessment_id]
        assert f.author_id == a.reviewed_by_id and f.updated_at == a.reviewed_at and f.text
        if f.work_result_id is not None:
            assert f.target_key == f"rhk:{f.work_result_id}" and f.work_result.plan_id == a.plan_id
        else:
            assert f.target_key == f"nilai:{f.core_value_id}"
        plans[a.id] = a
    mega = _logins()["pegawai"].employee_id
    for a in approved.values():
        if a.employee_id == mega:
            utama = set(db.session.scalars(select(WorkResult.id).where(
                WorkResult.plan_id == a.plan_id, WorkResult.kind == "UTAMA")))
            mine = [f for f in feedback if f.assessment_id == a.id]
            assert {f.work_result_id for f in mine if f.work_result_id} == utama
            assert sum(f.core_value_id is not None for f in mine) == 2
    phrases = list(db.session.scalars(select(FeedbackPhrase)))
    assert Counter(p.scope for p in phrases) == {PhraseScope.HASIL: 5, PhraseScope.PERILAKU: 5}


def test_organisation_results_and_the_curves(seeded):
    year = db.session.scalar(select(AppraisalYear))
    results = list(db.session.scalars(select(OrgYearResult)))
    opds = list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD).order_by(OrgUnit.name)))
    assert {r.opd_id for r in results} == {o.id for o in opds} and all(r.capaian for r in results)
    assert Counter(r.predikat for r in results) == {OrgPredikat.BAIK: 8, OrgPredikat.ISTIMEWA: 1,
                                                    OrgPredikat.BUTUH_PERBAIKAN: 1}
    rows = {r.name: r for r in recap.predikat_recap(opds, year)}
    for name in (DISKOMINFO, DINKES, BPKAD):
        row = rows[name]
        assert row.total >= 4 and row.violations == curve_violations(row.org_predikat, row.counts)
    assert len(rows[DISKOMINFO].violations) == 2  # everyone Baik or better: the curve is not met
    assert rows[DINKES].violations == [] and rows[DINKES].total >= 5
    assert rows[BPKAD].violations == [] and rows[BPKAD].org_predikat == OrgPredikat.ISTIMEWA
    assert rows["Badan Perencanaan Pembangunan Daerah"].drafts == 3
    assert rows["Badan Perencanaan Pembangunan Daerah"].total == 0


def test_annual_evaluations_follow_the_services_rules(seeded):
    evaluations = _evaluations()
    year = db.session.scalar(select(AppraisalYear))
    handed = [e for e in evaluations if e.status == EvaluationStatus.HANDED_OVER]
    assert len(handed) == 19 and len(evaluations) - len(handed) == 3
    suggestions = {}
    for head in {e.employee.assessor for e in evaluations}:
        suggestions.update({r.employee.id: r.suggestion for r in annual.annual_team(head.user, year).rows})
    for e in evaluations:
        assert e.predikat == predikat(e.result_rating, e.behavior_rating)
        assert e.reviewer.employee_id == e.employee.assessor_id and e.reviewer_as == e.employee.assessor.position
        assert e.plan.status.value == "APPROVED" and e.plan.employee_id == e.employee_id
        decided = e.objection is not None and e.objection.decision == ObjectionDecision.CHANGED
        rated = e.objection.previous_result_rating if decided else e.result_rating
        assert e.suggested_rating == suggestions[e.employee_id]
        if e.suggested_rating is not None and rated != e.suggested_rating:
            assert len(e.result_rating_reason or "") >= annual.REASON_MIN
        if e.status == EvaluationStatus.HANDED_OVER:
            assert dt.date(2026, 11, 1) <= _local(e.handed_over_at).date() <= dt.date(2026, 11, 10)
        # the team's periods were all reviewed before the year end
        waiting = db.session.scalar(select(Assessment.id).where(
            Assessment.employee_id == e.employee_id, Assessment.status == AssessmentStatus.SUBMITTED))
        assert waiting is None, e.employee.name
    assert Counter(e.predikat for e in handed)[Predikat.SANGAT_BAIK] == 5


def test_keberatan_in_progress_and_decided(seeded):
    objections = [e.objection for e in _evaluations() if e.objection is not None]
    by_status = {o.status: o for o in objections}
    assert set(by_status) == {ObjectionStatus.EXPLAINED, ObjectionStatus.DECIDED}
    waiting, decided = by_status[ObjectionStatus.EXPLAINED], by_status[ObjectionStatus.DECIDED]
    assert waiting.evaluation.employee_id == _logins()["supervisor"].employee_id  # the demo Pejabat Penilai's own
    for o in objections:
        e = o.evaluation
        assert e.handed_over_at < o.filed_at <= e.handed_over_at + dt.timedelta(days=14)
        assert o.filed_at < o.explained_at < dt.datetime.combine(STORY_DAY, dt.time(), WIB)
        assert o.explained_by.employee_id == e.employee.assessor_id and len(o.reasons) >= 20
    assert decided.decision == ObjectionDecision.CHANGED and decided.previous_predikat == Predikat.BUTUH_PERBAIKAN
    assert decided.evaluation.predikat == Predikat.BAIK and len(decided.decision_reason) >= 10
    assert decided.explained_at < decided.decided_at < dt.datetime.combine(STORY_DAY, dt.time(), WIB)
    assert decided.decided_by.employee_id == decided.evaluation.employee.assessor.assessor_id
    assert decided.evaluation.employee.unit.opd.name == DISKOMINFO


def test_follow_ups(seeded):
    handed = [e for e in _evaluations() if e.status == EvaluationStatus.HANDED_OVER]
    listed = [e for e in handed if e.predikat in (Predikat.SANGAT_BAIK, *recap.DEVELOPMENT)]
    assert all(f.kind == (FollowUpKind.RECOGNITION if e.predikat == Predikat.SANGAT_BAIK
                          else FollowUpKind.DEVELOPMENT) for e in listed for f in e.follow_ups)
    assert not any(e.follow_ups for e in handed if e not in listed)
    open_ = Counter(e.predikat for e in listed if not e.follow_ups)
    assert open_[Predikat.SANGAT_BAIK] >= 1 and open_[Predikat.BUTUH_PERBAIKAN] >= 1  # "belum ditetapkan"
    assert sum(bool(e.follow_ups) for e in listed) >= 4


def test_the_demo_logins_see_it(seeded, make_client):
    logins = _logins()
    pengelola = make_client(logins["pengelola"])
    page = pengelola.get("/pengelolaan/rekap?tahun=2026")
    (table,) = tables(page)
    assert [r[0] for r in table["rows"][1:]] == [DINKES] and "Sesuai kurva" in table["rows"][1][-1]
    lists = text(pengelola.get("/pengelolaan/tindak-lanjut?tahun=2026"))
    assert "Coaching" in lists and "belum ditetapkan" in lists and DISKOMINFO not in lists
    assert pengelola.get("/pengelolaan/pemantauan?tahun=2026&periode=3").status_code == 200
    everything = make_client(logins["superadmin"]).get("/pengelolaan/rekap?tahun=2026")
    assert "Tidak sesuai kurva (2)" in text(everything)
    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "demo.dimuat"))
    assert event.after["reviews_approved"] == sum(
        a.status == AssessmentStatus.APPROVED for a in _assessments())
    assert event.after["objections"] == {"DECIDED": 1, "EXPLAINED": 1}


def _digest() -> list[tuple]:
    rows = [(a.employee.nip, a.period.number, a.status, a.suggested_rating, a.result_rating, a.result_rating_reason,
             a.behavior_rating, a.predikat, a.reviewed_at, a.reviewed_as) for a in _assessments()]
    rows += [(e.employee.nip, e.status, e.result_rating, e.behavior_rating, e.predikat, e.handed_over_at,
              e.objection.status if e.objection else None, tuple(f.programme for f in e.follow_ups))
             for e in _evaluations()]
    # By what the feedback is on, not by row ids (PostgreSQL does not roll its sequences back).
    rows += sorted((f.work_result.text if f.work_result else f.target_key, f.text, f.updated_at)
                   for f in db.session.scalars(select(Feedback)))
    return rows


def test_deterministic():
    runs = []
    for _ in range(2):
        seed_demo()
        runs.append(_digest())
        db.session.rollback()
    assert runs[0] == runs[1]
    assert db.session.scalar(select(Plan.id)) is None
