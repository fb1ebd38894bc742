"""Hidden suite of module 08 - Unsupervised learning.

Every test grades one exercise of ``08-unsupervised-learning/exercises.py`` through the
``learner`` fixture and explains a failure in the learner's terms. The references are the
library routines each exercise re-implements, run on the same data: scikit-learn's ``KMeans``
(same initial centres, Lloyd's algorithm), ``silhouette_score``/``silhouette_samples``, ``PCA``
(full SVD), ``EmpiricalCovariance``, ``DBSCAN``, ``AgglomerativeClustering`` and
``GaussianMixture``; SciPy's ``linkage``, ``multivariate_normal`` and ``chi2``; and brute-force
enumeration for Apriori. While the learner's code runs, the routine being re-implemented is
blocked with ``grader.testing.forbid``.

Tolerances are stated in each message. They leave room for any correct implementation (a looped
or a vectorised distance computation, eigh instead of the SVD, another summation order) and none
for the plausible mistakes each block names: L1 instead of L2, uniform instead of D^2 sampling,
|C| instead of |C|-1, squared distances in the silhouette, no pruning, > instead of >=, a ratio
over the kept components only, ddof=1 covariances, a test-set mean, min_samples not counting
the point itself, growing clusters through border points, average instead of single linkage,
underflow without log-sum-exp, forgotten mixture weights or regularisation.

Data sets are small (at most a few hundred rows; digits for PCA) so the suite runs in seconds.
"""
from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
import scipy.cluster.hierarchy
import scipy.spatial.distance
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.stats import chi2, multivariate_normal
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.cluster import KMeans as SkKMeans
from sklearn.covariance import EmpiricalCovariance
from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs, make_moons
from sklearn.decomposition import PCA as SkPCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_samples as sk_silhouette_samples
from sklearn.metrics import silhouette_score as sk_silhouette_score
from sklearn.mixture import GaussianMixture
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

# =============================================================================================
# Shared data and helpers
# =============================================================================================


@pytest.fixture(scope="module")
def iris():
    return load_iris().data


@pytest.fixture(scope="module")
def digits():
    # Every third image (599 x 64): enough for 10+ components, and three times faster to decompose.
    return load_digits().data[::3]


def _blobs(seed: int, n: int = 120, centers: int = 4, std: float = 2.5):
    X, y = make_blobs(n, centers=centers, cluster_std=std, random_state=seed)
    return X, y


def _expect_same_partition(got, want, what: str) -> None:
    """The two label vectors describe the same grouping, whatever numbers name the groups."""
    got = np.asarray(got)
    want = np.asarray(want)
    expect_shape(got, want.shape, what)
    first_of: dict = {}
    for i, (g, w) in enumerate(zip(got.tolist(), want.tolist())):
        if g in first_of and first_of[g][1] != w:
            j = first_of[g][0]
            expect(False, f"{what}: points {j} and {i} should be in different clusters, but you put "
                          f"both in cluster {g!r}")
        first_of.setdefault(g, (i, w))
    first_of_w: dict = {}
    for i, (g, w) in enumerate(zip(got.tolist(), want.tolist())):
        if w in first_of_w and first_of_w[w][1] != g:
            j = first_of_w[w][0]
            expect(False, f"{what}: points {j} and {i} should be in the same cluster, but you gave "
                          f"them labels {first_of_w[w][1]!r} and {g!r}")
        first_of_w.setdefault(w, (i, g))


def _expect_integer_labels(got, n: int, what: str) -> None:
    expect_type(got, np.ndarray, what)
    expect_shape(got, (n,), what)
    expect(np.issubdtype(got.dtype, np.integer),
           f"{what}: expected an integer array of labels, got dtype {got.dtype}")


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    expect(np.array_equal(before, after), f"{what}: your code modified its input array; work on a copy")


def _check_estimator_basics(model, fitted, params: dict, what: str) -> None:
    expect(fitted is model, f"{what}: fit must return self (the estimator itself), got {show(fitted, 60)}")
    for name, value in params.items():
        stored = getattr(model, name, "<missing>")
        same = stored is value or (isinstance(value, np.ndarray) and isinstance(stored, np.ndarray)
                                   and np.array_equal(stored, value)) or (
            not isinstance(value, np.ndarray) and stored == value)
        expect(same, f"{what}: the hyperparameter {name} must be stored unchanged in __init__ and not "
                     f"altered by fit (scikit-learn convention); expected {show(value, 60)}, found {show(stored, 60)}")


# =============================================================================================
# 1. assign_labels
# =============================================================================================
DISTANCE_LIBRARIES = ("scipy.spatial.distance.cdist", "scipy.spatial.distance.pdist",
                      "sklearn.metrics.pairwise_distances", "sklearn.metrics.pairwise_distances_argmin",
                      "sklearn.metrics.pairwise_distances_argmin_min")


def _ref_assign(X, C):
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1)
    return d2.argmin(1)


@pytest.mark.exercise("assign_labels")
def test_assign_labels_hand_example_uses_euclidean_distance(learner):
    X = np.array([[1.0, 0.0], [9.0, 1.0], [5.5, 0.0], [0.0, 0.0]])
    C = np.array([[0.0, 0.0], [10.0, 0.0]])
    got = learner.assign_labels(X, C)
    _expect_integer_labels(got, 4, "assign_labels(X, centers) for X of shape (4, 2), centers of shape (2, 2)")
    expect_equal(got.tolist(), [0, 1, 1, 0], "assign_labels of the points (1,0), (9,1), (5.5,0), (0,0) "
                                             "to the centres (0,0) and (10,0)")
    # L2 and L1 disagree here: the centre (2, 2) is nearer in Euclidean distance (2.83 < 3),
    # the centre (3, 0) nearer in Manhattan distance (3 < 4).
    got = learner.assign_labels(np.array([[0.0, 0.0]]), np.array([[3.0, 0.0], [2.0, 2.0]]))
    expect_equal(got.tolist(), [1], "assign_labels of the point (0,0) to the centres (3,0) and (2,2) "
                                    "(Euclidean distances 3 and 2.83: the second is nearer; L1 would pick the first)")


@pytest.mark.exercise("assign_labels")
def test_assign_labels_matches_brute_force_on_random_data(learner):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    C = rng.normal(size=(5, 3))
    with forbid(learner, *DISTANCE_LIBRARIES, reason="compute the distances with NumPy broadcasting"):
        got = learner.assign_labels(X, C)
    _expect_integer_labels(got, 200, "assign_labels(X, centers) for X of shape (200, 3), centers of shape (5, 3)")
    want = _ref_assign(X, C)
    bad = np.flatnonzero(got != want)
    expect(len(bad) == 0, f"assign_labels for 200 random points and 5 centres: {len(bad)} labels are wrong; "
                          f"first at row {bad[0] if len(bad) else 0}: expected centre {want[bad[0]] if len(bad) else 0}, "
                          f"got {got[bad[0]] if len(bad) else 0}")


@pytest.mark.exercise("assign_labels")
def test_assign_labels_ties_go_to_the_smallest_index(learner):
    X = np.array([[0.0], [0.0], [2.0]])
    C = np.array([[1.0], [-1.0], [1.0]])     # x=0 is at distance 1 from all three centres
    got = learner.assign_labels(X, C)
    expect_equal(got.tolist(), [0, 0, 0], "assign_labels with equally near centres (ties must go to the "
                                          "smallest centre index; centre 2 duplicates centre 0)")


@pytest.mark.exercise("assign_labels")
def test_assign_labels_edge_cases_and_inputs_untouched(learner):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(7, 2))
    C = rng.normal(size=(1, 2))
    X0, C0 = X.copy(), C.copy()
    got = learner.assign_labels(X, C)
    expect_equal(np.asarray(got).tolist(), [0] * 7, "assign_labels with a single centre (everything is cluster 0)")
    _unchanged(X0, X, "assign_labels")
    _unchanged(C0, C, "assign_labels")
    got = learner.assign_labels(np.zeros((0, 2)), C)
    _expect_integer_labels(got, 0, "assign_labels of an empty X of shape (0, 2)")
    expect_raises(ValueError, lambda: learner.assign_labels(X, np.zeros((2, 3))),
                  "assign_labels with X of shape (7, 2) and centers of shape (2, 3) (dimensions differ)")


# =============================================================================================
# 2. kmeans_plus_plus
# =============================================================================================
def _ref_kpp(X, k, rng):
    n = len(X)
    idx = [int(rng.integers(n))]
    d2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(1, k):
        j = int(rng.choice(n, p=d2 / d2.sum()))
        idx.append(j)
        d2 = np.minimum(d2, ((X - X[j]) ** 2).sum(1))
    return X[idx]


