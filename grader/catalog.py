"""Exercise metadata: the one place every command reads to know a module's exercises.

Each hidden suite folder holds an ``exercises.toml`` (see CONTRIBUTING.md), in the order the
exercises appear in the module's ``exercises.py``::

    [[exercise]]
    name = "pairwise_distances"      # the public function or class in exercises.py; also its id
    title = "Pairwise distances without loops"
    points = 2                       # optional, default 1
    timeout = 10                     # optional: seconds allowed per test, default DEFAULT_TEST_TIMEOUT
    hints = ["a nudge", "a bigger push", "nearly the answer"]

Standard library only, so ``mlm hint`` and ``mlm progress`` stay instant.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from grader.curriculum import Module

#: Seconds one test may run before it is stopped and its exercise reported as timed out.
DEFAULT_TEST_TIMEOUT = 10.0


class CatalogError(ValueError):
    """An ``exercises.toml`` is missing or malformed: an authoring bug, not the learner's."""


@dataclass(frozen=True)
class Exercise:
    """One graded exercise of a module."""

    number: int
    name: str
    title: str
    hints: tuple[str, ...]
    points: float = 1.0
    timeout: float = DEFAULT_TEST_TIMEOUT


def exercises_of(module: Module) -> tuple[Exercise, ...]:
    """The exercises of ``module`` in file order, read from its suite's ``exercises.toml``."""
    return read_catalog(module.suite_dir / "exercises.toml")


@lru_cache(maxsize=None)
def read_catalog(path: Path) -> tuple[Exercise, ...]:
    """Parse one ``exercises.toml``; raises ``CatalogError`` with the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"{path.parent.name} has no hidden suite yet ({path} is missing).") from None
    except tomllib.TOMLDecodeError as err:
        raise CatalogError(f"{path} is not valid TOML: {err}") from None
    entries = data.get("exercise", [])
    if not entries:
        raise CatalogError(f"{path} lists no [[exercise]] entries.")
    result = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        name = entry.get("name")
        hints = entry.get("hints", [])
        if not isinstance(name, str) or not name.isidentifier():
            raise CatalogError(f"{path}: exercise {number} needs a 'name' that is a Python identifier.")
        if name in seen:
            raise CatalogError(f"{path}: exercise '{name}' is listed twice.")
        if not (isinstance(hints, list) and 2 <= len(hints) <= 3 and all(isinstance(h, str) for h in hints)):
            raise CatalogError(f"{path}: exercise '{name}' needs 2 or 3 hints (strings).")
        seen.add(name)
        result.append(
            Exercise(
                number=number,
                name=name,
                title=str(entry.get("title", name)),
                hints=tuple(hints),
                points=float(entry.get("points", 1)),
                timeout=float(entry.get("timeout", DEFAULT_TEST_TIMEOUT)),
            )
        )
    return tuple(result)


def find_exercise(module: Module, query: str) -> Exercise:
    """Find an exercise by name, by its number in the file (``3``), or by an unambiguous prefix."""
    exercises = exercises_of(module)
    text = query.strip()
    if text.isdigit():
        for exercise in exercises:
            if exercise.number == int(text):
                return exercise
    for exercise in exercises:
        if exercise.name == text:
            return exercise
    matches = [e for e in exercises if text and text.lower() in e.name.lower()]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(e.name for e in (matches or exercises))
    what = "is ambiguous" if matches else "is not an exercise of"
    raise LookupError(f"'{query}' {what} {module.name}. Exercises: {names}.")
