"""Module 04 - Statistics: runnable demonstrations.

Run from the repository root or from inside this folder::

    uv run 04-statistics/examples.py             # all sections; plots go to 04-statistics/output/
    uv run 04-statistics/examples.py --figures   # (re)generate the figures used by theory.md
    python examples.py                           # from inside 04-statistics/

Every section prints a labelled block. Everything is seeded, so two runs print the same numbers.
The data are scikit-learn's bundled data sets (diabetes, iris, breast cancer) and NumPy
simulations; nothing is downloaded. Nothing here needs a GPU: the heaviest computation is a few
hundred thousand normal draws, which NumPy does in milliseconds.
"""
from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: we only write PNG files
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
from scipy import optimize, stats  # noqa: E402
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT_DIR = HERE / "output"  # git-ignored scratch plots of a normal run
FIGURES_DIR = HERE / "figures"  # committed figures used by theory.md
SEED = 0


def section(title: str) -> None:
    """Print a visible section header."""
    print()
    print("=" * 78)
    print(title)
    print("=" * 78)


# =============================================================================================
# 1. Descriptive statistics
# =============================================================================================


def demo_descriptive() -> None:
    section("1. Descriptive statistics: the diabetes target (disease progression after one year)")
    y = load_diabetes().target  # 442 patients, a quantitative measure of progression
    q1, med, q3 = np.percentile(y, [25, 50, 75])
    print(f"n = {y.size}")
    print(f"mean = {y.mean():.2f}   median = {med:.2f}   (mean > median: a right-skewed distribution)")
    print(f"std (ddof=1) = {y.std(ddof=1):.2f}   std (ddof=0) = {y.std():.2f}   (n - 1 vs n barely matters at n = 442)")
    print(f"Q1 = {q1:.2f}   Q3 = {q3:.2f}   IQR = {q3 - q1:.2f}")
    print(f"skewness (m3 / m2^1.5) = {stats.skew(y):.3f}")
    values, counts = np.unique(y, return_counts=True)
    print(f"mode = {values[np.argmax(counts)]:.0f} (appears {counts.max()} times; for near-continuous data the mode says little)")

    # Robustness: one corrupted record (a unit error, say) moves the mean and the std a lot,
    # the median and the IQR hardly at all.
    corrupted = y.copy()
    corrupted[0] = 25_000.0
    cq1, cmed, cq3 = np.percentile(corrupted, [25, 50, 75])
    print("\nAfter corrupting ONE of 442 values to 25,000:")
    print(f"  mean {y.mean():8.2f} -> {corrupted.mean():8.2f}      median {med:7.2f} -> {cmed:7.2f}")
    print(f"  std  {y.std(ddof=1):8.2f} -> {corrupted.std(ddof=1):8.2f}      IQR    {q3 - q1:7.2f} -> {cq3 - cq1:7.2f}")

    # The percentile rule matters on small samples: NumPy's default is linear interpolation.
    small = np.array([15.0, 20.0, 35.0, 40.0, 50.0])
    for method in ["linear", "lower", "nearest", "weibull"]:
        print(f"  40th percentile of {small.tolist()} with method={method!r:10}: {np.percentile(small, 40, method=method):.1f}")


# =============================================================================================
# 2. Sampling distributions and the standard error
# =============================================================================================


