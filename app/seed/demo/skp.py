"""The SKPs of the demo kabupaten for 2026 (part of `flask seed-demo`).

Every OPD gets its Perjanjian Kinerja targets; the JPT plan their RHK from them, and everyone
below intervenes an RHK of their own Pejabat Penilai (the closest in wording, spreading over the
superior's RHK). Most SKPs are approved; a few wait for approval, are drafts, were returned, or do
not exist yet; one approved SKP has a second version in draft. The demo supervisor's team shows
each of these. Objects are built in memory and written with a few flushes; dates are fixed.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import insert, select

from app.domain.enums import OrgUnitKind, PositionKind
from app.domain.periods import PeriodScheme
from app.domain.skp import Approach, Aspect, Direction, Perspective, PlanStatus, ResultKind
from app.extensions import db
from app.models import (
    CoreValue, Employee, Expectation, Indicator, LibraryIndicator, LibraryResult, OrgTarget, OrgUnit,
    Plan, User, WorkResult,
)
from app.models.library import position_key
from app.seed.demo import names
from app.seed.demo import skp_data as content
from app.seed.demo.plan import REFERENCE_YEAR, SEED, DemoPlan
from app.services.skp.cascade import target_text
from app.services.skp.plan_copy import copy_content
from app.services.skp.plans import snapshot_of
from app.services.years import open_year

WIB = dt.timezone(dt.timedelta(hours=7))
APPROVALS_START = dt.datetime(REFERENCE_YEAR, 1, 6, 9, 0, tzinfo=WIB)  # the top first, then down
PENDING_AT = dt.datetime(REFERENCE_YEAR, 2, 2, 10, 0, tzinfo=WIB)
REVISED_AT = dt.datetime(REFERENCE_YEAR, 7, 8, 14, 0, tzinfo=WIB)
SHARE = ((0.82, PlanStatus.APPROVED), (0.90, PlanStatus.SUBMITTED), (0.95, PlanStatus.DRAFT))  # rest: none
QUALITATIVE = 0.08  # share of staff SKPs written with the kualitatif approach
EXTRA_TASK = 0.2  # share of staff with a tambahan RHK
# The demo supervisor's six reports, in DEMO_TEAM order: what their Beranda shows.
TEAM_STATES = (PlanStatus.APPROVED, PlanStatus.APPROVED, PlanStatus.SUBMITTED, PlanStatus.SUBMITTED,
               PlanStatus.RETURNED, None)
OTHER_RETURN = ("Inspektorat Daerah", "Inspektur Pembantu Wilayah II")
# A seksi of the demo admin's OPD that lags behind: one half-written draft (an RHK without IKI and
# without the superior's RHK), the others have not started; so its head's RHK wait uncovered.
LAGGING = (names.DINKES, "Seksi Kefarmasian dan Alat Kesehatan")
REVISION = (names.BKPSDM, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian")
_STOP = {"yang", "dengan", "untuk", "sesuai", "dalam", "serta", "pada", "atas", "daerah", "kabupaten",
         "perangkat", "kerja", "unit", "jumlah", "persentase"}


@dataclass
class SkpSummary:
    plans: int
    statuses: dict[str, int]


def _words(text: str) -> set[str]:
    """Significant word stems, to pick the superior's RHK closest in wording."""
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower())
            if len(w) > 3 and not w.endswith("nya") and w not in _STOP}


