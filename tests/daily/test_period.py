"""Kinerja harian as bukti dukung of the period: each IKI shows the activities that count (time,
outputs by unit) with a link to their list, "Isi dari kinerja harian" prefills the realisasi in
the form only, and the list is for the pegawai and the period's reviewer alone."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.daily import ActivityStatus, working_days_back
from app.extensions import db
from app.models import Activity, Assessment, Period, Realization
from app.models.base import local_today, utcnow
from app.services.daily import summary
from tests.daily.test_pages import Desk
from tests.pages import body, text


@pytest.fixture
def desk(factory, app, tmp_path, monkeypatch) -> Desk:
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return Desk(factory)


def period_of(desk: Desk) -> Period:
    return next(p for p in desk.year.periods if p.start_date <= desk.day <= p.end_date and not p.is_final)


def work(desk: Desk, hour: int, status: ActivityStatus, quantity=None, day=None, unit="Dokumen") -> Activity:
    activity = Activity(employee_id=desk.rina.id, day=day or desk.day, start_time=dt.time(hour),
                        end_time=dt.time(hour + 1), minutes=60, description=f"Menyusun dokumen {hour}",
                        category="RHK", work_result_id=desk.rhk.id, indicator_id=desk.iki.id,
                        output_quantity=Decimal(quantity) if quantity else None,
                        output_unit=unit if quantity else None, status=status,
                        verified_at=utcnow() if status != ActivityStatus.MENUNGGU else None)
    db.session.add(activity)
    db.session.commit()
    return activity


def test_what_counts_for_an_iki(desk, app):
    work(desk, 8, ActivityStatus.DITERIMA, "3")
    work(desk, 9, ActivityStatus.DITERIMA, "2", unit="dokumen ")
    work(desk, 10, ActivityStatus.MENUNGGU, "4")  # inside its window: not yet
    work(desk, 11, ActivityStatus.DIKEMBALIKAN, "9")  # returned: never
    old = working_days_back(local_today(), 15, set())
    work(desk, 12, ActivityStatus.MENUNGGU, "1", day=old)  # past its window: as the settings say
    found = summary.for_indicators(desk.rina.id, old, desk.day, [desk.iki.id])[desk.iki.id]
    assert (found.count, found.minutes, found.waiting) == (3, 180, 1)
    assert found.quantity_in("Dokumen") == Decimal("6") and found.quantity_in("Surat") is None
    from app.models import AppSettings
    from app.services.settings import DEFAULTS

    settings = AppSettings(id=1, **{**DEFAULTS, "unverified_accepted": False})
    db.session.add(settings)
    db.session.commit()
    strict = summary.for_indicators(desk.rina.id, old, desk.day, [desk.iki.id])[desk.iki.id]
    assert (strict.count, strict.quantity_in("dokumen")) == (2, Decimal("5"))


def test_the_period_form_shows_it_and_fills_from_it(desk, make_client):
    period = period_of(desk)
    client = make_client(desk.rina.user)
    url = f"/penilaian/{period.year.year}/{period.number}"
    assert client.post(url + "/mulai").status_code == 302
    work(desk, 8, ActivityStatus.DITERIMA, "3")
    work(desk, 9, ActivityStatus.DITERIMA, "2")
    work(desk, 10, ActivityStatus.MENUNGGU)
    page = text(client.get(url))
    assert "Kinerja harian: 2 kegiatan diterima, 2 j, 5 Dokumen · 1 menunggu verifikasi" in page
    assert "Isi dari kinerja harian" in page
    filled = client.get(url + "?isi=harian")
    html = body(filled)
    assert "Realisasi diisi dari kinerja harian untuk: " + desk.iki.text in text(filled)
    assert f'name="value_{desk.iki.id}"' in html and 'value="5"' in html
    assessment = db.session.scalar(select(Assessment))
    assert db.session.scalar(select(Realization.value).where(Realization.assessment_id == assessment.id,
                                                             Realization.indicator_id == desk.iki.id)) is None


def test_the_list_is_for_the_pegawai_and_the_reviewer_only(desk, factory, make_client):
    period = period_of(desk)
    work(desk, 8, ActivityStatus.DITERIMA, "3")
    url = f"/kinerja-harian/iki/{desk.iki.id}/{period.id}/{desk.rina.id}"
    mine = text(make_client(desk.rina.user).get(url))
    assert "Menyusun dokumen 8" in mine and "3 Dokumen" in mine
    assert "Menyusun dokumen 8" in text(make_client(desk.boss.user).get(url))
    for user in (desk.other.user, factory.admin([desk.opd])):
        assert make_client(user).get(url).status_code == 404
    other_iki = desk.other_plan.results[0].indicators[0]
    assert make_client(desk.rina.user).get(
        f"/kinerja-harian/iki/{other_iki.id}/{period.id}/{desk.rina.id}").status_code == 404
