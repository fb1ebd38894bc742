"""Hidden suite for module 07 - Supervised learning.

Every test grades one exercise of 07-supervised-learning/exercises.py through the ``learner``
fixture. The reference is scikit-learn fitted on the same data (LinearRegression, Ridge, Lasso,
KNeighborsClassifier, GaussianNB, LogisticRegression, SVC, DecisionTreeClassifier,
GradientBoostingRegressor), plus hand-computed values for the exact iterates of the gradient
methods. Tolerances are stated in the messages: they leave room for any correct implementation
(a different but valid linear solver, a vectorised or a looped scan) and none for the plausible
mistakes named in each block (missing intercept, penalised intercept, wrong 1/n, biased variance,
natural log instead of log2, cutting between equal values, ...).

Data sets are small (tens to a few hundred rows) so that the whole suite runs in a few seconds.
The decision-tree data sets were chosen so that no two candidate splits tie: on those,
scikit-learn's tree is the same for every random_state, and so is any correct implementation.
"""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, load_iris, load_wine, make_classification, make_regression
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from grader.testing import (
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
)

# =============================================================================================
# Shared data and helpers
# =============================================================================================


# Data are loaded once per module, but every test receives fresh copies: a learner's function
# that modifies its input in place must not change the data of the tests that run after it.


@pytest.fixture(scope="module")
def _diabetes_once():
    return load_diabetes(return_X_y=True)


@pytest.fixture(scope="module")
def _wine_once():
    X, y = load_wine(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@pytest.fixture
def diabetes(_diabetes_once):
    X, y = _diabetes_once
    return X.copy(), y.copy()


@pytest.fixture
def diabetes_std(_diabetes_once):
    X, y = _diabetes_once
    return StandardScaler().fit_transform(X), y.copy()


@pytest.fixture
def wine_split(_wine_once):
    X, y = _wine_once
    return X[::2].copy(), y[::2].copy(), X[1::2].copy(), y[1::2].copy()


def _offset_regression(seed: int = 0, n: int = 60, d: int = 4):
    """Features far from the origin and a target with a large offset: a missing or penalised
    intercept cannot hide here."""
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=5.0, scale=2.0, size=(n, d))
    w = rng.normal(size=d) * 3
    y = X @ w + 50.0 + rng.normal(scale=0.5, size=n)
    return X, y


def _tree_data(seed: int):
    """3 classes, 4 continuous features; seeds 2 and 7 have no tied splits up to depth 4."""
    X, y = make_classification(160, 4, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, class_sep=0.8, random_state=seed)
    return X[:120], y[:120], X[120:], y[120:]


def _pair(result, what: str):
    """A (coef, intercept) pair as (float array, float), with clear failures."""
    expect(result is not None, f"{what}: got None; did you forget to return (coef, intercept)?")
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{what}: expected a tuple (coef, intercept), got {type(result).__name__}")
    coef, intercept = result
    expect(hasattr(coef, "shape"), f"{what}: coef should be a NumPy array, got {type(coef).__name__}")
    expect(np.ndim(intercept) == 0,
           f"{what}: intercept should be a single number, got an array of shape {np.shape(intercept)}")
    return np.asarray(coef, dtype=float), float(intercept)


def _fit(model, X, y, what: str):
    """Call fit on copies of X and y; check it returns self and leaves the inputs alone."""
    Xc, yc = X.copy(), y.copy()
    out = model.fit(Xc, yc)
    expect(out is model, f"{what}.fit(X, y) should return self (so that Model().fit(X, y).predict(...) "
           f"works), got {type(out).__name__}")
    expect(np.array_equal(Xc, X) and np.array_equal(yc, y),
           f"{what}.fit(X, y) modified the caller's X or y in place: work on a copy")
    return model


def _expect_labels(got, want, what: str):
    """Predicted labels equal, element by element; the message names the first difference."""
    expect(got is not None, f"{what}: got None; did you forget to return the predictions?")
    got, want = np.asarray(got), np.asarray(want)
    expect_shape(got, want.shape, what)
    bad = np.flatnonzero(got != want)
    if bad.size:
        i = int(bad[0])
        expect(False, f"{what}: {bad.size} of {want.size} predictions differ; first at row {i}: "
               f"expected {want[i].item()!r}, got {got[i].item()!r}")


def _check_hyperparameters(model, expected: dict, what: str):
    for name, value in expected.items():
        expect(hasattr(model, name), f"{what}: the hyperparameter `{name}` should stay stored as "
               f"self.{name} (scikit-learn convention)")
        expect_equal(getattr(model, name), value, f"{what}: self.{name} after fit (hyperparameters are "
                     "stored unchanged; learned values go in attributes ending in '_')")


# =============================================================================================
# 1. impurity
# =============================================================================================


@pytest.mark.exercise("impurity")
def test_impurity_hand_computed_values(learner):
    cases = [
        (np.array([0, 0, 1, 1]), "gini", 0.5),
        (np.array([3, 3, 3, 7]), "gini", 0.375),
        (np.array([0, 1, 2, 0, 1, 2]), "gini", 2 / 3),
        (np.array([0, 0, 1, 1]), "entropy", 1.0),
        (np.array([0, 0, 0, 1]), "entropy", 0.8112781244591328),
        (np.array([0, 1, 2, 3]), "entropy", 2.0),
    ]
    for y, criterion, want in cases:
        got = learner.impurity(y, criterion)
        hint = " (entropy is in bits: log base 2; 0.693 for a 50/50 split means natural log)" \
            if criterion == "entropy" else " (1 - sum of squared class fractions)"
        expect_close(got, want, f"impurity({y.tolist()}, {criterion!r}){hint}", atol=1e-12)


@pytest.mark.exercise("impurity")
def test_impurity_default_is_gini_and_any_label_type_works(learner):
    expect_close(learner.impurity(np.array([0, 0, 1, 1])), 0.5,
                 "impurity([0, 0, 1, 1]) with the default criterion (gini)", atol=1e-12)
    expect_close(learner.impurity(np.array(["cat", "dog", "dog", "dog"]), "gini"), 0.375,
                 "impurity of string labels ['cat', 'dog', 'dog', 'dog'] (np.bincount cannot count strings)",
                 atol=1e-12)
    expect_close(learner.impurity(np.array([-1, -1, 5, 5, 5, 5]), "entropy"), 0.9182958340544896,
                 "impurity of negative / non-contiguous labels [-1, -1, 5, 5, 5, 5], entropy", atol=1e-12)
    rng = np.random.default_rng(0)
    y = rng.integers(0, 4, size=50)
    for criterion in ("gini", "entropy"):
        expect_close(learner.impurity(rng.permutation(y), criterion), learner.impurity(y, criterion),
                     f"impurity is a function of the class counts only ({criterion}, shuffled labels)",
                     atol=1e-12)


@pytest.mark.exercise("impurity")
def test_impurity_edge_cases(learner):
    for criterion in ("gini", "entropy"):
        got = learner.impurity(np.array([4, 4, 4]), criterion)
        expect_type(got, float, f"impurity(pure labels, {criterion!r})")
        expect_close(got, 0.0, f"impurity of a pure node [4, 4, 4] ({criterion})", atol=1e-12)
        expect_close(learner.impurity(np.array([1]), criterion), 0.0,
                     f"impurity of a single label ({criterion})", atol=1e-12)
        got = learner.impurity(np.array([], dtype=int), criterion)
        expect_close(got, 0.0, f"impurity of an empty array ({criterion}) should be 0.0, not nan", atol=0)
    expect_raises(ValueError, lambda: learner.impurity(np.array([0, 1]), "misclassification"),
                  "impurity(y, 'misclassification'): an unknown criterion")


@pytest.mark.exercise("impurity")
def test_impurity_matches_sklearn_tree_root(learner):
    rng = np.random.default_rng(1)
    y = rng.choice(4, size=90, p=[0.1, 0.2, 0.3, 0.4])
    X = rng.normal(size=(90, 2))
    for criterion in ("gini", "entropy"):
        root = DecisionTreeClassifier(max_depth=1, criterion=criterion).fit(X, y).tree_.impurity[0]
        expect_close(learner.impurity(y, criterion), root,
                     f"impurity of 90 labels from 4 classes ({criterion}) vs the root impurity of "
                     "scikit-learn's DecisionTreeClassifier (tolerance 1e-12)", atol=1e-12)