def demo_sampling_distribution() -> None:
    section("2. Sampling distribution of the mean: the standard error is sigma / sqrt(n)")
    rng = np.random.default_rng(SEED)
    # Population: exponential waiting times with mean 2 and standard deviation 2 (very skewed).
    sigma = 2.0
    for n in [5, 20, 80, 320]:
        means = rng.exponential(scale=2.0, size=(20_000, n)).mean(axis=1)  # 20,000 repeated studies
        print(f"n = {n:4d}: sd of 20,000 sample means = {means.std():.4f}   sigma/sqrt(n) = {sigma / math.sqrt(n):.4f}"
              f"   skewness of the means = {stats.skew(means):+.3f}")
    print("The spread shrinks like 1/sqrt(n) (4x the data -> half the error), and the skewness of the")
    print("means fades: the central limit theorem at work (skewness of a mean of n exponentials = 2/sqrt(n)).")

    # Stratified vs simple random sampling: with a strong group effect, stratifying removes the
    # between-group part of the variance.
    group = np.repeat([0, 1], [8000, 2000])
    population = np.where(group == 0, rng.normal(10, 2, 10_000), rng.normal(30, 2, 10_000))
    simple, strat = [], []
    for _ in range(2000):
        simple.append(population[rng.choice(10_000, 100, replace=False)].mean())
        a = population[rng.choice(8000, 80, replace=False)]
        b = population[8000 + rng.choice(2000, 20, replace=False)]
        strat.append(0.8 * a.mean() + 0.2 * b.mean())
    print(f"\nEstimating a population mean of {population.mean():.3f} with 100 draws, 2,000 repetitions:")
    print(f"  simple random sample: sd of the estimate = {np.std(simple):.3f}")
    print(f"  stratified (80/20)  : sd of the estimate = {np.std(strat):.3f}   (same n, far less noise)")


# =============================================================================================
# 3. Confidence intervals
# =============================================================================================


