"""Stale edits: the review was saved in another tab, or the submission was reopened (withdrawn)
since the page was opened. Nothing is saved, the message says why, and what was typed stays."""
from __future__ import annotations

import datetime as dt

from app.domain.enums import AssessmentStatus
from app.services.assessments import assessments as periods
from app.services.reviews import reviews
from tests.reviews.period.conftest import fresh, results_of, review_data, state, text, textarea


def test_saved_in_another_tab_keeps_what_was_typed_then_saves_on_the_second_press(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    first = results_of(a)[0]
    seen = fresh(a).lock_version
    # the other tab saves first
    reviews.save_review(world["kasi"].user, fresh(a), feedback={f"rhk:{first.id}": "Dari tab lain."},
                        result_rating="SESUAI", version=seen)
    before = state(a)
    typed = review_data(a, version=seen, result_rating="SESUAI", behavior_rating="DI_ATAS",
                        **{f"feedback_rhk_{first.id}": "Umpan balik yang saya ketik."})
    response = client.post(f"{world['url']}/setujui", typed)
    assert response.status_code == 409
    page = text(response)
    assert "telah berubah sejak halaman ini dibuka" in page and "Isian Anda masih ada di bawah" in page
    assert textarea(response, f"feedback_rhk_{first.id}") == "Umpan balik yang saya ketik."
    assert "Tersimpan dari tab lain: Dari tab lain." in page
    assert state(a) == before
    # the page now carries the current version: pressing again applies what was typed
    typed["version"] = str(fresh(a).lock_version)
    assert client.post(f"{world['url']}/setujui", typed).status_code == 302
    assert fresh(a).status == AssessmentStatus.APPROVED


def test_reopened_by_the_pengelola_meanwhile(make_client, world):
    client = make_client(world["kasi"].user)
    a = world["assessment"]
    first = results_of(a)[0]
    seen = fresh(a).lock_version
    periods.reopen(world["admin"], fresh(a), dt.date.today() + dt.timedelta(days=3), "Pegawai perlu menambah bukti.")
    before = state(a)
    response = client.post(f"{world['url']}/simpan", review_data(
        a, version=seen, **{f"feedback_rhk_{first.id}": "Umpan balik yang saya ketik."}))
    assert response.status_code == 409
    page = text(response)
    assert "telah berubah sejak halaman ini dibuka" in page and "berstatus Draf tidak dapat ditinjau" in page
    assert textarea(response, f"feedback_rhk_{first.id}") == "Umpan balik yang saya ketik."
    assert "/simpan\"" in response.get_data(as_text=True)  # the form is shown (read-only), without buttons
    assert ">Setujui" not in response.get_data(as_text=True)
    assert state(a) == before
    response = client.post(f"{world['url']}/kembalikan", {"version": str(seen), "reason": "Perbaiki bukti dukung Maret."})
    assert response.status_code == 409 and state(a) == before
