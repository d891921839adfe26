"""An operator adds factors and ratings in their own agency's name only; everything else is 403 and changes nothing."""

from __future__ import annotations

import pytest

from kotacerdas.assessment.models import SwotFactor, SwotRating

ADD = "/d/katingan/analisis/swot/governance/faktor/"


def rate_url(factor) -> str:
    return f"/d/katingan/analisis/swot/governance/faktor/{factor.pk}/nilai/"


@pytest.mark.django_db
def test_operator_adds_a_factor_with_its_rating(world, login):
    client = login(world.user("op_diskominfo"))
    data = {"kind": "S", "text": "Jaringan serat optik 162 km", "agency": world.diskominfo.pk}
    response = client.post(ADD, {**data, "importance": 4, "rating": 3})
    factor = SwotFactor.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#faktor-{factor.pk}")
    assert (factor.agency, factor.kind, factor.pillar.slug) == (world.diskominfo, "S", "governance")
    rating = SwotRating.objects.get()
    assert (rating.factor, rating.agency, rating.importance, rating.rating) == (
        factor,
        world.diskominfo,
        4,
        3,
    )
    assert factor.history.first().history_user == world.user("op_diskominfo")


@pytest.mark.django_db
def test_operator_rates_any_factor_of_the_pillar_for_their_own_agency(world, login, add_factor):
    factor = add_factor("governance", "W", "46 desa tanpa sinyal", (world.dinkes, 2, 2), agency=world.dinkes)
    client = login(world.user("op_diskominfo"))
    response = client.post(rate_url(factor), {"agency": world.diskominfo.pk, "importance": 5, "rating": 4})
    assert response.status_code == 302
    assert set(factor.ratings.values_list("agency__abbreviation", "importance", "rating")) == {
        ("Dinkes", 2, 2),
        ("Diskominfostandi", 5, 4),
    }
    # Rating again changes their own rating; it does not add a second one.
    client.post(rate_url(factor), {"agency": world.diskominfo.pk, "importance": 1, "rating": 1})
    assert factor.ratings.get(agency=world.diskominfo).importance == 1 and factor.ratings.count() == 2


@pytest.mark.django_db
def test_operator_cannot_rate_in_another_agencys_name(world, login, add_factor):
    factor = add_factor("governance", "W", "46 desa tanpa sinyal", (world.dinkes, 2, 2), agency=world.dinkes)
    client = login(world.user("op_diskominfo"))
    response = client.post(rate_url(factor), {"agency": world.dinkes.pk, "importance": 5, "rating": 4})
    assert response.status_code == 403
    response = client.post(rate_url(factor), {"agency": world.bappelitbang.pk, "importance": 5, "rating": 4})
    assert response.status_code == 403
    assert list(factor.ratings.values_list("agency__abbreviation", "importance", "rating")) == [
        ("Dinkes", 2, 2)
    ]


@pytest.mark.django_db
def test_operator_cannot_add_a_factor_in_another_agencys_name(world, login):
    client = login(world.user("op_diskominfo"))
    data = {"kind": "S", "text": "Atas nama Dinkes", "agency": world.dinkes.pk, "importance": 3, "rating": 3}
    assert client.post(ADD, data).status_code == 403
    assert not SwotFactor.objects.exists() and not SwotRating.objects.exists()


@pytest.mark.django_db
def test_an_invalid_factor_is_shown_again_with_the_error(world, login):
    client = login(world.user("op_diskominfo"))
    data = {"kind": "S", "text": "Tanpa peringkat", "agency": world.diskominfo.pk, "importance": 3}
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Isi tingkat kepentingan dan peringkat bersama-sama" in response.content.decode()
    response = client.post(ADD, {**data, "rating": 7})
    assert response.status_code == 200 and not SwotFactor.objects.exists()


@pytest.mark.django_db
def test_admin_adds_and_rates_for_any_agency(world, login, add_factor):
    client = login(world.user("admin_bappelitbang"))
    data = {"kind": "T", "text": "Penambangan emas tanpa izin", "agency": world.dinkes.pk}
    assert client.post(ADD, data).status_code == 302
    factor = SwotFactor.objects.get()
    assert factor.agency == world.dinkes and not factor.ratings.exists()
    response = client.post(rate_url(factor), {"agency": world.bappelitbang.pk, "importance": 4, "rating": 4})
    assert response.status_code == 302 and factor.ratings.get().agency == world.bappelitbang
