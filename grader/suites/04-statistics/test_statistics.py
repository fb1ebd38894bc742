"""Hidden suite of module 04 - Statistics.

Every test is tied to one exercise of ``04-statistics/exercises.py`` through
``@pytest.mark.exercise``. References come from SciPy / NumPy where a library routine exists
(``ttest_ind``, ``chi2_contingency``, ``false_discovery_control``, ``linregress``, ...) and from
small closed-form computations otherwise. Where a plausible mistake is common (n vs n - 1, a
one-tailed p-value, the Yates correction, a scale instead of a rate, ...), the failure message
names it.
"""
from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from scipy import stats
from scipy.stats import _distn_infrastructure as _dist

from grader.testing import (
    ForbiddenCall,
    Mismatch,
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
    show,
)

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def diagnose(got: Any, expected: Any, what: str, wrong: dict[str, Any], *, rtol: float = 1e-6,
             atol: float = 1e-10) -> None:
    """Like expect_close, but when ``got`` matches a known wrong variant, say which mistake it is."""
    try:
        expect_close(got, expected, what, rtol=rtol, atol=atol)
    except Mismatch as err:
        for mistake, value in wrong.items():
            try:
                same = np.allclose(np.asarray(got, dtype=float), np.asarray(value, dtype=float),
                                   rtol=rtol, atol=atol, equal_nan=True)
            except (TypeError, ValueError):
                same = False
            if same:
                raise Mismatch(f"{err} - that is the value you get when {mistake}") from None
        raise


@contextlib.contextmanager
def forbid_scipy_methods(*names: str, reason: str) -> Iterator[None]:
    """Block scipy.stats distribution methods (``logpdf``, ``fit``, ``interval``, ...).

    ``grader.testing.forbid`` patches module attributes; these are methods of the distribution
    classes, so they are patched on every class of the hierarchy that defines them.
    """
    classes = [_dist.rv_generic, _dist.rv_continuous, _dist.rv_discrete, _dist.rv_frozen,
               _dist.rv_continuous_frozen, _dist.rv_discrete_frozen,
               type(stats.norm), type(stats.expon), type(stats.poisson), type(stats.t)]
    patched: list[tuple[type, str, Any]] = []
    try:
        for cls in classes:
            for name in names:
                if name in vars(cls):
                    original = vars(cls)[name]

                    def blocked(*_args: Any, _name: str = name, **_kwargs: Any) -> Any:
                        raise ForbiddenCall(f"this exercise asks you to {reason}: do not call scipy's .{_name}()")

                    patched.append((cls, name, original))
                    setattr(cls, name, blocked)
        yield
    finally:
        for cls, name, original in reversed(patched):
            setattr(cls, name, original)


def as_pair(got: Any, what: str) -> tuple[float, float]:
    """Check that ``got`` is a (low, high) pair of numbers and return it as floats."""
    expect(isinstance(got, (tuple, list)) and len(got) == 2,
           f"{what}: expected a tuple (low, high), got {show(got, 80)}")
    try:
        low, high = float(got[0]), float(got[1])
    except (TypeError, ValueError):
        raise Mismatch(f"{what}: expected two numbers (low, high), got {show(got, 80)}") from None
    return low, high


def as_tuple(got: Any, size: int, what: str) -> tuple:
    expect(isinstance(got, (tuple, list)) and len(got) == size,
           f"{what}: expected a tuple of {size} values, got {show(got, 80)}")
    return tuple(got)


# ---------------------------------------------------------------------------------------------
# 1. percentile
# ---------------------------------------------------------------------------------------------


@pytest.mark.exercise("percentile")
def test_percentile_matches_numpy_on_unsorted_data(learner):
    rng = np.random.default_rng(1)
    x = rng.normal(size=37)  # unsorted, odd length
    q = np.array([0.0, 2.5, 10.0, 25.0, 33.3, 50.0, 75.0, 90.0, 97.5, 100.0])
    want = np.percentile(x, q)
    with forbid(learner, "numpy.percentile", "numpy.quantile", "numpy.nanpercentile", "numpy.nanquantile",
                reason="compute the percentile yourself"):
        got = learner.percentile(x, q)
    expect_shape(got, (10,), "percentile(x, q) for q of shape (10,)")
    expect_close(got, want, "percentile(x, q) on 37 unsorted values (compared with np.percentile)", rtol=1e-9)


@pytest.mark.exercise("percentile")
def test_percentile_uses_linear_interpolation_between_order_statistics(learner):
    x = np.array([50.0, 15.0, 40.0, 20.0, 35.0])  # sorted: 15 20 35 40 50
    with forbid(learner, "numpy.percentile", "numpy.quantile", reason="compute the percentile yourself"):
        got = learner.percentile(x, 40.0)
    diagnose(got, 29.0, "percentile([50, 15, 40, 20, 35], 40) (position h = (5 - 1) * 0.4 = 1.6 -> 20 + 0.6 * 15)",
             {"you used the position (n + 1) * q / 100 instead of (n - 1) * q / 100": 26.0,
              "you took a nearest-rank value instead of interpolating": 20.0,
              "you rounded the position up instead of interpolating": 35.0,
              "you forgot to sort the data first": 15.0 + 0.6 * (40.0 - 15.0)})
    with forbid(learner, "numpy.percentile", "numpy.quantile", reason="compute the percentile yourself"):
        median_even = learner.percentile(np.array([4.0, 1.0, 3.0, 2.0]), 50.0)
    expect_close(median_even, 2.5, "percentile([4, 1, 3, 2], 50) (the median of an even-length sample)")


@pytest.mark.exercise("percentile")
def test_percentile_scalar_q_gives_a_float_and_extremes_are_min_and_max(learner):
    x = np.array([3.0, -1.0, 7.0, 2.0])
    got = learner.percentile(x, 0)
    expect_type(got, (float, np.floating), "percentile(x, 0) with a scalar q")
    expect_close(got, -1.0, "percentile(x, 0) (the minimum)")
    expect_close(learner.percentile(x, 100), 7.0, "percentile(x, 100) (the maximum; careful not to index past the end)")
    expect_close(learner.percentile(np.array([5.0]), 30.0), 5.0, "percentile of a single value [5.0] at q = 30")
    expect_close(learner.percentile(np.array([2.0, 2.0, 2.0]), 75.0), 2.0, "percentile of [2, 2, 2] at q = 75 (ties)")


@pytest.mark.exercise("percentile")
def test_percentile_rejects_bad_input(learner):
    expect_raises(ValueError, lambda: learner.percentile(np.array([]), 50.0), "percentile of an empty array")
    expect_raises(ValueError, lambda: learner.percentile(np.array([1.0, np.nan]), 50.0), "percentile of data with a NaN")
    expect_raises(ValueError, lambda: learner.percentile(np.array([1.0, 2.0]), 101.0), "percentile with q = 101")
    expect_raises(ValueError, lambda: learner.percentile(np.array([1.0, 2.0]), -5.0), "percentile with q = -5")


# ---------------------------------------------------------------------------------------------
# 2. describe
# ---------------------------------------------------------------------------------------------

DESCRIBE_KEYS = {"n", "mean", "std", "min", "q1", "median", "q3", "max", "iqr", "mode", "skewness"}


def _describe_reference(x: np.ndarray) -> dict[str, float]:
    v = x[~np.isnan(x)]
    q1, med, q3 = np.percentile(v, [25, 50, 75])
    return {
        "n": v.size, "mean": v.mean(), "std": v.std(ddof=1), "min": v.min(), "q1": q1, "median": med,
        "q3": q3, "max": v.max(), "iqr": q3 - q1, "mode": float(stats.mode(v, keepdims=False).mode),
        "skewness": float(stats.skew(v)),
    }