# =============================================================================================
# 2. linear_regression_closed_form
# =============================================================================================


@pytest.mark.exercise("linear_regression_closed_form")
def test_ols_matches_sklearn_with_a_large_intercept(learner):
    X, y = _offset_regression(0)
    with forbid(learner, "sklearn.linear_model.LinearRegression", reason="solve least squares yourself"):
        coef, b = _pair(learner.linear_regression_closed_form(X, y), "linear_regression_closed_form")
    ref = LinearRegression().fit(X, y)
    expect_shape(coef, (4,), "coef for X of shape (60, 4)")
    expect_close(coef, ref.coef_, "coef for X of shape (60, 4) whose columns have mean about 5, vs "
                 "scikit-learn's LinearRegression (rtol 1e-7; a model without an intercept gets these wrong)",
                 rtol=1e-7, atol=1e-9)
    expect_close(b, ref.intercept_, "intercept vs LinearRegression().intercept_ (about 50 here)",
                 rtol=1e-7, atol=1e-9)


@pytest.mark.exercise("linear_regression_closed_form")
def test_ols_matches_sklearn_on_diabetes(learner, diabetes):
    X, y = diabetes
    coef, b = _pair(learner.linear_regression_closed_form(X, y), "linear_regression_closed_form")
    ref = LinearRegression().fit(X, y)
    expect_shape(coef, (10,), "coef on the diabetes data, X of shape (442, 10)")
    expect_close(coef, ref.coef_, "coef on the diabetes data (442 x 10) vs LinearRegression (rtol 1e-6)",
                 rtol=1e-6, atol=1e-6)
    expect_close(b, ref.intercept_, "intercept on the diabetes data vs LinearRegression", rtol=1e-7)


@pytest.mark.exercise("linear_regression_closed_form")
def test_ols_recovers_an_exact_linear_law(learner):
    rng = np.random.default_rng(3)
    X = rng.uniform(-3, 3, size=(6, 2))
    y = 2.0 * X[:, 0] - 3.0 * X[:, 1] + 7.0
    coef, b = _pair(learner.linear_regression_closed_form(X, y), "linear_regression_closed_form")
    expect_close(coef, [2.0, -3.0], "coef for noiseless y = 2 x0 - 3 x1 + 7", atol=1e-9)
    expect_close(b, 7.0, "intercept for noiseless y = 2 x0 - 3 x1 + 7", atol=1e-9)
    coef, b = _pair(learner.linear_regression_closed_form(np.array([[1.0], [2.0], [3.0], [4.0]]),
                                                          np.array([3.0, 5.0, 7.0, 9.0])),
                    "linear_regression_closed_form")
    expect_close(coef, [2.0], "coef of the docstring example y = 2x + 1", atol=1e-9)
    expect_close(b, 1.0, "intercept of the docstring example y = 2x + 1", atol=1e-9)


@pytest.mark.exercise("linear_regression_closed_form")
def test_ols_returns_array_and_float_and_leaves_inputs_alone(learner):
    X, y = _offset_regression(1, n=20, d=3)
    X0, y0 = X.copy(), y.copy()
    coef, b = learner.linear_regression_closed_form(X, y)
    expect_type(coef, np.ndarray, "coef returned by linear_regression_closed_form")
    expect_shape(coef, (3,), "coef for X of shape (20, 3) (1-D, not (3, 1) or (4,))")
    expect_type(b, (float, np.floating), "intercept returned by linear_regression_closed_form")
    expect(np.array_equal(X, X0) and np.array_equal(y, y0),
           "linear_regression_closed_form modified X or y in place: centre a copy (X - X.mean(0))")


# =============================================================================================
# 3. ridge_regression
# =============================================================================================


@pytest.mark.exercise("ridge_regression")
def test_ridge_matches_sklearn_for_several_alphas(learner, diabetes):
    X, y = diabetes
    for alpha in (0.01, 0.1, 1.0, 10.0):
        with forbid(learner, "sklearn.linear_model.Ridge", "sklearn.linear_model.ridge_regression",
                    reason="solve the ridge system yourself"):
            coef, b = _pair(learner.ridge_regression(X, y, alpha), "ridge_regression")
        ref = Ridge(alpha=alpha).fit(X, y)
        expect_shape(coef, (10,), f"coef of ridge_regression on diabetes (442 x 10), alpha={alpha}")
        expect_close(coef, ref.coef_, f"coef on diabetes with alpha={alpha} vs scikit-learn's Ridge "
                     "(rtol 1e-6; the objective is sum of squares + alpha ||w||^2, no 1/n)",
                     rtol=1e-6, atol=1e-6)
        expect_close(b, ref.intercept_, f"intercept on diabetes with alpha={alpha} vs Ridge", rtol=1e-7)


@pytest.mark.exercise("ridge_regression")
def test_ridge_does_not_penalise_the_intercept(learner):
    X, y = _offset_regression(2)
    y = y + 1000.0
    coef, b = _pair(learner.ridge_regression(X, y, 5.0), "ridge_regression")
    ref = Ridge(alpha=5.0).fit(X, y)
    expect_close(b, ref.intercept_, "intercept with alpha=5 on data whose target has mean about 1050 "
                 "(a penalised intercept is pulled towards 0; centre X and y instead)", rtol=1e-8)
    expect_close(coef, ref.coef_, "coef with alpha=5 on data far from the origin vs Ridge", rtol=1e-7,
                 atol=1e-9)
    coef, b = _pair(learner.ridge_regression(X, y, 1e12), "ridge_regression")
    expect_close(coef, np.zeros(4), "coef with alpha=1e12 (everything shrunk to 0)", atol=1e-6)
    expect_close(b, y.mean(), "intercept with alpha=1e12: with w = 0 the best intercept is mean(y)",
                 rtol=1e-6)


@pytest.mark.exercise("ridge_regression")
def test_ridge_alpha_zero_is_ols_and_penalty_shrinks(learner):
    X, y = _offset_regression(4, n=40, d=3)
    coef0, b0 = _pair(learner.ridge_regression(X, y, 0.0), "ridge_regression")
    ref = LinearRegression().fit(X, y)
    expect_close(coef0, ref.coef_, "ridge_regression with alpha=0 is ordinary least squares", rtol=1e-7,
                 atol=1e-9)
    expect_close(b0, ref.intercept_, "intercept with alpha=0 (ordinary least squares)", rtol=1e-7)
    norms = [np.linalg.norm(_pair(learner.ridge_regression(X, y, a), "ridge_regression")[0])
             for a in (0.0, 1.0, 10.0, 100.0, 1000.0)]
    expect(all(n1 > n2 for n1, n2 in zip(norms, norms[1:])),
           f"||coef|| should shrink strictly as alpha grows over 0, 1, 10, 100, 1000; got {np.round(norms, 4)}")


@pytest.mark.exercise("ridge_regression")
def test_ridge_handles_more_features_than_samples(learner):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(6, 9))
    X = np.column_stack([X, X[:, 0]])  # and an exactly duplicated column
    y = rng.normal(size=6)
    coef, b = _pair(learner.ridge_regression(X, y, 1.0), "ridge_regression")
    ref = Ridge(alpha=1.0).fit(X, y)
    expect_shape(coef, (10,), "coef for X of shape (6, 10)")
    expect_close(coef, ref.coef_, "coef for 6 samples, 10 features (two identical) with alpha=1 vs Ridge "
                 "(the penalty makes the system solvable)", rtol=1e-7, atol=1e-9)
    expect_close(b, ref.intercept_, "intercept for 6 samples, 10 features, alpha=1", rtol=1e-7, atol=1e-9)


# =============================================================================================
# 4. linear_regression_gd
# =============================================================================================


