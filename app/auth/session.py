"""Flask-Login wiring: the session id carries the account's session token."""
from __future__ import annotations

from flask_login import LoginManager
from sqlalchemy.orm import selectinload

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
            options=[
                selectinload(User.employee).selectinload(Employee.unit),
                selectinload(User.admin_units),
            ],
        )
        if user is None or user.session_token != token or not user.is_active:
            return None
        return user
