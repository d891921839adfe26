"""Who may open the bimtek II pages: every role of the region reads; other regions 404; anonymous to the login."""

from __future__ import annotations

import pytest
from django.test import Client

from kotacerdas.assessment.models import MaturityLevel

PAGES = [
    "kematangan/",
    "kematangan/governance/service/",
    "daya-saing/",
    "masa-depan/",
    "pengaturan/",
    "workbook/",
    "workbook/template.xlsx",
    "workbook/unduh.xlsx",
    "grafik/kematangan.svg",
    "grafik/kematangan.png",
]
READERS = ["admin_bappelitbang", "op_diskominfo", "reviewer_dewan", "viewer"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_role_of_the_region_reads(world, login, path):
    for persona in READERS:
        status = login(world.user(persona)).get(f"/d/katingan/analisis/{path}").status_code
        expected = (
            403
            if path.startswith("kematangan/governance") and persona in {"reviewer_dewan", "viewer"}
            else 200
        )
        assert status == expected, persona


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_another_regions_admin_gets_404(world, login, path):
    assert login(world.user("admin_other")).get(f"/d/katingan/analisis/{path}").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES + ["workbook/unggah/"])
def test_anonymous_is_sent_to_the_login(client, world, path):
    response = client.get(f"/d/katingan/analisis/{path}")
    assert response.status_code == 302 and response.url.startswith("/masuk/?next=")


@pytest.mark.django_db
def test_upload_is_post_only(world, login):
    assert (
        login(world.user("admin_bappelitbang")).get("/d/katingan/analisis/workbook/unggah/").status_code
        == 405
    )


@pytest.mark.django_db
def test_changes_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("admin_bappelitbang"))
    response = client.post("/d/katingan/analisis/kematangan/governance/service/", {"current": 2})
    assert response.status_code == 403 and not MaturityLevel.objects.exists()


@pytest.mark.django_db
def test_chart_files(world, login):
    client = login(world.user("viewer"))
    svg = client.get("/d/katingan/analisis/grafik/kematangan.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    png = client.get("/d/katingan/analisis/grafik/kematangan.png")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert client.get("/d/katingan/analisis/grafik/kematangan.gif").status_code == 404
    assert client.get("/d/katingan/analisis/grafik/daya-saing.svg").status_code == 404  # no comparison yet
