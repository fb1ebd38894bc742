"""Checks for hidden-suite authors: each failure explains itself in the learner's terms.

A learner never sees the suite's source, only the message of the failing check, so every check
says *what was being checked*, *what was expected* and *what came back*, without printing the
reference answer's code. Use these instead of bare ``assert`` (the grader runs pytest with
``--assert=plain``, so a bare assert would only say "AssertionError").

Example::

    @pytest.mark.exercise("pairwise_distances")
    def test_matches_the_docstring_example(learner):
        got = learner.pairwise_distances(np.array([[0.0, 0.0], [3.0, 4.0]]))
        expect_close(got, [[0.0, 5.0], [5.0, 0.0]], "pairwise_distances of the docstring example")
"""
from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from typing import Any

_MAX_REPR = 160


class Mismatch(AssertionError):
    """The learner's result is wrong. ``str()`` is the message the learner reads."""


class ForbiddenCall(Mismatch):
    """The learner called a library routine the exercise asks them to write themselves."""


def show(value: Any, limit: int = _MAX_REPR) -> str:
    """A short, single-line description of ``value`` for a failure message."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is a project dependency
        np = None
    if np is not None and isinstance(value, np.ndarray):
        body = np.array2string(value, precision=4, threshold=12, edgeitems=2, separator=", ")
        text = f"array of shape {value.shape}, dtype {value.dtype}: {body}"
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def expect(condition: object, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is true."""
    if not condition:
        raise Mismatch(message)


def expect_equal(got: Any, expected: Any, what: str) -> None:
    """``got == expected`` exactly (use ``expect_close`` for floats and arrays)."""
    try:
        same = bool(got == expected)
    except Exception:  # e.g. an array compared with a list: ambiguous truth value
        same = False
    if not same:
        raise Mismatch(f"{what}: expected {show(expected)}, got {show(got)}")


def expect_type(got: Any, types: type | tuple[type, ...], what: str) -> None:
    """``got`` is an instance of ``types``."""
    if not isinstance(got, types):
        names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise Mismatch(f"{what}: expected a {names}, got {type(got).__name__} ({show(got, 80)})")


def expect_shape(got: Any, shape: tuple[int, ...], what: str) -> None:
    """``got`` is an array (anything with ``.shape``) of exactly ``shape``."""
    actual = getattr(got, "shape", None)
    if actual is None:
        raise Mismatch(f"{what}: expected an array of shape {shape}, got {type(got).__name__} ({show(got, 80)})")
    if tuple(actual) != tuple(shape):
        raise Mismatch(f"{what}: expected shape {tuple(shape)}, got shape {tuple(actual)}")


def expect_close(got: Any, expected: Any, what: str, *, rtol: float = 1e-6, atol: float = 1e-8) -> None:
    """Numbers or arrays equal within ``|got - expected| <= atol + rtol * |expected|``.

    Checks, in order: that ``got`` is numeric, its shape, NaN positions, then the values; the
    message names the first element that differs and by how much.
    """
    import numpy as np

    want = np.asarray(expected, dtype=float)
    if got is None:
        raise Mismatch(f"{what}: got None; did you forget to return the result?")
    try:
        have = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Mismatch(f"{what}: expected numbers, got {type(got).__name__} ({show(got, 80)})") from None
    if have.shape != want.shape:
        kind = "a number" if want.ndim == 0 else f"shape {want.shape}"
        raise Mismatch(f"{what}: expected {kind}, got shape {have.shape} ({show(got, 80)})")
    nan_have, nan_want = np.isnan(have), np.isnan(want)
    if (nan_have != nan_want).any():
        index = tuple(int(i) for i in np.argwhere(nan_have != nan_want)[0])
        where = f" at index {index}" if have.ndim else ""
        raise Mismatch(f"{what}: NaN where a number was expected (or the reverse){where}")
    ok = np.isclose(have, want, rtol=rtol, atol=atol) | (nan_have & nan_want)
    if not ok.all():
        if have.ndim == 0:
            raise Mismatch(f"{what}: expected {float(want):.6g}, got {float(have):.6g}")
        index = tuple(int(i) for i in np.argwhere(~ok)[0])
        bad = int((~ok).sum())
        raise Mismatch(
            f"{what}: {bad} of {have.size} values differ; first at index {index}: "
            f"expected {want[index]:.6g}, got {have[index]:.6g}"
        )


