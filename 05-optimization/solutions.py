"""Module 05 - Optimization: reference solutions.

Same public names and signatures as ``exercises.py`` (read the docstrings there for the full task
statements); the comments here explain *why* each step is written the way it is.

Run a short demo of every solution with::

    uv run 05-optimization/solutions.py
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

# ---------------------------------------------------------------------------------------------
# Part 1 - gradient descent, convergence, schedules, line search
# ---------------------------------------------------------------------------------------------


def quadratic_value_and_grad(A: np.ndarray, b: np.ndarray, x: np.ndarray) -> tuple[float, np.ndarray]:
    """Value and gradient of f(x) = 1/2 x^T A x - b^T x (A not necessarily symmetric)."""
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.asarray(x, dtype=float)
    value = 0.5 * x @ A @ x - b @ x
    # d/dx_k sum_ij A_ij x_i x_j = sum_j A_kj x_j + sum_i A_ik x_i = (A x + A^T x)_k.
    # Only the symmetric part of A matters for the value, and so for the gradient: writing
    # "A @ x - b" is right only when A == A.T.
    grad = 0.5 * (A + A.T) @ x - b
    return float(value), grad


def gradient_descent(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    lr: float,
    tol: float = 1e-6,
    max_iter: int = 1000,
) -> tuple[np.ndarray, bool]:
    """Fixed-step gradient descent that stops on a small gradient norm or after max_iter updates."""
    x = np.array(x0, dtype=float)  # np.array copies: the caller's x0 is never modified
    path = [x.copy()]
    for k in range(max_iter + 1):
        g = np.asarray(grad_fn(x), dtype=float)
        # The test comes BEFORE the update, so a starting point that is already optimal costs
        # zero updates, and the returned point is always one whose gradient we have checked.
        if np.linalg.norm(g) <= tol:
            return np.stack(path), True
        if k == max_iter:  # max_iter updates made: give up (k counts updates made so far)
            break
        x = x - lr * g  # a new array, so the entries already in `path` stay untouched
        path.append(x)
    return np.stack(path), False


def warmup_cosine_lr(
    step: int,
    base_lr: float,
    warmup_steps: int,
    total_steps: int,
    min_lr: float = 0.0,
) -> float:
    """Linear warm-up from 0 to base_lr, then half a cosine down to min_lr, then flat."""
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if total_steps < 1:
        raise ValueError(f"total_steps must be >= 1, got {total_steps}")
    if not 0 <= warmup_steps <= total_steps:
        raise ValueError(f"warmup_steps must be in [0, total_steps], got {warmup_steps}")
    if step < warmup_steps:
        # Early steps use a tiny learning rate while Adam's second-moment estimates (and the
        # network's activations) are still unreliable; this is why transformers need warm-up.
        return base_lr * step / warmup_steps
    if step >= total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)  # in [0, 1)
    # (1 + cos(pi p)) / 2 falls smoothly from 1 to 0: slow at both ends, fastest in the middle.
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))


def backtracking_line_search(
    f: Callable[[np.ndarray], float],
    grad_fn: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    direction: np.ndarray,
    alpha0: float = 1.0,
    rho: float = 0.5,
    c: float = 1e-4,
    max_iter: int = 50,
) -> float:
    """First step size alpha0 * rho^k that satisfies the Armijo sufficient-decrease condition."""
    x = np.asarray(x, dtype=float)
    d = np.asarray(direction, dtype=float)
    fx = float(f(x))
    # The directional derivative: the slope of phi(alpha) = f(x + alpha d) at alpha = 0.
    slope = float(np.vdot(np.asarray(grad_fn(x), dtype=float), d))
    if not slope < 0:
        # Along an ascent direction no small step decreases f, so the loop could never succeed.
        raise ValueError(f"direction is not a descent direction: grad . d = {slope:g} >= 0")
    alpha = float(alpha0)
    for _ in range(max_iter):
        # Armijo: demand a decrease of at least a fraction c of what the linear model predicts
        # (c * alpha * slope is negative). Just asking for f to go down is not enough: steps
        # that decrease f by ever smaller amounts can stall far from the minimum.
        if f(x + alpha * d) <= fx + c * alpha * slope:
            return alpha
        alpha *= rho
    raise RuntimeError(f"no step size satisfied the Armijo condition in {max_iter} tries")


def minibatch_sgd(
    X: np.ndarray,
    y: np.ndarray,
    lr: float,
    batch_size: int,
    n_epochs: int,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Mini-batch SGD on the halved mean-squared error of a linear model, from w = 0."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    rng = np.random.default_rng(seed)  # a private generator: reproducible, no global state
    w = np.zeros(d)
    losses = np.empty(n_epochs)
    for epoch in range(n_epochs):
        # A fresh order every epoch, so the batches differ between epochs and the gradient
        # noise averages out instead of repeating the same bias.
        order = rng.permutation(n)
        for start in range(0, n, batch_size):  # the last, smaller batch is kept
            idx = order[start:start + batch_size]
            Xb, yb = X[idx], y[idx]
            # Divide by the ACTUAL batch size: the gradient is an unbiased estimate of the
            # full-data gradient, and the learning rate means the same for any batch size.
            grad = Xb.T @ (Xb @ w - yb) / len(idx)
            w = w - lr * grad
        residual = X @ w - y
        losses[epoch] = 0.5 * np.mean(residual**2)
    return w, losses


def projected_gradient_descent(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    project: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    lr: float,
    n_steps: int,
) -> np.ndarray:
    """x_{k+1} = project(x_k - lr * grad(x_k)), starting from project(x0)."""
    # Project the start too: every iterate, including the first, must be feasible, and the
    # gradient should be evaluated only at feasible points (f may be undefined outside C).
    x = np.asarray(project(np.array(x0, dtype=float)), dtype=float)
    path = [x]
    for _ in range(n_steps):
        # Step first, project second: projecting before the step would leave the returned
        # point outside C whenever the step leaves it.
        x = np.asarray(project(x - lr * np.asarray(grad_fn(x), dtype=float)), dtype=float)
        path.append(x)
    return np.stack(path)


# ---------------------------------------------------------------------------------------------
# Part 2 - the optimizers of deep learning, exactly as torch.optim implements them
# ---------------------------------------------------------------------------------------------


class SGD:
    """SGD with momentum / dampening / Nesterov / weight decay, with PyTorch's conventions."""

    def __init__(
        self,
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weight_decay = weight_decay
        self.nesterov = nesterov
        self._buf: np.ndarray | None = None  # created lazily: the shape is known at the first step

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        p = np.asarray(params, dtype=float)
        # `g = g + ...` makes a new array; `g += ...` would silently change the caller's grad.
        g = np.asarray(grad, dtype=float)
        if self.weight_decay != 0:
            g = g + self.weight_decay * p  # gradient of (weight_decay / 2) * ||p||^2
        if self.momentum != 0:
            if self._buf is None:
                # PyTorch starts the buffer at the first gradient itself (not (1 - dampening) g
                # and not 0), so the first step is a plain gradient step of size lr.
                self._buf = g.copy()
            else:
                self._buf = self.momentum * self._buf + (1 - self.dampening) * g
            # Nesterov "looks ahead": it uses the gradient plus the momentum it is about to apply.
            g = g + self.momentum * self._buf if self.nesterov else self._buf
        # self.lr is read here, at every step: a scheduler may have changed it. Because lr
        # multiplies the whole buffer, a change of lr takes effect immediately on the
        # accumulated momentum too (the Sutskever "velocity" form would not do that).
        return p - self.lr * g


class Adagrad:
    """Adagrad with PyTorch's lr_decay, initial accumulator, and eps outside the square root."""

    def __init__(
        self,
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
    ) -> None:
        self.lr = lr
        self.lr_decay = lr_decay
        self.weight_decay = weight_decay
        self.initial_accumulator_value = initial_accumulator_value
        self.eps = eps
        self._sum: np.ndarray | None = None
        self._t = 0

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        p = np.asarray(params, dtype=float)
        g = np.asarray(grad, dtype=float)
        if self._sum is None:
            self._sum = np.full_like(p, self.initial_accumulator_value)
        self._t += 1
        if self.weight_decay != 0:
            g = g + self.weight_decay * p
        clr = self.lr / (1 + (self._t - 1) * self.lr_decay)
        # The sum of squared gradients only grows, so every coordinate's effective learning rate
        # clr / sqrt(sum) only shrinks: great for rare features, too aggressive for deep nets.
        self._sum = self._sum + g * g
        return p - clr * g / (np.sqrt(self._sum) + self.eps)


class RMSprop:
    """RMSprop (optionally centered, with momentum) with PyTorch's conventions."""

    def __init__(
        self,
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
    ) -> None:
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weight_decay = weight_decay
        self.momentum = momentum
        self.centered = centered
        self._sq: np.ndarray | None = None
        self._gavg: np.ndarray | None = None
        self._buf: np.ndarray | None = None

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        p = np.asarray(params, dtype=float)
        g = np.asarray(grad, dtype=float)
        if self._sq is None:
            self._sq = np.zeros_like(p)
            self._gavg = np.zeros_like(p)
            self._buf = np.zeros_like(p)
        if self.weight_decay != 0:
            g = g + self.weight_decay * p
        # An exponential moving average forgets old gradients, unlike Adagrad's growing sum.
        # It starts at 0 and is NOT bias-corrected, so v_1 = (1 - alpha) g^2 is small and the
        # first steps are about lr / sqrt(1 - alpha) = 10 lr long (alpha = 0.99).
        self._sq = self.alpha * self._sq + (1 - self.alpha) * g * g
        if self.centered:
            # Centered RMSprop divides by an estimate of the standard deviation of g rather
            # than its root mean square: v - (mean g)^2 = Var[g].
            self._gavg = self.alpha * self._gavg + (1 - self.alpha) * g
            avg = np.sqrt(self._sq - self._gavg * self._gavg) + self.eps
        else:
            avg = np.sqrt(self._sq) + self.eps  # eps outside the square root (Keras: inside)
        if self.momentum > 0:
            self._buf = self.momentum * self._buf + g / avg
            return p - self.lr * self._buf
        return p - self.lr * g / avg


class Adam:
    """Adam / AdamW with bias correction, exactly as torch.optim.Adam computes it."""

    def __init__(
        self,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        decoupled_weight_decay: bool = False,
    ) -> None:
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weight_decay = weight_decay
        self.decoupled_weight_decay = decoupled_weight_decay
        self._m: np.ndarray | None = None
        self._v: np.ndarray | None = None
        self._t = 0

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        p = np.asarray(params, dtype=float)
        g = np.asarray(grad, dtype=float)
        beta1, beta2 = self.betas
        if self._m is None:
            self._m = np.zeros_like(p)
            self._v = np.zeros_like(p)
        self._t += 1  # t starts at 1: with t = 0 the corrections below would divide by zero
        if self.weight_decay != 0:
            if self.decoupled_weight_decay:
                # AdamW: decay the weights directly. The decay then is NOT divided by
                # sqrt(v_hat), so every weight shrinks at the same relative rate lr * wd.
                p = p * (1 - self.lr * self.weight_decay)
            else:
                # Classic Adam "L2": the penalty's gradient joins g and is then rescaled per
                # coordinate, so weights with large gradients are barely regularized.
                g = g + self.weight_decay * p
        self._m = beta1 * self._m + (1 - beta1) * g
        self._v = beta2 * self._v + (1 - beta2) * g * g
        # m_t and v_t start at 0, so E[m_t] = (1 - beta1^t) E[g]: dividing by (1 - beta^t)
        # removes that bias. Without it the first step would be (1 - beta1) / sqrt(1 - beta2)
        # ~ 3.16 times too large for the default betas, in a random direction early in training.
        m_hat = self._m / (1 - beta1**self._t)
        v_hat = self._v / (1 - beta2**self._t)
        return p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


# ---------------------------------------------------------------------------------------------
# Part 3 - second-order and constrained optimization, regularization
# ---------------------------------------------------------------------------------------------


def newton_method(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    hess_fn: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    tol: float = 1e-10,
    max_iter: int = 50,
) -> tuple[np.ndarray, bool]:
    """Pure Newton iterations x <- x - H^{-1} g with the gradient-descent stopping rule."""
    x = np.array(x0, dtype=float)
    path = [x.copy()]
    for k in range(max_iter + 1):
        g = np.asarray(grad_fn(x), dtype=float)
        if np.linalg.norm(g) <= tol:
            return np.stack(path), True
        if k == max_iter:
            break
        H = np.asarray(hess_fn(x), dtype=float)
        # Solve H s = -g instead of forming inv(H): it is about twice as fast and more
        # accurate, and it is what every second-order solver does (often with Cholesky).
        s = np.linalg.solve(H, -g)
        x = x + s
        path.append(x)
    return np.stack(path), False


def equality_constrained_qp(
    Q: np.ndarray, c: np.ndarray, A: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Solve the KKT system [[Q, A^T], [A, 0]] [x; lam] = [-c; b]."""
    Q = np.asarray(Q, dtype=float)
    c = np.asarray(c, dtype=float)
    A = np.atleast_2d(np.asarray(A, dtype=float))
    b = np.atleast_1d(np.asarray(b, dtype=float))
    n, m = Q.shape[0], A.shape[0]
    # grad_x L = Q x + c + A^T lam = 0   (stationarity: grad f is a combination of the
    #                                     constraint normals, the rows of A)
    # grad_lam L = A x - b = 0           (feasibility)
    kkt = np.block([[Q, A.T], [A, np.zeros((m, m))]])
    rhs = np.concatenate([-c, b])
    # The KKT matrix is symmetric but indefinite (it has m negative eigenvalues), so Cholesky
    # does not apply; a general solver does.
    sol = np.linalg.solve(kkt, rhs)
    return sol[:n], sol[n:]


def _soft_threshold(z: np.ndarray, tau: float) -> np.ndarray:
    """The proximal operator of tau * ||.||_1: shrink every entry towards 0 by tau."""
    return np.sign(z) * np.maximum(np.abs(z) - tau, 0.0)


def lasso_ista(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int = 1000) -> np.ndarray:
    """Lasso (scikit-learn's objective, no intercept) by FISTA, accelerated proximal gradient."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    # L bounds the curvature of the smooth part (1/2n)||y - Xw||^2: its Hessian is X^T X / n,
    # whose largest eigenvalue is sigma_max(X)^2 / n. A step of 1/L can never overshoot.
    L = np.linalg.norm(X, 2) ** 2 / n
    if L == 0:  # X is all zeros: the penalty alone decides, and it wants w = 0
        return np.zeros(d)
    step = 1.0 / L
    w = np.zeros(d)
    z = w.copy()  # the extrapolated point where FISTA evaluates the gradient
    t = 1.0
    for _ in range(n_iter):
        grad = X.T @ (X @ z - y) / n
        # Gradient step on the smooth part, then the prox of the non-smooth part. The threshold
        # is step * alpha: the prox of (step * alpha) ||.||_1, not of alpha ||.||_1.
        w_next = _soft_threshold(z - step * grad, step * alpha)
        # Nesterov-style extrapolation: the error falls like 1/k^2 instead of ISTA's 1/k.
        t_next = 0.5 * (1.0 + math.sqrt(1.0 + 4.0 * t * t))
        z = w_next + ((t - 1.0) / t_next) * (w_next - w)
        w, t = w_next, t_next
    # Return w (the output of a prox step), not z: soft thresholding is what makes the switched-off
    # coefficients exactly zero, while z mixes two iterates and need not have exact zeros.
    return w


# ---------------------------------------------------------------------------------------------
# A short demo of every solution
# ---------------------------------------------------------------------------------------------


def _demo() -> None:
    np.set_printoptions(precision=5, suppress=True)
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, 1.0])
    print("1. quadratic_value_and_grad at x = 0:", quadratic_value_and_grad(A, b, np.zeros(2)))

    lr = 1.0 / np.linalg.eigvalsh(A).max()
    path, ok = gradient_descent(lambda x: A @ x - b, np.zeros(2), lr=lr, tol=1e-10)
    print(f"2. gradient_descent: {len(path) - 1} steps, converged={ok}, x={path[-1]}, "
          f"exact={np.linalg.solve(A, b)}")

    lrs = [round(warmup_cosine_lr(s, 1.0, 2, 6), 4) for s in range(8)]
    print("3. warmup_cosine_lr(step, 1.0, warmup=2, total=6) for steps 0..7:", lrs)

    rosen = lambda x: float((1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2)  # noqa: E731
    rosen_grad = lambda x: np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2),  # noqa: E731
                                     200 * (x[1] - x[0] ** 2)])
    x = np.array([-1.2, 1.0])
    alpha = backtracking_line_search(rosen, rosen_grad, x, -rosen_grad(x))
    print(f"4. backtracking_line_search on Rosenbrock at {x}: alpha = {alpha:g}")

    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    w_true = np.array([1.0, -2.0, 0.5])
    y = X @ w_true + 0.1 * rng.normal(size=200)
    w, losses = minibatch_sgd(X, y, lr=0.05, batch_size=16, n_epochs=20)
    print(f"5. minibatch_sgd: w = {w}, loss after epochs 1/20 = {losses[0]:.4f}/{losses[-1]:.4f}")

    Xn = rng.normal(size=(30, 4))
    yn = rng.normal(size=30)
    Ln = np.linalg.norm(Xn, 2) ** 2
    path = projected_gradient_descent(lambda v: Xn.T @ (Xn @ v - yn), lambda z: np.maximum(z, 0),
                                      np.zeros(4), lr=1 / Ln, n_steps=3000)
    print("6. projected_gradient_descent (non-negative least squares):", path[-1])

    f_grad = lambda p: np.array([2 * p[0], 20 * p[1]])  # noqa: E731  f = x^2 + 10 y^2
    for name, opt in [("SGD(momentum=0.9)", SGD(lr=0.02, momentum=0.9)),
                      ("Adagrad", Adagrad(lr=0.5)), ("RMSprop", RMSprop(lr=0.05)),
                      ("Adam", Adam(lr=0.1))]:
        p = np.array([2.0, 1.0])
        for _ in range(200):
            p = opt.step(p, f_grad(p))
        print(f"7-10. {name:18s} after 200 steps on x^2 + 10 y^2: {p}")

    path, ok = newton_method(rosen_grad, lambda x: np.array(
        [[2 - 400 * (x[1] - 3 * x[0] ** 2), -400 * x[0]], [-400 * x[0], 200.0]]), np.array([-1.2, 1.0]))
    print(f"11. newton_method on Rosenbrock: {len(path) - 1} steps, converged={ok}, x={path[-1]}")

    x, lam = equality_constrained_qp(2 * np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))
    print(f"12. equality_constrained_qp (min x^2+y^2 s.t. x+y=1): x={x}, lambda={lam}")

    Xl = rng.normal(size=(50, 8))
    yl = Xl @ np.array([3.0, 0, 0, -2.0, 0, 0, 0, 1.0]) + 0.1 * rng.normal(size=50)
    print("13. lasso_ista(alpha=0.1):", lasso_ista(Xl, yl, alpha=0.1))


if __name__ == "__main__":
    _demo()
