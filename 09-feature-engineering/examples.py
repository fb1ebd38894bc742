"""Module 09 - Feature engineering: runnable, commented demonstrations.

Run from the repository root::

    uv run 09-feature-engineering/examples.py            # every section, about 10 s
    uv run 09-feature-engineering/examples.py --figures  # also regenerate figures/*.png for theory.md

or from inside the folder with ``python examples.py``. Every section prints a labelled header;
read the code of a section next to its output. All randomness is seeded, so every number is the
same on every run. Plots made during a normal run go to ``output/`` (git-ignored); the figures
used by ``theory.md`` go to ``figures/``. Nothing here needs a GPU or the network: the data are
scikit-learn's bundled datasets, seeded synthetic data and ``data/customers_messy.csv``.

Sections
--------
 1. Loading data: CSV, JSON / JSON Lines, SQLite (with a LEFT JOIN aggregation)
 2. Exploratory data analysis: summaries, skewness, correlations
 3. Cleaning: missing-value tokens, duplicates, outliers (IQR vs z-score)
 4. Missing values: what mean imputation does to a distribution; indicators; KNN imputation
 5. Encoding categories: one-hot, ordinal, target encoding, and the in-fold leak
 6. Scaling: who needs it (KNN, regularised models) and who does not (trees)
 7. Log and power transforms for skewed features
 8. Imbalanced data: accuracy lies; class weights, resampling, thresholds
 9. Creating features: ratios, dates, polynomial and interaction terms
10. Feature selection: filter, wrapper (RFE), embedded (Lasso), and selection leakage
11. The professional way: Pipeline + ColumnTransformer, cross-validated and tuned
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # render to files; no window and no display needed (CI, SSH, containers)
import matplotlib.pyplot as plt  # noqa: E402  (must come after matplotlib.use)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine, make_classification  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.feature_selection import (  # noqa: E402
    RFE,
    RFECV,
    SelectFromModel,
    SelectKBest,
    f_classif,
    mutual_info_classif,
)
from sklearn.impute import KNNImputer, SimpleImputer  # noqa: E402
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression  # noqa: E402
from sklearn.metrics import balanced_accuracy_score, f1_score, precision_score, recall_score  # noqa: E402
from sklearn.model_selection import (  # noqa: E402
    GridSearchCV,
    KFold,
    StratifiedKFold,
    cross_val_score,
    train_test_split,
)
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402
from sklearn.pipeline import Pipeline, make_pipeline  # noqa: E402
from sklearn.preprocessing import (  # noqa: E402
    MinMaxScaler,
    OneHotEncoder,
    OrdinalEncoder,
    PolynomialFeatures,
    PowerTransformer,
    QuantileTransformer,
    RobustScaler,
    StandardScaler,
    TargetEncoder,
)
from sklearn.tree import DecisionTreeClassifier  # noqa: E402

HERE = Path(__file__).resolve().parent  # works from the repo root and from inside the folder
DATA = HERE / "data"
OUTPUT = HERE / "output"
FIGURES = HERE / "figures"
SEED = 0
pd.set_option("display.width", 120)
pd.set_option("display.max_columns", 12)
np.set_printoptions(precision=3, suppress=True)


def section(number: int, title: str) -> None:
    """Print a clearly visible section header."""
    print(f"\n{'=' * 78}\n{number:2d}. {title}\n{'=' * 78}")


def save(fig: plt.Figure, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    print(f"[saved plot] {path}")


def skewness(x: np.ndarray) -> float:
    """Sample skewness g1 = m3 / m2^1.5 (population moments), as scipy.stats.skew(bias=True)."""
    x = np.asarray(x, dtype=float)
    d = x - x.mean()
    return float((d ** 3).mean() / (d ** 2).mean() ** 1.5)


# =============================================================================================
# 1. Loading data
# =============================================================================================
def demo_loading() -> pd.DataFrame:
    section(1, "Loading data: CSV, JSON / JSON Lines, SQLite")
    path = DATA / "customers_messy.csv"

    # (a) CSV, naively: pandas guesses types column by column. One bad cell ("thirty" in age,
    # "$1,310.40" in monthly_spend) turns the whole column into strings.
    naive = pd.read_csv(path)
    print("read_csv with default options ->", dict(naive.dtypes.astype(str)))
    print("age is text because of cells like:", sorted(set(naive["age"].dropna()) - set(
        naive["age"].dropna()[pd.to_numeric(naive["age"], errors="coerce").notna()]))[:4])

    # (b) CSV, defensively: read everything as text, decide yourself what is missing and how
    # each column is parsed. This is what production ingestion code does.
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    print(f"read as text: {raw.shape[0]} rows x {raw.shape[1]} columns")

    # (c) JSON Lines (one record per line: logs, event streams) and nested JSON. json_normalize
    # flattens nested objects into dotted column names.
    OUTPUT.mkdir(exist_ok=True)
    events = [{"user": {"id": 1, "country": "NO"}, "event": "click", "ms": 120},
              {"user": {"id": 2, "country": "PE"}, "event": "buy", "ms": 340, "amount": 19.9},
              {"user": {"id": 1, "country": "NO"}, "event": "click", "ms": 95}]
    jsonl = OUTPUT / "events.jsonl"
    jsonl.write_text("\n".join(json.dumps(e) for e in events) + "\n", encoding="utf-8")
    with open(jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    flat = pd.json_normalize(records)
    print("\nJSON Lines, flattened with pd.json_normalize:")
    print(flat.to_string(index=False))

    # (d) SQLite: a real SQL database in one file, in the standard library. We build one on the
    # fly and push the aggregation (JOIN + GROUP BY) into the database: it moves less data and
    # the same query can later run on Postgres or a warehouse.
    db = OUTPUT / "shop.db"
    db.unlink(missing_ok=True)
    rng = np.random.default_rng(SEED)
    customers = pd.DataFrame({"customer_id": np.arange(1, 7), "country": list("ABCABC")})
    orders = pd.DataFrame({
        "order_id": np.arange(100, 112),
        "customer_id": rng.choice([1, 2, 3, 5], 12),
        "amount": rng.gamma(2.0, 20.0, 12).round(2),
        "status": rng.choice(["completed", "completed", "cancelled"], 12),
    })
    with contextlib.closing(sqlite3.connect(db)) as conn:  # closing(): `with conn` alone does not close
        customers.to_sql("customers", conn, index=False)
        orders.to_sql("orders", conn, index=False)
        query = """
            SELECT c.customer_id, c.country,
                   COUNT(o.order_id)            AS n_orders,
                   COALESCE(SUM(o.amount), 0.0) AS total_spent
            FROM customers c
            LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status = ?
            GROUP BY c.customer_id ORDER BY c.customer_id"""
        # The status is a *parameter* (?), never pasted into the SQL string: no injection, and
        # the database can reuse the query plan.
        features = pd.read_sql_query(query, conn, params=("completed",))
        inner = pd.read_sql_query(query.replace("LEFT JOIN", "JOIN"), conn, params=("completed",))
    print("\nper-customer features from SQLite (LEFT JOIN keeps customers without orders):")
    print(features.to_string(index=False))
    print(f"the same query with an INNER JOIN returns {len(inner)} of {len(features)} customers")
    return raw


# =============================================================================================
# 2. Exploratory data analysis
# =============================================================================================
def demo_eda() -> None:
    section(2, "Exploratory data analysis: summaries, skewness, correlations")
    wine = load_wine(as_frame=True)
    df = wine.frame
    print(f"wine: {df.shape[0]} rows, {df.shape[1] - 1} features, classes {np.bincount(wine.target)}")
    # describe(): the first thing to read. Look at min/max (impossible values?), the gap between
    # mean and median (skew), and wildly different scales (proline ~ 750, hue ~ 1).
    print(df.describe().T[["mean", "std", "min", "50%", "max"]].round(2).head(8).to_string())
    skews = df.drop(columns="target").apply(lambda c: skewness(c.to_numpy())).sort_values()
    print("\nmost skewed features (g1 = m3 / m2^1.5):")
    print(skews.tail(3).round(2).to_string())

    # Correlations: highly correlated pairs are redundant for linear models and make their
    # coefficients unstable; a feature correlating almost perfectly with the target is a leak
    # suspect until proven otherwise.
    corr = df.drop(columns="target").corr()
    pairs = (corr.where(np.triu(np.ones(corr.shape, dtype=bool), k=1)).stack()
             .sort_values(key=np.abs, ascending=False))
    print("\nstrongest feature-feature correlations (Pearson):")
    print(pairs.head(4).round(3).to_string())
    spearman = df["flavanoids"].corr(df["total_phenols"], method="spearman")
    print(f"Spearman (rank) correlation flavanoids~total_phenols = {spearman:.3f}")

    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    axes[0].hist(df["proline"], bins=25, color="#4c72b0")
    axes[0].set_title("histogram: proline")
    df.boxplot(column="alcohol", by="target", ax=axes[1])
    axes[1].set_title("box plot: alcohol by class")
    axes[1].figure.suptitle("")
    axes[2].scatter(df["flavanoids"], df["total_phenols"], c=df["target"], s=10, cmap="viridis")
    axes[2].set(title="scatter, coloured by class", xlabel="flavanoids", ylabel="total_phenols")
    fig.tight_layout()
    save(fig, OUTPUT / "eda_wine.png")


# =============================================================================================
# 3. Cleaning
# =============================================================================================
def demo_cleaning(raw: pd.DataFrame) -> None:
    section(3, "Cleaning: missing-value tokens, duplicates, outliers")
    tokens = {"", "na", "n/a", "null", "none", "?", "-"}
    stripped = raw.apply(lambda col: col.str.strip())
    is_missing = stripped.apply(lambda col: col.str.lower().isin(tokens))
    print("missing cells per column (after stripping, tokens '', NA, N/A, null, None, ?, -):")
    print(is_missing.sum().to_string())

    # Duplicates come in three strengths: byte-identical rows, rows identical after
    # normalisation, and rows sharing a key (updates). Each needs a different decision.
    exact = raw.duplicated().sum()
    normalised = stripped.apply(lambda col: col.str.lower()).duplicated().sum()
    valid_id = stripped["customer_id"].str.isdigit()
    key = stripped.loc[valid_id, "customer_id"].duplicated().sum()
    print(f"\nexact duplicate rows: {exact}; after strip + lower-case: {normalised}; "
          f"rows repeating a customer_id: {key}; rows with an unusable id: {(~valid_id).sum()}")

    # Outliers: IQR fences vs the z-score rule on monthly spend.
    spend = pd.to_numeric(stripped["monthly_spend"].str.replace(r"[$,]", "", regex=True), errors="coerce")
    latest = ~stripped["customer_id"].duplicated(keep="last")  # one row per customer: the last
    spend = spend[valid_id & latest].dropna()
    q1, q3 = spend.quantile([0.25, 0.75])
    iqr = q3 - q1
    iqr_out = spend[(spend < q1 - 1.5 * iqr) | (spend > q3 + 1.5 * iqr)]
    z = (spend - spend.mean()) / spend.std(ddof=0)
    print(f"\nmonthly_spend: Q1 = {q1:.2f}, Q3 = {q3:.2f}, upper fence = {q3 + 1.5 * iqr:.2f}")
    print(f"IQR rule flags {len(iqr_out)} values: {sorted(iqr_out.round(2).tolist())}")
    print("  most are enterprise customers: a second population, not errors. An outlier rule finds")
    print("  candidates; only domain knowledge (here: the plan column) decides what they are.")
    print(f"|z| > 3 flags {(z.abs() > 3).sum()} value(s): the 25000 outlier inflates the std it is "
          f"measured with (std = {spend.std(ddof=0):.0f}), hiding the others (masking)")
    # The z-score rule also has a hard ceiling: with n points no |z| can exceed sqrt(n - 1) when
    # the std divides by n (ddof=0), or (n - 1)/sqrt(n) with pandas' default ddof=1. Below 11
    # points, "|z| > 3" can never fire, however extreme the value.
    for n in (5, 10, 11, 100):
        print(f"  n = {n:3d}: largest possible |z| = {np.sqrt(n - 1):.3f} (ddof=0), "
              f"{(n - 1) / np.sqrt(n):.3f} (ddof=1)")
    x = np.r_[np.zeros(9), 1e6]
    print(f"  check, nine 0s and one 1e6: max |z| = {np.abs((x - x.mean()) / x.std(ddof=0)).max():.3f} (ddof=0), "
          f"{np.abs((x - x.mean()) / x.std(ddof=1)).max():.3f} (ddof=1)")


# =============================================================================================
# 4. Missing values
# =============================================================================================
def demo_missing_values() -> None:
    section(4, "Missing values: mean imputation, indicators, KNN imputation")
    X, y = load_diabetes(return_X_y=True)
    rng = np.random.default_rng(SEED)
    bmi = X[:, 2].copy()
    # Missing Completely At Random: 30% of bmi deleted by a coin flip.
    mask = rng.random(len(bmi)) < 0.3
    observed = bmi[~mask]
    imputed = np.where(mask, observed.mean(), bmi)
    n, n_obs = len(bmi), (~mask).sum()
    print(f"bmi: {mask.sum()} of {n} values missing")
    print(f"variance of observed values (ddof=0): {observed.var():.6f}")
    print(f"variance after mean imputation      : {imputed.var():.6f}")
    print(f"predicted n_obs/n * var_obs         : {n_obs / n * observed.var():.6f}  <- shrinks by n_obs/n")

    # Missing NOT at random: high bmi is more often missing. Now missingness carries signal,
    # and an indicator column lets the model use it.
    p_missing = 1 / (1 + np.exp(-(bmi - bmi.mean()) / bmi.std() * 2 + 1))
    mnar = rng.random(n) < p_missing
    Xm = X.copy()
    Xm[mnar, 2] = np.nan
    cv = KFold(5, shuffle=True, random_state=SEED)
    for name, imputer in [("mean", SimpleImputer(strategy="mean")),
                          ("mean + indicator", SimpleImputer(strategy="mean", add_indicator=True)),
                          ("KNN (k=5)", KNNImputer(n_neighbors=5))]:
        pipe = make_pipeline(imputer, LinearRegression())
        r2 = cross_val_score(pipe, Xm, y, cv=cv, scoring="r2").mean()
        print(f"MNAR bmi ({mnar.mean():.0%} missing), imputer {name:17s}: CV R^2 = {r2:.3f}")
    print(f"(no values missing at all: CV R^2 = "
          f"{cross_val_score(LinearRegression(), X, y, cv=cv, scoring='r2').mean():.3f})")


# =============================================================================================
# 5. Encoding categories
# =============================================================================================
def demo_encoding() -> None:
    section(5, "Encoding categories: one-hot, ordinal, target encoding")
    df = pd.DataFrame({"size": ["S", "M", "L", "M"], "color": ["red", "blue", "red", "green"]})
    onehot = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(df[["color"]])
    print("one-hot columns:", onehot.get_feature_names_out().tolist())
    print(onehot.transform(pd.DataFrame({"color": ["blue", "purple"]})), "<- 'purple' unseen: all zeros")
    # Ordinal encoding: give the order explicitly. The default (alphabetical) would put L < M < S.
    ordinal = OrdinalEncoder(categories=[["S", "M", "L"]]).fit(df[["size"]])
    print("ordinal S<M<L:", ordinal.transform(df[["size"]]).ravel(), " alphabetical default:",
          OrdinalEncoder().fit_transform(df[["size"]]).ravel())

    # Target encoding on a high-cardinality column. 400 "zip codes", 3 000 rows; each zip has a
    # true effect on y, but many zips are rare. We compare a leaky in-fold encoding (each row's
    # own y is in its category mean) with scikit-learn's cross-fitted TargetEncoder.
    rng = np.random.default_rng(SEED)
    n, k = 3000, 400
    zips = rng.integers(0, k, n)
    effect = rng.normal(0, 1, k)
    y = effect[zips] + rng.normal(0, 2, n)
    z_tr, z_te, y_tr, y_te = train_test_split(zips, y, test_size=0.3, random_state=SEED)
    means = pd.Series(y_tr).groupby(z_tr).mean()
    leaky_tr = means.reindex(z_tr).to_numpy()
    leaky_te = means.reindex(z_te).fillna(y_tr.mean()).to_numpy()
    enc = TargetEncoder(target_type="continuous", smooth="auto",
                        cv=KFold(5, shuffle=True, random_state=SEED))
    oof_tr = enc.fit_transform(z_tr.reshape(-1, 1), y_tr).ravel()
    oof_te = enc.transform(z_te.reshape(-1, 1)).ravel()

    def r2(model, a, b):
        return model.score(a.reshape(-1, 1), b)

    m_leak = LinearRegression().fit(leaky_tr.reshape(-1, 1), y_tr)
    m_oof = LinearRegression().fit(oof_tr.reshape(-1, 1), y_tr)
    print("\n400 categories, 2100 training rows (about 5 rows per category):")
    print(f"  in-fold mean encoding : train R^2 = {r2(m_leak, leaky_tr, y_tr):.3f}, "
          f"test R^2 = {r2(m_leak, leaky_te, y_te):.3f}  <- optimistic train, worse test")
    print(f"  out-of-fold (sklearn) : train R^2 = {r2(m_oof, oof_tr, y_tr):.3f}, "
          f"test R^2 = {r2(m_oof, oof_te, y_te):.3f}")
    print(f"  the model fitted on leaky features puts weight {m_leak.coef_[0]:.2f} on them "
          f"(honest: {m_oof.coef_[0]:.2f})")


# =============================================================================================
# 6. Scaling
# =============================================================================================
def demo_scaling() -> None:
    section(6, "Scaling: who needs it and who does not")
    X, y = load_wine(return_X_y=True)
    cv = StratifiedKFold(5, shuffle=True, random_state=SEED)
    for name, model in [("KNN, raw features", KNeighborsClassifier()),
                        ("KNN, StandardScaler", make_pipeline(StandardScaler(), KNeighborsClassifier())),
                        ("KNN, MinMaxScaler", make_pipeline(MinMaxScaler(), KNeighborsClassifier())),
                        ("tree, raw features", DecisionTreeClassifier(random_state=SEED)),
                        ("tree, StandardScaler", make_pipeline(StandardScaler(),
                                                               DecisionTreeClassifier(random_state=SEED)))]:
        acc = cross_val_score(model, X, y, cv=cv).mean()
        print(f"{name:22s} CV accuracy = {acc:.3f}")
    print("(proline ranges over ~1400 units, hue over ~1: unscaled, distances are proline distances)")

    x = np.array([[1.0], [2.0], [3.0], [4.0], [100.0]])
    for scaler in (StandardScaler(), MinMaxScaler(), RobustScaler()):
        print(f"{type(scaler).__name__:15s} [1, 2, 3, 4, 100] ->", scaler.fit_transform(x).ravel().round(3))
    print("MinMaxScaler squeezes the four normal values into [0, 0.03]; RobustScaler (median, IQR) keeps them apart")


# =============================================================================================
# 7. Log and power transforms
# =============================================================================================
def demo_transforms() -> None:
    section(7, "Log and power transforms for skewed features")
    rng = np.random.default_rng(SEED)
    income = rng.lognormal(mean=10.5, sigma=0.8, size=2000)
    print(f"income: mean {income.mean():,.0f}, median {np.median(income):,.0f}, skewness {skewness(income):.2f}")
    z = StandardScaler().fit_transform(income.reshape(-1, 1)).ravel()
    print(f"after StandardScaler: skewness {skewness(z):.2f}  <- scaling never changes the shape")
    print(f"after log            : skewness {skewness(np.log(income)):.2f}")
    for method in ("box-cox", "yeo-johnson"):
        pt = PowerTransformer(method=method).fit(income.reshape(-1, 1))
        out = pt.transform(income.reshape(-1, 1)).ravel()
        print(f"after {method:11s}    : skewness {skewness(out):.2f} (lambda = {pt.lambdas_[0]:.3f})")
    qt = QuantileTransformer(n_quantiles=200, output_distribution="normal", random_state=SEED)
    print(f"after quantile->normal: skewness {skewness(qt.fit_transform(income.reshape(-1, 1)).ravel()):.2f}")

    # A multiplicative relationship: y = c * x^0.5 * noise is linear in logs.
    x = rng.lognormal(3, 1, 500)
    y = 4 * x ** 0.5 * rng.lognormal(0, 0.2, 500)
    lin = LinearRegression().fit(x.reshape(-1, 1), y).score(x.reshape(-1, 1), y)
    loglog = LinearRegression().fit(np.log(x).reshape(-1, 1), np.log(y))
    print(f"\ny = 4 x^0.5 * noise: linear R^2 = {lin:.3f}; log-log R^2 = "
          f"{loglog.score(np.log(x).reshape(-1, 1), np.log(y)):.3f}, slope = {loglog.coef_[0]:.3f} (true 0.5)")
    # Back-transforming a prediction made in log space gives the MEDIAN, not the mean:
    # E[exp(e)] = exp(sigma^2 / 2) for normal e. Forgetting it under-predicts totals.
    print(f"exp(sigma^2/2) correction for sigma = 0.2: {np.exp(0.2 ** 2 / 2):.4f} (+2%)")


# =============================================================================================
# 8. Imbalanced data
# =============================================================================================
def demo_imbalanced() -> None:
    section(8, "Imbalanced data: accuracy lies; class weights, resampling, thresholds")
    X, y = make_classification(n_samples=4000, n_features=10, n_informative=4, weights=[0.97, 0.03],
                               flip_y=0.0, class_sep=0.8, random_state=SEED)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, stratify=y, random_state=SEED)
    print(f"positives: {y_tr.mean():.1%} of training rows")

    def report(name: str, pred: np.ndarray) -> None:
        print(f"{name:30s} accuracy {np.mean(pred == y_te):.3f}  balanced acc "
              f"{balanced_accuracy_score(y_te, pred):.3f}  recall {recall_score(y_te, pred, zero_division=0):.3f}  "
              f"precision {precision_score(y_te, pred, zero_division=0):.3f}  F1 {f1_score(y_te, pred):.3f}")

    report("always predict 0", np.zeros_like(y_te))
    plain = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    report("logistic regression", plain.predict(X_te))
    weighted = LogisticRegression(max_iter=1000, class_weight="balanced").fit(X_tr, y_tr)
    report("class_weight='balanced'", weighted.predict(X_te))
    # Balanced weights: w_c = n / (k * n_c). With 3% positives each positive weighs ~16x a negative.
    n_c = np.bincount(y_tr)
    print(f"   balanced weights n/(k n_c) = {np.round(len(y_tr) / (2 * n_c), 3)}")
    # Random oversampling of the minority class, on the TRAINING rows only.
    rng = np.random.default_rng(SEED)
    pos = np.flatnonzero(y_tr == 1)
    extra = rng.choice(pos, size=(y_tr == 0).sum() - len(pos), replace=True)
    over = LogisticRegression(max_iter=1000).fit(np.vstack([X_tr, X_tr[extra]]), np.r_[y_tr, y_tr[extra]])
    report("random oversampling (train)", over.predict(X_te))
    # Threshold moving: keep the plain model, lower the decision threshold.
    proba = plain.predict_proba(X_te)[:, 1]
    report("plain model, threshold 0.15", (proba >= 0.15).astype(int))


# =============================================================================================
# 9. Creating features
# =============================================================================================
def demo_new_features() -> None:
    section(9, "Creating features: ratios, dates, polynomial and interaction terms")
    rng = np.random.default_rng(SEED)
    df = pd.DataFrame({"debt": rng.gamma(2, 5000, 6).round(-2), "income": rng.gamma(5, 8000, 6).round(-2),
                       "signup": pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, 6), "D")})
    df["debt_to_income"] = df["debt"] / df["income"]                 # a ratio: what a lender looks at
    df["signup_dow"] = df["signup"].dt.day_of_week                     # 0 = Monday
    df["signup_month_sin"] = np.sin(2 * np.pi * (df["signup"].dt.month - 1) / 12)  # cyclic: Dec is next to Jan
    df["signup_month_cos"] = np.cos(2 * np.pi * (df["signup"].dt.month - 1) / 12)
    print(df.round({"debt_to_income": 3, "signup_month_sin": 3, "signup_month_cos": 3}).to_string(index=False))

    # An interaction: y depends on the PRODUCT of two features. A linear model on x1, x2 sees
    # nothing; adding x1*x2 (PolynomialFeatures, interaction_only) solves it.
    X = rng.uniform(-1, 1, size=(600, 2))
    y = 3 * X[:, 0] * X[:, 1] + rng.normal(0, 0.1, 600)
    cv = KFold(5, shuffle=True, random_state=SEED)
    base = cross_val_score(LinearRegression(), X, y, cv=cv).mean()
    inter = cross_val_score(make_pipeline(PolynomialFeatures(2, interaction_only=True, include_bias=False),
                                          LinearRegression()), X, y, cv=cv).mean()
    print(f"\ny = 3 x1 x2 + noise: linear CV R^2 = {base:.3f}; with the x1*x2 term CV R^2 = {inter:.3f}")
    poly = PolynomialFeatures(3).fit(np.zeros((1, 2)))
    print("PolynomialFeatures(3) on [a, b]:", poly.get_feature_names_out(["a", "b"]).tolist())
    for d in (5, 10, 50):
        n_out = PolynomialFeatures(3).fit(np.zeros((1, d))).n_output_features_
        print(f"  degree 3 on {d:2d} features -> {n_out:6d} columns (C(d+3, 3))")


# =============================================================================================
# 10. Feature selection
# =============================================================================================
def selection_leakage_scores(n_repeats: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """CV accuracy on PURE NOISE when the 20 'best' features are chosen before vs inside CV."""
    outside, inside = [], []
    for rep in range(n_repeats):
        rng = np.random.default_rng(100 + rep)
        X = rng.normal(size=(100, 1000))
        y = rng.integers(0, 2, 100)
        cv = StratifiedKFold(5, shuffle=True, random_state=rep)
        X_sel = SelectKBest(f_classif, k=20).fit_transform(X, y)  # looks at ALL labels: the leak
        outside.append(cross_val_score(LogisticRegression(max_iter=1000), X_sel, y, cv=cv).mean())
        pipe = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(max_iter=1000))
        inside.append(cross_val_score(pipe, X, y, cv=cv).mean())
    return np.array(outside), np.array(inside)


def demo_selection() -> None:
    section(10, "Feature selection: filter, wrapper, embedded, and selection leakage")
    data = load_breast_cancer()
    X, y, names = data.data, data.target, data.feature_names
    # Filter: score each feature alone against the target. Fast, model-agnostic, blind to
    # redundancy (it happily keeps ten copies of the same information).
    f_scores = SelectKBest(f_classif, k=5).fit(X, y)
    print("filter (ANOVA F), top 5:", sorted(names[f_scores.get_support()].tolist()))
    mi = mutual_info_classif(X, y, random_state=SEED)
    print("filter (mutual information), top 5:", sorted(names[np.argsort(mi)[-5:]].tolist()))
    # Wrapper: RFE refits the model as it removes the weakest features (scale first, since it
    # compares coefficient sizes). RFECV picks the number of features by cross-validation.
    Xs = StandardScaler().fit_transform(X)  # fine for a demo; inside CV use a Pipeline
    rfe = RFE(LogisticRegression(C=0.1, max_iter=2000), n_features_to_select=5, step=2).fit(Xs, y)
    print("wrapper (RFE + logistic), 5 kept:", sorted(names[rfe.support_].tolist()))
    rfecv = RFECV(LogisticRegression(C=0.1, max_iter=2000), step=5, cv=StratifiedKFold(3, shuffle=True, random_state=SEED),
                  min_features_to_select=2).fit(Xs, y)
    print(f"RFECV chooses {rfecv.n_features_} features")
    # Embedded: L1 regularisation zeroes coefficients during training.
    diab = load_diabetes()
    for alpha in (0.01, 0.1, 1.0):
        lasso = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(diab.data, diab.target)
        kept = np.array(diab.feature_names)[lasso[-1].coef_ != 0]
        print(f"embedded (Lasso alpha={alpha:<4}) keeps {len(kept):2d}: {kept.tolist()}")
    l1 = SelectFromModel(LogisticRegression(l1_ratio=1.0, C=0.05, solver="liblinear")).fit(Xs, y)
    print(f"embedded (L1 logistic, C=0.05) keeps {l1.get_support().sum()} of 30 features")
    forest = RandomForestClassifier(n_estimators=50, random_state=SEED).fit(X, y)
    print("tree importances, top 3:", names[np.argsort(forest.feature_importances_)[-3:]][::-1].tolist())

    outside, inside = selection_leakage_scores()
    print("\nPURE NOISE (100 rows, 1000 features, random labels), choose 20 features:")
    print(f"  selection on all data, then CV : mean CV accuracy {outside.mean():.3f}  <- a mirage")
    print(f"  selection inside the Pipeline  : mean CV accuracy {inside.mean():.3f}  <- the truth (0.5)")


# =============================================================================================
# 11. Pipeline + ColumnTransformer
# =============================================================================================
def churn_frame(n: int = 600, seed: int = SEED) -> pd.DataFrame:
    """A synthetic customer table with numeric and categorical columns, gaps and a churn label."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "customer_id": np.arange(n),
        "age": rng.normal(42, 12, n).round(),
        "monthly_spend": rng.lognormal(3.5, 0.7, n).round(2),
        "tenure_months": rng.integers(1, 72, n).astype(float),
        "plan": rng.choice(["basic", "pro", "enterprise"], n, p=[0.6, 0.3, 0.1]),
        "country": rng.choice(["US", "DE", "IN", "BR", "NO"], n),
    })
    logit = (-0.04 * (df["tenure_months"] - 36) + 0.9 * (df["plan"] == "basic")
             - 0.5 * np.log(df["monthly_spend"] / 30) - 0.8)
    df["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    for col, rate in (("age", 0.1), ("monthly_spend", 0.05), ("plan", 0.05)):
        df.loc[rng.random(n) < rate, col] = np.nan
    return df


def demo_pipeline() -> None:
    section(11, "The professional way: Pipeline + ColumnTransformer")
    df = churn_frame()
    X, y = df.drop(columns=["churned"]), df["churned"]
    numeric, categorical = ["age", "monthly_spend", "tenure_months"], ["plan", "country"]
    preprocess = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                          ("log", PowerTransformer(method="yeo-johnson")),  # also standardises
                          ]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
    ], remainder="drop")  # customer_id is dropped: an id is not a feature
    pipe = Pipeline([("preprocess", preprocess), ("model", LogisticRegression(max_iter=1000))])
    cv = StratifiedKFold(5, shuffle=True, random_state=SEED)
    scores = cross_val_score(pipe, X, y, cv=cv, scoring="roc_auc")
    print(f"5-fold ROC AUC of the whole pipeline: {scores.mean():.3f} +/- {scores.std():.3f}")
    # Tuning: the grid search refits the WHOLE pipeline on each training fold. Parameter names
    # are step__substep__param.
    grid = GridSearchCV(pipe, {"model__C": [0.01, 0.1, 1.0]}, cv=cv, scoring="roc_auc").fit(X, y)
    print(f"best parameters: {grid.best_params_} (CV AUC {grid.best_score_:.3f})")
    best = grid.best_estimator_
    names = best.named_steps["preprocess"].get_feature_names_out()
    coefs = pd.Series(best.named_steps["model"].coef_[0], index=names).sort_values()
    print("coefficients by output feature name:")
    print(coefs.round(3).to_string())
    new = pd.DataFrame({"customer_id": [9999], "age": [np.nan], "monthly_spend": [12.0], "tenure_months": [2.0],
                        "plan": ["platinum"], "country": ["JP"]})
    print(f"a new customer with unseen plan and country and no age: P(churn) = "
          f"{best.predict_proba(new)[0, 1]:.3f} (no crash: imputed, unknown categories ignored)")


