"""The progress store: derived progress, concurrency, kills mid-write, damaged files."""
import multiprocessing
import os
import signal
import sqlite3
import time

import pytest

from grader.results import ERROR, NOT_STARTED, PASSED, ExerciseResult, ModuleResult
from grader.store import ProgressStore, StoreError


def result(module="00-python-fundamentals", statuses=(PASSED, NOT_STARTED)):
    exercises = [ExerciseResult(f"ex{i}", s, 1 if s == PASSED else 0, 1) for i, s in enumerate(statuses)]
    return ModuleResult(module=module, file="exercises.py", exercises=exercises)


def test_store_lives_under_mlm_home(isolated_store):
    assert ProgressStore().path == isolated_store


def test_progress_is_derived_from_the_latest_check_of_each_exercise():
    store = ProgressStore()
    store.record(result(statuses=(PASSED, NOT_STARTED)), complete=True)
    store.record(result(statuses=(ERROR, PASSED)), complete=True)    # ex0 broke, ex1 fixed
    store.record(result(statuses=(PASSED,)), complete=False)         # --exercise ex0
    entry = store.progress()["00-python-fundamentals"]
    assert entry.passed == 2 and entry.attempted == 2
    assert entry.attempts == 3
    assert entry.best_score == pytest.approx(0.5)  # partial checks carry no module score
    assert entry.last_checked is not None


def test_empty_store_reports_nothing_and_creates_nothing(isolated_store):
    assert ProgressStore().progress() == {}
    assert not isolated_store.exists()


def test_hints_are_revealed_one_at_a_time_up_to_the_last():
    store = ProgressStore()
    assert [store.next_hint("00", "ex", 3) for _ in range(5)] == [1, 2, 3, 3, 3]


def _record_many(path, count):
    store = ProgressStore(path)
    for _ in range(count):
        store.record(result(), complete=True)


def test_concurrent_checks_lose_nothing(isolated_store):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_record_many, args=(isolated_store, 25)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with sqlite3.connect(isolated_store) as connection:
        assert connection.execute("SELECT COUNT(*) FROM checks").fetchone()[0] == 100
        assert connection.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 200


def _count_checks(path):
    try:
        with sqlite3.connect(path, timeout=30) as connection:
            return connection.execute("SELECT COUNT(*) FROM checks").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _record_forever(path):
    store = ProgressStore(path)
    while True:
        store.record(result(statuses=(PASSED,) * 20), complete=True)


def test_a_check_killed_mid_write_leaves_the_store_consistent(isolated_store):
    context = multiprocessing.get_context("spawn")
    for delay in (0.0, 0.05, 0.13):
        writer = context.Process(target=_record_forever, args=(isolated_store,))
        writer.start()
        deadline = time.monotonic() + 60
        while _count_checks(isolated_store) < 1 and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until it is writing, however slow the machine
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
    with sqlite3.connect(isolated_store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        checks = connection.execute("SELECT COUNT(*) FROM checks").fetchone()[0]
        rows = connection.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert checks > 0 and rows == 20 * checks  # every check whole, none half-written
    assert ProgressStore().progress()["00-python-fundamentals"].passed == 20


def test_damaged_store_raises_a_clear_error_with_the_way_out(isolated_store):
    isolated_store.parent.mkdir(parents=True)
    isolated_store.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as err:
        ProgressStore().progress()
    assert "mv " in str(err.value) and "not affected" in str(err.value)
    with pytest.raises(StoreError):
        ProgressStore().record(result(), complete=True)
    assert isolated_store.read_bytes().startswith(b"this is not a database")  # left for the learner to inspect
