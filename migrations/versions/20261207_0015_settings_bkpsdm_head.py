"""Settings: the Kepala BKPSDM who signs the Rekap predikat (jabatan, name, NIP).

Revision ID: 0015_settings_bkpsdm_head
Revises: 0014_document_timestamped
Create Date: 2026-12-07 17:45:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0015_settings_bkpsdm_head'
down_revision = '0014_document_timestamped'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bkpsdm_title', sa.String(length=200), nullable=False,
                                      server_default='Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'))
        batch_op.add_column(sa.Column('bkpsdm_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('bkpsdm_nip', sa.String(length=18), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_column('bkpsdm_nip')
        batch_op.drop_column('bkpsdm_name')
        batch_op.drop_column('bkpsdm_title')
