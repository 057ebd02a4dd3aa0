"""Every account-changing route × every admin rank × every kind of target account: no admin acts
above their station. The expected answer is written out as a table (not computed by the rule
under test), so that a new route or a changed rule that lets an admin through fails here.

ok  — the action is carried out
403 — refused with the reason on the page, and the refusal is audited
404 — the target lies outside the admin's OPDs (its existence is not revealed)
"""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Employee, User
from app.models.base import utcnow

ACTORS = ["admin_bkpsdm", "admin_wide", "admin_dinkes", "superadmin"]
TARGETS = ["superadmin", "other_superadmin", "admin_bkpsdm", "admin_wide", "admin_dinkes", "pegawai_bkpsdm",
           "pegawai_dinkes"]

EXPECTED = {
    #                superadmin other_super admin_bkpsdm admin_wide admin_dinkes peg_bkpsdm peg_dinkes
    "admin_bkpsdm": ["403",     "403",      "ok",        "403",     "404",       "ok",      "404"],
    "admin_wide":   ["403",     "403",      "ok",        "ok",      "ok",        "ok",      "ok"],
    "admin_dinkes": ["404",     "404",      "404",       "404",     "ok",        "404",     "ok"],
    "superadmin":   ["ok",      "ok",       "ok",        "ok",      "ok",        "ok",      "ok"],
}

CASES = [(actor, target, EXPECTED[actor][i]) for actor in ACTORS for i, target in enumerate(TARGETS)]


def _employee(ranks, name) -> Employee:
    value = getattr(ranks, name)
    return value.employee if isinstance(value, User) else value


def _refused(response, expected) -> None:
    body = response.get_data(as_text=True)
    if expected == "404":
        assert response.status_code == 404, response.status_code
        return
    assert response.status_code == 403, response.status_code
    assert "Akses ditolak" in body and ("super admin" in body)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.tindakan_ditolak")) is not None


@pytest.mark.parametrize("actor,target,expected", CASES)
def test_reset(make_client, ranks, actor, target, expected):
    employee = _employee(ranks, target)
    old_hash = employee.user.password_hash
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/akun/reset")
    user = db.session.get(User, employee.user.id)
    if expected == "ok":
        assert response.status_code == 200 and user.password_hash is None and user.activation_code_hash
    else:
        _refused(response, expected)
        assert user.password_hash == old_hash and user.activation_code_hash is None


@pytest.mark.parametrize("actor,target,expected", CASES)
def test_unlock(make_client, ranks, actor, target, expected):
    employee = _employee(ranks, target)
    employee.user.locked_until = utcnow() + dt.timedelta(minutes=30)
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/akun/buka-kunci")
    user = db.session.get(User, employee.user.id)
    if expected == "ok":
        assert response.status_code == 302 and user.locked_until is None
    else:
        _refused(response, expected)
        assert user.locked_until is not None


@pytest.mark.parametrize("actor,target,expected", CASES)
def test_deactivate(make_client, ranks, actor, target, expected):
    employee = _employee(ranks, target)
    if actor == target:
        expected = "ok"  # deactivating oneself is not a gain of power
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/nonaktifkan",
                                                      {"reason": "Pensiun"})
    if expected == "ok":
        assert response.status_code == 302 and not db.session.get(Employee, employee.id).active
    else:
        _refused(response, expected)
        assert db.session.get(Employee, employee.id).active


@pytest.mark.parametrize("actor,target,expected", [c for c in CASES if c[0] != c[1]])  # an inactive account cannot act
def test_reactivate(make_client, ranks, actor, target, expected):
    employee = _employee(ranks, target)
    employee.active = False
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/aktifkan")
    if expected == "ok":
        assert response.status_code == 302 and db.session.get(Employee, employee.id).active
    else:
        _refused(response, expected)
        assert not db.session.get(Employee, employee.id).active


@pytest.mark.parametrize("actor,target,expected", CASES)
@pytest.mark.parametrize("changed", ["email", "nip"])
def test_email_or_nip_change(make_client, ranks, actor, target, expected, changed):
    """The e-mail receives activation codes and the NIP is the login: an admin below the
    account's station gets a message at the field and nothing changes."""
    from tests.factories import make_nip

    employee = _employee(ranks, target)
    before = (employee.email, employee.nip, employee.user.nip)
    new = {"email": "penyerang@contoh.go.id", "nip": make_nip(900)}[changed]
    form = {
        "version": str(employee.version), "nip": employee.nip, "name": employee.name, "status": "PNS",
        "grade_code": employee.grade_code, "position": employee.position, "position_kind": employee.position_kind.value,
        "unit_id": str(employee.unit_id), "assessor_nip": employee.assessor.nip if employee.assessor else "",
        "external_assessor_name": "",
        "external_assessor_title": "", "email": employee.email or "", changed: new,
    }
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/ubah", form)
    employee = db.session.get(Employee, employee.id)
    if expected == "ok":
        assert response.status_code == 302, response.get_data(as_text=True)
        assert getattr(employee, changed) == new and employee.user.nip == employee.nip
    elif expected == "404":
        assert response.status_code == 404
    else:
        body = response.get_data(as_text=True)
        assert response.status_code == 200 and "tidak dapat Anda ubah" in body and "super admin" in body
        assert (employee.email, employee.nip, employee.user.nip) == before


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("target", TARGETS)
def test_roles_are_granted_by_a_super_admin_only(make_client, ranks, actor, target):
    employee = _employee(ranks, target)
    before = employee.user.role
    response = make_client(ranks.account(actor)).post(f"/pengelolaan/pegawai/{employee.id}/akun/peran",
                                                      {"role": "SUPERADMIN"})
    role = db.session.get(User, employee.user.id).role
    if actor == "superadmin":
        assert response.status_code == 302
    else:
        assert response.status_code == 403 and role == before


