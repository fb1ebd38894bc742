"""Watch mode against a cold check: how long from saving the file to the redrawn result?

In one run, on one module (default: the module whose suite has the heaviest imports, i.e. one
that imports torch): a copy of its solutions.py is watched with ``grader.watch.Watcher`` (the
code behind ``mlm watch``), the copy is modified N times, and the time from each modification to
the new result is measured. The same file is then graded cold with ``mlm check --file`` N times.
Target: re-grade under 0.5 s and at least 5x faster than cold.

    uv run python benchmarks/bench_watch.py            # auto-picks a torch module
    uv run python benchmarks/bench_watch.py 02 --rounds 5
"""
from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from grader.curriculum import MODULES, resolve
from grader.watch import Watcher
from grader.child import suite_imports

WEIGHT = {"torch": 4, "sklearn": 3, "scipy": 2, "pandas": 2, "matplotlib": 2}


def heaviest_module():
    def weight(module):
        return sum(WEIGHT.get(name.split(".")[0], 0) for name in suite_imports(module.suite_dir))

    return max((m for m in MODULES if m.available), key=weight)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("module", nargs="?")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    module = resolve(args.module) if args.module else heaviest_module()

    scratch = Path(tempfile.mkdtemp(prefix="mlm-bench-watch-"))
    learner = scratch / "exercises.py"
    shutil.copy(module.solutions_file, learner)
    env = dict(os.environ, MLM_HOME=str(scratch / "home"))
    os.environ["MLM_HOME"] = env["MLM_HOME"]

    results: queue.Queue = queue.Queue()
    stop = threading.Event()
    warm_times = []
    with Watcher(module, learner) as watcher:
        thread = threading.Thread(target=watcher.run, args=(lambda r, _at: results.put((r, time.monotonic())), stop),
                                  daemon=True)
        thread.start()
        results.get(timeout=300)  # the first grade
        watcher.wait_until_warm(300)
        for round_ in range(args.rounds + 1):
            time.sleep(0.3)
            modified = time.monotonic()
            learner.write_text(learner.read_text() + f"\n# edit {round_}\n")
            result, answered = results.get(timeout=120)
            assert result.all_passed, [e.to_json() for e in result.exercises if e.status != "passed"]
            if round_:  # the first one after warm-up is discarded
                warm_times.append(answered - modified)
        stop.set()
        learner.write_text(learner.read_text() + "\n")

    mlm = str(Path(sys.executable).with_name("mlm"))
    cold_times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        subprocess.run([mlm, "check", module.name, "--file", str(learner), "--json"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        cold_times.append(time.perf_counter() - start)

    warm, cold = statistics.median(warm_times), statistics.median(cold_times)
    print(f"module {module.name} (suite imports: {', '.join(suite_imports(module.suite_dir))}); "
          f"{args.rounds} rounds, medians")
    print(f"  watch: file modified -> new result   {warm:.3f} s   (target < 0.5 s)   "
          f"[min {min(warm_times):.3f}, max {max(warm_times):.3f}]")
    print(f"  cold:  mlm check --file              {cold:.3f} s")
    print(f"  speed-up                             {cold / warm:.1f}x  (target >= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
