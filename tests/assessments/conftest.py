"""A pegawai with an approved SKP whose first period is open for entry today (deadline in 10 days),
their Pejabat Penilai, a colleague, the pengelola kinerja of the OPD and one of another OPD; and
helpers to drive the Penilaian pages over HTTP."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.enums import PositionKind
from app.domain.skp import Aspect, PlanStatus
from app.extensions import db
from app.models import Assessment, AuditEvent, Evidence, Indicator, Realization
from tests.pages import body, field_error, text  # noqa: F401  (re-exported to the tests here)
from tests.queries import count_statements  # noqa: F401  (re-exported)

TODAY = dt.date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def world(factory):
    opd = factory.opd("Dinas Sosial")
    boss = factory.employee(opd, name="Sari Kasi", position="Kepala Seksi Rehabilitasi",
                            position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=boss, name="Rina Staf", position="Pekerja Sosial Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    colleague = factory.employee(opd, assessor=boss, name="Budi Rekan")
    admin = factory.admin([opd])
    other_admin = factory.admin([factory.opd("Dinas Lain")])
    year = factory.skp.year(TODAY.year)
    plan = factory.skp.plan(staff, year, status=PlanStatus.APPROVED)
    docs = plan.results[0].indicators[0]
    rate = Indicator(aspect=Aspect.KUALITAS, text="Persentase keluhan layanan", target_value=Decimal(8), unit="%",
                     direction="lower", cumulative=False, position=1)
    plan.results[0].indicators.append(rate)
    periods = [p for p in year.periods if not p.is_final]
    first, second = periods[0], periods[1]
    first.start_date, first.end_date = TODAY - dt.timedelta(days=80), TODAY - dt.timedelta(days=1)
    first.submission_deadline, first.review_deadline = TODAY + dt.timedelta(days=10), TODAY + dt.timedelta(days=20)
    second.start_date, second.end_date = TODAY, TODAY + dt.timedelta(days=90)
    second.submission_deadline = TODAY + dt.timedelta(days=100)
    second.review_deadline = TODAY + dt.timedelta(days=110)
    db.session.flush()
    return {"opd": opd, "boss": boss, "staff": staff, "colleague": colleague, "admin": admin,
            "other_admin": other_admin, "year": year, "plan": plan, "docs": docs, "rate": rate,
            "p1": first, "p2": second, "url": f"/penilaian/{TODAY.year}/1"}


def version_in(response) -> str:
    match = re.search(r'id="version" name="version" type="hidden" value="(\d+)"', body(response))
    assert match, "no version field"
    return match.group(1)


def assessment_of(employee, period) -> Assessment | None:
    db.session.expire_all()
    return db.session.scalar(select(Assessment).where(Assessment.employee_id == employee.id,
                                                      Assessment.period_id == period.id))


def start(client, world) -> Assessment:
    response = client.post(world["url"] + "/mulai")
    assert response.status_code == 302, response.status_code
    return assessment_of(world["staff"], world["p1"])


def realization(assessment, indicator) -> Realization:
    db.session.expire_all()
    return db.session.scalar(select(Realization).where(Realization.assessment_id == assessment.id,
                                                       Realization.indicator_id == indicator.id))


def form_data(world, assessment, *, docs="", rate="", note="", version=None, **extra) -> dict:
    """The period form as a browser posts it (every field present)."""
    db.session.expire_all()
    a = db.session.get(Assessment, assessment.id)
    data = {"version": str(a.lock_version if version is None else version),
            f"value_{world['docs'].id}": docs, f"value_{world['rate'].id}": rate,
            f"note_{world['docs'].id}": note, f"note_{world['rate'].id}": ""}
    data.update(extra)
    return data


def upload(data: bytes, name: str):
    return (io.BytesIO(data), name)


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def state(assessment) -> tuple:
    """Everything a refused request must leave untouched."""
    db.session.expire_all()
    a = db.session.get(Assessment, assessment.id)
    values = tuple(sorted((r.indicator_id, r.value, r.narrative, r.note) for r in a.realizations))
    return a.status, a.lock_version, values, count(Evidence), count(AuditEvent)

