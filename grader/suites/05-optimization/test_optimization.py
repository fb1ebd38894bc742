"""Hidden suite of module 05 - Optimization.

Each test grades one exercise of ``05-optimization/exercises.py`` through the ``learner`` fixture.
The optimizer classes are run side by side with ``torch.optim`` (float64) on the same gradients
and compared after every step; the rest is compared with NumPy, SciPy and scikit-learn or with
values that can be checked by hand.
"""
from __future__ import annotations

import contextlib
import inspect
import math
from collections.abc import Iterator

import numpy as np
import pytest
import scipy.linalg
import scipy.optimize
import torch
from sklearn.linear_model import Lasso
from torch.optim.adagrad import adagrad as _torch_adagrad
from torch.optim.adam import adam as _torch_adam
from torch.optim.rmsprop import rmsprop as _torch_rmsprop
from torch.optim.sgd import sgd as _torch_sgd

from grader.testing import (
    Mismatch,
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
)

# No torch.optim.Optimizer object is ever built or stepped here: Optimizer.__init__ and step()
# import torch._dynamo, which takes seconds. The references call the functional update functions
# that the classes' step() calls (torch.optim.sgd.sgd, torch.optim.adam.adam, ...), and the LR
# schedulers get a bare stand-in optimizer (_LrOnlyOptimizer); the arithmetic is torch's own.

# ---------------------------------------------------------------------------------------------
# Shared test functions and helpers
# ---------------------------------------------------------------------------------------------


def _rosen(x: np.ndarray) -> float:
    return float((1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2)


def _rosen_grad(x: np.ndarray) -> np.ndarray:
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


def _rosen_hess(x: np.ndarray) -> np.ndarray:
    return np.array([[2 - 400 * (x[1] - 3 * x[0] ** 2), -400 * x[0]], [-400 * x[0], 200.0]])


def _bumpy_grad(p: np.ndarray) -> np.ndarray:
    """Gradient of a smooth, mildly non-quadratic bowl, for any parameter shape."""
    scales = np.linspace(0.5, 4.0, p.size).reshape(p.shape)
    return scales * (p - 0.3) + 0.2 * np.sin(3 * p)


@contextlib.contextmanager
def _with_hint(hint: str) -> Iterator[None]:
    """Append a hint (in the learner's terms) to the message of a failing check."""
    try:
        yield
    except Mismatch as err:
        raise type(err)(f"{err} ({hint})") from None


def _torch_run(name: str, kwargs: dict, p0: np.ndarray, grad_fn, n_steps: int, lrs=None) -> np.ndarray:
    """Parameters after each of n_steps steps of torch.optim.<name>(**kwargs) (float64), gradients
    from grad_fn(current p); lrs[t], if given, is the lr of step t.

    Calls the functional update that <name>.step() calls, with the class's defaults filled in and
    the state the class would keep (see the note at the top of the file).
    """
    signature = inspect.signature(getattr(torch.optim, name).__init__)
    hp = {k: v.default for k, v in signature.parameters.items() if v.default is not inspect.Parameter.empty}
    unknown = set(kwargs) - set(hp)
    if unknown:
        raise TypeError(f"torch.optim.{name} takes no {sorted(unknown)}")
    hp.update(kwargs)
    p = torch.tensor(p0, dtype=torch.float64)
    steps = [torch.tensor(0.0)]  # the step counter (float32) that Adagrad, RMSprop and Adam keep
    flags = {"foreach": hp["foreach"], "maximize": hp["maximize"]}  # None, False: what the class passes

    def zeros(keep: bool = True) -> list[torch.Tensor]:
        return [torch.zeros_like(p)] if keep else []

    if name == "SGD":
        buffers: list = [None] if hp["momentum"] != 0 else []  # sgd() creates the buffer at step 1

        def update(g, lr):
            _torch_sgd([p], [g], buffers, weight_decay=hp["weight_decay"], momentum=hp["momentum"], lr=lr,
                       dampening=hp["dampening"], nesterov=hp["nesterov"], fused=hp["fused"], **flags)
    elif name == "Adagrad":
        sums = [torch.full_like(p, hp["initial_accumulator_value"])]

        def update(g, lr):
            _torch_adagrad([p], [g], sums, steps, lr=lr, weight_decay=hp["weight_decay"], lr_decay=hp["lr_decay"],
                           eps=hp["eps"], fused=hp["fused"], differentiable=False, has_complex=False, **flags)
    elif name == "RMSprop":
        square_avg, grad_avg, buffers = zeros(), zeros(hp["centered"]), zeros(hp["momentum"] > 0)

        def update(g, lr):
            _torch_rmsprop([p], [g], square_avg, grad_avg, buffers, steps, lr=lr, alpha=hp["alpha"], eps=hp["eps"],
                           weight_decay=hp["weight_decay"], momentum=hp["momentum"], centered=hp["centered"],
                           differentiable=False, capturable=False, has_complex=False, **flags)
    elif name in ("Adam", "AdamW"):
        exp_avg, exp_avg_sq, max_exp_avg_sq = zeros(), zeros(), zeros(hp["amsgrad"])
        decoupled = name == "AdamW" or hp.get("decoupled_weight_decay", False)

        def update(g, lr):
            _torch_adam([p], [g], exp_avg, exp_avg_sq, max_exp_avg_sq, steps, amsgrad=hp["amsgrad"],
                        beta1=hp["betas"][0], beta2=hp["betas"][1], lr=lr, weight_decay=hp["weight_decay"],
                        eps=hp["eps"], capturable=False, differentiable=False, fused=hp["fused"], has_complex=False,
                        decoupled_weight_decay=decoupled, **flags)
    else:
        raise ValueError(f"no functional reference for torch.optim.{name}")

    out = []
    with torch.no_grad():
        for t in range(n_steps):
            lr = float(lrs[t]) if lrs is not None else hp["lr"]
            update(torch.tensor(grad_fn(p.numpy().copy()), dtype=torch.float64), lr)
            out.append(p.numpy().copy())
    return np.array(out)


def _learner_run(opt, p0: np.ndarray, grad_fn, n_steps: int, what: str, lrs=None) -> np.ndarray:
    p = p0.copy()
    out = []
    for t in range(n_steps):
        if lrs is not None:
            opt.lr = float(lrs[t])
        new = opt.step(p, grad_fn(p))
        expect(new is not None, f"{what}: step() returned None; return the new parameters")
        new = np.asarray(new, dtype=float)
        expect_shape(new, p0.shape, f"{what}: step() with parameters of shape {p0.shape}")
        p = new
        out.append(p.copy())
    return np.array(out)


def _compare(got: np.ndarray, want: np.ndarray, what: str, hint: str = "") -> None:
    """Compare trajectories step by step; the message names the first step and entry that differ.

    Optimizer bugs often change a step by a tiny relative amount (eps in the wrong place), so the
    numbers are shown with 10 significant digits rather than expect_close's 6.
    """
    for t in range(len(want)):
        ok = np.isclose(got[t], want[t], rtol=1e-9, atol=1e-12)
        if not ok.all():
            index = tuple(int(i) for i in np.argwhere(~ok)[0])
            message = (f"{what}, parameters after step {t + 1}: {int((~ok).sum())} of {ok.size} values differ; "
                       f"first at index {index}: expected {want[t][index]:.10g}, got {got[t][index]:.10g}")
            raise Mismatch(message + (f" ({hint})" if hint else ""))


def _check_against_torch(learner, cls_name: str, torch_name: str, kwargs: dict, p0: np.ndarray,
                         n_steps: int, hint: str = "", lrs=None, torch_kwargs: dict | None = None) -> None:
    """Run learner.<cls_name>(**kwargs) and torch.optim.<torch_name>(**(torch_kwargs or kwargs))."""
    want = _torch_run(torch_name, torch_kwargs or kwargs, p0, _bumpy_grad, n_steps, lrs)
    args = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    what = f"{cls_name}({args}) vs torch.optim.{torch_name}"
    if lrs is not None:
        what += " with the lr changed before every step"
    with forbid(learner, f"torch.optim.{torch_name}", reason="write the update rule with NumPy"):
        opt = getattr(learner, cls_name)(**kwargs)
        got = _learner_run(opt, p0, _bumpy_grad, n_steps, what, lrs)
    _compare(got, want, what, hint)


def _check_no_mutation(learner, cls_name: str, kwargs: dict) -> None:
    opt = getattr(learner, cls_name)(**kwargs)
    p = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.3]])
    g = np.array([[0.2, 0.4, -1.0], [3.0, -0.5, 0.1]])
    p_copy, g_copy = p.copy(), g.copy()
    for _ in range(3):
        new = opt.step(p, g)
        expect(new is not p, f"{cls_name}.step returned the params array it was given; return a new array")
        expect_shape(np.asarray(new), (2, 3), f"{cls_name}.step with parameters of shape (2, 3)")
        expect_close(p, p_copy, f"{cls_name}.step must not modify its params argument")
        expect_close(g, g_copy, f"{cls_name}.step must not modify its grad argument (write g = g + ..., not g += ...)")


