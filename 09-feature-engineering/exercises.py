"""Module 09 - Feature engineering: exercises.

Thirteen exercises, from easy to hard. Replace each ``# TODO`` block with your code (delete the
``raise NotImplementedError`` line) and check your work with::

    uv run mlm check 09                            # grade every exercise
    uv run mlm check 09 --exercise target_encode   # grade one exercise
    uv run mlm hint 09 target_encode               # one more hint each time you ask

Rules that hold for every exercise:

* Keep the names and signatures exactly as they are: the grader calls them.
* Do not print from the functions and do not run code at the top level of this file (put any
  experiments under ``if __name__ == "__main__":`` at the bottom).
* Exercises 2-7, 10, 12 and 13 are "from scratch": NumPy (and pandas where it helps) only. The
  grader makes the scikit-learn class or function you are re-implementing raise an error if you
  call it, then compares your result with it. Exercises 1, 8 and 9 use pandas and ``sqlite3``; exercise 11
  is the professional version, built from scikit-learn's own classes.
* The classes follow scikit-learn's conventions: ``__init__`` only stores its arguments, unchanged,
  under the same names; ``fit`` learns from the data, stores what it learned in attributes whose
  names end with ``_``, and returns ``self``; ``transform`` uses only what ``fit`` learned and
  never modifies its input.
"""
from __future__ import annotations

import contextlib  # noqa: F401  (you will want these; they are imported for you)
import itertools  # noqa: F401
import json  # noqa: F401
import os
import sqlite3  # noqa: F401
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd


# ---------------------------------------------------------------------------------------------
# 1. Loading a table from CSV, JSON, JSON Lines or SQLite                              (easy)
# ---------------------------------------------------------------------------------------------
def load_table(path: str | os.PathLike[str], table: str | None = None) -> pd.DataFrame:
    """Load a table from a file into a DataFrame, choosing the reader from the file's extension.

    The extension is compared case-insensitively (``DATA.CSV`` is a CSV file):

    ==============================  ========================================================
    extension                       content and how to read it
    ==============================  ========================================================
    ``.csv``                        comma-separated values with a header row:
                                    ``pd.read_csv(path)``
    ``.json``                       one JSON array of objects, ``[{"id": 1, ...}, ...]``:
                                    one row per object
    ``.jsonl``                      JSON Lines, one object per line: one row per non-blank
                                    line (blank lines, such as a trailing one, are skipped)
    ``.db``, ``.sqlite``,           a SQLite database: every row of the table named
    ``.sqlite3``                    ``table`` (``SELECT * FROM`` it), in stored order
    ==============================  ========================================================

    For JSON and JSON Lines, the columns are the keys in order of first appearance and a key
    missing from an object becomes a missing value (``NaN``), which is what
    ``pd.DataFrame.from_records(list_of_dicts)`` does. Values keep their JSON types.

    Parameters
    ----------
    path : str or path-like
        An existing file.
    table : str or None, default None
        The table to load from a SQLite file; ignored for the other formats.

    Returns
    -------
    pandas.DataFrame
        Shape (n_rows, n_columns), the columns in the file's order.

    Raises
    ------
    ValueError
        If the extension is none of the above; or, for a SQLite file, if ``table`` is ``None``
        or is not the name of a table in the database.

    Rules
    -----
    * Close the SQLite connection before returning, also when you raise. Careful:
      ``with sqlite3.connect(path) as conn:`` does **not** close it (it only commits);
      ``contextlib.closing(sqlite3.connect(path))`` does.
    * Never paste an unchecked table name into SQL: check it against the names listed in the
      ``sqlite_master`` table first. (Placeholders like ``?`` only work for values, not names.)
    * ``pd.read_sql_query(sql, conn)`` may run the query.

    Examples
    --------
    >>> load_table("data/customers_messy.csv").shape
    (44, 8)
    >>> load_table("shop.db", table="orders")          # doctest: +SKIP
       order_id  customer_id  amount
    0        10            1    20.0
    """
    # TODO: your code here
    raise NotImplementedError("load_table")


