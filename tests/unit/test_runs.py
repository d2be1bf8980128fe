"""The classroom hub: shared runs computed once, only as far as live viewers want, within slots."""

import dataclasses
import threading
import time

import numpy as np
import pytest

from core.training.hub import (
    DONE,
    FAILED,
    IDLE,
    TASK_BUDGET,
    HubFull,
    RunHub,
    SharedRun,
    SlotPool,
    share_unchanged_arrays,
)


class FakeTrainer:
    """Counts its steps; optionally slow, optionally failing, and records concurrency."""

    active = 0
    peak = 0
    lock = threading.Lock()

    def __init__(self, total, delay=0.0, fail_at=None):
        self.total, self.delay, self.fail_at, self.step = total, delay, fail_at, 0
        self.seconds = 0.0  # computing time so far, as a real trainer's checkpoints report it

    @property
    def done(self):
        return self.step >= self.total

    def advance(self, steps):
        with FakeTrainer.lock:
            FakeTrainer.active += 1
            FakeTrainer.peak = max(FakeTrainer.peak, FakeTrainer.active)
        try:
            time.sleep(self.delay)
            self.step = min(self.total, self.step + steps)
            self.seconds += self.delay
            if self.fail_at is not None and self.step >= self.fail_at:
                raise ValueError("boom")
            return type("Point", (), {"step": self.step, "seconds": self.seconds})()
        finally:
            with FakeTrainer.lock:
                FakeTrainer.active -= 1


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_run_computes_only_as_far_as_wanted():
    run = SharedRun("k", lambda: FakeTrainer(100), 100, 10, SlotPool(2))
    assert not run.wait_for(10, timeout=0.3)  # nobody asked: nothing computed
    run.want("ana", 30)
    assert run.wait_for(30, timeout=5)
    time.sleep(0.2)
    assert [c.step for c in run.checkpoints] == [10, 20, 30]
    assert run.state == IDLE
    run.want("ana", 100)
    assert run.wait_for(100, timeout=5) and run.state == DONE


def test_a_poll_with_nothing_new_waits_for_the_next_checkpoint():
    """A network's epoch is drawn when it arrives, not up to a poll later."""
    run = SharedRun("k", lambda: FakeTrainer(30, delay=0.3), 30, 10, SlotPool(1, budget=0.0))
    run.want("ana", 30)
    assert run.wait_for(10, timeout=5)
    assert run.await_news(10, timeout=5.0)
    assert run.produced_step >= 20  # it came back with the next epoch, not with nothing new
    run.close()


def test_a_poll_before_the_first_checkpoint_waits_for_it():
    """The first epoch is drawn when it arrives too (the 5-layer page's first epoch on screen)."""
    run = SharedRun("k", lambda: FakeTrainer(30, delay=0.3), 30, 10, SlotPool(1, budget=0.0))
    run.want("ana", 30)
    assert not run.checkpoints
    assert run.await_news(-1, timeout=5.0)
    assert run.produced_step >= 10  # it came back with the first epoch, not with nothing
    run.close()


def test_a_poll_waits_for_an_end_due_before_the_next_poll():
    """The result replaces the views at once instead of one more drawing and a poll later."""
    run = SharedRun("k", lambda: FakeTrainer(100, delay=0.03), 100, 10, SlotPool(1, budget=0.0))
    run.want("ana", 100)
    assert run.wait_for(10, timeout=5)
    assert run.await_news(0, timeout=5.0)  # step 10 is new, and 90 steps at 3 ms a step are due within 5 s
    assert run.finished and run.produced_step == 100
    assert not run.await_news(100, timeout=5.0)  # nothing more to wait for


def test_a_poll_waits_longer_for_an_end_due_before_the_next_poll_than_for_news():
    """``end_within``: a run's end due within it is waited for (the views are not drawn once more)."""
    run = SharedRun("k", lambda: FakeTrainer(100, delay=0.05), 100, 10, SlotPool(1, budget=0.0))
    run.want("ana", 100)
    assert run.wait_for(10, timeout=5)
    assert not run.await_news(0, timeout=0.01)  # step 10 is new; 90 steps at 5 ms a step: not due within 0.01 s
    assert run.await_news(0, timeout=0.01, end_within=5.0)
    assert run.finished and run.produced_step == 100


