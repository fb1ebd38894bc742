"""Module 05 - Optimization: runnable demonstrations.

Run from the repository root or from this folder:

    uv run 05-optimization/examples.py              # all sections, plots saved to 05-optimization/output/
    uv run 05-optimization/examples.py --figures    # only regenerate the figures used by theory.md
    cd 05-optimization && python examples.py

Every section prints a labelled block of results; all randomness is seeded. The deep-learning
optimizers are taken from ``torch.optim`` here (the production tool); in ``exercises.py`` you
rebuild them with NumPy and the grader checks you against these very classes. A GPU is used for the
small training loop of section 11 only if one is present.
"""
from __future__ import annotations

import functools
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files, never to a window (works on servers and in CI)
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
OUTPUT_DIR = HERE / "output"    # plots of a normal run (git-ignored)
FIGURES_DIR = HERE / "figures"  # the figures embedded in theory.md (committed)

np.set_printoptions(precision=5, suppress=True)


def section(title: str) -> None:
    """Print a clearly visible section header."""
    print("\n" + "=" * 78)
    print(title)
    print("=" * 78)


# ---------------------------------------------------------------------------------------------
# Test functions used throughout
# ---------------------------------------------------------------------------------------------

# An elongated bowl f(x, y) = 1/2 (x^2 + 20 y^2): curvature 1 along x, 20 along y, so the
# condition number is kappa = 20. This is the picture to keep in mind for "ill-conditioned".
BOWL = np.diag([1.0, 20.0])


def bowl(v: np.ndarray) -> float:
    return float(0.5 * v @ BOWL @ v)


def bowl_grad(v: np.ndarray) -> np.ndarray:
    return BOWL @ v


