"""Documents: issued PDFs with verification codes and hashes, and batch export jobs.

Revision ID: 0005_documents
Revises: 0004_reviews
Create Date: 2026-11-23 05:45:02.332350
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_documents'
down_revision = '0004_reviews'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('export_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('SKP', 'EVALUASI', 'DOKUMEN_EVALUASI', 'REKAP', name='document_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('status', sa.Enum('QUEUED', 'RUNNING', 'DONE', 'FAILED', name='job_status', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('stored_name', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_export_job_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_export_job_period_id_period'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'], name=op.f('fk_export_job_requested_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_export_job_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_job'))
    )
    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('SKP', 'EVALUASI', 'DOKUMEN_EVALUASI', 'REKAP', name='document_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('opd_id', sa.Integer(), nullable=True),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('evaluation_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('predikat', sa.String(length=40), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('stored_name', sa.String(length=80), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('signed', sa.Boolean(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('version >= 1', name=op.f('ck_document_version_positive')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_document_assessment_id_assessment'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_document_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['evaluation_id'], ['annual_evaluation.id'], name=op.f('fk_document_evaluation_id_annual_evaluation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_document_issued_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_document_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_document_period_id_period'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_document_plan_id_plan'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['supersedes_id'], ['document.id'], name=op.f('fk_document_supersedes_id_document'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_document_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('code', name=op.f('uq_document_code')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_document_stored_name'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index('ix_document_opd', ['opd_id', 'year_id', 'kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_sha256'), ['sha256'], unique=False)
        batch_op.create_index('ix_document_subject', ['kind', 'employee_id', 'year_id', 'period_id'], unique=False)



def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index('ix_document_subject')
        batch_op.drop_index(batch_op.f('ix_document_sha256'))
        batch_op.drop_index('ix_document_opd')

    op.drop_table('document')
    op.drop_table('export_job')
