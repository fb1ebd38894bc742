"""What a check produces: a verdict per test, folded into a verdict per exercise.

Standard library only. The JSON form (``ModuleResult.to_json``) is the public interface of
``mlm check --json`` for editors, CI and classrooms; change it only in a compatible way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: The statuses an exercise (or a single test) can have, in the JSON spelling.
PASSED, FAILED, NOT_STARTED, ERROR, TIMEOUT = "passed", "failed", "not_started", "error", "timeout"
STATUSES = (PASSED, FAILED, NOT_STARTED, ERROR, TIMEOUT)

#: When tests of one exercise disagree, the exercise takes the most serious status; the message
#: shown is that of the first test (in file order) with that status.
_SEVERITY = {TIMEOUT: 4, ERROR: 3, FAILED: 2, NOT_STARTED: 1, PASSED: 0}


@dataclass
class TestVerdict:
    """The outcome of one test of the hidden suite."""

    nodeid: str
    exercise: str
    status: str
    message: str = ""


@dataclass
class ExerciseResult:
    """The outcome of one exercise: ``passed`` only if every one of its tests ran and passed."""

    name: str
    status: str
    passed: int
    total: int
    message: str = ""
    points: float = 1.0

    def to_json(self) -> dict:
        return {"name": self.name, "status": self.status, "passed": self.passed,
                "total": self.total, "message": self.message}


@dataclass
class ModuleResult:
    """The outcome of grading one file against one module's hidden suite."""

    module: str
    file: str
    exercises: list[ExerciseResult]
    #: A problem that concerns the whole file (syntax error, exception at import), shown above the table.
    banner: str = ""
    seconds: float = 0.0
    #: The child's pytest output, kept for ``--verbose``.
    output: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Points of the passed exercises over all points, in [0, 1]."""
        total = sum(e.points for e in self.exercises)
        done = sum(e.points for e in self.exercises if e.status == PASSED)
        return round(done / total, 4) if total else 0.0

    @property
    def all_passed(self) -> bool:
        return bool(self.exercises) and all(e.status == PASSED for e in self.exercises)

    def to_json(self) -> dict:
        return {"module": self.module, "file": self.file, "score": self.score,
                "exercises": [e.to_json() for e in self.exercises]}


def fold(name: str, verdicts: list[TestVerdict], total: int, points: float = 1.0) -> ExerciseResult:
    """Fold the verdicts of one exercise's tests into the exercise's result.

    ``total`` is the number of tests the suite has for the exercise; a test without a verdict
    (the run was cut short) means the exercise cannot count as passed.
    """
    passed = sum(v.status == PASSED for v in verdicts)
    if verdicts and passed == total == len(verdicts):
        return ExerciseResult(name, PASSED, passed, total, "", points)
    if not verdicts:
        return ExerciseResult(name, ERROR, 0, total, "not graded: the run ended before its tests ran", points)
    worst = max(verdicts, key=lambda v: _SEVERITY[v.status])
    status = worst.status
    if status == PASSED:  # every test that ran passed, but not all of them ran
        return ExerciseResult(name, ERROR, passed, total, "not every test ran: the run was cut short", points)
    if status == NOT_STARTED and passed:
        status = FAILED  # part done: some tests pass, others still hit the TODO
        message = f"partly done: {passed} of {total} checks pass, the rest still raise NotImplementedError"
    else:
        message = next(v.message for v in verdicts if v.status == status)
    return ExerciseResult(name, status, passed, total, message, points)
