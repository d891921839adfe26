"""Fixtures of the workbook tests: Katingan of the ``world`` fixture with some of every bimtek record."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.apps import apps
from openpyxl import load_workbook


@pytest.fixture
def filled(world):
    """Katingan with readiness, SWOT factors rated by several agencies, strategies, maturity, peers, indicators
    with values, and drivers: every sheet has rows, and every kind of reference is used."""
    from kotacerdas.assessment.models import (
        Driver,
        Indicator,
        IndicatorValue,
        MaturityLevel,
        Peer,
        ReadinessScore,
        Strategy,
        SwotFactor,
        SwotRating,
    )
    from kotacerdas.framework.models import Element, Pillar, ReadinessAspect

    region = world.katingan
    fw = region.framework
    pillar = {p.slug: p for p in Pillar.objects.filter(framework=fw)}
    aspect = {a.slug: a for a in ReadinessAspect.objects.filter(element__framework=fw)}
    element = {e.slug: e for e in Element.objects.filter(pillar__framework=fw)}
    gov, living = pillar["governance"], pillar["living"]

    ReadinessScore.objects.create(
        region=region,
        pillar=gov,
        aspect=aspect["digital"],
        score=4,
        narrative="Jaringan serat optik 162 km\nmenghubungkan kantor OPD.",
        evidence="Laporan Diskominfostandi 2021",
        agency=world.diskominfo,
    )
    ReadinessScore.objects.create(
        region=region,
        pillar=gov,
        aspect=aspect["regulasi"],
        score=3,
        narrative="Perbup 61/2019 tentang SPBE.",
    )
    ReadinessScore.objects.create(
        region=region,
        pillar=living,
        aspect=aspect["sdm"],
        score=2,
        agency=world.dinkes,
        evidence="Profil Dinkes",
    )

    def factor(p, kind, text, agency, order=0, weight=None):
        return SwotFactor.objects.create(
            region=region, pillar=p, kind=kind, text=text, agency=agency, order=order, weight=weight
        )

    s1 = factor(gov, "S", "Backbone serat optik 162 km", world.diskominfo)
    s2 = factor(gov, "S", "Perbup 61/2019 tentang SPBE", None)
    w1 = factor(gov, "W", "46 desa tanpa sinyal seluler", world.diskominfo)
    o1 = factor(gov, "O", "Program menara BTS nasional", world.dinkes)
    t1 = factor(gov, "T", "Keterbatasan anggaran TIK", world.bappelitbang)
    h1 = factor(living, "S", "Puskesmas di setiap kecamatan", world.dinkes)
    factor(living, "T", "Penambangan emas tanpa izin di Sungai Katingan", world.dinkes, weight=Decimal("1"))
    for f, agency, importance, rating in [
        (s1, world.diskominfo, 5, 4),
        (s1, world.dinkes, 4, 3),
        (s1, world.bappelitbang, 5, 3),
        (s2, world.bappelitbang, 4, 3),
        (w1, world.diskominfo, 5, 4),
        (o1, world.diskominfo, 4, 4),
        (t1, world.bappelitbang, 3, 2),
        (h1, world.dinkes, 4, 3),
    ]:
        SwotRating.objects.create(
            region=region, factor=f, agency=agency, importance=importance, rating=rating
        )
    so = Strategy.objects.create(
        region=region,
        pillar=gov,
        kind="SO",
        code="GOV-SO1",
        text="Perluas jaringan ke desa.",
        agency=world.diskominfo,
    )
    so.factors.set([s1, o1])
    wt = Strategy.objects.create(region=region, pillar=gov, kind="WT", text="Prioritaskan desa tanpa sinyal.")
    wt.factors.set([w1, t1])
    MaturityLevel.objects.create(
        region=region,
        element=element["service"],
        current=2,
        target=4,
        evidence="SIPD",
        agency=world.diskominfo,
    )
    MaturityLevel.objects.create(
        region=region, element=element["health"], current=1, target=3, agency=world.dinkes
    )
    kotim = Peer.objects.create(
        region=region, name="Kotawaringin Timur", province="Kalimantan Tengah", order=1
    )
    palangka = Peer.objects.create(region=region, name="Palangka Raya", kind="kota", order=2)
    miskin = Indicator.objects.create(
        region=region,
        pillar=pillar["economy"],
        code="MISKIN",
        name="Persentase penduduk miskin",
        unit="%",
        direction="lower",
        weight=Decimal("2.5"),
        year=2021,
        target=Decimal("4.5"),
        agency=world.bappelitbang,
        source="BPS",
    )
    nakes = Indicator.objects.create(
        region=region,
        pillar=living,
        code="NAKES",
        name="Tenaga kesehatan per 1.000 penduduk",
        agency=world.dinkes,
    )
    for indicator, peer, year, value in [
        (miskin, None, 2020, "5.91"),
        (miskin, None, 2021, "6.05"),
        (miskin, kotim, 2021, "6.23"),
        (miskin, palangka, 2021, "3.75"),
        (nakes, None, 2021, "2.1"),
        (nakes, kotim, 2021, "1.8"),
    ]:
        IndicatorValue.objects.create(
            region=region, indicator=indicator, peer=peer, year=year, value=Decimal(value)
        )
    Driver.objects.create(
        region=region,
        name="Harga komoditas",
        category="economic",
        impact=5,
        uncertainty=4,
        description="Karet dan kelapa sawit.",
    )
    Driver.objects.create(
        region=region, name="Transformasi digital", category="technological", impact=4, uncertainty=3
    )
    return region


@pytest.fixture
def row_counts():
    """``row_counts()``: the number of rows of every model, historical tables included."""

    def count() -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    return count


def to_bytes(workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def cells(source) -> dict[str, list[tuple]]:
    """Every sheet's values, row by row (``source``: a path or a file object)."""
    if hasattr(source, "seek"):
        source.seek(0)
    workbook = load_workbook(source)
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}


def exported(region, agency=None) -> io.BytesIO:
    from kotacerdas.interchange.workbook import export_workbook

    buffer = io.BytesIO()
    export_workbook(region, buffer, agency=agency)
    buffer.seek(0)
    return buffer
