"""Module 06 - ML foundations: runnable demonstrations.

Run from the repository root or from this folder::

    uv run 06-ml-foundations/examples.py            # every section; plots go to 06-ml-foundations/output/
    uv run 06-ml-foundations/examples.py --figures  # also regenerate the figures of theory.md

Each section prints a labelled block and matches a section of theory.md. Everything is seeded,
offline (scikit-learn's bundled data sets and generators only) and CPU-only; the whole script
takes a few seconds.
"""
from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: every plot is written to a PNG file
import matplotlib.pyplot as plt  # noqa: E402 - must come after matplotlib.use
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.datasets import (  # noqa: E402
    load_breast_cancer,
    load_diabetes,
    load_digits,
    load_iris,
    make_classification,
)
from sklearn.feature_selection import SelectKBest, f_classif  # noqa: E402
from sklearn.linear_model import (  # noqa: E402
    Lasso,
    LinearRegression,
    LogisticRegression,
    Ridge,
    RidgeCV,
)
from sklearn.metrics import adjusted_rand_score  # noqa: E402
from sklearn.model_selection import (  # noqa: E402
    GridSearchCV,
    KFold,
    LeaveOneOut,
    RepeatedStratifiedKFold,
    StratifiedKFold,
    cross_val_score,
    learning_curve,
    train_test_split,
)
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402
from sklearn.pipeline import Pipeline, make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler  # noqa: E402
from sklearn.semi_supervised import LabelSpreading  # noqa: E402
from sklearn.tree import DecisionTreeClassifier  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "output"    # plots made during a normal run (git-ignored)
FIGURES = HERE / "figures"  # the figures embedded in theory.md (committed)
SEED = 0


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print("\n" + "=" * 78 + f"\n{title}\n" + "=" * 78)


def true_function(x: np.ndarray) -> np.ndarray:
    """The 'unknown' function of the regression demos: one period of a sine."""
    return np.sin(2 * np.pi * x)


def poly_fit_predict(x_train: np.ndarray, y_train: np.ndarray, x_new: np.ndarray, degree: int) -> np.ndarray:
    """Least-squares polynomial of the given degree, fitted on (x_train, y_train), evaluated at x_new."""
    coef, *_ = np.linalg.lstsq(np.vander(x_train, degree + 1, increasing=True), y_train, rcond=None)
    return np.vander(x_new, degree + 1, increasing=True) @ coef


# ---------------------------------------------------------------------------------------------
# 1. What machine learning is: the problem types on real (bundled) data
# ---------------------------------------------------------------------------------------------