# ---------------------------------------------------------------------------------------------
# 1. quadratic_value_and_grad
# ---------------------------------------------------------------------------------------------


def _torch_quadratic(A, b, x):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    f = 0.5 * xt @ torch.tensor(A) @ xt - torch.tensor(b) @ xt
    f.backward()
    return float(f.detach()), xt.grad.numpy()


@pytest.mark.exercise("quadratic_value_and_grad")
def test_quadratic_docstring_example(learner):
    A = np.array([[2.0, 0.0], [0.0, 4.0]])
    b = np.array([1.0, 1.0])
    result = learner.quadratic_value_and_grad(A, b, np.array([1.0, 1.0]))
    expect(isinstance(result, tuple) and len(result) == 2,
           f"quadratic_value_and_grad should return a tuple (value, grad), got {type(result).__name__}")
    value, grad = result
    expect_type(value, (float, np.floating), "the value f(x)")
    expect_close(value, 1.0, "f(x) for A = diag(2, 4), b = [1, 1], x = [1, 1]")
    expect_close(grad, [1.0, 3.0], "grad f(x) for A = diag(2, 4), b = [1, 1], x = [1, 1]")


@pytest.mark.exercise("quadratic_value_and_grad")
def test_quadratic_symmetric_matches_autograd(learner):
    rng = np.random.default_rng(1)
    M = rng.normal(size=(5, 5))
    A = M @ M.T + np.eye(5)
    b, x = rng.normal(size=5), rng.normal(size=5)
    value, grad = learner.quadratic_value_and_grad(A, b, x)
    want_value, want_grad = _torch_quadratic(A, b, x)
    expect_shape(np.asarray(grad), (5,), "grad for x of shape (5,)")
    expect_close(value, want_value, "f(x) for a random symmetric 5x5 A (compared with torch autograd)", rtol=1e-10)
    expect_close(grad, want_grad, "grad f(x) for a random symmetric 5x5 A (compared with torch autograd)", rtol=1e-10)


@pytest.mark.exercise("quadratic_value_and_grad")
def test_quadratic_nonsymmetric_matrix(learner):
    rng = np.random.default_rng(2)
    A = rng.normal(size=(4, 4))  # not symmetric
    b, x = rng.normal(size=4), rng.normal(size=4)
    value, grad = learner.quadratic_value_and_grad(A, b, x)
    want_value, want_grad = _torch_quadratic(A, b, x)
    expect_close(value, want_value, "f(x) for a NON-symmetric 4x4 A", rtol=1e-10)
    with _with_hint("only the symmetric part (A + A^T)/2 of A enters f, so A @ x - b is wrong here"):
        expect_close(grad, want_grad, "grad f(x) for a NON-symmetric 4x4 A (compared with torch autograd)", rtol=1e-10)


@pytest.mark.exercise("quadratic_value_and_grad")
def test_quadratic_at_origin(learner):
    A = np.array([[1.0, 2.0], [0.0, 3.0]])
    b = np.array([0.5, -2.0])
    value, grad = learner.quadratic_value_and_grad(A, b, np.zeros(2))
    expect_close(value, 0.0, "f(0)")
    expect_close(grad, -b, "grad f(0), which should be -b")


# ---------------------------------------------------------------------------------------------
# 2. gradient_descent
# ---------------------------------------------------------------------------------------------


@pytest.mark.exercise("gradient_descent")
def test_gd_exact_path_and_step_count(learner):
    # f(x) = x^2 (gradient 2x) with lr = 0.1: every step multiplies x by 0.8, and the gradient
    # 2 * 0.8^k first drops to <= 1e-3 at k = 35.
    x0 = np.array([1.0])
    result = learner.gradient_descent(lambda x: 2 * x, x0, lr=0.1, tol=1e-3, max_iter=1000)
    expect(isinstance(result, tuple) and len(result) == 2, "gradient_descent should return (path, converged)")
    path, converged = result
    path = np.asarray(path, dtype=float)
    expect(path.ndim == 2, f"path should be 2-D, shape (k + 1, d); got shape {path.shape}")
    expect_equal(path.shape[0] - 1, 35,
                 "number of updates for f = x^2, x0 = 1, lr = 0.1, tol = 1e-3 (stop at the first iterate "
                 "whose gradient norm is <= tol)")
    with _with_hint("if every row equals the last one, the path holds the same array many times: "
                    "write x = x - lr * g, not x -= lr * g"):
        expect_close(path[:, 0], 0.8 ** np.arange(36), "the iterates x_k = 0.8^k", rtol=1e-9)
    expect(converged is True or converged is np.True_, f"converged should be True, got {converged!r}")


