"""TPP: productivity from the period's predikat, cuts for days away, and the issued list's
verification code and stored PDF.

Revision ID: 0023_tpp_rules
Revises: 0022_api_tokens
Create Date: 2026-12-08 01:20:00
"""
import secrets

import sqlalchemy as sa
from alembic import op


revision = '0023_tpp_rules'
down_revision = '0022_api_tokens'
branch_labels = None
depends_on = None

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PREDIKAT = "Sangat Baik:100; Baik:100; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40"
AWAY = "Cuti:0; Sakit:0; Izin:0; Tugas belajar:0"


def _code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def upgrade():
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tpp_productivity_source', sa.String(length=10), server_default='AKTIVITAS',
                                      nullable=False))
        batch_op.add_column(sa.Column('tpp_predikat_percents', sa.String(length=300), server_default=PREDIKAT,
                                      nullable=False))
        batch_op.add_column(sa.Column('tpp_away_rules', sa.String(length=300), server_default=AWAY, nullable=False))
    with op.batch_alter_table('tpp_list', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('stored_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('signed', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_unique_constraint(batch_op.f('uq_tpp_list_code'), ['code'])
    # Lists issued before this revision get their code now (printed on their next download).
    bind = op.get_bind()
    table = sa.table('tpp_list', sa.column('id', sa.Integer), sa.column('code', sa.String))
    for (list_id,) in bind.execute(sa.select(table.c.id).where(table.c.code.is_(None))).all():
        bind.execute(table.update().where(table.c.id == list_id).values(code=_code()))


def downgrade():
    with op.batch_alter_table('tpp_list', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_tpp_list_code'), type_='unique')
        batch_op.drop_column('signed')
        batch_op.drop_column('sha256')
        batch_op.drop_column('stored_name')
        batch_op.drop_column('code')
    with op.batch_alter_table('app_settings', schema=None) as batch_op:
        batch_op.drop_column('tpp_away_rules')
        batch_op.drop_column('tpp_predikat_percents')
        batch_op.drop_column('tpp_productivity_source')
