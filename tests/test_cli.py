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
    assert f"0/{len(exercises_of(M00))}" in out.output


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
def test_check_all_grades_every_available_module(isolated_store, monkeypatch):
    from grader.curriculum import MODULES

    # Two modules stand for all of them (tests/test_modules.py grades every module already).
    monkeypatch.setattr("grader.cli.MODULES", tuple(m for m in MODULES if m.number in (0, 2)))
    out = invoke("check", "--all", "--json")
    assert out.exit_code == 1  # untouched exercise files
    names = [m["module"] for m in json.loads(out.stdout)]
    assert names == ["00-python-fundamentals", "02-calculus"]
    assert set(ProgressStore().progress()) == set(names)


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


# -- the learner's loop: next, reset, progress export/import -----------------------------------
@pytest.fixture
def scratch_module(tmp_path):
    """Module 00 with its exercise file in a scratch copy, so reset can rewrite it."""
    from grader.curriculum import Module

    root = tmp_path / "repo"
    (root / M00.name).mkdir(parents=True)
    shutil.copy(M00.suite_dir / "pristine_exercises.py", root / M00.name / "exercises.py")

    class Scratch(Module):
        @property
        def folder(self):
            return root / self.name

        @property
        def suite_dir(self):
            return M00.suite_dir

    return Scratch(M00.number, M00.slug, M00.title, M00.phase, M00.focus, M00.time)


def test_reset_one_exercise_keeps_the_rest_and_backs_up(scratch_module, isolated_store):
    from grader.reset import pristine_file, reset_exercise

    first, second = [e.name for e in exercises_of(M00)][:2]
    path = scratch_module.exercises_file
    pristine = pristine_file(M00).read_text()
    edited = pristine.replace(f"raise NotImplementedError(\"{first}\")", "return 'mine 1'", 1)
    edited = edited.replace(f"raise NotImplementedError(\"{second}\")", "return 'mine 2'", 1)
    assert edited.count("mine") == 2, "stubs should raise NotImplementedError(\"<name>\")"
    path.write_text(edited)
    saved = reset_exercise(scratch_module, path, first)
    now = path.read_text()
    assert "mine 1" not in now and "mine 2" in now
    assert saved.read_text() == edited and saved.is_relative_to(isolated_store.parent / "backups")


def test_reset_puts_back_a_deleted_exercise(scratch_module):
    from grader.reset import reset_exercise
    from grader.verify import public_api

    first = exercises_of(M00)[0].name
    path = scratch_module.exercises_file
    blocks = path.read_text().split("\ndef ")
    path.write_text("\ndef ".join(b for b in blocks if not b.startswith(first + "(")))
    assert first not in public_api(path)
    reset_exercise(scratch_module, path, first)
    assert first in public_api(path)


def test_reset_refuses_one_exercise_of_a_broken_file_but_not_the_whole_file(scratch_module):
    from grader.reset import ResetError, pristine_file, reset_exercise, reset_file

    path = scratch_module.exercises_file
    path.write_text("def broken(:\n")
    with pytest.raises(ResetError, match="syntax error"):
        reset_exercise(scratch_module, path, exercises_of(M00)[0].name)
    saved = reset_file(scratch_module, path)
    assert path.read_text() == pristine_file(M00).read_text()
    assert saved.read_text() == "def broken(:\n"


def test_reset_command_asks_first(monkeypatch, scratch_module):
    monkeypatch.setattr("grader.cli._module", lambda _query: scratch_module)
    path = scratch_module.exercises_file
    path.write_text("# my work\n")
    out = runner.invoke(app, ["reset", "00"], input="n\n")
    assert out.exit_code == 1 and path.read_text() == "# my work\n"
    out = invoke("reset", "00", "--yes")
    assert out.exit_code == 0 and "previous version is saved as" in out.output
    assert path.read_text() != "# my work\n"


def test_next_points_at_the_first_exercise_not_passed():
    from grader.results import ExerciseResult, ModuleResult

    names = [e.name for e in exercises_of(M00)]
    out = invoke("next")
    assert out.exit_code == 0 and f"exercise 1/{len(names)}: {names[0]}" in out.output
    done = ModuleResult(M00.name, "exercises.py", [ExerciseResult(names[0], "passed", 1, 1)])
    ProgressStore().record(done, complete=False)
    out = invoke("next")
    assert f"exercise 2/{len(names)}: {names[1]}" in out.output and "mlm watch 00" in out.output


def test_progress_json_export_and_import_round_trip(tmp_path, monkeypatch):
    from grader.results import ExerciseResult, ModuleResult

    first = exercises_of(M00)[0].name
    ProgressStore().record(ModuleResult(M00.name, "x", [ExerciseResult(first, "passed", 1, 1)]), complete=False)
    ProgressStore().next_hint(M00.name, first, 3)
    document = json.loads(invoke("progress", "--json").stdout)
    row = next(r for r in document["modules"] if r["module"] == M00.name)
    assert row["passed"] == 1 and row["attempts"] == 1 and document["streak_days"] == 1
    assert document["overall"]["passed"] == 1
    export = tmp_path / "progress.json"
    assert invoke("progress", "--export", str(export)).exit_code == 0
    monkeypatch.setenv("MLM_HOME", str(tmp_path / "other-machine"))
    assert "Imported 1 checks" in invoke("progress", "--import", str(export)).output
    assert "Imported 0 checks" in invoke("progress", "--import", str(export)).output  # idempotent
    again = json.loads(invoke("progress", "--json").stdout)
    assert next(r for r in again["modules"] if r["module"] == M00.name)["passed"] == 1


def test_progress_import_rejects_a_foreign_file(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    out = invoke("progress", "--import", str(bad))
    assert out.exit_code == 2 and "not an mlm progress export" in out.output


def test_progress_groups_modules_by_phase():
    out = invoke("progress")
    assert out.exit_code == 0
    positions = [out.output.index(p) for p in ("Foundations", "Classical ML", "Deep Learning", "Engineering")]
    assert positions == sorted(positions)
    assert "streak" in out.output


def test_streak_counts_consecutive_days():
    from datetime import date

    from grader.store import streak

    today = date(2026, 3, 10)
    assert streak(["2026-03-08", "2026-03-09", "2026-03-10"], today) == 3
    assert streak(["2026-03-08", "2026-03-09"], today) == 2  # today is not over yet
    assert streak(["2026-03-07", "2026-03-09", "2026-03-10"], today) == 2
    assert streak([], today) == 0


def test_module_and_exercise_completion():
    from grader.cli import complete_exercise, complete_module

    assert ("07", "Supervised Learning") in complete_module("0")
    assert [c for c, _ in complete_module("07-s")] == ["07-supervised-learning"]

    class Ctx:
        params = {"module": "00"}

    names = [c for c, _ in complete_exercise(Ctx(), "")]
    assert names == [e.name for e in exercises_of(M00)]