@pytest.mark.exercise("gradient_descent")
def test_gd_already_optimal_start(learner):
    x0 = np.array([1.0, 2.0])
    path, converged = learner.gradient_descent(lambda x: x - np.array([1.0, 2.0]), x0, lr=0.5)
    expect_shape(np.asarray(path), (1, 2),
                 "path when x0 is already the minimum (check the gradient BEFORE taking a step)")
    expect(bool(converged), "converged should be True when the gradient at x0 is already 0")


@pytest.mark.exercise("gradient_descent")
def test_gd_hits_max_iter(learner):
    x0 = np.array([3.0, -1.0])
    path, converged = learner.gradient_descent(lambda x: 2 * x, x0, lr=0.01, tol=1e-12, max_iter=7)
    expect_shape(np.asarray(path), (8, 2), "path with max_iter = 7 when the tolerance is never reached")
    expect(not bool(converged), "converged should be False when the loop stopped at max_iter")
    path0, _ = learner.gradient_descent(lambda x: 2 * x, x0, lr=0.01, tol=1e-12, max_iter=0)
    expect_shape(np.asarray(path0), (1, 2), "path with max_iter = 0 (no update allowed)")
    expect_close(x0, [3.0, -1.0], "x0 after the call (gradient_descent must not modify it)")


@pytest.mark.exercise("gradient_descent")
def test_gd_solves_ill_conditioned_quadratic(learner):
    A = np.array([[10.0, 2.0, 0.0], [2.0, 5.0, 1.0], [0.0, 1.0, 1.0]])
    b = np.array([1.0, -2.0, 3.0])
    lr = 1.0 / np.linalg.eigvalsh(A).max()
    path, converged = learner.gradient_descent(lambda x: A @ x - b, np.zeros(3), lr=lr, tol=1e-9, max_iter=5000)
    path = np.asarray(path, dtype=float)
    expect(bool(converged), "gradient_descent should converge on a positive-definite quadratic with lr = 1/L")
    expect_close(path[-1], np.linalg.solve(A, b), "final point vs np.linalg.solve(A, b)", atol=1e-8)
    expect(np.linalg.norm(A @ path[-1] - b) <= 1e-9, "the gradient norm at the returned point should be <= tol")
    expect_close(path[0], np.zeros(3), "path[0] should be x0")


# ---------------------------------------------------------------------------------------------
# 3. warmup_cosine_lr
# ---------------------------------------------------------------------------------------------


class _LrOnlyOptimizer(torch.optim.Optimizer):
    """Just what an LR scheduler reads and writes (one param group's lr, and step()), without
    Optimizer.__init__, which imports torch._dynamo."""

    def __init__(self, lr: float) -> None:  # no super().__init__() on purpose
        self.defaults = {"lr": lr}
        self.param_groups = [{"lr": lr}]
        self.state = {}

    def step(self, closure=None) -> None:
        return None


def _torch_schedule_lrs(make_sched, base_lr: float, n: int) -> list[float]:
    opt = _LrOnlyOptimizer(base_lr)
    sched = make_sched(opt)
    lrs = []
    for _ in range(n):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


@pytest.mark.exercise("warmup_cosine_lr")
def test_schedule_no_warmup_matches_torch_cosine(learner):
    want = _torch_schedule_lrs(
        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=20, eta_min=0.01), 0.3, 21)
    got = [learner.warmup_cosine_lr(s, 0.3, 0, 20, min_lr=0.01) for s in range(21)]
    expect_close(got, want, "warmup_cosine_lr(step, 0.3, 0, 20, min_lr=0.01) for steps 0..20 vs "
                 "torch CosineAnnealingLR(T_max=20, eta_min=0.01)", rtol=1e-9)


@pytest.mark.exercise("warmup_cosine_lr")
def test_schedule_with_warmup_matches_hugging_face(learner):
    W, T = 5, 30

    def hf_lambda(s):  # transformers.get_cosine_schedule_with_warmup
        if s < W:
            return s / max(1, W)
        progress = (s - W) / max(1, T - W)
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * progress)))

    want = _torch_schedule_lrs(lambda o: torch.optim.lr_scheduler.LambdaLR(o, hf_lambda), 2e-3, T + 1)
    got = [learner.warmup_cosine_lr(s, 2e-3, W, T) for s in range(T + 1)]
    expect_close(got, want, "warmup_cosine_lr(step, 2e-3, 5, 30) for steps 0..30 vs Hugging Face's "
                 "cosine schedule with warm-up", rtol=1e-9, atol=1e-15)


@pytest.mark.exercise("warmup_cosine_lr")
def test_schedule_key_points(learner):
    f = learner.warmup_cosine_lr
    value = f(0, 1.0, 4, 12)
    expect_type(value, (float, np.floating), "warmup_cosine_lr(0, 1.0, 4, 12)")
    expect_close(value, 0.0, "lr at step 0 with warm-up (the ramp starts at 0)")
    expect_close(f(1, 1.0, 4, 12), 0.25, "lr at step 1 of a 4-step warm-up to 1.0")
    expect_close(f(4, 1.0, 4, 12), 1.0, "lr at step == warmup_steps (the peak)")
    expect_close(f(8, 1.0, 4, 12, min_lr=0.2), 0.6, "lr half-way through the cosine part, from 1.0 to min_lr 0.2")
    expect_close(f(12, 1.0, 4, 12, min_lr=0.2), 0.2, "lr at step == total_steps")
    expect_close(f(100, 1.0, 4, 12, min_lr=0.2), 0.2, "lr long after total_steps (should stay at min_lr)")


@pytest.mark.exercise("warmup_cosine_lr")
def test_schedule_rejects_bad_arguments(learner):
    f = learner.warmup_cosine_lr
    expect_raises(ValueError, lambda: f(-1, 1.0, 2, 10), "warmup_cosine_lr with step = -1")
    expect_raises(ValueError, lambda: f(0, 1.0, 11, 10), "warmup_cosine_lr with warmup_steps > total_steps")
    expect_raises(ValueError, lambda: f(0, 1.0, 0, 0), "warmup_cosine_lr with total_steps = 0")


# ---------------------------------------------------------------------------------------------
# 4. backtracking_line_search
# ---------------------------------------------------------------------------------------------


