"""Hidden suite for module 06 - ML foundations.

Every test grades one exercise of 06-ml-foundations/exercises.py through the ``learner`` fixture.
References: scikit-learn (PolynomialFeatures, StandardScaler, KFold, StratifiedKFold,
cross_val_score, LeaveOneOut, Ridge, LinearRegression), closed-form bias and variance of least
squares, and small brute-force computations. Tolerances are stated in the messages; they leave
room for any correct implementation and none for the plausible mistakes listed in each block.
"""
from __future__ import annotations

import numbers
import warnings

import numpy as np
import pytest
from sklearn import model_selection as skms
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.datasets import load_diabetes, load_iris
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import accuracy_score, mean_squared_error, r2_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from grader.testing import (
    count_calls,
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    forbid,
    show,
)

SPLITTERS = (
    "sklearn.model_selection.KFold",
    "sklearn.model_selection.StratifiedKFold",
    "sklearn.model_selection.LeaveOneOut",
    "sklearn.model_selection.train_test_split",
    "sklearn.model_selection.cross_val_score",
    "sklearn.model_selection.cross_validate",
    "sklearn.model_selection.learning_curve",
)
RIDGE_LIBRARIES = (
    "sklearn.linear_model.Ridge",
    "sklearn.linear_model.RidgeCV",
    "sklearn.linear_model.ridge_regression",
)


# ---------------------------------------------------------------------------------------------
# Shared data and helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def iris():
    return load_iris(return_X_y=True)


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes(return_X_y=True)


def _index_array(value: object, what: str) -> np.ndarray:
    """The learner's index array as a NumPy integer array, or a clear failure."""
    expect(value is not None, f"{what}: got None; did you forget to return it?")
    arr = np.asarray(value)
    expect(arr.ndim == 1, f"{what}: expected a 1-D array of indices, got shape {arr.shape}")
    expect(arr.size == 0 or np.issubdtype(arr.dtype, np.integer),
           f"{what}: expected integer indices, got dtype {arr.dtype} ({show(arr, 80)}); "
           "a boolean mask or float array is not an index array")
    return arr.astype(np.int64)


def _folds(value: object, n_splits: int, what: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """Validate the learner's list of (train, test) pairs and return them as integer arrays."""
    expect(value is not None, f"{what}: got None; did you forget to return the list of folds?")
    folds = list(value)
    expect(len(folds) == n_splits, f"{what}: expected {n_splits} (train, test) pairs, got {len(folds)}")
    out = []
    for f, pair in enumerate(folds):
        expect(len(pair) == 2, f"{what}: fold {f} should be a (train_idx, test_idx) pair, got {show(pair, 80)}")
        out.append((_index_array(pair[0], f"{what}, fold {f} train indices"),
                    _index_array(pair[1], f"{what}, fold {f} test indices")))
    return out


def _check_same_folds(got, expected, what: str) -> None:
    """Fold-by-fold equality of sorted test and train indices."""
    for f, ((tr, te), (etr, ete)) in enumerate(zip(got, expected)):
        if not np.array_equal(np.sort(te), np.sort(ete)):
            raise_msg = (f"{what}: test indices of fold {f}: expected {np.sort(ete).tolist()}, "
                         f"got {np.sort(te).tolist()}")
            expect(False, raise_msg[:290])
        expect(np.array_equal(np.sort(tr), np.sort(etr)),
               f"{what}: train indices of fold {f} should be every index not in its test fold "
               f"({len(etr)} indices), got {len(tr)} indices")


def _float(value: object, what: str) -> float:
    expect(value is not None, f"{what}: got None; did you forget to return the result?")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        expect(False, f"{what}: expected a number, got {type(value).__name__} ({show(value, 80)})")
        raise  # unreachable


def _pair(value: object, what: str) -> tuple:
    expect(isinstance(value, (tuple, list)) and len(value) == 2,
           f"{what}: expected a tuple of two results, got {type(value).__name__} ({show(value, 80)})")
    return tuple(value)


class _SpyModel(RegressorMixin, BaseEstimator):
    """Predicts the training mean; records which row ids (column 0 of X) each fit saw."""

    log: list[np.ndarray] = []

    def __init__(self, shift: float = 0.0):
        self.shift = shift

    def fit(self, X, y):
        _SpyModel.log.append(np.asarray(X)[:, 0].astype(int).copy())
        self.mean_ = float(np.mean(y)) + self.shift
        return self

    def predict(self, X):
        return np.full(len(X), self.mean_)


# =============================================================================================
# 1. polynomial_features
# =============================================================================================


@pytest.mark.exercise("polynomial_features")
def test_polynomial_features_matches_the_docstring_example(learner):
    got = learner.polynomial_features(np.array([2.0, 3.0]), 3)
    expect_shape(got, (2, 4), "polynomial_features([2, 3], degree=3): degree + 1 = 4 columns, x^0 to x^3")
    expect_close(got, [[1, 2, 4, 8], [1, 3, 9, 27]],
                 "polynomial_features([2, 3], 3): columns in increasing powers 1, x, x^2, x^3 "
                 "(np.vander's default order is decreasing)")


@pytest.mark.exercise("polynomial_features")
def test_polynomial_features_matches_sklearn(learner):
    x = np.random.default_rng(0).uniform(-2, 2, 7)
    want = PolynomialFeatures(degree=5).fit_transform(x[:, None])
    got = learner.polynomial_features(x, 5)
    expect_shape(got, (7, 6), "polynomial_features(x of shape (7,), degree=5)")
    expect_close(got, want, "polynomial_features vs sklearn PolynomialFeatures(5) (rtol 1e-12)", rtol=1e-12)


@pytest.mark.exercise("polynomial_features")
def test_polynomial_features_edge_cases(learner):
    got = learner.polynomial_features(np.array([0.5, -1.0, 3.0]), 0)
    expect_shape(got, (3, 1), "polynomial_features(x of shape (3,), degree=0)")
    expect_close(got, np.ones((3, 1)), "degree 0 is the intercept column only (0^0 counts as 1)")
    got = learner.polynomial_features(np.zeros(0), 2)
    expect_shape(got, (0, 3), "polynomial_features of an empty x with degree 2")
    expect_raises(ValueError, lambda: learner.polynomial_features(np.array([1.0]), -1),
                  "polynomial_features with degree=-1")


@pytest.mark.exercise("polynomial_features")
def test_polynomial_features_of_integers_is_float_and_does_not_overflow(learner):
    got = learner.polynomial_features(np.array([10, 20]), 20)
    expect(np.asarray(got).dtype == np.float64,
           f"polynomial_features of an int array: expected dtype float64, got {np.asarray(got).dtype}")
    expect_close(got[:, -1], [1e20, 20.0**20],
                 "x^20 for integer x = 10, 20 (int64 powers overflow: convert x to float first)", rtol=1e-12)


# =============================================================================================
# 2. train_val_test_split
# =============================================================================================


def _split(learner, y, val_size, test_size, stratify, seed, what):
    result = learner.train_val_test_split(y, val_size, test_size, stratify, seed)
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"{what}: expected a tuple (train_idx, val_idx, test_idx), got {show(result, 80)}")
    parts = [_index_array(p, f"{what}, {name} indices") for p, name in zip(result, ("train", "val", "test"))]
    return parts