@pytest.mark.exercise("describe")
def test_describe_matches_numpy_and_scipy(learner):
    rng = np.random.default_rng(2)
    x = rng.poisson(4.0, size=60).astype(float) + rng.exponential(1.0, size=60).round(0)  # skewed, many ties
    want = _describe_reference(x)
    with forbid(learner, "scipy.stats.skew", "scipy.stats.mode", "scipy.stats.describe",
                reason="compute the statistics yourself"):
        got = learner.describe(x)
    expect(isinstance(got, dict), f"describe(x) must return a dict, got {type(got).__name__}")
    missing = DESCRIBE_KEYS - set(got)
    expect(not missing, f"describe(x) is missing the keys {sorted(missing)}")
    for key in ["n", "mean", "min", "max", "q1", "median", "q3", "iqr", "mode"]:
        expect_close(got[key], want[key], f"describe(x)['{key}'] on 60 skewed integer values", rtol=1e-9)
    diagnose(got["skewness"], want["skewness"], "describe(x)['skewness'] on 60 skewed integer values", {
        "you used the adjusted (bias-corrected) skewness; the exercise asks for m3 / m2**1.5":
            stats.skew(x, bias=False),
        "you standardised with the n - 1 standard deviation; m2 divides by n":
            ((x - x.mean()) ** 3).mean() / x.std(ddof=1) ** 3}, rtol=1e-9)
    diagnose(got["std"], want["std"], "describe(x)['std'] on 60 values",
             {"you divided by n instead of n - 1 (use the sample standard deviation)": x.std(ddof=0),
              "you returned the variance instead of the standard deviation": x.var(ddof=1)}, rtol=1e-9)


@pytest.mark.exercise("describe")
def test_describe_drops_nan_and_uses_the_right_denominators(learner):
    x = np.array([2.0, 4.0, 4.0, 5.0, np.nan, 7.0, 9.0])
    got = learner.describe(x)
    expect_equal(int(got["n"]), 6, "describe([2, 4, 4, 5, nan, 7, 9])['n'] (NaN values are not counted)")
    expect_close(got["mean"], 31.0 / 6.0, "describe([2, 4, 4, 5, nan, 7, 9])['mean'] (NaN values dropped)")
    diagnose(got["std"], 2.48327740429189, "describe([2, 4, 4, 5, nan, 7, 9])['std']",
             {"you divided by n instead of n - 1": np.array([2, 4, 4, 5, 7, 9.0]).std()}, rtol=1e-9)
    diagnose(got["skewness"], 0.39423400276597653, "describe([2, 4, 4, 5, nan, 7, 9])['skewness']",
             {"you used n - 1 moments or the adjusted (bias-corrected) skewness instead of m3 / m2**1.5":
              stats.skew(np.array([2, 4, 4, 5, 7, 9.0]), bias=False)}, rtol=1e-9)
    expect_close(got["median"], 4.5, "describe([2, 4, 4, 5, nan, 7, 9])['median']")
    expect_close(got["mode"], 4.0, "describe([2, 4, 4, 5, nan, 7, 9])['mode']")


@pytest.mark.exercise("describe")
def test_describe_mode_ties_and_tiny_samples(learner):
    got = learner.describe(np.array([3.0, 1.0, 3.0, 1.0, 2.0]))
    expect_close(got["mode"], 1.0, "describe([3, 1, 3, 1, 2])['mode'] (1 and 3 tie: the smallest wins)")
    one = learner.describe(np.array([np.nan, 4.0]))
    expect_equal(int(one["n"]), 1, "describe([nan, 4])['n']")
    expect_close(one["mean"], 4.0, "describe([nan, 4])['mean']")
    expect_close(one["std"], float("nan"), "describe([nan, 4])['std'] (undefined for one value: nan)")
    expect_close(one["iqr"], 0.0, "describe([nan, 4])['iqr']")
    flat = learner.describe(np.array([5.0, 5.0, 5.0]))
    expect_close(flat["std"], 0.0, "describe([5, 5, 5])['std']")
    expect_close(flat["skewness"], float("nan"), "describe([5, 5, 5])['skewness'] (m2 = 0: nan)")


@pytest.mark.exercise("describe")
def test_describe_rejects_no_data(learner):
    expect_raises(ValueError, lambda: learner.describe(np.array([])), "describe of an empty array")
    expect_raises(ValueError, lambda: learner.describe(np.array([np.nan, np.nan])), "describe of [nan, nan]")


# ---------------------------------------------------------------------------------------------
# 3. t_confidence_interval
# ---------------------------------------------------------------------------------------------


def _t_variants(x: np.ndarray, c: float) -> tuple[tuple[float, float], dict[str, tuple[float, float]]]:
    n, m = x.size, x.mean()
    se = x.std(ddof=1) / math.sqrt(n)
    want = stats.t.interval(c, n - 1, loc=m, scale=se)
    tq = stats.t.ppf((1 + c) / 2, n - 1)
    wrong = {
        "you used the normal quantile instead of Student's t with n - 1 degrees of freedom":
            stats.norm.interval(c, loc=m, scale=se),
        "you used t with n degrees of freedom instead of n - 1": stats.t.interval(c, n, loc=m, scale=se),
        "you used the one-sided quantile t_{confidence} instead of t_{(1 + confidence) / 2}":
            (m - stats.t.ppf(c, n - 1) * se, m + stats.t.ppf(c, n - 1) * se),
        "you used the standard deviation with n instead of n - 1":
            (m - tq * x.std() / math.sqrt(n), m + tq * x.std() / math.sqrt(n)),
        "you forgot to divide the standard deviation by sqrt(n)":
            (m - tq * x.std(ddof=1), m + tq * x.std(ddof=1)),
    }
    return want, wrong


@pytest.mark.exercise("t_confidence_interval")
def test_t_interval_matches_scipy(learner):
    rng = np.random.default_rng(3)
    for n, c in [(5, 0.95), (12, 0.90), (40, 0.99)]:
        x = rng.normal(10.0, 3.0, size=n)
        want, wrong = _t_variants(x, c)
        with forbid_scipy_methods("interval", reason="build the interval from the t quantile"):
            got = as_pair(learner.t_confidence_interval(x, confidence=c), "t_confidence_interval")
        diagnose(got, want, f"t_confidence_interval(x, {c}) for n = {n} normal values", wrong, rtol=1e-8)


@pytest.mark.exercise("t_confidence_interval")
def test_t_interval_small_sample_is_wider_than_a_z_interval(learner):
    x = np.array([4.0, 5.0, 6.0, 7.0, 8.0])
    want, wrong = _t_variants(x, 0.95)
    got = as_pair(learner.t_confidence_interval(x), "t_confidence_interval([4, 5, 6, 7, 8])")
    diagnose(got, want, "t_confidence_interval([4, 5, 6, 7, 8]) (6 +/- 2.776 * 0.7071)", wrong, rtol=1e-8)


@pytest.mark.exercise("t_confidence_interval")
def test_t_interval_moves_with_shift_and_scale(learner):
    rng = np.random.default_rng(4)
    x = rng.normal(size=15)
    low, high = as_pair(learner.t_confidence_interval(x, 0.95), "t_confidence_interval(x)")
    expect_close((low + high) / 2, x.mean(), "the centre of the interval (should be the sample mean)")
    low2, high2 = as_pair(learner.t_confidence_interval(3.0 * x + 100.0, 0.95), "t_confidence_interval(3x + 100)")
    expect_close((low2, high2), (3 * low + 100, 3 * high + 100),
                 "the interval of 3x + 100 (should be 3 * interval + 100)", rtol=1e-9)
    l80, h80 = as_pair(learner.t_confidence_interval(x, 0.80), "t_confidence_interval(x, 0.80)")
    expect(low < l80 and h80 < high, "an 80% interval must lie strictly inside the 95% interval of the same data, "
           f"got 80%: ({l80:.4g}, {h80:.4g}) and 95%: ({low:.4g}, {high:.4g})")


@pytest.mark.exercise("t_confidence_interval")
def test_t_interval_rejects_bad_input(learner):
    expect_raises(ValueError, lambda: learner.t_confidence_interval(np.array([1.0])), "t_confidence_interval of one value")
    expect_raises(ValueError, lambda: learner.t_confidence_interval(np.array([1.0, 2.0, 3.0]), 1.0),
                  "t_confidence_interval with confidence = 1.0")
    expect_raises(ValueError, lambda: learner.t_confidence_interval(np.array([1.0, 2.0, 3.0]), 0.0),
                  "t_confidence_interval with confidence = 0.0")


# ---------------------------------------------------------------------------------------------
# 4. welch_t_test
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def welch_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    return rng.normal(0.0, 1.0, size=8), rng.normal(1.2, 3.0, size=30)


