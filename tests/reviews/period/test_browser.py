"""In a real browser (Debian's chromium through Playwright): Tinjau, the review page and the
approved result at desktop and phone width, with screenshots in test-artifacts/, no console errors
(the CSP forbids inline script and style) and no sideways scrolling on a phone; and a review with
JavaScript: a phrase inserted at once, the predikat previewed live, the reason asked for, approved;
the pegawai reads the result."""
from __future__ import annotations

import pytest

from tests.browser import DESKTOP, PHONE, Session, live_app
from tests.factories import Factory

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):
    from tests.reviews.period.browser_data import build as build_data

    def build() -> dict:
        data = build_data(Factory())
        return {"kasi": data["kasi"].nip, "kabid": data["kabid"].nip, "staff": data["staff"].nip,
                "waiting": data["waiting"].id, "approved": data["approved"].id, "year": data["year"].year}

    with live_app(tmp_path_factory.mktemp("e2e-tinjau"), build) as server:
        yield server


@pytest.mark.parametrize("size_name", ["desktop", "phone"])
def test_pages_render_cleanly(live, browser, size_name):
    from playwright.sync_api import expect

    size = DESKTOP if size_name == "desktop" else PHONE
    sari = Session(browser, live, live["kasi"], size)
    page = sari.open("/tinjau/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tinjau penilaian")
    expect(page.locator("td.rv-overdue")).to_have_count(1)
    sari.shot(f"tinjau-tim-{size_name}.png")
    sari.no_sideways_scroll()
    page = sari.open(f"/tinjau/penilaian/{live['waiting']}")
    expect(page.get_by_role("heading", name="Rating dan predikat")).to_be_visible()
    expect(page.get_by_role("link", name="rekap-permohonan-triwulan-1.pdf")).to_be_visible()
    sari.shot(f"tinjau-penilaian-{size_name}.png")
    sari.no_sideways_scroll()
    page = sari.open(f"/tinjau/penilaian/{live['approved']}")
    expect(page.get_by_role("heading", name="Hasil tinjauan Pejabat Penilai")).to_be_visible()
    sari.shot(f"tinjau-disetujui-{size_name}.png")
    sari.no_sideways_scroll()
    sari.close()

    hendra = Session(browser, live, live["kabid"], size)
    page = hendra.open("/tinjau/")
    expect(page.get_by_role("heading", name="Sebagai Atasan Pejabat Penilai")).to_be_visible()
    hendra.shot(f"tinjau-atasan-{size_name}.png")
    hendra.no_sideways_scroll()
    hendra.close()


def test_review_with_javascript_then_the_pegawai_reads_it(live, browser):
    from playwright.sync_api import expect

    sari = Session(browser, live, live["kasi"], PHONE)
    page = sari.open(f"/tinjau/penilaian/{live['waiting']}")
    first = page.locator("textarea[name^=feedback_rhk_]").first
    page.locator("select[name^=phrase_rhk_]").first.select_option(label="Lengkapi bukti dukung agar realisasi dapat "
                                                                         "diverifikasi.")
    expect(first).to_have_value("Lengkapi bukti dukung agar realisasi dapat diverifikasi.")
    expect(page.locator("select[name^=phrase_rhk_]").first).to_have_value("")
    first.fill("Layanan stabil. ")
    page.locator("select[name^=phrase_rhk_]").first.select_option(label="Laporan disampaikan tepat waktu dan rapi.")
    expect(first).to_have_value("Layanan stabil. Laporan disampaikan tepat waktu dan rapi.")
    output = page.locator("output[data-rv-matrix]")
    expect(output).to_have_text("–")
    page.get_by_label("Di Atas Ekspektasi").nth(1).check()  # Rating Perilaku Kerja
    expect(output).to_have_text("Baik")  # suggestion Sesuai (pre-selected) × Di Atas
    page.get_by_label("Di Atas Ekspektasi").first.check()
    expect(output).to_have_text("Sangat Baik")
    expect(page.get_by_text("Rating yang dipilih berbeda dari saran")).to_be_visible()
    page.get_by_role("button", name="Setujui penilaian").click()
    expect(page.locator("#result_rating_reason-galat")).to_contain_text("Rating berbeda dari saran capaian")
    page.locator("#peringatan").get_by_role("link", name="Alasan memilih rating yang berbeda dari saran").click()
    expect(page.get_by_label("Alasan memilih rating yang berbeda dari saran")).to_be_in_viewport()
    expect(page.locator("textarea[name^=feedback_rhk_]").first).to_have_value(
        "Layanan stabil. Laporan disampaikan tepat waktu dan rapi.")
    sari.shot("tinjau-alasan-ditolak-phone.png")
    page.get_by_label("Alasan memilih rating yang berbeda dari saran").fill(
        "Pemulihan gangguan jauh lebih cepat dari target dan menyiapkan prosedur baru.")
    page.get_by_role("button", name="Setujui penilaian").click()
    expect(page.get_by_text("disetujui dengan predikat Sangat Baik")).to_be_visible()
    sari.close()

    rina = Session(browser, live, live["staff"], PHONE)
    page = rina.open(f"/penilaian/{live['year']}/1")
    block = page.locator("#hasil-tinjauan")
    expect(block).to_contain_text("SANGAT BAIK")
    expect(block).to_contain_text("Layanan stabil. Laporan disampaikan tepat waktu dan rapi.")
    block.scroll_into_view_if_needed()
    rina.shot("tinjau-hasil-pegawai-phone.png")
    rina.no_sideways_scroll()
    page.set_viewport_size({"width": 1280, "height": 900})
    rina.shot("tinjau-hasil-pegawai-desktop.png")
    rina.close()
