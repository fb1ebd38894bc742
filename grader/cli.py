"""``mlm``: the learner's command line (Typer + rich).

Start-up time matters (``mlm progress`` and ``mlm --help`` must feel instant), so this module
imports only Typer and the standard-library parts of the grader at the top; rich tables, the
runner and anything heavier are imported inside the command that needs them. The learner's code
never runs in this process: ``grader.runner`` grades it in a child process.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from grader.catalog import CatalogError, exercises_of, find_exercise
from grader.curriculum import MODULES, Module, ModuleNotFound, resolve

app = typer.Typer(
    name="mlm",
    help="Machine Learning Mastery: grade your exercises, see your progress, get hints.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    # Plain help, as click writes it: Typer's rich help imports rich.markdown and markdown-it
    # (about 0.15 s), which would double the time of `mlm --help`. Results stay rich.
    rich_markup_mode=None,
)

def complete_module(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for MODULE arguments: numbers and folder names."""
    found = []
    for module in MODULES:
        for candidate in (f"{module.number:02d}", module.name):
            if candidate.startswith(incomplete):
                found.append((candidate, module.title))
    return found


def complete_exercise(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for EXERCISE arguments, from the module already typed."""
    try:
        module = resolve(ctx.params.get("module") or "")
        return [(e.name, e.title) for e in exercises_of(module) if e.name.startswith(incomplete)]
    except (ModuleNotFound, CatalogError):
        return []


ModuleArg = Annotated[str, typer.Argument(help="Module: 7, 07, 07-supervised-learning or 'supervised'.",
                                          autocompletion=complete_module)]
ExerciseArg = Annotated[str, typer.Argument(help="Exercise name or number.", autocompletion=complete_exercise)]

#: Exit codes: 0 everything graded passes, 1 something does not, 2 the command was used wrongly.
EXIT_OK, EXIT_NOT_PASSED, EXIT_USAGE = 0, 1, 2


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def _module(query: str) -> Module:
    try:
        module = resolve(query)
    except ModuleNotFound as err:
        raise _fail(str(err)) from None
    if not module.available:
        raise _fail(f"{module.name} is not available yet: its exercises or hidden suite have not been written.")
    return module


def _is_learners_file(module: Module, file: Path) -> bool:
    try:
        return file.resolve() == module.exercises_file.resolve()
    except OSError:
        return False


def _import_in_background(name: str) -> None:
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=(name,), daemon=True).start()


def _record(module_result, *, complete: bool) -> str | None:
    """Store a check of the learner's own file; returns a warning instead of raising."""
    from grader.store import ProgressStore, StoreError

    try:
        ProgressStore().record(module_result, complete=complete)
    except StoreError as err:
        return f"Progress not saved: {err}"
    return None


@app.command("list")
def list_modules() -> None:
    """Every module with its focus, time and your status."""
    from grader.render import console, modules_view
    from grader.store import ProgressStore, StoreError

    try:
        progress = ProgressStore().progress()
    except StoreError as err:
        typer.secho(str(err), err=True, fg=typer.colors.YELLOW)
        progress = {}
    statuses = {}
    for module in MODULES:
        if not module.available:
            continue
        total = len(exercises_of(module))
        entry = progress.get(module.name)
        done = entry.passed if entry else 0
        colour = "green" if done == total else ("yellow" if done else "white")
        statuses[module.name] = f"[{colour}]{done}/{total} passed[/]"
    console().print(modules_view(statuses))


@app.command(short_help="Grade a module's exercises and record your progress.")
def check(
    module: Annotated[Optional[str], typer.Argument(help="Module: 7, 07, 07-supervised-learning or 'supervised'.",
                                                    autocompletion=complete_module)] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Grade this file instead of the module's exercises.py (not recorded).")] = None,
    exercise: Annotated[Optional[str], typer.Option("--exercise", "-e", help="Grade one exercise (name or number).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also show pytest's full output.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document instead of the table.")] = False,
    all_modules: Annotated[bool, typer.Option("--all", help="Grade every available module.")] = False,
) -> None:
    """Grade a module's exercises with its hidden tests and record your progress."""
    if all_modules:
        if module or file or exercise:
            raise _fail("--all grades every module's exercises.py; it takes no MODULE, --file or --exercise.")
        raise typer.Exit(_check_all(as_json))
    if module is None:
        raise _fail("Which module? e.g. 'mlm check 00' (or 'mlm check --all').")
    chosen = _module(module)
    target = file if file is not None else chosen.exercises_file
    if not target.is_file():
        raise _fail(f"No such file: {target}")
    only = None
    if exercise:
        try:
            only = [find_exercise(chosen, exercise).name]
        except LookupError as err:
            raise _fail(str(err)) from None

    from grader.runner import grade

    if not as_json:
        _import_in_background("grader.render")  # rich loads on the idle core while the child grades
    try:
        result = grade(chosen, target, only=only, verbose=verbose)
    except KeyboardInterrupt:
        raise _fail("Interrupted: nothing was recorded.", 130) from None
    warning = _record(result, complete=only is None) if _is_learners_file(chosen, target) else None

    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), indent=2) + "\n")
    else:
        from grader.render import console, results_view

        out = console()
        if verbose and result.output:
            out.rule("pytest output")
            out.print(result.output, markup=False, highlight=False)
            out.rule()
        first_open = next((e.name for e in result.exercises if e.status != "passed"), None)
        out.print(results_view(result, chosen, hint_for=first_open))
        if not _is_learners_file(chosen, target):
            out.print(f"[dim]Graded {target}; not recorded as your progress.[/]")
    if warning:
        typer.secho(warning, err=True, fg=typer.colors.YELLOW)
    raise typer.Exit(EXIT_OK if result.all_passed else EXIT_NOT_PASSED)


