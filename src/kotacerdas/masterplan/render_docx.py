"""The master plan as a Word document (python-docx), for planners who keep editing it in Word.

Real heading styles (Heading 1 for chapters, with their "BAB I" label; Heading 2/3 below) feed Word's table of
contents, a TOC field that Word refreshes when the file is opened; real tables with a repeated header row, numbers
right-aligned and a bold totals row; charts as PNG pictures with numbered captions; a cover in the region's colour;
page numbers in the footer; and "DRAF" in the header of every page (and on the cover) while the plan is a draft.

User text is only ever added as the text of runs: python-docx writes it as XML character data, so nothing in it is
interpreted. Control characters that XML cannot hold are dropped (:func:`render_shared.clean`).
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kotacerdas.masterplan import render_shared as common
from kotacerdas.masterplan.content import BulletList, Document, Figure, Paragraph, Section, Table

TEXT_WIDTH_CM = 16.0  # A4 (21 cm) minus 2.5 cm margins
BODY_FONT = "Calibri"
HEADING_FONT = "Calibri"
MUTED = RGBColor(0x59, 0x59, 0x59)
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


def render_docx(doc: Document) -> bytes:
    """The document as .docx bytes."""
    return _Writer(doc).write()


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC …) in ``paragraph``; ``placeholder`` is shown until Word updates it."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_end(paragraph)


def _shade(cell, hex_colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.plan = common.plan(doc)
        self.colour = common.colour(doc)
        self.rgb = _rgb(self.colour)
        self.out = new_docx()
        #: True right after a page break (a chapter that starts a new page needs no second one)
        self.fresh_page = False

    # ------------------------------------------------------------------------------------------------ setup
    def para(self, style: str | None = None, container=None):
        """A new paragraph; the style is set by id (python-docx's by-name lookup scans every style each time)."""
        p = (container or self.out).add_paragraph()
        if style is not None:
            p._p.style = self.style_ids[style]
        return p

    def write(self) -> bytes:
        self._styles()
        self.style_ids = {
            name: self.out.styles[name].style_id
            for name in (
                "Table Grid",
                "Caption",
                "Catatan",
                "Ilustratif",
                "Kutipan",
                "Isi Tabel",
                "List Bullet",
            )
            + tuple(f"Heading {n}" for n in range(1, 5))
        }
        self._page_setup()
        self._cover()
        for chapter in self.plan.front:
            self._section(chapter, 1)
        self._toc()
        for chapter in self.plan.body:
            self._section(chapter, 1)
        settings = self.out.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        props = self.out.core_properties
        # Core properties hold at most 255 characters each.
        props.title = common.clean(self.doc.title)[:255]
        props.subject = common.clean(self.doc.subtitle)[:255]
        props.author = common.clean(self.doc.publisher)[:255]
        props.keywords = "DRAF" if self.doc.draft else ""
        buffer = io.BytesIO()
        self.out.save(buffer)
        return buffer.getvalue()

    def _styles(self) -> None:
        styles = self.out.styles
        normal = styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = Pt(11)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size in ((1, 16), (2, 13), (3, 11.5), (4, 11)):
            style = styles[f"Heading {level}"]
            style.font.name = HEADING_FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = self.rgb
            rfonts = style.element.rPr.rFonts
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                rfonts.set(qn(attr), HEADING_FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(theme), None)
            style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
            style.paragraph_format.space_after = Pt(8 if level == 1 else 4)
            style.paragraph_format.keep_with_next = True
        caption = styles["Caption"]
        caption.font.size = Pt(9.5)
        caption.font.bold = True
        caption.font.italic = False
        caption.font.color.rgb = MUTED
        for name, italic, colour in (
            ("Catatan", True, MUTED),
            ("Ilustratif", True, RGBColor(0x8A, 0x5A, 0x00)),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.italic = italic
            style.font.color.rgb = colour
        quote = styles.add_style("Kutipan", WD_STYLE_TYPE.PARAGRAPH)
        quote.base_style = normal
        quote.font.italic = True
        quote.paragraph_format.left_indent = Cm(1)
        quote.paragraph_format.right_indent = Cm(1)
        cell = styles.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(9)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.0

    def _page_setup(self) -> None:
        section = self.out.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
        section.header_distance = section.footer_distance = Cm(1.2)
        section.different_first_page_header_footer = True
        # Header of every page after the cover: the title, and DRAF while the plan is a draft.
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if self.doc.draft:
            mark = header.add_run(common.DRAFT_MARK + "  ")
            mark.bold = True
            mark.font.color.rgb = DRAFT_RED
        run = header.add_run(common.clean(self.doc.title))
        run.font.size = Pt(8.5)
        run.font.color.rgb = MUTED
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Halaman ")
        _field(footer, "PAGE", "1")
        footer.add_run(" dari ")
        _field(footer, "NUMPAGES", "1")
        for run in footer.runs:
            run.font.size = Pt(9)
            run.font.color.rgb = MUTED
        if self.doc.draft:  # the cover's own header
            first = section.first_page_header.paragraphs[0]
            first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            mark = first.add_run(common.DRAFT_MARK)
            mark.bold = True
            mark.font.color.rgb = DRAFT_RED

    # ------------------------------------------------------------------------------------------------ cover
    def _cover(self) -> None:
        out, doc = self.out, self.doc
        logo = common.usable_png(doc.logo_png)
        top = out.add_paragraph()
        top.paragraph_format.space_before = Pt(48)
        top.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if logo is not None:
            try:
                top.add_run().add_picture(io.BytesIO(logo), width=Cm(3.5))
            except Exception:  # noqa: BLE001 - a logo python-docx cannot read is left out, not fatal
                pass
        title = out.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(36)
        run = title.add_run(common.clean(doc.title))
        run.bold = True
        run.font.size = Pt(26)
        run.font.color.rgb = self.rgb
        for text, size in ((doc.subtitle, 18), (doc.region, 14)):
            if text:
                p = out.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(common.clean(text))
                r.font.size = Pt(size)
                r.font.color.rgb = self.rgb
        if doc.draft:
            p = out.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(24)
            r = p.add_run(common.DRAFT_MARK)
            r.bold = True
            r.font.size = Pt(40)
            r.font.color.rgb = DRAFT_RED
        for line in common.cover_lines(doc):
            p = self.para("Catatan")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(line)
        bottom = out.add_paragraph()
        bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
        bottom.paragraph_format.space_before = Pt(96)
        r = bottom.add_run(common.clean(doc.publisher))
        r.bold = True
        r.font.size = Pt(13)
        if doc.generated:
            bottom.add_run().add_break()
            r = bottom.add_run(common.clean(doc.generated))
            r.font.size = Pt(10)
            r.font.color.rgb = MUTED
        bottom.add_run().add_break(WD_BREAK.PAGE)
        self.fresh_page = True

    # ------------------------------------------------------------------------------------------------ toc
    def _toc(self) -> None:
        out = self.out
        heading = out.add_paragraph()
        heading.paragraph_format.space_before = Pt(0)
        heading.paragraph_format.page_break_before = not self.fresh_page
        run = heading.add_run(common.TOC_TITLE)
        run.bold = True
        run.font.size = Pt(16)
        run.font.color.rgb = self.rgb
        note = self.para("Catatan")
        note.add_run(common.TOC_NOTE)
        # The field's current result lists the chapters and sections, so the contents read sensibly even in a
        # viewer that never updates fields; Word replaces it with page numbers when it refreshes the field.
        p = out.add_paragraph()
        _field_begin(p, 'TOC \\o "1-3" \\h \\z \\u')
        for entry in self.plan.entries:
            if entry.level > 3:
                continue
            line = out.add_paragraph()
            line.paragraph_format.left_indent = Cm(0.6 * (entry.level - 1))
            line.paragraph_format.space_after = Pt(2)
            r = line.add_run(entry.heading)
            r.bold = entry.level == 1
        end = out.add_paragraph()
        _field_end(end)
        end.add_run().add_break(WD_BREAK.PAGE)
        self.fresh_page = True

    # ------------------------------------------------------------------------------------------------ body
    def _section(self, section: Section, level: int) -> None:
        entry = self.plan.entry(section)
        heading = self.para(f"Heading {min(level, 4)}")
        if level == 1 and section.new_page and not self.fresh_page:
            heading.paragraph_format.page_break_before = True
        self.fresh_page = False
        heading.add_run(entry.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                self._paragraph(block)
            elif isinstance(block, BulletList):
                self._list(block)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Figure):
                self._figure(block)
        for child in section.sections:
            self._section(child, level + 1)

    def _paragraph(self, block: Paragraph) -> None:
        style = {"note": "Catatan", "illustrative": "Ilustratif", "quote": "Kutipan"}.get(block.style)
        p = self.para(style)
        p.add_run(common.clean(block.text))

    def _list(self, block: BulletList) -> None:
        for i, item in enumerate(block.items, start=1):
            if block.numbered:
                p = self.out.add_paragraph()
                p.paragraph_format.left_indent = Cm(1)
                p.paragraph_format.first_line_indent = Cm(-0.6)
                p.add_run(f"{i}.\t")
            else:
                p = self.para("List Bullet")
            p.paragraph_format.space_after = Pt(3)
            p.add_run(common.clean(item))

    def _table(self, block: Table) -> None:
        caption = self.para("Caption")
        caption.paragraph_format.keep_with_next = True
        caption.add_run(common.caption_text(self.plan, block))
        n = len(block.columns)
        align = [ALIGN[a] for a in block.align] if block.align else [ALIGN["left"]] * n
        table = self.out.add_table(rows=1, cols=n)
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        weights = block.widths or tuple(1.0 for _ in block.columns)
        total_weight = sum(weights) or 1.0
        widths = [Cm(TEXT_WIDTH_CM * w / total_weight) for w in weights]
        for col, width in zip(table.columns, widths, strict=True):
            col.width = width
        style_id = self.style_ids["Isi Tabel"]
        header = table.rows[0]
        _repeat_header(header)
        _cant_split(header)
        for cell, text, width, a in zip(header.cells, block.columns, widths, align, strict=True):
            cell.width = width
            _shade(cell, self.colour)
            p = cell.paragraphs[0]
            p._p.style = style_id
            p.alignment = a
            r = p.add_run(common.clean(text))
            r.bold = True
            r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        rows = list(block.rows)
        if block.total is not None:
            rows.append(block.total)
        # Rows are written as XML directly: python-docx's row.cells walks the whole table each time, which makes
        # a 500-row annex quadratic. The XML is the same python-docx would write.
        jc = [a for a in (block.align or ("left",) * n)]
        twips = [str(int(w.twips)) for w in widths]
        tbl = table._tbl
        last = len(rows) - 1
        for i, values in enumerate(rows):
            bold = block.total is not None and i == last
            tbl.append(_row_xml(values, twips, jc, style_id, bold, "EDEDED" if bold else None))
        spacer = self.out.add_paragraph()
        spacer.paragraph_format.space_after = Pt(4)

    def _figure(self, block: Figure) -> None:
        p = self.out.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        width = Cm(TEXT_WIDTH_CM * max(0.1, min(1.0, block.width or 1.0)))
        picture = common.usable_png(block.png)
        if picture is not None:
            p.add_run().add_picture(io.BytesIO(picture), width=width)
        else:
            r = p.add_run("(gambar tidak tersedia)")
            r.italic = True
        caption = self.para("Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.add_run(common.caption_text(self.plan, block))


def _text_runs(parent, text: str, bold: bool) -> None:
    """Runs of ``text`` appended to ``parent`` (a w:p): newlines become line breaks, tabs become tabs."""
    r = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    for k, line in enumerate(common.clean(text).split("\n")):
        if k:
            r.append(OxmlElement("w:br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                r.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = piece
                r.append(t)
    parent.append(r)


def _row_xml(values, twips, jc, style_id: str, bold: bool, fill: str | None):
    tr = OxmlElement("w:tr")
    tr_pr = OxmlElement("w:trPr")
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr.append(tr_pr)
    for text, width, align in zip(values, twips, jc, strict=True):
        tc = OxmlElement("w:tc")
        tc_pr = OxmlElement("w:tcPr")
        tc_w = OxmlElement("w:tcW")
        tc_w.set(qn("w:w"), width)
        tc_w.set(qn("w:type"), "dxa")
        tc_pr.append(tc_w)
        if fill:
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), fill)
            tc_pr.append(shd)
        tc.append(tc_pr)
        p = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_style = OxmlElement("w:pStyle")
        p_style.set(qn("w:val"), style_id)
        p_pr.append(p_style)
        if align != "left":
            j = OxmlElement("w:jc")
            j.set(qn("w:val"), "right" if align == "right" else "center")
            p_pr.append(j)
        p.append(p_pr)
        _text_runs(p, text, bold)
        tc.append(p)
        tr.append(tc)
    return tr


def _field_begin(paragraph, instruction: str) -> None:
    """The start of a complex field; its result (a placeholder, or paragraphs such as a TOC) and
    :func:`_field_end` follow, in this paragraph or in later ones."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run._r.append(sep)


def _field_end(paragraph) -> None:
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)
