"""Per district (kawasan): activities by infrastructure kind, and districts that receive nothing."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import ActivityInfo, district_report

DISTRICTS = ("Katingan Hilir", "Tasik Payawan", "Bukit Raya")


def test_report_per_district() -> None:
    report = district_report(
        [
            ActivityInfo("BTS-01", infrastructure="physical", locations=("Bukit Raya", "Tasik Payawan")),
            ActivityInfo("ROT-01", infrastructure="economic", locations=("Tasik Payawan",)),
            ActivityInfo("PUS-01", infrastructure="social", locations=("Tasik Payawan", "Tasik Payawan")),
            ActivityInfo("ONE-01", infrastructure="governance", locations=()),
        ],
        DISTRICTS,
    )
    rows = {r.district: r for r in report.rows}
    assert [r.district for r in report.rows] == list(DISTRICTS)
    assert rows["Tasik Payawan"].by_kind == {
        "physical": ("BTS-01",),
        "economic": ("ROT-01",),
        "social": ("PUS-01",),  # named twice, counted once
        "governance": (),
    }
    assert rows["Tasik Payawan"].total == 3
    assert rows["Tasik Payawan"].missing_kinds == ("governance",)
    assert rows["Bukit Raya"].total == 1
    assert report.without_activities == ("Katingan Hilir",)
    assert report.without_location == ("ONE-01",)


def test_bad_keys() -> None:
    with pytest.raises(MethodError, match="unknown district 'Mars'"):
        district_report([ActivityInfo("A", infrastructure="social", locations=("Mars",))], DISTRICTS)
    with pytest.raises(MethodError, match="unknown infrastructure kind 'digital'"):
        district_report([ActivityInfo("A", infrastructure="digital")], DISTRICTS)
