"""The whole period flow over HTTP: start → save → capaian → bukti dukung (files, a link, removal)
→ a refused Ajukan → submit → frozen → returned with notes → fixed and resubmitted; late
submissions marked, or refused per the setting until the pengelola kinerja reopens."""
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import AssessmentStatus, EvidenceKind, LatePolicy
from app.extensions import db
from app.models import AuditEvent, Evidence
from app.services.settings import update_settings
from tests.assessments.conftest import (
    PDF, PNG, TODAY, assessment_of, body, field_error, form_data, realization, start, state, text, upload,
)


def test_start_needs_a_post_and_creates_one_draft(make_client, world):
    client = make_client(world["staff"].user)
    page = client.get(world["url"])
    assert page.status_code == 200 and "Mulai mengisi" in text(page)
    assert assessment_of(world["staff"], world["p1"]) is None  # a GET creates nothing
    a = start(client, world)
    assert a.status == AssessmentStatus.DRAFT and len(a.realizations) == 2
    assert start(client, world).id == a.id  # a second start opens the same one
    page = client.get(world["url"])
    assert 'name="value_%d"' % world["docs"].id in body(page) and "Simpan draf" in text(page)


def test_the_whole_flow(make_client, world):
    staff, boss = world["staff"], world["boss"]
    client = make_client(staff.user)
    a = start(client, world)
    docs, rate = realization(a, world["docs"]), realization(a, world["rate"])

    # Save with values: the capaian is computed and shown.
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="2", rate="6,5",
                                                                        note="Dua laporan selesai"))
    assert response.status_code == 302
    page = text(client.get(world["url"]))
    assert "Draf penilaian disimpan" in page
    assert "66,67 %" in page and "118,75 %" in page and "Jumlah s.d. periode ini 2 Dokumen" in page
    assert realization(a, world["docs"]).value == Decimal(2) and realization(a, world["docs"]).note == "Dua laporan selesai"

    # Bukti dukung: two files at once, then a link.
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(
        world, a, docs="2", rate="6,5", **{f"file_{docs.id}": [upload(PDF, "laporan.pdf"), upload(PNG, "foto.png")]}))
    assert response.status_code == 302
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(
        world, a, docs="2", rate="6,5", **{f"url_{rate.id}": "https://arsip.kab.go.id/dok/123"}))
    assert response.status_code == 302
    page = client.get(world["url"])
    assert "laporan.pdf" in body(page) and "foto.png" in body(page)
    assert 'href="https://arsip.kab.go.id/dok/123" target="_blank" rel="noopener noreferrer"' in body(page)
    evidence = {e.original_name or e.url: e for e in db.session.scalars(select(Evidence))}
    assert evidence["laporan.pdf"].kind == EvidenceKind.FILE and evidence["laporan.pdf"].mime == "application/pdf"

    # Remove one (POST, with the version the page showed).
    photo = evidence["foto.png"].id
    response = client.post(f"/penilaian/bukti/{photo}/hapus", {"version": str(assessment_of(staff, world["p1"]).lock_version)})
    assert response.status_code == 302
    assert "Bukti dukung dihapus: foto.png" in text(client.get(world["url"]))
    assert db.session.get(Evidence, photo) is None

    # Ajukan with an IKI left empty: refused at its field and listed on top; the rest is saved.
    response = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate=""))
    assert response.status_code == 200
    assert field_error(response, f"value_{world['rate'].id}") == "Isi realisasi IKI ini dengan angka."
    assert "Penilaian belum dapat diajukan" in text(response) and "Persentase keluhan layanan" in text(response)
    assert assessment_of(staff, world["p1"]).status == AssessmentStatus.DRAFT
    assert realization(a, world["docs"]).value == Decimal(3)

    # Complete and submit.
    response = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="7"))
    assert response.status_code == 302
    a = assessment_of(staff, world["p1"])
    assert a.status == AssessmentStatus.SUBMITTED and not a.late and a.submitted_at
    page = text(client.get(world["url"]))
    assert "diajukan kepada Pejabat Penilai Kinerja" in page and "isian tidak dapat diubah lagi" in page
    assert "Simpan draf" not in page

    # Frozen: a save is refused with the reason and changes nothing.
    before = state(a)
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="9", rate="1"))
    assert response.status_code == 403 and "berstatus Diajukan" in text(response)
    assert state(a) == before

    # The assessor returns it with notes (reason required, at its field).
    reviewer = make_client(boss.user)
    view = reviewer.get(f"/penilaian/lihat/{a.id}")
    assert view.status_code == 200 and "Kembalikan kepada pegawai" in text(view)
    short = reviewer.post(f"/penilaian/lihat/{a.id}/kembalikan", {"reason": "kurang", "version": str(a.lock_version)})
    assert "minimal 10" in field_error(short, "reason")
    empty = reviewer.post(f"/penilaian/lihat/{a.id}/kembalikan", {"reason": "", "version": str(a.lock_version)})
    assert field_error(empty, "reason") == "Tuliskan catatan pengembalian untuk pegawai."
    assert assessment_of(staff, world["p1"]).status == AssessmentStatus.SUBMITTED
    response = reviewer.post(f"/penilaian/lihat/{a.id}/kembalikan",
                             {"reason": "Lampirkan bukti laporan ketiga", "version": str(a.lock_version)})
    assert response.status_code == 302
    assert assessment_of(staff, world["p1"]).status == AssessmentStatus.RETURNED

    # The pegawai sees the notes on top, edits and resubmits.
    page = client.get(world["url"])
    assert "Dikembalikan oleh Pejabat Penilai (Sari Kasi)" in text(page)
    assert "Lampirkan bukti laporan ketiga" in text(page) and "Simpan draf" in text(page)
    home = text(client.get("/"))
    assert "Dikembalikan: Lampirkan bukti laporan ketiga" in home
    response = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(
        world, a, docs="3", rate="7", **{f"file_{docs.id}": upload(PDF, "laporan-3.pdf")}))
    assert response.status_code == 302
    a = assessment_of(staff, world["p1"])
    assert a.status == AssessmentStatus.SUBMITTED
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "assessment")))
    assert {"penilaian.dibuat", "penilaian.disimpan", "bukti.ditambah", "bukti.dihapus", "penilaian.diajukan",
            "penilaian.dikembalikan"} <= actions