def test_a_poll_draws_at_once_when_the_end_is_far():
    run = SharedRun("k", lambda: FakeTrainer(1000, delay=0.05), 1000, 10, SlotPool(1, budget=0.0))
    run.want("ana", 1000)
    assert run.wait_for(10, timeout=5)
    assert not run.await_news(0, timeout=0.5)  # something new, the end ~5 s away: draw it now
    assert run.produced_step < 1000
    run.close()


def test_two_viewers_share_one_computation():
    built = []
    hub = RunHub(slots=2)

    def factory():
        built.append(1)
        return FakeTrainer(50)

    a = hub.run(("softmax", 1), factory, 50, 10)
    b = hub.run(("softmax", 1), factory, 50, 10)
    assert a is b
    a.want("ana", 50)
    b.want("ben", 20)
    assert a.wait_for(50, timeout=5)
    assert built == [1] and hub.created_count == 1
    assert a.live_viewers() == 2


def test_a_paused_viewer_does_not_stop_the_other():
    run = SharedRun("k", lambda: FakeTrainer(100, delay=0.01), 100, 10, SlotPool(1))
    run.want("ana", 10)      # ana paused after the first chunk
    run.want("ben", 100)     # ben runs to the end
    assert run.wait_for(100, timeout=10)


def test_a_closed_tab_stops_the_computation_after_its_heartbeat():
    clock = Clock()
    run = SharedRun("k", lambda: FakeTrainer(1000, delay=0.02), 1000, 10, SlotPool(1), heartbeat=5.0, clock=clock)
    run.want("ana", 1000)
    assert run.wait_for(20, timeout=5)
    clock.now = 6.0  # ana stopped polling 6 s ago
    time.sleep(1.5)
    produced = run.produced_step
    time.sleep(0.5)
    assert run.produced_step == produced < 1000
    assert run.state == IDLE and run.live_viewers() == 0
    run.want("ana", 1000)  # she comes back
    assert run.wait_for(1000, timeout=30)


def test_released_viewer_no_longer_counts():
    run = SharedRun("k", lambda: FakeTrainer(10**6, delay=0.01), 10**6, 10, SlotPool(1))
    run.want("ana", 10**6)
    assert run.wait_for(10, timeout=5)
    run.release("ana")
    time.sleep(TASK_BUDGET + 0.3)  # the chunks already sent to a worker end within its budget
    produced = run.produced_step
    time.sleep(0.3)
    assert run.produced_step == produced
    run.close()


def test_slots_bound_the_work_done_at_once_and_others_queue():
    FakeTrainer.peak = 0
    hub = RunHub(slots=2)
    runs = [hub.run(i, lambda: FakeTrainer(40, delay=0.02), 40, 10) for i in range(6)]
    for index, run in enumerate(runs):
        run.want(f"student{index}", 40)
    time.sleep(0.05)
    positions = [run.queue_position() for run in runs]
    assert any(p is not None and p >= 1 for p in positions)  # someone waits behind someone
    for run in runs:
        assert run.wait_for(40, timeout=20)
    assert FakeTrainer.peak == 2


def _queue_up(pool, holders):
    """Start one thread per (name, served) that takes the pool's slot, in this order."""
    order, threads = [], []

    def take(name, served):
        pool.acquire(name, served)
        order.append(name)
        pool.release()

    for name, served in holders:
        thread = threading.Thread(target=take, args=(name, served))
        thread.start()
        threads.append(thread)
        time.sleep(0.05)
    return order, threads


def test_slot_pool_serves_equals_in_arrival_order():
    pool = SlotPool(1)
    pool.acquire("first")
    order, threads = _queue_up(pool, [("a", 0.0), ("b", 0.0), ("c", 0.0)])
    assert [pool.position(n) for n in ("a", "b", "c")] == [0, 1, 2]
    assert pool.waiting == 3
    pool.release()
    for thread in threads:
        thread.join(5)
    assert order == ["a", "b", "c"] and pool.busy == 0 and pool.waiting == 0


