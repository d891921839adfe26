"""Fixtures of the region file tests: the ``world`` of tests/conftest.py made complete enough to exercise every key."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from django.apps import apps


@pytest.fixture
def full_region(world):
    """Katingan of the ``world`` fixture with districts, RPJMD missions (one a placeholder), a kecamatan office,
    governance members and a decimal area: every key and every kind of reference of the file is used."""
    from kotacerdas.regions.models import (
        Agency,
        District,
        GovernanceMember,
        LocalWisdom,
        Mission,
        RpjmdPeriod,
    )

    region = world.katingan
    region.area_km2 = Decimal("20382.26")
    region.population = 169970
    region.population_year = 2020
    region.motto = "Penyang Hinje Simpei"
    region.source = "BPS Katingan dalam Angka"
    region.save()
    hilir = District.objects.create(
        region=region, name="Katingan Hilir", capital="Kasongan", desa=5, kelurahan=2
    )
    District.objects.create(region=region, name="Tasik Payawan", capital="Petak Bahandang", desa=8, order=0)
    District.objects.create(region=region, name="Bukit Raya", desa=10, illustrative=True)
    Agency.objects.create(
        region=region,
        name="Kecamatan Katingan Hilir",
        abbreviation="Kec. Katingan Hilir",
        kind="kecamatan",
        district=hilir,
    )
    Agency.objects.create(region=region, name="Sekretariat Daerah", abbreviation="Setda", kind="sekretariat")
    period = RpjmdPeriod.objects.create(
        region=region,
        start_year=2018,
        end_year=2023,
        regent="Sakariyas",
        vice_regent="Sunardi",
        vision="Terwujudnya Kabupaten Katingan yang maju.",
        source="RPJMD 2018–2023",
    )
    for number, text, placeholder in [(2, "Misi kedua.", False), (1, "Misi pertama.", False), (4, "", True)]:
        Mission.objects.create(
            region=region, period=period, number=number, text=text, placeholder=placeholder
        )
    RpjmdPeriod.objects.create(region=region, start_year=2024, end_year=2026, vision="Visi peralihan.")
    LocalWisdom.objects.create(
        region=region,
        category="lembaga_adat",
        name="Damang Kepala Adat",
        description="Lembaga adat Dayak.",
        custodian="Damang Kepala Adat Kecamatan Katingan Hilir",
        location="Kasongan",
    )
    GovernanceMember.objects.create(
        region=region,
        body="tim_pelaksana",
        name="Kepala Diskominfostandi",
        agency=world.diskominfo,
        role="ketua",
        order=1,
    )
    GovernanceMember.objects.create(
        region=region, body="dewan", name="Bupati Katingan", role="ketua", order=2
    )
    GovernanceMember.objects.create(
        region=region,
        body="dewan",
        name="Kepala Bappelitbang",
        agency=world.bappelitbang,
        role="sekretaris",
        order=3,
        illustrative=True,
    )
    return region


@pytest.fixture
def exported(full_region):
    """A fresh export of ``full_region`` (change it freely: every test gets its own copy)."""
    from kotacerdas.interchange.region_file import export_region

    return copy.deepcopy(export_region(full_region))


@pytest.fixture
def row_counts():
    """``row_counts()``: the number of rows of every model, historical tables included."""

    def count() -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    return count
