"""The roadmap Gantt and the spending chart: valid SVG/PNG, labels present, user text literal, deterministic.

Previews are written to /tmp/kc-charts/roadmap*.png for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from kotacerdas import charts
from tests.charts.conftest import NASTY
from tests.charts.helpers import png_size, svg_text

OUT = Path("/tmp/kc-charts")

ROWS = [
    ("GOV-01 Portal Satu Data Katingan", "Smart Governance", 2025, 2025, "quick_win"),
    ("GOV-02 Integrasi layanan perizinan daring", "Smart Governance", 2026, 2026, "short"),
    ("GOV-03 Pusat data daerah dan pemulihan bencana", "Smart Governance", 2026, 2029, "medium"),
    ("SOC-01 Menara BTS di 46 desa blank spot", "Smart Society", 2025, 2025, "quick_win"),
    (
        "SOC-02 Jaringan serat optik antarkecamatan sepanjang Sungai Katingan",
        "Smart Society",
        2026,
        2034,
        "long",
    ),
    ("ECO-01 Marketplace rotan bagi pengrajin Katingan", "Smart Economy", 2025, 2025, "quick_win"),
    ("ECO-02 Pelatihan pemasaran digital UMKM", "Smart Economy", 2027, 2028, "medium"),
]
SPENDING = [
    {"year": 2025, "source": "apbd", "amount": 3_250_000_000, "ceiling": 4_000_000_000},
    {"year": 2026, "source": "apbd", "amount": 3_900_000_000, "ceiling": 4_000_000_000},
    {"year": 2027, "source": "apbd", "amount": 1_200_000_000, "ceiling": 4_500_000_000},
    {"year": 2025, "source": "apbn", "amount": 12_000_000_000, "ceiling": 12_000_000_000},
    {"year": 2026, "source": "apbn", "amount": 0, "ceiling": 8_000_000_000},
    {"year": 2027, "source": "apbn", "amount": 0, "ceiling": 0},
]
SOURCES = {"apbd": "APBD", "apbn": "APBN/DAK"}


def build(name: str):
    return {
        "roadmap": lambda: charts.roadmap_chart(ROWS),
        "roadmap_agency": lambda: charts.roadmap_chart(
            [(label, agency, s, e, h) for (label, _g, s, e, h), agency in zip(ROWS, "AABBCCA", strict=True)],
            title="Peta jalan per perangkat daerah",
        ),
        "roadmap_empty": lambda: charts.roadmap_chart([]),
        "roadmap_spending": lambda: charts.spending_chart(SPENDING, sources=SOURCES),
        "roadmap_spending_over": lambda: charts.spending_chart(
            [(2025, "apbd", 5e9, 4e9), (2026, "apbd", 1e9, 4e9)], lang="en"
        ),
    }[name]()


NAMES = ["roadmap", "roadmap_agency", "roadmap_empty", "roadmap_spending", "roadmap_spending_over"]


@pytest.mark.parametrize("name", NAMES)
def test_it_renders_valid_svg_and_png_and_writes_previews(name: str) -> None:
    fig = build(name)
    svg = charts.render(fig, "svg")
    assert svg_text(svg)  # parses as SVG with text
    png = charts.render(fig, "png")
    assert png_size(png)[0] == int(charts.WIDTH * charts.PNG_DPI)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.png").write_bytes(png)


def test_roadmap_labels() -> None:
    text = svg_text(charts.render(charts.roadmap_chart(ROWS), "svg"))
    for expected in ("Peta jalan kegiatan", "Smart Governance", "Smart Society", "Quick win", "Jangka panjang (≤ 10 tahun)",
                     "GOV-01 Portal Satu Data Katingan", "2025", "2034"):  # fmt: skip
        assert expected in text
    english = svg_text(charts.render(charts.roadmap_chart(ROWS, lang="en"), "svg"))
    assert "Medium term (≤ 5 years)" in english and "Activity roadmap" in english


def test_empty_roadmap_says_so() -> None:
    assert "Belum ada kegiatan terpilih" in svg_text(charts.render(charts.roadmap_chart([]), "svg"))


def test_spending_labels_use_indonesian_numbers() -> None:
    text = svg_text(charts.render(charts.spending_chart(SPENDING, sources=SOURCES), "svg"))
    for expected in ("APBD", "APBN/DAK", "Pagu", "Belanja terjadwal", "3,25", "Miliar rupiah", "2026"):
        assert expected in text
    assert "Melebihi pagu" not in text  # nothing overspends
    over = svg_text(charts.render(build("roadmap_spending_over"), "svg"))
    assert "Over the ceiling" in over


@pytest.mark.parametrize("which", ["roadmap", "spending"])
def test_user_text_appears_literally(which: str) -> None:
    if which == "roadmap":
        fig = charts.roadmap_chart([(NASTY, NASTY, 2025, 2026, "medium")], title=NASTY)
    else:
        fig = charts.spending_chart([(2025, NASTY, 1e9, 2e9)], sources={NASTY: NASTY}, title=NASTY)
    svg = charts.render(fig, "svg")
    assert NASTY in svg_text(svg)
    assert b"<script" not in svg


@pytest.mark.parametrize("name", NAMES)
def test_deterministic(name: str) -> None:
    for fmt in ("svg", "png"):
        assert charts.render(build(name), fmt) == charts.render(build(name), fmt)


def test_bad_rows_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown horizon"):
        charts.roadmap_chart([("A", "G", 2025, 2025, "someday")])
    with pytest.raises(ValueError, match="before start"):
        charts.roadmap_chart([("A", "G", 2026, 2025, "short")])
