"""Module 06 - ML foundations: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* an honest attempt: the
comments explain why each line is there, which is the part worth learning.

Run a short demo of every solution with::

    uv run 06-ml-foundations/solutions.py
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.base import clone

# ---------------------------------------------------------------------------------------------
# 1. The model family used throughout: polynomials of one variable
# ---------------------------------------------------------------------------------------------


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    """Design matrix [1, x, x^2, ..., x^degree] of shape (n, degree + 1), float64."""
    if degree < 0:
        raise ValueError(f"degree must be >= 0, got {degree}")
    x = np.asarray(x, dtype=float)  # float first: int64 powers overflow silently
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    # Broadcasting (n, 1) ** (degree + 1,) builds every column at once. Column k holds x^k, so
    # the coefficient vector w of a least-squares fit reads w[k] = coefficient of x^k, the same
    # order as np.polynomial.polynomial (np.vander and np.polyfit use the *reverse* order).
    return x[:, None] ** np.arange(degree + 1)[None, :]


# ---------------------------------------------------------------------------------------------
# 2. Holding data out honestly
# ---------------------------------------------------------------------------------------------


def _round_half_up(value: float) -> int:
    # floor(v + 0.5) rounds 2.5 to 3; Python's round() would give 2 (banker's rounding). The
    # tiny epsilon absorbs representation error such as 0.1 * 30 = 3.0000000000000004.
    return int(math.floor(value + 0.5 + 1e-9))


def train_val_test_split(
    y: np.ndarray,
    val_size: float = 0.2,
    test_size: float = 0.2,
    stratify: bool = False,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle-and-cut split into train/validation/test index arrays (optionally per class)."""
    y = np.asarray(y)
    n = len(y)
    if not (0.0 <= val_size < 1.0 and 0.0 <= test_size < 1.0 and val_size + test_size < 1.0):
        raise ValueError(f"need 0 <= val_size, test_size and val_size + test_size < 1, got "
                         f"{val_size} and {test_size}")
    rng = np.random.default_rng(seed)
    # Stratification is the same cut made inside each class separately, so every class keeps
    # its share in every part. Without it, the whole data set is one "group".
    groups = [np.flatnonzero(y == c) for c in np.unique(y)] if stratify else [np.arange(n)]
    parts: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]] = ([], [], [])
    for members in groups:
        # Shuffle before cutting: data files are often sorted (by date, by class, by customer),
        # and cutting a sorted file gives a test set unlike the training set.
        shuffled = rng.permutation(members)
        n_test = _round_half_up(test_size * len(members))
        n_val = _round_half_up(val_size * len(members))
        parts[2].append(shuffled[:n_test])
        parts[1].append(shuffled[n_test:n_test + n_val])
        parts[0].append(shuffled[n_test + n_val:])
    train, val, test = (np.sort(np.concatenate(p)).astype(np.int64) for p in parts)
    if len(train) == 0:
        raise ValueError("the training part would be empty: use smaller val_size/test_size")
    return train, val, test


