"""The SKM index (app/domain/satisfaction.py): NRR per unsur, IKM, mutu and kinerja, boundaries
included, and the inputs it refuses."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.satisfaction import UNSUR, grade, ikm, unsur_grade


def test_one_respondent_all_fours_is_a_hundred():
    index = ikm([[4] * 9])
    assert index.nrr == (Decimal(4),) * 9 and index.ikm == Decimal("100.00")
    assert (index.mutu, index.kinerja, index.respondents) == ("A", "Sangat Baik", 1)


def test_unanswered_are_left_out_of_their_unsur():
    index = ikm([[4, 3, None, 2, 4, 4, 4, 4, 4], [2, 3, 3, 2, 4, 4, 4, 4, 4], [3, None, 3, 2, 4, 4, 4, 4, 4]])
    assert index.answered == (3, 2, 2, 3, 3, 3, 3, 3, 3)
    assert index.nrr[0] == Decimal(3) and index.nrr[1] == Decimal(3) and index.nrr[2] == Decimal(3)
    # Σ NRR = 3 + 3 + 3 + 2 + 4×5 = 31; × 1/9 × 25 = 86,111… → 86,11: B, Baik
    assert index.ikm == Decimal("86.11") and (index.mutu, index.kinerja) == ("B", "Baik")
    assert index.lowest(2) == [3, 0]


def test_an_unsur_nobody_answered_leaves_the_index_open():
    index = ikm([[4, 4, 4, 4, 4, 4, 4, 4, None]])
    assert index.nrr[8] is None and index.ikm is None and index.mutu is None


@pytest.mark.parametrize("value, mutu, kinerja", [
    ("25.00", "D", "Tidak Baik"), ("64.99", "D", "Tidak Baik"),
    ("65.00", "C", "Kurang Baik"), ("76.60", "C", "Kurang Baik"),
    ("76.61", "B", "Baik"), ("88.30", "B", "Baik"),
    ("88.31", "A", "Sangat Baik"), ("100.00", "A", "Sangat Baik"),
])
def test_the_intervals_of_the_regulation(value, mutu, kinerja):
    assert grade(Decimal(value)) == (mutu, kinerja)


@pytest.mark.parametrize("nrr, mutu", [
    ("1.00", "D"), ("2.5996", "D"), ("2.60", "C"), ("3.064", "C"), ("3.0644", "B"), ("3.532", "B"),
    ("3.5324", "A"), ("4.00", "A"),
])
def test_an_unsur_s_nrr_is_graded_by_the_converted_intervals(nrr, mutu):
    assert unsur_grade(Decimal(nrr)) == mutu


def test_rounding_to_two_decimals_decides_the_grade():
    # 9 × 3 = 27 → 75,00 (C); eight at 3 and the ninth at 4 → 77,78 (B)
    assert ikm([[3] * 9]).ikm == Decimal("75.00") and ikm([[3] * 9]).mutu == "C"
    assert ikm([[3] * 8 + [4]]).ikm == Decimal("77.78") and ikm([[3] * 8 + [4]]).mutu == "B"

    def thousand(fours: int):  # 1,000 respondents: eight unsur at 3, the ninth 4 for `fours` of them
        return [[3] * 8 + [4 if n < fours else 3] for n in range(1000)]

    # the ninth NRR 3,578: Σ = 27,578 × 25 / 9 = 76,6055… → 76,61 (B)
    index = ikm(thousand(578))
    assert index.nrr[8] == Decimal("3.578") and index.ikm == Decimal("76.61") and index.mutu == "B"
    # 3,577: 76,6027… → 76,60 (C)
    index = ikm(thousand(577))
    assert index.ikm == Decimal("76.60") and index.mutu == "C"


@pytest.mark.parametrize("responses, message", [
    ([], "belum ada jawaban"),
    ([[4] * 8], "memuat 8 unsur"),
    ([[4] * 10], "memuat 10 unsur"),
    ([[4] * 8 + [5]], "bukan 1–4"),
    ([[0] + [4] * 8], "bukan 1–4"),
    ([[4] * 8 + [True]], "bukan 1–4"),
    ([[4] * 8 + ["4"]], "bukan 1–4"),
    ([[4] * 8 + [3.5]], "bukan 1–4"),
])
def test_bad_input_is_refused(responses, message):
    with pytest.raises(ValueError, match=message):
        ikm(responses)


def test_the_nine_unsur_in_the_regulation_s_order():
    assert [name for _, name, _ in UNSUR] == [
        "Persyaratan", "Sistem, mekanisme dan prosedur", "Waktu penyelesaian", "Biaya/tarif",
        "Produk spesifikasi jenis pelayanan", "Kompetensi pelaksana", "Perilaku pelaksana",
        "Penanganan pengaduan, saran dan masukan", "Sarana dan prasarana"]
    assert all(len(points) == 4 for _, _, points in UNSUR)
