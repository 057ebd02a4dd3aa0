"""Reading a roster spreadsheet (.xlsx or .csv, design/IMPORT.md) into rows of raw cell values.

The file is recognised by its content, not its name. Anything that keeps the file from being read
as a whole (not a spreadsheet, too large, no data, missing columns) is a `RosterFileError` with an
Indonesian message; what is wrong inside a row is for the importer to judge.
"""
from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field

from app.domain.nip import NipError, normalize_nip

# Canonical column key → the header as written in the format, and the accepted spellings
# (compared after folding case and dropping everything but letters and digits).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "nip": ("NIP", ("nip", "nipnippppk", "ninippppk", "nippppk", "nipbaru")),
    "name": ("Nama", ("nama", "namalengkap", "namapegawai", "namadangelar")),
    "status": ("Status Kepegawaian", ("statuskepegawaian", "status", "statuspegawai", "jenispegawai")),
    "grade": ("Pangkat/Golongan", ("pangkatgolongan", "pangkatgol", "golongan", "pangkat",
                                   "golonganruang", "pangkatgolonganruang", "gol")),
    "position": ("Jabatan", ("jabatan", "namajabatan")),
    "position_kind": ("Jenis Jabatan", ("jenisjabatan",)),
    "opd": ("Perangkat Daerah", ("perangkatdaerah", "opd", "skpd", "namaopd")),
    "unit": ("Unit Kerja", ("unitkerja", "unit", "subunit", "unitorganisasi")),
    "assessor_nip": ("NIP Atasan", ("nipatasan", "nipatasanlangsung", "nippejabatpenilai",
                                    "nippejabatpenilaikinerja", "nippenilai")),
    "email": ("Email", ("email", "surel", "alamatemail")),
    "job_class": ("Kelas Jabatan", ("kelasjabatan", "kelas", "kelasjab")),
}
REQUIRED = ("nip", "name", "status", "grade", "position", "position_kind", "opd", "assessor_nip")
ORDER = ("nip", "name", "status", "grade", "position", "position_kind", "opd", "unit",
         "assessor_nip", "email", "job_class")

MAX_ROWS = 50_000
MAX_COLUMNS = 60
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # guards against a compressed "zip bomb"
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell
# The longest stretch of XML without a "<" that a cell of that length can make (UTF-8 and
# entities such as &quot; take up to 6 bytes a character): a longer one is a cell, a shared
# string or an attribute no spreadsheet program writes, refused before openpyxl holds it.
MAX_XML_TEXT_BYTES = MAX_CELL_CHARACTERS * 6
MAX_CELLS = 1_000_000  # 10,000 pegawai × 60 columns is 600,000

_ALIASES = {alias: key for key, (_, aliases) in COLUMNS.items() for alias in aliases}
# Signatures of files people attach by mistake: PDF, PNG, JPEG, GIF, gzip, RAR, 7-Zip.
_OTHER_FORMATS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SCIENTIFIC = re.compile(r"^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$")


class RosterFileError(ValueError):
    """The file as a whole cannot be imported; str(error) is the Indonesian explanation."""


@dataclass
class RosterRow:
    number: int  # the row number the spreadsheet shows (header = 1)
    values: dict[str, object]  # column key → raw cell value (absent columns are missing)


@dataclass
class Roster:
    filename: str
    headers: dict[str, str]  # column key → the header text as written in the file
    rows: list[RosterRow]
    warnings: list[str] = field(default_factory=list)

    def column(self, key: str) -> str:
        """The column's name as the file writes it (for messages)."""
        return self.headers.get(key) or COLUMNS[key][0]


def header_key(text: object) -> str | None:
    """The column key a header cell stands for, or None when it is not a roster column."""
    folded = "".join(ch for ch in str(text or "").casefold() if ch.isalnum())
    return _ALIASES.get(folded)


def read_roster(data: bytes, filename: str, *, max_bytes: int | None = None) -> Roster:
    """Read a roster from the bytes of an uploaded .xlsx or .csv file."""
    return _build(read_table(data, filename, max_bytes=max_bytes), filename)


