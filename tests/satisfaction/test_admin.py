"""The pengelola kinerja's SKM pages: layanan made and changed with messages at the field, the
results of a period (NRR, IKM, mutu, profiles, saran) in a fixed number of queries, moderation and
tindak lanjut audited, the report as PDF and XLSX, the QR poster; everyone else refused."""
from __future__ import annotations

import datetime as dt
import io
import secrets
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, PublicService, SurveyResponse
from app.models.base import local_today, utcnow
from app.services.satisfaction import results
from tests.pages import text
from tests.queries import count_statements


def _respond(service, answers, *, day=None, suggestion=None, aside=False, **profile):
    day = day or local_today()
    row = SurveyResponse(service_id=service.id, day=day, submitted_at=utcnow(), visit_sha256=secrets.token_hex(32),
                         suggestion=suggestion, set_aside_at=utcnow() if aside else None,
                         set_aside_reason="uji" if aside else None,
                         **{f"q{i + 1}": a for i, a in enumerate(answers)}, **profile)
    db.session.add(row)
    return row


def test_layanan_are_made_and_checked_at_the_field(clinic, make_client, factory):
    client = make_client(clinic["admin"])
    page = client.get("/pengelolaan/skm")
    assert page.status_code == 200 and "Poli Umum" in text(page) and "Laboratorium" in text(page)
    empty = client.post("/pengelolaan/skm/baru", data={"unit_id": str(clinic["puskesmas"].id), "name": " ",
                                                       "period_kind": "SEMESTER"})
    assert empty.status_code == 422 and "Nama layanan wajib diisi" in text(empty)
    twice = client.post("/pengelolaan/skm/baru", data={"unit_id": str(clinic["puskesmas"].id), "name": "poli umum",
                                                       "period_kind": "SEMESTER"})
    assert twice.status_code == 422 and "sudah memiliki layanan dengan nama itu" in text(twice)
    elsewhere = factory.opd("Kecamatan Lain")
    outside = client.post("/pengelolaan/skm/baru", data={"unit_id": str(elsewhere.id), "name": "KTP",
                                                         "period_kind": "SEMESTER"})
    assert outside.status_code == 422 and "Pilih" in text(outside)
    made = client.post("/pengelolaan/skm/baru", data={"unit_id": str(clinic["puskesmas"].id), "name": "Poli Gigi",
                                                      "period_kind": "TAHUN", "active": "y"})
    assert made.status_code == 302
    gigi = db.session.scalar(select(PublicService).where(PublicService.name == "Poli Gigi"))
    assert gigi.period_kind == "TAHUN" and gigi.active and len(gigi.code) == 10
    stale = client.post(f"/pengelolaan/skm/{gigi.id}/ubah", data={
        "unit_id": str(clinic["puskesmas"].id), "name": "Poli Gigi dan Mulut", "period_kind": "TAHUN",
        "version": "0"})
    assert stale.status_code == 422 and "baru saja diubah orang lain" in text(stale)
    closed = client.post(f"/pengelolaan/skm/{gigi.id}/ubah", data={
        "unit_id": str(clinic["puskesmas"].id), "name": "Poli Gigi dan Mulut", "period_kind": "TAHUN",
        "version": str(gigi.version)})
    assert closed.status_code == 302
    db.session.refresh(gigi)
    assert gigi.name == "Poli Gigi dan Mulut" and not gigi.active
    actions = list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("layanan.%"))))
    assert actions.count("layanan.dibuat") == 3 and "layanan.diubah" in actions


def test_the_results_of_a_period(clinic, make_client):
    poli = clinic["poli"]
    today = local_today()
    period = results.period_of("SEMESTER", None, today)
    for n in range(6):
        _respond(poli, [4, 4, 3, 3, 4, 4, 4, 4, 3], day=period.start, age_band="30-39", sex="P" if n % 2 else "L",
                 suggestion="Tambah kursi ruang tunggu" if n == 0 else None)
    _respond(poli, [1] * 9, day=period.start, aside=True)  # set aside: not counted
    _respond(poli, [1] * 9, day=period.start - dt.timedelta(days=1))  # the period before
    db.session.commit()
    result = results.results(poli, period)
    # Σ NRR = 4+4+3+3+4+4+4+4+3 = 33 → 33 / 9 × 25 = 91,67: A
    assert (result.counted, result.set_aside) == (6, 1)
    assert result.index.ikm == Decimal("91.67") and result.index.mutu == "A"
    assert [row["name"] for row in result.lowest] == ["Waktu penyelesaian", "Biaya/tarif", "Sarana dan prasarana"]
    client = make_client(clinic["admin"])
    page = text(client.get(f"/pengelolaan/skm/{poli.id}?periode={period.key}"))
    assert "91,67" in page and "Mutu A · Sangat Baik" in page and "1 jawaban disisihkan" in page
    assert "Tambah kursi ruang tunggu" in page and "30–39 tahun" in page
    assert client.get(f"/pengelolaan/skm/{poli.id}?periode=2026-T9").status_code == 404
    assert client.get(f"/pengelolaan/skm/{poli.id}?periode=abcd").status_code == 404


