"""Review and annual evaluation: ratings and predikat on assessments, feedback and its phrases,
annual evaluations, keberatan, follow-up, and their settings.

Revision ID: 0004_reviews
Revises: 0003_assessments
Create Date: 2026-11-23 04:59:02.266359
"""
from alembic import op
import sqlalchemy as sa


# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")

revision = '0004_reviews'
down_revision = '0003_assessments'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('feedback_phrase',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.Enum('HASIL', 'PERILAKU', name='phrase_scope', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_phrase'))
    )
    op.create_table('annual_evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('DRAFT', 'HANDED_OVER', name='evaluation_status', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('capaian', EXACT_DECIMAL, nullable=True),
    sa.Column('suggested_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='suggested_rating', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('result_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='result_rating', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('result_rating_reason', sa.Text(), nullable=True),
    sa.Column('behavior_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='behavior_rating', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('predikat', sa.Enum('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', name='predikat', native_enum=False, create_constraint=True, length=23), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_as', sa.String(length=300), nullable=True),
    sa.Column('handed_over_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status <> 'HANDED_OVER' OR (handed_over_at IS NOT NULL AND predikat IS NOT NULL)", name=op.f('ck_annual_evaluation_handed_over_complete')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_annual_evaluation_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_annual_evaluation_plan_id_plan'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['user_account.id'], name=op.f('fk_annual_evaluation_reviewer_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_annual_evaluation_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_evaluation')),
    sa.UniqueConstraint('employee_id', 'year_id', name='uq_annual_evaluation_employee_year')
    )
    with op.batch_alter_table('annual_evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_annual_evaluation_year', ['year_id', 'status'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('target_key', sa.String(length=30), nullable=False),
    sa.Column('work_result_id', sa.Integer(), nullable=True),
    sa.Column('core_value_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(work_result_id IS NULL) <> (core_value_id IS NULL)', name=op.f('ck_feedback_one_target')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_feedback_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_feedback_author_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['core_value_id'], ['core_value.id'], name=op.f('fk_feedback_core_value_id_core_value'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['work_result_id'], ['work_result.id'], name=op.f('fk_feedback_work_result_id_work_result'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback')),
    sa.UniqueConstraint('assessment_id', 'target_key', name='uq_feedback_target')
    )
    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('RECOGNITION', 'DEVELOPMENT', name='follow_up_kind', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('programme', sa.Enum('PELATIHAN', 'COACHING', 'MENTORING', 'PENGHARGAAN', 'LAINNYA', name='programme', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_follow_up_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['evaluation_id'], ['annual_evaluation.id'], name=op.f('fk_follow_up_evaluation_id_annual_evaluation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    op.create_table('objection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('FILED', 'EXPLAINED', 'DECIDED', name='objection_status', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('filed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.Column('explained_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('explained_by_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Enum('CONFIRMED', 'CHANGED', name='objection_decision', native_enum=False, create_constraint=True, length=17), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('previous_result_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='previous_result_rating', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('previous_behavior_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='previous_behavior_rating', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('previous_predikat', sa.Enum('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', name='previous_predikat', native_enum=False, create_constraint=True, length=23), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_as', sa.String(length=300), nullable=True),
    sa.CheckConstraint("status <> 'DECIDED' OR (decided_at IS NOT NULL AND decision IS NOT NULL)", name=op.f('ck_objection_decided_complete')),
    sa.CheckConstraint("status <> 'EXPLAINED' OR explained_at IS NOT NULL", name=op.f('ck_objection_explained_has_time')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_objection_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['evaluation_id'], ['annual_evaluation.id'], name=op.f('fk_objection_evaluation_id_annual_evaluation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['explained_by_id'], ['user_account.id'], name=op.f('fk_objection_explained_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objection')),
    sa.UniqueConstraint('evaluation_id', name='uq_objection_evaluation')
    )
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rating_above', sa.Integer(), server_default='110', nullable=False))
        batch_op.add_column(sa.Column('rating_below', sa.Integer(), server_default='90', nullable=False))
        batch_op.add_column(sa.Column('curve_enforcement', sa.Enum('WARN', 'BLOCK', name='curve_enforcement', native_enum=False, create_constraint=True, length=13), server_default='WARN', nullable=False))
        batch_op.add_column(sa.Column('objection_days', sa.Integer(), server_default='14', nullable=False))
        batch_op.create_check_constraint(
            'rating_thresholds', 'rating_below > 0 AND rating_below < rating_above AND rating_above <= 200')
        batch_op.create_check_constraint('objection_days_range', 'objection_days BETWEEN 1 AND 90')

    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suggested_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='suggested_rating', native_enum=False, create_constraint=True, length=16), nullable=True))
        batch_op.add_column(sa.Column('result_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='result_rating', native_enum=False, create_constraint=True, length=16), nullable=True))
        batch_op.add_column(sa.Column('result_rating_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('behavior_rating', sa.Enum('DI_ATAS', 'SESUAI', 'DI_BAWAH', name='behavior_rating', native_enum=False, create_constraint=True, length=16), nullable=True))
        batch_op.add_column(sa.Column('predikat', sa.Enum('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', name='predikat', native_enum=False, create_constraint=True, length=23), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_as', sa.String(length=300), nullable=True))
        batch_op.create_check_constraint(
            'approved_is_reviewed', "status <> 'APPROVED' OR (reviewed_at IS NOT NULL AND predikat IS NOT NULL)")
        batch_op.create_foreign_key(batch_op.f('fk_assessment_reviewed_by_id_user_account'), 'user_account', ['reviewed_by_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_assessment_reviewed_by_id_user_account'), type_='foreignkey')
        for name in ('approved_is_reviewed', 'suggested_rating', 'result_rating', 'behavior_rating', 'predikat'):
            batch_op.drop_constraint(op.f(f'ck_assessment_{name}'), type_='check')
        batch_op.drop_column('reviewed_as')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('predikat')
        batch_op.drop_column('behavior_rating')
        batch_op.drop_column('result_rating_reason')
        batch_op.drop_column('result_rating')
        batch_op.drop_column('suggested_rating')

    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        for name in ('rating_thresholds', 'objection_days_range', 'curve_enforcement'):
            batch_op.drop_constraint(op.f(f'ck_app_settings_{name}'), type_='check')
        batch_op.drop_column('objection_days')
        batch_op.drop_column('curve_enforcement')
        batch_op.drop_column('rating_below')
        batch_op.drop_column('rating_above')

    op.drop_table('objection')
    op.drop_table('follow_up')
    op.drop_table('feedback')
    with op.batch_alter_table('annual_evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_annual_evaluation_year')

    op.drop_table('annual_evaluation')
    op.drop_table('feedback_phrase')
