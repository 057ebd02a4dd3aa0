"""Benchmark of kinerja harian at scale: seed N pegawai with D working days of activities (or use a
database that holds them), then time — through the app, one request at a time, median of R — the
pegawai's month calendar, a day, the Pejabat Penilai's week of the team of 40 and a member's day,
with the queries each reads; print a table.

    .venv/bin/python bench/daily.py                                   # 3,000 pegawai, 21 days, SQLite
    .venv/bin/python bench/daily.py --employees 10000 --days 21 --runs 9
    .venv/bin/python bench/daily.py --database-url postgresql+psycopg://postgres@127.0.0.1/capaian_bench_daily

With --database-url the database must be empty (it is seeded) unless --reuse is given.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=3000)
    parser.add_argument("--days", type=int, default=21, help="working days of activities up to today")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="the database already holds the scale data")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="capaian-bench-daily-")
    try:
        return run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: str) -> int:
    from flask_migrate import upgrade
    from sqlalchemy import event, func, select

    from app import create_app
    from app.extensions import db
    from app.models import Activity, User
    from app.models.base import local_today
    from app.seed.scale.seed import seed_scale

    url = args.database_url or "sqlite:///" + os.path.join(workdir, "bench.sqlite3")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-secret-key-0123456789",
                      "UPLOAD_FOLDER": os.path.join(workdir, "uploads"), "WTF_CSRF_ENABLED": False})
    today = local_today()
    with app.app_context():
        upgrade()
        if not args.reuse:
            started = time.perf_counter()
            written = seed_scale(args.employees, today.year, 1, args.days)
            db.session.commit()
            seconds = time.perf_counter() - started
            print(f"seed-scale {args.employees:,} pegawai with {args.days} days: {seconds:.1f} s, "
                  f"{written.counts.get('activity', 0):,} activities")
            teams = written.plan.teams()
            boss = next(b for b, team in sorted(teams.items()) if len(team) == 40)
            boss_user = written.user_ids[boss]
            member_user = written.user_ids[teams[boss][0]]
            member_employee = written.employee_ids[teams[boss][0]]
        else:
            raise SystemExit("--reuse needs the logins of a seeded run; seed again instead")
        total = db.session.scalar(select(func.count()).select_from(Activity))
        day = db.session.scalar(select(Activity.day).where(Activity.employee_id == member_employee)
                                .order_by(Activity.day.desc()).limit(1))
        monday = day - dt.timedelta(days=day.weekday())
        statements: list[str] = []
        engine = db.engine
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        logins = {user_id: db.session.get(User, user_id).get_id() for user_id in (boss_user, member_user)}
        db.session.remove()

    # Each request in its own app context, as in production (g, the session, the logged-in user).
    def timed(user_id: int, path: str) -> tuple[float, int]:
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = logins[user_id]
            session["_fresh"] = True
        client.get(path)  # warm
        times, counts = [], []
        for _ in range(args.runs):
            statements.clear()
            t0 = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - t0)
            counts.append(len(statements))
            assert response.status_code == 200, (path, response.status_code)
        return statistics.median(times), max(counts)

    pages = [
        ("month calendar (pegawai)", member_user, f"/kinerja-harian/{day.year}/{day.month}"),
        ("a day (pegawai)", member_user, f"/kinerja-harian/hari/{day.isoformat()}"),
        ("team week, team of 40", boss_user, f"/kinerja-harian/tim/minggu/{monday.isoformat()}"),
        ("a member's day (assessor)", boss_user, f"/kinerja-harian/tim/{member_employee}/{day.isoformat()}"),
    ]
    print(f"\n{url.split(':', 1)[0]}, {total:,} activities, median of {args.runs}")
    print(f"{'page':<30} {'ms':>8} {'queries':>8}")
    for label, user_id, path in pages:
        seconds, queries = timed(user_id, path)
        print(f"{label:<30} {seconds * 1000:>8.1f} {queries:>8}")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