def _welch_wrong(a: np.ndarray, b: np.ndarray) -> dict[str, tuple]:
    student = stats.ttest_ind(a, b, equal_var=True)
    welch = stats.ttest_ind(a, b, equal_var=False)
    return {
        "you pooled the variances (that is Student's t-test, not Welch's)":
            (student.statistic, len(a) + len(b) - 2, student.pvalue),
        "you used df = n_a + n_b - 2 instead of the Welch-Satterthwaite df":
            (welch.statistic, len(a) + len(b) - 2, 2 * stats.t.sf(abs(welch.statistic), len(a) + len(b) - 2)),
        "you returned a one-tailed p-value (a two-sided test counts both tails: multiply by 2)":
            (welch.statistic, welch.df, welch.pvalue / 2),
        "you computed mean(b) - mean(a) instead of mean(a) - mean(b)": (-welch.statistic, welch.df, welch.pvalue),
    }


@pytest.mark.exercise("welch_t_test")
def test_welch_matches_scipy_two_sided(learner, welch_data):
    a, b = welch_data
    ref = stats.ttest_ind(a, b, equal_var=False)
    with forbid(learner, "scipy.stats.ttest_ind", "scipy.stats.ttest_ind_from_stats",
                reason="compute the Welch statistic yourself"):
        got = as_tuple(learner.welch_t_test(a, b), 3, "welch_t_test(a, b)")
    diagnose(got, (ref.statistic, ref.df, ref.pvalue),
             "welch_t_test(a, b) = (t, df, p) for n_a = 8 (sd 1) and n_b = 30 (sd 3), against "
             "scipy.stats.ttest_ind(equal_var=False)", _welch_wrong(a, b), rtol=1e-8)


@pytest.mark.exercise("welch_t_test")
def test_welch_is_not_students_t_test(learner):
    # Unequal sizes and variances make the pooled and the Welch answers differ clearly.
    a = np.array([2.1, 2.5, 1.9, 2.8, 2.2, 2.4])
    b = np.array([3.5, 0.1, 6.2, 1.0, 4.8, 2.9, 7.7, 0.4, 5.5, 3.1, 8.9, 0.2])
    ref = stats.ttest_ind(a, b, equal_var=False)
    got = as_tuple(learner.welch_t_test(a, b), 3, "welch_t_test(a, b)")
    diagnose(got, (ref.statistic, ref.df, ref.pvalue),
             "welch_t_test(a, b) for 6 tightly clustered values against 12 spread-out ones", _welch_wrong(a, b), rtol=1e-8)


@pytest.mark.exercise("welch_t_test")
def test_welch_one_sided_alternatives(learner, welch_data):
    a, b = welch_data
    for alt in ("less", "greater"):
        ref = stats.ttest_ind(a, b, equal_var=False, alternative=alt)
        got = as_tuple(learner.welch_t_test(a, b, alternative=alt), 3, f"welch_t_test(a, b, '{alt}')")
        expect_close(got[2], ref.pvalue, f"the p-value of welch_t_test(a, b, alternative='{alt}') "
                     f"(H1: mean(a) {'<' if alt == 'less' else '>'} mean(b))", rtol=1e-8)
    t_ab, df_ab, p_ab = as_tuple(learner.welch_t_test(a, b), 3, "welch_t_test(a, b)")
    t_ba, df_ba, p_ba = as_tuple(learner.welch_t_test(b, a), 3, "welch_t_test(b, a)")
    expect_close(t_ba, -t_ab, "t of welch_t_test(b, a) (swapping the samples flips the sign of t)", rtol=1e-9)
    expect_close((df_ba, p_ba), (df_ab, p_ab), "(df, p) of welch_t_test(b, a) (swapping samples keeps them)", rtol=1e-9)


@pytest.mark.exercise("welch_t_test")
def test_welch_rejects_bad_input(learner):
    expect_raises(ValueError, lambda: learner.welch_t_test(np.array([1.0]), np.array([1.0, 2.0, 3.0])),
                  "welch_t_test with a one-value sample")
    expect_raises(ValueError, lambda: learner.welch_t_test(np.array([2.0, 2.0]), np.array([5.0, 5.0, 5.0])),
                  "welch_t_test of two constant samples (zero variance)")
    expect_raises(ValueError, lambda: learner.welch_t_test(np.array([1.0, 2.0]), np.array([3.0, 4.0]), "bigger"),
                  "welch_t_test with alternative='bigger'")


# ---------------------------------------------------------------------------------------------
# 5. two_proportion_z_test
# ---------------------------------------------------------------------------------------------


def _z_wrong(sa: int, na: int, sb: int, nb: int) -> dict[str, tuple]:
    pa, pb = sa / na, sb / nb
    pool = (sa + sb) / (na + nb)
    se = math.sqrt(pool * (1 - pool) * (1 / na + 1 / nb))
    se_unpooled = math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    z = (pb - pa) / se
    zu = (pb - pa) / se_unpooled
    return {
        "you used the unpooled standard error sqrt(p_a(1-p_a)/n_a + p_b(1-p_b)/n_b); under H0 the rates are "
        "equal, so pool them": (zu, 2 * stats.norm.sf(abs(zu))),
        "you returned a one-tailed p-value for a two-sided test": (z, stats.norm.sf(abs(z))),
        "you computed p_a - p_b instead of p_b - p_a (B is the variant)": (-z, 2 * stats.norm.sf(abs(z))),
        "you used the t distribution or forgot the factor 2 somewhere": (z, 2 * stats.norm.sf(abs(z)) / 2),
    }


@pytest.mark.exercise("two_proportion_z_test")
def test_z_test_squared_equals_the_chi2_test_on_the_2x2_table(learner):
    for sa, na, sb, nb in [(100, 1000, 130, 1000), (48, 500, 420, 3000), (7, 40, 2, 45)]:
        table = np.array([[sa, na - sa], [sb, nb - sb]])
        chi2, p_ref, _, _ = stats.chi2_contingency(table, correction=False)
        pool = (sa + sb) / (na + nb)
        z_ref = (sb / nb - sa / na) / math.sqrt(pool * (1 - pool) * (1 / na + 1 / nb))
        got = as_tuple(learner.two_proportion_z_test(sa, na, sb, nb), 2, "two_proportion_z_test")
        diagnose(got, (z_ref, p_ref), f"two_proportion_z_test({sa}, {na}, {sb}, {nb}) = (z, p) "
                 "(z**2 must equal the uncorrected chi-squared statistic of the 2x2 table)",
                 _z_wrong(sa, na, sb, nb), rtol=1e-8)
        expect_close(got[0] ** 2, chi2, f"z**2 for ({sa}, {na}, {sb}, {nb}) vs the chi-squared statistic", rtol=1e-8)


@pytest.mark.exercise("two_proportion_z_test")
def test_z_test_sign_and_one_sided_alternatives(learner):
    z, p = as_tuple(learner.two_proportion_z_test(200, 2000, 245, 2000), 2, "two_proportion_z_test(200, 2000, 245, 2000)")
    expect(z > 0, f"B converts better (12.25% vs 10%), so z must be positive; got z = {z:.4g}")
    z_swap, p_swap = as_tuple(learner.two_proportion_z_test(245, 2000, 200, 2000), 2, "swapped groups")
    expect_close((z_swap, p_swap), (-z, p), "two_proportion_z_test with A and B swapped (z flips, p stays)", rtol=1e-9)
    _, p_greater = as_tuple(learner.two_proportion_z_test(200, 2000, 245, 2000, "greater"), 2, "alternative='greater'")
    _, p_less = as_tuple(learner.two_proportion_z_test(200, 2000, 245, 2000, "less"), 2, "alternative='less'")
    expect_close(p_greater, stats.norm.sf(z), "p for alternative='greater' (H1: p_b > p_a): the upper tail of z", rtol=1e-8)
    expect_close(p_greater + p_less, 1.0, "p('greater') + p('less') (the two one-sided p-values add up to 1)", rtol=1e-9)
    expect_close(p, 2 * min(p_greater, p_less), "the two-sided p (twice the smaller one-sided p)", rtol=1e-8)


