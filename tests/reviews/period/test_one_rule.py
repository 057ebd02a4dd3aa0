"""One rule for whom I review (services/org/team.py): every queue, page and permission agrees with it.

For each actor of a line with a Plh. who stood in during the first period only, a Plt. acting
today, a pegawai who moved to another assessor in the middle of the period, and the kepala
daerah's official recorded by the pengelola kinerja: what the Beranda queue lists, what the grid
lets review, what the SKP team page groups and whom the annual table rates are exactly what the
permission predicates (`security.may_review_period`, `security.is_reviewer_of`) allow."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.domain.enums import ActingKind, AssessmentStatus, PositionKind
from app.extensions import db
from app.models import ActingAssignment, Assessment, Employee
from app.security import is_reviewer_of, may_review_period
from app.services.org.team import members_today, team_today
from app.services.reviews.review_queue import review_grid, review_queue
from tests.reviews.period.conftest import TODAY, approved_plan, submitted_assessment


def _line(world, factory):
    opd, kasi, p1 = world["opd"], world["kasi"], world["p1"]
    other_kasi = factory.employee(opd, assessor=world["kabid"], name="Kasi Lain",
                                  position_kind=PositionKind.PENGAWAS)
    plh = factory.employee(opd, name="Plh Periode Satu")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=kasi, unit=opd,
                                    position="Kepala Seksi Layanan Aplikasi", start_date=p1.start_date,
                                    end_date=p1.start_date + dt.timedelta(days=10)))
    plt = factory.employee(opd, name="Plt Hari Ini")
    db.session.add(ActingAssignment(kind=ActingKind.PLT, acting_employee=plt, replaced_employee=other_kasi,
                                    unit=opd, position="Kepala Seksi Lain", start_date=TODAY - dt.timedelta(days=3),
                                    end_date=TODAY + dt.timedelta(days=30)))
    # Budi submitted the first period under Sari; he moved to the other seksi before it was reviewed:
    # the new assessor (and the Plt. standing in for them today) reviews from the move
    world["second"].assessor = other_kasi
    mover_staff = factory.employee(opd, assessor=other_kasi, name="Staf Seksi Lain")
    approved_plan(factory, mover_staff, world["year"])
    submitted_assessment(mover_staff, p1, 3)
    # the Sekda-like official: assessed by the kepala daerah, recorded by the pengelola
    head = factory.employee(opd, name="Kepala Dinas", position_kind=PositionKind.JPT)
    head.external_assessor_name, head.external_assessor_title = "H. Bupati", "Bupati Uji"
    approved_plan(factory, head, world["year"])
    submitted_assessment(head, p1, 3)
    db.session.flush()
    return [kasi, world["kabid"], other_kasi, plh, plt, world["staff"], head]


def test_queue_grid_team_and_permissions_agree_for_every_actor(world, factory):
    actors = [a.user for a in _line(world, factory)] + [world["admin"], world["other_admin"]]
    submitted = list(db.session.scalars(select(Assessment).where(Assessment.status == AssessmentStatus.SUBMITTED)))
    everyone = list(db.session.scalars(select(Employee).where(Employee.active.is_(True))))
    for user in actors:
        allowed = {(a.employee_id, a.period_id) for a in submitted if may_review_period(user, a.employee, a.period)}
        queued = {(i.employee.id, i.period.id) for i in review_queue(user, TODAY)}
        assert queued == allowed, user.name
        grid = review_grid(user, world["year"], TODAY)
        reviewable = {(row.employee.id, cell.period.id) for row in grid.mine + grid.for_head
                      for cell in row.cells if cell.reviewable and cell.assessment is not None
                      and cell.assessment.status == AssessmentStatus.SUBMITTED}
        assert reviewable == allowed, user.name
        today = {e.id for e in everyone if is_reviewer_of(user, e, TODAY)}
        assert {e.id for e in team_today(user, TODAY)} == today, user.name


def test_who_reviews_what_in_the_line(world, factory):
    kasi, kabid, other_kasi, plh, plt, staff, head = _line(world, factory)
    p1 = world["p1"]

    def queue(actor):
        return sorted((i.employee.name, i.capacity) for i in review_queue(actor.user, TODAY) if i.period.id == p1.id)

    # Sari reviews Rina; Budi moved away before his review
    assert queue(kasi) == [("Rina Staf", None)]
    # the Plh. of the first period reviews Sari's team for that period, though the assignment has ended
    assert queue(plh) == [("Rina Staf", "Plh. Kepala Seksi Layanan Aplikasi")]
    # the Plt. acting today for the other seksi reviews its staff and the pegawai who moved in
    assert queue(plt) == [("Budi Staf", "Plt. Kepala Seksi Lain"), ("Staf Seksi Lain", "Plt. Kepala Seksi Lain")]
    assert queue(other_kasi) == [("Budi Staf", None), ("Staf Seksi Lain", None)]
    # the pengelola kinerja records the kepala daerah's review of the official; nobody else sees it
    assert ("Kepala Dinas", "dicatat atas nama Bupati Uji") in sorted(
        (i.employee.name, i.capacity) for i in review_queue(world["admin"], TODAY))
    assert all(i.employee.id != head.id for actor in (kasi, kabid, plh, plt, staff, head)
               for i in review_queue(actor.user, TODAY))
    # today: the Plh. has ended, the Plt. runs; members carry the capacity
    assert members_today(plh.user, TODAY) == []
    assert sorted((m.employee.name, m.capacity) for m in members_today(plt.user, TODAY)) == [
        ("Budi Staf", "Plt. Kepala Seksi Lain"), ("Staf Seksi Lain", "Plt. Kepala Seksi Lain")]
    assert sorted(m.employee.name for m in members_today(kasi.user, TODAY)) == ["Citra Rekan", "Rina Staf"]
