"""The cascading map of an OPD (or of a supervisor's subtree) for a year: the organisation
targets, the JPT's RHK that come from them, and below every RHK the RHK of the direct reports
that intervene it, down the reporting tree; with the gaps (RULES.md §2).

Everything is read in a constant number of queries (the pegawai, all their SKP versions with
RHK and IKI, the organisation targets, the superiors outside the scope) and assembled in Python.
The newest version of each SKP is shown; an RHK that intervenes an RHK of an older version of the
superior's SKP is matched to the same RHK in the current version through its `origin_id`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from app.domain.enums import PositionKind
from app.domain.skp import Approach, Direction, PlanStatus, ResultKind
from app.extensions import db
from app.models import AppraisalYear, Employee, OrgTarget, OrgUnit, Plan, User, WorkResult
from app.services.skp.cascade_model import (
    NO_PLAN, Anchor, CascadeMap, Gaps, IndicatorLine, Node, Owner, target_text,
)
from app.services.org.units import opds_in_scope

MAX_LINEAGE = 50  # versions of one SKP; guards against a cycle in bad data


def opd_scope(opd_id: int) -> Select:
    """The ids of the active pegawai of an OPD."""
    return (select(Employee.id).join(OrgUnit, Employee.unit_id == OrgUnit.id)
            .where(OrgUnit.opd_id == opd_id, Employee.active.is_(True)))


def subtree_scope(root_id: int) -> Select:
    """The ids of a pegawai and everyone below them in the reporting tree (one recursive query;
    UNION, not UNION ALL, so a cycle in bad data ends)."""
    tree = select(Employee.id).where(Employee.id == root_id).cte("subtree", recursive=True)
    tree = tree.union(select(Employee.id).where(Employee.assessor_id == tree.c.id, Employee.active.is_(True)))
    return select(tree.c.id)


def opd_map(opd: OrgUnit, year: AppraisalYear) -> CascadeMap:
    """The map of a whole OPD, from its Perjanjian Kinerja targets down."""
    return _Assembler(year, opd=opd).build(opd_scope(opd.id))


def subtree_map(root: Employee, year: AppraisalYear) -> CascadeMap:
    """The map below one supervisor, from their own RHK down."""
    return _Assembler(year, root_id=root.id).build(subtree_scope(root.id))


class _Assembler:
    def __init__(self, year: AppraisalYear, *, opd: OrgUnit | None = None, root_id: int | None = None):
        self.year, self.opd, self.root_id = year, opd, root_id

    # -- loading (a fixed number of queries) ---------------------------------------------------
    def build(self, scope: Select) -> CascadeMap:
        members = list(db.session.scalars(
            select(Employee).where(Employee.id.in_(scope), Employee.active.is_(True))
            .options(joinedload(Employee.unit))
        ))
        ids = {m.id for m in members}
        outside = sorted({m.assessor_id for m in members if m.assessor_id is not None} - ids)
        plans = list(db.session.scalars(
            select(Plan).where(Plan.year_id == self.year.id,
                               or_(Plan.employee_id.in_(scope), Plan.employee_id.in_(outside)))
            .options(selectinload(Plan.results).selectinload(WorkResult.indicators))
        ))
        superiors = list(db.session.scalars(
            select(Employee).where(Employee.id.in_(outside)).options(joinedload(Employee.unit))
        )) if outside else []
        return self._assemble(members, superiors, plans)

    def _targets(self, plans: list[Plan], newest: dict[int, Plan]) -> list[OrgTarget]:
        if self.opd is not None:
            return list(db.session.scalars(
                select(OrgTarget).where(OrgTarget.opd_id == self.opd.id, OrgTarget.year_id == self.year.id)
                .order_by(OrgTarget.position, OrgTarget.id)
            ))
        wanted = {r.org_target_id for p in newest.values() if p.is_jpt for r in p.results if r.org_target_id}
        if not wanted:
            return []
        return list(db.session.scalars(
            select(OrgTarget).where(OrgTarget.id.in_(wanted)).order_by(OrgTarget.position, OrgTarget.id)
        ))

    def _strangers(self, wanted: set[int]) -> dict[int, tuple[str, int]]:
        """Intervened RHK that lie outside every SKP loaded: their owner's name and id."""
        if not wanted:
            return {}
        rows = db.session.execute(
            select(WorkResult.id, Employee.name, Employee.id)
            .join(Plan, WorkResult.plan_id == Plan.id).join(Employee, Plan.employee_id == Employee.id)
            .where(WorkResult.id.in_(wanted))
        )
        return {rid: (name, employee_id) for rid, name, employee_id in rows}

    # -- assembling ----------------------------------------------------------------------------
    def _assemble(self, members: list[Employee], superiors: list[Employee], plans: list[Plan]) -> CascadeMap:
        owners = {e.id: _owner(e) for e in members}
        outsiders = {e.id: _owner(e, depth=-1) for e in superiors}
        _set_depths(owners)
        newest = _newest_versions(plans, (*owners.values(), *outsiders.values()))
        anchors = {t.id: Anchor("target", t.goal, t.indicator, target_text(t.target_value, None, t.unit))
                   for t in self._targets(plans, newest)}
        nodes = {r.id: _node(r, owners[e], newest[e].approach)
                 for e in owners if e in newest for r in newest[e].results}
        placer = _Placer(plans, newest, owners, outsiders, nodes, anchors)
        strangers = self._strangers({
            r.parent_id for e in owners if e in newest and not newest[e].is_jpt for r in newest[e].results
            if r.parent_id is not None and r.parent_id not in placer.result_plan
        })
        for employee_id, owner in owners.items():
            if employee_id in newest:
                placer.place(owner, newest[employee_id], strangers)

        uncovered = _mark_uncovered(owners, nodes)
        top = list(anchors.values()) + sorted(placer.external.values(), key=lambda a: (a.owner.name, a.title))
        loose_tops = [n for n in placer.loose if n.children]
        if loose_tops:
            top.append(Anchor("loose", "RHK tambahan tanpa RHK atasan", nodes=loose_tops))
        if placer.orphans:
            top.append(Anchor("orphans", "RHK tanpa RHK atasan yang sah", nodes=list(placer.orphans)))
        for anchor in top:
            anchor.nodes.sort(key=Node.sort_key)
        jpt = any(o.is_jpt for o in owners.values())
        people = sorted(owners.values(), key=lambda o: (o.depth, o.unit, o.name))
        gaps = Gaps(
            uncovered=uncovered,
            without_approved=[o for o in people if not o.approved],
            orphans=sorted(placer.orphans, key=Node.sort_key),
            idle_targets=[a for a in anchors.values() if not a.nodes] if jpt else [],
        )
        return CascadeMap(
            year=self.year, opd=self.opd, root=owners.get(self.root_id) if self.root_id else None,
            anchors=top, gaps=gaps, members=people, counts=_counts(owners.values()),
            rhk_count=len(nodes), jpt_in_scope=jpt,
        )


