"""Module 02 - Calculus: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* you have made an honest
attempt: the comments explain why each line is there, which is the part worth learning.

Run a short demo of every solution with::

    uv run 02-calculus/solutions.py
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. Derivatives of one variable
# ---------------------------------------------------------------------------------------------


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """Approximate f'(x) with the central difference (f(x + h) - f(x - h)) / (2h)."""
    # Taylor-expanding f(x + h) and f(x - h) around x, the even-order terms cancel when we
    # subtract, so the truncation error is h^2 f'''(x) / 6: second order in h. The forward
    # difference (f(x + h) - f(x)) / h keeps the h f''(x) / 2 term and is only first order.
    # float() turns a NumPy scalar (or a 0-d array) into a plain Python float.
    return float((f(x + h) - f(x - h)) / (2.0 * h))


def second_derivative(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """Approximate f''(x) with the central second difference."""
    # Adding the Taylor expansions of f(x + h) and f(x - h) cancels the odd terms:
    #   f(x + h) + f(x - h) = 2 f(x) + h^2 f''(x) + h^4 f''''(x) / 12 + ...
    # so (f(x+h) - 2f(x) + f(x-h)) / h^2 = f''(x) + O(h^2). The default h is larger than for the
    # first derivative because rounding error now grows like eps / h^2, not eps / h.
    return float((f(x + h) - 2.0 * f(x) + f(x - h)) / (h * h))


def taylor_polynomial(derivatives: Sequence[float], a: float, x: np.ndarray) -> np.ndarray:
    """Evaluate sum_k derivatives[k] / k! * (x - a)^k at every point of x."""
    x = np.asarray(x, dtype=float)
    coefficients = np.asarray(derivatives, dtype=float)
    if coefficients.ndim != 1 or coefficients.size == 0:
        raise ValueError("derivatives must be a non-empty 1-D sequence [f(a), f'(a), f''(a), ...]")
    dx = x - a
    # Horner's scheme on the coefficients c_k = f^(k)(a) / k!: evaluating
    # c_0 + dx (c_1 + dx (c_2 + ...)) needs no explicit powers, which is both faster and more
    # accurate than summing c_k * dx**k term by term.
    c = coefficients / np.array([math.factorial(k) for k in range(coefficients.size)], dtype=float)
    result = np.full_like(dx, c[-1])
    for ck in c[-2::-1]:
        result = result * dx + ck
    return result


# ---------------------------------------------------------------------------------------------
# 2. Integrals
# ---------------------------------------------------------------------------------------------


def trapezoid(f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int) -> float:
    """Composite trapezoid rule with n equal sub-intervals on [a, b]."""
    if n < 1:
        raise ValueError(f"need at least one sub-interval, got n={n}")
    # n sub-intervals need n + 1 points: forgetting the "+ 1" is the classic off-by-one.
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    h = (b - a) / n  # negative when b < a, which gives the right sign automatically
    # Every interior point is shared by two trapezoids (weight 1); the two ends by one (weight 1/2).
    return float(h * (0.5 * y[0] + y[1:-1].sum() + 0.5 * y[-1]))


def simpson(f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int) -> float:
    """Composite Simpson's 1/3 rule with n (even) equal sub-intervals on [a, b]."""
    if n < 2 or n % 2 != 0:
        raise ValueError(f"Simpson's rule needs an even number of sub-intervals >= 2, got n={n}")
    x = np.linspace(a, b, n + 1)
    y = np.asarray(f(x), dtype=float)
    h = (b - a) / n
    # Each pair of sub-intervals is integrated with the parabola through its three points,
    # which gives weights h/3 * (1, 4, 1). Glued together: 1, 4, 2, 4, 2, ..., 4, 1.
    # y[1:-1:2] are the odd (midpoint) nodes, y[2:-1:2] the even interior ones.
    return float(h / 3.0 * (y[0] + 4.0 * y[1:-1:2].sum() + 2.0 * y[2:-1:2].sum() + y[-1]))


def monte_carlo_integral(
    f: Callable[[np.ndarray], np.ndarray],
    a: float,
    b: float,
    n_samples: int,
    rng: np.random.Generator,
) -> tuple[float, float]:
    """Monte Carlo estimate of the integral of f over [a, b] and its standard error."""
    if n_samples < 2:
        raise ValueError(f"need at least 2 samples to estimate a standard error, got {n_samples}")
    # If U ~ Uniform(a, b) then E[f(U)] = (1 / (b - a)) * integral, so the integral is
    # (b - a) * E[f(U)], estimated by (b - a) times a sample mean. Using the generator we were
    # given (not np.random.*) makes the result reproducible from the caller's seed.
    u = rng.uniform(a, b, size=n_samples)
    values = (b - a) * np.asarray(f(u), dtype=float)
    estimate = values.mean()
    # The standard error of a mean of n i.i.d. draws is sigma / sqrt(n); sigma is unknown, so we
    # plug in the unbiased sample standard deviation (ddof=1).
    std_error = values.std(ddof=1) / math.sqrt(n_samples)
    return float(estimate), float(std_error)


# ---------------------------------------------------------------------------------------------
# 3. Many variables: gradient, Jacobian, Hessian
# ---------------------------------------------------------------------------------------------


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of a scalar function of an array, same shape as x."""
    # Work on a float copy: an integer array would silently truncate x + h back to x, and
    # perturbing the caller's array in place would corrupt it if f raised half-way.
    point = np.array(x, dtype=float)
    grad = np.zeros_like(point)
    # Iterating over flat indices handles vectors, matrices and higher-rank parameter arrays alike.
    flat_point = point.reshape(-1)   # a view: writing into it perturbs `point`
    flat_grad = grad.reshape(-1)
    for i in range(flat_point.size):
        original = flat_point[i]
        flat_point[i] = original + h
        f_plus = float(f(point))
        flat_point[i] = original - h
        f_minus = float(f(point))
        flat_point[i] = original  # restore before moving on to the next coordinate
        flat_grad[i] = (f_plus - f_minus) / (2.0 * h)
    return grad


def gradient_check(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    h: float = 1e-5,
) -> float:
    """Relative error between an analytic gradient and the central-difference gradient."""
    x = np.array(x, dtype=float)
    analytic = np.asarray(grad_f(x.copy()), dtype=float)  # a copy: grad_f must not see our edits
    numeric = numerical_gradient(f, x, h)
    if analytic.shape != numeric.shape:
        raise ValueError(f"grad_f returned shape {analytic.shape}, expected {numeric.shape}")
    # Relative, not absolute: a gradient of size 1e6 that is off by 1e-3 is fine, one of size
    # 1e-3 that is off by 1e-3 is not. Dividing by the *sum* of both norms makes the error symmetric
    # and bounded by 1, and the floor keeps 0 / 0 (both gradients zero) from becoming NaN.
    difference = np.linalg.norm(analytic - numeric)
    scale = max(np.linalg.norm(analytic) + np.linalg.norm(numeric), 1e-12)
    return float(difference / scale)


def jacobian(f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Central-difference Jacobian of f: R^n -> R^m at x, shape (m, n)."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    n = x.size
    columns = []
    for j in range(n):
        step = np.zeros(n)
        step[j] = h
        # Nudging input j changes *every* output: the resulting vector is column j of J,
        # because J[i, j] = d f_i / d x_j (rows = outputs, columns = inputs).
        f_plus = np.asarray(f(x + step), dtype=float).reshape(-1)
        f_minus = np.asarray(f(x - step), dtype=float).reshape(-1)
        columns.append((f_plus - f_minus) / (2.0 * h))
    if not columns:  # n == 0: evaluate once to learn m
        m = np.asarray(f(x), dtype=float).size
        return np.zeros((m, 0))
    return np.stack(columns, axis=1)


def hessian(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """Central-difference Hessian of a scalar function at x, shape (n, n), symmetric."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array, got shape {x.shape}")
    n = x.size
    H = np.zeros((n, n))
    eye = np.eye(n) * h
    fx = float(f(x))
    for i in range(n):
        # Diagonal: the one-variable second difference along axis i.
        H[i, i] = (float(f(x + eye[i])) - 2.0 * fx + float(f(x - eye[i]))) / (h * h)
        for j in range(i + 1, n):
            # Off-diagonal: the mixed difference
            #   [f(++) - f(+-) - f(-+) + f(--)] / (4 h^2) = d2f / dxi dxj + O(h^2).
            # Computing it once and writing it to both (i, j) and (j, i) makes H exactly
            # symmetric, as the true Hessian of a smooth function is (Schwarz's theorem).
            value = (
                float(f(x + eye[i] + eye[j]))
                - float(f(x + eye[i] - eye[j]))
                - float(f(x - eye[i] + eye[j]))
                + float(f(x - eye[i] - eye[j]))
            ) / (4.0 * h * h)
            H[i, j] = H[j, i] = value
    return H


