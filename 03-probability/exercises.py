"""Module 03 - Probability: the exercises.

Fill in every function and class marked ``# TODO``. Each docstring is the contract: what to
compute, the shapes going in and out, one small example and the rules. The grader checks
behaviour (values, shapes, edge cases) against SciPy, NumPy and scikit-learn, so any correct
implementation passes.

Check your work from the repository root::

    uv run mlm check 03                 # grade every exercise
    uv run mlm hint 03 poisson_pmf      # one more hint each time you ask

The exercises go from easy to hard:

 1. binomial_pmf                 the Binomial pmf from its formula
 2. Normal                       pdf, cdf and interval probabilities of a Gaussian
 3. poisson_pmf                  the Poisson pmf, stable for large counts (log space)
 4. marginal_and_conditional     marginals and P(Y | X) from a joint table
 5. covariance_matrix            the unbiased sample covariance matrix
 6. entropy                      Shannon entropy
 7. kl_divergence                Kullback-Leibler divergence KL(p || q)
 8. cross_entropy                cross-entropy H(p, q)
 9. bayes_posterior              Bayes' theorem over many observations
10. sample_categorical           discrete inverse-transform sampling
11. sample_exponential           continuous inverse-transform sampling
12. monte_carlo_integral         a Monte Carlo estimate with its error bar
13. multivariate_normal_logpdf   the log-density of a multivariate Gaussian

Allowed everywhere unless an exercise says otherwise: NumPy, the standard library (``math``)
and the special functions of ``scipy.special`` (``gammaln``, ``xlogy``, ``erf``, ...). The
distributions of ``scipy.stats`` are what the grader compares you with, so do not call them.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike


# ---------------------------------------------------------------------------------------------
# 1. The Binomial pmf
# ---------------------------------------------------------------------------------------------
def binomial_pmf(k: ArrayLike, n: int, p: float) -> np.ndarray:
    """Probability of exactly ``k`` successes in ``n`` independent trials of probability ``p``.

    .. math:: P(X = k) = \\binom{n}{k} p^k (1 - p)^{n - k}, \\qquad k = 0, 1, \\dots, n

    Parameters
    ----------
    k : array_like of int, any shape
        The numbers of successes to evaluate. Values outside ``0..n`` have probability 0.
    n : int
        Number of trials, ``n >= 0`` (the grader uses ``n`` up to a few hundred).
    p : float
        Success probability of one trial, ``0 <= p <= 1``.

    Returns
    -------
    np.ndarray of float, the same shape as ``k``
        ``P(X = k)`` for every entry of ``k``.

    Raises
    ------
    ValueError
        If ``n < 0`` or ``p`` is outside ``[0, 1]``.

    Example
    -------
    >>> binomial_pmf([0, 1, 2], n=2, p=0.5)
    array([0.25, 0.5 , 0.25])

    Rules
    -----
    Do not use ``scipy.stats.binom``. ``math.comb``, ``scipy.special.comb``/``gammaln`` and
    NumPy are fine. ``p = 0`` and ``p = 1`` are valid (remember ``0 ** 0 == 1``).
    """
    # TODO: your code here
    raise NotImplementedError("binomial_pmf")


# ---------------------------------------------------------------------------------------------
# 2. The Normal distribution
# ---------------------------------------------------------------------------------------------
class Normal:
    """The Normal (Gaussian) distribution :math:`\\mathcal{N}(\\mu, \\sigma^2)`.

    .. math::

        f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} \\exp\\!\\Big(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\Big),
        \\qquad
        F(x) = \\frac{1}{2}\\Big(1 + \\operatorname{erf}\\big(\\tfrac{x-\\mu}{\\sigma\\sqrt 2}\\big)\\Big)

    Parameters
    ----------
    mu : float
        The mean.
    sigma : float
        The standard deviation (not the variance!), ``sigma > 0``.

    Attributes
    ----------
    mu, sigma : float
        The parameters, stored as given.

    Raises
    ------
    ValueError
        From ``__init__`` if ``sigma <= 0``.

    Example
    -------
    >>> d = Normal(mu=1.0, sigma=2.0)
    >>> float(d.pdf(1.0))               # 1 / (2 * sqrt(2 pi))
    0.19947114020071635
    >>> float(d.cdf(1.0))
    0.5
    >>> round(d.prob_between(-1.0, 3.0), 4)   # within one sigma of the mean
    0.6827

    Rules
    -----
    Do not use ``scipy.stats.norm`` or ``scipy.special.ndtr``. ``math.erf``,
    ``scipy.special.erf`` and ``scipy.special.erfc`` are fine.
    """

    def __init__(self, mu: float = 0.0, sigma: float = 1.0) -> None:
        # TODO: check sigma and store the parameters as self.mu and self.sigma
        raise NotImplementedError("Normal.__init__")

    def pdf(self, x: ArrayLike) -> np.ndarray:
        """The density at ``x`` (array_like, any shape); returns a float array of the same shape."""
        # TODO: your code here
        raise NotImplementedError("Normal.pdf")

    def cdf(self, x: ArrayLike) -> np.ndarray:
        """``P(X <= x)`` at ``x`` (array_like, any shape); returns a float array of the same shape."""
        # TODO: your code here
        raise NotImplementedError("Normal.cdf")

    def prob_between(self, a: float, b: float) -> float:
        """``P(a < X <= b)`` as a Python float; raises ``ValueError`` if ``a > b``."""
        # TODO: your code here
        raise NotImplementedError("Normal.prob_between")


# ---------------------------------------------------------------------------------------------
# 3. The Poisson pmf, in log space
# ---------------------------------------------------------------------------------------------
def poisson_pmf(k: ArrayLike, lam: float) -> np.ndarray:
    """Probability of exactly ``k`` events when events arrive at average rate ``lam``.

    .. math:: P(X = k) = \\frac{\\lambda^k e^{-\\lambda}}{k!}, \\qquad k = 0, 1, 2, \\dots

    Parameters
    ----------
    k : array_like of int, any shape
        Counts to evaluate. Negative counts have probability 0.
    lam : float
        The rate, ``lam >= 0``. ``lam = 0`` means "always 0 events".

    Returns
    -------
    np.ndarray of float, the same shape as ``k``

    Raises
    ------
    ValueError
        If ``lam < 0``.

    Example
    -------
    >>> poisson_pmf([0, 1, 2], lam=2.0)       # e^-2 * [1, 2, 2]
    array([0.13533528, 0.27067057, 0.27067057])

    Rules
    -----
    It must stay accurate for ``k`` and ``lam`` in the hundreds: ``lam ** k`` and ``k!``
    overflow a float long before their ratio does, so compute ``log P(X = k)`` first and
    exponentiate at the end (``math.lgamma`` / ``scipy.special.gammaln`` give ``log k!``).
    Do not use ``scipy.stats.poisson``.
    """
    # TODO: your code here
    raise NotImplementedError("poisson_pmf")


# ---------------------------------------------------------------------------------------------
# 4. Marginal and conditional distributions from a joint table
# ---------------------------------------------------------------------------------------------
def marginal_and_conditional(joint: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Marginals of X and Y and the conditional distribution of Y given X.

    ``joint[i, j] = P(X = i, Y = j)``: rows are values of X, columns are values of Y.

    .. math::

        P(X = i) = \\sum_j P(X = i, Y = j), \\qquad
        P(Y = j \\mid X = i) = \\frac{P(X = i, Y = j)}{P(X = i)}

    Parameters
    ----------
    joint : array_like of shape (n_x, n_y)
        A joint probability table: non-negative entries that sum to 1 (within 1e-9).

    Returns
    -------
    p_x : np.ndarray of shape (n_x,)
        The marginal distribution of X.
    p_y : np.ndarray of shape (n_y,)
        The marginal distribution of Y.
    y_given_x : np.ndarray of shape (n_x, n_y)
        ``y_given_x[i, j] = P(Y = j | X = i)``; each row sums to 1. A row with
        ``P(X = i) = 0`` is undefined: fill it with NaN.

    Raises
    ------
    ValueError
        If ``joint`` is not 2-D, has a negative or NaN entry, or does not sum to 1.

    Example
    -------
    >>> p_x, p_y, y_given_x = marginal_and_conditional([[0.1, 0.3], [0.2, 0.4]])
    >>> p_x, p_y
    (array([0.4, 0.6]), array([0.3, 0.7]))
    >>> y_given_x
    array([[0.25      , 0.75      ],
           [0.33333333, 0.66666667]])

    Rules
    -----
    NumPy only. Watch the axes: summing over the wrong one is the classic bug.
    """
    # TODO: your code here
    raise NotImplementedError("marginal_and_conditional")


