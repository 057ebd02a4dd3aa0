"""The team page (status per member, counts) and the number of queries of the SKP pages, which
must not grow with the team or the plan."""
from decimal import Decimal

from sqlalchemy import select

from app.domain.skp import Aspect, PlanStatus, ResultKind
from app.extensions import db
from app.models import CoreValue, Expectation, Indicator, IndicatorPeriodTarget, WorkResult
from app.services.skp import plans as plan_service
from tests.skp.plans.conftest import count_statements, text


def test_team_page_shows_each_members_newest_status_and_counts(make_client, line, factory):
    boss, year, parent = line["boss"], line["year"], line["boss_plan"].results[0]
    states = [PlanStatus.SUBMITTED, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED]
    for n, status in enumerate(states):
        member = factory.employee(line["opd"], assessor=boss, name=f"Anggota {n}")
        factory.skp.plan(member, year, status=status, parent=parent)
    factory.skp.plan(line["staff"], year, status=PlanStatus.APPROVED, parent=parent)
    factory.skp.plan(line["staff"], year, version=2, parent=parent)  # newest: a draft v2
    factory.employee(line["opd"], assessor=boss, name="Anggota tanpa SKP")
    factory.employee(line["opd"], assessor=boss, name="Anggota nonaktif", active=False)
    client = make_client(boss.user)
    page = text(client.get("/skp/tim/2026"))
    assert "Anggota tanpa SKP" in page and "Anggota nonaktif" not in page
    assert "2 Menunggu persetujuan 1 Dikembalikan 1 Draf 1 Disetujui 1 Belum menyusun" in page
    assert "versi 2" in page
    # Only the reporting line: the head sees the boss, not the boss's staff.
    head_page = text(make_client(line["head"].user).get("/skp/tim"))
    assert "Sari Kasi" in head_page and "Anggota 0" not in head_page


def _team_queries(make_client, line, factory, size):
    boss, year, parent = line["boss"], line["year"], line["boss_plan"].results[0]
    for n in range(size):
        member = factory.employee(line["opd"], assessor=boss)
        factory.skp.plan(member, year, status=[PlanStatus.DRAFT, PlanStatus.SUBMITTED][n % 2], parent=parent)
    client = make_client(boss.user)
    client.get("/skp/tim")  # warm-up: the session's first request
    with count_statements() as seen:
        response = client.get("/skp/tim/2026")
    assert response.status_code == 200
    return len(seen)


def test_team_page_queries_do_not_grow_with_the_team(make_client, line, factory, app):
    small = _team_queries(make_client, line, factory, 3)
    large = _team_queries(make_client, line, factory, 27)  # 30 in all
    assert small == large, (small, large)


def _big_plan(line, factory, rhk: int):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.APPROVED, results=rhk,
                            indicators=2, parent=line["boss_plan"].results[0])
    period = line["year"].periods[0]
    for result in plan.results:
        result.indicators[0].period_targets.append(IndicatorPeriodTarget(period_id=period.id, value=Decimal("3")))
    for value in db.session.scalars(select(CoreValue)):
        plan.expectations.append(Expectation(core_value_id=value.id, text=f"Harapan {value.name}"))
    plan.results.append(WorkResult(kind=ResultKind.TAMBAHAN, text="Tugas tambahan", position=0, indicators=[
        Indicator(aspect=Aspect.WAKTU, text="Waktu", target_value=Decimal("12"), unit="Bulan")]))
    plan.approved_by = line["boss"].user
    db.session.flush()
    return plan


def _page_queries(client, url):
    client.get(url)
    with count_statements() as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len(seen)


def test_plan_pages_queries_do_not_grow_with_the_plan(make_client, line, factory):
    counts = {}
    for size in (2, 20):
        plan = _big_plan(line, factory, size)
        v2 = plan_service.revise(line["staff"].user, plan, "Perubahan untuk uji jumlah kueri")
        v2.status, v2.submitted_at = PlanStatus.SUBMITTED, plan.approved_at
        db.session.flush()
        pegawai, atasan = make_client(line["staff"].user), make_client(line["boss"].user)
        counts[size] = (
            _page_queries(pegawai, f"/skp/rencana/{plan.id}"),
            _page_queries(pegawai, "/skp/2026"),
            _page_queries(atasan, f"/skp/rencana/{v2.id}/tinjau"),
            _page_queries(pegawai, f"/skp/rencana/{v2.id}/bandingkan/{plan.id}"),
        )
        assert "Harapan Kolaboratif" in text(pegawai.get(f"/skp/rencana/{plan.id}"))
        db.session.delete(v2)
        db.session.delete(plan)
        db.session.flush()
    assert counts[2] == counts[20], counts


def test_editor_queries_do_not_grow_with_the_plan(make_client, line, factory):
    counts = {}
    for size in (2, 20):
        plan = factory.skp.plan(line["staff"], line["year"], results=size, indicators=2,
                                parent=line["boss_plan"].results[0])
        client = make_client(line["staff"].user)
        counts[size] = _page_queries(client, "/skp/2026")
        assert "Ubah RHK" in text(client.get("/skp/2026"))
        db.session.delete(plan)
        db.session.flush()
    assert counts[2] == counts[20], counts
