"""The public survey page: answered without login, one response per visit, no personal data kept,
bad input named at its field, a spam burst held by the limits and set aside as duplicates, and the
kiosk link."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from app.extensions import db
from app.models import SurveyResponse
from tests.pages import text

ALL_FOURS = {f"q{n}": "4" for n in range(1, 10)}


def _form(client, url: str) -> dict:
    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return {"visit": re.search(r'name="visit" type="hidden" value="([^"]+)"', html).group(1)}


def _count(**where) -> int:
    query = select(func.count(SurveyResponse.id))
    for key, value in where.items():
        column = getattr(SurveyResponse, key)
        query = query.where(column.is_(None) if value is None else column == value)
    return db.session.scalar(query) or 0


def test_a_respondent_answers_without_login_and_without_personal_data(clinic, make_client):
    public = make_client(None)
    url = f"/survei/{clinic['poli'].code}"
    page = public.get(url)
    words = text(page)
    assert page.status_code == 200 and "Poli Umum" in words and "Puskesmas Sungai Binjai" in words
    assert "tanpa nama, NIK, atau nomor telepon" in words and "Sangat sopan dan ramah" in words
    assert page.headers["Cache-Control"] == "no-store"
    form = _form(public, url)
    sent = public.post(url, data=form | ALL_FOURS | {"q3": "2", "q9": "", "age_band": "30-39", "sex": "P",
                                                      "suggestion": "  Antrean pagi terlalu panjang.  "})
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/survei/{clinic['poli'].code}/terima-kasih")
    assert "sudah kami terima" in text(public.get(sent.headers["Location"]))
    (response,) = db.session.scalars(select(SurveyResponse))
    assert response.answers == (4, 4, 2, 4, 4, 4, 4, 4, None) and response.age_band == "30-39"
    assert response.suggestion == "Antrean pagi terlalu panjang." and response.channel == "WEB"
    # what is kept: no address, no cookie id, no user agent — only a keyed hash of address and day
    assert len(response.source) == 32 and "127.0.0.1" not in str(vars(response))
    # the same visit sent again (a double tap) is the same response
    again = public.post(url, data=form | ALL_FOURS | {"q3": "2", "q9": ""})
    assert again.status_code == 302 and _count() == 1


def test_bad_input_is_named_and_nothing_is_kept(clinic, make_client):
    public = make_client(None)
    url = f"/survei/{clinic['poli'].code}"
    form = _form(public, url)
    empty = public.post(url, data=form)
    assert empty.status_code == 422 and "Jawab paling sedikit satu pertanyaan" in text(empty)
    tampered = public.post(url, data=form | ALL_FOURS | {"q1": "5"})
    assert tampered.status_code == 422 and "Pilihan tidak valid" in text(tampered)
    profile = public.post(url, data=form | ALL_FOURS | {"education": "PROFESOR"})
    assert profile.status_code == 422 and "Pilihan tidak valid" in text(profile)
    long = public.post(url, data=form | ALL_FOURS | {"suggestion": "x" * 1001})
    assert long.status_code == 422 and "Saran paling banyak 1.000 karakter" in text(long)
    forged = public.post(url, data={"visit": "palsu"} | ALL_FOURS)
    assert forged.status_code == 422 and "Formulir tidak dikenali" in text(forged)
    other = _form(public, f"/survei/{clinic['lab'].code}")  # another layanan's token
    assert public.post(url, data=other | ALL_FOURS).status_code == 422
    assert _count() == 0
    assert public.get("/survei/tidakada999").status_code == 404
    assert public.get("/survei/<script>").status_code == 404


def test_an_expired_form_is_refused(clinic, make_client, app, monkeypatch):
    public = make_client(None)
    url = f"/survei/{clinic['poli'].code}"
    form = _form(public, url)
    monkeypatch.setitem(app.config, "SURVEY_VISIT_SECONDS", -1)
    stale = public.post(url, data=form | ALL_FOURS)
    assert stale.status_code == 422 and "terlalu lama terbuka" in text(stale) and _count() == 0


def test_a_closed_survey_is_not_found(clinic, make_client):
    clinic["poli"].active = False
    db.session.commit()
    assert make_client(None).get(f"/survei/{clinic['poli'].code}").status_code == 404


def test_a_spam_burst_is_held_by_the_device_limit_and_set_aside_as_duplicates(clinic, make_client, app, monkeypatch):
    public = make_client(None)
    url = f"/survei/{clinic['poli'].code}"
    statuses = [public.post(url, data=_form(public, url) | ALL_FOURS | {"suggestion": "mantap"}).status_code
                for _ in range(5)]
    # three a day from one device (the cookie); the fourth and fifth are refused
    assert statuses == [302, 302, 302, 429, 429]
    assert "sudah beberapa kali mengisi" in text(public.post(url, data=_form(public, url) | ALL_FOURS))
    # the second and third: the same answers from the same source within ten minutes → set aside
    assert _count() == 3 and _count(set_aside_at=None) == 1
    assert db.session.scalar(select(SurveyResponse.set_aside_reason).where(
        SurveyResponse.set_aside_at.is_not(None)).limit(1)).startswith("Otomatis: jawaban dan saran sama")
    # a device without the cookie (cleared) is held by the address limit
    monkeypatch.setitem(app.config, "SURVEY_ADDRESS_RATE_LIMIT", "2 per minute")
    fresh = [make_client(None) for _ in range(4)]
    codes = [c.post(url, data=_form(c, url) | ALL_FOURS | {"q1": str(1 + n % 4)}).status_code
             for n, c in enumerate(fresh)]
    assert codes == [302, 302, 429, 429] and _count() == 5


def test_the_kiosk_link_returns_to_an_empty_form(clinic, make_client):
    admin = make_client(clinic["admin"])
    made = admin.post(f"/pengelolaan/skm/{clinic['poli'].id}/kios")
    url = re.search(r'value="(http://localhost(/survei/[^"]+/kios/[^"]+))"', made.get_data(as_text=True)).group(2)
    assert "hanya ditampilkan sekali" in text(made) and clinic["poli"].kiosk_key_sha256
    tablet = make_client(None)
    for _ in range(5):  # one tablet, many respondents: no device limit
        sent = tablet.post(url, data=_form(tablet, url) | ALL_FOURS)
        assert sent.status_code == 302
    thanks = tablet.get(sent.headers["Location"])
    assert f'content="6;url={url}"' in thanks.get_data(as_text=True)
    assert _count(channel="KIOS") == 5 and _count(set_aside_at=None) == 5  # kiosk answers are not duplicates
    wrong = url.rsplit("/", 1)[0] + "/salah"
    assert tablet.get(wrong).status_code == 404
    # a new link replaces the old one
    admin.post(f"/pengelolaan/skm/{clinic['poli'].id}/kios")
    assert tablet.get(url).status_code == 404


def test_the_same_visit_sent_twice_at_once_is_one_response(clinic, make_client, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from app.services.satisfaction import responses

    public = make_client(None)
    url = f"/survei/{clinic['poli'].code}"
    form = _form(public, url)

    def lost_race(*args, **kwargs):  # the other request inserted the same visit between check and insert
        raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: survey_response.visit_sha256"))

    monkeypatch.setattr(responses, "submit", lost_race)
    sent = public.post(url, data=form | ALL_FOURS)
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/terima-kasih")
