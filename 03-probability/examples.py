"""Module 03 - Probability: runnable demonstrations.

Every section of theory.md has a section here that computes its numbers, so you can check the
chapter by running code and then change the code to ask your own questions.

    uv run 03-probability/examples.py            # all sections; plots go to 03-probability/output/
    uv run 03-probability/examples.py --figures  # regenerate the figures used by theory.md
    cd 03-probability && python examples.py      # works from inside the folder as well

Deterministic (every random number comes from a seeded generator), CPU only (section 9 uses a
GPU if PyTorch sees one, but never needs it), and it finishes in about 10 s (mostly imports).
"""
from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files, never open a window (works on servers and in CI)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

HERE = Path(__file__).resolve().parent          # 03-probability/, wherever we are run from
OUTPUT_DIR = HERE / "output"                    # plots of a normal run (git-ignored)
FIGURES_DIR = HERE / "figures"                  # figures embedded in theory.md (committed)
SEED = 0


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print()
    print("=" * 78)
    print(title)
    print("=" * 78)


# =============================================================================================
# 1. Sample spaces, events and the axioms
# =============================================================================================
def demo_sample_space(rng: np.random.Generator) -> None:
    section("1. Sample spaces, events and the axioms: two fair dice")
    # The sample space of two dice: all 36 ordered pairs, each equally likely (1/36).
    omega = list(itertools.product(range(1, 7), repeat=2))
    prob = {outcome: 1 / len(omega) for outcome in omega}

    def P(event) -> float:
        """Probability of an event = sum of the probabilities of the outcomes in it."""
        return sum(prob[o] for o in omega if event(o))

    def first_is_six(o):
        return o[0] == 6

    def sum_at_least_10(o):
        return o[0] + o[1] >= 10

    print(f"|Omega| = {len(omega)} outcomes; P(Omega) = {P(lambda o: True):.3f} (axiom 2)")
    print(f"P(sum = 7)           = {P(lambda o: sum(o) == 7):.4f}  (6/36 = {6 / 36:.4f})")
    p_a, p_b = P(first_is_six), P(sum_at_least_10)
    p_ab = P(lambda o: first_is_six(o) and sum_at_least_10(o))
    p_union = P(lambda o: first_is_six(o) or sum_at_least_10(o))
    print(f"A = first die is 6, B = sum >= 10: P(A)={p_a:.4f}, P(B)={p_b:.4f}, P(A and B)={p_ab:.4f}")
    print(f"inclusion-exclusion P(A)+P(B)-P(A and B) = {p_a + p_b - p_ab:.4f}; "
          f"direct P(A or B) = {p_union:.4f}")
    print(f"complement rule: P(not A) = 1 - P(A) = {1 - p_a:.4f}")

    # Frequencies from simulation approach the probabilities (preview of the LLN, section 6).
    rolls = rng.integers(1, 7, size=(100_000, 2))
    freq_union = np.mean((rolls[:, 0] == 6) | (rolls.sum(axis=1) >= 10))
    print(f"simulated frequency of A or B in 100,000 throws: {freq_union:.4f}")


# =============================================================================================
# 2. Conditional probability and Bayes' theorem
# =============================================================================================
def demo_bayes(rng: np.random.Generator) -> None:
    section("2. Conditional probability and Bayes' theorem: a medical test")
    prevalence, sensitivity, specificity = 0.01, 0.95, 0.90
    # Law of total probability: P(+) = P(+|D)P(D) + P(+|not D)P(not D)
    p_pos = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)
    posterior = sensitivity * prevalence / p_pos
    print(f"P(D)={prevalence}, P(+|D)={sensitivity}, P(-|not D)={specificity}")
    print(f"P(+) = {p_pos:.4f};  P(D | +) = {sensitivity * prevalence:.4f} / {p_pos:.4f} = {posterior:.4f}")

    # The same number by brute force: simulate a population and count.
    n = 1_000_000
    sick = rng.random(n) < prevalence
    positive = np.where(sick, rng.random(n) < sensitivity, rng.random(n) < 1 - specificity)
    print(f"simulated: {positive.sum():,} positives, of which {np.sum(sick & positive):,} sick -> "
          f"P(D | +) ~ {np.mean(sick[positive]):.4f}")

    # Sequential updating: yesterday's posterior is today's prior.
    p = prevalence
    for test in range(1, 4):
        p = sensitivity * p / (sensitivity * p + (1 - specificity) * (1 - p))
        print(f"after {test} positive test(s): P(D | data) = {p:.4f}")

    # Log space: the product of many likelihoods underflows, the sum of their logs does not.
    likelihoods = np.full(2000, 0.3)
    print(f"product of 2000 likelihoods of 0.3: {np.prod(likelihoods)!r};  "
          f"sum of their logs: {np.log(likelihoods).sum():.1f}")


