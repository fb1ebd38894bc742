"""Module 01 - Linear algebra: exercises.

Fourteen exercises, from easy to hard. Each one is a function whose docstring states the task,
the shapes of its inputs and outputs, a small example and the rules (which library routines are
off limits because the point is to write the algorithm yourself).

How to work:

1. Read the section of ``theory.md`` that the docstring names (``Theory: ...``).
2. Replace the ``# TODO`` and the ``raise NotImplementedError(...)`` line with your code.
3. Grade yourself as often as you like::

       uv run mlm check 01                       # every exercise
       uv run mlm hint 01 gram_schmidt_qr        # one more hint each time you ask

Keep the names and signatures unchanged: the grader calls them. Everything here is NumPy only;
``A @ B`` is allowed everywhere except in ``matmul_loops``, and each docstring lists the library
routines you may not call in that exercise.
"""
from __future__ import annotations

import numpy as np


# ---------------------------------------------------------------------------------------------
# 1. Matrix multiplication with loops
# ---------------------------------------------------------------------------------------------
def matmul_loops(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Multiply two matrices with explicit Python loops.

    Compute ``C = A B`` where ``C[i, j] = sum_k A[i, k] * B[k, j]``. This is the definition of
    the matrix product written out; it is slow, and that is the point: you will compare it with
    the vectorized ``A @ B`` in ``examples.py``.

    Theory: ``theory.md``, section 2.

    Parameters
    ----------
    A : np.ndarray, shape (m, n)
    B : np.ndarray, shape (n, p)

    Returns
    -------
    np.ndarray, shape (m, p), dtype float64
        The product ``A B``.

    Raises
    ------
    ValueError
        If ``A`` or ``B`` is not 2-D, or the inner dimensions differ (``A.shape[1] != B.shape[0]``).

    Examples
    --------
    >>> matmul_loops(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]]))
    array([[19., 22.],
           [43., 50.]])

    Rules
    -----
    Three nested Python loops over scalars. Do not use ``@``, ``.dot``, ``np.dot``,
    ``np.matmul``, ``np.einsum``, ``np.tensordot``, ``np.inner`` or ``np.outer``.
    """
    # TODO: your code here
    raise NotImplementedError("matmul_loops")


# ---------------------------------------------------------------------------------------------
# 2. A dense (fully connected) layer, vectorized
# ---------------------------------------------------------------------------------------------
def linear_layer(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Apply a dense layer ``y = x W^T + b`` to a whole batch at once.

    This is what ``torch.nn.Linear`` computes. The weight matrix follows PyTorch's convention:
    one *row* per output unit, so ``W`` has shape ``(d_out, d_in)``.

    Theory: ``theory.md``, section 2.

    Parameters
    ----------
    X : np.ndarray, shape (n, d_in) or (d_in,)
        A batch of ``n`` input rows, or a single input vector.
    W : np.ndarray, shape (d_out, d_in)
        Weights, one row per output unit.
    b : np.ndarray, shape (d_out,)
        Bias, added to every output row.

    Returns
    -------
    np.ndarray, shape (n, d_out), or (d_out,) when ``X`` is a single vector.

    Raises
    ------
    ValueError
        If the feature dimension of ``X`` does not match ``W.shape[1]``.

    Examples
    --------
    >>> X = np.array([[1.0, 2.0]])
    >>> W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> linear_layer(X, W, np.array([0.0, 0.0, 10.0]))
    array([[ 1.,  2., 13.]])

    Rules
    -----
    No Python loops: one matrix product and one broadcast addition (``@`` is allowed here).
    """
    # TODO: your code here
    raise NotImplementedError("linear_layer")