def test_the_results_read_the_same_queries_for_ten_responses_as_for_two_hundred(clinic, make_client):
    poli = clinic["poli"]
    client = make_client(clinic["admin"])
    url = f"/pengelolaan/skm/{poli.id}"
    for _ in range(10):
        _respond(poli, [3] * 9, suggestion="Parkir sempit")
    db.session.commit()
    client.get(url)
    with count_statements() as few:
        client.get(url)
    for _ in range(190):
        _respond(poli, [4] * 9, suggestion="Bagus")
    db.session.commit()
    with count_statements() as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
    with count_statements() as listing:
        assert client.get("/pengelolaan/skm").status_code == 200
    _respond(clinic["lab"], [2] * 9)
    db.session.commit()
    with count_statements() as listing_again:
        client.get("/pengelolaan/skm")
    assert len(listing_again) == len(listing)


def test_moderation_and_follow_up_are_audited_and_nothing_is_deleted(clinic, make_client):
    poli = clinic["poli"]
    spam = _respond(poli, [1] * 9, suggestion="jelek jelek jelek")
    kept = _respond(poli, [4] * 9, suggestion="Perpanjang jam layanan sore")
    db.session.commit()
    client = make_client(clinic["admin"])
    assert "2 jawaban" in text(client.get(f"/pengelolaan/skm/{poli.id}/jawaban"))
    no_reason = client.post(f"/pengelolaan/skm/jawaban/{spam.id}/sisihkan", data={"reason": " "}, follow_redirects=True)
    assert "Tuliskan alasan" in text(no_reason) and spam.set_aside_at is None
    assert client.post(f"/pengelolaan/skm/jawaban/{spam.id}/sisihkan",
                       data={"reason": "Isian iseng berulang"}).status_code == 302
    db.session.refresh(spam)
    assert spam.set_aside_at and spam.set_aside_reason == "Isian iseng berulang"
    assert "1 jawaban disisihkan" in text(client.get(f"/pengelolaan/skm/{poli.id}"))
    assert client.post(f"/pengelolaan/skm/jawaban/{spam.id}/pulihkan").status_code == 302
    db.session.refresh(spam)
    assert spam.set_aside_at is None
    empty = client.post(f"/pengelolaan/skm/jawaban/{kept.id}/tindak-lanjut", data={"follow_up": ""},
                        follow_redirects=True)
    assert "Tuliskan tindak lanjut" in text(empty)
    assert client.post(f"/pengelolaan/skm/jawaban/{kept.id}/tindak-lanjut",
                       data={"follow_up": "Mulai Januari poli buka sampai 16.00"}).status_code == 302
    db.session.refresh(kept)
    assert kept.follow_up == "Mulai Januari poli buka sampai 16.00" and kept.follow_up_by_id == clinic["admin"].id
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("skm.%"))))
    assert actions == {"skm.jawaban_disisihkan", "skm.jawaban_dipulihkan", "skm.tindak_lanjut"}
    assert db.session.scalar(select(SurveyResponse).where(SurveyResponse.id == spam.id)) is not None


