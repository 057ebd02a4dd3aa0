"""The monthly TPP: the nominal per jabatan, the issued monthly lists, and the Perkada's weights and
deductions in the settings.

Revision ID: 0021_tpp
Revises: 0020_attendance
Create Date: 2026-12-07 22:57:57
"""
import sqlalchemy as sa
from alembic import op

# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")


revision = '0021_tpp'
down_revision = '0020_attendance'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('tpp_basis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=250), nullable=False),
    sa.Column('position', sa.String(length=250), nullable=False),
    sa.Column('amount', EXACT_DECIMAL, nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_tpp_basis_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tpp_basis')),
    sa.UniqueConstraint('key', name=op.f('uq_tpp_basis_key'))
    )
    op.create_table('tpp_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('total', EXACT_DECIMAL, nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('month BETWEEN 1 AND 12 AND version >= 1', name=op.f('ck_tpp_list_month_and_version')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_tpp_list_issued_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_tpp_list_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tpp_list')),
    sa.UniqueConstraint('opd_id', 'year', 'month', 'version', name='uq_tpp_list_version')
    )
    with op.batch_alter_table('tpp_list', schema=None) as batch_op:
        batch_op.create_index('ix_tpp_list_opd_month', ['opd_id', 'year', 'month'], unique=False)

    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tpp_productivity_weight', sa.Integer(), server_default='60', nullable=False))
        batch_op.add_column(sa.Column('tpp_absent_percent', sa.String(length=10), server_default='3', nullable=False))
        batch_op.add_column(sa.Column('tpp_late_bands', sa.String(length=300), server_default='1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5', nullable=False))
        batch_op.add_column(sa.Column('tpp_early_bands', sa.String(length=300), server_default='1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5', nullable=False))



def downgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_column('tpp_early_bands')
        batch_op.drop_column('tpp_late_bands')
        batch_op.drop_column('tpp_absent_percent')
        batch_op.drop_column('tpp_productivity_weight')

    with op.batch_alter_table('tpp_list', schema=None) as batch_op:
        batch_op.drop_index('ix_tpp_list_opd_month')

    op.drop_table('tpp_list')
    op.drop_table('tpp_basis')
