"""Several respondents: element-wise geometric mean of their matrices (method.md §9)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError, ahp


def test_geometric_mean_by_hand() -> None:
    a = [[1, 4, 9], [1 / 4, 1, 1], [1 / 9, 1, 1]]
    b = [[1, 1, 1], [1, 1, 4], [1, 1 / 4, 1]]
    g = ahp.aggregate([a, b])
    # sqrt(4*1) = 2, sqrt(9*1) = 3, sqrt(1*4) = 2
    assert g[0] == pytest.approx([1, 2, 3])
    assert g[1] == pytest.approx([1 / 2, 1, 2])
    assert g[2] == pytest.approx([1 / 3, 1 / 2, 1])


def test_aggregating_one_matrix_returns_it() -> None:
    a = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    assert ahp.aggregate([a]) == [pytest.approx(row) for row in a]


def test_aggregate_then_weigh() -> None:
    # two consistent respondents with w = (4,2,1) and (1,1,1): the geometric mean is consistent with
    # w = (2, sqrt 2, 1) (element-wise geometric mean of the two weight ratios)
    a = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    b = [[1, 1, 1], [1, 1, 1], [1, 1, 1]]
    result = ahp.weights(ahp.aggregate([a, b]))
    raw = (2.0, math.sqrt(2.0), 1.0)
    assert result.weights == pytest.approx([w / sum(raw) for w in raw])
    assert result.cr == pytest.approx(0.0, abs=1e-9)


values = st.sampled_from([1 / 9, 1 / 5, 1 / 3, 1 / 2, 1.0, 2.0, 3.0, 5.0, 9.0])


@settings(deadline=None, max_examples=100)
@given(st.integers(min_value=2, max_value=6), st.integers(min_value=1, max_value=5), st.data())
def test_aggregate_is_reciprocal_and_within_the_scale(n: int, respondents: int, data: st.DataObject) -> None:
    matrices = []
    for _ in range(respondents):
        a = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                a[i][j] = data.draw(values)
                a[j][i] = 1 / a[i][j]
        matrices.append(a)
    g = ahp.aggregate(matrices)
    for i in range(n):
        assert g[i][i] == pytest.approx(1.0)
        for j in range(n):
            assert g[i][j] * g[j][i] == pytest.approx(1.0)
            assert 1 / 9 - 1e-12 <= g[i][j] <= 9 + 1e-12
    ahp.weights(g)  # a valid input


def test_matrices_of_different_sizes_are_refused() -> None:
    with pytest.raises(MethodError, match="same criteria"):
        ahp.aggregate([[[1, 2], [1 / 2, 1]], [[1]]])
    with pytest.raises(MethodError, match="no matrices"):
        ahp.aggregate([])
