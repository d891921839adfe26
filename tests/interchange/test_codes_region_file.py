"""A region file whose program or activity codes are not in its nomenclature is refused, each problem at its JSON
path with the nearest codes, and nothing is written; program names are the official ones (shipped CSV facts)."""

from __future__ import annotations

import copy

import pytest

from kotacerdas.actionplan.models import Activity, Program
from kotacerdas.interchange.region_file import (
    InvalidRegionFile,
    check_document,
    export_region,
    import_document,
)
from kotacerdas.reference.nomenclature import DEFAULT_VERSION, SIPD_VERSION

APLIKASI = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"  # 2.16.03
BARANG = "PROGRAM PENGELOLAAN BARANG MILIK DAERAH"  # 5.02.03
PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"  # X.XX.01


def _program(code: str, **extra) -> dict:
    return {"agency": "Diskominfostandi", "pillar": "governance", "code": code, **extra}


def _activity(ref: str, program: str, code: str) -> dict:
    return {
        "ref": ref,
        "program": f"Diskominfostandi/{program}/governance",
        "code": code,
        "name": f"Kegiatan {ref}",
        "horizon": "medium",
        "start_year": 2024,
        "end_year": 2026,
        "funding_source": "apbd",
        "infrastructure": "governance",
    }


@pytest.fixture
def document(exported):
    """A valid file: four programs (one the support program of 2.16, one named, one with a local title) and
    their activities."""
    doc = copy.deepcopy(exported)
    doc["plan"] = {"start_year": 2023, "horizon_year": 2032}
    doc["programs"] = [
        _program("2.16.03", name="Program Pengelolaan Aplikasi Informatika", local_title="SPBE Katingan"),
        _program("2.16.01"),
        _program("5.02.03", name=BARANG),
        _program("2.16.02"),
    ]
    doc["activities"] = [
        _activity("GOV-01", "2.16.03", "2.16.03.2.02"),
        _activity("GOV-02", "2.16.03", "2.16.03.2.02.0009"),
        _activity("GOV-03", "2.16.01", "2.16.01.2.01.0001"),
    ]
    assert check_document(doc, slug="uji") == []
    return doc


def _refused(doc: dict, row_counts) -> list[str]:
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(doc, slug="uji")
    assert row_counts() == before
    return caught.value.problems


def test_a_valid_file_imports_with_the_official_names_and_the_local_title(document):
    region = import_document(document, slug="uji")
    assert region.nomenclature == DEFAULT_VERSION
    names = dict(Program.objects.filter(region=region).values_list("code", "name"))
    assert names["2.16.03"] == APLIKASI
    assert names["2.16.01"] == PENUNJANG
    assert Program.objects.get(region=region, code="2.16.03").local_title == "SPBE Katingan"
    assert Activity.objects.get(region=region, ref="GOV-03").code == "2.16.01.2.01.0001"
    again = export_region(region)
    programs = {p["code"]: p for p in again["programs"]}
    assert programs["2.16.03"]["local_title"] == "SPBE Katingan"
    assert "local_title" not in programs["2.16.02"]  # written only when there is one
    assert programs["2.16.03"]["name"] == APLIKASI
    assert "nomenclature" not in again["region"]  # the default version is not written
    assert import_document(again, slug="uji-lagi").programs.count() == 4


def test_an_unknown_program_code_is_refused_at_its_path_with_the_nearest(document, row_counts):
    document["programs"][3]["code"] = "2.16.09"
    document["activities"].append(_activity("GOV-04", "2.16.09", "2.16.09.2.01"))
    problems = _refused(document, row_counts)
    program = [p for p in problems if p.startswith("programs[3].code: ")]
    assert len(program) == 1
    assert "Kode program 2.16.09 tidak ada dalam nomenklatur" in program[0]
    assert "program code 2.16.09 is not in the nomenclature" in program[0]
    assert "2.16.02 PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK" in program[0]
    assert any(p.startswith("activities[3].code: Kode kegiatan 2.16.09.2.01 tidak ada") for p in problems)


def test_a_name_of_another_program_is_refused_naming_whose_it_is(document, row_counts):
    document["programs"][2]["name"] = "Program Pengelolaan Pendapatan Daerah"
    (problem,) = _refused(document, row_counts)
    assert problem.startswith(
        "programs[2].name: Nama 'Program Pengelolaan Pendapatan Daerah' bukan nama program"
    )
    assert "Nama itu adalah nama program 5.02.04" in problem
    assert "That name belongs to program 5.02.04" in problem


def test_a_kegiatan_under_another_program_is_refused_at_its_path(document, row_counts):
    document["activities"][1]["code"] = "2.16.02.2.01"  # a kegiatan of 2.16.02, activity of 2.16.03
    (problem,) = _refused(document, row_counts)
    assert problem.startswith("activities[1].code: Kode 2.16.02.2.01 tidak berada di bawah program 2.16.03.")
    assert "Code 2.16.02.2.01 is not under program 2.16.03." in problem


def test_a_program_code_as_an_activity_code_is_the_wrong_level(document, row_counts):
    document["activities"][0]["code"] = "2.16.03"
    problems = _refused(document, row_counts)
    assert [p.split(":")[0] for p in problems] == ["activities[0].code"]


def test_a_sub_kegiatan_in_two_digits_is_refused(document, row_counts):
    document["activities"][1]["code"] = "2.16.03.2.02.09"
    (problem,) = _refused(document, row_counts)
    assert problem.startswith("activities[1].code: Kode '2.16.03.2.02.09' tidak berformat nomenklatur")


def test_the_sipd_version_accepts_a_later_code_the_default_refuses(document, row_counts):
    document["programs"].append({"agency": "Dinkes", "pillar": "living", "code": "1.01.02"})
    added = _activity("EDU-01", "1.01.02", "1.01.02.2.01.0054")  # nomenclature-additions-after-1317.csv
    added["program"] = "Dinkes/1.01.02/living"
    document["activities"].append(added)
    (problem,) = _refused(document, row_counts)
    assert problem.startswith("activities[3].code: Kode sub kegiatan 1.01.02.2.01.0054 tidak ada")
    document["region"]["nomenclature"] = SIPD_VERSION
    region = import_document(document, slug="uji")
    assert region.nomenclature == SIPD_VERSION
    assert region.activities.filter(code="1.01.02.2.01.0054").exists()
    assert export_region(region)["region"]["nomenclature"] == SIPD_VERSION


def test_an_unknown_nomenclature_version_is_refused_at_its_path(document, row_counts):
    document["region"]["nomenclature"] = "permendagri-90-2019"
    problems = _refused(document, row_counts)
    assert [p.split(":")[0] for p in problems] == ["region.nomenclature"]


def test_an_old_file_without_the_new_keys_imports(document):
    document["region"].pop("nomenclature", None)
    for program in document["programs"]:
        program.pop("local_title", None)
    region = import_document(document, slug="uji")
    assert region.nomenclature == DEFAULT_VERSION
