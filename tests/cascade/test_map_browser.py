"""In a real browser, on the demo kabupaten: the cascading map and the SKP to-dos on Beranda, on
a desktop and on a 390 px phone. No console errors, no sideways scrolling on the phone; the
screenshots go to test-artifacts/ for a person to look at."""
from __future__ import annotations

import os
import threading

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from app.services.demo import DEMO_PASSWORD, seed_demo
from tests.e2e.test_login_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PHONE, _watch_console

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1280, "height": 900}


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
    tmp = tmp_path_factory.mktemp("e2e-cascade")
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
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "logins": logins}
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
