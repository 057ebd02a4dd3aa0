"""Form pieces shared by the blueprints."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.services import ServiceError


class ActionForm(FlaskForm):
    """A button-only POST: CSRF protection and nothing else."""


class VersionedForm(FlaskForm):
    """A form editing a row that others may edit too: carries the version it was loaded at."""

    version = HiddenField()


def apply_service_error(form: FlaskForm, error: ServiceError) -> None:
    """Show a service's refusal next to its field, or above the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = list(field.errors or []) + [error.message]
    else:
        form.form_errors.append(error.message)
