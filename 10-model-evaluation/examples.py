"""Module 10 - Model evaluation: runnable demonstrations.

Run from the repository root or from this folder::

    uv run 10-model-evaluation/examples.py            # every section; plots go to 10-model-evaluation/output/
    uv run 10-model-evaluation/examples.py --figures  # also regenerate the figures of theory.md

Each section prints a labelled block and matches a section of theory.md. Everything is seeded,
offline (scikit-learn's bundled data sets and generators, NumPy-generated data) and CPU-only;
nothing here needs a GPU. The whole script takes a few seconds.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import platform
import sys
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: every plot is written to a PNG file
import joblib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from scipy import stats  # noqa: E402
from sklearn.calibration import CalibratedClassifierCV, calibration_curve  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, make_classification  # noqa: E402
from sklearn.dummy import DummyClassifier, DummyRegressor  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.gaussian_process import GaussianProcessRegressor  # noqa: E402
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel  # noqa: E402
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    ConfusionMatrixDisplay,
    accuracy_score,
    auc,
    average_precision_score,
    brier_score_loss,
    classification_report,
    confusion_matrix,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_curve,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.model_selection import (  # noqa: E402
    GridSearchCV,
    KFold,
    RandomizedSearchCV,
    StratifiedKFold,
    cross_val_score,
    cross_validate,
    train_test_split,
)
from sklearn.naive_bayes import GaussianNB  # noqa: E402
from sklearn.pipeline import Pipeline, make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, StandardScaler  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "output"    # plots and files made during a normal run (git-ignored)
FIGURES = HERE / "figures"  # the figures embedded in theory.md (committed)
SEED = 0


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print("\n" + "=" * 78 + f"\n{title}\n" + "=" * 78)


def fast_auc(y: np.ndarray, s: np.ndarray) -> float:
    """ROC-AUC via the Mann-Whitney rank formula (theory.md section 5.2); quick inside bootstrap loops."""
    r = stats.rankdata(s)
    n_pos = int(y.sum())
    return float((r[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * (len(y) - n_pos)))


def ece(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error with equal-width bins (the convention of calibration_curve)."""
    ids = np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], p)
    total = 0.0
    for b in np.unique(ids):
        m = ids == b
        total += m.mean() * abs(y[m].mean() - p[m].mean())
    return float(total)


# ---------------------------------------------------------------------------------------------
# Shared data: loaded once, used by several sections
# ---------------------------------------------------------------------------------------------


def cancer_split():
    """Breast cancer (569 x 30; label 0 = malignant, 1 = benign, as in sklearn) split 60/20/20, stratified."""
    X, y = load_breast_cancer(return_X_y=True)
    X_tmp, X_te, y_tmp, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tmp, y_tmp, test_size=0.25, stratify=y_tmp, random_state=SEED)
    return X_tr, X_va, X_te, y_tr, y_va, y_te


def imbalanced_split(n: int = 6000, minority: float = 0.05):
    """A rare-positive problem (5% positives) like fraud or failure prediction."""
    X, y = make_classification(n_samples=n, n_features=12, n_informative=5, n_redundant=2,
                               weights=[1 - minority], class_sep=0.9, flip_y=0.01, random_state=SEED)
    return train_test_split(X, y, test_size=0.5, stratify=y, random_state=SEED)


def churn_frame(n: int = 1500) -> tuple[pd.DataFrame, np.ndarray]:
    """A small mixed-type table (numbers and categories), generated with a known logistic model."""
    rng = np.random.default_rng(SEED)
    tenure = rng.integers(1, 72, n)
    charges = np.round(rng.normal(70, 25, n).clip(15, 150), 2)
    contract = rng.choice(["monthly", "one-year", "two-year"], n, p=[0.55, 0.25, 0.2])
    payment = rng.choice(["card", "bank", "check"], n)
    logit = (-0.8 - 0.05 * tenure + 0.02 * (charges - 70) + np.select(
        [contract == "monthly", contract == "one-year"], [1.2, -0.2], -1.0) + 0.4 * (payment == "check"))
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame({"tenure": tenure, "monthly_charges": charges, "contract": contract, "payment": payment})
    return frame, y


# ---------------------------------------------------------------------------------------------
# 1. Regression metrics
# ---------------------------------------------------------------------------------------------