def rosenbrock(v: np.ndarray) -> float:
    """The banana-shaped valley f = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1)."""
    return float((1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2)


def rosenbrock_grad(v: np.ndarray) -> np.ndarray:
    x, y = v
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


def rosenbrock_hess(v: np.ndarray) -> np.ndarray:
    x, y = v
    return np.array([[2 - 400 * (y - 3 * x**2), -400 * x], [-400 * x, 200.0]])


def run_gd(grad: Callable[[np.ndarray], np.ndarray], x0: np.ndarray, lr: float, n_steps: int) -> np.ndarray:
    """Plain gradient descent; returns all iterates, shape (n_steps + 1, d)."""
    xs = [np.array(x0, dtype=float)]
    for _ in range(n_steps):
        xs.append(xs[-1] - lr * grad(xs[-1]))
    return np.array(xs)


def import_torch():
    """Import torch once, single-threaded: for these tiny problems extra threads only add overhead
    (and on a busy 2-core machine they make a 0.05 s loop take seconds)."""
    import torch

    torch.set_num_threads(1)
    return torch


def run_torch_optimizer(loss_fn, x0: np.ndarray, make_optimizer, n_steps: int) -> np.ndarray:
    """Minimise a 2-D function with a torch.optim optimizer; returns the path (n_steps + 1, 2).

    This is the same zero_grad / backward / step loop that trains every PyTorch model; only the
    "model" here is a single 2-vector, so we can draw where the optimizer goes.
    """
    torch = import_torch()

    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer([p])
    path = [p.detach().numpy().copy()]
    for _ in range(n_steps):
        opt.zero_grad()
        loss = loss_fn(p)
        loss.backward()
        opt.step()
        path.append(p.detach().numpy().copy())
    return np.array(path)


def torch_bowl(p):
    return 0.5 * (p[0] ** 2 + 20 * p[1] ** 2)


def torch_rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def warmup_cosine(step: int, base_lr: float, warmup: int, total: int, min_lr: float = 0.0) -> float:
    """Linear warm-up then cosine decay (the schedule of exercise 3, shown here for plotting)."""
    if step < warmup:
        return base_lr * step / warmup
    if step >= total:
        return min_lr
    p = (step - warmup) / (total - warmup)
    return min_lr + (base_lr - min_lr) * 0.5 * (1 + math.cos(math.pi * p))


def load_diabetes_standardized() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's bundled diabetes data, features standardised, target centred and scaled."""
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    X = (X - X.mean(0)) / X.std(0)
    y = (y - y.mean()) / y.std()
    return X, y


_BATCH_RUNS = [(442, 0.1, False), (32, 0.05, False), (1, 0.01, False), (1, 0.01, True)]


@functools.lru_cache(maxsize=1)
def batch_size_runs() -> tuple[float, dict]:
    """Optimal loss and the 40-epoch loss curves of _BATCH_RUNS (computed once, used twice)."""
    X, y = load_diabetes_standardized()
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    best = 0.5 * np.mean((X @ w_star - y) ** 2)
    return best, {run: minibatch_losses(X, y, run[1], run[0], 40, decay=run[2]) for run in _BATCH_RUNS}


def minibatch_losses(X, y, lr, batch_size, n_epochs, seed=0, decay=False):
    """Mini-batch SGD on 1/(2n)||Xw - y||^2; returns the full loss after each epoch."""
    rng = np.random.default_rng(seed)
    n, d = X.shape
    w = np.zeros(d)
    losses = []
    step = 0
    for _ in range(n_epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            g = X[idx].T @ (X[idx] @ w - y[idx]) / len(idx)
            # A 1/sqrt(t)-style decay removes SGD's noise floor (Robbins-Monro conditions).
            eta = lr / math.sqrt(1 + step / 50) if decay else lr
            w -= eta * g
            step += 1
        losses.append(0.5 * np.mean((X @ w - y) ** 2))
    return np.array(losses)


# ---------------------------------------------------------------------------------------------
# Figures (used by theory.md; also written to output/ during a normal run)
# ---------------------------------------------------------------------------------------------


def figure_trajectories(folder: Path) -> Path:
    """GD vs momentum vs Adam on the elongated bowl and on Rosenbrock's valley."""
    torch = import_torch()

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.3))

    # Panel 1: the bowl. GD's lr is near its stability limit 2/L = 0.1, so it zig-zags across the
    # steep y direction while crawling along the flat x direction.
    x0 = np.array([-4.5, 1.2])
    runs = {
        "GD (lr=0.09)": run_torch_optimizer(torch_bowl, x0, lambda ps: torch.optim.SGD(ps, lr=0.09), 40),
        "momentum (lr=0.02, μ=0.8)": run_torch_optimizer(
            torch_bowl, x0, lambda ps: torch.optim.SGD(ps, lr=0.02, momentum=0.8), 40),
        "Adam (lr=0.3)": run_torch_optimizer(torch_bowl, x0, lambda ps: torch.optim.Adam(ps, lr=0.3), 40),
    }
    xs, ys = np.meshgrid(np.linspace(-5, 1.5, 300), np.linspace(-1.6, 1.6, 300))
    zs = 0.5 * (xs**2 + 20 * ys**2)
    ax = axes[0]
    ax.contour(xs, ys, zs, levels=np.geomspace(0.1, 40, 10), colors="0.7", linewidths=0.7)
    for (label, path), color in zip(runs.items(), ["tab:red", "tab:blue", "tab:green"]):
        ax.plot(path[:, 0], path[:, 1], "o-", ms=2.5, lw=1.2, color=color, label=label)
    ax.plot(0, 0, "k*", ms=12)
    ax.set_title("f = ½(x² + 20y²), 40 steps each")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="lower right", fontsize=8)

    # Panel 2: Rosenbrock. The minimum (1, 1) sits at the end of a long, curved, flat valley.
    x0 = np.array([-1.5, 2.0])
    runs = {
        "GD (lr=1e-3)": run_torch_optimizer(torch_rosenbrock, x0, lambda ps: torch.optim.SGD(ps, lr=1e-3), 1500),
        "momentum (lr=2e-4, μ=0.9)": run_torch_optimizer(
            torch_rosenbrock, x0, lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.9), 1500),
        "Adam (lr=0.02)": run_torch_optimizer(torch_rosenbrock, x0, lambda ps: torch.optim.Adam(ps, lr=0.02), 1500),
    }
    xs, ys = np.meshgrid(np.linspace(-2, 2, 300), np.linspace(-1, 3, 300))
    zs = (1 - xs) ** 2 + 100 * (ys - xs**2) ** 2
    ax = axes[1]
    ax.contour(xs, ys, zs, levels=np.geomspace(0.3, 1000, 10), colors="0.7", linewidths=0.7)
    for (label, path), color in zip(runs.items(), ["tab:red", "tab:blue", "tab:green"]):
        thin = np.vstack([path[::5], path[-1:]])  # every 5th point is plenty for a smooth curve
        ax.plot(thin[:, 0], thin[:, 1], "-", lw=1.4, color=color,
                label=f"{label}: f={rosenbrock(path[-1]):.1e}")
        ax.plot(path[-1, 0], path[-1, 1], "o", color=color, ms=5)
    ax.plot(1, 1, "k*", ms=12)
    ax.set_title("Rosenbrock, 1500 steps each (• = final point)")
    ax.set_xlabel("x")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return _save(fig, folder, "trajectories.png")