def expect_raises(exc_type: type[BaseException] | tuple[type[BaseException], ...],
                  call: Callable[[], Any], what: str) -> BaseException:
    """``call()`` raises ``exc_type``; returns the exception for further checks."""
    names = " or ".join(t.__name__ for t in (exc_type if isinstance(exc_type, tuple) else (exc_type,)))
    try:
        result = call()
    except exc_type as err:
        return err
    except NotImplementedError:
        raise  # still a TODO: the grader reports "not started"
    except Exception as err:  # noqa: BLE001 - we report what came instead
        raise Mismatch(f"{what}: expected {names}, got {type(err).__name__}: {err}") from None
    raise Mismatch(f"{what}: expected {names} to be raised, but it returned {show(result, 80)}")


def approx_equal(a: float, b: float, rel: float = 1e-9, abs_: float = 0.0) -> bool:
    """Plain-Python closeness for suites that avoid NumPy."""
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


class _Blocked:
    """Stands in for a forbidden library object: calling it or using any attribute fails."""

    def __init__(self, message: str) -> None:
        self._message = message

    def __getattr__(self, attr: str) -> Any:
        raise ForbiddenCall(self._message)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise ForbiddenCall(self._message)


@contextlib.contextmanager
def replace_library(learner: Any, targets: tuple[str, ...],
                    replacement: Callable[[str, Any], Any]) -> Iterator[None]:
    """Replace library objects while the block runs: on their module, and under any name the
    learner's module bound them to (``from numpy.linalg import svd``). ``replacement(dotted,
    original)`` builds each stand-in. The originals are always restored."""
    import importlib

    patches: list[tuple[object, str, object]] = []
    namespace = getattr(learner, "namespace", learner)
    try:
        for dotted in targets:
            module_name, _, attr = dotted.rpartition(".")
            owner = importlib.import_module(module_name)
            original = getattr(owner, attr)
            stand_in = replacement(dotted, original)
            patches.append((owner, attr, original))
            setattr(owner, attr, stand_in)
            for key, value in list(vars(namespace).items()):
                if value is original:
                    patches.append((namespace, key, original))
                    setattr(namespace, key, stand_in)
        yield
    finally:
        for owner, attr, original in reversed(patches):
            setattr(owner, attr, original)


def forbid(learner: Any, *targets: str, reason: str = "write it yourself") -> contextlib.AbstractContextManager:
    """Make library routines (or whole objects) raise ``ForbiddenCall`` while the block runs.

    ``targets`` are dotted names: a function (``"numpy.linalg.svd"``) or an object whose every
    use is forbidden (``"scipy.stats.norm"``)::

        with forbid(learner, "numpy.linalg.svd", "numpy.linalg.eig", reason="use power iteration"):
            value, vector = learner.power_iteration(A)
    """
    return replace_library(learner, targets,
                           lambda dotted, _original: _Blocked(f"this exercise asks you to {reason}: do not use {dotted}"))


@contextlib.contextmanager
def count_calls(learner: Any, *targets: str) -> Iterator[dict[str, int]]:
    """Count the calls of library functions while the block runs (``counter["calls"]``): e.g.
    to check that an exercise fits once rather than n times."""
    counter = {"calls": 0}

    def counting(_dotted: str, original: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            counter["calls"] += 1
            return original(*args, **kwargs)

        return wrapped

    with replace_library(learner, targets, counting):
        yield counter
