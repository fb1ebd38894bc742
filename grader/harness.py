"""The pytest plugin that grades a learner's file. It runs inside the grading child process.

It is loaded by ``grader/suites/pytest.ini`` (``-p grader.harness``), so a suite author can also
run a suite by hand::

    uv run pytest -c grader/suites/pytest.ini grader/suites/00-python-fundamentals \
        --learner-file 00-python-fundamentals/solutions.py

What it does, in the order pytest calls it:

1. imports the learner's file once, by path, under a time limit, and remembers how that went:
   a syntax error or an exception at import becomes the verdict of every exercise the file did not
   get to define (the ones defined before the failing line are still graded);
2. checks that every test carries exactly one ``@pytest.mark.exercise("name")`` naming an exercise
   of the suite's ``exercises.toml``, applies the per-exercise time limit, and drops the tests the
   runner asked to skip;
3. writes a journal line as each test starts, so the parent can tell which exercise was running
   if the process dies (``os._exit``, a crash, the memory cap) or hangs;
4. turns each test's outcome into a verdict in the learner's terms (passed / failed / not_started /
   error / timeout plus a one-line message) and hands it to pytest-json-report as test metadata.
"""
from __future__ import annotations

import errno
import gc
import importlib.machinery
import importlib.util
import json
import os
import re
import signal
import sys
import time
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from grader import shards
from grader.catalog import read_catalog
from grader.results import ERROR, FAILED, NOT_STARTED, PASSED, TIMEOUT
from grader.testing import Mismatch

EXERCISE_MARK = "exercise"
_MESSAGE_LIMIT = 300


class LearnerImportError(Exception):
    """The learner's file could not be imported far enough to define the exercise."""


class LearnerMissing(Exception):
    """The learner's module has no attribute of the exercise's name."""


class ImportTimeout(BaseException):
    """Raised by a timer when importing the learner's file takes too long (a loop at top level)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mlm", "Machine Learning Mastery grader")
    group.addoption("--learner-file", help="the learner's Python file to grade")
    group.addoption("--mlm-journal", help="append-only progress journal read by the parent process")
    group.addoption("--mlm-skip", default="", help="comma-separated exercises not to run")
    group.addoption("--mlm-only", default="", help="comma-separated exercises to run (default: all)")
    group.addoption("--mlm-import-timeout", type=float, default=20.0,
                    help="seconds the learner's file may take to import")
    group.addoption("--mlm-processes", type=int, default=1,
                    help="processes to share the tests among, forked after collection (see grader/shards.py)")
    group.addoption("--mlm-order", default="",
                    help="comma-separated exercises in the order shared processes should claim them")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{EXERCISE_MARK}(name): the exercise this test grades")
    path = config.getoption("learner_file")
    if path:
        config.pluginmanager.register(GradingSession(config, Path(path)), "mlm-grading-session")


@pytest.fixture
def learner(request: pytest.FixtureRequest) -> "Learner":
    """The learner's module, as imported by the harness; missing names fail with a clear message."""
    grading = request.config.pluginmanager.get_plugin("mlm-grading-session")
    if grading is None:
        raise pytest.UsageError("run the suite with --learner-file PATH (or through `mlm check`)")
    return grading.learner


class FreshSourceLoader(importlib.machinery.SourceFileLoader):
    """Compile the learner's file from its source on every check, never from a cached ``.pyc``.

    Python trusts a cached ``.pyc`` while the source's size and modification time (in whole
    seconds) are unchanged, so two saves within a second that keep the size (``+`` to ``-``)
    would grade the older version. Compiling 1,000 lines takes milliseconds.
    """

    def get_code(self, fullname: str) -> types.CodeType:
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)


@dataclass
class ImportFailure:
    """Why the learner's file stopped importing, already phrased for the learner."""

    message: str  # the whole story, shown once above the results table
    summary: str  # one line, shown for each exercise the failure left undefined


class Learner:
    """A view of the learner's module whose missing attributes explain themselves."""

    def __init__(self, module: types.ModuleType, display: str, failure: ImportFailure | None):
        self.namespace = module
        self._display = display
        self._failure = failure

    def __getattr__(self, name: str) -> Any:
        namespace = self.__dict__["namespace"]
        if name in vars(namespace):
            return vars(namespace)[name]
        failure = self.__dict__["_failure"]
        if failure is not None:
            raise LearnerImportError(f"not graded: {failure.summary}")
        raise LearnerMissing(
            f"{self.__dict__['_display']} defines no `{name}`: keep the name and signature from the "
            "exercise file (did you rename or delete it?)"
        )


