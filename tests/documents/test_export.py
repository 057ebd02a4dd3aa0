"""Batch export: the pengelola kinerja queues a ZIP of an OPD's documents; it issues or reuses
each pegawai's document, lists those without the approval, counts its progress; only the requester
and the admins of the OPD see and download it; a job left behind by a restart becomes FAILED."""
import datetime as dt
import io
import zipfile

from sqlalchemy import select

from app.domain.enums import DocumentKind, JobStatus
from app.extensions import db
from app.models import ExportJob
from app.services.documents import export
from app.services.documents import issue as docs
from tests.documents.conftest import body, documents, text


def jobs() -> list[ExportJob]:
    db.session.expire_all()
    return list(db.session.scalars(select(ExportJob).order_by(ExportJob.id)))


def form(world, kind="evaluasi", period=None, **extra):
    data = {"opd": str(world.opd.id), "year": str(world.year.year), "kind": kind,
            "period": period if period is not None else f"{world.year.year}-1"}
    data.update(extra)
    return data


def test_the_export_page_and_a_finished_zip(world, make_client):
    reused = docs.issue("evaluasi", world.assessment, user=None)
    db.session.commit()
    client = make_client(world.admin)
    page = client.get(f"/pengelolaan/ekspor-dokumen?opd_id={world.opd.id}")
    assert page.status_code == 200 and "Buat ZIP" in text(page)
    response = client.post("/pengelolaan/ekspor-dokumen", data=form(world))
    (job,) = jobs()
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/ekspor-dokumen/{job.id}")
    assert job.status == JobStatus.DONE and job.kind == DocumentKind.EVALUASI and job.period.number == 1
    # Active pegawai of the OPD: every one counted, two with an approved period.
    assert job.total == job.done and job.total >= 8
    progress = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}/kemajuan.json").get_json()
    assert progress["status"] == "DONE" and progress["done"] == progress["total"] == job.total
    assert progress["download"].endswith(f"/ekspor-dokumen/{job.id}/unduh.zip")
    job_page = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}")
    assert "Unduh ZIP" in text(job_page) and "export-job.js" in body(job_page)
    assert "Dodi Belum" in text(job_page)  # skipped, with the reason
    download = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}/unduh.zip")
    assert download.status_code == 200 and download.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.get_data())) as archive:
        names = archive.namelist()
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert len(pdfs) == 2 and "DILEWATI.txt" in names
        assert any(world.rina.nip in n for n in pdfs)
        rina = next(n for n in pdfs if world.rina.nip in n)
        assert archive.read(rina) == docs.read_bytes(reused)  # reused, not issued again
        skipped = archive.read("DILEWATI.txt").decode()
        assert "Dodi Belum" in skipped and "belum disetujui" in skipped
    assert len(documents()) == 2


def test_final_and_dokumen_evaluasi_need_the_handed_over_result(world, make_client):
    client = make_client(world.admin)
    final = f"{world.year.year}-{world.year.final_period.number}"
    client.post("/pengelolaan/ekspor-dokumen", data=form(world, "evaluasi", final))
    client.post("/pengelolaan/ekspor-dokumen", data=form(world, "dokumen-evaluasi", ""))
    client.post("/pengelolaan/ekspor-dokumen", data=form(world, "skp", ""))
    akhir, dokumen, skp = jobs()
    assert akhir.status == dokumen.status == skp.status == JobStatus.DONE
    assert akhir.message.startswith("1 dokumen") and dokumen.message.startswith("1 dokumen")
    assert skp.message.startswith("2 dokumen") and skp.period_id is None
    kinds = sorted((d.kind.value, d.period_id is not None) for d in documents())
    assert kinds == [("DOKUMEN_EVALUASI", False), ("EVALUASI", True), ("SKP", False), ("SKP", False)]


def test_bad_choices_get_messages_at_the_fields(world, make_client):
    client = make_client(world.admin)
    no_period = client.post("/pengelolaan/ekspor-dokumen", data=form(world, period=""))
    assert no_period.status_code == 200 and 'id="period-galat"' in body(no_period)
    other_opd = client.post("/pengelolaan/ekspor-dokumen",
                            data=form(world, opd=str(world.other_admin.admin_units[0].id)))
    assert other_opd.status_code == 200 and 'id="opd-galat"' in body(other_opd)
    garbage = client.post("/pengelolaan/ekspor-dokumen", data=form(world, opd="x", year="abc", kind="zzz"))
    assert garbage.status_code == 200 and 'id="kind-galat"' in body(garbage)
    assert jobs() == []


