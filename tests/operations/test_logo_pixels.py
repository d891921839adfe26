"""A logo's pixel count is limited before anything is decoded (issue 11 item 5): a tiny PNG whose header claims
12,000 × 12,000 pixels is refused with a clear message, a real small PNG is accepted."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kotacerdas.masterplan.models import MAX_LOGO_SIDE, DocumentSettings, png_dimensions

URL = "/d/katingan/dokumen/pengaturan/"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png_header(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose IHDR claims width × height (8-bit RGB); its data never decodes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def real_png(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (15, 92, 110)).save(out, format="PNG")
    return out.getvalue()


def test_dimensions_are_read_from_the_header():
    assert png_dimensions(huge_png_header(12_000, 12_000)) == (12_000, 12_000)
    assert png_dimensions(real_png(40, 30)) == (40, 30)
    assert png_dimensions(b"GIF89a") is None


@pytest.mark.django_db
def test_model_clean_refuses_a_huge_logo_and_accepts_a_small_one(world):
    settings = DocumentSettings(region=world.katingan, logo=huge_png_header(12_000, 12_000))
    with pytest.raises(ValidationError) as caught:
        settings.full_clean()
    assert "12000 × 12000" in str(caught.value.message_dict["logo"])
    edge = DocumentSettings(region=world.katingan, logo=huge_png_header(MAX_LOGO_SIDE, MAX_LOGO_SIDE))
    edge.full_clean()  # exactly at the limit is allowed
    DocumentSettings(region=world.katingan, logo=real_png()).full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(("width", "height"), [(12_000, 12_000), (4_001, 10), (10, 4_001)])
def test_upload_of_a_huge_logo_is_refused_with_a_message_and_nothing_saved(world, login, width, height):
    client = login(world.user("admin_bappelitbang"))
    data = huge_png_header(width, height)
    assert len(data) < 200  # the hostile file is tiny on disk
    response = client.post(
        URL,
        {"foreword": "x", "colour": "#123456", "logo_file": SimpleUploadedFile("l.png", data, "image/png")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Logo berukuran {width} × {height} piksel" in page
    assert "paling besar 4000 × 4000 piksel" in page
    assert not DocumentSettings.objects.filter(region=world.katingan).exists()


@pytest.mark.django_db
def test_upload_of_a_real_small_logo_is_saved(world, login):
    client = login(world.user("admin_bappelitbang"))
    png = real_png()
    response = client.post(
        URL,
        {"foreword": "x", "colour": "#123456", "logo_file": SimpleUploadedFile("l.png", png, "image/png")},
    )
    assert response.status_code == 302
    assert bytes(DocumentSettings.objects.get(region=world.katingan).logo) == png
