"""Benchmark of the roster import: generate a realistic N-row roster, then read → plan → apply →
commit against a fresh database, and print the timings.

    .venv/bin/python bench/import_roster.py                      # 10,000 rows, temporary SQLite
    .venv/bin/python bench/import_roster.py --rows 2000
    .venv/bin/python bench/import_roster.py --database-url postgresql+psycopg://postgres@127.0.0.1/capaian_bench_import --reset-schema

--reset-schema empties a PostgreSQL database first (DROP SCHEMA public CASCADE): use it only on a
database that exists for benchmarking. Without it the database must hold no pegawai yet.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from openpyxl import Workbook  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

HEADERS = ["NIP", "Nama", "Status Kepegawaian", "Pangkat/Golongan", "Jabatan", "Jenis Jabatan",
           "Perangkat Daerah", "Unit Kerja", "NIP Atasan", "Email"]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika",
         "Lina", "Maya", "Novi", "Oki", "Putri", "Rudi", "Sari", "Taufik", "Umi", "Wahyu", "Yusuf", "Zainal"]
LAST = ["Sembiring", "Wijaya", "Rahmawati", "Hakim", "Hasibuan", "Pratama", "Lubis", "Siregar",
        "Harahap", "Santoso", "Gunawan", "Effendi", "Maulana", "Purba", "Fauzi", "Lestari", "Hidayat"]
TITLES = ["", "", ", S.E.", ", S.Kom.", ", M.M.", ", S.Pd.", ", S.T.", ", A.Md.", ", S.Kep.", ", M.Si."]
OPD_NAMES = ["Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Pekerjaan Umum", "Dinas Sosial",
             "Dinas Perhubungan", "Dinas Pertanian", "Dinas Kependudukan", "Badan Keuangan Daerah",
             "Inspektorat Daerah", "Badan Perencanaan Pembangunan Daerah", "Dinas Lingkungan Hidup",
             "Dinas Koperasi dan UKM", "Dinas Pariwisata", "Satuan Polisi Pamong Praja", "Kecamatan"]
PNS_GRADES = ["II/a", "II/b", "II/c", "II/d", "III/a", "Penata Muda Tingkat I (III/b)", "Penata (III/c)",
              "III/d", "IV/a"]


class Roster:
    def __init__(self, size: int, seed: int):
        self.rand = random.Random(seed)
        self.size = size
        self.used: set[str] = set()
        self.rows: list[list] = []

    def nip(self) -> str:
        while True:
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=self.rand.randrange(35 * 365))
            year = min(birth.year + self.rand.randint(20, 32), 2025)
            value = f"{birth:%Y%m%d}{year}{self.rand.randint(1, 12):02d}{self.rand.randint(1, 2)}{self.rand.randrange(1000):03d}"
            if value not in self.used:
                self.used.add(value)
                return value

    def add(self, position: str, kind: str, opd: str, unit: str, boss: str | None, grade: str | None = None) -> str:
        nip = self.nip()
        pppk = kind in ("Pelaksana", "Fungsional") and self.rand.random() < 0.25
        name = f"{self.rand.choice(FIRST)} {self.rand.choice(LAST)}{self.rand.choice(TITLES)}"
        email = f"{name.split(',')[0].lower().replace(' ', '.')}{nip[-3:]}@example.go.id" if self.rand.random() < .7 else ""
        self.rows.append([
            nip, name, "PPPK" if pppk else "PNS",
            str(self.rand.choice(["V", "VII", "IX", "X"])) if pppk else (grade or self.rand.choice(PNS_GRADES)),
            position, kind, opd, unit, boss or "", email,
        ])
        return nip

    def build(self) -> list[list]:
        top = self.add("Sekretaris Daerah", "JPT", "Sekretariat Daerah", "", None, "IV/d")
        opd_count = max(3, self.size // 250)
        weights = [self.rand.paretovariate(1.5) for _ in range(opd_count)]
        budget = self.size - 1
        sizes = [max(4, int(budget * w / sum(weights))) for w in weights]
        for i, size in enumerate(sizes):
            name = OPD_NAMES[i % len(OPD_NAMES)] + (f" {i // len(OPD_NAMES) + 1}" if i >= len(OPD_NAMES) else "")
            self.opd(name, size, top)
            if len(self.rows) >= self.size:
                break
        while len(self.rows) < self.size:  # rounding: top up the first OPD's secretariat
            self.add("Pengadministrasi Perkantoran", "Pelaksana", self.rows[1][6], "Sekretariat", self.rows[1][0])
        return self.rows[: self.size]

    def opd(self, name: str, size: int, top: str) -> None:
        head = self.add(f"Kepala {name}", "JPT", name, "", top, "IV/b")
        secretary = self.add("Sekretaris", "Administrator", name, "Sekretariat", head, "IV/a")
        leaves = [(self.add(f"Kepala Subbagian {s}", "Pengawas", name, f"Sekretariat / Subbagian {s}", secretary,
                            "III/d"), f"Sekretariat / Subbagian {s}") for s in ("Umum", "Keuangan")]
        for b in range(min(6, max(1, size // 60))):
            field = f"Bidang {b + 1}"
            chief = self.add(f"Kepala {field}", "Administrator", name, field, head, "IV/a")
            for s in range(self.rand.randint(2, 3)):
                unit = f"{field} / Seksi {b + 1}.{s + 1}"
                leaves.append((self.add(f"Kepala Seksi {b + 1}.{s + 1}", "Pengawas", name, unit, chief, "III/d"), unit))
        if size > 150:
            leaves.append((self.add("Kepala UPTD", "Pengawas", name, "UPTD Wilayah I", head, "III/d"), "UPTD Wilayah I"))
        staff = max(0, size - (len(leaves) + 2 + min(6, max(1, size // 60))))
        for k in range(staff):
            boss, unit = leaves[k % len(leaves)]
            functional = self.rand.random() < 0.35
            self.add("Analis Kebijakan Ahli Pertama" if functional else "Pengadministrasi Perkantoran",
                     "Fungsional" if functional else "Pelaksana", name, unit, boss)


def xlsx(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Pegawai")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="default: a fresh temporary SQLite database")
    parser.add_argument("--reset-schema", action="store_true", help="PostgreSQL: empty the database first")
    parser.add_argument("--keep", action="store_true", help="keep the generated file (and SQLite database)")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="capaian-bench-")
    try:
        return run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: str) -> int:

    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db
    from app.models import Employee
    from app.services.roster.importer import apply_import, plan_import
    from app.services.roster.reader import read_roster

    url = args.database_url or "sqlite:///" + os.path.join(workdir, "bench.sqlite3")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-secret-key-0123456789",
                      "UPLOAD_FOLDER": os.path.join(workdir, "uploads")})
    started = time.perf_counter()
    data = xlsx(Roster(args.rows, args.seed).build())
    path = os.path.join(workdir, "roster.xlsx")
    with open(path, "wb") as handle:
        handle.write(data)
    generated = time.perf_counter() - started

    with app.app_context():
        if args.reset_schema and db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        upgrade()
        if db.session.scalar(select(func.count()).select_from(Employee)):
            print("The database already holds pegawai; use an empty one (or --reset-schema).", file=sys.stderr)
            return 1
        timings = {}
        t0 = time.perf_counter()
        roster = read_roster(data, "roster.xlsx")
        timings["read"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        plan = plan_import(None, roster)
        timings["plan"] = time.perf_counter() - t0
        if not plan.valid:
            print("\n".join(str(e) for e in plan.errors[:20]), file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        result = apply_import(None, plan)
        timings["apply"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        db.session.commit()
        timings["commit"] = time.perf_counter() - t0
        db.session.remove()
        t0 = time.perf_counter()
        again = plan_import(None, read_roster(data, "roster.xlsx"))
        reimport = time.perf_counter() - t0
        db.session.remove()
        db.engine.dispose()

    total = sum(timings.values())
    print(f"database        {url.split(':', 1)[0]}")
    print(f"rows            {len(roster.rows):,}  ({len(data) / 1024:.0f} KiB .xlsx, generated in {generated:.2f} s{': ' + path if args.keep else ''})")
    print(f"created         {result.created:,} pegawai, {result.new_opds} OPD, {result.new_units} units, "
          f"{result.accounts_created:,} accounts")
    for step in ("read", "plan", "apply", "commit"):
        print(f"{step:<15} {timings[step]:6.2f} s")
    print(f"total           {total:6.2f} s   ({len(roster.rows) / total:,.0f} rows/s)")
    print(f"re-import check {reimport:6.2f} s   (read + plan of the same file: {again.unchanged:,} unchanged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