def demo_regression_metrics() -> None:
    section("1. Regression metrics: MSE, RMSE, MAE, R^2 (diabetes)")
    X, y = load_diabetes(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=SEED)
    models = {
        "mean baseline": DummyRegressor(strategy="mean"),
        "linear regression": LinearRegression(),
        "ridge (alpha=1)": make_pipeline(StandardScaler(), Ridge(alpha=1.0)),
    }
    print(f"{'model':20s} {'MSE':>9s} {'RMSE':>7s} {'MAE':>7s} {'R^2':>7s}")
    for name, model in models.items():
        p = model.fit(X_tr, y_tr).predict(X_te)
        mse = mean_squared_error(y_te, p)
        print(f"{name:20s} {mse:9.1f} {np.sqrt(mse):7.2f} {mean_absolute_error(y_te, p):7.2f} {r2_score(y_te, p):7.3f}")
    print("The mean baseline has R^2 close to 0 (exactly 0 only on the data whose mean it predicts).")

    # The same numbers by hand, to see there is no magic.
    p = models["linear regression"].predict(X_te)
    e = y_te - p
    r2 = 1 - np.sum(e**2) / np.sum((y_te - y_te.mean()) ** 2)
    print(f"by hand: MSE {np.mean(e**2):.1f}, MAE {np.mean(np.abs(e)):.2f}, R^2 {r2:.3f}")

    # One gross error: MSE explodes, MAE moves a little. Choose the metric that matches the cost.
    p_bad = p.copy()
    p_bad[0] += 400
    print(f"one prediction off by 400: MSE {mean_squared_error(y_te, p):.0f} -> {mean_squared_error(y_te, p_bad):.0f}, "
          f"MAE {mean_absolute_error(y_te, p):.1f} -> {mean_absolute_error(y_te, p_bad):.1f}")


# ---------------------------------------------------------------------------------------------
# 2. Confusion matrix, precision, recall, F1, and the accuracy paradox
# ---------------------------------------------------------------------------------------------


def demo_classification_metrics() -> None:
    section("2. Confusion matrix, precision, recall, F1 (breast cancer) and the accuracy paradox")
    X_tr, X_va, X_te, y_tr, y_va, y_te = cancer_split()
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    pred = model.predict(X_te)
    cm = confusion_matrix(y_te, pred)
    (tn, fp), (fn, tp) = cm
    print("confusion matrix, rows = truth, columns = prediction (label 1 = benign):\n", cm)
    print(f"TN={tn} FP={fp} FN={fn} TP={tp}")
    print(f"precision = TP/(TP+FP) = {tp}/{tp + fp} = {precision_score(y_te, pred):.4f}")
    print(f"recall    = TP/(TP+FN) = {tp}/{tp + fn} = {recall_score(y_te, pred):.4f}")
    print(f"F1 = {f1_score(y_te, pred):.4f}, accuracy = {accuracy_score(y_te, pred):.4f}")
    print("\nclassification_report (per class, then macro and weighted averages):")
    print(classification_report(y_te, pred, target_names=["malignant", "benign"], digits=3))

    X_tr2, X_te2, y_tr2, y_te2 = imbalanced_split()
    dummy = DummyClassifier(strategy="most_frequent").fit(X_tr2, y_tr2)
    real = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr2, y_tr2)
    print(f"Imbalanced data ({y_te2.mean():.1%} positives):")
    for name, m in (("always 'negative'", dummy), ("logistic regression", real)):
        p = m.predict(X_te2)
        print(f"  {name:20s} accuracy {accuracy_score(y_te2, p):.3f}  recall {recall_score(y_te2, p):.3f}  "
              f"F1 {f1_score(y_te2, p, zero_division=0):.3f}")
    print("Accuracy barely separates the useless model from the real one; recall and F1 do.")


# ---------------------------------------------------------------------------------------------
# 3. Choosing a threshold on the validation set
# ---------------------------------------------------------------------------------------------


def demo_threshold() -> None:
    section("3. Choosing a decision threshold on the VALIDATION set, reporting on the test set")
    X_tr, X_te, y_tr, y_te = imbalanced_split()
    X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.4, stratify=y_tr, random_state=SEED)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    s_va = model.predict_proba(X_va)[:, 1]
    s_te = model.predict_proba(X_te)[:, 1]
    # Requirement from the "business": catch at least 80% of the positives.
    prec, rec, thr = precision_recall_curve(y_va, s_va)
    ok = np.flatnonzero(rec[:-1] >= 0.80)
    best = ok[np.argmax(prec[ok])]         # among thresholds meeting the recall target, the most precise
    t = thr[best]
    print(f"default threshold 0.5: test recall {recall_score(y_te, s_te >= 0.5):.3f}, "
          f"precision {precision_score(y_te, s_te >= 0.5, zero_division=0):.3f}")
    print(f"threshold chosen on validation for recall >= 0.80: t = {t:.4f} "
          f"(validation recall {rec[best]:.3f}, precision {prec[best]:.3f})")
    print(f"the same threshold on the test set: recall {recall_score(y_te, s_te >= t):.3f}, "
          f"precision {precision_score(y_te, s_te >= t):.3f}  <- the honest numbers to report")


