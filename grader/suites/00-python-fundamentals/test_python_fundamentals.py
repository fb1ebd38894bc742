"""Hidden suite of module 00 - Python Fundamentals.

Every test grades one exercise of ``00-python-fundamentals/exercises.py`` through the ``learner``
fixture and explains a failure in the learner's terms. Time is faked where durations are
checked (``clock``) and ``time.sleep`` is recorded instead of slept (``sleeps``), so the suite is
deterministic and fast. Only NumPy and pandas are imported here; matplotlib is imported inside
the plotting tests.
"""
from __future__ import annotations

import itertools
import json
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from grader.testing import (
    expect,
    expect_close,
    expect_equal,
    expect_raises,
    expect_shape,
    expect_type,
    forbid,
    show,
)


# ---------------------------------------------------------------------------------------------
# Shared fixtures: a fake clock and a recording sleep
# ---------------------------------------------------------------------------------------------
class _FakeClock:
    """Stands in for time.perf_counter: returns ``now``, which only the test advances."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _patch_everywhere(monkeypatch: pytest.MonkeyPatch, learner, name: str, fake) -> None:
    """Replace time.<name> on the time module and wherever the learner's module bound it."""
    original = getattr(time, name)
    monkeypatch.setattr(time, name, fake)
    namespace = learner.namespace
    for key, value in list(vars(namespace).items()):
        if value is original:
            monkeypatch.setattr(namespace, key, fake)


@pytest.fixture
def clock(monkeypatch, learner) -> _FakeClock:
    fake = _FakeClock()
    _patch_everywhere(monkeypatch, learner, "perf_counter", fake)
    return fake


@pytest.fixture
def sleeps(monkeypatch, learner) -> list[float]:
    recorded: list[float] = []
    _patch_everywhere(monkeypatch, learner, "sleep", recorded.append)
    return recorded


def _records(caplog, logger_name: str, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == logger_name and r.levelno == level]


def _without(learner, targets: tuple[str, ...], reason: str, call: Callable[[], Any]) -> Any:
    """``call()`` with the library routines ``targets`` blocked (grader.testing.forbid).

    Only routines whose module is already imported are blocked, so that the suite never pays
    for importing scikit-learn or SciPy itself (seconds on a slow machine). A learner who
    imports one of them at the top of their file is covered; one who imports it inside the
    function is caught by the second call, made once the call has loaded the module.
    """
    def loaded() -> tuple[str, ...]:
        return tuple(t for t in targets if t.rpartition(".")[0] in sys.modules)

    blocked = loaded()
    with forbid(learner, *blocked, reason=reason):
        result = call()
    if loaded() != blocked:
        with forbid(learner, *loaded(), reason=reason):
            result = call()
    return result


# =============================================================================================
# 1. word_frequencies
# =============================================================================================
@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_docstring_example(learner):
    got = learner.word_frequencies("The cat and the hat. THE END!", top_k=3)
    expect_equal(got, [("the", 3), ("and", 1), ("cat", 1)],
                 'word_frequencies("The cat and the hat. THE END!", top_k=3)')


@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_ignores_case_and_punctuation(learner):
    got = learner.word_frequencies("Hello, hello! HELLO?... world")
    expect_equal(got, [("hello", 3), ("world", 1)],
                 'word_frequencies("Hello, hello! HELLO?... world") (case and punctuation ignored)')


@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_breaks_ties_alphabetically(learner):
    # First appearances are b, a, c: Counter.most_common would keep that order for the tie.
    got = learner.word_frequencies("b a c b a c d")
    expect_equal(got, [("a", 2), ("b", 2), ("c", 2), ("d", 1)],
                 'word_frequencies("b a c b a c d"): equal counts must be in alphabetical order')


@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_digits_are_word_characters(learner):
    got = learner.word_frequencies("route 66\nroute-66, don't")
    expect_equal(got, [("66", 2), ("route", 2), ("don", 1), ("t", 1)],
                 "word_frequencies(\"route 66\\nroute-66, don't\") (words are runs of a-z and 0-9)")


@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_empty_and_top_k_edges(learner):
    expect_equal(learner.word_frequencies(""), [], 'word_frequencies("")')
    expect_equal(learner.word_frequencies(" ... !? "), [], 'word_frequencies(" ... !? ") (no words)')
    expect_equal(learner.word_frequencies("a b a", top_k=0), [], 'word_frequencies("a b a", top_k=0)')
    expect_equal(learner.word_frequencies("a b a", top_k=10), [("a", 2), ("b", 1)],
                 'word_frequencies("a b a", top_k=10) (top_k larger than the vocabulary)')
    expect_raises(ValueError, lambda: learner.word_frequencies("a b", top_k=-1),
                  'word_frequencies("a b", top_k=-1)')


@pytest.mark.exercise("word_frequencies")
def test_word_frequencies_on_a_long_random_text(learner):
    rng = np.random.default_rng(0)
    vocab = ["alpha", "beta", "gamma", "delta", "x1", "y2", "zeta", "eta"]
    words = rng.choice(vocab, size=2000, p=[0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05])
    seps = rng.choice([" ", ", ", ". ", "\n", "; "], size=2000)
    text = "".join(w.upper() if i % 7 == 0 else w for i, w in enumerate(
        "".join(pair) for pair in zip(words, seps)))
    counts: dict[str, int] = {}
    for w in words:
        counts[str(w)] = counts.get(str(w), 0) + 1
    want = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    got = learner.word_frequencies(text)
    expect_equal(got, want, "word_frequencies of a 2000-word random text")
    expect_equal(learner.word_frequencies(text, top_k=3), want[:3], "word_frequencies(text, top_k=3)")


# =============================================================================================
# 2. RecordError
# =============================================================================================
@pytest.mark.exercise("RecordError")
def test_record_error_is_a_value_error(learner):
    expect(isinstance(learner.RecordError, type) and issubclass(learner.RecordError, ValueError),
           "RecordError must be a class that inherits from ValueError")
    try:
        raise learner.RecordError("age", "must be between 0 and 130", "-3")
    except ValueError as err:  # noqa: PERF203 - the point of the test
        expect(type(err) is learner.RecordError, "`except ValueError` should catch a RecordError")


@pytest.mark.exercise("RecordError")
def test_record_error_stores_its_arguments(learner):
    err = learner.RecordError("email", "must look like name@domain", "bob")
    expect_equal(getattr(err, "field", "<missing>"), "email", 'RecordError("email", ..., "bob").field')
    expect_equal(getattr(err, "problem", "<missing>"), "must look like name@domain",
                 'RecordError("email", "must look like name@domain", "bob").problem')
    expect_equal(getattr(err, "value", "<missing>"), "bob", 'RecordError("email", ..., "bob").value')
    err = learner.RecordError("id", "is required")
    expect(getattr(err, "value", "<missing>") is None,
           f'RecordError("id", "is required").value should default to None, got {show(getattr(err, "value", "<missing>"))}')


@pytest.mark.exercise("RecordError")
def test_record_error_message(learner):
    err = learner.RecordError("age", "must be between 0 and 130", "-3")
    expect_equal(str(err), "age: must be between 0 and 130 (got '-3')",
                 'str(RecordError("age", "must be between 0 and 130", "-3"))')
    expect_equal(str(learner.RecordError("id", "is required")), "id: is required (got None)",
                 'str(RecordError("id", "is required"))')
    expect_equal(str(learner.RecordError("n", "too big", 7)), "n: too big (got 7)",
                 'str(RecordError("n", "too big", 7)) (the value is shown with repr)')


