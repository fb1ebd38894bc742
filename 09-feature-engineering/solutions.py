"""Module 09 - Feature engineering: reference solutions.

Same public names and signatures as ``exercises.py``. Read these *after* an honest attempt: the
comments explain *why* each step is there, which is the part worth learning. The hidden suite
checks every function and class here against scikit-learn (or pandas / SQLite) on the same data.

Run a short demo of every solution, each next to the library routine it imitates::

    uv run 09-feature-engineering/solutions.py
"""
from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

# ---------------------------------------------------------------------------------------------
# 1. Loading a table from CSV, JSON, JSON Lines or SQLite
# ---------------------------------------------------------------------------------------------

_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def load_table(path: str | os.PathLike[str], table: str | None = None) -> pd.DataFrame:
    """Load a table from a ``.csv``, ``.json``, ``.jsonl`` or SQLite file into a DataFrame."""
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1].lower()  # ".CSV" is still a CSV file
    if suffix == ".csv":
        return pd.read_csv(path)
    if suffix == ".json":
        with open(path, encoding="utf-8") as f:
            records = json.load(f)
        # A list of dicts becomes one row per dict; keys missing from a record become NaN. We
        # build the frame ourselves instead of pd.read_json, which guesses types (it turns
        # date-like strings into timestamps and large ints into floats).
        return pd.DataFrame.from_records(records)
    if suffix == ".jsonl":
        with open(path, encoding="utf-8") as f:
            # JSON Lines: one object per line; blank lines (often a trailing one) carry nothing.
            records = [json.loads(line) for line in f if line.strip()]
        return pd.DataFrame.from_records(records)
    if suffix in _SQLITE_SUFFIXES:
        if table is None:
            raise ValueError(f"{path} is a SQLite database: pass the name of the table to load")
        # `with sqlite3.connect(...)` only commits or rolls back: it does NOT close the
        # connection. contextlib.closing does, even when the query raises.
        with contextlib.closing(sqlite3.connect(path)) as conn:
            names = [row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
            # A table name cannot be a query parameter (placeholders only stand for values), so
            # we check it against the list of real tables instead of pasting arbitrary text
            # into the SQL: that is what stops `x"; DROP TABLE users; --`.
            if table not in names:
                raise ValueError(f"no table {table!r} in {path}; tables: {names}")
            quoted = '"' + table.replace('"', '""') + '"'
            return pd.read_sql_query(f"SELECT * FROM {quoted}", conn)
    raise ValueError(f"cannot load {path!r}: expected .csv, .json, .jsonl, .db, .sqlite or .sqlite3")


# ---------------------------------------------------------------------------------------------
# 2. Outlier flags with Tukey's IQR fences
# ---------------------------------------------------------------------------------------------


def iqr_outlier_flags(X: np.ndarray, k: float = 1.5) -> np.ndarray:
    """Boolean mask of the values outside ``[Q1 - k IQR, Q3 + k IQR]``, column by column."""
    X = np.asarray(X, dtype=float)
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    if X.size == 0:
        return np.zeros(X.shape, dtype=bool)
    # axis=0: one pair of quartiles per column (per feature), never one for the whole table, or
    # a feature measured in thousands would flag every value of a feature measured in units.
    # nanpercentile ignores missing values; a column with no numbers at all gives NaN fences.
    with np.errstate(invalid="ignore"), _quiet_all_nan():
        q1, q3 = np.nanpercentile(X, [25.0, 75.0], axis=0)
    iqr = q3 - q1
    low, high = q1 - k * iqr, q3 + k * iqr
    # Strict inequalities: a value exactly on a fence is not an outlier. Comparisons with NaN
    # are False, so missing values (and all-NaN columns) are never flagged.
    with np.errstate(invalid="ignore"):
        return (X < low) | (X > high)


@contextlib.contextmanager
def _quiet_all_nan():
    """Silence NumPy's 'All-NaN slice' warning: an all-missing column is a legitimate input."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


# ---------------------------------------------------------------------------------------------
# 3. Standardisation (z-scores)
# ---------------------------------------------------------------------------------------------


class StandardScaler:
    """Scale each feature to mean 0 and (population) standard deviation 1."""

    def __init__(self, with_mean: bool = True) -> None:
        # scikit-learn convention: __init__ only stores hyperparameters, unchanged. Nothing is
        # validated or computed here, so clone() and grid search can rebuild the object.
        self.with_mean = with_mean

    def fit(self, X: np.ndarray, y: Any = None) -> StandardScaler:
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a 2-D array with at least one row, got shape {X.shape}")
        self.n_features_in_ = X.shape[1]
        self.mean_ = X.mean(axis=0)
        # ddof=0 (divide by n): the scaler describes *this* data; it is not estimating a
        # population variance. scikit-learn does the same, and the two must agree.
        self.var_ = X.var(axis=0)
        scale = np.sqrt(self.var_)
        # A constant feature has std 0; dividing by it would give NaN/inf. Leaving it unscaled
        # (scale 1) maps it to 0 after centring, which is harmless.
        scale[scale == 0.0] = 1.0
        self.scale_ = scale
        return self  # so that StandardScaler().fit(X).transform(X) chains

    def _check(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "scale_"):
            raise RuntimeError("this StandardScaler is not fitted yet: call fit first")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got shape {X.shape}")
        return X

    def transform(self, X: np.ndarray) -> np.ndarray:
        X = self._check(X)
        # The statistics come from fit, i.e. from the training data, never from the X being
        # transformed: a test set is scaled with the training mean and std.
        centred = X - self.mean_ if self.with_mean else X
        return centred / self.scale_  # a new array: the caller's X is not modified

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        Z = self._check(Z)
        X = Z * self.scale_
        return X + self.mean_ if self.with_mean else X


# ---------------------------------------------------------------------------------------------
# 4. Min-max scaling
# ---------------------------------------------------------------------------------------------


class MinMaxScaler:
    """Map each feature linearly so that the training minimum and maximum land on ``feature_range``."""

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0), clip: bool = False) -> None:
        self.feature_range = feature_range
        self.clip = clip

    def fit(self, X: np.ndarray, y: Any = None) -> MinMaxScaler:
        lo, hi = self.feature_range
        # Validated in fit, not __init__, as in scikit-learn (set_params may change it later).
        if not lo < hi:
            raise ValueError(f"feature_range must be (min, max) with min < max, got {self.feature_range}")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a 2-D array with at least one row, got shape {X.shape}")
        self.n_features_in_ = X.shape[1]
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        # A constant feature has range 0: treat the range as 1 so the feature maps to `lo`
        # instead of 0/0 = NaN.
        safe_range = np.where(self.data_range_ == 0.0, 1.0, self.data_range_)
        # Write the map as X * scale_ + min_: one multiply-add per value, and the two learned
        # vectors are all that needs saving to reproduce the transform in production.
        self.scale_ = (hi - lo) / safe_range
        self.min_ = lo - self.data_min_ * self.scale_
        return self

    def _check(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "scale_"):
            raise RuntimeError("this MinMaxScaler is not fitted yet: call fit first")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got shape {X.shape}")
        return X

    def transform(self, X: np.ndarray) -> np.ndarray:
        X = self._check(X)
        Z = X * self.scale_ + self.min_
        if self.clip:
            # New data can fall outside the training range (a bigger house, a later date); by
            # default that is allowed to go outside feature_range, clip=True forbids it.
            Z = np.clip(Z, self.feature_range[0], self.feature_range[1])
        return Z

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        Z = self._check(Z)
        return (Z - self.min_) / self.scale_


# ---------------------------------------------------------------------------------------------
# 5. Imputation of missing values
# ---------------------------------------------------------------------------------------------


class SimpleImputer:
    """Replace NaN by a per-column statistic learned on the training data."""

    _STRATEGIES = ("mean", "median", "most_frequent")

    def __init__(self, strategy: str = "mean", add_indicator: bool = False) -> None:
        self.strategy = strategy
        self.add_indicator = add_indicator

    def fit(self, X: np.ndarray, y: Any = None) -> SimpleImputer:
        if self.strategy not in self._STRATEGIES:
            raise ValueError(f"strategy must be one of {self._STRATEGIES}, got {self.strategy!r}")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a 2-D array with at least one row, got shape {X.shape}")
        missing = np.isnan(X)
        empty = np.flatnonzero(missing.all(axis=0))
        if empty.size:
            raise ValueError(f"columns {empty.tolist()} have no observed value to learn from")
        self.n_features_in_ = X.shape[1]
        stats = np.empty(X.shape[1])
        for j in range(X.shape[1]):
            observed = X[~missing[:, j], j]  # the statistic is over observed values only
            if self.strategy == "mean":
                stats[j] = observed.mean()
            elif self.strategy == "median":
                stats[j] = np.median(observed)
            else:
                # np.unique returns the values sorted, and argmax returns the *first* maximum,
                # so a tie between counts goes to the smallest value (scikit-learn's rule).
                values, counts = np.unique(observed, return_counts=True)
                stats[j] = values[np.argmax(counts)]
        self.statistics_ = stats
        # Remember which columns had missing values *in training*: the indicator columns are
        # fixed at fit time so that every later transform returns the same number of columns.
        self.missing_features_ = np.flatnonzero(missing.any(axis=0))
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "statistics_"):
            raise RuntimeError("this SimpleImputer is not fitted yet: call fit first")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} features, got shape {X.shape}")
        missing = np.isnan(X)
        # np.where builds a new array (the caller's X is untouched) and broadcasts the (d,)
        # statistics along the rows. They are the TRAINING statistics: a test set with a
        # different mean is still filled with what the model saw during training.
        filled = np.where(missing, self.statistics_, X)
        if self.add_indicator:
            # "Was this value missing?" is often predictive in itself (an unanswered income
            # question, a sensor that failed when it overheated): keep it as 0/1 features.
            filled = np.hstack([filled, missing[:, self.missing_features_].astype(float)])
        return filled

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        return self.fit(X).transform(X)


# ---------------------------------------------------------------------------------------------
# 6. One-hot encoding with unknown categories
# ---------------------------------------------------------------------------------------------


class OneHotEncoder:
    """Dense one-hot encoding of every column of a categorical table."""

    def __init__(self, handle_unknown: str = "error") -> None:
        self.handle_unknown = handle_unknown

    @staticmethod
    def _as_2d(X: Any) -> np.ndarray:
        X = np.asarray(X, dtype=object)  # object: strings and ints keep their own values
        if X.ndim != 2:
            raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
        return X

    def fit(self, X: Any, y: Any = None) -> OneHotEncoder:
        if self.handle_unknown not in ("error", "ignore"):
            raise ValueError(f"handle_unknown must be 'error' or 'ignore', got {self.handle_unknown!r}")
        X = self._as_2d(X)
        if X.shape[0] == 0:
            raise ValueError("cannot learn categories from an empty table")
        self.n_features_in_ = X.shape[1]
        # Sorted categories, not order of first appearance: the column layout then depends only
        # on the *set* of training values, so shuffling the training rows (or reading them in
        # another order tomorrow) cannot silently permute the model's input columns.
        self.categories_ = [np.array(sorted(set(X[:, j].tolist())), dtype=object)
                            for j in range(X.shape[1])]
        return self

    def transform(self, X: Any) -> np.ndarray:
        if not hasattr(self, "categories_"):
            raise RuntimeError("this OneHotEncoder is not fitted yet: call fit first")
        X = self._as_2d(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} columns, got {X.shape[1]}")
        blocks = []
        for j, cats in enumerate(self.categories_):
            position = {c: i for i, c in enumerate(cats.tolist())}  # category -> column offset
            block = np.zeros((X.shape[0], len(cats)))
            for row, value in enumerate(X[:, j].tolist()):
                i = position.get(value)
                if i is None:
                    if self.handle_unknown == "error":
                        raise ValueError(f"unknown category {value!r} in column {j}")
                    # 'ignore': a category never seen in training gets an all-zero block. The
                    # model then falls back on its intercept and the other features for that
                    # row, instead of the service crashing on a new product code.
                    continue
                block[row, i] = 1.0
            blocks.append(block)
        return np.hstack(blocks) if blocks else np.zeros((X.shape[0], 0))

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        return self.fit(X).transform(X)

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        if not hasattr(self, "categories_"):
            raise RuntimeError("this OneHotEncoder is not fitted yet: call fit first")
        if input_features is None:
            input_features = [f"x{j}" for j in range(self.n_features_in_)]
        if len(input_features) != self.n_features_in_:
            raise ValueError(f"expected {self.n_features_in_} input feature names")
        names = [f"{name}_{cat}" for name, cats in zip(input_features, self.categories_) for cat in cats]
        return np.array(names, dtype=object)


# ---------------------------------------------------------------------------------------------
# 7. Polynomial and interaction features
# ---------------------------------------------------------------------------------------------


def polynomial_features(X: np.ndarray, degree: int = 2, interaction_only: bool = False,
                        include_bias: bool = True) -> np.ndarray:
    """All monomials of the columns of ``X`` up to ``degree``, in scikit-learn's order."""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)) or degree < 1:
        raise ValueError(f"degree must be an integer >= 1, got {degree!r}")
    n, d = X.shape
    # combinations_with_replacement(range(d), p) lists the multisets of p column indices in
    # lexicographic order: (0,0), (0,1), (1,1) for d = 2, p = 2, i.e. x0^2, x0 x1, x1^2.
    # `combinations` (no repeats) gives only products of distinct columns: the interactions.
    combos = itertools.combinations if interaction_only else itertools.combinations_with_replacement
    columns = [np.ones(n)] if include_bias else []
    for p in range(1, degree + 1):
        for idx in combos(range(d), p):
            # The product of the chosen columns. prod over an index tuple handles repeats
            # (x0 * x0 = x0^2) for free.
            columns.append(np.prod(X[:, list(idx)], axis=1))
    if not columns:
        return np.empty((n, 0))
    return np.column_stack(columns)


# ---------------------------------------------------------------------------------------------
# 8. Cleaning a messy CSV export
# ---------------------------------------------------------------------------------------------

_MISSING_TOKENS = {"", "na", "n/a", "null", "none", "?", "-"}
_COLUMNS = ["customer_id", "name", "email", "signup_date", "age", "country", "plan", "monthly_spend"]


def clean_customers(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Clean and deduplicate a messy customer export (see exercises.py for the rules)."""
    # dtype=str and keep_default_na=False: read every cell as the exact text in the file, so
    # that *we* decide what counts as missing (pandas' default list misses "?", " n/a " ...)
    # and no column gets a half-parsed type.
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing_cols = [c for c in _COLUMNS if c not in raw.columns]
    if missing_cols:
        raise ValueError(f"{os.fspath(path)} lacks the columns {missing_cols}")
    df = pd.DataFrame(index=raw.index)
    for col in _COLUMNS:
        text = raw[col].astype(object).map(lambda s: s.strip() if isinstance(s, str) else s)
        # Replace the missing tokens (compared case-insensitively) with a real missing value.
        df[col] = text.map(lambda s: None if s is None or s.lower() in _MISSING_TOKENS else s)

    # customer_id: keep only whole numbers written with digits; everything else is unusable as
    # a key, so the row is dropped rather than guessed.
    ids = df["customer_id"]
    ok = ids.map(lambda s: isinstance(s, str) and s.isdigit() and s.isascii())
    df = df[ok.astype(bool)].copy()
    df["customer_id"] = df["customer_id"].astype("int64")

    # Text columns: one canonical spelling per value, so "US", " us" and "Us" are one country.
    df["email"] = df["email"].map(lambda s: s.lower() if isinstance(s, str) else s)
    df["country"] = df["country"].map(lambda s: s.upper() if isinstance(s, str) else s)
    df["plan"] = df["plan"].map(lambda s: s.lower() if isinstance(s, str) else s)

    # Dates: one explicit format. errors="coerce" turns "2023/01/05" or "2023-02-30" into NaT
    # instead of guessing (is 03/04 March or April?).
    df["signup_date"] = pd.to_datetime(df["signup_date"], format="%Y-%m-%d", errors="coerce")

    # Numbers: to_numeric(errors="coerce") maps junk such as "abc" to NaN. An impossible age is
    # as unusable as a missing one, so it becomes NaN too (and can be imputed later, with the
    # other missing values, inside the model's pipeline).
    age = pd.to_numeric(df["age"], errors="coerce").astype("float64")
    df["age"] = age.where((age >= 0) & (age <= 120))
    spend = df["monthly_spend"].map(
        lambda s: s.replace("$", "").replace(",", "") if isinstance(s, str) else s)
    df["monthly_spend"] = pd.to_numeric(spend, errors="coerce").astype("float64")

    # Duplicates: the export is append-only, so the last row of an id is its latest version.
    # Deduplicating on the key (not on whole rows) also removes exact duplicates and rows that
    # differed only in spacing or case before cleaning.
    df = df.drop_duplicates(subset="customer_id", keep="last")
    return df.sort_values("customer_id", kind="stable").reset_index(drop=True)[_COLUMNS]


# ---------------------------------------------------------------------------------------------
# 9. Customer features computed in SQL
# ---------------------------------------------------------------------------------------------

_FEATURE_QUERY = """
SELECT c.customer_id                         AS customer_id,
       c.country                             AS country,
       COUNT(o.order_id)                     AS n_orders,
       COALESCE(SUM(o.amount), 0.0)          AS total_spent,
       AVG(o.amount)                         AS avg_order,
       MAX(o.order_date)                     AS last_order_date
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.customer_id
      AND o.status = 'completed'
GROUP BY c.customer_id, c.country
ORDER BY c.customer_id
"""
# Why each piece:
# * LEFT JOIN keeps customers without any order (an INNER JOIN would silently drop them, and
#   "has never ordered" is exactly the customer a churn model most needs to see).
# * The status filter sits in the ON clause. In a WHERE clause it would run after the join and
#   discard the NULL rows the LEFT JOIN produced for customers with no completed order, turning
#   the query back into an inner join.
# * COUNT(o.order_id) counts non-NULL ids, so 0 for those customers; COUNT(*) would count the
#   single all-NULL row and report 1.
# * SUM over no rows is NULL in SQL, hence COALESCE(..., 0.0); AVG stays NULL (there is no
#   average of nothing), which pandas reads as NaN.
# * ISO dates (YYYY-MM-DD) sort as text in date order, so MAX works on them directly.


def sql_customer_features(db_path: str | os.PathLike[str]) -> pd.DataFrame:
    """One row of order features per customer, computed by SQLite."""
    with contextlib.closing(sqlite3.connect(os.fspath(db_path))) as conn:
        df = pd.read_sql_query(_FEATURE_QUERY, conn)
    df["customer_id"] = df["customer_id"].astype("int64")
    df["n_orders"] = df["n_orders"].astype("int64")
    df["total_spent"] = df["total_spent"].astype("float64")
    df["avg_order"] = df["avg_order"].astype("float64")
    return df


# ---------------------------------------------------------------------------------------------
# 10. Chi-squared scores for feature selection
# ---------------------------------------------------------------------------------------------


def chi2_scores(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chi-squared statistic and p-value of each non-negative feature against the class labels."""
    from scipy.stats import chi2 as chi2_distribution

    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError(f"X must be (n, d) and y (n,), got {X.shape} and {y.shape}")
    if np.any(X < 0):
        raise ValueError("chi2 needs non-negative features (counts, frequencies, one-hot)")
    classes, y_idx = np.unique(y, return_inverse=True)
    if len(classes) < 2:
        raise ValueError("chi2 needs at least two classes in y")
    Y = np.eye(len(classes))[y_idx]                  # (n, k) one-hot class membership
    observed = Y.T @ X                               # (k, d): total of each feature per class
    class_prob = Y.mean(axis=0)                      # (k,): share of samples in each class
    feature_total = X.sum(axis=0)                    # (d,)
    # If the feature were independent of the class, each class would hold its share of the
    # feature's total: E = P(class) * total. The statistic adds up squared surprises.
    expected = np.outer(class_prob, feature_total)   # (k, d)
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = ((observed - expected) ** 2 / expected).sum(axis=0)  # 0/0 -> NaN for a zero feature
    # k classes give k - 1 degrees of freedom (the class totals are fixed).
    p_values = chi2_distribution.sf(stat, len(classes) - 1)
    return stat, p_values


# ---------------------------------------------------------------------------------------------
# 11. A leak-free preprocessing + model pipeline with scikit-learn
# ---------------------------------------------------------------------------------------------


def build_pipeline(numeric_features: Sequence[str], categorical_features: Sequence[str],
                   C: float = 1.0) -> Any:
    """An unfitted scikit-learn Pipeline: per-column-type preprocessing, then logistic regression."""
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer as SkSimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder as SkOneHotEncoder
    from sklearn.preprocessing import StandardScaler as SkStandardScaler

    numeric = Pipeline([
        # Median, not mean: robust to the outliers that survive cleaning.
        ("impute", SkSimpleImputer(strategy="median")),
        ("scale", SkStandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SkSimpleImputer(strategy="most_frequent")),
        # 'ignore': a category first seen in production becomes an all-zero block, not a crash.
        ("onehot", SkOneHotEncoder(handle_unknown="ignore")),
    ])
    preprocess = ColumnTransformer(
        [("num", numeric, list(numeric_features)),    # list(...): copies, so later edits of
         ("cat", categorical, list(categorical_features))],  # the caller's lists change nothing
        remainder="drop",  # ids, free text and timestamps must not sneak into the model
    )
    # Everything that learns from data (medians, means, stds, category lists, coefficients) is
    # inside ONE estimator. cross_val_score or GridSearchCV refit all of it on each training
    # fold, so no statistic of a validation fold ever leaks into its own preprocessing.
    return Pipeline([("preprocess", preprocess),
                     ("model", LogisticRegression(C=C, max_iter=1000))])


# ---------------------------------------------------------------------------------------------
# 12. Out-of-fold target encoding with smoothing
# ---------------------------------------------------------------------------------------------


def _smoothed_means(categories: np.ndarray, y: np.ndarray, smoothing: float) -> tuple[dict, float]:
    """{category: (sum_y + m * prior) / (count + m)} and the prior (mean of y) on these rows."""
    prior = float(y.mean())
    codes_of, inverse = np.unique(categories, return_inverse=True)
    sums = np.bincount(inverse, weights=y, minlength=len(codes_of))
    counts = np.bincount(inverse, minlength=len(codes_of)).astype(float)
    # The shrinkage estimate: a category seen n times gets weight n / (n + m) on its own mean
    # and m / (n + m) on the prior. Rare categories are pulled to the prior; frequent ones keep
    # their own mean. (It is the posterior mean of a normal model with m pseudo-observations.)
    encoded = (sums + smoothing * prior) / (counts + smoothing)
    return dict(zip(codes_of.tolist(), encoded.tolist())), prior


def target_encode(train_categories: np.ndarray, y_train: np.ndarray, test_categories: np.ndarray,
                  smoothing: float = 10.0, n_splits: int = 5,
                  random_state: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Smoothed mean-target encoding: out-of-fold for the training rows, full-train for the test rows."""
    from sklearn.model_selection import KFold

    train_categories = np.asarray(train_categories, dtype=object)
    test_categories = np.asarray(test_categories, dtype=object)
    y_train = np.asarray(y_train, dtype=float)
    if train_categories.ndim != 1 or y_train.shape != train_categories.shape:
        raise ValueError("train_categories and y_train must be 1-D arrays of the same length")
    if smoothing < 0:
        raise ValueError(f"smoothing must be >= 0, got {smoothing}")
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")

    def encode(fit_idx: np.ndarray, rows: np.ndarray) -> np.ndarray:
        table, prior = _smoothed_means(train_categories[fit_idx], y_train[fit_idx], smoothing)
        # A category absent from the fitting rows has no evidence: it gets the prior.
        return np.array([table.get(c, prior) for c in rows.tolist()], dtype=float)

    train_encoded = np.empty(len(y_train))
    # Cross-fitting: each training row is encoded with statistics from the OTHER folds only, so
    # its own target never enters its own feature. Encoding a row with a mean that includes its
    # own y hands the model a noisy copy of the answer: on a high-cardinality column (think
    # user id) the training fit looks perfect and the test score collapses.
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    for fit_idx, enc_idx in folds.split(train_categories):
        train_encoded[enc_idx] = encode(fit_idx, train_categories[enc_idx])
    # Test rows never had a target in training, so all training rows can be used.
    test_encoded = encode(np.arange(len(y_train)), test_categories)
    return train_encoded, test_encoded


# ---------------------------------------------------------------------------------------------
# 13. Recursive feature elimination
# ---------------------------------------------------------------------------------------------


def recursive_feature_elimination(X: np.ndarray, y: np.ndarray, estimator: Any,
                                  n_features_to_select: int,
                                  step: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Backward elimination by coefficient size; returns (support, ranking) like sklearn's RFE."""
    from sklearn.base import clone

    X = np.asarray(X, dtype=float)
    n_features = X.shape[1]
    if not 1 <= n_features_to_select <= n_features:
        raise ValueError(f"n_features_to_select must be between 1 and {n_features}, got {n_features_to_select}")
    if step < 1:
        raise ValueError(f"step must be >= 1, got {step}")
    support = np.ones(n_features, dtype=bool)
    ranking = np.ones(n_features, dtype=int)
    while support.sum() > n_features_to_select:
        features = np.flatnonzero(support)  # original indices of the surviving columns
        # clone() gives a fresh, unfitted copy with the same hyperparameters: the caller's
        # estimator is never fitted or modified, and no state leaks from one round to the next.
        model = clone(estimator).fit(X[:, features], y)
        coef = np.atleast_2d(np.asarray(model.coef_, dtype=float))  # (n_outputs, n_remaining)
        # Importance = sum of squared coefficients over outputs (classes). Comparing coefficient
        # sizes only makes sense when the features share a scale: standardise first.
        importance = (coef ** 2).sum(axis=0)
        # Never eliminate past the target; the stable sort breaks exact ties by column order.
        n_drop = min(step, support.sum() - n_features_to_select)
        weakest = features[np.argsort(importance, kind="stable")[:n_drop]]
        support[weakest] = False
        # Every feature eliminated so far moves one rank down: the first ones out end up with
        # the largest rank, the survivors keep rank 1.
        ranking[~support] += 1
    return support, ranking


# ---------------------------------------------------------------------------------------------
# Demo: each solution next to the library routine it imitates
# ---------------------------------------------------------------------------------------------
if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    from sklearn import preprocessing as skp
    from sklearn.datasets import load_diabetes, load_digits
    from sklearn.feature_selection import RFE
    from sklearn.feature_selection import chi2 as sk_chi2
    from sklearn.impute import SimpleImputer as SkImputer
    from sklearn.linear_model import LinearRegression

    here = Path(__file__).resolve().parent
    rng = np.random.default_rng(0)
    np.set_printoptions(precision=4, suppress=True)

    print("== load_table: the same rows from CSV, JSON Lines and SQLite")
    with tempfile.TemporaryDirectory() as tmp:
        frame = pd.DataFrame({"id": [1, 2, 3], "city": ["Oslo", "Lima", "Pune"], "temp": [3.5, 19.0, 31.2]})
        frame.to_csv(Path(tmp) / "t.csv", index=False)
        (Path(tmp) / "t.jsonl").write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")))
        with contextlib.closing(sqlite3.connect(Path(tmp) / "t.db")) as conn:
            frame.to_sql("weather", conn, index=False)
        for name, tbl in [("t.csv", None), ("t.jsonl", None), ("t.db", "weather")]:
            print(f"{name:8s}", load_table(Path(tmp) / name, tbl).values.tolist())

    print("\n== iqr_outlier_flags")
    x = np.array([[1.0], [2.0], [3.0], [4.0], [100.0]])
    print("values", x.ravel(), "-> flags", iqr_outlier_flags(x).ravel())

    print("\n== StandardScaler / MinMaxScaler vs scikit-learn (fit on train, apply to test)")
    Xtr, Xte = rng.normal(5, 2, size=(50, 3)), rng.normal(5, 2, size=(5, 3))
    ours = StandardScaler().fit(Xtr).transform(Xte)
    print("StandardScaler max |diff| =", np.abs(ours - skp.StandardScaler().fit(Xtr).transform(Xte)).max())
    ours = MinMaxScaler((-1, 1)).fit(Xtr).transform(Xte)
    print("MinMaxScaler   max |diff| =", np.abs(ours - skp.MinMaxScaler((-1, 1)).fit(Xtr).transform(Xte)).max())

    print("\n== SimpleImputer(median, add_indicator=True)")
    Xn = np.array([[1.0, np.nan], [np.nan, 4.0], [3.0, 6.0], [5.0, np.nan]])
    print(SimpleImputer("median", add_indicator=True).fit_transform(Xn))
    print("sklearn agrees:", np.allclose(SimpleImputer("median", True).fit_transform(Xn),
                                         SkImputer(strategy="median", add_indicator=True).fit_transform(Xn)))

    print("\n== OneHotEncoder(handle_unknown='ignore')")
    enc = OneHotEncoder(handle_unknown="ignore").fit([["red", "S"], ["blue", "M"], ["red", "L"]])
    print(enc.get_feature_names_out(["color", "size"]))
    print(enc.transform([["blue", "L"], ["green", "S"]]), "<- 'green' was never seen: zeros")

    print("\n== polynomial_features vs PolynomialFeatures")
    Xp = np.array([[2.0, 3.0]])
    print("ours   ", polynomial_features(Xp, 2))
    print("sklearn", skp.PolynomialFeatures(2).fit_transform(Xp))

    print("\n== clean_customers on data/customers_messy.csv")
    clean = clean_customers(here / "data" / "customers_messy.csv")
    print(clean.head(6).to_string())
    print(f"{len(clean)} customers; dtypes: {dict(clean.dtypes.astype(str))}")

    print("\n== sql_customer_features")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shop.db"
        with contextlib.closing(sqlite3.connect(db)) as conn:
            conn.executescript("""
                CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, country TEXT);
                CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER,
                                     amount REAL, order_date TEXT, status TEXT);
                INSERT INTO customers VALUES (1, 'NO'), (2, 'PE'), (3, 'IN');
                INSERT INTO orders VALUES (10, 1, 20.0, '2024-01-03', 'completed'),
                                          (11, 1, 35.0, '2024-02-11', 'completed'),
                                          (12, 3, 99.0, '2024-02-12', 'cancelled');
            """)
            conn.commit()
        print(sql_customer_features(db).to_string())

    print("\n== chi2_scores vs sklearn.feature_selection.chi2 (digits, first 10 pixels)")
    Xd, yd = load_digits(return_X_y=True)
    stat, p = chi2_scores(Xd[:, :10], yd)
    print("ours   ", stat.round(2))
    print("sklearn", sk_chi2(Xd[:, :10], yd)[0].round(2))

    print("\n== target_encode: a high-cardinality id column that carries no signal")
    ids = rng.integers(0, 300, size=600).astype(str)
    y = rng.normal(size=600)
    tr, te = target_encode(ids[:500], y[:500], ids[500:], smoothing=1.0)
    naive = _smoothed_means(ids[:500], y[:500], 1.0)[0]
    in_fold = np.array([naive[c] for c in ids[:500]])
    print(f"corr(in-fold encoding, y_train)     = {np.corrcoef(in_fold, y[:500])[0, 1]:+.3f}  <- leakage")
    print(f"corr(out-of-fold encoding, y_train) = {np.corrcoef(tr, y[:500])[0, 1]:+.3f}")
    print(f"corr(test encoding, y_test)         = {np.corrcoef(te, y[500:])[0, 1]:+.3f}  <- the truth")

    print("\n== recursive_feature_elimination vs sklearn RFE (diabetes, keep 4)")
    Xdb, ydb = load_diabetes(return_X_y=True)
    support, ranking = recursive_feature_elimination(Xdb, ydb, LinearRegression(), 4)
    ref = RFE(LinearRegression(), n_features_to_select=4).fit(Xdb, ydb)
    print("ours    support", support.astype(int), "ranking", ranking)
    print("sklearn support", ref.support_.astype(int), "ranking", ref.ranking_)

    print("\n== build_pipeline")
    df = pd.DataFrame({"age": [25, 32, np.nan, 51, 46, 29], "plan": ["pro", "basic", "pro", None, "basic", "pro"],
                       "churned": [0, 1, 0, 1, 1, 0]})
    pipe = build_pipeline(["age"], ["plan"]).fit(df[["age", "plan"]], df["churned"])
    print(pipe)
    print("predict_proba for a new plan 'enterprise':",
          pipe.predict_proba(pd.DataFrame({"age": [40.0], "plan": ["enterprise"]})).round(3))
