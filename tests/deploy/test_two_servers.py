"""Two app servers (two gunicorn instances, each with its own instance folder) in front of one
PostgreSQL and one Redis, with one shared folder and one `flask worker`: a login on one is a login
on the other, an upload stored by one is read by the other, a document issued through one is
downloaded from the other, an export started on one is served by the other, and the login rate
limit counts the attempts made on both.

Needs PostgreSQL (CAPAIAN_TEST_PG_ADMIN_URL, default the machine's 127.0.0.1:5432) and Redis
(CAPAIAN_TEST_REDIS_URL, default redis://127.0.0.1:6379/13); skipped without them unless
SERVICES_REQUIRED is set, as in CI (.ci/run starts Redis when the machine has none)."""
from __future__ import annotations

import html
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_ADMIN = os.environ.get("CAPAIAN_TEST_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("CAPAIAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
PASSWORD = "Harapan-Demo-2026"
ADMIN, PEGAWAI = "199111272022061008", "198604232006032002"  # the demo's Super Admin and Mega Ratnasari

pytestmark = pytest.mark.slow


def _unavailable(reason: str):
    if os.environ.get("SERVICES_REQUIRED"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def services():
    import psycopg
    import redis

    try:
        connection = redis.Redis.from_url(REDIS)
        connection.ping()
    except redis.RedisError as error:
        _unavailable(f"Redis is not reachable at {REDIS}: {error}")
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
    except psycopg.Error as error:
        _unavailable(f"PostgreSQL is not reachable at {PG_ADMIN}: {error}")
    name = f"capaian_two_servers_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    connection.flushdb()
    url = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1) + "/" + name
    try:
        yield url, connection
    finally:
        connection.flushdb()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server at {url} stopped"
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).close()
            return
        except OSError:  # refused, reset or timed out while it starts (URLError is one too)
            time.sleep(0.2)
    raise AssertionError(f"{url} did not start")


