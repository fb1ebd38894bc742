"""``python -m grader`` is ``mlm``."""
from grader.cli import main

main()