def figure_learning_rates(folder: Path) -> Path:
    """Loss curves of GD for several learning rates, and four learning-rate schedules."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    ax = axes[0]
    x0 = np.array([-4.5, 1.2])
    # L = 20 is the largest curvature: GD is stable for lr < 2/L = 0.1.
    for lr, color in [(0.005, "tab:gray"), (0.05, "tab:blue"), (0.095, "tab:orange"), (0.102, "tab:red")]:
        path = run_gd(bowl_grad, x0, lr, 120)
        ax.semilogy([bowl(v) for v in path], color=color, label=f"lr = {lr}")
    ax.axhline(bowl(x0), color="k", lw=0.5, ls=":")
    ax.set_ylim(1e-12, 1e4)
    ax.set_xlabel("iteration")
    ax.set_ylabel("f(x_k)  (log scale)")
    ax.set_title("GD on ½(x² + 20y²): stable only for lr < 2/L = 0.1")
    ax.legend(fontsize=8)

    ax = axes[1]
    steps = np.arange(0, 1001)
    base = 1.0
    ax.plot(steps, [base for _ in steps], label="constant", color="tab:gray")
    ax.plot(steps, [base * 0.1 ** (s // 300) for s in steps], label="step decay (×0.1 every 300)")
    ax.plot(steps, [base * 0.997**s for s in steps], label="exponential (γ = 0.997)")
    ax.plot(steps, [warmup_cosine(s, base, 0, 1000) for s in steps], label="cosine")
    ax.plot(steps, [warmup_cosine(s, base, 100, 1000, 0.05) for s in steps],
            label="warm-up 100 + cosine to 0.05", lw=2)
    ax.set_xlabel("step")
    ax.set_ylabel("learning rate / base lr")
    ax.set_title("Learning-rate schedules")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _save(fig, folder, "learning_rates.png")


def figure_batch_sizes(folder: Path) -> Path:
    """Full-batch GD vs mini-batch vs pure SGD on the diabetes regression."""
    best, runs = batch_size_runs()
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    styles = [("tab:red", "-"), ("tab:blue", "-"), ("tab:green", "-"), ("tab:green", "--")]
    for (bs, lr, decay), (color, ls) in zip(_BATCH_RUNS, styles):
        label = "full batch (GD)" if bs == 442 else f"batch size {bs}"
        label += ", decaying lr" if decay else f", lr={lr}"
        ax.semilogy(np.arange(1, 41), runs[(bs, lr, decay)] - best, color=color, ls=ls, label=label)
    ax.set_xlabel("epoch (one pass over the 442 rows)")
    ax.set_ylabel("loss − optimal loss (log scale)")
    ax.set_title("Diabetes linear regression: batch size and noise floor")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _save(fig, folder, "batch_sizes.png")


def figure_newton_vs_gd(folder: Path) -> Path:
    """Distance to the minimum of Rosenbrock for GD, GD + backtracking, and Newton."""
    x0 = np.array([-1.2, 1.0])
    star = np.array([1.0, 1.0])
    gd = run_gd(rosenbrock_grad, x0, 1e-3, 3000)
    bt = gd_backtracking(rosenbrock, rosenbrock_grad, x0, 3000)
    nt = newton(rosenbrock_grad, rosenbrock_hess, x0, 20)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for path, label, color in [(gd, "GD, lr = 1e-3", "tab:red"), (bt, "GD + backtracking (Armijo)", "tab:orange"),
                               (nt, "Newton", "tab:blue")]:
        err = np.maximum(np.linalg.norm(path - star, axis=1), 1e-17)
        ax.loglog(np.arange(1, len(err) + 1), err, "o-" if len(err) < 30 else "-", ms=3, color=color, label=label)
    ax.set_xlabel("iteration + 1 (log scale)")
    ax.set_ylabel("‖x_k − x*‖ (log scale)")
    ax.set_title("Rosenbrock from (−1.2, 1)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _save(fig, folder, "newton_vs_gd.png")


def figure_regularization_geometry(folder: Path) -> Path:
    """Lasso vs ridge as constrained problems: loss contours meet the L1 diamond at a corner."""
    # A least-squares loss whose unconstrained minimum is at (2.2, 0.5), elongated and tilted.
    c = np.array([2.2, 0.5])
    H = np.array([[1.0, 0.3], [0.3, 1.5]])
    xs, ys = np.meshgrid(np.linspace(-1.6, 3.2, 400), np.linspace(-1.6, 2.4, 400))
    d = np.stack([xs - c[0], ys - c[1]], axis=-1)
    zs = 0.5 * np.einsum("...i,ij,...j->...", d, H, d)
    t = 1.0  # the budget: ||w||_1 <= 1 or ||w||_2 <= 1
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    for ax, kind in zip(axes, ["lasso: ‖w‖₁ ≤ 1", "ridge: ‖w‖₂ ≤ 1"]):
        if kind.startswith("lasso"):
            w = _constrained_min(c, H, lambda z: _project_l1_ball(z, t))
            ax.fill([t, 0, -t, 0], [0, t, 0, -t], color="tab:blue", alpha=0.25)
        else:
            w = _constrained_min(c, H, lambda z: z if np.linalg.norm(z) <= t else z * t / np.linalg.norm(z))
            ax.add_patch(plt.Circle((0, 0), t, color="tab:orange", alpha=0.25))
        level = 0.5 * (w - c) @ H @ (w - c)
        ax.contour(xs, ys, zs, levels=sorted({level * f for f in (0.25, 0.5, 1.0, 2.0, 3.5)}),
                   colors="0.7", linewidths=0.8)
        ax.contour(xs, ys, zs, levels=[level], colors="k", linewidths=1.6)
        ax.plot(*c, "k*", ms=10)
        ax.plot(*w, "o", color="tab:red", ms=7)
        ax.annotate(f"w* = ({w[0]:.2f}, {w[1]:.2f})", w, xytext=(10, -18), textcoords="offset points", fontsize=9)
        ax.annotate("unconstrained\nminimum", c, xytext=(8, 6), textcoords="offset points", fontsize=8)
        ax.axhline(0, color="k", lw=0.4)
        ax.axvline(0, color="k", lw=0.4)
        ax.set_aspect("equal")
        ax.set_title(f"{kind}: lowest loss contour touching the ball")
        ax.set_xlabel("w₁")
        ax.set_ylabel("w₂")
    fig.tight_layout()
    return _save(fig, folder, "regularization_geometry.png")


def figure_lagrange(folder: Path) -> Path:
    """At the constrained optimum the gradient of f is parallel to the constraint's normal."""
    xs, ys = np.meshgrid(np.linspace(-0.6, 1.9, 300), np.linspace(-0.6, 1.6, 300))
    zs = xs**2 + ys**2
    fig, ax = plt.subplots(figsize=(5.6, 4.8))
    ax.contour(xs, ys, zs, levels=[0.05, 0.2, 0.5, 0.8, 1.3, 2.0], colors="0.7", linewidths=0.8)
    ax.contour(xs, ys, zs, levels=[0.5], colors="k", linewidths=1.6)
    line = np.linspace(-0.6, 1.9, 2)
    ax.plot(line, 1 - line, color="tab:blue", lw=2, label="constraint x + y = 1")
    ax.plot(0.5, 0.5, "o", color="tab:red", ms=7, label="optimum (½, ½), λ = −1")
    # At the optimum, grad f = (1, 1) is perpendicular to the line, i.e. parallel to grad h = (1, 1):
    # moving along the constraint cannot decrease f to first order.
    ax.annotate("", xy=(0.9, 0.9), xytext=(0.5, 0.5), arrowprops=dict(arrowstyle="->", color="tab:red", lw=2))
    ax.text(0.62, 0.98, "∇f = (1, 1) = −λ ∇h", color="tab:red", fontsize=8)
    # At another feasible point, grad f has a component along the line: not optimal.
    ax.plot(1.0, 0.0, "s", color="tab:gray")
    ax.annotate("", xy=(1.5, 0.0), xytext=(1.0, 0.0), arrowprops=dict(arrowstyle="->", color="tab:gray", lw=1.5))
    ax.text(0.3, -0.52, "at (1, 0): ∇f = (2, 0) has a component\nalong the line: sliding along it lowers f",
            fontsize=8, color="0.3", bbox=dict(facecolor="white", edgecolor="none", alpha=0.9))
    ax.set_xlim(-0.6, 1.9)
    ax.set_ylim(-0.6, 1.6)
    ax.set_aspect("equal")
    ax.set_title("min x² + y²  subject to  x + y = 1")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return _save(fig, folder, "lagrange.png")