@pytest.mark.exercise("train_val_test_split")
def test_split_sizes_and_partition(learner):
    what = "train_val_test_split(100 labels, val_size=0.2, test_size=0.1)"
    tr, va, te = _split(learner, np.zeros(100), 0.2, 0.1, False, 0, what)
    expect_equal((len(tr), len(va), len(te)), (70, 20, 10), f"{what}: sizes (train, val, test)")
    allidx = np.concatenate([tr, va, te])
    expect(len(np.unique(allidx)) == 100 and set(allidx.tolist()) == set(range(100)),
           f"{what}: the three parts must be disjoint and together contain every index 0..99 exactly once")
    for part, name in ((tr, "train"), (va, "val"), (te, "test")):
        expect(np.all(np.diff(part) > 0), f"{what}: the {name} indices should be sorted in increasing order")
    what = "train_val_test_split(101 labels, val_size=0.2, test_size=0.2)"
    tr, va, te = _split(learner, np.zeros(101), 0.2, 0.2, False, 1, what)
    expect_equal((len(tr), len(va), len(te)), (61, 20, 20),
                 f"{what}: sizes (train, val, test); round(0.2 * 101) = 20 (rounding up would give 21)")


@pytest.mark.exercise("train_val_test_split")
def test_split_is_shuffled_and_seeded(learner):
    y = np.zeros(200)
    what = "train_val_test_split(200 labels, 0.2, 0.2)"
    first = _split(learner, y, 0.2, 0.2, False, 7, what + " with seed=7")
    again = _split(learner, y, 0.2, 0.2, False, 7, what + " with seed=7")
    expect(all(np.array_equal(a, b) for a, b in zip(first, again)),
           f"{what}: the same seed must give the same split (use np.random.default_rng(seed))")
    te = first[2]
    expect(not np.all(np.diff(te) == 1),
           f"{what}: the test part is one contiguous block {te[0]}..{te[-1]}: shuffle the indices before cutting")
    va = first[1]
    expect(not np.all(np.diff(va) == 1),
           f"{what}: the validation part is one contiguous block: shuffle the indices before cutting")
    other = _split(learner, y, 0.2, 0.2, False, 8, what + " with seed=8")
    expect(not np.array_equal(first[2], other[2]), f"{what}: seeds 7 and 8 gave the same test set")


@pytest.mark.exercise("train_val_test_split")
def test_stratified_split_keeps_class_shares(learner):
    # Sorted labels, as many data files are: 50 of class 0, 30 of class 1, 20 of class 2.
    y = np.repeat([0, 1, 2], [50, 30, 20])
    for seed in range(5):
        what = f"train_val_test_split(y with classes 50/30/20, 0.2, 0.2, stratify=True, seed={seed})"
        tr, va, te = _split(learner, y, 0.2, 0.2, True, seed, what)
        expect(set(np.concatenate([tr, va, te]).tolist()) == set(range(100)) and len(tr) + len(va) + len(te) == 100,
               f"{what}: the parts must be disjoint and cover 0..99")
        for part, name in ((te, "test"), (va, "val")):
            counts = np.bincount(y[part], minlength=3)
            expect(np.array_equal(counts, [10, 6, 4]),
                   f"{what}: class counts in the {name} part: expected [10, 6, 4] (20% of each class), "
                   f"got {counts.tolist()}")
        for c, n_c in ((0, 50), (1, 30), (2, 20)):
            members = np.intersect1d(te, np.flatnonzero(y == c))
            expect(not np.all(np.diff(members) == 1),
                   f"{what}: the class-{c} test members are a contiguous block: shuffle within each class")


@pytest.mark.exercise("train_val_test_split")
def test_stratified_split_with_string_labels_and_odd_sizes(learner):
    rng = np.random.default_rng(3)
    y = rng.permutation(np.array(["cat"] * 40 + ["dog"] * 27 + ["eel"] * 13))
    what = "train_val_test_split(string labels cat/dog/eel = 40/27/13, 0.15, 0.15, stratify=True)"
    tr, va, te = _split(learner, y, 0.15, 0.15, True, 0, what)
    for part, name in ((te, "test"), (va, "val")):
        for label, n_c in (("cat", 40), ("dog", 27), ("eel", 13)):
            got = int(np.sum(y[part] == label))
            expect(abs(got - 0.15 * n_c) <= 0.5 + 1e-9,
                   f"{what}: {name} part should hold round(0.15 * {n_c}) = {int(np.floor(0.15 * n_c + 0.5))} "
                   f"'{label}' samples, got {got}")
    expect_equal(len(tr), 80 - len(va) - len(te), f"{what}: train size")


@pytest.mark.exercise("train_val_test_split")
def test_split_edge_cases_and_errors(learner):
    what = "train_val_test_split(10 labels, val_size=0.0, test_size=0.3)"
    tr, va, te = _split(learner, np.arange(10), 0.0, 0.3, False, 0, what)
    expect_equal((len(tr), len(va), len(te)), (7, 0, 3), f"{what}: sizes (an empty validation part is allowed)")
    expect_raises(ValueError, lambda: learner.train_val_test_split(np.zeros(10), 0.5, 0.5),
                  "train_val_test_split with val_size + test_size = 1")
    expect_raises(ValueError, lambda: learner.train_val_test_split(np.zeros(10), -0.1, 0.2),
                  "train_val_test_split with val_size = -0.1")


@pytest.mark.exercise("train_val_test_split")
def test_split_does_not_call_sklearn(learner):
    with forbid(learner, *SPLITTERS, reason="write the split with NumPy"):
        _split(learner, np.zeros(20), 0.2, 0.2, False, 0, "train_val_test_split")
        _split(learner, np.repeat([0, 1], 10), 0.2, 0.2, True, 0, "train_val_test_split(stratify=True)")


# =============================================================================================
# 3. standardize_with_train_stats
# =============================================================================================


def _scaling_data():
    rng = np.random.default_rng(11)
    X_train = rng.normal(loc=[0.0, 10.0, -5.0, 100.0], scale=[1.0, 0.1, 3.0, 40.0], size=(6, 4))
    X_test = rng.normal(loc=[2.0, 12.0, -1.0, 150.0], scale=[1.0, 0.5, 3.0, 40.0], size=(3, 4))
    return X_train, X_test


@pytest.mark.exercise("standardize_with_train_stats")
def test_scaling_matches_standard_scaler_fitted_on_train(learner):
    X_train, X_test = _scaling_data()
    scaler = StandardScaler().fit(X_train)
    got = _pair(learner.standardize_with_train_stats(X_train.copy(), X_test.copy()), "standardize_with_train_stats")
    expect_shape(got[0], (6, 4), "scaled X_train (input shape (6, 4))")
    expect_shape(got[1], (3, 4), "scaled X_test (input shape (3, 4))")
    # Name the two classic mistakes before the generic comparison.
    both = np.vstack([X_train, X_test])
    leaky = (X_test - both.mean(axis=0)) / both.std(axis=0)
    expect(not np.allclose(got[1], leaky),
           "scaled X_test was computed with the mean/std of train and test together: that is data "
           "leakage. Learn the statistics from X_train only")
    unbiased = (X_train - X_train.mean(axis=0)) / X_train.std(axis=0, ddof=1)
    expect(not np.allclose(got[0], unbiased),
           "scaled X_train used the sample std (ddof=1); StandardScaler divides by n (ddof=0)")
    expect_close(got[0], scaler.transform(X_train), "scaled X_train vs StandardScaler().fit(X_train)", rtol=1e-10)
    expect_close(got[1], scaler.transform(X_test), "scaled X_test vs StandardScaler().fit(X_train).transform(X_test)",
                 rtol=1e-10)