def _newest_versions(plans: list[Plan], owners) -> dict[int, Plan]:
    """The newest SKP version per pegawai; each owner learns its state and whether some version is
    approved (in force)."""
    newest: dict[int, Plan] = {}
    approved: set[int] = set()
    for plan in plans:
        if plan.employee_id not in newest or plan.version > newest[plan.employee_id].version:
            newest[plan.employee_id] = plan
        if plan.status == PlanStatus.APPROVED:
            approved.add(plan.employee_id)
    for owner in owners:
        plan = newest.get(owner.id)
        if plan is not None:
            owner.plan_id, owner.version, owner.status = plan.id, plan.version, plan.status
        owner.approved = owner.id in approved
    return newest


class _Placer:
    """Hangs each RHK under what it comes from: an organisation target (JPT), the RHK of the
    Pejabat Penilai it intervenes (in the scope, or outside it as an anchor), or nowhere (a gap)."""

    def __init__(self, plans, newest, owners, outsiders, nodes, anchors):
        self.owners, self.outsiders, self.nodes, self.anchors = owners, outsiders, nodes, anchors
        self.result_plan = {r.id: p for p in plans for r in p.results}
        self.current = {r.id for p in newest.values() for r in p.results}
        # The same RHK over versions: origin RHK -> (its copy, version of the copy).
        self.successor: dict[int, tuple[int, int]] = {}
        for plan in plans:
            for r in plan.results:
                if r.origin_id is not None and plan.version > self.successor.get(r.origin_id, (0, 0))[1]:
                    self.successor[r.origin_id] = (r.id, plan.version)
        self.external: dict[int, Anchor] = {}
        self.loose: list[Node] = []
        self.orphans: list[Node] = []

    def resolve(self, rid: int) -> int | None:
        """The RHK of a current SKP version that `rid` is (or became through new versions)."""
        for _ in range(MAX_LINEAGE):
            if rid in self.current:
                return rid
            if rid not in self.successor:
                return None
            rid = self.successor[rid][0]
        return None

    def place(self, owner: Owner, plan: Plan, strangers: dict[int, tuple[str, int]]) -> None:
        for r in plan.results:
            node = self.nodes[r.id]
            if plan.is_jpt:
                self._from_target(r, node)
            elif r.parent_id is None:
                if r.kind == ResultKind.UTAMA:
                    node.problem = "Belum memilih RHK atasan yang diintervensi."
                else:
                    self.loose.append(node)
            else:
                self._under_parent(r, node, owner, strangers)
            if node.problem:
                self.orphans.append(node)

    def _from_target(self, r: WorkResult, node: Node) -> None:
        if r.org_target_id in self.anchors:
            self.anchors[r.org_target_id].nodes.append(node)
        elif r.kind == ResultKind.UTAMA:
            node.problem = ("Belum mengacu pada sasaran organisasi." if r.org_target_id is None else
                            "Sasaran organisasi yang diacu bukan milik perangkat daerah ini.")
        else:
            self.loose.append(node)

    def _under_parent(self, r: WorkResult, node: Node, owner: Owner, strangers) -> None:
        parent_id = self.resolve(r.parent_id)
        parent_plan = self.result_plan.get(parent_id) if parent_id is not None else None
        if parent_plan is None:
            name, holder = strangers.get(r.parent_id, (None, None))
            node.problem = (_not_the_assessor(name) if holder not in (None, owner.assessor_id) else
                            "RHK atasan yang diintervensi tidak ada lagi di SKP terkini Pejabat Penilai.")
        elif parent_plan.employee_id != owner.assessor_id:
            holder = self.owners.get(parent_plan.employee_id) or self.outsiders.get(parent_plan.employee_id)
            node.problem = _not_the_assessor(holder.name if holder else None)
        else:
            node.via_older_version = parent_id != r.parent_id
            if parent_id in self.nodes:
                self.nodes[parent_id].children.append(node)
                return
            if parent_id not in self.external:  # the superior lies outside the scope: a top
                parent = next(x for x in parent_plan.results if x.id == parent_id)
                self.external[parent_id] = Anchor("external", parent.text,
                                                  owner=self.outsiders[parent_plan.employee_id])
            self.external[parent_id].nodes.append(node)


