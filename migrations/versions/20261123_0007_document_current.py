"""Documents: one current (not superseded) document per subject, so that two requests issuing the
first version of the same document at once cannot both succeed.

Revision ID: 0007_document_current
Revises: 0006_scale_indexes
Create Date: 2026-11-23 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007_document_current'
down_revision = '0006_scale_indexes'
branch_labels = None
depends_on = None

CURRENT = "superseded_at IS NULL"
INDEXES = (
    ('uq_document_current_plan', ['plan_id'], CURRENT + " AND plan_id IS NOT NULL"),
    ('uq_document_current_assessment', ['assessment_id'], CURRENT + " AND assessment_id IS NOT NULL"),
    ('uq_document_current_evaluation', ['kind', 'evaluation_id'], CURRENT + " AND evaluation_id IS NOT NULL"),
    ('uq_document_current_rekap', ['opd_id', 'year_id'], CURRENT + " AND kind = 'REKAP'"),
)


def upgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        for name, columns, where in INDEXES:
            batch_op.create_index(name, columns, unique=True, postgresql_where=sa.text(where),
                                  sqlite_where=sa.text(where))


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        for name, _columns, _where in INDEXES:
            batch_op.drop_index(name)
