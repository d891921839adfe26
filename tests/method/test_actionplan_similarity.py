"""Integration candidates (method.md §7): alike names across agencies, and shared components.

The threshold (85) is checked on realistic Katingan-style names: pairs that are the same work by another name
must be found; pairs that only share a generic word must not.
"""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import (
    SIMILARITY_THRESHOLD,
    ActivityInfo,
    normalise_name,
    shared_component_groups,
    similar_pairs,
    similarity,
)

ALIKE = [
    ("Pengembangan aplikasi layanan kesehatan daring", "Pengembangan aplikasi pelayanan kesehatan online"),
    ("Pembangunan menara BTS di desa blank spot", "Pembangunan menara telekomunikasi desa blank spot"),
    ("Pengembangan portal Satu Data", "Pembangunan portal satu data Kabupaten Katingan"),
    ("Pelatihan literasi digital", "Pelatihan literasi digital bagi UMKM"),
    ("Perluasan jaringan serat optik", "Pembangunan jaringan fiber optik antar kecamatan"),
    ("Penyediaan WiFi publik di taman kota", "Penyediaan Wi-Fi publik taman kota Kasongan"),
]
APART = [
    ("Pelatihan literasi digital", "Pembangunan menara BTS"),
    ("Pengembangan aplikasi layanan kesehatan", "Pengembangan aplikasi layanan perizinan"),
    ("Pengembangan sistem informasi kepegawaian", "Pengembangan sistem informasi keuangan desa"),
    ("Marketplace rotan Katingan", "Pelatihan pengrajin rotan"),
    ("Pengembangan aplikasi", "Pengembangan aplikasi e-commerce rotan"),  # one shared word only
]


def test_normalisation() -> None:
    assert (
        normalise_name("Pengembangan Aplikasi Pelayanan Kesehatan (Daring)")
        == "aplikasi layanan kesehatan online"
    )
    assert normalise_name("Pembangunan jaringan fiber optik") == "jaringan serat optik"
    assert normalise_name("Peningkatan layanan dalam jaringan bagi UKM") == "layanan online umkm"
    assert normalise_name("Pengembangan") == ""


@pytest.mark.parametrize(("a", "b"), ALIKE)
def test_alike_pairs_reach_the_threshold(a: str, b: str) -> None:
    assert similarity(a, b) >= SIMILARITY_THRESHOLD


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_work_stays_below_the_threshold(a: str, b: str) -> None:
    assert similarity(a, b) < SIMILARITY_THRESHOLD


def test_the_brief_example_scores_100_after_normalisation() -> None:
    assert similarity(*ALIKE[0]) == 100.0
    assert similarity("Pelatihan literasi digital", "Pembangunan menara BTS") == 0.0


def test_pairs_only_across_agencies_most_alike_first() -> None:
    items = [
        ActivityInfo("DKS-01", name="Pengembangan aplikasi layanan kesehatan daring", agency="Dinkes"),
        ActivityInfo("KOM-01", name="Pengembangan aplikasi pelayanan kesehatan online", agency="Diskominfo"),
        ActivityInfo("KOM-02", name="Pembangunan menara BTS di desa blank spot", agency="Diskominfo"),
        ActivityInfo("DKS-02", name="Pembangunan menara telekomunikasi desa blank spot", agency="Dinkes"),
        ActivityInfo("KOM-03", name="Pembangunan menara telekomunikasi desa blank spot", agency="Diskominfo"),
        ActivityInfo("DIS-01", name="Pelatihan literasi digital", agency="Disdik"),
    ]
    pairs = similar_pairs(items)
    assert [(p.first, p.second) for p in pairs] == [
        ("DKS-01", "KOM-01"),  # 100
        ("DKS-02", "KOM-03"),  # 100 (identical names)
        ("KOM-02", "DKS-02"),  # 92: BTS vs telekomunikasi
    ]
    assert [round(p.score) for p in pairs] == [100, 100, 92]
    # KOM-02 and KOM-03 are alike too, but of the same agency: not a merge candidate across agencies


def test_threshold_bounds() -> None:
    with pytest.raises(MethodError, match="threshold"):
        similar_pairs([], threshold=120)
    assert similar_pairs(
        [ActivityInfo("A", name="x y", agency="P"), ActivityInfo("B", name="z w", agency="Q")], 0
    )


def test_shared_components_across_agencies() -> None:
    items = [
        ActivityInfo("A", agency="Diskominfo", components=("Pusat data", "Jaringan serat optik")),
        ActivityInfo("B", agency="Dinkes", components=("Pusat data",)),
        ActivityInfo("C", agency="Diskominfo", components=("Jaringan serat optik",)),
        ActivityInfo("D", agency="Disdik", components=("Portal satu data", "Pusat data")),
    ]
    groups = shared_component_groups(items)
    assert [(g.component, g.activities, g.agencies) for g in groups] == [
        ("Pusat data", ("A", "B", "D"), ("Diskominfo", "Dinkes", "Disdik")),
    ]  # the fibre network is used by one agency only; the portal by one activity
