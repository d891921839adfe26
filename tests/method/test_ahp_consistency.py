"""AHP consistency: inconsistent judgements are flagged and the most disagreeing pair is pointed out."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas.method import ahp

weights_strategy = st.lists(st.floats(min_value=1.0, max_value=9.0), min_size=1, max_size=10)


@settings(deadline=None, max_examples=150)
@given(weights_strategy)
def test_a_perfectly_consistent_matrix_recovers_its_weights_with_cr_zero(raw: list[float]) -> None:
    matrix = [[wi / wj for wj in raw] for wi in raw]
    result = ahp.weights(matrix)
    total = sum(raw)
    assert result.weights == pytest.approx([w / total for w in raw], rel=1e-9, abs=1e-12)
    assert result.lambda_max == pytest.approx(len(raw), abs=1e-9)
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.consistent


saaty_values = st.sampled_from([1 / 9, 1 / 7, 1 / 5, 1 / 3, 1.0, 3.0, 5.0, 7.0, 9.0, 2.0, 1 / 2])


@st.composite
def reciprocal_matrices(draw: st.DrawFn) -> list[list[float]]:
    n = draw(st.integers(min_value=1, max_value=10))
    a = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a[i][j] = draw(saaty_values)
            a[j][i] = 1.0 / a[i][j]
    return a


@settings(deadline=None, max_examples=200)
@given(reciprocal_matrices())
def test_weights_are_positive_sum_to_one_and_lambda_at_least_n(matrix: list[list[float]]) -> None:
    result = ahp.weights(matrix, threshold=0.10)
    n = len(matrix)
    assert math.isclose(sum(result.weights), 1.0, abs_tol=1e-12)
    assert all(w > 0 for w in result.weights)
    assert result.lambda_max >= n - 1e-9
    assert result.cr >= 0.0
    assert result.consistent == (result.cr <= 0.10)
    # the eigen-equation A w = lambda_max w holds
    assert np.allclose(
        np.array(matrix) @ np.array(result.weights), result.lambda_max * np.array(result.weights)
    )


def test_an_inconsistent_matrix_is_flagged_by_hand() -> None:
    # A > B (3), B > C (3) but C > A (3): a cycle. By symmetry w = (1/3, 1/3, 1/3);
    # lambda_max = 1 + 3 + 1/3 = 4.333..., CI = (4.333 - 3)/2 = 0.667, CR = 0.667/0.58 = 1.149
    matrix = [[1, 3, 1 / 3], [1 / 3, 1, 3], [3, 1 / 3, 1]]
    result = ahp.weights(matrix)
    assert result.weights == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert result.lambda_max == pytest.approx(1 + 3 + 1 / 3)
    assert result.ci == pytest.approx((1 / 3 + 1) / 2)
    assert result.cr == pytest.approx(((1 / 3 + 1) / 2) / 0.58)
    assert result.consistent is False


def test_most_inconsistent_pair_points_at_the_contradicting_judgement() -> None:
    # consistent with w = (8, 4, 2, 1) except a_14 = 1/8 (should be 8): that pair is the odd one out.
    # (In a 3 x 3 cycle every pair disagrees equally, so a 4 x 4 matrix is used.)
    matrix = [
        [1, 2, 4, 1 / 8],
        [1 / 2, 1, 2, 4],
        [1 / 4, 1 / 2, 1, 2],
        [8, 1 / 4, 1 / 2, 1],
    ]
    result = ahp.weights(matrix)
    assert not result.consistent
    pair = ahp.most_inconsistent_pair(matrix, result)
    assert pair is not None
    assert (pair.i, pair.j) == (0, 3)
    assert pair.judged == pytest.approx(1 / 8)
    assert pair.implied == pytest.approx(result.weights[0] / result.weights[3])
    # it disagrees more than any other pair
    for i in range(4):
        for j in range(i + 1, 4):
            ratio = matrix[i][j] / (result.weights[i] / result.weights[j])
            assert max(ratio, 1 / ratio) <= pair.factor + 1e-12


def test_most_inconsistent_pair_of_a_consistent_matrix_has_factor_one() -> None:
    pair = ahp.most_inconsistent_pair([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]])
    assert pair is not None
    assert pair.factor == pytest.approx(1.0)
    assert pair.suggestion == pair.judged
    assert ahp.most_inconsistent_pair([[1]]) is None


def test_nearest_on_scale() -> None:
    assert ahp.nearest_on_scale(2.9) == 3.0
    assert ahp.nearest_on_scale(0.3) == pytest.approx(1 / 3)
    assert ahp.nearest_on_scale(40) == 9.0


def test_threshold_is_configurable() -> None:
    matrix = [[1, 3, 1 / 3], [1 / 3, 1, 3], [3, 1 / 3, 1]]
    assert ahp.weights(matrix, threshold=2.0).consistent is True
