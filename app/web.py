"""Request hooks shared by every page: security headers and the forced password change."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, redirect, request, url_for
from flask_login import current_user

# No inline script or style, nothing from another host: the intranet has no internet anyway.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Pages a user who must change their password may still reach.
_ALLOWED_DURING_FORCED_CHANGE = {
    "auth.change_password", "auth.logout", "static", "bootstrap.static", "main.healthz",
    "main.logo",
}


def safe_next(target: str | None) -> str | None:
    """`target` when it is a path on this site, else None (refuses //evil.example and http:...)."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    return target


def register(app: Flask) -> None:
    register_context(app)

    @app.before_request
    def force_password_change():
        if (
            current_user.is_authenticated
            and current_user.must_change_password
            and request.endpoint not in _ALLOWED_DURING_FORCED_CHANGE
        ):
            return redirect(url_for("auth.change_password"))
        return None

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if current_user and current_user.is_authenticated:
            # Pages with personal data must not be kept by shared office browsers or proxies.
            headers.setdefault("Cache-Control", "no-store")
        return response


class SiteInfo:
    """The kop data templates may show; read from the database only when a template asks."""

    _settings = None

    def _load(self):
        if self._settings is None:
            from app.services.settings import get_settings

            self._settings = get_settings()
        return self._settings

    @property
    def region_name(self) -> str:
        return self._load().region_name

    @property
    def has_logo(self) -> bool:
        return self._load().logo_mime is not None


def register_context(app: Flask) -> None:
    @app.context_processor
    def inject_site():
        from app.models.base import utcnow

        return {"site": SiteInfo(), "now_utc": utcnow()}
