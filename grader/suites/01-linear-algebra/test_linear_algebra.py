"""Hidden suite for module 01 - Linear algebra.

Every test grades one exercise of ``01-linear-algebra/exercises.py`` through the ``learner``
fixture. References come from NumPy / SciPy / scikit-learn, computed *outside* the ``forbid``
blocks; inside them, the library routines an exercise asks the learner to write are blocked.
Everything is small and seeded: the whole suite runs in about a second.
"""
from __future__ import annotations

import importlib

import numpy as np
import pytest
import scipy.linalg

from grader.testing import (
    ForbiddenCall,
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    forbid,
)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def _existing(*names: str) -> tuple[str, ...]:
    """Keep the dotted names that exist in the installed NumPy/SciPy (e.g. svdvals is NumPy 2)."""
    kept = []
    for dotted in names:
        module_name, _, attr = dotted.rpartition(".")
        try:
            if hasattr(importlib.import_module(module_name), attr):
                kept.append(dotted)
        except ImportError:
            continue
    return tuple(kept)


SOLVERS = _existing(
    "numpy.linalg.solve", "numpy.linalg.inv", "numpy.linalg.lstsq", "numpy.linalg.pinv",
    "scipy.linalg.solve", "scipy.linalg.inv", "scipy.linalg.lstsq", "scipy.linalg.pinv",
    "scipy.linalg.solve_triangular", "scipy.linalg.cho_solve", "scipy.linalg.lu_solve",
)
DECOMPOSITIONS = _existing(
    "numpy.linalg.svd", "numpy.linalg.svdvals", "numpy.linalg.qr", "numpy.linalg.eig",
    "numpy.linalg.eigh", "numpy.linalg.eigvals", "numpy.linalg.eigvalsh", "numpy.linalg.cholesky",
    "scipy.linalg.svd", "scipy.linalg.svdvals", "scipy.linalg.qr", "scipy.linalg.eig",
    "scipy.linalg.eigh", "scipy.linalg.eigvals", "scipy.linalg.eigvalsh", "scipy.linalg.lu",
    "scipy.linalg.lu_factor", "scipy.linalg.cholesky", "scipy.linalg.cho_factor",
)


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _spd(n: int, seed: int) -> np.ndarray:
    """A well-conditioned symmetric positive-definite matrix."""
    M = _rng(seed).standard_normal((n, n))
    return M @ M.T + n * np.eye(n)


def _orthogonal(n: int, seed: int) -> np.ndarray:
    Q, R = np.linalg.qr(_rng(seed).standard_normal((n, n)))
    return Q * np.sign(np.diag(R))


def _with_spectrum(values: list[float], seed: int) -> np.ndarray:
    """A symmetric matrix Q diag(values) Q^T with a random orthogonal Q."""
    Q = _orthogonal(len(values), seed)
    return (Q * np.asarray(values, dtype=float)) @ Q.T


class _NoMatmul(np.ndarray):
    """An array that refuses the ``@`` operator and ``.dot`` (used to grade ``matmul_loops``)."""

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):  # noqa: ANN001
        # Compare by name: inside forbid() the attribute np.matmul is itself replaced.
        if getattr(ufunc, "__name__", "") == "matmul":
            raise ForbiddenCall("this exercise asks you to multiply with explicit loops: "
                                "do not use the @ operator or np.matmul")
        inputs = tuple(np.asarray(x) if isinstance(x, _NoMatmul) else x for x in inputs)
        if "out" in kwargs:
            kwargs["out"] = tuple(np.asarray(o) if isinstance(o, _NoMatmul) else o for o in kwargs["out"])
        return getattr(ufunc, method)(*inputs, **kwargs)

    def dot(self, *args, **kwargs):  # noqa: ANN002, ANN003
        raise ForbiddenCall("this exercise asks you to multiply with explicit loops: do not call .dot")


def _pair(result, what: str):
    """Check that ``result`` is a 2-tuple before unpacking it, with a message for the learner."""
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{what} must return a tuple of two values, got {type(result).__name__}")
    return result


def _unit_alignment(v: np.ndarray, u: np.ndarray) -> float:
    """|cos angle| between two vectors: 1.0 when they span the same line."""
    return float(abs(v @ u) / (np.linalg.norm(v) * np.linalg.norm(u)))


# =============================================================================================
# 1. matmul_loops
# =============================================================================================
@pytest.mark.exercise("matmul_loops")
def test_matmul_docstring_example(learner):
    got = learner.matmul_loops(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]]))
    expect_close(got, [[19.0, 22.0], [43.0, 50.0]], "matmul_loops([[1, 2], [3, 4]], [[5, 6], [7, 8]])")


@pytest.mark.exercise("matmul_loops")
def test_matmul_rectangular_shapes_match_numpy(learner):
    rng = _rng(1)
    for (m, n, p) in [(3, 4, 2), (1, 5, 1), (4, 1, 3), (2, 3, 5)]:
        A, B = rng.standard_normal((m, n)), rng.standard_normal((n, p))
        got = learner.matmul_loops(A, B)
        what = f"matmul_loops(A, B) for A of shape {(m, n)} and B of shape {(n, p)}"
        expect_shape(got, (m, p), what + " (the result has A's rows and B's columns)")
        expect_close(got, A @ B, what + ", compared with A @ B", rtol=1e-10, atol=1e-12)


@pytest.mark.exercise("matmul_loops")
def test_matmul_integer_inputs_give_float64(learner):
    A = np.array([[1, 2, 3], [4, 5, 6]])
    B = np.array([[1, 0], [0, 1], [2, -1]])
    got = learner.matmul_loops(A, B)
    expect_close(got, A @ B, "matmul_loops of two integer matrices")
    expect_equal(str(np.asarray(got).dtype), "float64", "dtype of matmul_loops(A, B) for integer A, B")


@pytest.mark.exercise("matmul_loops")
def test_matmul_empty_inner_dimension_gives_zeros(learner):
    got = learner.matmul_loops(np.zeros((2, 0)), np.zeros((0, 3)))
    expect_shape(got, (2, 3), "matmul_loops(A, B) for A of shape (2, 0) and B of shape (0, 3)")
    expect_close(got, np.zeros((2, 3)), "matmul_loops with an empty inner dimension (an empty sum is 0)")


@pytest.mark.exercise("matmul_loops")
def test_matmul_mismatched_shapes_raise(learner):
    rng = _rng(2)
    expect_raises(ValueError, lambda: learner.matmul_loops(rng.standard_normal((2, 3)), rng.standard_normal((2, 3))),
                  "matmul_loops(A, B) for A of shape (2, 3) and B of shape (2, 3) (inner dimensions 3 and 2)")


