"""A run through the page obeys every ceiling and chooses the mandatory quick win.

Spending is recomputed here from the chosen start years and the activities' yearly costs, and compared with the
Ceiling rows (a year and source without a row has ceiling 0), not with the run's own spending figures."""

from __future__ import annotations

from collections import defaultdict

from kotacerdas.actionplan.models import Activity, Ceiling, PrioritizationRun

from .conftest import URL


def test_the_run_obeys_the_ceilings_and_chooses_the_quick_win(world, login, budget) -> None:
    client = login(world.user("admin_bappelitbang"))
    response = client.post(URL + "hasil/", {"name": "Skenario dasar"})
    run = PrioritizationRun.objects.get(name="Skenario dasar")
    assert response.status_code == 302 and response["Location"] == f"{URL}hasil/{run.pk}/"
    assert run.created_by == world.user("admin_bappelitbang")

    chosen = run.result["chosen"]
    assert "QW-01" in chosen and chosen["QW-01"] == 2025
    assert "B-01" in run.result["deferred"]  # no APBN ceiling in 2027

    spending: dict[tuple[int, str], int] = defaultdict(int)
    for ref, start in chosen.items():
        activity = Activity.objects.get(region=world.katingan, ref=ref)
        for y in activity.years.all():
            spending[(start + y.year - activity.start_year, activity.funding_source)] += int(y.cost)
    ceilings = {(c.year, c.source): int(c.amount) for c in Ceiling.objects.filter(region=world.katingan)}
    assert spending  # something was chosen
    for key, amount in spending.items():
        assert amount <= ceilings.get(key, 0), key

    html = client.get(response["Location"]).content.decode()
    assert "Skenario dasar" in html
    assert 'data-start="QW-01">2025<' in html
    assert "B-01" in html.split('id="ditunda"')[1]
    assert "<svg" in html and "Peta jalan kegiatan terpilih" in html
    assert 'data-figure="objective"' in html
    agency_view = client.get(response["Location"] + "?kelompok=opd").content.decode()
    assert "Dinkes" in agency_view and 'href="?kelompok=opd" aria-current="page"' in agency_view


def test_a_blank_name_gets_the_date_and_time(world, login, budget) -> None:
    client = login(world.user("admin_bappelitbang"))
    assert client.post(URL + "hasil/", {"name": ""}).status_code == 302
    assert PrioritizationRun.objects.get().name.startswith("Prioritas 20")


def test_a_name_used_before_is_refused(world, login, budget) -> None:
    client = login(world.user("admin_bappelitbang"))
    client.post(URL + "hasil/", {"name": "Dasar"})
    response = client.post(URL + "hasil/", {"name": "Dasar"})
    assert response.status_code == 409 and "pilih nama lain" in response.content.decode()
    assert PrioritizationRun.objects.count() == 1