def _reference_gd(X, y, lr, n_iters):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        w, b = w - lr * X.T @ r / n, b - lr * r.mean()
    return w, b


@pytest.mark.exercise("linear_regression_gd")
def test_gd_first_step_is_exact(learner):
    rng = np.random.default_rng(6)
    X = rng.normal(loc=1.0, size=(7, 3))
    y = rng.normal(loc=2.0, size=7)
    coef, b = _pair(learner.linear_regression_gd(X, y, lr=0.3, n_iters=1), "linear_regression_gd")
    want_w, want_b = 0.3 * X.T @ y / 7, 0.3 * y.mean()
    expect_shape(coef, (3,), "coef for X of shape (7, 3)")
    expect_close(coef, want_w, "w after ONE step from w = 0, b = 0 with lr=0.3: lr * X^T y / n "
                 "(twice that means the gradient of (1/n)||r||^2 instead of (1/(2n))||r||^2; "
                 "n times that means a missing 1/n; the opposite sign means a step uphill)", rtol=1e-10)
    expect_close(b, want_b, "b after ONE step with lr=0.3: lr * mean(y)", rtol=1e-10)


@pytest.mark.exercise("linear_regression_gd")
def test_gd_iterates_are_exact(learner):
    rng = np.random.default_rng(7)
    X = rng.normal(loc=0.5, size=(9, 2))
    y = X @ np.array([1.5, -2.0]) + 3.0 + rng.normal(scale=0.1, size=9)
    for n_iters in (2, 5):
        coef, b = _pair(learner.linear_regression_gd(X, y, lr=0.2, n_iters=n_iters), "linear_regression_gd")
        want_w, want_b = _reference_gd(X, y, 0.2, n_iters)
        expect_close(coef, want_w, f"w after {n_iters} steps with lr=0.2 (both gradients must use the "
                     "residuals of the CURRENT w and b: updating w first and then using it for b's "
                     "gradient gives different iterates)", rtol=1e-10)
        expect_close(b, want_b, f"b after {n_iters} steps with lr=0.2", rtol=1e-10)
    coef, b = _pair(learner.linear_regression_gd(X, y, lr=0.2, n_iters=0), "linear_regression_gd")
    expect_close(coef, np.zeros(2), "w with n_iters=0 (the starting point)", atol=0)
    expect_close(b, 0.0, "b with n_iters=0 (the starting point)", atol=0)


