"""Module 04 - Statistics: exercises.

Replace each ``raise NotImplementedError`` with your implementation, then grade your work with::

    uv run mlm check 04                  # all exercises
    uv run mlm hint 04 welch_t_test      # one more hint each time you ask

The exercises go from easy to hard. Read ``theory.md`` first; every formula you need is there.
General rules for the whole file:

* Inputs arrive as NumPy arrays (or anything ``np.asarray`` accepts); convert with
  ``np.asarray(x, dtype=float)`` before doing arithmetic.
* Return plain Python ``float`` / ``int`` where a single number is asked for
  (``float(np.float64(...))`` is fine), and NumPy arrays where an array is asked for.
* "Raise ValueError" means ``raise ValueError("a message that says what is wrong")``.
* You may use ``scipy.stats`` for *distribution functions* (``stats.t.ppf``, ``stats.norm.sf``,
  ``stats.chi2.sf`` and friends) unless an exercise says otherwise, but not the ready-made tests
  (``ttest_ind``, ``chi2_contingency``, ``bootstrap``, ...): writing those is the point.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from scipy import special
from scipy import stats


def percentile(x: np.ndarray, q: float | np.ndarray) -> float | np.ndarray:
    """Percentile(s) of a sample by linear interpolation between order statistics.

    Sort the data into ``s[0] <= s[1] <= ... <= s[n-1]``. The q-th percentile sits at the
    fractional position ``h = (n - 1) * q / 100`` on the 0-based index scale; interpolate
    linearly between ``s[floor(h)]`` and the next order statistic. This is NumPy's default
    ("linear") rule, so your answers should agree with ``np.percentile``.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The sample, n >= 1, no NaN.
    q : float or np.ndarray of shape (k,)
        Percentile(s) in [0, 100].

    Returns
    -------
    float or np.ndarray
        A ``float`` when ``q`` is a scalar; an array of shape (k,) when ``q`` is an array.

    Raises
    ------
    ValueError
        If ``x`` is empty, contains NaN, or any ``q`` lies outside [0, 100].

    Examples
    --------
    >>> percentile(np.array([1.0, 2.0, 3.0, 4.0]), 25)       # h = 0.75: 1 + 0.75 * (2 - 1)
    1.75
    >>> percentile(np.array([15.0, 20.0, 35.0, 40.0, 50.0]), np.array([0.0, 40.0, 100.0]))
    array([15., 29., 50.])

    Rules
    -----
    NumPy only, and do not call ``np.percentile``, ``np.quantile`` or their ``nan`` versions.
    The input is not necessarily sorted.
    """
    # TODO: your code here
    raise NotImplementedError("percentile")


def describe(x: np.ndarray) -> dict[str, float]:
    """Descriptive statistics of a 1-D sample, ignoring missing values (NaN).

    Drop the NaN values first, then compute, on the n remaining values:

    * ``"n"``: how many non-NaN values there are (an ``int``);
    * ``"mean"``, ``"min"``, ``"max"``;
    * ``"std"``: the *sample* standard deviation, dividing by n - 1 (``nan`` when n == 1);
    * ``"q1"``, ``"median"``, ``"q3"``: the 25th, 50th and 75th percentiles with the linear rule
      of ``percentile`` (you may call your ``percentile`` or ``np.percentile`` here);
    * ``"iqr"``: ``q3 - q1``;
    * ``"mode"``: the most frequent value; on a tie, the smallest of the tied values;
    * ``"skewness"``: ``m3 / m2 ** 1.5`` where ``m_k = mean((x - mean) ** k)`` (population
      moments, dividing by n); ``nan`` when ``m2 == 0`` (all values equal).

    Parameters
    ----------
    x : np.ndarray, shape (n_total,)
        The sample; may contain NaN.

    Returns
    -------
    dict[str, float]
        The 11 keys listed above, each mapped to a float (``"n"`` to an int).

    Raises
    ------
    ValueError
        If no non-NaN value is left.

    Examples
    --------
    >>> d = describe(np.array([2.0, 4.0, 4.0, 5.0, np.nan, 7.0, 9.0]))
    >>> d["n"], d["mean"], d["median"], d["mode"], d["iqr"]
    (6, 5.166666666666667, 4.5, 4.0, 2.5)
    >>> round(d["std"], 4), round(d["skewness"], 4)
    (2.4833, 0.3942)

    Rules
    -----
    NumPy only for the moments: do not call ``scipy.stats.skew``, ``scipy.stats.mode`` or
    ``scipy.stats.describe``.
    """
    # TODO: your code here
    raise NotImplementedError("describe")


def t_confidence_interval(x: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """Two-sided confidence interval for the population mean, based on the t distribution.

    ``mean +/- t* * s / sqrt(n)``, where ``s`` is the sample standard deviation (n - 1 in the
    denominator) and ``t*`` is the quantile of Student's t distribution with n - 1 degrees of
    freedom that leaves ``(1 - confidence) / 2`` in *each* tail.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The sample, n >= 2.
    confidence : float, default 0.95
        The confidence level, strictly between 0 and 1.

    Returns
    -------
    tuple[float, float]
        ``(low, high)``.

    Raises
    ------
    ValueError
        If n < 2 or ``confidence`` is not strictly between 0 and 1.

    Examples
    --------
    >>> t_confidence_interval(np.array([4.0, 5.0, 6.0, 7.0, 8.0]))   # 6 +/- 2.776 * 0.7071
    (4.036756838522443, 7.963243161477557)

    Rules
    -----
    Use ``scipy.stats.t.ppf`` for the quantile; do not call ``scipy.stats.t.interval``.
    """
    # TODO: your code here
    raise NotImplementedError("t_confidence_interval")


def welch_t_test(a: np.ndarray, b: np.ndarray, alternative: str = "two-sided") -> tuple[float, float, float]:
    """Welch's two-sample t-test (unequal variances) of mean(a) against mean(b).

    ``t = (mean(a) - mean(b)) / sqrt(s_a**2 / n_a + s_b**2 / n_b)`` with sample variances
    (n - 1 in the denominator), and the Welch-Satterthwaite degrees of freedom
    ``df = (v_a + v_b)**2 / (v_a**2 / (n_a - 1) + v_b**2 / (n_b - 1))`` where
    ``v = s**2 / n``. The p-value comes from Student's t distribution with ``df`` degrees of
    freedom (``df`` is usually not an integer; keep it as a float).

    Parameters
    ----------
    a : np.ndarray, shape (n_a,)
        First sample, n_a >= 2.
    b : np.ndarray, shape (n_b,)
        Second sample, n_b >= 2.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        The alternative hypothesis: mean(a) != mean(b), mean(a) < mean(b), mean(a) > mean(b).

    Returns
    -------
    tuple[float, float, float]
        ``(t, df, p_value)``; must agree with
        ``scipy.stats.ttest_ind(a, b, equal_var=False, alternative=alternative)``.

    Raises
    ------
    ValueError
        If a sample has fewer than 2 values, both samples have zero variance, or
        ``alternative`` is not one of the three strings.

    Examples
    --------
    >>> welch_t_test(np.array([1.0, 2.0, 3.0, 4.0]), np.array([2.0, 4.0, 6.0, 8.0, 10.0]))
    (-2.2514363231593695, 5.520787746170677, 0.06913359319239237)

    Rules
    -----
    Do not call ``scipy.stats.ttest_ind`` or ``scipy.stats.ttest_ind_from_stats``;
    ``scipy.stats.t.sf`` / ``scipy.stats.t.cdf`` are fine for the p-value.
    """
    # TODO: your code here
    raise NotImplementedError("welch_t_test")


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int, alternative: str = "two-sided"
) -> tuple[float, float]:
    """The classic A/B test on conversion rates: a pooled two-proportion z-test.

    With ``p_a = successes_a / n_a``, ``p_b = successes_b / n_b`` and the pooled rate
    ``p = (successes_a + successes_b) / (n_a + n_b)``::

        z = (p_b - p_a) / sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))

    Group A is the control and B the variant, so ``z > 0`` means B converts better. The
    p-value comes from the standard normal distribution.

    Parameters
    ----------
    successes_a, n_a : int
        Conversions and users in the control group (0 <= successes_a <= n_a, n_a >= 1).
    successes_b, n_b : int
        Conversions and users in the variant group.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        H1: p_b != p_a, p_b < p_a, or p_b > p_a.

    Returns
    -------
    tuple[float, float]
        ``(z, p_value)``.

    Raises
    ------
    ValueError
        If a group has no users, successes are outside [0, n], the pooled rate is 0 or 1
        (no variation, z undefined), or ``alternative`` is unknown.

    Examples
    --------
    >>> two_proportion_z_test(100, 1000, 130, 1000)      # 10% vs 13%
    (2.102740605622114, 0.03548845046647471)
    """
    # TODO: your code here
    raise NotImplementedError("two_proportion_z_test")


def chi2_independence(table: np.ndarray) -> tuple[float, float, int, np.ndarray]:
    """Pearson's chi-squared test of independence on an r x c contingency table.

    Expected counts under independence are ``row_total[i] * col_total[j] / grand_total``;
    the statistic is ``sum((observed - expected)**2 / expected)`` with ``(r - 1) * (c - 1)``
    degrees of freedom, and the p-value is the upper tail of the chi-squared distribution.
    No continuity (Yates) correction: your result must agree with
    ``scipy.stats.chi2_contingency(table, correction=False)`` (scipy applies Yates to 2 x 2
    tables by default, so mind the flag when you compare).

    Parameters
    ----------
    table : np.ndarray, shape (r, c)
        Non-negative counts, r >= 2 and c >= 2.

    Returns
    -------
    tuple[float, float, int, np.ndarray]
        ``(chi2, p_value, dof, expected)``; ``expected`` has shape (r, c).

    Raises
    ------
    ValueError
        If the table is not 2-D with at least 2 rows and 2 columns, has a negative count, or a
        row or column sums to 0 (some expected count would be 0).

    Examples
    --------
    >>> chi2, p, dof, expected = chi2_independence(np.array([[20, 30], [30, 20]]))
    >>> chi2, round(p, 4), dof, expected
    (4.0, 0.0455, 1, array([[25., 25.],
           [25., 25.]]))

    Rules
    -----
    Do not call ``scipy.stats.chi2_contingency``; ``scipy.stats.chi2.sf`` is fine.
    """
    # TODO: your code here
    raise NotImplementedError("chi2_independence")


def log_likelihood(x: np.ndarray, family: str, params: dict[str, float]) -> float:
    """Log-likelihood of an i.i.d. sample: the sum of the log densities (or log pmf).

    ===============  ==================  ================================================
    family           params              log density of one observation
    ===============  ==================  ================================================
    ``"normal"``      ``mu``, ``sigma``    ``-0.5 * log(2 pi sigma^2) - (x - mu)^2 / (2 sigma^2)``
    ``"poisson"``     ``lam``              ``x log(lam) - lam - log(x!)``   (x = 0, 1, 2, ...)
    ``"exponential"`` ``rate``             ``log(rate) - rate * x``         (x >= 0)
    ===============  ==================  ================================================

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The observations (n may be 0: the log-likelihood of no data is 0.0).
    family : {"normal", "poisson", "exponential"}
        The model.
    params : dict[str, float]
        The parameters named in the table, e.g. ``{"mu": 0.0, "sigma": 1.0}``.

    Returns
    -------
    float
        The log-likelihood; ``-inf`` if an observation lies outside the family's support (a
        negative or non-integer count for Poisson, a negative value for exponential).

    Raises
    ------
    ValueError
        If the family is unknown or a parameter is not positive (``sigma``, ``lam``, ``rate``).

    Examples
    --------
    >>> log_likelihood(np.array([0.0, 2.0]), "normal", {"mu": 1.0, "sigma": 1.0})
    -2.8378770664093453
    >>> log_likelihood(np.array([1.0, 3.0]), "exponential", {"rate": 0.5})
    -3.386294361119891

    Rules
    -----
    Write the formulas: do not call scipy's ``logpdf`` / ``pdf`` / ``logpmf`` / ``pmf``.
    For ``log(x!)`` use ``scipy.special.gammaln(x + 1)`` (``math.factorial`` overflows fast).
    """
    # TODO: your code here
    raise NotImplementedError("log_likelihood")


def fit_mle(x: np.ndarray, family: str) -> dict[str, float]:
    """Maximum likelihood estimates, in closed form, for three families.

    Derive each estimate by setting the derivative of the log-likelihood to zero (theory.md
    does it step by step):

    * ``"normal"`` -> ``{"mu": ..., "sigma": ...}``: sigma is the square root of the MLE of the
      variance;
    * ``"poisson"`` -> ``{"lam": ...}``;
    * ``"exponential"`` -> ``{"rate": ...}``: a *rate* (events per unit), not a scale.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The sample, n >= 1.
    family : {"normal", "poisson", "exponential"}
        The model.

    Returns
    -------
    dict[str, float]
        The parameter names of ``log_likelihood`` mapped to their estimates.

    Raises
    ------
    ValueError
        If ``x`` is empty, the family is unknown, Poisson data are not non-negative integers,
        exponential data are negative, or all exponential data are 0 (the rate would be
        infinite).

    Examples
    --------
    >>> fit_mle(np.array([1.0, 2.0, 3.0, 6.0]), "normal")
    {'mu': 3.0, 'sigma': 1.8708286933869707}
    >>> fit_mle(np.array([1.0, 2.0, 3.0, 6.0]), "exponential")
    {'rate': 0.3333333333333333}

    Rules
    -----
    Closed form with NumPy: do not call scipy's ``.fit`` methods or ``scipy.stats.fit``.
    """
    # TODO: your code here
    raise NotImplementedError("fit_mle")


def bootstrap_ci(
    x: np.ndarray,
    statistic: Callable[[np.ndarray], float] = np.mean,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval for any statistic of a sample.

    1. ``rng = np.random.default_rng(seed)``.
    2. Draw all resampling indices at once, uniformly from 0 .. n-1 **with replacement**:
       ``idx = rng.integers(0, n, size=(n_resamples, n))`` (``rng.choice(n, size=...)`` draws
       the same numbers). Row i of ``idx`` selects the i-th bootstrap sample ``x[idx[i]]``.
    3. Apply ``statistic`` to each bootstrap sample (it takes a 1-D array, returns a number).
    4. Return the ``100 * (1 - confidence) / 2`` and ``100 * (1 + confidence) / 2``
       percentiles of those ``n_resamples`` values (linear rule, as ``np.percentile``).

    Following this recipe exactly makes your result reproducible and gradable.

    Parameters
    ----------
    x : np.ndarray, shape (n,)
        The sample, n >= 1.
    statistic : callable, default np.mean
        Maps a 1-D array of shape (n,) to a number, e.g. ``np.median``.
    n_resamples : int, default 2000
        Number of bootstrap samples, >= 1.
    confidence : float, default 0.95
        Strictly between 0 and 1.
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    tuple[float, float]
        ``(low, high)``.

    Raises
    ------
    ValueError
        If ``x`` is empty, ``n_resamples < 1`` or ``confidence`` is not in (0, 1).

    Examples
    --------
    >>> bootstrap_ci(np.arange(1.0, 11.0), np.mean, n_resamples=1000, confidence=0.9, seed=0)
    (4.0, 7.0)

    Rules
    -----
    NumPy only: do not call ``scipy.stats.bootstrap``.
    """
    # TODO: your code here
    raise NotImplementedError("bootstrap_ci")


