"""Pengelolaan: master data, accounts, import, audit and settings for pengelola kinerja."""
from app.admin.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.admin import (  # noqa: E402,F401
    absences, accounts, acting, api_tokens, attendance, audit, dashboard, document_exports, earlier_results, employees, holidays,
    imports,
    library,
    metrics, monitoring, org_targets, phrases, satisfaction, settings, tpp, units, years,
)
