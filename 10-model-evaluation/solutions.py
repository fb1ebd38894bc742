"""Module 10 - Model evaluation: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* an honest attempt: the
comments explain why each line is there, which is the part worth learning.

Run a short demo of every solution with::

    uv run 10-model-evaluation/solutions.py
"""
from __future__ import annotations

import hashlib
import itertools
import json
import platform
import re
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from scipy import stats
from sklearn.base import clone

# ---------------------------------------------------------------------------------------------
# 1. Regression metrics
# ---------------------------------------------------------------------------------------------


def regression_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    """MSE, RMSE, MAE and R^2 of a 1-D regression, as plain Python floats."""
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred must be 1-D of equal length, got {y_true.shape} and {y_pred.shape}")
    if y_true.size == 0:
        raise ValueError("cannot score an empty set of predictions")
    if np.isnan(y_true).any() or np.isnan(y_pred).any():
        # Fail loudly: a single NaN would make every metric NaN, and a NaN in a dashboard is
        # easy to miss.
        raise ValueError("y_true or y_pred contains NaN")
    residual = y_true - y_pred
    mse = float(np.mean(residual**2))
    mae = float(np.mean(np.abs(residual)))
    n = y_true.size
    if n < 2:
        # With one sample the "variance of y" is 0 by construction: R^2 compares the model with a
        # baseline that cannot be estimated, so it is undefined (scikit-learn returns nan too).
        r2 = float("nan")
    else:
        # SS_tot uses the mean of y_TRUE (the baseline "always predict the mean"), never the mean
        # of the predictions. Both sums are over n terms, so the 1/n factors cancel: there is no
        # biased-versus-unbiased question inside R^2.
        ss_res = float(np.sum(residual**2))
        ss_tot = float(np.sum((y_true - y_true.mean()) ** 2))
        if ss_tot == 0.0:
            # Constant target: R^2 = 1 - 0/0 or 1 - x/0. Like scikit-learn (force_finite=True) we
            # report 1.0 for a perfect fit and 0.0 otherwise, instead of nan or -inf.
            r2 = 1.0 if ss_res == 0.0 else 0.0
        else:
            r2 = 1.0 - ss_res / ss_tot  # may be negative: worse than predicting the mean
    # RMSE is the square root of the MEAN squared error (not the mean of |e|, and not sqrt of a sum).
    return {"mse": mse, "rmse": float(np.sqrt(mse)), "mae": mae, "r2": float(r2)}


