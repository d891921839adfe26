"""Labels are Indonesian by default, English on request, and each can be overridden."""

from __future__ import annotations

import pytest

from kotacerdas import charts
from tests.charts.conftest import ie_points, projection_inputs, quadrant_points, radar_axes
from tests.charts.helpers import svg_text, svg_texts


def test_indonesian_by_default_with_decimal_comma() -> None:
    texts = svg_texts(charts.render(charts.quadrant_chart(quadrant_points()), "svg"))
    assert "Diagram SWOT (Rangkuti): posisi setiap pilar" in texts
    assert {"I agresif (SO)", "II diversifikasi (ST)", "III turnaround (WO)", "IV defensif (WT)"} <= set(
        texts
    )
    assert "(0,45; −0,20)" in texts


def test_english_on_request() -> None:
    text = svg_text(charts.render(charts.ie_matrix(ie_points(), lang="en"), "svg"))
    assert "Internal-External (IE) matrix" in text and "Strong" in text and "(3.20, 2.40)" in text


def test_a_label_can_be_overridden() -> None:
    fig = charts.radar_chart(radar_axes(), labels={"current": "Kondisi 2022", "target": "Target 2032"})
    texts = svg_texts(charts.render(fig, "svg"))
    assert "Kondisi 2022" in texts and "Target 2032" in texts


def test_an_unknown_label_or_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown chart label 'nope'"):
        charts.radar_chart(radar_axes(), labels={"nope": "x"})
    with pytest.raises(ValueError, match="unknown chart language 'fr'"):
        charts.radar_chart(radar_axes(), lang="fr")


def test_projection_years_have_no_thousands_separator() -> None:
    history, projection = projection_inputs()
    texts = svg_texts(charts.render(charts.projection_chart(history, projection), "svg"))
    assert "2020" in texts and "2.020" not in texts


def test_radar_needs_three_axes() -> None:
    with pytest.raises(ValueError, match="at least three axes"):
        charts.radar_chart([("A", 1, 2), ("B", 2, 3)])


def test_scenario_frame_rejects_an_unknown_cell() -> None:
    with pytest.raises(ValueError, match="unknown scenario cell 'middle'"):
        charts.scenario_frame("x", "y", {"middle": "?"})
