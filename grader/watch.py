"""``mlm watch``: re-grade the learner's file every time it is saved, fast.

The loop is: grade once; wait for the file to change (file-system events through watchfiles, or
polling where events do not arrive); grade again; repeat until stopped. Each grade runs in a fork
of a warm worker (``grader.worker``) that already imported pytest and the suite's libraries, so a
re-grade costs the tests, not the imports. If the worker cannot be used (no ``fork`` on this
platform, or it died) grading falls back to cold child processes, which are slower but equally
safe. The CLI draws the results; this module only produces them, so tests and the benchmark
drive the same code.
"""
from __future__ import annotations

import os
import platform
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from grader.curriculum import Module
from grader.results import ModuleResult
from grader.runner import Limits, child_environment, grade
from grader.worker import WarmWorker

#: File systems on which change events are known not to arrive (network and VM shares).
_EVENTLESS_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "drvfs", "vboxsf", "fuse.sshfs",
                          "fuse.vmhgfs-fuse", "prl_fs", "afs"}


@dataclass
class WatchMode:
    """How changes are detected, and why (shown on screen)."""

    polling: bool
    reason: str = ""


def detect_watch_mode(path: Path) -> WatchMode:
    """Polling where file-change events do not arrive: WSL on a Windows drive, network shares."""
    if os.environ.get("MLM_WATCH_POLLING"):
        return WatchMode(True, "MLM_WATCH_POLLING is set")
    resolved = Path(path).resolve()
    release = platform.uname().release.lower()
    if "microsoft" in release and str(resolved).startswith("/mnt/"):
        return WatchMode(True, "WSL does not deliver change events for files on a Windows drive")
    fstype = _filesystem_type(resolved)
    if fstype in _EVENTLESS_FILESYSTEMS:
        return WatchMode(True, f"change events do not arrive on a {fstype} file system")
    return WatchMode(False)


def _filesystem_type(path: Path, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """The type of the mount holding ``path``, from /proc/mounts (Linux); None elsewhere."""
    try:
        mounts = mounts_file.read_text().splitlines()
    except OSError:
        return None
    best, fstype = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3:
            mount_point = fields[1].replace("\\040", " ")
            inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
            if inside and len(mount_point) >= len(best):
                best, fstype = mount_point, fields[2]
    return fstype


class Watcher:
    """Grade ``file`` with ``module``'s suite now and after every change, with a warm worker."""

    POLL_DELAY_MS = 300

    def __init__(self, module: Module, file: Path, *, limits: Limits = Limits(), mode: WatchMode | None = None):
        self.module, self.file, self.limits = module, Path(file).resolve(), limits
        self.mode = mode or detect_watch_mode(self.file)
        self.worker: WarmWorker | None = None
        self._warming: threading.Thread | None = None
        self._graded: tuple[int, int] | None = None  # the file's (mtime, size) when last graded
        self.last_was_warm = False

    def __enter__(self) -> "Watcher":
        self._warm_up()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._warming is not None:
            self._warming.join()
        if self.worker is not None:
            self.worker.close()

    def _warm_up(self) -> None:
        """Start a worker in the background: the first grade runs cold meanwhile, on the other core."""

        def start() -> None:
            self.worker = WarmWorker.start(self.module.suite_dir, child_environment(self.limits))

        self._warming = threading.Thread(target=start, daemon=True)
        self._warming.start()

    def wait_until_warm(self, timeout: float | None = None) -> bool:
        if self._warming is not None:
            self._warming.join(timeout)
        return self.warm

    @property
    def warm(self) -> bool:
        ready = self._warming is None or not self._warming.is_alive()
        return ready and self.worker is not None and self.worker.alive

    def grade(self) -> ModuleResult:
        """Grade the file as it is now: warm when the worker is ready, cold until then."""
        self._graded = self._signature()
        ready = self._warming is None or not self._warming.is_alive()
        if ready and self.worker is not None and not self.worker.alive:  # it died: replace it
            self.worker.close()
            self.worker = None
            self._warm_up()
        launcher = self.worker.launch if self.warm else None
        self.last_was_warm = launcher is not None
        try:
            return grade(self.module, self.file, limits=self.limits, launcher=launcher)
        except OSError:  # the worker died mid-request: grade this version cold
            return grade(self.module, self.file, limits=self.limits)

    def changes(self, stop: threading.Event) -> Iterator[None]:
        """Yield once per batch of changes to the file, until ``stop`` is set."""
        import watchfiles

        target = self.file

        def only_the_file(change: object, path: str) -> bool:
            return Path(path) == target

        # Watch the folder, not the file: editors often save by writing a new file and renaming
        # it over the old one, which a watch on the old file would miss. Every half second
        # without events, compare the file with what was graded last: that catches a save made
        # before the watch was in place (during the first grade) or an event that never came.
        for changes in watchfiles.watch(target.parent, watch_filter=only_the_file, stop_event=stop, debounce=400,
                                        step=30, rust_timeout=500, yield_on_timeout=True,
                                        force_polling=self.mode.polling, poll_delay_ms=self.POLL_DELAY_MS,
                                        recursive=False, raise_interrupt=False):
            if stop.is_set():
                return
            if target.exists() and (changes or self._signature() != self._graded):
                yield None

    def _signature(self) -> tuple[int, int] | None:
        try:
            status = self.file.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def run(self, on_result: Callable[[ModuleResult, float], None], stop: threading.Event,
            on_grading: Callable[[], None] | None = None) -> None:
        """Grade now, then after each change, calling ``on_result(result, changed_at)`` each time.

        ``changed_at`` is the ``time.monotonic()`` at which the change was noticed (for the first
        grade: when it started), so a caller can measure the answer time.
        """
        started = time.monotonic()
        on_result(self.grade(), started)
        for _ in self.changes(stop):
            noticed = time.monotonic()
            if on_grading is not None:
                on_grading()
            on_result(self.grade(), noticed)
            if stop.is_set():
                break

