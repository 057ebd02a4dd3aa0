"""Every kind of bad row: the report names row, column and reason, and nothing is written."""
from __future__ import annotations

import pytest

from app.domain.enums import PositionKind
from app.services.roster.importer import plan_import
from app.services.roster.reader import read_roster
from tests.factories import make_nip
from tests.roster.helpers import counts, nips, person, tree_rows, xlsx_bytes

# Column indexes in HEADERS; spreadsheet row of rows[i] is i + 2.
NIP, NAME, STATUS, GRADE, POSITION, KIND, OPD, UNIT, BOSS, EMAIL = range(10)


def _set(index: int, column: int, value):
    def mutate(rows, n):
        rows[index][column] = value(n) if callable(value) else value
    return mutate


def _both(*mutators):
    def mutate(rows, n):
        for m in mutators:
            m(rows, n)
    return mutate


CASES = {
    "duplicate NIP": (_set(5, NIP, lambda n: n[4]),
                      [(6, "NIP", "juga tercantum di baris 7"), (7, "NIP", "juga tercantum di baris 6")]),
    "unknown atasan": (_set(4, BOSS, lambda n: make_nip()),
                       [(6, "NIP Atasan", "tidak ada di berkas maupun di data pegawai")]),
    "self atasan": (_set(4, BOSS, lambda n: n[4]), [(6, "NIP Atasan", "atasannya sendiri")]),
    "2-cycle": (_set(2, BOSS, lambda n: n[3]),
                [(4, "NIP Atasan", "Garis atasan berputar"), (5, "NIP Atasan", "Garis atasan berputar")]),
    "3-cycle": (_set(1, BOSS, lambda n: n[3]),
                [(3, "NIP Atasan", "berputar"), (4, "NIP Atasan", "berputar"), (5, "NIP Atasan", "berputar")]),
    "unknown pangkat": (_set(4, GRADE, "Penata Hebat"), [(6, "Pangkat/Golongan", "tidak dikenal")]),
    "PPPK golongan for PNS": (_set(4, GRADE, "IX"), [(6, "Pangkat/Golongan", "golongan PPPK")]),
    "PNS golongan for PPPK": (_set(5, GRADE, "III/a"), [(7, "Pangkat/Golongan", "golongan ruang PNS")]),
    "pangkat not matching golongan": (_set(4, GRADE, "Penata (III/d)"), [(6, "Pangkat/Golongan", "tidak sesuai")]),
    "PNS without pangkat": (_set(4, GRADE, ""), [(6, "Pangkat/Golongan", "wajib diisi untuk PNS")]),
    "bad jenis jabatan": (_set(4, KIND, "Kepala"), [(6, "Jenis Jabatan", "'Kepala' tidak dikenal")]),
    "bad status": (_set(4, STATUS, "Honorer"), [(6, "Status Kepegawaian", "'Honorer' tidak dikenal")]),
    "NIP too short": (_set(4, NIP, "19850822201507179"), [(6, "NIP", "18 digit; yang diisi 17")]),
    "NIP with letters": (_set(4, NIP, "19850822201507179X"), [(6, "NIP", "hanya boleh berisi angka")]),
    "NIP bad birth date": (_set(4, NIP, "198502302015071796"), [(6, "NIP", "tanggal lahir yang valid")]),
    "NIP bad TMT month": (_set(4, NIP, "198508222015131796"), [(6, "NIP", "bulan TMT")]),
    "NIP TMT before birth": (_set(4, NIP, "198508221980071796"), [(6, "NIP", "harus setelah tanggal lahir")]),
    "NIP bad gender digit": (_set(4, NIP, "198508222015073796"), [(6, "NIP", "Digit ke-15")]),
    "NIP as float": (_set(4, NIP, 1.98508222015072e17), [(6, "NIP", "terbaca sebagai bilangan")]),
    "NIP in scientific text": (_set(4, NIP, "1,98508E+17"), [(6, "NIP", "notasi ilmiah")]),
    "bad NIP Atasan": (_set(4, BOSS, "1.98508E+17"), [(6, "NIP Atasan", "notasi ilmiah")]),
    "empty name": (_set(4, NAME, "  "), [(6, "Nama", "Nama wajib diisi")]),
    "name too long": (_set(4, NAME, "A" * 201), [(6, "Nama", "paling banyak 200")]),
    "bad email": (_set(3, EMAIL, "candra@"), [(5, "Email", "'candra@' tidak valid")]),
    "empty atasan for non-JPT": (_set(4, BOSS, ""), [(6, "NIP Atasan", "NIP Atasan wajib diisi")]),
    "empty Perangkat Daerah": (_set(4, OPD, ""), [(6, "Perangkat Daerah", "wajib diisi")]),
    "empty unit level": (_set(4, UNIT, "Sekretariat / / Subbagian Umum"), [(6, "Unit Kerja", "tingkat yang kosong")]),
    "several bad rows": (_both(_set(1, KIND, "Eselon 9"), _set(4, EMAIL, "x@"), _set(6, GRADE, "XX")),
                         [(3, "Jenis Jabatan", "tidak dikenal"), (6, "Email", "tidak valid"),
                          (8, "Pangkat/Golongan", "tidak dikenal")]),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_row_refused_by_cli_and_nothing_written(name, run_cli):
    mutate, expected = CASES[name]
    n = nips(7)
    rows = tree_rows(n)
    mutate(rows, n)
    before = counts()
    result = run_cli(xlsx_bytes(rows))
    assert result.exit_code == 1, result.output
    for row, column, reason in expected:
        lines = [line for line in result.output.splitlines() if line.startswith(f"Baris {row}, kolom {column}: ")]
        assert lines and any(reason in line for line in lines), (reason, result.output)
    assert sum(line.startswith("Baris ") for line in result.output.splitlines()) == len(expected)
    assert "Tidak ada yang ditulis" in result.output
    assert counts() == before


def test_cycle_closed_through_an_existing_pegawai(factory, run_cli):
    opd = factory.opd("Dinas Kesehatan")
    head = factory.employee(opd, name="Kepala Lama", position_kind=PositionKind.JPT)
    deputy = factory.employee(opd, name="Wakil Lama", assessor=head)
    rows = [person(head.nip, "Kepala Lama", kind="JPT", boss=deputy.nip)]
    before = counts()
    result = run_cli(xlsx_bytes(rows))
    assert result.exit_code == 1
    assert "Baris 2, kolom NIP Atasan: Garis atasan berputar: Kepala Lama" in result.output
    assert f"Wakil Lama ({deputy.nip}, data pegawai)" in result.output
    assert counts() == before


def test_inactive_atasan_in_the_database(factory, run_cli):
    opd = factory.opd("Dinas Kesehatan")
    boss = factory.employee(opd, name="Pensiunan", active=False)
    result = run_cli(xlsx_bytes([person(make_nip(), "Baru", boss=boss.nip)]))
    assert result.exit_code == 1
    assert "Baris 2, kolom NIP Atasan: Atasan Pensiunan" in result.output and "nonaktif" in result.output


def test_file_level_errors_by_cli(run_cli, app):
    before = counts()
    result = run_cli(b"%PDF-1.7 binary", filename="laporan.xlsx")
    assert result.exit_code == 1
    assert "bukan spreadsheet" in result.output and "Tidak ada yang ditulis" in result.output
    app.config["IMPORT_MAX_BYTES"], limit = 100, app.config["IMPORT_MAX_BYTES"]
    try:
        result = run_cli(xlsx_bytes(tree_rows()))
    finally:
        app.config["IMPORT_MAX_BYTES"] = limit
    assert result.exit_code == 1 and "terlalu besar" in result.output
    result = run_cli(xlsx_bytes([], ["Nomor", "Uraian"]), filename="salah.xlsx")
    assert result.exit_code == 1 and "Kolom wajib tidak ditemukan" in result.output
    assert counts() == before


def test_every_error_listed_in_the_plan_in_row_order():
    n = nips(7)
    rows = tree_rows(n)
    rows[6][EMAIL] = "bukan-email"
    rows[1][GRADE] = "IX"
    rows[1][KIND] = "Raja"
    plan = plan_import(None, read_roster(xlsx_bytes(rows), "a.xlsx"))
    assert [(e.row, e.column) for e in plan.row_errors] == [
        (3, "Pangkat/Golongan"), (3, "Jenis Jabatan"), (8, "Email")]
    assert plan.error_rows == 2
    assert not plan.creates  # no preview for an invalid file


def test_reporting_line_deeper_than_the_app_allows(run_cli):
    n = nips(33)
    rows = [person(n[0], "Puncak", kind="JPT", grade="IV/c")]
    rows += [person(n[i], f"Tingkat {i}", boss=n[i - 1]) for i in range(1, 33)]
    result = run_cli(xlsx_bytes(rows))
    assert result.exit_code == 1
    flagged = [line for line in result.output.splitlines() if "lebih dari 30 tingkat" in line]
    assert [line.split(",")[0] for line in flagged] == ["Baris 33", "Baris 34"]


def test_unknown_atasan_points_at_rows_whose_nip_is_unreadable(run_cli):
    n = nips(7)
    rows = tree_rows(n)
    rows[3][NIP] = "1,98508E+17"  # the Kasubbag; rows 6 and 7 name them as atasan
    result = run_cli(xlsx_bytes(rows))
    lines = [line for line in result.output.splitlines() if line.startswith(("Baris 6,", "Baris 7,"))]
    assert len(lines) == 2 and all("perbaiki dulu NIP-nya (NIP galat di baris 5)" in line for line in lines)
