"""The menu entry and the page it opens say the same: every entry's page has a title (<h1>) that
begins with the entry's words, for a pegawai with a team and for each admin role."""
from __future__ import annotations

import html
import re

import pytest

from app.domain.enums import PositionKind

# entries whose page is named differently on purpose
NAMED_OTHERWISE = {"Beranda"}  # "Selamat datang, …"


def _entries(page: str) -> list[tuple[str, str]]:
    nav = page[page.index("<nav"):page.index("</nav>")]
    found = re.findall(r'<a class="(?:dropdown-item|nav-link)[^"]*"[^>]*href="(/[^"#]*)">([^<]+)</a>', nav)
    return [(href, html.unescape(label).strip()) for href, label in found]


def _h1(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert match, "no <h1>"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).split())


@pytest.mark.parametrize("who", ["supervisor", "admin", "superadmin"])
def test_every_menu_entry_opens_a_page_titled_as_the_entry(make_client, factory, who):
    opd = factory.opd("Dinas Uji")
    boss = factory.employee(opd, name="Kepala Uji", position_kind=PositionKind.ADMINISTRATOR)
    factory.employee(opd, assessor=boss, name="Staf Uji")
    factory.skp.year(2026)
    user = {"supervisor": boss.user, "admin": factory.admin([opd]), "superadmin": factory.superadmin()}[who]
    client = make_client(user)
    entries = _entries(client.get("/").get_data(as_text=True))
    assert len(entries) >= 6
    mismatched = []
    for href, label in entries:
        if label in NAMED_OTHERWISE:
            continue
        response = client.get(href, follow_redirects=True)
        assert response.status_code == 200, href
        title = _h1(response.get_data(as_text=True))
        if not title.lower().startswith(label.lower()):
            mismatched.append(f"{label!r} → {title!r} ({href})")
    assert mismatched == []
