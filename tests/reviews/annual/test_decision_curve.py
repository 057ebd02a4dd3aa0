"""A keberatan decided after hand-over can put the OPD off its curve: the decision page shows, for
each predikat the decision could give, what the OPD's curve would then say; the decision records
the curve as it left it. And no Dokumen Evaluasi Kinerja is issued while the keberatan is open."""
from __future__ import annotations

import pytest

from app.domain.enums import OrgPredikat
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.models import AuditEvent, Objection
from app.security import may_decide
from app.services.documents import issue as docs
from app.services.documents.common import DocumentUnavailable
from app.services.reviews import objections
from tests.reviews.annual.conftest import text


def _opd_of_ten(line):
    """Ten results handed over under predikat organisasi Baik (Baik at most 70 %, at least one
    Butuh Perbaikan or Kurang): 2 Sangat Baik, 7 Baik and the one Butuh Perbaikan, which objects."""
    line.org_predikat(OrgPredikat.BAIK)
    team = line.team(10)
    evaluations = [line.handed(m, Rating.DI_ATAS, Rating.DI_ATAS) for m in team[:2]]
    evaluations += [line.handed(m) for m in team[2:9]]
    evaluations.append(line.handed(team[9], Rating.DI_BAWAH, Rating.SESUAI))
    return team, evaluations


def test_the_decision_page_shows_the_effect_on_the_curve(line, make_client):
    team, evaluations = _opd_of_ten(line)
    objection = line.objection(evaluations[9], explained=True)
    page = text(make_client(line.kabid.user).get(f"/tinjau/keberatan/{objection.id}"))
    assert "Dampak pada kurva Dinas Kominfo" in page
    # Butuh Perbaikan (as now) fits; Baik would make eight Baik and none below
    assert "Butuh Perbaikan (saat ini) Sesuai kurva" in page
    assert "Baik Tidak sesuai: Predikat organisasi Baik: Baik paling banyak 70 % (7 dari 10 pegawai); saat ini 8" in page
    assert "Kurang/Misconduct Sesuai kurva" in page
    # the pegawai sees no such table
    assert "Dampak pada kurva" not in text(make_client(team[9].user).get(f"/tinjau/keberatan/{objection.id}"))


def test_the_decision_records_the_curve_it_leaves(line):
    team, evaluations = _opd_of_ten(line)
    objection = line.objection(evaluations[9], explained=True)
    objections.decide(line.kabid.user, objection, "CHANGED", result_rating="SESUAI", behavior_rating="SESUAI",
                      reason="Capaian tiga triwulan sesuai target setelah data Desember dihitung.")
    db.session.flush()
    objection = db.session.get(Objection, objection.id)
    assert objection.evaluation.predikat == Predikat.BAIK
    assert "Baik paling banyak 70 %" in objection.curve_note and "saat ini 8 pegawai" in objection.curve_note
    event = db.session.query(AuditEvent).filter_by(action="keberatan.diputuskan").one()
    assert event.after["kurva"] == objection.curve_note and "Kurva Dinas Kominfo" in event.summary


def test_a_confirmed_result_records_that_the_curve_fits(line):
    team, evaluations = _opd_of_ten(line)
    objection = line.objection(evaluations[9], explained=True)
    objections.decide(line.kabid.user, objection, "CONFIRMED")
    assert db.session.get(Objection, objection.id).curve_note == "sesuai kurva predikat organisasi Baik."


@pytest.mark.parametrize("decided", [False, True])
def test_no_dokumen_evaluasi_while_the_keberatan_is_open(line, decided, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_FOLDER", str(tmp_path / "documents"))
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    member = line.member()
    evaluation = line.handed(member)
    line.objection(evaluation, explained=True, decided=decided)
    if decided:
        assert docs.issue("dokumen-evaluasi", evaluation, user=line.admin) is not None
    else:
        with pytest.raises(DocumentUnavailable, match="Keberatan atas hasil ini belum diputuskan"):
            docs.issue("dokumen-evaluasi", evaluation, user=line.admin)


def _plh(line, factory, replaced, name: str, position: str):
    """A pegawai of the OPD standing in (Plh.) for `replaced` this week."""
    import datetime as dt

    from app.domain.enums import ActingKind
    from app.models import ActingAssignment

    stand_in = factory.employee(line.opd, name=name, position=position)
    db.session.add(ActingAssignment(kind=ActingKind.PLH, acting_employee=stand_in, replaced_employee=replaced,
                                    unit=line.opd, position=replaced.position,
                                    start_date=dt.date.today() - dt.timedelta(days=1),
                                    end_date=dt.date.today() + dt.timedelta(days=5)))
    return stand_in


def test_a_plh_atasan_decides_in_the_post_acted_for(line, factory):
    stand_in = _plh(line, factory, line.kabid, "Wawan Sekretaris", "Sekretaris Dinas Kominfo")
    member = line.member()
    objection = line.objection(line.handed(member), explained=True)
    assert may_decide(stand_in.user, objection.evaluation)
    objections.decide(stand_in.user, objection, "CONFIRMED")
    assert db.session.get(Objection, objection.id).decided_as == f"Plh. {line.kabid.position}"


def test_a_plh_pejabat_penilai_explains_in_the_post_acted_for(line, factory):
    stand_in = _plh(line, factory, line.kasi, "Yani Pranata", "Pranata Komputer Ahli Muda")
    member = line.member()
    objection = line.objection(line.handed(member))
    objections.explain(stand_in.user, objection, "Capaian sudah dihitung bersama data Desember.")
    assert db.session.get(Objection, objection.id).explained_as == f"Plh. {line.kasi.position}"
