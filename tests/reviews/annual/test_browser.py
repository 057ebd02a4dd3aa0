"""In a real browser (Debian's chromium through Playwright): the annual table with curve violations,
the pegawai's result with a decided keberatan and the Atasan's decision page, at desktop and phone
width, with screenshots in test-artifacts/, no console errors (the CSP forbids inline script and
style) and no sideways scrolling on a phone; and the live predikat on the table."""
from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, Session, live_app
from tests.factories import Factory

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):
    from tests.reviews.annual.browser_data import build as build_data

    def build() -> dict:
        data = build_data(Factory())
        return {"kasi": data["kasi"].nip, "kabid": data["kabid"].nip, "rina": data["rina"].nip,
                "objection": data["dodi_objection"].id, "year": data["year"].year, "intan": data["intan"].id}

    with live_app(tmp_path_factory.mktemp("e2e-tahunan"), build) as server:
        yield server


@pytest.mark.parametrize("size_name", ["desktop", "phone"])
def test_annual_pages_render_cleanly(live, browser, size_name):
    from playwright.sync_api import expect

    size = DESKTOP if size_name == "desktop" else PHONE
    kasi = Session(browser, live, live["kasi"], size)
    page = kasi.open(f"/tinjau/tahunan/{live['year']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Evaluasi tahunan tim")
    expect(page.get_by_text("Peringatan: sebaran belum sesuai kurva")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_be_visible()
    kasi.shot(f"tahunan-tabel-{size_name}.png")
    kasi.no_sideways_scroll()
    page = kasi.open(f"/tinjau/tindak-lanjut/{live['year']}")
    expect(page.get_by_role("heading", name="Daftar penghargaan")).to_be_visible()
    kasi.shot(f"tahunan-tindak-lanjut-{size_name}.png")
    kasi.no_sideways_scroll()
    kasi.close()

    rina = Session(browser, live, live["rina"], size)
    page = rina.open(f"/tinjau/hasil/{live['year']}")
    expect(page.get_by_text("Keputusan ini final dan dicetak")).to_be_visible()
    expect(page.locator(".ev-predikat-lg")).to_have_text("SANGAT BAIK")
    rina.shot(f"tahunan-hasil-pegawai-{size_name}.png")
    rina.no_sideways_scroll()
    rina.close()

    kabid = Session(browser, live, live["kabid"], size)
    page = kabid.open(f"/tinjau/keberatan/{live['objection']}")
    expect(page.get_by_role("button", name="Kukuhkan hasil")).to_be_visible()
    expect(page.get_by_role("button", name="Ubah hasil")).to_be_visible()
    kabid.shot(f"tahunan-keputusan-atasan-{size_name}.png")
    kabid.no_sideways_scroll()
    kabid.close()


def test_the_predikat_follows_the_ratings_as_they_are_picked(live, browser):
    from playwright.sync_api import expect

    kasi = Session(browser, live, live["kasi"], DESKTOP)
    page = kasi.open(f"/tinjau/tahunan/{live['year']}")
    row = page.locator(f"#pegawai-{live['intan']}")
    expect(row.locator("output")).to_have_text("–")
    row.get_by_label("Rating Perilaku Kerja Intan Lestari").select_option("DI_ATAS")
    expect(row.locator("output")).to_have_text("Butuh Perbaikan")  # suggestion Di Bawah (capaian 86,67 %)
    row.get_by_label("Rating Hasil Kerja Intan Lestari").select_option("SESUAI")
    expect(row.locator("output")).to_have_text("Baik")
    kasi.close()