def test_the_report_and_the_poster(clinic, make_client):
    from tests.tpp.test_monthly import _pdf_text

    poli = clinic["poli"]
    for n in range(4):
        _respond(poli, [4, 3, 3, 4, 4, 3, 4, 4, 3], suggestion="Antrean online" if n == 0 else None, education="SMA")
    db.session.commit()
    client = make_client(clinic["admin"])
    pdf = client.get(f"/pengelolaan/skm/{poli.id}/laporan.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    words = _pdf_text(pdf.get_data())
    for expected in ("LAPORAN SURVEI KEPUASAN MASYARAKAT", "Poli Umum", "Persyaratan", "Sarana dan prasarana",
                     "Antrean online", "Belum ditindaklanjuti", "SMA atau sederajat"):
        assert expected in words, expected
    workbook = load_workbook(io.BytesIO(client.get(f"/pengelolaan/skm/{poli.id}/laporan.xlsx").get_data()))
    recap, data = workbook["Rekapitulasi"], workbook["Pengolahan data"]
    rows = list(recap.iter_rows(values_only=True))
    assert any(r[1] == "IKM" and r[3] == float(results.results(poli, results.period_of(
        "SEMESTER", None, local_today())).index.ikm) for r in rows)
    assert [r[2:11] for r in data.iter_rows(min_row=2, max_row=5, values_only=True)] == [(4, 3, 3, 4, 4, 3, 4, 4, 3)] * 4
    for size in ("A4", "A5"):
        poster = client.get(f"/pengelolaan/skm/{poli.id}/poster.pdf?ukuran={size}")
        assert poster.status_code == 200
        words = _pdf_text(poster.get_data())
        assert "Bagaimana layanan kami?" in words and f"/survei/{poli.code}" in words


def test_others_are_refused(clinic, make_client, factory):
    poli = clinic["poli"]
    spam = _respond(poli, [1] * 9)
    db.session.commit()
    other = make_client(factory.admin([factory.opd("Kecamatan Pelepat")]))
    for url in (f"/pengelolaan/skm/{poli.id}", f"/pengelolaan/skm/{poli.id}/ubah", f"/pengelolaan/skm/{poli.id}/jawaban",
                f"/pengelolaan/skm/{poli.id}/laporan.pdf", f"/pengelolaan/skm/{poli.id}/laporan.xlsx",
                f"/pengelolaan/skm/{poli.id}/poster.pdf"):
        assert other.get(url).status_code == 404, url
    for url in (f"/pengelolaan/skm/jawaban/{spam.id}/sisihkan", f"/pengelolaan/skm/jawaban/{spam.id}/pulihkan",
                f"/pengelolaan/skm/jawaban/{spam.id}/tindak-lanjut", f"/pengelolaan/skm/{poli.id}/kios"):
        assert other.post(url, data={"reason": "x", "follow_up": "x"}).status_code == 404, url
    assert "Belum ada layanan" in text(other.get("/pengelolaan/skm"))
    pegawai = make_client(factory.employee(clinic["opd"], name="Perawat").user)
    assert pegawai.get("/pengelolaan/skm").status_code == 403
    assert pegawai.get(f"/pengelolaan/skm/{poli.id}").status_code == 403
    assert make_client(None).get("/pengelolaan/skm").status_code in (302, 401)
    db.session.refresh(spam)
    assert spam.set_aside_at is None and not poli.kiosk_key_sha256
    # the super admin sees every OPD's layanan
    assert "Poli Umum" in text(make_client(factory.superadmin()).get("/pengelolaan/skm"))


def test_a_unit_s_index_counts_all_its_layanan_of_the_year(clinic, make_client):
    from app.services.satisfaction.results import by_unit

    _respond(clinic["poli"], [4] * 9)
    _respond(clinic["lab"], [2] * 9)
    _respond(clinic["lab"], [3] * 8 + [None])
    _respond(clinic["lab"], [1] * 9, aside=True)
    db.session.commit()
    assert by_unit([clinic["poli"]], 2001)[0].index is None
    (unit,) = by_unit([clinic["poli"], clinic["lab"]], local_today().year)
    # U1–U8: (4 + 2 + 3) / 3 = 3; U9: (4 + 2) / 2 = 3 → IKM 75,00
    assert (unit.unit_name, unit.services, unit.counted, unit.set_aside) == ("Puskesmas Sungai Binjai", 2, 3, 1)
    assert unit.index.ikm == Decimal("75.00") and unit.index.mutu == "C"
    assert "Per unit penyelenggara" in text(make_client(clinic["admin"]).get("/pengelolaan/skm"))


def test_a_unit_s_sums_come_back_exact_from_thirds(clinic):
    from app.services.satisfaction.results import by_unit

    for answers in ([4] * 9, [3] * 9, [3] * 9):  # NRR 10/3 per unsur: 3,333…
        _respond(clinic["poli"], answers)
    db.session.commit()
    (unit,) = by_unit([clinic["poli"]], local_today().year)
    # Σ NRR = 9 × 10/3 = 30 → 30 / 9 × 25 = 83,33
    assert unit.index.ikm == Decimal("83.33") and unit.counted == 3
