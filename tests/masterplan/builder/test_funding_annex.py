"""Lampiran B lists the funding and national-application warnings, one line per activity and warning, without
making the document a draft; read back from the DOCX and the HTML."""

from __future__ import annotations

from kotacerdas.actionplan.models import Activity
from kotacerdas.masterplan.builder import build
from kotacerdas.masterplan.render_docx import render_docx
from kotacerdas.masterplan.render_html import render_html
from kotacerdas.regions.models import District
from tests.masterplan.render.readback import Html, docx_open, flat

from .conftest import chapter

SUBTITLE = "Catatan Sumber Dana dan Aplikasi Nasional"


def test_a_warning_is_listed_in_lampiran_b_and_the_plan_stays_final(complete):
    activity = Activity.objects.get(region=complete)
    Activity.objects.filter(pk=activity.pk).update(funding_source="dana_desa", national_app_reason="")
    activity.locations.set(District.objects.filter(region=complete))
    doc = build(complete)
    assert not doc.draft, doc.draft_reasons  # warnings do not block
    annex = chapter(doc, "Hal yang Belum Selesai")
    assert annex.label == "Lampiran B"
    assert [c.label for c in doc.chapters][-1] == "Lampiran C"  # the sources annex keeps its letter
    notes = next(s for s in annex.sections if s.title == SUBTITLE)
    lines = list(notes.blocks[-1].items)
    assert len(lines) == 2  # one per warning of GOV-01: Dana Desa advisory, and the national portal
    assert lines[0].startswith("GOV-01 Portal satu data: Dana Desa diputuskan desa dalam Musyawarah Desa")
    assert lines[1].startswith("GOV-01 Portal satu data: Kegiatan ini tampak membangun yang sudah disediakan")
    assert "Portal Satu Data Indonesia" in lines[1]

    d = docx_open(render_docx(doc))
    paragraphs = [flat(p.text) for p in d.paragraphs]
    assert any(p.startswith("Lampiran B") and "Hal yang Belum Selesai" in p for p in paragraphs)
    assert any(SUBTITLE in p for p in paragraphs)
    assert flat(lines[0]) in paragraphs and flat(lines[1]) in paragraphs

    page = Html(render_html(doc))
    text = flat(page.all_text)
    assert SUBTITLE in text and flat(lines[0]) in text and flat(lines[1]) in text


def test_a_cancelled_activity_is_not_listed(complete):
    activity = Activity.objects.get(region=complete)
    Activity.objects.filter(pk=activity.pk).update(funding_source="csr", status=Activity.Status.BATAL)
    doc = build(complete)
    assert "Hal yang Belum Selesai" not in [c.title for c in doc.chapters]
