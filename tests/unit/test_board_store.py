"""The class board's storage, run against SQLite and PostgreSQL alike.

Every test that takes ``store`` or ``open_store`` runs twice: on a SQLite file in a temporary
folder and on a fresh database of the session's throwaway PostgreSQL server (tests/postgres.py).
Time is an injected clock, so throttling and expiry are tested without waiting.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
import threading
import time
from dataclasses import replace

import pytest
import sqlalchemy as sa

from core.board import schema
from core.board import store as board_store
from core.board.errors import (
    FAILURE_WINDOW,
    BoardError,
    BoardFull,
    BoardUnavailable,
    InvalidInput,
    PostingClosed,
    Throttled,
    WrongCode,
    WrongKey,
)
from core.board.keys import CODE_ALPHABET, new_code, normalize_code
from core.board.records import ShiftCurve, ShiftCurveRecord, TrainingRecord
from core.board.schema import SCHEMA_VERSION
from core.board.store import BoardStore, database_url
from tests.postgres import free_port

RUN = dict(page="training", model="MLP 784-128-10", settings={"hidden": 128, "lr": 0.1}, seed=1,
           train_accuracy=0.9, test_accuracy=0.88, train_loss=0.31, test_loss=0.35, seconds=2.5)


def record(curve: ShiftCurve | None = None, **fields) -> TrainingRecord | ShiftCurveRecord:
    """The record a model page shares with these values (with a curve: the translation page's kind)."""
    return TrainingRecord(**fields) if curve is None else ShiftCurveRecord(**fields, curve=curve)


class FakeClock:
    """A clock that only moves when the test says so."""

    def __init__(self, now: float = 1_750_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'board' / 'board.sqlite3'}"  # the folder does not exist yet
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def open_store(db_url, clock):
    """Opens stores on the test's database (with the fake clock unless told otherwise); closes them after."""
    opened: list[BoardStore] = []

    def open_(**options) -> BoardStore:
        options.setdefault("clock", clock)
        store = BoardStore(db_url, **options)
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store) -> BoardStore:
    return open_store()


def row_counts(url: str) -> dict[str, int]:
    """How many rows each board table holds, read straight from the database."""
    engine = sa.create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return {table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
                    for table in schema.metadata.sorted_tables}
    finally:
        engine.dispose()


# ------------------------------------------------------------------------------- codes
def test_codes_are_two_groups_of_three_easily_read_characters():
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert len(code) == 7 and code[3] == "-"
        assert set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("0O1IL2Z5S8B")


def test_typed_codes_are_normalised_and_malformed_ones_refused(store):
    info, _ = store.create_class()
    plain = info.code.replace("-", "")
    for typed in (plain.lower(), f"  {plain[:3]} {plain[3:]} ", f"{plain[:2]}-{plain[2:4]}-{plain[4:]}",
                  info.code.lower()):
        assert normalize_code(typed) == info.code
        assert store.class_info(typed).code == info.code
    for wrong in ("", plain[:5], plain + "A", "ABC-DE0", "ABC-DEO", "ABC-DE1", "ABC-DEB", "ABC-DE!", None):
        with pytest.raises(WrongCode):
            normalize_code(wrong)
    with pytest.raises(WrongCode):
        store.class_info(plain[:5])
    other = next(code for code in (new_code() for _ in range(100)) if code != info.code)
    with pytest.raises(WrongCode):
        store.class_info(other)  # well formed, but no such class


# ---------------------------------------------------------------------------- students
def test_students_are_numbered_in_the_order_they_join(store):
    info, _ = store.create_class()
    joined = [store.join(info.code.lower(), f"client-{n}") for n in range(4)]
    assert [student.number for student in joined] == [1, 2, 3, 4]
    assert len({student.id for student in joined}) == 4
    assert {student.code for student in joined} == {info.code}
    assert store.class_info(info.code).students == 4
    other, _ = store.create_class()
    assert store.join(other.code, "client-0").number == 1  # numbers count per class


