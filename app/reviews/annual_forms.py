"""Forms of the annual evaluation, the keberatan and the follow-up. Field names are the services'
field names (result_<pegawai id>, behavior_<id>, reason_<id>, note_<id>; reasons; explanation;
result_rating, behavior_rating, reason; programme, note), so every refusal lands at its field."""
from __future__ import annotations

import hashlib

from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import Length

from app.domain.enums import FollowUpKind, Programme
from app.domain.scoring import Rating
from app.forms import Form, choices

MAX_TEXT = 4000
MAX_NOTE = 2000
PICK = ("", "— pilih —")


def _max(label: str, limit: int = MAX_TEXT) -> Length:
    return Length(max=limit, message=f"{label} paling banyak {limit:,} karakter.".replace(",", "."))


def rating_choices():
    """The three ratings after an empty choice (the suggestion is written under the select)."""
    return choices([PICK] + [(r.value, r.label) for r in Rating])


def annual_form_class(rows) -> type[Form]:
    """The annual table's form: per editable row the two ratings, the reason for a rating that
    differs from the suggestion, the catatan/rekomendasi and the version the row was loaded at."""
    fields = {}
    for row in rows:
        ident = row.employee.id
        fields[f"result_{ident}"] = SelectField("Rating Hasil Kerja", choices=rating_choices())
        fields[f"behavior_{ident}"] = SelectField("Rating Perilaku Kerja", choices=rating_choices())
        fields[f"reason_{ident}"] = TextAreaField("Alasan rating hasil kerja", validators=[_max("Alasan", MAX_NOTE)],
                                                  render_kw={"rows": 2})
        fields[f"note_{ident}"] = TextAreaField("Catatan / rekomendasi", validators=[_max("Catatan", MAX_NOTE)],
                                                render_kw={"rows": 2})
        fields[f"version_{ident}"] = HiddenField()
        fields[f"loaded_{ident}"] = HiddenField()
    return type("AnnualForm", (Form,), fields)


def digest(result: str, behavior: str, reason: str, note: str) -> str:
    """A short fingerprint of a row's four values as the page showed them, so that a save can
    tell the rows typed in from those only carried along (a stale tab must not re-save those)."""
    raw = "\x1f".join(v.strip() for v in (result, behavior, reason, note))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def initial_data(row) -> dict:
    """What a row shows before anything is typed: the saved ratings, else the suggestion."""
    ident, evaluation = row.employee.id, row.evaluation
    if evaluation is not None and evaluation.result_rating is not None:
        result = evaluation.result_rating.value
    else:
        result = row.suggestion.value if row.suggestion is not None else ""
    behavior = evaluation.behavior_rating.value if evaluation is not None and evaluation.behavior_rating else ""
    reason = (evaluation.result_rating_reason or "") if evaluation is not None else ""
    note = (evaluation.note or "") if evaluation is not None else ""
    return {
        f"result_{ident}": result, f"behavior_{ident}": behavior, f"reason_{ident}": reason, f"note_{ident}": note,
        f"version_{ident}": str(evaluation.lock_version) if evaluation is not None and evaluation.id else "",
        f"loaded_{ident}": digest(result, behavior, reason, note),
    }


class ObjectionForm(Form):
    reasons = TextAreaField("Alasan keberatan", validators=[_max("Alasan keberatan")], render_kw={"rows": 6},
                            description="Minimal 20 karakter. Jelaskan bagian hasil yang Anda keberatan dan "
                                        "sertakan dasarnya (mis. capaian IKI atau bukti dukung tertentu).")


class ExplainForm(Form):
    explanation = TextAreaField("Tanggapan Pejabat Penilai", validators=[_max("Tanggapan")], render_kw={"rows": 6},
                                description="Minimal 10 karakter. Tanggapan ini dibaca pegawai dan Atasan Pejabat "
                                            "Penilai sebelum keputusan diambil.")


class ConfirmForm(Form):
    confirm_note = TextAreaField("Catatan keputusan (opsional)", validators=[_max("Catatan")], render_kw={"rows": 3})


class ChangeForm(Form):
    result_rating = SelectField("Rating Hasil Kerja yang baru", choices=rating_choices())
    behavior_rating = SelectField("Rating Perilaku Kerja yang baru", choices=rating_choices())
    reason = TextAreaField("Alasan perubahan", validators=[_max("Alasan")], render_kw={"rows": 4},
                           description="Wajib, minimal 10 karakter. Dicetak pada Dokumen Evaluasi Kinerja.")


RECOGNITION_PROGRAMMES = (Programme.PENGHARGAAN, Programme.LAINNYA)
DEVELOPMENT_PROGRAMMES = (Programme.PELATIHAN, Programme.COACHING, Programme.MENTORING, Programme.LAINNYA)


class FollowUpForm(Form):
    programme = SelectField("Program tindak lanjut")
    note = TextAreaField("Uraian", validators=[_max("Uraian", 1000)], render_kw={"rows": 2},
                         description="Wajib untuk program Lainnya, mis. nama pelatihan atau bentuk penghargaan.")
    source = HiddenField()


def follow_up_form(evaluation, kind: FollowUpKind, *, formdata=None, source: str = "hasil") -> FollowUpForm:
    """The follow-up form of one evaluation, its programmes fitting the predikat; prefixed with
    the evaluation so that several on one page keep distinct ids."""
    kwargs = {} if formdata is None else {"formdata": formdata}
    form = FollowUpForm(prefix=f"tl{evaluation.id}", **kwargs)
    programmes = RECOGNITION_PROGRAMMES if kind == FollowUpKind.RECOGNITION else DEVELOPMENT_PROGRAMMES
    form.programme.choices = choices([PICK] + [(p.value, p.label) for p in programmes])
    if not form.source.data:
        form.source.data = source
    return form
