"""Hostile region files are refused before memory is spent: each within 10 s and 300 MB, with a clear bilingual
message naming the place, and nothing written.

The files are generated here and kept small on disk (the oversized one is a sparse file).
"""

from __future__ import annotations

import io
import json
import resource
import time
import tracemalloc
from pathlib import Path

import pytest

from kotacerdas.cli import main
from kotacerdas.interchange import limits
from kotacerdas.interchange.region_file import (
    InvalidRegionFile,
    check_document,
    import_document,
    read_document,
)
from kotacerdas.regions.models import Region

SECONDS = 10
MEMORY = 300 * 1024 * 1024


def _rss() -> int:
    """The process's resident memory now, in bytes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def refused(call, *args) -> InvalidRegionFile:
    """Run the refused import twice: once timed (at most :data:`SECONDS`) with the process's high-water mark, when it
    rose meanwhile, at most :data:`MEMORY` over the memory in use before; once under tracemalloc (whose overhead
    would distort the time) for the Python heap's peak, also under :data:`MEMORY`."""
    rss_before = _rss()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.monotonic()
    with pytest.raises(InvalidRegionFile):
        call(*args)
    elapsed = time.monotonic() - started
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert elapsed < SECONDS, elapsed
    if peak_after > peak_before:
        assert peak_after - rss_before < MEMORY, (peak_after, rss_before)
    for arg in args:
        if hasattr(arg, "seek"):
            arg.seek(0)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidRegionFile) as caught:
            call(*args)
    finally:
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert heap_peak < MEMORY, heap_peak
    return caught.value


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(db, tmp_path, row_counts):
    path = tmp_path / "besar.json"
    with path.open("wb") as file:
        file.truncate(65 * limits.MB)  # sparse: 65 MB long, nothing on disk
    before = row_counts()
    error = refused(read_document, path)
    assert error.problems == [
        "(document): berkas terlalu besar: 65.0 MB, paling besar 64 MB (KOTACERDAS_MAX_REGION_FILE_MB) / the file "
        "is too large: 65.0 MB, at most 64 MB (KOTACERDAS_MAX_REGION_FILE_MB)"
    ]
    assert row_counts() == before


def test_the_size_cap_comes_from_the_environment_and_holds_for_a_stream(db, monkeypatch):
    monkeypatch.setenv("KOTACERDAS_MAX_REGION_FILE_MB", "1")
    stream = io.BytesIO(b'{"format": "kotacerdas-region/1", "x": "' + b"a" * (2 * limits.MB) + b'"}')
    error = refused(read_document, stream)
    assert error.problems[0].startswith(
        "(document): berkas terlalu besar: lebih dari 1 MB, paling besar 1 MB"
    )
    assert stream.tell() == limits.MB + 1  # read no further than the cap


def test_a_bad_size_setting_is_named(monkeypatch):
    monkeypatch.setenv("KOTACERDAS_MAX_REGION_FILE_MB", "banyak")
    with pytest.raises(ValueError, match="KOTACERDAS_MAX_REGION_FILE_MB='banyak'"):
        read_document(b"{}")


def test_200000_deep_nesting_is_refused_without_a_traceback(db, row_counts):
    text = b'{"format": "kotacerdas-region/1", "region": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    before = row_counts()
    error = refused(read_document, text)
    assert error.problems == [
        "(document): bersarang terlalu dalam: paling dalam 64 tingkat / nested too deeply: at most 64 levels"
    ]
    assert row_counts() == before


def test_nesting_just_over_the_limit_is_named_by_its_path(db):
    text = b'{"notes": ' + b"[" * 64 + b"]" * 64 + b"}"
    error = refused(read_document, text)
    path = "notes" + "[0]" * 63
    assert error.problems == [
        f"{path}: bersarang terlalu dalam: paling dalam 64 tingkat / nested too deeply: at most 64 levels"
    ]
    inside = read_document(b'{"notes": ' + b"[" * 63 + b"]" * 63 + b"}")  # 64 levels with the document itself
    assert isinstance(inside["notes"], list)


def test_a_5000_digit_integer_is_refused_at_its_path(db, exported, row_counts):
    text = json.dumps(exported).replace('"population": ', '"population": ' + "9" * 5000 + ', "x": ', 1)
    before = row_counts()
    error = refused(read_document, text.encode())
    assert len(error.problems) == 1, error.problems
    assert error.problems[0].startswith("region.population: angka 9999999999…999999 (5000 karakter / chars)")
    assert "at most 20 digits, finite" in error.problems[0]
    assert row_counts() == before


def test_a_21_digit_integer_is_refused_and_20_digits_pass_the_limit(db):
    assert limits.document_problems(read_document(b'{"n": 12345678901234567890}')) == []
    error = refused(read_document, b'{"n": -123456789012345678901}')
    assert error.problems[0].startswith("n: angka -123456789012345678901 tidak diterima")


@pytest.mark.parametrize("text", [b'{"n": NaN}', b'{"n": Infinity}', b'{"n": 1e999}'])
def test_numbers_that_are_not_finite_are_refused(db, text):
    error = refused(read_document, text)
    assert error.problems[0].startswith("n: angka ")


def test_a_nul_in_a_string_is_refused_at_its_json_path(db, exported, row_counts):
    exported["agencies"][2]["name"] = "Dinas\u0000Kesehatan"
    before = row_counts()
    error = refused(read_document, json.dumps(exported).encode())
    assert error.problems == [
        "agencies[2].name: karakter kendali U+0000 tidak diterima (hanya tab dan ganti baris) / control "
        "character U+0000 is not accepted (only tab and line breaks)"
    ]
    assert row_counts() == before


def test_control_characters_are_refused_by_import_document_too_but_tab_and_line_breaks_pass(
    db, exported, row_counts
):
    exported["region"]["description"] = "Baris satu\r\nBaris\tdua\n"
    exported["districts"][0]["capital"] = "Kasongan\x1b[31m"
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="katingan-baru")
    assert caught.value.problems == [
        "districts[0].capital: karakter kendali U+001B tidak diterima (hanya tab dan ganti baris) / control "
        "character U+001B is not accepted (only tab and line breaks)"
    ]
    assert row_counts() == before
    del exported["districts"][0]["capital"]
    assert check_document(exported, slug="katingan-baru") == []


def test_a_control_character_in_a_key_is_refused(db):
    error = refused(read_document, b'{"region": {"na\\u0007me": "x"}}')
    assert error.problems[0].startswith("region: karakter kendali U+0007")


def test_text_that_is_not_utf8_is_refused(db):
    error = refused(read_document, b'{"region": "\xff"}')
    assert error.problems == ["(document): bukan teks UTF-8 (bita ke-12) / not UTF-8 text (byte 12)"]


def test_the_cli_refuses_a_hostile_file_and_changes_nothing(db, tmp_path, capsys, row_counts):
    path = tmp_path / "dalam.json"
    path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    before = row_counts()
    assert main(["import", str(path), "--slug", "dalam"]) == 1
    err = capsys.readouterr().err
    assert "nested too deeply: at most 64 levels" in err
    assert row_counts() == before
    assert not Region.objects.filter(slug="dalam").exists()


def test_a_good_file_still_imports_through_read_document(db, exported, tmp_path):
    path = tmp_path / "katingan.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    region = import_document(read_document(path), slug="katingan-dari-berkas")
    assert region.slug == "katingan-dari-berkas"
