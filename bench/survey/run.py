"""Load benchmark of the public satisfaction survey: one layanan in a fresh database, gunicorn as
deployed (deploy/gunicorn.conf.py) on a free port, and locust's respondents — each opens the form,
answers and sends once a second — at a given rate; print p50/p95/p99 of the form and of the send,
the respondents a second actually served, errors, and how many responses were kept.

    .venv/bin/python bench/survey/run.py --db sqlite --rate 50 --duration 60
    .venv/bin/python bench/survey/run.py --db postgresql --rate 50 --duration 60

The per-address and per-device limits are lifted for the run (every simulated phone comes from
127.0.0.1); everything else is as deployed."""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bench", "load"))
VENV = os.path.join(ROOT, ".venv", "bin")


def main() -> int:
    from run import Server, app_env, psql  # bench/load/run.py

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rate", type=int, default=50, help="respondents a second")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="capaian-bench-survey-")
    try:
        if args.db == "postgresql":
            psql(args.pg_url, 'DROP DATABASE IF EXISTS "capaian_bench_survey"')
            psql(args.pg_url, 'CREATE DATABASE "capaian_bench_survey"')
            url = f"{args.pg_url}/capaian_bench_survey"
        else:
            url = "sqlite:///" + os.path.join(work, "survey.sqlite3")
        uploads = os.path.join(work, "uploads")
        env = app_env(url, uploads)
        subprocess.run([os.path.join(VENV, "flask"), "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        code = seed(url, uploads)
        os.environ.update({"CAPAIAN_SURVEY_ADDRESS_RATE_LIMIT": "1000000 per minute",
                           "CAPAIAN_SURVEY_DEVICE_LIMIT": "1000000 per day"})
        server = Server(url, uploads, os.path.join(work, "gunicorn.log"))
        prefix = os.path.join(work, "locust")
        subprocess.run([os.path.join(VENV, "locust"), "-f", os.path.join(ROOT, "bench", "survey", "locustfile.py"),
                        "--headless", "-u", str(args.rate), "-r", str(max(1, args.rate // 5)), "-t",
                        f"{args.duration}s", "--host", f"http://127.0.0.1:{server.port}", "--csv", prefix,
                        "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING"],
                       cwd=ROOT, env=dict(os.environ, BENCH_SURVEY_CODE=code, BENCH_PACING="1"), check=False,
                       stdout=open(prefix + ".out", "w"), stderr=subprocess.STDOUT)
        peak, _ = server.stop()
        with open(prefix + "_stats.csv") as handle:
            rows = list(csv.DictReader(handle))
        kept = count(url, uploads)
        print(f"{args.db}, {args.rate} respondents a second wanted, {args.duration} s (gunicorn as deployed: "
              f"{os.environ.get('GUNICORN_WORKERS', '4')} workers × {os.environ.get('GUNICORN_THREADS', '2')} threads)")
        print(f"{'request':<28} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
        for row in rows:
            print(f"{row['Name']:<28} {row['Request Count']:>7} {row['Failure Count']:>5} "
                  f"{float(row['Requests/s']):>7.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}")
        print(f"responses kept: {kept:,}; peak RSS per worker: {sorted(round(kb / 1024) for kb in peak.values())} MB")
        if args.db == "postgresql":  # the workers' connections may outlive gunicorn's master by a moment
            psql(args.pg_url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = 'capaian_bench_survey' AND pid <> pg_backend_pid()")
            psql(args.pg_url, 'DROP DATABASE IF EXISTS "capaian_bench_survey"')
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _app(url: str, uploads: str):
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-load-secret-key-0123456789",
                       "UPLOAD_FOLDER": uploads})


def seed(url: str, uploads: str) -> str:
    from app.domain.enums import OrgUnitKind
    from app.extensions import db
    from app.models import OrgUnit
    from app.services.satisfaction import layanan
    from app.services.org.units import ensure_pemda

    app = _app(url, uploads)
    with app.app_context():
        pemda = ensure_pemda("Pemerintah Kabupaten Bench")
        opd = OrgUnit(name="Dinas Kependudukan dan Pencatatan Sipil", kind=OrgUnitKind.OPD, parent=pemda, active=True)
        db.session.add(opd)
        db.session.flush()
        opd.opd_id = opd.id
        from app.models import User
        from app.domain.enums import Role

        admin = User(nip="199001012015011001", role=Role.SUPERADMIN, password_hash=None, display_name="Bench")
        db.session.add(admin)
        db.session.flush()
        service = layanan.create(admin, layanan.ServiceData(unit_id=opd.id, name="Penerbitan KTP-el",
                                                            description=None, period_kind="SEMESTER"))
        db.session.commit()
        code = service.code
        db.engine.dispose()
    return code


def count(url: str, uploads: str) -> int:
    from sqlalchemy import func, select

    from app.extensions import db
    from app.models import SurveyResponse

    app = _app(url, uploads)
    with app.app_context():
        kept = db.session.scalar(select(func.count(SurveyResponse.id))) or 0
        db.engine.dispose()
    return kept


if __name__ == "__main__":
    sys.exit(main())
