"""Module 07 - Supervised learning: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* an honest attempt: the
comments explain *why* each step is there, which is the part worth learning. Every function and
class here is checked by the hidden suite against scikit-learn on the same data.

Run a short demo of every solution (each one next to the scikit-learn estimator it imitates)::

    uv run 07-supervised-learning/solutions.py
"""
from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. Impurity of a set of labels
# ---------------------------------------------------------------------------------------------


def impurity(y: np.ndarray, criterion: str = "gini") -> float:
    """Gini impurity or entropy (in bits) of the labels ``y``."""
    if criterion not in ("gini", "entropy"):
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")
    y = np.asarray(y)
    if y.size == 0:
        # An empty node contributes nothing to a weighted average, so any finite value works;
        # 0.0 is the convention (and avoids 0 / 0 = nan).
        return 0.0
    # np.unique works for any label type (strings, negative or non-contiguous integers), unlike
    # np.bincount, which only counts small non-negative integers.
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    if criterion == "gini":
        # Probability that two labels drawn with replacement from the node disagree.
        return float(1.0 - np.sum(p * p))
    # Every p here is > 0 (np.unique only returns labels that occur), so log2 is safe. Base 2
    # gives bits: a 50/50 node has entropy exactly 1.0, as in scikit-learn's trees.
    return float(max(0.0, -np.sum(p * np.log2(p))))


# ---------------------------------------------------------------------------------------------
# 2-4. Linear regression, exactly, with an L2 penalty, and by gradient descent
# ---------------------------------------------------------------------------------------------


def linear_regression_closed_form(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Ordinary least squares with an intercept, solved exactly."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    # Centring removes the intercept from the problem: at the optimum the residuals sum to zero,
    # which forces b = mean(y) - mean(X) @ w. What is left is least squares on centred data.
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    # lstsq solves min ||Xc w - yc||^2 through an SVD. It gives the same answer as the normal
    # equations (Xc^T Xc) w = Xc^T yc, but never forms Xc^T Xc, whose condition number is the
    # square of Xc's: squaring it would lose half of the significant digits on nearly collinear
    # features. For a rank-deficient Xc it returns the minimum-norm solution, as scikit-learn does.
    coef, *_ = np.linalg.lstsq(Xc, yc, rcond=None)
    intercept = float(y_mean - x_mean @ coef)
    return coef, intercept


def ridge_regression(X: np.ndarray, y: np.ndarray, alpha: float = 1.0) -> tuple[np.ndarray, float]:
    """Ridge regression, minimising ||y - X w - b||^2 + alpha ||w||^2 (b not penalised)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    d = X.shape[1]
    # Setting the gradient of the objective to zero: -2 Xc^T (yc - Xc w) + 2 alpha w = 0, so
    # (Xc^T Xc + alpha I) w = Xc^T yc. For alpha > 0 the matrix is positive definite, so the
    # system always has exactly one solution, even with collinear features or d > n.
    # The intercept is handled by centring and is therefore NOT shrunk: shrinking it would pull
    # predictions towards 0 instead of towards mean(y), and would make the model depend on where
    # the origin of y happens to be.
    A = Xc.T @ Xc + alpha * np.eye(d)
    coef = np.linalg.solve(A, Xc.T @ yc)
    intercept = float(y_mean - x_mean @ coef)
    return coef, intercept


def linear_regression_gd(
    X: np.ndarray, y: np.ndarray, lr: float = 0.1, n_iters: int = 1000
) -> tuple[np.ndarray, float]:
    """Linear regression by full-batch gradient descent on (1 / 2n) ||X w + b - y||^2."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        # Residuals of the current model. Both gradients are computed from the SAME residuals
        # before either parameter moves: that is what "the gradient at the current point" means.
        r = X @ w + b - y
        grad_w = X.T @ r / n  # d/dw of (1/2n) ||r||^2 ; the 1/2 cancels the 2 of the square
        grad_b = r.mean()  # d/db: the column of ones of the bias gives the mean residual
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)


