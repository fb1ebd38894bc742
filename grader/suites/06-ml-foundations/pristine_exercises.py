"""Module 06 - ML foundations: exercises.

Fill in every function marked ``# TODO``, then grade your work with::

    uv run mlm check 06                      # all exercises
    uv run mlm check 06 -e kfold_indices     # one exercise
    uv run mlm hint 06 kfold_indices         # a hint, one more each time you ask

The exercises go from easy to hard and follow theory.md:

 1. polynomial_features            the design matrix [1, x, x^2, ...] used all through the module
 2. train_val_test_split           shuffled three-way split, optionally stratified
 3. standardize_with_train_stats   fit the scaler on the training rows only (no leakage)
 4. find_leaked_rows               a leakage detector: test rows that also sit in the training set
 5. kfold_indices                  K-fold splits, fold for fold equal to sklearn's KFold
 6. stratified_kfold_indices       stratified K-fold, fold for fold equal to StratifiedKFold
 7. cross_val_score                cross-validation of any scikit-learn-style model (incl. LOO)
 8. select_polynomial_degree       model selection on a validation set
 9. learning_curve                 train/validation score as the training set grows
10. bias_variance_decomposition    bias^2 and variance from a matrix of predictions
11. simulate_bias_variance         bias-variance by Monte Carlo simulation
12. ridge_path                     ridge coefficients for many alphas from one SVD
13. loo_ridge_mse                  leave-one-out error of ridge without refitting n times

Rules for the whole file: NumPy and the standard library, plus ``sklearn.base.clone`` where an
exercise says so. Do not call scikit-learn's splitters, scalers, ``cross_val_score``,
``learning_curve`` or ``Ridge`` here: the grader compares your answers with them. Keep every
name and signature as given. You may call your own earlier functions (for example
``polynomial_features``) from later ones.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. The model family used throughout: polynomials of one variable
# ---------------------------------------------------------------------------------------------


def polynomial_features(x: np.ndarray, degree: int) -> np.ndarray:
    """Build the polynomial design matrix of a 1-D input.

    Column ``k`` holds ``x ** k`` for ``k = 0, 1, ..., degree``, so a linear model on these
    columns is a polynomial of degree ``degree`` in ``x``, and its coefficient ``w[k]`` multiplies
    ``x ** k`` (increasing powers; note that ``np.vander`` uses the opposite order by default).

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The inputs (any real numbers; ints are allowed).
    degree : int
        The highest power, ``degree >= 0``.

    Returns
    -------
    np.ndarray, shape (n, degree + 1), dtype float64
        ``out[i, k] = x[i] ** k``. The first column is all ones (the intercept column).

    Raises
    ------
    ValueError
        If ``degree < 0``.

    Examples
    --------
    >>> polynomial_features(np.array([2.0, 3.0]), 3)
    array([[ 1.,  2.,  4.,  8.],
           [ 1.,  3.,  9., 27.]])

    Rules
    -----
    NumPy only (do not call sklearn's PolynomialFeatures). An empty ``x`` gives shape
    ``(0, degree + 1)``.
    """
    # TODO: your code here
    raise NotImplementedError("polynomial_features")


# ---------------------------------------------------------------------------------------------
# 2. Holding data out honestly
# ---------------------------------------------------------------------------------------------


def train_val_test_split(
    y: np.ndarray,
    val_size: float = 0.2,
    test_size: float = 0.2,
    stratify: bool = False,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split the sample indices ``0 .. n-1`` into shuffled train, validation and test parts.

    Without stratification: shuffle all ``n`` indices with ``np.random.default_rng(seed)``, then
    cut off ``round(test_size * n)`` indices for the test part and ``round(val_size * n)`` for the
    validation part; the rest is the training part.

    With ``stratify=True``: do the same *inside each class of y separately* (each class with
    ``n_c`` members gives ``round(test_size * n_c)`` to test and ``round(val_size * n_c)`` to
    validation), so every class keeps its share in every part.

    Parameters
    ----------
    y : np.ndarray, shape (n,)
        The labels. Only their number matters unless ``stratify`` is true.
    val_size, test_size : float
        Fractions in ``[0, 1)`` with ``val_size + test_size < 1``. ``val_size = 0`` gives an
        empty validation part.
    stratify : bool, default False
        Keep the class proportions of ``y`` in every part.
    seed : int, default 0
        Seed of the shuffle: the same seed gives the same split; different seeds, different splits.

    Returns
    -------
    train_idx, val_idx, test_idx : np.ndarray of int, shapes (n_train,), (n_val,), (n_test,)
        Disjoint index arrays, each sorted in increasing order, together covering ``0 .. n-1``.

    Raises
    ------
    ValueError
        If a fraction is outside ``[0, 1)``, if ``val_size + test_size >= 1``, or if the
        training part would be empty.

    Examples
    --------
    >>> tr, va, te = train_val_test_split(np.zeros(10), 0.2, 0.3, seed=0)
    >>> len(tr), len(va), len(te)
    (5, 2, 3)

    Rules
    -----
    NumPy only (no sklearn.model_selection). "round" means to the nearest integer; the grader
    accepts either way of breaking an exact .5 tie.
    """
    # TODO: your code here
    raise NotImplementedError("train_val_test_split")


def standardize_with_train_stats(X_train: np.ndarray, X_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Z-score both arrays using statistics learned from ``X_train`` only.

    For every column ``j`` compute the mean ``mu_j`` and the standard deviation ``sigma_j`` of
    the *training* rows (population formula: divide by ``n_train``, i.e. ``ddof=0``), then return
    ``(X - mu) / sigma`` for both arrays. A column whose training standard deviation is exactly
    0 is divided by 1 instead (it stays finite). This is what scikit-learn's ``StandardScaler``
    does with ``fit(X_train)`` followed by ``transform`` of each array.

    Parameters
    ----------
    X_train : np.ndarray, shape (n_train, d)
        Training rows, ``n_train >= 1``.
    X_test : np.ndarray, shape (n_test, d)
        Rows to transform with the training statistics (``n_test`` may be 0).

    Returns
    -------
    X_train_scaled : np.ndarray, shape (n_train, d), float64
    X_test_scaled : np.ndarray, shape (n_test, d), float64
        New arrays; the inputs are not modified.

    Examples
    --------
    >>> A, B = standardize_with_train_stats(np.array([[1.0], [3.0]]), np.array([[5.0]]))
    >>> A.ravel(), B.ravel()
    (array([-1.,  1.]), array([3.]))

    Rules
    -----
    NumPy only (do not use sklearn.preprocessing). Never look at ``X_test`` when computing the
    statistics.
    """
    # TODO: your code here
    raise NotImplementedError("standardize_with_train_stats")


def find_leaked_rows(X_train: np.ndarray, X_test: np.ndarray) -> np.ndarray:
    """A leakage detector: which test rows also appear, unchanged, in the training set?

    Row ``i`` of ``X_test`` is *leaked* when some row of ``X_train`` equals it in every column
    (equal as numbers, so ``-0.0`` equals ``0.0``; you may assume there are no NaNs). A test row
    whose values all occur in the training set, but never together in one row, is *not* leaked.

    Parameters
    ----------
    X_train : np.ndarray, shape (n_train, d)
    X_test : np.ndarray, shape (n_test, d)

    Returns
    -------
    np.ndarray of int, shape (n_leaked,)
        The indices into ``X_test`` of the leaked rows, in increasing order (every duplicate
        test row is reported). Shape ``(0,)`` when there are none.

    Raises
    ------
    ValueError
        If the two arrays have different numbers of columns.

    Examples
    --------
    >>> find_leaked_rows(np.array([[1.0, 2.0], [3.0, 4.0]]),
    ...                  np.array([[1.0, 2.0], [5.0, 6.0], [3.0, 4.0], [1.0, 4.0]]))
    array([0, 2])

    Rules
    -----
    NumPy and the standard library. Aim for roughly linear time: a set of rows (as tuples) is
    one way.
    """
    # TODO: your code here
    raise NotImplementedError("find_leaked_rows")


# ---------------------------------------------------------------------------------------------
# 3. Cross-validation
# ---------------------------------------------------------------------------------------------


def kfold_indices(
    n_samples: int, n_splits: int = 5, shuffle: bool = False, seed: int | None = None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """K-fold cross-validation indices, fold for fold the same as ``sklearn.model_selection.KFold``.

    Cut the index list into ``n_splits`` consecutive folds. When ``n_samples`` is not divisible
    by ``n_splits``, the *first* ``n_samples % n_splits`` folds get one extra sample. Fold ``f``
    is the test part of split ``f``; all other indices are its training part.

    With ``shuffle=True``, first reorder the indices with
    ``np.random.RandomState(seed).permutation(n_samples)`` (the generator scikit-learn uses, so
    the folds equal ``KFold(n_splits, shuffle=True, random_state=seed)``), then cut.

    Parameters
    ----------
    n_samples : int
        Number of samples.
    n_splits : int, default 5
        Number of folds, ``2 <= n_splits <= n_samples``.
    shuffle : bool, default False
    seed : int or None, default None
        Only used when ``shuffle`` is true.

    Returns
    -------
    list of n_splits tuples (train_idx, test_idx)
        Integer arrays, each sorted in increasing order; ``test_idx`` has ``n_samples //
        n_splits`` or one more elements, ``train_idx`` holds every other index.

    Raises
    ------
    ValueError
        If ``n_splits < 2`` or ``n_splits > n_samples``.

    Examples
    --------
    >>> [test.tolist() for train, test in kfold_indices(7, 3)]
    [[0, 1, 2], [3, 4], [5, 6]]

    Rules
    -----
    NumPy only: do not use sklearn.model_selection.
    """
    # TODO: your code here
    raise NotImplementedError("kfold_indices")


def stratified_kfold_indices(y: np.ndarray, n_splits: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified K-fold indices, the same as ``StratifiedKFold(n_splits)`` (no shuffling).

    Every test fold gets (as nearly as possible) the same share of each class. The rule, which
    is scikit-learn's, has two steps:

    1. *How many of each class go to each fold.* Order the classes by their first appearance in
       ``y``. Imagine the labels lined up class by class (all of the first class, then all of the
       second, ...). Position ``p`` of this line-up (``p = 0, 1, ..., n - 1``) is dealt to fold
       ``p % n_splits``. Count how many positions of class ``c`` each fold received.
    2. *Which ones.* Walk through the samples of class ``c`` in their original order: the first
       ``count[c, 0]`` go to fold 0, the next ``count[c, 1]`` to fold 1, and so on.

    Parameters
    ----------
    y : np.ndarray, shape (n,)
        Class labels (ints or strings).
    n_splits : int, default 5
        Number of folds, ``2 <= n_splits <= n``.

    Returns
    -------
    list of n_splits tuples (train_idx, test_idx)
        Integer arrays, each sorted in increasing order. The test folds partition ``0 .. n-1``.

    Raises
    ------
    ValueError
        If ``n_splits < 2`` or ``n_splits > len(y)``.

    Examples
    --------
    Seven 0s then five 1s, three folds: the 0s occupy positions 0-6 (dealt 3, 2, 2 to folds
    0, 1, 2); the 1s occupy positions 7-11 (dealt 1, 2, 2).

    >>> y = np.array([0] * 7 + [1] * 5)
    >>> [test.tolist() for train, test in stratified_kfold_indices(y, 3)]
    [[0, 1, 2, 7], [3, 4, 8, 9], [5, 6, 10, 11]]

    Rules
    -----
    NumPy only: do not use sklearn.model_selection.
    """
    # TODO: your code here
    raise NotImplementedError("stratified_kfold_indices")


def cross_val_score(
    model: Any,
    X: np.ndarray,
    y: np.ndarray,
    folds: Iterable[tuple[np.ndarray, np.ndarray]],
    scoring: Callable[[np.ndarray, np.ndarray], float],
) -> np.ndarray:
    """Cross-validate a scikit-learn-style model on given folds: one score per fold.

    For each ``(train_idx, test_idx)`` in ``folds``: make a fresh, unfitted copy of ``model``
    with ``sklearn.base.clone(model)``, fit it on ``X[train_idx], y[train_idx]``, predict
    ``X[test_idx]`` and record ``scoring(y[test_idx], predictions)``. Leave-one-out CV is the
    special case where every test fold holds a single index.

    Parameters
    ----------
    model : estimator
        Any object with ``fit(X, y)`` and ``predict(X)`` that ``sklearn.base.clone`` accepts
        (a scikit-learn model or ``Pipeline``). Do not fit ``model`` itself.
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    folds : iterable of (train_idx, test_idx) pairs of integer arrays
        For example the output of ``kfold_indices`` or ``stratified_kfold_indices``.
    scoring : callable ``scoring(y_true, y_pred) -> float``
        Called with the *true* labels first, like every function of ``sklearn.metrics``.

    Returns
    -------
    np.ndarray, shape (n_folds,), float64
        ``scores[f]`` is the score on test fold ``f``, in the order of ``folds``.

    Examples
    --------
    >>> from sklearn.neighbors import KNeighborsClassifier
    >>> X = np.array([[0.0], [0.1], [1.0], [1.1]]); y = np.array([0, 0, 1, 1])
    >>> acc = lambda t, p: float(np.mean(t == p))
    >>> cross_val_score(KNeighborsClassifier(1), X, y, [([0, 2], [1, 3]), ([1, 3], [0, 2])], acc)
    array([1., 1.])

    Rules
    -----
    ``sklearn.base.clone`` (or ``copy.deepcopy``) is allowed; ``sklearn.model_selection`` is not.
    A test row must never reach ``fit``.
    """
    # TODO: your code here
    raise NotImplementedError("cross_val_score")


# ---------------------------------------------------------------------------------------------
# 4. Model complexity: validation curves and learning curves
# ---------------------------------------------------------------------------------------------


def select_polynomial_degree(
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_val: np.ndarray,
    y_val: np.ndarray,
    degrees: Sequence[int],
) -> tuple[int, np.ndarray, np.ndarray]:
    """Choose a polynomial degree by validation error.

    For each degree in ``degrees``, fit a polynomial of that degree to ``(x_train, y_train)`` by
    ordinary least squares (minimise the sum of squared residuals; ``np.linalg.lstsq`` on
    ``polynomial_features`` does it), then compute its mean squared error on the training data
    and on the validation data. The best degree is the one with the smallest *validation* MSE;
    on a tie, the one listed first.

    Parameters
    ----------
    x_train, y_train : np.ndarray, shape (n_train,)
    x_val, y_val : np.ndarray, shape (n_val,)
    degrees : sequence of int, length m >= 1
        Candidate degrees, e.g. ``range(10)`` or ``[1, 3, 5]``.

    Returns
    -------
    best_degree : int
        An element of ``degrees`` (the degree itself, not its position in the list).
    train_mse : np.ndarray, shape (m,)
    val_mse : np.ndarray, shape (m,)
        ``train_mse[i]`` and ``val_mse[i]`` belong to ``degrees[i]``. MSE is the *mean* of the
        squared residuals (not the sum, not its square root).

    Examples
    --------
    >>> x = np.array([0.0, 1.0, 2.0, 3.0]); y = 2 * x + 1
    >>> best, tr, va = select_polynomial_degree(x, y, np.array([4.0]), np.array([9.0]), [0, 1, 2])
    >>> best, np.round(tr, 6).tolist()
    (1, [5.0, 0.0, 0.0])

    Rules
    -----
    NumPy only (no sklearn). Never fit on the validation data.
    """
    # TODO: your code here
    raise NotImplementedError("select_polynomial_degree")


def learning_curve(
    model: Any,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_val: np.ndarray,
    y_val: np.ndarray,
    train_sizes: Sequence[int],
    scoring: Callable[[np.ndarray, np.ndarray], float],
) -> tuple[np.ndarray, np.ndarray]:
    """Training and validation scores as a function of the training-set size.

    For each ``n`` in ``train_sizes``: fit a fresh clone of ``model`` on the *first* ``n`` rows of
    the training data (the data is assumed to be shuffled already); its training score is
    ``scoring`` on those same ``n`` rows, its validation score is ``scoring`` on the whole
    validation set.

    Parameters
    ----------
    model : estimator
        Anything with ``fit``/``predict`` that ``sklearn.base.clone`` accepts. Do not fit it itself.
    X_train : np.ndarray, shape (n_train, d)
    y_train : np.ndarray, shape (n_train,)
    X_val : np.ndarray, shape (n_val, d)
    y_val : np.ndarray, shape (n_val,)
    train_sizes : sequence of int, length m
        Each ``1 <= n <= n_train``.
    scoring : callable ``scoring(y_true, y_pred) -> float``

    Returns
    -------
    train_scores, val_scores : np.ndarray, shape (m,), float64
        In the order of ``train_sizes``.

    Raises
    ------
    ValueError
        If a size is outside ``1 .. n_train``.

    Examples
    --------
    >>> from sklearn.linear_model import LinearRegression
    >>> X = np.arange(6.0)[:, None]; y = 3 * X.ravel()
    >>> mse = lambda t, p: float(np.mean((t - p) ** 2))
    >>> train_scores, val_scores = learning_curve(LinearRegression(), X, y, X + 0.5, y + 1.5, [2, 6], mse)
    >>> np.round(train_scores, 9), np.round(val_scores, 9)    # a line fits a line perfectly
    (array([0., 0.]), array([0., 0.]))

    Rules
    -----
    ``sklearn.base.clone`` is allowed; ``sklearn.model_selection.learning_curve`` is not.
    """
    # TODO: your code here
    raise NotImplementedError("learning_curve")


# ---------------------------------------------------------------------------------------------
# 5. Bias and variance
# ---------------------------------------------------------------------------------------------


def bias_variance_decomposition(predictions: np.ndarray, f_true: np.ndarray) -> tuple[float, float]:
    """Squared bias and variance of a learner, estimated from repeated training runs.

    ``predictions[r, j]`` is the prediction at test point ``x_j`` of the model trained on data
    set ``r``; ``f_true[j]`` is the true (noise-free) function value there. With
    ``mean_pred[j]`` = the average of ``predictions[:, j]`` over the data sets:

    - ``bias_sq  = mean over j of (mean_pred[j] - f_true[j]) ** 2``
    - ``variance = mean over j of  [ mean over r of (predictions[r, j] - mean_pred[j]) ** 2 ]``

    Divide by the number of data sets (not by that number minus one): then
    ``bias_sq + variance`` equals ``mean((predictions - f_true) ** 2)`` exactly.

    Parameters
    ----------
    predictions : np.ndarray, shape (n_datasets, n_points)
    f_true : np.ndarray, shape (n_points,)

    Returns
    -------
    bias_sq, variance : float
        Both averaged over the test points; both >= 0.

    Examples
    --------
    Two data sets, two test points, f = [0, 1]:

    >>> bias_variance_decomposition(np.array([[1.0, 1.0], [3.0, 1.0]]), np.array([0.0, 1.0]))
    (2.0, 0.5)

    (point 0: mean prediction 2, bias^2 = 4, variance 1; point 1: bias^2 = 0, variance 0.)

    Rules
    -----
    NumPy only.
    """
    # TODO: your code here
    raise NotImplementedError("bias_variance_decomposition")


def simulate_bias_variance(
    f: Callable[[np.ndarray], np.ndarray],
    x_train: np.ndarray,
    x_test: np.ndarray,
    degree: int,
    noise_std: float,
    n_datasets: int = 500,
    seed: int = 0,
) -> tuple[float, float]:
    """Estimate the bias^2 and variance of polynomial regression by simulation.

    Use ``rng = np.random.default_rng(seed)``. Repeat ``n_datasets`` times: draw a new training
    set with the *same inputs* ``x_train`` and targets ``y = f(x_train) + noise``, where the
    noise is independent normal with mean 0 and standard deviation ``noise_std``; fit a
    polynomial of degree ``degree`` by least squares; predict at ``x_test``. Then decompose the
    ``(n_datasets, n_test)`` matrix of predictions against ``f(x_test)`` as in
    ``bias_variance_decomposition``.

    Parameters
    ----------
    f : callable
        The true function, vectorised: ``f(array of shape (k,))`` returns shape ``(k,)``.
    x_train : np.ndarray, shape (n_train,)
        Fixed training inputs.
    x_test : np.ndarray, shape (n_test,)
        Where the bias and variance are measured.
    degree : int
        Degree of the fitted polynomial.
    noise_std : float
        Standard deviation (not variance) of the noise, ``>= 0``.
    n_datasets : int, default 500
        Number of simulated training sets.
    seed : int, default 0

    Returns
    -------
    bias_sq, variance : float
        Averaged over the test points. The expected test MSE at these points would be
        ``bias_sq + variance + noise_std ** 2``.

    Examples
    --------
    >>> x = np.linspace(0, 1, 20)
    >>> b2, var = simulate_bias_variance(lambda t: np.sin(2 * np.pi * t), x, x, 1, 0.3, 2000)
    >>> round(b2, 2), round(var, 3)   # a straight line: large bias, small variance
    (0.23, 0.009)

    Rules
    -----
    NumPy only. Keep ``x_train`` fixed; only the noise changes between data sets.
    """
    # TODO: your code here
    raise NotImplementedError("simulate_bias_variance")


# ---------------------------------------------------------------------------------------------
# 6. Regularization
# ---------------------------------------------------------------------------------------------


def ridge_path(X: np.ndarray, y: np.ndarray, alphas: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """Ridge regression solutions for a list of penalties (the "ridge path").

    For each ``alpha`` minimise, over ``w`` (shape ``(d,)``) and the intercept ``b``::

        || y - X w - b ||^2  +  alpha * || w ||^2

    The intercept is *not* penalised (this is scikit-learn's ``Ridge(alpha)``). Centre the data
    first: with ``Xc = X - mean(X, axis=0)`` and ``yc = y - mean(y)``, the optimal
    ``w = (Xc^T Xc + alpha I)^{-1} Xc^T yc`` and ``b = mean(y) - mean(X, axis=0) @ w``. Solving
    that system once per alpha works; the elegant way (theory.md, section 8) computes one SVD
    of ``Xc`` and reuses it for every alpha.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    alphas : sequence of float, length m
        Penalties ``>= 0``, in any order (keep that order in the output). ``alpha = 0`` is
        ordinary least squares (assume ``X`` then has full column rank).

    Returns
    -------
    coefs : np.ndarray, shape (m, d)
        ``coefs[i]`` is ``w`` for ``alphas[i]``.
    intercepts : np.ndarray, shape (m,)

    Raises
    ------
    ValueError
        If an alpha is negative.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([1.0, 3.0, 5.0])
    >>> coefs, intercepts = ridge_path(X, y, [0.0, 2.0])
    >>> coefs.ravel(), intercepts
    (array([2., 1.]), array([1., 2.]))

    Rules
    -----
    NumPy only: do not call sklearn.linear_model (Ridge, RidgeCV, ridge_regression).
    """
    # TODO: your code here
    raise NotImplementedError("ridge_path")


def loo_ridge_mse(X: np.ndarray, y: np.ndarray, alpha: float) -> float:
    """Leave-one-out mean squared error of ridge regression, from a single fit.

    Leave-one-out CV refits the model ``n`` times, each time without one sample ``i``, and
    averages the squared errors ``(y_i - y_hat_{-i})^2`` on the left-out samples. For ridge (and
    other penalised least-squares fits, whose fitted values are ``y_hat = H y`` for a fixed
    matrix ``H``) there is a shortcut: ``y_i - y_hat_{-i} = (y_i - y_hat_i) / (1 - H_ii)``, where
    ``y_hat`` is the fit on *all* the data (theory.md, section 7). Use it. For ridge with an
    unpenalised intercept (as in ``ridge_path``)::

        H = (1/n) * ones((n, n)) + Xc (Xc^T Xc + alpha I)^{-1} Xc^T,   Xc = X - mean(X, axis=0)

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    alpha : float
        The ridge penalty, ``>= 0``.

    Returns
    -------
    float
        ``mean over i of ((y_i - y_hat_i) / (1 - H_ii)) ** 2``: equal (to rounding) to refitting
        ``Ridge(alpha)`` n times with ``LeaveOneOut``.

    Raises
    ------
    ValueError
        If ``n < 2``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0.0, 1.0, 1.0, 3.0])
    >>> round(loo_ridge_mse(X, y, 0.0), 6)      # ordinary least squares; exactly 655/882
    0.74263

    Rules
    -----
    NumPy only and no refitting: do not call sklearn, and do not loop over the samples fitting
    a model each time (build the diagonal of H instead; you do not need all of H).
    """
    # TODO: your code here
    raise NotImplementedError("loo_ridge_mse")
