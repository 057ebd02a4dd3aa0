"""What changed between two versions of an SKP: RHK and IKI are matched across versions by their
lineage (each copy remembers the RHK/IKI it was copied from)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.formatting import desimal
from app.models import Indicator, Plan, WorkResult

ADDED, REMOVED, CHANGED, SAME = "ditambah", "dihapus", "diubah", "tetap"


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ItemDiff:
    status: str
    old: object | None
    new: object | None
    changes: list[FieldChange] = field(default_factory=list)
    children: list[ItemDiff] = field(default_factory=list)

    @property
    def current(self):
        return self.new if self.new is not None else self.old


@dataclass
class PlanDiff:
    old: Plan
    new: Plan
    header: list[FieldChange]
    results: list[ItemDiff]
    expectations: list[FieldChange]

    @property
    def changed(self) -> bool:
        return bool(self.header or self.expectations or any(r.status != SAME for r in self.results))


def _root(item) -> int:
    """The id of the first version of an RHK/IKI (following `origin` back through versions)."""
    seen = 0
    while item.origin is not None and seen < 100:
        item, seen = item.origin, seen + 1
    return item.id


def _text(value) -> str:
    """A value as the SKP shows it: numbers in Indonesian notation, flags as ya/tidak."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        return desimal(value)
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    return str(value)


def _field_changes(old, new, fields: list[tuple[str, str]]) -> list[FieldChange]:
    changes = []
    for attr, label in fields:
        a, b = getattr(old, attr), getattr(new, attr)
        if a != b:
            changes.append(FieldChange(label, _text(a), _text(b)))
    return changes


RESULT_FIELDS = [("kind", "Jenis"), ("text", "Rumusan RHK"), ("parent_text", "RHK atasan"),
                 ("org_target_text", "Sasaran organisasi"), ("assigned_by", "Penugasan dari")]
INDICATOR_FIELDS = [("aspect", "Aspek"), ("text", "Rumusan IKI"), ("target_value", "Target"),
                    ("target_high", "Batas atas"), ("unit", "Satuan"), ("direction", "Arah"),
                    ("cumulative", "Akumulatif"), ("perspective", "Perspektif"),
                    ("narrative_target", "Target naratif")]


class _ResultView:
    """An RHK with its links as text, so that a re-pointed link shows as a change."""

    def __init__(self, result: WorkResult):
        self.result = result
        self.kind, self.text, self.assigned_by = result.kind, result.text, result.assigned_by
        self.parent_text = result.parent.text if result.parent is not None else None
        self.org_target_text = result.org_target.label if result.org_target is not None else None


def _match(old_items, new_items):
    old_by_root = {_root(i): i for i in old_items}
    pairs = []
    for item in new_items:
        pairs.append((old_by_root.pop(_root(item), None), item))
    pairs.extend((item, None) for item in old_by_root.values())
    return pairs


def _indicator_diffs(old: WorkResult | None, new: WorkResult | None) -> list[ItemDiff]:
    diffs = []
    for a, b in _match(old.indicators if old else [], new.indicators if new else []):
        if a is None:
            diffs.append(ItemDiff(ADDED, None, b))
        elif b is None:
            diffs.append(ItemDiff(REMOVED, a, None))
        else:
            changes = _field_changes(a, b, INDICATOR_FIELDS)
            diffs.append(ItemDiff(CHANGED if changes else SAME, a, b, changes))
    return diffs


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Header, lampiran, ekspektasi and every RHK/IKI of `old` against `new`."""
    header = _field_changes(old, new, [
        ("approach", "Pendekatan"), ("resources", "Dukungan sumber daya"),
        ("accountability", "Skema pertanggungjawaban"), ("consequences", "Konsekuensi"),
    ])
    results = []
    for a, b in _match(old.results, new.results):
        children = _indicator_diffs(a, b)
        if a is None:
            results.append(ItemDiff(ADDED, None, b, children=children))
        elif b is None:
            results.append(ItemDiff(REMOVED, a, None, children=children))
        else:
            changes = _field_changes(_ResultView(a), _ResultView(b), RESULT_FIELDS)
            status = CHANGED if changes or any(c.status != SAME for c in children) else SAME
            results.append(ItemDiff(status, a, b, changes, children))
    old_exp = {e.core_value_id: e for e in old.expectations}
    new_exp = {e.core_value_id: e for e in new.expectations}
    expectations = []
    for value_id in sorted(set(old_exp) | set(new_exp)):
        a, b = old_exp.get(value_id), new_exp.get(value_id)
        if (a.text if a else "") != (b.text if b else ""):
            name = (b or a).core_value.name
            expectations.append(FieldChange(name, a.text if a else "–", b.text if b else "–"))
    return PlanDiff(old, new, header, results, expectations)


__all__ = ["ADDED", "CHANGED", "REMOVED", "SAME", "PlanDiff", "diff_plans", "Indicator"]
