"""Hidden suite for module 02 - Calculus.

Every test grades one exercise of 02-calculus/exercises.py through the ``learner`` fixture.
References: closed-form derivatives and integrals, scipy.integrate, and torch.autograd (float64).
Tolerances are stated in each message; they leave room for any correct implementation and none
for the plausible mistakes listed in each exercise's block.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.integrate
import torch

from grader.testing import (
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
)

INTEGRATION_LIBRARIES = (
    "numpy.trapezoid",
    "scipy.integrate.trapezoid",
    "scipy.integrate.simpson",
    "scipy.integrate.quad",
    "scipy.integrate.fixed_quad",
    "scipy.integrate.romb",
)


def _as_float(value: object, what: str) -> float:
    """The learner's scalar as a float, or a clear failure when it is not a number."""
    expect(value is not None, f"{what}: got None; did you forget to return the result?")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        expect(False, f"{what}: expected a number, got {type(value).__name__}")
        raise  # unreachable


# =============================================================================================
# 1. central_difference
# =============================================================================================


@pytest.mark.exercise("central_difference")
def test_central_difference_matches_exact_derivatives(learner):
    cases = [
        ("sin at x = 0.7", math.sin, 0.7, math.cos(0.7)),
        ("exp at x = -1.3", math.exp, -1.3, math.exp(-1.3)),
        ("log at x = 2", math.log, 2.0, 0.5),
        ("x^3 at x = 1.5", lambda t: t**3, 1.5, 3 * 1.5**2),
    ]
    for label, f, x, exact in cases:
        got = _as_float(learner.central_difference(f, x), f"central_difference of {label}")
        expect_close(got, exact, f"central_difference of {label} with the default h "
                     "(tolerance 1e-8; a forward difference is off by about 1e-5)", rtol=0, atol=1e-8)


@pytest.mark.exercise("central_difference")
def test_central_difference_uses_the_symmetric_formula_and_h(learner):
    # x^3 at 1 with h = 0.1: central 3.01, forward 3.31, backward 2.71.
    got = _as_float(learner.central_difference(lambda t: t**3, 1.0, h=0.1), "central_difference")
    expect_close(got, 3.01, "central_difference(x^3, x=1, h=0.1): (f(1.1) - f(0.9)) / 0.2 "
                 "(3.31 would be the forward difference, 3 would mean h was ignored)", atol=1e-12)
    # A quadratic is differentiated exactly by the central difference, whatever h is.
    got = _as_float(learner.central_difference(lambda t: 3 * t**2 - 2 * t + 1, 2.0, h=0.5),
                    "central_difference")
    expect_close(got, 10.0, "central_difference(3x^2 - 2x + 1, x=2, h=0.5), exact for any h", atol=1e-12)


@pytest.mark.exercise("central_difference")
def test_central_difference_returns_a_python_float(learner):
    got = learner.central_difference(np.sin, 0.0)
    expect_type(got, float, "central_difference(np.sin, 0.0)")
    expect_close(got, 1.0, "central_difference(np.sin, 0.0)", atol=1e-9)


# =============================================================================================
# 2. second_derivative
# =============================================================================================


@pytest.mark.exercise("second_derivative")
def test_second_derivative_matches_exact_values(learner):
    cases = [
        ("sin at x = 1", math.sin, 1.0, -math.sin(1.0)),
        ("exp at x = 0.5", math.exp, 0.5, math.exp(0.5)),
        ("1/x at x = 2", lambda t: 1 / t, 2.0, 2 / 2.0**3),
    ]
    for label, f, x, exact in cases:
        got = _as_float(learner.second_derivative(f, x), f"second_derivative of {label}")
        expect_close(got, exact, f"second_derivative of {label} with the default h (tolerance 1e-5)",
                     rtol=0, atol=1e-5)


@pytest.mark.exercise("second_derivative")
def test_second_derivative_uses_the_centred_three_point_formula(learner):
    # x^4 at 1 with h = 0.5: centred (1.5^4 - 2 + 0.5^4) / 0.25 = 12.5; one-sided would give 27.5.
    got = _as_float(learner.second_derivative(lambda t: t**4, 1.0, h=0.5), "second_derivative")
    expect_close(got, 12.5, "second_derivative(x^4, x=1, h=0.5): (f(1.5) - 2 f(1) + f(0.5)) / 0.5^2 "
                 "(the exact 12 would mean h was ignored)", atol=1e-10)
    got = _as_float(learner.second_derivative(lambda t: 3 * t**2 + t, -4.0, h=1.0), "second_derivative")
    expect_close(got, 6.0, "second_derivative(3x^2 + x, x=-4, h=1), exact for a quadratic", atol=1e-10)


@pytest.mark.exercise("second_derivative")
def test_second_derivative_returns_a_python_float(learner):
    got = learner.second_derivative(np.cos, 0.0)
    expect_type(got, float, "second_derivative(np.cos, 0.0)")
    expect_close(got, -1.0, "second_derivative(np.cos, 0.0)", atol=1e-5)


# =============================================================================================
# 3. taylor_polynomial
# =============================================================================================


@pytest.mark.exercise("taylor_polynomial")
def test_taylor_polynomial_of_exp_converges(learner):
    x = np.linspace(-1.0, 1.0, 9)
    got = learner.taylor_polynomial([1.0] * 16, 0.0, x)
    expect_shape(got, (9,), "taylor_polynomial(16 derivatives of exp at 0, x of shape (9,))")
    expect_close(got, np.exp(x), "Taylor polynomial of exp of degree 15 around 0 on [-1, 1] "
                 "(remainder below 1e-12)", rtol=0, atol=1e-10)


@pytest.mark.exercise("taylor_polynomial")
def test_taylor_polynomial_divides_by_k_factorial(learner):
    # f(x) = x^2 around 0: f(0) = 0, f'(0) = 0, f''(0) = 2, so T(x) = 2/2! x^2 = x^2.
    x = np.array([-2.0, 0.5, 3.0])
    got = learner.taylor_polynomial([0.0, 0.0, 2.0], 0.0, x)
    expect_close(got, x**2, "taylor_polynomial([0, 0, 2], a=0, x) is x^2: each term is f^(k)(a) / k! "
                 "* (x - a)^k (2x^2 means the k! is missing)", atol=1e-12)
    got = learner.taylor_polynomial([0.0, 0.0, 0.0, 6.0], 0.0, x)
    expect_close(got, x**3, "taylor_polynomial([0, 0, 0, 6], a=0, x) is x^3", atol=1e-12)


