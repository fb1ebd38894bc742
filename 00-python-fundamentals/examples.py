"""Module 00 - Python Fundamentals: runnable, commented demonstrations.

Run from the repository root::

    uv run 00-python-fundamentals/examples.py            # every section, about 10 s
    uv run 00-python-fundamentals/examples.py --figures  # also regenerate figures/*.png for theory.md

or from inside the folder with ``python examples.py``. Every section prints a labelled header;
read the code of a section next to its output. Random data is seeded, so everything except the
measured timings is identical on every run. Plots made during a normal run go to ``output/``
(git-ignored); the figures used by ``theory.md`` go to ``figures/``.

Sections
--------
 1. Core Python: types, mutability, control flow, functions
 2. Data structures: list, tuple, dict, set, and what each operation costs
 3. Object-oriented programming: classes, inheritance, polymorphism, dataclasses
 4. Exceptions and file I/O: CSV, JSON, pathlib
 5. Decorators, generators and context managers
 6. Logging and testable code
 7. NumPy: arrays, dtypes, views, broadcasting, vectorisation
 8. pandas: Series, DataFrame, cleaning, groupby, merge
 9. matplotlib: the object-oriented API
10. Big-O in practice: list vs set, sorting and binary search
11. Profiling: timeit and cProfile, loop vs vectorised
"""
from __future__ import annotations

import argparse
import bisect
import contextlib
import cProfile
import csv
import functools
import io
import json
import logging
import math
import pstats
import sys
import time
import timeit
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # render to files; no window and no display needed (CI, SSH, containers)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import FancyArrowPatch, Rectangle  # noqa: E402

HERE = Path(__file__).resolve().parent  # works from the repo root and from inside the folder
OUTPUT = HERE / "output"
FIGURES = HERE / "figures"
SEED = 0


def section(number: int, title: str) -> None:
    """Print a clearly visible section header."""
    print(f"\n{'=' * 78}\n{number:2d}. {title}\n{'=' * 78}")


def best_time(func, repeat: int = 5, number: int = 1) -> float:
    """The fastest of ``repeat`` runs of ``func`` (seconds per call).

    The minimum, not the mean, is the right summary for micro-benchmarks: noise (other
    processes, the garbage collector) only ever makes a run slower.
    """
    return min(timeit.repeat(func, repeat=repeat, number=number)) / number


