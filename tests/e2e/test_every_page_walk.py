"""Every page each demo login can reach, on a 390 px phone and a 1366 px laptop: nothing scrolls
sideways, no link leads to an error, no sentence ends a title with a second full stop, and the
console stays clean. The pages are found by following the links of the pages themselves (GET only,
from Beranda and the menu outward), so a new page is walked without being listed here."""
from __future__ import annotations

import re
from collections import deque
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from tests.browser import PHONE, log_in, settled_width, watch_console

pytestmark = pytest.mark.e2e

LOGINS = ("Pegawai (pelaksana)", "Pejabat Penilai (pengawas)", "Pengelola Kinerja OPD", "Super Admin (BKPSDM)")
PAGES_PER_LOGIN = 70
# Not pages: files, downloads, leaving the session, and the on-screen previews of the official
# documents (an A4 sheet as it will print, tested in tests/documents).
SKIP = re.compile(r"/keluar|/pratinjau|/unduh|/pdf\b|\.pdf$|\.xlsx$|\.zip$|/berkas/|/bukti/|/templat|/logo|/ekspor-dokumen/\d+/zip"
                  r"|/static/|/bootstrap/")


DOUBLE_STOP = re.compile(r"\S{0,30}[A-Za-z]\.\.(?!\.)")


def _key(url: str) -> str:
    """One walk per page and kind of query: /pengelolaan/pegawai?halaman=2 and ?halaman=3 are one."""
    parts = urlsplit(url)
    keys = sorted({name for name, _ in parse_qsl(parts.query)})
    return parts.path.rstrip("/") + ("?" + urlencode([(k, "") for k in keys]) if keys else "")


LAPTOP = {"viewport": {"width": 1366, "height": 768}}


def _walk(page, base: str, limit: int, width: int) -> tuple[list[str], list[str]]:
    """(pages walked, what is wrong: a page that scrolls sideways, with its width; a link that
    leads to an error; a doubled full stop after a title)."""
    queue, seen, walked, wide = deque([("/", "")]), {_key("/")}, [], []
    while queue and len(walked) < limit:
        path, origin = queue.popleft()
        response = page.goto(base + path)
        if response is not None and response.status >= 400:
            wide.append(f"{path} answers {response.status} (linked from {origin})")
        if response is None or response.status >= 400 or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        walked.append(path)
        measured = settled_width(page, width)
        if measured > width:
            wide.append(f"{path} ({measured} px)")
        # a title's full stop is the sentence's: never "S.Sos.." (domain/text.py sentence, |kalimat)
        for doubled in DOUBLE_STOP.findall(page.inner_text("body")):
            wide.append(f"{path}: “{doubled}”")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
                continue
            target = parts.path + ("?" + parts.query if parts.query else "")
            if _key(target) not in seen:
                seen.add(_key(target))
                queue.append((target, path))
    return walked, wide


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390px", "1366px"])
@pytest.mark.parametrize("login", LOGINS)
def test_no_page_scrolls_sideways(demo_server, browser, login, size):
    from app.seed.demo.story import DEMO_PASSWORD

    context = browser.new_context(locale="id-ID", **size)
    page = context.new_page()
    problems = watch_console(page)
    nip, _name = demo_server["logins"][login]
    log_in(page, demo_server["url"], nip, DEMO_PASSWORD)
    walked, wide = _walk(page, demo_server["url"], PAGES_PER_LOGIN, size["viewport"]["width"])
    context.close()
    assert len(walked) >= 10, walked  # the walk found the pages
    assert wide == [], wide
    assert problems == []
