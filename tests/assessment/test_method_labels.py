"""The method's Indonesian labels (readiness bands, maturity predicates, SWOT quadrants, IE advice) appear in
English on English pages, stay Indonesian on Indonesian pages, and a region's own labels are shown as typed."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from kotacerdas.assessment.templatetags.method_labels import VOCABULARY, method_label
from kotacerdas.method import maturity, readiness, swot


def test_the_vocabulary_holds_every_label_the_method_can_produce():
    produced = {
        *readiness.SCORE_LABELS.values(),
        *(label for _, label in readiness.DEFAULT_BANDS.steps),
        readiness.DEFAULT_BANDS.otherwise,
        *maturity.LEVELS.values(),
        *(label for _, label in maturity.DEFAULT_BANDS.steps),
        maturity.DEFAULT_BANDS.otherwise,
        *swot.QUADRANTS.values(),
        *swot.IE_ADVICE.values(),
    }
    assert produced <= VOCABULARY


def test_the_filter_translates_only_method_labels():
    with translation.override("en"):
        assert method_label("kurang siap") == "barely ready"
        assert method_label("Sangat Baik") == "Very Good"
        assert method_label("I agresif (SO)") == "I aggressive (SO)"
        assert method_label("tumbuh dan bina (grow and build)") == "grow and build"
        assert method_label("siap sekali menurut kami") == "siap sekali menurut kami"  # a region's own label
        assert method_label(None) is None
    with translation.override("id"):
        assert method_label("kurang siap") == "kurang siap"
        assert method_label("Sangat Baik") == "Sangat Baik"


@pytest.fixture
def katingan_admin(db, client):
    from kotacerdas import sample

    sample.load("katingan")
    client.force_login(get_user_model().objects.get(username="admin_bappelitbang"))
    return client


def test_analysis_pages_show_the_labels_in_the_chosen_language(katingan_admin):
    client = katingan_admin
    overview_id = client.get("/d/katingan/analisis/").content.decode()
    maturity_id = client.get("/d/katingan/analisis/kematangan/").content.decode()
    predicates_id = {label for _, label in maturity.DEFAULT_BANDS.steps} | {maturity.DEFAULT_BANDS.otherwise}
    quadrants_id = set(swot.QUADRANTS.values())
    assert any(q in overview_id for q in quadrants_id)
    assert any(f">{p}<" in maturity_id for p in predicates_id)

    client.post("/i18n/setlang/", {"language": "en", "next": "/d/katingan/"})
    overview_en = client.get("/d/katingan/analisis/").content.decode()
    maturity_en = client.get("/d/katingan/analisis/kematangan/").content.decode()
    with translation.override("en"):
        quadrants_en = {translation.gettext(q) for q in quadrants_id}
        predicates_en = {translation.gettext(p) for p in predicates_id}
        bands_en = {translation.gettext(b) for b in readiness.SCORE_LABELS.values()}
    assert any(q in overview_en for q in quadrants_en)
    assert not any(q in overview_en for q in quadrants_id - {"III turnaround (WO)"})
    assert any(b in overview_en for b in bands_en)
    assert not any(
        f">{b}<" in overview_en for b in ("belum siap", "kurang siap", "cukup siap", "sangat siap")
    )
    assert any(f">{p}<" in maturity_en for p in predicates_en)
    assert not any(f">{p}<" in maturity_en for p in predicates_id)