# ---------------------------------------------------------------------------------------------
# 5. The sample covariance matrix
# ---------------------------------------------------------------------------------------------
def covariance_matrix(X: ArrayLike) -> np.ndarray:
    """The UNBIASED sample covariance matrix of a data matrix (divide by ``n - 1``).

    .. math::

        \\hat\\Sigma = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar x)(x_i - \\bar x)^\\top,
        \\qquad \\bar x = \\frac{1}{n} \\sum_{i=1}^n x_i

    This is what ``np.cov(X, rowvar=False)`` (``ddof=1``) and ``pandas.DataFrame.cov`` return.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        One row per sample, one column per feature (the scikit-learn convention).

    Returns
    -------
    np.ndarray of shape (n_features, n_features)
        ``result[a, b]`` is the sample covariance of feature ``a`` and feature ``b``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or has fewer than 2 samples (the ``n - 1`` would be 0).

    Example
    -------
    >>> covariance_matrix([[0.0, 0.0], [2.0, 4.0]])
    array([[2., 4.],
           [4., 8.]])

    Rules
    -----
    NumPy only: do not call ``np.cov``, ``np.corrcoef`` or ``pandas``. Centre the data
    (subtract each column's mean) before multiplying: the one-pass shortcut
    ``E[x x^T] - mean mean^T`` loses most of its digits when the features have a large offset.
    """
    # TODO: your code here
    raise NotImplementedError("covariance_matrix")


