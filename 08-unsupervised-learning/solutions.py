"""Module 08 - Unsupervised learning: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* an honest attempt: the
comments explain *why* each step is there, which is the part worth learning. The hidden suite
checks every function and class here against scikit-learn or SciPy on the same data (k-means,
silhouette, PCA, the empirical covariance, DBSCAN, hierarchical linkage, Gaussian mixtures) or
against a brute-force enumeration (Apriori).

Run a short demo of every solution, each one next to the library routine it imitates::

    uv run 08-unsupervised-learning/solutions.py
"""
from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.stats import chi2

# ---------------------------------------------------------------------------------------------
# 1. The assignment step of k-means
# ---------------------------------------------------------------------------------------------


def assign_labels(X: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Index of the nearest centre (squared Euclidean distance) for every row of ``X``."""
    X = np.asarray(X, dtype=float)
    centers = np.asarray(centers, dtype=float)
    if X.ndim != 2 or centers.ndim != 2 or X.shape[1] != centers.shape[1]:
        raise ValueError(f"X must be (n, d) and centers (k, d); got {X.shape} and {centers.shape}")
    if centers.shape[0] == 0:
        raise ValueError("centers is empty: there is nothing to assign to")
    # Broadcasting (n, 1, d) - (1, k, d) -> (n, k, d) gives every point-centre difference at once.
    # Squaring and summing the differences (rather than the expansion |x|^2 - 2 x.c + |c|^2) is
    # exact for integer coordinates, so equal distances really compare equal and the tie rule
    # below is honoured. The square root is not needed: it does not change which centre is nearest.
    diff = X[:, None, :] - centers[None, :, :]
    d2 = np.einsum("nkd,nkd->nk", diff, diff)
    # argmin returns the FIRST minimum, which is exactly the documented tie rule (smallest index).
    # For n = 0 it returns an empty array, as it should.
    return np.argmin(d2, axis=1).astype(np.int64) if len(X) else np.zeros(0, dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# 2. k-means++ seeding
# ---------------------------------------------------------------------------------------------


def kmeans_plus_plus(X: np.ndarray, n_clusters: int, rng: np.random.Generator) -> np.ndarray:
    """Choose ``n_clusters`` initial centres among the rows of ``X`` by D^2 sampling."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    if not 1 <= n_clusters <= n:
        raise ValueError(f"n_clusters must be between 1 and n_samples={n}, got {n_clusters}")
    # The first centre is uniform: without any centre there is no distance to weight by.
    chosen = [int(rng.integers(n))]
    # closest_d2[i] = squared distance from x_i to its nearest chosen centre so far. Keeping it
    # up to date costs O(n d) per new centre (one minimum with the new centre's distances),
    # instead of recomputing all n * c distances: O(n k d) in total.
    closest_d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, n_clusters):
        total = closest_d2.sum()
        if total <= 0.0:
            # Every point coincides with a chosen centre: fewer distinct points than clusters.
            raise ValueError(f"X has fewer than n_clusters={n_clusters} distinct points")
        # D^2 weighting: a point twice as far from every centre is four times as likely to be
        # picked. Far, isolated groups get a centre early, yet one outlier cannot dominate the way
        # it does in deterministic farthest-first seeding. Points already chosen have weight 0,
        # so no point is picked twice.
        idx = int(rng.choice(n, p=closest_d2 / total))
        chosen.append(idx)
        closest_d2 = np.minimum(closest_d2, np.sum((X - X[idx]) ** 2, axis=1))
    # Fancy indexing returns a copy, so the caller's X can never be modified through the centres.
    return X[chosen]


# ---------------------------------------------------------------------------------------------
# 3. k-means with Lloyd's iterations
# ---------------------------------------------------------------------------------------------


