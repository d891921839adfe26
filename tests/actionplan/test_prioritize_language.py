"""The roadmap's deferred reasons follow the active language: Indonesian by default, English when English is
active; funding sources appear with their labels, and ``plan_json`` keeps its keys."""

from __future__ import annotations

import pytest
from django.utils import translation

from kotacerdas.actionplan import services

M = 1_000_000


@pytest.fixture
def region(plan):
    plan.judge_equal()
    plan.ceiling(2025, 100 * M)
    qw = plan.activity("QW-1", horizon="quick_win", costs={2025: 80 * M})
    plan.score(qw)
    big = plan.activity("BIG", costs={2025: 50 * M})  # only 20 M of the 2025 APBD ceiling is left
    plan.score(big, dampak=5)
    cancelled = plan.activity("OLD", status="batal")
    after = plan.activity("NEXT", costs={2025: 1 * M}, depends_on=[cancelled])
    plan.score(after)
    plan.activity("NEW", costs={2025: 1 * M})  # never scored
    return plan.region


def test_reasons_are_indonesian_by_default(region) -> None:
    with translation.override("id"):
        document = services.plan_json(services.compute_plan(region))
    assert list(document) == list(services.PLAN_KEYS)
    assert document["chosen"] == {"QW-1": 2025}
    assert document["deferred"] == {
        "BIG": "pagu APBD 2025 tidak cukup: butuh Rp 50.000.000, tersisa Rp 20.000.000 dari Rp 100.000.000 "
        "(jika dimulai 2025)",
        "NEW": "belum dinilai pada dampak, urgensi, keselarasan, kesiapan, kearifan_lokal, sehingga belum "
        "memiliki prioritas",
        "NEXT": "bergantung pada OLD, yang dibatalkan",
    }


def test_reasons_are_english_when_english_is_active(region) -> None:
    with translation.override("en"):
        document = services.plan_json(services.compute_plan(region))
    assert document["deferred"] == {
        "BIG": "ceiling APBD 2025 is used up: it needs Rp 50.000.000 there, only Rp 20.000.000 of "
        "Rp 100.000.000 is left (starting in 2025)",
        "NEW": "not scored on dampak, urgensi, keselarasan, kesiapan, kearifan_lokal, so it has no priority",
        "NEXT": "depends on OLD, which is cancelled",
    }


def test_an_unfundable_mandatory_set_is_explained_in_the_active_language(plan) -> None:
    plan.judge_equal()
    plan.ceiling(2025, 500 * M)
    plan.score(plan.activity("QW-1", horizon="quick_win", costs={2025: 800 * M}))
    with translation.override("id"), pytest.raises(services.PrioritizationError) as info:
        services.compute_plan(plan.region)
    assert str(info.value).startswith(
        "kegiatan wajib tidak dapat didanai seluruhnya: pada 2025, sumber dana APBD, dibutuhkan paling "
        "sedikit Rp 800.000.000, sedangkan pagunya Rp 500.000.000 (kurang Rp 300.000.000)"
    )
    with translation.override("en"), pytest.raises(services.PrioritizationError) as info:
        services.compute_plan(plan.region)
    assert str(info.value).startswith(
        "the mandatory activities cannot all be funded: in 2025, source APBD, they need at least "
        "Rp 800.000.000 but the ceiling is Rp 500.000.000 (short by Rp 300.000.000)"
    )
