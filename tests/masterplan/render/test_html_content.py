"""The HTML parsed: headings with anchors and a linked table of contents, tables, inline figures, no external
resource of any kind, DRAF exactly when draft."""

import re

from kotacerdas.masterplan.content import Table
from kotacerdas.masterplan.render_html import render_html
from tests.masterplan.render.conftest import CHAPTERS, TOTAL_COST, chart_pair, make_doc
from tests.masterplan.render.readback import Html


def test_headings_and_a_linked_table_of_contents(doc):
    page = Html(render_html(doc))
    h1 = [text for tag, _id, text in page.headings if tag == "h1"]
    for label, title in CHAPTERS:
        assert f"{label} {title}" in h1
    anchors = {id_ for _tag, id_, _text in page.headings if id_}
    links = [u for u in page.links if u.startswith("#")]
    assert "Daftar Isi" in h1
    assert len(links) >= len(CHAPTERS) + 2
    assert all(u[1:] in anchors for u in links)


def test_tables_one_row_per_data_row_with_totals():
    page = Html(render_html(make_doc(n_rows=41)))
    annex = next(t for t in page.tables if t["head"] and t["head"][0][0] == "Kode")
    assert len(annex["body"]) == 41
    costs = next(t for t in page.tables if t["head"] and t["head"][0][0] == "Pilar")
    assert costs["foot"] == [["Jumlah", "7", TOTAL_COST]]


def test_figures_inline_and_no_external_resources():
    logo = chart_pair("radar")[1]
    data = render_html(make_doc(logo=logo))
    page = Html(data)
    assert page.svgs >= 2
    assert "Gambar 1. Diagram kuadran SWOT per pilar" in page.all_text
    assert page.scripts == 0
    external = [u for u in page.urls if u.startswith(("http:", "https:", "//"))]
    assert external == []
    assert any(u.startswith("data:image/png;base64,") for u in page.urls)
    assert b"@import" not in data
    assert re.findall(rb"url\((?!#)", data) == []  # only the charts' own clip paths: url(#p…)


def test_draft_banner_exactly_when_draft(doc, draft_doc):
    draft = Html(render_html(draft_doc))
    assert "banner" in draft.classes and "DRAF" in draft.all_text
    final = Html(render_html(doc))
    assert "banner" not in final.classes and "DRAF" not in final.all_text


def test_activity_codes_in_table_cells_never_break_at_their_hyphen():
    doc = make_doc(n_rows=3)
    doc.chapter("LAMPIRAN", "Uji kode").add(
        Table(
            columns=("Kode", "Kegiatan"),
            rows=(("GOV-05", "Kegiatan-kegiatan ECO-08 dan <b>X-1</b>"),),
            caption="Kode kegiatan",
        )
    )
    data = render_html(doc).decode("utf-8")
    assert '<td><span class="nw">GOV-05</span></td>' in data
    assert '<span class="nw">ECO-08</span>' in data
    assert "Kegiatan-kegiatan" in data and '<span class="nw">Kegiatan' not in data  # ordinary words wrap
    assert "&lt;b&gt;X-1&lt;/b&gt;" in data  # user text stays escaped; "X-1" is too short to be a code
    assert ".nw { white-space: nowrap; }" in data
    assert "GOV-05" in Html(render_html(doc)).all_text
