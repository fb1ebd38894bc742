"""Grade one file against one module's hidden suite, safely, in a child process.

The learner's code never runs in the ``mlm`` process. ``grade`` starts ``python -m grader.child``
(pytest + ``grader.harness``) with caps on memory and output, a time limit per test (enforced
inside the child by pytest-timeout) and a limit for the whole run (enforced here). The child
reports through two files:

* the pytest-json-report file, written when the run completes: one verdict per test;
* the journal (``grader.harness``), one line per event, written as it happens, so that when the
  child dies (``os._exit``, a segfault, the memory cap) or hangs in C code, we still know which
  exercise was running. That exercise gets the verdict, and the run is repeated without it, so
  the other exercises are still graded. A run that did not complete never reports an exercise
  as passed.

Where it can, the child shares the tests among forked copies of itself after collection
(``grader.shards``): each copy writes its own report, and its journal lines carry its number. A
run is complete when every copy finished and wrote its report; otherwise the copy that died or
hung is the one whose running exercise gets the verdict.

Standard library only: ``mlm`` imports this module on every check.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from grader import prestart, timings
from grader.catalog import DEFAULT_TEST_TIMEOUT, exercises_of
from grader.curriculum import SUITES_DIR, Module
from grader.limits import UNUSED_PLUGINS, Limits, child_environment
from grader.results import ERROR, TIMEOUT, ExerciseResult, ModuleResult, TestVerdict, fold

#: Starts a grading child from pytest's arguments, a working folder and an output file, and
#: returns a handle with ``pid``, ``wait()`` and ``kill()`` (``subprocess.Popen`` has all three).
Launcher = Callable[[list[str], Path, Path], Any]


@dataclass
class _Run:
    """What one grading child left behind (its forked shards included: see grader/shards.py)."""

    returncode: int | None  # None: killed by the run's time limit
    events: list[dict]
    report: dict | None
    output: str
    killed: str | None = None  # why the watchdog stopped it: "run", "import" or "test"
    stuck_shard: int | None = None  # whose test overstayed, when killed for a test
    shard_reports: list[dict | None] = field(default_factory=list)

    def event(self, name: str) -> dict | None:
        return next((e for e in self.events if e.get("event") == name), None)

    @property
    def collected(self) -> list[tuple[str, str]]:
        found = self.event("collected")
        return [tuple(pair) for pair in found["tests"]] if found else []

    @property
    def shards(self) -> int:
        sharded = self.event("sharded")
        return sharded["shards"] if sharded else 1

    @property
    def finished(self) -> set[int]:
        """The processes that reached the end of their session."""
        return {e.get("shard", 0) for e in self.events if e.get("event") == "finish"}

    @property
    def complete(self) -> bool:
        """Every process finished its tests and wrote its report."""
        reports = [self.report, *self.shard_reports]
        return self.finished >= set(range(self.shards)) and all(r is not None for r in reports)

    @property
    def reports(self) -> list[dict]:
        return [r for r in (self.report, *self.shard_reports) if r is not None]

    @property
    def failed_shard(self) -> int | None:
        """The process that stopped the run: the one the watchdog killed; else the first process
        if it died (the others were then stopped with it); else a shard that died on its own.
        None when every process finished (a report then went missing: a grader problem)."""
        if self.stuck_shard is not None:
            return self.stuck_shard
        unfinished = [shard for shard in range(self.shards) if shard not in self.finished]
        return unfinished[0] if unfinished else None

    @property
    def in_flight(self) -> str | None:
        """The test the failed process was running when it stopped."""
        shard = self.failed_shard
        starts = [e["nodeid"] for e in self.events
                  if e.get("event") == "start" and e.get("shard", 0) == shard and shard is not None]
        return starts[-1] if starts else None

    @property
    def exit_status(self) -> int | None:
        """How the failed process ended, as ``Popen.returncode`` has it (None: stopped by a limit)."""
        shard = self.failed_shard
        if shard and self.killed is None:
            ended = [e["status"] for e in self.events if e.get("event") == "shard-ended" and e["ended"] == shard]
            if ended:
                return ended[0]
        return self.returncode


def grade(module: Module, file: Path, *, only: list[str] | None = None, verbose: bool = False,
          limits: Limits = Limits(), launcher: Launcher | None = None) -> ModuleResult:
    """Grade ``file`` with the hidden suite of ``module``.

    Parameters
    ----------
    module : the module whose suite to run.
    file : the learner's file (usually ``module.exercises_file``).
    only : names of the exercises to grade; all of them when None.
    verbose : keep pytest's own report (``ModuleResult.output``) for ``mlm check --verbose``.
    limits : time, memory and output caps.
    launcher : how to start a grading child; a new ``python -m grader.child`` process when None,
        a fork of a warm worker in ``mlm watch`` (``grader.worker.WarmWorker.launch``).
    """
    started = time.monotonic()
    file = Path(file).resolve()
    catalog = exercises_of(module)
    wanted = [e for e in catalog if only is None or e.name in only]
    settled: dict[str, ExerciseResult] = {}   # exercises given a verdict by a failed run
    totals: dict[str, int] = {}               # tests per exercise, from the journal
    verdicts: dict[str, list[TestVerdict]] = defaultdict(list)
    seconds: dict[str, float] = defaultdict(float)  # per exercise, for grader/timings.py
    banner, outputs = "", []
    deadline = started + limits.run_seconds

    with tempfile.TemporaryDirectory(prefix="mlm-") as scratch:
        for attempt in range(len(catalog) + 1):
            run = _run_child(module, file, Path(scratch), attempt, only, set(settled), verbose, limits,
                             deadline, launcher)
            outputs.append(run.output)
            for exercise, count in _count(run.collected).items():
                totals[exercise] = count
            imported = run.event("import-end")
            if imported and imported.get("failure"):
                banner = imported["failure"]
            if run.complete:
                for test in (test for report in run.reports for test in report.get("tests", [])):
                    meta = test.get("metadata") or {}  # a shard's report lists the others' tests too,
                    if meta.get("exercise") and meta.get("status"):  # with no verdict: skipped here
                        verdicts[meta["exercise"]].append(
                            TestVerdict(test["nodeid"], meta["exercise"], meta["status"], meta.get("message", "")))
                        seconds[meta["exercise"]] += sum(test.get(stage, {}).get("duration", 0.0)
                                                         for stage in ("setup", "call", "teardown"))
                if not run.collected and run.returncode not in (0, 1, 5):
                    banner = _suite_broken(run)
                break
            # The child died or was stopped: find out where, give that a verdict, and go again.
            if imported is None:
                banner = _died_while_importing(file, run, limits)
                break
            if not run.collected:
                banner = _suite_broken(run)
                break
            culprit = dict(run.collected).get(run.in_flight or "")
            if run.killed == "test" and culprit:
                limit = next((e.timeout for e in catalog if e.name == culprit), DEFAULT_TEST_TIMEOUT)
                settled[culprit] = ExerciseResult(culprit, TIMEOUT, 0, totals.get(culprit, 0),
                                                  f"timed out after {limit:g} s and had to be stopped by force "
                                                  "(a loop inside a library call?); the others were graded again")
                continue
            if run.returncode is None:  # the whole run's time limit
                for name in {n for _, n in run.collected} - set(settled):
                    settled[name] = ExerciseResult(name, TIMEOUT, 0, totals.get(name, 0),
                                                   f"not graded: the check hit its {limits.run_seconds:g} s limit")
                if culprit:
                    settled[culprit].message = (f"timed out: still running when the check hit its "
                                                f"{limits.run_seconds:g} s limit (an infinite loop?)")
                break
            if culprit is None:
                banner = _suite_broken(run)
                break
            settled[culprit] = ExerciseResult(culprit, ERROR, 0, totals.get(culprit, 0),
                                              _died_while_testing(run))
            if time.monotonic() >= deadline:
                break

    timings.remember(module.name, seconds)
    results = []
    for exercise in wanted:
        if exercise.name in settled:
            result = settled[exercise.name]
            result.points = exercise.points
        else:
            result = fold(exercise.name, verdicts.get(exercise.name, []), totals.get(exercise.name, 0),
                          exercise.points)
            if banner and not verdicts.get(exercise.name) and not totals.get(exercise.name):
                result.message = banner  # nothing of it ran: the file-level problem is the reason
        results.append(result)
    return ModuleResult(module=module.name, file=str(file), exercises=results, banner=banner,
                        seconds=round(time.monotonic() - started, 3),
                        output="\n".join(o for o in outputs if o) if verbose else "")


def pytest_arguments(module: Module, file: Path, journal: Path, report: Path, *, only: list[str] | None = None,
                     skip: set[str] = frozenset(), verbose: bool = False,
                     import_seconds: float = Limits().import_seconds) -> list[str]:
    """pytest's command-line arguments for grading ``file`` with ``module``'s suite.

    The grading plugins themselves are registered by ``grader.child.run_pytest``, not named here.
    """
    arguments = [
        str(module.suite_dir.resolve()), "-c", str(SUITES_DIR / "pytest.ini"), "--rootdir", str(SUITES_DIR),
        "--json-report", f"--json-report-file={report}",
        "--json-report-omit", "collectors", "log", "traceback", "streams", "warnings", "keywords",
        "--learner-file", str(file), "--mlm-journal", str(journal),
        "--mlm-import-timeout", str(import_seconds),
        # tmp_path folders inside this run's scratch folder, deleted with it: no shared
        # /tmp/pytest-of-USER whose clean-up a concurrent check, or a child that left with
        # os._exit (and so never released its lock), could get in the way of.
        "--basetemp", str(journal.parent / f"{journal.stem}-tmp"),
    ]
    for plugin in UNUSED_PLUGINS:
        arguments += ["-p", f"no:{plugin}"]
    if not _uses_caplog(module.suite_dir):
        # pytest's logging plugin attaches a handler to every non-propagating logger around each
        # test phase: torch has 44 of them, a fifth of a torch suite's test time. Only a suite
        # that checks what the learner logs (the caplog fixture) needs it.
        arguments += ["-p", "no:logging"]
    if not verbose:  # --verbose shows pytest's own output, which shards would interleave
        arguments += ["--mlm-processes", str(grading_processes()),
                      "--mlm-order", ",".join(timings.slowest_first(module.name, [e.name for e in exercises_of(module)]))]
    if skip:
        arguments += ["--mlm-skip", ",".join(sorted(skip))]
    if only:
        arguments += ["--mlm-only", ",".join(only)]
    arguments += ["-v", "--tb=short"] if verbose else ["-q", "--tb=no", "--show-capture=no", "--no-header"]
    return arguments


def grading_processes() -> int:
    """How many processes share a check's tests (grader/shards.py): one per usable core, at most
    four (a module has about a dozen exercises), or ``MLM_PROCESSES`` where it is set."""
    from grader.shards import usable_cores

    try:
        return max(1, int(os.environ["MLM_PROCESSES"]))
    except (KeyError, ValueError):
        return min(usable_cores(), 4)


@lru_cache(maxsize=None)
def _uses_caplog(suite_dir: Path) -> bool:
    return any("caplog" in path.read_text(encoding="utf-8") for path in Path(suite_dir).glob("test_*.py"))


#: How a cold grading child starts: a new interpreter running grader.child (caps, then pytest).
CHILD_PREFIX = (sys.executable, "-X", "faulthandler", "-m", "grader.child")


def _run_child(module: Module, file: Path, scratch: Path, attempt: int, only: list[str] | None,
               skip: set[str], verbose: bool, limits: Limits, deadline: float,
               launcher: Launcher | None) -> _Run:
    journal, report = scratch / f"journal-{attempt}.jsonl", scratch / f"report-{attempt}.json"
    output_path = scratch / f"output-{attempt}.txt"
    arguments = pytest_arguments(module, file, journal, report, only=only, skip=skip, verbose=verbose,
                                 import_seconds=limits.import_seconds)
    test_limits = {e.name: e.timeout for e in exercises_of(module)}
    with open(output_path, "wb") as output:
        prestarted = prestart.take() if launcher is None and attempt == 0 and limits == Limits() else None
        if launcher is not None:
            process = launcher(arguments, scratch, output_path)
        elif prestarted is not None:  # started by `mlm` itself, already loading pytest
            prestarted.stdin.write(json.dumps({"args": arguments, "cwd": str(scratch),
                                               "output": str(output_path)}).encode() + b"\n")
            prestarted.stdin.close()
            process = prestarted
        else:
            process = subprocess.Popen([*CHILD_PREFIX, *arguments], cwd=scratch, env=child_environment(limits),
                                       stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                       start_new_session=(os.name == "posix"))
        watchdog = _Watchdog(process, journal, test_limits, limits, deadline)
        watchdog.start()
        try:
            # A blocking wait returns the moment the child exits (a wait with a timeout polls);
            # the watchdog thread enforces the limits meanwhile.
            returncode: int | None = process.wait()
        except KeyboardInterrupt:
            _kill(process)
            raise
        finally:
            watchdog.stop()
    if watchdog.reason is not None:
        returncode = None
    run = _Run(returncode, _read_journal(journal), _read_json(report), _tail(output_path), watchdog.reason,
               watchdog.stuck_shard)
    if 0 not in run.finished:
        _kill_group(process.pid)  # the first process died: shards it forked must not outlive it
    sharded = run.event("sharded") or {}
    run.shard_reports = [_read_json(Path(path)) if path else None for path in sharded.get("reports", [])]
    return run


class _Watchdog(threading.Thread):
    """Kill the child when it overstays: the whole run, the import, or one test.

    pytest-timeout stops a slow test from inside the child; this is the backstop for what a
    signal cannot interrupt (a loop inside C code, a blocked system call). It follows the journal,
    so it knows which phase and which test the child is in.
    """

    GRACE = 5.0  # seconds beyond a test's own limit before the child is killed from outside

    def __init__(self, process: Any, journal: Path, test_limits: dict[str, float],
                 limits: Limits, deadline: float):
        super().__init__(daemon=True)
        self.process, self.journal, self.limits, self.deadline = process, journal, limits, deadline
        self.test_limits = test_limits
        self.reason: str | None = None  # "run", "import" or "test" once it had to kill
        self._stop_event = threading.Event()
        self._offset = 0
        self._exercise_of: dict[str, str] = {}
        # Per process sharing the tests (grader/shards.py): (phase, its limit, when it began).
        self._phases: dict[int, tuple[str | None, float | None, float]] = {}
        self.stuck_shard: int | None = None  # the process whose phase overstayed

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def run(self) -> None:
        while not self._stop_event.wait(0.1):
            self._follow_journal()
            now = time.monotonic()
            if now >= self.deadline:
                self.reason = "run"
            for shard, (phase, limit, started) in self._phases.items():
                if self.reason is None and limit is not None and now - started > limit + self.GRACE:
                    self.reason, self.stuck_shard = phase, shard
            if self.reason:
                _kill(self.process)
                return

    def _follow_journal(self) -> None:
        try:
            with open(self.journal, "rb") as handle:
                handle.seek(self._offset)
                chunk = handle.read()
        except FileNotFoundError:
            return
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.splitlines():
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            kind, shard = event.get("event"), event.get("shard", 0)
            if kind == "import-start":
                self._enter(shard, "import", self.limits.import_seconds)
            elif kind == "collected":
                self._exercise_of = {nodeid: name for nodeid, name in event["tests"]}
                self._enter(shard, None, None)
            elif kind == "start":
                exercise = self._exercise_of.get(event["nodeid"])
                self._enter(shard, "test", self.test_limits.get(exercise, DEFAULT_TEST_TIMEOUT))
            elif kind in ("import-end", "done", "finish"):
                self._enter(shard, None, None)

    def _enter(self, shard: int, phase: str | None, limit: float | None) -> None:
        self._phases[shard] = (phase, limit, time.monotonic())


def _kill_group(pid: int) -> None:
    """Kill what is left of a grading child's process group (POSIX); nothing if it is gone."""
    if os.name == "posix":
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _kill(process: subprocess.Popen) -> None:
    """Stop the child and anything it started (its own process group on POSIX)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _read_journal(path: Path) -> list[dict]:
    events = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut short by a kill: everything before it is sound
    return events


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return None


def _tail(path: Path, limit: int = 200_000) -> str:
    """The end of the child's output: enough for --verbose, never megabytes of learner prints."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        if size > limit:
            handle.seek(size - limit)
        text = handle.read().decode("utf-8", errors="replace")
    return (f"[... {size - limit} bytes of output cut ...]\n" + text) if size > limit else text


def _count(collected: list[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for _, exercise in collected:
        counts[exercise] += 1
    return counts


def _how_it_ended(run: _Run) -> str:
    code = run.exit_status
    if code is None:
        return "it was stopped by the time limit"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (probably out of memory)" if name == "SIGKILL" else ""
        return f"the process was killed by {name}{hint}"
    return f"the process exited with code {code} (os._exit? a crash?)"


def _died_while_importing(file: Path, run: _Run, limits: Limits) -> str:
    if run.returncode is None:
        seconds = limits.import_seconds if run.killed == "import" else limits.run_seconds
        return (f"{file.name} did not finish importing within {seconds:g} s "
                "(a long computation at the top level?)")
    if run.event("import-start"):
        return f"the grading process ended while importing {file.name}: {_how_it_ended(run)}"
    return _suite_broken(run)


def _died_while_testing(run: _Run) -> str:
    return f"the grading process ended during this exercise: {_how_it_ended(run)}; the others were graded again without it"


def _suite_broken(run: _Run) -> str:
    lines = [line for line in run.output.strip().splitlines() if line.strip()]
    detail = " / ".join(lines[-3:])[-400:] if lines else _how_it_ended(run)
    return f"the hidden suite could not run (a grader problem, not your code): {detail}"
