"""A kabupaten's whole year when Capaian is adopted at its end (issue 12's done-when): the
kepala dinas is assessed by the Bupati (recorded by the pengelola kinerja), the SKPs are approved
now with an earlier start set by the pengelola, one pegawai's SKP starts in the last quarter, one
pegawai moves in from another OPD mid-year. The periods are laid out around today, so the test
holds whatever day it runs. The recorded and reviewing steps go through the web
forms; at the end every pegawai has every document and nothing shows as late that was not."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import EvaluationStatus, PositionKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, Period
from app.services import ServiceError
from app.services.assessments import assessments as periods
from app.services.documents import issue as docs
from app.services.skp import plans as plan_service
from tests.pages import text
from tests.reviews.annual.conftest import table_form
from tests.reviews.period.conftest import review_data

pytestmark = pytest.mark.slow
BUPATI = "Bupati Tanjung Harapan"


def _approve(factory, approver, member, year):
    """The pegawai's SKP, submitted, approved by `approver` (today, in December)."""
    plan = factory.skp.plan(member, year, status=PlanStatus.SUBMITTED)
    plan_service.approve(approver, plan)
    return plan


def _submit(member, period):
    a = periods.open_assessment(member.user, member, period)
    ids = sorted(r.indicator_id for r in a.realizations)
    periods.save(member.user, a, {i: periods.Entry(value=Decimal(3)) for i in ids}, {})
    periods.submit(member.user, a)
    db.session.commit()
    return a


def _review(client, assessment):
    response = client.post(f"/tinjau/penilaian/{assessment.id}/setujui",
                           review_data(assessment, result_rating="SESUAI", behavior_rating="SESUAI"))
    assert response.status_code == 302, text(response)[:600]