# ---------------------------------------------------------------------------------------------
# 4. Log loss
# ---------------------------------------------------------------------------------------------


def demo_log_loss() -> None:
    section("4. Log loss: probabilities are graded, confident mistakes cost the most")
    for p in (0.9, 0.6, 0.5, 0.1, 0.01):
        print(f"  true class 1 predicted with p = {p:<5}: loss -ln p = {-np.log(p):.3f}")
    X_tr, X_va, X_te, y_tr, y_va, y_te = cancer_split()
    for name, m in (("logistic regression", make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))),
                    ("gaussian naive Bayes", GaussianNB())):
        proba = m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
        print(f"{name:22s} accuracy {accuracy_score(y_te, proba >= 0.5):.3f}  log loss {log_loss(y_te, proba):.3f}  "
              f"max single-sample loss {np.max(-np.log(np.where(y_te == 1, proba, 1 - proba).clip(1e-300))):.1f}")
    print("Naive Bayes's log loss is dominated by a few samples it got wrong with near-certainty: accuracy\n"
          "counts each mistake once, log loss charges -ln(probability given to the truth).")
    print(f"sklearn clips to [eps, 1 - eps] with eps = {np.finfo(float).eps:.3g}: log_loss([1], [[1.0, 0.0]], labels=[0, 1]) = "
          f"{log_loss([1], [[1.0, 0.0]], labels=[0, 1]):.2f} = -ln(eps), not infinity")


# ---------------------------------------------------------------------------------------------
# 5. ROC and AUC
# ---------------------------------------------------------------------------------------------


def demo_roc() -> None:
    section("5. ROC curve and AUC, and AUC as P(score of a positive > score of a negative)")
    y = np.array([0, 0, 1, 1])
    s = np.array([0.1, 0.4, 0.35, 0.8])
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    print("toy example: thresholds", thr, "\n             FPR", fpr, "\n             TPR", tpr)
    print(f"             AUC = {roc_auc_score(y, s)} (3 of the 4 positive-negative pairs are ordered correctly)")

    X_tr, X_te, y_tr, y_te = imbalanced_split()
    score = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
    fpr, tpr, thr = roc_curve(y_te, score)
    print(f"imbalanced test set: {len(thr)} ROC points (drop_intermediate=True removes collinear ones); "
          f"trapezoid area {auc(fpr, tpr):.4f} = roc_auc_score {roc_auc_score(y_te, score):.4f}")
    pos, neg = score[y_te == 1], score[y_te == 0]
    u = stats.mannwhitneyu(pos, neg, alternative="greater").statistic
    print(f"Mann-Whitney U / (n_pos * n_neg) = {u:.0f} / ({len(pos)} * {len(neg)}) = {u / (len(pos) * len(neg)):.4f}")
    rng = np.random.default_rng(SEED)
    pairs = np.mean(rng.choice(pos, 200_000) > rng.choice(neg, 200_000))
    print(f"Monte Carlo estimate of P(s_pos > s_neg) from 200,000 random pairs: {pairs:.4f}")
    print(f"AUC after a monotone transform of the scores (logit): {roc_auc_score(y_te, np.log(score / (1 - score))):.4f}")


# ---------------------------------------------------------------------------------------------
# 6. Precision-recall curves and average precision
# ---------------------------------------------------------------------------------------------


def demo_pr() -> None:
    section("6. Precision-recall curve and average precision under class imbalance")
    # One model, one pool of scored test samples; only the share of positives in the test set
    # changes (we keep every negative and subsample the positives). The per-class score
    # distributions stay the same, so the ROC curve stays the same; precision does not.
    X, y = make_classification(n_samples=24000, n_features=12, n_informative=5, class_sep=0.9, random_state=SEED)
    X_tr, X_pool, y_tr, y_pool = train_test_split(X, y, test_size=0.5, stratify=y, random_state=SEED)
    s_pool = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr).predict_proba(X_pool)[:, 1]
    neg, pos = np.flatnonzero(y_pool == 0), np.flatnonzero(y_pool == 1)
    rng = np.random.default_rng(SEED)
    for share in (0.5, 0.1, 0.01):
        n_pos = int(round(share / (1 - share) * len(neg)))
        idx = np.r_[neg, rng.choice(pos, n_pos, replace=False)]
        y_te, s = y_pool[idx], s_pool[idx]
        print(f"positives {y_te.mean():6.1%} ({n_pos:5d} of {len(idx):5d}): ROC AUC {roc_auc_score(y_te, s):.3f}   "
              f"AP {average_precision_score(y_te, s):.3f}   (a random ranking has AP ~ {y_te.mean():.3f})")
    print("Same model, same scores: the ROC AUC does not care how rare positives are; AP falls, because at\n"
          "every threshold the false positives now come from a much larger crowd of negatives.")


