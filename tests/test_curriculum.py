"""Module names as a learner types them, and the exercise catalog."""
import pytest

from grader.catalog import CatalogError, exercises_of, find_exercise, read_catalog
from grader.curriculum import MODULES, ModuleNotFound, resolve
from tests.conftest import TOY


def test_nineteen_modules_in_order():
    assert [m.number for m in MODULES] == list(range(19))
    assert MODULES[0].name == "00-python-fundamentals"
    assert MODULES[18].name == "18-advanced-topics"
    assert {m.phase for m in MODULES} == {"Foundations", "Classical ML", "Deep Learning", "Engineering & Production"}


@pytest.mark.parametrize("query", ["7", "07", "007", "07-supervised-learning", "supervised-learning",
                                   "supervised", "SUPERVISED", " 07 "])
def test_resolve_accepts_every_spelling(query):
    assert resolve(query).name == "07-supervised-learning"


def test_resolve_by_title_word():
    assert resolve("pytorch").name == "13-pytorch-masterclass"
    assert resolve("nlp").number == 14


def test_unknown_module_has_no_candidates():
    with pytest.raises(ModuleNotFound) as err:
        resolve("quantum")
    assert err.value.candidates == []
    assert "mlm list" in str(err.value)


def test_number_out_of_range_is_unknown():
    with pytest.raises(ModuleNotFound):
        resolve("19")


def test_ambiguous_module_lists_candidates():
    with pytest.raises(ModuleNotFound) as err:
        resolve("learning")
    names = [m.name for m in err.value.candidates]
    assert "07-supervised-learning" in names and "08-unsupervised-learning" in names
    assert "ambiguous" in str(err.value)


def test_catalog_reads_order_points_and_limits():
    exercises = exercises_of(TOY)
    assert [e.name for e in exercises] == ["add", "mean", "shout"]
    assert [e.number for e in exercises] == [1, 2, 3]
    assert exercises[1].points == 2 and exercises[1].timeout == 2
    assert all(2 <= len(e.hints) <= 3 for e in exercises)


@pytest.mark.parametrize("query, name", [("add", "add"), ("2", "mean"), ("sho", "shout")])
def test_find_exercise(query, name):
    assert find_exercise(TOY, query).name == name


def test_find_exercise_unknown_lists_names():
    with pytest.raises(LookupError, match="add, mean, shout"):
        find_exercise(TOY, "divide")


@pytest.mark.parametrize("text, problem", [
    ("[[exercise]]\nname = 'a b'\nhints = ['x', 'y']\n", "identifier"),
    ("[[exercise]]\nname = 'a'\nhints = ['only one']\n", "2 or 3 hints"),
    ("[[exercise]]\nname = 'a'\nhints = ['x', 'y']\n[[exercise]]\nname = 'a'\nhints = ['x', 'y']\n", "twice"),
    ("not toml at all [", "not valid TOML"),
    ("", "no \\[\\[exercise\\]\\]"),
])
def test_malformed_catalog_is_an_authoring_error(tmp_path, text, problem):
    path = tmp_path / "exercises.toml"
    path.write_text(text)
    with pytest.raises(CatalogError, match=problem):
        read_catalog(path)