def _armijo_ok(f, g, x, d, alpha, c):
    return f(x + alpha * d) <= f(x) + c * alpha * float(g(x) @ d)


@pytest.mark.exercise("backtracking_line_search")
def test_line_search_hand_example(learner):
    alpha = learner.backtracking_line_search(lambda x: float(x @ x), lambda x: 2 * x,
                                             np.array([1.0]), np.array([-2.0]))
    expect_type(alpha, (float, np.floating), "the returned step size")
    expect_close(alpha, 0.5, "step size for f = x^2 at x = 1, d = -2 (alpha = 1 overshoots to -1, 0.5 is accepted)")


@pytest.mark.exercise("backtracking_line_search")
def test_line_search_rosenbrock_values(learner):
    x = np.array([-1.2, 1.0])
    d = -_rosen_grad(x)
    # Worked out by hand: f(x) = 24.2, slope = -g.g = -54227.36; the first candidate 2^-k that
    # satisfies the Armijo test is 2^-10 (c = 1e-4) and 2^-11 (c = 0.5).
    got = learner.backtracking_line_search(_rosen, _rosen_grad, x, d)
    expect_close(got, 2.0 ** -10, "step size on Rosenbrock at (-1.2, 1) along -grad (alpha0=1, rho=0.5, c=1e-4)")
    got = learner.backtracking_line_search(_rosen, _rosen_grad, x, d, alpha0=1.0, rho=0.5, c=0.5)
    expect_close(got, 2.0 ** -11, "step size on Rosenbrock at (-1.2, 1) along -grad with c = 0.5 "
                 "(the right-hand side is f(x) + c * alpha * grad.d)")
    got = learner.backtracking_line_search(_rosen, _rosen_grad, x, d, alpha0=0.01, rho=0.3, c=1e-4)
    expect_close(got, 0.01 * 0.3**2, "step size on Rosenbrock with alpha0 = 0.01, rho = 0.3")


@pytest.mark.exercise("backtracking_line_search")
def test_line_search_invariants_on_random_quadratics(learner):
    rng = np.random.default_rng(4)
    for trial in range(5):
        M = rng.normal(size=(4, 4))
        A = M @ M.T + 0.1 * np.eye(4)
        f = lambda x, A=A: float(0.5 * x @ A @ x)  # noqa: E731
        g = lambda x, A=A: A @ x  # noqa: E731
        x = rng.normal(size=4)
        d = -g(x) + 0.3 * rng.normal(size=4)
        if g(x) @ d >= 0:
            d = -g(x)
        alpha = learner.backtracking_line_search(f, g, x, d, alpha0=4.0, rho=0.6, c=0.3)
        expect(_armijo_ok(f, g, x, d, alpha, 0.3),
               f"random quadratic {trial}: the returned alpha = {alpha:.6g} does not satisfy the Armijo condition")
        if alpha < 4.0:
            expect(not _armijo_ok(f, g, x, d, alpha / 0.6, 0.3),
                   f"random quadratic {trial}: alpha = {alpha:.6g} is not the FIRST accepted candidate "
                   f"(alpha / rho = {alpha / 0.6:.6g} already satisfies the condition)")
        k = math.log(alpha / 4.0) / math.log(0.6)
        expect(abs(k - round(k)) < 1e-9, f"random quadratic {trial}: alpha = {alpha:.6g} is not alpha0 * rho^k")


@pytest.mark.exercise("backtracking_line_search")
def test_line_search_errors(learner):
    f, g = (lambda x: float(x @ x)), (lambda x: 2 * x)
    x = np.array([1.0, -1.0])
    expect_raises(ValueError, lambda: learner.backtracking_line_search(f, g, x, np.array([1.0, -1.0])),
                  "an ascent direction (grad . d > 0)")
    expect_raises(ValueError, lambda: learner.backtracking_line_search(f, g, x, np.zeros(2)),
                  "a zero direction (grad . d = 0)")
    expect_raises(RuntimeError,
                  lambda: learner.backtracking_line_search(f, g, x, -g(x), alpha0=100.0, rho=0.5, max_iter=3),
                  "alpha0 = 100, max_iter = 3 on f = ||x||^2 (100, 50, 25 all fail)")


# ---------------------------------------------------------------------------------------------
# 5. minibatch_sgd
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regression_data():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 0.3 * rng.normal(size=30)
    return X, y


@pytest.mark.exercise("minibatch_sgd")
def test_minibatch_full_batch_is_gradient_descent(learner, regression_data):
    X, y = regression_data
    w = np.zeros(3)
    want_losses = []
    for _ in range(25):
        w = w - 0.1 * X.T @ (X @ w - y) / len(y)
        want_losses.append(0.5 * np.mean((X @ w - y) ** 2))
    for bs in (30, 100):
        result = learner.minibatch_sgd(X, y, lr=0.1, batch_size=bs, n_epochs=25, seed=3)
        expect(isinstance(result, tuple) and len(result) == 2, "minibatch_sgd should return (w, losses)")
        got_w, got_losses = result
        expect_shape(np.asarray(got_w), (3,), "w for X of shape (30, 3)")
        expect_shape(np.asarray(got_losses), (25,), "losses for n_epochs = 25")
        expect_close(got_w, w, f"w with batch_size = {bs} >= n (one full batch: plain gradient descent, "
                     "gradient = X^T (Xw - y) / n)", rtol=1e-9)
        expect_close(got_losses, want_losses, f"losses with batch_size = {bs}: 0.5 * mean squared error "
                     "after each epoch", rtol=1e-9)


@pytest.mark.exercise("minibatch_sgd")
def test_minibatch_counts_the_last_partial_batch(learner):
    # All rows identical (x = 1, y = 1): every update is w <- w - lr (w - 1) whatever the batch,
    # so after E epochs of ceil(5 / 4) = 2 updates w = 1 - 0.7^(2E).
    X, y = np.ones((5, 1)), np.ones(5)
    w, _ = learner.minibatch_sgd(X, y, lr=0.3, batch_size=4, n_epochs=3, seed=0)
    expect_close(w, [1 - 0.7**6], "w for n = 5, batch_size = 4, 3 epochs on identical rows (2 updates per "
                 "epoch, the last batch has 1 row; each batch gradient is a MEAN over its rows)", rtol=1e-9)


@pytest.mark.exercise("minibatch_sgd")
def test_minibatch_pure_sgd_interpolates_noiseless_data(learner):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(40, 3))
    w_true = np.array([2.0, -1.0, 0.5])
    # Noiseless data: SGD converges linearly, w is within 1e-7 after 10 epochs and exact after 30.
    w, losses = learner.minibatch_sgd(X, X @ w_true, lr=0.05, batch_size=1, n_epochs=40, seed=1)
    expect_close(w, w_true, "w from batch_size = 1 SGD on noiseless data y = X w_true", atol=1e-6)
    losses = np.asarray(losses)
    expect(losses[-1] < 1e-6 * losses[0], f"the last epoch's loss {losses[-1]:.3g} should be far below the "
           f"first {losses[0]:.3g}")


