"""Entry point of the grading child process: cap its resources, then hand over to pytest.

``python -m grader.child <pytest arguments>``; the caps come from the environment so the parent
decides them (see ``grader.runner.Limits``). Only the standard library is imported before the
caps are in place.
"""
from __future__ import annotations

import os
import signal
import sys


def _cap_resources() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's wall-clock limit is the only guard there
        return
    memory_mb = int(os.environ.get("MLM_MEMORY_MB", "0"))
    if memory_mb > 0:
        # Address space rather than resident memory: it is the cap Linux enforces for a process,
        # and a runaway allocation then fails with MemoryError instead of waking the OOM killer.
        _lower(resource, resource.RLIMIT_AS, memory_mb * 2**20)
    output_mb = int(os.environ.get("MLM_OUTPUT_MB", "0"))
    if output_mb > 0:
        # Captured prints go to a temporary file; capping file size stops a print loop from
        # filling the disk. Ignoring SIGXFSZ turns the kill into an OSError(EFBIG) we can report.
        _lower(resource, resource.RLIMIT_FSIZE, output_mb * 2**20)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _lower(resource, which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    try:
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError):
        pass  # a stricter limit is already in force


def main() -> None:
    _cap_resources()
    import pytest

    sys.exit(int(pytest.main(sys.argv[1:])))


if __name__ == "__main__":
    main()
