"""The SKP as a PDF: identity, every RHK and IKI with its target, the BerAKHLAK values, the
lampiran, the two electronic approvals, Plt., the kepala daerah as assessor, both approaches and
layouts, the footer on every page, A4 and F4, long SKPs that lose nothing, and the preview."""
from __future__ import annotations

from decimal import Decimal

from app.domain.enums import PaperSize, PositionKind
from app.domain.skp import Approach, Perspective
from app.extensions import db
from app.services.documents.data import snapshot_skp
from app.services.documents.render import render_document_pdf, render_html
from app.services.settings import get_settings
from app.services.skp.plans import snapshot_of
from tests.documents_render.conftest import CODE, ISSUED, VERIFY, approve_plan, flat, pages, sizes, text_of

A4 = (595.3, 841.9)
F4 = (609.4, 935.4)


def pdf(snapshot) -> bytes:
    return render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)


def test_skp_prints_identity_results_behaviors_lampiran_and_approvals(line):
    data = pdf(snapshot_skp(line.plan))
    text = text_of(data)
    for words in ("PEMERINTAH KABUPATEN UJI COBA", "DINAS KOMUNIKASI DAN INFORMATIKA", "SASARAN KINERJA PEGAWAI",
                  "PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
                  "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026", "PEGAWAI YANG DINILAI",
                  "PEJABAT PENILAI KINERJA", "HASIL KERJA", "A. UTAMA", "B. TAMBAHAN", "PERILAKU KERJA",
                  "LAMPIRAN SASARAN KINERJA PEGAWAI", "Penugasan dari: Kepala Dinas"):
        assert words in text, words
    flat_text = flat(text)
    for person in (line.staff, line.kasi):  # identity: name, NIP, pangkat, jabatan, unit
        for value in (person.name, person.nip, person.grade_label, person.position,
                      "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika"):
            assert flat(value) in flat_text, value
    for result in line.plan.results:
        assert flat(result.text) in flat_text
        for indicator in result.indicators:
            assert flat(indicator.text) in flat_text
    assert flat("Meningkatnya layanan aplikasi perangkat daerah") in flat_text  # RHK atasan yang diintervensi
    assert "12 Dokumen" in text and "Kuantitas" in text and "Waktu" in text
    for value in ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
                  "Ramah, cekatan, solutif, dan dapat diandalkan",
                  "Menanggapi permintaan layanan dalam satu hari kerja."):
        assert flat(value) in flat_text, value
    for item in ("Laptop dan akses jaringan", "Laporan bulanan", "Sesuai peraturan"):
        assert item in text
    # The two approvals, as the workflow recorded them, and where and when the assessor signed.
    assert flat(f"Diajukan secara elektronik oleh {line.staff.name} ({line.staff.nip}) pada 12 Januari 2026 "
                "10.05 WIB") in flat_text
    assert flat(f"Disetujui secara elektronik oleh {line.kasi.name} ({line.kasi.nip}) pada 14 Januari 2026 "
                "08.30 WIB") in flat_text
    assert "Kota Uji, 14 Januari 2026" in text
    assert "Pegawai yang Dinilai" in text and "Plt." not in text
    # The Lampiran is a page of its own, with its title, the period and the same two signatures.
    lampiran = pages(data)[-1]
    assert lampiran.lstrip().startswith("LAMPIRAN SASARAN KINERJA PEGAWAI")
    assert "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026" in lampiran
    assert "PERILAKU KERJA" not in lampiran and "LAMPIRAN" not in " ".join(pages(data)[:-1])
    assert "Pegawai yang Dinilai" in lampiran and "Pejabat Penilai Kinerja" in lampiran
    assert flat(lampiran).count(flat("Diajukan secara elektronik oleh")) == 1
    assert flat(lampiran).count(flat("Disetujui secara elektronik oleh")) == 1


