"""RULES.md §3–§5 walked with worked examples: capaian, rating suggestion, predikat, curve."""
from decimal import Decimal

import pytest

from app.domain.enums import OrgPredikat
from app.domain.periods import assessed
from app.domain.scoring import (
    Predikat, Rating, achievement, curve_limit, curve_violations, period_target, predikat, suggested_result_rating,
    weighted_capaian,
)
from app.domain.skp import Direction

D = Decimal


@pytest.mark.parametrize(
    ("target", "realization", "direction", "high", "expected"),
    [
        # higher is better
        (10, 10, "higher", None, D("100.00")),
        (12, 9, "higher", None, D("75.00")),
        (3, 1, "higher", None, D("33.33")),
        (10, 11.5, "higher", None, D("115.00")),
        (10, 15, "higher", None, D("120.00")),  # clamped at the cap
        (10, 0, "higher", None, D("0.00")),
        ("100", "98.5", "higher", None, D("98.50")),
        # lower is better (PermenPANRB 8/2021): the RULES examples
        (8, 6.5, "lower", None, D("118.75")),
        (8, 9, "lower", None, D("87.50")),
        (8, 8, "lower", None, D("100.00")),
        (8, 2, "lower", None, D("120.00")),  # 175 % clamped
        (8, 17, "lower", None, D("0.00")),  # negative clamped at 0
        # range [lo, hi]
        (80, 85, "range", 90, D("100.00")),
        (80, 80, "range", 90, D("100.00")),
        (80, 90, "range", 90, D("100.00")),
        (80, 60, "range", 90, D("75.00")),
        (80, 99, "range", 90, D("110.00")),
        (80, 200, "range", 90, D("120.00")),
    ],
)
def test_achievement(target, realization, direction, high, expected):
    assert achievement(target, realization, direction, target_high=high) == expected


def test_direction_accepts_the_enum_and_plain_strings():
    assert achievement(8, 6.5, Direction.LOWER) == achievement(8, 6.5, "LOWER") == D("118.75")
    with pytest.raises(ValueError):
        achievement(8, 6.5, "sideways")


@pytest.mark.parametrize(
    ("target", "realization", "direction", "high"),
    [(0, 5, "higher", None), (0, 5, "lower", None), (-3, 5, "higher", None), (10, None, "higher", None),
     (10, "", "higher", None), (None, 5, "higher", None), (80, 85, "range", None), (80, 85, "range", 70),
     (0, 0, "range", 10)],
)
def test_no_capaian_instead_of_a_division_error(target, realization, direction, high):
    assert achievement(target, realization, direction, target_high=high) is None


def test_configurable_cap():
    assert achievement(10, 15, cap=150) == D("150.00")
    assert achievement(10, 20, cap=None) == D("200.00")
    assert achievement(10, 15, cap=100) == D("100.00")


def test_weighted_mean_skips_missing_values():
    assert weighted_capaian([D(100), D(80), None]) == D("90.00")
    assert weighted_capaian([(D(100), 3), (D(80), 1)]) == D("95.00")
    assert weighted_capaian([None, None]) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [([110], Rating.DI_ATAS), ([109.99], Rating.SESUAI), ([90], Rating.SESUAI), ([89.99], Rating.DI_BAWAH),
     ([120, 100], Rating.DI_ATAS), ([100, 80], Rating.SESUAI), ([100, 70], Rating.DI_BAWAH), ([None], None), ([], None)],
)
def test_suggested_rating_thresholds(values, expected):
    assert suggested_result_rating(values) == expected


