"""Module 00 - Python Fundamentals: exercises.

Fourteen exercises, from easy to hard. Replace each ``# TODO`` block with your code (delete the
``raise NotImplementedError`` line) and check your work with::

    uv run mlm check 00                       # grade every exercise
    uv run mlm check 00 --exercise batched    # grade one exercise
    uv run mlm hint 00 batched                # one more hint each time you ask

Rules that hold for every exercise:

* Keep the names and signatures exactly as they are: the grader calls them.
* Do not print from the functions and do not run code at the top level of this file (put any
  experiments under ``if __name__ == "__main__":`` at the bottom).
* Use the standard library, NumPy, pandas and matplotlib. Where an exercise's "Rules" forbid a
  library routine (e.g. scikit-learn's StandardScaler in ``standardize``), the grader makes that
  routine raise an error if you call it.
"""
from __future__ import annotations

import csv  # noqa: F401  (you will want these; they are imported for you)
import functools  # noqa: F401
import json  # noqa: F401
import logging
import math  # noqa: F401
import os
import re  # noqa: F401
import time  # noqa: F401
from collections import Counter  # noqa: F401
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

T = TypeVar("T")


# ---------------------------------------------------------------------------------------------
# 1. Strings, dictionaries and sorting                                               (easy)
# ---------------------------------------------------------------------------------------------
def word_frequencies(text: str, top_k: int | None = None) -> list[tuple[str, int]]:
    """Count how often each word occurs in ``text``.

    The text is lower-cased; a *word* is then a maximal run of the characters ``a-z`` and
    ``0-9``. Everything else (spaces, punctuation, apostrophes, newlines) separates words, so
    ``"Hello, world!"`` has the words ``hello`` and ``world``.

    Parameters
    ----------
    text : str
        Any text, possibly empty.
    top_k : int or None, default None
        Return only the ``top_k`` most frequent words; ``None`` returns all of them.

    Returns
    -------
    list of (str, int)
        ``(word, count)`` pairs, most frequent first; words with the same count are in
        alphabetical order. Length ``min(top_k, number of distinct words)``.

    Raises
    ------
    ValueError
        If ``top_k`` is negative.

    Examples
    --------
    >>> word_frequencies("The cat and the hat. THE END!", top_k=3)
    [('the', 3), ('and', 1), ('cat', 1)]

    Rules: standard library only (``re`` and ``collections.Counter`` are allowed and useful).
    """
    # TODO: your code here
    raise NotImplementedError("word_frequencies")


# ---------------------------------------------------------------------------------------------
# 2. A custom exception                                                                (easy)
# ---------------------------------------------------------------------------------------------
class RecordError(ValueError):
    """The error raised when one field of a record fails validation (used by exercise 3).

    It is a subclass of ``ValueError``, so ``except ValueError`` also catches it.

    Parameters
    ----------
    field : str
        The name of the offending field, e.g. ``"age"``.
    problem : str
        What is wrong, in words, e.g. ``"must be between 0 and 130"``.
    value : object, default None
        The offending value as it was received (``None`` when the field is missing).

    Attributes
    ----------
    field, problem, value
        The three arguments, stored unchanged.

    Notes
    -----
    ``str(err)`` must be exactly ``f"{field}: {problem} (got {value!r})"``.

    Examples
    --------
    >>> err = RecordError("age", "must be between 0 and 130", "-3")
    >>> str(err)
    "age: must be between 0 and 130 (got '-3')"
    >>> err.field, isinstance(err, ValueError)
    ('age', True)
    """

    def __init__(self, field: str, problem: str, value: object = None) -> None:
        # TODO: store the three attributes and give the base class the message
        raise NotImplementedError("RecordError")