# ---------------------------------------------------------------------------------------------
# 2. Outlier flags with Tukey's IQR fences                                              (easy)
# ---------------------------------------------------------------------------------------------
def iqr_outlier_flags(X: np.ndarray, k: float = 1.5) -> np.ndarray:
    """Flag the values that lie outside Tukey's fences, column by column.

    For each column j, with ``Q1`` and ``Q3`` its 25th and 75th percentiles (NumPy's default
    linear interpolation, computed over the column's non-missing values) and
    ``IQR = Q3 - Q1``, a value ``x`` is an outlier when::

        x < Q1 - k * IQR    or    x > Q3 + k * IQR

    (strict inequalities: a value exactly on a fence is *not* an outlier).

    Parameters
    ----------
    X : np.ndarray, shape (n_samples, n_features) or (n_samples,)
        Numeric data; may contain ``NaN`` (missing values). A 1-D array is one column.
    k : float, default 1.5
        The fence multiplier (1.5: "outlier", 3.0: "far out"). Must be >= 0.

    Returns
    -------
    np.ndarray of bool, the same shape as ``X``
        ``True`` where the value is an outlier. Missing values are never outliers (``False``),
        and a column with no numbers at all has no outliers.

    Raises
    ------
    ValueError
        If ``k`` is negative.

    Examples
    --------
    >>> iqr_outlier_flags(np.array([[1.0], [2.0], [3.0], [4.0], [100.0]])).ravel()
    array([False, False, False, False,  True])

    (Q1 = 2, Q3 = 4, IQR = 2, upper fence = 4 + 1.5 * 2 = 7, and 100 > 7.)

    Rules: NumPy only (``np.nanpercentile`` is allowed and useful).
    """
    # TODO: your code here
    raise NotImplementedError("iqr_outlier_flags")


# ---------------------------------------------------------------------------------------------
# 3. Standardisation (z-scores)                                                        (easy)
# ---------------------------------------------------------------------------------------------
class StandardScaler:
    """Standardise features: ``z = (x - mean) / std``, column by column, like scikit-learn.

    Parameters
    ----------
    with_mean : bool, default True
        If ``False``, do not subtract the mean (only divide by the standard deviation), as is
        done for sparse data whose zeros must stay zeros.

    Attributes (set by ``fit``)
    ---------------------------
    mean_ : np.ndarray, shape (n_features,)
        Per-column mean of the training data.
    var_ : np.ndarray, shape (n_features,)
        Per-column **population** variance (divide by n, i.e. ``ddof=0``).
    scale_ : np.ndarray, shape (n_features,)
        ``sqrt(var_)``, except that a column with zero variance gets scale 1.0 (so it is not
        divided by zero).
    n_features_in_ : int
        Number of columns seen in ``fit``.

    Methods
    -------
    fit(X, y=None) -> self
        Learn the attributes above from X of shape (n_samples, n_features), n_samples >= 1.
    transform(X) -> np.ndarray, shape (m, n_features)
        ``(X - mean_) / scale_`` (or ``X / scale_`` when ``with_mean`` is False), with the
        statistics learned in ``fit``, never recomputed from the X being transformed.
    fit_transform(X, y=None) -> np.ndarray
        ``fit(X).transform(X)``.
    inverse_transform(Z) -> np.ndarray
        Undo ``transform``: ``Z * scale_ + mean_`` (without ``+ mean_`` when ``with_mean`` is
        False).

    All outputs are new float64 arrays; the inputs are never modified.

    Examples
    --------
    >>> s = StandardScaler().fit(np.array([[1.0, 10.0], [3.0, 10.0]]))
    >>> s.mean_, s.var_, s.scale_
    (array([ 2., 10.]), array([1., 0.]), array([1., 1.]))
    >>> s.transform(np.array([[5.0, 12.0]]))
    array([[3., 2.]])

    Rules: NumPy only; ``sklearn.preprocessing.StandardScaler`` is off limits (it is what the
    grader compares you with).
    """

    def __init__(self, with_mean: bool = True) -> None:
        # TODO: store the hyperparameter (nothing else happens in __init__)
        raise NotImplementedError("StandardScaler")

    def fit(self, X: np.ndarray, y: Any = None) -> StandardScaler:
        # TODO: learn mean_, var_, scale_, n_features_in_; return self
        raise NotImplementedError("StandardScaler")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("StandardScaler")

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("StandardScaler")

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("StandardScaler")


