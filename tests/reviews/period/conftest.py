"""A Dinas Kominfo line for the review pages: Kabid (the Atasan Pejabat Penilai) → Kasi (the
Pejabat Penilai) → two staff whose first period is submitted (one with a link as bukti dukung and a
note), a colleague still in draft; the pengelola kinerja of the OPD, one of another OPD, common
phrases; and helpers to drive the pages over HTTP."""
from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.enums import PhraseScope, PositionKind
from app.domain.skp import PlanStatus, ResultKind
from app.extensions import db
from app.models import Assessment, AuditEvent, CoreValue, Feedback, FeedbackPhrase, WorkResult
from app.services.assessments import assessments as periods
from tests.pages import body, field_error, text  # noqa: F401  (re-exported to the tests here)
from tests.queries import count_statements  # noqa: F401  (re-exported)

TODAY = dt.date.today()


def submitted_assessment(member, period, value=3, *, note=None, link=None):
    """The pegawai's assessment of `period`, every IKI filled with `value`, submitted."""
    a = periods.open_assessment(member.user, member, period)
    ids = sorted(r.indicator_id for r in a.realizations)
    entries = {i: periods.Entry(value=Decimal(value), note=note if n == 0 else None) for n, i in enumerate(ids)}
    periods.save(member.user, a, entries, {})
    if link:
        realization = next(r for r in a.realizations if r.indicator_id == ids[0])
        periods.add_link(member.user, a, realization.id, link)
    periods.submit(member.user, a)
    return a


def approved_plan(factory, member, year, *, utama=1, indicators=2):
    """An approved SKP: `utama` RHK utama with `indicators` IKI each (12 a year), and one tambahan."""
    plan = factory.skp.plan(member, year, status=PlanStatus.APPROVED, results=utama + 1, indicators=indicators)
    plan.results[-1].kind = ResultKind.TAMBAHAN
    db.session.flush()
    return plan


@pytest.fixture
def world(factory):
    opd = factory.opd("Dinas Kominfo")
    kabid = factory.employee(opd, name="Hendra Kabid", position="Kepala Bidang Aplikasi Informatika",
                             position_kind=PositionKind.ADMINISTRATOR)
    kasi = factory.employee(opd, assessor=kabid, name="Sari Kasi", position="Kepala Seksi Layanan Aplikasi",
                            position_kind=PositionKind.PENGAWAS)
    staff = factory.employee(opd, assessor=kasi, name="Rina Staf", position="Pranata Komputer Ahli Pertama",
                             position_kind=PositionKind.FUNGSIONAL)
    second = factory.employee(opd, assessor=kasi, name="Budi Staf", position="Pranata Komputer Terampil")
    colleague = factory.employee(opd, assessor=kasi, name="Citra Rekan")
    admin = factory.admin([opd])
    other_admin = factory.admin([factory.opd("Dinas Lain")])
    year = factory.skp.year(TODAY.year)
    regular = [p for p in year.periods if not p.is_final]
    first, second_period = regular[0], regular[1]
    first.start_date, first.end_date = TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=1)
    first.submission_deadline, first.review_deadline = TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=15)
    second_period.start_date, second_period.end_date = TODAY, TODAY + dt.timedelta(days=90)
    second_period.submission_deadline = TODAY + dt.timedelta(days=100)
    second_period.review_deadline = TODAY + dt.timedelta(days=110)
    db.session.flush()
    for member in (staff, second, colleague):
        approved_plan(factory, member, year)
    # 12 a year, Q1 target 3: 3 → 100 % (Sesuai); Budi 4 → 120 % (Di Atas)
    assessment = submitted_assessment(staff, first, 3, note="Dua laporan diserahkan lebih awal.",
                                      link="https://arsip.kominfo.example/laporan-q1")
    other = submitted_assessment(second, first, 4)
    draft = periods.open_assessment(colleague.user, colleague, first)
    phrases = [FeedbackPhrase(scope=PhraseScope.HASIL, text="Target periode ini tercapai; pertahankan.", position=0),
               FeedbackPhrase(scope=PhraseScope.HASIL, text="Lengkapi bukti dukung.", position=1),
               FeedbackPhrase(scope=PhraseScope.PERILAKU, text="Disiplin dan bertanggung jawab.", position=0),
               FeedbackPhrase(scope=PhraseScope.HASIL, text="Kalimat lama yang nonaktif.", position=2, active=False)]
    db.session.add_all(phrases)
    db.session.flush()
    return {"opd": opd, "kabid": kabid, "kasi": kasi, "staff": staff, "second": second, "colleague": colleague,
            "admin": admin, "other_admin": other_admin, "year": year, "p1": first, "p2": second_period,
            "assessment": assessment, "other": other, "draft": draft, "phrases": phrases,
            "url": f"/tinjau/penilaian/{assessment.id}"}


def textarea(response, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>(.*?)</textarea>', body(response), re.S)
    assert match, f"no textarea {name}"
    return html.unescape(match.group(1)).strip()


def checked(response, name: str) -> str | None:
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([A-Z_]+)"[^>]*checked', body(response))
    return match.group(1) if match else None


def results_of(assessment) -> list[WorkResult]:
    db.session.expire_all()
    a = db.session.get(Assessment, assessment.id)
    return a.plan.utama + a.plan.tambahan


def values() -> list[CoreValue]:
    return list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))


def review_data(assessment, *, version=None, result_rating="", reason="", behavior_rating="", **extra) -> dict:
    """The review form as a browser posts it (every field present, nothing chosen from the lists)."""
    db.session.expire_all()
    a = db.session.get(Assessment, assessment.id)
    data = {"version": str(a.lock_version if version is None else version), "result_rating_reason": reason}
    if result_rating:
        data["result_rating"] = result_rating
    if behavior_rating:
        data["behavior_rating"] = behavior_rating
    for result in a.plan.results:
        data[f"feedback_rhk_{result.id}"] = ""
        data[f"phrase_rhk_{result.id}"] = ""
    for value in values():
        data[f"feedback_nilai_{value.id}"] = ""
        data[f"phrase_nilai_{value.id}"] = ""
    data.update(extra)
    return data


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def state(assessment) -> tuple:
    """Everything a refused request must leave untouched."""
    db.session.expire_all()
    a = db.session.get(Assessment, assessment.id)
    return (a.status, a.lock_version, a.result_rating, a.behavior_rating, a.predikat, a.return_reason,
            count(Feedback), count(AuditEvent))


def fresh(assessment) -> Assessment:
    db.session.expire_all()
    return db.session.get(Assessment, assessment.id)