class KMeans:
    """k-means clustering by Lloyd's algorithm (see exercises.py for the full specification)."""

    def __init__(self, n_clusters: int = 8, init: str | np.ndarray = "k-means++", n_init: int = 1,
                 max_iter: int = 300, tol: float = 1e-4, random_state: int | None = None) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def _lloyd(self, X: np.ndarray, centers: np.ndarray, tol_abs: float):
        """One run of Lloyd's algorithm from ``centers``; returns (centers, labels, inertia, n_iter)."""
        centers = centers.copy()
        labels_old = None
        n_iter = 0
        for n_iter in range(1, self.max_iter + 1):
            # E-step (assignment): each point to its nearest centre. This can only lower the
            # inertia, because each point's term becomes the smallest available.
            labels = assign_labels(X, centers)
            # M-step (update): each centre to the mean of its points. The mean minimises the sum
            # of squared distances to a set of points, so this step can only lower it too:
            # inertia never increases, and as there are finitely many partitions, Lloyd stops.
            new_centers = centers.copy()
            for j in range(self.n_clusters):
                members = labels == j
                if members.any():
                    new_centers[j] = X[members].mean(axis=0)
                # else: an empty cluster keeps its centre (scikit-learn instead moves it to a far
                # point; both are legitimate fixes, ours is the simplest).
            shift = float(np.sum((new_centers - centers) ** 2))
            centers = new_centers
            # Strict convergence: the same labels as in the previous iteration give the same
            # means, so nothing can change any more.
            if labels_old is not None and np.array_equal(labels, labels_old):
                break
            # Tolerance-based convergence, scaled by the data's spread (scikit-learn's rule), so
            # that tol means the same thing whether X is in millimetres or kilometres.
            if shift <= tol_abs:
                break
            labels_old = labels
        # The centres may have moved in the last update, so recompute the labels: labels_ must be
        # consistent with cluster_centers_ (fit(X).labels_ == predict(X)).
        labels = assign_labels(X, centers)
        inertia = float(np.sum((X - centers[labels]) ** 2))
        return centers, labels, inertia, n_iter

    def fit(self, X: np.ndarray) -> KMeans:
        X = np.asarray(X, dtype=float)
        n = X.shape[0]
        if not 1 <= self.n_clusters <= n:
            raise ValueError(f"n_clusters must be between 1 and n_samples={n}, got {self.n_clusters}")
        tol_abs = self.tol * float(np.mean(np.var(X, axis=0)))
        if isinstance(self.init, str):
            if self.init != "k-means++":
                raise ValueError(f"init must be 'k-means++' or an array, got {self.init!r}")
            # One generator for all the restarts: each restart draws fresh numbers from it, and
            # the whole fit is reproducible from random_state alone.
            rng = np.random.default_rng(self.random_state)
            starts = [kmeans_plus_plus(X, self.n_clusters, rng) for _ in range(self.n_init)]
        else:
            init = np.asarray(self.init, dtype=float)
            if init.shape != (self.n_clusters, X.shape[1]):
                raise ValueError(f"init must have shape {(self.n_clusters, X.shape[1])}, got {init.shape}")
            starts = [init]  # explicit centres: restarting from the same point would be pointless
        best = None
        for start in starts:
            result = self._lloyd(X, start, tol_abs)
            # k-means only finds a local minimum; restarts keep the best one (strict "<" keeps
            # the first of equally good runs).
            if best is None or result[2] < best[2]:
                best = result
        self.cluster_centers_, self.labels_, self.inertia_, self.n_iter_ = best
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return assign_labels(np.asarray(X, dtype=float), self.cluster_centers_)

    def transform(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=float)
        diff = X[:, None, :] - self.cluster_centers_[None, :, :]
        # Euclidean (not squared) distances, as scikit-learn's KMeans.transform returns: a
        # "distance to each prototype" feature space, usable as input to another model.
        return np.sqrt(np.einsum("nkd,nkd->nk", diff, diff))


