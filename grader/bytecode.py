"""Where compiled bytecode goes when the environment says not to write it next to the sources.

Python caches the bytecode of every module it imports in ``__pycache__`` folders; the next
import reads the cache instead of compiling the source again. Development containers and CI
images often set ``PYTHONDONTWRITEBYTECODE=1``, and then every process compiles every module it
imports, every time: numpy, pandas and matplotlib for module 00 (1.2 s become 4.7 s per check),
scikit-learn and torch for the later ones. A learner waits for that on each ``mlm check``.

So where bytecode writing is off, ``mlm`` and the grading children keep their bytecode in one
git-ignored folder instead, ``.mlm/pycache/`` at the repository root (Python's
``PYTHONPYCACHEPREFIX``), and never write ``__pycache__`` folders into the sources or the
virtual environment. Where writing is on (Python's default), nothing changes.

The learner's own file is never read from a cache (``grader.harness`` compiles it from source
on every check; see ``FreshSourceLoader`` there), so a cached file can never be graded stale.

Standard library only: ``mlm``'s entry point calls ``keep_bytecode()`` before anything else.
"""
from __future__ import annotations

import os
import sys

from grader import GRADER_HOME

#: The shared bytecode cache: at the root of the checkout the grader runs from (not ``MLM_ROOT``
#: or ``MLM_HOME``, so every test run and every store shares it). Git-ignored with ``.mlm/``.
PYCACHE = os.path.join(GRADER_HOME, ".mlm", "pycache")


def writing_is_off() -> bool:
    """True when this interpreter was told not to write bytecode and has no other place for it."""
    return bool(sys.flags.dont_write_bytecode) and sys.pycache_prefix is None


def keep_bytecode() -> None:
    """Let this process cache bytecode under ``PYCACHE`` when writing it in place is off."""
    if writing_is_off():
        sys.pycache_prefix = PYCACHE
        sys.dont_write_bytecode = False


def bytecode_environment(env: dict[str, str]) -> dict[str, str]:
    """A copy of ``env`` for a child interpreter, with the bytecode cache moved to ``PYCACHE``
    when ``env`` turns writing off (and names no cache folder of its own)."""
    if not env.get("PYTHONDONTWRITEBYTECODE") or env.get("PYTHONPYCACHEPREFIX"):
        return dict(env)
    moved = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    moved["PYTHONPYCACHEPREFIX"] = PYCACHE
    return moved
