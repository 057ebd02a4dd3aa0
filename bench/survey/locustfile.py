"""Locust journey of bench/survey/run.py (not meant to be started by hand): a respondent opens the
survey of a layanan (BENCH_SURVEY_CODE), answers the nine questions, sends, and leaves; the next
iteration is a new respondent (new cookies). Each user repeats this once per BENCH_PACING seconds."""
from __future__ import annotations

import os
import random
import re

from locust import constant_pacing, task
from locust.contrib.fasthttp import FastHttpUser

CODE = os.environ["BENCH_SURVEY_CODE"]
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
VISIT = re.compile(r'name="visit" type="hidden" value="([^"]+)"')


class Respondent(FastHttpUser):  # the lighter client: the load generator shares the 2 cores
    wait_time = constant_pacing(float(os.environ.get("BENCH_PACING", "1")))

    @task
    def answer(self):
        self.client.cookiejar.clear()  # a new respondent, a new phone
        page = self.client.get(f"/survei/{CODE}", name="survei: formulir (GET)").text
        csrf, visit = CSRF.search(page), VISIT.search(page)
        if not csrf or not visit:
            return
        answers = {f"q{n}": str(random.choice((2, 3, 3, 4, 4))) for n in range(1, 10)}
        with self.client.post(f"/survei/{CODE}", data={"csrf_token": csrf.group(1), "visit": visit.group(1),
                                                       "age_band": random.choice(("", "20-29", "30-39")),
                                                       "suggestion": random.choice(("", "", "", "Antrean panjang")),
                                                       **answers},
                              name="survei: kirim (POST)", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}")
