"""Rekap predikat: the counts per OPD against the curve, the chart, RULES.md §8, and the
follow-up lists."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.enums import OrgPredikat
from app.domain.scoring import Predikat, curve_violations
from app.services.monitoring import recap
from tests.monitoring.conftest import numbers, row_of, tables, text


def test_counts_drafts_and_violations(world):
    alfa, beta = recap.predikat_recap([world["alfa"], world["beta"]], world["year"])
    assert alfa.counts == {Predikat.SANGAT_BAIK: 1, Predikat.BAIK: 5, Predikat.BUTUH_PERBAIKAN: 0,
                           Predikat.KURANG: 0, Predikat.SANGAT_KURANG: 0}
    assert alfa.total == 6 and alfa.drafts == 1 and alfa.share(Predikat.BAIK) == Decimal("83.3")
    assert alfa.violations == curve_violations(OrgPredikat.BAIK, alfa.counts) and len(alfa.violations) == 2
    assert [(lim.label, lim.limit, lim.have, lim.ok) for lim in alfa.limits] == [
        ("Baik", 4, 5, False), ("Butuh Perbaikan + Kurang/Misconduct", 1, 0, False)]
    assert alfa.verdict[0] == "Tidak sesuai kurva (2)"
    assert beta.org_predikat is None and beta.violations == [] and beta.limits == []
    assert beta.verdict[0] == "Predikat organisasi belum ditetapkan" and beta.small
    total = recap.kabupaten_recap([alfa, beta])
    assert total.counts[Predikat.BUTUH_PERBAIKAN] == 1 and total.total == 7 and total.drafts == 1


@pytest.mark.parametrize("org, counts, fits", [
    (OrgPredikat.ISTIMEWA, {Predikat.SANGAT_BAIK: 7, Predikat.BAIK: 3}, True),
    (OrgPredikat.ISTIMEWA, {Predikat.SANGAT_BAIK: 8, Predikat.BAIK: 2}, False),
    (OrgPredikat.BAIK, {Predikat.BAIK: 7, Predikat.BUTUH_PERBAIKAN: 3}, True),
    (OrgPredikat.BUTUH_PERBAIKAN, {Predikat.BUTUH_PERBAIKAN: 5, Predikat.BAIK: 5}, False),
    (OrgPredikat.SANGAT_KURANG, {Predikat.SANGAT_KURANG: 9, Predikat.KURANG: 1}, True),
])
def test_limits_agree_with_the_domain_rules(org, counts, fits):
    row = recap.OpdRecap(1, "Unit", result=type("R", (), {"predikat": org})())
    for p, n in counts.items():
        row.counts[p] = n
    assert all(lim.ok for lim in row.limits) == fits == (row.violations == [])


def test_the_page_and_the_opd_detail(world, make_client):
    client = make_client(world["admin_alfa"])
    response = client.get("/pengelolaan/rekap?tahun=2026")
    (table,) = tables(response)
    row = row_of(table, "Dinas Alfa")
    assert row[1].startswith("Baik capaian 101,5 %")
    assert numbers(row[2:9]) == [1, 5, 0, 0, 0, 6, 1]
    assert "Tidak sesuai kurva (2)" in row[9]
    assert "Dinas Alfa (6 pegawai dinilai) Predikat organisasi Baik: Baik paling banyak 70 % (4 dari 6 pegawai)" in text(
        response)
    assert "Dinas Beta" not in text(response)

    detail = client.get(f"/pengelolaan/rekap/{world['alfa'].id}?tahun=2026")
    assert detail.status_code == 200
    page = detail.get_data(as_text=True)
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' in page and 'role="img"' in page
    assert "Sebaran predikat pegawai Dinas Alfa 2026 terhadap kurva" in page
    assert "Batas paling banyak 70 % (4 pegawai): melampaui batas" in page  # the chart's description
    assert ">Batas minimal 1 pegawai</text>" in page and ">kurang dari batas</text>" in page
    words = text(detail)
    assert "6 hasil tahunan diserahkan; 1 masih draf" in words
    pangkat = next(t for t in tables(detail) if t["caption"].startswith("Pegawai yang belum memenuhi"))
    assert [r[0].split(" ")[:2] for r in pangkat["rows"][1:]] == [["Pegawai", "Approved"]]
    assert "predikat 2025 Butuh Perbaikan" in pangkat["rows"][1][3]
    assert "Predikat 2025 belum tercatat di aplikasi untuk 5 pegawai" in words
    assert "Pegawai Fungsional — Analis Kebijakan: Sangat Baik, 150 % koefisien tahunan" in words


def test_results_feed_kenaikan_pangkat_and_angka_kredit(world):
    results = recap.results_of([world["alfa"].id], world["year"])
    assert len(results.rows) == 7 and len(results.handed_over) == 6
    (blocked,) = results.promotion
    assert blocked.employee.name == "Pegawai Approved" and blocked.previous == Predikat.BUTUH_PERBAIKAN
    assert results.unknown_previous == 5
    (fungsional,) = results.fungsional
    assert fungsional.angka_kredit == 150 and results.fungsional_counts()[Predikat.SANGAT_BAIK] == 1
    assert next(r for r in results.rows if r.employee.name == "Pegawai Fungsional").objection_open
    assert recap.ANGKA_KREDIT == {Predikat.SANGAT_BAIK: 150, Predikat.BAIK: 100, Predikat.BUTUH_PERBAIKAN: 75,
                                  Predikat.KURANG: 50, Predikat.SANGAT_KURANG: 25}


def test_follow_up_lists(world, make_client):
    client = make_client(world["superadmin"])
    response = client.get("/pengelolaan/tindak-lanjut?tahun=2026")
    recognition, development = tables(response)
    assert [(r[0].split(" ")[1], r[2], r[3]) for r in recognition["rows"][1:]] == [
        ("Fungsional", "belum ditetapkan", "Diajukan")]
    assert [(r[0].split(" ")[1], r[2], r[3]) for r in development["rows"][1:]] == [
        ("Beta", "Butuh Perbaikan", "Mentoring — Didampingi kepala seksi setiap bulan.")]
    assert "1 pegawai belum memiliki program tindak lanjut" in text(response)
    only_beta = client.get(f"/pengelolaan/tindak-lanjut?tahun=2026&opd={world['beta'].id}")
    assert "Pegawai Fungsional" not in text(only_beta) and "Staf Beta 1" in text(only_beta)
    mine = make_client(world["admin_alfa"]).get("/pengelolaan/tindak-lanjut?tahun=2026")
    assert "Pegawai Fungsional" in text(mine) and "Staf Beta" not in text(mine)