@pytest.mark.exercise("taylor_polynomial")
def test_taylor_polynomial_expands_around_a(learner):
    a = math.pi / 4
    derivatives = [[math.sin(a), math.cos(a), -math.sin(a), -math.cos(a)][k % 4] for k in range(14)]
    x = np.linspace(0.0, math.pi / 2, 7)
    got = learner.taylor_polynomial(derivatives, a, x)
    expect_close(got, np.sin(x), "Taylor polynomial of sin of degree 13 around a = pi/4, on [0, pi/2] "
                 "(use powers of (x - a), not of x)", rtol=0, atol=1e-10)
    # A linear polynomial around a = 2: f(2) = 1, f'(2) = 3 gives 1 + 3 (x - 2).
    got = learner.taylor_polynomial([1.0, 3.0], 2.0, np.array([2.0, 3.0, 0.0]))
    expect_close(got, [1.0, 4.0, -5.0], "taylor_polynomial([1, 3], a=2, x=[2, 3, 0])", atol=1e-12)


@pytest.mark.exercise("taylor_polynomial")
def test_taylor_polynomial_keeps_the_shape_of_x(learner):
    x = np.arange(6).reshape(2, 3)  # integers on purpose
    got = learner.taylor_polynomial([5.0], 1.0, x)
    expect_shape(got, (2, 3), "taylor_polynomial([5.0], a=1, x of shape (2, 3))")
    expect_close(got, np.full((2, 3), 5.0), "a degree-0 Taylor polynomial is the constant f(a) = 5",
                 atol=0)
    got = learner.taylor_polynomial([1.0, 1.0], 0.0, x)
    expect_equal(np.asarray(got).dtype, np.dtype(np.float64),
                 "dtype of taylor_polynomial for an integer x")
    got = learner.taylor_polynomial([1.0, 2.0], 0.0, np.zeros(0))
    expect_shape(got, (0,), "taylor_polynomial for an empty x of shape (0,)")


@pytest.mark.exercise("taylor_polynomial")
def test_taylor_polynomial_rejects_empty_derivatives(learner):
    expect_raises(ValueError, lambda: learner.taylor_polynomial([], 0.0, np.array([1.0])),
                  "taylor_polynomial with an empty list of derivatives")


# =============================================================================================
# 4. trapezoid
# =============================================================================================


@pytest.mark.exercise("trapezoid")
def test_trapezoid_small_cases_by_hand(learner):
    with forbid(learner, *INTEGRATION_LIBRARIES, reason="write the trapezoid rule with NumPy"):
        one = learner.trapezoid(lambda t: t**2, 0.0, 1.0, 1)
        four = learner.trapezoid(lambda t: t**2, 0.0, 1.0, 4)
    expect_close(_as_float(one, "trapezoid"), 0.5, "trapezoid(x^2, 0, 1, n=1): one trapezoid (0 + 1) / 2",
                 atol=1e-12)
    expect_close(_as_float(four, "trapezoid"), 0.34375,
                 "trapezoid(x^2, 0, 1, n=4): 4 sub-intervals means 5 points 0, 0.25, ..., 1", atol=1e-12)
    expect_type(four, float, "trapezoid(x^2, 0, 1, n=4)")


@pytest.mark.exercise("trapezoid")
def test_trapezoid_matches_scipy_on_the_same_grid(learner):
    f = lambda t: np.exp(np.sin(t))  # noqa: E731
    for a, b, n in [(0.3, 2.1, 7), (-1.0, 4.0, 50), (0.0, 1.0, 2)]:
        grid = np.linspace(a, b, n + 1)
        want = scipy.integrate.trapezoid(f(grid), grid)
        with forbid(learner, *INTEGRATION_LIBRARIES, reason="write the trapezoid rule with NumPy"):
            got = learner.trapezoid(f, a, b, n)
        expect_close(_as_float(got, "trapezoid"), want,
                     f"trapezoid(exp(sin x), {a}, {b}, n={n}) against scipy.integrate.trapezoid on "
                     f"the same {n + 1} points (tolerance 1e-12)", rtol=1e-12, atol=1e-12)


@pytest.mark.exercise("trapezoid")
def test_trapezoid_is_exact_for_lines_and_handles_limits(learner):
    # integral of 2x + 1 over [-1, 3] = [x^2 + x] = 12 - 0 = 12, exact for any n.
    got = _as_float(learner.trapezoid(lambda t: 2 * t + 1, -1.0, 3.0, 3), "trapezoid")
    expect_close(got, 12.0, "trapezoid(2x + 1, -1, 3, n=3): exact for a straight line", atol=1e-12)
    got = _as_float(learner.trapezoid(lambda t: 2 * t + 1, 3.0, -1.0, 3), "trapezoid")
    expect_close(got, -12.0, "trapezoid with reversed limits (a=3, b=-1) is minus the integral", atol=1e-12)
    got = _as_float(learner.trapezoid(np.cos, 1.0, 1.0, 4), "trapezoid")
    expect_close(got, 0.0, "trapezoid over an empty interval (a == b)", atol=1e-15)


@pytest.mark.exercise("trapezoid")
def test_trapezoid_error_shrinks_like_h_squared(learner):
    errors = [abs(_as_float(learner.trapezoid(np.sin, 0.0, math.pi, n), "trapezoid") - 2.0) for n in (8, 16)]
    expect(errors[1] > 0, "trapezoid(sin, 0, pi, n=16) should not be exact")
    ratio = errors[0] / errors[1]
    expect(3.8 < ratio < 4.2, f"doubling n should divide the trapezoid error by about 4 (second order); "
           f"error(n=8) / error(n=16) = {ratio:.3f}")


