"""Roster spreadsheets built in code for the import tests, and a way to count what was written."""
from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl import Workbook
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent, Employee, OrgUnit, User
from tests.factories import make_nip

HEADERS = ["NIP", "Nama", "Status Kepegawaian", "Pangkat/Golongan", "Jabatan", "Jenis Jabatan",
           "Perangkat Daerah", "Unit Kerja", "NIP Atasan", "Email"]


def person(nip: str, name: str, *, status: str = "PNS", grade: str | None = None, position: str = "Analis Kebijakan",
           kind: str = "Pelaksana", opd: str = "Dinas Kesehatan", unit: str = "", boss: str = "",
           email: str = "") -> list:
    """One roster row in HEADERS order."""
    if grade is None:
        grade = "Penata (III/c)" if status == "PNS" else "IX"
    return [nip, name, status, grade, position, kind, opd, unit, boss, email]


def xlsx_bytes(rows: list[list], headers: list[str] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_with_exact_integer(rows: list[list], nip: str) -> bytes:
    """An .xlsx whose cell holds `nip` as the exact integer (as some exporters write it), not
    as text and not in the float form openpyxl would write."""
    data = xlsx_bytes([[int(v) if v == nip else v for v in row] for row in rows])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<v>[0-9.]+e\+17</v>", f"<v>{nip}</v>".encode(), content)
                assert f"<v>{nip}</v>".encode() in content
            target.writestr(item, content)
    return out.getvalue()


def csv_bytes(rows: list[list], headers: list[str] = HEADERS, *, delimiter: str = ",", bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def nips(count: int) -> list[str]:
    return [make_nip() for _ in range(count)]


def tree_rows(n: list[str] | None = None) -> list[list]:
    """A small kabupaten: Sekda (JPT, no atasan) → Kadis → Sekretaris → Kasubbag → staff."""
    n = n or nips(7)
    return [
        person(n[0], "Endang Sembiring", grade="Pembina Utama Muda (IV/c)", position="Sekretaris Daerah",
               kind="JPT", opd="Sekretariat Daerah"),
        person(n[1], "Taufik Wijaya, M.M.", grade="IV/b", position="Kepala Dinas Kesehatan", kind="JPT", boss=n[0]),
        person(n[2], "Dewi Rahmawati", grade="Pembina (IV/a)", position="Sekretaris Dinas", kind="Administrator",
               unit="Sekretariat", boss=n[1]),
        person(n[3], "Candra Rahmawati, S.E.", grade="Penata Tingkat I (III/d)", position="Kepala Subbagian Umum",
               kind="Pengawas", unit="Sekretariat / Subbagian Umum", boss=n[2], email="candra@example.go.id"),
        person(n[4], "Arif Hakim", grade="Pengatur (II/c)", position="Pengolah Data", unit="Sekretariat / Subbagian Umum",
               boss=n[3]),
        person(n[5], "Novi Hasibuan", status="PPPK", grade="IX", position="Pengadministrasi Perkantoran",
               unit="Sekretariat / Subbagian Umum", boss=n[3]),
        person(n[6], "Oki Pratama", status="PPPK", grade="", position="Perawat Ahli Pertama", kind="Fungsional",
               unit="UPTD Puskesmas Muara Bungo", boss=n[1]),
    ]


def counts() -> dict[str, int]:
    """How many rows each table the import writes has (to prove nothing was written)."""
    return {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Employee, User, OrgUnit, AuditEvent)
    }