class _Builder:
    def __init__(self, demo: DemoPlan, units: list[OrgUnit], employees: list[Employee], recorder: User):
        self.demo, self.units, self.employees, self.recorder = demo, units, employees, recorder
        self.rng = random.Random(SEED + 2026)
        self.people = demo.people
        self.children: dict[int, list[int]] = {}
        for index, person in enumerate(self.people):
            if person.assessor is not None:
                self.children.setdefault(person.assessor, []).append(index)
        self.depth = [self._depth(i) for i in range(len(self.people))]
        self.order = sorted(range(len(self.people)), key=lambda i: (self.depth[i], i))
        self.plans: dict[int, Plan] = {}
        self.specs: dict[int, list[WorkResult]] = {}  # person -> their RHK, in order
        self.contents: dict[int, list[content.Rhk]] = {}  # person -> what each RHK says
        self.incomplete: WorkResult | None = None  # the RHK of the half-written draft

    def _depth(self, index: int) -> int:
        depth, node = 0, self.people[index].assessor
        while node is not None:
            depth, node = depth + 1, self.people[node].assessor
        return depth

    # -- who is in which state ---------------------------------------------------------------
    def statuses(self) -> dict[int, PlanStatus | None]:
        team = self.demo.staff[(names.DINKES, names.UMUM_KEPEG)]
        fixed = dict(zip(team, TEAM_STATES))
        fixed[self.demo.heads[(names.DINKES, names.UMUM_KEPEG)]] = PlanStatus.APPROVED
        fixed[self.demo.staff[OTHER_RETURN][0]] = PlanStatus.RETURNED
        fixed[self.demo.staff[REVISION][0]] = PlanStatus.APPROVED
        lagging = self.demo.staff[LAGGING]
        fixed.update({index: PlanStatus.DRAFT if n == 0 else None for n, index in enumerate(lagging)})
        result: dict[int, PlanStatus | None] = {}
        for index in self.order:
            if index in fixed:
                status = fixed[index]
            elif index in self.children:
                status = PlanStatus.APPROVED  # every leader has agreed their SKP
            else:
                draw = self.rng.random()
                status = next((s for limit, s in SHARE if draw < limit), None)
            boss = self.people[index].assessor
            boss_status = result.get(boss) if boss is not None else PlanStatus.APPROVED
            if boss_status is None and status is not None:
                status = PlanStatus.DRAFT  # nothing to intervene yet
            elif boss_status != PlanStatus.APPROVED and status == PlanStatus.APPROVED:
                status = PlanStatus.SUBMITTED
            result[index] = status
        return result

    # -- what each SKP says --------------------------------------------------------------------
    def rhk_for(self, index: int) -> list[tuple[content.Rhk, int | None]]:
        """(RHK, org target position) for a JPT; (RHK, None) for everyone else."""
        person = self.people[index]
        unit = self.demo.units[person.unit]
        opd = self.demo.units[unit.opd].name
        if person.kind == PositionKind.JPT:
            targets = content.ORG_TARGETS[opd]
            picks = content.SETDA_JPT.get(person.position) if opd == names.SETDA else range(len(targets))
            rhk, seen = [], set()
            for n in picks:
                target = targets[n]
                if n in seen:
                    rhk.append((content.SETDA_SECOND, n))
                else:
                    rhk.append((content.Rhk(target.goal, (target.iku, *target.extra)), n))
                seen.add(n)
            return rhk
        if person.kind == PositionKind.ADMINISTRATOR:
            if person.position.startswith("Camat"):
                table = content.CAMAT
            elif unit.kind == OrgUnitKind.SEKRETARIAT:
                table = content.SECRETARY
            elif person.position.startswith("Inspektur Pembantu"):
                table = content.INSPEKTUR_PEMBANTU
            else:
                table = content.DIVISIONS.get(unit.name) or content.generic_unit(unit.name)
            if self.demo.plt is not None and self.demo.plt[0] == index:
                table = (*table, content.PLT_RHK)
        elif person.kind == PositionKind.PENGAWAS:
            if unit.name.startswith("UPTD Puskesmas"):
                table = content.PUSKESMAS
            else:
                table = content.DIVISIONS.get(unit.name) or _prefixed(content.SUBUNITS, unit.name) \
                    or content.generic_unit(unit.name)
        elif "(Kepala Sekolah)" in person.position:
            table = content.SCHOOL
        else:
            table = _prefixed(content.STAFF, person.position) or content.generic_unit(unit.name)
        if len(table) < 2:
            table = (*table, content.generic_unit(unit.name)[1])
        return [(rhk, None) for rhk in table]

    def build(self, year, targets: dict[str, list[OrgTarget]], values: list[CoreValue]) -> None:
        """Plans and RHK as objects (their ids are needed for the links); IKI and ekspektasi, which
        need none back, as two bulk inserts."""
        statuses = self.statuses()
        for index in self.order:
            status = statuses[index]
            if status is not None:
                self.plans[index] = self._plan(index, status, year, targets)
        db.session.add_all(self.plans.values())
        db.session.flush()
        self._link()
        indicators, expectations = [], []
        for index, plan in self.plans.items():
            for result, spec in zip(self.specs[index], self.contents[index]):
                if result is not self.incomplete:
                    indicators.extend(_indicator_row(result.id, iki, n, plan.approach, year.year)
                                      for n, iki in enumerate(spec.ikis))
            if plan.status == PlanStatus.APPROVED:
                writer = self._approver(index)
                expectations.extend(
                    {"plan_id": plan.id, "core_value_id": v.id, "updated_by_id": writer.id,
                     "text": content.EXPECTATIONS[v.position][(index + v.position) % 2], "updated_at": plan.approved_at}
                    for v in values)
        db.session.execute(insert(Indicator), indicators)
        db.session.execute(insert(Expectation), expectations)
        db.session.flush()

    def _plan(self, index, status, year, targets) -> Plan:
        person, employee = self.people[index], self.employees[index]
        opd = self.demo.units[self.demo.units[person.unit].opd].name
        is_jpt = person.kind == PositionKind.JPT
        leaf = index not in self.children
        approach = Approach.KUALITATIF if (
            leaf and not is_jpt and (self._team_index(index) == 3 or self.rng.random() < QUALITATIVE)
        ) else Approach.KUANTITATIF
        resources, accountability, consequences = (
            t.format(opd=opd, year=year.year) for t in content.LAMPIRAN)
        plan = Plan(employee=employee, year=year, version=1, status=status, approach=approach, is_jpt=is_jpt,
                    snapshot=snapshot_of(employee), resources=resources, accountability=accountability,
                    consequences=consequences)
        self._dates(plan, index, status)
        rows = self.rhk_for(index)
        if leaf and not is_jpt and self.rng.random() < EXTRA_TASK and status != PlanStatus.DRAFT:
            rows.append((content.TAMBAHAN[index % len(content.TAMBAHAN)], None))
        self.specs[index], self.contents[index] = [], []
        for position, (spec, target_index) in enumerate(rows):
            tambahan = spec in content.TAMBAHAN
            result = WorkResult(
                kind=ResultKind.TAMBAHAN if tambahan else ResultKind.UTAMA, text=spec.text, position=position,
                org_target=targets[opd][target_index] if target_index is not None else None,
                assigned_by=self._boss_position(index) if tambahan else None,
            )
            plan.results.append(result)
            self.specs[index].append(result)
            self.contents[index].append(spec)
        if index == self.demo.staff[LAGGING][0]:
            self.incomplete = self.specs[index][-1]  # half-written: no IKI, no superior's RHK yet
        return plan

    def _team_index(self, index: int) -> int | None:
        team = self.demo.staff[(names.DINKES, names.UMUM_KEPEG)]
        return team.index(index) if index in team else None

    def _boss_position(self, index: int) -> str:
        boss = self.people[index].assessor
        return self.people[boss].position if boss is not None else names.HEAD_TITLE

    def _approver(self, index: int) -> User:
        boss = self.people[index].assessor
        return self.employees[boss].user if boss is not None else self.recorder

    def _dates(self, plan: Plan, index: int, status: PlanStatus) -> None:
        if status == PlanStatus.APPROVED:
            approved = APPROVALS_START + dt.timedelta(days=3 * self.depth[index], hours=index % 7)
            plan.approved_at = approved
            plan.submitted_at = approved - dt.timedelta(days=1, hours=2)
            plan.created_at = plan.submitted_at - dt.timedelta(days=2)
            plan.approved_by = self._approver(index)
            boss = self.people[index].assessor
            plan.approved_as = (self.people[boss].position if boss is not None
                                else f"{names.HEAD_TITLE} (dicatat oleh {self.recorder.name})")
        else:
            pending = PENDING_AT + dt.timedelta(days=index % 5, hours=index % 6)
            plan.created_at = pending - dt.timedelta(days=4)
            if status in (PlanStatus.SUBMITTED, PlanStatus.RETURNED):
                plan.submitted_at = pending
            if status == PlanStatus.RETURNED:
                plan.returned_at = pending + dt.timedelta(days=2)
                plan.return_reason = content.RETURN_REASONS[index % len(content.RETURN_REASONS)]
        plan.updated_at = plan.approved_at or plan.returned_at or plan.submitted_at or plan.created_at

    # -- cascading -----------------------------------------------------------------------------
    def _link(self) -> None:
        """Each RHK below the JPT intervenes the closest RHK of the assessor's SKP."""
        used: Counter = Counter()
        for index in self.order:
            boss = self.people[index].assessor
            plan = self.plans.get(index)
            if plan is None or plan.is_jpt or boss is None or boss not in self.plans:
                continue
            parents = [(r, _words(r.text)) for r in self.specs[boss] if r.kind == ResultKind.UTAMA]
            spread = Counter(w for _r, words in parents for w in words)  # a word of every RHK says little
            for result, spec in zip(self.specs[index], self.contents[index]):
                if result is self.incomplete:
                    continue  # the half-written draft has not chosen its superior's RHK yet
                words = _words(result.text)

                def fit(candidate):
                    parent, parent_words = candidate
                    hinted = bool(spec.hint) and spec.hint in parent.text.lower()
                    return (hinted, sum(1 / spread[w] for w in words & parent_words), -used[parent.id],
                            -parent.position)

                parent = max(parents, key=fit)[0]
                used[parent.id] += 1
                result.parent_id = parent.id

    def revise_one(self) -> Plan | None:
        """One approved SKP gets version 2 in draft (a new assignment mid-year)."""
        index = self.demo.staff[REVISION][0]
        first = self.plans.get(index)
        if first is None or first.status != PlanStatus.APPROVED:
            return None
        for result in first.results:
            db.session.expire(result, ["indicators"])  # written by the bulk insert: load them
        second = Plan(employee=first.employee, year=first.year, version=2, status=PlanStatus.DRAFT,
                      approach=first.approach, is_jpt=first.is_jpt, snapshot=first.snapshot, previous=first,
                      change_reason=content.CHANGE_REASON, resources=first.resources,
                      accountability=first.accountability, consequences=first.consequences,
                      created_at=REVISED_AT, updated_at=REVISED_AT)
        copy_content(first, second)
        second.results.append(WorkResult(
            kind=ResultKind.UTAMA, text=content.REVISED_RHK.text, position=len(second.results),
            parent_id=second.results[0].parent_id,
            indicators=[_indicator(i, n, second.approach, first.year.year)
                        for n, i in enumerate(content.REVISED_RHK.ikis)],
        ))
        db.session.add(second)
        return second


