"""seed-scale: the same seed gives the same kabupaten; its shape is a real kabupaten's; every
pegawai has a whole year of work; it refuses a database that already holds pegawai."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.domain.enums import AssessmentStatus, EvaluationStatus, OrgUnitKind, Role
from app.domain.nip import parse_nip
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import (
    AnnualEvaluation, Assessment, Employee, Evidence, Indicator, OrgUnit, OrgYearResult, Period, Plan, Realization,
    User, WorkResult,
)
from app.seed.scale.plan import build_scale_plan
from app.seed.scale.seed import SCALE_PASSWORD, seed_scale
from app.services import ServiceError
from tests.scale.conftest import YEAR


def test_same_seed_same_kabupaten_other_seed_other_people():
    first, again, other = (build_scale_plan(300, YEAR, s) for s in (1, 1, 2))
    assert [p.nip for p in first.people] == [p.nip for p in again.people]
    assert [p.name for p in first.people] == [p.name for p in again.people]
    assert first.opd_sizes == again.opd_sizes and [u.name for u in first.units] == [u.name for u in again.units]
    assert [p.nip for p in first.people] != [p.nip for p in other.people]


@pytest.mark.parametrize("employees", [150, 300, 1000, 3000])
def test_the_shape_of_the_plan(employees):
    plan = build_scale_plan(employees, YEAR, 1)
    assert len(plan.people) == employees == sum(plan.opd_sizes.values())
    assert len({p.nip for p in plan.people}) == employees
    for person in plan.people:
        parse_nip(person.nip)  # valid: birth date, TMT, gender digit
    largest = max(plan.opd_sizes.values())
    assert abs(largest - employees / 3) <= 2
    teams = [len(team) for team in plan.teams().values()]
    assert min(teams) >= 3 and max(teams) <= 40
    if employees >= 3000:
        assert max(teams) == 40 and sum(t >= 30 for t in teams) >= 5
        assert min(plan.opd_sizes.values()) <= 12
        assert max(p.depth for p in plan.people) >= 5  # Sekda → kepala → kabid → UPTD → kepala sekolah → guru
    assert sum(p.assessor is None for p in plan.people) == 1  # only the Sekda (assessed by the Bupati)


def test_seeded_database_matches_the_plan_and_holds_a_whole_year(scale):
    written = scale(300)
    plan = build_scale_plan(300, YEAR, 1)
    nips = list(db.session.scalars(select(Employee.nip).order_by(Employee.id)))
    assert nips == [p.nip for p in plan.people]
    by_opd = Counter(db.session.execute(
        select(OrgUnit.opd_id).select_from(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)).scalars())
    names = dict(db.session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.kind == OrgUnitKind.OPD)).all())
    assert {names[k]: v for k, v in by_opd.items()} == plan.opd_sizes

    approved = db.session.scalar(select(func.count()).select_from(Plan).where(Plan.status == PlanStatus.APPROVED))
    assert approved == 300 == db.session.scalar(select(func.count(func.distinct(Plan.employee_id))))
    assert db.session.scalar(select(func.count()).select_from(WorkResult)) >= 600
    assert db.session.scalar(select(func.count()).select_from(Indicator)) >= 600
    # per period: Triwulan I–III assessed by everyone, reviewed except the Sekda's and a few teams'
    # Triwulan III; Triwulan IV drafts only
    counts = Counter(db.session.execute(
        select(Period.number, Assessment.status).join(Period, Assessment.period_id == Period.id)).all())
    for number in (1, 2, 3):
        assert sum(v for (n, _s), v in counts.items() if n == number) == 300
    assert counts[(1, AssessmentStatus.APPROVED)] == counts[(2, AssessmentStatus.APPROVED)] == 299
    assert 0 < counts[(3, AssessmentStatus.SUBMITTED)] < 150
    assert 0 < counts[(4, AssessmentStatus.DRAFT)] < 300 and (4, AssessmentStatus.SUBMITTED) not in counts
    assert db.session.scalar(select(func.count()).select_from(Realization).where(Realization.capaian.is_not(None))) > 2000
    # every assessment has a realisasi row for each IKI of its SKP (as "Mulai mengisi" makes them)
    per_assessment = select(Realization.assessment_id, func.count().label("n")).group_by(Realization.assessment_id).subquery()
    per_plan = select(Plan.id, func.count(Indicator.id).label("n")).join(WorkResult, WorkResult.plan_id == Plan.id).join(Indicator, Indicator.result_id == WorkResult.id).group_by(Plan.id).subquery()
    assert db.session.scalar(select(func.count()).select_from(Assessment).join(per_assessment, per_assessment.c.assessment_id == Assessment.id).join(per_plan, per_plan.c.id == Assessment.plan_id).where(per_assessment.c.n != per_plan.c.n)) == 0
    assert db.session.scalar(select(func.count()).select_from(Evidence)) > 1000
    evaluations = Counter(db.session.scalars(select(AnnualEvaluation.status)))
    assert evaluations == {EvaluationStatus.HANDED_OVER: 299}
    assert db.session.scalar(select(func.count()).select_from(OrgYearResult)) == len(plan.opd_sizes)
    roles = Counter(db.session.scalars(select(User.role)))
    assert roles[Role.ADMIN] == 1 and roles[Role.SUPERADMIN] == 1
    assert [label for label, _index in written.logins][0] == "Pegawai"
    # and real documents: 3 SKP PDFs (one per 100 pegawai), stored and verifiable
    from app.models import Document
    from app.services.documents import issue as docs

    documents = list(db.session.scalars(select(Document)))
    assert len(documents) == written.counts["documents"] == 3
    assert len({d.employee_id for d in documents}) == 3
    assert all(docs.verify_upload(d, docs.read_bytes(d)) for d in documents)


def test_refuses_a_database_with_pegawai(scale, factory):
    factory.employee()
    db.session.commit()
    with pytest.raises(ServiceError, match="database kosong"):
        seed_scale(300, YEAR, 1)


def test_the_cli_prints_the_logins_and_they_can_log_in(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-scale", "--employees", "200", "--year", str(YEAR), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert SCALE_PASSWORD in result.output and "Super Admin" in result.output
    nip = result.output.split("Pegawai")[1].split("NIP ")[1].split()[0]
    db.session.remove()
    response = client.post("/masuk", {"nip": nip, "password": SCALE_PASSWORD})
    assert response.status_code == 302
    again = runner.invoke(args=["seed-scale", "--employees", "200", "--year", str(YEAR)])
    assert again.exit_code == 1 and "database kosong" in again.output


def test_kinerja_harian_for_a_number_of_working_days(scale):
    """--daily-days: every pegawai with an approved SKP has 4–7 activities on each working day up to
    today, on their own IKI; the days older than the verification window are verified."""
    from sqlalchemy import func, select

    from app.domain.daily import ActivityStatus
    from app.models import Activity, Indicator, Plan, WorkResult

    written = scale(300, daily_days=8)
    total = db.session.scalar(select(func.count()).select_from(Activity))
    assert written.counts["activity"] == total and total >= 4 * 8 * 250
    days = db.session.scalar(select(func.count(func.distinct(Activity.day))))
    assert days == 8
    statuses = dict(db.session.execute(select(Activity.status, func.count()).group_by(Activity.status)).all())
    assert statuses[ActivityStatus.DITERIMA] > 0 and statuses[ActivityStatus.MENUNGGU] > 0
    foreign = db.session.scalar(
        select(func.count()).select_from(Activity).join(Indicator, Activity.indicator_id == Indicator.id)
        .join(WorkResult, Indicator.result_id == WorkResult.id).join(Plan, WorkResult.plan_id == Plan.id)
        .where(Plan.employee_id != Activity.employee_id))
    assert foreign == 0