def t_interval(x: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """mean +/- t_{(1+c)/2, n-1} * s / sqrt(n)."""
    n = x.size
    half = stats.t.ppf((1 + confidence) / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return x.mean() - half, x.mean() + half


def demo_confidence_intervals() -> None:
    section("3. Confidence intervals: what '95%' promises (and what it does not)")
    rng = np.random.default_rng(SEED + 3)
    mu, sigma = 50.0, 10.0
    for n in [5, 30]:
        x = rng.normal(mu, sigma, size=(20_000, n))
        m, s = x.mean(axis=1), x.std(axis=1, ddof=1)
        t_half = stats.t.ppf(0.975, n - 1) * s / math.sqrt(n)
        z_half = 1.959964 * s / math.sqrt(n)
        cover_t = np.mean(np.abs(m - mu) <= t_half)
        cover_z = np.mean(np.abs(m - mu) <= z_half)
        print(f"n = {n:2d}: coverage of 20,000 intervals  t-based {cover_t:.3f}   z-based (wrong for small n) {cover_z:.3f}")
    print("The t interval keeps its promise; plugging s into a z interval undercovers when n is small.")

    sample = rng.normal(mu, sigma, size=25)
    low, high = t_interval(sample)
    sem = sample.std(ddof=1) / math.sqrt(sample.size)
    print(f"\nOne study with n = 25: mean = {sample.mean():.2f}, 95% CI = ({low:.2f}, {high:.2f})")
    print(f"scipy.stats.t.interval agrees: {tuple(round(float(v), 2) for v in stats.t.interval(0.95, 24, sample.mean(), sem))}")
    print("Correct reading: the *procedure* captures mu in 95% of repeated studies; this particular")
    print("interval either contains 50 or it does not.")


# =============================================================================================
# 4. t-tests
# =============================================================================================


def demo_t_tests() -> None:
    section("4. t-tests on the iris data: one-sample, Welch vs Student, paired")
    iris = load_iris()
    width = iris.data[:, 1]  # sepal width (cm)
    versicolor, virginica = width[iris.target == 1], width[iris.target == 2]
    print(f"sepal width  versicolor: mean {versicolor.mean():.3f}, sd {versicolor.std(ddof=1):.3f}, n {versicolor.size}")
    print(f"             virginica : mean {virginica.mean():.3f}, sd {virginica.std(ddof=1):.3f}, n {virginica.size}")

    # Welch by hand, then scipy.
    v1, v2 = versicolor.var(ddof=1) / versicolor.size, virginica.var(ddof=1) / virginica.size
    t = (versicolor.mean() - virginica.mean()) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (versicolor.size - 1) + v2**2 / (virginica.size - 1))
    p = 2 * stats.t.sf(abs(t), df)
    print(f"Welch by hand : t = {t:.4f}, df = {df:.2f}, two-sided p = {p:.5f}")
    res = stats.ttest_ind(versicolor, virginica, equal_var=False)
    print(f"scipy (Welch) : t = {res.statistic:.4f}, df = {res.df:.2f}, p = {res.pvalue:.5f}")
    res_s = stats.ttest_ind(versicolor, virginica, equal_var=True)
    print(f"scipy (Student, pooled): t = {res_s.statistic:.4f}, p = {res_s.pvalue:.5f} (equal n and similar sd: nearly the same)")

    one = stats.ttest_1samp(versicolor, popmean=2.9)
    print(f"\nOne-sample test, H0: mean versicolor sepal width = 2.9 cm: t = {one.statistic:.3f}, p = {one.pvalue:.4f}")

    # Paired design: the same 12 servers measured before and after a config change.
    rng = np.random.default_rng(SEED + 4)
    base = rng.normal(200, 40, size=12)  # large server-to-server differences
    after = base - 6 + rng.normal(0, 5, size=12)  # a small, consistent improvement
    paired = stats.ttest_rel(base, after)
    unpaired = stats.ttest_ind(base, after, equal_var=False)
    print("\nLatency (ms) of 12 servers before/after a change, true improvement 6 ms:")
    print(f"  paired t-test   (one-sample test on the differences): p = {paired.pvalue:.5f}")
    print(f"  unpaired Welch  (ignores the pairing)               : p = {unpaired.pvalue:.5f}")
    print("Pairing removes the server-to-server variance; ignoring it throws the signal away.")


# =============================================================================================
# 5. A/B testing
# =============================================================================================


def z_test(sa: int, na: int, sb: int, nb: int) -> tuple[float, float]:
    """Pooled two-proportion z-test, B minus A, two-sided."""
    pool = (sa + sb) / (na + nb)
    se = math.sqrt(pool * (1 - pool) * (1 / na + 1 / nb))
    z = (sb / nb - sa / na) / se
    return z, 2 * stats.norm.sf(abs(z))


def sample_size(p1: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    p2 = p1 + mde
    pb = (p1 + p2) / 2
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    n = (za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / mde**2
    return math.ceil(n)


def demo_ab_test() -> None:
    section("5. A/B testing: design, analysis, and the classic traps")
    p_a, lift = 0.10, 0.02
    n = sample_size(p_a, lift)
    print(f"Design: baseline 10% conversion, smallest lift worth detecting +2 points, alpha 0.05, power 0.8")
    print(f"  -> {n} users per group ({2 * n} in total)")

    rng = np.random.default_rng(SEED + 5)
    conv_a = rng.binomial(n, p_a)
    conv_b = rng.binomial(n, p_a + lift)
    z, p = z_test(conv_a, n, conv_b, n)
    diff = conv_b / n - conv_a / n
    se_diff = math.sqrt((conv_a / n) * (1 - conv_a / n) / n + (conv_b / n) * (1 - conv_b / n) / n)
    print(f"\nOne experiment: A {conv_a}/{n} = {conv_a / n:.4f}, B {conv_b}/{n} = {conv_b / n:.4f}")
    print(f"  z = {z:.3f}, two-sided p = {p:.4g}")
    if p >= 0.05:
        print("  Not significant although the lift is real: with 80% power this happens in 1 experiment out of 5.")
    print(f"  lift = {diff:+.4f}, 95% CI for the lift = ({diff - 1.96 * se_diff:+.4f}, {diff + 1.96 * se_diff:+.4f})")
    chi2 = stats.chi2_contingency([[conv_a, n - conv_a], [conv_b, n - conv_b]], correction=False)
    print(f"  check: chi-squared on the 2x2 table = {chi2.statistic:.3f} = z^2 = {z**2:.3f}, same p = {chi2.pvalue:.4g}")

    # A/A tests: no true difference. p-values are uniform, 5% fall below 0.05.
    experiments = 4000
    a = rng.binomial(n, p_a, size=experiments)
    b = rng.binomial(n, p_a, size=experiments)
    pool = (a + b) / (2 * n)
    zs = (b - a) / n / np.sqrt(pool * (1 - pool) * 2 / n)
    ps = 2 * stats.norm.sf(np.abs(zs))
    print(f"\n{experiments} A/A tests (no real difference): share with p < 0.05 = {np.mean(ps < 0.05):.3f}"
          f"; deciles of p: {np.round(np.quantile(ps, [0.1, 0.5, 0.9]), 2)} (uniform)")

    # Power: how often the real +2 point lift is detected with the planned n.
    b_real = rng.binomial(n, p_a + lift, size=experiments)
    pool = (a + b_real) / (2 * n)
    zs = (b_real - a) / n / np.sqrt(pool * (1 - pool) * 2 / n)
    print(f"{experiments} A/B tests with a real +2 point lift: detected in {np.mean(2 * stats.norm.sf(np.abs(zs)) < 0.05):.3f}"
          " of them (planned power 0.80)")

    # Peeking: checking the p-value after every 10% of the traffic and stopping at the first
    # p < 0.05 inflates the false positive rate of an A/A test far above 5%.
    looks = 10
    chunk = n // looks
    xa = rng.binomial(chunk, p_a, size=(experiments, looks)).cumsum(axis=1)
    xb = rng.binomial(chunk, p_a, size=(experiments, looks)).cumsum(axis=1)
    m = chunk * np.arange(1, looks + 1)
    pool = (xa + xb) / (2 * m)
    zs = (xb - xa) / m / np.sqrt(pool * (1 - pool) * 2 / m)
    early = np.any(2 * stats.norm.sf(np.abs(zs)) < 0.05, axis=1)
    print(f"A/A tests analysed after each of {looks} equal chunks, stopping at the first p < 0.05:"
          f" false positive rate = {early.mean():.3f} (not 0.05)")

    # Sample ratio mismatch: a chi-squared goodness-of-fit test on the assignment counts.
    users = np.array([50_421, 49_312])
    srm = stats.chisquare(users, f_exp=[users.sum() / 2] * 2)
    print(f"\nSample-ratio check, 50/50 split planned, got {users.tolist()}: chi2 = {srm.statistic:.2f}, p = {srm.pvalue:.2g}")
    print("  -> p this small means the assignment itself is broken: fix the pipeline before reading any metric.")


# =============================================================================================
# 6. Chi-squared tests
# =============================================================================================


def demo_chi_squared() -> None:
    section("6. Chi-squared test of independence: tumour size band vs diagnosis (breast cancer data)")
    data = load_breast_cancer()
    radius = data.data[:, 0]  # mean radius
    band = np.digitize(radius, np.percentile(radius, [33.3, 66.7]))  # small / medium / large
    diagnosis = data.target  # 0 = malignant, 1 = benign
    table = np.array([[np.sum((band == i) & (diagnosis == j)) for j in (0, 1)] for i in range(3)])
    print("rows: small / medium / large radius, columns: malignant / benign")
    print(table)
    expected = np.outer(table.sum(1), table.sum(0)) / table.sum()
    chi2 = ((table - expected) ** 2 / expected).sum()
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    print(f"by hand: chi2 = {chi2:.2f}, dof = {dof}, p = {stats.chi2.sf(chi2, dof):.3g}")
    ref = stats.chi2_contingency(table)
    print(f"scipy  : chi2 = {ref.statistic:.2f}, dof = {ref.dof}, p = {ref.pvalue:.3g}")
    n = table.sum()
    cramers_v = math.sqrt(chi2 / (n * (min(table.shape) - 1)))
    print(f"effect size (Cramer's V) = {cramers_v:.3f}: a strong association, not just a 'significant' one")

    small = np.array([[30, 10], [20, 40]])
    print("\n2x2 table [[30, 10], [20, 40]]: scipy applies Yates' continuity correction to 2x2 tables by default")
    print(f"  correction=True : chi2 = {stats.chi2_contingency(small).statistic:.3f}")
    print(f"  correction=False: chi2 = {stats.chi2_contingency(small, correction=False).statistic:.3f} (the plain Pearson statistic)")


# =============================================================================================
# 7. Bootstrap and permutation tests
# =============================================================================================


def bootstrap_percentile(x: np.ndarray, statistic, n_resamples: int = 5000, confidence: float = 0.95,
                         seed: int = 0) -> tuple[float, float, np.ndarray]:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))
    boot = statistic(x[idx], axis=1)  # vectorised: one statistic per row
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(boot, [tail, 100 - tail])
    return low, high, boot


def demo_resampling() -> None:
    section("7. Resampling: bootstrap confidence intervals and a permutation test")
    y = load_diabetes().target
    rng = np.random.default_rng(SEED + 7)
    sample = rng.choice(y, size=60, replace=False)  # pretend we only had 60 patients
    low, high, boot = bootstrap_percentile(sample, np.median)
    print(f"median of 60 patients = {np.median(sample):.1f}; percentile bootstrap 95% CI = ({low:.1f}, {high:.1f})")
    ref = stats.bootstrap((sample,), np.median, n_resamples=5000, method="percentile", random_state=1)
    print(f"scipy.stats.bootstrap (percentile): ({ref.confidence_interval.low:.1f}, {ref.confidence_interval.high:.1f})"
          " (different random draws, same answer up to Monte Carlo noise)")
    print(f"median of all 442 patients = {np.median(y):.1f}")

    # Permutation test: do patients with above-median BMI progress faster?
    bmi = load_diabetes().data[:, 2]
    high_bmi, low_bmi = y[bmi > np.median(bmi)][:40], y[bmi <= np.median(bmi)][:40]
    observed = high_bmi.mean() - low_bmi.mean()
    pooled = np.concatenate([high_bmi, low_bmi])
    diffs = np.empty(9999)
    for i in range(diffs.size):
        perm = rng.permutation(pooled)
        diffs[i] = perm[:40].mean() - perm[40:].mean()
    p = (1 + np.sum(np.abs(diffs) >= abs(observed))) / (diffs.size + 1)
    print(f"\nprogression, 40 high-BMI vs 40 low-BMI patients: difference = {observed:.1f}")
    print(f"permutation test (9,999 shuffles): p = {p:.4f}; Welch t-test: p = {stats.ttest_ind(high_bmi, low_bmi, equal_var=False).pvalue:.2g}")
    print(f"{int(round(p * (diffs.size + 1))) - 1} of 9,999 shuffles were as extreme as the data; the smallest p this test"
          " can ever report is 1/10,000.")


# =============================================================================================
# 8. Maximum likelihood
# =============================================================================================


def demo_mle() -> None:
    section("8. Maximum likelihood: closed forms, numerical optimisation, and the biased variance")
    rng = np.random.default_rng(SEED + 8)
    x = rng.normal(3.0, 2.0, size=40)
    counts = rng.poisson(4.2, size=40)
    waits = rng.exponential(scale=1.5, size=40)

    # Closed forms.
    print(f"normal      : mu_hat = {x.mean():.4f}, sigma_hat (divide by n) = {x.std():.4f}; scipy norm.fit = "
          f"{tuple(round(float(v), 4) for v in stats.norm.fit(x))}")
    print(f"Poisson     : lambda_hat = mean = {counts.mean():.4f}")
    print(f"exponential : rate_hat = 1 / mean = {1 / waits.mean():.4f}; scipy expon.fit(floc=0) scale = "
          f"{stats.expon.fit(waits, floc=0)[1]:.4f} = 1 / rate")

    # The same answers by minimising the negative log-likelihood numerically: this is how MLE
    # works when there is no closed form (logistic regression, neural networks...).
    def nll(theta: np.ndarray) -> float:
        mu, log_sigma = theta  # optimise log(sigma) so sigma stays positive
        return -stats.norm.logpdf(x, mu, math.exp(log_sigma)).sum()

    res = optimize.minimize(nll, x0=np.array([0.0, 0.0]), method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-10})
    print(f"numerical   : mu_hat = {res.x[0]:.4f}, sigma_hat = {math.exp(res.x[1]):.4f} (Nelder-Mead on the NLL)")

    # Bias of the MLE variance: E[sigma_hat^2] = (n - 1) / n * sigma^2.
    for n in [3, 10, 100]:
        sims = rng.normal(0, 2.0, size=(40_000, n))
        print(f"n = {n:3d}: average MLE variance = {sims.var(axis=1).mean():.3f}, average unbiased variance ="
              f" {sims.var(axis=1, ddof=1).mean():.3f}, true 4.000, (n-1)/n * 4 = {(n - 1) / n * 4:.3f}")

    # Asymptotic standard error from the Fisher information: Var(lambda_hat) ~ lambda / n.
    lam_hat = counts.mean()
    print(f"Poisson: lambda_hat = {lam_hat:.3f} +/- {1.96 * math.sqrt(lam_hat / counts.size):.3f} (Wald 95% from the Fisher information)")


