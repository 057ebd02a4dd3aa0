"""Periodic self-assessment: assessments, realisasi, bukti dukung, perilaku reflections, and the
late-submission setting.

Revision ID: 0003_assessments
Revises: 0002_skp_planning
Create Date: 2026-11-23 04:52:57.075822
"""
from alembic import op
import sqlalchemy as sa


# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")

revision = '0003_assessments'
down_revision = '0002_skp_planning'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', name='assessment_status', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('extended_until', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status <> 'RETURNED' OR return_reason IS NOT NULL", name=op.f('ck_assessment_returned_has_reason')),
    sa.CheckConstraint("status NOT IN ('SUBMITTED', 'APPROVED') OR submitted_at IS NOT NULL", name=op.f('ck_assessment_submitted_has_time')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_assessment_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_assessment_period_id_period'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_assessment_plan_id_plan'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('employee_id', 'period_id', name='uq_assessment_employee_period')
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_period_status', ['period_id', 'status'], unique=False)
        batch_op.create_index('ix_assessment_plan', ['plan_id'], unique=False)

    op.create_table('behavior_reflection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('core_value_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_behavior_reflection_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['core_value_id'], ['core_value.id'], name=op.f('fk_behavior_reflection_core_value_id_core_value'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_behavior_reflection')),
    sa.UniqueConstraint('assessment_id', 'core_value_id', name='uq_reflection_value')
    )
    op.create_table('realization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('value', EXACT_DECIMAL, nullable=True),
    sa.Column('narrative', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('capaian', EXACT_DECIMAL, nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_realization_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_realization_indicator_id_indicator'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_realization')),
    sa.UniqueConstraint('assessment_id', 'indicator_id', name='uq_realization_indicator')
    )
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('realization_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('FILE', 'LINK', name='evidence_kind', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('original_name', sa.String(length=255), nullable=True),
    sa.Column('stored_name', sa.String(length=80), nullable=True),
    sa.Column('mime', sa.String(length=100), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind <> 'FILE' OR stored_name IS NOT NULL", name=op.f('ck_evidence_file_is_stored')),
    sa.CheckConstraint("kind <> 'LINK' OR url IS NOT NULL", name=op.f('ck_evidence_link_has_url')),
    sa.ForeignKeyConstraint(['realization_id'], ['realization.id'], name=op.f('fk_evidence_realization_id_realization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_evidence_uploaded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_evidence_stored_name'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_realization', ['realization_id'], unique=False)

    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('late_submission', sa.Enum('ALLOW_MARKED', 'REFUSE', name='late_policy', native_enum=False, create_constraint=True, length=20), server_default='ALLOW_MARKED', nullable=False))



def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_app_settings_late_policy'), type_='check')
        batch_op.drop_column('late_submission')

    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_realization')

    op.drop_table('evidence')
    op.drop_table('realization')
    op.drop_table('behavior_reflection')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_plan')
        batch_op.drop_index('ix_assessment_period_status')

    op.drop_table('assessment')
