"""Two saved runs side by side: both names, objectives, the activities chosen in only one, spending of each."""

from __future__ import annotations

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Ceiling

from .conftest import URL


def test_compare_shows_both_runs_and_their_differences(world, login, budget) -> None:
    region = world.katingan
    first = services.run_prioritization(region, name="Pagu awal")
    Ceiling.objects.create(region=region, year=2027, source="apbn", amount=2_000_000_000)  # B-01 now fits
    Ceiling.objects.filter(region=region, year=2026, source="apbn").update(amount=3_000_000_000)
    second = services.run_prioritization(region, name="Pagu APBN 2027 ditambah")
    assert "B-01" not in first.result["chosen"] and "B-01" in second.result["chosen"]

    client = login(world.user("viewer"))  # readers compare too
    runs_html = client.get(URL + "hasil/").content.decode()
    assert "Pagu awal" in runs_html and "Pagu APBN 2027 ditambah" in runs_html and "Bandingkan" in runs_html
    response = client.get(f"{URL}banding/?a={first.pk}&b={second.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pagu awal" in html and "Pagu APBN 2027 ditambah" in html
    assert 'data-figure="objective-a"' in html and 'data-figure="objective-b"' in html
    row = html.split('data-ref="B-01"')[1].split("</tr>")[0]
    assert "ditunda" in row and "mulai 2026" in row
    assert "0 hanya di A, 1 hanya di B" in html
    assert "Rp\u00a01.500.000.000" in html.split('id="belanja"')[1]  # B-01's APBN 2027 spending in B


def test_compare_needs_two_runs_of_this_region(world, login, budget) -> None:
    run = services.run_prioritization(world.katingan, name="Satu")
    client = login(world.user("admin_bappelitbang"))
    assert client.get(f"{URL}banding/?a={run.pk}").status_code == 404
    assert client.get(f"{URL}banding/?a={run.pk}&b=999999").status_code == 404
    assert client.get(f"{URL}banding/?a={run.pk}&b=x").status_code == 404
