"""Hidden suite for module 03 - Probability.

Every test grades one exercise (``@pytest.mark.exercise``) through the ``learner`` fixture, and
compares with SciPy / NumPy / scikit-learn or with values worked out by hand. Besides the
typical cases, each exercise has tests aimed at the plausible wrong answers: swapped
parameters, wrong axis, biased instead of unbiased, forgetting to normalise, underflow, off-by-
one at an interval boundary, and calling the library the exercise asks you to replace.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import scipy.stats as st
from scipy.special import logsumexp
from sklearn.metrics import log_loss

from grader.testing import (
    ForbiddenCall,
    Mismatch,
    expect,
    expect_close,
    expect_raises,
    expect_shape,
    forbid,
    show,
)


# =============================================================================================
# Helpers for the suite (not shown to the learner)
# =============================================================================================
class UniformOnly:
    """A random generator that offers only ``random``: uniforms in [0, 1).

    Either wraps a seeded ``np.random.Generator`` or replays a fixed script of uniforms, so a
    test can say exactly which category or sample each uniform must become.
    """

    def __init__(self, seed: int | None = None, script: Any = None) -> None:
        self._gen = np.random.default_rng(seed) if script is None else None
        self._script = None if script is None else [float(u) for u in script]

    def random(self, size: Any = None, dtype: Any = np.float64, out: Any = None) -> Any:
        if self._gen is not None:
            return self._gen.random(size)
        count = 1 if size is None else int(np.prod(size))
        if count > len(self._script):
            raise Mismatch(
                f"the function asked rng.random for {count} more uniform(s) but only "
                f"{len(self._script)} were left: use exactly one uniform per draw")
        taken, self._script = self._script[:count], self._script[count:]
        return taken[0] if size is None else np.array(taken).reshape(size)

    def __getattr__(self, name: str) -> Any:
        raise ForbiddenCall(
            f"this exercise asks you to sample by inverse transform from uniforms: use only "
            f"rng.random(size), not rng.{name}")


def dirichlet_rows(seed: int, n: int, k: int) -> np.ndarray:
    """``n`` random probability vectors of length ``k`` (strictly positive)."""
    return np.random.default_rng(seed).dirichlet(np.ones(k), size=n)


# =============================================================================================
# 1. binomial_pmf
# =============================================================================================
@pytest.mark.exercise("binomial_pmf")
def test_binomial_matches_scipy(learner):
    k = np.arange(13)
    with forbid(learner, "scipy.stats.binom", reason="write the pmf from its formula"):
        got = learner.binomial_pmf(k, 12, 0.3)
    expect_shape(got, (13,), "binomial_pmf(k, n=12, p=0.3) for k = 0..12")
    want = st.binom.pmf(k, 12, 0.3)
    if np.allclose(got, st.binom.pmf(k, 12, 0.7), rtol=1e-9):
        raise Mismatch("binomial_pmf(k, n=12, p=0.3) equals the pmf for p=0.7: the exponents of "
                       "p and (1 - p) are swapped (p goes with the k successes)")
    expect_close(got, want, "binomial_pmf(k, n=12, p=0.3) compared with scipy.stats.binom.pmf "
                 "(rtol 1e-9)", rtol=1e-9, atol=1e-15)


@pytest.mark.exercise("binomial_pmf")
def test_binomial_sums_to_one_with_right_mean_and_variance(learner):
    n, p = 150, 0.65
    k = np.arange(n + 1)
    pmf = np.asarray(learner.binomial_pmf(k, n, p), dtype=float)
    expect_close(pmf.sum(), 1.0, "sum of binomial_pmf(k, n=150, p=0.65) over k = 0..150", rtol=1e-9)
    expect_close((k * pmf).sum(), n * p, "mean sum(k * pmf) for n=150, p=0.65 (should be n p)",
                 rtol=1e-9)
    var = (k ** 2 * pmf).sum() - (k * pmf).sum() ** 2
    expect_close(var, n * p * (1 - p), "variance for n=150, p=0.65 (should be n p (1 - p))", rtol=1e-7)


@pytest.mark.exercise("binomial_pmf")
def test_binomial_outside_support_is_zero(learner):
    got = learner.binomial_pmf(np.array([-3, -1, 6, 7, 50]), 5, 0.4)
    expect_close(got, np.zeros(5), "binomial_pmf(k, n=5, p=0.4) for k = [-3, -1, 6, 7, 50], "
                 "outside 0..n (should all be 0)", atol=0.0)


@pytest.mark.exercise("binomial_pmf")
def test_binomial_edge_parameters(learner):
    k = np.arange(5)
    expect_close(learner.binomial_pmf(k, 4, 0.0), [1, 0, 0, 0, 0],
                 "binomial_pmf(k = 0..4, n=4, p=0): no success is certain", atol=1e-15)
    expect_close(learner.binomial_pmf(k, 4, 1.0), [0, 0, 0, 0, 1],
                 "binomial_pmf(k = 0..4, n=4, p=1): n successes are certain", atol=1e-15)
    expect_close(learner.binomial_pmf(np.array([0, 1]), 0, 0.3), [1, 0],
                 "binomial_pmf(k = [0, 1], n=0, p=0.3): zero trials means zero successes", atol=1e-15)


@pytest.mark.exercise("binomial_pmf")
def test_binomial_keeps_shape_and_rejects_bad_p(learner):
    k = np.array([[0, 1, 2], [3, 4, 5]])
    got = learner.binomial_pmf(k, 5, 0.5)
    expect_shape(got, (2, 3), "binomial_pmf(k, n=5, p=0.5) for k of shape (2, 3)")
    expect_close(got, st.binom.pmf(k, 5, 0.5), "binomial_pmf for k of shape (2, 3)", rtol=1e-9)
    expect_raises(ValueError, lambda: learner.binomial_pmf(np.arange(3), 2, 1.5),
                  "binomial_pmf(k, n=2, p=1.5)")
    expect_raises(ValueError, lambda: learner.binomial_pmf(np.arange(3), 2, -0.1),
                  "binomial_pmf(k, n=2, p=-0.1)")


# =============================================================================================
# 2. Normal
# =============================================================================================
_NORMAL_LIB = ("scipy.stats.norm", "scipy.special.ndtr")


@pytest.mark.exercise("Normal")
def test_normal_pdf_matches_scipy(learner):
    x = np.linspace(-6.0, 9.0, 31)
    with forbid(learner, *_NORMAL_LIB, reason="write the density from its formula"):
        d = learner.Normal(mu=1.5, sigma=2.0)
        got = d.pdf(x)
    expect_shape(got, (31,), "Normal(mu=1.5, sigma=2).pdf(x) for x of shape (31,)")
    if np.allclose(got, st.norm.pdf(x, 1.5, 4.0), rtol=1e-6):
        raise Mismatch("Normal(mu=1.5, sigma=2).pdf matches a standard deviation of 4: sigma is "
                       "the standard deviation, the variance is sigma ** 2")
    expect_close(got, st.norm.pdf(x, 1.5, 2.0),
                 "Normal(mu=1.5, sigma=2).pdf(x) compared with scipy.stats.norm.pdf (rtol 1e-9)",
                 rtol=1e-9, atol=1e-300)


@pytest.mark.exercise("Normal")
def test_normal_cdf_matches_scipy(learner):
    x = np.linspace(-4.0, 2.0, 25)
    with forbid(learner, *_NORMAL_LIB, reason="write the cdf with erf"):
        d = learner.Normal(mu=-1.0, sigma=0.5)
        got = d.cdf(x)
    expect_shape(got, (25,), "Normal(mu=-1, sigma=0.5).cdf(x) for x of shape (25,)")
    expect_close(got, st.norm.cdf(x, -1.0, 0.5),
                 "Normal(mu=-1, sigma=0.5).cdf(x) compared with scipy.stats.norm.cdf (rtol 1e-9, "
                 "atol 1e-12)", rtol=1e-9, atol=1e-12)
    std = learner.Normal()
    expect_close(std.cdf(1.0), 0.8413447460685429,
                 "Normal().cdf(1.0) (the standard normal: about 0.8413; did you divide by sqrt(2) "
                 "inside erf?)", rtol=1e-9)


@pytest.mark.exercise("Normal")
def test_normal_pdf_integrates_to_one_and_cdf_is_its_integral(learner):
    d = learner.Normal(mu=10.0, sigma=3.0)
    x = np.linspace(10.0 - 12 * 3.0, 10.0 + 12 * 3.0, 20001)
    pdf = np.asarray(d.pdf(x), dtype=float)
    area = float(np.sum((pdf[1:] + pdf[:-1]) / 2 * np.diff(x)))
    expect_close(area, 1.0, "the area under Normal(mu=10, sigma=3).pdf (trapezoid rule): a "
                 "density must integrate to 1", rtol=1e-6)
    expect_close(d.cdf(10.0), 0.5, "Normal(mu=10, sigma=3).cdf(10): half the mass is below the mean",
                 rtol=1e-12)
    expect_close(d.cdf(np.array([-1e3, 1e3])), [0.0, 1.0],
                 "Normal(mu=10, sigma=3).cdf far in the tails", atol=1e-12)


@pytest.mark.exercise("Normal")
def test_normal_prob_between(learner):
    d = learner.Normal(mu=100.0, sigma=15.0)
    got = d.prob_between(85.0, 115.0)
    expect(isinstance(got, float), f"Normal.prob_between should return a Python float, got "
           f"{type(got).__name__}")
    expect_close(got, st.norm.cdf(1) - st.norm.cdf(-1),
                 "Normal(mu=100, sigma=15).prob_between(85, 115), one sigma either side (~0.6827)",
                 rtol=1e-9)
    expect_close(d.prob_between(70.0, 130.0), st.norm.cdf(2) - st.norm.cdf(-2),
                 "Normal(mu=100, sigma=15).prob_between(70, 130), two sigma (~0.9545)", rtol=1e-9)
    expect_close(d.prob_between(100.0, 100.0), 0.0, "prob_between(100, 100): an empty interval",
                 atol=1e-15)
    expect_raises(ValueError, lambda: d.prob_between(2.0, 1.0), "Normal(...).prob_between(2, 1)")


@pytest.mark.exercise("Normal")
def test_normal_validates_sigma_and_keeps_shapes(learner):
    expect_raises(ValueError, lambda: learner.Normal(mu=0.0, sigma=0.0), "Normal(mu=0, sigma=0)")
    expect_raises(ValueError, lambda: learner.Normal(mu=0.0, sigma=-2.0), "Normal(mu=0, sigma=-2)")
    d = learner.Normal(mu=0.5, sigma=1.5)
    expect_close([d.mu, d.sigma], [0.5, 1.5], "the attributes mu and sigma of Normal(mu=0.5, sigma=1.5)")
    x = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])
    expect_shape(d.pdf(x), (3, 2), "Normal(...).pdf(x) for x of shape (3, 2)")
    expect_shape(d.cdf(x), (3, 2), "Normal(...).cdf(x) for x of shape (3, 2)")


# =============================================================================================
# 3. poisson_pmf
# =============================================================================================
@pytest.mark.exercise("poisson_pmf")
def test_poisson_matches_scipy(learner):
    k = np.arange(21)
    with forbid(learner, "scipy.stats.poisson", reason="write the pmf from its formula"):
        got = learner.poisson_pmf(k, 3.2)
    expect_shape(got, (21,), "poisson_pmf(k, lam=3.2) for k = 0..20")
    expect_close(got, st.poisson.pmf(k, 3.2),
                 "poisson_pmf(k, lam=3.2) compared with scipy.stats.poisson.pmf (rtol 1e-9)",
                 rtol=1e-9, atol=1e-300)


@pytest.mark.exercise("poisson_pmf")
def test_poisson_large_counts_do_not_overflow(learner):
    k = np.arange(0, 601, 5)
    with np.errstate(all="ignore"):
        got = learner.poisson_pmf(k, 250.0)
    want = st.poisson.pmf(k, 250.0)
    got_arr = np.asarray(got, dtype=float)
    expect(got_arr.shape == want.shape and np.all(np.isfinite(got_arr)),
           "poisson_pmf(k, lam=250) for k = 0, 5, ..., 600 returned inf or NaN: lam ** k and k! "
           "overflow, so compute log P = k log(lam) - lam - log(k!) and exponentiate at the end")
    expect_close(got, want, "poisson_pmf(k, lam=250) for k = 0, 5, ..., 600 compared with "
                 "scipy.stats.poisson.pmf (rtol 1e-8)", rtol=1e-8, atol=1e-300)


@pytest.mark.exercise("poisson_pmf")
def test_poisson_sums_to_one_with_mean_lambda(learner):
    k = np.arange(200)
    pmf = np.asarray(learner.poisson_pmf(k, 40.0), dtype=float)
    expect_close(pmf.sum(), 1.0, "sum of poisson_pmf(k, lam=40) over k = 0..199", rtol=1e-9)
    expect_close((k * pmf).sum(), 40.0, "the mean sum(k * pmf) for lam=40 (should be lam)", rtol=1e-9)
    expect_close((k ** 2 * pmf).sum() - 40.0 ** 2, 40.0,
                 "the variance for lam=40 (should also be lam)", rtol=1e-7)


@pytest.mark.exercise("poisson_pmf")
def test_poisson_edges(learner):
    expect_close(learner.poisson_pmf(np.array([0, 1, 2]), 0.0), [1.0, 0.0, 0.0],
                 "poisson_pmf(k = [0, 1, 2], lam=0): zero events are certain", atol=1e-15)
    expect_close(learner.poisson_pmf(np.array([-2, -1]), 3.0), [0.0, 0.0],
                 "poisson_pmf(k = [-2, -1], lam=3): negative counts are impossible", atol=0.0)
    got = learner.poisson_pmf(np.array([[0, 1], [2, 3]]), 2.0)
    expect_shape(got, (2, 2), "poisson_pmf(k, lam=2) for k of shape (2, 2)")
    expect_raises(ValueError, lambda: learner.poisson_pmf(np.arange(3), -1.0),
                  "poisson_pmf(k, lam=-1)")


# =============================================================================================
# 4. marginal_and_conditional
# =============================================================================================
_JOINT_2X3 = np.array([[0.10, 0.20, 0.10],
                       [0.30, 0.15, 0.15]])


def _unpack3(result: Any, what: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    expect(isinstance(result, tuple) and len(result) == 3,
           f"{what} should return a tuple (p_x, p_y, y_given_x), got {show(result, 80)}")
    return result


@pytest.mark.exercise("marginal_and_conditional")
def test_marginals_and_conditional_of_a_known_table(learner):
    what = "marginal_and_conditional(joint) for the 2x3 table [[.10, .20, .10], [.30, .15, .15]]"
    p_x, p_y, y_given_x = _unpack3(learner.marginal_and_conditional(_JOINT_2X3), what)
    expect_shape(p_x, (2,), f"p_x of {what}")
    expect_shape(p_y, (3,), f"p_y of {what}")
    expect_shape(y_given_x, (2, 3), f"y_given_x of {what}")
    expect_close(p_x, [0.4, 0.6], f"p_x (row sums) of {what}", rtol=1e-12)
    expect_close(p_y, [0.4, 0.35, 0.25], f"p_y (column sums) of {what}", rtol=1e-12)
    expect_close(y_given_x, [[0.25, 0.5, 0.25], [0.5, 0.25, 0.25]],
                 f"y_given_x[i, j] = P(Y=j | X=i) of {what} (each row divided by its row sum)",
                 rtol=1e-12)


@pytest.mark.exercise("marginal_and_conditional")
def test_conditional_rows_sum_to_one_and_rebuild_the_joint(learner):
    joint = np.random.default_rng(4).random((3, 5))
    joint /= joint.sum()
    what = "marginal_and_conditional(joint) for a random 3x5 table"
    p_x, p_y, y_given_x = _unpack3(learner.marginal_and_conditional(joint), what)
    expect_shape(y_given_x, (3, 5), f"y_given_x of {what}")
    expect_close(np.asarray(y_given_x).sum(axis=1), np.ones(3),
                 f"row sums of y_given_x of {what} (each P(Y | X=i) must sum to 1)", rtol=1e-12)
    expect_close(np.asarray(y_given_x) * np.asarray(p_x)[:, None], joint,
                 f"P(Y=j | X=i) * P(X=i) for {what} (the product rule must give back the joint)",
                 rtol=1e-12)
    expect_close(p_y, joint.sum(axis=0), f"p_y of {what}", rtol=1e-12)


@pytest.mark.exercise("marginal_and_conditional")
def test_independent_table_gives_conditional_equal_to_marginal(learner):
    a, b = np.array([0.2, 0.5, 0.3]), np.array([0.6, 0.1, 0.3])
    what = "marginal_and_conditional(np.outer(a, b)) for independent X and Y"
    p_x, p_y, y_given_x = _unpack3(learner.marginal_and_conditional(np.outer(a, b)), what)
    expect_close(p_x, a, f"p_x of {what}", rtol=1e-12)
    expect_close(p_y, b, f"p_y of {what}", rtol=1e-12)
    expect_close(y_given_x, np.tile(b, (3, 1)),
                 f"y_given_x of {what} (every row should equal P(Y))", rtol=1e-12)


@pytest.mark.exercise("marginal_and_conditional")
def test_impossible_row_gives_nan_and_bad_tables_raise(learner):
    joint = np.array([[0.2, 0.3], [0.0, 0.0], [0.4, 0.1]])
    what = "marginal_and_conditional(joint) where P(X=1) = 0"
    with np.errstate(all="ignore"):
        p_x, p_y, y_given_x = _unpack3(learner.marginal_and_conditional(joint), what)
    expect_close(y_given_x, [[0.4, 0.6], [np.nan, np.nan], [0.8, 0.2]],
                 f"y_given_x of {what} (the row X=1 must be NaN, the others normal)", rtol=1e-12)
    expect_raises(ValueError, lambda: learner.marginal_and_conditional(np.array([[0.5, 0.6], [0.1, -0.2]])),
                  "marginal_and_conditional of a table with a negative entry")
    expect_raises(ValueError, lambda: learner.marginal_and_conditional(np.array([[0.5, 0.6], [0.1, 0.2]])),
                  "marginal_and_conditional of a table that sums to 1.4")
    expect_raises(ValueError, lambda: learner.marginal_and_conditional(np.array([0.5, 0.5])),
                  "marginal_and_conditional of a 1-D array")


# =============================================================================================
# 5. covariance_matrix
# =============================================================================================
_COV_LIB = ("numpy.cov", "numpy.corrcoef")


@pytest.mark.exercise("covariance_matrix")
def test_covariance_matches_np_cov_unbiased(learner):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(9, 4)) @ rng.normal(size=(4, 4))
    want = np.cov(X, rowvar=False, ddof=1)
    biased = np.cov(X, rowvar=False, ddof=0)
    with forbid(learner, *_COV_LIB, reason="compute the covariance yourself"):
        got = learner.covariance_matrix(X)
    what = "covariance_matrix(X) for X of shape (9, 4) (9 samples, 4 features)"
    if getattr(got, "shape", None) == (9, 9):
        raise Mismatch(f"{what}: got shape (9, 9), the covariance between samples; the features are "
                       "the columns, so the result should be (4, 4)")
    expect_shape(got, (4, 4), what)
    if np.allclose(got, biased, rtol=1e-9):
        raise Mismatch(f"{what}: you divided by n (the biased estimate, np.cov with ddof=0); this "
                       "exercise wants the unbiased one, dividing by n - 1")
    expect_close(got, want, f"{what} compared with np.cov(X, rowvar=False, ddof=1) (rtol 1e-9)",
                 rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("covariance_matrix")
def test_covariance_of_two_points_by_hand(learner):
    got = learner.covariance_matrix(np.array([[0.0, 0.0], [2.0, 4.0]]))
    expect_close(got, [[2.0, 4.0], [4.0, 8.0]],
                 "covariance_matrix([[0, 0], [2, 4]]): mean (1, 2), deviations +-(1, 2), sum of "
                 "outer products [[2, 4], [4, 8]] divided by n - 1 = 1", rtol=1e-12)
    one_feature = learner.covariance_matrix(np.array([[1.0], [2.0], [3.0], [6.0]]))
    expect_close(one_feature, [[14.0 / 3.0]],
                 "covariance_matrix of one feature [1, 2, 3, 6] (shape (1, 1), the sample "
                 "variance 14/3)", rtol=1e-12)


@pytest.mark.exercise("covariance_matrix")
def test_covariance_is_shift_invariant_even_with_a_large_offset(learner):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(50, 3))
    want = np.cov(X, rowvar=False)
    got = learner.covariance_matrix(X + 1e6)
    expect_close(got, want, "covariance_matrix(X + 1e6) compared with the covariance of X (adding "
                 "a constant must not change it; if only this fails, centre the data before "
                 "multiplying instead of using E[x x^T] - mean mean^T)", rtol=1e-6, atol=1e-6)


@pytest.mark.exercise("covariance_matrix")
def test_covariance_is_symmetric_psd_and_rejects_one_sample(learner):
    X = np.random.default_rng(7).normal(size=(6, 5))  # fewer samples than features: rank 5 at most
    got = np.asarray(learner.covariance_matrix(X), dtype=float)
    expect_shape(got, (5, 5), "covariance_matrix(X) for X of shape (6, 5)")
    expect_close(got, got.T, "covariance_matrix(X) minus its transpose (must be symmetric)",
                 rtol=1e-12, atol=1e-12)
    expect(np.linalg.eigvalsh((got + got.T) / 2).min() > -1e-10,
           "covariance_matrix(X) has a negative eigenvalue: a covariance matrix is positive "
           "semi-definite")
    expect_raises(ValueError, lambda: learner.covariance_matrix(np.array([[1.0, 2.0, 3.0]])),
                  "covariance_matrix of a single sample (n - 1 = 0)")


# =============================================================================================
# 6. entropy
# =============================================================================================
_INFO_LIB = ("scipy.stats.entropy", "scipy.special.entr", "scipy.special.rel_entr",
             "scipy.special.kl_div")


@pytest.mark.exercise("entropy")
def test_entropy_matches_scipy_on_a_batch(learner):
    P = dirichlet_rows(8, 5, 4)
    with forbid(learner, *_INFO_LIB, reason="compute the entropy yourself"):
        got = learner.entropy(P)
    what = "entropy(p) for p of shape (5, 4) (5 distributions over 4 outcomes)"
    if getattr(got, "shape", None) == (4,):
        raise Mismatch(f"{what}: got shape (4,); sum over the LAST axis (the outcomes), one "
                       "entropy per row")
    expect_shape(got, (5,), what)
    expect_close(got, st.entropy(P, axis=-1), f"{what} compared with scipy.stats.entropy (rtol 1e-9)",
                 rtol=1e-9)


@pytest.mark.exercise("entropy")
def test_entropy_treats_zero_log_zero_as_zero(learner):
    with np.errstate(all="ignore"):
        got = learner.entropy(np.array([0.5, 0.5, 0.0]))
        certain = learner.entropy(np.array([0.0, 1.0, 0.0]))
    expect_close(got, math.log(2), "entropy([0.5, 0.5, 0]) (an impossible outcome adds nothing: ln 2)",
                 rtol=1e-12)
    expect_close(certain, 0.0, "entropy([0, 1, 0]) (a certain outcome has entropy 0, not NaN)",
                 atol=1e-15)


@pytest.mark.exercise("entropy")
def test_entropy_values_and_base(learner):
    got = learner.entropy(np.full(4, 0.25))
    expect(np.ndim(got) == 0, f"entropy of one vector of shape (4,) should be a single number, got "
           f"{show(got, 80)}")
    expect_close(got, math.log(4), "entropy of the uniform distribution over 4 outcomes (ln 4 nats)",
                 rtol=1e-12)
    expect_close(learner.entropy(np.array([0.5, 0.5]), base=2), 1.0,
                 "entropy([0.5, 0.5], base=2): a fair coin carries 1 bit", rtol=1e-12)
    expect_close(learner.entropy(np.full(8, 0.125), base=2), 3.0,
                 "entropy(uniform over 8, base=2) (3 bits)", rtol=1e-12)
    p = np.array([0.7, 0.2, 0.1])
    expect(learner.entropy(p) > 0, "entropy([0.7, 0.2, 0.1]) should be positive: check the minus sign")


@pytest.mark.exercise("entropy")
def test_entropy_rejects_invalid_distributions(learner):
    expect_raises(ValueError, lambda: learner.entropy(np.array([0.5, 0.6])),
                  "entropy([0.5, 0.6]) (sums to 1.1)")
    expect_raises(ValueError, lambda: learner.entropy(np.array([1.2, -0.2])),
                  "entropy([1.2, -0.2]) (a negative probability)")


# =============================================================================================
# 7. kl_divergence
# =============================================================================================
@pytest.mark.exercise("kl_divergence")
def test_kl_matches_scipy_on_a_batch(learner):
    P, Q = dirichlet_rows(9, 6, 5), dirichlet_rows(10, 6, 5)
    with forbid(learner, *_INFO_LIB, reason="compute the divergence yourself"):
        got = learner.kl_divergence(P, Q)
    what = "kl_divergence(p, q) for p, q of shape (6, 5)"
    expect_shape(got, (6,), what)
    if np.allclose(got, st.entropy(Q, P, axis=-1), rtol=1e-9):
        raise Mismatch(f"{what} returned KL(q || p): the divergence is not symmetric, and "
                       "kl_divergence(p, q) is sum p log(p / q)")
    expect_close(got, st.entropy(P, Q, axis=-1),
                 f"{what} compared with scipy.stats.entropy(p, q) (rtol 1e-9)", rtol=1e-9)


@pytest.mark.exercise("kl_divergence")
def test_kl_is_asymmetric_by_hand(learner):
    forward = learner.kl_divergence(np.array([0.9, 0.1]), np.array([0.5, 0.5]))
    backward = learner.kl_divergence(np.array([0.5, 0.5]), np.array([0.9, 0.1]))
    expect_close(forward, 0.9 * math.log(1.8) + 0.1 * math.log(0.2),
                 "kl_divergence([0.9, 0.1], [0.5, 0.5]) = 0.9 ln(0.9/0.5) + 0.1 ln(0.1/0.5)",
                 rtol=1e-12)
    expect_close(backward, 0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(5.0),
                 "kl_divergence([0.5, 0.5], [0.9, 0.1])", rtol=1e-12)


@pytest.mark.exercise("kl_divergence")
def test_kl_is_zero_for_equal_and_nonnegative(learner):
    P, Q = dirichlet_rows(11, 20, 3), dirichlet_rows(12, 20, 3)
    same = learner.kl_divergence(P, P)
    expect_close(same, np.zeros(20), "kl_divergence(p, p) (a distribution has zero divergence from "
                 "itself)", atol=1e-12)
    expect(np.all(np.asarray(learner.kl_divergence(P, Q)) >= 0),
           "kl_divergence(p, q) came out negative for some rows: KL is never negative (check "
           "the order inside the log: log(p / q), weighted by p)")


@pytest.mark.exercise("kl_divergence")
def test_kl_zero_probabilities(learner):
    with np.errstate(all="ignore"):
        finite = learner.kl_divergence(np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.25, 0.5]))
        infinite = learner.kl_divergence(np.array([0.5, 0.5]), np.array([1.0, 0.0]))
        zero_both = learner.kl_divergence(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    expect_close(finite, math.log(2), "kl_divergence([0.5, 0.5, 0], [0.25, 0.25, 0.5]) (the p = 0 "
                 "term adds nothing: ln 2)", rtol=1e-12)
    expect(np.isposinf(infinite), f"kl_divergence([0.5, 0.5], [1, 0]) should be +inf (q gives "
           f"probability 0 to an outcome p can produce), got {show(infinite, 80)}")
    expect_close(zero_both, 0.0, "kl_divergence([1, 0], [1, 0]) (0 log(0/0) counts as 0)", atol=1e-15)
    expect_raises(ValueError, lambda: learner.kl_divergence(np.array([0.5, 0.5]), np.full(3, 1 / 3)),
                  "kl_divergence with p of shape (2,) and q of shape (3,)")


# =============================================================================================
# 8. cross_entropy
# =============================================================================================
@pytest.mark.exercise("cross_entropy")
def test_cross_entropy_is_entropy_plus_kl(learner):
    P, Q = dirichlet_rows(13, 7, 4), dirichlet_rows(14, 7, 4)
    with forbid(learner, *_INFO_LIB, "sklearn.metrics.log_loss", reason="compute it yourself"):
        got = learner.cross_entropy(P, Q)
    what = "cross_entropy(p, q) for p, q of shape (7, 4)"
    expect_shape(got, (7,), what)
    if np.allclose(got, -(Q * np.log(P)).sum(axis=-1), rtol=1e-9):
        raise Mismatch(f"{what} returned -sum q log p: the target p weights the log of the "
                       "prediction q, H(p, q) = -sum p log q")
    expect_close(got, st.entropy(P, axis=-1) + st.entropy(P, Q, axis=-1),
                 f"{what} compared with H(p) + KL(p || q) from scipy (rtol 1e-9)", rtol=1e-9)


@pytest.mark.exercise("cross_entropy")
def test_cross_entropy_with_one_hot_targets_is_log_loss(learner):
    rng = np.random.default_rng(15)
    probs = rng.dirichlet(np.ones(3), size=12)
    y = np.array([0, 1, 2] * 4)
    one_hot = np.eye(3)[y]
    got = np.asarray(learner.cross_entropy(one_hot, probs), dtype=float)
    expect_shape(got, (12,), "cross_entropy(one_hot, probs) for 12 rows and 3 classes")
    expect_close(got.mean(), log_loss(y, probs, labels=[0, 1, 2]),
                 "the mean of cross_entropy(one_hot_labels, predicted_probs) compared with "
                 "sklearn.metrics.log_loss (rtol 1e-9)", rtol=1e-9)


@pytest.mark.exercise("cross_entropy")
def test_cross_entropy_by_hand_and_zero_handling(learner):
    with np.errstate(all="ignore"):
        got = learner.cross_entropy(np.array([1.0, 0.0, 0.0]), np.array([0.7, 0.2, 0.1]))
        hard_zero = learner.cross_entropy(np.array([0.0, 1.0]), np.array([1.0, 0.0]))
        ignored = learner.cross_entropy(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    expect_close(got, -math.log(0.7), "cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]) = -ln 0.7 "
                 "(positive: check the minus sign)", rtol=1e-12)
    expect(np.isposinf(hard_zero), "cross_entropy([0, 1], [1, 0]) should be +inf (the model gives "
           f"probability 0 to the true class), got {show(hard_zero, 80)}")
    expect_close(ignored, 0.0, "cross_entropy([1, 0], [1, 0]) (terms with p = 0 add nothing, even "
                 "where q = 0)", atol=1e-15)


@pytest.mark.exercise("cross_entropy")
def test_cross_entropy_is_smallest_when_q_equals_p(learner):
    p = np.array([0.6, 0.3, 0.1])
    at_p = learner.cross_entropy(p, p)
    expect_close(at_p, st.entropy(p), "cross_entropy(p, p) (equals the entropy H(p))", rtol=1e-12)
    for q in (np.array([0.5, 0.3, 0.2]), np.array([0.7, 0.2, 0.1]), np.full(3, 1 / 3)):
        expect(learner.cross_entropy(p, q) > at_p,
               f"cross_entropy(p, q) for p = {p.tolist()} and q = {np.round(q, 3).tolist()} should "
               "exceed cross_entropy(p, p) = H(p), because KL(p || q) > 0")
    expect_raises(ValueError, lambda: learner.cross_entropy(p, np.array([0.5, 0.5])),
                  "cross_entropy with p of shape (3,) and q of shape (2,)")


# =============================================================================================
# 9. bayes_posterior
# =============================================================================================
_PRIOR = np.array([0.01, 0.99])
_TEST = np.array([[0.05, 0.95],    # sick:    P(negative), P(positive)
                  [0.90, 0.10]])   # healthy: P(negative), P(positive)


@pytest.mark.exercise("bayes_posterior")
def test_bayes_diagnostic_test(learner):
    got = learner.bayes_posterior(_PRIOR, _TEST, np.array([1]))
    what = "bayes_posterior for prevalence 1 %, sensitivity 95 %, specificity 90 %, one positive test"
    expect_shape(got, (2,), what)
    if np.allclose(got, [0.0095, 0.099], rtol=1e-6):
        raise Mismatch(f"{what}: got the unnormalised numerators prior * likelihood; divide by their "
                       "sum (the evidence) so the posterior sums to 1")
    p_sick = 0.01 * 0.95 / (0.01 * 0.95 + 0.99 * 0.10)
    expect_close(got, [p_sick, 1 - p_sick], f"{what} (P(sick | +) = 0.0095 / 0.1085)", rtol=1e-9)
    two = learner.bayes_posterior(_PRIOR, _TEST, np.array([1, 1]))
    p2 = 0.01 * 0.95 ** 2 / (0.01 * 0.95 ** 2 + 0.99 * 0.10 ** 2)
    expect_close(two, [p2, 1 - p2], "bayes_posterior after two independent positive tests", rtol=1e-9)


@pytest.mark.exercise("bayes_posterior")
def test_bayes_shapes_and_orientation(learner):
    prior = np.array([0.5, 0.3, 0.2])
    lik = np.array([[0.1, 0.2, 0.3, 0.4],
                    [0.25, 0.25, 0.25, 0.25],
                    [0.7, 0.1, 0.1, 0.1]])   # (K=3 hypotheses, M=4 observation values)
    obs = np.array([0, 3, 0, 2])
    got = learner.bayes_posterior(prior, lik, obs)
    what = "bayes_posterior(prior of shape (3,), likelihood of shape (3, 4), observations [0, 3, 0, 2])"
    expect_shape(got, (3,), what)
    unnorm = prior * lik[:, 0] * lik[:, 3] * lik[:, 0] * lik[:, 2]
    expect_close(got, unnorm / unnorm.sum(), f"{what} (likelihood[k, m] = P(obs = m | H = k))",
                 rtol=1e-9)
    empty = learner.bayes_posterior(prior, lik, np.array([], dtype=int))
    expect_close(empty, prior, "bayes_posterior with no observations (should return the prior)",
                 rtol=1e-12)


@pytest.mark.exercise("bayes_posterior")
def test_bayes_thousands_of_observations_do_not_underflow(learner):
    bias = np.array([0.48, 0.50, 0.52])
    prior = np.array([0.2, 0.5, 0.3])
    lik = np.stack([1 - bias, bias], axis=1)           # columns: tails (0), heads (1)
    obs = np.random.default_rng(16).permutation(np.r_[np.ones(2550, int), np.zeros(2450, int)])
    with np.errstate(all="ignore"):
        got = learner.bayes_posterior(prior, lik, obs)
    log_post = np.log(prior) + 2550 * np.log(bias) + 2450 * np.log(1 - bias)
    want = np.exp(log_post - logsumexp(log_post))
    what = "bayes_posterior for a coin's bias after 5000 flips (2550 heads)"
    got_arr = np.asarray(got, dtype=float)
    expect(got_arr.shape == (3,) and np.all(np.isfinite(got_arr)),
           f"{what} returned {show(got, 80)}: the product of 5000 likelihoods underflows to 0, "
           "so work with sums of log-likelihoods and subtract the maximum before exponentiating")
    expect_close(got, want, f"{what} (about [0.0001, 0.625, 0.375])", rtol=1e-6, atol=1e-12)


@pytest.mark.exercise("bayes_posterior")
def test_bayes_order_and_sequential_updates_agree(learner):
    rng = np.random.default_rng(17)
    prior = rng.dirichlet(np.ones(4))
    lik = rng.dirichlet(np.ones(3), size=4)
    obs = rng.integers(0, 3, size=30)
    full = learner.bayes_posterior(prior, lik, obs)
    shuffled = learner.bayes_posterior(prior, lik, obs[::-1])
    step = learner.bayes_posterior(learner.bayes_posterior(prior, lik, obs[:10]), lik, obs[10:])
    expect_close(np.sum(full), 1.0, "the posterior's sum (must be 1)", rtol=1e-12)
    expect_close(shuffled, full, "bayes_posterior with the observations reversed (independent "
                 "observations: the order must not matter)", rtol=1e-9)
    expect_close(step, full, "yesterday's posterior used as today's prior (updating in two steps "
                 "must equal one update with all the data)", rtol=1e-9)


@pytest.mark.exercise("bayes_posterior")
def test_bayes_zero_prior_and_impossible_data(learner):
    lik = np.array([[0.5, 0.5], [0.0, 1.0], [1.0, 0.0]])
    with np.errstate(all="ignore"):
        got = learner.bayes_posterior(np.array([0.0, 0.5, 0.5]), lik, np.array([1, 1]))
    expect_close(got, [0.0, 1.0, 0.0], "bayes_posterior with prior [0, .5, .5] and observations "
                 "[1, 1] (zero prior stays zero; hypothesis 2 cannot produce a 1)", atol=1e-12)
    with np.errstate(all="ignore"):
        expect_raises(ValueError,
                      lambda: learner.bayes_posterior(np.array([0.0, 0.5, 0.5]), lik, np.array([0, 1])),
                      "bayes_posterior when no hypothesis with prior mass can produce the data "
                      "(the evidence is 0)")


# =============================================================================================
# 10. sample_categorical
# =============================================================================================
@pytest.mark.exercise("sample_categorical")
def test_categorical_maps_each_uniform_to_its_interval(learner):
    u = [0.1, 0.5, 0.74, 0.75, 0.9, 0.0, 0.4999]
    got = learner.sample_categorical(np.array([2.0, 1.0, 1.0]), len(u), UniformOnly(script=u))
    what = (f"sample_categorical(weights [2, 1, 1]) with the uniforms {u} (cdf [0.5, 0.75, 1]: "
            "category k when cdf[k-1] <= u < cdf[k])")
    expect_shape(got, (7,), what)
    expect_close(got, [0, 1, 1, 2, 2, 0, 0], what, atol=0.0)


@pytest.mark.exercise("sample_categorical")
def test_categorical_zero_weights_and_u_just_below_one(learner):
    u = [0.0, 0.49, 0.5, 0.999]
    got = learner.sample_categorical(np.array([0.0, 1.0, 0.0, 1.0]), 4, UniformOnly(script=u))
    expect_close(got, [1, 1, 3, 3], f"sample_categorical(weights [0, 1, 0, 1]) with the uniforms {u} "
                 "(a weight-0 category must never be returned, even at u = 0 or u = 0.5)", atol=0.0)
    top = float(np.nextafter(1.0, 0.0))
    got = np.asarray(learner.sample_categorical(np.full(10, 0.1), 1, UniformOnly(script=[top])))
    expect(got.shape == (1,) and 0 <= int(got[0]) <= 9,
           f"sample_categorical(ten weights of 0.1) with u = 0.9999999999999999 returned "
           f"{show(got, 80)}: the rounded cumulative sum of the normalised weights is also "
           "0.9999999999999999, so make sure the last category catches every u < 1")
    expect_close(got, [9], "sample_categorical(ten weights of 0.1) with u just below 1 (the last "
                 "category)", atol=0.0)


@pytest.mark.exercise("sample_categorical")
def test_categorical_frequencies_match_the_normalised_weights(learner):
    weights = np.array([10.0, 6.0, 3.0, 1.0])
    n = 20_000
    with forbid(learner, "numpy.random.choice", reason="sample by inverse transform"):
        got = np.asarray(learner.sample_categorical(weights, n, UniformOnly(seed=18)))
    expect(got.shape == (n,), f"sample_categorical(weights, size={n}) should have shape ({n},), got "
           f"{show(got, 80)}")
    counts = np.bincount(got.astype(int), minlength=4)[:4]
    expected = weights / weights.sum() * n
    p_value = st.chisquare(counts, expected).pvalue
    expect(counts.sum() == n and p_value > 1e-3,
           f"sample_categorical(weights [10, 6, 3, 1], size={n}) gave the counts {counts.tolist()}, "
           f"expected about {expected.astype(int).tolist()} (chi-squared p-value {p_value:.2g}); "
           "did you normalise the weights?")


@pytest.mark.exercise("sample_categorical")
def test_categorical_dtype_size_and_validation(learner):
    got = learner.sample_categorical(np.array([0.2, 0.8]), 5, UniformOnly(seed=19))
    expect_shape(got, (5,), "sample_categorical(probs, size=5)")
    expect(np.issubdtype(np.asarray(got).dtype, np.integer),
           f"sample_categorical should return integer categories, got dtype {np.asarray(got).dtype}")
    empty = learner.sample_categorical(np.array([0.2, 0.8]), 0, UniformOnly(seed=19))
    expect_shape(empty, (0,), "sample_categorical(probs, size=0)")
    for bad, label in ((np.array([0.5, -0.5, 1.0]), "a negative weight"),
                       (np.array([0.0, 0.0]), "weights that sum to 0"),
                       (np.array([]), "no categories")):
        expect_raises(ValueError, lambda bad=bad: learner.sample_categorical(bad, 3, UniformOnly(seed=0)),
                      f"sample_categorical with {label}")


# =============================================================================================
# 11. sample_exponential
# =============================================================================================
@pytest.mark.exercise("sample_exponential")
def test_exponential_passes_a_ks_test(learner):
    rate, n = 2.5, 4000
    with forbid(learner, "numpy.random.exponential", reason="sample by inverse transform"):
        x = np.asarray(learner.sample_exponential(rate, n, UniformOnly(seed=20)), dtype=float)
    expect(x.shape == (n,), f"sample_exponential(rate=2.5, size={n}) should have shape ({n},), got "
           f"{show(x, 80)}")
    result = st.kstest(x, st.expon(scale=1 / rate).cdf)
    expect(result.pvalue > 0.01,
           f"a Kolmogorov-Smirnov test rejects your samples as Exponential(rate=2.5), mean 0.4: "
           f"KS statistic {result.statistic:.3f}, p-value {result.pvalue:.2g}, your sample mean "
           f"{x.mean():.3f} (is the rate used as a rate, mean 1/rate, and not as the scale?)")


@pytest.mark.exercise("sample_exponential")
def test_exponential_is_the_inverse_cdf_of_each_uniform(learner):
    u = [0.0, 0.5, 0.75, 0.9, 0.99]
    got = learner.sample_exponential(2.0, 5, UniformOnly(script=u))
    want = -np.log1p(-np.array(u)) / 2.0
    expect_close(got, want, f"sample_exponential(rate=2) with the uniforms {u} (each sample must be "
                 "F^-1(u) = -ln(1 - u) / rate: u = 0.5 gives the median ln 2 / 2)", rtol=1e-12,
                 atol=1e-15)


@pytest.mark.exercise("sample_exponential")
def test_exponential_moments(learner):
    x = np.asarray(learner.sample_exponential(0.5, 200_000, UniformOnly(seed=21)), dtype=float)
    expect(np.all(x >= 0), "sample_exponential returned a negative sample; Exponential samples "
           "are >= 0")
    expect_close(x.mean(), 2.0, "the mean of 200,000 samples of sample_exponential(rate=0.5) "
                 "(should be close to 1 / rate = 2, within 1 %)", rtol=0.01)
    expect_close(x.var(), 4.0, "the variance of 200,000 samples of sample_exponential(rate=0.5) "
                 "(should be close to 1 / rate^2 = 4, within 3 %)", rtol=0.03)


@pytest.mark.exercise("sample_exponential")
def test_exponential_validation_and_empty(learner):
    expect_raises(ValueError, lambda: learner.sample_exponential(0.0, 3, UniformOnly(seed=0)),
                  "sample_exponential(rate=0)")
    expect_raises(ValueError, lambda: learner.sample_exponential(-1.0, 3, UniformOnly(seed=0)),
                  "sample_exponential(rate=-1)")
    empty = learner.sample_exponential(1.0, 0, UniformOnly(seed=0))
    expect_shape(empty, (0,), "sample_exponential(rate=1, size=0)")


# =============================================================================================
# 12. monte_carlo_integral
# =============================================================================================
def _pair(result: Any, what: str) -> tuple[float, float]:
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{what} should return a tuple (estimate, std_error), got {show(result, 80)}")
    est, se = result
    expect(isinstance(est, float) and isinstance(se, float),
           f"{what} should return two Python floats, got {type(est).__name__} and {type(se).__name__}")
    return est, se


@pytest.mark.exercise("monte_carlo_integral")
def test_mc_estimate_and_error_bar_for_x_squared(learner):
    n = 20_000
    what = "monte_carlo_integral(x ** 2, a=0, b=3, n=20000)"
    est, se = _pair(learner.monte_carlo_integral(lambda x: x ** 2, 0.0, 3.0, n, np.random.default_rng(22)),
                    what)
    # Y = 3 U^2 with U ~ Uniform(0, 3): Var(Y) = 9 (E[U^4] - E[U^2]^2) = 9 (81/5 - 9) = 64.8.
    true_se = math.sqrt(64.8 / n)
    if abs(se - math.sqrt(64.8)) < 0.1 * math.sqrt(64.8):
        raise Mismatch(f"{what}: std_error {se:.4g} is the standard deviation of one sample; the "
                       f"standard error of the mean divides it by sqrt(n) (expected about {true_se:.4g})")
    expect_close(se, true_se, f"the std_error of {what} (should be close to sqrt(Var((b-a) f(U)) / n) "
                 f"= {true_se:.4g}, within 5 %)", rtol=0.05)
    expect(abs(est - 9.0) < 4 * true_se,
           f"{what} estimated {est:.5g}; the exact integral is 9 and the error should be within "
           f"4 standard errors ({4 * true_se:.3g}); did you multiply the mean of f by (b - a)?")


@pytest.mark.exercise("monte_carlo_integral")
def test_mc_constant_function_is_exact(learner):
    est, se = _pair(learner.monte_carlo_integral(lambda x: np.full_like(x, 2.0), -1.0, 4.0, 100,
                                                 np.random.default_rng(23)),
                    "monte_carlo_integral(f(x) = 2, a=-1, b=4, n=100)")
    expect_close(est, 10.0, "monte_carlo_integral of the constant 2 over [-1, 4] (exactly 2 * 5 = 10)",
                 rtol=1e-12)
    expect_close(se, 0.0, "the std_error for a constant function (every sample is the same)",
                 atol=1e-12)


@pytest.mark.exercise("monte_carlo_integral")
def test_mc_interval_covers_the_truth_about_95_percent(learner):
    truth = 1.0 - math.cos(1.0)     # integral of sin on [0, 1]
    rng = np.random.default_rng(24)
    hits = 0
    runs = 300
    for _ in range(runs):
        est, se = learner.monte_carlo_integral(np.sin, 0.0, 1.0, 200, rng)
        hits += abs(est - truth) <= 1.96 * se
    rate = hits / runs
    expect(0.88 <= rate < 0.995,
           f"over {runs} runs of monte_carlo_integral(sin, 0, 1, n=200) the interval "
           f"estimate +- 1.96 std_error covered the exact value {truth:.5f} in {rate:.0%} of runs; "
           "a correct 95 % interval covers it about 95 % of the time")


@pytest.mark.exercise("monte_carlo_integral")
def test_mc_uses_the_given_generator_and_validates(learner):
    f = lambda x: np.exp(-x ** 2)  # noqa: E731
    a1 = learner.monte_carlo_integral(f, 0.0, 2.0, 500, np.random.default_rng(25))
    a2 = learner.monte_carlo_integral(f, 0.0, 2.0, 500, np.random.default_rng(25))
    b1 = learner.monte_carlo_integral(f, 0.0, 2.0, 500, np.random.default_rng(26))
    expect(a1 == a2, "two calls with generators seeded alike should give the same result")
    expect(a1 != b1, "generators with different seeds gave identical results: draw the uniforms "
           "from the rng argument instead of creating your own generator")
    expect_raises(ValueError, lambda: learner.monte_carlo_integral(f, 0.0, 1.0, 1, np.random.default_rng(0)),
                  "monte_carlo_integral with n=1 (no standard error from one sample)")
    expect_raises(ValueError, lambda: learner.monte_carlo_integral(f, 1.0, 1.0, 10, np.random.default_rng(0)),
                  "monte_carlo_integral with a = b = 1")


# =============================================================================================
# 13. multivariate_normal_logpdf
# =============================================================================================
def _spd(seed: int, d: int) -> np.ndarray:
    A = np.random.default_rng(seed).normal(size=(d, d))
    return A @ A.T + 0.5 * np.eye(d)


@pytest.mark.exercise("multivariate_normal_logpdf")
def test_mvn_matches_scipy(learner):
    rng = np.random.default_rng(27)
    cov, mean = _spd(28, 3), rng.normal(size=3)
    X = rng.normal(size=(6, 3)) * 2
    with forbid(learner, "scipy.stats.multivariate_normal",
                        reason="write the log-density yourself"):
        got = learner.multivariate_normal_logpdf(X, mean, cov)
    what = "multivariate_normal_logpdf(X, mean, cov) for X of shape (6, 3) and a correlated cov"
    expect_shape(got, (6,), what)
    expect_close(got, st.multivariate_normal(mean, cov).logpdf(X),
                 f"{what} compared with scipy.stats.multivariate_normal.logpdf (rtol 1e-9)", rtol=1e-9)


@pytest.mark.exercise("multivariate_normal_logpdf")
def test_mvn_in_one_dimension_is_the_normal(learner):
    x = np.array([[-1.0], [2.0], [3.5], [10.0]])
    got = learner.multivariate_normal_logpdf(x, np.array([2.0]), np.array([[4.0]]))
    expect_shape(got, (4,), "multivariate_normal_logpdf for X of shape (4, 1)")
    expect_close(got, st.norm.logpdf(x[:, 0], loc=2.0, scale=2.0),
                 "multivariate_normal_logpdf with d=1, mean [2], cov [[4]] (a Normal with "
                 "variance 4, standard deviation 2)", rtol=1e-12)


@pytest.mark.exercise("multivariate_normal_logpdf")
def test_mvn_correlated_point_by_hand(learner):
    cov = np.array([[2.0, 1.2], [1.2, 1.0]])
    got = learner.multivariate_normal_logpdf(np.array([[1.0, -1.0]]), np.zeros(2), cov)
    det = 2.0 * 1.0 - 1.2 ** 2                          # 0.56
    adjugate = np.array([[1.0, -1.2], [-1.2, 2.0]])     # cov^-1 = adjugate / det
    x = np.array([1.0, -1.0])
    quad = float(x @ adjugate @ x) / det                # 5.4 / 0.56
    want = -0.5 * (2 * math.log(2 * math.pi) + math.log(det) + quad)
    expect_close(got, [want], "multivariate_normal_logpdf at x = (1, -1), mean 0, cov "
                 "[[2, 1.2], [1.2, 1]] (uses the INVERSE covariance in the quadratic form and "
                 "log det cov = ln 0.56)", rtol=1e-12)


@pytest.mark.exercise("multivariate_normal_logpdf")
def test_mvn_high_dimension_does_not_underflow(learner):
    d = 200
    cov = 0.01 * np.eye(d) + 0.002 * np.ones((d, d))   # det is about 1e-399: underflows to 0
    X = np.random.default_rng(29).normal(scale=0.1, size=(3, d))
    with np.errstate(all="ignore"):
        got = learner.multivariate_normal_logpdf(X, np.zeros(d), cov)
    got_arr = np.asarray(got, dtype=float)
    expect(got_arr.shape == (3,) and np.all(np.isfinite(got_arr)),
           f"multivariate_normal_logpdf in d=200 returned {show(got, 80)}: det(cov) is about 1e-399 "
           "and underflows to 0; get log det from the Cholesky diagonal (or np.linalg.slogdet)")
    expect_close(got, st.multivariate_normal(np.zeros(d), cov).logpdf(X),
                 "multivariate_normal_logpdf in d=200 compared with scipy (rtol 1e-8)", rtol=1e-8)


@pytest.mark.exercise("multivariate_normal_logpdf")
def test_mvn_rejects_bad_covariances(learner):
    X = np.zeros((2, 2))
    expect_raises(ValueError, lambda: learner.multivariate_normal_logpdf(X, np.zeros(2),
                                                                         np.array([[1.0, 2.0], [2.0, 1.0]])),
                  "multivariate_normal_logpdf with cov [[1, 2], [2, 1]] (eigenvalue -1: not positive "
                  "definite)")
    expect_raises(ValueError, lambda: learner.multivariate_normal_logpdf(X, np.zeros(2),
                                                                         np.array([[1.0, 0.5], [0.0, 1.0]])),
                  "multivariate_normal_logpdf with the non-symmetric cov [[1, 0.5], [0, 1]]")
    expect_raises(ValueError, lambda: learner.multivariate_normal_logpdf(X, np.zeros(3), np.eye(3)),
                  "multivariate_normal_logpdf with X of shape (2, 2) but mean of shape (3,)")
    one = learner.multivariate_normal_logpdf(np.array([[0.0, 0.0]]), np.zeros(2), np.eye(2))
    expect_close(one, [-math.log(2 * math.pi)], "multivariate_normal_logpdf at the mean of N(0, I_2) "
                 "(one row: shape (1,), value -ln(2 pi))", rtol=1e-12)