# ---------------------------------------------------------------------------------------------
# 4. Min-max scaling                                                                   (easy)
# ---------------------------------------------------------------------------------------------
class MinMaxScaler:
    """Rescale each feature linearly so that its training min and max land on ``feature_range``.

    With ``(lo, hi) = feature_range`` and, per column, ``data_min_``, ``data_max_``::

        z = (x - data_min_) / (data_max_ - data_min_) * (hi - lo) + lo

    written as ``z = x * scale_ + min_``. A column whose training values are all equal (range
    0) is treated as if its range were 1, so it maps to ``lo``, not to NaN.

    Parameters
    ----------
    feature_range : tuple (lo, hi), default (0.0, 1.0)
        Target range; ``fit`` raises ``ValueError`` unless ``lo < hi``.
    clip : bool, default False
        If ``True``, ``transform`` clips its output to ``[lo, hi]``; by default a value outside
        the training range maps outside ``[lo, hi]``.

    Attributes (set by ``fit``)
    ---------------------------
    data_min_, data_max_ : np.ndarray, shape (n_features,)
        Per-column minimum and maximum of the training data.
    data_range_ : np.ndarray, shape (n_features,)
        ``data_max_ - data_min_`` (0 for a constant column).
    scale_ : np.ndarray, shape (n_features,)
        ``(hi - lo) / data_range_``, with a zero range replaced by 1.
    min_ : np.ndarray, shape (n_features,)
        ``lo - data_min_ * scale_``.
    n_features_in_ : int

    Methods
    -------
    fit(X, y=None) -> self;  transform(X) -> (m, n_features) array;
    fit_transform(X, y=None);  inverse_transform(Z) -> ``(Z - min_) / scale_``.

    Examples
    --------
    >>> s = MinMaxScaler(feature_range=(-1.0, 1.0)).fit(np.array([[0.0], [10.0]]))
    >>> s.transform(np.array([[5.0], [20.0]])).ravel()
    array([0., 3.])

    Rules: NumPy only; ``sklearn.preprocessing.MinMaxScaler`` is off limits.
    """

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0), clip: bool = False) -> None:
        # TODO: store the hyperparameters unchanged (validate them in fit, not here)
        raise NotImplementedError("MinMaxScaler")

    def fit(self, X: np.ndarray, y: Any = None) -> MinMaxScaler:
        # TODO: your code here
        raise NotImplementedError("MinMaxScaler")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("MinMaxScaler")

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("MinMaxScaler")

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("MinMaxScaler")


# ---------------------------------------------------------------------------------------------
# 5. Imputation of missing values                                                    (medium)
# ---------------------------------------------------------------------------------------------
class SimpleImputer:
    """Fill missing values (``NaN``) with a per-column statistic learned on the training data.

    Parameters
    ----------
    strategy : {"mean", "median", "most_frequent"}, default "mean"
        The statistic, computed over each column's *observed* (non-NaN) values in ``fit``.
        For ``"most_frequent"``, a tie between values goes to the **smallest** value.
        ``fit`` raises ``ValueError`` for any other string.
    add_indicator : bool, default False
        If ``True``, ``transform`` appends one 0.0/1.0 column per feature that had at least one
        missing value **in the training data** (in feature order), equal to 1.0 where the value
        was missing. Features that were complete in training get no indicator, even if they
        have missing values later.

    Attributes (set by ``fit``)
    ---------------------------
    statistics_ : np.ndarray, shape (n_features,)
        The fill value of each column.
    missing_features_ : np.ndarray of int, shape (n_missing_features,)
        Indices of the columns that had missing values in the training data (ascending).
    n_features_in_ : int

    Methods
    -------
    fit(X, y=None) -> self
        X: float array of shape (n_samples, n_features) with NaN for missing values. Raises
        ``ValueError`` if some column has no observed value at all.
    transform(X) -> np.ndarray, shape (m, n_features + n_indicators)
        A new float64 array: X with every NaN replaced by its column's ``statistics_``, then
        the indicator columns if ``add_indicator``.
    fit_transform(X, y=None) -> np.ndarray

    Examples
    --------
    >>> X = np.array([[1.0, np.nan], [np.nan, 4.0], [3.0, 6.0], [5.0, np.nan]])
    >>> SimpleImputer("median", add_indicator=True).fit_transform(X)
    array([[1., 5., 0., 1.],
           [3., 4., 1., 0.],
           [3., 6., 0., 0.],
           [5., 5., 0., 1.]])

    Rules: NumPy only; ``sklearn.impute.SimpleImputer`` is off limits. Fit on the training
    data only: the whole point is that a test set is filled with the *training* statistics.
    """

    def __init__(self, strategy: str = "mean", add_indicator: bool = False) -> None:
        # TODO: store the hyperparameters unchanged
        raise NotImplementedError("SimpleImputer")

    def fit(self, X: np.ndarray, y: Any = None) -> SimpleImputer:
        # TODO: your code here
        raise NotImplementedError("SimpleImputer")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("SimpleImputer")

    def fit_transform(self, X: np.ndarray, y: Any = None) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("SimpleImputer")


