"""Beranda's SKP to-dos: my SKP's state with the next step, and for a reviewer the team's SKPs
waiting for approval and who has none yet; in a fixed number of queries."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.domain.enums import ActingKind, PositionKind, Role
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment

WIB = dt.timezone(dt.timedelta(hours=7))


def _html(client) -> str:
    return " ".join(client.get("/").get_data(as_text=True).split())


@pytest.fixture
def line(factory):
    opd = factory.opd("Dinas Beranda")
    boss = factory.employee(opd, name="Bu Atasan", position="Kepala Seksi Uji",
                            position_kind=PositionKind.PENGAWAS)
    me = factory.employee(opd, assessor=boss, name="Pak Pegawai")
    return {"opd": opd, "boss": boss, "me": me}


def test_no_year_yet(make_client, line):
    assert "Belum ada tahun penilaian yang dibuka" in _html(make_client(line["me"].user))


def test_no_plan_yet(make_client, factory, line):
    factory.skp.year(2026)
    html = _html(make_client(line["me"].user))
    assert "SKP saya 2026" in html and "Susun SKP 2026" in html and "ajukan kepada Bu Atasan" in html


def test_a_draft(make_client, factory, line):
    factory.skp.plan(line["me"], factory.skp.year(2026), status=PlanStatus.DRAFT)
    html = _html(make_client(line["me"].user))
    assert '<a class="btn btn-primary" href="/skp/2026">Lanjutkan draf</a>' in html  # to the editor


def test_returned_with_the_reason(make_client, factory, line):
    plan = factory.skp.plan(line["me"], factory.skp.year(2026), status=PlanStatus.RETURNED)
    plan.returned_at = dt.datetime(2026, 2, 3, 9, tzinfo=WIB)
    html = _html(make_client(line["me"].user))
    assert "SKP dikembalikan: Perbaiki target kuantitas. — perbaiki" in html.replace("</strong>", "")
    assert "Dikembalikan 3 Februari 2026 oleh Bu Atasan" in html
    client = make_client(line["me"].user)
    assert '<a class="btn btn-danger" href="/skp/2026">Perbaiki SKP</a>' in html  # the editor, one click
    assert 'id="lampiran"' in client.get("/skp/2026").get_data(as_text=True)  # … which is the editor


def test_submitted_waits_for_the_assessor(make_client, factory, line):
    plan = factory.skp.plan(line["me"], factory.skp.year(2026), status=PlanStatus.SUBMITTED)
    plan.submitted_at = dt.datetime(2026, 1, 20, 9, tzinfo=WIB)
    html = _html(make_client(line["me"].user))
    assert "Menunggu persetujuan Bu Atasan" in html and "Diajukan 20 Januari 2026" in html


def test_approved_with_the_date(make_client, factory, line):
    plan = factory.skp.plan(line["me"], factory.skp.year(2026), status=PlanStatus.APPROVED)
    plan.approved_at, plan.approved_as = dt.datetime(2026, 1, 27, 10, tzinfo=WIB), "Kepala Seksi Uji"
    html = _html(make_client(line["me"].user))
    assert "Disetujui 27 Januari 2026" in html and "oleh Kepala Seksi Uji" in html


def test_a_new_version_in_draft_keeps_the_approved_one_in_force(make_client, factory, line):
    year = factory.skp.year(2026)
    first = factory.skp.plan(line["me"], year, status=PlanStatus.APPROVED)
    first.approved_at = dt.datetime(2026, 1, 27, 10, tzinfo=WIB)
    second = factory.skp.plan(line["me"], year, status=PlanStatus.DRAFT, version=2)
    second.previous = first
    html = _html(make_client(line["me"].user))
    assert "Perubahan SKP (versi 2) masih draf: Perubahan uji" in html.replace("<em>", "").replace("</em>", "")
    assert "Versi 1 yang disetujui 27 Januari 2026 tetap berlaku" in html and "Lanjutkan draf" in html


def test_a_top_official_waits_for_the_kepala_daerah(make_client, factory):
    sekda = factory.employee(factory.opd("Setda"), name="Pak Sekda", position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "Bapak Bupati", "Bupati Uji"
    factory.skp.plan(sekda, factory.skp.year(2026), status=PlanStatus.SUBMITTED)
    assert "Menunggu persetujuan Bupati Uji" in _html(make_client(sekda.user))


def _team(factory, boss, states):
    year = factory.skp.year(2026)
    members = []
    for n, state in enumerate(states):
        member = factory.employee(boss.unit, assessor=boss, name=f"Anggota {n} {state or 'tanpa'}")
        if state is not None:
            plan = factory.skp.plan(member, year, status=PlanStatus[state])
            if plan.submitted_at:
                plan.submitted_at = dt.datetime(2026, 2, 1, 9, tzinfo=WIB) + dt.timedelta(days=n)
        members.append(member)
    return members


def test_a_reviewer_sees_the_team_skps_waiting_and_who_has_none(make_client, factory, line):
    _team(factory, line["boss"], ["SUBMITTED", "DRAFT", "APPROVED", None, "SUBMITTED", "RETURNED"])
    html = _html(make_client(line["boss"].user))

    assert "Persetujuan SKP tim 2026" in html and "2 SKP menunggu persetujuan Anda." in html
    assert "Anggota 0 SUBMITTED" in html and "Anggota 4 SUBMITTED" in html
    assert html.index("Anggota 0 SUBMITTED") < html.index("Anggota 4 SUBMITTED")  # the oldest first
    assert "diajukan 1 Februari 2026" in html
    assert "Belum menyusun SKP (2):" in html and "Anggota 3 tanpa" in html and "Pak Pegawai" in html
    assert "Tim 7 pegawai: 1 disetujui, 2 diajukan, 1 dikembalikan, 1 draf, 2 belum menyusun." in html


def test_nothing_waiting(make_client, factory, line):
    _team(factory, line["boss"], ["APPROVED"])
    html = _html(make_client(line["boss"].user))
    assert "Tidak ada SKP yang menunggu persetujuan Anda." in html


def test_a_plh_reviews_the_team_of_whom_they_stand_in_for(make_client, factory, line):
    _team(factory, line["boss"], ["SUBMITTED"])
    deputy = factory.employee(line["opd"], name="Pak Plh", position_kind=PositionKind.PENGAWAS)
    today = dt.date.today()
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=deputy, replaced_employee=line["boss"],
                                    unit=line["opd"], position="Kepala Seksi Uji",
                                    start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=5)))
    html = _html(make_client(deputy.user))
    assert "1 SKP menunggu persetujuan Anda." in html and "Anggota 0 SUBMITTED" in html
    assert "Plh. Kepala Seksi Uji" in html


def test_the_pengelola_kinerja_records_the_kepala_daerahs_approval(make_client, factory):
    setda = factory.opd("Setda Uji")
    sekda = factory.employee(setda, name="Pak Sekda", position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "Bapak Bupati", "Bupati Uji"
    factory.skp.plan(sekda, factory.skp.year(2026), status=PlanStatus.SUBMITTED)
    admin = factory.user(None, role=Role.ADMIN, opds=[setda])
    html = _html(make_client(admin))
    assert "Pak Sekda" in html and "dicatat atas nama Bupati Uji" in html
    other = factory.user(None, role=Role.ADMIN, opds=[factory.opd("Dinas Lain")])
    assert "Pak Sekda" not in _html(make_client(other))


def test_a_pegawai_sees_no_team_and_no_one_elses_plan(make_client, factory, line):
    _team(factory, line["boss"], ["SUBMITTED"])
    html = _html(make_client(line["me"].user))
    assert "Persetujuan SKP tim" not in html and "Anggota 0" not in html


@contextmanager
def count_selects():
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def test_beranda_queries_do_not_grow_with_the_team(make_client, factory):
    counts = []
    for size in (3, 30):
        opd = factory.opd()
        boss = factory.employee(opd, name=f"Atasan {size}", position_kind=PositionKind.PENGAWAS)
        states = (["SUBMITTED", "DRAFT", None, "APPROVED", "RETURNED"] * 6)[:size]
        _team(factory, boss, states)
        deputy_for = factory.employee(opd, name=f"Cuti {size}", position_kind=PositionKind.PENGAWAS)
        _team(factory, deputy_for, ["SUBMITTED"] * (size // 3))
        today = dt.date.today()
        db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=boss, replaced_employee=deputy_for,
                                        unit=opd, position="Kepala Seksi", start_date=today, end_date=today))
        client = make_client(boss.user)
        client.get("/")  # warm up (session, settings)
        with count_selects() as seen:
            html = _html(client)
        assert "SKP menunggu persetujuan Anda" in html
        counts.append(len(seen))
    assert counts[0] == counts[1]