def demo_problem_types() -> None:
    section("1. Problem types: supervised, unsupervised, semi-supervised, reinforcement")
    iris_X, iris_y = load_iris(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(iris_X, iris_y, test_size=0.3, stratify=iris_y, random_state=SEED)
    clf = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    print(f"supervised classification (iris, logistic regression): test accuracy {clf.score(X_te, y_te):.3f}")

    dia_X, dia_y = load_diabetes(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(dia_X, dia_y, test_size=0.3, random_state=SEED)
    reg = LinearRegression().fit(X_tr, y_tr)
    print(f"supervised regression (diabetes, linear regression): test R^2 {reg.score(X_te, y_te):.3f}")

    # Unsupervised: k-means never sees the labels; we only use them afterwards to judge the result.
    clusters = KMeans(n_clusters=3, n_init=10, random_state=SEED).fit_predict(StandardScaler().fit_transform(iris_X))
    print(f"unsupervised clustering (iris without labels, k-means): adjusted Rand index vs the true species "
          f"{adjusted_rand_score(iris_y, clusters):.3f} (1 = perfect, 0 = chance)")

    # Semi-supervised: 50 labelled digits and 1,747 unlabelled ones. Label spreading propagates
    # labels along the nearest-neighbour graph of *all* points; the supervised baseline only
    # sees the 50 labelled ones.
    dig_X, dig_y = load_digits(return_X_y=True)
    dig_X = dig_X / 16.0
    rng = np.random.default_rng(SEED)
    labelled = np.zeros(len(dig_y), dtype=bool)
    labelled[rng.choice(len(dig_y), size=50, replace=False)] = True
    partial = np.where(labelled, dig_y, -1)  # -1 marks "no label" for scikit-learn
    spread = LabelSpreading(kernel="knn", n_neighbors=7).fit(dig_X, partial)
    supervised = KNeighborsClassifier(n_neighbors=1).fit(dig_X[labelled], dig_y[labelled])
    print(f"semi-supervised (digits, 50 labels): label spreading accuracy on the unlabelled points "
          f"{np.mean(spread.transduction_[~labelled] == dig_y[~labelled]):.3f} vs 1-NN on the 50 labels only "
          f"{np.mean(supervised.predict(dig_X[~labelled]) == dig_y[~labelled]):.3f}")

    # Reinforcement learning in miniature: a 3-armed bandit. The agent only sees rewards for the
    # actions it takes, and must balance exploring (trying arms) against exploiting (pulling the
    # arm that looks best). Epsilon-greedy explores with probability epsilon.
    p_win = np.array([0.2, 0.5, 0.7])
    estimates, pulls, total = np.zeros(3), np.zeros(3), 0.0
    epsilon, steps = 0.1, 2000
    for _ in range(steps):
        arm = rng.integers(3) if rng.random() < epsilon else int(np.argmax(estimates))
        reward = float(rng.random() < p_win[arm])
        pulls[arm] += 1
        estimates[arm] += (reward - estimates[arm]) / pulls[arm]  # running mean of the arm's rewards
        total += reward
    print(f"reinforcement learning (epsilon-greedy bandit, {steps} steps): average reward {total / steps:.3f} "
          f"(best arm pays 0.7); pulls per arm {pulls.astype(int).tolist()}; estimates {np.round(estimates, 2).tolist()}")


# ---------------------------------------------------------------------------------------------
# 2. Train / validation / test and stratification
# ---------------------------------------------------------------------------------------------


def demo_splits() -> None:
    section("2. Train/validation/test splits and stratification")
    X, y = make_classification(n_samples=300, weights=[0.9, 0.1], flip_y=0, random_state=SEED)
    print(f"imbalanced data: {len(y)} samples, minority share {y.mean():.3f}")
    # Two calls of train_test_split make three parts: 60% train, 20% validation, 20% test.
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.25, stratify=y_tmp, random_state=SEED)
    print(f"three-way split sizes: train {len(y_train)}, validation {len(y_val)}, test {len(y_test)}")
    shares = {True: [], False: []}
    for seed in range(200):
        for strat in (True, False):
            _, _, _, yt = train_test_split(X, y, test_size=0.2, stratify=y if strat else None, random_state=seed)
            shares[strat].append(yt.mean())
    for strat in (False, True):
        s = np.array(shares[strat])
        print(f"minority share in a 60-sample test set over 200 random splits, stratify={strat!s:5}: "
              f"mean {s.mean():.3f}, std {s.std():.4f}, range [{s.min():.3f}, {s.max():.3f}]")


# ---------------------------------------------------------------------------------------------
# 3. Under- and overfitting
# ---------------------------------------------------------------------------------------------


def polynomial_data(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0, 1, n))
    return x, true_function(x) + rng.normal(0, noise, n)


def demo_under_overfitting() -> None:
    section("3. Underfitting and overfitting: polynomial degree")
    x_tr, y_tr = polynomial_data(20, 0.25, seed=1)
    x_va, y_va = polynomial_data(200, 0.25, seed=2)
    print("degree | train MSE | validation MSE")
    best = (np.inf, -1)
    for degree in range(0, 16):
        tr = np.mean((poly_fit_predict(x_tr, y_tr, x_tr, degree) - y_tr) ** 2)
        va = np.mean((poly_fit_predict(x_tr, y_tr, x_va, degree) - y_va) ** 2)
        best = min(best, (va, degree))
        print(f"{degree:6d} | {tr:9.4f} | {va:14.4f}")
    print(f"lowest validation MSE at degree {best[1]} ({best[0]:.4f}); the noise variance is 0.25^2 = 0.0625, "
          "the floor no model can beat")


