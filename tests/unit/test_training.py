import dataclasses
import threading

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from core import data
from core.models import softmax_regression
from core.models.softmax_regression import SoftmaxSettings, SoftmaxTrainer
from core.training import checkpoint, hub, workers
from core.training.checkpoint import train_to_end


@pytest.fixture(scope="module")
def rows(mnist):
    return data.as_rows(mnist.x_train), mnist.y_train, data.as_rows(mnist.x_test), mnist.y_test


def trainer(rows, **settings):
    return SoftmaxTrainer(SoftmaxSettings(**settings), *rows)


def test_default_settings_are_the_lessons():
    s = SoftmaxSettings()
    assert (s.learning_rate, s.batch_size, s.train_size) == (0.003, 100, 60000)
    assert s.problems() == []


def test_the_default_run_reaches_the_lessons_92_percent(rows):
    checkpoints = train_to_end(trainer(rows))
    last = checkpoints[-1]
    assert last.step == 10000 and last.test_size == 10000
    assert 0.915 <= last.test_accuracy <= 0.93
    assert len(checkpoints) == 100
    # the test loss falls over the run
    assert checkpoints[-1].test_loss < 0.75 * checkpoints[0].test_loss


def test_pause_and_resume_give_the_uninterrupted_result(rows):
    straight = trainer(rows, iterations=600, eval_every=100, train_size=5000, seed=3)
    straight_points = train_to_end(straight)
    paused = trainer(rows, iterations=600, eval_every=100, train_size=5000, seed=3)
    # advanced in uneven pieces, as a student pausing and stepping would
    for steps in (100, 50, 250, 37, 1000):
        paused.advance(steps)
    np.testing.assert_array_equal(paused.model.weights, straight.model.weights)
    np.testing.assert_array_equal(paused.model.biases, straight.model.biases)
    again = train_to_end(trainer(rows, iterations=600, eval_every=100, train_size=5000, seed=3))
    assert [c.test_accuracy for c in again] == [c.test_accuracy for c in straight_points]


def test_another_seed_gives_another_run(rows):
    a = trainer(rows, iterations=200, eval_every=100, train_size=2000, seed=1)
    b = trainer(rows, iterations=200, eval_every=100, train_size=2000, seed=2)
    a.advance(200), b.advance(200)
    assert not np.array_equal(a.model.weights, b.model.weights)


def test_subset_uses_only_its_digits(rows):
    t = trainer(rows, iterations=30, eval_every=10, train_size=1000, batch_size=100, seed=0)
    seen = np.concatenate([t.advance(10).batch_indices for _ in range(3)])
    assert set(seen) <= set(t.pool) and t.pool.size == 1000


def test_short_interval_uses_a_fixed_test_sample_but_ends_on_the_full_set(rows):
    t = trainer(rows, iterations=40, eval_every=20, train_size=1000)
    first, last = t.advance(20), t.advance(20)
    assert first.test_size == softmax_regression.TEST_SAMPLE_SIZE
    assert last.test_size == 10000 and t.done


def test_checkpoint_contents(rows):
    point = trainer(rows, iterations=100, eval_every=100).advance(100)
    assert point.pixel_weights.shape == (784, 10)
    assert point.batch_indices.size == 100 and point.batch_predictions.size == 100
    assert point.weight_percentiles["1"].shape == (len(checkpoint.PERCENTILES),)
    assert np.all(np.diff(point.weight_percentiles["1"]) >= 0)
    assert point.biases["1"].shape == (10,)
    assert 0 <= point.train_accuracy <= 1 and point.train_loss > 0


@pytest.mark.parametrize("settings, key", [
    (dict(learning_rate=0.0), "setting_out_of_range"),
    (dict(learning_rate=float("nan")), "setting_out_of_range"),
    (dict(batch_size=0), "setting_out_of_range"),
    (dict(train_size=500), "setting_out_of_range"),
    (dict(iterations=10**9), "setting_out_of_range"),
    (dict(batch_size=1000, train_size=1000, iterations=1000), None),
    (dict(eval_every=500, iterations=100), "setting_interval_too_long"),
])
def test_impossible_settings_are_refused(settings, key, rows):
    problems = SoftmaxSettings(**settings).problems()
    assert [p[0] for p in problems] == ([key] if key else [])
    if key:
        with pytest.raises(ValueError):
            SoftmaxTrainer(SoftmaxSettings(**settings), *rows)


def test_batch_larger_than_subset_is_refused():
    assert SoftmaxSettings(batch_size=1000, train_size=1000).problems() == []
    settings = SoftmaxSettings(train_size=1000)
    object.__setattr__(settings, "batch_size", 1001)
    assert [p[0] for p in settings.problems()] == ["setting_out_of_range"]