@pytest.mark.exercise("trapezoid")
def test_trapezoid_rejects_zero_intervals(learner):
    expect_raises(ValueError, lambda: learner.trapezoid(np.sin, 0.0, 1.0, 0), "trapezoid with n=0")


# =============================================================================================
# 5. simpson
# =============================================================================================


@pytest.mark.exercise("simpson")
def test_simpson_is_exact_for_cubics(learner):
    f = lambda t: t**3 - 2 * t**2 + t - 5  # noqa: E731
    F = lambda t: t**4 / 4 - 2 * t**3 / 3 + t**2 / 2 - 5 * t  # noqa: E731
    for n in (2, 6):
        with forbid(learner, *INTEGRATION_LIBRARIES, reason="write Simpson's rule with NumPy"):
            got = learner.simpson(f, -1.0, 2.0, n)
        expect_close(_as_float(got, "simpson"), F(2.0) - F(-1.0),
                     f"simpson(cubic, -1, 2, n={n}): Simpson's rule is exact for cubics", atol=1e-12)
    got = learner.simpson(f, -1.0, 2.0, 2)
    expect_type(got, float, "simpson(cubic, -1, 2, n=2)")


@pytest.mark.exercise("simpson")
def test_simpson_small_case_by_hand(learner):
    # x^4 on [0, 1], n = 2: h/3 (0 + 4 * 0.5^4 + 1) = 0.208333...; the exact integral is 0.2.
    got = _as_float(learner.simpson(lambda t: t**4, 0.0, 1.0, 2), "simpson")
    expect_close(got, 0.5 / 3 * (4 * 0.0625 + 1), "simpson(x^4, 0, 1, n=2): weights h/3 * (1, 4, 1)",
                 atol=1e-12)
    got = _as_float(learner.simpson(lambda t: t**4, 1.0, 0.0, 2), "simpson")
    expect_close(got, -0.5 / 3 * (4 * 0.0625 + 1), "simpson with reversed limits (a=1, b=0)", atol=1e-12)


@pytest.mark.exercise("simpson")
def test_simpson_matches_scipy_on_the_same_grid(learner):
    f = lambda t: np.exp(np.sin(t))  # noqa: E731
    for a, b, n in [(0.3, 2.1, 8), (-1.0, 4.0, 40), (0.0, 1.0, 4)]:
        grid = np.linspace(a, b, n + 1)
        want = scipy.integrate.simpson(f(grid), x=grid)
        with forbid(learner, *INTEGRATION_LIBRARIES, reason="write Simpson's rule with NumPy"):
            got = learner.simpson(f, a, b, n)
        expect_close(_as_float(got, "simpson"), want,
                     f"simpson(exp(sin x), {a}, {b}, n={n}) against scipy.integrate.simpson on the same "
                     f"{n + 1} points (tolerance 1e-11)", rtol=1e-11, atol=1e-12)


@pytest.mark.exercise("simpson")
def test_simpson_rejects_odd_or_too_small_n(learner):
    expect_raises(ValueError, lambda: learner.simpson(np.sin, 0.0, 1.0, 3), "simpson with an odd n=3")
    expect_raises(ValueError, lambda: learner.simpson(np.sin, 0.0, 1.0, 0), "simpson with n=0")


# =============================================================================================
# 6. monte_carlo_integral
# =============================================================================================


def _mc(learner, f, a, b, n, seed):
    result = learner.monte_carlo_integral(f, a, b, n, np.random.default_rng(seed))
    expect(isinstance(result, tuple) and len(result) == 2,
           f"monte_carlo_integral should return a tuple (estimate, std_error), got {type(result).__name__}")
    return _as_float(result[0], "the estimate"), _as_float(result[1], "the standard error")


@pytest.mark.exercise("monte_carlo_integral")
def test_monte_carlo_scales_by_the_interval_length(learner):
    est, se = _mc(learner, lambda t: np.full_like(t, 3.0), 1.0, 4.0, 100, seed=0)
    expect_close(est, 9.0, "monte_carlo_integral of the constant 3 over [1, 4] (= 3 * (4 - 1))", atol=1e-12)
    expect_close(se, 0.0, "standard error for a constant function (every sample is identical)", atol=1e-12)


@pytest.mark.exercise("monte_carlo_integral")
def test_monte_carlo_estimate_and_standard_error_are_right(learner):
    # f = x^2 on [0, 2]: integral 8/3; (b - a) f(U) has standard deviation sqrt(256/45).
    n = 20_000
    est, se = _mc(learner, lambda t: t**2, 0.0, 2.0, n, seed=1)
    expected_se = math.sqrt(256 / 45) / math.sqrt(n)
    expect(abs(est - 8 / 3) < 5 * expected_se,
           f"monte_carlo_integral(x^2, 0, 2, n={n}) should be within 5 standard errors of 8/3 = 2.6667; "
           f"got {est:.5f}")
    expect(abs(se - expected_se) < 0.05 * expected_se,
           f"standard error for x^2 on [0, 2] with n={n}: expected about {expected_se:.5f} "
           f"(sample std of (b - a) f(U), divided by sqrt(n)); got {se:.5g}")


@pytest.mark.exercise("monte_carlo_integral")
def test_monte_carlo_intervals_have_95_percent_coverage(learner):
    truth = math.e - 1.0
    hits = 0
    trials = 300
    for seed in range(trials):
        est, se = _mc(learner, np.exp, 0.0, 1.0, 200, seed=seed)
        hits += abs(est - truth) <= 1.96 * se
    coverage = hits / trials
    expect(0.90 <= coverage <= 0.99,
           f"over {trials} seeds, estimate +/- 1.96 * std_error should contain the true integral of exp over "
           f"[0, 1] about 95% of the time; it did {coverage:.1%} of the time")


@pytest.mark.exercise("monte_carlo_integral")
def test_monte_carlo_uses_the_given_generator(learner):
    np.random.seed(1)
    first = _mc(learner, np.cos, 0.0, 1.0, 500, seed=7)
    np.random.seed(2)
    second = _mc(learner, np.cos, 0.0, 1.0, 500, seed=7)
    expect(first == second, "monte_carlo_integral with the same rng seed should give the same answer "
           f"(draw from `rng`, not np.random): got {first} then {second}")
    other = _mc(learner, np.cos, 0.0, 1.0, 500, seed=8)
    expect(other != first, "monte_carlo_integral with different rng seeds gave identical answers")


