"""Foundation: org units, employees, accounts, acting assignments, audit events, settings.

Revision ID: 0001_foundation
Revises: (none)
Create Date: 2026-11-23 03:11:49.225036
"""
from alembic import op
import sqlalchemy as sa


revision = '0001_foundation'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('app_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_name', sa.String(length=200), nullable=False),
    sa.Column('document_place', sa.String(length=100), nullable=False),
    sa.Column('head_title', sa.String(length=200), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('paper_size', sa.Enum('A4', 'F4', name='paper_size', native_enum=False, create_constraint=True, length=10), nullable=False),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_mime', sa.String(length=40), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_app_settings_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_settings'))
    )
    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('opd_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('PEMDA', 'OPD', 'SEKRETARIAT', 'BIDANG', 'BAGIAN', 'SEKSI', 'SUBBAGIAN', 'UPTD', 'UNIT', name='org_unit_kind', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_org_unit_not_own_parent')),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_org_unit_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('parent_id', 'name', name='uq_org_unit_parent_name')
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index('ix_org_unit_opd_id', ['opd_id'], unique=False)

    op.create_table('employee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('PNS', 'PPPK', name='employment_status', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('grade_code', sa.String(length=8), nullable=True),
    sa.Column('position', sa.String(length=250), nullable=False),
    sa.Column('position_kind', sa.Enum('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL', name='position_kind', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=True),
    sa.Column('external_assessor_name', sa.String(length=200), nullable=True),
    sa.Column('external_assessor_title', sa.String(length=200), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('tmt', sa.Date(), nullable=False),
    sa.Column('gender', sa.Enum('LAKI_LAKI', 'PEREMPUAN', name='gender', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('assessor_id IS NULL OR assessor_id <> id', name=op.f('ck_employee_not_own_assessor')),
    sa.CheckConstraint('assessor_id IS NULL OR external_assessor_name IS NULL', name=op.f('ck_employee_one_assessor')),
    sa.CheckConstraint('length(nip) = 18', name=op.f('ck_employee_nip_length')),
    sa.ForeignKeyConstraint(['assessor_id'], ['employee.id'], name=op.f('fk_employee_assessor_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_employee_unit_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employee')),
    sa.UniqueConstraint('nip', name=op.f('uq_employee_nip'))
    )
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.create_index('ix_employee_assessor_id', ['assessor_id'], unique=False)
        batch_op.create_index('ix_employee_name', ['name'], unique=False)
        batch_op.create_index('ix_employee_unit_id', ['unit_id'], unique=False)

    op.create_table('acting_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('PLT', 'PLH', name='acting_kind', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('acting_employee_id', sa.Integer(), nullable=False),
    sa.Column('replaced_employee_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.String(length=250), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('decree', sa.String(length=150), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_acting_assignment_dates_ordered')),
    sa.CheckConstraint('replaced_employee_id IS NULL OR replaced_employee_id <> acting_employee_id', name=op.f('ck_acting_assignment_not_self')),
    sa.ForeignKeyConstraint(['acting_employee_id'], ['employee.id'], name=op.f('fk_acting_assignment_acting_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['replaced_employee_id'], ['employee.id'], name=op.f('fk_acting_assignment_replaced_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_acting_assignment_unit_id_org_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acting_assignment'))
    )
    with op.batch_alter_table('acting_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_acting_assignment_acting', ['acting_employee_id', 'start_date'], unique=False)
        batch_op.create_index('ix_acting_assignment_replaced', ['replaced_employee_id', 'start_date'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('display_name', sa.String(length=200), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('role', sa.Enum('PEGAWAI', 'ADMIN', 'SUPERADMIN', name='role', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_login_count', sa.Integer(), nullable=False),
    sa.Column('failed_login_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('session_token', sa.String(length=32), nullable=False),
    sa.Column('activation_code_hash', sa.String(length=64), nullable=True),
    sa.Column('activation_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_user_account_employee_id_employee'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('activation_code_hash', name=op.f('uq_user_account_activation_code_hash')),
    sa.UniqueConstraint('employee_id', name=op.f('uq_user_account_employee_id')),
    sa.UniqueConstraint('nip', name=op.f('uq_user_account_nip'))
    )
    op.create_table('admin_scope',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_admin_scope_org_unit_id_org_unit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_admin_scope_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'org_unit_id', name=op.f('pk_admin_scope'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_user_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=250), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('opd_id', sa.Integer(), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.ForeignKeyConstraint(['actor_user_id'], ['user_account.id'], name=op.f('fk_audit_event_actor_user_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_audit_event_opd_id_org_unit'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_action', ['action', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_event_actor', ['actor_user_id', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_event_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_audit_event_object', ['object_type', 'object_id'], unique=False)
        batch_op.create_index('ix_audit_event_opd', ['opd_id', 'created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_opd')
        batch_op.drop_index('ix_audit_event_object')
        batch_op.drop_index('ix_audit_event_created_at')
        batch_op.drop_index('ix_audit_event_actor')
        batch_op.drop_index('ix_audit_event_action')

    op.drop_table('audit_event')
    op.drop_table('admin_scope')
    op.drop_table('user_account')
    with op.batch_alter_table('acting_assignment', schema=None) as batch_op:
        batch_op.drop_index('ix_acting_assignment_replaced')
        batch_op.drop_index('ix_acting_assignment_acting')

    op.drop_table('acting_assignment')
    with op.batch_alter_table('employee', schema=None) as batch_op:
        batch_op.drop_index('ix_employee_unit_id')
        batch_op.drop_index('ix_employee_name')
        batch_op.drop_index('ix_employee_assessor_id')

    op.drop_table('employee')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index('ix_org_unit_opd_id')

    op.drop_table('org_unit')
    op.drop_table('app_settings')
