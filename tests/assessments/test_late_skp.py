"""An SKP that starts late (a new pegawai, a transfer, a year adopted in October; RULES.md §10): it
counts from its first approval unless the pengelola kinerja sets an earlier date; the periods that
end before it are "tidak dinilai" — no realisasi asked, not late on Beranda, not missing in the
monitoring — and cumulative targets count pro rata from it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AuditEvent, Plan
from app.services import ServiceError
from app.services.assessments import assessments as periods
from app.services.assessments.period_status import period_statuses
from app.services.assessments.rows import indicator_rows
from app.services.monitoring.monitoring import pegawai_states, progress_by_opd
from app.services.skp import plans as plan_service
from tests.pages import text


@pytest.fixture
def late(factory):
    """A year whose first three quarters are over; the SKP is approved today, in the fourth."""
    today = dt.date.today()
    opd = factory.opd("Dinas Uji")
    boss = factory.employee(opd, name="Kepala Bidang")
    member = factory.employee(opd, assessor=boss, name="Pegawai Baru")
    admin = factory.admin([opd])
    year = factory.skp.year(today.year)
    regular = [p for p in year.periods if not p.is_final]
    current = regular[-1]
    # the last quarter runs now; the earlier ones ended before today
    current.start_date, current.end_date = today - dt.timedelta(days=10), today + dt.timedelta(days=20)
    current.submission_deadline = current.review_deadline = today + dt.timedelta(days=40)
    for n, period in enumerate(regular[:-1]):
        period.end_date = today - dt.timedelta(days=11 + 30 * (len(regular) - 2 - n))
        period.start_date = period.end_date - dt.timedelta(days=29)
        period.submission_deadline = period.review_deadline = period.end_date + dt.timedelta(days=5)
    db.session.flush()
    plan = factory.skp.plan(member, year, status=PlanStatus.SUBMITTED)  # one IKI, 12 Dokumen a year
    plan_service.approve(boss.user, plan)
    db.session.flush()
    return {"opd": opd, "boss": boss, "member": member, "admin": admin, "year": year, "plan": plan,
            "regular": regular, "current": current, "today": today}


def test_the_skp_starts_at_its_approval_and_earlier_periods_are_not_assessed(late, make_client):
    plan, member = late["plan"], late["member"]
    assert plan.start_date == late["today"]
    with pytest.raises(ServiceError, match="tidak dinilai"):
        periods.open_assessment(member.user, member, late["regular"][0])
    states = {s.period.id: s for s in period_statuses(member, late["year"], late["today"])}
    assert [states[p.id].state for p in late["regular"][:-1]] == ["not_assessed"] * (len(late["regular"]) - 1)
    assert all(not states[p.id].actionable for p in late["regular"][:-1])
    home = text(make_client(member.user).get("/"))
    assert "terlambat" not in home
    assert text(make_client(member.user).get(f"/penilaian/{late['year'].year}")).count("Tidak dinilai") >= 3


def test_monitoring_counts_them_as_not_assessed_not_missing(late):
    first = late["regular"][0]
    (row,) = progress_by_opd([late["opd"]], first)
    assert row.count("tidak_dinilai") == 1 and row.count("belum") == 0 and row.with_skp == 0
    (state,) = [s for s in pegawai_states(late["opd"].id, first) if s.employee.id == late["member"].id]
    assert state.state == "tidak_dinilai" and state.label.startswith("Tidak dinilai")
    (now,) = progress_by_opd([late["opd"]], late["current"])
    assert now.count("belum") == 1 and now.with_skp == 1


def test_a_cumulative_target_counts_pro_rata_from_the_start(late):
    member = late["member"]
    assessment = periods.open_assessment(member.user, member, late["current"])
    (row,) = indicator_rows(assessment)
    count = len(late["regular"])
    assert row.target == Decimal(12) / count  # this quarter's share, not the whole year's 12
    ids = [r.indicator_id for r in assessment.realizations]
    periods.save(member.user, assessment, {ids[0]: periods.Entry(value=Decimal(12) / count)}, {})
    (row,) = indicator_rows(assessment)
    assert row.capaian == Decimal(100)


def test_a_new_version_keeps_the_start_of_the_one_it_replaces(late):
    plan = late["plan"]
    newer = plan_service.revise(late["member"].user, plan, "Tambahan tugas dari pimpinan.")
    from app.models.base import utcnow

    # (the factory's RHK have no parent RHK, so the submit checks would refuse it)
    newer.status, newer.submitted_at = PlanStatus.SUBMITTED, utcnow()
    plan_service.approve(late["boss"].user, newer)
    assert newer.start_date == plan.start_date


def test_the_pengelola_sets_an_earlier_start(late, make_client):
    plan, admin = late["plan"], make_client(late["admin"])
    page = admin.get(f"/skp/rencana/{plan.id}")
    assert "Simpan tanggal mulai" in text(page)
    earlier = late["regular"][-2].start_date
    response = admin.post(f"/skp/rencana/{plan.id}/tanggal-mulai", {"start_date": earlier.isoformat()})
    assert response.status_code == 302
    assert db.session.get(Plan, plan.id).start_date == earlier
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "skp.tanggal_mulai")) is not None
    member = late["member"]
    assert periods.open_assessment(member.user, member, late["regular"][-2]) is not None
    # later than the approval, or before the year: refused at the field
    later = late["today"] + dt.timedelta(days=3)
    body = text(admin.post(f"/skp/rencana/{plan.id}/tanggal-mulai", {"start_date": later.isoformat()}))
    assert "tidak boleh sesudah SKP disetujui" in body
    # the pegawai and the assessor may not
    for user in (member.user, late["boss"].user):
        assert make_client(user).post(f"/skp/rencana/{plan.id}/tanggal-mulai",
                                      {"start_date": earlier.isoformat()}).status_code == 403
    assert "Simpan tanggal mulai" not in text(make_client(member.user).get(f"/skp/rencana/{plan.id}"))
