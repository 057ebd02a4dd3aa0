"""The period self-assessment as services: window, save, capaian, submit, return, reopen, evidence."""
import datetime as dt
import io
import os
import zipfile
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from app.domain.enums import AssessmentStatus, LatePolicy, PositionKind
from app.domain.skp import Approach, Aspect, PlanStatus
from app.extensions import db
from app.models import AuditEvent, Evidence, Indicator
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import assessments as svc
from app.services.assessments.rows import indicator_rows
from app.services.settings import update_settings

TODAY = dt.date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def setup(factory):
    """A pegawai with an approved SKP (12 documents a year, cumulative; 8 % lower-is-better,
    stand-alone) and a current period open for entry."""
    opd = factory.opd("Dinas Sosial")
    boss = factory.employee(opd, name="Kasi", position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=boss, name="Staf")
    year = factory.skp.year(TODAY.year)
    plan = factory.skp.plan(staff, year, status=PlanStatus.APPROVED, results=1, indicators=1)
    documents = plan.results[0].indicators[0]
    rate = Indicator(aspect=Aspect.KUALITAS, text="Persentase keluhan", target_value=Decimal(8), unit="%",
                     direction="lower", cumulative=False, position=1)
    plan.results[0].indicators.append(rate)
    periods = [p for p in year.periods if not p.is_final]
    # make the first period current (started, deadline in 10 days) whatever the real date
    first = periods[0]
    first.start_date, first.end_date = TODAY - dt.timedelta(days=80), TODAY - dt.timedelta(days=1)
    first.submission_deadline, first.review_deadline = TODAY + dt.timedelta(days=10), TODAY + dt.timedelta(days=20)
    second = periods[1]
    second.start_date, second.end_date = TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=90)
    second.submission_deadline = TODAY + dt.timedelta(days=100)
    db.session.flush()
    return {"opd": opd, "boss": boss, "staff": staff, "year": year, "plan": plan, "docs": documents,
            "rate": rate, "p1": first, "p2": second}


def entries(setup, docs=None, rate=None, note=None):
    return {setup["docs"].id: svc.Entry(value=docs, note=note), setup["rate"].id: svc.Entry(value=rate)}


def test_open_needs_the_pegawai_and_an_approved_skp(setup, factory):
    with pytest.raises(ServiceError, match="pegawai yang bersangkutan"):
        svc.open_assessment(setup["boss"].user, setup["staff"], setup["p1"])
    other = factory.employee(setup["opd"], assessor=setup["boss"])
    factory.skp.plan(other, setup["year"], status=PlanStatus.SUBMITTED)
    with pytest.raises(ServiceError, match="belum disetujui"):
        svc.open_assessment(other.user, other, setup["p1"])
    a = svc.open_assessment(setup["staff"].user, setup["staff"], setup["p1"])
    assert a.status == AssessmentStatus.DRAFT and len(a.realizations) == 2
    assert svc.open_assessment(setup["staff"].user, setup["staff"], setup["p1"]).id == a.id


def test_save_computes_capaian_with_cumulative_sums(setup):
    user = setup["staff"].user
    q1 = svc.open_assessment(user, setup["staff"], setup["p1"])
    svc.save(user, q1, entries(setup, docs=Decimal(2), rate=Decimal("6.5")), {})
    rows = {r.indicator.id: r for r in indicator_rows(q1)}
    assert rows[setup["docs"].id].target == Decimal(3) and rows[setup["docs"].id].capaian == Decimal("66.67")
    assert rows[setup["rate"].id].capaian == Decimal("118.75")
    q2 = svc.open_assessment(user, setup["staff"], setup["p2"])
    svc.save(user, q2, entries(setup, docs=Decimal(4), rate=Decimal(8)), {})
    rows = {r.indicator.id: r for r in indicator_rows(q2)}
    assert rows[setup["docs"].id].so_far == Decimal(6) and rows[setup["docs"].id].capaian == Decimal("100.00")
    stored = {r.indicator_id: r.capaian for r in q2.realizations}
    assert stored[setup["docs"].id] == Decimal("100.00")
    # correcting Q1 moves Q2's cumulative capaian too
    svc.save(user, q1, entries(setup, docs=Decimal(1), rate=Decimal("6.5")), {})
    db.session.expire_all()
    q2 = svc.find(setup["staff"].id, setup["p2"].id)
    assert {r.indicator_id: r.capaian for r in q2.realizations}[setup["docs"].id] == Decimal("83.33")


