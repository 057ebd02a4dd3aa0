"""Notifications (what happened to me, reminders) and the choice of reminders by e-mail.

Revision ID: 0017_notifications
Revises: 0016_document_long_term
Create Date: 2026-12-07 20:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0017_notifications'
down_revision = '0016_document_long_term'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notification',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('key', sa.String(length=120), nullable=True),
        sa.Column('event_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('object_type', sa.String(length=40), nullable=True),
        sa.Column('object_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['audit_event.id'], name='fk_notification_event_id_audit_event',
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_notification_user_id_user_account',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_notification'),
        sa.UniqueConstraint('user_id', 'key', name='uq_notification_user_key'),
    )
    op.create_index('ix_notification_user_created', 'notification', ['user_id', 'created_at'])
    op.create_index('ix_notification_user_unread', 'notification', ['user_id', 'read_at'])
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder_email', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('reminder_email')
    op.drop_index('ix_notification_user_unread', table_name='notification')
    op.drop_index('ix_notification_user_created', table_name='notification')
    op.drop_table('notification')
