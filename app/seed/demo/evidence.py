"""Bukti dukung of the demo's period assessments: tiny files made from scratch — a one-page PDF
report and a PNG bar chart, each well under 1.5 KB, pure functions of their input (no clock, no
outside files) — stored through evidence_store like any upload, and links to the kabupaten's
archive, shared folders and news pages (checked like the form's links)."""
from __future__ import annotations

import datetime as dt
import random
import re
import struct
import zlib
from decimal import Decimal

from app.domain.enums import EvidenceKind
from app.extensions import db
from app.models import Employee, Indicator, Period, WorkResult
from app.seed.demo import assessment_data as text
from app.seed.demo import names
from app.seed.demo.plan import DemoPlan
from app.services.assessments import evidence_store
from app.services.assessments.rows import compute

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
_PDF_FALLBACK = {"≤": "<=", "≥": ">=", "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"}


def _pdf_text(text: str) -> bytes:
    """A PDF string literal in WinAnsi (Latin) encoding, with ( ) \\ escaped."""
    text = "".join(_PDF_FALLBACK.get(ch, ch) for ch in text)
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def pdf_report(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF (1.4): a bold title, a rule, and the lines below it (wrapped)."""
    body = [b"BT /F2 14 Tf 56 780 Td 16 TL"]
    body += [_pdf_text(part) + b" Tj T*" for part in _wrap(title, 60)]
    body += [b"/F1 10 Tf 14 TL T*"]
    for line in lines:
        body += [_pdf_text(part) + b" Tj T*" for part in (_wrap(line, 90) or [""])]
    body += [b"ET", b"0.6 w 56 770 m 539 770 l S"]
    stream = zlib.compress(b"\n".join(body), 9)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources<</Font<</F1 4 0 R/F2 5 0 R>>>>"
        b"/Contents 6 0 R>>" % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>",
        b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<</Title" + _pdf_text(title) + b"/Producer(Capaian - data demo)>>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return bytes(out)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_chart(bars: list[float], color: tuple[int, int, int], *, width: int = 160, height: int = 100) -> bytes:
    """A valid RGB PNG: a coloured header band and one bar per value (0–1.2 of the target, the
    target drawn as a dashed grey line), e.g. the monthly realisasi of a quarter."""
    background, grey = bytes((248, 249, 251)), bytes((150, 156, 166))
    band, fill = bytes(max(0, c - 40) for c in color), bytes(color)
    top, base, target_y, margin = 10, height - 10, height - 70, 10
    slot = (width - 2 * margin) // max(1, len(bars))
    gap = slot // 5
    tops = [base - int(min(max(value, 0.0), 1.2) * 60) for value in bars]
    rows = []
    for y in range(height):
        if y < top:
            row = band * width
        elif y == base:
            row = grey * width
        else:
            row = bytearray(background * width)
            if y == target_y:
                row[:] = (grey * 2 + background * 2) * (width // 4) + background * (width % 4)
            for n, bar_top in enumerate(tops):
                if bar_top <= y < base:
                    left = margin + n * slot + gap
                    row[3 * left:3 * (left + slot - 2 * gap)] = fill * (slot - 2 * gap)
        rows.append(b"\x00" + bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


# --- stored bukti dukung ----------------------------------------------------------------------

COLORS = ((46, 125, 50), (21, 101, 192), (239, 108, 0), (106, 27, 154), (0, 131, 143))


def number_text(value: Decimal) -> str:
    """1234.5 -> "1.234,5" (Indonesian notation) for the generated reports."""
    whole, _, fraction = f"{value:f}".partition(".")
    sign, whole = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    fraction = fraction.rstrip("0")
    return f"{sign}{int(whole):,}".replace(",", ".") + (f",{fraction}" if fraction else "")


def slug(value: str, limit: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:limit].rstrip("-")


def shorten(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a word."""
    if len(value) <= limit:
        return value
    return value[:limit + 1].rsplit(" ", 1)[0].rstrip(" ,(")


class EvidenceMaker:
    """Makes one bukti dukung (as the values of a bulk insert) for a realisasi of the demo."""

    def __init__(self, rng: random.Random, demo: DemoPlan, employees: list[Employee], year: int, count: int):
        self.rng, self.demo, self.year, self.count = rng, demo, year, count
        self.index_of = {e.id: n for n, e in enumerate(employees)}
        self.files = self.links = 0

    def make(self, kind: str, employee: Employee, period: Period, result: WorkResult, indicator: Indicator,
             realization: dict, approach, at: dt.datetime) -> dict:
        """kind: pdf, png or link."""
        evidence = {"kind": EvidenceKind.LINK, "url": None, "original_name": None, "stored_name": None,
                    "mime": None, "size": None, "sha256": None, "uploaded_by_id": employee.user.id, "created_at": at}
        if kind == "link":
            self.links += 1
            evidence["url"] = evidence_store.check_link(self._link(employee, period, result, indicator))
            return evidence
        short = shorten(re.sub(r'[<>:"/\\|?*]+', " ", indicator.text), 60)
        if kind == "pdf":
            data = pdf_report(f"Laporan Realisasi Kinerja {period.title}",
                              self._report_lines(employee, period, result, indicator, realization, approach))
            name = f"Laporan {period.label} {self.year} - {short}.pdf"
        else:
            level = float(realization["capaian"] or 100) / 100
            data = png_chart([level * self.rng.uniform(0.9, 1.1) for _ in range(3)],
                             COLORS[indicator.position % len(COLORS)])
            name = f"Grafik realisasi {period.label} {self.year} - {short}.png"
        stored = evidence_store.store(db.session, data, name)  # checked and cleaned up like an upload
        self.files += 1
        evidence.update(kind=EvidenceKind.FILE, stored_name=stored.stored_name, original_name=stored.original_name,
                        mime=stored.mime, size=stored.size, sha256=stored.sha256)
        return evidence

    def _report_lines(self, employee, period, result, indicator, realization: dict, approach) -> list[str]:
        unit, opd = self._unit(employee)
        lines = [f"Indikator kinerja individu: {indicator.text}", f"Rencana hasil kerja: {result.text}", "",
                 f"Pegawai: {employee.name}, NIP {employee.nip}", f"Jabatan: {employee.position}",
                 f"Unit kerja: {unit if unit == opd else f'{unit}, {opd}'}", ""]
        if realization["value"] is not None:
            target, _high, _capaian = compute(indicator, period, {period.number: realization["value"]},
                                              self.count, approach)
            measure = indicator.unit or ""
            lines.append(f"Realisasi {period.label}: {number_text(realization['value'])} {measure}".rstrip())
            if target is not None:
                so_far = "sampai triwulan ini" if indicator.cumulative else "triwulan ini"
                lines.append(f"Target {so_far}: {number_text(target.quantize(Decimal('0.01')))} {measure}".rstrip())
        elif realization["narrative"]:
            lines.append(f"Realisasi {period.label}: {realization['narrative']}")
        return [*lines, "", text.PDF_FOOTER]

    def _unit(self, employee: Employee) -> tuple[str, str]:
        unit = self.demo.units[self.demo.people[self.index_of[employee.id]].unit]
        return unit.name, self.demo.units[unit.opd].name

    def _link(self, employee: Employee, period: Period, result: WorkResult, indicator: Indicator) -> str:
        rng = self.rng
        token, draw = f"{rng.getrandbits(40):010x}", rng.random()
        if draw < 0.75:
            kinds = text.LINK_KINDS.get(indicator.aspect.name if indicator.aspect else "", ("laporan",))
            return text.ARCHIVE.format(domain=names.MAIL_DOMAIN, opd=slug(self._unit(employee)[1]), year=self.year,
                                       number=period.number, kind=rng.choice(kinds), token=token)
        if draw < 0.9:
            return text.SHARED.format(domain=names.MAIL_DOMAIN, token=token)
        return text.NEWS.format(domain=names.MAIL_DOMAIN, year=self.year, month=period.end_date.month,
                                slug=slug(result.text))