def standardize_with_train_stats(X_train: np.ndarray, X_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """z-score both arrays with the mean and (ddof=0) standard deviation of X_train only."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    # The statistics are *learned parameters* of the preprocessing step, so they are learned
    # from the training rows only. Computing them on train + test lets information about the
    # test distribution flow into the model: a (small) leak that CV scores will not reveal.
    mean = X_train.mean(axis=0)  # axis=0: one mean per column (feature), not per row
    std = X_train.std(axis=0)    # ddof=0, like sklearn's StandardScaler
    # A constant column has std 0; dividing by 1 keeps it finite (it becomes all zeros on the
    # training data). sklearn does the same.
    std = np.where(std == 0.0, 1.0, std)
    # Arithmetic creates new arrays: the caller's data is not modified in place.
    return (X_train - mean) / std, (X_test - mean) / std


def find_leaked_rows(X_train: np.ndarray, X_test: np.ndarray) -> np.ndarray:
    """Sorted indices of the rows of X_test that also occur (exactly) as a row of X_train."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2:
        raise ValueError("X_train and X_test must be 2-D")
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"different numbers of columns: {X_train.shape[1]} and {X_test.shape[1]}")
    # Hash each training row once (O(n_train)), then look each test row up (O(n_test)): linear
    # time, where comparing every pair would be O(n_train * n_test). Python floats compare as
    # numbers, so -0.0 == 0.0 and they also hash equally; comparing raw bytes would not.
    seen = {tuple(row) for row in X_train.tolist()}
    leaked = [i for i, row in enumerate(X_test.tolist()) if tuple(row) in seen]
    return np.asarray(leaked, dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# 3. Cross-validation
# ---------------------------------------------------------------------------------------------


def kfold_indices(
    n_samples: int, n_splits: int = 5, shuffle: bool = False, seed: int | None = None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index pairs of K-fold CV, fold for fold identical to sklearn's KFold."""
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError(f"need 2 <= n_splits <= n_samples, got n_splits={n_splits}, n_samples={n_samples}")
    order = np.arange(n_samples)
    if shuffle:
        # The same generator and call as sklearn (RandomState(seed).shuffle of arange), so the
        # folds can be compared with KFold(shuffle=True, random_state=seed) one for one.
        order = np.random.RandomState(seed).permutation(n_samples)
    # n = q * k + r: the first r folds get q + 1 samples, the others q. Sizes differ by at most
    # one and every sample is used exactly once as a test sample.
    sizes = np.full(n_splits, n_samples // n_splits, dtype=np.int64)
    sizes[: n_samples % n_splits] += 1
    folds = []
    start = 0
    for size in sizes:
        test = np.sort(order[start:start + size])
        in_test = np.zeros(n_samples, dtype=bool)
        in_test[test] = True
        folds.append((np.flatnonzero(~in_test).astype(np.int64), test.astype(np.int64)))
        start += size
    return folds


def stratified_kfold_indices(y: np.ndarray, n_splits: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) pairs of stratified K-fold, identical to StratifiedKFold(n_splits)."""
    y = np.asarray(y)
    n = len(y)
    if n_splits < 2 or n_splits > n:
        raise ValueError(f"need 2 <= n_splits <= len(y), got n_splits={n_splits}, len(y)={n}")
    # Encode classes by order of first appearance (np.unique sorts them; `first` tells where
    # each sorted class first occurs, and ranking those positions gives appearance order).
    _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
    appearance_rank = np.empty(len(first), dtype=np.int64)
    appearance_rank[np.argsort(first)] = np.arange(len(first))
    codes = appearance_rank[inverse.ravel()]
    counts = np.bincount(codes)

    fold_of = np.empty(n, dtype=np.int64)
    start = 0
    for c, n_c in enumerate(counts):
        # How many of class c go to each fold: deal the class-sorted line-up round-robin, so
        # class c occupies positions start .. start + n_c - 1 and position p goes to fold p % k.
        # Each class is spread as evenly as possible, and because the deal continues where the
        # previous class stopped, the leftovers of different classes land in different folds,
        # which keeps the fold *sizes* balanced too.
        per_fold = np.bincount(np.arange(start, start + n_c) % n_splits, minlength=n_splits)
        # Which ones: in their original order, in blocks (first per_fold[0] to fold 0, ...).
        # Blocks keep neighbouring samples together, as unshuffled KFold does.
        fold_of[codes == c] = np.repeat(np.arange(n_splits), per_fold)
        start += n_c
    return [(np.flatnonzero(fold_of != f).astype(np.int64), np.flatnonzero(fold_of == f).astype(np.int64))
            for f in range(n_splits)]


def cross_val_score(
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    folds: Iterable[tuple[np.ndarray, np.ndarray]],
    scoring: Callable[[np.ndarray, np.ndarray], float],
) -> np.ndarray:
    """One score per fold: a fresh copy of `model` fitted on the fold's training rows only."""
    X = np.asarray(X)
    y = np.asarray(y)
    scores = []
    for train_idx, test_idx in folds:
        # clone() makes an *unfitted* copy with the same hyperparameters. Refitting the object we
        # were given would change the caller's model, and a model with state that survives
        # fit() (warm_start, partial_fit) would leak one fold into the next.
        fold_model = clone(model)
        fold_model.fit(X[train_idx], y[train_idx])  # the test rows never reach fit()
        # Scoring convention: (truth, prediction). Many metrics are not symmetric (R^2,
        # precision, recall), so the order matters.
        scores.append(float(scoring(y[test_idx], fold_model.predict(X[test_idx]))))
    return np.asarray(scores, dtype=float)


# ---------------------------------------------------------------------------------------------
# 4. Model complexity: validation curves and learning curves
# ---------------------------------------------------------------------------------------------


def _fit_polynomial(x: np.ndarray, y: np.ndarray, degree: int) -> np.ndarray:
    # lstsq solves the least-squares problem through an SVD: stable even when the normal
    # equations (Phi^T Phi) w = Phi^T y would be badly conditioned for high degrees.
    coef, *_ = np.linalg.lstsq(polynomial_features(x, degree), np.asarray(y, dtype=float), rcond=None)
    return coef


def select_polynomial_degree(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_val: np.ndarray,
    y_val: np.ndarray,
    degrees: Sequence[int],
) -> tuple[int, np.ndarray, np.ndarray]:
    """Fit each degree on train, score on validation; return (best degree, train MSE, val MSE)."""
    if len(degrees) == 0:
        raise ValueError("degrees is empty")
    y_train = np.asarray(y_train, dtype=float)
    y_val = np.asarray(y_val, dtype=float)
    train_mse, val_mse = [], []
    for degree in degrees:
        coef = _fit_polynomial(x_train, y_train, degree)
        train_mse.append(np.mean((polynomial_features(x_train, degree) @ coef - y_train) ** 2))
        val_mse.append(np.mean((polynomial_features(x_val, degree) @ coef - y_val) ** 2))
    train_mse_arr, val_mse_arr = np.asarray(train_mse), np.asarray(val_mse)
    # Select on *validation* error: training error only falls as the degree grows, so it would
    # always pick the most complex model. argmin returns the first minimum, so ties go to the
    # smaller degree (the simpler model) when degrees are listed in increasing order.
    best = int(degrees[int(np.argmin(val_mse_arr))])
    return best, train_mse_arr, val_mse_arr


def learning_curve(
    model: Any,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_val: np.ndarray,
    y_val: np.ndarray,
    train_sizes: Sequence[int],
    scoring: Callable[[np.ndarray, np.ndarray], float],
) -> tuple[np.ndarray, np.ndarray]:
    """Train and validation scores of `model` fitted on the first n rows, for each n."""
    X_train, y_train = np.asarray(X_train), np.asarray(y_train)
    train_scores, val_scores = [], []
    for n in train_sizes:
        if not 1 <= n <= len(X_train):
            raise ValueError(f"train size {n} is outside 1..{len(X_train)}")
        fitted = clone(model).fit(X_train[:n], y_train[:n])
        # The training score is measured on the n rows the model saw, not on the whole training
        # set: the curve is about how well a model fits the data it was given.
        train_scores.append(float(scoring(y_train[:n], fitted.predict(X_train[:n]))))
        # The validation set is fixed, so every point of the curve is measured on the same data.
        val_scores.append(float(scoring(y_val, fitted.predict(X_val))))
    return np.asarray(train_scores), np.asarray(val_scores)


# ---------------------------------------------------------------------------------------------
# 5. Bias and variance
# ---------------------------------------------------------------------------------------------


def bias_variance_decomposition(predictions: np.ndarray, f_true: np.ndarray) -> tuple[float, float]:
    """(bias^2, variance) of predictions[r, j] (data set r, test point j), averaged over j."""
    predictions = np.asarray(predictions, dtype=float)
    f_true = np.asarray(f_true, dtype=float)
    if predictions.ndim != 2 or predictions.shape[1] != f_true.shape[0]:
        raise ValueError(f"predictions must have shape (n_datasets, {f_true.shape[0]}), got {predictions.shape}")
    # The expectation is over training sets, so average over axis 0 (the data sets) at each
    # test point: mean_pred[j] estimates E_D[f_hat_D(x_j)].
    mean_pred = predictions.mean(axis=0)
    # Square *before* averaging over test points: bias at one point can be positive and at
    # another negative; averaging first would let them cancel.
    bias_sq = np.mean((mean_pred - f_true) ** 2)
    # ddof=0 (divide by n_datasets): then bias^2 + variance equals the mean squared distance
    # between predictions and f exactly, which is the identity the decomposition states.
    variance = np.mean((predictions - mean_pred) ** 2)
    return float(bias_sq), float(variance)


def simulate_bias_variance(
    f: Callable[[np.ndarray], np.ndarray],
    x_train: np.ndarray,
    x_test: np.ndarray,
    degree: int,
    noise_std: float,
    n_datasets: int = 500,
    seed: int = 0,
) -> tuple[float, float]:
    """Monte Carlo (bias^2, variance) of a degree-`degree` least-squares polynomial fit."""
    rng = np.random.default_rng(seed)
    x_train = np.asarray(x_train, dtype=float)
    f_train = np.asarray(f(x_train), dtype=float)
    f_test = np.asarray(f(np.asarray(x_test, dtype=float)), dtype=float)
    # Draw all n_datasets noise vectors at once: column r is training set r's targets. The
    # inputs stay fixed (a "fixed design"): only the noise changes between data sets.
    Y = f_train[:, None] + rng.normal(0.0, noise_std, size=(len(x_train), n_datasets))
    # One lstsq call with n_datasets right-hand sides fits every data set (same design matrix).
    coefs, *_ = np.linalg.lstsq(polynomial_features(x_train, degree), Y, rcond=None)
    predictions = (polynomial_features(x_test, degree) @ coefs).T  # (n_datasets, n_test)
    return bias_variance_decomposition(predictions, f_test)


# ---------------------------------------------------------------------------------------------
# 6. Regularization
# ---------------------------------------------------------------------------------------------


def ridge_path(X: np.ndarray, y: np.ndarray, alphas: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """Ridge coefficients and intercepts for every alpha, from one SVD of the centred data."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    alphas = np.asarray(alphas, dtype=float)
    if np.any(alphas < 0):
        raise ValueError("alphas must be >= 0")
    # The intercept is not penalised. Centring X and y removes it from the problem (the best
    # intercept for any w is mean(y) - mean(X) @ w), so the penalty only touches w.
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    # With Xc = U diag(s) V^T:  w(alpha) = V diag(s / (s^2 + alpha)) U^T yc. The SVD is done
    # once; each extra alpha costs only O(d^2). Compare OLS (alpha = 0): 1 / s, which explodes
    # for small singular values; ridge damps exactly those directions.
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    Uty = U.T @ yc
    tol = s.max(initial=0.0) * max(Xc.shape) * np.finfo(float).eps
    coefs = np.empty((len(alphas), X.shape[1]))
    for i, alpha in enumerate(alphas):
        # Directions with (numerically) zero singular value get coefficient 0: the minimum-norm
        # solution, which is also the alpha -> 0 limit of ridge.
        shrink = np.divide(s, s**2 + alpha, out=np.zeros_like(s), where=s > tol)
        coefs[i] = Vt.T @ (shrink * Uty)
    intercepts = y_mean - coefs @ x_mean
    return coefs, intercepts


def loo_ridge_mse(X: np.ndarray, y: np.ndarray, alpha: float) -> float:
    """Leave-one-out mean squared error of ridge (with intercept) without refitting n times."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    if n < 2:
        raise ValueError("leave-one-out needs at least 2 samples")
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    tol = s.max(initial=0.0) * max(Xc.shape) * np.finfo(float).eps
    keep = s > tol
    # Fitted values of ridge are a linear smoother: y_hat = H y with
    #   H = (1/n) 1 1^T + Xc (Xc^T Xc + alpha I)^-1 Xc^T = (1/n) 1 1^T + U diag(s^2/(s^2+alpha)) U^T.
    # The 1/n term is the (unpenalised) intercept's share: forgetting it underestimates h_ii.
    weights = np.where(keep, s**2 / (s**2 + alpha), 0.0)
    y_hat = y.mean() + U @ (weights * (U.T @ yc))
    leverage = 1.0 / n + (U**2) @ weights  # h_ii, the diagonal of H, in O(n d)
    # Sherman-Morrison: refitting without sample i changes its residual from e_i to
    # e_i / (1 - h_ii). One fit gives all n leave-one-out residuals.
    loo_residuals = (y - y_hat) / (1.0 - leverage)
    return float(np.mean(loo_residuals**2))


if __name__ == "__main__":
    from sklearn.datasets import load_diabetes, load_iris
    from sklearn.linear_model import LogisticRegression

    print("polynomial_features([2, 3], 3):\n", polynomial_features(np.array([2.0, 3.0]), 3))

    iris_X, iris_y = load_iris(return_X_y=True)
    tr, va, te = train_val_test_split(iris_y, 0.2, 0.2, stratify=True, seed=0)
    print(f"train/val/test sizes: {len(tr)}/{len(va)}/{len(te)}; test class counts "
          f"{np.bincount(iris_y[te])}")

    A, B = standardize_with_train_stats(iris_X[tr], iris_X[te])
    print("train means after scaling (all ~0):", np.round(A.mean(axis=0), 12) + 0.0)
    print("test means after scaling (not exactly 0, and that is fine):", np.round(B.mean(axis=0), 3))

    print("leaked rows of [[1,2],[5,6],[3,4]] given train [[1,2],[3,4]]:",
          find_leaked_rows(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [5.0, 6.0], [3.0, 4.0]])))

    print("K-fold test folds for n=7, k=3:", [t.tolist() for _, t in kfold_indices(7, 3)])
    y_demo = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    print("stratified test folds (7 zeros, 5 ones, k=3):",
          [t.tolist() for _, t in stratified_kfold_indices(y_demo, 3)])

    folds = stratified_kfold_indices(iris_y, 5)
    scores = cross_val_score(LogisticRegression(max_iter=1000), iris_X, iris_y, folds,
                             lambda t, p: float(np.mean(t == p)))
    print("5-fold accuracy of logistic regression on iris:", np.round(scores, 3))

    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 60)
    yy = np.sin(np.pi * x) + rng.normal(0, 0.2, 60)
    best, tr_mse, va_mse = select_polynomial_degree(x[:40], yy[:40], x[40:], yy[40:], range(10))
    print("degree selection: best =", best, "validation MSE:", np.round(va_mse, 4))

    x_tr = np.linspace(0, 1, 20)
    x_te = np.linspace(0.05, 0.95, 10)
    for d in (1, 3, 9):
        b2, var = simulate_bias_variance(lambda t: np.sin(2 * np.pi * t), x_tr, x_te, d, 0.3, 2000, 0)
        print(f"degree {d}: bias^2 = {b2:.4f}, variance = {var:.4f}")

    dX, dy = load_diabetes(return_X_y=True)
    coefs, intercepts = ridge_path(dX, dy, [0.0, 0.1, 1.0, 10.0])
    print("ridge path: ||w|| for alpha = 0, 0.1, 1, 10:", np.round(np.linalg.norm(coefs, axis=1), 1))
    print("LOO MSE of ridge on diabetes, alpha = 0.1:", round(loo_ridge_mse(dX, dy, 0.1), 2))
