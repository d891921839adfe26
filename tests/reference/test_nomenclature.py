"""The shipped nomenclature, read back against the regulation's rows and the README's spot checks (issue 12).

The expected facts come from the data README (Kepmendagri 050-5889/2021 jo. 900.1.15.5-1317/2023) and from the CSV
read here with the standard library, independently of the module under test.
"""

from __future__ import annotations

import csv
import gzip
import io
from importlib import resources

import pytest

from kotacerdas.reference import nomenclature as n


def _rows(name: str) -> list[dict[str, str]]:
    raw = resources.files("kotacerdas.reference").joinpath("data", name).read_bytes()
    return list(csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8"))))


BASE = _rows("nomenclature-5889-2021.csv.gz")
ADDED = _rows("nomenclature-additions-after-1317.csv.gz")


def test_row_counts_match_the_regulation_extract():
    counts = {level: sum(1 for r in BASE if r["level"] == level) for level in n.LEVELS}
    assert counts == {"urusan": 9, "bidang": 44, "program": 162, "kegiatan": 407, "subkegiatan": 2337}
    assert len(ADDED) == 171


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("2.16.02", "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK"),
        ("2.16.03", "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"),
        ("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH"),
        ("5.02.04", "PROGRAM PENGELOLAAN PENDAPATAN DAERAH"),
        ("2.11.03", "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP"),
        ("2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN"),
        ("2.08.03", "PROGRAM PERLINDUNGAN PEREMPUAN"),
        ("2.17.08", "PROGRAM PENGEMBANGAN UMKM"),
        ("3.25.04", "PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA"),
        ("2.15.03", "PROGRAM PENGELOLAAN PELAYARAN"),
        ("2.16.03.2.01.0001", "Pendaftaran Nama Domain Pemerintah Kabupaten/Kota"),
    ],
)
def test_spot_checks_from_the_readme(code, name):
    entry = n.lookup(code)
    assert entry is not None and entry.name == name


def test_every_row_is_found_with_its_name_parent_and_metadata():
    for row in BASE:
        if row["code"].startswith("X"):
            continue
        entry = n.lookup(row["code"])
        assert entry is not None, row["code"]
        assert (entry.level, entry.name, entry.parent_code) == (row["level"], row["name"], row["parent_code"])
        assert (entry.kinerja, entry.indikator, entry.satuan) == (
            row["kinerja"],
            row["indikator"],
            row["satuan"],
        )


def test_the_support_program_is_expanded_by_bidang_as_sipd_does():
    generic = {r["code"]: r for r in BASE if r["code"].startswith("X.XX.01")}
    assert len(generic) == 1 + 16 + 101
    entry = n.lookup("2.16.01.2.01.0001")
    assert entry.name == generic["X.XX.01.2.01.0001"]["name"]
    assert entry.parent_code == "2.16.01.2.01"
    assert n.lookup("5.01.01.2.01.0001").name == entry.name
    assert n.lookup("2.16.01").name == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert len(n.children("2.16.01")) == 16
    assert [e.code for e in n.children("2.16")] == ["2.16.01", "2.16.02", "2.16.03"]
    # Not a bidang: nothing to expand.
    assert n.lookup("9.99.01") is None


def test_the_sipd_version_adds_the_later_codes_marked_as_added():
    row = ADDED[0]
    assert n.lookup(row["code"]) is None or not n.lookup(row["code"]).added
    added = n.lookup(row["code"], n.SIPD_VERSION)
    assert added is not None and added.added and added.name == row["name"] and added.indikator == ""
    assert n.lookup("2.16.03", n.SIPD_VERSION).name == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"
    with pytest.raises(n.UnknownVersion):
        n.lookup("2.16.03", "permendagri-90-2019")


def test_program_checks_name_the_real_program_of_a_wrong_name():
    assert n.check_program("5.03.02") is None
    assert n.check_program("5.03.02", name="Program Kepegawaian Daerah") is None
    problem = n.check_program("5.02.03", name="Program Pengelolaan Pendapatan Daerah")
    assert problem.kind == "name"
    assert "PROGRAM PENGELOLAAN BARANG MILIK DAERAH" in str(problem)
    assert [e.code for e in problem.suggestions] == ["5.02.04"]
    unknown = n.check_program("2.16.09")
    assert unknown.kind == "unknown" and unknown.suggestions[0].code.startswith("2.16.")
    assert n.check_program("2.16").kind == "format"
    assert n.check_program("X.XX.01").kind == "format"


def test_activity_checks_level_parent_and_existence():
    assert n.check_activity("2.16.03.2.02", "2.16.03") is None
    assert n.check_activity("2.16.03.2.02.0009", "2.16.03") is None
    assert n.check_activity("2.16.01.2.01.0001", "2.16.01") is None
    # Two-digit sub kegiatan is the old format: refused, never guessed.
    assert n.check_activity("2.16.03.2.02.09", "2.16.03").kind == "format"
    missing = n.check_activity("2.16.03.2.02.0025", "2.16.03")
    assert missing.kind == "unknown"
    assert all(e.code.startswith("2.16.03.2.02.") for e in missing.suggestions)
    # Klotok (river transport) does not belong under road traffic.
    wrong = n.check_activity("2.15.02.2.01", "2.15.03")
    assert wrong.kind == "parent"
    assert all(e.code.startswith("2.15.03.") for e in wrong.suggestions)


def test_search_by_code_prefix_and_by_words():
    assert [e.code for e in n.search("2.16.03.2.01")] == [
        r["code"] for r in BASE if r["code"].startswith("2.16.03.2.01")
    ]
    words = n.search("persampahan", levels=["program"])
    assert words and words[0].code == "2.11.11"
    inside = n.search("domain", within="2.16.03")
    assert inside and all(e.code.startswith("2.16.03.2.01") for e in inside)
    assert [e.code for e in n.search("2.16.01.2.01.000", levels=["subkegiatan"])][:2] == [
        "2.16.01.2.01.0001",
        "2.16.01.2.01.0002",
    ]


def test_helpers_for_codes():
    assert n.level_of("2.16.03.2.02.0009") == "subkegiatan"
    assert n.level_of("2.16.03.2.02.09") is None
    assert n.parent_of("2.16.03.2.02") == "2.16.03"
    assert n.program_of("2.16.03.2.02.0009") == "2.16.03"
    assert n.normalise(" 2.16.03 ") == "2.16.03"
    assert n.same_name("Program Kepegawaian  Daerah", "PROGRAM KEPEGAWAIAN DAERAH")


def test_the_english_message_is_english_throughout():
    message = n.check_activity("2.16.03.2.02.09", "2.16.03", lang="en").message
    assert "e.g. 2.16.03.2.02 or 2.16.03.2.02.0009" in message
    assert "misalnya" not in message and " atau " not in message
    assert "misalnya 2.16.03" in n.check_program("2.16", lang="id").message
