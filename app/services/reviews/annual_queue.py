"""What Beranda shows of the annual evaluation: my handed-over result to read (and to object to
while the window is open, with the deadline), and the keberatan waiting for me — my explanation as
Pejabat Penilai, my decision as Atasan Pejabat Penilai (or, for a pegawai whose atasan is the
kepala daerah, the pengelola kinerja recording it). A constant number of queries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import aliased, contains_eager, joinedload

from app.domain.enums import EvaluationStatus, ObjectionStatus
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Employee, Objection, OrgUnit, User
from app.models.base import local_today
from app.security import admin_opd_ids
from app.services.org.team import heads_today
from app.services.reviews.annual import ObjectionWindow, objection_window

RECENT_DECISION_DAYS = 30  # a decided keberatan stays on my Beranda this long


@dataclass
class MyResult:
    """My handed-over annual result and its keberatan window."""

    evaluation: AnnualEvaluation
    window: ObjectionWindow

    @property
    def objection(self) -> Objection | None:
        return self.evaluation.objection

    @property
    def deadline(self) -> dt.date | None:
        return self.window.deadline

    @property
    def days_left(self) -> int | None:
        return self.window.days_left

    @property
    def words(self) -> str:
        return self.window.words

    @property
    def may_object(self) -> bool:
        return self.objection is None and self.window.open


@dataclass
class AnnualQueue:
    mine: list[MyResult] = field(default_factory=list)
    to_explain: list[Objection] = field(default_factory=list)
    to_decide: list[Objection] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.mine or self.to_explain or self.to_decide)


def _mine(own_id: int, today: dt.date) -> list[MyResult]:
    evaluations = db.session.scalars(
        select(AnnualEvaluation).join(AppraisalYear, AnnualEvaluation.year_id == AppraisalYear.id)
        .where(AnnualEvaluation.employee_id == own_id, AnnualEvaluation.status == EvaluationStatus.HANDED_OVER)
        .options(contains_eager(AnnualEvaluation.year), joinedload(AnnualEvaluation.objection))
        .order_by(AppraisalYear.year.desc())).unique().all()
    results = []
    for evaluation in evaluations:
        window = objection_window(evaluation, today)
        objection = evaluation.objection
        recent = objection is not None and (
            objection.status != ObjectionStatus.DECIDED
            or (objection.decided_at is not None
                and (today - objection.decided_at.date()).days <= RECENT_DECISION_DAYS))
        if recent or (objection is None and window.open):
            results.append(MyResult(evaluation, window))
    return results


def _objections(condition) -> list[Objection]:
    employee, assessor = aliased(Employee), aliased(Employee)
    return list(db.session.scalars(
        select(Objection).join(AnnualEvaluation, Objection.evaluation_id == AnnualEvaluation.id)
        .join(employee, AnnualEvaluation.employee_id == employee.id)
        .join(OrgUnit, employee.unit_id == OrgUnit.id)
        .outerjoin(assessor, employee.assessor_id == assessor.id)
        .where(condition(employee, assessor))
        .options(contains_eager(Objection.evaluation).contains_eager(AnnualEvaluation.employee.of_type(employee)),
                 contains_eager(Objection.evaluation).joinedload(AnnualEvaluation.year))
        .order_by(Objection.filed_at)).unique())


def annual_queue(user: User, today: dt.date | None = None) -> AnnualQueue:
    """My result and the keberatan waiting for me, in a constant number of queries. For a
    pengelola kinerja also those of the officials the kepala daerah assesses, whose tanggapan and
    decision they record on the kepala daerah's behalf."""
    today = today or local_today()
    queue = AnnualQueue()
    own = user.employee_id if user.is_authenticated else None
    scope = admin_opd_ids(user)
    records = scope is None or bool(scope)

    def head_assessed(e):
        """The pegawai `e` is assessed by the kepala daerah, in the admin's OPDs."""
        external = and_(e.assessor_id.is_(None), e.external_assessor_name.is_not(None), e.external_assessor_name != "")
        return external if scope is None else and_(external, OrgUnit.opd_id.in_(scope))

    heads = heads_today(own, today) if own is not None else []
    if own is not None:
        queue.mine = _mine(own, today)

    def explaining(e, a):
        parts = [e.assessor_id.in_(heads)] if own is not None else []
        if records:
            parts.append(head_assessed(e))
        mine = e.id != own if own is not None else true()
        return and_(Objection.status == ObjectionStatus.FILED, mine, or_(*parts))

    def deciding(e, a):
        parts = []
        if own is not None:
            parts.append(a.assessor_id.in_(heads))
        if records:
            # The pengelola kinerja records the decision for a pegawai whose atasan is the kepala
            # daerah, and for an official the kepala daerah assesses directly.
            recorded = and_(a.assessor_id.is_(None), a.external_assessor_name.is_not(None),
                            a.external_assessor_name != "")
            parts.append(recorded if scope is None else and_(recorded, OrgUnit.opd_id.in_(scope)))
            parts.append(head_assessed(e))
        mine = e.id != own if own is not None else true()
        return and_(Objection.status == ObjectionStatus.EXPLAINED, mine, or_(*parts))

    if own is not None or records:
        queue.to_explain = _objections(explaining)
        queue.to_decide = _objections(deciding)
    return queue
