"""What a login's password check costs in CPU, per hashing method (median of N verifications):
argon2id with OWASP's parameters (the default) against werkzeug's scrypt (earlier versions).

    .venv/bin/python bench/passwords.py [--runs 20]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.services.org.password_hashing import hash_password, verify_password  # noqa: E402


def measure(method: str, runs: int) -> tuple[float, float]:
    stored = hash_password("Sawah-Hijau-Membentang-9", method)
    cpu = []
    for _ in range(runs):
        started = time.process_time()
        assert verify_password(stored, "Sawah-Hijau-Membentang-9")
        cpu.append((time.process_time() - started) * 1000)
    return statistics.median(cpu), max(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"{'method':12} {'median CPU':>12} {'max CPU':>10}")
    for method in ("argon2id", "scrypt"):
        median, worst = measure(method, runs)
        print(f"{method:12} {median:9.1f} ms {worst:7.1f} ms")


if __name__ == "__main__":
    main()
