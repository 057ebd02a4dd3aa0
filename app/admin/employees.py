"""Pegawai: list with search and filters, detail, create, edit, deactivate."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import DeactivateForm, EmployeeFilterForm, EmployeeForm, RoleForm
from app.admin.loaders import employee_or_404, managed_account
from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind
from app.extensions import db
from app.forms import ActionForm, apply_service_error, choices
from app.security import account_refusal
from app.services import ServiceError
from app.services.audit import object_names
from app.services.org.accounts import pending_account
from app.services.org.directory import EmployeeFilter, employee_lines, employee_query, opd_choices
from app.services.org.employees import EmployeeData, create_employee, set_active, update_employee
from app.services.org.units import units_in_scope
from app.web import commit, page_arg


def _unit_choices(active_only: bool = True) -> list[tuple[int, str]]:
    return [
        (u.id, "\u00a0\u00a0" * max(u.depth - 1, 0) + u.name)
        for u in units_in_scope(current_user, active_only=active_only)
        if u.kind != OrgUnitKind.PEMDA
    ]


@bp.route("/pegawai")
def employees():
    """Pegawai list: search, filters, pagination; only my OPDs."""
    form = EmployeeFilterForm(request.args)
    form.opd.choices = choices([(0, "Semua")] + opd_choices(current_user))
    unit_choices = [(0, "Semua")]
    if form.opd.data:
        unit_choices += [
            (u.id, "\u00a0\u00a0" * max(u.depth - 1, 0) + u.name)
            for u in units_in_scope(current_user, active_only=False)
            if u.opd_id == form.opd.data
        ]
    form.unit.choices = choices(unit_choices)
    form.validate()

    query = employee_query(current_user, EmployeeFilter(
        q=form.q.data or "", opd_id=form.opd.data or None, unit_id=form.unit.data or None,
        position_kind=PositionKind.parse(form.jenis.data) if form.jenis.data else None,
        status=EmploymentStatus.parse(form.status.data) if form.status.data else None,
        active={"1": True, "0": False}.get(form.aktif.data), without_assessor=bool(form.tanpa_penilai.data)))
    page = db.paginate(query, page=page_arg(), per_page=_per_page(), error_out=False, count=True)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/employees.html", form=form, page=page, args=args)


def _per_page() -> int:
    from flask import current_app

    return current_app.config["EMPLOYEES_PER_PAGE"]


def _data_from(form: EmployeeForm) -> EmployeeData:
    return EmployeeData(
        nip=form.nip.data or "",
        name=form.name.data or "",
        status=EmploymentStatus.parse(form.status.data) or EmploymentStatus.PNS,
        grade_code=form.grade_code.data or None,
        position=form.position.data or "",
        position_kind=PositionKind.parse(form.position_kind.data) or PositionKind.PELAKSANA,
        unit_id=form.unit_id.data or 0,
        assessor_nip=form.assessor_nip.data,
        external_assessor_name=form.external_assessor_name.data,
        external_assessor_title=form.external_assessor_title.data,
        email=form.email.data,
        job_class=form.job_class.data,
    )


@bp.route("/pegawai/baru", methods=["GET", "POST"])
def employee_new():
    """Add one pegawai by hand (most come from the roster import)."""
    form = EmployeeForm()
    form.unit_id.choices = choices([(0, "— pilih unit kerja —")] + _unit_choices())
    if form.validate_on_submit():
        try:
            employee = commit(lambda: create_employee(current_user, _data_from(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Pegawai {employee.name} ditambahkan. Buat kode aktivasi agar ia dapat masuk.", "success")
            return redirect(url_for("admin.employee_detail", employee_id=employee.id))
    return render_template("admin/employee_form.html", form=form, employee=None)


@bp.route("/pegawai/<int:employee_id>")
def employee_detail(employee_id: int):
    """One pegawai: data, reporting line, account, acting assignments, recent audit."""
    employee = employee_or_404(employee_id)
    lines = employee_lines(employee)
    role_form = RoleForm(obj=None)
    if current_user.is_superadmin and employee.user is not None:
        role_form.role.data = employee.user.role.value
        role_form.opds.choices = choices(opd_choices(current_user))
        role_form.opds.data = [u.id for u in employee.user.admin_units]
    return render_template(
        "admin/employee_detail.html", employee=employee, subordinates=lines.subordinates, acting=lines.acting,
        events=lines.events, names=object_names(lines.events), action_form=ActionForm(), deactivate_form=DeactivateForm(), role_form=role_form,
        pending=pending_account(employee), account_refusal=account_refusal(current_user, employee.user, employee)
        if employee.user is not None else None,
    )


@bp.route("/pegawai/<int:employee_id>/ubah", methods=["GET", "POST"])
def employee_edit(employee_id: int):
    """Edit a pegawai, including the assessor; refuses cycles and concurrent overwrites."""
    employee = employee_or_404(employee_id)
    form = EmployeeForm(obj=employee if request.method == "GET" else None)
    unit_choices = _unit_choices()
    if employee.unit_id not in dict(unit_choices):
        unit_choices.append((employee.unit_id, employee.unit.name))
    form.unit_id.choices = choices(unit_choices)
    if request.method == "GET":
        form.version.data = employee.version
        form.status.data = employee.status.value
        form.position_kind.data = employee.position_kind.value
        form.grade_code.data = employee.grade_code or ""
        form.assessor_nip.data = employee.assessor.nip if employee.assessor else ""
    if form.validate_on_submit():
        try:
            version = int(form.version.data or 0)
        except ValueError:
            abort(400)
        try:
            commit(lambda: update_employee(current_user, employee, _data_from(form), version=version))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Perubahan data pegawai disimpan.", "success")
            return redirect(url_for("admin.employee_detail", employee_id=employee.id))
    return render_template("admin/employee_form.html", form=form, employee=employee)


@bp.route("/pegawai/<int:employee_id>/nonaktifkan", methods=["POST"])
def employee_deactivate(employee_id: int):
    """Deactivate (never delete) a pegawai, with a reason."""
    employee = employee_or_404(employee_id)
    managed_account(employee, "menonaktifkan pegawai")
    form = DeactivateForm()
    if not form.validate_on_submit():
        flash("Alasan penonaktifan wajib diisi.", "danger")
        return redirect(url_for("admin.employee_detail", employee_id=employee.id))
    try:
        commit(lambda: set_active(current_user, employee, False, reason=form.reason.data))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"{employee.name} dinonaktifkan. Riwayatnya tetap tersimpan.", "success")
    return redirect(url_for("admin.employee_detail", employee_id=employee.id))


@bp.route("/pegawai/<int:employee_id>/aktifkan", methods=["POST"])
def employee_activate(employee_id: int):
    """Reactivate a pegawai."""
    employee = employee_or_404(employee_id)
    managed_account(employee, "mengaktifkan kembali pegawai")
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: set_active(current_user, employee, True))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"{employee.name} aktif kembali.", "success")
    return redirect(url_for("admin.employee_detail", employee_id=employee.id))


