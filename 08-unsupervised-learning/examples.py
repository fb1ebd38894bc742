"""Module 08 - Unsupervised learning: runnable, commented demonstrations.

Run from the repository root::

    uv run 08-unsupervised-learning/examples.py            # every section, about 15 s
    uv run 08-unsupervised-learning/examples.py --figures  # also regenerate figures/*.png for theory.md

or from inside the folder with ``python examples.py``. Every section prints a labelled header;
read the code of a section next to its output. Random data is seeded, so the output is the
same on every run. Plots made during a normal run go to ``output/`` (git-ignored); with
``--figures`` the figures used by ``theory.md`` are written to ``figures/`` as well.

The module uses no GPU: every algorithm here runs in milliseconds on a CPU at this scale.

Sections
--------
 1. k-means: Lloyd's iterations by hand, k-means++ versus random seeding, scikit-learn's KMeans
 2. Choosing k: the elbow, the silhouette, and why scaling matters (Pipeline)
 3. Mixed-type data: ColumnTransformer + KMeans for customer segmentation
 4. Hierarchical clustering: linkage, dendrogram, single versus complete
 5. DBSCAN: density, noise, the k-distance plot, and k-means' failure on moons
 6. Evaluating clusters: silhouette, Davies-Bouldin, Calinski-Harabasz, ARI
 7. PCA: SVD by hand, explained variance, reconstruction, PCA inside a Pipeline
 8. Factor analysis versus PCA
 9. t-SNE for visualisation (and what not to read into it)
10. Gaussian mixtures and EM: a 1-D EM loop, soft assignments, BIC
11. Association rules: support, confidence, lift on a basket table
12. Anomaly detection: z-score, Mahalanobis, robust covariance, IsolationForest, LOF
"""
from __future__ import annotations

import os

# Small problems: BLAS/OpenMP thread pools cost more than they save here, and on a shared
# machine they oversubscribe the cores. One thread per library unless the user says otherwise
# (these must be set before NumPy and scikit-learn are imported).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # render to files; no window and no display needed (CI, SSH, containers)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import Ellipse  # noqa: E402
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage  # noqa: E402
from scipy.stats import chi2  # noqa: E402
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.covariance import EmpiricalCovariance, MinCovDet  # noqa: E402
from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs, make_moons  # noqa: E402
from sklearn.decomposition import PCA, FactorAnalysis  # noqa: E402
from sklearn.ensemble import IsolationForest  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.manifold import TSNE, trustworthiness  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    precision_score,
    recall_score,
    silhouette_score,
)
from sklearn.mixture import GaussianMixture  # noqa: E402
from sklearn.model_selection import cross_val_score, train_test_split  # noqa: E402
from sklearn.neighbors import LocalOutlierFactor, NearestNeighbors  # noqa: E402
from sklearn.pipeline import Pipeline, make_pipeline  # noqa: E402
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler  # noqa: E402

HERE = Path(__file__).resolve().parent  # works from the repo root and from inside the folder
OUTPUT = HERE / "output"
FIGURES = HERE / "figures"
SEED = 0
SAVE_DIRS: list[Path] = [OUTPUT]      # main() adds FIGURES when --figures is given


def section(number: int, title: str) -> None:
    """Print a clearly visible section header."""
    print(f"\n{'=' * 78}\n{number:2d}. {title}\n{'=' * 78}")


def save(fig: plt.Figure, name: str) -> None:
    """Save a figure into every directory of SAVE_DIRS and print where it went."""
    for folder in SAVE_DIRS:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        fig.savefig(path, dpi=100, bbox_inches="tight")
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        print(f"  [saved plot] {shown}")
    plt.close(fig)


def covariance_ellipse(ax, mean, cov, n_std: float = 2.0, **kw) -> None:
    """Draw the ellipse {x : (x - mean)^T cov^-1 (x - mean) = n_std^2} on ax.

    The eigenvectors of the covariance give the axes' directions, the square roots of its
    eigenvalues their lengths (one standard deviation along each axis).
    """
    vals, vecs = np.linalg.eigh(cov)
    angle = np.degrees(np.arctan2(vecs[1, -1], vecs[0, -1]))
    w, h = 2 * n_std * np.sqrt(vals[::-1])
    ax.add_patch(Ellipse(mean, w, h, angle=angle, fill=False, **kw))


