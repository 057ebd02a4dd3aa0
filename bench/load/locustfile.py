"""Locust journeys of bench/load/run.py (not meant to be started by hand): real logins and the
pages a kabupaten uses at the busiest time of the year. BENCH_POOLS names the JSON file written by
run.py: the logins, the pegawai who can still submit Triwulan IV, the waiting reviews.

Request names are the page names of the report; the floor page is the yardstick."""
from __future__ import annotations

import html
import json
import os
import re
import time

from locust import HttpUser, between, task

POOLS = json.load(open(os.environ["BENCH_POOLS"]))
PASSWORD, YEAR = POOLS["password"], POOLS["year"]
THINK = tuple(float(x) for x in os.environ.get("BENCH_THINK", "3,10").split(","))  # seconds between two pages
SUBMITTERS = iter(POOLS["submit"])
REVIEWS = iter(POOLS["review"])
PDFS = iter(POOLS.get("pdf") or [])
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"%" * 20_000  # a 20 KB bukti dukung
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def form_fields(page: str, form_id: str | None = None) -> dict[str, str]:
    """Text fields of a form as a browser would post them unchanged (no files, no radio)."""
    if form_id:
        start = page.find(f'id="{form_id}"')
        page = page[page.rfind("<form", 0, start):page.find("</form>", start)]
    fields = {}
    for name in re.findall(r'<select\b[^>]*\bname="([^"]+)"', page):
        fields[name] = ""  # nothing chosen from a pick-list
    for match in re.finditer(r"<(input|textarea)\b([^>]*)>", page, re.I):
        attrs = dict(ATTR.findall(match.group(2)))
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if not name or kind in ("file", "radio", "checkbox", "submit"):
            continue
        if match.group(1).lower() == "textarea":
            end = page.find("</textarea>", match.end())
            fields[name] = html.unescape(page[match.end():end]).removeprefix("\r\n").removeprefix("\n")
        else:
            fields[name] = html.unescape(attrs.get("value", ""))
    return fields


class Journey(HttpUser):
    abstract = True
    wait_time = between(*THINK)

    def login(self, nip: str) -> None:
        page = self.client.get("/masuk", name="login form").text
        token = CSRF.search(page).group(1)
        with self.client.post("/masuk", data={"nip": nip, "password": PASSWORD, "csrf_token": token},
                              name="login", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"login {nip}: {response.status_code}")

    def logout(self) -> None:
        page = self.client.get("/", name="beranda").text
        match = CSRF.search(page)
        if match:
            self.client.post("/keluar", data={"csrf_token": match.group(1)}, name="logout", allow_redirects=False)
        self.client.cookies.clear()


class Pegawai(Journey):
    """Beranda, SKP saya, Penilaian; one PDF and its verification page when the app has them."""

    weight = 4

    def on_start(self):
        self.login(POOLS["logins"]["pegawai"])

    @task(3)
    def beranda(self):
        self.client.get("/", name="beranda")

    @task(2)
    def skp_saya(self):
        self.client.get("/skp/", name="skp saya")

    @task(3)  # the yardstick of every ratio: enough samples for a stable median
    def floor(self):
        self.client.get("/_bench/floor", name="floor")

    @task(1)
    def verification(self):
        if POOLS.get("verify_code"):
            self.client.get(f"/verifikasi/{POOLS['verify_code']}", name="verifikasi (publik)")


class Documents(Journey):
    """A pegawai issues their SKP as PDF (rendered and stored) and downloads it; next pegawai."""

    fixed_count = 1 if POOLS.get("pdf") else 0
    wait_time = between(max(3.0, THINK[0]), max(6.0, THINK[1]))  # issuing a PDF is rare next to reading pages

    @task
    def one_pdf(self):
        try:
            nip, plan = next(PDFS)
        except StopIteration:
            return
        self.login(nip)
        page = self.client.get(f"/dokumen/skp/{plan}/pratinjau", name="pratinjau SKP").text
        token = CSRF.search(page) or CSRF.search(self.client.get("/", name="beranda").text)
        started = time.perf_counter()
        with self.client.post(f"/dokumen/skp/{plan}/terbitkan", data={"csrf_token": token.group(1)},
                              name="PDF SKP (terbitkan)", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"issue: {response.status_code}")
                return
        location = response.headers["Location"]
        while "/dokumen/terbit/" in location:  # the page that refreshes itself every second
            time.sleep(1.0)
            page = self.client.get(location, name="PDF SKP (halaman tunggu)")
            ready = re.search(r'url=(/dokumen/\d+/unduh)"', page.text)
            if ready:
                location = ready.group(1)
            elif "Dokumen sedang dibuat" not in page.text:
                return
        self.client.get(location, name="PDF SKP (unduh)")
        self.environment.events.request.fire(
            request_type="JOB", name="PDF SKP (sampai terunduh)", response_time=(time.perf_counter() - started) * 1000,
            response_length=0, exception=None, context={})
        self.logout()


