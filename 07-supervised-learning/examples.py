"""Module 07 - Supervised learning: runnable demonstrations.

Run from the repository root or from inside this folder:

    uv run 07-supervised-learning/examples.py            # every section, plots to output/
    uv run 07-supervised-learning/examples.py --figures  # regenerate the figures of theory.md

Each numbered section matches a section of theory.md. The first half of every section is the
idea in a few lines of NumPy (the same maths you implement in exercises.py); the second half is
the scikit-learn way a professional writes it: estimators inside a Pipeline, hyperparameters
chosen by cross-validation on the training data only, one final score on a held-out test set.

Everything is seeded and runs on a CPU in well under 30 seconds. Nothing is downloaded: the data
are scikit-learn's bundled data sets (diabetes, iris, wine, breast_cancer), its generators
(make_moons, make_classification) and a ten-line text corpus written below. No GPU is used or
needed: these are classical models, and scikit-learn runs them on the CPU.
"""
from __future__ import annotations

import os

# One thread per library. The data sets here are tiny, and on a small (or busy) machine the
# OpenMP thread pool of the histogram gradient boosting costs far more than it saves: one
# thread makes the run both faster and reproducible. Must be set before NumPy/scikit-learn load.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import io  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # draw to files, never to a window (works on servers and in CI)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
from matplotlib.colors import ListedColormap  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.datasets import (  # noqa: E402
    load_breast_cancer,
    load_diabetes,
    load_iris,
    load_wine,
    make_classification,
    make_moons,
)
from sklearn.ensemble import (  # noqa: E402
    AdaBoostClassifier,
    BaggingClassifier,
    GradientBoostingClassifier,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
)
from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.linear_model import (  # noqa: E402
    ElasticNet,
    Lasso,
    LassoCV,
    LinearRegression,
    LogisticRegression,
    Ridge,
    RidgeCV,
)
from sklearn.metrics import accuracy_score, mean_squared_error, r2_score  # noqa: E402
from sklearn.model_selection import GridSearchCV, cross_val_score, train_test_split  # noqa: E402
from sklearn.naive_bayes import GaussianNB, MultinomialNB  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler  # noqa: E402
from sklearn.svm import SVC  # noqa: E402
from sklearn.tree import DecisionTreeClassifier, export_text  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "output"  # git-ignored: plots made by a normal run
FIGURES = HERE / "figures"  # committed: the figures embedded in theory.md
SEED = 0


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print("\n" + "=" * 78)
    print(title)
    print("=" * 78)


def save_png(fig: plt.Figure, path: Path) -> None:
    """Save a figure as a small PNG: render, then store it with a 256-colour palette.

    Plots use a handful of colours, so a palette loses nothing visible and makes the file 3-4
    times smaller (the committed figures stay well under 200 KB). Pillow ships with matplotlib.
    """
    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    buffer.seek(0)
    Image.open(buffer).convert("RGB").quantize(colors=256).save(path, optimize=True)


# =============================================================================================
# 1. Linear regression: the closed form, by hand and with scikit-learn
# =============================================================================================


