"""Who may not: another pegawai (404 everywhere, as if the assessment did not exist), the assessor
writing the pegawai's realisasi (403), another OPD's pengelola kinerja (404), the pengelola or a
colleague returning (403/404), anyone after the freeze; and the bukti dukung download: only for who
may view the assessment, always as an attachment."""
import pytest

from app.extensions import db
from app.models import Evidence
from tests.assessments.conftest import (
    PDF, assessment_of, form_data, realization, start, state, text, upload,
)


@pytest.fixture
def submitted(make_client, world):
    """The staff's assessment with a PDF and a link, submitted."""
    client = make_client(world["staff"].user)
    a = start(client, world)
    docs, rate = realization(a, world["docs"]), realization(a, world["rate"])
    client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(
        world, a, docs="3", rate="7", **{f"file_{docs.id}": upload(PDF, "laporan triwulan.pdf"),
                                         f"url_{rate.id}": "https://arsip.kab.go.id/dok/9"}))
    a = assessment_of(world["staff"], world["p1"])
    assert a.status.value == "SUBMITTED"
    files = {e.kind.value: e.id for e in db.session.query(Evidence)}
    return {"a": a, "file": files["FILE"], "link": files["LINK"], "client": client}


def _posts(a, evidence_id):
    return [f"/penilaian/isian/{a.id}/simpan", f"/penilaian/isian/{a.id}/ajukan",
            f"/penilaian/bukti/{evidence_id}/hapus", f"/penilaian/lihat/{a.id}/kembalikan",
            f"/penilaian/lihat/{a.id}/buka-kembali"]


@pytest.mark.parametrize("who", ["colleague", "other_admin"])
def test_strangers_get_404_on_every_page_and_post(make_client, world, submitted, who):
    person = world[who]
    client = make_client(person if who == "other_admin" else person.user)
    a = submitted["a"]
    before = state(a)
    for url in [f"/penilaian/lihat/{a.id}", f"/penilaian/bukti/{submitted['file']}",
                f"/penilaian/bukti/{submitted['link']}", f"/penilaian/pegawai/{world['staff'].id}"]:
        assert client.get(url).status_code == 404, url
    for url in _posts(a, submitted["file"]):
        response = client.post(url, form_data(world, a, docs="9", rate="9", reason="Alasan yang panjang sekali",
                                              until="2099-01-01"))
        assert response.status_code == 404, url
    assert state(a) == before
    assert "Rina Staf" not in text(client.get("/penilaian/tim"))


def test_the_assessor_reads_but_never_writes_the_realisasi(make_client, world, submitted):
    client = make_client(world["boss"].user)
    a = submitted["a"]
    assert client.get(f"/penilaian/lihat/{a.id}").status_code == 200
    assert client.get(f"/penilaian/bukti/{submitted['file']}").status_code == 200
    # reopened to a draft, the assessor still cannot write it
    make_client(world["admin"]).post(f"/penilaian/lihat/{a.id}/buka-kembali",
                                     {"until": "2099-01-01", "reason": "Perlu perbaikan bukti"})
    before = state(a)
    for url in _posts(a, submitted["file"])[:3]:
        response = client.post(url, form_data(world, a, docs="9", rate="9"))
        assert response.status_code == 403, url
    assert client.post(f"/penilaian/lihat/{a.id}/buka-kembali",
                       {"until": "2099-01-01", "reason": "Alasan yang panjang sekali"}).status_code == 403
    assert state(a) == before


def test_only_the_direct_assessor_returns(make_client, world, submitted):
    a = submitted["a"]
    before = state(a)
    data = {"reason": "Lengkapi bukti dukung laporan", "version": str(a.lock_version)}
    assert make_client(world["admin"]).post(f"/penilaian/lihat/{a.id}/kembalikan", data).status_code == 403
    assert submitted["client"].post(f"/penilaian/lihat/{a.id}/kembalikan", data).status_code == 403
    assert make_client(world["colleague"].user).post(f"/penilaian/lihat/{a.id}/kembalikan", data).status_code == 404
    assert state(a) == before
    # The pengelola kinerja of the OPD reads it (and may reopen, not return).
    page = text(make_client(world["admin"]).get(f"/penilaian/lihat/{a.id}"))
    assert "Buka kembali" in page and "Kembalikan kepada pegawai" not in page


