"""The pemantauan, rekap predikat and follow-up lists as .xlsx: per sheet a header row and one row
per line of the page, with the same numbers (percentages as numbers in percent format, NIPs as
text); a "Keterangan" sheet says what was exported, for which period and when."""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from flask_babel import get_timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.scoring import Predikat
from app.models import AppraisalYear, OrgUnit, Period
from app.models.base import utcnow
from app.services.monitoring.monitoring import LATE, PROGRESS_STATES, STATES, PegawaiState, Progress
from app.services.monitoring.recap import FollowUpLists, OpdRecap, Results
from app.services.roster.sheets import XLSX_MIMETYPE

__all__ = ["XLSX_MIMETYPE", "follow_up_workbook", "monitoring_workbook", "pegawai_workbook", "recap_workbook"]

NIP_HEADER = "NIP"


def _local(value: dt.datetime | None) -> dt.datetime | None:
    """Excel has no time zones: the time as read in the kabupaten (WIB)."""
    return value.astimezone(get_timezone()).replace(tzinfo=None) if value is not None else None


def _fraction(value) -> float | None:
    """A percentage (95.3) as the fraction Excel shows as "95,3%"."""
    return None if value is None else round(float(value) / 100, 4)


def _table(sheet, headers: Sequence[str], rows: Iterable[Sequence], *, widths: Sequence[int],
           percent: Iterable[str] = ()) -> None:
    """Headers in bold, rows below; text never becomes a formula; NIP stays text; the columns named
    in `percent` show as percentages."""
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, width in enumerate(widths):
        sheet.column_dimensions[sheet.cell(row=1, column=n + 1).column_letter].width = width
    percent = {headers.index(name) for name in percent}
    nip = headers.index(NIP_HEADER) if NIP_HEADER in headers else None
    for values in rows:
        sheet.append(list(values))
        for n, cell in enumerate(sheet[sheet.max_row]):
            if cell.data_type == "f":
                cell.data_type = "s"  # a value that starts with "=" is text, never a formula
            if n in percent:
                cell.number_format = "0.0%"
            elif n == nip:
                cell.number_format = "@"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _about(book: Workbook, lines: list[tuple[str, str]]) -> None:
    sheet = book.create_sheet("Keterangan")
    for label, text in [*lines, ("Diunduh", f"{_local(utcnow()):%d-%m-%Y %H:%M} WIB")]:
        sheet.append([label, text])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 110
    for row in sheet.iter_rows():
        row[0].font = Font(bold=True)


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- pemantauan -------------------------------------------------------------------------------

MONITORING_HEADERS = ["Perangkat Daerah", "Pegawai aktif", "SKP disetujui", "% SKP disetujui"]
for _key in (*PROGRESS_STATES, LATE):
    _label = STATES[_key][0] if _key in STATES else "Terlambat"
    MONITORING_HEADERS += [_label, f"% {_label}"]


def _progress_row(row: Progress) -> list:
    values = [row.name, row.active, row.with_skp, _fraction(row.share("skp"))]
    for key in (*PROGRESS_STATES, LATE):
        values += [row.count(key), _fraction(row.share(key))]
    return values


def monitoring_workbook(rows: list[Progress], total: Progress, period: Period) -> bytes:
    """One row per OPD and the total, as on the page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Pemantauan"
    _table(sheet, MONITORING_HEADERS, [_progress_row(r) for r in [*rows, total]],
           widths=[48] + [13] * (len(MONITORING_HEADERS) - 1),
           percent=[h for h in MONITORING_HEADERS if h.startswith("% ")])
    _about(book, [("Laporan", "Pemantauan penilaian periode per perangkat daerah"), ("Periode", period.title),
                  ("Persentase", "SKP disetujui: dari pegawai aktif. Keadaan lain dan terlambat: dari pegawai "
                                 "aktif dengan SKP disetujui.")])
    return _save(book)


PEGAWAI_HEADERS = ["Nama", NIP_HEADER, "Jabatan", "Unit kerja", "Keadaan", "Terlambat", "Diajukan pada",
                   "Dinilai pada", "Predikat periode"]


def pegawai_workbook(opd: OrgUnit, period: Period, states: list[PegawaiState]) -> bytes:
    """Every active pegawai of one OPD with their state in the period."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Pegawai"
    rows = []
    for s in states:
        a = s.assessment
        rows.append([s.employee.name, s.employee.nip, s.employee.position, s.employee.unit.name, s.label,
                     "ya" if a is not None and a.late else "", _local(a.submitted_at) if a else None,
                     _local(a.reviewed_at) if a else None, a.predikat.label if a and a.predikat else ""])
    _table(sheet, PEGAWAI_HEADERS, rows, widths=[36, 21, 44, 40, 22, 10, 17, 17, 18])
    _about(book, [("Laporan", "Pemantauan penilaian periode: pegawai aktif"), ("Perangkat Daerah", opd.name),
                  ("Periode", period.title)])
    return _save(book)


# --- rekap predikat ---------------------------------------------------------------------------

RECAP_HEADERS = ["Perangkat Daerah", "Predikat organisasi", "Capaian organisasi (%)",
                 *[p.label for p in Predikat], "Jumlah diserahkan", *[f"% {p.label}" for p in Predikat],
                 "Draf (belum diserahkan)", "Kurva", "Ketidaksesuaian kurva"]


