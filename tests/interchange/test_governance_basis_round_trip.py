"""The governance keys of the region file: a member's pentahelix ``sector`` and term (``start_year``/``end_year``)
and ``governance_basis`` (the decree forming each body). They are optional: an older file without them imports and
exports unchanged; with them, export → import → export is identical; wrong values are refused at their path with
nothing written."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from kotacerdas.interchange.region_file import (
    InvalidRegionFile,
    check_document,
    export_region,
    import_document,
)
from kotacerdas.regions.models import GovernanceBasis, GovernanceMember

pytestmark = pytest.mark.django_db

BASES = [
    {
        "body": "dewan",
        "title": "Keputusan Bupati tentang Dewan Smart City",
        "number": "188.45/123/2022",
        "date": "2022-03-14",
        "placeholder": False,
        "start_year": 2022,
        "end_year": 2023,
        "source": "Fiktif untuk uji",
        "illustrative": True,
    },
    {
        "body": "tim_pelaksana",
        "title": "",
        "number": "",
        "date": None,
        "placeholder": True,
        "start_year": None,
        "end_year": None,
        "source": "SK belum ditemukan di sumber terbuka",
        "illustrative": False,
    },
]


@pytest.fixture
def document(exported):
    doc = copy.deepcopy(exported)
    assert doc["governance"], "the fixture region has governance members"
    member = doc["governance"][0]
    member.update(sector="adat", start_year=2025, end_year=2029)
    keys = list(doc)
    rebuilt = {}
    for key in keys:
        rebuilt[key] = doc[key]
        if key == "governance":
            rebuilt["governance_basis"] = copy.deepcopy(BASES)
    return rebuilt


def test_an_older_file_without_the_keys_exports_without_them(exported):
    assert "governance_basis" not in exported
    for member in exported["governance"]:
        assert not {"sector", "start_year", "end_year"} & set(member)
    region = import_document(exported, slug="lama")
    assert not GovernanceBasis.objects.filter(region=region).exists()
    assert set(GovernanceMember.objects.filter(region=region).values_list("sector", flat=True)) == {""}


def test_the_keys_round_trip_exactly(document):
    region = import_document(document, slug="uji")
    member = GovernanceMember.objects.get(region=region, name=document["governance"][0]["name"])
    assert (member.sector, member.start_year, member.end_year) == ("adat", 2025, 2029)
    decree = GovernanceBasis.objects.get(region=region, body="dewan")
    assert (decree.number, decree.date, decree.placeholder) == (
        "188.45/123/2022",
        dt.date(2022, 3, 14),
        False,
    )
    again = json.loads(json.dumps(export_region(region)))
    again["region"]["slug"] = document["region"]["slug"]
    assert again["governance_basis"] == BASES
    assert again["governance"] == document["governance"]
    assert list(again) == list(document)
    assert again == document


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["governance_basis"][1].update(number="1/2022"), "governance_basis[1].number"),
        (lambda d: d["governance_basis"][0].update(number=""), "governance_basis[0].number"),
        (lambda d: d["governance_basis"][0].update(date="14-03-2022"), "governance_basis[0].date"),
        (lambda d: d["governance_basis"][0].update(end_year=2020), "governance_basis[0].end_year"),
        (lambda d: d["governance"][0].update(sector="lsm"), "governance[0].sector"),
        (lambda d: d["governance"][0].update(end_year=2024), "governance[0].end_year"),
    ],
)
def test_wrong_values_are_refused_at_their_path_and_nothing_is_written(document, change, path, row_counts):
    change(document)
    problems = check_document(document, slug="uji")
    assert any(p.startswith(path + ":") for p in problems), problems
    before = row_counts()
    with pytest.raises(InvalidRegionFile):
        import_document(document, slug="uji")
    assert row_counts() == before
