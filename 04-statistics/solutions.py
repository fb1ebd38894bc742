"""Module 04 - Statistics: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* you have made an honest
attempt: the comments explain why each step is there, which is the part worth stealing.

Run the short demo with::

    uv run 04-statistics/solutions.py
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy import special
from scipy import stats

# ---------------------------------------------------------------------------------------------
# Private helpers (a leading underscore keeps them out of the graded interface).
# ---------------------------------------------------------------------------------------------


def _as_1d_float(x: np.ndarray, name: str = "x") -> np.ndarray:
    """A 1-D float copy of ``x``; a clear ValueError for anything else."""
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    return arr


def _check_alternative(alternative: str) -> None:
    if alternative not in ("two-sided", "less", "greater"):
        raise ValueError(f"alternative must be 'two-sided', 'less' or 'greater', got {alternative!r}")


def _p_from_t(t: float, df: float, alternative: str) -> float:
    """p-value of a t statistic. sf/cdf are used instead of 1 - cdf so tiny p-values keep digits."""
    if alternative == "two-sided":
        # Two-sided: both tails count as "at least as extreme", hence the factor 2 on |t|.
        return float(2.0 * stats.t.sf(abs(t), df))
    if alternative == "greater":
        return float(stats.t.sf(t, df))
    return float(stats.t.cdf(t, df))


def _p_from_z(z: float, alternative: str) -> float:
    if alternative == "two-sided":
        return float(2.0 * stats.norm.sf(abs(z)))
    if alternative == "greater":
        return float(stats.norm.sf(z))
    return float(stats.norm.cdf(z))


# ---------------------------------------------------------------------------------------------
# 1. Percentile by linear interpolation
# ---------------------------------------------------------------------------------------------


def percentile(x: np.ndarray, q: float | np.ndarray) -> float | np.ndarray:
    """q-th percentile(s) of ``x`` with linear interpolation between order statistics."""
    x = _as_1d_float(x)
    if x.size == 0:
        raise ValueError("percentile of an empty array is undefined")
    if np.isnan(x).any():
        raise ValueError("x contains NaN; drop missing values first")
    q_arr = np.asarray(q, dtype=float)
    if np.any(q_arr < 0) or np.any(q_arr > 100) or np.isnan(q_arr).any():
        raise ValueError("q must lie in [0, 100]")
    s = np.sort(x)
    n = s.size
    # Position of the percentile on the 0-based index scale: 0 -> smallest, n-1 -> largest.
    # This is the "linear" (Hyndman-Fan type 7) rule used by NumPy, pandas and R's default.
    h = (n - 1) * q_arr / 100.0
    lo = np.floor(h).astype(int)
    hi = np.minimum(lo + 1, n - 1)  # clip so q = 100 does not index past the end
    frac = h - lo
    out = s[lo] + frac * (s[hi] - s[lo])
    # A scalar q gives a plain float back; an array of q gives an array of the same shape.
    return float(out) if np.ndim(q) == 0 else out


# ---------------------------------------------------------------------------------------------
# 2. Descriptive statistics
# ---------------------------------------------------------------------------------------------


def describe(x: np.ndarray) -> dict[str, float]:
    """Summary statistics of a 1-D sample, ignoring NaN."""
    x = _as_1d_float(x)
    x = x[~np.isnan(x)]  # missing values carry no information about the distribution
    n = x.size
    if n == 0:
        raise ValueError("describe needs at least one non-NaN value")
    mean = float(x.mean())
    # ddof=1: the sample standard deviation (unbiased variance). With one value it is undefined.
    std = float(np.sqrt(((x - mean) ** 2).sum() / (n - 1))) if n > 1 else float("nan")
    q1, median, q3 = (float(v) for v in percentile(x, np.array([25.0, 50.0, 75.0])))
    values, counts = np.unique(x, return_counts=True)  # values come back sorted
    mode = float(values[np.argmax(counts)])  # argmax returns the first max: the smallest tie
    # Skewness: the third standardised central moment with population (biased) moments,
    # g1 = m3 / m2^(3/2), the definition scipy.stats.skew uses by default.
    m2 = float(((x - mean) ** 2).mean())
    m3 = float(((x - mean) ** 3).mean())
    skewness = m3 / m2**1.5 if m2 > 0 else float("nan")
    return {
        "n": n,
        "mean": mean,
        "std": std,
        "min": float(x.min()),
        "q1": q1,
        "median": median,
        "q3": q3,
        "max": float(x.max()),
        "iqr": q3 - q1,
        "mode": mode,
        "skewness": float(skewness),
    }


# ---------------------------------------------------------------------------------------------
# 3. t confidence interval for a mean
# ---------------------------------------------------------------------------------------------


def t_confidence_interval(x: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """Two-sided t interval for the population mean."""
    x = _as_1d_float(x)
    n = x.size
    if n < 2:
        raise ValueError("a t interval needs at least two observations")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must lie strictly between 0 and 1")
    mean = x.mean()
    # Standard error of the mean uses the *sample* standard deviation (ddof=1).
    se = x.std(ddof=1) / math.sqrt(n)
    # Two-sided: put (1 - confidence) / 2 in each tail, so the quantile is at (1 + confidence) / 2.
    # The t distribution with n - 1 degrees of freedom accounts for estimating sigma.
    t_crit = stats.t.ppf((1.0 + confidence) / 2.0, df=n - 1)
    return float(mean - t_crit * se), float(mean + t_crit * se)


# ---------------------------------------------------------------------------------------------
# 4. Welch's t-test
# ---------------------------------------------------------------------------------------------


def welch_t_test(a: np.ndarray, b: np.ndarray, alternative: str = "two-sided") -> tuple[float, float, float]:
    """Welch's unequal-variance t-test of mean(a) against mean(b): (t, df, p)."""
    a = _as_1d_float(a, "a")
    b = _as_1d_float(b, "b")
    _check_alternative(alternative)
    n1, n2 = a.size, b.size
    if n1 < 2 or n2 < 2:
        raise ValueError("each sample needs at least two observations")
    # Each group's squared standard error, with its own (unbiased) variance: no pooling.
    v1 = a.var(ddof=1) / n1
    v2 = b.var(ddof=1) / n2
    if v1 + v2 == 0:
        raise ValueError("both samples are constant: the t statistic is undefined")
    t = (a.mean() - b.mean()) / math.sqrt(v1 + v2)
    # Welch-Satterthwaite: the df of a chi-square that best matches the variance of v1 + v2.
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    return float(t), float(df), _p_from_t(float(t), float(df), alternative)