def permutation_test(a: np.ndarray, b: np.ndarray, n_permutations: int = 9999, seed: int = 0) -> float:
    """Two-sided permutation test for a difference in means; returns the p-value.

    The observed statistic is ``T = |mean(a) - mean(b)|``. Under H0 (both samples come from the
    same distribution) the group labels are arbitrary, so:

    1. pool the data, ``pooled = np.concatenate([a, b])``, and create
       ``rng = np.random.default_rng(seed)``;
    2. ``n_permutations`` times: shuffle the pooled data (``rng.permutation(pooled)``), call the
       first ``len(a)`` values group a and the rest group b, and compute ``T*`` the same way;
    3. count the shuffles with ``T* >= T - 1e-12`` (the tolerance treats floating-point ties as
       ties) and return ``(count + 1) / (n_permutations + 1)``.

    The "+ 1" counts the observed labelling itself; it keeps the p-value above 0, which no
    finite experiment can justify, and makes the test valid.

    Parameters
    ----------
    a : np.ndarray, shape (n_a,)
        First sample, n_a >= 1.
    b : np.ndarray, shape (n_b,)
        Second sample, n_b >= 1.
    n_permutations : int, default 9999
        Number of random shuffles, >= 1.
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    float
        The p-value, in ``[1 / (n_permutations + 1), 1]``.

    Raises
    ------
    ValueError
        If a sample is empty or ``n_permutations < 1``.

    Examples
    --------
    >>> permutation_test(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]), 999, seed=0)
    0.103

    (The exact answer, from all 20 ways to split six values into 3 + 3, is 2/20 = 0.1.)

    Rules
    -----
    NumPy only: do not call ``scipy.stats.permutation_test``.
    """
    # TODO: your code here
    raise NotImplementedError("permutation_test")