# ---------------------------------------------------------------------------------------------
# 6. Entropy
# ---------------------------------------------------------------------------------------------
def entropy(p: ArrayLike, base: float | None = None) -> float | np.ndarray:
    """Shannon entropy :math:`H(p) = -\\sum_k p_k \\log p_k` of a discrete distribution.

    By convention :math:`0 \\log 0 = 0`: an impossible outcome adds nothing.

    Parameters
    ----------
    p : array_like of shape (K,) or (N, K)
        One probability vector, or N of them as rows. Entries are non-negative and every
        vector sums to 1 (within 1e-6). The sum runs over the LAST axis.
    base : float or None
        Base of the logarithm: ``None`` for the natural log (nats), ``2`` for bits.

    Returns
    -------
    float for p of shape (K,), np.ndarray of shape (N,) for p of shape (N, K)

    Raises
    ------
    ValueError
        If an entry is negative or NaN, or a vector does not sum to 1 (within 1e-6).

    Example
    -------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> entropy([[1.0, 0.0], [0.5, 0.5]])     # nats; no NaN from 0 log 0
    array([0.        , 0.69314718])

    Rules
    -----
    Do not call ``scipy.stats.entropy`` or ``scipy.special.entr``. ``np.log`` with a mask, or
    ``scipy.special.xlogy`` (which returns 0 for ``xlogy(0, 0)``), are fine.
    """
    # TODO: your code here
    raise NotImplementedError("entropy")


