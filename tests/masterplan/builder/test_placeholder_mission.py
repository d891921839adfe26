"""A placeholder mission is shown as not confirmed; its words are never invented."""

from __future__ import annotations

from kotacerdas.masterplan.builder import build
from kotacerdas.regions.models import Mission

from .conftest import all_text


def test_katingan_mission_four_is_shown_as_not_confirmed(katingan):
    placeholder = Mission.objects.get(region=katingan, period__start_year=2018, number=4)
    assert placeholder.placeholder and not placeholder.text
    text = all_text(build(katingan))
    assert "Misi 4: belum dikonfirmasi" in text
    assert "2018–2023 Misi 4" not in text or "2018–2023 Misi 4 (belum dikonfirmasi)" in text
    for m in Mission.objects.filter(region=katingan, period__start_year=2018, placeholder=False):
        assert f"Misi {m.number}: {m.text}" in text  # confirmed missions word for word
