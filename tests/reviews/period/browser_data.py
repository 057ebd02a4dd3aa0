"""A Dinas Komunikasi dan Informatika line for the browser tests of the review pages: Kabid → Kasi
→ four staff. Rina submitted Triwulan I (three RHK, a cumulative count, a lower-is-better time,
a range, a tambahan task; a PDF and a link as bukti dukung, a note, reflections) and its review
is overdue; Budi's was approved (Sangat Baik); Citra is still in draft; Dedi's came back to him.
The common phrases are the suggested ones."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.enums import PositionKind
from app.domain.skp import Aspect, Direction, PlanStatus, ResultKind
from app.extensions import db
from app.models import CoreValue, Indicator, WorkResult
from app.services.assessments import assessments as svc
from app.services.reviews import reviews
from app.services.reviews.phrases import add_defaults

TODAY = dt.date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _periods(year):
    """Triwulan I ended a month ago, its review deadline passed two days ago; Triwulan II runs now."""
    regular = [p for p in year.periods if not p.is_final]
    first, second = regular[0], regular[1]
    first.start_date, first.end_date = TODAY - dt.timedelta(days=120), TODAY - dt.timedelta(days=30)
    first.submission_deadline, first.review_deadline = TODAY - dt.timedelta(days=20), TODAY - dt.timedelta(days=2)
    second.start_date, second.end_date = TODAY - dt.timedelta(days=29), TODAY + dt.timedelta(days=60)
    second.submission_deadline, second.review_deadline = TODAY + dt.timedelta(days=70), TODAY + dt.timedelta(days=85)
    for n, period in enumerate(regular[2:], start=2):
        period.start_date = TODAY + dt.timedelta(days=61 + (n - 2) * 91)
        period.end_date = period.start_date + dt.timedelta(days=90)
        period.submission_deadline = period.end_date + dt.timedelta(days=10)
        period.review_deadline = period.end_date + dt.timedelta(days=20)
    final = year.final_period
    final.start_date, final.end_date = first.start_date, regular[-1].end_date
    final.submission_deadline = final.end_date + dt.timedelta(days=10)
    final.review_deadline = final.end_date + dt.timedelta(days=20)
    return first, second


def _plan(factory, staff, year):
    plan = factory.skp.plan(staff, year, status=PlanStatus.APPROVED, results=0)
    rhk = [
        (ResultKind.UTAMA, "Terselenggaranya layanan aplikasi perizinan daring yang andal", [
            Indicator(aspect=Aspect.KUANTITAS, text="Jumlah permohonan izin yang diproses melalui aplikasi",
                      target_value=Decimal(1200), unit="Permohonan"),
            Indicator(aspect=Aspect.WAKTU, text="Rata-rata waktu pemulihan gangguan layanan", target_value=Decimal(4),
                      unit="Jam", direction=Direction.LOWER, cumulative=False)]),
        (ResultKind.UTAMA, "Tersusunnya laporan kinerja aplikasi yang akurat", [
            Indicator(aspect=Aspect.KUALITAS, text="Persentase ketersediaan layanan (uptime)",
                      target_value=Decimal(98), target_high=Decimal(100), unit="%", direction=Direction.RANGE,
                      cumulative=False)]),
        (ResultKind.TAMBAHAN, "Terlaksananya pendampingan aplikasi di kecamatan", [
            Indicator(aspect=Aspect.KUANTITAS, text="Jumlah kecamatan yang didampingi", target_value=Decimal(8),
                      unit="Kecamatan")]),
    ]
    for n, (kind, text, indicators) in enumerate(rhk):
        for k, indicator in enumerate(indicators):
            indicator.position = k
        plan.results.append(WorkResult(kind=kind, text=text, position=n, indicators=indicators))
    db.session.flush()
    return plan


def _submitted(member, period, values, *, note=None, evidence=False, reflections=None):
    a = svc.open_assessment(member.user, member, period)
    ids = [r.indicator_id for r in sorted(a.realizations, key=lambda r: r.indicator_id)]
    entries = {i: svc.Entry(value=Decimal(v), note=note if n == 0 else None) for n, (i, v) in enumerate(zip(ids, values))}
    svc.save(member.user, a, entries, reflections or {})
    if evidence:
        first = next(r for r in a.realizations if r.indicator_id == ids[0])
        svc.add_file(member.user, a, first.id, PDF, "rekap-permohonan-triwulan-1.pdf")
        svc.add_link(member.user, a, first.id, "https://arsip.kominfo.example/layanan/rekap-tw1")
    svc.submit(member.user, a)
    return a


def build(factory):
    opd = factory.opd("Dinas Komunikasi dan Informatika")
    kabid = factory.employee(opd, name="Hendra Gunawan, S.Kom., M.T.", position="Kepala Bidang Aplikasi Informatika",
                             position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(opd, assessor=kabid, name="Sari Wulandari, S.T.",
                            position="Kepala Seksi Layanan Aplikasi", position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=kasi, name="Rina Marlina, S.Kom.", position="Pranata Komputer Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    budi = factory.employee(opd, assessor=kasi, name="Budi Santoso, A.Md.", position="Pranata Komputer Terampil",
                            position_kind=PositionKind.FUNGSIONAL)
    citra = factory.employee(opd, assessor=kasi, name="Citra Lestari", position="Pengelola Sistem Informasi")
    dedi = factory.employee(opd, assessor=kasi, name="Dedi Kurniawan", position="Pengelola Layanan Aplikasi")
    year = factory.skp.year(TODAY.year)
    first, _second = _periods(year)
    for member in (staff, budi, citra, dedi):
        _plan(factory, member, year)
    values = list(db.session.scalars(db.select(CoreValue).order_by(CoreValue.position)))
    reflections = {values[0].id: "Menjawab pertanyaan pemohon izin melalui kanal WhatsApp layanan dalam satu hari kerja.",
                   values[3].id: "Membantu rekan seksi lain memulihkan server saat pemadaman listrik."}
    waiting = _submitted(staff, first, (300, 3, 99, 2), note="Lonjakan permohonan pada bulan Maret karena izin usaha "
                         "mikro dibuka serentak.", evidence=True, reflections=reflections)
    approved = _submitted(budi, first, (380, 2, 100, 3))
    reviews.approve_review(kasi.user, approved, feedback={f"rhk:{approved.plan.results[0].id}":
                                                          "Melampaui target; dokumentasikan cara kerjanya untuk tim."},
                           result_rating="DI_ATAS", result_rating_reason=None, behavior_rating="DI_ATAS")
    svc.open_assessment(citra.user, citra, first)
    returned = _submitted(dedi, first, (250, 5, 95, 1))
    svc.return_assessment(kasi.user, returned, "Lengkapi bukti dukung jumlah permohonan bulan Februari.")
    add_defaults(None)
    db.session.flush()
    return {"kabid": kabid, "kasi": kasi, "staff": staff, "budi": budi, "year": year, "waiting": waiting,
            "approved": approved}
