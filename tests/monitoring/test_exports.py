"""The .xlsx exports open with openpyxl and hold the same numbers as the pages."""
from __future__ import annotations

from app.domain.scoring import Predikat
from app.services.monitoring.sheets import MONITORING_HEADERS, PEGAWAI_HEADERS, RECAP_HEADERS
from tests.monitoring.conftest import numbers, row_of, sheet_rows, tables, workbook

COLUMNS = ("Pegawai aktif", "SKP disetujui", "Belum mulai", "Draf terisi", "Diajukan", "Dikembalikan", "Dinilai",
           "Terlambat")


def test_monitoring_export_equals_the_page(world, make_client):
    client = make_client(world["superadmin"])
    (table,) = tables(client.get(f"/pengelolaan/pemantauan?{world['args']}"))
    book = workbook(client.get(f"/pengelolaan/pemantauan/unduh.xlsx?{world['args']}"))
    assert book.sheetnames == ["Pemantauan", "Keterangan"]
    rows = sheet_rows(book["Pemantauan"])
    assert rows[0] == MONITORING_HEADERS
    by_name = {r[0]: dict(zip(MONITORING_HEADERS, r)) for r in rows[1:]}
    for name in ("Dinas Alfa", "Dinas Beta", "Jumlah"):
        assert [by_name[name][c] for c in COLUMNS] == numbers(row_of(table, name)[1:]), name
    alfa = by_name["Dinas Alfa"]
    assert alfa["% SKP disetujui"] == 0.818 and alfa["% Belum mulai"] == 0.333  # as rounded on the page
    assert book["Pemantauan"]["D2"].number_format == "0.0%"
    assert dict(sheet_rows(book["Keterangan"]))["Periode"] == "Triwulan I 2026"


def test_drill_down_export_lists_every_active_pegawai(world, make_client, app):
    app.config["EMPLOYEES_PER_PAGE"] = 4  # the export is never paginated
    try:
        response = make_client(world["admin_alfa"]).get(
            f"/pengelolaan/pemantauan/{world['alfa'].id}/unduh.xlsx?{world['args']}")
    finally:
        app.config["EMPLOYEES_PER_PAGE"] = 50
    assert 'filename=pemantauan-dinas-alfa-2026-triwulan-i.xlsx' in response.headers["Content-Disposition"]
    sheet = workbook(response)["Pegawai"]
    rows = [dict(zip(PEGAWAI_HEADERS, r)) for r in sheet_rows(sheet)[1:]]
    assert len(rows) == 11 and "Pegawai Inactive" not in {r["Nama"] for r in rows}
    late = next(r for r in rows if r["Nama"] == "Pegawai Late")
    assert late["Keadaan"] == "Diajukan" and late["Terlambat"] == "ya" and late["NIP"] == world["people"]["late"].nip
    assert isinstance(late["NIP"], str) and sheet["B2"].number_format == "@"
    assert next(r for r in rows if r["Nama"] == "Pegawai Approved")["Predikat periode"] == "Baik"


def test_recap_export_equals_the_page(world, make_client):
    client = make_client(world["superadmin"])
    page = tables(client.get("/pengelolaan/rekap?tahun=2026"))[0]
    book = workbook(client.get("/pengelolaan/rekap/unduh.xlsx?tahun=2026"))
    assert book.sheetnames == ["Rekap predikat", "Batas kurva", "Kenaikan pangkat", "Angka kredit", "Keterangan"]
    rows = {r[0]: dict(zip(RECAP_HEADERS, r)) for r in sheet_rows(book["Rekap predikat"])[1:]}
    for name in ("Dinas Alfa", "Dinas Beta", "Jumlah"):
        counts = numbers(row_of(page, name)[2:9])  # five predikat, total, drafts
        assert [rows[name][p.label] for p in Predikat] + [rows[name]["Jumlah diserahkan"],
                                                          rows[name]["Draf (belum diserahkan)"]] == counts
    alfa = rows["Dinas Alfa"]
    assert alfa["Predikat organisasi"] == "Baik" and alfa["Capaian organisasi (%)"] == 101.5
    assert alfa["% Baik"] == 0.833 and alfa["Kurva"] == "Tidak sesuai kurva (2)"
    limits = sheet_rows(book["Batas kurva"])[1:]
    assert [(r[2], r[4], r[5], r[6]) for r in limits] == [("Baik", 4, 5, "tidak"),
                                                         ("Butuh Perbaikan + Kurang/Misconduct", 1, 0, "tidak")]
    promotion = sheet_rows(book["Kenaikan pangkat"])[1:]
    assert {r[1] for r in promotion} == {"Pegawai Approved", "Staf Beta 1"}
    assert sheet_rows(book["Angka kredit"])[1:] == [
        ["Dinas Alfa", "Pegawai Fungsional", world["people"]["fungsional"].nip, "Analis Kebijakan", "Sangat Baik", 1.5]]


def test_follow_up_export_has_both_lists(world, make_client):
    book = workbook(make_client(world["superadmin"]).get("/pengelolaan/tindak-lanjut/unduh.xlsx?tahun=2026"))
    recognition, development = sheet_rows(book["Penghargaan"]), sheet_rows(book["Pengembangan"])
    assert [(r[1], r[5], r[6], r[8]) for r in recognition[1:]] == [
        ("Pegawai Fungsional", "Sangat Baik", "Belum ditetapkan", "Diajukan")]
    assert [(r[1], r[5], r[6], r[7]) for r in development[1:]] == [
        ("Staf Beta 1", "Butuh Perbaikan", "Mentoring", "Didampingi kepala seksi setiap bulan.")]


def test_a_formula_in_a_name_stays_text(world, make_client):
    world["people"]["late"].name = "=HYPERLINK(\"http://x\")"
    sheet = workbook(make_client(world["superadmin"]).get(
        f"/pengelolaan/pemantauan/{world['alfa'].id}/unduh.xlsx?{world['args']}"))["Pegawai"]
    cells = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
