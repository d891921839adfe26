"""Analytic Hierarchy Process: criterion weights from pairwise comparisons (method.md §9; Saaty 1980).

Bobot kriteria dengan AHP: matriks perbandingan berpasangan resiprokal pada skala Saaty 1–9.

- weights = principal (Perron) eigenvector of the matrix, normalised to sum 1; ``lambda_max`` its eigenvalue;
- ``CI = (lambda_max - n) / (n - 1)``; ``CR = CI / RI(n)`` with Saaty's random index (``RANDOM_INDEX``);
  ``CR = 0`` for n <= 2;
- ``CR > 0.10`` is inconsistent: those weights must not be used (see :func:`most_inconsistent_pair`);
- several respondents: element-wise geometric mean of their matrices (:func:`aggregate`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kotacerdas.method.errors import MethodError

#: Saaty's random consistency index RI(n), as given in method.md §9.
RANDOM_INDEX: Mapping[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}
#: CR above this is reported as inconsistent and blocks the weights.
CR_THRESHOLD = 0.10
#: Relative tolerance for a_ij * a_ji = 1 (so 0.33 for 1/3 or 0.13 for 1/8 is accepted) and for a_ii = 1.
#: After the check, the lower triangle is replaced by the exact reciprocals of the upper triangle.
RECIPROCAL_TOLERANCE = 0.05
#: Saaty's scale: judgements lie in [1/9, 9] (with the reciprocal tolerance).
SCALE_MAX = 9.0

Matrix = Sequence[Sequence[float]]


@dataclass(frozen=True)
class Result:
    """Weights (sum 1, in row order), principal eigenvalue, consistency index and ratio."""

    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float
    consistent: bool

    @property
    def n(self) -> int:
        return len(self.weights)


@dataclass(frozen=True)
class Disagreement:
    """The judgement that disagrees most with the derived weights.

    ``judged`` is a_ij as entered; ``implied`` is w_i / w_j; ``factor`` is how many times larger the one is
    than the other (>= 1); ``suggestion`` the nearest value on Saaty's scale to ``implied``.
    """

    i: int
    j: int
    judged: float
    implied: float
    factor: float
    suggestion: float


def validate(
    matrix: Matrix,
    tolerance: float = RECIPROCAL_TOLERANCE,
    scale_max: float | None = SCALE_MAX,
    labels: Sequence[str] | None = None,
) -> np.ndarray:
    """Return the matrix as a float array, or raise MethodError: not square, not positive, a diagonal entry
    not 1, a pair not reciprocal (a_ij * a_ji must be 1 within ``tolerance``), or a judgement outside Saaty's
    1/9..9 scale. The returned array is exactly reciprocal: a_ji = 1 / a_ij, a_ii = 1."""
    try:
        rows = [list(row) for row in matrix]
    except TypeError as exc:
        raise MethodError("a pairwise comparison matrix must be a list of rows") from exc
    n = len(rows)
    if n == 0:
        raise MethodError("the pairwise comparison matrix is empty")
    if any(len(row) != n for row in rows):
        raise MethodError(
            f"the pairwise comparison matrix must be square ({n} x {n}); a row has another length"
        )
    names = list(labels) if labels is not None else [f"#{k + 1}" for k in range(n)]
    if len(names) != n:
        raise MethodError(f"{len(names)} labels given for a {n} x {n} matrix")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise MethodError(f"comparison {names[i]} vs {names[j]} must be a number, got {value!r}")
            if value <= 0:
                raise MethodError(f"comparison {names[i]} vs {names[j]} must be positive, got {value:g}")
    a = np.array(rows, dtype=float)
    for i in range(n):
        if abs(a[i, i] - 1.0) > tolerance:
            raise MethodError(f"the diagonal must be 1: {names[i]} vs itself is {a[i, i]:g}")
        for j in range(i + 1, n):
            if abs(a[i, j] * a[j, i] - 1.0) > tolerance:
                raise MethodError(
                    f"the matrix is not reciprocal: {names[i]} vs {names[j]} is {a[i, j]:g} but "
                    f"{names[j]} vs {names[i]} is {a[j, i]:g} (it must be 1/{a[i, j]:g})"
                )
            if scale_max is not None and max(a[i, j], a[j, i]) > scale_max * (1 + tolerance):
                raise MethodError(
                    f"comparison {names[i]} vs {names[j]} ({a[i, j]:g}) is outside Saaty's scale "
                    f"1/{scale_max:g} .. {scale_max:g}"
                )
            a[i, i] = 1.0
            a[j, i] = 1.0 / a[i, j]  # the upper triangle is authoritative
    a[n - 1, n - 1] = 1.0
    return a


def weights(
    matrix: Matrix,
    threshold: float = CR_THRESHOLD,
    random_index: Mapping[int, float] = RANDOM_INDEX,
    tolerance: float = RECIPROCAL_TOLERANCE,
    scale_max: float | None = SCALE_MAX,
) -> Result:
    """Principal-eigenvector weights of a reciprocal pairwise matrix, with lambda_max, CI, CR and verdict."""
    a = validate(matrix, tolerance, scale_max)
    n = a.shape[0]
    if n > 2 and n not in random_index:
        raise MethodError(f"no random index RI({n}) is known; use at most {max(random_index)} criteria")
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lambda_max = float(values[k].real)
    vector = np.abs(vectors[:, k].real)
    w = vector / vector.sum()
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = max(0.0, (lambda_max - n) / (n - 1))  # lambda_max >= n in theory; clamp rounding noise
        cr = ci / random_index[n]
    return Result(tuple(float(x) for x in w), lambda_max, ci, cr, cr <= threshold)


def aggregate(matrices: Sequence[Matrix], tolerance: float = RECIPROCAL_TOLERANCE) -> list[list[float]]:
    """Element-wise geometric mean of several respondents' matrices (stays reciprocal)."""
    if not matrices:
        raise MethodError("no matrices to aggregate")
    arrays = [validate(m, tolerance, scale_max=None) for m in matrices]
    shapes = {arr.shape for arr in arrays}
    if len(shapes) != 1:
        raise MethodError("all respondents must compare the same criteria (matrices of one size)")
    mean_log = np.mean(np.log(np.stack(arrays)), axis=0)
    return np.exp(mean_log).tolist()


