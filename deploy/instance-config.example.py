"""Example instance/config.py: the alternative to environment variables on a single server.

Copy to <project>/instance/config.py (never commit it; instance/ is git-ignored) and keep it
readable by the service user only (chmod 640). `make run` writes a minimal one with a random
SECRET_KEY. Environment variables (DATABASE_URL, SECRET_KEY, BASE_URL, CAPAIAN_*) win over
this file; every name here is a setting of app/config.py.
"""

SECRET_KEY = "replace-with-the-output-of: python3 -c 'import secrets; print(secrets.token_hex(32))'"

# PostgreSQL; leave out to use instance/capaian.sqlite3.
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://capaian:GANTI-KATA-SANDI-DB@127.0.0.1:5432/capaian"
BASE_URL = "https://capaian.tanjungharapankab.go.id"

# Behind nginx with HTTPS.
SESSION_COOKIE_SECURE = True
PROXY_FIX_X_FOR = 1
PROXY_FIX_X_PROTO = 1

# Outgoing e-mail for activation codes (optional).
# MAIL_SERVER = "smtp.tanjungharapankab.go.id"
# MAIL_PORT = 587
# MAIL_USE_TLS = True
# MAIL_USERNAME = "capaian@tanjungharapankab.go.id"
# MAIL_PASSWORD = "..."
# MAIL_SENDER = "Capaian BKPSDM <capaian@tanjungharapankab.go.id>"

# Login protection.
# LOGIN_MAX_FAILURES = 5
# LOGIN_FAILURE_WINDOW_MINUTES = 15
# LOGIN_LOCK_MINUTES = 15
# LOGIN_RATE_LIMIT = "30 per minute; 300 per hour"
