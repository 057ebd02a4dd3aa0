"""Dokumen: preview, issue and download a pegawai's documents; the public verification page."""
from app.documents.blueprint import bp, verification_bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.documents import routes, verify  # noqa: E402,F401
