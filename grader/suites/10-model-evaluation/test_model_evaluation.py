"""Hidden suite for module 10 - Model evaluation.

Every test grades one exercise of 10-model-evaluation/exercises.py through the ``learner``
fixture. References: sklearn.metrics (regression and classification metrics, roc_curve,
roc_auc_score, precision_recall_curve, average_precision_score, brier_score_loss, log_loss),
sklearn.calibration.calibration_curve, scipy.stats (chi2, binomtest) for McNemar's test,
GridSearchCV for the search, and hashlib/json/joblib for persistence. Tolerances are stated in
the messages; they leave room for any correct implementation and none for the plausible
mistakes named in each block.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import pickle
import platform
import warnings
from datetime import datetime
from pathlib import Path

import joblib
import numpy as np
import pytest
import sklearn
from scipy import stats
from sklearn import metrics as skm
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import calibration_curve as sk_calibration_curve
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from grader.testing import (
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
    show,
)

REGRESSION_LIBRARY = (
    "sklearn.metrics.mean_squared_error",
    "sklearn.metrics.root_mean_squared_error",
    "sklearn.metrics.mean_absolute_error",
    "sklearn.metrics.r2_score",
)
CLASSIFICATION_LIBRARY = (
    "sklearn.metrics.confusion_matrix",
    "sklearn.metrics.accuracy_score",
    "sklearn.metrics.precision_score",
    "sklearn.metrics.recall_score",
    "sklearn.metrics.f1_score",
    "sklearn.metrics.fbeta_score",
    "sklearn.metrics.precision_recall_fscore_support",
    "sklearn.metrics.classification_report",
    "sklearn.metrics.multilabel_confusion_matrix",
)
RANKING_LIBRARY = tuple(
    name for name in (
        "sklearn.metrics.roc_curve",
        "sklearn.metrics.roc_auc_score",
        "sklearn.metrics.auc",
        "sklearn.metrics.precision_recall_curve",
        "sklearn.metrics.average_precision_score",
        "sklearn.metrics.confusion_matrix_at_thresholds",
        "sklearn.metrics.det_curve",
    )
    if hasattr(skm, name.rpartition(".")[2])
)
CALIBRATION_LIBRARY = (
    "sklearn.calibration.calibration_curve",
    "sklearn.metrics.brier_score_loss",
)
SEARCH_LIBRARY = (
    "sklearn.model_selection.GridSearchCV",
    "sklearn.model_selection.RandomizedSearchCV",
    "sklearn.model_selection.ParameterGrid",
    "sklearn.model_selection.cross_val_score",
    "sklearn.model_selection.cross_validate",
    "sklearn.model_selection.cross_val_predict",
)


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


def _float(value: object, what: str) -> float:
    expect(value is not None, f"{what}: got None; did you forget to return the result?")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        expect(False, f"{what}: expected a number, got {type(value).__name__} ({show(value, 80)})")
        raise  # unreachable


def _dict(value: object, keys: tuple[str, ...], what: str) -> dict:
    expect(isinstance(value, dict), f"{what}: expected a dict with keys {list(keys)}, got "
                                    f"{type(value).__name__} ({show(value, 80)})")
    missing = [k for k in keys if k not in value]
    expect(not missing, f"{what}: the returned dict lacks the key(s) {missing}; it has {sorted(value)}")
    return value


def _triple(value: object, what: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    expect(isinstance(value, (tuple, list)) and len(value) == 3,
           f"{what}: expected a tuple of three arrays, got {type(value).__name__} ({show(value, 80)})")
    return tuple(np.asarray(v, dtype=float) for v in value)  # type: ignore[return-value]


@contextlib.contextmanager
def _quiet():
    """Silence library warnings (e.g. sklearn's zero-division warnings) around reference calls."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _ties_data(n: int, seed: int, decimals: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Binary labels and rounded scores (many ties), the positives scored higher on average."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(int)
    s = np.round(np.clip(0.35 + 0.3 * y + rng.normal(0, 0.22, n), 0, 1), decimals)
    return y, s


# =============================================================================================
# 1. regression_metrics
# =============================================================================================

REG_KEYS = ("mse", "rmse", "mae", "r2")


@pytest.fixture(scope="module")
def diabetes_predictions():
    X, y = load_diabetes(return_X_y=True)
    model = LinearRegression().fit(X[:300], y[:300])
    return y[300:], model.predict(X[300:])


@pytest.mark.exercise("regression_metrics")
def test_regression_metrics_docstring_example(learner):
    got = _dict(learner.regression_metrics(np.array([3.0, 5.0, 7.0]), np.array([2.0, 5.0, 9.0])),
                REG_KEYS, "regression_metrics([3, 5, 7], [2, 5, 9])")
    expect_close(got["mse"], 5 / 3, "mse of residuals [1, 0, -2]: (1 + 0 + 4) / 3")
    expect_close(got["rmse"], np.sqrt(5 / 3), "rmse = sqrt(mse) for residuals [1, 0, -2]")
    expect_close(got["mae"], 1.0, "mae of residuals [1, 0, -2]: (1 + 0 + 2) / 3")
    expect_close(got["r2"], 0.375, "r2 = 1 - SS_res/SS_tot = 1 - 5/8 for y_true [3, 5, 7]")


@pytest.mark.exercise("regression_metrics")
def test_regression_metrics_match_sklearn(learner, diabetes_predictions):
    y, p = diabetes_predictions
    with forbid(learner, *REGRESSION_LIBRARY, reason="compute the metrics with NumPy"):
        got = _dict(learner.regression_metrics(y, p), REG_KEYS, "regression_metrics on diabetes predictions")
    want = {"mse": skm.mean_squared_error(y, p), "rmse": np.sqrt(skm.mean_squared_error(y, p)),
            "mae": skm.mean_absolute_error(y, p), "r2": skm.r2_score(y, p)}
    for key in REG_KEYS:
        expect_close(got[key], want[key], f"{key} on 142 diabetes predictions vs sklearn.metrics (rtol 1e-9)",
                     rtol=1e-9)
        expect_type(got[key], (float, np.floating), f"regression_metrics(...)['{key}']")


@pytest.mark.exercise("regression_metrics")
def test_r2_uses_the_mean_of_y_true_and_can_be_negative(learner):
    y = np.array([1.0, 2.0, 4.0, 9.0])
    shifted = y + 3.0  # perfect shape, wrong level: SS_res = 36, SS_tot = 38
    got = _dict(learner.regression_metrics(y, shifted), REG_KEYS, "regression_metrics(y, y + 3)")
    expect_close(got["r2"], 1 - 36 / 38,
                 "r2 for y_true = [1, 2, 4, 9] and y_pred = y_true + 3: SS_tot must use the mean of "
                 "y_true (4.0), and both sums have n terms (no n - 1 anywhere)")
    backwards = y[::-1].copy()
    got = _dict(learner.regression_metrics(y, backwards), REG_KEYS, "regression_metrics(y, reversed y)")
    expect_close(got["r2"], skm.r2_score(y, backwards),
                 "r2 of a model worse than the mean must be negative (do not clip it at 0)")


@pytest.mark.exercise("regression_metrics")
def test_regression_metrics_edge_cases(learner):
    got = _dict(learner.regression_metrics(np.array([2.0, 2.0, 2.0]), np.array([2.0, 2.0, 2.0])),
                REG_KEYS, "constant y_true predicted perfectly")
    expect_close(got["r2"], 1.0, "r2 for a constant y_true predicted perfectly (sklearn reports 1.0)")
    expect_close(got["mse"], 0.0, "mse of a perfect prediction")
    got = _dict(learner.regression_metrics(np.array([2.0, 2.0, 2.0]), np.array([1.0, 2.0, 3.0])),
                REG_KEYS, "constant y_true predicted imperfectly")
    expect_close(got["r2"], 0.0, "r2 for a constant y_true predicted imperfectly (sklearn reports 0.0, not -inf or nan)")
    got = _dict(learner.regression_metrics(np.array([5]), np.array([3])), REG_KEYS, "a single integer sample")
    expect_close(got["mse"], 4.0, "mse of one sample with residual 2 (integer inputs)")
    expect_close(got["mae"], 2.0, "mae of one sample with residual 2")
    expect(np.isnan(_float(got["r2"], "r2 of one sample")), f"r2 with n = 1 should be nan (undefined), got {got['r2']}")
    expect_raises(ValueError, lambda: learner.regression_metrics(np.array([]), np.array([])),
                  "regression_metrics of empty arrays")
    expect_raises(ValueError, lambda: learner.regression_metrics(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])),
                  "regression_metrics with lengths 2 and 3")
    expect_raises(ValueError, lambda: learner.regression_metrics(np.array([1.0, np.nan]), np.array([1.0, 2.0])),
                  "regression_metrics with a NaN in y_true")