# ---------------------------------------------------------------------------------------------
# 4. Bias-variance decomposition by simulation
# ---------------------------------------------------------------------------------------------


def bias_variance_table(degrees, n_train=12, noise=0.3, n_datasets=2000, seed=SEED):
    """Simulate many training sets and decompose the expected test error, degree by degree.

    Fixed design (as in exercise 11): the 12 training inputs stay put, every data set draws new
    noise. For each degree, returns bias^2 and variance (averaged over a grid of test points) and
    the test MSE measured directly against fresh noisy targets, so the identity
    E[(y - f_hat)^2] = bias^2 + variance + sigma^2 can be checked numerically.
    """
    rng = np.random.default_rng(seed)
    x_train = np.linspace(0, 1, n_train)
    x_test = np.linspace(0, 1, 101)
    f_test = true_function(x_test)
    # Column r of Y is training set r; one lstsq call fits all of them (same design matrix).
    Y = true_function(x_train)[:, None] + rng.normal(0, noise, size=(n_train, n_datasets))
    Y_test = f_test[:, None] + rng.normal(0, noise, size=(len(x_test), n_datasets))
    bias2, var, mse = [], [], []
    for d in degrees:
        coef, *_ = np.linalg.lstsq(np.vander(x_train, d + 1, increasing=True), Y, rcond=None)
        preds = np.vander(x_test, d + 1, increasing=True) @ coef  # (n_test, n_datasets)
        mean_pred = preds.mean(axis=1)                            # average over data sets
        bias2.append(np.mean((mean_pred - f_test) ** 2))
        var.append(np.mean(preds.var(axis=1)))
        mse.append(np.mean((Y_test - preds) ** 2))
    return np.array(bias2), np.array(var), np.array(mse)


def demo_bias_variance() -> None:
    section("4. Bias-variance decomposition by simulation (2000 training sets of 12 points, sigma = 0.3)")
    degrees = list(range(0, 11))
    bias2, var, mse = bias_variance_table(degrees)
    noise_var = 0.3**2
    print("degree |   bias^2 | variance | bias^2+var+sigma^2 | measured test MSE")
    for d, b, v, m in zip(degrees, bias2, var, mse):
        print(f"{d:6d} | {b:8.4f} | {v:8.4f} | {b + v + noise_var:18.4f} | {m:17.4f}")
    print("The last two columns agree up to Monte Carlo error: the decomposition is an identity, not an\n"
          "approximation. Bias falls and variance rises with the degree; their sum is smallest at degree 3.\n"
          "(Degrees come in pairs with equal bias: sin(2 pi x) is odd around x = 1/2, so an extra even\n"
          "power cannot reduce the bias.)")


# ---------------------------------------------------------------------------------------------
# 5. Cross-validation
# ---------------------------------------------------------------------------------------------


