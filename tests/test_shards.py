"""Sharing a check's tests among forked processes (grader/shards.py) changes speed, never verdicts."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from grader import shards
from grader.results import ERROR, PASSED
from grader.runner import _Run, _run_child

from tests.conftest import LEARNERS, TOY, TOY_LIMITS

linux_only = pytest.mark.skipif(not shards.can_fork(), reason="tests are shared among processes on Linux only")


def test_batches_keep_each_exercise_whole_and_in_file_order():
    items = ["a1", "b1", "a2", "c1", "b2"]
    assert shards.batches_by_exercise(items, lambda item: item[0]) == [["a1", "a2"], ["b1", "b2"], ["c1"]]


@linux_only
def test_every_batch_is_claimed_by_exactly_one_process():
    queue = shards.BatchQueue(50)
    read, write = os.pipe()
    children = []
    for _ in range(3):
        pid = os.fork()
        if pid == 0:
            claimed = []
            while (batch := queue.claim()) is not None:
                claimed.append(batch)
                time.sleep(0.001)
            os.write(write, bytes(claimed))
            os._exit(0)
        children.append(pid)
    os.close(write)
    for pid in children:
        assert shards.wait(pid) == 0
    with os.fdopen(read, "rb") as everything:
        assert sorted(everything.read()) == list(range(50))
    queue.close()


@linux_only
@pytest.mark.slow
def test_a_shard_runs_openmp_code_after_its_parent_started_an_openmp_team():
    # A plain os.fork() here hangs forever in the child (GNU OpenMP waits for its parent's
    # threads): the shard must come up with one thread per OpenMP runtime.
    script = textwrap.dedent("""
        import os, numpy as np
        from sklearn.cluster import KMeans
        from grader import shards
        X = np.random.default_rng(0).random((5000, 4))
        KMeans(3, n_init=2, random_state=0).fit(X)          # the parent's OpenMP team starts
        shards.one_thread_per_process()                     # as grader.harness does
        pid = shards.fork(lambda: None)
        if pid == 0:
            KMeans(3, n_init=2, random_state=0).fit(X)
            os._exit(0)
        raise SystemExit(shards.wait(pid))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1], timeout=120)
    assert done.returncode == 0


@pytest.mark.parametrize("processes", [2, 3])
def test_the_number_of_processes_does_not_change_the_result(grade_toy, monkeypatch, processes):
    for learner, expected in (("correct", [PASSED] * 3), ("wrong_answer", ["failed", ERROR, PASSED])):
        results = {}
        for count in (1, processes):
            monkeypatch.setenv("MLM_PROCESSES", str(count))
            result, by_name = grade_toy(learner)
            assert [by_name[n].status for n in ("add", "mean", "shout")] == expected, (count, result)
            results[count] = result.to_json()["exercises"]  # messages and test counts too
        assert results[processes] == results[1]


@linux_only
def test_a_sharded_run_reports_every_test_exactly_once(monkeypatch):
    monkeypatch.setenv("MLM_PROCESSES", "2")
    with tempfile.TemporaryDirectory() as scratch:
        run = _run_child(TOY, LEARNERS / "correct.py", Path(scratch), 0, None, set(), False, TOY_LIMITS,
                         time.monotonic() + 60, None)
    assert run.shards == 2 and run.complete
    graded = [test["nodeid"] for report in run.reports for test in report["tests"] if test.get("metadata")]
    assert sorted(graded) == sorted(nodeid for nodeid, _ in run.collected)


@pytest.mark.parametrize("processes", [1, 2])
def test_processes_that_die_anywhere_give_each_exercise_its_own_verdict(grade_toy, monkeypatch, processes):
    monkeypatch.setenv("MLM_PROCESSES", str(processes))
    result, by_name = grade_toy("os_exit_everywhere")
    for name in ("add", "mean", "shout"):
        assert by_name[name].status == ERROR, result
        assert "ended during this exercise" in by_name[name].message
        assert "code 4" in by_name[name].message


# -- which process stopped a run, from the journal alone --------------------------------------
def _journal(*events):
    collected = {"event": "collected", "shard": 0, "tests": [["t::add", "add"], ["t::mean", "mean"]]}
    return [{"event": "import-end", "shard": 0}, collected, {"event": "sharded", "shard": 0, "shards": 2}, *events]


def test_a_shard_that_died_is_blamed_with_its_own_test_and_status():
    events = _journal({"event": "start", "shard": 0, "nodeid": "t::add"},
                      {"event": "start", "shard": 1, "nodeid": "t::mean"},
                      {"event": "shard-ended", "shard": 0, "ended": 1, "status": -11},
                      {"event": "finish", "shard": 0})
    run = _Run(returncode=0, events=events, report={"tests": []}, output="", shard_reports=[None])
    assert not run.complete
    assert (run.failed_shard, run.in_flight, run.exit_status) == (1, "t::mean", -11)


def test_when_the_first_process_dies_its_own_test_is_blamed():
    events = _journal({"event": "start", "shard": 1, "nodeid": "t::mean"},
                      {"event": "start", "shard": 0, "nodeid": "t::add"})
    run = _Run(returncode=3, events=events, report=None, output="", shard_reports=[None])
    assert (run.failed_shard, run.in_flight, run.exit_status) == (0, "t::add", 3)


def test_the_shard_the_watchdog_stopped_is_blamed():
    events = _journal({"event": "start", "shard": 0, "nodeid": "t::add"},
                      {"event": "start", "shard": 1, "nodeid": "t::mean"})
    run = _Run(returncode=None, events=events, report=None, output="", killed="test", stuck_shard=1,
               shard_reports=[None])
    assert (run.in_flight, run.exit_status) == ("t::mean", None)


def test_a_run_is_complete_only_with_every_shards_report():
    events = _journal({"event": "start", "shard": 0, "nodeid": "t::add"},
                      {"event": "finish", "shard": 1}, {"event": "finish", "shard": 0})
    assert _Run(0, events, {"tests": []}, "", shard_reports=[{"tests": []}]).complete
    lost = _Run(0, events, {"tests": []}, "", shard_reports=[None])
    assert not lost.complete
    assert lost.in_flight is None  # every process finished: no test of the learner's is to blame
