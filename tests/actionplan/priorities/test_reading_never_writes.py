"""Opening the priority pages writes nothing: the default criteria appear only when an admin starts judging."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Criterion


@pytest.mark.django_db
def test_readers_open_every_priority_page_without_creating_criteria(world, login):
    client = login(world.user("viewer"))
    for path in ["", "ahp/", "skor/", "peringkat/", "pagu/", "hasil/"]:
        assert client.get(f"/d/katingan/prioritas/{path}").status_code == 200, path
    assert not Criterion.objects.filter(region=world.katingan).exists()
    admin = login(world.user("admin_bappelitbang"))
    assert admin.get("/d/katingan/prioritas/ahp/isi/").status_code == 200
    assert Criterion.objects.filter(region=world.katingan).count() == 6