# ---------------------------------------------------------------------------------------------
# 5. k-nearest neighbours
# ---------------------------------------------------------------------------------------------


class KNNClassifier:
    """k-nearest-neighbours classifier with Euclidean distance and majority vote."""

    def __init__(self, n_neighbors: int = 5) -> None:
        self.n_neighbors = n_neighbors

    def fit(self, X: np.ndarray, y: np.ndarray) -> KNNClassifier:
        """Memorise the training set; return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if not 1 <= self.n_neighbors <= X.shape[0]:
            raise ValueError(f"n_neighbors must be between 1 and {X.shape[0]}, got {self.n_neighbors}")
        # KNN is "lazy": fitting is storing. A copy protects the model from later in-place edits
        # of the caller's arrays. classes_ is sorted, so index 0 is the smallest label.
        self._X = X.copy()
        self.classes_, self._y_index = np.unique(y, return_inverse=True)
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Fraction of the k neighbours in each class, shape (n_queries, n_classes)."""
        X = np.asarray(X, dtype=float)
        k = self.n_neighbors
        proba = np.zeros((X.shape[0], self.classes_.size))
        # Work in chunks of queries so the (chunk, n_train, d) difference array stays small.
        chunk = max(1, 2_000_000 // max(1, self._X.size))
        for start in range(0, X.shape[0], chunk):
            Q = X[start:start + chunk]
            # Squared distances from explicit differences: exact ties stay exact ties (the
            # expansion |a|^2 - 2ab + |b|^2 can turn a tie into a difference of 1 ulp).
            d2 = ((Q[:, None, :] - self._X[None, :, :]) ** 2).sum(axis=2)
            # A stable sort keeps equal distances in training order: ties go to the smaller
            # training index, as the docstring promises.
            nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]
            labels = self._y_index[nearest]  # (chunk, k) class indices
            for c in range(self.classes_.size):
                proba[start:start + chunk, c] = (labels == c).sum(axis=1) / k
        return proba

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Majority label of the k nearest training points, shape (n_queries,)."""
        # argmax returns the FIRST maximum, i.e. the smallest label among tied votes, which is
        # also what scikit-learn's KNeighborsClassifier does.
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


# ---------------------------------------------------------------------------------------------
# 6. Gaussian naive Bayes
# ---------------------------------------------------------------------------------------------


class GaussianNaiveBayes:
    """Gaussian naive Bayes: per class, independent normal distributions on each feature."""

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        self.var_smoothing = var_smoothing

    def fit(self, X: np.ndarray, y: np.ndarray) -> GaussianNaiveBayes:
        """Estimate class priors, per-class feature means and variances; return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_, index = np.unique(y, return_inverse=True)
        n_classes, d = self.classes_.size, X.shape[1]
        # The smoothing term is a fraction of the LARGEST feature variance (over all data), added
        # to every variance: it keeps a feature that happens to be constant within a class from
        # producing a zero variance (and a division by zero) without distorting real variances.
        self.epsilon_ = self.var_smoothing * float(np.var(X, axis=0).max())
        self.theta_ = np.zeros((n_classes, d))
        self.var_ = np.zeros((n_classes, d))
        self.class_prior_ = np.zeros(n_classes)
        for c in range(n_classes):
            Xc = X[index == c]
            self.theta_[c] = Xc.mean(axis=0)
            # Maximum-likelihood variance: divide by n_c (ddof=0), not n_c - 1.
            self.var_[c] = Xc.var(axis=0) + self.epsilon_
            self.class_prior_[c] = Xc.shape[0] / X.shape[0]
        return self

    def _joint_log_likelihood(self, X: np.ndarray) -> np.ndarray:
        # log P(c) + sum_j log N(x_j | theta_cj, var_cj), shape (n, n_classes). Working with logs
        # turns a product of d small densities (which underflows to 0) into a harmless sum.
        X = np.asarray(X, dtype=float)
        log_norm = -0.5 * np.sum(np.log(2.0 * np.pi * self.var_), axis=1)  # (n_classes,)
        sq = ((X[:, None, :] - self.theta_[None, :, :]) ** 2 / self.var_[None, :, :]).sum(axis=2)
        return np.log(self.class_prior_)[None, :] + log_norm[None, :] - 0.5 * sq

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Posterior P(class | x), shape (n, n_classes), columns in classes_ order."""
        jll = self._joint_log_likelihood(X)
        # Normalise with the log-sum-exp trick: subtracting the row maximum before exp() makes
        # the largest term exp(0) = 1, so nothing overflows and the sum is never 0 (far from all
        # class means every jll is hugely negative and a plain exp() would give 0 / 0 = nan).
        jll = jll - jll.max(axis=1, keepdims=True)
        p = np.exp(jll)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Most probable class, shape (n,)."""
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)]


