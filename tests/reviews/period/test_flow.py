"""The review of one period over HTTP: the Pejabat Penilai reads the submission side by side, writes
feedback (with a common phrase, without JavaScript), approves with the suggested rating or with
another one and a reason; the predikat follows the matrix; the pegawai and the Atasan read the
result; or the submission goes back to the pegawai with notes."""
from __future__ import annotations

from sqlalchemy import select

from app.domain.enums import AssessmentStatus
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.models import AuditEvent, Feedback
from tests.reviews.period.conftest import (
    TODAY, body, checked, count, field_error, fresh, results_of, review_data, state, text, textarea, values,
)


def test_the_review_page_shows_the_submission_side_by_side(make_client, world):
    client = make_client(world["kasi"].user)
    response = client.get(world["url"])
    assert response.status_code == 200
    page, html = text(response), body(response)
    assert "Rina Staf" in page and "Diajukan" in page and "batas tinjauan" in page
    # per IKI: the target for the period, the realisasi, the capaian, the evidence and the note
    assert "Jumlah dokumen uji 1.1" in page and "3 Dokumen" in page and "100 %" in page
    assert "tahunan 12 Dokumen" in page
    assert "https://arsip.kominfo.example/laporan-q1" in html
    assert "Dua laporan diserahkan lebih awal." in page
    # feedback per RHK and per value with the active phrases of the right scope
    first, tambahan = results_of(world["assessment"])[0], results_of(world["assessment"])[-1]
    assert f'name="feedback_rhk_{first.id}"' in html and f'name="feedback_rhk_{tambahan.id}"' in html
    assert all(f'name="feedback_nilai_{v.id}"' in html for v in values())
    assert "Target periode ini tercapai; pertahankan." in html and "Kalimat lama yang nonaktif." not in html
    rhk_select = html.split(f'name="phrase_rhk_{first.id}"')[1].split("</select>")[0]
    assert "Disiplin dan bertanggung jawab." not in rhk_select
    # the suggestion is pre-selected and explained; the predikat is not set yet
    assert checked(response, "result_rating") == "SESUAI"
    assert "Saran dari capaian: Sesuai Ekspektasi" in page and "mulai 110 %" in page
    assert checked(response, "behavior_rating") is None
    assert "data-rv-matrix" in html and "Sangat Baik" in html
    assert 'src="/static/js/reviews.js"' in html


def test_save_feedback_with_a_phrase_chosen_without_javascript(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    first, tambahan = results_of(a)[0], results_of(a)[-1]
    hasil, _, perilaku, _ = world["phrases"]
    value = values()[1]
    data = review_data(a, **{
        f"phrase_rhk_{first.id}": str(hasil.id),  # chosen while the field is empty: becomes the text
        f"feedback_rhk_{tambahan.id}": "Bantuan helpdesk rapi",
        f"phrase_rhk_{tambahan.id}": str(hasil.id),  # chosen with text: appended
        f"feedback_nilai_{value.id}": "Datang tepat waktu.",
        f"phrase_nilai_{value.id}": str(perilaku.id),
    })
    response = client.post(f"{world['url']}/simpan", data)
    assert response.status_code == 302 and response.headers["Location"].endswith(world["url"])
    db.session.expire_all()
    saved = {f.target_key: f.text for f in db.session.scalars(select(Feedback))}
    assert saved == {f"rhk:{first.id}": "Target periode ini tercapai; pertahankan.",
                     f"rhk:{tambahan.id}": "Bantuan helpdesk rapi. Target periode ini tercapai; pertahankan.",
                     f"nilai:{value.id}": "Datang tepat waktu. Disiplin dan bertanggung jawab."}
    a = fresh(a)
    assert a.status == AssessmentStatus.SUBMITTED and a.suggested_rating == Rating.SESUAI
    assert a.result_rating is None and a.predikat is None
    page = client.get(world["url"])
    assert "Tinjauan disimpan" in text(page)
    assert textarea(page, f"feedback_rhk_{first.id}") == "Target periode ini tercapai; pertahankan."
    # saving again with the same phrase chosen does not add it twice
    client.post(f"{world['url']}/simpan", review_data(a, **{
        f"feedback_rhk_{first.id}": "Target periode ini tercapai; pertahankan.",
        f"phrase_rhk_{first.id}": str(hasil.id)}))
    assert db.session.scalar(select(Feedback.text).where(Feedback.target_key == f"rhk:{first.id}")) == \
        "Target periode ini tercapai; pertahankan."
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "penilaian.umpan_balik"))
    # the pegawai reads the feedback (not a rating) on their own page
    own = text(make_client(world["staff"].user).get(f"/penilaian/{TODAY.year}/1"))
    assert "Hasil tinjauan Pejabat Penilai" in own and "Target periode ini tercapai; pertahankan." in own
    assert "Rating dan predikat ditampilkan setelah penilaian ini disetujui" in own
    assert "Predikat Kinerja Pegawai" not in own


