"""grader.testing: the checks suite authors use, and the messages learners read."""
import types

import numpy as np
import pytest

from grader.testing import (
    ForbiddenCall,
    Mismatch,
    count_calls,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    forbid,
)


def test_expect_close_names_the_first_differing_element():
    with pytest.raises(Mismatch, match=r"1 of 4 values differ; first at index \(1, 0\): expected 3, got 3.5"):
        expect_close(np.array([[1, 2], [3.5, 4]]), [[1, 2], [3, 4]], "D")


@pytest.mark.parametrize("got, text", [
    (None, "did you forget to return"),
    (np.zeros(3), "expected shape (2, 2), got shape (3,)"),
    ("abc", "expected numbers, got str"),
    (np.array([[1.0, np.nan], [3, 4]]), "NaN where a number was expected"),
])
def test_expect_close_explains_each_kind_of_mismatch(got, text):
    with pytest.raises(Mismatch) as err:
        expect_close(got, [[1, 2], [3, 4]], "D")
    assert text in str(err.value) and str(err.value).startswith("D: ")


def test_expect_equal_shape_and_raises():
    expect_equal([1, 2], [1, 2], "x")
    with pytest.raises(Mismatch, match="expected 3, got 4"):
        expect_equal(4, 3, "x")
    with pytest.raises(Mismatch, match="expected an array of shape"):
        expect_shape([1, 2], (2,), "x")
    with pytest.raises(Mismatch, match="expected ValueError to be raised, but it returned 1"):
        expect_raises(ValueError, lambda: 1, "f()")
    with pytest.raises(NotImplementedError):  # a TODO stays "not started", never "failed"
        expect_raises(ValueError, lambda: (_ for _ in ()).throw(NotImplementedError()), "f()")


def test_forbid_blocks_functions_objects_and_the_learners_own_names():
    import numpy.linalg

    learner = types.SimpleNamespace(svd=numpy.linalg.svd)
    with forbid(learner, "numpy.linalg.svd", "scipy.stats.norm", reason="use power iteration"):
        with pytest.raises(ForbiddenCall, match="use power iteration: do not use numpy.linalg.svd"):
            np.linalg.svd(np.eye(2))
        with pytest.raises(ForbiddenCall):
            learner.svd(np.eye(2))  # bound by `from numpy.linalg import svd`
        import scipy.stats

        with pytest.raises(ForbiddenCall):
            scipy.stats.norm.cdf(0.0)
    assert np.linalg.svd(np.eye(2))[1].tolist() == [1.0, 1.0]  # restored
    assert learner.svd is numpy.linalg.svd


def test_count_calls():
    learner = types.SimpleNamespace()
    with count_calls(learner, "numpy.linalg.solve") as counter:
        np.linalg.solve(np.eye(2), np.ones(2))
        np.linalg.solve(np.eye(2), np.ones(2))
    assert counter["calls"] == 2