@pytest.mark.exercise("matmul_loops")
def test_matmul_uses_loops_not_the_library(learner):
    rng = _rng(3)
    A, B = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
    expected = A @ B
    with forbid(learner, *_existing("numpy.dot", "numpy.matmul", "numpy.einsum", "numpy.tensordot",
                                    "numpy.inner", "numpy.outer", "numpy.vdot"),
                reason="multiply with explicit loops"):
        got = learner.matmul_loops(A.view(_NoMatmul), B.view(_NoMatmul))
    expect_close(np.asarray(got), expected, "matmul_loops(A, B) for A (3, 4), B (4, 2)", rtol=1e-10)


# =============================================================================================
# 2. linear_layer
# =============================================================================================
@pytest.mark.exercise("linear_layer")
def test_linear_layer_docstring_example(learner):
    got = learner.linear_layer(np.array([[1.0, 2.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                               np.array([0.0, 0.0, 10.0]))
    expect_close(got, [[1.0, 2.0, 13.0]], "linear_layer of the docstring example")


@pytest.mark.exercise("linear_layer")
def test_linear_layer_batch_shape_and_values(learner):
    rng = _rng(10)
    X, W, b = rng.standard_normal((5, 4)), rng.standard_normal((3, 4)), rng.standard_normal(3)
    got = learner.linear_layer(X, W, b)
    what = "linear_layer(X, W, b) for X (5, 4), W (3, 4) [one row per output], b (3,)"
    expect_shape(got, (5, 3), what)
    expect_close(got, np.einsum("ni,oi->no", X, W) + b, what, rtol=1e-10, atol=1e-12)


@pytest.mark.exercise("linear_layer")
def test_linear_layer_square_weights_are_not_transposed(learner):
    # With d_in == d_out, X @ W (instead of X @ W.T) has the right shape but wrong values, and a
    # batch of n == d_out rows catches a bias added along the wrong axis.
    rng = _rng(11)
    X, W, b = rng.standard_normal((3, 3)), rng.standard_normal((3, 3)), np.array([1.0, -2.0, 5.0])
    got = learner.linear_layer(X, W, b)
    expect_close(got, X @ W.T + b,
                 "linear_layer with a square, non-symmetric W (row o of W holds the weights of output o, "
                 "and b[o] is added to output o of every sample)", rtol=1e-10, atol=1e-12)


@pytest.mark.exercise("linear_layer")
def test_linear_layer_single_vector_and_empty_batch(learner):
    rng = _rng(12)
    W, b = rng.standard_normal((2, 4)), rng.standard_normal(2)
    x = rng.standard_normal(4)
    got = learner.linear_layer(x, W, b)
    expect_shape(got, (2,), "linear_layer(x, W, b) for a single vector x of shape (4,)")
    expect_close(got, W @ x + b, "linear_layer for a single vector", rtol=1e-10, atol=1e-12)
    empty = learner.linear_layer(np.zeros((0, 4)), W, b)
    expect_shape(empty, (0, 2), "linear_layer for an empty batch X of shape (0, 4)")


@pytest.mark.exercise("linear_layer")
def test_linear_layer_feature_mismatch_raises(learner):
    rng = _rng(13)
    expect_raises(ValueError, lambda: learner.linear_layer(rng.standard_normal((5, 3)), rng.standard_normal((2, 4)),
                                                           np.zeros(2)),
                  "linear_layer with X of shape (5, 3) and W of shape (2, 4) (3 features, W expects 4)")


# =============================================================================================
# 3. vector_norm
# =============================================================================================
@pytest.mark.exercise("vector_norm")
def test_norm_docstring_values(learner):
    x = np.array([3.0, -4.0])
    expect_close(learner.vector_norm(x), 5.0, "vector_norm([3, -4]) (p = 2 by default)")
    expect_close(learner.vector_norm(x, p=1), 7.0, "vector_norm([3, -4], p=1)")
    expect_close(learner.vector_norm(x, p=np.inf), 4.0, "vector_norm([3, -4], p=inf)")


@pytest.mark.exercise("vector_norm")
def test_norm_matches_numpy_for_several_p(learner):
    x = _rng(20).standard_normal(9) * 3
    for p in (1, 2, 3, 4.5, np.inf):
        expect_close(learner.vector_norm(x, p=p), np.linalg.norm(x, ord=p),
                     f"vector_norm(x, p={p}) for a vector with negative entries, compared with np.linalg.norm",
                     rtol=1e-10)


@pytest.mark.exercise("vector_norm")
def test_norm_uses_absolute_values(learner):
    # Without |x_i|, odd powers of negative entries cancel (or give NaN for the root), and the
    # inf-norm returns the largest *signed* entry.
    expect_close(learner.vector_norm(np.array([-1.0, -2.0]), p=3), 9.0 ** (1 / 3),
                 "vector_norm([-1, -2], p=3) = (1 + 8)^(1/3)")
    expect_close(learner.vector_norm(np.array([-7.0, 2.0]), p=np.inf), 7.0, "vector_norm([-7, 2], p=inf)")
    expect_close(learner.vector_norm(np.array([-1.0, 1.0, -1.0]), p=1), 3.0, "vector_norm([-1, 1, -1], p=1)")


@pytest.mark.exercise("vector_norm")
def test_norm_of_empty_and_zero_vectors(learner):
    for p in (1, 2, np.inf):
        expect_close(learner.vector_norm(np.array([]), p=p), 0.0, f"vector_norm of the empty vector, p={p}")
        expect_close(learner.vector_norm(np.zeros(3), p=p), 0.0, f"vector_norm of the zero vector, p={p}")


@pytest.mark.exercise("vector_norm")
def test_norm_rejects_p_below_one(learner):
    for p in (0.5, 0):
        expect_raises(ValueError, lambda p=p: learner.vector_norm(np.array([1.0, 2.0]), p=p),
                      f"vector_norm(x, p={p}) (not a norm for p < 1)")


@pytest.mark.exercise("vector_norm")
def test_norm_without_library_norm(learner):
    x = np.array([1.0, -2.0, 2.0])
    with forbid(learner, *_existing("numpy.linalg.norm", "scipy.linalg.norm"), reason="compute the norm yourself"):
        got = learner.vector_norm(x)
    expect_close(got, 3.0, "vector_norm([1, -2, 2])")
    expect(isinstance(got, (float, np.floating)),
           f"vector_norm should return a float (a single number), got {type(got).__name__}")


# =============================================================================================
# 4. solve_triangular
# =============================================================================================
def _triangular(n: int, seed: int, lower: bool) -> np.ndarray:
    M = _rng(seed).standard_normal((n, n))
    M[np.diag_indices(n)] = 2.0 + np.abs(M[np.diag_indices(n)])  # well away from singular
    return np.tril(M) if lower else np.triu(M)


@pytest.mark.exercise("solve_triangular")
def test_triangular_docstring_example(learner):
    got = learner.solve_triangular(np.array([[2.0, 0.0], [1.0, 1.0]]), np.array([4.0, 3.0]))
    expect_close(got, [2.0, 1.0], "solve_triangular([[2, 0], [1, 1]], [4, 3])")


@pytest.mark.exercise("solve_triangular")
def test_triangular_lower_and_upper_match_scipy(learner):
    b = _rng(30).standard_normal(6)
    for lower in (True, False):
        T = _triangular(6, 31 if lower else 32, lower)
        expected = scipy.linalg.solve_triangular(T, b, lower=lower)
        with forbid(learner, *SOLVERS, reason="solve by substitution"):
            got = learner.solve_triangular(T, b, lower=lower)
        kind = "lower" if lower else "upper"
        expect_shape(got, (6,), f"solve_triangular for a {kind}-triangular T (6, 6) and b (6,)")
        expect_close(got, expected, f"solve_triangular(T, b, lower={lower}) for a {kind}-triangular 6 x 6 T",
                     rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("solve_triangular")
def test_triangular_several_right_hand_sides(learner):
    T = _triangular(5, 33, lower=False)
    B = _rng(34).standard_normal((5, 3))
    got = learner.solve_triangular(T, B, lower=False)
    expect_shape(got, (5, 3), "solve_triangular(T, B) for T (5, 5) and B (5, 3) with 3 right-hand sides")
    expect_close(got, scipy.linalg.solve_triangular(T, B, lower=False), "solve_triangular with B of shape (5, 3)",
                 rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("solve_triangular")
def test_triangular_reads_only_its_triangle(learner):
    M = _rng(35).standard_normal((4, 4)) + 4 * np.eye(4)
    b = np.arange(1.0, 5.0)
    got = learner.solve_triangular(M, b, lower=True)
    expect_close(got, scipy.linalg.solve_triangular(np.tril(M), b, lower=True),
                 "solve_triangular(M, b, lower=True) for a full M: entries above the diagonal must be ignored",
                 rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("solve_triangular")
def test_triangular_zero_on_diagonal_raises(learner):
    T = np.array([[1.0, 0.0, 0.0], [2.0, 0.0, 0.0], [1.0, 1.0, 3.0]])
    expect_raises(ValueError, lambda: learner.solve_triangular(T, np.ones(3), lower=True),
                  "solve_triangular for a lower-triangular T with a 0 on its diagonal (singular)")


# =============================================================================================
# 5. determinant
# =============================================================================================
NO_DET = _existing("numpy.linalg.det", "numpy.linalg.slogdet", "scipy.linalg.det") + DECOMPOSITIONS


@pytest.mark.exercise("determinant")
def test_determinant_docstring_examples(learner):
    expect_close(learner.determinant(np.array([[2.0, 1.0], [1.0, 3.0]])), 5.0, "determinant([[2, 1], [1, 3]])")
    expect_close(learner.determinant(np.array([[0.0, 1.0], [1.0, 0.0]])), -1.0,
                 "determinant([[0, 1], [1, 0]]) (a row swap flips the sign)")


@pytest.mark.exercise("determinant")
def test_determinant_matches_numpy(learner):
    rng = _rng(40)
    for n in (1, 3, 5, 8):
        A = rng.standard_normal((n, n))
        expected = np.linalg.det(A)
        with forbid(learner, *NO_DET, reason="compute the determinant by elimination"):
            got = learner.determinant(A)
        expect_close(got, expected, f"determinant of a random {n} x {n} matrix, compared with np.linalg.det",
                     rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("determinant")
def test_determinant_sign_of_row_swaps(learner):
    cases = {
        "[[0, 2, 1], [1, 1, 0], [3, 0, 1]]": (np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]]), -5.0),
        "the 3-cycle permutation [[0, 1, 0], [0, 0, 1], [1, 0, 0]]": (np.eye(3)[[1, 2, 0]], 1.0),
        "the swap [[1, 0, 0], [0, 0, 1], [0, 1, 0]]": (np.eye(3)[[0, 2, 1]], -1.0),
        "[[0, 0, 2], [0, 3, 0], [4, 0, 0]]": (np.array([[0.0, 0.0, 2.0], [0.0, 3.0, 0.0], [4.0, 0.0, 0.0]]), -24.0),
    }
    for name, (A, expected) in cases.items():
        expect_close(learner.determinant(A), expected, f"determinant of {name}", rtol=1e-12, atol=1e-12)


@pytest.mark.exercise("determinant")
def test_determinant_of_singular_matrices_is_zero(learner):
    cases = {
        "[[1, 2], [2, 4]]": np.array([[1.0, 2.0], [2.0, 4.0]]),
        "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]": np.arange(1.0, 10.0).reshape(3, 3),
        "a 3 x 3 matrix with a zero first column": np.array([[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 7.0]]),
    }
    for name, A in cases.items():
        expect_close(learner.determinant(A), 0.0, f"determinant of the singular matrix {name}", atol=1e-9)


@pytest.mark.exercise("determinant")
def test_determinant_edge_cases_and_errors(learner):
    expect_close(learner.determinant(np.array([[-3.5]])), -3.5, "determinant of the 1 x 1 matrix [[-3.5]]")
    expect_close(learner.determinant(np.zeros((0, 0))), 1.0, "determinant of the empty 0 x 0 matrix (empty product)")
    expect_raises(ValueError, lambda: learner.determinant(np.ones((2, 3))), "determinant of a (2, 3) matrix")


@pytest.mark.exercise("determinant")
def test_determinant_is_fast_on_a_60_by_60_matrix(learner):
    # Cofactor expansion is O(n!) and would never finish; elimination is O(n^3).
    A = np.eye(60) + 0.1 * _rng(41).standard_normal((60, 60))
    expected = np.linalg.det(A)
    with forbid(learner, *NO_DET, reason="compute the determinant by elimination"):
        got = learner.determinant(A)
    expect_close(got, expected, "determinant of a 60 x 60 matrix, compared with np.linalg.det", rtol=1e-8)


# =============================================================================================
# 6. matrix_rank
# =============================================================================================
NO_RANK = _existing("numpy.linalg.matrix_rank") + DECOMPOSITIONS


@pytest.mark.exercise("matrix_rank")
def test_rank_docstring_examples(learner):
    expect_equal(learner.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]])), 1, "matrix_rank([[1, 2], [2, 4]])")
    expect_equal(learner.matrix_rank(np.eye(3)), 3, "matrix_rank(identity 3 x 3)")