@pytest.mark.exercise("linear_regression_gd")
def test_gd_converges_to_least_squares(learner):
    rng = np.random.default_rng(8)
    X = rng.normal(size=(120, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 4.0 + rng.normal(scale=0.3, size=120)
    coef, b = _pair(learner.linear_regression_gd(X, y, lr=0.5, n_iters=400), "linear_regression_gd")
    ref = LinearRegression().fit(X, y)
    expect_close(coef, ref.coef_, "w after 400 steps with lr=0.5 on well-conditioned data vs "
                 "scikit-learn's LinearRegression (atol 1e-6)", rtol=0, atol=1e-6)
    expect_close(b, ref.intercept_, "b after 400 steps vs LinearRegression().intercept_", rtol=0, atol=1e-6)


@pytest.mark.exercise("linear_regression_gd")
def test_gd_uses_the_given_hyperparameters(learner):
    X = np.array([[1.0], [-1.0]])
    y = np.array([3.0, 1.0])
    coef, b = _pair(learner.linear_regression_gd(X, y, lr=0.5, n_iters=1), "linear_regression_gd")
    expect_close(coef, [0.5], "docstring example: w after one step with lr=0.5", atol=1e-12)
    expect_close(b, 1.0, "docstring example: b after one step with lr=0.5", atol=1e-12)
    coef, b = _pair(learner.linear_regression_gd(X, y), "linear_regression_gd")
    want_w, want_b = _reference_gd(X, y, 0.1, 1000)
    expect_close(coef, want_w, "w with the defaults lr=0.1, n_iters=1000", rtol=1e-9)
    expect_close(b, want_b, "b with the defaults lr=0.1, n_iters=1000", rtol=1e-9)


# =============================================================================================
# 5. KNNClassifier
# =============================================================================================

KNN_LIBRARIES = (
    "sklearn.neighbors.KNeighborsClassifier",
    "sklearn.neighbors.NearestNeighbors",
    "scipy.spatial.distance.cdist",
    "scipy.spatial.KDTree",
    "scipy.spatial.cKDTree",
)


@pytest.mark.exercise("KNNClassifier")
def test_knn_matches_sklearn_on_wine(learner, wine_split):
    Xtr, ytr, Xte, yte = wine_split
    for k in (1, 3, 5, 8):
        with forbid(learner, *KNN_LIBRARIES, reason="compute the distances and the vote yourself"):
            model = _fit(learner.KNNClassifier(n_neighbors=k), Xtr, ytr, "KNNClassifier")
            pred = model.predict(Xte)
            proba = model.predict_proba(Xte)
        ref = KNeighborsClassifier(n_neighbors=k).fit(Xtr, ytr)
        expect_shape(pred, (89,), f"predict for 89 query rows (k={k})")
        _expect_labels(pred, ref.predict(Xte),
                     f"KNNClassifier(n_neighbors={k}).predict on standardised wine vs KNeighborsClassifier")
        expect_shape(proba, (89, 3), f"predict_proba for 89 query rows and 3 classes (k={k})")
        expect_close(proba, ref.predict_proba(Xte), f"predict_proba on wine with k={k} vs "
                     "KNeighborsClassifier (the fraction of the k neighbours in each class)", atol=1e-12)


@pytest.mark.exercise("KNNClassifier")
def test_knn_tie_rules(learner):
    # Vote ties: the smallest label wins, even when the nearest neighbour has the other label.
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([5, 5, 2, 2])
    model = _fit(learner.KNNClassifier(n_neighbors=2), X, y, "KNNClassifier")
    got = model.predict(np.array([[1.4]]))
    ref = KNeighborsClassifier(n_neighbors=2).fit(X, y).predict(np.array([[1.4]]))
    _expect_labels(got, ref, "k=2, query 1.4, neighbours 1.0 (label 5) and 2.0 (label 2): "
                 "a 1-1 vote goes to the smallest label, as in scikit-learn")
    model = _fit(learner.KNNClassifier(n_neighbors=4), X, y, "KNNClassifier")
    expect_equal(model.predict(np.array([[0.2]])).tolist(), [2],
                 "k=4 with labels [5, 5, 2, 2]: a 2-2 vote goes to the smallest label")
    # Distance ties: the earlier training row counts as nearer.
    X = np.array([[1.0], [-1.0], [5.0]])
    model = _fit(learner.KNNClassifier(n_neighbors=1), X, np.array([7, 3, 3]), "KNNClassifier")
    expect_equal(model.predict(np.array([[0.0]])).tolist(), [7],
                 "k=1, query 0.0 at distance 1 from training rows 0 (label 7) and 1 (label 3): "
                 "equal distances are ranked by training position, so row 0 wins")


@pytest.mark.exercise("KNNClassifier")
def test_knn_string_labels_and_one_neighbour_memorises(learner):
    rng = np.random.default_rng(9)
    X = rng.normal(size=(30, 3))
    y = rng.choice(np.array(["zebra", "ant", "moth"]), size=30)
    model = _fit(learner.KNNClassifier(n_neighbors=1), X, y, "KNNClassifier")
    expect_equal(list(model.classes_), ["ant", "moth", "zebra"], "classes_ (sorted distinct labels)")
    _expect_labels(model.predict(X), y,
                 "with k=1 every training point is its own nearest neighbour: predict(X_train) == y_train")
    proba = model.predict_proba(X[:5])
    expect_shape(proba, (5, 3), "predict_proba for 5 rows and 3 classes")
    expect_close(proba.sum(axis=1), np.ones(5), "each row of predict_proba sums to 1", atol=1e-12)
    one = model.predict(X[:1])
    expect_shape(one, (1,), "predict on a single query row of shape (1, 3)")


@pytest.mark.exercise("KNNClassifier")
def test_knn_follows_sklearn_conventions(learner):
    X = np.arange(12.0).reshape(6, 2)
    y = np.array([0, 0, 0, 1, 1, 1])
    model = learner.KNNClassifier(n_neighbors=3)
    _fit(model, X, y, "KNNClassifier")
    _check_hyperparameters(model, {"n_neighbors": 3}, "KNNClassifier(n_neighbors=3)")
    expect_raises(ValueError, lambda: learner.KNNClassifier(n_neighbors=7).fit(X, y),
                  "KNNClassifier(n_neighbors=7).fit on 6 training rows")
    expect_raises(ValueError, lambda: learner.KNNClassifier(n_neighbors=0).fit(X, y),
                  "KNNClassifier(n_neighbors=0).fit")
    expect_equal(learner.KNNClassifier().n_neighbors, 5, "the default n_neighbors")


# =============================================================================================
# 6. GaussianNaiveBayes
# =============================================================================================


@pytest.mark.exercise("GaussianNaiveBayes")
def test_gnb_fitted_parameters_match_sklearn(learner):
    X, y = load_iris(return_X_y=True)
    keep = np.r_[0:50, 50:60, 100:130]  # 50 / 10 / 30 rows: unequal priors
    X, y = X[keep], y[keep]
    with forbid(learner, "sklearn.naive_bayes.GaussianNB", reason="estimate the Gaussians yourself"):
        model = _fit(learner.GaussianNaiveBayes(), X, y, "GaussianNaiveBayes")
    ref = GaussianNB().fit(X, y)
    expect_equal(list(model.classes_), [0, 1, 2], "classes_ on iris")
    expect_close(model.class_prior_, ref.class_prior_, "class_prior_ for 50 / 10 / 30 rows per class",
                 atol=1e-12)
    expect_close(model.theta_, ref.theta_, "theta_ (per-class feature means), shape (3, 4)", atol=1e-12)
    expect_close(model.epsilon_, ref.epsilon_, "epsilon_ = var_smoothing * (the largest variance of any "
                 "feature over all of X)", rtol=1e-9, atol=0)
    expect_close(model.var_, ref.var_, "var_ vs GaussianNB: per-class variances dividing by n_c (ddof=0, "
                 "not n_c - 1), plus epsilon_", rtol=1e-9, atol=1e-12)
    expect_close(model.predict_proba(X), ref.predict_proba(X), "predict_proba with unequal class sizes "
                 "50 / 10 / 30 vs GaussianNB (the log prior is part of every class score)", rtol=1e-6, atol=1e-9)


@pytest.mark.exercise("GaussianNaiveBayes")
def test_gnb_var_smoothing_uses_the_largest_variance(learner):
    X, y = load_wine(return_X_y=True)  # raw wine: feature variances from 0.01 to 1e5
    model = _fit(learner.GaussianNaiveBayes(var_smoothing=0.01), X, y, "GaussianNaiveBayes")
    ref = GaussianNB(var_smoothing=0.01).fit(X, y)
    _check_hyperparameters(model, {"var_smoothing": 0.01}, "GaussianNaiveBayes(var_smoothing=0.01)")
    expect_close(model.var_, ref.var_, "var_ with var_smoothing=0.01 on raw wine: every variance gets "
                 "+ 0.01 * (the largest variance of any feature over all of X)", rtol=1e-9)
    expect_close(model.predict_proba(X), ref.predict_proba(X),
                 "predict_proba with var_smoothing=0.01 on raw wine vs GaussianNB", rtol=1e-6, atol=1e-9)


@pytest.mark.exercise("GaussianNaiveBayes")
def test_gnb_predictions_match_sklearn(learner, wine_split):
    Xtr, ytr, Xte, _ = wine_split
    model = _fit(learner.GaussianNaiveBayes(), Xtr, ytr, "GaussianNaiveBayes")
    ref = GaussianNB().fit(Xtr, ytr)
    proba = model.predict_proba(Xte)
    expect_shape(proba, (89, 3), "predict_proba for 89 rows and 3 classes")
    expect_close(proba, ref.predict_proba(Xte), "predict_proba on standardised wine vs GaussianNB "
                 "(rtol 1e-6, atol 1e-9)", rtol=1e-6, atol=1e-9)
    _expect_labels(model.predict(Xte), ref.predict(Xte), "predict on wine vs GaussianNB")


@pytest.mark.exercise("GaussianNaiveBayes")
def test_gnb_is_stable_far_from_the_data(learner):
    X, y = load_iris(return_X_y=True)
    model = _fit(learner.GaussianNaiveBayes(), X, y, "GaussianNaiveBayes")
    far = np.array([[40.0, 30.0, 50.0, 20.0], [-30.0, 0.0, 0.0, 0.0]])
    with np.errstate(all="ignore"):
        proba = model.predict_proba(far)
    expect(np.all(np.isfinite(proba)), "predict_proba for points far from every class is nan or inf: "
           "the densities underflow to 0; normalise in log space (subtract the row maximum before exp)")
    expect_close(proba, GaussianNB().fit(X, y).predict_proba(far),
                 "predict_proba for two points far from all the iris data vs GaussianNB", atol=1e-9)
    labels = np.where(y == 0, "setosa", np.where(y == 1, "versicolor", "virginica"))
    model = _fit(learner.GaussianNaiveBayes(), X, labels, "GaussianNaiveBayes")
    expect_equal(model.predict(X[[0, 60, 120]]).tolist(), ["setosa", "versicolor", "virginica"],
                 "predict with string labels returns labels from classes_")


# =============================================================================================
# 7. LogisticRegressionGD
# =============================================================================================


def _logistic_data():
    X, y = make_classification(200, 3, n_informative=3, n_redundant=0, flip_y=0.2, random_state=0)
    return X, y


def _reference_logistic(X, t, lr, n_iters):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        e = 1.0 / (1.0 + np.exp(-(X @ w + b))) - t
        w, b = w - lr * X.T @ e / n, b - lr * e.mean()
    return w, b


@pytest.mark.exercise("LogisticRegressionGD")
def test_logistic_first_steps_are_exact(learner):
    rng = np.random.default_rng(10)
    X = rng.normal(loc=0.5, size=(10, 3))
    y = np.array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0])
    model = _fit(learner.LogisticRegressionGD(lr=0.4, n_iters=1), X, y, "LogisticRegressionGD")
    want = 0.4 * X.T @ (y - 0.5) / 10
    expect_shape(np.asarray(model.coef_), (3,), "coef_ for X of shape (10, 3) (1-D)")
    expect_close(model.coef_, want, "coef_ after ONE step from w = 0 with lr=0.4: lr * X^T (t - 0.5) / n "
                 "(opposite sign: ascending the loss; n times larger: a missing 1/n)", rtol=1e-10)
    expect_close(model.intercept_, 0.4 * np.mean(y - 0.5), "intercept_ after ONE step: lr * mean(t - 0.5)",
                 rtol=1e-10)
    model = _fit(learner.LogisticRegressionGD(lr=0.4, n_iters=6), X, y, "LogisticRegressionGD")
    want_w, want_b = _reference_logistic(X, y.astype(float), 0.4, 6)
    expect_close(model.coef_, want_w, "coef_ after 6 steps with lr=0.4 (gradient (1/n) X^T (p - t))",
                 rtol=1e-9)
    expect_close(model.intercept_, want_b, "intercept_ after 6 steps with lr=0.4", rtol=1e-9)