# =============================================================================================
# 2. confusion_matrix
# =============================================================================================


@pytest.mark.exercise("confusion_matrix")
def test_confusion_matrix_docstring_example(learner):
    got = learner.confusion_matrix(np.array([0, 0, 1, 1, 1]), np.array([0, 1, 1, 1, 0]))
    expect_shape(got, (2, 2), "confusion_matrix of binary labels")
    expect(np.issubdtype(np.asarray(got).dtype, np.integer),
           f"confusion_matrix should hold integer counts, got dtype {np.asarray(got).dtype}")
    expect_close(got, [[1, 1], [1, 2]], "confusion_matrix(y_true=[0,0,1,1,1], y_pred=[0,1,1,1,0]) = [[TN, FP], [FN, TP]]")


@pytest.mark.exercise("confusion_matrix")
def test_confusion_matrix_rows_are_truth_not_prediction(learner):
    y_true = np.array([0, 0, 0, 0, 1, 2, 2])
    y_pred = np.array([1, 1, 1, 0, 1, 2, 0])
    with forbid(learner, *CLASSIFICATION_LIBRARY, reason="count the pairs yourself"):
        got = learner.confusion_matrix(y_true, y_pred)
    want = skm.confusion_matrix(y_true, y_pred)
    expect_shape(got, (3, 3), "confusion_matrix with labels {0, 1, 2}")
    if np.array_equal(np.asarray(got), want.T):
        expect(False, "confusion_matrix is transposed: rows must be the TRUE labels and columns the "
                      f"PREDICTED labels (row 0 should be {want[0].tolist()}, the predictions for true class 0)")
    expect_close(got, want, "confusion_matrix vs sklearn for 3 classes")


@pytest.mark.exercise("confusion_matrix")
def test_confusion_matrix_matches_sklearn_with_strings_and_label_order(learner):
    rng = np.random.default_rng(1)
    names = np.array(["cat", "dog", "owl", "yak"])
    y_true = names[rng.integers(0, 3, 60)]          # 'yak' is never true ...
    y_pred = names[rng.integers(0, 4, 60)]          # ... but sometimes predicted
    got = learner.confusion_matrix(y_true, y_pred)
    expect_close(got, skm.confusion_matrix(y_true, y_pred),
                 "confusion_matrix of string labels (a label that only appears in y_pred still gets a row)")
    order = ["yak", "cat", "owl"]
    got = learner.confusion_matrix(y_true, y_pred, labels=order)
    expect_close(got, skm.confusion_matrix(y_true, y_pred, labels=order),
                 "confusion_matrix with labels=['yak', 'cat', 'owl'] (that order; 'dog' pairs ignored)")


@pytest.mark.exercise("confusion_matrix")
def test_confusion_matrix_invariants_and_empty(learner):
    rng = np.random.default_rng(2)
    y_true, y_pred = rng.integers(0, 5, 200), rng.integers(0, 5, 200)
    got = np.asarray(learner.confusion_matrix(y_true, y_pred))
    expect_equal(int(got.sum()), 200, "sum of all entries of a 200-sample confusion matrix")
    expect_close(got.sum(axis=1), np.bincount(y_true, minlength=5), "row sums = counts of each TRUE label")
    expect_close(np.trace(got), np.sum(y_true == y_pred), "trace = number of correct predictions")
    got = learner.confusion_matrix(np.array([], dtype=int), np.array([], dtype=int), labels=[0, 1, 2])
    expect_shape(got, (3, 3), "confusion_matrix of empty inputs with labels=[0, 1, 2]")
    expect_close(got, np.zeros((3, 3)), "confusion_matrix of empty inputs is all zeros")
    expect_raises(ValueError, lambda: learner.confusion_matrix(np.array([0, 1]), np.array([0, 1, 1])),
                  "confusion_matrix with lengths 2 and 3")


# =============================================================================================
# 3. classification_metrics
# =============================================================================================

CLF_KEYS = ("accuracy", "precision", "recall", "f1")


def _sk_classification(y_true, y_pred, average, pos_label=1):
    with _quiet():
        kw = {"average": average, "zero_division": 0}
        if average == "binary":
            kw["pos_label"] = pos_label
        return {
            "accuracy": skm.accuracy_score(y_true, y_pred),
            "precision": skm.precision_score(y_true, y_pred, **kw),
            "recall": skm.recall_score(y_true, y_pred, **kw),
            "f1": skm.f1_score(y_true, y_pred, **kw),
        }


def _check_classification(got, want, what: str) -> None:
    got = _dict(got, CLF_KEYS, what)
    if (np.isclose(_float(got["precision"], f"{what}: precision"), want["recall"])
            and np.isclose(_float(got["recall"], f"{what}: recall"), want["precision"])
            and not np.isclose(want["precision"], want["recall"])):
        expect(False, f"{what}: precision and recall are swapped (expected precision {want['precision']:.4f} "
                      f"and recall {want['recall']:.4f}); precision divides by the PREDICTED count, recall by "
                      "the TRUE count")
    for key in CLF_KEYS:
        expect_close(got[key], want[key], f"{what}: {key} vs sklearn (zero_division=0, rtol 1e-9)", rtol=1e-9)


@pytest.mark.exercise("classification_metrics")
def test_classification_metrics_docstring_example(learner):
    got = learner.classification_metrics(np.array([1, 1, 1, 0, 0]), np.array([1, 0, 0, 0, 1]))
    _check_classification(got, {"accuracy": 0.4, "precision": 0.5, "recall": 1 / 3, "f1": 0.4},
                          "classification_metrics([1,1,1,0,0], [1,0,0,0,1])")


@pytest.mark.exercise("classification_metrics")
def test_classification_metrics_binary_matches_sklearn(learner):
    rng = np.random.default_rng(3)
    y_true = (rng.random(300) < 0.3).astype(int)
    y_pred = np.where(rng.random(300) < 0.75, y_true, 1 - y_true)
    names = np.array(["ham", "spam"])
    want1 = _sk_classification(y_true, y_pred, "binary")
    want0 = _sk_classification(y_true, y_pred, "binary", 0)
    want_s = _sk_classification(names[y_true], names[y_pred], "binary", "spam")
    with forbid(learner, *CLASSIFICATION_LIBRARY, reason="compute the metrics from the counts"):
        got1 = learner.classification_metrics(y_true, y_pred)
        got0 = learner.classification_metrics(y_true, y_pred, pos_label=0)
        got_s = learner.classification_metrics(names[y_true], names[y_pred], "binary", "spam")
    _check_classification(got1, want1, "binary, pos_label=1")
    _check_classification(got0, want0, "binary, pos_label=0")
    _check_classification(got_s, want_s, "string labels with pos_label='spam'")


@pytest.mark.exercise("classification_metrics")
@pytest.mark.parametrize("average", ["macro", "weighted", "micro"])
def test_classification_metrics_averages_match_sklearn(learner, average):
    rng = np.random.default_rng(4)
    y_true = rng.choice(4, size=120, p=[0.5, 0.3, 0.15, 0.05])
    y_pred = np.where(rng.random(120) < 0.6, y_true, rng.choice(3, size=120))  # class 3 never predicted
    y_pred[:3] = 4                                                           # class 4 never true
    with forbid(learner, *CLASSIFICATION_LIBRARY, reason="compute the metrics from the counts"):
        got = learner.classification_metrics(y_true, y_pred, average=average)
    want = _sk_classification(y_true, y_pred, average)
    got = _dict(got, CLF_KEYS, f"average='{average}'")
    if average == "macro":
        p, r = want["precision"], want["recall"]
        wrong = 2 * p * r / (p + r)
        if np.isclose(_float(got["f1"], "macro f1"), wrong) and not np.isclose(wrong, want["f1"]):
            expect(False, "macro F1 must be the mean of the per-class F1 values, not the harmonic mean of "
                          f"macro precision and macro recall (expected {want['f1']:.4f}, got {got['f1']:.4f})")
    for key in CLF_KEYS:
        val = _float(got[key], f"average='{average}': {key}")
        expect(not np.isnan(val), f"average='{average}': {key} is nan; a 0/0 (class never predicted) counts as 0.0")
    _check_classification(got, want, f"5 classes (one never predicted, one never true), average='{average}'")