def test_submit_needs_every_realisasi_and_freezes(setup):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    svc.save(user, a, entries(setup, docs=Decimal(3)), {})
    with pytest.raises(FieldErrors) as excinfo:
        svc.submit(user, a)
    assert excinfo.value.errors == [(f"value_{setup['rate'].id}", "Isi realisasi IKI ini dengan angka.")]
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})
    svc.submit(user, a)
    assert a.status == AssessmentStatus.SUBMITTED and not a.late and a.submitted_at
    with pytest.raises(ServiceError, match="berstatus Diajukan"):
        svc.save(user, a, entries(setup, docs=Decimal(4), rate=Decimal(7)), {})


def test_the_assessor_cannot_edit_the_pegawais_realisasi(setup):
    a = svc.open_assessment(setup["staff"].user, setup["staff"], setup["p1"])
    with pytest.raises(ServiceError, match="pegawai yang bersangkutan"):
        svc.save(setup["boss"].user, a, entries(setup, docs=Decimal(3)), {})


def test_late_submission_marked_or_refused_per_setting(setup, factory):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})
    setup["p1"].submission_deadline = TODAY - dt.timedelta(days=1)
    update_settings(factory.superadmin(), {"late_submission": LatePolicy.REFUSE})
    with pytest.raises(ServiceError, match="sudah lewat"):
        svc.submit(user, a)
    update_settings(factory.superadmin(), {"late_submission": LatePolicy.ALLOW_MARKED})
    svc.submit(user, a)
    assert a.late is True


def test_closed_period_freezes_entry_until_reopened(setup, factory):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    setup["p1"].is_open, setup["p1"].closed_at = False, dt.datetime.now(dt.timezone.utc)
    with pytest.raises(ServiceError, match="sudah ditutup"):
        svc.save(user, a, entries(setup, docs=Decimal(3)), {})
    admin = factory.admin([setup["opd"]])
    svc.reopen(admin, a, TODAY + dt.timedelta(days=3), "Pegawai sakit selama batas pengajuan")
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})
    svc.submit(user, a)
    assert a.late is False  # reopened before the deadline: on time


def test_period_not_started_yet(setup, factory):
    a = svc.open_assessment(setup["staff"].user, setup["staff"], setup["p1"])
    setup["p1"].start_date = TODAY + dt.timedelta(days=1)
    state = svc.window(a)
    assert not state.can_edit and "dibuka mulai" in state.reason


def test_return_by_the_assessor_only(setup, factory):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})
    svc.submit(user, a)
    for actor in (user, factory.employee(setup["opd"]).user, factory.admin([setup["opd"]])):
        with pytest.raises(ServiceError):
            svc.return_assessment(actor, a, "Lengkapi bukti dukung laporan")
    with pytest.raises(ServiceError, match="minimal 10"):
        svc.return_assessment(setup["boss"].user, a, "kurang")
    svc.return_assessment(setup["boss"].user, a, "Lengkapi bukti dukung laporan")
    assert a.status == AssessmentStatus.RETURNED and a.editable
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})


def test_reopen_refusals(setup, factory):
    a = svc.open_assessment(setup["staff"].user, setup["staff"], setup["p1"])
    other_admin = factory.admin([factory.opd()])
    with pytest.raises(ServiceError):
        svc.reopen(other_admin, a, TODAY, "alasan yang cukup panjang")
    with pytest.raises(ServiceError):
        svc.reopen(setup["staff"].user, a, TODAY, "alasan yang cukup panjang")
    admin = factory.admin([setup["opd"]])
    with pytest.raises(ServiceError, match="sebelum hari ini"):
        svc.reopen(admin, a, TODAY - dt.timedelta(days=1), "alasan yang cukup panjang")


def test_stale_version_is_a_conflict(setup):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    seen = a.lock_version
    svc.save(user, a, entries(setup, docs=Decimal(1)), {}, version=seen)
    with pytest.raises(ConflictError):
        svc.save(user, a, entries(setup, docs=Decimal(2)), {}, version=seen)
    assert {r.indicator_id: r.value for r in a.realizations}[setup["docs"].id] == Decimal(1)


def test_bad_numbers_and_texts_are_refused_at_their_fields(setup):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    with pytest.raises(FieldErrors) as excinfo:
        svc.save(user, a, {setup["docs"].id: svc.Entry(value=Decimal(-1), note="x" * 2001)}, {})
    assert {f for f, _m in excinfo.value.errors} == {f"value_{setup['docs'].id}", f"note_{setup['docs'].id}"}


