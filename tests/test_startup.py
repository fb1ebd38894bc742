"""How `mlm check` starts fast without ever grading a stale file.

grader/bytecode.py (the bytecode cache where PYTHONDONTWRITEBYTECODE is set), the learner's file
always compiled from source (grader.harness.FreshSourceLoader), and the prestarted child of
grader/prestart.py (started by grader/entry.py before the CLI has parsed its arguments).
"""
import os

from grader import prestart
from grader.bytecode import PYCACHE, bytecode_environment
from grader.catalog import exercises_of
from grader.curriculum import resolve
from grader.entry import _suite_of
from grader.limits import Limits, child_environment
from grader.results import FAILED, PASSED
from grader.runner import grade
from tests.conftest import LEARNERS, TOY, TOY_LIMITS


def test_bytecode_is_cached_in_one_folder_where_writing_it_is_off():
    env = bytecode_environment({"PATH": "/bin", "PYTHONDONTWRITEBYTECODE": "1"})
    assert env == {"PATH": "/bin", "PYTHONPYCACHEPREFIX": PYCACHE}


def test_bytecode_environment_leaves_python_defaults_and_a_chosen_cache_alone():
    assert bytecode_environment({"PATH": "/bin"}) == {"PATH": "/bin"}
    chosen = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": "/tmp/mine"}
    assert bytecode_environment(chosen) == chosen


def test_two_saves_within_a_second_are_both_graded(tmp_path):
    # Same size, same modification time: a cached .pyc would still look valid for the second.
    learner = tmp_path / "exercises.py"
    learner.write_text((LEARNERS / "correct.py").read_text())
    stamp = (learner.stat().st_atime, learner.stat().st_mtime)
    first = grade(TOY, learner, limits=TOY_LIMITS)
    learner.write_text(learner.read_text().replace("return a + b", "return a - b"))
    os.utime(learner, stamp)
    second = grade(TOY, learner, limits=TOY_LIMITS)
    assert first.exercises[0].status == PASSED
    assert second.exercises[0].status == FAILED


def test_the_suite_to_preload_is_found_in_the_check_command_line():
    assert _suite_of(["00", "--json"]) == str(resolve("00").suite_dir)
    assert _suite_of(["--file", "solutions.py", "supervised"]) == str(resolve("07").suite_dir)
    assert _suite_of(["-f", "00", "01"]) == str(resolve("01").suite_dir)  # 00 is the file
    assert _suite_of(["learn"]) is None  # ambiguous: the check itself will say so
    assert _suite_of(["--verbose"]) is None


def test_a_prestarted_child_grades_the_check():
    prestart.start(child_environment(Limits()))
    prestart.preload(str(TOY.suite_dir))
    result = grade(TOY, LEARNERS / "correct.py")  # default limits: the runner takes the child
    assert [e.status for e in result.exercises] == [PASSED, PASSED, PASSED]
    assert prestart.take() is None


def test_a_prestarted_child_nobody_needs_goes_away():
    prestart.start(child_environment(Limits()))
    child = prestart.take()
    child.stdin.close()  # what happens at exit when the command was not a check after all
    assert child.wait(timeout=30) == 0


def test_the_console_script_writes_everything_before_its_quick_exit(tmp_path):
    # grader/entry.py skips the interpreter's teardown after `check` and `progress`: the output,
    # the exit code and the progress just recorded must all be there regardless.
    import json
    import subprocess
    import sys

    env = dict(os.environ, MLM_HOME=str(tmp_path))
    run = [sys.executable, "-m", "grader.entry"]
    module = resolve("00")
    checked = subprocess.run([*run, "check", "00", "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert checked.returncode in (0, 1), checked.stderr  # 0 only if every exercise passes
    assert len(json.loads(checked.stdout)["exercises"]) == len(exercises_of(module))
    unknown = subprocess.run([*run, "check", "nosuch"], env=env, capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 2 and "No module matches" in unknown.stderr
    progress = subprocess.run([*run, "progress", "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert progress.returncode == 0, progress.stderr
    assert json.loads(progress.stdout)["modules"][0]["attempts"] == 1  # the check above was recorded
