"""`flask import-employees`: the roster import from the command line, with a plain-text report."""
from __future__ import annotations

import os
from typing import Callable

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.services import ServiceError
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.plan import ImportPlan, ImportResult
from app.services.roster.reader import RosterFileError, check_size, read_roster

NOTHING_WRITTEN = "Tidak ada yang ditulis."


def run_import(path: str, *, dry_run: bool, deactivate_missing: bool, echo: Callable[[str], object]) -> int:
    """Check a roster file and import it (all rows or none); the exit code: 0 done, 1 refused."""
    name = os.path.basename(path)
    max_bytes = current_app.config["IMPORT_MAX_BYTES"]
    try:
        check_size(os.path.getsize(path), max_bytes)
        with open(path, "rb") as handle:
            roster = read_roster(handle.read(), name, max_bytes=max_bytes)
    except (RosterFileError, OSError) as error:
        echo(f"Berkas {name} tidak dapat diimpor: {error}")
        echo(NOTHING_WRITTEN)
        return 1
    plan = plan_import(None, roster)
    for line in report_lines(plan):
        echo(line)
    if not plan.valid:
        db.session.rollback()
        echo(f"Impor dibatalkan: {len(plan.errors)} galat di {plan.error_rows} baris. {NOTHING_WRITTEN}")
        return 1
    if dry_run:
        for line in summary_lines(plan, deactivate_missing=deactivate_missing, done=None):
            echo(line)
        db.session.rollback()
        echo("Uji coba (--dry-run): berkas valid; tidak ada yang ditulis.")
        return 0
    try:
        result = apply_import(None, plan, deactivate_missing=deactivate_missing)
        db.session.commit()
    except (ServiceError, SQLAlchemyError) as error:
        db.session.rollback()
        echo(f"Impor gagal ditulis: {getattr(error, 'message', error)}. {NOTHING_WRITTEN}")
        return 1
    for line in summary_lines(plan, deactivate_missing=deactivate_missing, done=result):
        echo(line)
    echo("Impor selesai.")
    return 0


def report_lines(plan: ImportPlan) -> list[str]:
    """Errors, warnings and (for a valid file) what would change, one line each."""
    lines = [f"Berkas {plan.filename}: {plan.total_rows} baris data."]
    if plan.errors:
        lines.append(f"Galat ({len(plan.errors)} di {plan.error_rows} baris):")
        lines += [str(error) for error in plan.errors if error.row is None]
        lines += [str(error) for error in plan.row_errors]
    if plan.warnings:
        lines.append("Peringatan:")
        lines += [f"  - {warning}" for warning in plan.warnings]
    if not plan.valid:
        return lines
    lines += _section("Perangkat daerah baru", [f"  + {name}" for name in plan.new_opds])
    lines += _section("Unit kerja baru", [f"  + {name}" for name in plan.new_units])
    lines += _section("Pegawai baru", [f"  + {p.nip} {p.name} — {p.position}, {p.unit_label}" for p in plan.creates])
    for title, changes in (("Diubah", plan.updates), ("Diaktifkan kembali", plan.reactivations)):
        body = []
        for change in changes:
            body.append(f"  ~ {change.nip} {change.name} (baris {change.row})")
            body += [f"      {f.label}: {f.old} → {f.new}" for f in change.changes]
        lines += _section(title, body, count=len(changes))
    lines += _section("Tidak ada di berkas", [f"  - {p.nip} {p.name} — {p.unit_label}" for p in plan.missing])
    return lines


def _section(title: str, body: list[str], count: int | None = None) -> list[str]:
    return [f"{title} ({len(body) if count is None else count}):"] + body if body else []


def summary_lines(plan: ImportPlan, *, deactivate_missing: bool, done: ImportResult | None) -> list[str]:
    """The counts: of the plan (dry run) or of what was written."""
    if deactivate_missing:
        missing = f"dinonaktifkan: {done.deactivated}" if done else f"akan dinonaktifkan: {len(plan.missing)}"
    else:
        missing = f"tidak ada di berkas: {len(plan.missing)}" + (
            " (tidak dinonaktifkan; tambahkan --deactivate-missing untuk menonaktifkan)" if plan.missing else "")
    return [
        "Ringkasan:",
        f"  dibuat: {done.created if done else len(plan.creates)}",
        f"  diubah: {done.updated if done else len(plan.updates)}",
        f"  tidak berubah: {plan.unchanged}",
        f"  diaktifkan kembali: {done.reactivated if done else len(plan.reactivations)}",
        f"  {missing}",
        f"  unit baru: {done.new_units if done else len(plan.new_units)}",
        f"  perangkat daerah baru: {done.new_opds if done else len(plan.new_opds)}",
    ]
