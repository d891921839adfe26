"""No lost update on the forms whose fields are a grid of stored values: the competitiveness values of one
indicator, the pillar weights of the plan settings and one respondent's AHP judgements. A and B load, A saves,
B's save is refused with both values shown, nothing of B is written and B's input stays; B saves again and wins.
Two people changing different cells both keep their changes."""

from __future__ import annotations

import html
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.test import Client

from kotacerdas.actionplan.models import Judgement
from kotacerdas.assessment.models import Indicator, IndicatorValue, PlanSettings

STALE = "sejak Anda membuka"


@pytest.fixture
def pair(katingan):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="admin_bappelitbang")
    a, b = Client(), Client()
    a.force_login(user)
    b.force_login(user)
    return a, b


def post(client, url, data, **change):
    body = {k: list(v) for k, v in data.items()}
    body.update({k: [v] for k, v in change.items()})
    return client.post(url, body)


def refused(response) -> str:
    assert response.status_code in {200, 400}, response.status_code
    page = html.unescape(response.content.decode())
    assert STALE in page and "1 sel sudah diubah orang lain" in page
    return page


# --- competitiveness values ------------------------------------------------------------------------------


@pytest.fixture
def indicator(katingan):
    found = next(
        i
        for i in Indicator.objects.filter(region=katingan, year__isnull=False).order_by("pk")
        if IndicatorValue.objects.filter(indicator=i, year=i.year).count() >= 2
    )
    return found


def values_of(indicator) -> dict:
    rows = IndicatorValue.objects.filter(indicator=indicator, year=indicator.year)
    return {("self" if v.peer_id is None else v.peer_id): v.value for v in rows}


def test_values_grid_refuses_a_cell_changed_meanwhile_and_a_second_save_wins(pair, indicator, form_data):
    a, b = pair
    url = f"/d/katingan/analisis/daya-saing/nilai/{indicator.pk}/"
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    names = [n for n in data_a if "seen-" + n in data_a]
    assert len(names) >= 2
    cell = names[0]
    assert post(a, url, data_a, **{cell: "111"}).status_code == 302
    after_a = values_of(indicator)
    assert Decimal(111) in after_a.values()

    page = refused(post(b, url, data_b, **{cell: "222"}))
    assert "Sekarang tersimpan: “111” — isian Anda: “222”." in page
    assert values_of(indicator) == after_a  # nothing of B written
    again, _k = form_data(page, "seen-*")
    assert again[cell] == ["222"]  # B's input kept
    assert again["seen-" + cell] == ["111"]  # now B has seen A's value
    assert post(b, url, again).status_code == 302
    now = values_of(indicator)
    assert Decimal(222) in now.values() and Decimal(111) not in now.values()


def test_values_grid_keeps_changes_of_two_people_to_different_cells(pair, indicator, form_data):
    a, b = pair
    url = f"/d/katingan/analisis/daya-saing/nilai/{indicator.pk}/"
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    names = [n for n in data_a if "seen-" + n in data_a]
    first, second = names[0], names[1]
    assert post(a, url, data_a, **{first: "111"}).status_code == 302
    assert post(b, url, data_b, **{second: "222"}).status_code == 302
    now = sorted(values_of(indicator).values())
    assert Decimal(111) in now and Decimal(222) in now
    # emptying a cell is a change like any other: it is saved (no data), the other cell stays
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    assert post(a, url, data_a, **{first: ""}).status_code == 302
    assert Decimal(111) not in values_of(indicator).values()
    assert Decimal(222) in values_of(indicator).values()


# --- plan settings: pillar weights -------------------------------------------------------------------------


