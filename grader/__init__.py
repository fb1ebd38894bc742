"""The ``mlm`` grader. Kept import-free: ``mlm``'s entry point loads this before anything else."""
import os

#: The folder that holds this ``grader`` package (the checkout it runs from; unlike
#: ``grader.curriculum.REPO_ROOT``, never moved by ``MLM_ROOT``). Grading processes start here,
#: and the bytecode cache lives under it. A plain string: ``pathlib`` costs start-up time.
GRADER_HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
