"""What every browser test shares: Debian's chromium driven by Playwright, the real app served on a
free port over a migrated SQLite database, and a logged-in `Session` that collects console errors
(the CSP forbids inline script and style), failed requests, and takes screenshots for a person to
look at in test-artifacts/. The `chromium_path`, `browser` and `demo_server` fixtures are in
tests/conftest.py; `PLAYWRIGHT` below keeps Playwright running only while browser tests run."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


class PlaywrightHost:
    """Playwright and one chromium, started when a browser test first needs them and stopped on
    `stop()`: while they run, the main thread has an event loop marked as running (the sync API's
    greenlet dispatcher), which code under test that calls `asyncio.run` must never see."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None
        self._module: str | None = None  # the test module that the running browser serves

    def before_test(self, module: str, *, browser_test: bool) -> None:
        if not browser_test or module != self._module:
            self.stop()
            _assert_no_running_loop()
        self._module = module if browser_test else None

    @property
    def running(self) -> bool:
        return self._playwright is not None

    def browser(self, executable_path: str):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=executable_path, args=CHROMIUM_ARGS)
        return self._browser

    def stop(self) -> None:
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        try:
            if browser is not None:
                browser.close()
        finally:
            if playwright is not None:
                playwright.stop()


PLAYWRIGHT = PlaywrightHost()


def _assert_no_running_loop() -> None:
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    raise AssertionError(f"an event loop is still marked as running in the test thread: {loop!r}")


def require_chromium() -> str:
    """The browser's path; without it the test is skipped, or fails when E2E_REQUIRED is set (CI)."""
    if not os.path.exists(CHROMIUM):
        reason = f"Debian's chromium is not installed ({CHROMIUM}); apt-get install chromium"
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@contextmanager
def live_app(tmp: Path, build: Callable[[], dict], **config) -> Iterator[dict]:
    """Serve the real app on a free port; `build()` runs once in the app context after the
    migrations, returns the plain facts the tests need, and is committed."""
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from app import create_app
    from app.extensions import db

    app = create_app({
        "SECRET_KEY": "e2e-secret-key-not-for-production-0123456789",
        "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp / "e2e.sqlite3"),
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "UPLOAD_FOLDER": str(tmp / "uploads"),
        **config,
    })
    with app.app_context():
        upgrade()
        info = build()
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, buffered(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"http://127.0.0.1:{server.server_port}", "tmp": tmp, **info}
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


def buffered(wsgi_app):
    """Each response read whole before the server writes it. Werkzeug's development server leaves
    a response's file open when the browser drops the connection mid-way (a navigation, or the
    browser closing between modules) — it never closes the iterable then — and the ResourceWarning,
    an error here, fails whichever test runs when it is collected."""
    def app(environ, start_response):
        iterable = wsgi_app(environ, start_response)
        try:
            body = b"".join(iterable)
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()
        return [body]

    return app


def watch_console(page) -> list[str]:
    """Collect console errors and warnings, page errors and HTTP errors of a page."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    return problems


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def log_in(page, url: str, nip: str, password: str) -> None:
    page.goto(url + "/masuk")
    page.get_by_label("NIP").fill(nip)
    page.get_by_label("Kata sandi", exact=True).fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(url + "/")


class Session:
    """One browser context logged in as one user, collecting console problems; `close()` asserts
    there were none."""

    def __init__(self, browser, live: dict, nip: str, size: dict, password: str | None = None):
        from tests.factories import PASSWORD

        self.live, self.size = live, size
        self.context = browser.new_context(locale="id-ID", **size)
        self.page = self.context.new_page()
        self.problems = watch_console(self.page)
        log_in(self.page, live["url"], nip, password or PASSWORD)

    def open(self, path: str):
        self.page.goto(self.live["url"] + path)
        return self.page

    def shot(self, name: str) -> None:
        shot(self.page, name)

    def no_sideways_scroll(self) -> None:
        width = settled_width(self.page, self.size["viewport"]["width"])
        assert width <= self.size["viewport"]["width"], (self.page.url, width)

    def close(self) -> None:
        self.context.close()
        assert self.problems == []


def demo_page(browser, server: dict, label: str, phone: bool = False):
    """A page logged in as the demo login `label` (see seed_demo) → (context, page, problems)."""
    from playwright.sync_api import expect

    from app.seed.demo.story import DEMO_PASSWORD

    context = browser.new_context(locale="id-ID", **(PHONE if phone else DESKTOP))
    page = context.new_page()
    problems = watch_console(page)
    nip, name = server["logins"][label]
    log_in(page, server["url"], nip, DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Selamat datang, {name}")
    return context, page, problems


def checked_shot(page, name: str, phone: bool) -> None:
    """A screenshot; on a phone the page must not scroll sideways."""
    if phone:
        width = settled_width(page, PHONE["viewport"]["width"])
        assert width <= PHONE["viewport"]["width"], (name, width)
    shot(page, name)


def settled_width(page, viewport: int, timeout_ms: int = 3000) -> int:
    """The page's scroll width once its layout has settled: loaded, fonts ready, two frames
    painted, and — on a machine under load, where styles and fonts apply late — up to
    `timeout_ms` for it to fit. A page that really overflows still measures wider."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => "
                  "requestAnimationFrame(() => r(true)))))")
    try:
        page.wait_for_function(f"document.documentElement.scrollWidth <= {viewport}", timeout=timeout_ms)
    except PlaywrightTimeout:
        pass  # it does not fit: the measurement below says by how much
    return page.evaluate("document.documentElement.scrollWidth")