# ---------------------------------------------------------------------------------------------
# 7. Calibration
# ---------------------------------------------------------------------------------------------


def calibration_models():
    """Three models on one split: naive Bayes, a random forest, and naive Bayes recalibrated."""
    X, y = make_classification(n_samples=8000, n_features=20, n_informative=4, n_redundant=8,
                               class_sep=0.7, random_state=SEED)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=SEED)
    models = {
        "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "gaussian naive Bayes": GaussianNB(),
        "naive Bayes + isotonic": CalibratedClassifierCV(GaussianNB(), method="isotonic", cv=5),
        "random forest": RandomForestClassifier(n_estimators=100, min_samples_leaf=3, n_jobs=1, random_state=SEED),
    }
    probs = {name: m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1] for name, m in models.items()}
    return y_te, probs


def demo_calibration() -> None:
    section("7. Calibration: reliability bins, Brier score, ECE, and recalibration")
    y_te, probs = calibration_models()
    print(f"{'model':24s} {'AUC':>6s} {'Brier':>7s} {'ECE':>6s} {'log loss':>9s}")
    for name, p in probs.items():
        print(f"{name:24s} {roc_auc_score(y_te, p):6.3f} {brier_score_loss(y_te, p):7.4f} {ece(y_te, p):6.3f} "
              f"{log_loss(y_te, p):9.3f}")
    frac, mean_pred = calibration_curve(y_te, probs["gaussian naive Bayes"], n_bins=5)
    print("naive Bayes reliability bins (mean predicted -> observed frequency):",
          ", ".join(f"{a:.2f}->{b:.2f}" for a, b in zip(mean_pred, frac)))
    print("Isotonic recalibration barely changes the ranking (AUC) but fixes Brier, ECE and log loss.")


# ---------------------------------------------------------------------------------------------
# 8. Comparing two classifiers on the same test set
# ---------------------------------------------------------------------------------------------


def demo_compare() -> None:
    section("8. Is model A really better than model B? McNemar's test and the paired bootstrap")
    X_tr, X_va, X_te, y_tr, y_va, y_te = cancer_split()
    a = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    b = GaussianNB().fit(X_tr, y_tr)
    pa, pb = a.predict(X_te), b.predict(X_te)
    right_a, right_b = pa == y_te, pb == y_te
    n01, n10 = int(np.sum(right_a & ~right_b)), int(np.sum(~right_a & right_b))
    print(f"accuracy A (logistic) {right_a.mean():.4f}, B (naive Bayes) {right_b.mean():.4f} on {len(y_te)} test samples")
    print(f"discordant pairs: b = A right & B wrong = {n01}, c = A wrong & B right = {n10}")
    stat = (abs(n01 - n10) - 1) ** 2 / (n01 + n10)
    print(f"McNemar chi^2 (corrected) = {stat:.3f}, p = {stats.chi2.sf(stat, 1):.4f}; "
          f"exact binomial p = {stats.binomtest(min(n01, n10), n01 + n10, 0.5).pvalue:.4f}")

    rng = np.random.default_rng(SEED)
    idx = rng.integers(0, len(y_te), size=(2000, len(y_te)))
    sa, sb = a.predict_proba(X_te)[:, 1], b.predict_proba(X_te)[:, 1]
    # fast_auc gives the same number as roc_auc_score, without its input validation overhead.
    diffs = np.array([fast_auc(y_te[i], sa[i]) - fast_auc(y_te[i], sb[i]) for i in idx])
    lo, hi = np.quantile(diffs, [0.025, 0.975])
    print(f"AUC A - AUC B = {roc_auc_score(y_te, sa) - roc_auc_score(y_te, sb):+.4f}, paired bootstrap 95% CI "
          f"[{lo:+.4f}, {hi:+.4f}]")
    # The unpaired (wrong) way: resample the two models' test sets independently.
    idx2 = rng.integers(0, len(y_te), size=(2000, len(y_te)))
    unpaired = np.array([fast_auc(y_te[i], sa[i]) - fast_auc(y_te[j], sb[j]) for i, j in zip(idx, idx2)])
    print(f"interval width: paired {hi - lo:.4f}, unpaired {np.diff(np.quantile(unpaired, [0.025, 0.975]))[0]:.4f} "
          "(pairing removes the shared 'hard sample' noise)")
    p_mc = stats.binomtest(min(n01, n10), n01 + n10, 0.5).pvalue
    verdict = "A is better at the 5% level" if p_mc < 0.05 and lo > 0 else "the difference is not established"
    print(f"Verdict on {len(y_te)} test samples: {verdict}. Note how few samples carry the evidence: only the "
          f"{n01 + n10} discordant ones.")


