"""Who is refused what: strangers get 404 (no leak), people who may read but not act get 403,
and nothing changes either way."""
import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.enums import ActingKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, CoreValue
from tests.skp.plans.conftest import complete_indicator, newest, snapshot_counts, text


def edit_routes(plan):
    result = plan.results[0]
    indicator = result.indicators[0]
    base = f"/skp/rencana/{plan.id}"
    v = str(plan.lock_version)
    return [
        ("GET", f"{base}/lampiran", None),
        ("POST", f"{base}/lampiran", {"version": v, "approach": "KUANTITATIF", "resources": "Diubah"}),
        ("GET", f"{base}/rhk/baru", None),
        ("POST", f"{base}/rhk/baru", {"version": v, "kind": "TAMBAHAN", "text": "Disusupkan", "parent_id": "0"}),
        ("GET", f"{base}/rhk/{result.id}/ubah", None),
        ("POST", f"{base}/rhk/{result.id}/ubah", {"version": v, "kind": "TAMBAHAN", "text": "Diubah", "parent_id": "0"}),
        ("POST", f"{base}/rhk/{result.id}/hapus", {"version": v}),
        ("POST", f"{base}/rhk/{result.id}/naik", {"version": v}),
        ("POST", f"{base}/rhk/{result.id}/turun", {"version": v}),
        ("GET", f"{base}/rhk/{result.id}/iki/baru", None),
        ("POST", f"{base}/rhk/{result.id}/iki/baru", {"version": v, **complete_indicator()}),
        ("GET", f"{base}/iki/{indicator.id}/ubah", None),
        ("POST", f"{base}/iki/{indicator.id}/ubah", {"version": v, **complete_indicator(target_value="99")}),
        ("POST", f"{base}/iki/{indicator.id}/hapus", {"version": v}),
        ("POST", f"{base}/iki/{indicator.id}/naik", {"version": v}),
        ("POST", f"{base}/iki/{indicator.id}/turun", {"version": v}),
    ]


def owner_routes(plan):
    base = f"/skp/rencana/{plan.id}"
    return [
        ("POST", f"{base}/ajukan", {"version": str(plan.lock_version)}),
        ("POST", f"{base}/tarik", {}),
        ("GET", f"{base}/versi-baru", None),
        ("POST", f"{base}/versi-baru", {"reason": "Alasan perubahan yang cukup panjang"}),
    ]


def review_routes(plan):
    base = f"/skp/rencana/{plan.id}"
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 1))
    v = str(plan.lock_version)
    return [
        ("GET", f"{base}/tinjau", None),
        ("POST", f"{base}/ekspektasi", {"version": v, f"value_{value.id}": "Disusupkan"}),
        ("POST", f"{base}/setujui", {"version": v}),
        ("POST", f"{base}/kembalikan", {"version": v, "reason": "Alasan yang cukup panjang"}),
    ]


def read_routes(plan):
    return [("GET", f"/skp/rencana/{plan.id}", None),
            ("GET", f"/skp/rencana/{plan.id}/bandingkan/{plan.id}", None)]


def call(client, method, url, data):
    return client.get(url) if method == "GET" else client.post(url, data)


def state(plan):
    db.session.expire_all()
    events = db.session.scalar(select(db.func.count()).select_from(AuditEvent))
    return snapshot_counts(), plan.status, plan.lock_version, len(plan.expectations), events


@pytest.fixture
def submitted(line, factory):
    return factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED,
                            parent=line["boss_plan"].results[0])


@pytest.fixture
def draft(line, factory):
    return factory.skp.plan(line["staff"], line["year"], parent=line["boss_plan"].results[0])


@pytest.mark.parametrize("who", ["stranger", "colleague", "other_opd_admin"])
def test_strangers_get_404_everywhere(make_client, line, factory, draft, who):
    actor = {
        "stranger": lambda: factory.employee(factory.opd()).user,
        "colleague": lambda: factory.employee(line["opd"], assessor=line["boss"]).user,
        "other_opd_admin": lambda: factory.admin([factory.opd()]),
    }[who]()
    client = make_client(actor)
    before = state(draft)
    for method, url, data in edit_routes(draft) + owner_routes(draft) + review_routes(draft) + read_routes(draft):
        response = call(client, method, url, data)
        assert response.status_code == 404, (who, method, url, response.status_code)
        assert "Rina Staf" not in text(response)
    assert state(draft) == before


def test_the_assessor_chain_and_the_opd_admin_read_but_do_not_edit(make_client, line, factory, draft):
    admin = factory.admin([line["opd"]])
    for actor in (line["boss"].user, line["head"].user, admin):
        client = make_client(actor)
        for method, url, data in read_routes(draft):
            assert call(client, method, url, data).status_code == 200, (actor, url)
        before = state(draft)
        for method, url, data in edit_routes(draft) + owner_routes(draft):
            response = call(client, method, url, data)
            assert response.status_code == 403, (actor, method, url, response.status_code)
        assert state(draft) == before