# =============================================================================================
# 1. k-means
# =============================================================================================
def demo_kmeans() -> None:
    section(1, "k-means: Lloyd's iterations, k-means++ versus random seeding, scikit-learn")

    # Lloyd's algorithm on the 1-D toy problem of theory.md, printed step by step:
    # points 1, 2, 3, 10, 11, 12, 20 and the (bad) starting centres 1 and 2.
    x = np.array([1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 20.0])
    centres = np.array([1.0, 2.0])
    for it in range(1, 6):
        labels = np.argmin(np.abs(x[:, None] - centres[None, :]), axis=1)        # assignment
        new = np.array([x[labels == j].mean() for j in range(len(centres))])     # update
        inertia = np.sum((x - new[labels]) ** 2)
        print(f"iteration {it}: labels {labels.tolist()} -> centres {np.round(new, 3).tolist()}, "
              f"inertia w.r.t. the new centres {inertia:.3f}")
        if np.allclose(new, centres):
            print("  the centres did not move: converged")
            break
        centres = new

    # k-means++ versus uniform random seeding: the same Lloyd's algorithm, different starts.
    # 10 blobs on a grid; random seeding often puts two centres in one blob and none in another,
    # and Lloyd cannot repair that (it only moves centres locally).
    grid = np.array([[i, j] for i in range(5) for j in range(2)], dtype=float) * 6
    X, _ = make_blobs(500, centers=grid, cluster_std=0.8, random_state=SEED)
    runs = {init: np.array([KMeans(10, init=init, n_init=1, random_state=s).fit(X).inertia_ for s in range(30)])
            for init in ("random", "k-means++")}
    best = min(r.min() for r in runs.values())
    for init, inertias in runs.items():
        print(f"init={init:10s}: 30 single runs, inertia median {np.median(inertias):7.1f}, worst "
              f"{inertias.max():7.1f}, runs within 1% of the best ({best:.1f}): {np.mean(inertias < 1.01 * best):.0%}")
    # scikit-learn's default is init="k-means++", n_init="auto" (1 run for k-means++); asking
    # for several restarts is cheap insurance on real data.
    km = KMeans(10, n_init=10, random_state=SEED).fit(X)
    print(f"KMeans(10, n_init=10): inertia {km.inertia_:.1f} after {km.n_iter_} iterations; "
          f"cluster sizes {np.bincount(km.labels_).tolist()}")
    # predict assigns NEW points to the learned centres; transform gives the distance to each
    # centre, a k-dimensional feature vector ("distance to each prototype").
    print("predict([[0, 0], [24, 6]]) =", km.predict(np.array([[0.0, 0.0], [24.0, 6.0]])).tolist(),
          "| transform shape:", km.transform(X[:3]).shape)


# =============================================================================================
# 2. Choosing k, and scaling
# =============================================================================================
def demo_choosing_k() -> None:
    section(2, "Choosing k: the elbow, the silhouette, and why scaling matters")
    X, _ = make_blobs(400, centers=4, cluster_std=[1.0, 1.5, 0.8, 1.2], random_state=7)
    ks = list(range(2, 9))
    inertias, sils = [], []
    for k in ks:
        km = KMeans(k, n_init=5, random_state=SEED).fit(X)
        inertias.append(km.inertia_)
        sils.append(silhouette_score(X, km.labels_))
    for k, inn, s in zip(ks, inertias, sils):
        print(f"k={k}: inertia {inn:8.1f}   silhouette {s:.3f}" + ("   <- best silhouette" if s == max(sils) else ""))
    print("Inertia always decreases with k (k = n gives 0), so look for the 'elbow', where adding a")
    print("cluster stops paying; the silhouette has a maximum, which is easier to read.")

    fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    axes[0].plot(ks, inertias, "o-")
    axes[0].set(xlabel="k", ylabel="inertia", title="Elbow: inertia vs k")
    axes[1].plot(ks, sils, "o-", color="C1")
    axes[1].set(xlabel="k", ylabel="mean silhouette", title="Silhouette vs k")
    fig.tight_layout()
    save(fig, "choosing_k.png")

    # Scaling: k-means uses Euclidean distance, so a feature measured in large units dominates.
    # Wine's proline is in the hundreds to ~1700, most other features are below 10.
    wine = load_wine()
    raw = KMeans(3, n_init=10, random_state=SEED).fit_predict(wine.data)
    pipe = make_pipeline(StandardScaler(), KMeans(3, n_init=10, random_state=SEED))
    scaled = pipe.fit_predict(wine.data)
    print(f"wine, 3 clusters vs the 3 cultivars: ARI without scaling {adjusted_rand_score(wine.target, raw):.3f}, "
          f"with StandardScaler in a Pipeline {adjusted_rand_score(wine.target, scaled):.3f}")
    print("(ARI = adjusted Rand index: 1 = identical partitions, about 0 = chance agreement.)")