def test_a_year_adopted_in_december(factory, make_client, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_FOLDER", str(tmp_path / "documents"))
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    monkeypatch.setitem(app.config, "BASE_URL", "https://capaian.uji.go.id")

    today = dt.date.today()
    year = factory.skp.year(today.year)
    regular = [p for p in year.periods if not p.is_final]
    # the year as it stands at its end: the last quarter runs, the others ended with their deadlines
    for n, period in enumerate(regular):
        period.start_date = dt.date(today.year, 1, 1) + dt.timedelta(days=70 * n)
        last = n == len(regular) - 1
        period.end_date = today + dt.timedelta(days=20) if last else period.start_date + dt.timedelta(days=69)
        period.submission_deadline = period.review_deadline = min(period.end_date + dt.timedelta(days=10),
                                                                  today + dt.timedelta(days=30))
    db.session.flush()
    kominfo, other = factory.opd("Dinas Kominfo"), factory.opd("Dinas Lain")
    kadis = factory.employee(kominfo, name="Dr. Irwan Kadis", position="Kepala Dinas Kominfo",
                             position_kind=PositionKind.JPT)
    kadis.external_assessor_name, kadis.external_assessor_title = "H. Ahmad Fauzi", BUPATI
    kabid = factory.employee(kominfo, assessor=kadis, name="Hendra Kabid", position="Kepala Bidang Aplikasi",
                             position_kind=PositionKind.ADMINISTRATOR)
    rina = factory.employee(kominfo, assessor=kabid, name="Rina Staf")
    oki = factory.employee(kominfo, assessor=kabid, name="Oki Baru")
    kabid_lain = factory.employee(other, name="Bambang Kabid Lain", position="Kepala Bidang Umum",
                                  position_kind=PositionKind.ADMINISTRATOR)
    pindah = factory.employee(other, assessor=kabid_lain, name="Putri Pindahan")
    admin, superadmin = factory.admin([kominfo]), factory.superadmin(unit=other)
    db.session.commit()

    # 1. The super admin extends the past quarters' deadlines, with the reason.
    boss = make_client(superadmin)
    for period in regular[:-1]:
        response = boss.post(f"/pengelolaan/tahun/periode/{period.id}/ubah", {
            "submission_deadline": (today + dt.timedelta(days=15)).isoformat(),
            "review_deadline": (today + dt.timedelta(days=25)).isoformat(),
            "reason": "Capaian mulai dipakai Desember; triwulan sebelumnya diisi susulan."})
        assert response.status_code == 302, text(response)[:400]

    # 2. SKPs approved now; the pengelola sets the start they really had (the year's first day;
    #    October for the new pegawai). The Bupati's approval of the kepala dinas is recorded.
    plans = {
        "kadis": _approve(factory, admin, kadis, year), "kabid": _approve(factory, kadis.user, kabid, year),
        "rina": _approve(factory, kabid.user, rina, year), "oki": _approve(factory, kabid.user, oki, year),
        "pindah": _approve(factory, kabid_lain.user, pindah, year),
    }
    assert plans["kadis"].approved_as == f"{BUPATI} (dicatat oleh {admin.name})"
    db.session.commit()
    pengelola = make_client(admin)
    late_start = regular[-1].start_date + dt.timedelta(days=5)  # the new pegawai: the last quarter only
    for name, start in (("kadis", regular[0].start_date), ("kabid", regular[0].start_date),
                        ("rina", regular[0].start_date), ("oki", late_start)):
        response = pengelola.post(f"/skp/rencana/{plans[name].id}/tanggal-mulai", {"start_date": start.isoformat()})
        assert response.status_code == 302, (name, text(response)[:400])
    make_client(factory.admin([other])).post(f"/skp/rencana/{plans['pindah'].id}/tanggal-mulai",
                                             {"start_date": regular[0].start_date.isoformat()})

    # 3. The periods: submitted late-adopted but on time, reviewed through the review page.
    clients = {"kabid": make_client(kabid.user), "kadis": make_client(kadis.user), "admin": pengelola,
               "lain": make_client(kabid_lain.user)}
    moved_after = 2  # Putri moves to Kominfo after the second quarter
    for n, period in enumerate(regular):
        if n == moved_after:
            pindah.assessor, pindah.unit = kabid, kominfo
            db.session.commit()
        _review(clients["admin"], _submit(kadis, period))       # the Bupati's review, recorded
        _review(clients["kadis"], _submit(kabid, period))
        _review(clients["kabid"], _submit(rina, period))
        _review(clients["kabid"] if n >= moved_after else clients["lain"], _submit(pindah, period))
        if n == len(regular) - 1:
            _review(clients["kabid"], _submit(oki, period))
        else:
            with pytest.raises(ServiceError, match="tidak dinilai"):
                periods.open_assessment(oki.user, oki, period)
    assert not any(a.late for a in db.session.scalars(select(Assessment)))
    assert db.session.scalar(select(Assessment).where(Assessment.employee_id == kadis.id)).reviewed_as == \
        f"{BUPATI} (dicatat oleh {admin.name})"

    # 4. The year: the Kabid's team, the Kadis's team, and the Kadis by the pengelola for the Bupati.
    def hand_over(client, url):
        form = table_form(client.get(url))
        form.update({name: "SESUAI" for name in form if name.startswith("behavior_")})  # as the assessor chooses
        response = client.post(url + "/serahkan" if "kepala-daerah" in url else url.replace(
            f"/tahunan/{year.year}", f"/tahunan/{year.year}/serahkan"), form)
        body = text(response)
        assert response.status_code == 302, body[body.find("Belum ada"):][:600] or body[:600]

    hand_over(clients["kabid"], f"/tinjau/tahunan/{year.year}")
    hand_over(clients["kadis"], f"/tinjau/tahunan/{year.year}")
    hand_over(pengelola, f"/tinjau/tahunan/{year.year}/kepala-daerah")
    evaluations = {e.employee_id: e for e in db.session.scalars(select(AnnualEvaluation))}
    assert {m.id for m in (kadis, kabid, rina, oki, pindah)} <= set(evaluations)
    assert all(e.status == EvaluationStatus.HANDED_OVER for e in evaluations.values())
    # the new assessor's table named who reviewed Putri's earlier quarters
    assert f"dinilai {kabid_lain.name}" in text(clients["kabid"].get(f"/tinjau/tahunan/{year.year}"))

    # 5. Every document for everyone, each verifiable; nothing on Beranda says late.
    for member in (kadis, kabid, rina, oki, pindah):
        assessed = list(db.session.scalars(select(Assessment).join(Period).where(
            Assessment.employee_id == member.id, Period.year_id == year.id)))
        issued = [docs.issue("skp", plan_service.approved_plan(member.id, year.id), user=admin)]
        issued += [docs.issue("evaluasi", a, user=admin) for a in assessed]
        issued += [docs.issue("evaluasi", evaluations[member.id], user=admin),
                   docs.issue("dokumen-evaluasi", evaluations[member.id], user=admin)]
        db.session.commit()
        assert all(d.code and d.sha256 for d in issued), member.name
        assert len(assessed) == (1 if member is oki else len(regular))
        home = text(make_client(member.user).get("/"))
        assert not re.search(r"terlambat \d+ hari", home), (member.name, home[:300])
