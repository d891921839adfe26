"""The master plan as data: chapters of blocks that every renderer (DOCX, PDF, HTML) turns into its own format.

One content builder (:mod:`kotacerdas.masterplan.builder`) produces a :class:`Document` from the workspace; the
renderers never query the database or compute a figure, so the three formats cannot disagree. All text here is
plain text typed by people or produced by the builder: renderers must treat it as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Paragraph:
    text: str
    #: "body" normal text; "note" a muted remark (e.g. "no data yet"); "illustrative" marks sample content;
    #: "quote" a quoted official text (vision, missions).
    style: Literal["body", "note", "illustrative", "quote"] = "body"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    #: per column; numbers are usually right-aligned
    align: tuple[Align, ...] = ()
    #: an optional last row drawn in bold (totals)
    total: tuple[str, ...] | None = None
    #: relative column widths (any positive numbers), or empty for automatic
    widths: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.columns)
        for row in self.rows:
            if len(row) != n:
                raise ValueError(f"table {self.caption!r}: a row has {len(row)} cells, the header {n}")
        if self.total is not None and len(self.total) != n:
            raise ValueError(
                f"table {self.caption!r}: the total row has {len(self.total)} cells, the header {n}"
            )
        if self.align and len(self.align) != n:
            raise ValueError(f"table {self.caption!r}: {len(self.align)} alignments for {n} columns")
        if self.widths and len(self.widths) != n:
            raise ValueError(f"table {self.caption!r}: {len(self.widths)} widths for {n} columns")


@dataclass(frozen=True)
class Figure:
    """A chart drawn once by :mod:`kotacerdas.charts`, in both formats."""

    caption: str
    svg: bytes
    png: bytes
    #: width as a fraction of the text width
    width: float = 1.0


Block = Paragraph | BulletList | Table | Figure


@dataclass
class Section:
    """A numbered heading with its blocks and sub-sections (level 1 = chapter, BAB)."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    #: "BAB I" for chapters; "" for unnumbered parts (foreword, executive summary, annexes use "Lampiran A")
    label: str = ""
    #: chapters that start on a new page in paged formats
    new_page: bool = False

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self

    def sub(self, title: str, *blocks: Block) -> Section:
        section = Section(title, list(blocks))
        self.sections.append(section)
        return section


@dataclass
class Document:
    title: str  # "Masterplan Smart City Kabupaten Katingan"
    subtitle: str  # "2023–2032"
    region: str  # "Kabupaten Katingan"
    #: the cover's line under the title, e.g. the regency's government
    publisher: str
    colour: str = "#0f5c6e"  # the region's colour, "#rrggbb"
    logo_png: bytes | None = None
    #: True while anything blocks the plan (the renderers put a DRAFT mark on every page)
    draft: bool = False
    draft_reasons: Sequence[str] = ()
    #: "illustrative" sample content present: the renderers say so on the cover
    illustrative: bool = False
    generated: str = ""  # a date, for the cover and footer
    chapters: list[Section] = field(default_factory=list)

    def chapter(self, label: str, title: str) -> Section:
        section = Section(title, label=label, new_page=True)
        self.chapters.append(section)
        return section

    def walk(self):
        """Every (level, section) depth-first, level 1 for chapters."""

        def visit(section: Section, level: int):
            yield level, section
            for child in section.sections:
                yield from visit(child, level + 1)

        for chapter in self.chapters:
            yield from visit(chapter, 1)
