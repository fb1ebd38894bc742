"""The `mlm` command line, driven through Typer's test runner (and a real process for timings)."""
import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from grader.catalog import exercises_of
from grader.cli import app
from grader.curriculum import resolve
from grader.store import ProgressStore

runner = CliRunner()
M00 = resolve("00")


def invoke(*args):
    return runner.invoke(app, list(args))


def test_help_lists_every_command():
    out = invoke("--help")
    assert out.exit_code == 0
    for command in ("list", "check", "progress", "hint", "verify"):
        assert command in out.output


def test_list_shows_all_modules():
    out = invoke("list")
    assert out.exit_code == 0
    assert "00-python-fundamentals" in out.output and "18-advanced-topics" in out.output


@pytest.mark.parametrize("query, text", [("quantum", "No module matches"), ("learning", "ambiguous")])
def test_unknown_or_ambiguous_module_exits_2_with_candidates(query, text):
    out = invoke("check", query)
    assert out.exit_code == 2
    assert text in out.output
    if text == "ambiguous":
        assert "07-supervised-learning" in out.output


def test_check_needs_a_module():
    out = invoke("check")
    assert out.exit_code == 2 and "Which module" in out.output


def test_check_missing_file_exits_2(tmp_path):
    out = invoke("check", "00", "--file", str(tmp_path / "nope.py"))
    assert out.exit_code == 2 and "No such file" in out.output


def test_unknown_exercise_exits_2():
    out = invoke("check", "00", "--exercise", "no_such_exercise")
    assert out.exit_code == 2 and "not an exercise" in out.output


@pytest.mark.slow
def test_check_solutions_json_passes_and_is_not_recorded(isolated_store):
    out = invoke("check", "python-fundamentals", "--file", str(M00.solutions_file), "--json")
    assert out.exit_code == 0, out.output
    document = json.loads(out.stdout)
    assert document["module"] == "00-python-fundamentals"
    assert document["score"] == 1.0
    assert [e["name"] for e in document["exercises"]] == [e.name for e in exercises_of(M00)]
    for exercise in document["exercises"]:
        assert set(exercise) == {"name", "status", "passed", "total", "message"}
        assert exercise["status"] == "passed" and exercise["passed"] == exercise["total"] > 0
    assert not isolated_store.exists()  # --file runs are not the learner's progress


@pytest.mark.slow
def test_check_learners_file_is_recorded_and_shown_in_progress(isolated_store):
    out = invoke("check", "0")
    assert out.exit_code == 1  # the untouched file: nothing passes
    assert "not started" in out.output and "Score" in out.output
    entry = ProgressStore().progress()["00-python-fundamentals"]
    assert entry.attempts == 1 and entry.passed == 0
    out = invoke("progress")
    assert out.exit_code == 0
    assert f"0/{len(exercises_of(M00))}" in out.output and "not yet available" in out.output


@pytest.mark.slow
def test_check_one_exercise(isolated_store):
    first = exercises_of(M00)[0].name
    out = invoke("check", "00", "--file", str(M00.solutions_file), "--exercise", "1", "--json")
    assert out.exit_code == 0
    assert [e["name"] for e in json.loads(out.stdout)["exercises"]] == [first]


@pytest.mark.slow
def test_verbose_shows_pytest_output():
    out = invoke("check", "00", "--file", str(M00.solutions_file), "--verbose", "--exercise", "1")
    assert out.exit_code == 0 and "PASSED" in out.output


@pytest.mark.slow
def test_check_with_a_damaged_store_still_grades(isolated_store):
    isolated_store.parent.mkdir(parents=True)
    isolated_store.write_bytes(b"garbage" * 200)
    out = invoke("check", "00", "--exercise", "1")
    assert out.exit_code == 1
    assert "not started" in out.output and "Progress not saved" in out.output
    assert "Traceback" not in out.output


def test_progress_with_a_damaged_store_explains_how_to_recover(isolated_store):
    isolated_store.parent.mkdir(parents=True)
    isolated_store.write_bytes(b"garbage" * 200)
    out = invoke("progress")
    assert out.exit_code == 1
    assert "cannot be used" in out.output and "mv " in out.output
    assert "Traceback" not in out.output


def test_hint_reveals_one_more_each_time():
    exercise = exercises_of(M00)[0]
    first = invoke("hint", "00", exercise.name)
    assert first.exit_code == 0 and "Hint 1/" in first.output and "Hint 2/" not in first.output
    second = invoke("hint", "00", "1")
    assert "Hint 1/" in second.output and "Hint 2/" in second.output


def test_hint_unknown_exercise_exits_2():
    out = invoke("hint", "00", "nope")
    assert out.exit_code == 2


@pytest.mark.slow
def test_check_all_grades_every_available_module(isolated_store):
    out = invoke("check", "--all", "--json")
    assert out.exit_code == 1  # untouched exercise files
    names = [m["module"] for m in json.loads(out.stdout)]
    assert "00-python-fundamentals" in names


@pytest.mark.slow
def test_verify_module_00():
    out = invoke("verify", "00")
    assert out.exit_code == 0, out.output
    assert "1/1 modules verified" in out.output


@pytest.mark.slow
def test_verify_catches_a_solution_that_does_not_pass(tmp_path, monkeypatch):
    """A copy of module 00 whose solutions.py is the untouched stub file must fail verify."""
    from grader import verify as verify_module
    from grader.curriculum import Module

    fake_root = tmp_path / "repo"
    shutil.copytree(M00.folder, fake_root / M00.name)
    shutil.copy(M00.exercises_file, fake_root / M00.name / "solutions.py")

    class Copy(Module):
        @property
        def folder(self):
            return fake_root / self.name

        @property
        def suite_dir(self):
            return M00.suite_dir

    copy = Copy(M00.number, M00.slug, M00.title, M00.phase, M00.focus, M00.time)
    verdict = verify_module.verify_module(copy)
    assert not verdict.ok
    assert any("solutions.py" in p and "not_started" in p for p in verdict.problems)


@pytest.mark.parametrize("command", ["progress", "list", "hint 00 1", "--help"])
def test_light_commands_never_import_the_heavy_libraries(command):
    """`mlm progress` and friends must stay instant: no numpy, pandas, sklearn or torch."""
    code = (
        "import sys; from grader.cli import app\n"
        f"try:\n    app({command.split()!r})\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('numpy', 'pandas', 'sklearn', 'torch', 'scipy', 'pytest') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr
