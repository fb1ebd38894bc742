"""Module 05 - Optimization: exercises.

Thirteen exercises, from easy to hard. Each one is a function or a class whose body is a
``# TODO`` that raises ``NotImplementedError``; replace the TODO with your code and check it with

    uv run mlm check 05                 # grade everything
    uv run mlm hint 05 <exercise>       # one more hint each time you ask

Conventions used throughout
---------------------------
* Vectors are 1-D NumPy arrays of shape ``(d,)``; matrices are 2-D arrays. Return float arrays
  (``float64`` when given ``float64``) and never modify the arrays you are given.
* "NumPy only" means: NumPy (including ``np.linalg.solve`` and ``np.linalg.norm``) and the standard
  library. The grader blocks the library routine an exercise asks you to write yourself.
* The four optimizer classes (``SGD``, ``Adagrad``, ``RMSprop``, ``Adam``) reproduce PyTorch's
  ``torch.optim`` classes of the same name *exactly*: same hyperparameter names, same defaults,
  same update order. The grader runs your class and PyTorch's side by side on the same gradients
  and compares every step. Their interface is functional: ``new_params = opt.step(params, grad)``,
  where the optimizer keeps its own state (momentum buffers, running averages, step count) from
  one call to the next, and reads ``self.lr`` afresh at every step so a learning-rate schedule can
  change it between steps (like ``optimizer.param_groups[0]["lr"]`` in PyTorch).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

# ---------------------------------------------------------------------------------------------
# Part 1 - gradient descent, convergence, schedules, line search
# ---------------------------------------------------------------------------------------------


def quadratic_value_and_grad(A: np.ndarray, b: np.ndarray, x: np.ndarray) -> tuple[float, np.ndarray]:
    r"""Value and gradient of the quadratic :math:`f(x) = \tfrac12 x^\top A x - b^\top x`.

    The quadratic is the model problem of optimization: every smooth function looks like one
    near a minimum, and least squares is one exactly.

    Parameters
    ----------
    A : np.ndarray, shape (d, d)
        A square matrix. It is NOT necessarily symmetric.
    b : np.ndarray, shape (d,)
    x : np.ndarray, shape (d,)
        The point at which to evaluate.

    Returns
    -------
    value : float
        :math:`f(x)`, a Python float.
    grad : np.ndarray, shape (d,)
        :math:`\nabla f(x)`. Derive it yourself: be careful when ``A`` is not symmetric
        (write :math:`x^\top A x = \sum_{ij} A_{ij} x_i x_j` and differentiate by :math:`x_k`).

    Examples
    --------
    >>> A = np.array([[2.0, 0.0], [0.0, 4.0]]); b = np.array([1.0, 1.0])
    >>> value, grad = quadratic_value_and_grad(A, b, np.array([1.0, 1.0]))
    >>> value, grad
    (1.0, array([1., 3.]))

    Rules
    -----
    NumPy only. No loops needed.
    """
    # TODO: your code here
    raise NotImplementedError("quadratic_value_and_grad")


def gradient_descent(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    lr: float,
    tol: float = 1e-6,
    max_iter: int = 1000,
) -> tuple[np.ndarray, bool]:
    r"""Plain (full-batch) gradient descent with a convergence check.

    Starting from ``x0``, repeat :math:`x_{k+1} = x_k - \eta \nabla f(x_k)` with a fixed
    learning rate :math:`\eta` = ``lr``. The stopping rule, in this order, at every iterate
    :math:`x_k` (``k = 0, 1, 2, ...``):

    1. compute :math:`g_k = \nabla f(x_k)`; if :math:`\|g_k\|_2 \le` ``tol``, stop: converged;
    2. otherwise, if ``k == max_iter`` (that many updates were already made), stop: not converged;
    3. otherwise take the step and continue with ``k + 1``.

    So at most ``max_iter`` updates are made, and ``max_iter = 0`` only checks ``x0``.

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(x)`` returns the gradient, shape (d,), at ``x`` of shape (d,).
    x0 : np.ndarray, shape (d,)
        Starting point (do not modify it).
    lr : float
        Learning rate (step size) :math:`\eta > 0`.
    tol : float
        Stop when the Euclidean norm of the gradient is at most ``tol``.
    max_iter : int
        Maximum number of updates.

    Returns
    -------
    path : np.ndarray, shape (k + 1, d)
        Every iterate, ``path[0] == x0`` and ``path[-1]`` the final point, where ``k`` is the
        number of updates made.
    converged : bool
        True when the loop stopped because of the gradient-norm test.

    Examples
    --------
    f(x) = x^2 has gradient 2x; with lr = 0.25 each step halves x. The gradient norms at
    1, 0.5, 0.25 are 2, 1, 0.5, so with tol = 0.5 the loop stops at 0.25 after two updates:

    >>> path, converged = gradient_descent(lambda x: 2 * x, np.array([1.0]), lr=0.25, tol=0.5)
    >>> path.ravel(), converged
    (array([1.  , 0.5 , 0.25]), True)

    Rules
    -----
    NumPy only.
    """
    # TODO: your code here
    raise NotImplementedError("gradient_descent")


def warmup_cosine_lr(
    step: int,
    base_lr: float,
    warmup_steps: int,
    total_steps: int,
    min_lr: float = 0.0,
) -> float:
    r"""The learning rate at ``step`` of a linear-warmup + cosine-decay schedule.

    This is the schedule used to train most modern networks (transformers in particular):

    * warm-up, ``0 <= step < warmup_steps``: :math:`\eta = \eta_{base} \cdot step / warmup`,
      a straight line from 0 (at step 0) towards ``base_lr``;
    * cosine decay, ``warmup_steps <= step < total_steps``: with
      :math:`p = (step - warmup) / (total - warmup)` in :math:`[0, 1)`,
      :math:`\eta = \eta_{min} + (\eta_{base} - \eta_{min}) \cdot \tfrac12 (1 + \cos \pi p)`;
    * after the end, ``step >= total_steps``: :math:`\eta = \eta_{min}`.

    With ``warmup_steps = 0`` this equals ``torch.optim.lr_scheduler.CosineAnnealingLR(T_max=
    total_steps, eta_min=min_lr)`` for steps ``0 .. total_steps``; with ``min_lr = 0`` and
    ``warmup_steps < total_steps`` it equals Hugging Face's ``get_cosine_schedule_with_warmup`` for
    the same steps. (After ``total_steps`` both libraries follow the cosine back up; this schedule
    stays at ``min_lr``.)

    Parameters
    ----------
    step : int
        The optimizer step (0-based).
    base_lr : float
        Peak learning rate, reached at ``step == warmup_steps`` (when ``warmup_steps < total_steps``).
    warmup_steps : int
        Length of the warm-up, ``0 <= warmup_steps <= total_steps``.
    total_steps : int
        Step at which the schedule reaches ``min_lr``, ``total_steps >= 1``.
    min_lr : float
        Final learning rate.

    Returns
    -------
    float
        The learning rate for this step.

    Raises
    ------
    ValueError
        If ``step < 0``, ``total_steps < 1``, or ``warmup_steps`` is not in ``[0, total_steps]``.

    Examples
    --------
    >>> [round(warmup_cosine_lr(s, 1.0, 2, 6), 4) for s in range(8)]
    [0.0, 0.5, 1.0, 0.8536, 0.5, 0.1464, 0.0, 0.0]

    Rules
    -----
    Standard library / NumPy only (no torch schedulers).
    """
    # TODO: your code here
    raise NotImplementedError("warmup_cosine_lr")


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
    r"""Backtracking line search with the Armijo (sufficient decrease) condition.

    Try the step sizes :math:`\alpha_0, \alpha_0\rho, \alpha_0\rho^2, \dots` (at most
    ``max_iter`` of them) and return the FIRST :math:`\alpha` such that

    .. math:: f(x + \alpha d) \le f(x) + c\, \alpha\, \nabla f(x)^\top d .

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a float.
    grad_fn : callable
        ``grad_fn(x)`` returns the gradient of ``f``, shape (d,).
    x : np.ndarray, shape (d,)
        Current point.
    direction : np.ndarray, shape (d,)
        Search direction :math:`d`; it must be a descent direction, :math:`\nabla f(x)^\top d < 0`.
    alpha0 : float
        First step size tried.
    rho : float
        Shrink factor, ``0 < rho < 1``.
    c : float
        Armijo constant, ``0 < c < 1``.
    max_iter : int
        Number of step sizes tried before giving up.

    Returns
    -------
    float
        The accepted step size.

    Raises
    ------
    ValueError
        If ``direction`` is not a descent direction (:math:`\nabla f(x)^\top d \ge 0`).
    RuntimeError
        If none of the ``max_iter`` step sizes satisfies the condition.

    Examples
    --------
    f(x) = x^2 at x = 1 in the direction d = -f'(1) = -2: alpha = 1 lands on x = -1 (no decrease),
    alpha = 0.5 lands on the minimum x = 0:

    >>> backtracking_line_search(lambda x: float(x @ x), lambda x: 2 * x, np.array([1.0]), np.array([-2.0]))
    0.5

    Rules
    -----
    NumPy only (no scipy.optimize).
    """
    # TODO: your code here
    raise NotImplementedError("backtracking_line_search")


def minibatch_sgd(
    X: np.ndarray,
    y: np.ndarray,
    lr: float,
    batch_size: int,
    n_epochs: int,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Mini-batch stochastic gradient descent for least-squares linear regression.

    Model :math:`\hat y = X w` (no intercept; add a column of ones to ``X`` if you want one),
    starting from :math:`w = 0`. The loss of a batch :math:`B` of :math:`m` rows is the halved
    mean squared error

    .. math:: L_B(w) = \frac{1}{2m} \sum_{i \in B} (x_i^\top w - y_i)^2 ,
              \qquad \nabla L_B(w) = \frac1m X_B^\top (X_B w - y_B).

    One epoch: draw a fresh random order of the ``n`` rows, cut it into consecutive batches of
    ``batch_size`` rows (the last batch is smaller when ``batch_size`` does not divide ``n``; keep
    it), and make one update :math:`w \leftarrow w - \eta \nabla L_B(w)` per batch.
    ``batch_size = n`` is (full-)batch gradient descent, ``batch_size = 1`` is "pure" SGD.

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    lr : float
        Learning rate :math:`\eta`.
    batch_size : int
        Rows per batch, ``1 <= batch_size``; a value above ``n`` means one batch of all rows.
    n_epochs : int
        Number of passes over the data.
    seed : int
        Seed of the random order: create ``rng = np.random.default_rng(seed)`` once and call
        ``rng.permutation(n)`` at the start of every epoch. Never use the global ``np.random``
        state: the same seed must give the same result.

    Returns
    -------
    w : np.ndarray, shape (d,)
        The final weights.
    losses : np.ndarray, shape (n_epochs,)
        The full-data loss :math:`\frac{1}{2n}\|Xw - y\|^2` measured at the END of each epoch.

    Raises
    ------
    ValueError
        If ``batch_size < 1``.

    Examples
    --------
    >>> X = np.ones((4, 1)); y = np.full(4, 2.0)
    >>> w, losses = minibatch_sgd(X, y, lr=0.5, batch_size=4, n_epochs=2)
    >>> w, losses        # each full-batch step halves the distance to w = 2
    (array([1.5]), array([0.5  , 0.125]))

    Rules
    -----
    NumPy only.
    """
    # TODO: your code here
    raise NotImplementedError("minibatch_sgd")


def projected_gradient_descent(
    grad_fn: Callable[[np.ndarray], np.ndarray],
    project: Callable[[np.ndarray], np.ndarray],
    x0: np.ndarray,
    lr: float,
    n_steps: int,
) -> np.ndarray:
    r"""Projected gradient descent for :math:`\min_{x \in C} f(x)`.

    ``project(z)`` returns the point of the convex set :math:`C` closest to ``z``. Start from the
    feasible point :math:`x_0 = \Pi_C(x0)` and repeat ``n_steps`` times

    .. math:: x_{k+1} = \Pi_C\big(x_k - \eta \nabla f(x_k)\big).

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(x)`` returns the gradient of ``f``, shape (d,).
    project : callable
        ``project(z)`` returns the projection of ``z`` (shape (d,)) onto the constraint set.
    x0 : np.ndarray, shape (d,)
        Starting point; it may be infeasible (project it first).
    lr : float
        Step size :math:`\eta`.
    n_steps : int
        Number of projected steps, ``>= 0``.

    Returns
    -------
    np.ndarray, shape (n_steps + 1, d)
        All iterates; ``path[0]`` is the projected starting point; every row is feasible.

    Examples
    --------
    Minimise (x - 3)^2 subject to x <= 1 (projection: ``np.minimum(z, 1)``):

    >>> projected_gradient_descent(lambda x: 2 * (x - 3), lambda z: np.minimum(z, 1.0),
    ...                            np.array([5.0]), lr=0.25, n_steps=2).ravel()
    array([1., 1., 1.])

    Rules
    -----
    NumPy only.
    """
    # TODO: your code here
    raise NotImplementedError("projected_gradient_descent")