def _prefixed(table: dict, name: str):
    """The entry whose key `name` starts with (the longest such key)."""
    for key in sorted(table, key=len, reverse=True):
        if name.startswith(key):
            return table[key]
    return None


def _narrative(iki: content.Iki, year: int) -> str:
    target = target_text(iki.target, iki.high, iki.unit, Direction(iki.direction))
    if iki.aspect == "WAKTU":
        return f"{iki.text} paling lama {target}, dipantau setiap triwulan."
    if iki.direction == "range":
        return f"{iki.text} terjaga pada {target} sepanjang tahun {year}."
    if iki.aspect == "KUANTITAS":
        return f"{iki.text} mencapai {target} pada akhir tahun {year}, sesuai rencana kerja unit."
    return f"{iki.text} mencapai {target} dengan hasil yang diterima pimpinan tanpa revisi berarti."


def _indicator_row(result_id: int, iki: content.Iki, position: int, approach: Approach, year: int) -> dict:
    """One IKI as the values of a bulk insert (the kualitatif approach: a narrative target)."""
    row = {"result_id": result_id, "aspect": Aspect[iki.aspect], "text": iki.text, "position": position,
           "cumulative": iki.cumulative, "perspective": Perspective[iki.perspective] if iki.perspective else None,
           "direction": Direction(iki.direction), "target_value": iki.target, "target_high": iki.high,
           "unit": iki.unit, "narrative_target": None, "origin_id": None}
    if approach == Approach.KUALITATIF:
        row.update(narrative_target=_narrative(iki, year), direction=Direction.HIGHER, target_value=None,
                   target_high=None, unit=None)
    return row