@pytest.mark.exercise("matrix_rank")
def test_rank_of_random_and_low_rank_matrices(learner):
    rng = _rng(50)
    cases = [
        ("a random tall (7, 4) matrix", rng.standard_normal((7, 4)), 4),
        ("a random wide (3, 6) matrix", rng.standard_normal((3, 6)), 3),
        ("a (8, 3) @ (3, 6) product", rng.standard_normal((8, 3)) @ rng.standard_normal((3, 6)), 3),
        ("an outer product u v^T of shape (5, 5)", np.outer(rng.standard_normal(5), rng.standard_normal(5)), 1),
    ]
    for name, A, expected in cases:
        with forbid(learner, *NO_RANK, reason="find the rank by row reduction"):
            got = learner.matrix_rank(A)
        expect_equal(got, expected, f"matrix_rank of {name}")


@pytest.mark.exercise("matrix_rank")
def test_rank_needs_pivoting_and_column_skipping(learner):
    cases = [
        ("[[0, 1], [0, 2]] (first column has no pivot)", np.array([[0.0, 1.0], [0.0, 2.0]]), 1),
        ("[[0, 1], [1, 0]] (needs a row swap)", np.array([[0.0, 1.0], [1.0, 0.0]]), 2),
        ("[[1, 1, 1], [1, 1, 2], [2, 2, 3]] (second column has no pivot)",
         np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 2.0], [2.0, 2.0, 3.0]]), 2),
        ("[[0, 0, 1], [0, 0, 2], [0, 0, 3]]", np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 2.0], [0.0, 0.0, 3.0]]), 1),
    ]
    for name, A, expected in cases:
        expect_equal(learner.matrix_rank(A), expected, f"matrix_rank of {name}")


