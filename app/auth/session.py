"""Flask-Login wiring: the session id carries the account's session token."""
from __future__ import annotations

from flask_login import LoginManager
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import Employee, User


def configure_login_manager(login_manager: LoginManager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(session_id: str) -> User | None:
        user_id, _, token = session_id.partition(":")
        if not user_id.isdigit() or not token:
            return None
        user = db.session.get(
            User,
            int(user_id),
            # one query for the account, its pegawai with their unit, and the OPDs it administers
            # (joined: the floor of every page is this and the menu's one query, web.menu_facts)
            options=[
                joinedload(User.employee).joinedload(Employee.unit),
                joinedload(User.admin_units),
            ],
        )
        if user is None or user.session_token != token or not user.is_active:
            return None
        return user