# =============================================================================================
# 3. Random variables and six distributions
# =============================================================================================
SIX = {
    # name: (scipy frozen distribution, discrete?, mean formula, variance formula)
    "Bernoulli(p=0.3)": (stats.bernoulli(0.3), True, 0.3, 0.3 * 0.7),
    "Binomial(n=10, p=0.3)": (stats.binom(10, 0.3), True, 3.0, 10 * 0.3 * 0.7),
    "Poisson(lam=3)": (stats.poisson(3.0), True, 3.0, 3.0),
    "Uniform(a=0, b=2)": (stats.uniform(loc=0.0, scale=2.0), False, 1.0, 4 / 12),
    "Normal(mu=0, sigma=1)": (stats.norm(0.0, 1.0), False, 0.0, 1.0),
    "Exponential(lam=1.5)": (stats.expon(scale=1 / 1.5), False, 1 / 1.5, 1 / 1.5 ** 2),
}


def demo_distributions(rng: np.random.Generator) -> None:
    section("3. Random variables: six distributions (formula vs SciPy vs 200,000 samples)")
    print(f"{'distribution':24}{'mean: formula':>14}{'scipy':>9}{'sample':>9}"
          f"{'var: formula':>14}{'scipy':>9}{'sample':>9}")
    for name, (dist, _, mean, var) in SIX.items():
        # scipy's .rvs accepts our generator, so the run stays reproducible.
        x = dist.rvs(size=200_000, random_state=rng)
        print(f"{name:24}{mean:14.4f}{dist.mean():9.4f}{x.mean():9.4f}"
              f"{var:14.4f}{dist.var():9.4f}{x.var(ddof=1):9.4f}")

    # pmf values sum to 1; pdf values integrate to 1 (and a density can exceed 1).
    k = np.arange(11)
    print(f"\nBinomial(10, 0.3): P(X=3) = {stats.binom.pmf(3, 10, 0.3):.4f}, "
          f"sum of pmf over 0..10 = {stats.binom.pmf(k, 10, 0.3).sum():.6f}")
    print(f"Poisson(3): P(X=0) = e^-3 = {stats.poisson.pmf(0, 3):.4f}, P(X<=2) = {stats.poisson.cdf(2, 3):.4f}")
    narrow = stats.uniform(0, 0.5)
    print(f"Uniform(0, 0.5) density = {narrow.pdf(0.25):.1f} > 1, yet P(0 <= X <= 0.5) = "
          f"{narrow.cdf(0.5) - narrow.cdf(0):.1f}")
    z = stats.norm(100, 15)
    print(f"IQ ~ Normal(100, 15): P(X > 130) = {z.sf(130):.4f}, 97.5 % quantile = {z.ppf(0.975):.1f}")
    e = stats.expon(scale=1 / 1.5)
    print(f"Exponential(1.5) is memoryless: P(X > 1 + 0.5 | X > 1) = {e.sf(1.5) / e.sf(1.0):.4f} "
          f"= P(X > 0.5) = {e.sf(0.5):.4f}")


# =============================================================================================
# 4. Joint, marginal and conditional distributions (on the iris data)
# =============================================================================================
def demo_joint_iris() -> None:
    section("4. Joint, marginal and conditional distributions: iris species x petal length")
    from sklearn.datasets import load_iris

    iris = load_iris()
    species = iris.target                                   # X: 0, 1, 2
    petal_length = iris.data[:, 2]
    bins = np.digitize(petal_length, [2.5, 5.0])             # Y: 0 short, 1 medium, 2 long
    # Joint table by counting: joint[i, j] = fraction of flowers with species i and length bin j.
    joint = np.zeros((3, 3))
    np.add.at(joint, (species, bins), 1)
    joint /= joint.sum()
    p_species = joint.sum(axis=1)        # marginal of X: sum over Y (each row)
    p_length = joint.sum(axis=0)         # marginal of Y: sum over X (each column)
    length_given_species = joint / p_species[:, None]
    species_given_length = joint / p_length[None, :]
    np.set_printoptions(precision=3, suppress=True)
    print("joint P(species, length bin):  rows = setosa, versicolor, virginica; "
          "columns = short (<2.5), medium, long (>=5)")
    print(joint)
    print("P(species) =", p_species, "  P(length) =", p_length)
    print("P(length | species) (rows sum to 1):\n", length_given_species)
    print("P(species | length) (columns sum to 1):\n", species_given_length)
    print("independent? max |P(x, y) - P(x) P(y)| =",
          f"{np.abs(joint - np.outer(p_species, p_length)).max():.3f} (far from 0: petal length "
          "carries information about the species)")


