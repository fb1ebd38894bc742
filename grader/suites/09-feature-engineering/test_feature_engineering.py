"""Hidden suite of module 09 - Feature engineering.

Every test grades one exercise of ``09-feature-engineering/exercises.py`` through the ``learner``
fixture. The references are scikit-learn (StandardScaler, MinMaxScaler, SimpleImputer,
OneHotEncoder, PolynomialFeatures, chi2, TargetEncoder, RFE), SQLite itself and hand-computed
tables. The "from scratch" exercises run with the routine they re-implement blocked
(``grader.testing.forbid``), and each block of tests names the plausible mistakes it rejects:
sample instead of population variance, statistics recomputed on the test set, categories in
order of appearance, a wrong monomial order, keeping the first duplicate instead of the last,
INNER JOIN / COUNT(*) / WHERE-filter SQL, k instead of k - 1 degrees of freedom, in-fold target
encoding, L1 instead of squared coefficients in RFE, and so on.

Data are tiny (at most a few hundred rows) so the whole suite runs in a few seconds.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, ClassVar

import numpy as np
import pandas as pd
import pytest
import scipy.stats  # noqa: F401  (loaded so that forbid() can block scipy.stats.chi2_contingency)
from sklearn import preprocessing as skp
from sklearn.base import BaseEstimator
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_wine
from sklearn.exceptions import NotFittedError
from sklearn.feature_selection import RFE
from sklearn.feature_selection import chi2 as sk_chi2
from sklearn.impute import SimpleImputer as SkSimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from grader.testing import (
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
    show,
)

_MISSING = "<missing>"


# =============================================================================================
# Shared helpers
# =============================================================================================
def _learned_attributes(obj: Any) -> list[str]:
    return sorted(a for a in vars(obj) if a.endswith("_") and not a.startswith("_"))


def _expect_init_convention(obj: Any, call: str, params: dict[str, Any]) -> None:
    """__init__ stores each hyperparameter unchanged (the same object) and learns nothing."""
    for name, value in params.items():
        got = getattr(obj, name, _MISSING)
        expect(got is value,
               f"{call} must store the argument `{name}` unchanged as self.{name} (scikit-learn's "
               f"clone() checks it is the very same object): expected {show(value)}, got {show(got)}")
    learned = _learned_attributes(obj)
    expect(not learned,
           f"{call}: __init__ must only store hyperparameters, but it already set the learned "
           f"attribute(s) {learned} (those belong in fit)")


def _expect_fit_returns_self(obj: Any, fitted: Any, call: str) -> None:
    expect(fitted is obj, f"{call}.fit(X) must return self (so that calls can be chained), "
                          f"got {show(fitted, 80)}")


def _expect_unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    same = before.shape == after.shape and np.array_equal(before, after, equal_nan=True)
    expect(same, f"{what} modified its input array in place; work on a copy (the caller's data "
                 f"must come back untouched)")


def _cell_equal(a: Any, b: Any) -> bool:
    if b is None or (isinstance(b, float) and np.isnan(b)):
        return a is None or a is pd.NaT or (isinstance(a, float) and np.isnan(a)) or a is pd.NA
    if isinstance(b, float):
        try:
            return bool(np.isclose(float(a), b, rtol=1e-9, atol=1e-12))
        except (TypeError, ValueError):
            return False
    return a == b


def _expect_column(df: pd.DataFrame, column: str, expected: list[Any], what: str) -> None:
    expect(column in df.columns, f"{what}: the result has no column {column!r} (columns: {list(df.columns)})")
    got = df[column].astype(object).tolist()
    expect(len(got) == len(expected),
           f"{what}: column {column!r} has {len(got)} values, expected {len(expected)}")
    for i, (g, e) in enumerate(zip(got, expected)):
        expect(_cell_equal(g, e),
               f"{what}: column {column!r}, row {i}: expected {e!r}, got {g!r}")


class _TrackedConnection(sqlite3.Connection):
    """A sqlite3 connection that records whether close() was called."""

    opened: ClassVar[list[_TrackedConnection]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.was_closed = False
        _TrackedConnection.opened.append(self)

    def close(self) -> None:
        self.was_closed = True
        super().close()


@pytest.fixture
def tracked_connect(monkeypatch, learner) -> list[_TrackedConnection]:
    """Make sqlite3.connect (also under any name the learner bound it to) return tracked connections."""
    original = sqlite3.connect
    _TrackedConnection.opened = []

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs["factory"] = _TrackedConnection
        return original(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    namespace = learner.namespace
    for key, value in list(vars(namespace).items()):
        if value is original:
            monkeypatch.setattr(namespace, key, connect)
    yield _TrackedConnection.opened
    for conn in _TrackedConnection.opened:  # tidy up whatever the learner left open
        if not conn.was_closed:
            sqlite3.Connection.close(conn)


def _expect_all_closed(opened: list[_TrackedConnection], what: str) -> None:
    expect(opened, f"{what}: expected the database to be opened with sqlite3.connect, but no "
                   f"connection was opened")
    left_open = sum(not c.was_closed for c in opened)
    expect(left_open == 0,
           f"{what}: {left_open} SQLite connection(s) left open. `with sqlite3.connect(...) as conn` "
           f"only commits; it does not close. Use contextlib.closing(...) or conn.close() in a finally")


# =============================================================================================
# 1. load_table
# =============================================================================================
_ROWS = [{"id": 1, "city": "Oslo", "temp": 3.5},
         {"id": 2, "city": "Lima", "temp": 19.0},
         {"id": 3, "city": "Pune", "temp": 31.25}]


def _expect_rows(got: Any, rows: list[dict[str, Any]], columns: list[str], what: str) -> None:
    expect_type(got, pd.DataFrame, what)
    expect_equal(list(got.columns), columns, f"{what}: the column names, in order")
    expect_equal(len(got), len(rows), f"{what}: the number of rows")
    for col in columns:
        _expect_column(got, col, [r.get(col) for r in rows], what)


def _write_db(path, rows=_ROWS) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE weather (id INTEGER, city TEXT, temp REAL)")
        conn.executemany("INSERT INTO weather VALUES (?, ?, ?)", [(r["id"], r["city"], r["temp"]) for r in rows])
        conn.execute("CREATE TABLE other (x INTEGER)")
        conn.execute("INSERT INTO other VALUES (42)")
        conn.commit()
    finally:
        conn.close()


@pytest.mark.exercise("load_table")
def test_load_table_reads_csv(learner, tmp_path):
    path = tmp_path / "weather.csv"
    pd.DataFrame(_ROWS).to_csv(path, index=False)
    _expect_rows(learner.load_table(path), _ROWS, ["id", "city", "temp"], "load_table('weather.csv')")
    upper = tmp_path / "WEATHER.CSV"
    upper.write_text(path.read_text())
    _expect_rows(learner.load_table(str(upper)), _ROWS, ["id", "city", "temp"],
                 "load_table('WEATHER.CSV') (the extension is case-insensitive; path given as str)")


@pytest.mark.exercise("load_table")
def test_load_table_reads_json_and_json_lines(learner, tmp_path):
    (tmp_path / "w.json").write_text(json.dumps(_ROWS))
    _expect_rows(learner.load_table(tmp_path / "w.json"), _ROWS, ["id", "city", "temp"],
                 "load_table('w.json') (a JSON array of objects)")
    lines = [json.dumps(_ROWS[0]), "", json.dumps(_ROWS[1]), json.dumps(_ROWS[2]), ""]
    (tmp_path / "w.jsonl").write_text("\n".join(lines) + "\n")
    _expect_rows(learner.load_table(tmp_path / "w.jsonl"), _ROWS, ["id", "city", "temp"],
                 "load_table('w.jsonl') (JSON Lines with blank lines, which must be skipped)")
    ragged = [{"id": 1, "city": "Oslo"}, {"id": 2, "temp": 19.0}]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in ragged))
    _expect_rows(learner.load_table(tmp_path / "r.jsonl"),
                 [{"id": 1, "city": "Oslo", "temp": None}, {"id": 2, "city": None, "temp": 19.0}],
                 ["id", "city", "temp"], "load_table of JSON Lines whose objects miss some keys (missing -> NaN)")


@pytest.mark.exercise("load_table")
def test_load_table_reads_a_sqlite_table(learner, tmp_path):
    for suffix in (".db", ".sqlite", ".sqlite3"):
        path = tmp_path / f"data{suffix}"
        _write_db(path)
        _expect_rows(learner.load_table(path, table="weather"), _ROWS, ["id", "city", "temp"],
                     f"load_table('data{suffix}', table='weather')")
    _expect_rows(learner.load_table(tmp_path / "data.db", table="other"), [{"x": 42}], ["x"],
                 "load_table('data.db', table='other') (the table asked for, not the first one)")


@pytest.mark.exercise("load_table")
def test_load_table_rejects_bad_requests(learner, tmp_path):
    path = tmp_path / "data.db"
    _write_db(path)
    expect_raises(ValueError, lambda: learner.load_table(path), "load_table('data.db') without a table name")
    expect_raises(ValueError, lambda: learner.load_table(path, table="missing"),
                  "load_table('data.db', table='missing') for a table that does not exist")
    evil = 'weather"; DROP TABLE weather; --'
    expect_raises(ValueError, lambda: learner.load_table(path, table=evil),
                  f"load_table('data.db', table={evil!r}) (not a table name: must be rejected, not run)")
    conn = sqlite3.connect(path)
    try:
        left = conn.execute("SELECT COUNT(*) FROM weather").fetchone()[0]
    finally:
        conn.close()
    expect_equal(left, 3, "rows left in table 'weather' after load_table was given a malicious table name")
    (tmp_path / "notes.txt").write_text("id\n1\n")
    expect_raises(ValueError, lambda: learner.load_table(tmp_path / "notes.txt"),
                  "load_table('notes.txt') (an unsupported extension)")


@pytest.mark.exercise("load_table")
def test_load_table_closes_the_connection(learner, tmp_path, tracked_connect):
    path = tmp_path / "data.db"
    _write_db(path)
    _TrackedConnection.opened.clear()
    learner.load_table(path, table="weather")
    _expect_all_closed(tracked_connect, "load_table('data.db', table='weather')")
    tracked_connect.clear()
    try:
        learner.load_table(path, table="missing")
    except ValueError:
        pass
    if tracked_connect:  # checking the name before connecting is fine too
        _expect_all_closed(tracked_connect, "load_table('data.db', table='missing') (which raises)")


# =============================================================================================
# 2. iqr_outlier_flags
# =============================================================================================
def _reference_iqr(X: np.ndarray, k: float) -> np.ndarray:
    out = np.zeros(X.shape, dtype=bool)
    for j in range(X.shape[1]):
        col = pd.Series(X[:, j])
        q1, q3 = col.quantile(0.25), col.quantile(0.75)  # pandas skips NaN; linear interpolation
        iqr = q3 - q1
        out[:, j] = ((col < q1 - k * iqr) | (col > q3 + k * iqr)).to_numpy()
    return out


@pytest.mark.exercise("iqr_outlier_flags")
def test_iqr_docstring_example(learner):
    got = learner.iqr_outlier_flags(np.array([[1.0], [2.0], [3.0], [4.0], [100.0]]))
    expect_shape(got, (5, 1), "iqr_outlier_flags of a (5, 1) array")
    expect_equal(np.asarray(got).dtype, np.dtype(bool), "dtype of iqr_outlier_flags's result")
    expect_equal(np.asarray(got).ravel().tolist(), [False, False, False, False, True],
                 "iqr_outlier_flags([[1], [2], [3], [4], [100]])")


@pytest.mark.exercise("iqr_outlier_flags")
def test_iqr_per_column_matches_pandas_quantiles(learner):
    # Columns on very different scales: fences computed over the whole table (wrong axis, or
    # axis=None) flag everything in one column and nothing in the other.
    rng = np.random.default_rng(1)
    X = np.column_stack([rng.normal(0, 1, 60), rng.normal(1000, 100, 60), rng.exponential(5, 60)])
    X[[3, 17], 0] = [6.0, -7.0]
    X[[5, 40], 1] = [1600.0, 300.0]
    for k in (1.5, 3.0):
        got = learner.iqr_outlier_flags(X, k=k)
        want = _reference_iqr(X, k)
        expect_shape(got, X.shape, f"iqr_outlier_flags(X, k={k}) for X of shape {X.shape}")
        bad = np.argwhere(np.asarray(got) != want)
        expect(bad.size == 0,
               f"iqr_outlier_flags(X, k={k}) on 3 columns of very different scales: first wrong flag at "
               f"(row, column) {tuple(int(i) for i in bad[0]) if bad.size else ''}, expected "
               f"{bool(want[tuple(bad[0])]) if bad.size else ''}. Fences are per column (axis=0).")


@pytest.mark.exercise("iqr_outlier_flags")
def test_iqr_values_on_the_fence_are_not_outliers(learner):
    # sorted: -1, 2, 2, 3, 4, 4, 7 -> Q1 = 2, Q3 = 4, IQR = 2, fences -1 and 7 exactly.
    x = np.array([3.0, -1.0, 2.0, 4.0, 7.0, 2.0, 4.0])
    got = np.asarray(learner.iqr_outlier_flags(x))
    expect_shape(got, (7,), "iqr_outlier_flags of a 1-D array of 7 values (returns a 1-D mask)")
    expect(not got.any(), f"iqr_outlier_flags({x.tolist()}): -1 and 7 lie exactly on the fences "
                          f"(Q1 - 1.5 IQR = -1, Q3 + 1.5 IQR = 7) and are not outliers; got {got.tolist()}")
    x2 = np.array([3.0, -1.5, 2.0, 4.0, 7.5, 2.0, 4.0])
    got2 = np.asarray(learner.iqr_outlier_flags(x2))
    expect_equal(got2.tolist(), [False, True, False, False, True, False, False],
                 f"iqr_outlier_flags({x2.tolist()}) (-1.5 and 7.5 are beyond the fences)")


@pytest.mark.exercise("iqr_outlier_flags")
def test_iqr_ignores_missing_values(learner):
    X = np.array([[1.0, np.nan], [2.0, np.nan], [np.nan, np.nan], [3.0, np.nan], [4.0, np.nan],
                  [50.0, np.nan]])
    got = np.asarray(learner.iqr_outlier_flags(X))
    # Column 0 without the NaN: 1, 2, 3, 4, 50 -> Q1 = 2, Q3 = 4, upper fence 7.
    expect_equal(got[:, 0].tolist(), [False, False, False, False, False, True],
                 "iqr_outlier_flags column [1, 2, NaN, 3, 4, 50] (quartiles over the observed values; "
                 "NaN is never an outlier)")
    expect_equal(got[:, 1].tolist(), [False] * 6, "iqr_outlier_flags of an all-NaN column")
    expect_raises(ValueError, lambda: learner.iqr_outlier_flags(X, k=-1.0), "iqr_outlier_flags(X, k=-1.0)")


# =============================================================================================
# 3. StandardScaler
# =============================================================================================
@pytest.fixture(scope="module")
def scaling_data():
    rng = np.random.default_rng(3)
    X_train = rng.normal([5.0, -2.0, 100.0, 0.0], [2.0, 0.5, 30.0, 1.0], size=(40, 4))
    X_test = rng.normal([7.0, -1.0, 50.0, 3.0], [3.0, 1.0, 10.0, 2.0], size=(9, 4))
    return X_train, X_test


@pytest.mark.exercise("StandardScaler")
def test_standard_scaler_follows_sklearn_conventions(learner, scaling_data):
    X_train, _ = scaling_data
    flag = False
    scaler = learner.StandardScaler(with_mean=flag)
    _expect_init_convention(scaler, "StandardScaler(with_mean=False)", {"with_mean": flag})
    scaler = learner.StandardScaler()
    expect_equal(getattr(scaler, "with_mean", _MISSING), True, "StandardScaler().with_mean (default)")
    with forbid(learner, "sklearn.preprocessing.StandardScaler", reason="write the scaler yourself"):
        _expect_fit_returns_self(scaler, scaler.fit(X_train), "StandardScaler()")
    for attr in ("mean_", "var_", "scale_", "n_features_in_"):
        expect(hasattr(scaler, attr), f"StandardScaler().fit(X) must set the attribute {attr}")
    expect_equal(scaler.n_features_in_, 4, "StandardScaler().fit(X).n_features_in_ for X with 4 columns")


@pytest.mark.exercise("StandardScaler")
def test_standard_scaler_matches_sklearn(learner, scaling_data):
    X_train, X_test = scaling_data
    ref = skp.StandardScaler().fit(X_train)
    before = X_test.copy()
    with forbid(learner, "sklearn.preprocessing.StandardScaler", reason="write the scaler yourself"):
        scaler = learner.StandardScaler().fit(X_train)
        got_test = scaler.transform(X_test)
        got_train = learner.StandardScaler().fit_transform(X_train)
    expect_close(scaler.mean_, ref.mean_, "StandardScaler.mean_ vs sklearn", atol=1e-10)
    expect_close(scaler.var_, ref.var_,
                 "StandardScaler.var_ vs sklearn (population variance: divide by n, ddof=0)", atol=1e-10)
    expect_close(scaler.scale_, ref.scale_, "StandardScaler.scale_ vs sklearn", atol=1e-10)
    expect_shape(got_test, X_test.shape, "StandardScaler.transform(X_test)")
    expect_close(got_test, ref.transform(X_test),
                 "StandardScaler.fit(X_train).transform(X_test) vs sklearn (the test set is scaled with "
                 "the TRAINING mean and std, never its own)", atol=1e-9)
    expect_close(got_train, ref.transform(X_train), "StandardScaler().fit_transform(X_train) vs sklearn",
                 atol=1e-9)
    _expect_unchanged(before, X_test, "StandardScaler.transform")


@pytest.mark.exercise("StandardScaler")
def test_standard_scaler_constant_column_and_one_sample(learner):
    X = np.array([[1.0, 5.0], [3.0, 5.0], [8.0, 5.0]])
    with forbid(learner, "sklearn.preprocessing.StandardScaler", reason="write the scaler yourself"):
        scaler = learner.StandardScaler().fit(X)
        Z = scaler.transform(X)
        one = learner.StandardScaler().fit_transform(np.array([[2.0, -4.0, 7.0]]))
    expect_close(scaler.var_[1], 0.0, "StandardScaler.var_ of a constant column")
    expect_close(scaler.scale_[1], 1.0, "StandardScaler.scale_ of a constant column (zero std is replaced by 1)")
    expect(np.all(np.isfinite(Z)), "StandardScaler.transform gave NaN/inf for a constant column: "
                                   "its std is 0, so its scale_ must be 1")
    expect_close(Z[:, 1], [0.0, 0.0, 0.0], "StandardScaler transform of a constant column")
    expect_close(one, [[0.0, 0.0, 0.0]], "StandardScaler().fit_transform of a single sample")


@pytest.mark.exercise("StandardScaler")
def test_standard_scaler_without_mean_and_inverse(learner, scaling_data):
    X_train, X_test = scaling_data
    ref = skp.StandardScaler(with_mean=False).fit(X_train)
    with forbid(learner, "sklearn.preprocessing.StandardScaler", reason="write the scaler yourself"):
        scaler = learner.StandardScaler(with_mean=False).fit(X_train)
        got = scaler.transform(X_test)
        back = scaler.inverse_transform(got)
        full = learner.StandardScaler().fit(X_train)
        back_full = full.inverse_transform(full.transform(X_test))
    expect_close(got, ref.transform(X_test), "StandardScaler(with_mean=False).transform vs sklearn "
                                             "(divide by the std, do not subtract the mean)", atol=1e-9)
    expect_close(back, X_test, "inverse_transform(transform(X)) with with_mean=False", atol=1e-9)
    expect_close(back_full, X_test, "StandardScaler inverse_transform(transform(X))", atol=1e-9)


# =============================================================================================
# 4. MinMaxScaler
# =============================================================================================
@pytest.mark.exercise("MinMaxScaler")
def test_minmax_follows_sklearn_conventions(learner, scaling_data):
    X_train, _ = scaling_data
    rng_arg, clip = [-1.0, 1.0], True
    scaler = learner.MinMaxScaler(feature_range=rng_arg, clip=clip)
    _expect_init_convention(scaler, "MinMaxScaler(feature_range=[-1.0, 1.0], clip=True)",
                            {"feature_range": rng_arg, "clip": clip})
    default = learner.MinMaxScaler()
    expect_equal(tuple(getattr(default, "feature_range", ())), (0.0, 1.0), "MinMaxScaler().feature_range")
    expect_equal(getattr(default, "clip", _MISSING), False, "MinMaxScaler().clip")
    with forbid(learner, "sklearn.preprocessing.MinMaxScaler", reason="write the scaler yourself"):
        _expect_fit_returns_self(default, default.fit(X_train), "MinMaxScaler()")
    for attr in ("data_min_", "data_max_", "data_range_", "scale_", "min_", "n_features_in_"):
        expect(hasattr(default, attr), f"MinMaxScaler().fit(X) must set the attribute {attr}")


@pytest.mark.exercise("MinMaxScaler")
def test_minmax_matches_sklearn(learner, scaling_data):
    X_train, X_test = scaling_data
    before = X_test.copy()
    for fr in ((0.0, 1.0), (-1.0, 1.0), (2.0, 5.0)):
        ref = skp.MinMaxScaler(feature_range=fr).fit(X_train)
        with forbid(learner, "sklearn.preprocessing.MinMaxScaler", reason="write the scaler yourself"):
            scaler = learner.MinMaxScaler(feature_range=fr).fit(X_train)
            got = scaler.transform(X_test)
            got_train = learner.MinMaxScaler(feature_range=fr).fit_transform(X_train)
        for attr in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
            expect_close(getattr(scaler, attr), getattr(ref, attr),
                         f"MinMaxScaler(feature_range={fr}).{attr} vs sklearn", atol=1e-10)
        expect_close(got, ref.transform(X_test),
                     f"MinMaxScaler(feature_range={fr}).fit(X_train).transform(X_test) vs sklearn (test "
                     "values outside the training range map outside the range; the min and max come "
                     "from the training data only)", atol=1e-9)
        expect_close(got_train, ref.transform(X_train), f"MinMaxScaler(feature_range={fr}).fit_transform",
                     atol=1e-9)
    _expect_unchanged(before, X_test, "MinMaxScaler.transform")


@pytest.mark.exercise("MinMaxScaler")
def test_minmax_constant_column_clip_and_inverse(learner, scaling_data):
    X = np.array([[0.0, 7.0], [10.0, 7.0], [4.0, 7.0]])
    X_new = np.array([[-5.0, 7.0], [20.0, 9.0]])
    with forbid(learner, "sklearn.preprocessing.MinMaxScaler", reason="write the scaler yourself"):
        scaler = learner.MinMaxScaler(feature_range=(-1.0, 1.0)).fit(X)
        Z = scaler.transform(X)
        clipped = learner.MinMaxScaler(clip=True).fit(X).transform(X_new)
        X_train, X_test = scaling_data
        s = learner.MinMaxScaler(feature_range=(-2.0, 3.0)).fit(X_train)
        back = s.inverse_transform(s.transform(X_test))
    expect(np.all(np.isfinite(Z)), "MinMaxScaler gave NaN/inf for a constant column: treat a zero range as 1")
    expect_close(Z[:, 1], [-1.0, -1.0, -1.0], "MinMaxScaler(feature_range=(-1, 1)) on a constant column "
                                              "(maps to the low end of the range)")
    expect_close(Z[:, 0], [-1.0, 1.0, -0.2], "MinMaxScaler(feature_range=(-1, 1)) on [0, 10, 4]")
    ref = skp.MinMaxScaler(clip=True).fit(X).transform(X_new)
    expect_close(clipped, ref, "MinMaxScaler(clip=True).transform of values outside the training range "
                               "(clipped to [0, 1])", atol=1e-12)
    expect_close(back, X_test, "MinMaxScaler inverse_transform(transform(X))", atol=1e-9)


@pytest.mark.exercise("MinMaxScaler")
def test_minmax_rejects_an_empty_range_in_fit(learner):
    X = np.array([[0.0], [1.0]])
    try:
        bad = learner.MinMaxScaler(feature_range=(1.0, 0.0))
    except ValueError:
        raise AssertionError("MinMaxScaler(feature_range=(1.0, 0.0)) raised in __init__: scikit-learn "
                             "estimators validate hyperparameters in fit, __init__ only stores them") from None
    expect_raises(ValueError, lambda: bad.fit(X), "MinMaxScaler(feature_range=(1.0, 0.0)).fit(X)")
    expect_raises(ValueError, lambda: learner.MinMaxScaler(feature_range=(2.0, 2.0)).fit(X),
                  "MinMaxScaler(feature_range=(2.0, 2.0)).fit(X)")


# =============================================================================================
# 5. SimpleImputer
# =============================================================================================
@pytest.fixture(scope="module")
def missing_data():
    rng = np.random.default_rng(5)
    X_train = np.round(rng.normal([10.0, 0.0, 50.0, 3.0], [3.0, 1.0, 20.0, 1.0], size=(30, 4)), 0)
    X_train[rng.random(X_train.shape) < 0.2] = np.nan
    X_train[:, 3] = np.round(np.abs(X_train[:, 3]))  # column 3 is complete (no NaN) in training
    X_train[:, 3] = np.where(np.isnan(X_train[:, 3]), 2.0, X_train[:, 3])
    # The test set is shifted: a statistic recomputed on it differs from the training one.
    X_test = np.round(rng.normal([20.0, 5.0, 0.0, 9.0], 2.0, size=(8, 4)), 0)
    X_test[[0, 2, 5], [0, 1, 2]] = np.nan
    X_test[1, 3] = np.nan  # missing where training had no missing values
    X_test[4, :] = np.nan
    return X_train, X_test


@pytest.mark.exercise("SimpleImputer")
def test_imputer_follows_sklearn_conventions(learner, missing_data):
    X_train, _ = missing_data
    strategy, indicator = "median", True
    imp = learner.SimpleImputer(strategy=strategy, add_indicator=indicator)
    _expect_init_convention(imp, "SimpleImputer(strategy='median', add_indicator=True)",
                            {"strategy": strategy, "add_indicator": indicator})
    default = learner.SimpleImputer()
    expect_equal(getattr(default, "strategy", _MISSING), "mean", "SimpleImputer().strategy")
    with forbid(learner, "sklearn.impute.SimpleImputer", reason="write the imputer yourself"):
        _expect_fit_returns_self(default, default.fit(X_train), "SimpleImputer()")
    for attr in ("statistics_", "missing_features_", "n_features_in_"):
        expect(hasattr(default, attr), f"SimpleImputer().fit(X) must set the attribute {attr}")
    expect_equal(np.asarray(default.missing_features_).tolist(), [0, 1, 2],
                 "SimpleImputer().fit(X).missing_features_ (columns with NaN in the training data)")


@pytest.mark.exercise("SimpleImputer")
def test_imputer_matches_sklearn_and_fits_on_train_only(learner, missing_data):
    X_train, X_test = missing_data
    before = X_test.copy()
    for strategy in ("mean", "median", "most_frequent"):
        ref = SkSimpleImputer(strategy=strategy).fit(X_train)
        with forbid(learner, "sklearn.impute.SimpleImputer", reason="write the imputer yourself"):
            imp = learner.SimpleImputer(strategy=strategy).fit(X_train)
            got = imp.transform(X_test)
            got_train = learner.SimpleImputer(strategy=strategy).fit_transform(X_train)
        expect_close(imp.statistics_, ref.statistics_, f"SimpleImputer('{strategy}').statistics_ vs sklearn "
                                                       "(computed over the observed values only)", atol=1e-10)
        expect_shape(got, X_test.shape, f"SimpleImputer('{strategy}').transform(X_test)")
        expect_close(got, ref.transform(X_test),
                     f"SimpleImputer('{strategy}').fit(X_train).transform(X_test) vs sklearn (missing test "
                     "values are filled with the TRAINING statistics, never recomputed on the test set)",
                     atol=1e-10)
        expect_close(got_train, ref.transform(X_train), f"SimpleImputer('{strategy}').fit_transform(X_train)",
                     atol=1e-10)
    _expect_unchanged(before, X_test, "SimpleImputer.transform")


@pytest.mark.exercise("SimpleImputer")
def test_imputer_most_frequent_breaks_ties_to_the_smallest(learner):
    X = np.array([[3.0, -2.0], [1.0, 5.0], [3.0, 5.0], [1.0, -2.0], [2.0, np.nan], [np.nan, 7.0]])
    with forbid(learner, "sklearn.impute.SimpleImputer", reason="write the imputer yourself"):
        imp = learner.SimpleImputer(strategy="most_frequent").fit(X)
    expect_close(imp.statistics_, [1.0, -2.0],
                 "SimpleImputer('most_frequent').statistics_ for columns [3, 1, 3, 1, 2, NaN] and "
                 "[-2, 5, 5, -2, NaN, 7] (ties go to the smallest value, not the first seen)")


@pytest.mark.exercise("SimpleImputer")
def test_imputer_add_indicator_matches_sklearn(learner, missing_data):
    X_train, X_test = missing_data
    ref = SkSimpleImputer(strategy="mean", add_indicator=True).fit(X_train)
    with forbid(learner, "sklearn.impute.SimpleImputer", reason="write the imputer yourself"):
        imp = learner.SimpleImputer(strategy="mean", add_indicator=True).fit(X_train)
        got = imp.transform(X_test)
    want = ref.transform(X_test)
    expect_shape(got, want.shape,
                 "SimpleImputer(add_indicator=True).transform(X_test): 4 imputed columns + one indicator per "
                 "column that had NaN IN TRAINING (3 here; column 3 was complete in training)")
    expect_close(got, want, "SimpleImputer(add_indicator=True).transform(X_test) vs sklearn", atol=1e-10)


@pytest.mark.exercise("SimpleImputer")
def test_imputer_rejects_bad_input(learner):
    X = np.array([[1.0, np.nan], [2.0, np.nan]])
    expect_raises(ValueError, lambda: learner.SimpleImputer().fit(X),
                  "SimpleImputer().fit(X) where column 1 has no observed value")
    try:
        bad = learner.SimpleImputer(strategy="mode")
    except ValueError:
        raise AssertionError("SimpleImputer(strategy='mode') raised in __init__: validate hyperparameters "
                             "in fit, __init__ only stores them") from None
    expect_raises(ValueError, lambda: bad.fit(np.array([[1.0], [2.0]])), "SimpleImputer(strategy='mode').fit(X)")


# =============================================================================================
# 6. OneHotEncoder
# =============================================================================================
_CAT_TRAIN = np.array([["red", "S", 3], ["blue", "M", 1], ["red", "L", 3], ["green", "M", 2],
                       ["blue", "S", 1]], dtype=object)


def _sk_onehot(handle_unknown: str = "error") -> skp.OneHotEncoder:
    return skp.OneHotEncoder(handle_unknown=handle_unknown, sparse_output=False)


@pytest.mark.exercise("OneHotEncoder")
def test_onehot_follows_sklearn_conventions(learner):
    mode = "ignore"
    enc = learner.OneHotEncoder(handle_unknown=mode)
    _expect_init_convention(enc, "OneHotEncoder(handle_unknown='ignore')", {"handle_unknown": mode})
    default = learner.OneHotEncoder()
    expect_equal(getattr(default, "handle_unknown", _MISSING), "error", "OneHotEncoder().handle_unknown")
    with forbid(learner, "sklearn.preprocessing.OneHotEncoder", "pandas.get_dummies",
                reason="write the encoder yourself"):
        _expect_fit_returns_self(default, default.fit(_CAT_TRAIN), "OneHotEncoder()")
    expect(hasattr(default, "categories_"), "OneHotEncoder().fit(X) must set the attribute categories_")
    try:
        bad = learner.OneHotEncoder(handle_unknown="skip")
    except ValueError:
        raise AssertionError("OneHotEncoder(handle_unknown='skip') raised in __init__: validate in fit") from None
    expect_raises(ValueError, lambda: bad.fit(_CAT_TRAIN), "OneHotEncoder(handle_unknown='skip').fit(X)")


@pytest.mark.exercise("OneHotEncoder")
def test_onehot_matches_sklearn(learner):
    ref = _sk_onehot().fit(_CAT_TRAIN)
    X_new = np.array([["green", "L", 2], ["red", "S", 1]], dtype=object)
    with forbid(learner, "sklearn.preprocessing.OneHotEncoder", "pandas.get_dummies",
                reason="write the encoder yourself"):
        enc = learner.OneHotEncoder().fit(_CAT_TRAIN)
        got_train = enc.transform(_CAT_TRAIN)
        got_new = enc.transform(X_new)
        names = enc.get_feature_names_out(["color", "size", "qty"])
        default_names = enc.get_feature_names_out()
    cats = [np.asarray(c).tolist() for c in enc.categories_]
    expect_equal(cats, [c.tolist() for c in ref.categories_],
                 "OneHotEncoder.categories_ (each column's distinct values, SORTED)")
    expect_shape(got_train, ref.transform(_CAT_TRAIN).shape, "OneHotEncoder.fit(X).transform(X)")
    expect_equal(np.asarray(got_train).dtype, np.dtype(np.float64), "dtype of OneHotEncoder.transform's result")
    expect_close(got_train, ref.transform(_CAT_TRAIN), "OneHotEncoder.fit(X).transform(X) vs sklearn")
    expect_close(got_new, ref.transform(X_new), "OneHotEncoder.transform of new rows vs sklearn")
    expect_equal([str(n) for n in names], ref.get_feature_names_out(["color", "size", "qty"]).tolist(),
                 "OneHotEncoder.get_feature_names_out(['color', 'size', 'qty'])")
    expect_equal([str(n) for n in default_names], ref.get_feature_names_out().tolist(),
                 "OneHotEncoder.get_feature_names_out() (default names x0, x1, ...)")


@pytest.mark.exercise("OneHotEncoder")
def test_onehot_sorts_categories_and_keeps_them_fixed(learner):
    X = np.array([["zebra"], ["apple"], ["mango"], ["apple"]], dtype=object)
    with forbid(learner, "sklearn.preprocessing.OneHotEncoder", "pandas.get_dummies",
                reason="write the encoder yourself"):
        enc = learner.OneHotEncoder().fit(X)
        sub = enc.transform(np.array([["mango"]], dtype=object))
        df_enc = learner.OneHotEncoder().fit(pd.DataFrame({"fruit": ["zebra", "apple", "mango"]}))
    expect_equal(np.asarray(enc.categories_[0]).tolist(), ["apple", "mango", "zebra"],
                 "OneHotEncoder.categories_ for training values zebra, apple, mango, apple (sorted, not in "
                 "order of appearance)")
    expect_close(sub, [[0.0, 1.0, 0.0]],
                 "OneHotEncoder.transform([['mango']]) after fitting on zebra/apple/mango (all 3 learned "
                 "columns are kept: transform must not re-learn the categories)")
    expect_equal(np.asarray(df_enc.categories_[0]).tolist(), ["apple", "mango", "zebra"],
                 "OneHotEncoder.fit on a one-column DataFrame: categories_[0]")


@pytest.mark.exercise("OneHotEncoder")
def test_onehot_unknown_categories(learner):
    X_new = np.array([["purple", "M", 3], ["blue", "XL", 9]], dtype=object)
    with forbid(learner, "sklearn.preprocessing.OneHotEncoder", "pandas.get_dummies",
                reason="write the encoder yourself"):
        strict = learner.OneHotEncoder().fit(_CAT_TRAIN)
        expect_raises(ValueError, lambda: strict.transform(X_new),
                      "OneHotEncoder(handle_unknown='error').transform of a row with a category never seen")
        got = learner.OneHotEncoder(handle_unknown="ignore").fit(_CAT_TRAIN).transform(X_new)
    want = _sk_onehot("ignore").fit(_CAT_TRAIN).transform(X_new)
    expect_close(got, want, "OneHotEncoder(handle_unknown='ignore').transform of unseen categories "
                            "(an unseen value gives an all-zero block for its column)")


# =============================================================================================
# 7. polynomial_features
# =============================================================================================
@pytest.mark.exercise("polynomial_features")
def test_polynomial_docstring_examples(learner):
    with forbid(learner, "sklearn.preprocessing.PolynomialFeatures", reason="build the monomials yourself"):
        got = learner.polynomial_features(np.array([[2.0, 3.0]]), degree=2)
        got2 = learner.polynomial_features(np.array([[2.0, 3.0, 5.0]]), degree=3, interaction_only=True,
                                           include_bias=False)
    expect_close(got, [[1.0, 2.0, 3.0, 4.0, 6.0, 9.0]],
                 "polynomial_features([[2, 3]], degree=2): [1, a, b, a^2, ab, b^2]")
    expect_close(got2, [[2.0, 3.0, 5.0, 6.0, 10.0, 15.0, 30.0]],
                 "polynomial_features([[2, 3, 5]], degree=3, interaction_only=True, include_bias=False)")


@pytest.mark.exercise("polynomial_features")
def test_polynomial_matches_sklearn_order(learner):
    rng = np.random.default_rng(7)
    X3, X4 = rng.normal(size=(6, 3)), rng.normal(size=(5, 4))
    cases = [(X3, 2, False, True), (X3, 3, False, True), (X4, 3, False, False), (X4, 3, True, True),
             (X3, 4, True, False), (X4, 1, False, True)]
    for X, degree, inter, bias in cases:
        want = skp.PolynomialFeatures(degree=degree, interaction_only=inter, include_bias=bias).fit_transform(X)
        with forbid(learner, "sklearn.preprocessing.PolynomialFeatures", reason="build the monomials yourself"):
            got = learner.polynomial_features(X, degree=degree, interaction_only=inter, include_bias=bias)
        what = (f"polynomial_features(X of shape {X.shape}, degree={degree}, interaction_only={inter}, "
                f"include_bias={bias})")
        expect_shape(got, want.shape, what)
        expect_close(got, want, what + " vs sklearn's PolynomialFeatures (same column ORDER: degree by degree, "
                                       "index tuples i1 <= i2 <= ... in lexicographic order)", atol=1e-10)


@pytest.mark.exercise("polynomial_features")
def test_polynomial_column_count_and_edges(learner):
    from math import comb

    X = np.arange(1.0, 11.0).reshape(2, 5)
    with forbid(learner, "sklearn.preprocessing.PolynomialFeatures", reason="build the monomials yourself"):
        got = learner.polynomial_features(X, degree=3)
        one = learner.polynomial_features(np.array([[4.0]]), degree=3, include_bias=False)
    expect_shape(got, (2, comb(5 + 3, 3)), "polynomial_features(X with 5 columns, degree=3): C(8, 3) = 56 columns")
    expect_close(one, [[4.0, 16.0, 64.0]], "polynomial_features([[4]], degree=3, include_bias=False)")
    for bad in (0, -1):
        expect_raises(ValueError, lambda bad=bad: learner.polynomial_features(X, degree=bad),
                      f"polynomial_features(X, degree={bad})")


# =============================================================================================
# 8. clean_customers
# =============================================================================================
_MESSY = """customer_id,plan,name,email,signup_date,age,country,monthly_spend,notes
7, Basic ,  Ada Byron ,ADA@Example.org,2023-01-05,36,gb,"$1,200.50",vip
3,PRO,Grace Hopper,grace@example.org,2023-02-30, 85 ,US ,35,
12,basic,Alan Turing,alan@example.org,2023/03/14,-1,Gb,n/a,
3,pro,Grace Hopper,Grace@Navy.mil,2023-02-28,85,us,35.00,updated
,basic,No Id,noid@example.org,2023-04-01,30,US,10,
4a,basic,Bad Id,bad@example.org,2023-04-01,30,US,10,
5,N/A,?,null,,abc,-,?,
12,basic,Alan Turing,alan@example.org,2023/03/14,-1,Gb,n/a,
9,Enterprise,Linus T,linus@example.org,2023-12-31,120,FI,"25,000",
10,basic,Kid,kid@example.org,2024-01-01,0,SE,0,
11,  NONE ,Old,old@example.org,14-01-2024,121,SE,-5,
 8 ,basic,Spaces,sp@example.org,2024-01-03,40.5,NO,$9.99,
