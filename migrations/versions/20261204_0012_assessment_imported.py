"""Assessments: a period result imported from before Capaian, with its source (imported_from).

Revision ID: 0012_assessment_imported
Revises: 0011_plan_start_date
Create Date: 2026-12-04 02:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012_assessment_imported'
down_revision = '0011_plan_start_date'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('imported_from', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('imported_from')