class Submitter(Journey):
    """A pegawai fills Triwulan IV: save the form with a file upload, then submit; next pegawai."""

    weight = 4

    @task
    def submit_period(self):
        try:
            nip = next(SUBMITTERS)
        except StopIteration:
            return
        self.login(nip)
        url = f"/penilaian/{YEAR}/4"
        page = self.client.get(url, name="penilaian periode").text
        if 'id="isian"' not in page:
            token = CSRF.search(page).group(1)
            self.client.post(f"{url}/mulai", data={"csrf_token": token}, name="mulai mengisi")
            page = self.client.get(url, name="penilaian periode").text
        action = re.search(r'action="(/penilaian/isian/(\d+)/simpan)"', page)
        if not action:
            self.logout()
            return
        fields = form_fields(page, "isian")
        for name in fields:
            if name.startswith("value_") and not fields[name]:
                fields[name] = "3"
        files = [(name, ("laporan.pdf", PDF, "application/pdf"))
                 for name in sorted(set(re.findall(r'name="(file_\d+)"', page)))[:1]]
        with self.client.post(action.group(1), data=fields, files=files, name="simpan draf (unggah)",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"save: {response.status_code}")
        page = self.client.get(url, name="penilaian periode").text
        fields = form_fields(page, "isian")
        with self.client.post(f"/penilaian/isian/{action.group(2)}/ajukan", data=fields, name="ajukan",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"submit: {response.status_code}")
        self.logout()


class Reviewer(Journey):
    """A Pejabat Penilai approves a waiting Triwulan III submission (next pair each time)."""

    weight = 2

    @task
    def approve(self):
        try:
            nip, assessment = next(REVIEWS)
        except StopIteration:
            return
        self.login(nip)
        url = f"/tinjau/penilaian/{assessment}"
        page = self.client.get(url, name="tinjau penilaian").text
        fields = form_fields(page)
        fields.update(result_rating="SESUAI", behavior_rating="SESUAI",
                      result_rating_reason="Sesuai hasil pembahasan kinerja bersama pegawai.")
        with self.client.post(f"{url}/setujui", data=fields, name="setujui", allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"approve: {response.status_code}")
        self.logout()


class TeamLead(Journey):
    """Tim saya of the team of 40."""

    fixed_count = 1

    def on_start(self):
        self.login(POOLS["logins"]["team"])

    @task
    def page(self):
        self.client.get("/tinjau/", name="tim saya (tim 40)")


class AnnualLead(Journey):
    """The annual evaluation table of another team of 40."""

    fixed_count = 1

    def on_start(self):
        self.login(POOLS["logins"]["annual"])

    @task
    def page(self):
        self.client.get(f"/tinjau/tahunan/{YEAR}", name="tabel tahunan (tim 40)")


DAILY = POOLS.get("daily")


class Harian(Journey):
    """The pegawai's kinerja harian: the month calendar and a day (with the scale data's activities)."""

    abstract = not DAILY  # without the scale data's activities there is nothing to read
    weight = 2

    def on_start(self):
        self.login(POOLS["logins"]["pegawai"])

    @task
    def pages(self):
        year, month = DAILY["month"]
        self.client.get(f"/kinerja-harian/{year}/{month}", name="kinerja harian: bulan (pegawai)")
        self.client.get(f"/kinerja-harian/hari/{DAILY['day']}", name="kinerja harian: hari (pegawai)")


class HarianTim(Journey):
    """The Pejabat Penilai of the largest team: the team's week and a member's day."""

    abstract = not DAILY
    fixed_count = 1

    def on_start(self):
        self.login(POOLS["logins"]["team"])

    @task
    def pages(self):
        self.client.get(f"/kinerja-harian/tim/minggu/{DAILY['monday']}", name="kinerja harian tim: minggu (tim 40)")
        self.client.get(f"/kinerja-harian/tim/{DAILY['member']}/{DAILY['day']}",
                        name="kinerja harian tim: hari anggota")


class OpdAdmin(Journey):
    """The pengelola kinerja of the largest OPD: monitoring, then its own OPD's list."""

    fixed_count = 1

    def on_start(self):
        self.login(POOLS["logins"]["admin"])

    @task
    def page(self):
        self.client.get("/pengelolaan/pemantauan", name="pemantauan")
        self.client.get(f"/pengelolaan/pemantauan/{POOLS['largest_opd']}", name="pemantauan OPD terbesar")


class SuperAdmin(Journey):
    """The super admin's predikat recap of all OPDs."""

    fixed_count = 1

    def on_start(self):
        self.login(POOLS["logins"]["superadmin"])

    @task
    def page(self):
        self.client.get("/pengelolaan/rekap", name="rekap predikat (semua OPD)")
