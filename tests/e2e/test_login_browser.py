"""In a real browser: log in with NIP and password, see Beranda, log out through the menu.

The app runs in a background thread (werkzeug) on its own migrated SQLite database; Debian's
chromium is driven by Playwright. Console errors fail the test, so a CSP violation (an inline
script or style, an asset from another host) shows up here. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import re

import pytest

from app.domain.enums import PositionKind
from tests.browser import PHONE as PHONE_CONTEXT
from tests.browser import live_app
from tests.browser import settled_width
from tests.browser import shot as _shot
from tests.browser import watch_console as _watch_console
from tests.factories import PASSWORD, Factory

pytestmark = pytest.mark.e2e
PHONE = PHONE_CONTEXT["viewport"]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, chromium_path):
    """The real app on a free port, with one pegawai (and their supervisor) committed."""

    def build() -> dict:
        factory = Factory()
        opd = factory.opd("Dinas Komunikasi dan Informatika")
        boss = factory.employee(opd, name="Hendra Siregar, S.T., M.Kom.",
                                position="Kepala Bidang Aplikasi Informatika",
                                position_kind=PositionKind.ADMINISTRATOR)
        member = factory.employee(opd, assessor=boss, name="Rina Marlina, S.Kom.",
                                  position="Pranata Komputer Ahli Pertama",
                                  position_kind=PositionKind.FUNGSIONAL)
        return {"nip": member.nip, "name": member.name, "boss": boss.name}

    with live_app(tmp_path_factory.mktemp("e2e"), build) as server:
        yield server


def _log_in(page, server) -> None:
    from playwright.sync_api import expect

    page.goto(server["url"] + "/")
    expect(page).to_have_url(server["url"] + "/masuk?next=%2F")
    expect(page.get_by_role("heading", name="Masuk ke Capaian")).to_be_visible()
    page.get_by_label("NIP").fill(server["nip"])
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(server["url"] + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Selamat datang, {server['name']}")


def test_login_beranda_logout_on_a_desktop(live_server, browser):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    problems = _watch_console(page)

    page.goto(live_server["url"] + "/masuk")
    _shot(page, "login-desktop.png")
    _log_in(page, live_server)
    expect(page.get_by_text("Pranata Komputer Ahli Pertama (Fungsional)")).to_be_visible()
    expect(page.get_by_text(live_server["boss"])).to_be_visible()
    _shot(page, "beranda-desktop.png")

    page.get_by_role("button", name=live_server["name"]).click()
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(live_server["url"] + "/masuk")
    expect(page.get_by_role("status")).to_have_text("Anda telah keluar.")
    page.goto(live_server["url"] + "/")
    expect(page).to_have_url(live_server["url"] + "/masuk?next=%2F")

    assert problems == []
    context.close()


def test_login_and_logout_on_a_phone(live_server, browser):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="id-ID")
    page = context.new_page()
    problems = _watch_console(page)

    page.goto(live_server["url"] + "/masuk")
    _shot(page, "login-phone.png")
    _log_in(page, live_server)
    # The menu is folded behind the toggler; the page does not scroll sideways.
    expect(page.get_by_role("button", name=live_server["name"])).to_be_hidden()
    assert settled_width(page, PHONE["width"]) <= PHONE["width"]
    _shot(page, "beranda-phone.png")

    page.get_by_role("button", name="Buka menu").click()
    expect(page.locator("#menu-utama")).to_have_class(re.compile(r"\bshow\b"))  # unfolded
    page.get_by_role("button", name=live_server["name"]).click()
    expect(page.get_by_role("button", name="Keluar")).to_be_in_viewport()
    _shot(page, "menu-phone.png")
    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url(live_server["url"] + "/masuk")

    assert problems == []
    context.close()


def test_a_failed_form_puts_the_focus_on_its_error_summary(live_server, browser):
    """Ubah kata sandi with three mistakes: one summary on top lists them all, takes the focus
    (a screen reader reads it), and its links lead to the fields."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    problems = _watch_console(page)
    _log_in(page, live_server)
    page.goto(live_server["url"] + "/kata-sandi")
    page.get_by_label("Kata sandi saat ini").fill("bukan-sandinya-sama-sekali")
    page.get_by_label("Kata sandi baru", exact=True).fill("pendek")
    page.get_by_label("Ulangi kata sandi baru").fill("lain")
    page.get_by_role("button", name=re.compile("Simpan|Ubah")).click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("periksa 3 hal berikut")
    _shot(page, "ringkasan-galat.png")
    summary.get_by_role("link", name="Kata sandi saat ini").click()
    expect(page).to_have_url(re.compile("#current$"))
    assert problems == []
    context.close()
