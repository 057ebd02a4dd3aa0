"""The demo kabupaten (`flask seed-demo`): Kabupaten Tanjung Harapan, fictional but real-shaped.

demo/plan.py draws ten OPDs and some 350 pegawai in a proper reporting tree with valid NIPs
(RULES.md §9), golongan that fit the jenis jabatan, ~15 % PPPK and one Plt.; this module writes
the plan in one go (objects built in memory, a few flushes); demo/skp.py adds the 2026 SKPs that
cascade from each OPD's targets, demo/assessments.py the period assessments of Triwulan I–IV,
demo/reviews.py their reviews, every OPD's predikat organisasi and an early year end for some teams.
Only the Plt. dates follow today.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.domain.enums import ActingKind, OrgUnitKind, Role
from app.domain.nip import parse_nip
from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit, User
from app.models.base import local_today, utcnow
from app.seed.demo import names as data
from app.seed.demo.assessments import seed_assessments
from app.seed.demo.daily import seed_daily, seed_tpp
from app.seed.demo.plan import build_plan
from app.seed.demo.reviews import seed_reviews
from app.seed.demo.satisfaction import seed_from_data, seed_satisfaction
from app.seed.demo.skp import seed_skp
from app.services import ServiceError
from app.services.audit import record
from app.services.org.accounts import check_password, hash_password
from app.services.org.units import ensure_pemda
from app.services.settings import update_settings

__all__ = ["DEMO_PASSWORD", "build_plan", "database_is_empty", "demo_logins", "seed_demo"]

# Passes app.domain.passwords for every demo login (checked by the tests).
DEMO_PASSWORD = "Harapan-Demo-2026"


def database_is_empty() -> bool:
    """True when no pegawai exists yet (the demo is only loaded into an empty roster)."""
    return db.session.scalar(select(Employee.id).limit(1)) is None


def seed_demo() -> list[tuple[str, User]]:
    """Load the demo kabupaten; returns the demo logins as (label, user). Flushes, never commits."""
    plan = build_plan()
    if db.session.scalar(select(OrgUnit.id).where(OrgUnit.kind != OrgUnitKind.PEMDA).limit(1)):
        raise ServiceError("Database sudah berisi unit kerja; data demo hanya dimuat ke database kosong.")
    update_settings(None, {"region_name": data.REGION_NAME, "document_place": data.DOCUMENT_PLACE,
                           "head_title": data.HEAD_TITLE, "head_name": data.HEAD_NAME})
    pemda = ensure_pemda(data.REGION_NAME)
    units = [OrgUnit(name=u.name, kind=u.kind, active=True) for u in plan.units]
    for unit, spec in zip(units, plan.units):
        unit.parent = pemda if spec.parent is None else units[spec.parent]
    db.session.add_all(units)
    db.session.flush()
    for unit, spec in zip(units, plan.units):
        unit.opd_id = units[spec.opd].id

    existing = {u.nip: u for u in db.session.scalars(select(User).where(User.employee_id.is_(None)))}
    employees = []
    for spec in plan.people:
        info = parse_nip(spec.nip)
        employee = Employee(
            nip=info.nip, name=spec.name, status=spec.status, grade_code=spec.grade_code,
            position=spec.position, position_kind=spec.kind, unit=units[spec.unit],
            email=spec.email, active=True, birth_date=info.birth_date, tmt=info.tmt,
            gender=info.gender,
            external_assessor_name=data.HEAD_NAME if spec.external_assessor else None,
            external_assessor_title=data.HEAD_TITLE if spec.external_assessor else None,
        )
        user = existing.get(info.nip) or User(nip=info.nip, role=Role.PEGAWAI, password_hash=None)
        user.employee, user.display_name = employee, None
        employees.append(employee)
    for employee, spec in zip(employees, plan.people):
        employee.assessor = employees[spec.assessor] if spec.assessor is not None else None
    db.session.add_all(employees)
    db.session.flush()

    # The Kepala BKPSDM signs the Rekap predikat.
    bkpsdm = employees[plan.heads[(data.BKPSDM, data.BKPSDM)]]
    update_settings(None, {"bkpsdm_title": bkpsdm.position, "bkpsdm_name": bkpsdm.name, "bkpsdm_nip": bkpsdm.nip})

    acting, unit_index, position = plan.plt
    today = local_today()
    start = today - dt.timedelta(days=75)
    db.session.add(ActingAssignment(
        kind=ActingKind.PLT, acting_employee=employees[acting], replaced_employee=None,
        unit=units[unit_index], position=position, start_date=start,
        end_date=start + dt.timedelta(days=180),
        decree=f"800.1.3.3/{start.timetuple().tm_yday:03d}/BKPSDM/{start.year}",
    ))

    by_nip = {e.nip: e for e in employees}
    logins = [(label, by_nip[nip].user) for label, nip in plan.login_nips()]
    demo_hash = hash_password(DEMO_PASSWORD)
    for _label, user in logins:
        user.password_hash, user.password_changed_at = demo_hash, utcnow()
        user.must_change_password = False
    pengelola, superadmin = logins[2][1], logins[3][1]
    admin_opd = next(u for u in units if u.kind == OrgUnitKind.OPD and u.name == data.DINKES)
    pengelola.role, pengelola.admin_units = Role.ADMIN, [admin_opd]
    superadmin.role = Role.SUPERADMIN
    db.session.flush()
    # The super admin (BKPSDM) records the Bupati's approval of the Sekda's SKP.
    skp = seed_skp(plan, units, employees, recorder=superadmin)
    assessments = seed_assessments(plan, employees)
    reviews = seed_reviews(plan, employees, recorder=superadmin)
    daily = seed_daily(logins[1][1].employee, recorder=superadmin)
    seed_tpp(data.DINKES, pengelola, daily)
    services, responses = seed_satisfaction(superadmin)
    metric_values, linked = seed_from_data(superadmin)
    record(None, "demo.dimuat", pemda,
           summary=f"Data demo {data.DOCUMENT_PLACE} dimuat: {sum(u.kind == OrgUnitKind.OPD for u in units)} "
                   f"perangkat daerah, {len(units)} unit kerja, {len(employees)} pegawai, {skp.plans} SKP, "
                   f"{assessments.assessments} penilaian periode ({assessments.files} berkas dan "
                   f"{assessments.links} tautan bukti dukung), {reviews.approved} di antaranya dinilai, "
                   f"{sum(reviews.annual.values())} evaluasi tahunan, {sum(reviews.objections.values())} keberatan, "
                   f"{daily.activities} kegiatan harian, {services} layanan dengan {responses} jawaban survei kepuasan.",
           after={"units": len(units), "employees": len(employees), "plans": skp.plans,
                  "plan_statuses": skp.statuses, **assessments.as_dict(), **reviews.as_dict(),
                  "daily": {"holidays": daily.holidays, "activities": daily.activities, "accepted": daily.accepted,
                            "returned": daily.returned, "absences": daily.absences, "presence": daily.presence,
                            "tpp_bases": daily.tpp_bases, "tpp_lists": daily.tpp_lists},
                  "satisfaction": {"services": services, "responses": responses},
                  "from_data": {"metric_values": metric_values, "linked_iki": linked},
                  "logins": [user.nip for _label, user in logins]})
    db.session.flush()
    return logins


def demo_logins() -> list[tuple[str, User]]:
    """The demo logins that still exist and still use DEMO_PASSWORD (for `make run`)."""
    wanted = build_plan().login_nips()
    users = {u.nip: u for u in db.session.scalars(select(User).where(User.nip.in_([n for _l, n in wanted])))}
    return [
        (label, users[nip]) for label, nip in wanted
        if nip in users and users[nip].password_hash
        and check_password(users[nip].password_hash, DEMO_PASSWORD)
    ]