def test_slot_pool_serves_the_least_served_first():
    pool = SlotPool(1)
    pool.acquire("first")
    # a network that has had 30 s, one that has had 3 s, then a new measurement (0 s)
    order, threads = _queue_up(pool, [("long", 30.0), ("medium", 3.0), ("new", 0.0)])
    assert [pool.position(n) for n in ("new", "medium", "long")] == [0, 1, 2]
    assert pool.position("first") is None  # holding the slot, not waiting
    pool.release()
    for thread in threads:
        thread.join(5)
    assert order == ["new", "medium", "long"]


def test_a_short_job_does_not_wait_behind_long_chunks():
    """Six runs keep the single slot busy; a job that arrives later goes next, not last.

    (One chunk per turn: with a budget, "the chunk running" is a run's chunks for that long.)
    """
    hub = RunHub(slots=1, budget=0.0)
    runs = [hub.run(i, lambda: FakeTrainer(100, delay=0.03), 100, 10) for i in range(6)]
    for index, run in enumerate(runs):
        run.want(f"student{index}", 100)
    for run in runs:  # every run has had some computing time, and five chunks are queued
        assert run.wait_for(10, timeout=10)

    def measure():
        return sum(run.produced_step for run in runs)

    before = measure()
    job = hub.job("measure", measure)
    assert job.wait(timeout=10)
    # first come, first served: the five queued chunks first (50 steps or more); least served
    # first: only the chunk running when the job came, and maybe one that took the slot meanwhile
    assert job.result - before <= 20
    for run in runs:
        assert run.wait_for(100, timeout=20)
    assert all(run.served > 0.2 for run in runs)


def test_a_failure_reaches_the_viewers_and_frees_the_slot():
    pool = SlotPool(1)
    run = SharedRun("k", lambda: FakeTrainer(100, fail_at=30), 100, 10, pool)
    run.want("ana", 100)
    assert run.wait_for(100, timeout=5)
    assert run.state == FAILED and isinstance(run.error, ValueError)
    assert [c.step for c in run.checkpoints] == [10, 20]
    assert pool.busy == 0


def test_failed_runs_are_replaced_not_reused():
    hub = RunHub(slots=1)
    run = hub.run("k", lambda: FakeTrainer(10, fail_at=10), 10, 10)
    run.want("ana", 10)
    run.wait_for(10, timeout=5)
    assert hub.run("k", lambda: FakeTrainer(10), 10, 10) is not run


def test_hub_evicts_unwatched_runs_and_refuses_when_all_are_watched():
    clock = Clock()
    hub = RunHub(slots=1, max_entries=2, heartbeat=5.0, clock=clock)
    a = hub.run("a", lambda: FakeTrainer(10), 10, 10)
    b = hub.run("b", lambda: FakeTrainer(10), 10, 10)
    a.want("ana", 10)
    b.want("ben", 10)
    assert a.wait_for(10, 5) and b.wait_for(10, 5)
    with pytest.raises(HubFull):
        hub.run("c", lambda: FakeTrainer(10), 10, 10)
    clock.now = 10.0  # both viewers left
    c = hub.run("c", lambda: FakeTrainer(10), 10, 10)
    assert len(hub) == 2 and hub.peek("a") is None and hub.peek("c") is c


def test_job_runs_once_and_reports_result_or_error():
    hub = RunHub(slots=1)
    calls = []
    job = hub.job("fit", lambda: calls.append(1) or 42)
    assert hub.job("fit", lambda: calls.append(1) or 0) is job
    assert job.wait(5) and job.result == 42 and calls == [1] and job.seconds is not None
    bad = hub.job("bad", lambda: 1 / 0)
    assert bad.wait(5) and isinstance(bad.error, ZeroDivisionError) and bad.state == FAILED


def test_a_run_of_short_chunks_takes_its_slot_a_few_times_and_shows_every_checkpoint():
    """A hundred 10 ms chunks computed in turns of the budget, not a hundred trips to a worker."""
    pool = SlotPool(1, budget=0.25)
    turns = []
    acquire = pool.acquire
    pool.acquire = lambda holder, served=0.0, background=False: turns.append(served) or acquire(holder, served)
    run = SharedRun("k", lambda: FakeTrainer(1000, delay=0.01), 1000, 10, pool)
    seen = []
    run.want("ana", 1000)
    while not run.finished:
        seen.append(run.produced_step)
        time.sleep(0.02)
    assert run.state == DONE and [c.step for c in run.checkpoints] == list(range(10, 1001, 10))
    assert 2 <= len(turns) <= 12                        # ~1 s of work in turns of 0.25 s
    assert len(set(seen)) > len(turns) + 2              # checkpoints shown while their turn went on


