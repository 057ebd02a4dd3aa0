"""A reporting line with SKPs, and helpers to drive the SKP pages through HTTP."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.enums import PositionKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AuditEvent, Indicator, Plan, WorkResult
from tests.pages import body, field_error, text  # noqa: F401  (re-exported to the tests here)
from tests.queries import count_statements  # noqa: F401  (re-exported)


@pytest.fixture
def line(factory):
    """Kepala bidang → kepala seksi (approved SKP) → staf, in one OPD, for 2026."""
    opd = factory.opd("Dinas Komunikasi dan Informatika")
    head = factory.employee(opd, name="Hendra Kabid", position="Kepala Bidang Aplikasi",
                            position_kind=PositionKind.ADMINISTRATOR)
    boss = factory.employee(opd, assessor=head, name="Sari Kasi", position="Kepala Seksi Aplikasi",
                            position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=boss, name="Rina Staf", position="Pranata Komputer Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    year = factory.skp.year(2026)
    head_plan = factory.skp.plan(head, year, status=PlanStatus.APPROVED)
    boss_plan = factory.skp.plan(boss, year, status=PlanStatus.APPROVED, results=2, parent=head_plan.results[0])
    boss_plan.results[0].text = "Terselenggaranya layanan aplikasi daring"
    boss_plan.results[1].text = "Terkelolanya keamanan informasi"
    db.session.flush()
    return {"opd": opd, "head": head, "boss": boss, "staff": staff, "year": year, "boss_plan": boss_plan}


def hidden_version(response) -> str:
    match = re.search(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"', body(response))
    assert match, "no version field"
    return match.group(1) or match.group(2)


def newest(employee) -> Plan | None:
    db.session.expire_all()
    return db.session.scalar(select(Plan).where(Plan.employee_id == employee.id).order_by(Plan.version.desc()).limit(1))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def snapshot_counts() -> tuple[int, int, int]:
    """Rows of plans, RHK and IKI: a refused request changes none of them."""
    return count(Plan), count(WorkResult), count(Indicator)


def actions() -> list[str]:
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def complete_indicator(**overrides) -> dict:
    data = {"aspect": "KUANTITAS", "text": "Jumlah modul aplikasi yang dioperasikan", "direction": "higher",
            "target_value": "4", "target_high": "", "unit": "Modul", "cumulative": "y"}
    data.update(overrides)
    return data


D = Decimal
