"""The benchmark's journeys work on the scale data as a browser sends them: a pegawai starts,
saves (with a file) and submits Triwulan IV; a Pejabat Penilai approves a waiting Triwulan III
submission in a kabupaten without feedback phrases (the pick-lists are then not shown at all)."""
from __future__ import annotations

import io

from sqlalchemy import select

from app.domain.enums import AssessmentStatus
from app.extensions import db
from app.models import Assessment, Employee, Period, User
from tests.scale.conftest import YEAR

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_fill_and_submit_the_running_period(scale, make_client):
    written = scale(200)
    bosses = set(written.plan.teams())
    index = next(i for i in range(len(written.plan.people)) if i not in bosses)
    user = db.session.get(User, written.user_ids[index])
    client = make_client(user)
    assert client.post(f"/penilaian/{YEAR}/4/mulai").status_code in (302, 200)
    a = db.session.scalar(select(Assessment).join(Period).where(
        Assessment.employee_id == user.employee_id, Period.number == 4))
    data = {"version": str(a.lock_version)}
    for r in a.realizations:
        data[f"value_{r.indicator_id}"], data[f"note_{r.indicator_id}"], data[f"url_{r.id}"] = "3", "", ""
    first = a.realizations[0]
    response = client.post(f"/penilaian/isian/{a.id}/simpan",
                           {**data, f"file_{first.id}": (io.BytesIO(PDF), "laporan.pdf")})
    assert response.status_code == 302
    db.session.refresh(a)
    data["version"] = str(a.lock_version)
    assert client.post(f"/penilaian/isian/{a.id}/ajukan", data).status_code == 302
    db.session.refresh(a)
    assert a.status == AssessmentStatus.SUBMITTED and len(first.evidence) >= 1


def test_approve_a_waiting_review_without_phrases(scale, make_client):
    scale(200)
    a = db.session.scalar(select(Assessment).join(Period).join(Employee, Assessment.employee_id == Employee.id).where(
        Period.number == 3, Assessment.status == AssessmentStatus.SUBMITTED, Employee.assessor_id.is_not(None))
        .order_by(Assessment.id))
    boss = db.session.get(Employee, a.employee.assessor_id)
    client = make_client(boss.user)
    data = {"version": str(a.lock_version), "result_rating": "SESUAI", "behavior_rating": "SESUAI",
            "result_rating_reason": ""}
    data.update({f"feedback_rhk_{r.id}": "" for r in a.plan.results})
    response = client.post(f"/tinjau/penilaian/{a.id}/setujui", data)
    assert response.status_code == 302
    db.session.refresh(a)
    assert a.status == AssessmentStatus.APPROVED