def read_table(data: bytes, filename: str, *, max_bytes: int | None = None) -> list[tuple[int, tuple]]:
    """The numbered rows of an uploaded .xlsx or .csv file (the header row first), with every
    check of the roster import (size, format, zip bomb, cell length, cell count)."""
    if max_bytes is not None:
        check_size(len(data), max_bytes)
    if not data.strip():
        raise RosterFileError("Berkas kosong: tidak ada baris judul maupun data pegawai.")
    if data.startswith(b"PK\x03\x04"):
        table = _xlsx_rows(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterFileError(
            "Berkas .xls (Excel 97–2003) tidak didukung. Buka di Excel lalu simpan sebagai "
            "Buku Kerja Excel (.xlsx) atau CSV UTF-8."
        )
    elif data.startswith(_OTHER_FORMATS):
        raise RosterFileError(
            "Berkas ini bukan spreadsheet (isinya dokumen, gambar, atau arsip lain). "
            "Unggah berkas Excel (.xlsx) atau CSV."
        )
    elif filename.lower().endswith((".xlsx", ".xlsm")):
        raise RosterFileError(
            "Berkas bernama .xlsx tetapi isinya bukan spreadsheet Excel. Simpan ulang dari Excel "
            "sebagai Buku Kerja Excel (.xlsx)."
        )
    else:
        table = _csv_rows(data)
    return table


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def check_size(size: int, max_bytes: int) -> None:
    """Refuse a file over the import size limit before reading it."""
    if size > max_bytes:
        raise RosterFileError(
            f"Berkas terlalu besar ({_size(size)}); batasnya {_size(max_bytes)}. "
            "Bagi berkas per perangkat daerah, lalu impor satu per satu."
        )


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterFileError("Berkas .xlsx rusak atau tidak lengkap; simpan ulang dari Excel.") from None
    if "xl/workbook.xml" not in names:
        raise RosterFileError(
            "Berkas ini arsip ZIP tetapi bukan spreadsheet Excel (.xlsx). Unggah berkas .xlsx atau .csv."
        )
    if unzipped > MAX_UNZIPPED_BYTES:
        raise RosterFileError("Isi berkas .xlsx terlalu besar untuk diimpor.")
    _scan_xml_parts(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise RosterFileError("Berkas .xlsx tidak memiliki lembar kerja.")
                return _numbered(book.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True))
            finally:
                book.close()
    except RosterFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on malformed parts
        raise RosterFileError("Berkas .xlsx rusak atau tidak dapat dibaca; simpan ulang dari Excel.") from None


def _scan_xml_parts(data: bytes) -> None:
    """Stream every XML part once, in bounded memory, before openpyxl parses it: refuse a cell or
    shared string longer than Excel allows and a sheet of more than MAX_CELLS cells."""
    chunk_size = 1024 * 1024
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.endswith(".xml"):
                continue
            is_sheet = info.filename.startswith("xl/worksheets/")
            run, cells, tail = 0, 0, b""
            with archive.open(info) as part:
                while chunk := part.read(chunk_size):
                    last = chunk.rfind(b"<")
                    if last < 0:
                        run += len(chunk)
                    else:
                        first = chunk.find(b"<")
                        longest = max((len(piece) for piece in chunk[first + 1:last].split(b"<")), default=0)
                        if max(run + first, longest) > MAX_XML_TEXT_BYTES:
                            run = MAX_XML_TEXT_BYTES + 1
                        else:
                            run = len(chunk) - last - 1
                    if run > MAX_XML_TEXT_BYTES:
                        raise RosterFileError(
                            f"Berkas .xlsx memuat sel yang lebih panjang dari {MAX_CELL_CHARACTERS:,} karakter "
                            "(batas Excel); berkas seperti ini tidak diimpor.".replace(",", "."))
                    if is_sheet:
                        window = tail + chunk
                        cells += window.count(b"<c ") + window.count(b"<c>")  # a cell cut by the chunk counts once
                        tail = chunk[-2:]
                        if cells > MAX_CELLS:
                            raise RosterFileError(
                                f"Lembar kerja memuat lebih dari {MAX_CELLS:,} sel; hapus kolom dan baris yang tidak "
                                "dipakai, atau bagi berkas per perangkat daerah.".replace(",", "."))


def _csv_rows(data: bytes):
    if b"\x00" in data:
        raise RosterFileError(
            "Berkas ini bukan spreadsheet: unggah berkas Excel (.xlsx) atau CSV (teks UTF-8)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if _binary_share(data) > 0.01:
            raise RosterFileError(
                "Berkas ini bukan spreadsheet: unggah berkas Excel (.xlsx) atau CSV (teks UTF-8)."
            ) from None
        raise RosterFileError(
            "Berkas CSV harus berenkode UTF-8. Di Excel pilih Simpan Sebagai → "
            "'CSV UTF-8 (dipisahkan koma)', atau unggah berkas .xlsx."
        ) from None
    if _CONTROL.search(text):
        raise RosterFileError(
            "Berkas ini bukan spreadsheet: unggah berkas Excel (.xlsx) atau CSV (teks UTF-8)."
        )
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    if not first_line.count(delimiter):
        raise RosterFileError(
            "Baris judul CSV tidak memuat pemisah kolom (koma atau titik koma); periksa bahwa "
            "berkas ini CSV dengan baris pertama berisi nama kolom."
        )
    try:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _numbered(tuple(values[:MAX_COLUMNS]) for values in records)
    except csv.Error as exc:
        raise RosterFileError(f"Berkas CSV tidak dapat dibaca: {exc}.") from None


def _binary_share(data: bytes) -> float:
    """The share of bytes that never occur in text (controls other than tab and newlines)."""
    sample = data[:65536]
    return sum(1 for b in sample if b < 32 and b not in (9, 10, 13)) / len(sample)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _numbered(rows) -> list[tuple[int, tuple]]:
    """The non-empty rows with their spreadsheet row numbers (header included)."""
    numbered = []
    for number, row in enumerate(rows, start=1):
        if not all(map(_is_empty, row)):
            numbered.append((number, row))
            if len(numbered) > MAX_ROWS + 1:
                raise RosterFileError(f"Berkas berisi lebih dari {MAX_ROWS:,} baris data; "
                                      "bagi per perangkat daerah.".replace(",", "."))
    return numbered


def _build(numbered: list[tuple[int, tuple]], filename: str) -> Roster:
    if not numbered:
        raise RosterFileError("Berkas kosong: tidak ada baris judul maupun data pegawai.")
    header_number, header = numbered[0]
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        if _is_empty(cell):
            continue
        label = " ".join(str(cell).split())
        key = header_key(label)
        if key is None:
            ignored.append(label)
        elif key in positions:
            raise RosterFileError(
                f"Kolom '{COLUMNS[key][0]}' muncul lebih dari sekali di baris judul "
                f"('{headers[key]}' dan '{label}'); hapus salah satunya."
            )
        else:
            positions[key], headers[key] = index, label
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in positions]
    if missing:
        raise RosterFileError(
            f"Kolom wajib tidak ditemukan di baris {header_number} (baris judul): "
            f"{', '.join(missing)}. Kolom yang dikenali: "
            f"{', '.join(headers.values()) or 'tidak ada'}. Gunakan templat impor."
        )
    rows = []
    for number, row in numbered[1:]:
        values = {key: row[i] if i < len(row) else None for key, i in positions.items()}
        if all(map(_is_empty, values.values())):
            continue  # only notes in ignored columns
        rows.append(RosterRow(number, values))
    if not rows:
        raise RosterFileError("Berkas hanya berisi baris judul; tidak ada data pegawai.")
    warnings_ = [f"Kolom '{label}' tidak dikenal dan diabaikan." for label in ignored]
    return Roster(filename=filename, headers=headers, rows=rows, warnings=warnings_)


def cell_text(value: object) -> str:
    """A cell as one line of text: whitespace collapsed; whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_nip(value: object) -> str:
    """The digits of a NIP cell. Excel keeps only 15 significant digits of a number, so a NIP
    that reached us as a decimal or in scientific notation has lost digits: refuse it."""
    retype = ("Format kolom ini sebagai Teks di Excel, lalu ketik ulang NIP-nya "
              "(angka 18 digit tidak dapat disimpan utuh sebagai bilangan).")
    if value is None:
        return ""
    if isinstance(value, bool):
        raise NipError("NIP tidak valid.")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        raise NipError(f"NIP terbaca sebagai bilangan ({value:.6G}) sehingga digit terakhirnya hilang. {retype}")
    text = normalize_nip(value)
    if _SCIENTIFIC.match(text):
        raise NipError(f"NIP tertulis dalam notasi ilmiah ({text}) sehingga digitnya tidak utuh. {retype}")
    return text