# =============================================================================================
# 9. Multiple testing
# =============================================================================================


def bh_adjust(p: np.ndarray) -> np.ndarray:
    m = p.size
    order = np.argsort(p)
    adj = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adj, 1)
    return out


def demo_multiple_testing() -> None:
    section("9. Multiple testing: 1,000 features screened, 100 real effects")
    rng = np.random.default_rng(SEED + 9)
    m, m1, n = 1000, 100, 50
    effect = np.r_[np.full(m1, 0.8), np.zeros(m - m1)]  # the first 100 features really differ
    a = rng.normal(0, 1, size=(m, n))
    b = rng.normal(effect[:, None], 1, size=(m, n))
    p = stats.ttest_ind(a, b, axis=1, equal_var=False).pvalue
    truth = effect != 0
    print(f"{'rule':<26}{'rejections':>11}{'false':>8}{'true':>7}{'FDP':>8}")
    found = {}
    for name, reject in [("raw p < 0.05", p < 0.05),
                         ("Bonferroni (p < 0.05/m)", p < 0.05 / m),
                         ("Benjamini-Hochberg 5%", bh_adjust(p) <= 0.05)]:
        false = int(np.sum(reject & ~truth))
        true = int(np.sum(reject & truth))
        found[name] = (false, true)
        fdp = false / max(reject.sum(), 1)
        print(f"{name:<26}{int(reject.sum()):>11}{false:>8}{true:>7}{fdp:>8.3f}")
    print(f"Raw p-values: {found['raw p < 0.05'][0]} false alarms ({found['raw p < 0.05'][0] / (m - m1):.1%} of the "
          f"{m - m1} true nulls; 5% expected).")
    print(f"Bonferroni: {found['Bonferroni (p < 0.05/m)'][0]} false alarms, but only {found['Bonferroni (p < 0.05/m)'][1]} "
          "of the 100 real effects found.")
    print(f"BH: {found['Benjamini-Hochberg 5%'][1]} real effects found while keeping the false discovery proportion near "
          "or below 5%.")
    print(f"scipy.stats.false_discovery_control agrees: {np.allclose(bh_adjust(p), stats.false_discovery_control(p))}")


