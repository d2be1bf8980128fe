"""Finished shared runs and jobs outlive the server: stored once, read back, computed once by several servers.

Each test runs on a SQLite file and on a real PostgreSQL database (tests/postgres.py).
"""

import functools
import threading
import time

import pytest

from core.board.store import BoardStore
from core.training import hub as runs
from core.training.hub import DONE, RunHub
from core.training.results import DurableResults, code_version


class Point:
    def __init__(self, step):
        self.step = step


class CountingTrainer:
    """Counts how many times a run is really computed (``built``), optionally slowly."""

    built = 0
    lock = threading.Lock()

    def __init__(self, total, delay=0.0):
        with CountingTrainer.lock:
            CountingTrainer.built += 1
        self.total, self.delay, self.step = total, delay, 0

    @property
    def done(self):
        return self.step >= self.total

    def advance(self, steps):
        time.sleep(self.delay)
        self.step = min(self.total, self.step + steps)
        return Point(self.step)

    def final_model(self):
        return {"weights": [1.0, 2.0], "steps": self.step}


def never_built():
    raise AssertionError("a stored run was computed again")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'board.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def stores(database):
    opened = []

    def open_():
        store = BoardStore(database)
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


@pytest.fixture(autouse=True)
def fast_polling(monkeypatch):
    monkeypatch.setattr(runs, "ELSEWHERE_POLL_SECONDS", 0.05)
    CountingTrainer.built = 0


def test_a_restarted_server_reads_a_finished_run_back_instead_of_computing_it(stores):
    before = RunHub(slots=1, results=DurableResults(stores()))
    run = before.run("lesson-mlp", functools.partial(CountingTrainer, 30), 30, 10, durable=True)
    run.keep()  # the server's own lesson model: computed with nobody watching
    assert run.wait_for(30, timeout=10) and run.state == DONE
    after = RunHub(slots=1, results=DurableResults(stores()))  # a new process, the same database
    again = after.run("lesson-mlp", never_built, 30, 10, durable=True)
    assert again.wait_for(30, timeout=10) and again.state == DONE
    assert [c.step for c in again.checkpoints] == [10, 20, 30] and again.model == {"weights": [1.0, 2.0], "steps": 30}
    assert CountingTrainer.built == 1


def test_a_run_that_is_not_durable_or_of_another_code_version_is_computed_again(stores):
    store = stores()
    first = RunHub(slots=1, results=DurableResults(store))
    first.run("k", functools.partial(CountingTrainer, 10), 10, 10, durable=True).keep()
    first.run("student", functools.partial(CountingTrainer, 10), 10, 10).keep()
    time.sleep(0.5)
    changed = RunHub(slots=1, results=DurableResults(store, version="another"))
    run = changed.run("k", functools.partial(CountingTrainer, 10), 10, 10, durable=True)
    run.keep()
    plain = RunHub(slots=1, results=DurableResults(store)).run("student", functools.partial(CountingTrainer, 10), 10, 10)
    plain.keep()
    assert run.wait_for(10, timeout=10) and plain.wait_for(10, timeout=10)
    assert CountingTrainer.built == 4 and code_version() == DurableResults(store).version


def test_two_servers_on_one_database_compute_a_lesson_model_once(stores):
    a = RunHub(slots=1, results=DurableResults(stores()))
    b = RunHub(slots=1, results=DurableResults(stores()))
    first = a.run("lesson-mlp", functools.partial(CountingTrainer, 40, delay=0.2), 40, 10, durable=True)
    first.keep()
    while first.produced_step < 10:
        time.sleep(0.02)
    second = b.run("lesson-mlp", never_built, 40, 10, durable=True)
    second.want("student-on-b", 40)
    deadline = time.monotonic() + 5
    while not second.computed_elsewhere and time.monotonic() < deadline:
        time.sleep(0.02)
    assert second.computed_elsewhere and second.state == "waiting"  # the page says another server computes it
    assert second.wait_for(40, timeout=20) and second.state == DONE and not second.computed_elsewhere
    assert [c.step for c in second.checkpoints] == [c.step for c in first.checkpoints] == [10, 20, 30, 40]
    assert CountingTrainer.built == 1


def test_a_durable_job_is_computed_once_and_read_back(stores):
    calls = []
    fit = functools.partial(lambda: calls.append(1) or {"accuracy": 0.969})
    assert RunHub(slots=1, results=DurableResults(stores())).job("pipeline", fit, durable=True).wait(10)
    job = RunHub(slots=1, results=DurableResults(stores())).job("pipeline", fit, durable=True)
    assert job.wait(10) and job.result == {"accuracy": 0.969} and calls == [1]


def test_a_database_that_is_down_costs_only_the_durability():
    down = DurableResults(BoardStore("postgresql://nobody@127.0.0.1:9/board"))
    hub = RunHub(slots=1, results=down)
    run = hub.run("k", functools.partial(CountingTrainer, 20), 20, 10, durable=True)
    run.keep()
    assert run.wait_for(20, timeout=60) and run.state == DONE and run.model["steps"] == 20
    job = hub.job("j", functools.partial(int, "7"), durable=True)
    assert job.wait(60) and job.result == 7


def test_a_lesson_model_is_settled_once_read_back_claimed_or_found_computing_elsewhere(stores):
    """What a starting server waits for before it opens (ui.warm_up.warm_up_server)."""
    a = RunHub(slots=1, results=DurableResults(stores()))
    computing = a.run("lesson-mlp", functools.partial(CountingTrainer, 40, delay=0.2), 40, 10, durable=True)
    computing.keep()
    assert computing.settled(timeout=10)
    assert not DurableResults(stores()).claim("lesson-mlp")  # its claim was stored before it counted as settled
    b = RunHub(slots=1, results=DurableResults(stores()))
    elsewhere = b.run("lesson-mlp", never_built, 40, 10, durable=True)
    elsewhere.keep()
    assert elsewhere.settled(timeout=10) and elsewhere.computed_elsewhere
    assert computing.wait_for(40, timeout=20)
    restored = RunHub(slots=1, results=DurableResults(stores())).run("lesson-mlp", never_built, 40, 10, durable=True)
    assert restored.settled(timeout=10) and restored.state == DONE  # read back: ready when the port opens
    job = RunHub(slots=1, results=DurableResults(stores())).job("pipeline", lambda: 1, durable=True)
    assert job.settled(timeout=10)
    plain = RunHub(slots=1).run("student", functools.partial(CountingTrainer, 10), 10, 10)
    assert plain.settled(timeout=0)  # without stored results there is nothing to wait for