def demo_linear_regression() -> None:
    section("1. Linear regression: simple, multiple, closed form vs scikit-learn")

    # The worked example of theory.md section 2.1: five points, fitted by hand.
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([2.0, 4.0, 5.0, 4.0, 5.0])
    # Slope = Cov(x, y) / Var(x); the line passes through the point of means.
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    intercept = y.mean() - slope * x.mean()
    print(f"simple regression by hand:  y = {intercept:.2f} + {slope:.2f} x   (theory.md: 2.2 + 0.6 x)")
    ss_res = np.sum((y - (intercept + slope * x)) ** 2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    print(f"R^2 = 1 - {ss_res:.2f} / {ss_tot:.2f} = {1 - ss_res / ss_tot:.4f}")

    # Multiple regression on the diabetes data: normal equations with a column of ones.
    X, y = load_diabetes(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=SEED)
    A = np.column_stack([np.ones(len(X_tr)), X_tr])  # the column of ones carries the intercept
    theta = np.linalg.solve(A.T @ A, A.T @ y_tr)  # (A^T A) theta = A^T y
    model = LinearRegression().fit(X_tr, y_tr)
    print("normal equations vs LinearRegression, max |difference in coef|:",
          f"{np.abs(theta[1:] - model.coef_).max():.2e}")
    print(f"intercept: {theta[0]:.4f} (ours) {model.intercept_:.4f} (sklearn)")
    print(f"test R^2 = {r2_score(y_te, model.predict(X_te)):.3f}, "
          f"test RMSE = {np.sqrt(mean_squared_error(y_te, model.predict(X_te))):.1f}")
    # Condition number: why production code prefers lstsq / QR / SVD to forming A^T A.
    print(f"condition number of A: {np.linalg.cond(A):.1f}; of A^T A: {np.linalg.cond(A.T @ A):.1f} "
          "(squared: half the digits lost)")


# =============================================================================================
# 2. Polynomial regression: a linear model on non-linear features
# =============================================================================================


def demo_polynomial() -> None:
    section("2. Polynomial regression: underfitting, a good fit, overfitting")
    rng = np.random.default_rng(SEED)
    x = np.sort(rng.uniform(0, 1, 40))
    y = np.sin(2 * np.pi * x) + rng.normal(scale=0.2, size=x.size)
    x_te = np.linspace(0, 1, 200)
    y_te = np.sin(2 * np.pi * x_te)
    print(f"{'degree':>6} {'train MSE':>10} {'test MSE':>10}   (40 noisy samples of sin(2 pi x))")
    for degree in (1, 3, 9, 15):
        # StandardScaler after PolynomialFeatures keeps x^15 from dwarfing x (conditioning).
        model = make_pipeline(PolynomialFeatures(degree, include_bias=False), StandardScaler(),
                              LinearRegression())
        model.fit(x[:, None], y)
        tr = mean_squared_error(y, model.predict(x[:, None]))
        te = mean_squared_error(y_te, model.predict(x_te[:, None]))
        print(f"{degree:>6} {tr:>10.4f} {te:>10.4f}")
    # The same degree-15 model with a ridge penalty: the wiggles are paid for, so they shrink.
    model = make_pipeline(PolynomialFeatures(15, include_bias=False), StandardScaler(), Ridge(alpha=1e-3))
    model.fit(x[:, None], y)
    print(f"degree 15 + Ridge(alpha=1e-3): test MSE {mean_squared_error(y_te, model.predict(x_te[:, None])):.4f}")


# =============================================================================================
# 3. Ridge, lasso, elastic net
# =============================================================================================


def regularisation_paths(ax_ridge: plt.Axes, ax_lasso: plt.Axes) -> None:
    """Draw the ridge and lasso coefficient paths on standardised diabetes features."""
    data = load_diabetes()
    X = StandardScaler().fit_transform(data.data)
    y = data.target
    ridge_alphas = np.logspace(-2, 4.5, 60)
    lasso_alphas = np.logspace(-2, 1.7, 60)
    ridge = np.array([Ridge(alpha=a).fit(X, y).coef_ for a in ridge_alphas])
    lasso = np.array([Lasso(alpha=a, max_iter=50_000).fit(X, y).coef_ for a in lasso_alphas])
    colors = plt.cm.tab10(np.arange(10))
    for j, name in enumerate(data.feature_names):
        ax_ridge.plot(ridge_alphas, ridge[:, j], color=colors[j], label=name)
        ax_lasso.plot(lasso_alphas, lasso[:, j], color=colors[j], label=name)
    for ax, title in ((ax_ridge, "Ridge: every weight shrinks smoothly towards 0"),
                      (ax_lasso, "Lasso: weights hit exactly 0, one by one")):
        ax.set_xscale("log")
        ax.axhline(0, color="black", lw=0.6)
        ax.set_xlabel("alpha (penalty strength, log scale)")
        ax.set_title(title, fontsize=10)
    ax_ridge.set_ylabel("coefficient (standardised features)")
    ax_lasso.legend(fontsize=7, ncol=2, loc="upper right")


def demo_regularisation(plot_dir: Path) -> None:
    section("3. Ridge (L2), lasso (L1) and elastic net on the diabetes data")
    X, y = load_diabetes(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=SEED)
    # Penalties compare weights with each other, so the features must be on one scale: the
    # scaler lives INSIDE the pipeline, so cross-validation refits it on each training fold.
    models = {
        "OLS": make_pipeline(StandardScaler(), LinearRegression()),
        "RidgeCV": make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25))),
        "LassoCV": make_pipeline(StandardScaler(), LassoCV(cv=5, random_state=SEED)),
        "ElasticNet(a=0.5, l1=0.5)": make_pipeline(StandardScaler(), ElasticNet(alpha=0.5, l1_ratio=0.5)),
    }
    for name, model in models.items():
        model.fit(X_tr, y_tr)
        est = model[-1]
        zeros = int(np.sum(est.coef_ == 0))
        alpha = getattr(est, "alpha_", getattr(est, "alpha", None))
        alpha_text = f"alpha={alpha:.3g}" if alpha is not None else "no penalty"
        print(f"{name:<27} {alpha_text:<14} test R^2 {r2_score(y_te, model.predict(X_te)):.3f}  "
              f"zero weights {zeros}/10")
    # The scale of alpha depends on the library's objective: Ridge uses sum of squares + alpha
    # ||w||^2, Lasso (1/2n) sum of squares + alpha ||w||_1. Same name, different units.
    print("note: Ridge's alpha and Lasso's alpha are on different scales (no 1/n vs 1/(2n)).")

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    regularisation_paths(*axes)
    fig.tight_layout()
    path = plot_dir / "regularisation_paths.png"
    save_png(fig, path)
    print(f"plot saved: {path}")


