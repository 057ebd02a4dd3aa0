"""The notification centre and the reminders: who is told of which step, unread counts, opening
one of mine (never another's), reminders given once ever on the days they are due (a fake clock:
`send_reminders(today)`), by e-mail through a fake SMTP server when mail is configured and the
recipient has not turned it off, and the signed link that turns it off."""
from __future__ import annotations

import datetime as dt
import smtplib

import pytest
from sqlalchemy import func, select

from app.domain.enums import AssessmentStatus, PositionKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Assessment, Notification
from app.services.notifications import inbox
from app.services.notifications.reminders import send_reminders, unsubscribe_token
from app.services.skp import plans
from tests.mail import FakeSMTP


@pytest.fixture
def line(factory):
    opd = factory.opd("Dinas Uji")
    kabid = factory.employee(opd, name="Kabid Uji", position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(opd, assessor=kabid, name="Kasi Uji", position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=kasi, name="Staf Uji")
    staff.email = "staf@uji.example"
    year = factory.skp.year(2026)
    p1 = year.periods[0]  # Triwulan I: deadline 10 April, review deadline 20 April (factory dates)
    db.session.flush()
    return {"opd": opd, "kabid": kabid, "kasi": kasi, "staff": staff, "year": year, "p1": p1}


def mine(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id)))


def test_a_returned_and_an_approved_skp_tell_the_pegawai_and_a_submitted_one_the_assessor(line, factory):
    staff, kasi = line["staff"], line["kasi"]
    parent = factory.skp.plan(kasi, line["year"], status=PlanStatus.APPROVED).results[0]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED, parent=parent)
    plans.return_plan(kasi.user, plan, "Target kuantitas belum jelas.")
    db.session.flush()
    (returned,) = mine(staff.user)
    assert returned.title == "SKP dikembalikan" and "Target kuantitas belum jelas" in returned.body
    assert returned.object_type == "plan" and returned.object_id == plan.id and returned.unread
    assert mine(kasi.user) == []  # the actor is not told of their own step
    plans.submit(staff.user, plan)
    db.session.flush()
    assert [n.title for n in mine(kasi.user)] == ["SKP diajukan"]
    plans.approve(kasi.user, plan)
    db.session.flush()
    assert [n.title for n in mine(staff.user)] == ["SKP dikembalikan", "SKP disetujui"]
    assert inbox.unread_count(staff.user) == 2
    assert inbox.mark_all_read(staff.user) == 2 and inbox.unread_count(staff.user) == 0


def test_the_page_the_count_and_opening_only_my_own(line, factory, make_client):
    staff, kasi = line["staff"], line["kasi"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED)
    plans.return_plan(kasi.user, plan, "Target kuantitas belum jelas.")
    db.session.commit()
    client = make_client(staff.user)
    home = client.get("/").get_data(as_text=True)
    assert "Pemberitahuan" in home and '1<span class="visually-hidden"> belum dibaca</span>' in home
    page = client.get("/pemberitahuan").get_data(as_text=True)
    assert "SKP dikembalikan" in page and "Target kuantitas belum jelas" in page and "Baru" in page
    (notification,) = mine(staff.user)
    opened = client.post(f"/pemberitahuan/{notification.id}/buka")
    assert opened.status_code == 302 and opened.headers["Location"].endswith(f"/skp/rencana/{plan.id}")
    assert inbox.unread_count(staff.user) == 0
    stranger = make_client(kasi.user)
    assert stranger.post(f"/pemberitahuan/{notification.id}/buka").status_code == 404
    assert client.get(f"/pemberitahuan/{notification.id}/buka").status_code == 405  # a change is a POST


def test_the_page_costs_the_same_queries_for_one_notification_or_twenty(line, factory, make_client):
    from tests.queries import count_statements

    staff, kasi = line["staff"], line["kasi"]
    parent = factory.skp.plan(kasi, line["year"], status=PlanStatus.APPROVED).results[0]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED, parent=parent)
    plans.return_plan(kasi.user, plan, "Target kuantitas belum jelas.")
    db.session.commit()
    client = make_client(staff.user)
    client.get("/pemberitahuan")
    with count_statements() as one:
        client.get("/pemberitahuan")
    for _ in range(19):
        plans.submit(staff.user, plan)
        plans.return_plan(kasi.user, plan, "Masih perlu diperbaiki.")
    db.session.commit()
    with count_statements() as twenty:
        page = client.get("/pemberitahuan").get_data(as_text=True)
    assert page.count("SKP dikembalikan") >= 20
    assert len(twenty) == len(one)


