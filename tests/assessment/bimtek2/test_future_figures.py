"""The future page: projections, drivers and the scenario frame as the method computes them (method.md §6)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kotacerdas.assessment.models import Driver, Indicator, IndicatorValue, PlanSettings, Scenario


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def _row(html: str, table: str, attr: str, key: str) -> str:
    body = re.search(rf'id="{table}">(.*?)</table>', html, re.S).group(1)
    return re.search(rf'<tr[^>]*{attr}="{key}"[^>]*>(.*?)</tr>', body, re.S).group(1)


def _fig(row: str, name: str) -> str:
    return _text(re.search(rf'<td[^>]*data-figure="{name}"[^>]*>(.*?)</td>', row, re.S).group(1))


@pytest.fixture
def internet(world, pillar):
    """Two years of the region's own values: 10 % (2020) and 14 % (2022); target 25 % in 2030, higher is better."""
    PlanSettings.objects.create(region=world.katingan, start_year=2025, horizon_year=2030)
    ind = Indicator.objects.create(
        region=world.katingan, pillar=pillar("society"), code="INET", name="Rumah tangga berinternet",
        unit="%", direction="higher", target=Decimal("25"), agency=world.diskominfo,
    )  # fmt: skip
    for year, value in [(2020, "10"), (2022, "14")]:
        IndicatorValue.objects.create(region=world.katingan, indicator=ind, year=year, value=Decimal(value))
    return ind


@pytest.mark.django_db
def test_projection_of_two_points(world, login, internet):
    html = login(world.user("viewer")).get("/d/katingan/analisis/masa-depan/").content.decode()
    row = _row(html, "projections", "data-indicator", "INET")
    # The line through (2020, 10) and (2022, 14): slope 2 a year, so 14 + 2·8 = 30 in 2030; 30 ≥ 25: met.
    assert _fig(row, "linear") == "30"
    assert "tercapai" in _fig(row, "target-met") and "tidak tercapai" not in _fig(row, "target-met")
    # Compound growth: (14/10)^(1/2) − 1 = 18.3 %/year; 14·1.4^(8/2) = 14·3.8416 = 53.7824.
    assert _fig(row, "compound").startswith("53,7824") and "18,3 %/th" in _fig(row, "compound")
    assert "2020: 10" in row and "2022: 14" in row
    assert '<svg role="img" aria-label="Rumah tangga berinternet"' in html


@pytest.mark.django_db
def test_target_not_met_and_missing_horizon(world, login, internet):
    internet.target = Decimal("35")
    internet.save()
    client = login(world.user("viewer"))
    row = _row(
        client.get("/d/katingan/analisis/masa-depan/").content.decode(),
        "projections",
        "data-indicator",
        "INET",
    )
    assert _fig(row, "target-met").startswith("tidak tercapai")  # 30 < 35 on the linear trend
    PlanSettings.objects.filter(region=world.katingan).update(horizon_year=None)
    html = client.get("/d/katingan/analisis/masa-depan/").content.decode()
    assert "Tahun cakrawala masterplan belum ditetapkan" in html


@pytest.mark.django_db
def test_drivers_ranked_with_default_axes_and_the_frame(world, login):
    k = world.katingan
    for name, category, impact, uncertainty in [
        ("Pemilu 2024", "political", 3, 4),  # 12
        ("Harga karet", "economic", 4, 5),  # 20
        ("Tambang emas tanpa izin", "environmental", 5, 4),  # 20, higher impact: first
        ("Menara BTS", "technological", 5, 3),  # 15
    ]:
        Driver.objects.create(region=k, name=name, category=category, impact=impact, uncertainty=uncertainty)
    Scenario.objects.create(
        region=k, cell="high_high", name="Katingan Terhubung", narrative="Sungai terjaga."
    )
    html = login(world.user("admin_bappelitbang")).get("/d/katingan/analisis/masa-depan/").content.decode()
    body = re.search(r'id="drivers">(.*?)</table>', html, re.S).group(1)
    assert re.findall(r'data-driver="([^"]+)"', body) == [
        "Tambang emas tanpa izin", "Harga karet", "Menara BTS", "Pemilu 2024"
    ]  # fmt: skip
    assert _fig(_row(html, "drivers", "data-driver", "Harga karet"), "score") == "20"
    assert _text(_row(html, "drivers", "data-driver", "Tambang emas tanpa izin")).endswith("sumbu bawaan")
    assert "sumbu" not in _text(_row(html, "drivers", "data-driver", "Menara BTS")).split("15")[-1]
    axes = _text(re.search(r'data-figure="axes">(.*?)</p>', html, re.S).group(1))
    assert (
        axes.startswith("Sumbu bawaan") and "Tambang emas tanpa izin (mendatar) × Harga karet (tegak)" in axes
    )
    assert "Katingan Terhubung" in html and '<svg role="img" aria-label="Kerangka skenario 2 × 2"' in html
    # Empty cells link to the generic form with the cell given; an existing scenario to its edit form.
    assert "/d/katingan/skenario/baru/?cell=low_low" in html
    assert "/d/katingan/implikasi/baru/?scenario=" in html


@pytest.mark.django_db
def test_chosen_axes_are_named_as_chosen(world, login):
    k = world.katingan
    a = Driver.objects.create(region=k, name="A", category="political", impact=1, uncertainty=1)
    b = Driver.objects.create(region=k, name="B", category="legal", impact=2, uncertainty=1)
    Driver.objects.create(region=k, name="C", category="social", impact=5, uncertainty=5)
    PlanSettings.objects.create(region=k, axis_x=a, axis_y=b)
    html = login(world.user("viewer")).get("/d/katingan/analisis/masa-depan/").content.decode()
    axes = _text(re.search(r'data-figure="axes">(.*?)</p>', html, re.S).group(1))
    assert axes.startswith("Sumbu pilihan daerah") and "A (mendatar) × B (tegak)" in axes
