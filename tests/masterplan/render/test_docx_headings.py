"""Every chapter is a real Heading 1 (with its BAB label), sections Heading 2/3, so Word's table of contents works."""

from kotacerdas.masterplan.render_docx import render_docx
from tests.masterplan.render.conftest import CHAPTERS
from tests.masterplan.render.readback import docx_open


def test_every_chapter_is_a_heading_1_with_its_label(doc):
    d = docx_open(render_docx(doc))
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    for label, title in CHAPTERS:
        assert f"{label} {title}" in h1
    assert "Kata Pengantar" in h1 and "Ringkasan Eksekutif" in h1
    assert "Lampiran A Matriks Kegiatan" in h1


def test_sections_are_numbered_heading_2_and_3(doc):
    d = docx_open(render_docx(doc))
    h2 = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    h3 = [p.text for p in d.paragraphs if p.style.name == "Heading 3"]
    assert "1.1 Latar Belakang" in h2 and "8.2 Catatan" in h2
    assert "6.1.1 Dasar Hukum" in h3


def test_a_toc_field_that_word_updates_on_open(doc):
    data = render_docx(doc)
    d = docx_open(data)
    xml = d.element.xml
    assert 'TOC \\o "1-3"' in xml
    assert (
        d.settings.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields")
        is not None
    )
    texts = [p.text for p in d.paragraphs]
    assert "Daftar Isi" in texts
    assert any("Perbarui Bidang" in t for t in texts)


def test_a4_with_page_numbers_in_the_footer(doc):
    d = docx_open(render_docx(doc))
    section = d.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "Halaman" in section.footer.paragraphs[0].text
