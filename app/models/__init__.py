"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""
from app.models.accounts import LoginThrottle, User, admin_scope
from app.models.assessments import Assessment, BehaviorReflection, Evidence, Realization
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.daily import Absence, Activity, ActivityEvidence, Attendance, DayComment, Holiday
from app.models.documents import Document, ExportJob, IssueJob
from app.models.tpp import TppBasis, TppList
from app.models.api import ApiRequest, ApiToken
from app.models.satisfaction import PublicService, SurveyResponse
from app.models.metrics import Metric, MetricChange, MetricValue
from app.models.library import LibraryIndicator, LibraryResult
from app.models.notifications import Notification
from app.models.org import ActingAssignment, Employee, OrgUnit
from app.models.plans import Expectation, Indicator, IndicatorPeriodTarget, Plan, WorkResult
from app.models.reviews import AnnualEvaluation, Feedback, FeedbackPhrase, FollowUp, Objection
from app.models.settings import AppSettings
from app.models.values import CoreValue, CoreValueGuide
from app.models.years import AppraisalYear, OrgTarget, OrgYearResult, Period

__all__ = [
    "Absence", "ApiRequest", "ApiToken", "ActingAssignment", "Activity", "ActivityEvidence", "Attendance", "DayComment", "Holiday", "AnnualEvaluation", "AppSettings", "AppraisalYear", "Assessment", "AuditEvent", "Base",
    "Document", "ExportJob", "IssueJob", "Feedback", "FeedbackPhrase", "FollowUp", "Objection",
    "BehaviorReflection", "CoreValue", "Evidence", "Realization",
    "CoreValueGuide", "Employee", "Expectation", "Indicator", "IndicatorPeriodTarget",
    "LibraryIndicator", "LibraryResult", "LoginThrottle", "Notification", "OrgTarget", "OrgUnit", "OrgYearResult", "Period", "Plan",
    "Metric", "MetricChange", "MetricValue", "PublicService", "SurveyResponse", "TppBasis", "TppList", "User", "WorkResult", "admin_scope",
]
