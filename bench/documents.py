"""Benchmark of issuing documents: load the demo kabupaten (or use a given database), then time
issuing one document of each kind (snapshot + render + sign + store, median of N different
pegawai), reusing an unchanged one, and the batch ZIP of the largest OPD; print a table.

    .venv/bin/python bench/documents.py                  # demo in a temporary SQLite, N = 5
    .venv/bin/python bench/documents.py --runs 9 --sign  # with a PAdES signature (self-signed test cert)
    .venv/bin/python bench/documents.py --database-url postgresql+psycopg://postgres@127.0.0.1/capaian_bench

With --database-url the database must hold the demo (or real data) already; the benchmark issues
documents into it (they are real issued documents: use a copy).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import func, select  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="use this database (with data) instead of a fresh demo")
    parser.add_argument("--runs", type=int, default=5, help="documents per kind (median of N)")
    parser.add_argument("--sign", action="store_true", help="sign with a self-signed PAdES test certificate")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--export-processes", default="0",
                        help="render processes of the ZIP, comma-separated to compare (0 = one per core; 1 = in the job's thread)")
    parser.add_argument("--render-processes", type=int, default=1,
                        help="render processes for a single document (0 = in the caller, as before the pool)")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="capaian-bench-docs-")
    try:
        return run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def run(args, workdir: str) -> int:
    from flask_migrate import upgrade

    from app import create_app
    from app.domain.enums import AssessmentStatus, DocumentKind, EvaluationStatus, JobStatus, OrgUnitKind, Role
    from app.domain.skp import PlanStatus
    from app.extensions import db
    from app.models import (
        AnnualEvaluation, AppraisalYear, Assessment, Employee, ExportJob, OrgUnit, Period, Plan, User,
    )
    from app.services.documents import export
    from app.services.documents import issue as docs
    from app.seed.demo.story import seed_demo
    from app.services.years import current_year

    url = args.database_url or "sqlite:///" + os.path.join(workdir, "bench.sqlite3")
    config = {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-secret-key-0123456789",
              "UPLOAD_FOLDER": os.path.join(workdir, "uploads"), "DOCUMENT_FOLDER": os.path.join(workdir, "documents"),
              "EXPORT_FOLDER": os.path.join(workdir, "exports"), "EXPORT_JOBS_INLINE": True,
              "BASE_URL": "https://capaian.bench.example", "RENDER_PROCESSES": args.render_processes}
    app = create_app(config)
    with app.app_context():
        if args.database_url is None:
            upgrade()
            _, seeded = _timed(lambda: (seed_demo(), db.session.commit()))
            print(f"demo seeded in {seeded:.1f} s")
        if args.sign:
            from app.services.documents.signing import create_self_signed

            path = os.path.join(workdir, "signing.p12")
            create_self_signed(path, "bench-passphrase", organisation="Bench")
            app.config.update(SIGNING_P12_PATH=path, SIGNING_P12_PASSPHRASE="bench-passphrase")
        year = current_year() or db.session.scalar(select(AppraisalYear).order_by(AppraisalYear.year.desc()).limit(1))
        admin = db.session.scalar(select(User).where(User.role == Role.SUPERADMIN).limit(1))

        # The largest OPD by active pegawai, for the ZIP; the single documents come from the others.
        counts = dict(db.session.execute(
            select(OrgUnit.opd_id, func.count(Employee.id)).join(Employee, Employee.unit_id == OrgUnit.id)
            .where(Employee.active.is_(True), OrgUnit.opd_id.is_not(None)).group_by(OrgUnit.opd_id)).all())
        largest = db.session.get(OrgUnit, max(counts, key=counts.get))
        others = select(Employee.id).join(OrgUnit, Employee.unit_id == OrgUnit.id).where(OrgUnit.opd_id != largest.id)

        n = args.runs
        first_period = next(p for p in year.periods if not p.is_final)
        sources = {
            "skp": list(db.session.scalars(select(Plan).where(Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED,
                                                              Plan.employee_id.in_(others)).limit(n))),
            "evaluasi (periode)": list(db.session.scalars(select(Assessment).join(Period).where(
                Assessment.period_id == first_period.id, Assessment.status == AssessmentStatus.APPROVED,
                Assessment.employee_id.in_(others)).limit(n))),
            "evaluasi (akhir)": list(db.session.scalars(select(AnnualEvaluation).where(
                AnnualEvaluation.year_id == year.id, AnnualEvaluation.status == EvaluationStatus.HANDED_OVER,
                AnnualEvaluation.employee_id.in_(others)).limit(n))),
        }
        sources["dokumen-evaluasi"] = list(sources["evaluasi (akhir)"])
        opds = list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD).order_by(OrgUnit.id)))
        sources["rekap"] = [(o, year) for o in opds[:n]]
        kinds = {"skp": DocumentKind.SKP, "evaluasi (periode)": DocumentKind.EVALUASI,
                 "evaluasi (akhir)": DocumentKind.EVALUASI, "dokumen-evaluasi": DocumentKind.DOKUMEN_EVALUASI,
                 "rekap": DocumentKind.REKAP}

        rows = []
        for label, items in sources.items():
            if not items:
                rows.append((label, 0, None, None, None, None))
                continue
            kind = kinds[label]
            snapshot_times, issue_times, reuse_times, sizes_kb = [], [], [], []
            for source in items:
                _, took = _timed(lambda: docs.build_snapshot(kind, source))
                snapshot_times.append(took)
                document, took = _timed(lambda: docs.issue(kind, source, user=admin))
                db.session.commit()
                issue_times.append(took)
                sizes_kb.append(document.size / 1024)
                again, took = _timed(lambda: docs.issue(kind, source, user=admin))
                assert again.id == document.id
                reuse_times.append(took)
            rows.append((label, len(items), statistics.median(snapshot_times), statistics.median(issue_times),
                         statistics.median(reuse_times), statistics.median(sizes_kb)))

        print(f"\ndatabase {url.split(':', 1)[0]}, year {year.year}, signed: {'yes' if args.sign else 'no'}")
        print(f"{'document':<20} {'n':>3} {'snapshot':>10} {'issue (new)':>12} {'reuse':>8} {'PDF size':>9}")
        for label, count, snap, issue, reuse, size in rows:
            if not count:
                print(f"{label:<20} {0:>3}   (no source in this database)")
                continue
            print(f"{label:<20} {count:>3} {snap * 1000:>8.0f} ms {issue * 1000:>9.0f} ms {reuse * 1000:>5.0f} ms "
                  f"{size:>6.0f} KB")

        # The ZIP of the largest OPD: SKP (most pegawai have one), first fresh, then all reused; with
        # each number of render processes asked for (the documents made by one run are withdrawn
        # before the next, so that each renders them all anew).
        from app.models import Document
        from app.services.documents.render_pool import export_processes

        for processes in [int(p) for p in args.export_processes.split(",")]:
            app.config["EXPORT_PROCESSES"] = processes
            db.session.execute(Document.__table__.delete().where(
                Document.kind == DocumentKind.SKP, Document.opd_id == largest.id))
            db.session.commit()
            _zip(app, export, admin, largest, year, db, ExportJob, JobStatus, DocumentKind,
                 f"{export_processes(app)} render process(es)")
        db.session.remove()
        db.engine.dispose()
    return 0


def _zip(app, export, admin, largest, year, db, ExportJob, JobStatus, DocumentKind, label: str) -> None:
    for attempt in ("new", "reused"):
        job = export.create(admin, largest, year, DocumentKind.SKP, None)
        db.session.commit()
        _, took = _timed(lambda: export.start(app, job.id, "https://capaian.bench.example"))
        db.session.expire_all()
        job = db.session.get(ExportJob, job.id)
        assert job.status == JobStatus.DONE, job.message
        size = os.path.getsize(export.path_for(job.stored_name)) / 1024 / 1024
        written = job.message.split(" ", 1)[0]
        print(f"ZIP {largest.name} (SKP, {attempt}, {label}): {job.total} pegawai, {written} PDF, {size:.1f} MB "
              f"in {took:.1f} s ({took / max(job.total, 1) * 1000:.0f} ms per pegawai)")


if __name__ == "__main__":
    sys.exit(main())