def adjust_pvalues(pvalues: np.ndarray, method: str = "bh") -> np.ndarray:
    """Adjust m p-values for multiple testing; reject H0_i when ``adjusted[i] <= alpha``.

    With the p-values sorted ascending, ``p_(1) <= ... <= p_(m)``, and k = 1 .. m the rank:

    * ``"bonferroni"`` (family-wise error rate): ``min(1, m * p_i)``;
    * ``"holm"`` (family-wise error rate, step-down, never less powerful than Bonferroni):
      ``(m - k + 1) * p_(k)``, then a running *maximum* over k = 1 .. m, then ``min(1, .)``;
    * ``"bh"`` (Benjamini-Hochberg, false discovery rate): ``m * p_(k) / k``, then a running
      *minimum* from k = m down to k = 1, then ``min(1, .)``.

    The adjusted values are returned **in the order of the input**, not sorted.

    Parameters
    ----------
    pvalues : np.ndarray, shape (m,)
        Raw p-values in [0, 1]; m may be 0.
    method : {"bonferroni", "holm", "bh"}, default "bh"
        The correction.

    Returns
    -------
    np.ndarray, shape (m,)
        Adjusted p-values (float), each in [0, 1].

    Raises
    ------
    ValueError
        If the method is unknown or a p-value is NaN or outside [0, 1].

    Examples
    --------
    >>> p = np.array([0.01, 0.04, 0.03, 0.20])
    >>> adjust_pvalues(p, "bonferroni")
    array([0.04, 0.16, 0.12, 0.8 ])
    >>> adjust_pvalues(p, "holm")
    array([0.04, 0.09, 0.09, 0.2 ])
    >>> adjust_pvalues(p, "bh")
    array([0.04      , 0.05333333, 0.05333333, 0.2       ])

    Rules
    -----
    NumPy only: do not call ``scipy.stats.false_discovery_control``.
    """
    # TODO: your code here
    raise NotImplementedError("adjust_pvalues")