@pytest.mark.exercise("classification_metrics")
def test_accuracy_paradox_on_imbalanced_data(learner):
    y_true = np.r_[np.zeros(95, int), np.ones(5, int)]
    y_pred = np.zeros(100, int)  # "always the majority class"
    got = _dict(learner.classification_metrics(y_true, y_pred), CLF_KEYS, "majority-class predictor, 95/5 data")
    expect_close(got["accuracy"], 0.95, "accuracy of always predicting 0 on 95 negatives and 5 positives")
    for key in ("precision", "recall", "f1"):
        val = _float(got[key], key)
        expect(not np.isnan(val), f"{key} of a model that never predicts the positive class should be 0.0, got nan")
        expect_close(val, 0.0, f"{key} of a model that never predicts the positive class")
    multi = learner.classification_metrics(np.array([0, 1, 2, 2, 1]), np.array([0, 2, 2, 1, 1]), average="micro")
    multi = _dict(multi, CLF_KEYS, "average='micro'")
    expect_close(multi["f1"], multi["accuracy"], "micro-averaged F1 of single-label multiclass data equals accuracy")


@pytest.mark.exercise("classification_metrics")
def test_classification_metrics_rejects_bad_arguments(learner):
    expect_raises(ValueError, lambda: learner.classification_metrics(np.array([0, 1, 2]), np.array([0, 1, 2])),
                  "average='binary' with three classes")
    expect_raises(ValueError, lambda: learner.classification_metrics(np.array([0, 1]), np.array([0, 1]), average="mean"),
                  "average='mean' (not one of binary/macro/micro/weighted)")


# =============================================================================================
# 4. log_loss
# =============================================================================================


@pytest.mark.exercise("log_loss")
def test_log_loss_docstring_example(learner):
    got = learner.log_loss(np.array([1, 0]), np.array([0.8, 0.4]))
    expect_close(got, -(np.log(0.8) + np.log(0.6)) / 2,
                 "log_loss([1, 0], [0.8, 0.4]) = -(ln 0.8 + ln(1 - 0.4)) / 2 (natural log, mean over samples)")


@pytest.mark.exercise("log_loss")
def test_log_loss_binary_and_multiclass_match_sklearn(learner):
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, 200)
    p = np.clip(0.3 + 0.4 * y + rng.normal(0, 0.2, 200), 0.01, 0.99)
    with forbid(learner, "sklearn.metrics.log_loss", reason="compute the cross-entropy with NumPy"):
        got = learner.log_loss(y, p)
    expect_close(got, skm.log_loss(y, p), "binary log_loss on 200 samples vs sklearn (rtol 1e-10)", rtol=1e-10)
    logits = rng.normal(size=(150, 4))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y4 = rng.integers(0, 4, 150)
    with forbid(learner, "sklearn.metrics.log_loss", reason="compute the cross-entropy with NumPy"):
        got = learner.log_loss(y4, probs)
    expect_close(got, skm.log_loss(y4, probs, labels=[0, 1, 2, 3]),
                 "4-class log_loss with y_prob of shape (150, 4) vs sklearn (rtol 1e-10)", rtol=1e-10)


@pytest.mark.exercise("log_loss")
def test_log_loss_clips_confident_mistakes(learner):
    eps = np.finfo(np.float64).eps
    got = _float(learner.log_loss(np.array([1, 0]), np.array([0.0, 0.0])), "log_loss([1, 0], [0.0, 0.0])")
    expect(np.isfinite(got), "log_loss with probability 0 for a true positive must be finite: clip the "
                             f"probabilities to [eps, 1 - eps] before the log (got {got})")
    expect_close(got, -(np.log(eps) + np.log(1 - eps)) / 2,
                 "log_loss([1, 0], [0.0, 0.0]) with the default eps (the positive costs -ln(eps) = 36.04)")
    expect_close(got, skm.log_loss([1, 0], [0.0, 0.0]), "log_loss([1, 0], [0.0, 0.0]) vs sklearn")
    got = learner.log_loss(np.array([0, 2]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), eps=1e-15)
    expect_close(got, -(np.log(1 - 1e-15) + np.log(1e-15)) / 2,
                 "log_loss with eps=1e-15 where the second sample's true class got probability 0 "
                 "(use the eps argument, do not hard-code it)")


@pytest.mark.exercise("log_loss")
def test_log_loss_properties_and_errors(learner):
    got = learner.log_loss(np.array([0, 1, 1, 0]), np.full(4, 0.5))
    expect_close(got, np.log(2), "log_loss of always predicting 0.5 is ln 2 = 0.6931")
    y = np.array([1, 1, 0, 1, 0, 0])
    p = np.array([0.9, 0.6, 0.2, 0.7, 0.4, 0.1])
    one = _float(learner.log_loss(y, p), "log_loss on 6 samples")
    twice = _float(learner.log_loss(np.r_[y, y], np.r_[p, p]), "log_loss on the same 6 samples twice")
    expect_close(twice, one, "log_loss is a MEAN: duplicating the data must not change it (did you sum?)")
    expect_raises(ValueError, lambda: learner.log_loss(np.array([], dtype=int), np.array([])), "log_loss of empty arrays")
    expect_raises(ValueError, lambda: learner.log_loss(np.array([0, 3]), np.full((2, 3), 1 / 3)),
                  "log_loss with label 3 but only 3 probability columns")


# =============================================================================================
# 5. roc_curve
# =============================================================================================


@pytest.mark.exercise("roc_curve")
def test_roc_curve_docstring_example(learner):
    fpr, tpr, thr = _triple(learner.roc_curve(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),
                            "roc_curve([0,0,1,1], [0.1,0.4,0.35,0.8])")
    expect_shape(thr, (5,), "thresholds: +inf plus the 4 distinct scores")
    if np.all(np.diff(thr[np.isfinite(thr)]) > 0):
        expect(False, "thresholds must DECREASE (highest score first), so that FPR and TPR grow along the "
                      f"curve; got {show(thr)}")
    expect(np.isinf(thr[0]) and thr[0] > 0, f"the first threshold should be +inf (the point (0, 0)), got {thr[0]}")
    expect_close(thr[1:], [0.8, 0.4, 0.35, 0.1], "thresholds after +inf (the distinct scores, decreasing)")
    expect_close(fpr, [0, 0, 0.5, 0.5, 1], "fpr of the docstring example")
    expect_close(tpr, [0, 0.5, 0.5, 1, 1], "tpr of the docstring example")


@pytest.mark.exercise("roc_curve")
@pytest.mark.parametrize("seed", [0, 1])
def test_roc_curve_matches_sklearn_with_ties(learner, seed):
    y, s = _ties_data(200, seed)
    with forbid(learner, *RANKING_LIBRARY, reason="sweep the thresholds yourself"):
        fpr, tpr, thr = _triple(learner.roc_curve(y, s), "roc_curve on 200 samples")
    want_fpr, want_tpr, want_thr = skm.roc_curve(y, s, drop_intermediate=False)
    if thr.shape != want_thr.shape:
        expect(False, f"roc_curve on 200 samples with only {len(np.unique(s))} distinct scores: expected "
                      f"{len(want_thr)} points (one per distinct score plus the start), got {thr.shape[0]}; "
                      "tied scores must switch together and give ONE point")
    expect_close(thr, want_thr, "thresholds vs sklearn roc_curve(drop_intermediate=False)")
    expect_close(fpr, want_fpr, "fpr vs sklearn roc_curve(drop_intermediate=False)", atol=1e-12)
    expect_close(tpr, want_tpr, "tpr vs sklearn roc_curve(drop_intermediate=False)", atol=1e-12)


@pytest.mark.exercise("roc_curve")
def test_roc_curve_all_scores_tied_and_negative_margins(learner):
    fpr, tpr, thr = _triple(learner.roc_curve(np.array([1, 0, 1, 0, 0]), np.full(5, 0.3)), "roc_curve with one distinct score")
    expect_close(fpr, [0, 1], "fpr when every score is equal: (0, 0) then (1, 1)")
    expect_close(tpr, [0, 1], "tpr when every score is equal")
    margins = np.array([-2.5, 3.0, -0.5, 1.0, 0.0, -4.0])
    y = np.array([0, 1, 1, 0, 1, 0])
    fpr, tpr, thr = _triple(learner.roc_curve(y, margins), "roc_curve of real-valued margins")
    wf, wt, wth = skm.roc_curve(y, margins, drop_intermediate=False)
    expect_close(thr, wth, "thresholds for negative and positive margins (scores need not be probabilities)")
    expect_close(fpr, wf, "fpr for margins")
    expect(np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0), "fpr and tpr must never decrease along the curve")


@pytest.mark.exercise("roc_curve")
def test_roc_curve_rejects_one_class_and_nan(learner):
    expect_raises(ValueError, lambda: learner.roc_curve(np.array([1, 1, 1]), np.array([0.2, 0.5, 0.9])),
                  "roc_curve with no negative sample")
    expect_raises(ValueError, lambda: learner.roc_curve(np.array([0, 1, 0]), np.array([0.2, np.nan, 0.9])),
                  "roc_curve with a NaN score")


# =============================================================================================
# 6. roc_auc
# =============================================================================================


