"""Module 03 - Probability: reference solutions.

Same public names and signatures as ``exercises.py`` (read the docstrings there for the full
contract); the comments here explain *why* each step is written the way it is.

Run a short demonstration of every solution::

    uv run 03-probability/solutions.py
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike
from scipy.linalg import solve_triangular
from scipy.special import erfc, gammaln, xlog1py, xlogy

_SQRT2 = math.sqrt(2.0)
_LOG_2PI = math.log(2.0 * math.pi)


# ---------------------------------------------------------------------------------------------
# Private helpers (not exercises)
# ---------------------------------------------------------------------------------------------
def _as_distributions(p: ArrayLike, name: str) -> np.ndarray:
    """``p`` as a float array of probability vectors over its last axis, or ``ValueError``."""
    arr = np.asarray(p, dtype=float)
    if arr.ndim == 0 or arr.shape[-1] == 0:
        raise ValueError(f"{name} must have at least one outcome on its last axis")
    # `not (arr >= 0)` is also true for NaN, so one test catches negative and NaN entries.
    if not np.all(arr >= 0):
        raise ValueError(f"{name} has a negative or NaN entry")
    if not np.allclose(arr.sum(axis=-1), 1.0, rtol=0.0, atol=1e-6):
        raise ValueError(f"every vector of {name} must sum to 1")
    return arr


def _scalar_or_array(values: np.ndarray) -> float | np.ndarray:
    """A 0-d result becomes a Python float; a batch stays an array."""
    return float(values) if np.ndim(values) == 0 else values


# ---------------------------------------------------------------------------------------------
# 1. The Binomial pmf
# ---------------------------------------------------------------------------------------------
def binomial_pmf(k: ArrayLike, n: int, p: float) -> np.ndarray:
    """P(X = k) for X ~ Binomial(n, p); zero outside 0..n."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be in [0, 1]")
    k = np.asarray(k)
    inside = (k >= 0) & (k <= n)
    # Evaluate the formula only on the support; elsewhere use a harmless 0 and mask it later.
    ks = np.where(inside, k, 0).astype(float)
    # Work in log space: C(n, k) for n in the hundreds is ~1e100 or more and p**k is tiny, so
    # the product of the two can overflow or underflow although the pmf itself is a modest
    # number. gammaln(m + 1) = log(m!) for integers m.
    log_comb = gammaln(n + 1.0) - gammaln(ks + 1.0) - gammaln(n - ks + 1.0)
    # xlogy(k, p) = k * log(p) but returns 0 when k == 0, which is the 0 ** 0 = 1 rule that
    # makes p = 0 and p = 1 work; xlog1py(m, -p) = m * log(1 - p) with the same convention.
    log_pmf = log_comb + xlogy(ks, p) + xlog1py(n - ks, -p)
    return np.where(inside, np.exp(log_pmf), 0.0)


# ---------------------------------------------------------------------------------------------
# 2. The Normal distribution
# ---------------------------------------------------------------------------------------------
class Normal:
    """N(mu, sigma^2) with pdf, cdf and interval probabilities."""

    def __init__(self, mu: float = 0.0, sigma: float = 1.0) -> None:
        # `not sigma > 0` also rejects NaN; a zero sigma would divide by zero in the pdf.
        if not sigma > 0:
            raise ValueError("sigma must be > 0 (it is the standard deviation)")
        self.mu = float(mu)
        self.sigma = float(sigma)

    def pdf(self, x: ArrayLike) -> np.ndarray:
        z = (np.asarray(x, dtype=float) - self.mu) / self.sigma
        # The 1 / sigma is the Jacobian of the change of variables z = (x - mu) / sigma: without
        # it the density would not integrate to 1 for sigma != 1.
        return np.exp(-0.5 * z * z) / (self.sigma * math.sqrt(2.0 * math.pi))

    def cdf(self, x: ArrayLike) -> np.ndarray:
        z = (np.asarray(x, dtype=float) - self.mu) / self.sigma
        # Phi(z) = (1 + erf(z / sqrt 2)) / 2 = erfc(-z / sqrt 2) / 2. The erfc form keeps full
        # relative precision deep in the left tail, where 1 + erf(...) would cancel to 0.
        return 0.5 * erfc(-z / _SQRT2)

    def prob_between(self, a: float, b: float) -> float:
        if a > b:
            raise ValueError("need a <= b")
        # P(a < X <= b) = F(b) - F(a): the cdf does all the work.
        return float(self.cdf(b) - self.cdf(a))


