"""The floor of every page — the layout, the logged-in user, the menu — is two queries: the account
with its pegawai, unit and OPDs (one joined query), and the menu's questions (Tim saya, the cascade
map, Tinjau, the unread count) asked together (web.menu_facts)."""
from __future__ import annotations

import pytest

from app.domain.enums import PositionKind
from tests.queries import count_statements


@pytest.mark.parametrize("who", ["pegawai", "supervisor", "admin", "superadmin"])
def test_the_floor_page_is_two_queries(make_client, factory, who):
    opd = factory.opd("Dinas Uji")
    boss = factory.employee(opd, name="Kepala Uji", position_kind=PositionKind.ADMINISTRATOR)
    me = factory.employee(opd, assessor=boss, name="Staf Uji")
    user = {"pegawai": me.user, "supervisor": boss.user, "admin": factory.admin([opd]),
            "superadmin": factory.superadmin()}[who]
    client = make_client(user)
    client.get("/kata-sandi")  # warm-up
    with count_statements() as seen:
        page = client.get("/kata-sandi").get_data(as_text=True)
    queries = [s for s in seen if s.strip().upper() not in ("BEGIN", "COMMIT", "ROLLBACK")]
    assert len(queries) <= 2, queries
    assert (">Tim saya<" in page) == (who == "supervisor")  # the menu still knows
    assert ("Peta cascading" in page) == (who != "pegawai")
