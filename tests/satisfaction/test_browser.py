"""In a real browser: a respondent answers the survey on a phone with taps (and the keyboard),
the kiosk returns to an empty form, and the pengelola reads the results, the moderation and the
layanan form on a phone and a laptop — no console errors (so no CSP violation), nothing scrolls
sideways. Screenshots go to test-artifacts/skm-*.png for a person to look at."""
from __future__ import annotations

import re

import pytest

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import SurveyResponse
from app.models.base import local_today
from app.services.satisfaction import layanan
from tests.browser import PHONE, Session, live_app, settled_width, shot, watch_console
from tests.factories import Factory

pytestmark = pytest.mark.e2e
LAPTOP = {"viewport": {"width": 1366, "height": 900}}


def _seed() -> dict:
    factory = Factory()
    opd = factory.opd("Dinas Kesehatan")
    puskesmas = factory.unit(opd, "UPTD Puskesmas Tanjung Harapan", kind=OrgUnitKind.BIDANG)
    admin = factory.admin([opd])
    poli = layanan.create(admin, layanan.ServiceData(unit_id=puskesmas.id, name="Poli Umum", description=None,
                                                     period_kind="SEMESTER"))
    for n in range(12):
        db.session.add(SurveyResponse(service_id=poli.id, day=local_today(),
                                      visit_sha256=f"{n:064d}", q1=4, q2=3, q3=2 + n % 3, q4=4, q5=3, q6=4, q7=4,
                                      q8=3, q9=3, sex="P" if n % 2 else "L",
                                      suggestion="Antrean pagi terlalu panjang." if n == 0 else None))
    db.session.flush()
    return {"nip": admin.nip, "poli": poli.id, "code": poli.code}


@pytest.fixture(scope="module")
def server(tmp_path_factory, chromium_path):
    with live_app(tmp_path_factory.mktemp("e2e-skm"), _seed) as live:
        yield live


def test_a_respondent_answers_on_a_phone(server, browser):
    context = browser.new_context(locale="id-ID", **PHONE)
    page = context.new_page()
    problems = watch_console(page)
    page.goto(f"{server['url']}/survei/{server['code']}")
    assert settled_width(page, PHONE["viewport"]["width"]) <= PHONE["viewport"]["width"]
    shot(page, "skm-survei-ponsel.png")
    choices = ("Sesuai", "Mudah", "Cepat", "Gratis", "Sangat sesuai", "Kompeten", "Sangat sopan dan ramah",
               "Dikelola dengan baik", "Baik")
    for n, choice in enumerate(choices, 1):
        group = page.locator("fieldset").nth(n - 1)
        group.get_by_text(choice, exact=True).tap()
    # the keyboard reaches the answers too: the first question's options by arrow keys
    page.locator("#q1-0").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator("#q1-1").is_checked()
    page.get_by_label("Usia").select_option("30-39")
    page.get_by_label("Saran untuk perbaikan layanan (boleh dikosongkan)").fill("Tambah kursi di ruang tunggu.")
    page.get_by_role("button", name="Kirim jawaban").tap()
    page.wait_for_url(re.compile(r"/terima-kasih$"))
    assert "sudah kami terima" in page.inner_text("body")
    shot(page, "skm-terima-kasih-ponsel.png")
    context.close()
    assert problems == []


def test_an_empty_form_says_what_is_missing(server, browser):
    context = browser.new_context(locale="id-ID", **PHONE)
    page = context.new_page()
    page.goto(f"{server['url']}/survei/{server['code']}")
    page.get_by_role("button", name="Kirim jawaban").click()
    assert "Jawab paling sedikit satu pertanyaan" in page.inner_text("body")
    shot(page, "skm-survei-kosong-ponsel.png")
    context.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390px", "1366px"])
def test_the_pengelola_reads_the_results(server, browser, size):
    session = Session(browser, server, server["nip"], size)
    name = "ponsel" if size is PHONE else "laptop"
    for path, label in (("/pengelolaan/skm", "daftar"), (f"/pengelolaan/skm/{server['poli']}", "hasil"),
                        (f"/pengelolaan/skm/{server['poli']}/jawaban", "moderasi"),
                        (f"/pengelolaan/skm/{server['poli']}/ubah", "ubah")):
        session.open(path)
        session.no_sideways_scroll()
        session.shot(f"skm-{label}-{name}.png")
    session.open(f"/pengelolaan/skm/{server['poli']}")
    assert "Mutu" in session.page.inner_text("body") and "Antrean pagi terlalu panjang." in session.page.inner_text("body")
    session.close()
