"""A region with nothing entered still gives a whole document whose sections say that data is missing."""

from __future__ import annotations

from kotacerdas.masterplan.builder import CHAPTERS, build
from kotacerdas.masterplan.content import Paragraph
from kotacerdas.regions.models import Region


def test_empty_region_builds_with_notes_instead_of_content(db):
    region = Region.objects.create(slug="kosong", name="Kosong", kind="kota", province="Provinsi Uji")
    doc = build(region)
    assert [c.title for c in doc.chapters] == [t for _l, t in CHAPTERS]
    assert doc.title == "Masterplan Smart City Kota Kosong" and doc.subtitle == ""
    assert doc.draft and any("RPJMD" in r for r in doc.draft_reasons)
    assert any("rencana aksi" in r for r in doc.draft_reasons)
    notes = [
        b.text for _l, s in doc.walk() for b in s.blocks if isinstance(b, Paragraph) and b.style == "note"
    ]
    assert any("Belum ada data kesiapan" in n for n in notes)
    assert any("Belum ada data daya saing: tambahkan daerah pembanding dan indikator." == n for n in notes)
    assert any("Belum ada data rencana aksi" in n for n in notes)
    assert any("Kata pengantar bupati/wali kota belum ditulis" in n for n in notes)
    for chapter in doc.chapters:  # no chapter is silently empty
        assert chapter.blocks or chapter.sections, chapter.title
    assert not any(type(b).__name__ == "Figure" for _l, s in doc.walk() for b in s.blocks)
    assert not doc.illustrative
