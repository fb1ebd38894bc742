"""How long each exercise's tests took at the last check, so that a check whose tests are shared
among processes (grader/shards.py) hands out the slowest exercises first.

Processes claim exercises one at a time; the run ends when the last process is done, so a slow
exercise claimed last leaves the other processes idle while it runs (longest-first is the
classic remedy). The figures are a hint, never a verdict: they live in ``timings.json`` next to
the progress store (``.mlm/`` or ``$MLM_HOME``), a missing or damaged file simply means no hint,
and without one the exercises go in reverse file order, since a module's later exercises tend to
be its heavier ones.

Standard library only: the runner reads this on every check.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def timings_path() -> Path:
    from grader.store import store_path

    return store_path().parent / "timings.json"


def slowest_first(module: str, names: list[str]) -> list[str]:
    """``names`` ordered by the seconds they took last time, slowest first; unknown ones first of
    all, in reverse file order."""
    known = _read().get(module, {})
    position = {name: index for index, name in enumerate(names)}
    return sorted(names, key=lambda name: (name in known, -known.get(name, 0.0), -position[name]))


def remember(module: str, seconds: dict[str, float]) -> None:
    """Record the seconds each exercise's tests took in this check (best effort, never fails)."""
    if not seconds:
        return
    path = timings_path()
    everything = _read()
    everything.setdefault(module, {}).update({name: round(value, 4) for name, value in seconds.items()})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed into place: two checks at once never leave a torn file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".timings-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(everything, out)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
    except OSError:
        pass


def _read() -> dict[str, dict[str, float]]:
    try:
        data = json.loads(timings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {module: {name: float(value) for name, value in entries.items() if isinstance(value, (int, float))}
            for module, entries in data.items() if isinstance(entries, dict)}