def _recap_row(row: OpdRecap) -> list:
    result = row.result
    return [row.name, row.org_predikat.label if row.org_predikat else "",
            float(result.capaian) if result is not None and result.capaian is not None else None,
            *[row.counts[p] for p in Predikat], row.total, *[_fraction(row.share(p)) for p in Predikat],
            row.drafts, row.verdict[0], " ".join(row.violations)]


def recap_workbook(year: AppraisalYear, rows: list[OpdRecap], total: OpdRecap, results: Results) -> bytes:
    """The recap per OPD and the total, the curve's limits, and the pegawai lists of RULES.md §8."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap predikat"
    _table(sheet, RECAP_HEADERS, [_recap_row(r) for r in [*rows, total]],
           widths=[48, 18, 14] + [12] * 11 + [14, 26, 90], percent=[h for h in RECAP_HEADERS if h.startswith("% ")])
    _table(book.create_sheet("Batas kurva"),
           ["Perangkat Daerah", "Predikat organisasi", "Predikat pegawai", "Aturan", "Batas (pegawai)",
            "Saat ini (pegawai)", "Sesuai"],
           [[r.name, r.org_predikat.label, limit.label, limit.rule, limit.limit, limit.have,
             "ya" if limit.ok else "tidak"] for r in rows for limit in r.limits],
           widths=[48, 18, 36, 34, 14, 14, 8])
    names = {r.opd_id: r.name for r in rows}
    previous = f"Predikat {year.year - 1}"
    _table(book.create_sheet("Kenaikan pangkat"),
           ["Perangkat Daerah", "Nama", NIP_HEADER, "Jabatan", f"Predikat {year.year}", previous, "Belum memenuhi",
            "Keberatan berjalan"],
           [[names.get(r.employee.unit.opd_id, ""), r.employee.name, r.employee.nip, r.employee.position,
             r.predikat.label, r.previous.label if r.previous else "belum tercatat", r.promotion_problem,
             "ya" if r.objection_open else ""] for r in results.promotion],
           widths=[40, 36, 21, 44, 16, 16, 50, 12])
    _table(book.create_sheet("Angka kredit"),
           ["Perangkat Daerah", "Nama", NIP_HEADER, "Jabatan", "Predikat", "Angka kredit (% koefisien tahunan)"],
           [[names.get(r.employee.unit.opd_id, ""), r.employee.name, r.employee.nip, r.employee.position,
             r.predikat.label, _fraction(r.angka_kredit)] for r in results.fungsional],
           widths=[40, 36, 21, 44, 16, 20], percent=["Angka kredit (% koefisien tahunan)"])
    _about(book, [("Laporan", f"Rekap predikat kinerja pegawai {year.year} per perangkat daerah"),
                  ("Yang dihitung", "Hasil evaluasi tahunan yang sudah diserahkan kepada pegawai; draf dihitung "
                                    "terpisah. Kurva: RULES §5 (batas maksimum dibulatkan ke bawah, minimum ke atas)."),
                  ("Kenaikan pangkat", "Memerlukan predikat paling rendah Baik dalam dua tahun terakhir; daftar "
                                       "memuat pegawai yang belum memenuhi menurut data di aplikasi."),
                  ("Angka kredit", "Jabatan fungsional: koefisien tahunan × 150/100/75/50/25 % untuk Sangat Baik/"
                                   "Baik/Butuh Perbaikan/Kurang/Sangat Kurang.")])
    return _save(book)


# --- follow-up lists --------------------------------------------------------------------------

FOLLOW_UP_HEADERS = ["Perangkat Daerah", "Nama", NIP_HEADER, "Jabatan", "Unit kerja", "Predikat",
                     "Program tindak lanjut", "Uraian", "Keberatan"]


def _follow_up_rows(lists: FollowUpLists, evaluations) -> list[list]:
    rows = []
    for e in evaluations:
        programmes = "; ".join(f.programme.label for f in e.follow_ups) or "Belum ditetapkan"
        notes = "; ".join(f.note for f in e.follow_ups if f.note)
        objection = e.objection.status.label if e.objection is not None else ""
        rows.append([lists.opd_name(e), e.employee.name, e.employee.nip, e.employee.position, e.employee.unit.name,
                     e.predikat.label, programmes, notes, objection])
    return rows


def follow_up_workbook(year: AppraisalYear, lists: FollowUpLists, scope: str) -> bytes:
    """The recognition list and the development list, one sheet each."""
    book = Workbook()
    widths = [40, 36, 21, 40, 36, 18, 28, 60, 24]
    sheet = book.active
    sheet.title = "Penghargaan"
    _table(sheet, FOLLOW_UP_HEADERS, _follow_up_rows(lists, lists.recognition), widths=widths)
    _table(book.create_sheet("Pengembangan"), FOLLOW_UP_HEADERS, _follow_up_rows(lists, lists.development),
           widths=widths)
    _about(book, [("Laporan", f"Tindak lanjut hasil evaluasi kinerja tahunan {year.year}"),
                  ("Perangkat Daerah", scope),
                  ("Penghargaan", "Pegawai berpredikat Sangat Baik."),
                  ("Pengembangan", "Pegawai berpredikat Butuh Perbaikan, Kurang/Misconduct atau Sangat Kurang, "
                                   "dengan program pengembangan kompetensi yang direkomendasikan.")])
    return _save(book)