@pytest.mark.exercise("standardize_with_train_stats")
def test_scaling_is_per_column(learner):
    # 3 rows and 5 columns: statistics per row (axis=1) would have the wrong shape or values.
    X_train = np.arange(15.0).reshape(3, 5) ** 1.5
    X_test = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
    got = _pair(learner.standardize_with_train_stats(X_train, X_test), "standardize_with_train_stats")
    expect_shape(got[0], (3, 5), "scaled X_train for a (3, 5) input")
    expect_close(np.mean(got[0], axis=0), np.zeros(5),
                 "column means of the scaled X_train (each column should have mean 0: statistics go "
                 "along axis 0, one per feature)", atol=1e-10)
    expect_close(np.std(got[0], axis=0), np.ones(5), "column standard deviations of the scaled X_train",
                 atol=1e-10)
    expect_close(got[1], StandardScaler().fit(X_train).transform(X_test), "scaled X_test", rtol=1e-10)


@pytest.mark.exercise("standardize_with_train_stats")
def test_scaling_constant_column_empty_test_and_no_mutation(learner):
    X_train = np.array([[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]])
    X_test = np.array([[3.0, 7.0]])
    keep_train, keep_test = X_train.copy(), X_test.copy()
    got = _pair(learner.standardize_with_train_stats(X_train, X_test), "standardize_with_train_stats")
    expect(np.all(np.isfinite(got[0])) and np.all(np.isfinite(got[1])),
           "a constant training column (std 0) must not produce NaN or inf: divide it by 1 instead")
    expect_close(got[0][:, 1], [0.0, 0.0, 0.0], "the constant column of the scaled X_train")
    expect_close(got[1][0, 1], 2.0, "the constant column of X_test: (7 - 5) / 1")
    expect(np.array_equal(X_train, keep_train) and np.array_equal(X_test, keep_test),
           "standardize_with_train_stats modified its input arrays in place; return new arrays")
    got = _pair(learner.standardize_with_train_stats(X_train, np.zeros((0, 2))),
                "standardize_with_train_stats with an empty X_test")
    expect_shape(got[1], (0, 2), "scaled X_test when X_test has 0 rows")


@pytest.mark.exercise("standardize_with_train_stats")
def test_scaling_does_not_call_sklearn(learner):
    X_train, X_test = _scaling_data()
    with forbid(learner, "sklearn.preprocessing.StandardScaler", "sklearn.preprocessing.scale",
                reason="compute the mean and standard deviation with NumPy"):
        learner.standardize_with_train_stats(X_train, X_test)


# =============================================================================================
# 4. find_leaked_rows
# =============================================================================================


def _leaked(learner, X_train, X_test, what):
    return _index_array(learner.find_leaked_rows(X_train, X_test), what)


@pytest.mark.exercise("find_leaked_rows")
def test_leaked_rows_docstring_example(learner):
    X_train = np.array([[1.0, 2.0], [3.0, 4.0]])
    X_test = np.array([[1.0, 2.0], [5.0, 6.0], [3.0, 4.0], [1.0, 4.0]])
    got = _leaked(learner, X_train, X_test, "find_leaked_rows (docstring example)")
    expect_equal(got.tolist(), [0, 2],
                 "find_leaked_rows (docstring example): [1, 4] is not leaked, its values never occur "
                 "together in one training row")


@pytest.mark.exercise("find_leaked_rows")
def test_leaked_rows_matches_brute_force_with_many_duplicates(learner):
    rng = np.random.default_rng(5)
    X_train = rng.integers(0, 3, size=(60, 3)).astype(float)
    X_test = rng.integers(0, 4, size=(80, 3)).astype(float)
    want = np.flatnonzero((X_test[:, None, :] == X_train[None, :, :]).all(axis=2).any(axis=1))
    got = _leaked(learner, X_train, X_test, "find_leaked_rows(X_train (60, 3), X_test (80, 3))")
    expect_equal(got.tolist(), want.tolist(),
                 "find_leaked_rows on small-integer data (every duplicated test row, sorted)")


@pytest.mark.exercise("find_leaked_rows")
def test_leaked_rows_exact_equality_only(learner):
    X_train = np.array([[0.0, 1.0, 2.0], [0.1, 0.2, 0.3]])
    X_test = np.array([
        [-0.0, 1.0, 2.0],            # equal as numbers to training row 0
        [0.0, 1.0, 2.0 + 1e-12],     # near duplicate: not leaked
        [0.1, 0.2, 0.3],             # exact duplicate of row 1
        [2.0, 1.0, 0.0],             # same values, other order: not leaked
        [0.0, 0.2, 0.3],             # each value occurs in row 1 or row 0, but not together
    ])
    got = _leaked(learner, X_train, X_test, "find_leaked_rows")
    expect_equal(got.tolist(), [0, 2],
                 "find_leaked_rows with -0.0 (equal to 0.0), a near duplicate, a reordered row and a "
                 "mixed row (only rows 0 and 2 match a whole training row)")


@pytest.mark.exercise("find_leaked_rows")
def test_leaked_rows_empty_cases_and_errors(learner):
    X_train = np.array([[1.0, 2.0]])
    got = _leaked(learner, X_train, np.zeros((0, 2)), "find_leaked_rows with an empty X_test")
    expect_shape(got, (0,), "find_leaked_rows with an empty X_test")
    got = _leaked(learner, X_train, np.array([[2.0, 1.0]]), "find_leaked_rows with no leak")
    expect_shape(got, (0,), "find_leaked_rows when nothing leaks")
    expect_raises(ValueError, lambda: learner.find_leaked_rows(np.zeros((2, 3)), np.zeros((2, 2))),
                  "find_leaked_rows with 3 training columns and 2 test columns")


# =============================================================================================
# 5. kfold_indices
# =============================================================================================


@pytest.mark.exercise("kfold_indices")
def test_kfold_matches_sklearn_without_shuffle(learner):
    for n, k in ((10, 5), (10, 3), (7, 3), (23, 4), (6, 6)):
        what = f"kfold_indices({n}, {k})"
        got = _folds(learner.kfold_indices(n, k), k, what)
        want = list(skms.KFold(k).split(np.zeros(n)))
        sizes = [len(te) for _, te in got]
        expect_equal(sizes, [len(te) for _, te in want],
                     f"{what}: test-fold sizes (the first n % k folds get one extra sample)")
        _check_same_folds(got, want, what)


@pytest.mark.exercise("kfold_indices")
def test_kfold_matches_sklearn_with_shuffle(learner):
    for n, k, seed in ((20, 4, 0), (17, 5, 42)):
        what = f"kfold_indices({n}, {k}, shuffle=True, seed={seed}) vs KFold(shuffle=True, random_state={seed})"
        got = _folds(learner.kfold_indices(n, k, True, seed), k, what)
        want = list(skms.KFold(k, shuffle=True, random_state=seed).split(np.zeros(n)))
        _check_same_folds(got, want, what + " (shuffle with np.random.RandomState(seed).permutation(n_samples))")


