"""Forms of the period review. The review form is built per assessment; its fields carry the names
the review service uses for its refusals (result_rating, result_rating_reason, behavior_rating,
feedback_rhk_<RHK id>, feedback_nilai_<value id>), so every message lands at its field. Next to
each feedback field a pick-list of common phrases (phrase_rhk_<id>, phrase_nilai_<id>): without
JavaScript the chosen phrase becomes the text (or is appended to it) when the form is saved."""
from __future__ import annotations

from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.domain.scoring import Rating
from app.forms import VersionedForm, choices
from app.services.assessments.assessments import MAX_TEXT
from app.services.reviews.reviews import MAX_FEEDBACK

RATING_CHOICES = [(r.value, r.label) for r in (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)]
NO_PHRASE = "— pilih kalimat umum —"


def known_rating(form, field):
    """No rating yet is fine for Simpan (Setujui asks for both); anything else must be a rating."""
    if field.data and Rating.parse(field.data) is None:
        raise ValidationError("Pilihan rating tidak valid.")


def _feedback(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[Length(max=MAX_FEEDBACK, message=f"Umpan balik paling banyak "
                                                                           f"{MAX_FEEDBACK} karakter.")],
                         render_kw={"rows": 3})


def _phrases(label: str, phrases) -> SelectField:
    # Without phrases the pick-list is not shown, so the browser sends nothing: that is "none chosen".
    return SelectField(label, choices=choices([("", NO_PHRASE)] + [(str(p.id), p.text) for p in phrases]),
                       validate_choice=True, default="")


def review_form_class(results, values, hasil_phrases, perilaku_phrases) -> type[VersionedForm]:
    """The review form of one assessment: feedback (with phrases) per RHK and per value, ratings."""
    fields = {
        "result_rating": RadioField("Rating Hasil Kerja", choices=choices(RATING_CHOICES), validate_choice=False,
                                    validators=[known_rating]),
        "result_rating_reason": TextAreaField(
            "Alasan memilih rating yang berbeda dari saran",
            validators=[Length(max=MAX_TEXT, message=f"Alasan paling banyak {MAX_TEXT} karakter.")],
            render_kw={"rows": 3}),
        "behavior_rating": RadioField("Rating Perilaku Kerja", choices=choices(RATING_CHOICES), validate_choice=False,
                                      validators=[known_rating]),
    }
    for result in results:
        fields[f"feedback_rhk_{result.id}"] = _feedback(f"Umpan balik RHK “{result.text}”")
        fields[f"phrase_rhk_{result.id}"] = _phrases("Kalimat umum", hasil_phrases)
    for value in values:
        fields[f"feedback_nilai_{value.id}"] = _feedback(f"Umpan balik {value.name}")
        fields[f"phrase_nilai_{value.id}"] = _phrases("Kalimat umum", perilaku_phrases)
    return type("ReviewForm", (VersionedForm,), fields)


def problems(form) -> list[tuple[str, str, str]]:
    """(anchor id, field label, messages) for every field with an error, in page order, so the
    message on top of a long page links to each field."""
    found = []
    for field in form:
        if field.errors and field.type not in ("CSRFTokenField", "HiddenField"):
            anchor = f"{field.id}-1" if field.type == "RadioField" else field.id
            found.append((anchor, field.label.text, " ".join(field.errors)))
    order = {"result_rating": 1, "result_rating_reason": 2, "behavior_rating": 3}
    return sorted(found, key=lambda p: order.get(p[0].removesuffix("-1"), 0))


def with_phrase(text: str | None, phrase: str | None) -> str:
    """The feedback text with a chosen phrase: the phrase alone when nothing was typed, else
    appended (once: a phrase already in the text is not repeated)."""
    text = (text or "").strip()
    phrase = (phrase or "").strip()
    if not phrase or phrase in text:
        return text
    if not text:
        return phrase
    joiner = " " if text.endswith((".", "!", "?", ";", ":")) else ". "
    return text + joiner + phrase


def merge_phrases(form, phrases_by_id: dict[int, str]) -> None:
    """Fold each chosen phrase into its feedback field and reset the pick-list, so that a form shown
    again (after a refusal) holds the full text and a second save does not add the phrase twice."""
    for name in list(form._fields):
        if not name.startswith("phrase_"):
            continue
        chosen = form[name].data
        if chosen and str(chosen).isdigit() and int(chosen) in phrases_by_id:
            target = form["feedback_" + name.removeprefix("phrase_")]
            target.data = with_phrase(target.data, phrases_by_id[int(chosen)])
        form[name].data = ""


def feedback_of_form(form) -> dict[str, str]:
    """{"rhk:<id>" | "nilai:<id>": text} as the review service takes it."""
    result = {}
    for name in form._fields:
        if name.startswith("feedback_"):
            kind, _, ident = name.removeprefix("feedback_").partition("_")
            result[f"{kind}:{ident}"] = form[name].data or ""
    return result


class ReviewReturnForm(VersionedForm):
    """Kembalikan from the review page: the notes the pegawai sees above their form."""

    reason = TextAreaField("Catatan pengembalian", validators=[
        DataRequired("Tuliskan catatan pengembalian untuk pegawai."),
        Length(max=MAX_TEXT, message=f"Catatan paling banyak {MAX_TEXT} karakter.")],
        render_kw={"rows": 3, "placeholder": "mis. Lengkapi bukti dukung laporan bulan Maret"},
        description="Pegawai melihat catatan ini di atas formulirnya, memperbaiki isian, lalu mengajukan kembali. "
                    "Umpan balik yang sudah disimpan tetap ada.")

