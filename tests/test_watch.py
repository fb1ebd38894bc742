"""`mlm watch`: the warm worker, and the watcher driven by writing to a temporary learner file."""
import queue
import shutil
import threading

import pytest

from grader.results import ERROR, NOT_STARTED, PASSED, TIMEOUT
from grader.runner import child_environment, grade
from grader.watch import WatchMode, Watcher, detect_watch_mode
from grader.worker import WarmWorker
from tests.conftest import LEARNERS, TOY, TOY_LIMITS


def statuses(result):
    return [e.status for e in result.exercises]


@pytest.fixture(scope="module")
def worker():
    started = WarmWorker.start(TOY.suite_dir, child_environment(TOY_LIMITS))
    if started is None:
        pytest.skip("no os.fork on this platform: watch mode grades cold")
    yield started
    started.close()


@pytest.mark.parametrize("name, expected", [
    ("correct", [PASSED, PASSED, PASSED]),
    ("untouched", [NOT_STARTED] * 3),
    ("os_exit_in_function", [PASSED, ERROR, PASSED]),
    ("segfault_in_function", [PASSED, ERROR, PASSED]),
    ("infinite_loop", [PASSED, TIMEOUT, PASSED]),
    ("syntax_error", [ERROR] * 3),
    ("correct", [PASSED, PASSED, PASSED]),  # nothing from the broken versions leaks into this one
])
def test_warm_worker_grades_like_a_cold_child(worker, name, expected):
    result = grade(TOY, LEARNERS / f"{name}.py", limits=TOY_LIMITS, launcher=worker.launch)
    assert statuses(result) == expected
    assert worker.alive  # the learner's code never runs in the worker itself


def test_warm_and_cold_give_the_same_messages(worker):
    warm = grade(TOY, LEARNERS / "wrong_answer.py", limits=TOY_LIMITS, launcher=worker.launch)
    cold = grade(TOY, LEARNERS / "wrong_answer.py", limits=TOY_LIMITS)
    assert warm.to_json()["exercises"] == cold.to_json()["exercises"]


def test_watcher_regrades_on_every_save(tmp_path):
    learner = tmp_path / "mine.py"
    shutil.copy(LEARNERS / "untouched.py", learner)
    results: queue.Queue = queue.Queue()
    stop = threading.Event()
    with Watcher(TOY, learner, limits=TOY_LIMITS, mode=WatchMode(polling=False)) as watcher:
        thread = threading.Thread(target=watcher.run, args=(lambda r, _at: results.put(r), stop), daemon=True)
        thread.start()
        assert statuses(results.get(timeout=60)) == [NOT_STARTED] * 3
        assert watcher.wait_until_warm(60)
        for version, expected in [("infinite_loop", [PASSED, TIMEOUT, PASSED]),
                                  ("os_exit_in_function", [PASSED, ERROR, PASSED]),
                                  ("correct", [PASSED, PASSED, PASSED])]:
            learner.write_text((LEARNERS / f"{version}.py").read_text())
            assert statuses(results.get(timeout=60)) == expected, version
        assert watcher.warm
        stop.set()
        learner.write_text(learner.read_text() + "\n")  # wake the watch loop so it sees the stop
        thread.join(10)


def test_polling_fallback_also_sees_saves(tmp_path):
    learner = tmp_path / "mine.py"
    shutil.copy(LEARNERS / "untouched.py", learner)
    results: queue.Queue = queue.Queue()
    stop = threading.Event()
    with Watcher(TOY, learner, limits=TOY_LIMITS, mode=WatchMode(polling=True, reason="test")) as watcher:
        thread = threading.Thread(target=watcher.run, args=(lambda r, _at: results.put(r), stop), daemon=True)
        thread.start()
        results.get(timeout=60)
        learner.write_text((LEARNERS / "correct.py").read_text())
        assert statuses(results.get(timeout=60)) == [PASSED] * 3
        stop.set()
        thread.join(10)


def test_watch_mode_detection(monkeypatch, tmp_path):
    monkeypatch.delenv("MLM_WATCH_POLLING", raising=False)
    monkeypatch.setattr("grader.watch._filesystem_type", lambda _path: "ext4")
    assert detect_watch_mode(tmp_path) == WatchMode(False)
    monkeypatch.setattr("grader.watch._filesystem_type", lambda _path: "nfs4")
    mode = detect_watch_mode(tmp_path)
    assert mode.polling and "nfs4" in mode.reason
    monkeypatch.setenv("MLM_WATCH_POLLING", "1")
    assert detect_watch_mode(tmp_path) == WatchMode(True, "MLM_WATCH_POLLING is set")


def test_filesystem_type_reads_the_longest_mount(tmp_path):
    from pathlib import Path

    from grader.watch import _filesystem_type

    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/vda / ext4 rw 0 0\nserver:/share /mnt/share nfs4 rw 0 0\n")
    assert _filesystem_type(Path("/mnt/share/course/exercises.py"), mounts) == "nfs4"
    assert _filesystem_type(Path("/home/me/exercises.py"), mounts) == "ext4"


def test_a_prepared_pytest_runs_with_the_next_requests_values(tmp_path):
    """grader.child.PreparedPytest: pytest started with one grade's arguments runs the next one's."""
    import json
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import json, os, sys
        from pathlib import Path
        from grader.child import PreparedPytest
        from grader.runner import pytest_arguments
        from tests.conftest import LEARNERS, TOY
        scratch = Path({str(tmp_path)!r})
        def arguments(learner, n, **kw):
            return pytest_arguments(TOY, LEARNERS / learner, scratch / f"journal-{{n}}.jsonl",
                                    scratch / f"report-{{n}}.json", **kw)
        prepared = PreparedPytest(arguments("correct.py", 1))
        assert prepared.run(arguments("correct.py", 2, only=["mean"]), 1) is None  # another shape
        output = os.open(scratch / "output.txt", os.O_WRONLY | os.O_CREAT, 0o600)
        code = prepared.run(arguments("wrong_answer.py", 3), output)
        sys.__stdout__.flush()
        os.write(os.open(scratch / "code.txt", os.O_WRONLY | os.O_CREAT, 0o600), str(code).encode())
    """)
    env = dict(child_environment(TOY_LIMITS), MLM_PROCESSES="1")  # one report to read
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=LEARNERS.parents[2],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "code.txt").read_text() == "1"  # some tests failed
    assert not (tmp_path / "report-1.json").exists() and not (tmp_path / "report-2.json").exists()
    report = json.loads((tmp_path / "report-3.json").read_text())
    graded = {t["nodeid"].split("::")[-1]: t["metadata"]["status"] for t in report["tests"] if t.get("metadata")}
    assert graded["test_add_small"] == "failed" and graded["test_shout"] == "passed"
    assert (tmp_path / "journal-3.jsonl").exists()
    assert "failed" in (tmp_path / "output.txt").read_text()  # pytest's own summary went to the run's output