SAATY_SCALE: tuple[float, ...] = tuple(
    sorted({float(k) for k in range(1, 10)} | {1.0 / k for k in range(2, 10)})
)


def nearest_on_scale(value: float) -> float:
    """The value on Saaty's scale (1/9 .. 9) nearest to ``value`` in log terms."""
    return min(SAATY_SCALE, key=lambda v: abs(math.log(v) - math.log(value)))


def most_inconsistent_pair(matrix: Matrix, result: Result | None = None) -> Disagreement | None:
    """The pair (i < j) whose judgement a_ij departs most (in ratio) from w_i / w_j; None for n < 2."""
    a = validate(matrix, scale_max=None)
    n = a.shape[0]
    if n < 2:
        return None
    res = result if result is not None else weights(matrix, scale_max=None)
    best: Disagreement | None = None
    for i in range(n):
        for j in range(i + 1, n):
            implied = res.weights[i] / res.weights[j]
            factor = math.exp(abs(math.log(a[i, j] / implied)))
            if best is None or factor > best.factor + 1e-12:
                best = Disagreement(i, j, float(a[i, j]), implied, factor, nearest_on_scale(implied))
    return best


def from_judgements(n: int, judgements: Mapping[tuple[int, int], float]) -> list[list[float]]:
    """Build the full reciprocal matrix from judgements a_ij (i != j); the mirror a_ji = 1/a_ij is filled in.

    Every pair must be judged exactly once (either (i, j) or (j, i))."""
    if n < 1:
        raise MethodError("at least one criterion is needed")
    a = [[1.0] * n for _ in range(n)]
    seen: set[tuple[int, int]] = set()
    for (i, j), value in judgements.items():
        if not (0 <= i < n and 0 <= j < n) or i == j:
            raise MethodError(f"judgement ({i}, {j}) does not name two different criteria among {n}")
        pair = (min(i, j), max(i, j))
        if pair in seen:
            raise MethodError(f"criteria {pair[0]} and {pair[1]} are judged twice")
        seen.add(pair)
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise MethodError(f"judgement ({i}, {j}) must be a positive number, got {value!r}")
        a[i][j] = float(value)
        a[j][i] = 1.0 / float(value)
    missing = [(i, j) for i in range(n) for j in range(i + 1, n) if (i, j) not in seen]
    if missing:
        raise MethodError(f"pairs not yet judged: {', '.join(f'{i}-{j}' for i, j in missing)}")
    return a