# ---------------------------------------------------------------------------------------------
# 9. Validation sets and cross-validation
# ---------------------------------------------------------------------------------------------


def demo_validation() -> None:
    section("9. Validation sets vs cross-validation; nested CV for an honest estimate of a tuned model")
    X, y = load_breast_cancer(return_X_y=True)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=1000))
    holdout = []
    for seed in range(20):
        X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
        holdout.append(model.fit(X_tr, y_tr).score(X_va, y_va))
    print(f"single 80/20 hold-out, 20 different seeds: accuracy from {min(holdout):.3f} to {max(holdout):.3f} "
          f"(std {np.std(holdout):.3f})")
    cv = StratifiedKFold(5, shuffle=True, random_state=SEED)
    res = cross_validate(model, X, y, cv=cv, scoring=["accuracy", "roc_auc", "neg_log_loss"])
    print(f"5-fold CV: accuracy {res['test_accuracy'].mean():.3f} +- {res['test_accuracy'].std():.3f}, "
          f"AUC {res['test_roc_auc'].mean():.4f}, log loss {-res['test_neg_log_loss'].mean():.3f}")

    # Nested CV: the inner loop tunes C, the outer loop scores the WHOLE tuning procedure.
    inner = GridSearchCV(model, {"logisticregression__C": [0.01, 0.1, 1, 10]}, cv=StratifiedKFold(4))
    outer = cross_val_score(inner, X, y, cv=StratifiedKFold(4, shuffle=True, random_state=1))
    tuned = inner.fit(X, y)
    print(f"best inner CV score after tuning (optimistic): {tuned.best_score_:.4f}")
    print(f"nested CV estimate of the tuned model (honest):  {outer.mean():.4f} +- {outer.std():.4f}")


# ---------------------------------------------------------------------------------------------
# 10. Grid search and random search on a Pipeline with a ColumnTransformer
# ---------------------------------------------------------------------------------------------


def churn_pipeline() -> Pipeline:
    pre = ColumnTransformer([
        ("num", StandardScaler(), ["tenure", "monthly_charges"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["contract", "payment"]),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=2000))])


def demo_search() -> None:
    section("10. Hyperparameter search: GridSearchCV vs RandomizedSearchCV on a ColumnTransformer pipeline")
    frame, y = churn_frame()
    X_tr, X_te, y_tr, y_te = train_test_split(frame, y, test_size=0.25, stratify=y, random_state=SEED)
    print(frame.head(3).to_string())
    cv = StratifiedKFold(4, shuffle=True, random_state=SEED)
    grid = {"clf__C": [0.01, 0.1, 1, 10], "clf__class_weight": [None, "balanced"]}
    t0 = time.perf_counter()
    gs = GridSearchCV(churn_pipeline(), grid, cv=cv, scoring="roc_auc").fit(X_tr, y_tr)
    t_grid = time.perf_counter() - t0
    print(f"grid search: {len(gs.cv_results_['params'])} candidates x 4 folds = "
          f"{4 * len(gs.cv_results_['params'])} fits in {t_grid:.2f} s; best {gs.best_params_}, CV AUC {gs.best_score_:.4f}")
    dist = {"clf__C": stats.loguniform(1e-3, 1e2), "clf__class_weight": [None, "balanced"]}
    rs = RandomizedSearchCV(churn_pipeline(), dist, n_iter=8, cv=cv, scoring="roc_auc", random_state=SEED).fit(X_tr, y_tr)
    print(f"random search: 8 candidates drawn from log-uniform C; best C = {rs.best_params_['clf__C']:.4f}, "
          f"class_weight = {rs.best_params_['clf__class_weight']}, CV AUC {rs.best_score_:.4f}")
    print(f"test AUC of the grid-search winner, computed ONCE at the end: {roc_auc_score(y_te, gs.predict_proba(X_te)[:, 1]):.4f}")
    print("The test rows were never seen by either search: both only got X_tr, and the scaler and encoder are refit "
          "inside every fold because they live in the Pipeline.")


# ---------------------------------------------------------------------------------------------
# 11. Bayesian optimisation in one dimension, from scratch
# ---------------------------------------------------------------------------------------------


def expected_improvement(mu: np.ndarray, sigma: np.ndarray, best: float, xi: float = 0.01) -> np.ndarray:
    """EI for maximisation: E[max(f - best - xi, 0)] under f ~ N(mu, sigma^2)."""
    sigma = np.maximum(sigma, 1e-12)
    z = (mu - best - xi) / sigma
    return (mu - best - xi) * stats.norm.cdf(z) + sigma * stats.norm.pdf(z)


