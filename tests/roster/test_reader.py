"""Reading roster files: formats, headers, file-level refusals, NIP cells."""
from __future__ import annotations

import io
import zipfile

import pytest

from app.domain.nip import NipError
from app.services.roster.reader import RosterFileError, cell_nip, header_key, read_roster
from tests.roster.helpers import HEADERS, csv_bytes, person, xlsx_bytes, xlsx_with_exact_integer

NIP = "198508222015071796"


@pytest.mark.parametrize("header,key", [
    ("NIP", "nip"), (" nip ", "nip"), ("Pangkat / Golongan", "grade"), ("PANGKAT/GOLONGAN", "grade"),
    ("NIP atasan", "assessor_nip"), ("NIP  Atasan", "assessor_nip"), ("Status  kepegawaian", "status"),
    ("E-mail", "email"), ("Jenis Jabatan", "position_kind"), ("Jabatan", "position"),
    ("Perangkat Daerah", "opd"), ("Unit Kerja", "unit"), ("Keterangan", None), ("", None),
])
def test_header_variants(header, key):
    assert header_key(header) == key


def test_xlsx_rows_numbered_as_in_the_sheet_and_empty_rows_skipped():
    data = xlsx_bytes([person(NIP, "A"), [None] * 10, ["", " ", None], person("197611061999102585", "B")])
    roster = read_roster(data, "a.xlsx")
    assert [row.number for row in roster.rows] == [2, 5]
    assert roster.rows[0].values["name"] == "A"


def test_extra_columns_ignored_with_a_warning_and_headers_tolerant():
    headers = ["nip ", "NAMA", "Status Kepegawaian", "Pangkat / Golongan", "Jabatan", "Jenis jabatan",
               "Perangkat  Daerah", "Unit Kerja", "NIP atasan", "Email", "Keterangan"]
    roster = read_roster(xlsx_bytes([person(NIP, "A") + ["catatan"]], headers), "a.xlsx")
    assert roster.column("grade") == "Pangkat / Golongan"
    assert roster.warnings == ["Kolom 'Keterangan' tidak dikenal dan diabaikan."]
    assert "catatan" not in roster.rows[0].values.values()


def test_csv_semicolon_with_bom():
    data = csv_bytes([person(NIP, "Candra Rahmawati, S.E.")], delimiter=";", bom=True)
    roster = read_roster(data, "a.csv")
    assert roster.headers["nip"] == "NIP"
    assert roster.rows[0].values["name"] == "Candra Rahmawati, S.E."


def test_csv_comma_without_bom_and_quoted_commas():
    roster = read_roster(csv_bytes([person(NIP, "Candra, S.E."), person("197611061999102585", "B")]), "a.csv")
    assert [r.values["name"] for r in roster.rows] == ["Candra, S.E.", "B"]
    assert [r.number for r in roster.rows] == [2, 3]


def test_xlsx_recognised_by_content_even_when_named_csv():
    assert len(read_roster(xlsx_bytes([person(NIP, "A")]), "salah-nama.csv").rows) == 1


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data,filename,message", [
    (b"", "a.xlsx", "Berkas kosong"),
    (b"  \n\n", "a.csv", "Berkas kosong"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "laporan.xlsx", "bukan spreadsheet"),
    (bytes(range(256)) * 20, "acak.xlsx", "bukan spreadsheet Excel"),
    (b"\x00\x01\x02binary\xff\xfe" * 50, "data.csv", "bukan spreadsheet"),
    (bytes(range(128, 256)) * 40 + b"\x01\x02\x03" * 200, "data.csv", "bukan spreadsheet"),
    ("NIP;Nama\nGarc\xeda".encode("latin-1"), "ansi.csv", "UTF-8"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "lama.xls", ".xls"),
    (b"PK\x03\x04 not really a zip", "rusak.xlsx", "rusak"),
    (_zip_without_workbook(), "dokumen.xlsx", "bukan spreadsheet Excel"),
])
def test_not_a_spreadsheet(data, filename, message):
    with pytest.raises(RosterFileError, match=message):
        read_roster(data, filename)