# =============================================================================================
# 4. Logistic regression
# =============================================================================================


def demo_logistic() -> None:
    section("4. Logistic regression: probabilities, odds ratios, regularisation C")
    data = load_breast_cancer()
    X_tr, X_te, y_tr, y_te = train_test_split(data.data, data.target, test_size=0.25,
                                              stratify=data.target, random_state=SEED)
    for C in (0.01, 1.0, 100.0):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000))
        cv = cross_val_score(model, X_tr, y_tr, cv=5).mean()
        print(f"C={C:<6} 5-fold CV accuracy on the training set: {cv:.3f}")
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)).fit(X_tr, y_tr)
    print(f"chosen C=1.0, held-out accuracy: {model.score(X_te, y_te):.3f}")
    # exp(coef) is the odds ratio for +1 standard deviation of the feature.
    coef = model[-1].coef_[0]
    top = np.argsort(-np.abs(coef))[:3]
    for j in top:
        print(f"  {data.feature_names[j]:<22} coef {coef[j]:+.2f}  odds ratio per +1 sd: {np.exp(coef[j]):.2f}")
    p = model.predict_proba(X_te[:3])[:, 1]
    print("P(benign) for three test tumours:", np.round(p, 3))
    # Multiclass: the softmax (multinomial) version on iris.
    Xi, yi = load_iris(return_X_y=True)
    soft = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(Xi, yi)
    print("iris softmax probabilities of the first flower:", np.round(soft.predict_proba(Xi[:1])[0], 3))


# =============================================================================================
# 5. k-nearest neighbours
# =============================================================================================


