"""Text typed by users that is markup somewhere (HTML, Typst, Markdown, Django templates, LaTeX) appears literally
in every format and never breaks the document."""

import pytest

from kotacerdas.masterplan.render_docx import render_docx
from kotacerdas.masterplan.render_html import render_html
from kotacerdas.masterplan.render_pdf import render_pdf
from tests.masterplan.render.conftest import CHAPTERS, HOSTILE, HOSTILE_PARTS, LONG_WORD, make_doc
from tests.masterplan.render.readback import Html, docx_all_text, docx_open, flat, pdf_text, unwrapped


@pytest.fixture
def hostile():
    return make_doc(text=HOSTILE + "\x00\x07")  # control characters XML cannot hold are dropped


def test_docx(hostile):
    data = render_docx(hostile)
    text = docx_all_text(data)
    assert HOSTILE in text
    d = docx_open(data)
    assert (
        sum(p.style.name == "Heading 1" for p in d.paragraphs) == len(CHAPTERS) + 3
    )  # + foreword, summary, annex
    costs = next(t for t in d.tables if t.rows[0].cells[0].text == "Pilar")
    assert costs.rows[2].cells[0].text == "Smart Economy " + HOSTILE


def test_pdf(hostile):
    data = render_pdf(hostile)
    text = pdf_text(data)
    flattened = flat(text)
    for part in HOSTILE_PARTS:
        assert part in flattened, part
    assert unwrapped(LONG_WORD) in unwrapped(text)
    # the template's own structure survived: every chapter is still there, the page was not re-set
    for label, title in CHAPTERS:
        assert f"{label} {title}" in flattened


def test_html(hostile):
    data = render_html(hostile)
    page = Html(data)
    assert page.scripts == 0
    assert HOSTILE in page.all_text
    assert b"<script>" not in data
    costs = next(t for t in page.tables if t["head"] and t["head"][0][0] == "Pilar")
    assert costs["body"][1][0] == "Smart Economy " + HOSTILE


def test_newlines_in_user_text_are_line_breaks_not_lost():
    from kotacerdas.masterplan.content import Paragraph

    doc = make_doc()
    doc.chapters[0].add(Paragraph("baris satu\nbaris dua"))
    assert "baris satu" in docx_all_text(render_docx(doc)) and "baris dua" in docx_all_text(render_docx(doc))
    assert "baris satu<br>baris dua" in render_html(doc).decode()
    assert "baris dua" in pdf_text(render_pdf(doc))