# =============================================================================================
# 5. Expectation, variance, covariance, correlation
# =============================================================================================
def demo_moments(rng: np.random.Generator) -> None:
    section("5. Expectation, variance, covariance and correlation")
    # Expectation of a die by the definition E[X] = sum x p(x).
    faces = np.arange(1, 7)
    mean = np.sum(faces / 6)
    var = np.sum((faces - mean) ** 2 / 6)
    print(f"fair die: E[X] = {mean:.4f}, Var[X] = {var:.4f} (35/12 = {35 / 12:.4f})")

    # Bessel's correction: average the two variance estimates over many small samples.
    samples = rng.normal(0.0, 2.0, size=(200_000, 5))      # true variance 4, n = 5
    print(f"mean of var(ddof=0) over 200,000 samples of n=5: {samples.var(axis=1, ddof=0).mean():.3f} "
          f"(biased: (n-1)/n * 4 = {4 * 4 / 5:.3f})")
    print(f"mean of var(ddof=1) over the same samples:      {samples.var(axis=1, ddof=1).mean():.3f} "
          "(unbiased: 4)")

    # Covariance and correlation matrices of three wine features.
    from sklearn.datasets import load_wine

    wine = load_wine()
    cols = [0, 6, 9]                                       # alcohol, flavanoids, colour intensity
    X = wine.data[:, cols]
    centred = X - X.mean(axis=0)
    cov = centred.T @ centred / (len(X) - 1)
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    names = [wine.feature_names[c] for c in cols]
    print(f"\nwine features {names}:")
    print("covariance (by hand, n - 1):\n", cov.round(3))
    print("matches np.cov(X, rowvar=False):", np.allclose(cov, np.cov(X, rowvar=False)))
    print("correlation:\n", corr.round(3))
    print("matches np.corrcoef:", np.allclose(corr, np.corrcoef(X, rowvar=False)))

    # Zero correlation does not mean independence.
    x = rng.normal(size=100_000)
    print(f"\nX ~ N(0,1), Y = X^2 (completely dependent): corr(X, Y) = {np.corrcoef(x, x ** 2)[0, 1]:+.4f}")
    # Variance of a sum picks up twice the covariance.
    a = rng.normal(size=100_000)
    b = 0.6 * a + 0.8 * rng.normal(size=100_000)           # Var b = 1, Cov(a, b) = 0.6
    print(f"Var(A + B) = {np.var(a + b, ddof=1):.3f}; Var A + Var B + 2 Cov = "
          f"{np.var(a, ddof=1) + np.var(b, ddof=1) + 2 * np.cov(a, b)[0, 1]:.3f} (exact 3.2)")


# =============================================================================================
# 6. The law of large numbers and the central limit theorem
# =============================================================================================
def demo_lln_clt(rng: np.random.Generator) -> None:
    section("6. The law of large numbers and the central limit theorem")
    rolls = rng.integers(1, 7, size=100_000)
    running = np.cumsum(rolls) / np.arange(1, rolls.size + 1)
    for n in (10, 100, 1_000, 10_000, 100_000):
        print(f"mean of the first {n:>7,} die rolls: {running[n - 1]:.4f}   (E[X] = 3.5)")

    # CLT: means of n Exponential(1) draws (mean 1, sd 1, skewed) look more and more normal.
    print("\nmeans of n Exponential(1) draws, 20,000 repetitions each:")
    print(f"{'n':>5}{'mean':>9}{'sd':>9}{'1/sqrt(n)':>11}{'skewness':>10}{'2/sqrt(n)':>11}"
          f"{'P(|Z|<1.96)':>13}")
    for n in (1, 2, 5, 30, 100):
        means = rng.exponential(1.0, size=(20_000, n)).mean(axis=1)
        zscores = (means - 1.0) / (1.0 / math.sqrt(n))
        print(f"{n:>5}{means.mean():9.4f}{means.std(ddof=1):9.4f}{1 / math.sqrt(n):11.4f}"
              f"{stats.skew(means):10.3f}{2 / math.sqrt(n):11.3f}{np.mean(np.abs(zscores) < 1.96):13.3f}")
    print("the skewness shrinks like 2/sqrt(n) and the 95 % rule of the normal becomes accurate")


