"""In a real browser, on the demo kabupaten: the cascading map and the SKP to-dos on Beranda, on
a desktop and on a 390 px phone. No console errors, no sideways scrolling on the phone; the
screenshots go to test-artifacts/ for a person to look at."""
from __future__ import annotations

import pytest

from tests.browser import checked_shot as _shot
from tests.browser import demo_page as _page

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_beranda_of_the_demo_supervisor_and_pegawai(demo_server, browser, phone):
    from playwright.sync_api import expect

    suffix = "phone" if phone else "desktop"
    context, page, problems = _page(browser, demo_server, "Pejabat Penilai (pengawas)", phone)
    expect(page.get_by_role("heading", name="Persetujuan SKP tim 2026")).to_be_visible()
    expect(page.get_by_text("2 SKP menunggu persetujuan Anda.")).to_be_visible()
    _shot(page, f"beranda-skp-supervisor-{suffix}.png", phone)
    context.close()

    context, page, more = _page(browser, demo_server, "Pegawai (pelaksana)", phone)
    expect(page.get_by_text("Disetujui 18 Januari 2026")).to_be_visible()
    _shot(page, f"beranda-skp-pegawai-{suffix}.png", phone)
    context.close()
    assert problems + more == []


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_the_map_of_dinas_kesehatan_and_of_a_team(demo_server, browser, phone):
    from playwright.sync_api import expect

    suffix = "phone" if phone else "desktop"
    context, page, problems = _page(browser, demo_server, "Pengelola Kinerja OPD", phone)
    if phone:
        page.get_by_role("button", name="Buka menu").click()
    page.get_by_role("link", name="Peta cascading").click()
    _shot(page, f"peta-index-{suffix}.png", phone)
    page.get_by_role("link", name="Dinas Kesehatan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dinas Kesehatan")
    expect(page.get_by_text("Meningkatnya derajat kesehatan masyarakat").first).to_be_visible()
    _shot(page, f"peta-dinkes-{suffix}.png", phone)
    context.close()

    context, page, more = _page(browser, demo_server, "Pejabat Penilai (pengawas)", phone)
    page.goto(demo_server["url"] + "/skp/peta/saya?buka=semua")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tim")
    _shot(page, f"peta-tim-{suffix}.png", phone)
    context.close()
    assert problems + more == []