def test_nicknames_are_plain_short_printable_text(store):
    info, _ = store.create_class()
    assert store.join(info.code, "a").nickname == ""
    assert store.join(info.code, "b", "  Ada \u00a0  Lovelace ").nickname == "Ada Lovelace"
    assert store.join(info.code, "c", "x" * 24).nickname == "x" * 24
    script = store.join(info.code, "d", "<script>")
    assert script.nickname == "<script>"  # stored as text; escaping is the UI's job
    for bad in ("x" * 25, "bell\x07", "two\nlines", "nul\x00", "tab\there", "\u202eevil", 17):
        with pytest.raises(InvalidInput) as refused:
            store.join(info.code, "e", bad)
        assert refused.value.field == "nickname"
    assert store.class_info(info.code).students == 4  # refused nicknames joined nobody

    store.share_run(script, record(**RUN))
    renamed = store.rename(script, " Émile  ")
    assert (renamed.nickname, renamed.number, renamed.id) == ("Émile", script.number, script.id)
    assert store.runs(info.code)[0].nickname == "Émile"  # the board shows the current nickname
    with pytest.raises(InvalidInput):
        store.rename(script, "y" * 25)


# -------------------------------------------------------------------------------- runs
def test_a_shared_run_comes_back_exactly(open_store, clock):
    store = open_store()
    info, _ = store.create_class()
    student = store.join(info.code, "client", "Ada")
    settings = {"layers": (128, 64), "lr": 0.1 + 0.2, "name": "réseau", "nested": {"a": [1, 2.5]}}
    curve = ShiftCurve(shifts=(1, 2, 3), accuracy=(1 / 3, 2 / 3, 0.9999999999999999))
    shared = store.share_run(student, record(page="mlp", model="MLP", settings=settings, seed=2**40,
                                             train_accuracy=1 / 3, test_accuracy=0.1 + 0.2, train_loss=1e-12,
                                             test_loss=123.456, seconds=0.001, curve=curve))
    expected = dict(student_number=1, nickname="Ada", page="mlp", model="MLP",
                    settings={"layers": [128, 64], "lr": 0.1 + 0.2, "name": "réseau", "nested": {"a": [1, 2.5]}},
                    seed=2**40, train_accuracy=1 / 3, test_accuracy=0.1 + 0.2, train_loss=1e-12, test_loss=123.456,
                    seconds=0.001, curve=curve, created_at=clock.now)
    for name, value in expected.items():
        holder = shared if name in ("student_number", "nickname", "created_at") else shared.record
        assert getattr(holder, name) == value, name
    store.close()
    reopened = open_store()
    (read,) = reopened.runs(info.code)  # read back from the database, not from a cache
    assert read == shared
    assert read.record.settings["lr"] == 0.30000000000000004 and read.record.curve.accuracy[0] == 1 / 3

    bare = reopened.share_run(student, record(page="p", model="m", settings={}))
    measured = bare.record
    assert (measured.seed, measured.train_accuracy, measured.curve, measured.seconds) == (None, None, None, None)
    assert bare.id > shared.id


INVALID_RUNS = [
    ({"test_accuracy": math.nan}, "test_accuracy"),
    ({"train_accuracy": 1.5}, "train_accuracy"),
    ({"train_accuracy": -0.01}, "train_accuracy"),
    ({"test_loss": math.inf}, "test_loss"),
    ({"seconds": "3"}, "seconds"),
    ({"seed": "7"}, "seed"),
    ({"settings": {"weights": list(range(2000))}}, "settings"),
    ({"settings": {"model": object()}}, "settings"),
    ({"settings": {"lr": math.nan}}, "settings"),
    ({"settings": [1, 2]}, "settings"),
    ({"curve": ShiftCurve(shifts=tuple(range(2000)), accuracy=(0.123456789,) * 2000)}, "curve"),
    ({"page": "p" * 41}, "page"),
    ({"page": ""}, "page"),
    ({"model": "MLP\n<b>"}, "model"),
]


def test_invalid_runs_are_refused_and_not_stored(store):
    info, _ = store.create_class()
    student = store.join(info.code, "client")
    for change, field in INVALID_RUNS:  # one database for all cases: creating one per case is slow
        with pytest.raises(InvalidInput) as refused:
            store.share_run(student, record(**(RUN | change)))
        assert refused.value.field == field, change
    assert store.runs(info.code) == []
    store.share_run(student, record(**RUN | {"settings": {"weights": list(range(500))}}))  # large, but below 4 kB


def test_the_board_refreshes_incrementally_with_after_id(store):
    info, _ = store.create_class()
    ada, bob = store.join(info.code, "a", "Ada"), store.join(info.code, "b", "Bob")
    first = [store.share_run(student, record(**RUN)) for student in (ada, bob, ada)]
    assert [run.id for run in store.runs(info.code)] == [run.id for run in first]
    assert [run.nickname for run in store.runs(info.code)] == ["Ada", "Bob", "Ada"]
    later = store.share_run(bob, record(**RUN))
    assert store.runs(info.code, after_id=first[-1].id) == [later]
    assert store.runs(info.code, after_id=later.id) == []
    assert [run.id for run in store.runs(info.code, limit=2)] == [run.id for run in first[:2]]
    other, _ = store.create_class()
    assert store.runs(other.code) == []  # another class's board is empty


def test_the_teacher_can_close_posting(store):
    info, key = store.create_class()
    student = store.join(info.code, "client")
    assert (info.posting_open, info.auto_share, info.hide_names) == (True, False, False)
    closed = store.set_options(info.code, key, "teacher", posting_open=False, hide_names=True)
    assert (closed.posting_open, closed.auto_share, closed.hide_names) == (False, False, True)
    with pytest.raises(PostingClosed):
        store.share_run(student, record(**RUN))
    with pytest.raises(WrongKey):
        store.set_options(info.code, "not the key", "pupil", posting_open=True)
    assert store.set_options(info.code, key, "teacher", posting_open=True, auto_share=True).auto_share
    store.share_run(student, record(**RUN))
    assert store.class_info(info.code).runs == 1


def test_a_full_board_refuses_more_runs(open_store):
    store = open_store(max_runs=3)
    info, _ = store.create_class()
    students = [store.join(info.code, f"c{n}") for n in range(2)]
    for n in range(3):
        store.share_run(students[n % 2], record(**RUN))
    with pytest.raises(BoardFull):
        store.share_run(students[1], record(**RUN))
    assert store.class_info(info.code).runs == 3


def test_each_student_may_post_only_so_many_runs_a_minute(open_store, clock):
    store = open_store(posts_per_minute=3)
    info, _ = store.create_class()
    eager, calm = store.join(info.code, "a"), store.join(info.code, "b")
    for _ in range(3):
        store.share_run(eager, record(**RUN))
        clock.advance(10)
    with pytest.raises(Throttled) as throttled:
        store.share_run(eager, record(**RUN))
    assert throttled.value.retry_after == pytest.approx(30)  # the first post leaves the window 60 s after it
    store.share_run(calm, record(**RUN))  # the others are not held back
    clock.advance(29)
    with pytest.raises(Throttled):
        store.share_run(eager, record(**RUN))
    clock.advance(1.5)
    store.share_run(eager, record(**RUN))
    assert store.class_info(info.code).runs == 5


# ------------------------------------------------------------------ keys and wrong tries
def test_wrong_teacher_keys_are_refused_then_throttled(store, clock):
    info, key = store.create_class()
    store.check_key(info.code, key, "teacher")
    for _ in range(5):
        with pytest.raises(WrongKey):
            store.check_key(info.code, key + "x", "guesser")
    with pytest.raises(Throttled) as throttled:
        store.check_key(info.code, key, "guesser")  # not even checked, right or wrong
    assert 0 < throttled.value.retry_after <= 1
    with pytest.raises(Throttled):  # the class itself is protected: guesses may come from many sessions
        store.check_key(info.code, key, "teacher")
    clock.advance(throttled.value.retry_after + 0.01)
    store.check_key(info.code, key, "guesser")
    with pytest.raises(WrongKey):
        store.check_key(info.code, "wrong again", "guesser")
    with pytest.raises(Throttled) as longer:
        store.check_key(info.code, key, "teacher")
    assert 1 < longer.value.retry_after <= 2  # the wait doubles with each failure
    clock.advance(2.01)
    store.check_key(info.code, key, "teacher")
    clock.advance(FAILURE_WINDOW)
    for _ in range(5):  # old failures are forgotten
        with pytest.raises(WrongKey):
            store.check_key(info.code, "", "guesser")


