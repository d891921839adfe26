"""User text with markup, ampersands, dollars and underscores is shown literally and never breaks rendering."""

from __future__ import annotations

import pytest

from kotacerdas import charts
from kotacerdas.method import future
from tests.charts.conftest import NASTY
from tests.charts.helpers import png_size, svg_text

BUILDERS = {
    "quadrant": lambda s: charts.quadrant_chart([(s, 0.3, 0.2), ("Smart Economy", -0.2, 0.1)], title=s),
    "quadrant_note": lambda s: charts.quadrant_chart([(s, None, None), ("Smart Economy", -0.2, 0.1)]),
    "ie_matrix": lambda s: charts.ie_matrix([(s, 2.5, 2.5)], title=s),
    "radar": lambda s: charts.radar_chart([(s, 2, 3), ("B", 3, 4), ("C", 1, 2)], title=s),
    "competitiveness": lambda s: charts.bar_chart_competitiveness(
        [(s, 50.0), ("B", None)], highlight=s, title=s
    ),
    "projection": lambda s: charts.projection_chart(
        [(2020, 1.0), (2021, 2.0)], future.project([(2020, 1.0), (2021, 2.0)], 2025), title=s, unit=s
    ),
    "scenario_frame": lambda s: charts.scenario_frame(s, s, {"high_high": s, "low_low": (s, s)}, title=s),
    "readiness_heatmap": lambda s: charts.readiness_heatmap({s: {"sdm": 2}}, title=s),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_user_text_appears_literally(name: str) -> None:
    fig = BUILDERS[name](NASTY)
    svg = charts.render(fig, "svg")
    assert NASTY in svg_text(svg)  # the parsed SVG reads back exactly what the user wrote
    assert b"<script" not in svg  # escaped, not markup
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; $x$ _a_" in svg
    assert png_size(charts.render(fig, "png"))[0] > 0


@pytest.mark.parametrize("text", ["$", "$$", "$\\frac{1}{0}$", "a_b^c", "\\", "{}", "%", "100%"])
def test_mathtext_is_never_parsed(text: str) -> None:
    fig = charts.bar_chart_competitiveness([(text, 10.0)], title=text)
    assert text in svg_text(charts.render(fig, "svg"))
    charts.render(fig, "png")


def test_svg_for_html_escapes_the_aria_label() -> None:
    html = charts.svg_for_html(charts.render(charts.ie_matrix([("A", 2.5, 2.5)], title=NASTY), "svg"))
    assert 'aria-label="&lt;script&gt;alert(1)&lt;/script&gt; &amp; $x$ _a_"' in html
    assert "<script" not in html
