"""Module 02 - Calculus: exercises.

Fill in every function marked ``# TODO`` (and the marked methods of ``Value``), then grade your
work with::

    uv run mlm check 02                 # all exercises
    uv run mlm check 02 -e jacobian     # one exercise
    uv run mlm hint 02 jacobian         # a hint, one more each time you ask

The exercises go from easy to hard:

 1. central_difference         f'(x) from two function values
 2. second_derivative          f''(x) from three function values
 3. taylor_polynomial          evaluate a Taylor polynomial on an array
 4. trapezoid                  composite trapezoid rule
 5. simpson                    composite Simpson's rule
 6. monte_carlo_integral       Monte Carlo estimate with a standard error
 7. numerical_gradient         gradient of f: R^(any shape) -> R by central differences
 8. gradient_check             relative error between an analytic and a numerical gradient
 9. jacobian                   Jacobian matrix of f: R^n -> R^m
10. hessian                    Hessian matrix of f: R^n -> R
11. classify_critical_point    second-derivative test from the Hessian
12. logistic_loss_and_grad     a loss and its gradient derived by the chain rule
13. Value                      a tiny reverse-mode autodiff engine (micrograd-style)

Rules for the whole file: NumPy and the standard library only. Do not import torch, scipy or
sympy here - the grader compares your answers with them. Keep every name and signature as given.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

# ---------------------------------------------------------------------------------------------
# 1. Derivatives of one variable
# ---------------------------------------------------------------------------------------------


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """Approximate the derivative f'(x) with the central difference.

    The central difference uses the two points symmetric around ``x``:
    ``(f(x + h) - f(x - h)) / (2 h)``. Its error shrinks like h^2 (the one-sided forward
    difference ``(f(x + h) - f(x)) / h`` is only first order; do not use it here).

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number (a Python float or NumPy scalar).
    x : float
        The point at which to differentiate.
    h : float, default 1e-5
        The step. The default balances truncation error against rounding error (theory.md, section 9).

    Returns
    -------
    float
        The approximation of f'(x), as a Python ``float``.

    Examples
    --------
    >>> central_difference(lambda t: t**3, 1.0, h=0.1)   # exact derivative is 3
    3.01...

    Rules
    -----
    Call ``f`` only at ``x + h`` and ``x - h``.
    """
    # TODO: your code here
    raise NotImplementedError("central_difference")


def second_derivative(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """Approximate the second derivative f''(x) with the central second difference.

    Use the three points ``x - h``, ``x`` and ``x + h`` (the formula is derived in theory.md from
    the Taylor expansions of f(x + h) and f(x - h)). The error shrinks like h^2.

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number.
    x : float
        The point.
    h : float, default 1e-4
        The step (larger than for f': rounding error here grows like 1 / h^2).

    Returns
    -------
    float
        The approximation of f''(x), as a Python ``float``.

    Examples
    --------
    >>> second_derivative(lambda t: t**4, 1.0, h=0.5)     # exact f''(1) = 12
    12.5

    Rules
    -----
    Call ``f`` only at ``x - h``, ``x`` and ``x + h``.
    """
    # TODO: your code here
    raise NotImplementedError("second_derivative")


def taylor_polynomial(derivatives: Sequence[float], a: float, x: np.ndarray) -> np.ndarray:
    """Evaluate the Taylor polynomial of a function around ``a`` at every point of ``x``.

    Given the derivatives of f at ``a``, ``derivatives = [f(a), f'(a), f''(a), ..., f^(K)(a)]``,
    compute

        T_K(x) = sum over k = 0..K of  f^(k)(a) / k!  *  (x - a)^k

    element-wise, for an array ``x`` of any shape.

    Parameters
    ----------
    derivatives : sequence of float, length K + 1 >= 1
        f and its first K derivatives, all evaluated at ``a``.
    a : float
        The expansion point.
    x : np.ndarray, any shape (a Python float is also accepted)
        The points at which to evaluate the polynomial.

    Returns
    -------
    np.ndarray, same shape as ``x``, dtype float64
        T_K evaluated at every entry of ``x``.

    Raises
    ------
    ValueError
        If ``derivatives`` is empty.

    Examples
    --------
    >>> taylor_polynomial([1.0, 1.0, 1.0], 0.0, np.array([0.0, 1.0, 2.0]))  # exp: 1 + x + x^2/2
    array([1. , 2.5, 5. ])

    Rules
    -----
    NumPy and ``math`` only; vectorise over ``x`` (a loop over the K + 1 terms is fine).
    """
    # TODO: your code here
    raise NotImplementedError("taylor_polynomial")


# ---------------------------------------------------------------------------------------------
# 2. Integrals
# ---------------------------------------------------------------------------------------------


def trapezoid(f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int) -> float:
    """Integrate f over [a, b] with the composite trapezoid rule on n equal sub-intervals.

    Split [a, b] into ``n`` sub-intervals of width ``h = (b - a) / n`` and replace f on each one
    by the straight line through its end points. If ``b < a`` the result is minus the integral over
    [b, a] (this happens by itself when h is negative).

    Parameters
    ----------
    f : callable
        A vectorised function: given an array of points of shape (k,) it returns an array of
        shape (k,).
    a, b : float
        The limits of integration.
    n : int
        The number of sub-intervals (not the number of points), n >= 1.

    Returns
    -------
    float
        The trapezoid-rule estimate of the integral, as a Python ``float``.

    Raises
    ------
    ValueError
        If ``n < 1``.

    Examples
    --------
    >>> trapezoid(lambda t: t**2, 0.0, 1.0, 1)    # one trapezoid: (0 + 1) / 2
    0.5

    Rules
    -----
    NumPy only. Do not call ``np.trapezoid`` or anything in ``scipy.integrate``.
    """
    # TODO: your code here
    raise NotImplementedError("trapezoid")


def simpson(f: Callable[[np.ndarray], np.ndarray], a: float, b: float, n: int) -> float:
    """Integrate f over [a, b] with the composite Simpson's 1/3 rule on n equal sub-intervals.

    ``n`` must be even: each consecutive pair of sub-intervals is integrated exactly for the
    parabola through its three points. The rule is exact for polynomials up to degree 3.

    Parameters
    ----------
    f : callable
        A vectorised function: array of shape (k,) in, array of shape (k,) out.
    a, b : float
        The limits of integration (``b < a`` gives minus the integral over [b, a]).
    n : int
        The number of sub-intervals: even and >= 2.

    Returns
    -------
    float
        Simpson's estimate of the integral, as a Python ``float``.

    Raises
    ------
    ValueError
        If ``n`` is odd or smaller than 2.

    Examples
    --------
    >>> simpson(lambda t: t**3, 0.0, 2.0, 2)     # exact: 2^4 / 4 = 4
    4.0

    Rules
    -----
    NumPy only. Do not call ``np.trapezoid`` or anything in ``scipy.integrate``.
    """
    # TODO: your code here
    raise NotImplementedError("simpson")


def monte_carlo_integral(
    f: Callable[[np.ndarray], np.ndarray],
    a: float,
    b: float,
    n_samples: int,
    rng: np.random.Generator,
) -> tuple[float, float]:
    """Estimate the integral of f over [a, b] by Monte Carlo, with its standard error.

    Draw ``n_samples`` points uniformly on [a, b] from ``rng``, evaluate f there, and turn the
    sample into an estimate of the integral and of the standard error of that estimate (the
    standard deviation of the estimator, estimated from the same sample).

    Parameters
    ----------
    f : callable
        A vectorised function: array of shape (k,) in, array of shape (k,) out.
    a, b : float
        The limits of integration, a < b.
    n_samples : int
        The number of random points, n_samples >= 2.
    rng : np.random.Generator
        The source of randomness (for example ``np.random.default_rng(0)``). Use it for every
        random number, so the same seed gives the same answer.

    Returns
    -------
    (estimate, std_error) : tuple of two floats
        The estimate of the integral and its standard error. Roughly 95 % of the time the true
        integral lies within ``estimate +/- 1.96 * std_error``.

    Raises
    ------
    ValueError
        If ``n_samples < 2``.

    Examples
    --------
    >>> est, se = monte_carlo_integral(lambda t: t**2, 0.0, 1.0, 10_000, np.random.default_rng(0))
    >>> abs(est - 1 / 3) < 4 * se                 # true value 1/3, standard error about 0.003
    True

    Rules
    -----
    NumPy only; no ``scipy.integrate``, no ``np.random.*`` module-level functions (use ``rng``).
    """
    # TODO: your code here
    raise NotImplementedError("monte_carlo_integral")


# ---------------------------------------------------------------------------------------------
# 3. Many variables: gradient, Jacobian, Hessian
# ---------------------------------------------------------------------------------------------


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Gradient of a scalar function of an array, by central differences, one entry at a time.

    Entry ``i`` of the gradient is the central difference of f along the i-th entry of ``x``
    with every other entry held fixed. ``x`` may have any shape (a vector of weights, a weight
    matrix, ...): the gradient has the same shape.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns one real number.
    x : np.ndarray, any shape
        The point. It may be an integer array; the gradient is still computed in float64.
    h : float, default 1e-5
        The step.

    Returns
    -------
    np.ndarray, same shape as ``x``, dtype float64
        The approximate gradient.

    Examples
    --------
    >>> numerical_gradient(lambda v: v[0] ** 2 + 3 * v[1], np.array([1.0, 5.0]))
    array([2., 3.])

    Rules
    -----
    NumPy only. When the function returns, the caller's ``x`` must be exactly as it was.
    """
    # TODO: your code here
    raise NotImplementedError("numerical_gradient")


def gradient_check(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    h: float = 1e-5,
) -> float:
    """Compare an analytic gradient with a central-difference gradient: the relative error.

    With ``g_a = grad_f(x)`` and ``g_n`` the central-difference gradient of f at x (step ``h``),
    return

        ||g_a - g_n|| / max(||g_a|| + ||g_n||, 1e-12)

    where ||.|| is the Euclidean norm over all entries. The value lies in [0, 1]: below about
    1e-7 the analytic gradient is almost surely right, above 1e-3 it is almost surely wrong.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` and returns one real number.
    grad_f : callable
        The gradient you want to test: takes an array shaped like ``x`` and returns an array of
        the same shape.
    x : np.ndarray, any shape
        The point at which to compare.
    h : float, default 1e-5
        The step of the central differences.

    Returns
    -------
    float
        The relative error, a Python ``float`` in [0, 1].

    Examples
    --------
    >>> f = lambda v: float(np.sum(v ** 2))
    >>> gradient_check(f, lambda v: 2 * v, np.array([1.0, -2.0])) < 1e-8     # right gradient
    True
    >>> round(gradient_check(f, lambda v: 4 * v, np.array([1.0, -2.0])), 6)  # off by a factor 2
    0.333333

    Rules
    -----
    NumPy only; you may call your own ``numerical_gradient``. Do not modify the caller's ``x``.
    """
    # TODO: your code here
    raise NotImplementedError("gradient_check")


def jacobian(f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Jacobian matrix of a vector function f: R^n -> R^m at x, by central differences.

    The Jacobian has one row per output and one column per input: ``J[i, j] = d f_i / d x_j``.

    Parameters
    ----------
    f : callable
        Takes an array of shape (n,) and returns an array of shape (m,).
    x : np.ndarray, shape (n,)
        The point.
    h : float, default 1e-5
        The step.

    Returns
    -------
    np.ndarray, shape (m, n), dtype float64
        The approximate Jacobian.

    Examples
    --------
    >>> A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])      # f(x) = A x maps R^2 -> R^3
    >>> jacobian(lambda v: A @ v, np.array([0.5, -1.0])).round(6)
    array([[1., 2.],
           [3., 4.],
           [5., 6.]])

    Rules
    -----
    NumPy only. Do not modify the caller's ``x``.
    """
    # TODO: your code here
    raise NotImplementedError("jacobian")


def hessian(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4) -> np.ndarray:
    """Hessian matrix of a scalar function f: R^n -> R at x, by central differences.

    ``H[i, j] = d^2 f / (d x_i d x_j)``. Use a central second difference on the diagonal and a
    central mixed difference (four function values, steps of ``h`` in x_i and in x_j) off the
    diagonal. The Hessian of a smooth function is symmetric, and so must your result be:
    ``H[i, j]`` and ``H[j, i]`` may differ by at most 1e-10.

    Parameters
    ----------
    f : callable
        Takes an array of shape (n,) and returns one real number.
    x : np.ndarray, shape (n,)
        The point.
    h : float, default 1e-4
        The step.

    Returns
    -------
    np.ndarray, shape (n, n), dtype float64, symmetric
        The approximate Hessian.

    Examples
    --------
    >>> hessian(lambda v: v[0] ** 2 * v[1], np.array([1.0, 2.0])).round(4)   # [[2y, 2x], [2x, 0]]
    array([[4., 2.],
           [2., 0.]])

    Rules
    -----
    NumPy only. Do not modify the caller's ``x``.
    """
    # TODO: your code here
    raise NotImplementedError("hessian")


def classify_critical_point(H: np.ndarray, tol: float = 1e-8) -> str:
    """Second-derivative test: what kind of critical point has Hessian H?

    At a point where the gradient is zero, the Hessian decides:

    * ``"minimum"`` - every eigenvalue of H is greater than ``tol``;
    * ``"maximum"`` - every eigenvalue is smaller than ``-tol``;
    * ``"saddle"`` - at least one eigenvalue is greater than ``tol`` and at least one smaller
      than ``-tol``;
    * ``"inconclusive"`` - anything else (some eigenvalue within ``tol`` of zero and the others
      of one sign): second derivatives cannot decide.

    Parameters
    ----------
    H : np.ndarray, shape (n, n), n >= 1
        A symmetric matrix (the Hessian at the critical point).
    tol : float, default 1e-8
        Eigenvalues with absolute value at most ``tol`` count as zero.

    Returns
    -------
    str
        One of ``"minimum"``, ``"maximum"``, ``"saddle"``, ``"inconclusive"``.

    Raises
    ------
    ValueError
        If H is not a non-empty square matrix, or is not symmetric (within 1e-7 relative).

    Examples
    --------
    >>> classify_critical_point(np.array([[2.0, 0.0], [0.0, -2.0]]))   # f = x^2 - y^2 at 0
    'saddle'

    Rules
    -----
    You may use ``np.linalg.eigvalsh`` (eigenvalues of a symmetric matrix).
    """
    # TODO: your code here
    raise NotImplementedError("classify_critical_point")


# ---------------------------------------------------------------------------------------------
# 4. Backpropagation = the chain rule on a computational graph
# ---------------------------------------------------------------------------------------------


def logistic_loss_and_grad(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray
) -> tuple[float, np.ndarray, float]:
    """Mean binary cross-entropy of logistic regression, and its exact gradient.

    For each sample i: the logit ``z_i = X[i] @ w + b``, the probability
    ``p_i = sigmoid(z_i) = 1 / (1 + exp(-z_i))`` and the loss
    ``l_i = -(y_i log p_i + (1 - y_i) log(1 - p_i))``. Return the mean loss
    ``L = (1/n) sum_i l_i`` and its partial derivatives with respect to ``w`` and ``b``, derived
    with the chain rule (theory.md, section 11).

    It must stay finite for huge logits: a sample with ``z = 1000`` and ``y = 0`` contributes a
    loss of 1000, not ``inf`` or ``nan`` (computed naively, ``log(1 - sigmoid(1000))`` is ``log(0)``).

    Parameters
    ----------
    w : np.ndarray, shape (d,)
        Weights.
    b : float
        Bias.
    X : np.ndarray, shape (n, d), n >= 1
        Inputs, one sample per row.
    y : np.ndarray, shape (n,)
        Targets, each 0 or 1.

    Returns
    -------
    (loss, grad_w, grad_b) : tuple
        ``loss`` a Python float; ``grad_w`` an array of shape (d,) = dL/dw; ``grad_b`` a Python
        float = dL/db.

    Examples
    --------
    >>> X = np.array([[1.0, 2.0], [-1.0, 0.5]]); y = np.array([1.0, 0.0])
    >>> loss, gw, gb = logistic_loss_and_grad(np.zeros(2), 0.0, X, y)
    >>> round(loss, 6), gw, gb                            # p = 0.5 everywhere: loss = log 2
    (0.693147, array([-0.5  , -0.375]), 0.0)

    Rules
    -----
    NumPy only: no torch, no autograd - derive the gradient by hand.
    """
    # TODO: your code here
    raise NotImplementedError("logistic_loss_and_grad")


class Value:
    """A scalar that remembers how it was computed, so it can differentiate itself.

    A tiny reverse-mode automatic differentiation engine in the style of Karpathy's micrograd.
    Every operation on ``Value`` objects returns a new ``Value`` that records its inputs
    (``_prev``) and a closure ``_backward`` that, when called, adds this node's contribution to
    the ``.grad`` of each input using the local derivative and ``out.grad`` (the chain rule).
    ``backward()`` on the final node runs those closures over the whole graph in the right order,
    after which every ``Value`` in the graph holds d(final)/d(itself) in ``.grad``.

    ``__init__``, ``__repr__`` and the operators built from the core ones (unary minus, ``-``,
    ``/``, and the reflected ``2 + v``, ``2 * v``, ``2 - v``, ``2 / v``) are given. Write the
    methods marked TODO:

    * ``__add__`` and ``__mul__`` - with another ``Value`` or a plain int/float (wrap it);
    * ``__pow__`` - with a constant int/float exponent only;
    * ``exp``, ``log``, ``tanh``, ``relu`` (use derivative 0 at exactly 0, as PyTorch does);
    * ``backward`` - set this node's grad to 1 and propagate to every node of the graph, each
      node exactly once and only after all of its consumers have propagated to it.

    Gradients accumulate (``+=``): a value used twice receives both contributions, and calling
    ``backward`` on a new graph without resetting old ``.grad`` values adds to them (like
    PyTorch's ``.grad``).

    Attributes
    ----------
    data : float
        The value computed in the forward pass.
    grad : float
        d(output)/d(this value), filled in by ``output.backward()``; 0.0 until then.

    Examples
    --------
    >>> w, x, b = Value(0.5), Value(2.0), Value(-1.0)
    >>> loss = ((w * x + b).tanh() - 1.0) ** 2
    >>> loss.backward()
    >>> round(loss.data, 6), round(w.grad, 6), round(x.grad, 6), round(b.grad, 6)
    (1.0, -4.0, -1.0, -2.0)

    Rules
    -----
    Standard library ``math`` only (no NumPy, no torch) inside the class.
    """

    def __init__(self, data: float, _children: tuple[Value, ...] = (), _op: str = "") -> None:
        self.data = float(data)
        self.grad = 0.0
        # _backward pushes this node's grad to its children; a leaf has nothing to push.
        self._backward: Callable[[], None] = lambda: None
        self._prev = tuple(_children)
        self._op = _op

    # -- operations you write ------------------------------------------------------------------
    def __add__(self, other: Value | float) -> Value:
        """``self + other``; ``other`` is a ``Value`` or a plain number."""
        # TODO: your code here
        raise NotImplementedError("Value.__add__")

    def __mul__(self, other: Value | float) -> Value:
        """``self * other``; ``other`` is a ``Value`` or a plain number."""
        # TODO: your code here
        raise NotImplementedError("Value.__mul__")

    def __pow__(self, exponent: float) -> Value:
        """``self ** exponent`` for a constant int or float exponent (not a ``Value``)."""
        # TODO: your code here
        raise NotImplementedError("Value.__pow__")

    def exp(self) -> Value:
        """e raised to this value."""
        # TODO: your code here
        raise NotImplementedError("Value.exp")

    def log(self) -> Value:
        """Natural logarithm; raise ``ValueError`` if ``data <= 0``."""
        # TODO: your code here
        raise NotImplementedError("Value.log")

    def tanh(self) -> Value:
        """Hyperbolic tangent."""
        # TODO: your code here
        raise NotImplementedError("Value.tanh")

    def relu(self) -> Value:
        """max(0, x); derivative 1 for x > 0 and 0 for x <= 0."""
        # TODO: your code here
        raise NotImplementedError("Value.relu")

    def backward(self) -> None:
        """Fill in ``.grad`` of every ``Value`` this one depends on (and of itself, with 1.0)."""
        # TODO: your code here
        raise NotImplementedError("Value.backward")

    # -- operations built from the ones above (given) ------------------------------------------
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