FIGURES = [figure_trajectories, figure_learning_rates, figure_batch_sizes, figure_newton_vs_gd,
           figure_regularization_geometry, figure_lagrange]


def _save(fig, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _project_l1_ball(z: np.ndarray, t: float) -> np.ndarray:
    """Euclidean projection onto {w : ||w||_1 <= t} (sort-based, Duchi et al. 2008)."""
    if np.abs(z).sum() <= t:
        return z
    u = np.sort(np.abs(z))[::-1]
    css = np.cumsum(u)
    k = np.nonzero(u * np.arange(1, len(u) + 1) > css - t)[0][-1]
    theta = (css[k] - t) / (k + 1)
    return np.sign(z) * np.maximum(np.abs(z) - theta, 0)


def _constrained_min(c: np.ndarray, H: np.ndarray, project) -> np.ndarray:
    """Projected gradient descent on 1/2 (w - c)^T H (w - c) over a convex set."""
    w = np.zeros(2)
    lr = 1.0 / np.linalg.eigvalsh(H).max()
    for _ in range(3000):
        w = project(w - lr * H @ (w - c))
    return w


# ---------------------------------------------------------------------------------------------
# Small algorithms shared by several sections
# ---------------------------------------------------------------------------------------------


def armijo_step(f, g, x, d, alpha=1.0, rho=0.5, c=1e-4) -> float:
    """Backtracking line search: shrink alpha until f decreases 'enough' (Armijo)."""
    fx, slope = f(x), float(g(x) @ d)
    while f(x + alpha * d) > fx + c * alpha * slope:
        alpha *= rho
    return alpha


def gd_backtracking(f, g, x0, n_steps, tol=1e-12) -> np.ndarray:
    xs = [np.array(x0, dtype=float)]
    alpha = 1.0
    for _ in range(n_steps):
        x = xs[-1]
        grad = g(x)
        if np.linalg.norm(grad) < tol:
            break
        # Start each search from twice the last accepted step: cheap, and lets the step grow back.
        alpha = armijo_step(f, g, x, -grad, alpha=min(1.0, 2 * alpha))
        xs.append(x - alpha * grad)
    return np.array(xs)


def newton(g, h, x0, n_steps, tol=1e-12) -> np.ndarray:
    xs = [np.array(x0, dtype=float)]
    for _ in range(n_steps):
        grad = g(xs[-1])
        if np.linalg.norm(grad) < tol:
            break
        xs.append(xs[-1] - np.linalg.solve(h(xs[-1]), grad))
    return np.array(xs)


# ---------------------------------------------------------------------------------------------
# The demonstrations
# ---------------------------------------------------------------------------------------------


def demo_gradient_descent() -> None:
    section("1. Gradient descent on a quadratic: the learning rate and the condition number")
    # For f = 1/2 x^T A x, GD multiplies the error along eigenvector i by (1 - lr * lambda_i) each
    # step. It converges iff |1 - lr * lambda_i| < 1 for all i, i.e. lr < 2 / lambda_max.
    lam = np.linalg.eigvalsh(BOWL)
    print(f"eigenvalues of A: {lam} -> L = {lam.max():g}, mu = {lam.min():g}, kappa = {lam.max() / lam.min():g}")
    print(f"stability limit 2/L = {2 / lam.max():g};  best fixed lr 2/(L+mu) = {2 / lam.sum():.4f}")
    print(f"{'lr':>8} {'predicted rate':>15} {'steps to f<1e-8':>16}")
    x0 = np.array([-4.5, 1.2])
    for lr in [0.005, 0.05, 2 / lam.sum(), 0.099, 0.101]:
        rate = np.abs(1 - lr * lam).max()  # error shrinks by this factor per step (worst direction)
        path = run_gd(bowl_grad, x0, lr, 3000)
        values = np.array([bowl(v) for v in path])
        hit = np.flatnonzero(values < 1e-8)
        steps = str(hit[0]) if len(hit) else ("diverged" if values[-1] > values[0] else "> 3000")
        print(f"{lr:8.4f} {rate:15.4f} {steps:>16}")
    print("With lr = 2/(L+mu) the rate is (kappa-1)/(kappa+1) = "
          f"{(20 - 1) / (20 + 1):.4f}: ill-conditioning, not dimension, makes GD slow.")


def demo_batch_sizes() -> None:
    section("2. Batch, mini-batch and stochastic gradient descent (diabetes regression)")
    best, runs = batch_size_runs()
    print(f"n = 442 rows, d = 10 features; optimal loss (least squares) = {best:.5f}")
    print(f"{'method':30s} {'updates/epoch':>13} {'loss ep.1':>10} {'ep.10':>10} {'ep.40':>10}")
    for (bs, lr, decay), losses in runs.items():
        name = "full batch (GD)" if bs == 442 else f"batch {bs}" + (" + decaying lr" if decay else "")
        print(f"{name + f', lr={lr}':30s} {math.ceil(442 / bs):13d} {losses[0]:10.5f} {losses[9]:10.5f} "
              f"{losses[-1]:10.5f}")
    print("Small batches make more (noisier) updates per pass: fast early progress, then a noise floor")
    print("that only a decaying learning rate removes. Path: see batch_sizes.png.")


def demo_schedules() -> None:
    section("3. Learning-rate schedules (and a check against torch.optim.lr_scheduler)")
    torch = import_torch()

    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10, eta_min=0.01)
    torch_lrs = []
    for _ in range(11):
        torch_lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    ours = [warmup_cosine(s, 0.1, 0, 10, 0.01) for s in range(11)]
    print("cosine, steps 0..10 (ours): ", np.round(ours, 5))
    print("torch CosineAnnealingLR:    ", np.round(torch_lrs, 5))
    print(f"max difference: {np.max(np.abs(np.array(ours) - np.array(torch_lrs))):.2e}")
    print("warm-up 4 + cosine to 0 over 12 steps:", [round(warmup_cosine(s, 1.0, 4, 12), 3) for s in range(13)])