# ---------------------------------------------------------------------------------------------
# 6. One-hot encoding with unknown categories                                         (medium)
# ---------------------------------------------------------------------------------------------
class OneHotEncoder:
    """One-hot encode every column of a categorical table (dense output), like scikit-learn's
    ``OneHotEncoder(sparse_output=False)``.

    Parameters
    ----------
    handle_unknown : {"error", "ignore"}, default "error"
        What ``transform`` does with a category that was not seen in ``fit``: ``"error"`` raises
        ``ValueError``; ``"ignore"`` encodes it as all zeros in that column's block. ``fit``
        raises ``ValueError`` for any other string.

    Attributes (set by ``fit``)
    ---------------------------
    categories_ : list of np.ndarray
        ``categories_[j]`` holds the distinct values of column j, **sorted** (not in order of
        appearance). Length n_features.
    n_features_in_ : int

    Methods
    -------
    fit(X, y=None) -> self
        X: array-like of shape (n_samples, n_features), n_samples >= 1, e.g. an object array of
        strings, an int array, or a DataFrame (use ``np.asarray(X, dtype=object)``). Each column
        holds values of one type, with no missing values.
    transform(X) -> np.ndarray of float64, shape (m, sum of len(categories_[j]))
        The blocks of the columns side by side, in column order; inside block j, column i is
        1.0 where the value equals ``categories_[j][i]``.
    fit_transform(X, y=None) -> np.ndarray
    get_feature_names_out(input_features=None) -> np.ndarray of str
        One name per output column, ``f"{feature}_{category}"``, where ``feature`` is
        ``input_features[j]`` or, if ``input_features`` is None, ``f"x{j}"``.

    Examples
    --------
    >>> enc = OneHotEncoder(handle_unknown="ignore").fit([["red", "S"], ["blue", "M"], ["red", "L"]])
    >>> enc.categories_
    [array(['blue', 'red'], dtype=object), array(['L', 'M', 'S'], dtype=object)]
    >>> enc.transform([["blue", "L"], ["green", "S"]])
    array([[1., 0., 1., 0., 0.],
           [0., 0., 0., 0., 1.]])
    >>> enc.get_feature_names_out(["color", "size"]).tolist()
    ['color_blue', 'color_red', 'size_L', 'size_M', 'size_S']

    Rules: NumPy/Python only; ``sklearn.preprocessing.OneHotEncoder`` and ``pd.get_dummies`` are
    off limits (``get_dummies`` cannot remember the training categories anyway).
    """

    def __init__(self, handle_unknown: str = "error") -> None:
        # TODO: store the hyperparameter unchanged
        raise NotImplementedError("OneHotEncoder")

    def fit(self, X: Any, y: Any = None) -> OneHotEncoder:
        # TODO: your code here
        raise NotImplementedError("OneHotEncoder")

    def transform(self, X: Any) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("OneHotEncoder")

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("OneHotEncoder")

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        # TODO: your code here
        raise NotImplementedError("OneHotEncoder")