class GradingSession:
    """State of one grading run inside the child process (registered as a pytest plugin)."""

    def __init__(self, config: pytest.Config, path: Path):
        self.config = config
        self.path = path.resolve()
        self.display = _display_path(self.path)
        self.skip = {n for n in config.getoption("mlm_skip").split(",") if n}
        self.only = {n for n in config.getoption("mlm_only").split(",") if n}
        journal = config.getoption("mlm_journal")
        self._journal_fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600) if journal else None
        self.timed_out: set[str] = set()
        self.learner: Learner | None = None
        self.processes = config.getoption("mlm_processes")
        self.shard = 0  # which of the processes sharing the tests this one is (grader/shards.py)

    # -- the journal -------------------------------------------------------------------------
    def journal(self, event: str, **fields: Any) -> None:
        if self._journal_fd is not None:
            # "t": the system's monotonic clock, the same in every process: enough to lay a check's
            # phases side by side when measuring it (see CONTRIBUTING.md, "Measuring speed").
            line = json.dumps({"event": event, "shard": self.shard, "t": round(time.monotonic(), 4), **fields}) + "\n"
            os.write(self._journal_fd, line.encode())

    # -- 1. import the learner's file ---------------------------------------------------------
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if not hasattr(session, "fspath"):  # pytest-json-report reads it; the legacypath plugin
            session.fspath = session.path   # that provides it is not loaded (start-up time)
        self.journal("import-start")
        module, failure = self._import_learner()
        self.learner = Learner(module, self.display, failure)
        self.journal("import-end", failure=failure.message if failure else None)

    def _import_learner(self) -> tuple[types.ModuleType, ImportFailure | None]:
        name = "learner_" + "".join(c if c.isalnum() else "_" for c in self.path.stem)
        spec = importlib.util.spec_from_file_location(name, self.path, loader=FreshSourceLoader(name, str(self.path)))
        if spec is None or spec.loader is None:
            reason = f"{self.display} is not a Python file the grader can import"
            return types.ModuleType(name), ImportFailure(reason, reason)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # so dataclasses, pickle and typing can find the learner's classes
        if str(self.path.parent) not in sys.path:
            sys.path.append(str(self.path.parent))  # a sibling helper module can be imported
        limit = self.config.getoption("mlm_import_timeout")
        previous = _start_timer(limit, ImportTimeout)
        try:
            spec.loader.exec_module(module)
        except SyntaxError as err:
            line = f" at line {err.lineno}" if err.lineno else ""
            code = (err.text or "").strip()
            detail = f"{type(err).__name__} in {self.display}{line}: {err.msg}" + (f"  →  {code}" if code else "")
            return module, ImportFailure(_clip(detail), f"{self.display} has a {type(err).__name__}{line}")
        except ImportTimeout:
            return module, ImportFailure(
                f"{self.display} did not finish importing within {limit:g} s: is there a loop or a long "
                "computation at the top level? Put it under `if __name__ == \"__main__\":`",
                f"{self.display} did not finish importing")
        except SystemExit as err:
            where = self._learner_location(err.__traceback__)
            line = self._learner_location(err.__traceback__, short=True)
            return module, ImportFailure(
                f"{self.display} called sys.exit() while being imported{where}; the grader imports your file, "
                "so remove it or put it under `if __name__ == \"__main__\":`",
                f"{self.display} called sys.exit() while being imported{line}")
        except BaseException as err:  # noqa: BLE001 - any failure of the learner's code is reported
            where = self._learner_location(err.__traceback__)
            line = self._learner_location(err.__traceback__, short=True)
            return module, ImportFailure(
                _clip(f"Importing {self.display} raised {_describe(err)}{where}. Exercises defined above "
                      "that point are still graded."),
                f"{self.display} stopped importing{line} ({type(err).__name__})")
        finally:
            _stop_timer(previous)
        return module, None

    # -- 2. tie tests to exercises ------------------------------------------------------------
    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        keep, drop, collected = [], [], []
        problems = []
        for item in items:
            marks = list(item.iter_markers(EXERCISE_MARK))
            if len(marks) != 1 or len(marks[0].args) != 1:
                problems.append(f"{item.nodeid}: needs exactly one @pytest.mark.exercise(\"name\")")
                continue
            name = marks[0].args[0]
            catalog = {e.name: e for e in read_catalog(item.path.parent / "exercises.toml")}
            if name not in catalog:
                problems.append(f"{item.nodeid}: exercise '{name}' is not in exercises.toml")
                continue
            item.stash[_EXERCISE] = name
            if item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(catalog[name].timeout))
            if name in self.skip or (self.only and name not in self.only):
                drop.append(item)
            else:
                keep.append(item)
                collected.append([item.nodeid, name])
        if problems:
            raise pytest.UsageError("suite authoring error:\n  " + "\n  ".join(problems))
        if drop:
            config.hook.pytest_deselected(items=drop)
        items[:] = keep
        self.journal("collected", tests=collected)

    # -- 3. run the tests, shared among processes where that helps; journal each start -----------
    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> object:
        # grader.child loads pytest, the libraries and the learner's file with the garbage
        # collector off (all of it lives until the end). The learner's functions run with it on,
        # as anywhere else; what is loaded so far is frozen, so collections skip it.
        gc.freeze()
        gc.enable()
        if self.processes < 2 or session.testsfailed or session.config.option.collectonly:
            return None  # pytest's own loop (it also reports collection errors)
        batches = shards.batches_by_exercise(session.items, lambda item: item.stash[_EXERCISE])
        if not 1 < len(batches) <= shards.MAX_BATCHES or not shards.can_fork():
            return None
        order = {name: index for index, name in enumerate(session.config.getoption("mlm_order").split(","))}
        batches.sort(key=lambda batch: order.get(batch[0].stash[_EXERCISE], len(order)))  # stable
        return self._run_in_shards(session, batches)

    def _run_in_shards(self, session: pytest.Session, batches: list[list[pytest.Item]]) -> bool:
        config = session.config
        count = min(self.processes, len(batches))
        main_report = getattr(config.option, "json_report_file", None) if getattr(config.option, "json_report", False) else None
        reports = [_shard_report(main_report, shard) if main_report else None for shard in range(count)]
        # pytest empties --basetemp the first time a process asks for it: make it now, once, or a
        # shard's first tmp_path would delete the folder another shard is using.
        factory = getattr(config, "_tmp_path_factory", None)
        if factory is not None:
            factory.getbasetemp()
        queue = shards.BatchQueue(len(batches))
        shards.one_thread_per_process()
        children = {}
        for shard in range(1, count):
            def become_shard(shard: int = shard) -> None:
                self.shard = shard
                if main_report:
                    config.option.json_report_file = reports[shard]
                capture = config.pluginmanager.get_plugin("capturemanager")
                if capture is not None and capture.is_globally_capturing():
                    capture.stop_global_capturing()  # its own capture files, not the shared ones
                    capture.start_global_capturing()
                    capture.suspend_global_capture()

            try:
                pid = shards.fork(become_shard)
            except OSError:  # no more processes to be had: share among those started
                break
            if pid == 0:
                self._run_claimed(session, queue, batches)
                return True  # pytest goes on to sessionfinish: this shard's report and journal line
            children[shard] = pid
        # The processes that exist, for the runner: it waits for a report and a "finish" from each.
        self.journal("sharded", shards=len(children) + 1, reports=[reports[shard] for shard in children])
        try:
            self._run_claimed(session, queue, batches)
        finally:
            for shard, pid in children.items():
                self.journal("shard-ended", ended=shard, status=shards.wait(pid))
            queue.close()
        return True

    def _run_claimed(self, session: pytest.Session, queue: "shards.BatchQueue",
                     batches: list[list[pytest.Item]]) -> None:
        """pytest's run-test loop, over the batches this process claims from ``queue``.

        A batch is claimed only when this process is ready to run it, so none waits behind
        another in a busy process. pytest tears fixtures down according to the test that runs
        next; after a batch's last test that is unknown, so it is told "the first test of the
        next batch in file order": an item of the same test file, which keeps module-scoped
        fixtures for the batch this process may claim next. Whatever is left is torn down when
        the session ends, as pytest always does.
        """
        claimed = queue.claim()
        while claimed is not None:
            batch = batches[claimed]
            for index, item in enumerate(batch):
                if index + 1 < len(batch):
                    next_item = batch[index + 1]
                else:
                    next_item = batches[(claimed + 1) % len(batches)][0]
                item.config.hook.pytest_runtest_protocol(item=item, nextitem=next_item)
                if session.shouldfail:
                    raise session.Failed(session.shouldfail)
                if session.shouldstop:
                    raise session.Interrupted(session.shouldstop)
            claimed = queue.claim()
        self.journal("done")  # no test running here any more (the first process now waits)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self.shard:  # a forked shard: its report is written; never run its parent's remaining code
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def pytest_runtest_logstart(self, nodeid: str, location: Any) -> None:
        self.journal("start", nodeid=nodeid)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if item.stash.get(_EXERCISE, None) in self.timed_out:
            pytest.skip(_SKIPPED_AFTER_TIMEOUT)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.journal("finish")

    # -- 4. verdicts --------------------------------------------------------------------------
    @pytest.hookimpl(optionalhook=True)
    def pytest_json_runtest_metadata(self, item: pytest.Item, call: pytest.CallInfo) -> dict | None:
        exercise = item.stash.get(_EXERCISE, None)
        if call.excinfo is None:
            return {"exercise": exercise, "status": PASSED, "message": ""} if call.when == "call" else None
        status, message = self.verdict(call.excinfo)
        if status == TIMEOUT:
            self.timed_out.add(exercise)
        return {"exercise": exercise, "status": status, "message": _clip(message)}

    def verdict(self, excinfo: pytest.ExceptionInfo) -> tuple[str, str]:
        """Classify one test's exception into (status, message for the learner)."""
        err = excinfo.value
        if isinstance(err, pytest.skip.Exception):
            if str(err) == _SKIPPED_AFTER_TIMEOUT:
                return TIMEOUT, str(err)
            return ERROR, f"skipped: {err}"
        if isinstance(err, pytest.fail.Exception) and str(err).startswith("Timeout"):
            found = re.search(r">\s*([0-9.]+)", str(err))
            seconds = f"{float(found.group(1)):g}" if found else "?"
            return TIMEOUT, (f"timed out after {seconds} s: an infinite loop, or far too slow "
                             "(the other exercises are still graded)")
        if isinstance(err, NotImplementedError):
            return NOT_STARTED, "still raises NotImplementedError"
        if isinstance(err, (LearnerImportError, LearnerMissing)):
            return ERROR, str(err)
        if isinstance(err, Mismatch):  # a suite check, even when raised inside the learner's code
            return FAILED, str(err)    # (a forbidden call, a fake random generator used wrongly)
        where = self._learner_location(excinfo.tb)
        if isinstance(err, SystemExit):
            return ERROR, (f"called sys.exit(){where}: return the result instead of exiting")
        if isinstance(err, MemoryError):
            return ERROR, f"ran out of memory{where}: the grader caps memory, so work on smaller pieces"
        if isinstance(err, OSError) and err.errno == errno.EFBIG:
            return ERROR, f"printed or wrote too much output{where}: remove the print in the loop"
        if isinstance(err, AssertionError) and not where:
            return FAILED, str(err) or "a check failed"
        return ERROR, f"{_describe(err)}{where}"

    def _learner_location(self, tb: types.TracebackType | None, *, short: bool = False) -> str:
        """`` at exercises.py:42, in fn`` for the deepest frame in the learner's file, or ''.

        ``short`` gives `` at line 42, in fn`` for messages that already name the file.
        """
        found = ""
        while tb is not None:
            code = tb.tb_frame.f_code
            if Path(code.co_filename).resolve() == self.path:
                place = f"line {tb.tb_lineno}" if short else f"{self.display}:{tb.tb_lineno}"
                found = f" at {place}" + (
                    f", in {code.co_name}" if code.co_name != "<module>" else "")
            tb = tb.tb_next
        return found


_EXERCISE = pytest.StashKey[str]()
_SKIPPED_AFTER_TIMEOUT = "not run: an earlier test of this exercise timed out"


def _shard_report(main_report: str, shard: int) -> str:
    """Where shard ``shard`` writes its JSON report: next to the first process's own."""
    if shard == 0:
        return main_report
    path = Path(main_report)
    return str(path.with_name(f"{path.stem}-shard{shard}{path.suffix}"))


def _describe(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[-1]}" if text else type(err).__name__


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 3] + "..."


def _display_path(path: Path) -> str:
    """The path as the learner knows it: relative to the working directory when possible."""
    for base in (Path(os.environ.get("MLM_DISPLAY_ROOT", os.getcwd())), Path.cwd()):
        try:
            return str(path.relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def _start_timer(seconds: float, exc: type[BaseException]) -> Any:
    """Raise ``exc`` in the main thread after ``seconds`` (POSIX); no-op where signals are missing."""
    if not hasattr(signal, "setitimer") or seconds <= 0:
        return None

    def on_alarm(signum: int, frame: Any) -> None:
        raise exc()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    return previous


def _stop_timer(previous: Any) -> None:
    if previous is not None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