def _check_all(as_json: bool) -> int:
    from rich.progress import Progress

    from grader.render import console, status_text
    from grader.runner import grade

    modules = [m for m in MODULES if m.available]
    results, warnings = [], []
    out = console(stderr=as_json)
    with Progress(console=out, transient=True) as bar:
        task = bar.add_task("Grading", total=len(modules))
        for module in modules:
            bar.update(task, description=f"Grading {module.name}")
            result = grade(module, module.exercises_file)
            results.append((module, result))
            warnings.append(_record(result, complete=True))
            bar.advance(task)
    if as_json:
        sys.stdout.write(json.dumps([r.to_json() for _, r in results], indent=2) + "\n")
    else:
        from rich.table import Table

        table = Table(title="All modules", title_justify="left")
        for column in ("Module", "Passed", "Score", "Status"):
            table.add_column(column)
        for module, result in results:
            passed = sum(e.status == "passed" for e in result.exercises)
            table.add_row(module.name, f"{passed}/{len(result.exercises)}", f"{result.score:.0%}",
                          status_text("passed" if result.all_passed else "failed"))
        out.print(table)
    for warning in {w for w in warnings if w}:
        typer.secho(warning, err=True, fg=typer.colors.YELLOW)
    return EXIT_OK if all(r.all_passed for _, r in results) else EXIT_NOT_PASSED


