"""A small OPD whose cascading map has one gap of each kind.

    Kepala Dinas (JPT)        K1 ← target T1, K2 ← target T2; target T3 has no RHK
    └ Kepala Bidang           A1 → K1, A2 → K2
      └ Kepala Seksi          version 1 approved: S1 → A1, S2 → A1, S3 → A1;
                              version 2 in draft: S1', S2' (copies), S3 dropped
        ├ staf_lineage        R → S1 (of version 1: matched to S1')
        ├ staf_no_parent      R (no superior's RHK), draft
        ├ staf_wrong_boss     R → A1 (the Kepala Bidang's, not the Kepala Seksi's)
        ├ staf_dropped        R → S3 (gone from the current version)
        ├ staf_stranger       R → an RHK of a pegawai of another OPD
        └ staf_no_plan        no SKP
    Kepala Bidang 2           (no SKP; a direct report of the Kepala Dinas)

Gaps: A2 and S2' are intervened by nobody; five RHK hang nowhere; staf_no_parent, staf_no_plan
and Kepala Bidang 2 have no approved SKP; T3 has no RHK.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.enums import PositionKind
from app.domain.skp import Aspect, PlanStatus, ResultKind
from app.extensions import db
from app.models import Indicator, OrgTarget, Plan, WorkResult
from app.models.base import utcnow
from app.services.skp.plans import snapshot_of


def add_rhk(plan: Plan, text: str, *, parent: WorkResult | None = None, target: OrgTarget | None = None,
            kind: ResultKind = ResultKind.UTAMA, origin: WorkResult | None = None) -> WorkResult:
    result = WorkResult(kind=kind, text=text, position=len(plan.results), parent=parent, org_target=target,
                        origin=origin)
    result.indicators.append(Indicator(aspect=Aspect.KUANTITAS, text=f"Jumlah {text.lower()}",
                                       target_value=Decimal("12"), unit="Dokumen", position=0))
    plan.results.append(result)
    db.session.flush()
    return result


def empty_plan(factory, employee, year, status=PlanStatus.APPROVED, version=1, previous=None) -> Plan:
    plan = factory.skp.plan(employee, year, status=status, results=0, version=version)
    plan.previous = previous
    db.session.flush()
    return plan


@pytest.fixture
def tree(factory):
    year = factory.skp.year(2026)
    opd = factory.opd("Dinas Uji Cascading")
    other = factory.opd("Dinas Lain")
    unit = factory.unit(opd, "Bidang Uji")
    targets = [OrgTarget(opd=opd, year=year, goal=f"Sasaran T{n}", indicator=f"IKU T{n}",
                         target_value=Decimal(80 + n), unit="%", position=n) for n in (1, 2, 3)]
    db.session.add_all(targets)
    kadis = factory.employee(opd, name="Kepala Dinas Uji", position="Kepala Dinas",
                             position_kind=PositionKind.JPT)
    kabid = factory.employee(unit, assessor=kadis, name="Kabid Uji", position="Kepala Bidang Uji",
                             position_kind=PositionKind.ADMINISTRATOR)
    kabid2 = factory.employee(unit, assessor=kadis, name="Kabid Kosong", position="Kepala Bidang Lain",
                              position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(unit, assessor=kabid, name="Kasi Uji", position="Kepala Seksi Uji",
                            position_kind=PositionKind.PENGAWAS)
    staff = {key: factory.employee(unit, assessor=kasi, name=f"Staf {key}")
             for key in ("lineage", "no_parent", "wrong_boss", "dropped", "stranger", "no_plan")}
    stranger = factory.employee(other, name="Orang Lain")

    kadis_plan = empty_plan(factory, kadis, year)
    k1 = add_rhk(kadis_plan, "RHK K1", target=targets[0])
    k2 = add_rhk(kadis_plan, "RHK K2", target=targets[1])
    kabid_plan = empty_plan(factory, kabid, year)
    a1 = add_rhk(kabid_plan, "RHK A1", parent=k1)
    a2 = add_rhk(kabid_plan, "RHK A2", parent=k2)
    kasi_v1 = empty_plan(factory, kasi, year)
    s1 = add_rhk(kasi_v1, "RHK S1", parent=a1)
    s2 = add_rhk(kasi_v1, "RHK S2", parent=a1)
    s3 = add_rhk(kasi_v1, "RHK S3", parent=a1)
    kasi_v2 = empty_plan(factory, kasi, year, status=PlanStatus.DRAFT, version=2, previous=kasi_v1)
    s1b = add_rhk(kasi_v2, "RHK S1", parent=a1, origin=s1)
    s2b = add_rhk(kasi_v2, "RHK S2", parent=a1, origin=s2)
    stranger_plan = empty_plan(factory, stranger, year)
    foreign = add_rhk(stranger_plan, "RHK orang lain")

    rhk = {}
    for key, parent, status in (("lineage", s1, PlanStatus.APPROVED), ("no_parent", None, PlanStatus.DRAFT),
                                ("wrong_boss", a1, PlanStatus.APPROVED), ("dropped", s3, PlanStatus.APPROVED),
                                ("stranger", foreign, PlanStatus.SUBMITTED)):
        plan = empty_plan(factory, staff[key], year, status=status)
        rhk[key] = add_rhk(plan, f"RHK staf {key}", parent=parent)
    db.session.flush()
    return {
        "year": year, "opd": opd, "other": other, "targets": targets, "kadis": kadis, "kabid": kabid,
        "kabid2": kabid2, "kasi": kasi, "staff": staff, "k1": k1, "k2": k2, "a1": a1, "a2": a2,
        "s1b": s1b, "s2b": s2b, "rhk": rhk,
    }


def scale_opd(factory, year, size: int, tag: str):
    """An OPD of `size` pegawai (a JPT assessed from outside the OPD, a Kepala Bidang, staff under a
    Kepala Seksi), each with an approved SKP of two RHK with two IKI; one RHK intervenes an RHK of
    a pegawai of another OPD. Every kind of query of the map runs."""
    opd = factory.opd(f"Dinas Skala {tag}")
    outside = factory.employee(factory.opd(f"Setda {tag}"), name=f"Sekda {tag}", position_kind=PositionKind.JPT)
    target = OrgTarget(opd=opd, year=year, goal="Sasaran", indicator="IKU", target_value=Decimal(90), unit="%")
    db.session.add(target)
    head = factory.employee(opd, assessor=outside, name=f"Kadis {tag}", position_kind=PositionKind.JPT)
    kabid = factory.employee(opd, assessor=head, name=f"Kabid {tag}", position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(opd, assessor=kabid, name=f"Kasi {tag}", position_kind=PositionKind.PENGAWAS)
    people = [head, kabid, kasi] + [factory.employee(opd, assessor=kasi, name=f"Staf {tag} {n}")
                                    for n in range(size - 3)]
    empty_plan(factory, outside, year)
    someone = factory.employee(factory.opd(f"Dinas Lain {tag}"), name=f"Orang Lain {tag}")
    stranger = add_rhk(empty_plan(factory, someone, year), "RHK orang lain")
    parents: dict[int, list[WorkResult]] = {}
    for person in people:
        plan = Plan(employee=person, year=year, version=1, status=PlanStatus.APPROVED,
                    is_jpt=person.position_kind == PositionKind.JPT, snapshot=snapshot_of(person),
                    submitted_at=utcnow(), approved_at=utcnow(), approved_as="Uji")
        db.session.add(plan)
        above = parents.get(person.assessor_id, [])
        mine = []
        for n in range(2):
            parent = above[n % len(above)] if above else None
            if person is people[-1] and n == 1:
                parent = stranger
            result = WorkResult(kind=ResultKind.UTAMA, text=f"RHK {person.name} {n}", position=n, parent=parent,
                                org_target=target if person is head else None)
            for k in range(2):
                result.indicators.append(Indicator(aspect=Aspect.KUANTITAS, text=f"IKI {k}",
                                                   target_value=Decimal(5), unit="Dokumen", position=k))
            plan.results.append(result)
            mine.append(result)
        parents[person.id] = mine
    db.session.flush()
    return opd, kasi