@pytest.mark.exercise("kmeans_plus_plus")
def test_kmeans_plus_plus_follows_the_documented_draws(learner):
    X, _ = _blobs(0, n=60)
    for seed in range(5):
        with forbid(learner, "sklearn.cluster.kmeans_plusplus", reason="write the D^2 sampling yourself"):
            got = learner.kmeans_plus_plus(X, 4, np.random.default_rng(seed))
        want = _ref_kpp(X, 4, np.random.default_rng(seed))
        expect_shape(got, (4, 2), "kmeans_plus_plus(X, 4, rng) for X of shape (60, 2)")
        expect_close(got, want, f"kmeans_plus_plus(X, 4, default_rng({seed})), draws as documented: "
                                "rng.integers(n), then rng.choice(n, p=D2 / D2.sum())", atol=0, rtol=0)


@pytest.mark.exercise("kmeans_plus_plus")
def test_kmeans_plus_plus_samples_in_proportion_to_squared_distance(learner):
    # Four 1-D points; with k=2 the probability of each unordered pair is known exactly.
    X = np.array([[0.0], [1.0], [2.0], [6.0]])
    n = len(X)
    exact: dict = {}
    for i in range(n):
        d2 = (X[:, 0] - X[i, 0]) ** 2
        for j in range(n):
            if j != i:
                key = frozenset((i, j))
                exact[key] = exact.get(key, 0.0) + d2[j] / d2.sum() / n
    trials = 3000
    counts = {key: 0 for key in exact}
    for seed in range(trials):
        got = np.asarray(learner.kmeans_plus_plus(X, 2, np.random.default_rng(seed)))
        rows = [int(np.flatnonzero(X[:, 0] == v)[0]) for v in got[:, 0]]
        expect(len(set(rows)) == 2, f"kmeans_plus_plus chose the same point twice: {show(got)}")
        counts[frozenset(rows)] += 1
    for key, p in exact.items():
        freq = counts[key] / trials
        sigma = np.sqrt(p * (1 - p) / trials)
        pair = sorted(float(X[i, 0]) for i in key)
        expect(abs(freq - p) <= 5 * sigma + 1e-3,
               f"kmeans_plus_plus on the points 0, 1, 2, 6 with k=2, over {trials} seeds: the pair {pair} was "
               f"chosen {freq:.3f} of the time, but D^2 sampling chooses it with probability {p:.3f} "
               "(is the second centre drawn with probability proportional to the SQUARED distance?)")


@pytest.mark.exercise("kmeans_plus_plus")
def test_kmeans_plus_plus_finds_every_separated_group(learner):
    rng = np.random.default_rng(3)
    groups = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0]])
    X = np.repeat(groups, 20, axis=0) + rng.normal(scale=0.01, size=(60, 2))
    X0 = X.copy()
    for seed in range(20):
        got = np.asarray(learner.kmeans_plus_plus(X, 3, np.random.default_rng(seed)))
        expect_shape(got, (3, 2), "kmeans_plus_plus(X, 3, rng) for X of shape (60, 2)")
        nearest = _ref_assign(got, groups)
        expect(sorted(nearest.tolist()) == [0, 1, 2],
               f"kmeans_plus_plus on three tight groups 100 apart (seed {seed}): the 3 centres should land in "
               f"3 different groups (D^2 sampling makes a second pick in the same group almost impossible), "
               f"got centres {show(got)}")
        is_row = [bool(np.any(np.all(X == c, axis=1))) for c in got]
        expect(all(is_row), "kmeans_plus_plus must return rows of X (the centres are data points)")
    _unchanged(X0, X, "kmeans_plus_plus")
    got = np.asarray(learner.kmeans_plus_plus(X, 3, np.random.default_rng(0)))
    got[:] = 1e9
    _unchanged(X0, X, "kmeans_plus_plus (writing into the returned centres changed X: return a copy)")


@pytest.mark.exercise("kmeans_plus_plus")
def test_kmeans_plus_plus_validation_and_k_equals_n(learner):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [5.0, 5.0]])
    got = np.asarray(learner.kmeans_plus_plus(X, 4, np.random.default_rng(7)))
    expect_shape(got, (4, 2), "kmeans_plus_plus(X, 4, rng) for X of shape (4, 2)")
    expect(sorted(map(tuple, got.tolist())) == sorted(map(tuple, X.tolist())),
           f"kmeans_plus_plus with n_clusters = n_samples must return every row once, got {show(got)}")
    expect_raises(ValueError, lambda: learner.kmeans_plus_plus(X, 5, np.random.default_rng(0)),
                  "kmeans_plus_plus with n_clusters=5 > n_samples=4")
    expect_raises(ValueError, lambda: learner.kmeans_plus_plus(X, 0, np.random.default_rng(0)),
                  "kmeans_plus_plus with n_clusters=0")
    same = np.array([[1.0, 1.0]] * 3 + [[2.0, 2.0]])
    expect_raises(ValueError, lambda: learner.kmeans_plus_plus(same, 3, np.random.default_rng(0)),
                  "kmeans_plus_plus with n_clusters=3 on data that has only 2 distinct points")


# =============================================================================================
# 3. KMeans
# =============================================================================================
KMEANS_LIBRARIES = ("sklearn.cluster.KMeans", "sklearn.cluster.k_means", "sklearn.cluster.MiniBatchKMeans",
                    "sklearn.cluster.BisectingKMeans", "scipy.cluster.vq.kmeans", "scipy.cluster.vq.kmeans2")


def _sk_kmeans(X, C, **kw):
    return SkKMeans(len(C), init=C, n_init=1, algorithm="lloyd", **kw).fit(X)


def _compare_kmeans(model, ref, what: str, compare_iter: bool = True) -> None:
    k, d = ref.cluster_centers_.shape
    expect_shape(getattr(model, "cluster_centers_", None), (k, d), f"{what}: cluster_centers_")
    expect_close(model.cluster_centers_, ref.cluster_centers_, f"{what}: cluster_centers_ vs scikit-learn "
                 "(atol 1e-8)", atol=1e-8, rtol=1e-8)
    labels = getattr(model, "labels_", None)
    _expect_integer_labels(labels, len(ref.labels_), f"{what}: labels_")
    bad = np.flatnonzero(labels != ref.labels_)
    expect(len(bad) == 0, f"{what}: labels_ differ from scikit-learn's at {len(bad)} points (first at row "
                          f"{bad[0] if len(bad) else 0}); label j must mean 'nearest to cluster_centers_[j]'")
    expect_type(getattr(model, "inertia_", None), float, f"{what}: inertia_")
    expect_close(model.inertia_, ref.inertia_, f"{what}: inertia_ (sum of squared distances to the assigned "
                 "centres) vs scikit-learn (rtol 1e-9)", rtol=1e-9)
    if compare_iter:
        expect_equal(getattr(model, "n_iter_", None), ref.n_iter_,
                     f"{what}: n_iter_ (the number of assignment + update iterations run)")


@pytest.mark.exercise("KMeans")
def test_kmeans_matches_sklearn_from_the_same_initial_centres(learner):
    for seed in (0, 2):
        X, _ = _blobs(seed)
        C = X[:4].copy()
        model = learner.KMeans(n_clusters=4, init=C.copy())
        with forbid(learner, *KMEANS_LIBRARIES, reason="write Lloyd's iterations yourself"):
            fitted = model.fit(X)
        expect(fitted is model, "KMeans.fit must return self")
        _compare_kmeans(model, _sk_kmeans(X, C), f"KMeans(4, init=the first 4 rows).fit(X) on blobs "
                                                  f"(make_blobs random_state={seed}, 120 points)")


@pytest.mark.exercise("KMeans")
def test_kmeans_single_iteration_and_consistent_labels(learner):
    X, _ = _blobs(4)
    C = X[[0, 1, 2, 3]].copy()
    model = learner.KMeans(n_clusters=4, init=C.copy(), max_iter=1).fit(X)
    # One assignment + update; then labels_ must be recomputed for the moved centres.
    _compare_kmeans(model, _sk_kmeans(X, C, max_iter=1), "KMeans(4, init=..., max_iter=1).fit(X) (exactly one "
                    "iteration, then labels_ recomputed from the final centres)")
    expect_equal(np.asarray(model.predict(X)).tolist(), model.labels_.tolist(),
                 "KMeans after max_iter=1: predict(X) must equal labels_ (labels_ describe the final centres)")


@pytest.mark.exercise("KMeans")
def test_kmeans_tolerance_is_relative_to_the_data_variance(learner):
    X, _ = _blobs(4)
    C = X[:4].copy()
    for scale in (1.0, 1000.0):
        Xs, Cs = X * scale, C * scale
        model = learner.KMeans(n_clusters=4, init=Cs.copy(), tol=1e-2).fit(Xs)
        _compare_kmeans(model, _sk_kmeans(Xs, Cs, tol=1e-2),
                        f"KMeans(4, init=..., tol=1e-2) on X scaled by {scale:g} (stop when the squared centre "
                        "shift <= tol * mean feature variance)")