def test_a_permanent_teacher_key_is_kept_and_only_its_hash_is_stored(store, db_url):
    info, key = store.create_class(teacher_key="  our school's key 2024 ")
    assert key == "our school's key 2024"
    store.check_key(info.code, key, "teacher")
    with pytest.raises(WrongKey):
        store.check_key(info.code, key.upper(), "teacher")
    engine = sa.create_engine(database_url(db_url))
    try:
        with engine.connect() as connection:
            stored = connection.scalar(sa.select(schema.class_table.c.key_hash))
    finally:
        engine.dispose()
    assert key not in stored and stored.startswith("pbkdf2_sha256$")
    other, other_key = store.create_class()
    assert len(other_key) >= 16 and other_key != key
    with pytest.raises(WrongKey):
        store.check_key(other.code, key, "teacher")  # one class's key does not open another


def test_wrong_codes_are_throttled_per_client(store, clock):
    info, _ = store.create_class()
    unused = next(code for code in (new_code() for _ in range(100)) if code != info.code)
    for wrong in (unused, "AAA", unused, "ZZZ-ZZZ", unused):
        with pytest.raises(WrongCode):
            store.join(wrong, "guesser")
    with pytest.raises(Throttled) as throttled:
        store.join(info.code, "guesser")
    assert throttled.value.retry_after > 0
    assert store.join(info.code, "someone else").number == 1  # another session is not held back
    clock.advance(throttled.value.retry_after + 0.01)
    assert store.join(info.code, "guesser").number == 2


# ---------------------------------------------------------------------------- questions
def test_answers_stay_hidden_until_the_teacher_reveals_them(store):
    info, key = store.create_class()
    ada, bob, eve = (store.join(info.code, name) for name in ("ada", "bob", "eve"))
    question = store.ask(info.code, key, "teacher", text="Test accuracy after 1 epoch, in %?", kind="number")
    assert (question.low, question.high, question.revealed, question.choices) == (0.0, 100.0, False, ())
    store.answer(ada, question.id, 91)
    store.answer(bob, question.id, 75.5)
    assert store.answer_count(info.code, question.id) == 2
    with pytest.raises(WrongKey):
        store.answers(info.code, question.id)
    with pytest.raises(WrongKey):
        store.answers(info.code, question.id, key="guess", client="eve")
    assert store.answers(info.code, question.id, key, "teacher").values == (75.5, 91.0)
    revealed = store.reveal(info.code, key, "teacher", question.id, measured=88.25)
    assert (revealed.revealed, revealed.measured) == (True, 88.25)
    shown = store.answers(info.code, question.id)
    assert shown.values == (75.5, 91.0) and shown.count == 2 and shown.question == revealed
    with pytest.raises(InvalidInput) as refused:
        store.answer(eve, question.id, 50)
    assert refused.value.field == "answer"
    assert store.answer_count(info.code, question.id) == 2


def test_answering_again_replaces_the_answer(store):
    info, key = store.create_class()
    ada = store.join(info.code, "ada")
    question = store.ask(info.code, key, "teacher", text="Which is best?", kind="choice",
                         choices=["MLP", "CNN", "Softmax"])
    assert store.my_answer(ada, question.id) is None
    store.answer(ada, question.id, "MLP")
    store.answer(ada, question.id, "CNN")
    assert store.my_answer(ada, question.id) == "CNN"
    assert store.answer_count(info.code, question.id) == 1
    assert store.reveal(info.code, key, "teacher", question.id, measured="CNN").measured == "CNN"
    assert store.answers(info.code, question.id).values == ("CNN",)


