"""``kotacerdas prioritize`` exits 1 with a clear message: weights missing or inconsistent, or a mandatory set
that no schedule can fund (the message names the year and the source)."""

from __future__ import annotations

from kotacerdas.actionplan import services
from kotacerdas.cli import main

M = 1_000_000


def test_missing_judgements(plan, capsys) -> None:
    services.ensure_default_criteria(plan.region)  # the criteria exist; nobody has judged yet
    plan.activity("QW-1", horizon="quick_win", costs={2025: 1 * M})
    assert main(["prioritize", "katingan", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Belum ada penilaian berpasangan (AHP)" in captured.err


def test_inconsistent_judgements_name_the_pair(plan, capsys) -> None:
    slugs = ["dampak", "urgensi", "keselarasan", "kesiapan", "biaya", "kearifan_lokal"]
    w = dict(zip(slugs, [4, 2, 2, 1, 1, 1], strict=True))
    judgements = {(a, b): w[a] / w[b] for i, a in enumerate(slugs) for b in slugs[i + 1 :]}
    judgements[("dampak", "biaya")] = 1 / 9
    plan.judge("Bappelitbang", judgements)
    assert main(["prioritize", "katingan", "--json"]) == 1
    err = capsys.readouterr().err
    assert "tidak konsisten (CR 0,336 > 0,10)" in err and "Dampak vs Biaya" in err


def test_an_unfundable_quick_win_names_year_and_source(plan, capsys) -> None:
    plan.judge_equal()
    plan.ceiling(2025, 500 * M)
    qw = plan.activity("QW-1", horizon="quick_win", costs={2025: 800 * M})
    plan.score(qw)
    assert main(["prioritize", "katingan"]) == 1
    err = capsys.readouterr().err
    assert "pada 2025, sumber dana APBD" in err
    assert "Rp 500.000.000" in err and "QW-1" in err


def test_a_mandatory_activity_depending_on_a_cancelled_one(plan, capsys) -> None:
    plan.judge_equal()
    cancelled = plan.activity("OLD", status="batal")
    plan.activity("QW-1", horizon="quick_win", depends_on=[cancelled])
    assert main(["prioritize", "katingan"]) == 1
    assert (
        "Kegiatan wajib QW-1 tidak dapat dijadwalkan: bergantung pada OLD, yang dibatalkan."
        in capsys.readouterr().err
    )