def demo_cross_validation() -> None:
    section("5. Cross-validation: K-fold, stratified, leave-one-out")
    iris_X, iris_y = load_iris(return_X_y=True)  # sorted by class: 50 setosa, 50 versicolor, 50 virginica
    model = LogisticRegression(max_iter=1000)
    unshuffled = cross_val_score(model, iris_X, iris_y, cv=KFold(3))
    print(f"iris, KFold(3) WITHOUT shuffling: fold accuracies {np.round(unshuffled, 3).tolist()}: each test fold "
          "is a class the model never saw")
    shuffled = cross_val_score(model, iris_X, iris_y, cv=KFold(3, shuffle=True, random_state=SEED))
    stratified = cross_val_score(model, iris_X, iris_y, cv=StratifiedKFold(3))
    print(f"iris, KFold(3, shuffle=True):  {np.round(shuffled, 3).tolist()}")
    print(f"iris, StratifiedKFold(3):      {np.round(stratified, 3).tolist()}")

    dia_X, dia_y = load_diabetes(return_X_y=True)
    ridge = Ridge(alpha=0.1)
    for name, cv in (("5-fold", KFold(5, shuffle=True, random_state=SEED)),
                     ("10-fold", KFold(10, shuffle=True, random_state=SEED))):
        scores = -cross_val_score(ridge, dia_X, dia_y, cv=cv, scoring="neg_mean_squared_error")
        print(f"diabetes, Ridge(0.1), {name:8}: MSE {scores.mean():7.1f} +/- {scores.std(ddof=1) / np.sqrt(len(scores)):5.1f} "
              f"(mean +/- standard error over folds)")
    # Leave-one-out on the first 200 patients: 200 refits by brute force, or one fit with the
    # leverage shortcut of theory.md (RidgeCV uses it). Same number, very different cost.
    Xs, ys = dia_X[:200], dia_y[:200]
    start = time.perf_counter()
    loo = -cross_val_score(ridge, Xs, ys, cv=LeaveOneOut(), scoring="neg_mean_squared_error")
    brute = time.perf_counter() - start
    start = time.perf_counter()
    fast = RidgeCV(alphas=[0.1], store_cv_results=True).fit(Xs, ys)
    shortcut = time.perf_counter() - start
    print(f"diabetes[:200], Ridge(0.1), LOO by {len(ys)} refits: MSE {loo.mean():.2f} in {brute:.2f} s; "
          f"RidgeCV's leverage shortcut: {fast.cv_results_.mean():.2f} in {shortcut:.3f} s")

    cancer_X, cancer_y = load_breast_cancer(return_X_y=True)
    # liblinear is the fastest solver for small binary problems like this one.
    pipe = make_pipeline(StandardScaler(), LogisticRegression(solver="liblinear"))
    outer = []
    for seed in range(5):
        outer.append(cross_val_score(pipe, cancer_X, cancer_y, cv=StratifiedKFold(5, shuffle=True, random_state=seed)).mean())
    print(f"breast cancer, scaler + logistic regression, 5 repetitions of stratified 5-fold: mean accuracies "
          f"{np.round(outer, 4).tolist()}: the CV estimate itself varies with the split")


# ---------------------------------------------------------------------------------------------
# 6. Learning curves
# ---------------------------------------------------------------------------------------------


def demo_learning_curves() -> None:
    section("6. Learning curves (scikit-learn's learning_curve, 5-fold CV)")
    X, y = load_digits(return_X_y=True)
    sizes = np.array([0.1, 0.25, 0.5, 0.75, 1.0])
    for name, model in (("decision tree of depth 3 (too constrained)", DecisionTreeClassifier(max_depth=3, random_state=SEED)),
                        ("unpruned decision tree (flexible)", DecisionTreeClassifier(random_state=SEED))):
        n, tr, va = learning_curve(model, X, y, train_sizes=sizes, cv=StratifiedKFold(5, shuffle=True, random_state=SEED))
        print(f"{name}:")
        for k in range(len(n)):
            print(f"   n = {n[k]:4d}: train accuracy {tr[k].mean():.3f}, validation accuracy {va[k].mean():.3f}")
    print("Depth-3 tree: both curves flat and close together at a low value (high bias: more data will not\n"
          "help, a more flexible model would). Unpruned tree: perfect training accuracy, validation still\n"
          "rising (a variance-dominated model: more data helps).")


# ---------------------------------------------------------------------------------------------
# 7. Regularization
# ---------------------------------------------------------------------------------------------


