"""A Dinas Kominfo line for the annual pages: the Kabid (Atasan Pejabat Penilai) → the Kasi
(Pejabat Penilai) → staff with approved SKPs and approved periods whose capaian gives each a
suggestion; the pengelola kinerja of the OPD, one of another OPD and a stranger pegawai; and helpers
to drive the pages over HTTP."""
from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, ObjectionDecision, ObjectionStatus, OrgPredikat, PositionKind,
)
from app.domain.scoring import Predikat, Rating
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, AuditEvent, FollowUp, Objection, OrgYearResult, Realization
from app.models.base import utcnow
from tests.pages import body, field_error, text  # noqa: F401  (re-exported to the tests here)
from tests.queries import count_statements  # noqa: F401  (re-exported)

TODAY = dt.date.today()
YEAR = TODAY.year


class Line:
    """The world of one test, with builders for more staff and for results already handed over."""

    def __init__(self, factory):
        self.factory = factory
        self.opd = factory.opd("Dinas Kominfo")
        self.kabid = factory.employee(self.opd, name="Hendra Kabid", position="Kepala Bidang Aplikasi Informatika",
                                      position_kind=PositionKind.ADMINISTRATOR)
        self.kasi = factory.employee(self.opd, assessor=self.kabid, name="Sari Kasi",
                                     position="Kepala Seksi Layanan E-Government", position_kind=PositionKind.PENGAWAS)
        self.admin = factory.admin([self.opd])
        self.other_admin = factory.admin([factory.opd("Dinas Lain")])
        self.stranger = factory.employee(self.opd, name="Budi Lain")
        self.year = factory.skp.year(YEAR)
        self.staff = []

    def member(self, name: str | None = None, capaian: str | None = "100", *, plan: bool = True):
        """A pegawai of the Kasi with an approved SKP and one approved period at `capaian` %."""
        n = len(self.staff)
        member = self.factory.employee(self.opd, assessor=self.kasi, name=name or f"Staf {n + 1:02d}",
                                       position="Pranata Komputer Ahli Pertama", position_kind=PositionKind.FUNGSIONAL)
        if plan:
            plan_obj = self.factory.skp.plan(member, self.year, status=PlanStatus.APPROVED)
            if capaian is not None:
                period = [p for p in self.year.periods if not p.is_final][0]
                assessment = Assessment(employee=member, period=period, plan=plan_obj,
                                        status=AssessmentStatus.APPROVED, submitted_at=utcnow(), reviewed_at=utcnow(),
                                        result_rating=Rating.SESUAI, behavior_rating=Rating.SESUAI,
                                        predikat=Predikat.BAIK)
                assessment.realizations.append(Realization(indicator_id=plan_obj.results[0].indicators[0].id,
                                                           value=Decimal(3), capaian=Decimal(capaian)))
                db.session.add(assessment)
        db.session.flush()
        self.staff.append(member)
        return member

    def team(self, size: int, capaian: str = "100"):
        return [self.member(capaian=capaian) for _ in range(size)]

    def org_predikat(self, predikat: OrgPredikat | None = OrgPredikat.BAIK, capaian=None):
        db.session.add(OrgYearResult(opd_id=self.opd.id, year_id=self.year.id, predikat=predikat, capaian=capaian))
        db.session.flush()

    def handed(self, member, result=Rating.SESUAI, behavior=Rating.SESUAI, *, days_ago: int = 0):
        """A result already rated and handed over (`days_ago` days back)."""
        from app.domain.scoring import predikat

        evaluation = AnnualEvaluation(
            employee=member, year=self.year, plan=member_plan(member, self.year), status=EvaluationStatus.HANDED_OVER,
            result_rating=result, behavior_rating=behavior, predikat=predikat(result, behavior),
            suggested_rating=Rating.SESUAI, capaian=Decimal("100"), reviewer=self.kasi.user,
            reviewer_as=self.kasi.position, handed_over_at=utcnow() - dt.timedelta(days=days_ago))
        db.session.add(evaluation)
        db.session.flush()
        return evaluation

    def objection(self, evaluation, *, explained: bool = False, decided: bool = False):
        objection = Objection(evaluation=evaluation, status=ObjectionStatus.FILED, filed_at=utcnow(),
                              reasons="Capaian saya melampaui target pada tiga triwulan berturut-turut.")
        if explained or decided:
            objection.status, objection.explained_at = ObjectionStatus.EXPLAINED, utcnow()
            objection.explanation, objection.explained_by = "Perilaku kerja masih perlu ditingkatkan.", self.kasi.user
        if decided:
            objection.status, objection.decided_at = ObjectionStatus.DECIDED, utcnow()
            objection.decision = ObjectionDecision.CONFIRMED
            objection.previous_result_rating = evaluation.result_rating
            objection.previous_behavior_rating = evaluation.behavior_rating
            objection.previous_predikat = evaluation.predikat
        db.session.add(objection)
        db.session.flush()
        return objection


def member_plan(member, year):
    from app.models import Plan

    return db.session.scalar(select(Plan).where(Plan.employee_id == member.id, Plan.year_id == year.id))


@pytest.fixture
def line(factory) -> Line:
    return Line(factory)


def selected(response, name: str) -> str | None:
    """The selected option of a select."""
    match = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', body(response), re.S)
    assert match, f"no select {name}"
    option = re.search(r'<option selected value="([^"]*)"|<option value="([^"]*)" selected', match.group(1))
    return (option.group(1) or option.group(2)) if option else None


def table_form(response) -> dict:
    """Every field of the annual table's form as the browser would post it untouched."""
    page = body(response)
    data = {}
    for name, value in re.findall(r'<input[^>]*name="((?:version|loaded)_\d+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name in re.findall(r'<input[^>]*id="((?:version|loaded)_\d+)"[^>]*>', page):
        data.setdefault(name, "")
    for name in re.findall(r'<select[^>]*name="((?:result|behavior)_\d+)"', page):
        data[name] = selected(response, name) or ""
    for name, value in re.findall(r'<textarea[^>]*name="((?:reason|note)_\d+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = html.unescape(value.lstrip("\r\n"))
    return data


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def snapshot() -> tuple:
    """Everything a refused request must leave untouched."""
    db.session.expire_all()
    evaluations = tuple(sorted(
        (e.employee_id, e.status.value, e.result_rating, e.behavior_rating, e.predikat, e.lock_version)
        for e in db.session.scalars(select(AnnualEvaluation))))
    objections = tuple(sorted((o.id, o.status.value, o.explanation, o.decision)
                              for o in db.session.scalars(select(Objection))))
    return evaluations, objections, count(FollowUp), count(AuditEvent)


def evaluation_of(member) -> AnnualEvaluation | None:
    db.session.expire_all()
    return db.session.scalar(select(AnnualEvaluation).where(AnnualEvaluation.employee_id == member.id))

