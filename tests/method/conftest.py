"""Shared fixtures of the method tests (pure Python: no Django needed)."""

from __future__ import annotations

import pytest

from kotacerdas.method import swot


@pytest.fixture
def worked_example() -> list[swot.Factor]:
    """The SWOT worked example of method.md §3."""
    F = swot.Factor
    return [
        F("S", "S1", 4, weight=0.20),
        F("S", "S2", 3, weight=0.15),
        F("W", "W1", 4, weight=0.25),
        F("W", "W2", 2, weight=0.40),
        F("O", "O1", 4, weight=0.30),
        F("O", "O2", 2, weight=0.20),
        F("T", "T1", 3, weight=0.50),
    ]
