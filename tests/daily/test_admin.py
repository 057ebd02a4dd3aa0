"""What the super admin keeps for kinerja harian: the kabupaten's holidays and the daily settings;
refused to anyone else."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.daily import HolidayKind
from app.extensions import db
from app.models import AppSettings, AuditEvent, Holiday
from tests.pages import body, text


def holidays() -> list[Holiday]:
    return list(db.session.scalars(select(Holiday).order_by(Holiday.day)))


def test_the_super_admin_adds_and_removes_a_holiday(factory, make_client):
    client = make_client(factory.superadmin())
    page = text(client.get("/pengelolaan/hari-libur?tahun=2026"))
    assert "Hari libur 2026" in page and "Belum ada hari libur tercatat untuk 2026" in page
    added = client.post("/pengelolaan/hari-libur?tahun=2026",
                        data={"day": "25/12/2026", "kind": "LIBUR_NASIONAL", "name": "Hari Raya Natal"})
    assert added.status_code == 302 and added.headers["Location"].endswith("tahun=2026")
    (natal,) = holidays()
    assert (natal.day, natal.kind, natal.name) == (dt.date(2026, 12, 25), HolidayKind.LIBUR_NASIONAL, "Hari Raya Natal")
    assert "Hari Raya Natal" in text(client.get("/pengelolaan/hari-libur?tahun=2026"))
    assert client.post(f"/pengelolaan/hari-libur/{natal.id}/hapus").status_code == 302
    assert holidays() == []
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"hari_libur.ditambahkan", "hari_libur.dihapus"} <= actions


@pytest.mark.parametrize("data, field, message", [
    ({"day": "", "kind": "CUTI_BERSAMA", "name": "Cuti bersama"}, "day", "Isi tanggal hari libur."),
    ({"day": "31/02/2026", "kind": "CUTI_BERSAMA", "name": "Cuti bersama"}, "day", "Tanggal tidak valid"),
    ({"day": "24/12/2026", "kind": "", "name": "Cuti bersama"}, "kind", "Pilih jenis hari libur."),
    ({"day": "24/12/2026", "kind": "CUTI_BERSAMA", "name": " "}, "name", "Isi nama hari libur"),
    ({"day": "25/12/2026", "kind": "CUTI_BERSAMA", "name": "Dobel"}, "day", "sudah tercatat sebagai hari libur"),
])
def test_bad_holidays_are_refused_at_their_field(factory, make_client, data, field, message):
    db.session.add(Holiday(day=dt.date(2026, 12, 25), kind=HolidayKind.LIBUR_NASIONAL, name="Hari Raya Natal"))
    client = make_client(factory.superadmin())
    response = client.post("/pengelolaan/hari-libur", data=data)
    assert response.status_code == 422 and message in text(response) and f'id="{field}-galat"' in body(response)
    assert len(holidays()) == 1


def test_nobody_else_keeps_the_holidays(factory, make_client):
    opd = factory.opd()
    natal = Holiday(day=dt.date(2026, 12, 25), kind=HolidayKind.LIBUR_NASIONAL, name="Hari Raya Natal")
    db.session.add(natal)
    db.session.flush()
    for user in (factory.admin([opd]), factory.employee(opd).user):
        client = make_client(user)
        assert client.get("/pengelolaan/hari-libur").status_code == 403
        assert client.post("/pengelolaan/hari-libur", data={"day": "24/12/2026", "kind": "CUTI_BERSAMA",
                                                             "name": "Cuti"}).status_code == 403
        assert client.post(f"/pengelolaan/hari-libur/{natal.id}/hapus").status_code == 403
    assert len(holidays()) == 1


def _settings(**changes) -> dict:
    form = {"region_name": "Pemerintah Kabupaten Uji", "document_place": "Kota Uji", "head_title": "Bupati",
            "head_name": "H. Fulan", "paper_size": "A4", "late_submission": "ALLOW_MARKED", "version": "0",
            "day_minutes": "420", "day_limit_minutes": "600", "entry_days": "3", "verify_days": "7",
            "unverified_accepted": "0"}
    form.update(changes)
    return form


def test_the_daily_settings_are_saved_and_checked(factory, make_client):
    client = make_client(factory.superadmin())
    assert "Kinerja harian" in text(client.get("/pengelolaan/pengaturan"))
    assert client.post("/pengelolaan/pengaturan", data=_settings()).status_code == 302
    saved = db.session.get(AppSettings, 1)
    assert (saved.day_minutes, saved.day_limit_minutes, saved.entry_days, saved.verify_days,
            saved.unverified_accepted) == (420, 600, 3, 7, False)
    refused = client.post("/pengelolaan/pengaturan", data=_settings(version="1", day_limit_minutes="400",
                                                                    entry_days="31", verify_days="0"))
    page = text(refused)
    assert "Harus sama dengan atau lebih dari standar waktu kerja sehari (420 menit)." in page
    assert "Harus 0 sampai 30 hari kerja." in page and "Harus 1 sampai 30 hari kerja." in page
    assert db.session.scalar(select(func.count()).select_from(AppSettings)) == 1
    db.session.expire_all()
    assert db.session.get(AppSettings, 1).day_limit_minutes == 600
