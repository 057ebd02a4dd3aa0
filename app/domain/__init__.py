"""The regulation in plain Python: no Flask, no SQLAlchemy."""
