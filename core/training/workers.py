"""Heavy work in worker processes: the page server only renders pages and reads results.

Streamlit runs every student's session in one Python process with one GIL: a training
chunk or a scikit-learn fit computed there freezes every page for as long as it holds it.
Here each computation is sent to one of a few *worker processes* (one per core) and the
server's thread that sent it only waits on a socket, which releases the GIL.

Why plain ``subprocess`` and sockets, not ``multiprocessing``, ``concurrent.futures`` or loky:

- the server is Streamlit's: while a page runs, ``sys.modules["__main__"]`` is that page's
  script, and multiprocessing's ``spawn`` and ``forkserver`` children import the parent's
  ``__main__`` again (they would run a lesson page in the worker); ``fork`` copies a process
  full of threads and locks, which Python warns against;
- a ``ProcessPoolExecutor`` (and loky's) is *broken* as a whole when one worker dies: every
  computation in flight fails, where a class wants only the run that killed its worker to
  fail, and a replacement to take over;
- a hung computation must be stopped after a bound: here that is killing one process.

A worker is a fresh ``python -m core.training.workers`` child that imports the numerical libraries
once (one thread each, ``core.training.threads``), reads MNIST from the shared memory-mapped copy
(``core.data.training_rows``) and then runs, one at a time, whatever picklable call it is
sent. It runs at a lower scheduling priority than the server (pages go first on the cores)
and exits by itself within a second when the server is gone (no orphan process).
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
# How long one computation may take before its worker is stopped (a hung or runaway chunk).
# An epoch of the largest network the pages allow (6 x 2 000 neurons) takes about 2 minutes.
TASK_SECONDS = 600.0
# How long a new worker may take to start (imports, MNIST mapped) before it counts as broken.
START_SECONDS = 120.0
WORKER_NICE = 10
PARENT_CHECK_SECONDS = 1.0


class WorkerError(RuntimeError):
    """The worker computing this could not finish it (it died, or it took too long)."""


class WorkerDied(WorkerError):
    """The worker process ended in the middle of a computation (killed, out of memory, crashed)."""


class WorkerTimeout(WorkerError):
    """The computation ran longer than its bound: its worker was stopped."""


class RemoteError(RuntimeError):
    """An exception raised in a worker that could not be sent back as it was."""


_local = threading.local()


def report(value: Any) -> None:
    """From inside a computation: hand ``value`` to whoever asked for it now, before the end.

    A run's worker computes several checkpoints in one go (one slot taken, one trip); each is
    shown to the class as soon as it exists. Outside a computation, nothing happens.
    """
    reporter = getattr(_local, "reporter", None)
    if reporter is not None:
        reporter(value)


# ------------------------------------------------------------------- the worker side
def _watch_parent(parent: int) -> None:
    """Exit as soon as the server that started this worker is gone, even in mid-computation."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(0)


def _serve(connection: Connection) -> None:
    _local.reporter = lambda value: connection.send(("progress", value))
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return  # the server closed its end
        try:
            reply = ("ok", function(*args))
        except BaseException as error:  # sent back to the run that asked, never lost
            reply = ("error", error, traceback.format_exc())
        try:
            connection.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError):
            connection.send(("error", RemoteError(f"{type(reply[1]).__name__}: {reply[1]}"), ""))
        except (EOFError, OSError):
            return


