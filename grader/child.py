"""Entry point of the grading child process: cap its resources, then hand over to pytest.

``python -m grader.child <pytest arguments>``; the caps come from the environment so the parent
decides them (see ``grader.runner.Limits``). Only the standard library is imported before the
caps are in place.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path


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


def suite_imports(suite_dir: Path) -> list[str]:
    """Every module a suite imports, at the top or inside a test (the grader's own and pytest
    excluded): a library imported lazily inside a test is still imported by every grade."""
    import ast

    found: list[str] = []
    for path in sorted(Path(suite_dir).glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] not in {"grader", "pytest", "__future__"} and name not in found:
                    found.append(name)
    return found


def preload(suite_dir: Path | None = None) -> None:
    """Import what a grading run needs before it is asked for: pytest, the plugins it loads, the
    harness, and, given a suite, every library the suite imports (NumPy, pandas, torch...).

    The waiting child (``--wait``) and the warm worker of ``mlm watch`` (``grader.worker``)
    call this; a test module is not imported here (pytest imports it under its own rules).
    """
    _preload_pytest()
    if suite_dir is not None:
        _preload_libraries(suite_dir)


def _preload_pytest() -> None:
    import importlib

    import _pytest.config
    import pytest  # noqa: F401

    import grader.testing  # noqa: F401
    from grader.limits import UNUSED_PLUGINS

    _grading_plugins()

    for name in _pytest.config.default_plugins:  # pytest imports these on every run
        if name not in UNUSED_PLUGINS:
            importlib.import_module(f"_pytest.{name}")


def _preload_libraries(suite_dir: Path) -> None:
    import importlib

    for name in suite_imports(suite_dir):
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # the test that needs it will say so


def open_run_output(request: dict) -> int:
    """Enter a run's working folder and open its output file (both named by the runner's request:
    grader/prestart.py, grader/worker.py); returns the file's descriptor."""
    os.chdir(request["cwd"])
    return os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)


def redirect_output(fd: int) -> None:
    """Send this process's stdout and stderr (pytest's report, the learner's prints) to ``fd``."""
    os.dup2(fd, 1)
    os.dup2(fd, 2)


def run_pytest(arguments: list[str]) -> int:
    """``pytest.main`` with the grading plugins (the harness, pytest-json-report, pytest-timeout)."""
    import pytest

    return int(pytest.main(arguments, plugins=_grading_plugins()))


def _grading_plugins() -> list:
    """The grading plugins, as module objects rather than named with ``-p``: for each ``-p NAME``
    pytest reads the entry points of every installed distribution to see whether NAME is one of
    them, about 5 ms a name on every check."""
    import pytest_jsonreport.plugin
    import pytest_timeout

    import grader.harness

    return [grader.harness, pytest_jsonreport.plugin, pytest_timeout]


#: The options of ``grader.runner.pytest_arguments`` whose values change from one run to the
#: next, with where pytest keeps each: a configuration prepared with other values takes these.
_PER_RUN_OPTIONS = {
    "--json-report-file": ("json_report_file", str),
    "--mlm-journal": ("mlm_journal", str),
    "--basetemp": ("basetemp", str),
    "--learner-file": ("learner_file", str),
    "--mlm-skip": ("mlm_skip", str),
    "--mlm-only": ("mlm_only", str),
    "--mlm-order": ("mlm_order", str),
    "--mlm-processes": ("mlm_processes", int),
    "--mlm-import-timeout": ("mlm_import_timeout", float),
}


def _split_per_run(arguments: list[str]) -> tuple[list[str], dict[str, str]]:
    """The arguments without their per-run values, and those values by option."""
    shape, values = [], {}
    words = iter(arguments)
    for word in words:
        name, equals, inline = word.partition("=")
        if name in _PER_RUN_OPTIONS:
            shape.append(name)
            values[name] = inline if equals else next(words, "")
        else:
            shape.append(word)
    return shape, values


class PreparedPytest:
    """pytest's start-up (arguments, plugins, ini file: about 40 ms) done ahead of a run.

    ``mlm watch``'s worker forks the process for the next grade while the learner is still
    typing (grader/worker.py), and that process prepares pytest with the arguments of the last
    grade. When the request comes, only the per-run values (report, journal, temporary folder,
    which exercises) differ: they are set on the prepared configuration, which then runs as
    ``pytest.main`` would run it. Arguments that differ in any other way are run from scratch.

    This uses two of pytest's internals, ``_prepareconfig`` (the first half of ``pytest.main``)
    and ``Config._ensure_unconfigure`` (its end); ``uv.lock`` pins the pytest they come from.
    """

    def __init__(self, arguments: list[str]):
        from _pytest.config import _prepareconfig

        self.shape, _ = _split_per_run(arguments)
        self.config = _prepareconfig(list(arguments), _grading_plugins())

    def run(self, arguments: list[str], output_fd: int) -> int | None:
        """Run with ``arguments``, writing to ``output_fd``; None if they do not fit (nothing ran)."""
        shape, values = _split_per_run(arguments)
        if shape != self.shape:
            return None
        config = self.config
        # pytest's capture started during the preparation and keeps the streams it found
        # (/dev/null) to restore between tests: restart it on the run's output file.
        capture = config.pluginmanager.get_plugin("capturemanager")
        if capture is not None:
            capture.stop_global_capturing()
        redirect_output(output_fd)
        if capture is not None:
            capture.start_global_capturing()
            capture.suspend_global_capture()
        for option, text in values.items():
            destination, kind = _PER_RUN_OPTIONS[option]
            setattr(config.option, destination, kind(text))
        try:
            return int(config.hook.pytest_cmdline_main(config=config))
        finally:
            config._ensure_unconfigure()


def _wait_for_request() -> list[str]:
    """``--wait`` mode: load pytest, then the libraries of the suite the parent names, then read
    the run's details from stdin (the protocol is in grader/prestart.py).

    ``mlm check`` starts the child this way before it has even parsed its own command line, so
    the child's imports overlap with the parent's start-up.
    """
    import json

    _preload_pytest()
    line = sys.stdin.readline()
    request = json.loads(line) if line else {}
    if "preload" in request:
        _preload_libraries(Path(request["preload"]))
        line = sys.stdin.readline()
        request = json.loads(line) if line else {}
    if not request:
        os._exit(0)  # the parent did not need us after all
    redirect_output(open_run_output(request))
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    import faulthandler

    faulthandler.enable()  # again: crash reports now go to the run's output file
    return request["args"]


def main() -> None:
    _cap_resources()
    # Everything imported before the first test (pytest, NumPy, pandas, the learner's file) lives
    # until the process exits, so the garbage collector's passes over it are wasted: about a
    # tenth of the import time. grader.harness turns it back on before the first test runs.
    gc.disable()
    arguments = _wait_for_request() if sys.argv[1:] == ["--wait"] else sys.argv[1:]
    code = run_pytest(arguments)
    # The report is written and closed; what is left is the interpreter tearing down every module
    # it loaded (30-40 ms with pandas and matplotlib), which nobody waits for gladly.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
