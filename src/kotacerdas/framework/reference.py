"""The smart-city framework as reference data (method.md §1–§2), versioned.

This module is the single source of the slugs, names and order of the pillars, elements, readiness elements and
readiness aspects. A data migration installs it; later versions of the framework are added here under a new key and
installed by a new migration, never by editing an installed version.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_FRAMEWORK = "kominfo-2021"


@dataclass(frozen=True)
class Item:
    slug: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Group:
    slug: str
    name: str
    name_en: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Version:
    slug: str
    name: str
    year: int
    source: str
    pillars: tuple[Group, ...]
    readiness: tuple[Group, ...]


KOMINFO_2021 = Version(
    slug="kominfo-2021",
    name="Gerakan Menuju Smart City (Kominfo, 2021)",
    year=2021,
    source="Panduan Penyusunan Masterplan Smart City, Gerakan Menuju 100 Smart City, Kemkominfo; method.md §1–§2",
    pillars=(
        Group(
            "governance",
            "Smart Governance",
            "Smart Governance",
            (
                Item("service", "Pelayanan publik", "Service"),
                Item("bureaucracy", "Tata kelola birokrasi", "Bureaucracy"),
                Item("policy", "Kebijakan publik", "Policy"),
            ),
        ),
        Group(
            "branding",
            "Smart Branding",
            "Smart Branding",
            (
                Item("tourism", "Ekosistem pariwisata", "Tourism branding"),
                Item("business", "Ekosistem bisnis daerah", "Business branding"),
                Item("appearance", "Penataan wajah kota", "City appearance"),
            ),
        ),
        Group(
            "economy",
            "Smart Economy",
            "Smart Economy",
            (
                Item("industry", "Ekosistem industri", "Industry"),
                Item("welfare", "Kesejahteraan rakyat", "Welfare"),
                Item("transaction", "Ekosistem transaksi keuangan", "Transaction"),
            ),
        ),
        Group(
            "living",
            "Smart Living",
            "Smart Living",
            (
                Item("harmony", "Harmonisasi tata ruang", "Harmony"),
                Item("health", "Sarana dan prasarana kesehatan", "Health"),
                Item("mobility", "Sarana transportasi", "Mobility"),
            ),
        ),
        Group(
            "society",
            "Smart Society",
            "Smart Society",
            (
                Item("community", "Interaksi masyarakat", "Community"),
                Item("learning", "Ekosistem belajar", "Learning"),
                Item("security", "Keamanan masyarakat", "Security"),
            ),
        ),
        Group(
            "environment",
            "Smart Environment",
            "Smart Environment",
            (
                Item("protection", "Proteksi lingkungan", "Protection"),
                Item("waste", "Tata kelola sampah dan limbah", "Waste"),
                Item("energy", "Tata kelola energi", "Energy"),
            ),
        ),
    ),
    readiness=(
        Group(
            "struktur",
            "Struktur",
            "Structure",
            (
                Item("sdm", "Sumber daya manusia", "People"),
                Item("anggaran", "Anggaran", "Budget"),
                Item("tata_kelola", "Tata kelola", "Governance capacity"),
            ),
        ),
        Group(
            "infrastruktur",
            "Infrastruktur",
            "Infrastructure",
            (
                Item("fisik", "Infrastruktur fisik", "Physical"),
                Item("digital", "Infrastruktur digital (TIK)", "Digital (ICT)"),
                Item("sosial", "Infrastruktur sosial", "Social infrastructure"),
            ),
        ),
        Group(
            "suprastruktur",
            "Suprastruktur",
            "Superstructure",
            (
                Item("regulasi", "Regulasi", "Regulation"),
                Item("kelembagaan", "Kelembagaan", "Institutions"),
                Item("tata_laksana", "Tata laksana", "Procedures"),
            ),
        ),
    ),
)

VERSIONS: dict[str, Version] = {KOMINFO_2021.slug: KOMINFO_2021}
PILLAR_SLUGS: tuple[str, ...] = tuple(p.slug for p in KOMINFO_2021.pillars)