# ---------------------------------------------------------------------------------------------
# 3. Vector norms
# ---------------------------------------------------------------------------------------------
def vector_norm(x: np.ndarray, p: float = 2.0) -> float:
    """The L_p norm of a vector, for ``p >= 1`` or ``p = inf``.

    ``||x||_p = (sum_i |x_i|^p)^(1/p)`` and ``||x||_inf = max_i |x_i|``. ``p = 1`` is the
    "Manhattan" norm, ``p = 2`` the Euclidean length.

    Theory: ``theory.md``, section 5.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The vector (``n`` may be 0: the norm of the empty vector is 0.0).
    p : float, default 2.0
        The order: any real ``p >= 1``, or ``np.inf``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``p < 1`` (the formula is then not a norm: the triangle inequality fails).

    Examples
    --------
    >>> vector_norm(np.array([3.0, -4.0]))
    5.0
    >>> vector_norm(np.array([3.0, -4.0]), p=1)
    7.0
    >>> vector_norm(np.array([3.0, -4.0]), p=np.inf)
    4.0

    Rules
    -----
    NumPy only: do not call ``np.linalg.norm`` or ``scipy.linalg.norm``.
    """
    # TODO: your code here
    raise NotImplementedError("vector_norm")


# ---------------------------------------------------------------------------------------------
# 4. Triangular systems: forward and back substitution
# ---------------------------------------------------------------------------------------------
def solve_triangular(T: np.ndarray, b: np.ndarray, lower: bool = True) -> np.ndarray:
    """Solve ``T x = b`` for a triangular matrix ``T`` by substitution.

    Lower triangular: forward substitution,
    ``x_i = (b_i - sum_{j<i} T_ij x_j) / T_ii`` for ``i = 0, 1, ..., n-1``.
    Upper triangular: back substitution, the same formula with ``j > i``, for
    ``i = n-1, ..., 0``.

    Only the relevant triangle of ``T`` is read: with ``lower=True`` the entries above the
    diagonal are ignored (treated as zero), with ``lower=False`` those below it are.

    Theory: ``theory.md``, section 6.

    Parameters
    ----------
    T : np.ndarray, shape (n, n)
        Triangular matrix with a non-zero diagonal.
    b : np.ndarray, shape (n,) or (n, k)
        Right-hand side; with ``k`` columns, solve the ``k`` systems at once.
    lower : bool, default True
        ``True`` if ``T`` is lower triangular, ``False`` if upper triangular.

    Returns
    -------
    np.ndarray, same shape as ``b``, dtype float64

    Raises
    ------
    ValueError
        If ``T`` is not square, ``b`` does not have ``n`` rows, or a diagonal entry is 0.

    Examples
    --------
    >>> solve_triangular(np.array([[2.0, 0.0], [1.0, 1.0]]), np.array([4.0, 3.0]))
    array([2., 1.])

    Rules
    -----
    NumPy only: do not call ``np.linalg.solve``, ``np.linalg.inv``, ``np.linalg.lstsq``,
    ``np.linalg.pinv`` or anything from ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("solve_triangular")


# ---------------------------------------------------------------------------------------------
# 5. Determinant by Gaussian elimination
# ---------------------------------------------------------------------------------------------
def determinant(A: np.ndarray) -> float:
    """The determinant of a square matrix, by Gaussian elimination with partial pivoting.

    Reduce ``A`` to an upper-triangular ``U`` with row operations. Adding a multiple of one row
    to another leaves the determinant unchanged; swapping two rows flips its sign. Then
    ``det(A) = (-1)^(number of swaps) * prod(diag(U))``.

    Theory: ``theory.md``, sections 3 and 6.

    Parameters
    ----------
    A : np.ndarray, shape (n, n)

    Returns
    -------
    float
        ``det(A)``; 0.0 when a column has no non-zero pivot; 1.0 for the empty 0 x 0 matrix.

    Raises
    ------
    ValueError
        If ``A`` is not square.

    Examples
    --------
    >>> determinant(np.array([[2.0, 1.0], [1.0, 3.0]]))
    5.0
    >>> determinant(np.array([[0.0, 1.0], [1.0, 0.0]]))
    -1.0

    Rules
    -----
    NumPy only, O(n^3) (it must handle n = 60 in well under a second, so no cofactor
    expansion). Do not call ``np.linalg.det``, ``np.linalg.slogdet``, ``np.linalg.eig``,
    ``np.linalg.eigvals``, ``np.linalg.svd``, ``np.linalg.qr`` or ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("determinant")


