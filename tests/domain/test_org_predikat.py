"""The predikat kinerja organisasi suggested by the OPD's own capaian, by the kabupaten's thresholds."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.enums import OrgPredikat
from app.domain.scoring import org_capaian, parse_org_thresholds, suggest_org_predikat


@pytest.mark.parametrize("capaian, expected", [
    ("130", OrgPredikat.ISTIMEWA), ("110", OrgPredikat.ISTIMEWA), ("109.99", OrgPredikat.BAIK),
    ("90", OrgPredikat.BAIK), ("89.99", OrgPredikat.BUTUH_PERBAIKAN), ("70", OrgPredikat.BUTUH_PERBAIKAN),
    ("69.99", OrgPredikat.KURANG), ("50", OrgPredikat.KURANG), ("49.99", OrgPredikat.SANGAT_KURANG),
    ("0", OrgPredikat.SANGAT_KURANG),
])
def test_default_thresholds(capaian, expected):
    assert suggest_org_predikat(Decimal(capaian)) == expected


def test_no_capaian_no_suggestion_and_other_thresholds():
    assert suggest_org_predikat(None) is None
    strict = parse_org_thresholds("115; 95,5; 80; 60")
    assert strict == (Decimal(115), Decimal("95.5"), Decimal(80), Decimal(60))
    assert suggest_org_predikat(Decimal(110), strict) == OrgPredikat.BAIK
    assert suggest_org_predikat(Decimal(95), strict) == OrgPredikat.BUTUH_PERBAIKAN


@pytest.mark.parametrize("text", ["", "110; 90; 70", "110; 90; 70; 50; 30", "90; 110; 70; 50", "110; 90; 90; 50",
                                  "110; 90; 70; 0", "a; b; c; d", "110; 90; 70; NaN"])
def test_bad_thresholds_are_refused(text):
    with pytest.raises(ValueError):
        parse_org_thresholds(text)


def test_the_opd_capaian_is_the_mean_of_its_targets():
    # 95/100 = 95 %; 12/10 = 120 % (the cap); a target without realisasi is left out
    assert org_capaian([(Decimal(100), Decimal(95)), (Decimal(10), Decimal(15)), (Decimal(5), None)]) == Decimal("107.50")
    assert org_capaian([(Decimal(5), None)]) is None
    assert org_capaian([]) is None
