"""SKP start date (RULES.md §10): periods that end before it are not assessed for that pegawai,
and cumulative targets count pro rata from it. Approved SKPs start at their first approval.

Revision ID: 0011_plan_start_date
Revises: 0010_objection_curve
Create Date: 2026-12-04 02:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_plan_start_date'
down_revision = '0010_objection_curve'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_date', sa.Date(), nullable=True))
    # An SKP approved before this revision counted from the start of its year: keep it so, so that
    # no period already assessed becomes "not assessed".
    op.execute(
        "UPDATE plan SET start_date = (SELECT MIN(period.start_date) FROM period WHERE period.year_id = plan.year_id) "
        "WHERE status IN ('APPROVED', 'SUPERSEDED')"
    )


def downgrade():
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_column('start_date')
