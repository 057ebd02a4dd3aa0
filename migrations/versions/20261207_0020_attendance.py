"""Presensi: each pegawai's day from the attendance system, and the office hours it is measured by.

Revision ID: 0020_attendance
Revises: 0019_daily_work
Create Date: 2026-12-07 22:55:52
"""
import sqlalchemy as sa
from alembic import op


revision = '0020_attendance'
down_revision = '0019_daily_work'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('HADIR', 'TANPA_KETERANGAN', name='attendance_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('check_in', sa.Time(), nullable=True),
    sa.Column('check_out', sa.Time(), nullable=True),
    sa.Column('late_minutes', sa.Integer(), nullable=False),
    sa.Column('early_minutes', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('late_minutes >= 0 AND early_minutes >= 0', name=op.f('ck_attendance_minutes_not_negative')),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_attendance_employee_id_employee'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_attendance_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('employee_id', 'day', name='uq_attendance_employee_day')
    )
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_start', sa.Time(), server_default='07:30:00', nullable=False))
        batch_op.add_column(sa.Column('work_end', sa.Time(), server_default='16:00:00', nullable=False))
        batch_op.add_column(sa.Column('friday_end', sa.Time(), server_default='16:30:00', nullable=False))



def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_column('friday_end')
        batch_op.drop_column('work_end')
        batch_op.drop_column('work_start')

    op.drop_table('attendance')