@pytest.mark.exercise("matrix_rank")
def test_rank_of_zero_and_empty_matrices(learner):
    expect_equal(learner.matrix_rank(np.zeros((3, 4))), 0, "matrix_rank of a (3, 4) zero matrix")
    expect_equal(learner.matrix_rank(np.zeros((0, 3))), 0, "matrix_rank of an empty (0, 3) matrix")
    expect_equal(learner.matrix_rank(np.zeros((3, 0))), 0, "matrix_rank of an empty (3, 0) matrix")


@pytest.mark.exercise("matrix_rank")
def test_rank_tolerance_is_relative(learner):
    expect_equal(learner.matrix_rank(np.diag([1.0, 1e-12])), 1,
                 "matrix_rank(diag(1, 1e-12)) with the default tol=1e-10 (1e-12 counts as zero)")
    expect_equal(learner.matrix_rank(np.diag([1.0, 1e-12]), tol=1e-14), 2,
                 "matrix_rank(diag(1, 1e-12), tol=1e-14)")
    expect_equal(learner.matrix_rank(1e-12 * np.eye(3)), 3,
                 "matrix_rank(1e-12 * identity 3 x 3): the threshold is tol * max|A|, not an absolute tol")
    big = 1e8 * (_rng(51).standard_normal((6, 2)) @ _rng(52).standard_normal((2, 5)))
    expect_equal(learner.matrix_rank(big), 2, "matrix_rank of 1e8 * (a (6, 2) @ (2, 5) product)")


@pytest.mark.exercise("matrix_rank")
def test_rank_returns_an_int(learner):
    got = learner.matrix_rank(np.array([[1.0, 2.0], [3.0, 4.0]]))
    expect(isinstance(got, (int, np.integer)) and not isinstance(got, bool),
           f"matrix_rank should return an int, got {type(got).__name__} ({got!r})")
    expect_equal(int(got), 2, "matrix_rank([[1, 2], [3, 4]])")


# =============================================================================================
# 7. cholesky
# =============================================================================================
NO_CHOLESKY = _existing("numpy.linalg.cholesky", "scipy.linalg.cholesky", "scipy.linalg.cho_factor",
                        "scipy.linalg.ldl")


@pytest.mark.exercise("cholesky")
def test_cholesky_docstring_example(learner):
    got = learner.cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]))
    expect_close(got, [[2.0, 0.0], [1.0, np.sqrt(2.0)]], "cholesky([[4, 2], [2, 3]])")