@pytest.mark.exercise("LogisticRegressionGD")
def test_logistic_converges_to_sklearn(learner):
    X, y = _logistic_data()
    with forbid(learner, "sklearn.linear_model.LogisticRegression", "sklearn.linear_model.SGDClassifier",
                "scipy.special.expit", reason="write the sigmoid and the gradient steps yourself"):
        model = _fit(learner.LogisticRegressionGD(lr=0.5, n_iters=2000), X, y, "LogisticRegressionGD")
        proba = model.predict_proba(X)
        pred = model.predict(X)
        scores = model.decision_function(X)
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    expect_close(model.coef_, ref.coef_[0], "coef_ after 2000 steps (lr=0.5) vs LogisticRegression(C=inf), "
                 "the unpenalised model (atol 1e-5)", rtol=0, atol=1e-5)
    expect_close(model.intercept_, ref.intercept_[0], "intercept_ vs LogisticRegression(C=inf)", atol=1e-5)
    expect_shape(proba, (200, 2), "predict_proba for 200 rows: columns [P(class 0), P(class 1)]")
    expect_close(proba, ref.predict_proba(X), "predict_proba vs LogisticRegression(C=inf)", atol=1e-5)
    expect_shape(scores, (200,), "decision_function for 200 rows")
    expect_close(scores, ref.decision_function(X), "decision_function (the log-odds) vs scikit-learn",
                 atol=1e-4)
    _expect_labels(pred, ref.predict(X), "predict vs LogisticRegression(C=inf)")


@pytest.mark.exercise("LogisticRegressionGD")
def test_logistic_maps_any_two_labels(learner):
    X, y = _logistic_data()
    labels = np.where(y == 1, "spam", "ham")
    model = _fit(learner.LogisticRegressionGD(lr=0.5, n_iters=300), X, labels, "LogisticRegressionGD")
    base = learner.LogisticRegressionGD(lr=0.5, n_iters=300).fit(X, y)
    expect_equal(list(model.classes_), ["ham", "spam"], "classes_ for labels 'ham' / 'spam'")
    expect_close(model.coef_, base.coef_, "coef_ with labels 'ham'/'spam' equals coef_ with 0/1 "
                 "('spam' = classes_[1] is the positive class)", rtol=1e-12, atol=1e-12)
    expect_equal(set(model.predict(X).tolist()) <= {"ham", "spam"}, True,
                 "predict returns the original labels")
    signed = np.where(y == 1, 1, -1)
    model = _fit(learner.LogisticRegressionGD(lr=0.5, n_iters=300), X, signed, "LogisticRegressionGD")
    expect_close(model.coef_, base.coef_, "coef_ with labels -1/+1 equals coef_ with 0/1 (the targets "
                 "of the cross-entropy are t = 0 / 1, not the raw labels)", rtol=1e-12, atol=1e-12)
    expect_raises(ValueError, lambda: learner.LogisticRegressionGD().fit(X, y % 3 + (X[:, 0] > 1)),
                  "LogisticRegressionGD().fit with three classes")


@pytest.mark.exercise("LogisticRegressionGD")
def test_logistic_stability_threshold_and_conventions(learner):
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    y = np.array([0, 0, 1, 1])
    model = _fit(learner.LogisticRegressionGD(lr=0.3, n_iters=0), X, y, "LogisticRegressionGD")
    _check_hyperparameters(model, {"lr": 0.3, "n_iters": 0}, "LogisticRegressionGD(lr=0.3, n_iters=0)")
    expect_close(model.predict_proba(X), np.full((4, 2), 0.5), "predict_proba with n_iters=0 (w = 0, b = 0)",
                 atol=1e-12)
    expect_equal(model.predict(X).tolist(), [0, 0, 0, 0], "predict when P(class 1) is exactly 0.5: the "
                 "rule is P > 0.5 (strictly), so the answer is classes_[0]")
    model = _fit(learner.LogisticRegressionGD(lr=1.0, n_iters=50), 1000 * X, y, "LogisticRegressionGD")
    with np.errstate(all="ignore"):
        proba = model.predict_proba(np.array([[-5000.0], [5000.0]]))
    expect(np.all(np.isfinite(proba)), "predict_proba for log-odds of size ~1e6 contains nan or inf: "
           "compute the sigmoid in a way that cannot overflow")
    expect_close(proba, [[1.0, 0.0], [0.0, 1.0]], "predict_proba far on each side of the boundary", atol=1e-9)


# =============================================================================================
# 8. LinearSVM
# =============================================================================================

SVM_LIBRARIES = ("sklearn.svm.SVC", "sklearn.svm.LinearSVC", "sklearn.linear_model.SGDClassifier")


def _hinge_objective(w, b, X, s, alpha):
    return 0.5 * alpha * w @ w + np.maximum(0.0, 1.0 - s * (X @ w + b)).mean()


def _reference_svm(X, s, alpha, lr, n_iters):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for t in range(n_iters):
        a = s * (X @ w + b) < 1
        gw = alpha * w - X[a].T @ s[a] / n
        gb = -s[a].sum() / n
        eta = lr / np.sqrt(t + 1)
        w, b = w - eta * gw, b - eta * gb
    return w, b


@pytest.mark.exercise("LinearSVM")
def test_svm_first_steps_are_exact(learner):
    rng = np.random.default_rng(11)
    X = rng.normal(loc=0.3, size=(12, 2))
    y = np.array([1] * 8 + [0] * 4)
    s = np.where(y == 1, 1.0, -1.0)
    model = _fit(learner.LinearSVM(alpha=0.5, lr=0.4, n_iters=1), X, y, "LinearSVM")
    expect_close(model.coef_, 0.4 * (s[:, None] * X).mean(axis=0), "coef_ after ONE step from 0 with lr=0.4: "
                 "every margin is 0 < 1, so w = lr * mean(s_i x_i) with s = +1 for classes_[1], -1 otherwise",
                 rtol=1e-10)
    expect_close(model.intercept_, 0.4 * s.mean(), "intercept_ after ONE step: lr * mean(s_i)", rtol=1e-10)
    for n_iters in (3, 8):
        model = _fit(learner.LinearSVM(alpha=0.5, lr=0.4, n_iters=n_iters), X, y, "LinearSVM")
        want_w, want_b = _reference_svm(X, s, 0.5, 0.4, n_iters)
        expect_close(model.coef_, want_w, f"coef_ after {n_iters} steps (alpha=0.5, lr=0.4): step t uses "
                     "lr / sqrt(t + 1), only samples with margin < 1 contribute, and alpha * w is added",
                     rtol=1e-9)
        expect_close(model.intercept_, want_b, f"intercept_ after {n_iters} steps: the bias gets no "
                     "alpha * b term (it is not regularised)", rtol=1e-9)


@pytest.mark.exercise("LinearSVM")
def test_svm_reaches_the_optimum_of_sklearn_svc(learner):
    X, y = make_classification(300, 5, n_informative=3, n_redundant=0, class_sep=1.5, flip_y=0.05,
                               random_state=1)
    X = StandardScaler().fit_transform(X)
    Xtr, ytr, Xte, yte = X[:200], y[:200], X[200:], y[200:]
    s = np.where(ytr == 1, 1.0, -1.0)
    with forbid(learner, *SVM_LIBRARIES, reason="run the subgradient descent yourself"):
        model = _fit(learner.LinearSVM(alpha=0.1, lr=1.0, n_iters=1000), Xtr, ytr, "LinearSVM")
        acc = float(np.mean(model.predict(Xte) == yte))
    ref = SVC(kernel="linear", C=1.0 / (0.1 * 200), tol=1e-6).fit(Xtr, ytr)
    best = _hinge_objective(ref.coef_[0], ref.intercept_[0], Xtr, s, 0.1)
    got = _hinge_objective(np.asarray(model.coef_, float), float(model.intercept_), Xtr, s, 0.1)
    expect(got <= best * 1.01, f"objective (alpha/2)||w||^2 + mean hinge after 1000 steps: expected within 1% "
           f"of the optimum {best:.5f} found by SVC(kernel='linear', C=1/(alpha n)), got {got:.5f}")
    ref_acc = ref.score(Xte, yte)
    expect(acc >= ref_acc - 0.02, f"held-out accuracy: expected at least {ref_acc - 0.02:.3f} (SVC gets "
           f"{ref_acc:.3f}), got {acc:.3f}")


