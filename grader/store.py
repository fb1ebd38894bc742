"""The progress store: every check of the learner's own file, in SQLite.

Location: ``$MLM_HOME/progress.sqlite3`` when ``MLM_HOME`` is set, else ``.mlm/progress.sqlite3``
at the repository root (git-ignored). The progress table is *derived* from the recorded checks,
never stored twice, so there is nothing to get out of step.

Safety: each check is written in one transaction, so a check killed mid-write leaves the store
as it was before it; two checks at once wait for each other (``busy_timeout``) instead of failing.
A damaged file raises ``StoreError`` with the way to recover; callers show it and carry on.

Standard library only (``mlm progress`` must stay instant).
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from grader.results import PASSED, ModuleResult

_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    id          INTEGER PRIMARY KEY,
    checked_at  TEXT    NOT NULL,          -- ISO 8601, UTC
    module      TEXT    NOT NULL,          -- folder name, e.g. 07-supervised-learning
    score       REAL,                      -- NULL when only some exercises were checked
    passed      INTEGER NOT NULL,
    total       INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
    check_id    INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    exercise    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    PRIMARY KEY (check_id, exercise)
);
CREATE INDEX IF NOT EXISTS checks_by_module ON checks(module, checked_at);
CREATE TABLE IF NOT EXISTS hints (
    module      TEXT    NOT NULL,
    exercise    TEXT    NOT NULL,
    shown       INTEGER NOT NULL,
    PRIMARY KEY (module, exercise)
);
"""


#: The "format" field of ``mlm progress --export`` files.
EXPORT_FORMAT = "mlm-progress"


class StoreError(RuntimeError):
    """The progress store cannot be read or written; the message says how to recover."""


def store_path() -> Path:
    home = os.environ.get("MLM_HOME")
    if home:
        return Path(home).expanduser() / "progress.sqlite3"
    from grader.curriculum import REPO_ROOT

    return REPO_ROOT / ".mlm" / "progress.sqlite3"


@dataclass
class ModuleProgress:
    """What the learner has done in one module, derived from the recorded checks."""

    module: str
    passed: int          # exercises whose latest recorded status is "passed"
    attempted: int       # exercises checked at least once
    best_score: float | None
    attempts: int
    last_checked: str | None


