"""A Dinas Kominfo line for the documents: the Kabid (Atasan Pejabat Penilai) → the Kasi (Pejabat
Penilai) → a Pranata Komputer with an approved SKP (two RHK utama, one tambahan, two IKI each),
an approved Triwulan I with a link as bukti dukung and feedback, and a handed-over annual result;
fixed dates, so every printed date is known. Helpers read the PDF's text with pypdf."""
from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, EvidenceKind, ObjectionDecision, ObjectionStatus, OrgPredikat, PositionKind,
)
from app.domain.scoring import Predikat, Rating
from app.domain.skp import Aspect, PlanStatus, ResultKind
from app.extensions import db
from app.models import (
    AnnualEvaluation, Assessment, CoreValue, Evidence, Expectation, Feedback, Objection, OrgYearResult, Plan,
    Realization,
)
from app.services.settings import update_settings
from tests.queries import count_statements  # noqa: F401  (re-exported)

UTC = dt.timezone.utc
SUBMITTED = dt.datetime(2026, 1, 12, 3, 5, tzinfo=UTC)  # 12 Januari 2026 10.05 WIB
APPROVED = dt.datetime(2026, 1, 14, 1, 30, tzinfo=UTC)  # 14 Januari 2026 08.30 WIB
REVIEWED = dt.datetime(2026, 4, 13, 5, 53, tzinfo=UTC)  # 13 April 2026 12.53 WIB
HANDED = dt.datetime(2027, 1, 8, 2, 0, tzinfo=UTC)  # 8 Januari 2027 09.00 WIB
DECIDED = dt.datetime(2027, 1, 25, 4, 0, tzinfo=UTC)  # 25 Januari 2027 11.00 WIB
CODE = "CPN-TEST-0001"
VERIFY = "https://kinerja.uji.example/verifikasi/CPN-TEST-0001"
ISSUED = "1 Februari 2027 10.00 WIB"


def approve_plan(plan: Plan, approver, title: str | None = None) -> Plan:
    plan.status = PlanStatus.APPROVED
    plan.submitted_at, plan.approved_at = SUBMITTED, APPROVED
    plan.approved_by = approver.user
    plan.approved_as = title or approver.position
    db.session.flush()
    return plan


