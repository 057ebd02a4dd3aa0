"""The Evaluasi Kinerja of a period appends the recap of the pegawai's kinerja harian per RHK and
month: the counted activities (accepted, or past the verification window when the settings count
those), their time and their outputs summed by unit; nothing appended without activities."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.daily import ActivityCategory, ActivityStatus
from app.domain.enums import DocumentKind
from app.extensions import db
from app.models import Activity
from app.services.documents import issue as docs
from app.services.documents.data_eval import snapshot_evaluation
from tests.documents.test_issue import _pdf_words


def _activity(employee, day, minutes, *, result=None, status=ActivityStatus.DITERIMA, quantity=None, unit=None):
    db.session.add(Activity(employee_id=employee.id, day=day, start_time=dt.time(8), end_time=dt.time(9),
                            minutes=minutes, description="Kegiatan uji",
                            category=ActivityCategory.RHK if result else ActivityCategory.LAINNYA,
                            work_result_id=result.id if result else None, status=status,
                            output_quantity=quantity, output_unit=unit))


def test_the_evaluation_appends_the_daily_recap(world):
    assessment = world.assessment
    period, rina = assessment.period, world.rina
    rhk = assessment.plan.results[0]
    first = period.start_date
    second_month = (first.replace(day=28) + dt.timedelta(days=5)).replace(day=3)
    assert snapshot_evaluation(assessment)["daily_recap"] == []  # nothing recorded: nothing appended
    _activity(rina, first + dt.timedelta(days=1), 90, result=rhk, quantity=Decimal(2), unit="Surat")
    _activity(rina, first + dt.timedelta(days=2), 60, result=rhk, quantity=Decimal("1.5"), unit="surat ")
    _activity(rina, second_month, 30, result=rhk, quantity=Decimal(1), unit="Laporan")
    _activity(rina, second_month, 45)  # other work
    _activity(rina, first + dt.timedelta(days=3), 480, result=rhk, status=ActivityStatus.DIKEMBALIKAN)
    _activity(rina, period.end_date + dt.timedelta(days=1), 60, result=rhk)  # after the period
    db.session.commit()
    recap = snapshot_evaluation(assessment)["daily_recap"]
    assert [row["rhk"] for row in recap] == [rhk.text, "Tugas tambahan dan pekerjaan lainnya"]
    months = recap[0]["months"]
    assert [(m["count"], m["hours"]) for m in months] == [(2, "2 j 30 m"), (1, "0 j 30 m")]
    assert months[0]["outputs"] == "3,5 Surat"  # "Surat" and "surat " are one unit
    assert months[1]["outputs"] == "1 Laporan"
    assert recap[1]["months"][0]["count"] == 1
    document = docs.issue(DocumentKind.EVALUASI, assessment, user=world.kasi.user)
    words = _pdf_words(document)
    assert "LAMPIRAN:REKAPKINERJAHARIAN" in words and "2j30m" in words
