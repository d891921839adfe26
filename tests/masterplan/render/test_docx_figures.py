"""Charts are PNG pictures in the DOCX, each with a numbered caption; a logo goes on the cover."""

from kotacerdas.masterplan.render_docx import render_docx
from tests.masterplan.render.conftest import chart_pair, make_doc
from tests.masterplan.render.readback import docx_open


def test_figures_are_png_pictures_with_captions(doc):
    d = docx_open(render_docx(doc))
    assert len(d.inline_shapes) == 2
    images = [r.target_part for r in d.part.rels.values() if "image" in r.reltype]
    assert all(part.content_type == "image/png" for part in images)
    captions = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    assert "Gambar 1. Diagram kuadran SWOT per pilar" in captions
    assert "Gambar 2. Radar kematangan per pilar" in captions


def test_logo_on_the_cover_and_a_broken_logo_is_left_out():
    logo = chart_pair("radar")[1]  # any valid PNG
    d = docx_open(render_docx(make_doc(logo=logo)))
    assert len(d.inline_shapes) == 3
    d = docx_open(render_docx(make_doc(logo=b"\x89PNG\r\n\x1a\nnot really")))
    assert len(d.inline_shapes) == 2
