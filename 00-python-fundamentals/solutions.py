"""Module 00 - Python Fundamentals: reference solutions.

Read these only after you have tried the exercises (``exercises.py``) yourself and run
``uv run mlm check 00``. Each solution is one correct way among many; the comments explain *why*
it is written that way, which is the part worth learning.

Run a short demo of every solution with::

    uv run 00-python-fundamentals/solutions.py
"""
from __future__ import annotations

import csv
import functools
import json
import logging
import math
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

T = TypeVar("T")

# A word is a maximal run of ASCII letters and digits (after lower-casing). Compiling the
# pattern once at import time is cheap and saves re-parsing it on every call.
_WORD = re.compile(r"[a-z0-9]+")


# ---------------------------------------------------------------------------------------------
# 1. Strings, dictionaries and sorting
# ---------------------------------------------------------------------------------------------
def word_frequencies(text: str, top_k: int | None = None) -> list[tuple[str, int]]:
    """Count the words of ``text``; most frequent first, ties in alphabetical order.

    See exercises.py for the full task description.
    """
    if top_k is not None and top_k < 0:
        raise ValueError(f"top_k must be >= 0 or None, got {top_k}")
    # Counter is a dict subclass: one O(1) average-time update per word, O(n) for the text.
    counts = Counter(_WORD.findall(text.lower()))
    # Counter.most_common breaks ties by first appearance, not alphabetically, so we sort
    # ourselves. Sorting on the key (-count, word) gives "count descending, then word
    # ascending" in a single stable O(k log k) pass over the k distinct words.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked if top_k is None else ranked[:top_k]


# ---------------------------------------------------------------------------------------------
# 2. A custom exception
# ---------------------------------------------------------------------------------------------
class RecordError(ValueError):
    """A field of a record failed validation. See exercises.py for the full task."""

    def __init__(self, field: str, problem: str, value: object = None) -> None:
        # Subclassing ValueError (not Exception) means callers that already catch ValueError,
        # e.g. around int(), keep working; callers that care can catch RecordError specifically.
        self.field = field
        self.problem = problem
        self.value = value
        # Passing the message to the base class makes str(err), err.args and tracebacks show it.
        # Forgetting this call is the classic bug: str(err) then shows the raw argument tuple.
        super().__init__(f"{field}: {problem} (got {value!r})")


# ---------------------------------------------------------------------------------------------
# 3. Validation with exceptions
# ---------------------------------------------------------------------------------------------
_RECORD_FIELDS = ("id", "age", "email", "score")


def _required(raw: dict[str, str], field: str) -> str:
    """The stripped value of a required field, or RecordError if it is missing or blank."""
    value = raw.get(field)
    if value is None or not str(value).strip():
        raise RecordError(field, "is required", value)
    return str(value).strip()


def parse_record(raw: dict[str, str]) -> dict[str, object]:
    """Validate one raw record and convert its fields. See exercises.py for the task."""
    # id: a positive integer. str.isdecimal accepts only the digits 0-9 (and other Unicode
    # decimal digits), so "3.0", "-1", "1e3" and "4_2" (which int() would accept!) are rejected.
    text = _required(raw, "id")
    if not text.isdecimal() or int(text) < 1:
        raise RecordError("id", "must be a positive integer", raw["id"])
    record_id = int(text)

    # age: an integer from 0 to 130. We let int() parse (it accepts a sign), then range-check,
    # so "-3" gets the more useful "out of range" problem rather than "not an integer".
    text = _required(raw, "age")
    try:
        age = int(text)
    except ValueError:
        # "raise ... from None" hides the internal int() traceback: the RecordError says it all.
        raise RecordError("age", "must be an integer", raw["age"]) from None
    if not 0 <= age <= 130:
        raise RecordError("age", "must be between 0 and 130", raw["age"])

    # email: exactly one "@" with something on both sides; normalised to lower case so that
    # "Ada@Example.org" and "ada@example.org" are the same key downstream.
    text = _required(raw, "email")
    local, at, domain = text.partition("@")
    if not at or not local or not domain or "@" in domain:
        raise RecordError("email", "must look like name@domain", raw["email"])
    email = text.lower()

    # score: optional. float() happily parses "nan" and "inf", which would poison any mean
    # computed later, so we insist on a finite number.
    value = raw.get("score")
    score: float | None = None
    if value is not None and value.strip():
        try:
            score = float(value)
        except ValueError:
            raise RecordError("score", "must be a number", value) from None
        if not math.isfinite(score):
            raise RecordError("score", "must be a finite number", value)

    # Unknown fields are checked last, in the order they appear in the input.
    for key in raw:
        if key not in _RECORD_FIELDS:
            raise RecordError(key, "is not a known field", raw[key])

    return {"id": record_id, "age": age, "email": email, "score": score}


