"""Kinerja harian in the scale data (seed-scale --daily-days N): N working days of activities up to
today (or the year's last working day) for every pegawai with an approved SKP — four to seven a
day on their own RHK and IKI, about a third with an output — the days older than the verification
window accepted (one in fifty returned), the latest waiting. Bulk inserts, ids assigned here;
about 5.5 activities per pegawai per day (55,000 a day for 10,000 pegawai)."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.domain.daily import ActivityCategory, ActivityStatus, is_working_day, working_days_back
from app.models import Activity
from app.models.base import local_today
from app.seed.scale.rows import WIB, Written, bulk, next_id

VERBS = ("Menyusun", "Memeriksa", "Mengolah data", "Membahas", "Memperbarui", "Menindaklanjuti")
UNITS = ("Dokumen", "Laporan", "Surat", "Berkas")
VERIFIED_AFTER = 5  # working days: older days were verified


def write_daily(written: Written, rng: random.Random, days: int, year: int) -> int:
    """Write the activities; the number written."""
    if days <= 0:
        return 0
    today = min(local_today(), dt.date(year, 12, 31))
    holidays: set[dt.date] = set()
    first = working_days_back(today, days - 1 if is_working_day(today, holidays) else days, holidays)
    dates = [first + dt.timedelta(days=n) for n in range((today - first).days + 1)
             if is_working_day(first + dt.timedelta(days=n), holidays)]
    verified_before = working_days_back(today, VERIFIED_AFTER, holidays)
    when = dt.datetime.combine(today, dt.time(17), WIB)
    next_activity = next_id(Activity)
    rows: list[dict] = []
    written_count = 0
    for person, indicators in written.indicators.items():
        if not indicators:
            continue
        employee_id = written.employee_ids[person]
        assessor = written.plan.people[person].assessor
        verifier = written.user_ids[assessor] if assessor is not None else None
        for day in dates:
            start = 7 * 60 + 30
            for _ in range(rng.randint(4, 7)):
                length = rng.choice((30, 45, 60, 60, 90, 120))
                if start + length > 16 * 60:
                    break
                iki, rhk, _row = rng.choice(indicators)
                with_output = rng.random() < 0.35
                status = ActivityStatus.MENUNGGU
                if day < verified_before and verifier is not None:
                    status = ActivityStatus.DIKEMBALIKAN if rng.random() < 0.02 else ActivityStatus.DITERIMA
                rows.append({
                    "id": next_activity, "employee_id": employee_id, "day": day,
                    "start_time": dt.time(start // 60, start % 60),
                    "end_time": dt.time((start + length) // 60, (start + length) % 60), "minutes": length,
                    "description": f"{rng.choice(VERBS)} bahan kegiatan {next_activity % 997}",
                    "category": ActivityCategory.RHK, "work_result_id": rhk, "indicator_id": iki,
                    "output_quantity": Decimal(rng.randint(1, 4)) if with_output else None,
                    "output_unit": rng.choice(UNITS) if with_output else None, "status": status,
                    "verified_by_id": verifier if status != ActivityStatus.MENUNGGU else None,
                    "verified_at": when if status != ActivityStatus.MENUNGGU else None,
                    "return_note": "Lengkapi bukti dukungnya." if status == ActivityStatus.DIKEMBALIKAN else None,
                    "created_at": when, "updated_at": when, "lock_version": 1,
                })
                next_activity += 1
                start += length
        if len(rows) >= 20_000:
            bulk(Activity, rows)
            written_count += len(rows)
            rows = []
    bulk(Activity, rows)
    return written_count + len(rows)