def test_a_turn_stops_where_the_viewers_want():
    pool = SlotPool(1, budget=5.0)
    run = SharedRun("k", lambda: FakeTrainer(1000, delay=0.001), 1000, 10, pool)
    run.want("ana", 300)
    assert run.wait_for(300, timeout=5)
    time.sleep(0.3)
    assert run.produced_step == 300  # a long budget, but nobody wanted more
    run.close()


def test_background_work_leaves_a_slot_to_the_runs_students_watch():
    """The server's warm-up (runs nobody watches, its own jobs) holds all slots but one."""
    pool = SlotPool(2)
    first = pool.acquire("warm-up 1", background=True)
    got = []
    second_background = threading.Thread(target=lambda: got.append(pool.acquire("warm-up 2", background=True)))
    second_background.start()
    time.sleep(0.3)
    assert got == [] and pool.waiting == 1          # a slot is free, but not for background work
    student = pool.acquire("student's run", served=50.0)  # goes first although served longer
    assert student != first and pool.busy == 2
    pool.release(student)
    time.sleep(0.3)
    assert got == []                                 # still only one background slot
    pool.release(first)
    second_background.join(5)
    assert len(got) == 1
    pool.release(got[0])


def test_a_job_a_page_asks_for_is_no_longer_background():
    hub = RunHub(slots=2)
    gate = threading.Event()
    job = hub.job("pipeline", gate.wait, background=True)
    assert job.background
    assert hub.job("pipeline", gate.wait) is job and not job.background
    gate.set()
    assert job.wait(5)


def test_an_unwatched_run_is_background_and_a_watched_one_is_not():
    pool = SlotPool(2)
    seen = []
    acquire = pool.acquire
    pool.acquire = lambda holder, served=0.0, background=False: seen.append(background) or acquire(holder, served,
                                                                                                     background)
    kept = SharedRun("kept", lambda: FakeTrainer(10), 10, 10, pool)
    kept.keep()
    assert kept.wait_for(10, timeout=5)
    watched = SharedRun("watched", lambda: FakeTrainer(10), 10, 10, pool)
    watched.want("ana", 10)
    assert watched.wait_for(10, timeout=5)
    assert seen == [True, False]


def test_a_job_asked_of_a_full_hub_comes_back_failed_instead_of_raising():
    clock = Clock()
    hub = RunHub(slots=1, max_entries=1, heartbeat=5.0, clock=clock)
    watched = hub.run("watched", lambda: FakeTrainer(10**6, delay=0.01), 10**6, 10)
    watched.want("ana", 10**6)
    job = hub.job("curves", lambda: 42)
    assert job.finished and job.wait(0) and isinstance(job.error, HubFull) and job.result is None
    assert hub.peek("curves") is None  # not kept: asked again later, it is computed
    watched.close()


@dataclasses.dataclass(frozen=True)
class Point:
    step: int
    indices: np.ndarray
    weights: np.ndarray


def test_a_checkpoint_shares_the_arrays_that_did_not_change_and_keeps_the_others():
    before = Point(1, np.arange(10), np.zeros(3, np.float32))
    after = Point(2, np.arange(10), np.ones(3, np.float32))
    kept = share_unchanged_arrays(before, after)
    assert kept.indices is before.indices and kept.weights is after.weights and kept.step == 2
    np.testing.assert_array_equal(kept.weights, np.ones(3))
    # same values but another dtype, another shape, or not a dataclass: nothing is shared
    other = Point(3, np.arange(10, dtype=np.int32), np.ones(4, np.float32))
    assert share_unchanged_arrays(after, other) is other
    plain = type("Plain", (), {"step": 1})()
    assert share_unchanged_arrays(plain, plain) is plain
