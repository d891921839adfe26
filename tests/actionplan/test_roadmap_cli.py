"""``kotacerdas roadmap REGION -o FILE.svg|png [--by pillar|agency] [--run NAME]`` writes the Gantt chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kotacerdas.actionplan import services
from kotacerdas.cli import main

M = 1_000_000
SVG = "{http://www.w3.org/2000/svg}"


def texts(path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return "\n".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def test_svg_and_png_by_pillar_and_agency(plan, world, tmp_path, capsys) -> None:
    plan.judge_equal()
    plan.ceiling(2025, 1000 * M)
    plan.ceiling(2026, 1000 * M)
    qw = plan.activity("GOV-01", name="Portal Satu Data", horizon="quick_win", costs={2025: 200 * M})
    plan.score(qw)
    long = plan.activity("SOC-01", pillar="society", agency=world.dinkes, name="Menara BTS desa blank spot",
                         horizon="medium", start=2025, end=2026, costs={2025: 300 * M, 2026: 300 * M})  # fmt: skip
    plan.score(long)
    svg = tmp_path / "roadmap.svg"
    assert main(["roadmap", "katingan", "-o", str(svg)]) == 0
    text = texts(svg)
    assert "GOV-01 Portal Satu Data" in text and "Smart Governance" in text and "Smart Society" in text
    assert "Peta jalan Kabupaten Katingan" in text
    png = tmp_path / "roadmap.png"
    assert main(["roadmap", "katingan", "-o", str(png), "--by", "agency"]) == 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    by_agency = tmp_path / "agency.svg"
    assert main(["roadmap", "katingan", "-o", str(by_agency), "--by", "agency"]) == 0
    assert "Dinkes" in texts(by_agency) and "Diskominfostandi" in texts(by_agency)


def test_from_a_saved_run(plan, tmp_path, capsys) -> None:
    plan.judge_equal()
    plan.ceiling(2025, 1000 * M)
    plan.score(plan.activity("GOV-01", name="Portal Satu Data", horizon="quick_win", costs={2025: 200 * M}))
    assert main(["prioritize", "katingan", "--save", "Pagu awal"]) == 0
    out = tmp_path / "run.svg"
    assert main(["roadmap", "katingan", "-o", str(out), "--run", "Pagu awal"]) == 0
    assert "Pagu awal" in texts(out) and "GOV-01 Portal Satu Data" in texts(out)
    assert main(["roadmap", "katingan", "-o", str(out), "--run", "Tidak ada"]) == 2


def test_errors(plan, tmp_path, capsys) -> None:
    services.ensure_default_criteria(plan.region)  # the criteria exist; nobody has judged yet
    assert main(["roadmap", "katingan", "-o", str(tmp_path / "x.pdf")]) == 1
    assert main(["roadmap", "katingan", "-o", str(tmp_path / "x.svg")]) == 1  # no judgements yet
    assert "Belum ada penilaian berpasangan" in capsys.readouterr().err
    assert main(["roadmap", "atlantis", "-o", str(tmp_path / "x.svg")]) == 2
