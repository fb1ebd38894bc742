"""Every fault a learner's file can have gets a clear verdict, and the rest is still graded.

Each case grades one file of tests/fixtures/learners/ with the toy suite (add, mean, shout):
the faulty exercise is `mean` unless the fault concerns the whole file.
"""
import pytest

from grader.results import ERROR, FAILED, NOT_STARTED, PASSED, TIMEOUT

P, F, N, E, T = PASSED, FAILED, NOT_STARTED, ERROR, TIMEOUT

CASES = {
    # name: (add, mean, shout), text expected in mean's message (or the banner), text in the banner
    "correct": ((P, P, P), "", ""),
    "untouched": ((N, N, N), "NotImplementedError", ""),
    "wrong_answer": ((F, E, P), "ZeroDivisionError", ""),
    "missing_function": ((P, E, P), "defines no `mean`", ""),
    "syntax_error": ((E, E, E), "SyntaxError at line 5", "expected ':'"),
    "exception_at_import": ((P, E, E), "stopped importing at line 6", "KeyError"),
    "sys_exit_at_import": ((P, P, P), "", "called sys.exit()"),
    "os_exit_at_import": ((E, E, E), "exited with code 3", "while importing"),
    "sys_exit_in_function": ((P, E, P), "called sys.exit() at", ""),
    "os_exit_in_function": ((P, E, P), "ended during this exercise", ""),
    "segfault_in_function": ((P, E, P), "SIGSEGV", ""),
    "infinite_loop": ((P, T, P), "timed out after 2 s", ""),
    "prints_megabytes": ((P, E, P), "too much output", ""),
    "memory_hog": ((P, E, P), "ran out of memory", ""),
}


@pytest.mark.parametrize("processes", [1, 2])  # run one after the other, or shared (grader/shards.py)
@pytest.mark.parametrize("name", CASES)
def test_fault_gets_a_clear_verdict(grade_toy, monkeypatch, name, processes):
    monkeypatch.setenv("MLM_PROCESSES", str(processes))
    statuses, mean_text, banner_text = CASES[name]
    result, by_name = grade_toy(name)
    assert tuple(by_name[n].status for n in ("add", "mean", "shout")) == statuses, result
    assert mean_text in by_name["mean"].message, by_name["mean"].message
    assert banner_text in result.banner, result.banner
    for exercise in result.exercises:
        assert "Traceback" not in exercise.message and len(exercise.message) <= 300


def test_passed_means_every_test_ran_and_passed(grade_toy):
    _, by_name = grade_toy("correct")
    assert (by_name["add"].passed, by_name["add"].total) == (2, 2)
    assert (by_name["mean"].passed, by_name["mean"].total) == (2, 2)


def test_wrong_answer_message_says_expected_and_got(grade_toy):
    _, by_name = grade_toy("wrong_answer")
    assert by_name["add"].message == "add(1, 2): expected 3, got -1"


def test_exception_message_points_at_the_learners_line(grade_toy):
    _, by_name = grade_toy("wrong_answer")
    assert "wrong_answer.py:6, in mean" in by_name["mean"].message


def test_timeout_skips_the_other_tests_of_the_exercise(grade_toy):
    result, by_name = grade_toy("infinite_loop")
    assert by_name["mean"].status == TIMEOUT
    assert result.seconds < 6  # one 2 s timeout, not one per test


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_hang_that_a_signal_cannot_stop_is_killed_by_the_watchdog(grade_toy, monkeypatch, processes):
    monkeypatch.setenv("MLM_PROCESSES", str(processes))
    result, by_name = grade_toy("hang_in_c_code")
    assert [by_name[n].status for n in ("add", "mean", "shout")] == [PASSED, TIMEOUT, PASSED]
    assert "stopped by force" in by_name["mean"].message


def test_slow_import_is_stopped(grade_toy):
    result, by_name = grade_toy("infinite_loop_at_import")
    assert by_name["add"].status == PASSED  # defined before the loop
    assert by_name["mean"].status == ERROR and "did not finish importing" in by_name["mean"].message
    assert "within 3 s" in result.banner


def test_whole_run_limit_never_reports_unfinished_work_as_passed(grade_toy):
    from grader.runner import Limits

    result, by_name = grade_toy("hang_in_c_code", limits=Limits(run_seconds=1.5, import_seconds=3))
    assert by_name["mean"].status == TIMEOUT
    assert all(e.status != PASSED for e in result.exercises if e.name != "add")


def test_only_one_exercise(grade_toy):
    result, by_name = grade_toy("correct", only=["mean"])
    assert list(by_name) == ["mean"] and by_name["mean"].status == PASSED


def test_score_weighs_points(grade_toy):
    result, _ = grade_toy("wrong_answer")  # only shout (1 point of 4) passes
    assert result.score == pytest.approx(0.25)
    assert result.to_json()["score"] == pytest.approx(0.25)


def test_authoring_error_is_reported_as_a_grader_problem(tmp_path):
    from dataclasses import dataclass
    from pathlib import Path

    from grader.curriculum import Module
    from grader.runner import grade
    from tests.conftest import LEARNERS, TOY_LIMITS

    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "exercises.toml").write_text("[[exercise]]\nname = 'add'\nhints = ['a', 'b']\n")
    (suite / "test_bad.py").write_text("def test_without_marker(learner):\n    pass\n")

    @dataclass(frozen=True)
    class Broken(Module):
        @property
        def suite_dir(self) -> Path:
            return suite

    result = grade(Broken(98, "broken", "Broken", "Foundations", "", ""), LEARNERS / "correct.py", limits=TOY_LIMITS)
    assert result.exercises[0].status == ERROR
    assert "grader problem" in result.banner and "exercise" in result.banner


def test_big_output_is_cut_in_the_verbose_report(grade_toy):
    result, by_name = grade_toy("prints_megabytes", verbose=True)
    assert by_name["add"].status == PASSED  # 5 MB of prints, then the right answer
    assert len(result.output) < 300_000
