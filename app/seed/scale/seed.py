"""`flask seed-scale`: a kabupaten of N pegawai with a whole appraisal year, for benchmarks and
scale tests. scale/plan.py draws the organisation; this module writes it with bulk inserts (rows
with their ids assigned here, in chunks, no ORM objects), then the SKPs; scale/work.py adds the
period assessments, reviews, annual results and predikat organisasi.

Every account gets the same password (SCALE_PASSWORD): the data is for benchmarks, never for a
real installation. The same seed gives the same NIPs, names and sizes on every machine.
"""
from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select, text

from app.domain.enums import Gender, OrgUnitKind, PositionKind, Role
from app.domain.grades import get_grade
from app.domain.periods import PeriodScheme
from app.domain.skp import Approach, PlanStatus, ResultKind
from app.extensions import db
from app.models import (
    CoreValue, Employee, Expectation, Indicator, OrgTarget, OrgUnit, Plan, User, WorkResult,
)
from app.models.accounts import admin_scope
from app.models.base import utcnow
from app.seed.demo import names
from app.seed.scale import data as content
from app.seed.scale.plan import BKPSDM, ScalePlan, build_scale_plan
from app.seed.scale.rows import WIB, Written, bulk, fix_sequences, next_id
from app.seed.scale.work import write_work
from app.services import ServiceError
from app.services.org.accounts import hash_password
from app.services.org.units import ensure_pemda
from app.services.settings import update_settings
from app.services.years import open_year

SCALE_PASSWORD = "Skala-Kinerja-2026"


def _at(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8), WIB) + dt.timedelta(minutes=minutes)


def write_people(plan: ScalePlan, password_hash: str, rng: random.Random) -> Written:
    """Units, pegawai and one account each (all with the benchmark password)."""
    pemda = ensure_pemda(names.REGION_NAME)
    db.session.flush()
    ubase, ebase, abase = next_id(OrgUnit), next_id(Employee), next_id(User)
    now = utcnow()
    bulk(OrgUnit, [{"id": ubase + i, "parent_id": pemda.id if u.parent is None else ubase + u.parent,
                    "opd_id": ubase + u.opd, "name": u.name, "kind": u.kind, "active": True, "created_at": now}
                   for i, u in enumerate(plan.units)])
    rows = []
    for i, p in enumerate(plan.people):
        nip = p.nip
        rows.append({
            "id": ebase + i, "nip": nip, "name": p.name, "status": p.status, "grade_code": p.grade_code,
            "position": p.position, "position_kind": p.kind, "unit_id": ubase + p.unit,
            "assessor_id": None if p.assessor is None else ebase + p.assessor,
            "external_assessor_name": names.HEAD_NAME if p.external_assessor else None,
            "external_assessor_title": names.HEAD_TITLE if p.external_assessor else None,
            "email": p.email, "active": True, "birth_date": dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
            "tmt": dt.date(int(nip[8:12]), int(nip[12:14]), 1),
            "gender": Gender.LAKI_LAKI if nip[14] == "1" else Gender.PEREMPUAN,
            "created_at": now, "updated_at": now, "version": 1,
        })
    bulk(Employee, rows)
    written = Written(plan=plan, year_id=0, employee_ids=[ebase + i for i in range(len(plan.people))],
                      user_ids=[abase + i for i in range(len(plan.people))],
                      unit_ids=[ubase + i for i in range(len(plan.units))])
    written.logins = _logins(plan)
    roles = {written.logins[3][1]: Role.ADMIN, written.logins[4][1]: Role.SUPERADMIN}
    bulk(User, [{"id": abase + i, "nip": p.nip, "employee_id": ebase + i, "display_name": None,
                 "password_hash": password_hash, "role": roles.get(i, Role.PEGAWAI), "must_change_password": False,
                 "failed_login_count": 0, "session_token": f"{rng.getrandbits(128):032x}",
                 "password_changed_at": now, "created_at": now} for i, p in enumerate(plan.people)])
    largest = max(plan.opd_sizes, key=plan.opd_sizes.get)
    opd = next(i for i, u in enumerate(plan.units) if u.kind == OrgUnitKind.OPD and u.name == largest)
    bulk(admin_scope, [{"user_id": abase + written.logins[3][1], "org_unit_id": ubase + opd}])
    return written