@pytest.mark.exercise("KMeans")
def test_kmeans_conventions_predict_transform(learner):
    X, _ = _blobs(1)
    C = X[:3].copy()
    X0, C0 = X.copy(), C.copy()
    model = learner.KMeans(n_clusters=3, init=C, max_iter=50, tol=0.0, random_state=5)
    fitted = model.fit(X)
    _check_estimator_basics(model, fitted, {"n_clusters": 3, "init": C, "n_init": 1, "max_iter": 50,
                                            "tol": 0.0, "random_state": 5}, "KMeans")
    _unchanged(X0, X, "KMeans.fit")
    _unchanged(C0, C, "KMeans.fit (the init array)")
    ref = _sk_kmeans(X, C0, max_iter=50, tol=0.0)
    rng = np.random.default_rng(0)
    new = rng.normal(scale=6.0, size=(25, 2))
    got = model.predict(new)
    _expect_integer_labels(got, 25, "KMeans.predict on 25 new points")
    expect_equal(got.tolist(), ref.predict(new).tolist(), "KMeans.predict on 25 new points vs scikit-learn")
    dist = model.transform(new)
    expect_shape(dist, (25, 3), "KMeans.transform(X_new) for X_new of shape (25, 2) with 3 clusters")
    expect_close(dist, ref.transform(new), "KMeans.transform: the Euclidean (not squared) distance from each "
                 "point to each centre, vs scikit-learn (atol 1e-8)", atol=1e-8)


@pytest.mark.exercise("KMeans")
def test_kmeans_plus_plus_init_and_restarts(learner):
    X, y = make_blobs(150, centers=[[0, 0], [6, 0], [0, 6], [6, 6], [3, 12]], cluster_std=0.6, random_state=0)
    a = learner.KMeans(n_clusters=5, random_state=11).fit(X)
    b = learner.KMeans(n_clusters=5, random_state=11).fit(X)
    expect_close(a.cluster_centers_, b.cluster_centers_,
                 "KMeans(5, random_state=11) fitted twice: the same random_state must give the same centres",
                 atol=0, rtol=0)
    best = learner.KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    _expect_same_partition(best.labels_, y, "KMeans(5, n_init=10, random_state=0) on 5 well-separated blobs "
                                            "(should recover the 5 blobs exactly)")
    # Restarts: one generator shared by the n_init runs, the run with the lowest inertia kept.
    # The reference replays the same k-means++ draws and runs scikit-learn's Lloyd from each.
    Xr, _ = make_blobs(200, centers=10, cluster_std=1.0, center_box=(-8, 8), random_state=3)
    for seed in (0, 1, 2):
        rng = np.random.default_rng(seed)
        runs = [_sk_kmeans(Xr, _ref_kpp(Xr, 8, rng)) for _ in range(5)]
        want = min(runs, key=lambda r: r.inertia_)
        got = learner.KMeans(n_clusters=8, n_init=5, random_state=seed).fit(Xr)
        expect_close(got.inertia_, want.inertia_,
                     f"KMeans(8, n_init=5, random_state={seed}).inertia_: the best of 5 runs sharing ONE generator "
                     f"(run inertias {', '.join(f'{r.inertia_:.1f}' for r in runs)})", rtol=1e-9)
        expect_close(got.cluster_centers_, want.cluster_centers_,
                     f"KMeans(8, n_init=5, random_state={seed}).cluster_centers_ (those of the best run)", atol=1e-8)


@pytest.mark.exercise("KMeans")
def test_kmeans_empty_cluster_keeps_its_centre_and_validation(learner):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [10.0, 10.0], [11.0, 10.0]])
    C = np.array([[0.0, 0.0], [10.0, 10.0], [100.0, 100.0]])
    model = learner.KMeans(n_clusters=3, init=C.copy()).fit(X)
    centres = np.asarray(model.cluster_centers_)
    expect(np.all(np.isfinite(centres)), f"KMeans with a cluster that gets no points: centres must stay finite "
                                         f"(no mean of an empty set), got {show(centres)}")
    expect_close(centres[2], [100.0, 100.0], "KMeans: the centre of a cluster with no points keeps its previous "
                 "position")
    expect_close(centres[:2], [[1 / 3, 1 / 3], [10.5, 10.0]], "KMeans: the two non-empty clusters' centres",
                 atol=1e-12)
    expect_raises(ValueError, lambda: learner.KMeans(n_clusters=6, init="k-means++").fit(X),
                  "KMeans(n_clusters=6).fit(X) with only 5 samples")


# =============================================================================================
# 4. silhouette_score
# =============================================================================================
SILHOUETTE_LIBRARIES = ("sklearn.metrics.silhouette_score", "sklearn.metrics.silhouette_samples",
                        "sklearn.metrics.cluster.silhouette_score", "sklearn.metrics.cluster.silhouette_samples")


def _check_silhouette(learner, X, labels, what: str) -> None:
    with forbid(learner, *SILHOUETTE_LIBRARIES, reason="compute a(i) and b(i) yourself"):
        result = learner.silhouette_score(X, labels)
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{what}: expected a tuple (score, per_sample), got {show(result, 80)}")
    score, samples = result
    expect_shape(samples, (len(X),), f"{what}: the per-sample coefficients")
    expect_close(samples, sk_silhouette_samples(X, labels), f"{what}: per-sample s(i) vs "
                 "sklearn.metrics.silhouette_samples (atol 1e-9)", atol=1e-9)
    expect_type(score, float, f"{what}: the score")
    expect_close(score, sk_silhouette_score(X, labels), f"{what}: the mean silhouette vs "
                 "sklearn.metrics.silhouette_score (atol 1e-9)", atol=1e-9)


@pytest.mark.exercise("silhouette_score")
def test_silhouette_hand_example(learner):
    X = np.array([[0.0], [1.0], [4.0], [5.0]])
    result = learner.silhouette_score(X, np.array([0, 0, 1, 1]))
    expect(isinstance(result, tuple) and len(result) == 2,
           f"silhouette_score must return a tuple (score, per_sample), got {show(result, 80)}")
    score, samples = result
    # a = 1 for every point; b = 4.5, 3.5, 3.5, 4.5 -> s = 7/9, 5/7, 5/7, 7/9.
    expect_close(samples, [7 / 9, 5 / 7, 5 / 7, 7 / 9], "silhouette per-sample values for the 1-D points "
                 "0, 1 | 4, 5 (a(i) = mean distance to the OTHER members of i's cluster, b(i) = mean distance "
                 "to the nearest other cluster, plain not squared distances)", atol=1e-12)
    expect_close(score, (7 / 9 + 5 / 7) / 2, "silhouette score for the 1-D points 0, 1 | 4, 5", atol=1e-12)


@pytest.mark.exercise("silhouette_score")
def test_silhouette_matches_sklearn_on_iris(learner, iris):
    _check_silhouette(learner, iris, load_iris().target, "silhouette_score(iris, true species)")
    labels = _sk_kmeans(iris, iris[[0, 50, 100, 120]]).labels_
    _check_silhouette(learner, iris, labels, "silhouette_score(iris, 4 k-means clusters)")


@pytest.mark.exercise("silhouette_score")
def test_silhouette_any_label_values_and_singletons(learner):
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 3))
    labels = np.array(["b"] * 10 + ["a"] * 12 + ["zz"] * 7 + ["solo"])
    _check_silhouette(learner, X, labels, "silhouette_score with string labels and a one-point cluster "
                                          "(the lone point's s(i) is 0)")
    ints = np.array([7] * 12 + [-1] * 9 + [42] * 9)
    _check_silhouette(learner, X, ints, "silhouette_score with labels 7, -1 and 42 (any values)")


@pytest.mark.exercise("silhouette_score")
def test_silhouette_rejects_one_cluster_or_all_singletons(learner):
    X = np.arange(10.0).reshape(5, 2)
    expect_raises(ValueError, lambda: learner.silhouette_score(X, np.zeros(5, dtype=int)),
                  "silhouette_score with a single cluster")
    expect_raises(ValueError, lambda: learner.silhouette_score(X, np.arange(5)),
                  "silhouette_score with every point in its own cluster")


# =============================================================================================
# 5. apriori_candidates
# =============================================================================================
def _fs(*sets):
    return {frozenset(s) for s in sets}


def _brute_candidates(frequent, k):
    items = sorted(set().union(*frequent)) if frequent else []
    out = set()
    for combo in itertools.combinations(items, k):
        s = frozenset(combo)
        if all(s - {x} in frequent for x in s):
            out.add(s)
    return out


def _describe_sets(sets) -> str:
    return "{" + ", ".join("{" + ", ".join(map(repr, sorted(s, key=repr))) + "}"
                           for s in sorted(sets, key=lambda s: sorted(map(repr, s)))) + "}"