def test_deadline_reminders_come_once_on_the_days_they_are_due(line, factory, app):
    staff, p1 = line["staff"], line["p1"]
    factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED)
    deadline = p1.submission_deadline
    early = send_reminders(deadline - dt.timedelta(days=4))
    assert early.created["batas"] == 0  # not yet: 3 days before
    first = send_reminders(deadline - dt.timedelta(days=3))
    assert first.created["batas"] == 1
    (reminder,) = [n for n in mine(staff.user) if n.kind == "pengingat"]
    assert reminder.key == f"periode:{p1.id}:batas" and "3 hari lagi" in reminder.title
    assert send_reminders(deadline - dt.timedelta(days=1)).created["batas"] == 0  # never twice
    assert send_reminders(deadline + dt.timedelta(days=1)).created["batas"] == 0  # past the deadline: none


def test_no_reminder_once_submitted_or_without_an_approved_skp(line, factory):
    staff, p1 = line["staff"], line["p1"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.DRAFT)  # not approved: nothing to fill in
    day = p1.submission_deadline - dt.timedelta(days=2)
    assert send_reminders(day).created["batas"] == 0
    plan.status, plan.approved_at = PlanStatus.APPROVED, dt.datetime(2026, 1, 20, tzinfo=dt.timezone.utc)
    assert send_reminders(day).created["batas"] == 1  # approved: now the deadline counts
    day = line["year"].periods[1].submission_deadline - dt.timedelta(days=1)  # and the next period's…
    db.session.add(Assessment(employee=staff, period=line["year"].periods[1], plan=plan,
                              status=AssessmentStatus.SUBMITTED, submitted_at=dt.datetime(2026, 7, 5, tzinfo=dt.timezone.utc)))
    db.session.flush()
    assert send_reminders(day).created["batas"] == 0  # … was submitted already: no reminder


def test_a_waiting_review_reminds_the_assessor_past_half_the_window(line, factory):
    staff, kasi, p1 = line["staff"], line["kasi"], line["p1"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED)
    db.session.add(Assessment(employee=staff, period=p1, plan=plan, status=AssessmentStatus.SUBMITTED,
                              submitted_at=dt.datetime(2026, 4, 5, tzinfo=dt.timezone.utc)))
    db.session.flush()
    staff.name = "Staf Uji, S.Sos."  # a title's full stop ends the sentence too: no "S.Sos.."
    half = p1.submission_deadline + (p1.review_deadline - p1.submission_deadline) / 2
    assert send_reminders(half - dt.timedelta(days=1)).created["tinjau"] == 0
    assert send_reminders(half).created["tinjau"] == 1
    (reminder,) = [n for n in mine(kasi.user) if n.kind == "pengingat"]
    assert "1 penilaian" in reminder.title and reminder.body.endswith("Menunggu: Staf Uji, S.Sos.")
    assert send_reminders(half + dt.timedelta(days=2)).created["tinjau"] == 0


def test_the_weekly_digest_for_the_pengelola_once_a_week(line, factory):
    admin = factory.admin([line["opd"]])
    monday = dt.date(2026, 4, 13)
    assert send_reminders(monday).created["ringkasan"] == 1
    assert send_reminders(monday + dt.timedelta(days=3)).created["ringkasan"] == 0  # the same week
    assert send_reminders(monday + dt.timedelta(days=7)).created["ringkasan"] == 1
    (digest, _next) = [n for n in mine(admin) if n.kind == "pengingat"]
    assert "Dinas Uji" in digest.body


