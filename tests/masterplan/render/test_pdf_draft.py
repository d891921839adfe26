"""The PDF carries DRAF (watermark, header, cover) exactly when the plan is a draft."""

from kotacerdas.masterplan.render_pdf import render_pdf
from tests.masterplan.render.readback import pdf_pages, pdf_text


def test_draft_on_every_page(draft_doc):
    data = render_pdf(draft_doc)
    pages = pdf_text(data).split("\f")[: pdf_pages(data)]
    assert all("DRAF" in page for page in pages)


def test_no_draft_when_final(doc):
    assert "DRAF" not in pdf_text(render_pdf(doc))