@app.command(short_help="Grade again every time you save the file.")
def watch(
    module: ModuleArg,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Watch this file instead of the module's exercises.py (not recorded).")] = None,
) -> None:
    """Grade a module now and again every time you save the file (Ctrl-C to stop)."""
    import threading

    from rich.console import Group
    from rich.live import Live
    from rich.text import Text

    from grader.render import console, results_view
    from grader.watch import Watcher

    chosen = _module(module)
    target = file if file is not None else chosen.exercises_file
    if not target.is_file():
        raise _fail(f"No such file: {target}")
    own = _is_learners_file(chosen, target)
    out = console()
    stop = threading.Event()
    state = {"checks": 0, "warning": None}

    def footer(watcher: Watcher, seconds: float | None, grading: bool = False) -> Text:
        parts = [f"Watching {target} · save to re-grade · Ctrl-C to stop"]
        if grading:
            parts.append("grading…")
        elif seconds is not None:
            parts.append(f"check {state['checks']} answered in {seconds:.2f} s ({'warm' if watcher.last_was_warm else 'cold: the warm worker was still loading'})")
        if watcher.mode.polling:
            parts.append(f"polling every {Watcher.POLL_DELAY_MS / 1000:g} s: {watcher.mode.reason}")
        if state["warning"]:
            parts.append(state["warning"])
        return Text("\n".join(parts), style="dim")

    with Watcher(chosen, target) as watcher, Live(Text("Grading…"), console=out, auto_refresh=False) as live:
        last_view = Text("")

        def show(result, changed_at: float) -> None:
            nonlocal last_view
            import time

            state["checks"] += 1
            if own:
                state["warning"] = _record(result, complete=True)
            first_open = next((e.name for e in result.exercises if e.status != "passed"), None)
            last_view = results_view(result, chosen, hint_for=first_open)
            live.update(Group(last_view, footer(watcher, time.monotonic() - changed_at)), refresh=True)

        def grading() -> None:
            live.update(Group(last_view, footer(watcher, None, grading=True)), refresh=True)

        try:
            watcher.run(show, stop, on_grading=grading)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
    out.print("[dim]Stopped watching.[/]")


@app.command(short_help="Your progress in every module, and your streak.")
def progress(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document instead of the table.")] = False,
    export: Annotated[Optional[Path], typer.Option("--export", help="Write your whole history to this JSON file.")] = None,
    import_file: Annotated[Optional[Path], typer.Option("--import", help="Merge a history written by --export.")] = None,
) -> None:
    """Your progress in every module, grouped by phase, with your streak."""
    from grader.store import ProgressStore, StoreError, streak

    store = ProgressStore()
    try:
        if export is not None:
            export.write_text(json.dumps(store.export(), indent=1) + "\n", encoding="utf-8")
            typer.echo(f"Progress written to {export}. On the other machine: uv run mlm progress --import {export.name}")
            return
        if import_file is not None:
            try:
                added = store.import_(json.loads(import_file.read_text(encoding="utf-8")))
            except (OSError, ValueError) as err:  # json.JSONDecodeError is a ValueError
                raise _fail(f"Cannot import {import_file}: {err}") from None
            typer.echo(f"Imported {added} checks from {import_file}.")
            return
        recorded, days = store.progress(), store.active_days()
    except StoreError as err:
        raise _fail(str(err), EXIT_NOT_PASSED) from None
    totals: dict[str, int | None] = {}
    for module in MODULES:
        try:
            totals[module.name] = len(exercises_of(module)) if module.available else None
        except CatalogError:
            totals[module.name] = None
    from grader.render import progress_rows

    rows = progress_rows(recorded, totals)
    if as_json:
        available = [r for r in rows if r["available"]]
        document = {"modules": rows, "streak_days": streak(days),
                    "overall": {"passed": sum(r["passed"] for r in available),
                                "total": sum(r["total"] for r in available)}}
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
        return
    from grader.render import console, progress_view

    console().print(progress_view(rows, streak(days)))


@app.command()
def hint(module: ModuleArg, exercise: ExerciseArg) -> None:
    """Show the hints for an exercise, one more each time you ask."""
    from grader.store import ProgressStore, StoreError

    chosen = _module(module)
    try:
        target = find_exercise(chosen, exercise)
    except LookupError as err:
        raise _fail(str(err)) from None
    try:
        shown = ProgressStore().next_hint(chosen.name, target.name, len(target.hints))
    except StoreError as err:
        typer.secho(str(err), err=True, fg=typer.colors.YELLOW)
        shown = 1
    typer.secho(f"{chosen.name} · exercise {target.number}: {target.title}", bold=True)
    for number, text in enumerate(target.hints[:shown], start=1):
        typer.echo(f"  Hint {number}/{len(target.hints)}: {text}")
    if shown < len(target.hints):
        typer.secho(f"  (ask again for hint {shown + 1})", dim=True)