# =============================================================================================
# 3. parse_record
# =============================================================================================
_GOOD = {"id": "7", "age": "42", "email": "ada@example.org", "score": "0.93"}


def _expect_record_error(learner, raw: dict, field: str) -> None:
    err = expect_raises(learner.RecordError, lambda: learner.parse_record(dict(raw)),
                        f"parse_record({raw!r})")
    expect_equal(getattr(err, "field", "<missing>"), field,
                 f"the field named by the RecordError for parse_record({raw!r})")


@pytest.mark.exercise("parse_record")
def test_parse_record_docstring_example(learner):
    got = learner.parse_record({"id": "7", "age": " 42 ", "email": "Ada@Example.org", "score": "0.93"})
    want = {"id": 7, "age": 42, "email": "ada@example.org", "score": 0.93}
    expect_equal(got, want, "parse_record of the docstring's valid record")
    expect(type(got["id"]) is int and type(got["age"]) is int,
           f"id and age must be converted to int, got {type(got['id']).__name__} and {type(got['age']).__name__}")
    expect(type(got["score"]) is float, f"score must be converted to float, got {type(got['score']).__name__}")


@pytest.mark.exercise("parse_record")
def test_parse_record_optional_score_and_whitespace(learner):
    raw = {"id": " 12 ", "age": "0", "email": "  Bob@Mail.COM "}
    expect_equal(learner.parse_record(raw), {"id": 12, "age": 0, "email": "bob@mail.com", "score": None},
                 f"parse_record({raw!r}) (score missing; values stripped)")
    raw = {"id": "1", "age": "130", "email": "a@b", "score": "   "}
    expect_equal(learner.parse_record(raw), {"id": 1, "age": 130, "email": "a@b", "score": None},
                 f"parse_record({raw!r}) (blank score; age 130 is allowed)")
    raw = {"id": "2", "age": "30", "email": "c@d.org", "score": "-1e-3"}
    expect_equal(learner.parse_record(raw)["score"], -0.001, f"parse_record({raw!r})['score']")


@pytest.mark.exercise("parse_record")
def test_parse_record_rejects_bad_ids(learner):
    for bad in ["0", "-1", "+3", "3.0", "1e3", "1_000", "abc"]:
        _expect_record_error(learner, {**_GOOD, "id": bad}, "id")
    _expect_record_error(learner, {"age": "42", "email": "ada@example.org"}, "id")
    _expect_record_error(learner, {**_GOOD, "id": "   "}, "id")


@pytest.mark.exercise("parse_record")
def test_parse_record_rejects_bad_ages(learner):
    for bad in ["131", "-3", "4.5", "forty", ""]:
        _expect_record_error(learner, {**_GOOD, "age": bad}, "age")
    raw = {"id": "7", "email": "ada@example.org"}
    err = expect_raises(learner.RecordError, lambda: learner.parse_record(dict(raw)), f"parse_record({raw!r})")
    expect_equal(getattr(err, "field", None), "age", f"the field named by the RecordError for parse_record({raw!r})")
    expect(getattr(err, "value", "<missing>") is None,
           f"a missing field is reported with value None, got {show(getattr(err, 'value', '<missing>'))}")
    raw = {**_GOOD, "age": " 131 "}
    err = expect_raises(learner.RecordError, lambda: learner.parse_record(dict(raw)), f"parse_record({raw!r})")
    expect_equal(getattr(err, "value", None), " 131 ",
                 "RecordError.value should be the raw value as received (before stripping)")


@pytest.mark.exercise("parse_record")
def test_parse_record_rejects_bad_emails_and_scores(learner):
    for bad in ["ada.example.org", "@example.org", "ada@", "a@b@c", " "]:
        _expect_record_error(learner, {**_GOOD, "email": bad}, "email")
    for bad in ["nan", "inf", "-inf", "high"]:
        _expect_record_error(learner, {**_GOOD, "score": bad}, "score")


@pytest.mark.exercise("parse_record")
def test_parse_record_unknown_fields_and_check_order(learner):
    _expect_record_error(learner, {**_GOOD, "nickname": "ada"}, "nickname")
    # Several problems at once: the first in the order id, age, email, score, unknown is raised.
    _expect_record_error(learner, {"nickname": "x", "score": "nan", "email": "bad", "age": "-1", "id": "x"}, "id")
    _expect_record_error(learner, {"nickname": "x", "score": "nan", "email": "bad", "age": "-1", "id": "5"}, "age")
    _expect_record_error(learner, {"nickname": "x", "score": "nan", "email": "bad", "age": "5", "id": "5"}, "email")
    _expect_record_error(learner, {"nickname": "x", "score": "nan", "email": "a@b", "age": "5", "id": "5"}, "score")


@pytest.mark.exercise("parse_record")
def test_parse_record_does_not_modify_its_input(learner):
    raw = {"id": " 7 ", "age": "42", "email": "Ada@Example.org"}
    before = dict(raw)
    learner.parse_record(raw)
    expect_equal(raw, before, "the dictionary passed to parse_record after the call (it must not change)")


