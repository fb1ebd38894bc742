"""Start the grading child before ``mlm check`` has finished starting itself.

A cold check is: the ``mlm`` process starts (Typer, the grader), then a child starts (pytest,
the suite's libraries, the learner's file, the tests). Run in that order, the parent's start-up
is pure waiting. ``mlm``'s entry point calls ``start()`` first thing when the command is a
check, which launches ``python -m grader.child --wait``. The child imports pytest at once; the
entry point then names the suite it expects the check to run (``preload()``), and the child
imports that suite's libraries (NumPy, pandas, torch...) while the parent parses the command
line. The runner finally hands it the run's arguments (``take()``). If the check never runs (a
typo in the module name), the child sees its stdin close and exits.

Protocol: JSON lines on the child's stdin, ``{"preload": SUITE_DIR}`` (optional, first), then
``{"args": [...], "cwd": ..., "output": ...}`` (see ``grader.child``).

Standard library only, and cheap to import: nothing runs before the child starts but this.
"""
from __future__ import annotations

import atexit
import os
import subprocess
import sys

from grader import GRADER_HOME

_pending: subprocess.Popen | None = None


def start(environment: dict[str, str]) -> None:
    """Launch a waiting grading child now (once)."""
    global _pending
    if _pending is not None:
        return
    # `-m` puts the working folder first on sys.path: start in the folder that holds this
    # grader, never the learner's (a second checkout there, or a numpy.py, would be imported).
    _pending = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "grader.child", "--wait"],
        cwd=GRADER_HOME,
        env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=(os.name == "posix"))
    atexit.register(_discard)


def preload(suite_dir: str) -> None:
    """Tell the waiting child which suite's libraries to import while it waits."""
    import json  # here, not at the top: it imports re, and nothing may delay start()

    if _pending is None:
        return
    try:
        _pending.stdin.write(json.dumps({"preload": suite_dir}).encode() + b"\n")
        _pending.stdin.flush()
    except OSError:
        pass  # the child is gone: take() will notice, and the check starts a fresh one


def take() -> subprocess.Popen | None:
    """The waiting child, for the runner to use once; None if there is none (or it died)."""
    global _pending
    child, _pending = _pending, None
    if child is not None and child.poll() is not None:
        return None
    return child


def _discard() -> None:
    """At exit: a child nobody used is told to go (its stdin closes; it exits by itself)."""
    child = take()
    if child is not None:
        try:
            child.stdin.close()
        except OSError:
            child.kill()