def _logins(plan: ScalePlan) -> list[tuple[str, int]]:
    """The benchmark logins: a pegawai, the Pejabat Penilai of the largest team (30+), of another
    large team (the annual table), the pengelola kinerja of the largest OPD, the super admin."""
    teams = sorted(plan.teams().items(), key=lambda kv: (-len(kv[1]), kv[0]))
    largest, second = teams[0], teams[1]
    pegawai = next(m for m in largest[1] if m not in plan.teams())
    biggest_opd = max(plan.opd_sizes, key=plan.opd_sizes.get)
    staff = [i for i, p in enumerate(plan.people) if i not in plan.teams() and i != pegawai
             and p.kind == PositionKind.PELAKSANA]
    admin = next(i for i in staff if plan.units[plan.units[plan.people[i].unit].opd].name == biggest_opd)
    home = BKPSDM if BKPSDM in plan.opd_sizes else "Sekretariat Daerah"
    superadmin = next(i for i in staff if plan.units[plan.units[plan.people[i].unit].opd].name == home and i != admin)
    return [("Pegawai", pegawai), (f"Pejabat Penilai (tim {len(largest[1])})", largest[0]),
            (f"Pejabat Penilai (tim {len(second[1])}, tabel tahunan)", second[0]),
            ("Pengelola Kinerja OPD terbesar", admin), ("Super Admin", superadmin)]


def _snapshot(plan: ScalePlan, written: Written, index: int | None) -> dict | None:
    if index is None:
        return None
    p = plan.people[index]
    grade = get_grade(p.status, p.grade_code)
    return {"name": p.name, "nip": p.nip, "grade": grade.label if grade else "–", "position": p.position,
            "unit": plan.units[p.unit].name, "opd": plan.units[plan.units[p.unit].opd].name}


def write_plans(written: Written, rng: random.Random) -> None:
    """The year's Perjanjian Kinerja targets per OPD, and one approved SKP per pegawai that
    cascades from them: RHK (each below the JPT intervening an RHK of the assessor), IKI,
    ekspektasi khusus."""
    plan, year = written.plan, written.year
    tbase, pbase, rbase, ibase = next_id(OrgTarget), next_id(Plan), next_id(WorkResult), next_id(Indicator)
    targets, opd_targets = [], {}
    for u, unit in enumerate(plan.units):
        if unit.kind == OrgUnitKind.OPD:
            opd_targets[u] = []
            for n, (goal, iku, value, measure) in enumerate(content.org_targets(unit.name)):
                opd_targets[u].append(tbase + len(targets))
                targets.append({"id": tbase + len(targets), "opd_id": written.unit_ids[u], "year_id": year.id,
                                "goal": goal, "indicator": iku, "target_value": value, "unit": measure,
                                "position": n, "created_at": utcnow()})
    bulk(OrgTarget, targets)
    values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
    recorder = written.logins[4][1]
    plans, results, indicators, expectations = [], [], [], []
    order = sorted(range(len(plan.people)), key=lambda i: (plan.people[i].depth, i))
    for index in order:
        person = plan.people[index]
        boss = person.assessor
        approved = _at(dt.date(year.year, 1, 5) + dt.timedelta(days=3 * person.depth), index % 480)
        plan_id = pbase + index
        written.plan_ids.append(plan_id)
        plans.append({
            "id": plan_id, "employee_id": written.employee_ids[index], "year_id": year.id, "version": 1,
            "status": PlanStatus.APPROVED, "approach": Approach.KUANTITATIF, "is_jpt": person.kind == PositionKind.JPT,
            "snapshot": {"employee": _snapshot(plan, written, index), "assessor": _snapshot(plan, written, boss),
                         "external_assessor": {"name": names.HEAD_NAME, "title": names.HEAD_TITLE}
                         if person.external_assessor else None,
                         "second_assessor": _snapshot(plan, written, plan.people[boss].assessor if boss is not None
                                                      else None)},
            "previous_id": None, "change_reason": None, "resources": content.RESOURCES,
            "accountability": content.ACCOUNTABILITY, "consequences": content.CONSEQUENCES,
            "submitted_at": approved - dt.timedelta(days=1), "approved_at": approved,
            "approved_by_id": written.user_ids[boss if boss is not None else recorder],
            "approved_as": plan.people[boss].position if boss is not None else
            f"{names.HEAD_TITLE} (dicatat oleh {plan.people[recorder].name})",
            "returned_at": None, "return_reason": None, "created_at": approved - dt.timedelta(days=3),
            "updated_at": approved, "lock_version": 1,
        })
        unit_name = plan.units[person.unit].name
        if person.kind == PositionKind.JPT:
            opd = plan.units[person.unit].opd
            rhk = [(content.jpt_rhk(plan.units[opd].name, n), tid, None) for n, tid in enumerate(opd_targets[opd][:3])]
        else:
            parents = [rid for rid, utama in written.results[boss] if utama]
            count = 2 + (rng.random() < 0.4)
            rhk = [(content.rhk_text(person.kind, unit_name, k, rng), None, parents[(index + k) % len(parents)])
                   for k in range(count)]
        own = []
        for k, (words, target_id, parent_id) in enumerate(rhk):
            rid = rbase + len(results)
            results.append({"id": rid, "plan_id": plan_id, "kind": ResultKind.UTAMA, "text": words,
                            "parent_id": parent_id, "org_target_id": target_id, "assigned_by": None,
                            "position": k, "origin_id": None})
            own.append((rid, True))
        if person.kind != PositionKind.JPT and rng.random() < 0.15:
            rid = rbase + len(results)
            results.append({"id": rid, "plan_id": plan_id, "kind": ResultKind.TAMBAHAN,
                            "text": content.TAMBAHAN[index % len(content.TAMBAHAN)], "parent_id": None,
                            "org_target_id": None, "position": len(own), "origin_id": None,
                            "assigned_by": plan.people[boss].position})
            own.append((rid, False))
        written.results[index] = own
        written.indicators[index] = []
        for rid, _utama in own:
            for n, iki in enumerate(content.ikis(rng, person.kind == PositionKind.JPT)):
                iid = ibase + len(indicators)
                row = {"id": iid, "result_id": rid, "position": n, "origin_id": None, "narrative_target": None,
                       "target_high": None, **iki}
                indicators.append(row)
                written.indicators[index].append((iid, rid, row))
        writer = written.user_ids[boss if boss is not None else recorder]
        expectations += [{"plan_id": plan_id, "core_value_id": v.id, "updated_by_id": writer, "updated_at": approved,
                          "text": content.EXPECTATIONS[(index + v.position) % len(content.EXPECTATIONS)]}
                         for v in values]
    written.plan_ids.sort()
    for model, rows in ((Plan, plans), (WorkResult, results), (Indicator, indicators), (Expectation, expectations)):
        bulk(model, rows)
    written.counts.update(org_targets=len(targets), plans=len(plans), results=len(results),
                          indicators=len(indicators), expectations=len(expectations))


