"""The one rule for whom a Pejabat Penilai reviews today (services/org/team.py), and the pengelola
kinerja's list of the kepala daerah's officials (services/org/head_assessed.py)."""
from __future__ import annotations

import datetime as dt

from app.domain.enums import ActingKind
from app.extensions import db
from app.models import ActingAssignment
from app.services.org.head_assessed import head_assessed
from app.services.org.team import team_today
from tests.queries import count_statements

TODAY = dt.date(2026, 9, 15)


def _acting(kind, acting, replaced, unit, start, end):
    db.session.add(ActingAssignment(kind=kind, acting_employee=acting, replaced_employee=replaced, unit=unit,
                                    position=f"Kepala {unit.name}", start_date=start, end_date=end))
    db.session.flush()


def test_direct_reports_plt_plh_and_an_ended_assignment(factory):
    opd = factory.opd("Dinas Uji")
    bidang, seksi = factory.unit(opd, "Bidang A"), factory.unit(opd, "Bidang B")
    me = factory.employee(opd, name="Saya")
    mine = factory.employee(opd, assessor=me, name="Anak Buah")
    gone = factory.employee(opd, assessor=me, name="Pensiun", active=False)
    away = factory.employee(bidang, name="Kabid Cuti")
    plh_team = factory.employee(bidang, assessor=away, name="Staf Bidang A")
    vacant = factory.employee(seksi, name="Kabid Pindah")
    plt_team = factory.employee(seksi, assessor=vacant, name="Staf Bidang B")
    ended = factory.employee(opd, name="Kabid Lama")
    ended_team = factory.employee(opd, assessor=ended, name="Staf Lama")
    _acting(ActingKind.PLH, me, away, bidang, TODAY - dt.timedelta(days=3), TODAY + dt.timedelta(days=3))
    _acting(ActingKind.PLT, me, vacant, seksi, TODAY - dt.timedelta(days=60), TODAY)
    _acting(ActingKind.PLT, me, ended, opd, TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=1))
    # the Plh. is also the replaced official's own report: never reviews himself
    me.assessor = away
    db.session.flush()
    names = [e.name for e in team_today(me.user, TODAY)]
    assert names == sorted([mine.name, plh_team.name, plt_team.name])
    assert gone.name not in names and ended_team.name not in names and me.name not in names
    # the day after the Plt. ends, that team is no longer mine
    assert plt_team.name not in [e.name for e in team_today(me.user, TODAY + dt.timedelta(days=1))]


def test_a_team_costs_the_same_queries_at_any_size(factory):
    me = factory.employee(name="Saya")
    factory.employee(assessor=me)
    with count_statements() as few:
        team_today(me.user, TODAY)
    for _ in range(25):
        factory.employee(assessor=me)
    with count_statements() as many:
        assert len(team_today(me.user, TODAY)) == 26
    assert len(few) == len(many)


def test_the_kepala_daerahs_officials_for_their_pengelola_only(factory):
    opd, other = factory.opd("Sekretariat Daerah"), factory.opd("Dinas Lain")
    sekda = factory.employee(opd, name="Sekda")
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Bupati", "Bupati Uji"
    kadis = factory.employee(other, name="Kadis Lain")
    kadis.external_assessor_name, kadis.external_assessor_title = "H. Bupati", "Bupati Uji"
    staff = factory.employee(opd, assessor=sekda, name="Staf Setda")
    admin = factory.admin([opd])
    db.session.flush()
    assert [e.name for e in head_assessed(admin)] == ["Sekda"]
    assert [e.name for e in head_assessed(factory.superadmin())] == ["Kadis Lain", "Sekda"]
    assert head_assessed(staff.user) == [] and head_assessed(sekda.user) == []
    sekda.user.role, sekda.user.admin_units = admin.role, [opd]  # the Sekda as pengelola: not himself
    db.session.flush()
    assert head_assessed(sekda.user) == []
