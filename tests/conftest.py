"""Shared fixtures of the project's own tests (not the hidden suites: those live in grader/suites)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from grader.bytecode import keep_bytecode
from grader.curriculum import MODULES, Module
from grader.runner import Limits, grade

keep_bytecode()  # this process, as `mlm` does (grader/bytecode.py); the grading children do it too

FIXTURES = Path(__file__).parent / "fixtures"
LEARNERS = FIXTURES / "learners"

#: Tight limits so the fault fixtures finish quickly.
TOY_LIMITS = Limits(run_seconds=60, import_seconds=3, memory_mb=1536, output_mb=8)


@dataclass(frozen=True)
class ToyModule(Module):
    """A three-exercise module whose suite is tests/fixtures/toy_suite (add, mean, shout)."""

    @property
    def suite_dir(self) -> Path:
        return FIXTURES / "toy_suite"


TOY = ToyModule(99, "toy", "Toy", "Foundations", "grader tests", "1 minute")


@pytest.fixture
def grade_toy():
    """Grade one of tests/fixtures/learners/*.py with the toy suite; returns {exercise: result}."""

    def run(name: str, **kwargs):
        result = grade(TOY, LEARNERS / f"{name}.py", limits=kwargs.pop("limits", TOY_LIMITS), **kwargs)
        return result, {e.name: e for e in result.exercises}

    return run


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    """Every test gets its own progress store: the learner's real .mlm/ is never touched."""
    monkeypatch.setenv("MLM_HOME", str(tmp_path / "mlm-home"))
    return tmp_path / "mlm-home" / "progress.sqlite3"


AVAILABLE_MODULES = [m for m in MODULES if m.available]
