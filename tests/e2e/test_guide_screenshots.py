"""The Panduan's screenshots, taken from the demo in this version: every picture the guide names
(app/main/guide.py SHOTS) is made here, on each run, into test-artifacts/panduan/ — and into
app/static/panduan/ with `make guide-shots` (CAPAIAN_GUIDE_SHOTS=app/static/panduan), to commit."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.main.guide import SHOTS
from tests.browser import ARTIFACTS, DESKTOP, log_in, watch_console

pytestmark = pytest.mark.e2e

# picture → (demo login, page, a link to follow first (its name) or None)
PAGES = {
    "beranda.jpg": ("Pegawai (pelaksana)", "/", None),
    "skp-saya.jpg": ("Pegawai (pelaksana)", "/skp/", None),
    "kinerja-harian.jpg": ("Pegawai (pelaksana)", "/kinerja-harian/", None),
    "penilaian-periode.jpg": ("Pegawai (pelaksana)", "/penilaian/", None),
    "hasil-kinerja.jpg": ("Pegawai (pelaksana)", "/tinjau/hasil", None),
    "kinerja-harian-tim.jpg": ("Pejabat Penilai (pengawas)", "/kinerja-harian/tim", None),
    "tinjau-penilaian.jpg": ("Pejabat Penilai (pengawas)", "/tinjau/", None),
    "tinjau-satu.jpg": ("Pejabat Penilai (pengawas)", "/tinjau/", "a[href^='/tinjau/penilaian/']"),
    "evaluasi-tahunan.jpg": ("Pejabat Penilai (pengawas)", "/tinjau/tahunan", None),
    "pemantauan.jpg": ("Pengelola Kinerja OPD", "/pengelolaan/pemantauan", None),
    "jejak-audit.jpg": ("Pengelola Kinerja OPD", "/pengelolaan/audit", None),
}


def test_every_screenshot_of_the_guide_is_made_from_this_version(demo_server, browser):
    from app.seed.demo.story import DEMO_PASSWORD

    wanted = {name for items in SHOTS.values() for name, _ in items}
    assert wanted == set(PAGES)  # the guide and this walk name the same pictures
    folder = Path(os.environ.get("CAPAIAN_GUIDE_SHOTS") or ARTIFACTS / "panduan")
    folder.mkdir(parents=True, exist_ok=True)
    for login in sorted({login for login, _, _ in PAGES.values()}):
        context = browser.new_context(locale="id-ID", **DESKTOP)
        page = context.new_page()
        problems = watch_console(page)
        nip, _name = demo_server["logins"][login]
        log_in(page, demo_server["url"], nip, DEMO_PASSWORD)
        for name, (who, path, follow) in PAGES.items():
            if who != login:
                continue
            page.goto(demo_server["url"] + path)
            if follow:
                page.locator(follow).first.click()
                page.wait_for_load_state("load")
            page.screenshot(path=str(folder / name), type="jpeg", quality=70, full_page=False)
            assert (folder / name).stat().st_size > 5000, name
        context.close()
        assert problems == []
