"""Capaian from data in the demo — and first the Survei Kepuasan Masyarakat: layanan of the three puskesmas (Dinas Kesehatan) and of
the kecamatan's Seksi Pelayanan Umum, each with a season of responses — the current period and the
one before — whose answers lean to each layanan's own character (a slow laboratory, a friendly
kecamatan counter), a few with a profile and a saran, some saran followed up, and a burst of the
same answers set aside as a duplicate. Then a metric of the kecamatan fed per period, an IKI of the Kepala Seksi Pelayanan Umum and one of
the Poli Umum's staff taking their realisasi from the metric and from the IKM, and the realisasi of
Dinas Kesehatan's and the kecamatan's Perjanjian Kinerja targets (the dashboard's capaian).
Deterministic (random.Random with a fixed seed)."""
from __future__ import annotations

import datetime as dt
import hashlib
import random

from sqlalchemy import select

from app.extensions import db
from app.models import OrgUnit, PublicService, SurveyResponse, User  # noqa: F401
from app.models.base import local_today, utcnow
from app.services.satisfaction import layanan, results
from app.services.satisfaction.responses import AGE_BANDS, EDUCATIONS, OCCUPATIONS

# (unit name, layanan, period kind, the mean answer per unsur (1–4), respondents this period)
SERVICES = (
    ("UPTD Puskesmas Tanjung Harapan", "Poli Umum", "SEMESTER", (3.4, 3.3, 2.9, 3.9, 3.4, 3.5, 3.6, 3.1, 3.2), 64),
    ("UPTD Puskesmas Tanjung Harapan", "Laboratorium", "SEMESTER", (3.3, 3.2, 2.5, 3.6, 3.3, 3.4, 3.3, 3.0, 2.9), 38),
    ("UPTD Puskesmas Sungai Limau", "Poli Kesehatan Ibu dan Anak", "SEMESTER",
     (3.6, 3.5, 3.3, 3.9, 3.6, 3.7, 3.8, 3.4, 3.3), 45),
    ("Seksi Pelayanan Umum", "Pelayanan Administrasi Terpadu Kecamatan", "SEMESTER",
     (3.2, 3.0, 2.8, 3.8, 3.2, 3.4, 3.7, 3.2, 2.7), 52),
)
SUGGESTIONS = (
    ("Antrean pagi terlalu panjang, mohon ditambah loket pendaftaran.", "Mulai bulan depan loket pendaftaran kedua "
     "dibuka pukul 07.30 pada hari Senin dan Kamis."),
    ("Ruang tunggu panas, kipas angin sering mati.", "Dua kipas angin diganti dan pendingin ruangan diusulkan "
     "dalam anggaran perubahan."),
    ("Petugas ramah, pertahankan.", None),
    ("Informasi persyaratan sebaiknya ditempel di depan loket.", None),
    ("Hasil laboratorium lama keluar, mohon dipercepat.", None),
    ("Parkir sempit kalau hari pasar.", None),
)


def _answer(rng: random.Random, mean: float) -> int | None:
    if rng.random() < 0.02:
        return None  # now and then a question left unanswered
    value = mean + rng.gauss(0, 0.55)
    return max(1, min(4, round(value)))


def seed_satisfaction(recorder: User) -> tuple[int, int]:
    """(layanan, responses)."""
    rng = random.Random(1417)
    today = local_today()
    units = {u.name: u for u in db.session.scalars(select(OrgUnit).where(OrgUnit.name.in_({s[0] for s in SERVICES})))}
    count = 0
    made = []
    for unit_name, name, kind, means, respondents in SERVICES:
        unit = units[unit_name]
        service = layanan.create(recorder, layanan.ServiceData(unit_id=unit.id, name=name, description=None,
                                                              period_kind=kind))
        made.append(service)
        current = results.period_of(kind, None, today)
        previous = results.period_of(kind, None, current.start - dt.timedelta(days=1))
        for period, how_many, shift in ((previous, int(respondents * 1.2), -0.15), (current, respondents, 0.0)):
            last = min(period.end, today)
            span = max(1, (last - period.start).days)
            for n in range(how_many):
                day = period.start + dt.timedelta(days=rng.randrange(span + 1))
                moment = dt.datetime.combine(day, dt.time(8 + rng.randrange(7), rng.randrange(60)), dt.timezone.utc)
                profile = rng.random() < 0.7
                said = SUGGESTIONS[rng.randrange(len(SUGGESTIONS))] if rng.random() < 0.12 else None
                row = SurveyResponse(
                    service_id=service.id, submitted_at=moment, day=day,
                    **{f"q{i + 1}": _answer(rng, m + shift) for i, m in enumerate(means)},
                    age_band=rng.choice(list(AGE_BANDS)) if profile else None,
                    sex=rng.choice("LP") if profile else None,
                    education=rng.choice(list(EDUCATIONS)) if profile else None,
                    occupation=rng.choice(list(OCCUPATIONS)) if profile else None,
                    suggestion=said[0] if said else None, channel="KIOS" if rng.random() < 0.3 else "WEB",
                    visit_sha256=hashlib.sha256(f"demo-{service.id}-{period.key}-{n}".encode()).hexdigest(),
                    source=hashlib.sha256(f"demo-{n % 17}".encode()).hexdigest()[:32])
                if said and said[1] and period is previous:
                    row.follow_up, row.follow_up_by_id, row.follow_up_at = said[1], recorder.id, utcnow()
                db.session.add(row)
                count += 1
    # a burst of the same answers from one source, set aside as duplicates by the survey page
    poli = made[0]
    for n in range(3):
        db.session.add(SurveyResponse(
            service_id=poli.id, submitted_at=utcnow(), day=today, **{f"q{i}": 1 for i in range(1, 10)},
            suggestion="jelek", visit_sha256=hashlib.sha256(f"demo-burst-{n}".encode()).hexdigest(),
            source="0" * 32, set_aside_at=utcnow() if n else None,
            set_aside_reason="Otomatis: jawaban dan saran sama dari sumber yang sama dalam 10 menit" if n else None))
        count += 1
    db.session.flush()
    return len(made), count


