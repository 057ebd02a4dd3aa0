"""Capaian: achievement-based performance appraisal for the ASN of one kabupaten."""
from __future__ import annotations

import os

from flask import Flask

from app.config import load_config


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, error pages, CLI. No database I/O."""
    # CAPAIAN_INSTANCE_PATH: another instance folder than <code>/instance (its config.py, an
    # SQLite database, the local files), e.g. for two app servers started from one checkout.
    app = Flask(__name__, instance_relative_config=True, instance_path=os.environ.get("CAPAIAN_INSTANCE_PATH") or None)
    load_config(app, overrides)
    configure_requests(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_request_hooks(app)
    register_template_helpers(app)
    register_cli(app)
    return app


def configure_requests(app: Flask) -> None:
    from app.web import configure_requests

    configure_requests(app)


def register_extensions(app: Flask) -> None:
    from werkzeug.middleware.proxy_fix import ProxyFix

    from app import models  # noqa: F401  (registers the mappers before anything queries)
    from app.services.notifications import inbox  # noqa: F401  (listens to the audit trail's steps)
    from app.extensions import babel, bootstrap, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=_migrations_dir(), render_as_batch=True, compare_type=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app)
    bootstrap.init_app(app)
    limiter.init_app(app)
    if app.config["PROXY_FIX_X_FOR"] or app.config["PROXY_FIX_X_PROTO"]:
        app.wsgi_app = ProxyFix(
            app.wsgi_app,
            x_for=app.config["PROXY_FIX_X_FOR"],
            x_proto=app.config["PROXY_FIX_X_PROTO"],
        )

    from app.auth.session import configure_login_manager

    configure_login_manager(login_manager)


def _migrations_dir() -> str:
    import os

    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "migrations")


def register_blueprints(app: Flask) -> None:
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.assessments import bp as assessments_bp
    from app.daily import bp as daily_bp
    from app.documents import bp as documents_bp
    from app.documents import verification_bp
    from app.skp import bp as indicators_bp
    from app.main import bp as main_bp
    from app.reviews import bp as reviews_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp, url_prefix="/pengelolaan")
    app.register_blueprint(indicators_bp, url_prefix="/skp")
    app.register_blueprint(assessments_bp, url_prefix="/penilaian")
    app.register_blueprint(reviews_bp, url_prefix="/tinjau")
    app.register_blueprint(daily_bp, url_prefix="/kinerja-harian")
    if app.config.get("BENCH_FLOOR_PAGE"):  # bench/load only
        from app.bench import bp as bench_bp

        app.register_blueprint(bench_bp)
    app.register_blueprint(documents_bp, url_prefix="/dokumen")
    app.register_blueprint(verification_bp)
    from app.survey import bp as survey_bp

    app.register_blueprint(survey_bp)
    from app.api import bp as api_bp

    app.register_blueprint(api_bp, url_prefix="/api/v1")


def register_error_handlers(app: Flask) -> None:
    from app.errors import register

    register(app)


def register_request_hooks(app: Flask) -> None:
    from app.web import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from app.formatting import register
    from app.forms import error_items, failed_forms

    register(app)
    app.add_template_global(error_items, "error_items")  # the error summary of a form that failed
    app.add_template_global(failed_forms, "failed_forms")  # … at the top of the page (base.html)


def register_cli(app: Flask) -> None:
    from app.cli import register

    register(app)