# =============================================================================================
# Figures for theory.md
# =============================================================================================
def figure_skewed_feature(path: Path) -> None:
    rng = np.random.default_rng(SEED)
    income = rng.lognormal(mean=10.5, sigma=0.8, size=2000)
    panels = [("raw income", income),
              ("standardised (z-score)", StandardScaler().fit_transform(income.reshape(-1, 1)).ravel()),
              ("log(income)", np.log(income))]
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    for ax, (title, values) in zip(axes, panels):
        ax.hist(values, bins=40, color="#4c72b0", edgecolor="white", linewidth=0.3)
        ax.axvline(np.mean(values), color="#c44e52", lw=1.5, label="mean")
        ax.axvline(np.median(values), color="#55a868", lw=1.5, ls="--", label="median")
        ax.set_title(f"{title}\nskewness {skewness(values):.2f}", fontsize=10)
        ax.tick_params(labelsize=8)
    axes[0].legend(fontsize=8)
    fig.suptitle("Scaling moves and stretches the axis; only a non-linear transform changes the shape",
                 fontsize=10)
    fig.tight_layout()
    save(fig, path)


def figure_correlation_heatmap(path: Path) -> None:
    df = load_wine(as_frame=True).frame.drop(columns="target")
    corr = df.corr().to_numpy()
    labels = [c.replace("od280/od315_of_diluted_wines", "od280/od315") for c in df.columns]
    fig, ax = plt.subplots(figsize=(7.2, 6))
    im = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if abs(corr[i, j]) >= 0.6 and i != j:
                ax.text(j, i, f"{corr[i, j]:.2f}", ha="center", va="center", fontsize=6.5,
                        color="white" if abs(corr[i, j]) > 0.75 else "black")
    fig.colorbar(im, ax=ax, shrink=0.8, label="Pearson correlation")
    ax.set_title("Wine features: correlation matrix (|r| >= 0.6 annotated)", fontsize=10)
    fig.tight_layout()
    save(fig, path)