# =============================================================================================
# 1. Core Python
# =============================================================================================
def demo_core_python() -> None:
    section(1, "Core Python: types, mutability, control flow, functions")

    # Every value has a type; variables are names bound to values, not boxes holding them.
    values = [42, 3.14, 1 + 2j, "text", b"bytes", True, None, (1, 2), [1, 2], {"a": 1}, {1, 2}]
    print("types:", ", ".join(type(v).__name__ for v in values))

    # Integers are arbitrary precision; floats are IEEE-754 doubles with ~16 significant digits.
    print("2**100 =", 2**100)
    print("0.1 + 0.2 == 0.3 ?", 0.1 + 0.2 == 0.3, "-> compare floats with math.isclose:",
          math.isclose(0.1 + 0.2, 0.3))
    print("7 // 2 =", 7 // 2, " -7 // 2 =", -7 // 2, " (floor division rounds toward -inf)")
    print("7 % 3 =", 7 % 3, " -7 % 3 =", -7 % 3, " (the sign follows the divisor)")

    # Aliasing: two names, one list. Mutating through one name is visible through the other.
    a = [1, 2, 3]
    b = a
    b.append(4)
    print("aliasing: a =", a, "after b.append(4); a is b:", a is b)
    c = a.copy()  # a shallow copy: a new list holding the same elements
    c.append(5)
    print("copy:     a =", a, " c =", c)

    # Control flow: for/else runs the else only when the loop did not break.
    for n in range(2, 30):
        if n % 7 == 0:
            print("first multiple of 7 in [2, 30):", n)
            break
    else:
        print("no multiple of 7 found")

    # Comprehensions build containers in one expression; a generator expression builds nothing.
    squares = [n * n for n in range(6)]
    evens = {n for n in range(10) if n % 2 == 0}
    lengths = {word: len(word) for word in ["loss", "gradient", "epoch"]}
    total = sum(n * n for n in range(1_000))  # no intermediate list
    print("comprehensions:", squares, sorted(evens), lengths, total)

    # Functions: defaults, keyword-only arguments, *args and **kwargs.
    def describe(name: str, *scores: float, unit: str = "pts", **meta: str) -> str:
        mean = sum(scores) / len(scores) if scores else float("nan")
        return f"{name}: mean {mean:.2f} {unit} {meta}"

    print(describe("ada", 90, 85.5, unit="%", cohort="2024"))

    # The mutable default pitfall: the default list is created ONCE, when `def` runs.
    def append_bad(item, bucket=[]):  # noqa: B006 - the bug is the point
        bucket.append(item)
        return bucket

    def append_good(item, bucket=None):
        bucket = [] if bucket is None else bucket
        bucket.append(item)
        return bucket

    print("mutable default:", append_bad(1), append_bad(2), "  vs None default:", append_good(1),
          append_good(2))

    # Closures capture variables, not values; functions are objects you can pass around.
    def make_scaler(factor: float):
        def scale(x: float) -> float:
            return factor * x
        return scale

    double = make_scaler(2.0)
    print("closure:", double(21.0), "| sorted by key function:",
          sorted(["bb", "a", "ccc"], key=len), "| map:", list(map(double, [1, 2])))


# =============================================================================================
# 2. Data structures
# =============================================================================================
def demo_data_structures() -> None:
    section(2, "Data structures: list, tuple, dict, set, and what each operation costs")

    # A list is a dynamic array: O(1) index and append (amortised), O(n) insert at the front.
    # A deque is a doubly-ended queue: O(1) at both ends, the right tool for a FIFO buffer.
    n = 20_000
    t_list = best_time(lambda: [lst.insert(0, i) for lst in [[]] for i in range(n)], repeat=3)
    t_deque = best_time(lambda: [dq.appendleft(i) for dq in [deque()] for i in range(n)], repeat=3)
    print(f"{n} inserts at the front: list {t_list * 1e3:.1f} ms, deque {t_deque * 1e3:.1f} ms")

    # Tuples are immutable, hence hashable: they can be dict keys and set members.
    grid = {(0, 0): "start", (2, 3): "goal"}
    print("tuple keys:", grid[(2, 3)])

    # dict: a hash table. Insertion-ordered since Python 3.7; O(1) average get/set/contains.
    inventory = {"gpu": 2, "cpu": 16}
    inventory["ram_gb"] = 128
    print("dict:", inventory, "| get with default:", inventory.get("tpu", 0))

    # Counter and defaultdict are dicts with conveniences.
    words = "to be or not to be that is the question".split()
    counts = Counter(words)
    by_length: defaultdict[int, list[str]] = defaultdict(list)
    for w in words:
        by_length[len(w)].append(w)
    print("Counter.most_common(2):", counts.most_common(2))
    print("defaultdict(list):", dict(by_length))

    # set: a hash table of keys only. Membership is O(1) on average, O(n) for a list.
    seen = set(words)
    print("set ops: unique words", len(seen), "| {'be','is'} & seen =", {"be", "is"} & seen)
    big_list = list(range(100_000))
    big_set = set(big_list)
    t_in_list = best_time(lambda: 99_999 in big_list, repeat=3, number=20)
    t_in_set = best_time(lambda: 99_999 in big_set, repeat=3, number=20)
    print(f"membership in 100k items: list {t_in_list * 1e6:.0f} us, set {t_in_set * 1e6:.2f} us "
          f"(~{t_in_list / t_in_set:.0f}x)")


# =============================================================================================
# 3. Object-oriented programming
# =============================================================================================
class Scaler:
    """Base class with the fit/transform interface scikit-learn made standard."""

    def fit(self, X: np.ndarray) -> Scaler:
        raise NotImplementedError  # subclasses must override

    def transform(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        # Written once in the base class, works for every subclass: inheritance at work.
        return self.fit(X).transform(X)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class StandardScaler(Scaler):
    def fit(self, X: np.ndarray) -> StandardScaler:
        self.mean_ = X.mean(axis=0)
        std = X.std(axis=0)
        self.scale_ = np.where(std == 0, 1.0, std)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (X - self.mean_) / self.scale_


class MinMaxScaler(Scaler):
    def fit(self, X: np.ndarray) -> MinMaxScaler:
        self.min_ = X.min(axis=0)
        span = X.max(axis=0) - self.min_
        self.span_ = np.where(span == 0, 1.0, span)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        return (X - self.min_) / self.span_


@dataclass
class Experiment:
    """A dataclass writes __init__, __repr__ and __eq__ for you from the annotated fields."""

    name: str
    learning_rate: float = 1e-3
    tags: list[str] = field(default_factory=list)  # never a bare mutable default

    @property
    def slug(self) -> str:  # computed on access, looks like an attribute
        return f"{self.name}-lr{self.learning_rate:g}"


def demo_oop() -> None:
    section(3, "Object-oriented programming: classes, inheritance, polymorphism, dataclasses")
    X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 60.0]])
    # Polymorphism: the loop does not care which scaler it holds, only that it has fit_transform.
    for scaler in (StandardScaler(), MinMaxScaler()):
        print(f"{scaler!r:>16} ->", np.round(scaler.fit_transform(X), 3).tolist())
    exp = Experiment("baseline", tags=["cpu"])
    print("dataclass:", exp, "| slug:", exp.slug, "| equal to a copy:", exp == Experiment("baseline", tags=["cpu"]))
    print("isinstance(StandardScaler(), Scaler):", isinstance(StandardScaler(), Scaler),
          "| MRO:", [c.__name__ for c in StandardScaler.__mro__])


