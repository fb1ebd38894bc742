"""Module 07 - Supervised learning: exercises.

Implement the classic supervised-learning algorithms from scratch with NumPy. The grader fits
each of them next to the scikit-learn estimator it imitates, on the same data, and compares
coefficients, probabilities and predictions within a stated tolerance. Grade your work with::

    uv run mlm check 07                       # all exercises
    uv run mlm hint 07 ridge_regression       # a hint, one more each time you ask

The exercises go from easy to hard:

 1. impurity                        Gini impurity and entropy of a set of labels
 2. linear_regression_closed_form   least squares with an intercept, solved exactly
 3. ridge_regression                L2-regularised least squares (intercept not penalised)
 4. linear_regression_gd            the same model by batch gradient descent
 5. KNNClassifier                   k-nearest neighbours with stated tie rules
 6. GaussianNaiveBayes              class-conditional Gaussians, log-space posteriors
 7. LogisticRegressionGD            cross-entropy minimised by gradient descent
 8. LinearSVM                       hinge loss minimised by subgradient descent
 9. lasso_coordinate_descent        L1-regularised least squares by soft-thresholding
10. best_split                      the best (feature, threshold) of a decision-tree node
11. DecisionTree                    a CART classification tree grown with best_split
12. GradientBoostingStumps          gradient boosting of depth-1 regression trees

Rules for the whole file: NumPy and the standard library only. Do not import scikit-learn or
SciPy here - the grader compares your answers with them and blocks the estimators you are
re-implementing. Keep every name and signature as given.

The classes follow scikit-learn's conventions, and the grader checks them: hyperparameters are
set in ``__init__`` and stored unchanged under the same names (already written for you);
``fit(X, y)`` learns from the data, stores what it learned in attributes whose names end in an
underscore (``coef_``, ``classes_``, ...) and returns ``self``; ``fit`` must not modify the
caller's arrays. Class labels may be any sortable values (ints, strings): ``classes_`` holds
them sorted, as ``np.unique(y)`` returns them, and ``predict`` returns labels from ``classes_``.
"""
from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. Impurity of a set of labels
# ---------------------------------------------------------------------------------------------


def impurity(y: np.ndarray, criterion: str = "gini") -> float:
    """Gini impurity or entropy of the labels ``y``.

    With p_k the fraction of the labels equal to class k (over the classes that occur):

    * ``"gini"``:    G(y) = 1 - sum_k p_k^2
    * ``"entropy"``: H(y) = - sum_k p_k log2(p_k)   (base 2: the answer is in bits)

    Both are 0 for a pure set and largest when the classes are equally frequent.

    Parameters
    ----------
    y : np.ndarray, shape (n,)
        Class labels of any type (ints, possibly negative or non-contiguous, or strings).
    criterion : {"gini", "entropy"}, default "gini"

    Returns
    -------
    float
        The impurity, a Python ``float``. An empty ``y`` has impurity ``0.0``.

    Raises
    ------
    ValueError
        If ``criterion`` is neither ``"gini"`` nor ``"entropy"``.

    Examples
    --------
    >>> impurity(np.array([0, 0, 1, 1]))
    0.5
    >>> impurity(np.array(["cat", "cat", "dog", "dog"]), "entropy")
    1.0
    >>> round(impurity(np.array([3, 3, 3, 7])), 4)     # 1 - (0.75^2 + 0.25^2)
    0.375
    """
    # TODO: your code here
    raise NotImplementedError("impurity")


# ---------------------------------------------------------------------------------------------
# 2-4. Linear regression
# ---------------------------------------------------------------------------------------------


