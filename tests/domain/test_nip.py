"""NIP parsing: RULES.md §9, every valid shape and every kind of failure."""
import datetime as dt

import pytest

from app.domain.enums import Gender
from app.domain.nip import NipError, mask_nip, nip_error, normalize_nip, parse_nip

TODAY = dt.date(2026, 11, 23)


def test_valid_nip_gives_birth_date_tmt_gender_and_serial():
    info = parse_nip("198508222015071796", today=TODAY)
    assert info.birth_date == dt.date(1985, 8, 22)
    assert info.tmt == dt.date(2015, 7, 1)
    assert info.gender == Gender.LAKI_LAKI
    assert info.serial == "796"


def test_female_digit():
    assert parse_nip("199001012013012874", today=TODAY).gender == Gender.PEREMPUAN


@pytest.mark.parametrize("raw", [" 198508222015071796 ", "19850822 201507 1 796", "'198508222015071796"])
def test_spaces_and_leading_apostrophe_are_ignored(raw):
    assert parse_nip(raw, today=TODAY).nip == "198508222015071796"


def test_tmt_in_the_current_month_is_valid():
    assert parse_nip("200001012026111001", today=TODAY).tmt == dt.date(2026, 11, 1)


def test_leap_day_birth_date():
    assert parse_nip("200002292022011001", today=TODAY).birth_date == dt.date(2000, 2, 29)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "wajib diisi"),
        (None, "wajib diisi"),
        ("19850822201507179A", "hanya boleh berisi angka"),
        ("1985-08-22-2015071796", "hanya boleh berisi angka"),
        ("١٩٨٥٠٨٢٢٢٠١٥٠٧١٧٩٦", "hanya boleh berisi angka"),  # non-ASCII digits
        ("19850822201507179", "harus 18 digit; yang diisi 17"),
        ("1985082220150717960", "harus 18 digit; yang diisi 19"),
        ("198513222015071796", "tanggal lahir yang valid"),  # month 13
        ("198502302015071796", "tanggal lahir yang valid"),  # 30 February
        ("199902292020011001", "tanggal lahir yang valid"),  # 1999 is not a leap year
        ("203001012050011001", "belum terjadi"),  # born in the future
        ("198508222015131796", "bulan TMT dan harus 01–12, bukan 13"),
        ("198508222015001796", "bulan TMT dan harus 01–12, bukan 00"),
        ("198508221980011796", "harus setelah tanggal lahir"),
        ("198508221985081796", "harus setelah tanggal lahir"),  # the very month of birth
        ("198508222027011796", "belum terjadi"),  # TMT in the future
        ("198508222026121796", "belum terjadi"),  # next month
        ("198508222015073796", "bukan 3"),
        ("198508222015070796", "bukan 0"),
    ],
)
def test_invalid_nips_are_explained_in_indonesian(raw, fragment):
    with pytest.raises(NipError) as excinfo:
        parse_nip(raw, today=TODAY)
    assert fragment in str(excinfo.value)
    assert nip_error(raw, today=TODAY) == str(excinfo.value)


def test_nip_error_is_none_for_a_valid_nip():
    assert nip_error("198508222015071796", today=TODAY) is None


def test_normalize_keeps_digits_only_from_spacing():
    assert normalize_nip(None) == ""
    assert normalize_nip(" 1985 ") == "1985"


def test_mask_hides_the_birth_date():
    assert mask_nip("198508222015071796") == "********2015071796"
    assert mask_nip("123") == "123"