# ---------------------------------------------------------------------------------------------
# 3. Validation with exceptions                                                      (easy)
# ---------------------------------------------------------------------------------------------
def parse_record(raw: dict[str, str]) -> dict[str, object]:
    """Validate one raw record (all values are strings, as read from a CSV file or a web form).

    Surrounding whitespace is ignored in every value. The fields are checked **in this order**,
    and the first problem found is raised as ``RecordError(field, problem, value)``, where
    ``value`` is the raw value as received (``None`` if the field is missing) and ``problem`` is
    your own short description:

    ========  ==========  ============================================================
    field     required    rule and conversion
    ========  ==========  ============================================================
    ``id``    yes         only the digits 0-9 (so no sign, point or exponent), and at
                          least 1 -> ``int``
    ``age``   yes         an integer (``int()`` must accept it) from 0 to 130
                          inclusive -> ``int``
    ``email`` yes         exactly one ``@`` with at least one character on each side
                          -> lower-cased ``str``
    ``score`` no          a finite number (``float()`` accepts it and it is not nan or
                          +-inf) -> ``float``; missing or blank -> ``None``
    ========  ==========  ============================================================

    A required field that is missing, or blank after stripping, is an error. After those four,
    any other key in ``raw`` is an error too (field = that key), checked in the order of
    ``raw``. The input dictionary must not be modified.

    Parameters
    ----------
    raw : dict of str to str

    Returns
    -------
    dict
        Exactly the keys ``"id"``, ``"age"``, ``"email"``, ``"score"`` with the converted values.

    Raises
    ------
    RecordError
        For the first invalid field (see exercise 2: do that one first).

    Examples
    --------
    >>> parse_record({"id": "7", "age": " 42 ", "email": "Ada@Example.org", "score": "0.93"})
    {'id': 7, 'age': 42, 'email': 'ada@example.org', 'score': 0.93}
    >>> parse_record({"id": "8", "age": "-3", "email": "b@example.org"})
    Traceback (most recent call last):
    RecordError: age: must be between 0 and 130 (got '-3')
    """
    # TODO: your code here
    raise NotImplementedError("parse_record")


