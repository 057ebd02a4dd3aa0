"""Login, logout, password change and activation."""
from app.auth.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.auth import routes  # noqa: E402,F401
