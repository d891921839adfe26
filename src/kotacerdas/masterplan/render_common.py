"""The master plan's file formats: which renderer writes which format, its content type and its file name.

The renderers share their helpers through :mod:`kotacerdas.masterplan.render_shared`; this module sits above them.
"""

from __future__ import annotations

from kotacerdas.masterplan.content import Document
from kotacerdas.masterplan.render_docx import render_docx
from kotacerdas.masterplan.render_html import render_html
from kotacerdas.masterplan.render_pdf import render_pdf

FORMATS = ("docx", "pdf", "html")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


RENDERERS = {"docx": render_docx, "pdf": render_pdf, "html": render_html}


def render(doc: Document, fmt: str) -> bytes:
    """``doc`` in one of :data:`FORMATS`."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return renderer(doc)


def file_name(slug: str, fmt: str) -> str:
    return f"masterplan-{slug}.{fmt}"
