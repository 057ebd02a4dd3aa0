def test_login_page_renders(client):
    response = client.get("/masuk")
    assert response.status_code == 200
    assert "Masuk ke Capaian" in response.get_data(as_text=True)


def test_home_for_pegawai(client, factory):
    boss, (member,) = factory.team(1)
    client.login_as(member.user)
    response = client.get("/")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert boss.name in body
