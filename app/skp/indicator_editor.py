"""The SKP editor, IKI part: add, change, delete and move the indicators of an RHK, with numeric
targets (and optional per-period targets) for kuantitatif, a narrative target for kualitatif, and
the perspektif of a JPT's indicator."""
from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from app.domain.skp import Approach, Aspect, Direction, Perspective
from app.models import Plan
from app.services.skp import plan_edit
from app.skp.blueprint import bp
from app.skp.editor import button_action, save_form
from app.forms import choices
from app.skp.forms import IndicatorForm, form_version, indicator_form_class
from app.skp.loaders import editable_plan, indicator_of, result_of


def _indicator_form(plan: Plan, indicator=None) -> tuple[IndicatorForm, list]:
    """The IKI form for this plan: numeric targets (with per-period ones) for kuantitatif, a
    narrative target for kualitatif, perspektif for JPT."""
    quantitative = plan.approach != Approach.KUALITATIF
    periods = [p for p in plan.year.periods if not p.is_final] if quantitative else []
    form = indicator_form_class(periods)()
    if request.method == "GET":
        form.version.data = plan.lock_version
    if quantitative:
        del form.narrative_target
        form.source.choices = choices([("", "Diisi pegawai")] + plan_edit.source_choices(plan))
    else:
        for name in ("target_value", "target_high", "unit", "direction", "cumulative", "source"):
            delattr(form, name)
    if not plan.is_jpt or not quantitative:
        del form.perspective
    if request.method == "GET" and indicator is not None:
        form.text.data = indicator.text
        form.aspect.data = indicator.aspect.value if indicator.aspect else ""
        if quantitative:
            form.direction.data = indicator.direction.value
            form.target_value.data = indicator.target_value
            form.target_high.data = indicator.target_high
            form.unit.data = indicator.unit
            form.cumulative.data = indicator.cumulative
            form.source.data = (f"metrik:{indicator.source_metric_id}" if indicator.source_metric_id else
                                f"ikm:{indicator.source_service_id}" if indicator.source_service_id else "")
            existing = {t.period_id: t.value for t in indicator.period_targets}
            for period in periods:
                form[f"period_{period.id}"].data = existing.get(period.id)
        else:
            form.narrative_target.data = indicator.narrative_target
        if "perspective" in form:
            form.perspective.data = indicator.perspective.value if indicator.perspective else ""
    return form, periods


def _indicator_data(form: IndicatorForm, periods: list, indicator=None) -> plan_edit.IndicatorData:
    data = plan_edit.IndicatorData(text=form.text.data or "", aspect=Aspect.parse(form.aspect.data or None))
    if "target_value" in form:
        data.target_value, data.target_high = form.target_value.data, form.target_high.data
        data.unit = form.unit.data
        data.direction = Direction.parse(form.direction.data) or Direction.HIGHER
        data.cumulative = bool(form.cumulative.data)
        data.period_targets = {p.id: form[f"period_{p.id}"].data for p in periods}
        kind, _, ident = (form.source.data or "").partition(":")
        data.source = (kind, int(ident)) if kind in ("metrik", "ikm") and ident.isdigit() else None
    else:
        data.narrative_target = form.narrative_target.data
        if indicator is not None:  # kualitatif keeps numbers typed earlier, for a switch back
            data.target_value, data.target_high = indicator.target_value, indicator.target_high
            data.unit, data.direction, data.cumulative = indicator.unit, indicator.direction, indicator.cumulative
    if "perspective" in form:
        data.perspective = Perspective.parse(form.perspective.data or None)
    return data


@bp.route("/rencana/<int:plan_id>/rhk/<int:result_id>/iki/baru", methods=["GET", "POST"])
def add_indicator(plan_id: int, result_id: int):
    """Add an IKI to an RHK of my draft SKP."""
    plan = editable_plan(plan_id)
    result = result_of(plan, result_id)
    form, periods = _indicator_form(plan)
    if form.validate_on_submit():
        response = save_form(form, plan, lambda: plan_edit.add_indicator(
            current_user, plan, result, _indicator_data(form, periods), version=form_version(form)),
            "IKI ditambahkan.", lambda i: f"iki-{i.id}")
        if response:
            return response
    return render_template("skp/plan_indicator_form.html", plan=plan, result=result, indicator=None,
                           form=form, periods=periods)


@bp.route("/rencana/<int:plan_id>/iki/<int:indicator_id>/ubah", methods=["GET", "POST"])
def edit_indicator(plan_id: int, indicator_id: int):
    """Change an IKI of my draft SKP."""
    plan = editable_plan(plan_id)
    indicator = indicator_of(plan, indicator_id)
    form, periods = _indicator_form(plan, indicator)
    if form.validate_on_submit():
        response = save_form(form, plan, lambda: plan_edit.update_indicator(
            current_user, plan, indicator, _indicator_data(form, periods, indicator), version=form_version(form)),
            "IKI disimpan.", f"iki-{indicator.id}")
        if response:
            return response
    return render_template("skp/plan_indicator_form.html", plan=plan, result=indicator.result,
                           indicator=indicator, form=form, periods=periods)


@bp.route("/rencana/<int:plan_id>/iki/<int:indicator_id>/hapus", methods=["POST"])
def delete_indicator(plan_id: int, indicator_id: int):
    """Delete an IKI from my draft SKP."""
    return button_action(plan_id, lambda plan, version: plan_edit.delete_indicator(
        current_user, plan, indicator_of(plan, indicator_id), version=version), "IKI dihapus.")


@bp.route("/rencana/<int:plan_id>/iki/<int:indicator_id>/naik", methods=["POST"])
def indicator_up(plan_id: int, indicator_id: int):
    """Move an IKI one place up within its RHK."""
    return button_action(plan_id, lambda plan, version: plan_edit.move_indicator(
        current_user, plan, indicator_of(plan, indicator_id), -1, version=version), None, f"iki-{indicator_id}")


@bp.route("/rencana/<int:plan_id>/iki/<int:indicator_id>/turun", methods=["POST"])
def indicator_down(plan_id: int, indicator_id: int):
    """Move an IKI one place down within its RHK."""
    return button_action(plan_id, lambda plan, version: plan_edit.move_indicator(
        current_user, plan, indicator_of(plan, indicator_id), 1, version=version), None, f"iki-{indicator_id}")
