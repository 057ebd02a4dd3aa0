"""The cascading map as plain data: who holds which RHK, which RHK intervenes which, the gaps.
Built by app.services.skp.cascade, rendered by templates/skp/cascade_*.html."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.skp import Direction, PlanStatus, ResultKind
from app.formatting import desimal
from app.models import AppraisalYear, OrgUnit

NO_PLAN = "Belum menyusun SKP"


# --- numbers and targets as people read them ----------------------------------------------------
def target_text(value: Decimal | None, high: Decimal | None, unit: str | None,
                direction: Direction | None = None) -> str:
    """"12 Dokumen", "2–8 °C", "85 per 100.000 KH"."""
    if value is None:
        return "–"
    amount = desimal(value)
    if direction == Direction.RANGE and high is not None:
        amount = f"{amount}–{desimal(high)}"
    return f"{amount} {unit}".strip() if unit else amount


# --- the map as plain data ------------------------------------------------------------------------
@dataclass
class Owner:
    """A pegawai on the map with the state of their SKP for the year."""

    id: int
    name: str
    nip: str
    position: str
    unit: str
    assessor_id: int | None
    is_jpt: bool
    depth: int = 0
    plan_id: int | None = None
    version: int | None = None
    status: PlanStatus | None = None
    approved: bool = False  # some version is approved and in force

    @property
    def status_label(self) -> str:
        return self.status.label if self.status is not None else NO_PLAN

    @property
    def outside(self) -> bool:
        """A superior shown for the RHK the map's people intervene (depth -1), not one of them:
        the reader of the map may not open their SKP."""
        return self.depth < 0


@dataclass
class IndicatorLine:
    aspect: str
    text: str
    target: str
    note: str = ""  # direction, or "naratif"
    perspective: str | None = None


@dataclass
class Node:
    """One RHK of one pegawai, with the RHK of their direct reports that intervene it."""

    id: int
    kind: ResultKind
    text: str
    owner: Owner
    position: int
    indicators: list[IndicatorLine]
    children: list[Node] = field(default_factory=list)
    uncovered: bool = False  # an utama RHK of a superior that no direct report intervenes
    problem: str | None = None  # why it hangs nowhere (no or a wrong superior's RHK)
    via_older_version: bool = False  # intervenes an RHK of an older version of the superior's SKP

    def sort_key(self):
        return (self.owner.depth, self.owner.unit, self.owner.name, self.kind != ResultKind.UTAMA, self.position,
                self.id)


@dataclass
class Anchor:
    """A top of the map: an organisation target, an RHK of a superior outside the scope, or the
    list of RHK that hang nowhere."""

    kind: str  # "target", "external", "orphans", "loose"
    title: str
    detail: str = ""
    target: str = ""
    owner: Owner | None = None
    nodes: list[Node] = field(default_factory=list)


@dataclass
class Gaps:
    uncovered: list[Node] = field(default_factory=list)
    without_approved: list[Owner] = field(default_factory=list)
    orphans: list[Node] = field(default_factory=list)
    idle_targets: list[Anchor] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.uncovered) + len(self.without_approved) + len(self.orphans) + len(self.idle_targets)


@dataclass
class CascadeMap:
    year: AppraisalYear
    opd: OrgUnit | None
    root: Owner | None
    anchors: list[Anchor]
    gaps: Gaps
    members: list[Owner]
    counts: list[tuple[str, str, int]]  # (status key, label, pegawai)
    rhk_count: int
    jpt_in_scope: bool


# --- scopes ---------------------------------------------------------------------------------------
