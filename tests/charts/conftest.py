"""Sample inputs for every chart (pure Python: these tests also run with ``-p no:django``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from kotacerdas import charts
from kotacerdas.method import competitiveness, future, swot

PILLARS = (
    "Smart Governance",
    "Smart Branding",
    "Smart Economy",
    "Smart Living",
    "Smart Society",
    "Smart Environment",
)
NASTY = "<script>alert(1)</script> & $x$ _a_"


def quadrant_points() -> list[tuple[str, float | None, float | None]]:
    return [
        ("Smart Governance", 0.45, -0.20),
        ("Smart Branding", 0.30, 0.35),
        ("Smart Economy", -0.55, 0.10),
        ("Smart Living", -0.50, 0.15),
        ("Smart Society", 0.10, 0.60),
        ("Smart Environment", -0.90, -0.70),
    ]


def ie_points() -> list[tuple[str, float | None, float | None]]:
    return [
        ("Smart Governance", 3.20, 2.40),
        ("Smart Branding", 2.30, 3.10),
        ("Smart Economy", 2.70, 2.60),
        ("Smart Living", 2.65, 2.55),
        ("Smart Society", 2.10, 3.30),
        ("Smart Environment", 1.60, 1.70),
    ]


def radar_axes() -> list[tuple[str, float | None, float | None]]:
    return [
        ("Smart Governance", 2.67, 4.0),
        ("Smart Branding", 1.67, 3.0),
        ("Smart Economy", 2.0, 3.33),
        ("Smart Living", 2.33, 3.67),
        ("Smart Society", 2.0, 3.0),
        ("Smart Environment", 1.33, 2.67),
    ]


def competitiveness_rows() -> list[tuple[str, float | None]]:
    return [
        ("Kotawaringin Timur", 71.2),
        ("Katingan", 48.6),
        ("Palangka Raya", 88.0),
        ("Gunung Mas", 35.4),
        ("Pulang Pisau", None),
        ("Kapuas", 52.9),
    ]


def projection_inputs() -> tuple[list[tuple[int, float]], future.Projection]:
    history = [(2018, 62.0), (2019, 64.5), (2020, 63.8), (2021, 67.0), (2022, 69.1)]
    return history, future.project(history, 2032, target=85.0)


def scenario_inputs() -> tuple[str, str, dict[str, Any]]:
    return (
        "Dukungan pendanaan pusat",
        "Adopsi digital masyarakat",
        {
            "high_high": ("Katingan Terhubung", "Jaringan serat optik menjangkau semua kecamatan."),
            "high_low": "Infrastruktur Tanpa Pengguna",
            "low_high": ("Swadaya Digital", "Desa menggerakkan layanan digital sendiri."),
            "low_low": "Tertinggal di Hulu",
        },
    )


def readiness_grid() -> dict[str, dict[str, int | None]]:
    grid: dict[str, dict[str, int | None]] = {}
    aspects = ("sdm", "anggaran", "tata_kelola", "fisik", "digital", "sosial", "regulasi", "kelembagaan")
    for k, pillar in enumerate(("governance", "branding", "economy", "living", "society", "environment")):
        grid[pillar] = {a: (k + j) % 5 + 1 for j, a in enumerate(aspects)}
        grid[pillar]["tata_laksana"] = None if k % 2 else 3
    grid["environment"]["digital"] = None
    return grid


@dataclass(frozen=True)
class Chart:
    name: str
    build: Any  # () -> Figure
    texts: tuple[str, ...]  # texts that must appear in the SVG


def all_charts() -> list[Chart]:
    history, projection = projection_inputs()
    x_label, y_label, cells = scenario_inputs()
    factors = [
        swot.Factor("S", "Serat optik 162 km", 4, importance=5),
        swot.Factor("W", "46 desa tanpa sinyal", 3, importance=4),
        swot.Factor("O", "Program menara BAKTI", 4, importance=5),
        swot.Factor("T", "PETI di Sungai Katingan", 3, importance=4),
    ]
    analysis = swot.analyse(factors)
    element_axes = [("Pelayanan publik", 2, 4), ("Tata kelola birokrasi", 3, 4), ("Kebijakan publik", 3, 3)]
    comparison = competitiveness.compare(
        ["katingan", "kotim", "palangkaraya"],
        [competitiveness.Indicator("poverty", "Kemiskinan", "economy", direction="lower")],
        {"poverty": {"katingan": 5.2, "kotim": 5.9, "palangkaraya": None}},
    )
    return [
        Chart("quadrant", lambda: charts.quadrant_chart(quadrant_points()), PILLARS + ("I agresif (SO)",)),
        Chart(
            "quadrant_analysis",
            lambda: charts.quadrant_chart([("Smart Governance", analysis)]),
            ("Smart Governance",),
        ),
        Chart("ie_matrix", lambda: charts.ie_matrix(ie_points()), PILLARS + ("IX", "Kuat", "Tinggi")),
        Chart("radar", lambda: charts.radar_chart(radar_axes()), PILLARS + ("Saat ini", "Target")),
        Chart(
            "radar_elements",
            lambda: charts.radar_chart(element_axes, title="Smart Governance: elemen"),
            ("Pelayanan publik", "Kebijakan publik"),
        ),
        Chart(
            "competitiveness",
            lambda: charts.bar_chart_competitiveness(competitiveness_rows(), highlight="Katingan"),
            ("Katingan", "Palangka Raya", "tidak ada data"),
        ),
        Chart(
            "competitiveness_comparison",
            lambda: charts.bar_chart_competitiveness(
                comparison,
                highlight="katingan",
                names={"katingan": "Katingan", "kotim": "Kotawaringin Timur"},
            ),
            ("Katingan", "Kotawaringin Timur", "tidak ada data"),
        ),
        Chart(
            "projection",
            lambda: charts.projection_chart(history, projection, title="Indeks Pembangunan Manusia"),
            ("Indeks Pembangunan Manusia", "Tren linear", "Horizon 2032", "Target: 85"),
        ),
        Chart(
            "scenario_frame",
            lambda: charts.scenario_frame(x_label, y_label, cells),
            ("Katingan Terhubung", "Tertinggal di Hulu", "Adopsi digital masyarakat"),
        ),
        Chart(
            "readiness_heatmap",
            lambda: charts.readiness_heatmap(readiness_grid()),
            ("Smart Governance", "Kelembagaan", "Infrastruktur", "–"),
        ),
    ]


@pytest.fixture(params=all_charts(), ids=lambda chart: chart.name)
def chart(request) -> Chart:
    return request.param
