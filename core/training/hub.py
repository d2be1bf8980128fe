"""Shared, bounded background work for a whole classroom on one server.

A :class:`RunHub` lives once per server process. Students who ask for the same
settings get the same :class:`SharedRun`: it is computed once, in a background
thread, and each student watches it at their own pace. A run only computes as
far as some *live* viewer wants it (a viewer who stops polling, for example a
closed tab, stops counting after ``heartbeat`` seconds), and computation goes
through a :class:`SlotPool`: never more chunks at once than slots (cores); the
others wait in a queue whose position is visible, served least-computed first.

Nothing here knows about Streamlit or about any model: a run gets a *recipe*, a
picklable call that builds a *trainer* (``advance(steps) -> checkpoint``, ``done``),
and a job a picklable call. They are computed in worker processes
(:mod:`core.training.workers`): a slot is a worker, and this process's threads only wait.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import pickle
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Hashable

import numpy as np

from core.training import workers

WAITING, RUNNING, IDLE, DONE, FAILED = "waiting", "running", "idle", "done", "failed"

# How long one chunk or job may take in a worker before it is stopped (core.training.workers).
TASK_SECONDS = workers.TASK_SECONDS
# A run's chunks follow one another in its worker for up to this long before it lets others have the slot.
TASK_BUDGET = 1.0
# How often a server waiting for a result that another server computes looks for it.
ELSEWHERE_POLL_SECONDS = 2.0


class HubFull(RuntimeError):
    """Every run the server may hold is being watched: no room for another one now."""


def advance_trainer(recipe: Callable[[], Any], state, steps: int, pickled: bool = True, until: int | None = None,
                    budget: float = 0.0):
    """In a worker: the run's trainer (built by ``recipe``, or restored from ``state``) chunk by chunk.

    Workers keep nothing between tasks: the trainer travels as ``state`` (its pickle, which
    names the shared MNIST rows instead of copying them, see ``core.data.SharedRowsPickling``),
    so any worker can compute a run's next chunks and a worker's death loses only what it was
    computing. Chunks of ``steps`` follow one another until the run reaches ``until`` (what its
    viewers want) or ``budget`` seconds are spent, each checkpoint but the last reported as it
    comes (``workers.report``): a 10-neuron run of a hundred 15 ms chunks takes a slot a few
    times, not a hundred, and never waits a hundred times behind a network's epoch.
    Returns (the last checkpoint, the new state or None once done, done, the final model).
    """
    trainer = recipe() if state is None else (pickle.loads(state) if pickled else state)
    started = time.perf_counter()

    def more(step: int) -> bool:
        return not trainer.done and step < (until or 0) and time.perf_counter() - started < budget

    if hasattr(trainer, "train") and hasattr(trainer, "measure"):
        checkpoint = _pipelined(trainer, steps, more)
    else:
        checkpoint = trainer.advance(steps)
        while more(checkpoint.step):
            workers.report(checkpoint)
            checkpoint = trainer.advance(steps)
    if trainer.done:
        final_model = getattr(trainer, "final_model", None)
        return checkpoint, None, True, final_model() if final_model is not None else None
    return checkpoint, pickle.dumps(trainer, pickle.HIGHEST_PROTOCOL) if pickled else trainer, False, None


def _pipelined(trainer, steps: int, more: Callable[[int], bool]):
    """A trainer that splits a chunk into ``train`` and ``measure``: each chunk's measurement in a
    second thread while the next chunk trains, the last one's before returning.

    The 10-neuron model measures itself on the 10 000 test digits after each hundred iterations, half
    as long as the iterations themselves: measured beside them (numpy lets go of the GIL in its
    matrix products), the default run's computing went from 1.4-1.6x the plain numpy loop to
    1.1-1.25x (one process, this 2-core machine). The checkpoints are the same, in the same order,
    and as before each one is reported even when the chunk after it fails (a diverging run shows
    its last checkpoint before the error).
    """
    trained = trainer.train(steps)
    if not more(trained.step):
        return trainer.measure(trained)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="measure") as measuring:
        while True:
            measured = measuring.submit(trainer.measure, trained)
            try:
                trained = trainer.train(steps)
            finally:
                workers.report(measured.result())
            if not more(trained.step):
                return trainer.measure(trained)


def share_unchanged_arrays(previous, checkpoint):
    """``checkpoint`` holding ``previous``'s own array for every array field whose values are unchanged.

    A checkpoint comes from a worker as a pickle, so its arrays are new copies even where nothing
    changed: the 10 000 test digits' indices, the same at each of a 10-neuron run's hundred
    checkpoints, were 8 of its 12 MB. Held once, a run keeps a third of that. Anything that is not
    a dataclass is returned as it is.
    """
    if not dataclasses.is_dataclass(checkpoint) or type(previous) is not type(checkpoint):
        return checkpoint
    same = {}
    for field in dataclasses.fields(checkpoint):
        old, new = getattr(previous, field.name), getattr(checkpoint, field.name)
        if (isinstance(old, np.ndarray) and isinstance(new, np.ndarray) and old is not new
                and old.dtype == new.dtype and np.array_equal(old, new)):
            same[field.name] = old
    return dataclasses.replace(checkpoint, **same) if same else checkpoint


class SlotPool:
    """At most ``slots`` holders at once; among those waiting, the least served goes first.

    A slot is a worker process (``workers``): the holder of slot ``i`` computes on worker ``i``.
    Each holder says how many seconds of computing it has had so far (``served``). A new
    student's first chunk, or a one-off measurement (0 s served), goes before the tenth epoch
    of a network that has already had 30 s; runs that have had the same time are served in
    the order they came. So every run gets an equal share of the cores whatever its chunk
    length, and short work never waits behind a queue of long epochs (with first come, first
    served, a 0.3 s measurement waited behind every 2-3 s epoch queued before it).
    """

    def __init__(self, slots: int | None = None, executor: Any = None, task_seconds: float = TASK_SECONDS,
                 budget: float = TASK_BUDGET):
        # the computations: worker processes (the server), or the calling thread (scheduling tests)
        self.executor = executor if executor is not None else workers.InProcess(int(slots or 1))
        self.slots = max(1, int(slots or self.executor.count))
        self.task_seconds = float(task_seconds)  # a chunk or job running longer is stopped
        self.budget = float(budget)  # a run's chunks computed in one go, up to this many seconds
        self._free = list(range(self.slots))
        self._background: set[int] = set()  # the slots holding background work
        self._waiting: dict[int, tuple[float, Any, bool]] = {}  # ticket -> (served, holder, background)
        self._tickets = itertools.count()
        self._condition = threading.Condition()

    def _order(self) -> list[int]:
        return sorted(self._waiting, key=lambda ticket: (self._waiting[ticket][0], ticket))

    def _next(self) -> int | None:
        """The ticket served next: the least served, passing over background work when it has its share."""
        crowded = len(self._background) >= max(1, self.slots - 1)
        for ticket in self._order():
            if not (crowded and self._waiting[ticket][2]):
                return ticket
        return None

    def acquire(self, holder, served: float = 0.0, background: bool = False) -> int:
        """Wait for a slot (least served first) and return it.

        ``background``: work nobody is watching (the server's own warm-up of the lesson's models).
        It never holds more than all slots but one, so that a class arriving while the server
        warms up always finds a worker for the runs it watches.
        """
        with self._condition:
            ticket = next(self._tickets)
            self._waiting[ticket] = (float(served), holder, bool(background))
            while not self._free or self._next() != ticket:
                self._condition.wait()
            del self._waiting[ticket]
            slot = self._free.pop(0)
            if background:
                self._background.add(slot)
            self._condition.notify_all()
            return slot

    def release(self, slot: int | None = None) -> None:
        with self._condition:
            taken = [index for index in range(self.slots) if index not in self._free]
            if slot is None:
                slot = taken[0]
            if slot in taken:
                self._background.discard(slot)
                self._free.append(slot)
                self._free.sort()
            self._condition.notify_all()

    @property
    def in_process(self) -> bool:
        return isinstance(self.executor, workers.InProcess)

    def position(self, holder) -> int | None:
        """0 for the next one served, None when ``holder`` is not waiting."""
        with self._condition:
            for index, ticket in enumerate(self._order()):
                if self._waiting[ticket][1] is holder:
                    return index
            return None

    @property
    def waiting(self) -> int:
        with self._condition:
            return len(self._waiting)

    @property
    def busy(self) -> int:
        with self._condition:
            return self.slots - len(self._free)


class SharedRun:
    """One computation (one set of settings), watched by any number of viewers."""

    def __init__(self, key: Hashable, factory: Callable[[], Any], total_steps: int, chunk: int,
                 pool: SlotPool, heartbeat: float = 20.0, clock: Callable[[], float] = time.monotonic,
                 results: Any = None):
        self.key = key
        self.total_steps = int(total_steps)
        self.chunk = max(1, int(chunk))
        self.checkpoints: list = []
        self.error: BaseException | None = None
        self.model: Any = None  # the trained model, once done, when the trainer gives it (final_model)
        self.created = clock()
        self.served = 0.0  # seconds of computing this run has had (its place in the pool's queue)
        self._factory = factory
        self._pool = pool
        self._heartbeat = heartbeat
        self._clock = clock
        self._viewers: dict[Hashable, tuple[int, float]] = {}
        self._kept = -1  # how far the server itself wants it (its lesson models), whoever watches
        # finished runs stored for later servers (core.training.results.DurableResults), or None
        self._results = results
        self.computed_elsewhere = False  # another server computes it: this one waits for its result
        # set once it is known where the result comes from (read back, this server, another one)
        self._settled = threading.Event()
        self._condition = threading.Condition()
        self._state = IDLE
        self._closed = False
        self._last_wanted = clock()
        self._thread = threading.Thread(target=self._work, name=f"run-{abs(hash(key)) % 10**8}", daemon=True)
        self._thread.start()

    # ---------------------------------------------------------------- viewers
    def want(self, viewer: Hashable, step: int) -> None:
        """``viewer`` wants the run computed up to ``step`` (and is alive now)."""
        with self._condition:
            self._viewers[viewer] = (min(int(step), self.total_steps), self._clock())
            self._condition.notify_all()

    def release(self, viewer: Hashable) -> None:
        with self._condition:
            self._viewers.pop(viewer, None)
            self._condition.notify_all()

    def keep(self, step: int | None = None) -> None:
        """The server wants the run computed up to ``step`` (the end by default), watched or not."""
        with self._condition:
            self._kept = self.total_steps if step is None else min(int(step), self.total_steps)
            self._condition.notify_all()

    def _wanted_step(self) -> int:
        now = self._clock()
        live = [step for step, seen in self._viewers.values() if now - seen <= self._heartbeat]
        return max(max(live, default=-1), self._kept)  # -1: nobody wants anything, not even a first chunk

    def live_viewers(self) -> int:
        with self._condition:
            now = self._clock()
            return sum(1 for _, seen in self._viewers.values() if now - seen <= self._heartbeat)

    # ------------------------------------------------------------------ state
    @property
    def produced_step(self) -> int:
        return self.checkpoints[-1].step if self.checkpoints else -1

    @property
    def state(self) -> str:
        return self._state

    @property
    def finished(self) -> bool:
        return self._state in (DONE, FAILED)

    def queue_position(self) -> int | None:
        return self._pool.position(self) if self._state == WAITING else None

    def idle_for(self) -> float:
        with self._condition:
            if self._wanted_step() > self.produced_step and not self.finished:
                return 0.0
            return self._clock() - self._last_wanted

    def wait_for(self, step: int, timeout: float) -> bool:
        """Block until a checkpoint at ``step`` or later exists (or the run ended)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while self.produced_step < min(step, self.total_steps) and not self.finished:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._condition.wait(min(remaining, 0.5))
            return True

    def await_news(self, shown_step: int, timeout: float, end_within: float | None = None) -> bool:
        """Before a live poll draws: wait for what the next poll would find.

        Nothing computed since ``shown_step`` (-1: nothing shown), or nothing computed yet: the
        next checkpoint, up to ``timeout`` (a network's epoch, its first one too, is drawn when it
        arrives, not up to a poll later). The end due within ``end_within`` (default ``timeout``)
        at the pace of the run's computing so far: the end, up to that long, so that the result
        replaces the views at once instead of one more drawing of them and a poll later.
        Otherwise nothing: the poll draws what there is. Returns whether it waited.
        """
        end_within = timeout if end_within is None else end_within
        with self._condition:
            if self.finished:
                return False
            last = self.checkpoints[-1] if self.checkpoints else None
            if last is None or last.step <= shown_step:
                target = shown_step + 1
            elif (self.total_steps - last.step) * last.seconds / max(last.step, 1) <= end_within:
                target, timeout = self.total_steps, end_within
            else:
                return False
        self.wait_for(target, timeout)
        return True

    def settled(self, timeout: float | None = None) -> bool:
        """Whether a wanted run knows where its result comes from: read back from the stored results,
        computed by this server (its claim stored), or by another server. At once without stored results."""
        return self._settled.wait(timeout)

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    # ----------------------------------------------------------------- worker
    def _append(self, checkpoint) -> None:
        """Keep ``checkpoint`` (the condition held), sharing the arrays it has unchanged with the last one."""
        if self.checkpoints:
            checkpoint = share_unchanged_arrays(self.checkpoints[-1], checkpoint)
        self.checkpoints.append(checkpoint)

    def _arrived(self, checkpoint) -> None:
        """A checkpoint reported by the worker before the end of its task: shown at once."""
        with self._condition:
            self._append(checkpoint)
            self._condition.notify_all()

    def _restore(self) -> bool:
        """The run finished by this server before a restart, or by another server: done at once."""
        stored = self._results.load(self.key) if self._results is not None else None
        if stored is None:
            return False
        checkpoints, model = stored
        with self._condition:
            self.checkpoints = []
            for checkpoint in checkpoints:
                self._append(checkpoint)
            self.model, self._state = model, DONE
            self.computed_elsewhere = False
            self._condition.notify_all()
        self._settled.set()
        return True

    def _claim(self) -> bool:
        """Whether this server computes the run (True), or found it finished elsewhere (False)."""
        while not self._results.claim(self.key):
            self._settled.set()
            with self._condition:
                self.computed_elsewhere = True
                self._state = WAITING
                self._condition.wait(ELSEWHERE_POLL_SECONDS)
                if self._closed:
                    return False
            if self._restore():
                return False
        self.computed_elsewhere = False
        self._settled.set()
        return True

    def _work(self) -> None:
        state = None  # the trainer between chunks (its pickle: see advance_trainer)
        pickled = not self._pool.in_process
        claimed = False
        if self._results is None:
            self._settled.set()
        elif self._restore():
            return
        try:
            while True:
                with self._condition:
                    while not self._closed and self._wanted_step() <= self.produced_step:
                        self._state = IDLE
                        # wake up now and then: a viewer's heartbeat may have expired
                        self._condition.wait(timeout=1.0)
                    if self._closed:
                        return
                    self._last_wanted = self._clock()
                    self._state = WAITING
                if self._results is not None and not claimed:
                    if not self._claim():
                        return
                    claimed = True
                slot = self._pool.acquire(self, self.served, background=self.live_viewers() == 0)
                started = time.perf_counter()
                try:
                    with self._condition:
                        self._state = RUNNING
                    with self._condition:
                        until = self._wanted_step()
                    checkpoint, state, done, model = self._pool.executor.call(
                        slot, advance_trainer, (self._factory, state, self.chunk, pickled, until, self._pool.budget),
                        self._pool.task_seconds, self._arrived)
                finally:
                    self.served += time.perf_counter() - started
                    self._pool.release(slot)
                if done and claimed:  # stored before it shows as done: a page may restart the server
                    self._results.save(self.key, (self.checkpoints + [checkpoint], model))
                elif claimed:
                    self._results.renew(self.key)
                with self._condition:
                    self._append(checkpoint)
                    self._last_wanted = self._clock()
                    if done:
                        self.model = model
                        self._state = DONE
                        self._condition.notify_all()
                        return
                    self._condition.notify_all()
        except BaseException as error:  # reported to every viewer, never lost in a thread
            if claimed:
                self._results.release(self.key)
            with self._condition:
                self.error = error
                self._state = FAILED
                self._condition.notify_all()
        finally:
            self._settled.set()


