"""What every blueprint shares around a request: what a request may carry (ids that fit the
database, no control characters), security headers and the forced password change, the one commit
helper (`commit`: one transaction per request), the year of a URL (`year_or_404`) and the menu's
team flag."""
from __future__ import annotations

import re
from typing import Callable, TypeVar
from urllib.parse import urlsplit

from flask import Flask, Request, abort, g, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

from app.extensions import db
from app.services import ConflictError, ServiceError

# The largest id the tables hold: their keys are INTEGER, which PostgreSQL keeps in 32 bits (and
# refuses to compare with a larger number). A larger one names nothing.
MAX_ID = 2**31 - 1
# C0 control characters and DEL, except tab, line feed and carriage return (which forms may
# carry). PostgreSQL refuses NUL in text; nothing a person types needs the others.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value)


def to_id(value) -> int:
    """An id from a form or the query string: a whole number that the database can hold, else
    ValueError (WTForms shows its "Pilihan tidak valid" at the field; `arg_id` answers None)."""
    number = int(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError("id out of range")
    return number


def arg_id(name: str) -> int | None:
    """`request.args[name]` as an id, or None when it is missing or names nothing."""
    try:
        return to_id(request.args.get(name, ""))
    except (TypeError, ValueError):
        return None


MAX_PAGE = 1_000_000  # far past any list; keeps OFFSET well inside BIGINT


def page_arg() -> int:
    """`?page=` for `db.paginate`: a page number that cannot overflow the OFFSET; else page 1."""
    number = arg_id("page")
    return number if number and number <= MAX_PAGE else 1


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number an id column can hold, else 404 (never an overflow)."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_ID if max is None else max,
                         signed=signed)


class TextConverter(UnicodeConverter):
    """`<code>`-style path parts: no control characters (404)."""

    def to_python(self, value: str) -> str:
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError()
        return value


class CleanParameters(ImmutableMultiDict):
    """Query string and form values (and upload file names) with control characters taken out,
    for every view and form."""

    def __init__(self, mapping=None):
        super().__init__([(_clean(key), _clean(value)) for key, value in _pairs(mapping)])


def _pairs(mapping):
    """(key, value) pairs of whatever a MultiDict is built from: a MultiDict, a dict (whose list
    values are several values), or an iterable of pairs."""
    if mapping is None:
        return []
    if hasattr(mapping, "getlist"):
        return list(mapping.items(multi=True))
    if isinstance(mapping, dict):
        return [(key, item) for key, value in mapping.items()
                for item in (value if isinstance(value, (list, tuple)) else [value])]
    return list(mapping)


def _clean(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if getattr(value, "filename", None):  # an upload: its name is stored and shown
        value.filename = strip_control_characters(value.filename)
    return value


class CapaianRequest(Request):
    parameter_storage_class = CleanParameters


def configure_requests(app: Flask) -> None:
    """Before any blueprint adds its rules: the converters and the request class."""
    app.request_class = CapaianRequest
    app.url_map.converters["int"] = IdConverter
    app.url_map.converters["default"] = TextConverter
    app.url_map.converters["string"] = TextConverter

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


T = TypeVar("T")

# What a lost optimistic-lock race says when the view names nothing more precise.
CONFLICT = ("Data ini telah diubah di tab atau perangkat lain sejak halaman ini dibuka, jadi perubahan Anda "
            "belum disimpan.")


def commit(action: Callable[[], T], *, conflict: str = CONFLICT) -> T:
    """One transaction per request: call `action` (a service call, which flushes), then commit and
    return its value. A refusal rolls everything back and is raised again for the view to show (at
    its field with `forms.apply_service_error`, or flashed); a lost optimistic-lock race (another
    request committed the same row first) rolls back too and is a ConflictError saying `conflict`."""
    try:
        value = action()
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise ConflictError(conflict) from None
    except ServiceError:
        db.session.rollback()
        raise
    return value


def year_or_404(year: int):
    """The appraisal year of a URL's year number (2026), or 404."""
    from app.services.years import get_year

    appraisal_year = get_year(year)
    if appraisal_year is None:
        abort(404)
    return appraisal_year


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


def menu_facts() -> dict:
    """What the menu asks of every page, in one query per request: "team" (Tim saya:
    `services/org/team.has_team`), "reports" (a direct report: the cascade map), "reviews" (Tinjau
    for a pengelola kinerja who also assesses) and "unread" (Pemberitahuan)."""
    if "menu_facts" not in g:
        if not current_user.is_authenticated:
            g.menu_facts = {"team": False, "reports": False, "reviews": False, "unread": 0}
        else:
            from app.services.notifications.inbox import unread_expression
            from app.services.org.team import menu_checks

            columns = {**menu_checks(current_user), "unread": unread_expression(current_user)}
            row = db.session.execute(select(*[c.label(name) for name, c in columns.items()])).one()
            g.menu_facts = {name: (bool(value) if name != "unread" else int(value or 0))
                            for name, value in row._asdict().items()}
    return g.menu_facts


def menu_has_team() -> bool:
    """Whether the menu shows "Tim saya" (`services/org/team.has_team`)."""
    return menu_facts()["team"]


def unread_notifications() -> int:
    """My unread notifications, for the menu's count."""
    return menu_facts()["unread"]


def register_context(app: Flask) -> None:
    from app.services.audit import action_label, field_label, object_type_label

    app.add_template_filter(field_label, "field_label")  # the audit trail's field names in Indonesian
    app.add_template_filter(action_label, "action_label")  # … what happened
    app.add_template_filter(object_type_label, "object_type_label")  # … to what kind of thing
    app.add_template_global(unread_notifications, "unread_notifications")  # the menu's count

    @app.context_processor
    def inject_site():
        from app.models.base import utcnow

        return {"site": SiteInfo(), "now_utc": utcnow(), "skp_has_team": menu_has_team}