# =============================================================================================
# 4. Exceptions and file I/O
# =============================================================================================
class ConfigError(ValueError):
    """Raised for an invalid configuration value; a ValueError, so generic handlers still work."""


def load_config(path: Path) -> dict:
    """Read a JSON config and validate it: the EAFP style ("easier to ask forgiveness")."""
    try:
        with path.open(encoding="utf-8") as f:  # `with` closes the file even if json.load raises
            config = json.load(f)
    except FileNotFoundError:
        return {"learning_rate": 1e-3, "epochs": 10}  # a documented default, not a silent pass
    except json.JSONDecodeError as err:
        raise ConfigError(f"{path.name} is not valid JSON: {err}") from err  # keep the cause
    if not 0 < config.get("learning_rate", 1e-3) < 1:
        raise ConfigError(f"learning_rate must be in (0, 1), got {config['learning_rate']}")
    return config


def demo_exceptions_and_files() -> None:
    section(4, "Exceptions and file I/O: CSV, JSON, pathlib")
    OUTPUT.mkdir(exist_ok=True)

    # Write and read a CSV with the csv module (it handles quoting: "Smith, J" is one field).
    rows = [{"name": "Smith, J", "score": 91.5}, {"name": "Lee", "score": 78.0}]
    csv_path = OUTPUT / "scores.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["name", "score"])
        writer.writeheader()
        writer.writerows(rows)
    with csv_path.open(newline="", encoding="utf-8") as f:
        back = list(csv.DictReader(f))
    print("CSV round trip (note: every value comes back as a string):", back)

    # JSON keeps numbers, booleans and null; it has no NaN, dates or tuples.
    json_path = OUTPUT / "config.json"
    json_path.write_text(json.dumps({"learning_rate": 0.01, "epochs": 5}, indent=2), encoding="utf-8")
    print("load_config(valid):  ", load_config(json_path))
    print("load_config(missing):", load_config(OUTPUT / "nope.json"))
    json_path.write_text('{"learning_rate": 5}', encoding="utf-8")
    try:
        load_config(json_path)
    except ValueError as err:  # catches ConfigError too: it is a subclass
        print(f"load_config(invalid): {type(err).__name__}: {err}")

    # try / except / else / finally: else runs only without an exception, finally always.
    for text in ["42", "forty-two"]:
        try:
            number = int(text)
        except ValueError:
            print(f"  int({text!r}) failed")
        else:
            print(f"  int({text!r}) = {number}")
        finally:
            print(f"  finished parsing {text!r}")
    print("files written under", OUTPUT)