def test_reminders_by_email_with_a_signed_link_that_turns_them_off(line, factory, app, monkeypatch, client):
    staff, p1 = line["staff"], line["p1"]
    factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "smtp.uji.example")
    monkeypatch.setitem(app.config, "BASE_URL", "https://kinerja.uji.example")
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent = []
    run = send_reminders(p1.submission_deadline - dt.timedelta(days=2))
    assert run.emailed == 1 and run.failed == 0
    (message,) = FakeSMTP.sent
    assert message["To"] == "staf@uji.example" and message["Subject"].startswith("[Capaian] Batas pengajuan")
    token = unsubscribe_token(staff.user)
    assert f"https://kinerja.uji.example/pengingat/berhenti/{token}" in message.get_content()
    db.session.commit()
    asked = client.get(f"/pengingat/berhenti/{token}")
    assert asked.status_code == 200 and staff.user.reminder_email  # a GET only asks
    assert staff.name not in asked.get_data(as_text=True)  # the public page shows no one's data
    done = client.post(f"/pengingat/berhenti/{token}", data={})
    assert done.status_code == 200 and "dihentikan" in done.get_data(as_text=True)
    db.session.refresh(staff.user)
    assert staff.user.reminder_email is False
    assert client.get("/pengingat/berhenti/palsu").status_code == 404
    # the next reminder (Triwulan II's deadline) is in the notification centre only
    FakeSMTP.sent = []
    later = send_reminders(line["year"].periods[1].submission_deadline - dt.timedelta(days=1))
    assert later.created["batas"] == 1 and later.emailed == 0 and FakeSMTP.sent == []


def test_the_command_reports_what_it_gave(line, factory, app):
    factory.skp.plan(line["staff"], line["year"], status=PlanStatus.APPROVED)
    day = (line["p1"].submission_deadline - dt.timedelta(days=1)).isoformat()
    runner = app.test_cli_runner()
    first = runner.invoke(args=["send-reminders", "--today", day])
    assert first.exit_code == 0 and "1 pengingat baru (batas 1)" in first.output
    again = runner.invoke(args=["send-reminders", "--today", day])
    assert "0 pengingat baru (tidak ada yang baru)" in again.output
    assert runner.invoke(args=["send-reminders", "--today", "kemarin"]).exit_code != 0
    assert db.session.scalar(select(func.count(Notification.id))) >= 1


def test_the_reminders_can_be_handed_to_the_background_runner(line, factory, app, monkeypatch):
    """--queue: the run is a job of services/jobs (here the inline runner; RQ in a multi-server
    deployment), with the same outcome as running it in place."""
    factory.skp.plan(line["staff"], line["year"], status=PlanStatus.APPROVED)
    day = (line["p1"].submission_deadline - dt.timedelta(days=1)).isoformat()
    db.session.commit()
    monkeypatch.setitem(app.config, "JOB_RUNNER", "inline")
    result = app.test_cli_runner().invoke(args=["send-reminders", "--today", day, "--queue"])
    assert result.exit_code == 0 and "diserahkan ke pekerja latar (inline)" in result.output
    db.session.rollback()
    assert db.session.scalar(select(func.count(Notification.id))) == 1


def test_a_keberatan_waiting_for_its_decision_reminds_the_atasan_once(line, factory):
    from app.domain.enums import EvaluationStatus, ObjectionStatus
    from app.domain.scoring import Predikat, Rating
    from app.models import AnnualEvaluation, Objection
    from app.models.base import utcnow

    staff, kabid = line["staff"], line["kabid"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED)
    evaluation = AnnualEvaluation(employee=staff, year=line["year"], plan=plan, status=EvaluationStatus.HANDED_OVER,
                                  result_rating=Rating.DI_BAWAH, behavior_rating=Rating.SESUAI,
                                  predikat=Predikat.BUTUH_PERBAIKAN, handed_over_at=utcnow())
    evaluation.objection = Objection(status=ObjectionStatus.FILED, reasons="Capaian saya sesuai target.")
    db.session.add(evaluation)
    db.session.flush()
    day = dt.date(2027, 1, 20)
    assert send_reminders(day).created["keberatan"] == 0  # not explained yet: the Pejabat Penilai's turn
    objection = evaluation.objection
    objection.status, objection.explanation = ObjectionStatus.EXPLAINED, "Capaian dua IKI utama di bawah 90 %."
    objection.explained_at, objection.explained_by = utcnow(), line["kasi"].user
    db.session.flush()
    assert send_reminders(day).created["keberatan"] == 1
    (reminder,) = [n for n in mine(kabid.user) if n.kind == "pengingat"]
    assert "Keberatan Staf Uji menunggu keputusan Anda" == reminder.title
    assert reminder.object_type == "annual_evaluation" and reminder.object_id == evaluation.id
    assert send_reminders(day + dt.timedelta(days=1)).created["keberatan"] == 0
