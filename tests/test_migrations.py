"""The migrations build exactly the schema the models describe, and run down and up again."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select

from app.extensions import db
from app.models import CoreValue, CoreValueGuide
from tests.conftest import make_app


def test_models_and_migrations_agree(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_downgrade_to_base_and_upgrade_again(tmp_path):
    app = make_app("sqlite:///" + str(tmp_path / "m.sqlite3"), str(tmp_path))
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        upgrade()
        assert db.session.scalar(select(func.count()).select_from(CoreValue)) == 7
        db.session.remove()
        db.engine.dispose()


def test_berakhlak_values_are_seeded_with_three_guides_each():
    values = db.session.scalars(select(CoreValue).order_by(CoreValue.position)).all()
    assert [v.name for v in values] == [
        "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
    ]
    assert all(len(v.guides) == 3 for v in values)
    assert db.session.scalar(select(func.count()).select_from(CoreValueGuide)) == 21
    assert values[0].guides[0].text == "Memahami dan memenuhi kebutuhan masyarakat"