# ---------------------------------------------------------------------------------------------
# 7. Kullback-Leibler divergence
# ---------------------------------------------------------------------------------------------
def kl_divergence(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    """KL divergence :math:`KL(p \\,\\|\\, q) = \\sum_k p_k \\log(p_k / q_k)` in nats.

    The extra cost of describing data from ``p`` with a code built for ``q``. It is not
    symmetric: ``kl_divergence(p, q) != kl_divergence(q, p)`` in general.

    Conventions: a term with ``p_k = 0`` is 0 (whatever ``q_k`` is); a term with ``p_k > 0``
    and ``q_k = 0`` is ``+inf`` (``q`` says impossible what ``p`` says happens).

    Parameters
    ----------
    p, q : array_like of the same shape, (K,) or (N, K)
        Probability vectors over the LAST axis (non-negative, each sums to 1 within 1e-6).

    Returns
    -------
    float for inputs of shape (K,), np.ndarray of shape (N,) for inputs of shape (N, K)
        Always ``>= 0``; 0 exactly when ``p == q``; possibly ``inf``.

    Raises
    ------
    ValueError
        If the shapes differ, or either input is not a valid probability vector.

    Example
    -------
    >>> round(kl_divergence([0.9, 0.1], [0.5, 0.5]), 6)   # 0.9 ln 1.8 + 0.1 ln 0.2
    0.368064
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])
    inf

    Rules
    -----
    Do not call ``scipy.stats.entropy``, ``scipy.special.rel_entr`` or ``scipy.special.kl_div``.
    """
    # TODO: your code here
    raise NotImplementedError("kl_divergence")


# ---------------------------------------------------------------------------------------------
# 8. Cross-entropy
# ---------------------------------------------------------------------------------------------
def cross_entropy(p: ArrayLike, q: ArrayLike) -> float | np.ndarray:
    """Cross-entropy :math:`H(p, q) = -\\sum_k p_k \\log q_k` in nats.

    ``p`` is the true (target) distribution and ``q`` the model's prediction. With a one-hot
    ``p`` this is the classification loss ``-log q[true class]``, and in general
    :math:`H(p, q) = H(p) + KL(p \\,\\|\\, q)`.

    Conventions: a term with ``p_k = 0`` is 0 (even if ``q_k = 0``); a term with ``p_k > 0``
    and ``q_k = 0`` is ``+inf``.

    Parameters
    ----------
    p, q : array_like of the same shape, (K,) or (N, K)
        Probability vectors over the LAST axis (non-negative, each sums to 1 within 1e-6).

    Returns
    -------
    float for inputs of shape (K,), np.ndarray of shape (N,) for inputs of shape (N, K)
        One cross-entropy per row (not averaged).

    Raises
    ------
    ValueError
        If the shapes differ, or either input is not a valid probability vector.

    Example
    -------
    >>> round(cross_entropy([1.0, 0.0, 0.0], [0.7, 0.2, 0.1]), 6)     # -ln 0.7
    0.356675

    Rules
    -----
    Do not call ``scipy.stats.entropy``, ``scipy.special.rel_entr``, ``scipy.special.kl_div``
    or ``sklearn.metrics.log_loss``.
    """
    # TODO: your code here
    raise NotImplementedError("cross_entropy")


# ---------------------------------------------------------------------------------------------
# 9. Bayes' theorem over many observations
# ---------------------------------------------------------------------------------------------
def bayes_posterior(prior: ArrayLike, likelihood: ArrayLike, observations: ArrayLike) -> np.ndarray:
    """Posterior over K hypotheses after observations that are independent given the hypothesis.

    .. math::

        P(H = k \\mid o_1, \\dots, o_T)
        = \\frac{P(H = k) \\prod_{t=1}^{T} P(o_t \\mid H = k)}
               {\\sum_{j} P(H = j) \\prod_{t=1}^{T} P(o_t \\mid H = j)}

    Parameters
    ----------
    prior : array_like of shape (K,)
        ``prior[k] = P(H = k)``: non-negative, sums to 1. Zeros are allowed.
    likelihood : array_like of shape (K, M)
        ``likelihood[k, m] = P(observation = m | H = k)``: row k is the distribution of one
        observation under hypothesis k (M possible observation values).
    observations : array_like of int, shape (T,)
        The observed values, each in ``0..M-1``. ``T`` may be 0 (then the posterior is the
        prior) or in the thousands.

    Returns
    -------
    np.ndarray of shape (K,)
        The posterior: non-negative, sums to 1.

    Raises
    ------
    ValueError
        If the observations are impossible under every hypothesis that has prior mass
        (the evidence, the denominator, is 0).

    Example
    -------
    A disease with prevalence 1 %; a test with sensitivity 95 % and specificity 90 %.
    Hypotheses: 0 = sick, 1 = healthy. Observations: 0 = negative test, 1 = positive test.

    >>> prior = [0.01, 0.99]
    >>> likelihood = [[0.05, 0.95],    # sick:    P(neg), P(pos)
    ...               [0.90, 0.10]]    # healthy: P(neg), P(pos)
    >>> bayes_posterior(prior, likelihood, [1])          # one positive test
    array([0.0875576, 0.9124424])
    >>> bayes_posterior(prior, likelihood, [1, 1])       # two independent positives
    array([0.47688243, 0.52311757])

    Rules
    -----
    NumPy only. With thousands of observations the product of likelihoods underflows to 0
    for every hypothesis (0 / 0 = NaN): work with log-probabilities and subtract the
    largest log-posterior before exponentiating.
    """
    # TODO: your code here
    raise NotImplementedError("bayes_posterior")


# ---------------------------------------------------------------------------------------------
# 10. Sampling a categorical distribution by inverse transform
# ---------------------------------------------------------------------------------------------
def sample_categorical(probs: ArrayLike, size: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``size`` categories ``0..K-1`` with probabilities proportional to ``probs``.

    Inverse-transform sampling for a discrete distribution: build the cumulative
    distribution ``cdf[k] = P(X <= k)``, draw ``u ~ Uniform[0, 1)`` and return the category
    whose interval contains ``u``:

    .. math:: X = k \\quad\\text{when}\\quad \\mathrm{cdf}[k-1] \\le u < \\mathrm{cdf}[k]
              \\qquad (\\mathrm{cdf}[-1] := 0)

    Parameters
    ----------
    probs : array_like of shape (K,)
        Non-negative weights, not necessarily summing to 1: normalise them.
    size : int
        Number of draws, ``size >= 0``.
    rng : np.random.Generator
        The source of randomness. Use ONLY ``rng.random(size)`` (uniform numbers in
        ``[0, 1)``), one uniform per draw, in order: draw ``i`` comes from the ``i``-th uniform.

    Returns
    -------
    np.ndarray of int, shape (size,)
        The sampled categories. Every value is in ``0..K-1``, even for ``u`` a hair below 1
        when the rounded cumulative sum ends slightly below 1. A category of weight 0 is
        never returned.

    Raises
    ------
    ValueError
        If ``probs`` is empty, has a negative or NaN entry, or sums to 0.

    Example
    -------
    With weights ``[2, 1, 1]`` the cdf is ``[0.5, 0.75, 1.0]``, so the uniforms
    ``[0.1, 0.5, 0.74, 0.9]`` map to ``[0, 1, 1, 2]``.

    >>> sample_categorical([2, 1, 1], size=5, rng=np.random.default_rng(0)).shape
    (5,)

    Rules
    -----
    Do not call ``rng.choice``, ``np.random.choice`` or any other sampler: the grader hands
    you a generator that only offers ``random``.
    """
    # TODO: your code here
    raise NotImplementedError("sample_categorical")


# ---------------------------------------------------------------------------------------------
# 11. Sampling the Exponential distribution by inverse transform
# ---------------------------------------------------------------------------------------------
def sample_exponential(rate: float, size: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``size`` samples from Exponential(rate) by inverse-transform sampling.

    The cdf is :math:`F(x) = 1 - e^{-\\lambda x}` for :math:`x \\ge 0` (mean
    :math:`1/\\lambda`). Solve :math:`u = F(x)` for :math:`x` to get :math:`F^{-1}(u)`, then
    return :math:`F^{-1}(U)` for uniforms :math:`U`.

    Parameters
    ----------
    rate : float
        The rate :math:`\\lambda > 0` (events per unit time); the mean is ``1 / rate``.
    size : int
        Number of samples, ``size >= 0``.
    rng : np.random.Generator
        Use ONLY ``rng.random(size)``; sample ``i`` must be exactly :math:`F^{-1}(u_i)` for
        the ``i``-th uniform :math:`u_i`.

    Returns
    -------
    np.ndarray of float, shape (size,)
        Non-negative samples.

    Raises
    ------
    ValueError
        If ``rate <= 0``.

    Example
    -------
    A uniform of 0.5 maps to the median, ``ln(2) / rate``; with ``rate = 2`` that is 0.3466.

    >>> x = sample_exponential(2.0, size=100_000, rng=np.random.default_rng(0))
    >>> round(float(x.mean()), 2)                           # close to 1 / rate
    0.5

    Rules
    -----
    Do not call ``rng.exponential``, ``np.random.exponential`` or ``scipy.stats``.
    """
    # TODO: your code here
    raise NotImplementedError("sample_exponential")


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
    """Estimate :math:`I = \\int_a^b f(x)\\,dx` from ``n`` uniform samples, with its standard error.

    With :math:`U_1, \\dots, U_n \\sim \\mathrm{Uniform}(a, b)` and
    :math:`Y_i = (b - a) f(U_i)` (so that :math:`E[Y_i] = I`):

    .. math::

        \\hat I = \\frac{1}{n} \\sum_{i=1}^n Y_i, \\qquad
        \\mathrm{SE}(\\hat I) = \\frac{s_Y}{\\sqrt n}, \\qquad
        s_Y^2 = \\frac{1}{n-1} \\sum_{i=1}^n (Y_i - \\hat I)^2

    ``estimate +- 1.96 * std_error`` is then an approximate 95 % confidence interval (CLT).

    Parameters
    ----------
    f : callable
        Vectorised: takes an array of shape (n,) and returns an array of shape (n,).
    a, b : float
        The interval, ``a < b``.
    n : int
        Number of samples, ``n >= 2``.
    rng : np.random.Generator
        Draw the uniforms from it (``rng.uniform(a, b, n)`` or ``rng.random(n)``); do not
        create or seed a generator of your own.

    Returns
    -------
    (estimate, std_error) : tuple of two Python floats

    Raises
    ------
    ValueError
        If ``n < 2`` or ``a >= b``.

    Example
    -------
    >>> est, se = monte_carlo_integral(lambda x: x ** 2, 0.0, 3.0, 10_000, np.random.default_rng(0))
    >>> abs(est - 9.0) < 4 * se        # the exact value is 9
    True

    Rules
    -----
    NumPy only (no ``scipy.integrate``).
    """
    # TODO: your code here
    raise NotImplementedError("monte_carlo_integral")


# ---------------------------------------------------------------------------------------------
# 13. The multivariate Normal log-density
# ---------------------------------------------------------------------------------------------
def multivariate_normal_logpdf(X: ArrayLike, mean: ArrayLike, cov: ArrayLike) -> np.ndarray:
    """Log-density of :math:`\\mathcal{N}(\\mu, \\Sigma)` at each row of ``X``.

    .. math::

        \\log f(x) = -\\frac{1}{2}\\Big( d \\log(2\\pi) + \\log\\det\\Sigma
                     + (x - \\mu)^\\top \\Sigma^{-1} (x - \\mu) \\Big)

    Parameters
    ----------
    X : array_like of shape (n, d)
        The points, one per row.
    mean : array_like of shape (d,)
        The mean vector :math:`\\mu`.
    cov : array_like of shape (d, d)
        The covariance matrix :math:`\\Sigma`: symmetric positive definite.

    Returns
    -------
    np.ndarray of shape (n,)
        ``log f(X[i])`` for each row.

    Raises
    ------
    ValueError
        If the shapes do not match, ``cov`` is not symmetric, or ``cov`` is not positive
        definite (``np.linalg.LinAlgError`` is a subclass of ``ValueError``, so letting it
        propagate is fine).

    Example
    -------
    >>> multivariate_normal_logpdf([[0.0, 0.0]], [0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])
    array([-1.83787707])

    Rules
    -----
    NumPy (and ``scipy.linalg``) only: do not call ``scipy.stats.multivariate_normal``. Avoid
    ``np.linalg.inv`` and ``np.linalg.det``: a Cholesky factor :math:`\\Sigma = L L^\\top`
    gives both the quadratic form (solve :math:`L z = x - \\mu`, then :math:`z^\\top z`) and
    :math:`\\log\\det\\Sigma = 2 \\sum_i \\log L_{ii}` without overflow or loss of precision.
    """
    # TODO: your code here
    raise NotImplementedError("multivariate_normal_logpdf")