# ---------------------------------------------------------------------------------------------
# 7. Logistic regression by gradient descent
# ---------------------------------------------------------------------------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # 1 / (1 + exp(-z)) overflows in exp for z << 0 (it still returns 0, with a warning);
    # 0.5 (1 + tanh(z / 2)) is the same function and never overflows.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


class LogisticRegressionGD:
    """Binary logistic regression (no penalty) trained by full-batch gradient descent."""

    def __init__(self, lr: float = 0.1, n_iters: int = 1000) -> None:
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> LogisticRegressionGD:
        """Minimise the mean cross-entropy; return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_, index = np.unique(y, return_inverse=True)
        if self.classes_.size != 2:
            raise ValueError(f"LogisticRegressionGD is binary: y has {self.classes_.size} classes")
        t = index.astype(float)  # 1.0 for classes_[1] (the positive class), 0.0 for classes_[0]
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(self.n_iters):
            p = _sigmoid(X @ w + b)
            # The gradient of the mean cross-entropy is (1/n) X^T (p - t): the sigmoid's
            # derivative p (1 - p) cancels against the 1 / (p (1 - p)) of the log-loss, leaving
            # "prediction minus target", exactly as for linear regression.
            err = p - t
            w = w - self.lr * (X.T @ err) / n
            b = b - self.lr * err.mean()
        self.coef_ = w
        self.intercept_ = float(b)
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """The log-odds w . x + b of the positive class, shape (n,)."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Columns [P(classes_[0] | x), P(classes_[1] | x)], shape (n, 2)."""
        p1 = _sigmoid(self.decision_function(X))
        return np.column_stack([1.0 - p1, p1])

    def predict(self, X: np.ndarray) -> np.ndarray:
        """classes_[1] where P(classes_[1] | x) > 0.5, else classes_[0]; shape (n,)."""
        # Thresholding the probability at 0.5 is thresholding the log-odds at 0; the strict '>'
        # sends an exact tie to classes_[0], as scikit-learn does.
        return self.classes_[(self.decision_function(X) > 0).astype(int)]


# ---------------------------------------------------------------------------------------------
# 8. Linear SVM by hinge-loss subgradient descent
# ---------------------------------------------------------------------------------------------


