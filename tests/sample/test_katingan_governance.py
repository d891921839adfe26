"""The Katingan sample's smart-city bodies: a legal basis for each body that never invents a decree number, members
from every pentahelix sector, and a chair per term, so that a plan for the RPJMD 2025–2029 is not chaired by the
regent of 2018–2023 (katingan.md §2: Sakariyas' term ended 24 Sep 2023; Saiful was sworn in as regent in Feb 2025)."""

from __future__ import annotations

import pytest

from kotacerdas.regions.models import GovernanceBasis, GovernanceMember

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = "(contoh ilustratif)"


def test_every_body_has_a_legal_basis_and_none_is_invented(loaded_katingan):
    bases = list(GovernanceBasis.objects.filter(region=loaded_katingan.region))
    assert {b.body for b in bases} == {"dewan", "tim_pelaksana"}
    for basis in bases:
        # katingan.md names no decree for either body: each is an explicit placeholder
        assert basis.placeholder and basis.number == "" and basis.date is None, basis
        assert "belum ditemukan di sumber terbuka" in basis.source
        assert basis.illustrative and ILLUSTRATIVE in basis.source


def test_the_dewan_has_a_chair_per_term_and_the_current_one_is_the_regent_of_2025(loaded_katingan):
    region = loaded_katingan.region
    chairs = {m.name: m for m in GovernanceMember.objects.filter(region=region, body="dewan", role="ketua")}
    assert (chairs["Saiful"].start_year, chairs["Saiful"].end_year) == (2025, 2029)
    assert (chairs["Sakariyas, S.E."].start_year, chairs["Sakariyas, S.E."].end_year) == (2022, 2023)
    current = region.rpjmd_periods.order_by("-start_year").first()
    assert (current.start_year, current.regent) == (2025, "Saiful")
    in_office = [m for m in chairs.values() if m.start_year <= current.start_year <= m.end_year]
    assert [m.name for m in in_office] == [current.regent]
    # no two chairs of one body overlap
    terms = sorted((m.start_year, m.end_year) for m in chairs.values())
    assert all(a[1] < b[0] for a, b in zip(terms, terms[1:], strict=False))


def test_the_tim_pelaksana_of_the_current_term_is_chaired_by_the_sekda_of_2025(loaded_katingan):
    chairs = GovernanceMember.objects.filter(
        region=loaded_katingan.region, body="tim_pelaksana", role="ketua"
    )
    latest = max(chairs, key=lambda m: m.start_year or 0)
    assert (latest.name, latest.start_year) == ("Deddy Ferras", 2025)  # katingan.md §2: Pj Sekda in 2025


def test_members_come_from_every_pentahelix_sector_and_are_marked(loaded_katingan):
    members = list(GovernanceMember.objects.filter(region=loaded_katingan.region))
    assert {m.sector for m in members} == {c for c, _ in GovernanceMember.Sector.choices}
    for member in members:
        assert member.sector, member.name
        assert member.illustrative and ILLUSTRATIVE in member.position, member.name
