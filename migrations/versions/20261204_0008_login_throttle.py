"""Login protection per NIP and client address (login_throttle): a delay for the address that
fails, and an account lock only past a higher count, not for the owner's known addresses.

Revision ID: 0008_login_throttle
Revises: 0007_document_current
Create Date: 2026-12-04 01:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008_login_throttle'
down_revision = '0007_document_current'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'login_throttle',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('nip', sa.String(length=32), nullable=False),
        sa.Column('address', sa.String(length=45), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('window_start', sa.DateTime(timezone=True), nullable=True),
        sa.Column('delayed_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_login_throttle')),
        sa.UniqueConstraint('nip', 'address', name='uq_login_throttle_nip_address'),
    )
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.create_index('ix_login_throttle_last_failure', ['last_failure_at'], unique=False)


def downgrade():
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.drop_index('ix_login_throttle_last_failure')
    op.drop_table('login_throttle')
