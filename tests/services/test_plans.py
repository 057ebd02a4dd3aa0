"""The SKP lifecycle as services: who may do what in which state, versions, audit, conflicts."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from app.domain.enums import ActingKind, PositionKind
from app.domain.skp import Approach, Aspect, Direction, PlanStatus, ResultKind
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, CoreValue, Employee, LibraryIndicator, LibraryResult, Plan
from app.models.library import position_key
from app.services import ConflictError, ServiceError
from app.services.skp import plans as svc
from app.services.skp.plan_diff import ADDED, CHANGED, REMOVED, SAME, diff_plans
from app.services.skp.plan_edit import (
    IndicatorData, ResultData, add_indicator, add_result, delete_result, move_result,
    update_indicator, update_result,
)


@pytest.fixture
def line(factory):
    """Kepala bidang (with an approved SKP) → kepala seksi → staf, in one OPD."""
    opd = factory.opd("Dinas Kominfo")
    head = factory.employee(opd, name="Kabid", position="Kepala Bidang", position_kind=PositionKind.ADMINISTRATOR)
    boss = factory.employee(opd, assessor=head, name="Kasi", position="Kepala Seksi", position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=boss, name="Staf", position="Pranata Komputer Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    year = factory.skp.year(2026)
    head_plan = factory.skp.plan(head, year, status=PlanStatus.APPROVED)
    boss_plan = factory.skp.plan(boss, year, status=PlanStatus.APPROVED, parent=head_plan.results[0])
    return {"opd": opd, "head": head, "boss": boss, "staff": staff, "year": year, "boss_plan": boss_plan}


def actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_start_empty_plan_snapshots_the_line(line):
    plan = svc.start_plan(line["staff"].user, line["staff"], line["year"])
    assert plan.status == PlanStatus.DRAFT and plan.version == 1 and not plan.is_jpt
    assert plan.snapshot["employee"]["nip"] == line["staff"].nip
    assert plan.snapshot["assessor"]["name"] == "Kasi"
    assert plan.snapshot["second_assessor"]["name"] == "Kabid"
    assert "skp.dibuat" in actions()


def test_only_the_pegawai_starts_their_plan_once(line):
    with pytest.raises(ServiceError, match="oleh pegawai yang bersangkutan"):
        svc.start_plan(line["boss"].user, line["staff"], line["year"])
    svc.start_plan(line["staff"].user, line["staff"], line["year"])
    with pytest.raises(ServiceError, match="sudah ada"):
        svc.start_plan(line["staff"].user, line["staff"], line["year"])


def test_start_from_the_library(line):
    entry = LibraryResult(position_name="Pranata Komputer Ahli Pertama",
                          position_key=position_key("pranata komputer  ahli pertama"),
                          kind=ResultKind.UTAMA, text="Terkelolanya jaringan")
    entry.indicators.append(LibraryIndicator(aspect=Aspect.KUANTITAS, text="Jumlah laporan",
                                             target_value=Decimal("12"), unit="Laporan"))
    db.session.add(entry)
    plan = svc.start_plan(line["staff"].user, line["staff"], line["year"], source="library")
    assert [r.text for r in plan.results] == ["Terkelolanya jaringan"]
    assert plan.results[0].indicators[0].unit == "Laporan"


def test_start_from_last_year_copies_texts_not_links(line, factory):
    last = factory.skp.year(2025)
    old = factory.skp.plan(line["staff"], last, status=PlanStatus.APPROVED,
                           parent=factory.skp.plan(line["boss"], last).results[0])
    plan = svc.start_plan(line["staff"].user, line["staff"], line["year"], source="last_year")
    assert [r.text for r in plan.results] == [r.text for r in old.results]
    assert plan.results[0].parent_id is None and plan.results[0].origin_id is None


def test_start_from_nothing_refused_clearly(line):
    with pytest.raises(ServiceError, match="Tidak ada SKP tahun sebelumnya"):
        svc.start_plan(line["staff"].user, line["staff"], line["year"], source="last_year")
    with pytest.raises(ServiceError, match="Pustaka indikator belum memuat"):
        svc.start_plan(line["staff"].user, line["staff"], line["year"], source="library")


def test_submit_lists_every_problem(line):
    user = line["staff"].user
    plan = svc.start_plan(user, line["staff"], line["year"])
    with pytest.raises(svc.PlanIncomplete) as excinfo:
        svc.submit(user, plan)
    assert [p.message for p in excinfo.value.problems] == ["SKP harus memuat minimal satu RHK utama."]
    add_result(user, plan, ResultData(kind=ResultKind.UTAMA, text="Tersedianya aplikasi"))
    with pytest.raises(svc.PlanIncomplete) as excinfo:
        svc.submit(user, plan)
    messages = [p.message for p in excinfo.value.problems]
    assert "Pilih RHK atasan yang diintervensi oleh RHK utama ini." in messages
    assert "Setiap RHK harus memiliki minimal satu IKI." in messages
    assert plan.status == PlanStatus.DRAFT


def make_complete(user, plan, parent):
    result = add_result(user, plan, ResultData(kind=ResultKind.UTAMA, text="Tersedianya aplikasi",
                                               parent_id=parent.id))
    add_indicator(user, plan, result, IndicatorData(text="Jumlah modul", aspect=Aspect.KUANTITAS,
                                                    target_value=Decimal("4"), unit="Modul"))
    return result


def test_full_cycle_submit_return_resubmit_approve(line):
    staff, boss = line["staff"], line["boss"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    make_complete(staff.user, plan, line["boss_plan"].results[0])
    svc.submit(staff.user, plan)
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_at is not None
    with pytest.raises(ServiceError, match="tidak dapat diubah"):
        add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="x"))
    with pytest.raises(ServiceError, match="minimal 10 karakter"):
        svc.return_plan(boss.user, plan, "kurang")
    svc.return_plan(boss.user, plan, "Target modul terlalu rendah, naikkan.")
    assert plan.status == PlanStatus.RETURNED and plan.editable
    svc.submit(staff.user, plan)
    svc.approve(boss.user, plan)
    assert plan.status == PlanStatus.APPROVED and plan.approved_as == "Kepala Seksi"
    assert plan.approved_by_id == boss.user.id and plan.return_reason is None
    workflow = [a for a in actions() if a in {"skp.diajukan", "skp.dikembalikan", "skp.disetujui"}]
    assert workflow == ["skp.diajukan", "skp.dikembalikan", "skp.diajukan", "skp.disetujui"]


def test_withdraw_before_review(line):
    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    make_complete(staff.user, plan, line["boss_plan"].results[0])
    svc.submit(staff.user, plan)
    svc.withdraw(staff.user, plan)
    assert plan.status == PlanStatus.DRAFT and plan.submitted_at is None
    with pytest.raises(ServiceError):
        svc.withdraw(staff.user, plan)


@pytest.mark.parametrize("who", ["self", "colleague", "second_assessor", "admin"])
def test_who_may_not_approve(line, factory, who):
    staff = line["staff"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED, parent=line["boss_plan"].results[0])
    actor = {
        "self": staff.user,
        "colleague": factory.employee(line["opd"], assessor=line["boss"]).user,
        "second_assessor": line["head"].user,
        "admin": factory.admin([line["opd"]]),
    }[who]
    with pytest.raises(ServiceError):
        svc.approve(actor, plan)
    with pytest.raises(ServiceError):
        svc.return_plan(actor, plan, "alasan yang cukup panjang")
    assert plan.status == PlanStatus.SUBMITTED


def test_approve_only_a_submitted_plan(line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], parent=line["boss_plan"].results[0])
    with pytest.raises(ServiceError, match="Draf tidak dapat disetujui"):
        svc.approve(line["boss"].user, plan)


def test_plh_approves_while_the_assessor_is_away(line, factory):
    staff, boss = line["staff"], line["boss"]
    plh = factory.employee(line["opd"], name="Plh Kasi")
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=boss,
                                    unit=line["opd"], position="Kepala Seksi",
                                    start_date=dt.date.today(), end_date=dt.date.today() + dt.timedelta(days=5)))
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED, parent=line["boss_plan"].results[0])
    svc.approve(plh.user, plan)
    assert plan.approved_as == "Plh. Kepala Seksi"


def test_expired_acting_assignment_grants_nothing(line, factory):
    plh = factory.employee(line["opd"])
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=plh, replaced_employee=line["boss"],
                                    unit=line["opd"], position="Kepala Seksi",
                                    start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 1, 31)))
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED)
    with pytest.raises(ServiceError):
        svc.approve(plh.user, plan)


def test_external_assessor_approval_is_recorded_by_the_admin(factory):
    opd = factory.opd("Sekretariat Daerah")
    sekda = factory.employee(opd, name="Sekda", position="Sekretaris Daerah", position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Bupati", "Bupati Uji"
    plan = factory.skp.plan(sekda, status=PlanStatus.SUBMITTED)
    other_admin = factory.admin([factory.opd()])
    with pytest.raises(ServiceError):
        svc.approve(other_admin, plan)
    admin = factory.admin([opd])
    svc.approve(admin, plan)
    assert plan.approved_as.startswith("Bupati Uji (dicatat oleh")


def test_revise_makes_a_new_version_and_approval_supersedes_the_old(line, factory):
    staff, boss = line["staff"], line["boss"]
    v1 = factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED, parent=line["boss_plan"].results[0])
    with pytest.raises(ServiceError, match="alasan perubahan"):
        svc.revise(staff.user, v1, "")
    with pytest.raises(ServiceError):
        svc.revise(boss.user, v1, "Pindah jabatan ke bidang lain")
    v2 = svc.revise(staff.user, v1, "Penugasan baru dari kepala dinas")
    assert (v2.version, v2.status, v2.previous_id) == (2, PlanStatus.DRAFT, v1.id)
    assert v1.status == PlanStatus.APPROVED  # still in force until v2 is approved
    assert v2.results[0].origin_id == v1.results[0].id
    assert v2.results[0].parent_id == v1.results[0].parent_id
    assert svc.approved_plan(staff.id, line["year"].id).id == v1.id
    with pytest.raises(ServiceError, match="Versi 2"):
        svc.revise(staff.user, v1, "Sekali lagi dengan alasan")
    svc.submit(staff.user, v2)
    svc.approve(boss.user, v2)
    assert v1.status == PlanStatus.SUPERSEDED
    assert svc.approved_plan(staff.id, line["year"].id).id == v2.id
    assert [p.version for p in svc.versions(staff.id, line["year"].id)] == [1, 2]
    assert {"skp.versi_baru", "skp.diganti"} <= set(actions())


def test_one_open_version_at_a_time_is_a_database_rule(line, factory):
    factory.skp.plan(line["staff"], line["year"])
    with pytest.raises(Exception):
        factory.skp.plan(line["staff"], line["year"], version=2)
    db.session.rollback()


def test_parent_must_be_in_the_assessors_current_plan(line, factory):
    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    stranger = factory.skp.plan(factory.employee(line["opd"]), line["year"])
    with pytest.raises(ServiceError, match="bukan bagian dari SKP terkini") as excinfo:
        add_result(staff.user, plan, ResultData(kind=ResultKind.UTAMA, text="x", parent_id=stranger.results[0].id))
    assert excinfo.value.field == "parent_id"


def test_indicator_field_errors_all_at_once(line):
    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    result = add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="Tugas tambahan"))
    with pytest.raises(ServiceError) as excinfo:
        add_indicator(staff.user, plan, result, IndicatorData(
            text="", aspect=None, target_value=Decimal("0"), unit="", direction=Direction.HIGHER))
    fields = {f for f, _m in excinfo.value.errors}
    assert fields == {"text", "aspect", "target_value", "unit"}
    with pytest.raises(ServiceError) as excinfo:
        add_indicator(staff.user, plan, result, IndicatorData(
            text="Waktu layanan", aspect=Aspect.WAKTU, target_value=Decimal("5"), target_high=Decimal("3"),
            unit="Hari", direction=Direction.RANGE))
    assert excinfo.value.errors == [("target_high", "Batas bawah rentang harus lebih kecil dari batas atasnya.")]


def test_kualitatif_needs_a_narrative_target(line):
    from app.services.skp.plan_edit import update_header

    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    update_header(staff.user, plan, approach=Approach.KUALITATIF, resources="", accountability="", consequences="")
    result = add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="Tugas"))
    with pytest.raises(ServiceError, match="Target naratif"):
        add_indicator(staff.user, plan, result, IndicatorData(text="Kualitas layanan"))
    indicator = add_indicator(staff.user, plan, result, IndicatorData(
        text="Kualitas layanan", narrative_target="Layanan sesuai SOP tanpa keluhan"))
    assert indicator.target_value is None


def test_stale_lock_version_is_a_conflict(line):
    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    seen = plan.lock_version
    add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="Dari tab pertama"), version=seen)
    with pytest.raises(ConflictError):
        add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="Dari tab kedua"), version=seen)
    assert [r.text for r in plan.results] == ["Dari tab pertama"]


def test_reorder_and_delete(line):
    staff = line["staff"]
    plan = svc.start_plan(staff.user, staff, line["year"])
    a = add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="A"))
    b = add_result(staff.user, plan, ResultData(kind=ResultKind.TAMBAHAN, text="B"))
    move_result(staff.user, plan, b, -1)
    db.session.expire(plan, ["results"])
    assert [r.text for r in plan.results] == ["B", "A"]
    delete_result(staff.user, plan, a)
    assert [r.text for r in plan.results] == ["B"]


def test_expectations_by_the_assessor_before_approval(line, factory):
    staff, boss = line["staff"], line["boss"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED)
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 1))
    with pytest.raises(ServiceError):
        svc.set_expectations(staff.user, plan, {value.id: "Saya sendiri"})
    svc.set_expectations(boss.user, plan, {value.id: "Menanggapi permintaan layanan dalam 1 hari kerja"})
    assert plan.expectations[0].text.startswith("Menanggapi")
    plan.status, plan.approved_at = PlanStatus.APPROVED, plan.submitted_at
    with pytest.raises(ServiceError, match="sudah disetujui"):
        svc.set_expectations(boss.user, plan, {value.id: "Lain"})


def test_diff_between_versions(line, factory):
    staff = line["staff"]
    v1 = factory.skp.plan(staff, line["year"], status=PlanStatus.APPROVED, results=2,
                          parent=line["boss_plan"].results[0])
    v2 = svc.revise(staff.user, v1, "Penugasan baru dari kepala dinas")
    first, second = v2.results
    update_result(staff.user, v2, first, ResultData(kind=ResultKind.UTAMA, text="Rumusan baru",
                                                    parent_id=first.parent_id))
    update_indicator(staff.user, v2, second.indicators[0], IndicatorData(
        text=second.indicators[0].text, aspect=Aspect.KUANTITAS, target_value=Decimal("20"), unit="Dokumen"))
    add_result(staff.user, v2, ResultData(kind=ResultKind.TAMBAHAN, text="Tugas tambahan baru"))
    db.session.expire_all()
    diff = diff_plans(db.session.get(Plan, v1.id), db.session.get(Plan, v2.id))
    statuses = [(d.status, d.current.text) for d in diff.results]
    assert (CHANGED, "Rumusan baru") in statuses
    assert (ADDED, "Tugas tambahan baru") in statuses
    changed_target = next(d for d in diff.results if d.current.text == second.text)
    assert changed_target.status == CHANGED
    assert changed_target.children[0].changes[0].label == "Target"
    assert diff.changed
    same = diff_plans(db.session.get(Plan, v1.id), db.session.get(Plan, v1.id))
    assert not same.changed and all(d.status == SAME for d in same.results)
    reverse = diff_plans(db.session.get(Plan, v2.id), db.session.get(Plan, v1.id))
    assert (REMOVED, "Tugas tambahan baru") in [(d.status, d.current.text) for d in reverse.results]


def test_newest_plans_query_count_is_constant(line, factory):
    boss = line["boss"]

    def queries(extra):
        for _ in range(extra):
            member = factory.employee(line["opd"], assessor=boss)
            factory.skp.plan(member, line["year"], status=PlanStatus.SUPERSEDED)
            factory.skp.plan(member, line["year"], version=2)
        db.session.commit()
        db.session.expire_all()
        ids = [e.id for e in db.session.scalars(select(Employee).where(Employee.assessor_id == boss.id))]
        count = []
        listener = lambda *a: count.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            plans = svc.newest_plans(ids, line["year"])
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert all(plans[i].version == 2 for i in ids if i != line["staff"].id)
        return len(count)

    few, many = queries(3), queries(30)
    assert few == many <= 2  # the year's id (expired by the commit) and the plans
    assert svc.newest_plans([], line["year"]) == {}


def test_a_plt_recorded_as_direct_assessor_signs_as_plt(line, factory):
    from app.models import OrgUnit

    bina_marga = factory.unit(line["opd"], "Bidang Bina Marga")
    seksi = factory.unit(bina_marga, "Seksi Jalan")
    plt = line["head"]  # Kepala Bidang of another bidang, acting for the vacant Bina Marga post
    db.session.add(ActingAssignment(kind=ActingKind.PLT, acting_employee=plt, unit=bina_marga,
                                    position="Kepala Bidang Bina Marga", start_date=dt.date.today(),
                                    end_date=dt.date.today() + dt.timedelta(days=30)))
    kasi = factory.employee(seksi, assessor=plt, name="Kasi Jalan")
    plan = factory.skp.plan(kasi, line["year"], status=PlanStatus.SUBMITTED)
    svc.approve(plt.user, plan)
    assert plan.approved_as == "Plt. Kepala Bidang Bina Marga"
    own_team = factory.skp.plan(line["boss"], factory.skp.year(2027), status=PlanStatus.SUBMITTED)
    svc.approve(plt.user, own_team)
    assert own_team.approved_as == "Kepala Bidang"
    _ = OrgUnit
