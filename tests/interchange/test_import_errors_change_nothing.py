"""A bad document is refused as a whole: every problem named by its JSON path, and not one row written."""

from __future__ import annotations

import json

import pytest

from kotacerdas.cli import main
from kotacerdas.interchange.region_file import InvalidRegionFile, import_document

ENUM = "'dinass' is not one of ['sekretariat', 'dinas', 'badan', 'kecamatan', 'inspektorat', 'other']"


def _wrong_enum(d):
    d["agencies"][3]["kind"] = "dinass"


def _missing_key(d):
    del d["agencies"][0]["name"]


def _unknown_agency(d):
    d["local_wisdom"][0]["agency"] = "Diskominfo"


def _duplicate_abbreviation(d):
    d["agencies"][4]["abbreviation"] = "Dinkes"


def _unknown_district(d):
    d["agencies"][4]["district"] = "Katingan Hulu"


def _typo_in_a_key(d):
    d["districts"][1]["captial"] = d["districts"][1].pop("capital")


def _operator_without_agency(d):
    d["users"][1]["agency"] = None


def _end_before_start(d):
    d["rpjmd"][0]["end_year"] = 2010


def _mission_without_text(d):
    d["rpjmd"][0]["missions"][0]["text"] = "  "


def _duplicate_mission_number(d):
    d["rpjmd"][0]["missions"][2]["number"] = 2


def _bad_kemendagri_code(d):
    d["region"]["kemendagri_code"] = "6206"


def _wrong_format(d):
    d["format"] = "kotacerdas-region/9"


CASES = {
    "wrong enum": (_wrong_enum, f"agencies[3].kind: {ENUM}"),
    "missing key": (_missing_key, "agencies[0].name: wajib ada / required key is missing"),
    "unknown agency reference": (
        _unknown_agency,
        "local_wisdom[0].agency: perangkat daerah / agency 'Diskominfo' tidak ada di / is not in 'agencies'; "
        "maksud Anda / did you mean 'Diskominfostandi'?",
    ),
    "duplicate abbreviation": (
        _duplicate_abbreviation,
        "agencies[4].abbreviation: singkatan / abbreviation 'Dinkes' sudah dipakai di / is already used at "
        "agencies[1]",
    ),
    "unknown district reference": (
        _unknown_district,
        "agencies[4].district: kecamatan / district 'Katingan Hulu' tidak ada di / is not in 'districts'; "
        "maksud Anda / did you mean 'Katingan Hilir'?",
    ),
    "typo in a key": (
        _typo_in_a_key,
        "districts[1].captial: kunci tidak dikenal / unknown key (maksud Anda / did you mean 'capital'?); "
        "yang dikenal / allowed: code, name, capital, desa, kelurahan, source, illustrative, villages",
    ),
    "operator without agency": (
        _operator_without_agency,
        "users[1].agency: operator harus terikat pada satu perangkat daerah: isi singkatan OPD-nya / an operator "
        "must be bound to one agency: give its abbreviation",
    ),
    "end year before start year": (
        _end_before_start,
        "rpjmd[0].end_year: tahun akhir 2010 sebelum tahun awal 2018 / end year 2010 is before start year 2018",
    ),
    "mission without text": (
        _mission_without_text,
        'rpjmd[0].missions[0].text: tuliskan bunyi misi, atau tandai "placeholder": true bila belum '
        'dikonfirmasi / write the mission\'s text, or mark it "placeholder": true while it is unconfirmed',
    ),
    "duplicate mission number": (
        _duplicate_mission_number,
        "rpjmd[0].missions[2].number: nomor misi / mission number 2 sudah dipakai di / is already used at "
        "rpjmd[0].missions[1]",
    ),
    "model validation": (
        _bad_kemendagri_code,
        "region.kemendagri_code: Format kode Kemendagri: dua angka, titik, dua angka (62.06).",
    ),
    "wrong format": (
        _wrong_format,
        "format: harus / must be 'kotacerdas-region/1', bukan / not 'kotacerdas-region/9'",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_document_is_refused_with_its_path_and_changes_nothing(case, exported, row_counts):
    mutate, expected = CASES[case]
    mutate(exported)
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="katingan-baru")
    # Django's own messages add " / <English>" when an English translation exists: compare the start.
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(expected)
    assert row_counts() == before


def test_a_taken_slug_is_named_with_a_hint_to_use_the_slug_option(exported, row_counts):
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported)
    assert caught.value.problems == [
        "region.slug: kode singkat 'katingan' (region.slug) sudah dipakai daerah lain di basis data ini; pilih "
        "kode lain dengan --slug KODE_BARU / the slug 'katingan' (region.slug) is already taken in this "
        "database; choose another one with --slug NEW_SLUG"
    ]
    assert row_counts() == before


def test_a_taken_slug_given_with_the_option_is_named_too(world, exported, row_counts):
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="tanjung-harapan")
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(
        "region.slug: kode singkat 'tanjung-harapan' (--slug) sudah dipakai"
    )
    assert row_counts() == before


def test_an_invalid_slug_option_is_refused(exported, row_counts):
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="bukan slug!")
    assert [p.split(":")[0] for p in caught.value.problems] == ["region.slug"]
    assert row_counts() == before


def test_every_problem_is_reported_at_once_in_file_order(exported, row_counts):
    for mutate, _expected in CASES.values():
        mutate(exported)
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported)
    paths = [p.split(": ")[0] for p in caught.value.problems]
    assert paths == [
        "format",
        "region.kemendagri_code",
        "region.slug",
        "districts[1].captial",
        "rpjmd[0].end_year",
        "rpjmd[0].missions[0].text",
        "rpjmd[0].missions[2].number",
        "agencies[0].name",
        "agencies[3].kind",
        "agencies[4].abbreviation",
        "agencies[4].district",
        "local_wisdom[0].agency",
        "users[1].agency",
    ]
    assert row_counts() == before


def test_a_document_that_is_not_an_object_is_refused(db, row_counts):
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(["kotacerdas-region/1"])
    assert caught.value.problems == [
        "(document): harus bertipe / must be of type object; ditemukan / found array"
    ]
    assert row_counts() == before


def test_missing_sections_are_each_named(db, row_counts):
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document({"format": "kotacerdas-region/1"})
    assert caught.value.problems == [
        f"{key}: wajib ada / required key is missing"
        for key in ["region", "districts", "rpjmd", "agencies", "local_wisdom", "governance", "users"]
    ]
    assert row_counts() == before


def test_bad_json_through_the_cli_changes_nothing(exported, row_counts, tmp_path, capsys):
    path = tmp_path / "rusak.json"
    path.write_text(json.dumps(exported)[:-1], encoding="utf-8")
    before = row_counts()
    assert main(["import", str(path), "--slug", "katingan-baru"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:" in err
    assert "bukan JSON yang sah / not valid JSON" in err
    assert row_counts() == before


def test_a_wrong_enum_through_the_cli_changes_nothing(exported, row_counts, tmp_path, capsys):
    _wrong_enum(exported)
    path = tmp_path / "salah.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    before = row_counts()
    assert main(["import", str(path), "--slug", "katingan-baru"]) == 1
    assert f"  agencies[3].kind: {ENUM}" in capsys.readouterr().err.splitlines()
    assert row_counts() == before