# =============================================================================================
# 7. Monte Carlo estimation with an error bar
# =============================================================================================
def demo_monte_carlo(rng: np.random.Generator) -> None:
    section("7. Monte Carlo: estimates with error bars")
    print("pi from random points in the unit square (pi = 4 P(point inside the quarter circle)):")
    for n in (100, 10_000, 1_000_000):
        pts = rng.random((n, 2))
        inside = (pts ** 2).sum(axis=1) <= 1.0
        y = 4.0 * inside                                   # one-sample estimates of pi
        est, se = y.mean(), y.std(ddof=1) / math.sqrt(n)
        print(f"  n={n:>9,}: {est:.5f} +- {1.96 * se:.5f} (95 %), actual error {abs(est - math.pi):.5f}")
    print("  each 100x more samples buys one more digit: the error falls like 1/sqrt(n)")

    # An integral with no elementary antiderivative, checked against scipy.integrate.quad.
    from scipy.integrate import quad

    n = 100_000
    u = rng.uniform(0.0, 2.0, size=n)
    y = 2.0 * np.exp(-u ** 2)                              # (b - a) f(U)
    exact, _ = quad(lambda t: math.exp(-t * t), 0.0, 2.0)
    print(f"integral of exp(-x^2) on [0, 2]: MC {y.mean():.5f} +- {1.96 * y.std(ddof=1) / math.sqrt(n):.5f}"
          f", quad {exact:.5f}")

    # An expectation no formula gives easily: E[max of three dice].
    m = rng.integers(1, 7, size=(200_000, 3)).max(axis=1)
    exact_max = sum(k * ((k / 6) ** 3 - ((k - 1) / 6) ** 3) for k in range(1, 7))
    print(f"E[max of 3 dice]: MC {m.mean():.4f} +- {1.96 * m.std(ddof=1) / math.sqrt(m.size):.4f}, "
          f"exact {exact_max:.4f}")


# =============================================================================================
# 8. Sampling by inverse transform
# =============================================================================================
def demo_sampling(rng: np.random.Generator) -> None:
    section("8. Sampling: the inverse-transform method")
    rate = 1.5
    u = rng.random(50_000)
    x = -np.log1p(-u) / rate                               # F^-1(u) for Exponential(rate)
    ks = stats.kstest(x, stats.expon(scale=1 / rate).cdf)
    print(f"Exponential({rate}) by inverse transform: mean {x.mean():.4f} (exact {1 / rate:.4f}), "
          f"KS statistic {ks.statistic:.4f}, p-value {ks.pvalue:.3f}")
    wrong = -np.log1p(-u) * rate                           # the classic bug: rate used as scale
    print(f"same uniforms, rate used as the scale: KS p-value {stats.kstest(wrong, stats.expon(scale=1 / rate).cdf).pvalue:.1e}")

    weights = np.array([0.5, 0.3, 0.15, 0.05])
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]
    cats = np.searchsorted(cdf, rng.random(100_000), side="right")
    print(f"categorical {weights.tolist()} by cumsum + searchsorted: frequencies "
          f"{np.round(np.bincount(cats, minlength=4) / cats.size, 4).tolist()}")

    # Any distribution SciPy knows has an inverse cdf, .ppf: inverse transform in one line.
    normal_draws = stats.norm.ppf(rng.random(50_000), loc=10.0, scale=2.0)
    print(f"Normal(10, 2) via norm.ppf(U): mean {normal_draws.mean():.3f}, sd {normal_draws.std(ddof=1):.3f}")

    # Multivariate normal by the Cholesky factor: x = mu + L z with z ~ N(0, I).
    mu = np.array([1.0, -2.0])
    cov = np.array([[2.0, 1.2], [1.2, 1.0]])
    L = np.linalg.cholesky(cov)
    samples = mu + rng.standard_normal((100_000, 2)) @ L.T
    print(f"N(mu, Sigma) via Cholesky: sample mean {samples.mean(axis=0).round(3).tolist()}, "
          f"sample cov {np.cov(samples, rowvar=False).round(3).tolist()}")