def _mark_uncovered(owners: dict[int, Owner], nodes: dict[int, Node]) -> list[Node]:
    """A superior's utama RHK that none of their (non-JPT) direct reports intervenes."""
    leads = {o.assessor_id for o in owners.values() if not o.is_jpt and o.assessor_id in owners}
    uncovered = []
    for node in nodes.values():
        node.children.sort(key=Node.sort_key)
        if node.owner.id in leads and node.kind == ResultKind.UTAMA and not node.children:
            node.uncovered = True
            uncovered.append(node)
    return sorted(uncovered, key=Node.sort_key)


def _not_the_assessor(name: str | None) -> str:
    whose = f"milik {name}, " if name else ""
    return f"RHK yang diintervensi {whose}bukan dari SKP terkini Pejabat Penilai saat ini."


def _owner(e: Employee, depth: int = 0) -> Owner:
    return Owner(id=e.id, name=e.name, nip=e.nip, position=e.position, unit=e.unit.name if e.unit else "",
                 assessor_id=e.assessor_id, is_jpt=e.position_kind == PositionKind.JPT, depth=depth)


def _set_depths(owners: dict[int, Owner]) -> None:
    """Steps below the top of the scope (a superior outside the scope counts as the top)."""
    for owner in owners.values():
        depth, node = 0, owner
        while node.assessor_id in owners and depth < MAX_LINEAGE:
            depth, node = depth + 1, owners[node.assessor_id]
        owner.depth = depth


def _node(r: WorkResult, owner: Owner, approach: Approach) -> Node:
    lines = []
    for i in r.indicators:
        if approach == Approach.KUALITATIF:
            lines.append(IndicatorLine(i.aspect.label if i.aspect else "", i.text, i.narrative_target or "–", "naratif"))
            continue
        note = {Direction.LOWER: "makin rendah makin baik", Direction.RANGE: "dalam rentang"}.get(i.direction, "")
        lines.append(IndicatorLine(i.aspect.label if i.aspect else "", i.text,
                                   target_text(i.target_value, i.target_high, i.unit, i.direction), note,
                                   i.perspective.label if i.perspective else None))
    return Node(id=r.id, kind=r.kind, text=r.text, owner=owner, position=r.position, indicators=lines)


STATUS_ORDER = (PlanStatus.APPROVED, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.DRAFT)


def _counts(owners) -> list[tuple[str, str, int]]:
    tally = Counter(o.status for o in owners)
    rows = [(s.value, s.label, tally[s]) for s in STATUS_ORDER if tally[s]]
    if tally[None]:
        rows.append(("NONE", NO_PLAN, tally[None]))
    return rows


# --- the choice page --------------------------------------------------------------------------------
@dataclass
class OpdRow:
    opd: OrgUnit
    employees: int
    approved: int


def opd_rows(user: User, year: AppraisalYear | None) -> list[OpdRow]:
    """The OPDs an admin may map, with how many pegawai have an approved SKP."""
    opds = opds_in_scope(user)
    approved = select(Plan.employee_id).where(
        Plan.year_id == (year.id if year else -1), Plan.status == PlanStatus.APPROVED)
    counts = {
        opd_id: (total, done) for opd_id, total, done in db.session.execute(
            select(OrgUnit.opd_id, func.count(Employee.id), func.count(Employee.id).filter(Employee.id.in_(approved)))
            .join(OrgUnit, Employee.unit_id == OrgUnit.id)
            .where(Employee.active.is_(True), OrgUnit.opd_id.in_([o.id for o in opds] or [-1]))
            .group_by(OrgUnit.opd_id)
        )
    }
    return [OpdRow(o, *counts.get(o.id, (0, 0))) for o in opds]
