"""Benchmark of kinerja harian at scale: seed N pegawai with D working days of activities (or use a
database that holds them), then time — through the app, one request at a time, median of R — the
pegawai's month calendar, a day, the Pejabat Penilai's week of the team of 40 and a member's day,
with the queries each reads; print a table. Then the monthly TPP: with a nominal for every jabatan
and a presensi record for every working day, the whole kabupaten's month (every OPD's list
computed), and — after every unit is moved into one OPD — the list page of that OPD of N pegawai,
issuing it, its PDF (made and stored on the first download, then served) and its XLSX.

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
    parser.add_argument("--skip-tpp", action="store_true", help="time the daily pages only")
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
    if not args.skip_tpp:
        with app.app_context():
            admin = written.user_ids[written.logins[4][1]]  # the super admin
            logins[admin] = db.session.get(User, admin).get_id()
            db.session.remove()
        tpp(app, args, admin, logins, statements, today)
    engine.dispose()
    return 0


def tpp(app, args, admin: int, logins: dict, statements: list, today) -> None:
    import random

    from sqlalchemy import func, insert, select, update

    from app.domain.daily import AttendanceStatus, is_working_day, month_days
    from app.domain.enums import OrgUnitKind
    from app.extensions import db
    from app.models import Attendance, Employee, OrgUnit, TppBasis, TppList
    from app.services.daily.calendar import holiday_days
    from app.services.tpp import monthly

    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    rng = random.Random(11)
    with app.app_context():
        positions = sorted(set(db.session.scalars(select(Employee.position))))
        db.session.execute(insert(TppBasis), [
            {"key": monthly.position_key(p), "position": p, "amount": rng.randrange(2_000_000, 15_000_000, 50_000)}
            for p in {monthly.position_key(p): p for p in positions}.values()])
        days = [d for d in month_days(year, month) if is_working_day(d, holiday_days(d, d))]
        ids = list(db.session.scalars(select(Employee.id).where(Employee.active.is_(True))))
        rows = []
        for employee_id in ids:
            for day in days:
                late = rng.choice((0, 0, 0, 0, 0, 0, 12, 45))
                rows.append({"employee_id": employee_id, "day": day, "status": AttendanceStatus.TANPA_KETERANGAN
                             if rng.random() < 0.01 else AttendanceStatus.HADIR, "late_minutes": late,
                             "early_minutes": 0, "source": "bench", "check_in": None, "check_out": None})
        for start in range(0, len(rows), 20_000):
            db.session.execute(insert(Attendance), rows[start:start + 20_000])
        db.session.commit()
        opds = list(db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD)))
        started = time.perf_counter()
        lines = sum(len(monthly.compute(opd, year, month).lines) for opd in opds)
        whole = time.perf_counter() - started
        print(f"\nTPP {month:02d}-{year}: {len(rows):,} presensi rows, {len(positions):,} jabatan")
        print(f"the kabupaten's month: {len(opds)} OPD lists, {lines:,} lines computed in {whole:.1f} s")
        # One OPD of every pegawai: move every unit under the first OPD.
        big = opds[0]
        db.session.execute(update(OrgUnit).where(OrgUnit.opd_id.is_not(None)).values(opd_id=big.id))
        db.session.commit()
        size = db.session.scalar(select(func.count()).select_from(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
                                 .where(OrgUnit.opd_id == big.id, Employee.active.is_(True)))
        big_id = big.id
        db.session.remove()

    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = logins[admin]
        session["_fresh"] = True

    def once(method: str, path: str, **kwargs) -> tuple[float, int, object]:
        statements.clear()
        t0 = time.perf_counter()
        response = getattr(client, method)(path, **kwargs)
        seconds = time.perf_counter() - t0
        assert response.status_code in (200, 202, 302), (path, response.status_code)
        return seconds, len(statements), response

    page = f"/pengelolaan/tpp?opd={big_id}&bulan={year}-{month:02d}"
    once("get", page)
    times = [once("get", page) for _ in range(args.runs)]
    print(f"\none OPD of {size:,} pegawai{'':<14} {'ms':>8} {'queries':>8}")
    print(f"{'list page (computed, 100 a page)':<36} {statistics.median(t for t, _, _ in times) * 1000:>8.0f} "
          f"{max(q for _, q, _ in times):>8}")
    seconds, queries, _ = once("post", f"/pengelolaan/tpp/{big_id}/{year}/{month}/terbitkan", data={"version": "0"})
    issued_at = time.perf_counter()
    print(f"{'issue (compute + snapshot)':<36} {seconds * 1000:>8.0f} {queries:>8}")
    times = [once("get", page) for _ in range(args.runs)]
    print(f"{'list page (issued, 100 a page)':<36} {statistics.median(t for t, _, _ in times) * 1000:>8.0f} "
          f"{max(q for _, q, _ in times):>8}")
    with app.app_context():
        list_id = db.session.scalar(select(TppList.id).order_by(TppList.id.desc()).limit(1))
    waits = []
    while True:  # the PDF is made in the background from the issue on; its page waits for it
        seconds, queries, response = once("get", f"/pengelolaan/tpp/daftar/{list_id}.pdf")
        if response.status_code == 200:
            break
        waits.append(seconds)
        time.sleep(1)
    pdf = response.get_data()
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    pages = len(document)
    document.close()
    print(f"{'PDF ready after the issue (background)':<36} {(time.perf_counter() - issued_at) * 1000:>8.0f} "
          f"{'':>8}   {len(pdf) / 1024:,.0f} KB, {pages:,} pages; the waiting page answered in "
          f"{statistics.median(waits) * 1000 if waits else 0:.0f} ms")
    seconds, queries, _ = once("get", f"/pengelolaan/tpp/daftar/{list_id}.pdf")
    print(f"{'PDF, stored':<36} {seconds * 1000:>8.0f} {queries:>8}")
    seconds, queries, _ = once("get", f"/pengelolaan/tpp/daftar/{list_id}.xlsx")
    print(f"{'XLSX':<36} {seconds * 1000:>8.0f} {queries:>8}")


if __name__ == "__main__":
    sys.exit(main())
