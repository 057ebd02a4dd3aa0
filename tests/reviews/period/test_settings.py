"""The review settings on the superadmin's Pengaturan page: the rating thresholds (0 < Di Bawah <
Di Atas ≤ 200, messages at the fields), curve enforcement, the keberatan window (1–90 days); the
suggestion on the review page follows them."""
from __future__ import annotations

import pytest

from app.domain.enums import CurveEnforcement
from app.extensions import db
from app.models import AppSettings
from app.services import FieldErrors
from app.services.settings import get_settings, update_settings
from tests.reviews.period.conftest import checked, field_error, text

URL = "/pengelolaan/pengaturan"


def settings_form(**overrides):
    form = {"region_name": "Pemerintah Kabupaten Uji", "document_place": "Kota Uji", "head_title": "Bupati Uji",
            "head_name": "", "paper_size": "A4", "late_submission": "ALLOW_MARKED", "version": "0",
            "rating_above": "110", "rating_below": "90", "curve_enforcement": "WARN", "objection_days": "14"}
    form.update(overrides)
    return form


def test_the_page_shows_the_review_settings(make_client, factory):
    page = text(make_client(factory.superadmin()).get(URL))
    assert "Penilaian kinerja" in page and "Saran Di Atas Ekspektasi mulai capaian (%)" in page
    assert "Peringatkan saja" in page and "Tolak penyerahan hasil" in page and "Batas waktu keberatan (hari)" in page


@pytest.mark.parametrize("overrides, field, message", [
    ({"rating_below": "110"}, "rating_below", "Harus lebih kecil daripada ambang Di Atas Ekspektasi (110 %)."),
    ({"rating_below": "120", "rating_above": "115"}, "rating_below", "lebih kecil daripada ambang Di Atas"),
    ({"rating_below": "0"}, "rating_below", "Ambang Di Bawah Ekspektasi harus antara 1 dan 199 %."),
    ({"rating_above": "201"}, "rating_above", "Ambang Di Atas Ekspektasi harus antara 1 dan 200 %."),
    ({"rating_above": ""}, "rating_above", "Isi ambang Di Atas Ekspektasi."),
    ({"rating_above": "seratus"}, "rating_above", "Harus berupa bilangan bulat."),
    ({"objection_days": "0"}, "objection_days", "Batas waktu keberatan harus 1 sampai 90 hari."),
    ({"objection_days": "91"}, "objection_days", "Batas waktu keberatan harus 1 sampai 90 hari."),
    ({"curve_enforcement": "KERAS"}, "curve_enforcement", "Pilihan tidak valid."),
])
def test_bad_values_get_a_message_at_the_field(make_client, factory, overrides, field, message):
    client = make_client(factory.superadmin())
    response = client.post(URL, settings_form(**overrides))
    assert response.status_code == 200
    assert message in field_error(response, field)
    db.session.expire_all()
    assert db.session.get(AppSettings, 1) is None


def test_saved_and_used_by_the_suggestion(make_client, factory, world):
    client = make_client(factory.superadmin())
    response = client.post(URL, settings_form(rating_above="95", rating_below="50", curve_enforcement="BLOCK",
                                              objection_days="21"))
    assert response.status_code == 302
    settings = get_settings()
    assert (settings.rating_above, settings.rating_below, settings.objection_days) == (95, 50, 21)
    assert settings.curve_enforcement == CurveEnforcement.BLOCK
    # Rina's 100 % now suggests Di Atas Ekspektasi
    page = make_client(world["kasi"].user).get(world["url"])
    assert checked(page, "result_rating") == "DI_ATAS" and "mulai 95 %" in text(page)
    # a form without the review fields (an older page) keeps them
    assert client.post(URL, {k: v for k, v in settings_form(version="1").items()
                             if k not in ("rating_above", "rating_below", "curve_enforcement",
                                          "objection_days")}).status_code == 302
    db.session.expire_all()
    assert get_settings().rating_above == 95 and get_settings().curve_enforcement == CurveEnforcement.BLOCK


def test_the_service_checks_too(factory):
    with pytest.raises(FieldErrors) as excinfo:
        update_settings(factory.superadmin(), {"rating_above": 80, "rating_below": 85, "objection_days": 100})
    assert {f for f, _ in excinfo.value.errors} == {"rating_below", "objection_days"}