@pytest.mark.exercise("two_proportion_z_test")
def test_z_test_no_difference_and_bad_input(learner):
    z, p = as_tuple(learner.two_proportion_z_test(30, 300, 50, 500), 2, "two_proportion_z_test(30, 300, 50, 500)")
    expect_close((z, p), (0.0, 1.0), "two_proportion_z_test for equal rates 10% vs 10% (z = 0, p = 1)", atol=1e-12)
    expect_raises(ValueError, lambda: learner.two_proportion_z_test(0, 0, 5, 10), "two_proportion_z_test with n_a = 0")
    expect_raises(ValueError, lambda: learner.two_proportion_z_test(12, 10, 5, 10), "two_proportion_z_test with 12 successes in 10 trials")
    expect_raises(ValueError, lambda: learner.two_proportion_z_test(0, 100, 0, 100), "two_proportion_z_test with 0 conversions in both groups")
    expect_raises(ValueError, lambda: learner.two_proportion_z_test(1, 10, 2, 10, "both"), "two_proportion_z_test with alternative='both'")


# ---------------------------------------------------------------------------------------------
# 6. chi2_independence
# ---------------------------------------------------------------------------------------------


@pytest.mark.exercise("chi2_independence")
def test_chi2_matches_scipy_on_a_3x4_table(learner):
    table = np.array([[12, 25, 8, 30], [20, 18, 15, 22], [5, 30, 12, 9]])
    ref = stats.chi2_contingency(table, correction=False)
    with forbid(learner, "scipy.stats.chi2_contingency", reason="compute the expected counts and the statistic yourself"):
        got = as_tuple(learner.chi2_independence(table), 4, "chi2_independence(table)")
    chi2, p, dof, expected = got
    expect_shape(np.asarray(expected), (3, 4), "the expected counts of a 3x4 table")
    expect_close(expected, ref.expected_freq, "expected counts of the 3x4 table (row total * column total / total)", rtol=1e-9)
    expect_equal(int(dof), 6, "dof of a 3x4 table ((r - 1)(c - 1))")
    diagnose(chi2, ref.statistic, "the chi-squared statistic of the 3x4 table", {
        "you summed (observed - expected)**2 / observed (divide by the expected counts)":
            ((table - ref.expected_freq) ** 2 / table).sum()}, rtol=1e-9)
    diagnose(p, ref.pvalue, "the p-value of the 3x4 table", {
        "you used dof = r * c - 1": stats.chi2.sf(ref.statistic, 11),
        "you returned the lower tail (cdf) instead of the upper tail (sf)": stats.chi2.cdf(ref.statistic, 6)}, rtol=1e-8)


@pytest.mark.exercise("chi2_independence")
def test_chi2_2x2_has_no_yates_correction(learner):
    table = np.array([[30, 10], [20, 40]])
    ref = stats.chi2_contingency(table, correction=False)
    yates = stats.chi2_contingency(table, correction=True)
    chi2, p, dof, _ = as_tuple(learner.chi2_independence(table), 4, "chi2_independence([[30, 10], [20, 40]])")
    diagnose((chi2, p), (ref.statistic, ref.pvalue), "(chi2, p) for the 2x2 table [[30, 10], [20, 40]]", {
        "you applied the Yates continuity correction (the exercise asks for none, as correction=False)":
            (yates.statistic, yates.pvalue)}, rtol=1e-9)
    expect_equal(int(dof), 1, "dof of a 2x2 table")


@pytest.mark.exercise("chi2_independence")
def test_chi2_is_symmetric_and_zero_under_exact_independence(learner):
    table = np.array([[5, 9, 14, 3, 8], [11, 4, 7, 12, 6]])
    c1, p1, d1, e1 = as_tuple(learner.chi2_independence(table), 4, "chi2_independence of a 2x5 table")
    c2, p2, d2, e2 = as_tuple(learner.chi2_independence(table.T), 4, "chi2_independence of its transpose (5x2)")
    expect_equal(int(d1), 4, "dof of a 2x5 table ((2 - 1)(5 - 1))")
    expect_close((c2, p2, d2), (c1, p1, d1), "(chi2, p, dof) of the transposed table (must not change)", rtol=1e-9)
    expect_shape(np.asarray(e2), (5, 2), "expected counts of the transposed 5x2 table")
    expect_close(e2, np.asarray(e1).T, "expected counts of the transposed table (the transpose of the original's)", rtol=1e-9)
    indep = np.outer([10, 20, 30], [1, 2, 3, 4])  # every row proportional: perfectly independent
    c0, p0, _, _ = as_tuple(learner.chi2_independence(indep), 4, "chi2_independence of an outer-product table")
    expect_close((c0, p0), (0.0, 1.0), "(chi2, p) for a table whose rows are proportional (perfect independence)", atol=1e-9)


@pytest.mark.exercise("chi2_independence")
def test_chi2_rejects_bad_tables(learner):
    expect_raises(ValueError, lambda: learner.chi2_independence(np.array([[3, 4], [0, 0]])),
                  "chi2_independence with an all-zero row (expected counts would be 0)")
    expect_raises(ValueError, lambda: learner.chi2_independence(np.array([1, 2, 3])), "chi2_independence of a 1-D array")
    expect_raises(ValueError, lambda: learner.chi2_independence(np.array([[1, 2, 3]])), "chi2_independence of a 1x3 table")
    expect_raises(ValueError, lambda: learner.chi2_independence(np.array([[1, -2], [3, 4]])), "chi2_independence with a negative count")


# ---------------------------------------------------------------------------------------------
# 7. log_likelihood
# ---------------------------------------------------------------------------------------------

DENSITY_METHODS = ("logpdf", "pdf", "logpmf", "pmf")


@pytest.mark.exercise("log_likelihood")
def test_log_likelihood_normal_matches_scipy(learner):
    rng = np.random.default_rng(7)
    x = rng.normal(3.0, 2.0, size=50)
    for mu, sigma in [(3.0, 2.0), (0.0, 1.0), (4.5, 0.7)]:
        want = stats.norm.logpdf(x, mu, sigma).sum()
        with forbid_scipy_methods(*DENSITY_METHODS, reason="write the log density yourself"):
            got = learner.log_likelihood(x, "normal", {"mu": mu, "sigma": sigma})
        diagnose(got, want, f"log_likelihood(x, 'normal', mu={mu}, sigma={sigma}) for 50 values", {
            "you treated sigma as the variance": stats.norm.logpdf(x, mu, math.sqrt(sigma)).sum(),
            "you returned the mean log density instead of the sum": stats.norm.logpdf(x, mu, sigma).mean(),
            "you dropped the -0.5 * log(2 pi sigma^2) term": (-(x - mu) ** 2 / (2 * sigma**2)).sum()}, rtol=1e-9)


@pytest.mark.exercise("log_likelihood")
def test_log_likelihood_poisson_and_exponential_match_scipy(learner):
    counts = np.array([0, 3, 1, 7, 2, 150, 4, 0], dtype=float)  # 150! overflows a float: use gammaln
    for lam in (2.5, 40.0):
        want = stats.poisson.logpmf(counts, lam).sum()
        with forbid_scipy_methods(*DENSITY_METHODS, reason="write the log pmf yourself"):
            got = learner.log_likelihood(counts, "poisson", {"lam": lam})
        expect_close(got, want, f"log_likelihood(counts incl. 150, 'poisson', lam={lam})", rtol=1e-9)
    waits = np.array([0.5, 2.0, 0.1, 3.7, 1.2])
    want = stats.expon.logpdf(waits, scale=1 / 0.8).sum()
    with forbid_scipy_methods(*DENSITY_METHODS, reason="write the log density yourself"):
        got = learner.log_likelihood(waits, "exponential", {"rate": 0.8})
    diagnose(got, want, "log_likelihood(waits, 'exponential', rate=0.8)", {
        "you used rate as the scale (mean); the density is rate * exp(-rate * x)":
            stats.expon.logpdf(waits, scale=0.8).sum()}, rtol=1e-9)