@pytest.mark.exercise("kfold_indices")
def test_kfold_invariants(learner):
    n, k = 29, 4
    got = _folds(learner.kfold_indices(n, k), k, f"kfold_indices({n}, {k})")
    tests = np.concatenate([te for _, te in got])
    expect(np.array_equal(np.sort(tests), np.arange(n)),
           "kfold_indices(29, 4): every index must be in exactly one test fold")
    for f, (tr, te) in enumerate(got):
        expect(len(np.intersect1d(tr, te)) == 0, f"kfold_indices(29, 4): fold {f} has indices in both train and test")
        expect(np.all(np.diff(tr) > 0) and np.all(np.diff(te) > 0),
               f"kfold_indices(29, 4): fold {f}: index arrays should be sorted in increasing order")
    loo = _folds(learner.kfold_indices(5, 5), 5, "kfold_indices(5, 5) (leave-one-out)")
    expect_equal([te.tolist() for _, te in loo], [[0], [1], [2], [3], [4]],
                 "kfold_indices(5, 5) is leave-one-out: test folds")


@pytest.mark.exercise("kfold_indices")
def test_kfold_errors_and_no_sklearn(learner):
    expect_raises(ValueError, lambda: learner.kfold_indices(10, 1), "kfold_indices(10, n_splits=1)")
    expect_raises(ValueError, lambda: learner.kfold_indices(3, 4), "kfold_indices(3, n_splits=4)")
    with forbid(learner, *SPLITTERS, reason="compute the folds with NumPy"):
        learner.kfold_indices(12, 5)


# =============================================================================================
# 6. stratified_kfold_indices
# =============================================================================================


def _skf_reference(y, k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(skms.StratifiedKFold(k).split(np.zeros(len(y)), y))


@pytest.mark.exercise("stratified_kfold_indices")
def test_stratified_kfold_docstring_example(learner):
    y = np.array([0] * 7 + [1] * 5)
    got = _folds(learner.stratified_kfold_indices(y, 3), 3, "stratified_kfold_indices(7 zeros then 5 ones, 3)")
    expect_equal([te.tolist() for _, te in got], [[0, 1, 2, 7], [3, 4, 8, 9], [5, 6, 10, 11]],
                 "stratified_kfold_indices(7 zeros then 5 ones, 3): test folds")


@pytest.mark.exercise("stratified_kfold_indices")
def test_stratified_kfold_matches_sklearn(learner, iris):
    rng = np.random.default_rng(2)
    cases = [
        ("iris labels, 5 folds", iris[1], 5),
        ("40 shuffled labels with classes 0/1/2 = 25/10/5, 4 folds",
         rng.permutation(np.repeat([0, 1, 2], [25, 10, 5])), 4),
        ("30 random labels from 3 classes, 3 folds", rng.integers(0, 3, 30), 3),
        ("imbalanced binary labels (48 vs 7), 5 folds", rng.permutation(np.repeat([0, 1], [48, 7])), 5),
    ]
    for label, y, k in cases:
        what = f"stratified_kfold_indices({label}) vs StratifiedKFold({k})"
        got = _folds(learner.stratified_kfold_indices(y, k), k, what)
        _check_same_folds(got, _skf_reference(y, k), what)


@pytest.mark.exercise("stratified_kfold_indices")
def test_stratified_kfold_orders_classes_by_first_appearance(learner):
    # "b" appears first but sorts after "a": the line-up must start with the "b"s.
    y = np.array(["b"] * 7 + ["a"] * 5)
    what = "stratified_kfold_indices(['b'] * 7 + ['a'] * 5, 3)"
    got = _folds(learner.stratified_kfold_indices(y, 3), 3, what)
    _check_same_folds(got, _skf_reference(y, 3),
                      what + " (classes are lined up in order of first appearance, not sorted order)")
    y = np.array(["spam", "ham", "ham", "spam", "eggs", "ham", "eggs", "spam", "ham", "ham", "spam", "eggs"])
    what = "stratified_kfold_indices(12 string labels, 2)"
    got = _folds(learner.stratified_kfold_indices(y, 2), 2, what)
    _check_same_folds(got, _skf_reference(y, 2), what)


@pytest.mark.exercise("stratified_kfold_indices")
def test_stratified_kfold_balances_every_class(learner):
    y = np.random.default_rng(9).permutation(np.repeat([0, 1, 2, 3], [31, 17, 9, 6]))
    k = 4
    got = _folds(learner.stratified_kfold_indices(y, k), k, "stratified_kfold_indices(63 labels, 4)")
    tests = np.concatenate([te for _, te in got])
    expect(np.array_equal(np.sort(tests), np.arange(len(y))),
           "stratified_kfold_indices: every index must be in exactly one test fold")
    counts = np.array([np.bincount(y[te], minlength=4) for _, te in got])  # (fold, class)
    spread = counts.max(axis=0) - counts.min(axis=0)
    expect(np.all(spread <= 1),
           f"stratified_kfold_indices: the number of each class per test fold may differ by at most 1 "
           f"between folds; per-class counts by fold were {counts.T.tolist()}")
    sizes = counts.sum(axis=1)
    expect(sizes.max() - sizes.min() <= 1, f"stratified_kfold_indices: test-fold sizes {sizes.tolist()} "
           "differ by more than 1 (continue the round-robin deal where the previous class stopped)")


@pytest.mark.exercise("stratified_kfold_indices")
def test_stratified_kfold_errors_and_no_sklearn(learner):
    expect_raises(ValueError, lambda: learner.stratified_kfold_indices(np.array([0, 1, 0, 1]), 1),
                  "stratified_kfold_indices(4 labels, n_splits=1)")
    expect_raises(ValueError, lambda: learner.stratified_kfold_indices(np.array([0, 1, 0]), 4),
                  "stratified_kfold_indices(3 labels, n_splits=4)")
    with forbid(learner, *SPLITTERS, reason="compute the folds with NumPy"):
        learner.stratified_kfold_indices(np.repeat([0, 1], [8, 4]), 4)


# =============================================================================================
# 7. cross_val_score
# =============================================================================================


@pytest.mark.exercise("cross_val_score")
def test_cv_score_never_fits_on_test_rows_and_leaves_model_unfitted(learner):
    rng = np.random.default_rng(0)
    X = np.column_stack([np.arange(12), rng.normal(size=12)])  # column 0 is the row id
    y = rng.normal(size=12)
    folds = [(np.setdiff1d(np.arange(12), te), te) for te in (np.arange(0, 4), np.arange(4, 8), np.arange(8, 12))]
    model = _SpyModel()
    _SpyModel.log = []
    got = learner.cross_val_score(model, X, y, folds, mean_squared_error)
    expect(not hasattr(model, "mean_"),
           "cross_val_score fitted the model object it was given; fit a fresh clone per fold "
           "(sklearn.base.clone) and leave the caller's model untouched")
    expect_equal(len(_SpyModel.log), 3, "number of fit() calls for 3 folds")
    for f, ((tr, te), seen) in enumerate(zip(folds, _SpyModel.log)):
        leaked = np.intersect1d(seen, te)
        expect(len(leaked) == 0, f"cross_val_score: fold {f}: fit() received test rows {leaked.tolist()}: "
               "that is leakage; fit on X[train_idx] only")
        expect(np.array_equal(np.sort(seen), tr), f"cross_val_score: fold {f}: fit() should receive exactly "
               f"the {len(tr)} training rows, it received {len(seen)}")
    want = [mean_squared_error(y[te], np.full(len(te), y[tr].mean())) for tr, te in folds]
    expect_close(got, want, "cross_val_score with a mean-predicting model and MSE", rtol=1e-12)


@pytest.mark.exercise("cross_val_score")
def test_cv_score_matches_sklearn_classification(learner, iris):
    X, y = iris
    folds = list(skms.StratifiedKFold(5, shuffle=True, random_state=0).split(X, y))
    model = KNeighborsClassifier(n_neighbors=15)
    want = skms.cross_val_score(model, X, y, cv=folds, scoring="accuracy")
    got = learner.cross_val_score(model, X, y, folds, accuracy_score)
    expect_shape(got, (5,), "cross_val_score with 5 folds")
    expect_close(got, want, "cross_val_score(KNN(15), iris, 5 stratified folds, accuracy) vs "
                 "sklearn.model_selection.cross_val_score", atol=1e-12)


@pytest.mark.exercise("cross_val_score")
def test_cv_score_passes_true_labels_first(learner, diabetes):
    X, y = diabetes[0][:150], diabetes[1][:150]
    folds = list(skms.KFold(3).split(X))
    model = Ridge(alpha=1.0)
    want = skms.cross_val_score(model, X, y, cv=folds, scoring="r2")
    got = learner.cross_val_score(model, X, y, folds, r2_score)
    swapped = np.array([r2_score(Ridge(alpha=1.0).fit(X[tr], y[tr]).predict(X[te]), y[te]) for tr, te in folds])
    expect(not np.allclose(got, swapped),
           "cross_val_score: scoring was called as scoring(y_pred, y_true); R^2 is not symmetric, "
           "call scoring(y_true, y_pred)")
    expect_close(got, want, "cross_val_score(Ridge(1.0), diabetes[:150], 3 folds, r2_score) vs sklearn", atol=1e-10)


@pytest.mark.exercise("cross_val_score")
def test_cv_score_leave_one_out_generator_folds_and_pipelines(learner, iris):
    X, y = iris[0][::5], iris[1][::5]  # 30 samples
    model = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=3))
    want = skms.cross_val_score(model, X, y, cv=skms.LeaveOneOut(), scoring="accuracy")
    folds = ((np.setdiff1d(np.arange(30), [i]), np.array([i])) for i in range(30))  # a generator
    got = learner.cross_val_score(model, X, y, folds, accuracy_score)
    expect_shape(got, (30,), "cross_val_score with 30 leave-one-out folds given as a generator "
                 "(iterate over folds once; do not call len() on it)")
    expect(np.asarray(got).dtype == np.float64, f"cross_val_score should return float64 scores, got {np.asarray(got).dtype}")
    expect_close(got, want, "leave-one-out accuracies of Pipeline(StandardScaler, KNN(3)) "
                 "vs sklearn with LeaveOneOut", atol=1e-12)