# ---------------------------------------------------------------------------------------------
# 5. Two-proportion z-test (the classic A/B test on conversion rates)
# ---------------------------------------------------------------------------------------------


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int, alternative: str = "two-sided"
) -> tuple[float, float]:
    """Pooled two-proportion z-test of p_b against p_a: (z, p)."""
    _check_alternative(alternative)
    if n_a <= 0 or n_b <= 0:
        raise ValueError("both groups need at least one trial")
    if not (0 <= successes_a <= n_a and 0 <= successes_b <= n_b):
        raise ValueError("successes must lie between 0 and the number of trials")
    p_a, p_b = successes_a / n_a, successes_b / n_b
    # Under H0 both groups share one rate, so the best estimate of it pools all trials.
    p_pool = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(p_pool * (1.0 - p_pool) * (1.0 / n_a + 1.0 / n_b))
    if se == 0.0:
        raise ValueError("no variation at all (0% or 100% conversion in both groups): z is undefined")
    z = (p_b - p_a) / se  # B minus A: positive when the variant converts better
    return float(z), _p_from_z(z, alternative)


# ---------------------------------------------------------------------------------------------
# 6. Chi-squared test of independence
# ---------------------------------------------------------------------------------------------


def chi2_independence(table: np.ndarray) -> tuple[float, float, int, np.ndarray]:
    """Pearson chi-squared test of independence (no continuity correction): (chi2, p, dof, expected)."""
    obs = np.asarray(table, dtype=float)
    if obs.ndim != 2 or obs.shape[0] < 2 or obs.shape[1] < 2:
        raise ValueError(f"table must be 2-D with at least 2 rows and 2 columns, got shape {obs.shape}")
    if (obs < 0).any() or np.isnan(obs).any():
        raise ValueError("counts must be non-negative numbers")
    total = obs.sum()
    row = obs.sum(axis=1, keepdims=True)  # (r, 1)
    col = obs.sum(axis=0, keepdims=True)  # (1, c)
    # Independence means P(row i, col j) = P(row i) P(col j); multiply by the total to get counts.
    expected = row @ col / total if total > 0 else np.zeros_like(obs)
    if (expected == 0).any():
        raise ValueError("a row or column sums to zero: its expected counts are 0 and the test is undefined")
    chi2 = float(((obs - expected) ** 2 / expected).sum())
    # The margins use up r + c - 1 free parameters, leaving (r - 1)(c - 1) degrees of freedom.
    dof = (obs.shape[0] - 1) * (obs.shape[1] - 1)
    p = float(stats.chi2.sf(chi2, dof))  # upper tail: only large chi2 is evidence against H0
    return chi2, p, int(dof), expected