# =============================================================================================
# 4. csv_to_jsonl
# =============================================================================================
def _read_jsonl(path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    expect(text == "" or text.endswith("\n"), "every line of the JSON Lines file must end with a newline")
    lines = text.split("\n")[:-1] if text else []
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            raise AssertionError(f"line {number} of the output is not valid JSON: {line[:80]!r}") from None
    return records


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_docstring_example(learner, tmp_path):
    src, dst = tmp_path / "people.csv", tmp_path / "people.jsonl"
    src.write_text('name,age,city\n"Smith, J",41,Paris\nLee,,Seoul\n', encoding="utf-8")
    count = learner.csv_to_jsonl(src, dst)
    expect_equal(count, 2, "the number returned by csv_to_jsonl for the docstring's file")
    records = _read_jsonl(dst)
    expect_equal(records, [{"name": "Smith, J", "age": 41, "city": "Paris"},
                           {"name": "Lee", "age": None, "city": "Seoul"}],
                 "the records written for the docstring's file (quoted comma, empty cell)")
    expect_equal(list(records[0]), ["name", "age", "city"], "the keys of the first record (header order)")


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_converts_cells(learner, tmp_path):
    src, dst = tmp_path / "cells.csv", tmp_path / "cells.jsonl"
    src.write_text("a,b,c,d,e,f,g,h\n7,-2,2.5,1e3,nan,inf,007,hello world\n", encoding="utf-8")
    expect_equal(learner.csv_to_jsonl(src, dst), 1, "csv_to_jsonl on a one-row file")
    (record,) = _read_jsonl(dst)
    want = {"a": 7, "b": -2, "c": 2.5, "d": 1000.0, "e": "nan", "f": "inf", "g": 7, "h": "hello world"}
    expect_equal(record, want, "the record for the row 7,-2,2.5,1e3,nan,inf,007,hello world")
    expect(type(record["a"]) is int and type(record["g"]) is int,
           "cells that int() accepts must be written as JSON integers (7, not 7.0 or \"7\")")
    expect(type(record["d"]) is float, "1e3 is not an int but float() accepts it: it should be 1000.0")


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_quotes_and_unicode(learner, tmp_path):
    src, dst = tmp_path / "q.csv", tmp_path / "q.jsonl"
    src.write_text('city,note\n"Kraków","He said ""hi"", twice"\n"Zoë","two\nlines"\n', encoding="utf-8")
    expect_equal(learner.csv_to_jsonl(str(src), str(dst)), 2,
                 "csv_to_jsonl with str paths on a file with quoted fields (one spans two lines)")
    expect_equal(_read_jsonl(dst), [{"city": "Kraków", "note": 'He said "hi", twice'},
                                    {"city": "Zoë", "note": "two\nlines"}],
                 "records with escaped quotes, a quoted newline and non-ASCII text (use the csv module)")


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_header_only_and_overwrite(learner, tmp_path):
    src, dst = tmp_path / "empty.csv", tmp_path / "out.jsonl"
    src.write_text("x,y\n", encoding="utf-8")
    dst.write_text('{"old": "junk"}\n', encoding="utf-8")
    expect_equal(learner.csv_to_jsonl(src, dst), 0, "csv_to_jsonl on a file with only a header")
    expect_equal(dst.read_text(encoding="utf-8"), "",
                 "the output for a header-only file (an existing destination must be replaced, not appended to)")


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_missing_source(learner, tmp_path):
    dst = tmp_path / "never.jsonl"
    expect_raises(FileNotFoundError, lambda: learner.csv_to_jsonl(tmp_path / "missing.csv", dst),
                  "csv_to_jsonl on a source file that does not exist")
    expect(not dst.exists(), "when the source does not exist, the destination file must not be created "
                             "(open the source first)")


@pytest.mark.exercise("csv_to_jsonl")
def test_csv_to_jsonl_many_rows(learner, tmp_path):
    rng = np.random.default_rng(1)
    ids = np.arange(500)
    values = rng.normal(size=500).round(4)
    src, dst = tmp_path / "big.csv", tmp_path / "big.jsonl"
    src.write_text("id,value,label\n" + "".join(f"{i},{v},{'pos' if v > 0 else 'neg'}\n"
                                               for i, v in zip(ids, values)), encoding="utf-8")
    expect_equal(learner.csv_to_jsonl(src, dst), 500, "csv_to_jsonl on a 500-row file")
    records = _read_jsonl(dst)
    expect_equal(len(records), 500, "the number of lines written for a 500-row file")
    expect_equal([r["id"] for r in records], ids.tolist(), "the id column, in file order")
    expect_close([r["value"] for r in records], values, "the value column")


# =============================================================================================
# 5. batched
# =============================================================================================
@pytest.mark.exercise("batched")
def test_batched_docstring_examples(learner):
    expect_equal(list(learner.batched(range(7), 3)), [[0, 1, 2], [3, 4, 5], [6]], "list(batched(range(7), 3))")
    expect_equal(list(learner.batched(range(7), 3, drop_last=True)), [[0, 1, 2], [3, 4, 5]],
                 "list(batched(range(7), 3, drop_last=True))")


@pytest.mark.exercise("batched")
def test_batched_edges(learner):
    expect_equal(list(learner.batched(range(6), 3)), [[0, 1, 2], [3, 4, 5]],
                 "list(batched(range(6), 3)) (an exact multiple: no empty batch at the end)")
    expect_equal(list(learner.batched([], 4)), [], "list(batched([], 4))")
    expect_equal(list(learner.batched("ab", 5)), [["a", "b"]], 'list(batched("ab", 5))')
    expect_equal(list(learner.batched("ab", 5, drop_last=True)), [], 'list(batched("ab", 5, drop_last=True))')
    expect_equal(list(learner.batched(range(3), 1)), [[0], [1], [2]], "list(batched(range(3), 1))")


@pytest.mark.exercise("batched")
def test_batched_yields_new_lists(learner):
    got = list(learner.batched(iter("abcdefg"), 2))
    expect_equal(got, [["a", "b"], ["c", "d"], ["e", "f"], ["g"]], 'list(batched(iter("abcdefg"), 2))')
    expect(all(type(b) is list for b in got), f"each batch must be a list, got {[type(b).__name__ for b in got]}")
    expect(len({id(b) for b in got}) == len(got), "each batch must be a new list object (do not reuse one list)")


@pytest.mark.exercise("batched")
def test_batched_is_lazy(learner):
    pulled = 0

    def source():
        nonlocal pulled
        for i in range(1_000_000):
            pulled += 1
            yield i

    batches = learner.batched(source(), 3)
    first = next(iter(batches))
    second = next(iter(batches))
    expect_equal([first, second], [[0, 1, 2], [3, 4, 5]], "the first two batches of batched(generator, 3)")
    expect(pulled <= 7, f"after two batches of 3, batched read {pulled} items from the source; a generator "
                        "reads only what it needs (no list(iterable), no len())")
    endless = learner.batched(itertools.count(), 4)
    expect_equal(list(itertools.islice(endless, 2)), [[0, 1, 2, 3], [4, 5, 6, 7]],
                 "the first two batches of batched(itertools.count(), 4)")


@pytest.mark.exercise("batched")
def test_batched_rejects_bad_batch_size(learner):
    expect_raises(ValueError, lambda: list(learner.batched(range(5), 0)), "list(batched(range(5), 0))")
    expect_raises(ValueError, lambda: list(learner.batched(range(5), -2)), "list(batched(range(5), -2))")


# =============================================================================================
# 6. timed
# =============================================================================================
@pytest.mark.exercise("timed")
def test_timed_returns_the_result_and_passes_arguments(learner):
    def power(base, exponent=2, *, offset=0):
        return base ** exponent + offset

    wrapped = learner.timed(power)
    expect(callable(wrapped), f"timed(func) must return a callable, got {show(wrapped)}")
    expect_equal(wrapped(3), 9, "timed(power)(3)")
    expect_equal(wrapped(2, 5, offset=1), 33, "timed(power)(2, 5, offset=1)")


@pytest.mark.exercise("timed")
def test_timed_records_each_duration(learner, clock):
    durations = iter([2.5, 0.75, 4.0])

    def work():
        clock.advance(next(durations))
        return "done"

    wrapped = learner.timed(work)
    expect_equal(getattr(wrapped, "timings", None), [], "wrapper.timings before any call")
    for _ in range(3):
        wrapped()
    expect_close(getattr(wrapped, "timings", None), [2.5, 0.75, 4.0],
                 "wrapper.timings after three calls taking 2.5 s, 0.75 s and 4 s "
                 "(measured with time.perf_counter, end minus start)")


@pytest.mark.exercise("timed")
def test_timed_records_failed_calls_and_reraises(learner, clock):
    def broken():
        clock.advance(1.25)
        raise KeyError("missing")

    wrapped = learner.timed(broken)
    expect_raises(KeyError, wrapped, "calling a timed function that raises KeyError")
    expect_close(getattr(wrapped, "timings", None), [1.25],
                 "wrapper.timings after a call that took 1.25 s and raised (use try/finally)")


@pytest.mark.exercise("timed")
def test_timed_keeps_metadata_and_separate_histories(learner, clock):
    def first():
        """First doc."""

    def second():
        pass

    a, b = learner.timed(first), learner.timed(second)
    expect_equal(getattr(a, "__name__", None), "first", "timed(first).__name__ (use functools.wraps)")
    expect_equal(getattr(a, "__doc__", None), "First doc.", "timed(first).__doc__ (use functools.wraps)")
    a()
    a()
    b()
    expect_equal((len(a.timings), len(b.timings)), (2, 1),
                 "(len(a.timings), len(b.timings)) after 2 calls of a and 1 of b: each wrapper needs its own list")


# =============================================================================================
# 7. Timer
# =============================================================================================
@pytest.mark.exercise("Timer")
def test_timer_enter_returns_itself(learner, clock):
    timer = learner.Timer("load data")
    expect_equal(getattr(timer, "name", None), "load data", 'Timer("load data").name')
    expect(getattr(timer, "elapsed", "<missing>") is None,
           f"Timer().elapsed before any block should be None, got {show(getattr(timer, 'elapsed', '<missing>'))}")
    expect_equal(getattr(learner.Timer(), "name", None), "block", "Timer().name (the default)")
    with timer as bound:
        pass
    expect(bound is timer, f"`with Timer() as t` must bind t to the Timer itself, got {show(bound)}")


@pytest.mark.exercise("Timer")
def test_timer_measures_the_block(learner, clock):
    with learner.Timer() as t:
        clock.advance(3.5)
    expect_close(t.elapsed, 3.5, "Timer.elapsed after a block taking 3.5 s (time.perf_counter, end minus start)")
    with t:
        clock.advance(0.25)
    expect_close(t.elapsed, 0.25, "Timer.elapsed after reusing the timer for a 0.25 s block (overwrite, do not add)")


@pytest.mark.exercise("Timer")
def test_timer_does_not_swallow_exceptions(learner, clock):
    timer = learner.Timer("failing")

    def run_failing_block():
        with timer:
            clock.advance(0.5)
            raise ZeroDivisionError("boom")

    expect_raises(ZeroDivisionError, run_failing_block,
                  "a ZeroDivisionError raised inside `with Timer():` (__exit__ must not return True)")
    expect_close(timer.elapsed, 0.5, "Timer.elapsed after a 0.5 s block that raised")


@pytest.mark.exercise("Timer")
def test_timer_logs_when_given_a_logger(learner, clock, caplog):
    logger = logging.getLogger("mlm.suite.timer")
    caplog.set_level(logging.INFO, logger="mlm.suite.timer")
    with learner.Timer("load data", logger=logger):
        clock.advance(1.25)
    records = _records(caplog, "mlm.suite.timer", logging.INFO)
    expect_equal(len(records), 1, "number of INFO messages logged by Timer(logger=...) for one block")
    message = records[0].getMessage()
    expect("load data" in message and "1.250" in message,
           f"the log message should contain the name and the seconds with 3 decimals (1.250), got {message!r}")
    caplog.clear()
    with learner.Timer("quiet"):
        clock.advance(1.0)
    expect_equal(len(caplog.records), 0, "messages logged by a Timer without a logger")


# =============================================================================================
# 8. retry
# =============================================================================================
def _flaky(failures: int, exc_type: type[BaseException] = ConnectionError):
    """A function that raises ``failures`` times, then returns "ok"; ``calls`` counts calls."""
    state = {"calls": 0, "raised": []}

    def fetch(*args, **kwargs):
        """Fetch something."""
        state["calls"] += 1
        if state["calls"] <= failures:
            err = exc_type(f"failure {state['calls']}")
            state["raised"].append(err)
            raise err
        return ("ok", args, kwargs)

    return fetch, state


@pytest.mark.exercise("retry")
def test_retry_succeeds_after_failures(learner, sleeps):
    fetch, state = _flaky(2)
    wrapped = learner.retry(times=3, exceptions=(ConnectionError,))(fetch)
    expect_equal(wrapped(1, key="v"), ("ok", (1,), {"key": "v"}),
                 "retry(times=3) on a function that fails twice, called with (1, key='v')")
    expect_equal(state["calls"], 3, "number of calls made by retry(times=3) when the 3rd attempt succeeds")
    sleeps.clear()
    fetch, state = _flaky(0)
    learner.retry(times=3, delay=1.0)(fetch)()
    expect_equal((state["calls"], len(sleeps)), (1, 0), "(calls, sleeps) when the first attempt succeeds")


@pytest.mark.exercise("retry")
def test_retry_gives_up_after_times_attempts(learner, sleeps):
    fetch, state = _flaky(10)
    wrapped = learner.retry(times=4, exceptions=(ConnectionError,))(fetch)
    err = expect_raises(ConnectionError, wrapped, "retry(times=4) on a function that always fails")
    expect_equal(state["calls"], 4, "number of calls made by retry(times=4) when every attempt fails")
    expect(err is state["raised"][-1],
           "retry raised a new exception object: it must re-raise the very exception the last attempt "
           "raised (a bare `raise` inside the except block), so the original traceback is kept")
    fetch, state = _flaky(10)
    expect_raises(ConnectionError, learner.retry(times=1)(fetch), "retry(times=1) on a failing function")
    expect_equal(state["calls"], 1, "number of calls made by retry(times=1)")


@pytest.mark.exercise("retry")
def test_retry_only_retries_listed_exceptions(learner, sleeps):
    fetch, state = _flaky(1, exc_type=KeyError)
    wrapped = learner.retry(times=5, exceptions=(ConnectionError, TimeoutError), delay=1.0)(fetch)
    expect_raises(KeyError, wrapped, "retry(exceptions=(ConnectionError, TimeoutError)) on a KeyError")
    expect_equal((state["calls"], sleeps), (1, []),
                 "(calls, sleeps) for an exception that is not in `exceptions` (no retry)")
    fetch, state = _flaky(2, exc_type=TimeoutError)
    learner.retry(times=3, exceptions=(ConnectionError, TimeoutError))(fetch)()
    expect_equal(state["calls"], 3, "calls for a TimeoutError listed in `exceptions` (it is retried)")
    fetch, state = _flaky(1, exc_type=ValueError)
    learner.retry(times=2)(fetch)()
    expect_equal(state["calls"], 2, "calls with the default exceptions=(Exception,) on a ValueError")


@pytest.mark.exercise("retry")
def test_retry_sleeps_with_exponential_backoff(learner, sleeps):
    fetch, _ = _flaky(10)
    wrapped = learner.retry(times=4, delay=0.1, backoff=2.0)(fetch)
    expect_raises(ConnectionError, wrapped, "retry(times=4, delay=0.1, backoff=2.0) on a failing function")
    expect_close(sleeps, [0.1, 0.2, 0.4],
                 "the time.sleep calls of retry(times=4, delay=0.1, backoff=2.0) when every attempt fails "
                 "(no sleep after the last attempt)")
    sleeps.clear()
    fetch, _ = _flaky(2)
    learner.retry(times=5, delay=0.5)(fetch)()
    expect_close(sleeps, [0.5, 0.5], "the time.sleep calls of retry(times=5, delay=0.5) when the 3rd attempt succeeds")


@pytest.mark.exercise("retry")
def test_retry_logs_a_warning_per_retry(learner, sleeps, caplog):
    logger = logging.getLogger("mlm.suite.retry")
    caplog.set_level(logging.WARNING, logger="mlm.suite.retry")
    fetch, _ = _flaky(2)
    learner.retry(times=3, logger=logger)(fetch)()
    expect_equal(len(_records(caplog, "mlm.suite.retry", logging.WARNING)), 2,
                 "WARNING messages logged when the 3rd of 3 attempts succeeds")
    caplog.clear()
    fetch, _ = _flaky(10)
    expect_raises(ConnectionError, learner.retry(times=3, logger=logger)(fetch), "retry(times=3) that always fails")
    expect_equal(len(_records(caplog, "mlm.suite.retry", logging.WARNING)), 2,
                 "WARNING messages logged when all 3 attempts fail (none after the last attempt)")


@pytest.mark.exercise("retry")
def test_retry_validates_and_keeps_metadata(learner, sleeps):
    expect_raises(ValueError, lambda: learner.retry(times=0), "retry(times=0) (raised before decorating anything)")
    fetch, _ = _flaky(0)
    wrapped = learner.retry()(fetch)
    expect_equal(getattr(wrapped, "__name__", None), "fetch", "retry()(fetch).__name__ (use functools.wraps)")
    expect_equal(getattr(wrapped, "__doc__", None), "Fetch something.", "retry()(fetch).__doc__")


# =============================================================================================
# 9. standardize
# =============================================================================================
def _zscore(train: np.ndarray, test: np.ndarray, ddof: int = 0) -> tuple[np.ndarray, np.ndarray]:
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=ddof)
    std = np.where(std == 0, 1.0, std)
    return (train - mean) / std, (test - mean) / std


