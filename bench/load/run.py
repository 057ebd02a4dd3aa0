"""Load benchmark: seed a kabupaten (seed-scale, cached), serve it with gunicorn as deployed
(deploy/gunicorn.conf.py: 4 workers × 2 threads) on a free port, drive it with locust at each
number of users, and print per page p50/p95/p99, throughput, errors and the ratio to the floor
page, the RSS of each gunicorn worker, and the time to import a 10,000-row roster.

    .venv/bin/python bench/load/run.py --db sqlite --employees 10000 --users 10,50
    .venv/bin/python bench/load/run.py --db postgresql --employees 10000 --users 10,50 --duration 60

The seeded database is cached under instance/bench/ (SQLite: a file; PostgreSQL: a template
database capaian_bench_tpl_*), keyed on N, seed, year and the migration head; every level starts
from a fresh copy, so the forms submitted at one level never change the next. --rebuild seeds
again. PostgreSQL needs a server where --pg-url's user may create databases.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
VENV = os.path.join(ROOT, ".venv", "bin")
CACHE = os.path.join(ROOT, "instance", "bench")
SECRET = "bench-load-secret-key-0123456789"


def migration_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", os.path.join(ROOT, "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


def app_env(url: str, uploads: str) -> dict:
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET, CAPAIAN_UPLOAD_FOLDER=uploads,
               CAPAIAN_BENCH_FLOOR_PAGE="true", GUNICORN_LOGLEVEL="warning",
               MALLOC_ARENA_MAX=os.environ.get("MALLOC_ARENA_MAX", "2"),  # as deploy/capaian.service
               # every simulated user comes from 127.0.0.1: the per-IP login limit would stop them
               CAPAIAN_LOGIN_RATE_LIMIT="100000 per minute", CAPAIAN_VERIFY_RATE_LIMIT="100000 per minute")
    return env


def flask(env: dict, *args: str) -> str:
    result = subprocess.run([os.path.join(VENV, "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def psql(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as conn:
        conn.execute(sql)


class Database:
    """The cached seeded database and a fresh working copy of it per level."""

    def __init__(self, args):
        self.args, self.kind = args, args.db
        key = f"{args.employees}-{args.seed}-{args.year}-{args.daily_days}-{migration_head()}"
        self.cache = os.path.join(CACHE, f"{self.kind}-{key}")
        self.template = f"capaian_bench_tpl_{key}".replace("-", "_").lower()
        self.seed_seconds: float | None = None

    def url(self, work: bool) -> str:
        if self.kind == "sqlite":
            return "sqlite:///" + os.path.join(self.cache if not work else self.cache + "-run", "capaian.sqlite3")
        return f"{self.args.pg_url}/{'capaian_bench_run' if work else self.template}"

    def prepare(self) -> None:
        ready = os.path.join(self.cache, "ready")
        if self.args.rebuild and os.path.exists(ready):
            os.remove(ready)
        if os.path.exists(ready):
            return
        shutil.rmtree(self.cache, ignore_errors=True)
        os.makedirs(self.cache)
        if self.kind == "postgresql":
            psql(self.args.pg_url, f'DROP DATABASE IF EXISTS "{self.template}"')
            psql(self.args.pg_url, f'CREATE DATABASE "{self.template}"')
        env = app_env(self.url(False), os.path.join(self.cache, "uploads"))
        flask(env, "db", "upgrade")
        started = time.perf_counter()
        print(flask(env, "seed-scale", "--employees", str(self.args.employees), "--year", str(self.args.year),
                    "--seed", str(self.args.seed), "--daily-days", str(self.args.daily_days)).strip())
        self.seed_seconds = time.perf_counter() - started
        with open(ready, "w") as handle:
            handle.write(f"{self.seed_seconds:.1f}\n")

    def fresh_copy(self) -> tuple[str, str]:
        """(database URL, upload folder) of a new working copy."""
        work = self.cache + "-run"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(os.path.join(self.cache, "uploads"), os.path.join(work, "uploads"), copy_function=os.link)
        if self.kind == "sqlite":
            shutil.copyfile(os.path.join(self.cache, "capaian.sqlite3"), os.path.join(work, "capaian.sqlite3"))
        else:
            psql(self.args.pg_url, 'DROP DATABASE IF EXISTS "capaian_bench_run"')
            psql(self.args.pg_url, f'CREATE DATABASE "capaian_bench_run" TEMPLATE "{self.template}"')
        return self.url(True), os.path.join(work, "uploads")


def pools(url: str, uploads: str, args) -> dict:
    """Who logs in as what, who can still submit Triwulan IV, which reviews wait."""
    from sqlalchemy import select

    from app import create_app
    from app.domain.enums import AssessmentStatus, OrgUnitKind
    from app.extensions import db
    from app.models import Assessment, Employee, OrgUnit, Period, Plan, User
    from app.seed.scale.plan import build_scale_plan
    from app.seed.scale.seed import SCALE_PASSWORD, _logins

    plan = build_scale_plan(args.employees, args.year, args.seed)
    labels = ("pegawai", "team", "annual", "admin", "superadmin")
    logins = {label: plan.people[index].nip for label, (_l, index) in zip(labels, _logins(plan))}
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET, "UPLOAD_FOLDER": uploads})
    with app.app_context():
        bosses = select(Employee.assessor_id).where(Employee.assessor_id.is_not(None))
        fourth = select(Assessment.employee_id).join(Period).where(
            Period.number == 4, Assessment.status != AssessmentStatus.DRAFT)
        submit = list(db.session.scalars(
            select(Employee.nip).where(Employee.id.not_in(bosses), Employee.id.not_in(fourth),
                                       Employee.nip.not_in(list(logins.values()))).order_by(Employee.nip)))
        reviewer = db.aliased(Employee)
        review = [list(r) for r in db.session.execute(
            select(reviewer.nip, Assessment.id).join(Period).join(Employee, Assessment.employee_id == Employee.id)
            .join(reviewer, Employee.assessor_id == reviewer.id)
            .where(Period.number == 3, Assessment.status == AssessmentStatus.SUBMITTED).order_by(Assessment.id))]
        largest = db.session.scalar(select(OrgUnit.id).where(OrgUnit.kind == OrgUnitKind.OPD)
                                    .where(OrgUnit.name == max(plan.opd_sizes, key=plan.opd_sizes.get)))
        # one PDF: pegawai who issue their own SKP (each a real rendering), and one issued
        # document for the public verification page
        pdf = [list(r) for r in db.session.execute(
            select(Employee.nip, Plan.id).join(Plan, Plan.employee_id == Employee.id)
            .where(Employee.nip.in_(submit[-400:])).order_by(Employee.nip))]
        submit = submit[:-400]
        verify_code = None
        if "documents.issue_skp" in app.view_functions:
            from app.domain.enums import DocumentKind
            from app.services.documents import issue as documents

            with app.test_request_context(base_url="http://127.0.0.1"):
                user = db.session.scalar(select(User).where(User.nip == logins["pegawai"]))
                plan_row = db.session.scalar(select(Plan).where(Plan.employee_id == user.employee_id))
                verify_code = documents.issue(DocumentKind.SKP, plan_row, user=user).code
                db.session.commit()
        else:
            pdf = []
        daily = None
        if args.daily_days:
            from app.models import Activity

            pegawai = db.session.scalar(select(Employee).join(User, User.employee_id == Employee.id)
                                        .where(User.nip == logins["pegawai"]))
            day = db.session.scalar(select(Activity.day).where(Activity.employee_id == pegawai.id)
                                    .order_by(Activity.day.desc()).limit(1))
            if day is not None:
                daily = {"day": day.isoformat(), "month": [day.year, day.month],
                         "monday": (day - dt.timedelta(days=day.weekday())).isoformat(),
                         "member": pegawai.id}
        db.engine.dispose()
    # Spread both pools over the kabupaten (alternate ends), so users do not queue on one team.
    return {"password": SCALE_PASSWORD, "year": args.year, "logins": logins, "submit": submit[::2] + submit[1::2],
            "review": review[::3] + review[1::3] + review[2::3], "largest_opd": largest,
            "pdf": pdf, "verify_code": verify_code, "daily": daily}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    try:
        with open(f"/proc/{master}/task/{master}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Server:
    """gunicorn with the deployed configuration, on a free port."""

    def __init__(self, url: str, uploads: str, log: str):
        self.port = free_port()
        env = app_env(url, uploads)
        env["GUNICORN_BIND"] = f"127.0.0.1:{self.port}"
        self.log = open(log, "w")
        self.process = subprocess.Popen([os.path.join(VENV, "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.peak: dict[int, int] = {}
        self.render_peak: dict[int, int] = {}  # the workers' render processes (WeasyPrint)
        self.running = True
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit(f"gunicorn did not start; see {log}")
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while self.running:
            for pid in worker_pids(self.process.pid):
                self.peak[pid] = max(self.peak.get(pid, 0), status_kb(pid, "VmRSS"))
                for child in worker_pids(pid):
                    self.render_peak[child] = max(self.render_peak.get(child, 0), status_kb(child, "VmRSS"))
            time.sleep(1)

    def stop(self) -> tuple[dict[int, int], dict[int, int]]:
        self.running = False
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()
        return self.peak, self.render_peak


def run_level(db: Database, users: int, args, out: str) -> dict:
    url, uploads = db.fresh_copy()
    pool_file = os.path.join(out, f"pools-{users}.json")
    with open(pool_file, "w") as handle:
        json.dump(pools(url, uploads, args), handle)
    server = Server(url, uploads, os.path.join(out, f"gunicorn-{users}.log"))
    prefix = os.path.join(out, f"locust-{users}")
    subprocess.run([os.path.join(VENV, "locust"), "-f", os.path.join(ROOT, "bench", "load", "locustfile.py"),
                    "--headless", "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{args.duration}s",
                    "--host", f"http://127.0.0.1:{server.port}", "--csv", prefix, "--only-summary",
                    "--stop-timeout", "10", "--loglevel", "WARNING"],
                   cwd=ROOT, env=dict(os.environ, BENCH_POOLS=pool_file, BENCH_THINK=args.think), check=False,
                   stdout=open(prefix + ".out", "w"), stderr=subprocess.STDOUT)
    peak, render_peak = server.stop()
    with open(prefix + "_stats.csv") as handle:
        rows = [r for r in csv.DictReader(handle)]
    return {"users": users, "rows": rows, "rss_mb": sorted(round(kb / 1024) for kb in peak.values()),
            "render_rss_mb": sorted(round(kb / 1024) for kb in render_peak.values())}


def import_roster(args) -> str:
    command = [os.path.join(VENV, "python"), os.path.join(ROOT, "bench", "import_roster.py"), "--rows", "10000"]
    if args.db == "postgresql":
        psql(args.pg_url, 'DROP DATABASE IF EXISTS "capaian_bench_import"')
        psql(args.pg_url, 'CREATE DATABASE "capaian_bench_import"')
        command += ["--database-url", f"{args.pg_url}/capaian_bench_import"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if args.db == "postgresql":
        psql(args.pg_url, 'DROP DATABASE IF EXISTS "capaian_bench_import"')
    total = [line for line in result.stdout.splitlines() if line.startswith("total")]
    return total[0].split(None, 1)[1] if total else f"failed: {result.stderr[-300:]}"


def report(level: dict) -> str:
    rows = [r for r in level["rows"] if r["Name"] != "Aggregated"]
    floor = next((float(r["50%"]) for r in rows if r["Name"] == "floor"), None)
    lines = [f"### {level['users']} users", "",
             "| page | requests | errors | req/s | p50 ms | p95 ms | p99 ms | p50 / floor |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in sorted(rows, key=lambda r: r["Name"]):
        ratio = f"{float(r['50%']) / floor:.1f}×" if floor else "–"
        lines.append(f"| {r['Name']} ({r['Type']}) | {r['Request Count']} | {r['Failure Count']} | "
                     f"{float(r['Requests/s']):.1f} | {r['50%']} | {r['95%']} | {r['99%']} | {ratio} |")
    total = next(r for r in level["rows"] if r["Name"] == "Aggregated")
    lines += ["", f"All: {total['Request Count']} requests, {total['Failure Count']} errors, "
                  f"{float(total['Requests/s']):.1f} req/s. Peak RSS per gunicorn worker: "
                  + ", ".join(f"{mb} MB" for mb in level["rss_mb"])
                  + ("; per render process: " + ", ".join(f"{mb} MB" for mb in level["render_rss_mb"])
                     if level.get("render_rss_mb") else "") + ".", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--users", default="10,50", help="comma-separated levels of concurrent users")
    parser.add_argument("--duration", type=int, default=60, help="seconds per level")
    parser.add_argument("--think", default="3,10",
                        help="think time of each user between two pages, MIN,MAX seconds (a person reading a "
                             "page or typing a value: 3,10; a stress test of the capacity: 0.5,1.5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--daily-days", type=int, default=0,
                        help="working days of kinerja harian to seed; with them the daily journeys run")
    parser.add_argument("--year", type=int, default=dt.date.today().year)
    parser.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--rebuild", action="store_true", help="seed the cached database again")
    parser.add_argument("--skip-import", action="store_true", help="do not time the roster import")
    args = parser.parse_args()
    db = Database(args)
    db.prepare()
    out = os.path.join(CACHE, f"run-{args.db}-{dt.datetime.now():%Y%m%d-%H%M%S}")
    os.makedirs(out)
    machine = f"{os.cpu_count()} CPU, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB RAM"
    text = [f"## {args.db}, {args.employees:,} pegawai, {args.duration} s per level, think time "
            f"{args.think.replace(',', '–')} s ({machine})", ""]
    if db.seed_seconds is not None:
        text += [f"seed-scale: {db.seed_seconds:.1f} s", ""]
    for users in [int(u) for u in args.users.split(",")]:
        text.append(report(run_level(db, users, args, out)))
        print(text[-1], flush=True)
    if not args.skip_import:
        text.append(f"Roster import of 10,000 rows ({args.db}): {import_roster(args)}\n")
        print(text[-1])
    with open(os.path.join(out, "report.md"), "w") as handle:
        handle.write("\n".join(text))
    print(f"Report and logs: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
