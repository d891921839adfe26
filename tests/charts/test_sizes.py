"""SVGs stay small: text as text, no embedded fonts."""

from __future__ import annotations

from kotacerdas import charts
from tests.charts.conftest import quadrant_points


def test_quadrant_chart_of_six_pillars_is_under_60_kb() -> None:
    assert len(charts.render(charts.quadrant_chart(quadrant_points()), "svg")) < 60_000


def test_every_typical_svg_is_under_45_kb(chart) -> None:
    size = len(charts.render(chart.build(), "svg"))
    assert size < 45_000, f"{chart.name}: {size} bytes"
