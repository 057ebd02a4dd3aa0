"""Panduan: the cycle step by step for each role, with screenshots of this version (made by the
browser tests: tests/e2e/test_guide_screenshots.py), and the rules that decide a result as the
settings in force set them."""
from __future__ import annotations

import os

from flask import current_app, render_template
from flask_login import login_required

from app.domain.scoring import CURVE_RULES, DEFAULT_CAP, PREDIKAT_MATRIX, Predikat, Rating
from app.main.blueprint import bp
from app.services.settings import get_settings

# (file in static/panduan/, what it shows), per section of the guide
SHOTS = {
    "pegawai": [("beranda.jpg", "Beranda: apa yang menunggu Anda"),
                ("skp-saya.jpg", "SKP saya: RHK, IKI dan target, diajukan kepada Pejabat Penilai"),
                ("kinerja-harian.jpg", "Kinerja harian: kalender bulan ini, pilih tanggal untuk mencatat"),
                ("penilaian-periode.jpg", "Penilaian periode: realisasi, bukti dukung, lalu Ajukan"),
                ("hasil-kinerja.jpg", "Hasil kinerja saya: predikat tahunan dan keberatan")],
    "penilai": [("kinerja-harian-tim.jpg", "Kinerja harian tim: waktu tercatat dan yang menunggu verifikasi"),
                ("tinjau-penilaian.jpg", "Tinjau penilaian: siapa yang menunggu"),
                ("tinjau-satu.jpg", "Satu penilaian: umpan balik, rating dan predikat"),
                ("evaluasi-tahunan.jpg", "Evaluasi tahunan tim: rating, predikat, Serahkan")],
    "pengelola": [("pemantauan.jpg", "Pemantauan: kelengkapan per perangkat daerah"),
                  ("jejak-audit.jpg", "Jejak audit: siapa melakukan apa, kapan")],
}


def _curve_lines() -> list[tuple[str, list[str]]]:
    lines = []
    for org, rules in CURVE_RULES.items():
        words = []
        for group, kind, percent in rules:
            names = " + ".join(p.label for p in group)
            if percent is None:
                words.append(f"{names} minimal 1 pegawai")
            else:
                words.append(f"{names} {'paling banyak' if kind == 'max' else 'minimal'} {percent} %")
        lines.append((org.label, words))
    return lines


@bp.route("/panduan")
@login_required
def guide():
    """Panduan penggunaan, for every role; printable."""
    folder = os.path.join(current_app.static_folder, "panduan")
    shots = {section: [(name, caption) for name, caption in items if os.path.isfile(os.path.join(folder, name))]
             for section, items in SHOTS.items()}
    return render_template("main/guide.html", settings=get_settings(), shots=shots, cap=DEFAULT_CAP,
                           matrix=PREDIKAT_MATRIX, ratings=list(Rating), predikat=Predikat, curve=_curve_lines())
