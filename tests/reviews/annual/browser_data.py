"""A Dinas Kominfo team for the browser tests: the Kabid (Atasan Pejabat Penilai), the Kasi
(Pejabat Penilai) and seven staff with four approved quarters; the OPD's predikat organisasi Baik.
Rina's result was handed over and her keberatan decided (changed to Sangat Baik, with a recognition
follow-up), Dodi's keberatan waits for the Kabid's decision, four are rated Baik in draft (so the
team breaks the Baik curve) and one is not rated yet."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, FollowUpKind, ObjectionDecision, ObjectionStatus, OrgPredikat, PositionKind,
    Programme,
)
from app.domain.scoring import Predikat, Rating, predikat
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, FollowUp, Objection, OrgYearResult, Realization
from app.models.base import utcnow

TODAY = dt.date.today()
QUARTERS = {  # capaian and predikat of the four quarters
    "Rina Marlina": (["112", "118", "120", "115"], [Predikat.BAIK, Predikat.SANGAT_BAIK, Predikat.SANGAT_BAIK, Predikat.BAIK]),
    "Dodi Prasetyo": (["96", "101", "99", "104"], [Predikat.BAIK] * 4),
    "Eka Wulandari": (["100", "98", "102", "100"], [Predikat.BAIK] * 4),
    "Fajar Nugroho": (["92", "95", "97", "99"], [Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, Predikat.BAIK]),
    "Gita Permata": (["105", "108", "110", "111"], [Predikat.BAIK] * 4),
    "Hadi Saputra": (["99", "100", "100", "101"], [Predikat.BAIK] * 4),
    "Intan Lestari": (["85", "88", "87", None], [Predikat.BUTUH_PERBAIKAN, Predikat.BUTUH_PERBAIKAN, Predikat.BAIK, None]),
}


def _ago(days: int) -> dt.datetime:
    return utcnow() - dt.timedelta(days=days)


def build(factory):
    opd = factory.opd("Dinas Komunikasi dan Informatika")
    unit = factory.unit(opd, "Bidang Aplikasi Informatika")
    kabid = factory.employee(unit, name="Hendra Gunawan, S.Kom., M.T.", position="Kepala Bidang Aplikasi Informatika",
                             position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(unit, assessor=kabid, name="Sari Wahyuni, S.T.", position="Kepala Seksi Layanan E-Government",
                            position_kind=PositionKind.PENGAWAS)
    year = factory.skp.year(TODAY.year)
    db.session.add(OrgYearResult(opd_id=opd.id, year_id=year.id, predikat=OrgPredikat.BAIK, capaian=Decimal("101.4")))
    quarters = [p for p in year.periods if not p.is_final]
    staff = {}
    for name, (values, grades) in QUARTERS.items():
        member = factory.employee(unit, assessor=kasi, name=name, position="Pranata Komputer Ahli Pertama",
                                  position_kind=PositionKind.FUNGSIONAL)
        plan = factory.skp.plan(member, year, status=PlanStatus.APPROVED)
        for period, value, grade in zip(quarters, values, grades):
            if value is None:
                continue
            a = Assessment(employee=member, period=period, plan=plan, status=AssessmentStatus.APPROVED,
                           submitted_at=_ago(30), reviewed_at=_ago(20), predikat=grade,
                           result_rating=Rating.SESUAI, behavior_rating=Rating.SESUAI)
            a.realizations.append(Realization(indicator_id=plan.results[0].indicators[0].id, value=Decimal(3),
                                              capaian=Decimal(value)))
            db.session.add(a)
        staff[name.split()[0].lower()] = (member, plan)
    db.session.flush()

    def evaluation(key, result, behavior, *, handed_days=None, suggested=Rating.SESUAI, reason=None, note=None):
        member, plan = staff[key]
        ev = AnnualEvaluation(employee=member, year=year, plan=plan, result_rating=result, behavior_rating=behavior,
                              predikat=predikat(result, behavior), suggested_rating=suggested,
                              capaian=Decimal("100"), reviewer=kasi.user, reviewer_as=kasi.position,
                              result_rating_reason=reason, note=note, status=EvaluationStatus.DRAFT)
        if handed_days is not None:
            ev.status, ev.handed_over_at = EvaluationStatus.HANDED_OVER, _ago(handed_days)
        db.session.add(ev)
        return ev

    rina = evaluation("rina", Rating.DI_ATAS, Rating.SESUAI, handed_days=10, suggested=Rating.DI_ATAS,
                      note="Layak menjadi mentor aplikasi layanan publik.")
    rina.objection = Objection(
        status=ObjectionStatus.DECIDED, filed_at=_ago(8),
        reasons="Perilaku kerja saya dinilai Sesuai Ekspektasi, padahal saya memimpin pendampingan 14 perangkat "
                "daerah dalam migrasi aplikasi dan menerima penghargaan Kominfo provinsi.",
        explanation="Pendampingan itu memang di luar tugas pokok; saya tidak keberatan bila perilaku kerja dinilai ulang.",
        explained_at=_ago(6), explained_by=kasi.user, decision=ObjectionDecision.CHANGED,
        decision_reason="Bukti pendampingan dan penghargaan provinsi menunjukkan perilaku kerja di atas ekspektasi.",
        previous_result_rating=Rating.DI_ATAS, previous_behavior_rating=Rating.SESUAI, previous_predikat=Predikat.BAIK,
        decided_at=_ago(3), decided_by=kabid.user, decided_as=kabid.position)
    rina.behavior_rating, rina.predikat = Rating.DI_ATAS, Predikat.SANGAT_BAIK
    rina.follow_ups.append(FollowUp(kind=FollowUpKind.RECOGNITION, programme=Programme.PENGHARGAAN,
                                    note="Usulan Satyalancana dan pegawai teladan bidang", created_by=kasi.user))
    dodi = evaluation("dodi", Rating.SESUAI, Rating.SESUAI, handed_days=5)
    dodi.objection = Objection(
        status=ObjectionStatus.EXPLAINED, filed_at=_ago(3),
        reasons="Capaian IKI utama saya rata-rata 100 % dan saya menyelesaikan integrasi data kependudukan "
                "lebih cepat dari jadwal; saya mohon Rating Hasil Kerja ditinjau menjadi Di Atas Ekspektasi.",
        explanation="Integrasi selesai lebih cepat, tetapi dua laporan triwulan terlambat; capaian tahunan tetap "
                    "pada rentang Sesuai Ekspektasi.",
        explained_at=_ago(1), explained_by=kasi.user)
    for key in ("eka", "fajar", "gita", "hadi"):
        evaluation(key, Rating.SESUAI, Rating.SESUAI)
    db.session.flush()
    return {"kabid": kabid, "kasi": kasi, "rina": staff["rina"][0], "dodi": staff["dodi"][0], "year": year,
            "dodi_objection": dodi.objection, "intan": staff["intan"][0]}