@pytest.mark.exercise("monte_carlo_integral")
def test_monte_carlo_rejects_too_few_samples(learner):
    expect_raises(ValueError, lambda: learner.monte_carlo_integral(np.cos, 0.0, 1.0, 1, np.random.default_rng(0)),
                  "monte_carlo_integral with n_samples=1")


# =============================================================================================
# 7. numerical_gradient
# =============================================================================================


@pytest.mark.exercise("numerical_gradient")
def test_numerical_gradient_of_a_quadratic_form(learner):
    rng = np.random.default_rng(3)
    A = rng.normal(size=(4, 4))  # not symmetric: the gradient of 0.5 x^T A x is 0.5 (A + A^T) x
    c = rng.normal(size=4)
    x = rng.normal(size=4)
    got = learner.numerical_gradient(lambda v: 0.5 * v @ A @ v + c @ v, x)
    expect_shape(got, (4,), "numerical_gradient for x of shape (4,)")
    expect_close(got, 0.5 * (A + A.T) @ x + c, "gradient of 0.5 x^T A x + c^T x (tolerance 1e-7)",
                 rtol=0, atol=1e-7)


@pytest.mark.exercise("numerical_gradient")
def test_numerical_gradient_matches_torch_autograd(learner):
    rng = np.random.default_rng(4)
    W = rng.normal(size=(5, 3))
    x = rng.normal(size=3)
    f = lambda v: float(np.log(np.sum(np.exp(W @ v))) + np.sin(v).prod())  # noqa: E731
    xt = torch.tensor(x, requires_grad=True)
    ft = torch.logsumexp(torch.tensor(W) @ xt, dim=0) + torch.sin(xt).prod()
    (want,) = torch.autograd.grad(ft, xt)
    got = learner.numerical_gradient(f, x)
    expect_close(got, want.numpy(), "numerical_gradient of logsumexp(W x) + prod(sin x) against "
                 "torch.autograd (tolerance 1e-8)", rtol=0, atol=1e-8)


@pytest.mark.exercise("numerical_gradient")
def test_numerical_gradient_of_a_matrix_parameter(learner):
    rng = np.random.default_rng(5)
    M = rng.normal(size=(2, 3))
    W = rng.normal(size=(2, 3))
    got = learner.numerical_gradient(lambda V: float(np.sum(V * M) + np.sum(V**2)), W)
    expect_shape(got, (2, 3), "numerical_gradient for a weight matrix x of shape (2, 3)")
    expect_close(got, M + 2 * W, "gradient of sum(V * M) + sum(V^2) with respect to the matrix V",
                 rtol=0, atol=1e-7)


@pytest.mark.exercise("numerical_gradient")
def test_numerical_gradient_of_integer_input_and_step(learner):
    x = np.array([1, 2, 3])  # int64: x + h must not be truncated back to an integer
    got = learner.numerical_gradient(lambda v: float(np.sum(v**3)), x)
    expect_equal(np.asarray(got).dtype, np.dtype(np.float64), "dtype of numerical_gradient for an int array x")
    expect_close(got, [3.0, 12.0, 27.0], "gradient of sum(x^3) at the integer array [1, 2, 3]",
                 rtol=0, atol=1e-6)
    got = learner.numerical_gradient(lambda v: float(np.sum(v**3)), np.array([1.0]), h=0.1)
    expect_close(got, [3.01], "numerical_gradient(sum(x^3), [1.0], h=0.1) uses central differences "
                 "(3.31 would be forward differences)", atol=1e-12)


@pytest.mark.exercise("numerical_gradient")
def test_numerical_gradient_leaves_x_unchanged(learner):
    x = np.array([0.5, -1.5, 2.0])
    before = x.copy()
    seen = []

    def f(v):
        seen.append(np.array(v, dtype=float))
        return float(np.sum(v**2))

    learner.numerical_gradient(f, x)
    expect(np.array_equal(x, before), f"numerical_gradient changed the caller's x: before {before}, after {x}")
    expect(len(seen) >= 2 * x.size, "numerical_gradient should evaluate f twice per entry of x")
    moved = [int(np.sum(np.abs(v - before) > 0)) for v in seen]
    expect(max(moved) <= 1, "numerical_gradient should perturb one entry of x at a time "
           f"(one call to f saw {max(moved)} entries changed)")


# =============================================================================================
# 8. gradient_check
# =============================================================================================


@pytest.mark.exercise("gradient_check")
def test_gradient_check_accepts_a_correct_gradient(learner):
    rng = np.random.default_rng(6)
    A = rng.normal(size=(3, 3))
    x = rng.normal(size=3)
    f = lambda v: float(0.5 * v @ A @ v)  # noqa: E731
    got = learner.gradient_check(f, lambda v: 0.5 * (A + A.T) @ v, x)
    expect_type(got, float, "gradient_check(...)")
    expect(0 <= got < 1e-8, f"gradient_check of a correct gradient should be tiny (< 1e-8); got {got:.3g}")


@pytest.mark.exercise("gradient_check")
def test_gradient_check_measures_plausible_bugs(learner):
    f = lambda v: float(np.sum(v**2))  # noqa: E731
    x = np.array([1.0, -2.0, 0.5])
    got = _as_float(learner.gradient_check(f, lambda v: 4 * v, x), "gradient_check")
    expect_close(got, 1 / 3, "gradient_check when grad_f is twice the true gradient: "
                 "||4x - 2x|| / (||4x|| + ||2x||) = 1/3", rtol=1e-6)
    got = _as_float(learner.gradient_check(f, lambda v: -2 * v, x), "gradient_check")
    expect_close(got, 1.0, "gradient_check when grad_f has the wrong sign: ||-2x - 2x|| / (||2x|| + ||2x||) = 1",
                 rtol=1e-6)
    # The transposed matrix in a non-symmetric quadratic form.
    rng = np.random.default_rng(7)
    A = rng.normal(size=(4, 4))
    xq = rng.normal(size=4)
    f2 = lambda v: float(v @ A @ v)  # noqa: E731
    truth = (A + A.T) @ xq              # the gradient of x^T A x for a non-symmetric A
    wrong = 2 * A.T @ xq                # what you get by treating A as symmetric, transposed
    want = np.linalg.norm(wrong - truth) / (np.linalg.norm(wrong) + np.linalg.norm(truth))
    got = _as_float(learner.gradient_check(f2, lambda v: 2 * A.T @ v, xq), "gradient_check")
    expect_close(got, want, "gradient_check of x^T A x against the wrong gradient 2 A^T x", rtol=1e-6)


