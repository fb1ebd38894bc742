"""How long the learner waits: `mlm check` against the floor it cannot go below.

The floor of a check is a bare interpreter that imports what the hidden suite imports and then
the graded file: ``python -c "import numpy, pandas; import solutions"``. Everything above it is
the grader's cost (pytest, the child process, rendering). Both are timed in the same run,
interleaved, so the ratio holds on any machine; ``mlm progress`` and ``mlm --help`` are timed
as absolute figures (targets: check <= 1.25x the floor, progress and help < 0.3 s).

    uv run python benchmarks/bench_check.py            # module 00, 7 rounds
    uv run python benchmarks/bench_check.py 03 --rounds 5
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader.bytecode import bytecode_environment
from grader.curriculum import resolve
from grader.child import suite_imports


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("module", nargs="?", default="00")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    module = resolve(args.module)
    mlm = str(Path(sys.executable).with_name("mlm"))
    imports = suite_imports(module.suite_dir)
    floor_code = "".join(f"import {name}; " for name in imports) + f"import {module.solutions_file.stem}"
    # Both sides cache bytecode the way `mlm` does (grader/bytecode.py): where the environment
    # sets PYTHONDONTWRITEBYTECODE, a floor that compiles numpy and pandas from source each time
    # would be a slow floor, and flatter the ratio.
    env = bytecode_environment(dict(os.environ, MPLBACKEND="Agg", MLM_HOME=tempfile.mkdtemp(prefix="mlm-bench-")))
    commands = {
        "floor": ([sys.executable, "-c", floor_code], module.folder),
        "check": ([mlm, "check", module.name, "--file", str(module.solutions_file), "--json"], None),
        "progress": ([mlm, "progress"], None),
        "help": ([mlm, "--help"], None),
    }
    for command, cwd in commands.values():  # warm the file cache and bytecode once
        timed(command, env, cwd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, (command, cwd) in commands.items():
            samples[name].append(timed(command, env, cwd))

    median = {name: statistics.median(values) for name, values in samples.items()}
    ratio = median["check"] / median["floor"]
    print(f"module {module.name}; suite imports: {', '.join(imports) or '(nothing)'}; {args.rounds} rounds, medians")
    print(f"  floor  python -c '{floor_code}'  {median['floor']:.3f} s")
    print(f"  mlm check --file solutions.py     {median['check']:.3f} s   ratio {ratio:.2f}x  (target <= 1.25x)")
    # Each round times the floor and the check back to back: the spread of their ratio shows how
    # much of the figure above is the machine's noise.
    rounds = sorted(c / f for c, f in zip(samples["check"], samples["floor"]))
    quartile = max(len(rounds) // 4, 0)
    print(f"    ratio within a round: min {rounds[0]:.2f}x, quartiles {rounds[quartile]:.2f}x-"
          f"{rounds[-1 - quartile]:.2f}x, max {rounds[-1]:.2f}x")
    print(f"  mlm progress                      {median['progress']:.3f} s   (target < 0.3 s)")
    print(f"  mlm --help                        {median['help']:.3f} s   (target < 0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
