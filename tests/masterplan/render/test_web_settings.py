"""The document settings page: the admin uploads a logo (PNG ≤ 1 MB, validated) and edits the foreword, signatory
and colour; other roles see the page but may not change it; the logo then appears in the documents."""

import pytest

from kotacerdas.masterplan.models import DocumentSettings
from tests.masterplan.render.conftest import chart_pair

URL = "/d/katingan/dokumen/pengaturan/"


def _upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/png")


@pytest.mark.django_db
def test_admin_saves_logo_foreword_and_colour(world, login):
    client = login(world.user("admin_bappelitbang"))
    png = chart_pair("radar")[1]
    response = client.post(
        URL,
        {
            "foreword": "Assalamualaikum <b>warga</b>",
            "foreword_signatory": "Bupati Katingan",
            "colour": "#123456",
            "logo_file": _upload("logo.png", png),
        },
    )
    assert response.status_code == 302
    settings = DocumentSettings.objects.get(region=world.katingan)
    assert bytes(settings.logo) == png
    assert settings.colour == "#123456" and settings.foreword_signatory == "Bupati Katingan"
    page = client.get(URL).content.decode()
    assert "data:image/png;base64," in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 20, "PNG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 1_000_001, "1 MB"),
        (b"\x89PNG\r\n\x1a\nbroken", "rusak"),
    ],
)
def test_bad_logos_are_refused_and_nothing_is_saved(world, login, data, message):
    client = login(world.user("admin_bappelitbang"))
    response = client.post(
        URL, {"foreword": "x", "colour": "#123456", "logo_file": _upload("logo.png", data)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DocumentSettings.objects.filter(region=world.katingan).exists()


@pytest.mark.django_db
def test_bad_colour_refused(world, login):
    response = login(world.user("admin_bappelitbang")).post(URL, {"colour": "red"})
    assert response.status_code == 200
    assert not DocumentSettings.objects.filter(region=world.katingan).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["op_diskominfo", "reviewer_dewan", "viewer"])
def test_other_roles_read_but_may_not_change(world, login, persona):
    client = login(world.user(persona))
    page = client.get(URL)
    assert page.status_code == 200 and "disabled" in page.content.decode()
    assert client.post(URL, {"foreword": "diubah", "colour": "#000000"}).status_code == 403
    assert not DocumentSettings.objects.filter(region=world.katingan).exists()


@pytest.mark.django_db
def test_other_region_404_and_anonymous_login(world, login, client):
    assert client.get(URL).status_code == 302
    assert login(world.user("admin_other")).get(URL).status_code == 404
