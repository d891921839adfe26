"""Export → import into the same region changes nothing; export → import into an empty copy → export is the same."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from kotacerdas.assessment.models import (
    Driver,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    ReadinessScore,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.interchange.workbook import import_workbook
from kotacerdas.regions.models import Agency, Region

from .conftest import cells, exported, to_bytes


def _empty_copy(region: Region) -> Region:
    """The same region (name, kind, agencies) under another slug, without any bimtek data."""
    copy = Region.objects.create(
        slug=f"{region.slug}-salinan", name=region.name, kind=region.kind, province=region.province
    )
    for agency in Agency.objects.filter(region=region):
        Agency.objects.create(
            region=copy, name=agency.name, abbreviation=agency.abbreviation, kind=agency.kind
        )
    return copy


def test_importing_an_export_into_the_same_region_writes_nothing(filled, row_counts):
    workbook = exported(filled)
    before = row_counts()
    summary = import_workbook(filled, workbook)
    assert not summary.changed
    assert summary.unchanged == {
        "Kesiapan": 3,
        "SWOT": 7,
        "SWOT (penilaian)": 8,
        "Strategi": 2,
        "Kematangan": 2,
        "Indikator": 2,
        "Nilai": 6,
        "Pendorong": 2,
    }
    assert row_counts() == before  # not one history row either


def test_export_import_into_an_empty_copy_export_gives_the_same_cells(filled):
    first = exported(filled)
    copy = _empty_copy(filled)
    summary = import_workbook(copy, first)
    assert summary.created["SWOT"] == 7 and summary.created["SWOT (penilaian)"] == 8
    assert summary.new_peers == ["Kota Palangka Raya", "Kotawaringin Timur"]
    second = exported(copy)
    assert cells(second) == cells(first)


def test_the_copy_holds_the_same_records(filled):
    copy = _empty_copy(filled)
    import_workbook(copy, exported(filled))
    assert ReadinessScore.objects.filter(region=copy).count() == 3
    digital = ReadinessScore.objects.get(region=copy, aspect__slug="digital")
    assert digital.narrative == "Jaringan serat optik 162 km\nmenghubungkan kantor OPD."
    assert digital.agency.abbreviation == "Diskominfostandi" and digital.agency.region == copy
    s2 = SwotFactor.objects.get(region=copy, text="Perbup 61/2019 tentang SPBE")
    assert s2.agency is None  # written by the admin, rated by Bappelitbang
    assert [r.agency.abbreviation for r in s2.ratings.all()] == ["Bappelitbang"]
    o1 = SwotFactor.objects.get(region=copy, kind="O")
    assert o1.agency.abbreviation == "Dinkes"  # the author, who did not rate it
    assert SwotFactor.objects.get(region=copy, pillar__slug="living", kind="T").weight == Decimal("1")
    assert SwotRating.objects.filter(factor__region=copy).count() == 8
    wt = Strategy.objects.get(region=copy, kind="WT")
    assert wt.code == "governance-WT1"  # the key the export gave it
    assert sorted(f.kind for f in wt.factors.all()) == ["T", "W"]
    assert MaturityLevel.objects.get(region=copy, element__slug="service").target == 4
    miskin = Indicator.objects.get(region=copy, code="MISKIN")
    assert (miskin.direction, miskin.weight, miskin.target) == ("lower", Decimal("2.5"), Decimal("4.5"))
    palangka = Peer.objects.get(region=copy, name="Palangka Raya")
    assert palangka.kind == "kota"
    assert IndicatorValue.objects.get(indicator=miskin, peer=palangka, year=2021).value == Decimal("3.75")
    assert IndicatorValue.objects.filter(indicator=miskin, peer=None).count() == 2
    assert Driver.objects.get(region=copy, name="Harga komoditas").uncertainty == 4


def test_it_round_trips_again_from_the_copy(filled):
    first = exported(filled)
    copy = _empty_copy(filled)
    import_workbook(copy, first)
    assert not import_workbook(copy, exported(copy)).changed
    assert cells(exported(copy)) == cells(first)


def test_one_edited_cell_changes_one_record_and_adds_one_history_row(filled, row_counts):
    wb = load_workbook(exported(filled))
    ws = wb["Kesiapan"]
    row = next(
        r
        for r in ws.iter_rows(min_row=2)
        if r[2].value.startswith("digital") and r[0].value.startswith("gov")
    )
    row[3].value = 5
    before = row_counts()
    summary = import_workbook(filled, to_bytes(wb))
    assert summary.updated == {"Kesiapan": 1}
    after = row_counts()
    assert (
        after.pop("assessment.HistoricalReadinessScore")
        == before.pop("assessment.HistoricalReadinessScore") + 1
    )
    assert after == before
    assert ReadinessScore.objects.get(region=filled, aspect__slug="digital").score == 5


def test_new_factors_get_the_next_refs_and_strategies_can_use_their_labels(filled):
    wb = load_workbook(exported(filled))
    swot = wb["SWOT"]
    swot.append(["baru-1", "governance", "O", "Dana desa untuk internet desa", "Bappelitbang", 4, 3, None])
    swot.append(["baru-1", None, None, None, "Diskominfostandi", 5, 4, None])
    swot.append(
        [None, "governance — Smart Governance", "S", "Aplikasi SIPD sudah berjalan", "Diskominfostandi", 3, 3]
    )
    wb["Strategi"].append(
        ["GOV-SO2", "governance", "SO", "Manfaatkan dana desa.", "governance-S1, baru-1", None]
    )
    summary = import_workbook(filled, to_bytes(wb))
    assert summary.new_refs == {"baru-1": "governance-O2"}
    assert summary.created == {"SWOT": 2, "SWOT (penilaian)": 3, "Strategi": 1}
    new = SwotFactor.objects.get(text="Dana desa untuk internet desa")
    assert new.agency.abbreviation == "Bappelitbang"
    assert sorted(r.agency.abbreviation for r in new.ratings.all()) == ["Bappelitbang", "Diskominfostandi"]
    assert sorted(f.text for f in Strategy.objects.get(code="GOV-SO2").factors.all()) == [
        "Backbone serat optik 162 km",
        "Dana desa untuk internet desa",
    ]
    refs = [row[0] for row in cells(exported(filled))["SWOT"][1:]]
    assert "governance-O2" in refs and "governance-S3" in refs
