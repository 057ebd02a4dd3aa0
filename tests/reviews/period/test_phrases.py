"""Pengelolaan → Kalimat umpan balik: any pengelola kinerja (kabupaten-wide) adds, edits,
deactivates and reorders the common phrases; bad input gets its message at the field; every change
is audited; the review page offers the active ones of each scope in their order."""
from __future__ import annotations

from sqlalchemy import select

from app.domain.enums import PhraseScope
from app.extensions import db
from app.models import AuditEvent, FeedbackPhrase
from tests.reviews.period.conftest import body, count, field_error, text

URL = "/pengelolaan/kalimat-umpan-balik"


def _phrases(scope):
    db.session.expire_all()
    return [p.text for p in db.session.scalars(
        select(FeedbackPhrase).where(FeedbackPhrase.scope == scope).order_by(FeedbackPhrase.position))]


def _actions():
    db.session.expire_all()
    return [e.action for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "feedback_phrase").order_by(AuditEvent.id))]


def test_list_by_scope(make_client, world):
    page = make_client(world["admin"]).get(URL)
    assert page.status_code == 200
    content = text(page)
    assert "Hasil kerja (RHK) 2 aktif" in content and "Perilaku kerja 1 aktif" in content
    assert "Kalimat lama yang nonaktif. nonaktif" in content


def test_add_with_bad_input_then_good(make_client, world):
    client = make_client(world["other_admin"])  # kabupaten-wide: another OPD's pengelola too
    response = client.post(f"{URL}/baru", {"scope": "HASIL", "text": ""})
    assert field_error(response, "text") == "Tuliskan kalimatnya."
    response = client.post(f"{URL}/baru", {"scope": "HASIL", "text": "x" * 301})
    assert field_error(response, "text") == "Kalimat paling banyak 300 karakter."
    response = client.post(f"{URL}/baru", {"scope": "HASIL", "text": "  ok "})
    assert "minimal 3 karakter" in field_error(response, "text")
    response = client.post(f"{URL}/baru", {"scope": "HASIL", "text": "lengkapi  BUKTI dukung."})
    assert "Kalimat yang sama sudah ada untuk Hasil kerja (RHK)" in field_error(response, "text")
    response = client.post(f"{URL}/baru", {"scope": "BUKAN", "text": "Kalimat baru."})
    assert field_error(response, "scope") == "Pilihan tidak valid."
    before = count(FeedbackPhrase)
    assert before == 4
    response = client.post(f"{URL}/baru", {"scope": "PERILAKU", "text": "  Aktif   berbagi pengetahuan. "})
    assert response.status_code == 302
    assert _phrases(PhraseScope.PERILAKU) == ["Disiplin dan bertanggung jawab.", "Aktif berbagi pengetahuan."]
    assert _actions()[-1] == "kalimat_umpan_balik.dibuat"


def test_edit_deactivate_activate_and_reorder(make_client, world):
    client = make_client(world["admin"])
    first, second, perilaku, inactive = world["phrases"]
    assert client.get(f"{URL}/{first.id}/ubah").status_code == 200
    response = client.post(f"{URL}/{first.id}/ubah", {"scope": "HASIL", "text": "Lengkapi bukti dukung."})
    assert "sudah ada" in field_error(response, "text")
    response = client.post(f"{URL}/{first.id}/ubah", {"scope": "HASIL", "text": "Target tercapai; pertahankan."})
    assert response.status_code == 302
    assert client.post(f"{URL}/{second.id}/naik").status_code == 302
    assert _phrases(PhraseScope.HASIL) == ["Lengkapi bukti dukung.", "Target tercapai; pertahankan.",
                                           "Kalimat lama yang nonaktif."]
    client.post(f"{URL}/{second.id}/turun")
    client.post(f"{URL}/{second.id}/turun")
    assert _phrases(PhraseScope.HASIL)[-1] == "Lengkapi bukti dukung."
    client.post(f"{URL}/{first.id}/nonaktifkan")
    client.post(f"{URL}/{inactive.id}/aktifkan")
    # moving scope puts it at the end of the other list
    client.post(f"{URL}/{perilaku.id}/ubah", {"scope": "HASIL", "text": "Disiplin dan bertanggung jawab."})
    assert _phrases(PhraseScope.PERILAKU) == []
    assert _actions() == ["kalimat_umpan_balik.diubah", "kalimat_umpan_balik.diurutkan",
                          "kalimat_umpan_balik.diurutkan", "kalimat_umpan_balik.diurutkan",
                          "kalimat_umpan_balik.dinonaktifkan", "kalimat_umpan_balik.diaktifkan",
                          "kalimat_umpan_balik.diubah"]
    # the review page offers only the active ones, in their order, per scope
    html = body(make_client(world["kasi"].user).get(world["url"]))
    assert "Target tercapai; pertahankan." not in html
    assert html.index("Kalimat lama yang nonaktif.") < html.index("Lengkapi bukti dukung.")


def test_defaults_only_for_an_empty_list(make_client, world):
    client = make_client(world["admin"])
    client.post(f"{URL}/contoh")
    assert count(FeedbackPhrase) == 4 and "hanya dapat ditambahkan pada daftar yang kosong" in text(client.get(URL))
    for phrase in db.session.scalars(select(FeedbackPhrase)):
        db.session.delete(phrase)
    assert "Isi dengan kalimat contoh" in text(client.get(URL))
    assert client.post(f"{URL}/contoh").status_code == 302
    assert count(FeedbackPhrase) == 12 and _actions()[-1] == "kalimat_umpan_balik.contoh"


def test_only_the_pengelola_kinerja(make_client, world):
    phrase = world["phrases"][0]
    client = make_client(world["kasi"].user)
    for url in (URL, f"{URL}/baru", f"{URL}/{phrase.id}/ubah"):
        assert client.get(url).status_code == 403
    for url in (f"{URL}/baru", f"{URL}/{phrase.id}/ubah", f"{URL}/{phrase.id}/nonaktifkan", f"{URL}/{phrase.id}/naik",
                f"{URL}/contoh"):
        assert client.post(url, {"scope": "HASIL", "text": "Kalimat dari pegawai."}).status_code == 403
    admin = make_client(world["admin"])
    assert admin.get(f"{URL}/999999/ubah").status_code == 404
    assert admin.post(f"{URL}/{phrase.id}/nonaktifkan", csrf=False).status_code == 400
    assert _actions() == [] and _phrases(PhraseScope.HASIL)[0] == phrase.text
