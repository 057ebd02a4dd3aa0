"""The Panduan: every role's steps, the rules as the settings in force set them, the screenshots
it names present, reachable from the menu and from a "?" beside each main page's title."""
from __future__ import annotations

import os

from app.main.guide import SHOTS
from app.services.settings import update_settings


def test_the_guide_states_the_rules_in_force(make_client, factory, app):
    update_settings(None, {"rating_above": 115, "rating_below": 85, "objection_days": 21})
    me = factory.employee()
    client = make_client(me.user)
    page = client.get("/panduan").get_data(as_text=True)
    for words in ("Pegawai", "Pejabat Penilai Kinerja", "Atasan Pejabat Penilai Kinerja", "Pengelola kinerja",
                  "≥ 115 %", "&lt; 85 %", "dalam 21 hari", "paling tinggi 120 %", "Umpan balik yang berguna",
                  "Sangat Baik", "Butuh Perbaikan", "Istimewa</strong>: Sangat Baik paling banyak 70 %"):
        assert words in page, words
    assert 'href="/panduan">Panduan</a>' in client.get("/").get_data(as_text=True)  # in the menu
    assert 'href="/panduan#pegawai"' in client.get("/").get_data(as_text=True)  # the "?" on Beranda


def test_every_screenshot_the_guide_names_is_there():
    folder = os.path.join(os.path.dirname(__file__), "..", "..", "app", "static", "panduan")
    missing = [name for items in SHOTS.values() for name, _ in items if not os.path.isfile(os.path.join(folder, name))]
    assert missing == [], "run `make guide-shots` (tests/e2e/test_guide_screenshots.py) and commit the pictures"