def ab_sample_size(p_baseline: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users needed *per group* for a two-sided two-proportion z-test to detect a lift.

    With ``p1 = p_baseline``, ``p2 = p_baseline + mde`` (``mde`` is an *absolute* change in
    the conversion rate: 0.02 means 10% -> 12%, not 10% -> 10.2%), ``p_bar = (p1 + p2) / 2``,
    ``z_a`` the standard-normal quantile at ``1 - alpha / 2`` and ``z_b`` the one at ``power``::

        n = (z_a * sqrt(2 * p_bar * (1 - p_bar)) + z_b * sqrt(p1 * (1 - p1) + p2 * (1 - p2)))**2
            / (p2 - p1)**2

    rounded **up** to the next integer (a fraction of a user is not enough).

    Parameters
    ----------
    p_baseline : float
        Conversion rate of the control, strictly between 0 and 1.
    mde : float
        Minimum detectable effect, an absolute difference; non-zero, may be negative;
        ``p_baseline + mde`` must stay strictly between 0 and 1.
    alpha : float, default 0.05
        Significance level (two-sided), in (0, 1).
    power : float, default 0.8
        Desired probability of detecting a true effect of size ``mde``, in (0, 1).

    Returns
    -------
    int
        Users per group (a Python ``int``).

    Raises
    ------
    ValueError
        If ``mde == 0`` or a rate, ``alpha`` or ``power`` is outside its range.

    Examples
    --------
    >>> ab_sample_size(0.10, 0.02)
    3841
    >>> ab_sample_size(0.10, 0.02, power=0.9)
    5142

    Rules
    -----
    ``scipy.stats.norm.ppf`` is fine for the quantiles.
    """
    # TODO: your code here
    raise NotImplementedError("ab_sample_size")


def ols_inference(X: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray | float]:
    """Linear regression as a statistical model: estimates, standard errors, t-tests, R^2.

    Model: ``y = b0 + X @ b + eps`` with ``eps ~ N(0, sigma^2 I)``. Add a column of ones in
    front of X to get the design matrix A of shape (n, k) with k = p + 1, then

    * ``coef``: the least-squares solution of ``A @ coef ~= y`` (intercept first);
    * ``dof = n - k``; ``sigma = sqrt(RSS / dof)`` with ``RSS`` the residual sum of squares;
    * ``se = sqrt(diag(sigma**2 * inv(A.T @ A)))``;
    * ``t = coef / se``; ``p``: two-sided p-values of H0: coef_j = 0 from Student's t with
      ``dof`` degrees of freedom;
    * ``r2 = 1 - RSS / TSS`` with ``TSS = sum((y - mean(y))**2)``.

    Parameters
    ----------
    X : np.ndarray, shape (n, p)
        Predictors (2-D, without an intercept column).
    y : np.ndarray, shape (n,)
        Response.

    Returns
    -------
    dict
        ``"coef"``, ``"se"``, ``"t"``, ``"p"``: float arrays of shape (p + 1,), intercept
        first; ``"r2"`` and ``"sigma"``: floats; ``"dof"``: int.

    Raises
    ------
    ValueError
        If X is not 2-D, y does not have one value per row, ``n <= p + 1`` (no degrees of
        freedom left), or the design matrix is rank deficient (e.g. a duplicated column).

    Examples
    --------
    >>> res = ols_inference(np.array([[0.0], [1.0], [2.0], [3.0], [4.0]]),
    ...                     np.array([1.0, 3.0, 2.0, 5.0, 4.0]))
    >>> res["coef"], res["se"], res["dof"], res["r2"]
    (array([1.4, 0.8]), array([0.84852814, 0.34641016]), 3, 0.64)
    >>> res["p"]                                  # slope p-value as in scipy.stats.linregress
    array([0.19752339, 0.10408804])

    Rules
    -----
    NumPy for the algebra (``np.linalg.lstsq`` / ``solve`` / ``inv`` are fine) and
    ``scipy.stats.t`` for the p-values; no statsmodels, no ``scipy.stats.linregress``.
    """
    # TODO: your code here
    raise NotImplementedError("ols_inference")
