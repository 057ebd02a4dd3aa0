"""A name with a title that ends in a full stop ends the sentence by itself."""
from app.domain.text import sentence


def test_one_full_stop_at_the_end():
    assert sentence("Diajukan kepada Taufik Hasan, S.Sos.") == "Diajukan kepada Taufik Hasan, S.Sos."
    assert sentence("Diajukan kepada Rina Marlina") == "Diajukan kepada Rina Marlina."
    assert sentence("Sudah diserahkan? ") == "Sudah diserahkan?"
