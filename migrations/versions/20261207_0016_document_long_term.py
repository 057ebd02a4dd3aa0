"""Documents: whether the signature's validation data is embedded (PAdES B-LT).

Revision ID: 0016_document_long_term
Revises: 0015_settings_bkpsdm_head
Create Date: 2026-12-07 19:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0016_document_long_term'
down_revision = '0015_settings_bkpsdm_head'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('long_term', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('long_term')
