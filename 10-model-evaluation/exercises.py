"""Module 10 - Model evaluation: exercises.

Fill in every function and method marked ``# TODO``, then grade your work with::

    uv run mlm check 10                        # all exercises
    uv run mlm check 10 -e roc_curve           # one exercise
    uv run mlm hint 10 roc_curve               # a hint, one more each time you ask

The exercises go from easy to hard and follow theory.md:

 1. regression_metrics      MSE, RMSE, MAE and R^2, matched to sklearn.metrics
 2. confusion_matrix        rows = truth, columns = prediction, any labels
 3. classification_metrics  accuracy, precision, recall, F1 (binary / macro / micro / weighted)
 4. log_loss                cross-entropy of predicted probabilities, with clipping
 5. roc_curve               (FPR, TPR, thresholds) with ties handled, thresholds decreasing
 6. roc_auc                 area under the ROC curve = P(positive scored above negative)
 7. precision_recall_curve  the PR curve in scikit-learn's order
 8. average_precision       the step-wise area under the PR curve
 9. calibration_summary     reliability bins, Brier score and expected calibration error
10. mcnemar_test            is model A's error rate different from model B's? (paired test)
11. paired_bootstrap        a confidence interval for metric(A) - metric(B)
12. GridSearch              grid search with K-fold cross-validation, then refit
13. ModelBundle             save/load a model with a version and metadata record

Rules for the whole file: NumPy, SciPy (for distributions such as ``scipy.stats.chi2``) and the
standard library, plus ``sklearn.base.clone``, ``sklearn.model_selection.KFold``, ``joblib`` and
``pickle`` where an exercise says so. Do NOT call the scikit-learn routine an exercise rebuilds
(``sklearn.metrics.*``, ``calibration_curve``, ``GridSearchCV``, ``ParameterGrid``,
``cross_val_score``): the grader compares your answers with them and blocks them while grading.
Keep every name and signature as given. You may call your own earlier functions from later ones
(for example ``confusion_matrix`` inside ``classification_metrics``).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. Regression metrics
# ---------------------------------------------------------------------------------------------


def regression_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    """Compute the four standard regression metrics.

    With residuals ``e_i = y_true[i] - y_pred[i]`` and ``n`` samples:

    * ``mse``  = (1/n) * sum(e_i^2)
    * ``rmse`` = sqrt(mse)
    * ``mae``  = (1/n) * sum(|e_i|)
    * ``r2``   = 1 - SS_res / SS_tot, where SS_res = sum(e_i^2) and
      SS_tot = sum((y_true[i] - mean(y_true))^2).

    Special cases of ``r2`` (the same as ``sklearn.metrics.r2_score``): if ``n < 2`` it is
    ``nan`` (undefined); if ``y_true`` is constant (SS_tot = 0) it is ``1.0`` for a perfect
    prediction and ``0.0`` otherwise. ``r2`` can be negative: that means the model is worse
    than always predicting the mean.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        The observed targets (ints allowed).
    y_pred : np.ndarray, shape (n,)
        The predictions.

    Returns
    -------
    dict[str, float]
        ``{"mse": ..., "rmse": ..., "mae": ..., "r2": ...}`` with Python floats.

    Raises
    ------
    ValueError
        If the inputs are empty, not 1-D, of different lengths, or contain NaN (a NaN would
        silently turn every metric into NaN).

    Examples
    --------
    >>> regression_metrics(np.array([3.0, 5.0, 7.0]), np.array([2.0, 5.0, 9.0]))
    {'mse': 1.6666666666666667, 'rmse': 1.2909944487358056, 'mae': 1.0, 'r2': 0.375}

    Rules
    -----
    NumPy only: do not call sklearn.metrics.
    """
    # TODO: your code here
    raise NotImplementedError("regression_metrics")


# ---------------------------------------------------------------------------------------------
# 2. The confusion matrix
# ---------------------------------------------------------------------------------------------


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[Any] | None = None) -> np.ndarray:
    """Count how often each true label was predicted as each label.

    ``C[i, j]`` is the number of samples whose TRUE label is ``labels[i]`` and whose PREDICTED
    label is ``labels[j]``: rows are the truth, columns the prediction (scikit-learn's
    convention; some textbooks use the transpose). For binary labels ``[0, 1]`` this gives
    ``[[TN, FP], [FN, TP]]``.

    Parameters
    ----------
    y_true, y_pred : np.ndarray, shape (n,)
        Labels of any comparable type (ints, strings, bools).
    labels : sequence, optional
        The row/column order. By default, the sorted distinct values of ``y_true`` and
        ``y_pred`` together. Samples whose true or predicted label is not in ``labels`` are
        ignored.

    Returns
    -------
    np.ndarray, shape (K, K), integer dtype
        ``K = len(labels)``. The sum of all entries is the number of counted samples.

    Raises
    ------
    ValueError
        If ``y_true`` and ``y_pred`` are not 1-D arrays of the same length.

    Examples
    --------
    >>> confusion_matrix(np.array([0, 0, 1, 1, 1]), np.array([0, 1, 1, 1, 0]))
    array([[1, 1],
           [1, 2]])

    Rules
    -----
    NumPy only: do not call sklearn.metrics.confusion_matrix. An empty input with ``labels``
    given returns a ``(K, K)`` matrix of zeros.
    """
    # TODO: your code here
    raise NotImplementedError("confusion_matrix")


# ---------------------------------------------------------------------------------------------
# 3. Accuracy, precision, recall, F1
# ---------------------------------------------------------------------------------------------


def classification_metrics(
    y_true: np.ndarray,
    y_pred: np.ndarray,
    average: str = "binary",
    pos_label: Any = 1,
) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of hard predictions, as in sklearn.metrics.

    Per class ``c``: precision = TP / (TP + FP) (of the samples PREDICTED c, the fraction that
    really are c), recall = TP / (TP + FN) (of the samples that really ARE c, the fraction
    found), F1 = 2 * P * R / (P + R). Any 0/0 counts as 0.0 (no warnings, no NaN).

    ``average`` chooses how the per-class values are combined; the classes are the sorted
    distinct values of ``y_true`` and ``y_pred`` together:

    * ``"binary"``: only the class ``pos_label`` (at most two classes allowed);
    * ``"macro"``: plain mean over classes (F1 is the mean of the per-class F1 values);
    * ``"weighted"``: mean weighted by each class's support, its count in ``y_true``;
    * ``"micro"``: pool TP, FP and FN over all classes first, then apply the formulas.

    ``accuracy`` is always the fraction of samples with ``y_pred == y_true``.

    Parameters
    ----------
    y_true, y_pred : np.ndarray, shape (n,)
        Non-empty label arrays of the same length.
    average : {"binary", "macro", "micro", "weighted"}, default "binary"
    pos_label : default 1
        The positive class when ``average == "binary"``.

    Returns
    -------
    dict[str, float]
        ``{"accuracy": ..., "precision": ..., "recall": ..., "f1": ...}``.

    Raises
    ------
    ValueError
        For an unknown ``average``, for ``"binary"`` with more than two classes, or for empty
        or mismatched inputs.

    Examples
    --------
    >>> classification_metrics(np.array([1, 1, 1, 0, 0]), np.array([1, 0, 0, 0, 1]))
    {'accuracy': 0.4, 'precision': 0.5, 'recall': 0.3333333333333333, 'f1': 0.4}

    Rules
    -----
    NumPy only: do not call sklearn.metrics (your own confusion_matrix is fine).
    """
    # TODO: your code here
    raise NotImplementedError("classification_metrics")


