"""Tahun & periode: superadmin only; opening a year, deadlines per period, close and reopen."""
import datetime as dt

import pytest

from app.domain.enums import AssessmentStatus

from app.domain.periods import PeriodKind, PeriodScheme
from app.extensions import db
from app.models import AppraisalYear, AuditEvent, Period
from app.services import ServiceError
from app.services.years import period_for, set_period_open, update_period_deadlines
from tests.skp.admin.conftest import body, events, rows

YEAR_FORM = {"year": "2027", "scheme": "TRIWULANAN", "submission_days": "10", "review_days": "20"}


def test_superadmin_opens_a_year_with_its_periods(client, factory):
    client.login_as(factory.superadmin())
    page = body(client.get("/pengelolaan/tahun/baru"))
    assert '<option selected value="TRIWULANAN">' in page  # the default scheme
    response = client.post("/pengelolaan/tahun/baru", dict(YEAR_FORM, scheme="SEMESTERAN", submission_days="5"))
    assert response.status_code == 302
    year = db.session.query(AppraisalYear).one()
    assert response.headers["Location"].endswith(f"/pengelolaan/tahun/{year.id}")
    assert [p.label for p in year.periods] == ["Semester I", "Semester II", "Akhir"]
    assert year.periods[0].submission_deadline == dt.date(2027, 7, 5)
    assert year.periods[0].review_deadline == dt.date(2027, 7, 20)
    assert events("tahun.dibuka")[0].after == {"year": 2027, "scheme": "SEMESTERAN"}
    listing = body(client.get("/pengelolaan/tahun"))
    assert "2027" in listing and "Semesteran" in listing
    detail = body(client.get(f"/pengelolaan/tahun/{year.id}"))
    assert "Semester II" in detail and "5 Juli 2027" in detail and "Terbuka" in detail


@pytest.mark.parametrize("form, field, message", [
    ({"year": ""}, "year", "Tahun wajib diisi."),
    ({"year": "dua ribu"}, "year", "Harus berupa bilangan bulat."),
    ({"year": "1999"}, "year", "Tahun penilaian harus antara 2000 dan 2100."),
    ({"year": "2026"}, "year", "Tahun penilaian 2026 sudah dibuka."),
    ({"scheme": "MINGGUAN"}, "scheme", "Pilihan tidak valid."),
    ({"submission_days": "-1"}, "submission_days", "Isi 0 sampai 120 hari."),
    ({"review_days": ""}, "review_days", "Jumlah hari wajib diisi."),
    ({"submission_days": "20", "review_days": "10"}, "review_days",
     "Batas penilaian atasan tidak boleh sebelum batas pengajuan pegawai."),
])
def test_opening_a_year_refuses_bad_input_at_the_field(client, factory, form, field, message):
    factory.skp.year(2026)
    client.login_as(factory.superadmin())
    before = rows(AppraisalYear), rows(Period), rows(AuditEvent)
    page = body(client.post("/pengelolaan/tahun/baru", dict(YEAR_FORM, **form)))
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in page
    assert (rows(AppraisalYear), rows(Period), rows(AuditEvent)) == before


def test_deadlines_are_edited_and_audited_with_before_and_after(client, factory):
    year = factory.skp.year(2026)
    period = year.periods[1]  # Triwulan II: 1 April – 30 June
    client.login_as(factory.superadmin())
    page = body(client.get(f"/pengelolaan/tahun/periode/{period.id}/ubah"))
    assert 'value="10/07/2026"' in page and "Triwulan II 2026" in page
    response = client.post(f"/pengelolaan/tahun/periode/{period.id}/ubah",
                           {"submission_deadline": "2026-07-15", "review_deadline": "2026-07-31"})
    assert response.status_code == 302
    period = db.session.get(Period, period.id)
    assert (period.submission_deadline, period.review_deadline) == (dt.date(2026, 7, 15), dt.date(2026, 7, 31))
    event = events("periode.batas_diubah")[0]
    assert event.object_type == "period" and event.object_id == period.id
    assert event.before == {"submission_deadline": "2026-07-10", "review_deadline": "2026-07-20"}
    assert event.after == {"submission_deadline": "2026-07-15", "review_deadline": "2026-07-31"}


