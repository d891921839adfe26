"""The master plan as one self-contained HTML file, to publish on the region's website.

Everything is inside the file: the CSS (screen and print), the charts as inline SVG (matplotlib escaped their
text), the logo as a ``data:`` URI. It loads nothing from anywhere. Every piece of user text goes through
:func:`html.escape`, so ``<script>`` prints as typed. A table of contents links to every heading; while the plan is
a draft a banner says so at the top and a "DRAF" watermark is printed on every page.
"""

from __future__ import annotations

import base64
import re
from html import escape

from kotacerdas.charts import svg_for_html
from kotacerdas.masterplan import render_shared as common
from kotacerdas.masterplan.content import BulletList, Document, Figure, Paragraph, Section, Table

CSS = """
:root { --accent: %(colour)s; --muted: #595959; --draft: #c00000; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: #1a1a1a; background: #f4f4f1;
  font-family: "Libertinus Serif", "Georgia", "DejaVu Serif", "Times New Roman", serif; line-height: 1.55; }
main { max-width: 52rem; margin: 0 auto; background: #fff; padding: 2.5rem 3rem 4rem; }
h1, h2, h3, h4, h5, .cover, .toc, caption, figcaption, table, .banner {
  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; border-bottom: 2px solid var(--accent); padding-bottom: .3rem; margin-top: 3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.08rem; margin-top: 1.5rem; }
h4, h5 { font-size: 1rem; font-style: italic; }
p, li, figcaption, caption { overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }  /* "anywhere" would let table layout split short words */
p.note { color: var(--muted); font-style: italic; }
p.illustrative { color: #6b4c00; font-style: italic; border-left: 3px solid #b07d00; padding-left: .6rem; }
blockquote { margin: .8rem 2rem; font-style: italic; }
.banner { background: var(--draft); color: #fff; padding: .6rem 1rem; text-align: center; font-weight: bold;
  letter-spacing: .04em; position: sticky; top: 0; z-index: 2; }
.cover { text-align: center; padding: 2rem 0 3rem; border-top: 1.2rem solid var(--accent); }
.cover img { max-height: 8rem; margin: 1rem auto 2rem; display: block; }
.cover .title { font-size: 2.1rem; font-weight: bold; color: var(--accent); margin: 1rem 0 .4rem; border: 0;
  overflow-wrap: anywhere; }
.cover .subtitle { font-size: 1.4rem; color: var(--accent); margin: 0; }
.cover .region { font-size: 1.1rem; margin: .3rem 0 0; }
.cover .draft { color: var(--draft); font-size: 3rem; font-weight: bold; margin: 1.5rem 0 .5rem; }
.cover .small { color: var(--muted); font-style: italic; font-size: .9rem; margin: .2rem 0; }
.cover .publisher { font-weight: bold; font-size: 1.15rem; margin-top: 3rem; }
.toc ol { list-style: none; padding-left: 1.2rem; margin: .2rem 0; }
.toc > ol { padding-left: 0; }
.toc a { color: inherit; text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.toc > ol > li { font-weight: bold; margin-top: .4rem; }
.toc > ol > li li { font-weight: normal; }
.table-wrap { overflow-x: auto; margin: 1rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%%; font-size: .82rem; }
caption { caption-side: top; text-align: left; font-weight: bold; color: var(--muted); font-size: .85rem;
  padding-bottom: .35rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .4rem; vertical-align: top; }
thead th { background: var(--accent); color: #fff; }
tbody tr:nth-child(even) td { background: #f7f7f7; }
tfoot td { font-weight: bold; background: #ebebeb; }
td.right, th.right, .nw { white-space: nowrap; }  /* amounts such as Rp 1.200.000.000 stay on one line */
.right { text-align: right; } .center { text-align: center; } .left { text-align: left; }
figure { margin: 1.5rem 0; text-align: center; }
figure svg { max-width: 100%%; height: auto; }
figcaption { font-size: .85rem; font-weight: bold; color: var(--muted); margin-top: .4rem; }
.watermark { display: none; }
@media print {
  @page { size: A4; margin: 2.2cm 2.5cm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .banner { position: static; }
  .cover { page-break-after: always; border-top: 0; }
  .toc { page-break-after: always; }
  section.chapter.new-page { page-break-before: always; }
  h1, h2, h3, h4 { page-break-after: avoid; }
  figure, tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .watermark { display: block; position: fixed; top: 40%%; left: 0; right: 0; text-align: center;
    font: bold 120pt "DejaVu Sans", Arial, sans-serif; color: rgba(192, 0, 0, .12); transform: rotate(-45deg);
    z-index: -1; }
}
"""


def render_html(doc: Document) -> bytes:
    """The document as one UTF-8 HTML file."""
    return _Writer(doc).write().encode("utf-8")


def _e(text: str) -> str:
    return escape(common.clean(text), quote=True)


def _lines(text: str) -> str:
    """Escaped text, its newlines kept as line breaks."""
    return "<br>".join(_e(part) for part in str(text).split("\n"))


#: Codes such as GOV-05 or ECO-08-A: kept on one line in table cells instead of breaking at the hyphen.
_CODE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,8})+(?![\w-])")


