"""review_queue: what waits for my review with its deadline, overdue first, as the acting official
too; a constant number of queries; and the Beranda partial that renders it."""
from __future__ import annotations

import datetime as dt

from flask import render_template

from app.domain.enums import ActingKind, PositionKind
from app.extensions import db
from app.models import ActingAssignment
from app.services.reviews import reviews
from app.services.reviews.review_queue import review_queue
from tests.reviews.period.conftest import TODAY, approved_plan, count_statements, submitted_assessment


def test_waiting_submissions_overdue_first_with_their_deadlines(world):
    world["p1"].review_deadline = TODAY - dt.timedelta(days=2)
    world["p2"].review_deadline = TODAY + dt.timedelta(days=3)
    q2 = submitted_assessment(world["staff"], world["p2"], 3)
    db.session.flush()
    items = review_queue(world["kasi"].user, TODAY)
    assert [(i.employee.name, i.period.label) for i in items] == [
        ("Rina Staf", world["p1"].label), ("Budi Staf", world["p1"].label), ("Rina Staf", world["p2"].label)]
    assert [i.note for i in items] == ["terlambat 2 hari", "terlambat 2 hari", "tinggal 3 hari"]
    assert [i.overdue for i in items] == [True, True, False] and items[-1].assessment.id == q2.id
    # Citra's draft is not waiting
    # approved ones leave the queue; nobody else has anything waiting
    reviews.approve_review(world["kasi"].user, world["assessment"], feedback={}, result_rating="SESUAI",
                           result_rating_reason=None, behavior_rating="SESUAI")
    assert len(review_queue(world["kasi"].user, TODAY)) == 2
    for other in ("kabid", "staff", "colleague"):
        assert review_queue(world[other].user, TODAY) == []
    assert review_queue(world["admin"], TODAY) == []


def test_the_acting_official_for_the_periods_their_assignment_covers(world, factory):
    plh = factory.employee(world["opd"], name="Plh Kasi")
    p1 = world["p1"]
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=world["kasi"],
                                    unit=world["opd"], position="Kepala Seksi Layanan Aplikasi",
                                    start_date=p1.start_date, end_date=p1.start_date + dt.timedelta(days=5)))
    db.session.flush()
    items = review_queue(plh.user, TODAY)
    assert {i.employee.name for i in items} == {"Rina Staf", "Budi Staf"}
    assert {i.capacity for i in items} == {"Plh. Kepala Seksi Layanan Aplikasi"}
    # not for a period outside the assignment (while it does not run today)
    p1.start_date = p1.start_date + dt.timedelta(days=10)
    db.session.flush()
    assert review_queue(plh.user, TODAY) == []


def _team(factory, world, size):
    head = factory.employee(world["opd"], name=f"Kepala {size}", position_kind=PositionKind.ADMINISTRATOR)
    for _ in range(size):
        member = factory.employee(world["opd"], assessor=head)
        approved_plan(factory, member, world["year"], utama=1, indicators=1)
        submitted_assessment(member, world["p1"], 3)
    db.session.commit()
    return head


def test_constant_queries_for_3_and_30_members(world, factory):
    counts = {}
    for size in (3, 30):
        head = _team(factory, world, size)
        db.session.expire_all()
        user = head.user
        with count_statements() as seen:
            items = review_queue(user, TODAY)
            _ = [(i.employee.name, i.employee.unit.name, i.period.title, i.note) for i in items]
        assert len(items) == size
        counts[size] = len(seen)
    assert counts[3] == counts[30], counts


def test_the_beranda_partial(app, world):
    world["p1"].review_deadline = TODAY - dt.timedelta(days=2)
    db.session.flush()
    items = review_queue(world["kasi"].user, TODAY)
    with app.test_request_context("/"):
        html = render_template("main/_home_reviews.html", queue=items)
        empty = render_template("main/_home_reviews.html", queue=[])
    assert "Penilaian tim menunggu tinjauan" in html and "terlambat 2 hari" in html
    assert "2 melewati batas tinjauan" in html and f"/tinjau/penilaian/{world['assessment'].id}" in html
    assert "border-danger" in html and empty.strip() == ""


def test_beranda_shows_the_queue_to_the_reviewer_only(world, make_client):
    db.session.commit()
    page = " ".join(make_client(world["kasi"].user).get("/").get_data(as_text=True).split())
    assert "Penilaian tim menunggu tinjauan" in page and "Rina Staf — " in page
    assert f'/tinjau/penilaian/{world["assessment"].id}' in page
    for other in ("kabid", "staff", "colleague"):
        assert "Penilaian tim menunggu tinjauan" not in make_client(world[other].user).get("/").get_data(as_text=True)
