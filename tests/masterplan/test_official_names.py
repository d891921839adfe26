"""The master plan prints program names and kegiatan / sub kegiatan names from the official nomenclature, beside
the activity's own title, with the code as the nomenclature writes it; read back from the DOCX and the PDF.

Facts from ``nomenclature-5889-2021.csv``: ``program,2.16.03,PROGRAM PENGELOLAAN APLIKASI INFORMATIKA``;
``subkegiatan,2.16.03.2.02.0009,Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas``;
``2.16.03.2.02.0099`` is in neither CSV (the base has 12 sub kegiatan under 2.16.03.2.02, the SIPD additions 15 more, none 0099).
"""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity, ActivityYear, Program
from kotacerdas.masterplan.builder import build
from kotacerdas.masterplan.render_docx import render_docx
from kotacerdas.masterplan.render_pdf import render_pdf
from tests.masterplan.builder.conftest import chapter, complete_region, tables
from tests.masterplan.render.readback import docx_all_text, flat, pdf_text, unwrapped

SUB_NAME = "Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas"
PROGRAM = "2.16.03 PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"


@pytest.fixture
def region(db):
    region = complete_region()
    program = Program.objects.get(region=region)  # stored as "Aplikasi", an unofficial name
    for ref, code, name in (
        ("GOV-02", "2.16.03.2.02.0009", "Dasbor kota cerdas"),
        ("GOV-03", "2.16.03.2.02.0099", "Kode lama"),
    ):
        activity = Activity.objects.create(
            region=region,
            program=program,
            ref=ref,
            code=code,
            name=name,
            horizon="short",
            start_year=2025,
            end_year=2025,
            funding_source="apbd",
            infrastructure="governance",
            no_local_wisdom_relation=True,
        )
        ActivityYear.objects.create(region=region, activity=activity, year=2025, cost=1_000_000)
    return region


def test_matrix_and_agency_table_carry_official_names(region):
    doc = build(region)
    (matrix,) = tables(chapter(doc, "Matriks Kegiatan"))
    rows = {row[0]: dict(zip(matrix.columns, row, strict=True)) for row in matrix.rows}
    assert rows["GOV-02"]["Kode"] == "2.16.03.2.02.0009"
    assert rows["GOV-02"]["Kegiatan"] == f"Dasbor kota cerdas (sub kegiatan: {SUB_NAME})"
    assert rows["GOV-03"]["Kode"] == "2.16.03.2.02.0099"
    assert rows["GOV-03"]["Kegiatan"] == "Kode lama (kode tidak ada dalam nomenklatur)"
    agency_tables = [
        t
        for _c in doc.chapters
        for t in tables(_c)
        if t.caption == "Program dan kegiatan per perangkat daerah"
    ]
    (agencies,) = agency_tables
    assert agencies.rows[0][1] == PROGRAM  # not the stored "2.16.03 Aplikasi"


def test_docx_and_pdf_read_back(region):
    doc = build(region)
    text = docx_all_text(render_docx(doc))
    assert f"Dasbor kota cerdas (sub kegiatan: {SUB_NAME})" in text
    assert PROGRAM in text
    assert "2.16.03 Aplikasi" not in text
    pdf = pdf_text(render_pdf(doc))
    assert "GOV-022.16.03.2.02.0009" in unwrapped(pdf)  # the row's Ref and Kode cells, one code format
    # pdftotext puts the row's Ref and Kode line in the middle of the wrapped Kegiatan cell: take it out
    cells = unwrapped(pdf).replace("GOV-022.16.03.2.02.0009", "")
    assert unwrapped(f"Dasbor kota cerdas (sub kegiatan: {SUB_NAME})") in cells
    assert unwrapped("Kode lama (kode tidak ada dalam nomenklatur)") in cells.replace(
        "GOV-032.16.03.2.02.0099", ""
    )
    assert unwrapped(PROGRAM) in unwrapped(pdf)
    assert "Aplikasi 2.16.03" not in flat(pdf) and "2.16.03 Aplikasi" not in flat(pdf)
