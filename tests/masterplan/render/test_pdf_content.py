"""The PDF read back with pdftotext: headings with their labels, key figures, tables, captions, several pages."""

from kotacerdas.masterplan.render_pdf import render_pdf
from tests.masterplan.render.conftest import CHAPTERS, TOTAL_COST, make_doc
from tests.masterplan.render.readback import flat, pdf_pages, pdf_text


def test_headings_figures_and_page_numbers(doc):
    data = render_pdf(doc)
    assert data.startswith(b"%PDF")
    text = flat(pdf_text(data))
    for label, title in CHAPTERS:
        assert f"{label} {title}" in text
    assert "Daftar Isi" in text
    assert "1.1 Latar Belakang" in text and "6.1.1 Dasar Hukum" in text
    assert TOTAL_COST in text and "7.345.000.000" in text
    assert "Tabel 1. Biaya rencana aksi per pilar" in text
    assert "Gambar 1. Diagram kuadran SWOT per pilar" in text
    assert "Gambar 2. Radar kematangan per pilar" in text
    pages = pdf_pages(data)
    assert pages > 1
    assert f"Halaman 2 dari {pages}" in text


def test_long_annex_spans_pages_with_every_row():
    data = render_pdf(make_doc(n_rows=300))
    text = pdf_text(data)
    assert "K0001" in text and "K0150" in text and "K0300" in text
    # the header row is repeated on the pages the annex continues on
    assert text.count("Biaya (Rp juta)") >= 3
    assert pdf_pages(data) > 8


def test_chart_text_is_in_the_pdf(doc):
    # the charts are embedded as SVG (vector), so their labels are text in the PDF
    assert "Smart Governance" in pdf_text(render_pdf(doc))


def test_logo_on_the_cover_and_a_broken_logo_is_left_out():
    from tests.masterplan.render.conftest import chart_pair

    assert render_pdf(make_doc(logo=chart_pair("radar")[1])).startswith(b"%PDF")
    assert render_pdf(make_doc(logo=b"\x89PNG\r\n\x1a\nbroken")).startswith(b"%PDF")
