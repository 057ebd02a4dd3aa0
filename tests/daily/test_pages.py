"""Kinerja harian of the pegawai through the web: the month, a day, adding, changing, deleting,
copying the previous day's activities, marking a day away, the bukti dukung file; every bad input
refused at its field with nothing written; someone else's activity is 404."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from app.domain.daily import AbsenceKind, ActivityStatus, HolidayKind, working_days_back
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Absence, Activity, ActivityEvidence, AuditEvent, Holiday
from app.models.base import local_today
from tests.pages import body, text
from tests.queries import count_statements

PDF = b"%PDF-1.4\n% bukti uji\n"


class Desk:
    """A pegawai with an approved SKP of this year (two RHK, two IKI each) and a colleague."""

    def __init__(self, factory):
        self.today = local_today()
        self.opd = factory.opd("Dinas Kominfo")
        self.boss = factory.employee(self.opd, name="Kepala Seksi")
        self.rina = factory.employee(self.opd, assessor=self.boss, name="Rina Pelaksana")
        self.other = factory.employee(self.opd, assessor=self.boss, name="Budi Rekan")
        self.year = factory.skp.year(self.today.year)
        self.plan = factory.skp.plan(self.rina, self.year, status=PlanStatus.APPROVED, results=2, indicators=2)
        self.other_plan = factory.skp.plan(self.other, self.year, status=PlanStatus.APPROVED)
        self.rhk = self.plan.results[0]
        self.iki = self.rhk.indicators[0]
        # a working day inside the entry window, before today (today may be a weekend)
        self.day = working_days_back(self.today, 1, set())
        db.session.flush()

    def url(self, day: dt.date | None = None) -> str:
        return f"/kinerja-harian/hari/{(day or self.day).isoformat()}"


@pytest.fixture
def desk(factory, app, tmp_path, monkeypatch) -> Desk:
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return Desk(factory)


def good(desk: Desk, **changes) -> dict:
    data = {"start": "08.00", "end": "09.30", "description": "Menyusun draf surat undangan rapat",
            "category": "RHK", "work_result_id": str(desk.rhk.id), "indicator_id": str(desk.iki.id),
            "output_quantity": "3", "output_unit": "Surat", "link": ""}
    data.update(changes)
    return data


def activities() -> list[Activity]:
    return list(db.session.scalars(select(Activity).order_by(Activity.start_time)))


def test_the_month_and_a_day_open_for_the_pegawai(desk, make_client):
    client = make_client(desk.rina.user)
    start = client.get("/kinerja-harian/")
    assert start.status_code == 302 and start.headers["Location"].endswith(f"/{desk.today.year}/{desk.today.month}")
    page = text(client.get(start.headers["Location"]))
    assert "Kinerja harian" in page and "Rina Pelaksana" in page and "Menunggu verifikasi" in page
    day = text(client.get(desk.url()))
    assert "Catat kegiatan" in day and "Belum ada kegiatan pada hari ini" in day
    assert desk.rhk.text in body(client.get(desk.url()))


def test_an_activity_is_recorded_with_its_rhk_output_and_bukti(desk, make_client):
    client = make_client(desk.rina.user)
    data = good(desk, link="https://drive.kab.go.id/surat-undangan")
    data["file"] = (io.BytesIO(PDF), "undangan.pdf")
    response = client.post(desk.url(), data=data, content_type="multipart/form-data")
    assert response.status_code == 302, text(response)
    (activity,) = activities()
    assert (activity.minutes, activity.work_result_id, activity.indicator_id) == (90, desk.rhk.id, desk.iki.id)
    assert activity.status == ActivityStatus.MENUNGGU and str(activity.output_quantity) in ("3", "3.0000")
    kinds = sorted(e.kind.value for e in activity.evidence)
    assert kinds == ["FILE", "LINK"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "kegiatan.dicatat"))
    assert event is not None and event.object_id == activity.id
    page = text(client.get(desk.url()))
    assert "08.00–09.30" in page and "1 j 30 m" in page and "undangan.pdf" in page and "3 Surat" in page
    file = next(e for e in activity.evidence if e.kind.value == "FILE")
    download = client.get(f"/kinerja-harian/bukti/{file.id}")
    assert download.status_code == 200 and download.get_data() == PDF and "attachment" in download.headers[
        "Content-Disposition"]
    assert make_client(desk.other.user).get(f"/kinerja-harian/bukti/{file.id}").status_code == 404
    assert make_client(desk.boss.user).get(f"/kinerja-harian/bukti/{file.id}").status_code == 200  # who verifies


@pytest.mark.parametrize("changes, field, message", [
    ({"start": "", "end": ""}, "start", "Isi jam mulai"),
    ({"start": "25.00"}, "start", "Jam tidak valid"),
    ({"start": "10.00", "end": "09.00"}, "end", "Jam selesai harus setelah jam mulai."),
    ({"description": "   "}, "description", "Tuliskan kegiatan yang dikerjakan."),
    ({"category": ""}, "category", "Pilih untuk apa kegiatan ini"),
    ({"work_result_id": ""}, "work_result_id", "Pilih RHK dari SKP Anda yang disetujui."),
    ({"output_unit": ""}, "output_unit", "Isi satuan keluarannya"),
    ({"output_quantity": "", "output_unit": "Surat"}, "output_quantity", "Isi jumlah keluaran"),
    ({"output_quantity": "-2"}, "output_quantity", "harus lebih dari 0"),
    ({"link": "javascript:alert(1)"}, "link", "diawali http:// atau https://"),
])
def test_each_bad_input_is_refused_at_its_field_and_nothing_is_written(desk, make_client, changes, field, message):
    response = make_client(desk.rina.user).post(desk.url(), data=good(desk, **changes))
    assert response.status_code == 422
    page = body(response)
    assert message in text(response) and f'id="{field}-galat"' in page
    assert activities() == []


def test_someone_else_s_rhk_or_an_iki_of_another_rhk_is_refused(desk, make_client):
    client = make_client(desk.rina.user)
    theirs = client.post(desk.url(), data=good(desk, work_result_id=str(desk.other_plan.results[0].id)))
    assert theirs.status_code == 422 and "Pilih RHK dari SKP Anda yang disetujui." in text(theirs)
    wrong_iki = client.post(desk.url(), data=good(desk, indicator_id=str(desk.plan.results[1].indicators[0].id)))
    assert wrong_iki.status_code == 422 and "IKI yang dipilih bukan bagian dari RHK itu." in text(wrong_iki)
    assert activities() == []


def test_a_file_that_is_not_bukti_is_refused(desk, make_client):
    data = good(desk)
    data["file"] = (io.BytesIO(b"MZ\x90\x00 not a document"), "laporan.pdf")
    response = make_client(desk.rina.user).post(desk.url(), data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and "Berkas tidak dapat diterima" in text(response)
    assert activities() == [] and db.session.scalar(select(func.count()).select_from(ActivityEvidence)) == 0


def test_times_may_not_overlap_nor_the_day_exceed_its_limit(desk, make_client):
    client = make_client(desk.rina.user)
    assert client.post(desk.url(), data=good(desk)).status_code == 302
    clash = client.post(desk.url(), data=good(desk, start="09.00", end="10.00", description="Rapat"))
    assert clash.status_code == 422 and "bertumpuk" in text(clash) and "08.00–09.30" in text(clash)
    touching = client.post(desk.url(), data=good(desk, start="09.30", end="10.00", description="Rapat"))
    assert touching.status_code == 302
    too_long = client.post(desk.url(), data=good(desk, start="10.00", end="23.00", description="Lembur"))
    assert too_long.status_code == 422 and "lebih dari batas 12 j sehari" in text(too_long)
    assert len(activities()) == 2


def test_no_entry_for_the_future_nor_past_the_window(desk, make_client):
    client = make_client(desk.rina.user)
    tomorrow = desk.today + dt.timedelta(days=1)
    future = client.post(desk.url(tomorrow), data=good(desk))
    assert future.status_code == 422 and "belum tiba" in text(future)
    old = desk.today - dt.timedelta(days=30)
    late = client.post(desk.url(old), data=good(desk))
    assert late.status_code == 422 and "paling awal" in text(late)
    assert "Batas pencatatan untuk hari ini sudah lewat" in text(client.get(desk.url(old)))
    assert activities() == []


def test_change_and_delete_while_waiting_not_after_verification(desk, make_client):
    client = make_client(desk.rina.user)
    client.post(desk.url(), data=good(desk))
    (activity,) = activities()
    edit = f"/kinerja-harian/kegiatan/{activity.id}/ubah"
    assert "Ubah kegiatan" in text(client.get(edit))
    changed = client.post(edit, data=good(desk, start="07.30", version=str(activity.lock_version)))
    assert changed.status_code == 302
    db.session.refresh(activity)
    assert activity.minutes == 120 and activity.start_time == dt.time(7, 30)
    stale = client.post(edit, data=good(desk, start="07.45", version="1"))
    assert stale.status_code == 422 and "telah diubah sejak halaman dibuka" in text(stale)

    activity.status = ActivityStatus.DITERIMA
    db.session.commit()
    refused = client.post(edit, data=good(desk, start="07.00", version=str(activity.lock_version)))
    assert refused.status_code == 302 and activities()[0].start_time == dt.time(7, 30)
    client.post(f"/kinerja-harian/kegiatan/{activity.id}/hapus")
    assert len(activities()) == 1
    assert "sudah diverifikasi" in text(client.get(desk.url()))

    activity.status = ActivityStatus.MENUNGGU
    db.session.commit()
    assert make_client(desk.other.user).post(f"/kinerja-harian/kegiatan/{activity.id}/hapus").status_code == 404
    assert make_client(desk.other.user).get(edit).status_code == 404
    assert client.post(f"/kinerja-harian/kegiatan/{activity.id}/hapus").status_code == 302
    assert activities() == []
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action.in_(("kegiatan.diubah", "kegiatan.dihapus")))) == 2


def test_a_returned_activity_is_fixed_within_the_window_from_its_return(desk, make_client):
    from app.models.base import utcnow

    old = working_days_back(desk.today, 12, set())
    activity = Activity(employee_id=desk.rina.id, day=old, start_time=dt.time(8), end_time=dt.time(9), minutes=60,
                        description="Rekap absensi", category="LAINNYA", status=ActivityStatus.DIKEMBALIKAN,
                        return_note="Lampirkan rekapnya.", verified_at=utcnow())
    long_ago = Activity(employee_id=desk.rina.id, day=old, start_time=dt.time(10), end_time=dt.time(11), minutes=60,
                        description="Rapat", category="LAINNYA", status=ActivityStatus.DIKEMBALIKAN,
                        return_note="Notulen?", verified_at=utcnow() - dt.timedelta(days=30))
    db.session.add_all([activity, long_ago])
    db.session.commit()
    late = make_client(desk.rina.user).get(f"/kinerja-harian/kegiatan/{long_ago.id}/ubah")
    assert late.status_code == 302
    client = make_client(desk.rina.user)
    page = text(client.get(f"/kinerja-harian/kegiatan/{activity.id}/ubah"))
    assert "Lampirkan rekapnya." in page
    fixed = client.post(f"/kinerja-harian/kegiatan/{activity.id}/ubah",
                        data={"start": "08.00", "end": "09.00", "description": "Rekap absensi bulan lalu",
                              "category": "LAINNYA", "link": "https://drive.kab.go.id/rekap",
                              "version": str(activity.lock_version)})
    assert fixed.status_code == 302, text(fixed)
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.MENUNGGU and len(activity.evidence) == 1


def test_copy_the_previous_day_s_activities(desk, make_client):
    client = make_client(desk.rina.user)
    before = working_days_back(desk.day, 1, set())
    client.post(desk.url(before), data=good(desk))
    client.post(desk.url(before), data=good(desk, start="13.00", end="15.00", description="Rapat koordinasi",
                                           category="TAMBAHAN", work_result_id="", indicator_id="",
                                           output_quantity="", output_unit=""))
    client.post(desk.url(), data=good(desk, start="13.30", end="14.00", description="Sudah ada"))
    response = client.post(desk.url() + "/salin")
    assert response.status_code == 302
    day = [a for a in activities() if a.day == desk.day]
    assert sorted(a.description for a in day) == ["Menyusun draf surat undangan rapat", "Sudah ada"]
    page = text(client.get(desk.url()))
    assert "1 kegiatan disalin" in page and "Tidak disalin: 13.00–15.00" in page


def test_a_day_away_is_no_working_day_and_takes_no_activity(desk, make_client):
    client = make_client(desk.rina.user)
    marked = client.post(desk.url() + "/keterangan", data={"hadir-kind": "CUTI", "hadir-note": "Cuti tahunan"})
    assert marked.status_code == 302
    assert db.session.scalar(select(Absence)).kind == AbsenceKind.CUTI
    refused = client.post(desk.url(), data=good(desk))
    assert refused.status_code == 422 and "Anda tercatat cuti" in text(refused)
    assert "Catat kegiatan" not in text(client.get(desk.url()))
    client.post(desk.url() + "/keterangan", data={"hadir-kind": "", "hadir-note": ""})
    assert db.session.scalar(select(func.count()).select_from(Absence)) == 0
    client.post(desk.url(), data=good(desk))
    blocked = client.post(desk.url() + "/keterangan", data={"hadir-kind": "SAKIT", "hadir-note": ""})
    assert blocked.status_code == 302 and "hapus dulu kegiatannya" in text(client.get(desk.url()))
    assert db.session.scalar(select(func.count()).select_from(Absence)) == 0
    client.post(desk.url() + "/keterangan", data={"hadir-kind": "DINAS_LUAR", "hadir-note": "Ke provinsi"})
    assert db.session.scalar(select(Absence)).kind == AbsenceKind.DINAS_LUAR  # work elsewhere: kept


def test_a_pegawai_marks_only_recent_days_and_never_what_the_pengelola_recorded(desk, factory, make_client):
    client = make_client(desk.rina.user)
    old = desk.today - dt.timedelta(days=30)
    late = client.post(desk.url(old) + "/keterangan", data={"hadir-kind": "IZIN", "hadir-note": ""})
    assert late.status_code == 302 and "hubungi pengelola kinerja" in text(client.get(desk.url(old)))
    far = desk.today + dt.timedelta(days=120)
    client.post(desk.url(far) + "/keterangan", data={"hadir-kind": "CUTI", "hadir-note": ""})
    admin = factory.admin([desk.opd])
    db.session.add(Absence(employee_id=desk.rina.id, day=desk.day, kind=AbsenceKind.SAKIT, created_by_id=admin.id))
    db.session.commit()
    cleared = client.post(desk.url() + "/keterangan", data={"hadir-kind": "", "hadir-note": ""})
    assert cleared.status_code == 302 and "dicatat oleh pengelola kinerja" in text(client.get(desk.url()))
    assert [(a.day, a.kind) for a in db.session.scalars(select(Absence))] == [(desk.day, AbsenceKind.SAKIT)]


def test_the_month_shows_holidays_and_reads_a_fixed_number_of_queries(desk, make_client):
    db.session.add(Holiday(day=dt.date(desk.today.year, desk.today.month, 1), kind=HolidayKind.LIBUR_DAERAH,
                           name="Hari Jadi Kabupaten"))
    db.session.commit()
    client = make_client(desk.rina.user)
    url = f"/kinerja-harian/{desk.today.year}/{desk.today.month}"
    with count_statements() as few:
        page = text(client.get(url))
    assert "Hari Jadi Kabupaten" in page
    for n in range(6):
        db.session.add(Activity(employee_id=desk.rina.id, day=desk.day, start_time=dt.time(7 + n),
                                end_time=dt.time(7 + n, 45), minutes=45, description=f"Kegiatan {n}",
                                category="LAINNYA"))
    db.session.commit()
    with count_statements() as many:
        assert "4 j 30 m" in text(client.get(url))
    assert len(many) == len(few)


def test_a_day_reads_as_many_queries_for_one_activity_as_for_six(desk, make_client):
    client = make_client(desk.rina.user)
    for n in range(6):
        db.session.add(Activity(employee_id=desk.rina.id, day=desk.day, start_time=dt.time(7 + n),
                                end_time=dt.time(7 + n, 45), minutes=45, description=f"Kegiatan {n}",
                                category="LAINNYA", output_quantity=1, output_unit="Surat"))
        db.session.commit()
        client.get(desk.url())  # warm
        with count_statements() as statements:
            assert f"Kegiatan {n}" in text(client.get(desk.url()))
        if n == 0:
            one = len(statements)
    assert len(statements) == one


def test_without_a_pegawai_record_or_a_login(factory, make_client):
    from app.domain.enums import Role

    operator = factory.user(None, role=Role.SUPERADMIN)  # an account that is no pegawai
    assert make_client(operator).get("/kinerja-harian/").status_code == 404
    assert make_client().get("/kinerja-harian/").status_code == 302
    assert make_client(factory.employee().user).get("/kinerja-harian/hari/2026-02-30").status_code == 404


def test_all_writes_need_the_csrf_token(desk, make_client):
    client = make_client(desk.rina.user)
    assert client.post(desk.url(), data=good(desk), csrf=False).status_code in (400, 422)
    assert client.post(desk.url() + "/salin", csrf=False).status_code == 400
    assert activities() == []
