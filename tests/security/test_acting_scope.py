"""Plt./Plh. assignments stay inside the recording admin's OPDs: the acting pegawai, the replaced
pejabat and the unit. A cross-OPD assignment is a super admin's; it shows in the list of every OPD
it touches, and only a super admin changes it."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.enums import ActingKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment, Plan
from app.security import can_review_plan
from tests.queries import count_statements


def _form(unit, acting, replaced, kind="PLH", position="Kepala Dinas Pendidikan"):
    today = dt.date.today()
    return {"kind": kind, "acting_nip": acting.nip, "replaced_nip": replaced.nip if replaced else "",
            "unit_id": str(unit.id), "position": position, "start_date": today.isoformat(),
            "end_date": (today + dt.timedelta(days=30)).isoformat(), "decree": "800/1/2026"}


@pytest.mark.parametrize("case,field", [
    ("replaced pejabat of another OPD", "replaced_nip"),  # the attack: Plh. of another OPD's kepala
    ("acting pegawai of another OPD", "acting_nip"),
    ("unit of another OPD", "unit_id"),
])
def test_an_opd_admin_cannot_reach_outside_their_opds(make_client, ranks, case, field):
    admin = ranks.account("admin_bkpsdm")
    me = admin.employee
    unit, acting, replaced = {
        "replaced pejabat of another OPD": (ranks.bkpsdm, me, ranks.kadis_dindik),
        "acting pegawai of another OPD": (ranks.bkpsdm, ranks.pegawai_dinkes, ranks.kepala_bkpsdm),
        "unit of another OPD": (ranks.dindik, me, None),
    }[case]
    response = make_client(admin).post("/pengelolaan/plt/baru", _form(unit, acting, replaced,
                                                                      kind="PLT" if replaced is None else "PLH"))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    # a unit outside the admin's OPDs is not even offered in the list
    expected = "Pilihan tidak valid" if field == "unit_id" else "lintas perangkat daerah dicatat oleh super admin"
    assert expected in body
    assert f'id="{field}"' in body and 'aria-invalid="true"' in body
    assert db.session.scalar(select(func.count()).select_from(ActingAssignment)) == 0


def test_the_plh_the_attack_wanted_cannot_approve_the_other_opds_skp(make_client, ranks, factory):
    """Recorded or not, the admin who tried gains no reviewer powers over Dinas Pendidikan."""
    admin = ranks.account("admin_bkpsdm")
    staff = factory.employee(ranks.dindik, assessor=ranks.kadis_dindik)
    plan = factory.skp.plan(staff, status=PlanStatus.SUBMITTED)
    make_client(admin).post("/pengelolaan/plt/baru", _form(ranks.bkpsdm, admin.employee, ranks.kadis_dindik))
    assert not can_review_plan(admin, db.session.get(Plan, plan.id))


def test_a_super_admin_records_a_cross_opd_assignment_seen_by_both_opds(make_client, ranks):
    """A real case: the kepala of one dinas is Plt. of another."""
    kadis_dinkes = ranks.account("admin_dinkes").employee
    response = make_client(ranks.account("superadmin")).post(
        "/pengelolaan/plt/baru", _form(ranks.dindik, kadis_dinkes, ranks.kadis_dindik, kind="PLT"))
    assert response.status_code == 302
    assignment = db.session.scalar(select(ActingAssignment))
    for name in ("admin_dinkes", "admin_wide"):  # the acting pegawai's OPD
        page = make_client(ranks.account(name)).get("/pengelolaan/plt").get_data(as_text=True)
        assert "Plt. Kepala Dinas Pendidikan" in page and "diubah oleh super admin" in page
        edit = make_client(ranks.account(name)).get(f"/pengelolaan/plt/{assignment.id}/ubah")
        assert edit.status_code == 403 and "hanya super" in edit.get_data(as_text=True)
    # an admin whose OPDs it does not touch neither sees nor opens it
    page = make_client(ranks.account("admin_bkpsdm")).get("/pengelolaan/plt").get_data(as_text=True)
    assert "Plt. Kepala Dinas Pendidikan" not in page
    assert make_client(ranks.account("admin_bkpsdm")).get(f"/pengelolaan/plt/{assignment.id}/ubah").status_code == 404
    page = make_client(ranks.account("superadmin")).get("/pengelolaan/plt").get_data(as_text=True)
    assert f"/pengelolaan/plt/{assignment.id}/ubah" in page


def test_an_opd_admin_cannot_widen_an_assignment_by_editing_it(make_client, ranks):
    admin = ranks.account("admin_bkpsdm")
    client = make_client(admin)
    assert client.post("/pengelolaan/plt/baru", _form(ranks.bkpsdm, admin.employee, ranks.kepala_bkpsdm,
                                                      position="Kepala BKPSDM")).status_code == 302
    assignment = db.session.scalar(select(ActingAssignment))
    response = client.post(f"/pengelolaan/plt/{assignment.id}/ubah",
                           _form(ranks.bkpsdm, admin.employee, ranks.kadis_dindik, position="Kepala BKPSDM"))
    assert response.status_code == 200 and "lintas perangkat daerah" in response.get_data(as_text=True)
    assert db.session.get(ActingAssignment, assignment.id).replaced_employee_id == ranks.kepala_bkpsdm.id


def test_the_list_costs_the_same_queries_for_few_and_many(make_client, ranks, factory):
    admin = ranks.account("superadmin")
    client = make_client(admin)

    def add(n):
        for i in range(n):
            unit = factory.unit(ranks.dinkes, f"Bidang {len(list(db.session.scalars(select(ActingAssignment))))}-{i}")
            acting = factory.employee(ranks.dinkes)
            replaced = factory.employee(ranks.dindik)
            db.session.add(ActingAssignment(kind=ActingKind.PLT,
                                            acting_employee=acting, replaced_employee=replaced, unit=unit,
                                            position=f"Kepala {unit.name}", start_date=dt.date.today(),
                                            end_date=dt.date.today() + dt.timedelta(days=5)))
        db.session.flush()

    add(2)
    with count_statements() as few:
        assert client.get("/pengelolaan/plt").status_code == 200
    add(20)
    with count_statements() as many:
        assert client.get("/pengelolaan/plt").status_code == 200
    assert len(few) == len(many)
