"""The admin blueprint object and the guard of its whole area; the package imports its route
modules, which register on it."""
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