class ProgressStore:
    """Record checks and hints; answer progress questions."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else store_path()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 30000")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(_SCHEMA)
            return connection
        except (sqlite3.DatabaseError, OSError) as err:
            raise self._damaged(err) from None

    def _damaged(self, err: Exception) -> StoreError:
        return StoreError(
            f"The progress store {self.path} cannot be used ({err}). Your exercise files are not affected. "
            f"To start a fresh history, move the file aside: mv '{self.path}' '{self.path}.broken' "
            "(or set MLM_HOME to another folder)."
        )

    def _run(self, work):
        try:
            with closing(self._connect()) as connection:
                return work(connection)
        except sqlite3.DatabaseError as err:
            raise self._damaged(err) from None

    # -- writing ------------------------------------------------------------------------------
    def record(self, result: ModuleResult, *, complete: bool, when: datetime | None = None) -> int:
        """Store one check of the learner's own file; returns its id.

        ``complete`` is False when only some exercises were graded (``--exercise``): the
        check then has no module score.
        """
        moment = (when or datetime.now(timezone.utc)).isoformat(timespec="seconds")
        passed = sum(e.status == PASSED for e in result.exercises)

        def work(connection: sqlite3.Connection) -> int:
            connection.execute("BEGIN IMMEDIATE")
            try:
                cursor = connection.execute(
                    "INSERT INTO checks (checked_at, module, score, passed, total) VALUES (?, ?, ?, ?, ?)",
                    (moment, result.module, result.score if complete else None, passed, len(result.exercises)))
                check_id = int(cursor.lastrowid)
                connection.executemany(
                    "INSERT INTO results (check_id, exercise, status) VALUES (?, ?, ?)",
                    [(check_id, e.name, e.status) for e in result.exercises])
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return check_id

        return self._run(work)

    def next_hint(self, module: str, exercise: str, available: int) -> int:
        """Count one more hint shown for ``exercise``; returns how many are now revealed."""

        def work(connection: sqlite3.Connection) -> int:
            connection.execute("BEGIN IMMEDIATE")
            row = connection.execute("SELECT shown FROM hints WHERE module = ? AND exercise = ?",
                                     (module, exercise)).fetchone()
            shown = min(available, (row[0] if row else 0) + 1)
            connection.execute("INSERT OR REPLACE INTO hints (module, exercise, shown) VALUES (?, ?, ?)",
                               (module, exercise, shown))
            connection.execute("COMMIT")
            return shown

        return self._run(work)

    # -- reading ------------------------------------------------------------------------------
    def progress(self) -> dict[str, ModuleProgress]:
        """Per module: exercises passed (latest status), best score, attempts, last check."""
        if not self.path.exists():
            return {}

        def work(connection: sqlite3.Connection) -> dict[str, ModuleProgress]:
            summary = connection.execute(
                "SELECT module, MAX(score), COUNT(*), MAX(checked_at) FROM checks GROUP BY module").fetchall()
            latest = connection.execute(
                """
                SELECT c.module, r.exercise, r.status FROM results r JOIN checks c ON c.id = r.check_id
                WHERE c.id = (SELECT MAX(c2.id) FROM checks c2 JOIN results r2 ON r2.check_id = c2.id
                              WHERE c2.module = c.module AND r2.exercise = r.exercise)
                """).fetchall()
            passed: dict[str, int] = {}
            attempted: dict[str, int] = {}
            for module, _exercise, status in latest:
                attempted[module] = attempted.get(module, 0) + 1
                passed[module] = passed.get(module, 0) + (status == PASSED)
            return {
                module: ModuleProgress(module, passed.get(module, 0), attempted.get(module, 0), best, count, last)
                for module, best, count, last in summary
            }

        return self._run(work)

    def active_days(self) -> list[str]:
        """Local dates (YYYY-MM-DD) with at least one check in which an exercise passed."""
        if not self.path.exists():
            return []

        def work(connection: sqlite3.Connection) -> list[str]:
            rows = connection.execute("SELECT checked_at FROM checks WHERE passed > 0").fetchall()
            days = {datetime.fromisoformat(when).astimezone().date().isoformat() for (when,) in rows}
            return sorted(days)

        return self._run(work)

    def export(self) -> dict:
        """Everything recorded, as a JSON-ready document (``mlm progress --export``)."""
        if not self.path.exists():
            return {"format": EXPORT_FORMAT, "version": 1, "checks": [], "hints": []}

        def work(connection: sqlite3.Connection) -> dict:
            checks = []
            for check_id, when, module, score, passed, total in connection.execute(
                    "SELECT id, checked_at, module, score, passed, total FROM checks ORDER BY id"):
                results = dict(connection.execute(
                    "SELECT exercise, status FROM results WHERE check_id = ? ORDER BY rowid", (check_id,)).fetchall())
                checks.append({"checked_at": when, "module": module, "score": score, "passed": passed,
                               "total": total, "results": results})
            hints = [{"module": m, "exercise": e, "shown": n}
                     for m, e, n in connection.execute("SELECT module, exercise, shown FROM hints ORDER BY module, exercise")]
            return {"format": EXPORT_FORMAT, "version": 1, "checks": checks, "hints": hints}

        return self._run(work)

    def import_(self, document: dict) -> int:
        """Merge an export into this store; returns the number of checks added.

        Checks already present (same time, module and counts) are skipped, so importing the same
        file twice changes nothing. Hint counts keep the larger of the two.
        """
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise ValueError(f"not an mlm progress export (expected \"format\": \"{EXPORT_FORMAT}\")")
        checks, hints = document.get("checks", []), document.get("hints", [])

        def work(connection: sqlite3.Connection) -> int:
            added = 0
            connection.execute("BEGIN IMMEDIATE")
            try:
                for check in checks:
                    key = (check["checked_at"], check["module"], int(check["passed"]), int(check["total"]))
                    exists = connection.execute(
                        "SELECT 1 FROM checks WHERE checked_at = ? AND module = ? AND passed = ? AND total = ?",
                        key).fetchone()
                    if exists:
                        continue
                    cursor = connection.execute(
                        "INSERT INTO checks (checked_at, module, score, passed, total) VALUES (?, ?, ?, ?, ?)",
                        (key[0], key[1], check.get("score"), key[2], key[3]))
                    connection.executemany(
                        "INSERT INTO results (check_id, exercise, status) VALUES (?, ?, ?)",
                        [(cursor.lastrowid, exercise, status) for exercise, status in check["results"].items()])
                    added += 1
                for hint in hints:
                    connection.execute(
                        "INSERT INTO hints (module, exercise, shown) VALUES (?, ?, ?) "
                        "ON CONFLICT(module, exercise) DO UPDATE SET shown = MAX(shown, excluded.shown)",
                        (hint["module"], hint["exercise"], int(hint["shown"])))
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return added

        try:
            return self._run(work)
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"the export is malformed ({err!r}); nothing was imported") from None

    def latest_statuses(self, module: str) -> dict[str, str]:
        """The latest recorded status of each exercise of ``module``."""
        if not self.path.exists():
            return {}

        def work(connection: sqlite3.Connection) -> dict[str, str]:
            rows = connection.execute(
                "SELECT r.exercise, r.status FROM results r JOIN checks c ON c.id = r.check_id "
                "WHERE c.module = ? ORDER BY c.id", (module,)).fetchall()
            return dict(rows)

        return self._run(work)


def streak(days: list[str], today: date | None = None) -> int:
    """Consecutive days with a passing check, ending today (or yesterday: today is not over)."""
    active = {date.fromisoformat(d) for d in days}
    day = today or date.today()
    if day not in active:
        day -= timedelta(days=1)
    count = 0
    while day in active:
        count += 1
        day -= timedelta(days=1)
    return count