# =============================================================================================
# 5. Decorators, generators and context managers
# =============================================================================================
def count_calls(func):
    """A decorator: takes a function, returns a wrapper that adds behaviour around it."""

    @functools.wraps(func)  # copy __name__, __doc__ ... so the wrapper looks like func
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@count_calls
def fib(n: int) -> int:
    """Naive recursive Fibonacci: exponential time, a classic for memoisation."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=None)
def fib_cached(n: int) -> int:
    return n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)


def read_batches(n_rows: int, batch_size: int) -> Iterator[np.ndarray]:
    """A generator: produces one batch at a time, so memory stays O(batch_size), not O(n_rows)."""
    rng = np.random.default_rng(SEED)
    for start in range(0, n_rows, batch_size):
        yield rng.normal(size=(min(batch_size, n_rows - start), 4))


@contextlib.contextmanager
def timer(label: str) -> Iterator[None]:
    """A context manager from a generator: code before `yield` is __enter__, after is __exit__."""
    start = time.perf_counter()
    try:
        yield
    finally:  # runs even if the block raises
        print(f"  [{label}] {time.perf_counter() - start:.4f} s")


def demo_decorators_generators_context() -> None:
    section(5, "Decorators, generators and context managers")
    print("fib(20) =", fib(20), "took", fib.calls, "calls")  # 21891 calls for n=20
    print("fib_cached(90) =", fib_cached(90), "|", fib_cached.cache_info())

    # A generator pipeline: nothing is computed until the consumer asks for it.
    batches = read_batches(n_rows=10_000, batch_size=4096)
    print("a generator object:", type(batches).__name__, "| sizes:", [len(b) for b in batches])
    squares = (x * x for x in range(10**12))  # 10**12 items, costs nothing until iterated
    print("first three of a lazy 10**12-item generator:", [next(squares) for _ in range(3)])
    lst, gen = [x for x in range(100_000)], (x for x in range(100_000))
    print(f"sys.getsizeof: list of 100k ints {sys.getsizeof(lst):,} bytes, generator {sys.getsizeof(gen)} bytes")

    # Context managers guarantee clean-up: files, locks, timers, torch.no_grad(), ...
    with timer("sum of 10**6 squares"):
        sum(i * i for i in range(1_000_000))
    with contextlib.suppress(ZeroDivisionError):  # a stdlib context manager that swallows one error
        1 / 0
    print("  contextlib.suppress swallowed the ZeroDivisionError")


# =============================================================================================
# 6. Logging and testable code
# =============================================================================================
def normalise_scores(scores: list[float], logger: logging.Logger | None = None) -> list[float]:
    """Pure function + injected logger = trivial to test: no globals, no prints, no I/O."""
    log = logger or logging.getLogger(__name__)
    if not scores:
        log.warning("normalise_scores called with no scores")
        return []
    top = max(scores)
    log.debug("max score %s", top)  # lazy %-formatting: free when DEBUG is off
    return [s / top for s in scores]


def demo_logging() -> None:
    section(6, "Logging and testable code")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-7s %(name)s: %(message)s"))
    logger = logging.getLogger("mlm.examples")
    logger.addHandler(handler)
    logger.propagate = False  # keep these demo messages out of the root logger

    logger.setLevel(logging.INFO)
    logger.debug("hidden: below the INFO threshold")
    logger.info("training started, %d samples", 1000)
    normalise_scores([], logger)
    logger.setLevel(logging.DEBUG)
    normalise_scores([2.0, 4.0], logger)
    print("captured log output:")
    print("".join("  " + line + "\n" for line in stream.getvalue().splitlines()), end="")
    logger.removeHandler(handler)

    # A test is then just a few lines (this is how the hidden suite checks your exercises):
    assert normalise_scores([1.0, 2.0, 4.0]) == [0.25, 0.5, 1.0]
    print("assert normalise_scores([1, 2, 4]) == [0.25, 0.5, 1.0]  -> passed")


# =============================================================================================
# 7. NumPy
# =============================================================================================
def pairwise_loops(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    D = np.empty((len(X), len(Y)))
    for i in range(len(X)):
        for j in range(len(Y)):
            D[i, j] = math.sqrt(sum((X[i, k] - Y[j, k]) ** 2 for k in range(X.shape[1])))
    return D


def pairwise_broadcast(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    # (n, 1, d) - (1, m, d) -> (n, m, d): simple, but materialises n*m*d numbers.
    return np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1))


def pairwise_expansion(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    # ||x - y||^2 = ||x||^2 - 2 x.y + ||y||^2: n*m memory and a BLAS matrix product.
    d2 = (X**2).sum(1)[:, None] - 2 * X @ Y.T + (Y**2).sum(1)[None, :]
    return np.sqrt(np.maximum(d2, 0))


def demo_numpy() -> None:
    section(7, "NumPy: arrays, dtypes, views, broadcasting, vectorisation")
    rng = np.random.default_rng(SEED)

    a = np.arange(12, dtype=np.float64).reshape(3, 4)
    print("a.shape", a.shape, "a.dtype", a.dtype, "a.strides", a.strides, "(bytes to step per axis)")
    print("a.sum(axis=0) (down the rows, one per column):", a.sum(axis=0))
    print("a.sum(axis=1) (across the columns, one per row):", a.sum(axis=1))

    # Slices are views (no copy); fancy and boolean indexing make copies.
    view = a[:, 1]
    view[0] = 100.0
    print("after writing through the view a[:, 1], a[0, 1] =", a[0, 1], "| shares memory:",
          np.shares_memory(a, view))
    picked = a[[0, 2]]
    picked[0, 0] = -1.0
    print("fancy indexing copied: a[0, 0] is still", a[0, 0])
    print("boolean mask a[a > 8]:", a[a > 8])

    # dtypes matter: integer overflow wraps silently, float32 has ~7 significant digits.
    small = np.array([200], dtype=np.uint8)
    print("uint8 200 + 100 =", (small + np.uint8(100))[0], "(wraps modulo 256)")
    print("float32(16777217) =", np.float32(16777217), "(2**24 + 1 is not representable)")

    # Broadcasting: shapes are compared from the right; a dimension of 1 stretches.
    col = np.array([[0.0], [10.0], [20.0]])  # (3, 1)
    row = np.array([1.0, 2.0, 3.0, 4.0])  # (4,) -> treated as (1, 4)
    print("(3, 1) + (4,) ->", (col + row).shape, "\n", col + row)
    X = rng.normal(loc=[0, 5, -3], scale=[1, 10, 0.1], size=(500, 3))
    Z = (X - X.mean(axis=0)) / X.std(axis=0)  # (500, 3) op (3,): per-column standardisation
    print("standardised column means", Z.mean(axis=0).round(12) + 0.0, "stds", Z.std(axis=0).round(12))

    # One-hot encoding by broadcasting a comparison: (n, 1) == (k,) -> (n, k) booleans.
    labels = np.array([2, 0, 1, 2])
    print("one-hot of [2, 0, 1, 2]:\n", (labels[:, None] == np.arange(3)).astype(int))

    # Vectorisation: three ways to compute the same distances.
    P, Q = rng.normal(size=(200, 8)), rng.normal(size=(150, 8))
    t_loop = best_time(lambda: pairwise_loops(P, Q), repeat=1)
    t_bcast = best_time(lambda: pairwise_broadcast(P, Q))
    t_expand = best_time(lambda: pairwise_expansion(P, Q))
    same = np.allclose(pairwise_loops(P[:20], Q[:20]), pairwise_expansion(P[:20], Q[:20]))
    print(f"200 x 150 distances in 8-D: Python loops {t_loop * 1e3:.0f} ms | broadcasting "
          f"{t_bcast * 1e3:.2f} ms | expansion {t_expand * 1e3:.2f} ms | agree: {same}")
    print(f"speed-up of the expansion over loops: ~{t_loop / t_expand:.0f}x")


# =============================================================================================
# 8. pandas
# =============================================================================================
def make_messy_sales(seed: int = SEED) -> pd.DataFrame:
    """A small, deliberately messy table, like a real export."""
    rng = np.random.default_rng(seed)
    n = 12
    df = pd.DataFrame({
        "order_id": np.arange(1000, 1000 + n),
        "store": rng.choice([" north", "North", "south ", "EAST"], size=n),
        "amount": rng.gamma(2.0, 30.0, size=n).round(2).astype(object),
        "customer_id": rng.integers(1, 6, size=n),
    })
    df.loc[3, "amount"] = "n/a"  # junk text in a numeric column
    df.loc[7, "amount"] = None  # a missing value
    df.loc[9, "amount"] = -15.0  # an impossible value
    return pd.concat([df, df.iloc[[2]]], ignore_index=True)  # a duplicated order


def demo_pandas() -> None:
    section(8, "pandas: Series, DataFrame, cleaning, groupby, merge")
    s = pd.Series([3.0, np.nan, 5.0], index=["a", "b", "c"], name="x")
    print("a Series is a labelled 1-D array; NaN is skipped by reductions: s.mean() =", s.mean())

    raw = make_messy_sales()
    print("raw data (dtypes:", dict(raw.dtypes.astype(str)), "):")
    print(raw.to_string(max_rows=14))

    clean = raw.drop_duplicates(subset="order_id").assign(
        store=lambda d: d["store"].str.strip().str.lower(),
        amount=lambda d: pd.to_numeric(d["amount"], errors="coerce"),  # "n/a" -> NaN
    )
    clean = clean[clean["amount"].notna() & (clean["amount"] >= 0)]
    print(f"\nafter cleaning: {len(raw)} -> {len(clean)} rows; stores: {sorted(clean['store'].unique())}")

    # Split-apply-combine: split rows by store, aggregate each group, combine into one table.
    summary = clean.groupby("store").agg(orders=("order_id", "size"), revenue=("amount", "sum"),
                                         mean_order=("amount", "mean"))
    print("\ngroupby('store').agg(...):\n", summary.round(2))
    # transform returns one value per *row*: here each order's share of its store's revenue.
    clean = clean.assign(share=clean["amount"] / clean.groupby("store")["amount"].transform("sum"))
    print("\nshares per store sum to 1:", clean.groupby("store")["share"].sum().round(12).tolist())

    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "segment": ["retail", "retail", "pro", "pro"]})
    joined = clean.merge(customers, on="customer_id", how="left", validate="many_to_one", indicator=True)
    print("\nleft merge with customers: rows", len(clean), "->", len(joined), "| match counts:",
          joined["_merge"].value_counts().to_dict())
    print(joined.pivot_table(index="store", columns="segment", values="amount", aggfunc="sum",
                             fill_value=0).round(2))

    # A real dataset bundled with scikit-learn (no download): wine, 178 samples, 13 features.
    from sklearn.datasets import load_wine

    wine = load_wine(as_frame=True).frame
    print("\nwine dataset:", wine.shape, "| mean alcohol per class:",
          wine.groupby("target")["alcohol"].mean().round(2).to_dict())


# =============================================================================================
# 9. matplotlib
# =============================================================================================
def demo_matplotlib() -> None:
    section(9, "matplotlib: the object-oriented API")
    OUTPUT.mkdir(exist_ok=True)
    rng = np.random.default_rng(SEED)
    epochs = np.arange(1, 31)
    train = 1.5 * np.exp(-epochs / 8) + 0.2 + rng.normal(0, 0.01, size=30)
    val = 1.5 * np.exp(-epochs / 8) + 0.25 + 0.004 * np.maximum(epochs - 12, 0) ** 1.5 + rng.normal(0, 0.015, size=30)
    best = int(np.argmin(val)) + 1

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8))  # one Figure, two Axes
    ax1.plot(epochs, train, label="train")
    ax1.plot(epochs, val, label="validation")
    ax1.axvline(best, color="gray", linestyle="--", label=f"best epoch ({best})")
    ax1.set(xlabel="epoch", ylabel="loss", title="Learning curves (synthetic)")
    ax1.legend()
    X = rng.normal(size=(300, 2)) @ np.array([[1.0, 0.8], [0.0, 0.6]])
    ax2.scatter(X[:, 0], X[:, 1], s=8, alpha=0.6)
    ax2.set(xlabel="feature 1", ylabel="feature 2", title="Correlated features", aspect="equal")
    fig.tight_layout()
    path = OUTPUT / "learning_curves.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)  # free the memory: pyplot keeps every open figure alive
    print("best validation epoch:", best, "| saved", path)


# =============================================================================================
# 10. Big-O in practice
# =============================================================================================
def has_duplicates_quadratic(items: list[int]) -> bool:
    return any(items[i] == items[j] for i in range(len(items)) for j in range(i + 1, len(items)))


def has_duplicates_linear(items: list[int]) -> bool:
    return len(set(items)) != len(items)


def demo_big_o() -> None:
    section(10, "Big-O in practice: list vs set, sorting and binary search")
    rng = np.random.default_rng(SEED)
    print(f"{'n':>6} | {'O(n^2) pairs':>13} | {'O(n) set':>9} | ratio")
    for n in (250, 500, 1000, 2000):
        items = rng.permutation(10 * n)[:n].tolist()  # distinct: the worst case for both
        t2 = best_time(lambda: has_duplicates_quadratic(items), repeat=3)
        t1 = best_time(lambda: has_duplicates_linear(items))
        print(f"{n:>6} | {t2 * 1e3:>10.1f} ms | {t1 * 1e6:>6.0f} us | {t2 / t1:>6.0f}x")
    print("doubling n multiplies the quadratic time by about 4 (more once the data outgrows the CPU cache) "
          "and the linear time by about 2")

    # Sorting is O(n log n); once sorted, binary search finds an item in O(log n).
    data = sorted(rng.integers(0, 1_000_000, size=100_000).tolist())
    target = data[76_543]
    i = bisect.bisect_left(data, target)
    print(f"bisect found {target} at index {i} in ~{math.ceil(math.log2(len(data)))} comparisons "
          f"(a linear scan needs up to {len(data):,})")


# =============================================================================================
# 11. Profiling
# =============================================================================================
def slow_feature_pipeline(n: int = 20_000) -> float:
    rng = np.random.default_rng(SEED)
    values = rng.normal(size=n).tolist()
    logs = [math.log1p(abs(v)) for v in values]  # Python-level loop
    clipped = [min(max(v, -2.0), 2.0) for v in values]  # another one
    return sum(a * b for a, b in zip(logs, clipped)) + sorted(values)[n // 2]


def demo_profiling() -> None:
    section(11, "Profiling: timeit and cProfile, loop vs vectorised")
    profiler = cProfile.Profile()
    profiler.enable()
    slow_feature_pipeline()
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(6)
    lines = [ln for ln in text.getvalue().splitlines() if ln.strip()][:14]
    print("cProfile, top entries by cumulative time:")
    print("\n".join("  " + ln for ln in lines))

    x = np.random.default_rng(SEED).normal(size=100_000)
    xs = x.tolist()
    t_py = best_time(lambda: sum(v * v for v in xs), repeat=3)
    t_np = best_time(lambda: float(x @ x), repeat=5, number=50)  # fast calls: average over 50
    print(f"sum of squares of 100k floats: Python {t_py * 1e3:.2f} ms, NumPy {t_np * 1e3:.3f} ms "
          f"({t_py / t_np:.0f}x)")
    print("measure first: optimise the line the profiler points at, not the one you suspect")


# =============================================================================================
# Figures for theory.md
# =============================================================================================
def _draw_grid(ax, x0: float, y0: float, rows: int, cols: int, values, real: tuple[int, int],
               color: str) -> None:
    """Draw a rows x cols array at (x0, y0); cells outside the `real` shape are shown faded."""
    for i in range(rows):
        for j in range(cols):
            stretched = i >= real[0] or j >= real[1]
            ax.add_patch(Rectangle((x0 + j, y0 - i), 1, 1, facecolor=color,
                                   alpha=0.25 if stretched else 0.85, edgecolor="black", lw=1,
                                   linestyle=":" if stretched else "-"))
            ax.text(x0 + j + 0.5, y0 - i + 0.5, f"{values[i][j]:g}", ha="center", va="center",
                    fontsize=11, color="black" if stretched else "white" if color != "#f2c14e" else "black")


def figure_broadcasting(path: Path) -> None:
    col = [[0], [10], [20]]
    row = [[1, 2, 3, 4]]
    fig, ax = plt.subplots(figsize=(10, 3.6))
    _draw_grid(ax, 0, 2, 3, 4, [[c[0]] * 4 for c in col], (3, 1), "#3a6ea5")
    ax.text(4.6, 0.9, "+", fontsize=22, ha="center", va="center")
    _draw_grid(ax, 5.2, 2, 3, 4, [row[0]] * 3, (1, 4), "#f2c14e")
    ax.text(9.8, 0.9, "=", fontsize=22, ha="center", va="center")
    _draw_grid(ax, 10.4, 2, 3, 4, [[c[0] + r for r in row[0]] for c in col], (3, 4), "#4f9d69")
    ax.text(2, 3.35, "a: shape (3, 1)", ha="center", fontsize=11)
    ax.text(7.2, 3.35, "b: shape (4,) -> (1, 4)", ha="center", fontsize=11)
    ax.text(12.4, 3.35, "a + b: shape (3, 4)", ha="center", fontsize=11)
    ax.text(7.2, -1.6, "faded cells are not stored: the size-1 axis is stretched (stride 0), not copied",
            ha="center", fontsize=10, style="italic")
    ax.set_xlim(-0.3, 14.7)
    ax.set_ylim(-1.9, 3.8)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_complexity(path: Path) -> None:
    n = np.logspace(0, 4, 200)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    for label, y in [("O(1)", np.ones_like(n)), ("O(log n)", np.log2(n + 1)), ("O(n)", n),
                     ("O(n log n)", n * np.log2(n + 1)), ("O(n²)", n**2)]:
        ax1.loglog(n, y, label=label, lw=2)
    ax1.set(xlabel="input size n", ylabel="operations (log scale)", title="Growth rates")
    ax1.legend()
    ax1.grid(True, which="major", alpha=0.3)

    rng = np.random.default_rng(SEED)
    sizes = np.array([1_000, 3_000, 10_000, 30_000, 100_000, 300_000])
    t_list, t_set = [], []
    for size in sizes:
        items = rng.permutation(size).tolist()
        as_set = set(items)
        probe = -1  # absent: the list must scan everything, the set hashes once
        t_list.append(best_time(lambda: probe in items, repeat=3, number=5))
        t_set.append(best_time(lambda: probe in as_set, repeat=3, number=200))
    ax2.loglog(sizes, np.array(t_list) * 1e6, "o-", label="x in list  (O(n))", lw=2)
    ax2.loglog(sizes, np.array(t_set) * 1e6, "s-", label="x in set  (O(1) average)", lw=2)
    ax2.set(xlabel="number of items n", ylabel="time per lookup (µs, log scale)",
            title="Measured: membership test")
    ax2.legend()
    ax2.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_loop_vs_vectorized(path: Path) -> None:
    rng = np.random.default_rng(SEED)
    sizes = np.array([10, 20, 40, 80, 160, 320])
    t_loop, t_bcast, t_expand = [], [], []
    try:  # one BLAS thread: a fair single-core comparison, and stable timings on a busy machine
        from threadpoolctl import threadpool_limits  # installed with scikit-learn

        single_thread = threadpool_limits(limits=1)
    except ImportError:
        single_thread = contextlib.nullcontext()
    with single_thread:
        for n in sizes:
            X = rng.normal(size=(n, 16))
            t_loop.append(best_time(lambda: pairwise_loops(X, X), repeat=3) if n <= 160 else np.nan)
            t_bcast.append(best_time(lambda: pairwise_broadcast(X, X), repeat=7))
            t_expand.append(best_time(lambda: pairwise_expansion(X, X), repeat=7))
    # Extrapolate the loop to n = 320 from its quadratic growth, marked as an estimate.
    t_loop[-1] = t_loop[-2] * 4
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.loglog(sizes[:-1], np.array(t_loop[:-1]) * 1e3, "o-", lw=2, label="Python loops (dotted: extrapolated)")
    ax.loglog(sizes[-2:], np.array(t_loop[-2:]) * 1e3, "o:", lw=2, color="C0", alpha=0.6)
    ax.loglog(sizes, np.array(t_bcast) * 1e3, "s-", lw=2, label="NumPy broadcasting (n, n, d)")
    ax.loglog(sizes, np.array(t_expand) * 1e3, "^-", lw=2, label="NumPy expansion + matmul")
    ax.set(xlabel="number of points n (d = 16)", ylabel="time for all n² distances (ms)",
           title="Loop vs vectorised: n × n Euclidean distances")
    ax.legend()
    ax.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def figure_split_apply_combine(path: Path) -> None:
    fig, ax = plt.subplots(figsize=(10, 4))
    colors = {"api": "#3a6ea5", "db": "#f2c14e", "web": "#4f9d69"}
    data = [("db", 12), ("api", 80), ("web", 30), ("api", 120), ("db", 8), ("web", 50)]

    def box(x, y, text, color, w=1.8):
        ax.add_patch(Rectangle((x, y), w, 0.5, facecolor=color, alpha=0.8, edgecolor="black"))
        ax.text(x + w / 2, y + 0.25, text, ha="center", va="center", fontsize=10)

    ax.text(0.9, 3.55, "table", ha="center", fontsize=12, weight="bold")
    for k, (svc, lat) in enumerate(data):
        box(0, 3 - 0.55 * k, f"{svc}  {lat}", colors[svc])
    ax.text(5.0, 3.55, "split by service", ha="center", fontsize=12, weight="bold")
    groups = {svc: [lat for s, lat in data if s == svc] for svc in sorted(colors)}
    y = 3.0
    for svc, lats in groups.items():
        for lat in lats:
            box(4.1, y, f"{svc}  {lat}", colors[svc])
            y -= 0.55
        y -= 0.25
    ax.text(9.0, 3.55, "apply mean", ha="center", fontsize=12, weight="bold")
    ax.text(12.6, 3.55, "combine", ha="center", fontsize=12, weight="bold")
    y = 3.0
    for svc, lats in groups.items():
        mid = y - 0.55 * (len(lats) - 1) / 2
        box(8.1, mid, f"mean = {np.mean(lats):g}", colors[svc])
        box(11.7, 2.6 - 0.55 * list(groups).index(svc), f"{svc}  {np.mean(lats):g}", colors[svc])
        y -= 0.55 * len(lats) + 0.25
    for x0, x1 in ((2.0, 3.9), (6.1, 7.9), (10.1, 11.5)):
        ax.add_patch(FancyArrowPatch((x0, 1.5), (x1, 1.5), arrowstyle="-|>", mutation_scale=18, lw=1.5))
    ax.text(6.4, -0.75, 'df.groupby("service")["latency"].mean()', ha="center", fontsize=11, family="monospace")
    ax.set_xlim(-0.2, 13.8)
    ax.set_ylim(-1.0, 3.9)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def make_figures() -> None:
    """Regenerate the PNGs that theory.md embeds (timings are measured on this machine)."""
    FIGURES.mkdir(exist_ok=True)
    for name, draw in [("broadcasting.png", figure_broadcasting), ("complexity.png", figure_complexity),
                       ("loop_vs_vectorized.png", figure_loop_vs_vectorized),
                       ("split_apply_combine.png", figure_split_apply_combine)]:
        draw(FIGURES / name)
        print("wrote", FIGURES / name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", action="store_true", help="regenerate figures/*.png for theory.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    demo_core_python()
    demo_data_structures()
    demo_oop()
    demo_exceptions_and_files()
    demo_decorators_generators_context()
    demo_logging()
    demo_numpy()
    demo_pandas()
    demo_matplotlib()
    demo_big_o()
    demo_profiling()
    if args.figures:
        section(12, "Figures for theory.md")
        make_figures()
    print(f"\nall sections done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
