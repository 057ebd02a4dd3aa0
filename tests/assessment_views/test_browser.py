"""In a real browser (Debian's chromium through Playwright): the period form at desktop and phone
width, the assessor's read-only view, Capaian saya with its chart and Beranda's period card, with
screenshots in test-artifacts/, no console errors (the CSP forbids inline script and style) and no
sideways scrolling on a phone; and save → upload → submit by a pegawai."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from tests.factories import PASSWORD, Factory

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def chromium_path() -> str:
    if not os.path.exists(CHROMIUM):
        reason = f"Debian's chromium is not installed ({CHROMIUM}); apt-get install chromium"
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):
    from tests.assessment_views.browser_data import build

    tmp = tmp_path_factory.mktemp("e2e-penilaian")
    app = create_app({
        "SECRET_KEY": "e2e-secret-key-not-for-production-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp / "e2e.sqlite3"),
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
    })
    with app.app_context():
        upgrade()
        data = build(Factory())
        info = {"staff": data["staff"].nip, "boss": data["boss"].nip, "colleague": data["colleague"].nip,
                "waiting": data["waiting"].id, "year": data["year"].year, "current": data["current"].number}
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "tmp": tmp, **info}
    server.shutdown()
    thread.join(timeout=10)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Session:
    """One browser context logged in as one pegawai, collecting console problems."""

    def __init__(self, browser, live, nip, size):
        self.live, self.size = live, size
        self.context = browser.new_context(locale="id-ID", **size)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("response", lambda r: self.problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
        self.page.goto(live["url"] + "/masuk")
        self.page.get_by_label("NIP").fill(nip)
        self.page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
        self.page.get_by_role("button", name="Masuk").click()
        self.page.wait_for_url(live["url"] + "/")

    def open(self, path: str):
        self.page.goto(self.live["url"] + path)
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=True)

    def no_sideways_scroll(self) -> None:
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= self.size["viewport"]["width"], (self.page.url, width)

    def close(self) -> None:
        self.context.close()
        assert self.problems == []


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
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penilaian tim saya")
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
