"""method.md §3 worked example, reproduced exactly; expected values computed by hand below."""

from __future__ import annotations

import pytest

from kotacerdas.method import swot


def test_scores_quadrant_ife_efe_and_ie_cell(worked_example: list[swot.Factor]) -> None:
    a = swot.analyse(worked_example)
    # by hand: S = .20*4 + .15*3 = .80 + .45 = 1.25 ; W = .25*4 + .40*2 = 1.00 + .80 = 1.80
    assert a.s == pytest.approx(1.25, abs=1e-12)
    assert a.w == pytest.approx(1.80, abs=1e-12)
    assert a.x == pytest.approx(-0.55, abs=1e-12)
    # O = .30*4 + .20*2 = 1.20 + .40 = 1.60 ; T = .50*3 = 1.50 ; y = 0.10
    assert a.o == pytest.approx(1.60, abs=1e-12)
    assert a.t == pytest.approx(1.50, abs=1e-12)
    assert a.y == pytest.approx(0.10, abs=1e-12)
    assert a.quadrant == 3
    assert "WO" in (a.quadrant_name or "")
    # IFE = 1.25 + .25*(5-4) + .40*(5-2) = 1.25 + .25 + 1.20 = 2.70 ; EFE = 1.60 + .50*(5-3) = 2.60
    assert a.ife == pytest.approx(2.70, abs=1e-12)
    assert a.efe == pytest.approx(2.60, abs=1e-12)
    # IFE 2.70 -> average (column 2); EFE 2.60 -> medium (row 2); cell = 3*(2-1) + 2 = 5 (V)
    assert a.ie_cell == 5
    assert swot.ROMAN[a.ie_cell - 1] == "V"
    assert "hold and maintain" in (a.ie_advice or "")
    assert a.weights == (0.20, 0.15, 0.25, 0.40, 0.30, 0.20, 0.50)
    assert a.keys == ("S1", "S2", "W1", "W2", "O1", "O2", "T1")
    assert a.notes == ()
