"""Viewers and reviewers read every bimtek I page but every POST is 403; another region's admin gets 404;
anonymous users are sent to the login page."""

from __future__ import annotations

import pytest

from kotacerdas.assessment.models import IgnoredPairing, ReadinessScore, Strategy, SwotFactor, SwotRating

PAGES = [
    "/d/katingan/analisis/",
    "/d/katingan/analisis/kemajuan/",
    "/d/katingan/analisis/kesiapan/governance/",
    "/d/katingan/analisis/swot/governance/",
    "/d/katingan/analisis/swot/kuadran.svg",
]


def posts(f):
    s, w, o = f["S"], f["W"], f["O"]
    return [
        ("/d/katingan/analisis/swot/governance/faktor/", {"kind": "S", "text": "x", "agency": s.agency_id}),
        (f"/d/katingan/analisis/swot/governance/faktor/{w.pk}/nilai/",
         {"agency": s.agency_id, "importance": 3, "rating": 3}),
        ("/d/katingan/analisis/swot/governance/gabung/", {"keep": s.pk, "factors": [s.pk, f["S2"].pk], "confirm": 1}),
        ("/d/katingan/analisis/swot/governance/saran/terima/", {"internal": s.pk, "external": o.pk}),
        ("/d/katingan/analisis/swot/governance/saran/abaikan/", {"internal": s.pk, "external": o.pk}),
        ("/d/katingan/analisis/kesiapan/governance/sdm/", {"score": 3, "agency": s.agency_id}),
    ]  # fmt: skip


@pytest.fixture
def factors(world, add_factor):
    return {
        "S": add_factor("governance", "S", "Serat optik", (world.diskominfo, 3, 3)),
        "S2": add_factor("governance", "S", "Serat optik 162 km", (world.dinkes, 3, 3)),
        "W": add_factor("governance", "W", "Desa tanpa sinyal", (world.diskominfo, 3, 3)),
        "O": add_factor("governance", "O", "Menara BAKTI", (world.diskominfo, 3, 3)),
    }


def snapshot():
    return [
        list(m.objects.order_by("pk").values())
        for m in (SwotFactor, SwotRating, Strategy, IgnoredPairing, ReadinessScore)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["viewer", "reviewer_dewan"])
def test_readers_read_everything_and_change_nothing(world, login, factors, persona):
    client = login(world.user(persona))
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    before = snapshot()
    for url, data in posts(factors):
        assert client.post(url, data).status_code == 403, url
    assert snapshot() == before


@pytest.mark.django_db
def test_another_regions_admin_gets_404(world, login, factors):
    client = login(world.user("admin_other"))
    for url in PAGES:
        assert client.get(url).status_code == 404, url
    before = snapshot()
    for url, data in posts(factors):
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before


@pytest.mark.django_db
def test_factors_of_another_region_are_not_found(world, login, factors):
    from kotacerdas.framework.models import Pillar

    foreign = SwotFactor.objects.create(
        region=world.other, pillar=Pillar.objects.get(slug="governance"), kind="S", text="Rahasia",
        agency=world.other_agency,
    )  # fmt: skip
    client = login(world.user("admin_bappelitbang"))
    url = f"/d/katingan/analisis/swot/governance/faktor/{foreign.pk}/nilai/"
    assert client.get(url).status_code == 404
    response = client.post(
        "/d/katingan/analisis/swot/governance/gabung/", {"keep": factors["S"].pk, "factors": [foreign.pk]}
    )
    assert response.status_code == 404 and SwotFactor.objects.filter(pk=foreign.pk).exists()
    assert client.get("/d/katingan/analisis/swot/no-such-pillar/").status_code == 404


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(world, client, factors):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/?next="), url
    for url, data in posts(factors):
        assert client.post(url, data).status_code == 302
    assert SwotFactor.objects.count() == 4