def seed_from_data(recorder: User) -> tuple[int, int]:
    """(metric values, IKI linked): the kecamatan's waiting-time metric per period up to now, two IKI
    linked (to the metric and to the Poli Umum's IKM), and targets' realisasi of two OPDs."""
    from decimal import Decimal

    from app.domain.skp import Approach, Aspect, Direction, PlanStatus
    from app.models import AppraisalYear, Assessment, Employee, Indicator, Metric, OrgTarget, Plan, Realization
    from app.services.assessments.rows import refresh_capaian
    from app.services.assessments.sources import source_value
    from app.services.metrics import values

    today = local_today()
    kecamatan_unit = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Seksi Pelayanan Umum"))
    metric = Metric(opd_id=kecamatan_unit.opd_id, unit_id=kecamatan_unit.id, code="KEC-WAKTU-ADM",
                    name="Rata-rata waktu penyelesaian layanan administrasi terpadu", measure_unit="hari",
                    description="Dari aplikasi PATEN kecamatan: hari kerja dari berkas lengkap sampai dokumen terbit.",
                    created_by_id=recorder.id)
    db.session.add(metric)
    db.session.flush()
    year = db.session.scalar(select(AppraisalYear).where(AppraisalYear.year == today.year))
    rows = []
    for number, period in enumerate([p for p in year.periods if not p.is_final and p.start_date <= today], 1):
        rows.append((number, {"code": metric.code, "year": year.year, "period": period.number,
                              "value": ("3,4", "3,1", "2,8", "2,6")[min(number - 1, 3)]}))
    check = values.check_rows(rows, values.Check("paten-kecamatan.xlsx"), actor=recorder)
    written = values.apply(check, actor=recorder)[0] if check.valid else 0
    linked = 0
    poli = db.session.scalar(select(PublicService).where(PublicService.name == "Poli Umum"))
    for unit_id, source in ((kecamatan_unit.id, ("metric", metric.id)), (poli.unit_id, ("ikm", poli.id))):
        plan = db.session.scalar(
            select(Plan).join(Employee, Plan.employee_id == Employee.id)
            .where(Employee.unit_id == unit_id, Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED,
                   Plan.approach == Approach.KUANTITATIF).order_by(Employee.name).limit(1))
        result = next((r for r in plan.results if len(r.indicators) < 3), None) if plan is not None else None
        if result is None:
            continue
        # a new IKI of the RHK (the existing ones keep their own bukti dukung), from data
        if source[0] == "metric":
            indicator = Indicator(aspect=Aspect.WAKTU, text=metric.name, target_value=Decimal(3), unit="hari",
                                  direction=Direction.LOWER, cumulative=False, source_metric_id=source[1])
        else:
            indicator = Indicator(aspect=Aspect.KUALITAS, text="Indeks Kepuasan Masyarakat Poli Umum",
                                  target_value=Decimal(80), unit="indeks", direction=Direction.HIGHER,
                                  cumulative=False, source_service_id=source[1])
        indicator.position = max(i.position for i in result.indicators) + 1
        result.indicators.append(indicator)
        linked += 1
        db.session.flush()
        # as if it had come from data all along: every assessment of the plan takes its source's value
        for assessment in db.session.scalars(select(Assessment).where(Assessment.plan_id == plan.id)):
            found = source_value(indicator, assessment.period)
            assessment.realizations.append(Realization(indicator_id=indicator.id, value=found.value,
                                                       source_info=found.info[:300]))
            db.session.flush()
            refresh_capaian(assessment)
    # The realisasi of two OPDs' targets: the dashboard computes their capaian and suggests a predikat.
    for unit in (kecamatan_unit.opd_id, poli.opd_id):
        for n, target in enumerate(db.session.scalars(select(OrgTarget).where(
                OrgTarget.opd_id == unit, OrgTarget.year_id == year.id).order_by(OrgTarget.position))):
            if target.target_value is not None:
                share = Decimal(("0.96", "1.04", "0.88", "1.00", "0.93")[n % 5])
                target.realization = (target.target_value * share).quantize(Decimal("0.01"))
    db.session.flush()
    return written, linked
