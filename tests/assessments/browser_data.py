"""A Dinas Sosial line for the browser tests: a pekerja sosial with an approved SKP (three RHK, a
cumulative count, a lower-is-better time, a range, a tambahan task), three past periods (one on
time, one late, one submitted and waiting), and the current period open with 70 days to go."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.enums import AssessmentStatus, PositionKind
from app.domain.skp import Aspect, Direction, PlanStatus, ResultKind
from app.extensions import db
from app.models import Indicator, WorkResult
from app.services.assessments import assessments as svc

TODAY = dt.date.today()
WIB = dt.timezone(dt.timedelta(hours=7))


def _periods(year):
    """Move the periods so that three are past and the fourth is current, whatever today is."""
    regular = [p for p in year.periods if not p.is_final]
    for n, period in enumerate(regular):
        back = (len(regular) - 1 - n) * 90
        period.start_date = TODAY - dt.timedelta(days=30 + back)
        period.end_date = TODAY + dt.timedelta(days=60 - back)
        period.submission_deadline = period.end_date + dt.timedelta(days=10)
        period.review_deadline = period.end_date + dt.timedelta(days=20)
    final = year.final_period
    final.start_date, final.end_date = regular[0].start_date, regular[-1].end_date
    final.submission_deadline, final.review_deadline = final.end_date + dt.timedelta(days=10), final.end_date + dt.timedelta(days=20)
    return regular


def _plan(factory, staff, year, parent):
    plan = factory.skp.plan(staff, year, status=PlanStatus.APPROVED, results=0, parent=parent)
    rhk = [
        (ResultKind.UTAMA, "Terlaksananya pendampingan keluarga penerima manfaat PKH", [
            Indicator(aspect=Aspect.KUANTITAS, text="Jumlah keluarga penerima manfaat yang didampingi",
                      target_value=Decimal(120), unit="Keluarga"),
            Indicator(aspect=Aspect.WAKTU, text="Rata-rata waktu verifikasi pengaduan", target_value=Decimal(5),
                      unit="Hari", direction=Direction.LOWER, cumulative=False)]),
        (ResultKind.UTAMA, "Tersusunnya laporan pendampingan yang akurat", [
            Indicator(aspect=Aspect.KUALITAS, text="Persentase laporan yang diterima tanpa revisi",
                      target_value=Decimal(90), target_high=Decimal(100), unit="%", direction=Direction.RANGE,
                      cumulative=False)]),
        (ResultKind.TAMBAHAN, "Terlaksananya sosialisasi layanan rehabilitasi sosial", [
            Indicator(aspect=Aspect.KUANTITAS, text="Jumlah sosialisasi di kecamatan", target_value=Decimal(4),
                      unit="Kegiatan")]),
    ]
    for n, (kind, text, indicators) in enumerate(rhk):
        for k, indicator in enumerate(indicators):
            indicator.position = k
        plan.results.append(WorkResult(kind=kind, text=text, position=n, parent=parent if kind == ResultKind.UTAMA else None,
                                       indicators=indicators))
    db.session.flush()
    return plan


def build(factory):
    opd = factory.opd("Dinas Sosial")
    head = factory.employee(opd, name="Ahmad Fauzi, S.Sos., M.Si.", position="Kepala Bidang Rehabilitasi Sosial",
                            position_kind=PositionKind.ADMINISTRATOR)
    boss = factory.employee(opd, assessor=head, name="Sari Wulandari, S.Sos.", position="Kepala Seksi Rehabilitasi Sosial Anak",
                            position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=boss, name="Rina Marlina, S.Tr.Sos.", position="Pekerja Sosial Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    colleague = factory.employee(opd, assessor=boss, name="Budi Santoso", position="Penyuluh Sosial Ahli Pertama",
                                 position_kind=PositionKind.FUNGSIONAL)
    admin = factory.admin([opd])
    year = factory.skp.year(TODAY.year)
    regular = _periods(year)
    boss_plan = factory.skp.plan(boss, year, status=PlanStatus.APPROVED)
    plan = _plan(factory, staff, year, boss_plan.results[0])
    factory.skp.plan(colleague, year, status=PlanStatus.APPROVED, parent=boss_plan.results[0])
    ids = [i.id for r in plan.results for i in r.indicators]
    past = [((28, 4, 92, 1), False), ((31, 6, 100, 1), True), ((30, 5, 85, 1), False)]
    assessments = []
    for period, (values, late) in zip(regular, past):
        a = svc.open_assessment(staff.user, staff, period)
        svc.save(staff.user, a, {i: svc.Entry(value=Decimal(v)) for i, v in zip(ids, values)},
                 {}, version=None)
        svc.add_link(staff.user, a, a.realizations[0].id, "https://arsip.dinsos.kab.go.id/pkh/laporan")
        a.status, a.late = AssessmentStatus.SUBMITTED, late
        a.submitted_at = dt.datetime.combine(period.submission_deadline + dt.timedelta(days=2 if late else -3),
                                             dt.time(9), WIB)
        assessments.append(a)
    db.session.flush()
    return {"staff": staff, "boss": boss, "admin": admin, "colleague": colleague, "year": year, "waiting": assessments[2],
            "current": regular[3]}