def _call_standardize(learner, train, test):
    result = _without(learner, ("sklearn.preprocessing.StandardScaler", "sklearn.preprocessing.scale"),
                      "standardise with NumPy broadcasting", lambda: learner.standardize(train, test))
    expect(isinstance(result, tuple) and len(result) == 2,
           f"standardize must return a tuple (train_z, test_z), got {show(result)}")
    return result


@pytest.mark.exercise("standardize")
def test_standardize_docstring_example(learner):
    train_z, test_z = _call_standardize(learner, np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[5.0, 6.0]]))
    expect_close(train_z, [[-1.0, 0.0], [1.0, 0.0]], "train_z for the docstring example")
    expect_close(test_z, [[3.0, 1.0]], "test_z for the docstring example")


@pytest.mark.exercise("standardize")
def test_standardize_matches_the_formula(learner):
    rng = np.random.default_rng(2)
    scales = np.array([1.0, 10.0, 0.1, 1000.0, 3.0])
    train = rng.normal(size=(40, 5)) * scales + np.arange(5)
    test = rng.normal(size=(7, 5)) * scales
    want_train, want_test = _zscore(train, test)
    train_z, test_z = _call_standardize(learner, train, test)
    expect_shape(train_z, (40, 5), "train_z for train of shape (40, 5)")
    expect_shape(test_z, (7, 5), "test_z for test of shape (7, 5)")
    expect_close(train_z.mean(axis=0), np.zeros(5), "the column means of train_z", atol=1e-10)
    expect_close(train_z.std(axis=0), np.ones(5), "the column standard deviations (ddof=0) of train_z",
                 rtol=1e-9)
    expect_close(train_z, want_train, "train_z (z-scores per column)", rtol=1e-9, atol=1e-12)
    expect_close(test_z, want_test, "test_z (test scaled by train's mean and std)", rtol=1e-9, atol=1e-12)