@pytest.mark.exercise("cholesky")
def test_cholesky_matches_numpy(learner):
    A = _spd(6, 60)
    expected = np.linalg.cholesky(A)
    with forbid(learner, *NO_CHOLESKY, reason="write the Cholesky recurrences"):
        L = learner.cholesky(A)
    expect_shape(L, (6, 6), "cholesky(A) for a 6 x 6 A")
    expect_close(np.triu(L, 1), np.zeros((6, 6)),
                 "entries above the diagonal of L (L must be LOWER triangular, A = L L^T)", atol=1e-12)
    expect_close(L, expected, "cholesky(A) compared with np.linalg.cholesky", rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("cholesky")
def test_cholesky_reconstructs_and_has_positive_diagonal(learner):
    A = _spd(5, 61)
    L = learner.cholesky(A)
    expect_shape(L, (5, 5), "cholesky(A) for a 5 x 5 A")
    expect_close(L @ L.T, A, "L @ L.T for L = cholesky(A), A 5 x 5", rtol=1e-9, atol=1e-10)
    expect(bool(np.all(np.diag(L) > 0)), f"the diagonal of L must be positive, got {np.round(np.diag(L), 4)}")
    expect_close(learner.cholesky(np.array([[9.0]])), [[3.0]], "cholesky([[9]])")


@pytest.mark.exercise("cholesky")
def test_cholesky_rejects_matrices_that_are_not_positive_definite(learner):
    cases = {
        "[[1, 2], [2, 1]] (eigenvalues 3 and -1)": np.array([[1.0, 2.0], [2.0, 1.0]]),
        "[[1, 1], [1, 1]] (singular: its second pivot is exactly 0)": np.array([[1.0, 1.0], [1.0, 1.0]]),
        "[[-4]]": np.array([[-4.0]]),
    }
    for name, A in cases.items():
        expect_raises(ValueError, lambda A=A: learner.cholesky(A), f"cholesky of {name}")


@pytest.mark.exercise("cholesky")
def test_cholesky_rejects_non_symmetric_matrices(learner):
    expect_raises(ValueError, lambda: learner.cholesky(np.array([[4.0, 1.0], [3.0, 5.0]])),
                  "cholesky of the non-symmetric [[4, 1], [3, 5]]")


# =============================================================================================
# 8. gram_schmidt_qr
# =============================================================================================
NO_QR = _existing("numpy.linalg.qr", "scipy.linalg.qr", "numpy.linalg.svd", "scipy.linalg.svd",
                  "numpy.linalg.cholesky", "scipy.linalg.cholesky")


@pytest.mark.exercise("gram_schmidt_qr")
def test_qr_docstring_example(learner):
    Q, R = _pair(learner.gram_schmidt_qr(np.array([[3.0, 0.0], [4.0, 5.0]])), "gram_schmidt_qr")
    expect_close(Q, [[0.6, -0.8], [0.8, 0.6]], "Q of gram_schmidt_qr([[3, 0], [4, 5]])")
    expect_close(R, [[5.0, 4.0], [0.0, 3.0]], "R of gram_schmidt_qr([[3, 0], [4, 5]])")


@pytest.mark.exercise("gram_schmidt_qr")
def test_qr_shapes_and_properties(learner):
    A = _rng(70).standard_normal((7, 4))
    with forbid(learner, *NO_QR, reason="orthogonalize with Gram-Schmidt"):
        result = learner.gram_schmidt_qr(A)
    expect(isinstance(result, tuple) and len(result) == 2, "gram_schmidt_qr must return a tuple (Q, R)")
    Q, R = result
    expect_shape(Q, (7, 4), "Q for A of shape (7, 4) (thin QR: Q has A's shape)")
    expect_shape(R, (4, 4), "R for A of shape (7, 4)")
    expect_close(Q.T @ Q, np.eye(4), "Q.T @ Q (the columns of Q must be orthonormal)", atol=1e-10)
    expect_close(np.tril(R, -1), np.zeros((4, 4)), "entries below the diagonal of R (R must be upper triangular)",
                 atol=1e-12)
    expect(bool(np.all(np.diag(R) > 0)), f"the diagonal of R must be positive, got {np.round(np.diag(R), 4)}")
    expect_close(Q @ R, A, "Q @ R (must give back A)", rtol=1e-10, atol=1e-10)


@pytest.mark.exercise("gram_schmidt_qr")
def test_qr_matches_numpy_up_to_signs(learner):
    A = _rng(71).standard_normal((6, 3))
    Qn, Rn = np.linalg.qr(A)
    signs = np.sign(np.diag(Rn))  # numpy does not fix the signs; with diag(R) > 0 QR is unique
    Q, R = _pair(learner.gram_schmidt_qr(A), "gram_schmidt_qr")
    expect_shape(Q, (6, 3), "Q for A of shape (6, 3)")
    expect_shape(R, (3, 3), "R for A of shape (6, 3)")
    expect_close(Q, Qn * signs, "Q compared with np.linalg.qr (signs fixed so that diag(R) > 0)", atol=1e-10)
    expect_close(R, Rn * signs[:, None], "R compared with np.linalg.qr (signs fixed so that diag(R) > 0)",
                 atol=1e-10)


@pytest.mark.exercise("gram_schmidt_qr")
def test_qr_stays_orthogonal_on_an_ill_conditioned_matrix(learner):
    # cond(A) = 1e7. Classical Gram-Schmidt loses orthogonality like cond^2 * eps (about 1e-3
    # here); the modified version like cond * eps (about 1e-10).
    rng = _rng(1)
    U, _ = np.linalg.qr(rng.standard_normal((30, 8)))
    V, _ = np.linalg.qr(rng.standard_normal((8, 8)))
    A = U @ np.diag(np.logspace(0, -7, 8)) @ V.T
    Q, R = _pair(learner.gram_schmidt_qr(A), "gram_schmidt_qr")
    expect_shape(Q, (30, 8), "Q for A of shape (30, 8)")
    expect_shape(R, (8, 8), "R for A of shape (30, 8)")
    worst = float(np.abs(Q.T @ Q - np.eye(8)).max())
    expect(worst <= 1e-7,
           f"on a (30, 8) matrix with condition number 1e7, max |Q.T @ Q - I| should be <= 1e-7, got {worst:.2e}: "
           "use modified Gram-Schmidt (project the running remainder, not the original column)")
    expect_close(Q @ R, A, "Q @ R on the ill-conditioned matrix", atol=1e-12)


@pytest.mark.exercise("gram_schmidt_qr")
def test_qr_rejects_dependent_columns(learner):
    a = np.array([1.0, 2.0, 3.0, 4.0])
    A = np.column_stack([a, np.array([0.0, 1.0, 0.0, 1.0]), 2 * a])
    expect_raises(ValueError, lambda: learner.gram_schmidt_qr(A),
                  "gram_schmidt_qr of a (4, 3) matrix whose third column is twice the first")
    expect_raises(ValueError, lambda: learner.gram_schmidt_qr(_rng(72).standard_normal((2, 3))),
                  "gram_schmidt_qr of a wide (2, 3) matrix (3 vectors in R^2 cannot be independent)")


# =============================================================================================
# 9. project_onto_subspace
# =============================================================================================
NO_PROJECT = _existing("numpy.linalg.lstsq", "numpy.linalg.pinv", "numpy.linalg.inv", "scipy.linalg.lstsq",
                       "scipy.linalg.pinv", "scipy.linalg.inv", "scipy.linalg.orth")


def _reference_projection(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    return A @ np.linalg.lstsq(A, b, rcond=None)[0]


@pytest.mark.exercise("project_onto_subspace")
def test_projection_docstring_example(learner):
    A = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    got = learner.project_onto_subspace(A, np.array([3.0, 4.0, 5.0]))
    expect_close(got, [3.0, 4.0, 0.0], "projection of [3, 4, 5] onto the xy-plane")


@pytest.mark.exercise("project_onto_subspace")
def test_projection_with_non_orthonormal_columns(learner):
    rng = _rng(80)
    A = rng.standard_normal((6, 2)) * np.array([3.0, 0.5])  # columns neither unit nor orthogonal
    b = rng.standard_normal(6)
    expected = _reference_projection(A, b)
    with forbid(learner, *NO_PROJECT, reason="derive the projection from the normal equations"):
        got = learner.project_onto_subspace(A, b)
    expect_shape(got, (6,), "project_onto_subspace(A, b) for A (6, 2), b (6,): return the projection p, "
                            "a vector like b, not the 2 coefficients")
    expect_close(got, expected, "projection onto the span of 2 non-orthonormal columns (A A^T b is only right "
                                "for orthonormal columns)", rtol=1e-9, atol=1e-10)


@pytest.mark.exercise("project_onto_subspace")
def test_projection_residual_is_orthogonal_and_idempotent(learner):
    rng = _rng(81)
    A, b = rng.standard_normal((5, 3)), rng.standard_normal(5)
    p = learner.project_onto_subspace(A, b)
    expect_shape(p, (5,), "project_onto_subspace(A, b) for A (5, 3), b (5,): return the projection p, not the "
                          "coefficients")
    expect_close(A.T @ (b - p), np.zeros(3), "A.T @ (b - p): the residual must be orthogonal to every column",
                 atol=1e-9)
    expect_close(learner.project_onto_subspace(A, p), p, "projecting the projection again (P^2 = P)", atol=1e-9)
    inside = A @ np.array([1.0, -2.0, 0.5])
    expect_close(learner.project_onto_subspace(A, inside), inside,
                 "projection of a vector already in the column space (must come back unchanged)", atol=1e-9)


@pytest.mark.exercise("project_onto_subspace")
def test_projection_of_several_vectors(learner):
    rng = _rng(82)
    A, B = rng.standard_normal((7, 3)), rng.standard_normal((7, 4))
    got = learner.project_onto_subspace(A, B)
    expect_shape(got, (7, 4), "project_onto_subspace(A, B) for A (7, 3) and 4 vectors B (7, 4)")
    expect_close(got, _reference_projection(A, B), "projection of 4 vectors given as columns", rtol=1e-9, atol=1e-10)


@pytest.mark.exercise("project_onto_subspace")
def test_projection_onto_a_line(learner):
    a = np.array([[1.0], [2.0], [2.0]])
    got = learner.project_onto_subspace(a, np.array([3.0, 0.0, 3.0]))
    # (a . b / a . a) a = (9 / 9) a
    expect_close(got, [1.0, 2.0, 2.0], "projection of [3, 0, 3] onto the line through [1, 2, 2]")


# =============================================================================================
# 10. least_squares_normal
# =============================================================================================
NO_LSTSQ_NORMAL = SOLVERS + _existing("numpy.linalg.svd", "numpy.linalg.qr", "scipy.linalg.svd", "scipy.linalg.qr")


@pytest.fixture(scope="module")
def regression_data():
    """A noisy regression problem with correlated, shifted features, and its reference fit.

    The reference appends a column of ones to X and solves with np.linalg.lstsq (QR/SVD based);
    that is exactly what scikit-learn's LinearRegression computes.
    """
    rng = _rng(93)
    Z = rng.standard_normal((300, 6))
    X = Z @ (np.eye(6) + 0.3 * rng.standard_normal((6, 6))) + rng.uniform(-3, 3, size=6)
    y = X @ rng.standard_normal(6) - 7.0 + 0.5 * rng.standard_normal(300)
    solution = np.linalg.lstsq(np.column_stack([X, np.ones(len(X))]), y, rcond=None)[0]
    return X, y, solution[:-1], float(solution[-1])


@pytest.mark.exercise("least_squares_normal")
def test_normal_docstring_example(learner):
    result = learner.least_squares_normal(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))
    w, b = _pair(result, "least_squares_normal")
    expect_close(w, [2.0], "w for the points (0, 1), (1, 3), (2, 5)")
    expect_close(b, 1.0, "b for the points (0, 1), (1, 3), (2, 5)")


@pytest.mark.exercise("least_squares_normal")
def test_normal_matches_reference_fit(learner, regression_data):
    X, y, coef, intercept = regression_data
    with forbid(learner, *NO_LSTSQ_NORMAL, reason="solve the normal equations yourself (Cholesky + substitution)"):
        w, b = _pair(learner.least_squares_normal(X, y), "least_squares_normal")
    expect_shape(w, (6,), "w for X of shape (300, 6)")
    expect_close(w, coef, "w on a noisy (300, 6) regression problem, compared with np.linalg.lstsq on [X, 1] "
                          "(what sklearn's LinearRegression computes)", rtol=1e-7, atol=1e-9)
    expect_close(b, intercept, "intercept b on a noisy (300, 6) regression problem, compared with np.linalg.lstsq "
                               "on [X, 1]", rtol=1e-7, atol=1e-9)


@pytest.mark.exercise("least_squares_normal")
def test_normal_recovers_exact_weights_and_intercept(learner):
    rng = _rng(90)
    X = rng.standard_normal((40, 3)) + 5.0  # features far from zero: a missing intercept shows
    true_w = np.array([2.0, -1.0, 0.5])
    y = X @ true_w + 3.5
    w, b = _pair(learner.least_squares_normal(X, y), "least_squares_normal")
    expect_close(w, true_w, "w on noise-free data y = X @ [2, -1, 0.5] + 3.5", atol=1e-8)
    expect_close(b, 3.5, "b on noise-free data y = X @ [2, -1, 0.5] + 3.5", atol=1e-7)
    expect(np.ndim(b) == 0, f"b must be a single number, got an array of shape {np.shape(b)}")


@pytest.mark.exercise("least_squares_normal")
def test_normal_without_intercept(learner):
    rng = _rng(91)
    X = rng.standard_normal((30, 2)) + 1.0
    y = X @ np.array([1.5, -0.5]) + 2.0 + 0.1 * rng.standard_normal(30)
    expected = np.linalg.lstsq(X, y, rcond=None)[0]
    w, b = _pair(learner.least_squares_normal(X, y, fit_intercept=False), "least_squares_normal")
    expect_close(w, expected, "w with fit_intercept=False (no bias column), compared with np.linalg.lstsq",
                 rtol=1e-8, atol=1e-10)
    expect_close(b, 0.0, "b with fit_intercept=False")


@pytest.mark.exercise("least_squares_normal")
def test_normal_residual_is_orthogonal_to_the_features(learner):
    rng = _rng(92)
    X = rng.standard_normal((25, 4))
    y = rng.standard_normal(25)
    w, b = _pair(learner.least_squares_normal(X, y), "least_squares_normal")
    expect_shape(w, (4,), "w for X of shape (25, 4)")
    r = y - X @ w - b
    expect_close(X.T @ r, np.zeros(4), "X.T @ residual at the least-squares solution (the normal equations)",
                 atol=1e-9)
    expect_close(r.sum(), 0.0, "sum of the residuals with an intercept", atol=1e-9)


# =============================================================================================
# 11. least_squares_svd
# =============================================================================================
NO_LSTSQ_SVD = SOLVERS


def _reference_min_norm(X: np.ndarray, y: np.ndarray, rcond: float = 1e-10) -> np.ndarray:
    # lstsq treats singular values <= rcond * s_max as zero: the exercise's definition.
    return np.linalg.lstsq(X, y, rcond=rcond)[0]


@pytest.mark.exercise("least_squares_svd")
def test_svd_docstring_example(learner):
    got = learner.least_squares_svd(np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([2.0, 2.0]))
    expect_close(got, [1.0, 1.0], "least_squares_svd([[1, 1], [1, 1]], [2, 2]) (the minimum-norm solution)")


@pytest.mark.exercise("least_squares_svd")
def test_svd_full_rank_matches_lstsq(learner):
    rng = _rng(100)
    X, y = rng.standard_normal((20, 4)), rng.standard_normal(20)
    expected = _reference_min_norm(X, y)
    with forbid(learner, *NO_LSTSQ_SVD, reason="build the pseudo-inverse from the SVD"):
        got = learner.least_squares_svd(X, y)
    expect_shape(got, (4,), "least_squares_svd(X, y) for X (20, 4), y (20,)")
    expect_close(got, expected, "least_squares_svd on a full-rank (20, 4) X, compared with np.linalg.lstsq",
                 rtol=1e-9, atol=1e-10)


@pytest.mark.exercise("least_squares_svd")
def test_svd_rank_deficient_gives_minimum_norm(learner):
    rng = _rng(101)
    x = rng.standard_normal(15)
    X = np.column_stack([x, x, rng.standard_normal(15)])  # first two columns identical
    y = rng.standard_normal(15)
    expected = _reference_min_norm(X, y)
    got = learner.least_squares_svd(X, y)
    expect_close(got, expected, "least_squares_svd with two identical columns (minimum-norm solution: the "
                                "weight is split equally between them)", rtol=1e-8, atol=1e-9)


@pytest.mark.exercise("least_squares_svd")
def test_svd_underdetermined_wide_system(learner):
    rng = _rng(102)
    X, y = rng.standard_normal((3, 6)), rng.standard_normal(3)
    got = learner.least_squares_svd(X, y)
    expect_shape(got, (6,), "least_squares_svd for a wide X (3, 6)")
    expect_close(X @ got, y, "X @ w for a wide (3, 6) X (it can fit y exactly)", atol=1e-9)
    expect_close(got, _reference_min_norm(X, y), "least_squares_svd for a wide X: the minimum-norm solution",
                 rtol=1e-8, atol=1e-9)


@pytest.mark.exercise("least_squares_svd")
def test_svd_several_targets(learner):
    rng = _rng(103)
    X, Y = rng.standard_normal((12, 3)), rng.standard_normal((12, 2))
    got = learner.least_squares_svd(X, Y)
    expect_shape(got, (3, 2), "least_squares_svd(X, Y) for X (12, 3) and 2 targets Y (12, 2)")
    expect_close(got, _reference_min_norm(X, Y), "least_squares_svd with 2 target columns", rtol=1e-9, atol=1e-10)


@pytest.mark.exercise("least_squares_svd")
def test_svd_relative_cutoff_of_small_singular_values(learner):
    U = _orthogonal(4, 104)[:, :2]
    V = _orthogonal(2, 105)
    y = np.array([1.0, -2.0, 0.5, 3.0])
    tiny = U @ np.diag([1.0, 1e-13]) @ V.T     # second singular value is rounding noise
    expect_close(learner.least_squares_svd(tiny, y), _reference_min_norm(tiny, y),
                 "least_squares_svd when one singular value is 1e-13 times the largest (it must be dropped, "
                 "not inverted)", rtol=1e-7, atol=1e-8)
    small = 1e-12 * (U @ np.diag([1.0, 0.5]) @ V.T)  # small but well-conditioned: keep both
    expect_close(learner.least_squares_svd(small, y), _reference_min_norm(small, y),
                 "least_squares_svd for 1e-12 * (a well-conditioned matrix): the cut-off is rcond * max(s), "
                 "not an absolute threshold", rtol=1e-7)
    expect_close(learner.least_squares_svd(np.zeros((4, 2)), y), np.zeros(2), "least_squares_svd of an all-zero X")


# =============================================================================================
# 12. low_rank_approximation
# =============================================================================================
def _reference_low_rank(A: np.ndarray, k: int) -> np.ndarray:
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k]