def svc_objective():
    """Cross-validated accuracy of an RBF SVM on a digits subset as a function of log10(gamma)."""
    X, y = load_digits(return_X_y=True)
    X, y = X[:600] / 16.0, y[:600]
    cv = StratifiedKFold(3, shuffle=True, random_state=SEED)

    def f(log_gamma: float) -> float:
        return float(cross_val_score(SVC(C=10, gamma=10.0**log_gamma), X, y, cv=cv).mean())

    return f


def bayes_opt(f, bounds=(-4.0, 1.0), n_init=3, n_iter=7, seed=SEED):
    """A minimal GP + expected-improvement loop; returns the evaluated points and the last GP."""
    rng = np.random.default_rng(seed)
    xs = list(rng.uniform(*bounds, n_init))
    ys = [f(x) for x in xs]
    grid = np.linspace(*bounds, 400)
    kernel = ConstantKernel(1.0, (1e-3, 1e3)) * Matern(length_scale=1.0, length_scale_bounds=(0.05, 20.0), nu=2.5) \
        + WhiteKernel(1e-4, (1e-10, 1e-1))
    gp = None
    for _ in range(n_iter):
        gp = GaussianProcessRegressor(kernel=kernel, normalize_y=True, random_state=seed)
        with warnings.catch_warnings():
            # Fitting the GP's own hyperparameters on 3 to 10 points often ends on a bound of the
            # search box; sklearn then warns. Harmless here, so keep the output readable.
            warnings.simplefilter("ignore", ConvergenceWarning)
            gp.fit(np.array(xs)[:, None], np.array(ys))
        mu, sd = gp.predict(grid[:, None], return_std=True)
        x_next = float(grid[np.argmax(expected_improvement(mu, sd, max(ys)))])
        xs.append(x_next)
        ys.append(f(x_next))
    return np.array(xs), np.array(ys), gp, grid


def demo_bayes_opt() -> None:
    section("11. Bayesian optimisation: a Gaussian-process surrogate + expected improvement")
    f = svc_objective()
    xs, ys, _, _ = bayes_opt(f)
    print("evaluations (log10 gamma -> CV accuracy), 3 random then 7 chosen by EI:")
    print("   " + ", ".join(f"{x:+.2f}->{v:.3f}" for x, v in zip(xs, ys)))
    rng = np.random.default_rng(SEED + 1)
    rand = [f(x) for x in rng.uniform(-4, 1, len(xs))]
    print(f"best after {len(xs)} evaluations: Bayesian optimisation {ys.max():.4f} at log10(gamma) = {xs[np.argmax(ys)]:+.2f}; "
          f"random search {max(rand):.4f}")


# ---------------------------------------------------------------------------------------------
# 12. Saving and loading models, with a version record
# ---------------------------------------------------------------------------------------------


