"""Metrik kinerja for the pengelola kinerja of an OPD (and the super admin): the metrics of their
units, each metric's values per period with where they came from and every change, and the
import of values from a file (the source system may push them instead: POST /api/v1/metrik)."""
from __future__ import annotations

import io

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from openpyxl import Workbook
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.admin.blueprint import bp
from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.forms import Form, VersionedForm, apply_service_error, choices
from app.models import Metric
from app.services import ServiceError
from app.services.metrics import catalogue, values
from app.services.org.units import units_in_scope
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.roster.store import clean_filename
from app.web import commit, to_id


class MetricForm(VersionedForm):
    unit_id = SelectField("Unit yang diukur", coerce=to_id, validators=[DataRequired("Pilih unit yang diukur.")])
    code = StringField("Kode", validators=[DataRequired("Isi kode metrik, mis. KTP-WAKTU."), Length(max=40)],
                       render_kw={"autocapitalize": "characters", "spellcheck": "false"},
                       description="Dipakai pada berkas impor dan oleh sistem sumber, mis. KTP-WAKTU.")
    name = StringField("Nama metrik", validators=[DataRequired("Isi nama metrik."), Length(max=200)],
                       description="Mis. Rata-rata waktu penerbitan KTP-el.")
    measure_unit = StringField("Satuan", validators=[DataRequired("Isi satuan, mis. hari."), Length(max=50)])
    description = TextAreaField("Keterangan (tidak wajib)", render_kw={"rows": 2, "maxlength": 2000},
                                description="Mis. cara menghitung dan sistem sumbernya.")
    source_token_id = SelectField("Sistem sumber yang boleh mengirim nilai", coerce=to_id,
                                  description="Token API berlingkup metrik; tanpa token, nilai hanya dari berkas.")
    active = BooleanField("Aktif", default=True)


class ValuesFileForm(Form):
    file = FileField("Berkas nilai metrik (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diimpor.")])


def _metric_or_404(metric_id: int) -> Metric:
    metric = db.session.get(Metric, metric_id)
    if metric is None or not catalogue.may_manage(current_user, metric):
        abort(404)
    return metric


def _choices(form: MetricForm) -> None:
    form.unit_id.choices = choices([(u.id, "\u00a0\u00a0" * max(u.depth - 1, 0) + u.name)
                                    for u in units_in_scope(current_user, active_only=True)
                                    if u.kind != OrgUnitKind.PEMDA])
    form.source_token_id.choices = choices([(0, "— tidak ada (hanya berkas) —")] +
                                           [(t.id, t.name) for t in catalogue.push_tokens()])


@bp.route("/metrik")
def metrics():
    """The metrics I manage, with how many values each has and when one last changed."""
    found = catalogue.in_scope(current_user)
    return render_template("metrics/list.html", metrics=found, counts=values.counts([m.id for m in found]))


def _edit(metric: Metric | None):
    form = MetricForm(obj=metric if request.method == "GET" else None)
    _choices(form)
    if request.method == "GET" and metric is not None:
        form.version.data = metric.version
        form.source_token_id.data = metric.source_token_id or 0
    if form.validate_on_submit():
        data = catalogue.MetricData(unit_id=form.unit_id.data or 0, code=form.code.data or "", name=form.name.data or "",
                                    measure_unit=form.measure_unit.data or "", description=form.description.data,
                                    source_token_id=form.source_token_id.data or None, active=bool(form.active.data))
        try:
            if metric is None:
                saved = commit(lambda: catalogue.create(current_user._get_current_object(), data))
            else:
                version = int(form.version.data) if (form.version.data or "").isdigit() else -1
                saved = commit(lambda: catalogue.update(current_user._get_current_object(), metric, data,
                                                        version=version))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Metrik {saved.code} disimpan.", "success")
            return redirect(url_for("admin.metric_detail", metric_id=saved.id))
    return render_template("metrics/form.html", form=form, metric=metric), 422 if request.method == "POST" else 200


@bp.route("/metrik/baru", methods=["GET", "POST"])
def metric_new():
    return _edit(None)


@bp.route("/metrik/<int:metric_id>/ubah", methods=["GET", "POST"])
def metric_edit(metric_id: int):
    return _edit(_metric_or_404(metric_id))


@bp.route("/metrik/<int:metric_id>")
def metric_detail(metric_id: int):
    """A metric's values per period, where each came from, and the latest changes."""
    metric = _metric_or_404(metric_id)
    return render_template("metrics/detail.html", metric=metric, values=values.values_of(metric),
                           changes=values.changes_of(metric))


@bp.route("/metrik/impor", methods=["GET", "POST"])
def metric_import():
    """Values of my metrics from a file: checked whole, recorded whole or not at all."""
    form = ValuesFileForm()
    check = None
    if form.validate_on_submit():
        upload = form.file.data
        limit = current_app.config["IMPORT_MAX_BYTES"]
        check = values.check_file(current_user._get_current_object(), upload.read(limit + 1),
                                  clean_filename(upload.filename), max_bytes=limit)
        if check.valid:
            new, changed, same = commit(lambda: values.apply(check, actor=current_user._get_current_object()))
            flash(f"Nilai metrik dari {check.source}: {new} baru, {changed} diubah, {same} sama.", "success")
            return redirect(url_for("admin.metrics"))
    status = 422 if (check is not None or form.errors) else 200
    return render_template("metrics/import.html", form=form, check=check, headers=values.TEMPLATE_HEADERS), status


@bp.route("/metrik/impor/templat.xlsx")
def metric_template():
    book = Workbook()
    sheet = book.active
    sheet.title = "Nilai metrik"
    sheet.append(values.TEMPLATE_HEADERS)
    for metric in catalogue.in_scope(current_user)[:20]:
        sheet.append([metric.code, None, None, None])
    for column, width in zip("ABCD", (24, 8, 18, 12)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return send_file(io.BytesIO(buffer.getvalue()), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name="templat-nilai-metrik.xlsx", max_age=0)