@app.command("next", short_help="Which exercise to do next.")
def next_exercise() -> None:
    """Which exercise to do next: the first one not passed, in curriculum order."""
    from grader.store import ProgressStore, StoreError

    store = ProgressStore()
    for module in MODULES:
        if not module.available:
            continue
        try:
            statuses = store.latest_statuses(module.name)
        except StoreError as err:
            raise _fail(str(err), EXIT_NOT_PASSED) from None
        for exercise in exercises_of(module):
            if statuses.get(exercise.name) != "passed":
                total = len(exercises_of(module))
                typer.secho(f"Next: {module.name} · exercise {exercise.number}/{total}: {exercise.name}", bold=True)
                typer.echo(f"  {exercise.title}")
                if not statuses:
                    typer.echo(f"  New module: start with {module.name}/README.md and theory.md.")
                typer.echo(f"  Edit {module.name}/exercises.py, then: uv run mlm watch {module.number:02d}")
                typer.echo(f"  (or once: uv run mlm check {module.number:02d} --exercise {exercise.name})")
                return
    typer.secho("Every exercise of every available module passes. Time for the problems.md sets!", fg=typer.colors.GREEN)


@app.command(short_help="Put an exercise back to its TODO stub (after a backup).")
def reset(
    module: ModuleArg,
    exercise: Annotated[Optional[str], typer.Argument(help="Exercise name or number (default: the whole file).",
                                                      autocompletion=complete_exercise)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Put an exercise (or the whole file) back to its TODO stub; your version is backed up first."""
    from grader.reset import ResetError, pristine_file, reset_exercise, reset_file

    chosen = _module(module)
    if not pristine_file(chosen).is_file():
        raise _fail(f"{chosen.name} has no pristine copy to reset from ({pristine_file(chosen)}).")
    target_name = None
    if exercise:
        try:
            target_name = find_exercise(chosen, exercise).name
        except LookupError as err:
            raise _fail(str(err)) from None
    what = f"exercise {target_name} in {chosen.exercises_file}" if target_name else chosen.exercises_file
    if not yes and not typer.confirm(f"Reset {what} to its original TODO stub? (a backup is kept)"):
        raise typer.Exit(EXIT_NOT_PASSED)
    try:
        if target_name:
            saved = reset_exercise(chosen, chosen.exercises_file, target_name)
        else:
            saved = reset_file(chosen, chosen.exercises_file)
    except ResetError as err:
        raise _fail(str(err), EXIT_NOT_PASSED) from None
    typer.secho(f"Reset {what}.", fg=typer.colors.GREEN)
    if saved:
        typer.echo(f"Your previous version is saved as {saved}")


@app.command(short_help="For authors and CI: check every module's suite.")
def verify(
    modules: Annotated[Optional[list[str]], typer.Argument(help="Modules to verify (default: all present).")] = None,
    sync_pristine: Annotated[bool, typer.Option("--sync-pristine", help="Authors: copy each exercises.py to the suite's pristine_exercises.py first.")] = False,
    strict: Annotated[Optional[bool], typer.Option("--strict/--no-strict", help="Also require exercises.py to equal its pristine copy (default: on when CI is set).")] = None,
) -> None:
    """For authors and CI: solutions pass, untouched exercises fail, files agree."""
    from grader.render import console
    from grader.verify import verify as run_verify

    chosen = [_module(m) for m in modules] if modules else None
    if sync_pristine:
        from grader.reset import sync_pristine as sync

        for module in chosen or [m for m in MODULES if m.available]:
            if sync(module):
                typer.echo(f"updated {module.suite_dir.name}/pristine_exercises.py")
    import os

    verdicts = run_verify(chosen, strict=bool(os.environ.get("CI")) if strict is None else strict)
    out = console()
    if not verdicts:
        raise _fail("No module is present to verify.")
    for verdict in verdicts:
        mark = "[green]ok[/]" if verdict.ok else "[red]FAIL[/]"
        out.print(f"{mark}  {verdict.module.name}  [dim]({verdict.seconds:.1f} s)[/]")
        for problem in verdict.problems:
            out.print(f"      {problem}", markup=False)
    bad = sum(not v.ok for v in verdicts)
    out.print(f"{len(verdicts) - bad}/{len(verdicts)} modules verified")
    raise typer.Exit(EXIT_OK if not bad else EXIT_NOT_PASSED)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
