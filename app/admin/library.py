"""Pustaka indikator: starting RHK and IKI per jabatan. Kabupaten-wide: any pengelola kinerja
maintains it, and every change is in the audit log."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.skp_forms import LibraryIndicatorForm, LibraryResultForm, LibrarySearchForm
from app.domain.skp import Aspect, Direction, ResultKind
from app.extensions import db
from app.forms import ActionForm, apply_service_error, button_action
from app.models import LibraryIndicator, LibraryResult
from app.services import ServiceError
from app.services.skp.library import (
    LibraryIndicatorData, create_indicator, create_result, delete_indicator, delete_result,
    entries_for, move_indicator, move_result, position_rows, position_suggestions, positions_query,
    update_indicator, update_result,
)
from app.web import commit, page_arg

PER_PAGE = 50


def library_or_404(library_id: int) -> LibraryResult:
    """A library RHK, or 404 (the library is kabupaten-wide: no OPD scope)."""
    result = db.session.get(LibraryResult, library_id)
    if result is None:
        abort(404)
    return result


def indicator_or_404(library_id: int, indicator_id: int) -> LibraryIndicator:
    """An IKI of that library RHK, or 404."""
    indicator = db.session.get(LibraryIndicator, indicator_id)
    if indicator is None or indicator.result_id != library_id:
        abort(404)
    return indicator


def _position_url(result: LibraryResult, anchor: str = "") -> str:
    return url_for("admin.library_position", nama=result.position_name) + anchor


@bp.route("/pustaka")
def library():
    """Jabatan that have library entries, with counts; search by jabatan or RHK text."""
    form = LibrarySearchForm(request.args)
    form.validate()
    query = positions_query("" if form.q.errors else form.q.data or "")
    page = db.paginate(query, page=page_arg(), per_page=PER_PAGE, error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/library.html", form=form, page=page, args=args,
                           rows=position_rows(page.items))


@bp.route("/pustaka/jabatan")
def library_position():
    """The starting RHK (utama, then tambahan) and their IKI for one jabatan."""
    name = " ".join(request.args.get("nama", "").split())
    if not name:
        return redirect(url_for("admin.library"))
    entries = entries_for(name)
    return render_template("admin/library_position.html", name=entries[0].position_name if entries else name,
                           entries=entries, action_form=ActionForm())


@bp.route("/pustaka/rhk/baru", methods=["GET", "POST"])
def library_new():
    """Add a starting RHK for a jabatan."""
    form = LibraryResultForm()
    if request.method == "GET":
        form.position_name.data = request.args.get("jabatan", "")
        form.kind.data = ResultKind.parse(request.args.get("jenis")) or ResultKind.UTAMA
    if form.validate_on_submit():
        try:
            result = commit(lambda: create_result(current_user, form.position_name.data,
                                                  ResultKind.parse(form.kind.data), form.text.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("RHK ditambahkan ke pustaka. Lengkapi dengan IKI-nya.", "success")
            return redirect(url_for("admin.library_indicator_new", library_id=result.id))
    return render_template("admin/library_form.html", form=form, result=None,
                           suggestions=position_suggestions())


@bp.route("/pustaka/rhk/<int:library_id>/ubah", methods=["GET", "POST"])
def library_edit(library_id: int):
    """Edit a starting RHK (its jabatan, kind or text)."""
    result = library_or_404(library_id)
    form = LibraryResultForm(obj=result if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            commit(lambda: update_result(current_user, result, form.position_name.data,
                                         ResultKind.parse(form.kind.data), form.text.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("RHK pustaka disimpan.", "success")
            return redirect(_position_url(result, f"#rhk-{result.id}"))
    return render_template("admin/library_form.html", form=form, result=result,
                           suggestions=position_suggestions())


def _post_action(obj, back: str, act, message: str | None):
    """A button-only POST on one library row: `act(obj)`, then back to the jabatan's page."""
    return button_action(lambda: act(obj), message, back)