DOCUMENTS_PER = 100  # one issued SKP PDF per this many pegawai (a real render each: ~0.5 s)


def write_documents(written: Written, count: int) -> None:
    """Issue real SKP documents (rendered, stored, hashed, verifiable) for `count` pegawai spread
    over the kabupaten: rendering all 10,000 would take over an hour, and the pages that list and
    verify documents only need some to exist."""
    from app.services.documents import issue as docs

    plan_ids = db.session.scalars(select(Plan.id).where(Plan.year_id == written.year_id,
                                                        Plan.status == PlanStatus.APPROVED)
                                  .order_by(Plan.employee_id)).all()
    step = max(1, len(plan_ids) // max(1, count))
    issued = 0
    for plan_id in plan_ids[::step][:count]:
        docs.issue("skp", db.session.get(Plan, plan_id), user=None)
        issued += 1
    written.counts["documents"] = issued


def seed_scale(employees: int, year: int, seed: int, daily_days: int = 0) -> Written:
    """Write the whole kabupaten and its year (and `daily_days` working days of kinerja harian);
    flushes, never commits. Refuses a database that already holds pegawai."""
    if db.session.scalar(select(Employee.id).limit(1)) is not None:
        raise ServiceError("Database sudah berisi pegawai; seed-scale hanya untuk database kosong.")
    try:
        plan = build_scale_plan(employees, year, seed)
    except ValueError as error:
        raise ServiceError(str(error)) from None
    rng = random.Random(seed * 7919 + year)
    update_settings(None, {"region_name": names.REGION_NAME, "document_place": names.DOCUMENT_PLACE,
                           "head_title": names.HEAD_TITLE, "head_name": names.HEAD_NAME})
    written = write_people(plan, hash_password(SCALE_PASSWORD), rng)
    written.year = open_year(None, year, PeriodScheme.TRIWULANAN)
    db.session.flush()
    written.year_id = written.year.id
    write_plans(written, rng)
    write_work(written, rng)
    if daily_days:
        from app.seed.scale.daily import write_daily

        written.counts["activity"] = write_daily(written, random.Random(seed * 104729 + year), daily_days, year)
    fix_sequences()
    db.session.flush()
    write_documents(written, max(1, employees // DOCUMENTS_PER))
    # Planner statistics for the bulk-loaded tables, as after any large import: without them
    # PostgreSQL guesses row counts and hash-joins whole tables for one pegawai's Beranda.
    db.session.execute(text("ANALYZE"))
    return written
