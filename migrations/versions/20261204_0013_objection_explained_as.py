"""Keberatan: the post the tanggapan was written in (explained_as: "Plt. …", or the kepala daerah
recorded by the pengelola kinerja).

Revision ID: 0013_objection_explained_as
Revises: 0012_assessment_imported
Create Date: 2026-12-04 02:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013_objection_explained_as'
down_revision = '0012_assessment_imported'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('explained_as', sa.String(length=300), nullable=True))


def downgrade():
    with op.batch_alter_table('objection', schema=None) as batch_op:
        batch_op.drop_column('explained_as')