class Line:
    def __init__(self, factory):
        self.factory = factory
        update_settings(None, {"region_name": "Pemerintah Kabupaten Uji Coba", "document_place": "Kota Uji"})
        self.opd = factory.opd("Dinas Komunikasi dan Informatika")
        self.bidang = factory.unit(self.opd, "Bidang Aplikasi Informatika")
        self.kabid = factory.employee(self.bidang, name="Hendra Kabid, S.T.", grade_code="IV/a",
                                      position="Kepala Bidang Aplikasi Informatika",
                                      position_kind=PositionKind.ADMINISTRATOR)
        self.kasi = factory.employee(self.bidang, assessor=self.kabid, name="Sari Kasi, S.Kom.", grade_code="III/d",
                                     position="Kepala Seksi Layanan Aplikasi", position_kind=PositionKind.PENGAWAS)
        self.staff = factory.employee(self.bidang, assessor=self.kasi, name="Rina Staf, A.Md.", grade_code="III/b",
                                      position="Pranata Komputer Ahli Pertama", position_kind=PositionKind.FUNGSIONAL)
        self.year = factory.skp.year(2026)
        self.p1 = self.year.periods[0]
        self.kasi_plan = approve_plan(factory.skp.plan(self.kasi, self.year), self.kabid)
        self.kasi_plan.results[0].text = "Meningkatnya layanan aplikasi perangkat daerah"
        self.plan = self.skp(self.staff)

    def skp(self, employee, *, results: int = 3, indicators: int = 2, texts=None) -> Plan:
        """An approved SKP: the last RHK tambahan, the others utama under the Kasi's first RHK."""
        plan = self.factory.skp.plan(employee, self.year, results=results, indicators=indicators)
        for n, result in enumerate(plan.results):
            result.text = texts[n] if texts else f"Terkelolanya layanan aplikasi {n + 1}"
            result.parent = self.kasi_plan.results[0]
            for k, indicator in enumerate(result.indicators):
                indicator.text = f"Jumlah modul aplikasi {n + 1}.{k + 1}"
                indicator.aspect = (Aspect.KUANTITAS, Aspect.WAKTU)[k % 2]
        if results > 1:
            plan.results[-1].kind = ResultKind.TAMBAHAN
            plan.results[-1].parent = None
            plan.results[-1].assigned_by = "Kepala Dinas"
        values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
        plan.expectations.append(Expectation(core_value_id=values[0].id,
                                             text="Menanggapi permintaan layanan dalam satu hari kerja."))
        return approve_plan(plan, self.kasi)

    def assessment(self, plan: Plan | None = None) -> Assessment:
        """Triwulan I approved by the Kasi: 3 and 4 against 3 a quarter, a link, two feedback."""
        plan = plan or self.plan
        a = Assessment(employee=plan.employee, period=self.p1, plan=plan, status=AssessmentStatus.APPROVED,
                       submitted_at=REVIEWED - dt.timedelta(days=3), reviewed_at=REVIEWED, reviewed_by=self.kasi.user,
                       reviewed_as=self.kasi.position, suggested_rating=Rating.DI_ATAS, result_rating=Rating.SESUAI,
                       result_rating_reason="IKI kedua dijadwalkan selesai pada triwulan berikutnya.",
                       behavior_rating=Rating.DI_ATAS, predikat=Predikat.BAIK)
        for n, indicator in enumerate(i for r in plan.results for i in r.indicators):
            realization = Realization(indicator=indicator, value=Decimal(3 if n % 2 == 0 else 4))
            if n == 0:
                realization.evidence.append(Evidence(kind=EvidenceKind.LINK, url="https://arsip.uji.example/laporan-tw1"))
            a.realizations.append(realization)
        db.session.add(a)
        db.session.flush()
        value = db.session.scalar(select(CoreValue).order_by(CoreValue.position))
        db.session.add_all([
            Feedback(assessment_id=a.id, target_key=f"rhk:{plan.results[0].id}", work_result_id=plan.results[0].id,
                     text="Laporan lengkap dan tepat waktu; pertahankan.", author_id=self.kasi.user.id),
            Feedback(assessment_id=a.id, target_key=f"nilai:{value.id}", core_value_id=value.id,
                     text="Sigap melayani permintaan unit lain.", author_id=self.kasi.user.id),
        ])
        db.session.flush()
        return a

    def org_result(self, predikat=OrgPredikat.BAIK, capaian="102.5"):
        db.session.add(OrgYearResult(opd_id=self.opd.id, year_id=self.year.id, predikat=predikat,
                                     capaian=Decimal(capaian)))
        db.session.flush()

    def evaluation(self, result=Rating.DI_ATAS, behavior=Rating.DI_ATAS, *, handed: bool = True) -> AnnualEvaluation:
        from app.domain.scoring import predikat

        evaluation = AnnualEvaluation(
            employee=self.staff, year=self.year, plan=self.plan,
            status=EvaluationStatus.HANDED_OVER if handed else EvaluationStatus.DRAFT,
            capaian=Decimal("104.5"), suggested_rating=Rating.SESUAI, result_rating=result,
            result_rating_reason="Dua modul tambahan selesai di luar rencana.", behavior_rating=behavior,
            predikat=predikat(result, behavior), note="Pertahankan kinerja; ikutkan pelatihan keamanan aplikasi.",
            reviewer=self.kasi.user, reviewer_as=self.kasi.position, handed_over_at=HANDED if handed else None)
        db.session.add(evaluation)
        db.session.flush()
        return evaluation

    def objection(self, evaluation: AnnualEvaluation, *, decided: bool = True) -> Objection:
        objection = Objection(evaluation=evaluation, status=ObjectionStatus.EXPLAINED, filed_at=HANDED + dt.timedelta(days=3),
                              reasons="Capaian saya melampaui target pada tiga triwulan berturut-turut.",
                              explanation="Perilaku kerja masih perlu ditingkatkan pada kolaborasi.",
                              explained_at=HANDED + dt.timedelta(days=6), explained_by=self.kasi.user)
        if decided:
            objection.previous_result_rating = evaluation.result_rating
            objection.previous_behavior_rating = evaluation.behavior_rating
            objection.previous_predikat = evaluation.predikat
            evaluation.result_rating, evaluation.behavior_rating = Rating.DI_ATAS, Rating.DI_ATAS
            evaluation.predikat = Predikat.SANGAT_BAIK
            objection.status, objection.decision = ObjectionStatus.DECIDED, ObjectionDecision.CHANGED
            objection.decision_reason = "Bukti kolaborasi lintas bidang cukup kuat."
            objection.decided_at, objection.decided_by = DECIDED, self.kabid.user
            objection.decided_as = self.kabid.position
        db.session.add(objection)
        db.session.flush()
        return objection


@pytest.fixture
def line(factory) -> Line:
    return Line(factory)


def pages(data: bytes) -> list[str]:
    """The text of every page of a PDF."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text without any whitespace: words broken over lines compare equal."""
    return re.sub(r"\s+", "", text)


def text_of(data: bytes) -> str:
    """The PDF's text with whitespace folded to single spaces."""
    return " ".join(" ".join(pages(data)).split())


def sizes(data: bytes) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    return [(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
            for p in PdfReader(io.BytesIO(data)).pages]