# =============================================================================================
# 3. ColumnTransformer for mixed-type data
# =============================================================================================
def demo_segmentation() -> None:
    section(3, "Mixed-type data: ColumnTransformer + KMeans for customer segmentation")
    rng = np.random.default_rng(SEED)
    n = 300
    # Three hidden segments: bargain hunters, regulars, big spenders.
    segment = rng.integers(0, 3, size=n)
    spend = np.array([40, 120, 600])[segment] * rng.lognormal(0, 0.25, n)
    visits = np.array([2, 8, 4])[segment] + rng.poisson(1, n)
    channel = np.where(rng.random(n) < np.array([0.8, 0.3, 0.1])[segment], "app", "web")
    df = pd.DataFrame({"monthly_spend": spend.round(2), "visits": visits, "channel": channel})
    print(df.head(4).to_string())

    # One preprocessing object for all columns: scale the numbers (log first: spend is skewed),
    # one-hot encode the category. Fitted inside the pipeline, so the same transformation is
    # applied at prediction time: no hand-made, drifting copies of the preprocessing code.
    pre = ColumnTransformer([
        ("num", make_pipeline(
FunctionTransformer(np.log1p), StandardScaler()), ["monthly_spend", "visits"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["channel"]),
    ])
    model = Pipeline([("pre", pre), ("kmeans", KMeans(3, n_init=10, random_state=SEED))])
    labels = model.fit_predict(df)
    print(f"ARI against the hidden segments: {adjusted_rand_score(segment, labels):.3f}")
    profile = df.assign(cluster=labels).groupby("cluster").agg(
        customers=("visits", "size"), median_spend=("monthly_spend", "median"),
        mean_visits=("visits", "mean"), share_app=("channel", lambda c: np.mean(c == "app")))
    print(profile.round(2).to_string())
    print("Profiling each cluster in business terms is what turns labels into segments.")


# =============================================================================================
# 4. Hierarchical clustering
# =============================================================================================
def demo_hierarchical() -> None:
    section(4, "Hierarchical clustering: linkage, dendrogram, single versus complete")
    x = np.array([[0.0], [1.0], [3.0], [7.0]])
    for method in ("single", "complete", "average", "ward"):
        Z = linkage(x, method)
        print(f"{method:8s} linkage of 0, 1, 3, 7: merge heights {np.round(Z[:, 2], 3).tolist()}")
    print("Each row of Z is [cluster a, cluster b, height, size]; new clusters get ids n, n+1, ...")

    X, y = make_moons(200, noise=0.05, random_state=SEED)
    for method in ("single", "complete", "average", "ward"):
        labels = AgglomerativeClustering(n_clusters=2, linkage=method).fit_predict(X)
        print(f"moons, 2 clusters, {method:8s} linkage: ARI {adjusted_rand_score(y, labels):.3f}")
    print("Single linkage follows chains of close points (good for moons, fragile with noise);")
    print("complete, average and Ward prefer compact, blob-like clusters.")

    # Cutting the tree at a height instead of at a number of clusters.
    Z = linkage(X, "single")
    for height in (0.1, 0.2, 0.3):
        print(f"single-linkage tree cut at height {height}: {fcluster(Z, t=height, criterion='distance').max()} clusters")

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    Xs, _ = make_blobs(24, centers=3, cluster_std=1.2, random_state=2)
    for ax, method in zip(axes, ("single", "complete")):
        dendrogram(linkage(Xs, method), ax=ax, color_threshold=None, above_threshold_color="C0")
        ax.set(title=f"{method} linkage", xlabel="point index", ylabel="merge height")
    fig.tight_layout()
    save(fig, "dendrograms.png")


# =============================================================================================
# 5. DBSCAN
# =============================================================================================
def demo_dbscan() -> None:
    section(5, "DBSCAN: density, noise, the k-distance plot, and k-means' failure on moons")
    X, y = make_moons(300, noise=0.07, random_state=SEED)
    rng = np.random.default_rng(SEED)
    X = np.vstack([X, rng.uniform([-1.5, -1.0], [2.5, 1.5], size=(20, 2))])
    y = np.concatenate([y, np.full(20, -1)])
    Xs = StandardScaler().fit_transform(X)

    # The k-distance plot: for min_samples = m, sort every point's distance to its (m-1)-th
    # nearest other point; a good eps sits at the knee, where the distances shoot up (noise).
    m = 5
    dist, _ = NearestNeighbors(n_neighbors=m).fit(Xs).kneighbors(Xs)   # column 0 is the point itself
    kdist = np.sort(dist[:, -1])
    print(f"{m - 1}-th neighbour distance: median {np.median(kdist):.3f}, 90th pct {np.quantile(kdist, 0.9):.3f}, "
          f"95th {np.quantile(kdist, 0.95):.3f}, max {kdist.max():.3f}")
    for eps in (0.1, 0.2, 0.3, 0.6):
        labels = DBSCAN(eps=eps, min_samples=m).fit_predict(Xs)
        print(f"DBSCAN(eps={eps}, min_samples={m}): {labels.max() + 1} clusters, {np.sum(labels == -1)} noise points")

    db = DBSCAN(eps=0.3, min_samples=m).fit(Xs)
    km = KMeans(2, n_init=10, random_state=SEED).fit(Xs)
    inside = y >= 0
    print(f"on the two moons (noise excluded): ARI DBSCAN {adjusted_rand_score(y[inside], db.labels_[inside]):.3f}, "
          f"k-means {adjusted_rand_score(y[inside], km.labels_[inside]):.3f}")
    print(f"core points: {len(db.core_sample_indices_)}, noise flagged: {np.sum(db.labels_ == -1)} "
          f"(20 uniform noise points were added; some fall inside the moons)")

    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    axes[0].plot(kdist)
    axes[0].axhline(0.3, color="C3", ls="--", label="eps = 0.3")
    axes[0].set(title=f"k-distance plot (k = {m - 1})", xlabel="points sorted by distance",
                ylabel=f"distance to {m - 1}-th neighbour")
    axes[0].legend()
    axes[1].scatter(Xs[:, 0], Xs[:, 1], c=km.labels_, cmap="coolwarm", s=12)
    axes[1].scatter(*km.cluster_centers_.T, marker="X", s=150, c="k")
    axes[1].set(title="k-means (k = 2): cuts the moons in half")
    core = np.zeros(len(Xs), dtype=bool)
    core[db.core_sample_indices_] = True
    noise = db.labels_ == -1
    axes[2].scatter(Xs[~noise & core, 0], Xs[~noise & core, 1], c=db.labels_[~noise & core], cmap="coolwarm",
                    s=12, label="core")
    axes[2].scatter(Xs[~noise & ~core, 0], Xs[~noise & ~core, 1], c=db.labels_[~noise & ~core], cmap="coolwarm",
                    s=30, marker="^", label="border")
    axes[2].scatter(Xs[noise, 0], Xs[noise, 1], c="k", s=25, marker="x", label="noise (-1)")
    axes[2].set(title="DBSCAN (eps = 0.3, min_samples = 5)")
    axes[2].legend(loc="lower left", fontsize=8)
    for ax in axes[1:]:
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    save(fig, "kmeans_vs_dbscan_moons.png")


# =============================================================================================
# 6. Evaluating clusters
# =============================================================================================
def demo_cluster_metrics() -> None:
    section(6, "Evaluating clusters: silhouette, Davies-Bouldin, Calinski-Harabasz, ARI")
    X, y = make_blobs(300, centers=3, cluster_std=1.0, random_state=1)
    Xm, ym = make_moons(300, noise=0.05, random_state=1)
    print(f"{'data / method':28s} {'silhouette':>10s} {'DB (low)':>9s} {'CH (high)':>10s} {'ARI':>6s}")
    for name, data, truth, labels in (
        ("blobs / k-means", X, y, KMeans(3, n_init=10, random_state=SEED).fit_predict(X)),
        ("moons / k-means", Xm, ym, KMeans(2, n_init=10, random_state=SEED).fit_predict(Xm)),
        ("moons / single linkage", Xm, ym, AgglomerativeClustering(2, linkage="single").fit_predict(Xm)),
    ):
        print(f"{name:28s} {silhouette_score(data, labels):10.3f} {davies_bouldin_score(data, labels):9.3f} "
              f"{calinski_harabasz_score(data, labels):10.1f} {adjusted_rand_score(truth, labels):6.3f}")
    print("On the moons the internal scores PREFER the wrong k-means answer (they reward convex,")
    print("well-separated blobs); only ARI, which needs true labels, sees that single linkage is right.")


# =============================================================================================
# 7. PCA
# =============================================================================================
def demo_pca() -> None:
    section(7, "PCA: SVD by hand, explained variance, reconstruction, PCA inside a Pipeline")
    # The hand example of theory.md: five points, covariance [[2.5, 1.5], [1.5, 2.5]].
    X = np.array([[2.0, 2.0], [0.0, 0.0], [-2.0, -2.0], [1.0, -1.0], [-1.0, 1.0]])
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    print("covariance:\n", np.cov(X, rowvar=False))
    print("singular values", S.round(4), "-> variances S^2/(n-1) =", (S**2 / (len(X) - 1)).round(4))
    print("first direction", Vt[0].round(4), "(the sign is arbitrary: sklearn makes the largest entry positive)")

    digits = load_digits()
    Xd, yd = digits.data, digits.target
    pca = PCA().fit(Xd)
    cum = np.cumsum(pca.explained_variance_ratio_)
    for target in (0.5, 0.8, 0.9, 0.95, 0.99):
        print(f"digits: {np.searchsorted(cum, target, side='right') + 1:2d} of 64 components explain > {target:.0%} "
              "of the variance")
    # Reconstruction error falls as components are added: PCA is the best rank-k approximation.
    for k in (2, 10, 30):
        p = PCA(k).fit(Xd)
        err = np.mean((Xd - p.inverse_transform(p.transform(Xd))) ** 2)
        print(f"k={k:2d}: mean squared reconstruction error {err:6.3f} "
              f"(= sum of the discarded variances x (n-1)/n / 64: "
              f"{pca.explained_variance_[k:].sum() * (len(Xd) - 1) / len(Xd) / 64:6.3f})")

    # PCA as a preprocessing step: fit it inside the pipeline so each CV fold learns its own
    # components from its own training part (fitting PCA on all data first leaks the test folds).
    for k in (5, 20, 40):
        pipe = make_pipeline(StandardScaler(), PCA(k), LogisticRegression(max_iter=2000))
        acc = cross_val_score(pipe, Xd, yd, cv=3).mean()
        print(f"StandardScaler -> PCA({k:2d}) -> LogisticRegression: 3-fold CV accuracy {acc:.3f}")

    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    ks = np.arange(1, 65)
    axes[0].bar(ks, pca.explained_variance_ratio_, color="C0", alpha=0.6, label="per component")
    axes[0].plot(ks, cum, "C1-", label="cumulative")
    axes[0].axhline(0.9, color="gray", ls=":")
    axes[0].set(xlabel="component", ylabel="explained variance ratio", title="PCA on digits (64 pixels)")
    axes[0].legend()
    Z = pca.transform(Xd)[:, :2]
    sc = axes[1].scatter(Z[:, 0], Z[:, 1], c=yd, cmap="tab10", s=6)
    axes[1].set(xlabel="PC 1", ylabel="PC 2", title="digits projected on 2 components")
    fig.colorbar(sc, ax=axes[1], ticks=range(10), label="digit")
    fig.tight_layout()
    save(fig, "pca_digits.png")


# =============================================================================================
# 8. Factor analysis
# =============================================================================================
def demo_factor_analysis() -> None:
    section(8, "Factor analysis versus PCA")
    # Six observed test scores driven by 2 latent abilities (verbal, quantitative), each score
    # with its OWN noise level: x = W z + mu + e, e ~ N(0, diag(psi)).
    rng = np.random.default_rng(SEED)
    W = np.array([[0.9, 0.0], [0.8, 0.1], [0.7, 0.0], [0.0, 0.9], [0.1, 0.8], [0.0, 0.6]])
    psi = np.array([0.1, 0.2, 0.3, 0.1, 0.2, 2.0])        # the last score is very noisy
    z = rng.normal(size=(2000, 2))
    X = z @ W.T + rng.normal(size=(2000, 6)) * np.sqrt(psi)
    fa = FactorAnalysis(n_components=2, rotation="varimax", random_state=SEED).fit(X)
    pca = PCA(2).fit(X)
    print("true noise variances     ", psi)
    print("FA estimated noise_variance_", fa.noise_variance_.round(2))
    print("FA loadings (varimax), one row per score:\n", fa.components_.T.round(2))
    print("PCA components (one row per score):\n", pca.components_.T.round(2))
    print("FA models each feature's own noise (psi) and recovers the two-factor structure; PCA")
    print("treats all variance alike, so the noisy last score pulls on its components.")


# =============================================================================================
# 9. t-SNE
# =============================================================================================
def demo_tsne() -> None:
    section(9, "t-SNE for visualisation (and what not to read into it)")
    digits = load_digits()
    X, y = digits.data[::3], digits.target[::3]            # 599 images keep this section fast
    Xs = StandardScaler().fit_transform(X)
    Z_pca = PCA(2).fit_transform(Xs)
    t0 = time.perf_counter()
    Z_tsne = TSNE(2, perplexity=30, init="pca", random_state=SEED).fit_transform(Xs)
    took = time.perf_counter() - t0
    for name, Z in (("PCA  ", Z_pca), ("t-SNE", Z_tsne)):
        print(f"{name} 2-D map: trustworthiness(10 neighbours) {trustworthiness(Xs, Z, n_neighbors=10):.3f}")
    print(f"(t-SNE on {len(X)} points took {took:.1f} s; it has no transform() for new points.)")
    print("Cluster sizes and distances BETWEEN clusters in a t-SNE map are not meaningful; only")
    print("the local neighbourhoods are. Use it to look, not as features for a model.")

    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for ax, Z, title in ((axes[0], Z_pca, "PCA (linear)"), (axes[1], Z_tsne, "t-SNE (perplexity 30)")):
        ax.scatter(Z[:, 0], Z[:, 1], c=y, cmap="tab10", s=7)
        for digit in range(10):
            cx, cy = np.median(Z[y == digit], axis=0)
            ax.text(cx, cy, str(digit), fontsize=13, weight="bold", ha="center", va="center",
                    bbox=dict(boxstyle="circle,pad=0.15", fc="white", alpha=0.7))
        ax.set(title=f"digits: {title}", xticks=[], yticks=[])
    fig.tight_layout()
    save(fig, "tsne_vs_pca_digits.png")


# =============================================================================================
# 10. Gaussian mixtures and EM
# =============================================================================================
def demo_gmm() -> None:
    section(10, "Gaussian mixtures and EM: a 1-D EM loop, soft assignments, BIC")
    rng = np.random.default_rng(SEED)
    x = np.concatenate([rng.normal(-2.0, 0.7, 300), rng.normal(1.5, 1.2, 700)])

    # EM for a 2-component 1-D mixture, written out: E-step = responsibilities, M-step = weighted
    # maximum-likelihood estimates. The log-likelihood never decreases from one step to the next.
    w, mu, var = np.array([0.5, 0.5]), np.array([-1.0, 0.0]), np.array([1.0, 1.0])
    previous = -np.inf
    for it in range(1, 201):
        log_p = np.log(w) - 0.5 * np.log(2 * np.pi * var) - 0.5 * (x[:, None] - mu) ** 2 / var
        top = log_p.max(axis=1, keepdims=True)
        log_px = top[:, 0] + np.log(np.exp(log_p - top).sum(axis=1))      # log-sum-exp
        r = np.exp(log_p - log_px[:, None])                                # E-step
        nk = r.sum(axis=0)                                                 # M-step
        w, mu = nk / len(x), (r * x[:, None]).sum(axis=0) / nk
        var = (r * (x[:, None] - mu) ** 2).sum(axis=0) / nk
        ll = log_px.mean()
        assert ll >= previous - 1e-12, "EM never decreases the likelihood"
        if it in (1, 2, 5, 10) or ll - previous < 1e-8:
            print(f"EM iteration {it:3d}: mean log-likelihood {ll:.5f}, weights {w.round(3)}, means {mu.round(3)}, "
                  f"std {np.sqrt(var).round(3)}")
        if ll - previous < 1e-8:
            break
        previous = ll
    print("true: weights [0.3 0.7], means [-2 1.5], std [0.7 1.2]")

    # scikit-learn, multivariate, with BIC to choose the number of components.
    X, _ = make_blobs(500, centers=[[0, 0], [5, 1], [2, 5]], cluster_std=[1.0, 0.6, 1.4], random_state=3)
    X = X @ np.array([[1.0, 0.4], [0.0, 1.0]])                              # shear: elliptical clusters
    for k in range(1, 6):
        gm = GaussianMixture(k, covariance_type="full", random_state=SEED).fit(X)
        print(f"GaussianMixture(k={k}): BIC {gm.bic(X):8.1f}")
    gm = GaussianMixture(3, covariance_type="full", random_state=SEED).fit(X)
    proba = gm.predict_proba(X)
    unsure = np.sum(proba.max(axis=1) < 0.9)
    print(f"k=3 chosen by BIC; {unsure} of {len(X)} points have no component with >= 90% responsibility")

    # The figure: EM on 2-D data from a poor start, ellipses after 0, 1, 5 and 30 iterations.
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.4), sharex=True, sharey=True)
    means0 = np.array([[-1.0, 6.0], [0.0, 5.5], [1.0, 6.0]])
    for ax, iters in zip(axes, (0, 1, 5, 30)):
        if iters == 0:
            means, covs, weights = means0, np.array([np.eye(2)] * 3), np.full(3, 1 / 3)
        else:
            g = GaussianMixture(3, max_iter=iters, tol=0, init_params="random", means_init=means0,
                                weights_init=np.full(3, 1 / 3), precisions_init=np.array([np.eye(2)] * 3),
                                random_state=SEED)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                g.fit(X)
            means, covs, weights = g.means_, g.covariances_, g.weights_
        ax.scatter(X[:, 0], X[:, 1], s=4, c="gray", alpha=0.5)
        for j in range(3):
            covariance_ellipse(ax, means[j], covs[j], n_std=2.0, color=f"C{j}", lw=2)
            ax.plot(*means[j], "x", color=f"C{j}", ms=9, mew=2)
        ax.set(title=f"after {iters} EM iteration{'s' if iters != 1 else ''}", xticks=[], yticks=[])
    fig.tight_layout()
    save(fig, "gmm_em.png")