def demo_persistence() -> None:
    section("12. Persistence: pickle, joblib, and a metadata record for versioning")
    X_tr, X_va, X_te, y_tr, y_va, y_te = cancer_split()
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    folder = OUTPUT / "models"
    folder.mkdir(parents=True, exist_ok=True)

    blob = pickle.dumps(model)
    print(f"pickle.dumps: {len(blob) / 1024:.1f} KB; round trip identical: "
          f"{np.array_equal(pickle.loads(blob).predict(X_te), model.predict(X_te))}")

    version = "1.0.0"
    model_path = folder / f"cancer-clf-{version}.joblib"
    joblib.dump(model, model_path, compress=3)  # joblib: efficient for large NumPy arrays, optional compression
    record = {
        "name": "cancer-clf",
        "version": version,
        "created_at": pd.Timestamp.now(tz="UTC").isoformat(),
        "sha256": hashlib.sha256(model_path.read_bytes()).hexdigest(),
        "python_version": platform.python_version(),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "training_data": "sklearn load_breast_cancer, stratified 60% split, random_state=0",
        "features": 30,
        "metrics": {"val_auc": float(roc_auc_score(y_va, model.predict_proba(X_va)[:, 1]))},
    }
    meta_path = folder / f"cancer-clf-{version}.json"
    meta_path.write_text(json.dumps(record, indent=2))
    print(f"saved {model_path.relative_to(HERE)} ({model_path.stat().st_size / 1024:.1f} KB) and "
          f"{meta_path.relative_to(HERE)}")

    loaded_record = json.loads(meta_path.read_text())
    if hashlib.sha256(model_path.read_bytes()).hexdigest() != loaded_record["sha256"]:
        raise RuntimeError("model file changed since it was recorded")   # checked BEFORE unpickling
    if loaded_record["sklearn_version"] != sklearn.__version__:
        warnings.warn("model saved with another scikit-learn version", UserWarning)
    loaded = joblib.load(model_path)
    print(f"loaded after checksum and version checks; predictions identical: "
          f"{np.array_equal(loaded.predict(X_te), model.predict(X_te))}; record metrics {loaded_record['metrics']}")
    versions = ["1.2.0", "1.10.0", "1.9.1"]
    print(f"string sort picks {max(versions)}; numeric sort picks "
          f"{max(versions, key=lambda v: tuple(map(int, v.split('.'))))}")


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def save(fig: plt.Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def figure_roc_pr(folder: Path) -> Path:
    X_tr, X_te, y_tr, y_te = imbalanced_split()
    models = {
        "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "gaussian naive Bayes": GaussianNB(),
    }
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.6))
    for (name, m), color in zip(models.items(), ["#1f77b4", "#d62728"]):
        s = m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
        fpr, tpr, _ = roc_curve(y_te, s)
        prec, rec, _ = precision_recall_curve(y_te, s)
        ax1.plot(fpr, tpr, color=color, lw=2, label=f"{name} (AUC {roc_auc_score(y_te, s):.3f})")
        ax2.step(rec, prec, where="post", color=color, lw=2, label=f"{name} (AP {average_precision_score(y_te, s):.3f})")
    ax1.plot([0, 1], [0, 1], "k--", lw=1, label="random ranking (AUC 0.5)")
    ax1.set(xlabel="false positive rate  FP / N", ylabel="true positive rate (recall)  TP / P",
            title="ROC curve", xlim=(0, 1), ylim=(0, 1.02))
    ax2.axhline(y_te.mean(), color="k", ls="--", lw=1, label=f"random ranking (AP = prevalence {y_te.mean():.3f})")
    ax2.set(xlabel="recall  TP / P", ylabel="precision  TP / (TP + FP)", title="Precision-recall curve",
            xlim=(0, 1), ylim=(0, 1.02))
    for ax in (ax1, ax2):
        ax.legend(loc="lower right" if ax is ax1 else "upper right", fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle(f"The same two models on a test set with {y_te.mean():.0%} positives", fontsize=11)
    fig.tight_layout()
    return save(fig, folder / "roc_pr_curves.png")


def figure_confusion(folder: Path) -> Path:
    X_tr, X_va, X_te, y_tr, y_va, y_te = cancer_split()
    pred = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr).predict(X_te)
    X, y = load_digits(return_X_y=True)
    Xd_tr, Xd_te, yd_tr, yd_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=SEED)
    pd_ = GaussianNB().fit(Xd_tr, yd_tr).predict(Xd_te)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8), gridspec_kw={"width_ratios": [1, 1.35]})
    cm = confusion_matrix(y_te, pred)
    ax1.imshow(cm, cmap="Blues")
    names = [["TN", "FP"], ["FN", "TP"]]
    for i in range(2):
        for j in range(2):
            ax1.text(j, i, f"{names[i][j]}\n{cm[i, j]}", ha="center", va="center", fontsize=14,
                     color="white" if cm[i, j] > cm.max() / 2 else "black")
    ax1.set(xticks=[0, 1], yticks=[0, 1], xticklabels=["0 malignant", "1 benign"], yticklabels=["0 malignant", "1 benign"],
            xlabel="predicted label", ylabel="true label", title="Binary: breast cancer, logistic regression")
    ConfusionMatrixDisplay(confusion_matrix(yd_te, pd_, normalize="true")).plot(
        ax=ax2, cmap="Blues", values_format=".2f", colorbar=False, text_kw={"fontsize": 7})
    ax2.set_title("10 classes: digits, naive Bayes (each row sums to 1 = recall)")
    fig.tight_layout()
    return save(fig, folder / "confusion_matrix.png")


def figure_calibration(folder: Path) -> Path:
    y_te, probs = calibration_models()
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(6.5, 7.2), gridspec_kw={"height_ratios": [3, 1.3]}, sharex=True)
    ax1.plot([0, 1], [0, 1], "k--", lw=1, label="perfectly calibrated")
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"]
    for (name, p), c in zip(probs.items(), colors):
        frac, mean_pred = calibration_curve(y_te, p, n_bins=10)
        ax1.plot(mean_pred, frac, "o-", color=c, lw=1.8, ms=4,
                 label=f"{name} (Brier {brier_score_loss(y_te, p):.3f}, ECE {ece(y_te, p):.3f})")
        ax2.hist(p, bins=20, range=(0, 1), histtype="step", lw=1.6, color=c)
    ax1.set(ylabel="observed frequency of class 1", title="Reliability diagram (10 equal-width bins)",
            xlim=(0, 1), ylim=(0, 1))
    ax1.legend(fontsize=8, loc="upper left")
    ax1.grid(alpha=0.3)
    ax2.set(xlabel="predicted probability of class 1", ylabel="count", yscale="log")
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    return save(fig, folder / "calibration.png")


