"""The ``mlm`` console script. Kept tiny: see grader/prestart.py for why it starts a child first."""
from __future__ import annotations

import sys


def main() -> None:
    arguments = sys.argv[1:]
    if arguments[:1] == ["check"] and not {"--all", "--help"} & set(arguments):
        from grader import prestart
        from grader.limits import Limits, child_environment

        prestart.start(child_environment(Limits()))
    from grader.cli import app

    app()


if __name__ == "__main__":
    main()