def test_every_page_has_the_footer_with_code_qr_and_page_number(line):
    data = pdf(snapshot_skp(line.plan))
    texts = pages(data)
    assert len(texts) >= 2
    for number, page in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in page
        assert CODE in page
        assert flat(VERIFY) in flat(page)
        assert flat("Dokumen ini diterbitkan secara elektronik oleh Capaian tanpa tanda tangan elektronik; "
                    "keasliannya dapat diperiksa di") in flat(page)
    html = render_html(snapshot_skp(line.plan), code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)
    assert 'src="data:image/svg+xml' in html  # the QR code of the verification URL
    assert "PRATINJAU" not in html


def test_approval_by_a_plt_prints_the_prefix(line, factory):
    acting = factory.employee(line.bidang, name="Bambang Plt, S.E.", grade_code="IV/b",
                              position="Kepala Bidang Infrastruktur", position_kind=PositionKind.ADMINISTRATOR)
    approve_plan(line.plan, acting, "Plt. Kepala Seksi Layanan Aplikasi")
    snapshot = snapshot_skp(line.plan)
    right = snapshot["signatures"][1]
    assert (right["acting_prefix"], right["position"], right["name"]) == (
        "Plt.", "Kepala Seksi Layanan Aplikasi", "Bambang Plt, S.E.")
    text = text_of(pdf(snapshot))
    assert "Plt. Kepala Seksi Layanan Aplikasi" in text
    assert flat(f"Disetujui secara elektronik oleh Bambang Plt, S.E. ({acting.nip})") in flat(text)