def demo_knn() -> None:
    section("5. k-nearest neighbours: why scaling matters, choosing k")
    X, y = load_wine(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=SEED)
    raw = KNeighborsClassifier(5).fit(X_tr, y_tr).score(X_te, y_te)
    scaled = make_pipeline(StandardScaler(), KNeighborsClassifier(5)).fit(X_tr, y_tr).score(X_te, y_te)
    print(f"k=5 without scaling: {raw:.3f}  (proline, in the hundreds, decides every distance)")
    print(f"k=5 with StandardScaler in the pipeline: {scaled:.3f}")
    print(f"feature standard deviations range from {X_tr.std(0).min():.2f} to {X_tr.std(0).max():.0f}")
    search = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()),
                          {"kneighborsclassifier__n_neighbors": [1, 3, 5, 9, 15, 25]}, cv=5)
    search.fit(X_tr, y_tr)
    for k, score in zip([1, 3, 5, 9, 15, 25], search.cv_results_["mean_test_score"]):
        print(f"  k={k:<3} CV accuracy {score:.3f}")
    print(f"best k by CV: {search.best_params_['kneighborsclassifier__n_neighbors']}, "
          f"held-out accuracy {search.score(X_te, y_te):.3f}")


# =============================================================================================
# 6. Support vector machines
# =============================================================================================


def demo_svm() -> None:
    section("6. SVMs: linear vs RBF kernel, C and gamma, support vectors")
    X, y = make_moons(400, noise=0.25, random_state=SEED)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=SEED)
    for name, svc in (("linear, C=1", SVC(kernel="linear", C=1.0)),
                      ("RBF, C=1, gamma=1", SVC(kernel="rbf", C=1.0, gamma=1.0)),
                      ("RBF, C=100, gamma=10", SVC(kernel="rbf", C=100.0, gamma=10.0)),
                      ("RBF, C=0.01, gamma=1", SVC(kernel="rbf", C=0.01, gamma=1.0))):
        model = make_pipeline(StandardScaler(), svc).fit(X_tr, y_tr)
        n_sv = model[-1].n_support_.sum()
        print(f"{name:<22} train {model.score(X_tr, y_tr):.3f}  test {model.score(X_te, y_te):.3f}  "
              f"support vectors {n_sv}/{len(X_tr)}")
    # The kernel trick: an RBF kernel value is a similarity computed without any feature map.
    a, b = X_tr[0], X_tr[1]
    print(f"RBF kernel k(a, b) = exp(-gamma ||a - b||^2) with gamma=1: {np.exp(-np.sum((a - b) ** 2)):.4f}")


# =============================================================================================
# 7. Naive Bayes
# =============================================================================================


def demo_naive_bayes() -> None:
    section("7. Naive Bayes: Gaussian on measurements, multinomial on word counts")
    X, y = load_wine(return_X_y=True)
    scores = cross_val_score(GaussianNB(), X, y, cv=5)
    print(f"GaussianNB on wine, 5-fold CV accuracy: {scores.mean():.3f} (no scaling needed: each "
          "feature gets its own variance)")
    # A ten-message spam filter: the classic use of multinomial naive Bayes.
    texts = [
        "win cash now", "cheap meds win prize", "claim your free prize now", "free cash offer",
        "limited offer win big", "meeting moved to monday", "lunch tomorrow with the team",
        "please review the report", "the deploy finished fine", "monday standup notes",
    ]
    labels = np.array(["spam"] * 5 + ["ham"] * 5)
    model = make_pipeline(CountVectorizer(), MultinomialNB(alpha=1.0)).fit(texts, labels)
    for message in ("free prize monday", "review the deploy notes"):
        proba = model.predict_proba([message])[0]
        print(f"  {message!r:<28} -> {model.predict([message])[0]:<4}  "
              f"P(ham)={proba[0]:.3f} P(spam)={proba[1]:.3f}")
    print("alpha=1.0 is Laplace smoothing: an unseen word does not zero out a class.")


# =============================================================================================
# 8. Decision trees
# =============================================================================================


def demo_trees() -> None:
    section("8. Decision trees: readable rules, depth controls variance")
    data = load_iris()
    tree = DecisionTreeClassifier(max_depth=2, random_state=SEED).fit(data.data, data.target)
    print(export_text(tree, feature_names=list(data.feature_names)))
    X, y = load_breast_cancer(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=SEED)
    print(f"{'max_depth':>9} {'leaves':>7} {'train acc':>10} {'test acc':>9}")
    for depth in (1, 2, 4, 8, None):
        t = DecisionTreeClassifier(max_depth=depth, random_state=SEED).fit(X_tr, y_tr)
        print(f"{str(depth):>9} {t.get_n_leaves():>7} {t.score(X_tr, y_tr):>10.3f} {t.score(X_te, y_te):>9.3f}")
    # Cost-complexity pruning: grow fully, then cut back the branches that buy too little.
    pruned = DecisionTreeClassifier(ccp_alpha=0.01, random_state=SEED).fit(X_tr, y_tr)
    print(f"ccp_alpha=0.01: {pruned.get_n_leaves()} leaves, test accuracy {pruned.score(X_te, y_te):.3f}")


