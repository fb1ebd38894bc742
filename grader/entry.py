"""The ``mlm`` console script. Kept tiny: see grader/prestart.py for why it starts a child first."""
from __future__ import annotations

import os
import sys


def main() -> None:
    from grader.bytecode import keep_bytecode

    keep_bytecode()  # before the imports that would otherwise be compiled again on every run
    arguments = sys.argv[1:]
    if arguments[:1] == ["check"] and not {"--all", "--help"} & set(arguments):
        from grader import prestart
        from grader.limits import Limits, child_environment

        prestart.start(child_environment(Limits()))
        suite_dir = _suite_of(arguments[1:])  # after the start: the child is busy importing pytest
        if suite_dir:
            prestart.preload(suite_dir)
    from grader.cli import app

    if arguments[:1] and arguments[0] in _QUICK_EXIT:
        try:
            app()
        except SystemExit as done:
            _exit_now(done.code)
    app()


#: Commands after which the interpreter's teardown (about 30 ms with rich, Typer and the grader
#: loaded: every module's objects freed one by one) is skipped: what they write is closed before
#: they return, and the exit handlers still run. The two whose speed the learner feels most.
_QUICK_EXIT = {"check", "progress"}


def _exit_now(code: object) -> None:
    import atexit

    atexit._run_exitfuncs()
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe (`mlm check 00 | head`): nothing more can be written anyway
    os._exit(code or 0)


def _suite_of(arguments: list[str]) -> str | None:
    """The hidden suite that ``mlm check ARGUMENTS`` will run, when the module is plain to see.

    Only a head start: the check itself resolves the module again and reports any problem.
    """
    from grader.curriculum import ModuleNotFound, resolve

    words = iter(arguments)
    for word in words:
        if word in ("--file", "-f", "--exercise", "-e"):
            next(words, None)  # the option's value
        elif not word.startswith("-"):
            try:
                return str(resolve(word).suite_dir)
            except ModuleNotFound:
                return None
    return None


if __name__ == "__main__":
    main()
