"""Penilaian periode: the pegawai's realisasi with bukti dukung per period, perilaku reflection,
submission; Capaian saya; the assessor's return of a submission; the pengelola's reopen."""
from app.assessments.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.assessments import evidence, progress, review, routes, team  # noqa: E402,F401