def demo_regularization() -> None:
    section("7. Regularization: ridge path, choosing alpha, lasso sparsity")
    X, y = load_diabetes(return_X_y=True)
    # Degree-2 features turn 10 inputs into 65 correlated ones: plenty of room to overfit.
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=SEED)
    expand = make_pipeline(PolynomialFeatures(2, include_bias=False), StandardScaler())
    Z_tr = expand.fit_transform(X_tr)  # fitted on the training rows only
    Z_te = expand.transform(X_te)
    print("alpha     | ||w||_2  | train MSE | test MSE")
    for alpha in (1e-6, 1e-2, 1.0, 10.0, 100.0, 1e4):
        m = Ridge(alpha=alpha).fit(Z_tr, y_tr)
        print(f"{alpha:9.0e} | {np.linalg.norm(m.coef_):8.1f} | {np.mean((m.predict(Z_tr) - y_tr) ** 2):9.1f} | "
              f"{np.mean((m.predict(Z_te) - y_te) ** 2):8.1f}")
    alphas = np.logspace(-3, 4, 30)
    chosen = RidgeCV(alphas=alphas).fit(Z_tr, y_tr)  # efficient leave-one-out over all alphas
    print(f"RidgeCV (leave-one-out on the training set) picks alpha = {chosen.alpha_:.3g}; "
          f"test MSE {np.mean((chosen.predict(Z_te) - y_te) ** 2):.1f}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small alphas converge slowly; irrelevant for the count
        for alpha in (0.1, 1.0, 5.0):
            lasso = Lasso(alpha=alpha, max_iter=20000).fit(Z_tr, y_tr)
            print(f"Lasso(alpha={alpha}): {np.sum(lasso.coef_ != 0)} of {Z_tr.shape[1]} coefficients non-zero, "
                  f"test MSE {np.mean((lasso.predict(Z_te) - y_te) ** 2):.1f}")


# ---------------------------------------------------------------------------------------------
# 8. Data leakage
# ---------------------------------------------------------------------------------------------


def demo_leakage() -> None:
    section("8. Data leakage: four ways to fool yourself")
    rng = np.random.default_rng(SEED)
    # (a) Feature selection before CV. Pure noise: 50 samples, 2000 random features, random labels.
    X = rng.normal(size=(50, 2000))
    y = rng.integers(0, 2, 50)
    # 10 repetitions of 5-fold CV, so the honest estimate is not itself a noisy 50-sample number.
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=10, random_state=SEED)
    X_selected = SelectKBest(f_classif, k=20).fit_transform(X, y)  # looked at ALL labels
    wrong = cross_val_score(LogisticRegression(solver="liblinear"), X_selected, y, cv=cv).mean()
    right = cross_val_score(make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(solver="liblinear")),
                            X, y, cv=cv).mean()
    print(f"(a) random labels, features selected on all data then CV: accuracy {wrong:.2f}; "
          f"selection inside the CV pipeline: {right:.2f} (chance is 0.50)")

    # (b) Duplicates across the split: oversampling or augmenting BEFORE splitting.
    Xc, yc = make_classification(n_samples=400, n_features=20, n_informative=5, flip_y=0.1, random_state=SEED)
    X_dup = np.vstack([Xc, Xc[:200]])
    y_dup = np.concatenate([yc, yc[:200]])
    honest = cross_val_score(KNeighborsClassifier(1), Xc, yc, cv=KFold(5, shuffle=True, random_state=SEED)).mean()
    leaky = cross_val_score(KNeighborsClassifier(1), X_dup, y_dup, cv=KFold(5, shuffle=True, random_state=SEED)).mean()
    print(f"(b) 1-NN, honest CV accuracy {honest:.3f}; after duplicating half the rows before splitting {leaky:.3f}")

    # (c) Target leakage: a feature computed from the label (e.g. 'refund issued' to predict 'fraud').
    leak_feature = yc + rng.normal(0, 0.1, len(yc))
    with_leak = cross_val_score(LogisticRegression(solver="liblinear"), np.column_stack([Xc, leak_feature]), yc, cv=5).mean()
    without = cross_val_score(LogisticRegression(solver="liblinear"), Xc, yc, cv=5).mean()
    print(f"(c) a feature derived from the target: CV accuracy {with_leak:.3f} (useless in production, where it "
          f"is not known yet) vs {without:.3f} without it")

    # (d) Scaling on all data before CV: usually a small effect, but the habit is what matters.
    Xs, ys = load_breast_cancer(return_X_y=True)
    cv = StratifiedKFold(5, shuffle=True, random_state=SEED)
    leaky_scaled = cross_val_score(KNeighborsClassifier(5), StandardScaler().fit_transform(Xs), ys, cv=cv).mean()
    pipe_scaled = cross_val_score(make_pipeline(StandardScaler(), KNeighborsClassifier(5)), Xs, ys, cv=cv).mean()
    print(f"(d) breast cancer, KNN: scaler fitted on all rows {leaky_scaled:.4f}; scaler inside the pipeline "
          f"{pipe_scaled:.4f}.\n    A mean and a standard deviation leak very little, so the numbers barely move (here not at\n"
          "    all). The habit is what matters: the same mistake with feature selection (a), oversampling (b)\n"
          "    or target encoding is large. Put every fitted step inside the Pipeline.")