@pytest.fixture(scope="module")
def cluster(services, tmp_path_factory):
    database_url, _redis = services
    tmp = tmp_path_factory.mktemp("two-servers")
    shared = tmp / "bersama"
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "dua-server-kunci-uji-" + "x" * 20,
           "CAPAIAN_JOB_RUNNER": "rq", "CAPAIAN_REDIS_URL": REDIS, "CAPAIAN_SHARED_FOLDER": str(shared),
           "CAPAIAN_LOGIN_RATE_LIMIT": "6 per minute", "CAPAIAN_LOGIN_MAX_FAILURES": "1000",
           "CAPAIAN_EXPORT_PROCESSES": "2", "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2",
           "CAPAIAN_BASE_URL": "http://capaian.uji",
           "CAPAIAN_ISSUE_WAIT_SECONDS": "0"}  # the issuing page shows the job, followed on the other server
    env.pop("TEST_DATABASE_URL", None)
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    first = {**env, "CAPAIAN_INSTANCE_PATH": str(tmp / "server-a")}
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=first, check=True, capture_output=True)
    subprocess.run(flask + ["seed-demo"], cwd=ROOT, env=first, check=True, capture_output=True)
    processes, servers = [], []
    logs = tmp / "logs"
    logs.mkdir()
    try:
        for name in ("a", "b"):
            port = _free_port()
            log = open(logs / f"server-{name}.log", "wb")
            process = subprocess.Popen(
                [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "wsgi:app"], cwd=ROOT,
                env={**env, "CAPAIAN_INSTANCE_PATH": str(tmp / f"server-{name}"), "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log, stderr=subprocess.STDOUT)
            processes.append((process, log))
            servers.append(f"http://127.0.0.1:{port}")
        log = open(logs / "worker.log", "wb")
        worker = subprocess.Popen(flask + ["worker"], cwd=ROOT, env={**env, "CAPAIAN_INSTANCE_PATH": str(tmp / "worker")},
                                  stdout=log, stderr=subprocess.STDOUT)
        processes.append((worker, log))
        for url, (process, _log) in zip(servers, processes):
            _wait_for(url, process)
        yield {"a": servers[0], "b": servers[1], "shared": shared, "tmp": tmp, "logs": logs}
    finally:
        for process, log in processes:
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies shared by every server it talks to, as one browser behind one address would."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx come here
            return error.code, dict(error.headers), error.read()
        with response:
            return response.status, dict(response.headers), response.read()

    def get(self, url: str):
        return self.request(url)

    def token(self, url: str) -> str:
        status, _headers, body = self.get(url)
        assert status == 200, (url, status)
        return re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body).group(1).decode()

    def post(self, url: str, fields: dict, token_from: str | None = None):
        fields = {"csrf_token": self.token(token_from or url), **fields}
        return self.request(url, urllib.parse.urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def upload(self, url: str, field: str, filename: str, data: bytes):
        boundary = uuid.uuid4().hex
        token = self.token(url)
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                f'Content-Type: application/octet-stream\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
        return self.request(url, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def log_in(self, server: str, nip: str) -> None:
        status, headers, _ = self.post(server + "/masuk", {"nip": nip, "password": PASSWORD})
        assert status == 302 and headers["Location"] in ("/", server + "/"), status


def _poll(browser: Browser, url: str, done, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = browser.get(url)
        if done(result):
            return result
        time.sleep(0.5)
    raise AssertionError(f"{url} did not finish")


def _path(location: str) -> str:
    return urllib.parse.urlsplit(location).path


def test_two_servers_share_logins_uploads_documents_exports_and_rate_limits(cluster, services):
    a, b = cluster["a"], cluster["b"]
    services_redis = services[1]

    # A login on A is a login on B.
    admin = Browser()
    admin.log_in(a, ADMIN)
    status, _h, page = admin.get(b + "/")
    assert status == 200 and b"Hendra Setiawan" in page

    # A roster file uploaded to A is read back by B (the shared folder's uploads/imports).
    status, _h, workbook = admin.get(a + "/pengelolaan/pegawai/unduh.xlsx")
    assert status == 200 and workbook[:2] == b"PK"
    status, headers, _ = admin.upload(a + "/pengelolaan/impor", "file", "pegawai.xlsx", workbook)
    assert status == 302 and "/pengelolaan/impor/" in headers["Location"], status
    status, _h, report = admin.get(b + _path(headers["Location"]))
    assert status == 200 and b"pegawai.xlsx" in report
    assert list((cluster["shared"] / "uploads" / "imports").iterdir())

    # A document asked for on A is rendered by the worker and downloaded from B.
    pegawai = Browser()
    pegawai.log_in(b, PEGAWAI)
    status, headers, _ = pegawai.get(a + "/dokumen/")
    documents_page = a + _path(headers["Location"])
    status, _h, documents = pegawai.get(documents_page)
    action = re.search(rb'action="(/dokumen/skp/\d+/terbitkan)"', documents).group(1).decode()
    status, headers, _ = pegawai.post(a + action, {}, token_from=documents_page)
    assert status == 302 and "/dokumen/terbit/" in headers["Location"], status
    job_page = _path(headers["Location"])
    _status, _h, ready = _poll(pegawai, b + job_page, lambda r: b"Dokumen siap" in r[2] or b"gagal" in r[2])
    assert b"Dokumen siap" in ready, ready.decode()[-2000:]
    download = re.search(rb'url=(/dokumen/\d+/unduh)"', ready).group(1).decode()
    status, headers, pdf = pegawai.get(b + download)
    assert status == 200 and pdf.startswith(b"%PDF") and headers["Content-Type"] == "application/pdf"
    assert list((cluster["shared"] / "documents").rglob("*.pdf"))

    # An export started on A is built by the worker and served by B.
    form_url = a + "/pengelolaan/ekspor-dokumen"
    status, _h, form_page = admin.get(form_url)
    opd = re.search(rb'<option value="(\d+)">Inspektorat', form_page).group(1).decode()
    status, headers, body = admin.post(form_url, {"opd": opd, "year": "2026", "kind": "skp", "period": ""})
    assert status == 302, html.unescape(body.decode())[-3000:]
    job = _path(headers["Location"])
    _poll(admin, b + job + "/kemajuan.json", lambda r: b'"finished":true' in r[2].replace(b" ", b""))
    status, headers, archive = admin.get(b + job + "/unduh.zip")
    assert status == 200 and archive[:2] == b"PK", status

    # The login rate limit (6 per minute per address) counts the attempts on both servers: three on
    # each pass, the seventh is refused — whichever server it reaches. (The logins above counted
    # too; their count is cleared first.)
    for name in services_redis.scan_iter("LIMITS*"):
        services_redis.delete(name)
    stranger = Browser()
    codes = [stranger.post((a if i % 2 else b) + "/masuk", {"nip": "197001011990031001", "password": "salah"})[0]
             for i in range(7)]
    assert codes[:6] == [200] * 6 and codes[6] == 429, codes
    assert stranger.post(a + "/masuk", {"nip": "197001011990031001", "password": "salah"})[0] == 429
