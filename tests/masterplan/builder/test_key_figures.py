"""Key figures in the document are the workspace's own (analyse_region), formatted as the pages show them."""

from __future__ import annotations

from kotacerdas.assessment.analysis import analyse_region
from kotacerdas.masterplan.build_support import ff, num
from kotacerdas.masterplan.builder import build

from .conftest import all_text, chapter, tables


def test_summary_readiness_maturity_and_swot_match_the_analysis(katingan):
    a = analyse_region(katingan)
    doc = build(katingan)
    text = all_text(doc)
    assert a.readiness.score is not None
    assert f"Kesiapan daerah: {num(a.readiness.score)} ({a.readiness.band})." in text
    assert num(a.readiness.score) == "2,58"  # decimal comma, rounded as on the page
    assert f"Indeks kematangan daerah: {ff(a.maturity.index, 2)} ({a.maturity.predicate})." in text
    (swot,) = [
        t for t in tables(chapter(doc, "Ringkasan Eksekutif")) if t.caption == "Posisi SWOT setiap pilar"
    ]
    for row, pa in zip(swot.rows, a.pillars.values(), strict=True):
        assert row[0] == pa.pillar.name
        assert row[1] == (pa.swot.quadrant_name if pa.swot and pa.swot.quadrant else "belum ada")


def test_readiness_table_total_is_the_region_score(katingan):
    a = analyse_region(katingan)
    doc = build(katingan)
    (table,) = [
        t
        for t in tables(chapter(doc, "Gambaran Umum dan Analisis Kesiapan"))
        if t.caption.startswith("Skor kesiapan")
    ]
    assert table.total[-2:] == (num(a.readiness.score), a.readiness.band)
    for row, pa in zip(table.rows, a.pillars.values(), strict=True):
        assert row[-2] == num(pa.readiness.score)


def test_districts_table_totals(katingan):
    from kotacerdas.regions.models import District

    doc = build(katingan)
    (table,) = [
        t
        for t in tables(chapter(doc, "Gambaran Umum dan Analisis Kesiapan"))
        if t.caption.startswith("Kecamatan")
    ]
    districts = District.objects.filter(region=katingan)
    assert len(table.rows) == districts.count() == 13
    assert table.total[-1] == str(sum(d.villages for d in districts)) == "161"