def test_after_the_freeze_nothing_changes_for_anyone(make_client, world, submitted):
    a, client = submitted["a"], submitted["client"]
    before = state(a)
    for url in _posts(a, submitted["file"])[:3]:
        response = client.post(url, form_data(world, a, docs="1", rate="1"))
        assert response.status_code == 403, url
        assert "berstatus Diajukan" in text(response)
    assert state(a) == before
    assert "Hapus" not in text(client.get(world["url"]))


def test_the_download_is_an_attachment_with_the_stored_type(make_client, world, submitted):
    for person in (world["staff"].user, world["boss"].user, world["admin"]):
        response = make_client(person).get(f"/penilaian/bukti/{submitted['file']}")
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert "laporan%20triwulan.pdf" in response.headers["Content-Disposition"] or \
            'filename="laporan triwulan.pdf"' in response.headers["Content-Disposition"]
        assert response.mimetype == "application/pdf"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"
        assert response.get_data() == PDF
    # A link is shown as a link, not served.
    assert make_client(world["staff"].user).get(f"/penilaian/bukti/{submitted['link']}").status_code == 404
    assert make_client(world["staff"].user).get("/penilaian/bukti/999999").status_code == 404


def test_the_second_assessor_reads_too(make_client, world, factory, submitted):
    head = factory.employee(world["opd"], name="Kepala Bidang")
    world["boss"].assessor = head
    db.session.flush()
    client = make_client(head.user)
    a = submitted["a"]
    assert client.get(f"/penilaian/lihat/{a.id}").status_code == 200
    assert client.get(f"/penilaian/bukti/{submitted['file']}").status_code == 200
    before = state(a)
    response = client.post(f"/penilaian/lihat/{a.id}/kembalikan",
                           {"reason": "Lengkapi bukti dukung laporan", "version": str(a.lock_version)})
    assert response.status_code == 403  # the return is the direct assessor's
    assert state(a) == before


def test_the_pengelola_reopens_a_period_the_pegawai_never_started(factory, make_client):
    """Under the REFUSE policy a pegawai who missed the deadline cannot start; the pengelola opens it."""
    import datetime as dt

    from app.domain.enums import LatePolicy
    from app.domain.skp import PlanStatus
    from app.services.assessments import assessments as svc
    from app.services.settings import update_settings

    today = dt.date.today()
    opd = factory.opd("Dinas Arsip")
    boss = factory.employee(opd)
    staff = factory.employee(opd, assessor=boss, name="Terlambat Mulai")
    year = factory.skp.year(today.year)
    factory.skp.plan(staff, year, status=PlanStatus.APPROVED)
    period = [p for p in year.periods if not p.is_final][0]
    period.start_date, period.end_date = today - dt.timedelta(days=60), today - dt.timedelta(days=20)
    period.submission_deadline, period.review_deadline = today - dt.timedelta(days=5), today + dt.timedelta(days=5)
    update_settings(factory.superadmin(), {"late_submission": LatePolicy.REFUSE})
    admin = factory.admin([opd])
    client = make_client(admin)
    page = client.get(f"/penilaian/pegawai/{staff.id}/{year.year}")
    assert f"Buka {period.label} untuk pegawai ini" in page.get_data(as_text=True)
    url = f"/penilaian/pegawai/{staff.id}/{year.year}/{period.number}/buka-kembali"
    refused = client.post(url, {"until": (today - dt.timedelta(days=1)).isoformat(), "reason": "Pegawai sakit"})
    assert "sebelum hari ini" in refused.get_data(as_text=True) and svc.find(staff.id, period.id) is None
    assert make_client(staff.user).post(url, {"until": today.isoformat(), "reason": "Saya sendiri saja"}).status_code == 403
    done = client.post(url, {"until": (today + dt.timedelta(days=3)).isoformat(), "reason": "Pegawai sakit dua minggu"})
    assert done.status_code == 302
    assessment = svc.find(staff.id, period.id)
    assert assessment.extended_until == today + dt.timedelta(days=3) and svc.window(assessment).can_edit