# ---------------------------------------------------------------------------------------------
# 4. The silhouette
# ---------------------------------------------------------------------------------------------


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean silhouette coefficient and the per-sample coefficients."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    n = X.shape[0]
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {labels.shape}")
    # np.unique handles any label values (strings, -1, gaps); inverse[i] is the 0-based cluster.
    uniq, inverse = np.unique(labels, return_inverse=True)
    k = len(uniq)
    if not 2 <= k <= n - 1:
        raise ValueError(f"the silhouette needs 2 <= number of clusters <= n_samples - 1; got {k} clusters for {n} samples")
    # Euclidean distances (NOT squared: the silhouette is defined on plain distances).
    diff = X[:, None, :] - X[None, :, :]
    D = np.sqrt(np.einsum("ijd,ijd->ij", diff, diff))
    onehot = np.zeros((n, k))
    onehot[np.arange(n), inverse] = 1.0
    sums = D @ onehot                      # sums[i, c] = sum of distances from i to cluster c
    counts = onehot.sum(axis=0)            # cluster sizes
    own = counts[inverse]
    # a(i): mean distance to the OTHER members of i's cluster. D[i, i] = 0 is in the sum, so
    # dividing by |C| instead of |C| - 1 would bias a(i) downwards (a classic mistake).
    a = sums[np.arange(n), inverse] / np.maximum(own - 1, 1)
    # b(i): the smallest mean distance to another cluster (the "nearest neighbouring" cluster).
    means = sums / counts
    means[np.arange(n), inverse] = np.inf
    b = means.min(axis=1)
    denom = np.maximum(a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(denom > 0, (b - a) / denom, 0.0)
    # A point alone in its cluster has no a(i); by convention (Rousseeuw, scikit-learn) s(i) = 0.
    s[own == 1] = 0.0
    return float(s.mean()), s


# ---------------------------------------------------------------------------------------------
# 5-7. Apriori: candidates, frequent itemsets, association rules
# ---------------------------------------------------------------------------------------------


def apriori_candidates(frequent: Iterable[frozenset]) -> set[frozenset]:
    """Candidate itemsets of size k from the frequent itemsets of size k - 1 (join, then prune)."""
    prev = {frozenset(s) for s in frequent}
    if not prev:
        return set()
    sizes = {len(s) for s in prev}
    if len(sizes) != 1:
        raise ValueError(f"all frequent itemsets must have the same size, got sizes {sorted(sizes)}")
    k = sizes.pop() + 1
    if k < 2:
        raise ValueError("the itemsets must be non-empty")
    candidates: set[frozenset] = set()
    prev_list = list(prev)
    # Join: two (k-1)-itemsets whose union has exactly k items share k-2 items. (The textbook
    # version sorts items and joins sets with the same first k-2 items; the union test gives the
    # same candidates without requiring the items to be sortable.)
    for a, b in itertools.combinations(prev_list, 2):
        union = a | b
        if len(union) != k or union in candidates:
            continue
        # Prune (the Apriori property, "downward closure"): a superset of an infrequent set is
        # infrequent, so a candidate with any infrequent (k-1)-subset can be dropped without ever
        # counting it in the data. This is what keeps Apriori from enumerating 2^items sets.
        if all(union - {item} in prev for item in union):
            candidates.add(union)
    return candidates


def apriori(transactions: Sequence[Iterable[Hashable]], min_support: float) -> dict[frozenset, float]:
    """All frequent itemsets and their supports, level by level."""
    if not 0.0 < min_support <= 1.0:
        raise ValueError(f"min_support must be in (0, 1], got {min_support}")
    baskets = [frozenset(t) for t in transactions]  # duplicates inside a basket count once
    n = len(baskets)
    if n == 0:
        return {}
    result: dict[frozenset, float] = {}
    # Level 1: count every single item in one pass.
    counts: dict[frozenset, int] = {}
    for basket in baskets:
        for item in basket:
            key = frozenset([item])
            counts[key] = counts.get(key, 0) + 1
    while counts:
        # Compare the fraction count / n with min_support, as the definition says. (Comparing
        # count with min_support * n is the same in exact arithmetic but not in floating point:
        # 0.3 * 10 = 3.0000000000000004 > 3.)
        level = {s: c / n for s, c in counts.items() if c / n >= min_support}
        result.update(level)
        candidates = apriori_candidates(level)
        # One pass over the data per level: count each candidate that a basket contains.
        counts = {c: 0 for c in candidates}
        for basket in baskets:
            for c in candidates:
                if c <= basket:
                    counts[c] += 1
    return result


def association_rules(supports: dict[frozenset, float],
                      min_confidence: float) -> list[tuple[frozenset, frozenset, float, float, float]]:
    """Rules A -> C from frequent itemsets, with support, confidence and lift."""
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be in [0, 1], got {min_confidence}")
    rules = []
    for itemset, s_all in supports.items():
        if len(itemset) < 2:
            continue
        items = list(itemset)
        # Every non-empty proper subset is a possible antecedent; the rest is the consequent.
        for r in range(1, len(items)):
            for ante in itertools.combinations(items, r):
                antecedent = frozenset(ante)
                consequent = itemset - antecedent
                # Downward closure guarantees both are in `supports`: subsets of a frequent
                # itemset are frequent, so no extra pass over the data is needed.
                confidence = s_all / supports[antecedent]        # P(C | A)
                if confidence < min_confidence:
                    continue
                # Lift = P(C | A) / P(C): 1 means A tells nothing about C; a high-confidence rule
                # whose consequent is bought by everyone has lift near 1 and is worthless.
                lift = confidence / supports[consequent]
                rules.append((antecedent, consequent, s_all, confidence, lift))
    # Sorting by confidence (then lift) puts the most reliable rules first. The last two keys only
    # break exact ties, so that the output does not depend on set iteration order (which, for
    # strings, changes from one Python process to the next); repr() works for any item type.
    rules.sort(key=lambda rule: (-rule[3], -rule[4], sorted(map(repr, rule[0])), sorted(map(repr, rule[1]))))
    return rules


# ---------------------------------------------------------------------------------------------
# 8. PCA via the SVD
# ---------------------------------------------------------------------------------------------


class PCA:
    """Principal component analysis by the SVD of the centred data (see exercises.py)."""

    def __init__(self, n_components: int | float | None = None) -> None:
        self.n_components = n_components

    def fit(self, X: np.ndarray) -> PCA:
        X = np.asarray(X, dtype=float)
        n, d = X.shape
        if n < 2:
            raise ValueError("PCA needs at least 2 samples")
        # Centre first: PCA finds directions of maximum VARIANCE, i.e. spread around the mean.
        # Without centring, the first "component" mostly points at the mean itself.
        self.mean_ = X.mean(axis=0)
        Xc = X - self.mean_
        # Thin SVD: Xc = U S Vt. The rows of Vt are the eigenvectors of the covariance matrix
        # Xc^T Xc / (n - 1), and its eigenvalues are S^2 / (n - 1). Going through the SVD avoids
        # forming Xc^T Xc, which would square the condition number.
        U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
        # The sign of a singular vector is arbitrary (v and -v are both valid). Fix it so that the
        # largest-magnitude entry of each component is positive: the same data then always gives
        # the same components, on every machine and library version (scikit-learn's rule).
        biggest = np.argmax(np.abs(Vt), axis=1)
        signs = np.sign(Vt[np.arange(len(Vt)), biggest])
        signs[signs == 0] = 1.0
        Vt = Vt * signs[:, None]
        variance = S**2 / (n - 1)          # unbiased, like np.var(..., ddof=1)
        # The ratio divides by the TOTAL variance of all components, not only the kept ones,
        # otherwise any truncated PCA would claim to explain 100% of the variance.
        ratio = variance / variance.sum()
        k = self._n_kept(ratio, min(n, d))
        self.n_components_ = k
        self.components_ = Vt[:k].copy()
        self.explained_variance_ = variance[:k].copy()
        self.explained_variance_ratio_ = ratio[:k].copy()
        self.singular_values_ = S[:k].copy()
        return self

    def _n_kept(self, ratio: np.ndarray, max_k: int) -> int:
        nc = self.n_components
        if nc is None:
            return max_k
        if isinstance(nc, (int, np.integer)) and not isinstance(nc, bool):
            if not 1 <= nc <= max_k:
                raise ValueError(f"n_components must be between 1 and {max_k}, got {nc}")
            return int(nc)
        if isinstance(nc, float) and 0.0 < nc < 1.0:
            # The smallest k whose cumulative ratio is strictly greater than the fraction asked.
            # searchsorted(side="right") returns the number of cumulative values <= nc.
            return int(min(np.searchsorted(np.cumsum(ratio), nc, side="right") + 1, max_k))
        raise ValueError(f"n_components must be None, an int or a float in (0, 1), got {nc!r}")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # Centre with the TRAINING mean: new data is projected in the coordinate system learned in
        # fit. Re-centring on the new batch's own mean would leak its statistics and shift scores.
        return (np.asarray(X, dtype=float) - self.mean_) @ self.components_.T

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        # components_ has orthonormal rows, so its transpose is its pseudo-inverse.
        return np.asarray(Z, dtype=float) @ self.components_ + self.mean_


# ---------------------------------------------------------------------------------------------
# 9. Anomaly detection with the Mahalanobis distance
# ---------------------------------------------------------------------------------------------


class MahalanobisDetector:
    """Gaussian anomaly detector: squared Mahalanobis distance against a chi-squared threshold."""

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def fit(self, X: np.ndarray) -> MahalanobisDetector:
        if not 0.0 < self.alpha < 1.0:
            raise ValueError(f"alpha must be in (0, 1), got {self.alpha}")
        X = np.asarray(X, dtype=float)
        n, d = X.shape
        if n < 2:
            raise ValueError("need at least 2 samples to estimate a covariance")
        self.location_ = X.mean(axis=0)
        Xc = X - self.location_
        # The maximum-likelihood covariance (divide by n), as sklearn's EmpiricalCovariance.
        # Note the orientation: Xc.T @ Xc is (d, d). np.cov(X) without rowvar=False would treat
        # ROWS as variables and return an (n, n) matrix.
        self.covariance_ = Xc.T @ Xc / n
        # The pseudo-inverse (of a symmetric matrix) instead of inv: a constant or perfectly
        # collinear feature makes the covariance singular, and pinv then simply ignores the
        # directions with zero variance instead of crashing.
        self.precision_ = np.linalg.pinv(self.covariance_, hermitian=True)
        # If x ~ N(mu, Sigma) in d dimensions, its squared Mahalanobis distance is chi^2_d:
        # the (1 - alpha) quantile flags a fraction alpha of genuinely normal points.
        self.threshold_ = float(chi2.ppf(1.0 - self.alpha, df=d))
        return self

    def mahalanobis(self, X: np.ndarray) -> np.ndarray:
        # Centre with the TRAINING location and use the TRAINING precision: the detector's notion
        # of "normal" is fixed at fit time, whatever batch is scored later.
        Xc = np.asarray(X, dtype=float) - self.location_
        return np.einsum("ij,jk,ik->i", Xc, self.precision_, Xc)

    def predict(self, X: np.ndarray) -> np.ndarray:
        # scikit-learn's outlier convention: +1 for inliers, -1 for outliers.
        return np.where(self.mahalanobis(X) > self.threshold_, -1, 1).astype(np.int64)


# ---------------------------------------------------------------------------------------------
# 10. DBSCAN
# ---------------------------------------------------------------------------------------------


def dbscan(X: np.ndarray, eps: float = 0.5, min_samples: int = 5) -> np.ndarray:
    """Density-based clustering; noise is labelled -1."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    if eps <= 0 or min_samples < 1:
        raise ValueError(f"eps must be > 0 and min_samples >= 1, got eps={eps}, min_samples={min_samples}")
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    diff = X[:, None, :] - X[None, :, :]
    D2 = np.einsum("ijd,ijd->ij", diff, diff)
    # Neighbourhoods are CLOSED balls (<= eps) and contain the point itself, as in scikit-learn:
    # min_samples=5 means "the point and at least 4 others". Comparing squared distances with
    # eps^2 avoids n^2 square roots.
    neighbours = [np.flatnonzero(row <= eps * eps) for row in D2]
    is_core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.full(n, -1, dtype=np.int64)
    cluster = 0
    # Visiting points in index order numbers the clusters by their lowest-index core point, and
    # a border point reachable from several clusters goes to the first one that reaches it.
    for i in range(n):
        if not is_core[i] or labels[i] != -1:
            continue
        # Grow a new cluster from core point i: everything density-reachable from it.
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    # Only core points propagate the cluster; a border point joins it but its
                    # own neighbours are not reachable through it.
                    if is_core[q]:
                        stack.append(q)
        cluster += 1
    # Points never reached from any core point keep -1: noise.
    return labels


# ---------------------------------------------------------------------------------------------
# 11. Agglomerative clustering: the linkage matrix
# ---------------------------------------------------------------------------------------------


def agglomerative_linkage(X: np.ndarray, method: str = "single") -> np.ndarray:
    """The (n - 1, 4) merge history of bottom-up clustering, in SciPy's linkage format."""
    if method not in ("single", "complete"):
        raise ValueError(f"method must be 'single' or 'complete', got {method!r}")
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    if n < 2:
        raise ValueError("need at least 2 samples to merge anything")
    diff = X[:, None, :] - X[None, :, :]
    D = np.sqrt(np.einsum("ijd,ijd->ij", diff, diff))
    np.fill_diagonal(D, np.inf)           # a cluster is never merged with itself
    ids = np.arange(n)                    # SciPy's id of the cluster held in each slot
    sizes = np.ones(n, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    Z = np.zeros((n - 1, 4))
    combine = np.minimum if method == "single" else np.maximum
    for step in range(n - 1):
        # The closest pair of active clusters (inactive rows/columns are +inf).
        flat = int(np.argmin(D))
        i, j = divmod(flat, n)
        if i > j:
            i, j = j, i
        a, b = ids[i], ids[j]
        Z[step] = [min(a, b), max(a, b), D[i, j], sizes[i] + sizes[j]]
        # Lance-Williams update, no need to look at the points again: the single-linkage
        # distance from the merged cluster to any cluster c is the smaller of the two old
        # distances (closest pair), the complete-linkage one the larger (farthest pair).
        new_row = combine(D[i], D[j])
        D[i, :] = new_row
        D[:, i] = new_row
        D[i, i] = np.inf
        D[j, :] = np.inf                  # slot j is retired
        D[:, j] = np.inf
        active[j] = False
        ids[i] = n + step                 # the merged cluster gets the next id, n + step
        sizes[i] += sizes[j]
    return Z


# ---------------------------------------------------------------------------------------------
# 12-13. Gaussian mixture: one EM step
# ---------------------------------------------------------------------------------------------


def gmm_e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray,
               covariances: np.ndarray) -> tuple[np.ndarray, float]:
    """Responsibilities (n, k) and the mean log-likelihood per sample."""
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    n, d = X.shape
    k = len(weights)
    log_joint = np.empty((n, k))
    for j in range(k):
        # log N(x | mu, Sigma) through a Cholesky factor Sigma = L L^T:
        #   (x - mu)^T Sigma^-1 (x - mu) = |L^-1 (x - mu)|^2 and log|Sigma| = 2 sum log diag(L).
        # No explicit inverse and no determinant (which under- or overflows in high dimension).
        L = np.linalg.cholesky(covariances[j])
        y = np.linalg.solve(L, (X - means[j]).T)          # (d, n)
        maha = np.sum(y * y, axis=0)
        log_det = 2.0 * np.sum(np.log(np.diag(L)))
        log_pdf = -0.5 * (d * np.log(2.0 * np.pi) + log_det + maha)
        log_joint[:, j] = np.log(weights[j]) + log_pdf   # log pi_j + log N(x | j)
    # log-sum-exp: subtract each row's maximum before exponentiating. Far from every component
    # the densities underflow to exactly 0.0 and the naive ratio would be 0 / 0 = nan.
    top = log_joint.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.sum(np.exp(log_joint - top), axis=1))   # log p(x_i)
    resp = np.exp(log_joint - log_norm[:, None])
    return resp, float(log_norm.mean())