def classify_critical_point(H: np.ndarray, tol: float = 1e-8) -> str:
    """Second-derivative test from the Hessian at a critical point."""
    H = np.asarray(H, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or H.shape[0] == 0:
        raise ValueError(f"H must be a non-empty square matrix, got shape {H.shape}")
    if not np.allclose(H, H.T, rtol=1e-7, atol=1e-9):
        raise ValueError("H must be symmetric (a Hessian of a smooth function is)")
    # The curvature along a unit direction u is u^T H u; its extremes over all u are the smallest
    # and largest eigenvalues. eigvalsh is the routine for symmetric matrices: real, sorted output.
    eigenvalues = np.linalg.eigvalsh(H)
    if np.all(eigenvalues > tol):
        return "minimum"   # curves up in every direction
    if np.all(eigenvalues < -tol):
        return "maximum"   # curves down in every direction
    if eigenvalues.min() < -tol and eigenvalues.max() > tol:
        return "saddle"    # up in some directions, down in others
    # Some eigenvalue is (numerically) zero and the rest share a sign: second-order information
    # cannot decide (x^4, -x^4 and x^3 all have f''(0) = 0).
    return "inconclusive"


# ---------------------------------------------------------------------------------------------
# 4. Backpropagation = the chain rule on a computational graph
# ---------------------------------------------------------------------------------------------


def logistic_loss_and_grad(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray
) -> tuple[float, np.ndarray, float]:
    """Mean binary cross-entropy of logistic regression and its gradient in (w, b)."""
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    if n == 0:
        raise ValueError("need at least one sample")
    z = X @ w + b                                   # (n,) logits
    # Per sample: -[y log s + (1 - y) log(1 - s)] with s = sigmoid(z) simplifies to
    # log(1 + e^z) - y z. np.logaddexp(0, z) computes log(e^0 + e^z) without overflowing
    # for large z, and without log(0) = -inf for very negative z.
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    # Chain rule: dL_i/dz_i = sigmoid(z_i) - y_i (the famous "prediction minus target").
    # A stable sigmoid: 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) for z < 0 only ever
    # exponentiate -|z|.
    e = np.exp(-np.abs(z))                          # in (0, 1]: never overflows
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    dz = (s - y) / n                                # the 1/n comes from taking the mean
    # z = X w + b, so dz/dw_j = X[:, j] and dz/db = 1: sum the upstream gradient over samples.
    grad_w = X.T @ dz                               # (d,)
    grad_b = float(dz.sum())
    return loss, grad_w, grad_b


class Value:
    """A scalar that remembers how it was computed, so it can differentiate itself."""

    def __init__(self, data: float, _children: tuple[Value, ...] = (), _op: str = "") -> None:
        self.data = float(data)
        self.grad = 0.0
        # _backward pushes this node's grad to its children; a leaf has nothing to push.
        self._backward: Callable[[], None] = lambda: None
        self._prev = tuple(_children)
        self._op = _op

    # -- operations the learner writes ---------------------------------------------------------
    def __add__(self, other: Value | float) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward() -> None:
            # d(a + b)/da = d(a + b)/db = 1: addition routes the gradient unchanged to both
            # inputs. "+=" not "=": a node used twice (a + a) must receive both contributions.
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other: Value | float) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward() -> None:
            # d(ab)/da = b and d(ab)/db = a: multiplication "swaps" the inputs.
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, exponent: float) -> Value:
        if isinstance(exponent, Value):
            raise TypeError("only constant (int or float) exponents are supported")
        out = Value(self.data ** exponent, (self,), f"**{exponent}")

        def _backward() -> None:
            # Power rule: d(a^p)/da = p a^(p - 1).
            self.grad += exponent * self.data ** (exponent - 1) * out.grad

        out._backward = _backward
        return out

    def exp(self) -> Value:
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward() -> None:
            # d(e^a)/da = e^a, which we already computed: reuse out.data.
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self) -> Value:
        if self.data <= 0:
            raise ValueError(f"log of a non-positive number: {self.data}")
        out = Value(math.log(self.data), (self,), "log")

        def _backward() -> None:
            self.grad += out.grad / self.data  # d(log a)/da = 1 / a

        out._backward = _backward
        return out

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward() -> None:
            self.grad += (1.0 - t * t) * out.grad  # d tanh(a)/da = 1 - tanh(a)^2

        out._backward = _backward
        return out

    def relu(self) -> Value:
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward() -> None:
            # ReLU is not differentiable at 0; like PyTorch we use the subgradient 0 there.
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    def backward(self) -> None:
        # Reverse-mode autodiff: a node may push its gradient to its children only once it has
        # received *all* contributions from its parents. A reverse topological order guarantees
        # that; a plain recursive walk would visit a shared node too early (or twice).
        order: list[Value] = []
        visited: set[int] = set()
        stack: list[tuple[Value, bool]] = [(self, False)]
        while stack:  # iterative DFS: deep graphs (long chains) do not hit the recursion limit
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            for child in node._prev:
                if id(child) not in visited:
                    stack.append((child, False))
        self.grad = 1.0  # dL/dL = 1 seeds the chain rule
        for node in reversed(order):
            node._backward()

    # -- operations built from the ones above (given in exercises.py) ----------------------------
    def __neg__(self) -> Value:
        return self * -1.0

    def __radd__(self, other: float) -> Value:
        return self + other

    def __sub__(self, other: Value | float) -> Value:
        return self + (-other)

    def __rsub__(self, other: float) -> Value:
        return (-self) + other

    def __rmul__(self, other: float) -> Value:
        return self * other

    def __truediv__(self, other: Value | float) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        return self * other ** -1.0

    def __rtruediv__(self, other: float) -> Value:
        return Value(other) * self ** -1.0

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"


