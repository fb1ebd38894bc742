"""The ``mlm`` console script. Kept tiny: see grader/prestart.py for why it starts a child first."""
from __future__ import annotations

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

    app()


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