# ---------------------------------------------------------------------------------------------
# 7. Polynomial and interaction features                                              (medium)
# ---------------------------------------------------------------------------------------------
def polynomial_features(X: np.ndarray, degree: int = 2, interaction_only: bool = False,
                        include_bias: bool = True) -> np.ndarray:
    """All monomials of the columns of ``X`` up to total degree ``degree``, in scikit-learn's order.

    The output columns are, in this order:

    1. the constant 1 (only if ``include_bias``);
    2. for p = 1, 2, ..., degree: the products of p columns, one per multiset of column indices
       ``i1 <= i2 <= ... <= ip``, listed in lexicographic order of the index tuple. With
       ``interaction_only=True`` only products of *distinct* columns (``i1 < i2 < ... < ip``)
       are kept, so no column appears squared.

    For two columns a, b and degree 2 this gives ``[1, a, b, a^2, a*b, b^2]``; with
    ``interaction_only=True``, ``[1, a, b, a*b]``. For d columns there are C(d + degree, degree)
    columns in total when ``interaction_only`` is False and ``include_bias`` is True.

    Parameters
    ----------
    X : np.ndarray, shape (n_samples, n_features)
    degree : int, default 2
        Maximum total degree; must be an integer >= 1 (else ``ValueError``).
    interaction_only : bool, default False
    include_bias : bool, default True

    Returns
    -------
    np.ndarray of float64, shape (n_samples, n_output_features)

    Examples
    --------
    >>> polynomial_features(np.array([[2.0, 3.0]]), degree=2)
    array([[1., 2., 3., 4., 6., 9.]])
    >>> polynomial_features(np.array([[2.0, 3.0, 5.0]]), degree=3, interaction_only=True, include_bias=False)
    array([[ 2.,  3.,  5.,  6., 10., 15., 30.]])

    Rules: NumPy and ``itertools`` only; ``sklearn.preprocessing.PolynomialFeatures`` is off
    limits (the grader compares you with it).
    """
    # TODO: your code here
    raise NotImplementedError("polynomial_features")


