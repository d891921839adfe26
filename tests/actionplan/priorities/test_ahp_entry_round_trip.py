"""Pairwise entry through the form, for the three criteria of method.md §9's example:
[[1, 2, 4], [1/2, 1, 2], [1/4, 1/2, 1]] gives the weights 4/7, 2/7, 1/7 and CR 0 (computed by hand: every
column of the matrix is proportional to (4, 2, 1), so the matrix is perfectly consistent)."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Judgement

from .conftest import URL


def _form(criteria, respondent="Bupati Katingan", **extra) -> dict:
    d, u, b = criteria
    data = {
        "respondent": respondent,
        "original": "",
        f"p-{d.pk}-{u.pk}": "a2",  # Dampak twice as important as Urgensi: a_12 = 2
        f"p-{d.pk}-{b.pk}": "a4",  # a_13 = 4
        f"p-{u.pk}-{b.pk}": "a2",  # a_23 = 2
    }
    data.update(extra)
    return data


def test_the_example_entered_through_the_form_gives_4_2_1_sevenths(world, login, three_criteria) -> None:
    client = login(world.user("admin_bappelitbang"))
    response = client.post(URL + "ahp/isi/", _form(three_criteria))
    assert response.status_code == 302 and response["Location"].startswith(URL + "ahp/")

    rows = {(j.first.slug, j.second.slug): (j.favours, j.value) for j in Judgement.objects.all()}
    assert rows == {
        ("dampak", "urgensi"): ("first", 2),
        ("dampak", "biaya"): ("first", 4),
        ("urgensi", "biaya"): ("first", 2),
    }
    result = services.ahp_result(world.katingan)
    assert result.usable
    assert result.weights == pytest.approx({"dampak": 4 / 7, "urgensi": 2 / 7, "biaya": 1 / 7})
    assert result.cr == pytest.approx(0.0, abs=1e-9)

    page_html = client.get(URL + "ahp/").content.decode()
    assert 'data-weight="dampak">0,571<' in page_html
    assert 'data-weight="urgensi">0,286<' in page_html
    assert 'data-weight="biaya">0,143<' in page_html
    assert 'data-figure="cr">0,000<' in page_html
    assert "Bupati Katingan" in page_html and "konsisten" in page_html


def test_the_form_reopens_with_the_entered_values(world, login, three_criteria) -> None:
    client = login(world.user("admin_bappelitbang"))
    client.post(URL + "ahp/isi/", _form(three_criteria))
    d, u, b = three_criteria
    html = client.get(URL + "ahp/isi/?responden=Bupati+Katingan").content.decode()
    for name, value in [(f"p-{d.pk}-{u.pk}", "a2"), (f"p-{d.pk}-{b.pk}", "a4"), (f"p-{u.pk}-{b.pk}", "a2")]:
        assert f'name="{name}" value="{value}" id="{name}-{value}" checked' in html
    assert 'value="Bupati Katingan"' in html


def test_the_right_hand_side_and_an_edit_keep_one_row_per_pair(world, login, three_criteria) -> None:
    """Choosing the right-hand side stores the reciprocal (favours second); editing updates in place."""
    client = login(world.user("admin_bappelitbang"))
    d, u, b = three_criteria
    client.post(URL + "ahp/isi/", _form(three_criteria, **{f"p-{d.pk}-{u.pk}": "b3"}))
    j = Judgement.objects.get(first=d, second=u)
    assert (j.favours, j.value, j.ratio) == ("second", 3, pytest.approx(1 / 3))
    client.post(URL + "ahp/isi/", _form(three_criteria, original="Bupati Katingan"))
    assert Judgement.objects.count() == 3
    assert Judgement.objects.get(pk=j.pk).ratio == 2.0


def test_a_judgement_stored_the_other_way_round_is_shown_and_edited_mirrored(
    world, three_criteria, login
) -> None:
    """A row entered elsewhere as (Urgensi, Dampak) favouring Urgensi appears as 'Urgensi side' in the form."""
    d, u, b = three_criteria
    Judgement.objects.create(
        region=world.katingan, respondent="Dewan", first=u, second=d, favours="first", value=5
    )
    client = login(world.user("admin_bappelitbang"))
    html = client.get(URL + "ahp/isi/?responden=Dewan").content.decode()
    assert f'value="b5" id="p-{d.pk}-{u.pk}-b5" checked' in html
    client.post(URL + "ahp/isi/", _form(three_criteria, respondent="Dewan", original="Dewan"))
    row = Judgement.objects.get(respondent="Dewan", first=u, second=d)  # same row, mirrored side
    assert (row.favours, row.value) == ("second", 2)
    assert Judgement.objects.filter(respondent="Dewan").count() == 3


def test_a_new_respondent_may_not_silently_overwrite_another(world, login, three_criteria) -> None:
    client = login(world.user("admin_bappelitbang"))
    client.post(URL + "ahp/isi/", _form(three_criteria))
    d, u, _b = three_criteria
    response = client.post(URL + "ahp/isi/", _form(three_criteria, **{f"p-{d.pk}-{u.pk}": "b9"}))
    assert response.status_code == 200
    assert "sudah ada" in response.content.decode()
    assert Judgement.objects.get(first=d, second=u).value == 2


def test_an_open_pair_is_reported_missing(world, login, three_criteria) -> None:
    client = login(world.user("admin_bappelitbang"))
    d, u, _b = three_criteria
    client.post(URL + "ahp/isi/", _form(three_criteria, **{f"p-{d.pk}-{u.pk}": ""}))
    assert Judgement.objects.count() == 2
    html = client.get(URL + "ahp/").content.decode()
    assert "belum menilai 1 pasangan: Dampak–Urgensi" in html
