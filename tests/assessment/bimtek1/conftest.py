"""Fixtures of the bimtek I page tests: the worked example of method.md §3 and a pillar set up to move quadrant."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kotacerdas.framework.models import Pillar


@dataclass
class Example:
    pillar: Pillar
    factors: dict


@pytest.fixture
def worked_example(world, add_factor) -> Example:
    """method.md §3's worked example on Smart Governance, with the weights entered directly.

    S1 w .20 r 4, S2 w .15 r 3, W1 w .25 r 4, W2 w .40 r 2; O1 w .30 r 4, O2 w .20 r 2, T1 w .50 r 3
    → S 1.25, W 1.80, x −0.55; O 1.60, T 1.50, y 0.10 → quadrant III; IFE 2.70, EFE 2.60 → IE cell V.
    """
    rows = [
        ("S1", "S", "0.20", 4),
        ("S2", "S", "0.15", 3),
        ("W1", "W", "0.25", 4),
        ("W2", "W", "0.40", 2),
        ("O1", "O", "0.30", 4),
        ("O2", "O", "0.20", 2),
        ("T1", "T", "0.50", 3),
    ]
    factors = {
        key: add_factor("governance", kind, f"Faktor {key}", (world.diskominfo, 3, rating), weight=weight)
        for key, kind, weight, rating in rows
    }
    return Example(Pillar.objects.get(slug="governance"), factors)


@pytest.fixture
def turnaround(world, add_factor) -> Example:
    """Smart Living in quadrant III: S 1.0, W 2.0 (x −1.0); O 1.5, T 0.5 (y 1.0). Equal importances.

    One more strength rated importance 5, rating 4 moves it to quadrant I: S = 3/11·2 + 5/11·4 ≈ 2.36,
    W = 3/11·4 ≈ 1.09, x ≈ 1.27; y stays 1.0.
    """
    factors = {
        "S1": add_factor("living", "S", "Puskesmas di setiap kecamatan", (world.dinkes, 3, 2)),
        "W1": add_factor("living", "W", "46 desa tanpa sinyal seluler", (world.dinkes, 3, 4)),
        "O1": add_factor("living", "O", "Program menara BAKTI nasional", (world.dinkes, 3, 3)),
        "T1": add_factor("living", "T", "Banjir musiman di Sungai Katingan", (world.dinkes, 3, 1)),
    }
    return Example(Pillar.objects.get(slug="living"), factors)
