"""EVALUASI KINERJA PEGAWAI (a period and the year) and DOKUMEN EVALUASI KINERJA PEGAWAI as PDFs:
identity, organisation, target, realisasi, capaian, bukti dukung, umpan balik, ratings, predikat,
the approvals, and the keberatan with its explanation and decision."""
from __future__ import annotations

from app.domain.enums import OrgPredikat
from app.domain.scoring import Rating
from app.extensions import db
from app.services.documents.data import snapshot_annual, snapshot_dokumen_evaluasi, snapshot_evaluation
from app.services.documents.render import render_document_pdf
from tests.documents_render.conftest import CODE, ISSUED, VERIFY, flat, pages, text_of


def pdf_text(snapshot) -> str:
    return text_of(render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED))


def test_period_evaluation(line):
    line.org_result(OrgPredikat.BAIK, "102.5")
    assessment = line.assessment()
    snapshot = snapshot_evaluation(assessment)
    assert snapshot["subject"] == {"employee_name": line.staff.name, "nip": line.staff.nip,
                                   "period_label": "Triwulan I 2026", "predikat": "BAIK",
                                   "unit_name": "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika"}
    text = pdf_text(snapshot)
    for words in ("EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN I", "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2026",
                  "CAPAIAN KINERJA ORGANISASI", "BAIK (capaian 102,5 %)", "POLA DISTRIBUSI", "HASIL KERJA",
                  "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN", "RATING HASIL KERJA",
                  "SESUAI EKSPEKTASI", "RATING PERILAKU KERJA", "DI ATAS EKSPEKTASI", "PREDIKAT KINERJA PEGAWAI BAIK",
                  "Kota Uji, 13 April 2026", "Pejabat Penilai Kinerja"):
        assert words in text, words
    flat_text = flat(text)
    for person in (line.staff, line.kasi):
        for value in (person.name, person.nip, person.grade_label, person.position):
            assert flat(value) in flat_text, value
    for result in line.plan.results:
        assert flat(result.text) in flat_text
        for indicator in result.indicators:
            assert flat(indicator.text) in flat_text
    # 12 a year → 3 in Triwulan I: realisasi 3 → 100 %, 4 → 133 % capped at 120 %.
    assert "3 Dokumen tahunan 12 Dokumen" in text
    assert "4 Dokumen" in text and "100 %" in text and "120 %" in text
    assert flat("Bukti dukung: https://arsip.uji.example/laporan-tw1") in flat_text
    assert flat("Laporan lengkap dan tepat waktu; pertahankan.") in flat_text
    assert flat("Sigap melayani permintaan unit lain.") in flat_text
    assert flat("Alasan Pejabat Penilai: IKI kedua dijadwalkan selesai pada triwulan berikutnya.") in flat_text
    assert flat(f"Disetujui secara elektronik oleh {line.kasi.name} ({line.kasi.nip}) pada 13 April 2026 12.53 WIB") in flat_text
    assert "Baik 1 · 100 %" in text  # the chart: the OPD's approved predikat of the period


def test_annual_evaluation(line):
    line.assessment()
    snapshot = snapshot_annual(line.evaluation())
    assert snapshot["subject"]["predikat"] == "SANGAT BAIK"
    text = pdf_text(snapshot)
    for words in ("EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN IV-AKHIR",
                  "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026", "CAPAIAN KINERJA ORGANISASI BELUM DITETAPKAN",
                  "RATING HASIL KERJA DI ATAS EKSPEKTASI", "RATING PERILAKU KERJA DI ATAS EKSPEKTASI",
                  "PREDIKAT KINERJA PEGAWAI SANGAT BAIK", "Kota Uji, 8 Januari 2027"):
        assert words in text, words
    flat_text = flat(text)
    # the Akhir's target is the annual one; the year so far (Triwulan I) is measured against 3 of 12
    assert flat("12 Dokumen capaian terhadap target s.d. Triwulan I: 3 Dokumen") in flat_text
    assert flat("1 bukti dukung") in flat_text
    assert flat("Triwulan I: Laporan lengkap dan tepat waktu; pertahankan.") in flat_text
    assert flat("Saran dari capaian IKI utama: Sesuai Ekspektasi (104,5 %).") in flat_text
    assert flat("Alasan Pejabat Penilai: Dua modul tambahan selesai di luar rencana.") in flat_text
    assert flat(f"Disetujui secara elektronik oleh {line.kasi.name} ({line.kasi.nip}) pada 8 Januari 2027 09.00 WIB") in flat_text