@pytest.mark.exercise("gradient_check")
def test_gradient_check_with_zero_gradients_is_zero(learner):
    got = _as_float(learner.gradient_check(lambda v: 5.0, lambda v: np.zeros_like(v), np.ones(3)),
                    "gradient_check")
    expect(not math.isnan(got), "gradient_check of a constant function returned NaN: guard the 0 / 0")
    expect_close(got, 0.0, "gradient_check of a constant function with a zero gradient", atol=1e-12)


@pytest.mark.exercise("gradient_check")
def test_gradient_check_on_a_matrix_and_leaves_x_unchanged(learner):
    rng = np.random.default_rng(8)
    W = rng.normal(size=(3, 2))
    before = W.copy()
    got = _as_float(learner.gradient_check(lambda V: float(np.sum(np.tanh(V))),
                                           lambda V: 1 - np.tanh(V) ** 2, W), "gradient_check")
    expect(np.array_equal(W, before), "gradient_check changed the caller's x")
    expect(got < 1e-8, f"gradient_check of sum(tanh(W)) for W of shape (3, 2) with the right gradient: "
           f"expected < 1e-8, got {got:.3g}")


# =============================================================================================
# 9. jacobian
# =============================================================================================


@pytest.mark.exercise("jacobian")
def test_jacobian_of_a_linear_map_has_outputs_as_rows(learner):
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    got = learner.jacobian(lambda v: A @ v, np.array([0.5, -1.0]))
    expect_shape(got, (3, 2), "jacobian of f(x) = A x with A of shape (3, 2): one row per output")
    expect_close(got, A, "jacobian of f(x) = A x is A", rtol=0, atol=1e-8)


@pytest.mark.exercise("jacobian")
def test_jacobian_of_polar_coordinates_is_not_transposed(learner):
    r, theta = 2.0, math.pi / 6
    polar = lambda v: np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1])])  # noqa: E731
    want = np.array([[math.cos(theta), -r * math.sin(theta)], [math.sin(theta), r * math.cos(theta)]])
    got = learner.jacobian(polar, np.array([r, theta]))
    expect_shape(got, (2, 2), "jacobian of (r, theta) -> (r cos theta, r sin theta)")
    expect_close(got, want, "jacobian of polar -> cartesian at (2, pi/6): J[i, j] = d f_i / d x_j "
                 "(the transpose is a common slip)", rtol=0, atol=1e-8)


@pytest.mark.exercise("jacobian")
def test_jacobian_matches_torch_autograd(learner):
    x = np.array([0.3, -1.2, 0.8, 2.0])

    def f_np(v):
        return np.array([v[0] * v[1] * np.sin(v[2]), np.exp(v[3] - v[0]), v[1] ** 2 + np.tanh(v[2] * v[3])])

    def f_t(v):
        return torch.stack([v[0] * v[1] * torch.sin(v[2]), torch.exp(v[3] - v[0]), v[1] ** 2 + torch.tanh(v[2] * v[3])])

    want = torch.autograd.functional.jacobian(f_t, torch.tensor(x)).numpy()
    before = x.copy()
    got = learner.jacobian(f_np, x)
    expect_shape(got, (3, 4), "jacobian of a function R^4 -> R^3")
    expect_close(got, want, "jacobian against torch.autograd.functional.jacobian (tolerance 1e-8)",
                 rtol=0, atol=1e-8)
    expect(np.array_equal(x, before), "jacobian changed the caller's x")


@pytest.mark.exercise("jacobian")
def test_jacobian_scalar_output_and_central_step(learner):
    got = learner.jacobian(lambda v: np.array([v[0] ** 3 + v[1]]), np.array([1.0, 4.0]), h=0.1)
    expect_shape(got, (1, 2), "jacobian of a function R^2 -> R^1")
    expect_close(got, [[3.01, 1.0]], "jacobian of [x0^3 + x1] at (1, 4) with h=0.1 (central differences give "
                 "3.01; 3.31 would be forward differences)", atol=1e-10)
    expect_equal(np.asarray(got).dtype, np.dtype(np.float64), "dtype of the jacobian")


# =============================================================================================
# 10. hessian
# =============================================================================================


@pytest.mark.exercise("hessian")
def test_hessian_of_a_quadratic_form(learner):
    rng = np.random.default_rng(9)
    A = rng.normal(size=(3, 3))
    b = rng.normal(size=3)
    x = rng.normal(size=3)
    got = learner.hessian(lambda v: float(0.5 * v @ A @ v + b @ v), x)
    expect_shape(got, (3, 3), "hessian for x of shape (3,)")
    expect_close(got, 0.5 * (A + A.T), "hessian of 0.5 x^T A x + b^T x is (A + A^T) / 2 (tolerance 1e-5)",
                 rtol=0, atol=1e-5)


