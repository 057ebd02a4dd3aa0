"""Survei Kepuasan Masyarakat: the layanan of a unit and the respondents' answers.

Revision ID: 0025_satisfaction
Revises: 0024_job_class
Create Date: 2026-12-08 02:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0025_satisfaction'
down_revision = '0024_job_class'
branch_labels = None
depends_on = None

ANSWERS = [f"q{n}" for n in range(1, 10)]


def upgrade():
    op.create_table('public_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('kiosk_key_sha256', sa.String(length=64), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("period_kind IN ('TRIWULAN', 'SEMESTER', 'TAHUN')", name=op.f('ck_public_service_period_kind_known')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_public_service_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_public_service_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_public_service_unit_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_public_service')),
    sa.UniqueConstraint('code', name=op.f('uq_public_service_code'))
    )
    op.create_index('ix_public_service_opd', 'public_service', ['opd_id'], unique=False)
    op.create_table('survey_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    *[sa.Column(q, sa.SmallInteger(), nullable=True) for q in ANSWERS],
    sa.Column('age_band', sa.String(length=10), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('education', sa.String(length=10), nullable=True),
    sa.Column('occupation', sa.String(length=20), nullable=True),
    sa.Column('suggestion', sa.Text(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('visit_sha256', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=True),
    sa.Column('set_aside_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('set_aside_by_id', sa.Integer(), nullable=True),
    sa.Column('set_aside_reason', sa.String(length=300), nullable=True),
    sa.Column('follow_up', sa.Text(), nullable=True),
    sa.Column('follow_up_by_id', sa.Integer(), nullable=True),
    sa.Column('follow_up_at', sa.DateTime(timezone=True), nullable=True),
    *[sa.CheckConstraint(f"{q} IS NULL OR {q} BETWEEN 1 AND 4", name=op.f(f'ck_survey_response_{q}_range')) for q in ANSWERS],
    sa.ForeignKeyConstraint(['follow_up_by_id'], ['user_account.id'], name=op.f('fk_survey_response_follow_up_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['service_id'], ['public_service.id'], name=op.f('fk_survey_response_service_id_public_service'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['set_aside_by_id'], ['user_account.id'], name=op.f('fk_survey_response_set_aside_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_response')),
    sa.UniqueConstraint('visit_sha256', name=op.f('uq_survey_response_visit_sha256'))
    )
    op.create_index('ix_survey_response_service_time', 'survey_response', ['service_id', 'submitted_at'], unique=False)
    op.create_index('ix_survey_response_source', 'survey_response', ['service_id', 'source', 'submitted_at'], unique=False)


def downgrade():
    op.drop_index('ix_survey_response_source', table_name='survey_response')
    op.drop_index('ix_survey_response_service_time', table_name='survey_response')
    op.drop_table('survey_response')
    op.drop_index('ix_public_service_opd', table_name='public_service')
    op.drop_table('public_service')
