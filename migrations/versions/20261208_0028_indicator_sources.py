"""IKI whose realisasi comes from data (a metric, or the IKM of a layanan), and where a
realisasi taken from such a source came from.

Revision ID: 0028_indicator_sources
Revises: 0027_metrics
Create Date: 2026-12-08 02:40:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0028_indicator_sources'
down_revision = '0027_metrics'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_metric_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_service_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_indicator_source_metric_id_metric'), 'metric',
                                    ['source_metric_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_indicator_source_service_id_public_service'), 'public_service',
                                    ['source_service_id'], ['id'], ondelete='SET NULL')
        batch_op.create_check_constraint('one_source', 'source_metric_id IS NULL OR source_service_id IS NULL')
        batch_op.create_index('ix_indicator_source_metric', ['source_metric_id'], unique=False)
    with op.batch_alter_table('realization', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_info', sa.String(length=300), nullable=True))


def downgrade():
    with op.batch_alter_table('realization', schema=None) as batch_op:
        batch_op.drop_column('source_info')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index('ix_indicator_source_metric')
        batch_op.drop_constraint(op.f('ck_indicator_one_source'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_indicator_source_service_id_public_service'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_indicator_source_metric_id_metric'), type_='foreignkey')
        batch_op.drop_column('source_service_id')
        batch_op.drop_column('source_metric_id')
