"""The map's pages: who may see which map, what they show, the menu link, years."""
from __future__ import annotations

import re

import pytest

from app.domain.enums import PositionKind, Role
from app.extensions import db


def _html(response) -> str:
    return response.get_data(as_text=True)


def _admin(factory, opd):
    """A pengelola kinerja account of `opd` that is not itself a pegawai there."""
    return factory.user(None, role=Role.ADMIN, opds=[opd])


def test_the_admin_of_the_opd_sees_the_whole_map_with_its_gaps(make_client, factory, tree):
    admin = _admin(factory, tree["opd"])
    client = make_client(admin)

    response = client.get(f"/skp/peta/{tree['opd'].id}?tahun=2026")

    assert response.status_code == 200
    html = _html(response)
    for text in ("Peta cascading SKP 2026", "Dinas Uji Cascading", "Sasaran T1", "IKU T1", "RHK K1", "RHK A1",
                 "RHK staf lineage", "via versi sebelumnya", "Belum diintervensi bawahan",
                 "RHK tanpa RHK atasan yang sah", "Belum memilih RHK atasan yang diintervensi.",
                 "Kabid Kosong", "Belum menyusun SKP", "Sasaran organisasi tanpa RHK pimpinan",
                 "4 pegawai belum memiliki SKP yang disetujui", "2 RHK atasan belum diintervensi bawahan"):
        assert text in html, text
    assert "Orang Lain" in html  # named as the owner of the stranger's RHK, in the problem
    assert "RHK orang lain" not in html  # but that RHK itself (another OPD's) is not shown


def test_the_superadmin_sees_any_opd_and_the_admin_of_another_opd_gets_404(make_client, factory, tree):
    assert make_client(factory.superadmin()).get(f"/skp/peta/{tree['opd'].id}").status_code == 200
    stranger_admin = _admin(factory, tree["other"])
    client = make_client(stranger_admin)
    assert client.get(f"/skp/peta/{tree['opd'].id}").status_code == 404
    assert client.get(f"/skp/peta/{tree['other'].id}").status_code == 200
    unit = factory.unit(tree["other"], "Bidang Bukan OPD")
    assert client.get(f"/skp/peta/{unit.id}").status_code == 404  # only OPDs have a map
    assert client.get("/skp/peta/999999").status_code == 404


def test_a_supervisor_sees_only_the_subtree_below_themselves(make_client, tree):
    client = make_client(tree["kabid"].user)

    html = _html(client.get("/skp/peta/saya"))

    assert "Tim Kabid Uji" in html
    for text in ("RHK K1", "RHK A1", "RHK S1", "RHK staf lineage", "Staf no_plan"):
        assert text in html, text
    assert "Kabid Kosong" not in html and "Sasaran T3" not in html
    assert client.get(f"/skp/peta/{tree['opd'].id}").status_code == 403
    index = _html(client.get("/skp/peta"))
    assert "Lihat peta tim saya" in index and "Dinas Uji Cascading" not in index


def newest_plan_id(employee) -> int:
    from sqlalchemy import select

    from app.extensions import db
    from app.models import Plan

    return db.session.scalar(select(Plan.id).where(Plan.employee_id == employee.id).order_by(Plan.id.desc()).limit(1))


def test_a_kasi_does_not_see_the_kabid_s_other_work(make_client, tree):
    html = _html(make_client(tree["kasi"].user).get("/skp/peta/saya"))
    assert "RHK A1" in html and "RHK S1" in html  # the RHK the Kasi intervenes, on top
    assert "RHK A2" not in html and "RHK K2" not in html
    # the Kabid is there for the RHK intervened, but the Kasi may not open the Kabid's SKP: no link
    client = make_client(tree["kasi"].user)
    kabid_plan = newest_plan_id(tree["kabid"])
    assert f'href="/skp/rencana/{kabid_plan}"' not in html
    assert client.get(f"/skp/rencana/{kabid_plan}").status_code == 404
    for href in re.findall(r'href="(/skp/rencana/\d+)"', html):
        assert client.get(href).status_code == 200, href  # every SKP linked opens


@pytest.mark.parametrize("url", ["/skp/peta", "/skp/peta/saya", "/skp/peta/{opd}"])
def test_a_pegawai_without_reports_is_refused(make_client, tree, url):
    client = make_client(tree["staff"]["lineage"].user)
    assert client.get(url.format(opd=tree["opd"].id)).status_code == 403


def test_the_menu_offers_the_map_to_admins_and_supervisors_only(make_client, factory, tree):
    link = 'href="/skp/peta"'
    assert link in _html(make_client(tree["kasi"].user).get("/"))
    assert link in _html(make_client(_admin(factory, tree["opd"])).get("/"))
    assert link not in _html(make_client(tree["staff"]["lineage"].user).get("/"))
    tree["staff"]["lineage"].active = False  # a supervisor whose only report left: no link
    lone = factory.employee(tree["opd"], name="Atasan Sendiri", position_kind=PositionKind.PENGAWAS)
    factory.employee(tree["opd"], assessor=lone, active=False)
    assert link not in _html(make_client(lone.user).get("/"))


def test_the_index_lists_the_admins_opds_with_progress(make_client, factory, tree):
    html = _html(make_client(_admin(factory, tree["opd"])).get("/skp/peta"))
    assert "Dinas Uji Cascading" in html and "Dinas Lain" not in html
    assert f'/skp/peta/{tree["opd"].id}?tahun=2026' in html
    # 10 pegawai, 6 with an approved SKP (the Kepala Seksi's version 1 is in force), 4 without
    cells = ['<td class="text-end">10</td>', '<td class="text-end">6</td>', '<span class="text-danger fw-semibold">4</span>']
    assert all(cell in html for cell in cells)


def test_years(make_client, factory, tree):
    factory.skp.year(2025)
    client = make_client(_admin(factory, tree["opd"]))
    url = f"/skp/peta/{tree['opd'].id}"
    assert "RHK K1" in _html(client.get(url))  # the current year by default
    older = _html(client.get(url + "?tahun=2025"))
    assert "Peta cascading SKP 2025" in older and "RHK K1" not in older and "Belum ada SKP 2025" in older
    for bad in ("1999", "20x6", "-1"):
        assert client.get(f"{url}?tahun={bad}").status_code == 404


def test_without_any_year(make_client, factory):
    opd = factory.opd()
    client = make_client(_admin(factory, opd))
    assert "Belum ada tahun penilaian yang dibuka." in _html(client.get(f"/skp/peta/{opd.id}"))
    assert "Belum ada tahun penilaian yang dibuka." in _html(client.get("/skp/peta"))


def test_open_all_opens_every_branch_for_printing(make_client, factory, tree):
    client = make_client(_admin(factory, tree["opd"]))
    url = f"/skp/peta/{tree['opd'].id}?tahun=2026"
    folded, unfolded = _html(client.get(url)), _html(client.get(url + "&buka=semua"))
    assert unfolded.count("<details open>") > folded.count("<details open>")
    assert unfolded.count("<details>") == 0 and "Lipat kembali" in unfolded


def test_links_to_the_skp_pages_only_when_they_exist(app, make_client, factory, tree):
    html = _html(make_client(_admin(factory, tree["opd"])).get(f"/skp/peta/{tree['opd'].id}"))
    has_plan_page = any(e in app.view_functions for e in ("indicators.plan_detail", "indicators.view"))
    assert ('href="/skp/rencana/' in html) == has_plan_page
    db.session.rollback()
