"""The framework kominfo-2021 is installed by migration with exactly the slugs of method.md §1–§2."""

import pytest

from kotacerdas.framework.models import Element, Framework, Pillar, ReadinessAspect, ReadinessElement

# Copied by hand from method.md §1 and §2 (the public slugs).
PILLARS = {
    "governance": ["service", "bureaucracy", "policy"],
    "branding": ["tourism", "business", "appearance"],
    "economy": ["industry", "welfare", "transaction"],
    "living": ["harmony", "health", "mobility"],
    "society": ["community", "learning", "security"],
    "environment": ["protection", "waste", "energy"],
}
READINESS = {
    "struktur": ["sdm", "anggaran", "tata_kelola"],
    "infrastruktur": ["fisik", "digital", "sosial"],
    "suprastruktur": ["regulasi", "kelembagaan", "tata_laksana"],
}


@pytest.mark.django_db
def test_six_pillars_and_eighteen_elements_in_order():
    fw = Framework.objects.get(slug="kominfo-2021")
    pillars = list(Pillar.objects.filter(framework=fw).order_by("order"))
    assert [p.slug for p in pillars] == list(PILLARS)
    for pillar in pillars:
        assert [e.slug for e in pillar.elements.order_by("order")] == PILLARS[pillar.slug]
    assert Element.objects.filter(pillar__framework=fw).count() == 18


@pytest.mark.django_db
def test_three_readiness_elements_with_nine_aspects():
    fw = Framework.objects.get(slug="kominfo-2021")
    elements = list(ReadinessElement.objects.filter(framework=fw).order_by("order"))
    assert [e.slug for e in elements] == list(READINESS)
    for element in elements:
        assert [a.slug for a in element.aspects.order_by("order")] == READINESS[element.slug]
    assert ReadinessAspect.objects.filter(element__framework=fw).count() == 9


@pytest.mark.django_db
def test_indonesian_names_of_elements():
    assert Element.objects.get(pillar__slug="living", slug="health").name == "Sarana dan prasarana kesehatan"
    assert (
        Element.objects.get(pillar__slug="environment", slug="waste").name == "Tata kelola sampah dan limbah"
    )


@pytest.mark.django_db
def test_new_region_uses_the_default_framework():
    from kotacerdas.regions.models import Region

    region = Region.objects.create(slug="x", name="X", province="P")
    assert region.framework.slug == "kominfo-2021"
