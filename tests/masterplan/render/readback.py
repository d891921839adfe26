"""Reading the rendered files back as a reader would: python-docx, pdftotext, an HTML parser."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import docx

ZWSP = "\u200b"


def docx_open(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_all_text(data: bytes) -> str:
    """Every piece of text in the document (body, tables, headers, footers), whitespace collapsed."""
    d = docx_open(data)
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in d.sections:
        for hf in (section.header, section.first_page_header, section.footer):
            parts.extend(p.text for p in hf.paragraphs)
    return " ".join(" ".join(parts).split())


def pdf_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Whitespace collapsed and zero-width spaces (break opportunities in long words) removed."""
    return " ".join(text.replace(ZWSP, "").split())


def unwrapped(text: str) -> str:
    """Text with all whitespace removed: a line wrapped anywhere still matches."""
    return re.sub(r"\s+", "", text.replace(ZWSP, ""))


def pdf_pages(data: bytes) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


class Html(HTMLParser):
    """The parsed page: its text (outside <style>/<script>), headings, tables, links and sources, and any script."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[tuple[str, str, str]] = []  # (tag, id, text)
        self.tables: list[dict] = []
        self.urls: list[str] = []
        self.links: list[str] = []  # href of <a> elements
        self.scripts = 0
        self.svgs = 0
        self.classes: list[str] = []
        self._skip = 0
        self._heading: list | None = None
        self._row: list | None = None
        self._cell: list | None = None
        self._part = None
        self.feed(data.decode("utf-8"))
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("class"):
            self.classes.extend(a["class"].split())
        for key in ("src", "href", "xlink:href", "action"):
            if a.get(key):
                self.urls.append(a[key])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag in ("style", "script"):
            self._skip += 1
        if tag == "svg":
            self.svgs += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, a.get("id", ""), []]
        if tag == "table":
            self.tables.append({"head": [], "body": [], "foot": []})
        if tag in ("thead", "tbody", "tfoot"):
            self._part = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        if tag == "tr":
            self._row = []
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        if self._heading and tag == self._heading[0]:
            self.headings.append(
                (self._heading[0], self._heading[1], " ".join("".join(self._heading[2]).split()))
            )
            self._heading = None
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        if tag == "tr" and self._row is not None and self.tables:
            self.tables[-1][self._part or "body"].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading[2].append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())
