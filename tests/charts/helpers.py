"""Reading rendered charts back: the SVG's text, and the PNG's size."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def svg_texts(svg: bytes) -> list[str]:
    """Every <text> of the SVG (one per line of a multi-line label), as the XML parser reads it (unescaped)."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    return ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]


def svg_text(svg: bytes) -> str:
    return "\n".join(svg_texts(svg))


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        return image.size