def figure_selection_leakage(path: Path) -> None:
    outside, inside = selection_leakage_scores(n_repeats=10)
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.scatter(outside, np.full_like(outside, 1.0), s=40, color="#c44e52", label="select on all data, then CV")
    ax.scatter(inside, np.full_like(inside, 0.0), s=40, color="#4c72b0", label="select inside each CV fold (Pipeline)")
    ax.axvline(0.5, color="gray", ls="--", lw=1)
    ax.text(0.505, 0.5, "true accuracy\n(labels are random)", fontsize=8, color="gray", va="center")
    ax.set_yticks([0, 1], ["inside CV", "before CV"])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlabel("5-fold CV accuracy (10 data sets of pure noise: 100 rows, 1000 features)")
    ax.set_title("Feature selection outside cross-validation invents signal", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    save(fig, path)


def figure_target_encoding_shrinkage(path: Path) -> None:
    prior, category_mean = 0.10, 0.60  # global churn rate 10%; this category's observed rate 60%
    n = np.arange(1, 201)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for m, color in zip((1, 10, 50), ("#55a868", "#4c72b0", "#c44e52")):
        enc = (n * category_mean + m * prior) / (n + m)
        ax.plot(n, enc, color=color, label=f"m = {m}")
        ax.plot(m, (m * category_mean + m * prior) / (2 * m), "o", color=color, ms=4)
    ax.axhline(category_mean, color="gray", ls=":", lw=1)
    ax.axhline(prior, color="gray", ls="--", lw=1)
    ax.text(200, category_mean - 0.03, "category mean 0.60", ha="right", fontsize=8, color="gray")
    ax.text(200, prior + 0.01, "prior (global mean) 0.10", ha="right", fontsize=8, color="gray")
    ax.set_xscale("log")
    ax.set_xlabel("n = rows of the category (log scale)")
    ax.set_ylabel("encoded value")
    ax.set_title("Smoothed target encoding (n ybar + m prior) / (n + m); dots: n = m, halfway", fontsize=10)
    ax.legend(fontsize=8, loc="center right")
    fig.tight_layout()
    save(fig, path)


def make_figures() -> None:
    """Regenerate the PNGs that theory.md embeds."""
    FIGURES.mkdir(exist_ok=True)
    for name, draw in [("skewed_feature_transforms.png", figure_skewed_feature),
                       ("correlation_heatmap.png", figure_correlation_heatmap),
                       ("selection_leakage.png", figure_selection_leakage),
                       ("target_encoding_shrinkage.png", figure_target_encoding_shrinkage)]:
        draw(FIGURES / name)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", action="store_true", help="regenerate figures/*.png for theory.md")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=FutureWarning)
    started = time.perf_counter()
    OUTPUT.mkdir(exist_ok=True)
    raw = demo_loading()
    demo_eda()
    demo_cleaning(raw)
    demo_missing_values()
    demo_encoding()
    demo_scaling()
    demo_transforms()
    demo_imbalanced()
    demo_new_features()
    demo_selection()
    demo_pipeline()
    if args.figures:
        section(12, "Figures for theory.md")
        make_figures()
    print(f"\nall sections done in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
