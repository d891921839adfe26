"""The maturity page shows the method's figures (method.md §4), checked here by hand."""

from __future__ import annotations

import re

import pytest

from kotacerdas.assessment.models import MaturityLevel


def _cell(html: str, pillar: str, figure: str) -> str:
    row = re.search(rf'<tr data-pillar="{pillar}">(.*?)</tr>', html, re.S).group(1)
    return re.sub(
        r"<[^>]+>|\s+", " ", re.search(rf'data-figure="{figure}">(.*?)</td>', row, re.S).group(1)
    ).strip()


@pytest.mark.django_db
def test_pillar_and_region_index_with_predicate(world, login, element):
    k = world.katingan
    # Governance: service 2 → 4, bureaucracy 3 → 4. Index (2 + 3) / 2 = 2.5: Cukup (≥ 1.8, < 2.6); target 4.
    MaturityLevel.objects.create(region=k, element=element("governance", "service"), current=2, target=4)
    MaturityLevel.objects.create(region=k, element=element("governance", "bureaucracy"), current=3, target=4)
    # Living: health 4 → 5 alone. Index 4: Sangat Baik (≥ 3.5, < 4.2).
    MaturityLevel.objects.create(region=k, element=element("living", "health"), current=4, target=5)
    html = login(world.user("viewer")).get("/d/katingan/analisis/kematangan/").content.decode()

    assert _cell(html, "governance", "index") == "2,50"
    assert _cell(html, "governance", "predicate") == "Cukup"
    assert _cell(html, "governance", "target") == "4,00"
    assert _cell(html, "living", "index") == "4,00"
    assert _cell(html, "living", "predicate") == "Sangat Baik"
    # Region: mean of the scored pillars with equal weights, (2.5 + 4) / 2 = 3.25: Baik (≥ 2.6, < 3.5).
    assert re.search(r'data-figure="region-index">3,25<', html)
    assert re.search(r'data-figure="region-predicate">Baik<', html)
    # A pillar without any level has no index: shown as missing, never 0.
    assert "tidak ada data" in _cell(html, "branding", "index")
    assert ">0,00<" not in html


@pytest.mark.django_db
def test_gaps_unassessed_elements_and_radar(world, login, element):
    k = world.katingan
    MaturityLevel.objects.create(region=k, element=element("governance", "service"), current=2, target=4)
    MaturityLevel.objects.create(
        region=k, element=element("governance", "policy"), current=None, evidence="x"
    )
    html = login(world.user("viewer")).get("/d/katingan/analisis/kematangan/").content.decode()
    row = re.search(r'<tr data-element="governance/service">(.*?)</tr>', html, re.S).group(1)
    assert "2 — Terkelola" in row and "4 — Terpadu dan Terukur" in row
    assert re.search(r'data-figure="gap">2<', row)  # 4 − 2
    # 18 elements, one with a current level: 17 still unassessed (a record without a level counts as unassessed).
    assert "17 elemen belum dinilai" in html
    unassessed = re.search(r'data-list="unassessed">(.*?)</ul>', html, re.S).group(1)
    assert "Kebijakan publik" in unassessed and "Pelayanan publik" not in unassessed
    assert '<svg role="img" aria-label="Tingkat kematangan: saat ini dan target"' in html