def test_answers_outside_the_question_are_refused(store):
    info, key = store.create_class()
    ada = store.join(info.code, "ada")
    number = store.ask(info.code, key, "teacher", text="Seconds?", kind="number", low=1, high=10)
    for bad in (0.5, 10.5, math.nan, math.inf, "5", True, None):
        with pytest.raises(InvalidInput) as refused:
            store.answer(ada, number.id, bad)
        assert refused.value.field == "answer"
    store.answer(ada, number.id, 10)  # the bounds themselves are fine
    choice = store.ask(info.code, key, "teacher", text="Which?", kind="choice", choices=("yes", "no"))
    for bad in ("maybe", "YES", 1, None):
        with pytest.raises(InvalidInput):
            store.answer(ada, choice.id, bad)
    assert store.answer_count(info.code, choice.id) == 0


MALFORMED_QUESTIONS = [
    (dict(text="", kind="number"), "question"),
    (dict(text="q" * 201, kind="number"), "question"),
    (dict(text="two\nlines", kind="number"), "question"),
    (dict(text="Which?", kind="choice", choices=["only one"]), "choices"),
    (dict(text="Which?", kind="choice", choices=["a", "b", "a"]), "choices"),
    (dict(text="Which?", kind="choice", choices=list("abcdefg")), "choices"),
    (dict(text="Which?", kind="choice", choices=["a", ""]), "choices"),
    (dict(text="Which?", kind="choice", choices=["a", "b" * 41]), "choices"),
    (dict(text="How many?", kind="number", low=5, high=5), "range"),
    (dict(text="How many?", kind="number", low=0, high=math.inf), "range"),
    (dict(text="How many?", kind="number", low=0), "range"),
    (dict(text="How many?", kind="text"), "kind"),
]


def test_malformed_questions_are_refused(store):
    info, key = store.create_class()
    for question, field in MALFORMED_QUESTIONS:
        with pytest.raises(InvalidInput) as refused:
            store.ask(info.code, key, "teacher", **question)
        assert refused.value.field == field, question
    assert store.current_question(info.code) is None


def test_a_new_question_replaces_the_current_one(store):
    info, key = store.create_class()
    ada = store.join(info.code, "ada")
    assert store.current_question(info.code) is None
    first = store.ask(info.code, key, "teacher", text="First?", kind="number", low=-1, high=1)
    assert store.current_question(info.code) == first
    second = store.ask(info.code, key, "teacher", text="Second?", kind="choice", choices=["a", "b"])
    assert store.current_question(info.code) == second and second.id > first.id
    with pytest.raises(InvalidInput):
        store.answer(ada, first.id, 0)  # the old question is closed
    with pytest.raises(WrongKey):
        store.ask(info.code, "guess", "ada", text="Mine?", kind="number")
    assert store.current_question(info.code) == second


def test_clearing_the_board_deletes_runs_questions_and_answers(store):
    info, key = store.create_class()
    ada = store.join(info.code, "ada")
    before = [store.share_run(ada, record(**RUN)) for _ in range(3)]
    question = store.ask(info.code, key, "teacher", text="Guess?", kind="number")
    store.answer(ada, question.id, 3)
    with pytest.raises(WrongKey):
        store.clear_runs(info.code, "guess", "ada")
    assert store.clear_runs(info.code, key, "teacher") == 3
    assert store.runs(info.code) == [] and store.current_question(info.code) is None
    assert store.class_info(info.code).students == 1  # the students stay
    after = store.share_run(ada, record(**RUN))
    assert after.id > before[-1].id  # ids are never reused: a board refreshing after_id sees it


def test_the_csv_export_has_every_run_and_no_formulas(store):
    info, key = store.create_class()
    sneaky = store.join(info.code, "a", "=1+1")
    plain = store.join(info.code, "b", "Bob")
    store.share_run(sneaky, record(**RUN | {"model": "@SUM(A1)", "curve": ShiftCurve((0, 1), (0.5, 0.25))}))
    store.share_run(plain, record(**RUN | {"page": "-2+3", "seed": None, "train_loss": None}))
    store.share_run(plain, record(**RUN))
    with pytest.raises(WrongKey):
        store.export_csv(info.code, "guess", "a")
    rows = list(csv.DictReader(io.StringIO(store.export_csv(info.code, key, "teacher"))))
    assert len(rows) == len(store.runs(info.code)) == 3
    assert [row["nickname"] for row in rows] == ["'=1+1", "Bob", "Bob"]
    assert rows[0]["model"] == "'@SUM(A1)" and rows[1]["page"] == "'-2+3"
    assert json.loads(rows[0]["settings"]) == RUN["settings"]
    assert json.loads(rows[0]["curve"]) == {"shifts": [0, 1], "accuracy": [0.5, 0.25], "direction": None}
    assert rows[1]["curve"] == ""
    assert float(rows[0]["test_accuracy"]) == RUN["test_accuracy"]
    assert rows[1]["seed"] == "" and rows[1]["train_loss"] == ""
    assert [int(row["student"]) for row in rows] == [1, 2, 2]
    assert not any(cell[:1] in "=+-@" for row in rows for cell in row.values() if cell)