def test_dokumen_evaluasi_without_keberatan_is_one_page(line):
    line.org_result(OrgPredikat.ISTIMEWA, "112.4")
    evaluation = line.evaluation()
    data = render_document_pdf(snapshot_dokumen_evaluasi(evaluation), code=CODE, verify_url=VERIFY,
                               issued_at_text=ISSUED)
    assert len(pages(data)) == 1
    text = text_of(data)
    for words in ("DOKUMEN EVALUASI KINERJA PEGAWAI", "1 PEGAWAI YANG DINILAI", "2 PEJABAT PENILAI KINERJA",
                  "3 ATASAN PEJABAT PENILAI KINERJA", "4 EVALUASI KINERJA", "CAPAIAN KINERJA ORGANISASI ISTIMEWA "
                  "(capaian 112,4 %)", "PREDIKAT KINERJA PEGAWAI SANGAT BAIK", "5 CATATAN/REKOMENDASI",
                  "Pertahankan kinerja; ikutkan pelatihan keamanan aplikasi.", "Pegawai yang Dinilai",
                  "Kota Uji, 8 Januari 2027"):
        assert words in text, words
    flat_text = flat(text)
    for person in (line.staff, line.kasi, line.kabid):
        for value in (person.name, person.nip, person.grade_label, person.position):
            assert flat(value) in flat_text, value
    assert "KEBERATAN" not in text and "Atasan Pejabat Penilai Kinerja" not in text.replace("ATASAN", "")


def test_dokumen_evaluasi_with_decided_keberatan(line):
    evaluation = line.evaluation(result=Rating.SESUAI, behavior=Rating.SESUAI)
    line.objection(evaluation)
    snapshot = snapshot_dokumen_evaluasi(evaluation)
    assert [s["role"] for s in snapshot["signatures"]] == [
        "Pegawai yang Dinilai", "Pejabat Penilai Kinerja", "Atasan Pejabat Penilai Kinerja"]
    text = pdf_text(snapshot)
    for words in ("6 KEBERATAN PEGAWAI (diajukan 11 Januari 2027)",
                  "Capaian saya melampaui target pada tiga triwulan berturut-turut.",
                  "7 PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN (14 Januari 2027",
                  "Perilaku kerja masih perlu ditingkatkan pada kolaborasi.",
                  "8 KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", "HASIL DIUBAH (25 Januari 2027)",
                  "SEMULA Sesuai Ekspektasi / Sesuai Ekspektasi → BAIK",
                  "MENJADI Di Atas Ekspektasi / Di Atas Ekspektasi → SANGAT BAIK",
                  "Bukti kolaborasi lintas bidang cukup kuat.", "PREDIKAT KINERJA PEGAWAI SANGAT BAIK",
                  "Kota Uji, 25 Januari 2027"):
        assert words in text, words
    assert flat(f"Disetujui secara elektronik oleh {line.kabid.name} ({line.kabid.nip}) pada 25 Januari 2027 "
                "11.00 WIB") in flat(text)
    annual = pdf_text(snapshot_annual(evaluation))
    assert flat("Hasil ini ditetapkan oleh keputusan Atasan Pejabat Penilai Kinerja atas keberatan pegawai pada "
                "25 Januari 2027 (semula BAIK).") in flat(annual)


def test_dokumen_evaluasi_waits_for_the_keberatan_decision(line):
    """Issued while a keberatan is open it would state a predikat the decision may change."""
    import pytest

    from app.services.documents.common import DocumentUnavailable

    evaluation = line.evaluation()
    line.objection(evaluation, decided=False)
    with pytest.raises(DocumentUnavailable, match="belum diputuskan"):
        snapshot_dokumen_evaluasi(evaluation)


