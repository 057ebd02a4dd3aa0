"""Pengelolaan: master data, accounts, import, audit and settings for pengelola kinerja."""
from flask import Blueprint, abort
from flask_login import current_user

bp = Blueprint("admin", __name__)


@bp.before_request
def require_admin():
    """The whole area is for pengelola kinerja (OPD-scoped) and superadmins."""
    if not current_user.is_authenticated:
        from app.extensions import login_manager

        return login_manager.unauthorized()
    if not current_user.is_admin:
        abort(403)
    return None


from app.admin import (  # noqa: E402,F401
    acting, accounts, audit, dashboard, document_exports, earlier_results, employees, imports, library, monitoring,
    org_targets,
    phrases, settings, units, years,
)