# ---------------------------------------------------------------------------------------------
# 9. The professional way: Pipeline + ColumnTransformer + CV-based tuning
# ---------------------------------------------------------------------------------------------


def demo_pipeline() -> None:
    section("9. Pipeline + ColumnTransformer + GridSearchCV, with an untouched test set")
    X, y = load_breast_cancer(return_X_y=True, as_frame=True)
    df = X.iloc[:, :6].copy()
    # Invent a categorical column so the ColumnTransformer has something to one-hot encode.
    df["clinic"] = np.random.default_rng(SEED).choice(["north", "south", "east"], size=len(df))
    numeric = list(df.columns[:6])
    pre = ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["clinic"]),
    ])
    pipe = Pipeline([("pre", pre), ("clf", LogisticRegression(solver="liblinear"))])
    X_tr, X_te, y_tr, y_te = train_test_split(df, y, test_size=0.25, stratify=y, random_state=SEED)
    search = GridSearchCV(pipe, {"clf__C": [0.01, 0.1, 1.0, 10.0]}, cv=StratifiedKFold(5, shuffle=True, random_state=SEED))
    search.fit(X_tr, y_tr)  # every CV fit refits the scaler and encoder on its own training folds
    print(f"best C = {search.best_params_['clf__C']}, CV accuracy of the best setting {search.best_score_:.4f} "
          "(slightly optimistic: it was the maximum of 4)")
    print(f"test accuracy, measured once at the very end: {search.score(X_te, y_te):.4f}")
    # Nested CV: the outer loop scores the *whole procedure*, tuning included.
    nested = cross_val_score(search, X_tr, y_tr, cv=StratifiedKFold(3, shuffle=True, random_state=1))
    print(f"nested CV estimate of the tuned pipeline: {nested.mean():.4f} +/- {nested.std():.4f}")


# ---------------------------------------------------------------------------------------------
# 10. No free lunch
# ---------------------------------------------------------------------------------------------


def demo_no_free_lunch() -> None:
    section("10. No free lunch: the ranking of models depends on the problem")
    rng = np.random.default_rng(SEED)
    X = rng.uniform(-1, 1, size=(400, 2))
    problems = {
        "linear boundary (x1 + x2 > 0)": (X[:, 0] + X[:, 1] + rng.normal(0, 0.2, 400) > 0).astype(int),
        "checkerboard (XOR of signs)": ((X[:, 0] > 0) ^ (X[:, 1] > 0)).astype(int),
    }
    models = {
        "logistic regression": LogisticRegression(solver="liblinear"),
        "decision tree (depth 4)": DecisionTreeClassifier(max_depth=4, random_state=SEED),
        "5-nearest neighbours": KNeighborsClassifier(5),
    }
    cv = StratifiedKFold(5, shuffle=True, random_state=SEED)
    for pname, y in problems.items():
        results = {m: cross_val_score(model, X, y, cv=cv).mean() for m, model in models.items()}
        row = ", ".join(f"{m} {s:.3f}" for m, s in results.items())
        print(f"{pname}: {row}")
    print("Logistic regression is near the top on the linear problem and at chance on the checkerboard:\n"
          "its assumption (a linear boundary) is a gift on one problem and a handicap on the other.")


# ---------------------------------------------------------------------------------------------
# Figures (theory.md embeds the ones written with --figures)
# ---------------------------------------------------------------------------------------------