@pytest.mark.exercise("apriori_candidates")
def test_apriori_candidates_textbook_join_and_prune(learner):
    L3 = _fs({1, 2, 3}, {1, 2, 4}, {1, 3, 4}, {1, 3, 5}, {2, 3, 4})
    got = learner.apriori_candidates(L3)
    expect_type(got, set, "apriori_candidates(L3)")
    got = {frozenset(s) for s in got}
    expect(frozenset({1, 3, 4, 5}) not in got,
           "apriori_candidates on {123, 124, 134, 135, 234}: {1,3,4,5} must be pruned, because its subset "
           "{1,4,5} is not frequent")
    expect(got == _fs({1, 2, 3, 4}), f"apriori_candidates on {{123, 124, 134, 135, 234}}: expected only "
                                     f"{{1,2,3,4}}, got {_describe_sets(got)}")


@pytest.mark.exercise("apriori_candidates")
def test_apriori_candidates_from_single_items(learner):
    got = learner.apriori_candidates(_fs({"milk"}, {"bread"}, {"beer"}))
    want = _fs({"milk", "bread"}, {"milk", "beer"}, {"bread", "beer"})
    expect(isinstance(got, set) and {frozenset(s) for s in got} == want,
           f"apriori_candidates of the single items milk, bread, beer: expected every pair "
           f"{_describe_sets(want)}, got {show(got, 120)}")
    got = learner.apriori_candidates(_fs({1, 2}, {3, 4}))
    expect(len(got) == 0, f"apriori_candidates of {{1,2}} and {{3,4}}: their union has 4 items, not 3, and "
                          f"{{1,3}} etc. are not frequent; expected no candidate, got {_describe_sets(got)}")


@pytest.mark.exercise("apriori_candidates")
def test_apriori_candidates_match_brute_force(learner):
    rng = np.random.default_rng(4)
    for k_minus_1, n_sets in ((2, 14), (3, 22)):
        all_sets = [frozenset(c) for c in itertools.combinations(range(7), k_minus_1)]
        pick = rng.choice(len(all_sets), size=n_sets, replace=False)
        frequent = {all_sets[i] for i in pick}
        got = {frozenset(s) for s in learner.apriori_candidates(set(frequent))}
        want = _brute_candidates(frequent, k_minus_1 + 1)
        expect(got == want, f"apriori_candidates on {n_sets} random {k_minus_1}-itemsets over 7 items: "
                            f"missing {_describe_sets(want - got)}, unexpected {_describe_sets(got - want)}")


@pytest.mark.exercise("apriori_candidates")
def test_apriori_candidates_edge_cases(learner):
    got = learner.apriori_candidates(set())
    expect(isinstance(got, set) and len(got) == 0, f"apriori_candidates(set()) must return an empty set, got {show(got)}")
    expect_raises(ValueError, lambda: learner.apriori_candidates(_fs({1}, {1, 2})),
                  "apriori_candidates on itemsets of different sizes ({1} and {1,2})")
    got = learner.apriori_candidates([frozenset({"a", "b"}), frozenset({"b", "c"}), frozenset({"a", "c"})])
    expect({frozenset(s) for s in got} == _fs({"a", "b", "c"}),
           f"apriori_candidates of a list [ab, bc, ac] (any iterable is accepted): expected {{a,b,c}}, got {show(got)}")


# =============================================================================================
# 6. apriori
# =============================================================================================
def _brute_supports(baskets, min_support):
    baskets = [frozenset(b) for b in baskets]
    n = len(baskets)
    items = sorted(set().union(*baskets), key=repr)
    out = {}
    for r in range(1, len(items) + 1):
        found = False
        for combo in itertools.combinations(items, r):
            s = frozenset(combo)
            c = sum(s <= b for b in baskets)
            if c / n >= min_support:
                out[s] = c / n
                found = True
        if not found:
            break
    return out


def _expect_supports(got, want, what: str) -> None:
    expect_type(got, dict, what)
    got = {frozenset(k): v for k, v in got.items()}
    missing = set(want) - set(got)
    extra = set(got) - set(want)
    expect(not missing, f"{what}: {len(missing)} frequent itemsets are missing, e.g. {_describe_sets(list(missing)[:3])}")
    expect(not extra, f"{what}: {len(extra)} itemsets are not frequent but were returned, e.g. "
                      f"{_describe_sets(list(extra)[:3])}")
    for s, v in want.items():
        expect(abs(got[s] - v) <= 1e-12, f"{what}: support of {_describe_sets([s])[1:-1]} should be the fraction "
                                         f"of transactions containing it, {v:.4f}; got {show(got[s])}")


BASKETS = [{"bread", "milk"}, {"bread", "diapers", "beer", "eggs"}, {"milk", "diapers", "beer", "cola"},
           {"bread", "milk", "diapers", "beer"}, {"bread", "milk", "diapers", "cola"}]


@pytest.mark.exercise("apriori")
def test_apriori_textbook_baskets(learner):
    for ms in (0.6, 0.4):
        got = learner.apriori([set(b) for b in BASKETS], ms)
        _expect_supports(got, _brute_supports(BASKETS, ms),
                         f"apriori on the 5 grocery baskets with min_support={ms} (support >= min_support is kept)")


@pytest.mark.exercise("apriori")
def test_apriori_matches_brute_force_on_random_baskets(learner):
    rng = np.random.default_rng(8)
    probs = np.array([0.7, 0.6, 0.5, 0.45, 0.3, 0.25, 0.15, 0.1])
    baskets = [set(np.flatnonzero(rng.random(8) < probs).tolist()) for _ in range(40)]
    for ms in (0.3, 0.15, 0.075):
        got = learner.apriori(baskets, ms)
        _expect_supports(got, _brute_supports(baskets, ms), f"apriori on 40 random baskets of 8 items, min_support={ms}")


@pytest.mark.exercise("apriori")
def test_apriori_counting_rules(learner):
    baskets = [["a", "a", "b"], ["a"], ["b", "c"], ["a", "b"], ["c"]]
    got = learner.apriori(baskets, 0.4)
    want = {frozenset({"a"}): 0.6, frozenset({"b"}): 0.6, frozenset({"c"}): 0.4, frozenset({"a", "b"}): 0.4}
    _expect_supports(got, want, "apriori on [[a,a,b],[a],[b,c],[a,b],[c]] with min_support=0.4 (an item repeated "
                                "in a basket counts once; support exactly 0.4 is frequent; supports are fractions)")
    _expect_supports(learner.apriori(baskets, 1.0), {}, "apriori with min_support=1.0 where no item is in every basket")
    expect_equal(learner.apriori([], 0.5), {}, "apriori of no transactions")
    expect_raises(ValueError, lambda: learner.apriori(baskets, 0.0), "apriori with min_support=0")
    expect_raises(ValueError, lambda: learner.apriori(baskets, 1.5), "apriori with min_support=1.5")


@pytest.mark.exercise("apriori")
def test_apriori_scales_by_pruning_not_enumeration(learner):
    # 60 distinct items: enumerating all 2^60 subsets would never finish; level-wise search with
    # candidate pruning touches only a few hundred itemsets.
    rng = np.random.default_rng(5)
    core = {"x", "y", "z"}
    baskets = []
    for i in range(200):
        b = set(rng.choice(60, size=6, replace=False).tolist())
        if i % 2 == 0:
            b |= core
        baskets.append(b)
    got = learner.apriori(baskets, 0.3)
    want = {frozenset(s): 0.5 for r in (1, 2, 3) for s in itertools.combinations(sorted(core), r)}
    _expect_supports(got, want, "apriori on 200 baskets over 63 items where x, y, z appear together in half of them")


# =============================================================================================
# 7. association_rules
# =============================================================================================
def _brute_rules(supports, min_conf):
    out = {}
    for s, v in supports.items():
        for r in range(1, len(s)):
            for a in itertools.combinations(s, r):
                a = frozenset(a)
                c = s - a
                conf = v / supports[a]
                if conf >= min_conf:
                    out[(a, c)] = (v, conf, conf / supports[c])
    return out