# ---------------------------------------------------------------------------------------------
# 8. Cleaning a messy CSV export                                                      (medium)
# ---------------------------------------------------------------------------------------------
def clean_customers(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Clean and deduplicate a messy customer export (like ``data/customers_messy.csv``).

    The CSV file has a header row with (at least) the columns ``customer_id, name, email,
    signup_date, age, country, plan, monthly_spend``. Apply these rules:

    1. **Missing values.** Strip surrounding whitespace from every cell. A cell that is then
       empty, or equal (ignoring case) to one of ``na``, ``n/a``, ``null``, ``none``, ``?``,
       ``-``, is missing.
    2. **Key.** ``customer_id`` must be a whole number written with the digits 0-9 only
       (``"1003"``); drop every row whose id is missing or anything else (``"10x7"``, ``"-3"``,
       ``"12.5"``). In the result the column has dtype int64.
    3. **Text.** ``name``: stripped; ``email``: lower-cased; ``country``: upper-cased;
       ``plan``: lower-cased. Missing stays missing.
    4. **Dates.** ``signup_date`` written ``YYYY-MM-DD`` becomes a datetime; anything else
       (``"2023/03/14"``, ``"14-03-2023"``, impossible dates such as ``"2023-02-30"``) becomes
       ``NaT``. Hint: ``pd.to_datetime(..., format="%Y-%m-%d", errors="coerce")``.
    5. **Numbers.** ``age`` becomes float64; not a number, or outside [0, 120], becomes NaN.
       ``monthly_spend``: remove every ``$`` and ``,`` then convert to float64 (``"$1,310.40"``
       -> 1310.4); not a number becomes NaN.
    6. **Duplicates.** The export is append-only: when several rows share a ``customer_id``,
       keep only the **last** one in file order (it is the latest version of that customer).
    7. **Order.** Sort by ``customer_id`` ascending, index ``0..n-1``, columns in the order
       listed above (drop any other column).

    Parameters
    ----------
    path : str or path-like
        A UTF-8 CSV file.

    Returns
    -------
    pandas.DataFrame
        Shape (n_customers, 8). dtypes: ``customer_id`` int64, ``age`` and ``monthly_spend``
        float64, ``signup_date`` datetime64, the four text columns strings (missing: NaN/None).

    Examples
    --------
    A file with the rows (header omitted)::

        1003,CHEN WANG,chen.wang@example.com,2023-03-15,66,IN ,enterprise,1026.59
        1003,Chen Wang, Chen.Wang@example.com ,2023-03-15,66, in,Enterprise,"$1,026.59"
        10x7,Typo Id,typo@example.com,2023-06-06,27,DE,pro,49.99

    gives one row: ``1003, "Chen Wang", "chen.wang@example.com", 2023-03-15, 66.0, "IN",
    "enterprise", 1026.59``.

    Rules: pandas and the standard library.
    """
    # TODO: your code here
    raise NotImplementedError("clean_customers")


# ---------------------------------------------------------------------------------------------
# 9. Customer features computed in SQL                                                (medium)
# ---------------------------------------------------------------------------------------------
def sql_customer_features(db_path: str | os.PathLike[str]) -> pd.DataFrame:
    """Compute one row of order features per customer with a SQL query on a SQLite database.

    The database has two tables::

        customers(customer_id INTEGER PRIMARY KEY, country TEXT, ...)
        orders(order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL,
               order_date TEXT  -- 'YYYY-MM-DD',
               status TEXT      -- 'completed', 'cancelled', 'refunded' or NULL)

    Only **completed** orders count (``status = 'completed'``). Return one row for **every**
    customer in ``customers`` (also those without any completed order), and none for orders
    whose ``customer_id`` is not in ``customers``, with the columns:

    =================  ======================================================================
    column             value
    =================  ======================================================================
    customer_id        int64
    country            the customer's country, as stored
    n_orders           int64, number of completed orders (0 if none)
    total_spent        float64, sum of their amounts (0.0 if none)
    avg_order          float64, mean of their amounts (NaN if none)
    last_order_date    the latest order_date of a completed order, a 'YYYY-MM-DD' string
                       (missing, None or NaN, if none)
    =================  ======================================================================

    sorted by ``customer_id``, index ``0..n-1``.

    Parameters
    ----------
    db_path : str or path-like
        An existing SQLite database file.

    Returns
    -------
    pandas.DataFrame, shape (n_customers, 6)

    Examples
    --------
    customers (1, 'NO'), (2, 'PE'); orders (10, 1, 20.0, '2024-01-03', 'completed'),
    (11, 1, 35.0, '2024-02-11', 'completed'), (12, 2, 99.0, '2024-02-12', 'cancelled')
    give::

           customer_id country  n_orders  total_spent  avg_order last_order_date
        0            1      NO         2         55.0       27.5      2024-02-11
        1            2      PE         0          0.0        NaN             NaN

    Rules: do the joining, filtering and aggregation in ONE SQL query run by SQLite
    (``pd.read_sql_query`` may run it), not in pandas: pushing the work to the database is the
    point. Close the connection before returning. Three SQL traps are waiting: which kind of
    JOIN keeps customers without orders, where the status filter must go, and what ``COUNT(*)``
    and ``SUM`` return for a customer with no matching order.
    """
    # TODO: your code here
    raise NotImplementedError("sql_customer_features")


# ---------------------------------------------------------------------------------------------
# 10. Chi-squared scores for feature selection                                        (medium)
# ---------------------------------------------------------------------------------------------
def chi2_scores(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chi-squared statistic (and p-value) of each non-negative feature against the classes,
    as computed by ``sklearn.feature_selection.chi2`` (a *filter* method of feature selection).

    Treat each feature as counts spread over the classes. With k classes, for feature j:

    * observed ``O[c, j]`` = sum of ``X[:, j]`` over the samples of class c;
    * expected ``E[c, j]`` = (fraction of samples in class c) * (sum of ``X[:, j]`` over all
      samples), what class c would hold if the feature ignored the class;
    * ``stat[j] = sum over c of (O[c, j] - E[c, j])**2 / E[c, j]``;
    * ``p[j]`` = upper tail of the chi-squared distribution with k - 1 degrees of freedom at
      ``stat[j]`` (``scipy.stats.chi2.sf(stat, k - 1)``).

    A feature that is zero everywhere has E = 0 and gets NaN for both (0 / 0).

    Parameters
    ----------
    X : np.ndarray, shape (n_samples, n_features)
        Non-negative values (counts, frequencies, one-hot columns).
    y : np.ndarray, shape (n_samples,)
        Class labels of any type, at least two distinct classes.

    Returns
    -------
    stat, p_values : np.ndarray of float64, each of shape (n_features,)

    Raises
    ------
    ValueError
        If ``X`` has a negative value, or ``y`` has fewer than two classes.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [3.0, 1.0], [0.0, 2.0], [0.0, 2.0]])
    >>> stat, p = chi2_scores(X, np.array([0, 0, 1, 1]))
    >>> stat.round(4), p.round(4)
    (array([4. , 1.8]), array([0.0455, 0.1797]))

    (Feature 0: O = [4, 0], E = [2, 2], stat = 4/2 + 4/2 = 4.)

    Rules: NumPy (``scipy.stats.chi2.sf`` is allowed for the p-values);
    ``sklearn.feature_selection.chi2`` and ``scipy.stats.chi2_contingency`` are off limits.
    """
    # TODO: your code here
    raise NotImplementedError("chi2_scores")


# ---------------------------------------------------------------------------------------------
# 11. A leak-free preprocessing + model pipeline with scikit-learn                   (medium)
# ---------------------------------------------------------------------------------------------
def build_pipeline(numeric_features: Sequence[str], categorical_features: Sequence[str],
                   C: float = 1.0) -> Any:
    """Build (do not fit) the standard tabular pipeline with scikit-learn's own classes.

    Return ``sklearn.pipeline.Pipeline`` with exactly two steps:

    1. ``"preprocess"``: a ``sklearn.compose.ColumnTransformer`` with two transformers, in this
       order, and ``remainder="drop"`` (every column not listed is dropped):

       * ``"num"`` on the columns ``numeric_features``: a Pipeline of
         ``SimpleImputer(strategy="median")`` then ``StandardScaler()``;
       * ``"cat"`` on the columns ``categorical_features``: a Pipeline of
         ``SimpleImputer(strategy="most_frequent")`` then
         ``OneHotEncoder(handle_unknown="ignore")``;

    2. ``"model"``: ``sklearn.linear_model.LogisticRegression(C=C, max_iter=1000)``.

    Use scikit-learn's classes (``sklearn.impute.SimpleImputer``,
    ``sklearn.preprocessing.StandardScaler`` / ``OneHotEncoder``), not the ones you wrote
    above. Copy the column lists (``list(numeric_features)``) so that a caller who later
    changes their list does not change your pipeline.

    Parameters
    ----------
    numeric_features : sequence of str
        Names of the numeric columns of the DataFrame the pipeline will be fitted on.
    categorical_features : sequence of str
        Names of the categorical (string) columns.
    C : float, default 1.0
        Inverse regularisation strength of the logistic regression.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Unfitted. ``fit(df, y)`` must work on a DataFrame with missing values in both kinds of
        column, and ``predict`` on rows with categories never seen in training.

    Examples
    --------
    >>> pipe = build_pipeline(["age", "income"], ["plan"], C=0.5)
    >>> [name for name, _ in pipe.steps]
    ['preprocess', 'model']
    >>> pipe.fit(train_df, train_df["churned"]).predict(test_df)   # doctest: +SKIP

    Why it matters: because every learned statistic lives inside one estimator,
    ``cross_val_score(pipe, df, y)`` refits the imputers, scaler and encoder on each training
    fold, so nothing about a validation fold leaks into its own preprocessing.
    """
    # TODO: your code here
    raise NotImplementedError("build_pipeline")


# ---------------------------------------------------------------------------------------------
# 12. Out-of-fold target encoding with smoothing                                        (hard)
# ---------------------------------------------------------------------------------------------
def target_encode(train_categories: np.ndarray, y_train: np.ndarray, test_categories: np.ndarray,
                  smoothing: float = 10.0, n_splits: int = 5,
                  random_state: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Replace each category by a smoothed mean of the target, without target leakage.

    **The encoding fitted on a set of rows R.** With ``prior`` = the mean of y over R, and for
    a category c seen ``n_c`` times in R with target sum ``s_c``::

        enc(c) = (s_c + smoothing * prior) / (n_c + smoothing)

    A category that does not occur in R gets ``prior``.

    **Test rows** are encoded with the encoding fitted on *all* training rows.

    **Training rows** are encoded *out of fold*: split the training rows with
    ``sklearn.model_selection.KFold(n_splits=n_splits, shuffle=True, random_state=random_state)``
    (you may import and use it: splitting is not the exercise); each row is encoded with the
    encoding fitted on the rows of the *other* folds only, so that its own target never enters
    its own feature. This is what ``sklearn.preprocessing.TargetEncoder`` does in
    ``fit_transform`` for a continuous target.

    Parameters
    ----------
    train_categories : np.ndarray, shape (n_train,)
        Category of each training row (strings or integers).
    y_train : np.ndarray, shape (n_train,)
        Numeric target (a 0/1 target works too: the encoding is then a smoothed rate).
    test_categories : np.ndarray, shape (n_test,)
        May contain categories never seen in training.
    smoothing : float, default 10.0
        m >= 0: the number of "pseudo-observations" of the prior. 0 means plain means.
    n_splits : int, default 5
        Number of folds, >= 2.
    random_state : int, default 0
        Seed of the KFold shuffle.

    Returns
    -------
    train_encoded : np.ndarray of float64, shape (n_train,)
    test_encoded : np.ndarray of float64, shape (n_test,)

    Raises
    ------
    ValueError
        If ``smoothing < 0`` or ``n_splits < 2``.

    Examples
    --------
    Fitted on all of ``train = ["a", "a", "a", "b"]``, ``y = [1, 1, 0, 0]`` (prior 0.5) with
    smoothing 2: enc("a") = (2 + 2 * 0.5) / (3 + 2) = 0.6, enc("b") = (0 + 1) / (1 + 2) = 1/3,
    and an unseen "z" gets 0.5. So::

        >>> _, test_enc = target_encode(np.array(["a", "a", "a", "b"]), np.array([1.0, 1, 0, 0]),
        ...                             np.array(["b", "z", "a"]), smoothing=2.0, n_splits=2)
        >>> test_enc.round(4)
        array([0.3333, 0.5   , 0.6   ])

    Rules: NumPy/pandas for the encoding; ``sklearn.preprocessing.TargetEncoder`` is off limits.
    """
    # TODO: your code here
    raise NotImplementedError("target_encode")


# ---------------------------------------------------------------------------------------------
# 13. Recursive feature elimination                                                     (hard)
# ---------------------------------------------------------------------------------------------
def recursive_feature_elimination(X: np.ndarray, y: np.ndarray, estimator: Any,
                                  n_features_to_select: int,
                                  step: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Select features by recursive feature elimination (a *wrapper* method), like
    ``sklearn.feature_selection.RFE``.

    Start with all features. While more than ``n_features_to_select`` remain:

    1. fit a fresh copy of ``estimator`` (``sklearn.base.clone(estimator)``) on the remaining
       columns of X;
    2. importance of each remaining feature = the sum over rows of the squared entries of its
       column in ``coef_`` reshaped to 2-D (``np.atleast_2d(coef_)``: one row for a regressor
       or a binary classifier, one row per class for a multi-class classifier);
    3. eliminate the ``min(step, n_remaining - n_features_to_select)`` least important ones
       (exact ties: the one with the lower original column index goes first, i.e. a stable
       sort);
    4. add 1 to the rank of every feature eliminated so far (this round's included).

    Parameters
    ----------
    X : np.ndarray, shape (n_samples, n_features)
    y : np.ndarray, shape (n_samples,)
    estimator : a scikit-learn style estimator with ``fit`` and, once fitted, ``coef_``
        (e.g. ``LinearRegression()``, ``LogisticRegression()``). It must not be fitted or
        modified by this function: fit clones of it.
    n_features_to_select : int
        1 <= n_features_to_select <= n_features, else ``ValueError``.
    step : int, default 1
        Features removed per round, >= 1 (else ``ValueError``).

    Returns
    -------
    support : np.ndarray of bool, shape (n_features,)
        True for the selected features (exactly ``n_features_to_select`` of them).
    ranking : np.ndarray of int, shape (n_features,)
        1 for the selected features; the features eliminated in the last round get 2, the
        round before 3, and so on (features removed in the same round share a rank).

    Examples
    --------
    Four features whose fitted coefficients keep the order |c3| > |c1| > |c0| > |c2|, keeping 2
    with step 1: round 1 removes feature 2, round 2 removes feature 0, so
    ``support = [False, True, False, True]`` and ``ranking = [2, 1, 3, 1]``.

    Rules: write the loop yourself; ``sklearn.feature_selection.RFE`` and ``RFECV`` are off
    limits (``clone`` and the estimator's own ``fit`` are what you use).
    """
    # TODO: your code here
    raise NotImplementedError("recursive_feature_elimination")