@pytest.mark.parametrize("submission, review, field, message", [
    ("", "2026-07-20", "submission_deadline", "Batas pengajuan wajib diisi dengan tanggal yang valid."),
    ("2026-02-30", "2026-07-20", "submission_deadline", "Batas pengajuan wajib diisi dengan tanggal yang valid."),
    ("2026-03-31", "2026-07-20", "submission_deadline",
     "Batas pengajuan tidak boleh sebelum awal periode (1 April 2026)."),
    ("2026-07-10", "2026-03-01", "review_deadline",
     "Batas penilaian tidak boleh sebelum awal periode (1 April 2026)."),
    ("2026-07-10", "2026-07-09", "review_deadline",
     "Batas penilaian atasan tidak boleh sebelum batas pengajuan pegawai."),
    ("2027-07-10", "2027-07-20", "reason", "Batas waktu lewat dari 28 Oktober 2026 (120 hari setelah akhir periode) "
                                           "adalah perpanjangan: tuliskan alasannya"),
    ("2028-07-10", "2028-07-20", "submission_deadline", "Batas pengajuan paling lambat 29 Juni 2028 (dua tahun"),
])
def test_deadline_validation(client, factory, submission, review, field, message):
    period = factory.skp.year(2026).periods[1]
    client.login_as(factory.superadmin())
    page = body(client.post(f"/pengelolaan/tahun/periode/{period.id}/ubah",
                            {"submission_deadline": submission, "review_deadline": review}))
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in page
    period = db.session.get(Period, period.id)
    assert (period.submission_deadline, period.review_deadline) == (dt.date(2026, 7, 10), dt.date(2026, 7, 20))
    assert events("periode.batas_diubah") == []


def test_an_extension_past_the_usual_limit_with_its_reason_clears_late_marks(client, factory):
    """A year opened in December: Triwulan II (April–June) can be submitted by the new deadline, and
    what was submitted before it is no longer late."""
    from app.models import Assessment
    from app.models.base import utcnow

    year = factory.skp.year(2026)
    period = year.periods[1]
    member = factory.employee()
    plan = factory.skp.plan(member, year)
    late = Assessment(employee=member, plan=plan, period=period, status=AssessmentStatus.SUBMITTED,
                      submitted_at=utcnow(), late=True)
    db.session.add(late)
    client.login_as(factory.superadmin())
    extended = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    review = (dt.date.today() + dt.timedelta(days=45)).isoformat()
    response = client.post(f"/pengelolaan/tahun/periode/{period.id}/ubah",
                           {"submission_deadline": extended, "review_deadline": review,
                            "reason": "Capaian mulai dipakai Desember 2026; triwulan sebelumnya diisi susulan."})
    assert response.status_code == 302
    period = db.session.get(Period, period.id)
    assert period.submission_deadline.isoformat() == extended and period.extended_at is not None
    assert period.extension_reason.startswith("Capaian mulai dipakai")
    assert db.session.get(Assessment, late.id).late is False
    (event,) = events("periode.batas_diubah")
    assert "perpanjangan" in event.summary and "1 pengajuan tidak lagi terlambat" in event.summary
    page = body(client.get(f"/pengelolaan/tahun/{period.year_id}"))
    assert "diperpanjang" in page and "Capaian mulai dipakai" in page
    # an OPD admin may not
    admin = factory.admin([factory.opd()])
    client.login_as(admin)
    assert client.post(f"/pengelolaan/tahun/periode/{period.id}/ubah",
                       {"submission_deadline": extended, "review_deadline": review, "reason": "x" * 20}
                       ).status_code == 403