@pytest.mark.exercise("standardize")
def test_standardize_uses_population_std(learner):
    train = np.array([[1.0, 2.0], [2.0, 4.0], [4.0, 8.0], [5.0, 6.0]])
    test = np.array([[3.0, 5.0]])
    train_z, _ = _call_standardize(learner, train, test)
    want, _ = _zscore(train, test)
    sample, _ = _zscore(train, test, ddof=1)
    if np.allclose(train_z, sample):
        raise AssertionError("train_z was divided by the sample std (ddof=1); the exercise asks for the "
                             "population std (ddof=0, NumPy's default)")
    expect_close(train_z, want, "train_z for a 4-row train set", rtol=1e-9)


@pytest.mark.exercise("standardize")
def test_standardize_does_not_leak_test_statistics(learner):
    rng = np.random.default_rng(3)
    train = rng.normal(0.0, 1.0, size=(30, 3))
    test = rng.normal(10.0, 5.0, size=(30, 3))  # shifted: its own z-scores would look very different
    _, test_z = _call_standardize(learner, train, test)
    _, want = _zscore(train, test)
    own = (test - test.mean(axis=0)) / test.std(axis=0)
    if np.allclose(test_z, own):
        raise AssertionError("test_z was standardised with the test set's own mean and std: that leaks test "
                             "information; use the statistics of train for both")
    pooled = np.vstack([train, test])
    if np.allclose(test_z, (test - pooled.mean(axis=0)) / pooled.std(axis=0)):
        raise AssertionError("the statistics were computed on train and test together: that leaks test "
                             "information; use train only")
    expect_close(test_z, want, "test_z for a test set shifted to mean 10", rtol=1e-9)


@pytest.mark.exercise("standardize")
def test_standardize_constant_columns_ints_and_inputs(learner):
    train = np.array([[1, 7], [3, 7], [5, 7]])  # integers; second column constant
    test = np.array([[2, 9], [4, 7]])
    train_copy, test_copy = train.copy(), test.copy()
    train_z, test_z = _call_standardize(learner, train, test)
    expect_equal(getattr(train_z, "dtype", None), np.float64, "train_z.dtype for integer input")
    expect_equal(getattr(test_z, "dtype", None), np.float64, "test_z.dtype for integer input")
    s = np.sqrt(8 / 3)
    expect_close(train_z, [[-2 / s, 0.0], [0.0, 0.0], [2 / s, 0.0]],
                 "train_z with a constant column (it becomes 0, not NaN)")
    expect_close(test_z, [[-1 / s, 2.0], [1 / s, 0.0]], "test_z with a constant train column (divided by 1)")
    expect(np.array_equal(train, train_copy) and np.array_equal(test, test_copy),
           "standardize modified its input arrays; return new arrays instead")
    one_z, _ = _call_standardize(learner, np.array([[2.0, -1.0, 4.0]]), np.array([[3.0, 3.0, 3.0]]))
    expect_close(one_z, [[0.0, 0.0, 0.0]], "train_z for a single training row")


@pytest.mark.exercise("standardize")
def test_standardize_shapes_and_errors(learner):
    rng = np.random.default_rng(4)
    train_z, test_z = _call_standardize(learner, rng.normal(size=(6, 3)), np.empty((0, 3)))
    expect_shape(train_z, (6, 3), "train_z for train of shape (6, 3)")
    expect_shape(test_z, (0, 3), "test_z for an empty test set of shape (0, 3)")
    expect_raises(ValueError, lambda: learner.standardize(rng.normal(size=(5, 3)), rng.normal(size=(2, 4))),
                  "standardize(train of shape (5, 3), test of shape (2, 4))")
    expect_raises(ValueError, lambda: learner.standardize(np.empty((0, 3)), rng.normal(size=(2, 3))),
                  "standardize(train with no rows, ...)")


# =============================================================================================
# 10. pairwise_distances
# =============================================================================================
_FORBIDDEN_DISTANCES = (
    "scipy.spatial.distance.cdist",
    "scipy.spatial.distance.pdist",
    "scipy.spatial.distance_matrix",
    "sklearn.metrics.pairwise_distances",
    "sklearn.metrics.pairwise.pairwise_distances",
    "sklearn.metrics.pairwise.euclidean_distances",
)


def _distances(learner, X, Y=None):
    return _without(learner, _FORBIDDEN_DISTANCES, "vectorise the distances yourself with NumPy",
                    lambda: learner.pairwise_distances(X) if Y is None else learner.pairwise_distances(X, Y))


