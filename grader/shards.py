"""Share one grading run's tests among forked processes, a whole exercise at a time.

Why: a module's tests take 0.3-0.5 s of CPU after everything is imported, and the learner waits
for all of it on every check and every save in ``mlm watch``; on a machine with two cores or more,
most of that can run side by side. The imports cannot be shared out (each process would pay for
them), so the grading child forks *after* pytest has imported the learner's file and collected
the suite: the copies start with everything loaded.

How (``grader.harness`` drives it from its ``pytest_runtestloop`` hook):

* the tests are grouped into one batch per exercise, in file order; an exercise is never split,
  so the verdict rules that span its tests (skip the rest after a timeout) stay in one process;
* the batches' numbers are written into a pipe, one byte each; every process claims the next
  batch by reading one byte (a read is atomic), so a process that drew quick exercises simply
  claims more, and no process sits idle while another has a queue;
* each forked process (a *shard*) gets its own pytest capture files and its own JSON report, and
  every journal line carries its shard number; the first process (shard 0) waits for the others
  and journals how each one ended, so the runner (grader/runner.py) can tell a shard that died
  in the learner's code from one that finished.

It does not shard where forking a process that has loaded NumPy or torch is not known to be
safe (anywhere but Linux) or where Python threads are running (a fork copies only the thread
that calls it). Before forking, every OpenMP runtime (torch's, scikit-learn's) is set to one
thread (``one_thread_per_process``): a team of threads started before the fork does not exist in
the copy, and OpenMP waits forever for it otherwise (PyTorch's DataLoader workers do the same,
for the same reason).
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")

#: Batch numbers travel as single bytes; a suite with more exercises than this is not sharded.
MAX_BATCHES = 255


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity where the platform says, else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process can be forked safely here and now."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def batches_by_exercise(items: Sequence[Item], exercise_of: Callable[[Item], str]) -> list[list[Item]]:
    """The items grouped by exercise, in the order each exercise first appears."""
    batches: dict[str, list[Item]] = {}
    for item in items:
        batches.setdefault(exercise_of(item), []).append(item)
    return list(batches.values())


class BatchQueue:
    """Batch numbers ``0 .. count-1`` in a pipe, claimed one at a time by any process holding it."""

    def __init__(self, count: int):
        if not 0 < count <= MAX_BATCHES:
            raise ValueError(f"between 1 and {MAX_BATCHES} batches can be shared, not {count}")
        self._read, write = os.pipe()
        os.write(write, bytes(range(count)))  # far below a pipe's capacity: never blocks
        os.close(write)  # once every number is read, a read returns b"" in every process

    def claim(self) -> int | None:
        """The next unclaimed batch, or None when all are taken."""
        byte = os.read(self._read, 1)
        return byte[0] if byte else None

    def close(self) -> None:
        os.close(self._read)


def fork(prepare_child: Callable[[], None]) -> int:
    """Fork; in the child run ``prepare_child`` before the parent goes on. Returns ``os.fork``'s value.

    Call ``one_thread_per_process()`` first, once: forking a process whose OpenMP runtime has
    started its threads is otherwise not safe.

    The parent waits until the child has prepared itself, because preparing touches state the
    two still share (pytest's capture files, whose offsets are common to both until the child
    has its own). A child that fails to prepare exits with status 70 and the parent goes on.
    """
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ready_read)
        try:
            prepare_child()
            os.write(ready_write, b".")
            os.close(ready_write)
        except BaseException:  # noqa: BLE001 - a half-prepared copy must never run tests
            import traceback

            traceback.print_exc()
            os._exit(70)
        return 0
    os.close(ready_write)
    os.read(ready_read, 1)  # b"." when ready, b"" if the child died first
    os.close(ready_read)
    return pid


def wait(pid: int) -> int:
    """Wait for a forked shard; its status as ``Popen.returncode`` has it (negative: a signal)."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


#: The OpenMP runtimes found in wheels: GNU (torch's and scikit-learn's Linux wheels), LLVM, Intel.
_OPENMP_RUNTIMES = ("libgomp", "libomp", "libiomp")
#: How OpenBLAS (NumPy's and SciPy's BLAS) spells its thread setting, by build.
_OPENBLAS_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                     "openblas_set_num_threads64_", "openblas_set_num_threads")


def one_thread_per_process() -> None:
    """Run OpenMP regions (torch's, scikit-learn's) and BLAS calls on the calling thread only,
    here and in every process forked from here.

    In a forked copy, the team of threads an OpenMP runtime started before the fork does not
    exist, and waiting for it would never end. In the processes sharing a check, one thread each
    is also the right share of the cores: an idle OpenMP or OpenBLAS thread spins a while,
    waiting for work, on the core another process needs (measured: a fifth of the tests' time).

    threadpoolctl does the same for any library, but takes 20-30 ms to find them; this reads the
    loaded libraries from /proc/self/maps (Linux, the only place tests are shared) in about 1 ms.
    """
    import ctypes

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split(None, 5)[-1].strip() for line in maps if "omp" in line or "blas" in line}
    except OSError:
        paths = set()
    for path in sorted(paths):
        name = os.path.basename(path)
        if ".so" not in name:
            continue
        setters = ("omp_set_num_threads",) if name.startswith(_OPENMP_RUNTIMES) else (
            _OPENBLAS_SETTERS if "openblas" in name else ())
        for setter in setters:
            try:
                getattr(ctypes.CDLL(path), setter)(1)
                break
            except (OSError, AttributeError):
                continue
    torch: Any = sys.modules.get("torch")
    if torch is not None and hasattr(torch, "set_num_threads"):
        torch.set_num_threads(1)  # torch's own count too, so it does not split work it cannot run
