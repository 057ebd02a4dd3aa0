"""The snapshots as a contract: plain JSON data that survives a round trip, equal when built again
from unchanged data, refused while the approval they depend on is missing, loaded in a number of
queries that does not grow with the SKP; and the rekap of an OPD against its curve."""
from __future__ import annotations

import json

import pytest

from app.domain.enums import AssessmentStatus, EvaluationStatus, OrgPredikat
from app.domain.scoring import Predikat, Rating
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation
from app.services.documents.data import (
    DocumentUnavailable, snapshot_annual, snapshot_dokumen_evaluasi, snapshot_evaluation, snapshot_recap,
    snapshot_skp,
)
from app.services.documents.render import render_document_pdf, render_html
from tests.documents_render.conftest import CODE, HANDED, ISSUED, VERIFY, count_statements, text_of

PLAIN = (str, int, bool, type(None))


def plain(value) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(plain(v) for v in value)
    return isinstance(value, PLAIN)


def all_snapshots(line) -> dict:
    line.org_result()
    assessment = line.assessment()
    evaluation = line.evaluation()
    line.objection(evaluation)
    return {
        "skp": lambda: snapshot_skp(line.plan),
        "evaluasi": lambda: snapshot_evaluation(assessment),
        "akhir": lambda: snapshot_annual(evaluation),
        "dokumen": lambda: snapshot_dokumen_evaluasi(evaluation),
        "rekap": lambda: snapshot_recap(line.opd, line.year),
    }


def test_snapshots_are_plain_json_equal_when_rebuilt_and_complete(line):
    for name, build in all_snapshots(line).items():
        snapshot = build()
        assert plain(snapshot), name
        assert json.loads(json.dumps(snapshot)) == snapshot, name
        db.session.expire_all()
        assert build() == snapshot, name  # nothing volatile: an unchanged source gives an equal dict
        for key in ("kind", "title", "paper_size", "kop", "subject", "signatures"):
            assert key in snapshot, (name, key)
        assert set(snapshot["subject"]) >= {"employee_name", "nip", "period_label", "predikat"}
        for block in snapshot["signatures"]:
            assert set(block) >= {"role", "place_date", "name", "nip", "pangkat", "acting_prefix", "approval"}
            assert block["approval"] is None or set(block["approval"]) == {"name", "nip", "at", "verb", "recorded_by"}
        # the stored snapshot renders the same as the fresh one
        again = json.loads(json.dumps(snapshot))
        assert render_html(again, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED) == render_html(
            snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)


def test_a_change_changes_the_snapshot(line):
    before = snapshot_skp(line.plan)
    line.plan.results[0].indicators[0].text = "Jumlah modul aplikasi yang diperbarui"
    db.session.flush()
    assert snapshot_skp(line.plan) != before


def test_documents_need_their_approval(line):
    draft = line.skp(line.kabid)
    draft.status, draft.approved_at = PlanStatus.SUBMITTED, None
    db.session.flush()
    with pytest.raises(DocumentUnavailable, match="setelah disetujui"):
        snapshot_skp(draft)
    assessment = line.assessment()
    assessment.status = AssessmentStatus.SUBMITTED
    with pytest.raises(DocumentUnavailable, match="Triwulan I 2026 berstatus Diajukan"):
        snapshot_evaluation(assessment)
    evaluation = line.evaluation(handed=False)
    for build in (snapshot_annual, snapshot_dokumen_evaluasi):
        with pytest.raises(DocumentUnavailable, match="belum diserahkan"):
            build(evaluation)


def test_rekap_against_the_curve(line, factory):
    line.org_result(OrgPredikat.BAIK, "104")
    line.evaluation(Rating.DI_ATAS, Rating.SESUAI)  # Baik
    for n in range(3):
        member = factory.employee(line.bidang, assessor=line.kasi, name=f"Staf {n}")
        plan = line.skp(member, results=1, indicators=1)
        db.session.add(AnnualEvaluation(employee=member, year=line.year, plan=plan, status=EvaluationStatus.HANDED_OVER,
                                        result_rating=Rating.SESUAI, behavior_rating=Rating.SESUAI,
                                        predikat=Predikat.BAIK, handed_over_at=HANDED))
    db.session.flush()
    snapshot = snapshot_recap(line.opd, 2026)
    assert snapshot["subject"] == {"employee_name": None, "nip": None, "period_label": "Tahun 2026",
                                   "predikat": None, "unit_name": "Dinas Komunikasi dan Informatika"}
    assert [(r["printed"], r["count"], r["share"]) for r in snapshot["rows"]][:2] == [
        ("SANGAT BAIK", 0, "0 %"), ("BAIK", 4, "100 %")]
    assert snapshot["verdict"] == {"text": "Tidak sesuai kurva (2)", "ok": False}
    text = text_of(render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED))
    for words in ("REKAP PREDIKAT KINERJA PEGAWAI", "DINAS KOMUNIKASI DAN INFORMATIKA", "TAHUN 2026",
                  "BAIK (capaian 104 %)", "TIDAK SESUAI KURVA (2)", "JUMLAH 4 100 %", "paling banyak 70 % (2 pegawai)",
                  "Tidak sesuai", "Kurang dari 5 pegawai yang dinilai", "POLA DISTRIBUSI"):
        assert words in text, words
    # signed by the Kepala BKPSDM of the settings, dated as of the last hand-over (never "......")
    opd_head, bkpsdm = snapshot["signatures"]
    assert (opd_head["side"], bkpsdm["side"]) == ("left", "right") and not opd_head["place_date"]
    assert bkpsdm["role"] == "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert bkpsdm["place_date"] == "Kota Uji, 8 Januari 2027" and "Kota Uji, 8 Januari 2027" in text
    assert snapshot["distribution"]["verdicts"] is True


def _queries(build) -> int:
    db.session.commit()
    db.session.expire_all()
    with count_statements() as seen:
        build()
    return len(seen)


def test_query_count_does_not_grow_with_the_skp(line, factory):
    counts = {}
    for size in (3, 30):
        member = factory.employee(line.bidang, assessor=line.kasi, name=f"Pegawai {size}")
        plan = line.skp(member, results=size, indicators=2)
        assessment = line.assessment(plan)
        counts[size] = (_queries(lambda: snapshot_skp(plan)), _queries(lambda: snapshot_evaluation(assessment)))
    assert counts[3] == counts[30], counts
    assert counts[3][0] <= 20 and counts[3][1] <= 35, counts  # and stay small


def test_rekap_names_the_kepala_bkpsdm_of_the_settings(line, factory):
    from app.services.settings import update_settings

    line.org_result(OrgPredikat.BAIK, "104")
    line.evaluation(Rating.DI_ATAS, Rating.SESUAI)
    update_settings(None, {"bkpsdm_title": "Kepala BKPSDM Kabupaten Uji", "bkpsdm_name": "Dra. Sri Wahyuni, M.M.",
                           "bkpsdm_nip": line.kabid.nip})
    snapshot = snapshot_recap(line.opd, 2026)
    text = text_of(render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED))
    for words in ("Kepala BKPSDM Kabupaten Uji", "Dra. Sri Wahyuni, M.M.", f"NIP. {line.kabid.nip}"):
        assert words in text, words
