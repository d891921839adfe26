"""The competitiveness page shows the method's scores, ranks and gaps (method.md §5), checked by hand."""

from __future__ import annotations

import re

import pytest


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def _row(html: str, table: str, attr: str, key: str) -> str:
    body = re.search(rf'<table class="table[^"]*" id="{table}">(.*?)</table>', html, re.S).group(1)
    return re.search(rf'<tr[^>]*{attr}="{key}"[^>]*>(.*?)</tr>', body, re.S).group(1)


def _td(row: str, attr: str, key: str) -> str:
    return _text(re.search(rf'<td[^>]*{attr}="{key}"[^>]*>(.*?)</td>', row, re.S).group(1))


@pytest.mark.django_db
def test_scores_ranks_and_gap_of_the_poverty_example(world, login, poverty):
    html = login(world.user("viewer")).get("/d/katingan/analisis/daya-saing/").content.decode()
    gumas, pulpis = f"P{poverty['gumas'].pk}", f"P{poverty['pulpis'].pk}"
    # Lower is better: min 4.56, max 5.68. Katingan 100·(5.68 − 5.26)/(5.68 − 4.56) = 100·0.42/1.12 = 37.5;
    # Gunung Mas (the worst) 0; Pulang Pisau (the best) 100.
    scores = _row(html, "scores", "data-indicator", "MISKIN")
    assert _td(scores, "data-region", "__region__") == "37,5"
    assert _td(scores, "data-region", gumas) == "0,0"
    assert _td(scores, "data-region", pulpis) == "100,0"
    # One indicator in one pillar: the pillar score and the composite are the indicator score; ranks 1, 2, 3.
    own = _row(html, "ranking", "data-region", "__region__")
    assert _td(own, "data-figure", "composite") == "37,5" and _td(own, "data-figure", "rank") == "2"
    assert _td(_row(html, "ranking", "data-region", pulpis), "data-figure", "rank") == "1"
    assert _td(_row(html, "ranking", "data-region", gumas), "data-figure", "rank") == "3"
    # Gap to the best peer: 5.26 − 4.56 = 0.7 percentage points; the best is Pulang Pisau at 4.56.
    values = _row(html, "values", "data-indicator", "MISKIN")
    assert _td(values, "data-figure", "gap") == "0,7"
    assert "Pulang Pisau (4,56)" in values
    assert _td(values, "data-region", "__region__") == "5,26"
    assert '<svg role="img" aria-label="Indeks daya saing: daerah dan pembanding"' in html


@pytest.mark.django_db
def test_missing_values_are_shown_as_missing_never_zero(world, login, poverty):
    html = login(world.user("viewer")).get("/d/katingan/analisis/daya-saing/").content.decode()
    seruyan = f"P{poverty['seruyan'].pk}"
    value = _td(_row(html, "values", "data-indicator", "MISKIN"), "data-region", seruyan)
    assert value == "– tidak ada data"
    score = _td(_row(html, "scores", "data-indicator", "MISKIN"), "data-region", seruyan)
    assert score == "– tidak ada data"
    ranked = _row(html, "ranking", "data-region", seruyan)
    assert "tidak ada data" in _td(ranked, "data-figure", "composite")
    assert _td(ranked, "data-figure", "rank") == "—"  # no composite, no rank


@pytest.mark.django_db
def test_catalogue_and_peers_are_listed(world, login, poverty):
    html = login(world.user("admin_bappelitbang")).get("/d/katingan/analisis/daya-saing/").content.decode()
    catalogue = re.search(r'id="indikator">(.*?)</section>', html, re.S).group(1)
    for text in ["MISKIN", "Persentase penduduk miskin", "%", "Smart Economy", "makin rendah makin baik",
                 "2024", "Dinkes", "BPS via databoks"]:  # fmt: skip
        assert text in catalogue
    peers = re.search(r'id="pembanding">(.*?)</section>', html, re.S).group(1)
    assert "Kabupaten Gunung Mas" in peers and "/d/katingan/pembanding/baru/" in peers


@pytest.mark.django_db
def test_without_peers_there_is_no_score_yet(world, login):
    html = login(world.user("viewer")).get("/d/katingan/analisis/daya-saing/").content.decode()
    assert "Skor belum dapat dihitung" in html
