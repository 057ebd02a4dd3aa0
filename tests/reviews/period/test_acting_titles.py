"""A Plt./Plh. acts in the post they stand in for: the period review, the annual rating and the SKP
approval are recorded with that post ("Plt. Kepala Bidang Bina Marga"), and the Evaluasi Kinerja
prints it with the post's unit and the Plt. line — whether the roster names the Plt. as the staff's
Pejabat Penilai, or the staff's Pejabat Penilai is the official the Plh. replaces (RULES.md §10)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from app.domain.enums import ActingKind, AssessmentStatus, PositionKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment, Assessment
from app.services.documents import issue as docs
from app.services.skp import plans as plan_service
from tests.reviews.period.conftest import TODAY, approved_plan, review_data, submitted_assessment


@pytest.fixture
def pupr(factory, world):
    """Dinas PUPR: the Kepala Bidang Cipta Karya is Plt. Kepala Bidang Bina Marga."""
    opd = factory.opd("Dinas PUPR")
    cipta = factory.unit(opd, "Bidang Cipta Karya")
    bina = factory.unit(opd, "Bidang Bina Marga")
    kadis = factory.employee(opd, name="Ir. Kadis PUPR", position="Kepala Dinas PUPR", position_kind=PositionKind.JPT)
    kabid = factory.employee(cipta, assessor=kadis, name="Ir. Bambang Kabid", position="Kepala Bidang Cipta Karya",
                             position_kind=PositionKind.ADMINISTRATOR)
    away = factory.employee(bina, assessor=kadis, name="Ir. Dedi Cuti", position="Kepala Bidang Bina Marga",
                            position_kind=PositionKind.ADMINISTRATOR)
    db.session.add(ActingAssignment(kind=ActingKind.PLT, acting_employee=kabid, unit=bina, replaced_employee=away,
                                    position="Kepala Bidang Bina Marga", start_date=TODAY - dt.timedelta(days=90),
                                    end_date=TODAY + dt.timedelta(days=90)))
    db.session.flush()
    return {"opd": opd, "bina": bina, "cipta": cipta, "kabid": kabid, "away": away}


@pytest.mark.parametrize("line", ["roster names the Plt.", "staff still under the replaced kabid"])
def test_the_review_is_recorded_and_printed_with_the_post_acted_for(factory, world, pupr, make_client, line,
                                                                  app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_FOLDER", str(tmp_path / "documents"))
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    boss = pupr["kabid"] if line == "roster names the Plt." else pupr["away"]
    staff = factory.employee(pupr["bina"], assessor=boss, name="Rudi Staf Bina Marga")
    approved_plan(factory, staff, world["year"])
    assessment = submitted_assessment(staff, world["p1"], 3)
    client = make_client(pupr["kabid"].user)
    response = client.post(f"/tinjau/penilaian/{assessment.id}/setujui",
                           review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI"))
    assert response.status_code == 302
    a = db.session.get(Assessment, assessment.id)
    assert a.status == AssessmentStatus.APPROVED and a.reviewed_as == "Plt. Kepala Bidang Bina Marga"
    document = docs.issue("evaluasi", a, user=pupr["kabid"].user)
    db.session.commit()
    printed = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(docs.read_bytes(document))).pages)
                       .split())
    assert "Plt. Kepala Bidang Bina Marga" in printed or ("Plt." in printed and "Kepala Bidang Bina Marga" in printed)
    assert "Bidang Bina Marga" in printed
    assert "Kepala Bidang Cipta Karya" not in printed


def test_the_skp_approval_is_recorded_with_the_post_acted_for(factory, world, pupr):
    staff = factory.employee(pupr["bina"], assessor=pupr["away"], name="Sinta Staf Bina Marga")
    plan = factory.skp.plan(staff, world["year"], status=PlanStatus.SUBMITTED)
    plan_service.approve(pupr["kabid"].user, plan)
    assert plan.approved_as == "Plt. Kepala Bidang Bina Marga"


def test_an_own_team_member_keeps_the_officials_own_post(factory, world, pupr, make_client):
    staff = factory.employee(pupr["cipta"], assessor=pupr["kabid"], name="Tono Staf Cipta Karya")
    approved_plan(factory, staff, world["year"])
    assessment = submitted_assessment(staff, world["p1"], 3)
    make_client(pupr["kabid"].user).post(f"/tinjau/penilaian/{assessment.id}/setujui",
                                         review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI"))
    assert db.session.get(Assessment, assessment.id).reviewed_as == "Kepala Bidang Cipta Karya"
