"""The admin of another region sees none of Katingan's priorities: every page and every change is a 404."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Ceiling, Judgement, PrioritizationRun

from .conftest import URL


@pytest.fixture
def run(budget):
    return services.run_prioritization(budget.plan.region, name="Katingan")


def test_every_page_is_a_404(world, login, run) -> None:
    client = login(world.user("admin_other"))
    for path in ["", "ahp/", "ahp/isi/", "skor/", "peringkat/", "pagu/", "hasil/", f"hasil/{run.pk}/",
                 f"banding/?a={run.pk}&b={run.pk}"]:  # fmt: skip
        assert client.get(URL + path).status_code == 404, path


def test_every_change_is_a_404_and_nothing_changes(world, login, run) -> None:
    client = login(world.user("admin_other"))
    before = (Judgement.objects.count(), Ceiling.objects.count(), PrioritizationRun.objects.count())
    assert client.post(URL + "ahp/isi/", {"respondent": "X"}).status_code == 404
    assert client.post(URL + "ahp/hapus/", {"respondent": "Bappelitbang"}).status_code == 404
    assert client.post(URL + "skor/", {}).status_code == 404
    assert client.post(URL + "pagu/", {"c-2025-apbd": "1"}).status_code == 404
    assert client.post(URL + "hasil/", {"name": "Y"}).status_code == 404
    assert client.post(f"{URL}hasil/{run.pk}/hapus/").status_code == 404
    assert (Judgement.objects.count(), Ceiling.objects.count(), PrioritizationRun.objects.count()) == before


def test_a_run_of_another_region_is_not_found_under_katingan(world, login, run) -> None:
    other_run = PrioritizationRun.objects.create(region=world.other, name="Lain", result={})
    client = login(world.user("admin_bappelitbang"))
    assert client.get(f"{URL}hasil/{other_run.pk}/").status_code == 404
    assert client.get(f"{URL}banding/?a={run.pk}&b={other_run.pk}").status_code == 404
    assert client.post(f"{URL}hasil/{other_run.pk}/hapus/").status_code == 404
