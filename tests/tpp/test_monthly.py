"""The monthly TPP list of an OPD through the web: computed from the month's kinerja harian and
presensi, issued and locked, corrected only by a new version with a reason, downloaded as XLSX;
the nominal per jabatan imported by the super admin; everyone else refused."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.domain.daily import AbsenceKind, ActivityStatus, AttendanceStatus
from app.extensions import db
from app.models import Absence, Activity, Attendance, AuditEvent, TppBasis, TppList
from app.services.tpp import monthly
from tests.pages import body, text

# November 2026: 21 working days (Monday 2nd … Monday 30th), no holidays recorded.
YEAR, MONTH = 2026, 11


@pytest.fixture
def office(factory):
    opd = factory.opd("Dinas Kesehatan")
    sari = factory.employee(opd, name="Sari Perawat", position="Perawat Terampil")
    budi = factory.employee(opd, name="Budi Sopir", position="Pengemudi")
    admin = factory.admin([opd])
    db.session.add_all([TppBasis(key="perawat terampil", position="Perawat Terampil", amount=Decimal(4_000_000)),
                        TppBasis(key="pengemudi", position="Pengemudi", amount=Decimal(2_000_000)),
                        # the pengelola kinerja is a pegawai of the OPD too (not paid a TPP in this story)
                        TppBasis(key="analis sdm aparatur", position="Analis SDM Aparatur", amount=Decimal(0))])
    # Sari: accepted work for half of the month's standard (21 days × 450 min = 9,450 min), one day
    # absent without reason, one day 45 minutes late; a day of cuti takes a working day off.
    for n in range(10):
        db.session.add(Activity(employee_id=sari.id, day=dt.date(YEAR, MONTH, 2 + n), start_time=dt.time(8),
                                end_time=dt.time(15, 52), minutes=472, description="Asuhan keperawatan",
                                category="LAINNYA", status=ActivityStatus.DITERIMA))
    db.session.add(Absence(employee_id=sari.id, day=dt.date(YEAR, MONTH, 30), kind=AbsenceKind.CUTI))
    db.session.add_all([
        Attendance(employee_id=sari.id, day=dt.date(YEAR, MONTH, 3), status=AttendanceStatus.TANPA_KETERANGAN,
                   late_minutes=0, early_minutes=0),
        Attendance(employee_id=sari.id, day=dt.date(YEAR, MONTH, 4), status=AttendanceStatus.HADIR,
                   check_in=dt.time(8, 15), check_out=dt.time(16), late_minutes=45, early_minutes=0)])
    db.session.flush()
    return {"opd": opd, "sari": sari, "budi": budi, "admin": admin}


def test_the_month_computes_from_the_work_and_the_presensi(office):
    computed = monthly.compute(office["opd"], YEAR, MONTH, today=dt.date(2026, 12, 15))
    lines = {line.name: line for line in computed.lines}
    sari = lines["Sari Perawat"]
    assert (sari.working_days, sari.standard_minutes, sari.counted_minutes) == (20, 9000, 4720)
    assert sari.productivity == Decimal("52.44") and sari.discipline == Decimal("96.00")
    assert sari.deductions == [("1 hari tanpa keterangan", Decimal(3)), ("1 kali terlambat", Decimal(1))]
    # 4,000,000 × (60 % × 52,44 % + 40 % × 96 %) = 4,000,000 × 69,864 % = 2,794,560
    assert sari.amount == Decimal(2_794_560)
    budi = lines["Budi Sopir"]
    assert budi.productivity == Decimal("0.00") and budi.discipline == Decimal("100.00")
    assert budi.amount == Decimal(800_000) and budi.missing_presence == 21
    assert computed.total == Decimal(3_594_560)


def test_issue_lock_correct_and_download(office, make_client):
    client = make_client(office["admin"])
    url = f"/pengelolaan/tpp?opd={office['opd'].id}&bulan={YEAR}-{MONTH:02d}"
    page = text(client.get(url))
    assert "Belum diterbitkan" in page and "Sari Perawat" in page and "1 hari tanpa keterangan (3 %)" in page
    issue = f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan"
    assert client.post(issue, data={"version": "0"}).status_code == 302
    (first,) = db.session.scalars(select(TppList))
    assert first.version == 1 and first.total > 0 and len(first.snapshot["lines"]) == 3
    # the data changes after issuing: the issued list does not
    db.session.add(Activity(employee_id=office["budi"].id, day=dt.date(YEAR, MONTH, 2), start_time=dt.time(8),
                            end_time=dt.time(12), minutes=240, description="Antar obat", category="LAINNYA",
                            status=ActivityStatus.DITERIMA))
    db.session.commit()
    locked = text(client.get(url))
    assert "Diterbitkan dan dikunci: versi 1" in locked
    no_reason = client.post(issue, data={"version": "1", "reason": " "})
    assert no_reason.status_code == 422 and "Tuliskan alasan koreksi" in text(no_reason)
    assert 'id="reason-galat"' in body(no_reason)
    stale = client.post(issue, data={"version": "0", "reason": "Data kegiatan Budi menyusul"})
    assert stale.status_code == 422 and "baru saja diterbitkan atau dikoreksi orang lain" in text(stale)
    corrected = client.post(issue, data={"version": "1", "reason": "Data kegiatan Budi menyusul"})
    assert corrected.status_code == 302
    lists = list(db.session.scalars(select(TppList).order_by(TppList.version)))
    assert [l.version for l in lists] == [1, 2] and lists[0].superseded_at is not None
    assert lists[1].total > lists[0].total and lists[1].reason == "Data kegiatan Budi menyusul"
    download = client.get(f"/pengelolaan/tpp/daftar/{lists[1].id}.xlsx")
    sheet = load_workbook(io.BytesIO(download.get_data())).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[1][1] == "NIP" and any(row[2] == "Sari Perawat" for row in values[2:])
    assert values[-1][2] == "Jumlah" and Decimal(str(values[-1][9])) == lists[1].total
    printed = client.get(f"/pengelolaan/tpp/daftar/{lists[1].id}.pdf")
    assert printed.status_code == 200 and printed.mimetype == "application/pdf"
    words = _pdf_text(printed.get_data())
    assert "DAFTAR TAMBAHAN PENGHASILAN PEGAWAI" in words and "Sari Perawat" in words and "versi 2" in words
    assert "Data kegiatan Budi menyusul" in words
    assert client.get(f"/pengelolaan/tpp/daftar/{lists[1].id}.pdf").get_data()[:4] == b"%PDF"
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("tpp.%"))))
    assert actions == {"tpp.diterbitkan", "tpp.dikoreksi"}


def _pdf_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_no_list_without_every_jabatan_s_nominal_nor_for_a_month_to_come(office, make_client, factory):
    factory.employee(office["opd"], name="Dokter Baru", position="Dokter Ahli Pertama")
    client = make_client(office["admin"])
    refused = client.post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan", data={"version": "0"})
    assert refused.status_code == 422 and "1 pegawai belum memiliki nilai TPP jabatan (Dokter Ahli Pertama)" in text(refused)
    future = client.post(f"/pengelolaan/tpp/{office['opd'].id}/2030/1/terbitkan", data={"version": "0"})
    assert future.status_code == 422 and "belum tiba" in text(future)
    assert db.session.scalar(select(func.count()).select_from(TppList)) == 0


def test_others_are_refused(office, make_client, factory):
    other_admin = factory.admin([factory.opd("Dinas Lain")])
    client = make_client(other_admin)
    assert client.get(f"/pengelolaan/tpp?opd={office['opd'].id}&bulan={YEAR}-{MONTH:02d}").status_code == 404
    assert client.post(f"/pengelolaan/tpp/{office['opd'].id}/{YEAR}/{MONTH}/terbitkan",
                       data={"version": "0"}).status_code == 404
    assert make_client(office["sari"].user).get("/pengelolaan/tpp").status_code == 403
    issued = monthly.issue(office["admin"], office["opd"], YEAR, MONTH)
    db.session.commit()
    assert client.get(f"/pengelolaan/tpp/daftar/{issued.id}.xlsx").status_code == 404
    assert make_client(office["admin"]).get("/pengelolaan/tpp/nilai-jabatan").status_code == 403


def test_the_super_admin_imports_the_nominal_per_jabatan(factory, make_client):
    client = make_client(factory.superadmin())
    def upload(content: str):
        return client.post("/pengelolaan/tpp/nilai-jabatan", data={"file": (io.BytesIO(content.encode()), "tpp.csv")},
                           content_type="multipart/form-data")

    bad = upload("Jabatan,Nilai TPP\nPerawat Terampil,4.000.000\n,1000\nPengemudi,dua juta\nperawat  terampil,1\n")
    page = text(bad)
    assert bad.status_code == 422 and "tidak diimpor: 3 kesalahan" in page and "sudah ada di baris 2" in page
    assert db.session.scalar(select(func.count()).select_from(TppBasis)) == 0
    good = upload("Jabatan;Nilai TPP\nPerawat Terampil;4.000.000\nPengemudi;2000000\n")
    assert good.status_code == 302
    again = upload("Jabatan,Nilai TPP\nPengemudi,2250000\n")
    assert again.status_code == 302 and "0 baru, 1 diubah" in text(client.get("/pengelolaan/tpp/nilai-jabatan"))
    assert {b.key: b.amount for b in db.session.scalars(select(TppBasis))} == {
        "perawat terampil": Decimal(4_000_000), "pengemudi": Decimal(2_250_000)}


def test_the_perkada_numbers_are_settings_checked_at_their_field(factory, make_client):
    from tests.daily.test_admin import _settings

    client = make_client(factory.superadmin())
    bad = client.post("/pengelolaan/pengaturan", data=_settings(
        tpp_productivity_weight="70", tpp_absent_percent="tiga", tpp_late_bands="5-30:1",
        tpp_early_bands="1-30:0,5; 31-:1"))
    page = text(bad)
    assert "Potongan per hari harus angka 0 sampai 100" in page
    assert "Rentang ke-1 harus mulai dari 1 menit." in page
    assert client.post("/pengelolaan/pengaturan", data=_settings(
        tpp_productivity_weight="70", tpp_absent_percent="2,5", tpp_late_bands="1-15:0,25; 16-:1",
        tpp_early_bands="1-:1")).status_code == 302
    from app.services.tpp.monthly import scheme

    rules = scheme()
    assert (rules.productivity_weight, rules.discipline_weight, rules.absent_percent) == (70, 30, Decimal("2.5"))
    assert len(rules.late_bands) == 2 and rules.early_bands[0].high is None


def test_the_list_reads_as_many_queries_for_three_pegawai_as_for_twenty(office, factory, make_client):
    from tests.queries import count_statements

    client = make_client(office["admin"])
    url = f"/pengelolaan/tpp?opd={office['opd'].id}&bulan={YEAR}-{MONTH:02d}"
    client.get(url)
    with count_statements() as few:
        client.get(url)
    for n in range(17):
        person = factory.employee(office["opd"], name=f"Pegawai {n:02d}", position="Pengemudi")
        db.session.add(Attendance(employee_id=person.id, day=dt.date(YEAR, MONTH, 5), status=AttendanceStatus.HADIR,
                                  check_in=dt.time(7, 50), check_out=dt.time(16), late_minutes=20, early_minutes=0))
        db.session.add(Activity(employee_id=person.id, day=dt.date(YEAR, MONTH, 5), start_time=dt.time(8),
                                end_time=dt.time(9), minutes=60, description="Antar", category="LAINNYA",
                                status=ActivityStatus.DITERIMA))
    db.session.commit()
    with count_statements() as many:
        assert "Pegawai 16" in text(client.get(url))
    assert len(many) == len(few)


def test_a_transfer_in_the_middle_of_the_month_is_paid_whole_by_the_new_opd(office, factory):
    """The list of an OPD takes the pegawai in it when it is computed: one moved from another OPD on
    the 16th is paid by the new OPD for the whole month (all of the month's work counts), and no
    longer appears in the old one's list."""
    new_opd = factory.opd("Dinas Sosial")
    db.session.add(TppBasis(key="kepala seksi", position="Kepala Seksi", amount=Decimal(6_000_000)))
    sari = office["sari"]
    sari.unit = new_opd  # moved on 16 November; her work of the 2nd–11th stays hers
    db.session.flush()
    old = {line.name for line in monthly.compute(office["opd"], YEAR, MONTH, today=dt.date(2026, 12, 15)).lines}
    new = {line.name: line for line in monthly.compute(new_opd, YEAR, MONTH, today=dt.date(2026, 12, 15)).lines}
    assert "Sari Perawat" not in old and new["Sari Perawat"].counted_minutes == 4720
