"""Pangkat/golongan tables and parsing (RULES.md §9)."""
import pytest

from app.domain.enums import EmploymentStatus as S
from app.domain.grades import PNS_GRADES, PPPK_GRADES, GradeError, get_grade, grades_for, parse_grade


def test_tables_have_17_grades_each_in_order():
    assert [g.code for g in PNS_GRADES][:2] == ["I/a", "I/b"]
    assert PNS_GRADES[-1].code == "IV/e" and PNS_GRADES[-1].pangkat == "Pembina Utama"
    assert len(PNS_GRADES) == 17 and len(PPPK_GRADES) == 17
    assert [g.code for g in PPPK_GRADES][-1] == "XVII"
    assert [g.rank for g in PNS_GRADES] == list(range(1, 18))
    assert grades_for(S.PPPK) is PPPK_GRADES


@pytest.mark.parametrize(
    ("status", "raw", "code"),
    [
        (S.PNS, "Penata Tingkat I (III/d)", "III/d"),
        (S.PNS, "III/d", "III/d"),
        (S.PNS, "iii / D", "III/d"),
        (S.PNS, "Penata Tk. I (III/d)", "III/d"),
        (S.PNS, "Penata Tk I - III/d", "III/d"),
        (S.PNS, "Pembina Utama Muda (IV/c)", "IV/c"),
        (S.PNS, "Juru Muda (I/a)", "I/a"),
        (S.PNS, "Penata", "III/c"),
        (S.PNS, "  Pengatur   Muda  Tingkat I  ", "II/b"),
        (S.PPPK, "IX", "IX"),
        (S.PPPK, "Golongan XVII", "XVII"),
        (S.PPPK, "i", "I"),
    ],
)
def test_parse_valid(status, raw, code):
    assert parse_grade(status, raw).code == code


@pytest.mark.parametrize(
    ("status", "raw", "fragment"),
    [
        (S.PNS, "", "wajib diisi"),
        (S.PNS, "Pembina (IV/b)", "tidak sesuai dengan golongan IV/b (seharusnya Pembina Tingkat I)"),
        (S.PNS, "IX", "golongan PPPK"),
        (S.PNS, "V/a", "tidak dikenal"),
        (S.PNS, "Kepala", "tidak dikenal"),
        (S.PPPK, "III/d", "golongan ruang PNS"),
        (S.PPPK, "XVIII", "I sampai XVII"),
        (S.PPPK, "Penata", "tidak dikenal"),
    ],
)
def test_parse_invalid(status, raw, fragment):
    with pytest.raises(GradeError) as excinfo:
        parse_grade(status, raw)
    assert fragment in str(excinfo.value)


def test_get_grade_and_labels():
    assert get_grade(S.PNS, "III/d").label == "Penata Tingkat I (III/d)"
    assert get_grade(S.PPPK, "ix").label == "Golongan IX"
    assert get_grade(S.PNS, "IX") is None
    assert get_grade(S.PNS, None) is None
