"""Missing data is shown as missing: named, hatched or written out, never drawn as 0."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kotacerdas import charts
from kotacerdas.method import swot
from tests.charts.conftest import (
    competitiveness_rows,
    ie_points,
    quadrant_points,
    radar_axes,
    readiness_grid,
    scenario_inputs,
)
from tests.charts.helpers import svg_text, svg_texts


def test_competitiveness_says_no_data_for_a_peer_without_value() -> None:
    svg = charts.render(charts.bar_chart_competitiveness(competitiveness_rows(), highlight="Katingan"), "svg")
    texts = svg_texts(svg)
    assert texts.count("tidak ada data") == 1
    assert "Pulang Pisau" in texts
    assert "0,0" not in texts  # no value label 0 for the missing peer
    bars = [node for node in ET.fromstring(svg).iter() if (node.get("id") or "").startswith("patch_")]
    assert len(bars) >= 5


def test_competitiveness_lists_the_missing_peer_last() -> None:
    fig = charts.bar_chart_competitiveness(competitiveness_rows(), highlight="Katingan")
    labels = [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    assert labels[0] == "Palangka Raya" and labels[-1] == "Pulang Pisau"


def test_competitiveness_no_data_in_english() -> None:
    svg = charts.render(charts.bar_chart_competitiveness(competitiveness_rows(), lang="en"), "svg")
    assert "no data" in svg_texts(svg)


def test_quadrant_chart_lists_a_pillar_without_quadrant_in_a_note() -> None:
    points = quadrant_points()
    points[1] = ("Smart Branding", None, 0.35)
    no_external = swot.analyse([swot.Factor("S", "Serat optik", 4, importance=3)])
    points.append(("Smart Lain", no_external))
    text = svg_text(charts.render(charts.quadrant_chart(points), "svg"))
    note = next(line for line in text.splitlines() if line.startswith("Belum berkuadran"))
    assert "Smart Branding" in note and "Smart Lain" in note
    assert "Smart Governance" not in note


def test_ie_matrix_lists_a_pillar_without_cell_in_a_note() -> None:
    points = ie_points()
    points[0] = ("Smart Governance", 3.2, None)
    text = svg_text(charts.render(charts.ie_matrix(points), "svg"))
    assert "Belum ada sel IE (faktor internal atau eksternal belum ada): Smart Governance." in text


def test_readiness_heatmap_marks_unscored_cells() -> None:
    grid = readiness_grid()
    missing = sum(value is None for row in grid.values() for value in row.values())
    texts = svg_texts(charts.render(charts.readiness_heatmap(grid), "svg"))
    assert texts.count("–") == missing
    assert "– belum dinilai" in texts


def test_readiness_heatmap_with_an_unscored_pillar_has_no_pillar_score() -> None:
    grid = {"governance": {"sdm": 3}, "branding": {}}
    texts = svg_texts(charts.render(charts.readiness_heatmap(grid), "svg"))
    assert texts.count("–") == 8 + 9 + 1  # eight + nine unscored cells, one pillar without score
    assert "3,00" in texts


def test_radar_says_no_data_on_an_axis_without_values() -> None:
    axes = radar_axes()
    axes[2] = ("Smart Economy", None, None)
    text = svg_text(charts.render(charts.radar_chart(axes), "svg"))
    assert "(tidak ada data)" in text


def test_radar_without_targets_draws_only_the_current_polygon() -> None:
    axes = [(name, current, None) for name, current, _ in radar_axes()]
    texts = svg_texts(charts.render(charts.radar_chart(axes), "svg"))
    assert "Saat ini" in texts and "Target" not in texts


def test_scenario_frame_says_when_a_cell_has_no_name() -> None:
    x, y, cells = scenario_inputs()
    del cells["low_low"]
    texts = svg_texts(charts.render(charts.scenario_frame(x, y, cells), "svg"))
    assert "(skenario belum dinamai)" in texts
