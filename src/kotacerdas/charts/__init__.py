"""Every chart of kotacerdas, drawn once with matplotlib and rendered as SVG (web pages) or PNG (documents).

Grafik kotacerdas: satu kode gambar untuk SVG (halaman web) dan PNG (dokumen).

Each chart function takes plain Python values (or :mod:`kotacerdas.method` dataclasses) and returns a
:class:`matplotlib.figure.Figure`; :func:`render` turns it into bytes::

    fig = quadrant_chart([("Smart Governance", 0.45, -0.2), ...])
    svg = render(fig, "svg")          # for a page: {{ svg_for_html(svg)|safe }}
    png = render(fig, "png")          # for DOCX/PDF

Charts are 16 cm wide (A4 text width), DejaVu Sans ≥ 8 pt, readable in grayscale, Indonesian by default
(``lang="en"`` for English; every text can be overridden with ``labels={...}``). No pyplot, no Django; rendering
is deterministic (same input, same bytes) and user text is shown literally (no mathtext, escaped in SVG).
"""

from __future__ import annotations

from kotacerdas.charts._base import FORMATS, LANGS, PNG_DPI, WIDTH, render, svg_for_html
from kotacerdas.charts.competitiveness import bar_chart_competitiveness
from kotacerdas.charts.future import projection_chart, scenario_frame
from kotacerdas.charts.maturity import radar_chart
from kotacerdas.charts.readiness import readiness_heatmap
from kotacerdas.charts.roadmap import roadmap_chart, spending_chart
from kotacerdas.charts.swot import ie_matrix, quadrant_chart

__all__ = [
    "FORMATS",
    "LANGS",
    "PNG_DPI",
    "WIDTH",
    "bar_chart_competitiveness",
    "ie_matrix",
    "projection_chart",
    "quadrant_chart",
    "radar_chart",
    "readiness_heatmap",
    "render",
    "roadmap_chart",
    "scenario_frame",
    "spending_chart",
    "svg_for_html",
]