@pytest.mark.exercise("log_likelihood")
def test_log_likelihood_support_empty_data_and_bad_parameters(learner):
    got = learner.log_likelihood(np.array([1.0, 2.5]), "poisson", {"lam": 2.0})
    expect(got == -np.inf, f"log_likelihood([1, 2.5], 'poisson', ...) should be -inf (2.5 is not a count), got {show(got)}")
    got = learner.log_likelihood(np.array([1.0, -1.0]), "poisson", {"lam": 2.0})
    expect(got == -np.inf, f"log_likelihood([1, -1], 'poisson', ...) should be -inf, got {show(got)}")
    got = learner.log_likelihood(np.array([1.0, -0.5]), "exponential", {"rate": 1.0})
    expect(got == -np.inf, f"log_likelihood([1, -0.5], 'exponential', ...) should be -inf, got {show(got)}")
    expect_close(learner.log_likelihood(np.array([]), "normal", {"mu": 0.0, "sigma": 1.0}), 0.0,
                 "log_likelihood of no data (an empty sum)")
    expect_raises(ValueError, lambda: learner.log_likelihood(np.array([1.0]), "normal", {"mu": 0.0, "sigma": 0.0}),
                  "log_likelihood with sigma = 0")
    expect_raises(ValueError, lambda: learner.log_likelihood(np.array([1.0]), "poisson", {"lam": -1.0}),
                  "log_likelihood with lam = -1")
    expect_raises(ValueError, lambda: learner.log_likelihood(np.array([1.0]), "gamma", {"k": 1.0}),
                  "log_likelihood with the unknown family 'gamma'")


# ---------------------------------------------------------------------------------------------
# 8. fit_mle
# ---------------------------------------------------------------------------------------------

FIT_NAMES = ("fit",)


@pytest.mark.exercise("fit_mle")
def test_fit_mle_normal_uses_the_biased_variance(learner):
    rng = np.random.default_rng(8)
    x = rng.normal(5.0, 2.0, size=12)  # small n makes n vs n - 1 visible
    loc, scale = stats.norm.fit(x)
    with forbid_scipy_methods(*FIT_NAMES, reason="derive the estimate in closed form"), \
            forbid(learner, "scipy.stats.fit", reason="derive the estimate in closed form"):
        got = learner.fit_mle(x, "normal")
    expect(isinstance(got, dict) and {"mu", "sigma"} <= set(got),
           f"fit_mle(x, 'normal') must return a dict with keys 'mu' and 'sigma', got {show(got, 80)}")
    expect_close(got["mu"], loc, "fit_mle(x, 'normal')['mu'] for 12 values", rtol=1e-9)
    diagnose(got["sigma"], scale, "fit_mle(x, 'normal')['sigma'] for 12 values (scipy.stats.norm.fit)", {
        "you used the unbiased n - 1 standard deviation; the MLE divides by n": x.std(ddof=1),
        "you returned the variance instead of sigma": x.var()}, rtol=1e-9)


@pytest.mark.exercise("fit_mle")
def test_fit_mle_poisson_and_exponential(learner):
    rng = np.random.default_rng(9)
    counts = rng.poisson(3.2, size=40).astype(float)
    waits = rng.exponential(scale=2.5, size=40)
    with forbid_scipy_methods(*FIT_NAMES, reason="derive the estimate in closed form"):
        lam = learner.fit_mle(counts, "poisson")
        rate = learner.fit_mle(waits, "exponential")
    expect(isinstance(lam, dict) and "lam" in lam, f"fit_mle(counts, 'poisson') must return {{'lam': ...}}, got {show(lam, 80)}")
    diagnose(lam["lam"], counts.mean(), "fit_mle(counts, 'poisson')['lam']",
             {"you returned the variance; the Poisson MLE is the sample mean": counts.var(),
              "you returned the sample variance; the Poisson MLE is the sample mean": counts.var(ddof=1)}, rtol=1e-9)
    expect(isinstance(rate, dict) and "rate" in rate, f"fit_mle(waits, 'exponential') must return {{'rate': ...}}, got {show(rate, 80)}")
    _, scale = stats.expon.fit(waits, floc=0)
    diagnose(rate["rate"], 1.0 / scale, "fit_mle(waits, 'exponential')['rate'] (1 / scipy.stats.expon.fit(floc=0) scale)", {
        "you returned the scale (the mean waiting time) instead of the rate = 1 / mean": waits.mean()}, rtol=1e-9)


@pytest.mark.exercise("fit_mle")
def test_fit_mle_maximises_the_likelihood(learner):
    rng = np.random.default_rng(10)
    x = rng.normal(-1.0, 0.5, size=25)
    counts = rng.poisson(6.0, size=25).astype(float)
    waits = rng.exponential(0.3, size=25)

    def ll(family: str, p: dict[str, float], data: np.ndarray) -> float:
        if family == "normal":
            return stats.norm.logpdf(data, p["mu"], p["sigma"]).sum()
        if family == "poisson":
            return stats.poisson.logpmf(data, p["lam"]).sum()
        return stats.expon.logpdf(data, scale=1 / p["rate"]).sum()

    for family, data in [("normal", x), ("poisson", counts), ("exponential", waits)]:
        fit = learner.fit_mle(data, family)
        expect(isinstance(fit, dict), f"fit_mle(data, '{family}') must return a dict, got {show(fit, 80)}")
        best = ll(family, fit, data)
        for key in fit:
            for factor in (0.98, 1.02):
                nudged = dict(fit)
                nudged[key] = fit[key] * factor if key != "mu" else fit[key] + (factor - 1.0)
                expect(ll(family, nudged, data) < best,
                       f"fit_mle(data, '{family}') is not the maximum of the likelihood: changing '{key}' from "
                       f"{fit[key]:.6g} to {nudged[key]:.6g} increases the log-likelihood")


@pytest.mark.exercise("fit_mle")
def test_fit_mle_edge_cases_and_bad_input(learner):
    one = learner.fit_mle(np.array([4.0]), "normal")
    expect_close((one["mu"], one["sigma"]), (4.0, 0.0), "fit_mle([4.0], 'normal') (mu = 4, sigma = 0)")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([]), "normal"), "fit_mle of an empty sample")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([1.0, -2.0]), "poisson"), "fit_mle(..., 'poisson') with a negative count")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([1.0, 2.5]), "poisson"), "fit_mle(..., 'poisson') with a non-integer count")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([1.0, -0.5]), "exponential"), "fit_mle(..., 'exponential') with a negative value")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([0.0, 0.0]), "exponential"), "fit_mle([0, 0], 'exponential') (infinite rate)")
    expect_raises(ValueError, lambda: learner.fit_mle(np.array([1.0]), "cauchy"), "fit_mle with the unknown family 'cauchy'")


# ---------------------------------------------------------------------------------------------
# 9. bootstrap_ci
# ---------------------------------------------------------------------------------------------


def _bootstrap_reference(x: np.ndarray, statistic: Any, B: int, c: float, seed: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(B, x.size))
    boot = np.array([statistic(x[row]) for row in idx])
    tail = 100 * (1 - c) / 2
    low, high = np.percentile(boot, [tail, 100 - tail])
    return float(low), float(high)


def _bootstrap_wrong(x: np.ndarray, statistic: Any, B: int, c: float, seed: int) -> dict[str, tuple]:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(B, x.size))
    boot = np.array([statistic(x[row]) for row in idx])
    tail = 100 * (1 - c) / 2
    rng = np.random.default_rng(seed)
    idx_short = rng.integers(0, x.size - 1, size=(B, x.size)) if x.size > 1 else idx
    boot_short = np.array([statistic(x[row]) for row in idx_short])
    return {
        "you cut (1 - confidence) from each tail instead of (1 - confidence) / 2":
            tuple(np.percentile(boot, [2 * tail, 100 - 2 * tail])),
        "you returned percentiles at confidence/2 and 1 - confidence/2": tuple(np.percentile(boot, [50 * c, 100 - 50 * c])),
        "you drew indices from 0 .. n-2 (rng.integers' upper bound is exclusive: use n, not n - 1)":
            tuple(np.percentile(boot_short, [tail, 100 - tail])),
    }


@pytest.mark.exercise("bootstrap_ci")
def test_bootstrap_follows_the_recipe(learner):
    rng = np.random.default_rng(11)
    x = rng.lognormal(0.0, 0.8, size=30)
    for statistic, name, B, c, seed in [(np.mean, "np.mean", 1000, 0.95, 0), (np.median, "np.median", 800, 0.90, 3)]:
        want = _bootstrap_reference(x, statistic, B, c, seed)
        with forbid(learner, "scipy.stats.bootstrap", reason="resample with NumPy yourself"):
            got = as_pair(learner.bootstrap_ci(x, statistic, n_resamples=B, confidence=c, seed=seed), "bootstrap_ci")
        diagnose(got, want, f"bootstrap_ci(x, {name}, n_resamples={B}, confidence={c}, seed={seed}) for 30 values "
                 "(following the recipe in the docstring)", _bootstrap_wrong(x, statistic, B, c, seed), rtol=1e-9)


