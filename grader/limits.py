"""The caps on a grading child, the environment that carries them, and the pytest plugins it skips.

Standard library only: ``mlm``'s entry point reads this before anything else (grader/prestart.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from grader.bytecode import bytecode_environment


#: Builtin pytest plugins a grading run does not need; each one costs start-up time (the
#: unraisable/thread-exception plugins run gc.collect() twice per session, 60 ms alone).
#: (legacypath provided session.fspath for pytest-json-report; grader.harness sets it instead.)
UNUSED_PLUGINS = ("cacheprovider", "doctest", "junitxml", "pastebin", "stepwise", "setupplan", "setuponly",
                  "legacypath", "unittest", "debugging", "unraisableexception", "threadexception", "warnings",
                  "faulthandler", "subtests")


@dataclass(frozen=True)
class Limits:
    """Resource limits of one check (per-test limits come from ``exercises.toml``)."""

    run_seconds: float = 180.0   # the whole check, restarts included
    import_seconds: float = 20.0  # importing the learner's file
    memory_mb: int = 8192         # address space of the child (torch alone maps about 3.5 GB)
    output_mb: int = 64           # any single file the child writes, captured prints included


def child_environment(limits: Limits) -> dict[str, str]:
    env = bytecode_environment(dict(os.environ))
    env.update({
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",  # only the plugins we name: faster and predictable
        "MPLBACKEND": "Agg",                    # plots never open a window while grading
        "MLM_MEMORY_MB": str(limits.memory_mb),
        "MLM_OUTPUT_MB": str(limits.output_mb),
        "MLM_DISPLAY_ROOT": os.getcwd(),        # paths in messages as the learner typed them
        "PYTHONHASHSEED": "0",                  # set iteration order is the same on every check
        "PYTHONIOENCODING": "utf-8",
    })
    return env