def gmm_m_step(X: np.ndarray, resp: np.ndarray,
               reg_covar: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """New mixture weights (k,), means (k, d) and covariances (k, d, d) from responsibilities."""
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    n, d = X.shape
    # N_k = "effective number of points" of component k: soft counts.
    nk = resp.sum(axis=0)
    weights = nk / n
    # Weighted means: each point contributes to every component in proportion to its
    # responsibility. resp.T @ X sums r_ik x_i over i for every k at once.
    means = resp.T @ X / nk[:, None]
    k = resp.shape[1]
    covariances = np.empty((k, d, d))
    for j in range(k):
        # Centre on the NEW mean (the maximiser uses the updated mean), weight by r_ij and divide
        # by N_j: the maximum-likelihood estimate, no "- 1".
        diff = X - means[j]
        covariances[j] = (resp[:, j, None] * diff).T @ diff / nk[j]
        # A small ridge keeps the covariance positive definite when a component collapses onto a
        # few points (the likelihood would otherwise go to infinity).
        covariances[j].flat[:: d + 1] += reg_covar
    return weights, means, covariances


# ---------------------------------------------------------------------------------------------
# A short demo: each solution next to the library routine it imitates
# ---------------------------------------------------------------------------------------------

if __name__ == "__main__":
    import warnings

    from scipy.cluster.hierarchy import linkage
    from sklearn.cluster import DBSCAN
    from sklearn.cluster import KMeans as SkKMeans
    from sklearn.covariance import EmpiricalCovariance
    from sklearn.datasets import load_digits, load_iris, make_blobs, make_moons
    from sklearn.decomposition import PCA as SkPCA
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import adjusted_rand_score
    from sklearn.metrics import silhouette_score as sk_silhouette
    from sklearn.mixture import GaussianMixture

    np.set_printoptions(precision=4, suppress=True)
    X, y = make_blobs(300, centers=4, cluster_std=1.0, random_state=0)

    print("assign_labels of 3 points to centres [0,0] and [10,0]:",
          assign_labels(np.array([[1.0, 0], [9, 1], [5, 0]]), np.array([[0.0, 0], [10, 0]])))
    centers = kmeans_plus_plus(X, 4, np.random.default_rng(0))
    print("k-means++ centres:\n", centers)

    mine = KMeans(4, init=centers).fit(X)
    theirs = SkKMeans(4, init=centers, n_init=1, algorithm="lloyd").fit(X)
    print(f"KMeans inertia {mine.inertia_:.4f} (sklearn {theirs.inertia_:.4f}), "
          f"n_iter {mine.n_iter_} (sklearn {theirs.n_iter_}), "
          f"same labels: {np.array_equal(mine.labels_, theirs.labels_)}")

    score, _ = silhouette_score(X, mine.labels_)
    print(f"silhouette {score:.6f} (sklearn {sk_silhouette(X, mine.labels_):.6f})")

    baskets = [{"bread", "milk"}, {"bread", "diapers", "beer", "eggs"},
               {"milk", "diapers", "beer", "cola"}, {"bread", "milk", "diapers", "beer"},
               {"bread", "milk", "diapers", "cola"}]
    supports = apriori(baskets, min_support=0.6)
    print("frequent itemsets at support >= 0.6:",
          {tuple(sorted(s)): round(v, 2) for s, v in sorted(supports.items(), key=lambda kv: (len(kv[0]), sorted(kv[0])))})
    for ante, cons, sup, conf, lift in association_rules(supports, 0.7):
        print(f"  rule {sorted(ante)} -> {sorted(cons)}: support {sup:.2f}, confidence {conf:.2f}, lift {lift:.2f}")

    Xd = load_digits().data
    pca = PCA(0.9).fit(Xd)
    sk = SkPCA(0.9, svd_solver="full").fit(Xd)
    print(f"PCA(0.9) on digits keeps {pca.n_components_} components (sklearn {sk.n_components_}); "
          f"max |ratio diff| = {np.abs(pca.explained_variance_ratio_ - sk.explained_variance_ratio_).max():.2e}; "
          f"max |component diff| = {np.abs(pca.components_ - sk.components_).max():.2e}")

    Xi = load_iris().data
    det = MahalanobisDetector(alpha=0.01).fit(Xi)
    ref = EmpiricalCovariance().fit(Xi).mahalanobis(Xi)
    print(f"Mahalanobis max |diff| vs sklearn = {np.abs(det.mahalanobis(Xi) - ref).max():.2e}; "
          f"threshold {det.threshold_:.3f}; flagged {int(np.sum(det.predict(Xi) == -1))} of {len(Xi)} iris flowers")

    Xm, _ = make_moons(200, noise=0.06, random_state=0)
    lab = dbscan(Xm, eps=0.2, min_samples=5)
    print(f"DBSCAN on moons: {lab.max() + 1} clusters, {np.sum(lab == -1)} noise points; "
          f"identical to sklearn: {np.array_equal(lab, DBSCAN(eps=0.2, min_samples=5).fit_predict(Xm))}")

    small = X[:30]
    for method in ("single", "complete"):
        Z = agglomerative_linkage(small, method)
        print(f"{method:8s} linkage max |diff| vs scipy = {np.abs(Z - linkage(small, method)).max():.2e}; "
              f"last merge height {Z[-1, 2]:.3f}")

    rng = np.random.default_rng(0)
    w0 = np.full(4, 0.25)
    mu0 = X[rng.choice(len(X), 4, replace=False)]
    cov0 = np.stack([np.eye(2)] * 4)
    resp, ll = gmm_e_step(X, w0, mu0, cov0)
    w1, mu1, cov1 = gmm_m_step(X, resp)
    gm = GaussianMixture(4, max_iter=1, init_params="random", weights_init=w0, means_init=mu0,
                         precisions_init=np.linalg.inv(cov0), random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        gm.fit(X)
    print(f"one EM step: max |means diff| vs sklearn = {np.abs(mu1 - gm.means_).max():.2e}, "
          f"max |cov diff| = {np.abs(cov1 - gm.covariances_).max():.2e}, mean log-likelihood before {ll:.4f}")
    print("ARI of k-means vs the true blobs:", round(adjusted_rand_score(y, mine.labels_), 4))
