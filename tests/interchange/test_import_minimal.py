"""A hand-written file needs only the required keys; the others take the model's defaults."""

from __future__ import annotations

from kotacerdas.interchange.region_file import export_region, import_document

MINIMAL = {
    "format": "kotacerdas-region/1",
    "region": {"slug": "kota-contoh", "name": "Contoh", "kind": "kota", "province": "Provinsi Contoh"},
    "districts": [{"name": "Kota Utara", "desa": 0, "kelurahan": 7}],
    "rpjmd": [
        {
            "start_year": 2021,
            "end_year": 2026,
            "vision": "Kota yang ramah.",
            "missions": [{"number": 1, "text": "Melayani warga."}, {"number": 2, "placeholder": True}],
        }
    ],
    "agencies": [
        {
            "abbreviation": "Kec. Utara",
            "name": "Kecamatan Kota Utara",
            "kind": "kecamatan",
            "district": "Kota Utara",
        }
    ],
    "local_wisdom": [{"category": "bahasa", "name": "Bahasa Contoh", "description": "Bahasa sehari-hari."}],
    "governance": [{"body": "dewan", "name": "Wali Kota Contoh"}],
    "users": [{"username": "admin_contoh", "role": "admin"}],
}


def test_a_minimal_file_imports_with_defaults(db):
    region = import_document(MINIMAL)
    exported = export_region(region)
    assert exported["region"]["framework"] == "kominfo-2021"
    assert exported["region"]["area_km2"] is None
    assert exported["region"]["illustrative"] is False
    assert exported["districts"] == [
        {"name": "Kota Utara", "capital": "", "desa": 0, "kelurahan": 7, "source": "", "illustrative": False}
    ]
    assert exported["rpjmd"][0]["missions"][1] == {
        "number": 2,
        "text": "",
        "placeholder": True,
        "source": "",
        "illustrative": False,
    }
    assert exported["agencies"][0]["district"] == "Kota Utara"
    assert exported["local_wisdom"][0]["agency"] is None
    assert exported["governance"][0]["role"] == "anggota"
    assert exported["users"] == [{"username": "admin_contoh", "role": "admin", "agency": None}]


def test_an_integer_area_round_trips(db):
    document = {**MINIMAL, "region": {**MINIMAL["region"], "area_km2": 412}}
    region = import_document(document)
    assert export_region(region)["region"]["area_km2"] == 412.0
    again = export_region(import_document(export_region(region), slug="kota-contoh-2"))
    assert again["region"]["area_km2"] == 412.0
