"""Documents: whether the signature carries an RFC 3161 timestamp of a TSA (PAdES B-T).

Revision ID: 0014_document_timestamped
Revises: 0013_objection_explained_as
Create Date: 2026-12-07 17:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014_document_timestamped'
down_revision = '0013_objection_explained_as'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timestamped', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('timestamped')