@pytest.mark.exercise("hessian")
def test_hessian_of_rosenbrock_and_torch(learner):
    rosen = lambda v: float((1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2)  # noqa: E731
    got = learner.hessian(rosen, np.array([1.0, 1.0]))
    expect_close(got, [[802.0, -400.0], [-400.0, 200.0]], "hessian of the Rosenbrock function at (1, 1)",
                 rtol=1e-5, atol=1e-4)
    x = np.array([0.4, -0.7, 1.1])

    def f_np(v):
        return float(np.sin(v[0] * v[1]) + v[2] ** 2 * v[0] + np.exp(0.5 * v[1] * v[2]))

    def f_t(v):
        return torch.sin(v[0] * v[1]) + v[2] ** 2 * v[0] + torch.exp(0.5 * v[1] * v[2])

    want = torch.autograd.functional.hessian(f_t, torch.tensor(x)).numpy()
    before = x.copy()
    got = learner.hessian(f_np, x)
    expect_close(got, want, "hessian of sin(x0 x1) + x2^2 x0 + exp(x1 x2 / 2) against "
                 "torch.autograd.functional.hessian (tolerance 1e-5)", rtol=0, atol=1e-5)
    expect(np.array_equal(x, before), "hessian changed the caller's x")


@pytest.mark.exercise("hessian")
def test_hessian_is_symmetric(learner):
    f = lambda v: float(np.exp(v[0]) * np.sin(3 * v[1]) + v[0] * v[2] ** 3 + np.cos(v[1] * v[2]))  # noqa: E731
    got = np.asarray(learner.hessian(f, np.array([0.2, 0.9, -0.6])), dtype=float)
    expect_shape(got, (3, 3), "hessian for x of shape (3,)")
    gap = float(np.max(np.abs(got - got.T)))
    expect(gap <= 1e-10, f"the hessian must be symmetric: H[i, j] and H[j, i] differ by up to {gap:.3g}")


@pytest.mark.exercise("hessian")
def test_hessian_one_variable(learner):
    got = learner.hessian(lambda v: float(v[0] ** 4), np.array([1.0]), h=0.5)
    expect_shape(got, (1, 1), "hessian of a function of one variable")
    expect_close(got, [[12.5]], "hessian of x^4 at 1 with h=0.5: the centred second difference "
                 "(f(1.5) - 2 f(1) + f(0.5)) / 0.25", atol=1e-10)


# =============================================================================================
# 11. classify_critical_point
# =============================================================================================


@pytest.mark.exercise("classify_critical_point")
def test_classify_minimum_and_maximum(learner):
    for label, H, want in [
        ("diag(2, 3)", np.diag([2.0, 3.0]), "minimum"),
        ("[[2, 1], [1, 2]]", np.array([[2.0, 1.0], [1.0, 2.0]]), "minimum"),
        ("-[[2, 1], [1, 2]]", -np.array([[2.0, 1.0], [1.0, 2.0]]), "maximum"),
        ("[[-1]]", np.array([[-1.0]]), "maximum"),
        ("[[4]]", np.array([[4.0]]), "minimum"),
    ]:
        got = learner.classify_critical_point(H)
        expect_equal(got, want, f"classify_critical_point({label})")


@pytest.mark.exercise("classify_critical_point")
def test_classify_saddles_the_determinant_cannot_see(learner):
    # [[1, 2], [2, 1]] has eigenvalues 3 and -1: a saddle although every diagonal entry is positive.
    got = learner.classify_critical_point(np.array([[1.0, 2.0], [2.0, 1.0]]))
    expect_equal(got, "saddle", "classify_critical_point([[1, 2], [2, 1]]) (eigenvalues 3 and -1)")
    # diag(-1, -1, 2): positive determinant and positive trace, yet a saddle.
    got = learner.classify_critical_point(np.diag([-1.0, -1.0, 2.0]))
    expect_equal(got, "saddle", "classify_critical_point(diag(-1, -1, 2)) (determinant +2, still a saddle)")
    got = learner.classify_critical_point(np.diag([2.0, -2.0]))
    expect_equal(got, "saddle", "classify_critical_point(diag(2, -2)), the Hessian of x^2 - y^2")


@pytest.mark.exercise("classify_critical_point")
def test_classify_inconclusive_and_tolerance(learner):
    for label, H, kwargs, want in [
        ("diag(2, 0)", np.diag([2.0, 0.0]), {}, "inconclusive"),
        ("[[0]] (x^4 or x^3 at 0)", np.zeros((1, 1)), {}, "inconclusive"),
        ("diag(-1, 1e-12)", np.diag([-1.0, 1e-12]), {}, "inconclusive"),
        ("diag(1e-6, 1) with tol=1e-5", np.diag([1e-6, 1.0]), {"tol": 1e-5}, "inconclusive"),
        ("diag(1e-6, 1) with the default tol", np.diag([1e-6, 1.0]), {}, "minimum"),
    ]:
        got = learner.classify_critical_point(H, **kwargs)
        expect_equal(got, want, f"classify_critical_point({label})")


@pytest.mark.exercise("classify_critical_point")
def test_classify_rejects_bad_matrices(learner):
    expect_raises(ValueError, lambda: learner.classify_critical_point(np.ones((2, 3))),
                  "classify_critical_point of a (2, 3) matrix")
    expect_raises(ValueError, lambda: learner.classify_critical_point(np.array([[1.0, 2.0], [0.0, 1.0]])),
                  "classify_critical_point of the non-symmetric [[1, 2], [0, 1]]")


# =============================================================================================
# 12. logistic_loss_and_grad
# =============================================================================================


def _torch_logistic(w, b, X, y):
    wt = torch.tensor(w, requires_grad=True)
    bt = torch.tensor(float(b), dtype=torch.float64, requires_grad=True)
    z = torch.tensor(X) @ wt + bt
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.tensor(y))
    loss.backward()
    return loss.item(), wt.grad.numpy(), bt.grad.item()


def _unpack_logistic(result, d):
    expect(isinstance(result, tuple) and len(result) == 3,
           "logistic_loss_and_grad should return a tuple (loss, grad_w, grad_b)")
    loss, gw, gb = result
    expect_shape(gw, (d,), f"grad_w for w of shape ({d},)")
    return _as_float(loss, "the loss"), gw, _as_float(gb, "grad_b")


