"""Writes every chart as PNG to /tmp/kc-charts/ so a person can look at them (and checks they are readable)."""

from __future__ import annotations

from pathlib import Path

from kotacerdas import charts
from tests.charts.helpers import png_size

OUT = Path("/tmp/kc-charts")


def test_it_writes_the_previews(chart) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    png = charts.render(chart.build(), "png")
    (OUT / f"{chart.name}.png").write_bytes(png)
    assert png_size((OUT / f"{chart.name}.png").read_bytes())[0] == int(charts.WIDTH * charts.PNG_DPI)
