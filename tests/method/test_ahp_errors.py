"""Bad pairwise matrices raise MethodError with a clear message."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError, ahp


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([], "empty"),
        ([[1, 2], [1 / 2]], "must be square"),
        ([[1, 2, 3], [1 / 2, 1, 1]], "must be square"),
        ([[1, -2], [-1 / 2, 1]], "must be positive"),
        ([[1, 0], [0, 1]], "must be positive"),
        ([[1, "2"], [1 / 2, 1]], "must be a number"),
        ([[1, float("nan")], [1, 1]], "must be a number"),
        ([[2, 1], [1, 1]], "diagonal must be 1"),
        ([[1, 3], [3, 1]], r"not reciprocal: #1 vs #2 is 3 but #2 vs #1 is 3 \(it must be 1/3\)"),
        ([[1, 12], [1 / 12, 1]], "outside Saaty's scale"),
    ],
)
def test_bad_matrices(matrix: list, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        ahp.weights(matrix)


def test_rounded_reciprocals_are_accepted_and_made_exact() -> None:
    result = ahp.weights([[1, 3], [0.33, 1]])  # 3 * 0.33 = 0.99, within the 5 % tolerance
    assert result.weights == pytest.approx((0.75, 0.25), abs=1e-12)  # computed from a_21 = 1/3 exactly
    assert ahp.validate([[1, 8], [0.13, 1]])[1, 0] == 1 / 8
    with pytest.raises(MethodError, match="not reciprocal"):
        ahp.validate([[1, 8], [0.2, 1]])


def test_labels_name_the_criteria_in_the_message() -> None:
    with pytest.raises(MethodError, match="dampak vs biaya is 3 but biaya vs dampak is 2"):
        ahp.validate([[1, 3], [2, 1]], labels=["dampak", "biaya"])


def test_too_many_criteria_for_the_random_index() -> None:
    with pytest.raises(MethodError, match=r"RI\(11\)"):
        ahp.weights([[1.0] * 11 for _ in range(11)])


def test_from_judgements_builds_the_reciprocal_matrix() -> None:
    a = ahp.from_judgements(3, {(0, 1): 2, (0, 2): 4, (2, 1): 0.5})
    assert a == [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]
    with pytest.raises(MethodError, match="pairs not yet judged: 1-2"):
        ahp.from_judgements(3, {(0, 1): 2, (0, 2): 4})
    with pytest.raises(MethodError, match="judged twice"):
        ahp.from_judgements(2, {(0, 1): 2, (1, 0): 0.5})
    with pytest.raises(MethodError, match="two different criteria"):
        ahp.from_judgements(2, {(0, 0): 2})