# ---------------------------------------------------------------------------------------------
# 7. Log-likelihood
# ---------------------------------------------------------------------------------------------


def log_likelihood(x: np.ndarray, family: str, params: dict[str, float]) -> float:
    """Sum of log densities (or log pmf) of ``x`` under ``family`` with ``params``."""
    x = _as_1d_float(x)
    if family == "normal":
        mu, sigma = float(params["mu"]), float(params["sigma"])
        if not sigma > 0:
            raise ValueError("sigma must be positive")
        # log N(x | mu, sigma^2) = -0.5 log(2 pi sigma^2) - (x - mu)^2 / (2 sigma^2)
        n = x.size
        return float(-0.5 * n * math.log(2.0 * math.pi * sigma**2) - ((x - mu) ** 2).sum() / (2.0 * sigma**2))
    if family == "poisson":
        lam = float(params["lam"])
        if not lam > 0:
            raise ValueError("lam must be positive")
        if ((x < 0) | (x != np.round(x))).any():
            return float("-inf")  # a non-count has probability 0 under a Poisson model
        # log P(k | lam) = k log(lam) - lam - log(k!), and log(k!) = gammaln(k + 1) (no overflow).
        return float((x * math.log(lam) - lam - special.gammaln(x + 1.0)).sum())
    if family == "exponential":
        rate = float(params["rate"])
        if not rate > 0:
            raise ValueError("rate must be positive")
        if (x < 0).any():
            return float("-inf")
        # log(rate * exp(-rate x)) = log(rate) - rate x
        return float(x.size * math.log(rate) - rate * x.sum())
    raise ValueError(f"unknown family {family!r}: use 'normal', 'poisson' or 'exponential'")


# ---------------------------------------------------------------------------------------------
# 8. Maximum likelihood estimates in closed form
# ---------------------------------------------------------------------------------------------


def fit_mle(x: np.ndarray, family: str) -> dict[str, float]:
    """Closed-form maximum likelihood estimates for a normal, Poisson or exponential sample."""
    x = _as_1d_float(x)
    if x.size == 0:
        raise ValueError("cannot fit a distribution to an empty sample")
    if family == "normal":
        mu = float(x.mean())
        # Setting d/d sigma of the log-likelihood to 0 gives the average squared deviation,
        # divided by n (not n - 1): the MLE of the variance is biased, and that is fine.
        sigma = float(np.sqrt(((x - mu) ** 2).mean()))
        return {"mu": mu, "sigma": sigma}
    if family == "poisson":
        if ((x < 0) | (x != np.round(x))).any():
            raise ValueError("Poisson data must be non-negative integers")
        return {"lam": float(x.mean())}  # d/d lam (sum k log lam - n lam) = 0  ->  lam = mean
    if family == "exponential":
        if (x < 0).any():
            raise ValueError("exponential data must be non-negative")
        mean = float(x.mean())
        if mean == 0.0:
            raise ValueError("all observations are 0: the rate MLE is infinite")
        return {"rate": 1.0 / mean}  # n / rate - sum x = 0  ->  rate = 1 / mean (a rate, not a scale)
    raise ValueError(f"unknown family {family!r}: use 'normal', 'poisson' or 'exponential'")


# ---------------------------------------------------------------------------------------------
# 9. Percentile bootstrap confidence interval
# ---------------------------------------------------------------------------------------------