# ---------------------------------------------------------------------------------------------
# 4. Log loss
# ---------------------------------------------------------------------------------------------


def log_loss(y_true: np.ndarray, y_prob: np.ndarray, eps: float = 2.220446049250313e-16) -> float:
    """Cross-entropy (log loss) of predicted probabilities, natural log, averaged over samples.

    ``log_loss = -(1/n) * sum_i log(p_i)``, where ``p_i`` is the probability the model gave to
    the TRUE class of sample ``i``, after clipping every probability to ``[eps, 1 - eps]`` so
    that a confident mistake (probability exactly 0) costs ``-log(eps)`` instead of infinity.
    The default ``eps`` is ``np.finfo(np.float64).eps``, what scikit-learn uses for float64
    probabilities (it takes the machine epsilon of the input's dtype).

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        Integer class labels ``0 .. K-1`` (``0``/``1`` in the binary case).
    y_prob : np.ndarray, shape (n,) or (n, K)
        Shape ``(n,)``: the probability of class 1 (binary). Shape ``(n, K)``: one probability
        per class (each row is assumed to sum to 1; do not renormalise).
    eps : float
        Clipping constant.

    Returns
    -------
    float
        The mean log loss, ``>= 0``.

    Raises
    ------
    ValueError
        If ``n == 0``, the shapes do not match, or a label is outside ``0 .. K-1``.

    Examples
    --------
    >>> round(log_loss(np.array([1, 0]), np.array([0.8, 0.4])), 6)   # -(ln 0.8 + ln 0.6) / 2
    0.366985

    Rules
    -----
    NumPy only: do not call sklearn.metrics.log_loss.
    """
    # TODO: your code here
    raise NotImplementedError("log_loss")


