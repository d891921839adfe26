"""The region file carries the master plan document's settings (``document``): logo, foreword, signatory, colour.

A region without settings writes no ``document`` key (older files and exports keep their shape); one with settings
round-trips them exactly, the logo as base64 of the PNG. A bad logo is refused by path with nothing written.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib

import pytest
from PIL import Image

from kotacerdas.interchange.region_file import (
    InvalidRegionFile,
    export_region,
    import_document,
    read_document,
)
from kotacerdas.interchange.schema import schema_problems
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.regions.models import Region


def _png(width: int = 40, height: int = 20) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (15, 92, 110)).save(buffer, format="PNG")
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels in its header and holds no image data (a pixel bomb's
    header costs nothing to write)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.fixture
def with_settings(full_region):
    DocumentSettings.objects.create(
        region=full_region,
        logo=_png(),
        foreword="Paragraf satu.\n\nParagraf dua — dengan tanda baca «khas».",
        foreword_signatory="Bupati Katingan",
        colour="#aa3300",
    )
    return full_region


def test_a_region_without_settings_writes_no_document_key(exported):
    assert "document" not in exported


def test_the_settings_round_trip_with_the_logo(with_settings):
    document = export_region(with_settings)
    assert list(document).index("document") == list(document).index("plan") + 1
    assert document["document"]["colour"] == "#aa3300"
    assert base64.b64decode(document["document"]["logo"]) == _png()
    assert schema_problems(document) == []
    text = json.dumps(document, ensure_ascii=False).encode()
    region = import_document(read_document(text), slug="katingan-salinan")
    copy = DocumentSettings.objects.get(region=region)
    original = DocumentSettings.objects.get(region=with_settings)
    assert bytes(copy.logo) == bytes(original.logo)
    assert (copy.foreword, copy.foreword_signatory, copy.colour) == (
        original.foreword,
        original.foreword_signatory,
        original.colour,
    )
    again = export_region(region)
    again["region"]["slug"] = document["region"]["slug"]
    assert again == document


def test_settings_without_a_logo_round_trip(full_region):
    DocumentSettings.objects.create(region=full_region, foreword="Kata pengantar.")
    document = export_region(full_region)
    assert document["document"] == {
        "logo": None,
        "foreword": "Kata pengantar.",
        "foreword_signatory": "",
        "colour": "#0f5c6e",
    }
    region = import_document(document, slug="katingan-tanpa-logo")
    assert DocumentSettings.objects.get(region=region).logo is None


def test_null_and_a_missing_key_mean_no_settings(exported):
    exported["document"] = None
    region = import_document(exported, slug="katingan-null")
    assert not DocumentSettings.objects.filter(region=region).exists()


BAD = {
    "not base64": ("bukan-base64!", "document.logo: bukan base64 yang sah / not valid base64"),
    "not a png": (
        base64.b64encode(b"GIF89a....").decode(),
        "document.logo: Logo harus berkas PNG. / The logo must be a PNG file.",
    ),
    "a pixel bomb": (
        base64.b64encode(_png_header_only(12_000, 12_000)).decode(),
        "document.logo: logo 12000 × 12000 piksel, paling besar 4000 piksel per sisi / the logo is 12000 × 12000 "
        "pixels, at most 4000 pixels a side",
    ),
    "a damaged png": (
        base64.b64encode(_png()[:60]).decode(),
        "document.logo: berkas PNG ini rusak atau tidak dapat dibaca / this PNG is damaged or cannot be read",
    ),
}


@pytest.mark.parametrize("logo, expected", BAD.values(), ids=BAD.keys())
def test_a_bad_logo_is_refused_by_path_and_nothing_is_written(exported, row_counts, logo, expected):
    exported["document"] = {"logo": logo, "foreword": "", "foreword_signatory": "", "colour": "#0f5c6e"}
    before = row_counts()
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="katingan-logo")
    assert caught.value.problems == [expected]
    assert row_counts() == before
    assert not Region.objects.filter(slug="katingan-logo").exists()


def test_a_bad_colour_and_an_unknown_key_are_named(exported):
    exported["document"] = {"colour": "merah", "fontsize": 12}
    with pytest.raises(InvalidRegionFile) as caught:
        import_document(exported, slug="katingan-warna")
    problems = caught.value.problems
    assert any(p.startswith("document.colour: 'merah' does not match") for p in problems), problems
    assert any(p.startswith("document.fontsize: kunci tidak dikenal / unknown key") for p in problems), (
        problems
    )