@pytest.mark.exercise("bootstrap_ci")
def test_bootstrap_can_pick_every_observation(learner):
    # One large value at the very end: it must be drawable, or every resample mean is 0.
    x = np.zeros(20)
    x[-1] = 100.0
    low, high = as_pair(learner.bootstrap_ci(x, np.mean, n_resamples=500, confidence=0.95, seed=1), "bootstrap_ci")
    expect(high > 0.0, "bootstrap_ci of nineteen 0s followed by one 100: the upper bound is 0, so the last value was "
           "never drawn (indices must run over 0 .. n-1; rng.integers(0, n) excludes n, not n - 1)")
    expect_close((low, high), _bootstrap_reference(x, np.mean, 500, 0.95, 1),
                 "bootstrap_ci of nineteen 0s and one 100 (seed=1, 500 resamples)", rtol=1e-9)


@pytest.mark.exercise("bootstrap_ci")
def test_bootstrap_resamples_with_replacement_and_is_reproducible(learner):
    rng = np.random.default_rng(12)
    x = rng.normal(50.0, 10.0, size=200)
    low, high = as_pair(learner.bootstrap_ci(x, np.mean, 2000, 0.95, 7), "bootstrap_ci(x, np.mean, 2000, 0.95, 7)")
    expect(high - low > 1e-9, f"bootstrap_ci of the mean has zero width ({low:.6g}, {high:.6g}): did you resample "
           "without replacement (a permutation has the same mean as the data)?")
    expect(low < x.mean() < high, f"the 95% bootstrap interval ({low:.4g}, {high:.4g}) should contain the sample mean {x.mean():.4g}")
    # The percentile interval of a mean is close to mean +/- 1.96 * s / sqrt(n) for n = 200.
    theory = 2 * 1.959964 * x.std(ddof=1) / math.sqrt(x.size)
    expect(abs((high - low) / theory - 1) < 0.10, f"width of the 95% bootstrap interval of the mean of 200 normal "
           f"values: expected about {theory:.4g} (2 * 1.96 * s / sqrt(n), within 10%), got {high - low:.4g}")
    again = as_pair(learner.bootstrap_ci(x, np.mean, 2000, 0.95, 7), "bootstrap_ci called again with seed=7")
    expect_close(again, (low, high), "bootstrap_ci called twice with the same seed (must give the same interval: "
                 "use np.random.default_rng(seed))", rtol=0, atol=0)
    other = as_pair(learner.bootstrap_ci(x, np.mean, 2000, 0.95, 8), "bootstrap_ci with seed=8")
    expect(other != (low, high), "bootstrap_ci gives the same interval for seeds 7 and 8: is the seed used?")


@pytest.mark.exercise("bootstrap_ci")
def test_bootstrap_rejects_bad_input(learner):
    expect_raises(ValueError, lambda: learner.bootstrap_ci(np.array([])), "bootstrap_ci of an empty array")
    expect_raises(ValueError, lambda: learner.bootstrap_ci(np.array([1.0, 2.0]), np.mean, 0), "bootstrap_ci with n_resamples = 0")
    expect_raises(ValueError, lambda: learner.bootstrap_ci(np.array([1.0, 2.0]), np.mean, 10, 1.5), "bootstrap_ci with confidence = 1.5")
    single = as_pair(learner.bootstrap_ci(np.array([3.0]), np.mean, 50), "bootstrap_ci of a single value [3.0]")
    expect_close(single, (3.0, 3.0), "bootstrap_ci of a single value [3.0] (every resample is [3.0])")


# ---------------------------------------------------------------------------------------------
# 10. permutation_test
# ---------------------------------------------------------------------------------------------


def _exact_permutation_p(a: np.ndarray, b: np.ndarray) -> float:
    """p-value over *all* splits of the pooled data (the limit of the random version)."""
    pooled = np.concatenate([a, b])
    n, k = pooled.size, a.size
    observed = abs(a.mean() - b.mean())
    total = pooled.sum()
    hits = count = 0
    for combo in itertools.combinations(range(n), k):
        s = pooled[list(combo)].sum()
        stat = abs(s / k - (total - s) / (n - k))
        hits += stat >= observed - 1e-12
        count += 1
    return hits / count


@pytest.mark.exercise("permutation_test")
def test_permutation_p_is_close_to_the_exact_two_sided_p(learner):
    a = np.array([12.1, 9.8, 11.4, 13.0, 10.9, 12.6])
    b = np.array([10.2, 9.1, 11.0, 8.7, 10.5, 9.9])
    exact = _exact_permutation_p(a, b)  # 924 splits
    B = 4999
    with forbid(learner, "scipy.stats.permutation_test", reason="shuffle the labels yourself"):
        got = learner.permutation_test(a, b, n_permutations=B, seed=0)
    tol = 4 * math.sqrt(exact * (1 - exact) / B) + 1 / (B + 1)
    expect(isinstance(got, (float, np.floating)), f"permutation_test must return a float, got {show(got, 80)}")
    if abs(got - exact / 2) < tol < abs(got - exact):
        raise Mismatch(f"permutation_test(a, b) = {got:.4g}, but the two-sided p-value is about {exact:.4g}: yours is "
                       "about half of it, so it counts only one tail (compare |mean(a) - mean(b)|)")
    expect(abs(got - exact) < tol, f"permutation_test(a, b) with 4999 shuffles for two groups of 6: expected about "
           f"{exact:.4g} (the exact p over all 924 splits, +/- {tol:.2g}), got {got:.4g}")
    with forbid(learner, "scipy.stats.permutation_test", reason="shuffle the labels yourself"):
        swapped = learner.permutation_test(b, a, n_permutations=B, seed=0)
    expect(abs(swapped - exact) < tol, f"permutation_test(b, a) (the same groups in the other order, so mean(a) - mean(b) "
           f"is negative): expected about {exact:.4g} (+/- {tol:.2g}), got {swapped:.4g}; the test is two-sided, so "
           "compare absolute differences")


@pytest.mark.exercise("permutation_test")
def test_permutation_p_counts_the_observed_labelling(learner):
    a = np.arange(30.0, 45.0)
    b = np.arange(0.0, 15.0)  # perfectly separated: 2 of the C(30, 15) ~ 1.6e8 splits are this extreme
    got = learner.permutation_test(a, b, n_permutations=99, seed=0)
    expect(got > 0, "permutation_test of two perfectly separated groups returned 0: a permutation p-value is "
           "(count + 1) / (n_permutations + 1), never 0")
    expect_close(got, 1 / 100, "permutation_test of two perfectly separated groups with 99 shuffles "
                 "((0 + 1) / (99 + 1))", rtol=1e-9)


@pytest.mark.exercise("permutation_test")
def test_permutation_identical_groups_and_reproducibility(learner):
    same = np.array([1.0, 2.0, 3.0, 4.0])
    expect_close(learner.permutation_test(same, same.copy(), n_permutations=200, seed=0), 1.0,
                 "permutation_test of two identical samples (every shuffle is at least as extreme as a difference of 0)")
    rng = np.random.default_rng(13)
    a, b = rng.normal(0, 1, 15), rng.normal(0.5, 1, 18)
    p1 = learner.permutation_test(a, b, n_permutations=500, seed=42)
    p2 = learner.permutation_test(a, b, n_permutations=500, seed=42)
    expect_equal(p1, p2, "permutation_test called twice with seed=42 (must be reproducible)")
    expect(1 / 501 <= p1 <= 1, f"a permutation p-value with 500 shuffles lies in [1/501, 1], got {p1:.4g}")
    expect_raises(ValueError, lambda: learner.permutation_test(np.array([]), b), "permutation_test with an empty sample")
    expect_raises(ValueError, lambda: learner.permutation_test(a, b, n_permutations=0), "permutation_test with n_permutations = 0")


# ---------------------------------------------------------------------------------------------
# 11. adjust_pvalues
# ---------------------------------------------------------------------------------------------


def _holm_reference(p: np.ndarray) -> np.ndarray:
    m = p.size
    order = np.argsort(p, kind="stable")
    adj = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adj
    return out