# =============================================================================================
# 10. Statistical modelling: linear regression with inference
# =============================================================================================


def ols(X: np.ndarray, y: np.ndarray) -> dict:
    n, k = X.shape[0], X.shape[1] + 1
    A = np.column_stack([np.ones(n), X])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    resid = y - A @ coef
    dof = n - k
    s2 = resid @ resid / dof
    se = np.sqrt(np.diag(s2 * np.linalg.inv(A.T @ A)))
    t = coef / se
    loglik = -0.5 * n * (math.log(2 * math.pi * (resid @ resid) / n) + 1)  # at the MLE of sigma^2
    return {"coef": coef, "se": se, "t": t, "p": 2 * stats.t.sf(np.abs(t), dof),
            "r2": 1 - resid @ resid / ((y - y.mean()) ** 2).sum(), "aic": 2 * (k + 1) - 2 * loglik, "resid": resid}


def demo_modelling() -> None:
    section("10. Statistical modelling: which diabetes features matter? (OLS with standard errors)")
    data = load_diabetes()
    y = data.target
    names = ["bmi", "bp", "s5", "age"]
    cols = [data.feature_names.index(nm) for nm in names]
    X = data.data[:, cols]
    res = ols(X, y)
    print(f"{'term':<10}{'coef':>10}{'se':>9}{'t':>8}{'p':>11}")
    for term, c, s, t, p in zip(["intercept"] + names, res["coef"], res["se"], res["t"], res["p"]):
        print(f"{term:<10}{c:>10.2f}{s:>9.2f}{t:>8.2f}{p:>11.2g}")
    print(f"R^2 = {res['r2']:.3f}")
    small = ols(X[:, :3], y)
    print(f"AIC with age = {res['aic']:.1f}, without age = {small['aic']:.1f} (lower is better: age adds nothing)")
    lr = stats.linregress(X[:, 0], y)
    single = ols(X[:, :1], y)
    print(f"check, bmi alone: slope {single['coef'][1]:.2f} +/- {single['se'][1]:.2f}; scipy.linregress {lr.slope:.2f} +/- {lr.stderr:.2f}")
    resid = res["resid"]
    print(f"residual checks: mean {resid.mean():.2e} (0 by construction), skewness {stats.skew(resid):.3f},"
          f" Shapiro-Wilk p = {stats.shapiro(resid).pvalue:.3f}")


