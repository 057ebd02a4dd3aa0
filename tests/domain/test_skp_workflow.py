"""domain/skp.py: the SKP workflow table (`next_status`) walked cell by cell, and what keeps a plan
from being submitted (`plan_problems`, `indicator_problems`)."""
from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from app.domain.skp import (
    PLAN_TRANSITIONS, Approach, Direction, IndicatorDraft, PlanAction, PlanStatus, ResultDraft, ResultKind,
    TransitionError, next_status, plan_problems,
)

ALLOWED = [
    (PlanAction.SUBMIT, PlanStatus.DRAFT, PlanStatus.SUBMITTED),
    (PlanAction.SUBMIT, PlanStatus.RETURNED, PlanStatus.SUBMITTED),
    (PlanAction.WITHDRAW, PlanStatus.SUBMITTED, PlanStatus.DRAFT),
    (PlanAction.APPROVE, PlanStatus.SUBMITTED, PlanStatus.APPROVED),
    (PlanAction.RETURN, PlanStatus.SUBMITTED, PlanStatus.RETURNED),
    (PlanAction.SUPERSEDE, PlanStatus.APPROVED, PlanStatus.SUPERSEDED),
]


@pytest.mark.parametrize(("action", "status", "expected"), ALLOWED)
def test_allowed_transitions(action, status, expected):
    assert next_status(action, status) == expected


REFUSED = [(a, s) for a, s in itertools.product(PlanAction, PlanStatus) if (a, s) not in PLAN_TRANSITIONS]


@pytest.mark.parametrize(("action", "status"), REFUSED)
def test_every_other_cell_is_refused_with_the_reason_in_indonesian(action, status):
    with pytest.raises(TransitionError) as refused:
        next_status(action, status)
    assert str(refused.value).startswith(f"SKP berstatus {status.label} tidak dapat ")


def test_the_table_has_exactly_the_allowed_cells():
    assert len(ALLOWED) + len(REFUSED) == len(PlanAction) * len(PlanStatus)
    assert {(a, s): t for a, s, t in ALLOWED} == PLAN_TRANSITIONS
    assert str(_refusal(PlanAction.APPROVE, PlanStatus.DRAFT)) == "SKP berstatus Draf tidak dapat disetujui."


def _refusal(action, status):
    try:
        next_status(action, status)
    except TransitionError as error:
        return error
    raise AssertionError("not refused")


def iki(ref="iki-1", **changes) -> IndicatorDraft:
    values = {"ref": ref, "text": "Jumlah laporan", "aspect": "KUANTITAS", "target_value": Decimal("12"),
              "target_high": None, "unit": "Laporan", "direction": Direction.HIGHER}
    values.update(changes)
    return IndicatorDraft(**values)


def rhk(ref="rhk-1", kind=ResultKind.UTAMA, *, indicators=None, **changes) -> ResultDraft:
    values = {"ref": ref, "kind": kind, "text": "Tersusunnya laporan", "has_parent": True, "has_org_target": True}
    values.update(changes)
    return ResultDraft(indicators=[iki()] if indicators is None else indicators, **values)


def messages(problems) -> list[tuple[str, str | None, str]]:
    return [(p.ref, p.field, p.message) for p in problems]


def test_a_complete_plan_has_no_problem():
    assert plan_problems([rhk(), rhk("rhk-2", ResultKind.TAMBAHAN, has_parent=False)], Approach.KUANTITATIF,
                         is_jpt=False) == []


@pytest.mark.parametrize(("results", "is_jpt", "expected"), [
    ([], False, [("", None, "SKP harus memuat minimal satu RHK utama.")]),
    ([rhk(kind=ResultKind.TAMBAHAN)], False, [("", None, "SKP harus memuat minimal satu RHK utama.")]),
    ([rhk(text="  ")], False, [("rhk-1", "text", "Rumusan RHK wajib diisi.")]),
    ([rhk(has_parent=False)], False,
     [("rhk-1", "parent_id", "Pilih RHK atasan yang diintervensi oleh RHK utama ini.")]),
    ([rhk(has_parent=False)], True, []),  # a JPT's RHK refers to the organisation's targets instead
    ([rhk(has_org_target=False)], True,
     [("rhk-1", "org_target_id", "RHK utama pejabat pimpinan tinggi harus mengacu pada sasaran/IKU perjanjian "
                                 "kinerja organisasi.")]),
    ([rhk(indicators=[])], False, [("rhk-1", None, "Setiap RHK harus memiliki minimal satu IKI.")]),
], ids=["no-rhk", "only-tambahan", "blank-rhk", "no-parent", "jpt-no-parent-is-fine", "jpt-no-org-target",
        "no-iki"])
def test_plan_problems(results, is_jpt, expected):
    assert messages(plan_problems(results, Approach.KUANTITATIF, is_jpt=is_jpt)) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({"text": ""}, [("text", "Rumusan IKI wajib diisi.")]),
    ({"aspect": None}, [("aspect", "Pilih aspek IKI (kuantitas, kualitas, waktu atau biaya).")]),
    ({"target_value": None}, [("target_value", "Target IKI wajib diisi dengan angka.")]),
    ({"target_value": Decimal("0")}, [("target_value", "Target IKI harus lebih besar dari 0.")]),
    ({"direction": Direction.RANGE}, [("target_high", "Batas atas rentang target wajib diisi.")]),
    ({"direction": Direction.RANGE, "target_high": Decimal("12")},
     [("target_high", "Batas bawah rentang harus lebih kecil dari batas atasnya.")]),
    ({"direction": Direction.RANGE, "target_high": Decimal("15")}, []),
    ({"unit": " "}, [("unit", "Satuan target wajib diisi (mis. Dokumen, %, Bulan).")]),
])
def test_indicator_problems_kuantitatif(changes, expected):
    problems = plan_problems([rhk(indicators=[iki(**changes)])], Approach.KUANTITATIF, is_jpt=False)
    assert [(p.field, p.message) for p in problems] == expected
    assert all(p.ref == "iki-1" for p in problems)


def test_a_kualitatif_iki_needs_only_its_text_and_narrative_target():
    bare = iki(aspect=None, target_value=None, unit=None, narrative_target=None)
    assert messages(plan_problems([rhk(indicators=[bare])], Approach.KUALITATIF, is_jpt=False)) == [
        ("iki-1", "narrative_target", "Target naratif wajib diisi untuk pendekatan kualitatif.")]
    described = iki(aspect=None, target_value=None, unit=None, narrative_target="Layanan tuntas tepat waktu")
    assert plan_problems([rhk(indicators=[described])], Approach.KUALITATIF, is_jpt=False) == []


def test_problems_come_in_reading_order():
    results = [rhk("rhk-1", indicators=[iki("iki-1", text=""), iki("iki-2", unit="")]),
               rhk("rhk-2", text="", indicators=[iki("iki-3", target_value=None)])]
    assert [p.ref for p in plan_problems(results, Approach.KUANTITATIF, is_jpt=False)] == [
        "iki-1", "iki-2", "rhk-2", "iki-3"]