def demo_optimizers() -> None:
    section("4. Momentum, Adagrad, RMSprop and Adam (torch.optim) on two test functions")
    torch = import_torch()

    makers = {
        "SGD lr=0.09 / 1e-3": (lambda ps: torch.optim.SGD(ps, lr=0.09), lambda ps: torch.optim.SGD(ps, lr=1e-3)),
        "SGD+momentum 0.9": (lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9),
                             lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.9)),
        "Nesterov 0.9": (lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, nesterov=True),
                         lambda ps: torch.optim.SGD(ps, lr=2e-4, momentum=0.9, nesterov=True)),
        "Adagrad lr=1 / 0.5": (lambda ps: torch.optim.Adagrad(ps, lr=1.0), lambda ps: torch.optim.Adagrad(ps, lr=0.5)),
        "RMSprop lr=0.05 / 1e-3": (lambda ps: torch.optim.RMSprop(ps, lr=0.05),
                                   lambda ps: torch.optim.RMSprop(ps, lr=1e-3)),
        "Adam lr=0.3 / 0.02": (lambda ps: torch.optim.Adam(ps, lr=0.3), lambda ps: torch.optim.Adam(ps, lr=0.02)),
    }
    print(f"{'optimizer':24s} {'bowl: f after 100':>18} {'Rosenbrock: f after 1500':>25}")
    for name, (make_bowl, make_rosen) in makers.items():
        b = run_torch_optimizer(torch_bowl, np.array([-4.5, 1.2]), make_bowl, 100)
        r = run_torch_optimizer(torch_rosenbrock, np.array([-1.5, 2.0]), make_rosen, 1500)
        print(f"{name:24s} {bowl(b[-1]):18.2e} {rosenbrock(r[-1]):25.2e}")
    print("No optimizer wins everywhere; each has a learning rate to tune. Picture: trajectories.png.")

    print("\nAdam's bias correction with a constant gradient g = 1 (beta1 = 0.9, beta2 = 0.999):")
    print(f"{'t':>5} {'m_t':>8} {'m_hat':>8} {'v_t':>9} {'v_hat':>8} {'step/lr uncorrected':>20} {'corrected':>10}")
    m = v = 0.0
    for t in range(1, 101):
        m = 0.9 * m + 0.1 * 1.0
        v = 0.999 * v + 0.001 * 1.0
        if t in (1, 2, 5, 10, 100):
            m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
            print(f"{t:5d} {m:8.4f} {m_hat:8.4f} {v:9.5f} {v_hat:8.4f} {m / math.sqrt(v):20.4f} "
                  f"{m_hat / math.sqrt(v_hat):10.4f}")
    print("Without correction the first step is (1-b1)/sqrt(1-b2) = 3.16 times too long.")


