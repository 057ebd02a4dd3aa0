"""The public survey's blueprint object (no login: anyone who scans the QR at the counter)."""
from flask import Blueprint

bp = Blueprint("survey", __name__)