# =============================================================================================
# 11. Association rules
# =============================================================================================
def demo_association_rules() -> None:
    section(11, "Association rules: support, confidence, lift on a basket table")
    baskets = [{"bread", "milk"}, {"bread", "diapers", "beer", "eggs"}, {"milk", "diapers", "beer", "cola"},
               {"bread", "milk", "diapers", "beer"}, {"bread", "milk", "diapers", "cola"}]
    items = sorted(set().union(*baskets))
    # The one-hot basket table: rows = transactions, columns = items. Support of an itemset is
    # the mean of the AND of its columns. (Fine for a handful of items; Apriori, the exercise,
    # is what avoids enumerating every combination when there are thousands of items.)
    onehot = pd.DataFrame([[item in b for item in items] for b in baskets], columns=items)
    print(onehot.astype(int).to_string())
    support = {}
    for r in (1, 2, 3):
        for combo in itertools.combinations(items, r):
            s = onehot[list(combo)].all(axis=1).mean()
            if s >= 0.4:
                support[frozenset(combo)] = s
    print("itemsets with support >= 0.4:", len(support))
    rows = []
    for itemset, s in support.items():
        for r in range(1, len(itemset)):
            for ante in itertools.combinations(sorted(itemset), r):
                a = frozenset(ante)
                c = itemset - a
                conf = s / support[a]
                rows.append((", ".join(sorted(a)), ", ".join(sorted(c)), s, conf, conf / support[c]))
    rules = pd.DataFrame(rows, columns=["if", "then", "support", "confidence", "lift"])
    rules = rules[rules.confidence >= 0.7].sort_values(["confidence", "lift"], ascending=False)
    print(rules.round(3).to_string(index=False))
    print("lift > 1: the items go together more often than chance; lift < 1: less often.")