def test_kepala_daerah_as_assessor_has_no_nip_and_names_the_instansi(line, factory):
    sekda = factory.employee(line.opd, name="Dra. Sekda Uji, M.Si.", grade_code="IV/d", position="Sekretaris Daerah",
                             position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Bupati Uji, S.H.", "Bupati Uji Coba"
    plan = line.skp(sekda)
    plan.is_jpt = True
    plan.snapshot = snapshot_of(sekda)
    approve_plan(plan, sekda, "Bupati Uji Coba (dicatat oleh Operator)")
    plan.approved_by = line.kabid.user  # the pengelola kinerja who recorded it
    db.session.flush()
    snapshot = snapshot_skp(plan)
    right = snapshot["identity"]["right"]
    assert (right["name"], right["nip"], right["unit_label"], right["unit"]) == (
        "H. Bupati Uji, S.H.", "", "INSTANSI", "Pemerintah Kabupaten Uji Coba")
    text = text_of(pdf(snapshot))
    assert "5 INSTANSI Pemerintah Kabupaten Uji Coba" in text
    # the right column: an empty NIP and pangkat, the title as jabatan
    assert f"2 NIP {sekda.nip} 2 NIP 3 PANGKAT/GOL. RUANG Pembina Utama Madya (IV/d) 3 PANGKAT/GOL. RUANG 4 JABATAN" in text
    assert "4 JABATAN Bupati Uji Coba" in text
    assert flat("Dicatat secara elektronik oleh Hendra Kabid, S.T. atas nama H. Bupati Uji, S.H.") in flat(text)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in text


def test_jpt_layout_has_perspektif_and_no_superior_rhk(line, factory):
    kadis = factory.employee(line.opd, name="Kepala Dinas Uji", position="Kepala Dinas", position_kind=PositionKind.JPT)
    plan = line.skp(kadis, results=2, indicators=1)
    plan.is_jpt = True
    plan.results[0].indicators[0].perspective = Perspective.PENERIMA_LAYANAN
    plan.results[1].indicators[0].perspective = Perspective.ANGGARAN
    db.session.flush()
    text = text_of(pdf(snapshot_skp(plan)))
    assert "PERSPEKTIF" in text and "Penerima Layanan" in text and "Anggaran" in text
    assert "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI" not in text and "ASPEK" not in text


def test_kualitatif_prints_the_narrative_targets(line):
    line.plan.approach = Approach.KUALITATIF
    for n, indicator in enumerate(i for r in line.plan.results for i in r.indicators):
        indicator.narrative_target = f"Modul {n + 1} selesai diuji pengguna dan dipakai di seluruh bidang"
        indicator.target_value = None
    db.session.flush()
    text = text_of(pdf(snapshot_skp(line.plan)))
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in text
    for n in range(6):
        assert flat(f"Modul {n + 1} selesai diuji pengguna dan dipakai di seluruh bidang") in flat(text)


def test_ranges_and_lower_is_better_targets(line):
    from app.domain.skp import Direction

    first, second = line.plan.results[0].indicators
    first.direction, first.target_value, first.target_high, first.unit = Direction.RANGE, Decimal(2), Decimal(8), "°C"
    second.direction, second.target_value, second.unit = Direction.LOWER, Decimal("1.5"), "Hari"
    db.session.flush()
    text = text_of(pdf(snapshot_skp(line.plan)))
    assert "2 – 8 °C" in text and "1,5 Hari" in text and "semakin rendah semakin baik" in text


def test_a4_and_f4(line):
    assert set(sizes(pdf(snapshot_skp(line.plan)))) == {A4}
    get_settings().paper_size = PaperSize.F4
    db.session.flush()
    snapshot = snapshot_skp(line.plan)
    assert snapshot["paper_size"] == "F4"
    assert set(sizes(pdf(snapshot))) == {F4}


def test_the_logo_is_named_by_its_hash_and_drawn_in_the_kop(line):
    import hashlib
    import io

    from pypdf import PdfReader

    png = _tiny_png()
    settings = get_settings()
    settings.logo, settings.logo_mime = png, "image/png"
    db.session.flush()
    snapshot = snapshot_skp(line.plan)
    assert snapshot["kop"]["logo_sha256"] == hashlib.sha256(png).hexdigest()
    assert "data:image" not in str(snapshot)  # the image stays in the settings, not in each snapshot
    first = PdfReader(io.BytesIO(pdf(snapshot))).pages[0]
    assert len(first.images) >= 1
    settings.logo = _tiny_png(color=(0, 0, 255))  # a new logo: the snapshot differs, so it is re-issued
    db.session.flush()
    assert snapshot_skp(line.plan) != snapshot


def _tiny_png(color=(200, 0, 0)) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(color) * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


LONG = ("Terlaksananya koordinasi, sinkronisasi, pemantauan dan evaluasi pelaksanaan program prioritas daerah di "
        "seluruh perangkat daerah, kecamatan, kelurahan dan desa, termasuk penyusunan laporan berkala yang memuat "
        "analisis capaian, kendala, rekomendasi tindak lanjut, dan dokumentasi kegiatan secara lengkap {n}")
WORD = "https://arsip.uji.example/" + "a" * 120


def test_forty_rhk_with_long_texts_lose_nothing(line):
    texts = [(LONG.format(n=n) + (f" {WORD}{n}" if n % 5 == 0 else "")) for n in range(40)]
    assert all(len(t) > 300 for t in texts)
    plan = line.skp(line.kabid, results=40, indicators=2, texts=texts)
    for n, result in enumerate(plan.results):
        result.indicators[1].text = f"IKI panjang {n}: " + LONG.format(n=n) + f" {WORD}"
    db.session.flush()
    data = pdf(snapshot_skp(plan))
    texts_by_page = pages(data)
    assert len(texts_by_page) > 1
    for number, page in enumerate(texts_by_page, start=1):
        assert f"Halaman {number} dari {len(texts_by_page)}" in page
    everything = flat("".join(texts_by_page))
    for result in plan.results:
        assert flat(result.text) in everything, result.text[:40]
        for indicator in result.indicators:
            assert flat(indicator.text) in everything, indicator.text[:40]


def test_preview_is_watermarked_and_has_no_code(line):
    html = render_html(snapshot_skp(line.plan), preview=True, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)
    assert "PRATINJAU — belum diterbitkan" in html
    assert CODE not in html and VERIFY not in html and "data:image/svg+xml" not in html
    assert 'href="/static/css/documents.css"' in html
    from app.services.documents.pdf import render_pdf

    text = text_of(render_pdf(html))
    assert "PRATINJAU" in text and CODE not in text