# ---------------------------------------------------------------------------------------------
# 6. Rank by row reduction
# ---------------------------------------------------------------------------------------------
def matrix_rank(A: np.ndarray, tol: float = 1e-10) -> int:
    """The rank of a matrix, by reducing it to row echelon form.

    Sweep the columns left to right. In each column, pick as pivot the remaining entry (at or
    below the current row) of largest absolute value; if that absolute value is
    ``<= tol * max|A|`` the column has no pivot and you move to the next column *without*
    advancing the row. Otherwise swap it up, eliminate below it, and advance to the next row.
    The rank is the number of pivots.

    Theory: ``theory.md``, section 4.

    Parameters
    ----------
    A : np.ndarray, shape (m, n)
        Any real matrix, tall, wide or empty.
    tol : float, default 1e-10
        Relative threshold: a candidate pivot counts as zero when
        ``|pivot| <= tol * max(abs(A))`` (``max`` over the original matrix).

    Returns
    -------
    int
        The number of linearly independent rows (= columns); 0 for a zero or empty matrix.

    Examples
    --------
    >>> matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]]))
    1
    >>> matrix_rank(np.eye(3))
    3

    Rules
    -----
    NumPy only: do not call ``np.linalg.matrix_rank``, ``np.linalg.svd``, ``np.linalg.qr``,
    ``np.linalg.eig*`` or anything from ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("matrix_rank")


# ---------------------------------------------------------------------------------------------
# 7. Cholesky factorization
# ---------------------------------------------------------------------------------------------
def cholesky(A: np.ndarray) -> np.ndarray:
    """The Cholesky factor of a symmetric positive-definite matrix: ``A = L L^T``.

    ``L`` is lower triangular with a positive diagonal. Column by column:

    ``L_jj = sqrt(A_jj - sum_{k<j} L_jk^2)`` and
    ``L_ij = (A_ij - sum_{k<j} L_ik L_jk) / L_jj`` for ``i > j``.

    Theory: ``theory.md``, section 6.

    Parameters
    ----------
    A : np.ndarray, shape (n, n)
        Symmetric (``np.allclose(A, A.T)``) and positive definite.

    Returns
    -------
    np.ndarray, shape (n, n)
        Lower-triangular ``L`` (exact zeros above the diagonal) with ``L @ L.T == A``.

    Raises
    ------
    ValueError
        If ``A`` is not square, not symmetric, or not positive definite (a pivot
        ``A_jj - sum_k L_jk^2`` is ``<= 0``).

    Examples
    --------
    >>> cholesky(np.array([[4.0, 2.0], [2.0, 3.0]]))
    array([[2.        , 0.        ],
           [1.        , 1.41421356]])

    Rules
    -----
    NumPy only: do not call ``np.linalg.cholesky``, ``scipy.linalg.cholesky`` or
    ``scipy.linalg.cho_factor``.
    """
    # TODO: your code here
    raise NotImplementedError("cholesky")


# ---------------------------------------------------------------------------------------------
# 8. QR by (modified) Gram-Schmidt
# ---------------------------------------------------------------------------------------------
def gram_schmidt_qr(A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The thin QR factorization ``A = Q R`` by Gram-Schmidt orthogonalization.

    Process the columns ``a_0, ..., a_{n-1}`` in order: remove from ``a_j`` its components
    along the already-built ``q_0, ..., q_{j-1}`` (these coefficients fill column ``j`` of
    ``R`` above the diagonal), then ``R_jj`` is the length of what remains and ``q_j`` is that
    remainder divided by its length.

    Use the *modified* variant: subtract each projection from the running remainder
    (``r_ij = q_i . v``, with ``v`` already reduced by ``q_0 .. q_{i-1}``) rather than from the
    original column. In exact arithmetic they agree; in floating point the modified version keeps
    ``Q`` orthogonal on ill-conditioned matrices, and the grader checks that.

    Theory: ``theory.md``, section 9.

    Parameters
    ----------
    A : np.ndarray, shape (m, n) with m >= n
        Columns linearly independent.

    Returns
    -------
    Q : np.ndarray, shape (m, n)
        Orthonormal columns: ``Q.T @ Q == I_n``.
    R : np.ndarray, shape (n, n)
        Upper triangular with a positive diagonal, ``Q @ R == A``.

    Raises
    ------
    ValueError
        If ``m < n``, or a column is (numerically) a combination of the previous ones: its
        remainder has norm ``<= 1e-10 * ||a_j||`` (or ``a_j`` is zero).

    Examples
    --------
    >>> Q, R = gram_schmidt_qr(np.array([[3.0, 0.0], [4.0, 5.0]]))
    >>> Q
    array([[ 0.6, -0.8],
           [ 0.8,  0.6]])
    >>> R
    array([[5., 4.],
           [0., 3.]])

    Rules
    -----
    NumPy only: do not call ``np.linalg.qr``, ``scipy.linalg.qr``, ``np.linalg.svd`` or
    ``np.linalg.cholesky``.
    """
    # TODO: your code here
    raise NotImplementedError("gram_schmidt_qr")