# =============================================================================================
# 9. Ensembles: bagging, random forests, boosting
# =============================================================================================


def demo_ensembles() -> None:
    section("9. Ensembles: bagging, random forest, AdaBoost, gradient boosting")
    X, y = make_classification(1000, 20, n_informative=6, n_redundant=4, flip_y=0.05, random_state=SEED)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=SEED)
    models = {
        "single deep tree": DecisionTreeClassifier(random_state=SEED),
        "bagging (100 trees)": BaggingClassifier(DecisionTreeClassifier(), n_estimators=100,
                                                 random_state=SEED),
        "random forest (100)": RandomForestClassifier(n_estimators=100, oob_score=True, random_state=SEED),
        "AdaBoost (200 stumps)": AdaBoostClassifier(n_estimators=200, random_state=SEED),
        "gradient boosting (200)": GradientBoostingClassifier(n_estimators=200, max_depth=3,
                                                              random_state=SEED),
        "hist gradient boosting": HistGradientBoostingClassifier(random_state=SEED),
    }
    for name, model in models.items():
        start = time.perf_counter()
        model.fit(X_tr, y_tr)
        seconds = time.perf_counter() - start
        print(f"{name:<25} train {model.score(X_tr, y_tr):.3f}  test {model.score(X_te, y_te):.3f}  "
              f"({seconds:.2f} s)")
    print(f"random forest out-of-bag accuracy: {models['random forest (100)'].oob_score_:.3f} "
          "(a free validation estimate from the rows each tree did not see)")
    # Bagging reduces variance: predictions of single trees disagree, their average is stable.
    single = [DecisionTreeClassifier(random_state=s).fit(*_bootstrap(X_tr, y_tr, s)).predict(X_te)
              for s in range(25)]
    print(f"25 bootstrap trees: mean single-tree test accuracy {np.mean([accuracy_score(y_te, p) for p in single]):.3f}, "
          f"majority vote {accuracy_score(y_te, (np.mean(single, axis=0) > 0.5).astype(int)):.3f}")


def _bootstrap(X: np.ndarray, y: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    idx = np.random.default_rng(seed).integers(0, len(X), len(X))  # n draws with replacement
    return X[idx], y[idx]


# =============================================================================================
# 10. The professional way: Pipeline + ColumnTransformer on mixed data
# =============================================================================================


def demo_pipeline() -> None:
    section("10. Pipeline + ColumnTransformer on a mixed table (numbers, categories, gaps)")
    rng = np.random.default_rng(SEED)
    n = 600
    df = pd.DataFrame({
        "cpu_util": rng.uniform(0, 100, n),
        "mem_gb": rng.gamma(4.0, 4.0, n),
        "region": rng.choice(["eu", "us", "ap"], n),
        "tier": rng.choice(["free", "pro", "enterprise"], n, p=[0.6, 0.3, 0.1]),
    })
    logit = 0.05 * (df.cpu_util - 60) + 0.08 * (df.mem_gb - 16) + np.where(df.tier == "free", 0.8, -0.5)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)  # "incident in the next hour"
    df.loc[rng.choice(n, 40, replace=False), "mem_gb"] = np.nan  # missing telemetry
    X_tr, X_te, y_tr, y_te = train_test_split(df, y, test_size=0.25, stratify=y, random_state=SEED)

    numeric, categorical = ["cpu_util", "mem_gb"], ["region", "tier"]
    prep = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])
    # Every learned step (imputer medians, scaler means, one-hot vocabularies, model weights) is
    # fitted on training folds only: GridSearchCV refits the whole pipeline inside each fold.
    logreg = make_pipeline(prep, LogisticRegression(max_iter=1000))
    search = GridSearchCV(logreg, {"logisticregression__C": [0.01, 0.1, 1, 10]}, cv=5).fit(X_tr, y_tr)
    print(f"logistic regression: best C={search.best_params_['logisticregression__C']}, "
          f"CV acc {search.best_score_:.3f}, test acc {search.score(X_te, y_te):.3f}")
    # Histogram gradient boosting handles NaN natively and needs no scaling; categories still
    # need encoding (or its categorical_features option).
    hgb = make_pipeline(
        ColumnTransformer([("num", "passthrough", numeric),
                           ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)]),
        HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05, random_state=SEED),
    )
    cv = cross_val_score(hgb, X_tr, y_tr, cv=5).mean()
    print(f"hist gradient boosting: CV acc {cv:.3f}, test acc {hgb.fit(X_tr, y_tr).score(X_te, y_te):.3f}")
    print("predicting one new row:", search.predict(pd.DataFrame([{"cpu_util": 95.0, "mem_gb": np.nan,
                                                                  "region": "sa", "tier": "free"}])))
    print("(region 'sa' was never seen in training: handle_unknown='ignore' encodes it as all zeros)")