def _check_rules(got, want, what: str) -> None:
    expect_type(got, list, what)
    seen = {}
    for rule in got:
        expect(isinstance(rule, tuple) and len(rule) == 5,
               f"{what}: each rule must be a tuple (antecedent, consequent, support, confidence, lift), got {show(rule)}")
        a, c = frozenset(rule[0]), frozenset(rule[1])
        expect((a, c) not in seen, f"{what}: the rule {sorted(a, key=repr)} -> {sorted(c, key=repr)} appears twice")
        seen[(a, c)] = tuple(float(x) for x in rule[2:])
    missing = set(want) - set(seen)
    extra = set(seen) - set(want)
    pretty = lambda k: f"{sorted(k[0], key=repr)} -> {sorted(k[1], key=repr)}"  # noqa: E731
    expect(not missing, f"{what}: {len(missing)} rules are missing, e.g. {pretty(next(iter(missing))) if missing else ''}")
    expect(not extra, f"{what}: {len(extra)} unexpected rules, e.g. {pretty(next(iter(extra))) if extra else ''} "
                      "(is confidence = support(A and C) / support(A), kept when >= min_confidence?)")
    for key, (s, conf, lift) in want.items():
        gs, gc, gl = seen[key]
        expect(abs(gs - s) < 1e-12, f"{what}: support of {pretty(key)} should be support(A u C) = {s:.4f}, got {gs:.4f}")
        expect(abs(gc - conf) < 1e-12, f"{what}: confidence of {pretty(key)} should be {conf:.4f}, got {gc:.4f}")
        expect(abs(gl - lift) < 1e-12, f"{what}: lift of {pretty(key)} should be confidence / support(C) = "
                                       f"{lift:.4f}, got {gl:.4f}")
    confs = [float(r[3]) for r in got]
    expect(all(x >= y - 1e-15 for x, y in zip(confs, confs[1:])),
           f"{what}: rules must be sorted by confidence, highest first; got confidences {show(confs)}")


@pytest.mark.exercise("association_rules")
def test_association_rules_hand_example(learner):
    f = frozenset
    supports = {f({"beer"}): 0.6, f({"diapers"}): 0.8, f({"milk"}): 0.8, f({"beer", "diapers"}): 0.6,
                f({"diapers", "milk"}): 0.6}
    got = learner.association_rules(supports, 0.8)
    _check_rules(got, {(f({"beer"}), f({"diapers"})): (0.6, 1.0, 1.25)},
                 "association_rules with min_confidence=0.8 (only beer -> diapers: confidence 0.6/0.6 = 1, "
                 "lift 1/0.8 = 1.25)")
    got = learner.association_rules(supports, 0.75)
    _check_rules(got, _brute_rules(supports, 0.75), "association_rules with min_confidence=0.75 (0.75 itself is kept)")


@pytest.mark.exercise("association_rules")
def test_association_rules_from_three_item_sets(learner):
    supports = _brute_supports(BASKETS, 0.4)
    for mc in (0.0, 0.5, 0.7):
        got = learner.association_rules(supports, mc)
        _check_rules(got, _brute_rules(supports, mc), f"association_rules(apriori of the grocery baskets at 0.4, "
                                                      f"min_confidence={mc}) (itemsets of 3 items give rules with 1 "
                                                      "or 2 items on either side)")


@pytest.mark.exercise("association_rules")
def test_association_rules_edge_cases(learner):
    f = frozenset
    expect_equal(learner.association_rules({}, 0.5), [], "association_rules of no itemsets")
    expect_equal(learner.association_rules({f({"a"}): 0.5, f({"b"}): 0.7}, 0.1), [],
                 "association_rules when every frequent itemset has one item (no rule possible)")
    expect_raises(ValueError, lambda: learner.association_rules({f({"a"}): 0.5}, 1.5),
                  "association_rules with min_confidence=1.5")


# =============================================================================================
# 8. PCA
# =============================================================================================
PCA_LIBRARIES = ("sklearn.decomposition.PCA", "sklearn.decomposition.TruncatedSVD",
                 "sklearn.decomposition.IncrementalPCA", "sklearn.decomposition.KernelPCA")


def _fit_pca(learner, X, n_components):
    model = learner.PCA(n_components=n_components)
    with forbid(learner, *PCA_LIBRARIES, reason="compute the SVD of the centred data yourself"):
        fitted = model.fit(X)
    expect(fitted is model, "PCA.fit must return self")
    return model


def _compare_pca(model, ref, what: str, exact_sign: bool = False) -> None:
    k, d = ref.components_.shape
    expect_equal(getattr(model, "n_components_", None), k, f"{what}: n_components_")
    expect_shape(getattr(model, "components_", None), (k, d), f"{what}: components_ (one component per ROW)")
    expect_close(model.mean_, ref.mean_, f"{what}: mean_", atol=1e-10)
    expect_close(model.explained_variance_, ref.explained_variance_, f"{what}: explained_variance_ (eigenvalues of "
                 "the covariance with the unbiased 1/(n-1), rtol 1e-7)", rtol=1e-7, atol=1e-10)
    expect_close(model.explained_variance_ratio_, ref.explained_variance_ratio_, f"{what}: explained_variance_ratio_ "
                 "(each component's variance divided by the TOTAL variance of all components, rtol 1e-7)",
                 rtol=1e-7, atol=1e-12)
    expect_close(model.singular_values_, ref.singular_values_, f"{what}: singular_values_", rtol=1e-7, atol=1e-10)
    comps = np.asarray(model.components_)
    if exact_sign:
        expect_close(comps, ref.components_, f"{what}: components_ with the sign rule (the largest-magnitude entry "
                     "of each component is positive), atol 1e-7", atol=1e-7)
    else:
        signs = np.sign(np.sum(comps * ref.components_, axis=1))
        signs[signs == 0] = 1
        expect_close(comps * signs[:, None], ref.components_, f"{what}: components_ up to the sign of each row "
                     "(atol 1e-7)", atol=1e-7)


@pytest.mark.exercise("PCA")
def test_pca_matches_sklearn_on_iris_and_digits(learner, iris, digits):
    for X, nc, name in ((iris, None, "iris"), (iris, 2, "iris"), (digits, 10, "digits")):
        model = _fit_pca(learner, X, nc)
        ref = SkPCA(n_components=nc, svd_solver="full").fit(X)
        _compare_pca(model, ref, f"PCA(n_components={nc}).fit({name})")
        Z = model.transform(X)
        expect_shape(Z, (len(X), ref.n_components_), f"PCA(n_components={nc}).transform({name})")
        signs = np.sign(np.sum(np.asarray(model.components_) * ref.components_, axis=1))
        expect_close(Z * signs, ref.transform(X), f"PCA(n_components={nc}).transform({name}) up to the sign of "
                     "each column (atol 1e-7)", atol=1e-7)


@pytest.mark.exercise("PCA")
def test_pca_sign_rule_and_orthonormal_components(learner, digits):
    model = _fit_pca(learner, digits, 8)
    ref = SkPCA(n_components=8, svd_solver="full").fit(digits)
    _compare_pca(model, ref, "PCA(8).fit(digits)", exact_sign=True)
    C = np.asarray(model.components_)
    expect_close(C @ C.T, np.eye(8), "PCA(8).components_ @ components_.T (the rows must be orthonormal)", atol=1e-10)


@pytest.mark.exercise("PCA")
def test_pca_hand_example_and_truncated_ratio(learner):
    # Points on a line y = x (plus one off it): the hand-checkable case from theory.md.
    X = np.array([[2.0, 2.0], [0.0, 0.0], [-2.0, -2.0], [1.0, -1.0], [-1.0, 1.0]])
    model = _fit_pca(learner, X, 1)
    # Covariance [[2.5, 1.5], [1.5, 2.5]] / ... eigenvalues 4 and 1 (with 1/(n-1) = 1/4).
    expect_close(model.explained_variance_, [4.0], "PCA(1) on the 5 points (2,2), (0,0), (-2,-2), (1,-1), (-1,1): "
                 "explained_variance_ (sum of squared scores / (n-1) = 16/4)", atol=1e-12)
    expect_close(model.explained_variance_ratio_, [0.8], "PCA(1) on the same 5 points: explained_variance_ratio_ "
                 "= 4 / (4 + 1); dividing by the kept variance only would give 1.0", atol=1e-12)
    expect_close(model.components_, [[np.sqrt(0.5), np.sqrt(0.5)]], "PCA(1) on the same 5 points: components_ "
                 "(the direction (1,1)/sqrt(2), sign rule: largest entry positive)", atol=1e-12)


@pytest.mark.exercise("PCA")
def test_pca_centres_with_the_training_mean(learner):
    X = load_wine().data
    X_train, X_test = X[::2] + 100.0, X[1::2] + 100.0       # a large offset: forgetting to centre shows
    model = _fit_pca(learner, X_train, 3)
    ref = SkPCA(n_components=3, svd_solver="full").fit(X_train)
    _compare_pca(model, ref, "PCA(3).fit(wine + 100) (the data must be centred before the SVD)")
    signs = np.sign(np.sum(np.asarray(model.components_) * ref.components_, axis=1))
    Z = model.transform(X_test[:10])
    expect_close(Z * signs, ref.transform(X_test[:10]), "PCA(3).transform(10 test rows): new data is centred with "
                 "the TRAINING mean_, not its own mean (atol 1e-7)", atol=1e-7)
    back = model.inverse_transform(Z)
    expect_close(back, ref.inverse_transform(ref.transform(X_test[:10])), "PCA(3).inverse_transform(transform(X)) "
                 "(Z @ components_ + mean_), atol 1e-7", atol=1e-7)
    full = _fit_pca(learner, X_train, None)
    expect_close(full.inverse_transform(full.transform(X_test)), X_test,
                 "PCA(None): inverse_transform(transform(X)) must give X back (all components kept)", atol=1e-8)


