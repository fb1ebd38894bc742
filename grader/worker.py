"""A warm grading worker for ``mlm watch``: heavy libraries loaded once, a fresh fork per grade.

A cold check pays for importing pytest, NumPy, pandas, scikit-learn or torch every time (about
3 s for a torch module). The worker pays once: it imports pytest, the grader's plugins and the
module's hidden suite (and with it every library the suite uses), then waits for requests. Each
request is graded in a *fork* of the worker, so the learner's code always starts from the same
clean state and a broken version (an infinite loop, ``os._exit``, a segfault) can never poison
the next one: the worker itself never runs learner code. The fork for the next grade is made
ahead of time, with pytest already started in it (``_Standby``).

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
    standby = _Standby(None, _cap_resources)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            pid = standby.hand_over(request)
            send.write(json.dumps({"pid": pid}) + "\n")
            send.flush()
            _, status = os.waitpid(pid, 0)
            send.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")
            send.flush()
            # Only now, not while the grade runs: the fork and pytest's start-up would take
            # the cores its tests are using.
            standby = _Standby(request["args"], _cap_resources)
    finally:
        standby.dismiss()


class _Standby:
    """The process for the next grade, forked from the worker before the request comes.

    Forking the worker takes about 20 ms when torch is loaded (its page tables are copied), and
    pytest's start-up about 40 ms more; the standby does both while the learner is still typing:
    it prepares pytest with the last grade's arguments (``grader.child.PreparedPytest``), then
    waits on a pipe for its request. It is a fresh fork like any other: learner code never ran
    in it, nor in the worker.
    """

    def __init__(self, template: list[str] | None, cap_resources):
        request_read, self._request_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # never returns
            os.close(self._request_write)
            _standby(request_read, template, cap_resources)
        os.close(request_read)

    def hand_over(self, request: dict) -> int:
        """Send the standby its request; returns its pid."""
        os.write(self._request_write, json.dumps(request).encode())
        os.close(self._request_write)  # the end of the request
        self._request_write = None
        return self.pid

    def dismiss(self) -> None:
        """No request is coming: the standby sees its pipe close and exits."""
        if self._request_write is not None:
            os.close(self._request_write)
            os.waitpid(self.pid, 0)


def _standby(request_read: int, template: list[str] | None, cap_resources) -> None:
    code = 70
    try:
        os.setsid()  # its own process group, so the parent can kill it and anything it starts
        signal.signal(signal.SIGINT, signal.default_int_handler)
        cap_resources()
        # The worker's stdout is its line to the parent: nothing of this process may reach it.
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        sys.stdin = open(os.devnull)
        prepared = None
        if template is not None:
            from grader.child import PreparedPytest

            try:
                prepared = PreparedPytest(template)
            except Exception:  # noqa: BLE001 - the request then runs pytest from scratch
                prepared = None
        request = _read_request(request_read)
        if request is None:
            code = 0
            return
        from grader.child import open_run_output, redirect_output, run_pytest

        output = open_run_output(request)
        code = prepared.run(request["args"], output) if prepared is not None else None
        if code is None:
            redirect_output(output)
            code = run_pytest(request["args"])
    except BaseException:  # noqa: BLE001 - report, then leave without running the worker's code
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _read_request(fd: int) -> dict | None:
    """The request the worker writes on the pipe, or None if it closed the pipe without one."""
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    data = b"".join(chunks)
    return json.loads(data) if data.strip() else None


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
