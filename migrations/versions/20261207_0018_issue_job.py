"""Documents issued in the background: the job the issuing page follows until its PDF is ready.

Revision ID: 0018_issue_job
Revises: 0017_notifications
Create Date: 2026-12-07 22:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0018_issue_job'
down_revision = '0017_notifications'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'issue_job',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('SKP', 'EVALUASI', 'DOKUMEN_EVALUASI', 'REKAP', name='document_kind',
                                  native_enum=False, create_constraint=True, length=24), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=True),
        sa.Column('opd_id', sa.Integer(), nullable=True),
        sa.Column('year_id', sa.Integer(), nullable=True),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.Enum('QUEUED', 'RUNNING', 'DONE', 'FAILED', name='job_status', native_enum=False,
                                    create_constraint=True, length=15), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=True),
        sa.Column('message', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['document.id'], name='fk_issue_job_document_id_document',
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name='fk_issue_job_opd_id_org_unit', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'],
                                name='fk_issue_job_requested_by_id_user_account', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name='fk_issue_job_year_id_appraisal_year',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_issue_job'),
    )
    op.create_index('ix_issue_job_subject', 'issue_job', ['kind', 'source', 'source_id', 'status'])


def downgrade():
    op.drop_index('ix_issue_job_subject', table_name='issue_job')
    op.drop_table('issue_job')
