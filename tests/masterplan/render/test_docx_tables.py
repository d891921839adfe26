"""Tables are real Word tables: one row per data row plus the header, header repeated, totals bold, numbers right."""

from docx.enum.text import WD_ALIGN_PARAGRAPH

from kotacerdas.masterplan.render_docx import render_docx
from tests.masterplan.render.conftest import TOTAL_COST, make_doc
from tests.masterplan.render.readback import docx_open


def _table_with(d, first_header: str):
    return next(t for t in d.tables if t.rows[0].cells[0].text == first_header)


def test_annex_has_one_row_per_activity_plus_header():
    d = docx_open(render_docx(make_doc(n_rows=137)))
    annex = _table_with(d, "Kode")
    assert len(annex.rows) == 137 + 1
    assert [c.text for c in annex.rows[0].cells] == ["Kode", "Kegiatan", "OPD", "Biaya (Rp juta)"]
    assert annex.rows[1].cells[0].text == "K0001" and annex.rows[137].cells[0].text == "K0137"
    assert 'w:tblHeader w:val="true"' in annex.rows[0]._tr.xml


def test_totals_row_is_bold_and_numbers_right_aligned(doc):
    d = docx_open(render_docx(doc))
    costs = _table_with(d, "Pilar")
    assert len(costs.rows) == 1 + 2 + 1  # header, two pillars, totals
    last = costs.rows[-1].cells
    assert [c.text for c in last] == ["Jumlah", "7", TOTAL_COST]
    assert all(run.bold for cell in last for p in cell.paragraphs for run in p.runs)
    assert last[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert costs.rows[1].cells[0].paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)


def test_table_captions_are_numbered(doc):
    d = docx_open(render_docx(doc))
    captions = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    assert "Tabel 1. Biaya rencana aksi per pilar" in captions
    assert "Tabel 2. Matriks kegiatan lengkap" in captions
