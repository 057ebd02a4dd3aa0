"""SKP planning: appraisal years and periods, organisation targets and predikat, the indicator
library, plans with RHK and IKI, BerAKHLAK core values (seeded) and expectations.

Revision ID: 0002_skp_planning
Revises: 0001_foundation
Create Date: 2026-11-23 03:45:04.893612
"""
from alembic import op
import sqlalchemy as sa


# Exact decimals: NUMERIC on PostgreSQL, text on SQLite (see app.models.base.ExactDecimal).
EXACT_DECIMAL = sa.Numeric(18, 4).with_variant(sa.String(40), "sqlite")

# The seven BerAKHLAK core values and their official behaviour guides (PermenPANRB 6/2022).
CORE_VALUES = [
    ("BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("AKUNTABEL", "Akuntabel", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("KOMPETEN", "Kompeten", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("HARMONIS", "Harmonis", [
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("LOYAL", "Loyal", [
        "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, "
        "setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("ADAPTIF", "Adaptif", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("KOLABORATIF", "Kolaboratif", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
    ]),
]

revision = '0002_skp_planning'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('appraisal_year',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.Enum('BULANAN', 'TRIWULANAN', 'SEMESTERAN', name='period_scheme', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('year BETWEEN 2000 AND 2100', name=op.f('ck_appraisal_year_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appraisal_year')),
    sa.UniqueConstraint('year', name=op.f('uq_appraisal_year_year'))
    )
    op.create_table('core_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_value')),
    sa.UniqueConstraint('code', name=op.f('uq_core_value_code')),
    sa.UniqueConstraint('position', name=op.f('uq_core_value_position'))
    )
    op.create_table('library_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_name', sa.String(length=250), nullable=False),
    sa.Column('position_key', sa.String(length=250), nullable=False),
    sa.Column('kind', sa.Enum('UTAMA', 'TAMBAHAN', name='result_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_library_result'))
    )
    with op.batch_alter_table('library_result', schema=None) as batch_op:
        batch_op.create_index('ix_library_result_position', ['position_key', 'kind', 'sort_order'], unique=False)

    op.create_table('core_value_guide',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['value_id'], ['core_value.id'], name=op.f('fk_core_value_guide_value_id_core_value'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_core_value_guide')),
    sa.UniqueConstraint('value_id', 'position', name='uq_core_value_guide_position')
    )
    op.create_table('library_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('aspect', sa.Enum('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA', name='aspect', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('target_value', EXACT_DECIMAL, nullable=True),
    sa.Column('target_high', EXACT_DECIMAL, nullable=True),
    sa.Column('unit', sa.String(length=50), nullable=True),
    sa.Column('direction', sa.Enum('HIGHER', 'LOWER', 'RANGE', name='direction', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['result_id'], ['library_result.id'], name=op.f('fk_library_indicator_result_id_library_result'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_library_indicator'))
    )
    op.create_table('org_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('target_value', EXACT_DECIMAL, nullable=True),
    sa.Column('unit', sa.String(length=50), nullable=False),
    sa.Column('realization', EXACT_DECIMAL, nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_org_target_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_org_target_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_target'))
    )
    with op.batch_alter_table('org_target', schema=None) as batch_op:
        batch_op.create_index('ix_org_target_opd_year', ['opd_id', 'year_id', 'position'], unique=False)

    op.create_table('org_year_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('predikat', sa.Enum('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', name='org_predikat', native_enum=False, create_constraint=True, length=23), nullable=True),
    sa.Column('capaian', EXACT_DECIMAL, nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['opd_id'], ['org_unit.id'], name=op.f('fk_org_year_result_opd_id_org_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_org_year_result_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_year_result')),
    sa.UniqueConstraint('opd_id', 'year_id', name='uq_org_year_result_opd_year')
    )
    op.create_table('period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('BULAN', 'TRIWULAN', 'SEMESTER', 'AKHIR', name='period_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('submission_deadline', sa.Date(), nullable=False),
    sa.Column('review_deadline', sa.Date(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_period_dates_ordered')),
    sa.CheckConstraint('is_open OR closed_at IS NOT NULL', name=op.f('ck_period_closed_has_time')),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_period_year_id_appraisal_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period')),
    sa.UniqueConstraint('year_id', 'number', name='uq_period_year_number')
    )
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'SUPERSEDED', name='plan_status', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('approach', sa.Enum('KUANTITATIF', 'KUALITATIF', name='approach', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('is_jpt', sa.Boolean(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('change_reason', sa.Text(), nullable=True),
    sa.Column('resources', sa.Text(), nullable=False),
    sa.Column('accountability', sa.Text(), nullable=False),
    sa.Column('consequences', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_as', sa.String(length=300), nullable=True),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status <> 'RETURNED' OR return_reason IS NOT NULL", name=op.f('ck_plan_returned_has_reason')),
    sa.CheckConstraint("status <> 'SUBMITTED' OR submitted_at IS NOT NULL", name=op.f('ck_plan_submitted_has_time')),
    sa.CheckConstraint("status NOT IN ('APPROVED', 'SUPERSEDED') OR approved_at IS NOT NULL", name=op.f('ck_plan_approved_has_time')),
    sa.CheckConstraint('version = 1 OR change_reason IS NOT NULL', name=op.f('ck_plan_revision_has_reason')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_plan_version_positive')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user_account.id'], name=op.f('fk_plan_approved_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], name=op.f('fk_plan_employee_id_employee'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['previous_id'], ['plan.id'], name=op.f('fk_plan_previous_id_plan'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['year_id'], ['appraisal_year.id'], name=op.f('fk_plan_year_id_appraisal_year'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
    sa.UniqueConstraint('employee_id', 'year_id', 'version', name='uq_plan_employee_year_version')
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index('ix_plan_year_status', ['year_id', 'status'], unique=False)
        batch_op.create_index('uq_plan_one_open_version', ['employee_id', 'year_id'], unique=True, postgresql_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'RETURNED')"), sqlite_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'RETURNED')"))

    op.create_table('expectation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('core_value_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['core_value_id'], ['core_value.id'], name=op.f('fk_expectation_core_value_id_core_value'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_expectation_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], name=op.f('fk_expectation_updated_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expectation')),
    sa.UniqueConstraint('plan_id', 'core_value_id', name='uq_expectation_plan_value')
    )
    op.create_table('work_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('UTAMA', 'TAMBAHAN', name='result_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('org_target_id', sa.Integer(), nullable=True),
    sa.Column('assigned_by', sa.String(length=250), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('origin_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_work_result_not_own_parent')),
    sa.ForeignKeyConstraint(['org_target_id'], ['org_target.id'], name=op.f('fk_work_result_org_target_id_org_target'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['origin_id'], ['work_result.id'], name=op.f('fk_work_result_origin_id_work_result'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['work_result.id'], name=op.f('fk_work_result_parent_id_work_result'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_work_result_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_result'))
    )
    with op.batch_alter_table('work_result', schema=None) as batch_op:
        batch_op.create_index('ix_work_result_origin', ['origin_id'], unique=False)
        batch_op.create_index('ix_work_result_parent', ['parent_id'], unique=False)
        batch_op.create_index('ix_work_result_plan', ['plan_id', 'kind', 'position'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('aspect', sa.Enum('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA', name='aspect', native_enum=False, create_constraint=True, length=17), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('target_value', EXACT_DECIMAL, nullable=True),
    sa.Column('target_high', EXACT_DECIMAL, nullable=True),
    sa.Column('unit', sa.String(length=50), nullable=True),
    sa.Column('direction', sa.Enum('HIGHER', 'LOWER', 'RANGE', name='direction', native_enum=False, create_constraint=True, length=14), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.Column('perspective', sa.Enum('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN', name='perspective', native_enum=False, create_constraint=True, length=26), nullable=True),
    sa.Column('narrative_target', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('origin_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("target_value IS NULL OR target_high IS NULL OR direction = 'RANGE'", name=op.f('ck_indicator_high_only_for_range')),
    sa.ForeignKeyConstraint(['origin_id'], ['indicator.id'], name=op.f('fk_indicator_origin_id_indicator'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['result_id'], ['work_result.id'], name=op.f('fk_indicator_result_id_work_result'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index('ix_indicator_result', ['result_id', 'position'], unique=False)

    op.create_table('indicator_period_target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('value', EXACT_DECIMAL, nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_indicator_period_target_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['period.id'], name=op.f('fk_indicator_period_target_period_id_period'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_period_target')),
    sa.UniqueConstraint('indicator_id', 'period_id', name='uq_indicator_period_target')
    )

    values = sa.table("core_value", sa.column("id", sa.Integer), sa.column("code", sa.String),
                      sa.column("name", sa.String), sa.column("position", sa.Integer))
    guides = sa.table("core_value_guide", sa.column("value_id", sa.Integer), sa.column("text", sa.Text),
                      sa.column("position", sa.Integer))
    op.bulk_insert(values, [
        {"id": n, "code": code, "name": name, "position": n}
        for n, (code, name, _guides) in enumerate(CORE_VALUES, start=1)
    ])
    op.bulk_insert(guides, [
        {"value_id": n, "text": text, "position": k}
        for n, (_code, _name, texts) in enumerate(CORE_VALUES, start=1)
        for k, text in enumerate(texts, start=1)
    ])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval(pg_get_serial_sequence('core_value', 'id'), 7)")


def downgrade():
    op.drop_table('indicator_period_target')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index('ix_indicator_result')

    op.drop_table('indicator')
    with op.batch_alter_table('work_result', schema=None) as batch_op:
        batch_op.drop_index('ix_work_result_plan')
        batch_op.drop_index('ix_work_result_parent')
        batch_op.drop_index('ix_work_result_origin')

    op.drop_table('work_result')
    op.drop_table('expectation')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index('uq_plan_one_open_version', postgresql_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'RETURNED')"), sqlite_where=sa.text("status IN ('DRAFT', 'SUBMITTED', 'RETURNED')"))
        batch_op.drop_index('ix_plan_year_status')

    op.drop_table('plan')
    op.drop_table('period')
    op.drop_table('org_year_result')
    with op.batch_alter_table('org_target', schema=None) as batch_op:
        batch_op.drop_index('ix_org_target_opd_year')

    op.drop_table('org_target')
    op.drop_table('library_indicator')
    op.drop_table('core_value_guide')
    with op.batch_alter_table('library_result', schema=None) as batch_op:
        batch_op.drop_index('ix_library_result_position')

    op.drop_table('library_result')
    op.drop_table('core_value')
    op.drop_table('appraisal_year')