@pytest.mark.exercise("roc_auc")
def test_roc_auc_docstring_example_and_extremes(learner):
    expect_close(learner.roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])), 0.75,
                 "roc_auc of the docstring example (3 of 4 positive-negative pairs ordered correctly)")
    y = np.array([0, 0, 1, 1, 1])
    expect_close(learner.roc_auc(y, np.array([0.1, 0.2, 0.3, 0.4, 0.5])), 1.0, "roc_auc of a perfect ranking")
    expect_close(learner.roc_auc(y, np.array([0.5, 0.4, 0.3, 0.2, 0.1])), 0.0, "roc_auc of a perfectly reversed ranking")
    expect_close(learner.roc_auc(y, np.full(5, 0.7)), 0.5,
                 "roc_auc when every score is equal: every pair is a tie and counts 1/2")


@pytest.mark.exercise("roc_auc")
def test_roc_auc_matches_sklearn_continuous(learner):
    rng = np.random.default_rng(6)
    y = rng.integers(0, 2, 500)
    s = rng.normal(size=500) + 0.8 * y
    with forbid(learner, *RANKING_LIBRARY, reason="compute the AUC yourself"):
        got = learner.roc_auc(y, s)
    expect_close(got, skm.roc_auc_score(y, s), "roc_auc on 500 continuous scores vs roc_auc_score (rtol 1e-10)",
                 rtol=1e-10)


@pytest.mark.exercise("roc_auc")
def test_roc_auc_counts_ties_as_one_half(learner):
    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, 300)
    s = np.minimum(rng.integers(0, 3, 300) + y, 3).astype(float)  # only 4 distinct scores: many ties
    with forbid(learner, *RANKING_LIBRARY, reason="compute the AUC yourself"):
        got = _float(learner.roc_auc(y, s), "roc_auc with heavy ties")
    want = skm.roc_auc_score(y, s)
    pos, neg = s[y == 1], s[y == 0]
    strict = np.mean(pos[:, None] > neg[None, :])
    if np.isclose(got, strict) and not np.isclose(strict, want):
        expect(False, f"roc_auc with only 4 distinct scores: expected {want:.6f}, got {got:.6f}, which is "
                      "P(pos > neg) ignoring ties; a tied pair counts 1/2")
    expect_close(got, want, "roc_auc with only 4 distinct scores (300 samples) vs roc_auc_score", rtol=1e-10)


@pytest.mark.exercise("roc_auc")
def test_roc_auc_invariances_and_errors(learner):
    y, s = _ties_data(120, 8, decimals=3)
    base = _float(learner.roc_auc(y, s), "roc_auc")
    expect_close(learner.roc_auc(y, np.exp(5 * s)), base,
                 "roc_auc after a strictly increasing transform of the scores (AUC depends on the ranking only)")
    expect_close(learner.roc_auc(y, -s), 1 - base, "roc_auc of the negated scores = 1 - AUC")
    expect_raises(ValueError, lambda: learner.roc_auc(np.zeros(4, int), np.array([0.1, 0.2, 0.3, 0.4])),
                  "roc_auc with no positive sample")
    expect_raises(ValueError, lambda: learner.roc_auc(np.array([0, 1, 1]), np.array([0.1, np.nan, 0.3])),
                  "roc_auc with a NaN score")


# =============================================================================================
# 7. precision_recall_curve
# =============================================================================================


@pytest.mark.exercise("precision_recall_curve")
def test_precision_recall_curve_docstring_example(learner):
    p, r, t = _triple(learner.precision_recall_curve(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])),
                      "precision_recall_curve([0,0,1,1], [0.1,0.4,0.35,0.8])")
    expect_shape(t, (4,), "thresholds: the 4 distinct scores (no +inf here)")
    expect_shape(p, (5,), "precision: one value per threshold plus the final point")
    expect_close(t, [0.1, 0.35, 0.4, 0.8], "thresholds in INCREASING order (scikit-learn's convention)")
    if np.allclose(p[:-1], [1, 1, 0.5, 0.5]):
        expect(False, "precision and recall are swapped: precision = TP / (TP + FP), recall = TP / #positives")
    expect_close(r, [1, 1, 0.5, 0.5, 0], "recall of the docstring example (ends with 0)")
    expect_close(p, [0.5, 2 / 3, 0.5, 1, 1], "precision of the docstring example (ends with 1)")


@pytest.mark.exercise("precision_recall_curve")
@pytest.mark.parametrize("seed", [10, 11])
def test_precision_recall_curve_matches_sklearn(learner, seed):
    y, s = _ties_data(150, seed, decimals=2)
    with forbid(learner, *RANKING_LIBRARY, reason="sweep the thresholds yourself"):
        p, r, t = _triple(learner.precision_recall_curve(y, s), "precision_recall_curve on 150 samples")
    wp, wr, wt = skm.precision_recall_curve(y, s)
    if t.shape != wt.shape:
        expect(False, f"precision_recall_curve with {len(wt)} distinct scores: expected {len(wt)} thresholds "
                      f"(one per distinct score), got {t.shape[0]}")
    expect_close(t, wt, "thresholds vs sklearn precision_recall_curve")
    if np.allclose(p, wr) and np.allclose(r, wp) and not np.allclose(p, wp):
        expect(False, "precision and recall are swapped: precision = TP / (TP + FP), recall = TP / #positives")
    expect_close(p, wp, "precision vs sklearn precision_recall_curve", atol=1e-12)
    expect_close(r, wr, "recall vs sklearn precision_recall_curve", atol=1e-12)


@pytest.mark.exercise("precision_recall_curve")
def test_precision_recall_curve_invariants_and_errors(learner):
    y, s = _ties_data(80, 12, decimals=3)
    p, r, t = _triple(learner.precision_recall_curve(y, s), "precision_recall_curve")
    expect(len(p) == len(r) == len(t) + 1,
           f"precision and recall need len(thresholds) + 1 = {len(t) + 1} entries, got {len(p)} and {len(r)}")
    expect(np.all(np.diff(t) > 0), "thresholds must be strictly increasing")
    expect(np.all(np.diff(r) <= 1e-12), "recall must never increase along the arrays (thresholds go up)")
    expect_close(r[0], 1.0, "recall at the lowest threshold (everything predicted positive)")
    expect_close([p[-1], r[-1]], [1.0, 0.0], "the appended last point (precision 1, recall 0)")
    expect_close(p[0], y.mean(), "precision at the lowest threshold = fraction of positives")
    expect_raises(ValueError, lambda: learner.precision_recall_curve(np.zeros(3, int), np.array([0.1, 0.5, 0.9])),
                  "precision_recall_curve with no positive sample")


# =============================================================================================
# 8. average_precision
# =============================================================================================


@pytest.mark.exercise("average_precision")
def test_average_precision_docstring_example(learner):
    expect_close(learner.average_precision(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])), 5 / 6,
                 "average_precision of the docstring example: 0.5 * 1 + 0.5 * (2/3)")


@pytest.mark.exercise("average_precision")
def test_average_precision_is_not_trapezoid_or_interpolated(learner):
    # Ranking (best first): +, -, -, +, +, -, +  (4 positives, 7 samples)
    y = np.array([1, 0, 0, 1, 1, 0, 1])
    s = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3])
    want = skm.average_precision_score(y, s)  # (1 + 2/4 + 3/5 + 4/7) / 4
    wp, wr, _ = skm.precision_recall_curve(y, s)
    trapezoid = skm.auc(wr, wp)
    # Interpolated AP: P_k replaced by the best precision at recall >= R_k. The arrays run from
    # recall 1 down to 0, so that is the running maximum from the START of the precision array.
    interpolated = float(-np.sum(np.diff(wr) * np.maximum.accumulate(wp)[:-1]))
    with forbid(learner, *RANKING_LIBRARY, reason="sum the precision-weighted recall steps yourself"):
        got = _float(learner.average_precision(y, s), "average_precision")
    if np.isclose(got, trapezoid):
        expect(False, f"average_precision returned the trapezoidal area {trapezoid:.4f}; AP is the step sum "
                      f"sum (R_k - R_(k-1)) * P_k = {want:.4f}")
    if np.isclose(got, interpolated):
        expect(False, f"average_precision returned the interpolated AP {interpolated:.4f} (best precision at "
                      f"higher recall); use the precision at each threshold itself: {want:.4f}")
    expect_close(got, want, "average_precision of the ranking + - - + + - + (= (1 + 2/4 + 3/5 + 4/7) / 4)")


