"""What the three renderers share (:mod:`render_common` picks one of them): heading numbers, table/figure numbers, safe text, the cover's wording.

Every renderer walks the same :class:`~kotacerdas.masterplan.content.Document` through :func:`plan`, so a heading,
table or figure gets the same number in DOCX, PDF and HTML. Nothing here interprets user text: :func:`clean` only
drops the control characters that XML cannot hold (DOCX and HTML are XML or close to it).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from PIL import Image

from kotacerdas.masterplan.content import Document, Figure, Section, Table

#: Characters XML 1.0 forbids (everything below U+0020 except tab, newline and carriage return, plus the two
#: non-characters U+FFFE/U+FFFF and lone surrogates). They are dropped; all other text is kept as it is.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

TOC_TITLE = "Daftar Isi"
TOC_NOTE = (
    "Daftar isi ini diperbarui oleh Word saat dokumen dibuka (pilih Ya bila ditanya), atau dengan klik kanan "
    "pada daftar isi lalu Perbarui Bidang (Update Field)."
)
DRAFT_MARK = "DRAF"
DRAFT_LINE = (
    "Dokumen ini masih DRAF: ada hal yang belum selesai (lihat lampiran daftar hal yang belum selesai)."
)
ILLUSTRATIVE_LINE = "Sebagian isi dokumen ini adalah contoh ilustratif, bukan data resmi daerah."
FOREWORD_PREFIXES = ("kata pengantar", "sambutan")


def clean(text: str) -> str:
    """``text`` without the control characters XML cannot hold; nothing else changes."""
    return _XML_ILLEGAL.sub("", str(text))


def roman_to_int(token: str) -> int | None:
    token = token.upper()
    if not token or any(ch not in ROMAN for ch in token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = ROMAN[ch]
        total += -value if i + 1 < len(token) and ROMAN[token[i + 1]] > value else value
    return total


def chapter_prefix(label: str) -> str:
    """The prefix of a chapter's sub-section numbers: "BAB IV" → "4", "Lampiran B" → "B", "" → ""."""
    parts = label.split()
    if not parts:
        return ""
    last = parts[-1]
    number = roman_to_int(last)
    return str(number) if number is not None else last


@dataclass
class Entry:
    """One heading of the document, in reading order."""

    level: int
    section: Section
    #: "BAB I" for chapters, "1.2" for sub-sections of numbered chapters, "" when unnumbered
    number: str
    anchor: str

    @property
    def heading(self) -> str:
        """The heading's text as printed and as listed in the table of contents."""
        title = clean(self.section.title)
        return f"{self.number} {title}" if self.number else title


@dataclass
class Plan:
    """The document's headings, and the numbers of its tables and figures, computed once for every format."""

    entries: list[Entry] = field(default_factory=list)
    #: id(block) → "Tabel 3" / "Gambar 2"
    captions: dict[int, str] = field(default_factory=dict)
    #: chapters printed before the table of contents (the foreword), and the rest
    front: list[Section] = field(default_factory=list)
    body: list[Section] = field(default_factory=list)

    def entry(self, section: Section) -> Entry:
        return self._by_section[id(section)]

    def __post_init__(self) -> None:
        self._by_section: dict[int, Entry] = {}


def plan(doc: Document) -> Plan:
    result = Plan()
    n_table = n_figure = 0

    def visit(section: Section, level: int, number: str, prefix: str) -> None:
        nonlocal n_table, n_figure
        entry = Entry(level, section, number, f"s{len(result.entries) + 1}")
        result.entries.append(entry)
        result._by_section[id(section)] = entry
        for block in section.blocks:
            if isinstance(block, Table):
                n_table += 1
                result.captions[id(block)] = f"Tabel {n_table}"
            elif isinstance(block, Figure):
                n_figure += 1
                result.captions[id(block)] = f"Gambar {n_figure}"
        for i, child in enumerate(section.sections, start=1):
            child_number = f"{prefix}.{i}" if prefix else ""
            visit(child, level + 1, child_number, child_number)

    for chapter in doc.chapters:
        label = clean(chapter.label).strip()
        visit(chapter, 1, label, chapter_prefix(label))
    # The foreword comes before the table of contents, as in a printed plan; everything else after it.
    chapters = list(doc.chapters)
    while (
        chapters and not chapters[0].label and chapters[0].title.strip().lower().startswith(FOREWORD_PREFIXES)
    ):
        result.front.append(chapters.pop(0))
    result.body = chapters
    return result


def caption_text(plan_: Plan, block: Table | Figure) -> str:
    """ "Tabel 3. Caption" (or just "Tabel 3" when the block has no caption)."""
    label = plan_.captions.get(id(block), "")
    caption = clean(block.caption).strip()
    return f"{label}. {caption}" if caption else label


def usable_png(data: bytes | None) -> bytes | None:
    """``data`` when it is a PNG image that can be decoded, else None (a broken logo never breaks a document)."""
    if not data:
        return None
    data = bytes(data)
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - any decoding problem means "no logo"
        return None
    return data


def colour(doc: Document) -> str:
    """The region's colour as "#rrggbb" (the default when the stored value is not one)."""
    value = (doc.colour or "").strip()
    return value.lower() if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else "#0f5c6e"


def cover_lines(doc: Document) -> list[str]:
    """The small print of the cover, under the title."""
    lines = []
    if doc.draft:
        lines.append(DRAFT_LINE)
    if doc.illustrative:
        lines.append(ILLUSTRATIVE_LINE)
    return lines
