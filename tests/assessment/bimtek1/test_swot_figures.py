"""The SWOT page and the overview show the method's figures (method.md §3 worked example), formatted in Indonesian."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import ReadinessScore
from kotacerdas.framework.models import ReadinessAspect


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.django_db
def test_swot_page_shows_the_worked_example(world, login, worked_example):
    client = login(world.user("viewer"))
    response = client.get("/d/katingan/analisis/swot/governance/")
    assert response.status_code == 200
    text = text_of(response)
    for label, value in [
        ("S", "1,25"),
        ("W", "1,80"),
        ("O", "1,60"),
        ("T", "1,50"),
        ("x = S − W", "−0,55"),
        ("y = O − T", "0,10"),
        ("IFE", "2,70"),
        ("EFE", "2,60"),
    ]:
        assert f"{label} {value}" in text, label
    assert "Kuadran III turnaround (WO)" in text
    assert "Sel IE V pertahankan dan pelihara (hold and maintain)" in text
    # Each factor's weight and w·r: S1 .200 × 4 = .800, W2 .400 × 2 = .800, T1 .500 × 3 = 1.500.
    assert "S1 Faktor S1" in text and "0,200 0,800" in text
    assert "0,500 1,500" in text


@pytest.mark.django_db
def test_weights_from_importance_and_agency_means(world, login, add_factor):
    # Two agencies rate S1: importance (3 + 1)/2 = 2, rating (4 + 3)/2 = 3.5; W1 importance 1, rating 2.
    add_factor("economy", "S", "Pasar daring UMKM", (world.diskominfo, 3, 4), (world.dinkes, 1, 3))
    add_factor("economy", "W", "Akses modal terbatas", (world.dinkes, 1, 2))
    add_factor("economy", "O", "Harga karet membaik", (world.dinkes, 2, 2))
    text = text_of(login(world.user("viewer")).get("/d/katingan/analisis/swot/economy/"))
    # w(S1) = 2/3, w·r = 2.333; w(W1) = 1/3, w·r = 0.667 → x = 1.667; no T: y = O = 1·2 = 2.00.
    assert "2,00 3,50 0,667 2,333" in text
    assert "x = S − W 1,67" in text and "y = O − T 2,00" in text
    assert "Diskominfostandi: K3 · P4" in text and "Dinkes: K1 · P3" in text
    assert "Kuadran I agresif (SO)" in text


@pytest.mark.django_db
def test_a_pillar_without_external_factors_has_no_quadrant_and_says_why(world, login, add_factor):
    add_factor("branding", "S", "Festival Budaya Isen Mulang", (world.dinkes, 3, 3))
    add_factor("branding", "W", "Promosi wisata belum terpadu", weight=None)
    text = text_of(login(world.user("viewer")).get("/d/katingan/analisis/swot/branding/"))
    assert "belum ada kuadran" in text
    assert "no external factors (O or T): no quadrant, no EFE" in text
    assert "1 faktor belum dinilai" in text and "“Promosi wisata belum terpadu”" in text
    assert "x = S − W 3,00" in text  # the unrated weakness is left out of the figures until it is rated
    assert "y = O − T –" in text


@pytest.mark.django_db
def test_overview_shows_every_pillar_and_blank_means_no_data(world, login, worked_example):
    aspect = ReadinessAspect.objects.get(slug="sdm")
    ReadinessScore.objects.create(
        region=world.katingan, pillar=worked_example.pillar, aspect=aspect, score=4, agency=world.diskominfo
    )
    response = login(world.user("reviewer_dewan")).get("/d/katingan/analisis/")
    assert response.status_code == 200
    html = response.content.decode()
    row = text_of(response).split("Smart Governance", 1)[1].split("Smart Branding", 1)[0]
    assert "4,00 siap" in row
    assert "III turnaround (WO)" in row and "x −0,55 · y 0,10" in row
    assert "2,70 2,60 V pertahankan dan pelihara" in row
    branding = text_of(response).split("Smart Branding", 1)[1].split("Smart Economy", 1)[0]
    assert "belum ada data" in branding and "0,00" not in branding
    assert html.count("<svg") >= 3  # quadrant, IE matrix, readiness heatmap, inline
    for name in ("readiness-pillar", "swot-pillar"):
        assert f"/d/katingan/analisis/{'kesiapan' if name == 'readiness-pillar' else 'swot'}/living/" in html
    assert "/d/katingan/analisis/kemajuan/" in html
    assert 'href="/d/katingan/analisis/"' in html  # the "Analisis" tab of the region navigation


@pytest.mark.django_db
def test_quadrant_chart_file(world, login, worked_example):
    response = login(world.user("viewer")).get("/d/katingan/analisis/swot/kuadran.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg and "Smart Governance" in svg and "−0,55" in svg