# --------------------------------------------------------------------- lifetime, restart
def test_classes_expire_and_are_purged(open_store, clock, db_url):
    store = open_store(class_hours=2)
    info, key = store.create_class()
    assert info.expires_at == info.created_at + 2 * 3600
    ada = store.join(info.code, "ada")
    store.share_run(ada, record(**RUN))
    store.answer(ada, store.ask(info.code, key, "teacher", text="Guess?", kind="number").id, 5)
    clock.advance(2 * 3600 - 1)
    assert store.purge_expired() == 0 and store.class_info(info.code).runs == 1
    clock.advance(2)
    for call in (lambda: store.class_info(info.code), lambda: store.runs(info.code),
                 lambda: store.share_run(ada, record(**RUN)), lambda: store.check_key(info.code, key, "teacher")):
        with pytest.raises(WrongCode):
            call()
    with pytest.raises(WrongCode):
        store.join(info.code, "late")
    assert row_counts(db_url)["runs"] == 1  # still stored until purged
    assert store.purge_expired() == 1
    counts = row_counts(db_url)
    assert counts["classes"] == counts["students"] == counts["runs"] == counts["questions"] == counts["answers"] == 0
    assert store.purge_expired() == 0


def test_the_board_survives_a_server_restart(open_store, db_url):
    store = open_store()
    info, key = store.create_class()
    ada = store.join(info.code, "ada", "Ada")
    shared = store.share_run(ada, record(**RUN))
    question = store.ask(info.code, key, "teacher", text="Guess?", kind="choice", choices=["a", "b"])
    store.answer(ada, question.id, "b")
    store.set_options(info.code, key, "teacher", hide_names=True)
    store.close()

    restarted = open_store()
    assert restarted.class_info(info.code) == replace(info, hide_names=True, students=1, runs=1)
    assert restarted.runs(info.code) == [shared]
    assert restarted.current_question(info.code) == question
    assert restarted.my_answer(ada, question.id) == "b"
    restarted.check_key(info.code, key, "teacher")
    assert restarted.join(info.code, "bob").number == 2
    if db_url.startswith("sqlite"):
        path = db_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_from_a_newer_app_is_not_touched(open_store, db_url):
    open_store().check()
    engine = sa.create_engine(database_url(db_url))
    try:
        with engine.begin() as connection:
            connection.execute(schema.schema_table.update().values(version=SCHEMA_VERSION + 1))
    finally:
        engine.dispose()
    newer = open_store()
    with pytest.raises(BoardUnavailable, match="newer version"):
        newer.check()
    with pytest.raises(BoardUnavailable, match="newer version"):
        newer.create_class()
    assert row_counts(db_url)["classes"] == 0


def test_the_schema_is_created_once_and_reopened_without_change(open_store, db_url):
    open_store().check()
    open_store().check()
    engine = sa.create_engine(database_url(db_url))
    try:
        with engine.connect() as connection:
            assert connection.execute(sa.select(schema.schema_table.c.version)).scalars().all() == [2]
            assert set(sa.inspect(connection).get_table_names()) >= {
                "board_schema", "classes", "students", "runs", "questions", "answers", "failures",
                "shared_results"}
    finally:
        engine.dispose()