class LinearSVM:
    """Soft-margin linear SVM: (alpha / 2) ||w||^2 + mean hinge loss, by subgradient descent."""

    def __init__(self, alpha: float = 0.01, lr: float = 0.1, n_iters: int = 1000) -> None:
        self.alpha = alpha
        self.lr = lr
        self.n_iters = n_iters

    def fit(self, X: np.ndarray, y: np.ndarray) -> LinearSVM:
        """Full-batch subgradient descent with step lr / sqrt(t + 1); return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_, index = np.unique(y, return_inverse=True)
        if self.classes_.size != 2:
            raise ValueError(f"LinearSVM is binary: y has {self.classes_.size} classes")
        s = np.where(index == 1, 1.0, -1.0)  # the SVM's labels are -1 / +1
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for t in range(self.n_iters):
            margins = s * (X @ w + b)
            # The hinge max(0, 1 - m) has slope -1 for m < 1 and 0 for m > 1; at the kink m = 1 any
            # value in [-1, 0] is a subgradient and we take 0. Only the points inside the margin
            # or misclassified ("active") push on w and b.
            active = margins < 1.0
            grad_w = self.alpha * w - (X[active].T @ s[active]) / n
            grad_b = -s[active].sum() / n  # the bias is not regularised
            # A subgradient step does not always decrease the objective, so a constant step
            # keeps oscillating around the optimum; a step that decays like 1/sqrt(t) shrinks
            # the oscillation while still travelling far enough in total to get there.
            step = self.lr / np.sqrt(t + 1.0)
            w = w - step * grad_w
            b = b - step * grad_b
        self.coef_ = w
        self.intercept_ = float(b)
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Signed score w . x + b, shape (n,); positive means classes_[1]."""
        return np.asarray(X, dtype=float) @ self.coef_ + self.intercept_

    def predict(self, X: np.ndarray) -> np.ndarray:
        """classes_[1] where the score is > 0, else classes_[0]; shape (n,)."""
        return self.classes_[(self.decision_function(X) > 0).astype(int)]


# ---------------------------------------------------------------------------------------------
# 9. Lasso by coordinate descent
# ---------------------------------------------------------------------------------------------


