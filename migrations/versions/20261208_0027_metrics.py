"""Metrics kept per period (capaian from data), their values and the log of every change.

Revision ID: 0027_metrics
Revises: 0026_org_thresholds
Create Date: 2026-12-08 02:30:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0027_metrics'
down_revision = '0026_org_thresholds'
branch_labels = None
depends_on = None

# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")


def upgrade():
    op.create_table('metric',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('measure_unit', sa.String(length=50), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('source_token_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_metric_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_metric_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source_token_id'], ['api_token.id'], name=op.f('fk_metric_source_token_id_api_token'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_metric_unit_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric')),
    sa.UniqueConstraint('code', name=op.f('uq_metric_code'))
    )
    op.create_index('ix_metric_opd', 'metric', ['opd_id'], unique=False)
    op.create_table('metric_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('metric_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('value', EXACT_DECIMAL, nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_detail', sa.String(length=200), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['metric_id'], ['metric.id'], name=op.f('fk_metric_value_metric_id_metric'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_metric_value_period_id_period'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_metric_value_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_value')),
    sa.UniqueConstraint('metric_id', 'period_id', name='uq_metric_value_period')
    )
    op.create_table('metric_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('metric_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('before', EXACT_DECIMAL, nullable=True),
    sa.Column('after', EXACT_DECIMAL, nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_detail', sa.String(length=200), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('token_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['metric_id'], ['metric.id'], name=op.f('fk_metric_change_metric_id_metric'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_metric_change_period_id_period'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['token_id'], ['api_token.id'], name=op.f('fk_metric_change_token_id_api_token'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_metric_change_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_change'))
    )
    op.create_index('ix_metric_change_metric', 'metric_change', ['metric_id', 'at'], unique=False)


def downgrade():
    op.drop_index('ix_metric_change_metric', table_name='metric_change')
    op.drop_table('metric_change')
    op.drop_table('metric_value')
    op.drop_index('ix_metric_opd', table_name='metric')
    op.drop_table('metric')