@pytest.mark.exercise("minibatch_sgd")
def test_minibatch_seeded_and_shuffled(learner, regression_data):
    X, y = regression_data
    np.random.seed(0)
    w1, l1 = learner.minibatch_sgd(X, y, lr=0.05, batch_size=4, n_epochs=3, seed=7)
    np.random.seed(123)
    w2, l2 = learner.minibatch_sgd(X, y, lr=0.05, batch_size=4, n_epochs=3, seed=7)
    expect_close(w2, w1, "two calls with the same seed (use np.random.default_rng(seed), not the global "
                 "np.random state)", rtol=0, atol=0)
    w3, _ = learner.minibatch_sgd(X, y, lr=0.05, batch_size=4, n_epochs=3, seed=8)
    expect(np.abs(np.asarray(w3) - np.asarray(w1)).max() > 1e-8,
           "seeds 7 and 8 gave the same w with batch_size = 4: the rows should be shuffled every epoch "
           "with rng.permutation(n)")
    expect_raises(ValueError, lambda: learner.minibatch_sgd(X, y, lr=0.1, batch_size=0, n_epochs=1),
                  "minibatch_sgd with batch_size = 0")


# ---------------------------------------------------------------------------------------------
# 6. projected_gradient_descent
# ---------------------------------------------------------------------------------------------


def _project_simplex(v: np.ndarray) -> np.ndarray:
    u = np.sort(v)[::-1]
    css = np.cumsum(u) - 1
    rho = np.nonzero(u - css / np.arange(1, len(v) + 1) > 0)[0][-1]
    return np.maximum(v - css[rho] / (rho + 1), 0)


@pytest.mark.exercise("projected_gradient_descent")
def test_pgd_nonnegative_least_squares_matches_scipy(learner):
    rng = np.random.default_rng(7)
    A = rng.normal(size=(20, 5))
    b = rng.normal(size=20)
    L = np.linalg.norm(A, 2) ** 2
    # A^T A has a condition number near 9: with lr = 1/L the iterates reach nnls's answer to 1e-16
    # within 200 steps; 600 leave a wide margin.
    path = learner.projected_gradient_descent(lambda x: A.T @ (A @ x - b), lambda z: np.maximum(z, 0.0),
                                              np.zeros(5), lr=1.0 / L, n_steps=600)
    path = np.asarray(path, dtype=float)
    expect_shape(path, (601, 5), "path for n_steps = 600 and x0 of shape (5,)")
    want, _ = scipy.optimize.nnls(A, b)
    expect_close(path[-1], want, "non-negative least squares by PGD vs scipy.optimize.nnls", atol=1e-7)


@pytest.mark.exercise("projected_gradient_descent")
def test_pgd_projects_the_start_and_every_iterate(learner):
    z = np.array([0.9, 0.6, -0.2, 0.1])
    x0 = np.array([2.0, -1.0, 0.5, 3.0])  # not on the simplex
    path = learner.projected_gradient_descent(lambda x: 2 * (x - z), _project_simplex, x0, lr=0.5, n_steps=4)
    path = np.asarray(path, dtype=float)
    expect_shape(path, (5, 4), "path for n_steps = 4")
    expect_close(path[0], _project_simplex(x0), "path[0] should be the projection of x0 onto the constraint set")
    for k, row in enumerate(path):
        expect(abs(row.sum() - 1) < 1e-9 and row.min() >= -1e-12,
               f"path[{k}] = {np.round(row, 4)} is outside the probability simplex: project AFTER the gradient step")
    # With lr = 0.5 one step of x - 0.5 * 2 (x - z) lands on z, so path[1] is the projection of z.
    expect_close(path[1], _project_simplex(z), "path[1] for f = ||x - z||^2, lr = 0.5 (should be the projection of z)")


@pytest.mark.exercise("projected_gradient_descent")
def test_pgd_identity_projection_is_plain_gd(learner):
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, -1.0])
    x0 = np.array([1.0, 1.0])
    path = np.asarray(learner.projected_gradient_descent(lambda x: A @ x - b, lambda z: z, x0, lr=0.2, n_steps=3))
    want = [x0]
    for _ in range(3):
        want.append(want[-1] - 0.2 * (A @ want[-1] - b))
    expect_close(path, np.array(want), "path with the identity projection (plain gradient descent)", rtol=1e-10)
    path0 = np.asarray(learner.projected_gradient_descent(lambda x: A @ x - b, lambda z: z, x0, lr=0.2, n_steps=0))
    expect_shape(path0, (1, 2), "path for n_steps = 0")


@pytest.mark.exercise("projected_gradient_descent")
def test_pgd_ball_constraint(learner):
    z = np.array([3.0, 4.0])  # ||z|| = 5: the closest point of the unit ball is z / 5

    def ball(v):
        n = np.linalg.norm(v)
        return v if n <= 1 else v / n

    path = learner.projected_gradient_descent(lambda x: 2 * (x - z), ball, np.zeros(2), lr=0.1, n_steps=200)
    expect_close(np.asarray(path)[-1], [0.6, 0.8], "min ||x - (3, 4)||^2 over the unit ball", atol=1e-8)


# ---------------------------------------------------------------------------------------------
# 7-10. The optimizers, against torch.optim
# ---------------------------------------------------------------------------------------------

_P0 = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.5]])
_LRS = [0.1 * (0.8 ** t) if t % 3 else 0.25 / (t + 1) for t in range(15)]  # an irregular schedule


@pytest.mark.exercise("SGD")
def test_sgd_plain_matches_torch(learner):
    _check_against_torch(learner, "SGD", "SGD", {"lr": 0.1}, _P0, 15, hint="p - lr * g")


@pytest.mark.exercise("SGD")
def test_sgd_docstring_example(learner):
    opt = learner.SGD(lr=0.1, momentum=0.9)
    p = opt.step(np.array([1.0, -1.0]), np.array([1.0, 1.0]))
    expect_close(p, [0.9, -1.1], "first step of SGD(lr=0.1, momentum=0.9) with g = [1, 1] (the buffer starts at g)")
    p = opt.step(p, np.array([1.0, 1.0]))
    expect_close(p, [0.71, -1.29], "second step of SGD(lr=0.1, momentum=0.9) with g = [1, 1] (buffer 0.9 * 1 + 1)")