def test_a_refused_reset_is_audited_with_the_actor_and_the_reason(make_client, ranks):
    response = make_client(ranks.account("admin_bkpsdm")).post(
        f"/pengelolaan/pegawai/{ranks.superadmin.employee.id}/akun/reset")
    assert response.status_code == 403
    assert "Akun ini milik super admin" in response.get_data(as_text=True)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.tindakan_ditolak"))
    assert event.actor_user_id == ranks.admin_bkpsdm.id and event.object_id == ranks.superadmin.id
    assert "membuat kode aktivasi" in event.summary


def test_the_pegawai_page_offers_no_account_button_the_admin_may_not_use(make_client, ranks):
    page = make_client(ranks.account("admin_bkpsdm")).get(
        f"/pengelolaan/pegawai/{ranks.superadmin.employee.id}").get_data(as_text=True)
    assert "akun/reset" not in page and "nonaktifkan" not in page and "Akun ini milik super admin" in page
    page = make_client(ranks.account("admin_bkpsdm")).get(
        f"/pengelolaan/pegawai/{ranks.pegawai_bkpsdm.id}").get_data(as_text=True)
    assert "akun/reset" in page and "nonaktifkan" in page


# Every route that changes an account or an acting assignment, and the test above that walks it
# across the ranks. A new such route fails here until it is added to a matrix.
ACCOUNT_ROUTES = {
    "admin.account_reset": "test_reset",
    "admin.account_unlock": "test_unlock",
    "admin.account_role": "test_roles_are_granted_by_a_super_admin_only",
    "admin.account_link": "tests/security/test_claimed_accounts.py",
    "admin.employee_deactivate": "test_deactivate",
    "admin.employee_activate": "test_reactivate",
    "admin.employee_edit": "test_email_or_nip_change",
    "admin.employee_new": "tests/security/test_claimed_accounts.py",
    "admin.acting_new": "test_acting_assignments",
    "admin.acting_edit": "test_acting_assignments",
    "admin.import_upload": "tests/security/test_claimed_accounts.py",  # the preview says what links
    "admin.import_confirm": "tests/security/test_claimed_accounts.py",
    # results, not accounts — but also only for the admin's own pegawai
    "admin.earlier_results": "tests/roster/test_earlier_results.py",
    "admin.earlier_results_confirm": "tests/roster/test_earlier_results.py",
}


def test_every_account_changing_route_is_walked(app):
    changing = {rule.endpoint for rule in app.url_map.iter_rules()
                if "POST" in rule.methods and rule.endpoint.startswith("admin.")
                and any(rule.rule.startswith("/pengelolaan" + part) for part in ("/pegawai", "/plt", "/impor"))}
    assert changing - set(ACCOUNT_ROUTES) == set(), "add the new route to a matrix in tests/security"
    assert set(ACCOUNT_ROUTES) - changing == set(), "a walked route no longer exists"


# (acting pegawai, replaced pejabat, unit's OPD) → who may record it
PLT_CASES = {
    "within BKPSDM": ("pegawai_bkpsdm", "kepala_bkpsdm", "bkpsdm"),
    "replaces another OPD's pejabat": ("pegawai_bkpsdm", "kadis_dindik", "bkpsdm"),
    "acting pegawai of another OPD": ("pegawai_dinkes", "kepala_bkpsdm", "bkpsdm"),
    "across BKPSDM and Dinas Kesehatan": ("pegawai_dinkes", "kepala_bkpsdm", "dinkes"),
    "within Dinas Kesehatan": ("pegawai_dinkes", None, "dinkes"),
}
PLT_ALLOWED = {
    "admin_bkpsdm": {"within BKPSDM"},
    "admin_wide": {"within BKPSDM", "acting pegawai of another OPD", "across BKPSDM and Dinas Kesehatan",
                   "within Dinas Kesehatan"},
    "admin_dinkes": {"within Dinas Kesehatan"},
    "superadmin": set(PLT_CASES),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", list(PLT_CASES))
def test_acting_assignments(make_client, ranks, factory, actor, case):
    from app.models import ActingAssignment

    acting_name, replaced_name, opd_name = PLT_CASES[case]
    acting, replaced = getattr(ranks, acting_name), getattr(ranks, replaced_name) if replaced_name else None
    unit = factory.unit(getattr(ranks, opd_name), "Bidang Uji Plt")
    today = dt.date.today()
    form = {"kind": "PLH" if replaced else "PLT", "acting_nip": acting.nip, "replaced_nip": replaced.nip if replaced else "",
            "unit_id": str(unit.id), "position": "Kepala Bidang Uji", "start_date": today.isoformat(),
            "end_date": (today + dt.timedelta(days=7)).isoformat(), "decree": ""}
    client = make_client(ranks.account(actor))
    response = client.post("/pengelolaan/plt/baru", form)
    recorded = db.session.scalar(select(ActingAssignment))
    if case in PLT_ALLOWED[actor]:
        assert response.status_code == 302 and recorded is not None
        assert client.get(f"/pengelolaan/plt/{recorded.id}/ubah").status_code == 200
    else:
        assert response.status_code == 200 and recorded is None
        assert "super admin" in response.get_data(as_text=True) or "Pilihan tidak valid" in response.get_data(as_text=True)