def figure_under_overfitting(folder: Path) -> Path:
    x_tr, y_tr = polynomial_data(20, 0.25, seed=1)
    x_va, y_va = polynomial_data(200, 0.25, seed=2)
    grid = np.linspace(0, 1, 400)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True)
    for ax, degree, label in zip(axes, (1, 4, 15), ("underfit", "about right", "overfit")):
        tr = np.mean((poly_fit_predict(x_tr, y_tr, x_tr, degree) - y_tr) ** 2)
        va = np.mean((poly_fit_predict(x_tr, y_tr, x_va, degree) - y_va) ** 2)
        ax.plot(grid, true_function(grid), color="0.6", lw=2, ls="--", label="true f(x)")
        ax.plot(grid, poly_fit_predict(x_tr, y_tr, grid, degree), color="C3", lw=2, label=f"degree {degree} fit")
        ax.scatter(x_tr, y_tr, color="C0", s=22, zorder=3, label="20 training points")
        ax.set_title(f"degree {degree} ({label})\ntrain MSE {tr:.3f}, validation MSE {va:.3f}", fontsize=10)
        ax.set_ylim(-2, 2)
        ax.set_xlabel("x")
    axes[0].set_ylabel("y")
    axes[0].legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    return save(fig, folder / "underfit_overfit.png")


def figure_bias_variance(folder: Path) -> Path:
    degrees = list(range(0, 11))
    bias2, var, mse = bias_variance_table(degrees)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(degrees, bias2, "o-", color="C0", label="bias$^2$")
    ax.plot(degrees, var, "s-", color="C1", label="variance")
    ax.axhline(0.09, color="0.5", ls=":", label=r"noise $\sigma^2 = 0.09$ (irreducible)")
    ax.plot(degrees, bias2 + var + 0.09, "-", color="C3", lw=2, label=r"bias$^2$ + variance + $\sigma^2$")
    ax.plot(degrees, mse, "x", color="k", ms=8, label="measured test MSE")
    best = int(np.argmin(mse))
    ax.axvline(degrees[best], color="C2", ls="--", lw=1)
    ax.text(degrees[best] + 0.15, 0.42, "best trade-off", color="C2", fontsize=9)
    ax.set_ylim(0, 0.65)
    ax.set_xticks(degrees)
    ax.set_xlabel("polynomial degree (model complexity)")
    ax.set_ylabel("error at a new point, averaged over x")
    ax.set_title("Bias-variance trade-off: 2000 training sets of 12 points, f(x) = sin(2$\\pi$x)", fontsize=10)
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return save(fig, folder / "bias_variance.png")


def figure_learning_curves(folder: Path) -> Path:
    rng = np.random.default_rng(SEED)
    sizes = np.array([10, 12, 15, 20, 30, 40, 60, 80, 120, 160, 240])
    x_va = np.linspace(0.01, 0.99, 300)
    y_va_clean = true_function(x_va)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=True)
    for ax, degree, label in zip(axes, (1, 7), ("degree 1: high bias", "degree 7: high variance at small n")):
        tr_curve, va_curve = np.zeros(len(sizes)), np.zeros(len(sizes))
        repeats = 100
        for _ in range(repeats):
            x = rng.uniform(0, 1, sizes[-1])
            y = true_function(x) + rng.normal(0, 0.3, sizes[-1])
            y_va = y_va_clean + rng.normal(0, 0.3, len(x_va))
            for k, n in enumerate(sizes):
                tr_curve[k] += np.mean((poly_fit_predict(x[:n], y[:n], x[:n], degree) - y[:n]) ** 2) / repeats
                va_curve[k] += np.mean((poly_fit_predict(x[:n], y[:n], x_va, degree) - y_va) ** 2) / repeats
        ax.plot(sizes, tr_curve, "o-", color="C0", label="training MSE")
        ax.plot(sizes, va_curve, "s-", color="C1", label="validation MSE")
        ax.axhline(0.09, color="0.5", ls=":", label=r"noise floor $\sigma^2$")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_ylim(0.01, 10)
        ax.set_xlabel("training-set size n (log scale)")
        ax.set_title(label, fontsize=10)
    axes[0].set_ylabel("MSE (log scale), mean of 100 runs")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return save(fig, folder / "learning_curves.png")


