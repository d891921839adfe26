"""AHP worked examples: method.md §9 and Saaty's published 'drinks' example (method.md §9 formulas)."""

from __future__ import annotations

import pytest

from kotacerdas.method import ahp


def test_method_md_example_is_consistent_with_weights_4_2_1_sevenths() -> None:
    result = ahp.weights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]])
    # a_ij = w_i / w_j with w = (4, 2, 1)/7: every row is a multiple of (4, 2, 1), so lambda_max = n = 3
    assert result.weights == pytest.approx((4 / 7, 2 / 7, 1 / 7), abs=1e-12)
    assert result.lambda_max == pytest.approx(3.0, abs=1e-9)
    assert result.ci == pytest.approx(0.0, abs=1e-9)
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.consistent is True


def test_saaty_2008_relative_consumption_of_drinks() -> None:
    """Saaty, T. L. (2008), 'Decision making with the analytic hierarchy process', Int. J. Services Sciences
    1(1), pp. 83-98: relative consumption of drinks in the USA. Published derived priorities (3 decimals):
    coffee .177, wine .019, tea .042, beer .116, sodas .190, milk .129, water .327; CR .022 with Saaty's RI.
    (The same figures are asserted in the AHPy package's test suite, PhilipGriffith/AHPy.)"""
    matrix = [
        [1, 9, 5, 2, 1, 1, 1 / 2],
        [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [1, 9, 4, 2, 1, 2, 1 / 2],
        [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ]
    result = ahp.weights(matrix)
    published = (0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327)
    assert result.weights == pytest.approx(published, abs=0.0005)
    assert result.cr == pytest.approx(0.022, abs=0.0005)
    assert result.consistent is True
    # CI = CR * RI(7) = .022 * 1.32 ~ .029 ; lambda_max = 7 + 6 * CI ~ 7.17
    assert result.lambda_max == pytest.approx(7 + 6 * 0.022 * 1.32, abs=0.005)


def test_two_criteria_always_have_cr_zero() -> None:
    result = ahp.weights([[1, 3], [1 / 3, 1]])
    assert result.weights == pytest.approx((0.75, 0.25))  # 3 : 1
    assert result.cr == 0.0
    assert result.ci == 0.0


def test_one_criterion() -> None:
    result = ahp.weights([[1]])
    assert result.weights == (1.0,)
    assert result.cr == 0.0


def test_random_index_table_is_saatys() -> None:
    assert [ahp.RANDOM_INDEX[n] for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