@pytest.mark.exercise("adjust_pvalues")
def test_bh_matches_scipy(learner):
    rng = np.random.default_rng(14)
    p = np.concatenate([rng.uniform(0, 1, 40), rng.uniform(0, 0.01, 10)])
    rng.shuffle(p)  # unsorted on purpose
    want = stats.false_discovery_control(p, method="bh")
    with forbid(learner, "scipy.stats.false_discovery_control", reason="write the step-up procedure yourself"):
        got = learner.adjust_pvalues(p, "bh")
    expect_shape(got, (50,), "adjust_pvalues(p, 'bh') for 50 p-values")
    sorted_got = np.empty(50)
    sorted_got[np.argsort(p, kind="stable")] = np.sort(np.asarray(got, dtype=float))
    if not np.allclose(got, want, rtol=1e-9) and np.allclose(np.sort(np.asarray(got, dtype=float)), np.sort(want), rtol=1e-9):
        raise Mismatch("adjust_pvalues(p, 'bh') has the right values in the wrong order: return them in the order "
                       "of the input p-values, not sorted")
    expect_close(got, want, "adjust_pvalues(p, 'bh') for 50 unsorted p-values (scipy.stats.false_discovery_control)", rtol=1e-9)


@pytest.mark.exercise("adjust_pvalues")
def test_bh_and_holm_need_the_running_min_and_max(learner):
    p = np.array([0.026, 0.01, 0.025, 0.02])  # sorted: 0.01 0.02 0.025 0.026
    got = learner.adjust_pvalues(p, "bh")
    diagnose(got, [0.026, 0.026, 0.026, 0.026], "adjust_pvalues([0.026, 0.01, 0.025, 0.02], 'bh')", {
        "you skipped the running minimum from the largest rank down (m * p_(k) / k alone is not monotone)":
            [0.026, 0.04, 0.10 / 3, 0.04],
        "you returned the values in sorted order instead of the input order": [0.026, 0.026, 0.026, 0.026][::-1]})
    p2 = np.array([0.01, 0.04, 0.03, 0.005])  # sorted: 0.005 0.01 0.03 0.04
    got2 = learner.adjust_pvalues(p2, "holm")
    diagnose(got2, _holm_reference(p2), "adjust_pvalues([0.01, 0.04, 0.03, 0.005], 'holm')", {
        "you skipped the running maximum (step-down adjusted p-values must not decrease with rank)":
            [0.03, 0.04, 0.06, 0.02],
        "you applied Bonferroni (m * p) instead of Holm ((m - k + 1) * p_(k))": [0.04, 0.16, 0.12, 0.02]})


@pytest.mark.exercise("adjust_pvalues")
def test_bonferroni_and_holm_on_random_pvalues(learner):
    rng = np.random.default_rng(15)
    p = rng.uniform(0, 0.3, 12)
    got_b = learner.adjust_pvalues(p, "bonferroni")
    diagnose(got_b, np.minimum(1.0, 12 * p), "adjust_pvalues(p, 'bonferroni') for 12 p-values", {
        "you did not cap the adjusted p-values at 1": 12 * p,
        "you divided by m instead of multiplying (that adjusts alpha, not p)": p / 12})
    expect_close(learner.adjust_pvalues(p, "holm"), _holm_reference(p), "adjust_pvalues(p, 'holm') for 12 p-values", rtol=1e-9)
    bh = np.asarray(learner.adjust_pvalues(p, "bh"), dtype=float)
    holm = np.asarray(learner.adjust_pvalues(p, "holm"), dtype=float)
    expect(bool(np.all(bh <= holm + 1e-12)) and bool(np.all(holm <= np.minimum(1, 12 * p) + 1e-12)) and bool(np.all(p <= bh + 1e-12)),
           "for the same p-values, raw <= BH <= Holm <= Bonferroni must hold element-wise")


@pytest.mark.exercise("adjust_pvalues")
def test_adjust_pvalues_edge_cases(learner):
    empty = learner.adjust_pvalues(np.array([]), "bh")
    expect_shape(empty, (0,), "adjust_pvalues of no p-values")
    expect_close(learner.adjust_pvalues(np.array([0.03]), "bonferroni"), [0.03], "adjust_pvalues of a single p-value (m = 1)")
    expect_close(learner.adjust_pvalues(np.array([0.02, 0.02, 0.02]), "bh"), [0.02, 0.02, 0.02],
                 "adjust_pvalues([0.02, 0.02, 0.02], 'bh') (ties)")
    expect_raises(ValueError, lambda: learner.adjust_pvalues(np.array([0.1, 1.2]), "bh"), "adjust_pvalues with p = 1.2")
    expect_raises(ValueError, lambda: learner.adjust_pvalues(np.array([0.1, np.nan]), "bh"), "adjust_pvalues with a NaN")
    expect_raises(ValueError, lambda: learner.adjust_pvalues(np.array([0.1]), "sidak"), "adjust_pvalues with method='sidak'")


# ---------------------------------------------------------------------------------------------
# 12. ab_sample_size
# ---------------------------------------------------------------------------------------------


def _power(p1: float, p2: float, n: int, alpha: float) -> float:
    """Normal-approximation power of the two-sided pooled test with n users per group."""
    p_bar = (p1 + p2) / 2
    za = stats.norm.ppf(1 - alpha / 2)
    num = abs(p2 - p1) * math.sqrt(n) - za * math.sqrt(2 * p_bar * (1 - p_bar))
    return float(stats.norm.cdf(num / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))))


