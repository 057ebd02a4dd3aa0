"""Files written or discarded in a transaction follow the outermost transaction: a released
savepoint neither forgets a new file (the outer rollback still removes it) nor deletes a discarded
one (the outer rollback keeps it)."""
import os

from app.extensions import db
from app.services.assessments import evidence_store

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_savepoint_does_not_settle_the_files_of_the_outer_transaction(app):
    db.session.rollback()
    kept = evidence_store.store(db.session, PDF, "lama.pdf")
    db.session.commit()
    new = evidence_store.store(db.session, PDF, "baru.pdf")
    evidence_store.discard(db.session, kept.stored_name)
    with db.session.begin_nested():
        pass
    db.session.rollback()
    assert not os.path.exists(evidence_store.path_for(new.stored_name))  # the new file went with the rollback
    assert os.path.exists(evidence_store.path_for(kept.stored_name))  # the discarded one was not deleted
    evidence_store.discard(db.session, kept.stored_name)
    db.session.commit()
    assert not os.path.exists(evidence_store.path_for(kept.stored_name))
