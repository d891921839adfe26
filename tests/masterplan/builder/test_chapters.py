"""Every chapter of the master plan is there, in order, with its exact label and title."""

from __future__ import annotations

from kotacerdas.masterplan.builder import CHAPTERS, build


def test_katingan_has_every_chapter_with_its_exact_title(katingan):
    doc = build(katingan)
    assert doc.draft  # the sample's placeholder mission blocks it, so the "what blocks" annex is there
    assert [(c.label, c.title) for c in doc.chapters] == list(CHAPTERS)
    assert doc.title == "Masterplan Smart City Kabupaten Katingan"
    assert doc.publisher == "Pemerintah Kabupaten Katingan"
    assert doc.subtitle == "2023–2032"  # the plan's start and horizon years (PlanSettings)


def test_without_blockers_the_sources_annex_becomes_lampiran_b(complete):
    doc = build(complete)
    assert not doc.draft, doc.draft_reasons
    expected = [(label, title) for label, title in CHAPTERS if label not in ("Lampiran B", "Lampiran C")]
    assert [(c.label, c.title) for c in doc.chapters] == [*expected, ("Lampiran B", "Sumber Data")]


def test_years_fall_back_to_the_rpjmd_period(complete):
    from kotacerdas.assessment.models import PlanSettings

    PlanSettings.objects.filter(region=complete).update(start_year=None, horizon_year=None)
    assert build(complete).subtitle == "2025–2029"


def test_chapters_start_on_a_new_page_and_the_foreword_is_unnumbered(katingan):
    doc = build(katingan)
    assert all(c.new_page for c in doc.chapters)
    assert doc.chapters[0].label == "" and doc.chapters[0].title == "Kata Pengantar"
