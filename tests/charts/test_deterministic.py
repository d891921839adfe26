"""Rendering is deterministic: the same chart gives identical bytes, for SVG and PNG, built twice or not."""

from __future__ import annotations

from kotacerdas import charts


def test_rendering_twice_gives_identical_bytes(chart) -> None:
    for fmt in charts.FORMATS:
        first = charts.render(chart.build(), fmt)
        second = charts.render(chart.build(), fmt)
        assert first == second, f"{chart.name} {fmt} differs between two renderings"


def test_svg_has_no_date_or_software_stamp(chart) -> None:
    svg = charts.render(chart.build(), "svg")
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg


def test_png_has_no_software_stamp(chart) -> None:
    png = charts.render(chart.build(), "png")
    assert b"Software" not in png and b"matplotlib" not in png.lower()