def test_a_late_submission_is_marked(make_client, world):
    client = make_client(world["staff"].user)
    a = start(client, world)
    world["p1"].submission_deadline = TODAY - dt.timedelta(days=3)
    home = text(client.get("/"))
    assert "terlambat 3 hari" in home
    page = text(client.get(world["url"]))
    assert "sudah lewat" in page and "ditandai terlambat" in page
    response = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="7"))
    assert response.status_code == 302
    a = assessment_of(world["staff"], world["p1"])
    assert a.status == AssessmentStatus.SUBMITTED and a.late
    assert "(terlambat)" in text(client.get(world["url"]))
    listing = text(client.get(f"/penilaian/{TODAY.year}"))
    assert "Diajukan Terlambat" in listing


def test_refuse_policy_blocks_after_the_deadline_until_reopened(make_client, world, factory):
    client = make_client(world["staff"].user)
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="3", rate="7"))
    world["p1"].submission_deadline = TODAY - dt.timedelta(days=1)
    update_settings(factory.superadmin(), {"late_submission": LatePolicy.REFUSE})
    page = text(client.get(world["url"]))
    assert "sudah lewat; minta pengelola kinerja membuka kembali" in page and "Simpan draf" not in page
    before = state(a)
    for action in ("simpan", "ajukan"):
        response = client.post(f"/penilaian/isian/{a.id}/{action}", form_data(world, a, docs="4", rate="7"))
        assert response.status_code == 403 and "minta pengelola kinerja membuka kembali" in text(response)
    assert state(a) == before

    # The pengelola kinerja reopens (date not in the past, a reason), the pegawai submits: late.
    admin = make_client(world["admin"])
    view = admin.get(f"/penilaian/lihat/{a.id}")
    assert "Buka kembali" in text(view) and "Kembalikan kepada pegawai" not in text(view)
    past = admin.post(f"/penilaian/lihat/{a.id}/buka-kembali",
                      {"until": (TODAY - dt.timedelta(days=1)).isoformat(), "reason": "Pegawai sakit seminggu"})
    assert field_error(past, "until") == "Tanggal batas baru tidak boleh sebelum hari ini."
    short = admin.post(f"/penilaian/lihat/{a.id}/buka-kembali", {"until": TODAY.isoformat(), "reason": "sakit"})
    assert "minimal 10" in field_error(short, "reason")
    bad = admin.post(f"/penilaian/lihat/{a.id}/buka-kembali", {"until": "besok", "reason": "Pegawai sakit seminggu"})
    assert field_error(bad, "until") == "Tanggal tidak valid: tulis sebagai hh/bb/tttt, mis. 17/08/2026."
    assert state(a) == before
    response = admin.post(f"/penilaian/lihat/{a.id}/buka-kembali",
                          {"until": (TODAY + dt.timedelta(days=3)).isoformat(), "reason": "Pegawai sakit seminggu"})
    assert response.status_code == 302
    page = text(client.get(world["url"]))
    assert "dibuka kembali sampai" in page and "Simpan draf" in page
    response = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="7"))
    assert response.status_code == 302
    a = assessment_of(world["staff"], world["p1"])
    assert a.status == AssessmentStatus.SUBMITTED and a.late