def demo_convexity() -> None:
    section("5. Convexity: when is a local minimum the global one?")
    from sklearn.datasets import load_breast_cancer

    X, y = load_breast_cancer(return_X_y=True)
    X = (X - X.mean(0)) / X.std(0)
    rng = np.random.default_rng(0)
    w = rng.normal(size=X.shape[1])
    s = 1 / (1 + np.exp(-X @ w))
    # Hessian of the mean logistic loss: X^T diag(s(1-s)) X / n, a weighted Gram matrix -> PSD.
    H = X.T @ (X * (s * (1 - s))[:, None]) / len(y)
    eig = np.linalg.eigvalsh(H)
    print(f"logistic loss on breast_cancer (30 features): Hessian eigenvalues in [{eig.min():.2e}, {eig.max():.2e}]")
    print("  -> all >= 0 (up to rounding) at a random point: the loss is convex, any minimum is global.")

    # Jensen's inequality f(t a + (1-t) b) <= t f(a) + (1-t) f(b), tested on random chords.
    def logloss(w):
        z = X @ w
        return float(np.mean(np.logaddexp(0, z) - y * z))

    worst = -np.inf
    for _ in range(200):
        a, b, t = rng.normal(size=30), rng.normal(size=30), rng.uniform()
        worst = max(worst, logloss(t * a + (1 - t) * b) - (t * logloss(a) + (1 - t) * logloss(b)))
    print(f"  largest f(chord point) - chord value over 200 random chords: {worst:.3e} (<= 0: convex)")

    # A non-convex function: where GD ends depends on where it starts.
    f_grad = lambda x: 4 * x**3 - 6 * x + 1  # noqa: E731  f = x^4 - 3x^2 + x
    print("non-convex f(x) = x^4 - 3x^2 + x, GD with lr = 0.01 from several starts:")
    for x0 in [-2.0, -0.5, 0.3, 2.0]:
        x_end = run_gd(f_grad, np.array([x0]), 0.01, 2000)[-1, 0]
        print(f"  x0 = {x0:5.1f} -> x = {x_end:8.5f}, f = {x_end**4 - 3 * x_end**2 + x_end:8.4f}")
    print("  two different minima: only the left one (f = -3.51) is global.")