def figure_search(folder: Path) -> Path:
    # A 2-D objective where only x matters much: grid search tests 3 distinct x values with 9
    # trials, random search tests 9 (Bergstra and Bengio, 2012).
    def f(x, y):
        return np.exp(-((x - 0.63) ** 2) / 0.02) + 0.08 * np.sin(3 * y)

    rng = np.random.default_rng(3)
    g = np.linspace(0.15, 0.85, 3)
    gx, gy = np.meshgrid(g, g)
    rx, ry = rng.uniform(0, 1, 9), rng.uniform(0, 1, 9)
    xx = np.linspace(0, 1, 200)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.9))
    for ax, (px, py), title in zip(axes, [(gx.ravel(), gy.ravel()), (rx, ry)], ["Grid search: 9 trials", "Random search: 9 trials"]):
        X, Y = np.meshgrid(xx, xx)
        ax.contourf(X, Y, f(X, Y), levels=20, cmap="Greens", alpha=0.8)
        ax.scatter(px, py, c="k", s=40, zorder=3)
        best = np.argmax(f(px, py))
        ax.scatter(px[best], py[best], c="#d62728", s=120, marker="*", zorder=4, label=f"best tried: f = {f(px[best], py[best]):.2f}")
        ax.plot(xx, -0.02 + 0.2 * np.exp(-((xx - 0.63) ** 2) / 0.02), color="#1f77b4", lw=2, clip_on=False)
        for x in np.unique(np.round(px, 6)):
            ax.axvline(x, color="k", lw=0.5, alpha=0.4)
        ax.text(0.02, 0.2, "score as a function of the\nimportant hyperparameter", color="#1f77b4", fontsize=8)
        ax.set(xlim=(0, 1), ylim=(-0.05, 1), xlabel="important hyperparameter", ylabel="unimportant hyperparameter",
               title=f"{title}\n{len(np.unique(np.round(px, 6)))} distinct values of the important hyperparameter")
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return save(fig, folder / "search_strategies.png")


def figure_bayes_opt(folder: Path) -> Path:
    f = svc_objective()
    xs, ys, gp, grid = bayes_opt(f, n_iter=4)
    mu, sd = gp.predict(grid[:, None], return_std=True)
    ei = expected_improvement(mu, sd, ys[:-1].max())
    truth = np.array([f(x) for x in np.linspace(-4, 1, 26)])
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(7.5, 6), sharex=True, gridspec_kw={"height_ratios": [2.3, 1]})
    ax1.plot(np.linspace(-4, 1, 26), truth, color="0.6", lw=1, ls=":", label="true CV accuracy (for reference)")
    ax1.plot(grid, mu, color="#1f77b4", lw=2, label="GP posterior mean")
    ax1.fill_between(grid, mu - 2 * sd, mu + 2 * sd, color="#1f77b4", alpha=0.2, label="mean +- 2 sd")
    ax1.scatter(xs[:-1], ys[:-1], c="k", zorder=3, label="evaluated")
    ax1.scatter(xs[-1:], ys[-1:], c="#d62728", marker="*", s=160, zorder=4, label="next point (max EI)")
    ax1.set(ylabel="3-fold CV accuracy", title="Bayesian optimisation of an RBF SVM's gamma (digits)")
    ax1.legend(fontsize=8, loc="lower left")
    ax1.grid(alpha=0.3)
    ax2.plot(grid, ei, color="#2ca02c", lw=2)
    ax2.axvline(xs[-1], color="#d62728", lw=1)
    ax2.set(xlabel="log10(gamma)", ylabel="expected\nimprovement")
    ax2.grid(alpha=0.3)
    fig.tight_layout()
    return save(fig, folder / "bayes_opt.png")


def make_figures(folder: Path) -> None:
    section(f"Figures -> {folder}")
    for make in (figure_roc_pr, figure_confusion, figure_calibration, figure_search, figure_bayes_opt):
        path = make(folder)
        print(f"saved {path} ({path.stat().st_size // 1024} KB)")


def main(argv: list[str]) -> None:
    start = time.perf_counter()
    np.set_printoptions(precision=4, suppress=True)
    demo_regression_metrics()
    demo_classification_metrics()
    demo_threshold()
    demo_log_loss()
    demo_roc()
    demo_pr()
    demo_calibration()
    demo_compare()
    demo_validation()
    demo_search()
    demo_bayes_opt()
    demo_persistence()
    make_figures(FIGURES if "--figures" in argv else OUTPUT)
    print(f"\nDone in {time.perf_counter() - start:.1f} s.")


if __name__ == "__main__":
    main(sys.argv[1:])
