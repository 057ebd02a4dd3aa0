"""Nobody reviews their own assessment, one that is not submitted (or already approved), or one
outside their line: each refusal answers 403 (may read it) or 404 (may not know it exists) and
changes nothing. A Plh. reviews only the periods their assignment overlaps."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import ActingKind, AssessmentStatus
from app.domain.scoring import Predikat
from app.extensions import db
from app.models import ActingAssignment
from app.services.reviews import reviews
from tests.reviews.period.conftest import TODAY, body, fresh, review_data, state, text

ACTIONS = ("simpan", "setujui", "kembalikan")


def _post(client, world, action, assessment=None):
    a = assessment or world["assessment"]
    url = f"/tinjau/penilaian/{a.id}/{action}"
    if action == "kembalikan":
        return client.post(url, {"version": str(fresh(a).lock_version), "reason": "Perbaiki bukti dukung bulan Maret."})
    return client.post(url, review_data(a, result_rating="SESUAI", behavior_rating="SESUAI"))


def _plh(world, factory, start, end):
    plh = factory.employee(world["opd"], name="Plh Kasi", position="Pranata Komputer Ahli Muda")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=world["kasi"],
                                    unit=world["opd"], position="Kepala Seksi Layanan Aplikasi",
                                    start_date=start, end_date=end))
    db.session.flush()
    return plh


@pytest.mark.parametrize("who, get_status, post_status", [
    ("self", 302, 403),  # the pegawai: their own read-only view, never a review
    ("colleague", 404, 404),  # same assessor, not in the line
    ("second_assessor", 302, 403),  # the Atasan Pejabat Penilai reads it, does not approve
    ("admin", 302, 403),  # the pengelola kinerja of the OPD reads it
    ("other_admin", 404, 404),  # another OPD's pengelola kinerja
])
def test_who_may_not_review(make_client, world, who, get_status, post_status):
    user = {"self": world["staff"].user, "colleague": world["colleague"].user, "second_assessor": world["kabid"].user,
            "admin": world["admin"], "other_admin": world["other_admin"]}[who]
    client = make_client(user)
    before = state(world["assessment"])
    response = client.get(world["url"])
    assert response.status_code == get_status
    if get_status == 302:
        assert response.headers["Location"].endswith(f"/penilaian/lihat/{world['assessment'].id}")
    for action in ACTIONS:
        assert _post(client, world, action).status_code == post_status, action
    assert state(world["assessment"]) == before


def test_the_second_assessor_reads_it_read_only(make_client, world):
    client = make_client(world["kabid"].user)
    page = client.get(f"/penilaian/lihat/{world['assessment'].id}")
    assert page.status_code == 200 and "Rina Staf" in text(page)
    assert "/setujui" not in body(page)


def test_plh_whose_assignment_does_not_overlap_the_period(make_client, world, factory):
    p1 = world["p1"]
    plh = _plh(world, factory, p1.end_date + dt.timedelta(days=30), p1.end_date + dt.timedelta(days=40))
    client = make_client(plh.user)
    before = state(world["assessment"])
    assert client.get(world["url"]).status_code == 404
    for action in ACTIONS:
        assert _post(client, world, action).status_code == 404, action
    assert state(world["assessment"]) == before
    # the grid lists the team for the periods the assignment covers, never this one
    grid = client.get("/tinjau/")
    assert world["url"] not in body(grid) and f"/penilaian/lihat/{world['assessment'].id}" not in body(grid)
    assert "di luar masa tugas" in text(grid) and "Diajukan" not in text(grid)


def test_plh_during_the_period_reviews_and_signs_as_plh(make_client, world, factory):
    p1 = world["p1"]
    plh = _plh(world, factory, p1.start_date + dt.timedelta(days=10), p1.start_date + dt.timedelta(days=20))
    client = make_client(plh.user)
    assert client.get(world["url"]).status_code == 200
    page = text(client.get("/tinjau/"))
    assert "Rina Staf" in page and "sebagai Plh. Kepala Seksi Layanan Aplikasi" in page
    assert _post(client, world, "setujui").status_code == 302
    a = fresh(world["assessment"])
    assert a.status == AssessmentStatus.APPROVED and a.reviewed_as == "Plh. Kepala Seksi Layanan Aplikasi"
    assert a.predikat == Predikat.BAIK


@pytest.mark.parametrize("action", ACTIONS)
def test_a_draft_is_not_reviewed(make_client, world, action):
    client = make_client(world["kasi"].user)
    draft = world["draft"]
    before = state(draft)
    response = _post(client, world, action, draft)
    assert response.status_code == 403
    assert "tidak dapat ditinjau" in text(response)
    assert state(draft) == before
    response = client.get(f"/tinjau/penilaian/{draft.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/penilaian/lihat/{draft.id}")


@pytest.mark.parametrize("action", ACTIONS)
def test_an_approved_assessment_is_frozen(make_client, world, action):
    a = world["assessment"]
    reviews.approve_review(world["kasi"].user, a, feedback={}, result_rating="SESUAI", result_rating_reason=None,
                           behavior_rating="SESUAI")
    client = make_client(world["kasi"].user)
    before = state(a)
    response = _post(client, world, action)
    assert response.status_code == 403 and "berstatus Disetujui tidak dapat ditinjau" in text(response)
    assert state(a) == before


def test_own_assessment_is_never_reviewed_even_by_an_assessor(make_client, world, factory):
    """Kasi's own assessment: Kasi cannot open its review; Kabid (Kasi's assessor) can."""
    from tests.reviews.period.conftest import approved_plan, submitted_assessment

    approved_plan(factory, world["kasi"], world["year"])
    own = submitted_assessment(world["kasi"], world["p1"], 3)
    client = make_client(world["kasi"].user)
    before = state(own)
    assert client.get(f"/tinjau/penilaian/{own.id}").status_code == 302
    assert _post(client, world, "setujui", own).status_code == 403
    assert state(own) == before
    assert make_client(world["kabid"].user).get(f"/tinjau/penilaian/{own.id}").status_code == 200


def test_missing_csrf_token_changes_nothing(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    before = state(a)
    for action in ACTIONS:
        data = review_data(a, result_rating="SESUAI", behavior_rating="SESUAI", reason="alasan yang cukup panjang")
        response = client.post(f"{world['url']}/{action}", data, csrf=False)
        assert response.status_code == 400, action
    assert state(a) == before


def test_anonymous_goes_to_login_and_unknown_ids_are_404(make_client, world):
    anonymous = make_client()
    assert anonymous.get(world["url"]).headers["Location"].startswith("/masuk")
    assert anonymous.get("/tinjau/").headers["Location"].startswith("/masuk")
    kasi = make_client(world["kasi"].user)
    assert kasi.get("/tinjau/penilaian/999999").status_code == 404
    assert kasi.post("/tinjau/penilaian/999999/setujui", {}).status_code == 404
    assert kasi.get("/tinjau/1999").status_code == 404


def test_get_never_changes_anything(make_client, world):
    a = world["assessment"]
    before = state(a)
    for action in ACTIONS:
        assert make_client(world["kasi"].user).get(f"{world['url']}/{action}").status_code == 405
    assert state(a) == before
    assert TODAY  # the fixture's dates are relative to today
