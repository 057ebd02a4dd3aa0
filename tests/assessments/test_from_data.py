"""An IKI whose realisasi comes from data: linked in the SKP editor to a metric or the IKM of a
layanan of the pegawai's OPD (another OPD's refused), shown on the period form with where it came
from and not typed by the pegawai (a typed value is ignored), a late correction by the source after
the submission updating it and saying so, and nothing changing once the review is approved."""
from __future__ import annotations

import secrets
from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import AssessmentStatus
from app.domain.scoring import Rating
from app.extensions import db
from app.models import AuditEvent, Metric, SurveyResponse
from app.models.base import utcnow
from app.services.metrics import values
from app.services.reviews.reviews import approve_review
from app.services.satisfaction import layanan
from tests.assessments.conftest import assessment_of, field_error, form_data, realization, start, text


def _metric(world, code="KTP-WAKTU"):
    metric = Metric(opd_id=world["opd"].id, unit_id=world["opd"].id, code=code, name="Rata-rata waktu layanan",
                    measure_unit="hari")
    db.session.add(metric)
    db.session.flush()
    return metric


def _push(world, metric, value, source="nilai.csv"):
    check = values.check_rows([(1, {"code": metric.code, "year": world["year"].year, "period": 1, "value": value})],
                              values.Check(source), actor=world["admin"])
    assert check.valid, check.errors
    values.apply(check, actor=world["admin"])
    db.session.commit()


def test_the_realisasi_comes_from_the_metric(make_client, world):
    metric = _metric(world)
    world["rate"].source_metric_id = metric.id  # "Persentase keluhan layanan", not cumulative
    db.session.commit()
    client = make_client(world["staff"].user)
    a = start(client, world)
    page = text(client.get(world["url"]))
    assert "dari data" in page and "belum ada nilai dari sumber" in page
    # nothing from the source yet: the submission says where the value has to come from
    refused = client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="1"))
    assert "diambil dari sumber datanya" in field_error(refused, f"value_{world['rate'].id}")
    _push(world, metric, "4,5")
    # the pegawai's typed value is ignored; the source's is kept with its provenance
    assert client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="3", rate="1",
                                                                    **{f"note_{world['rate'].id}": "Data SIAK"})
                       ).status_code == 302
    kept = realization(a, world["rate"])
    assert kept.value == Decimal("4.5") and kept.note == "Data SIAK"
    assert kept.source_info.startswith("Metrik KTP-WAKTU: berkas nilai.csv")
    assert kept.capaian == Decimal("120.00")  # lower is better: (2 − 4,5/8) × 100, capped at 120
    assert client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="")).status_code == 302
    # a late correction from the source before the review: updated, and said so
    _push(world, metric, "4,2", source="koreksi.csv")
    corrected = realization(a, world["rate"])
    assert corrected.value == Decimal("4.2") and "sebelumnya 4,5" in corrected.source_info
    review = text(make_client(world["boss"].user).get(f"/penilaian/lihat/{a.id}"))
    assert "diperbarui dari sumber setelah diajukan (sebelumnya 4,5)" in review
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "penilaian.realisasi_dari_sumber")
                             .order_by(AuditEvent.id.desc()).limit(1)).after["value"] == "4.2"
    # approved: a later value changes nothing without a reopen
    approve_review(world["boss"].user, assessment_of(world["staff"], world["p1"]), feedback={},
                   result_rating=Rating.DI_ATAS, result_rating_reason=None, behavior_rating=Rating.SESUAI)
    db.session.commit()
    _push(world, metric, "3,9", source="terlambat.csv")
    after = realization(a, world["rate"])
    assert assessment_of(world["staff"], world["p1"]).status == AssessmentStatus.APPROVED
    assert after.value == Decimal("4.2")


def test_the_realisasi_comes_from_the_ikm_of_a_layanan(make_client, world):
    service = layanan.create(world["admin"], layanan.ServiceData(unit_id=world["opd"].id, name="Layanan Rehabilitasi",
                                                                 description=None, period_kind="TRIWULAN"))
    for answers in ([4] * 9, [3] * 9):
        db.session.add(SurveyResponse(service_id=service.id, day=world["p1"].start_date, submitted_at=utcnow(),
                                      visit_sha256=secrets.token_hex(32), **{f"q{i + 1}": a for i, a in enumerate(answers)}))
    db.session.add(SurveyResponse(service_id=service.id, day=world["p1"].start_date, submitted_at=utcnow(),
                                  visit_sha256=secrets.token_hex(32), set_aside_at=utcnow(),
                                  **{f"q{i}": 1 for i in range(1, 10)}))
    world["docs"].source_service_id = service.id
    db.session.commit()
    client = make_client(world["staff"].user)
    a = start(client, world)
    assert client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="99", rate="5")).status_code == 302
    kept = realization(a, world["docs"])
    # (4 + 3) / 2 = 3,5 per unsur → 87,50; the set-aside response is not counted
    assert kept.value == Decimal("87.5") and "2 responden, 1 disisihkan" in kept.source_info


def test_the_skp_editor_links_an_iki_to_a_source_of_the_pegawai_s_opd(make_client, world, factory):
    from app.domain.skp import PlanStatus

    metric = _metric(world)
    foreign = Metric(opd_id=world["other_admin"].admin_units[0].id, unit_id=world["other_admin"].admin_units[0].id,
                     code="LAIN", name="Metrik OPD lain", measure_unit="hari")
    db.session.add(foreign)
    plan = factory.skp.plan(world["colleague"], world["year"], status=PlanStatus.DRAFT)
    db.session.commit()
    client = make_client(world["colleague"].user)
    indicator = plan.results[0].indicators[0]
    url = f"/skp/rencana/{plan.id}/iki/{indicator.id}/ubah"
    page = client.get(url)
    assert page.status_code == 200 and "Metrik KTP-WAKTU" in text(page) and "Metrik OPD lain" not in text(page)
    form = {"version": str(plan.lock_version), "aspect": "KUANTITAS", "text": indicator.text, "direction": "higher",
            "target_value": "12", "unit": "Dokumen", "cumulative": "y"}
    refused = client.post(url, data=form | {"source": f"metrik:{foreign.id}"})
    assert "Pilih metrik atau layanan perangkat daerah Anda" in text(refused)
    assert client.post(url, data=form | {"source": f"metrik:{metric.id}"}).status_code == 302
    db.session.refresh(indicator)
    assert indicator.source_metric_id == metric.id and indicator.source_service_id is None