def demo_newton_and_line_search() -> None:
    section("6. Newton's method vs gradient descent, and backtracking line search")
    x0 = np.array([-1.2, 1.0])
    nt = newton(rosenbrock_grad, rosenbrock_hess, x0, 20)
    print("Newton on Rosenbrock from (-1.2, 1): distance to (1, 1) per iteration")
    for k, x in enumerate(nt):
        print(f"  k={k}: x = {x}, ||x - x*|| = {np.linalg.norm(x - 1):.3e}")
    print("  -> once close, the number of correct digits roughly doubles each step (quadratic convergence).")
    gd = run_gd(rosenbrock_grad, x0, 1e-3, 3000)
    bt = gd_backtracking(rosenbrock, rosenbrock_grad, x0, 3000)
    for name, path in [("GD, lr = 1e-3", gd), ("GD + Armijo backtracking", bt)]:
        err = np.linalg.norm(path - 1, axis=1)
        print(f"{name:26s}: ||x - x*|| after 3000 iterations = {err[-1]:.2e}")
    print(f"{'Newton':26s}: ||x - x*|| < 1e-6 after "
          f"{np.flatnonzero(np.linalg.norm(nt - 1, axis=1) < 1e-6)[0]} iterations")

    # Newton on L2-regularised logistic regression = what scikit-learn's solvers compute.
    from sklearn.datasets import load_breast_cancer
    from sklearn.linear_model import LogisticRegression

    X, y = load_breast_cancer(return_X_y=True)
    X = (X - X.mean(0)) / X.std(0)
    Xb = np.hstack([X, np.ones((len(y), 1))])  # last column: the intercept
    C = 1.0
    reg = np.ones(Xb.shape[1]) / C
    reg[-1] = 0.0  # scikit-learn does not penalise the intercept

    def grad(w):  # of sum_i logloss_i + 1/(2C) ||w_features||^2
        s = 1 / (1 + np.exp(-Xb @ w))
        return Xb.T @ (s - y) + reg * w

    def hess(w):
        s = 1 / (1 + np.exp(-Xb @ w))
        return Xb.T @ (Xb * (s * (1 - s))[:, None]) + np.diag(reg)

    path = newton(grad, hess, np.zeros(Xb.shape[1]), 50, tol=1e-9)
    sk = LogisticRegression(C=C, tol=1e-10, max_iter=10000).fit(X, y)
    diff = np.abs(path[-1][:-1] - sk.coef_.ravel()).max()
    print(f"\nNewton on L2-regularised logistic regression (breast_cancer): {len(path) - 1} iterations, "
          f"max |w - sklearn coef_| = {diff:.1e}")


def demo_lagrange() -> None:
    section("7. Constrained optimization: Lagrange multipliers and the KKT system")
    from scipy.optimize import minimize

    rng = np.random.default_rng(1)
    n, m = 4, 2
    M = rng.normal(size=(n, n))
    Q = M @ M.T + np.eye(n)
    c = rng.normal(size=n)
    A = rng.normal(size=(m, n))
    b = rng.normal(size=m)
    # Stationarity of L(x, lam) = 1/2 x^T Q x + c^T x + lam^T (A x - b):
    #   Q x + c + A^T lam = 0   and   A x = b   -> one linear system in (x, lam).
    K = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    sol = np.linalg.solve(K, np.concatenate([-c, b]))
    x, lam = sol[:n], sol[n:]
    ref = minimize(lambda z: 0.5 * z @ Q @ z + c @ z, np.zeros(n), jac=lambda z: Q @ z + c, method="SLSQP",
                   constraints=[{"type": "eq", "fun": lambda z: A @ z - b, "jac": lambda z: A}],
                   options={"ftol": 1e-12})
    print(f"KKT solution x = {x}\n     lambda = {lam}")
    print(f"scipy SLSQP x = {ref.x}  (max difference {np.abs(ref.x - x).max():.1e})")
    print(f"constraint residual ||Ax - b|| = {np.linalg.norm(A @ x - b):.1e}")

    def optimal_value(bb):
        s = np.linalg.solve(K, np.concatenate([-c, bb]))
        return 0.5 * s[:n] @ Q @ s[:n] + c @ s[:n]

    h = 1e-4
    rates = [(optimal_value(b + h * e) - optimal_value(b - h * e)) / (2 * h) for e in np.eye(m)]
    print(f"d(optimal value)/db = {np.array(rates)}  vs  -lambda = {-lam}  (multipliers are shadow prices)")


def demo_projected_gradient() -> None:
    section("8. Projected gradient descent: non-negative least squares")
    from scipy.optimize import nnls

    rng = np.random.default_rng(2)
    A = rng.normal(size=(40, 6))
    b = A @ np.array([1.0, 0.0, 2.0, 0.0, 0.5, 0.0]) + 0.3 * rng.normal(size=40) - 0.2
    L = np.linalg.norm(A, 2) ** 2
    x = np.zeros(6)
    for _ in range(2000):
        x = np.maximum(x - (A.T @ (A @ x - b)) / L, 0.0)  # step, then project onto x >= 0
    print(f"PGD:         {x}")
    print(f"scipy nnls:  {nnls(A, b)[0]}")
    print(f"unconstrained least squares: {np.linalg.lstsq(A, b, rcond=None)[0]}  (has negative entries)")


