"""Start the grading child before ``mlm check`` has finished starting itself.

A cold check is: the ``mlm`` process starts (Typer, the grader), then a child starts (pytest,
the suite's libraries, the learner's file, the tests). Run in that order, the parent's start-up
is pure waiting. ``mlm``'s entry point calls ``start()`` first thing when the command is a
check, which launches ``python -m grader.child --wait``: the child imports pytest while the
parent parses the command line, and the runner then hands it the run's arguments on stdin
(``take()``). If the check never runs (a typo in the module name), the child sees its stdin close
and exits. Standard library only, imported before anything else.
"""
from __future__ import annotations

import atexit
import os
import subprocess
import sys

_pending: subprocess.Popen | None = None


def start(environment: dict[str, str], suite_dir: str | None = None) -> None:
    """Launch a waiting grading child now (once); given the suite the check will run, the child
    also imports that suite's libraries while it waits."""
    global _pending
    if _pending is not None:
        return
    _pending = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "grader.child", "--wait", *([suite_dir] if suite_dir else [])],
        env=environment, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=(os.name == "posix"))
    atexit.register(_discard)


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
