"""``python -m grader`` is ``mlm``."""
from grader.entry import main

main()
