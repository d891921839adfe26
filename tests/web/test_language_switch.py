"""Indonesian by default; the language switch (POST /i18n/setlang/) shows the workspace in English."""

from __future__ import annotations


def test_indonesian_by_default(admin_client, ws):
    page = admin_client.get("/d/katingan/").content.decode()
    assert '<html lang="id">' in page and "RPJMD: visi dan misi" in page


def test_switching_to_english_shows_english(admin_client, ws):
    response = admin_client.post("/i18n/setlang/", {"language": "en", "next": "/d/katingan/"})
    assert response.status_code == 302 and response["Location"] == "/d/katingan/"
    page = admin_client.get("/d/katingan/").content.decode()
    assert '<html lang="en">' in page
    assert "RPJMD: vision and missions" in page
    assert "Mission 4 — not yet confirmed: the mission text has not been found in an official source" in page
    assert "illustrative example" in page and "Log out" in page
    form = admin_client.get("/d/katingan/opd/baru/").content.decode()
    assert "Add agency" in form and "Abbreviation" in form
    response = admin_client.post(
        "/d/katingan/rpjmd/baru/", {"start_year": 2025, "end_year": 2020, "vision": "X"}
    )
    assert "The end year cannot be before the start year." in response.content.decode()

    admin_client.post("/i18n/setlang/", {"language": "id", "next": "/d/katingan/"})
    assert "RPJMD: visi dan misi" in admin_client.get("/d/katingan/").content.decode()


def test_a_browser_set_to_english_still_gets_indonesian(admin_client, ws):
    page = admin_client.get("/d/katingan/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page and "RPJMD: visi dan misi" in page
