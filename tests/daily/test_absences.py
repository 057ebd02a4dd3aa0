"""Days away recorded by the pengelola kinerja: a range for one pegawai, or a file (all rows or
none, each row's problem); weekends and holidays skipped, activities and other kinds never
overwritten; only pegawai of the OPDs they manage."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from app.domain.daily import AbsenceKind, HolidayKind
from app.extensions import db
from app.models import Absence, Activity, AuditEvent, Holiday
from tests.pages import body, text


@pytest.fixture
def office(factory):
    opd = factory.opd("Dinas Kesehatan")
    pegawai = factory.employee(opd, name="Sari Perawat")
    other = factory.employee(factory.opd("Dinas Lain"), name="Pegawai Lain")
    admin = factory.admin([opd])
    # 14–18 December 2026 is Monday to Friday; the 16th is made a holiday.
    db.session.add(Holiday(day=dt.date(2026, 12, 16), kind=HolidayKind.LIBUR_DAERAH, name="Hari Jadi"))
    db.session.flush()
    return {"opd": opd, "pegawai": pegawai, "other": other, "admin": admin}


def days() -> list[tuple[dt.date, AbsenceKind]]:
    return [(a.day, a.kind) for a in db.session.scalars(select(Absence).order_by(Absence.day))]


def form(nip, first="14/12/2026", last="20/12/2026", kind="CUTI", note="Cuti tahunan") -> dict:
    return {"rentang-nip": nip, "rentang-first": first, "rentang-last": last, "rentang-kind": kind,
            "rentang-note": note}


def test_a_range_becomes_its_working_days(office, make_client):
    client = make_client(office["admin"])
    assert "Ketidakhadiran pegawai" in text(client.get("/pengelolaan/ketidakhadiran"))
    response = client.post("/pengelolaan/ketidakhadiran", data=form(office["pegawai"].nip))
    assert response.status_code == 302
    assert days() == [(dt.date(2026, 12, d), AbsenceKind.CUTI) for d in (14, 15, 17, 18)]
    assert "4 hari kerja ketidakhadiran dicatat untuk 1 pegawai" in text(client.get("/pengelolaan/ketidakhadiran"))
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "ketidakhadiran.dicatat")) is not None
    again = client.post("/pengelolaan/ketidakhadiran", data=form(office["pegawai"].nip))
    assert again.status_code == 302 and len(days()) == 4  # the same again: nothing twice


@pytest.mark.parametrize("changes, field, message", [
    ({"nip": "199001012020121001"}, "rentang-nip", "Tidak ada pegawai dengan NIP"),
    ({"nip": "12345"}, "rentang-nip", "NIP"),
    ({"first": "18/12/2026", "last": "14/12/2026"}, "rentang-last", "Tanggal selesai sebelum tanggal mulai."),
    ({"kind": ""}, "rentang-kind", "Tulis Cuti, Sakit, Izin, Dinas luar, atau Tugas belajar."),
    ({"first": "19/12/2026", "last": "20/12/2026"}, "rentang-first", "tidak memuat hari kerja"),
])
def test_bad_ranges_are_refused_at_their_field(office, make_client, changes, field, message):
    data = form(office["pegawai"].nip)
    data.update({f"rentang-{k}": v for k, v in changes.items()})
    response = make_client(office["admin"]).post("/pengelolaan/ketidakhadiran", data=data)
    assert response.status_code == 422 and message in text(response) and f'id="{field}-galat"' in body(response)
    assert days() == []


def test_outside_the_opd_or_over_activities_or_another_kind(office, make_client):
    client = make_client(office["admin"])
    outside = client.post("/pengelolaan/ketidakhadiran", data=form(office["other"].nip))
    assert outside.status_code == 422 and "di luar perangkat daerah yang Anda kelola" in text(outside)
    db.session.add(Activity(employee_id=office["pegawai"].id, day=dt.date(2026, 12, 15), start_time=dt.time(8),
                            end_time=dt.time(9), minutes=60, description="Pelayanan", category="LAINNYA"))
    db.session.add(Absence(employee_id=office["pegawai"].id, day=dt.date(2026, 12, 18), kind=AbsenceKind.DINAS_LUAR))
    db.session.commit()
    busy = client.post("/pengelolaan/ketidakhadiran", data=form(office["pegawai"].nip))
    assert busy.status_code == 422 and "sudah mencatat kegiatan pada 15/12/2026" in text(busy)
    dinas = client.post("/pengelolaan/ketidakhadiran", data=form(office["pegawai"].nip, first="17/12/2026"))
    assert dinas.status_code == 422 and "pada 18/12/2026 sudah tercatat dinas luar" in text(dinas)
    assert days() == [(dt.date(2026, 12, 18), AbsenceKind.DINAS_LUAR)]


def _upload(client, content: str, name: str = "cuti.csv"):
    return client.post("/pengelolaan/ketidakhadiran", data={"berkas-file": (io.BytesIO(content.encode()), name)},
                       content_type="multipart/form-data")


def test_a_file_is_imported_whole_or_not_at_all(office, make_client, factory):
    second = factory.employee(office["opd"], name="Budi Sopir")
    client = make_client(office["admin"])
    bad = _upload(client, "NIP,Mulai,Selesai,Jenis,Keterangan\n"
                          f"{office['pegawai'].nip},14/12/2026,15/12/2026,Cuti,Cuti tahunan\n"
                          f"{second.nip},31/02/2026,,Sakit,\n"
                          f"{office['other'].nip},14/12/2026,,Izin,\n"
                          f"{second.nip},14/12/2026,,Libur,\n")
    page = text(bad)
    assert bad.status_code == 422 and "tidak diimpor: 3 kesalahan" in page
    assert "Isi tanggal mulai sebagai hh/bb/tttt" in page and "di luar perangkat daerah" in page
    assert "Tulis Cuti, Sakit, Izin, Dinas luar, atau Tugas belajar." in page
    assert days() == []
    good = _upload(client, "NIP;Mulai;Selesai;Jenis;Keterangan\n"
                           f"{office['pegawai'].nip};14/12/2026;15/12/2026;Cuti;Cuti tahunan\n"
                           f"{second.nip};17/12/2026;;Dinas luar;Rapat di provinsi\n")
    assert good.status_code == 302, text(good)
    assert days() == [(dt.date(2026, 12, 14), AbsenceKind.CUTI), (dt.date(2026, 12, 15), AbsenceKind.CUTI),
                      (dt.date(2026, 12, 17), AbsenceKind.DINAS_LUAR)]
    missing = _upload(client, "NIP,Jenis\n1,Cuti\n")
    assert missing.status_code == 422 and "Kolom wajib tidak ada: Mulai" in text(missing)
    template = client.get("/pengelolaan/ketidakhadiran/templat.xlsx")
    assert template.status_code == 200 and template.get_data()[:2] == b"PK"


def test_a_pegawai_cannot_record_for_others(office, make_client):
    client = make_client(office["pegawai"].user)
    assert client.get("/pengelolaan/ketidakhadiran").status_code == 403
    assert client.post("/pengelolaan/ketidakhadiran", data=form(office["pegawai"].nip)).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Absence)) == 0