def _reference_distances(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    return np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(axis=-1))


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_docstring_example(learner):
    got = _distances(learner, np.array([[0.0, 0.0], [3.0, 4.0]]))
    expect_close(got, [[0.0, 5.0], [5.0, 0.0]], "pairwise_distances([[0, 0], [3, 4]])", atol=1e-7)


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_matches_the_definition(learner):
    rng = np.random.default_rng(5)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(4, 3))
    got = _distances(learner, X, Y)
    expect_shape(got, (5, 4), "pairwise_distances(X, Y) for X of shape (5, 3) and Y of shape (4, 3)")
    want = _reference_distances(X, Y)
    if np.allclose(got, want**2, atol=1e-8):
        raise AssertionError("pairwise_distances returned squared distances: take the square root")
    expect_close(got, want, "pairwise_distances(X, Y) for random X (5, 3), Y (4, 3)", atol=1e-7)


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_within_one_set(learner):
    rng = np.random.default_rng(6)
    X = rng.normal(size=(7, 4)) * 3
    got = _distances(learner, X)
    expect_shape(got, (7, 7), "pairwise_distances(X) for X of shape (7, 4)")
    expect_close(np.diag(got), np.zeros(7), "the diagonal of pairwise_distances(X)", atol=1e-6)
    expect_close(got, got.T, "pairwise_distances(X) should be symmetric", atol=1e-9)
    expect_close(got, _reference_distances(X, X), "pairwise_distances(X) for random X (7, 4)", atol=1e-6)


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_never_nan_for_near_duplicates(learner):
    # Identical points far from the origin: ||x||^2 - 2 x.y + ||y||^2 cancels catastrophically and
    # can come out slightly negative; the square root of that is NaN unless it is clipped at 0.
    rng = np.random.default_rng(0)
    base = rng.normal(size=(5, 3)) * 1e3 + 1e4
    X = np.vstack([base, base])
    got = _distances(learner, X)
    expect(not np.isnan(got).any(),
           "pairwise_distances returned NaN for identical points far from the origin: rounding made a "
           "squared distance slightly negative; clip it at 0 before the square root")
    expect(bool((got >= 0).all()), "pairwise_distances must be non-negative")
    expect_close(got, _reference_distances(X, X), "pairwise_distances for duplicated points near 1e4",
                 atol=1e-3)


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_small_and_empty_inputs(learner):
    got = _distances(learner, np.array([[1.0, 2.0, 2.0]]), np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]]))
    expect_close(got, [[3.0, 0.0]], "pairwise_distances of one point against two", atol=1e-7)
    got = _distances(learner, np.array([[1], [4], [6]]), np.array([[2]]))
    expect_close(got, [[1.0], [2.0], [4.0]], "pairwise_distances of 1-D points [[1], [4], [6]] against [[2]]",
                 atol=1e-7)
    expect_equal(getattr(got, "dtype", None), np.float64, "the dtype of pairwise_distances for integer input")
    got = _distances(learner, np.empty((0, 3)), np.ones((4, 3)))
    expect_shape(got, (0, 4), "pairwise_distances(X of shape (0, 3), Y of shape (4, 3))")
    expect_raises(ValueError, lambda: learner.pairwise_distances(np.ones((2, 3)), np.ones((2, 2))),
                  "pairwise_distances(X with 3 columns, Y with 2 columns)")


@pytest.mark.exercise("pairwise_distances")
def test_pairwise_distances_is_vectorised(learner):
    rng = np.random.default_rng(7)
    X, Y = rng.normal(size=(1000, 8)), rng.normal(size=(1000, 8))
    start = time.process_time()  # CPU time: a busy machine does not make a vectorised answer fail
    got = _distances(learner, X, Y)
    seconds = time.process_time() - start
    expect_shape(got, (1000, 1000), "pairwise_distances for 1000 x 1000 points")
    expect(seconds < 1.0, f"pairwise_distances took {seconds:.2f} s for 1000 x 1000 points in 8-D; a vectorised "
                          "version takes about 0.02 s. Replace Python loops with array operations")
    expect_close(got[:5, :5], _reference_distances(X[:5], Y[:5]), "the first 5 x 5 distances", atol=1e-7)


# =============================================================================================
# 11. plot_training_curves
# =============================================================================================
@pytest.fixture
def mpl():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    yield Figure
    plt.close("all")


def _figure_axes(learner, Figure, train, val, **kwargs):
    fig = learner.plot_training_curves(train, val, **kwargs)
    expect_type(fig, Figure, "plot_training_curves(...) must return a matplotlib Figure")
    expect_equal(len(fig.axes), 1, "the number of Axes in the figure")
    return fig.axes[0]


def _line(ax, label: str):
    found = [line for line in ax.get_lines() if line.get_label() == label]
    labels = [line.get_label() for line in ax.get_lines()]
    expect(len(found) == 1, f"expected one line labelled {label!r}, found the lines {labels}")
    return found[0]


@pytest.mark.exercise("plot_training_curves")
def test_plot_training_curves_draws_both_losses(learner, mpl):
    train, val = [1.0, 0.6, 0.45, 0.4, 0.38], [1.1, 0.7, 0.6, 0.62, 0.66]
    ax = _figure_axes(learner, mpl, train, val)
    for label, values in (("train", train), ("validation", val)):
        line = _line(ax, label)
        expect_close(np.asarray(line.get_xdata(), dtype=float), [1, 2, 3, 4, 5],
                     f"the x data of the {label!r} line (epochs start at 1)")
        expect_close(np.asarray(line.get_ydata(), dtype=float), values, f"the y data of the {label!r} line")


@pytest.mark.exercise("plot_training_curves")
def test_plot_training_curves_marks_the_best_epoch(learner, mpl):
    ax = _figure_axes(learner, mpl, [1.0, 0.6, 0.45, 0.4, 0.38], [1.1, 0.7, 0.6, 0.62, 0.66])
    best = _line(ax, "best epoch (3)")
    expect_close(np.asarray(best.get_xdata(), dtype=float), [3, 3],
                 "the x data of the vertical best-epoch line (ax.axvline at epoch 3, counted from 1)")
    ax = _figure_axes(learner, mpl, [0.9, 0.8, 0.7, 0.6], [0.5, 0.4, 0.4, 0.6])  # a tie: the earliest wins
    best = _line(ax, "best epoch (2)")
    expect_close(np.asarray(best.get_xdata(), dtype=float), [2, 2],
                 "the best-epoch line when epochs 2 and 3 tie (take the earliest)")
    ax = _figure_axes(learner, mpl, [0.3], [0.2])
    _line(ax, "best epoch (1)")


@pytest.mark.exercise("plot_training_curves")
def test_plot_training_curves_labels_title_and_legend(learner, mpl):
    ax = _figure_axes(learner, mpl, [1.0, 0.5], [1.2, 0.9])
    expect_equal(ax.get_xlabel(), "epoch", "the x-axis label")
    expect_equal(ax.get_ylabel(), "loss", "the y-axis label")
    expect_equal(ax.get_title(), "Training curves", "the title with the default argument")
    legend = ax.get_legend()
    expect(legend is not None, "the Axes has no legend: call ax.legend()")
    texts = [t.get_text() for t in legend.get_texts()]
    expect("train" in texts and "validation" in texts, f"the legend should list train and validation, got {texts}")
    ax = _figure_axes(learner, mpl, [1.0, 0.5], [1.2, 0.9], title="MLP on digits")
    expect_equal(ax.get_title(), "MLP on digits", "the title when title='MLP on digits'")


@pytest.mark.exercise("plot_training_curves")
def test_plot_training_curves_rejects_bad_input(learner, mpl):
    expect_raises(ValueError, lambda: learner.plot_training_curves([1.0, 0.5, 0.4], [1.0, 0.6]),
                  "plot_training_curves with 3 training losses and 2 validation losses")
    expect_raises(ValueError, lambda: learner.plot_training_curves([], []), "plot_training_curves([], [])")


