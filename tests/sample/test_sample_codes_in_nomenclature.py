"""Every program and activity code of the shipped samples exists in the official nomenclature (Kepmendagri
050-5889/2021 as amended by 900.1.15.5-1317/2023, the CSV shipped in the package), in one format, each activity under
its program, and the program names are the nomenclature's names. The CSV is read here directly, not through the
product's own lookup."""

from __future__ import annotations

import csv
import gzip
import io
import re
from importlib import resources

import pytest

from kotacerdas import sample

SAMPLES = ["katingan", "tanjung-harapan"]
#: The full code: program U.BB.PP, kegiatan U.BB.PP.K.KK, sub kegiatan U.BB.PP.K.KK.SSSS (four digits, never two).
CODE = re.compile(r"^\d\.\d{2}\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?$")
#: issue 12 "Why": the seven wrong program codes of the old sample, with the name each one was used for.
KNOWN_ERRORS = {
    "5.04.02": "PROGRAM KEPEGAWAIAN DAERAH",
    "5.02.03": "PROGRAM PENGELOLAAN PENDAPATAN DAERAH",
    "2.11.04": "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP",
    "2.11.09": "PROGRAM PENGELOLAAN PERSAMPAHAN",
    "2.08.04": "PROGRAM PERLINDUNGAN PEREMPUAN",
    "2.17.07": "PROGRAM PENGEMBANGAN UMKM",
    "3.25.03": "PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA",
}
#: The same programs with their codes as the CSV gives them.
KNOWN_RIGHT = {
    "5.03.02": "PROGRAM KEPEGAWAIAN DAERAH",
    "5.02.04": "PROGRAM PENGELOLAAN PENDAPATAN DAERAH",
    "2.11.03": "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP",
    "2.11.11": "PROGRAM PENGELOLAAN PERSAMPAHAN",
    "2.08.03": "PROGRAM PERLINDUNGAN PEREMPUAN",
    "2.17.08": "PROGRAM PENGEMBANGAN UMKM",
    "3.25.04": "PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA",
}


def _nomenclature() -> dict[str, tuple[str, str]]:
    """code → (level, name) from the shipped CSV; the support program ``X.XX.01`` expanded for every bidang."""
    data = resources.files("kotacerdas.reference").joinpath("data/nomenclature-5889-2021.csv.gz").read_bytes()
    rows = list(csv.DictReader(io.StringIO(gzip.decompress(data).decode("utf-8"))))
    codes = {row["code"]: (row["level"], row["name"]) for row in rows if not row["code"].startswith("X")}
    bidang = [row["code"] for row in rows if row["level"] == "bidang" and not row["code"].startswith("X")]
    for row in rows:
        if row["code"].startswith("X.XX."):
            for b in bidang:
                codes[b + row["code"][4:]] = (row["level"], row["name"])
    return codes


NOMENCLATURE = _nomenclature()


def _program_code(ref: str) -> str:
    return ref.rsplit("/", 2)[1]


def test_the_csv_reader_of_this_test_knows_the_facts_it_checks_against():
    assert NOMENCLATURE["5.03.02"] == ("program", "PROGRAM KEPEGAWAIAN DAERAH")
    assert NOMENCLATURE["2.16.01.2.01.0001"] == (
        "subkegiatan",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    )
    assert NOMENCLATURE["2.15.03"] == ("program", "PROGRAM PENGELOLAAN PELAYARAN")
    assert NOMENCLATURE["5.04.02"] == (
        "program",
        "PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA",
    )  # not Kepegawaian
    assert "2.16.03.2.02.0025" not in NOMENCLATURE and "2.16.03.2.02.09" not in NOMENCLATURE


@pytest.mark.parametrize("name", SAMPLES)
def test_every_program_code_and_name_is_the_nomenclatures(name):
    document = sample.document(name)
    for i, program in enumerate(document.get("programs", [])):
        code = program["code"]
        assert CODE.match(code) and code.count(".") == 2, f"programs[{i}].code {code}"
        assert NOMENCLATURE.get(code, ("", ""))[0] == "program", f"programs[{i}].code {code} is not a program"
        assert program["name"] == NOMENCLATURE[code][1], f"programs[{i}].name"


@pytest.mark.parametrize("name", SAMPLES)
def test_every_activity_code_exists_and_sits_under_its_program(name):
    document = sample.document(name)
    for i, activity in enumerate(document.get("activities", [])):
        code = activity["code"]
        assert CODE.match(code) and code.count(".") >= 4, f"activities[{i}].code {code}"
        level = NOMENCLATURE.get(code, ("", ""))[0]
        assert level in ("kegiatan", "subkegiatan"), f"activities[{i}].code {code} not in the nomenclature"
        assert code.startswith(_program_code(activity["program"]) + "."), f"activities[{i}] {activity['ref']}"


def test_the_seven_known_errors_are_gone_and_their_programs_carry_the_right_codes():
    programs = {p["code"]: p["name"] for p in sample.document("katingan")["programs"]}
    assert not set(KNOWN_ERRORS) & set(programs)
    for code, meant in KNOWN_ERRORS.items():
        assert NOMENCLATURE.get(code, ("", ""))[1] != meant  # the old code names another program, or none
    for code, official in KNOWN_RIGHT.items():
        assert NOMENCLATURE[code] == ("program", official)  # the facts of the issue, checked against the CSV
        assert programs[code] == official


def test_river_transport_is_under_pelayaran_and_the_two_odd_sub_kegiatan_codes_are_gone():
    document = sample.document("katingan")
    klotok = [a for a in document["activities"] if "klotok" in a["name"]]
    assert klotok and all(_program_code(a["program"]) == "2.15.03" for a in klotok)
    codes = {a["code"] for a in document["activities"]}
    assert not {"2.16.03.2.02.09", "2.16.03.2.02.0025"} & codes
    assert not any(_program_code(a["program"]) == "2.15.02" for a in document["activities"])
