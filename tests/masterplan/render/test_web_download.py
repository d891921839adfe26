"""The download buttons: every role of the region may download each format; another region's admin gets 404;
anonymous goes to the login page."""

import pytest

from kotacerdas.masterplan.render_common import CONTENT_TYPES

ROLES = ("admin_bappelitbang", "op_diskominfo", "op_dinkes", "reviewer_dewan", "viewer")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ROLES)
def test_every_role_downloads_the_pdf(world, login, persona):
    response = login(world.user(persona)).get("/d/katingan/masterplan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="masterplan-katingan.pdf"'
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_docx_and_html_content_types(world, login, fmt):
    response = login(world.user("viewer")).get(f"/d/katingan/masterplan.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["Content-Disposition"] == f'attachment; filename="masterplan-katingan.{fmt}"'


@pytest.mark.django_db
def test_other_regions_admin_gets_404(world, login):
    assert login(world.user("admin_other")).get("/d/katingan/masterplan.pdf").status_code == 404


@pytest.mark.django_db
def test_anonymous_goes_to_login(world, client):
    response = client.get("/d/katingan/masterplan.pdf")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


@pytest.mark.django_db
def test_unknown_format_is_404(world, login):
    assert login(world.user("viewer")).get("/d/katingan/masterplan.exe").status_code == 404


@pytest.mark.django_db
def test_dashboard_offers_the_three_downloads(world, login):
    html = login(world.user("viewer")).get("/d/katingan/").content.decode()
    for fmt in ("pdf", "docx", "html"):
        assert f'href="/d/katingan/masterplan.{fmt}"' in html
