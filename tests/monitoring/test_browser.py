"""In a real browser, on the demo kabupaten: pemantauan, its drill-down, the rekap with the curve
chart and the follow-up lists, on a desktop and on a 390 px phone. No console errors, no sideways
scrolling on the phone; the screenshots go to test-artifacts/ for a person to look at."""
from __future__ import annotations

import os
import threading

import pytest
from flask_migrate import upgrade
from sqlalchemy import select
from werkzeug.serving import make_server

from app import create_app
from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import OrgUnit
from app.services.demo import DEMO_PASSWORD, seed_demo
from tests.e2e.test_login_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PHONE, _watch_console

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1280, "height": 900}
PENGELOLA, SUPERADMIN = "Pengelola Kinerja OPD", "Super Admin (BKPSDM)"


@pytest.fixture(scope="module")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        reason = f"Debian's chromium is not installed ({CHROMIUM}); apt-get install chromium"
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, chromium_path):
    """The real app on a free port over a migrated SQLite database with the demo kabupaten."""
    tmp = tmp_path_factory.mktemp("e2e-monitoring")
    app = create_app({
        "SECRET_KEY": "e2e-secret-key-not-for-production-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp / "demo.sqlite3"),
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
    })
    with app.app_context():
        upgrade()
        logins = {label: (user.nip, user.name) for label, user in seed_demo()}
        db.session.commit()
        opds = {o.name: o.id for o in db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD))}
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "logins": logins, "opds": opds}
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


def _page(browser, server, label, phone=False):
    from playwright.sync_api import expect

    options = ({"viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True} if phone
               else {"viewport": DESKTOP})
    context = browser.new_context(locale="id-ID", **options)
    page = context.new_page()
    problems = _watch_console(page)
    nip, name = server["logins"][label]
    page.goto(server["url"] + "/masuk")
    page.get_by_label("NIP").fill(nip)
    page.get_by_label("Kata sandi", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Selamat datang, {name}")
    return context, page, problems


def _shot(page, name: str, phone: bool) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    if phone:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


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
