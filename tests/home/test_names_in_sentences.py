"""A name with a title ends the sentence by itself on Beranda (domain/text.py sentence, |kalimat)."""


def test_the_beranda_says_it_once(make_client, factory):
    boss = factory.employee(name="Taufik Hasan, S.Sos.")
    me = factory.employee(assessor=boss)
    factory.skp.year(2026)
    page = make_client(me.user).get("/").get_data(as_text=True)
    assert "ajukan kepada Taufik Hasan, S.Sos." in page and "S.Sos.." not in page
