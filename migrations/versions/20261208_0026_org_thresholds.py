"""The thresholds of the predikat kinerja organisasi Capaian suggests from the OPD's capaian.

Revision ID: 0026_org_thresholds
Revises: 0025_satisfaction
Create Date: 2026-12-08 02:20:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0026_org_thresholds'
down_revision = '0025_satisfaction'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('org_predikat_thresholds', sa.String(length=60), server_default='110; 90; 70; 50',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_column('org_predikat_thresholds')