# ---------------------------------------------------------------------------------------------
# 4. File I/O: CSV in, JSON Lines out                                               (medium)
# ---------------------------------------------------------------------------------------------
def csv_to_jsonl(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> int:
    """Convert a CSV file with a header row into a JSON Lines file.

    JSON Lines is one JSON object per line, the common format of ML datasets and logs. Each data
    row of ``src`` becomes one object whose keys are the header's column names, in header order.
    Every cell is converted:

    * the empty string -> ``None`` (JSON ``null``);
    * else, if ``int(cell)`` works -> that ``int``;
    * else, if ``float(cell)`` works and the result is finite -> that ``float``;
    * else the cell text unchanged (so ``"nan"``, ``"inf"`` and ``"Paris"`` stay strings).

    Parameters
    ----------
    src : str or path-like
        An existing UTF-8 CSV file. Fields may be quoted (``"Smith, J"`` is one field).
    dst : str or path-like
        The file to write (UTF-8), replaced if it exists. Each line is ``json.dumps(obj)``
        followed by ``"\\n"``; no other lines.

    Returns
    -------
    int
        The number of records written (0 for a file with only a header).

    Raises
    ------
    FileNotFoundError
        If ``src`` does not exist; in that case ``dst`` must not be created.

    Examples
    --------
    A file containing::

        name,age,city
        "Smith, J",41,Paris
        Lee,,Seoul

    gives 2 and writes::

        {"name": "Smith, J", "age": 41, "city": "Paris"}
        {"name": "Lee", "age": null, "city": "Seoul"}

    Rules: standard library (``csv``, ``json``); pandas is not needed.
    """
    # TODO: your code here
    raise NotImplementedError("csv_to_jsonl")


# ---------------------------------------------------------------------------------------------
# 5. Generators                                                                      (medium)
# ---------------------------------------------------------------------------------------------
def batched(iterable: Iterable[T], batch_size: int, drop_last: bool = False) -> Iterator[list[T]]:
    """Yield consecutive batches of ``batch_size`` items, the way a data loader does.

    Write it as a *generator* (a function that uses ``yield``): it must work on any iterable,
    including one-shot generators and infinite iterators, reading items only as batches are
    requested.

    Parameters
    ----------
    iterable : iterable of T
        The items. Do not call ``len()`` on it or slice it: it may not support either.
    batch_size : int
        Items per batch, at least 1; otherwise ``ValueError`` is raised (at the latest when the
        first batch is requested).
    drop_last : bool, default False
        If True, a final batch with fewer than ``batch_size`` items is not yielded.

    Yields
    ------
    list of T
        A new list of ``batch_size`` items (the last one may be shorter unless ``drop_last``).
        Never an empty list.

    Examples
    --------
    >>> list(batched(range(7), 3))
    [[0, 1, 2], [3, 4, 5], [6]]
    >>> list(batched(range(7), 3, drop_last=True))
    [[0, 1, 2], [3, 4, 5]]

    Rules: do not use ``itertools.batched`` (it exists from Python 3.12).
    """
    # TODO: your code here
    raise NotImplementedError("batched")


# ---------------------------------------------------------------------------------------------
# 6. A decorator                                                                     (medium)
# ---------------------------------------------------------------------------------------------
def timed(func: Callable[..., T]) -> Callable[..., T]:
    """Decorate ``func`` so that the duration of every call is recorded.

    The returned wrapper:

    * takes any positional and keyword arguments, calls ``func`` with them and returns its
      result unchanged;
    * measures each call with ``time.perf_counter()`` and appends the duration in seconds (a
      float) to ``wrapper.timings``, a list that starts empty and belongs to this wrapper alone;
    * records the duration even when ``func`` raises, and then lets the exception propagate;
    * keeps ``func``'s ``__name__`` and ``__doc__`` (use ``functools.wraps``).

    Parameters
    ----------
    func : callable

    Returns
    -------
    callable
        The wrapper, with a ``timings`` attribute (list of float, one entry per call).

    Examples
    --------
    >>> @timed
    ... def square(x):
    ...     return x * x
    >>> square(3), square(4)
    (9, 16)
    >>> len(square.timings), square.__name__
    (2, 'square')
    """
    # TODO: your code here
    raise NotImplementedError("timed")


# ---------------------------------------------------------------------------------------------
# 7. A context manager                                                               (medium)
# ---------------------------------------------------------------------------------------------
class Timer:
    """A context manager that measures how long its ``with`` block takes.

    Parameters
    ----------
    name : str, default "block"
        A label for the measurement.
    logger : logging.Logger or None, default None
        If given, each time a block finishes, log one INFO message that contains ``name`` and the
        elapsed seconds formatted with 3 decimals, e.g. ``"load data took 1.234 s"``.

    Attributes
    ----------
    name, logger
        The arguments.
    elapsed : float or None
        ``None`` until a block has finished; then the duration in seconds of the most recent
        block, measured with ``time.perf_counter()``.

    Notes
    -----
    * ``with Timer() as t:`` binds ``t`` to the Timer itself.
    * If the block raises, ``elapsed`` is still set and the exception is **not** swallowed.
    * The same Timer can be used for several blocks; each one overwrites ``elapsed``.

    Examples
    --------
    >>> with Timer("sleep") as t:
    ...     time.sleep(0.1)
    >>> round(t.elapsed, 1)
    0.1
    """

    def __init__(self, name: str = "block", logger: logging.Logger | None = None) -> None:
        # TODO: your code here
        raise NotImplementedError("Timer.__init__")

    def __enter__(self) -> Timer:
        # TODO: your code here
        raise NotImplementedError("Timer.__enter__")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> bool:
        # TODO: your code here
        raise NotImplementedError("Timer.__exit__")


# ---------------------------------------------------------------------------------------------
# 8. A decorator factory                                                             (medium)
# ---------------------------------------------------------------------------------------------
def retry(times: int = 3, *, exceptions: tuple[type[BaseException], ...] = (Exception,),
          delay: float = 0.0, backoff: float = 1.0,
          logger: logging.Logger | None = None) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Build a decorator that calls a flaky function again when it fails.

    ``@retry(times=3)`` makes **at most 3 calls in total**. The decorated function:

    * returns the first successful result;
    * on an exception that is an instance of one of ``exceptions``: if attempts remain, logs one
      WARNING on ``logger`` (when a logger is given), calls ``time.sleep(wait)`` and tries again;
      ``wait`` starts at ``delay`` and is multiplied by ``backoff`` after every sleep
      (exponential backoff: 0.1, 0.2, 0.4, ... for ``delay=0.1, backoff=2``);
    * when the last attempt fails, re-raises that exception itself (not a new one), with no
      sleep and no warning after it;
    * lets any other exception propagate at once, without retrying;
    * keeps the wrapped function's ``__name__`` and ``__doc__``.

    Parameters
    ----------
    times : int, default 3
        Total number of attempts, at least 1. ``ValueError`` is raised immediately by
        ``retry(times=0)``, before any function is decorated.
    exceptions : tuple of exception types, default (Exception,)
        The exceptions worth retrying (e.g. ``(ConnectionError, TimeoutError)``).
    delay : float, default 0.0
        Seconds to wait before the second attempt.
    backoff : float, default 1.0
        Factor applied to the wait after each retry.
    logger : logging.Logger or None, default None

    Returns
    -------
    callable
        A decorator: give it a function, get back the retrying wrapper.

    Examples
    --------
    >>> calls = []
    >>> @retry(times=3, exceptions=(ConnectionError,))
    ... def fetch():
    ...     calls.append(1)
    ...     if len(calls) < 3:
    ...         raise ConnectionError("server busy")
    ...     return "ok"
    >>> fetch(), len(calls)
    ('ok', 3)
    """
    # TODO: your code here
    raise NotImplementedError("retry")


# ---------------------------------------------------------------------------------------------
# 9. NumPy broadcasting: standardisation without leakage                             (medium)
# ---------------------------------------------------------------------------------------------
def standardize(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Z-score every feature (column), using statistics of the training set only.

    For each column ``j``, with ``mu_j`` and ``sigma_j`` the mean and the *population* standard
    deviation (divide by n, NumPy's default ``ddof=0``) of ``train[:, j]``::

        z = (x - mu_j) / sigma_j

    is applied to both ``train`` and ``test``. The test set must not influence the
    statistics (that would leak information from the data you evaluate on). A constant training
    column (``sigma_j == 0``) is divided by 1 instead, so it becomes all zeros rather than NaN.

    Parameters
    ----------
    train : ndarray of shape (n_train, d)
        At least one row. Integer arrays are allowed.
    test : ndarray of shape (n_test, d)
        May have zero rows.

    Returns
    -------
    train_z : ndarray of shape (n_train, d), dtype float64
    test_z : ndarray of shape (n_test, d), dtype float64
        New arrays; the inputs are not modified.

    Raises
    ------
    ValueError
        If ``train`` has no rows, or the two arrays have different numbers of columns.

    Examples
    --------
    >>> train_z, test_z = standardize(np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[5.0, 6.0]]))
    >>> train_z
    array([[-1.,  0.],
           [ 1.,  0.]])
    >>> test_z
    array([[3., 1.]])

    Rules: NumPy only, no Python loop over rows or columns (use broadcasting); do not use
    scikit-learn's StandardScaler.
    """
    # TODO: your code here
    raise NotImplementedError("standardize")


# ---------------------------------------------------------------------------------------------
# 10. Vectorisation: pairwise distances                                               (hard)
# ---------------------------------------------------------------------------------------------
def pairwise_distances(X: np.ndarray, Y: np.ndarray | None = None) -> np.ndarray:
    """Euclidean distance between every row of ``X`` and every row of ``Y``, without loops.

    ``D[i, j] = sqrt(sum_k (X[i, k] - Y[j, k]) ** 2)``. This is the core of k-nearest
    neighbours, k-means and kernel methods, and is called millions of times, so it must be
    vectorised.

    Parameters
    ----------
    X : ndarray of shape (n, d)
    Y : ndarray of shape (m, d) or None, default None
        ``None`` means ``Y = X`` (distances within one set).

    Returns
    -------
    D : ndarray of shape (n, m), dtype float64
        Non-negative everywhere (never NaN for finite input). With ``Y=None`` it is symmetric
        with a zero diagonal, up to rounding (within 1e-6).

    Raises
    ------
    ValueError
        If ``X`` and ``Y`` have different numbers of columns.

    Examples
    --------
    >>> pairwise_distances(np.array([[0.0, 0.0], [3.0, 4.0]]))
    array([[0., 5.],
           [5., 0.]])

    Rules: NumPy only, no Python loops (``for``/``while``/comprehensions) over points. Do not
    call ``scipy.spatial.distance.cdist`` or scikit-learn's ``pairwise_distances`` /
    ``euclidean_distances``. The grader times your function on 1000 x 1000 points.
    """
    # TODO: your code here
    raise NotImplementedError("pairwise_distances")


# ---------------------------------------------------------------------------------------------
# 11. Plotting                                                                       (medium)
# ---------------------------------------------------------------------------------------------
def plot_training_curves(train_loss: Sequence[float], val_loss: Sequence[float],
                         title: str = "Training curves") -> Figure:
    """Draw training and validation loss per epoch, and mark the best epoch.

    The figure must have exactly one Axes containing:

    * a line labelled ``"train"`` with x = epochs ``1, 2, ..., n`` and y = ``train_loss``;
    * a line labelled ``"validation"`` with the same x and y = ``val_loss``;
    * a vertical line (``ax.axvline``) at the best epoch ``k`` (1-based epoch of the lowest
      validation loss; the earliest one on ties), labelled ``f"best epoch ({k})"``;
    * x label ``"epoch"``, y label ``"loss"``, title ``title`` and a legend.

    Parameters
    ----------
    train_loss, val_loss : sequence of float, both of length n >= 1

    Returns
    -------
    matplotlib.figure.Figure
        The figure (do not call ``plt.show()``; the caller decides to show or save it). Create
        it with ``fig, ax = plt.subplots()`` (after ``import matplotlib.pyplot as plt``) or,
        better for library code, ``fig = Figure(); ax = fig.add_subplot()``.

    Raises
    ------
    ValueError
        If the two sequences have different lengths, or are empty.

    Examples
    --------
    >>> fig = plot_training_curves([1.0, 0.6, 0.5], [1.1, 0.7, 0.8])
    >>> ax = fig.axes[0]
    >>> [line.get_label() for line in ax.get_lines()]
    ['train', 'validation', 'best epoch (2)']
    >>> fig.savefig("curves.png")  # doctest: +SKIP
    """
    # TODO: your code here
    raise NotImplementedError("plot_training_curves")


# ---------------------------------------------------------------------------------------------
# 12. pandas: merge                                                                  (medium)
# ---------------------------------------------------------------------------------------------
def join_user_features(events: pd.DataFrame, users: pd.DataFrame) -> pd.DataFrame:
    """Attach each user's attributes to every event of that user (a left join).

    Parameters
    ----------
    events : DataFrame of shape (n_events, p)
        Has a ``"user_id"`` column plus any others. A user can have many events; some events
        may belong to users missing from ``users``.
    users : DataFrame of shape (n_users, q)
        Has a ``"user_id"`` column plus attribute columns (none of them named like a column of
        ``events``).

    Returns
    -------
    DataFrame of shape (n_events, p + q)
        Exactly one row per event, in the order of ``events``, with a fresh index ``0..n-1``.
        Columns: the columns of ``events``, then the attribute columns of ``users`` (NaN for an
        unknown user), then a boolean column ``"known_user"`` (True when the user was found).
        The inputs are not modified.

    Raises
    ------
    ValueError
        If a ``user_id`` appears more than once in ``users`` (a join would then duplicate
        events silently).

    Examples
    --------
    >>> events = pd.DataFrame({"user_id": [1, 2, 9], "amount": [10.0, 5.5, 3.0]})
    >>> users = pd.DataFrame({"user_id": [1, 2], "plan": ["pro", "free"]})
    >>> join_user_features(events, users)
       user_id  amount  plan  known_user
    0        1    10.0   pro        True
    1        2     5.5  free        True
    2        9     3.0   NaN       False
    """
    # TODO: your code here
    raise NotImplementedError("join_user_features")


# ---------------------------------------------------------------------------------------------
# 13. pandas: cleaning and groupby                                                     (hard)
# ---------------------------------------------------------------------------------------------
def clean_request_log(log: pd.DataFrame) -> pd.DataFrame:
    """Clean a raw web-service request log and summarise it per service.

    ``log`` has (at least) the columns ``request_id``, ``service``, ``latency_ms``, ``status``,
    straight from a log shipper: values may be strings, missing, or junk. Do, in this order:

    1. drop rows whose ``request_id`` already appeared above (keep the first occurrence);
    2. normalise ``service``: strip surrounding whitespace and lower-case it; drop rows where
       it is missing or empty;
    3. convert ``latency_ms`` to numbers (unparseable values such as ``"n/a"`` or ``""`` become
       missing); drop rows where it is missing or negative;
    4. convert ``status`` to numbers the same way; drop rows where it is missing;
    5. group by service and compute, per service, these columns in this order:

       * ``requests``: the number of rows (int64);
       * ``mean_latency_ms``: the mean latency (float64);
       * ``p95_latency_ms``: the 95th percentile of latency as ``Series.quantile(0.95)``
         computes it (linear interpolation; float64);
       * ``error_rate``: the fraction of rows with ``status >= 500`` (float64).

    Parameters
    ----------
    log : DataFrame of shape (n_rows, >= 4)
        Not modified.

    Returns
    -------
    DataFrame of shape (n_services, 4)
        Index: the normalised service names, named ``"service"``, sorted alphabetically.
        Columns in the order above. Zero rows (but the same columns) if nothing survives.

    Examples
    --------
    >>> log = pd.DataFrame({
    ...     "request_id": [1, 2, 2, 3, 4, 5],
    ...     "service": [" API", "api", "api", "Search ", None, "search"],
    ...     "latency_ms": ["120", "80", "80", "n/a", "50", "30.5"],
    ...     "status": [200, 503, 503, 200, 200, "500"],
    ... })
    >>> clean_request_log(log)
             requests  mean_latency_ms  p95_latency_ms  error_rate
    service
    api             2            100.0           118.0         0.5
    search          1             30.5            30.5         1.0

    Rules: pandas, no Python loop over rows (``iterrows``/``apply`` along rows).
    """
    # TODO: your code here
    raise NotImplementedError("clean_request_log")


# ---------------------------------------------------------------------------------------------
# 14. A small data-processing pipeline class                                           (hard)
# ---------------------------------------------------------------------------------------------
class DataPipeline:
    """An ordered sequence of named processing steps, run one after the other.

    Each step is a function of one argument; ``run(data)`` feeds ``data`` to the first step,
    its result to the second, and so on, and returns the last result.

    Parameters
    ----------
    name : str, default "pipeline"

    Attributes
    ----------
    name : str
    timings : dict of str to float
        After ``run``: step name -> seconds that step took (``time.perf_counter()``), in step
        order, for the most recent run only. Empty before the first run. After a failed run it
        holds the steps that ran, the failing one included.

    Methods
    -------
    add_step(name, func)
        Append a step and return the pipeline itself, so calls can be chained:
        ``DataPipeline().add_step("a", f).add_step("b", g)``. Raises ``TypeError`` if ``func``
        is not callable and ``ValueError`` if a step called ``name`` already exists.
    steps
        A property: the list of step names, in order (a new list; changing it must not
        change the pipeline).
    run(data)
        Apply the steps in order and return the result; with no steps, return ``data``. If a
        step raises an ``Exception``, raise ``RuntimeError`` whose message contains the step's
        name, chained to the original exception (``raise ... from err``), so that
        ``err.__cause__`` is the original.
    __call__(data)
        Same as ``run(data)``.
    __len__()
        The number of steps.

    Examples
    --------
    >>> pipe = (DataPipeline("demo")
    ...         .add_step("drop_negatives", lambda xs: [x for x in xs if x >= 0])
    ...         .add_step("square", lambda xs: [x * x for x in xs])
    ...         .add_step("total", sum))
    >>> pipe.run([3, -1, 2]), len(pipe), pipe.steps
    (13, 3, ['drop_negatives', 'square', 'total'])
    >>> list(pipe.timings)
    ['drop_negatives', 'square', 'total']
    """

    def __init__(self, name: str = "pipeline") -> None:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.__init__")

    def add_step(self, name: str, func: Callable[[Any], Any]) -> DataPipeline:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.add_step")

    @property
    def steps(self) -> list[str]:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.steps")

    def run(self, data: Any) -> Any:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.run")

    def __call__(self, data: Any) -> Any:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.__call__")

    def __len__(self) -> int:
        # TODO: your code here
        raise NotImplementedError("DataPipeline.__len__")


if __name__ == "__main__":
    # Try your functions here, e.g.:
    # print(word_frequencies("the cat and the hat"))
    pass
