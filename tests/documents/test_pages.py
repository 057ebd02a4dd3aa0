"""The Dokumen page, preview, issue-then-download and the download of an issued PDF, for each
actor: the pegawai, the Pejabat Penilai, the Atasan Pejabat Penilai, the pengelola kinerja of the
OPD and the super admin may; a colleague, another team's pegawai and assessor, a pegawai of another
OPD and the admin of another OPD get 404 (nothing revealed)."""
import pytest

from app.domain.enums import DocumentKind
from app.extensions import db
from app.services.documents import issue as docs
from tests.documents.conftest import body, documents, text


def page_url(world, employee=None):
    return f"/dokumen/pegawai/{(employee or world.rina).id}/{world.year.year}"


def users(world):
    return {
        "pegawai": world.rina.user, "penilai": world.kasi.user, "atasan": world.kabid.user,
        "pengelola": world.admin, "superadmin": world.superadmin,
    }


def strangers(world):
    return {
        "rekan": world.colleague.user, "tim lain": world.other_staff.user, "penilai lain": world.other_kasi.user,
        "opd lain": world.outsider.user, "admin opd lain": world.other_admin, "belum": world.nothing.user,
    }


def urls(world, document):
    e = world.evaluation.id
    return {
        "GET": [page_url(world), f"/dokumen/skp/{world.plan.id}/pratinjau",
                f"/dokumen/evaluasi/{world.assessment.id}/pratinjau", f"/dokumen/akhir/{e}/pratinjau",
                f"/dokumen/dokumen-evaluasi/{e}/pratinjau", f"/dokumen/{document.id}/unduh"],
        "POST": [f"/dokumen/skp/{world.plan.id}/terbitkan", f"/dokumen/evaluasi/{world.assessment.id}/terbitkan",
                 f"/dokumen/akhir/{e}/terbitkan", f"/dokumen/dokumen-evaluasi/{e}/terbitkan"],
    }


def test_the_page_lists_every_available_document_with_preview_and_issue(world, make_client):
    response = make_client(world.rina.user).get(page_url(world))
    assert response.status_code == 200
    page = text(response)
    for label in ("Sasaran Kinerja Pegawai", "Evaluasi Kinerja Triwulan I", "Evaluasi Kinerja Akhir",
                  "Dokumen Evaluasi Kinerja Pegawai"):
        assert label in page
    assert page.count("Pratinjau") >= 4 and page.count("Terbitkan / unduh PDF") == 4
    assert "Triwulan II: penilaian periode ini belum disetujui" in page
    assert 'method="post"' in body(response) and "csrf_token" in body(response)


def test_my_documents_link_goes_to_the_current_year(world, make_client):
    client = make_client(world.rina.user)
    response = client.get("/dokumen/")
    assert response.status_code == 302 and response.headers["Location"].endswith(page_url(world))
    assert 'href="/dokumen/">Dokumen saya</a>' in body(client.get("/"))  # in the Kinerja saya menu
    assert 'aria-current="page" href="/dokumen/">Dokumen saya' in body(client.get(page_url(world)))


@pytest.mark.parametrize("who", ["pegawai", "penilai", "atasan", "pengelola", "superadmin"])
def test_the_line_and_the_pengelola_may_preview_issue_and_download(world, make_client, who):
    client = make_client(users(world)[who])
    assert client.get(page_url(world)).status_code == 200
    preview = client.get(f"/dokumen/akhir/{world.evaluation.id}/pratinjau")
    assert preview.status_code == 200 and "<html" in body(preview).lower()
    assert documents() == []  # a preview issues nothing
    issued = client.post(f"/dokumen/dokumen-evaluasi/{world.evaluation.id}/terbitkan")
    (document,) = documents()
    assert issued.status_code == 302 and issued.headers["Location"].endswith(f"/dokumen/{document.id}/unduh")
    download = client.get(f"/dokumen/{document.id}/unduh")
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert download.get_data() == docs.read_bytes(document)
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers["Cache-Control"] == "no-store"
    # Issuing again with the same data reuses the document.
    client.post(f"/dokumen/dokumen-evaluasi/{world.evaluation.id}/terbitkan")
    assert len(documents()) == 1


@pytest.mark.parametrize("who", ["rekan", "tim lain", "penilai lain", "opd lain", "admin opd lain", "belum"])
def test_everybody_else_gets_404_everywhere(world, make_client, who):
    document = docs.issue(DocumentKind.SKP, world.plan, user=None)
    db.session.commit()
    client = make_client(strangers(world)[who])
    for method, targets in urls(world, document).items():
        for url in targets:
            response = client.get(url) if method == "GET" else client.post(url)
            assert response.status_code == 404, (who, method, url, response.status_code)
            assert "Rina" not in body(response)
    assert len(documents()) == 1


