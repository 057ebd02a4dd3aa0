"""Scale: an index for "the approved SKP of this pegawai this year" (the monitoring pages ask it
per pegawai; without it SQLite scans every SKP of the year for each one).

Revision ID: 0006_scale_indexes
Revises: 0005_documents
Create Date: 2026-11-23 08:30:00
"""
from alembic import op


revision = '0006_scale_indexes'
down_revision = '0005_documents'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index('ix_plan_employee_year_status', ['employee_id', 'year_id', 'status'], unique=False)


def downgrade():
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_employee_year_status')
