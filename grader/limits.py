"""The caps on a grading child, the environment that carries them, and the pytest plugins it skips.

Standard library only, and only its cheapest parts: ``mlm``'s entry point reads this before it
starts the grading child (grader/prestart.py), so every millisecond here is one the learner waits.
"""
from __future__ import annotations

import os
from collections import namedtuple

from grader.bytecode import bytecode_environment


#: Builtin pytest plugins a grading run does not need; each one costs start-up time (the
#: unraisable/thread-exception plugins run gc.collect() twice per session, 60 ms alone).
#: (legacypath provided session.fspath for pytest-json-report; grader.harness sets it instead.)
UNUSED_PLUGINS = ("cacheprovider", "doctest", "junitxml", "pastebin", "stepwise", "setupplan", "setuponly",
                  "legacypath", "unittest", "debugging", "unraisableexception", "threadexception", "warnings",
                  "faulthandler", "subtests")


class Limits(namedtuple("Limits", "run_seconds import_seconds memory_mb output_mb",
                        defaults=(180.0, 20.0, 8192, 64))):
    """Resource limits of one check (per-test limits come from ``exercises.toml``).

    run_seconds : the whole check, restarts included (default 180).
    import_seconds : importing the learner's file (default 20).
    memory_mb : address space of the child; torch alone maps about 3.5 GB (default 8192).
    output_mb : any single file the child writes, captured prints included (default 64).

    A named tuple rather than a dataclass: importing ``dataclasses`` costs the entry point
    about 15 ms before the child can start.
    """

    __slots__ = ()


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
