"""The auth blueprint object and the guard of its whole area; the package imports its route
modules, which register on it."""
from flask import Blueprint

bp = Blueprint("auth", __name__)