@pytest.mark.exercise("average_precision")
@pytest.mark.parametrize("seed", [20, 21])
def test_average_precision_matches_sklearn_with_ties(learner, seed):
    y, s = _ties_data(200, seed, decimals=1)
    with forbid(learner, *RANKING_LIBRARY, reason="sum the precision-weighted recall steps yourself"):
        got = learner.average_precision(y, s)
    expect_close(got, skm.average_precision_score(y, s),
                 "average_precision on 200 samples with tied scores vs average_precision_score (rtol 1e-10)",
                 rtol=1e-10)


@pytest.mark.exercise("average_precision")
def test_average_precision_simple_rankings_and_errors(learner):
    expect_close(learner.average_precision(np.array([1, 1, 0, 0]), np.array([0.9, 0.8, 0.2, 0.1])), 1.0,
                 "average_precision of a perfect ranking")
    expect_close(learner.average_precision(np.array([0, 0, 1, 0]), np.array([0.9, 0.8, 0.7, 0.1])), 1 / 3,
                 "average_precision with one positive ranked third (precision 1/3 when it is found)")
    expect_close(learner.average_precision(np.array([1, 0, 1, 0]), np.full(4, 0.5)), 0.5,
                 "average_precision when every score is tied: one threshold, precision = fraction of positives")
    expect_raises(ValueError, lambda: learner.average_precision(np.zeros(3, int), np.array([0.1, 0.5, 0.9])),
                  "average_precision with no positive sample")


# =============================================================================================
# 9. calibration_summary
# =============================================================================================

CAL_KEYS = ("prob_true", "prob_pred", "counts", "brier", "ece")


