"""Module 01 - Linear algebra: reference solutions.

These are the answers to ``exercises.py``. Read them *after* you have made an honest attempt:
the point of the module is the struggle of writing each algorithm yourself.

Every function has the same name, signature and docstring as in ``exercises.py``; the comments
in the bodies explain *why* each step is there (numerical stability, shapes, edge cases).

Run a short demonstration with::

    uv run 01-linear-algebra/solutions.py
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
    if A.ndim != 2 or B.ndim != 2:
        raise ValueError(f"matmul_loops expects two 2-D arrays, got shapes {A.shape} and {B.shape}")
    m, n = A.shape
    n2, p = B.shape
    if n != n2:
        # The inner dimensions must agree: row i of A and column j of B both have n entries.
        raise ValueError(f"inner dimensions differ: A is {A.shape}, B is {B.shape}")
    # Allocate the result as float64 so integer inputs do not silently overflow or truncate.
    C = np.zeros((m, p), dtype=np.float64)
    for i in range(m):
        for j in range(p):
            # C[i, j] is the dot product of row i of A with column j of B.
            total = 0.0
            for k in range(n):
                total += float(A[i, k]) * float(B[k, j])
            C[i, j] = total
    # If n == 0 the loops over k never run and C stays zero: the empty sum is 0, as it should be.
    return C


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
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if X.shape[-1] != W.shape[1]:
        raise ValueError(f"X has {X.shape[-1]} features but W expects {W.shape[1]} (W is {W.shape})")
    # Row i of the result is W @ x_i + b. Stacking the x_i as rows of X, all of them at once is
    # X @ W.T: (n, d_in) @ (d_in, d_out) -> (n, d_out). The bias of shape (d_out,) broadcasts
    # over the n rows. The same expression works for a single vector (d_in,) -> (d_out,).
    return X @ W.T + b


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
    if p < 1:
        raise ValueError(f"p must be >= 1 (or inf) for a norm, got {p}")
    a = np.abs(np.asarray(x, dtype=np.float64))  # |x_i|: without it odd p and inf go wrong
    if a.size == 0:
        return 0.0
    if np.isinf(p):
        return float(a.max())
    if p == 1:
        return float(a.sum())
    if p == 2:
        # Scale by the largest entry first so that squaring very large or very small entries
        # cannot overflow or underflow: ||x|| = s * ||x / s||.
        s = a.max()
        if s == 0:
            return 0.0
        return float(s * np.sqrt(np.sum((a / s) ** 2)))
    s = a.max()
    if s == 0:
        return 0.0
    return float(s * np.sum((a / s) ** p) ** (1.0 / p))


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
    T = np.asarray(T, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if T.ndim != 2 or T.shape[0] != T.shape[1]:
        raise ValueError(f"T must be square, got shape {T.shape}")
    n = T.shape[0]
    if b.shape[0] != n:
        raise ValueError(f"b has {b.shape[0]} rows but T is {n} x {n}")
    diag = np.diag(T)
    if np.any(diag == 0):
        # A zero on the diagonal of a triangular matrix means det(T) = 0: no unique solution.
        raise ValueError("T is singular: it has a zero on its diagonal")
    # Keep only the triangle we were told about, so stray entries on the other side are ignored.
    T = np.tril(T) if lower else np.triu(T)
    x = np.zeros_like(b)
    order = range(n) if lower else range(n - 1, -1, -1)
    for i in order:
        # T[i] @ x uses only the already-solved unknowns: the others are still 0 in x, and
        # T[i, i] * x[i] is 0 too because x[i] has not been written yet.
        x[i] = (b[i] - T[i] @ x) / T[i, i]
    return x


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
    A = np.array(A, dtype=np.float64)  # a copy: elimination overwrites it
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"determinant needs a square matrix, got shape {A.shape}")
    n = A.shape[0]
    sign = 1.0
    for col in range(n):
        # Partial pivoting: bring the largest |entry| of this column (at or below the diagonal)
        # up. Dividing by a tiny pivot would amplify rounding errors; the largest one is safest.
        pivot = col + int(np.argmax(np.abs(A[col:, col])))
        if A[pivot, col] == 0.0:
            return 0.0  # the whole column below the diagonal is zero: A is singular
        if pivot != col:
            A[[col, pivot]] = A[[pivot, col]]
            sign = -sign  # each row swap flips the sign of the determinant
        # Subtract multiples of the pivot row to zero the column below the pivot. These row
        # operations do not change the determinant.
        factors = A[col + 1:, col] / A[col, col]
        A[col + 1:, col:] -= np.outer(factors, A[col, col:])
    # The determinant of a triangular matrix is the product of its diagonal. For n = 0 the
    # empty product is 1.0, the standard convention.
    return float(sign * np.prod(np.diag(A)))


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
    A = np.array(A, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError(f"matrix_rank needs a 2-D array, got shape {A.shape}")
    m, n = A.shape
    if A.size == 0:
        return 0
    scale = np.max(np.abs(A))
    if scale == 0:
        return 0
    # The threshold is relative to the size of the entries, so that multiplying A by 1e6 does
    # not change its rank. Exact zero tests would count rounding noise as independent directions.
    threshold = tol * scale
    row = 0
    for col in range(n):
        if row == m:
            break  # every row already holds a pivot: rank <= m is reached
        pivot = row + int(np.argmax(np.abs(A[row:, col])))
        if abs(A[pivot, col]) <= threshold:
            continue  # no pivot in this column: it depends on the columns before it
        A[[row, pivot]] = A[[pivot, row]]
        factors = A[row + 1:, col] / A[row, col]
        A[row + 1:, col:] -= np.outer(factors, A[row, col:])
        row += 1
    return int(row)


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
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"cholesky needs a square matrix, got shape {A.shape}")
    if not np.allclose(A, A.T):
        raise ValueError("cholesky needs a symmetric matrix")
    n = A.shape[0]
    L = np.zeros_like(A)
    for j in range(n):
        # What is left of the diagonal entry after removing the contributions of the columns
        # already computed. For a positive-definite A this is always > 0 (it is a ratio of
        # leading principal minors); a value <= 0 proves A is not positive definite.
        pivot = A[j, j] - L[j, :j] @ L[j, :j]
        if pivot <= 0.0:
            raise ValueError(f"matrix is not positive definite (pivot {pivot:.3g} at column {j})")
        L[j, j] = np.sqrt(pivot)
        # All the entries below the diagonal in column j at once.
        L[j + 1:, j] = (A[j + 1:, j] - L[j + 1:, :j] @ L[j, :j]) / L[j, j]
    return L


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
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError(f"gram_schmidt_qr needs a 2-D array, got shape {A.shape}")
    m, n = A.shape
    if m < n:
        raise ValueError(f"need m >= n for independent columns, got shape {A.shape}")
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    for j in range(n):
        v = A[:, j].copy()
        original = np.sqrt(v @ v)
        for i in range(j):
            # Modified Gram-Schmidt: project the *current* remainder v, not the original a_j.
            # Any rounding error left in v along q_0..q_{i-1} is not re-amplified here, which is
            # why Q stays orthogonal to about machine precision times cond(A).
            R[i, j] = Q[:, i] @ v
            v -= R[i, j] * Q[:, i]
        length = np.sqrt(v @ v)
        if original == 0.0 or length <= 1e-10 * original:
            raise ValueError(f"column {j} is linearly dependent on the previous columns")
        R[j, j] = length  # positive by construction: this fixes the signs and makes QR unique
        Q[:, j] = v / length
    return Q, R


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
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if b.shape[0] != A.shape[0]:
        raise ValueError(f"b has {b.shape[0]} rows but A has {A.shape[0]}")
    # Solve the normal equations (A^T A) x = A^T b rather than forming an inverse: a solve is
    # cheaper and more accurate. solve() handles a 1-D b and a 2-D b (k right-hand sides) alike.
    x_hat = np.linalg.solve(A.T @ A, A.T @ b)
    return A @ x_hat


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
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if fit_intercept:
        # The normal equation for b alone reads  sum_i (y_i - x_i.w - b) = 0, i.e.
        # b = mean(y) - mean(x).w. Substituting it back leaves the same problem on centred data,
        # so centre, solve for w, then recover b. (Appending a column of ones gives the same
        # answer; centring also improves the conditioning of X^T X.)
        x_mean = X.mean(axis=0)
        y_mean = float(y.mean())
        Xc, yc = X - x_mean, y - y_mean
    else:
        Xc, yc = X, y
    G = Xc.T @ Xc          # (d, d) Gram matrix, symmetric positive definite for full rank X
    h = Xc.T @ yc          # (d,)
    L = cholesky(G)        # G = L L^T
    z = solve_triangular(L, h, lower=True)        # L z = h
    w = solve_triangular(L.T, z, lower=False)     # L^T w = z
    b = y_mean - float(x_mean @ w) if fit_intercept else 0.0
    return w, float(b)


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
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    one_d = y.ndim == 1
    Y = y.reshape(n, -1)
    # Thin SVD: U (n, r), s (r,), Vt (r, d) with r = min(n, d). The full version would give a
    # square U whose extra columns only multiply zeros.
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    if s.size == 0:
        w = np.zeros((d, Y.shape[1]))
        return w[:, 0] if one_d else w
    # Relative cut-off: a singular value of 1e-14 next to 1e3 is rounding noise, and 1/1e-14
    # would blow the solution up. Dropping it is what makes the solution minimum-norm.
    keep = s > rcond * s[0]            # s is sorted in decreasing order, s[0] is the largest
    s_inv = np.zeros_like(s)
    s_inv[keep] = 1.0 / s[keep]
    # w = V diag(s_inv) U^T y, evaluated right to left so nothing bigger than (d, k) is built.
    W = Vt.T @ (s_inv[:, None] * (U.T @ Y))
    return W[:, 0] if one_d else W


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
    A = np.asarray(A, dtype=np.float64)
    m, n = A.shape
    if not 0 <= k <= min(m, n):
        raise ValueError(f"k must be between 0 and min(m, n) = {min(m, n)}, got {k}")
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    # NumPy returns singular values in decreasing order, so the first k are the largest.
    # U[:, :k] * s[:k] scales column i of U by s_i (broadcasting), which is U_k diag(s_k)
    # without building the diagonal matrix.
    return (U[:, :k] * s[:k]) @ Vt[:k, :]


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
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"sym_matrix_power needs a square matrix, got shape {A.shape}")
    if not np.allclose(A, A.T):
        raise ValueError("sym_matrix_power needs a symmetric matrix")
    # eigh is the eigen-solver for symmetric matrices: real eigenvalues, orthonormal
    # eigenvectors, so Q^{-1} = Q^T and no inverse is ever formed. Symmetrizing first removes
    # tiny asymmetries that allclose accepted.
    lam, Q = np.linalg.eigh((A + A.T) / 2.0)
    tol = 1e-10 * np.max(np.abs(lam)) if lam.size else 0.0
    if lam.size and lam.min() < -tol:
        raise ValueError(f"matrix is not positive semi-definite (eigenvalue {lam.min():.3g})")
    zero = np.abs(lam) <= tol
    if p < 0 and zero.any():
        raise ValueError("a negative power of a singular matrix does not exist")
    lam = np.where(zero, 0.0, lam)
    # 0.0 ** 0 == 1.0 in NumPy, so p = 0 gives the identity even for a singular A.
    powered = lam ** p
    # Q diag(powered) Q^T, with the diagonal applied by broadcasting over the columns of Q.
    return (Q * powered) @ Q.T


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
    A = np.asarray(A, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"power_iteration needs a square matrix, got shape {A.shape}")
    n = A.shape[0]
    rng = np.random.default_rng(seed)
    # A random start has, with probability 1, a non-zero component along the dominant
    # eigenvector; a fixed start like all-ones could be exactly orthogonal to it.
    v = rng.standard_normal(n)
    v /= np.sqrt(v @ v)
    Av = A @ v
    lam = float(v @ Av)
    for _ in range(num_iters):
        norm = np.sqrt(Av @ Av)
        if norm == 0.0:
            return 0.0, v  # A v = 0: v is in the null space, the eigenvalue seen is 0
        # Normalizing every step keeps the numbers from overflowing (|lam|^k) or underflowing.
        v = Av / norm
        Av = A @ v
        # The Rayleigh quotient, not ||A v||: for a negative dominant eigenvalue the vector
        # flips sign every step and only v.(A v) recovers the sign of lam.
        lam = float(v @ Av)
        # A residual test works for negative lam too, where v itself never settles (it flips).
        residual = Av - lam * v
        if np.sqrt(residual @ residual) <= tol * max(1.0, abs(lam)):
            break
    return lam, v


# ---------------------------------------------------------------------------------------------
# Demo
# ---------------------------------------------------------------------------------------------
def _demo() -> None:
    rng = np.random.default_rng(0)
    np.set_printoptions(precision=4, suppress=True)

    A = rng.standard_normal((3, 4))
    B = rng.standard_normal((4, 2))
    print("matmul_loops matches A @ B:", np.allclose(matmul_loops(A, B), A @ B))

    X = rng.standard_normal((5, 4))
    W = rng.standard_normal((3, 4))
    b = rng.standard_normal(3)
    print("linear_layer output shape:", linear_layer(X, W, b).shape)

    x = np.array([3.0, -4.0, 12.0])
    print("norms of", x, "-> L1", vector_norm(x, 1), "L2", vector_norm(x), "Linf", vector_norm(x, np.inf))

    M = rng.standard_normal((5, 5))
    print(f"determinant: ours {determinant(M):.6f}, numpy {np.linalg.det(M):.6f}")
    low = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 5))
    print("rank of a (6, 2) @ (2, 5) product:", matrix_rank(low))

    S = M @ M.T + 5 * np.eye(5)
    L = cholesky(S)
    print("cholesky: L L^T == S:", np.allclose(L @ L.T, S))

    Q, R = gram_schmidt_qr(rng.standard_normal((6, 3)))
    print("Gram-Schmidt: Q^T Q == I:", np.allclose(Q.T @ Q, np.eye(3)), " R upper:", np.allclose(R, np.triu(R)))

    basis = rng.standard_normal((4, 2))
    target = rng.standard_normal(4)
    p = project_onto_subspace(basis, target)
    print("projection residual orthogonal to the columns:", np.allclose(basis.T @ (target - p), 0))

    Xr = rng.standard_normal((50, 3))
    yr = Xr @ np.array([1.0, -2.0, 0.5]) + 4.0 + 0.01 * rng.standard_normal(50)
    w, b0 = least_squares_normal(Xr, yr)
    print("normal equations: w =", w, " b =", round(b0, 4))
    dup = np.column_stack([Xr[:, 0], Xr[:, 0]])
    print("SVD least squares on duplicated column:", least_squares_svd(dup, yr - 4.0))

    img = rng.standard_normal((8, 6))
    print("rank of low_rank_approximation(., 2):", matrix_rank(low_rank_approximation(img, 2)))

    root = sym_matrix_power(S, 0.5)
    print("matrix square root squares back:", np.allclose(root @ root, S))

    lam, v = power_iteration(S)
    print(f"power iteration: lambda = {lam:.6f}, eigh says {np.linalg.eigvalsh(S)[-1]:.6f}")


if __name__ == "__main__":
    _demo()