@pytest.mark.exercise("PCA")
def test_pca_fraction_of_variance_and_validation(learner, digits, iris):
    for frac in (0.5, 0.9, 0.95):
        model = _fit_pca(learner, digits, frac)
        ref = SkPCA(n_components=frac, svd_solver="full").fit(digits)
        expect_equal(model.n_components_, ref.n_components_,
                     f"PCA(n_components={frac}).fit(digits).n_components_ (the smallest k whose cumulative "
                     "explained_variance_ratio_ exceeds the fraction)")
        expect_equal(model.n_components, frac, f"PCA(n_components={frac}): the hyperparameter must stay unchanged "
                                               "(store the chosen k in n_components_)")
    X0 = iris.copy()
    _fit_pca(learner, iris, 2)
    _unchanged(X0, iris, "PCA.fit")
    for bad in (0, 5, 1.5):
        expect_raises(ValueError, lambda bad=bad: learner.PCA(n_components=bad).fit(iris),
                      f"PCA(n_components={bad}).fit(iris) (iris has 4 features)")


# =============================================================================================
# 9. MahalanobisDetector
# =============================================================================================
COVARIANCE_LIBRARIES = ("sklearn.covariance.EmpiricalCovariance", "sklearn.covariance.MinCovDet",
                        "sklearn.covariance.EllipticEnvelope", "sklearn.covariance.empirical_covariance",
                        "scipy.spatial.distance.mahalanobis")


def _correlated(seed: int, n: int, shift: float = 0.0):
    rng = np.random.default_rng(seed)
    A = np.array([[2.0, 0.0, 0.0], [1.5, 0.5, 0.0], [-0.7, 0.3, 1.0]])
    return rng.normal(size=(n, 3)) @ A.T + np.array([5.0, -3.0, 10.0]) + shift


@pytest.mark.exercise("MahalanobisDetector")
def test_mahalanobis_matches_empirical_covariance(learner):
    X_train, X_test = _correlated(0, 200), _correlated(1, 30, shift=2.0)
    X0 = X_train.copy()
    model = learner.MahalanobisDetector(alpha=0.05)
    with forbid(learner, *COVARIANCE_LIBRARIES, reason="estimate the mean and covariance yourself"):
        fitted = model.fit(X_train)
        d_train = model.mahalanobis(X_train)
        d_test = model.mahalanobis(X_test)
    _check_estimator_basics(model, fitted, {"alpha": 0.05}, "MahalanobisDetector")
    _unchanged(X0, X_train, "MahalanobisDetector.fit")
    ref = EmpiricalCovariance().fit(X_train)
    expect_close(model.location_, ref.location_, "MahalanobisDetector.location_ (the training mean)", atol=1e-10)
    expect_shape(model.covariance_, (3, 3), "MahalanobisDetector.covariance_ for X of shape (200, 3) "
                                            "(features x features)")
    expect_close(model.covariance_, ref.covariance_, "MahalanobisDetector.covariance_ vs "
                 "EmpiricalCovariance (the maximum-likelihood estimate, divided by n), rtol 1e-9", rtol=1e-9)
    expect_shape(d_train, (200,), "MahalanobisDetector.mahalanobis(X_train)")
    expect_close(d_train, ref.mahalanobis(X_train), "MahalanobisDetector.mahalanobis(X_train): SQUARED "
                 "distances vs EmpiricalCovariance.mahalanobis (rtol 1e-8)", rtol=1e-8)
    expect_close(d_test, ref.mahalanobis(X_test), "MahalanobisDetector.mahalanobis(X_test): new points are "
                 "measured with the TRAINING mean and covariance (rtol 1e-8)", rtol=1e-8)


@pytest.mark.exercise("MahalanobisDetector")
def test_mahalanobis_hand_example_and_threshold(learner):
    X = np.array([[-1.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [1.0, 0.0], [0.0, 2.0], [0.0, -2.0]])
    model = learner.MahalanobisDetector(alpha=0.01).fit(X)
    # Mean (0, 0); covariance diag(4/6, 8/6); the point (2, 2) has d^2 = 4/(2/3) + 4/(4/3) = 9.
    expect_close(model.mahalanobis(np.array([[2.0, 2.0]])), [9.0],
                 "MahalanobisDetector: squared distance of (2,2) from the 6 points (+-1,0) x2, (0,+-2) "
                 "(mean 0, covariance diag(2/3, 4/3))", atol=1e-10)
    for alpha, d in ((0.01, 2), (0.05, 2), (0.2, 2)):
        m = learner.MahalanobisDetector(alpha=alpha).fit(X)
        expect_close(m.threshold_, chi2.ppf(1 - alpha, d), f"MahalanobisDetector(alpha={alpha}).threshold_ in 2-D "
                     f"(the 1 - alpha quantile of chi-squared with d = 2 degrees of freedom)", rtol=1e-9)
    model = learner.MahalanobisDetector(alpha=0.05).fit(X)   # threshold 5.99
    got = model.predict(np.array([[2.0, 2.0], [0.5, 0.5], [0.0, 0.0], [3.0, 0.0]]))
    _expect_integer_labels(got, 4, "MahalanobisDetector.predict on 4 points")
    expect_equal(got.tolist(), [-1, 1, 1, -1], "MahalanobisDetector(alpha=0.05).predict for squared distances "
                                              "9, 0.5625, 0, 13.5 against the threshold 5.99 (-1 = outlier, 1 = inlier)")


@pytest.mark.exercise("MahalanobisDetector")
def test_mahalanobis_flags_about_alpha_of_normal_data(learner):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(20000, 4)) * [1.0, 3.0, 0.5, 2.0]
    for alpha in (0.01, 0.1):
        model = learner.MahalanobisDetector(alpha=alpha).fit(X)
        rate = float(np.mean(np.asarray(model.predict(X)) == -1))
        expect(abs(rate - alpha) < 0.01 + 0.1 * alpha,
               f"MahalanobisDetector(alpha={alpha}) on 20000 Gaussian points in 4-D flagged {rate:.4f} of them; "
               f"about {alpha} expected (squared distance compared with chi2.ppf(1 - alpha, df=d))")


@pytest.mark.exercise("MahalanobisDetector")
def test_mahalanobis_survives_a_constant_feature(learner):
    X = _correlated(3, 50)
    X = np.column_stack([X, np.full(50, 7.0)])   # a constant column: singular covariance
    model = learner.MahalanobisDetector().fit(X)
    d = np.asarray(model.mahalanobis(X[:5]))
    expect(np.all(np.isfinite(d)), f"MahalanobisDetector with a constant feature: the covariance is singular; "
                                   f"use a pseudo-inverse (np.linalg.pinv), got {show(d)}")
    expect_close(d, EmpiricalCovariance().fit(X).mahalanobis(X[:5]),
                 "MahalanobisDetector with a constant feature vs EmpiricalCovariance (pseudo-inverse), rtol 1e-6",
                 rtol=1e-6, atol=1e-8)
    expect_raises(ValueError, lambda: learner.MahalanobisDetector(alpha=1.5).fit(X),
                  "MahalanobisDetector(alpha=1.5).fit(X)")


# =============================================================================================
# 10. dbscan
# =============================================================================================
DBSCAN_LIBRARIES = ("sklearn.cluster.DBSCAN", "sklearn.cluster.dbscan", "sklearn.cluster.OPTICS",
                    "sklearn.cluster.HDBSCAN", "sklearn.neighbors.NearestNeighbors")


def _check_dbscan(learner, X, eps, min_samples, what: str, exact: bool = False) -> None:
    with forbid(learner, *DBSCAN_LIBRARIES, reason="write the neighbourhood search and expansion yourself"):
        got = learner.dbscan(X, eps=eps, min_samples=min_samples)
    want = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X)
    _expect_integer_labels(got, len(X), what)
    noise_got, noise_want = got == -1, want == -1
    bad = np.flatnonzero(noise_got != noise_want)
    expect(len(bad) == 0, f"{what}: {len(bad)} points differ in being noise (-1); first at row {bad[0] if len(bad) else 0}: "
                          f"expected label {want[bad[0]] if len(bad) else 0}, got {got[bad[0]] if len(bad) else 0}")
    _expect_same_partition(got[~noise_got], want[~noise_want], f"{what} (the non-noise points)")
    if exact:
        expect_equal(got.tolist(), want.tolist(), f"{what}: clusters numbered 0, 1, ... in the order of their "
                                                  "lowest-index core point")