@pytest.mark.exercise("cross_val_score")
def test_cv_score_does_not_call_sklearn_cv(learner, iris):
    X, y = iris
    folds = list(skms.KFold(3, shuffle=True, random_state=1).split(X))
    with forbid(learner, *SPLITTERS, reason="write the cross-validation loop yourself"):
        learner.cross_val_score(KNeighborsClassifier(3), X, y, folds, accuracy_score)


# =============================================================================================
# 8. select_polynomial_degree
# =============================================================================================


def _degree_data():
    rng = np.random.default_rng(4)
    x = rng.uniform(-1, 1, 50)
    y = np.sin(np.pi * x) + 0.3 * x**2 + rng.normal(0, 0.25, 50)
    return x[:30], y[:30], x[30:], y[30:]


def _reference_mse(x_tr, y_tr, x_va, y_va, degree):
    model = make_pipeline(PolynomialFeatures(degree), LinearRegression(fit_intercept=False))
    model.fit(x_tr[:, None], y_tr)
    return (mean_squared_error(y_tr, model.predict(x_tr[:, None])),
            mean_squared_error(y_va, model.predict(x_va[:, None])))


@pytest.mark.exercise("select_polynomial_degree")
def test_degree_selection_uses_validation_not_training_error(learner):
    x_tr, y_tr, x_va, y_va = _degree_data()
    degrees = [1, 3, 5, 9, 12]
    best, tr, va = learner.select_polynomial_degree(x_tr, y_tr, x_va, y_va, degrees)
    ref_val = np.array([_reference_mse(x_tr, y_tr, x_va, y_va, d)[1] for d in degrees])
    want = degrees[int(np.argmin(ref_val))]
    expect(int(best) != 12,
           "select_polynomial_degree picked the highest degree, 12: that is what the *training* error "
           "always does. Choose the smallest validation MSE")
    expect(int(best) in degrees, f"best_degree should be one of the degrees {degrees}, got {best} "
           "(return degrees[i], not the position i)")
    expect_equal(int(best), want, f"best degree among {degrees} (validation MSE {np.round(ref_val, 4).tolist()}; "
                 "return the degree degrees[i], not its position i)")


@pytest.mark.exercise("select_polynomial_degree")
def test_degree_selection_errors_match_sklearn(learner):
    x_tr, y_tr, x_va, y_va = _degree_data()
    degrees = list(range(10))
    result = learner.select_polynomial_degree(x_tr, y_tr, x_va, y_va, degrees)
    expect(isinstance(result, (tuple, list)) and len(result) == 3,
           f"select_polynomial_degree should return (best_degree, train_mse, val_mse), got {show(result, 80)}")
    best, tr, va = result
    expect_shape(tr, (10,), "train_mse for 10 degrees")
    expect_shape(va, (10,), "val_mse for 10 degrees")
    ref = np.array([_reference_mse(x_tr, y_tr, x_va, y_va, d) for d in degrees])
    expect_close(tr, ref[:, 0], "training MSE per degree vs PolynomialFeatures + LinearRegression "
                 "(mean of squared residuals; rtol 1e-6)", rtol=1e-6, atol=1e-12)
    expect_close(va, ref[:, 1], "validation MSE per degree vs PolynomialFeatures + LinearRegression "
                 "fitted on the training data only (rtol 1e-6)", rtol=1e-6, atol=1e-12)
    expect(isinstance(best, numbers.Integral), f"best_degree should be an int, got {type(best).__name__}")
    expect_equal(int(best), int(np.argmin(ref[:, 1])), "best degree (smallest validation MSE)")


@pytest.mark.exercise("select_polynomial_degree")
def test_training_error_never_increases_with_degree(learner):
    x_tr, y_tr, x_va, y_va = _degree_data()
    _, tr, va = learner.select_polynomial_degree(x_tr, y_tr, x_va, y_va, range(8))
    tr = np.asarray(tr, dtype=float)
    expect(np.all(np.diff(tr) <= 1e-10),
           f"training MSE for degrees 0..7 should never increase (nested models), got {np.round(tr, 5).tolist()}")
    x = np.array([0.0, 1.0, 2.0, 3.0])
    best, tr, va = learner.select_polynomial_degree(x, 2 * x + 1, np.array([4.0]), np.array([9.0]), [0, 1, 2])
    expect_close(tr, [5.0, 0.0, 0.0], "training MSE of y = 2x + 1 at x = 0..3 for degrees 0, 1, 2 (docstring example)",
                 atol=1e-9)
    expect_close(va, [25.0, 0.0, 0.0], "validation MSE at x = 4 (y = 9) for degrees 0, 1, 2", atol=1e-9)