def test_only_the_requester_and_the_opds_admins_see_the_job(world, make_client, factory):
    make_client(world.admin).post("/pengelolaan/ekspor-dokumen", data=form(world, "skp", ""))
    (job,) = jobs()
    second_admin = factory.admin([world.opd])
    for user, status in ((world.admin, 200), (second_admin, 200), (world.superadmin, 200),
                         (world.other_admin, 404), (world.kasi.user, 403), (world.rina.user, 403)):
        client = make_client(user)
        for suffix in ("", "/kemajuan.json", "/unduh.zip"):
            response = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}{suffix}")
            assert response.status_code == status, (user, suffix, response.status_code)
    assert world.opd.name not in text(make_client(world.other_admin).get("/pengelolaan/ekspor-dokumen"))


def test_a_requester_whose_scope_was_withdrawn_no_longer_downloads(world, make_client, factory):
    """The scope is checked at download time, not when the job was made."""
    other = factory.opd("Dinas Perhubungan Uji")
    requester = factory.admin([world.opd, other])
    client = make_client(requester)
    client.post("/pengelolaan/ekspor-dokumen", data=form(world, "skp", ""))
    (job,) = jobs()
    assert client.get(f"/pengelolaan/ekspor-dokumen/{job.id}/unduh.zip").status_code == 200
    requester.admin_units = [other]  # still a pengelola, no longer of this OPD
    db.session.commit()
    for suffix in ("", "/kemajuan.json", "/unduh.zip"):
        assert client.get(f"/pengelolaan/ekspor-dokumen/{job.id}{suffix}").status_code == 404, suffix


def test_a_failure_is_shown_with_its_message(world, make_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(export.docs, "prepare", broken)
    client = make_client(world.admin)
    client.post("/pengelolaan/ekspor-dokumen", data=form(world, "skp", ""))
    (job,) = jobs()
    assert job.status == JobStatus.FAILED and "kesalahan pada server" in job.message
    page = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}")
    assert "Ekspor gagal" in text(page)
    assert client.get(f"/pengelolaan/ekspor-dokumen/{job.id}/unduh.zip").status_code == 404


def test_a_job_left_running_by_a_restart_becomes_failed(world, make_client):
    job = ExportJob(requested_by_id=world.admin.id, opd_id=world.opd.id, year_id=world.year.id,
                    kind=DocumentKind.SKP, status=JobStatus.RUNNING, total=10, done=3,
                    created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2))
    fresh = ExportJob(requested_by_id=world.admin.id, opd_id=world.opd.id, year_id=world.year.id,
                      kind=DocumentKind.SKP, status=JobStatus.QUEUED)
    db.session.add_all([job, fresh])
    db.session.commit()
    client = make_client(world.admin)
    progress = client.get(f"/pengelolaan/ekspor-dokumen/{job.id}/kemajuan.json").get_json()
    assert progress["status"] == "FAILED" and "dimulai ulang" in progress["message"]
    assert client.get(f"/pengelolaan/ekspor-dokumen/{fresh.id}/kemajuan.json").get_json()["status"] == "QUEUED"


def test_the_background_thread_runs_with_its_own_context(world, app, monkeypatch):
    """Without EXPORT_JOBS_INLINE the request only queues; the thread finishes the job."""
    import time

    monkeypatch.setitem(app.config, "EXPORT_JOBS_INLINE", False)
    job = export.create(world.admin, world.opd, world.year, DocumentKind.SKP, None)
    db.session.commit()
    export.start(app, job.id, "https://capaian.uji.go.id")
    for _ in range(300):
        db.session.rollback()  # end the read transaction: see what the thread committed
        if db.session.get(ExportJob, job.id).status in (JobStatus.DONE, JobStatus.FAILED):
            break
        time.sleep(0.1)
    finished = db.session.get(ExportJob, job.id)
    assert finished.status == JobStatus.DONE, finished.message
    assert finished.done == finished.total