# ---------------------------------------------------------------------------------------------
# Part 2 - the optimizers of deep learning, exactly as torch.optim implements them
# ---------------------------------------------------------------------------------------------


class SGD:
    r"""Stochastic gradient descent with momentum, exactly like ``torch.optim.SGD``.

    PyTorch's update, for gradient :math:`g_t` at step :math:`t = 1, 2, \dots` (in this order):

    1. weight decay (an L2 penalty folded into the gradient): :math:`g_t \leftarrow g_t + \lambda p_{t-1}`;
    2. if ``momentum`` :math:`\mu \ne 0`: the buffer is :math:`b_1 = g_1` at the first step
       (NOT :math:`(1-\tau) g_1`), then :math:`b_t = \mu b_{t-1} + (1 - \tau) g_t` where
       :math:`\tau` = ``dampening``; the step direction is :math:`g_t + \mu b_t` when
       ``nesterov`` is true, else :math:`b_t`;
    3. :math:`p_t = p_{t-1} - \eta\, \text{direction}`, with :math:`\eta` read from ``self.lr``
       at this step.

    Note the convention: the learning rate multiplies the *whole* buffer at each step. This is
    not the "velocity" form :math:`v \leftarrow \mu v - \eta g,\ p \leftarrow p + v` (Sutskever
    et al.); the two agree only while the learning rate never changes.

    Parameters
    ----------
    lr : float
        Learning rate :math:`\eta` (stored as ``self.lr``; may be changed between steps).
    momentum : float
        :math:`\mu \ge 0`.
    dampening : float
        :math:`\tau`.
    weight_decay : float
        :math:`\lambda \ge 0`.
    nesterov : bool
        Use Nesterov momentum.

    Raises
    ------
    ValueError
        In ``__init__``, if ``nesterov`` is true and ``momentum <= 0`` or ``dampening != 0``
        (PyTorch refuses these too).

    Examples
    --------
    >>> opt = SGD(lr=0.1, momentum=0.9)
    >>> p = np.array([1.0, -1.0])
    >>> p = opt.step(p, np.array([1.0, 1.0]))      # b = g = [1, 1]
    >>> p
    array([ 0.9, -1.1])
    >>> opt.step(p, np.array([1.0, 1.0]))          # b = 0.9 * b + g = [1.9, 1.9]
    array([ 0.71, -1.29])

    Rules
    -----
    NumPy only: do not call ``torch.optim``. ``step`` returns a NEW array of the same shape as
    ``params`` (any shape) and modifies neither ``params`` nor ``grad``.
    """

    def __init__(
        self,
        lr: float = 1e-3,
        momentum: float = 0.0,
        dampening: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        # TODO: store the hyperparameters (self.lr, ...), validate, and set up empty state
        raise NotImplementedError("SGD")

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """One update. ``params`` and ``grad`` have the same shape; returns the new parameters."""
        # TODO: your code here
        raise NotImplementedError("SGD.step")


class Adagrad:
    r"""Adagrad, exactly like ``torch.optim.Adagrad``.

    PyTorch's update at step :math:`t = 1, 2, \dots` (all operations elementwise):

    1. :math:`g_t \leftarrow g_t + \lambda p_{t-1}` (weight decay);
    2. decayed learning rate :math:`\tilde\eta_t = \eta / (1 + (t - 1)\,\text{lr\_decay})`;
    3. accumulate: :math:`s_t = s_{t-1} + g_t^2`, starting from
       :math:`s_0 =` ``initial_accumulator_value`` (every entry);
    4. :math:`p_t = p_{t-1} - \tilde\eta_t\, g_t / (\sqrt{s_t} + \epsilon)` -- epsilon is added
       OUTSIDE the square root.

    Parameters
    ----------
    lr, lr_decay, weight_decay, initial_accumulator_value, eps : float
        As in ``torch.optim.Adagrad`` (same defaults). ``self.lr`` is read at every step.

    Examples
    --------
    The first step moves every coordinate by about ``lr`` (when eps is tiny), whatever the scale
    of its gradient:

    >>> opt = Adagrad(lr=0.5)
    >>> opt.step(np.array([0.0, 0.0]), np.array([4.0, -0.01]))
    array([-0.5,  0.5])

    Rules
    -----
    NumPy only: do not call ``torch.optim``. ``step`` returns a new array and modifies neither
    argument.
    """

    def __init__(
        self,
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
    ) -> None:
        # TODO: store the hyperparameters and set up empty state
        raise NotImplementedError("Adagrad")

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """One update. ``params`` and ``grad`` have the same shape; returns the new parameters."""
        # TODO: your code here
        raise NotImplementedError("Adagrad.step")


class RMSprop:
    r"""RMSprop, exactly like ``torch.optim.RMSprop``.

    PyTorch's update at step :math:`t = 1, 2, \dots` (elementwise, state starts at zero):

    1. :math:`g_t \leftarrow g_t + \lambda p_{t-1}` (weight decay);
    2. :math:`v_t = \alpha v_{t-1} + (1 - \alpha) g_t^2` -- with NO bias correction, so the first
       steps are large;
    3. the denominator is :math:`\delta_t = \sqrt{v_t} + \epsilon`; when ``centered`` it is
       :math:`\sqrt{v_t - \bar g_t^2} + \epsilon` with :math:`\bar g_t = \alpha \bar g_{t-1} +
       (1-\alpha) g_t`; epsilon is added OUTSIDE the square root (Keras puts it inside: that is
       a different optimizer);
    4. without momentum: :math:`p_t = p_{t-1} - \eta\, g_t / \delta_t`; with momentum
       :math:`\mu > 0`: :math:`b_t = \mu b_{t-1} + g_t / \delta_t` (with :math:`b_0 = 0`) and
       :math:`p_t = p_{t-1} - \eta\, b_t`.

    Parameters
    ----------
    lr, alpha, eps, weight_decay, momentum : float
    centered : bool
        As in ``torch.optim.RMSprop`` (same defaults). ``self.lr`` is read at every step.

    Examples
    --------
    >>> opt = RMSprop(lr=0.01, alpha=0.99, eps=0.0)
    >>> opt.step(np.array([1.0]), np.array([2.0]))     # 1 - 0.01 * 2 / sqrt(0.01 * 4)
    array([0.9])

    Rules
    -----
    NumPy only: do not call ``torch.optim``. ``step`` returns a new array and modifies neither
    argument.
    """

    def __init__(
        self,
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
    ) -> None:
        # TODO: store the hyperparameters and set up empty state
        raise NotImplementedError("RMSprop")

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """One update. ``params`` and ``grad`` have the same shape; returns the new parameters."""
        # TODO: your code here
        raise NotImplementedError("RMSprop.step")


class Adam:
    r"""Adam (and AdamW), exactly like ``torch.optim.Adam``.

    PyTorch's update at step :math:`t = 1, 2, \dots` (elementwise, :math:`m_0 = v_0 = 0`):

    1. weight decay :math:`\lambda`: if ``decoupled_weight_decay`` (this is AdamW) shrink the
       parameters first, :math:`p \leftarrow p\,(1 - \eta\lambda)`; otherwise fold an L2 penalty
       into the gradient, :math:`g_t \leftarrow g_t + \lambda p_{t-1}`;
    2. :math:`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t`, :math:`v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2`;
    3. bias correction: :math:`\hat m_t = m_t / (1 - \beta_1^t)`, :math:`\hat v_t = v_t / (1 - \beta_2^t)`;
    4. :math:`p_t = p - \eta\, \hat m_t / (\sqrt{\hat v_t} + \epsilon)` -- epsilon is added
       after the bias correction and outside the square root.

    ``Adam(weight_decay=0.01, decoupled_weight_decay=True)`` is ``torch.optim.AdamW()``.

    Parameters
    ----------
    lr : float
        :math:`\eta` (stored as ``self.lr`` and read at every step).
    betas : tuple of two floats
        :math:`(\beta_1, \beta_2)`.
    eps : float
    weight_decay : float
    decoupled_weight_decay : bool
        As in ``torch.optim.Adam`` (same defaults).

    Examples
    --------
    Thanks to bias correction, the first step moves each coordinate by almost exactly ``lr``:

    >>> opt = Adam(lr=0.1)
    >>> opt.step(np.array([1.0, 1.0]), np.array([3.0, -0.5]))
    array([0.9, 1.1])

    Rules
    -----
    NumPy only: do not call ``torch.optim``. ``step`` returns a new array and modifies neither
    argument.
    """

    def __init__(
        self,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        decoupled_weight_decay: bool = False,
    ) -> None:
        # TODO: store the hyperparameters and set up empty state
        raise NotImplementedError("Adam")

    def step(self, params: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """One update. ``params`` and ``grad`` have the same shape; returns the new parameters."""
        # TODO: your code here
        raise NotImplementedError("Adam.step")


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
    r"""Newton's method for minimization (pure Newton steps, no line search).

    At each iterate solve the Newton system :math:`H(x_k)\, s = -\nabla f(x_k)` and set
    :math:`x_{k+1} = x_k + s`. The stopping rule is the same as in ``gradient_descent``: at every
    iterate, stop as converged if :math:`\|\nabla f(x_k)\|_2 \le` ``tol``; otherwise stop as not
    converged if ``max_iter`` updates were already made; otherwise step.

    Parameters
    ----------
    grad_fn : callable
        ``grad_fn(x)`` returns the gradient, shape (d,).
    hess_fn : callable
        ``hess_fn(x)`` returns the Hessian, shape (d, d).
    x0 : np.ndarray, shape (d,)
    tol : float
    max_iter : int

    Returns
    -------
    path : np.ndarray, shape (k + 1, d)
        Every iterate, starting with ``x0``.
    converged : bool

    Examples
    --------
    On a quadratic Newton's method lands on the minimum in one step:

    >>> A = np.array([[3.0, 1.0], [1.0, 2.0]]); b = np.array([1.0, 1.0])
    >>> path, ok = newton_method(lambda x: A @ x - b, lambda x: A, np.zeros(2))
    >>> path, ok
    (array([[0. , 0. ],
           [0.2, 0.4]]), True)

    Rules
    -----
    NumPy only: solve the linear system (``np.linalg.solve``), do not call scipy.optimize.
    """
    # TODO: your code here
    raise NotImplementedError("newton_method")


def equality_constrained_qp(
    Q: np.ndarray, c: np.ndarray, A: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    r"""Solve an equality-constrained quadratic program with Lagrange multipliers.

    .. math:: \min_x\ \tfrac12 x^\top Q x + c^\top x \quad \text{subject to} \quad A x = b .

    Use the Lagrangian :math:`\mathcal L(x, \lambda) = \tfrac12 x^\top Q x + c^\top x +
    \lambda^\top (A x - b)` (this sign convention matters: the grader checks it). Setting its
    gradients with respect to :math:`x` and :math:`\lambda` to zero gives a linear system (the
    KKT system) in :math:`(x, \lambda)`; build it and solve it.

    Parameters
    ----------
    Q : np.ndarray, shape (n, n)
        Symmetric, positive definite on the null space of ``A``.
    c : np.ndarray, shape (n,)
    A : np.ndarray, shape (m, n)
        ``m <= n`` constraints with linearly independent rows.
    b : np.ndarray, shape (m,)

    Returns
    -------
    x : np.ndarray, shape (n,)
        The constrained minimiser.
    lam : np.ndarray, shape (m,)
        The Lagrange multipliers. With this convention :math:`-\lambda_i` is the rate at which the
        optimal value changes when :math:`b_i` grows (the "shadow price" of constraint ``i``).

    Examples
    --------
    Minimise x^2 + y^2 subject to x + y = 1 (Q = 2I, c = 0):

    >>> x, lam = equality_constrained_qp(2 * np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0]))
    >>> x, lam
    (array([0.5, 0.5]), array([-1.]))

    Rules
    -----
    NumPy only (``np.linalg.solve`` is fine); do not call scipy.optimize.
    """
    # TODO: your code here
    raise NotImplementedError("equality_constrained_qp")


def lasso_ista(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int = 1000) -> np.ndarray:
    r"""The Lasso by proximal gradient descent (ISTA): regularization as optimization.

    Minimise scikit-learn's Lasso objective (no intercept)

    .. math:: F(w) = \frac{1}{2n}\|y - Xw\|_2^2 + \alpha \|w\|_1 .

    The first term is smooth with gradient :math:`\frac1n X^\top (Xw - y)` and Lipschitz constant
    :math:`L = \sigma_{\max}(X)^2 / n`; the second is not differentiable at 0, so instead of a
    gradient step on it, apply its *proximal operator* (soft thresholding). Starting from
    :math:`w = 0`, repeat ``n_iter`` times

    .. math:: w \leftarrow S_{\alpha/L}\Big(w - \tfrac1L \nabla\big(\tfrac{1}{2n}\|y - Xw\|^2\big)\Big),
              \qquad S_\tau(z) = \operatorname{sign}(z) \max(|z| - \tau, 0).

    (You may use the accelerated variant FISTA instead; any method that reaches the minimum
    within ``n_iter`` iterations passes.)

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    alpha : float
        Regularization strength, ``>= 0``.
    n_iter : int
        Number of proximal-gradient iterations.

    Returns
    -------
    np.ndarray, shape (d,)
        The weights; coefficients the penalty switches off must be EXACTLY zero.

    Examples
    --------
    With orthonormal columns scaled so that X^T X / n = I, the Lasso is soft thresholding of
    X^T y / n:

    >>> X = np.sqrt(2) * np.eye(2); y = np.array([2.0, 0.2]) / np.sqrt(2)   # n = 2
    >>> lasso_ista(X, y, alpha=0.5)
    array([0.5, 0. ])

    Rules
    -----
    NumPy only: do not use scikit-learn's Lasso (``np.linalg.norm(X, 2)`` for the Lipschitz
    constant is fine).
    """
    # TODO: your code here
    raise NotImplementedError("lasso_ista")