# ---------------------------------------------------------------------------------------------
# 3. The Poisson pmf, in log space
# ---------------------------------------------------------------------------------------------
def poisson_pmf(k: ArrayLike, lam: float) -> np.ndarray:
    """P(X = k) for X ~ Poisson(lam), accurate for large k and lam."""
    if not lam >= 0:
        raise ValueError("lam must be >= 0")
    k = np.asarray(k)
    valid = k >= 0
    ks = np.where(valid, k, 0).astype(float)
    # log P = k log(lam) - lam - log(k!). Each piece is a moderate number even when lam ** k
    # (e.g. 250 ** 400) and k! overflow a float. xlogy makes lam = 0 give P(0) = 1.
    log_pmf = xlogy(ks, lam) - lam - gammaln(ks + 1.0)
    return np.where(valid, np.exp(log_pmf), 0.0)


# ---------------------------------------------------------------------------------------------
# 4. Marginal and conditional distributions from a joint table
# ---------------------------------------------------------------------------------------------
def marginal_and_conditional(joint: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(P(X), P(Y), P(Y | X)) from the table joint[i, j] = P(X = i, Y = j)."""
    table = np.asarray(joint, dtype=float)
    if table.ndim != 2:
        raise ValueError("joint must be a 2-D table")
    if not np.all(table >= 0):
        raise ValueError("joint has a negative or NaN entry")
    if not abs(table.sum() - 1.0) <= 1e-9:
        raise ValueError("joint must sum to 1")
    # Marginalising X means summing Y out: add up each row (axis=1). P(Y) sums each column.
    p_x = table.sum(axis=1)
    p_y = table.sum(axis=0)
    # Conditioning on X = i keeps row i and rescales it to sum to 1: divide by P(X = i).
    # p_x[:, None] broadcasts the row sums down the columns (p_x alone would divide column j
    # by P(X = j), which is the classic wrong-axis bug).
    with np.errstate(divide="ignore", invalid="ignore"):
        y_given_x = table / p_x[:, None]
    y_given_x[p_x == 0] = np.nan  # conditioning on an impossible event is undefined
    return p_x, p_y, y_given_x


# ---------------------------------------------------------------------------------------------
# 5. The sample covariance matrix
# ---------------------------------------------------------------------------------------------
def covariance_matrix(X: ArrayLike) -> np.ndarray:
    """Unbiased (n - 1) sample covariance of the columns of X."""
    data = np.asarray(X, dtype=float)
    if data.ndim != 2:
        raise ValueError("X must be 2-D: (n_samples, n_features)")
    n = data.shape[0]
    if n < 2:
        raise ValueError("need at least 2 samples for the unbiased covariance")
    # Centre first: subtracting the column means before multiplying keeps the numbers small,
    # so no digits are lost to cancellation (E[xx^T] - mean mean^T subtracts two huge numbers).
    centred = data - data.mean(axis=0)
    # (d, n) @ (n, d) = (d, d): the sum over samples of the outer products of centred rows.
    # Divide by n - 1, not n: the mean was estimated from the same data, which uses up one
    # degree of freedom; dividing by n would underestimate the covariance by (n - 1) / n.
    return centred.T @ centred / (n - 1)


# ---------------------------------------------------------------------------------------------
# 6. Entropy
# ---------------------------------------------------------------------------------------------
def entropy(p: ArrayLike, base: float | None = None) -> float | np.ndarray:
    """Shannon entropy over the last axis, 0 log 0 = 0."""
    probs = _as_distributions(p, "p")
    # xlogy(p, p) = p log p, and exactly 0 when p == 0: the 0 log 0 = 0 convention without a
    # NaN (np.log(0) = -inf and 0 * -inf = NaN).
    h = -xlogy(probs, probs).sum(axis=-1)
    if base is not None:
        h = h / math.log(base)  # log_b x = ln x / ln b
    # -0.0 would print oddly for a certain outcome; adding 0.0 turns it into +0.0.
    return _scalar_or_array(h + 0.0)


# ---------------------------------------------------------------------------------------------
# 7. Kullback-Leibler divergence
# ---------------------------------------------------------------------------------------------
def kl_divergence(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    """KL(p || q) in nats over the last axis."""
    P = _as_distributions(p, "p")
    Q = _as_distributions(q, "q")
    if P.shape != Q.shape:
        raise ValueError(f"p and q must have the same shape, got {P.shape} and {Q.shape}")
    # Only outcomes that p considers possible contribute. Where p > 0 and q = 0 the term is
    # p * (log p - (-inf)) = +inf, the right answer. np.where evaluates both branches, so the
    # masked-out p = 0 entries may produce NaN or warnings: silence them, they are discarded.
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(P > 0, P * (np.log(P) - np.log(Q)), 0.0)
    # Rounding can make KL(p, p) come out as -1e-17; KL is never negative, so clip at 0.
    return _scalar_or_array(np.maximum(terms.sum(axis=-1), 0.0))


# ---------------------------------------------------------------------------------------------
# 8. Cross-entropy
# ---------------------------------------------------------------------------------------------
def cross_entropy(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    """H(p, q) = -sum p log q in nats over the last axis."""
    P = _as_distributions(p, "p")
    Q = _as_distributions(q, "q")
    if P.shape != Q.shape:
        raise ValueError(f"p and q must have the same shape, got {P.shape} and {Q.shape}")
    # xlogy(p, q) = p log q, 0 when p == 0 (even if q == 0), -inf when p > 0 and q == 0.
    # The target p weights the log of the prediction q: swapping them is a common bug.
    return _scalar_or_array(-xlogy(P, Q).sum(axis=-1) + 0.0)


# ---------------------------------------------------------------------------------------------
# 9. Bayes' theorem over many observations
# ---------------------------------------------------------------------------------------------
def bayes_posterior(prior: ArrayLike, likelihood: ArrayLike, observations: ArrayLike) -> np.ndarray:
    """Posterior over K hypotheses after T conditionally independent observations."""
    prior = np.asarray(prior, dtype=float)
    lik = np.asarray(likelihood, dtype=float)
    obs = np.asarray(observations, dtype=int).reshape(-1)
    if prior.ndim != 1 or lik.ndim != 2 or lik.shape[0] != prior.shape[0]:
        raise ValueError("need prior of shape (K,) and likelihood of shape (K, M)")
    if obs.size and (obs.min() < 0 or obs.max() >= lik.shape[1]):
        raise ValueError("observations must be in 0..M-1")
    # Given the hypothesis the observations are independent, so only how many times each value
    # was seen matters (the counts are a sufficient statistic): the likelihood of the data is
    # prod_m L[k, m] ** counts[m], and its log is sum_m counts[m] * log L[k, m].
    counts = np.bincount(obs, minlength=lik.shape[1])
    # xlogy gives 0 for a never-seen value even where L[k, m] = 0 (0 * log 0 would be NaN).
    log_lik = xlogy(counts[None, :], lik).sum(axis=1)
    with np.errstate(divide="ignore"):
        log_post = np.log(prior) + log_lik  # numerator of Bayes' theorem, in log space
    best = log_post.max()
    if not np.isfinite(best):
        raise ValueError("the observations are impossible under every hypothesis with prior mass")
    # Normalising = dividing by the evidence. Subtracting the largest log first means the
    # largest term becomes exp(0) = 1, so nothing underflows to 0 for every hypothesis at once
    # (the log-sum-exp trick); the constant cancels in the ratio.
    weights = np.exp(log_post - best)
    return weights / weights.sum()


# ---------------------------------------------------------------------------------------------
# 10. Sampling a categorical distribution by inverse transform
# ---------------------------------------------------------------------------------------------
def sample_categorical(probs: ArrayLike, size: int, rng: np.random.Generator) -> np.ndarray:
    """``size`` draws from the categorical distribution with weights ``probs``."""
    weights = np.asarray(probs, dtype=float)
    if weights.ndim != 1 or weights.size == 0:
        raise ValueError("probs must be a non-empty 1-D array")
    if not np.all(weights >= 0):
        raise ValueError("probs has a negative or NaN entry")
    total = weights.sum()
    if not total > 0:
        raise ValueError("probs must not sum to 0")
    # Normalise the cumulative sum by its own last entry rather than normalising the weights
    # first: that makes cdf[-1] exactly 1.0, so every u < 1 lands inside the table. (With
    # weights [0.1] * 10 the rounded cumsum ends at 0.9999999999999999 and u just below 1
    # would fall off the end.)
    cdf = np.cumsum(weights)
    cdf = cdf / cdf[-1]
    u = rng.random(size)
    # searchsorted(side="right") returns the number of cdf entries <= u, i.e. the smallest k
    # with u < cdf[k]: exactly the interval rule cdf[k-1] <= u < cdf[k]. A zero-weight
    # category has an empty interval (cdf[k-1] == cdf[k]), so it is never chosen.
    return np.searchsorted(cdf, u, side="right").astype(np.int64)


# ---------------------------------------------------------------------------------------------
# 11. Sampling the Exponential distribution by inverse transform
# ---------------------------------------------------------------------------------------------
def sample_exponential(rate: float, size: int, rng: np.random.Generator) -> np.ndarray:
    """Exponential(rate) samples as F^{-1}(U) = -log(1 - U) / rate."""
    if not rate > 0:
        raise ValueError("rate must be > 0")
    u = rng.random(size)
    # u = 1 - exp(-rate x)  <=>  x = -log(1 - u) / rate. log1p(-u) computes log(1 - u)
    # accurately when u is tiny (1 - u would round to 1 and lose the information).
    # F^{-1} is increasing, so the i-th uniform gives the i-th sample and large u, large x.
    return -np.log1p(-u) / rate


# ---------------------------------------------------------------------------------------------
# 12. Monte Carlo integration with an error bar
# ---------------------------------------------------------------------------------------------
def monte_carlo_integral(
    f: Callable[[np.ndarray], np.ndarray],
    a: float,
    b: float,
    n: int,
    rng: np.random.Generator,
) -> tuple[float, float]:
    """(estimate, standard error) of the integral of f over [a, b] from n uniform samples."""
    if n < 2:
        raise ValueError("need n >= 2 samples to estimate the standard error")
    if not a < b:
        raise ValueError("need a < b")
    x = rng.uniform(a, b, size=n)
    # E[(b - a) f(U)] = (b - a) * integral f(x) / (b - a) dx = the integral: each Y_i is an
    # unbiased one-sample estimate, and their mean is too.
    y = (b - a) * np.asarray(f(x), dtype=float)
    estimate = y.mean()
    # The mean of n independent copies has standard deviation sigma_Y / sqrt(n). sigma_Y is
    # unknown, so plug in the sample standard deviation (ddof=1, the unbiased variance).
    std_error = y.std(ddof=1) / math.sqrt(n)
    return float(estimate), float(std_error)


# ---------------------------------------------------------------------------------------------
# 13. The multivariate Normal log-density
# ---------------------------------------------------------------------------------------------
def multivariate_normal_logpdf(X: ArrayLike, mean: ArrayLike, cov: ArrayLike) -> np.ndarray:
    """log N(x; mean, cov) for every row x of X."""
    X = np.asarray(X, dtype=float)
    mu = np.asarray(mean, dtype=float)
    S = np.asarray(cov, dtype=float)
    if X.ndim != 2 or mu.shape != (X.shape[1],) or S.shape != (X.shape[1], X.shape[1]):
        raise ValueError("need X (n, d), mean (d,) and cov (d, d)")
    if not np.allclose(S, S.T, rtol=1e-10, atol=1e-12):
        raise ValueError("cov must be symmetric")
    d = X.shape[1]
    # Cholesky: S = L L^T with L lower triangular. It exists exactly when S is positive
    # definite, so it doubles as the check (LinAlgError, a ValueError, otherwise).
    L = np.linalg.cholesky(S)
    # (x - mu)^T S^{-1} (x - mu) = (x - mu)^T L^{-T} L^{-1} (x - mu) = ||z||^2 with L z = x - mu.
    # A triangular solve is cheaper and more accurate than forming S^{-1}.
    diff = X - mu                                     # (n, d)
    z = solve_triangular(L, diff.T, lower=True)       # (d, n): one column per point
    mahalanobis_sq = np.sum(z * z, axis=0)            # (n,)
    # det S = det(L)^2 = prod(diag L)^2, so log det S = 2 sum log diag L. Summing logs avoids
    # the overflow/underflow of det itself in high dimension.
    log_det = 2.0 * np.sum(np.log(np.diag(L)))
    return -0.5 * (d * _LOG_2PI + log_det + mahalanobis_sq)


# ---------------------------------------------------------------------------------------------
# A short demonstration
# ---------------------------------------------------------------------------------------------
if __name__ == "__main__":
    np.set_printoptions(precision=4, suppress=True)
    rng = np.random.default_rng(0)

    print("binomial_pmf(k=0..5, n=5, p=0.3):", binomial_pmf(np.arange(6), 5, 0.3))
    d = Normal(mu=100.0, sigma=15.0)
    print(f"Normal(100, 15): pdf(100)={float(d.pdf(100.0)):.5f}  cdf(130)={float(d.cdf(130.0)):.4f}"
          f"  P(85 < X <= 115)={d.prob_between(85.0, 115.0):.4f}")
    print("poisson_pmf(k=[200, 250, 300], lam=250):", poisson_pmf([200, 250, 300], 250.0))

    p_x, p_y, y_given_x = marginal_and_conditional([[0.10, 0.30], [0.20, 0.40]])
    print("marginals:", p_x, p_y, " P(Y | X):", y_given_x.tolist())

    X = rng.normal(size=(200, 3)) @ np.array([[1.0, 0.5, 0.0], [0.0, 1.0, 0.3], [0.0, 0.0, 1.0]])
    print("covariance_matrix of 200 correlated samples:\n", covariance_matrix(X))

    p, q = np.array([0.7, 0.2, 0.1]), np.array([0.5, 0.3, 0.2])
    print(f"H(p)={entropy(p):.4f}  KL(p||q)={kl_divergence(p, q):.4f}  H(p,q)={cross_entropy(p, q):.4f}"
          f"  (H(p) + KL = {entropy(p) + kl_divergence(p, q):.4f})")

    prior, likelihood = [0.01, 0.99], [[0.05, 0.95], [0.90, 0.10]]
    print("P(sick | +) =", bayes_posterior(prior, likelihood, [1])[0].round(4),
          " P(sick | +, +) =", bayes_posterior(prior, likelihood, [1, 1])[0].round(4))

    draws = sample_categorical([2, 1, 1], 10_000, rng)
    print("sample_categorical([2, 1, 1]) frequencies:", np.bincount(draws) / draws.size)
    x = sample_exponential(2.0, 10_000, rng)
    print(f"sample_exponential(rate=2): mean={x.mean():.4f} (exact 0.5), var={x.var():.4f} (exact 0.25)")

    est, se = monte_carlo_integral(lambda t: np.exp(-t * t), 0.0, 1.0, 10_000, rng)
    print(f"integral of exp(-x^2) on [0, 1] = {est:.4f} +- {1.96 * se:.4f} (exact 0.7468)")
    print("multivariate_normal_logpdf at the mean of N(0, I_2):",
          multivariate_normal_logpdf([[0.0, 0.0]], [0.0, 0.0], np.eye(2)))