def figure_ridge_path(folder: Path) -> Path:
    X, y = load_diabetes(return_X_y=True, scaled=False)
    names = load_diabetes().feature_names
    Xs = StandardScaler().fit_transform(X)
    alphas = np.logspace(-2, 5, 60)
    coefs = np.array([Ridge(alpha=a).fit(Xs, y).coef_ for a in alphas])
    cv_mse = [-cross_val_score(Ridge(alpha=a), Xs, y, cv=KFold(10, shuffle=True, random_state=SEED),
                               scoring="neg_mean_squared_error").mean() for a in alphas[::3]]
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.9))
    for j in range(coefs.shape[1]):
        axes[0].plot(alphas, coefs[:, j], lw=1.5, label=names[j])
    axes[0].axhline(0, color="k", lw=0.5)
    axes[0].set_xscale("log")
    axes[0].set_xlabel(r"$\alpha$ (log scale)")
    axes[0].set_ylabel("coefficient (standardized features)")
    axes[0].set_title("Ridge path on diabetes: coefficients shrink toward 0", fontsize=10)
    axes[0].legend(fontsize=7, ncol=2)
    axes[1].plot(alphas[::3], cv_mse, "o-", color="C3")
    best = alphas[::3][int(np.argmin(cv_mse))]
    axes[1].axvline(best, color="C2", ls="--", lw=1)
    axes[1].set_xscale("log")
    axes[1].set_xlabel(r"$\alpha$ (log scale)")
    axes[1].set_ylabel("10-fold CV MSE")
    axes[1].set_title(rf"Validation curve: best $\alpha \approx$ {best:.3g}", fontsize=10)
    fig.tight_layout()
    return save(fig, folder / "ridge_path.png")


def figure_cv_schemes(folder: Path) -> Path:
    y = np.repeat([0, 1, 2], [10, 6, 4])  # 20 samples, imbalanced, sorted by class
    schemes = [
        ("KFold(4), no shuffle", list(KFold(4).split(y))),
        ("KFold(4, shuffle=True)", list(KFold(4, shuffle=True, random_state=SEED).split(y))),
        ("StratifiedKFold(4)", list(StratifiedKFold(4).split(y, y))),
        ("LeaveOneOut (first 6 of 20 splits)", list(LeaveOneOut().split(y))[:6]),
    ]
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.0), gridspec_kw={"width_ratios": [4, 4, 4, 6]})
    for ax, (title, splits) in zip(axes, schemes):
        grid = np.zeros((len(splits) + 1, len(y)))
        for i, (_, test) in enumerate(splits):
            grid[i, test] = 1
        grid[-1] = 2 + y  # last row: the class of each sample
        cmap = matplotlib.colors.ListedColormap(["#9ecae1", "#de2d26", "#fdd0a2", "#fd8d3c", "#a63603"])
        ax.imshow(grid, aspect="auto", cmap=cmap, vmin=0, vmax=4, interpolation="nearest")
        ax.set_yticks(range(len(splits) + 1))
        ax.set_yticklabels([f"split {i}" for i in range(len(splits))] + ["class"], fontsize=8)
        ax.set_xticks([0, 10, 16, 19])
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlabel("sample index", fontsize=8)
        ax.set_title(title, fontsize=9)
    fig.suptitle("Cross-validation schemes: red = test fold, blue = training; bottom row = class of each sample "
                 "(10 / 6 / 4)", fontsize=10)
    fig.tight_layout()
    return save(fig, folder / "cv_schemes.png")


def save(fig: plt.Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def make_figures(folder: Path) -> None:
    section(f"Figures -> {folder}")
    for make in (figure_under_overfitting, figure_bias_variance, figure_learning_curves,
                 figure_ridge_path, figure_cv_schemes):
        path = make(folder)
        print(f"saved {path} ({path.stat().st_size // 1024} KB)")


def main(argv: list[str]) -> None:
    start = time.perf_counter()
    np.set_printoptions(precision=4, suppress=True)
    demo_problem_types()
    demo_splits()
    demo_under_overfitting()
    demo_bias_variance()
    demo_cross_validation()
    demo_learning_curves()
    demo_regularization()
    demo_leakage()
    demo_pipeline()
    demo_no_free_lunch()
    make_figures(FIGURES if "--figures" in argv else OUTPUT)
    print(f"\nDone in {time.perf_counter() - start:.1f} s.")


if __name__ == "__main__":
    main(sys.argv[1:])