@pytest.mark.exercise("low_rank_approximation")
def test_low_rank_docstring_example(learner):
    got = learner.low_rank_approximation(np.array([[3.0, 0.0], [0.0, 1.0]]), 1)
    expect_close(got, [[3.0, 0.0], [0.0, 0.0]], "low_rank_approximation(diag(3, 1), k=1)")


@pytest.mark.exercise("low_rank_approximation")
def test_low_rank_matches_truncated_svd(learner):
    rng = _rng(110)
    for shape, k in [((6, 4), 2), ((3, 7), 1), ((5, 5), 3)]:
        A = rng.standard_normal(shape)
        got = learner.low_rank_approximation(A, k)
        expect_shape(got, shape, f"low_rank_approximation(A, {k}) for A of shape {shape}")
        expect_close(got, _reference_low_rank(A, k),
                     f"low_rank_approximation(A, {k}) for A {shape}: keep the {k} LARGEST singular values",
                     rtol=1e-9, atol=1e-10)


@pytest.mark.exercise("low_rank_approximation")
def test_low_rank_error_and_rank(learner):
    A = _rng(111).standard_normal((8, 5))
    s = np.linalg.svd(A, compute_uv=False)
    for k in (1, 2, 4):
        Ak = learner.low_rank_approximation(A, k)
        expect_equal(int(np.linalg.matrix_rank(Ak)), k, f"rank of low_rank_approximation(A, {k})")
        expect_close(np.linalg.norm(A - Ak), np.sqrt(np.sum(s[k:] ** 2)),
                     f"||A - A_{k}||_F (Eckart-Young: sqrt of the sum of the discarded s_i^2)", rtol=1e-9)