@pytest.mark.exercise("SGD")
def test_sgd_momentum_with_changing_lr_matches_torch(learner):
    _check_against_torch(
        learner, "SGD", "SGD", {"lr": 0.1, "momentum": 0.9}, _P0, 15, lrs=_LRS,
        hint="PyTorch: buf = momentum * buf + g, then p -= lr * buf with the CURRENT lr; "
             "the 'velocity' form v = momentum * v - lr * g differs once lr changes")


@pytest.mark.exercise("SGD")
def test_sgd_dampening_matches_torch(learner):
    _check_against_torch(
        learner, "SGD", "SGD", {"lr": 0.05, "momentum": 0.8, "dampening": 0.5}, _P0, 12,
        hint="the buffer starts at the first gradient itself, then buf = momentum * buf + (1 - dampening) * g")


@pytest.mark.exercise("SGD")
def test_sgd_nesterov_weight_decay_matches_torch(learner):
    _check_against_torch(
        learner, "SGD", "SGD",
        {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.1, "nesterov": True}, _P0, 15,
        hint="weight decay first (g + wd * p), Nesterov direction g + momentum * buf")


@pytest.mark.exercise("SGD")
def test_sgd_validation_and_no_mutation(learner):
    expect_raises(ValueError, lambda: learner.SGD(lr=0.1, momentum=0.0, nesterov=True),
                  "SGD(nesterov=True) with momentum = 0")
    expect_raises(ValueError, lambda: learner.SGD(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True),
                  "SGD(nesterov=True) with dampening = 0.1")
    _check_no_mutation(learner, "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.1})


@pytest.mark.exercise("Adagrad")
def test_adagrad_defaults_match_torch(learner):
    _check_against_torch(learner, "Adagrad", "Adagrad", {"lr": 0.1}, _P0, 20,
                         hint="sum = sum + g^2; p -= lr * g / (sqrt(sum) + eps)")


@pytest.mark.exercise("Adagrad")
def test_adagrad_eps_and_initial_accumulator_match_torch(learner):
    _check_against_torch(
        learner, "Adagrad", "Adagrad", {"lr": 0.2, "eps": 0.1, "initial_accumulator_value": 0.5},
        _P0, 15, hint="the sum starts at initial_accumulator_value; eps is added after the square root")


@pytest.mark.exercise("Adagrad")
def test_adagrad_lr_decay_weight_decay_match_torch(learner):
    _check_against_torch(
        learner, "Adagrad", "Adagrad", {"lr": 0.3, "lr_decay": 0.05, "weight_decay": 0.1}, _P0, 15,
        hint="at step t (from 1) the learning rate is lr / (1 + (t - 1) * lr_decay); weight decay adds wd * p to g")


@pytest.mark.exercise("Adagrad")
def test_adagrad_first_step_and_changing_lr(learner):
    opt = learner.Adagrad(lr=0.5, eps=0.0)
    p = opt.step(np.array([0.0, 0.0, 1.0]), np.array([4.0, -0.01, 2.0]))
    expect_close(p, [-0.5, 0.5, 0.5], "first Adagrad step (eps = 0): every coordinate moves by exactly lr")
    _check_against_torch(learner, "Adagrad", "Adagrad", {"lr": 0.1}, _P0, 15, lrs=_LRS)
    _check_no_mutation(learner, "Adagrad", {"lr": 0.1, "weight_decay": 0.1})


@pytest.mark.exercise("RMSprop")
def test_rmsprop_defaults_match_torch(learner):
    _check_against_torch(learner, "RMSprop", "RMSprop", {"lr": 0.01}, _P0, 25,
                         hint="v = alpha * v + (1 - alpha) * g^2 from v = 0, no bias correction; "
                              "p -= lr * g / (sqrt(v) + eps)")


@pytest.mark.exercise("RMSprop")
def test_rmsprop_first_step_has_no_bias_correction(learner):
    opt = learner.RMSprop(lr=0.01, alpha=0.99, eps=0.0)
    p = opt.step(np.array([1.0, 1.0]), np.array([2.0, -0.5]))
    with _with_hint("RMSprop's average starts at 0 and is not bias-corrected: v_1 = (1 - alpha) g^2, "
                    "so the first step is lr / sqrt(1 - alpha) = 10 lr"):
        expect_close(p, [0.9, 1.1], "first RMSprop(lr=0.01, alpha=0.99, eps=0) step with g = [2, -0.5]")


@pytest.mark.exercise("RMSprop")
def test_rmsprop_eps_outside_sqrt_matches_torch(learner):
    _check_against_torch(
        learner, "RMSprop", "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 0.1}, _P0, 15,
        hint="the denominator is sqrt(v) + eps, not sqrt(v + eps)")


@pytest.mark.exercise("RMSprop")
def test_rmsprop_momentum_weight_decay_match_torch(learner):
    _check_against_torch(
        learner, "RMSprop", "RMSprop", {"lr": 0.01, "momentum": 0.9, "weight_decay": 0.05}, _P0, 20,
        hint="with momentum: buf = momentum * buf + g / (sqrt(v) + eps), then p -= lr * buf")


@pytest.mark.exercise("RMSprop")
def test_rmsprop_centered_matches_torch(learner):
    _check_against_torch(learner, "RMSprop", "RMSprop", {"lr": 0.01, "centered": True}, _P0, 20,
                         hint="centered: denominator sqrt(v - gbar^2) + eps with gbar the moving average of g")
    _check_against_torch(learner, "RMSprop", "RMSprop",
                         {"lr": 0.005, "centered": True, "momentum": 0.5}, _P0, 15,
                         lrs=[0.005 * (1 + t % 3) for t in range(15)])
    _check_no_mutation(learner, "RMSprop", {"lr": 0.01, "weight_decay": 0.1, "momentum": 0.9})


@pytest.mark.exercise("Adam")
def test_adam_first_step_is_bias_corrected(learner):
    opt = learner.Adam(lr=0.1, eps=0.0)
    p = opt.step(np.array([1.0, 1.0, 1.0]), np.array([3.0, -0.5, 1e-3]))
    # At t = 1, m_hat = g and v_hat = g^2, so with eps = 0 the step is exactly lr * sign(g).
    with _with_hint("the first step of Adam moves each coordinate by exactly lr when eps = 0: divide m by "
                    "1 - beta1^t and v by 1 - beta2^t, with t = 1 at the first step"):
        expect_close(p, [0.9, 1.1, 0.9], "first Adam(lr=0.1, eps=0) step with g = [3, -0.5, 0.001]", rtol=1e-12)


@pytest.mark.exercise("Adam")
def test_adam_defaults_match_torch(learner):
    _check_against_torch(learner, "Adam", "Adam", {"lr": 0.05}, _P0, 40,
                         hint="m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t), "
                              "p -= lr * m_hat / (sqrt(v_hat) + eps)")


@pytest.mark.exercise("Adam")
def test_adam_eps_placement_matches_torch(learner):
    _check_against_torch(
        learner, "Adam", "Adam", {"lr": 0.05, "betas": (0.8, 0.95), "eps": 0.1}, _P0, 15,
        hint="p -= lr * m_hat / (sqrt(v_hat) + eps): eps after the bias correction, outside the square root")


@pytest.mark.exercise("Adam")
def test_adam_l2_weight_decay_matches_torch(learner):
    _check_against_torch(
        learner, "Adam", "Adam", {"lr": 0.05, "weight_decay": 0.1}, _P0, 15,
        hint="without decoupling, weight decay adds wd * p to the gradient before the moments are updated")


@pytest.mark.exercise("Adam")
def test_adamw_matches_torch(learner):
    kwargs = {"lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": True}
    _check_against_torch(
        learner, "Adam", "AdamW", kwargs, _P0, 15, torch_kwargs={"lr": 0.05, "weight_decay": 0.1},
        hint="decoupled (AdamW): first p = p * (1 - lr * wd), then the Adam step with the raw gradient")


@pytest.mark.exercise("Adam")
def test_adam_changing_lr_and_no_mutation(learner):
    _check_against_torch(learner, "Adam", "Adam", {"lr": 0.1}, _P0, 15, lrs=_LRS,
                         hint="read self.lr at every step")
    _check_no_mutation(learner, "Adam", {"lr": 0.1, "weight_decay": 0.1})


# ---------------------------------------------------------------------------------------------
# 11. newton_method
# ---------------------------------------------------------------------------------------------


def _reference_newton(x0, n):
    xs = [np.array(x0, dtype=float)]
    for _ in range(n):
        x = xs[-1]
        xs.append(x + np.linalg.solve(_rosen_hess(x), -_rosen_grad(x)))
    return np.array(xs)


@pytest.mark.exercise("newton_method")
def test_newton_quadratic_in_one_step(learner):
    A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
    b = np.array([1.0, 2.0, 3.0])
    with forbid(learner, "scipy.optimize.minimize", reason="write Newton's iteration yourself"):
        result = learner.newton_method(lambda x: A @ x - b, lambda x: A, np.array([5.0, -5.0, 5.0]))
    expect(isinstance(result, tuple) and len(result) == 2, "newton_method should return (path, converged)")
    path, converged = result
    path = np.asarray(path, dtype=float)
    expect_shape(path, (2, 3), "path on a quadratic (Newton lands on the minimum in ONE step)")
    expect_close(path[1], np.linalg.solve(A, b), "the point after one Newton step on 1/2 x^T A x - b^T x "
                 "(x - H^{-1} grad: check the sign)", atol=1e-10)
    expect(bool(converged), "converged should be True")


@pytest.mark.exercise("newton_method")
def test_newton_rosenbrock_path(learner):
    path, converged = learner.newton_method(_rosen_grad, _rosen_hess, np.array([-1.2, 1.0]), tol=1e-10)
    path = np.asarray(path, dtype=float)
    want = _reference_newton([-1.2, 1.0], 7)
    expect_shape(path, want.shape, "path of Newton's method on Rosenbrock from (-1.2, 1) with tol = 1e-10")
    expect_close(path, want, "Newton iterates on Rosenbrock from (-1.2, 1)", rtol=1e-8, atol=1e-10)
    expect(bool(converged), "converged should be True on Rosenbrock")
    short, ok = learner.newton_method(_rosen_grad, _rosen_hess, np.array([-1.2, 1.0]), max_iter=2)
    expect_shape(np.asarray(short), (3, 2), "path with max_iter = 2")
    expect(not bool(ok), "converged should be False when max_iter stopped the loop")


@pytest.mark.exercise("newton_method")
def test_newton_quadratic_convergence_1d(learner):
    # f(x) = exp(x) - 2x, minimum at ln 2; Newton's error squares at every step.
    path, converged = learner.newton_method(lambda x: np.exp(x) - 2, lambda x: np.exp(x)[:, None],
                                            np.array([1.0]), tol=1e-12)
    path = np.asarray(path, dtype=float).ravel()
    errors = np.abs(path - math.log(2))
    expect(bool(converged), "Newton should converge on exp(x) - 2x from x0 = 1")
    expect(len(path) - 1 <= 5, f"Newton took {len(path) - 1} steps on exp(x) - 2x from x0 = 1; "
           "quadratic convergence needs at most 5 (are you taking gradient steps?)")
    expect_close(path[1], 2 / math.e, "the first Newton iterate x1 = x0 - f'(x0) / f''(x0) = 2/e", rtol=1e-12)
    expect(errors[-1] < 1e-12, f"final error {errors[-1]:.3g} should be below 1e-12")


@pytest.mark.exercise("newton_method")
def test_newton_start_at_optimum(learner):
    x0 = np.array([1.0, 1.0])
    path, converged = learner.newton_method(_rosen_grad, _rosen_hess, x0)
    expect_shape(np.asarray(path), (1, 2), "path when x0 is already the minimum (check the gradient first)")
    expect(bool(converged), "converged should be True at the minimum")
    expect_close(x0, [1.0, 1.0], "x0 after the call (newton_method must not modify it)")


# ---------------------------------------------------------------------------------------------
# 12. equality_constrained_qp
# ---------------------------------------------------------------------------------------------


def _qp_nullspace(Q, c, A, b):
    """Reference: x = x_p + N z with N a basis of null(A); returns x and the optimal value."""
    x_p = np.linalg.lstsq(A, b, rcond=None)[0]
    N = scipy.linalg.null_space(A)
    z = np.linalg.solve(N.T @ Q @ N, -N.T @ (Q @ x_p + c))
    x = x_p + N @ z
    return x, 0.5 * x @ Q @ x + c @ x


@pytest.fixture(scope="module")
def qp_problem():
    rng = np.random.default_rng(12)
    M = rng.normal(size=(5, 5))
    Q = M @ M.T + np.eye(5)
    return Q, rng.normal(size=5), rng.normal(size=(2, 5)), rng.normal(size=2)


@pytest.mark.exercise("equality_constrained_qp")
def test_qp_hand_example(learner):
    with forbid(learner, "scipy.optimize.minimize", reason="solve the KKT system yourself"):
        result = learner.equality_constrained_qp(2 * np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))
    expect(isinstance(result, tuple) and len(result) == 2, "equality_constrained_qp should return (x, lam)")
    x, lam = result
    expect_close(x, [0.5, 0.5], "x for min x^2 + y^2 subject to x + y = 1", atol=1e-12)
    with _with_hint("use L = f + lam^T (A x - b), so Q x + c + A^T lam = 0"):
        expect_close(lam, [-1.0], "lam for min x^2 + y^2 subject to x + y = 1", atol=1e-12)