# =============================================================================================
# Figures
# =============================================================================================


def figure_ci_coverage(path: Path) -> None:
    """100 t-intervals from repeated samples: about 95 cover the true mean."""
    rng = np.random.default_rng(42)
    mu, sigma, n, k = 50.0, 10.0, 20, 100
    x = rng.normal(mu, sigma, size=(k, n))
    m = x.mean(axis=1)
    half = stats.t.ppf(0.975, n - 1) * x.std(axis=1, ddof=1) / math.sqrt(n)
    covers = np.abs(m - mu) <= half
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for i in range(k):
        color = "tab:blue" if covers[i] else "tab:red"
        ax.plot([i, i], [m[i] - half[i], m[i] + half[i]], color=color, lw=1.4)
        ax.plot(i, m[i], "o", color=color, ms=2.5)
    ax.axhline(mu, color="black", lw=1, ls="--", label=r"true mean $\mu = 50$")
    ax.set_xlabel("repeated study (n = 20 each)")
    ax.set_ylabel("95% t-interval for the mean")
    ax.set_title(f"{covers.sum()} of {k} intervals cover the true mean (red: the ones that miss)")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_null_alternative(path: Path) -> None:
    """Sampling distribution of z under H0 and under H1: alpha, beta and power."""
    z = np.linspace(-4, 6.5, 800)
    shift = 2.8  # expected z under H1 for 80% power at alpha = 0.05 (1.96 + 0.84)
    crit = stats.norm.ppf(0.975)
    h0, h1 = stats.norm.pdf(z), stats.norm.pdf(z, loc=shift)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    ax.plot(z, h0, color="tab:blue", label=r"$H_0$: no difference")
    ax.plot(z, h1, color="tab:orange", label=r"$H_1$: true lift (expected $z = 2.8$)")
    ax.fill_between(z, h0, where=np.abs(z) >= crit, color="tab:blue", alpha=0.35, label=r"$\alpha = 0.05$ (type I error)")
    ax.fill_between(z, h1, where=z < crit, color="tab:orange", alpha=0.25, label=r"$\beta \approx 0.20$ (type II error)")
    ax.fill_between(z, h1, where=z >= crit, color="tab:green", alpha=0.25, label=r"power $= 1 - \beta \approx 0.80$")
    for c in (-crit, crit):
        ax.axvline(c, color="gray", ls="--", lw=1)
    ax.text(crit + 0.08, 0.36, "reject $H_0$\n$|z| > 1.96$", fontsize=9)
    ax.text(-crit - 0.08, 0.12, "reject $H_0$\n$|z| > 1.96$", fontsize=9, ha="right")
    ax.set_xlabel("test statistic z")
    ax.set_ylabel("density")
    ax.set_title("Two-sided z-test: rejection region, errors and power")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_power_curve(path: Path) -> None:
    """Power of the two-proportion test vs users per group, for three lifts."""
    n = np.arange(100, 12_001, 50)
    p1 = 0.10
    za = stats.norm.ppf(0.975)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for mde, color in [(0.01, "tab:red"), (0.02, "tab:blue"), (0.04, "tab:green")]:
        p2 = p1 + mde
        pb = (p1 + p2) / 2
        power = stats.norm.cdf((mde * np.sqrt(n) - za * math.sqrt(2 * pb * (1 - pb))) / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
        ax.plot(n, power, color=color, label=f"10% -> {100 * p2:.0f}% (lift {100 * mde:.0f} pt)")
        need = sample_size(p1, mde)
        if need <= n.max():
            ax.plot(need, 0.8, "o", color=color)
            ax.annotate(f"{need}", (need, 0.8), textcoords="offset points", xytext=(4, -14), fontsize=8, color=color)
    ax.axhline(0.8, color="gray", ls="--", lw=1)
    ax.axhline(0.05, color="gray", ls=":", lw=1)
    ax.text(11_800, 0.06, r"$\alpha$", ha="right", fontsize=9)
    ax.set_xlabel("users per group")
    ax.set_ylabel("power (probability of p < 0.05)")
    ax.set_title("Power grows with n; halving the lift needs about 4x the users")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="center right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_bootstrap(path: Path) -> None:
    """Bootstrap distribution of the median of 60 diabetes patients with its 95% percentile CI."""
    y = load_diabetes().target
    rng = np.random.default_rng(SEED + 7)
    sample = rng.choice(y, size=60, replace=False)
    low, high, boot = bootstrap_percentile(sample, np.median)
    fig, ax = plt.subplots(figsize=(8, 4.0))
    ax.hist(boot, bins=50, color="tab:blue", alpha=0.7)
    ax.axvline(np.median(sample), color="black", lw=1.5, label=f"sample median {np.median(sample):.1f}")
    ax.axvline(low, color="tab:red", ls="--", label=f"2.5th / 97.5th percentiles: ({low:.1f}, {high:.1f})")
    ax.axvline(high, color="tab:red", ls="--")
    ax.set_xlabel("median of a bootstrap resample")
    ax.set_ylabel("count (of 5,000 resamples)")
    ax.set_title("Percentile bootstrap: the middle 95% of the resampled medians")
    ax.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_likelihood(path: Path) -> None:
    """Poisson log-likelihood as a function of lambda: maximised at the sample mean."""
    counts = np.array([2, 4, 3, 6, 1, 4, 5, 3, 2, 4])
    lam = np.linspace(1.0, 7.0, 400)
    ll = np.array([stats.poisson.logpmf(counts, v).sum() for v in lam])
    fig, ax = plt.subplots(figsize=(8, 4.0))
    ax.plot(lam, ll, color="tab:blue")
    best = counts.mean()
    ax.axvline(best, color="tab:red", ls="--", label=rf"$\hat\lambda = \bar{{x}} = {best:.1f}$")
    ax.set_xlabel(r"$\lambda$")
    ax.set_ylabel(r"log-likelihood $\ell(\lambda)$")
    ax.set_title(f"Poisson log-likelihood of the counts {counts.tolist()}")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


FIGURES = {
    "ci_coverage.png": figure_ci_coverage,
    "null_alternative.png": figure_null_alternative,
    "power_curve.png": figure_power_curve,
    "bootstrap_median.png": figure_bootstrap,
    "poisson_likelihood.png": figure_likelihood,
}


def make_figures(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, draw in FIGURES.items():
        path = folder / name
        draw(path)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Module 04 - Statistics: demonstrations")
    parser.add_argument("--figures", action="store_true", help="regenerate the figures of theory.md in figures/")
    args = parser.parse_args()
    if args.figures:
        for path in make_figures(FIGURES_DIR):
            print(f"wrote {path}")
        return

    start = time.perf_counter()
    demo_descriptive()
    demo_sampling_distribution()
    demo_confidence_intervals()
    demo_t_tests()
    demo_ab_test()
    demo_chi_squared()
    demo_resampling()
    demo_mle()
    demo_multiple_testing()
    demo_modelling()
    section("Plots")
    for path in make_figures(OUTPUT_DIR):
        print(f"saved {path}")
    print(f"\nAll sections done in {time.perf_counter() - start:.1f} s.")


if __name__ == "__main__":
    main()
