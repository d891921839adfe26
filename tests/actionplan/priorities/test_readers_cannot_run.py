"""Only the region admin runs the selection or deletes a run; everyone else gets 403 and the database is
unchanged; anonymous visitors are sent to the login page."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import PrioritizationRun

from .conftest import URL


@pytest.mark.parametrize("persona", ["op_diskominfo", "op_dinkes", "reviewer_dewan", "viewer"])
def test_readers_cannot_run_or_delete(world, login, budget, persona) -> None:
    run = services.run_prioritization(world.katingan, name="Ada")
    client = login(world.user(persona))
    html = client.get(URL + "hasil/").content.decode()
    assert "Ada" in html and 'name="name"' not in html  # no run form
    assert client.get(f"{URL}hasil/{run.pk}/").status_code == 200
    assert client.post(URL + "hasil/", {"name": "Coba"}).status_code == 403
    assert client.post(f"{URL}hasil/{run.pk}/hapus/").status_code == 403
    assert list(PrioritizationRun.objects.values_list("name", flat=True)) == ["Ada"]


def test_the_admin_deletes_a_run(world, login, budget) -> None:
    run = services.run_prioritization(world.katingan, name="Lama")
    client = login(world.user("admin_bappelitbang"))
    assert client.get(f"{URL}hasil/{run.pk}/hapus/").status_code == 405
    assert client.post(f"{URL}hasil/{run.pk}/hapus/").status_code == 302
    assert not PrioritizationRun.objects.exists()


@pytest.mark.parametrize(
    "path", ["", "ahp/", "ahp/isi/", "skor/", "peringkat/", "pagu/", "hasil/", "hasil/1/", "banding/?a=1&b=2"]
)
def test_anonymous_visitors_are_sent_to_login(world, client, path) -> None:
    response = client.get(URL + path)
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    assert client.post(URL + "hasil/", {"name": "x"}).status_code == 302
    assert not PrioritizationRun.objects.exists()