def test_pillar_weights_refuse_a_weight_changed_meanwhile_and_a_second_save_wins(pair, katingan, form_data):
    a, b = pair
    url = "/d/katingan/analisis/pengaturan/"
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    weights = sorted(n for n in data_a if n.startswith("w_"))
    assert len(weights) >= 2
    first, slug = weights[0], weights[0].removeprefix("w_")
    all_a = {n: "1" for n in weights} | {first: "3"}
    all_b = {n: "1" for n in weights} | {first: "5"}
    assert post(a, url, data_a, **all_a).status_code == 302
    stored = lambda: PlanSettings.objects.get(region=katingan).maturity_weights  # noqa: E731
    after_a = stored()
    assert after_a[slug] == 3

    page = html.unescape(post(b, url, data_b, **all_b).content.decode())
    assert STALE in page
    assert "Sekarang tersimpan: “3” — isian Anda: “5”." in page
    assert stored() == after_a
    again, _k = form_data(page, "seen-*")
    assert again[first] == ["5"]
    assert post(b, url, again).status_code == 302
    assert stored()[slug] == 5


def test_pillar_weights_untouched_by_one_person_keep_the_other_persons_change(pair, katingan, form_data):
    a, b = pair
    url = "/d/katingan/analisis/pengaturan/"
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    weights = sorted(n for n in data_a if n.startswith("w_"))
    assert post(a, url, data_a, **{n: "1" for n in weights}).status_code == 302
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    first, last = weights[0], weights[-1]
    assert post(a, url, data_a, **{first: "4"}).status_code == 302
    assert post(b, url, data_b, **{last: "2"}).status_code == 302
    stored = PlanSettings.objects.get(region=katingan).maturity_weights
    assert stored[first.removeprefix("w_")] == 4 and stored[last.removeprefix("w_")] == 2


# --- AHP judgements of one respondent ---------------------------------------------------------------------


def test_judgements_refuse_a_pair_changed_meanwhile_and_a_second_save_wins(pair, katingan, form_data):
    respondent = Judgement.objects.filter(region=katingan).order_by("pk").first().respondent
    a, b = pair
    url = "/d/katingan/prioritas/ahp/isi/?" + urlencode({"responden": respondent})
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    cell = next(n for n in data_a if n.startswith("p-"))
    assert data_a["seen-" + cell] == data_a[cell]  # the seen value is the judgement as stored
    ids = [int(x) for x in cell.split("-")[1:]]
    value_a, value_b = [v for v in ("a3", "b5", "a7") if v != data_a[cell][0]][:2]

    def stored():
        j = Judgement.objects.get(region=katingan, respondent=respondent, first_id__in=ids, second_id__in=ids)
        return (j.first_id, j.favours, j.value)

    assert post(a, url, data_a, **{cell: value_a}).status_code == 302
    after_a = stored()
    assert after_a[2] == int(value_a[1:])
    page = refused(post(b, url, data_b, **{cell: value_b}))
    assert "Sekarang tersimpan: “" in page and "” — isian Anda: “" in page
    assert f"({value_a[1:]}) daripada" in page and f"({value_b[1:]}) daripada" in page  # both, in words
    assert stored() == after_a  # nothing of B written
    again, _k = form_data(page, "seen-*")
    assert again[cell] == [value_b]  # B's choice kept
    assert again["seen-" + cell] == [value_a]
    assert post(b, url, again).status_code == 302
    assert stored()[2] == int(value_b[1:])


def test_judgements_left_as_rendered_keep_the_other_persons_change(pair, katingan, form_data):
    respondent = Judgement.objects.filter(region=katingan).order_by("pk").first().respondent
    a, b = pair
    url = "/d/katingan/prioritas/ahp/isi/?" + urlencode({"responden": respondent})
    data_a, _k = form_data(a.get(url).content.decode(), "seen-*")
    data_b, _k = form_data(b.get(url).content.decode(), "seen-*")
    cells = [n for n in data_a if n.startswith("p-")]
    first, second = cells[0], cells[1]
    new_a = next(v for v in ("a9", "b9") if v != data_a[first][0])
    new_b = next(v for v in ("a8", "b8") if v != data_b[second][0])
    assert post(a, url, data_a, **{first: new_a}).status_code == 302
    assert post(b, url, data_b, **{second: new_b}).status_code == 302
    page = a.get(url).content.decode()
    now, _k = form_data(page, "seen-*")
    assert now[first] == [new_a] and now[second] == [new_b]
