"""The funding rules at the region file: refusals named by JSON path with nothing written, the legacy ``other``
still imported (with a warning asking for the real source), the optional ``national_app_reason`` carried."""

from __future__ import annotations

import copy

import pytest

from kotacerdas import sample
from kotacerdas.actionplan import funding
from kotacerdas.actionplan.models import Activity
from kotacerdas.interchange.region_file import (
    InvalidRegionFile,
    check_document,
    export_region,
    import_document,
)
from kotacerdas.regions.models import Region


@pytest.fixture(scope="module")
def katingan_file() -> dict:
    return sample.document("katingan")


def _index(document: dict, ref: str) -> int:
    return next(i for i, a in enumerate(document["activities"]) if a["ref"] == ref)


def _funding_problems(document: dict) -> list[str]:
    return [p for p in check_document(document, slug="uji") if ".funding_source:" in p]


@pytest.mark.django_db
def test_the_sample_passes_the_funding_refusals(katingan_file):
    assert _funding_problems(copy.deepcopy(katingan_file)) == []


@pytest.mark.django_db
def test_kpbu_for_governance_is_refused_at_its_path_and_nothing_is_written(katingan_file):
    document = copy.deepcopy(katingan_file)
    i = _index(document, "ECO-08")  # "Sentra pengolahan rotan bersama investor (skema KPBU)"
    assert document["activities"][i]["funding_source"] == "kpbu"
    document["activities"][i]["infrastructure"] = "governance"
    problems = _funding_problems(document)
    assert len(problems) == 1
    assert problems[0].startswith(
        f"activities[{i}].funding_source: KPBU hanya membiayai penyediaan infrastruktur"
    )
    assert (
        "Perpres 38/2015" in problems[0]
        and " / KPBU only finances the provision of infrastructure" in problems[0]
    )
    regions = Region.objects.count()
    with pytest.raises(InvalidRegionFile) as raised:
        import_document(document, slug="uji")
    assert any(p.startswith(f"activities[{i}].funding_source:") for p in raised.value.problems)
    assert Region.objects.count() == regions
    assert not Activity.objects.filter(region__slug="uji").exists()


@pytest.mark.django_db
def test_dana_desa_without_locations_is_refused_at_its_path(katingan_file):
    document = copy.deepcopy(katingan_file)
    i = _index(document, "SOC-02")  # "Perluasan Desa Digital ke desa lain dengan Dana Desa"
    assert document["activities"][i]["funding_source"] == "dana_desa"
    document["activities"][i]["locations"] = []
    problems = _funding_problems(document)
    assert len(problems) == 1 and problems[0].startswith(
        f"activities[{i}].funding_source: Dana Desa dibelanjakan"
    )
    document["activities"][i].pop("locations")  # an absent list is no location either
    assert len(_funding_problems(document)) == 1


@pytest.mark.django_db
def test_legacy_other_imports_with_a_warning_and_the_reason_travels(katingan_file):
    document = copy.deepcopy(katingan_file)
    other = _index(document, "BRD-01")
    portal = _index(document, "GOV-04")  # "Portal Satu Data Katingan"
    document["activities"][other]["funding_source"] = "other"
    document["activities"][portal]["national_app_reason"] = "Simpul daerah Satu Data Indonesia."
    region = import_document(document, slug="uji")

    legacy = Activity.objects.get(region=region, ref="BRD-01")
    assert legacy.funding_source == "other"
    assert legacy.get_funding_source_display() == "Lainnya (lama)"
    assert [w.rule for w in funding.activity_warnings(legacy)] == ["legacy_other"]

    stored = Activity.objects.get(region=region, ref="GOV-04")
    assert stored.national_app_reason == "Simpul daerah Satu Data Indonesia."
    assert funding.activity_warnings(stored) == []  # the reason silences the national-application warning

    exported = {a["ref"]: a for a in export_region(region)["activities"]}
    assert exported["GOV-04"]["national_app_reason"] == "Simpul daerah Satu Data Indonesia."
    assert "national_app_reason" not in exported["GOV-05"]  # optional key, left out when empty
    assert exported["BRD-01"]["funding_source"] == "other"