def test_a_corrupt_sqlite_file_is_reported_and_left_alone(tmp_path, clock):
    path = tmp_path / "board.sqlite3"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    store = BoardStore(f"sqlite:///{path}", clock=clock)  # does not raise: the app still starts
    try:
        for call in (store.check, store.create_class, lambda: store.class_info("ACD-EFG"), store.purge_expired):
            with pytest.raises(BoardUnavailable) as unavailable:
                call()
            assert "not a database" in str(unavailable.value)
    finally:
        store.close()
    assert path.read_bytes() == garbage
    assert sorted(item.name for item in tmp_path.iterdir()) == ["board.sqlite3"]


def test_an_unreachable_postgresql_is_reported_quickly(clock):
    port = free_port()  # nothing listens there
    store = BoardStore(f"postgresql://teacher:s3cret@127.0.0.1:{port}/board", clock=clock)
    assert store.url_for_display == f"postgresql+psycopg://teacher:***@127.0.0.1:{port}/board"
    started = time.monotonic()
    try:
        for call in (store.check, store.create_class, lambda: store.join("ACD-EFG", "client")):
            with pytest.raises(BoardUnavailable) as unavailable:
                call()
            assert "s3cret" not in str(unavailable.value)
    finally:
        store.close()
    assert time.monotonic() - started < 10


def test_unusable_urls_are_reported_as_unavailable(tmp_path):
    for url in ("mysql://root@localhost/board", "not a url", ""):
        store = BoardStore(url)
        with pytest.raises(BoardUnavailable):
            store.check()
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    store = BoardStore(f"sqlite:///{blocked / 'board.sqlite3'}")
    with pytest.raises(BoardUnavailable):
        store.create_class()


# ---------------------------------------------------------------------------- settings
def test_settings_come_from_the_environment_then_the_secrets(tmp_path):
    default = tmp_path / "state" / "board.sqlite3"
    store = BoardStore.from_settings({}, None, default)
    assert store.url_for_display == f"sqlite:///{default}" and store.class_hours == 12.0
    secrets = {"board": {"database_url": "postgres://app:pw@db.school:5432/board", "class_hours": 3,
                         "teacher_key": "from secrets"}}
    store = BoardStore.from_settings({}, secrets, default)
    assert store.url_for_display == "postgresql+psycopg://app:***@db.school:5432/board"
    assert store.class_hours == 3.0
    environ = {"BOARD_DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}", "BOARD_CLASS_HOURS": "1.5",
               "BOARD_TEACHER_KEY": "from env"}
    store = BoardStore.from_settings(environ, secrets, default)
    assert store.url_for_display == f"sqlite:///{tmp_path / 'env.sqlite3'}" and store.class_hours == 1.5
    assert BoardStore.configured_teacher_key(environ, secrets) == "from env"
    assert BoardStore.configured_teacher_key({}, secrets) == "from secrets"
    assert BoardStore.configured_teacher_key({"BOARD_TEACHER_KEY": " "}, {}) is None

    class NoSecretsFile(dict):  # st.secrets without a secrets.toml raises on access
        def __getitem__(self, key):
            raise FileNotFoundError("no secrets.toml")
    assert BoardStore.configured_teacher_key({}, NoSecretsFile()) is None
    with pytest.raises(BoardUnavailable):
        BoardStore.from_settings({"BOARD_CLASS_HOURS": "soon"}, None, default)