def test_anonymous_is_sent_to_login(world, make_client):
    client = make_client()
    response = client.get(page_url(world))
    assert response.status_code == 302 and response.headers["Location"].startswith("/masuk")


def test_issue_without_the_approval_says_why(world, make_client):
    from app.domain.enums import AssessmentStatus

    world.assessment.status = AssessmentStatus.RETURNED
    world.assessment.return_reason = "Lengkapi bukti dukung."
    client = make_client(world.kasi.user)
    response = client.post(f"/dokumen/evaluasi/{world.assessment.id}/terbitkan")
    assert response.status_code == 302 and response.headers["Location"].endswith(page_url(world))
    assert documents() == []
    preview = client.get(f"/dokumen/evaluasi/{world.assessment.id}/pratinjau")
    assert preview.status_code == 403


def test_issue_needs_the_csrf_token(world, make_client):
    response = make_client(world.rina.user).post(f"/dokumen/skp/{world.plan.id}/terbitkan", csrf=False)
    assert response.status_code == 400 and documents() == []


def test_superseded_versions_stay_downloadable_and_are_listed(world, make_client):
    first = docs.issue("dokumen-evaluasi", world.evaluation, user=None)
    world.evaluation.note = "Catatan baru setelah keberatan."
    db.session.flush()
    docs.issue("dokumen-evaluasi", world.evaluation, user=None)
    db.session.commit()
    client = make_client(world.rina.user)
    page = text(client.get(page_url(world)))
    assert "Terbitan lama (1)" in page and first.code in page
    assert client.get(f"/dokumen/{first.id}/unduh").status_code == 200


def test_rekap_is_for_the_pengelola_of_the_opd_only(world, make_client):
    url = f"/dokumen/rekap/{world.opd.id}/{world.year.year}"
    assert make_client(world.admin).get(url + "/pratinjau").status_code == 200
    response = make_client(world.admin).post(url + "/terbitkan")
    (document,) = documents()
    assert response.status_code == 302 and document.kind == DocumentKind.REKAP and document.employee_id is None
    for user in (world.other_admin, world.kasi.user, world.rina.user):
        client = make_client(user)
        assert client.get(url + "/pratinjau").status_code in (403, 404)
        assert client.get(f"/dokumen/{document.id}/unduh").status_code in (403, 404)
    assert make_client(world.admin).get(f"/dokumen/{document.id}/unduh").status_code == 200


def test_a_plh_for_the_pejabat_penilai_may_and_loses_it_afterwards(world, make_client):
    import datetime as dt

    from app.domain.enums import ActingKind
    from app.models import ActingAssignment

    today = dt.date.today()
    assignment = ActingAssignment(kind=ActingKind.PLH, acting_employee=world.other_kasi,
                                  replaced_employee=world.kasi, unit=world.kasi.unit, position=world.kasi.position,
                                  start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=5))
    db.session.add(assignment)
    client = make_client(world.other_kasi.user)
    assert client.get(page_url(world)).status_code == 200
    assert client.get(f"/dokumen/skp/{world.plan.id}/pratinjau").status_code == 200
    assignment.start_date, assignment.end_date = today - dt.timedelta(days=30), today - dt.timedelta(days=10)
    assert client.get(page_url(world)).status_code == 404


def test_the_pdf_is_rendered_outside_any_transaction(world, make_client, monkeypatch):
    """On SQLite a POST holds the write lock from its first query: WeasyPrint's half second must
    not hold it, or nobody could save meanwhile. The document is still issued and downloadable."""
    from app.services.documents import render as document_render

    seen = []
    real = document_render.render_document_pdf

    def spy(*args, **kwargs):
        seen.append(db.session().in_transaction())
        return real(*args, **kwargs)

    monkeypatch.setattr(document_render, "render_document_pdf", spy)
    response = make_client(world.rina.user).post(f"/dokumen/skp/{world.plan.id}/terbitkan")
    assert response.status_code == 302 and seen == [False]
    (document,) = documents()
    assert document.kind == DocumentKind.SKP and document.current


def test_my_documents_before_any_year_is_opened(factory, make_client):
    employee = factory.employee()
    client = make_client(employee.user)
    response = client.get("/dokumen/")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Belum ada tahun penilaian yang dibuka" in text(client.get("/"))


def test_an_approved_period_page_offers_its_pdf(world, make_client):
    """One click from the period's own page to its Evaluasi Kinerja."""
    client = make_client(world.rina.user)
    period = world.assessment.period
    page = body(client.get(f"/penilaian/{period.year.year}/{period.number}"))
    action = f'action="/dokumen/evaluasi/{world.assessment.id}/terbitkan"'
    assert action in page and "Unduh Evaluasi Kinerja (PDF)" in page
    issued = client.post(f"/dokumen/evaluasi/{world.assessment.id}/terbitkan")
    assert issued.status_code == 302 and issued.headers["Location"].endswith("/unduh")