-6,basic,Negative,neg@example.org,2024-01-03,40,NO,1,
"""
_COLUMNS = ["customer_id", "name", "email", "signup_date", "age", "country", "plan", "monthly_spend"]


@pytest.fixture
def cleaned(learner, tmp_path):
    path = tmp_path / "customers_messy.csv"
    path.write_text(_MESSY, encoding="utf-8")
    return learner.clean_customers(path)


@pytest.mark.exercise("clean_customers")
def test_clean_keys_dedup_and_order(cleaned):
    expect_type(cleaned, pd.DataFrame, "clean_customers(path)")
    expect_equal(list(cleaned.columns), _COLUMNS,
                 "clean_customers columns (in the documented order; other columns such as 'notes' dropped)")
    expect_equal(cleaned["customer_id"].tolist(), [3, 5, 7, 8, 9, 10, 11, 12],
                 "clean_customers customer_id column (rows with ids '', '4a' and '-6' dropped, one row per "
                 "id, sorted)")
    expect_equal(str(cleaned["customer_id"].dtype), "int64", "dtype of the customer_id column")
    expect_equal(list(cleaned.index), list(range(8)), "clean_customers index (reset to 0..n-1)")
    row3 = cleaned[cleaned["customer_id"] == 3]
    expect_equal(row3["email"].tolist(), ["grace@navy.mil"],
                 "email of customer 3, who appears twice: the LAST row of an id is its latest version")


@pytest.mark.exercise("clean_customers")
def test_clean_text_columns_and_missing_tokens(cleaned):
    _expect_column(cleaned, "name", ["Grace Hopper", None, "Ada Byron", "Spaces", "Linus T", "Kid", "Old",
                                     "Alan Turing"], "clean_customers (names stripped; '?' is missing)")
    _expect_column(cleaned, "email", ["grace@navy.mil", None, "ada@example.org", "sp@example.org",
                                      "linus@example.org", "kid@example.org", "old@example.org",
                                      "alan@example.org"], "clean_customers (emails lower-cased; 'null' is missing)")
    _expect_column(cleaned, "country", ["US", None, "GB", "NO", "FI", "SE", "SE", "GB"],
                   "clean_customers (countries stripped and upper-cased; '-' is missing)")
    _expect_column(cleaned, "plan", ["pro", None, "basic", "basic", "enterprise", "basic", None, "basic"],
                   "clean_customers (plans stripped and lower-cased; 'N/A' and '  NONE ' are missing)")


@pytest.mark.exercise("clean_customers")
def test_clean_numbers(cleaned):
    nan = float("nan")
    expect_equal(str(cleaned["age"].dtype), "float64", "dtype of the age column")
    expect_equal(str(cleaned["monthly_spend"].dtype), "float64", "dtype of the monthly_spend column")
    _expect_column(cleaned, "age", [85.0, nan, 36.0, 40.5, 120.0, 0.0, nan, nan],
                   "clean_customers ages ('abc', 121 and -1 become NaN; 0 and 120 are valid)")
    _expect_column(cleaned, "monthly_spend", [35.0, nan, 1200.5, 9.99, 25000.0, 0.0, -5.0, nan],
                   "clean_customers monthly_spend ('$1,200.50' -> 1200.5, '25,000' -> 25000, '-5' is a number, "
                   "'?' and 'n/a' are missing)")


@pytest.mark.exercise("clean_customers")
def test_clean_dates(cleaned):
    expect(pd.api.types.is_datetime64_any_dtype(cleaned["signup_date"]),
           f"the signup_date column must have a datetime64 dtype, got {cleaned['signup_date'].dtype}")
    got = [None if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d") for v in cleaned["signup_date"]]
    expect_equal(got, ["2023-02-28", None, "2023-01-05", "2024-01-03", "2023-12-31", "2024-01-01", None, None],
                 "clean_customers signup_date (YYYY-MM-DD only; '2023/03/14', '14-01-2024' and empty become NaT)")


@pytest.mark.exercise("clean_customers")
def test_clean_header_only_file(learner, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text(",".join(_COLUMNS) + "\n", encoding="utf-8")
    got = learner.clean_customers(path)
    expect_type(got, pd.DataFrame, "clean_customers of a file with only a header")
    expect_equal(list(got.columns), _COLUMNS, "columns of clean_customers for a header-only file")
    expect_equal(len(got), 0, "number of rows of clean_customers for a header-only file")


# =============================================================================================
# 9. sql_customer_features
# =============================================================================================
_SHOP_SQL = """
CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, country TEXT, signup TEXT);
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL,
                     order_date TEXT, status TEXT);