# =============================================================================================
# 12. Anomaly detection
# =============================================================================================
def demo_anomalies() -> None:
    section(12, "Anomaly detection: z-score, Mahalanobis, robust covariance, IsolationForest, LOF")
    rng = np.random.default_rng(SEED)
    # "Normal" traffic: two strongly correlated metrics (e.g. requests and CPU).
    cov = np.array([[1.0, 0.9], [0.9, 1.0]])
    normal = rng.multivariate_normal([0, 0], cov, size=500)
    # Anomalies that break the CORRELATION but are unremarkable on each metric alone...
    odd_pattern = rng.multivariate_normal([0, 0], [[0.05, 0], [0, 0.05]], size=10) + np.array([[1.5, -1.5]])
    # ...and a burst of 15 failures where metric 1 is high while metric 2 stays normal.
    extreme = rng.normal([4.0, -1.0], 0.5, size=(15, 2))
    X = np.vstack([normal, odd_pattern, extreme])
    truth = np.r_[np.zeros(500), np.ones(25)].astype(bool)              # about 5% anomalies
    X_train, X_test, t_train, t_test = train_test_split(X, truth, test_size=0.5, random_state=SEED, stratify=truth)

    def report(name: str, flagged: np.ndarray) -> None:
        print(f"{name:34s} flagged {flagged.sum():3d}: precision {precision_score(t_test, flagged, zero_division=0):.2f}, "
              f"recall {recall_score(t_test, flagged):.2f}")

    # 1. z-scores per feature: blind to correlation.
    mu, sd = X_train.mean(axis=0), X_train.std(axis=0)
    report("|z| > 3 on any feature", (np.abs((X_test - mu) / sd) > 3).any(axis=1))
    # 2. Mahalanobis with the empirical covariance, fitted on training data that CONTAINS the
    #    anomalies: they inflate the covariance and hide themselves ("masking"). The robust
    #    Minimum Covariance Determinant estimate fits the densest half of the data instead.
    threshold = chi2.ppf(0.99, df=2)
    report("Mahalanobis (empirical), chi2 99%", EmpiricalCovariance().fit(X_train).mahalanobis(X_test) > threshold)
    report("Mahalanobis (MinCovDet), chi2 99%", MinCovDet(random_state=SEED).fit(X_train).mahalanobis(X_test) > threshold)
    # 3. IsolationForest: anomalies are isolated by few random splits. contamination sets the
    #    threshold as a quantile of the training scores.
    iso = IsolationForest(n_estimators=200, contamination=0.05, random_state=SEED).fit(X_train)
    report("IsolationForest (contamination 5%)", iso.predict(X_test) == -1)
    # 4. LocalOutlierFactor: density relative to the neighbours; novelty=True to score new data.
    lof = LocalOutlierFactor(n_neighbors=20, contamination=0.05, novelty=True).fit(X_train)
    report("LocalOutlierFactor (novelty, 5%)", lof.predict(X_test) == -1)
    print("Per-feature z-scores miss the correlation-breaking anomalies; the empirical covariance is")
    print("masked by the anomalies it was fitted on; the robust covariance catches them all. The")
    print("axis-parallel splits of IsolationForest struggle with anomalies that lie BETWEEN normal")
    print("values of each feature. No detector wins everywhere: evaluate on labelled incidents.")

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharex=True, sharey=True)
    mcd = MinCovDet(random_state=SEED).fit(X_train)
    xx, yy = np.meshgrid(np.linspace(-4, 5.5, 200), np.linspace(-4, 5.5, 200))
    grid = np.c_[xx.ravel(), yy.ravel()]
    panels = ((axes[0], mcd.mahalanobis(grid), [threshold], "robust Mahalanobis: chi2 99% contour"),
              (axes[1], -iso.score_samples(grid), [-iso.offset_], "IsolationForest: anomaly score contour"))
    for ax, score, levels, title in panels:
        cs = ax.contourf(xx, yy, score.reshape(xx.shape), levels=20, cmap="Blues", alpha=0.6)
        ax.contour(xx, yy, score.reshape(xx.shape), levels=levels, colors="C3", linewidths=2)
        ax.scatter(*X[~truth].T, s=5, c="k", alpha=0.5, label="normal")
        ax.scatter(*X[truth].T, s=30, c="C3", marker="x", label="anomaly")
        ax.set(title=title, xlabel="metric 1 (z)", ylabel="metric 2 (z)")
        del cs
    axes[0].legend(loc="upper left")
    fig.tight_layout()
    save(fig, "anomaly_detection.png")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Module 08 - Unsupervised learning: demonstrations")
    parser.add_argument("--figures", action="store_true", help="also write the theory.md figures to figures/")
    args = parser.parse_args(argv)
    if args.figures:
        SAVE_DIRS.append(FIGURES)
    np.set_printoptions(precision=4, suppress=True)
    started = time.perf_counter()
    demo_kmeans()
    demo_choosing_k()
    demo_segmentation()
    demo_hierarchical()
    demo_dbscan()
    demo_cluster_metrics()
    demo_pca()
    demo_factor_analysis()
    demo_tsne()
    demo_gmm()
    demo_association_rules()
    demo_anomalies()
    print(f"\nAll sections ran in {time.perf_counter() - started:.1f} s.")


if __name__ == "__main__":
    main(sys.argv[1:])
