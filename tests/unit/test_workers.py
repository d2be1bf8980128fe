"""Heavy work in worker processes: results, errors, a worker that dies or hangs, no orphan, real runs."""

import functools
import operator
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from core import data
from core.models import registry
from core.models.mlp import MLPSettings
from core.models.softmax_regression import SoftmaxSettings
from core.training import workers
from core.training.checkpoint import train_to_end
from core.training.hub import DONE, FAILED, RunHub

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pool():
    executor = workers.ProcessWorkers(2)
    yield executor
    executor.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_a_call_runs_in_another_process_at_a_lower_priority(pool):
    pid = pool.call(0, os.getpid)
    assert pid != os.getpid() and pid in pool.pids()
    assert pool.call(0, os.nice, (0,)) == min(19, os.nice(0) + workers.WORKER_NICE)
    assert pool.call(1, operator.add, (2, 3)) == 5


def test_an_exception_in_the_worker_is_raised_here_and_the_worker_goes_on(pool):
    with pytest.raises(ZeroDivisionError):
        pool.call(0, operator.truediv, (1, 0))
    assert pool.call(0, operator.mul, (6, 7)) == 42 and pool.replaced == 0


def test_a_worker_that_dies_fails_only_its_call_and_is_replaced(pool):
    pool.call(0, os.getpid), pool.call(1, os.getpid)  # both ready
    outcome = {}

    def other():
        outcome["other"] = pool.call(1, functools.partial(time.sleep, 1.5))
        outcome["other_pid"] = pool.call(1, os.getpid)

    neighbour = threading.Thread(target=other)
    neighbour.start()
    victim = pool.pids()[0]
    threading.Timer(0.5, os.kill, (victim, signal.SIGKILL)).start()
    with pytest.raises(workers.WorkerDied, match="exit code -9"):
        pool.call(0, time.sleep, (30,))
    neighbour.join(10)
    assert outcome == {"other": None, "other_pid": outcome["other_pid"]}  # the other slot never noticed
    replacement = pool.call(0, os.getpid)
    assert replacement != victim and pool.replaced == 1 and not _alive(victim)


def test_a_hung_computation_is_stopped_after_its_bound(pool):
    hung = pool.call(0, os.getpid)
    began = time.monotonic()
    with pytest.raises(workers.WorkerTimeout):
        pool.call(0, time.sleep, (60,), timeout=1.0)
    assert time.monotonic() - began < 30 and not _alive(hung)
    assert pool.call(0, operator.add, (1, 1)) == 2


def test_close_stops_every_worker(pool):
    pool.start()
    pids = [pool.call(slot, os.getpid) for slot in range(2)]
    pool.close()
    assert not any(_alive(pid) for pid in pids)
    with pytest.raises(workers.WorkerError):
        pool.call(0, os.getpid)


def test_a_killed_server_leaves_no_worker_behind(tmp_path):
    script = textwrap.dedent("""
        import os, sys, time
        from core.training import workers
        pool = workers.ProcessWorkers(2)
        print(pool.call(0, os.getpid), pool.call(1, os.getpid), flush=True)
        time.sleep(60)
    """)
    server = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in server.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
        server.send_signal(signal.SIGKILL)  # no atexit, no cleanup: the workers notice by themselves
        server.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in pids)
    finally:
        server.kill()


# ------------------------------------------------------------------ real runs in the workers
def _in_process(settings):
    trainer = registry.mnist_trainer(settings)
    return train_to_end(trainer, settings.chunk), trainer.final_model()


@pytest.mark.parametrize("settings", [
    SoftmaxSettings(iterations=300, eval_every=100, train_size=5000, seed=3),
    MLPSettings(hidden_layers=(32,), epochs=3, train_size=1000, test_digits=1000, seed=1),
], ids=["softmax", "mlp"])
def test_a_run_in_the_workers_ends_exactly_where_it_does_in_one_process(pool, settings):
    hub = RunHub(executor=pool)
    run = hub.run(settings, functools.partial(registry.mnist_trainer, settings), settings.total_steps,
                  settings.chunk)
    run.want("ana", settings.total_steps)
    assert run.wait_for(settings.total_steps, timeout=120) and run.state == DONE, run.error
    expected, model = _in_process(settings)
    assert [c.step for c in run.checkpoints] == [c.step for c in expected]
    for got, want in zip(run.checkpoints, expected):  # the trainer travelled between chunks: same numbers
        assert got.test_accuracy == want.test_accuracy and got.train_loss == pytest.approx(want.train_loss, rel=1e-6)
        np.testing.assert_array_equal(got.test_predictions, want.test_predictions)
    # each checkpoint came from the worker as a pickle; the test digits' indices are held once
    assert len({id(c.test_indices) for c in run.checkpoints}) == 1
    rows = data.training_rows()
    np.testing.assert_allclose(run.model.predict_proba(rows.x_test[:50]), model.predict_proba(rows.x_test[:50]),
                               rtol=1e-5, atol=1e-7)


def test_a_trainer_travels_without_the_digits():
    settings = SoftmaxSettings(iterations=200, eval_every=100)
    trainer = registry.mnist_trainer(settings)
    trainer.advance(100)
    size = len(pickle.dumps(trainer))
    assert size < 3_000_000  # its weights and its order of the 60 000 digits, not their 190 MB
    restored = pickle.loads(pickle.dumps(trainer))
    assert restored.x_train is data.training_rows().x_train
    assert restored.y_train is data.training_rows().y_train and restored.y_test is data.training_rows().y_test
    assert restored.advance(100).test_accuracy == trainer.advance(100).test_accuracy
    small = registry.mnist_trainer(MLPSettings(hidden_layers=(8,), epochs=1, train_size=5000))
    assert len(pickle.dumps(small)) < 2_000_000  # its labels, not the 5 000 digits it gathered (15.7 MB)
    assert pickle.loads(pickle.dumps(small)).images.shape == (5000, 784)


def test_a_run_whose_worker_dies_fails_with_a_message_and_the_hub_goes_on(pool):
    hub = RunHub(executor=pool)
    slow = SoftmaxSettings(iterations=50000, eval_every=50000, batch_size=1000, seed=5)
    run = hub.run(slow, functools.partial(registry.mnist_trainer, slow), slow.total_steps, slow.chunk)
    run.want("ana", slow.total_steps)
    deadline = time.monotonic() + 30
    while run.state != "running" and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    for pid in pool.pids():
        os.kill(pid, signal.SIGKILL)
    run.wait_for(slow.total_steps, timeout=30)
    assert run.state == FAILED and isinstance(run.error, workers.WorkerDied)
    quick = SoftmaxSettings(iterations=100, eval_every=100, train_size=1000)
    other = hub.run(quick, functools.partial(registry.mnist_trainer, quick), 100, 100)
    other.want("bo", 100)
    assert other.wait_for(100, timeout=60) and other.state == DONE