def _reference_calibration(y, p, n_bins):
    prob_true, prob_pred = sk_calibration_curve(y, p, n_bins=n_bins)
    edges = np.linspace(0, 1, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(ids, minlength=n_bins)
    counts = counts[counts > 0]
    ece = float(np.sum(counts / len(y) * np.abs(prob_true - prob_pred)))
    return prob_true, prob_pred, counts, skm.brier_score_loss(y, p), ece


@pytest.mark.exercise("calibration_summary")
def test_calibration_summary_docstring_example(learner):
    got = _dict(learner.calibration_summary(np.array([0, 1, 1, 1]), np.array([0.2, 0.3, 0.9, 0.7]), n_bins=2),
                CAL_KEYS, "calibration_summary of the docstring example")
    expect_close(got["prob_true"], [0.5, 1.0], "prob_true (fraction of positives per bin)")
    expect_close(got["prob_pred"], [0.25, 0.8], "prob_pred (mean predicted probability per bin)")
    expect_close(got["counts"], [2, 2], "counts per bin")
    expect_close(got["brier"], 0.1575, "brier = mean((p - y)^2) = (0.04 + 0.49 + 0.01 + 0.09) / 4")
    expect_close(got["ece"], 0.225, "ece = 0.5 * |0.5 - 0.25| + 0.5 * |1.0 - 0.8|")


@pytest.mark.exercise("calibration_summary")
@pytest.mark.parametrize("n_bins", [10, 7])
def test_calibration_summary_matches_sklearn(learner, n_bins):
    rng = np.random.default_rng(30 + n_bins)
    p = rng.beta(2, 3, 500)
    y = (rng.random(500) < p ** 1.5).astype(int)  # over-confident model: true rate below p
    with forbid(learner, *CALIBRATION_LIBRARY, reason="bin the probabilities yourself"):
        got = _dict(learner.calibration_summary(y, p, n_bins=n_bins), CAL_KEYS, f"calibration_summary(n_bins={n_bins})")
    prob_true, prob_pred, counts, brier, ece = _reference_calibration(y, p, n_bins)
    expect_shape(np.asarray(got["prob_true"]), prob_true.shape,
                 f"prob_true with n_bins={n_bins} (one entry per NON-EMPTY bin)")
    expect_close(got["prob_true"], prob_true, f"prob_true vs sklearn calibration_curve(n_bins={n_bins})", atol=1e-12)
    expect_close(got["prob_pred"], prob_pred, f"prob_pred vs sklearn calibration_curve(n_bins={n_bins})", atol=1e-12)
    expect_close(got["counts"], counts, f"counts per non-empty bin (n_bins={n_bins})")
    expect_close(got["brier"], brier, "brier vs sklearn brier_score_loss", rtol=1e-10)
    expect_close(got["ece"], ece, "ece = sum of (count / n) * |prob_true - prob_pred| over bins", rtol=1e-9)


@pytest.mark.exercise("calibration_summary")
def test_calibration_summary_bin_edges(learner):
    # n_bins=4: edges 0, .25, .5, .75, 1 (exact in binary). 0.25 goes to bin 0, 0.5 to bin 1, 1.0 to bin 3.
    y = np.array([0, 1, 0, 1, 1, 1])
    p = np.array([0.0, 0.25, 0.5, 1.0, 1.0, 0.8])
    got = _dict(learner.calibration_summary(y, p, n_bins=4), CAL_KEYS, "calibration_summary with values on the edges")
    counts = np.asarray(got["counts"])
    expect(counts.sum() == 6, f"counts must add up to the 6 samples, got {show(counts)} "
                              "(did p = 1.0 fall outside the last bin?)")
    expect_close(counts, [2, 1, 3],
                 "counts for p = [0, .25, .5, 1, 1, .8] with 4 bins: 0 and 0.25 in bin 0, 0.5 in bin 1, "
                 "bin 2 empty (dropped), 0.8, 1, 1 in bin 3 (a value on an inner edge belongs to the LOWER bin)")
    expect_close(got["prob_pred"], [0.125, 0.5, 14 / 15], "prob_pred with values on the bin edges")


@pytest.mark.exercise("calibration_summary")
def test_calibration_summary_perfect_and_errors(learner):
    y = np.array([0, 0, 1, 1, 1])
    got = _dict(learner.calibration_summary(y, y.astype(float), n_bins=5), CAL_KEYS, "perfect 0/1 probabilities")
    expect_close(got["brier"], 0.0, "brier of perfectly confident, correct probabilities")
    expect_close(got["ece"], 0.0, "ece of perfectly confident, correct probabilities")
    got = _dict(learner.calibration_summary(np.array([0, 1, 1, 0]), np.array([0.62, 0.64, 0.66, 0.68]), n_bins=10),
                CAL_KEYS, "all probabilities in one bin")
    expect_shape(np.asarray(got["prob_true"]), (1,), "prob_true when all probabilities fall in bin [0.6, 0.7] (empty bins dropped)")
    expect_close(got["ece"], abs(0.5 - 0.65), "ece with a single bin = |0.5 - 0.65|")
    expect_raises(ValueError, lambda: learner.calibration_summary(np.array([0, 1]), np.array([0.5, 1.2])),
                  "calibration_summary with a probability of 1.2")


# =============================================================================================
# 10. mcnemar_test
# =============================================================================================

MC_KEYS = ("b", "c", "statistic", "p_value")


def _mcnemar_data(b: int, c: int, both_right: int, both_wrong: int):
    """Labels and two prediction vectors with exactly the requested concordance table."""
    n = b + c + both_right + both_wrong
    y = np.zeros(n, int)
    a = np.zeros(n, int)
    bb = np.zeros(n, int)
    a[b:b + c] = 1                            # A wrong on the c block
    bb[:b] = 1                                # B wrong on the b block
    a[b + c + both_right:] = 1                # both wrong
    bb[b + c + both_right:] = 1
    perm = np.random.default_rng(b * 100 + c).permutation(n)
    return y[perm], a[perm], bb[perm]


@pytest.mark.exercise("mcnemar_test")
def test_mcnemar_docstring_example(learner):
    got = _dict(learner.mcnemar_test(np.zeros(20, int), np.r_[np.zeros(15, int), np.ones(5, int)],
                                     np.r_[np.ones(10, int), np.zeros(10, int)]), MC_KEYS, "mcnemar_test docstring example")
    expect_equal((int(got["b"]), int(got["c"])), (10, 5),
                 "(b, c) = (A right & B wrong, A wrong & B right) for the docstring example")
    expect_close(got["statistic"], 16 / 15, "statistic (|10 - 5| - 1)^2 / 15 with the continuity correction")
    expect_close(got["p_value"], stats.chi2.sf(16 / 15, 1), "p-value: chi-squared upper tail with 1 degree of freedom")


@pytest.mark.exercise("mcnemar_test")
def test_mcnemar_counts_and_chi2_version(learner):
    y, a, b = _mcnemar_data(b=7, c=19, both_right=120, both_wrong=14)
    got = _dict(learner.mcnemar_test(y, a, b), MC_KEYS, "mcnemar_test")
    if (int(got["b"]), int(got["c"])) == (19, 7):
        expect(False, "b and c are swapped: b counts samples where A is RIGHT and B is WRONG")
    expect_equal((int(got["b"]), int(got["c"])), (7, 19),
                 "(b, c) for 7 samples only A gets right, 19 only B gets right, 134 concordant")
    expect_close(got["statistic"], (abs(7 - 19) - 1) ** 2 / 26, "statistic with correction: (|b - c| - 1)^2 / (b + c)")
    want_p = stats.chi2.sf((abs(7 - 19) - 1) ** 2 / 26, df=1)
    if np.isclose(_float(got["p_value"], "p_value"), stats.chi2.sf((abs(7 - 19) - 1) ** 2 / 26, df=2)):
        expect(False, "the p-value uses 2 degrees of freedom; McNemar's statistic has ONE")
    expect_close(got["p_value"], want_p, "p-value = chi2.sf(statistic, df=1)", rtol=1e-9)
    got = _dict(learner.mcnemar_test(y, a, b, correction=False), MC_KEYS, "mcnemar_test(correction=False)")
    expect_close(got["statistic"], 144 / 26, "statistic without correction: (b - c)^2 / (b + c)")
    expect_close(got["p_value"], stats.chi2.sf(144 / 26, 1), "p-value without correction", rtol=1e-9)


@pytest.mark.exercise("mcnemar_test")
def test_mcnemar_exact_matches_scipy_binomtest(learner):
    for b, c in [(2, 9), (12, 4), (6, 6), (0, 5)]:
        y, pa, pb = _mcnemar_data(b, c, 30, 5)
        got = _dict(learner.mcnemar_test(y, pa, pb, exact=True), MC_KEYS, f"mcnemar_test(exact=True), b={b}, c={c}")
        want = stats.binomtest(min(b, c), b + c, 0.5).pvalue
        expect_close(got["p_value"], want, f"exact p-value for b={b}, c={c} vs scipy binomtest (two-sided)", rtol=1e-9)
        expect_close(got["statistic"], min(b, c), f"exact statistic = min(b, c) for b={b}, c={c}")


@pytest.mark.exercise("mcnemar_test")
def test_mcnemar_ignores_concordant_samples_and_handles_no_disagreement(learner):
    y1, a1, b1 = _mcnemar_data(4, 15, 10, 2)
    y2, a2, b2 = _mcnemar_data(4, 15, 500, 80)
    r1 = _dict(learner.mcnemar_test(y1, a1, b1), MC_KEYS, "mcnemar_test, 12 concordant samples")
    r2 = _dict(learner.mcnemar_test(y2, a2, b2), MC_KEYS, "mcnemar_test, 580 concordant samples")
    expect_close(r2["p_value"], r1["p_value"],
                 "adding samples where both models agree (both right or both wrong) must not change the p-value")
    y = np.array(["a", "b", "c", "a"])
    r = _dict(learner.mcnemar_test(y, y.copy(), y.copy()), MC_KEYS, "two identical, perfect models")
    expect_close([r["statistic"], r["p_value"]], [0.0, 1.0], "b + c = 0: statistic 0.0 and p-value 1.0")


# =============================================================================================
# 11. paired_bootstrap
# =============================================================================================

BOOT_KEYS = ("diff", "ci_low", "ci_high", "boot_diffs")


def _reference_bootstrap(y, a, b, metric, n_boot, alpha, seed):
    idx = np.random.default_rng(seed).integers(0, len(y), size=(n_boot, len(y)))
    boot = np.array([metric(y[i], a[i]) - metric(y[i], b[i]) for i in idx])
    lo, hi = np.quantile(boot, [alpha / 2, 1 - alpha / 2])
    return metric(y, a) - metric(y, b), lo, hi, boot


def _accuracy(t, p):
    return float(np.mean(t == p))


@pytest.fixture(scope="module")
def two_classifiers():
    rng = np.random.default_rng(40)
    y = rng.integers(0, 2, 150)
    hard = rng.random(150) < 0.25                     # hard samples: both models tend to fail
    a = np.where(hard & (rng.random(150) < 0.7), 1 - y, y)
    b = np.where(hard & (rng.random(150) < 0.8), 1 - y, y)
    b = np.where(rng.random(150) < 0.05, 1 - b, b)
    return y, a, b


@pytest.mark.exercise("paired_bootstrap")
def test_paired_bootstrap_identical_models_give_zero(learner):
    y = np.array([1, 1, 0, 0, 1, 0, 1, 0])
    a = np.array([1, 0, 0, 1, 1, 0, 1, 1])
    got = _dict(learner.paired_bootstrap(y, a, a.copy(), n_boot=300, seed=1), BOOT_KEYS, "paired_bootstrap(A, A)")
    boot = np.asarray(got["boot_diffs"], dtype=float)
    expect_shape(boot, (300,), "boot_diffs with n_boot=300")
    expect(np.allclose(boot, 0.0),
           "comparing a model with itself must give a difference of exactly 0 in EVERY resample; got "
           f"{show(boot)}. Resample the test set once per round and use the same indices for both models")
    expect_close([got["diff"], got["ci_low"], got["ci_high"]], [0, 0, 0], "diff and CI for identical models")


@pytest.mark.exercise("paired_bootstrap")
def test_paired_bootstrap_follows_the_recipe(learner, two_classifiers):
    y, a, b = two_classifiers
    got = _dict(learner.paired_bootstrap(y, a, b, n_boot=500, seed=3), BOOT_KEYS, "paired_bootstrap(n_boot=500, seed=3)")
    diff, lo, hi, boot = _reference_bootstrap(y, a, b, _accuracy, 500, 0.05, 3)
    expect_close(got["diff"], diff, "diff = accuracy(A) - accuracy(B) on the full test set (in that order)")
    expect_shape(np.asarray(got["boot_diffs"]), (500,), "boot_diffs with n_boot=500")
    expect_close(got["boot_diffs"], boot,
                 "boot_diffs vs the recipe: idx = default_rng(seed).integers(0, n, size=(n_boot, n)), row r "
                 "= resample r, same rows for A and B", rtol=1e-12)
    expect_close([got["ci_low"], got["ci_high"]], [lo, hi],
                 "the 95% interval = np.quantile(boot_diffs, [0.025, 0.975])", rtol=1e-12)


@pytest.mark.exercise("paired_bootstrap")
def test_paired_bootstrap_custom_metric_and_alpha(learner, two_classifiers):
    y, a, b = two_classifiers

    def recall_of_ones(t, p):
        return float(np.sum((t == 1) & (p == 1)) / max(1, np.sum(t == 1)))

    got = _dict(learner.paired_bootstrap(y, a, b, metric=recall_of_ones, n_boot=200, alpha=0.2, seed=9),
                BOOT_KEYS, "paired_bootstrap(metric=recall, alpha=0.2)")
    diff, lo, hi, boot = _reference_bootstrap(y, a, b, recall_of_ones, 200, 0.2, 9)
    expect_close(got["diff"], diff, "diff with a custom metric (recall of class 1)")
    expect_close(got["boot_diffs"], boot, "boot_diffs with a custom metric", rtol=1e-12)
    expect_close([got["ci_low"], got["ci_high"]], [lo, hi], "an 80% interval (alpha=0.2): quantiles 0.1 and 0.9",
                 rtol=1e-12)
    expect_raises(ValueError, lambda: learner.paired_bootstrap(y, a, b, alpha=1.5), "paired_bootstrap with alpha=1.5")


@pytest.mark.exercise("paired_bootstrap")
def test_paired_bootstrap_one_disagreement(learner):
    # A and B differ on one sample only, where A is right: each paired resample gives
    # (number of copies of that sample) / n, never a negative value.
    y = np.zeros(40, int)
    a = np.zeros(40, int)
    b = a.copy()
    b[7] = 1
    got = _dict(learner.paired_bootstrap(y, a, b, n_boot=400, seed=5), BOOT_KEYS, "paired_bootstrap, one disagreement")
    boot = np.asarray(got["boot_diffs"], dtype=float)
    expect(np.all(boot >= -1e-12), "A is never worse than B on any sample, so no paired resample can favour B; "
                                    f"got negative differences ({show(np.sort(boot)[:4])}): the resamples are not paired")
    expect(np.allclose(boot * 40, np.round(boot * 40)), "each difference must be (copies of sample 7) / 40")


# =============================================================================================
# 12. GridSearch
# =============================================================================================


@pytest.fixture(scope="module")
def cancer_subset():
    X, y = load_breast_cancer(return_X_y=True)
    rng = np.random.default_rng(50)
    idx = rng.permutation(len(y))[:240]
    return X[idx], y[idx]


# Two names with two values each: enough to pin down ParameterGrid's order (sorted names, the
# last varying fastest); every candidate costs 2 x 5 pipeline fits in the test below.
KNN_GRID = {"kneighborsclassifier__weights": ["uniform", "distance"],
            "kneighborsclassifier__n_neighbors": [1, 7]}


def _knn_pipeline():
    return make_pipeline(StandardScaler(), KNeighborsClassifier())


class _Spy(ClassifierMixin, BaseEstimator):
    """Predicts the majority class of its training labels; logs what each instance saw.

    Column 0 of X carries the row id, so the log tells exactly which rows were used to fit
    and to predict. ``bonus`` shifts the score so the search has something to choose.
    """

    events: list = []

    def __init__(self, bonus: float = 0.0):
        self.bonus = bonus

    def fit(self, X, y):
        _Spy.events.append(("fit", id(self), tuple(np.asarray(X)[:, 0].astype(int))))
        self.classes_ = np.unique(y)
        self.majority_ = int(np.bincount(np.asarray(y)).argmax())
        return self

    def predict(self, X):
        _Spy.events.append(("predict", id(self), tuple(np.asarray(X)[:, 0].astype(int))))
        return np.full(len(X), self.majority_)

    def score(self, X, y):
        return float(np.mean(self.predict(X) == y)) + self.bonus


@pytest.mark.exercise("GridSearch")
def test_gridsearch_follows_estimator_conventions(learner, cancer_subset):
    X, y = cancer_subset
    est = _knn_pipeline()
    grid = {"kneighborsclassifier__n_neighbors": [1, 5]}
    gs = learner.GridSearch(est, grid, cv=3)
    expect(gs.estimator is est and gs.param_grid is grid and gs.cv == 3 and gs.scoring is None,
           "GridSearch.__init__ must store estimator, param_grid, cv and scoring unchanged, under those names")
    expect(not hasattr(gs, "best_params_"), "GridSearch.__init__ must not search: best_params_ appears in fit")
    out = gs.fit(X, y)
    expect(out is gs, "GridSearch.fit must return self (so that GridSearch(...).fit(X, y).predict(...) works)")
    expect(not hasattr(est[-1], "classes_"),
           "the estimator passed to GridSearch was fitted: fit fresh copies made with sklearn.base.clone")
    expect(gs.best_estimator_ is not est, "best_estimator_ must be a fitted clone, not the estimator you were given")
    for attr in ("best_params_", "best_score_", "best_index_", "cv_results_", "n_splits_"):
        expect(hasattr(gs, attr), f"after fit, GridSearch must have the attribute {attr}")
    expect_equal(gs.n_splits_, 3, "n_splits_ with cv=3")
    pred = np.asarray(gs.predict(X[:10]))
    expect_close(pred, gs.best_estimator_.predict(X[:10]), "predict delegates to best_estimator_")


@pytest.mark.exercise("GridSearch")
def test_gridsearch_matches_gridsearchcv(learner, cancer_subset):
    X, y = cancer_subset
    ref = GridSearchCV(_knn_pipeline(), KNN_GRID, cv=KFold(5)).fit(X, y)
    with forbid(learner, *SEARCH_LIBRARY, reason="write the search loop yourself"):
        gs = learner.GridSearch(_knn_pipeline(), KNN_GRID, cv=5).fit(X, y)
    params = list(gs.cv_results_["params"])
    expect_equal(params, list(ref.cv_results_["params"]),
                 "cv_results_['params']: the candidates in ParameterGrid order (sorted names, last varies fastest)")
    expect_close(gs.cv_results_["mean_test_score"], ref.cv_results_["mean_test_score"],
                 "mean_test_score vs GridSearchCV(cv=KFold(5)) (contiguous, unshuffled folds)", atol=1e-12)
    expect_close(gs.cv_results_["std_test_score"], ref.cv_results_["std_test_score"],
                 "std_test_score vs GridSearchCV (population std, ddof=0)", atol=1e-12)
    expect_shape(np.asarray(gs.cv_results_["fold_scores"]), (4, 5), "fold_scores: 4 candidates x 5 folds")
    # Candidates whose means tie up to rounding all count as a correct best; the tie rule itself
    # ("first candidate wins") is checked with exact ties in another test.
    ref_mean = np.asarray(ref.cv_results_["mean_test_score"])
    near_best = [params[i] for i in np.flatnonzero(ref_mean >= ref_mean.max() - 1e-9)]
    expect(gs.best_params_ in near_best,
           f"best_params_: expected {ref.best_params_} (the highest mean CV accuracy, "
           f"{ref_mean.max():.4f}), got {gs.best_params_}")
    expect_close(gs.best_score_, ref.best_score_, "best_score_ vs GridSearchCV", atol=1e-12)
    expect_close(gs.score(X[:50], y[:50]), ref.score(X[:50], y[:50]), "score() of the refitted best model")


@pytest.mark.exercise("GridSearch")
def test_gridsearch_custom_scoring_higher_is_better_and_explicit_folds(learner):
    X, y = load_diabetes(return_X_y=True)
    X, y = X[:200], y[:200]
    grid = {"alpha": [0.001, 0.1, 1.0, 10.0, 100.0]}
    folds = [(np.r_[0:50, 100:200], np.arange(50, 100)), (np.arange(0, 150), np.arange(150, 200)),
             (np.arange(50, 200), np.arange(0, 50))]

    def neg_mse(t, p):
        return -float(np.mean((t - p) ** 2))

    ref = GridSearchCV(Ridge(), grid, cv=folds,
                       scoring=skm.make_scorer(skm.mean_squared_error, greater_is_better=False)).fit(X, y)
    with forbid(learner, *SEARCH_LIBRARY, reason="write the search loop yourself"):
        gs = learner.GridSearch(Ridge(), grid, cv=folds, scoring=neg_mse).fit(X, y)
    expect_close(gs.cv_results_["mean_test_score"], ref.cv_results_["mean_test_score"],
                 "mean_test_score with scoring=negative MSE and cv = a list of 3 (train, val) pairs", rtol=1e-9)
    worst = grid["alpha"][int(np.argmin(ref.cv_results_["mean_test_score"]))]
    if gs.best_params_ == {"alpha": worst} and worst != ref.best_params_["alpha"]:
        expect(False, f"best_params_ picked alpha={worst}, the WORST candidate: the score is higher-is-better "
                      "(a loss comes in negated), so take the argmax")
    expect_equal(gs.best_params_, ref.best_params_, "best_params_ with negative-MSE scoring")
    expect_close(gs.score(X, y), neg_mse(y, ref.best_estimator_.predict(X)),
                 "score() uses the same scoring callable as the search", rtol=1e-9)


@pytest.mark.exercise("GridSearch")
def test_gridsearch_never_scores_on_rows_it_fitted(learner):
    rng = np.random.default_rng(51)
    n = 23
    X = np.c_[np.arange(n), rng.normal(size=(n, 2))]
    y = rng.integers(0, 2, n)
    _Spy.events.clear()
    gs = learner.GridSearch(_Spy(), {"bonus": [0.0, 0.5, 0.25]}, cv=4).fit(X, y)
    events = list(_Spy.events)
    fits = [e for e in events if e[0] == "fit"]
    expect_equal(len(fits), 3 * 4 + 1, "number of fits for 3 candidates x 4 folds plus the final refit")
    fitted_rows: dict[int, set] = {}
    scored = 0
    for kind, who, rows in events:
        if kind == "fit":
            fitted_rows[who] = set(rows)
        elif who in fitted_rows and who != id(gs.best_estimator_):
            overlap = fitted_rows[who] & set(rows)
            expect(not overlap, f"a model was scored on {len(overlap)} row(s) it was fitted on (row ids "
                                f"{sorted(overlap)[:5]}): validate on the held-out fold only")
            expect(len(fitted_rows[who]) + len(rows) == n,
                   "each fold's training and validation rows must together cover all the rows given to fit")
            scored += 1
    expect(scored >= 12, f"expected each of the 12 (candidate, fold) models to be scored, saw {scored}")
    expect_close(sorted(fitted_rows[id(gs.best_estimator_)]), np.arange(n),
                 "best_estimator_ must be refitted on ALL rows given to fit")
    expect_equal(gs.best_params_, {"bonus": 0.5}, "best_params_ when bonus=0.5 adds the most to every score")
    expect_equal(int(gs.best_index_), 1, "best_index_ (position of {'bonus': 0.5} in the candidate list)")
    first_sizes = sorted(len(r) for k, w, r in fits[:4])
    expect_equal(first_sizes, [17, 17, 17, 18], "training sizes of KFold(4) on 23 rows (validation folds 6, 6, 6, 5)")


@pytest.mark.exercise("GridSearch")
def test_gridsearch_ties_go_to_the_first_candidate_and_bad_cv(learner):
    rng = np.random.default_rng(52)
    X = np.c_[np.arange(20), rng.normal(size=(20, 1))]
    y = rng.integers(0, 2, 20)
    gs = learner.GridSearch(_Spy(), {"bonus": [0.3, 0.3, 0.0]}, cv=2).fit(X, y)
    expect_equal(int(gs.best_index_), 0, "best_index_ when the first two candidates tie (the first one wins)")
    gs = learner.GridSearch(_Spy(), {}, cv=2).fit(X, y)
    expect_equal(list(gs.cv_results_["params"]), [{}], "an empty grid has one candidate, {}")
    expect_raises(ValueError, lambda: learner.GridSearch(_Spy(), {"bonus": [0.0]}, cv=1).fit(X, y),
                  "GridSearch(cv=1).fit (at least 2 folds are needed)")


# =============================================================================================
# 13. ModelBundle
# =============================================================================================

RECORD_KEYS = ("name", "version", "created_at", "sha256", "python_version", "sklearn_version",
               "numpy_version", "metrics")


@pytest.fixture(scope="module")
def fitted_model():
    X, y = load_iris(return_X_y=True)
    return LogisticRegression(max_iter=500).fit(X, y), X


class _Trap:
    """Unpickling this object creates a marker directory: proof that a file was unpickled."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.makedirs, (self.marker,))


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_round_trip(learner, fitted_model, tmp_path):
    model, X = fitted_model
    bundle = learner.ModelBundle(model, "iris-clf", "1.2.0", {"accuracy": 0.97})
    expect(bundle.model is model and bundle.name == "iris-clf" and bundle.version == "1.2.0",
           "ModelBundle.__init__ must store model, name and version unchanged")
    expect_equal(bundle.metrics, {"accuracy": 0.97}, "ModelBundle.metrics after __init__")
    expect_equal(learner.ModelBundle(model, "x", "0.1.0").metrics, {}, "metrics=None becomes {}")
    path = bundle.save(tmp_path / "models")
    expect(path is not None, "save must return the path of the JSON record")
    path = Path(path)
    expect_equal(path.name, "iris-clf-1.2.0.json", "name of the record save returns")
    expect((tmp_path / "models" / "iris-clf-1.2.0.joblib").is_file(),
           "save must write the model to <directory>/<name>-<version>.joblib (the directory is created)")
    loaded = learner.ModelBundle.load(path)
    expect(type(loaded).__name__ == "ModelBundle", f"ModelBundle.load must return a ModelBundle, got {type(loaded).__name__}")
    expect_close(loaded.model.predict_proba(X), model.predict_proba(X),
                 "predict_proba of the loaded model vs the original (a round trip must not change predictions)")
    expect_equal((loaded.name, loaded.version), ("iris-clf", "1.2.0"), "name and version of the loaded bundle")
    expect_equal(loaded.metrics, {"accuracy": 0.97}, "metrics of the loaded bundle")


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_record_contents(learner, fitted_model, tmp_path):
    model, _ = fitted_model
    bundle = learner.ModelBundle(model, "iris_clf", "0.3.11", {"auc": 0.5, "f1": 0.25})
    path = bundle.save(tmp_path)
    try:
        record = json.loads(open(path, encoding="utf-8").read())
    except ValueError as err:
        expect(False, f"the record at {os.path.basename(str(path))} is not valid JSON: {err}")
    _dict(record, RECORD_KEYS, "the JSON record")
    model_file = tmp_path / "iris_clf-0.3.11.joblib"
    expect_equal(record["sha256"], hashlib.sha256(model_file.read_bytes()).hexdigest(),
                 "record['sha256'] (hex SHA-256 of the model file's bytes)")
    expect_equal(record["sklearn_version"], sklearn.__version__, "record['sklearn_version']")
    expect_equal(record["numpy_version"], np.__version__, "record['numpy_version']")
    expect_equal(record["python_version"], platform.python_version(), "record['python_version']")
    expect_equal((record["name"], record["version"]), ("iris_clf", "0.3.11"), "record name and version")
    expect_equal(record["metrics"], {"auc": 0.5, "f1": 0.25}, "record['metrics']")
    try:
        created = datetime.fromisoformat(record["created_at"])
    except (TypeError, ValueError):
        expect(False, f"record['created_at'] should be an ISO-8601 time, got {record['created_at']!r}")
    expect(created.utcoffset() is not None and created.utcoffset().total_seconds() == 0,
           f"record['created_at'] should be in UTC with its offset (+00:00), got {record['created_at']!r}")
    expect_equal(bundle.metadata.get("sha256") if isinstance(bundle.metadata, dict) else None, record["sha256"],
                 "bundle.metadata after save (the record that was written)")
    loaded = learner.ModelBundle.load(path)
    expect_equal(loaded.metadata, record, "metadata of the loaded bundle = the JSON record")


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_versions_are_validated_and_immutable(learner, fitted_model, tmp_path):
    model, _ = fitted_model
    learner.ModelBundle(model, "m", "1.0.0").save(tmp_path)
    before = (tmp_path / "m-1.0.0.joblib").read_bytes()
    expect_raises(FileExistsError, lambda: learner.ModelBundle({"other": 1}, "m", "1.0.0").save(tmp_path),
                  "saving version 1.0.0 of 'm' a second time")
    expect((tmp_path / "m-1.0.0.joblib").read_bytes() == before,
           "a failed save must not overwrite the existing model file of that version")
    learner.ModelBundle(model, "m", "1.0.1").save(tmp_path)
    for version in ("v1", "1.0", "01.2.3", "1.2.3-beta", "", "1..2"):
        expect_raises(ValueError, lambda v=version: learner.ModelBundle(model, "m", v).save(tmp_path),
                      f"save with version {version!r} (not MAJOR.MINOR.PATCH)")
    for name in ("", "my model", "../escape"):
        expect_raises(ValueError, lambda nm=name: learner.ModelBundle(model, nm, "1.0.0").save(tmp_path),
                      f"save with name {name!r}")
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    expect_equal(leftovers, ["m-1.0.0.joblib", "m-1.0.0.json", "m-1.0.1.joblib", "m-1.0.1.json"],
                 "files in the directory after the rejected saves (nothing written for them)")


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_load_verifies_before_unpickling(learner, fitted_model, tmp_path):
    model, _ = fitted_model
    path = learner.ModelBundle(model, "guarded", "2.0.0").save(tmp_path)
    marker = tmp_path / "UNPICKLED"
    with open(tmp_path / "guarded-2.0.0.joblib", "wb") as handle:
        pickle.dump(_Trap(str(marker)), handle)  # someone replaced the model file
    expect_raises(ValueError, lambda: learner.ModelBundle.load(path), "ModelBundle.load of a model file that changed after save")
    expect(not marker.exists(), "ModelBundle.load unpickled the tampered file before checking its SHA-256: "
                                "verify the checksum first, unpickling runs code chosen by whoever wrote the file")


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_warns_on_sklearn_version_mismatch(learner, fitted_model, tmp_path):
    model, X = fitted_model
    path = learner.ModelBundle(model, "old", "1.0.0").save(tmp_path)
    record = json.loads(open(path, encoding="utf-8").read())
    record["sklearn_version"] = "0.24.2"
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = learner.ModelBundle.load(path)
    user = [w for w in caught if issubclass(w.category, UserWarning)]
    expect(user, "loading a model saved with scikit-learn 0.24.2 must warnings.warn(..., UserWarning) "
                 f"(running {sklearn.__version__}); no warning was issued")
    expect_close(loaded.model.predict(X[:5]), model.predict(X[:5]), "the model still loads after the warning")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        learner.ModelBundle.load(learner.ModelBundle(model, "new", "1.0.0").save(tmp_path))
    user = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    expect(not user, "no warning should be issued when the scikit-learn versions match; got: " + "; ".join(user)[:120])


@pytest.mark.exercise("ModelBundle")
def test_modelbundle_latest_compares_versions_as_numbers(learner, fitted_model, tmp_path):
    model, _ = fitted_model
    for version in ("1.2.0", "1.9.0", "1.10.0", "0.20.0"):
        learner.ModelBundle(model, "churn", version, {"v": float(version.split(".")[1])}).save(tmp_path)
    learner.ModelBundle(model, "churn-eu", "9.0.0").save(tmp_path)   # another model: ignore it
    latest = learner.ModelBundle.latest(tmp_path, "churn")
    if latest.version == "1.9.0":
        expect(False, "latest picked 1.9.0 over 1.10.0: compare versions as tuples of integers, not as strings")
    expect_equal(latest.version, "1.10.0", "latest version of 'churn' among 0.20.0, 1.2.0, 1.9.0, 1.10.0 "
                                           "(and 'churn-eu' 9.0.0, a different model)")
    expect_equal(latest.metrics, {"v": 10.0}, "metrics of the latest bundle")
    expect_raises(FileNotFoundError, lambda: learner.ModelBundle.latest(tmp_path, "absent"),
                  "ModelBundle.latest for a name with no saved version")
