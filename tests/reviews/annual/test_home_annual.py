"""The Beranda data of the annual evaluation (annual_queue) and its partial main/_home_annual.html:
my result with the keberatan deadline, the keberatan waiting for my explanation or my decision —
including the pengelola kinerja recording the kepala daerah's decision — and nothing for others."""
import datetime as dt
import re

from flask import render_template

from app.domain.enums import PositionKind
from app.domain.skp import PlanStatus
from app.formatting import tanggal
from app.services.reviews.annual_queue import annual_queue
from tests.reviews.annual.conftest import TODAY, Line


def _render(user) -> str:
    from flask_login import login_user

    with _request():
        login_user(user)
        raw = render_template("main/_home_annual.html", annual=annual_queue(user, TODAY))
    return " ".join(re.sub(r"<[^>]+>", " ", raw).split())


def _request():
    from flask import current_app

    return current_app.test_request_context("/")


def test_my_result_with_the_deadline(line):
    member = line.member("Rina Staf")
    line.handed(member, days_ago=9)
    words = _render(member.user)
    assert "Hasil kinerja tahunan" in words and "Predikat BAIK" in words
    assert f"sampai {tanggal(TODAY + dt.timedelta(days=5))}, tinggal 5 hari" in words
    (mine,) = annual_queue(member.user, TODAY).mine
    assert mine.may_object and mine.days_left == 5


def test_an_old_result_without_keberatan_leaves_beranda(line):
    member = line.member()
    line.handed(member, days_ago=20)
    assert not annual_queue(member.user, TODAY)
    assert _render(member.user) == ""


def test_a_keberatan_in_progress_stays_on_my_beranda(line):
    member = line.member()
    line.objection(line.handed(member, days_ago=20))
    assert "Keberatan: menunggu tanggapan" in _render(member.user)


def test_the_assessor_and_the_atasan_see_what_waits_for_them(line):
    waiting, explained = line.member("Rina Staf"), line.member("Dodi Staf")
    line.objection(line.handed(waiting))
    line.objection(line.handed(explained), explained=True)
    words = _render(line.kasi.user)
    assert "Keberatan menunggu tanggapan Anda 1" in words and "Rina Staf" in words and "Dodi Staf" not in words
    words = _render(line.kabid.user)
    assert "Keberatan menunggu keputusan Anda 1" in words and "Dodi Staf" in words and "Rina Staf" not in words
    for user in (line.stranger.user, line.other_admin, line.admin):
        assert not annual_queue(user, TODAY), user


def test_the_pengelola_records_for_the_kepala_daerah(factory):
    opd = factory.opd("Dinas Pendidikan")
    kadis = factory.employee(opd, name="Kadis", position_kind=PositionKind.JPT)
    kadis.external_assessor_name = "Bupati Uji"
    sekdis = factory.employee(opd, assessor=kadis, name="Sekretaris Dinas")
    admin, other = factory.admin([opd]), factory.admin([factory.opd("Dinas Lain")])
    helper = Line.__new__(Line)
    helper.year, helper.kasi = factory.skp.year(TODAY.year), kadis
    factory.skp.plan(sekdis, helper.year, status=PlanStatus.APPROVED)
    helper.objection(helper.handed(sekdis), explained=True)
    assert [o.evaluation.employee.name for o in annual_queue(admin, TODAY).to_decide] == ["Sekretaris Dinas"]
    assert not annual_queue(other, TODAY).to_decide
    assert not annual_queue(kadis.user, TODAY).to_decide  # the kadis explains; the bupati decides
    superadmin = factory.superadmin()
    assert len(annual_queue(superadmin, TODAY).to_decide) == 1


def test_beranda_page_shows_my_result_and_the_keberatan_to_explain(line, make_client):
    from app.extensions import db

    member = line.member("Rina Staf")
    line.objection(line.handed(member, days_ago=3))
    other = line.member("Budi Staf")
    line.handed(other, days_ago=2)
    db.session.commit()
    assert "Hasil kinerja tahunan" in make_client(other.user).get("/").get_data(as_text=True)
    page = make_client(line.kasi.user).get("/").get_data(as_text=True)
    assert "Keberatan menunggu tanggapan Anda" in page and "Rina Staf" in page
    assert "Keberatan menunggu" not in make_client(other.user).get("/").get_data(as_text=True)