@pytest.mark.exercise("dbscan")
def test_dbscan_matches_sklearn_on_moons_and_blobs(learner):
    Xm, _ = make_moons(150, noise=0.08, random_state=1)
    rng = np.random.default_rng(0)
    Xm = np.vstack([Xm, rng.uniform(-1.5, 2.5, size=(15, 2))])
    _check_dbscan(learner, Xm, 0.2, 5, "dbscan(moons + 15 uniform noise points, eps=0.2, min_samples=5)")
    Xb, _ = make_blobs(120, centers=3, cluster_std=[0.4, 1.0, 2.0], random_state=3)
    _check_dbscan(learner, Xb, 0.8, 6, "dbscan(blobs of 3 densities, eps=0.8, min_samples=6)")
    _check_dbscan(learner, StandardScaler().fit_transform(load_wine().data), 2.2, 4,
                  "dbscan(standardised wine, eps=2.2, min_samples=4)")


@pytest.mark.exercise("dbscan")
def test_dbscan_min_samples_counts_the_point_and_eps_is_inclusive(learner):
    X = np.array([[0.0], [1.0], [2.0]])
    got = learner.dbscan(X, eps=1.0, min_samples=3)
    _expect_integer_labels(got, 3, "dbscan(points 0, 1, 2, eps=1, min_samples=3)")
    expect_equal(got.tolist(), [0, 0, 0], "dbscan of the points 0, 1, 2 with eps=1, min_samples=3: the middle point "
                                          "has 3 points within distance <= 1 (itself included), so it is a core point "
                                          "and its two neighbours join its cluster")
    got = learner.dbscan(X, eps=1.0, min_samples=4)
    expect_equal(np.asarray(got).tolist(), [-1, -1, -1], "dbscan of the points 0, 1, 2 with eps=1, min_samples=4 "
                                                         "(no core point: everything is noise)")
    got = learner.dbscan(np.array([[3.0, 4.0]]), eps=0.5, min_samples=1)
    expect_equal(np.asarray(got).tolist(), [0], "dbscan of a single point with min_samples=1 (it is its own core)")


@pytest.mark.exercise("dbscan")
def test_dbscan_border_points_do_not_chain_clusters(learner):
    A = [[0.0, 0.0], [0.1, 0.0], [0.2, 0.0], [0.3, 0.0]]
    B = [[2.0, 0.0], [2.1, 0.0], [2.2, 0.0], [2.3, 0.0]]
    bridge = [[1.15, 0.0]]             # within eps of one core point of A and one of B, itself not core
    for order, name in ((A + B + bridge, "A first"), (B + bridge + A, "B first"), (bridge + A + B, "bridge first")):
        X = np.array(order)
        _check_dbscan(learner, X, 0.9, 4, f"dbscan of two groups joined by one border point ({name}, eps=0.9, "
                                          "min_samples=4): a border point joins the first cluster that reaches it "
                                          "but does not merge the two", exact=True)


@pytest.mark.exercise("dbscan")
def test_dbscan_edge_cases(learner):
    rng = np.random.default_rng(1)
    X = rng.uniform(size=(20, 2)) * 100
    got = learner.dbscan(X, eps=0.01, min_samples=2)
    expect_equal(np.asarray(got).tolist(), [-1] * 20, "dbscan with a tiny eps (every point is noise)")
    got = learner.dbscan(np.zeros((0, 2)), eps=0.5, min_samples=3)
    _expect_integer_labels(got, 0, "dbscan of an empty X of shape (0, 2)")
    X0 = X.copy()
    learner.dbscan(X, eps=30.0, min_samples=3)
    _unchanged(X0, X, "dbscan")
    expect_raises(ValueError, lambda: learner.dbscan(X, eps=0.0, min_samples=3), "dbscan with eps=0")


# =============================================================================================
# 11. agglomerative_linkage
# =============================================================================================
LINKAGE_LIBRARIES = ("scipy.cluster.hierarchy.linkage", "scipy.cluster.hierarchy.single",
                     "scipy.cluster.hierarchy.complete", "sklearn.cluster.AgglomerativeClustering",
                     "sklearn.cluster.FeatureAgglomeration")


def _check_linkage(learner, X, method, what: str):
    with forbid(learner, *LINKAGE_LIBRARIES, reason="merge the clusters yourself"):
        Z = learner.agglomerative_linkage(X, method=method)
    n = len(X)
    expect_shape(Z, (n - 1, 4), f"{what}: the linkage matrix for {n} points")
    Z = np.asarray(Z, dtype=float)
    ref = linkage(X, method)
    expect_close(Z[:, 2], ref[:, 2], f"{what}: merge heights (column 2) vs scipy.cluster.hierarchy.linkage "
                 "(atol 1e-10)", atol=1e-10)
    expect_close(Z[:, :2], ref[:, :2], f"{what}: the ids of the merged clusters (columns 0 and 1, smaller id first; "
                 "the cluster made at step s gets id n + s)", atol=0)
    expect_close(Z[:, 3], ref[:, 3], f"{what}: cluster sizes (column 3)", atol=0)
    return Z


@pytest.mark.exercise("agglomerative_linkage")
def test_linkage_hand_example(learner):
    X = np.array([[0.0], [1.0], [3.0], [7.0]])
    Z = learner.agglomerative_linkage(X, method="single")
    expect_close(Z, [[0, 1, 1, 2], [2, 4, 2, 3], [3, 5, 4, 4]], "agglomerative_linkage of the 1-D points 0, 1, 3, 7 "
                 "with single linkage (closest pair between clusters)", atol=1e-12)
    Z = learner.agglomerative_linkage(X, method="complete")
    expect_close(Z, [[0, 1, 1, 2], [2, 4, 3, 3], [3, 5, 7, 4]], "agglomerative_linkage of the 1-D points 0, 1, 3, 7 "
                 "with complete linkage (farthest pair between clusters)", atol=1e-12)


@pytest.mark.exercise("agglomerative_linkage")
def test_linkage_matches_scipy_on_random_data(learner):
    rng = np.random.default_rng(9)
    X = rng.normal(size=(30, 3))
    for method in ("single", "complete"):
        _check_linkage(learner, X, method, f"agglomerative_linkage(30 random points in 3-D, method={method!r})")


@pytest.mark.exercise("agglomerative_linkage")
def test_linkage_cut_matches_sklearn_agglomerative(learner):
    X, _ = make_moons(60, noise=0.05, random_state=2)
    for method in ("single", "complete"):
        Z = _check_linkage(learner, X, method, f"agglomerative_linkage(60 moons points, method={method!r})")
        got = fcluster(Z, t=2, criterion="maxclust")
        want = AgglomerativeClustering(n_clusters=2, linkage=method).fit_predict(X)
        _expect_same_partition(got, want, f"cutting your {method}-linkage tree into 2 clusters (vs scikit-learn's "
                                          "AgglomerativeClustering)")


@pytest.mark.exercise("agglomerative_linkage")
def test_linkage_edge_cases(learner):
    Z = learner.agglomerative_linkage(np.array([[0.0, 0.0], [3.0, 4.0]]))
    expect_close(Z, [[0, 1, 5, 2]], "agglomerative_linkage of two points 5 apart (default method='single')", atol=1e-12)
    X = np.random.default_rng(0).normal(size=(6, 2))
    X0 = X.copy()
    learner.agglomerative_linkage(X, "complete")
    _unchanged(X0, X, "agglomerative_linkage")
    expect_raises(ValueError, lambda: learner.agglomerative_linkage(X, method="ward"),
                  "agglomerative_linkage with method='ward' (only 'single' and 'complete')")
    expect_raises(ValueError, lambda: learner.agglomerative_linkage(X[:1]), "agglomerative_linkage of a single point")


# =============================================================================================
# 12. gmm_e_step
# =============================================================================================
GMM_LIBRARIES = ("sklearn.mixture.GaussianMixture", "sklearn.mixture.BayesianGaussianMixture",
                 "scipy.stats.multivariate_normal", "scipy.special.logsumexp", "scipy.special.softmax")


def _random_gmm(seed: int, k: int, d: int):
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(k, 2.0))
    means = rng.normal(scale=3.0, size=(k, d))
    covs = []
    for _ in range(k):
        A = rng.normal(size=(d, d))
        covs.append(A @ A.T + 0.5 * np.eye(d))
    return weights, means, np.array(covs)


def _ref_e_step(X, weights, means, covs):
    logp = np.column_stack([np.log(w) + multivariate_normal(m, c).logpdf(X) for w, m, c in zip(weights, means, covs)])
    top = logp.max(1, keepdims=True)
    norm = top[:, 0] + np.log(np.exp(logp - top).sum(1))
    return np.exp(logp - norm[:, None]), float(norm.mean())


def _e_step(learner, X, w, m, c):
    with forbid(learner, *GMM_LIBRARIES, reason="compute the Gaussian log-densities and responsibilities yourself"):
        result = learner.gmm_e_step(X, w, m, c)
    expect(isinstance(result, tuple) and len(result) == 2,
           f"gmm_e_step must return a tuple (responsibilities, mean_log_likelihood), got {show(result, 80)}")
    return result