def _cell(text: str) -> str:
    """A table cell's escaped text with its codes kept whole (escaping never produces such a code)."""
    return _CODE.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', _lines(text))


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.plan = common.plan(doc)
        self.parts: list[str] = []

    def write(self) -> str:
        doc, out = self.doc, self.parts
        out.append('<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n')
        out.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        out.append(f"<title>{_e(doc.title)}{' (DRAF)' if doc.draft else ''}</title>\n")
        out.append(f"<style>{CSS % {'colour': common.colour(doc)}}</style>\n</head>\n<body>\n")
        if doc.draft:
            out.append(
                f'<div class="banner" role="note">{common.DRAFT_MARK} · '
                f"{_e(common.DRAFT_LINE)}</div>\n"
                f'<div class="watermark" aria-hidden="true">{common.DRAFT_MARK}</div>\n'
            )
        out.append("<main>\n")
        self._cover()
        for chapter in self.plan.front:
            self._section(chapter, 1)
        self._toc()
        for chapter in self.plan.body:
            self._section(chapter, 1)
        out.append("</main>\n</body>\n</html>\n")
        return "".join(out)

    def _cover(self) -> None:
        doc, out = self.doc, self.parts
        out.append('<header class="cover">\n')
        logo = common.usable_png(doc.logo_png)
        if logo is not None:
            data = base64.b64encode(logo).decode("ascii")
            out.append(f'<img src="data:image/png;base64,{data}" alt="Logo {_e(doc.region)}">\n')
        out.append(f'<p class="title">{_e(doc.title)}</p>\n')
        if doc.subtitle:
            out.append(f'<p class="subtitle">{_e(doc.subtitle)}</p>\n')
        if doc.region:
            out.append(f'<p class="region">{_e(doc.region)}</p>\n')
        if doc.draft:
            out.append(f'<p class="draft">{common.DRAFT_MARK}</p>\n')
        for line in common.cover_lines(doc):
            out.append(f'<p class="small">{_e(line)}</p>\n')
        out.append(f'<p class="publisher">{_e(doc.publisher)}</p>\n')
        if doc.generated:
            out.append(f'<p class="small">{_e(doc.generated)}</p>\n')
        out.append("</header>\n")

    def _toc(self) -> None:
        out = self.parts
        out.append(
            f'<nav class="toc" aria-labelledby="toc-title">\n<h1 id="toc-title">{common.TOC_TITLE}</h1>\n'
        )

        def items(sections: list[Section], level: int) -> None:
            if not sections or level > 3:
                return
            out.append("<ol>\n")
            for s in sections:
                entry = self.plan.entry(s)
                out.append(f'<li><a href="#{entry.anchor}">{_e(entry.heading)}</a>')
                items(s.sections, level + 1)
                out.append("</li>\n")
            out.append("</ol>\n")

        items(self.doc.chapters, 1)
        out.append("</nav>\n")

    def _section(self, section: Section, level: int) -> None:
        out = self.parts
        entry = self.plan.entry(section)
        tag = f"h{min(level, 5)}"
        classes = (
            "chapter new-page" if level == 1 and section.new_page else ("chapter" if level == 1 else "sub")
        )
        out.append(f'<section class="{classes}">\n<{tag} id="{entry.anchor}">{_e(entry.heading)}</{tag}>\n')
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.style == "quote":
                    out.append(f"<blockquote><p>{_lines(block.text)}</p></blockquote>\n")
                else:
                    cls = f' class="{block.style}"' if block.style in ("note", "illustrative") else ""
                    out.append(f"<p{cls}>{_lines(block.text)}</p>\n")
            elif isinstance(block, BulletList):
                tag_list = "ol" if block.numbered else "ul"
                out.append(f"<{tag_list}>" + "".join(f"<li>{_lines(i)}</li>" for i in block.items))
                out.append(f"</{tag_list}>\n")
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Figure):
                self._figure(block)
        for child in section.sections:
            self._section(child, level + 1)
        out.append("</section>\n")

    def _table(self, block: Table) -> None:
        out = self.parts
        n = len(block.columns)
        align = list(block.align) if block.align else ["left"] * n
        cls = [f' class="{a}"' if a != "left" else "" for a in align]
        out.append('<div class="table-wrap"><table>\n')
        out.append(f"<caption>{_e(common.caption_text(self.plan, block))}</caption>\n")
        if block.widths:
            total = sum(block.widths) or 1.0
            out.append(
                "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths)
            )
            out.append("</colgroup>\n")
        out.append("<thead><tr>")
        out.append(
            "".join(f'<th scope="col"{c}>{_lines(t)}</th>' for t, c in zip(block.columns, cls, strict=True))
        )
        out.append("</tr></thead>\n<tbody>\n")
        for row in block.rows:
            out.append(
                "<tr>" + "".join(f"<td{c}>{_cell(t)}</td>" for t, c in zip(row, cls, strict=True)) + "</tr>\n"
            )
        out.append("</tbody>\n")
        if block.total is not None:
            cells = "".join(f"<td{c}>{_cell(t)}</td>" for t, c in zip(block.total, cls, strict=True))
            out.append(f"<tfoot><tr>{cells}</tr></tfoot>\n")
        out.append("</table></div>\n")

    def _figure(self, block: Figure) -> None:
        caption = common.caption_text(self.plan, block)
        width = max(0.1, min(1.0, float(block.width or 1.0)))
        if block.svg:
            body = svg_for_html(bytes(block.svg), label=common.clean(block.caption))
        else:
            body = '<p class="note">(gambar tidak tersedia)</p>'
        self.parts.append(
            f'<figure style="max-width:{width * 100:.0f}%; margin-left:auto; margin-right:auto">\n{body}\n'
            f"<figcaption>{_e(caption)}</figcaption>\n</figure>\n"
        )