# ---------------------------------------------------------------------------------------------
# 2. The confusion matrix
# ---------------------------------------------------------------------------------------------


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[Any] | None = None) -> np.ndarray:
    """C[i, j] = number of samples whose true label is labels[i] and predicted label labels[j]."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 1:
        raise ValueError(f"y_true and y_pred must be 1-D of equal length, got {y_true.shape} and {y_pred.shape}")
    if labels is None:
        # np.unique sorts, so the row/column order is the sorted union of everything seen: a
        # class that is only ever predicted still gets a row (all zeros) and a column.
        labels_arr = np.unique(np.concatenate([y_true, y_pred]))
    else:
        labels_arr = np.asarray(labels)
    k = len(labels_arr)
    index = {label: i for i, label in enumerate(labels_arr.tolist())}
    matrix = np.zeros((k, k), dtype=np.int64)
    # Rows are the TRUTH, columns the PREDICTION (scikit-learn's convention). Pairs that involve
    # a label outside `labels` are skipped, which is how sklearn lets you look at a sub-matrix.
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        i, j = index.get(t), index.get(p)
        if i is not None and j is not None:
            matrix[i, j] += 1
    return matrix


# ---------------------------------------------------------------------------------------------
# 3. Accuracy, precision, recall, F1 (binary and averaged)
# ---------------------------------------------------------------------------------------------


def _safe_divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    # 0/0 happens legitimately (a class never predicted has no precision); scikit-learn's
    # zero_division default reports it as 0, and so do we, without a RuntimeWarning.
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.zeros_like(num)
    np.divide(num, den, out=out, where=den != 0)
    return out


def classification_metrics(
    y_true: np.ndarray,
    y_pred: np.ndarray,
    average: str = "binary",
    pos_label: Any = 1,
) -> dict[str, float]:
    """Accuracy plus precision, recall and F1 (binary, macro, micro or weighted)."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 1 or y_true.size == 0:
        raise ValueError("y_true and y_pred must be non-empty 1-D arrays of equal length")
    if average not in ("binary", "macro", "micro", "weighted"):
        raise ValueError(f"average must be 'binary', 'macro', 'micro' or 'weighted', got {average!r}")
    labels = np.unique(np.concatenate([y_true, y_pred]))
    cm = confusion_matrix(y_true, y_pred, labels)
    accuracy = float(np.trace(cm) / cm.sum())

    tp = np.diag(cm).astype(float)          # per class: predicted c and truly c
    predicted = cm.sum(axis=0).astype(float)  # column sums: how often c was PREDICTED
    support = cm.sum(axis=1).astype(float)    # row sums: how often c is TRUE
    # precision = TP / (TP + FP) divides by what the model predicted;
    # recall    = TP / (TP + FN) divides by what is really there. Swapping axis 0 and 1 here is
    # the classic precision/recall mix-up.
    precision = _safe_divide(tp, predicted)
    recall = _safe_divide(tp, support)
    f1 = _safe_divide(2 * precision * recall, precision + recall)

    if average == "binary":
        if len(labels) > 2:
            raise ValueError(f"average='binary' needs at most two labels, got {labels.tolist()}; "
                             "use 'macro', 'micro' or 'weighted'")
        hits = np.flatnonzero(labels == pos_label)
        if hits.size == 0:  # pos_label never occurs: nothing predicted, nothing to find
            p = r = f = 0.0
        else:
            c = hits[0]
            p, r, f = precision[c], recall[c], f1[c]
    elif average == "macro":
        # Every class counts the same, however rare. Note F1_macro is the mean of the per-class
        # F1 values, NOT the harmonic mean of macro-precision and macro-recall.
        p, r, f = precision.mean(), recall.mean(), f1.mean()
    elif average == "weighted":
        # Weighted by the TRUE support of each class (row sums), so a class that is never true
        # gets weight 0 even if the model predicts it.
        w = support / support.sum()
        p, r, f = (precision * w).sum(), (recall * w).sum(), (f1 * w).sum()
    else:  # micro: pool the counts of all classes first, then divide once
        tp_all, pred_all, true_all = tp.sum(), predicted.sum(), support.sum()
        p = tp_all / pred_all
        r = tp_all / true_all
        f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return {"accuracy": accuracy, "precision": float(p), "recall": float(r), "f1": float(f)}


# ---------------------------------------------------------------------------------------------
# 4. Log loss (cross-entropy)
# ---------------------------------------------------------------------------------------------


def log_loss(y_true: np.ndarray, y_prob: np.ndarray, eps: float = 2.220446049250313e-16) -> float:
    """Mean negative log-likelihood of the true labels, with probabilities clipped to [eps, 1-eps]."""
    y_true = np.asarray(y_true)
    y_prob = np.asarray(y_prob, dtype=float)
    n = y_true.shape[0]
    if n == 0:
        raise ValueError("cannot score an empty set of predictions")
    if y_true.ndim != 1 or y_prob.shape[0] != n:
        raise ValueError(f"y_true of shape {y_true.shape} does not match y_prob of shape {y_prob.shape}")
    if y_prob.ndim == 1:
        # Binary case: y_prob is P(y = 1). The probability the model gave to what REALLY happened
        # is p for a positive and 1 - p for a negative; forgetting the 1 - p is a common bug.
        p = np.clip(y_prob, eps, 1 - eps)
        p_true = np.where(y_true == 1, p, 1 - p)
    elif y_prob.ndim == 2:
        k = y_prob.shape[1]
        y_int = y_true.astype(int)
        if np.any(y_int != y_true) or y_int.min() < 0 or y_int.max() >= k:
            raise ValueError(f"labels must be integers in 0..{k - 1} for y_prob with {k} columns")
        # Pick, in each row, the column of the true class. Clipping BEFORE the log keeps one
        # confidently wrong prediction (p = 0) from turning the whole average into +inf.
        p_true = np.clip(y_prob[np.arange(n), y_int], eps, 1 - eps)
    else:
        raise ValueError(f"y_prob must have shape (n,) or (n, K), got {y_prob.shape}")
    return float(-np.mean(np.log(p_true)))  # natural log, averaged (not summed) over samples


# ---------------------------------------------------------------------------------------------
# 5-6. ROC curve and AUC
# ---------------------------------------------------------------------------------------------


