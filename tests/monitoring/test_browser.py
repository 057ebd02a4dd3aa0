"""In a real browser, on the demo kabupaten: pemantauan, its drill-down, the rekap with the curve
chart and the follow-up lists, on a desktop and on a 390 px phone. No console errors, no sideways
scrolling on the phone; the screenshots go to test-artifacts/ for a person to look at."""
from __future__ import annotations

import pytest

from tests.browser import checked_shot as _shot
from tests.browser import demo_page as _page

pytestmark = pytest.mark.e2e
PENGELOLA, SUPERADMIN = "Pengelola Kinerja OPD", "Super Admin (BKPSDM)"


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_monitoring_of_dinas_kesehatan(demo_server, browser, phone):
    from playwright.sync_api import expect

    suffix = "phone" if phone else "desktop"
    context, page, problems = _page(browser, demo_server, PENGELOLA, phone)
    if phone:
        page.goto(demo_server["url"] + "/pengelolaan/pemantauan")
    else:  # through the menu
        page.get_by_role("button", name="Pengelolaan").click()
        page.get_by_role("link", name="Pemantauan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pemantauan penilaian periode")
    page.get_by_label("Periode", exact=True).select_option(label="Triwulan III")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_text("Triwulan III 2026:")).to_be_visible()
    _shot(page, f"pemantauan-{suffix}.png", phone)
    page.get_by_role("link", name="Dinas Kesehatan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dinas Kesehatan")
    expect(page.get_by_role("link", name="Diajukan (", exact=False)).to_be_visible()
    _shot(page, f"pemantauan-dinkes-{suffix}.png", phone)
    context.close()
    assert problems == []


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_recap_with_its_chart_and_the_follow_up_lists(demo_server, browser, phone):
    from playwright.sync_api import expect

    suffix = "phone" if phone else "desktop"
    context, page, problems = _page(browser, demo_server, SUPERADMIN, phone)
    page.goto(demo_server["url"] + "/pengelolaan/rekap?tahun=2026")
    expect(page.get_by_text("Tidak sesuai kurva (2)")).to_be_visible()
    _shot(page, f"rekap-{suffix}.png", phone)
    page.goto(demo_server["url"] + f"/pengelolaan/rekap/{demo_server['opds']['Dinas Komunikasi dan Informatika']}"
              "?tahun=2026")
    expect(page.get_by_role("img", name="Sebaran predikat pegawai Dinas Komunikasi dan Informatika 2026 terhadap "
                                        "kurva")).to_be_visible()
    _shot(page, f"rekap-diskominfo-{suffix}.png", phone)
    context.close()

    context, page, more = _page(browser, demo_server, PENGELOLA, phone)
    page.goto(demo_server["url"] + f"/pengelolaan/rekap/{demo_server['opds']['Dinas Kesehatan']}?tahun=2026")
    expect(page.get_by_text("Sesuai kurva", exact=True)).to_be_visible()
    _shot(page, f"rekap-dinkes-{suffix}.png", phone)
    page.goto(demo_server["url"] + "/pengelolaan/tindak-lanjut?tahun=2026")
    expect(page.get_by_role("heading", name="Pengembangan kompetensi", exact=False)).to_be_visible()
    _shot(page, f"tindak-lanjut-{suffix}.png", phone)
    context.close()
    assert problems + more == []
