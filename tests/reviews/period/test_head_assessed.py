"""An official the kepala daerah assesses (no NIP Atasan, the Bupati by name and title): the
pengelola kinerja of the OPD records every one of the kepala daerah's steps on the Bupati's behalf
— the period review (approve or return), the annual rating and hand-over, the keberatan tanggapan
and decision — from their own queue, and every record and document says so (RULES.md §10)."""
from __future__ import annotations

from sqlalchemy import select

from app.domain.enums import AssessmentStatus, EvaluationStatus, ObjectionStatus, PositionKind
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, AuditEvent, Objection
from app.security import may_decide
from app.services.reviews import objections
from tests.reviews.annual.conftest import table_form
from tests.reviews.period.conftest import approved_plan, review_data, submitted_assessment, text

BUPATI = "Bupati Tanjung Harapan"


def _head(world, factory):
    kadis = factory.employee(world["opd"], name="Dr. Irwan Kadis", position="Kepala Dinas Kominfo",
                             position_kind=PositionKind.JPT)
    kadis.external_assessor_name, kadis.external_assessor_title = "H. Ahmad Fauzi", BUPATI
    world["kabid"].assessor = kadis
    approved_plan(factory, kadis, world["year"])
    db.session.flush()
    return kadis, submitted_assessment(kadis, world["p1"], 3)


def test_the_admin_finds_the_officials_submission_in_their_queues(world, factory, make_client):
    kadis, assessment = _head(world, factory)
    admin = make_client(world["admin"])
    grid = text(admin.get("/tinjau/"))
    assert "Dinilai kepala daerah — dicatat oleh Anda" in grid and "Dr. Irwan Kadis" in grid
    assert f"/tinjau/penilaian/{assessment.id}" in admin.get("/tinjau/").get_data(as_text=True)
    home = text(admin.get("/"))
    assert "Dr. Irwan Kadis" in home and f"dicatat atas nama {BUPATI}" in home
    # an admin of another OPD sees none of it
    other = make_client(world["other_admin"])
    assert "Dr. Irwan Kadis" not in text(other.get("/tinjau/")) and "Dr. Irwan Kadis" not in text(other.get("/"))


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages).split())


def test_the_admin_approves_the_period_on_the_bupatis_behalf(world, factory, make_client, app, tmp_path,
                                                             monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_FOLDER", str(tmp_path / "documents"))
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    kadis, assessment = _head(world, factory)
    admin = make_client(world["admin"])
    page = admin.get(f"/tinjau/penilaian/{assessment.id}")
    assert page.status_code == 200 and f"atas nama {BUPATI}" in text(page)
    response = admin.post(f"/tinjau/penilaian/{assessment.id}/setujui",
                          review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI"))
    assert response.status_code == 302, text(response)[:500]
    a = db.session.get(Assessment, assessment.id)
    assert a.status == AssessmentStatus.APPROVED and a.reviewed_by_id == world["admin"].id
    assert a.reviewed_as == f"{BUPATI} (dicatat oleh {world['admin'].name})"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "penilaian.disetujui"))
    assert event.actor_user_id == world["admin"].id
    # the printed Evaluasi Kinerja names the Bupati and who recorded it
    from app.services.documents import issue as docs

    document = docs.issue("evaluasi", a, user=world["admin"])
    db.session.commit()
    printed = _pdf_text(docs.read_bytes(document))
    flat = "".join(printed.split())
    assert "".join(f"Dicatat secara elektronik oleh {world['admin'].name} atas nama H. Ahmad Fauzi".split()) in flat


def test_the_admin_returns_it_with_notes(world, factory, make_client):
    kadis, assessment = _head(world, factory)
    response = make_client(world["admin"]).post(f"/tinjau/penilaian/{assessment.id}/kembalikan",
                                                {"version": str(assessment.lock_version),
                                                 "reason": "Lengkapi bukti dukung laporan triwulan."})
    assert response.status_code == 302
    assert db.session.get(Assessment, assessment.id).status == AssessmentStatus.RETURNED


def test_no_one_else_records_for_the_bupati(world, factory, make_client):
    kadis, assessment = _head(world, factory)
    url = f"/tinjau/penilaian/{assessment.id}"
    data = review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI")
    assert make_client(world["other_admin"]).get(url).status_code == 404
    assert make_client(world["other_admin"]).post(url + "/setujui", data).status_code == 404
    assert make_client(world["staff"].user).get(url).status_code == 404
    # the official cannot review himself, nor can the Kabid he assesses
    assert make_client(kadis.user).post(url + "/setujui", data).status_code == 403
    assert make_client(world["kabid"].user).post(url + "/setujui", data).status_code in (403, 404)
    assert db.session.get(Assessment, assessment.id).status == AssessmentStatus.SUBMITTED


def test_the_annual_rating_hand_over_and_keberatan_on_the_bupatis_behalf(world, factory, make_client):
    kadis, assessment = _head(world, factory)
    year = world["year"].year
    admin = make_client(world["admin"])
    admin.post(f"/tinjau/penilaian/{assessment.id}/setujui",
               review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI"))
    own_table = admin.get(f"/tinjau/tahunan/{year}")
    assert f"/tinjau/tahunan/{year}/kepala-daerah" in own_table.get_data(as_text=True)
    page = admin.get(f"/tinjau/tahunan/{year}/kepala-daerah")
    assert page.status_code == 200 and "Dr. Irwan Kadis" in text(page) and "atas nama kepala daerah" in text(page)
    form = table_form(page)
    form.update({f"result_{kadis.id}": "SESUAI", f"behavior_{kadis.id}": "DI_ATAS"})
    response = admin.post(f"/tinjau/tahunan/{year}/kepala-daerah/serahkan", form)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/tahunan/{year}/kepala-daerah")
    evaluation = db.session.scalar(select(AnnualEvaluation).where(AnnualEvaluation.employee_id == kadis.id))
    assert evaluation.status == EvaluationStatus.HANDED_OVER and evaluation.predikat.label == "Baik"
    assert evaluation.reviewer_as == f"{BUPATI} (dicatat oleh {world['admin'].name})"
    elsewhere = text(make_client(world["other_admin"]).get(f"/tinjau/tahunan/{year}/kepala-daerah"))
    assert "Tidak ada pejabat yang dinilai kepala daerah" in elsewhere and "Dr. Irwan Kadis" not in elsewhere

    # the official objects; the admin records the Bupati's tanggapan and the decision
    objection = objections.file_objection(kadis.user, evaluation, "Capaian IKI kedua belum memperhitungkan data Desember.")
    db.session.commit()
    assert "Dr. Irwan Kadis" in text(admin.get("/"))
    response = admin.post(f"/tinjau/keberatan/{objection.id}/tanggapan",
                          {"explanation": "Data Desember sudah diperhitungkan dalam realisasi triwulan IV."})
    assert response.status_code == 302, text(response)[:400]
    objection = db.session.get(Objection, objection.id)
    assert objection.status == ObjectionStatus.EXPLAINED and objection.explained_by_id == world["admin"].id
    assert objection.explained_as == f"{BUPATI} (dicatat oleh {world['admin'].name})"
    assert may_decide(world["admin"], objection.evaluation)
    assert not may_decide(world["other_admin"], objection.evaluation)
    objections.decide(world["admin"], objection, "CONFIRMED")
    db.session.flush()
    assert objection.decided_as == f"{BUPATI} (dicatat oleh {world['admin'].name})"
