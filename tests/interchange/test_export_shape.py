"""The exported document has the keys, order and values the format documents."""

from __future__ import annotations

import json

from kotacerdas.interchange.region_file import FORMAT, export_region


def test_it_has_the_top_level_keys_in_order(exported):
    assert list(exported) == [
        "format",
        "region",
        "districts",
        "rpjmd",
        "agencies",
        "local_wisdom",
        "governance",
        "users",
        "readiness",
        "swot",
        "strategies",
        "ignored_pairings",
        "maturity",
        "peers",
        "indicators",
        "drivers",
        "scenarios",
        "plan",
        "components",
        "programs",
        "activities",
        "screenings",
        "risks",
        "criteria",
        "judgements",
        "criterion_scores",
        "ceilings",
        "runs",
    ]
    assert exported["format"] == FORMAT == "kotacerdas-region/1"


def test_it_exports_the_profile(exported):
    assert exported["region"] == {
        "slug": "katingan",
        "name": "Katingan",
        "kind": "kabupaten",
        "province": "Kalimantan Tengah",
        "kemendagri_code": "62.06",
        "bps_code": "6209",
        "capital": "Kasongan",
        "area_km2": 20382.26,
        "population": 169970,
        "population_year": 2020,
        "motto": "Penyang Hinje Simpei",
        "description": "",
        "framework": "kominfo-2021",
        "source": "BPS Katingan dalam Angka",
        "illustrative": False,
    }


def test_the_area_is_a_json_number_that_keeps_its_digits(exported):
    text = json.dumps(exported)
    assert '"area_km2": 20382.26' in text
    assert json.loads(text)["region"]["area_km2"] == 20382.26


def test_districts_come_in_their_order_then_by_name(exported):
    assert [d["name"] for d in exported["districts"]] == ["Bukit Raya", "Katingan Hilir", "Tasik Payawan"]
    assert exported["districts"][1] == {
        "name": "Katingan Hilir",
        "capital": "Kasongan",
        "desa": 5,
        "kelurahan": 2,
        "source": "",
        "illustrative": False,
    }


def test_rpjmd_periods_oldest_first_with_missions_by_number(exported):
    assert [p["start_year"] for p in exported["rpjmd"]] == [2018, 2024]
    first = exported["rpjmd"][0]
    assert [m["number"] for m in first["missions"]] == [1, 2, 4]
    assert first["missions"][2] == {
        "number": 4,
        "text": "",
        "placeholder": True,
        "source": "",
        "illustrative": False,
    }
    assert exported["rpjmd"][1]["missions"] == []


def test_agencies_by_kind_then_name_with_district_names(exported):
    assert [(a["kind"], a["abbreviation"]) for a in exported["agencies"]] == [
        ("sekretariat", "Setda"),
        ("dinas", "Dinkes"),
        ("dinas", "Diskominfostandi"),
        ("badan", "Bappelitbang"),
        ("kecamatan", "Kec. Katingan Hilir"),
    ]
    assert exported["agencies"][4]["district"] == "Katingan Hilir"
    assert exported["agencies"][0]["district"] is None


def test_local_wisdom_by_category_then_name_with_agency_abbreviations(exported):
    assert [(w["category"], w["name"], w["agency"]) for w in exported["local_wisdom"]] == [
        ("nilai_norma", "Penyang Hinje Simpei", "Diskominfostandi"),
        ("lembaga_adat", "Damang Kepala Adat", None),
        ("situs_ruang", "Bukit Batu", "Dinkes"),
    ]


def test_governance_in_its_order(exported):
    assert [(m["body"], m["name"], m["role"], m["agency"]) for m in exported["governance"]] == [
        ("tim_pelaksana", "Kepala Diskominfostandi", "ketua", "Diskominfostandi"),
        ("dewan", "Bupati Katingan", "ketua", None),
        ("dewan", "Kepala Bappelitbang", "sekretaris", "Bappelitbang"),
    ]


def test_users_by_role_then_username_without_passwords(exported):
    assert exported["users"] == [
        {"username": "admin_bappelitbang", "role": "admin", "agency": None},
        {"username": "op_dinkes", "role": "operator", "agency": "Dinkes"},
        {"username": "op_diskominfo", "role": "operator", "agency": "Diskominfostandi"},
        {"username": "reviewer_dewan", "role": "reviewer", "agency": None},
        {"username": "viewer", "role": "viewer", "agency": None},
    ]


def test_nothing_of_another_region_is_exported(world, exported):
    text = json.dumps(exported)
    assert "Bahasa Contoh" not in text
    assert "admin_other" not in text
    other = export_region(world.other)
    assert [a["abbreviation"] for a in other["agencies"]] == ["Diskominfo"]
    assert other["users"] == [{"username": "admin_other", "role": "admin", "agency": None}]


def test_the_export_is_valid_against_the_schema(exported):
    from kotacerdas.interchange.schema import schema_problems

    assert schema_problems(json.loads(json.dumps(exported))) == []