def test_approve_with_the_suggested_rating(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    first = results_of(a)[0]
    response = client.post(f"{world['url']}/setujui", review_data(
        a, result_rating="SESUAI", behavior_rating="DI_ATAS", **{f"feedback_rhk_{first.id}": "Laporan tepat waktu."}))
    assert response.status_code == 302
    a = fresh(a)
    assert a.status == AssessmentStatus.APPROVED and a.predikat == Predikat.BAIK
    assert a.result_rating == Rating.SESUAI and a.behavior_rating == Rating.DI_ATAS and a.result_rating_reason is None
    assert a.reviewed_as == "Kepala Seksi Layanan Aplikasi" and a.reviewed_by_id == world["kasi"].user.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "penilaian.disetujui"))
    assert event.after["predikat"] == "BAIK"
    # the review page is now read-only, with the result
    response = client.get(world["url"])
    page, html = text(response), body(response)
    assert "disetujui dengan predikat Baik" in page
    assert "Predikat Kinerja Pegawai BAIK" in page and "Sari Kasi" in page
    assert "sebagai Kepala Seksi Layanan Aplikasi" in page and "Laporan tepat waktu." in page
    assert "<textarea" not in html and "/setujui" not in html and "/kembalikan" not in html
    # the pegawai sees feedback and predikat read-only on their own pages
    rina = make_client(world["staff"].user)
    for url in (f"/penilaian/{TODAY.year}/1", f"/penilaian/lihat/{a.id}"):
        own = text(rina.get(url))
        assert "Hasil tinjauan Pejabat Penilai" in own and "Rating Hasil Kerja Sesuai Ekspektasi" in own
        assert "Rating Perilaku Kerja Di Atas Ekspektasi" in own and "Predikat Kinerja Pegawai BAIK" in own
        assert "Laporan tepat waktu." in own and "Disetujui" in own and "sebagai Kepala Seksi" in own
    # and so does the Atasan Pejabat Penilai, read-only
    kabid = text(make_client(world["kabid"].user).get(f"/penilaian/lihat/{a.id}"))
    assert "Predikat Kinerja Pegawai BAIK" in kabid


def test_a_different_rating_needs_a_reason_at_the_field(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    first = results_of(a)[0]
    before = state(a)
    response = client.post(f"{world['url']}/setujui", review_data(
        a, result_rating="DI_ATAS", behavior_rating="SESUAI", **{f"feedback_rhk_{first.id}": "Integrasi selesai."}))
    assert response.status_code == 200
    assert "Rating berbeda dari saran capaian (Sesuai Ekspektasi)" in field_error(response, "result_rating_reason")
    assert checked(response, "result_rating") == "DI_ATAS"  # the choice and the typed feedback stay
    assert textarea(response, f"feedback_rhk_{first.id}") == "Integrasi selesai."
    assert state(a) == before
    response = client.post(f"{world['url']}/setujui", review_data(
        a, result_rating="DI_ATAS", behavior_rating="SESUAI", reason="Menyelesaikan integrasi layanan di luar target."))
    assert response.status_code == 302
    a = fresh(a)
    assert a.predikat == Predikat.BAIK and a.result_rating == Rating.DI_ATAS
    assert a.result_rating_reason == "Menyelesaikan integrasi layanan di luar target."
    page = text(make_client(world["staff"].user).get(f"/penilaian/lihat/{a.id}"))
    assert "Alasan rating hasil kerja (saran dari capaian: Sesuai Ekspektasi)" in page


def test_approve_needs_both_ratings_and_shows_the_predikat_after_saving(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    response = client.post(f"{world['url']}/setujui", review_data(a, result_rating="SESUAI"))
    assert field_error(response, "behavior_rating") == "Pilih Rating Perilaku Kerja."
    assert fresh(a).status == AssessmentStatus.SUBMITTED
    response = client.post(f"{world['url']}/setujui", review_data(a, result_rating="BUKAN", behavior_rating="SESUAI"))
    assert field_error(response, "result_rating") == "Pilihan rating tidak valid."
    # Simpan with both ratings: the predikat as it follows from the matrix, not yet decided
    client.post(f"{world['url']}/simpan", review_data(a, result_rating="DI_BAWAH", behavior_rating="DI_BAWAH",
                                                      reason="Realisasi belum didukung bukti yang cukup."))
    assert fresh(a).predikat == Predikat.SANGAT_KURANG and fresh(a).status == AssessmentStatus.SUBMITTED
    page = client.get(world["url"])
    assert "Predikat Kinerja Pegawai Sangat Kurang" in text(page)
    assert checked(page, "result_rating") == "DI_BAWAH"


def test_return_with_notes(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    before = state(a)
    response = client.post(f"{world['url']}/kembalikan", {"version": str(fresh(a).lock_version), "reason": ""})
    assert response.status_code == 200
    assert field_error(response, "reason") == "Tuliskan catatan pengembalian untuk pegawai."
    response = client.post(f"{world['url']}/kembalikan", {"version": str(fresh(a).lock_version), "reason": "kurang"})
    assert "minimal 10 karakter" in field_error(response, "reason") and state(a) == before
    response = client.post(f"{world['url']}/kembalikan", {"version": str(fresh(a).lock_version),
                                                         "reason": "Lengkapi bukti dukung laporan bulan Maret."})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/tinjau/{TODAY.year}")
    a = fresh(a)
    assert a.status == AssessmentStatus.RETURNED and a.return_reason == "Lengkapi bukti dukung laporan bulan Maret."
    assert count(AuditEvent) == before[-1] + 1
    own = text(make_client(world["staff"].user).get(f"/penilaian/{TODAY.year}/1"))
    assert "Lengkapi bukti dukung laporan bulan Maret." in own
    # the review page of a returned assessment leads to the read-only view
    response = client.get(world["url"])
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/penilaian/lihat/{a.id}")