def bootstrap_ci(
    x: np.ndarray,
    statistic: Callable[[np.ndarray], float] = np.mean,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval for ``statistic(x)``."""
    x = _as_1d_float(x)
    n = x.size
    if n == 0:
        raise ValueError("cannot bootstrap an empty sample")
    if n_resamples < 1:
        raise ValueError("n_resamples must be at least 1")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must lie strictly between 0 and 1")
    rng = np.random.default_rng(seed)
    # Resample *with replacement*, n draws per resample: each resample is a plausible new sample
    # from the empirical distribution. integers' upper bound is exclusive, so 0 .. n-1.
    idx = rng.integers(0, n, size=(n_resamples, n))
    boot = np.array([statistic(x[row]) for row in idx], dtype=float)
    # Percentile method: the middle `confidence` of the bootstrap distribution,
    # cutting (1 - confidence) / 2 from each tail.
    tail = 100.0 * (1.0 - confidence) / 2.0
    low, high = np.percentile(boot, [tail, 100.0 - tail])
    return float(low), float(high)


# ---------------------------------------------------------------------------------------------
# 10. Permutation test
# ---------------------------------------------------------------------------------------------


def permutation_test(a: np.ndarray, b: np.ndarray, n_permutations: int = 9999, seed: int = 0) -> float:
    """Two-sided permutation test p-value for the difference in means."""
    a = _as_1d_float(a, "a")
    b = _as_1d_float(b, "b")
    if a.size == 0 or b.size == 0:
        raise ValueError("both samples need at least one observation")
    if n_permutations < 1:
        raise ValueError("n_permutations must be at least 1")
    pooled = np.concatenate([a, b])
    n_a = a.size
    observed = abs(a.mean() - b.mean())
    rng = np.random.default_rng(seed)
    # Under H0 the group labels are exchangeable: shuffle them and recompute the statistic.
    count = 0
    for _ in range(n_permutations):
        perm = rng.permutation(pooled)
        stat = abs(perm[:n_a].mean() - perm[n_a:].mean())
        # The tolerance counts floating-point "ties" (same split, different summation order).
        if stat >= observed - 1e-12:
            count += 1
    # The +1 counts the observed labelling itself, one of the equally likely arrangements;
    # it keeps p > 0 and makes the test exact (never anti-conservative).
    return (count + 1) / (n_permutations + 1)


# ---------------------------------------------------------------------------------------------
# 11. Multiple-testing corrections
# ---------------------------------------------------------------------------------------------


def adjust_pvalues(pvalues: np.ndarray, method: str = "bh") -> np.ndarray:
    """Adjusted p-values (Bonferroni, Holm or Benjamini-Hochberg), in the input order."""
    p = _as_1d_float(pvalues, "pvalues")
    if method not in ("bonferroni", "holm", "bh"):
        raise ValueError(f"method must be 'bonferroni', 'holm' or 'bh', got {method!r}")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p-values must lie in [0, 1] (no NaN)")
    m = p.size
    if m == 0:
        return p.copy()
    if method == "bonferroni":
        # Controls the family-wise error rate: P(any false rejection) <= m * (alpha / m) = alpha.
        return np.minimum(1.0, p * m)
    order = np.argsort(p, kind="stable")
    ranked = p[order]
    ranks = np.arange(1, m + 1)
    if method == "holm":
        # Step-down: the smallest p is compared with alpha/m, the next with alpha/(m-1), ...
        # The running maximum keeps adjusted p-values in the same order as the raw ones.
        adj_sorted = np.minimum(1.0, np.maximum.accumulate((m - ranks + 1) * ranked))
    else:
        # Benjamini-Hochberg step-up: p_(k) * m / k, then a running minimum *from the largest
        # down*, because rejecting rank k also rejects every smaller rank.
        adj_sorted = np.minimum(1.0, np.minimum.accumulate((ranked * m / ranks)[::-1])[::-1])
    out = np.empty(m)
    out[order] = adj_sorted  # undo the sort: the answer must line up with the input
    return out


# ---------------------------------------------------------------------------------------------
# 12. A/B test sample size
# ---------------------------------------------------------------------------------------------


def ab_sample_size(p_baseline: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users needed *per group* to detect an absolute lift ``mde`` with a two-sided z-test."""
    p1 = float(p_baseline)
    p2 = p1 + float(mde)
    if not 0.0 < p1 < 1.0 or not 0.0 < p2 < 1.0:
        raise ValueError("p_baseline and p_baseline + mde must lie strictly between 0 and 1")
    if mde == 0:
        raise ValueError("mde must be non-zero")
    if not 0.0 < alpha < 1.0 or not 0.0 < power < 1.0:
        raise ValueError("alpha and power must lie strictly between 0 and 1")
    z_alpha = stats.norm.ppf(1.0 - alpha / 2.0)  # two-sided: alpha/2 in each tail
    z_beta = stats.norm.ppf(power)  # = z_{1 - beta}
    p_bar = (p1 + p2) / 2.0
    # Under H0 the standard error uses the pooled rate; under H1 each group keeps its own.
    n = (
        z_alpha * math.sqrt(2.0 * p_bar * (1.0 - p_bar)) + z_beta * math.sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2))
    ) ** 2 / (p2 - p1) ** 2
    # Round *up*: 3840.2 users is not enough, 3841 is. The small epsilon stops an exact integer
    # from being bumped by floating-point noise (3841.0000000001 -> 3842).
    return int(math.ceil(n - 1e-9))