def test_non_finite_weights_are_reported_as_divergence(rows):
    t = trainer(rows, iterations=20, eval_every=10)
    t.model.weights[0, 0] = np.inf
    with pytest.raises(checkpoint.TrainingDiverged):
        t.advance(10)


def test_confusion_matrix_matches_scikit_learn():
    rng = np.random.default_rng(0)
    labels, predictions = rng.integers(0, 10, 500), rng.integers(0, 10, 500)
    np.testing.assert_array_equal(checkpoint.confusion_matrix(labels, predictions),
                                  sk_confusion_matrix(labels, predictions, labels=range(10)))


def test_wrong_first():
    labels = np.array([1, 2, 3, 4, 5])
    predictions = np.array([1, 0, 3, 0, 5])
    order, wrong = checkpoint.wrong_first(np.arange(5), labels, predictions, count=4)
    assert order.tolist() == [1, 3, 0, 2] and wrong.tolist() == [True, True, False, False]


def _same_checkpoints(got, expected):
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        for field in dataclasses.fields(b):
            if field.name == "seconds":
                continue  # a time, not a result
            left, right = getattr(a, field.name), getattr(b, field.name)
            if isinstance(right, dict):
                assert left.keys() == right.keys()
                for name in right:
                    np.testing.assert_array_equal(left[name], right[name])
            else:
                np.testing.assert_array_equal(left, right, err_msg=field.name)


def test_a_chunk_measured_after_the_next_one_trained_is_the_chunk_s_own(rows):
    """``measure`` reads what ``train`` handed it, never the model training on meanwhile."""
    settings = dict(iterations=300, eval_every=100, train_size=5000, seed=4)
    expected = train_to_end(trainer(rows, **settings))
    ahead = trainer(rows, **settings)
    trained = [ahead.train(100) for _ in range(3)]  # all three trained before the first is measured
    _same_checkpoints([ahead.measure(each) for each in trained], expected)


class MeasuredWhere(SoftmaxTrainer):
    """Records the thread each checkpoint is measured in (at module level: a worker's trainer is pickled)."""

    threads: list = []

    def measure(self, trained):
        MeasuredWhere.threads.append(threading.current_thread().name)
        return super().measure(trained)


def test_the_worker_s_pipeline_gives_the_checkpoints_of_a_plain_loop(rows):
    """In a worker (core.training.hub.advance_trainer) each chunk is measured while the next one
    trains: the same checkpoints, reported in order, the last one returned."""
    settings = SoftmaxSettings(iterations=500, eval_every=100, train_size=5000, seed=5)
    expected = train_to_end(SoftmaxTrainer(settings, *rows))
    threads = MeasuredWhere.threads = []
    reported = []
    workers._local.reporter = reported.append
    try:
        last, state, done, model = hub.advance_trainer(lambda: MeasuredWhere(settings, *rows), None, 100,
                                                       pickled=True, until=300, budget=60.0)
        assert not done and last.step == 300  # stopped where its viewers want it
        reported.append(last)
        last, state, done, model = hub.advance_trainer(None, state, 100, pickled=True, until=500, budget=60.0)
        reported.append(last)
    finally:
        workers._local.reporter = None
    assert done and state is None and isinstance(model, softmax_regression.SoftmaxRegression)
    _same_checkpoints(reported, expected)
    # steps 100, 200 and 400 measured beside the next chunk's training, 300 and 500 before returning
    main = threading.current_thread().name
    assert [name != main for name in threads] == [True, True, False, True, False]


def test_a_chunk_that_fails_in_the_pipeline_comes_after_every_checkpoint_before_it(rows):
    """A diverging run shows its last checkpoint before the error, as when each chunk was measured
    before the next one trained."""
    settings = SoftmaxSettings(iterations=500, eval_every=100, train_size=5000, seed=5)
    expected = train_to_end(SoftmaxTrainer(settings, *rows))[:3]
    reported = []
    workers._local.reporter = reported.append
    try:
        with pytest.raises(checkpoint.TrainingDiverged):
            hub.advance_trainer(lambda: DivergesAt(settings, *rows), None, 100, pickled=False, until=500, budget=60.0)
    finally:
        workers._local.reporter = None
    _same_checkpoints(reported, expected)  # steps 100, 200 and 300: the one before the failing chunk too


class DivergesAt(SoftmaxTrainer):
    """Fails its fourth chunk, as a run whose weights overflow would."""

    def train(self, steps):
        if self.step >= 300:
            raise checkpoint.TrainingDiverged(f"the weights diverged after {self.step + steps} iterations")
        return super().train(steps)
