"""The 19 modules of the curriculum and how a learner names one on the command line.

Standard library only: `mlm progress`, `mlm list` and `mlm --help` import this module and must
stay instant.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Repository root: the folder that holds the module folders and ``grader/``.
#: ``MLM_ROOT`` overrides it (tests point it at a scratch copy).
REPO_ROOT = Path(os.environ.get("MLM_ROOT") or Path(__file__).resolve().parent.parent)

#: Where the hidden suites live: one folder per module, named exactly like the module folder.
SUITES_DIR = Path(__file__).resolve().parent / "suites"

PHASES = ("Foundations", "Classical ML", "Deep Learning", "Engineering & Production")


@dataclass(frozen=True)
class Module:
    """One module folder of the curriculum, e.g. ``07-supervised-learning``."""

    number: int
    slug: str
    title: str
    phase: str
    focus: str
    time: str

    @property
    def name(self) -> str:
        """The folder name, ``NN-slug``."""
        return f"{self.number:02d}-{self.slug}"

    @property
    def folder(self) -> Path:
        return REPO_ROOT / self.name

    @property
    def suite_dir(self) -> Path:
        return SUITES_DIR / self.name

    @property
    def exercises_file(self) -> Path:
        return self.folder / "exercises.py"

    @property
    def solutions_file(self) -> Path:
        return self.folder / "solutions.py"

    @property
    def available(self) -> bool:
        """True once the module folder and its hidden suite both exist."""
        return self.exercises_file.is_file() and (self.suite_dir / "exercises.toml").is_file()


def _m(number: int, slug: str, title: str, phase: int, focus: str, time: str) -> Module:
    return Module(number, slug, title, PHASES[phase], focus, time)


MODULES: tuple[Module, ...] = (
    _m(0, "python-fundamentals", "Python Fundamentals", 0, "NumPy, pandas, visualization, vectorization", "1 week"),
    _m(1, "linear-algebra", "Linear Algebra", 0, "Vectors, matrices, eigenvalues, SVD", "3 days"),
    _m(2, "calculus", "Calculus", 0, "Derivatives, gradients, chain rule", "3 days"),
    _m(3, "probability", "Probability", 0, "Distributions, conditional probability, Bayes", "3 days"),
    _m(4, "statistics", "Statistics", 0, "Hypothesis testing, confidence intervals, MLE", "2 days"),
    _m(5, "optimization", "Optimization", 0, "Gradient descent, convex optimization", "2 days"),
    _m(6, "ml-foundations", "ML Foundations", 1, "Bias-variance, overfitting, regularization", "3 days"),
    _m(7, "supervised-learning", "Supervised Learning", 1, "Linear/logistic regression, decision trees, SVMs", "1 week"),
    _m(8, "unsupervised-learning", "Unsupervised Learning", 1, "K-means, PCA, DBSCAN, hierarchical clustering", "4 days"),
    _m(9, "feature-engineering", "Feature Engineering", 1, "Scaling, encoding, feature selection", "2 days"),
    _m(10, "model-evaluation", "Model Evaluation", 1, "Cross-validation, metrics, ROC curves", "2 days"),
    _m(11, "deep-learning", "Deep Learning", 2, "Neural network fundamentals, backpropagation", "4 days"),
    _m(12, "neural-networks-from-scratch", "Neural Networks from Scratch", 2, "Build everything with NumPy only", "5 days"),
    _m(13, "pytorch-masterclass", "PyTorch Masterclass", 2, "PyTorch essentials, training loops, GPU", "1 week"),
    _m(14, "nlp", "Natural Language Processing", 2, "Word embeddings, RNNs, Transformers, BERT", "1 week"),
    _m(15, "computer-vision", "Computer Vision", 2, "CNNs, ResNets, object detection, segmentation", "1 week"),
    _m(16, "mlops", "MLOps", 3, "Pipelines, versioning, monitoring, deployment", "1 week"),
    _m(17, "real-world-projects", "Real-World Projects", 3, "5 complete end-to-end projects", "1 week"),
    _m(18, "advanced-topics", "Advanced Topics", 3, "GANs, RL, AutoML, model interpretability", "Ongoing"),
)


class ModuleNotFound(LookupError):
    """The name given on the command line matches no module, or more than one."""

    def __init__(self, query: str, candidates: list[Module]):
        self.query = query
        self.candidates = candidates
        if candidates:
            names = ", ".join(m.name for m in candidates)
            text = f"'{query}' is ambiguous: it matches {names}. Use the module number, e.g. 'mlm check {candidates[0].number:02d}'."
        else:
            text = f"No module matches '{query}'. Use a number 00-18 or part of a name; 'mlm list' shows them all."
        super().__init__(text)


def resolve(query: str) -> Module:
    """Find the module a learner means by ``query``.

    Accepts ``7``, ``07``, ``07-supervised-learning``, ``supervised-learning`` or any part of a
    module's folder name or title that matches exactly one module (``supervised``, ``nlp``).

    Raises
    ------
    ModuleNotFound
        When nothing matches, or more than one module does; ``candidates`` lists the matches.
    """
    text = query.strip().lower()
    if text.isdigit():
        number = int(text)
        for module in MODULES:
            if module.number == number:
                return module
        raise ModuleNotFound(query, [])
    for module in MODULES:
        if text in (module.name, module.slug):
            return module
    # Prefer whole words, then word beginnings, then any substring: "supervised" means
    # 07-supervised-learning, not 08-unsupervised-learning, and "learn" stays ambiguous.
    def words(m: Module) -> list[str]:
        return m.slug.split("-") + m.title.lower().replace("&", " ").split()

    tiers = (
        lambda m: text in words(m),
        lambda m: any(w.startswith(text) for w in words(m)),
        lambda m: text in m.name or text in m.title.lower(),
    )
    matches: list[Module] = []
    for matches_tier in tiers:
        matches = [m for m in MODULES if text and matches_tier(m)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            break
    raise ModuleNotFound(query, matches)