@pytest.mark.exercise("LinearSVM")
def test_svm_on_breast_cancer(learner):
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    s = np.where(y == 1, 1.0, -1.0)
    model = _fit(learner.LinearSVM(alpha=0.01, lr=1.0, n_iters=3000), X, y, "LinearSVM")
    ref = SVC(kernel="linear", C=1.0 / (0.01 * len(y)), tol=1e-6).fit(X, y)
    best = _hinge_objective(ref.coef_[0], ref.intercept_[0], X, s, 0.01)
    got = _hinge_objective(np.asarray(model.coef_, float), float(model.intercept_), X, s, 0.01)
    expect(got <= best * 1.02, f"objective on standardised breast_cancer (alpha=0.01, 3000 steps): expected "
           f"within 2% of the optimum {best:.5f}, got {got:.5f}")
    acc = float(np.mean(model.predict(X) == y))
    expect(acc >= 0.97, f"training accuracy on standardised breast_cancer: expected >= 0.97, got {acc:.3f}")


@pytest.mark.exercise("LinearSVM")
def test_svm_labels_decision_function_and_conventions(learner):
    X = np.array([[2.0, 1.0], [1.5, 2.0], [-1.0, -1.5], [-2.0, -0.5], [0.5, 1.5], [-0.5, -2.0]])
    y = np.array([7, 7, 3, 3, 7, 3])
    model = _fit(learner.LinearSVM(alpha=0.05, lr=0.5, n_iters=200), X, y, "LinearSVM")
    _check_hyperparameters(model, {"alpha": 0.05, "lr": 0.5, "n_iters": 200},
                           "LinearSVM(alpha=0.05, lr=0.5, n_iters=200)")
    expect_equal(list(model.classes_), [3, 7], "classes_ for labels 3 / 7")
    scores = model.decision_function(X)
    expect_shape(scores, (6,), "decision_function for 6 rows")
    _expect_labels(model.predict(X), np.where(scores > 0, 7, 3),
                 "predict is classes_[1] = 7 where decision_function > 0, else 3")
    _expect_labels(model.predict(X), y, "predict on 6 separable points")
    expect_raises(ValueError, lambda: learner.LinearSVM().fit(X, np.array([0, 1, 2, 0, 1, 2])),
                  "LinearSVM().fit with three classes")


# =============================================================================================
# 9. lasso_coordinate_descent
# =============================================================================================

LASSO_LIBRARIES = ("sklearn.linear_model.Lasso", "sklearn.linear_model.ElasticNet",
                   "sklearn.linear_model.lasso_path", "sklearn.linear_model.enet_path")


def _reference_lasso_sweep(X, y, alpha):
    """One cyclic sweep from w = 0 (Gauss-Seidel: each update sees the previous ones)."""
    Xc, yc = X - X.mean(0), y - y.mean()
    n, d = X.shape
    w, r = np.zeros(d), yc.copy()
    for j in range(d):
        nj = Xc[:, j] @ Xc[:, j]
        rho = Xc[:, j] @ r + nj * w[j]
        new = np.sign(rho) * max(abs(rho) - n * alpha, 0.0) / nj
        r -= Xc[:, j] * (new - w[j])
        w[j] = new
    return w


@pytest.mark.exercise("lasso_coordinate_descent")
def test_lasso_matches_sklearn(learner, diabetes_std):
    X, y = diabetes_std
    for alpha in (0.1, 1.0, 5.0):
        with forbid(learner, *LASSO_LIBRARIES, reason="write the coordinate descent yourself"):
            coef, b = _pair(learner.lasso_coordinate_descent(X, y, alpha=alpha, n_iters=5000, tol=1e-10),
                            "lasso_coordinate_descent")
        ref = Lasso(alpha=alpha, tol=1e-12, max_iter=100_000).fit(X, y)
        expect_shape(coef, (10,), "coef on standardised diabetes (442 x 10)")
        expect_close(coef, ref.coef_, f"coef on standardised diabetes with alpha={alpha} vs scikit-learn's "
                     "Lasso (atol 1e-5; the threshold is n * alpha for the (1/(2n)) objective)",
                     rtol=1e-6, atol=1e-5)
        zero = ref.coef_ == 0
        expect(np.all(np.abs(coef[zero]) <= 1e-12),
               f"alpha={alpha}: Lasso sets features {np.flatnonzero(zero).tolist()} exactly to 0; yours are "
               f"{coef[zero]} (soft-thresholding gives exact zeros)")
        expect_close(b, ref.intercept_, f"intercept with alpha={alpha} vs Lasso", rtol=1e-9)


@pytest.mark.exercise("lasso_coordinate_descent")
def test_lasso_alpha_max_switches_everything_off(learner, diabetes):
    X, y = diabetes
    Xc, yc = X - X.mean(0), y - y.mean()
    alpha_max = np.max(np.abs(Xc.T @ yc)) / len(y)
    coef, b = _pair(learner.lasso_coordinate_descent(X, y, alpha=1.01 * alpha_max), "lasso_coordinate_descent")
    expect_close(coef, np.zeros(10), "coef for alpha just above alpha_max = max|Xc^T yc| / n: all exactly 0",
                 atol=0)
    expect_close(b, y.mean(), "intercept when every weight is 0: mean(y) (the intercept is not penalised)",
                 rtol=1e-12)
    coef, _ = _pair(learner.lasso_coordinate_descent(X, y, alpha=0.97 * alpha_max), "lasso_coordinate_descent")
    top = int(np.argmax(np.abs(Xc.T @ yc)))
    expect_equal(np.flatnonzero(coef).tolist(), [top], "the non-zero weights for alpha = 0.97 alpha_max: only "
                 "the feature most correlated with y enters")


@pytest.mark.exercise("lasso_coordinate_descent")
def test_lasso_one_sweep_is_cyclic(learner):
    rng = np.random.default_rng(12)
    X = rng.normal(size=(30, 4))
    X[:, 1] = X[:, 0] + 0.3 * rng.normal(size=30)  # correlated columns: order of updates matters
    y = X @ np.array([2.0, 1.0, 0.0, -1.0]) + 3.0 + rng.normal(scale=0.2, size=30)
    coef, b = _pair(learner.lasso_coordinate_descent(X, y, alpha=0.1, n_iters=1), "lasso_coordinate_descent")
    want = _reference_lasso_sweep(X, y, 0.1)
    expect_close(coef, want, "coef after ONE sweep (n_iters=1) with alpha=0.1: update w_0, then w_1 using "
                 "the residual that already includes the new w_0, and so on (updating all coordinates from "
                 "the old residual at once is a different algorithm)", rtol=1e-10, atol=1e-12)
    expect_close(b, y.mean() - X.mean(0) @ want, "intercept after one sweep: mean(y) - mean(X) . w",
                 rtol=1e-10)


@pytest.mark.exercise("lasso_coordinate_descent")
def test_lasso_constant_column_offset_data_and_small_alpha(learner):
    X, y = _offset_regression(13, n=50, d=3)
    X = np.column_stack([X, np.full(50, 4.0)])  # a constant feature
    coef, b = _pair(learner.lasso_coordinate_descent(X, y, alpha=0.5, n_iters=10_000, tol=1e-12),
                    "lasso_coordinate_descent")
    expect(np.all(np.isfinite(coef)), f"coef with a constant column contains nan/inf: {coef} (skip columns "
           "whose centred norm is 0)")
    ref = Lasso(alpha=0.5, tol=1e-14, max_iter=100_000).fit(X, y)
    expect_close(coef, ref.coef_, "coef with alpha=0.5 on data far from the origin with a constant 4th column "
                 "vs Lasso", rtol=1e-6, atol=1e-7)
    expect_close(b, ref.intercept_, "intercept on data with mean target about 50 vs Lasso", rtol=1e-7)
    coef, b = _pair(learner.lasso_coordinate_descent(X[:, :3], y, alpha=1e-9, n_iters=10_000, tol=1e-13),
                    "lasso_coordinate_descent")
    ols = LinearRegression().fit(X[:, :3], y)
    expect_close(coef, ols.coef_, "coef with alpha=1e-9: practically ordinary least squares", atol=1e-5)


# =============================================================================================
# 10. best_split
# =============================================================================================


