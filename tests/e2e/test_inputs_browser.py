"""Inputs in a real browser whose language is English: the focus ring on an input is as strong as
on a link, a date is typed dd/mm/yyyy with a calendar beside it, a file input says "Pilih berkas"
and names what was chosen, and a rating select is never narrower than "Di Bawah Ekspektasi"."""
from __future__ import annotations

import pytest

from tests.browser import DESKTOP, log_in, watch_console

pytestmark = pytest.mark.e2e

ADMIN, SUPERVISOR = "Super Admin (BKPSDM)", "Pejabat Penilai (pengawas)"


def _page(browser, server, label):
    from app.seed.demo.story import DEMO_PASSWORD

    context = browser.new_context(locale="en-US", **DESKTOP)  # an English browser: the app still speaks Indonesian
    page = context.new_page()
    problems = watch_console(page)
    nip, _name = server["logins"][label]
    log_in(page, server["url"], nip, DEMO_PASSWORD)
    return context, page, problems


def _ring(page) -> dict:
    return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {tag: document.activeElement.tagName, style: s.outlineStyle, width: s.outlineWidth,
                shadow: s.boxShadow}; }""")


def test_focus_ring_dates_files_and_rating_selects(demo_server, browser):
    from playwright.sync_api import expect

    context, page, problems = _page(browser, demo_server, ADMIN)

    # the focus ring: a link and an input, reached by the keyboard, look the same
    page.goto(demo_server["url"] + "/pengelolaan/plt/baru")
    page.locator("#start_date").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.wait_for_timeout(400)  # Bootstrap eases an input's box-shadow in (0.15 s)
    ring = _ring(page)
    assert ring["tag"] == "INPUT" and ring["style"] == "solid" and ring["width"] == "3px", ring
    assert "rgb(11, 12, 12)" in ring["shadow"], ring

    # a date: typed the Indonesian way, with a calendar button beside it
    date = page.locator("#start_date")
    expect(date).to_have_attribute("placeholder", "hh/bb/tttt")
    expect(date).to_have_attribute("type", "text")
    expect(page.get_by_role("button", name="Pilih tanggal dari kalender").first).to_be_visible()
    date.fill("17/08/2026")
    # a date that cannot be read: the message stays beside the field, inside the calendar group too
    date.fill("31/02/2026")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#start_date-galat")).to_be_visible()
    expect(page.locator("#start_date-galat")).to_contain_text("Tulis sebagai hh/bb/tttt")

    # a file input: "Pilih berkas", then the chosen name
    page.goto(demo_server["url"] + "/pengelolaan/impor")
    pick = page.locator("label.file-pick")
    expect(pick).to_have_text("Pilih berkas")
    expect(page.get_by_text("Belum ada berkas dipilih")).to_be_visible()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "pegawai.xlsx", "mimeType": "application/octet-stream", "buffer": b"PK\x03\x04"}])
    expect(page.get_by_text("pegawai.xlsx")).to_be_visible()
    context.close()
    assert problems == []

    # the annual table's rating selects are as wide as their longest choice
    context, page, problems = _page(browser, demo_server, SUPERVISOR)
    page.goto(demo_server["url"] + "/tinjau/tahunan")
    assert page.locator("select[data-ev-result]").count() > 0
    cut = page.evaluate("""() => Array.from(document.querySelectorAll('select[data-ev-result], select[data-ev-behavior]'))
        .filter(el => { const s = getComputedStyle(el); const c = document.createElement('canvas').getContext('2d');
            c.font = s.font; const need = c.measureText('Di Bawah Ekspektasi').width
                + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);
            return el.clientWidth + 1 < need; }).length""")
    assert cut == 0
    context.close()
    assert problems == []
