"""Plan settings: everyone may read them, only the region admin may change them."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import Driver, MaturityLevel, PlanSettings

URL = "/d/katingan/analisis/pengaturan/"
PILLARS = ["governance", "branding", "economy", "living", "society", "environment"]


def _form(**extra) -> dict:
    data = {"start_year": "2023", "horizon_year": "2032", "axis_x": "", "axis_y": ""}
    data.update({f"w_{p}": "" for p in PILLARS})
    data.update(extra)
    return data


@pytest.mark.django_db
def test_admin_sets_years_and_axes(world, login):
    k = world.katingan
    a = Driver.objects.create(region=k, name="A", category="political", impact=1, uncertainty=1)
    b = Driver.objects.create(region=k, name="B", category="legal", impact=2, uncertainty=1)
    client = login(world.user("admin_bappelitbang"))
    assert client.post(URL, _form(axis_x=a.pk, axis_y=b.pk)).status_code == 302
    settings = PlanSettings.objects.get(region=k)
    assert (settings.start_year, settings.horizon_year, settings.axis_x, settings.axis_y) == (
        2023,
        2032,
        a,
        b,
    )
    assert settings.maturity_weights == {}


@pytest.mark.django_db
def test_horizon_before_start_and_half_weights_are_refused(world, login):
    client = login(world.user("admin_bappelitbang"))
    response = client.post(URL, _form(horizon_year="2020"))
    assert "Tahun cakrawala harus sesudah tahun pertama." in response.content.decode()
    response = client.post(URL, _form(w_governance="2"))
    assert "Isi bobot semua pilar" in response.content.decode()
    assert not PlanSettings.objects.exists()


@pytest.mark.django_db
def test_pillar_weights_change_the_region_index(world, login, element):
    k = world.katingan
    MaturityLevel.objects.create(region=k, element=element("governance", "service"), current=2)
    MaturityLevel.objects.create(region=k, element=element("governance", "policy"), current=3)
    MaturityLevel.objects.create(region=k, element=element("branding", "tourism"), current=4)
    client = login(world.user("admin_bappelitbang"))
    weights = {f"w_{p}": "1" for p in PILLARS} | {"w_governance": "3"}
    assert client.post(URL, _form(**weights)).status_code == 302
    assert PlanSettings.objects.get().maturity_weights["governance"] == 3.0
    html = client.get("/d/katingan/analisis/kematangan/").content.decode()
    # Governance 2.5 and branding 4, weights 3 and 1 (pillars without levels drop out): (7.5 + 4) / 4 = 2.875.
    assert re.search(r'data-figure="region-index">2,88<', html)
    assert re.search(r'data-figure="region-predicate">Baik<', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona,status",
    [("op_diskominfo", 403), ("reviewer_dewan", 403), ("viewer", 403), ("admin_other", 404)],
)
def test_only_the_admin_changes_settings(world, login, persona, status):
    client = login(world.user(persona))
    assert client.post(URL, _form()).status_code == status
    assert not PlanSettings.objects.exists()
    if status == 403:
        page = client.get(URL)
        assert page.status_code == 200 and "Hanya admin daerah" in page.content.decode()
        assert '<form method="post" class="card form"' not in page.content.decode()
