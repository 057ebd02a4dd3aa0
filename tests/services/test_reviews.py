"""Review of a period, the annual evaluation with the curve, keberatan and follow-up, as services."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import (
    ActingKind, AssessmentStatus, CurveEnforcement, EvaluationStatus, ObjectionStatus, OrgPredikat, PositionKind,
)
from app.domain.scoring import Predikat, Rating
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, Feedback, OrgYearResult
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import assessments as periods
from app.services.reviews import annual, objections, reviews
from app.services.settings import update_settings

TODAY = dt.date.today()


@pytest.fixture
def team(factory):
    """Kabid → Kasi (assessor) → three staff with approved SKPs and a submitted first period."""
    opd = factory.opd("Dinas Kominfo")
    kabid = factory.employee(opd, name="Kabid", position="Kepala Bidang", position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(opd, assessor=kabid, name="Kasi", position="Kepala Seksi",
                            position_kind=PositionKind.PENGAWAS)
    year = factory.skp.year(TODAY.year)
    first = [p for p in year.periods if not p.is_final][0]
    first.start_date, first.end_date = TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=1)
    first.submission_deadline, first.review_deadline = TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=15)
    staff, submitted = [], []
    for n in range(3):
        member = factory.employee(opd, assessor=kasi, name=f"Staf {n}")
        factory.skp.plan(member, year, status=PlanStatus.APPROVED)
        a = periods.open_assessment(member.user, member, first)
        indicator = a.realizations[0].indicator_id
        periods.save(member.user, a, {indicator: periods.Entry(value=Decimal(3 + n))}, {})
        periods.submit(member.user, a)
        staff.append(member)
        submitted.append(a)
    return {"opd": opd, "kabid": kabid, "kasi": kasi, "year": year, "period": first, "staff": staff,
            "assessments": submitted}


def test_suggestion_from_the_utama_capaian(team):
    # 12 a year, Q1 target 3: 3 → 100 %, 4 → 120 % (capped), 5 → 120 %
    assert reviews.suggestion(team["assessments"][0]) == reviews.Suggestion(Decimal("100.00"), Rating.SESUAI)
    assert reviews.suggestion(team["assessments"][1]).rating == Rating.DI_ATAS


def test_approve_with_the_suggested_rating_and_feedback(team):
    a = team["assessments"][0]
    result = a.plan.results[0]
    outcome = reviews.approve_review(team["kasi"].user, a, feedback={f"rhk:{result.id}": "Laporan tepat waktu."},
                                     result_rating="SESUAI", result_rating_reason=None, behavior_rating="DI_ATAS")
    assert outcome == Predikat.BAIK and a.status == AssessmentStatus.APPROVED
    assert a.reviewed_as == "Kepala Seksi" and a.suggested_rating == Rating.SESUAI
    assert db.session.scalar(select(Feedback.text)) == "Laporan tepat waktu."
    with pytest.raises(ServiceError, match="tidak dapat dinilai"):
        reviews.save_review(team["kasi"].user, a, feedback={})
    with pytest.raises(ServiceError, match="berstatus Disetujui"):
        periods.save(a.employee.user, a, {}, {})


def test_a_different_rating_needs_a_reason(team):
    a = team["assessments"][0]
    with pytest.raises(FieldErrors) as excinfo:
        reviews.approve_review(team["kasi"].user, a, feedback={}, result_rating="DI_ATAS",
                               result_rating_reason="", behavior_rating="SESUAI")
    assert excinfo.value.errors[0][0] == "result_rating_reason"
    assert reviews.approve_review(team["kasi"].user, a, feedback={}, result_rating="DI_ATAS",
                                  result_rating_reason="Menyelesaikan integrasi di luar target.",
                                  behavior_rating="SESUAI") == Predikat.BAIK


def test_both_ratings_are_required(team):
    with pytest.raises(FieldErrors) as excinfo:
        reviews.approve_review(team["kasi"].user, team["assessments"][0], feedback={}, result_rating=None,
                               result_rating_reason=None, behavior_rating=None)
    assert {f for f, _ in excinfo.value.errors} == {"result_rating", "behavior_rating"}


@pytest.mark.parametrize("who", ["self", "colleague", "second_assessor", "admin"])
def test_who_may_not_review(team, factory, who):
    a = team["assessments"][0]
    actor = {"self": team["staff"][0].user, "colleague": team["staff"][1].user, "second_assessor": team["kabid"].user,
             "admin": factory.admin([team["opd"]])}[who]
    with pytest.raises(ServiceError):
        reviews.approve_review(actor, a, feedback={}, result_rating="SESUAI", result_rating_reason=None,
                               behavior_rating="SESUAI")
    assert a.status == AssessmentStatus.SUBMITTED


def test_not_submitted_is_not_reviewed(team, factory):
    member = factory.employee(team["opd"], assessor=team["kasi"])
    factory.skp.plan(member, team["year"], status=PlanStatus.APPROVED)
    draft = periods.open_assessment(member.user, member, team["period"])
    with pytest.raises(ServiceError, match="hanya yang sudah diajukan"):
        reviews.approve_review(team["kasi"].user, draft, feedback={}, result_rating="SESUAI",
                               result_rating_reason=None, behavior_rating="SESUAI")


def test_plh_during_the_period_reviews_and_signs_as_plh(team, factory):
    plh = factory.employee(team["opd"], name="Plh Kasi")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=team["kasi"],
                                    unit=team["opd"], position="Kepala Seksi",
                                    start_date=TODAY - dt.timedelta(days=10), end_date=TODAY + dt.timedelta(days=10)))
    a = team["assessments"][0]
    reviews.approve_review(plh.user, a, feedback={}, result_rating="SESUAI", result_rating_reason=None,
                           behavior_rating="SESUAI")
    assert a.reviewed_as == "Plh. Kepala Seksi"


def test_stale_review_is_a_conflict(team):
    a = team["assessments"][0]
    seen = a.lock_version
    reviews.save_review(team["kasi"].user, a, feedback={}, result_rating="SESUAI", version=seen)
    with pytest.raises(ConflictError):
        reviews.save_review(team["kasi"].user, a, feedback={}, result_rating="DI_ATAS", version=seen)


def rate_all(team, ratings):
    for member, (result, behavior, reason) in zip(team["staff"], ratings):
        annual.set_annual(team["kasi"].user, member, team["year"], result_rating=result,
                          result_rating_reason=reason, behavior_rating=behavior)


def test_annual_table_rows_and_ratings(team):
    table = annual.annual_team(team["kasi"].user, team["year"])
    assert [r.employee.name for r in table.rows] == ["Staf 0", "Staf 1", "Staf 2"]
    assert table.rows[0].capaian == Decimal("100.00") and table.rows[0].suggestion == Rating.SESUAI
    rate_all(team, [("SESUAI", "SESUAI", None), ("DI_ATAS", "DI_ATAS", None), ("DI_ATAS", "DI_ATAS", None)])
    table = annual.annual_team(team["kasi"].user, team["year"])
    assert [r.evaluation.predikat for r in table.rows] == [Predikat.BAIK, Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK]
    assert table.curve.notes  # no predikat organisasi yet


def test_annual_refusals(team, factory):
    with pytest.raises(ServiceError, match="bukan Pejabat Penilai"):
        annual.set_annual(team["kabid"].user, team["staff"][0], team["year"], result_rating="SESUAI",
                          result_rating_reason=None, behavior_rating="SESUAI")
    with pytest.raises(FieldErrors) as excinfo:
        annual.set_annual(team["kasi"].user, team["staff"][0], team["year"], result_rating="DI_BAWAH",
                          result_rating_reason="", behavior_rating=None)
    assert {f.split("_")[0] for f, _ in excinfo.value.errors} == {"behavior", "reason"}
    stranger = factory.employee(team["opd"], assessor=team["kasi"])
    with pytest.raises(ServiceError, match="belum memiliki SKP"):
        annual.set_annual(team["kasi"].user, stranger, team["year"], result_rating="SESUAI",
                          result_rating_reason=None, behavior_rating="SESUAI")


def test_curve_warns_or_blocks(team, factory):
    db.session.add(OrgYearResult(opd_id=team["opd"].id, year_id=team["year"].id, predikat=OrgPredikat.BAIK))
    for _ in range(2):  # five pegawai: the curve may block
        member = factory.employee(team["opd"], assessor=team["kasi"])
        factory.skp.plan(member, team["year"], status=PlanStatus.APPROVED)
        team["staff"].append(member)
    rate_all(team, [("SESUAI", "SESUAI", None)] + [("DI_ATAS", "SESUAI", "Capaian tinggi sepanjang tahun")] * 4)
    table = annual.annual_team(team["kasi"].user, team["year"])
    assert table.curve.counts[Predikat.BAIK] == 5
    assert len(table.curve.violations) == 2 and not table.curve.blocking  # default: warn
    ids = [m.id for m in team["staff"]]
    update_settings(factory.superadmin(), {"curve_enforcement": CurveEnforcement.BLOCK})
    with pytest.raises(ServiceError, match="kurva distribusi"):
        annual.hand_over(team["kasi"].user, team["year"], ids)
    update_settings(factory.superadmin(), {"curve_enforcement": CurveEnforcement.WARN}, version=1)
    handed = annual.hand_over(team["kasi"].user, team["year"], ids)
    assert len(handed) == 5 and all(e.status == EvaluationStatus.HANDED_OVER for e in handed)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "tahunan.diserahkan"))
    assert "peringatan kurva" in event.summary


def test_small_team_is_never_blocked(team, factory):
    db.session.add(OrgYearResult(opd_id=team["opd"].id, year_id=team["year"].id, predikat=OrgPredikat.BAIK))
    update_settings(factory.superadmin(), {"curve_enforcement": CurveEnforcement.BLOCK})
    rate_all(team, [("SESUAI", "SESUAI", None), ("DI_ATAS", "SESUAI", None), ("DI_ATAS", "SESUAI", None)])
    table = annual.annual_team(team["kasi"].user, team["year"])
    assert table.curve.violations and not table.curve.blocking
    annual.hand_over(team["kasi"].user, team["year"], [m.id for m in team["staff"]])


def test_head_of_an_opd_gets_the_unit_capaian(factory):
    opd = factory.opd("Dinas Sosial")
    sekda = factory.employee(factory.opd("Sekretariat Daerah"), name="Sekda", position_kind=PositionKind.JPT)
    kadis = factory.employee(opd, assessor=sekda, name="Kadis", position_kind=PositionKind.JPT)
    year = factory.skp.year(TODAY.year)
    factory.skp.plan(kadis, year, status=PlanStatus.APPROVED)
    db.session.add(OrgYearResult(opd_id=opd.id, year_id=year.id, capaian=Decimal("112.5")))
    (row,) = annual.annual_team(sekda.user, year).rows
    assert row.unit_capaian == Decimal("112.5") and row.suggestion == Rating.DI_ATAS


@pytest.fixture
def handed(team):
    rate_all(team, [("SESUAI", "SESUAI", None), ("DI_ATAS", "SESUAI", None), ("DI_ATAS", "SESUAI", None)])
    annual.hand_over(team["kasi"].user, team["year"], [team["staff"][0].id])
    evaluation = annual.annual_team(team["kasi"].user, team["year"]).rows[0].evaluation
    return team, evaluation


def test_keberatan_filed_explained_and_changed(handed):
    team, evaluation = handed
    pegawai = team["staff"][0].user
    with pytest.raises(ServiceError, match="minimal 20"):
        objections.file_objection(pegawai, evaluation, "Tidak setuju.")
    objection = objections.file_objection(pegawai, evaluation, "Capaian saya di atas target pada tiga triwulan.")
    with pytest.raises(ServiceError, match="sudah diajukan"):
        objections.file_objection(pegawai, evaluation, "Capaian saya di atas target pada tiga triwulan.")
    with pytest.raises(ServiceError, match="Tunggu tanggapan"):
        objections.decide(team["kabid"].user, objection, "CONFIRMED")
    with pytest.raises(ServiceError, match="Pejabat Penilai"):
        objections.explain(team["kabid"].user, objection, "Bukan tanggapan saya.")
    objections.explain(team["kasi"].user, objection, "Capaian tinggi tetapi perilaku kerja perlu ditingkatkan.")
    for actor in (pegawai, team["kasi"].user):
        with pytest.raises(ServiceError, match="Atasan Pejabat Penilai"):
            objections.decide(actor, objection, "CONFIRMED")
    with pytest.raises(FieldErrors):
        objections.decide(team["kabid"].user, objection, "CHANGED", result_rating="SESUAI",
                          behavior_rating="SESUAI", reason="")
    objections.decide(team["kabid"].user, objection, "CHANGED", result_rating="DI_ATAS", behavior_rating="SESUAI",
                      reason="Bukti capaian di atas target sah.")
    assert objection.status == ObjectionStatus.DECIDED and objection.previous_predikat == Predikat.BAIK
    assert evaluation.result_rating == Rating.DI_ATAS and evaluation.predikat == Predikat.BAIK
    with pytest.raises(ServiceError, match="final"):
        objections.decide(team["kabid"].user, objection, "CONFIRMED")
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"keberatan.diajukan", "keberatan.ditanggapi", "keberatan.diputuskan"} <= actions


def test_keberatan_window(handed):
    team, evaluation = handed
    late = dt.date.today() + dt.timedelta(days=15)
    with pytest.raises(ServiceError, match="sudah lewat"):
        objections.file_objection(team["staff"][0].user, evaluation, "Alasan keberatan yang cukup panjang.", today=late)
    not_handed = annual.annual_team(team["kasi"].user, team["year"]).rows[1].evaluation
    with pytest.raises(ServiceError, match="belum diserahkan"):
        objections.file_objection(team["staff"][1].user, not_handed, "Alasan keberatan yang cukup panjang.")
    with pytest.raises(ServiceError):
        objections.file_objection(team["staff"][1].user, evaluation, "Alasan keberatan yang cukup panjang.")


def test_follow_up_matches_the_predikat(handed, factory):
    team, evaluation = handed  # Baik: neither list
    with pytest.raises(ServiceError, match="Sangat Baik"):
        objections.add_follow_up(team["kasi"].user, evaluation, "PELATIHAN")
    evaluation.predikat = Predikat.BUTUH_PERBAIKAN
    with pytest.raises(ServiceError, match="program pengembangan"):
        objections.add_follow_up(team["kasi"].user, evaluation, "PENGHARGAAN")
    with pytest.raises(ServiceError, match="Uraikan"):
        objections.add_follow_up(team["kasi"].user, evaluation, "LAINNYA")
    with pytest.raises(ServiceError):
        objections.add_follow_up(team["staff"][0].user, evaluation, "PELATIHAN")
    follow_up = objections.add_follow_up(factory.admin([team["opd"]]), evaluation, "COACHING", "Coaching bulanan")
    assert follow_up.kind.value == "DEVELOPMENT"
    objections.remove_follow_up(team["kasi"].user, follow_up)
    assert evaluation.follow_ups == []