# =============================================================================================
# 9. Entropy, KL divergence and cross-entropy
# =============================================================================================
def demo_information(rng: np.random.Generator) -> None:
    section("9. Entropy, KL divergence and cross-entropy")
    p = np.array([0.7, 0.2, 0.1])
    q = np.array([0.5, 0.3, 0.2])
    H = -np.sum(p * np.log(p))
    KL = np.sum(p * np.log(p / q))
    CE = -np.sum(p * np.log(q))
    print(f"p={p.tolist()}, q={q.tolist()}")
    print(f"H(p) = {H:.4f} nats = {H / math.log(2):.4f} bits;  KL(p||q) = {KL:.4f};  KL(q||p) = "
          f"{np.sum(q * np.log(q / p)):.4f} (not symmetric)")
    print(f"H(p, q) = {CE:.4f} = H(p) + KL(p||q) = {H + KL:.4f}")
    print(f"scipy.stats.entropy: H(p) = {stats.entropy(p):.4f}, KL(p||q) = {stats.entropy(p, q):.4f}")

    # Cross-entropy is the classification loss: logistic regression on breast-cancer data.
    from sklearn.datasets import load_breast_cancer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=SEED, stratify=y)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_tr, y_tr)
    proba = model.predict_proba(X_te)
    by_hand = -np.mean(np.log(proba[np.arange(len(y_te)), y_te]))  # mean of -log q[true class]
    print(f"\nlogistic regression on breast_cancer: mean cross-entropy by hand {by_hand:.4f}, "
          f"sklearn log_loss {log_loss(y_te, proba):.4f}")

    # PyTorch's F.cross_entropy takes logits and applies log-softmax inside (numerically stable).
    import torch
    import torch.nn.functional as F

    device = "cuda" if torch.cuda.is_available() else "cpu"
    logits = torch.tensor(rng.normal(size=(4, 3)), dtype=torch.float64, device=device)
    labels = torch.tensor([0, 2, 1, 2], device=device)
    q_model = torch.softmax(logits, dim=1).cpu().numpy()
    manual = -np.mean(np.log(q_model[np.arange(4), labels.cpu().numpy()]))
    print(f"torch ({device}) F.cross_entropy(logits, labels) = {F.cross_entropy(logits, labels).item():.6f}; "
          f"-mean log softmax[true] = {manual:.6f}")
    # Label smoothing = cross-entropy with a soft target distribution p.
    soft = F.cross_entropy(logits, labels, label_smoothing=0.1).item()
    p_soft = np.full((4, 3), 0.1 / 3)
    p_soft[np.arange(4), labels.cpu().numpy()] += 0.9
    print(f"with label_smoothing=0.1: torch {soft:.6f}; H(p_soft, q) by hand "
          f"{np.mean(-(p_soft * np.log(q_model)).sum(axis=1)):.6f}")


