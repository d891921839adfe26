"""Pairing suggestions: "Terima" opens the strategy form prefilled (a person writes the text); "Abaikan" hides it."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import IgnoredPairing, Strategy

PAGE = "/d/katingan/analisis/swot/governance/"
ACCEPT = PAGE + "saran/terima/"
IGNORE = PAGE + "saran/abaikan/"


@pytest.fixture
def pair(world, add_factor):
    s = add_factor("governance", "S", "Perbup 61/2019 tentang SPBE", (world.diskominfo, 5, 4))
    o = add_factor("governance", "O", "Program menara BAKTI nasional", (world.diskominfo, 5, 4))
    return s, o


@pytest.mark.django_db
def test_suggestion_is_shown_and_accept_prefills_the_strategy_form(world, login, pair):
    s, o = pair
    client = login(world.user("op_diskominfo"))
    page = client.get(PAGE).content.decode()
    assert "Saran pasangan faktor" in page and "Terima" in page
    assert "Abaikan" not in page  # ignoring is the admin's

    form = client.post(ACCEPT, {"internal": s.pk, "external": o.pk})
    assert form.status_code == 200
    html = form.content.decode()
    assert f'<option value="{s.pillar.pk}" selected>' in html
    assert '<option value="SO" selected>' in html
    for factor in (s, o):
        assert re.search(rf'name="factors" value="{factor.pk}"[^>]*checked', html), factor
    initial = form.context["form"].initial
    assert initial["kind"] == "SO" and initial["factors"] == [s.pk, o.pk]
    assert initial["pillar"] == s.pillar.pk
    assert not Strategy.objects.exists()  # the tool never writes a strategy on its own

    data = {
        "internal": s.pk,
        "external": o.pk,
        "pillar": s.pillar.pk,
        "kind": "SO",
        "code": "GOV-SO1",
        "text": "Bangun layanan SPBE di desa yang tersambung menara BAKTI",
        "factors": [s.pk, o.pk],
        "agency": world.diskominfo.pk,
    }
    response = client.post(ACCEPT, data)
    assert response.status_code == 302 and response["Location"].endswith(PAGE + "#strategi")
    strategy = Strategy.objects.get()
    assert set(strategy.factors.all()) == {s, o} and strategy.agency == world.diskominfo
    page = client.get(PAGE).content.decode()
    assert "GOV-SO1" in page
    assert page.count('name="internal"') == 0  # the pair is used now: no more suggestion for it


@pytest.mark.django_db
def test_accept_without_text_shows_the_form_again(world, login, pair):
    s, o = pair
    client = login(world.user("admin_bappelitbang"))
    data = {"internal": s.pk, "external": o.pk, "pillar": s.pillar.pk, "kind": "SO", "text": "",
            "factors": [s.pk, o.pk]}  # fmt: skip
    response = client.post(ACCEPT, data)
    assert response.status_code == 200 and not Strategy.objects.exists()


@pytest.mark.django_db
def test_admin_ignores_a_suggestion(world, login, pair):
    s, o = pair
    client = login(world.user("admin_bappelitbang"))
    assert f'name="external" value="{o.pk}"' in client.get(PAGE).content.decode()
    response = client.post(IGNORE, {"internal": s.pk, "external": o.pk})
    assert response.status_code == 302
    assert IgnoredPairing.objects.filter(internal=s, external=o, region=world.katingan).exists()
    page = client.get(PAGE).content.decode()
    assert f'name="external" value="{o.pk}"' not in page
    assert "1 saran diabaikan." in page
    client.post(PAGE + "saran/pulihkan/")
    assert f'name="external" value="{o.pk}"' in client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_operator_cannot_ignore(world, login, pair):
    s, o = pair
    client = login(world.user("op_diskominfo"))
    assert client.post(IGNORE, {"internal": s.pk, "external": o.pk}).status_code == 403
    assert not IgnoredPairing.objects.exists()


@pytest.mark.django_db
def test_a_pair_must_be_internal_then_external(world, login, pair):
    s, o = pair
    client = login(world.user("admin_bappelitbang"))
    assert client.post(IGNORE, {"internal": o.pk, "external": s.pk}).status_code == 404
    assert client.post(ACCEPT, {"internal": o.pk, "external": s.pk}).status_code == 404
