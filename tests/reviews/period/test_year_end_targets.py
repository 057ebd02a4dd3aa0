"""A stand-alone IKI whose target is reachable only at year end (100 % accredited; 60 % in
Triwulan I): the SKP page warns while planning, and the review page says why the suggestion is low."""
from __future__ import annotations

from decimal import Decimal

from app.extensions import db
from app.models import Assessment
from tests.reviews.period.conftest import text


def _year_end(assessment):
    a = db.session.get(Assessment, assessment.id)
    for result in a.plan.utama:
        for indicator in result.indicators:
            indicator.cumulative, indicator.target_value, indicator.unit = False, Decimal(100), "%"
    db.session.commit()
    return a


def test_the_review_page_says_why_the_suggestion_is_low(world, make_client):
    a = _year_end(world["assessment"])
    page = text(make_client(world["kasi"].user).get(world["url"]))
    assert "Saran dari capaian: Di Bawah Ekspektasi" in page
    assert "Mengapa saran ini rendah" in page and "tidak memiliki target per periode" in page
    assert a.plan.utama[0].indicators[0].text in page


def test_the_skp_page_warns_while_planning(world, make_client, factory):
    from app.domain.skp import PlanStatus

    plan = factory.skp.plan(world["colleague"], world["year"], status=PlanStatus.DRAFT, version=2)
    indicator = plan.results[0].indicators[0]
    indicator.cumulative, indicator.target_value, indicator.unit = False, Decimal(100), "%"
    db.session.commit()
    page = text(make_client(world["colleague"].user).get(f"/skp/{world['year'].year}"))
    assert "Periksa target periode" in page and "isi target per periode" in page