def _sklearn_root(X, y, criterion):
    tree = DecisionTreeClassifier(max_depth=1, criterion=criterion, random_state=0).fit(X, y).tree_
    left, right = tree.children_left[0], tree.children_right[0]
    n = tree.n_node_samples
    gain = tree.impurity[0] - (n[left] * tree.impurity[left] + n[right] * tree.impurity[right]) / n[0]
    return int(tree.feature[0]), float(tree.threshold[0]), float(gain)


def _triple(result, what):
    expect(isinstance(result, tuple) and len(result) == 3,
           f"{what}: expected a tuple (feature, threshold, gain), got {type(result).__name__}")
    return result


@pytest.mark.exercise("best_split")
def test_best_split_matches_sklearn_root(learner):
    for seed in (2, 3, 7):
        X, y, _, _ = _tree_data(seed)
        for criterion in ("gini", "entropy"):
            with forbid(learner, "sklearn.tree.DecisionTreeClassifier", reason="scan the thresholds yourself"):
                f, t, g = _triple(learner.best_split(X, y, criterion), "best_split")
            rf, rt, rg = _sklearn_root(X, y, criterion)
            what = f"best_split on 120 rows x 4 features, 3 classes (data set {seed}, {criterion})"
            expect_equal(f, rf, f"{what}: feature (the root split of DecisionTreeClassifier(max_depth=1))")
            expect_close(t, rt, f"{what}: threshold, the midpoint between consecutive sorted values "
                         "(scikit-learn stores float32 features: tolerance 1e-6)", atol=1e-6)
            expect_close(g, rg, f"{what}: gain = parent impurity - weighted child impurities", atol=1e-9)


@pytest.mark.exercise("best_split")
def test_best_split_hand_examples(learner):
    X = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]])
    f, t, g = _triple(learner.best_split(X, np.array([0, 0, 1, 1])), "best_split")
    expect_equal((f, t), (0, 2.5), "best_split of the docstring example: (feature, threshold)")
    expect_type(f, int, "feature returned by best_split")
    expect_type(t, float, "threshold returned by best_split")
    expect_close(g, 0.5, "gain of the docstring example (gini 0.5 -> two pure children)", atol=1e-12)
    # Unsorted rows, labels as strings, entropy.
    X = np.array([[3.1], [0.2], [2.5], [0.9], [1.7], [4.0]])
    y = np.array(["b", "a", "b", "a", "a", "b"])
    f, t, g = _triple(learner.best_split(X, y, "entropy"), "best_split")
    expect_equal(f, 0, "feature for the unsorted one-feature example")
    expect_close(t, 2.1, "threshold for unsorted values [3.1, 0.2, 2.5, 0.9, 1.7, 4.0] with labels "
                 "b a b a a b: midpoint of 1.7 and 2.5 (sort the feature first)", atol=1e-12)
    expect_close(g, 1.0, "entropy gain of a perfect split of a 50/50 node (1 bit)", atol=1e-12)


@pytest.mark.exercise("best_split")
def test_best_split_never_cuts_between_equal_values(learner):
    X = np.array([[1.0], [2.0], [2.0], [3.0]])
    y = np.array([0, 0, 1, 1])
    f, t, g = _triple(learner.best_split(X, y), "best_split")
    expect_close(t, 1.5, "threshold for x = [1, 2, 2, 3], y = [0, 0, 1, 1]: the perfect cut would separate "
                 "the two rows with x = 2, which no threshold can do; the valid cuts 1.5 and 2.5 tie "
                 "and the smaller wins", atol=1e-12)
    expect_close(g, 1 / 6, "gain of the cut at 1.5 (0.5 - 3/4 * 4/9)", atol=1e-12)


@pytest.mark.exercise("best_split")
def test_best_split_ties_and_degenerate_nodes(learner):
    rng = np.random.default_rng(14)
    col = rng.normal(size=20)
    y = (col > 0.1).astype(int)
    f, t, g = _triple(learner.best_split(np.column_stack([col, col]), y), "best_split")
    expect_equal(f, 0, "two identical columns give the same best gain: the tie goes to feature 0")
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]])
    f, t, g = _triple(learner.best_split(X, np.array([0, 1, 1, 1, 1, 0])), "best_split")
    expect_close(t, 1.5, "labels [0, 1, 1, 1, 1, 0]: cuts 1.5 and 5.5 have equal gain; the smaller threshold "
                 "wins", atol=1e-12)
    got = learner.best_split(np.full((5, 2), 3.0), np.array([0, 1, 0, 1, 1]))
    expect_equal(tuple(got), (None, None, 0.0), "best_split when every feature is constant (no split exists)")
    got = learner.best_split(np.array([[1.0, 2.0]]), np.array([1]))
    expect_equal(tuple(got), (None, None, 0.0), "best_split of a single row")
    f, t, g = _triple(learner.best_split(X, np.zeros(6, dtype=int)), "best_split")
    expect(f == 0 and t == 1.5, f"a pure node still has candidate splits: expected (0, 1.5, 0.0), got ({f}, {t}, {g})")
    expect_close(g, 0.0, "gain of any split of a pure node", atol=1e-12)


# =============================================================================================
# 11. DecisionTree
# =============================================================================================


@pytest.mark.exercise("DecisionTree")
def test_tree_matches_sklearn_at_limited_depth(learner):
    for seed in (2, 7):
        Xtr, ytr, Xte, _ = _tree_data(seed)
        for criterion in ("gini", "entropy"):
            for depth in (1, 2, 3, 4):
                with forbid(learner, "sklearn.tree.DecisionTreeClassifier", reason="grow the tree yourself"):
                    model = _fit(learner.DecisionTree(max_depth=depth, criterion=criterion), Xtr, ytr,
                                 "DecisionTree")
                    proba = model.predict_proba(Xte)
                    pred = model.predict(Xte)
                ref = DecisionTreeClassifier(max_depth=depth, criterion=criterion, random_state=0).fit(Xtr, ytr)
                what = f"DecisionTree(max_depth={depth}, criterion={criterion!r}) on data set {seed}"
                expect_shape(proba, (40, 3), f"{what}: predict_proba for 40 rows and 3 classes")
                expect_close(proba, ref.predict_proba(Xte), f"{what}: predict_proba on 40 held-out rows vs "
                             "DecisionTreeClassifier (leaf class fractions)", atol=1e-12)
                _expect_labels(pred, ref.predict(Xte), f"{what}: predict on 40 held-out rows")
                expect_equal((model.depth_, model.n_leaves_), (ref.get_depth(), ref.get_n_leaves()),
                             f"{what}: (depth_, n_leaves_) vs (get_depth(), get_n_leaves())")


@pytest.mark.exercise("DecisionTree")
def test_tree_min_samples_split_and_iris(learner):
    Xtr, ytr, Xte, _ = _tree_data(2)
    model = _fit(learner.DecisionTree(min_samples_split=30), Xtr, ytr, "DecisionTree")
    ref = DecisionTreeClassifier(min_samples_split=30, random_state=0).fit(Xtr, ytr)
    _expect_labels(model.predict(Xte), ref.predict(Xte),
                 "DecisionTree(min_samples_split=30).predict vs DecisionTreeClassifier (nodes with fewer than "
                 "30 rows become leaves)")
    expect_equal((model.depth_, model.n_leaves_), (ref.get_depth(), ref.get_n_leaves()),
                 "(depth_, n_leaves_) with min_samples_split=30")
    X, y = load_iris(return_X_y=True)
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    for depth in (2, 3):
        model = _fit(learner.DecisionTree(max_depth=depth), X, names, "DecisionTree")
        ref = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(X, names)
        expect_close(model.predict_proba(X), ref.predict_proba(X), f"predict_proba on iris (string labels), "
                     f"max_depth={depth}, vs DecisionTreeClassifier", atol=1e-12)
        _expect_labels(model.predict(X), ref.predict(X), f"predict on iris, max_depth={depth}")