# ---------------------------------------------------------------------------------------------
# 9. Orthogonal projection onto a column space
# ---------------------------------------------------------------------------------------------
def project_onto_subspace(A: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Orthogonally project ``b`` onto the column space of ``A``.

    The projection is the vector ``p = A x_hat`` in the span of the columns of ``A`` that is
    closest to ``b``; the residual ``b - p`` is orthogonal to every column of ``A``. With
    ``A^T (b - A x_hat) = 0`` you get ``x_hat = (A^T A)^{-1} A^T b`` and
    ``p = A (A^T A)^{-1} A^T b``.

    Theory: ``theory.md``, section 7.

    Parameters
    ----------
    A : np.ndarray, shape (m, n)
        Its ``n`` columns (linearly independent) span the subspace; the columns need *not* be
        orthonormal.
    b : np.ndarray, shape (m,) or (m, k)
        One vector, or ``k`` vectors as columns, to project.

    Returns
    -------
    np.ndarray, same shape as ``b``
        The projection(s) ``p`` (not the coefficients ``x_hat``).

    Examples
    --------
    >>> A = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    >>> project_onto_subspace(A, np.array([3.0, 4.0, 5.0]))
    array([3., 4., 0.])

    Rules
    -----
    NumPy only. You may use ``np.linalg.solve`` (or your own ``cholesky``/``gram_schmidt_qr``);
    do not call ``np.linalg.lstsq``, ``np.linalg.pinv``, ``np.linalg.inv`` or
    ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("project_onto_subspace")


# ---------------------------------------------------------------------------------------------
# 10. Least squares through the normal equations
# ---------------------------------------------------------------------------------------------
def least_squares_normal(X: np.ndarray, y: np.ndarray,
                         fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    """Fit linear regression ``y ~ X w + b`` by solving the normal equations.

    Minimize ``||y - X w - b||^2``. Setting the gradient to zero gives the normal equations
    ``X^T X w = X^T y`` (with a column of ones appended to ``X`` for the intercept, or
    equivalently with centred ``X`` and ``y``). ``X^T X`` is symmetric positive definite when
    ``X`` has full column rank, so solve it with your ``cholesky`` and two triangular solves.

    Theory: ``theory.md``, section 8.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Design matrix, one sample per row; full column rank (after centring, when
        ``fit_intercept``).
    y : np.ndarray, shape (n,)
        Targets.
    fit_intercept : bool, default True
        Fit the bias ``b``; when False, ``b`` is fixed at 0.0.

    Returns
    -------
    w : np.ndarray, shape (d,)
        The weights.
    b : float
        The intercept (0.0 when ``fit_intercept`` is False).

    Examples
    --------
    >>> w, b = least_squares_normal(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))
    >>> np.round(w, 6), round(b, 6)
    (array([2.]), 1.0)

    Rules
    -----
    NumPy only. Do not call ``np.linalg.lstsq``, ``np.linalg.solve``, ``np.linalg.inv``,
    ``np.linalg.pinv``, ``np.linalg.svd``, ``np.linalg.qr`` or ``scipy.linalg`` solvers; your
    own ``cholesky`` and ``solve_triangular`` from this file are the intended tools.
    """
    # TODO: your code here
    raise NotImplementedError("least_squares_normal")


# ---------------------------------------------------------------------------------------------
# 11. Least squares through the SVD (minimum-norm solution)
# ---------------------------------------------------------------------------------------------
def least_squares_svd(X: np.ndarray, y: np.ndarray, rcond: float = 1e-10) -> np.ndarray:
    """The minimum-norm least-squares solution ``w = X^+ y`` via the SVD.

    With the thin SVD ``X = U diag(s) V^T``, the pseudo-inverse is
    ``X^+ = V diag(1/s_i) U^T``, where singular values ``s_i <= rcond * max(s)`` are treated
    as zero (their ``1/s_i`` is replaced by 0). This works when ``X`` is rank deficient or has
    more columns than rows, where the normal equations break down: among all minimizers of
    ``||X w - y||`` it returns the one with the smallest ``||w||``.

    Theory: ``theory.md``, sections 8 and 11.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Any real matrix (tall, wide, rank deficient, even all zeros).
    y : np.ndarray, shape (n,) or (n, k)
        One target vector or ``k`` target columns.
    rcond : float, default 1e-10
        Relative cut-off for small singular values.

    Returns
    -------
    np.ndarray, shape (d,) or (d, k), matching ``y``

    Examples
    --------
    >>> least_squares_svd(np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([2.0, 2.0]))
    array([1., 1.])

    Rules
    -----
    NumPy only; ``np.linalg.svd`` is allowed. Do not call ``np.linalg.lstsq``,
    ``np.linalg.pinv``, ``np.linalg.solve``, ``np.linalg.inv`` or ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("least_squares_svd")


# ---------------------------------------------------------------------------------------------
# 12. Best rank-k approximation
# ---------------------------------------------------------------------------------------------
def low_rank_approximation(A: np.ndarray, k: int) -> np.ndarray:
    """The best rank-``k`` approximation of ``A`` (Eckart-Young), from its SVD.

    Keep the ``k`` largest singular values and their singular vectors:
    ``A_k = U[:, :k] diag(s[:k]) V^T[:k, :]``. No matrix of rank ``<= k`` is closer to ``A`` in
    the Frobenius (or spectral) norm, and ``||A - A_k||_F = sqrt(sum(s[k:] ** 2))``: the discarded
    singular values (0-based, so ``s[k]`` is the (k+1)-th largest).

    Theory: ``theory.md``, section 11.

    Parameters
    ----------
    A : np.ndarray, shape (m, n)
    k : int
        Target rank, ``0 <= k <= min(m, n)``. ``k = 0`` gives the zero matrix.

    Returns
    -------
    np.ndarray, shape (m, n)

    Raises
    ------
    ValueError
        If ``k`` is negative or larger than ``min(m, n)``.

    Examples
    --------
    >>> low_rank_approximation(np.array([[3.0, 0.0], [0.0, 1.0]]), 1)
    array([[3., 0.],
           [0., 0.]])

    Rules
    -----
    NumPy only; ``np.linalg.svd`` is allowed.
    """
    # TODO: your code here
    raise NotImplementedError("low_rank_approximation")


# ---------------------------------------------------------------------------------------------
# 13. Powers of a symmetric matrix by diagonalization
# ---------------------------------------------------------------------------------------------
def sym_matrix_power(A: np.ndarray, p: float) -> np.ndarray:
    """``A^p`` for a symmetric positive semi-definite matrix and any real ``p``.

    Diagonalize ``A = Q diag(lam) Q^T`` (spectral theorem: ``Q`` orthogonal, ``lam`` real), then
    ``A^p = Q diag(lam^p) Q^T``. ``p = 0.5`` is the matrix square root (``S @ S == A``),
    ``p = -1`` the inverse, ``p = -0.5`` the whitening matrix used in ZCA.

    Eigenvalues with ``|lam| <= tol``, where ``tol = 1e-10 * max|lam|``, are treated as exactly
    0 (rounding can make a true 0 come out as ``-1e-17``, and ``(-1e-17) ** 0.5`` is NaN).

    Theory: ``theory.md``, section 10.

    Parameters
    ----------
    A : np.ndarray, shape (n, n)
        Symmetric (``np.allclose(A, A.T)``) positive semi-definite.
    p : float
        The power. ``p = 0`` gives the identity.

    Returns
    -------
    np.ndarray, shape (n, n)
        Symmetric; for ``p = 0.5`` the positive semi-definite square root.

    Raises
    ------
    ValueError
        If ``A`` is not square or not symmetric, has an eigenvalue ``< -tol`` (not PSD), or
        ``p < 0`` and an eigenvalue is (treated as) zero (``A`` is singular).

    Examples
    --------
    >>> sym_matrix_power(np.array([[4.0, 0.0], [0.0, 9.0]]), 0.5)
    array([[2., 0.],
           [0., 3.]])

    Rules
    -----
    NumPy only; ``np.linalg.eigh`` is allowed. Do not call ``np.linalg.matrix_power``,
    ``np.linalg.inv``, ``np.linalg.pinv``, ``np.linalg.solve``, ``scipy.linalg.sqrtm``,
    ``scipy.linalg.fractional_matrix_power`` or ``scipy.linalg.funm``.
    """
    # TODO: your code here
    raise NotImplementedError("sym_matrix_power")


# ---------------------------------------------------------------------------------------------
# 14. Power iteration
# ---------------------------------------------------------------------------------------------
def power_iteration(A: np.ndarray, num_iters: int = 1000, tol: float = 1e-10,
                    seed: int = 0) -> tuple[float, np.ndarray]:
    """The dominant eigenvalue and eigenvector of ``A`` by power iteration.

    Start from a random unit vector ``v`` (``np.random.default_rng(seed).standard_normal(n)``,
    normalized). Repeat: ``w = A v``, ``v = w / ||w||``. ``v`` turns towards the eigenvector of
    the eigenvalue of largest absolute value; estimate that eigenvalue with the Rayleigh
    quotient ``lam = v . (A v)`` (which keeps its sign). Stop after ``num_iters`` iterations,
    or as soon as the residual ``||A v - lam v|| <= tol * max(1, |lam|)``.

    Assume the dominant eigenvalue is real and strictly larger in absolute value than all others.

    Theory: ``theory.md``, section 10.

    Parameters
    ----------
    A : np.ndarray, shape (n, n)
        Square, not necessarily symmetric.
    num_iters : int, default 1000
        Maximum number of iterations.
    tol : float, default 1e-10
        Relative residual at which to stop.
    seed : int, default 0
        Seed of the random starting vector; the same seed must give the same result.

    Returns
    -------
    lam : float
        The dominant eigenvalue (negative if that eigenvalue is negative).
    v : np.ndarray, shape (n,)
        A unit-norm eigenvector for ``lam`` (its overall sign is not specified).
        If ``A v`` becomes exactly zero, return ``(0.0, v)`` with the current unit ``v``.

    Raises
    ------
    ValueError
        If ``A`` is not square.

    Examples
    --------
    >>> lam, v = power_iteration(np.array([[2.0, 1.0], [1.0, 2.0]]))
    >>> round(lam, 8), np.round(np.abs(v), 6)
    (3.0, array([0.707107, 0.707107]))

    Rules
    -----
    NumPy only: do not call ``np.linalg.eig``, ``np.linalg.eigh``, ``np.linalg.eigvals``,
    ``np.linalg.eigvalsh``, ``np.linalg.svd`` or ``scipy.linalg``.
    """
    # TODO: your code here
    raise NotImplementedError("power_iteration")