def test_suggested_rating_with_other_thresholds():
    assert suggested_result_rating([105], above=105, below=95) == Rating.DI_ATAS
    assert suggested_result_rating([94], above=105, below=95) == Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("result", "behavior", "expected"),
    [
        ("DI_ATAS", "DI_BAWAH", Predikat.KURANG),
        ("DI_ATAS", "SESUAI", Predikat.BAIK),
        ("DI_ATAS", "DI_ATAS", Predikat.SANGAT_BAIK),
        ("SESUAI", "DI_BAWAH", Predikat.KURANG),
        ("SESUAI", "SESUAI", Predikat.BAIK),
        ("SESUAI", "DI_ATAS", Predikat.BAIK),
        ("DI_BAWAH", "DI_BAWAH", Predikat.SANGAT_KURANG),
        ("DI_BAWAH", "SESUAI", Predikat.BUTUH_PERBAIKAN),
        ("DI_BAWAH", "DI_ATAS", Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_all_nine_cells_of_the_matrix(result, behavior, expected):
    assert predikat(result, behavior) is expected
    assert predikat(Rating(result), Rating(behavior)) is expected


def test_predikat_names_values_and_printing():
    assert Predikat.SANGAT_BAIK.value == "SANGAT_BAIK" and Rating.DI_ATAS.value == "DI_ATAS"
    assert Predikat.BUTUH_PERBAIKAN.printed == "BUTUH PERBAIKAN"
    assert Predikat.KURANG.label == "Kurang/Misconduct"
    with pytest.raises(ValueError):
        predikat("BAGUS", "SESUAI")


@pytest.mark.parametrize(
    ("kind", "percent", "total", "limit"),
    [("max", 70, 10, 7), ("max", 70, 9, 6), ("max", 70, 3, 2), ("max", 10, 9, 0), ("max", 10, 10, 1),
     ("min", 60, 10, 6), ("min", 60, 9, 6), ("min", 60, 4, 3), ("min", 10, 9, 1), ("min", 10, 11, 2),
     ("min", None, 50, 1), ("max", 0, 10, 0)],
)
def test_maximum_rounds_down_and_minimum_rounds_up(kind, percent, total, limit):
    assert curve_limit(kind, percent, total) == limit


SB, B, BP, K, SK = "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"


@pytest.mark.parametrize(
    ("org", "counts", "violations"),
    [
        # Istimewa: Sangat Baik at most 70 %
        ("ISTIMEWA", {SB: 7, B: 3}, 0),
        ("ISTIMEWA", {SB: 8, B: 2}, 1),
        ("ISTIMEWA", {SB: 6, B: 3}, 0),  # 70 % of 9 = 6.3 → 6 allowed
        ("ISTIMEWA", {SB: 7, B: 2}, 1),
        ("ISTIMEWA", {SK: 10}, 0),  # "the rest any predikat"
        # Baik: Baik at most 70 %, at least one Butuh Perbaikan or Kurang
        ("BAIK", {SB: 2, B: 7, BP: 1}, 0),
        ("BAIK", {SB: 1, B: 8, BP: 1}, 1),
        ("BAIK", {SB: 3, B: 7}, 1),
        ("BAIK", {SB: 2, B: 7, K: 1}, 0),
        ("BAIK", {B: 8, SB: 2}, 2),
        # Butuh Perbaikan: BP at least 60 %, SB at most 10 %
        ("BUTUH_PERBAIKAN", {BP: 6, B: 3, SB: 1}, 0),
        ("BUTUH_PERBAIKAN", {BP: 5, B: 4, SB: 1}, 1),
        ("BUTUH_PERBAIKAN", {BP: 6, B: 2, SB: 2}, 1),
        ("BUTUH_PERBAIKAN", {BP: 6, B: 2, SB: 1}, 1),  # 9 pegawai: 60 % → 6 needed (ok); 10 % → 0 SB allowed
        # Kurang: K at least 60 %, BP at least 10 %, SB at most 10 %
        ("KURANG", {K: 6, BP: 1, B: 2, SB: 1}, 0),
        ("KURANG", {K: 6, B: 4}, 1),
        ("KURANG", {K: 5, BP: 3, SB: 2}, 2),
        # Sangat Kurang: SK at least 60 %, K + BP at least 10 %, no SB
        ("SANGAT_KURANG", {SK: 6, K: 1, B: 3}, 0),
        ("SANGAT_KURANG", {SK: 6, BP: 1, B: 3}, 0),
        ("SANGAT_KURANG", {SK: 6, B: 4}, 1),
        ("SANGAT_KURANG", {SK: 6, K: 1, B: 2, SB: 1}, 1),
        ("SANGAT_KURANG", {SK: 5, SB: 1, B: 4}, 3),
    ],
)
def test_curve_rules_at_and_around_their_boundaries(org, counts, violations):
    messages = curve_violations(org, counts)
    assert len(messages) == violations, messages


def test_curve_accepts_enums_and_counts_missing_keys_as_zero():
    assert curve_violations(OrgPredikat.ISTIMEWA, {Predikat.SANGAT_BAIK: 1, Predikat.BAIK: 1}) == []
    assert curve_violations("BAIK", {}) == []


def test_curve_messages_are_indonesian_and_exact():
    (message,) = curve_violations("ISTIMEWA", {SB: 8, B: 2})
    assert message == ("Predikat organisasi Istimewa: Sangat Baik paling banyak 70 % (7 dari 10 pegawai); "
                       "saat ini 8 pegawai.")
    assert "minimal satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct" in curve_violations(
        "BAIK", {B: 1, SB: 1})[0] + curve_violations("BAIK", {B: 1, SB: 1})[-1]
    assert "tidak boleh ada pegawai berpredikat Sangat Baik" in " ".join(
        curve_violations("SANGAT_KURANG", {SK: 9, K: 1, SB: 1}))


def test_small_units_round_the_same_way():
    # 3 pegawai, Istimewa: 70 % of 3 = 2.1 → at most 2 Sangat Baik
    assert curve_violations("ISTIMEWA", {SB: 2, B: 1}) == []
    assert len(curve_violations("ISTIMEWA", {SB: 3})) == 1


from app.domain.scoring import period_achievement, period_realization, period_target  # noqa: E402


@pytest.mark.parametrize(
    ("number", "cumulative", "targets", "final", "expected"),
    [
        (1, True, None, False, D(3)),  # 12 documents a year, quarter 1: 3 so far
        (3, True, None, False, D(9)),
        (4, True, None, False, D(12)),
        (2, True, {1: 2, 2: 4}, False, D(6)),  # own targets per quarter, added up
        (3, True, {1: 2}, False, D(8)),  # 2 + 12/4 + 12/4
        (2, False, None, False, D(12)),  # a percentage stands alone: the annual target
        (2, False, {2: 10}, False, D(10)),
        (5, True, {1: 2}, True, D(12)),  # Akhir: the annual target
    ],
)
def test_period_target(number, cumulative, targets, final, expected):
    assert period_target(12, number, 4, cumulative=cumulative, period_targets=targets, final=final) == expected


def test_period_realization():
    values = {1: 2, 2: 4, 3: None}
    assert period_realization(values, 2, cumulative=True) == D(6)
    assert period_realization(values, 2, cumulative=False) == D(4)
    assert period_realization(values, 3, cumulative=True) is None  # nothing entered yet for Q3
    assert period_realization({5: 11}, 5, cumulative=True, final=True) == D(11)


def test_period_achievement_worked_examples():
    # 12 documents a year; 2 in Q1 and 4 in Q2: 6 of 6 so far
    assert period_achievement(target=12, number=2, count=4, values={1: 2, 2: 4}) == D("100.00")
    # Q1 only 2 of 3
    assert period_achievement(target=12, number=1, count=4, values={1: 2}) == D("66.67")
    # a percentage, lower is better: 8 % target, 6.5 % this quarter
    assert period_achievement(target=8, direction="lower", cumulative=False, number=3, count=4,
                              values={3: "6.5"}) == D("118.75")
    # a stand-alone range 2–8 °C
    assert period_achievement(target=2, target_high=8, direction="range", cumulative=False, number=1,
                              count=4, values={1: 9}) == D("112.50")
    # Akhir: the value entered for the year against the annual target
    assert period_achievement(target=12, number=5, count=4, values={5: 11}, final=True) == D("91.67")
    assert period_achievement(target=12, number=1, count=4, values={}) is None


# --- an SKP that starts late: the periods before it are skipped (RULES.md §10) ----------------

@pytest.mark.parametrize("number, skipped, final, cumulative, targets, expected", [
    (4, set(), False, True, None, "12"),            # a whole year: Q4's target so far is the annual one
    (4, {1, 2, 3}, False, True, None, "3"),         # started in Q4: only Q4's share
    (3, {1}, False, True, None, "6"),               # started in Q2: Q2 + Q3
    (4, {1, 2, 3}, True, True, None, "3"),          # the Akhir of an SKP started in Q4
    (4, set(), True, True, None, "12"),             # the Akhir of a whole year
    (4, {1, 2}, False, True, {3: "5", 4: "1"}, "6"),  # own per-period targets count as set
    (4, {1, 2, 3}, False, False, None, "12"),       # a stand-alone IKI is not pro rata
])
def test_period_target_pro_rata_from_the_start(number, skipped, final, cumulative, targets, expected):
    assert period_target("12", number, 4, cumulative=cumulative, period_targets=targets, final=final,
                         skipped=skipped) == Decimal(expected)


def test_a_period_is_assessed_unless_it_ends_before_the_skp_starts():
    import datetime as dt

    end = dt.date(2026, 9, 30)
    assert assessed(end, None) and assessed(end, dt.date(2026, 9, 30)) and assessed(end, dt.date(2026, 1, 1))
    assert not assessed(end, dt.date(2026, 10, 1))


def test_printed_predikat_uses_the_same_words_as_the_charts():
    from app.domain.scoring import Predikat

    assert [p.printed for p in Predikat] == ["SANGAT BAIK", "BAIK", "BUTUH PERBAIKAN", "KURANG/MISCONDUCT",
                                             "SANGAT KURANG"]
    assert all(p.printed == p.label.upper() for p in Predikat)