class SharedJob:
    """A single piece of work (e.g. a scikit-learn reference fit) computed once in the background."""

    def __init__(self, key: Hashable, work: Callable[[], Any], pool: SlotPool, results: Any = None,
                 background: bool = False):
        self.key = key
        self.background = background  # asked for by the server itself, until a page asks for it too
        self._results = results
        self.computed_elsewhere = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.seconds: float | None = None
        self._pool = pool
        self._state = WAITING
        self._done = threading.Event()
        self._settled = threading.Event()  # see SharedRun.settled
        self._thread = threading.Thread(target=self._work, args=(work,), daemon=True)
        self._thread.start()

    @property
    def state(self) -> str:
        return self._state

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def queue_position(self) -> int | None:
        return self._pool.position(self) if self._state == WAITING else None

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def settled(self, timeout: float | None = None) -> bool:
        """Whether the job knows where its result comes from (see :meth:`SharedRun.settled`)."""
        return self._settled.wait(timeout)

    def _stored(self) -> bool:
        stored = self._results.load(self.key)
        if stored is None:
            return False
        self.result, self.seconds = stored
        self._state = DONE
        return True

    def _work(self, work) -> None:
        claimed = False
        try:
            if self._results is not None:
                while not self._stored():
                    if self._results.claim(self.key):
                        claimed = True
                        break
                    self.computed_elsewhere = True
                    self._settled.set()
                    time.sleep(ELSEWHERE_POLL_SECONDS)
                if not claimed:
                    return
                self.computed_elsewhere = False
            self._settled.set()
            slot = self._pool.acquire(self, background=self.background)
            try:
                self._state = RUNNING
                started = time.perf_counter()
                self.result = self._pool.executor.call(slot, work, (), self._pool.task_seconds)
                self.seconds = time.perf_counter() - started
            finally:
                self._pool.release(slot)
            if claimed:
                self._results.save(self.key, (self.result, self.seconds))
            self._state = DONE
        except BaseException as error:
            if claimed:
                self._results.release(self.key)
            self.error = error
            self._state = FAILED
        finally:
            self._settled.set()
            self._done.set()

    def close(self) -> None:  # a job cannot be stopped half-way; it just ends
        pass

    def idle_for(self) -> float:
        return float("inf") if self.finished else 0.0

    def live_viewers(self) -> int:
        return 0


