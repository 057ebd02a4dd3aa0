"""The public verification page: no login, a genuine code shows only kind, name, masked NIP,
period, predikat and issue date; a superseded one says since when; an unknown one is a 404 with a
clear message; an uploaded PDF is compared byte for byte; the page is rate-limited."""
import io

from app.extensions import db
from app.formatting import tanggal
from app.services.documents import issue as docs
from tests.documents.conftest import body, text


def issued(world, kind="dokumen-evaluasi"):
    document = docs.issue(kind, world.evaluation, user=world.kasi.user)
    db.session.commit()
    return document


def upload(client, code, data, name="dokumen.pdf"):
    return client.post(f"/verifikasi/{code}", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_a_genuine_code_needs_no_login_and_shows_little(world, make_client):
    document = issued(world)
    response = make_client().get(f"/verifikasi/{document.code}")
    assert response.status_code == 200
    page = text(response)
    assert f"Kode {document.code} asli" in page and "berlaku" in page
    assert "Dokumen Evaluasi Kinerja Pegawai" in page and "Rina Staf" in page
    nip = world.rina.nip
    assert f"{nip[:4]}********{nip[-4:]}" in page and nip not in body(response)
    assert tanggal(document.issued_at) in page
    assert world.evaluation.predikat.printed in page
    # Nothing else of the pegawai: no jabatan, no unit, no assessor.
    for private in (world.rina.position, world.kasi.name, world.opd.name):
        assert private not in page


def test_the_code_may_be_typed_loosely(world, make_client):
    document = issued(world)
    client = make_client()
    assert client.get("/verifikasi").status_code == 200
    response = client.post("/verifikasi", data={"code": document.code.lower().replace("-", " ")})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/verifikasi/{document.code}")
    assert client.get(f"/verifikasi/{document.code.lower()}").status_code == 200
    bad = client.post("/verifikasi", data={"code": "12"})
    assert bad.status_code == 200 and "12 huruf dan angka" in text(bad)
    empty = client.post("/verifikasi", data={"code": ""})
    assert "Isi kode verifikasi" in text(empty)


def test_a_superseded_document_says_a_new_version_exists(world, make_client):
    old = issued(world)
    world.evaluation.note = "Rekomendasi diperbarui."
    db.session.commit()
    new = issued(world)
    page = text(make_client().get(f"/verifikasi/{old.code}"))
    assert f"sudah diganti (versi baru diterbitkan {tanggal(new.issued_at)})" in page
    assert "berlaku (terbitan terbaru)" in text(make_client().get(f"/verifikasi/{new.code}"))


def test_an_unknown_code_is_a_clear_404(world, make_client):
    issued(world)
    for code in ("ABCD-EFGH-JKMN", "bukan-kode", "x" * 60):
        response = make_client().get(f"/verifikasi/{code}")
        assert response.status_code == 404
        assert "Kode verifikasi tidak ditemukan" in text(response)


def test_uploading_the_issued_pdf_matches_and_a_changed_one_does_not(world, make_client):
    document = issued(world)
    data = docs.read_bytes(document)
    client = make_client()
    same = upload(client, document.code, data)
    assert same.status_code == 200 and "Berkas sama persis dengan dokumen yang diterbitkan" in text(same)
    changed = bytearray(data)
    changed[len(data) // 2] ^= 0x01
    other = upload(client, document.code, bytes(changed))
    assert other.status_code == 200 and "Berkas TIDAK sama" in text(other)
    assert "Berkas sama persis" not in text(other)


def test_upload_errors_sit_at_the_field(world, make_client, app, monkeypatch):
    document = issued(world)
    client = make_client()
    not_pdf = upload(client, document.code, b"PK\x03\x04bukan pdf", "x.pdf")
    assert not_pdf.status_code == 200 and 'id="file-galat"' in body(not_pdf) and "bukan PDF" in text(not_pdf)
    missing = client.post(f"/verifikasi/{document.code}", data={}, content_type="multipart/form-data")
    assert "Pilih berkas PDF" in text(missing)
    monkeypatch.setitem(app.config, "VERIFY_UPLOAD_MAX_BYTES", 1000)
    big = upload(client, document.code, b"%PDF-" + b"0" * 2000)
    assert big.status_code == 200 and "Berkas lebih dari" in text(big)


def test_upload_needs_the_csrf_token(world, make_client):
    document = issued(world)
    response = make_client().post(f"/verifikasi/{document.code}", data={}, csrf=False)
    assert response.status_code == 400


def test_the_page_is_rate_limited_with_an_indonesian_answer(world, make_client, app, monkeypatch):
    document = issued(world)
    monkeypatch.setitem(app.config, "VERIFY_RATE_LIMIT", "5 per minute")
    client = make_client()
    for n in range(5):
        assert client.get(f"/verifikasi/ZZZZ-ZZZZ-ZZZ{n + 2}").status_code == 404
    refused = client.get(f"/verifikasi/{document.code}")
    assert refused.status_code == 429
    assert "Terlalu banyak" in text(refused) and "Tunggu beberapa menit" in text(refused)