INSERT INTO customers VALUES (4, 'US', '2023-01-01'), (2, 'PE', '2023-02-01'), (5, 'BR', '2023-03-01'),
                             (1, 'NO', '2023-04-01'), (3, 'IN', '2023-05-01');
INSERT INTO orders VALUES
  (100, 1, 20.0,  '2024-01-03', 'completed'),
  (101, 1, 35.5,  '2024-02-11', 'completed'),
  (102, 1, 99.0,  '2024-03-01', 'cancelled'),
  (103, 3, 15.0,  '2024-01-20', 'cancelled'),
  (104, 4, 42.0,  '2023-12-30', 'completed'),
  (105, 4, 8.0,   '2024-01-02', NULL),
  (106, 4, 10.0,  '2024-01-05', 'refunded'),
  (107, 99, 500.0, '2024-01-01', 'completed'),
  (108, 5, 12.25, '2024-02-29', 'completed');
"""


def _make_shop(path, script: str = _SHOP_SQL) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(script)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def shop_features(learner, tmp_path):
    path = tmp_path / "shop.db"
    _make_shop(path)
    return learner.sql_customer_features(path)


@pytest.mark.exercise("sql_customer_features")
def test_sql_keeps_every_customer(shop_features):
    expect_type(shop_features, pd.DataFrame, "sql_customer_features(db)")
    expect_equal(list(shop_features.columns),
                 ["customer_id", "country", "n_orders", "total_spent", "avg_order", "last_order_date"],
                 "sql_customer_features columns")
    expect_equal(shop_features["customer_id"].tolist(), [1, 2, 3, 4, 5],
                 "sql_customer_features customer_id column: EVERY customer, sorted, including those without "
                 "a completed order (an INNER JOIN, or a status filter in WHERE, drops customers 2 and 3), and "
                 "no row for the orphan order of customer 99")
    _expect_column(shop_features, "country", ["NO", "PE", "IN", "US", "BR"], "sql_customer_features")
    expect_equal(list(shop_features.index), list(range(5)), "sql_customer_features index")


@pytest.mark.exercise("sql_customer_features")
def test_sql_counts_only_completed_orders(shop_features):
    expect(pd.api.types.is_integer_dtype(shop_features["n_orders"]),
           f"n_orders must be an integer column, got dtype {shop_features['n_orders'].dtype}")
    expect_equal(shop_features["n_orders"].tolist(), [2, 0, 0, 1, 1],
                 "sql_customer_features n_orders (completed orders only: cancelled, refunded and NULL status "
                 "do not count; COUNT(*) would give 1 instead of 0 for a customer with no match)")


@pytest.mark.exercise("sql_customer_features")
def test_sql_amounts(shop_features):
    nan = float("nan")
    _expect_column(shop_features, "total_spent", [55.5, 0.0, 0.0, 42.0, 12.25],
                   "sql_customer_features (total_spent is 0.0, not NULL/NaN, without completed orders)")
    _expect_column(shop_features, "avg_order", [27.75, nan, nan, 42.0, 12.25],
                   "sql_customer_features (avg_order is NaN without completed orders)")
    got = [None if pd.isna(v) else str(v) for v in shop_features["last_order_date"]]
    expect_equal(got, ["2024-02-11", None, None, "2023-12-30", "2024-02-29"],
                 "sql_customer_features last_order_date (latest COMPLETED order; customer 1's cancelled "
                 "order of 2024-03-01 does not count)")


@pytest.mark.exercise("sql_customer_features")
def test_sql_no_orders_at_all_and_closes(learner, tmp_path, tracked_connect):
    path = tmp_path / "empty_shop.db"
    _make_shop(path, _SHOP_SQL.split("INSERT INTO orders")[0])
    _TrackedConnection.opened.clear()
    got = learner.sql_customer_features(path)
    _expect_all_closed(tracked_connect, "sql_customer_features(db)")
    expect_equal(got["customer_id"].tolist(), [1, 2, 3, 4, 5],
                 "sql_customer_features customer_id for a database whose orders table is empty")
    expect_equal(got["n_orders"].tolist(), [0] * 5, "sql_customer_features n_orders with no orders at all")
    _expect_column(got, "total_spent", [0.0] * 5, "sql_customer_features with no orders at all")


# =============================================================================================
# 10. chi2_scores
# =============================================================================================
def _no_chi2(learner):
    return forbid(learner, "sklearn.feature_selection.chi2", "scipy.stats.chi2_contingency",
                  reason="compute the statistic yourself")


@pytest.mark.exercise("chi2_scores")
def test_chi2_docstring_example(learner):
    X = np.array([[1.0, 0.0], [3.0, 1.0], [0.0, 2.0], [0.0, 2.0]])
    with _no_chi2(learner):
        stat, p = learner.chi2_scores(X, np.array([0, 0, 1, 1]))
    expect_close(stat, [4.0, 1.8], "chi2_scores statistic for the docstring example", atol=1e-10)
    expect_close(p, [0.04550026389635842, 0.17971249487899976],
                 "chi2_scores p-values for the docstring example (2 classes: 1 degree of freedom)", rtol=1e-6)


@pytest.mark.exercise("chi2_scores")
def test_chi2_matches_sklearn_on_digits(learner):
    X, y = load_digits(return_X_y=True)
    X, y = X[:300], y[:300]
    want_stat, want_p = sk_chi2(X, y)  # zero pixels give NaN in both
    with _no_chi2(learner):
        stat, p = learner.chi2_scores(X, y)
    expect_shape(stat, (64,), "chi2_scores(digits X of shape (300, 64), y) statistic")
    expect_close(stat, want_stat, "chi2_scores statistic vs sklearn.feature_selection.chi2 on digits "
                                  "(sum of feature VALUES per class; all-zero pixels give NaN)", rtol=1e-8)
    expect_close(p, want_p, "chi2_scores p-values vs sklearn on digits (10 classes: 9 degrees of freedom)",
                 rtol=1e-6, atol=1e-300)


@pytest.mark.exercise("chi2_scores")
def test_chi2_string_labels_and_errors(learner):
    rng = np.random.default_rng(10)
    X = rng.poisson(3.0, size=(40, 5)).astype(float)
    y = np.array(["spam", "ham", "eggs", "ham"] * 10)
    X[y == "spam", 2] += 4.0
    want_stat, want_p = sk_chi2(X, y)
    with _no_chi2(learner):
        stat, p = learner.chi2_scores(X, y)
        expect_raises(ValueError, lambda: learner.chi2_scores(-X, y), "chi2_scores with negative features")
        expect_raises(ValueError, lambda: learner.chi2_scores(X, np.array(["ham"] * 40)),
                      "chi2_scores with a single class in y")
    expect_close(stat, want_stat, "chi2_scores statistic with 3 string classes vs sklearn", rtol=1e-8)
    expect_close(p, want_p, "chi2_scores p-values with 3 string classes vs sklearn", rtol=1e-6)


# =============================================================================================
# 11. build_pipeline
# =============================================================================================
@pytest.fixture(scope="module")
def churn_frames():
    rng = np.random.default_rng(13)
    n = 160
    df = pd.DataFrame({
        "customer_id": np.arange(1000, 1000 + n),
        "age": rng.normal(40, 12, n).round(0),
        "income": rng.lognormal(10, 0.5, n).round(-2),
        "plan": rng.choice(["basic", "pro", "enterprise"], n, p=[0.6, 0.3, 0.1]),
        "region": rng.choice(["north", "south", "east", "west"], n),
    })
    logit = 0.05 * (df["age"] - 40) - 1.2 * (df["plan"] == "basic") + 0.8 * (df["region"] == "south")
    df["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    df.loc[rng.random(n) < 0.1, "age"] = np.nan
    df.loc[rng.random(n) < 0.1, "income"] = np.nan
    df.loc[rng.random(n) < 0.1, "plan"] = np.nan
    train, test = df.iloc[:120].reset_index(drop=True), df.iloc[120:].reset_index(drop=True)
    test = test.copy()
    test.loc[0, "plan"] = "platinum"      # a category never seen in training
    test.loc[1, "region"] = "antarctica"
    return train, test


def _reference_pipeline(num, cat, C):
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    pre = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), num),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore"))]), cat),
    ], remainder="drop")
    return Pipeline([("preprocess", pre), ("model", LogisticRegression(C=C, max_iter=1000))])


_NUM, _CAT = ["age", "income"], ["plan", "region"]


@pytest.mark.exercise("build_pipeline")
def test_pipeline_structure(learner):
    pipe = learner.build_pipeline(_NUM, _CAT, C=0.5)
    expect_type(pipe, Pipeline, "build_pipeline(...)")
    expect_equal([name for name, _ in pipe.steps], ["preprocess", "model"], "build_pipeline(...).steps names")
    pre, model = pipe.steps[0][1], pipe.steps[1][1]
    expect_type(pre, ColumnTransformer, "the 'preprocess' step")
    expect_type(model, LogisticRegression, "the 'model' step")
    expect_equal(model.get_params()["C"], 0.5, "LogisticRegression C in build_pipeline(..., C=0.5)")
    expect_equal(model.get_params()["max_iter"], 1000, "LogisticRegression max_iter")
    expect_equal(pre.remainder, "drop", "ColumnTransformer remainder (columns not listed must be dropped)")
    expect_equal([(n, list(c)) for n, _, c in pre.transformers], [("num", _NUM), ("cat", _CAT)],
                 "ColumnTransformer transformers (name, columns), in order")
    num, cat = pre.transformers[0][1], pre.transformers[1][1]
    expect(isinstance(num, Pipeline) and isinstance(cat, Pipeline),
           "the 'num' and 'cat' transformers must each be a Pipeline (imputer, then scaler/encoder)")
    expect_equal([type(s).__name__ for _, s in num.steps], ["SimpleImputer", "StandardScaler"],
                 "the steps of the 'num' pipeline")
    expect_equal([type(s).__name__ for _, s in cat.steps], ["SimpleImputer", "OneHotEncoder"],
                 "the steps of the 'cat' pipeline")
    expect_equal(num.steps[0][1].get_params()["strategy"], "median", "strategy of the numeric imputer")
    expect_equal(cat.steps[0][1].get_params()["strategy"], "most_frequent", "strategy of the categorical imputer")
    expect_equal(cat.steps[1][1].get_params()["handle_unknown"], "ignore", "handle_unknown of the OneHotEncoder")
    try:
        check_is_fitted(pipe)
        fitted = True
    except NotFittedError:
        fitted = False
    expect(not fitted, "build_pipeline must return an UNFITTED pipeline (the caller fits it on training data)")


@pytest.mark.exercise("build_pipeline")
def test_pipeline_fits_and_matches_the_reference(learner, churn_frames):
    train, test = churn_frames
    pipe = learner.build_pipeline(_NUM, _CAT, C=2.0)
    ref = _reference_pipeline(_NUM, _CAT, 2.0)
    y = train["churned"]
    pipe.fit(train, y)
    ref.fit(train, y)
    got = pipe.predict_proba(test)
    expect_shape(got, (len(test), 2), "predict_proba of the fitted pipeline on 40 test rows")
    expect_close(got, ref.predict_proba(test),
                 "predict_proba of build_pipeline(['age', 'income'], ['plan', 'region'], C=2.0) fitted on the "
                 "training frame, vs the pipeline described in the docstring (test rows include unseen "
                 "categories, which must not raise)", atol=1e-6)
    width = pipe.named_steps["preprocess"].transform(test).shape[1]
    expect_equal(width, 2 + 3 + 4, "number of columns out of the 'preprocess' step (2 numeric + 3 plans + 4 regions; "
                                   "customer_id and churned are dropped)")


@pytest.mark.exercise("build_pipeline")
def test_pipeline_learns_from_the_training_rows_only(learner, churn_frames):
    train, _ = churn_frames
    pipe = learner.build_pipeline(_NUM, _CAT).fit(train.iloc[:60], train["churned"].iloc[:60])
    pre = pipe.named_steps["preprocess"]
    imputer = pre.named_transformers_["num"].steps[0][1]
    expect_close(imputer.statistics_, train[_NUM].iloc[:60].median().to_numpy(),
                 "medians learned by the numeric imputer after fitting on the first 60 rows", atol=1e-9)


@pytest.mark.exercise("build_pipeline")
def test_pipeline_copies_the_column_lists(learner, churn_frames):
    train, _ = churn_frames
    num, cat = list(_NUM), list(_CAT)
    pipe = learner.build_pipeline(num, cat)
    num.append("customer_id")
    cat.clear()
    cols = [list(c) for _, _, c in pipe.named_steps["preprocess"].transformers]
    expect_equal(cols, [_NUM, _CAT], "the pipeline's column lists after the caller modified the lists it passed "
                                     "(copy them with list(...))")
    pipe.fit(train, train["churned"])  # still fits on the intended columns


# =============================================================================================
# 12. target_encode
# =============================================================================================
@pytest.fixture(scope="module")
def encoding_data():
    rng = np.random.default_rng(11)
    cats = np.array([f"c{i:02d}" for i in range(12)])
    weights = np.linspace(3, 0.2, 12)
    train = rng.choice(cats, size=160, p=weights / weights.sum())
    effect = {c: rng.normal(0, 2) for c in cats}
    y = np.array([effect[c] for c in train]) + rng.normal(0, 1, size=160)
    test = np.concatenate([rng.choice(cats, size=30), np.array(["never-seen", "c03"])])
    return train, y, test


def _sk_target_encoder(smoothing: float, n_splits: int, seed: int) -> skp.TargetEncoder:
    return skp.TargetEncoder(target_type="continuous", smooth=smoothing,
                             cv=KFold(n_splits=n_splits, shuffle=True, random_state=seed))


def _no_target_encoder(learner):
    return forbid(learner, "sklearn.preprocessing.TargetEncoder", reason="write the encoding yourself")


@pytest.mark.exercise("target_encode")
def test_target_encode_docstring_example(learner):
    with _no_target_encoder(learner):
        train_enc, test_enc = learner.target_encode(np.array(["a", "a", "a", "b"]), np.array([1.0, 1, 0, 0]),
                                                    np.array(["b", "z", "a"]), smoothing=2.0, n_splits=2)
    expect_shape(train_enc, (4,), "target_encode train encoding for 4 training rows")
    expect_shape(test_enc, (3,), "target_encode test encoding for 3 test rows")
    expect_close(test_enc, [1 / 3, 0.5, 0.6],
                 "target_encode test encoding of ['b', 'z', 'a'] (fitted on ALL training rows; unseen 'z' -> the "
                 "prior 0.5)", atol=1e-12)


@pytest.mark.exercise("target_encode")
def test_target_encode_matches_sklearn(learner, encoding_data):
    train, y, test = encoding_data
    for smoothing, n_splits, seed in ((10.0, 5, 0), (2.5, 3, 42)):
        ref = _sk_target_encoder(smoothing, n_splits, seed)
        want_train = ref.fit_transform(train.reshape(-1, 1), y).ravel()
        want_test = ref.transform(test.reshape(-1, 1)).ravel()
        with _no_target_encoder(learner):
            got_train, got_test = learner.target_encode(train, y, test, smoothing=smoothing,
                                                        n_splits=n_splits, random_state=seed)
        what = f"target_encode(smoothing={smoothing}, n_splits={n_splits}, random_state={seed})"
        expect_close(got_test, want_test, f"{what} test encoding vs sklearn's TargetEncoder (statistics of all "
                                          "training rows; prior = mean of y_train)", atol=1e-10)
        expect_close(got_train, want_train,
                     f"{what} out-of-fold training encoding vs sklearn's TargetEncoder.fit_transform (KFold with "
                     "shuffle=True; each fold encoded with the other folds' statistics and THEIR mean as prior)",
                     atol=1e-10)


@pytest.mark.exercise("target_encode")
def test_target_encode_row_never_sees_its_own_target(learner, encoding_data):
    train, y, test = encoding_data
    with _no_target_encoder(learner):
        base_train, base_test = learner.target_encode(train, y, test)
        for i in (0, 57, 123):
            y2 = y.copy()
            y2[i] += 100.0
            new_train, new_test = learner.target_encode(train, y2, test)
            expect(np.isclose(new_train[i], base_train[i], atol=1e-9),
                   f"target leakage: changing y_train[{i}] changed the encoding of training row {i} itself "
                   f"({base_train[i]:.4f} -> {new_train[i]:.4f}). A training row must be encoded with "
                   "statistics of the OTHER folds only (out-of-fold)")
            expect(not np.allclose(new_test, base_test),
                   f"changing y_train[{i}] should change the test encoding (test rows use all training rows)")


@pytest.mark.exercise("target_encode")
def test_target_encode_id_column_does_not_leak(learner):
    # Unique categories (like a user id) and a pure-noise target: an in-fold encoding copies each
    # row's own y into its feature (correlation near 1); out of fold, every id is unseen in the
    # other folds and gets that fold's prior (correlation near 0).
    rng = np.random.default_rng(12)
    ids = np.array([f"user{i}" for i in range(200)])
    y = rng.normal(size=200)
    with _no_target_encoder(learner):
        enc, _ = learner.target_encode(ids, y, ids[:3], smoothing=1.0, n_splits=5, random_state=0)
    corr = float(np.corrcoef(enc, y)[0, 1])
    expect(abs(corr) < 0.5,
           f"target_encode on a unique-id column with a pure-noise target: the training encoding correlates "
           f"with y_train at {corr:+.2f}. That is leakage: each row's own target is inside its encoding")
    expected = np.empty(200)
    for fit_idx, enc_idx in KFold(5, shuffle=True, random_state=0).split(ids):
        expected[enc_idx] = y[fit_idx].mean()
    expect_close(enc, expected, "target_encode of unique ids: each row gets the mean target of the other folds",
                 atol=1e-10)


@pytest.mark.exercise("target_encode")
def test_target_encode_smoothing_limits_and_errors(learner, encoding_data):
    train, y, test = encoding_data
    with _no_target_encoder(learner):
        _, plain = learner.target_encode(train, y, test, smoothing=0.0)
        _, heavy = learner.target_encode(train, y, test, smoothing=1e9)
        got_int_train, got_int_test = learner.target_encode(np.array([1, 1, 2, 2, 3, 3]),
                                                            np.array([1.0, 3.0, 5.0, 7.0, 0.0, 2.0]),
                                                            np.array([3, 1, 4]), smoothing=0.0, n_splits=3)
        expect_raises(ValueError, lambda: learner.target_encode(train, y, test, smoothing=-1.0),
                      "target_encode(..., smoothing=-1.0)")
        expect_raises(ValueError, lambda: learner.target_encode(train, y, test, n_splits=1),
                      "target_encode(..., n_splits=1)")
    means = pd.Series(y).groupby(train).mean()
    want_plain = np.array([means.get(c, y.mean()) for c in test])
    expect_close(plain, want_plain, "target_encode(smoothing=0) test encoding: plain per-category means of "
                                    "y_train (unseen -> mean of y_train)", atol=1e-10)
    expect_close(heavy, np.full(len(test), y.mean()), "target_encode(smoothing=1e9): everything shrinks to the "
                                                      "prior (mean of y_train)", atol=1e-6)
    expect_shape(got_int_train, (6,), "target_encode with integer categories: training encoding")
    expect_close(got_int_test, [1.0, 2.0, 3.0], "target_encode with integer categories [3, 1, 4], smoothing=0",
                 atol=1e-12)


# =============================================================================================
# 13. recursive_feature_elimination
# =============================================================================================
class _FirstRowCoef(BaseEstimator):
    """A fake estimator whose coef_ is the first row of X: the test controls every importance."""

    def fit(self, X, y):
        self.coef_ = np.asarray(X, dtype=float)[0].copy()
        return self


def _no_rfe(learner):
    return forbid(learner, "sklearn.feature_selection.RFE", "sklearn.feature_selection.RFECV",
                  reason="write the elimination loop yourself")


def _expect_rfe(learner, X, y, estimator, n_select, step, what):
    ref = RFE(estimator, n_features_to_select=n_select, step=step).fit(X, y)
    with _no_rfe(learner):
        support, ranking = learner.recursive_feature_elimination(X, y, estimator, n_select, step=step)
    expect_shape(support, (X.shape[1],), f"{what}: support")
    expect_equal(np.asarray(support).dtype, np.dtype(bool), f"{what}: dtype of support")
    expect_equal(np.asarray(support).tolist(), ref.support_.tolist(), f"{what}: support vs sklearn's RFE.support_")
    expect_equal(np.asarray(ranking).tolist(), ref.ranking_.tolist(), f"{what}: ranking vs sklearn's RFE.ranking_")


@pytest.mark.exercise("recursive_feature_elimination")
def test_rfe_ranking_rules_on_a_controlled_estimator(learner):
    # Importances are the squares of the first row: [4, 1, 9, 16, 1, 0.25]; features 1 and 4 tie.
    X = np.vstack([[2.0, -1.0, 3.0, 4.0, 1.0, 0.5], np.ones(6), np.zeros(6)])
    y = np.zeros(3)
    est = _FirstRowCoef()
    with _no_rfe(learner):
        support, ranking = learner.recursive_feature_elimination(X, y, est, 2, step=1)
    expect_equal(np.asarray(support).tolist(), [False, False, True, True, False, False],
                 "recursive_feature_elimination support when the importances are [4, 1, 9, 16, 1, 0.25], keep 2")
    expect_equal(np.asarray(ranking).tolist(), [2, 4, 1, 1, 3, 5],
                 "recursive_feature_elimination ranking for importances [4, 1, 9, 16, 1, 0.25], keep 2, step 1 "
                 "(first eliminated gets the largest rank; the tie between features 1 and 4 goes to the lower "
                 "index first)")
    expect(not hasattr(est, "coef_"), "recursive_feature_elimination fitted the estimator it was given: fit "
                                      "sklearn.base.clone(estimator) instead, and leave the caller's object alone")


@pytest.mark.exercise("recursive_feature_elimination")
def test_rfe_matches_sklearn_linear_regression(learner):
    X, y = load_diabetes(return_X_y=True)
    _expect_rfe(learner, X, y, LinearRegression(), 4, 1,
                "recursive_feature_elimination(diabetes, LinearRegression(), 4, step=1)")
    _expect_rfe(learner, X, y, Ridge(alpha=0.01), 3, 3,
                "recursive_feature_elimination(diabetes, Ridge(alpha=0.01), 3, step=3)")


@pytest.mark.exercise("recursive_feature_elimination")
def test_rfe_matches_sklearn_logistic_regression(learner):
    X, y = load_breast_cancer(return_X_y=True)
    X = skp.StandardScaler().fit_transform(X[:150])
    _expect_rfe(learner, X, y[:150], LogisticRegression(C=0.5, max_iter=2000), 5, 5,
                "recursive_feature_elimination(breast cancer, LogisticRegression(C=0.5), 5, step=5)")
    Xw, yw = load_wine(return_X_y=True)
    Xw = skp.StandardScaler().fit_transform(Xw)
    _expect_rfe(learner, Xw, yw, LogisticRegression(C=0.1, max_iter=2000), 5, 2,
                "recursive_feature_elimination(wine, 3-class LogisticRegression(C=0.1), 5, step=2) (importance = sum over "
                "the classes of the SQUARED coefficients)")


@pytest.mark.exercise("recursive_feature_elimination")
def test_rfe_edges_and_errors(learner):
    X, y = load_diabetes(return_X_y=True)
    X, y = X[:100, :5], y[:100]
    with _no_rfe(learner):
        support, ranking = learner.recursive_feature_elimination(X, y, LinearRegression(), 5)
        expect_raises(ValueError, lambda: learner.recursive_feature_elimination(X, y, LinearRegression(), 0),
                      "recursive_feature_elimination(..., n_features_to_select=0)")
        expect_raises(ValueError, lambda: learner.recursive_feature_elimination(X, y, LinearRegression(), 6),
                      "recursive_feature_elimination(..., n_features_to_select=6) with only 5 features")
        expect_raises(ValueError, lambda: learner.recursive_feature_elimination(X, y, LinearRegression(), 2, step=0),
                      "recursive_feature_elimination(..., step=0)")
    expect_equal(np.asarray(support).tolist(), [True] * 5,
                 "recursive_feature_elimination keeping all 5 of 5 features: support")
    expect_equal(np.asarray(ranking).tolist(), [1] * 5,
                 "recursive_feature_elimination keeping all 5 of 5 features: ranking")
    _expect_rfe(learner, X, y, LinearRegression(), 1, 10,
                "recursive_feature_elimination(5 features, keep 1, step=10) (never eliminate past the target)")
