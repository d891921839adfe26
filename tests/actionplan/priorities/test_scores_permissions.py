"""The score grid: operators score their own agency's activities only, the admin all; readers see the grid
without inputs; the cost criterion is computed, never entered; a bad value saves nothing."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import CriterionScore

from .conftest import URL


def _score(activity, slug: str) -> int | None:
    row = CriterionScore.objects.filter(activity=activity, criterion__slug=slug).first()
    return None if row is None else row.score


def _field(activity, criterion) -> str:
    return f"s-{activity.pk}-{criterion.pk}"


def test_an_operator_scores_own_agency_activities(world, login, plan) -> None:
    own = plan.activity("GOV-01", costs={2025: 100})
    crit = plan.criteria()
    client = login(world.user("op_diskominfo"))
    html = client.get(URL + "skor/").content.decode()
    assert f'name="{_field(own, crit["dampak"])}"' in html
    response = client.post(
        URL + "skor/", {_field(own, crit["dampak"]): "4", _field(own, crit["urgensi"]): "2"}
    )
    assert response.status_code == 302
    assert (_score(own, "dampak"), _score(own, "urgensi")) == (4, 2)


def test_an_operator_may_not_score_another_agency_and_nothing_is_saved(world, login, plan) -> None:
    own = plan.activity("GOV-01", costs={2025: 100})
    other = plan.activity("LIV-01", agency=world.dinkes, pillar="living", costs={2025: 100})
    crit = plan.criteria()
    client = login(world.user("op_diskominfo"))
    html = client.get(URL + "skor/").content.decode()
    assert f'name="{_field(other, crit["dampak"])}"' not in html  # shown read-only
    response = client.post(
        URL + "skor/", {_field(own, crit["dampak"]): "4", _field(other, crit["dampak"]): "5"}
    )
    assert response.status_code == 403
    assert _score(own, "dampak") is None and _score(other, "dampak") is None


def test_the_admin_scores_every_agency(world, login, plan) -> None:
    own = plan.activity("GOV-01", costs={2025: 100})
    other = plan.activity("LIV-01", agency=world.dinkes, pillar="living", costs={2025: 100})
    crit = plan.criteria()
    client = login(world.user("admin_bappelitbang"))
    response = client.post(
        URL + "skor/", {_field(own, crit["dampak"]): "1", _field(other, crit["dampak"]): "5"}
    )
    assert response.status_code == 302
    assert (_score(own, "dampak"), _score(other, "dampak")) == (1, 5)
    client.post(URL + "skor/", {_field(own, crit["dampak"]): ""})  # cleared
    assert _score(own, "dampak") is None


@pytest.mark.parametrize("persona", ["reviewer_dewan", "viewer"])
def test_readers_see_scores_but_may_not_change_them(world, login, plan, persona) -> None:
    a = plan.activity("GOV-01", costs={2025: 100})
    plan.score(a, dampak=4)
    crit = plan.criteria()
    client = login(world.user(persona))
    html = client.get(URL + "skor/").content.decode()
    grid = html.split("score-grid")[1].split("</table>")[0]
    assert '<span class="score s4">4</span>' in grid and "<select" not in grid
    assert client.post(URL + "skor/", {_field(a, crit["dampak"]): "1"}).status_code == 403
    assert _score(a, "dampak") == 4


def test_cost_is_computed_not_entered_and_a_bad_value_saves_nothing(world, login, plan) -> None:
    a = plan.activity("GOV-01", costs={2025: 1_250_000_000})
    crit = plan.criteria()
    client = login(world.user("admin_bappelitbang"))
    html = client.get(URL + "skor/").content.decode()
    assert f'name="{_field(a, crit["biaya"])}"' not in html
    assert "Rp\u00a01.250.000.000" in html
    assert client.post(URL + "skor/", {_field(a, crit["biaya"]): "3"}).status_code == 404
    response = client.post(URL + "skor/", {_field(a, crit["dampak"]): "4", _field(a, crit["urgensi"]): "7"})
    assert response.status_code == 400 and "Skor adalah 1 sampai 5." in response.content.decode()
    assert not CriterionScore.objects.exists()