def lasso_coordinate_descent(
    X: np.ndarray, y: np.ndarray, alpha: float = 1.0, n_iters: int = 1000, tol: float = 1e-8
) -> tuple[np.ndarray, float]:
    """Lasso by cyclic coordinate descent on (1 / 2n) ||y - X w - b||^2 + alpha ||w||_1."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    col_sq = np.einsum("ij,ij->j", Xc, Xc)  # ||x_j||^2 of every centred column
    w = np.zeros(d)
    r = yc.copy()  # residual yc - Xc @ w, kept up to date instead of recomputed (O(n) per update)
    threshold = n * alpha
    for _ in range(n_iters):
        max_change = 0.0
        for j in range(d):
            if col_sq[j] == 0.0:
                # A constant column cannot explain anything once centred; its weight stays 0
                # (and we must not divide by its zero norm).
                continue
            old = w[j]
            # rho = x_j^T (residual with feature j's contribution added back).
            rho = Xc[:, j] @ r + col_sq[j] * old
            # Minimising over w_j alone: (1/2n)(col_sq w_j^2 - 2 rho w_j) + alpha |w_j| is a
            # parabola plus a V; its minimiser is the soft-thresholded least-squares value.
            # Whenever |rho| <= n alpha the minimiser is exactly 0: this is where the lasso's
            # sparsity comes from.
            new = np.sign(rho) * max(abs(rho) - threshold, 0.0) / col_sq[j]
            if new != old:
                r -= Xc[:, j] * (new - old)
                w[j] = new
            max_change = max(max_change, abs(new - old))
        if max_change < tol:
            break
    intercept = float(y_mean - x_mean @ w)
    return w, intercept


# ---------------------------------------------------------------------------------------------
# 10-11. Decision trees
# ---------------------------------------------------------------------------------------------

_TIE = 1e-12  # gains closer than this count as equal; the earlier candidate is kept


def _impurity_from_counts(counts: np.ndarray, criterion: str) -> np.ndarray:
    # Impurity of many nodes at once from their class counts, counts of shape (m, n_classes).
    totals = counts.sum(axis=1, keepdims=True)
    p = counts / np.maximum(totals, 1)
    if criterion == "gini":
        return 1.0 - np.sum(p * p, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1.0)), 0.0)
    return -terms.sum(axis=1)


def best_split(
    X: np.ndarray, y: np.ndarray, criterion: str = "gini"
) -> tuple[int | None, float | None, float]:
    """The (feature, threshold, gain) that most decreases the weighted impurity."""
    if criterion not in ("gini", "entropy"):
        raise ValueError(f"criterion must be 'gini' or 'entropy', got {criterion!r}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    if n < 2:
        return None, None, 0.0
    classes, index = np.unique(y, return_inverse=True)
    parent = impurity(y, criterion)
    onehot = np.eye(classes.size)[index]  # (n, n_classes)
    best: tuple[int | None, float | None, float] = (None, None, 0.0)
    best_gain = -np.inf
    n_left = np.arange(1, n)[:, None]  # split after sorted position i puts i + 1 points left
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        # Class counts on the left of every possible cut, for all n - 1 cuts at once: a
        # cumulative sum makes the scan O(n) per feature after the O(n log n) sort.
        left = np.cumsum(onehot[order], axis=0)[:-1]
        right = left[-1:] + onehot[order][-1:] - left  # total counts minus left counts
        weighted = (n_left[:, 0] * _impurity_from_counts(left, criterion)
                    + (n - n_left[:, 0]) * _impurity_from_counts(right, criterion)) / n
        gain = parent - weighted
        # A cut between two EQUAL values is not a real split: no threshold separates them.
        valid = xs[:-1] < xs[1:]
        if not valid.any():
            continue
        gain = np.where(valid, gain, -np.inf)
        # The first cut (smallest threshold) whose gain ties the best one.
        k = int(np.flatnonzero(gain >= gain.max() - _TIE)[0])
        if gain[k] > best_gain + _TIE:  # strictly better: an earlier feature wins ties
            best_gain = float(gain[k])
            # The midpoint is the threshold scikit-learn uses: as far as possible from both
            # neighbouring training values, so unseen points fall on the side they are closest to.
            best = (j, float((xs[k] + xs[k + 1]) / 2.0), max(best_gain, 0.0))
    return best


class DecisionTree:
    """A CART classification tree grown greedily with ``best_split``."""

    def __init__(self, max_depth: int | None = None, min_samples_split: int = 2,
                 criterion: str = "gini") -> None:
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.criterion = criterion

    def fit(self, X: np.ndarray, y: np.ndarray) -> DecisionTree:
        """Grow the tree; set classes_, depth_ and n_leaves_; return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        self.classes_, index = np.unique(y, return_inverse=True)
        self.depth_ = 0
        self.n_leaves_ = 0
        self._root = self._grow(X, index, depth=0)
        return self

    def _grow(self, X: np.ndarray, index: np.ndarray, depth: int) -> dict:
        counts = np.bincount(index, minlength=self.classes_.size).astype(float)
        node: dict = {"proba": counts / counts.sum()}
        # Stop when the depth budget is spent, the node is too small, or it is already pure.
        # A node is split even if the best gain is 0 (as scikit-learn does): a split that does not
        # help now can enable a useful one below it (think of XOR).
        can_split = (
            (self.max_depth is None or depth < self.max_depth)
            and index.size >= self.min_samples_split
            and np.count_nonzero(counts) > 1
        )
        feature, threshold = None, None
        if can_split:
            feature, threshold, _ = best_split(X, index, self.criterion)
        if feature is None:  # a leaf: no budget, pure, or every row identical
            self.n_leaves_ += 1
            self.depth_ = max(self.depth_, depth)
            return node
        go_left = X[:, feature] <= threshold
        node["feature"], node["threshold"] = feature, threshold
        node["left"] = self._grow(X[go_left], index[go_left], depth + 1)
        node["right"] = self._grow(X[~go_left], index[~go_left], depth + 1)
        return node

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class fractions of the leaf each row falls in, shape (n, n_classes)."""
        X = np.asarray(X, dtype=float)
        out = np.zeros((X.shape[0], self.classes_.size))
        # Route whole groups of rows at once instead of walking the tree once per row.
        stack = [(self._root, np.arange(X.shape[0]))]
        while stack:
            node, rows = stack.pop()
            if "feature" not in node:
                out[rows] = node["proba"]
                continue
            go_left = X[rows, node["feature"]] <= node["threshold"]
            stack.append((node["left"], rows[go_left]))
            stack.append((node["right"], rows[~go_left]))
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Majority class of the leaf each row falls in, shape (n,)."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


# ---------------------------------------------------------------------------------------------
# 12. Gradient boosting with regression stumps
# ---------------------------------------------------------------------------------------------


def _fit_regression_stump(X: np.ndarray, r: np.ndarray) -> tuple[int, float, float, float]:
    # The depth-1 regression tree that minimises the squared error to r:
    # (feature, threshold, value if x_f <= threshold, value otherwise).
    n, d = X.shape
    total = r.sum()
    best_score, best = -np.inf, None
    n_left = np.arange(1, n)
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs, rs = X[order, j], r[order]
        s_left = np.cumsum(rs)[:-1]
        # SSE(parent) - SSE(left) - SSE(right) = S_L^2 / n_L + S_R^2 / n_R - S^2 / n, so
        # maximising S_L^2 / n_L + S_R^2 / n_R maximises the reduction in squared error.
        score = s_left**2 / n_left + (total - s_left) ** 2 / (n - n_left)
        score = np.where(xs[:-1] < xs[1:], score, -np.inf)
        if n < 2 or not np.isfinite(score).any():
            continue
        k = int(np.argmax(score))  # first maximum: the smallest threshold among ties
        if score[k] > best_score:
            best_score = float(score[k])
            best = (j, float((xs[k] + xs[k + 1]) / 2.0),
                    float(s_left[k] / (k + 1)), float((total - s_left[k]) / (n - k - 1)))
    if best is None:  # every feature constant: the best "stump" is a single leaf, the mean
        mean = float(r.mean())
        return 0, float("inf"), mean, mean
    return best


class GradientBoostingStumps:
    """Gradient boosting for regression (squared error) with depth-1 trees."""

    def __init__(self, n_estimators: int = 100, learning_rate: float = 0.1) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate

    def fit(self, X: np.ndarray, y: np.ndarray) -> GradientBoostingStumps:
        """Fit n_estimators stumps, each to the current residuals; return self."""
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        # Stage 0: the best constant under squared error is the mean.
        self.init_ = float(y.mean())
        F = np.full(y.shape, self.init_)
        self.stumps_ = []
        for _ in range(self.n_estimators):
            # For L = (1/2)(y - F)^2 the negative gradient with respect to F is the residual
            # y - F: fitting a tree to the residuals IS a gradient step in function space.
            residual = y - F
            stump = _fit_regression_stump(X, residual)
            self.stumps_.append(stump)
            # Shrinkage: take only a fraction of the step. Many small steps generalise better
            # than few big ones (each stump corrects only part of the remaining error).
            F = F + self.learning_rate * self._stump_predict(stump, X)
        return self

    @staticmethod
    def _stump_predict(stump: tuple[int, float, float, float], X: np.ndarray) -> np.ndarray:
        feature, threshold, left, right = stump
        return np.where(X[:, feature] <= threshold, left, right)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """init_ + learning_rate * (sum of the stumps' predictions), shape (n,)."""
        X = np.asarray(X, dtype=float)
        F = np.full(X.shape[0], self.init_)
        for stump in self.stumps_:
            F = F + self.learning_rate * self._stump_predict(stump, X)
        return F


# ---------------------------------------------------------------------------------------------
# Demo: each solution next to the scikit-learn estimator it imitates.
# ---------------------------------------------------------------------------------------------

if __name__ == "__main__":
    from sklearn.datasets import load_diabetes, load_iris, load_wine, make_classification
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    np.set_printoptions(precision=4, suppress=True)
    print("impurity(['a','a','b','b']) gini =", impurity(np.array(list("aabb"))),
          " entropy =", impurity(np.array(list("aabb")), "entropy"))

    Xd, yd = load_diabetes(return_X_y=True)
    Xd_std = StandardScaler().fit_transform(Xd)
    coef, b = linear_regression_closed_form(Xd, yd)
    sk = LinearRegression().fit(Xd, yd)
    print("OLS   max |coef - sklearn| =", np.abs(coef - sk.coef_).max(), " intercept", round(b, 4))
    coef, b = ridge_regression(Xd, yd, alpha=0.5)
    print("Ridge max |coef - sklearn| =", np.abs(coef - Ridge(alpha=0.5).fit(Xd, yd).coef_).max())
    # The largest eigenvalue of Xd_std^T Xd_std / n is about 4.02, so any lr < 2 / 4.02 converges;
    # the smallest is about 0.0086 (s1 and s2 are nearly collinear), so a small lr needs very many
    # steps: with lr=0.1, 5000 steps still leave an error of 0.5 in a coefficient.
    coef, b = linear_regression_gd(Xd_std, yd, lr=0.4, n_iters=5000)
    sk = LinearRegression().fit(Xd_std, yd)
    print("GD    max |coef - sklearn| =", np.abs(coef - sk.coef_).max(), "(standardised, lr=0.4, 5000 steps)")
    coef, b = lasso_coordinate_descent(Xd_std, yd, alpha=1.0)
    sk = Lasso(alpha=1.0, tol=1e-12, max_iter=100_000).fit(Xd_std, yd)
    print("Lasso max |coef - sklearn| =", np.abs(coef - sk.coef_).max(), " zeros:", int(np.sum(coef == 0)))

    Xw, yw = load_wine(return_X_y=True)
    Xw = StandardScaler().fit_transform(Xw)
    mine = KNNClassifier(5).fit(Xw[::2], yw[::2]).predict(Xw[1::2])
    theirs = KNeighborsClassifier(5).fit(Xw[::2], yw[::2]).predict(Xw[1::2])
    print("KNN   agreement with sklearn:", np.mean(mine == theirs))

    Xi, yi = load_iris(return_X_y=True)
    p = GaussianNaiveBayes().fit(Xi, yi).predict_proba(Xi)
    print("GNB   max |proba - sklearn| =", np.abs(p - GaussianNB().fit(Xi, yi).predict_proba(Xi)).max())

    Xc, yc = make_classification(300, 4, n_informative=3, n_redundant=0, flip_y=0.15, random_state=0)
    lr = LogisticRegressionGD(lr=0.5, n_iters=3000).fit(Xc, yc)
    sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(Xc, yc)
    print("LogReg max |coef - sklearn| =", np.abs(lr.coef_ - sk.coef_[0]).max())

    svm = LinearSVM(alpha=0.01, lr=0.5, n_iters=3000).fit(Xc[:200], yc[:200])
    svc = SVC(kernel="linear", C=1 / (0.01 * 200)).fit(Xc[:200], yc[:200])
    print("SVM   test accuracy", np.mean(svm.predict(Xc[200:]) == yc[200:]),
          " sklearn SVC", svc.score(Xc[200:], yc[200:]))

    print("best_split on iris petal features:", best_split(Xi[:, 2:], yi))
    tree = DecisionTree(max_depth=3).fit(Xc[:200], yc[:200])
    sk = DecisionTreeClassifier(max_depth=3, random_state=0).fit(Xc[:200], yc[:200])
    print("Tree  agreement with sklearn:", np.mean(tree.predict(Xc[200:]) == sk.predict(Xc[200:])),
          " depth", tree.depth_, " leaves", tree.n_leaves_)

    gb = GradientBoostingStumps(100, 0.1).fit(Xd_std[:300], yd[:300])
    sk = GradientBoostingRegressor(n_estimators=100, learning_rate=0.1, max_depth=1,
                                   random_state=0).fit(Xd_std[:300], yd[:300])
    print("GB    max |pred - sklearn| =", np.abs(gb.predict(Xd_std[300:]) - sk.predict(Xd_std[300:])).max())