# =============================================================================================
# Figures (used by theory.md; a normal run saves copies under output/)
# =============================================================================================
def figure_distributions(path: Path) -> None:
    """pmf / pdf (and cdf) of the six distributions of section 3."""
    fig, axes = plt.subplots(2, 3, figsize=(11, 6.2))
    for ax, (name, (dist, discrete, _, _)) in zip(axes.ravel(), SIX.items()):
        if discrete:
            k = np.arange(0, 11)
            ax.bar(k, dist.pmf(k), color="tab:blue", alpha=0.8, label="pmf")
            ax.step(k, dist.cdf(k), where="post", color="tab:orange", label="cdf")
            ax.set_xlabel("k")
        else:
            lo, hi = {"Uniform(a=0, b=2)": (-0.5, 2.5), "Normal(mu=0, sigma=1)": (-4, 4),
                      "Exponential(lam=1.5)": (-0.3, 4)}[name]
            x = np.linspace(lo, hi, 600)
            ax.plot(x, dist.pdf(x), color="tab:blue", label="pdf")
            ax.plot(x, dist.cdf(x), color="tab:orange", label="cdf")
            ax.set_xlabel("x")
        ax.set_title(name, fontsize=10)
        ax.set_ylim(0, 1.6 if name.startswith("Exponential") else 1.05)
        ax.grid(alpha=0.3)
    axes[0, 0].legend(loc="center right", fontsize=8)
    axes[1, 0].legend(loc="upper right", fontsize=8)
    fig.suptitle("Six distributions: pmf/pdf (blue) and cdf (orange)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_lln_clt(path: Path) -> None:
    """Left: running means of die rolls (LLN). Right: sample means of Exponential(1) (CLT)."""
    rng = np.random.default_rng(SEED)
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.6), gridspec_kw={"width_ratios": [1.6, 1, 1, 1]})
    ax = axes[0]
    n = np.arange(1, 5001)
    for _ in range(5):
        rolls = rng.integers(1, 7, size=n.size)
        ax.plot(n, np.cumsum(rolls) / n, lw=0.9)
    sd = math.sqrt(35 / 12)
    ax.plot(n, 3.5 + 1.96 * sd / np.sqrt(n), "k--", lw=0.8, label=r"$3.5 \pm 1.96\,\sigma/\sqrt{n}$")
    ax.plot(n, 3.5 - 1.96 * sd / np.sqrt(n), "k--", lw=0.8)
    ax.set_xscale("log")
    ax.set_ylim(1.5, 5.5)
    ax.set_xlabel("number of rolls n")
    ax.set_title("LLN: running mean of a die")
    ax.legend(fontsize=8)
    for ax, size in zip(axes[1:], (1, 5, 30)):
        means = rng.exponential(1.0, size=(20_000, size)).mean(axis=1)
        ax.hist(means, bins=60, density=True, color="tab:blue", alpha=0.7)
        x = np.linspace(max(0, 1 - 4 / math.sqrt(size)), 1 + 5 / math.sqrt(size), 300)
        ax.plot(x, stats.norm.pdf(x, 1.0, 1 / math.sqrt(size)), "r", lw=1.5,
                label=r"$\mathcal{N}(1, 1/n)$")
        ax.set_title(f"CLT: mean of n={size} Exp(1) draws")
        ax.set_xlabel("sample mean")
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_inverse_transform(path: Path) -> None:
    """The cdf of Exponential(1.5) read backwards: uniform heights become exponential samples."""
    rng = np.random.default_rng(SEED)
    rate = 1.5
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    ax = axes[0]
    x = np.linspace(0, 4, 400)
    ax.plot(x, 1 - np.exp(-rate * x), color="tab:orange", lw=2, label=r"$F(x) = 1 - e^{-1.5x}$")
    for u in (0.2, 0.5, 0.8, 0.95):
        xu = -math.log1p(-u) / rate
        ax.annotate("", xy=(xu, u), xytext=(0, u), arrowprops=dict(arrowstyle="->", color="gray"))
        ax.annotate("", xy=(xu, 0), xytext=(xu, u), arrowprops=dict(arrowstyle="->", color="gray"))
        ax.text(0.03, u + 0.015, f"u={u}", fontsize=8)
        ax.text(xu, -0.07, f"{xu:.2f}", fontsize=8, ha="center")
    ax.set_ylim(-0.1, 1.05)
    ax.set_xlim(0, 4)
    ax.set_xlabel("x")
    ax.set_ylabel("u")
    ax.set_title(r"inverse transform: $x = F^{-1}(u) = -\ln(1-u)/\lambda$")
    ax.legend(loc="lower right")
    ax = axes[1]
    samples = -np.log1p(-rng.random(20_000)) / rate
    ax.hist(samples, bins=80, density=True, alpha=0.7, label="20,000 samples of $F^{-1}(U)$")
    ax.plot(x, rate * np.exp(-rate * x), "r", lw=1.5, label="Exponential(1.5) pdf")
    ax.set_xlim(0, 4)
    ax.set_xlabel("x")
    ax.set_title("the samples follow the target density")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


FIGURES = {
    "distributions.png": figure_distributions,
    "lln_clt.png": figure_lln_clt,
    "inverse_transform.png": figure_inverse_transform,
}


def write_figures(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in FIGURES.items():
        path = folder / name
        make(path)
        paths.append(path)
    return paths


def main(argv: list[str]) -> None:
    if "--figures" in argv:
        for path in write_figures(FIGURES_DIR):
            print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
        return
    rng = np.random.default_rng(SEED)   # one generator for the whole run: reproducible
    demo_sample_space(rng)
    demo_bayes(rng)
    demo_distributions(rng)
    demo_joint_iris()
    demo_moments(rng)
    demo_lln_clt(rng)
    demo_monte_carlo(rng)
    demo_sampling(rng)
    demo_information(rng)
    section("Plots")
    for path in write_figures(OUTPUT_DIR):
        print(f"saved {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
