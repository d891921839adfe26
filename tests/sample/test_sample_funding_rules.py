"""The samples already pass the certain funding rules of issue 12 (contracts: KPBU finances only public
infrastructure, so never a ``governance`` activity, Perpres 38/2015; Dana Desa is spent by villages, so the activity
must name where)."""

from __future__ import annotations

import pytest

from kotacerdas import sample


@pytest.mark.parametrize("name", ["katingan", "tanjung-harapan"])
def test_no_kpbu_governance_activity_and_every_dana_desa_activity_has_a_location(name):
    for i, activity in enumerate(sample.document(name).get("activities", [])):
        if activity["funding_source"] == "kpbu":
            assert activity["infrastructure"] != "governance", f"activities[{i}] {activity['ref']}"
        if activity["funding_source"] == "dana_desa":
            assert activity.get("locations"), f"activities[{i}] {activity['ref']}"


def test_katingan_uses_both_rule_bound_sources_so_the_rules_are_exercised():
    sources = {a["funding_source"] for a in sample.document("katingan")["activities"]}
    assert {"kpbu", "dana_desa"} <= sources
