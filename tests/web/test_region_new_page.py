"""The superuser's page creates a region from its official code; a region admin is refused (403).

Facts from wilayah.csv: 62.06 is Kabupaten Katingan (Kalimantan Tengah), 13 kecamatan, 154 desa, 7 kelurahan;
Katingan Hilir is 62.06.02 with kelurahan Kasongan Baru (62.06.02.1003).
"""

from __future__ import annotations

import pytest

from kotacerdas.regions.models import District, Region, Village

URL = "/daerah/baru/"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "a-long-passphrase-1")


@pytest.mark.django_db
def test_the_superuser_previews_then_creates_and_lands_on_the_dashboard(client, superuser):
    client.force_login(superuser)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<datalist id="kabkota-list">' in html
    assert '<option value="62.06">Kabupaten Katingan (Kalimantan Tengah)</option>' in html

    preview = client.post(URL, {"code": "62.06", "slug": "katingan-baru", "preview": "1"})
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Kabupaten Katingan" in text and "62.06.02" in text and "Katingan Hilir" in text
    assert "13 kecamatan, 154 desa, 7 kelurahan" in " ".join(text.split())
    assert not Region.objects.filter(slug="katingan-baru").exists()  # a preview writes nothing

    created = client.post(URL, {"code": "62.06", "slug": "katingan-baru", "create": "1"})
    assert created.status_code == 302 and created["Location"] == "/d/katingan-baru/"
    region = Region.objects.get(slug="katingan-baru")
    assert (region.title, region.province, region.kemendagri_code) == (
        "Kabupaten Katingan",
        "Kalimantan Tengah",
        "62.06",
    )
    assert District.objects.filter(region=region).count() == 13
    assert Village.objects.filter(region=region, kind="desa").count() == 154
    assert Village.objects.filter(region=region, kind="kelurahan").count() == 7
    dashboard = client.get(created["Location"])
    assert dashboard.status_code == 200
    assert "62.06.02" in dashboard.content.decode()
    hilir = District.objects.get(region=region, code="62.06.02")
    detail = client.get(f"/d/katingan-baru/kecamatan/{hilir.pk}/").content.decode()
    assert "Kasongan Baru" in detail and "62.06.02.1003" in detail


@pytest.mark.django_db
def test_an_unknown_code_is_refused_on_the_page_with_a_suggestion(client, superuser):
    client.force_login(superuser)
    response = client.post(URL, {"code": "62.16", "create": "1"})
    assert response.status_code == 200
    assert "62.06 Kabupaten Katingan" in response.content.decode()
    assert not Region.objects.exists()


@pytest.mark.django_db
def test_a_taken_slug_is_refused_on_the_page(client, superuser, world):
    client.force_login(superuser)
    response = client.post(URL, {"code": "62.06", "slug": "katingan", "create": "1"})
    assert response.status_code == 200
    assert "katingan-2" in response.content.decode()
    assert Region.objects.filter(kemendagri_code="62.06", slug__startswith="katingan-").count() == 0


@pytest.mark.django_db
def test_a_region_admin_is_refused(client, world):
    client.force_login(world.user("admin_bappelitbang"))
    before = Region.objects.count()
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"code": "62.06", "slug": "katingan-baru", "create": "1"}).status_code == 403
    assert Region.objects.count() == before
    assert "/daerah/baru/" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_anonymous_goes_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
