"""Export → import under a new slug → export gives the same document apart from ``region.slug``."""

from __future__ import annotations

import json
from decimal import Decimal

from kotacerdas.interchange.region_file import export_region, import_document
from kotacerdas.regions.models import Agency, District, GovernanceMember, Membership, Region


def _through_json(document: dict) -> dict:
    return json.loads(json.dumps(document, ensure_ascii=False))


def _without_slug(document: dict) -> dict:
    return {**document, "region": {**document["region"], "slug": None}}


def test_export_import_export_is_identical_apart_from_the_slug(full_region):
    first = _through_json(export_region(full_region))
    copy = import_document(first, slug="katingan-salinan")
    assert copy.slug == "katingan-salinan"
    second = _through_json(export_region(copy))
    assert second["region"]["slug"] == "katingan-salinan"
    assert _without_slug(second) == _without_slug(first)


def test_it_round_trips_again_from_the_copy(full_region):
    first = _through_json(export_region(full_region))
    second = _through_json(export_region(import_document(first, slug="salinan-1")))
    third = _through_json(export_region(import_document(second, slug="salinan-2")))
    assert _without_slug(third) == _without_slug(second) == _without_slug(first)


def test_the_copy_is_a_separate_region_with_its_own_rows(full_region):
    copy = import_document(_through_json(export_region(full_region)), slug="katingan-salinan")
    assert Region.objects.count() == 3
    assert copy.pk != full_region.pk
    assert copy.area_km2 == Decimal("20382.26")
    assert (
        District.objects.filter(region=copy).count()
        == District.objects.filter(region=full_region).count()
        == 3
    )
    office = Agency.objects.get(region=copy, abbreviation="Kec. Katingan Hilir")
    assert office.district.region_id == copy.pk
    assert GovernanceMember.objects.get(region=copy, name="Kepala Bappelitbang").agency.region_id == copy.pk
    operator = Membership.objects.get(region=copy, user__username="op_dinkes")
    assert (operator.role, operator.agency.region_id, operator.agency.abbreviation) == (
        "operator",
        copy.pk,
        "Dinkes",
    )


def test_list_order_of_districts_and_governance_is_kept(full_region):
    document = _through_json(export_region(full_region))
    document["districts"].reverse()
    document["governance"].reverse()
    copy = import_document(document, slug="urutan-terbalik")
    again = export_region(copy)
    assert [d["name"] for d in again["districts"]] == [d["name"] for d in document["districts"]]
    assert [m["name"] for m in again["governance"]] == [m["name"] for m in document["governance"]]


def test_the_slug_of_the_file_is_used_without_slug_option(full_region):
    document = _through_json(export_region(full_region))
    document["region"]["slug"] = "katingan-dari-berkas"
    region = import_document(document)
    assert region.slug == "katingan-dari-berkas"
    assert export_region(region) == document


def test_every_change_is_recorded_in_history(full_region):
    copy = import_document(_through_json(export_region(full_region)), slug="katingan-salinan")
    record = copy.history.get()
    assert record.history_type == "+"
    assert "kotacerdas-region/1" in record.history_change_reason
    assert Agency.history.filter(region_id=copy.pk).count() == 5
