"""The Perkada's other rules for the monthly TPP: productivity from the predikat of the latest
assessed period, and the cut of the whole amount for days away (cuti, sakit, izin, tugas belajar);
and the issued list's verification code, its stored (and signed) PDF and the public verification
page that knows it."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.daily import AbsenceKind
from app.domain.enums import AssessmentStatus
from app.domain.scoring import Predikat, Rating
from app.domain.tpp import Scheme, amount, away_cut, parse_away, parse_predikat_percents
from app.extensions import db
from app.models import Absence, AppSettings, Assessment, TppList
from app.models.settings import SETTINGS_ID
from app.services.settings import DEFAULTS
from app.services.tpp import monthly
from tests.daily.test_admin import _settings
from tests.pages import text
from tests.tpp.test_monthly import MONTH, YEAR, _pdf_text, office  # noqa: F401  (the fixture)


# --- the rules as plain code -----------------------------------------------------------------

def test_away_rules_parse_and_cut():
    rules = parse_away("Cuti:0; sakit : 0; Izin:1,5; Tugas  belajar:hari")
    assert rules == (("CUTI", Decimal(0)), ("SAKIT", Decimal(0)), ("IZIN", Decimal("1.5")), ("TUGAS_BELAJAR", None))
    scheme = Scheme(away=rules)
    cut = away_cut({"CUTI": 3, "IZIN": 2, "TUGAS_BELAJAR": 5}, 20, scheme)
    # izin 2 × 1,5 % + tugas belajar 5 of 20 working days unpaid (25 %); cuti costs nothing
    assert cut.deductions == [("2 hari izin", Decimal("3.0")), ("5 hari tugas belajar tidak dibayar", Decimal("25.00"))]
    assert cut.percent == Decimal("28.00")
    assert away_cut({"TUGAS_BELAJAR": 20, "IZIN": 4}, 20, scheme).percent == Decimal(100)  # never past the whole
    assert away_cut({}, 20, scheme).deductions == []
    # 4,000,000 × 100 % less 28 %
    assert amount(Decimal(4_000_000), Decimal(100), Decimal(100), scheme, Decimal(28)) == Decimal(2_880_000)


@pytest.mark.parametrize("text_, message", [
    ("Cuti:0; Libur:1", "'Libur' bukan jenis ketidakhadiran"),
    ("Izin:dua", "harus jenis:persen per hari"),
    ("Izin:101", "harus jenis:persen per hari"),
    ("Izin:-1", "harus jenis:persen per hari"),
    ("Izin:1; izin:2", "Izin ditulis dua kali"),
])
def test_bad_away_rules_say_why(text_, message):
    with pytest.raises(ValueError, match=message):
        parse_away(text_)


def test_predikat_table_needs_every_predikat():
    table = parse_predikat_percents(DEFAULTS["tpp_predikat_percents"])
    assert table == {"SANGAT_BAIK": 100, "BAIK": 100, "BUTUH_PERBAIKAN": 80, "KURANG": 60, "SANGAT_KURANG": 40}
    with pytest.raises(ValueError, match="Kurang, Sangat Kurang belum ditulis"):
        parse_predikat_percents("Sangat Baik:100; Baik:100; Butuh Perbaikan:80")
    with pytest.raises(ValueError, match="'Hebat' bukan predikat"):
        parse_predikat_percents("Hebat:100")
    with pytest.raises(ValueError, match="predikat:persen"):
        parse_predikat_percents("Baik:banyak")


# --- in the month's list -------------------------------------------------------------------------

def _set(**values):
    settings = db.session.get(AppSettings, SETTINGS_ID) or AppSettings(id=SETTINGS_ID, **DEFAULTS)
    for key, value in values.items():
        setattr(settings, key, value)
    db.session.add(settings)
    db.session.flush()


def test_days_away_cut_the_whole_amount_as_the_perkada_says(office):
    budi = office["budi"]
    for day in (2, 3):
        db.session.add(Absence(employee_id=budi.id, day=dt.date(YEAR, MONTH, day), kind=AbsenceKind.IZIN))
    db.session.add(Absence(employee_id=budi.id, day=dt.date(YEAR, MONTH, 7), kind=AbsenceKind.IZIN))  # a Saturday
    db.session.add(Absence(employee_id=budi.id, day=dt.date(YEAR, MONTH, 4), kind=AbsenceKind.DINAS_LUAR))
    db.session.flush()
    before = {line.name: line for line in monthly.compute(office["opd"], YEAR, MONTH, today=dt.date(2026, 12, 15)).lines}
    assert before["Budi Sopir"].away_cuts == [] and before["Budi Sopir"].amount == Decimal(800_000)
    _set(tpp_away_rules="Cuti:0; Sakit:0; Izin:2; Tugas belajar:hari")
    lines = {line.name: line for line in monthly.compute(office["opd"], YEAR, MONTH, today=dt.date(2026, 12, 15)).lines}
    budi_line = lines["Budi Sopir"]
    # two working days of izin (the Saturday is no working day, dinas luar is work): 4 % of the whole
    assert budi_line.away_cuts == [("2 hari izin", Decimal(4))] and budi_line.away_percent == Decimal(4)
    assert budi_line.amount == Decimal(768_000)  # 2,000,000 × 40 % × 96 %
    assert lines["Sari Perawat"].away_cuts == []  # her day of cuti costs nothing


def test_productivity_from_the_latest_assessed_period(office, factory):
    sari = office["sari"]
    year = factory.skp.year(YEAR)
    from app.domain.skp import PlanStatus
    from app.models.base import utcnow

    plan = factory.skp.plan(sari, year, status=PlanStatus.APPROVED)
    done = {"status": AssessmentStatus.APPROVED, "submitted_at": utcnow(), "reviewed_at": utcnow()}
    third, fourth = year.periods[2], year.periods[3]  # Jul–Sep reviewed; Oct–Dec not yet
    db.session.add_all([
        Assessment(employee=sari, period=third, plan=plan, **done,
                   result_rating=Rating.SESUAI, behavior_rating=Rating.DI_BAWAH, predikat=Predikat.BUTUH_PERBAIKAN),
        Assessment(employee=sari, period=year.periods[1], plan=plan, **done,
                   result_rating=Rating.DI_ATAS, behavior_rating=Rating.DI_ATAS, predikat=Predikat.SANGAT_BAIK),
        Assessment(employee=sari, period=fourth, plan=plan, status=AssessmentStatus.SUBMITTED,
                   submitted_at=utcnow())])
    _set(tpp_productivity_source="PREDIKAT")
    lines = {line.name: line for line in monthly.compute(office["opd"], YEAR, MONTH, today=dt.date(2026, 12, 15)).lines}
    sari_line = lines["Sari Perawat"]
    assert sari_line.productivity == Decimal(80) and sari_line.measured_by.startswith("predikat Butuh Perbaikan (")
    # 4,000,000 × (60 % × 80 % + 40 % × 96 %) = 3,456,000
    assert sari_line.amount == Decimal(3_456_000)
    # Budi has no assessed period: his activity minutes still count
    assert lines["Budi Sopir"].productivity == Decimal("0.00") and lines["Budi Sopir"].measured_by == ""


def test_the_new_rules_are_settings_checked_at_their_field(factory, make_client):
    client = make_client(factory.superadmin())
    bad = client.post("/pengelolaan/pengaturan", data=_settings(
        tpp_away_rules="Cuti:0; Liburan:1", tpp_predikat_percents="Baik:100", tpp_productivity_source="PREDIKAT"))
    page = text(bad)
    assert bad.status_code == 200 and "'Liburan' bukan jenis ketidakhadiran" in page
    assert "belum ditulis. Tulis seperti Sangat Baik:100" in page
    assert db.session.get(AppSettings, SETTINGS_ID) is None or \
        db.session.get(AppSettings, SETTINGS_ID).tpp_away_rules == DEFAULTS["tpp_away_rules"]
    good = client.post("/pengelolaan/pengaturan", data=_settings(
        tpp_away_rules="Izin:1,5; Tugas belajar:hari", tpp_productivity_source="PREDIKAT",
        tpp_predikat_percents="Sangat Baik:100; Baik:95; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40"))
    assert good.status_code == 302
    saved = db.session.get(AppSettings, SETTINGS_ID)
    assert (saved.tpp_away_rules, saved.tpp_productivity_source) == ("Izin:1,5; Tugas belajar:hari", "PREDIKAT")
    assert monthly.scheme().away == (("IZIN", Decimal("1.5")), ("TUGAS_BELAJAR", None))


# --- the verification code and the stored PDF ---------------------------------------------------

def test_the_issued_list_has_a_code_its_pdf_is_made_once_and_the_public_page_knows_it(office, make_client, app):
    admin = make_client(office["admin"])
    assert admin.post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan",
                      data={"version": "0"}).status_code == 302
    issued = db.session.scalar(select(TppList))
    db.session.refresh(issued)
    # issuing queued its PDF (run in the request here): made, stored, hashed
    assert issued.code and len(issued.code) == 14 and issued.stored_name and issued.sha256 and not issued.signed
    public = make_client(None)
    page = text(public.get(f"/verifikasi/{issued.code.lower().replace('-', '')}"))
    assert "Kode " + issued.code + " asli" in page and "Dinas Kesehatan" in page and "November 2026" in page
    assert "Sari Perawat" not in page  # no names on the public page
    first = admin.get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf").get_data()
    second = admin.get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf").get_data()
    assert first == second  # the same bytes every time
    words = _pdf_text(first)
    assert f"Kode verifikasi {issued.code}" in words and f"/verifikasi/{issued.code}" in words

    def check(data: bytes) -> str:
        return text(public.post(f"/verifikasi/{issued.code}",
                                data={"file": (io.BytesIO(data), "tpp.pdf")}, content_type="multipart/form-data"))

    assert "Berkas sama persis dengan daftar yang diterbitkan" in check(first)
    assert "TIDAK sama" in check(first[:-10] + b"%%EOF\n" + b" " * 4)
    # a correction: the old code now says it was corrected
    assert admin.post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan",
                      data={"version": "1", "reason": "Presensi susulan"}).status_code == 302
    old = text(public.get(f"/verifikasi/{issued.code}"))
    assert "sudah dikoreksi" in old and "versi 2" in old
    assert public.get("/verifikasi/AAAA-BBBB-CCCC").status_code == 404


def test_a_pdf_still_being_made_shows_a_page_that_waits_for_it(office, make_client, app, monkeypatch, factory):
    from app.services import jobs

    queued = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args: queued.append(args))  # the job waits: its page shows
    admin = make_client(office["admin"])
    admin.post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan", data={"version": "0"})
    issued = db.session.scalar(select(TppList))
    assert queued == [("tpp_pdf", issued.id, "http://localhost")]
    waiting = admin.get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf")
    assert waiting.status_code == 202 and "PDF daftar TPP sedang dibuat" in text(waiting)
    assert '<meta http-equiv="refresh" content="3">' in waiting.get_data(as_text=True)
    assert len(queued) == 2  # nothing ran it (a restart): the page queues it again
    assert "sedang dibuat" in text(make_client(None).get(f"/verifikasi/{issued.code}"))
    from app.services.tpp.monthly import make_pdf

    make_pdf(issued.id, "http://localhost")
    ready = admin.get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf")
    assert ready.status_code == 200 and ready.get_data()[:5] == b"%PDF-"
    make_pdf(issued.id, "http://localhost")  # run twice: the first PDF stays
    db.session.refresh(issued)
    assert admin.get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf").get_data() == ready.get_data()
    elsewhere = factory.admin([factory.opd("Dinas Lain")])
    assert make_client(elsewhere).get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf").status_code == 404


def test_a_signing_certificate_signs_the_list(office, make_client, app, tmp_path, monkeypatch):
    from tests.signing import use_certificate

    use_certificate(app, monkeypatch, str(tmp_path / "ttd.p12"))
    assert make_client(office["admin"]).post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan",
                                             data={"version": "0"}).status_code == 302
    issued = db.session.scalar(select(TppList))
    data = make_client(office["admin"]).get(f"/pengelolaan/tpp/daftar/{issued.id}.pdf").get_data()
    db.session.refresh(issued)
    assert issued.signed and b"/ByteRange" in data and b"CapaianSignature" in data
    page = text(make_client(None).get(f"/verifikasi/{issued.code}"))
    assert "Ditandatangani secara elektronik" in page
