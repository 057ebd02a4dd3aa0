"""Numbers typed the Indonesian way (decimal comma, dot for thousands), or with a decimal dot."""
from decimal import Decimal

import pytest

from app.domain.numbers import NumberError, input_text, parse_decimal, plain


@pytest.mark.parametrize("typed, value", [
    ("85,5", Decimal("85.5")),
    ("1.234,5", Decimal("1234.5")),
    ("1.234.567,89", Decimal("1234567.89")),
    ("1.234.567", Decimal("1234567")),
    ("85.5", Decimal("85.5")),
    ("1,234.5", Decimal("1234.5")),
    ("0.125", Decimal("0.125")),
    ("1234.567", Decimal("1234.567")),
    ("1,500", Decimal("1.5")),  # one comma is always the Indonesian decimal mark
    (" 1 234,5 ", Decimal("1234.5")),
    (",5", Decimal("0.5")),
    ("-2,5", Decimal("-2.5")),
    ("100", Decimal("100")),
    ("", None),
    ("   ", None),
])
def test_accepted(typed, value):
    assert parse_decimal(typed) == value


@pytest.mark.parametrize("typed, message", [
    ("1.500", "Penulisan 1.500 tidak jelas: tulis 1500 (tanpa titik) atau 1,500 (koma desimal)."),
    ("abc", "Harus berupa angka"),
    ("5,", "Harus berupa angka"),
    ("+", "Harus berupa angka"),
    ("1e5", "Harus berupa angka"),
    ("12,34,56", "Harus berupa angka"),
    ("1,2.3", "Harus berupa angka"),
    ("1.23.456", "Harus berupa angka"),
    ("NaN", "Harus berupa angka"),
    ("٣", "Harus berupa angka"),  # digits of another script
    ("85,55555", "Paling banyak 4 angka di belakang koma."),
    ("123456789012345", "Angka terlalu besar."),
])
def test_refused(typed, message):
    with pytest.raises(NumberError, match="^" + message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        parse_decimal(typed)


@pytest.mark.parametrize("value, text", [
    (Decimal("85.5000"), "85,5"), (Decimal("1234.5"), "1234,5"), (Decimal("100"), "100"),
    (Decimal("1E+2"), "100"), (Decimal("0.0001"), "0,0001"), (None, ""),
])
def test_typed_back(value, text):
    assert input_text(value) == text


@pytest.mark.parametrize("value, text", [
    (Decimal("6.0000"), "6"), (Decimal("1234.5000"), "1234.5"), (Decimal("100"), "100"), (None, None),
])
def test_plain_for_audit_and_diffs(value, text):
    assert plain(value) == text