# ---------------------------------------------------------------------------------------------
# 4. File I/O: CSV in, JSON Lines out
# ---------------------------------------------------------------------------------------------
def _convert_cell(cell: str) -> object:
    """"" -> None, "7" -> 7, "2.5" -> 2.5, anything else (including "nan") stays a string."""
    if cell == "":
        return None
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell)
    except ValueError:
        return cell
    # JSON has no NaN or Infinity; json.dumps would write the non-standard tokens NaN/Infinity
    # that many JSON readers reject, so non-finite numbers are kept as the original text.
    return number if math.isfinite(number) else cell


def csv_to_jsonl(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> int:
    """Convert a CSV file with a header row into JSON Lines. See exercises.py for the task."""
    # Open the source first: if it does not exist, open() raises FileNotFoundError before we
    # have created (and truncated!) the destination.
    # newline="" is what the csv module documents: it lets the reader see quoted newlines.
    with open(src, newline="", encoding="utf-8") as fin:
        reader = csv.DictReader(fin)  # handles quoting ("Smith, J") and skips empty lines
        with open(dst, "w", encoding="utf-8") as fout:
            count = 0
            for row in reader:  # streams: one row in memory at a time, whatever the file size
                record = {key: _convert_cell(value) for key, value in row.items()}
                fout.write(json.dumps(record) + "\n")
                count += 1
    return count


# ---------------------------------------------------------------------------------------------
# 5. Generators
# ---------------------------------------------------------------------------------------------
def batched(iterable: Iterable[T], batch_size: int, drop_last: bool = False) -> Iterator[list[T]]:
    """Yield lists of ``batch_size`` consecutive items. See exercises.py for the task."""
    # Validation happens on the first next(), because this is a generator function: its body
    # does not run until someone asks for a value.
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    batch: list[T] = []
    for item in iterable:  # one pass, no len(), no slicing: works for any iterable, even infinite
        batch.append(item)
        if len(batch) == batch_size:
            yield batch
            # A *new* list, not batch.clear(): the caller may still hold the list we yielded.
            batch = []
    if batch and not drop_last:
        yield batch


# ---------------------------------------------------------------------------------------------
# 6. A decorator
# ---------------------------------------------------------------------------------------------
def timed(func: Callable[..., T]) -> Callable[..., T]:
    """Wrap ``func`` so that each call's duration is appended to ``wrapper.timings``."""

    @functools.wraps(func)  # keeps __name__, __doc__, __wrapped__: tracebacks and help() stay useful
    def wrapper(*args: Any, **kwargs: Any) -> T:
        start = time.perf_counter()  # monotonic, high resolution: made for measuring intervals
        try:
            return func(*args, **kwargs)
        finally:
            # finally runs whether func returned or raised, so failed calls are timed too, and
            # the exception continues on its way untouched.
            wrapper.timings.append(time.perf_counter() - start)

    # The list lives on the wrapper, so each decorated function has its own history.
    wrapper.timings = []  # type: ignore[attr-defined]
    return wrapper


# ---------------------------------------------------------------------------------------------
# 7. A context manager
# ---------------------------------------------------------------------------------------------
class Timer:
    """Measure the wall-clock time of a ``with`` block. See exercises.py for the task."""

    def __init__(self, name: str = "block", logger: logging.Logger | None = None) -> None:
        self.name = name
        self.logger = logger
        self.elapsed: float | None = None  # None means "no block has finished yet"
        self._start: float | None = None

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        return self  # what "as t" binds to

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> bool:
        assert self._start is not None, "__exit__ called without __enter__"
        self.elapsed = time.perf_counter() - self._start
        if self.logger is not None:
            # Lazy %-formatting: the string is only built if the record is actually emitted.
            self.logger.info("%s took %.3f s", self.name, self.elapsed)
        # Returning a true value would swallow the exception raised in the block. A timer must
        # never hide errors, so we return False and let Python re-raise it.
        return False


# ---------------------------------------------------------------------------------------------
# 8. A decorator factory
# ---------------------------------------------------------------------------------------------
def retry(times: int = 3, *, exceptions: tuple[type[BaseException], ...] = (Exception,),
          delay: float = 0.0, backoff: float = 1.0,
          logger: logging.Logger | None = None) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Build a decorator that retries a failing call. See exercises.py for the task."""
    # Validate when the decorator is built, i.e. at import time of the decorated function, so a
    # typo such as retry(times=0) fails loudly at start-up instead of on the first outage.
    if times < 1:
        raise ValueError(f"times must be >= 1, got {times}")

    def decorate(func: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> T:
            wait = delay
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as err:  # anything else propagates at once: no retry
                    if attempt == times:
                        # A bare `raise` re-raises the original exception with its traceback.
                        raise
                    if logger is not None:
                        logger.warning("attempt %d/%d of %s failed: %r; retrying in %.3g s",
                                       attempt, times, func.__name__, err, wait)
                    time.sleep(wait)
                    wait *= backoff  # exponential backoff: 0.1, 0.2, 0.4, ... for backoff=2
            raise AssertionError("unreachable")  # the loop always returns or raises

        return wrapper

    return decorate


# ---------------------------------------------------------------------------------------------
# 9. NumPy broadcasting: standardisation without leakage
# ---------------------------------------------------------------------------------------------
def standardize(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Z-score both arrays with the training set's statistics. See exercises.py for the task."""
    train = np.asarray(train, dtype=np.float64)  # a float copy if needed: ints would truncate
    test = np.asarray(test, dtype=np.float64)
    if train.ndim != 2 or test.ndim != 2:
        raise ValueError("train and test must be 2-D arrays (n_samples, n_features)")
    if train.shape[0] == 0:
        raise ValueError("train has no rows: its mean and standard deviation are undefined")
    if train.shape[1] != test.shape[1]:
        raise ValueError(f"train has {train.shape[1]} features but test has {test.shape[1]}")
    # axis=0 reduces over the rows: one statistic per column (feature), shape (d,).
    mean = train.mean(axis=0)
    std = train.std(axis=0)  # ddof=0, the population formula, as scikit-learn's StandardScaler
    # A constant column has std 0; dividing would give 0/0 = NaN. Using a scale of 1 leaves the
    # centred column at exactly 0, which is also what StandardScaler does.
    scale = np.where(std == 0.0, 1.0, std)
    # Broadcasting: (n, d) - (d,) treats (d,) as (1, d) and stretches it over the n rows.
    # Arithmetic creates new arrays, so the caller's arrays are never modified.
    return (train - mean) / scale, (test - mean) / scale


# ---------------------------------------------------------------------------------------------
# 10. Vectorisation: pairwise distances
# ---------------------------------------------------------------------------------------------
def pairwise_distances(X: np.ndarray, Y: np.ndarray | None = None) -> np.ndarray:
    """Euclidean distances between every row of X and every row of Y, without loops."""
    X = np.asarray(X, dtype=np.float64)
    Y = X if Y is None else np.asarray(Y, dtype=np.float64)
    if X.ndim != 2 or Y.ndim != 2:
        raise ValueError("X and Y must be 2-D arrays (n_samples, n_features)")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features but Y has {Y.shape[1]}")
    # ||x - y||^2 = ||x||^2 - 2 x.y + ||y||^2, for all pairs at once:
    #   (n, 1) column of ||x||^2  +  (1, m) row of ||y||^2  -  2 * (n, m) matrix of dot products.
    # Memory is O(n*m), not the O(n*m*d) of the (n, 1, d) - (1, m, d) broadcasting version, and
    # X @ Y.T runs in optimised BLAS code.
    x2 = np.einsum("ij,ij->i", X, X)[:, None]
    y2 = np.einsum("ij,ij->i", Y, Y)[None, :]
    d2 = x2 - 2.0 * (X @ Y.T) + y2
    # Rounding can make a true 0 come out as -1e-12; sqrt of that is NaN. Clip first.
    np.maximum(d2, 0.0, out=d2)
    return np.sqrt(d2)


# ---------------------------------------------------------------------------------------------
# 11. Plotting
# ---------------------------------------------------------------------------------------------
def plot_training_curves(train_loss: Sequence[float], val_loss: Sequence[float],
                         title: str = "Training curves") -> Figure:
    """Plot training and validation loss per epoch and mark the best epoch."""
    if len(train_loss) != len(val_loss):
        raise ValueError(f"{len(train_loss)} training losses but {len(val_loss)} validation losses")
    if len(val_loss) == 0:
        raise ValueError("nothing to plot: the loss lists are empty")
    # The object-oriented API (Figure/Axes methods) instead of plt.plot: the figure is an explicit
    # value we return, nothing depends on pyplot's hidden "current figure", and the function is
    # easy to test. Figure() directly (not plt.figure) is not registered with pyplot, so it
    # cannot leak memory in a long-running process that never calls plt.close.
    fig = Figure(figsize=(6, 4))
    ax = fig.add_subplot()
    epochs = np.arange(1, len(train_loss) + 1)  # people count epochs from 1
    ax.plot(epochs, train_loss, marker="o", label="train")
    ax.plot(epochs, val_loss, marker="o", label="validation")
    best = int(np.argmin(val_loss)) + 1  # argmin returns the first minimum on ties
    ax.axvline(best, color="gray", linestyle="--", label=f"best epoch ({best})")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.legend()
    return fig


# ---------------------------------------------------------------------------------------------
# 12. pandas: merge
# ---------------------------------------------------------------------------------------------
def join_user_features(events: pd.DataFrame, users: pd.DataFrame) -> pd.DataFrame:
    """Left-join user attributes onto events. See exercises.py for the task."""
    if users["user_id"].duplicated().any():
        dupes = sorted(users.loc[users["user_id"].duplicated(), "user_id"].unique().tolist())
        raise ValueError(f"users must have one row per user_id; repeated: {dupes}")
    # how="left" keeps every event, in the events' order, even when the user is unknown.
    # indicator=True adds a "_merge" column saying where each row's match came from.
    # validate="many_to_one" is a second line of defence: pandas itself refuses a users table
    # with repeated keys instead of silently multiplying event rows.
    merged = events.merge(users, on="user_id", how="left", indicator=True, validate="many_to_one")
    merged["known_user"] = merged["_merge"].eq("both").astype(bool)
    return merged.drop(columns="_merge").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# 13. pandas: cleaning and groupby
# ---------------------------------------------------------------------------------------------
def clean_request_log(log: pd.DataFrame) -> pd.DataFrame:
    """Clean a raw request log and summarise it per service. See exercises.py for the task."""
    # 1. Duplicates first, on the raw data: a re-shipped log line has the same request_id.
    df = log.drop_duplicates(subset="request_id", keep="first")  # returns a new frame
    # 2. Normalise service names. .str methods propagate NaN, so missing stays missing.
    service = df["service"].astype("string").str.strip().str.lower()
    # 3./4. Coerce to numbers: anything unparseable ("n/a", "") becomes NaN instead of raising.
    latency = pd.to_numeric(df["latency_ms"], errors="coerce")
    status = pd.to_numeric(df["status"], errors="coerce")
    keep = service.notna() & service.ne("") & latency.notna() & latency.ge(0) & status.notna()
    clean = pd.DataFrame({
        "service": service[keep].astype(str),
        "latency_ms": latency[keep].astype(float),
        "is_error": status[keep].ge(500),
    })
    # 5. Split-apply-combine: one row per service, named aggregations give the column names.
    # groupby sorts the keys, so the index comes out in alphabetical order.
    summary = clean.groupby("service").agg(
        requests=("latency_ms", "size"),
        mean_latency_ms=("latency_ms", "mean"),
        p95_latency_ms=("latency_ms", lambda s: s.quantile(0.95)),
        error_rate=("is_error", "mean"),  # the mean of booleans is the fraction of True
    )
    return summary.astype({"requests": "int64", "mean_latency_ms": "float64",
                           "p95_latency_ms": "float64", "error_rate": "float64"})


# ---------------------------------------------------------------------------------------------
# 14. A small pipeline class
# ---------------------------------------------------------------------------------------------
class DataPipeline:
    """An ordered list of named processing steps. See exercises.py for the task."""

    def __init__(self, name: str = "pipeline") -> None:
        self.name = name
        # A list of (name, function) pairs keeps the order; names are checked for uniqueness
        # on insertion (O(n) per add is fine for the handful of steps a pipeline has).
        self._steps: list[tuple[str, Callable[[Any], Any]]] = []
        self.timings: dict[str, float] = {}

    def add_step(self, name: str, func: Callable[[Any], Any]) -> DataPipeline:
        if not callable(func):
            raise TypeError(f"step {name!r}: expected a callable, got {type(func).__name__}")
        if name in self.steps:
            raise ValueError(f"{self.name} already has a step named {name!r}")
        self._steps.append((name, func))
        return self  # returning self is what makes p.add_step(...).add_step(...) chain

    @property
    def steps(self) -> list[str]:
        # A fresh list each time: callers cannot reorder our steps by mutating it.
        return [name for name, _ in self._steps]

    def run(self, data: Any) -> Any:
        # A fresh dict per run, filled as the steps finish: after a failed run it still holds
        # the timings of every step that ran, the failing one included.
        self.timings = {}
        for name, func in self._steps:
            start = time.perf_counter()
            try:
                data = func(data)
            except Exception as err:
                # Say *which* step failed, and chain the original error ("from err") so its own
                # traceback is still printed underneath: context without losing information.
                raise RuntimeError(f"{self.name}: step {name!r} failed: {err}") from err
            finally:
                self.timings[name] = time.perf_counter() - start
        return data

    def __call__(self, data: Any) -> Any:
        return self.run(data)

    def __len__(self) -> int:
        return len(self._steps)

    def __repr__(self) -> str:
        return f"DataPipeline({self.name!r}, steps={self.steps})"


if __name__ == "__main__":
    matplotlib.use("Agg")  # no window needed; the demo saves the figure instead
    from pathlib import Path

    print("== word_frequencies")
    print(word_frequencies("The cat and the hat. THE END!", top_k=3))

    print("\n== RecordError and parse_record")
    print(parse_record({"id": "7", "age": " 42 ", "email": "Ada@Example.org", "score": "0.93"}))
    try:
        parse_record({"id": "8", "age": "-3", "email": "bob@example.org"})
    except RecordError as err:
        print(f"rejected -> {err}  (field={err.field!r})")

    print("\n== csv_to_jsonl")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "people.csv"), Path(tmp, "people.jsonl")
        src.write_text('name,age,city\n"Smith, J",41,Paris\nLee,,Seoul\n', encoding="utf-8")
        print("records written:", csv_to_jsonl(src, dst))
        print(dst.read_text(encoding="utf-8"), end="")

    print("\n== batched")
    print(list(batched(range(7), 3)), list(batched(range(7), 3, drop_last=True)))

    print("\n== timed")

    @timed
    def slow_square(x: float) -> float:
        time.sleep(0.01)
        return x * x

    slow_square(3.0)
    slow_square(4.0)
    print("timings (s):", [round(t, 3) for t in slow_square.timings])  # type: ignore[attr-defined]

    print("\n== Timer")
    import sys

    # Log to stdout so the messages interleave with the prints in order.
    logging.basicConfig(level=logging.INFO, format="  [log] %(levelname)s %(name)s: %(message)s",
                        stream=sys.stdout)
    with Timer("sum of squares", logger=logging.getLogger("demo")) as t:
        sum(i * i for i in range(200_000))
    print(f"elapsed: {t.elapsed:.4f} s")

    print("\n== retry")
    calls = {"n": 0}

    @retry(times=3, exceptions=(ConnectionError,), delay=0.01, logger=logging.getLogger("demo"))
    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 3:
            raise ConnectionError("server busy")
        return "ok"

    print(flaky(), "after", calls["n"], "calls")

    print("\n== standardize")
    rng = np.random.default_rng(0)
    train_z, test_z = standardize(rng.normal(5, 2, size=(100, 3)), rng.normal(5, 2, size=(20, 3)))
    # "+ 0.0" turns a printed -0.0 into 0.0; the values are tiny rounding residues either way.
    print("train mean", train_z.mean(axis=0).round(6) + 0.0, "train std", train_z.std(axis=0).round(6))
    print("test mean ", test_z.mean(axis=0).round(3), "(not exactly 0: test uses train's statistics)")

    print("\n== pairwise_distances")
    print(pairwise_distances(np.array([[0.0, 0.0], [3.0, 4.0]])))

    print("\n== plot_training_curves")
    out = Path(__file__).resolve().parent / "output"
    out.mkdir(exist_ok=True)
    fig = plot_training_curves([1.0, 0.6, 0.45, 0.4, 0.38], [1.1, 0.7, 0.6, 0.62, 0.66])
    fig.savefig(out / "solutions_training_curves.png", dpi=80)
    print("saved", out / "solutions_training_curves.png")

    print("\n== join_user_features")
    events = pd.DataFrame({"user_id": [1, 2, 9], "amount": [10.0, 5.5, 3.0]})
    users = pd.DataFrame({"user_id": [1, 2], "plan": ["pro", "free"]})
    print(join_user_features(events, users))

    print("\n== clean_request_log")
    log = pd.DataFrame({
        "request_id": [1, 2, 2, 3, 4, 5],
        "service": [" API", "api", "api", "Search ", None, "search"],
        "latency_ms": ["120", "80", "80", "n/a", "50", "30.5"],
        "status": [200, 503, 503, 200, 200, "500"],
    })
    print(clean_request_log(log))

    print("\n== DataPipeline")
    pipe = (DataPipeline("demo")
            .add_step("drop_negatives", lambda xs: [x for x in xs if x >= 0])
            .add_step("square", lambda xs: [x * x for x in xs])
            .add_step("total", sum))
    print(pipe, "->", pipe.run([3, -1, 2]))
    print("timings:", {k: f"{v:.2e}" for k, v in pipe.timings.items()})
