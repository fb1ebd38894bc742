"""``mlm verify``: the authors' proof that every present module is gradable.

For each module present, four rules (rustlings' "every exercise fails, every solution passes"):

1. ``exercises.toml``, the untouched exercise file and ``solutions.py`` agree: the same public
   names, in the same order, with the same signatures;
2. the hidden suite passes completely on ``solutions.py``;
3. every exercise of the untouched exercise file comes out "not started";
4. the suite's checks explain themselves: no bare ``assert`` without a message.

"Untouched" is the pristine copy kept beside the suite (``grader/reset.py``), so verify gives the
same answer after a learner has started work. With ``strict`` (CI, or ``--strict``) a last rule
checks that the shipped ``exercises.py`` still equals that pristine copy.
"""
from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from grader.catalog import CatalogError, exercises_of
from grader.curriculum import MODULES, Module
from grader.results import NOT_STARTED, PASSED


@dataclass
class ModuleVerdict:
    module: Module
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


def public_api(path: Path) -> dict[str, str]:
    """Public top-level functions and classes of a file, in order, with their signatures."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    api = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            api[node.name] = f"({ast.unparse(node.args)})"
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            methods = [f"{m.name}({ast.unparse(m.args)})" for m in node.body
                       if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                       and (not m.name.startswith("_") or m.name == "__init__")]
            api[node.name] = "class: " + "; ".join(methods)
    return api


def check_agreement(module: Module) -> list[str]:
    """Rule 1: metadata, exercise file and solutions agree on names, order and signatures."""
    from grader.reset import pristine_file

    problems = []
    if not pristine_file(module).is_file():
        return [f"{pristine_file(module)} is missing: run `uv run mlm verify --sync-pristine`"]
    try:
        catalog = [e.name for e in exercises_of(module)]
        exercises = public_api(pristine_file(module))
        solutions = public_api(module.solutions_file)
    except (CatalogError, SyntaxError, OSError) as err:
        return [str(err)]
    if list(exercises) != catalog:
        problems.append(f"exercises.toml lists {catalog} but exercises.py defines {list(exercises)} (names and order must match)")
    for name, signature in exercises.items():
        if name not in solutions:
            problems.append(f"solutions.py lacks {name}")
        elif solutions[name] != signature:
            problems.append(f"{name}: signature differs: exercises.py {signature} vs solutions.py {solutions[name]}")
    extra = [n for n in solutions if n not in exercises]
    if extra:
        problems.append(f"solutions.py has public names that exercises.py lacks: {', '.join(extra)}")
    return problems


def check_suite_messages(module: Module) -> list[str]:
    """Suites speak to the learner through grader.testing: a bare ``assert`` would only say
    "AssertionError" (the grader runs pytest with --assert=plain), so each one is reported."""
    problems = []
    for path in sorted(module.suite_dir.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assert) and node.msg is None:
                problems.append(f"{path.name}:{node.lineno}: bare assert; use grader.testing (expect, expect_close, ...)")
    return problems


def verify_module(module: Module, strict: bool = False) -> ModuleVerdict:
    from grader.reset import pristine_file
    from grader.runner import grade

    verdict = ModuleVerdict(module, check_agreement(module) + check_suite_messages(module))
    if not pristine_file(module).is_file():
        return verdict
    if strict and module.exercises_file.read_bytes() != pristine_file(module).read_bytes():
        verdict.problems.append("exercises.py differs from the suite's pristine_exercises.py: "
                                "run `uv run mlm verify --sync-pristine` after changing exercises.py")
    if not module.solutions_file.is_file():
        verdict.problems.append("solutions.py is missing")
        return verdict
    solved = grade(module, module.solutions_file)
    for exercise in solved.exercises:
        if exercise.status != PASSED:
            verdict.problems.append(f"solutions.py: {exercise.name} is {exercise.status}: {exercise.message}")
    untouched = grade(module, pristine_file(module))
    for exercise in untouched.exercises:
        if exercise.status != NOT_STARTED:
            verdict.problems.append(f"exercises.py: {exercise.name} is {exercise.status}, want not_started"
                                    + (f": {exercise.message}" if exercise.message else ""))
    verdict.seconds = solved.seconds + untouched.seconds
    return verdict


def verify(modules: list[Module] | None = None, workers: int = 2, strict: bool = False) -> list[ModuleVerdict]:
    """Verify ``modules`` (default: every module present), two at a time."""
    chosen = modules if modules is not None else [m for m in MODULES if m.available]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda m: verify_module(m, strict), chosen))
