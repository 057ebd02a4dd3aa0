"""Periods: a deadline extended past the usual limit keeps its reason and when it was set
(a year adopted late, RULES.md §10).

Revision ID: 0009_period_extension
Revises: 0008_login_throttle
Create Date: 2026-12-04 02:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009_period_extension'
down_revision = '0008_login_throttle'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('period', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extension_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('extended_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('period', schema=None) as batch_op:
        batch_op.drop_column('extended_at')
        batch_op.drop_column('extension_reason')
