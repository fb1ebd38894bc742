"""Module 08 - Unsupervised learning: exercises.

Implement the classic unsupervised algorithms from scratch with NumPy. The grader runs each of
them next to the library routine it imitates, on the same data (scikit-learn's ``KMeans``,
``silhouette_score``, ``PCA``, ``EmpiricalCovariance``, ``DBSCAN`` and ``GaussianMixture``,
SciPy's ``linkage``), or against a brute-force enumeration (Apriori), and compares labels (up to
renaming the clusters where that is all that can differ), coefficients and scores within a
stated tolerance. Grade your work with::

    uv run mlm check 08                           # all exercises
    uv run mlm check 08 --exercise dbscan         # one exercise
    uv run mlm hint 08 dbscan                     # a hint, one more each time you ask

The exercises go from easy to hard:

 1. assign_labels          the k-means assignment step: nearest centre for every point
 2. kmeans_plus_plus       k-means++ seeding by D^2 sampling
 3. KMeans                 Lloyd's iterations, convergence, restarts (a scikit-learn-style class)
 4. silhouette_score       the silhouette coefficient of a clustering
 5. apriori_candidates     Apriori's join-and-prune step
 6. apriori                all frequent itemsets, level by level
 7. association_rules      rules A -> C with support, confidence and lift
 8. PCA                    principal components via the SVD, explained variance (a class)
 9. MahalanobisDetector    Gaussian anomaly detection with a chi-squared threshold (a class)
10. dbscan                 density-based clustering with noise
11. agglomerative_linkage  bottom-up clustering, single and complete linkage, SciPy's format
12. gmm_e_step             Gaussian mixture E-step: responsibilities in log space
13. gmm_m_step             Gaussian mixture M-step: weights, means, covariances

Rules for the whole file: NumPy and the standard library only (plus ``scipy.stats.chi2`` for the
threshold in exercise 9). Do not import scikit-learn here: the grader compares your answers with
it and blocks the routines you are re-implementing. Keep every name and signature as given. Do
not print and do not run code at the top level of this file; experiment under
``if __name__ == "__main__":`` at the bottom.

The classes follow scikit-learn's conventions, and the grader checks them: hyperparameters are
set in ``__init__`` and stored unchanged under the same names (already written for you);
``fit(X)`` learns from the data, stores what it learned in attributes whose names end in an
underscore (``cluster_centers_``, ``components_``, ...) and returns ``self``; no method modifies
the caller's arrays.
"""
from __future__ import annotations

import itertools  # noqa: F401  (useful for exercises 5-7)
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.stats import chi2  # noqa: F401  (allowed: the threshold of exercise 9)

# ---------------------------------------------------------------------------------------------
# 1. The assignment step of k-means                                                   (easy)
# ---------------------------------------------------------------------------------------------