def _indicator(iki: content.Iki, position: int, approach: Approach, year: int) -> Indicator:
    values = _indicator_row(0, iki, position, approach, year)
    del values["result_id"]
    return Indicator(**values)


def _org_targets(year, demo: DemoPlan, units: list[OrgUnit]) -> dict[str, list[OrgTarget]]:
    targets: dict[str, list[OrgTarget]] = {}
    for unit, spec in zip(units, demo.units):
        if spec.kind != OrgUnitKind.OPD:
            continue
        targets[unit.name] = [
            OrgTarget(opd=unit, year=year, goal=t.goal, indicator=t.iku.text, target_value=t.iku.target,
                      unit=t.iku.unit, position=n)
            for n, t in enumerate(content.ORG_TARGETS[unit.name])
        ]
        db.session.add_all(targets[unit.name])
    return targets


def _library() -> None:
    for position in content.LIBRARY:
        for n, spec in enumerate(_prefixed(content.STAFF, position)):
            entry = LibraryResult(position_name=position, position_key=position_key(position),
                                  kind=ResultKind.UTAMA, text=spec.text, sort_order=n)
            entry.indicators = [
                LibraryIndicator(aspect=Aspect[i.aspect], text=i.text, target_value=i.target, target_high=i.high,
                                 unit=i.unit, direction=Direction(i.direction), cumulative=i.cumulative,
                                 sort_order=k)
                for k, i in enumerate(spec.ikis)
            ]
            db.session.add(entry)


def seed_skp(demo: DemoPlan, units: list[OrgUnit], employees: list[Employee], recorder: User) -> SkpSummary:
    """Open the demo year and write its organisation targets, SKPs and indicator library."""
    year = open_year(None, REFERENCE_YEAR, PeriodScheme.TRIWULANAN)
    targets = _org_targets(year, demo, units)
    values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
    builder = _Builder(demo, units, employees, recorder)
    builder.build(year, targets, values)
    builder.revise_one()
    _library()
    db.session.flush()
    plans = list(builder.plans.values())
    counts = Counter(p.status.value for p in plans)
    return SkpSummary(plans=len(plans), statuses=dict(counts))
