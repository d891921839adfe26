"""Charts are drawn once into each figure as SVG and PNG, the same bytes on every build."""

from __future__ import annotations

from kotacerdas.masterplan.builder import build
from kotacerdas.masterplan.content import Figure


def _figures(doc):
    return [(s.title, b) for _l, s in doc.walk() for b in s.blocks if isinstance(b, Figure)]


def test_katingan_figures_are_svg_and_png_and_deterministic(katingan):
    doc = build(katingan)
    figures = _figures(doc)
    captions = [b.caption for _t, b in figures]
    assert "Peta panas kesiapan per pilar dan aspek" in captions
    assert "Diagram kuadran SWOT: posisi setiap pilar" in captions
    assert "Matriks Internal-Eksternal (IE) setiap pilar" in captions
    assert "Radar tingkat kematangan: saat ini dan target per pilar" in captions
    assert "Skor komposit daya saing" in captions
    assert "Kerangka skenario 2 × 2" in captions
    for _title, fig in figures:
        assert fig.svg.lstrip().startswith(b"<?xml") and b"<svg" in fig.svg
        assert fig.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert not any(type(b) is object for _l, s in doc.walk() for b in s.blocks)  # no placeholder left
    again = _figures(build(katingan))
    assert [(t, f.caption, f.svg, f.png) for t, f in again] == [
        (t, f.caption, f.svg, f.png) for t, f in figures
    ]
