"""The Katingan sample through the real builder into each format, read back: every chapter, the annex rows, the
draft mark exactly as the builder decided."""

import pytest

from kotacerdas.masterplan.render_docx import render_docx
from kotacerdas.masterplan.render_html import render_html
from kotacerdas.masterplan.render_pdf import render_pdf
from tests.masterplan.render.readback import Html, docx_open, flat, pdf_pages, pdf_text


@pytest.fixture
def katingan(db):
    from kotacerdas import sample
    from kotacerdas.actionplan.models import Activity
    from kotacerdas.masterplan.builder import CHAPTERS, build

    loaded = sample.load("katingan")
    doc = build(loaded.region)
    activities = Activity.objects.filter(region=loaded.region).count()
    headings = [f"{label} {title}".strip() for label, title in CHAPTERS if label != "Lampiran B" or doc.draft]
    return doc, headings, activities


def _first_table_after(d, heading_prefix: str):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    seen = False
    for child in d.element.body.iterchildren():
        if child.tag.endswith("}p"):
            p = Paragraph(child, d)
            if p.style.name == "Heading 1":
                seen = p.text.startswith(heading_prefix)
        elif child.tag.endswith("}tbl") and seen:
            return Table(child, d)
    return None


def test_docx(katingan):
    doc, headings, activities = katingan
    d = docx_open(render_docx(doc))
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert h1 == headings
    assert ("DRAF" in d.sections[0].header.paragraphs[0].text) == doc.draft
    assert len(d.inline_shapes) >= 1
    if activities:  # the annex: the first table after the "Lampiran A" heading, one row per activity
        annex = _first_table_after(d, "Lampiran A")
        assert annex is not None
        assert len(annex.rows) == 1 + activities + 1  # header, activities, totals


def test_pdf(katingan):
    doc, headings, _activities = katingan
    data = render_pdf(doc)
    text = flat(pdf_text(data))
    for heading in headings:
        assert heading in text
    assert ("DRAF" in text) == doc.draft
    assert pdf_pages(data) > 10


def test_html(katingan):
    doc, headings, activities = katingan
    page = Html(render_html(doc))
    if activities:
        annex = next(t for t in page.tables if len(t["body"]) == activities)
        assert len(annex["foot"]) == 1
    assert [text for tag, _id, text in page.headings if tag == "h1" and text != "Daftar Isi"] == headings
    assert ("DRAF" in page.all_text) == doc.draft
    assert page.svgs >= 1
    assert [u for u in page.urls if u.startswith(("http:", "https:", "//"))] == []