@pytest.mark.exercise("low_rank_approximation")
def test_low_rank_extreme_k(learner):
    A = _rng(112).standard_normal((4, 3))
    expect_close(learner.low_rank_approximation(A, 0), np.zeros((4, 3)), "low_rank_approximation(A, 0) (zero matrix)")
    expect_close(learner.low_rank_approximation(A, 3), A, "low_rank_approximation(A, 3) for A (4, 3) (A itself)",
                 atol=1e-12)


@pytest.mark.exercise("low_rank_approximation")
def test_low_rank_invalid_k_raises(learner):
    A = np.ones((4, 3))
    expect_raises(ValueError, lambda: learner.low_rank_approximation(A, 4), "low_rank_approximation(A, 4) for A (4, 3)")
    expect_raises(ValueError, lambda: learner.low_rank_approximation(A, -1), "low_rank_approximation(A, -1)")


# =============================================================================================
# 13. sym_matrix_power
# =============================================================================================
NO_MATRIX_FUNCTIONS = _existing(
    "numpy.linalg.matrix_power", "numpy.linalg.inv", "numpy.linalg.pinv", "numpy.linalg.solve",
    "scipy.linalg.sqrtm", "scipy.linalg.fractional_matrix_power", "scipy.linalg.funm", "scipy.linalg.inv",
    "scipy.linalg.pinv", "scipy.linalg.solve",
)


@pytest.mark.exercise("sym_matrix_power")
def test_power_docstring_example(learner):
    got = learner.sym_matrix_power(np.array([[4.0, 0.0], [0.0, 9.0]]), 0.5)
    expect_close(got, [[2.0, 0.0], [0.0, 3.0]], "sym_matrix_power(diag(4, 9), 0.5)")


@pytest.mark.exercise("sym_matrix_power")
def test_power_square_root_matches_scipy(learner):
    A = _spd(5, 120)
    expected = np.real(scipy.linalg.sqrtm(A))
    with forbid(learner, *NO_MATRIX_FUNCTIONS, reason="diagonalize with np.linalg.eigh"):
        S = learner.sym_matrix_power(A, 0.5)
    expect_shape(S, (5, 5), "sym_matrix_power(A, 0.5) for a 5 x 5 A")
    expect_close(S, expected, "sym_matrix_power(A, 0.5) for a 5 x 5 SPD A, compared with scipy.linalg.sqrtm "
                              "(the matrix S with S @ S = A, not the elementwise A ** 0.5)", rtol=1e-8, atol=1e-10)
    expect_close(S @ S, A, "S @ S for S = sym_matrix_power(A, 0.5)", rtol=1e-9, atol=1e-9)
    expect_close(S, S.T, "sym_matrix_power(A, 0.5) must be symmetric", atol=1e-10)


@pytest.mark.exercise("sym_matrix_power")
def test_power_integer_and_inverse(learner):
    A = _spd(4, 121)
    expect_close(learner.sym_matrix_power(A, 3), A @ A @ A, "sym_matrix_power(A, 3) compared with A @ A @ A",
                 rtol=1e-9)
    expect_close(learner.sym_matrix_power(A, -1), np.linalg.inv(A), "sym_matrix_power(A, -1) compared with "
                 "np.linalg.inv(A)", rtol=1e-9, atol=1e-12)
    expect_close(learner.sym_matrix_power(A, 0), np.eye(4), "sym_matrix_power(A, 0) (the identity)", atol=1e-10)


