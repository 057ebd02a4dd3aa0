"""Keberatan: the OPD's curve as the decision left it (curve_note).

Revision ID: 0010_objection_curve
Revises: 0009_period_extension
Create Date: 2026-12-04 02:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010_objection_curve'
down_revision = '0009_period_extension'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('curve_note', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.drop_column('curve_note')
