"""Deferred reasons and MethodError messages of ``portfolio.plan`` in Indonesian (the default) and English
(``lang="en"``); funding sources by code, or by label through ``source_labels``. Expected texts are written
out by hand."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method import portfolio as pf

C = pf.Candidate
M = 1_000_000
LABELS = {"apbd": "APBD", "dana_desa": "Dana Desa"}


def test_indonesian_is_the_default() -> None:
    # knapsack: A + B fill the 100 M ceiling, C (100 M) is left out
    cands = [
        C("A", 0.5, [60 * M], "apbd", 2025, 2025),
        C("B", 0.4, [40 * M], "apbd", 2025, 2025),
        C("C", 0.8, [100 * M], "apbd", 2025, 2025),
    ]
    ceilings = {(2025, "apbd"): 100 * M}
    plan = pf.plan(cands, ceilings, gap=0.0)
    assert plan.deferred == {
        "C": "pagu apbd 2025 tidak cukup: butuh Rp 100.000.000, tersisa Rp 0 dari Rp 100.000.000 "
        "(jika dimulai 2025)"
    }
    english = pf.plan(cands, ceilings, gap=0.0, lang="en")
    assert english.deferred == {
        "C": "ceiling apbd 2025 is used up: it needs Rp 100.000.000 there, only Rp 0 of Rp 100.000.000 is "
        "left (starting in 2025)"
    }
    assert plan.chosen == english.chosen == {"A": 2025, "B": 2025}


def test_ceiling_used_up_at_every_start_with_source_labels() -> None:
    # four mandatory activities take 80 M of the 100 M APBD ceiling in each year 2024-2027;
    # X (50 M) may start in any of those years and fits none of them
    cands = [C(f"M{y}", 0.1, [80 * M], "apbd", y, y, mandatory=True) for y in range(2024, 2028)]
    cands.append(C("X", 0.9, [50 * M], "apbd", 2024, 2027))
    ceilings = {(y, "apbd"): 100 * M for y in range(2024, 2028)}
    plan = pf.plan(cands, ceilings, source_labels=LABELS)
    assert plan.deferred["X"] == (
        "pagu APBD 2024 tidak cukup: butuh Rp 50.000.000, tersisa Rp 20.000.000 dari Rp 100.000.000 "
        "(untuk setiap tahun mulai 2024–2027)"
    )
    english = pf.plan(cands, ceilings, lang="en", source_labels=LABELS)
    assert english.deferred["X"] == (
        "ceiling APBD 2024 is used up: it needs Rp 50.000.000 there, only Rp 20.000.000 of Rp 100.000.000 is "
        "left (at every start from 2024 to 2027)"
    )
    # without labels the code stays
    assert pf.plan(cands, ceilings).deferred["X"].startswith("pagu apbd 2024 tidak cukup")


def test_too_expensive_alone_and_its_dependent() -> None:
    cands = [
        C("fiber", 0.2, [500 * M], "apbd", 2025, 2025),
        C("cctv", 0.9, [50 * M], "apbd", 2026, 2026, depends_on=("fiber",)),
        C("desa", 0.5, [10 * M], "dana_desa", 2025, 2026),
    ]
    ceilings = {(2025, "apbd"): 100 * M, (2026, "apbd"): 100 * M}
    plan = pf.plan(cands, ceilings, source_labels=LABELS)
    alone = "kegiatan ini saja sudah membutuhkan Rp 500.000.000 dari APBD pada 2025, melebihi pagu tahun itu "
    assert plan.deferred["fiber"] == alone + "Rp 100.000.000 (jika dimulai 2025)"
    assert plan.deferred["cctv"] == (
        "bergantung pada fiber, yang tidak dapat dijadwalkan ("
        + alone
        + "Rp 100.000.000 (jika dimulai 2025))"
    )
    assert plan.deferred["desa"] == (
        "kegiatan ini saja sudah membutuhkan Rp 10.000.000 dari Dana Desa pada 2025, melebihi pagu tahun itu "
        "Rp 0 (pada setiap tahun mulai yang diizinkan, mis. 2025)"
    )
    english = pf.plan(cands, ceilings, lang="en")
    assert english.deferred["desa"] == (
        "it alone needs Rp 10.000.000 from dana_desa in 2025, more than that year's ceiling Rp 0 "
        "(at every allowed start (e.g. 2025))"
    )


def test_dependency_reasons() -> None:
    cands = [
        # a runs 2025-2027, so b (latest start 2026) can never follow it
        C("a", 0.5, [1 * M, 1 * M, 1 * M], "apbd", 2025, 2025),
        C("b", 0.5, [1 * M], "apbd", 2025, 2026, depends_on=("a",)),
        # Z fills 2025, so P starts in 2026 and Q (fixed in 2026) cannot follow it
        C("Z", 0.9, [100 * M], "dana_desa", 2025, 2025),
        C("P", 0.5, [10 * M], "dana_desa", 2025, 2026),
        C("Q", 0.1, [10 * M], "dana_desa", 2026, 2026, depends_on=("P",)),
        # K beats L for the 2025 CSR ceiling, so L is deferred and so is R, which depends on it
        C("K", 0.9, [100 * M], "csr", 2025, 2025),
        C("L", 0.1, [100 * M], "csr", 2025, 2025),
        C("R", 0.1, [10 * M], "csr", 2026, 2026, depends_on=("L",)),
    ]
    ceilings = {(y, s): 100 * M for y in range(2025, 2030) for s in ("apbd", "dana_desa", "csr")}
    plan = pf.plan(cands, ceilings, gap=0.0)
    assert plan.chosen == {"a": 2025, "Z": 2025, "P": 2026, "K": 2025}
    assert plan.deferred["b"] == (
        "bergantung pada a, yang paling cepat selesai pada 2027, padahal tahun mulai paling lambatnya 2026"
    )
    assert (
        plan.deferred["Q"]
        == "bergantung pada P, yang dijadwalkan 2026, padahal tahun mulai paling lambatnya 2026"
    )
    assert plan.deferred["R"] == "bergantung pada L, yang ditunda"
    english = pf.plan(cands, ceilings, gap=0.0, lang="en")
    assert english.deferred["b"] == (
        "depends on a, which ends in 2027 at the earliest; the latest allowed start is 2026"
    )
    assert (
        english.deferred["Q"]
        == "depends on P, which is scheduled 2026-2026; the latest allowed start is 2026"
    )
    assert english.deferred["R"] == "depends on L, which is deferred"


def test_unfundable_mandatory_set_in_indonesian() -> None:
    cands = [
        C("qw1", 0.3, [60 * M], "apbd", 2026, 2026, mandatory=True),
        C("qw2", 0.3, [70 * M], "apbd", 2026, 2026, mandatory=True),
    ]
    with pytest.raises(MethodError) as info:
        pf.plan(cands, {(2026, "apbd"): 100 * M}, source_labels=LABELS)
    assert str(info.value) == (
        "kegiatan wajib tidak dapat didanai seluruhnya: pada 2026, sumber dana APBD, dibutuhkan paling "
        "sedikit Rp 130.000.000, sedangkan pagunya Rp 100.000.000 (kurang Rp 30.000.000); belanja kegiatan "
        "wajib di sana: qw1, qw2. Naikkan pagu itu, geser tahun mulai, atau jadikan salah satu kegiatan "
        "tidak wajib."
    )


def test_mandatory_that_can_never_start_in_indonesian() -> None:
    cands = [
        C("a", 0.5, [M, M, M], "apbd", 2025, 2025),
        C("qw", 0.5, [M], "apbd", 2025, 2026, depends_on=("a",), mandatory=True),
    ]
    with pytest.raises(MethodError) as info:
        pf.plan(cands, {(y, "apbd"): 10 * M for y in range(2025, 2030)})
    assert str(info.value) == (
        "kegiatan wajib qw tidak dapat dijadwalkan: kegiatan ini bergantung pada a, yang paling cepat "
        "selesai pada 2027, padahal tahun mulai paling lambatnya 2026"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: pf.plan([C("a", 0.5, [M], "apbd", 2025, 2025)] * 2, {}),
            "dua calon memakai id yang sama: a",
        ),
        (
            lambda: pf.plan([C("a", 0.5, [M], "apbd", 2025, 2025, ("z",))], {}),
            "kegiatan a bergantung pada z, yang tidak termasuk dalam daftar calon",
        ),
        (lambda: pf.plan([], {(2025, "apbd"): -1.0}), "pagu apbd 2025 harus paling sedikit 0, bukan -1"),
        (
            lambda: pf.plan([], {(2025, "apbd"): -1.0}, source_labels=LABELS),
            "pagu APBD 2025 harus paling sedikit 0, bukan -1",
        ),
        (
            lambda: pf.plan([], {(2025.0, "apbd"): 1.0}),
            r"tahun pagu \(2025.0, 'apbd'\) harus berupa bilangan bulat, bukan 2025.0",
        ),
        (
            lambda: pf.plan([], {(2025, ""): 1.0}),
            r"sumber dana pagu \(2025, ''\) harus berupa teks yang tidak kosong",
        ),
        (lambda: pf.plan([], {2025: 1.0}), r"pagu harus diberi kunci \(tahun, sumber dana\), bukan 2025"),
        (lambda: pf.plan([], {}, gap=-0.1), "gap optimalitas harus paling sedikit 0, bukan -0,1"),
        (lambda: pf.plan([], {}, gap=1.5), "gap optimalitas harus paling banyak 1, bukan 1,5"),
        (lambda: pf.plan([], {}, time_limit=0), "batas waktu harus lebih dari 0 detik"),
        (lambda: pf.plan([], {}, time_limit="5"), r"batas waktu \(detik\) harus berupa angka, bukan '5'"),
        (lambda: pf.plan([], {}, lang="fr"), "unknown language 'fr'; use 'id' or 'en'"),
    ],
)
def test_bad_input_in_indonesian(make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(MethodError, match=message):
        make()


def test_dependency_cycle_in_indonesian() -> None:
    cands = [
        C("a", 0.5, [M], "apbd", 2025, 2030, depends_on=("b",)),
        C("b", 0.5, [M], "apbd", 2025, 2030, depends_on=("a",)),
    ]
    with pytest.raises(MethodError) as info:
        pf.plan(cands, {})
    cycle = "ketergantungan membentuk lingkaran, sehingga tidak satu pun dari kegiatan ini dapat dimulai: "
    assert str(info.value) in {cycle + "a -> b -> a", cycle + "b -> a -> b"}


def test_greedy_speaks_the_same_languages() -> None:
    cands = [C("A", 0.5, [60 * M], "apbd", 2025, 2025), C("B", 0.4, [60 * M], "apbd", 2025, 2025)]
    ceilings = {(2025, "apbd"): 100 * M}
    assert pf.greedy(cands, ceilings).deferred["B"] == (
        "pagu apbd 2025 tidak cukup: butuh Rp 60.000.000, tersisa Rp 40.000.000 dari Rp 100.000.000 "
        "(jika dimulai 2025)"
    )
    assert pf.greedy(cands, ceilings, lang="en").deferred["B"] == (
        "ceiling apbd 2025 is used up: it needs Rp 60.000.000 there, only Rp 40.000.000 of Rp 100.000.000 is "
        "left (starting in 2025)"
    )


def test_the_positional_contract_is_unchanged() -> None:
    cands = [C("A", 0.5, [60 * M], "apbd", 2025, 2025), C("B", 0.4, [60 * M], "apbd", 2025, 2025)]
    ceilings = {(2025, "apbd"): 100 * M}
    plan = pf.plan(cands, ceilings, 0.0, 5.0)
    assert plan.chosen == {"A": 2025} and plan.optimal
    with pytest.raises(TypeError):
        pf.plan(cands, ceilings, 0.0, 5.0, "en")  # lang is keyword-only