def linear_regression_closed_form(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Fit ordinary least squares with an intercept exactly (no iterations).

    Find the weights w and intercept b that minimise the sum of squared residuals

        sum_i (y_i - x_i . w - b)^2.

    theory.md section 2 shows two routes: append a column of ones to X and solve the normal
    equations, or centre X and y (which removes b from the problem), solve for w, then recover
    b = mean(y) - mean(X) . w.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Features; you may assume the centred columns are linearly independent (rank d).
    y : np.ndarray, shape (n,)
        Targets.

    Returns
    -------
    coef : np.ndarray, shape (d,)
        The weights w, float64.
    intercept : float
        The intercept b, a Python ``float``.

    Examples
    --------
    >>> X = np.array([[1.0], [2.0], [3.0], [4.0]])
    >>> coef, b = linear_regression_closed_form(X, np.array([3.0, 5.0, 7.0, 9.0]))   # y = 2x + 1
    >>> np.round(coef, 6), round(b, 6)
    (array([2.]), 1.0)

    Rules
    -----
    NumPy only: ``np.linalg.solve`` or ``np.linalg.lstsq`` are fine; do not use scikit-learn's
    ``LinearRegression``. Do not modify ``X`` or ``y``.
    """
    # TODO: your code here
    raise NotImplementedError("linear_regression_closed_form")


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float = 1.0) -> tuple[np.ndarray, float]:
    """Fit ridge regression (L2-penalised least squares) exactly.

    Minimise scikit-learn's ``Ridge`` objective

        sum_i (y_i - x_i . w - b)^2  +  alpha * ||w||^2

    Note the penalty is on w only: the intercept b is NOT penalised (shrinking b would pull every
    prediction towards 0 instead of towards mean(y)). There is no 1/n in front of the sum.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Features (the columns may be collinear, and d may exceed n: alpha > 0 keeps the problem
        well posed).
    y : np.ndarray, shape (n,)
        Targets.
    alpha : float, default 1.0
        Penalty strength, alpha >= 0. ``alpha = 0`` is ordinary least squares.

    Returns
    -------
    coef : np.ndarray, shape (d,)
        The weights w, float64.
    intercept : float
        The intercept b, a Python ``float``.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]])
    >>> coef, b = ridge_regression(X, np.array([1.0, 3.0, 5.0]), alpha=2.0)
    >>> np.round(coef, 6), round(b, 6)          # w = 4 / (2 + 2) = 1, b = 3 - 1 * 1 = 2
    (array([1.]), 2.0)

    Rules
    -----
    NumPy only: do not use scikit-learn's ``Ridge`` (or any other scikit-learn estimator).
    """
    # TODO: your code here
    raise NotImplementedError("ridge_regression")


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float = 0.1, n_iters: int = 1000
) -> tuple[np.ndarray, float]:
    """Fit linear regression by full-batch gradient descent.

    Minimise the loss

        L(w, b) = (1 / (2n)) * sum_i (x_i . w + b - y_i)^2

    starting from w = 0, b = 0, and take exactly ``n_iters`` steps

        w <- w - lr * dL/dw,    b <- b - lr * dL/db,

    where both gradients are evaluated at the current (w, b) before either is updated. Do not
    rescale X: the grader checks the exact iterates.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Features.
    y : np.ndarray, shape (n,)
        Targets.
    lr : float, default 0.1
        Learning rate (step size).
    n_iters : int, default 1000
        Number of gradient steps (0 returns the starting point).

    Returns
    -------
    coef : np.ndarray, shape (d,)
        w after ``n_iters`` steps, float64.
    intercept : float
        b after ``n_iters`` steps, a Python ``float``.

    Examples
    --------
    >>> X = np.array([[1.0], [-1.0]])
    >>> linear_regression_gd(X, np.array([3.0, 1.0]), lr=0.5, n_iters=1)
    (array([0.5]), 1.0)

    On standardised features with enough steps the result matches
    ``linear_regression_closed_form`` (and scikit-learn's ``LinearRegression``).

    Rules
    -----
    NumPy only.
    """
    # TODO: your code here
    raise NotImplementedError("linear_regression_gd")


# ---------------------------------------------------------------------------------------------
# 5. k-nearest neighbours
# ---------------------------------------------------------------------------------------------


class KNNClassifier:
    """k-nearest-neighbours classifier: Euclidean distance, one vote per neighbour.

    ``fit`` memorises the training set. For each query row, ``predict`` finds the
    ``n_neighbors`` training rows closest in Euclidean distance and returns their most common
    label; ``predict_proba`` returns the fraction of those neighbours in each class.

    Tie rules (scikit-learn's ``KNeighborsClassifier`` uses the first):

    * a tied vote goes to the smallest label (the first of ``classes_``);
    * training points at exactly the same distance from the query are ranked by their position
      in the training set (the earlier one counts as nearer).

    Parameters
    ----------
    n_neighbors : int, default 5
        k, the number of neighbours that vote.

    Attributes (set by ``fit``)
    ---------------------------
    classes_ : np.ndarray, shape (n_classes,)
        The sorted distinct training labels.

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d), y of shape (n,). Raise ``ValueError`` unless 1 <= n_neighbors <= n.
    predict_proba(X) -> np.ndarray of shape (m, n_classes)
        Column c is the fraction of the k neighbours whose label is ``classes_[c]``.
    predict(X) -> np.ndarray of shape (m,)
        The majority label of the k neighbours of each query row.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [10.0], [11.0]])
    >>> knn = KNNClassifier(n_neighbors=3).fit(X, np.array(["a", "a", "b", "b"]))
    >>> knn.predict(np.array([[2.0], [9.0]]))
    array(['a', 'b'], dtype='<U1')
    >>> knn.predict_proba(np.array([[2.0]]))            # neighbours 1.0, 0.0, 10.0
    array([[0.66666667, 0.33333333]])

    Rules
    -----
    NumPy only: do not use ``sklearn.neighbors`` or ``scipy.spatial``.
    """

    def __init__(self, n_neighbors: int = 5) -> None:
        self.n_neighbors = n_neighbors

    def fit(self, X: np.ndarray, y: np.ndarray) -> KNNClassifier:
        """Memorise the training set; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("KNNClassifier.fit")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Fraction of the k nearest neighbours in each class, shape (m, n_classes)."""
        # TODO: your code here
        raise NotImplementedError("KNNClassifier.predict_proba")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Majority label of the k nearest neighbours, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("KNNClassifier.predict")


# ---------------------------------------------------------------------------------------------
# 6. Gaussian naive Bayes
# ---------------------------------------------------------------------------------------------


class GaussianNaiveBayes:
    """Gaussian naive Bayes classifier, matching scikit-learn's ``GaussianNB``.

    Model: P(class c) times a product over features j of normal densities
    N(x_j | theta_cj, var_cj), i.e. the features are assumed independent within each class.

    ``fit`` estimates, for each class c (in ``classes_`` order):

    * ``class_prior_[c]`` = (number of rows of class c) / n;
    * ``theta_[c, j]``   = mean of feature j over the rows of class c;
    * ``var_[c, j]``     = the maximum-likelihood variance (divide by n_c, not n_c - 1) of
      feature j over the rows of class c, PLUS ``epsilon_``, where
      ``epsilon_ = var_smoothing * (largest variance of any feature over ALL of X)``.

    ``predict_proba`` applies Bayes' rule. Compute it in log space,
    log P(c) + sum_j log N(x_j | theta_cj, var_cj), and normalise the rows stably (subtract each
    row's maximum before exponentiating): far from every class mean, the plain product of
    densities underflows to 0 and 0 / 0 gives nan.

    Parameters
    ----------
    var_smoothing : float, default 1e-9
        The fraction of the largest feature variance added to every variance.

    Attributes (set by ``fit``)
    ---------------------------
    classes_ : np.ndarray, shape (n_classes,)
    class_prior_ : np.ndarray, shape (n_classes,)
    theta_ : np.ndarray, shape (n_classes, d)
    var_ : np.ndarray, shape (n_classes, d)      (already includes epsilon_)
    epsilon_ : float

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d), y of shape (n,).
    predict_proba(X) -> np.ndarray of shape (m, n_classes)
        Posterior probabilities; each row sums to 1.
    predict(X) -> np.ndarray of shape (m,)
        The label with the largest posterior.

    Examples
    --------
    >>> X = np.array([[0.0], [2.0], [10.0], [12.0]])
    >>> nb = GaussianNaiveBayes().fit(X, np.array([0, 0, 1, 1]))
    >>> nb.theta_.ravel(), np.round(nb.var_.ravel(), 6)      # var: ((0-1)^2 + (2-1)^2) / 2 = 1
    (array([ 1., 11.]), array([1., 1.]))
    >>> nb.predict(np.array([[4.0], [8.0]]))
    array([0, 1])

    Rules
    -----
    NumPy only: do not use ``sklearn.naive_bayes`` or ``scipy.stats``.
    """

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        self.var_smoothing = var_smoothing

    def fit(self, X: np.ndarray, y: np.ndarray) -> GaussianNaiveBayes:
        """Estimate priors, means and variances per class; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("GaussianNaiveBayes.fit")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Posterior P(class | x), shape (m, n_classes), columns in ``classes_`` order."""
        # TODO: your code here
        raise NotImplementedError("GaussianNaiveBayes.predict_proba")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Label with the largest posterior, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("GaussianNaiveBayes.predict")


# ---------------------------------------------------------------------------------------------
# 7. Logistic regression by gradient descent
# ---------------------------------------------------------------------------------------------


class LogisticRegressionGD:
    """Binary logistic regression without a penalty, trained by full-batch gradient descent.

    The positive class is ``classes_[1]`` (the larger label); let t_i = 1 for it and 0 for
    ``classes_[0]``. The model is P(positive | x) = sigmoid(x . w + b) with
    sigmoid(z) = 1 / (1 + exp(-z)). ``fit`` minimises the mean cross-entropy

        L(w, b) = -(1/n) sum_i [ t_i log p_i + (1 - t_i) log(1 - p_i) ],   p_i = sigmoid(x_i . w + b)

    from w = 0, b = 0 with exactly ``n_iters`` steps w <- w - lr dL/dw, b <- b - lr dL/db (both
    gradients taken at the current point). On data that is not linearly separable this converges
    to scikit-learn's ``LogisticRegression(C=np.inf)``, the unpenalised model.

    Compute the sigmoid so that it does not overflow for large |z| (e.g. z = -1000).

    Parameters
    ----------
    lr : float, default 0.1
    n_iters : int, default 1000

    Attributes (set by ``fit``)
    ---------------------------
    classes_ : np.ndarray, shape (2,)
    coef_ : np.ndarray, shape (d,)
    intercept_ : float

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d); y of shape (n,) with exactly two distinct labels (else ``ValueError``).
    decision_function(X) -> np.ndarray of shape (m,)
        The log-odds x . w + b.
    predict_proba(X) -> np.ndarray of shape (m, 2)
        Columns [P(classes_[0] | x), P(classes_[1] | x)].
    predict(X) -> np.ndarray of shape (m,)
        ``classes_[1]`` where P(classes_[1] | x) > 0.5 (strictly), else ``classes_[0]``.

    Examples
    --------
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    >>> model = LogisticRegressionGD(lr=0.5, n_iters=1).fit(X, np.array([0, 0, 1, 1]))
    >>> model.coef_, model.intercept_                   # one step: w = 0.5 * (1/4) * 3 = 0.375
    (array([0.375]), 0.0)

    Rules
    -----
    NumPy only: do not use ``sklearn.linear_model`` or ``scipy.special.expit``.
    """

    def __init__(self, lr: float = 0.1, n_iters: int = 1000) -> None:
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> LogisticRegressionGD:
        """Minimise the mean cross-entropy by gradient descent; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("LogisticRegressionGD.fit")

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """The log-odds x . w + b of the positive class, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("LogisticRegressionGD.decision_function")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Columns [P(classes_[0] | x), P(classes_[1] | x)], shape (m, 2)."""
        # TODO: your code here
        raise NotImplementedError("LogisticRegressionGD.predict_proba")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """``classes_[1]`` where P(classes_[1] | x) > 0.5, else ``classes_[0]``; shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("LogisticRegressionGD.predict")


# ---------------------------------------------------------------------------------------------
# 8. Linear SVM by hinge-loss subgradient descent
# ---------------------------------------------------------------------------------------------


class LinearSVM:
    """Soft-margin linear SVM trained by full-batch subgradient descent on the hinge loss.

    Map the labels to s_i = +1 for ``classes_[1]`` and s_i = -1 for ``classes_[0]``, and minimise

        J(w, b) = (alpha / 2) ||w||^2 + (1/n) sum_i max(0, 1 - s_i (x_i . w + b)).

    The bias b is not regularised. This is the objective of scikit-learn's
    ``SGDClassifier(loss="hinge", alpha=alpha)`` and, multiplied by 1 / alpha, of
    ``SVC(kernel="linear", C=1 / (alpha * n))``.

    Start from w = 0, b = 0 and take exactly ``n_iters`` steps; step t (t = 0, 1, 2, ...) is

        w <- w - (lr / sqrt(t + 1)) * g_w,      b <- b - (lr / sqrt(t + 1)) * g_b,

    where (g_w, g_b) is this subgradient of J at the current point: a sample is "active" when
    its margin s_i (x_i . w + b) is strictly below 1, and

        g_w = alpha * w - (1/n) * sum over active i of s_i x_i,
        g_b =           - (1/n) * sum over active i of s_i.

    Parameters
    ----------
    alpha : float, default 0.01
        Regularisation strength (larger alpha = wider margin, more violations tolerated).
    lr : float, default 0.1
        The initial step size.
    n_iters : int, default 1000

    Attributes (set by ``fit``)
    ---------------------------
    classes_ : np.ndarray, shape (2,)
    coef_ : np.ndarray, shape (d,)
    intercept_ : float

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d); y of shape (n,) with exactly two distinct labels (else ``ValueError``).
    decision_function(X) -> np.ndarray of shape (m,)
        x . w + b; positive means ``classes_[1]``.
    predict(X) -> np.ndarray of shape (m,)
        ``classes_[1]`` where the decision function is > 0, else ``classes_[0]``.

    Examples
    --------
    >>> X = np.array([[2.0, 0.0], [-2.0, 0.0]])
    >>> svm = LinearSVM(alpha=0.1, lr=0.5, n_iters=1).fit(X, np.array([1, 0]))
    >>> svm.coef_, svm.intercept_      # every margin is 0 < 1: w = 0.5 * mean(s_i x_i)
    (array([1., 0.]), 0.0)

    Rules
    -----
    NumPy only: do not use ``sklearn.svm`` or ``sklearn.linear_model``.
    """

    def __init__(self, alpha: float = 0.01, lr: float = 0.1, n_iters: int = 1000) -> None:
        self.alpha = alpha
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> LinearSVM:
        """Run the subgradient descent; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("LinearSVM.fit")

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Signed score x . w + b, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("LinearSVM.decision_function")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """``classes_[1]`` where the score is > 0, else ``classes_[0]``; shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("LinearSVM.predict")


# ---------------------------------------------------------------------------------------------
# 9. Lasso by coordinate descent
# ---------------------------------------------------------------------------------------------


def lasso_coordinate_descent(
    X: np.ndarray, y: np.ndarray, alpha: float = 1.0, n_iters: int = 1000, tol: float = 1e-8
) -> tuple[np.ndarray, float]:
    """Fit the lasso (L1-penalised least squares) by cyclic coordinate descent.

    Minimise scikit-learn's ``Lasso`` objective

        (1 / (2n)) * sum_i (y_i - x_i . w - b)^2  +  alpha * sum_j |w_j|

    with b not penalised. Centre X and y first (Xc, yc: this removes b, as for ridge), start from
    w = 0 and repeat sweeps over j = 0, 1, ..., d-1, each time setting w_j to the exact
    minimiser of the objective over w_j alone with the other weights fixed. That minimiser is a
    soft-thresholded least-squares value (derived in theory.md section 3.2):

        w_j = S(rho_j, n * alpha) / ||x_j||^2,     S(z, t) = sign(z) * max(|z| - t, 0),

    where x_j is centred column j, residual = yc - Xc w is the current residual of the centred
    problem (with the latest value of every weight), and rho_j = x_j . (residual + x_j w_j) is
    x_j's correlation with the part of yc that w_j has to explain. Stop after ``n_iters``
    sweeps, or earlier after the first sweep in which no weight changed by ``tol`` or more. A
    centred column that is all zeros (a constant feature) keeps w_j = 0.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    alpha : float, default 1.0
        Penalty strength, alpha >= 0.
    n_iters : int, default 1000
        Maximum number of full sweeps over the d coordinates.
    tol : float, default 1e-8
        Stop when the largest change of any weight during a sweep is below tol.

    Returns
    -------
    coef : np.ndarray, shape (d,)
        The weights, float64, with exact zeros where the lasso switches a feature off.
    intercept : float
        mean(y) - mean(X) . w, a Python ``float``.

    Examples
    --------
    >>> X = np.array([[1.0], [2.0], [3.0], [4.0]])
    >>> coef, b = lasso_coordinate_descent(X, np.array([2.0, 4.0, 6.0, 8.0]), alpha=0.5)
    >>> np.round(coef, 6), round(b, 6)   # rho = 10, ||x||^2 = 5: w = (10 - 4 * 0.5) / 5 = 1.6
    (array([1.6]), 1.0)

    Rules
    -----
    NumPy only: do not use scikit-learn's ``Lasso``, ``ElasticNet``, ``lasso_path`` or
    ``enet_path``.
    """
    # TODO: your code here
    raise NotImplementedError("lasso_coordinate_descent")


# ---------------------------------------------------------------------------------------------
# 10-11. Decision trees
# ---------------------------------------------------------------------------------------------


def best_split(
    X: np.ndarray, y: np.ndarray, criterion: str = "gini"
) -> tuple[int | None, float | None, float]:
    """Find the axis-aligned split of a tree node that most decreases the impurity.

    A split (j, t) sends the rows with X[i, j] <= t to the left child and the others to the
    right. Its gain is the parent's impurity minus the children's impurities weighted by their
    sizes:

        gain = I(y) - (n_left / n) * I(y_left) - (n_right / n) * I(y_right),

    with I the Gini impurity or the entropy in bits (exercise 1). For each feature, the
    candidate thresholds are the midpoints between consecutive DISTINCT sorted values of that
    feature (this is also what scikit-learn uses). Return the candidate with the largest gain.
    Ties (gains within 1e-12 of each other) go to the smaller feature index, then to the smaller
    threshold.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
        Features of the rows that reached the node.
    y : np.ndarray, shape (n,)
        Their class labels (any type).
    criterion : {"gini", "entropy"}, default "gini"

    Returns
    -------
    feature : int or None
        The column index j of the best split (a Python ``int``).
    threshold : float or None
        The threshold t (a Python ``float``).
    gain : float
        Its impurity decrease, >= 0. A pure node still has candidate splits; they all gain 0.0.
        When NO split exists (fewer than 2 rows, or every feature constant on these rows),
        return ``(None, None, 0.0)``.

    Examples
    --------
    >>> X = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]])
    >>> best_split(X, np.array([0, 0, 1, 1]))        # column 1 is constant: no split there
    (0, 2.5, 0.5)

    Rules
    -----
    NumPy only (you may call your ``impurity``); do not use ``sklearn.tree``.
    """
    # TODO: your code here
    raise NotImplementedError("best_split")


class DecisionTree:
    """A CART classification tree grown greedily with ``best_split``.

    ``fit`` starts from the root holding every row and splits a node with its ``best_split``
    (rows with X[:, feature] <= threshold go left) unless one of these makes it a leaf:

    * ``max_depth`` is not None and the node's depth equals ``max_depth`` (the root has depth 0);
    * the node has fewer than ``min_samples_split`` rows;
    * the node is pure (a single class);
    * ``best_split`` finds no split (every row of the node has the same features).

    A node is split even when its best gain is 0 - scikit-learn does the same, and it matters
    for XOR-like data. A leaf stores the fraction of its rows in each class; ``predict_proba``
    returns those fractions for the leaf a row falls into, and ``predict`` the class with the
    largest fraction (ties to the smallest label). With these rules, on data without tied
    candidate splits the tree is exactly scikit-learn's ``DecisionTreeClassifier`` with the
    same ``max_depth``, ``min_samples_split`` and ``criterion``.

    Parameters
    ----------
    max_depth : int or None, default None
        Maximum depth (None: grow until the leaves are pure or cannot be split).
    min_samples_split : int, default 2
    criterion : {"gini", "entropy"}, default "gini"

    Attributes (set by ``fit``)
    ---------------------------
    classes_ : np.ndarray, shape (n_classes,)
    depth_ : int
        The depth of the deepest leaf (0 for a tree that is a single leaf).
    n_leaves_ : int
        The number of leaves.

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d), y of shape (n,).
    predict_proba(X) -> np.ndarray of shape (m, n_classes)
    predict(X) -> np.ndarray of shape (m,)

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> tree = DecisionTree().fit(X, np.array([0, 1, 1, 0]))      # XOR: the root split gains 0
    >>> tree.predict(X), tree.depth_, tree.n_leaves_
    (array([0, 1, 1, 0]), 2, 4)

    Rules
    -----
    NumPy only: do not use ``sklearn.tree``. Store the tree any way you like (nested dicts,
    small node objects, parallel arrays).
    """

    def __init__(self, max_depth: int | None = None, min_samples_split: int = 2,
                 criterion: str = "gini") -> None:
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.criterion = criterion

    def fit(self, X: np.ndarray, y: np.ndarray) -> DecisionTree:
        """Grow the tree; set ``classes_``, ``depth_`` and ``n_leaves_``; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("DecisionTree.fit")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class fractions of the leaf each row falls in, shape (m, n_classes)."""
        # TODO: your code here
        raise NotImplementedError("DecisionTree.predict_proba")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Majority class of the leaf each row falls in, shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("DecisionTree.predict")


# ---------------------------------------------------------------------------------------------
# 12. Gradient boosting with regression stumps
# ---------------------------------------------------------------------------------------------


class GradientBoostingStumps:
    """Gradient boosting for regression with squared error and depth-1 trees ("stumps").

    ``fit`` starts from the constant model F_0(x) = ``init_`` = mean(y), then for
    m = 1 .. ``n_estimators``:

    1. compute the residuals r_i = y_i - F_{m-1}(x_i) (the negative gradient of
       (1/2)(y - F)^2 with respect to F);
    2. fit a regression stump h_m to r: over every feature j and every midpoint t between
       consecutive distinct sorted values of feature j, choose the (j, t) whose two sides,
       each predicting the mean residual of its rows, give the smallest sum of squared errors
       (ties to the smaller feature index, then the smaller threshold);
    3. update F_m(x) = F_{m-1}(x) + learning_rate * h_m(x).

    ``predict`` returns init_ + learning_rate * sum_m h_m(x). This is exactly scikit-learn's
    ``GradientBoostingRegressor(n_estimators=..., learning_rate=..., max_depth=1)`` with the
    default squared-error loss (on data without tied candidate splits).

    Parameters
    ----------
    n_estimators : int, default 100
        Number of stumps (0 gives the constant model).
    learning_rate : float, default 0.1
        Shrinkage applied to every stump.

    Attributes (set by ``fit``)
    ---------------------------
    init_ : float
        mean(y).
    stumps_ : list
        One entry per stump, in the order they were fitted (store what you need to predict:
        for example (feature, threshold, left value, right value)).

    Methods
    -------
    fit(X, y) -> self
        X of shape (n, d), y of shape (n,).
    predict(X) -> np.ndarray of shape (m,)

    Examples
    --------
    >>> X = np.array([[1.0], [2.0], [3.0], [4.0]])
    >>> gb = GradientBoostingStumps(n_estimators=1, learning_rate=0.5).fit(X, np.array([1.0, 1.0, 3.0, 3.0]))
    >>> gb.init_, gb.predict(X)             # stump at 2.5: residual means -1 / +1
    (2.0, array([1.5, 1.5, 2.5, 2.5]))

    Rules
    -----
    NumPy only: do not use ``sklearn.ensemble`` or ``sklearn.tree``.
    """

    def __init__(self, n_estimators: int = 100, learning_rate: float = 0.1) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate

    def fit(self, X: np.ndarray, y: np.ndarray) -> GradientBoostingStumps:
        """Fit ``n_estimators`` stumps, each to the current residuals; return ``self``."""
        # TODO: your code here
        raise NotImplementedError("GradientBoostingStumps.fit")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """init_ + learning_rate * (sum of the stumps' predictions), shape (m,)."""
        # TODO: your code here
        raise NotImplementedError("GradientBoostingStumps.predict")
