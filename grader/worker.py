"""A warm grading worker for ``mlm watch``: heavy libraries loaded once, a fresh fork per grade.

A cold check pays for importing pytest, NumPy, pandas, scikit-learn or torch every time (about
3 s for a torch module). The worker pays once: it imports pytest, the grader's plugins and the
module's hidden suite (and with it every library the suite uses), then waits for requests. Each
request is graded in a *fork* of the worker, so the learner's code always starts from the same
clean state and a broken version (an infinite loop, ``os._exit``, a segfault) can never poison
the next one: the worker itself never runs learner code.

Protocol (JSON lines): the parent writes ``{"args": [...], "cwd": ..., "output": ...}`` on the
worker's stdin; the worker answers ``{"pid": N}`` when the fork has started and
``{"status": S}`` when it has ended (S as ``Popen.returncode``: negative for a signal).

``WarmWorker`` is the parent's handle; ``grader.runner.grade(..., launcher=worker.launch)`` uses
it in place of a new process. Where ``os.fork`` does not exist (Windows) ``WarmWorker.start``
returns None and callers grade cold.
"""
from __future__ import annotations

import gc
import importlib
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from grader import GRADER_HOME


# -- the worker process -------------------------------------------------------------------------
def _preload(suite_dir: Path) -> None:
    """Import pytest, the plugins, the suite's libraries and its test modules."""
    from grader.child import preload

    preload(suite_dir)
    # pytest's default import mode puts the suite folder first on sys.path and imports each test
    # file by its base name; importing it the same way here lets collection reuse the module.
    sys.path.insert(0, str(suite_dir))
    for path in sorted(suite_dir.glob("test_*.py")):
        importlib.import_module(path.stem)
    # Move everything loaded so far out of the garbage collector's sight: forks then neither
    # scan it nor copy its pages when they collect.
    gc.collect()
    gc.freeze()


def _serve(suite_dir: Path) -> None:
    from grader.child import _cap_resources

    # Ctrl-C in the terminal reaches the whole process group; the parent decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _preload(suite_dir)
    send = sys.stdout
    send.write(json.dumps({"ready": True}) + "\n")
    send.flush()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the graded child: never returns
            _run_request(request, _cap_resources)
        send.write(json.dumps({"pid": pid}) + "\n")
        send.flush()
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        send.write(json.dumps({"status": code}) + "\n")
        send.flush()


def _run_request(request: dict, cap_resources) -> None:
    code = 70
    try:
        os.setsid()  # its own process group, so the parent can kill it and anything it starts
        signal.signal(signal.SIGINT, signal.default_int_handler)
        cap_resources()
        os.chdir(request["cwd"])
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(output, 1)
        os.dup2(output, 2)
        sys.stdin = open(os.devnull)
        from grader.child import run_pytest

        code = run_pytest(request["args"])
    except BaseException:  # noqa: BLE001 - report, then leave without running the worker's code
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


# -- the parent's handle ------------------------------------------------------------------------
class ForkedChild:
    """A ``Popen``-like handle on one graded fork (``pid``, ``wait``, ``kill``)."""

    def __init__(self, worker: "WarmWorker", pid: int):
        self.worker, self.pid = worker, pid
        self.returncode: int | None = None
        self._lock = threading.Lock()  # the runner and its watchdog may both wait

    def wait(self) -> int:
        with self._lock:
            if self.returncode is None:
                self.returncode = self.worker._read()["status"]
            return self.returncode

    def kill(self) -> None:
        try:
            os.killpg(self.pid, 9)
        except (ProcessLookupError, PermissionError):
            pass


class WarmWorker:
    """Start and talk to a worker for one module's suite."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self._lock = threading.Lock()

    @classmethod
    def start(cls, suite_dir: Path, env: dict[str, str]) -> "WarmWorker | None":
        """Start a worker and wait until it has loaded everything; None where fork is missing."""
        if not hasattr(os, "fork"):
            return None
        process = subprocess.Popen(
            [sys.executable, "-m", "grader.worker", str(Path(suite_dir).resolve())],
            cwd=GRADER_HOME,  # not the learner's folder: see grader/prestart.py
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        worker = cls(process)
        try:
            worker._read()
        except (OSError, ValueError, KeyError):
            worker.close()
            return None
        return worker

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def launch(self, args: list[str], cwd: Path, output: Path) -> ForkedChild:
        """Grade in a fresh fork; ``args`` are pytest's (``grader.runner.pytest_arguments``)."""
        with self._lock:
            self.process.stdin.write(json.dumps({"args": args, "cwd": str(cwd), "output": str(output)}) + "\n")
            self.process.stdin.flush()
            return ForkedChild(self, self._read()["pid"])

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise OSError("the grading worker has stopped")
        return json.loads(line)

    def close(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


if __name__ == "__main__":
    _serve(Path(sys.argv[1]))