def test_closing_and_reopening_a_period(client, factory):
    period = factory.skp.year(2026).periods[0]
    client.login_as(factory.superadmin())
    response = client.post(f"/pengelolaan/tahun/periode/{period.id}/tutup")
    assert response.status_code == 302
    period = db.session.get(Period, period.id)
    assert period.is_open is False and period.closed_at is not None
    closed = events("periode.ditutup")[0]
    assert closed.before["is_open"] is True and closed.after["is_open"] is False and closed.after["closed_at"]
    page = body(client.get(f"/pengelolaan/tahun/{period.year_id}"))
    assert "Ditutup" in page and "Buka kembali" in page

    again = client.post(f"/pengelolaan/tahun/periode/{period.id}/tutup")  # a second click
    assert again.status_code == 302 and len(events("periode.ditutup")) == 1
    assert "Triwulan I 2026 sudah ditutup." in body(client.get(f"/pengelolaan/tahun/{period.year_id}"))

    client.post(f"/pengelolaan/tahun/periode/{period.id}/buka")
    period = db.session.get(Period, period.id)
    assert period.is_open is True and period.closed_at is None
    assert events("periode.dibuka")[0].after == {"is_open": True, "closed_at": None}


def test_open_and_close_are_post_only(client, factory):
    period = factory.skp.year(2026).periods[0]
    client.login_as(factory.superadmin())
    assert client.get(f"/pengelolaan/tahun/periode/{period.id}/tutup").status_code == 405
    assert db.session.get(Period, period.id).is_open is True


def test_opd_admin_and_pegawai_are_refused_every_year_page(make_client, factory):
    opd = factory.opd()
    year = factory.skp.year(2026)
    period = year.periods[0]
    urls = ["/pengelolaan/tahun", "/pengelolaan/tahun/baru", f"/pengelolaan/tahun/{year.id}",
            f"/pengelolaan/tahun/periode/{period.id}/ubah"]
    posts = ["/pengelolaan/tahun/baru", f"/pengelolaan/tahun/periode/{period.id}/ubah",
             f"/pengelolaan/tahun/periode/{period.id}/tutup", f"/pengelolaan/tahun/periode/{period.id}/buka"]
    for user in (factory.admin([opd]), factory.employee(opd).user):
        client = make_client(user)
        for url in urls:
            assert client.get(url).status_code == 403, url
        for url in posts:
            assert client.post(url, YEAR_FORM).status_code == 403, url
    assert db.session.get(Period, period.id).is_open is True and rows(AppraisalYear) == 1


def test_nav_shows_the_year_menu_to_superadmins_only(make_client, factory):
    opd = factory.opd()
    assert "Tahun &amp; periode" in body(make_client(factory.superadmin()).get("/pengelolaan/"))
    page = body(make_client(factory.admin([opd])).get("/pengelolaan/"))
    assert "Tahun &amp; periode" not in page and "Sasaran organisasi" in page and "Pustaka indikator" in page


def test_missing_year_or_period_is_404(client, factory):
    client.login_as(factory.superadmin())
    assert client.get("/pengelolaan/tahun/999").status_code == 404
    assert client.get("/pengelolaan/tahun/periode/999/ubah").status_code == 404
    assert client.post("/pengelolaan/tahun/periode/999/tutup").status_code == 404


def test_services_refuse_a_non_superadmin(factory):
    period = factory.skp.year(2026).periods[0]
    admin = factory.admin([factory.opd()])
    with pytest.raises(ServiceError, match="Hanya super admin"):
        set_period_open(admin, period, False)
    with pytest.raises(ServiceError, match="Hanya super admin"):
        update_period_deadlines(admin, period, period.submission_deadline, period.review_deadline)


def test_period_for_finds_the_running_period_never_akhir(factory):
    year = factory.skp.year(2026, PeriodScheme.BULANAN)
    assert period_for(year, dt.date(2026, 3, 31)).label == "Maret"
    assert period_for(year, dt.date(2026, 12, 31)).label == "Desember"
    assert period_for(year, dt.date(2027, 1, 1)) is None
    assert all(p.kind != PeriodKind.AKHIR for p in [period_for(year, dt.date(2026, m, 1)) for m in range(1, 13)])


def test_two_superadmins_opening_the_same_year_at_once_get_a_message(factory, monkeypatch):
    import app.services.years as years

    factory.skp.year(2026)
    monkeypatch.setattr(years, "get_year", lambda year: None)  # the other request's check ran first
    with pytest.raises(ServiceError, match="Tahun penilaian 2026 sudah dibuka."):
        years.open_year(factory.superadmin(), 2026)
    assert rows(AppraisalYear) == 1 and rows(Period) == 5
