"""The section ``document``: the settings of the master plan document (logo, foreword, signatory, colour).

Exported only when the region has settings, so files of regions without them keep their shape; ``null`` or a missing
key imports as "no settings". The logo travels as base64 of the PNG and is checked like an upload: at most 1 MB
(``masterplan.models.MAX_LOGO_BYTES``), a PNG that decodes, and at most :data:`limits.LOGO_SIDE` pixels a side.
"""

from __future__ import annotations

import base64
import binascii
import io
import struct
from typing import Any

from PIL import Image

from kotacerdas.interchange import limits
from kotacerdas.interchange.sections import CheckContext, Section, WriteContext, plain, values
from kotacerdas.masterplan.models import MAX_LOGO_BYTES, DocumentSettings
from kotacerdas.regions.models import Region

TEXT = ("foreword", "foreword_signatory", "colour")


def _logo_problem(data: bytes) -> str | None:
    """Why ``data`` (a PNG within the byte cap) is not a usable logo; None when it is, or when it is no PNG at all
    (the model's own rule names that)."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    if data[12:16] == b"IHDR":  # the size, from the header, before anything is decoded
        width, height = struct.unpack(">II", data[16:24])
        if max(width, height) > limits.LOGO_SIDE:
            return (
                f"logo {width} × {height} piksel, paling besar {limits.LOGO_SIDE} piksel per sisi / the logo is "
                f"{width} × {height} pixels, at most {limits.LOGO_SIDE} pixels a side"
            )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - any decoding problem: not a usable PNG
        return "berkas PNG ini rusak atau tidak dapat dibaca / this PNG is damaged or cannot be read"
    return None


class DocumentSection(Section):
    """``document``: the master plan document's settings, or null."""

    key = "document"
    required = False
    omit_when_none = True  # a region without settings writes no ``document`` key

    def export(self, region: Region) -> dict | None:
        settings = DocumentSettings.objects.filter(region=region).first()
        if settings is None:
            return None
        logo = bytes(settings.logo) if settings.logo else None
        return {"logo": base64.b64encode(logo).decode("ascii") if logo else None, **plain(settings, TEXT)}

    def check(self, data: Any, ctx: CheckContext) -> None:
        if not isinstance(data, dict) or not ctx.well_formed((self.key,)):
            return
        settings = DocumentSettings(**values(DocumentSettings, data, TEXT))
        logo = data.get("logo")
        if isinstance(logo, str):
            try:
                settings.logo = base64.b64decode(logo, validate=True)
            except (binascii.Error, ValueError):
                ctx.report((self.key, "logo"), "bukan base64 yang sah / not valid base64")
                return
            problem = _logo_problem(settings.logo) if len(settings.logo) <= MAX_LOGO_BYTES else None
            if problem:
                ctx.report((self.key, "logo"), problem)
                return
        ctx.validate_model(settings, (self.key,), exclude=["region"])

    def write(self, data: dict | None, ctx: WriteContext) -> None:
        if data is None:
            return
        logo = data.get("logo")
        ctx.save(
            DocumentSettings(
                region=ctx.region,
                logo=base64.b64decode(logo) if logo else None,
                **values(DocumentSettings, data, TEXT),
            )
        )


DOCUMENT_SECTIONS: list[Section] = [DocumentSection()]
