"""How people and dates read in sentences: a name with a title ends the sentence by itself on Beranda
(domain/text.py sentence, |kalimat); a TMT is a month and a year in words."""


def test_the_beranda_says_it_once(make_client, factory):
    boss = factory.employee(name="Taufik Hasan, S.Sos.")
    me = factory.employee(assessor=boss)
    factory.skp.year(2026)
    page = make_client(me.user).get("/").get_data(as_text=True)
    assert "ajukan kepada Taufik Hasan, S.Sos." in page and "S.Sos.." not in page


def test_the_tmt_reads_as_a_month_and_year(make_client, factory):
    from app.domain.nip import parse_nip

    me = factory.employee(name="Rina Marlina")
    tmt = parse_nip(me.nip).tmt
    page = make_client(me.user).get("/profil").get_data(as_text=True)
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")
    assert f"{months[tmt.month - 1]} {tmt.year}" in page and f"{tmt.month:02}/{tmt.year}" not in page