# ---------------------------------------------------------------------------------------------
# 5-6. ROC curve and AUC
# ---------------------------------------------------------------------------------------------


def roc_curve(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The receiver operating characteristic curve of binary scores.

    A threshold ``t`` predicts "positive" for every sample with ``y_score >= t``. For each
    DISTINCT score, taken as the threshold in DECREASING order, record
    FPR = FP / (number of negatives) and TPR = TP / (number of positives). Samples with equal
    scores switch together, so tied scores give one point, not several. Put a first point
    (FPR, TPR) = (0, 0) with threshold ``np.inf`` in front ("predict nothing positive").
    This is exactly ``sklearn.metrics.roc_curve(y_true, y_score, drop_intermediate=False)``.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        0/1 labels (1 = positive), with both classes present.
    y_score : np.ndarray, shape (n,)
        Scores, higher = more likely positive (probabilities, margins, any real numbers).

    Returns
    -------
    fpr, tpr, thresholds : np.ndarray, each of shape (m + 1,), float
        ``m`` is the number of distinct scores. ``thresholds[0] = inf`` and the rest strictly
        decreasing; ``fpr`` and ``tpr`` start at 0, never decrease and end at 1.

    Raises
    ------
    ValueError
        If ``y_true`` does not contain both classes, the shapes differ, or ``y_score`` contains
        NaN (NaN cannot be ranked).

    Examples
    --------
    >>> fpr, tpr, thr = roc_curve(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    >>> fpr, tpr, thr
    (array([0. , 0. , 0.5, 0.5, 1. ]), array([0. , 0.5, 0.5, 1. , 1. ]), array([ inf, 0.8 , 0.4 , 0.35, 0.1 ]))

    Rules
    -----
    NumPy only: do not call sklearn.metrics (roc_curve, auc, roc_auc_score, ...). Aim for
    O(n log n): sort once, then use cumulative sums.
    """
    # TODO: your code here
    raise NotImplementedError("roc_curve")


def roc_auc(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """Area under the ROC curve.

    Equivalently (and this is the definition to remember): the probability that a randomly
    chosen positive gets a HIGHER score than a randomly chosen negative, counting a tie as one
    half::

        AUC = (1 / (n_pos * n_neg)) * sum over (positive i, negative j) of
              1 if s_i > s_j, 1/2 if s_i == s_j, 0 otherwise

    which equals the trapezoidal area under ``roc_curve``. Matches
    ``sklearn.metrics.roc_auc_score``.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        0/1 labels with both classes present.
    y_score : np.ndarray, shape (n,)
        Scores, higher = more likely positive.

    Returns
    -------
    float
        The AUC in ``[0, 1]``; 0.5 is chance, 1.0 a perfect ranking.

    Raises
    ------
    ValueError
        If ``y_true`` does not contain both classes, or ``y_score`` contains NaN.

    Examples
    --------
    >>> roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    0.75

    Rules
    -----
    NumPy (and scipy.stats.rankdata if you like) only: do not call sklearn.metrics. Either
    count pairs (fine for n up to a few thousand) or use ranks / your roc_curve.
    """
    # TODO: your code here
    raise NotImplementedError("roc_auc")


# ---------------------------------------------------------------------------------------------
# 7-8. Precision-recall curve and average precision
# ---------------------------------------------------------------------------------------------


def precision_recall_curve(y_true: np.ndarray, y_score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The precision-recall curve of binary scores, in scikit-learn's order.

    As in ``roc_curve``, each DISTINCT score ``t`` is a threshold (predict positive when
    ``y_score >= t``), with precision = TP / (TP + FP) and recall = TP / (number of
    positives) at that threshold. Return the thresholds in INCREASING order with their
    precision and recall, then append one last point with precision 1 and recall 0 (and no
    threshold). This is exactly ``sklearn.metrics.precision_recall_curve(y_true, y_score)``.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        0/1 labels with at least one positive.
    y_score : np.ndarray, shape (n,)
        Scores, higher = more likely positive.

    Returns
    -------
    precision : np.ndarray, shape (m + 1,)
    recall : np.ndarray, shape (m + 1,)
        Recall does not increase along the array; ``recall[0] = 1`` and ``recall[-1] = 0``,
        ``precision[-1] = 1``.
    thresholds : np.ndarray, shape (m,)
        The ``m`` distinct scores, strictly increasing.

    Raises
    ------
    ValueError
        If ``y_true`` has no positive sample, or the shapes differ.

    Examples
    --------
    >>> p, r, t = precision_recall_curve(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    >>> p, r, t
    (array([0.5       , 0.66666667, 0.5       , 1.        , 1.        ]), array([1. , 1. , 0.5, 0.5, 0. ]), array([0.1 , 0.35, 0.4 , 0.8 ]))

    Rules
    -----
    NumPy only: do not call sklearn.metrics.
    """
    # TODO: your code here
    raise NotImplementedError("precision_recall_curve")


def average_precision(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """Average precision: the step-wise area under the precision-recall curve.

    ``AP = sum_k (R_k - R_{k-1}) * P_k``, summed over the distinct thresholds from the highest
    score to the lowest, where ``P_k`` and ``R_k`` are precision and recall at the k-th
    threshold and ``R_0 = 0``. Each gain in recall is weighted by the precision at which it was
    obtained. No interpolation: this is not the trapezoidal area (``auc(recall, precision)``),
    and not the "interpolated" AP that replaces ``P_k`` by the best precision at higher recall.
    Matches ``sklearn.metrics.average_precision_score``.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        0/1 labels with at least one positive.
    y_score : np.ndarray, shape (n,)

    Returns
    -------
    float
        AP in ``[0, 1]``. A random ranking scores about the fraction of positives.

    Raises
    ------
    ValueError
        If ``y_true`` has no positive sample.

    Examples
    --------
    >>> average_precision(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))   # 0.5*1 + 0.5*(2/3)
    0.8333333333333333

    Rules
    -----
    NumPy only: do not call sklearn.metrics (your precision_recall_curve is fine).
    """
    # TODO: your code here
    raise NotImplementedError("average_precision")


# ---------------------------------------------------------------------------------------------
# 9. Calibration
# ---------------------------------------------------------------------------------------------


def calibration_summary(y_true: np.ndarray, y_prob: np.ndarray, n_bins: int = 10) -> dict[str, Any]:
    """How trustworthy are predicted probabilities? Reliability bins, Brier score and ECE.

    Split ``[0, 1]`` into ``n_bins`` equal-width bins with edges
    ``e = np.linspace(0, 1, n_bins + 1)``. Bin ``b`` holds the probabilities with
    ``e[b] < p <= e[b + 1]``; bin 0 also holds ``p = 0`` (so a probability exactly on an inner
    edge goes to the LOWER bin, and ``p = 1`` to the last bin: scikit-learn's convention).
    For each NON-EMPTY bin, in increasing order, report:

    * ``prob_true``: the fraction of positives among its samples (the observed frequency);
    * ``prob_pred``: the mean predicted probability of its samples (the confidence);
    * ``counts``: how many samples it holds.

    Also report ``brier = (1/n) * sum (p_i - y_i)^2`` and the expected calibration error
    ``ece = sum over non-empty bins of (counts_b / n) * |prob_true_b - prob_pred_b|``.
    ``prob_true`` and ``prob_pred`` equal ``sklearn.calibration.calibration_curve(y_true,
    y_prob, n_bins=n_bins)``; ``brier`` equals ``sklearn.metrics.brier_score_loss``.

    Parameters
    ----------
    y_true : np.ndarray, shape (n,)
        0/1 labels, ``n >= 1``.
    y_prob : np.ndarray, shape (n,)
        Predicted probabilities of class 1, in ``[0, 1]``.
    n_bins : int, default 10

    Returns
    -------
    dict
        ``"prob_true"``, ``"prob_pred"``: float arrays of shape ``(n_nonempty,)``;
        ``"counts"``: int array of shape ``(n_nonempty,)`` summing to ``n``;
        ``"brier"``, ``"ece"``: floats.

    Raises
    ------
    ValueError
        If a probability is outside ``[0, 1]``, ``n == 0`` or ``n_bins < 1``.

    Examples
    --------
    >>> s = calibration_summary(np.array([0, 1, 1, 1]), np.array([0.2, 0.3, 0.9, 0.7]), n_bins=2)
    >>> s["prob_true"], s["prob_pred"], s["counts"]
    (array([0.5, 1. ]), array([0.25, 0.8 ]), array([2, 2]))
    >>> round(s["brier"], 4), round(s["ece"], 4)     # (0.04+0.49+0.01+0.09)/4; 0.5*0.25 + 0.5*0.2
    (0.1575, 0.225)

    Rules
    -----
    NumPy only: do not call sklearn.calibration or sklearn.metrics.
    """
    # TODO: your code here
    raise NotImplementedError("calibration_summary")


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
    """McNemar's test: do classifiers A and B have the same error rate on this test set?

    Count the discordant samples: ``b`` = A right and B wrong, ``c`` = A wrong and B right
    (samples where both are right, or both wrong, say nothing about which is better).
    Under the null hypothesis each discordant sample is equally likely to fall either way.

    * ``exact=False``: statistic = ``(|b - c| - 1)^2 / (b + c)`` with ``correction=True``
      (Edwards' continuity correction, as in statsmodels), or ``(b - c)^2 / (b + c)`` without;
      p-value = the upper tail of the chi-squared distribution with 1 degree of freedom.
    * ``exact=True``: statistic = ``min(b, c)``; p-value = two-sided binomial test of ``b``
      successes in ``b + c`` trials with probability 1/2, i.e.
      ``min(1, 2 * P(Binomial(b + c, 1/2) <= min(b, c)))``; ``correction`` is ignored.
    * ``b + c == 0``: statistic 0.0 and p-value 1.0 (no evidence either way).

    Parameters
    ----------
    y_true, pred_a, pred_b : np.ndarray, shape (n,)
        True labels and the two models' predictions on the SAME samples.
    exact : bool, default False
    correction : bool, default True

    Returns
    -------
    dict
        ``{"b": int, "c": int, "statistic": float, "p_value": float}``.

    Raises
    ------
    ValueError
        If the three arrays are not 1-D of the same length.

    Examples
    --------
    >>> r = mcnemar_test(np.zeros(20, int), np.r_[np.zeros(15, int), np.ones(5, int)],
    ...                  np.r_[np.ones(10, int), np.zeros(10, int)])
    >>> r["b"], r["c"], round(r["statistic"], 4), round(r["p_value"], 4)
    (10, 5, 1.0667, 0.3017)

    Rules
    -----
    NumPy plus scipy.stats distributions (``chi2.sf``, ``binom.cdf``, ``binomtest``) only.
    """
    # TODO: your code here
    raise NotImplementedError("mcnemar_test")


def paired_bootstrap(
    y_true: np.ndarray,
    pred_a: np.ndarray,
    pred_b: np.ndarray,
    metric: Callable[[np.ndarray, np.ndarray], float] | None = None,
    n_boot: int = 2000,
    alpha: float = 0.05,
    seed: int = 0,
) -> dict[str, Any]:
    """Paired bootstrap confidence interval for ``metric(A) - metric(B)`` on one test set.

    1. ``diff = metric(y_true, pred_a) - metric(y_true, pred_b)`` on the full test set.
    2. ``rng = np.random.default_rng(seed)``; draw ALL the resampling indices with ONE call
       ``idx = rng.integers(0, n, size=(n_boot, n))``; row ``r`` is the r-th resample.
    3. For each row, ``boot_diffs[r] = metric(y_true[idx[r]], pred_a[idx[r]]) -
       metric(y_true[idx[r]], pred_b[idx[r]])``: the SAME resampled samples for both models.
    4. ``ci_low, ci_high = np.quantile(boot_diffs, [alpha / 2, 1 - alpha / 2])``.

    ``metric`` defaults to accuracy, ``mean(y_true == y_pred)``; any callable
    ``metric(y_true, y_pred) -> float`` works (pass probabilities as "predictions" for AUC).

    Parameters
    ----------
    y_true, pred_a, pred_b : np.ndarray, shape (n,)
        ``n >= 1``.
    metric : callable, optional
    n_boot : int, default 2000
    alpha : float, default 0.05
        ``1 - alpha`` is the confidence level.
    seed : int, default 0

    Returns
    -------
    dict
        ``"diff"``, ``"ci_low"``, ``"ci_high"``: floats; ``"boot_diffs"``: float array of shape
        ``(n_boot,)``.

    Raises
    ------
    ValueError
        If the arrays are empty or of different lengths, ``n_boot < 1`` or ``alpha`` is not in
        ``(0, 1)``.

    Examples
    --------
    >>> r = paired_bootstrap(np.array([1, 1, 0, 0]), np.array([1, 1, 0, 1]), np.array([1, 1, 0, 1]))
    >>> r["diff"], r["ci_low"], r["ci_high"]          # identical models: every difference is 0
    (0.0, 0.0, 0.0)

    Rules
    -----
    NumPy only. Follow steps 2-4 exactly: the grader repeats them with the same seed.
    """
    # TODO: your code here
    raise NotImplementedError("paired_bootstrap")


# ---------------------------------------------------------------------------------------------
# 12. Grid search with cross-validation
# ---------------------------------------------------------------------------------------------


class GridSearch:
    """Exhaustive hyperparameter search scored by K-fold cross-validation, like GridSearchCV.

    ``__init__`` only stores its four arguments, unchanged, as attributes of the same names.

    ``fit(X, y)``:

    1. Candidates: every combination of ``param_grid``, in the order of
       ``itertools.product`` over the parameter names SORTED alphabetically (the last name
       varies fastest): scikit-learn's ``ParameterGrid`` order. ``{}`` is one candidate ``{}``.
    2. Folds: an int ``cv = k`` means ``k`` contiguous folds without shuffling, exactly
       ``sklearn.model_selection.KFold(k)`` (the first ``n % k`` folds get one extra sample);
       otherwise ``cv`` is a sequence of ``(train_idx, val_idx)`` index-array pairs.
    3. For every candidate and fold: a fresh copy ``clone(estimator).set_params(**params)``,
       fitted on the fold's training rows only, scored on its validation rows only. Score =
       ``model.score(X_val, y_val)`` if ``scoring`` is None, else
       ``scoring(y_val, model.predict(X_val))``. Higher is ALWAYS better (pass a loss negated).
    4. ``best_index_`` = the candidate with the highest mean fold score (the first one on a tie).
    5. Refit a fresh clone with the best parameters on ALL of ``X, y``: ``best_estimator_``.

    The estimator passed to ``__init__`` is never fitted itself. The data given to ``fit`` is
    all the search may see: the caller keeps the test set outside.

    Attributes set by ``fit``
    -------------------------
    cv_results_ : dict
        ``"params"``: list of the candidate dicts (length ``n_candidates``);
        ``"mean_test_score"``, ``"std_test_score"``: arrays of shape ``(n_candidates,)``
        (``std`` with ``ddof=0``); ``"fold_scores"``: array ``(n_candidates, n_splits)``.
    best_index_ : int
    best_params_ : dict
    best_score_ : float
        The best mean validation score.
    best_estimator_ : fitted estimator
    n_splits_ : int

    Examples
    --------
    >>> from sklearn.datasets import load_breast_cancer
    >>> from sklearn.neighbors import KNeighborsClassifier
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> gs = GridSearch(KNeighborsClassifier(), {"n_neighbors": [1, 3, 5, 7, 9]}, cv=5).fit(X, y)
    >>> gs.best_params_, gs.cv_results_["mean_test_score"].shape
    ({'n_neighbors': 5}, (5,))

    Rules
    -----
    NumPy, ``itertools``, ``sklearn.base.clone`` and (optionally)
    ``sklearn.model_selection.KFold``. Do not use GridSearchCV, RandomizedSearchCV,
    ParameterGrid, cross_val_score or cross_validate.
    """

    def __init__(
        self,
        estimator: Any,
        param_grid: dict[str, Sequence[Any]],
        cv: int | Sequence[tuple[np.ndarray, np.ndarray]] = 5,
        scoring: Callable[[np.ndarray, np.ndarray], float] | None = None,
    ) -> None:
        # TODO: store the four arguments unchanged
        raise NotImplementedError("GridSearch.__init__")

    def fit(self, X: np.ndarray, y: np.ndarray) -> "GridSearch":
        """Run the search on ``X`` of shape (n, d) and ``y`` of shape (n,); return ``self``.

        Raises ValueError for an int ``cv`` outside ``2 .. n``.
        """
        # TODO: your code here
        raise NotImplementedError("GridSearch.fit")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Predictions of ``best_estimator_`` for ``X`` of shape (m, d); shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("GridSearch.predict")

    def score(self, X: np.ndarray, y: np.ndarray) -> float:
        """Score of ``best_estimator_`` on ``(X, y)``, with the same ``scoring`` rule as the search."""
        # TODO: your code here
        raise NotImplementedError("GridSearch.score")


# ---------------------------------------------------------------------------------------------
# 13. Saving a model with a version record
# ---------------------------------------------------------------------------------------------


class ModelBundle:
    """A fitted model plus the record that says what it is: save, load, find the latest version.

    ``__init__(model, name, version, metrics=None)`` stores ``model``, ``name`` and
    ``version`` unchanged, ``metrics`` as a dict (``{}`` when None) and ``metadata = {}``.

    ``save(directory)`` -> ``Path`` of the JSON record:

    * ``name`` must be non-empty and use only letters, digits, ``-`` and ``_``; ``version``
      must be ``MAJOR.MINOR.PATCH`` with non-negative integers without leading zeros (``"1.10.0"``;
      not ``"v1"``, ``"1.0"`` or ``"01.2.3"``): otherwise ``ValueError``.
    * Create ``directory`` if needed. Write the model with ``joblib.dump`` (or ``pickle``) to
      ``<directory>/<name>-<version>.joblib`` and the record with ``json`` to
      ``<directory>/<name>-<version>.json``. A version is immutable: if either file already
      exists raise ``FileExistsError`` and write nothing.
    * The record is a JSON object with at least these keys: ``"name"``, ``"version"``,
      ``"created_at"`` (ISO-8601 UTC time, ``datetime.now(timezone.utc).isoformat()``),
      ``"sha256"`` (hex SHA-256 of the model file's bytes), ``"python_version"``
      (``platform.python_version()``), ``"sklearn_version"`` (``sklearn.__version__``),
      ``"numpy_version"`` (``numpy.__version__``) and ``"metrics"`` (the metrics dict). Also set
      ``self.metadata`` to it.

    ``ModelBundle.load(path)`` (classmethod; ``path`` is a JSON record written by ``save``):
    read the record, then check the SHA-256 of the model file next to it BEFORE unpickling
    (raise ``ValueError`` if it differs: never unpickle a file you did not write); if the
    record's ``sklearn_version`` differs from the running one, ``warnings.warn`` a
    ``UserWarning``; unpickle and return a bundle with the record's name, version and metrics,
    and ``metadata`` = the record.

    ``ModelBundle.latest(directory, name)`` (classmethod): load the highest version of
    ``name`` saved in ``directory``, comparing versions as numbers (``1.10.0`` is newer than
    ``1.9.0``); ``FileNotFoundError`` if there is none.

    Examples
    --------
    >>> path = ModelBundle(model, "churn", "1.2.0", {"auc": 0.91}).save("models")
    >>> path.name
    'churn-1.2.0.json'
    >>> ModelBundle.latest("models", "churn").metrics
    {'auc': 0.91}

    Rules
    -----
    Standard library (``json``, ``hashlib``, ``pickle``, ``platform``, ``datetime``,
    ``warnings``, ``re``, ``pathlib``) plus ``joblib``, ``numpy`` and ``sklearn`` (for its
    version).
    """

    def __init__(self, model: Any, name: str, version: str, metrics: dict[str, float] | None = None) -> None:
        # TODO: store the arguments (see the class docstring)
        raise NotImplementedError("ModelBundle.__init__")

    def save(self, directory: str | Path) -> Path:
        """Write ``<name>-<version>.joblib`` and ``<name>-<version>.json``; return the JSON path."""
        # TODO: your code here
        raise NotImplementedError("ModelBundle.save")

    @classmethod
    def load(cls, path: str | Path) -> "ModelBundle":
        """Verify, then load, the bundle whose JSON record is at ``path``."""
        # TODO: your code here
        raise NotImplementedError("ModelBundle.load")

    @classmethod
    def latest(cls, directory: str | Path, name: str) -> "ModelBundle":
        """Load the highest saved version of ``name`` in ``directory``."""
        # TODO: your code here
        raise NotImplementedError("ModelBundle.latest")
