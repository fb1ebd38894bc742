"""Module 02 - Calculus: runnable demonstrations.

Every section prints what it computes next to the exact answer, so you can see each idea of
theory.md work (or fail) on real numbers.

    uv run 02-calculus/examples.py              # all sections; plots go to 02-calculus/output/
    uv run 02-calculus/examples.py --figures    # regenerate the figures of theory.md
    cd 02-calculus && python examples.py        # works from inside the folder too

Deterministic (seeded), CPU-only by default (uses a GPU for the autograd demo if one is present),
no network, a few seconds on a laptop.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files, never open a window (works on servers and in CI)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
from scipy import integrate, stats  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT_DIR = HERE / "output"     # git-ignored: plots made during a normal run
FIGURES_DIR = HERE / "figures"   # committed: the figures embedded in theory.md
EPS = np.finfo(float).eps        # 2.22e-16, the spacing of floats near 1.0

RNG = np.random.default_rng(0)   # the one source of randomness for this script


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print()
    print("=" * 78)
    print(title)
    print("=" * 78)


# ---------------------------------------------------------------------------------------------
# Small helpers used by several sections (deliberately simple; the exercises ask for the
# careful versions).
# ---------------------------------------------------------------------------------------------


def forward_diff(f, x, h):
    """One-sided difference quotient: error O(h)."""
    return (f(x + h) - f(x)) / h


def central_diff(f, x, h):
    """Symmetric difference quotient: error O(h^2)."""
    return (f(x + h) - f(x - h)) / (2 * h)


def grad_2d(f, x, y, h=1e-6):
    """Central-difference gradient of f(x, y), vectorised over arrays x and y."""
    return np.array([(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)])


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# =============================================================================================
# 1. Limits
# =============================================================================================


def demo_limits() -> None:
    section("1. Limits: what a function approaches")
    print("sin(x)/x as x -> 0 (the function is undefined AT 0, yet the limit is 1):")
    for x in [1.0, 0.1, 0.01, 0.001, 1e-6]:
        print(f"  x = {x:<8g} sin(x)/x = {math.sin(x) / x:.12f}")
    print("(1 + 1/n)^n as n -> infinity approaches e = 2.718281828...:")
    for n in [1, 10, 100, 10_000, 1_000_000]:
        print(f"  n = {n:<9d} (1 + 1/n)^n = {(1 + 1 / n) ** n:.10f}")
    print("|x|/x has different one-sided limits at 0, so the two-sided limit does not exist:")
    for x in [-1e-3, -1e-9, 1e-9, 1e-3]:
        print(f"  x = {x:<8g} |x|/x = {abs(x) / x:+.0f}")
    print("The derivative of e^x at 0 is the limit of (e^h - 1)/h:")
    for h in [1e-1, 1e-3, 1e-5]:
        print(f"  h = {h:<7g} (e^h - 1)/h = {(math.exp(h) - 1) / h:.10f}")


# =============================================================================================
# 2. Derivatives and the rules
# =============================================================================================


def demo_derivative_rules() -> None:
    section("2. Derivatives and differentiation rules, checked numerically")
    x, h = 0.8, 1e-6
    checks = [
        ("power     d/dx x^3          = 3x^2", lambda t: t**3, 3 * x**2),
        ("product   d/dx x^2 sin x    = 2x sin x + x^2 cos x", lambda t: t**2 * np.sin(t),
         2 * x * np.sin(x) + x**2 * np.cos(x)),
        ("quotient  d/dx sin x / x    = (x cos x - sin x) / x^2", lambda t: np.sin(t) / t,
         (x * np.cos(x) - np.sin(x)) / x**2),
        ("chain     d/dx sin(x^2)     = cos(x^2) 2x", lambda t: np.sin(t**2), np.cos(x**2) * 2 * x),
        ("chain     d/dx exp(-x^2/2)  = -x exp(-x^2/2)", lambda t: np.exp(-t**2 / 2), -x * np.exp(-x**2 / 2)),
        ("log       d/dx log(1 + x^2) = 2x / (1 + x^2)", lambda t: np.log1p(t**2), 2 * x / (1 + x**2)),
    ]
    print(f"At x = {x}: rule, exact value, central difference (h = {h:g})")
    for label, f, exact in checks:
        print(f"  {label:55s} {exact: .10f} {central_diff(f, x, h): .10f}")

    print("\nActivation functions of neural networks and their derivatives:")
    z = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    s = sigmoid(z)
    table = [
        ("sigmoid  s' = s (1 - s)", sigmoid, s * (1 - s)),
        ("tanh     t' = 1 - t^2", np.tanh, 1 - np.tanh(z) ** 2),
        ("softplus log(1+e^z)' = sigmoid(z)", lambda t: np.logaddexp(0, t), s),
    ]
    print("  z =", z)
    for label, f, exact in table:
        numeric = central_diff(f, z, 1e-6)
        print(f"  {label:36s} exact {np.round(exact, 6)}  max |numeric - exact| = "
              f"{np.max(np.abs(numeric - exact)):.1e}")
    relu = lambda t: np.maximum(t, 0.0)  # noqa: E731
    print("  ReLU has a kink at 0: central difference there =", central_diff(relu, 0.0, 1e-6),
          "(the average of the one-sided slopes 0 and 1, not a derivative)")


# =============================================================================================
# 3. Numerical differentiation: the error analysis
# =============================================================================================


def finite_difference_errors(x: float = 1.0):
    """Absolute errors of forward, central and complex-step derivatives of sin at x."""
    hs = np.logspace(-16, 0, 161)
    exact = math.cos(x)
    fwd = np.abs(forward_diff(np.sin, x, hs) - exact)
    cen = np.abs(central_diff(np.sin, x, hs) - exact)
    # Complex step: f'(x) = Im f(x + ih) / h + O(h^2), with no subtraction, hence no cancellation.
    cpx = np.abs(np.imag(np.sin(x + 1j * hs)) / hs - exact)
    return hs, fwd, cen, cpx


def demo_numerical_differentiation() -> Path:
    section("3. Numerical differentiation: truncation error vs rounding error")
    x = 1.0
    print(f"d/dx sin(x) at x = {x}; exact cos(1) = {math.cos(x):.15f}")
    print(f"  {'h':>8} {'forward error':>15} {'central error':>15}")
    for h in [1e-1, 1e-2, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10, 1e-12]:
        fe = abs(forward_diff(math.sin, x, h) - math.cos(x))
        ce = abs(central_diff(math.sin, x, h) - math.cos(x))
        print(f"  {h:8.0e} {fe:15.3e} {ce:15.3e}")
    hs, fwd, cen, cpx = finite_difference_errors(x)
    print(f"best forward h ~ {hs[np.argmin(fwd)]:.1e} (theory: sqrt(eps) = {math.sqrt(EPS):.1e}); "
          f"best central h ~ {hs[np.argmin(cen)]:.1e} (theory: eps^(1/3) = {EPS ** (1 / 3):.1e})")
    print(f"smallest errors: forward {fwd.min():.1e}, central {cen.min():.1e}; the complex step has no "
          f"subtraction, so for every h < 1e-8 its error is at most {cpx[hs < 1e-8].max():.1e}")
    path = OUTPUT_DIR / "finite_difference_error.png"
    plot_finite_difference_error(path)
    print("saved", path)
    return path


# =============================================================================================
# 4. Partial derivatives, gradients, directional derivatives
# =============================================================================================


def demo_gradients() -> None:
    section("4. Partial derivatives, the gradient, and the direction of steepest ascent")
    f = lambda x, y: x**2 * y + 3 * y  # noqa: E731 - the worked example of theory.md
    x0, y0 = 1.0, 2.0
    exact = np.array([2 * x0 * y0, x0**2 + 3])
    print(f"f(x, y) = x^2 y + 3y at ({x0}, {y0}): exact gradient {exact}, numeric {grad_2d(f, x0, y0)}")
    # Directional derivative D_u f = grad . u: largest along u = grad / |grad|.
    angles = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
    units = np.stack([np.cos(angles), np.sin(angles)])
    slopes = exact @ units
    best = units[:, np.argmax(slopes)]
    print(f"over 3600 unit directions the largest slope is {slopes.max():.6f} along {np.round(best, 4)}")
    print(f"|grad f| = {np.linalg.norm(exact):.6f}, grad/|grad| = {np.round(exact / np.linalg.norm(exact), 4)}")

    # Gradients of the three forms that appear everywhere in ML.
    A = RNG.normal(size=(3, 3))
    M = RNG.normal(size=(5, 3))
    a, b, x = RNG.normal(size=3), RNG.normal(size=5), RNG.normal(size=3)

    def num_grad(F, v, h=1e-6):
        return np.array([(F(v + h * e) - F(v - h * e)) / (2 * h) for e in np.eye(v.size)])

    forms = [
        ("a^T x         -> a", lambda v: a @ v, a),
        ("x^T A x       -> (A + A^T) x", lambda v: v @ A @ v, (A + A.T) @ x),
        ("|M x - b|^2   -> 2 M^T (M x - b)", lambda v: np.sum((M @ v - b) ** 2), 2 * M.T @ (M @ x - b)),
    ]
    for label, F, g in forms:
        err = np.max(np.abs(num_grad(F, x) - g))
        print(f"  gradient of {label:34s} max |numeric - formula| = {err:.1e}")


# =============================================================================================
# 5. Jacobians and Hessians
# =============================================================================================


def demo_jacobian_hessian() -> None:
    section("5. Jacobians and Hessians (checked against torch.autograd)")
    import torch

    def softmax(z):
        e = np.exp(z - z.max())
        return e / e.sum()

    z = np.array([1.0, 2.0, 0.5])
    s = softmax(z)
    J_formula = np.diag(s) - np.outer(s, s)
    J_numeric = np.stack([(softmax(z + 1e-6 * e) - softmax(z - 1e-6 * e)) / 2e-6 for e in np.eye(3)], axis=1)
    J_torch = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 0), torch.tensor(z)).numpy()
    print("softmax Jacobian diag(s) - s s^T at z = [1, 2, 0.5]:")
    print(np.round(J_formula, 4))
    print(f"  max |formula - numeric| = {np.max(np.abs(J_formula - J_numeric)):.1e}, "
          f"max |formula - torch| = {np.max(np.abs(J_formula - J_torch)):.1e}")
    print(f"  each row sums to 0 (softmax outputs always sum to 1): {np.round(J_formula.sum(axis=1), 12)}")

    # Chain rule for Jacobians: J_{g o f}(x) = J_g(f(x)) J_f(x).
    W = RNG.normal(size=(3, 4))
    x = RNG.normal(size=4)
    J_f = W                                   # f(x) = W x
    J_g = np.diag(1 - np.tanh(W @ x) ** 2)    # g(u) = tanh(u), element-wise -> diagonal Jacobian
    J_chain = J_g @ J_f
    J_direct = torch.autograd.functional.jacobian(lambda t: torch.tanh(torch.tensor(W) @ t), torch.tensor(x)).numpy()
    print(f"tanh(W x): J_g J_f vs torch, max difference {np.max(np.abs(J_chain - J_direct)):.1e}")

    def rosen(v):
        return (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2

    H = torch.autograd.functional.hessian(rosen, torch.tensor([1.0, 1.0], dtype=torch.float64)).numpy()
    ev = np.linalg.eigvalsh(H)
    print(f"Hessian of Rosenbrock at its minimum (1, 1):\n{H}\n  eigenvalues {np.round(ev, 3)}: "
          f"all positive -> a minimum; condition number {ev.max() / ev.min():.0f} (a long narrow valley)")


# =============================================================================================
# 6. Optimisation basics: critical points and gradient descent
# =============================================================================================


def demo_optimization() -> None:
    section("6. Minima and maxima: critical points and the second-derivative test")
    # f(x) = x^3 - 3x: f'(x) = 3x^2 - 3 = 0 at x = +-1; f''(x) = 6x.
    for xc in (-1.0, 1.0):
        kind = "local max" if 6 * xc < 0 else "local min"
        print(f"  f(x) = x^3 - 3x: f'({xc:+.0f}) = {3 * xc**2 - 3:.0f}, f''({xc:+.0f}) = {6 * xc:+.0f} -> {kind}, "
              f"f = {xc**3 - 3 * xc:+.0f}")
    print("  saddle: f(x, y) = x^2 - y^2 has gradient 0 at the origin and Hessian diag(2, -2)")

    # Gradient descent on f(x) = 0.5 x^T A x: it converges iff the learning rate < 2 / lambda_max.
    A = np.diag([1.0, 10.0])
    print("gradient descent on 0.5 x^T diag(1, 10) x from (1, 1); lambda_max = 10, so lr must be < 0.2:")
    for lr in (0.05, 0.19, 0.21):
        x = np.array([1.0, 1.0])
        for _ in range(100):
            x = x - lr * (A @ x)
        print(f"  lr = {lr:<5} after 100 steps |x| = {np.linalg.norm(x):.3e}")


# =============================================================================================
# 7. Taylor series
# =============================================================================================


def demo_taylor() -> None:
    section("7. Taylor series: local polynomial models of a function")
    x = 0.5
    print(f"exp({x}) = {math.exp(x):.12f}; partial sums of sum x^k / k!:")
    total = 0.0
    for k in range(8):
        total += x**k / math.factorial(k)
        bound = math.exp(x) * x ** (k + 1) / math.factorial(k + 1)   # Lagrange remainder bound
        print(f"  degree {k}: {total:.12f}  error {abs(math.exp(x) - total):.2e}  (bound {bound:.2e})")

    # Second-order Taylor model in 2-D: the error shrinks like |delta|^3.
    def f(v):
        return math.exp(v[0]) * math.sin(v[1])

    p = np.array([0.3, 0.7])
    g = np.array([math.exp(p[0]) * math.sin(p[1]), math.exp(p[0]) * math.cos(p[1])])
    H = np.array([[math.exp(p[0]) * math.sin(p[1]), math.exp(p[0]) * math.cos(p[1])],
                  [math.exp(p[0]) * math.cos(p[1]), -math.exp(p[0]) * math.sin(p[1])]])
    d = np.array([1.0, -2.0]) / math.sqrt(5)
    print("f(x, y) = e^x sin y near (0.3, 0.7): error of the linear and quadratic models along a fixed direction")
    for t in (1e-1, 1e-2, 1e-3):
        delta = t * d
        lin = f(p) + g @ delta
        quad = lin + 0.5 * delta @ H @ delta
        print(f"  |delta| = {t:<6g} linear error {abs(f(p + delta) - lin):.2e}   quadratic error "
              f"{abs(f(p + delta) - quad):.2e}")


# =============================================================================================
# 8. Integrals: numerical rules and probability
# =============================================================================================


def trapezoid_rule(f, a, b, n):
    x = np.linspace(a, b, n + 1)
    y = f(x)
    return (b - a) / n * (y.sum() - 0.5 * (y[0] + y[-1]))


def simpson_rule(f, a, b, n):
    x = np.linspace(a, b, n + 1)
    y = f(x)
    return (b - a) / n / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())


def demo_integrals() -> None:
    section("8. Integrals: trapezoid, Simpson, Monte Carlo, and probability")
    f = lambda t: np.exp(-t) * np.sin(3 * t) + 1  # noqa: E731
    exact, _ = integrate.quad(f, 0.0, 2.0)
    print(f"integral of e^-x sin 3x + 1 on [0, 2]; scipy.integrate.quad: {exact:.12f}")
    print(f"  {'n':>5} {'trapezoid error':>16} {'Simpson error':>14}")
    for n in (4, 8, 16, 32, 64):
        print(f"  {n:5d} {abs(trapezoid_rule(f, 0, 2, n) - exact):16.3e} {abs(simpson_rule(f, 0, 2, n) - exact):14.3e}")
    print("  doubling n divides the trapezoid error by ~4 (O(h^2)) and Simpson's by ~16 (O(h^4))")

    print("Monte Carlo: the error shrinks like 1/sqrt(n), whatever the dimension")
    for n in (100, 10_000, 1_000_000):
        u = RNG.uniform(0, 2, size=n)
        v = 2 * f(u)
        print(f"  n = {n:>9,d} estimate {v.mean():.6f} +/- {v.std(ddof=1) / math.sqrt(n):.6f} "
              f"(true error {abs(v.mean() - exact):.1e})")
    d = 10
    u = RNG.uniform(size=(100_000, d))
    v = (u**2).sum(axis=1)
    print(f"  10-D: E|U|^2 for U uniform on [0,1]^10 is 10/3 = {10 / 3:.5f}; MC with 100k points "
          f"{v.mean():.5f} +/- {v.std(ddof=1) / math.sqrt(len(v)):.5f}")

    print("Probability is integration:")
    pdf = stats.norm.pdf
    print(f"  integral of the N(0,1) density over [-8, 8] (Simpson, n=200): {simpson_rule(pdf, -8, 8, 200):.12f}")
    print(f"  P(|Z| < 1.96) = {simpson_rule(pdf, -1.96, 1.96, 200):.6f} "
          f"(scipy: {stats.norm.cdf(1.96) - stats.norm.cdf(-1.96):.6f})")
    lam = 2.0
    mean = integrate.quad(lambda t: t * lam * np.exp(-lam * t), 0, np.inf)[0]
    second = integrate.quad(lambda t: t**2 * lam * np.exp(-lam * t), 0, np.inf)[0]
    print(f"  Exponential(rate 2): E[X] = {mean:.6f} (1/2), Var[X] = {second - mean**2:.6f} (1/4)")


# =============================================================================================
# 9. Computational graphs: backpropagation is the chain rule
# =============================================================================================


def demo_backprop_by_hand() -> None:
    section("9. A computational graph, forward and backward, by hand and with torch.autograd")
    import torch

    w, x, b, y = 0.5, 2.0, -1.0, 1.0
    # Forward pass: compute and KEEP every intermediate value.
    u = w * x          # 1.0
    z = u + b          # 0.0
    a = 1 / (1 + math.exp(-z))   # 0.5
    L = (a - y) ** 2   # 0.25
    print(f"forward : u = w x = {u}, z = u + b = {z}, a = sigmoid(z) = {a}, L = (a - y)^2 = {L}")
    # Backward pass: start from dL/dL = 1 and multiply by one local derivative per edge.
    dL_da = 2 * (a - y)            # -1
    dL_dz = dL_da * a * (1 - a)    # -0.25   (sigmoid' = a (1 - a))
    dL_du = dL_dz * 1.0            # addition passes the gradient through
    dL_db = dL_dz * 1.0
    dL_dw = dL_du * x              # multiplication multiplies by the OTHER input
    dL_dx = dL_du * w
    print(f"backward: dL/da = {dL_da}, dL/dz = {dL_dz}, dL/dw = {dL_dw}, dL/dx = {dL_dx}, dL/db = {dL_db}")

    device = "cuda" if torch.cuda.is_available() else "cpu"   # same numbers either way
    t = {k: torch.tensor(v, dtype=torch.float64, device=device, requires_grad=True)
         for k, v in dict(w=w, x=x, b=b).items()}
    loss = (torch.sigmoid(t["w"] * t["x"] + t["b"]) - y) ** 2
    loss.backward()
    print(f"torch.autograd on {device}: dL/dw = {t['w'].grad.item()}, dL/dx = {t['x'].grad.item()}, "
          f"dL/db = {t['b'].grad.item()}")

    # Reverse mode gives the whole gradient of a scalar in one backward pass; forward mode gives
    # one directional derivative (a Jacobian-vector product) per pass.
    W = torch.tensor(RNG.normal(size=(4, 3)))
    f = lambda v: torch.tanh(W @ v).sum()  # noqa: E731
    v0 = torch.tensor(RNG.normal(size=3))
    _, vjp = torch.autograd.functional.vjp(f, v0, torch.tensor(1.0, dtype=torch.float64))
    jvps = [torch.autograd.functional.jvp(f, v0, e)[1].item() for e in torch.eye(3, dtype=torch.float64)]
    print(f"reverse mode: 1 pass gives the gradient {np.round(vjp.numpy(), 6)}")
    print(f"forward mode: 3 passes (one per input) give {np.round(jvps, 6)}")

    print("gradients accumulate in PyTorch: call backward twice without zeroing and .grad doubles:")
    p = torch.tensor(3.0, requires_grad=True)
    for step in range(2):
        (p**2).backward()
        print(f"  after backward #{step + 1}: p.grad = {p.grad.item()} (d/dp p^2 = 6)")


# =============================================================================================
# 10. Calculus at work: logistic regression trained with a hand-derived gradient
# =============================================================================================


def logistic_loss_grad(w, b, X, y):
    z = X @ w + b
    loss = np.mean(np.logaddexp(0, z) - y * z)
    r = (sigmoid(z) - y) / len(y)
    return loss, X.T @ r, r.sum()


def demo_logistic_regression() -> Path:
    section("10. Calculus at work: gradient descent on the breast-cancer data set")
    from sklearn.datasets import load_breast_cancer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    scaler = StandardScaler().fit(X_train)   # fitted on the training set only: no test leakage
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

    w, b = np.zeros(X.shape[1]), 0.0
    # Gradient check before training: a wrong gradient would still "train", just badly.
    loss0, gw, gb = logistic_loss_grad(w + 0.01, b, X_train, y_train)
    h = 1e-6
    num = np.array([(logistic_loss_grad(w + 0.01 + h * e, b, X_train, y_train)[0]
                     - logistic_loss_grad(w + 0.01 - h * e, b, X_train, y_train)[0]) / (2 * h)
                    for e in np.eye(X.shape[1])])
    rel = np.linalg.norm(gw - num) / (np.linalg.norm(gw) + np.linalg.norm(num))
    print(f"gradient check on {X.shape[1]} weights: relative error {rel:.1e} (below 1e-7: the gradient is right)")

    losses = []
    lr = 0.5
    for _ in range(300):
        loss, gw, gb = logistic_loss_grad(w, b, X_train, y_train)
        losses.append(loss)
        w, b = w - lr * gw, b - lr * gb
    acc = np.mean(((X_test @ w + b) > 0) == y_test)
    sk = LogisticRegression(max_iter=1000).fit(X_train, y_train)   # the production tool, L2-penalised
    print(f"training loss {losses[0]:.4f} -> {losses[-1]:.4f} in 300 steps; test accuracy {acc:.3f} "
          f"(scikit-learn LogisticRegression with its default L2 penalty: {sk.score(X_test, y_test):.3f})")

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(losses)
    ax.set_xlabel("gradient-descent step")
    ax.set_ylabel("mean cross-entropy (training)")
    ax.set_yscale("log")
    ax.set_title("Logistic regression, hand-derived gradient")
    fig.tight_layout()
    path = OUTPUT_DIR / "logistic_loss_curve.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    print("saved", path)
    return path


# =============================================================================================
# Figures for theory.md (python examples.py --figures)
# =============================================================================================


def plot_tangent_lines(path: Path) -> None:
    f = lambda t: np.sin(t) + 0.3 * t  # noqa: E731
    df = lambda t: np.cos(t) + 0.3  # noqa: E731
    xs = np.linspace(-1, 6.5, 400)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    ax = axes[0]
    ax.plot(xs, f(xs), "k", lw=2, label=r"$f(x)=\sin x + 0.3x$")
    for x0, color in [(0.0, "tab:blue"), (np.pi / 2, "tab:green"), (3.5, "tab:red"), (5.0, "tab:purple")]:
        span = np.linspace(x0 - 1.2, x0 + 1.2, 2)
        ax.plot(span, f(x0) + df(x0) * (span - x0), color=color, lw=1.5,
                label=f"tangent at x={x0:.2f}, slope {df(x0):+.2f}")
        ax.plot([x0], [f(x0)], "o", color=color)
    ax.set_title("The derivative is the slope of the tangent line")
    ax.legend(fontsize=7, loc="lower right")
    ax.set_xlabel("x")
    ax.grid(alpha=0.3)

    ax = axes[1]
    x0 = 1.0
    xs = np.linspace(0.2, 3.3, 300)
    ax.plot(xs, f(xs), "k", lw=2)
    for h, alpha in [(2.0, 0.35), (1.0, 0.55), (0.5, 0.75)]:
        slope = (f(x0 + h) - f(x0)) / h
        span = np.array([0.2, 3.3])
        ax.plot(span, f(x0) + slope * (span - x0), "tab:orange", alpha=alpha, lw=1.5,
                label=f"secant h={h}: slope {slope:.3f}")
        ax.plot([x0 + h], [f(x0 + h)], "o", color="tab:orange", alpha=alpha)
    span = np.array([0.2, 3.3])
    ax.plot(span, f(x0) + df(x0) * (span - x0), "tab:blue", lw=2, label=f"tangent: slope f'(1) = {df(x0):.3f}")
    ax.plot([x0], [f(x0)], "ko")
    ax.set_title("Secant slopes approach the tangent slope as h -> 0")
    ax.legend(fontsize=7, loc="lower left")
    ax.set_xlabel("x")
    ax.set_ylim(-0.3, 2.2)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_gradient_field(path: Path) -> None:
    bowl = lambda x, y: 0.5 * x**2 + 1.5 * y**2 + 0.6 * x * y  # noqa: E731
    saddle = lambda x, y: x**2 - y**2  # noqa: E731
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    for ax, f, title in [(axes[0], bowl, r"bowl $0.5x^2+1.5y^2+0.6xy$: a minimum"),
                         (axes[1], saddle, r"saddle $x^2-y^2$: gradient 0, not an extremum")]:
        gx, gy = np.meshgrid(np.linspace(-2, 2, 120), np.linspace(-2, 2, 120))
        cs = ax.contour(gx, gy, f(gx, gy), levels=10, cmap="viridis")
        ax.clabel(cs, fontsize=6, fmt="%.1f")
        qx, qy = np.meshgrid(np.linspace(-1.8, 1.8, 11), np.linspace(-1.8, 1.8, 11))
        g = grad_2d(f, qx, qy)
        ax.quiver(qx, qy, g[0], g[1], color="tab:red", angles="xy", scale_units="xy", scale=12, width=0.004)
        ax.plot([0], [0], "k*", ms=12)
        ax.set_title(title, fontsize=10)
        ax.set_aspect("equal")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
    fig.suptitle("Gradient arrows point uphill, perpendicular to the contour lines", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_finite_difference_error(path: Path) -> None:
    hs, fwd, cen, cpx = finite_difference_errors(1.0)
    floor = 1e-17  # log axes cannot show an error of exactly 0
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.loglog(hs, np.maximum(fwd, floor), label="forward (f(x+h)-f(x))/h", color="tab:blue")
    ax.loglog(hs, np.maximum(cen, floor), label="central (f(x+h)-f(x-h))/2h", color="tab:orange")
    ax.loglog(hs, np.maximum(cpx, floor), label="complex step Im f(x+ih)/h", color="tab:green", alpha=0.7)
    ax.loglog(hs, 0.5 * np.sin(1.0) * hs, "k:", lw=1, label=r"$h\,|f''|/2$ (truncation, forward)")
    ax.loglog(hs, np.cos(1.0) / 6 * hs**2, "k--", lw=1, label=r"$h^2 |f'''|/6$ (truncation, central)")
    ax.loglog(hs, EPS * np.sin(1.0) / hs, "tab:gray", lw=1, label=r"$\varepsilon |f| / h$ (rounding)")
    ax.axvline(math.sqrt(EPS), color="tab:blue", ls=":", alpha=0.6)
    ax.axvline(EPS ** (1 / 3), color="tab:orange", ls=":", alpha=0.6)
    ax.set_ylim(1e-17, 10)
    ax.set_xlabel("step h")
    ax.set_ylabel("|error| of d/dx sin(x) at x = 1")
    ax.set_title(r"Error vs step: the V shape (optima near $\sqrt{\varepsilon}$ and $\varepsilon^{1/3}$)")
    ax.legend(fontsize=7, loc="lower left")
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_taylor(path: Path) -> None:
    xs = np.linspace(-2 * np.pi, 2 * np.pi, 400)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(xs, np.sin(xs), "k", lw=2.5, label="sin x")
    for degree, color in zip((1, 3, 5, 7, 9), ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple")):
        terms = [(-1) ** (k // 2) * xs**k / math.factorial(k) for k in range(1, degree + 1, 2)]
        ax.plot(xs, np.sum(terms, axis=0), color=color, lw=1.3, label=f"degree {degree}")
    ax.set_ylim(-2.5, 2.5)
    ax.axvline(0, color="gray", lw=0.5)
    ax.set_title("Taylor polynomials of sin x around 0: good near 0, better with each degree")
    ax.set_xlabel("x")
    ax.legend(fontsize=8, loc="upper right")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_integration(path: Path) -> None:
    f = lambda t: np.exp(-t) * np.sin(3 * t) + 1  # noqa: E731
    a, b, n = 0.0, 2.0, 4
    xs = np.linspace(a, b, 400)
    nodes = np.linspace(a, b, n + 1)
    fig, axes = plt.subplots(1, 3, figsize=(14, 4))
    ax = axes[0]
    ax.plot(xs, f(xs), "k", lw=2)
    ax.fill_between(nodes, f(nodes), alpha=0.3, color="tab:blue", label="trapezoids (straight lines)")
    ax.plot(nodes, f(nodes), "o-", color="tab:blue")
    ax.set_title(f"Trapezoid rule, n = {n}")
    ax.legend(fontsize=8, loc="lower right")
    ax = axes[1]
    ax.plot(xs, f(xs), "k", lw=2)
    for i in range(0, n, 2):
        px = nodes[i:i + 3]
        coeff = np.polyfit(px, f(px), 2)
        seg = np.linspace(px[0], px[-1], 60)
        ax.fill_between(seg, np.polyval(coeff, seg), alpha=0.3, color="tab:green",
                        label="parabolas through 3 points" if i == 0 else None)
    ax.plot(nodes, f(nodes), "o", color="tab:green")
    ax.set_title(f"Simpson's rule, n = {n}")
    ax.legend(fontsize=8, loc="lower right")
    ax = axes[2]
    exact = integrate.quad(f, a, b)[0]
    ns = np.array([2, 4, 8, 16, 32, 64, 128, 256, 512])
    rng = np.random.default_rng(1)
    ax.loglog(ns, [abs(trapezoid_rule(f, a, b, k) - exact) for k in ns], "o-", label="trapezoid ~ n^-2")
    ax.loglog(ns, [abs(simpson_rule(f, a, b, k) - exact) for k in ns], "s-", label="Simpson ~ n^-4")
    mc = [np.mean([abs(2 * f(rng.uniform(a, b, k)).mean() - exact) for _ in range(200)]) for k in ns]
    ax.loglog(ns, mc, "^-", label="Monte Carlo ~ n^-1/2 (mean of 200 runs)")
    ax.set_xlabel("number of sub-intervals / samples n")
    ax.set_ylabel("|error|")
    ax.set_title("Error vs n")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3, which="both")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_computational_graph(path: Path) -> None:
    """The graph of L = (sigmoid(w x + b) - y)^2 with forward values and backward gradients."""
    fig, ax = plt.subplots(figsize=(11, 4.2))
    ax.set_xlim(0, 11)
    ax.set_ylim(0, 4.6)
    ax.axis("off")
    nodes = {
        "w": (0.8, 3.6, "w = 0.5", "dL/dw = -0.5"),
        "x": (0.8, 2.2, "x = 2", "dL/dx = -0.125"),
        "b": (3.2, 0.7, "b = -1", "dL/db = -0.25"),
        "y": (7.8, 0.7, "y = 1", ""),
        "u": (3.2, 2.9, "u = w*x\n= 1", "dL/du = -0.25"),
        "z": (5.4, 2.9, "z = u + b\n= 0", "dL/dz = -0.25"),
        "a": (7.8, 2.9, "a = sigmoid(z)\n= 0.5", "dL/da = -1"),
        "L": (10.0, 2.9, "L = (a - y)^2\n= 0.25", "dL/dL = 1"),
    }
    edges = [("w", "u", "du/dw = x = 2"), ("x", "u", "du/dx = w = 0.5"), ("u", "z", "1"), ("b", "z", "1"),
             ("z", "a", "a(1-a) = 0.25"), ("a", "L", "2(a-y) = -1"), ("y", "L", "")]
    boxes = {}
    for name, (x0, y0, label, grad) in nodes.items():
        leaf = name in "wxby"
        boxes[name] = ax.text(x0, y0, label, ha="center", va="center", fontsize=9,
                              bbox=dict(boxstyle="round,pad=0.4", fc="#e8f1fb" if leaf else "#fdf1e1", ec="0.3"))
        if grad:
            ax.text(x0, y0 - 0.62, grad, ha="center", va="center", fontsize=8.5, color="tab:red")
    fig.canvas.draw()  # lay the boxes out so the arrows can be clipped at their edges
    for src, dst, local in edges:
        ax.annotate("", xy=nodes[dst][:2], xytext=nodes[src][:2],
                    arrowprops=dict(arrowstyle="-|>", color="0.4", lw=1.3, shrinkA=0, shrinkB=0,
                                    patchA=boxes[src].get_bbox_patch(), patchB=boxes[dst].get_bbox_patch()))
        if local:
            (x0, y0), (x1, y1) = nodes[src][:2], nodes[dst][:2]
            ax.text((x0 + x1) / 2, (y0 + y1) / 2 + 0.1, local, fontsize=7.5, color="tab:purple",
                    ha="center", va="bottom")
    ax.text(0.1, 4.45, "black: forward pass (values)    red: backward pass (gradients)    "
            "purple: local derivative on each edge", fontsize=9)
    ax.set_title("Backpropagation = the chain rule on a computational graph: "
                 "each gradient = upstream gradient x local derivative", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


FIGURES = {
    "tangent_lines.png": plot_tangent_lines,
    "gradient_field.png": plot_gradient_field,
    "finite_difference_error.png": plot_finite_difference_error,
    "taylor_series.png": plot_taylor,
    "numerical_integration.png": plot_integration,
    "computational_graph.png": plot_computational_graph,
}


def make_figures() -> None:
    FIGURES_DIR.mkdir(parents=True, exist_ok=True)
    for name, plot in FIGURES.items():
        path = FIGURES_DIR / name
        plot(path)
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", action="store_true", help="regenerate the figures of theory.md and exit")
    args = parser.parse_args(argv)
    if args.figures:
        make_figures()
        return
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    np.set_printoptions(precision=6, suppress=True)
    demo_limits()
    demo_derivative_rules()
    demo_numerical_differentiation()
    demo_gradients()
    demo_jacobian_hessian()
    demo_optimization()
    demo_taylor()
    demo_integrals()
    demo_backprop_by_hand()
    demo_logistic_regression()
    section("Done")
    print(f"plots are in {OUTPUT_DIR}; the theory figures are regenerated with --figures")


if __name__ == "__main__":
    main(sys.argv[1:])
