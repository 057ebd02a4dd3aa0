"""Pemantauan: the counts per OPD and state against a hand-built dataset, the drill-down, sorting
and the refusals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.monitoring import monitoring as mon
from tests.monitoring.conftest import numbers, row_of, tables, text

# Dinas Alfa in Triwulan I (see conftest): 11 active pegawai (one inactive left out; its pengelola
# kinerja, without an SKP, counts), 9 with an approved SKP; not started 3 (the head, one without an
# assessment, one with an empty draft). Dinas Beta: two staff and its pengelola kinerja.
ALFA = {"aktif": 11, "skp": 9, "belum": 3, "draf": 1, "diajukan": 2, "dikembalikan": 1, "disetujui": 2,
        "terlambat": 2, "tanpa_skp": 2}
BETA = {"aktif": 3, "skp": 2, "belum": 1, "draf": 0, "diajukan": 1, "dikembalikan": 0, "disetujui": 0,
        "terlambat": 0, "tanpa_skp": 1}
COLUMNS = ("aktif", "skp", "belum", "draf", "diajukan", "dikembalikan", "disetujui", "terlambat")


def test_every_state_is_counted_once(world):
    alfa, beta = mon.progress_by_opd([world["alfa"], world["beta"]], world["first"])
    for row, expected in ((alfa, ALFA), (beta, BETA)):
        assert {key: row.count(key) for key in expected} == expected
        assert sum(row.count(k) for k in mon.PROGRESS_STATES) == row.with_skp
    assert alfa.share("skp") == Decimal("81.8") and alfa.share("belum") == Decimal("33.3")
    total = mon.kabupaten_total([alfa, beta])
    assert total.active == 14 and total.count("diajukan") == 3 and total.late == 2
    (second,) = mon.progress_by_opd([world["alfa"]], world["second"])  # another period: its own counts
    assert second.count("diajukan") == 1 and second.count("belum") == 8


def test_the_page_shows_the_same_numbers(world, make_client):
    response = make_client(world["superadmin"]).get(f"/pengelolaan/pemantauan?{world['args']}")
    assert response.status_code == 200
    (table,) = tables(response)
    assert "Triwulan I 2026" in table["caption"]
    assert numbers(row_of(table, "Dinas Alfa")[1:]) == [ALFA[k] for k in COLUMNS]
    assert numbers(row_of(table, "Dinas Beta")[1:]) == [BETA[k] for k in COLUMNS]
    opds = [numbers(r[1:]) for r in table["rows"][1:-1]]  # with the superadmin's own OPD
    assert len(opds) == 3 and numbers(row_of(table, "Jumlah")[1:]) == [sum(c) for c in zip(*opds)]
    assert "81,8 %" in row_of(table, "Dinas Alfa")[2] and "33,3 %" in row_of(table, "Dinas Alfa")[3]


def test_sorting_by_a_state_share(world, make_client):
    client = make_client(world["superadmin"])
    (table,) = tables(client.get(f"/pengelolaan/pemantauan?{world['args']}&urut=diajukan&arah=turun"))
    assert [r[0] for r in table["rows"][1:3]] == ["Dinas Beta", "Dinas Alfa"]  # 50 % > 22 %
    (table,) = tables(client.get(f"/pengelolaan/pemantauan?{world['args']}&urut=opd&arah=turun"))
    names = [r[0] for r in table["rows"][1:-1]]
    assert names == sorted(names, reverse=True) and names.index("Dinas Beta") < names.index("Dinas Alfa")
    assert "menurun" in table["caption"]


def test_default_period_is_the_last_one_past_its_deadline(world):
    import datetime as dt

    year = world["year"]
    assert mon.default_period(year, dt.date(2026, 7, 11)).number == 2
    assert mon.default_period(year, dt.date(2026, 2, 1)).number == 1


def test_drill_down_lists_every_pegawai_with_state_and_links(world, make_client):
    client = make_client(world["admin_alfa"])
    response = client.get(f"/pengelolaan/pemantauan/{world['alfa'].id}?{world['args']}")
    assert response.status_code == 200
    (table,) = tables(response)
    states = {r[0].split(" ")[0] + " " + r[0].split(" ")[1]: r[2] for r in table["rows"][1:]}
    assert states["Pegawai Late"] == "Diajukan terlambat" and states["Pegawai Returned"] == "Dikembalikan terlambat"
    assert states["Pegawai No_Skp"] == "Tanpa SKP disetujui" and states["Pegawai Empty"] == "Belum mulai"
    assert states["Pegawai Draft"] == "Draf terisi" and states["Pegawai Approved"] == "Dinilai"
    assert "Pegawai Inactive" not in text(response)
    page = response.get_data(as_text=True)
    for key in ("late", "approved", "empty"):
        assert f'href="/penilaian/lihat/{world["assessments"][key].id}"' in page
    assert f'href="/pengelolaan/pegawai/{world["people"]["none"].id}"' in page
    late = tables(client.get(f"/pengelolaan/pemantauan/{world['alfa'].id}?{world['args']}&status=terlambat"))[0]
    assert sorted(r[0].split(" ")[1] for r in late["rows"][1:]) == ["Late", "Returned"]


def test_drill_down_paginates(world, make_client, app):
    app.config["EMPLOYEES_PER_PAGE"] = 4
    try:
        client = make_client(world["superadmin"])
        first = tables(client.get(f"/pengelolaan/pemantauan/{world['alfa'].id}?{world['args']}"))[0]
        third = client.get(f"/pengelolaan/pemantauan/{world['alfa'].id}?{world['args']}&page=3")
    finally:
        app.config["EMPLOYEES_PER_PAGE"] = 50
    assert len(first["rows"]) == 1 + 4
    assert len(tables(third)[0]["rows"]) == 1 + 3 and "halaman 3 dari 3" in text(third)  # 11 pegawai


@pytest.mark.parametrize("path", [
    "/pengelolaan/pemantauan/{alfa}", "/pengelolaan/pemantauan/{alfa}/unduh.xlsx", "/pengelolaan/rekap/{alfa}",
    "/pengelolaan/tindak-lanjut?opd={alfa}", "/pengelolaan/tindak-lanjut/unduh.xlsx?opd={alfa}",
])
def test_another_opds_admin_gets_404(world, make_client, path):
    response = make_client(world["admin_beta"]).get(path.format(alfa=world["alfa"].id))
    assert response.status_code == 404


@pytest.mark.parametrize("path", [
    "/pengelolaan/pemantauan", "/pengelolaan/pemantauan/unduh.xlsx", "/pengelolaan/pemantauan/{alfa}",
    "/pengelolaan/pemantauan/{alfa}/unduh.xlsx", "/pengelolaan/rekap", "/pengelolaan/rekap/{alfa}",
    "/pengelolaan/rekap/unduh.xlsx", "/pengelolaan/tindak-lanjut", "/pengelolaan/tindak-lanjut/unduh.xlsx",
])
def test_a_plain_pegawai_gets_403_and_a_stranger_the_login(world, make_client, path):
    url = path.format(alfa=world["alfa"].id)
    assert make_client(world["pegawai"]).get(url).status_code == 403
    response = make_client().get(url)
    assert response.status_code == 302 and response.headers["Location"].startswith("/masuk")


def test_an_opd_admin_sees_only_their_opds(world, make_client):
    response = make_client(world["admin_beta"]).get(f"/pengelolaan/pemantauan?{world['args']}")
    (table,) = tables(response)
    assert [r[0] for r in table["rows"][1:]] == ["Dinas Beta"]
    assert "Dinas Alfa" not in text(response)


def test_unknown_year_is_404_and_an_unknown_period_falls_back(world, make_client):
    client = make_client(world["superadmin"])
    assert client.get("/pengelolaan/pemantauan?tahun=1999").status_code == 404
    response = client.get("/pengelolaan/pemantauan?tahun=2026&periode=99")
    assert response.status_code == 200 and "Triwulan" in tables(response)[0]["caption"]
