"""In a real browser (Debian's chromium through Playwright): the period form at desktop and phone
width, the assessor's read-only view, Capaian saya with its chart and Beranda's period card, with
screenshots in test-artifacts/, no console errors (the CSP forbids inline script and style) and no
sideways scrolling on a phone; and save → upload → submit by a pegawai."""
from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, Session, live_app
from tests.factories import Factory

pytestmark = pytest.mark.e2e
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):
    from tests.assessments.browser_data import build as build_data

    def build() -> dict:
        data = build_data(Factory())
        return {"staff": data["staff"].nip, "boss": data["boss"].nip, "colleague": data["colleague"].nip,
                "waiting": data["waiting"].id, "year": data["year"].year, "current": data["current"].number}

    with live_app(tmp_path_factory.mktemp("e2e-penilaian"), build) as server:
        yield server


@pytest.mark.parametrize("size_name", ["desktop", "phone"])
def test_pages_render_cleanly(live, browser, size_name):
    from playwright.sync_api import expect

    size = DESKTOP if size_name == "desktop" else PHONE
    rina = Session(browser, live, live["staff"], size)
    page = rina.page
    expect(page.locator("#h-periode")).to_contain_text("Penilaian Triwulan IV")
    rina.shot(f"penilaian-beranda-{size_name}.png")
    rina.no_sideways_scroll()
    for name, path in [("daftar", "/penilaian/"), ("capaian-saya", "/penilaian/capaian"),
                       ("terkirim", f"/penilaian/{live['year']}/3")]:
        page = rina.open(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        rina.shot(f"penilaian-{name}-{size_name}.png")
        rina.no_sideways_scroll()
    expect(rina.open("/penilaian/capaian").locator("svg[role=img]")).to_be_visible()
    rina.close()

    sari = Session(browser, live, live["boss"], size)
    page = sari.open(f"/penilaian/lihat/{live['waiting']}")
    expect(page.get_by_role("heading", name="Kembalikan kepada pegawai")).to_be_visible()
    sari.shot(f"penilaian-lihat-{size_name}.png")
    sari.no_sideways_scroll()
    page = sari.open("/penilaian/tim")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penilaian periode tim")
    sari.shot(f"penilaian-tim-{size_name}.png")
    sari.no_sideways_scroll()
    sari.close()


def test_save_upload_and_submit_in_the_browser(live, browser):
    from playwright.sync_api import expect

    pdf = live["tmp"] / "laporan-pendampingan.pdf"
    pdf.write_bytes(PDF)
    rina = Session(browser, live, live["staff"], PHONE)
    page = rina.page
    page.get_by_role("link", name="Isi penilaian Triwulan IV").click()
    page.get_by_role("button", name="Mulai mengisi").click()
    expect(page.get_by_role("button", name="Simpan draf")).to_be_visible()
    values = page.locator("input[name^=value_]")
    expect(values).to_have_count(4)
    for n, value in enumerate(["30", "4,5"]):
        values.nth(n).fill(value)
    page.locator("input[type=file]").first.set_input_files(str(pdf))
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Bukti dukung ditambahkan: 1 berkas.")).to_be_visible()
    expect(page.get_by_role("link", name="laporan-pendampingan.pdf")).to_be_visible()
    expect(page.locator(".pn-capaian").first).to_have_text("99,17 %")  # 28+31+30+30 = 119 of 120 so far
    rina.shot("penilaian-isian-phone.png")
    rina.no_sideways_scroll()
    page.set_viewport_size({"width": 1280, "height": 900})
    rina.shot("penilaian-isian-desktop.png")
    page.set_viewport_size(PHONE["viewport"])

    # Ajukan cannot be undone: it asks first, and a "no" leaves everything as it was
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Ajukan kepada Pejabat Penilai").click()
    expect(page.get_by_role("button", name="Simpan draf")).to_be_visible()
    assert asked and "tidak dapat diubah lagi" in asked[0]
    expect(page.get_by_text("Penilaian belum dapat diajukan")).to_have_count(0)
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ajukan kepada Pejabat Penilai").click()
    expect(page.get_by_text("Penilaian belum dapat diajukan")).to_be_visible()
    expect(page.locator(".pn-problem")).to_have_count(2)
    rina.shot("penilaian-ajukan-ditolak-phone.png")
    values = page.locator("input[name^=value_]")
    values.nth(2).fill("95")
    values.nth(3).fill("1")
    page.get_by_role("button", name="Ajukan kepada Pejabat Penilai").click()
    expect(page.get_by_text("diajukan kepada Pejabat Penilai Kinerja")).to_be_visible()
    expect(page.get_by_role("button", name="Simpan draf")).to_have_count(0)
    rina.close()