@pytest.mark.exercise("logistic_loss_and_grad")
def test_logistic_matches_torch(learner):
    rng = np.random.default_rng(10)
    X = rng.normal(size=(20, 4))
    y = (rng.random(20) < 0.5).astype(float)
    w = rng.normal(size=4)
    b = 0.3
    want_loss, want_w, want_b = _torch_logistic(w, b, X, y)
    with forbid(learner, "torch.autograd.backward", "torch.autograd.grad", reason="derive the gradient by hand"):
        loss, gw, gb = _unpack_logistic(learner.logistic_loss_and_grad(w, b, X, y), 4)
    expect_close(loss, want_loss, "mean binary cross-entropy against torch's binary_cross_entropy_with_logits "
                 "(20 samples)", rtol=1e-10, atol=1e-12)
    expect_close(gw, want_w, "grad_w against torch.autograd (20 samples; the mean divides by n)",
                 rtol=1e-9, atol=1e-12)
    expect_close(gb, want_b, "grad_b against torch.autograd (20 samples)", rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("logistic_loss_and_grad")
def test_logistic_at_zero_weights(learner):
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    y = np.array([1.0, 0.0])
    loss, gw, gb = _unpack_logistic(learner.logistic_loss_and_grad(np.zeros(2), 0.0, X, y), 2)
    expect_close(loss, math.log(2), "loss at w = 0, b = 0 (every probability is 0.5)", atol=1e-12)
    expect_close(gw, [-0.5, -0.375], "grad_w at w = 0: X^T (p - y) / n", atol=1e-12)
    expect_close(gb, 0.0, "grad_b at w = 0 for y = [1, 0]", atol=1e-12)
    # One sample, positive label: grad_b = sigmoid(z) - 1.
    loss, gw, gb = _unpack_logistic(
        learner.logistic_loss_and_grad(np.array([2.0]), -1.0, np.array([[1.0]]), np.array([1.0])), 1)
    s = 1 / (1 + math.exp(-1.0))
    expect_close(loss, -math.log(s), "loss for one sample with z = 1, y = 1", atol=1e-12)
    expect_close(gb, s - 1, "grad_b for one sample with z = 1, y = 1 (sigmoid(z) - y)", atol=1e-12)
    expect_close(gw, [s - 1], "grad_w for one sample with x = 1, z = 1, y = 1", atol=1e-12)


@pytest.mark.exercise("logistic_loss_and_grad")
def test_logistic_is_stable_for_huge_logits(learner):
    X = np.array([[1000.0], [-1000.0], [1000.0]])
    y = np.array([0.0, 1.0, 1.0])
    with np.errstate(all="ignore"):
        loss, gw, gb = _unpack_logistic(learner.logistic_loss_and_grad(np.array([1.0]), 0.0, X, y), 1)
    expect(math.isfinite(loss), f"loss for logits z = +-1000 must be finite; got {loss}")
    # Sample 1: z = 1000, y = 0 -> 1000; sample 2: z = -1000, y = 1 -> 1000; sample 3: -> 0.
    expect_close(loss, 2000 / 3, "mean loss for logits (1000, -1000, 1000) and labels (0, 1, 1)", rtol=1e-12)
    expect_close(gw, [(1000 * 1 + (-1000) * (-1) + 1000 * 0) / 3], "grad_w for logits +-1000", rtol=1e-12)
    expect_close(gb, (1 - 1 + 0) / 3, "grad_b for logits +-1000", atol=1e-12)


@pytest.mark.exercise("logistic_loss_and_grad")
def test_logistic_gradient_agrees_with_finite_differences(learner):
    rng = np.random.default_rng(11)
    X = rng.normal(size=(15, 3))
    y = (rng.random(15) < 0.4).astype(float)
    w = rng.normal(size=3)
    b = -0.2
    _, gw, gb = _unpack_logistic(learner.logistic_loss_and_grad(w, b, X, y), 3)
    eps = 1e-6
    numeric_w = np.array([
        (_as_float(learner.logistic_loss_and_grad(w + eps * e, b, X, y)[0], "the loss")
         - _as_float(learner.logistic_loss_and_grad(w - eps * e, b, X, y)[0], "the loss")) / (2 * eps)
        for e in np.eye(3)
    ])
    expect_close(gw, numeric_w, "grad_w against central differences of your own loss (tolerance 1e-6): "
                 "the gradient and the loss disagree", rtol=0, atol=1e-6)


# =============================================================================================
# 13. Value
# =============================================================================================


def _V(learner, x):
    return learner.Value(x)


@pytest.mark.exercise("Value")
def test_value_add_mul_forward_and_backward(learner):
    a, b, c = _V(learner, 2.0), _V(learner, -3.0), _V(learner, 10.0)
    e = a * b
    d = e + c
    f = d * _V(learner, -2.0)
    expect_close(f.data, -8.0, "forward value of ((2 * -3) + 10) * -2", atol=1e-12)
    f.backward()
    expect_close(f.grad, 1.0, "the output's own .grad after backward() (d f / d f)", atol=0)
    expect_close([a.grad, b.grad, c.grad], [6.0, -4.0, -2.0],
                 "gradients [a, b, c] of f = (a * b + c) * -2 at a=2, b=-3, c=10", atol=1e-12)
    expect_close(d.grad, -2.0, "gradient of the intermediate d = a * b + c", atol=1e-12)


@pytest.mark.exercise("Value")
def test_value_accumulates_gradients_of_reused_nodes(learner):
    a = _V(learner, 3.0)
    b = a * a + a
    b.backward()
    expect_close(a.grad, 7.0, "d/da of a * a + a at a = 3 (2a + 1): a value used several times must "
                 "receive every contribution (+=, not =)", atol=1e-12)
    c = _V(learner, 4.0)
    d = c + c
    d.backward()
    expect_close(c.grad, 2.0, "d/dc of c + c", atol=1e-12)


@pytest.mark.exercise("Value")
def test_value_backward_visits_shared_nodes_once_in_topological_order(learner):
    x = _V(learner, 2.0)
    y = x * x          # 4, reused twice below
    z = y * y + y      # 20
    z.backward()
    expect_close(z.data, 20.0, "forward value of y*y + y with y = x*x at x = 2", atol=1e-12)
    expect_close(y.grad, 9.0, "dz/dy for z = y*y + y at y = 4 (2y + 1)", atol=1e-12)
    expect_close(x.grad, 36.0, "dz/dx for z = y*y + y, y = x*x at x = 2 ((2y + 1) * 2x): a node must "
                 "propagate only after all its consumers have, and only once", atol=1e-12)


@pytest.mark.exercise("Value")
def test_value_operations_with_plain_numbers(learner):
    a = _V(learner, 2.0)
    out = 3 * a + 1 - a / 4 + 2 ** 1 * a ** 3
    expect_close(out.data, 3 * 2 + 1 - 0.5 + 2 * 8, "forward value of 3a + 1 - a/4 + 2 a^3 at a = 2",
                 atol=1e-12)
    out.backward()
    expect_close(a.grad, 3 - 0.25 + 6 * 4, "derivative of 3a + 1 - a/4 + 2 a^3 at a = 2 (3 - 1/4 + 6a^2)",
                 atol=1e-12)


@pytest.mark.exercise("Value")
def test_value_relu_tanh_exp_log_local_derivatives(learner):
    for x, want_data, want_grad in [(1.5, 1.5, 1.0), (-0.5, 0.0, 0.0), (0.0, 0.0, 0.0)]:
        v = _V(learner, x)
        out = v.relu()
        out.backward()
        expect_close([out.data, v.grad], [want_data, want_grad],
                     f"[relu(x), d relu / dx] at x = {x} (derivative 0 at exactly 0)", atol=0)
    v = _V(learner, 0.5)
    out = v.tanh()
    out.backward()
    expect_close([out.data, v.grad], [math.tanh(0.5), 1 - math.tanh(0.5) ** 2], "[tanh(x), d tanh / dx] at 0.5",
                 atol=1e-12)
    v = _V(learner, 0.7)
    out = v.exp()
    out.backward()
    expect_close([out.data, v.grad], [math.exp(0.7)] * 2, "[exp(x), d exp / dx] at 0.7", atol=1e-12)
    v = _V(learner, 2.5)
    out = v.log()
    out.backward()
    expect_close([out.data, v.grad], [math.log(2.5), 0.4], "[log(x), d log / dx] at 2.5", atol=1e-12)
    v = _V(learner, 4.0)
    out = v ** -0.5
    out.backward()
    expect_close([out.data, v.grad], [0.5, -0.5 * 4.0 ** -1.5], "[x^-0.5, d/dx x^-0.5] at 4", atol=1e-12)
    expect_raises(ValueError, lambda: _V(learner, -1.0).log(), "Value(-1.0).log()")


@pytest.mark.exercise("Value")
def test_value_neuron_and_expression_match_torch(learner):
    inputs = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
    v = {k: _V(learner, val) for k, val in inputs.items()}
    t = {k: torch.tensor(val, dtype=torch.float64, requires_grad=True) for k, val in inputs.items()}

    def build(n, tanh, exp, log, relu):
        z = n["x1"] * n["w1"] + n["x2"] * n["w2"] + n["b"]
        o = tanh(z)
        extra = exp(o * 0.5) / (1 + relu(n["w2"] - 0.25)) - log(n["x1"] + 3) ** 2 + 2 - n["b"] / 10
        return o * 2 + extra

    out_v = build(v, lambda a: a.tanh(), lambda a: a.exp(), lambda a: a.log(), lambda a: a.relu())
    out_t = build(t, torch.tanh, torch.exp, torch.log, torch.relu)
    out_t.backward()
    out_v.backward()
    expect_close(out_v.data, out_t.item(), "forward value of a neuron-and-friends expression against torch",
                 rtol=1e-12, atol=1e-12)
    names = list(inputs)
    expect_close([v[k].grad for k in names], [float(t[k].grad) for k in names],
                 f"gradients {names} against torch.autograd", rtol=1e-10, atol=1e-12)


@pytest.mark.exercise("Value")
def test_value_tiny_mlp_matches_torch(learner):
    rng = np.random.default_rng(12)
    W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
    W2, b2 = rng.normal(size=4), float(rng.normal())
    X = rng.normal(size=(2, 3))
    Y = np.array([0.5, -1.0])

    def forward(W1_, b1_, W2_, b2_, X_, act):
        loss = 0.0
        for i in range(2):
            hidden = [act(sum((W1_[j][k] * X_[i][k] for k in range(3)), b1_[j])) for j in range(4)]
            pred = sum((W2_[j] * hidden[j] for j in range(4)), b2_)
            loss = loss + (pred - Y[i]) ** 2
        return loss * 0.5

    V = learner.Value
    W1v = [[V(float(W1[j, k])) for k in range(3)] for j in range(4)]
    b1v = [V(float(b)) for b in b1]
    W2v = [V(float(w)) for w in W2]
    b2v = V(b2)
    loss_v = forward(W1v, b1v, W2v, b2v, X.tolist(), lambda a: a.tanh())
    loss_v.backward()

    tW1 = torch.tensor(W1, requires_grad=True)
    tb1 = torch.tensor(b1, requires_grad=True)
    tW2 = torch.tensor(W2, requires_grad=True)
    tb2 = torch.tensor(b2, dtype=torch.float64, requires_grad=True)
    pred = torch.tanh(torch.tensor(X) @ tW1.T + tb1) @ tW2 + tb2
    loss_t = 0.5 * ((pred - torch.tensor(Y)) ** 2).sum()
    loss_t.backward()

    expect_close(loss_v.data, loss_t.item(), "loss of a 3-4-1 tanh network on 2 samples against torch",
                 rtol=1e-12)
    expect_close([[w.grad for w in row] for row in W1v], tW1.grad.numpy(),
                 "gradient of the first-layer weights (4, 3) against torch.autograd", rtol=1e-9, atol=1e-12)
    expect_close([b.grad for b in b1v], tb1.grad.numpy(), "gradient of the first-layer biases", rtol=1e-9,
                 atol=1e-12)
    expect_close([w.grad for w in W2v], tW2.grad.numpy(), "gradient of the output weights", rtol=1e-9,
                 atol=1e-12)
    expect_close(b2v.grad, float(tb2.grad), "gradient of the output bias", rtol=1e-9, atol=1e-12)