# =============================================================================================
# 9. learning_curve
# =============================================================================================


@pytest.mark.exercise("learning_curve")
def test_learning_curve_matches_a_reference(learner, diabetes):
    X, y = diabetes
    X_tr, y_tr, X_va, y_va = X[:300], y[:300], X[300:], y[300:]
    sizes = [5, 20, 50, 300, 120]
    model = Ridge(alpha=0.1)
    result = learner.learning_curve(model, X_tr, y_tr, X_va, y_va, sizes, mean_squared_error)
    got_tr, got_va = _pair(result, "learning_curve")
    expect_shape(got_tr, (5,), "train_scores for 5 training sizes")
    expect_shape(got_va, (5,), "val_scores for 5 training sizes")
    want_tr, want_va, full_tr = [], [], []
    for n in sizes:
        m = Ridge(alpha=0.1).fit(X_tr[:n], y_tr[:n])
        want_tr.append(mean_squared_error(y_tr[:n], m.predict(X_tr[:n])))
        full_tr.append(mean_squared_error(y_tr, m.predict(X_tr)))
        want_va.append(mean_squared_error(y_va, m.predict(X_va)))
    expect(not np.allclose(got_tr, full_tr),
           "learning_curve: the training score was measured on the whole training set; measure it on "
           "the n rows the model was fitted on")
    expect_close(got_tr, want_tr, "training MSE of Ridge fitted on the first n rows, n in [5, 20, 50, 300, 120]",
                 rtol=1e-9)
    expect_close(got_va, want_va, "validation MSE of Ridge fitted on the first n rows", rtol=1e-9)


@pytest.mark.exercise("learning_curve")
def test_learning_curve_of_one_nearest_neighbour(learner, iris):
    X, y = iris
    order = np.random.default_rng(1).permutation(len(y))
    X, y = X[order], y[order]
    sizes = [3, 10, 30, 100]
    tr, va = _pair(learner.learning_curve(KNeighborsClassifier(1), X[:100], y[:100], X[100:], y[100:],
                                          sizes, accuracy_score), "learning_curve")
    expect_close(tr, [1.0, 1.0, 1.0, 1.0],
                 "training accuracy of 1-nearest-neighbour on the rows it memorised is always 1", atol=1e-12)
    want = [accuracy_score(y[100:], KNeighborsClassifier(1).fit(X[:n], y[:n]).predict(X[100:])) for n in sizes]
    expect_close(va, want, "validation accuracy of 1-NN fitted on the first n rows", atol=1e-12)


@pytest.mark.exercise("learning_curve")
def test_learning_curve_clones_and_checks_sizes(learner):
    X = np.column_stack([np.arange(10), np.zeros(10)])
    y = np.arange(10.0)
    model = _SpyModel()
    _SpyModel.log = []
    tr, va = _pair(learner.learning_curve(model, X, y, X[:2], y[:2], [2, 5], mean_squared_error), "learning_curve")
    expect(not hasattr(model, "mean_"),
           "learning_curve fitted the model object it was given; fit a fresh clone for every size")
    expect_equal([s.tolist() for s in _SpyModel.log], [[0, 1], [0, 1, 2, 3, 4]],
                 "row ids passed to fit() for sizes [2, 5] (the first n rows)")
    expect_close(tr, [0.25, 2.0], "training MSE of a mean predictor on y = 0, 1 and on y = 0..4", rtol=1e-12)
    expect_raises(ValueError, lambda: learner.learning_curve(_SpyModel(), X, y, X, y, [0, 5], mean_squared_error),
                  "learning_curve with a training size of 0")
    expect_raises(ValueError, lambda: learner.learning_curve(_SpyModel(), X, y, X, y, [11], mean_squared_error),
                  "learning_curve with a training size of 11 > n_train = 10")


# =============================================================================================
# 10. bias_variance_decomposition
# =============================================================================================


def _bv(learner, P, f, what):
    result = _pair(learner.bias_variance_decomposition(P, f), what)
    return _float(result[0], what + ", bias_sq"), _float(result[1], what + ", variance")


@pytest.mark.exercise("bias_variance_decomposition")
def test_bias_variance_docstring_example(learner):
    b2, var = _bv(learner, np.array([[1.0, 1.0], [3.0, 1.0]]), np.array([0.0, 1.0]), "docstring example")
    expect_close(b2, 2.0, "bias^2 of predictions [[1, 1], [3, 1]] against f = [0, 1]")
    expect_close(var, 0.5, "variance of predictions [[1, 1], [3, 1]] (divide by the number of data sets, "
                 "2; dividing by 2 - 1 gives 1.0)")


@pytest.mark.exercise("bias_variance_decomposition")
def test_bias_variance_matches_reference_and_identity(learner):
    rng = np.random.default_rng(0)
    f = np.linspace(-1, 1, 7)
    P = f + 0.3 + rng.normal(0, 0.5, size=(40, 7)) * np.linspace(0.2, 2.0, 7)
    b2, var = _bv(learner, P, f, "bias_variance_decomposition(predictions (40, 7), f (7,))")
    mean_pred = P.mean(axis=0)
    expect_close(b2, np.mean((mean_pred - f) ** 2),
                 "bias^2: mean over test points of (mean over data sets of the predictions - f)^2", rtol=1e-10)
    expect_close(var, np.mean(P.var(axis=0)),
                 "variance: mean over test points of the variance over data sets (axis 0, ddof=0)", rtol=1e-10)
    expect_close(b2 + var, np.mean((P - f) ** 2), "bias^2 + variance should equal mean((predictions - f)^2) exactly",
                 rtol=1e-10)


@pytest.mark.exercise("bias_variance_decomposition")
def test_bias_variance_squares_before_averaging(learner):
    # Bias +1 at one point and -1 at the other: averaging before squaring would give 0.
    P = np.array([[1.0, -1.0], [1.0, -1.0], [1.0, -1.0]])
    b2, var = _bv(learner, P, np.zeros(2), "bias_variance_decomposition")
    expect_close(b2, 1.0, "bias^2 when the bias is +1 at one test point and -1 at the other "
                 "(square at each point, then average)")
    expect_close(var, 0.0, "variance when every data set predicts the same")
    # One data set: no variance at all.
    b2, var = _bv(learner, np.array([[2.0, 0.0, 1.0]]), np.array([0.0, 0.0, 0.0]), "one data set")
    expect_close(var, 0.0, "variance from a single data set")
    expect_close(b2, 5.0 / 3.0, "bias^2 from a single data set [2, 0, 1] against f = 0")


