"""The key pages read a fixed number of SQL queries, whatever the size of the team or the OPD:
Tim saya, the period team page, the annual table, Beranda, the kinerja harian month and the team's
week for a team of 3 and of 40 (three days of activities seeded); the
monitoring (all and per OPD), the predikat recap and the pegawai list for an OPD of about 10 and of
1,000 pegawai. Seeded once (3,000 pegawai) for all pages, so it is marked slow."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.enums import Role
from app.extensions import db
from app.models import OrgUnit, User
from tests.scale.conftest import YEAR
from tests.queries import count_statements as count_queries  # noqa: F401  (re-exported)

_TODAY = dt.date.today()
TEAM_PAGES = ("/", "/tinjau/", "/penilaian/tim", "/skp/tim", f"/tinjau/tahunan/{YEAR}",
              f"/kinerja-harian/{_TODAY.year}/{_TODAY.month}",
              f"/kinerja-harian/tim/minggu/{(_TODAY - dt.timedelta(days=_TODAY.weekday())).isoformat()}")
OPD_PAGES = ("/pengelolaan/pemantauan", "/pengelolaan/pemantauan/{opd}", "/pengelolaan/rekap",
             "/pengelolaan/pegawai")


def queries(make_client, user, url: str) -> int:
    client = make_client(user)
    client.get(url)  # warm: first-request work (settings, the year) is not what we compare
    with count_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(statements)


@pytest.mark.slow
def test_pages_read_as_many_queries_for_a_small_and_a_large_team_or_opd(scale, make_client):
    written = scale(3000, daily_days=3)
    plan = written.plan
    teams = plan.teams()
    small = next(b for b, team in sorted(teams.items()) if len(team) == 3 and plan.people[b].assessor is not None)
    large = next(b for b, team in sorted(teams.items()) if len(team) == 40)
    users = {i: db.session.get(User, written.user_ids[i]) for i in (small, large)}

    sizes = plan.opd_sizes
    opds = {name: db.session.scalar(select(OrgUnit).where(OrgUnit.name == name, OrgUnit.parent_id.is_not(None),
                                                          OrgUnit.opd_id == OrgUnit.id))
            for name in (min(sizes, key=sizes.get), max(sizes, key=sizes.get))}
    assert sizes[min(sizes, key=sizes.get)] <= 12 and sizes[max(sizes, key=sizes.get)] == 1000
    admins = {}
    for n, (name, opd) in enumerate(opds.items()):
        member = next(i for i, p in enumerate(plan.people)
                      if plan.units[plan.units[p.unit].opd].name == name and i not in teams)
        admin = db.session.get(User, written.user_ids[member])
        admin.role, admin.admin_units = Role.ADMIN, [opd]
        admins[name] = (admin, opd)
    db.session.commit()

    # The large team or OPD may need fewer: a selectin load skips what the session already holds
    # (one school's 40 guru share one unit, a small team's three members sit in three units).
    growing = []
    for url in TEAM_PAGES:
        small_count, large_count = (queries(make_client, users[i], url) for i in (small, large))
        if large_count > small_count or large_count < small_count - 1:
            growing.append((url, small_count, large_count))
    for url in OPD_PAGES:
        small_count, large_count = (queries(make_client, admin, url.format(opd=opd.id)) for admin, opd in admins.values())
        if large_count > small_count or large_count < small_count - 1:
            growing.append((url, small_count, large_count))
    assert growing == []
