"""Tinjau: my direct reports × the periods of the year with the state of each assessment, the
review deadline, counts per period, overdue reviews highlighted; for the Atasan Pejabat Penilai
the teams two levels down, read-only; the menu link for those who review someone."""
from __future__ import annotations

import datetime as dt
import re

from app.extensions import db
from app.services.reviews import reviews
from tests.reviews.period.conftest import TODAY, body, text


def _row(html: str, name: str) -> str:
    match = re.search(rf"<tbody><tr>\s*<th scope=\"row\"[^>]*>{re.escape(name)}.*?</tr></tbody>", html, re.S)
    assert match, f"no row for {name}"
    return match.group(0)


def test_my_team_per_period(make_client, world):
    reviews.approve_review(world["kasi"].user, world["other"], feedback={}, result_rating="DI_ATAS",
                           result_rating_reason=None, behavior_rating="DI_ATAS")
    client = make_client(world["kasi"].user)
    response = client.get("/tinjau/")
    assert response.status_code == 200
    html, page = body(response), text(response)
    assert f"Tinjau penilaian {TODAY.year}" in page and "Pegawai yang Anda nilai" in page
    assert "1 penilaian menunggu tinjauan Anda" in page
    rina = _row(html, "Rina Staf")
    assert "Diajukan" in rina and f"/tinjau/penilaian/{world['assessment'].id}" in rina
    assert "tinggal 15 hari" in rina and "rv-waiting" in rina
    budi = _row(html, "Budi Staf")
    assert "Disetujui" in budi and "Sangat Baik" in budi and "Lihat tinjauan" in budi
    citra = _row(html, "Citra Rekan")
    assert "Draf" in citra and f"/penilaian/lihat/{world['draft'].id}" in citra
    assert "belum dimulai" in _row(html, "Rina Staf")  # the second period, open, not started
    # counts for the first period: 1 waiting, 1 approved, 1 draft
    p1, p2 = world["p1"].label, world["p2"].label
    page = re.sub(r" ([,.:])", r"\1", page)  # text() puts a space where a tag was
    assert re.search(rf"{p1} \(tinjau s\.d\. [^)]+\): 1 menunggu tinjauan, 1 disetujui, 1 draf\.", page)
    assert re.search(rf"{p2} \(tinjau s\.d\. [^)]+\): 3 belum dimulai\.", page)
    assert client.get(f"/tinjau/{TODAY.year}").status_code == 200


def test_overdue_reviews_stand_out(make_client, world):
    world["p1"].review_deadline = TODAY - dt.timedelta(days=2)
    db.session.flush()
    response = make_client(world["kasi"].user).get("/tinjau/")
    rina = _row(body(response), "Rina Staf")
    assert "rv-overdue" in rina and "terlambat 2 hari" in rina and "btn-danger" in rina
    assert "2 di antaranya melewati batas tinjauan" in text(response)
    assert "2 terlambat ditinjau" in text(response)


def test_the_atasan_sees_two_levels_down_read_only(make_client, world):
    response = make_client(world["kabid"].user).get("/tinjau/")
    html, page = body(response), text(response)
    assert "Pegawai yang Anda nilai" in page and "Sari Kasi" in _row(html, "Sari Kasi")
    assert "Sebagai Atasan Pejabat Penilai" in page and "Tim Sari Kasi — Kepala Seksi Layanan Aplikasi" in page
    below = html.split('id="h-bawah"')[1]
    assert f"/penilaian/lihat/{world['assessment'].id}" in below and "/tinjau/penilaian/" not in below
    assert "rv-overdue" not in below and "rv-waiting" not in below


def test_nobody_to_review_and_the_menu(make_client, world):
    staff = make_client(world["staff"].user)
    page = staff.get("/tinjau/")
    assert page.status_code == 200 and "Tidak ada pegawai yang Anda nilai" in text(page)
    assert 'href="/tinjau/"' not in body(staff.get("/"))
    assert 'href="/tinjau/"' in body(make_client(world["kasi"].user).get("/"))
    # a pengelola kinerja without a team of their own (though "Tim saya" lists the officials the
    # kepala daerah assesses): no link
    world["kabid"].assessor, world["kabid"].external_assessor_name = None, "Bupati Uji"
    admin = body(make_client(world["admin"]).get("/"))
    assert 'href="/skp/tim"' in admin and 'href="/tinjau/"' not in admin
    assert "Kalimat umpan balik" in text(make_client(world["admin"]).get("/"))
