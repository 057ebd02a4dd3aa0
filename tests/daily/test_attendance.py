"""Presensi from the attendance system: the file checked whole and imported whole or not at all,
late and early minutes against the office hours (Friday apart), a newer import replacing a day,
the pegawai's day showing it, and only the pengelola kinerja of the pegawai's OPD importing."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from app.domain.daily import AttendanceStatus, early_minutes, late_minutes
from app.extensions import db
from app.models import Attendance, AuditEvent
from tests.pages import text


@pytest.mark.parametrize("check_in, minutes", [(None, 0), (dt.time(7, 30), 0), (dt.time(7, 29), 0),
                                               (dt.time(7, 42), 12), (dt.time(9, 0), 90)])
def test_late_minutes(check_in, minutes):
    assert late_minutes(check_in, dt.time(7, 30)) == minutes


@pytest.mark.parametrize("check_out, minutes", [(None, 0), (dt.time(16, 0), 0), (dt.time(17, 0), 0),
                                                (dt.time(15, 35), 25)])
def test_early_minutes(check_out, minutes):
    assert early_minutes(check_out, dt.time(16, 0)) == minutes


@pytest.fixture
def office(factory):
    opd = factory.opd("Dinas Kesehatan")
    return {"opd": opd, "sari": factory.employee(opd, name="Sari Perawat"),
            "other": factory.employee(factory.opd("Dinas Lain"), name="Pegawai Lain"),
            "admin": factory.admin([opd])}


def upload(client, content: str, name: str = "presensi.csv"):
    return client.post("/pengelolaan/presensi", data={"file": (io.BytesIO(content.encode()), name)},
                       content_type="multipart/form-data")


def rows() -> list[tuple]:
    return [(a.day, a.status, a.late_minutes, a.early_minutes)
            for a in db.session.scalars(select(Attendance).order_by(Attendance.day))]


def test_a_file_is_imported_whole_with_late_and_early_minutes(office, make_client):
    client = make_client(office["admin"])
    nip = office["sari"].nip
    # 14 December 2026 is a Monday, the 18th a Friday (pulang 16.30).
    response = upload(client, "NIP,Tanggal,Masuk,Pulang,Status\n"
                              f"{nip},14/12/2026,07.42,16.05,H\n"
                              f"{nip},15/12/2026,,,TK\n"
                              f"{nip},18/12/2026,07:25,16:00,Hadir\n")
    assert response.status_code == 302
    assert rows() == [(dt.date(2026, 12, 14), AttendanceStatus.HADIR, 12, 0),
                      (dt.date(2026, 12, 15), AttendanceStatus.TANPA_KETERANGAN, 0, 0),
                      (dt.date(2026, 12, 18), AttendanceStatus.HADIR, 0, 30)]
    assert "3 hari baru, 0 diperbarui" in text(client.get("/pengelolaan/presensi"))
    again = upload(client, f"NIP;Tanggal;Masuk;Pulang;Status\n{nip};14/12/2026;07.31;16.00;H\n")
    assert again.status_code == 302 and rows()[0] == (dt.date(2026, 12, 14), AttendanceStatus.HADIR, 1, 0)
    assert "0 hari baru, 1 diperbarui" in text(client.get("/pengelolaan/presensi"))
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "presensi.diimpor")) == 2
    day = text(make_client(office["sari"].user).get("/kinerja-harian/hari/2026-12-14"))
    assert "Presensi: masuk 07.31 (terlambat 1 m), pulang 16.00." in day


def test_one_bad_row_and_nothing_is_imported(office, make_client):
    client = make_client(office["admin"])
    nip = office["sari"].nip
    response = upload(client, "NIP,Tanggal,Masuk,Pulang,Status\n"
                              f"{nip},14/12/2026,07.42,16.05,H\n"
                              f"{nip},32/12/2026,07.42,16.05,H\n"
                              f"{nip},15/12/2026,7.99,16.05,H\n"
                              f"{nip},16/12/2026,16.00,07.00,H\n"
                              f"{nip},17/12/2026,07.30,16.00,X\n"
                              f"{office['other'].nip},14/12/2026,07.30,16.00,H\n"
                              f"{nip},14/12/2026,07.30,16.00,H\n")
    page = text(response)
    assert response.status_code == 422 and "tidak diimpor: 6 kesalahan" in page
    for message in ("Tulis tanggal sebagai hh/bb/tttt", "Tulis jam sebagai jj.mm", "Jam pulang harus setelah jam masuk.",
                    "Tulis H (hadir) atau TK (tanpa keterangan).", "di luar perangkat daerah yang Anda kelola",
                    "sudah ada di baris 2"):
        assert message in page, message
    assert rows() == []
    missing = upload(client, "NIP,Tanggal\n1,2\n")
    assert missing.status_code == 422 and "Kolom wajib tidak ada: Masuk, Pulang, Status" in text(missing)


def test_only_the_pengelola_kinerja_imports(office, make_client):
    client = make_client(office["sari"].user)
    assert client.get("/pengelolaan/presensi").status_code == 403
    assert upload(client, f"NIP,Tanggal,Masuk,Pulang,Status\n{office['sari'].nip},14/12/2026,07.30,16.00,H\n"
                  ).status_code == 403
    assert rows() == []
    template = make_client(office["admin"]).get("/pengelolaan/presensi/templat.xlsx")
    assert template.status_code == 200 and template.get_data()[:2] == b"PK"


def test_office_hours_are_settings_checked_at_their_field(factory, make_client):
    from tests.daily.test_admin import _settings

    client = make_client(factory.superadmin())
    unreadable = client.post("/pengelolaan/pengaturan", data=_settings(friday_end="25.00"))
    assert unreadable.status_code == 200 and "Jam tidak valid" in text(unreadable)
    bad = client.post("/pengelolaan/pengaturan", data=_settings(work_start="08.00", work_end="07.00",
                                                                friday_end="16.30"))
    assert "Jam pulang harus setelah jam masuk (08.00)." in text(bad)
    assert client.post("/pengelolaan/pengaturan", data=_settings(work_start="07.00", work_end="15.30",
                                                                 friday_end="16.00")).status_code == 302
    from app.models import AppSettings

    saved = db.session.get(AppSettings, 1)
    assert (saved.work_start, saved.work_end, saved.friday_end) == (dt.time(7), dt.time(15, 30), dt.time(16))
