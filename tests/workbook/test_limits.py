"""Hostile workbooks are refused before memory is spent: each within 10 s and 300 MB, named in both languages,
and nothing written.

The files are generated here and kept small on disk: the oversized upload is a sparse file, the zip bomb a long run
of zeros, the million-row sheet raw XML streamed into a zip (openpyxl would take minutes to write it).
"""

from __future__ import annotations

import resource
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kotacerdas.assessment.models import Driver
from kotacerdas.interchange import limits
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook

SECONDS = 10
MEMORY = 300 * 1024 * 1024

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Pendorong" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
</Relationships>"""
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def _cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(row: int, *texts: str) -> str:
    return f'<row r="{row}">' + "".join(_cell("ABCDE"[i], row, t) for i, t in enumerate(texts)) + "</row>"


def raw_workbook(path: Path, rows, dimension: str = "") -> Path:
    """An .xlsx with one sheet ``Pendorong`` whose XML is streamed from ``rows`` (strings of ``<row>`` XML)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            head = SHEET_HEAD.format(dimension=f'<dimension ref="{dimension}"/>' if dimension else "")
            sheet.write(head.encode())
            chunk = []
            for row in rows:
                chunk.append(row)
                if len(chunk) == 10_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write(("".join(chunk) + SHEET_TAIL).encode())
    return path


HEADER = _row(1, "Nama pendorong", "Kategori", "Dampak (1–5)", "Ketidakpastian (1–5)", "Uraian")


def _rss() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def refused(region, source, **kwargs) -> InvalidWorkbook:
    """Run the refused import twice: once timed (at most :data:`SECONDS`) with the process's high-water mark, when it
    rose meanwhile, at most :data:`MEMORY` over the memory in use before; once under tracemalloc (whose overhead
    would distort the time) for the Python heap's peak, also under :data:`MEMORY`."""
    rss_before = _rss()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.monotonic()
    with pytest.raises(InvalidWorkbook):
        import_workbook(region, source, **kwargs)
    elapsed = time.monotonic() - started
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert elapsed < SECONDS, elapsed
    if peak_after > peak_before:
        assert peak_after - rss_before < MEMORY, (peak_after, rss_before)
    if hasattr(source, "seek"):
        source.seek(0)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidWorkbook) as caught:
            import_workbook(region, source, **kwargs)
    finally:
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert heap_peak < MEMORY, heap_peak
    return caught.value


def test_an_upload_over_10_mb_is_refused_before_it_is_opened(filled, tmp_path, row_counts):
    path = tmp_path / "besar.xlsx"
    with path.open("wb") as file:
        file.truncate(11 * limits.MB)  # sparse
    before = row_counts()
    error = refused(filled, path)
    assert error.problems == [
        "(workbook): the file is too large: 11.0 MB, at most 10 MB (KOTACERDAS_MAX_WORKBOOK_MB)"
    ]
    assert error.details[0].indonesian == (
        "(workbook): berkas terlalu besar: 11.0 MB, paling besar 10 MB (KOTACERDAS_MAX_WORKBOOK_MB)"
    )
    assert row_counts() == before


def test_a_zip_bomb_is_refused_by_its_declared_size(filled, tmp_path, row_counts):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = b"\0" * limits.MB
            for _ in range(200):
                member.write(zeros)
    assert path.stat().st_size < limits.MB
    before = row_counts()
    error = refused(filled, path)
    assert error.problems == [
        "(workbook): the workbook unpacks to 200 MB, at most 100 MB: not a bimtek workbook"
    ]
    assert row_counts() == before


def test_millions_of_shared_strings_are_refused_before_they_are_read(filled, tmp_path, row_counts):
    path = raw_workbook(tmp_path / "teks.xlsx", [HEADER])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/sharedStrings.xml", "w") as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><sst>')
            for _ in range(200):
                member.write(b"<si><t>x</t></si>" * 12_000)  # 200 × 204 kB: 2.4 million texts, 39 MB
            member.write(b"</sst>")
    before = row_counts()
    error = refused(filled, path)
    assert error.problems == ["(workbook): the workbook's texts unpack to 39 MB, at most 30 MB"]
    assert row_counts() == before


def test_a_million_row_sheet_stops_at_the_row_limit(filled, tmp_path, row_counts):
    rows = (
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(2, 1_000_002)
    )
    path = raw_workbook(tmp_path / "sejuta.xlsx", [HEADER, *rows])
    assert path.stat().st_size < limits.WORKBOOK_MB * limits.MB
    before = row_counts()
    error = refused(filled, path)
    assert error.problems == [
        "Pendorong!A20002: the sheet has more than 20000 rows; split it over several workbooks"
    ]
    assert error.details[0].indonesian == (
        "Pendorong!A20002: lembar ini lebih dari 20000 baris; bagi ke beberapa buku kerja"
    )
    assert row_counts() == before


def test_a_far_away_row_counts_towards_the_limit(filled, tmp_path, row_counts):
    path = raw_workbook(tmp_path / "jauh.xlsx", [HEADER, _row(900_000, "Pemekaran", "political", "3", "5")])
    before = row_counts()
    error = refused(filled, path)
    assert error.problems[0].startswith("Pendorong!A20002: the sheet has more than 20000 rows")
    assert row_counts() == before


def test_a_huge_declared_dimension_is_not_trusted(filled, tmp_path):
    rows = [HEADER, _row(2, "Pemekaran wilayah", "political", "3", "5", "Perubahan batas.")]
    path = raw_workbook(tmp_path / "dimensi.xlsx", rows, dimension="A1:XFD1048576")
    started = time.monotonic()
    summary = import_workbook(filled, path)
    assert time.monotonic() - started < SECONDS
    assert summary.created == {"Pendorong": 1}
    driver = Driver.objects.get(region=filled, name="Pemekaran wilayah")
    assert (driver.category, driver.impact, driver.uncertainty) == ("political", 3, 5)


def test_a_control_character_in_a_cell_is_refused_and_nothing_is_written(filled, tmp_path, row_counts):
    rows = [HEADER, _row(2, "Pemekaran&#1;wilayah", "political", "3", "5")]
    path = raw_workbook(tmp_path / "kendali.xlsx", rows)
    before = row_counts()
    error = refused(filled, path)
    # XML 1.0 cannot carry C0 control characters, so such a sheet is not a workbook that can be read
    assert error.problems[0].startswith("(workbook): not an Excel workbook (.xlsx) that can be read")
    assert row_counts() == before
    assert not Driver.objects.filter(name__startswith="Pemekaran").exists()


def test_the_upload_cap_comes_from_the_environment(filled, tmp_path, monkeypatch):
    monkeypatch.setenv("KOTACERDAS_MAX_WORKBOOK_MB", "1")
    path = tmp_path / "dua.xlsx"
    with path.open("wb") as file:
        file.truncate(2 * limits.MB)
    error = refused(filled, path)
    assert error.problems == [
        "(workbook): the file is too large: 2.0 MB, at most 1 MB (KOTACERDAS_MAX_WORKBOOK_MB)"
    ]