@pytest.mark.exercise("DecisionTree")
def test_tree_splits_even_with_zero_gain(learner):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    model = _fit(learner.DecisionTree(), X, y, "DecisionTree")
    expect_equal(model.predict(X).tolist(), [0, 1, 1, 0], "XOR: every root split gains 0, but the tree must "
                 "split anyway (only pure nodes, max_depth and min_samples_split stop it)")
    expect_equal((model.depth_, model.n_leaves_), (2, 4), "(depth_, n_leaves_) for XOR")
    stump = _fit(learner.DecisionTree(max_depth=1), X, y, "DecisionTree")
    expect_equal((stump.depth_, stump.n_leaves_), (1, 2), "(depth_, n_leaves_) for XOR with max_depth=1")


@pytest.mark.exercise("DecisionTree")
def test_tree_leaves_and_conventions(learner):
    X = np.array([[1.0], [1.0], [1.0]])
    model = _fit(learner.DecisionTree(), X, np.array([0, 1, 1]), "DecisionTree")
    expect_equal((model.depth_, model.n_leaves_), (0, 1), "(depth_, n_leaves_) when all rows are identical "
                 "(no split exists: the root is a leaf)")
    expect_close(model.predict_proba(np.array([[5.0]])), [[1 / 3, 2 / 3]],
                 "predict_proba of a single leaf holding labels [0, 1, 1]", atol=1e-12)
    Xtr, ytr, _, _ = _tree_data(7)
    model = _fit(learner.DecisionTree(max_depth=None, criterion="entropy"), Xtr, ytr, "DecisionTree")
    _check_hyperparameters(model, {"max_depth": None, "min_samples_split": 2, "criterion": "entropy"},
                           "DecisionTree(max_depth=None, criterion='entropy')")
    _expect_labels(model.predict(Xtr), ytr, "a fully grown tree classifies its (distinct) "
                 "training rows perfectly")
    proba = model.predict_proba(Xtr)
    expect_close(proba.sum(axis=1), np.ones(120), "every row of predict_proba sums to 1", atol=1e-12)
    zero = _fit(learner.DecisionTree(max_depth=0), Xtr, ytr, "DecisionTree")
    expect_close(zero.predict_proba(Xtr[:2]), np.tile(np.bincount(ytr) / 120, (2, 1)),
                 "max_depth=0: the root is a leaf predicting the class frequencies", atol=1e-12)


# =============================================================================================
# 12. GradientBoostingStumps
# =============================================================================================

GB_LIBRARIES = ("sklearn.ensemble.GradientBoostingRegressor", "sklearn.ensemble.HistGradientBoostingRegressor",
                "sklearn.tree.DecisionTreeRegressor")


@pytest.fixture
def gb_data():
    X, y = make_regression(200, 4, n_informative=3, noise=10.0, random_state=0)
    y = y + 100.0
    return X[:150].copy(), y[:150].copy(), X[150:].copy(), y[150:].copy()


@pytest.mark.exercise("GradientBoostingStumps")
def test_gb_matches_sklearn(learner, gb_data):
    Xtr, ytr, Xte, _ = gb_data
    for n_estimators, lr in ((1, 1.0), (10, 0.5), (100, 0.1)):
        with forbid(learner, *GB_LIBRARIES, reason="fit the stumps yourself"):
            model = _fit(learner.GradientBoostingStumps(n_estimators=n_estimators, learning_rate=lr),
                         Xtr, ytr, "GradientBoostingStumps")
            pred = model.predict(Xte)
            pred_train = model.predict(Xtr)
        ref = GradientBoostingRegressor(n_estimators=n_estimators, learning_rate=lr, max_depth=1,
                                        random_state=0).fit(Xtr, ytr)
        what = f"GradientBoostingStumps(n_estimators={n_estimators}, learning_rate={lr})"
        expect_shape(pred, (50,), f"{what}.predict for 50 rows")
        expect_close(pred, ref.predict(Xte), f"{what}.predict on 50 held-out rows vs "
                     "GradientBoostingRegressor(max_depth=1) (atol 1e-6)", rtol=0, atol=1e-6)
        expect_close(pred_train, ref.predict(Xtr), f"{what}.predict on the 150 training rows vs "
                     "GradientBoostingRegressor(max_depth=1)", rtol=0, atol=1e-6)


@pytest.mark.exercise("GradientBoostingStumps")
def test_gb_starts_from_the_mean(learner, gb_data):
    Xtr, ytr, Xte, _ = gb_data
    model = _fit(learner.GradientBoostingStumps(n_estimators=0), Xtr, ytr, "GradientBoostingStumps")
    expect_close(model.init_, ytr.mean(), "init_ = mean(y) (about 100 here)", rtol=1e-12)
    expect_close(model.predict(Xte), np.full(50, ytr.mean()), "predict with n_estimators=0: the constant mean",
                 rtol=1e-12)
    one = _fit(learner.GradientBoostingStumps(n_estimators=1, learning_rate=1.0), Xtr, ytr,
               "GradientBoostingStumps")
    stump = DecisionTreeRegressor(max_depth=1).fit(Xtr, ytr)
    expect_close(one.predict(Xte), stump.predict(Xte), "one stump with learning_rate=1 is the depth-1 regression "
                 "tree of y (mean + stump of the residuals; forgetting init_ gives values near 0)",
                 rtol=0, atol=1e-8)
    model = _fit(learner.GradientBoostingStumps(n_estimators=25, learning_rate=0.3), Xtr, ytr,
                 "GradientBoostingStumps")
    _check_hyperparameters(model, {"n_estimators": 25, "learning_rate": 0.3},
                           "GradientBoostingStumps(n_estimators=25, learning_rate=0.3)")
    expect_equal(len(model.stumps_), 25, "len(stumps_) after fitting 25 stumps")


@pytest.mark.exercise("GradientBoostingStumps")
def test_gb_training_error_decreases(learner, gb_data):
    Xtr, ytr, _, _ = gb_data
    errors = []
    for m in (0, 1, 5, 20, 60):
        model = _fit(learner.GradientBoostingStumps(n_estimators=m, learning_rate=0.3), Xtr, ytr,
                     "GradientBoostingStumps")
        errors.append(float(np.mean((model.predict(Xtr) - ytr) ** 2)))
    expect(all(a > b for a, b in zip(errors, errors[1:])),
           f"training MSE for 0, 1, 5, 20, 60 stumps (learning_rate=0.3) should strictly decrease: each stump "
           f"is a least-squares fit to the residuals; got {np.round(errors, 2)}")
    small = _fit(learner.GradientBoostingStumps(n_estimators=5, learning_rate=0.05), Xtr, ytr,
                 "GradientBoostingStumps")
    big = _fit(learner.GradientBoostingStumps(n_estimators=5, learning_rate=0.5), Xtr, ytr,
               "GradientBoostingStumps")
    e_small = float(np.mean((small.predict(Xtr) - ytr) ** 2))
    e_big = float(np.mean((big.predict(Xtr) - ytr) ** 2))
    expect(e_big < e_small, f"after 5 stumps the training MSE with learning_rate=0.5 ({e_big:.2f}) should be "
           f"below the one with learning_rate=0.05 ({e_small:.2f}): is learning_rate applied in fit AND predict?")


@pytest.mark.exercise("GradientBoostingStumps")
def test_gb_single_feature_hand_example(learner):
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    y = np.array([1.0, 1.0, 3.0, 3.0])
    gb = _fit(learner.GradientBoostingStumps(n_estimators=1, learning_rate=0.5), X, y, "GradientBoostingStumps")
    expect_close(gb.init_, 2.0, "init_ of the docstring example", atol=1e-12)
    expect_close(gb.predict(X), [1.5, 1.5, 2.5, 2.5], "predict of the docstring example (stump at 2.5 with "
                 "residual means -1 and +1, times learning_rate 0.5)", atol=1e-12)
    gb = _fit(learner.GradientBoostingStumps(n_estimators=2, learning_rate=0.5), X, y, "GradientBoostingStumps")
    expect_close(gb.predict(np.array([[0.0], [2.4], [2.6], [9.0]])), [1.25, 1.25, 2.75, 2.75],
                 "two stumps with learning_rate 0.5: the second fits the halved residuals -0.5 / +0.5",
                 atol=1e-12)
