"""``mlm reset``: put an exercise (or the whole file) back to its original TODO stub.

The original of every module's ``exercises.py`` is kept beside its hidden suite, as
``grader/suites/NN-slug/pristine_exercises.py``, so resetting works with or without git. Before
anything is changed, the learner's file is copied to a timestamped backup under
``.mlm/backups/`` (or ``$MLM_HOME/backups/``): nothing the learner wrote is ever lost.

``sync_pristine`` copies the shipped ``exercises.py`` over the pristine copy; authors run it (via
``mlm verify --sync-pristine``) after changing a module's exercise file.
"""
from __future__ import annotations

import ast
import shutil
from datetime import datetime
from pathlib import Path

from grader.curriculum import Module
from grader.store import store_path

PRISTINE_NAME = "pristine_exercises.py"


class ResetError(RuntimeError):
    """The reset cannot be done; the message says why and what to do instead."""


def pristine_file(module: Module) -> Path:
    """The original, untouched exercise file of ``module``."""
    return module.suite_dir / PRISTINE_NAME


def backup(module: Module, file: Path) -> Path:
    """Copy ``file`` to ``.mlm/backups/NN-slug/<time>-<name>`` and return the copy's path."""
    folder = store_path().parent / "backups" / module.name
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stamp}-{file.name}"
    shutil.copy2(file, target)
    return target


def reset_file(module: Module, file: Path) -> Path | None:
    """Replace ``file`` with the pristine stub; returns the backup (None if there was no file)."""
    saved = backup(module, file) if file.exists() else None
    shutil.copyfile(pristine_file(module), file)
    return saved


def reset_exercise(module: Module, file: Path, name: str) -> Path:
    """Replace one exercise's function or class in ``file`` with its pristine stub.

    Everything else in the file is left exactly as it is. Returns the backup's path.
    """
    original = _blocks(pristine_file(module).read_text(encoding="utf-8"), "the pristine stub")
    if name not in original:
        raise ResetError(f"{name} is not an exercise of {module.name}.")
    text = file.read_text(encoding="utf-8")
    try:
        current = _blocks(text, file.name)
    except ResetError:
        raise ResetError(f"{file.name} has a syntax error, so one exercise cannot be cut out of it. Fix it, "
                         f"or reset the whole file with: uv run mlm reset {module.number:02d}") from None
    saved = backup(module, file)
    lines = text.splitlines(keepends=True)
    stub = original[name][2]
    if name in current:
        start, end, _ = current[name]
        lines[start:end] = [stub if stub.endswith("\n") else stub + "\n"]
    else:  # deleted or renamed: put the stub back at the end
        lines.append(("\n\n" if lines and lines[-1].strip() else "\n") + stub)
    file.write_text("".join(lines), encoding="utf-8")
    return saved


def sync_pristine(module: Module) -> bool:
    """Make the pristine copy equal to the shipped exercises.py; True if it changed."""
    target = pristine_file(module)
    fresh = module.exercises_file.read_bytes()
    if target.exists() and target.read_bytes() == fresh:
        return False
    target.write_bytes(fresh)
    return True


def _blocks(text: str, label: str) -> dict[str, tuple[int, int, str]]:
    """Top-level functions and classes: name -> (first line index, end line index, source)."""
    try:
        tree = ast.parse(text)
    except SyntaxError as err:
        raise ResetError(f"{label} does not parse: {err}") from None
    lines = text.splitlines(keepends=True)
    blocks = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            end = node.end_lineno or node.lineno
            blocks[node.name] = (start, end, "".join(lines[start:end]))
    return blocks
