"""The master plan as PDF, typeset by Typst (the ``typst`` wheel: the compiler and its fonts, no network).

The document is handed to the template ``templates/masterplan.typ`` as data: :func:`render_pdf` writes
``content.json`` and the charts (SVG) into a temporary directory and compiles the template there. The template
reads the JSON with ``json()`` and inserts every string as a text value, so user text is never parsed as Typst
markup (``#set page(...)``, ``*bold*``, ``$x$`` and the like print as typed).

Fonts: Libertinus Serif (bundled with the wheel) for the body, DejaVu Sans for headings, tables and the charts'
SVG text; DejaVu Sans is read from matplotlib's own font folder, so the result does not depend on the fonts
installed on the machine (system fonts are ignored).
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from pathlib import Path

import matplotlib
import typst

from kotacerdas.masterplan import render_shared as common
from kotacerdas.masterplan.content import BulletList, Document, Figure, Paragraph, Section, Table

TEMPLATE = Path(__file__).with_name("templates") / "masterplan.typ"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

_fonts: typst.Fonts | None = None
_fonts_lock = threading.Lock()


#: A "word" this long cannot fit a line (or a table cell); it gets a break opportunity every 20 characters.
_LONG_WORD = re.compile(r"\S{40,}")
ZWSP = "\u200b"


def breakable(text: str) -> str:
    """``text`` with zero-width spaces inside very long words, so Typst can wrap them instead of letting them run
    off the page. Everything else is unchanged (a ZWSP prints nothing)."""
    if len(text) < 40:
        return text
    return _LONG_WORD.sub(
        lambda m: ZWSP.join(m.group(0)[i : i + 20] for i in range(0, len(m.group(0)), 20)), text
    )


class RenderError(RuntimeError):
    """Typst could not typeset the document (a bug in the template, never the user's text)."""


def _font_book() -> typst.Fonts:
    global _fonts
    with _fonts_lock:
        if _fonts is None:
            _fonts = typst.Fonts(
                include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(FONT_DIR)]
            )
        return _fonts


def content_json(doc: Document) -> tuple[dict, list[tuple[str, bytes]]]:
    """The document as the template's data, and the files (name, bytes) it refers to."""
    plan = common.plan(doc)
    files: list[tuple[str, bytes]] = []

    t = breakable

    def block(b) -> dict:
        if isinstance(b, Paragraph):
            return {"type": "p", "text": t(b.text), "style": b.style}
        if isinstance(b, BulletList):
            return {"type": "list", "items": [t(i) for i in b.items], "numbered": b.numbered}
        if isinstance(b, Table):
            return {
                "type": "table",
                "caption": t(common.caption_text(plan, b)),
                "columns": [t(c) for c in b.columns],
                "rows": [[t(c) for c in r] for r in b.rows],
                "align": list(b.align),
                "total": [t(c) for c in b.total] if b.total is not None else None,
                "widths": [float(w) if w > 0 else 1.0 for w in b.widths],
            }
        if isinstance(b, Figure):
            name = None
            if b.svg:
                name = f"fig-{len(files) + 1}.svg"
                files.append((name, bytes(b.svg)))
            return {
                "type": "figure",
                "file": name,
                "caption": t(common.caption_text(plan, b)),
                "width": max(0.1, min(1.0, float(b.width or 1.0))),
            }
        raise TypeError(f"unknown block {type(b).__name__}")

    def section(s: Section, level: int) -> dict:
        entry = plan.entry(s)
        return {
            "heading": t(entry.heading),
            "level": level,
            "new_page": bool(s.new_page),
            "blocks": [block(b) for b in s.blocks],
            "sections": [section(c, level + 1) for c in s.sections],
        }

    logo = common.usable_png(doc.logo_png)
    if logo is not None:
        files.append(("logo.png", logo))
    data = {
        "title": t(doc.title),
        "subtitle": t(doc.subtitle),
        "region": t(doc.region),
        "publisher": t(doc.publisher),
        "colour": common.colour(doc),
        "logo": "logo.png" if logo is not None else None,
        "draft": bool(doc.draft),
        "draft_reasons": [t(r) for r in doc.draft_reasons],
        "illustrative": bool(doc.illustrative),
        "generated": t(doc.generated),
        "cover_lines": common.cover_lines(doc),
        "toc_title": common.TOC_TITLE,
        "front": [section(s, 1) for s in plan.front],
        "body": [section(s, 1) for s in plan.body],
    }
    return data, files


def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes."""
    data, files = content_json(doc)
    with tempfile.TemporaryDirectory(prefix="kotacerdas-pdf-") as tmp:
        root = Path(tmp)
        (root / "content.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for name, payload in files:
            (root / name).write_bytes(payload)
        main = root / "masterplan.typ"
        main.write_bytes(TEMPLATE.read_bytes())
        try:
            compiler = typst.Compiler(main, root=root, font_paths=_font_book(), ignore_system_fonts=True)
            pdf = compiler.compile(format="pdf")
        except typst.TypstError as exc:  # pragma: no cover - a template bug, reported with Typst's diagnostic
            raise RenderError(getattr(exc, "diagnostic", None) or str(exc)) from exc
    assert isinstance(pdf, bytes)
    return pdf