@pytest.mark.exercise("equality_constrained_qp")
def test_qp_random_problem_kkt(learner, qp_problem):
    Q, c, A, b = qp_problem
    x, lam = learner.equality_constrained_qp(Q, c, A, b)
    x, lam = np.asarray(x, dtype=float), np.asarray(lam, dtype=float)
    expect_shape(x, (5,), "x for n = 5 variables")
    expect_shape(lam, (2,), "lam for m = 2 constraints")
    want_x, _ = _qp_nullspace(Q, c, A, b)
    expect_close(A @ x, b, "A @ x (the constraints must hold)", atol=1e-10)
    expect_close(x, want_x, "x vs a null-space solution of the same QP", atol=1e-9)
    expect_close(Q @ x + c + A.T @ lam, np.zeros(5), "stationarity Q x + c + A^T lam", atol=1e-9)


@pytest.mark.exercise("equality_constrained_qp")
def test_qp_multipliers_are_shadow_prices(learner, qp_problem):
    Q, c, A, b = qp_problem
    _, lam = learner.equality_constrained_qp(Q, c, A, b)
    h = 1e-3
    for i in range(2):
        e = np.zeros(2)
        e[i] = h
        rate = (_qp_nullspace(Q, c, A, b + e)[1] - _qp_nullspace(Q, c, A, b - e)[1]) / (2 * h)
        expect_close(-np.asarray(lam, dtype=float)[i], rate,
                     f"-lam[{i}] vs the rate of change of the optimal value when b[{i}] grows", rtol=1e-6, atol=1e-9)


