"""In a real browser (Debian's chromium through Playwright): the annual table with curve violations,
the pegawai's result with a decided keberatan and the Atasan's decision page, at desktop and phone
width, with screenshots in test-artifacts/, no console errors (the CSP forbids inline script and
style) and no sideways scrolling on a phone; and the live predikat on the table."""
from __future__ import annotations

import threading

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from tests.assessment_views.test_browser import DESKTOP, PHONE, Session, browser, chromium_path  # noqa: F401
from tests.factories import Factory

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def live(tmp_path_factory, chromium_path):  # noqa: F811
    from tests.annual_views.browser_data import build

    tmp = tmp_path_factory.mktemp("e2e-tahunan")
    app = create_app({
        "SECRET_KEY": "e2e-secret-key-not-for-production-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp / "e2e.sqlite3"),
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
    })
    with app.app_context():
        upgrade()
        data = build(Factory())
        info = {"kasi": data["kasi"].nip, "kabid": data["kabid"].nip, "rina": data["rina"].nip,
                "objection": data["dodi_objection"].id, "year": data["year"].year, "intan": data["intan"].id}
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


@pytest.mark.parametrize("size_name", ["desktop", "phone"])
def test_annual_pages_render_cleanly(live, browser, size_name):  # noqa: F811
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


def test_the_predikat_follows_the_ratings_as_they_are_picked(live, browser):  # noqa: F811
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
