"""Issued documents (PDF) with their verification code and hash, and batch export jobs."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.enums import DocumentKind, JobStatus
from app.models.accounts import User
from app.models.base import Base, UTCDateTime, str_enum, utcnow
from app.models.org import Employee, OrgUnit
from app.models.years import AppraisalYear, Period


_CURRENT = "superseded_at IS NULL"


class Document(Base):
    """One issued PDF. Re-issuing after a change makes a new version; the old one is marked
    superseded and never altered. The verification page finds it by `code`."""

    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_document_subject", "kind", "employee_id", "year_id", "period_id"),
        Index("ix_document_opd", "opd_id", "year_id", "kind"),
        # One current (not superseded) document per subject: two requests issuing the first
        # version of the same document at once cannot both succeed.
        Index("uq_document_current_plan", "plan_id", unique=True,
              postgresql_where=text(_CURRENT + " AND plan_id IS NOT NULL"),
              sqlite_where=text(_CURRENT + " AND plan_id IS NOT NULL")),
        Index("uq_document_current_assessment", "assessment_id", unique=True,
              postgresql_where=text(_CURRENT + " AND assessment_id IS NOT NULL"),
              sqlite_where=text(_CURRENT + " AND assessment_id IS NOT NULL")),
        Index("uq_document_current_evaluation", "kind", "evaluation_id", unique=True,
              postgresql_where=text(_CURRENT + " AND evaluation_id IS NOT NULL"),
              sqlite_where=text(_CURRENT + " AND evaluation_id IS NOT NULL")),
        Index("uq_document_current_rekap", "opd_id", "year_id", unique=True,
              postgresql_where=text(_CURRENT + " AND kind = 'REKAP'"),
              sqlite_where=text(_CURRENT + " AND kind = 'REKAP'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, "document_kind"))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="RESTRICT"))
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    period_id: Mapped[int | None] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    # What it was made from (one of them, by kind).
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="RESTRICT"))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id", ondelete="RESTRICT"))
    evaluation_id: Mapped[int | None] = mapped_column(ForeignKey("annual_evaluation.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"))
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(String(300))
    predikat: Mapped[str | None] = mapped_column(String(40))  # as printed, for the verification page
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)  # the plain data the PDF was rendered from
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)  # PAdES signature embedded
    # the signature carries a TSA's RFC 3161 timestamp (PAdES B-T)
    timestamped: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # and the validation data of its certificates is embedded (PAdES B-LT)
    long_term: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    employee: Mapped[Employee | None] = relationship()
    opd: Mapped[OrgUnit | None] = relationship()
    year: Mapped[AppraisalYear] = relationship()
    period: Mapped[Period | None] = relationship()
    supersedes: Mapped[Document | None] = relationship(remote_side="Document.id")
    issued_by: Mapped[User | None] = relationship()

    @property
    def current(self) -> bool:
        return self.superseded_at is None


class ExportJob(Base):
    """A batch export (all documents of an OPD and period as one ZIP), built in the background
    so that nobody waits; the page polls its progress."""

    __tablename__ = "export_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    opd_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"))
    year_id: Mapped[int] = mapped_column(ForeignKey("appraisal_year.id", ondelete="RESTRICT"))
    period_id: Mapped[int | None] = mapped_column(ForeignKey("period.id", ondelete="RESTRICT"))
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, "document_kind"))
    status: Mapped[JobStatus] = mapped_column(str_enum(JobStatus, "job_status"), default=JobStatus.QUEUED)
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    stored_name: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    requested_by: Mapped[User | None] = relationship()
    opd: Mapped[OrgUnit] = relationship()
    year: Mapped[AppraisalYear] = relationship()
    period: Mapped[Period | None] = relationship()


class IssueJob(Base):
    """One document being issued in the background (WeasyPrint takes a second or more): the page
    that asked for it refreshes itself until `document` is set, then downloads it. `source` names
    what the document is made from: "plan", "assessment", "evaluation" (source_id) or "recap"
    (opd_id and year_id)."""

    __tablename__ = "issue_job"
    __table_args__ = (Index("ix_issue_job_subject", "kind", "source", "source_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind, "document_kind"))
    source: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[int | None] = mapped_column(Integer)
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"))
    year_id: Mapped[int | None] = mapped_column(ForeignKey("appraisal_year.id", ondelete="CASCADE"))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    status: Mapped[JobStatus] = mapped_column(str_enum(JobStatus, "job_status"), default=JobStatus.QUEUED)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    requested_by: Mapped[User | None] = relationship()
    document: Mapped[Document | None] = relationship()
