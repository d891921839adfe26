"""Text typed by people reaches the document unchanged, markup and special characters included."""

from __future__ import annotations

from kotacerdas.actionplan.models import Activity
from kotacerdas.masterplan.builder import build
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.regions.models import LocalWisdom, Mission, RpjmdPeriod

from .conftest import all_text, texts

NASTY = '<b>tebal</b> #set text(red) *bintang* $x^2$ \\back ] {{ templat }} & "kutip"'


def test_markup_passes_through_unchanged(complete):
    RpjmdPeriod.objects.filter(region=complete).update(vision=NASTY)
    Mission.objects.filter(region=complete).update(text="Misi " + NASTY)
    Activity.objects.filter(region=complete).update(name="Portal " + NASTY)
    LocalWisdom.objects.filter(region=complete).update(description=NASTY, custodian="Damang ]")
    DocumentSettings.objects.create(
        region=complete, foreword=NASTY + "\n\nParagraf kedua", foreword_signatory="Bupati #1"
    )
    doc = build(complete)
    found = texts(doc)
    assert NASTY in found  # the vision, the foreword and the catalogue description, as single texts
    assert "Misi 1: Misi " + NASTY in found
    assert "Portal " + NASTY in found  # annex cell
    assert "Damang ]" in found
    assert "Bupati #1" in found and "Paragraf kedua" in found
    assert all_text(doc).count(NASTY) >= 5


def test_every_text_is_a_plain_string(katingan, complete):
    for region in (katingan, complete):
        doc = build(region)
        bad = [repr(t) for t in texts(doc) if type(t) is not str]
        assert not bad, bad[:5]
