"""Everything ``mlm`` draws on the terminal: the results table, the progress table, hints.

Only rich and the standard library: the progress view must stay instant.
"""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich import box
from rich.table import Table
from rich.text import Text

from grader.curriculum import MODULES, PHASES, Module
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


def text_bar(done: float, total: float, width: int) -> Text:
    """``█████░░░░░``: a bar that reads the same with or without colour (logs, CI, pipes)."""
    fraction = min(max(done / total, 0.0), 1.0) if total else 0.0
    filled = round(fraction * width)
    style = "green" if fraction >= 1 else ("yellow" if fraction > 0 else "dim")
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="dim")


def bar_line(done: float, total: float, label: str) -> Table:
    """A one-line progress bar with a label and a percentage."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    fraction = done / total if total else 0.0
    grid.add_row(Text(label, style="bold"), text_bar(done, total, 30), Text(f"{fraction:.0%}", style="bold"))
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


def progress_rows(progress: dict, totals: dict[str, int | None]) -> list[dict]:
    """One plain dict per module: what ``mlm progress`` shows and ``--json`` prints."""
    rows = []
    for module in MODULES:
        entry = progress.get(module.name)
        rows.append({
            "module": module.name, "title": module.title, "phase": module.phase,
            "available": totals.get(module.name) is not None,
            "passed": entry.passed if entry else 0, "total": totals.get(module.name),
            "best_score": entry.best_score if entry else None,
            "attempts": entry.attempts if entry else 0,
            "last_checked": entry.last_checked if entry else None,
        })
    return rows


def progress_view(rows: list[dict], streak_days: int) -> Group:
    """The view ``mlm progress`` prints: the four phases, a bar per module, the overall bar."""
    table = Table(title="Machine Learning Mastery · your progress", title_justify="left", expand=False,
                  box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("Module", no_wrap=True, overflow="ellipsis", max_width=31)
    table.add_column("Progress", no_wrap=True, min_width=8)
    table.add_column("Done", justify="right", no_wrap=True, min_width=5)
    table.add_column("Best", justify="right", no_wrap=True, min_width=4)
    table.add_column("Tries", justify="right", no_wrap=True, min_width=5)
    table.add_column("Last", no_wrap=True, min_width=11)
    for phase in PHASES:
        table.add_row(Text(phase, style="bold cyan"))
        for row in (r for r in rows if r["phase"] == phase):
            if not row["available"]:
                table.add_row(Text(row["module"], style="dim"), Text("(not yet)", style="dim"))
                continue
            done, total = row["passed"], row["total"]
            style = "green" if done == total else ("yellow" if done else "")
            best = f"{row['best_score']:.0%}" if row["best_score"] is not None else "—"
            table.add_row(row["module"], text_bar(done, total, 8), Text(f"{done}/{total}", style=style), best,
                          str(row["attempts"]), _ago(row["last_checked"]))
        if phase != PHASES[-1]:
            table.add_section()
    done_all = sum(r["passed"] for r in rows if r["available"])
    total_all = sum(r["total"] for r in rows if r["available"])
    flame = f"{streak_days}-day streak" if streak_days else "no streak yet: pass an exercise today to start one"
    return Group(table, bar_line(done_all, total_all, f"Overall {done_all}/{total_all} exercises"),
                 Text(f"🔥 {flame}" if streak_days else flame, style="bold yellow" if streak_days else "dim"))


def _ago(moment: str | None) -> str:
    """'3 min ago', 'yesterday', '12 Mar' for an ISO timestamp; '—' for none."""
    if not moment:
        return "—"
    from datetime import datetime, timezone

    then = datetime.fromisoformat(moment)
    seconds = (datetime.now(timezone.utc) - then).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if seconds < 2 * 86400:
        return "yesterday"
    return then.astimezone().strftime("%d %b %Y")


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