def _binary_inputs(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    if y_true.ndim != 1 or y_true.shape != y_score.shape:
        raise ValueError(f"y_true and y_score must be 1-D of equal length, got {y_true.shape} and {y_score.shape}")
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("y_true must contain only 0 and 1")
    if np.isnan(y_score).any():
        raise ValueError("y_score contains NaN")
    return y_true.astype(int), y_score


def _counts_at_thresholds(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative (FP, TP) when predicting positive for score >= t, t over distinct scores, decreasing."""
    # A stable sort by decreasing score; then cumulative sums give TP and FP for "the top i
    # samples are predicted positive". Ties: all samples with the same score must switch at
    # once (one threshold cannot split them), so keep only the LAST index of each run of equal
    # scores.
    order = np.argsort(-y_score, kind="mergesort")
    s = y_score[order]
    y = y_true[order]
    tps = np.cumsum(y)
    fps = np.cumsum(1 - y)
    last_of_run = np.r_[np.flatnonzero(np.diff(s)), s.size - 1]
    return fps[last_of_run].astype(float), tps[last_of_run].astype(float), s[last_of_run]


def roc_curve(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fpr, tpr, thresholds), one point per distinct score plus the (0, 0) start at threshold +inf."""
    y_true, y_score = _binary_inputs(y_true, y_score)
    n_pos = int(y_true.sum())
    n_neg = y_true.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("the ROC curve needs both classes in y_true")
    fps, tps, thresholds = _counts_at_thresholds(y_true, y_score)
    # Prepend the point "predict nothing positive" (threshold +inf): every ROC curve starts at
    # (0, 0). Thresholds come out DECREASING, so FPR and TPR are non-decreasing.
    fpr = np.r_[0.0, fps / n_neg]
    tpr = np.r_[0.0, tps / n_pos]
    return fpr, tpr, np.r_[np.inf, thresholds]


def roc_auc(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """Area under the ROC curve = P(score of a random positive > score of a random negative)."""
    y_true, y_score = _binary_inputs(y_true, y_score)
    n_pos = int(y_true.sum())
    n_neg = y_true.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC is undefined unless y_true contains both classes")
    # The Mann-Whitney form, O(n log n): with mid-ranks (ties share the average rank), the sum of
    # the positives' ranks minus its smallest possible value n_pos(n_pos+1)/2 counts the
    # (positive, negative) pairs ordered correctly, ties counting one half.
    ranks = stats.rankdata(y_score)  # method="average" = mid-ranks, exactly the tie rule we want
    u = ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


# ---------------------------------------------------------------------------------------------
# 7-8. Precision-recall curve and average precision
# ---------------------------------------------------------------------------------------------


def precision_recall_curve(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, thresholds) in scikit-learn's order: thresholds increasing, final point (1, 0)."""
    y_true, y_score = _binary_inputs(y_true, y_score)
    n_pos = int(y_true.sum())
    if n_pos == 0:
        raise ValueError("the precision-recall curve needs at least one positive in y_true")
    fps, tps, thresholds = _counts_at_thresholds(y_true, y_score)
    # Precision divides by the number PREDICTED positive (TP + FP, never 0 here because every
    # threshold is an observed score), recall by the number truly positive.
    precision = tps / (tps + fps)
    recall = tps / n_pos
    # scikit-learn reports the curve from the LOWEST threshold (recall 1) to the highest and then
    # appends the point (recall 0, precision 1), which has no threshold of its own: hence
    # len(thresholds) + 1 points.
    return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], thresholds[::-1]


def average_precision(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """AP = sum over thresholds of (R_k - R_{k-1}) * P_k: the step-wise area under the PR curve."""
    precision, recall, _ = precision_recall_curve(y_true, y_score)
    # The arrays run from recall 1 down to recall 0, so -diff(recall) are the recall gains when
    # the threshold DROPS one step, and each gain is weighted by the precision at the lower
    # threshold (precision[:-1]). No trapezoids: a straight line between two PR points is not
    # achievable by any threshold (precision does not change linearly with recall), so the
    # trapezoidal area can be too high or too low.
    return float(max(0.0, -np.sum(np.diff(recall) * precision[:-1])))


# ---------------------------------------------------------------------------------------------
# 9. Calibration
# ---------------------------------------------------------------------------------------------


def calibration_summary(y_true: np.ndarray, y_prob: np.ndarray, n_bins: int = 10) -> dict[str, Any]:
    """Reliability-diagram bins, Brier score and expected calibration error of binary probabilities."""
    y_true, y_prob = _binary_inputs(y_true, y_prob)
    if y_true.size == 0:
        raise ValueError("cannot summarise an empty set of predictions")
    if n_bins < 1:
        raise ValueError(f"n_bins must be >= 1, got {n_bins}")
    if y_prob.min() < 0 or y_prob.max() > 1:
        raise ValueError("y_prob must lie in [0, 1]")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # searchsorted on the INNER edges with side="left" counts the edges strictly below p, so
    # bin b holds edges[b] < p <= edges[b + 1] (bin 0 also holds p = 0) and p = 1.0 lands in the
    # last bin instead of an (n_bins + 1)-th one, the off-by-one that floor(p * n_bins) makes.
    bin_id = np.searchsorted(edges[1:-1], y_prob, side="left")
    counts = np.bincount(bin_id, minlength=n_bins)
    sum_prob = np.bincount(bin_id, weights=y_prob, minlength=n_bins)
    sum_true = np.bincount(bin_id, weights=y_true.astype(float), minlength=n_bins)
    full = counts > 0  # empty bins have no mean: drop them, as sklearn's calibration_curve does
    prob_true = sum_true[full] / counts[full]   # observed frequency of the positive class
    prob_pred = sum_prob[full] / counts[full]   # average predicted probability
    # ECE: the gap |frequency - confidence| of each bin, weighted by the bin's share of samples.
    ece = float(np.sum(counts[full] / y_true.size * np.abs(prob_true - prob_pred)))
    brier = float(np.mean((y_prob - y_true) ** 2))  # a proper score: squared error of probabilities
    return {
        "prob_true": prob_true,
        "prob_pred": prob_pred,
        "counts": counts[full].astype(np.int64),
        "brier": brier,
        "ece": ece,
    }


# ---------------------------------------------------------------------------------------------
# 10-11. Comparing two classifiers on the same test set
# ---------------------------------------------------------------------------------------------


def mcnemar_test(
    y_true: np.ndarray,
    pred_a: np.ndarray,
    pred_b: np.ndarray,
    exact: bool = False,
    correction: bool = True,
) -> dict[str, float]:
    """McNemar's test of "A and B have the same error rate" from the discordant pairs."""
    y_true = np.asarray(y_true)
    pred_a = np.asarray(pred_a)
    pred_b = np.asarray(pred_b)
    if not (y_true.shape == pred_a.shape == pred_b.shape) or y_true.ndim != 1:
        raise ValueError("y_true, pred_a and pred_b must be 1-D arrays of the same length")
    right_a = pred_a == y_true
    right_b = pred_b == y_true
    # Only the discordant samples carry information about which model is better: where both are
    # right or both are wrong, swapping the models changes nothing.
    b = int(np.sum(right_a & ~right_b))  # A right, B wrong
    c = int(np.sum(~right_a & right_b))  # A wrong, B right
    m = b + c
    if m == 0:
        # The models never disagree on correctness: no evidence either way.
        return {"b": b, "c": c, "statistic": 0.0, "p_value": 1.0}
    if exact:
        # Under H0 each discordant sample is a fair coin: b ~ Binomial(b + c, 1/2). Two-sided
        # p-value = twice the smaller tail (the distribution is symmetric), capped at 1.
        statistic = float(min(b, c))
        p_value = float(min(1.0, 2.0 * stats.binom.cdf(min(b, c), m, 0.5)))
    else:
        # (b - c) has mean 0 and variance b + c under H0, so (b - c)^2 / (b + c) is approximately
        # chi-squared with ONE degree of freedom. Edwards' continuity correction subtracts 1 from
        # |b - c| because b and c are counts, not continuous values.
        diff = abs(b - c) - (1.0 if correction else 0.0)
        statistic = float(diff**2 / m)
        p_value = float(stats.chi2.sf(statistic, df=1))
    return {"b": b, "c": c, "statistic": statistic, "p_value": p_value}


def paired_bootstrap(
    y_true: np.ndarray,
    pred_a: np.ndarray,
    pred_b: np.ndarray,
    metric: Callable[[np.ndarray, np.ndarray], float] | None = None,
    n_boot: int = 2000,
    alpha: float = 0.05,
    seed: int = 0,
) -> dict[str, Any]:
    """Percentile bootstrap CI of metric(A) - metric(B), resampling test samples in pairs."""
    y_true = np.asarray(y_true)
    pred_a = np.asarray(pred_a)
    pred_b = np.asarray(pred_b)
    n = y_true.shape[0]
    if n == 0 or not (y_true.shape == pred_a.shape == pred_b.shape):
        raise ValueError("y_true, pred_a and pred_b must be non-empty and of the same length")
    if n_boot < 1 or not 0.0 < alpha < 1.0:
        raise ValueError("need n_boot >= 1 and 0 < alpha < 1")
    if metric is None:
        def metric(t: np.ndarray, p: np.ndarray) -> float:
            return float(np.mean(t == p))

    diff = float(metric(y_true, pred_a) - metric(y_true, pred_b))
    rng = np.random.default_rng(seed)
    # One matrix of indices, row r = the r-th resample. The SAME indices are used for A and B:
    # that is what "paired" means. The two models' errors on a sample are correlated (hard
    # samples are hard for both), and pairing cancels that shared difficulty, so the interval
    # on the difference is much narrower than two independent intervals would suggest.
    idx = rng.integers(0, n, size=(n_boot, n))
    boot = np.array([metric(y_true[i], pred_a[i]) - metric(y_true[i], pred_b[i]) for i in idx], dtype=float)
    low, high = np.quantile(boot, [alpha / 2.0, 1.0 - alpha / 2.0])
    return {"diff": diff, "ci_low": float(low), "ci_high": float(high), "boot_diffs": boot}


# ---------------------------------------------------------------------------------------------
# 12. Grid search with cross-validation
# ---------------------------------------------------------------------------------------------


class GridSearch:
    """Exhaustive search over a parameter grid, scored by K-fold cross-validation, then refit."""

    def __init__(
        self,
        estimator: Any,
        param_grid: dict[str, Sequence[Any]],
        cv: int | Sequence[tuple[np.ndarray, np.ndarray]] = 5,
        scoring: Callable[[np.ndarray, np.ndarray], float] | None = None,
    ) -> None:
        # scikit-learn convention: __init__ only stores the hyperparameters, unchanged, so that
        # get_params/clone work and nothing surprising happens before fit.
        self.estimator = estimator
        self.param_grid = param_grid
        self.cv = cv
        self.scoring = scoring

    def _folds(self, n: int) -> list[tuple[np.ndarray, np.ndarray]]:
        if isinstance(self.cv, (int, np.integer)):
            k = int(self.cv)
            if k < 2 or k > n:
                raise ValueError(f"cv={k} folds need 2 <= cv <= n_samples={n}")
            # Contiguous folds as sklearn's KFold(k) without shuffling: the first n % k folds
            # hold one extra sample.
            sizes = np.full(k, n // k)
            sizes[: n % k] += 1
            stops = np.cumsum(sizes)
            folds = []
            for start, stop in zip(stops - sizes, stops):
                val = np.arange(start, stop)
                train = np.r_[np.arange(0, start), np.arange(stop, n)]
                folds.append((train, val))
            return folds
        return [(np.asarray(tr, dtype=int), np.asarray(va, dtype=int)) for tr, va in self.cv]

    def _score(self, model: Any, X: np.ndarray, y: np.ndarray) -> float:
        if self.scoring is None:
            return float(model.score(X, y))
        return float(self.scoring(y, model.predict(X)))

    def fit(self, X: np.ndarray, y: np.ndarray) -> "GridSearch":
        X = np.asarray(X)
        y = np.asarray(y)
        # Candidate order = itertools.product over the SORTED parameter names, last name varying
        # fastest: the order of sklearn's ParameterGrid, which decides who wins a tie.
        names = sorted(self.param_grid)
        candidates = [dict(zip(names, values)) for values in itertools.product(*(self.param_grid[k] for k in names))]
        folds = self._folds(len(y))
        fold_scores = np.empty((len(candidates), len(folds)))
        for c, params in enumerate(candidates):
            for f, (train, val) in enumerate(folds):
                # A FRESH, unfitted copy for every fit (clone), fitted on the training part of the
                # fold only and scored on the held-out part only. Scoring on rows the model was
                # fitted on would reward memorising, and the search would pick the most
                # overfitted candidate.
                model = clone(self.estimator).set_params(**params)
                model.fit(X[train], y[train])
                fold_scores[c, f] = self._score(model, X[val], y[val])
        mean = fold_scores.mean(axis=1)
        self.cv_results_ = {
            "params": candidates,
            "mean_test_score": mean,
            "std_test_score": fold_scores.std(axis=1),  # ddof=0, as scikit-learn reports it
            "fold_scores": fold_scores,
        }
        # Higher is better (a loss must be passed negated). argmax returns the FIRST maximum, so
        # ties go to the earliest candidate, as in GridSearchCV.
        self.best_index_ = int(np.argmax(mean))
        self.best_params_ = dict(candidates[self.best_index_])
        self.best_score_ = float(mean[self.best_index_])
        self.n_splits_ = len(folds)
        # Refit the winner on ALL the data given to fit (every fold's training and validation
        # rows). The caller's test set never came in, so it cannot leak into the choice.
        self.best_estimator_ = clone(self.estimator).set_params(**self.best_params_).fit(X, y)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.best_estimator_.predict(X)

    def score(self, X: np.ndarray, y: np.ndarray) -> float:
        return self._score(self.best_estimator_, np.asarray(X), np.asarray(y))


# ---------------------------------------------------------------------------------------------
# 13. Saving a model with a version record
# ---------------------------------------------------------------------------------------------

_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ModelBundle:
    """A fitted model together with the record that says what it is, saved as a versioned pair of files."""

    def __init__(self, model: Any, name: str, version: str, metrics: dict[str, float] | None = None) -> None:
        self.model = model
        self.name = name
        self.version = version
        self.metrics = dict(metrics) if metrics is not None else {}
        self.metadata: dict[str, Any] = {}

    def save(self, directory: str | Path) -> Path:
        if not _NAME.match(self.name or ""):
            raise ValueError(f"name must be non-empty and use only letters, digits, '-' and '_', got {self.name!r}")
        if not _VERSION.match(self.version or ""):
            raise ValueError(f"version must look like MAJOR.MINOR.PATCH (e.g. '1.4.0'), got {self.version!r}")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        stem = f"{self.name}-{self.version}"
        model_path = directory / f"{stem}.joblib"
        meta_path = directory / f"{stem}.json"
        # A published version is immutable: anyone who loaded 1.2.0 yesterday must get the same
        # model today. A new model gets a new version number instead of overwriting.
        if model_path.exists() or meta_path.exists():
            raise FileExistsError(f"{stem} already exists in {directory}: bump the version instead")
        joblib.dump(self.model, model_path)
        record = {
            "name": self.name,
            "version": self.version,
            "created_at": datetime.now(timezone.utc).isoformat(),
            "model_file": model_path.name,
            "model_class": f"{type(self.model).__module__}.{type(self.model).__qualname__}",
            # The checksum lets load() refuse a file that changed after it was recorded.
            "sha256": _sha256(model_path),
            # Pickled scikit-learn objects are only guaranteed to load in the version that wrote
            # them, so the record says which versions those were.
            "python_version": platform.python_version(),
            "sklearn_version": sklearn.__version__,
            "numpy_version": np.__version__,
            "metrics": {k: float(v) for k, v in self.metrics.items()},
        }
        meta_path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        self.metadata = record
        return meta_path

    @classmethod
    def load(cls, path: str | Path) -> "ModelBundle":
        meta_path = Path(path)
        record = json.loads(meta_path.read_text(encoding="utf-8"))
        model_path = meta_path.with_name(record.get("model_file", f"{record['name']}-{record['version']}.joblib"))
        # Verify BEFORE unpickling: unpickling runs code chosen by whoever wrote the file, so a
        # file that is not the one we recorded must never reach joblib.load.
        if _sha256(model_path) != record["sha256"]:
            raise ValueError(f"checksum mismatch for {model_path.name}: the file changed after it was saved")
        if record.get("sklearn_version") != sklearn.__version__:
            warnings.warn(
                f"{record['name']}-{record['version']} was saved with scikit-learn "
                f"{record.get('sklearn_version')} and is loaded with {sklearn.__version__}; "
                "predictions may differ. Re-train or re-validate it.",
                UserWarning,
                stacklevel=2,
            )
        bundle = cls(joblib.load(model_path), record["name"], record["version"], record.get("metrics", {}))
        bundle.metadata = record
        return bundle

    @classmethod
    def latest(cls, directory: str | Path, name: str) -> "ModelBundle":
        directory = Path(directory)
        found = []
        for meta in directory.glob(f"{name}-*.json"):
            version = meta.stem[len(name) + 1:]
            if _VERSION.match(version):
                # Compare versions as tuples of INTEGERS: as strings "1.10.0" < "1.9.0".
                found.append((tuple(int(part) for part in version.split(".")), meta))
        if not found:
            raise FileNotFoundError(f"no saved versions of {name!r} in {directory}")
        return cls.load(max(found)[1])


# ---------------------------------------------------------------------------------------------
# Demo
# ---------------------------------------------------------------------------------------------

if __name__ == "__main__":
    import tempfile

    from sklearn.datasets import load_breast_cancer, load_diabetes
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    np.set_printoptions(precision=4, suppress=True)

    Xd, yd = load_diabetes(return_X_y=True)
    Xd_tr, Xd_te, yd_tr, yd_te = train_test_split(Xd, yd, test_size=0.25, random_state=0)
    reg = LinearRegression().fit(Xd_tr, yd_tr)
    print("regression metrics (diabetes, linear regression):",
          {k: round(v, 3) for k, v in regression_metrics(yd_te, reg.predict(Xd_te)).items()})

    X, y = load_breast_cancer(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    nb = GaussianNB().fit(X_tr, y_tr)
    p_lr = logreg.predict_proba(X_te)[:, 1]
    p_nb = nb.predict_proba(X_te)[:, 1]
    pred_lr = (p_lr >= 0.5).astype(int)
    pred_nb = (p_nb >= 0.5).astype(int)

    print("confusion matrix (rows = truth, cols = prediction):\n", confusion_matrix(y_te, pred_lr))
    print("classification metrics:", {k: round(v, 4) for k, v in classification_metrics(y_te, pred_lr).items()})
    print(f"log loss: logistic {log_loss(y_te, p_lr):.4f}, naive Bayes {log_loss(y_te, p_nb):.4f}")
    fpr, tpr, thr = roc_curve(y_te, p_lr)
    print(f"ROC curve: {len(thr)} points; AUC logistic {roc_auc(y_te, p_lr):.4f}, naive Bayes {roc_auc(y_te, p_nb):.4f}")
    prec, rec, _ = precision_recall_curve(y_te, p_lr)
    print(f"PR curve: {len(prec)} points; average precision {average_precision(y_te, p_lr):.4f}")
    cal = calibration_summary(y_te, p_nb, n_bins=5)
    print(f"naive Bayes calibration: Brier {cal['brier']:.4f}, ECE {cal['ece']:.4f}, bin counts {cal['counts']}")
    print("McNemar (logistic vs naive Bayes):", mcnemar_test(y_te, pred_lr, pred_nb))
    boot = paired_bootstrap(y_te, pred_lr, pred_nb, n_boot=1000, seed=0)
    print(f"paired bootstrap accuracy difference: {boot['diff']:+.4f}, "
          f"95% CI [{boot['ci_low']:+.4f}, {boot['ci_high']:+.4f}]")

    search = GridSearch(make_pipeline(StandardScaler(), KNeighborsClassifier()),
                        {"kneighborsclassifier__n_neighbors": [1, 5, 15], "kneighborsclassifier__weights": ["uniform", "distance"]},
                        cv=5).fit(X_tr, y_tr)
    print(f"grid search: best {search.best_params_}, CV accuracy {search.best_score_:.4f}, "
          f"test accuracy {search.score(X_te, y_te):.4f}")

    with tempfile.TemporaryDirectory() as tmp:
        ModelBundle(logreg, "cancer-clf", "1.9.0", {"test_auc": roc_auc(y_te, p_lr)}).save(tmp)
        ModelBundle(logreg, "cancer-clf", "1.10.0", {"test_auc": roc_auc(y_te, p_lr)}).save(tmp)
        loaded = ModelBundle.latest(tmp, "cancer-clf")
        same = np.array_equal(loaded.model.predict(X_te), logreg.predict(X_te))
        print(f"persistence: latest version {loaded.version} (not 1.9.0), predictions identical: {same}, "
              f"saved with scikit-learn {loaded.metadata['sklearn_version']}")
