"""domain.skp.plan_warnings: a stand-alone IKI whose only target is the year's is flagged at
planning time (it is compared with the whole year's target in every period)."""
from decimal import Decimal

import pytest

from app.domain.skp import Approach, Direction, IndicatorDraft, ResultDraft, ResultKind, plan_warnings


def _plan(**indicator):
    values = {"ref": "iki-1", "text": "Persentase sekolah terakreditasi", "aspect": "KUALITAS",
              "target_value": Decimal("100"), "target_high": None, "unit": "%", "direction": Direction.HIGHER,
              **indicator}
    return [ResultDraft("rhk-1", ResultKind.UTAMA, "Meningkatnya mutu", True, False, [IndicatorDraft(**values)])]


@pytest.mark.parametrize("indicator, approach, warned", [
    ({"cumulative": False}, Approach.KUANTITATIF, True),
    ({"cumulative": False, "has_period_targets": True}, Approach.KUANTITATIF, False),
    ({"cumulative": True}, Approach.KUANTITATIF, False),
    ({"cumulative": False, "direction": Direction.LOWER}, Approach.KUANTITATIF, False),
    ({"cumulative": False, "target_value": None}, Approach.KUANTITATIF, False),
    ({"cumulative": False}, Approach.KUALITATIF, False),
])
def test_a_year_end_target_is_flagged(indicator, approach, warned):
    warnings = plan_warnings(_plan(**indicator), approach)
    assert bool(warnings) == warned
    if warned:
        (warning,) = warnings
        assert warning.ref == "iki-1" and "target tahunan 100 %" in warning.message
        assert "isi target per periode" in warning.message