def test_a_closed_period_is_read_only(make_client, world, factory):
    client = make_client(world["staff"].user)
    a = start(client, world)
    world["p1"].is_open, world["p1"].closed_at = False, dt.datetime.now(dt.timezone.utc)
    page = text(client.get(world["url"]))
    assert "sudah ditutup oleh pengelola kinerja" in page and "Isian ditampilkan tanpa dapat diubah" in page
    # closed by someone: the page names them (not their NIP) and the day
    from app.formatting import tanggal
    from app.services.years import set_period_open

    world["p1"].is_open, world["p1"].closed_at = True, None
    superadmin = factory.superadmin(name="Hendra Setiawan, S.AP.")
    set_period_open(superadmin, world["p1"], False)
    page = text(client.get(world["url"]))
    assert f"sudah ditutup oleh Hendra Setiawan, S.AP. pada {tanggal(world['p1'].closed_at)}" in page
    assert superadmin.nip not in page
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="3", rate="7"))
    assert response.status_code == 403


def test_without_an_approved_skp(make_client, world):
    client = make_client(world["colleague"].user)
    listing = text(client.get("/penilaian/"))
    assert "SKP 2026 Anda belum disetujui".replace("2026", str(TODAY.year)) in listing
    assert 'href="/skp/%d"' % TODAY.year in body(client.get("/penilaian/"))
    page = client.get(world["url"])
    assert "belum disetujui" in text(page) and "Mulai mengisi" not in text(page)
    response = client.post(world["url"] + "/mulai")
    assert response.status_code == 302 and assessment_of(world["colleague"], world["p1"]) is None
    assert "belum disetujui" in text(client.get(world["url"]))


def test_a_period_not_open_yet(make_client, world):
    client = make_client(world["staff"].user)
    world["p2"].start_date = TODAY + dt.timedelta(days=5)
    page = text(client.get(f"/penilaian/{TODAY.year}/2"))
    assert "dibuka mulai" in page and "Mulai mengisi" not in page
    listing = text(client.get("/penilaian/"))
    assert "Belum dibuka" in listing