def _n_formula(p1: float, mde: float, alpha: float, power: float, *, za: float | None = None,
               pooled: bool = True) -> float:
    p2 = p1 + mde
    p_bar = (p1 + p2) / 2
    za = stats.norm.ppf(1 - alpha / 2) if za is None else za
    zb = stats.norm.ppf(power)
    h0 = math.sqrt(2 * p_bar * (1 - p_bar)) if pooled else math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return (za * h0 + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / mde**2


@pytest.mark.exercise("ab_sample_size")
def test_sample_size_known_values(learner):
    for args, kwargs, want in [((0.10, 0.02), {}, 3841), ((0.10, 0.02), {"power": 0.9}, 5142),
                               ((0.5, 0.1), {}, 388), ((0.05, 0.01), {}, 8158), ((0.10, -0.02), {}, 3213)]:
        got = learner.ab_sample_size(*args, **kwargs)
        expect_type(got, (int, np.integer), f"ab_sample_size{args}")
        p1, mde = args
        alpha, power = kwargs.get("alpha", 0.05), kwargs.get("power", 0.8)
        raw = _n_formula(p1, mde, alpha, power)
        wrong = {
            f"you rounded {raw:.2f} down or to the nearest integer; a fraction of a user is not enough, round up":
                math.floor(raw),
            "you used the one-sided quantile z_{1 - alpha}; the test is two-sided, use z_{1 - alpha/2}":
                math.ceil(_n_formula(p1, mde, alpha, power, za=stats.norm.ppf(1 - alpha))),
            "you treated mde as a relative lift (p2 = p1 * (1 + mde)); it is absolute (p2 = p1 + mde)":
                math.ceil(_n_formula(p1, p1 * mde, alpha, power)),
            "you used the unpooled variance under H0 as well (the formula uses p_bar there)":
                math.ceil(_n_formula(p1, mde, alpha, power, pooled=False)),
            "you returned the total for both groups; the answer is per group":
                2 * math.ceil(_n_formula(p1, mde, alpha, power)),
        }
        for mistake, value in wrong.items():
            if got == value and value != want:
                raise Mismatch(f"ab_sample_size{args} {kwargs or ''}: expected {want}, got {got} - that is the value you "
                               f"get when {mistake}")
        expect_equal(int(got), want, f"ab_sample_size{args}{' with ' + str(kwargs) if kwargs else ''} (users per group)")


@pytest.mark.exercise("ab_sample_size")
def test_sample_size_rounds_up_to_the_smallest_sufficient_n(learner):
    # The raw formula gives 3825.15, 434.43, 5273.27 and 6509.47 here: rounding to nearest is too few.
    for p1, mde in [(0.02, 0.01), (0.05, 0.05), (0.15, 0.02), (0.2, 0.02)]:
        got = int(learner.ab_sample_size(p1, mde))
        raw = _n_formula(p1, mde, 0.05, 0.8)
        if got == math.floor(raw) or got == round(raw):
            expect(got == math.ceil(raw), f"ab_sample_size({p1}, {mde}): the formula gives {raw:.2f}; you returned {got}, "
                   f"which is not enough users - round up (math.ceil) to {math.ceil(raw)}")
        expect(_power(p1, p1 + mde, got, 0.05) >= 0.8 > _power(p1, p1 + mde, got - 1, 0.05),
               f"ab_sample_size({p1}, {mde}) = {got}: the power with n = {got} should reach 0.8 and with n = {got - 1} "
               f"fall short (expected {math.ceil(raw)})")


@pytest.mark.exercise("ab_sample_size")
def test_sample_size_moves_the_right_way(learner):
    base = int(learner.ab_sample_size(0.10, 0.02))
    expect(int(learner.ab_sample_size(0.10, 0.01)) > 3 * base,
           "halving the detectable effect should roughly quadruple the sample size (n ~ 1 / mde^2)")
    expect(int(learner.ab_sample_size(0.10, 0.02, alpha=0.01)) > base, "a stricter alpha (0.01) needs more users than alpha = 0.05")
    expect(int(learner.ab_sample_size(0.10, 0.02, power=0.95)) > base, "more power (0.95) needs more users than power = 0.8")
    expect_raises(ValueError, lambda: learner.ab_sample_size(0.10, 0.0), "ab_sample_size with mde = 0")
    expect_raises(ValueError, lambda: learner.ab_sample_size(0.95, 0.10), "ab_sample_size with p_baseline + mde = 1.05")
    expect_raises(ValueError, lambda: learner.ab_sample_size(0.0, 0.10), "ab_sample_size with p_baseline = 0")
    expect_raises(ValueError, lambda: learner.ab_sample_size(0.10, 0.02, power=1.0), "ab_sample_size with power = 1")


# ---------------------------------------------------------------------------------------------
# 13. ols_inference
# ---------------------------------------------------------------------------------------------


def _ols_reference(X: np.ndarray, y: np.ndarray, dof_shift: int = 0) -> dict[str, Any]:
    n, p = X.shape
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.solve(A.T @ A, A.T @ y)
    resid = y - A @ coef
    dof = n - p - 1 + dof_shift
    s2 = resid @ resid / dof
    se = np.sqrt(np.diag(s2 * np.linalg.inv(A.T @ A)))
    t = coef / se
    return {"coef": coef, "se": se, "t": t, "p": 2 * stats.t.sf(np.abs(t), dof), "dof": dof,
            "sigma": math.sqrt(s2), "r2": 1 - resid @ resid / ((y - y.mean()) ** 2).sum()}


@pytest.mark.exercise("ols_inference")
def test_ols_single_predictor_matches_linregress(learner):
    rng = np.random.default_rng(16)
    x = rng.uniform(0, 10, size=25)
    y = 2.0 + 0.3 * x + rng.normal(0, 1.5, size=25)
    ref = stats.linregress(x, y)
    with forbid(learner, "scipy.stats.linregress", reason="compute the standard errors yourself"):
        got = learner.ols_inference(x[:, None], y)
    expect(isinstance(got, dict), f"ols_inference must return a dict, got {type(got).__name__}")
    for key in ("coef", "se", "t", "p"):
        expect(key in got, f"ols_inference(X, y) is missing the key '{key}'")
        expect_shape(np.asarray(got[key]), (2,), f"ols_inference(X, y)['{key}'] for one predictor (intercept, slope)")
    expect_close(got["coef"], (ref.intercept, ref.slope), "coef = (intercept, slope) vs scipy.stats.linregress", rtol=1e-8)
    wrong_n = _ols_reference(x[:, None], y, dof_shift=2)
    wrong_n1 = _ols_reference(x[:, None], y, dof_shift=1)
    diagnose(got["se"], (ref.intercept_stderr, ref.stderr), "se = (intercept, slope) standard errors vs linregress", {
        "you divided the residual sum of squares by n instead of n - 2": wrong_n["se"],
        "you divided the residual sum of squares by n - 1 instead of n - 2": wrong_n1["se"]}, rtol=1e-8)
    expect_close(got["p"][1], ref.pvalue, "the slope's two-sided p-value vs scipy.stats.linregress", rtol=1e-7)
    expect_close(got["r2"], ref.rvalue**2, "r2 vs linregress rvalue**2", rtol=1e-9)
    expect_equal(int(got["dof"]), 23, "dof for n = 25 and one predictor (n - 2)")


@pytest.mark.exercise("ols_inference")
def test_ols_multiple_predictors_and_small_n(learner):
    rng = np.random.default_rng(17)
    n = 9  # small n: the degrees of freedom matter
    X = rng.normal(size=(n, 3))
    y = 1.0 + X @ np.array([0.8, 0.0, -1.5]) + rng.normal(0, 0.7, size=n)
    want = _ols_reference(X, y)
    got = learner.ols_inference(X, y)
    expect_shape(np.asarray(got["coef"]), (4,), "ols_inference(X, y)['coef'] for X of shape (9, 3) (intercept first)")
    coef_lstsq = np.linalg.lstsq(np.column_stack([np.ones(n), X]), y, rcond=None)[0]
    diagnose(got["coef"], coef_lstsq, "ols_inference coefficients for X of shape (9, 3)", {
        "you fitted without an intercept column": np.r_[0.0, np.linalg.lstsq(X, y, rcond=None)[0]]}, rtol=1e-8)
    expect_equal(int(got["dof"]), 5, "dof for n = 9 and p = 3 (n - p - 1)")
    wrong_n = _ols_reference(X, y, dof_shift=4)   # dividing by n
    wrong_n1 = _ols_reference(X, y, dof_shift=3)  # dividing by n - 1
    diagnose(got["se"], want["se"], "standard errors for X of shape (9, 3)", {
        "you divided the residual sum of squares by n instead of n - p - 1": wrong_n["se"],
        "you divided the residual sum of squares by n - 1 instead of n - p - 1": wrong_n1["se"]}, rtol=1e-8)
    diagnose(got["p"], want["p"], "p-values for X of shape (9, 3)", {
        "you used the normal distribution instead of Student's t with n - p - 1 dof": 2 * stats.norm.sf(np.abs(want["t"])),
        "you returned one-tailed p-values": want["p"] / 2}, rtol=1e-7)
    expect_close(got["t"], want["t"], "t statistics (coef / se)", rtol=1e-8)
    expect_close(got["sigma"], want["sigma"], "sigma (sqrt(RSS / dof))", rtol=1e-8)
    expect_close(got["r2"], want["r2"], "r2 (1 - RSS / TSS)", rtol=1e-8)


@pytest.mark.exercise("ols_inference")
def test_ols_t_and_p_do_not_depend_on_units(learner):
    rng = np.random.default_rng(18)
    X = rng.normal(size=(30, 2))
    y = 0.5 + X @ np.array([1.0, -0.4]) + rng.normal(size=30)
    base = learner.ols_inference(X, y)
    X_cm = X * np.array([100.0, 1.0])  # first predictor in other units
    scaled = learner.ols_inference(X_cm, y)
    expect_close(scaled["coef"], np.asarray(base["coef"]) / np.array([1.0, 100.0, 1.0]),
                 "coefficients after multiplying the first predictor by 100 (its coefficient divides by 100)", rtol=1e-7)
    expect_close(scaled["t"], base["t"], "t statistics after changing the units of a predictor (must not change)", rtol=1e-7)
    expect_close(scaled["p"], base["p"], "p-values after changing the units of a predictor (must not change)", rtol=1e-6)


@pytest.mark.exercise("ols_inference")
def test_ols_rejects_unidentifiable_models(learner):
    rng = np.random.default_rng(19)
    X = rng.normal(size=(10, 2))
    y = rng.normal(size=10)
    expect_raises(ValueError, lambda: learner.ols_inference(X[:3], y[:3]), "ols_inference with n = 3 rows and 3 coefficients (dof = 0)")
    dup = np.column_stack([X[:, 0], X[:, 0]])
    expect_raises(ValueError, lambda: learner.ols_inference(dup, y), "ols_inference with a duplicated column (rank deficient)")
    expect_raises(ValueError, lambda: learner.ols_inference(X[:, 0], y), "ols_inference with a 1-D X (X must be 2-D)")
    expect_raises(ValueError, lambda: learner.ols_inference(X, y[:9]), "ols_inference with 10 rows of X and 9 values of y")
