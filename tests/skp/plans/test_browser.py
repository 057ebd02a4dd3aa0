"""In a real browser (Debian's chromium through Playwright): the SKP pages at desktop and phone
width — editor, document view, team, review, diff — with screenshots in test-artifacts/, no
console errors (the CSP forbids inline script and style), no sideways scrolling on a phone; and
the pegawai's fix-and-resubmit followed by the assessor's approval."""
from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, Session, live_app
from tests.factories import Factory

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):
    """The real app on a free port with the Kominfo SKPs of tests/skp/plans/browser_data.py."""
    from tests.skp.plans.browser_data import build as build_data

    def build() -> dict:
        data = build_data(Factory())
        return {
            "boss": data["boss"].nip, "dewi": data["people"]["dewi"].nip, "rina": data["people"]["rina"].nip,
            "agus": data["people"]["agus"].nip,
            "rina_v1": data["rina_v1"].id, "rina_v2": data["rina_v2"].id, "dewi_plan": data["dewi"].id,
        }

    with live_app(tmp_path_factory.mktemp("e2e-skp"), build) as server:
        yield server


@pytest.mark.parametrize("size_name", ["desktop", "phone"])
def test_skp_pages_render_cleanly(live, browser, size_name):
    from playwright.sync_api import expect

    size = DESKTOP if size_name == "desktop" else PHONE
    dewi = Session(browser, live, live["dewi"], size)
    page = dewi.open("/skp/")
    expect(page.get_by_text("SKP dikembalikan untuk diperbaiki")).to_be_visible()
    dewi.shot(f"skp-editor-{size_name}.png")
    dewi.no_sideways_scroll()
    page = dewi.open(f"/skp/rencana/{live['dewi_plan']}/rhk/{0}/iki/baru".replace("/rhk/0", "/rhk/" + page.locator(
        ".skp-rhk").first.get_attribute("id").split("-")[1]))
    expect(page.get_by_role("heading", name="Tambah IKI")).to_be_visible()
    dewi.shot(f"skp-iki-form-{size_name}.png")
    dewi.no_sideways_scroll()
    dewi.close()

    # An incomplete draft: Ajukan lists what is missing and marks the RHK.
    agus = Session(browser, live, live["agus"], size)
    page = agus.open("/skp/")
    page.get_by_role("button", name="Ajukan kepada Pejabat Penilai").click()
    expect(page.get_by_text("SKP belum dapat diajukan. Lengkapi dulu:")).to_be_visible()
    expect(page.locator(".skp-rhk.skp-problem")).to_have_count(1)
    agus.shot(f"skp-problems-{size_name}.png")
    agus.no_sideways_scroll()
    agus.close()

    boss = Session(browser, live, live["boss"], size)
    for name, path in [("team", "/skp/tim"), ("review", f"/skp/rencana/{live['rina_v2']}/tinjau"),
                       ("view", f"/skp/rencana/{live['rina_v1']}"),
                       ("diff", f"/skp/rencana/{live['rina_v2']}/bandingkan/{live['rina_v1']}")]:
        page = boss.open(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        boss.shot(f"skp-{name}-{size_name}.png")
        boss.no_sideways_scroll()
    boss.close()


def test_fix_resubmit_and_approve_in_the_browser(live, browser):
    from playwright.sync_api import expect

    dewi = Session(browser, live, live["dewi"], PHONE)
    page = dewi.open("/")
    page.get_by_role("button", name="Buka menu").click()
    page.get_by_role("button", name="Kinerja saya").click()
    page.get_by_role("link", name="SKP saya").click()
    expect(page.locator("#alasan-pengembalian")).to_contain_text("naikkan menjadi 5 aplikasi")
    page.get_by_role("link", name="Ubah IKI").first.click()
    page.get_by_label("Target", exact=True).fill("5")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("IKI disimpan.")).to_be_visible()
    expect(page.locator(".skp-iki").first).to_contain_text("Target: 5 Aplikasi")
    page.get_by_role("button", name="Ajukan kepada Pejabat Penilai").click()
    expect(page.get_by_text("SKP diajukan kepada Pejabat Penilai Kinerja.")).to_be_visible()
    expect(page.locator(".badge", has_text="Diajukan").first).to_be_visible()
    dewi.close()

    boss = Session(browser, live, live["boss"], DESKTOP)
    page = boss.open("/")
    page.get_by_role("button", name="Tim saya").click()
    page.get_by_role("link", name="SKP tim", exact=True).click()
    row = page.get_by_role("row").filter(has_text="Dewi Anggraini")
    row.get_by_role("link", name="Tinjau").click()
    expect(page.get_by_role("heading", name="Keputusan")).to_be_visible()
    page.get_by_label("1. Berorientasi Pelayanan").fill("Menyelesaikan permintaan integrasi dalam lima hari kerja")
    page.get_by_role("button", name="Simpan ekspektasi").click()
    expect(page.get_by_text("Ekspektasi khusus pimpinan disimpan.")).to_be_visible()
    page.get_by_role("button", name="Setujui SKP").click()
    expect(page.get_by_text("SKP 2026 Dewi Anggraini, S.T. disetujui.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Dewi Anggraini")
    expect(row.locator(".badge")).to_have_text("Disetujui")
    boss.close()
