"""Module 01 - Linear algebra: runnable, commented demonstrations.

Run from the repository root or from inside this folder::

    uv run 01-linear-algebra/examples.py              # every section; plots go to output/
    uv run 01-linear-algebra/examples.py --figures    # regenerate the figures used by theory.md

Each numbered section names the section of ``theory.md`` it demonstrates. Everything is seeded, runs on a CPU in
a few seconds, and uses only data that ships with scikit-learn (digits, diabetes, iris) or is
generated with NumPy. The last section uses PyTorch on a GPU when one is present.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")  # draw into files, never open a window (works on servers and in CI)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
import scipy.linalg  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT_DIR = HERE / "output"      # plots made by a normal run (git-ignored)
FIGURES_DIR = HERE / "figures"    # figures embedded in theory.md (committed)
SEED = 0


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print()
    print("=" * 78)
    print(title)
    print("=" * 78)


# =============================================================================================
# 1. Scalars, vectors, matrices, tensors
# =============================================================================================
def demo_vectors_and_tensors() -> None:
    section("1. Scalars, vectors, matrices and tensors (theory section 1)")
    from sklearn.datasets import load_digits

    # A vector is an ordered list of numbers; in ML, usually one sample's features.
    a = np.array([3.0, 4.0])
    b = np.array([4.0, 3.0])
    dot = a @ b                                  # sum_i a_i b_i = 12 + 12 = 24
    cos = dot / (np.linalg.norm(a) * np.linalg.norm(b))  # 24 / (5 * 5) = 0.96
    print(f"a = {a}, b = {b}")
    print(f"a . b = {dot:.1f}; |a| = {np.linalg.norm(a):.1f}; cos(angle) = {cos:.2f}; "
          f"angle = {np.degrees(np.arccos(cos)):.2f} degrees")

    # Tensors are arrays with more axes. The digits data set holds 1797 images of 8x8 pixels:
    # a rank-3 tensor (samples, rows, columns). Most models want a matrix (samples, features).
    digits = load_digits()
    images = digits.images                       # (1797, 8, 8)
    X = images.reshape(len(images), -1)          # (1797, 64): one row per image
    print(f"digits images tensor shape {images.shape} -> design matrix shape {X.shape}")
    print(f"a single pixel is a scalar: images[0, 3, 4] = {images[0, 3, 4]}")
    # Broadcasting a scalar and a vector over a matrix: centre every feature (column) at once.
    Xc = X - X.mean(axis=0)                      # (1797, 64) - (64,) broadcasts over rows
    print(f"after centring, the largest |column mean| is {np.abs(Xc.mean(axis=0)).max():.2e}")


# =============================================================================================
# 2. Matrix operations: three views of the product, loops versus vectorized code
# =============================================================================================
def _matmul_python(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """The textbook triple loop, only to time it against A @ B."""
    m, n = A.shape
    p = B.shape[1]
    C = [[0.0] * p for _ in range(m)]
    Al, Bl = A.tolist(), B.tolist()              # Python floats: the loop is pure Python
    for i in range(m):
        for j in range(p):
            s = 0.0
            for k in range(n):
                s += Al[i][k] * Bl[k][j]
            C[i][j] = s
    return np.array(C)


def demo_matrix_operations() -> None:
    section("2. Matrix operations: the product three ways, and why we vectorize (theory section 2)")
    rng = np.random.default_rng(SEED)
    A = rng.integers(-3, 4, size=(2, 3)).astype(float)
    B = rng.integers(-3, 4, size=(3, 2)).astype(float)
    C = A @ B
    # View 1: entry (i, j) is row i of A dotted with column j of B.
    entry = A[0] @ B[:, 1]
    # View 2: column j of C is a combination of the columns of A, weighted by column j of B.
    column = sum(B[k, 1] * A[:, k] for k in range(3))
    # View 3: C is a sum of outer products (column k of A) x (row k of B).
    outer_sum = sum(np.outer(A[:, k], B[k]) for k in range(3))
    print("A =\n", A, "\nB =\n", B, "\nA @ B =\n", C)
    print("row . column view   C[0, 1] =", entry)
    print("column view         C[:, 1] =", column)
    print("outer-product view  matches:", np.allclose(outer_sum, C))

    # Not commutative: A B is (2, 2) while B A is (3, 3). Even for square matrices AB != BA.
    S, T = rng.standard_normal((2, 2, 2))
    print("A @ B shape", (A @ B).shape, "but B @ A shape", (B @ A).shape,
          "| square S T == T S?", np.allclose(S @ T, T @ S))

    # Loops versus BLAS. The same arithmetic, a very different speed.
    n = 70
    P, Q = rng.standard_normal((2, n, n))
    t0 = time.perf_counter()
    slow = _matmul_python(P, Q)
    t_loop = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(100):
        fast = P @ Q
    t_vec = (time.perf_counter() - t0) / 100
    print(f"{n}x{n} product: Python loops {t_loop * 1e3:.1f} ms, A @ B {t_vec * 1e3:.3f} ms "
          f"(about {t_loop / t_vec:,.0f}x faster), same result: {np.allclose(slow, fast)}")

    # Associativity lets you choose the cheap order: (A B) x costs O(n^3), A (B x) only O(n^2).
    n = 1500
    M1, M2 = rng.standard_normal((2, n, n))
    x = rng.standard_normal(n)
    t0 = time.perf_counter()
    left = (M1 @ M2) @ x
    t_left = time.perf_counter() - t0
    t0 = time.perf_counter()
    right = M1 @ (M2 @ x)
    t_right = time.perf_counter() - t0
    print(f"n = {n}: (A B) x took {t_left * 1e3:.1f} ms, A (B x) took {t_right * 1e3:.2f} ms; "
          f"same vector: {np.allclose(left, right)}")

    # Element-wise (Hadamard) product is NOT the matrix product.
    print("elementwise S * T differs from S @ T:", not np.allclose(S * T, S @ T))


# =============================================================================================
# 3. Transpose, inverse, determinant
# =============================================================================================
def demo_transpose_inverse_determinant() -> None:
    section("3. Transpose, inverse and determinant (theory section 3)")
    rng = np.random.default_rng(SEED)
    A, B = rng.standard_normal((2, 3, 3))
    print("(A B)^T == B^T A^T:", np.allclose((A @ B).T, B.T @ A.T))
    print("(A B)^-1 == B^-1 A^-1:", np.allclose(np.linalg.inv(A @ B), np.linalg.inv(B) @ np.linalg.inv(A)))

    # 2x2 inverse by the formula and the determinant as an area factor.
    M = np.array([[2.0, 1.0], [1.0, 3.0]])
    det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]          # 6 - 1 = 5
    M_inv = np.array([[M[1, 1], -M[0, 1]], [-M[1, 0], M[0, 0]]]) / det
    print(f"det([[2, 1], [1, 3]]) = {det:.0f}; inverse by formula matches numpy: "
          f"{np.allclose(M_inv, np.linalg.inv(M))}")
    square = np.array([[0, 1, 1, 0], [0, 0, 1, 1]], dtype=float)   # corners of the unit square
    image = M @ square
    # Shoelace formula for the area of the image polygon.
    xs, ys = image
    area = 0.5 * abs(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1)))
    print(f"the unit square is mapped to a parallelogram of area {area:.1f} = |det|")

    # Solve, don't invert. On an ill-conditioned system inv() loses more accuracy.
    n = 10
    H = scipy.linalg.hilbert(n)                  # a famous ill-conditioned matrix
    x_true = np.ones(n)
    b = H @ x_true
    err_solve = np.linalg.norm(np.linalg.solve(H, b) - x_true)
    err_inv = np.linalg.norm(np.linalg.inv(H) @ b - x_true)
    print(f"Hilbert {n}x{n}: cond = {np.linalg.cond(H):.1e}; error of solve {err_solve:.1e}, "
          f"of inv @ b {err_inv:.1e}")

    # Determinants over- and underflow; use the log-determinant.
    big = 10.0 * np.eye(400)
    sign, logdet = np.linalg.slogdet(big)
    with np.errstate(over="ignore"):             # the overflow is the point: silence the warning
        det_big = np.linalg.det(big)
    print(f"det(10 I_400) overflows to {det_big}; slogdet gives sign {sign:.0f}, "
          f"log|det| = {logdet:.2f} (= 400 ln 10)")
    small = 0.1 * np.eye(400)
    print(f"det(0.1 I_400) = {np.linalg.det(small)} although the matrix is perfectly invertible "
          f"(cond = {np.linalg.cond(small):.0f}): a tiny determinant does not mean 'nearly singular'")


# =============================================================================================
# 4. Span, basis, linear independence, rank
# =============================================================================================
def demo_rank() -> None:
    section("4. Span, basis, independence and rank (theory section 4)")
    from sklearn.datasets import load_diabetes

    X, _ = load_diabetes(return_X_y=True)        # (442, 10)
    print(f"diabetes design matrix {X.shape}, rank {np.linalg.matrix_rank(X)}")
    # Adding a feature that is a combination of others adds a column but not a direction.
    X_plus = np.column_stack([X, 2 * X[:, 0] - X[:, 3]])
    print(f"with an extra column 2*x0 - x3: shape {X_plus.shape}, rank still {np.linalg.matrix_rank(X_plus)}")
    # The dummy-variable trap: one-hot columns always sum to the intercept column of ones.
    colour = np.array([0, 1, 2, 1, 0, 2, 2])
    one_hot = np.eye(3)[colour]
    design = np.column_stack([np.ones(len(colour)), one_hot])
    print(f"intercept + 3 one-hot columns: {design.shape[1]} columns, rank {np.linalg.matrix_rank(design)} "
          "(drop one category to restore full rank)")
    # Rank-nullity: a vector in the null space is a direction the matrix cannot see.
    _, s, Vt = np.linalg.svd(design)
    null = Vt[-1]
    print(f"null-space direction of that design: {np.round(null / null[0], 3)} "
          f"(design @ it = {np.abs(design @ null).max():.1e})")


# =============================================================================================
# 5. Norms
# =============================================================================================
def plot_unit_balls(path: Path) -> Path:
    """The unit 'circles' {x : ||x||_p = 1} for p = 1, 2, inf."""
    theta = np.linspace(0, 2 * np.pi, 400)
    fig, ax = plt.subplots(figsize=(4.5, 4.5))
    for p, style in [(1, "-"), (2, "--"), (np.inf, ":")]:
        d = np.stack([np.cos(theta), np.sin(theta)])
        norms = np.linalg.norm(d, ord=p, axis=0)
        ax.plot(*(d / norms), style, lw=2, label=f"p = {p}")
    ax.set_aspect("equal")
    ax.axhline(0, color="grey", lw=0.5)
    ax.axvline(0, color="grey", lw=0.5)
    ax.set_title("Unit balls of the L1, L2 and L-inf norms")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def demo_norms() -> None:
    section("5. Norms (theory section 5)")
    x = np.array([3.0, -4.0, 12.0])
    print(f"x = {x}: L1 = {np.linalg.norm(x, 1):.0f}, L2 = {np.linalg.norm(x):.0f}, "
          f"L-inf = {np.linalg.norm(x, np.inf):.0f}")
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    s = np.linalg.svd(A, compute_uv=False)
    print(f"A = [[1, 2], [3, 4]]: Frobenius = {np.linalg.norm(A, 'fro'):.4f} "
          f"(= sqrt(1+4+9+16) = sqrt(30)), spectral = {np.linalg.norm(A, 2):.4f} (= largest singular value "
          f"{s[0]:.4f}), sqrt(sum s_i^2) = {np.sqrt(np.sum(s ** 2)):.4f}")
    # Gradient clipping by global L2 norm, as deep-learning frameworks do it.
    grad = np.array([30.0, -40.0])
    max_norm = 5.0
    clipped = grad * min(1.0, max_norm / np.linalg.norm(grad))
    print(f"clip gradient {grad} to norm {max_norm}: {clipped} (direction kept, length {np.linalg.norm(clipped)})")
    OUTPUT_DIR.mkdir(exist_ok=True)
    print("saved", plot_unit_balls(OUTPUT_DIR / "unit_balls.png"))


# =============================================================================================
# 6. Solving systems: LU and Cholesky
# =============================================================================================
def demo_lu_cholesky() -> None:
    section("6. Solving systems: LU and Cholesky (theory section 6)")
    rng = np.random.default_rng(SEED)
    A = np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]])
    P, L, U = scipy.linalg.lu(A)                 # SciPy's convention: A = P L U
    print("A = P L U with\nL =\n", np.round(L, 4), "\nU =\n", np.round(U, 4))
    print("A == P @ L @ U:", np.allclose(A, P @ L @ U), "| det(A) from U and the permutation:",
          round(np.linalg.det(P) * np.prod(np.diag(U)), 10))

    # Factor once, solve many times: the factorization is the O(n^3) part.
    n = 400
    M = rng.standard_normal((n, n)) + n ** 0.5 * np.eye(n)
    rhs = rng.standard_normal((n, 50))
    lu_piv = scipy.linalg.lu_factor(M)
    X = scipy.linalg.lu_solve(lu_piv, rhs)
    print(f"LU-factored a {n}x{n} matrix once and solved 50 right-hand sides; max residual "
          f"{np.abs(M @ X - rhs).max():.1e}")

    # Cholesky: sample correlated Gaussians. If z ~ N(0, I) then L z ~ N(0, L L^T) = N(0, Sigma).
    Sigma = np.array([[4.0, 1.2], [1.2, 1.0]])
    Lc = np.linalg.cholesky(Sigma)
    Z = rng.standard_normal((2, 100_000))
    samples = Lc @ Z
    print("Cholesky factor of Sigma = [[4, 1.2], [1.2, 1]]:\n", np.round(Lc, 4))
    print("empirical covariance of L z:\n", np.round(np.cov(samples), 3))


# =============================================================================================
# 7. Projections and least squares
# =============================================================================================
def demo_least_squares() -> None:
    section("7. Projections and least squares (theory sections 7 and 8)")
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import LinearRegression

    # The three-point example from theory.md: fit y = w x + b to (0, 1), (1, 2), (2, 4).
    X1 = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])   # column of ones for the intercept
    y1 = np.array([1.0, 2.0, 4.0])
    G, h = X1.T @ X1, X1.T @ y1
    print("X^T X =", G.tolist(), " X^T y =", h.tolist())
    coef = np.linalg.solve(G, h)
    print(f"normal equations -> b = {coef[0]:.4f}, w = {coef[1]:.4f} (exactly 5/6 and 3/2)")
    residual = y1 - X1 @ coef
    print("residual", np.round(residual, 4), "is orthogonal to both columns:", np.allclose(X1.T @ residual, 0))

    # Real data: three solvers, one answer.
    X, y = load_diabetes(return_X_y=True)
    Xa = np.column_stack([np.ones(len(X)), X])
    w_normal = np.linalg.solve(Xa.T @ Xa, Xa.T @ y)
    w_lstsq = np.linalg.lstsq(Xa, y, rcond=None)[0]
    Q, R = np.linalg.qr(Xa)
    w_qr = scipy.linalg.solve_triangular(R, Q.T @ y)
    sk = LinearRegression().fit(X, y)
    print(f"diabetes: intercept {w_normal[0]:.4f}; max |difference| normal vs lstsq "
          f"{np.abs(w_normal - w_lstsq).max():.1e}, QR vs lstsq {np.abs(w_qr - w_lstsq).max():.1e}, "
          f"sklearn vs lstsq {np.abs(np.r_[sk.intercept_, sk.coef_] - w_lstsq).max():.1e}")

    # The pitfall: cond(X^T X) = cond(X)^2. A degree-9 polynomial fit on [0, 1] shows it.
    t = np.linspace(0, 1, 50)
    V = np.vander(t, 10, increasing=True)        # columns 1, t, t^2, ..., t^9
    c_true = np.ones(10)
    yv = V @ c_true
    c_normal = np.linalg.solve(V.T @ V, V.T @ yv)
    c_qr = np.linalg.lstsq(V, yv, rcond=None)[0]
    print(f"Vandermonde (50, 10): cond(X) = {np.linalg.cond(V):.1e}, cond(X^T X) = {np.linalg.cond(V.T @ V):.1e}")
    print(f"coefficient error: normal equations {np.abs(c_normal - c_true).max():.1e}, "
          f"lstsq (SVD) {np.abs(c_qr - c_true).max():.1e}")

    # Ridge regression is the same normal equations with lam I added: always solvable.
    dup = np.column_stack([X[:, 2], X[:, 2]])
    lam = 1e-3
    w_ridge = np.linalg.solve(dup.T @ dup + lam * np.eye(2), dup.T @ (y - y.mean()))
    print(f"two identical columns: X^T X is singular (rank {np.linalg.matrix_rank(dup.T @ dup)}); "
          f"ridge with lambda={lam} splits the weight: {np.round(w_ridge, 2)}")


# =============================================================================================
# 8. QR and orthogonality
# =============================================================================================
def demo_qr() -> None:
    section("8. QR: orthonormal bases (theory section 9)")
    rng = np.random.default_rng(SEED)
    A = rng.standard_normal((6, 3))
    Q, R = np.linalg.qr(A)                        # thin QR: Q (6, 3), R (3, 3)
    print("Q shape", Q.shape, "R shape", R.shape)
    print("Q^T Q = I:", np.allclose(Q.T @ Q, np.eye(3)), "| R upper triangular:", np.allclose(R, np.triu(R)))
    print("diag(R) =", np.round(np.diag(R), 4), "(NumPy does not force it positive; flip signs of Q's columns "
          "and R's rows together to make it so)")
    # With an orthonormal basis, projection needs no inverse: P = Q Q^T.
    b = rng.standard_normal(6)
    p_qr = Q @ (Q.T @ b)
    p_ne = A @ np.linalg.solve(A.T @ A, A.T @ b)
    print("projection via Q Q^T b equals A (A^T A)^-1 A^T b:", np.allclose(p_qr, p_ne))
    # Orthogonal matrices preserve lengths and angles.
    x = rng.standard_normal(3)
    Qs, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    print(f"|x| = {np.linalg.norm(x):.6f}, |Q x| = {np.linalg.norm(Qs @ x):.6f}")


# =============================================================================================
# 9. Eigenvalues, diagonalization, Markov chains
# =============================================================================================
def plot_markov_convergence(errors: list[float], path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(5.5, 3.5))
    ax.semilogy(errors, marker="o", ms=3)
    ax.set_xlabel("step k")
    ax.set_ylabel("|| pi_k - pi ||_1")
    ax.set_title("Repeated multiplication converges to the top eigenvector")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def demo_eigen() -> None:
    section("9. Eigenvalues, eigenvectors and diagonalization (theory section 10)")
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    lam, V = np.linalg.eig(A)
    order = np.argsort(lam)[::-1]
    lam, V = lam[order], V[:, order]
    print("A = [[2, 1], [1, 2]]: eigenvalues", lam, "(roots of l^2 - 4 l + 3)")
    print("eigenvectors (columns):\n", np.round(V, 4))
    print("A v = lambda v for each pair:", np.allclose(A @ V, V * lam))
    # Diagonalization turns powers into powers of numbers: A^10 = V diag(lam^10) V^-1.
    A10 = V @ np.diag(lam ** 10) @ np.linalg.inv(V)
    print("A^10 by diagonalization matches matrix_power:", np.allclose(A10, np.linalg.matrix_power(A, 10)))
    print(f"trace = {np.trace(A)} = sum of eigenvalues {lam.sum()}; det = {np.linalg.det(A):.1f} = product "
          f"{lam.prod():.1f}")

    # A rotation has no real eigenvectors: its eigenvalues are complex.
    rot = np.array([[0.0, -1.0], [1.0, 0.0]])
    print("90-degree rotation eigenvalues:", np.linalg.eigvals(rot))

    # A Markov chain: three server states (healthy, degraded, down). Column j holds the
    # probabilities of moving from state j, so columns sum to 1 and pi_{k+1} = P pi_k.
    P = np.array([[0.90, 0.50, 0.30],
                  [0.08, 0.40, 0.20],
                  [0.02, 0.10, 0.50]])
    lam_p, V_p = np.linalg.eig(P)
    top = np.argmax(lam_p.real)
    stationary = np.real(V_p[:, top] / V_p[:, top].sum())
    pi = np.array([0.0, 0.0, 1.0])               # start: down
    errors = []
    for _ in range(30):
        errors.append(float(np.abs(pi - stationary).sum()))
        pi = P @ pi
    second = np.sort(np.abs(lam_p))[-2]
    print(f"Markov chain eigenvalues {np.round(np.sort(lam_p.real)[::-1], 4)}; stationary distribution "
          f"{np.round(stationary, 4)}")
    print(f"after 30 steps from 'down': {np.round(pi, 4)}; error shrinks by |lambda_2| = {second:.3f} per step")
    OUTPUT_DIR.mkdir(exist_ok=True)
    print("saved", plot_markov_convergence(errors, OUTPUT_DIR / "markov_convergence.png"))

    # Symmetric matrices: real eigenvalues, orthonormal eigenvectors (eigh, not eig).
    rng = np.random.default_rng(SEED)
    M = rng.standard_normal((4, 4))
    S = M @ M.T
    w, Qe = np.linalg.eigh(S)
    print("symmetric S: eigenvalues", np.round(w, 4), "| Q^T Q = I:", np.allclose(Qe.T @ Qe, np.eye(4)),
          "| S = Q diag(w) Q^T:", np.allclose(S, Qe @ np.diag(w) @ Qe.T))


# =============================================================================================
# 10. SVD, low-rank approximation and PCA
# =============================================================================================
def demo_svd_and_pca() -> None:
    section("10. The SVD, low-rank approximation and PCA (theory sections 11 and 12)")
    from sklearn.datasets import load_digits, load_iris
    from sklearn.decomposition import PCA

    A = np.array([[3.0, 0.0], [4.0, 5.0]])
    U, s, Vt = np.linalg.svd(A)
    print("A = [[3, 0], [4, 5]]: singular values", np.round(s, 4), "(squares:", np.round(s ** 2, 4), ")")
    print("eigenvalues of A^T A:", np.round(np.sort(np.linalg.eigvalsh(A.T @ A))[::-1], 4),
          "| A = U diag(s) V^T:", np.allclose(A, U @ np.diag(s) @ Vt))
    print(f"det(A) = 15 = s1 * s2 = {s.prod():.4f}; cond(A) = s1 / s2 = {s[0] / s[1]:.4f}")

    # Low-rank approximation of the digits data matrix: how much is kept with k components?
    X = load_digits().data                        # (1797, 64)
    Xc = X - X.mean(axis=0)
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    energy = np.cumsum(s ** 2) / np.sum(s ** 2)
    for k in (2, 10, 20, 40):
        Xk = (U[:, :k] * s[:k]) @ Vt[:k]
        rel = np.linalg.norm(Xc - Xk) / np.linalg.norm(Xc)
        stored = k * (Xc.shape[0] + Xc.shape[1] + 1)
        print(f"k = {k:2d}: keeps {energy[k - 1]:.1%} of the energy, relative error {rel:.3f}, "
              f"stores {stored:,} numbers instead of {Xc.size:,}")
    # Eckart-Young: the error equals the discarded singular values.
    k = 10
    Xk = (U[:, :k] * s[:k]) @ Vt[:k]
    print(f"||Xc - X_10||_F = {np.linalg.norm(Xc - Xk):.4f}, sqrt(sum of discarded s_i^2) = "
          f"{np.sqrt(np.sum(s[k:] ** 2)):.4f}")

    # PCA is the SVD of the centred data. Compare with scikit-learn on iris.
    Xi = load_iris().data                          # (150, 4)
    Xi_c = Xi - Xi.mean(axis=0)
    Ui, si, Vti = np.linalg.svd(Xi_c, full_matrices=False)
    explained_variance = si ** 2 / (len(Xi) - 1)
    pca = PCA(n_components=4).fit(Xi)
    print("iris explained variance via SVD:", np.round(explained_variance, 4))
    print("iris explained variance via sklearn PCA:", np.round(pca.explained_variance_, 4))
    print("explained variance ratio:", np.round(explained_variance / explained_variance.sum(), 4))
    same_axes = np.allclose(np.abs(Vti), np.abs(pca.components_))
    print("principal axes equal up to sign:", same_axes)
    scores = Xi_c @ Vti[:2].T                      # project onto the first two axes
    print("first sample's 2-D PCA coordinates:", np.round(scores[0], 4),
          "= (U S)[0, :2]:", np.round((Ui[:, :2] * si[:2])[0], 4))
    cov_eig = np.sort(np.linalg.eigvalsh(np.cov(Xi_c.T)))[::-1]
    print("eigenvalues of the covariance matrix (the same numbers):", np.round(cov_eig, 4))


# =============================================================================================
# 11. The same algebra on a GPU (if there is one)
# =============================================================================================
def demo_torch() -> None:
    section("11. Tensors in PyTorch, on a GPU if available (theory section 15)")
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a project dependency
        print("PyTorch is not installed; skipping.")
        return
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(SEED)
    A = torch.randn(512, 256, device=device, dtype=torch.float64)
    B = torch.randn(256, 128, device=device, dtype=torch.float64)
    C = A @ B
    ref = A.cpu().numpy() @ B.cpu().numpy()
    print(f"device {device}: (512, 256) @ (256, 128) -> {tuple(C.shape)}, matches NumPy: "
          f"{np.allclose(C.cpu().numpy(), ref)}")
    # Batched matrix multiplication: a stack of 32 independent (4, 3) @ (3, 2) products.
    batch_a = torch.randn(32, 4, 3, device=device)
    batch_b = torch.randn(32, 3, 2, device=device)
    print("batched matmul shape:", tuple((batch_a @ batch_b).shape))
    U, S, Vh = torch.linalg.svd(A, full_matrices=False)
    print(f"torch.linalg.svd: largest singular value {S[0].item():.4f}, reconstruction error "
          f"{torch.linalg.norm(U @ torch.diag(S) @ Vh - A).item():.1e}")


# =============================================================================================
# Figures for theory.md
# =============================================================================================
def figure_vector_projection(path: Path) -> Path:
    """Left: projecting b onto the line through a. Right: projecting b onto a plane in R^3."""
    fig = plt.figure(figsize=(10, 4.4))

    ax = fig.add_subplot(1, 2, 1)
    a = np.array([4.0, 1.0])
    b = np.array([2.0, 3.0])
    p = (a @ b) / (a @ a) * a
    for vec, colour, label in [(a, "tab:blue", "a"), (b, "tab:orange", "b")]:
        ax.annotate("", xy=vec, xytext=(0, 0), arrowprops=dict(arrowstyle="->", lw=2, color=colour))
        ax.text(*(vec * 1.04 + np.array([0.05, 0.05])), label, color=colour, fontsize=13)
    ax.annotate("", xy=p, xytext=(0, 0), arrowprops=dict(arrowstyle="->", lw=2.5, color="tab:green"))
    ax.text(p[0] - 0.2, p[1] - 0.45, r"$p = \frac{a^\top b}{a^\top a}\,a$", color="tab:green", fontsize=12)
    ax.plot([b[0], p[0]], [b[1], p[1]], "--", color="tab:red", lw=1.8)
    ax.text((b[0] + p[0]) / 2 + 0.1, (b[1] + p[1]) / 2 + 0.05, r"$e = b - p$", color="tab:red", fontsize=12)
    # Right-angle marker at p.
    u = a / np.linalg.norm(a)
    n = (b - p) / np.linalg.norm(b - p)
    s = 0.2
    ax.plot([p[0] - s * u[0], p[0] - s * u[0] + s * n[0], p[0] + s * n[0]],
            [p[1] - s * u[1], p[1] - s * u[1] + s * n[1], p[1] + s * n[1]], color="black", lw=1)
    t = np.array([-0.5, 5.2])                    # the whole line through a, faintly
    ax.plot(t * u[0], t * u[1], color="tab:blue", lw=0.6, alpha=0.5)
    ax.set_xlim(-0.5, 5)
    ax.set_ylim(-0.8, 3.7)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_title("Projection onto a line: the error is orthogonal to a")

    ax3 = fig.add_subplot(1, 2, 2, projection="3d")
    A = np.array([[1.0, 0.0], [0.0, 1.0], [0.2, 0.3]])    # two columns spanning a plane in R^3
    bb = np.array([1.0, 1.2, 2.0])
    x_hat = np.linalg.solve(A.T @ A, A.T @ bb)
    pp = A @ x_hat
    g = np.linspace(-0.4, 1.6, 10)
    G1, G2 = np.meshgrid(g, g)
    Z = A[2, 0] * G1 + A[2, 1] * G2
    ax3.plot_surface(G1, G2, Z, alpha=0.25, color="tab:blue")
    for vec, colour, label in [(A[:, 0], "tab:blue", r"$a_1$"), (A[:, 1], "tab:blue", r"$a_2$"),
                               (bb, "tab:orange", r"$b$"), (pp, "tab:green", r"$p = A\hat{x}$")]:
        ax3.quiver(0, 0, 0, *vec, color=colour, lw=2, arrow_length_ratio=0.08)
        ax3.text(*(vec * 1.08), label, color=colour, fontsize=12)
    ax3.plot(*np.stack([bb, pp]).T, "--", color="tab:red", lw=1.8)
    ax3.text(*((bb + pp) / 2 + np.array([0.05, 0.05, 0.0])), r"$e \perp$ plane", color="tab:red", fontsize=11)
    ax3.set_title("Projection onto the column space of A")
    ax3.view_init(elev=18, azim=-60)
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):
        axis.set_major_locator(matplotlib.ticker.MultipleLocator(1.0))
    ax3.set_xlabel("x")
    ax3.set_ylabel("y")
    ax3.set_zlabel("z")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def figure_svd_geometry(path: Path) -> Path:
    """The unit circle under V^T (rotate), Sigma (stretch) and U (rotate)."""
    A = np.array([[3.0, 0.0], [4.0, 5.0]])
    U, s, Vt = np.linalg.svd(A)
    theta = np.linspace(0, 2 * np.pi, 300)
    circle = np.stack([np.cos(theta), np.sin(theta)])
    stages = [
        ("unit circle and $v_1, v_2$", np.eye(2)),
        (r"after $V^\top$ (rotate)", Vt),
        (r"after $\Sigma V^\top$ (stretch)", np.diag(s) @ Vt),
        (r"after $U \Sigma V^\top = A$ (rotate)", A),
    ]
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.6))
    for ax, (title, M) in zip(axes, stages):
        curve = M @ circle
        ax.plot(*curve, color="tab:blue", lw=1.5)
        ax.fill(*curve, color="tab:blue", alpha=0.08)
        for i, colour in enumerate(["tab:red", "tab:green"]):
            v = M @ Vt[i]                         # where the right singular vector v_i goes
            ax.annotate("", xy=v, xytext=(0, 0), arrowprops=dict(arrowstyle="->", lw=2, color=colour))
        ax.set_xlim(-7, 7)
        ax.set_ylim(-7, 7)
        ax.set_aspect("equal")
        ax.grid(alpha=0.3)
        ax.set_title(title, fontsize=11)
    axes[3].text(-6.6, 5.4, rf"$\sigma_1 = {s[0]:.2f}$" + "\n" + rf"$\sigma_2 = {s[1]:.2f}$", fontsize=11)
    fig.suptitle(r"SVD of $A = [[3, 0], [4, 5]]$: every matrix is rotate, stretch, rotate "
                 r"($v_1 \to \sigma_1 u_1$ in red, $v_2 \to \sigma_2 u_2$ in green)", fontsize=12)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def figure_svd_low_rank(path: Path) -> Path:
    """Digits reconstructed from k singular components, and the singular value spectrum."""
    from sklearn.datasets import load_digits

    X = load_digits().data
    mean = X.mean(axis=0)
    Xc = X - mean
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    ks = [1, 2, 5, 10, 20, 64]
    samples = [0, 1, 2, 3, 4]
    fig = plt.figure(figsize=(13, 5))
    grid = fig.add_gridspec(len(samples), len(ks) + 2, width_ratios=[1] * len(ks) + [0.3, 4.2])
    for c, k in enumerate(ks):
        Xk = (U[:, :k] * s[:k]) @ Vt[:k] + mean
        for r, idx in enumerate(samples):
            ax = fig.add_subplot(grid[r, c])
            ax.imshow(Xk[idx].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
            ax.set_xticks([])
            ax.set_yticks([])
            if r == 0:
                ax.set_title("original" if k == 64 else f"rank {k}", fontsize=10)
    ax = fig.add_subplot(grid[:, len(ks) + 1:])
    energy = np.cumsum(s ** 2) / np.sum(s ** 2)
    ax.plot(np.arange(1, len(s) + 1), s / s[0], label=r"$\sigma_i / \sigma_1$")
    ax.plot(np.arange(1, len(s) + 1), energy, label=r"energy kept $\sum_{j\leq i}\sigma_j^2 / \sum_j \sigma_j^2$")
    ax.axhline(0.9, color="grey", lw=0.7, ls=":")
    k90 = int(np.searchsorted(energy, 0.9)) + 1
    ax.axvline(k90, color="grey", lw=0.7, ls=":")
    ax.text(k90 + 2, 0.6, f"90% of the energy\nwith k = {k90}", fontsize=9)
    ax.set_xlabel("component i")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=9, loc="center right", bbox_to_anchor=(1.0, 0.33))
    ax.set_title("Singular value spectrum (centred digits)", fontsize=10)
    fig.suptitle("Best rank-k approximations of the 1797 x 64 digits matrix (first five images shown)", fontsize=12)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


THEORY_FIGURES = {
    "vector_projection.png": figure_vector_projection,
    "svd_geometry.png": figure_svd_geometry,
    "svd_low_rank.png": figure_svd_low_rank,
}


def write_figures(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [make(folder / name) for name, make in THEORY_FIGURES.items()]


# =============================================================================================
# Main
# =============================================================================================
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", action="store_true",
                        help="regenerate the figures used by theory.md into figures/ and exit")
    args = parser.parse_args()
    np.set_printoptions(precision=4, suppress=True)

    if args.figures:
        for path in write_figures(FIGURES_DIR):
            print("wrote", path)
        return

    start = time.perf_counter()
    demo_vectors_and_tensors()
    demo_matrix_operations()
    demo_transpose_inverse_determinant()
    demo_rank()
    demo_norms()
    demo_lu_cholesky()
    demo_least_squares()
    demo_qr()
    demo_eigen()
    demo_svd_and_pca()
    demo_torch()
    section("Figures")
    # The theory figures are also drawn into output/ so a normal run never touches figures/.
    for path in write_figures(OUTPUT_DIR):
        print("saved", path)
    print(f"\nAll sections ran in {time.perf_counter() - start:.1f} s.")


if __name__ == "__main__":
    main()
