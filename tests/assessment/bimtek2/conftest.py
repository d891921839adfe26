"""Fixtures of the bimtek II page tests: small, hand-checkable data on top of the shared ``world``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.apps import apps


@pytest.fixture
def element(world):
    """``element("governance", "service")``: an element of Katingan's framework."""
    from kotacerdas.framework.models import Element

    def _element(pillar: str, slug: str):
        return Element.objects.get(pillar__framework=world.katingan.framework, pillar__slug=pillar, slug=slug)

    return _element


@pytest.fixture
def pillar(world):
    from kotacerdas.framework.models import Pillar

    def _pillar(slug: str):
        return Pillar.objects.get(framework=world.katingan.framework, slug=slug)

    return _pillar


@pytest.fixture
def poverty(world, pillar):
    """katingan.md §6, poverty % 2024 (BPS via databoks): Katingan 5.26, Gunung Mas 5.68, Pulang Pisau 4.56; a
    fourth peer, Seruyan, has no 2024 value. Lower is better. The indicator belongs to Dinkes."""
    from kotacerdas.assessment.models import Indicator, IndicatorValue, Peer

    k = world.katingan
    gumas = Peer.objects.create(region=k, name="Gunung Mas", province="Kalimantan Tengah", order=1)
    pulpis = Peer.objects.create(region=k, name="Pulang Pisau", province="Kalimantan Tengah", order=2)
    seruyan = Peer.objects.create(region=k, name="Seruyan", province="Kalimantan Tengah", order=3)
    miskin = Indicator.objects.create(
        region=k,
        pillar=pillar("economy"),
        code="MISKIN",
        name="Persentase penduduk miskin",
        unit="%",
        direction="lower",
        year=2024,
        agency=world.dinkes,
        source="BPS via databoks",
    )
    for peer, value in [(None, "5.26"), (gumas, "5.68"), (pulpis, "4.56")]:
        IndicatorValue.objects.create(region=k, indicator=miskin, peer=peer, year=2024, value=Decimal(value))
    return {"indicator": miskin, "gumas": gumas, "pulpis": pulpis, "seruyan": seruyan}


@pytest.fixture
def row_counts():
    """``row_counts()``: the number of rows of every model, historical tables included."""

    def count() -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    return count