@pytest.mark.exercise("sym_matrix_power")
def test_power_square_root_of_a_singular_psd_matrix(learner):
    B = _rng(122).standard_normal((5, 2))
    A = B @ B.T  # rank 2: three eigenvalues are 0 up to rounding (some slightly negative)
    S = learner.sym_matrix_power(A, 0.5)
    expect_shape(S, (5, 5), "sym_matrix_power(A, 0.5) for a 5 x 5 A")
    expect(not np.isnan(np.asarray(S, dtype=float)).any(),
           "sym_matrix_power(A, 0.5) for a singular PSD A returned NaN: eigenvalues within tol of 0 must be "
           "treated as exactly 0")
    expect_close(S @ S, A, "S @ S for the square root of a rank-2 PSD 5 x 5 matrix", atol=1e-8)


@pytest.mark.exercise("sym_matrix_power")
def test_power_rejects_invalid_inputs(learner):
    expect_raises(ValueError, lambda: learner.sym_matrix_power(np.array([[2.0, 1.0], [0.0, 2.0]]), 0.5),
                  "sym_matrix_power of the non-symmetric [[2, 1], [0, 2]]")
    expect_raises(ValueError, lambda: learner.sym_matrix_power(np.array([[1.0, 2.0], [2.0, 1.0]]), 0.5),
                  "sym_matrix_power of [[1, 2], [2, 1]] (eigenvalue -1: not positive semi-definite)")
    expect_raises(ValueError, lambda: learner.sym_matrix_power(np.array([[1.0, 1.0], [1.0, 1.0]]), -1),
                  "sym_matrix_power([[1, 1], [1, 1]], -1) (singular: no inverse)")


# =============================================================================================
# 14. power_iteration
# =============================================================================================
NO_EIGEN = _existing(
    "numpy.linalg.eig", "numpy.linalg.eigh", "numpy.linalg.eigvals", "numpy.linalg.eigvalsh", "numpy.linalg.svd",
    "scipy.linalg.eig", "scipy.linalg.eigh", "scipy.linalg.eigvals", "scipy.linalg.eigvalsh", "scipy.linalg.svd",
    "scipy.sparse.linalg.eigs", "scipy.sparse.linalg.eigsh", "scipy.sparse.linalg.svds",
)


def _check_eigenpair(learner_result, A, lam_true, v_true, what):
    expect(isinstance(learner_result, tuple) and len(learner_result) == 2,
           f"{what}: must return a tuple (eigenvalue, eigenvector), got {type(learner_result).__name__}")
    lam, v = learner_result
    v = np.asarray(v, dtype=float)
    expect(np.ndim(lam) == 0, f"{what}: the eigenvalue must be a single number, got shape {np.shape(lam)}")
    expect_shape(v, (A.shape[0],), f"{what}: the eigenvector")
    expect_close(lam, lam_true, f"{what}: the dominant eigenvalue (with its sign)", rtol=1e-7, atol=1e-9)
    expect_close(np.linalg.norm(v), 1.0, f"{what}: the norm of the returned eigenvector (must be unit length)",
                 rtol=1e-8)
    alignment = _unit_alignment(v, v_true)
    expect(alignment > 1 - 1e-6,
           f"{what}: the returned vector is not along the dominant eigenvector (|cos angle| = {alignment:.6f})")


@pytest.mark.exercise("power_iteration")
def test_power_iteration_docstring_example(learner):
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    _check_eigenpair(learner.power_iteration(A), A, 3.0, np.array([1.0, 1.0]), "power_iteration([[2, 1], [1, 2]])")


@pytest.mark.exercise("power_iteration")
def test_power_iteration_symmetric_matrix(learner):
    A = _with_spectrum([10.0, 5.0, 3.0, 1.0, 0.5], 130)
    lam_all, vecs = np.linalg.eigh(A)
    with forbid(learner, *NO_EIGEN, reason="find the eigenpair by power iteration"):
        result = learner.power_iteration(A)
    _check_eigenpair(result, A, lam_all[-1], vecs[:, -1], "power_iteration on a 5 x 5 symmetric A with spectrum "
                                                          "10, 5, 3, 1, 0.5")


@pytest.mark.exercise("power_iteration")
def test_power_iteration_negative_dominant_eigenvalue(learner):
    A = _with_spectrum([-6.0, 3.0, 1.0, 0.5], 131)
    lam_all, vecs = np.linalg.eigh(A)
    with forbid(learner, *NO_EIGEN, reason="find the eigenpair by power iteration"):
        result = learner.power_iteration(A)
    _check_eigenpair(result, A, -6.0, vecs[:, 0], "power_iteration on a symmetric A with eigenvalues -6, 3, 1, 0.5 "
                                                  "(use the Rayleigh quotient v.(A v), not ||A v||, to keep the sign)")


@pytest.mark.exercise("power_iteration")
def test_power_iteration_non_symmetric_matrix(learner):
    rng = _rng(132)
    V = rng.standard_normal((4, 4)) + 3 * np.eye(4)
    A = V @ np.diag([4.0, 2.0, 1.0, -0.5]) @ np.linalg.inv(V)
    with forbid(learner, *NO_EIGEN, reason="find the eigenpair by power iteration"):
        result = learner.power_iteration(A)
    _check_eigenpair(result, A, 4.0, V[:, 0], "power_iteration on a non-symmetric 4 x 4 A with eigenvalues "
                                              "4, 2, 1, -0.5")
    lam, v = result
    v = np.asarray(v, dtype=float)
    expect_close(A @ v, lam * v, "A @ v compared with lam * v (the residual of the eigenpair)", atol=1e-7)


@pytest.mark.exercise("power_iteration")
def test_power_iteration_is_deterministic_and_handles_edge_cases(learner):
    A = _with_spectrum([4.0, 1.0, 0.5], 133)
    lam1, v1 = _pair(learner.power_iteration(A, seed=7), "power_iteration")
    lam2, v2 = _pair(learner.power_iteration(A, seed=7), "power_iteration")
    expect(float(lam1) == float(lam2) and np.array_equal(np.asarray(v1), np.asarray(v2)),
           "power_iteration(A, seed=7) called twice gave different results: start from "
           "np.random.default_rng(seed), not from the global random state")
    _check_eigenpair(learner.power_iteration(np.array([[-3.0]])), np.array([[-3.0]]), -3.0, np.array([1.0]),
                     "power_iteration([[-3]])")
    lam0, v0 = _pair(learner.power_iteration(np.zeros((3, 3))), "power_iteration")
    expect_close(lam0, 0.0, "the eigenvalue returned for the zero matrix")
    expect_close(np.linalg.norm(np.asarray(v0, dtype=float)), 1.0,
                 "the norm of the vector returned for the zero matrix (unit length, no NaN)")


@pytest.mark.exercise("power_iteration")
def test_power_iteration_rejects_non_square(learner):
    expect_raises(ValueError, lambda: learner.power_iteration(np.ones((2, 3))), "power_iteration of a (2, 3) matrix")