@pytest.mark.exercise("bias_variance_decomposition")
def test_bias_variance_averages_over_data_sets_not_points(learner):
    # 3 data sets x 5 points with different structure along each axis.
    P = np.array([[0.0, 1.0, 2.0, 3.0, 4.0],
                  [0.0, 1.0, 2.0, 3.0, 4.0],
                  [3.0, 4.0, 5.0, 6.0, 7.0]])
    f = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    b2, var = _bv(learner, P, f, "bias_variance_decomposition(predictions (3, 5), f (5,))")
    expect_close(b2, 0.0, "bias^2 when the mean prediction over the 3 data sets equals f at every point "
                 "(average over axis 0, the data sets)", atol=1e-12)
    expect_close(var, 2.0, "variance over the 3 data sets (each point: values a, a, a + 3, variance 2)")


# =============================================================================================
# 11. simulate_bias_variance
# =============================================================================================


def _sine(t):
    return np.sin(2 * np.pi * np.asarray(t, dtype=float))


X_TRAIN_BV = np.linspace(0.0, 1.0, 20)
X_TEST_BV = np.linspace(0.05, 0.95, 10)


def _exact_bias_variance(f, x_train, x_test, degree, noise_std):
    """Closed form for a fixed design: predictions are A y with A = Phi_test pinv(Phi_train)."""
    Phi = np.vander(x_train, degree + 1, increasing=True)
    Phi_test = np.vander(x_test, degree + 1, increasing=True)
    A = Phi_test @ np.linalg.pinv(Phi)
    bias_sq = np.mean((A @ f(x_train) - f(x_test)) ** 2)
    variance = noise_std**2 * np.mean(np.sum(A**2, axis=1))
    return bias_sq, variance


def _sim(learner, *args, what):
    result = _pair(learner.simulate_bias_variance(*args), what)
    return _float(result[0], what + ", bias_sq"), _float(result[1], what + ", variance")


@pytest.mark.exercise("simulate_bias_variance")
def test_simulation_without_noise_gives_exact_bias_and_no_variance(learner):
    for degree in (1, 3):
        what = f"simulate_bias_variance(sin(2 pi x), 20 training points, degree={degree}, noise_std=0)"
        b2, var = _sim(learner, _sine, X_TRAIN_BV, X_TEST_BV, degree, 0.0, 5, 0, what=what)
        want_b2, _ = _exact_bias_variance(_sine, X_TRAIN_BV, X_TEST_BV, degree, 0.0)
        expect_close(b2, want_b2, f"{what}: bias^2 of the least-squares degree-{degree} polynomial "
                     "(deterministic without noise)", rtol=1e-8, atol=1e-12)
        expect_close(var, 0.0, f"{what}: variance (no noise, so every data set is identical)", atol=1e-12)


@pytest.mark.exercise("simulate_bias_variance")
def test_simulation_matches_the_closed_form(learner):
    for degree in (1, 3, 5):
        what = f"simulate_bias_variance(sin(2 pi x), degree={degree}, noise_std=0.3, n_datasets=2000)"
        b2, var = _sim(learner, _sine, X_TRAIN_BV, X_TEST_BV, degree, 0.3, 2000, 1, what=what)
        want_b2, want_var = _exact_bias_variance(_sine, X_TRAIN_BV, X_TEST_BV, degree, 0.3)
        expect_close(b2, want_b2, f"{what}: bias^2 vs the exact value (tolerance 2% + 0.001, Monte Carlo error)",
                     rtol=0.02, atol=1e-3)
        expect_close(var, want_var, f"{what}: variance vs the exact value sigma^2 * mean_j ||a_j||^2 "
                     "(tolerance 10%; noise_std is a standard deviation, not a variance)", rtol=0.10)


@pytest.mark.exercise("simulate_bias_variance")
def test_simulation_complexity_trend_and_unbiased_model(learner):
    def quad(t):
        return 1.0 - 2.0 * np.asarray(t) + 3.0 * np.asarray(t) ** 2

    what = "simulate_bias_variance(quadratic f, degree=2, noise_std=0.5, n_datasets=2000)"
    b2, var = _sim(learner, quad, X_TRAIN_BV, X_TEST_BV, 2, 0.5, 2000, 3, what=what)
    _, want_var = _exact_bias_variance(quad, X_TRAIN_BV, X_TEST_BV, 2, 0.5)
    expect(b2 < 0.01 * want_var + 1e-4,
           f"{what}: a degree-2 fit of a quadratic is unbiased, so bias^2 should be ~0 (Monte Carlo "
           f"noise only, < {0.01 * want_var + 1e-4:.2g}), got {b2:.4g}")
    expect_close(var, want_var, f"{what}: variance vs the exact value (tolerance 10%)", rtol=0.10)
    results = [_sim(learner, _sine, X_TRAIN_BV, X_TEST_BV, d, 0.3, 1000, 0, what=f"degree {d}") for d in (1, 3, 7)]
    variances = [v for _, v in results]
    expect(variances[0] < variances[1] < variances[2],
           f"variance should grow with the degree (1, 3, 7), got {np.round(variances, 4).tolist()}")


@pytest.mark.exercise("simulate_bias_variance")
def test_simulation_is_seeded(learner):
    args = (_sine, X_TRAIN_BV, X_TEST_BV, 3, 0.3, 50)
    a = _sim(learner, *args, 5, what="simulate_bias_variance(seed=5)")
    b = _sim(learner, *args, 5, what="simulate_bias_variance(seed=5)")
    c = _sim(learner, *args, 6, what="simulate_bias_variance(seed=6)")
    expect(a == b, f"simulate_bias_variance: the same seed gave different results {a} and {b}; use "
           "np.random.default_rng(seed)")
    expect(a != c, "simulate_bias_variance: seeds 5 and 6 gave identical results; is the seed used?")


# =============================================================================================
# 12. ridge_path
# =============================================================================================


def _ridge_reference(X, y, alphas):
    models = [Ridge(alpha=a).fit(X, y) if a > 0 else LinearRegression().fit(X, y) for a in alphas]
    return np.array([m.coef_ for m in models]), np.array([m.intercept_ for m in models])


def _path(learner, X, y, alphas, what):
    coefs, intercepts = _pair(learner.ridge_path(X, y, alphas), what)
    expect_shape(coefs, (len(alphas), X.shape[1]), f"{what}: coefs (one row per alpha, one column per feature)")
    expect_shape(intercepts, (len(alphas),), f"{what}: intercepts")
    return np.asarray(coefs, dtype=float), np.asarray(intercepts, dtype=float)


@pytest.mark.exercise("ridge_path")
def test_ridge_path_does_not_penalise_the_intercept(learner):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 3)) + np.array([5.0, -2.0, 0.0])
    y = X @ np.array([1.0, -2.0, 0.5]) + 1000.0 + rng.normal(0, 0.1, 30)
    alphas = [0.5, 50.0]
    what = "ridge_path(X (30, 3), y with mean ~1000, alphas=[0.5, 50])"
    coefs, intercepts = _path(learner, X, y, alphas, what)
    want_c, want_b = _ridge_reference(X, y, alphas)
    # Name the two classic mistakes before the generic comparison.
    Z = np.column_stack([np.ones(len(y)), X])
    penalised = np.array([np.linalg.solve(Z.T @ Z + a * np.eye(4), Z.T @ y) for a in alphas])
    expect(not np.allclose(intercepts, penalised[:, 0], rtol=1e-6),
           f"{what}: the intercept was penalised along with w (a column of ones inside the penalty). "
           "Centre X and y, solve for w, then b = mean(y) - mean(X) @ w")
    no_intercept = np.array([np.linalg.solve(X.T @ X + a * np.eye(3), X.T @ y) for a in alphas])
    expect(not np.allclose(coefs, no_intercept, rtol=1e-6),
           f"{what}: the coefficients are those of ridge *without* an intercept: centre X and y first")
    expect_close(coefs, want_c, f"{what}: coefficients vs sklearn Ridge (penalty alpha * ||w||^2, not "
                 "divided by n)", rtol=1e-8, atol=1e-10)
    expect_close(intercepts, want_b, f"{what}: intercepts (the intercept is not penalised: "
                 "b = mean(y) - mean(X) @ w)", rtol=1e-8)
    shifted_c, shifted_b = _path(learner, X, y - 1000.0, alphas, what.replace("~1000", "~0"))
    expect_close(shifted_c, coefs, "ridge coefficients must not change when a constant is subtracted from y",
                 rtol=1e-8, atol=1e-10)


