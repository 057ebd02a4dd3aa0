"""A pegawai who moves to another assessor mid-year (RULES.md §10): the periods reviewed by the
earlier assessor stay as they were; the new assessor reviews from the move on, and at year end rates
the year with the earlier assessor's period results shown beside them; the earlier assessor no
longer reviews the pegawai."""
from __future__ import annotations

from app.domain.enums import AssessmentStatus, PositionKind
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.models import Assessment
from app.models.base import utcnow
from tests.reviews.annual.conftest import YEAR, text

TABLE_URL = f"/tinjau/tahunan/{YEAR}"


def test_the_new_assessor_sees_the_earlier_assessors_results(line, make_client, factory):
    member = line.member("Rina Pindahan")  # Triwulan I approved under Sari Kasi
    first = db.session.query(Assessment).filter_by(employee_id=member.id).one()
    first.reviewed_by, first.reviewed_as = line.kasi.user, line.kasi.position
    new_boss = factory.employee(line.opd, assessor=line.kabid, name="Tono Kasi Baru", position="Kepala Seksi Data",
                                position_kind=PositionKind.PENGAWAS)
    member.assessor = new_boss
    db.session.commit()
    page = text(make_client(new_boss.user).get(TABLE_URL))
    assert "Rina Pindahan" in page
    assert f"dinilai {line.kasi.name} ({line.kasi.position})" in page
    # the earlier assessor no longer has the pegawai in the table, nor may review the next period
    assert "Rina Pindahan" not in text(make_client(line.kasi.user).get(TABLE_URL))
    second = [p for p in line.year.periods if not p.is_final][1]
    pending = Assessment(employee=member, period=second, plan=first.plan, status=AssessmentStatus.SUBMITTED,
                         submitted_at=utcnow())
    db.session.add(pending)
    db.session.commit()
    assert make_client(line.kasi.user).get(f"/tinjau/penilaian/{pending.id}").status_code in (302, 404)
    assert make_client(new_boss.user).get(f"/tinjau/penilaian/{pending.id}").status_code == 200
    # the earlier period is untouched
    kept = db.session.get(Assessment, first.id)
    assert (kept.status, kept.predikat, kept.reviewed_by_id) == (AssessmentStatus.APPROVED, Predikat.BAIK,
                                                                 line.kasi.user.id)
    assert kept.result_rating == Rating.SESUAI