# ------------------------------------------------------------------------- concurrency
def run_in_threads(target, count: int, timeout: float) -> None:
    """``target(0)`` ... ``target(count - 1)``, each in its own thread, all waited for."""
    threads = [threading.Thread(target=target, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)


def test_thirty_students_joining_and_posting_at_once(open_store, db_url):
    store = open_store(posts_per_minute=1000)
    info, _ = store.create_class()
    barrier = threading.Barrier(30)
    errors: list[BaseException] = []
    numbers: list[int] = []

    def student(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            me = store.join(info.code, f"client-{index}", f"S{index}")
            numbers.append(me.number)
            for n in range(20):
                store.share_run(me, record(**RUN | {"seed": n}))
        except BaseException as error:  # reported below, never lost in a thread
            errors.append(error)

    run_in_threads(student, 30, timeout=120)
    assert not errors, errors[:3]
    assert sorted(numbers) == list(range(1, 31))
    shared = store.runs(info.code)
    assert len(shared) == 600 == row_counts(db_url)["runs"]
    assert sorted({run.student_number for run in shared}) == list(range(1, 31))
    assert all(sum(run.student_number == n for run in shared) == 20 for n in range(1, 31))


def test_thirty_joins_at_once_get_numbers_one_to_thirty(open_store):
    stores = [open_store(), open_store()]  # as if on two app servers
    info, _ = stores[0].create_class()
    barrier = threading.Barrier(30)
    results: list = []

    def join(index: int) -> None:
        barrier.wait(timeout=30)
        try:
            results.append(stores[index % 2].join(info.code, f"client-{index}").number)
        except BoardError as error:
            results.append(error)

    run_in_threads(join, 30, timeout=60)
    assert sorted(results) == list(range(1, 31))
    assert stores[1].class_info(info.code).students == 30


# ------------------------------------------------------------------ shared results (schema 2)
def test_a_version_1_database_gains_the_shared_results_and_keeps_its_classes(open_store, db_url):
    url = database_url(db_url)
    if url.get_backend_name() == "sqlite":
        from pathlib import Path

        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    version_1 = [table for table in schema.metadata.sorted_tables if table.name != "shared_results"]
    try:
        with engine.begin() as connection:
            schema.metadata.create_all(connection, tables=version_1)
            connection.execute(schema.schema_table.insert().values(version=1))
            connection.execute(schema.class_table.insert().values(
                code="ACD-EFG", key_hash="x", created_at=0.0, expires_at=9e18, posting_open=True,
                auto_share=False, hide_names=False, joined=0))
    finally:
        engine.dispose()
    store = open_store()
    assert store.claim_result("k", "server-a") and store.store_result("k", "server-a", b"model")
    assert store.result("k") == b"model"
    assert row_counts(db_url)["classes"] == 1
    engine = sa.create_engine(database_url(db_url))
    try:
        with engine.connect() as connection:
            assert connection.scalar(sa.select(sa.func.max(schema.schema_table.c.version))) == 2
    finally:
        engine.dispose()


def test_one_server_computes_a_result_the_others_wait_then_read_it(open_store, clock):
    first, second = open_store(), open_store()
    assert first.result("lesson-mlp") is None
    assert first.claim_result("lesson-mlp", "server-a", "MLPSettings()")
    assert first.claim_result("lesson-mlp", "server-a")       # its own claim, renewed
    assert not second.claim_result("lesson-mlp", "server-b")  # computed elsewhere: wait
    clock.advance(board_store.CLAIM_SECONDS - 1)
    first.renew_claim("lesson-mlp", "server-a")
    clock.advance(board_store.CLAIM_SECONDS - 1)
    assert not second.claim_result("lesson-mlp", "server-b")  # renewed in time
    assert first.store_result("lesson-mlp", "server-a", b"\x00weights" * 1000)
    assert second.result("lesson-mlp") == b"\x00weights" * 1000
    assert not second.claim_result("lesson-mlp", "server-b")  # done: nothing to compute


def test_a_lapsed_or_released_claim_is_taken_over(open_store, clock):
    store = open_store()
    assert store.claim_result("a", "server-a") and store.claim_result("b", "server-a")
    clock.advance(board_store.CLAIM_SECONDS + 1)           # server-a died while computing "a"
    assert store.claim_result("a", "server-b")
    store.release_claim("b", "server-a")                   # its computation of "b" failed
    assert store.claim_result("b", "server-b") and store.result("b") is None


def test_results_are_bounded_in_size_and_number(open_store, monkeypatch):
    store = open_store()
    monkeypatch.setattr(board_store, "RESULT_MAX_BYTES", 100)
    assert store.claim_result("big", "a") and not store.store_result("big", "a", b"x" * 101)
    assert store.result("big") is None and store.claim_result("big", "b")  # released, not stuck
    monkeypatch.setattr(board_store, "RESULTS_KEPT", 3)
    for index in range(5):
        store.claim_result(f"r{index}", "a")
        store.store_result(f"r{index}", "a", b"payload")
        store._clock.advance(1)
    assert [store.result(f"r{index}") for index in range(5)] == [None, None, b"payload", b"payload", b"payload"]
