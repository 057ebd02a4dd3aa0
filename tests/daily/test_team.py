"""Kinerja harian tim: the Pejabat Penilai's week, a member's day, accept / return / accept the day,
the verification window, a Plh. who verifies for the days of the assignment, comments, and every
one else refused."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.daily import ActivityStatus, working_days_back
from app.domain.enums import ActingKind
from app.extensions import db
from app.models import ActingAssignment, Activity, ActivityEvidence, AuditEvent, DayComment, Notification
from app.models.base import local_today
from app.models import AppSettings
from app.services.settings import DEFAULTS
from tests.daily.test_pages import Desk
from tests.pages import body, text
from tests.queries import count_statements


@pytest.fixture
def desk(factory, app, tmp_path, monkeypatch) -> Desk:
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return Desk(factory)


def add(desk: Desk, employee=None, day=None, hour: int = 8, **extra) -> Activity:
    activity = Activity(employee_id=(employee or desk.rina).id, day=day or desk.day, start_time=dt.time(hour),
                        end_time=dt.time(hour + 1), minutes=60, description=f"Kegiatan jam {hour}",
                        category="LAINNYA", **extra)
    db.session.add(activity)
    db.session.commit()
    return activity


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def test_the_week_of_the_team_for_its_pejabat_penilai(desk, make_client):
    add(desk, hour=8)
    add(desk, hour=9)
    client = make_client(desk.boss.user)
    start = client.get("/kinerja-harian/tim")
    assert start.status_code == 302
    week = text(client.get(f"/kinerja-harian/tim/minggu/{monday(desk.day).isoformat()}"))
    assert "Kinerja harian tim" in week and "Rina Pelaksana" in week and "Budi Rekan" in week and "2 j" in week
    assert "2 menunggu" in week
    assert week.count("dari 37 j 30 m") == 2  # five working days × 7 j 30 m, for each member
    from app.domain.daily import AbsenceKind
    from app.models import Absence

    db.session.add(Absence(employee_id=desk.other.id, day=monday(desk.day), kind=AbsenceKind.SAKIT))
    db.session.add(Absence(employee_id=desk.rina.id, day=monday(desk.day) + dt.timedelta(days=1),
                           kind=AbsenceKind.DINAS_LUAR))
    db.session.commit()
    week = text(client.get(f"/kinerja-harian/tim/minggu/{monday(desk.day).isoformat()}"))
    assert "dari 30 j" in week and "dari 37 j 30 m" in week and "Sakit" in week  # dinas luar is work
    assert "Anda tidak sedang menilai" in text(make_client(desk.rina.user).get("/kinerja-harian/tim"
                                                                                 f"/minggu/{desk.day.isoformat()}"))


def test_the_week_reads_as_many_queries_for_two_members_as_for_eight(desk, factory, make_client):
    add(desk)
    client = make_client(desk.boss.user)
    url = f"/kinerja-harian/tim/minggu/{monday(desk.day).isoformat()}"
    with count_statements() as few:
        client.get(url)
    for n in range(6):
        member = factory.employee(desk.opd, assessor=desk.boss, name=f"Anggota {n}")
        add(desk, employee=member, hour=8 + n)
    with count_statements() as many:
        assert "Anggota 5" in text(client.get(url))
    assert len(many) == len(few)


def test_accept_return_and_accept_the_whole_day(desk, make_client):
    first, second, third = add(desk, hour=8), add(desk, hour=9), add(desk, hour=10)
    client = make_client(desk.boss.user)
    day_url = f"/kinerja-harian/tim/{desk.rina.id}/{desk.day.isoformat()}"
    page = text(client.get(day_url))
    assert "Kegiatan jam 8" in page and "Batas verifikasi" in page
    assert client.post(f"/kinerja-harian/kegiatan/{first.id}/terima", data={"version": "1"}).status_code == 302
    db.session.refresh(first)
    assert first.status == ActivityStatus.DITERIMA and first.verified_by_id == desk.boss.user.id
    assert first.verified_as == desk.boss.position

    empty = client.post(f"/kinerja-harian/kegiatan/{second.id}/kembalikan", data={"note": " ", "version": "1"})
    assert empty.status_code == 422 and "Tuliskan apa yang perlu diperbaiki pegawai." in text(empty)
    assert 'id="note-galat"' in body(empty)
    returned = client.post(f"/kinerja-harian/kegiatan/{second.id}/kembalikan",
                           data={"note": "Lampirkan undangannya.", "version": "1"})
    assert returned.status_code == 302
    db.session.refresh(second)
    assert second.status == ActivityStatus.DIKEMBALIKAN and second.return_note == "Lampirkan undangannya."
    notice = db.session.scalar(select(Notification).where(Notification.user_id == desk.rina.user.id))
    assert notice is not None and "dikembalikan" in notice.title.lower()
    assert "Lampirkan undangannya." in text(make_client(desk.rina.user).get(desk.url()))

    assert client.post(day_url + "/terima-semua").status_code == 302
    db.session.refresh(third)
    assert third.status == ActivityStatus.DITERIMA
    again = client.post(f"/kinerja-harian/kegiatan/{first.id}/terima", data={"version": "2"})
    assert again.status_code == 302 and "sudah diverifikasi" in text(client.get(day_url))
    actions = list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("kegiatan.%"))))
    assert actions.count("kegiatan.diterima") == 2 and actions.count("kegiatan.dikembalikan") == 1


def test_a_changed_activity_is_not_verified_blind(desk, make_client):
    activity = add(desk)
    client = make_client(desk.boss.user)
    response = client.post(f"/kinerja-harian/kegiatan/{activity.id}/terima", data={"version": "7"})
    assert response.status_code == 302 and "telah diubah pegawai" in text(client.get(response.headers["Location"]))
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.MENUNGGU


def test_past_the_window_nothing_is_verified_and_it_counts_as_the_settings_say(desk, make_client):
    old = working_days_back(local_today(), 12, set())
    activity = add(desk, day=old)
    client = make_client(desk.boss.user)
    page = text(client.get(f"/kinerja-harian/tim/{desk.rina.id}/{old.isoformat()}"))
    assert "sudah lewat" in page and "Terima semua" not in page
    client.post(f"/kinerja-harian/kegiatan/{activity.id}/terima", data={"version": "1"})
    flashed = text(client.get(f"/kinerja-harian/tim/{desk.rina.id}/{old.isoformat()}"))
    assert "Batas verifikasi kegiatan ini sudah lewat" in flashed and "dianggap diterima" in flashed
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.MENUNGGU
    mine = make_client(desk.rina.user)
    assert "Dianggap diterima (tidak diverifikasi)" in text(mine.get(desk.url(old)))
    settings = db.session.get(AppSettings, 1) or AppSettings(id=1, **DEFAULTS)
    settings.unverified_accepted = False
    db.session.add(settings)
    db.session.commit()
    assert "Tidak dihitung (tidak diverifikasi)" in text(mine.get(desk.url(old)))
    add(desk)
    assert "Menunggu verifikasi" in text(mine.get(desk.url()))  # within its window


def test_nobody_else_verifies_or_sees(desk, factory, make_client):
    activity = add(desk)
    evidence = ActivityEvidence(activity_id=activity.id, kind="LINK", url="https://drive.kab.go.id/x")
    db.session.add(evidence)
    other_boss = factory.employee(desk.opd, name="Kepala Seksi Lain")
    factory.employee(desk.opd, assessor=other_boss, name="Staf Lain")
    admin = factory.admin([desk.opd])
    for user in (other_boss.user, desk.other.user, admin, desk.rina.user):
        client = make_client(user)
        assert client.get(f"/kinerja-harian/tim/{desk.rina.id}/{desk.day.isoformat()}").status_code == 404
        assert client.post(f"/kinerja-harian/kegiatan/{activity.id}/terima", data={"version": "1"}).status_code == 404
        assert client.post(f"/kinerja-harian/kegiatan/{activity.id}/kembalikan",
                           data={"note": "x", "version": "1"}).status_code == 404
        assert client.post(f"/kinerja-harian/tim/{desk.rina.id}/{desk.day.isoformat()}/terima-semua").status_code == 404
        assert client.post(f"/kinerja-harian/tim/{desk.rina.id}/{desk.day.isoformat()}/umpan-balik",
                           data={"text": "x"}).status_code == 404
    db.session.refresh(activity)
    assert activity.status == ActivityStatus.MENUNGGU
    assert db.session.scalar(select(func.count()).select_from(DayComment)) == 0


def test_a_plh_verifies_the_days_of_the_assignment_only(desk, factory, make_client):
    plh = factory.employee(desk.opd, name="Pelaksana Harian")
    today = local_today()
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=desk.boss,
                                    unit=desk.boss.unit, position=desk.boss.position,
                                    start_date=today - dt.timedelta(days=3), end_date=today + dt.timedelta(days=3)))
    inside = add(desk, day=desk.day)
    client = make_client(plh.user)
    assert client.post(f"/kinerja-harian/kegiatan/{inside.id}/terima", data={"version": "1"}).status_code == 302
    db.session.refresh(inside)
    assert inside.status == ActivityStatus.DITERIMA and inside.verified_as.startswith("Plh.")
    assignment = db.session.scalar(select(ActingAssignment))
    assignment.start_date, assignment.end_date = today - dt.timedelta(days=40), today - dt.timedelta(days=20)
    later = add(desk, day=desk.day, hour=11)
    db.session.commit()
    assert client.post(f"/kinerja-harian/kegiatan/{later.id}/terima", data={"version": "1"}).status_code == 404


def test_a_comment_on_the_day_reaches_the_pegawai(desk, make_client):
    add(desk)
    client = make_client(desk.boss.user)
    url = f"/kinerja-harian/tim/{desk.rina.id}/{desk.day.isoformat()}/umpan-balik"
    empty = client.post(url, data={"text": ""})
    assert empty.status_code == 422 and "Tulis umpan baliknya." in text(empty)
    assert client.post(url, data={"text": "Bagus, laporannya rapi."}).status_code == 302
    page = text(make_client(desk.rina.user).get(desk.url()))
    assert "Umpan balik Pejabat Penilai" in page and "Bagus, laporannya rapi." in page
    assert db.session.scalar(select(Notification).where(Notification.user_id == desk.rina.user.id)) is not None


def test_the_assessor_downloads_the_bukti_of_the_day(desk, make_client, factory):
    client = make_client(desk.rina.user)
    import io

    data = {"start": "08.00", "end": "09.00", "description": "Surat", "category": "LAINNYA",
            "file": (io.BytesIO(b"%PDF-1.4 bukti"), "surat.pdf")}
    assert client.post(desk.url(), data=data, content_type="multipart/form-data").status_code == 302
    evidence = db.session.scalar(select(ActivityEvidence))
    assert make_client(desk.boss.user).get(f"/kinerja-harian/bukti/{evidence.id}").status_code == 200
    stranger = factory.employee(desk.opd, name="Orang Lain")
    assert make_client(stranger.user).get(f"/kinerja-harian/bukti/{evidence.id}").status_code == 404
