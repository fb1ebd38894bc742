"""Everything ``mlm`` draws on the terminal: the results table, the progress table, hints.

Only rich and the standard library: the progress view must stay instant.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from grader.curriculum import MODULES, Module
from grader.results import ERROR, FAILED, NOT_STARTED, PASSED, TIMEOUT, ModuleResult

STATUS_STYLE = {
    PASSED: ("✔ passed", "bold green"),
    FAILED: ("✘ failed", "bold red"),
    NOT_STARTED: ("· not started", "dim"),
    ERROR: ("! error", "bold magenta"),
    TIMEOUT: ("⏱ timed out", "bold yellow"),
}


def status_text(status: str) -> Text:
    label, style = STATUS_STYLE.get(status, (status, ""))
    return Text(label, style=style)


def bar_line(done: float, total: float, label: str) -> Table:
    """A one-line progress bar with a label and a percentage."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(width=40)
    grid.add_column(no_wrap=True)
    fraction = done / total if total else 0.0
    grid.add_row(Text(label, style="bold"), ProgressBar(total=max(total, 1e-9), completed=done, width=40),
                 Text(f"{fraction:.0%}", style="bold"))
    return grid


def results_view(result: ModuleResult, module: Module, *, hint_for: str | None = None) -> Group:
    """The table ``mlm check`` prints: one row per exercise, then the score and a bar."""
    parts = []
    if result.banner:
        parts.append(Panel(Text(result.banner), title="Your file", border_style="magenta", expand=False))
    table = Table(title=f"{module.name} · {module.title}", title_justify="left", expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Exercise", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Tests", justify="right", no_wrap=True)
    table.add_column("First problem", overflow="fold", max_width=80)
    from grader.catalog import exercises_of

    numbers = {e.name: e.number for e in exercises_of(module)}
    for exercise in result.exercises:
        table.add_row(str(numbers.get(exercise.name, "")), exercise.name, status_text(exercise.status),
                      f"{exercise.passed}/{exercise.total}", Text(exercise.message))
    parts.append(table)
    passed = sum(e.status == PASSED for e in result.exercises)
    parts.append(bar_line(result.score, 1.0, f"Score {passed}/{len(result.exercises)} exercises"))
    if result.all_passed:
        parts.append(Text("All exercises pass. Well done: on to the next module (uv run mlm list).", style="green"))
    elif hint_for:
        parts.append(Text(f"Stuck? uv run mlm hint {module.number:02d} {hint_for}", style="cyan"))
    return Group(*parts)


def progress_view(progress: dict, totals: dict[str, int | None]) -> Group:
    """The table ``mlm progress`` prints: all 19 modules, then an overall bar."""
    table = Table(title="Machine Learning Mastery · your progress", title_justify="left")
    table.add_column("Module", no_wrap=True)
    table.add_column("Phase", style="dim", no_wrap=True)
    table.add_column("Passed", justify="right", no_wrap=True)
    table.add_column("Best score", justify="right")
    table.add_column("Attempts", justify="right")
    table.add_column("Last checked", no_wrap=True)
    done_all = total_all = 0
    for module in MODULES:
        entry = progress.get(module.name)
        total = totals.get(module.name)
        if total is None:
            passed_text = Text("not yet available", style="dim")
        else:
            done = entry.passed if entry else 0
            done_all += done
            total_all += total
            style = "green" if done == total else ("yellow" if done else "")
            passed_text = Text(f"{done}/{total}", style=style)
        best = f"{entry.best_score:.0%}" if entry and entry.best_score is not None else "—"
        last = entry.last_checked.replace("T", " ")[:16] if entry and entry.last_checked else "—"
        table.add_row(module.name, module.phase, passed_text, best, str(entry.attempts if entry else 0), last)
    return Group(table, bar_line(done_all, total_all, f"Overall {done_all}/{total_all} exercises"))


def modules_view(statuses: dict[str, str]) -> Table:
    """The table ``mlm list`` prints."""
    table = Table(title="Machine Learning Mastery · modules", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Module", no_wrap=True)
    table.add_column("Focus")
    table.add_column("Time", no_wrap=True)
    table.add_column("Your status", no_wrap=True)
    for module in MODULES:
        table.add_row(f"{module.number:02d}", module.name, module.focus, module.time,
                      Text.from_markup(statuses.get(module.name, "[dim]not yet available[/]")))
    return table


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)