# =============================================================================================
# 12. join_user_features
# =============================================================================================
def _expect_frame(got, want: pd.DataFrame, what: str) -> None:
    expect_type(got, pd.DataFrame, what)
    expect_equal(list(got.columns), list(want.columns), f"the columns of {what}")
    expect_equal(len(got), len(want), f"the number of rows of {what}")
    expect_equal(list(got.index), list(want.index), f"the index of {what}")
    for column in want.columns:
        have, need = got[column], want[column]
        if pd.api.types.is_numeric_dtype(need) and not pd.api.types.is_bool_dtype(need):
            expect_close(have.to_numpy(dtype=float, na_value=np.nan), need.to_numpy(dtype=float, na_value=np.nan),
                         f"column {column!r} of {what}")
        else:
            have_list = [None if (not isinstance(v, (list, tuple)) and pd.isna(v)) else v for v in have.tolist()]
            need_list = [None if (not isinstance(v, (list, tuple)) and pd.isna(v)) else v for v in need.tolist()]
            expect_equal(have_list, need_list, f"column {column!r} of {what} (None stands for NaN)")


@pytest.mark.exercise("join_user_features")
def test_join_user_features_docstring_example(learner):
    events = pd.DataFrame({"user_id": [1, 2, 9], "amount": [10.0, 5.5, 3.0]})
    users = pd.DataFrame({"user_id": [1, 2], "plan": ["pro", "free"]})
    got = learner.join_user_features(events, users)
    want = pd.DataFrame({"user_id": [1, 2, 9], "amount": [10.0, 5.5, 3.0], "plan": ["pro", "free", np.nan],
                         "known_user": [True, True, False]})
    _expect_frame(got, want, "join_user_features of the docstring example")
    expect(pd.api.types.is_bool_dtype(got["known_user"]),
           f"the known_user column must have a boolean dtype, got {got['known_user'].dtype}")


@pytest.mark.exercise("join_user_features")
def test_join_user_features_keeps_every_event_in_order(learner):
    events = pd.DataFrame({"user_id": [3, 1, 7, 1, 3, 2], "item": list("abcdef")},
                          index=[50, 40, 30, 20, 10, 0])
    users = pd.DataFrame({"user_id": [1, 2, 3], "country": ["FR", "JP", "BR"], "age": [31, 45, 22]})
    got = learner.join_user_features(events, users)
    want = pd.DataFrame({"user_id": [3, 1, 7, 1, 3, 2], "item": list("abcdef"),
                         "country": ["BR", "FR", np.nan, "FR", "BR", "JP"],
                         "age": [22.0, 31.0, np.nan, 31.0, 22.0, 45.0],
                         "known_user": [True, True, False, True, True, True]})
    _expect_frame(got, want, "join_user_features (events in their original order, unknown user 7 kept, "
                             "fresh index 0..5)")


@pytest.mark.exercise("join_user_features")
def test_join_user_features_rejects_duplicate_users(learner):
    events = pd.DataFrame({"user_id": [1, 2], "amount": [1.0, 2.0]})
    users = pd.DataFrame({"user_id": [1, 1, 2], "plan": ["pro", "free", "free"]})
    expect_raises(ValueError, lambda: learner.join_user_features(events, users),
                  "join_user_features when user 1 appears twice in users (a join would duplicate events)")


@pytest.mark.exercise("join_user_features")
def test_join_user_features_does_not_modify_inputs(learner):
    events = pd.DataFrame({"user_id": [2, 1, 2], "amount": [1.0, 2.0, 3.0]})
    users = pd.DataFrame({"user_id": [1, 2], "plan": ["pro", "free"]})
    events_before, users_before = events.copy(deep=True), users.copy(deep=True)
    got = learner.join_user_features(events, users)
    expect(events.equals(events_before) and users.equals(users_before),
           "join_user_features modified events or users; work on the merged result instead")
    expect_equal(list(got["plan"]), ["free", "pro", "free"], "the plan column for events of users [2, 1, 2]")


@pytest.mark.exercise("join_user_features")
def test_join_user_features_with_no_known_users(learner):
    events = pd.DataFrame({"user_id": [5, 6], "amount": [1.0, 2.0]})
    users = pd.DataFrame({"user_id": pd.Series([], dtype="int64"), "plan": pd.Series([], dtype="object")})
    got = learner.join_user_features(events, users)
    want = pd.DataFrame({"user_id": [5, 6], "amount": [1.0, 2.0], "plan": [np.nan, np.nan],
                         "known_user": [False, False]})
    _expect_frame(got, want, "join_user_features with an empty users table")


# =============================================================================================
# 13. clean_request_log
# =============================================================================================
_SUMMARY_COLUMNS = ["requests", "mean_latency_ms", "p95_latency_ms", "error_rate"]


def _expect_summary(got, index: list[str], rows: list[tuple[float, float, float, float]], what: str) -> None:
    expect_type(got, pd.DataFrame, what)
    expect_equal(list(got.columns), _SUMMARY_COLUMNS, f"the columns of {what}")
    expect_equal(got.index.name, "service", f"the index name of {what}")
    expect_equal(list(got.index), index, f"the services (index, sorted) of {what}")
    want = np.array(rows, dtype=float).reshape(len(index), 4)
    for j, column in enumerate(_SUMMARY_COLUMNS):
        expect_close(got[column].to_numpy(dtype=float), want[:, j], f"column {column!r} of {what}")


def _docstring_log() -> pd.DataFrame:
    return pd.DataFrame({
        "request_id": [1, 2, 2, 3, 4, 5],
        "service": [" API", "api", "api", "Search ", None, "search"],
        "latency_ms": ["120", "80", "80", "n/a", "50", "30.5"],
        "status": [200, 503, 503, 200, 200, "500"],
    })


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_docstring_example(learner):
    got = learner.clean_request_log(_docstring_log())
    _expect_summary(got, ["api", "search"], [(2, 100.0, 118.0, 0.5), (1, 30.5, 30.5, 1.0)],
                    "clean_request_log of the docstring example")
    expect_equal(str(got["requests"].dtype), "int64", "the dtype of the requests column")
    for column in _SUMMARY_COLUMNS[1:]:
        expect_equal(str(got[column].dtype), "float64", f"the dtype of the {column} column")


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_deduplicates_by_request_id(learner):
    # Request 7 was shipped twice by two shippers that format it differently: same request.
    log = pd.DataFrame({
        "request_id": [7, 8, 7, 9],
        "service": ["auth", "auth", " AUTH ", "auth"],
        "latency_ms": ["80", "40", "80.0", "60"],
        "status": ["200", "200", "200", "404"],
    })
    got = learner.clean_request_log(log)
    _expect_summary(got, ["auth"], [(3, 60.0, 78.0, 0.0)],
                    "clean_request_log when request_id 7 appears twice (keep the first only)")


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_cleaning_rules(learner):
    log = pd.DataFrame({
        "request_id": range(10),
        "service": ["db", "db", "db", "db", "  ", None, "db", "Cache", "cache", "db"],
        "latency_ms": ["10", "-5", "", "n/a", "7", "7", 30, "2", "4", np.nan],
        "status": ["500", "200", "200", "200", "200", "200", "499", "abc", 502, "200"],
    })
    # Kept: 0 (db, 10, 500), 6 (db, 30, 499), 8 (cache, 4, 502). Dropped: 1 negative latency,
    # 2 and 3 unparseable latency, 4 blank service, 5 missing service, 7 unparseable status,
    # 9 missing latency.
    got = learner.clean_request_log(log)
    _expect_summary(got, ["cache", "db"], [(1, 4.0, 4.0, 1.0), (2, 20.0, 29.0, 0.5)],
                    "clean_request_log on a log with negative, missing and junk values "
                    "(status 499 is not an error, 500 and 502 are)")


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_statistics_on_random_data(learner):
    rng = np.random.default_rng(8)
    n = 300
    service = rng.choice(["checkout", "search", "auth"], size=n)
    latency = rng.gamma(2.0, 40.0, size=n).round(2)
    status = rng.choice([200, 201, 404, 500, 503], size=n, p=[0.6, 0.1, 0.1, 0.1, 0.1])
    log = pd.DataFrame({"request_id": np.arange(n), "service": service, "latency_ms": latency,
                        "status": status, "path": rng.choice(["/a", "/b"], size=n)})
    got = learner.clean_request_log(log)
    names = sorted(set(service))
    rows = []
    for name in names:
        lat = latency[service == name]
        rows.append((len(lat), lat.mean(), np.percentile(lat, 95), (status[service == name] >= 500).mean()))
    _expect_summary(got, names, rows, "clean_request_log on 300 clean random requests")


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_does_not_modify_input(learner):
    log = _docstring_log()
    before = log.copy(deep=True)
    learner.clean_request_log(log)
    expect(log.equals(before), "clean_request_log modified the DataFrame it was given; work on a copy")


