"""Bad portfolio input and infeasible mandatory sets raise MethodError naming what to fix."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method import portfolio as pf

C = pf.Candidate
M = 1_000_000


def test_infeasible_mandatory_set_names_year_and_source() -> None:
    cands = [
        C("qw1", 0.3, [60 * M], "APBD", 2026, 2026, mandatory=True),
        C("qw2", 0.3, [70 * M], "APBD", 2026, 2026, mandatory=True),
        C("other", 0.9, [10 * M], "DAK", 2026, 2026),
    ]
    ceilings = {(2026, "APBD"): 100 * M, (2026, "DAK"): 100 * M}
    with pytest.raises(MethodError) as info:
        pf.plan(cands, ceilings, lang="en")
    message = str(info.value)
    assert "in 2026, source APBD" in message
    assert "need at least Rp 130.000.000 but the ceiling is Rp 100.000.000" in message
    assert "short by Rp 30.000.000" in message
    assert "qw1" in message and "qw2" in message


def test_mandatory_alone_above_its_ceiling_names_year_and_source() -> None:
    cands = [C("qw", 0.3, [10 * M, 200 * M], "Dana Desa", 2025, 2025, mandatory=True)]
    ceilings = {(2025, "Dana Desa"): 100 * M, (2026, "Dana Desa"): 100 * M}
    with pytest.raises(MethodError, match=r"in 2026, source Dana Desa.*short by Rp 100.000.000"):
        pf.plan(cands, ceilings, lang="en")


def test_mandatory_whose_dependency_ends_too_late() -> None:
    cands = [
        C("a", 0.5, [M, M, M], "APBD", 2025, 2025),
        C("qw", 0.5, [M], "APBD", 2025, 2026, depends_on=("a",), mandatory=True),
    ]
    with pytest.raises(
        MethodError,
        match="mandatory activity qw can never be scheduled: it depends on a, which "
        "ends in 2027 at the earliest; the latest allowed start is 2026",
    ):
        pf.plan(cands, {(y, "APBD"): 10 * M for y in range(2025, 2030)}, lang="en")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: C("a", -0.1, [M], "APBD", 2025, 2025), "priority of activity a must be at least 0"),
        (lambda: C("a", 0.5, [], "APBD", 2025, 2025), "at least one year"),
        (lambda: C("a", 0.5, [-M], "APBD", 2025, 2025), "cost of activity a in year 1"),
        (lambda: C("a", 0.5, [M], "", 2025, 2025), "needs a funding source"),
        (lambda: C("a", 0.5, [M], "APBD", 2026, 2025), "latest start year 2025 is before the earliest 2026"),
        (lambda: C("a", 0.5, [M], "APBD", 2025.0, 2025), "whole number"),
        (lambda: C("a", 0.5, [M], "APBD", 2025, 2025, depends_on=("a",)), "cannot depend on itself"),
        (lambda: pf.plan([C("a", 0.5, [M], "APBD", 2025, 2025)] * 2, {}, lang="en"), "share the id a"),
        (
            lambda: pf.plan([C("a", 0.5, [M], "APBD", 2025, 2025, ("z",))], {}, lang="en"),
            "depends on z, which is not among",
        ),
        (
            lambda: pf.plan([], {(2025, "APBD"): -1.0}, lang="en"),
            "ceiling for APBD in 2025 must be at least 0",
        ),
        (lambda: pf.plan([], {2025: 1.0}, lang="en"), r"keyed by \(year, source\)"),
        (lambda: pf.plan([], {}, gap=-0.1, lang="en"), "gap"),
        (lambda: pf.plan([], {}, time_limit=0, lang="en"), "time limit"),
    ],
)
def test_bad_input(make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(MethodError, match=message):
        make()


def test_dependency_cycle_is_named() -> None:
    cands = [
        C("a", 0.5, [M], "APBD", 2025, 2030, depends_on=("c",)),
        C("b", 0.5, [M], "APBD", 2025, 2030, depends_on=("a",)),
        C("c", 0.5, [M], "APBD", 2025, 2030, depends_on=("b",)),
    ]
    with pytest.raises(
        MethodError, match="cycle.*a -> c -> b -> a|cycle.*c -> b -> a -> c|cycle.*b -> a -> c -> b"
    ):
        pf.plan(cands, {}, lang="en")
