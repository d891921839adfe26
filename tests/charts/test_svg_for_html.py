"""svg_for_html: inline SVG markup for a template, without prolog, with role and aria-label."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kotacerdas import charts
from tests.charts.conftest import radar_axes


def test_it_drops_the_prolog_and_labels_the_image() -> None:
    html = charts.svg_for_html(charts.render(charts.radar_chart(radar_axes()), "svg"))
    assert html.startswith("<svg ")
    assert "<?xml" not in html and "<!DOCTYPE" not in html and "<metadata>" not in html
    root = ET.fromstring(html)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Tingkat kematangan: saat ini dan target"
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Tingkat kematangan: saat ini dan target"


def test_the_label_can_be_given() -> None:
    html = charts.svg_for_html(charts.render(charts.radar_chart(radar_axes()), "svg"), label="Radar & co")
    assert ET.fromstring(html).get("aria-label") == "Radar & co"
    assert 'aria-label="Radar &amp; co"' in html


def test_a_chart_without_drawn_title_still_has_its_label() -> None:
    html = charts.svg_for_html(charts.render(charts.radar_chart(radar_axes(), title=""), "svg"))
    assert ET.fromstring(html).get("aria-label") == ""
