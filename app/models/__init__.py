"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""
from app.models.accounts import User, admin_scope
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.org import ActingAssignment, Employee, OrgUnit
from app.models.settings import AppSettings

__all__ = [
    "ActingAssignment", "AppSettings", "AuditEvent", "Base", "Employee", "OrgUnit", "User",
    "admin_scope",
]