@pytest.mark.parametrize("who", ["self", "second_assessor", "opd_admin"])
def test_who_may_not_review(make_client, line, factory, submitted, who):
    actor = {"self": line["staff"].user, "second_assessor": line["head"].user,
             "opd_admin": factory.admin([line["opd"]])}[who]
    client = make_client(actor)
    before = state(submitted)
    for method, url, data in review_routes(submitted):
        response = call(client, method, url, data)
        assert response.status_code == 403, (who, method, url, response.status_code)
    assert state(submitted) == before
    assert f"/skp/rencana/{submitted.id}/tinjau" not in client.get(f"/skp/rencana/{submitted.id}").get_data(as_text=True)


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.SUPERSEDED])
def test_nobody_edits_a_submitted_or_approved_plan(make_client, line, factory, status):
    plan = factory.skp.plan(line["staff"], line["year"], status=status, parent=line["boss_plan"].results[0])
    client = make_client(line["staff"].user)
    before = state(plan)
    for method, url, data in edit_routes(plan):
        response = call(client, method, url, data)
        assert response.status_code == 403, (status, method, url, response.status_code)
    assert state(plan) == before
    page = client.get("/skp/2026")
    assert "Ubah RHK" not in text(page) and "Tambah IKI" not in text(page)


def test_transitions_from_the_wrong_state_are_explained(make_client, line, factory):
    approved = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.APPROVED,
                                parent=line["boss_plan"].results[0])
    pegawai, atasan = make_client(line["staff"].user), make_client(line["boss"].user)
    response = pegawai.post(f"/skp/rencana/{approved.id}/tarik")
    assert response.status_code == 200 and "tidak dapat ditarik kembali" in text(response)
    response = atasan.post(f"/skp/rencana/{approved.id}/setujui", {"version": str(approved.lock_version)})
    assert response.status_code == 200 and "SKP berstatus Disetujui tidak dapat disetujui." in text(response)
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 1))
    response = atasan.post(f"/skp/rencana/{approved.id}/ekspektasi", {"version": str(approved.lock_version),
                                                                      f"value_{value.id}": "Terlambat"})
    assert response.status_code == 200
    assert "Ekspektasi SKP yang sudah disetujui tidak dapat diubah" in text(response)
    v2 = factory.skp.plan(line["staff"], line["year"], version=2, parent=line["boss_plan"].results[0])
    response = pegawai.get(f"/skp/rencana/{approved.id}/versi-baru")
    assert response.status_code == 200 and "Versi 2 SKP ini sudah dibuat" in text(response)
    response = pegawai.post(f"/skp/rencana/{approved.id}/versi-baru", {"reason": "Sekali lagi dengan alasan"})
    assert response.status_code == 200 and "Versi 2 SKP ini sudah dibuat" in text(response)
    response = atasan.post(f"/skp/rencana/{v2.id}/setujui", {"version": str(v2.lock_version)})
    assert response.status_code == 200 and "SKP berstatus Draf tidak dapat disetujui." in text(response)
    response = atasan.post(f"/skp/rencana/{v2.id}/kembalikan", {"version": str(v2.lock_version),
                                                                "reason": "Alasan yang cukup panjang"})
    assert response.status_code == 200 and "SKP berstatus Draf tidak dapat dikembalikan." in text(response)
    assert newest(line["staff"]).status == PlanStatus.DRAFT


def test_a_plh_reviews_while_the_assessor_is_away(make_client, line, factory, submitted):
    plh = factory.employee(line["opd"], name="Budi Plh")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=line["boss"],
                                    unit=line["opd"], position="Kepala Seksi Aplikasi",
                                    start_date=dt.date.today(), end_date=dt.date.today() + dt.timedelta(days=5)))
    client = make_client(plh.user)
    team = client.get("/skp/tim")
    assert "Sebagai Plh. Kepala Seksi Aplikasi" in text(team) and "Rina Staf" in text(team)
    assert ">Tim saya<" in team.get_data(as_text=True)  # the menu shows the team for the acting official
    review = client.get(f"/skp/rencana/{submitted.id}/tinjau")
    assert review.status_code == 200
    response = client.post(f"/skp/rencana/{submitted.id}/setujui", {"version": str(submitted.lock_version)})
    assert response.status_code == 302
    plan = newest(line["staff"])
    assert plan.status == PlanStatus.APPROVED and plan.approved_as == "Plh. Kepala Seksi Aplikasi"


def test_an_expired_acting_assignment_grants_nothing(make_client, line, factory, submitted):
    plh = factory.employee(line["opd"], name="Budi Plh")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=line["boss"],
                                    unit=line["opd"], position="Kepala Seksi Aplikasi",
                                    start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 1, 31)))
    client = make_client(plh.user)
    assert "Rina Staf" not in text(client.get("/skp/tim"))
    assert client.get(f"/skp/rencana/{submitted.id}/tinjau").status_code == 404
    assert client.post(f"/skp/rencana/{submitted.id}/setujui",
                       {"version": str(submitted.lock_version)}).status_code == 404


def test_compare_refuses_versions_of_different_plans(make_client, line, factory, draft):
    other = factory.skp.plan(line["boss"], factory.skp.year(2025), status=PlanStatus.APPROVED)
    own_other_year = factory.skp.plan(line["staff"], factory.skp.year(2025), status=PlanStatus.APPROVED)
    client = make_client(line["staff"].user)
    assert client.get(f"/skp/rencana/{draft.id}/bandingkan/{other.id}").status_code == 404
    assert client.get(f"/skp/rencana/{draft.id}/bandingkan/{own_other_year.id}").status_code == 404
    assert client.get(f"/skp/rencana/{draft.id}/bandingkan/999999").status_code == 404