# =============================================================================================
# 11. Which model when: one table
# =============================================================================================


def demo_which_model() -> None:
    section("11. Which model when: the same data, every family, 5-fold CV")
    X, y = load_breast_cancer(return_X_y=True)
    candidates = {
        "logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "KNN (k=7)": make_pipeline(StandardScaler(), KNeighborsClassifier(7)),
        "SVM (RBF)": make_pipeline(StandardScaler(), SVC()),
        "Gaussian naive Bayes": GaussianNB(),
        "decision tree (depth 4)": DecisionTreeClassifier(max_depth=4, random_state=SEED),
        "random forest": RandomForestClassifier(n_estimators=100, random_state=SEED),
        "hist gradient boosting": HistGradientBoostingClassifier(random_state=SEED),
    }
    for name, model in candidates.items():
        scores = cross_val_score(model, X, y, cv=5)
        print(f"{name:<25} {scores.mean():.3f} +/- {scores.std():.3f}")
    print("On a small, clean, numeric table the linear model is as good as anything: start there.")


# =============================================================================================
# Figures for theory.md
# =============================================================================================


def figure_decision_boundaries(path: Path) -> None:
    """Decision regions of six models on the same 2-D data set."""
    X, y = make_moons(300, noise=0.3, random_state=SEED)
    X = StandardScaler().fit_transform(X)
    models = {
        "Logistic regression": LogisticRegression(),
        "KNN (k = 15)": KNeighborsClassifier(15),
        "SVM, RBF kernel": SVC(gamma=1.0, C=1.0),
        "Gaussian naive Bayes": GaussianNB(),
        "Decision tree (depth 5)": DecisionTreeClassifier(max_depth=5, random_state=SEED),
        "Gradient boosting": HistGradientBoostingClassifier(max_depth=3, random_state=SEED),
    }
    xx, yy = np.meshgrid(np.linspace(-2.6, 2.6, 200), np.linspace(-2.6, 2.6, 200))
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    fig, axes = plt.subplots(2, 3, figsize=(11, 7), dpi=100)
    for ax, (name, model) in zip(axes.ravel(), models.items()):
        model.fit(X, y)
        zz = model.predict(grid).reshape(xx.shape)
        # imshow of the predicted class on the grid: the regions, with crisp edges.
        ax.imshow(zz, extent=(-2.6, 2.6, -2.6, 2.6), origin="lower", interpolation="nearest",
                  cmap=ListedColormap(["#c6dbef", "#fdd0a2"]), aspect="auto")
        ax.scatter(X[:, 0], X[:, 1], c=np.where(y == 1, "#e6550d", "#08519c"), s=9, edgecolors="none")
        ax.set_title(f"{name}\ntrain accuracy {model.score(X, y):.2f}", fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle("Decision boundaries on the same two-moons data", fontsize=12)
    fig.tight_layout()
    save_png(fig, path)


def figure_regularisation_paths(path: Path) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    regularisation_paths(*axes)
    fig.tight_layout()
    save_png(fig, path)


def figure_complexity(path: Path) -> None:
    """Train/test error of a tree vs depth, and of two ensembles vs number of trees."""
    X, y = make_classification(1200, 20, n_informative=6, n_redundant=4, flip_y=0.08, random_state=1)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=SEED)
    depths = range(1, 16)
    tree_tr, tree_te = [], []
    for d in depths:
        t = DecisionTreeClassifier(max_depth=d, random_state=SEED).fit(X_tr, y_tr)
        tree_tr.append(1 - t.score(X_tr, y_tr))
        tree_te.append(1 - t.score(X_te, y_te))
    sizes = [1, 2, 5, 10, 20, 50, 100, 200]
    forest = RandomForestClassifier(n_estimators=max(sizes), random_state=SEED).fit(X_tr, y_tr)
    # The error of the first m trees of one forest: average their class probabilities.
    probs = np.cumsum([est.predict_proba(X_te)[:, 1] for est in forest.estimators_], axis=0)
    rf_te = [np.mean((probs[m - 1] / m > 0.5) != y_te) for m in sizes]
    gb = GradientBoostingClassifier(n_estimators=max(sizes), max_depth=2, learning_rate=0.1,
                                    random_state=SEED).fit(X_tr, y_tr)
    gb_te_all = [np.mean(p != y_te) for p in gb.staged_predict(X_te)]
    gb_tr_all = [np.mean(p != y_tr) for p in gb.staged_predict(X_tr)]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    axes[0].plot(depths, tree_tr, "o-", label="train error")
    axes[0].plot(depths, tree_te, "o-", label="test error")
    axes[0].set_xlabel("max_depth of a single decision tree")
    axes[0].set_ylabel("misclassification rate")
    axes[0].set_title("One tree: deeper = lower bias, higher variance", fontsize=10)
    axes[0].legend()
    axes[1].plot(sizes, rf_te, "o-", label="random forest, test")
    axes[1].plot(range(1, max(sizes) + 1), gb_te_all, label="gradient boosting, test")
    axes[1].plot(range(1, max(sizes) + 1), gb_tr_all, "--", label="gradient boosting, train")
    axes[1].axhline(min(tree_te), color="gray", ls=":", label="best single tree, test")
    axes[1].set_xscale("log")
    axes[1].set_xlabel("number of trees (log scale)")
    axes[1].set_title("Ensembles: averaging cuts variance, boosting cuts bias", fontsize=10)
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    save_png(fig, path)


def make_figures(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "decision_boundaries.png", folder / "regularization_paths.png",
             folder / "ensembles_vs_complexity.png"]
    figure_decision_boundaries(paths[0])
    figure_regularisation_paths(paths[1])
    figure_complexity(paths[2])
    return paths


# =============================================================================================


def main(argv: list[str]) -> None:
    np.random.seed(SEED)  # for any library code that still draws from the global generator
    warnings.filterwarnings("ignore", category=FutureWarning)  # keep the output readable
    if "--figures" in argv:
        for path in make_figures(FIGURES):
            print(f"figure written: {path} ({path.stat().st_size // 1024} KB)")
        return
    OUTPUT.mkdir(exist_ok=True)
    start = time.perf_counter()
    demo_linear_regression()
    demo_polynomial()
    demo_regularisation(OUTPUT)
    demo_logistic()
    demo_knn()
    demo_svm()
    demo_naive_bayes()
    demo_trees()
    demo_ensembles()
    demo_pipeline()
    demo_which_model()
    section("Plots")
    path = OUTPUT / "decision_boundaries.png"
    figure_decision_boundaries(path)
    print(f"plot saved: {path}")
    print(f"\nall sections done in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
