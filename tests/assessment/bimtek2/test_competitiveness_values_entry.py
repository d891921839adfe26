"""One form per indicator enters every region's value for the comparison year: validated, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kotacerdas.assessment.models import IndicatorValue


def _url(poverty) -> str:
    return f"/d/katingan/analisis/daya-saing/nilai/{poverty['indicator'].pk}/"


def _values(poverty) -> dict[str, Decimal]:
    return {
        (v.peer.name if v.peer else "self"): v.value
        for v in IndicatorValue.objects.filter(indicator=poverty["indicator"], year=2024).select_related(
            "peer"
        )
    }


def _form(poverty, **values) -> dict:
    data = {"v_self": "5,26", f"v_p{poverty['gumas'].pk}": "5,68", f"v_p{poverty['pulpis'].pk}": "4,56"}
    data[f"v_p{poverty['seruyan'].pk}"] = ""
    data.update({k.replace("seruyan", f"v_p{poverty['seruyan'].pk}"): v for k, v in values.items()})
    return data


@pytest.mark.django_db
def test_the_indicators_operator_enters_all_values_at_once(world, login, poverty):
    client = login(world.user("op_dinkes"))
    page = client.get(_url(poverty)).content.decode()
    assert 'value="5,26"' in page  # the stored values are the initial values, in Indonesian notation
    data = _form(poverty, seruyan="7,43", v_self="5,3", source="BPS Kalteng 2024")
    response = client.post(_url(poverty), data)
    assert response.status_code == 302
    assert _values(poverty) == {
        "self": Decimal("5.3"),
        "Gunung Mas": Decimal("5.68"),
        "Pulang Pisau": Decimal("4.56"),
        "Seruyan": Decimal("7.43"),
    }
    own = IndicatorValue.objects.get(indicator=poverty["indicator"], peer=None, year=2024)
    assert own.source == "BPS Kalteng 2024" and own.region == world.katingan


@pytest.mark.django_db
def test_one_bad_value_saves_nothing(world, login, poverty):
    before = _values(poverty)
    client = login(world.user("op_dinkes"))
    response = client.post(_url(poverty), _form(poverty, v_self="4,9", seruyan="tujuh"))
    assert response.status_code == 200
    assert "Tidak ada nilai yang disimpan" in response.content.decode()
    assert _values(poverty) == before


@pytest.mark.django_db
def test_a_cleared_value_is_removed_not_zero(world, login, poverty):
    client = login(world.user("admin_bappelitbang"))
    assert client.post(_url(poverty), _form(poverty, **{f"v_p{poverty['gumas'].pk}": ""})).status_code == 302
    assert "Gunung Mas" not in _values(poverty)
    html = client.get("/d/katingan/analisis/daya-saing/").content.decode()
    assert "tidak ada data" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona,status", [("op_diskominfo", 403), ("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)]
)
def test_others_cannot_enter_values(world, login, poverty, persona, status):
    before = _values(poverty)
    client = login(world.user(persona))
    assert client.post(_url(poverty), _form(poverty, v_self="1")).status_code == status
    assert _values(poverty) == before


@pytest.mark.django_db
def test_an_indicator_of_another_region_is_404(world, login, poverty, pillar):
    from kotacerdas.assessment.models import Indicator

    foreign = Indicator.objects.create(
        region=world.other, pillar=pillar("economy"), code="X", name="Lain", year=2024
    )
    client = login(world.user("admin_bappelitbang"))
    assert client.get(f"/d/katingan/analisis/daya-saing/nilai/{foreign.pk}/").status_code == 404
