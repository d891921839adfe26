"""The DOCX says DRAF (in every page's header and on the cover) exactly when the plan is a draft."""

from kotacerdas.masterplan.render_docx import render_docx
from tests.masterplan.render.readback import docx_all_text, docx_open


def test_draft_marked_in_headers_and_on_the_cover(draft_doc):
    data = render_docx(draft_doc)
    d = docx_open(data)
    section = d.sections[0]
    assert "DRAF" in section.header.paragraphs[0].text
    assert "DRAF" in section.first_page_header.paragraphs[0].text
    cover = [p.text for p in d.paragraphs[:8]]
    assert "DRAF" in cover


def test_no_draft_mark_when_final(doc):
    assert "DRAF" not in docx_all_text(render_docx(doc))