@pytest.mark.exercise("ridge_path")
def test_ridge_path_matches_sklearn_ridge(learner, diabetes):
    X, y = diabetes
    alphas = [10.0, 0.01, 1.0, 0.1]  # deliberately unsorted: keep the given order
    what = "ridge_path(diabetes (442, 10), alphas=[10, 0.01, 1, 0.1])"
    with forbid(learner, *RIDGE_LIBRARIES, reason="solve ridge with NumPy (centring + SVD)"):
        coefs, intercepts = _path(learner, X, y, alphas, what)
    want_c, want_b = _ridge_reference(X, y, alphas)
    expect_close(coefs, want_c, f"{what}: coefficients vs sklearn Ridge(alpha) (rtol 1e-6)", rtol=1e-6, atol=1e-6)
    expect_close(intercepts, want_b, f"{what}: intercepts vs sklearn Ridge(alpha)", rtol=1e-6, atol=1e-6)


@pytest.mark.exercise("ridge_path")
def test_ridge_path_limits_and_shrinkage(learner, diabetes):
    X, y = diabetes
    alphas = [0.0, 1e-3, 1e-1, 1.0, 10.0, 1e3, 1e9]
    coefs, intercepts = _path(learner, X, y, alphas, "ridge_path(diabetes, 7 alphas from 0 to 1e9)")
    ols = LinearRegression().fit(X, y)
    expect_close(coefs[0], ols.coef_, "ridge_path with alpha = 0 is ordinary least squares (LinearRegression)",
                 rtol=1e-6, atol=1e-6)
    norms = np.linalg.norm(coefs, axis=1)
    expect(np.all(np.diff(norms) <= 1e-8 * norms[0]),
           f"||w|| should shrink as alpha grows, got {np.round(norms, 3).tolist()}")
    expect(norms[-1] < 1e-3 * norms[0], f"for alpha = 1e9 the coefficients should be ~0, got norm {norms[-1]:.4g}")
    expect_close(intercepts[-1], y.mean(), "for a huge alpha the intercept tends to mean(y)", rtol=1e-6)
    expect_raises(ValueError, lambda: learner.ridge_path(X, y, [1.0, -1.0]), "ridge_path with a negative alpha")


# =============================================================================================
# 13. loo_ridge_mse
# =============================================================================================

LOO_ALPHAS = (0.0, 0.05, 1.0, 20.0)
LINALG = ("numpy.linalg.solve", "numpy.linalg.inv", "numpy.linalg.lstsq", "numpy.linalg.pinv",
          "numpy.linalg.svd", "numpy.linalg.eigh", "numpy.linalg.cholesky", "numpy.linalg.qr")


@pytest.fixture(scope="module")
def loo_reference(diabetes):
    """Brute-force leave-one-out MSE from scikit-learn (40 samples, so 40 refits per alpha)."""
    X, y = diabetes[0][:40], diabetes[1][:40]
    ref = {}
    for alpha in LOO_ALPHAS:
        model = Ridge(alpha=alpha) if alpha > 0 else LinearRegression()
        scores = skms.cross_val_score(model, X, y, cv=skms.LeaveOneOut(), scoring="neg_mean_squared_error")
        ref[alpha] = -scores.mean()
    return X, y, ref


@pytest.mark.exercise("loo_ridge_mse")
def test_loo_docstring_example_and_training_error_is_not_loo(learner):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 1.0, 1.0, 3.0])
    got = _float(learner.loo_ridge_mse(X, y, 0.0), "loo_ridge_mse (docstring example)")
    train_mse = np.mean((y - LinearRegression().fit(X, y).predict(X)) ** 2)
    expect(abs(got - train_mse) > 1e-6,
           f"loo_ridge_mse returned the training MSE ({train_mse:.4f}); divide each residual by 1 - H_ii")
    expect_close(got, 655 / 882, "loo_ridge_mse of the docstring example (exactly 655/882 = 0.742630)", rtol=1e-9)


@pytest.mark.exercise("loo_ridge_mse")
def test_loo_matches_brute_force_refitting(learner, loo_reference):
    X, y, ref = loo_reference
    forbidden = RIDGE_LIBRARIES + SPLITTERS + ("sklearn.model_selection.cross_val_predict",)
    for alpha in LOO_ALPHAS:
        what = f"loo_ridge_mse(diabetes[:40], alpha={alpha:g})"
        with forbid(learner, *forbidden, reason="use the leverage shortcut with NumPy"):
            got = _float(learner.loo_ridge_mse(X, y, alpha), what)
        expect_close(got, ref[alpha], f"{what} vs refitting Ridge 40 times with LeaveOneOut (rtol 1e-8)", rtol=1e-8)


@pytest.mark.exercise("loo_ridge_mse")
def test_loo_includes_the_intercept_leverage(learner):
    # Few samples make the 1/n share of H_ii large: forgetting it is clearly visible here.
    rng = np.random.default_rng(12)
    X = rng.normal(size=(8, 2)) + 3.0
    y = X @ np.array([1.5, -1.0]) + rng.normal(0, 0.5, 8) + 4.0
    brute = []
    for i in range(8):
        keep = np.arange(8) != i
        brute.append((y[i] - Ridge(alpha=0.7).fit(X[keep], y[keep]).predict(X[i:i + 1])[0]) ** 2)
    got = _float(learner.loo_ridge_mse(X, y, 0.7), "loo_ridge_mse(X (8, 2), alpha=0.7)")
    expect_close(got, np.mean(brute), "loo_ridge_mse on 8 samples vs refitting 8 times (H includes the "
                 "intercept's 1/n; rtol 1e-8)", rtol=1e-8)
    expect_raises(ValueError, lambda: learner.loo_ridge_mse(X[:1], y[:1], 1.0), "loo_ridge_mse with one sample")


@pytest.mark.exercise("loo_ridge_mse")
def test_loo_fits_once_instead_of_n_times(learner, diabetes):
    X, y = diabetes[0][:200], diabetes[1][:200]
    with count_calls(learner, *LINALG) as counter:
        learner.loo_ridge_mse(X, y, 1.0)
    expect(counter["calls"] <= 10,
           f"loo_ridge_mse on 200 samples made {counter['calls']} calls to numpy.linalg: it seems to refit "
           "the model once per sample. Fit once and use the leverages H_ii")