def demo_regularization() -> None:
    section("9. Regularization as optimization: penalty = constraint, L1 gives zeros")
    from sklearn.linear_model import Lasso, Ridge

    X, y = load_diabetes_standardized()
    n = len(y)
    lam = 50.0
    # Ridge, penalised form: min ||y - Xw||^2 + lam ||w||^2 -> w = (X^T X + lam I)^{-1} X^T y.
    w_pen = np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)
    w_sk = Ridge(alpha=lam, fit_intercept=False).fit(X, y).coef_
    t = np.linalg.norm(w_pen)
    # Constrained form with the matching budget t = ||w_pen||: min ||y - Xw||^2 s.t. ||w|| <= t.
    w = np.zeros(X.shape[1])
    lr = 1 / (2 * np.linalg.norm(X, 2) ** 2)
    for _ in range(20000):
        w = w - lr * 2 * X.T @ (X @ w - y)
        if np.linalg.norm(w) > t:
            w *= t / np.linalg.norm(w)
    print(f"ridge (penalty lam = {lam:g}) vs sklearn Ridge: max diff {np.abs(w_pen - w_sk).max():.1e}")
    print(f"constrained ||w|| <= {t:.4f} by projected GD:  max diff to the penalised w {np.abs(w - w_pen).max():.1e}")
    print("  -> the same w: the penalty weight lam is the Lagrange multiplier of the norm budget.")
    print(f"\n{'alpha':>8} {'lasso zeros (of 10)':>20} {'ridge zeros':>12}")
    for alpha in [0.001, 0.01, 0.05, 0.1, 0.3]:
        lz = int(np.sum(Lasso(alpha=alpha, fit_intercept=False).fit(X, y).coef_ == 0))
        rz = int(np.sum(Ridge(alpha=alpha * n, fit_intercept=False).fit(X, y).coef_ == 0))
        print(f"{alpha:8.3f} {lz:20d} {rz:12d}")
    print("The L1 ball has corners on the axes; the loss contours usually touch it there (see figure).")


def demo_training_loop() -> None:
    section("10. Adam in a real PyTorch training loop (digits, small MLP)")
    torch = import_torch()
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    device = "cuda" if torch.cuda.is_available() else "cpu"
    X, y = load_digits(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(X / 16.0, y, test_size=0.25, random_state=0, stratify=y)
    to = lambda a, dt: torch.tensor(a, dtype=dt, device=device)  # noqa: E731
    X_tr, X_te = to(X_tr, torch.float32), to(X_te, torch.float32)
    y_tr, y_te = to(y_tr, torch.long), to(y_te, torch.long)
    print(f"device: {device}; train {tuple(X_tr.shape)}, test {tuple(X_te.shape)}")
    for name, make in [("SGD lr=0.1", lambda ps: torch.optim.SGD(ps, lr=0.1)),
                       ("SGD+momentum lr=0.05", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
                       ("Adam lr=1e-2", lambda ps: torch.optim.Adam(ps, lr=1e-2)),
                       ("AdamW lr=1e-2 wd=0.05", lambda ps: torch.optim.AdamW(ps, lr=1e-2, weight_decay=0.05))]:
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10)).to(device)
        opt = make(model.parameters())
        n_epochs, bs = 10, 64
        steps_per_epoch = math.ceil(len(X_tr) / bs)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: warmup_cosine(s, 1.0, steps_per_epoch, n_epochs * steps_per_epoch, 0.1))
        gen = torch.Generator().manual_seed(0)
        start = time.perf_counter()
        for _ in range(n_epochs):
            perm = torch.randperm(len(X_tr), generator=gen).to(device)
            for i in range(0, len(X_tr), bs):
                idx = perm[i:i + bs]
                # The four lines that run in every PyTorch training loop:
                opt.zero_grad()
                loss = torch.nn.functional.cross_entropy(model(X_tr[idx]), y_tr[idx])
                loss.backward()
                opt.step()
                sched.step()
        with torch.no_grad():
            acc = (model(X_te).argmax(1) == y_te).float().mean().item()
        print(f"{name:24s} final batch loss {loss.item():.4f}  test accuracy {acc:.3f}  "
              f"({time.perf_counter() - start:.1f} s)")
    print("Same model, same data, same schedule: only opt = ... changes. That line is usually Adam(W).")


def main(argv: list[str]) -> None:
    if "--figures" in argv:
        for make in FIGURES:
            print(f"wrote {make(FIGURES_DIR).relative_to(HERE.parent)}")
        return
    start = time.perf_counter()
    demo_gradient_descent()
    demo_batch_sizes()
    demo_schedules()
    demo_optimizers()
    demo_convexity()
    demo_newton_and_line_search()
    demo_lagrange()
    demo_projected_gradient()
    demo_regularization()
    demo_training_loop()
    section("Plots")
    for make in FIGURES:
        print(f"saved {make(OUTPUT_DIR)}")
    print(f"\nall sections done in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