@bp.route("/pustaka/rhk/<int:library_id>/hapus", methods=["POST"])
def library_delete(library_id: int):
    """Delete a starting RHK with its IKI."""
    result = library_or_404(library_id)
    return _post_action(result, _position_url(result), lambda r: delete_result(current_user, r),
                        "RHK dan IKI-nya dihapus dari pustaka.")


@bp.route("/pustaka/rhk/<int:library_id>/naik", methods=["POST"], defaults={"step": -1})
@bp.route("/pustaka/rhk/<int:library_id>/turun", methods=["POST"], defaults={"step": 1})
def library_move(library_id: int, step: int):
    """Move a starting RHK one place up or down within its kind."""
    result = library_or_404(library_id)
    return _post_action(result, _position_url(result, f"#rhk-{result.id}"),
                        lambda r: move_result(current_user, r, step), None)


def _indicator_data(form: LibraryIndicatorForm) -> LibraryIndicatorData:
    return LibraryIndicatorData(
        aspect=Aspect.parse(form.aspect.data), text=form.text.data or "",
        target_value=form.target_value.data, target_high=form.target_high.data, unit=form.unit.data,
        direction=Direction.parse(form.direction.data) or Direction.HIGHER, cumulative=form.cumulative.data,
    )


@bp.route("/pustaka/rhk/<int:library_id>/iki/baru", methods=["GET", "POST"])
def library_indicator_new(library_id: int):
    """Add an IKI to a starting RHK."""
    result = library_or_404(library_id)
    form = LibraryIndicatorForm()
    if request.method == "GET":
        form.cumulative.data = True
    if form.validate_on_submit():
        try:
            commit(lambda: create_indicator(current_user, result, _indicator_data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("IKI ditambahkan.", "success")
            return redirect(_position_url(result, f"#rhk-{result.id}"))
    return render_template("admin/library_indicator_form.html", form=form, result=result, indicator=None)


@bp.route("/pustaka/rhk/<int:library_id>/iki/<int:indicator_id>/ubah", methods=["GET", "POST"])
def library_indicator_edit(library_id: int, indicator_id: int):
    """Edit an IKI of a starting RHK."""
    indicator = indicator_or_404(library_id, indicator_id)
    form = LibraryIndicatorForm(obj=indicator if request.method == "GET" else None)
    if request.method == "GET":
        form.aspect.data = indicator.aspect.value
        form.direction.data = indicator.direction.value
    if form.validate_on_submit():
        try:
            commit(lambda: update_indicator(current_user, indicator, _indicator_data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("IKI disimpan.", "success")
            return redirect(_position_url(indicator.result, f"#rhk-{library_id}"))
    return render_template("admin/library_indicator_form.html", form=form, result=indicator.result,
                           indicator=indicator)


@bp.route("/pustaka/rhk/<int:library_id>/iki/<int:indicator_id>/hapus", methods=["POST"])
def library_indicator_delete(library_id: int, indicator_id: int):
    """Delete an IKI of a starting RHK."""
    indicator = indicator_or_404(library_id, indicator_id)
    return _post_action(indicator, _position_url(indicator.result, f"#rhk-{library_id}"),
                        lambda i: delete_indicator(current_user, i), "IKI dihapus.")


@bp.route("/pustaka/rhk/<int:library_id>/iki/<int:indicator_id>/naik", methods=["POST"], defaults={"step": -1})
@bp.route("/pustaka/rhk/<int:library_id>/iki/<int:indicator_id>/turun", methods=["POST"], defaults={"step": 1})
def library_indicator_move(library_id: int, indicator_id: int, step: int):
    """Move an IKI one place up or down within its RHK."""
    indicator = indicator_or_404(library_id, indicator_id)
    return _post_action(indicator, _position_url(indicator.result, f"#rhk-{library_id}"),
                        lambda i: move_indicator(current_user, i, step), None)
