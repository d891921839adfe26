"""Every chart renders to valid SVG (text as text) and to a print-sized PNG, from the same figure."""

from __future__ import annotations

import pytest

from kotacerdas import charts
from tests.charts.helpers import png_size, svg_text


def test_it_renders_valid_svg_with_its_labels_as_text(chart) -> None:
    svg = charts.render(chart.build(), "svg")
    text = svg_text(svg)
    for label in chart.texts:
        assert label in text, f"{label!r} missing from the {chart.name} SVG"
    assert b"<image" not in svg  # no raster inside
    assert b'<path id="DejaVuSans' not in svg  # no embedded glyphs: svg.fonttype = none
    assert b"font-family: 'DejaVu Sans'" in svg


def test_it_renders_a_png_at_a4_text_width(chart) -> None:
    png = charts.render(chart.build(), "png")
    width, height = png_size(png)
    assert width == int(charts.WIDTH * charts.PNG_DPI)  # 16 cm at 200 dpi
    assert 400 < height < 2000


def test_one_figure_renders_to_both_formats() -> None:
    from tests.charts.conftest import quadrant_points

    fig = charts.quadrant_chart(quadrant_points())
    assert charts.render(fig, "svg").lstrip().startswith(b"<?xml")
    assert png_size(charts.render(fig, "png"))[0] > 0
    assert charts.render(fig, "svg") == charts.render(fig, "svg")


def test_it_rejects_an_unknown_format() -> None:
    from tests.charts.conftest import quadrant_points

    with pytest.raises(ValueError, match="unknown chart format 'pdf'"):
        charts.render(charts.quadrant_chart(quadrant_points()), "pdf")
