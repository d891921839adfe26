"""A region file's districts with their official codes and villages (desa/kelurahan), per the area codes.

Katingan Hilir (62.06.02) as in wilayah.csv: kelurahan Kasongan Baru (62.06.02.1003) and Kasongan Lama
(62.06.02.1004), desa Tewang Kadamba (2001), Tumbang Liting (2002), Talian Kereng (2005), Banut Kalanaman (2006),
Talangkah (2007) and Hampalit (2008).
"""

from __future__ import annotations

import copy

import pytest

from kotacerdas.interchange.region_file import InvalidRegionFile, export_region, import_document
from kotacerdas.masterplan.build_analysis import district_rows
from kotacerdas.regions.models import District, Village

KATINGAN_HILIR = [
    {"code": "62.06.02.1003", "name": "Kasongan Baru", "kind": "kelurahan"},
    {"code": "62.06.02.1004", "name": "Kasongan Lama", "kind": "kelurahan"},
    {"code": "62.06.02.2001", "name": "Tewang Kadamba", "kind": "desa"},
    {"code": "62.06.02.2002", "name": "Tumbang Liting", "kind": "desa"},
    {"code": "62.06.02.2005", "name": "Talian Kereng", "kind": "desa"},
    {"code": "62.06.02.2006", "name": "Banut Kalanaman", "kind": "desa"},
    {"code": "62.06.02.2007", "name": "Talangkah", "kind": "desa"},
    {"code": "62.06.02.2008", "name": "Hampalit", "kind": "desa"},
]

DOCUMENT = {
    "format": "kotacerdas-region/1",
    "region": {
        "slug": "katingan-desa",
        "name": "Katingan",
        "kind": "kabupaten",
        "province": "Kalimantan Tengah",
        "kemendagri_code": "62.06",
    },
    "districts": [
        {"code": "62.06.02", "name": "Katingan Hilir", "capital": "Kasongan", "villages": KATINGAN_HILIR},
        {"name": "Kecamatan Lama", "desa": 4, "kelurahan": 1},  # counts only, as in older files
    ],
    "rpjmd": [],
    "agencies": [],
    "local_wisdom": [],
    "governance": [],
    "users": [],
}


def test_round_trip_with_villages(db):
    region = import_document(copy.deepcopy(DOCUMENT))
    hilir = District.objects.get(region=region, code="62.06.02")
    assert (hilir.desa, hilir.kelurahan) == (6, 2)  # counted from the list, the counts being left out
    assert Village.objects.filter(district=hilir).count() == 8
    assert Village.objects.get(region=region, code="62.06.02.1004").name == "Kasongan Lama"
    exported = export_region(region)
    first, second = exported["districts"]
    assert first["code"] == "62.06.02"
    assert (first["desa"], first["kelurahan"]) == (6, 2)
    assert first["villages"] == sorted(KATINGAN_HILIR, key=lambda v: v["code"])
    assert "villages" not in second and "code" not in second  # a count-only district keeps its old shape
    assert (second["desa"], second["kelurahan"]) == (4, 1)
    again = export_region(import_document(exported, slug="katingan-desa-2"))
    assert again["districts"] == exported["districts"]


def test_the_district_table_counts_from_the_villages(db):
    region = import_document(copy.deepcopy(DOCUMENT))
    hilir = District.objects.get(region=region, code="62.06.02")
    # a count edited by hand does not override the list of villages in the master plan
    District.objects.filter(pk=hilir.pk).update(desa=99)
    rows, total = district_rows(list(District.objects.filter(region=region).counted().order_by("order")))
    assert rows[0][1:] == ("Katingan Hilir", "Kasongan", "6", "2", "8")
    assert rows[1][3:] == ("4", "1", "5")
    assert total[3:] == ("10", "3", "13")


def test_villages_history_is_kept(db):
    region = import_document(copy.deepcopy(DOCUMENT))
    village = Village.objects.get(region=region, code="62.06.02.1003")
    assert village.history.count() == 1


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d["districts"][0].update(desa=7), "districts[0].desa", "villages (6 desa)"),
        (lambda d: d["districts"][0].update(kelurahan=0), "districts[0].kelurahan", "villages (2 kelurahan)"),
        (lambda d: d["districts"][1].pop("desa"), "districts[1].desa", "wajib"),
        (
            lambda d: d["districts"][0]["villages"][2].update(code="62.06.03.2001"),
            "districts[0].villages[2].code",
            "62.06.02",
        ),
        (
            lambda d: d["districts"][0]["villages"][3].update(code="62.06.02.2001"),
            "districts[0].villages[3].code",
            "districts[0].villages[2]",
        ),
        (
            lambda d: d["districts"][0]["villages"][0].update(kind="dusun"),
            "districts[0].villages[0].kind",
            "",
        ),
        (lambda d: d["districts"][0].update(code="62.6.2"), "districts[0].code", ""),
    ],
)
def test_inconsistent_districts_are_refused_with_the_path_and_nothing_written(
    db, row_counts, change, path, words
):
    document = copy.deepcopy(DOCUMENT)
    change(document)
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(document)
    problems = [p for p in caught.value.problems if p.startswith(path + ":")]
    assert problems, caught.value.problems
    assert words in problems[0]
    assert row_counts() == before