@pytest.mark.exercise("clean_request_log")
def test_clean_request_log_when_nothing_survives(learner):
    log = pd.DataFrame({"request_id": [1, 2], "service": [None, " "], "latency_ms": ["5", "6"],
                        "status": [200, 200]})
    got = learner.clean_request_log(log)
    expect_type(got, pd.DataFrame, "clean_request_log when every row is dropped")
    expect_equal(list(got.columns), _SUMMARY_COLUMNS, "the columns when every row is dropped")
    expect_equal(len(got), 0, "the number of rows when every row is dropped")


# =============================================================================================
# 14. DataPipeline
# =============================================================================================
def _demo_pipeline(learner):
    return (learner.DataPipeline("demo")
            .add_step("drop_negatives", lambda xs: [x for x in xs if x >= 0])
            .add_step("square", lambda xs: [x * x for x in xs])
            .add_step("total", sum))


@pytest.mark.exercise("DataPipeline")
def test_pipeline_docstring_example(learner):
    pipe = _demo_pipeline(learner)
    expect_type(pipe, learner.DataPipeline, "add_step(...) must return the pipeline itself (for chaining)")
    expect_equal(pipe.run([3, -1, 2]), 13, "the demo pipeline run on [3, -1, 2]")
    expect_equal(len(pipe), 3, "len(pipeline) with 3 steps")
    expect_equal(pipe.steps, ["drop_negatives", "square", "total"], "pipeline.steps")
    expect_equal(pipe([4, -4]), 16, "calling the pipeline directly: pipeline([4, -4])")
    expect_equal(getattr(pipe, "name", None), "demo", 'DataPipeline("demo").name')


@pytest.mark.exercise("DataPipeline")
def test_pipeline_empty_and_independent_instances(learner):
    first, second = learner.DataPipeline(), learner.DataPipeline()
    data = {"x": 1}
    expect(first.run(data) is data, "an empty pipeline must return its input unchanged")
    expect_equal((len(first), first.steps, getattr(first, "name", None)), (0, [], "pipeline"),
                 "(len, steps, name) of DataPipeline()")
    expect_equal(getattr(first, "timings", None), {}, "timings before the first run")
    first.add_step("inc", lambda v: v + 1)
    expect_equal(len(second), 0, "len of a second pipeline after adding a step to the first "
                                 "(steps must belong to each instance, not to the class)")
    steps = first.steps
    steps.append("hacked")
    expect_equal(first.steps, ["inc"], "pipeline.steps after changing the list it returned (return a copy)")


@pytest.mark.exercise("DataPipeline")
def test_pipeline_validates_steps(learner):
    pipe = learner.DataPipeline().add_step("a", abs)
    expect_raises(ValueError, lambda: pipe.add_step("a", round), "add_step with a name that already exists")
    expect_raises(TypeError, lambda: pipe.add_step("b", 42), "add_step with func=42 (not callable)")
    expect_equal(pipe.steps, ["a"], "the steps after two rejected add_step calls")


@pytest.mark.exercise("DataPipeline")
def test_pipeline_reports_the_failing_step(learner):
    ran = []
    pipe = (learner.DataPipeline("etl")
            .add_step("load", lambda v: ran.append("load") or v)
            .add_step("divide", lambda v: 1 / v)
            .add_step("save", lambda v: ran.append("save") or v))
    err = expect_raises(RuntimeError, lambda: pipe.run(0), "running a pipeline whose step 'divide' raises")
    expect("divide" in str(err), f"the RuntimeError message should name the failing step 'divide', got {str(err)!r}")
    expect(isinstance(err.__cause__, ZeroDivisionError),
           f"the RuntimeError must be chained to the original error (raise ... from err); "
           f"__cause__ is {err.__cause__!r}")
    expect_equal(ran, ["load"], "the steps that ran (steps after the failing one must not run)")


@pytest.mark.exercise("DataPipeline")
def test_pipeline_records_step_timings(learner, clock):
    def slow(seconds):
        def step(v):
            clock.advance(seconds)
            return v
        return step

    pipe = learner.DataPipeline().add_step("a", slow(1.0)).add_step("b", slow(2.5))
    pipe.run(None)
    timings = getattr(pipe, "timings", None)
    expect_type(timings, dict, "pipeline.timings")
    expect_equal(list(timings), ["a", "b"], "the keys of pipeline.timings (step order)")
    expect_close([timings["a"], timings["b"]], [1.0, 2.5], "the timings of steps taking 1 s and 2.5 s")
    pipe.run(None)
    expect_close([pipe.timings["a"], pipe.timings["b"]], [1.0, 2.5],
                 "the timings after a second run (most recent run only, not accumulated)")
    def fail_on_zero(v):
        clock.advance(0.25)
        return 1 / v

    flaky = learner.DataPipeline().add_step("a", slow(0.5)).add_step("b", fail_on_zero).add_step("c", slow(9.0))
    flaky.run(2)
    expect_equal(list(flaky.timings), ["a", "b", "c"], "the keys of timings after a successful run")
    expect_raises(RuntimeError, lambda: flaky.run(0), "running the pipeline again with input that makes step 'b' raise")
    expect_equal(list(flaky.timings), ["a", "b"],
                 "the keys of timings after a run that failed in step 'b' (start each run with a fresh dict)")
    expect_close([flaky.timings["a"], flaky.timings["b"]], [0.5, 0.25], "the timings of the steps of the failed run")


@pytest.mark.exercise("DataPipeline")
def test_pipeline_on_a_dataframe(learner):
    df = pd.DataFrame({"x": [1.0, np.nan, 3.0, 4.0], "y": [2.0, 1.0, np.nan, 8.0]})
    pipe = (learner.DataPipeline("features")
            .add_step("dropna", lambda d: d.dropna())
            .add_step("ratio", lambda d: d.assign(ratio=d["y"] / d["x"]))
            .add_step("reset", lambda d: d.reset_index(drop=True)))
    got = pipe.run(df)
    expect_type(got, pd.DataFrame, "the result of a DataFrame pipeline")
    expect_close(got["ratio"].to_numpy(), [2.0, 2.0], "the ratio column after dropna -> ratio -> reset")
    expect_equal(len(df), 4, "the input DataFrame's length after the run")
