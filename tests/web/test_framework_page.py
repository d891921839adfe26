"""The framework's six pillars and eighteen elements, read-only."""

from __future__ import annotations


def test_it_lists_six_pillars_and_eighteen_elements(login, world):
    from kotacerdas.framework.models import Element, Pillar

    page = login(world.user("viewer")).get("/d/katingan/kerangka/").content.decode()
    pillars = Pillar.objects.filter(framework=world.katingan.framework)
    elements = Element.objects.filter(pillar__framework=world.katingan.framework)
    assert pillars.count() == 6 and elements.count() == 18
    assert "6 pilar" in page
    for item in [*pillars, *elements]:
        assert item.name in page and f'<code class="muted">{item.slug}</code>' in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]  # nothing to edit