class FailedJob:
    """A job that could not even be started (the hub is full): finished, with its error."""

    state = FAILED
    finished = True
    result = None
    seconds = None
    background = False
    computed_elsewhere = False

    def __init__(self, key: Hashable, error: BaseException):
        self.key, self.error = key, error

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def queue_position(self) -> None:
        return None


class RunHub:
    """The server's registry of shared runs and jobs, bounded in number."""

    def __init__(self, slots: int | None = None, max_entries: int = 120, heartbeat: float = 20.0,
                 clock: Callable[[], float] = time.monotonic, executor: Any = None,
                 task_seconds: float = TASK_SECONDS, results: Any = None, budget: float = TASK_BUDGET):
        # the server passes worker processes (core.training.workers.ProcessWorkers); by default, for the
        # scheduling's own tests, work is computed in the hub's threads
        self.pool = SlotPool(slots or (executor.count if executor is not None else os.cpu_count()) or 1,
                             executor, task_seconds, budget)
        self.results = results  # finished durable runs and jobs kept in a database (core.training.results)
        self.max_entries = max_entries
        self.heartbeat = heartbeat
        self._clock = clock
        self._entries: OrderedDict[Hashable, SharedRun | SharedJob] = OrderedDict()
        self._lock = threading.Lock()
        self.created_count = 0

    def run(self, key: Hashable, factory: Callable[[], Any], total_steps: int, chunk: int,
            durable: bool = False) -> SharedRun:
        """The shared run for ``key``, created (and started on demand) if needed.

        ``durable``: once finished it is stored (``results``), read back by a restarted server
        or by another server on the same database instead of being computed again.
        """
        results = self.results if durable else None
        return self._get_or_create(key, lambda: SharedRun(key, factory, total_steps, chunk, self.pool,
                                                          self.heartbeat, self._clock, results))

    def job(self, key: Hashable, work: Callable[[], Any], durable: bool = False,
            background: bool = False) -> SharedJob:
        """The shared job for ``key``, started now if it is new (``durable``: as for :meth:`run`).

        ``background``: the server's own (see :meth:`SlotPool.acquire`); a page asking for the same
        job makes it a page's.
        """
        results = self.results if durable else None
        try:
            job = self._get_or_create(key, lambda: SharedJob(key, work, self.pool, results, background))
        except HubFull as full:  # a page shows it as it shows a job that failed, and asks again later
            return FailedJob(key, full)
        if not background:
            job.background = False
        return job

    def peek(self, key: Hashable):
        with self._lock:
            return self._entries.get(key)

    def _get_or_create(self, key, make):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and not (isinstance(entry, SharedRun) and entry.state == FAILED):
                self._entries.move_to_end(key)
                return entry
            self._make_room()
            entry = make()
            self._entries[key] = entry
            self.created_count += 1
            return entry

    def _make_room(self) -> None:
        """Drop the least recently used entries that nobody is using any more."""
        while len(self._entries) >= self.max_entries:
            for key, entry in self._entries.items():
                if entry.live_viewers() == 0 and entry.idle_for() > 0:
                    entry.close()
                    del self._entries[key]
                    break
            else:
                raise HubFull(f"{len(self._entries)} runs are in use")

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