def assign_labels(X: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Assign every row of ``X`` to its nearest centre (the "E-step" of k-means).

    The distance is Euclidean; comparing squared distances gives the same answer. When a point
    is equally close to several centres, it goes to the one with the **smallest index**.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        The points, one per row. ``n`` may be 0.
    centers : np.ndarray, shape (k, d)
        The centres, one per row, k >= 1.

    Returns
    -------
    np.ndarray of int, shape (n,)
        ``labels[i]`` is the index (0 to k-1) of the centre nearest to ``X[i]``.

    Raises
    ------
    ValueError
        If the two arrays do not both have 2 dimensions with the same number of columns d.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [9.0, 1.0], [5.0, 0.0]])
    >>> assign_labels(X, np.array([[0.0, 0.0], [10.0, 0.0]]))
    array([0, 1, 0])

    (The third point is 5 away from both centres: the tie goes to centre 0.)

    Rules
    -----
    NumPy only, no Python loop over the points: build all n * k distances at once with
    broadcasting. Do not use ``scipy.spatial.distance`` or ``sklearn.metrics``.
    """
    # TODO: your code here
    raise NotImplementedError("assign_labels")


# ---------------------------------------------------------------------------------------------
# 2. k-means++ seeding                                                             (easy)
# ---------------------------------------------------------------------------------------------


def kmeans_plus_plus(X: np.ndarray, n_clusters: int, rng: np.random.Generator) -> np.ndarray:
    """Choose ``n_clusters`` initial centres among the rows of ``X`` by k-means++ (D^2) sampling.

    The algorithm (Arthur and Vassilvitskii, 2007):

    1. the first centre is a row of ``X`` chosen uniformly at random;
    2. each next centre is a row chosen at random with probability proportional to D(x)^2, the
       squared Euclidean distance from x to the nearest centre chosen so far;
    3. repeat 2 until there are ``n_clusters`` centres.

    So that your result can be compared exactly with the reference, draw the random numbers
    **in this order and in no other way**: the first index is ``rng.integers(n)``; each further
    index is ``rng.choice(n, p=D2 / D2.sum())``, where ``D2`` has shape (n,).

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    n_clusters : int
        k, from 1 to n.
    rng : np.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(0)``); use nothing else.

    Returns
    -------
    np.ndarray, shape (n_clusters, d)
        The chosen rows of ``X``, in the order they were chosen, as a new array (writing into it
        must not change ``X``).

    Raises
    ------
    ValueError
        If ``n_clusters`` is not between 1 and n, or if ``X`` has fewer than ``n_clusters``
        distinct rows (then at some step D2 is zero everywhere and no row can be drawn).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0]])
    >>> kmeans_plus_plus(X, 2, np.random.default_rng(0))     # first index 2, then D2 = [100, 81, 0]
    array([[10.],
           [ 0.]])

    Rules
    -----
    NumPy only: do not use ``sklearn.cluster.kmeans_plusplus``.
    """
    # TODO: your code here
    raise NotImplementedError("kmeans_plus_plus")


# ---------------------------------------------------------------------------------------------
# 3. k-means with Lloyd's iterations                                                 (medium)
# ---------------------------------------------------------------------------------------------


class KMeans:
    """k-means clustering by Lloyd's algorithm, like scikit-learn's ``KMeans(algorithm="lloyd")``.

    k-means looks for k centres that minimise the **inertia**, the sum over all points of the
    squared distance to their nearest centre. Lloyd's algorithm alternates two steps, each of
    which can only lower the inertia:

    * assignment: every point to its nearest centre (exercise 1);
    * update: every centre to the mean of the points assigned to it. A centre that received no
      point keeps its previous position.

    One *iteration* is one assignment followed by one update. Starting from the initial centres,
    run iterations until one of these holds, checked in this order after each update:

    1. the labels of this iteration equal those of the previous iteration (nothing can change
       any more), or
    2. the total squared movement of the centres, ``sum((new_centres - old_centres) ** 2)``, is
       at most ``tol * mean(variance of each feature of X)`` (``np.var(X, axis=0).mean()``;
       scaling by the data's spread makes ``tol`` independent of the units), or
    3. ``max_iter`` iterations have run.

    Then set ``cluster_centers_`` to the final centres and recompute ``labels_`` from them (the
    last update may have moved them), so that ``labels_`` always equals ``predict(X)``.

    Parameters
    ----------
    n_clusters : int, default 8
        k, from 1 to n_samples (``fit`` raises ``ValueError`` otherwise).
    init : "k-means++" or np.ndarray of shape (n_clusters, d), default "k-means++"
        The initial centres. With an array, ``fit`` runs once from those centres (``n_init`` is
        ignored); with ``"k-means++"`` it makes ``rng = np.random.default_rng(random_state)``
        **once**, and each of the ``n_init`` runs starts from ``kmeans_plus_plus(X, n_clusters,
        rng)`` (exercise 2) with that same generator.
    n_init : int, default 1
        Number of k-means++ runs; the run with the lowest inertia is kept (the first one if
        several are equally good).
    max_iter : int, default 300
    tol : float, default 1e-4
        Relative tolerance of rule 2 above.
    random_state : int or None, default None

    Attributes (set by ``fit``)
    ---------------------------
    cluster_centers_ : np.ndarray, shape (n_clusters, d)
    labels_ : np.ndarray of int, shape (n,)
        ``labels_[i]`` = index of the centre nearest to ``X[i]`` (ties: smallest index).
    inertia_ : float
        Sum of squared distances from each point to its centre in ``cluster_centers_``.
    n_iter_ : int
        Number of iterations run by the kept run.

    Methods
    -------
    fit(X) -> self
        X of shape (n, d).
    predict(X) -> np.ndarray of int, shape (m,)
        Index of the nearest fitted centre for each row of X of shape (m, d).
    transform(X) -> np.ndarray, shape (m, n_clusters)
        The Euclidean (not squared) distance from each row of X to each fitted centre.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]])
    >>> km = KMeans(n_clusters=2, init=np.array([[0.0, 0.0], [1.0, 0.0]])).fit(X)
    >>> km.cluster_centers_, km.labels_, km.inertia_, km.n_iter_
    (array([[ 0.5,  0. ], [10.5,  0. ]]), array([0, 0, 1, 1]), 1.0, 3)

    (Iteration 1 assigns [0, 1, 1, 1] and moves the centres to 0 and 22/3; iteration 2 assigns
    [0, 0, 1, 1] and moves them to 0.5 and 10.5; iteration 3 finds the same labels and stops.)

    Rules
    -----
    NumPy only: do not use ``sklearn.cluster`` or ``scipy.cluster.vq``. You may (and should) call
    your ``assign_labels`` and ``kmeans_plus_plus``.
    """

    def __init__(self, n_clusters: int = 8, init: str | np.ndarray = "k-means++", n_init: int = 1,
                 max_iter: int = 300, tol: float = 1e-4, random_state: int | None = None) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X: np.ndarray) -> KMeans:
        """Run Lloyd's algorithm on X of shape (n, d); set the fitted attributes; return self."""
        # TODO: your code here
        raise NotImplementedError("KMeans.fit")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Index of the nearest fitted centre for every row of X, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("KMeans.predict")

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Euclidean distance from every row of X to every fitted centre, shape (m, n_clusters)."""
        # TODO: your code here
        raise NotImplementedError("KMeans.transform")


# ---------------------------------------------------------------------------------------------
# 4. The silhouette                                                                  (medium)
# ---------------------------------------------------------------------------------------------


def silhouette_score(X: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray]:
    """The silhouette coefficient of a clustering, per sample and averaged.

    For point i in cluster C_i, with d the Euclidean distance (not squared):

    * a(i) = mean of d(i, j) over the OTHER points j of C_i (divide by |C_i| - 1);
    * b(i) = the smallest, over the clusters C other than C_i, of the mean of d(i, j) over j in C;
    * s(i) = (b(i) - a(i)) / max(a(i), b(i)), a number between -1 and 1;
    * s(i) = 0 for a point alone in its cluster (a(i) is undefined there).

    The score is the mean of s(i) over all n points, as ``sklearn.metrics.silhouette_score``
    returns (and ``sklearn.metrics.silhouette_samples`` returns the s(i)).

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    labels : np.ndarray, shape (n,)
        Cluster labels of any type (ints such as -1 or 42, strings): only equality matters.

    Returns
    -------
    (score, samples) : tuple of (float, np.ndarray of shape (n,))

    Raises
    ------
    ValueError
        Unless 2 <= number of distinct labels <= n - 1 (with one cluster b(i) does not exist;
        with n clusters every s(i) would be 0 by convention).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [4.0], [5.0]])
    >>> score, s = silhouette_score(X, np.array([0, 0, 1, 1]))
    >>> s                  # a = 1 for all; b = 4.5, 3.5, 3.5, 4.5
    array([0.77777778, 0.71428571, 0.71428571, 0.77777778])
    >>> round(score, 4)
    0.746

    Rules
    -----
    NumPy only: do not use ``sklearn.metrics``. A Python loop over the clusters is fine; avoid
    one over pairs of points.
    """
    # TODO: your code here
    raise NotImplementedError("silhouette_score")


# ---------------------------------------------------------------------------------------------
# 5. Apriori: candidate generation                                                   (medium)
# ---------------------------------------------------------------------------------------------


def apriori_candidates(frequent: Iterable[frozenset]) -> set[frozenset]:
    """Candidate k-itemsets from the frequent (k-1)-itemsets: Apriori's join and prune step.

    An itemset can only be frequent if all of its subsets are (the *Apriori property*). So the
    candidates of size k are:

    * **join**: every union of two frequent (k-1)-itemsets that has exactly k items;
    * **prune**: keep a union only if every one of its (k-1)-subsets is among ``frequent``.

    The candidates are then counted in the data by ``apriori`` (exercise 6); this function never
    looks at the data.

    Parameters
    ----------
    frequent : iterable of frozenset
        The frequent itemsets of one size k - 1 >= 1 (a set, a list, a dict's keys ...). Items
        are any hashable values; they need not be sortable.

    Returns
    -------
    set of frozenset
        The candidate itemsets of size k. Empty if ``frequent`` is empty.

    Raises
    ------
    ValueError
        If the itemsets do not all have the same size.

    Examples
    --------
    >>> L3 = {frozenset(s) for s in ({1, 2, 3}, {1, 2, 4}, {1, 3, 4}, {1, 3, 5}, {2, 3, 4})}
    >>> apriori_candidates(L3)
    {frozenset({1, 2, 3, 4})}

    (The join also produces {1, 2, 3, 5} from {1,2,3} and {1,3,5}, and {1, 3, 4, 5} from {1,3,4}
    and {1,3,5}, but their subsets {1, 2, 5} and {1, 4, 5} are not frequent, so both are pruned.)

    Rules
    -----
    Standard library only (``itertools`` helps).
    """
    # TODO: your code here
    raise NotImplementedError("apriori_candidates")


# ---------------------------------------------------------------------------------------------
# 6. Apriori: frequent itemsets                                                      (medium)
# ---------------------------------------------------------------------------------------------


def apriori(transactions: Sequence[Iterable[Hashable]], min_support: float) -> dict[frozenset, float]:
    """All frequent itemsets of a list of transactions, with their supports (Apriori).

    The **support** of an itemset is the fraction of the transactions that contain all of its
    items. An itemset is **frequent** when ``count / n_transactions >= min_support`` (compare
    the fraction itself: ``count >= min_support * n`` can go wrong in floating point, e.g.
    ``0.3 * 10 = 3.0000000000000004``).

    Work level by level: count the single items; keep the frequent ones; build the candidate
    pairs from them with ``apriori_candidates`` (exercise 5); count those in one pass over the
    data; keep the frequent ones; build the triples; ... until a level has no frequent itemset.
    An item repeated inside one transaction counts once.

    Parameters
    ----------
    transactions : sequence of iterables of hashable items
        E.g. ``[{"bread", "milk"}, ["beer", "bread"], ...]``; n = len(transactions).
    min_support : float
        In (0, 1].

    Returns
    -------
    dict of frozenset -> float
        Every frequent itemset (of every size) mapped to its support. ``{}`` if there are no
        transactions.

    Raises
    ------
    ValueError
        If ``min_support`` is not in (0, 1].

    Examples
    --------
    >>> baskets = [{"bread", "milk"}, {"bread", "beer"}, {"bread", "milk", "beer"}, {"milk"}]
    >>> apriori(baskets, 0.5)             # doctest: +SKIP (dict order may differ)
    {frozenset({'bread'}): 0.75, frozenset({'milk'}): 0.75, frozenset({'beer'}): 0.5,
     frozenset({'bread', 'milk'}): 0.5, frozenset({'bread', 'beer'}): 0.5}

    Rules
    -----
    Standard library only. Do not enumerate every subset of the items: the grader runs a case
    with 63 distinct items.
    """
    # TODO: your code here
    raise NotImplementedError("apriori")


# ---------------------------------------------------------------------------------------------
# 7. Association rules                                                                 (easy)
# ---------------------------------------------------------------------------------------------


def association_rules(supports: dict[frozenset, float],
                      min_confidence: float) -> list[tuple[frozenset, frozenset, float, float, float]]:
    """Association rules A -> C from frequent itemsets, with support, confidence and lift.

    For every frequent itemset I with at least 2 items and every non-empty proper subset A of I,
    consider the rule A -> C with C = I minus A, and compute

    * support(A -> C)  = support(I);
    * confidence       = support(I) / support(A)          (an estimate of P(C | A));
    * lift             = confidence / support(C)          (1 means A tells nothing about C).

    Keep the rules with ``confidence >= min_confidence``. Because every subset of a frequent
    itemset is frequent, support(A) and support(C) are in ``supports`` (as ``apriori`` returns it).

    Parameters
    ----------
    supports : dict of frozenset -> float
        Frequent itemsets and their supports, as returned by ``apriori``.
    min_confidence : float
        In [0, 1].

    Returns
    -------
    list of (antecedent, consequent, support, confidence, lift)
        antecedent and consequent are frozensets; the three numbers are floats. Sorted by
        confidence, highest first, then by lift, highest first (the order among rules with equal
        confidence and lift is free). ``[]`` if no rule qualifies.

    Raises
    ------
    ValueError
        If ``min_confidence`` is not in [0, 1].

    Examples
    --------
    >>> f = frozenset
    >>> supports = {f({"beer"}): 0.6, f({"diapers"}): 0.8, f({"beer", "diapers"}): 0.6}
    >>> association_rules(supports, 0.8)
    [(frozenset({'beer'}), frozenset({'diapers'}), 0.6, 1.0, 1.25)]

    (diapers -> beer has confidence 0.6 / 0.8 = 0.75 < 0.8, so it is left out.)

    Rules
    -----
    Standard library only.
    """
    # TODO: your code here
    raise NotImplementedError("association_rules")


# ---------------------------------------------------------------------------------------------
# 8. PCA via the SVD                                                                  (medium)
# ---------------------------------------------------------------------------------------------


class PCA:
    """Principal component analysis through the SVD, like scikit-learn's ``PCA(svd_solver="full")``.

    ``fit(X)``:

    1. ``mean_`` = the column means of X; ``Xc = X - mean_`` (centre the data);
    2. thin SVD ``Xc = U S Vt`` (``np.linalg.svd(Xc, full_matrices=False)``); the rows of ``Vt``
       are the principal directions, in order of decreasing singular value;
    3. sign rule: multiply each row of ``Vt`` by -1 if needed so that its entry of largest
       absolute value is positive (the sign of a singular vector is arbitrary; this rule makes
       the output deterministic, and is scikit-learn's);
    4. the variance along each direction is ``S**2 / (n - 1)``; its ratio is that variance
       divided by the sum of ALL of them (computed before keeping only k components);
    5. keep the first k components, where k is:

       * ``n_components`` itself if it is an int (from 1 to min(n, d));
       * min(n, d) if it is ``None``;
       * for a float in (0, 1), the smallest k whose cumulative explained-variance ratio is
         strictly greater than it (``np.searchsorted(np.cumsum(ratio), n_components,
         side="right") + 1``), e.g. 0.95 keeps enough components for more than 95 %.

    Parameters
    ----------
    n_components : int, float in (0, 1), or None, default None

    Attributes (set by ``fit``)
    ---------------------------
    n_components_ : int
        k (``n_components`` itself stays as given).
    mean_ : np.ndarray, shape (d,)
    components_ : np.ndarray, shape (k, d)
        The principal directions, one per ROW, orthonormal.
    explained_variance_ : np.ndarray, shape (k,)
    explained_variance_ratio_ : np.ndarray, shape (k,)
    singular_values_ : np.ndarray, shape (k,)

    Methods
    -------
    fit(X) -> self
        X of shape (n, d) with n >= 2. Raises ``ValueError`` for an invalid ``n_components``.
    transform(X) -> np.ndarray, shape (m, k)
        ``(X - mean_) @ components_.T``: new data is centred with the TRAINING mean.
    inverse_transform(Z) -> np.ndarray, shape (m, d)
        ``Z @ components_ + mean_``, the reconstruction from k coordinates.

    Examples
    --------
    >>> X = np.array([[2.0, 2.0], [0.0, 0.0], [-2.0, -2.0], [1.0, -1.0], [-1.0, 1.0]])
    >>> pca = PCA(n_components=1).fit(X)
    >>> pca.components_, pca.explained_variance_, pca.explained_variance_ratio_
    (array([[0.70710678, 0.70710678]]), array([4.]), array([0.8]))
    >>> pca.transform(np.array([[1.0, 1.0]]))
    array([[1.41421356]])

    Rules
    -----
    NumPy only (``np.linalg.svd`` is allowed): do not use ``sklearn.decomposition``.
    """

    def __init__(self, n_components: int | float | None = None) -> None:
        self.n_components = n_components

    def fit(self, X: np.ndarray) -> PCA:
        """Learn mean_, components_ and the explained variances from X of shape (n, d)."""
        # TODO: your code here
        raise NotImplementedError("PCA.fit")

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Coordinates of the rows of X on the principal components, shape (m, k)."""
        # TODO: your code here
        raise NotImplementedError("PCA.transform")

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        """Points of the original space with coordinates Z of shape (m, k), shape (m, d)."""
        # TODO: your code here
        raise NotImplementedError("PCA.inverse_transform")


# ---------------------------------------------------------------------------------------------
# 9. Anomaly detection with the Mahalanobis distance                                (medium)
# ---------------------------------------------------------------------------------------------


class MahalanobisDetector:
    """Flag outliers by their squared Mahalanobis distance from a Gaussian fitted to normal data.

    ``fit(X)`` estimates

    * ``location_`` = the column means of X, shape (d,);
    * ``covariance_`` = the maximum-likelihood covariance ``(X - location_).T @ (X - location_) / n``,
      shape (d, d) (divided by n, like scikit-learn's ``EmpiricalCovariance``);
    * ``precision_`` = ``np.linalg.pinv(covariance_)`` (a pseudo-inverse, so that a constant
      feature, whose variance is 0, does not crash the detector);
    * ``threshold_`` = ``chi2.ppf(1 - alpha, df=d)``: if x is Gaussian in d dimensions, its
      squared Mahalanobis distance follows a chi-squared distribution with d degrees of freedom,
      so a fraction ``alpha`` of normal points lies above this threshold.

    The squared Mahalanobis distance of x is ``(x - location_) @ precision_ @ (x - location_)``.
    New points are always measured with the TRAINING location and precision.

    Parameters
    ----------
    alpha : float, default 0.01
        The false-alarm rate on Gaussian data, in (0, 1) (``fit`` raises ``ValueError`` otherwise).

    Methods
    -------
    fit(X) -> self
        X of shape (n, d), n >= 2.
    mahalanobis(X) -> np.ndarray, shape (m,)
        The SQUARED Mahalanobis distance of each row (what ``EmpiricalCovariance.mahalanobis``
        returns).
    predict(X) -> np.ndarray of int, shape (m,)
        -1 for an outlier (squared distance > ``threshold_``), +1 for an inlier: scikit-learn's
        convention for outlier detectors.

    Examples
    --------
    >>> X = np.array([[-1.0, 0], [1, 0], [-1, 0], [1, 0], [0, 2], [0, -2]])
    >>> det = MahalanobisDetector(alpha=0.05).fit(X)      # covariance diag(2/3, 4/3)
    >>> det.mahalanobis(np.array([[2.0, 2.0], [0.5, 0.5]]))
    array([9.    , 0.5625])
    >>> round(det.threshold_, 3), det.predict(np.array([[2.0, 2.0], [0.5, 0.5]]))
    (5.991, array([-1,  1]))

    Rules
    -----
    NumPy (and ``scipy.stats.chi2`` for the threshold) only: do not use ``sklearn.covariance``
    or ``scipy.spatial.distance.mahalanobis``.
    """

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def fit(self, X: np.ndarray) -> MahalanobisDetector:
        """Estimate location_, covariance_, precision_ and threshold_ from X; return self."""
        # TODO: your code here
        raise NotImplementedError("MahalanobisDetector.fit")

    def mahalanobis(self, X: np.ndarray) -> np.ndarray:
        """Squared Mahalanobis distance of every row of X, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("MahalanobisDetector.mahalanobis")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """-1 (outlier) or +1 (inlier) for every row of X, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("MahalanobisDetector.predict")


# ---------------------------------------------------------------------------------------------
# 10. DBSCAN                                                                    (medium-hard)
# ---------------------------------------------------------------------------------------------


def dbscan(X: np.ndarray, eps: float = 0.5, min_samples: int = 5) -> np.ndarray:
    """Density-based clustering (DBSCAN), with the same conventions as scikit-learn's ``DBSCAN``.

    * The eps-neighbourhood of a point is every point at Euclidean distance **<= eps**, the
      point itself included.
    * A **core point** has at least ``min_samples`` points in its neighbourhood (itself counts:
      ``min_samples=5`` means itself and 4 others).
    * A cluster is everything reachable from a core point by hops between neighbours, where only
      core points may be hopped *from*: a non-core point reached this way is a **border point**;
      it joins the cluster but does not extend it.
    * Points that no cluster reaches are **noise**, labelled -1.

    Numbering, so that your labels are reproducible: visit the points in index order; every
    unlabelled core point met starts the next cluster (0, 1, 2, ...), which is grown completely
    before the visit continues. A border point within reach of several clusters belongs to the
    first one that reaches it (the one with the smaller number).

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        n may be 0.
    eps : float, default 0.5
        The neighbourhood radius, > 0.
    min_samples : int, default 5
        >= 1.

    Returns
    -------
    np.ndarray of int, shape (n,)
        Cluster labels 0, 1, ..., and -1 for noise.

    Raises
    ------
    ValueError
        If ``eps <= 0`` or ``min_samples < 1``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [10.0]])
    >>> dbscan(X, eps=1.0, min_samples=3)      # 1.0 is core (0, 1, 2 within 1); 10 is alone
    array([ 0,  0,  0, -1])

    Rules
    -----
    NumPy only: do not use ``sklearn.cluster`` or ``sklearn.neighbors``. An (n, n) distance
    matrix is fine for this exercise.
    """
    # TODO: your code here
    raise NotImplementedError("dbscan")


# ---------------------------------------------------------------------------------------------
# 11. Agglomerative clustering: the linkage matrix                                     (hard)
# ---------------------------------------------------------------------------------------------


def agglomerative_linkage(X: np.ndarray, method: str = "single") -> np.ndarray:
    """Bottom-up (agglomerative) clustering, returned as SciPy's linkage matrix.

    Start with every point as its own cluster (ids 0 to n-1). Repeat n - 1 times: merge the two
    closest clusters; the cluster created by merge number s (s = 0, 1, ...) gets the id n + s.
    The distance between two clusters A and B is computed from the Euclidean distances between
    their points:

    * ``"single"`` linkage: the smallest distance between a point of A and a point of B;
    * ``"complete"`` linkage: the largest such distance.

    (You never need to look at the points again after the first distance matrix: when A and B
    merge, the distance from A u B to any C is min(d(A, C), d(B, C)) for single linkage and
    max(d(A, C), d(B, C)) for complete linkage.)

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        n >= 2. You may assume no two pairs of clusters are ever at exactly the same distance
        (with ties, any closest pair may be merged first).
    method : {"single", "complete"}, default "single"

    Returns
    -------
    np.ndarray of float, shape (n - 1, 4)
        Row s describes merge s: ``[id_a, id_b, distance, size]`` with id_a < id_b the ids of
        the two merged clusters, ``distance`` the linkage distance between them, ``size`` the
        number of points in the new cluster. This is exactly what
        ``scipy.cluster.hierarchy.linkage(X, method)`` returns (so ``dendrogram`` and
        ``fcluster`` accept it).

    Raises
    ------
    ValueError
        If ``method`` is not "single" or "complete", or n < 2.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [3.0], [7.0]])
    >>> agglomerative_linkage(X, "single")
    array([[0., 1., 1., 2.],
           [2., 4., 2., 3.],
           [3., 5., 4., 4.]])
    >>> agglomerative_linkage(X, "complete")
    array([[0., 1., 1., 2.],
           [2., 4., 3., 3.],
           [3., 5., 7., 4.]])

    Rules
    -----
    NumPy only: do not use ``scipy.cluster.hierarchy`` or ``sklearn.cluster``. The simple
    O(n^3) algorithm is fine.
    """
    # TODO: your code here
    raise NotImplementedError("agglomerative_linkage")


# ---------------------------------------------------------------------------------------------
# 12. Gaussian mixture: the E-step                                                     (hard)
# ---------------------------------------------------------------------------------------------


def gmm_e_step(X: np.ndarray, weights: np.ndarray, means: np.ndarray,
               covariances: np.ndarray) -> tuple[np.ndarray, float]:
    """The E-step of EM for a Gaussian mixture with full covariances.

    The mixture has k components with weights pi_j, means mu_j and covariance matrices Sigma_j.
    The **responsibility** of component j for point x_i is the posterior probability

        r_ij = pi_j N(x_i | mu_j, Sigma_j) / sum_l pi_l N(x_i | mu_l, Sigma_l),

    where log N(x | mu, Sigma) = -1/2 [ d log(2 pi) + log det(Sigma) + (x - mu)^T Sigma^-1 (x - mu) ].

    Compute everything in log space. Far from every component the densities underflow to exactly
    0.0 in floating point and the plain ratio becomes 0 / 0 = nan; the log-sum-exp trick
    (subtract each row's largest log-term before exponentiating) avoids it.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    weights : np.ndarray, shape (k,)
        Positive, summing to 1.
    means : np.ndarray, shape (k, d)
    covariances : np.ndarray, shape (k, d, d)
        Symmetric positive definite.

    Returns
    -------
    (resp, mean_log_likelihood) : tuple of (np.ndarray of shape (n, k), float)
        ``resp[i, j]`` = r_ij (each row sums to 1); ``mean_log_likelihood`` = the MEAN over the
        points of log p(x_i) = log sum_j pi_j N(x_i | mu_j, Sigma_j) (what
        ``GaussianMixture.score`` returns).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0]])
    >>> resp, ll = gmm_e_step(X, np.array([0.5, 0.5]), np.array([[0.0], [2.0]]),
    ...                       np.array([[[1.0]], [[1.0]]]))
    >>> resp                        # x = 0: 1 / (1 + e^-2); x = 1 is halfway
    array([[0.88079708, 0.11920292],
           [0.5       , 0.5       ]])
    >>> round(ll, 6)
    -1.452048

    Rules
    -----
    NumPy only (``np.linalg.cholesky``, ``solve``, ``slogdet``, ``inv`` are allowed): do not use
    ``scipy.stats``, ``scipy.special`` or ``sklearn.mixture``.
    """
    # TODO: your code here
    raise NotImplementedError("gmm_e_step")


# ---------------------------------------------------------------------------------------------
# 13. Gaussian mixture: the M-step                                                     (hard)
# ---------------------------------------------------------------------------------------------


def gmm_m_step(X: np.ndarray, resp: np.ndarray,
               reg_covar: float = 1e-6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The M-step of EM for a Gaussian mixture with full covariances.

    Given responsibilities r_ij (from the E-step), with N_j = sum_i r_ij:

    * weight     pi_j    = N_j / n;
    * mean       mu_j    = (1 / N_j) sum_i r_ij x_i;
    * covariance Sigma_j = (1 / N_j) sum_i r_ij (x_i - mu_j)(x_i - mu_j)^T + reg_covar * I,

    where mu_j is the NEW mean. The small ``reg_covar`` on the diagonal keeps each covariance
    invertible when a component collapses onto very few points (scikit-learn does the same).

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    resp : np.ndarray, shape (n, k)
        Non-negative, each row summing to 1, each column with a positive sum.
    reg_covar : float, default 1e-6

    Returns
    -------
    (weights, means, covariances) : tuple of np.ndarray of shapes (k,), (k, d), (k, d, d)

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0]])
    >>> w, mu, cov = gmm_m_step(X, np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), reg_covar=0.0)
    >>> w, mu
    (array([0.66666667, 0.33333333]), array([[ 1.,  0.], [10., 10.]]))
    >>> cov[0]
    array([[1., 0.],
           [0., 0.]])

    Rules
    -----
    NumPy only: do not use ``sklearn.mixture``.
    """
    # TODO: your code here
    raise NotImplementedError("gmm_m_step")


if __name__ == "__main__":
    # Try your functions here, e.g.:
    # print(assign_labels(np.array([[1.0, 0.0], [9.0, 1.0]]), np.array([[0.0, 0.0], [10.0, 0.0]])))
    pass