if __name__ == "__main__":
    print("central_difference of sin at 1:", central_difference(math.sin, 1.0), " exact:", math.cos(1.0))
    print("second_derivative of sin at 1:", second_derivative(math.sin, 1.0), " exact:", -math.sin(1.0))
    print("Taylor (10 terms) of exp at 1:", taylor_polynomial([1.0] * 10, 0.0, np.array(1.0)), " e =", math.e)
    print("trapezoid  x^2 on [0, 1], n=4:", trapezoid(lambda t: t**2, 0.0, 1.0, 4), " exact: 1/3")
    print("simpson    x^2 on [0, 1], n=4:", simpson(lambda t: t**2, 0.0, 1.0, 4))
    est, se = monte_carlo_integral(lambda t: t**2, 0.0, 1.0, 10_000, np.random.default_rng(0))
    print(f"monte carlo x^2 on [0, 1]: {est:.4f} +/- {se:.4f}")
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    quad = lambda v: 0.5 * v @ A @ v  # noqa: E731 - a one-line demo function
    x0 = np.array([1.0, -1.0])
    print("numerical_gradient of 0.5 x^T A x:", numerical_gradient(quad, x0), " exact A x:", A @ x0)
    print("gradient_check (correct gradient):", gradient_check(quad, lambda v: A @ v, x0))
    print("gradient_check (A^T A x, wrong):  ", gradient_check(quad, lambda v: A.T @ A @ v, x0))
    polar = lambda v: np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1])])  # noqa: E731
    print("jacobian of polar->cartesian at (2, pi/6):\n", jacobian(polar, np.array([2.0, np.pi / 6])))
    print("hessian of 0.5 x^T A x:\n", hessian(quad, x0))
    print("classify saddle x^2 - y^2:", classify_critical_point(np.diag([2.0, -2.0])))
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(5, 3)), np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    loss, gw, gb = logistic_loss_and_grad(np.zeros(3), 0.0, X, y)
    print(f"logistic loss at w=0: {loss:.6f} (log 2 = {math.log(2):.6f}); grad_w={gw}; grad_b={gb:.4f}")
    w, x, b = Value(0.5), Value(2.0), Value(-1.0)
    z = w * x + b
    a = 1 / (1 + (-z).exp())
    L = (a - 1.0) ** 2
    L.backward()
    print(f"Value graph: L={L.data:.4f}, dL/dw={w.grad:.4f}, dL/dx={x.grad:.4f}, dL/db={b.grad:.4f}")