def worker_main(fd: int, parent: int) -> None:
    """The worker process: ready its libraries and data, then serve computations until told to stop."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the terminal stops the server, which stops us
    try:
        os.nice(WORKER_NICE)
    except OSError:
        pass
    from core.training import threads

    threads.one_thread_each()
    connection = Connection(fd)
    try:
        warm_up()
        threads.limit_loaded_libraries()
        connection.send(("ready", os.getpid()))
    except BaseException as error:
        connection.send(("error", error, traceback.format_exc()))
        return
    _serve(connection)


def warm_up() -> None:
    """What every computation needs, loaded once per worker: the libraries and the digits."""
    import sklearn.linear_model  # noqa: F401
    import sklearn.neural_network  # noqa: F401

    from core import data

    try:
        data.training_rows()
    except data.MnistDataError:
        pass  # each computation that needs the digits reports it to its page


# ------------------------------------------------------------------- the server side
class Worker:
    """One worker process and the socket to it; computes one call at a time."""

    def __init__(self, name: str, environment: dict | None = None):
        self.name = name
        ours, theirs = socket.socketpair()
        env = dict(os.environ, **(environment or {}))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        # a child of this process only: its own stdout/stderr go to the server's log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "core.training.workers", str(theirs.fileno()), str(os.getpid())],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, pass_fds=(theirs.fileno(),), close_fds=True)
        theirs.close()
        self._connection = Connection(ours.detach())
        self._ready = False
        self.started = time.monotonic()

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def _receive(self, timeout: float):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise WorkerTimeout(f"no answer within {timeout:.0f} s: the computation was stopped")
            try:
                if self._connection.poll(min(remaining, 1.0)):  # waits without the GIL
                    return self._connection.recv()
            except (EOFError, OSError):
                pass
            else:
                if self.alive():
                    continue
            code = self.process.wait()
            raise WorkerDied(f"the worker process stopped (exit code {code})")

    def call(self, function: Callable, args: tuple = (), timeout: float = TASK_SECONDS,
             on_progress: Callable[[Any], None] | None = None) -> Any:
        """``function(*args)`` computed in the worker; its exception re-raised here.

        What the computation reports on the way (:func:`report`) is handed to ``on_progress`` here.
        """
        if not self._ready:
            reply = self._receive(START_SECONDS)
            if reply[0] != "ready":
                self.stop()
                raise reply[1]
            self._ready = True
        try:
            self._connection.send((function, args))
        except (EOFError, OSError) as error:
            code = self.process.poll()
            raise WorkerDied(f"the worker process stopped (exit code {code})") from error
        deadline = time.monotonic() + timeout
        reply = self._receive(timeout)
        while reply[0] == "progress":
            if on_progress is not None:
                on_progress(reply[1])
            reply = self._receive(max(0.0, deadline - time.monotonic()))
        if reply[0] == "ok":
            return reply[1]
        raise reply[1]

    def stop(self) -> None:
        try:
            self._connection.close()
        except OSError:
            pass
        if self.alive():
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


class ProcessWorkers:
    """A fixed number of worker processes, one per slot; a dead or stopped one is replaced."""

    def __init__(self, count: int, environment: dict | None = None):
        self.count = max(1, int(count))
        self._environment = environment
        self._lock = threading.Lock()
        self._workers: list[Worker | None] = [None] * self.count
        self.replaced = 0
        self._closed = False
        atexit.register(self.close)

    def start(self) -> None:
        """Start every worker now (they get ready in the background)."""
        for slot in range(self.count):
            self._worker(slot)

    def _worker(self, slot: int) -> Worker:
        with self._lock:
            if self._closed:
                raise WorkerError("the server is stopping")
            worker = self._workers[slot]
            if worker is None or not worker.alive():
                if worker is not None:
                    self.replaced += 1
                worker = self._workers[slot] = Worker(f"worker-{slot}", self._environment)
            return worker

    def call(self, slot: int, function: Callable, args: tuple = (), timeout: float = TASK_SECONDS,
             on_progress: Callable[[Any], None] | None = None) -> Any:
        """Compute ``function(*args)`` on the worker of ``slot`` (the caller holds the slot)."""
        worker = self._worker(slot)
        try:
            return worker.call(function, args, timeout, on_progress)
        except WorkerError:
            worker.stop()  # the next call on this slot starts a replacement
            raise

    def pids(self) -> list[int]:
        with self._lock:
            return [worker.pid for worker in self._workers if worker is not None and worker.alive()]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, [None] * self.count
        for worker in workers:
            if worker is not None:
                worker.stop()


class InProcess:
    """The same interface, computed in the calling thread (unit tests of the scheduling only)."""

    count = 1

    def __init__(self, count: int = 1):
        self.count = count

    def start(self) -> None:
        pass

    def call(self, slot: int, function: Callable, args: tuple = (), timeout: float = TASK_SECONDS,
             on_progress: Callable[[Any], None] | None = None) -> Any:
        _local.reporter = on_progress
        try:
            return function(*args)
        finally:
            _local.reporter = None

    def pids(self) -> list[int]:
        return []

    def close(self) -> None:
        pass


if __name__ == "__main__":
    # run as core.training.workers proper (not __main__), so that what it sends back unpickles on the server
    from core.training.workers import worker_main as main

    main(int(sys.argv[1]), int(sys.argv[2]))
