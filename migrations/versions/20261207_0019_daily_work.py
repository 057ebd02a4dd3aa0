"""Kinerja harian: the kabupaten's holidays, the pegawai's days away, activities with their bukti
dukung, comments on a day, and the settings of the daily work.

Revision ID: 0019_daily_work
Revises: 0018_issue_job
Create Date: 2026-12-07 22:13:29
"""
import sqlalchemy as sa
from alembic import op

# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")


revision = '0019_daily_work'
down_revision = '0018_issue_job'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('CUTI', 'SAKIT', 'IZIN', 'DINAS_LUAR', 'TUGAS_BELAJAR', name='absence_kind', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_absence_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_absence_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence')),
    sa.UniqueConstraint('employee_id', 'day', name='uq_absence_employee_day')
    )
    op.create_table('day_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author_as', sa.String(length=300), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_day_comment_author_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_day_comment_employee_id_employee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_comment'))
    )
    with op.batch_alter_table('day_comment', schema=None) as batch_op:
        batch_op.create_index('ix_day_comment_employee_day', ['employee_id', 'day'], unique=False)

    op.create_table('holiday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH', name='holiday_kind', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_holiday_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday')),
    sa.UniqueConstraint('day', name=op.f('uq_holiday_day'))
    )
    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('end_time', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.Enum('RHK', 'TAMBAHAN', 'LAINNYA', name='activity_category', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('work_result_id', sa.Integer(), nullable=True),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('output_quantity', EXACT_DECIMAL, nullable=True),
    sa.Column('output_unit', sa.String(length=50), nullable=True),
    sa.Column('status', sa.Enum('MENUNGGU', 'DITERIMA', 'DIKEMBALIKAN', name='activity_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('verified_by_id', sa.Integer(), nullable=True),
    sa.Column('verified_as', sa.String(length=300), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("category <> 'RHK' OR work_result_id IS NOT NULL", name=op.f('ck_activity_rhk_is_named')),
    sa.CheckConstraint('end_time > start_time', name=op.f('ck_activity_ends_after_start')),
    sa.CheckConstraint('minutes > 0 AND minutes <= 1440', name=op.f('ck_activity_minutes_in_a_day')),
    sa.CheckConstraint('output_quantity IS NULL OR output_unit IS NOT NULL', name=op.f('ck_activity_quantity_has_unit')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_activity_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_activity_indicator_id_indicator'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['verified_by_id'], ['user_account.id'], name=op.f('fk_activity_verified_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['work_result_id'], ['work_result.id'], name=op.f('fk_activity_work_result_id_work_result'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_employee_day', ['employee_id', 'day'], unique=False)
        batch_op.create_index('ix_activity_result', ['work_result_id'], unique=False)
        batch_op.create_index('ix_activity_status_day', ['status', 'day'], unique=False)

    op.create_table('activity_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('FILE', 'LINK', name='evidence_kind', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('original_name', sa.String(length=255), nullable=True),
    sa.Column('stored_name', sa.String(length=80), nullable=True),
    sa.Column('mime', sa.String(length=100), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind <> 'FILE' OR stored_name IS NOT NULL", name=op.f('ck_activity_evidence_file_is_stored')),
    sa.CheckConstraint("kind <> 'LINK' OR url IS NOT NULL", name=op.f('ck_activity_evidence_link_has_url')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_evidence_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_activity_evidence_uploaded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_evidence')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_activity_evidence_stored_name'))
    )
    with op.batch_alter_table('activity_evidence', schema=None) as batch_op:
        batch_op.create_index('ix_activity_evidence_activity', ['activity_id'], unique=False)

    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day_minutes', sa.Integer(), server_default='450', nullable=False))
        batch_op.add_column(sa.Column('day_limit_minutes', sa.Integer(), server_default='720', nullable=False))
        batch_op.add_column(sa.Column('entry_days', sa.Integer(), server_default='5', nullable=False))
        batch_op.add_column(sa.Column('verify_days', sa.Integer(), server_default='5', nullable=False))
        batch_op.add_column(sa.Column('unverified_accepted', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.create_check_constraint(
            'day_minutes_range', 'day_minutes BETWEEN 60 AND 720 AND day_limit_minutes BETWEEN day_minutes AND 1440')
        batch_op.create_check_constraint(
            'daily_days_range', 'entry_days BETWEEN 0 AND 30 AND verify_days BETWEEN 1 AND 30')



def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        for name in ('daily_days_range', 'day_minutes_range'):
            batch_op.drop_constraint(op.f(f'ck_app_settings_{name}'), type_='check')
        batch_op.drop_column('unverified_accepted')
        batch_op.drop_column('verify_days')
        batch_op.drop_column('entry_days')
        batch_op.drop_column('day_limit_minutes')
        batch_op.drop_column('day_minutes')

    with op.batch_alter_table('activity_evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_evidence_activity')

    op.drop_table('activity_evidence')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index('ix_activity_status_day')
        batch_op.drop_index('ix_activity_result')
        batch_op.drop_index('ix_activity_employee_day')

    op.drop_table('activity')
    op.drop_table('holiday')
    with op.batch_alter_table('day_comment', schema=None) as batch_op:
        batch_op.drop_index('ix_day_comment_employee_day')

    op.drop_table('day_comment')
    op.drop_table('absence')