def test_evidence_files_by_content_and_links(setup, app):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    realization = a.realizations[0]
    evidence = svc.add_file(user, a, realization.id, PDF, "laporan.pdf")
    path = os.path.join(app.config["UPLOAD_FOLDER"], "evidence", evidence.stored_name[:2], evidence.stored_name)
    assert os.path.exists(path) and evidence.mime == "application/pdf" and len(evidence.sha256) == 64
    assert svc.add_file(user, a, realization.id, PNG, "foto.jpg").original_name == "foto.png"
    assert svc.add_file(user, a, realization.id, docx_bytes(), "nota").original_name == "nota.docx"
    for data, name, message in [
        (b"MZ\x90\x00 program", "laporan.pdf", "bukan PDF"),
        (b"", "kosong.pdf", "Berkas kosong"),
        (b"PK\x03\x04 broken zip", "tabel.xlsx", "bukan PDF"),
        (b"%PDF" + b"x" * (app.config["EVIDENCE_MAX_BYTES"]), "besar.pdf", "lebih dari 10 MB"),
    ]:
        with pytest.raises(ServiceError, match=message) as excinfo:
            svc.add_file(user, a, realization.id, data, name)
        assert excinfo.value.field == "file"
    link = svc.add_link(user, a, realization.id, "https://arsip.kab.go.id/dok/123")
    assert link.url.startswith("https://")
    for bad in ["", "javascript:alert(1)", "ftp://x/y", "arsip.kab.go.id/dok", "https://a b"]:
        with pytest.raises(ServiceError):
            svc.add_link(user, a, realization.id, bad)
    db.session.commit()
    svc.remove_evidence(user, a, evidence)
    assert os.path.exists(path)  # not before the deletion is committed
    db.session.commit()
    assert not os.path.exists(path)


def test_a_rolled_back_upload_leaves_no_file(setup, app):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    db.session.commit()
    evidence = svc.add_file(user, a, a.realizations[0].id, PDF, "laporan.pdf")
    path = os.path.join(app.config["UPLOAD_FOLDER"], "evidence", evidence.stored_name[:2], evidence.stored_name)
    assert os.path.exists(path)
    db.session.rollback()
    assert not os.path.exists(path)
    assert db.session.scalar(select(Evidence)) is None


def test_every_step_is_audited(setup):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    svc.save(user, a, entries(setup, docs=Decimal(3), rate=Decimal(7)), {})
    svc.submit(user, a)
    svc.return_assessment(setup["boss"].user, a, "Lengkapi bukti dukung laporan")
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "assessment")).all()
    assert {"penilaian.dibuat", "penilaian.disimpan", "penilaian.diajukan", "penilaian.dikembalikan"} <= set(actions)


def test_kualitatif_needs_a_narrative(setup, factory):
    staff = factory.employee(setup["opd"], assessor=setup["boss"])
    plan = factory.skp.plan(staff, setup["year"], status=PlanStatus.APPROVED)
    plan.approach = Approach.KUALITATIF
    indicator = plan.results[0].indicators[0]
    indicator.target_value, indicator.unit, indicator.narrative_target = None, None, "Layanan sesuai SOP"
    a = svc.open_assessment(staff.user, staff, setup["p1"])
    with pytest.raises(FieldErrors) as excinfo:
        svc.submit(staff.user, a)
    assert excinfo.value.errors[0][0] == f"narrative_{indicator.id}"
    svc.save(staff.user, a, {indicator.id: svc.Entry(narrative="Semua layanan sesuai SOP, tanpa keluhan")}, {})
    svc.submit(staff.user, a)


def test_rows_query_count_constant(setup, factory):
    user = setup["staff"].user
    a = svc.open_assessment(user, setup["staff"], setup["p1"])
    db.session.commit()

    def count():
        db.session.expire_all()
        seen = []
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            indicator_rows(svc.find(setup["staff"].id, setup["p1"].id))
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    small = count()
    for n in range(10):
        setup["plan"].results[0].indicators.append(Indicator(
            aspect=Aspect.KUANTITAS, text=f"IKI {n}", target_value=Decimal(5), unit="Dok", position=5 + n))
    db.session.commit()
    assert count() == small
    _ = a