@pytest.mark.exercise("equality_constrained_qp")
def test_qp_singular_q(learner):
    # Q = diag(1, 0) is singular but positive definite on the feasible directions {(t, 0)}:
    # inverting Q fails; the KKT system is fine. Minimiser x = (-c1, b), lam = -c2.
    x, lam = learner.equality_constrained_qp(np.diag([1.0, 0.0]), np.array([0.5, 2.0]),
                                             np.array([[0.0, 1.0]]), np.array([3.0]))
    expect_close(x, [-0.5, 3.0], "x when Q = diag(1, 0) is singular (solve the KKT system; do not invert Q)",
                 atol=1e-10)
    expect_close(lam, [-2.0], "lam when Q = diag(1, 0), c = (0.5, 2), A = [[0, 1]]", atol=1e-10)


# ---------------------------------------------------------------------------------------------
# 13. lasso_ista
# ---------------------------------------------------------------------------------------------

_SKLEARN_LASSO = ("sklearn.linear_model.Lasso", "sklearn.linear_model.lasso_path",
                  "sklearn.linear_model.ElasticNet", "sklearn.linear_model.enet_path")


@pytest.fixture(scope="module")
def lasso_data():
    # Well conditioned (X^T X / n has a condition number near 3): plain ISTA reaches sklearn's
    # answer to 1e-13 in 200 iterations, FISTA sooner, so 500 leave room for a looser step size.
    rng = np.random.default_rng(13)
    X = rng.normal(size=(100, 8))
    w = np.array([3.0, 0.0, 0.0, -2.0, 0.0, 0.5, 0.0, 1.0])
    y = X @ w + 0.5 * rng.normal(size=100)
    return X, y


def _lasso_objective(X, y, w, alpha):
    return 0.5 * np.mean((y - X @ w) ** 2) + alpha * np.abs(w).sum()


@pytest.mark.exercise("lasso_ista")
def test_lasso_matches_sklearn(learner, lasso_data):
    X, y = lasso_data
    ref = Lasso(alpha=0.3, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    with forbid(learner, *_SKLEARN_LASSO, reason="write proximal gradient descent with NumPy"):
        w = learner.lasso_ista(X, y, alpha=0.3, n_iter=500)
    w = np.asarray(w, dtype=float)
    expect_shape(w, (8,), "w for X of shape (100, 8)")
    expect_close(w, ref, "lasso_ista(alpha=0.3) vs sklearn Lasso(alpha=0.3, fit_intercept=False)", atol=1e-6)
    expect(np.array_equal(w == 0, ref == 0),
           f"exact zeros: sklearn zeroes coefficients {np.flatnonzero(ref == 0).tolist()}, you zero "
           f"{np.flatnonzero(w == 0).tolist()} (soft thresholding gives exact zeros)")


@pytest.mark.exercise("lasso_ista")
def test_lasso_objective_not_worse_than_sklearn(learner, lasso_data):
    X, y = lasso_data
    for alpha in (0.05, 0.8):
        ref = Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
        w = np.asarray(learner.lasso_ista(X, y, alpha=alpha, n_iter=500), dtype=float)
        got, want = _lasso_objective(X, y, w, alpha), _lasso_objective(X, y, ref, alpha)
        expect(got <= want + 1e-9, f"objective (1/2n)||y - Xw||^2 + alpha ||w||_1 with alpha = {alpha}: "
               f"yours {got:.10f}, sklearn's {want:.10f} (check the 1/n scaling and the threshold alpha / L)")


@pytest.mark.exercise("lasso_ista")
def test_lasso_extremes(learner, lasso_data):
    X, y = lasso_data
    alpha_max = np.abs(X.T @ y).max() / len(y)  # the smallest alpha that zeroes every coefficient
    w = np.asarray(learner.lasso_ista(X, y, alpha=1.01 * alpha_max, n_iter=200), dtype=float)
    expect(np.all(w == 0), f"with alpha above max|X^T y| / n = {alpha_max:.4g} every coefficient must be exactly 0, "
           f"got {np.round(w, 6)}")
    w0 = learner.lasso_ista(X, y, alpha=0.0, n_iter=500)
    expect_close(w0, np.linalg.lstsq(X, y, rcond=None)[0], "lasso_ista with alpha = 0 vs least squares", atol=1e-7)


@pytest.mark.exercise("lasso_ista")
def test_lasso_docstring_example(learner):
    X = np.sqrt(2) * np.eye(2)
    y = np.array([2.0, 0.2]) / np.sqrt(2)
    w = np.asarray(learner.lasso_ista(X, y, alpha=0.5), dtype=float)
    expect_close(w, [0.5, 0.0], "lasso_ista on the docstring example (soft threshold of X^T y / n = [1, 0.1] at 0.5)",
                 atol=1e-12)
    expect(w[1] == 0.0, f"the second coefficient must be exactly 0, got {w[1]!r}")