def _longest(evaluation, objection=None):
    """Every free text of the Dokumen Evaluasi at the longest the forms allow."""
    words = "Keterlambatan disebabkan gangguan sarana di luar kendali pegawai; keluaran lain sesuai target. "
    evaluation.note = (words * 40)[:2000].strip()
    if objection is not None:
        objection.reasons = (words * 60)[:4000].strip() + " AKHIR-KEBERATAN"
        objection.explanation = (words * 60)[:4000].strip() + " AKHIR-PENJELASAN"
        objection.decision_reason = (words * 60)[:4000].strip() + " AKHIR-ALASAN"
    db.session.flush()


def test_dokumen_evaluasi_stays_on_one_page_with_the_longest_texts(line):
    """The form's page holds every block and the signatures; what it cannot hold whole is printed
    whole in the Lampiran that follows, with a pointer on the form."""
    evaluation = line.evaluation(result=Rating.SESUAI, behavior=Rating.SESUAI)
    objection = line.objection(evaluation)
    line.kabid.name = "Prof. Dr. Ir. Hj. Raden Ayu Sekar Kusumawardhani Puspitaningrum, S.T., M.T., M.Si."
    _longest(evaluation, objection)
    data = render_document_pdf(snapshot_dokumen_evaluasi(evaluation), code=CODE, verify_url=VERIFY,
                               issued_at_text=ISSUED)
    form, *appendix = pages(data)
    for words in ("8 KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
                  "Atasan Pejabat Penilai Kinerja", line.staff.nip, line.kasi.nip, line.kabid.nip,
                  "selengkapnya pada Lampiran"):
        assert flat(words) in flat(form), words
    assert appendix, "the whole texts follow the form"
    rest = flat(" ".join(appendix))
    assert flat("LAMPIRAN DOKUMEN EVALUASI KINERJA PEGAWAI") in rest
    for end in ("AKHIR-KEBERATAN", "AKHIR-PENJELASAN", "AKHIR-ALASAN"):
        assert end in rest and end not in flat(form)


def test_dokumen_evaluasi_without_keberatan_holds_a_long_note_on_one_page(line):
    evaluation = line.evaluation()
    _longest(evaluation)
    data = render_document_pdf(snapshot_dokumen_evaluasi(evaluation), code=CODE, verify_url=VERIFY,
                               issued_at_text=ISSUED)
    form, *appendix = pages(data)
    assert "Pegawai yang Dinilai" in form and line.kasi.nip in form
    assert len(appendix) == 1 and flat(evaluation.note[-60:]) in flat(appendix[0])


def test_dokumen_evaluasi_short_texts_need_no_lampiran(line):
    evaluation = line.evaluation(result=Rating.SESUAI, behavior=Rating.SESUAI)
    line.objection(evaluation)
    snapshot = snapshot_dokumen_evaluasi(evaluation)
    assert snapshot["appendix"] == [] and snapshot["subtitle"] == ["PERIODE: TRIWULAN IV-AKHIR"]
    data = render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)
    assert len(pages(data)) == 1 and "LAMPIRAN" not in text_of(data)
    assert [s["side"] for s in snapshot["signatures"]] == ["left", "center", "right"]
    assert all(s["place_date"] for s in snapshot["signatures"])


def test_the_curve_is_judged_only_on_the_akhir(line):
    """A period's paper shows the counts and the curve's limits unjudged (the curve is the unit's
    annual matter); the Akhir of a handed-over year says whether each limit is kept."""
    from app.services.documents.render import distribution_chart

    line.org_result(OrgPredikat.BAIK, "100")
    evaluation = line.evaluation()
    periodic = snapshot_evaluation(line.assessment())["distribution"]
    annual = snapshot_annual(evaluation)["distribution"]
    assert periodic["verdicts"] is False and annual["verdicts"] is True
    one = dict(periodic, total=1, counts={"SANGAT_BAIK": 1})  # one Sangat Baik: 100 % of the unit
    judged, unjudged = str(distribution_chart(dict(one, verdicts=True))), str(distribution_chart(one))
    # one Sangat Baik alone breaks the curve: the Akhir's chart says so, in red
    assert "#b02a37" in judged and ("melampaui batas" in judged or "kurang dari batas" in judged)
    assert "melampaui" not in unjudged and "kurang dari" not in unjudged and "#b02a37" not in unjudged
    assert "paling banyak" in unjudged or "minimal" in unjudged  # the limits are still drawn and named