@pytest.mark.exercise("gmm_e_step")
def test_gmm_e_step_hand_example(learner):
    X = np.array([[0.0], [1.0]])
    w, m, c = np.array([0.5, 0.5]), np.array([[0.0], [2.0]]), np.array([[[1.0]], [[1.0]]])
    resp, ll = _e_step(learner, X, w, m, c)
    expect_shape(resp, (2, 2), "gmm_e_step responsibilities for 2 points and 2 components")
    r = 1 / (1 + np.exp(-2.0))
    expect_close(resp, [[r, 1 - r], [0.5, 0.5]], "gmm_e_step for the points 0 and 1, components N(0,1) and N(2,1) "
                 "with weights 0.5 each (x=0: 1/(1+e^-2) = 0.881 for the first; x=1 is halfway)", atol=1e-12)
    want_ll = np.mean([np.log(0.5 * np.exp(-0.0) + 0.5 * np.exp(-2.0)), np.log(np.exp(-0.5))]) - 0.5 * np.log(2 * np.pi)
    expect_type(ll, float, "gmm_e_step mean log-likelihood")
    expect_close(ll, want_ll, "gmm_e_step mean log-likelihood for the same 2 points: the MEAN over the points "
                 "of log sum_j pi_j N(x_i | mu_j, Sigma_j) (weights included; a mean, not a sum)", atol=1e-12)


@pytest.mark.exercise("gmm_e_step")
def test_gmm_e_step_matches_scipy_densities(learner):
    X, _ = make_blobs(200, n_features=3, centers=3, random_state=4)
    for seed in (0, 1):
        w, m, c = _random_gmm(seed, 3, 3)
        args = (w.copy(), m.copy(), c.copy())
        resp, ll = _e_step(learner, X, *args)
        want_resp, want_ll = _ref_e_step(X, w, m, c)
        expect_shape(resp, (200, 3), "gmm_e_step responsibilities for X of shape (200, 3) and 3 components")
        expect_close(np.sum(resp, axis=1), np.ones(200), "gmm_e_step: each row of responsibilities sums to 1", atol=1e-10)
        expect_close(resp, want_resp, "gmm_e_step responsibilities with unequal weights and full (correlated) "
                     "covariances, vs scipy.stats.multivariate_normal (atol 1e-9)", atol=1e-9)
        expect_close(ll, want_ll, "gmm_e_step mean log-likelihood vs scipy.stats.multivariate_normal (rtol 1e-9)",
                     rtol=1e-9)
        for before, after, name in zip((w, m, c), args, ("weights", "means", "covariances")):
            _unchanged(before, after, f"gmm_e_step ({name})")


@pytest.mark.exercise("gmm_e_step")
def test_gmm_e_step_matches_sklearn_gaussian_mixture(learner, iris):
    w, m, c = _random_gmm(5, 3, 4)
    m = m + iris.mean(0)
    gm = GaussianMixture(3, covariance_type="full")
    gm.weights_, gm.means_, gm.covariances_ = w, m, c
    gm.precisions_cholesky_ = np.array([np.linalg.cholesky(np.linalg.inv(ci)) for ci in c])
    resp, ll = _e_step(learner, iris, w, m, c)
    expect_close(resp, gm.predict_proba(iris), "gmm_e_step on iris vs GaussianMixture.predict_proba with the same "
                 "parameters (atol 1e-8)", atol=1e-8)
    expect_close(ll, gm.score(iris), "gmm_e_step mean log-likelihood on iris vs GaussianMixture.score (rtol 1e-8)",
                 rtol=1e-8)


@pytest.mark.exercise("gmm_e_step")
def test_gmm_e_step_is_stable_far_from_every_component(learner):
    X = np.array([[1000.0, -1000.0], [-500.0, 800.0], [0.0, 0.0]])
    w, m = np.array([0.3, 0.7]), np.array([[0.0, 0.0], [1.0, 1.0]])
    c = np.array([np.eye(2), 0.5 * np.eye(2)])
    resp, ll = _e_step(learner, X, w, m, c)
    resp = np.asarray(resp)
    expect(np.all(np.isfinite(resp)), f"gmm_e_step for points 1000 standard deviations away: every density underflows "
                                      f"to 0, so work with log-densities and log-sum-exp; got {show(resp)}")
    want_resp, want_ll = _ref_e_step(X, w, m, c)
    expect_close(resp, want_resp, "gmm_e_step responsibilities far from every component (atol 1e-9)", atol=1e-9)
    expect(np.isfinite(ll), f"gmm_e_step mean log-likelihood far from every component must be finite, got {ll}")
    expect_close(ll, want_ll, "gmm_e_step mean log-likelihood far from every component (rtol 1e-9)", rtol=1e-9)


# =============================================================================================
# 13. gmm_m_step
# =============================================================================================
def _m_step(learner, X, resp, **kw):
    with forbid(learner, *GMM_LIBRARIES, reason="compute the weighted means and covariances yourself"):
        result = learner.gmm_m_step(X, resp, **kw)
    expect(isinstance(result, tuple) and len(result) == 3,
           f"gmm_m_step must return a tuple (weights, means, covariances), got {show(result, 80)}")
    return result


@pytest.mark.exercise("gmm_m_step")
def test_gmm_m_step_hard_assignments_give_cluster_statistics(learner):
    X = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 4.0], [10.0, 10.0], [12.0, 14.0]])
    resp = np.array([[1.0, 0.0]] * 3 + [[0.0, 1.0]] * 2)
    w, m, c = _m_step(learner, X, resp, reg_covar=0.0)
    expect_shape(w, (2,), "gmm_m_step weights for 2 components")
    expect_shape(m, (2, 2), "gmm_m_step means for 2 components in 2-D")
    expect_shape(c, (2, 2, 2), "gmm_m_step covariances for 2 components in 2-D")
    expect_close(w, [0.6, 0.4], "gmm_m_step weights with hard responsibilities (3 and 2 of 5 points: N_k / n)",
                 atol=1e-12)
    expect_close(m, [[2 / 3, 4 / 3], [11.0, 12.0]], "gmm_m_step means with hard responsibilities (cluster means)",
                 atol=1e-12)
    want = np.array([np.cov(X[:3].T, bias=True), np.cov(X[3:].T, bias=True)])
    expect_close(c, want, "gmm_m_step covariances with hard responsibilities and reg_covar=0: each cluster's "
                 "covariance divided by N_k (not N_k - 1)", atol=1e-12)


@pytest.mark.exercise("gmm_m_step")
def test_gmm_m_step_soft_weights_and_regularisation(learner):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(50, 3)) * [1.0, 2.0, 0.5] + [1.0, -1.0, 4.0]
    resp = rng.dirichlet([1.0, 2.0, 3.0], size=50)
    X0, r0 = X.copy(), resp.copy()
    w, m, c = _m_step(learner, X, resp, reg_covar=0.25)
    _unchanged(X0, X, "gmm_m_step (X)")
    _unchanged(r0, resp, "gmm_m_step (resp)")
    nk = resp.sum(0)
    expect_close(w, nk / 50, "gmm_m_step weights: N_k / n where N_k is the sum of column k of resp", atol=1e-12)
    expect_close(np.sum(w), 1.0, "gmm_m_step: the weights sum to 1", atol=1e-12)
    expect_close(m, resp.T @ X / nk[:, None], "gmm_m_step means: responsibility-weighted averages of the rows of X",
                 atol=1e-10)
    for j in range(3):
        want = np.cov(X.T, aweights=resp[:, j], bias=True) + 0.25 * np.eye(3)
        expect_close(c[j], want, f"gmm_m_step covariance {j}: the responsibility-weighted covariance around the NEW "
                     "mean, divided by N_k, plus reg_covar=0.25 on the diagonal only", atol=1e-10)


@pytest.mark.exercise("gmm_m_step")
def test_gmm_m_step_completes_one_em_step_like_sklearn(learner):
    X, _ = make_blobs(150, n_features=2, centers=3, cluster_std=[1.0, 2.0, 0.7], random_state=7)
    w0 = np.array([0.2, 0.3, 0.5])
    mu0 = X[[0, 50, 100]].copy()
    cov0 = np.array([np.eye(2), 2 * np.eye(2), [[1.0, 0.3], [0.3, 0.5]]])
    resp, _ = _ref_e_step(X, w0, mu0, cov0)
    w, m, c = _m_step(learner, X, resp)
    gm = GaussianMixture(3, covariance_type="full", max_iter=1, init_params="random", weights_init=w0,
                         means_init=mu0, precisions_init=np.linalg.inv(cov0), random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm.fit(X)
    what = "gmm_m_step after one E-step from fixed parameters vs GaussianMixture(max_iter=1) (default reg_covar=1e-6)"
    expect_close(w, gm.weights_, f"{what}: weights", atol=1e-10)
    expect_close(m, gm.means_, f"{what}: means", atol=1e-9)
    expect_close(c, gm.covariances_, f"{what}: covariances", atol=1e-9)