def test_headers_only():
    with pytest.raises(RosterFileError, match="hanya berisi baris judul"):
        read_roster(xlsx_bytes([]), "a.xlsx")


def test_missing_required_headers_named():
    headers = [h for h in HEADERS if h not in ("Jenis Jabatan", "NIP Atasan")]
    with pytest.raises(RosterFileError) as error:
        read_roster(xlsx_bytes([["x"] * len(headers)], headers), "a.xlsx")
    assert "Kolom wajib tidak ditemukan" in str(error.value)
    assert "Jenis Jabatan, NIP Atasan" in str(error.value)


def test_wrong_headers_entirely():
    with pytest.raises(RosterFileError, match="Kolom wajib tidak ditemukan.*NIP, Nama"):
        read_roster(csv_bytes([["1", "2"]], ["Nomor", "Uraian"]), "a.csv")


def test_duplicate_header():
    with pytest.raises(RosterFileError, match="lebih dari sekali"):
        read_roster(xlsx_bytes([person(NIP, "A") + ["x"]], HEADERS + ["nip"]), "a.xlsx")


def test_oversized_file():
    data = xlsx_bytes([person(NIP, "A")])
    with pytest.raises(RosterFileError, match="terlalu besar"):
        read_roster(data, "a.xlsx", max_bytes=len(data) - 1)
    assert read_roster(data, "a.xlsx", max_bytes=len(data)).rows


def test_exact_integer_nip_cell_is_recovered():
    data = xlsx_with_exact_integer([person(NIP, "A")], NIP)
    value = read_roster(data, "a.xlsx").rows[0].values["nip"]
    assert value == int(NIP)
    assert cell_nip(value) == NIP


@pytest.mark.parametrize("value", [1.98508222015072e17, "1.98508E+17", "1,98508E+17", "1.98508222015072e+17"])
def test_float_or_scientific_nip_is_refused(value):
    with pytest.raises(NipError, match="Teks"):
        cell_nip(value)


@pytest.mark.parametrize("value,text", [
    ("'198508222015071796", NIP), (" 19850822 201507 1 796 ", NIP), (None, ""), ("", ""), (12345.0, "12345"),
])
def test_nip_text_normalised(value, text):
    assert cell_nip(value) == text


def _with_sheet_xml(sheet_xml: bytes) -> bytes:
    """A real workbook whose first sheet's XML is replaced."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([person("199001012020011001", "Budi")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def _sheet(cells: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>' + cells + b"</sheetData></worksheet>")


def test_one_huge_inline_cell_is_refused_before_it_is_read():
    """A small file (a few hundred KB compressed) with one cell of 40 MB: openpyxl would hold it
    several times over in memory. The stream check refuses it with the reason."""
    from app.services.roster.reader import MAX_CELL_CHARACTERS

    huge = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * (40 * 1024 * 1024) + b"</t></is></c></row>"
    data = _with_sheet_xml(_sheet(huge))
    assert len(data) < 1024 * 1024
    with pytest.raises(RosterFileError, match="lebih panjang dari 32.767 karakter"):
        read_roster(data, "bom.xlsx")
    fits = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * MAX_CELL_CHARACTERS + b"</t></is></c></row>"
    with pytest.raises(RosterFileError) as refused:  # a long but legal cell is read (and then rejected as headers)
        read_roster(_with_sheet_xml(_sheet(fits)), "panjang.xlsx")
    assert "karakter" not in str(refused.value)


def test_a_sheet_with_too_many_cells_is_refused():
    from app.services.roster.reader import MAX_CELLS

    row = b'<row r="1">' + b'<c r="A1"><v>1</v></c>' * (MAX_CELLS + 1) + b"</row>"
    with pytest.raises(RosterFileError, match="lebih dari 1.000.000 sel"):
        read_roster(_with_sheet_xml(_sheet(row)), "sel.xlsx")
