"""The pegawai's kelas jabatan (1–17): the basis of the TPP where the Perkada sets it per kelas.

Revision ID: 0024_job_class
Revises: 0023_tpp_rules
Create Date: 2026-12-08 01:40:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0024_job_class'
down_revision = '0023_tpp_rules'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.add_column(sa.Column('job_class', sa.SmallInteger(), nullable=True))
        batch_op.create_check_constraint('job_class_range', 'job_class IS NULL OR job_class BETWEEN 1 AND 17')


def downgrade():
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_employee_job_class_range'), type_='check')
        batch_op.drop_column('job_class')
