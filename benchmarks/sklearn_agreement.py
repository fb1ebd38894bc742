"""How closely the reference solutions of modules 06-10 agree with scikit-learn, measured.

The hidden suites only say "within tolerance"; this prints the actual gap for every from-scratch
model a suite compares with scikit-learn (max |difference| of coefficients, predictions or
metric values; identical labels or partitions), on the data and with the reference calls the
suites use (grader/suites/NN-slug/test_*.py). About 10 s; nothing is written.

    OMP_NUM_THREADS=1 uv run python benchmarks/sklearn_agreement.py
"""
from __future__ import annotations

import importlib.util
import sys
import time
import warnings

import numpy as np

warnings.filterwarnings("ignore")
sys.dont_write_bytecode = True  # never write __pycache__ into the repository

ROOT = str(__import__("pathlib").Path(__file__).resolve().parents[1])


def load(folder: str):
    spec = importlib.util.spec_from_file_location(f"sol_{folder[:2]}", f"{ROOT}/{folder}/solutions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def mad(a, b) -> float:
    """max |a - b| over finite entries (NaN positions must match; otherwise inf)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        return float("inf")
    na, nb = np.isnan(a), np.isnan(b)
    if (na != nb).any():
        return float("inf")
    if (~na).sum() == 0:
        return 0.0
    return float(np.max(np.abs(a[~na] - b[~na])))


def rel(a, b) -> float:
    """max |a - b| / |b| over entries with b != 0."""
    a = np.asarray(a, dtype=float).ravel()
    b = np.asarray(b, dtype=float).ravel()
    ok = np.isfinite(b) & (b != 0)
    return float(np.max(np.abs(a[ok] - b[ok]) / np.abs(b[ok]))) if ok.any() else 0.0


def same(a, b) -> str:
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        return f"SHAPE {a.shape} vs {b.shape}"
    n = int((a == b).sum())
    return "identical" if n == a.size else f"{n}/{a.size} equal"


def out(module, exercise, text):
    print(f"{module} | {exercise} | {text}", flush=True)


def f(x: float) -> str:
    return "0" if x == 0 else f"{x:.1e}"


# =============================================================================================
def m06():
    from sklearn import model_selection as skms
    from sklearn.datasets import load_diabetes, load_iris
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.metrics import accuracy_score, mean_squared_error, r2_score
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    s = load("06-ml-foundations")
    M = "06"
    Xi, yi = load_iris(return_X_y=True)
    Xd, yd = load_diabetes(return_X_y=True)

    x = np.random.default_rng(0).uniform(-2, 2, 7)
    want = PolynomialFeatures(degree=5).fit_transform(x[:, None])
    out(M, "polynomial_features", f"max rel diff {f(rel(s.polynomial_features(x, 5), want))}")

    rng = np.random.default_rng(11)
    Xtr = rng.normal(loc=[0.0, 10.0, -5.0, 100.0], scale=[1.0, 0.1, 3.0, 40.0], size=(6, 4))
    Xte = rng.normal(loc=[2.0, 12.0, -1.0, 150.0], scale=[1.0, 0.5, 3.0, 40.0], size=(3, 4))
    a, b = s.standardize_with_train_stats(Xtr.copy(), Xte.copy())
    sc = StandardScaler().fit(Xtr)
    out(M, "standardize_with_train_stats",
        f"max|d| train {f(mad(a, sc.transform(Xtr)))}, test {f(mad(b, sc.transform(Xte)))}")

    nf, tot = 0, 0
    for n, k in ((10, 5), (10, 3), (7, 3), (23, 4), (6, 6)):
        for (tr, te), (etr, ete) in zip(s.kfold_indices(n, k), skms.KFold(k).split(np.zeros(n))):
            tot += 1
            nf += np.array_equal(np.sort(te), ete) and np.array_equal(np.sort(tr), etr)
    for n, k, seed in ((20, 4, 0), (17, 5, 42)):
        for (tr, te), (etr, ete) in zip(s.kfold_indices(n, k, True, seed),
                                        skms.KFold(k, shuffle=True, random_state=seed).split(np.zeros(n))):
            tot += 1
            nf += np.array_equal(np.sort(te), np.sort(ete)) and np.array_equal(np.sort(tr), np.sort(etr))
    out(M, "kfold_indices", f"{nf}/{tot} folds identical (7 configs incl. 2 shuffled)")

    rng = np.random.default_rng(2)
    cases = [(yi, 5), (rng.permutation(np.repeat([0, 1, 2], [25, 10, 5])), 4), (rng.integers(0, 3, 30), 3),
             (rng.permutation(np.repeat([0, 1], [48, 7])), 5), (np.array(["b"] * 7 + ["a"] * 5), 3),
             (np.array(["spam", "ham", "ham", "spam", "eggs", "ham", "eggs", "spam", "ham", "ham", "spam", "eggs"]), 2)]
    nf, tot = 0, 0
    for y, k in cases:
        for (tr, te), (etr, ete) in zip(s.stratified_kfold_indices(y, k),
                                        skms.StratifiedKFold(k).split(np.zeros(len(y)), y)):
            tot += 1
            nf += np.array_equal(np.sort(te), np.sort(ete)) and np.array_equal(np.sort(tr), np.sort(etr))
    out(M, "stratified_kfold_indices", f"{nf}/{tot} folds identical (6 label vectors)")

    folds = list(skms.StratifiedKFold(5, shuffle=True, random_state=0).split(Xi, yi))
    d1 = mad(s.cross_val_score(KNeighborsClassifier(15), Xi, yi, folds, accuracy_score),
             skms.cross_val_score(KNeighborsClassifier(15), Xi, yi, cv=folds, scoring="accuracy"))
    folds = list(skms.KFold(3).split(Xd[:150]))
    d2 = mad(s.cross_val_score(Ridge(1.0), Xd[:150], yd[:150], folds, r2_score),
             skms.cross_val_score(Ridge(1.0), Xd[:150], yd[:150], cv=folds, scoring="r2"))
    Xs, ys = Xi[::5], yi[::5]
    pipe = make_pipeline(StandardScaler(), KNeighborsClassifier(3))
    d3 = mad(s.cross_val_score(pipe, Xs, ys, [(np.setdiff1d(np.arange(30), [i]), np.array([i])) for i in range(30)],
                               accuracy_score),
             skms.cross_val_score(pipe, Xs, ys, cv=skms.LeaveOneOut(), scoring="accuracy"))
    out(M, "cross_val_score", f"max|d score| KNN/iris {f(d1)}, Ridge/diabetes R2 {f(d2)}, LOO pipeline {f(d3)}")

    rng = np.random.default_rng(4)
    xx = rng.uniform(-1, 1, 50)
    yy = np.sin(np.pi * xx) + 0.3 * xx**2 + rng.normal(0, 0.25, 50)
    x_tr, y_tr, x_va, y_va = xx[:30], yy[:30], xx[30:], yy[30:]
    best, tr, va = s.select_polynomial_degree(x_tr, y_tr, x_va, y_va, list(range(10)))
    ref = []
    for d in range(10):
        m = make_pipeline(PolynomialFeatures(d), LinearRegression(fit_intercept=False)).fit(x_tr[:, None], y_tr)
        ref.append((mean_squared_error(y_tr, m.predict(x_tr[:, None])), mean_squared_error(y_va, m.predict(x_va[:, None]))))
    ref = np.array(ref)
    out(M, "select_polynomial_degree", f"max rel diff MSE train {f(rel(tr, ref[:, 0]))}, val {f(rel(va, ref[:, 1]))}; "
        f"best degree {best} vs {int(np.argmin(ref[:, 1]))}")

    sizes = [5, 20, 50, 300, 120]
    gtr, gva = s.learning_curve(Ridge(alpha=0.1), Xd[:300], yd[:300], Xd[300:], yd[300:], sizes, mean_squared_error)
    wtr, wva = [], []
    for n in sizes:
        m = Ridge(alpha=0.1).fit(Xd[:n], yd[:n])
        wtr.append(mean_squared_error(yd[:n], m.predict(Xd[:n])))
        wva.append(mean_squared_error(yd[300:], m.predict(Xd[300:])))
    out(M, "learning_curve", f"max rel diff MSE train {f(rel(gtr, wtr))}, val {f(rel(gva, wva))} (Ridge(0.1), diabetes)")

    alphas = [10.0, 0.01, 1.0, 0.1]
    c, b = s.ridge_path(Xd, yd, alphas)
    rc = np.array([Ridge(alpha=a).fit(Xd, yd).coef_ for a in alphas])
    rb = np.array([Ridge(alpha=a).fit(Xd, yd).intercept_ for a in alphas])
    c0, _ = s.ridge_path(Xd, yd, [0.0])
    out(M, "ridge_path", f"diabetes: max|dcoef| {f(mad(c, rc))} (max rel {f(rel(c, rc))}), max|dintercept| {f(mad(b, rb))}; "
        f"alpha=0 vs LinearRegression max|dcoef| {f(mad(c0[0], LinearRegression().fit(Xd, yd).coef_))}")

    X40, y40 = Xd[:40], yd[:40]
    worst = 0.0
    for alpha in (0.0, 0.05, 1.0, 20.0):
        model = Ridge(alpha=alpha) if alpha > 0 else LinearRegression()
        r = -skms.cross_val_score(model, X40, y40, cv=skms.LeaveOneOut(), scoring="neg_mean_squared_error").mean()
        worst = max(worst, rel(s.loo_ridge_mse(X40, y40, alpha), r))
    out(M, "loo_ridge_mse", f"max rel diff vs 40 LeaveOneOut refits (4 alphas) {f(worst)}")


# =============================================================================================
def m07():
    from sklearn.datasets import load_diabetes, load_iris, load_wine, make_classification, make_regression
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    s = load("07-supervised-learning")
    M = "07"
    Xd, yd = load_diabetes(return_X_y=True)
    Xw, yw = load_wine(return_X_y=True)
    Xws = StandardScaler().fit_transform(Xw)
    wtr, ytr_w, wte = Xws[::2], yw[::2], Xws[1::2]

    rng = np.random.default_rng(1)
    y = rng.choice(4, size=90, p=[0.1, 0.2, 0.3, 0.4])
    X = rng.normal(size=(90, 2))
    d = max(abs(s.impurity(y, c) - DecisionTreeClassifier(max_depth=1, criterion=c).fit(X, y).tree_.impurity[0])
            for c in ("gini", "entropy"))
    out(M, "impurity", f"|d| vs tree root impurity (gini, entropy) {f(d)}")

    def offset(seed, n=60, dd=4):
        r = np.random.default_rng(seed)
        XX = r.normal(loc=5.0, scale=2.0, size=(n, dd))
        w = r.normal(size=dd) * 3
        return XX, XX @ w + 50.0 + r.normal(scale=0.5, size=n)

    Xo, yo = offset(0)
    c1, b1 = s.linear_regression_closed_form(Xo, yo)
    r1 = LinearRegression().fit(Xo, yo)
    c2, b2 = s.linear_regression_closed_form(Xd, yd)
    r2 = LinearRegression().fit(Xd, yd)
    out(M, "linear_regression_closed_form", f"offset data max|dcoef| {f(mad(c1, r1.coef_))}, |db| {f(abs(b1 - r1.intercept_))}; "
        f"diabetes max|dcoef| {f(mad(c2, r2.coef_))} (max rel {f(rel(c2, r2.coef_))}), |db| {f(abs(b2 - r2.intercept_))}")

    dc, db, dr = 0.0, 0.0, 0.0
    for alpha in (0.01, 0.1, 1.0, 10.0):
        c, b = s.ridge_regression(Xd, yd, alpha)
        r = Ridge(alpha=alpha).fit(Xd, yd)
        dc, dr, db = max(dc, mad(c, r.coef_)), max(dr, rel(c, r.coef_)), max(db, abs(b - r.intercept_))
    out(M, "ridge_regression", f"diabetes, 4 alphas: max|dcoef| {f(dc)} (max rel {f(dr)}), max|db| {f(db)}")

    rng = np.random.default_rng(8)
    X = rng.normal(size=(120, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 4.0 + rng.normal(scale=0.3, size=120)
    c, b = s.linear_regression_gd(X, y, lr=0.5, n_iters=400)
    r = LinearRegression().fit(X, y)
    out(M, "linear_regression_gd", f"400 steps lr=0.5: max|dcoef| {f(mad(c, r.coef_))}, |db| {f(abs(b - r.intercept_))}")

    lab, pr = [], 0.0
    for k in (1, 3, 5, 8):
        m = s.KNNClassifier(n_neighbors=k).fit(wtr, ytr_w)
        r = KNeighborsClassifier(n_neighbors=k).fit(wtr, ytr_w)
        lab.append(same(m.predict(wte), r.predict(wte)))
        pr = max(pr, mad(m.predict_proba(wte), r.predict_proba(wte)))
    out(M, "KNNClassifier", f"wine k=1,3,5,8: predictions {set(lab)}, max|dproba| {f(pr)}")

    Xi, yi = load_iris(return_X_y=True)
    keep = np.r_[0:50, 50:60, 100:130]
    m = s.GaussianNaiveBayes().fit(Xi[keep], yi[keep])
    r = GaussianNB().fit(Xi[keep], yi[keep])
    m2 = s.GaussianNaiveBayes().fit(wtr, ytr_w)
    r2 = GaussianNB().fit(wtr, ytr_w)
    m3 = s.GaussianNaiveBayes(var_smoothing=0.01).fit(Xw, yw)
    r3 = GaussianNB(var_smoothing=0.01).fit(Xw, yw)
    out(M, "GaussianNaiveBayes", f"iris 50/10/30: max|dtheta| {f(mad(m.theta_, r.theta_))}, max rel dvar {f(rel(m.var_, r.var_))}, "
        f"max|dproba| {f(mad(m.predict_proba(Xi[keep]), r.predict_proba(Xi[keep])))}; wine: max|dproba| "
        f"{f(mad(m2.predict_proba(wte), r2.predict_proba(wte)))}, predictions {same(m2.predict(wte), r2.predict(wte))}; "
        f"raw wine var_smoothing=0.01 max|dproba| {f(mad(m3.predict_proba(Xw), r3.predict_proba(Xw)))}")

    X, y = make_classification(200, 3, n_informative=3, n_redundant=0, flip_y=0.2, random_state=0)
    m = s.LogisticRegressionGD(lr=0.5, n_iters=2000).fit(X, y)
    r = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    out(M, "LogisticRegressionGD", f"2000 steps vs C=inf: max|dcoef| {f(mad(m.coef_, r.coef_[0]))}, "
        f"|db| {f(abs(m.intercept_ - r.intercept_[0]))}, max|dproba| {f(mad(m.predict_proba(X), r.predict_proba(X)))}, "
        f"max|ddecision| {f(mad(m.decision_function(X), r.decision_function(X)))}, predictions {same(m.predict(X), r.predict(X))}")

    def hinge(w, b, XX, ss, a):
        return 0.5 * a * w @ w + np.maximum(0.0, 1.0 - ss * (XX @ w + b)).mean()

    X, y = make_classification(300, 5, n_informative=3, n_redundant=0, class_sep=1.5, flip_y=0.05, random_state=1)
    X = StandardScaler().fit_transform(X)
    Xtr, ytr, Xte, yte = X[:200], y[:200], X[200:], y[200:]
    sgn = np.where(ytr == 1, 1.0, -1.0)
    m = s.LinearSVM(alpha=0.1, lr=1.0, n_iters=1000).fit(Xtr, ytr)
    r = SVC(kernel="linear", C=1.0 / (0.1 * 200), tol=1e-6).fit(Xtr, ytr)
    go, bo = hinge(np.asarray(m.coef_), float(m.intercept_), Xtr, sgn, 0.1), hinge(r.coef_[0], r.intercept_[0], Xtr, sgn, 0.1)
    acc, racc = np.mean(m.predict(Xte) == yte), r.score(Xte, yte)
    from sklearn.datasets import load_breast_cancer
    Xb, yb = load_breast_cancer(return_X_y=True)
    Xb = StandardScaler().fit_transform(Xb)
    sb = np.where(yb == 1, 1.0, -1.0)
    mb = s.LinearSVM(alpha=0.01, lr=1.0, n_iters=3000).fit(Xb, yb)
    rb = SVC(kernel="linear", C=1.0 / (0.01 * len(yb)), tol=1e-6).fit(Xb, yb)
    gob, bob = hinge(np.asarray(mb.coef_), float(mb.intercept_), Xb, sb, 0.01), hinge(rb.coef_[0], rb.intercept_[0], Xb, sb, 0.01)
    out(M, "LinearSVM", f"objective gap vs SVC optimum: make_classification {100 * (go / bo - 1):+.2f}% "
        f"(test acc {acc:.3f} vs {racc:.3f}); breast_cancer {100 * (gob / bob - 1):+.2f}%")

    Xds = StandardScaler().fit_transform(Xd)
    dc, db, zeros_ok = 0.0, 0.0, True
    for alpha in (0.1, 1.0, 5.0):
        c, b = s.lasso_coordinate_descent(Xds, yd, alpha=alpha, n_iters=5000, tol=1e-10)
        r = Lasso(alpha=alpha, tol=1e-12, max_iter=100_000).fit(Xds, yd)
        dc, db = max(dc, mad(c, r.coef_)), max(db, abs(b - r.intercept_))
        zeros_ok &= bool(np.array_equal(c == 0, r.coef_ == 0))
    out(M, "lasso_coordinate_descent", f"std. diabetes alpha 0.1/1/5: max|dcoef| {f(dc)}, max|db| {f(db)}, "
        f"zero pattern {'identical' if zeros_ok else 'DIFFERENT'}")

    def tree_data(seed):
        XX, yy = make_classification(160, 4, n_informative=3, n_redundant=0, n_classes=3, n_clusters_per_class=1,
                                     class_sep=0.8, random_state=seed)
        return XX[:120], yy[:120], XX[120:], yy[120:]

    feat_ok, dt, dg = 0, 0.0, 0.0
    for seed in (2, 3, 7):
        X, y, _, _ = tree_data(seed)
        for crit in ("gini", "entropy"):
            fe, t, g = s.best_split(X, y, crit)
            tr = DecisionTreeClassifier(max_depth=1, criterion=crit, random_state=0).fit(X, y).tree_
            L, R, n = tr.children_left[0], tr.children_right[0], tr.n_node_samples
            rg = tr.impurity[0] - (n[L] * tr.impurity[L] + n[R] * tr.impurity[R]) / n[0]
            feat_ok += fe == tr.feature[0]
            dt, dg = max(dt, abs(t - tr.threshold[0])), max(dg, abs(g - rg))
    out(M, "best_split", f"6 cases: feature {feat_ok}/6 equal, max|dthreshold| {f(dt)} (sklearn float32), max|dgain| {f(dg)}")

    pr, labs, shape_ok, cnt = 0.0, 0, 0, 0
    for seed in (2, 7):
        Xtr, ytr, Xte, _ = tree_data(seed)
        for crit in ("gini", "entropy"):
            for depth in (1, 2, 3, 4):
                m = s.DecisionTree(max_depth=depth, criterion=crit).fit(Xtr, ytr)
                r = DecisionTreeClassifier(max_depth=depth, criterion=crit, random_state=0).fit(Xtr, ytr)
                pr = max(pr, mad(m.predict_proba(Xte), r.predict_proba(Xte)))
                labs += int(np.array_equal(m.predict(Xte), r.predict(Xte)))
                shape_ok += (m.depth_, m.n_leaves_) == (r.get_depth(), r.get_n_leaves())
                cnt += 1
    names = np.array(["setosa", "versicolor", "virginica"])[yi]
    for depth in (2, 3):
        m = s.DecisionTree(max_depth=depth).fit(Xi, names)
        r = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(Xi, names)
        pr = max(pr, mad(m.predict_proba(Xi), r.predict_proba(Xi)))
        labs += int(np.array_equal(m.predict(Xi), r.predict(Xi)))
        cnt += 1
    out(M, "DecisionTree", f"{cnt} fits (depth 1-4, gini/entropy, iris): identical predictions {labs}/{cnt}, "
        f"(depth_, n_leaves_) equal {shape_ok}/{cnt - 2}, max|dproba| {f(pr)}")

    X, y = make_regression(200, 4, n_informative=3, noise=10.0, random_state=0)
    y = y + 100.0
    Xtr, ytr, Xte = X[:150], y[:150], X[150:]
    parts = []
    for ne, lr in ((1, 1.0), (10, 0.5), (100, 0.1)):
        m = s.GradientBoostingStumps(n_estimators=ne, learning_rate=lr).fit(Xtr, ytr)
        r = GradientBoostingRegressor(n_estimators=ne, learning_rate=lr, max_depth=1, random_state=0).fit(Xtr, ytr)
        parts.append(f"{ne}x{lr}: {f(max(mad(m.predict(Xte), r.predict(Xte)), mad(m.predict(Xtr), r.predict(Xtr))))}")
    out(M, "GradientBoostingStumps", "max|dpred| (train+test) " + ", ".join(parts))


# =============================================================================================
def m08():
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.cluster import DBSCAN, AgglomerativeClustering
    from sklearn.cluster import KMeans as SkKMeans
    from sklearn.covariance import EmpiricalCovariance
    from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs, make_moons
    from sklearn.decomposition import PCA as SkPCA
    from sklearn.metrics import adjusted_rand_score
    from sklearn.metrics import silhouette_samples, silhouette_score
    from sklearn.mixture import GaussianMixture
    from sklearn.preprocessing import StandardScaler

    s = load("08-unsupervised-learning")
    M = "08"
    iris = load_iris().data
    digits = load_digits().data[::3]

    def sk_km(X, C, **kw):
        return SkKMeans(len(C), init=C, n_init=1, algorithm="lloyd", **kw).fit(X)

    dcen, din, lab, nit = 0.0, 0.0, [], []
    cases = []
    for seed in (0, 2):
        X, _ = make_blobs(120, centers=4, cluster_std=2.5, random_state=seed)
        cases.append((X, X[:4].copy(), {}))
    X4, _ = make_blobs(120, centers=4, cluster_std=2.5, random_state=4)
    cases.append((X4, X4[:4].copy(), {"max_iter": 1}))
    for sc in (1.0, 1000.0):
        cases.append((X4 * sc, X4[:4] * sc, {"tol": 1e-2}))
    for X, C, kw in cases:
        m = s.KMeans(n_clusters=len(C), init=C.copy(), **kw).fit(X)
        r = sk_km(X, C, **kw)
        dcen, din = max(dcen, mad(m.cluster_centers_, r.cluster_centers_)), max(din, rel(m.inertia_, r.inertia_))
        lab.append(np.array_equal(m.labels_, r.labels_))
        nit.append(m.n_iter_ == r.n_iter_)
    out(M, "KMeans (same init)", f"{len(cases)} fits: labels identical {sum(lab)}/{len(lab)}, n_iter_ equal {sum(nit)}/{len(nit)}, "
        f"max|dcentre| {f(dcen)}, max rel dinertia {f(din)}")
    Xr, _ = make_blobs(200, centers=10, cluster_std=1.0, center_box=(-8, 8), random_state=3)
    dd = 0.0
    for seed in (0, 1, 2):
        m = s.KMeans(n_clusters=8, n_init=5, random_state=seed).fit(Xr)
        rng = np.random.default_rng(seed)
        runs = [sk_km(Xr, s.kmeans_plus_plus(Xr, 8, rng)) for _ in range(5)]
        best = min(runs, key=lambda q: q.inertia_)
        dd = max(dd, rel(m.inertia_, best.inertia_))
    Xb, yb = make_blobs(150, centers=[[0, 0], [6, 0], [0, 6], [6, 6], [3, 12]], cluster_std=0.6, random_state=0)
    ari = adjusted_rand_score(yb, s.KMeans(n_clusters=5, n_init=10, random_state=0).fit(Xb).labels_)
    out(M, "KMeans (k-means++ init, n_init=5)", f"best-of-5 inertia vs sklearn Lloyd from the same k-means++ seeds: "
        f"max rel d {f(dd)}; 5 separated blobs ARI {ari:.3f}")

    ds, dm = 0.0, 0.0
    labs_km = sk_km(iris, iris[[0, 50, 100, 120]]).labels_
    for X, L in ((iris, load_iris().target), (iris, labs_km)):
        sc, samp = s.silhouette_score(X, L)
        ds, dm = max(ds, mad(samp, silhouette_samples(X, L))), max(dm, abs(sc - silhouette_score(X, L)))
    out(M, "silhouette_score", f"iris (species, 4 k-means clusters): max|ds(i)| {f(ds)}, |dscore| {f(dm)}")

    parts = []
    for X, nc, name in ((iris, None, "iris"), (iris, 2, "iris/2"), (digits, 10, "digits/10"), (digits, 8, "digits/8")):
        m = s.PCA(n_components=nc).fit(X)
        r = SkPCA(n_components=nc, svd_solver="full").fit(X)
        exact = mad(m.components_, r.components_)
        sg = np.sign(np.sum(m.components_ * r.components_, axis=1))
        parts.append(f"{name}: rel dvar {f(rel(m.explained_variance_, r.explained_variance_))}, "
                     f"|dcomp| {f(mad(m.components_ * sg[:, None], r.components_))}{' (signs identical)' if exact < 1e-6 else ' (SIGN FLIPS)'}, "
                     f"|dZ| {f(mad(m.transform(X) * sg, r.transform(X)))}")
    kk = [(s.PCA(n_components=fr).fit(digits).n_components_, SkPCA(n_components=fr, svd_solver='full').fit(digits).n_components_)
          for fr in (0.5, 0.9, 0.95)]
    out(M, "PCA", "; ".join(parts) + f"; n_components_ for 0.5/0.9/0.95: {kk}")

    def corr(seed, n, shift=0.0):
        rng = np.random.default_rng(seed)
        A = np.array([[2.0, 0.0, 0.0], [1.5, 0.5, 0.0], [-0.7, 0.3, 1.0]])
        return rng.normal(size=(n, 3)) @ A.T + np.array([5.0, -3.0, 10.0]) + shift
    Xtr, Xte = corr(0, 200), corr(1, 30, 2.0)
    m = s.MahalanobisDetector(alpha=0.05).fit(Xtr)
    r = EmpiricalCovariance().fit(Xtr)
    out(M, "MahalanobisDetector", f"rel dcov {f(rel(m.covariance_, r.covariance_))}, rel d(dist^2) train "
        f"{f(rel(m.mahalanobis(Xtr), r.mahalanobis(Xtr)))}, test {f(rel(m.mahalanobis(Xte), r.mahalanobis(Xte)))}")

    Xm, _ = make_moons(150, noise=0.08, random_state=1)
    Xm = np.vstack([Xm, np.random.default_rng(0).uniform(-1.5, 2.5, size=(15, 2))])
    Xbl, _ = make_blobs(120, centers=3, cluster_std=[0.4, 1.0, 2.0], random_state=3)
    parts = []
    for X, eps, ms, name in ((Xm, 0.2, 5, "moons"), (Xbl, 0.8, 6, "blobs"),
                             (StandardScaler().fit_transform(load_wine().data), 2.2, 4, "wine")):
        g = s.dbscan(X, eps=eps, min_samples=ms)
        w = DBSCAN(eps=eps, min_samples=ms).fit_predict(X)
        parts.append(f"{name}: labels {same(g, w)}, ARI {adjusted_rand_score(w, g):.3f}, "
                     f"{len(set(w)) - (-1 in w)} clusters / {int((w == -1).sum())} noise")
    out(M, "dbscan", "; ".join(parts))

    X = np.random.default_rng(9).normal(size=(30, 3))
    Xmo, _ = make_moons(60, noise=0.05, random_state=2)
    parts = []
    for XX, name in ((X, "random 30x3"), (Xmo, "moons 60")):
        for meth in ("single", "complete"):
            Z = np.asarray(s.agglomerative_linkage(XX, method=meth), dtype=float)
            ref = linkage(XX, meth)
            txt = f"{name} {meth}: |dheight| {f(mad(Z[:, 2], ref[:, 2]))}, ids {same(Z[:, :2], ref[:, :2])}"
            if name.startswith("moons"):
                ari = adjusted_rand_score(AgglomerativeClustering(n_clusters=2, linkage=meth).fit_predict(XX),
                                          fcluster(Z, t=2, criterion="maxclust"))
                txt += f", 2-cluster cut ARI {ari:.3f}"
            parts.append(txt)
    out(M, "agglomerative_linkage (vs scipy linkage)", "; ".join(parts))

    rng = np.random.default_rng(5)
    w = rng.dirichlet(np.full(3, 2.0))
    mu = rng.normal(scale=3.0, size=(3, 4)) + iris.mean(0)
    cov = []
    for _ in range(3):
        A = rng.normal(size=(4, 4))
        cov.append(A @ A.T + 0.5 * np.eye(4))
    cov = np.array(cov)
    gm = GaussianMixture(3, covariance_type="full")
    gm.weights_, gm.means_, gm.covariances_ = w, mu, cov
    gm.precisions_cholesky_ = np.array([np.linalg.cholesky(np.linalg.inv(ci)) for ci in cov])
    resp, ll = s.gmm_e_step(iris, w, mu, cov)
    out(M, "gmm_e_step", f"iris vs GaussianMixture: max|dresp| {f(mad(resp, gm.predict_proba(iris)))}, "
        f"rel d(mean log-lik) {f(rel(ll, gm.score(iris)))}")

    from scipy.stats import multivariate_normal
    X, _ = make_blobs(150, n_features=2, centers=3, cluster_std=[1.0, 2.0, 0.7], random_state=7)
    w0 = np.array([0.2, 0.3, 0.5])
    mu0 = X[[0, 50, 100]].copy()
    cov0 = np.array([np.eye(2), 2 * np.eye(2), [[1.0, 0.3], [0.3, 0.5]]])
    logp = np.column_stack([np.log(a) + multivariate_normal(m_, c_).logpdf(X) for a, m_, c_ in zip(w0, mu0, cov0)])
    resp = np.exp(logp - logp.max(1, keepdims=True))
    resp /= resp.sum(1, keepdims=True)
    ww, mm, cc = s.gmm_m_step(X, resp)
    gm = GaussianMixture(3, covariance_type="full", max_iter=1, init_params="random", weights_init=w0, means_init=mu0,
                         precisions_init=np.linalg.inv(cov0), random_state=0).fit(X)
    out(M, "gmm_m_step", f"one EM step vs GaussianMixture(max_iter=1): max|dw| {f(mad(ww, gm.weights_))}, "
        f"max|dmean| {f(mad(mm, gm.means_))}, max|dcov| {f(mad(cc, gm.covariances_))}")


# =============================================================================================
def m09():
    import pandas as pd
    from sklearn import preprocessing as skp
    from sklearn.compose import ColumnTransformer
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_wine
    from sklearn.feature_selection import RFE
    from sklearn.feature_selection import chi2 as sk_chi2
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
    from sklearn.model_selection import KFold
    from sklearn.pipeline import Pipeline

    s = load("09-feature-engineering")
    M = "09"
    rng = np.random.default_rng(3)
    Xtr = rng.normal([5.0, -2.0, 100.0, 0.0], [2.0, 0.5, 30.0, 1.0], size=(40, 4))
    Xte = rng.normal([7.0, -1.0, 50.0, 3.0], [3.0, 1.0, 10.0, 2.0], size=(9, 4))

    m, r = s.StandardScaler().fit(Xtr), skp.StandardScaler().fit(Xtr)
    m2, r2 = s.StandardScaler(with_mean=False).fit(Xtr), skp.StandardScaler(with_mean=False).fit(Xtr)
    out(M, "StandardScaler", f"max|dvar_| {f(mad(m.var_, r.var_))}, max|dX_test| {f(mad(m.transform(Xte), r.transform(Xte)))}, "
        f"fit_transform {f(mad(s.StandardScaler().fit_transform(Xtr), r.transform(Xtr)))}, with_mean=False {f(mad(m2.transform(Xte), r2.transform(Xte)))}")

    d = 0.0
    for fr in ((0.0, 1.0), (-1.0, 1.0), (2.0, 5.0)):
        m, r = s.MinMaxScaler(feature_range=fr).fit(Xtr), skp.MinMaxScaler(feature_range=fr).fit(Xtr)
        d = max(d, mad(m.transform(Xte), r.transform(Xte)), mad(m.scale_, r.scale_), mad(m.min_, r.min_))
    out(M, "MinMaxScaler", f"3 feature ranges: max|d| (scale_, min_, transform) {f(d)}")

    rng = np.random.default_rng(5)
    Xtr = np.round(rng.normal([10.0, 0.0, 50.0, 3.0], [3.0, 1.0, 20.0, 1.0], size=(30, 4)), 0)
    Xtr[rng.random(Xtr.shape) < 0.2] = np.nan
    Xtr[:, 3] = np.round(np.abs(Xtr[:, 3]))
    Xtr[:, 3] = np.where(np.isnan(Xtr[:, 3]), 2.0, Xtr[:, 3])
    Xte = np.round(rng.normal([20.0, 5.0, 0.0, 9.0], 2.0, size=(8, 4)), 0)
    Xte[[0, 2, 5], [0, 1, 2]] = np.nan
    Xte[1, 3] = np.nan
    Xte[4, :] = np.nan
    d = 0.0
    for st in ("mean", "median", "most_frequent"):
        m, r = s.SimpleImputer(strategy=st).fit(Xtr), SimpleImputer(strategy=st).fit(Xtr)
        d = max(d, mad(m.statistics_, r.statistics_), mad(m.transform(Xte), r.transform(Xte)),
                mad(s.SimpleImputer(strategy=st).fit_transform(Xtr), r.transform(Xtr)))
    di = mad(s.SimpleImputer(add_indicator=True).fit(Xtr).transform(Xte),
             SimpleImputer(add_indicator=True).fit(Xtr).transform(Xte))
    out(M, "SimpleImputer", f"mean/median/most_frequent max|d| {f(d)}; add_indicator max|d| {f(di)}")

    cat = np.array([["red", "S", 3], ["blue", "M", 1], ["red", "L", 3], ["green", "M", 2], ["blue", "S", 1]], dtype=object)
    new = np.array([["green", "L", 2], ["red", "S", 1]], dtype=object)
    unk = np.array([["purple", "M", 3], ["blue", "XL", 9]], dtype=object)
    m, r = s.OneHotEncoder().fit(cat), skp.OneHotEncoder(sparse_output=False).fit(cat)
    mi, ri = s.OneHotEncoder(handle_unknown="ignore").fit(cat), skp.OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(cat)
    names_ok = [str(n) for n in m.get_feature_names_out(["color", "size", "qty"])] == \
        r.get_feature_names_out(["color", "size", "qty"]).tolist()
    out(M, "OneHotEncoder", f"train {same(m.transform(cat), r.transform(cat))}, new rows {same(m.transform(new), r.transform(new))}, "
        f"unknown/ignore {same(mi.transform(unk), ri.transform(unk))}, feature names {'identical' if names_ok else 'DIFFERENT'}")

    rng = np.random.default_rng(7)
    X3, X4 = rng.normal(size=(6, 3)), rng.normal(size=(5, 4))
    d = 0.0
    for X, deg, inter, bias in [(X3, 2, False, True), (X3, 3, False, True), (X4, 3, False, False), (X4, 3, True, True),
                                (X3, 4, True, False), (X4, 1, False, True)]:
        d = max(d, mad(s.polynomial_features(X, degree=deg, interaction_only=inter, include_bias=bias),
                       skp.PolynomialFeatures(degree=deg, interaction_only=inter, include_bias=bias).fit_transform(X)))
    out(M, "polynomial_features", f"6 configs: max|d| {f(d)} (same column order)")

    Xg, yg = load_digits(return_X_y=True)
    Xg, yg = Xg[:300], yg[:300]
    st, p = s.chi2_scores(Xg, yg)
    ws, wp = sk_chi2(Xg, yg)
    rng = np.random.default_rng(10)
    Xp = rng.poisson(3.0, size=(40, 5)).astype(float)
    yp = np.array(["spam", "ham", "eggs", "ham"] * 10)
    Xp[yp == "spam", 2] += 4.0
    st2, p2 = s.chi2_scores(Xp, yp)
    ws2, wp2 = sk_chi2(Xp, yp)
    out(M, "chi2_scores", f"digits: max rel dstat {f(rel(st, ws))}, max rel dp {f(rel(p, wp))}, NaN pattern "
        f"{'same' if np.array_equal(np.isnan(st), np.isnan(ws)) else 'DIFFERENT'}; string labels: rel dstat {f(rel(st2, ws2))}, rel dp {f(rel(p2, wp2))}")

    rng = np.random.default_rng(13)
    n = 160
    df = pd.DataFrame({"customer_id": np.arange(1000, 1000 + n), "age": rng.normal(40, 12, n).round(0),
                       "income": rng.lognormal(10, 0.5, n).round(-2),
                       "plan": rng.choice(["basic", "pro", "enterprise"], n, p=[0.6, 0.3, 0.1]),
                       "region": rng.choice(["north", "south", "east", "west"], n)})
    logit = 0.05 * (df["age"] - 40) - 1.2 * (df["plan"] == "basic") + 0.8 * (df["region"] == "south")
    df["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    df.loc[rng.random(n) < 0.1, "age"] = np.nan
    df.loc[rng.random(n) < 0.1, "income"] = np.nan
    df.loc[rng.random(n) < 0.1, "plan"] = np.nan
    train, test = df.iloc[:120].reset_index(drop=True), df.iloc[120:].reset_index(drop=True).copy()
    test.loc[0, "plan"] = "platinum"
    test.loc[1, "region"] = "antarctica"
    num, catc = ["age", "income"], ["plan", "region"]
    pre = ColumnTransformer([("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", skp.StandardScaler())]), num),
                             ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                                               ("onehot", skp.OneHotEncoder(handle_unknown="ignore"))]), catc)], remainder="drop")
    ref = Pipeline([("preprocess", pre), ("model", LogisticRegression(C=2.0, max_iter=1000))]).fit(train, train["churned"])
    pipe = s.build_pipeline(num, catc, C=2.0).fit(train, train["churned"])
    out(M, "build_pipeline (sklearn components)", f"max|dproba| {f(mad(pipe.predict_proba(test), ref.predict_proba(test)))}")

    rng = np.random.default_rng(11)
    cats = np.array([f"c{i:02d}" for i in range(12)])
    wts = np.linspace(3, 0.2, 12)
    tr = rng.choice(cats, size=160, p=wts / wts.sum())
    eff = {c: rng.normal(0, 2) for c in cats}
    y = np.array([eff[c] for c in tr]) + rng.normal(0, 1, size=160)
    te = np.concatenate([rng.choice(cats, size=30), np.array(["never-seen", "c03"])])
    dt, dte = 0.0, 0.0
    for sm, ns, seed in ((10.0, 5, 0), (2.5, 3, 42)):
        enc = skp.TargetEncoder(target_type="continuous", smooth=sm, cv=KFold(n_splits=ns, shuffle=True, random_state=seed))
        wtr = enc.fit_transform(tr.reshape(-1, 1), y).ravel()
        wte = enc.transform(te.reshape(-1, 1)).ravel()
        gtr, gte = s.target_encode(tr, y, te, smoothing=sm, n_splits=ns, random_state=seed)
        dt, dte = max(dt, mad(gtr, wtr)), max(dte, mad(gte, wte))
    out(M, "target_encode", f"vs TargetEncoder (2 configs): max|d| out-of-fold train {f(dt)}, test {f(dte)}")

    Xd, yd = load_diabetes(return_X_y=True)
    Xb, yb = load_breast_cancer(return_X_y=True)
    Xb = skp.StandardScaler().fit_transform(Xb[:150])
    Xw, yw = load_wine(return_X_y=True)
    Xw = skp.StandardScaler().fit_transform(Xw)
    res = []
    for X, y, est, k, step in ((Xd, yd, LinearRegression(), 4, 1), (Xd, yd, Ridge(alpha=0.01), 3, 3),
                               (Xb, yb[:150], LogisticRegression(C=0.5, max_iter=2000), 5, 5),
                               (Xw, yw, LogisticRegression(C=0.1, max_iter=2000), 5, 2),
                               (Xd[:100, :5], yd[:100], LinearRegression(), 1, 10)):
        sup, rank = s.recursive_feature_elimination(X, y, est, k, step=step)
        ref = RFE(est, n_features_to_select=k, step=step).fit(X, y)
        res.append(np.array_equal(sup, ref.support_) and np.array_equal(rank, ref.ranking_))
    out(M, "recursive_feature_elimination", f"support_ and ranking_ identical in {sum(res)}/{len(res)} cases")


# =============================================================================================
def m10():
    from scipy import stats
    from sklearn import metrics as skm
    from sklearn.calibration import calibration_curve
    from sklearn.datasets import load_breast_cancer, load_diabetes
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.model_selection import GridSearchCV, KFold
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    s = load("10-model-evaluation")
    M = "10"
    X, y = load_diabetes(return_X_y=True)
    yt, yp = y[300:], LinearRegression().fit(X[:300], y[:300]).predict(X[300:])
    got = s.regression_metrics(yt, yp)
    want = {"mse": skm.mean_squared_error(yt, yp), "rmse": np.sqrt(skm.mean_squared_error(yt, yp)),
            "mae": skm.mean_absolute_error(yt, yp), "r2": skm.r2_score(yt, yp)}
    out(M, "regression_metrics", "max rel d (mse, rmse, mae, r2) " + f(max(rel(got[k], want[k]) for k in want)))

    rng = np.random.default_rng(1)
    names = np.array(["cat", "dog", "owl", "yak"])
    a, b = names[rng.integers(0, 3, 60)], names[rng.integers(0, 4, 60)]
    ok = np.array_equal(s.confusion_matrix(a, b), skm.confusion_matrix(a, b)) and \
        np.array_equal(s.confusion_matrix(a, b, labels=["yak", "cat", "owl"]), skm.confusion_matrix(a, b, labels=["yak", "cat", "owl"]))
    out(M, "confusion_matrix", "identical counts (string labels, custom label order)" if ok else "DIFFERENT")

    def skc(t, p_, avg, pos=1):
        kw = {"average": avg, "zero_division": 0}
        if avg == "binary":
            kw["pos_label"] = pos
        return {"accuracy": skm.accuracy_score(t, p_), "precision": skm.precision_score(t, p_, **kw),
                "recall": skm.recall_score(t, p_, **kw), "f1": skm.f1_score(t, p_, **kw)}
    rng = np.random.default_rng(3)
    t = (rng.random(300) < 0.3).astype(int)
    p_ = np.where(rng.random(300) < 0.75, t, 1 - t)
    d = max(abs(s.classification_metrics(t, p_)[k] - skc(t, p_, "binary")[k]) for k in ("accuracy", "precision", "recall", "f1"))
    d = max(d, max(abs(s.classification_metrics(t, p_, pos_label=0)[k] - skc(t, p_, "binary", 0)[k]) for k in ("precision", "recall", "f1")))
    rng = np.random.default_rng(4)
    t4 = rng.choice(4, size=120, p=[0.5, 0.3, 0.15, 0.05])
    p4 = np.where(rng.random(120) < 0.6, t4, rng.choice(3, size=120))
    p4[:3] = 4
    for avg in ("macro", "weighted", "micro"):
        g, w_ = s.classification_metrics(t4, p4, average=avg), skc(t4, p4, avg)
        d = max(d, max(abs(g[k] - w_[k]) for k in w_))
    out(M, "classification_metrics", f"binary (pos 1/0) + macro/weighted/micro: max|d| {f(d)}")

    rng = np.random.default_rng(5)
    yb = rng.integers(0, 2, 200)
    pb = np.clip(0.3 + 0.4 * yb + rng.normal(0, 0.2, 200), 0.01, 0.99)
    lg = rng.normal(size=(150, 4))
    pr4 = np.exp(lg) / np.exp(lg).sum(1, keepdims=True)
    y4 = rng.integers(0, 4, 150)
    out(M, "log_loss", f"binary rel d {f(rel(s.log_loss(yb, pb), skm.log_loss(yb, pb)))}, 4-class rel d "
        f"{f(rel(s.log_loss(y4, pr4), skm.log_loss(y4, pr4, labels=[0, 1, 2, 3])))}, clipped p=0 case |d| "
        f"{f(abs(s.log_loss(np.array([1, 0]), np.array([0.0, 0.0])) - skm.log_loss([1, 0], [0.0, 0.0])))}")

    def ties(n, seed, dec=1):
        r = np.random.default_rng(seed)
        yy = (r.random(n) < 0.4).astype(int)
        return yy, np.round(np.clip(0.35 + 0.3 * yy + r.normal(0, 0.22, n), 0, 1), dec)

    d, shp = 0.0, True
    for seed in (0, 1):
        yy, ss = ties(200, seed)
        a1, b1, c1 = s.roc_curve(yy, ss)
        a2, b2, c2 = skm.roc_curve(yy, ss, drop_intermediate=False)
        shp &= a1.shape == a2.shape
        d = max(d, mad(a1, a2), mad(b1, b2), mad(c1[1:], c2[1:]))
    out(M, "roc_curve", f"tied scores, drop_intermediate=False: same number of points {shp}, max|d| (fpr, tpr, thr) {f(d)}")

    rng = np.random.default_rng(6)
    yy = rng.integers(0, 2, 500)
    ss = rng.normal(size=500) + 0.8 * yy
    rng = np.random.default_rng(7)
    y3 = rng.integers(0, 2, 300)
    s3 = np.minimum(rng.integers(0, 3, 300) + y3, 3).astype(float)
    out(M, "roc_auc", f"continuous |d| {f(abs(s.roc_auc(yy, ss) - skm.roc_auc_score(yy, ss)))}, "
        f"4 distinct scores (ties) |d| {f(abs(s.roc_auc(y3, s3) - skm.roc_auc_score(y3, s3)))}")

    d, shp = 0.0, True
    for seed in (10, 11):
        yy, ss = ties(150, seed, 2)
        p1, r1, t1 = s.precision_recall_curve(yy, ss)
        p2, r2, t2 = skm.precision_recall_curve(yy, ss)
        shp &= t1.shape == t2.shape
        d = max(d, mad(p1, p2), mad(r1, r2), mad(t1, t2))
    out(M, "precision_recall_curve", f"same number of thresholds {shp}, max|d| (precision, recall, thr) {f(d)}")

    d = 0.0
    for seed in (20, 21):
        yy, ss = ties(200, seed, 1)
        d = max(d, abs(s.average_precision(yy, ss) - skm.average_precision_score(yy, ss)))
    out(M, "average_precision", f"tied scores |d| vs average_precision_score {f(d)}")

    d = 0.0
    for nb in (10, 7):
        rng = np.random.default_rng(30 + nb)
        pp = rng.beta(2, 3, 500)
        yy = (rng.random(500) < pp ** 1.5).astype(int)
        g = s.calibration_summary(yy, pp, n_bins=nb)
        pt, pp_ = calibration_curve(yy, pp, n_bins=nb)
        d = max(d, mad(g["prob_true"], pt), mad(g["prob_pred"], pp_), abs(g["brier"] - skm.brier_score_loss(yy, pp)))
    out(M, "calibration_summary", f"n_bins 10/7: max|d| (prob_true, prob_pred vs calibration_curve; brier vs brier_score_loss) {f(d)}")

    def mc(b_, c_, both_right, both_wrong):
        n = b_ + c_ + both_right + both_wrong
        yy, aa, bb = np.zeros(n, int), np.zeros(n, int), np.zeros(n, int)
        aa[b_:b_ + c_] = 1
        bb[:b_] = 1
        aa[b_ + c_ + both_right:] = 1
        bb[b_ + c_ + both_right:] = 1
        perm = np.random.default_rng(b_ * 100 + c_).permutation(n)
        return yy[perm], aa[perm], bb[perm]
    d = 0.0
    for b_, c_ in [(2, 9), (12, 4), (6, 6), (0, 5)]:
        g = s.mcnemar_test(*mc(b_, c_, 30, 5), exact=True)
        d = max(d, rel(g["p_value"], stats.binomtest(min(b_, c_), b_ + c_, 0.5).pvalue))
    g = s.mcnemar_test(*mc(7, 19, 120, 14))
    d2 = rel(g["p_value"], stats.chi2.sf((abs(7 - 19) - 1) ** 2 / 26, 1))
    out(M, "mcnemar_test (vs scipy, not sklearn)", f"exact p rel d vs binomtest {f(d)}, chi2 p rel d {f(d2)}")

    Xc, yc = load_breast_cancer(return_X_y=True)
    idx = np.random.default_rng(50).permutation(len(yc))[:240]
    Xc, yc = Xc[idx], yc[idx]
    grid = {"kneighborsclassifier__weights": ["uniform", "distance"], "kneighborsclassifier__n_neighbors": [1, 7]}
    ref = GridSearchCV(make_pipeline(StandardScaler(), KNeighborsClassifier()), grid, cv=KFold(5)).fit(Xc, yc)
    gs = s.GridSearch(make_pipeline(StandardScaler(), KNeighborsClassifier()), grid, cv=5).fit(Xc, yc)
    same_params = list(gs.cv_results_["params"]) == list(ref.cv_results_["params"])
    Xd2, yd2 = X[:200], y[:200]
    g2 = {"alpha": [0.001, 0.1, 1.0, 10.0, 100.0]}
    folds = [(np.r_[0:50, 100:200], np.arange(50, 100)), (np.arange(0, 150), np.arange(150, 200)),
             (np.arange(50, 200), np.arange(0, 50))]
    ref2 = GridSearchCV(Ridge(), g2, cv=folds, scoring=skm.make_scorer(skm.mean_squared_error, greater_is_better=False)).fit(Xd2, yd2)
    gs2 = s.GridSearch(Ridge(), g2, cv=folds, scoring=lambda t_, p__: -float(np.mean((t_ - p__) ** 2))).fit(Xd2, yd2)
    out(M, "GridSearch", f"KNN pipeline/breast cancer: params order {'identical' if same_params else 'DIFFERENT'}, "
        f"max|d mean_test_score| {f(mad(gs.cv_results_['mean_test_score'], ref.cv_results_['mean_test_score']))}, "
        f"max|d std| {f(mad(gs.cv_results_['std_test_score'], ref.cv_results_['std_test_score']))}, best_params_ "
        f"{'same' if gs.best_params_ == ref.best_params_ else 'DIFFERENT'}, |d best_score_| {f(abs(gs.best_score_ - ref.best_score_))}; "
        f"Ridge/neg-MSE/explicit folds: max rel d mean score {f(rel(gs2.cv_results_['mean_test_score'], ref2.cv_results_['mean_test_score']))}, "
        f"best_params_ {'same' if gs2.best_params_ == ref2.best_params_ else 'DIFFERENT'}")


if __name__ == "__main__":
    import sklearn
    print(f"numpy {np.__version__}, scikit-learn {sklearn.__version__}")
    for fn in (m06, m07, m08, m09, m10):
        t0 = time.perf_counter()
        fn()
        print(f"# {fn.__name__} done in {time.perf_counter() - t0:.1f}s", flush=True)
