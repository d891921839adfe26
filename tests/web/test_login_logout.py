"""Logging in through /masuk/ and out through /keluar/ (POST only)."""

from __future__ import annotations

PASSWORD = "rahasia-uji-123"  # the personas' password in tests/conftest.py


def test_it_shows_the_login_form_in_indonesian(client, db):
    page = client.get("/masuk/").content.decode()
    assert "Masuk ke kotacerdas" in page
    assert 'name="username"' in page and 'name="password"' in page


def test_it_logs_in_and_lands_on_the_region_list(client, world):
    response = client.post("/masuk/", {"username": "viewer", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Kabupaten Katingan" in response.content.decode()


def test_it_rejects_a_wrong_password_with_a_message(client, world):
    response = client.post("/masuk/", {"username": "viewer", "password": "salah"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "dan sandi yang benar" in response.content.decode()


def test_it_logs_out_with_post_only(client, world):
    client.force_login(world.user("viewer"))
    assert client.get("/keluar/").status_code == 405
    response = client.post("/keluar/")
    assert response.status_code == 302 and response["Location"] == "/masuk/"
    assert "_auth_user_id" not in client.session
