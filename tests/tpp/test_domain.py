"""The TPP rules of app/domain/tpp.py, table by table."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from app.domain.tpp import (
    DEFAULT_BANDS, Band, PresenceDay, Scheme, amount, band_percent, bands_text, discipline, parse_bands, productivity,
)


@pytest.mark.parametrize("counted, standard, percent", [
    (0, 9900, D("0.00")), (9900, 9900, D("100.00")), (12000, 9900, D("100.00")), (4950, 9900, D("50.00")),
    (1, 3, D("33.33")), (2, 3, D("66.67")), (0, 0, D("100.00")),
])
def test_productivity_is_capped_at_100(counted, standard, percent):
    assert productivity(counted, standard) == percent


@pytest.mark.parametrize("minutes, percent", [(0, D(0)), (1, D("0.5")), (30, D("0.5")), (31, D(1)), (60, D(1)),
                                              (61, D("1.25")), (90, D("1.25")), (91, D("1.5")), (600, D("1.5"))])
def test_the_band_of_minutes(minutes, percent):
    assert band_percent(minutes, DEFAULT_BANDS) == percent


def test_discipline_deducts_absent_days_and_each_late_or_early_day():
    days = [PresenceDay(absent=True), PresenceDay(late=12), PresenceDay(late=45, early=95), PresenceDay()]
    result = discipline(days, Scheme())
    assert result.deductions == [("1 hari tanpa keterangan", D(3)), ("2 kali terlambat", D("1.5")),
                                 ("1 kali pulang cepat", D("1.5"))]
    assert result.percent == D("94.00")
    assert discipline([PresenceDay(absent=True)] * 40, Scheme()).percent == D("0.00")  # never below 0
    assert discipline([], Scheme()).percent == D("100.00")


@pytest.mark.parametrize("basis, prod, disc, expected", [
    (D(5_000_000), D(100), D(100), D(5_000_000)),
    (D(5_000_000), D(50), D(100), D(3_500_000)),  # 60 % × 50 % + 40 % × 100 % = 70 %
    (D(5_000_000), D(100), D(94), D(4_880_000)),
    (D(3_333_333), D("33.33"), D("99.5"), D(1_993_266)),  # 59,798 % of it, in whole rupiah
    (D(0), D(100), D(100), D(0)),
])
def test_the_amount(basis, prod, disc, expected):
    assert amount(basis, prod, disc, Scheme()) == expected


@pytest.mark.parametrize("weights", [(D(60), D(30)), (D(-10), D(110))])
def test_weights_must_add_up_to_100(weights):
    with pytest.raises(ValueError):
        Scheme(productivity_weight=weights[0], discipline_weight=weights[1])


def test_bands_read_and_written_as_text():
    assert parse_bands("1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5") == DEFAULT_BANDS
    assert bands_text(DEFAULT_BANDS) == "1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5"
    assert parse_bands("") == ()


@pytest.mark.parametrize("text", ["2-30:1", "1-30:1; 40-60:1", "1-30:1; 20-60:1", "1-:1; 31-60:2", "1-30:x",
                                  "1-30:150", "30-1:1", "satu"])
def test_bad_bands_are_refused(text):
    with pytest.raises(ValueError):
        parse_bands(text)