# ---------------------------------------------------------------------------------------------
# 13. Linear regression as a statistical model
# ---------------------------------------------------------------------------------------------


def ols_inference(X: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray | float]:
    """Ordinary least squares with an intercept, plus standard errors, t statistics and p-values."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D of shape (n, p), got shape {X.shape}")
    if y.ndim != 1 or y.size != X.shape[0]:
        raise ValueError("y must be 1-D with one value per row of X")
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])  # the intercept is just a column of ones
    k = p + 1
    dof = n - k  # n observations minus k estimated coefficients
    if dof <= 0:
        raise ValueError(f"need more observations than coefficients: n={n}, coefficients={k}")
    if np.linalg.matrix_rank(A) < k:
        raise ValueError("X (with the intercept column) is rank deficient: coefficients are not identifiable")
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)  # lstsq is better conditioned than inv(A.T A)
    resid = y - A @ coef
    rss = float(resid @ resid)
    sigma2 = rss / dof  # unbiased estimate of the noise variance
    # Var(beta_hat) = sigma^2 (A^T A)^-1 under the model y = A beta + eps, eps ~ N(0, sigma^2 I).
    cov = sigma2 * np.linalg.inv(A.T @ A)
    se = np.sqrt(np.diag(cov))
    t = coef / se
    pvals = 2.0 * stats.t.sf(np.abs(t), dof)  # two-sided test of H0: beta_j = 0
    tss = float(((y - y.mean()) ** 2).sum())
    r2 = 1.0 - rss / tss if tss > 0 else float("nan")
    return {
        "coef": coef,
        "se": se,
        "t": t,
        "p": pvals,
        "r2": float(r2),
        "sigma": float(math.sqrt(sigma2)),
        "dof": int(dof),
    }


# ---------------------------------------------------------------------------------------------
# Demo
# ---------------------------------------------------------------------------------------------

if __name__ == "__main__":
    rng = np.random.default_rng(42)
    x = np.round(rng.normal(10.0, 2.0, size=30), 0)  # rounded, so that the mode means something
    print("percentile(x, [25, 50, 75]) =", np.round(percentile(x, np.array([25.0, 50.0, 75.0])), 4))
    print("describe(x) =", {k: round(v, 4) if isinstance(v, float) else v for k, v in describe(x).items()})
    print("95% t interval for the mean:", tuple(round(v, 4) for v in t_confidence_interval(x)))

    a = rng.normal(0.0, 1.0, size=25)
    b = rng.normal(0.8, 2.0, size=40)
    t, df, p = welch_t_test(a, b)
    print(f"Welch t-test: t = {t:.4f}, df = {df:.2f}, p = {p:.4g}")
    print("  scipy agrees:", stats.ttest_ind(a, b, equal_var=False))

    z, p = two_proportion_z_test(200, 2000, 245, 2000)
    print(f"A/B test 10.0% vs 12.25%: z = {z:.3f}, two-sided p = {p:.4f}")

    chi2, p, dof, _ = chi2_independence(np.array([[30, 10], [20, 40]]))
    print(f"chi-squared independence: chi2 = {chi2:.3f}, dof = {dof}, p = {p:.4g}")

    waits = rng.exponential(scale=2.0, size=200)
    fit = fit_mle(waits, "exponential")
    print("exponential MLE:", fit, "log-likelihood:", round(log_likelihood(waits, "exponential", fit), 3))
    print("bootstrap 95% CI for the median:", bootstrap_ci(x, np.median))
    print("permutation test p-value a vs b:", round(permutation_test(a, b, n_permutations=1999), 4))
    print("BH-adjusted p:", np.round(adjust_pvalues(np.array([0.001, 0.02, 0.03, 0.2, 0.8]), "bh"), 4))
    print("users per group for 10% -> 12%:", ab_sample_size(0.10, 0.02))
    X = rng.normal(size=(50, 2))
    y = 1.0 + 2.0 * X[:, 0] + rng.normal(size=50)
    res = ols_inference(X, y)
    print("OLS coef:", np.round(res["coef"], 3), "p-values:", np.round(res["p"], 4))
