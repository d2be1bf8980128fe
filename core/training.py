"""Training written once: settings, checkpoints and the step-by-step loop.

A *trainer* advances a model a given number of steps and returns a
:class:`Checkpoint`: everything the dashboard shows at that moment (accuracy
and cross-entropy on the training batch and on test digits, the spread of the
weights, the biases, the digits it gets wrong). The loop is deterministic for a
seed, whatever the chunks it is advanced by, so a paused and resumed run ends
exactly where an uninterrupted one does.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from core import data
from core.softmax_regression import SoftmaxRegression

PERCENTILES = (0, 10, 25, 50, 75, 90, 100)
# Under this evaluation interval the test curve uses a fixed sample of the test digits.
FULL_TEST_MIN_INTERVAL = 50
TEST_SAMPLE_SIZE = 2000
SHOWN_DIGITS = 100


# The choices offered on the page (log scale where it matters).
LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
BATCH_SIZES = [1, 10, 20, 50, 100, 200, 500, 1000]
ITERATIONS = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]
TRAIN_SIZES = [1000, 2000, 5000, 10000, 20000, 30000, 60000]
EVAL_INTERVALS = [10, 20, 50, 100, 200, 500, 1000]


class TrainingDiverged(RuntimeError):
    """The weights became infinite or NaN: the learning rate is too large."""


@dataclass(frozen=True)
class Checkpoint:
    """The state of a run after ``step`` steps, as the dashboard shows it."""

    step: int
    seconds: float                      # compute time since the start of the run
    train_accuracy: float               # on the last training batch
    train_loss: float                   # mean cross-entropy per image on that batch
    test_accuracy: float
    test_loss: float
    test_size: int                      # how many test digits were evaluated
    weight_percentiles: dict            # layer name -> weights at PERCENTILES
    biases: dict                        # layer name -> all its biases
    pixel_weights: np.ndarray           # (784, k): first-layer weights, one 28x28 image per neuron
    batch_indices: np.ndarray           # the training digits of the last batch (indices in x_train)
    batch_predictions: np.ndarray
    test_indices: np.ndarray            # the test digits evaluated (indices in x_test)
    test_predictions: np.ndarray
    validation_accuracy: float | None = None  # on digits held out of training, when there are any
    validation_loss: float | None = None


def out_of_range(settings, limits: dict[str, tuple[float, float]]) -> list[tuple[str, dict]]:
    """One ("setting_out_of_range", values) problem per numeric setting outside [low, high] (NaN included)."""
    found = []
    for name, (low, high) in limits.items():
        value = getattr(settings, name)
        if not (isinstance(value, (int, float)) and np.isfinite(value) and low <= value <= high):
            found.append(("setting_out_of_range", {"name": name, "low": low, "high": high}))
    return found


@dataclass(frozen=True)
class SoftmaxSettings:
    """The lesson's hyperparameters for the 10-neuron model (defaults: the lesson's)."""

    learning_rate: float = 0.003
    batch_size: int = 100
    iterations: int = 10000
    train_size: int = 60000
    eval_every: int = 100
    seed: int = 0

    model: str = field(default="softmax", init=False)

    LIMITS = {
        "learning_rate": (1e-5, 10.0),
        "batch_size": (1, 1000),
        "iterations": (1, 50000),
        "train_size": (1000, 60000),
        "eval_every": (1, 50000),
        "seed": (0, 2**31 - 1),
    }

    def problems(self) -> list[tuple[str, dict]]:
        """Why these settings cannot be trained, as (text key, values); empty when valid."""
        found = out_of_range(self, self.LIMITS)
        if not found and self.batch_size > self.train_size:
            found.append(("setting_batch_too_large", {"batch": self.batch_size, "size": self.train_size}))
        if not found and self.eval_every > self.iterations:
            found.append(("setting_interval_too_long", {"every": self.eval_every, "total": self.iterations}))
        return found

    @property
    def total_steps(self) -> int:
        return self.iterations

    @property
    def chunk(self) -> int:
        return self.eval_every


def _percentiles(values: np.ndarray) -> np.ndarray:
    return np.percentile(values, PERCENTILES).astype(np.float32)


class SoftmaxTrainer(data.SharedRowsPickling):
    """Trains :class:`SoftmaxRegression` on MNIST in mini-batches, chunk by chunk.

    ``x_train`` and ``x_test`` are the shared read-only float32 rows (n, 784);
    they are only read, never copied whole (nor pickled: see ``data.SharedRowsPickling``).
    """

    def __init__(self, settings: SoftmaxSettings, x_train: np.ndarray, y_train: np.ndarray,
                 x_test: np.ndarray, y_test: np.ndarray):
        problems = settings.problems()
        if problems:
            raise ValueError(f"invalid settings: {problems}")
        self.settings = settings
        self.x_train, self.y_train = x_train, np.asarray(y_train, dtype=np.intp)
        self.x_test, self.y_test = x_test, np.asarray(y_test, dtype=np.intp)
        self.pool = (np.arange(self.y_train.size) if settings.train_size >= self.y_train.size
                     else data.stratified_subset(self.y_train, settings.train_size, settings.seed))
        self.rng = np.random.default_rng(settings.seed)
        self.model = SoftmaxRegression()
        self.step = 0
        self.seconds = 0.0
        self._order = np.empty(0, dtype=np.intp)
        self._position = 0
        sample_size = self.y_test.size if settings.eval_every >= FULL_TEST_MIN_INTERVAL \
            else min(TEST_SAMPLE_SIZE, self.y_test.size)
        self.test_sample = (np.arange(self.y_test.size) if sample_size == self.y_test.size
                            else data.stratified_subset(self.y_test, sample_size, seed=0))

    @property
    def done(self) -> bool:
        return self.step >= self.settings.iterations

    def final_model(self) -> SoftmaxRegression:
        """The trained model (it has ``predict_proba``), for the pages that test it further."""
        return self.model

    def _next_batch(self) -> np.ndarray:
        size = self.settings.batch_size
        if self._position + size > self._order.size:
            # a new epoch: the training digits in a new random order
            self._order = self.pool[self.rng.permutation(self.pool.size)]
            self._position = 0
        batch = self._order[self._position:self._position + size]
        self._position += size
        return batch

    def advance(self, steps: int) -> Checkpoint:
        """Train ``steps`` more iterations (fewer at the end) and return the checkpoint."""
        steps = max(0, min(int(steps), self.settings.iterations - self.step))
        started = time.perf_counter()
        batch = batch_predictions = None
        loss = 0.0
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is checked just below
            for step in range(steps):
                batch = self._next_batch()
                loss, batch_predictions = self.model.step(self.x_train[batch], self.y_train[batch],
                                                          self.settings.learning_rate, measure=step == steps - 1)
        self.step += steps
        if not (self.model.is_finite() and np.isfinite(loss)):
            raise TrainingDiverged(f"the weights diverged after {self.step} iterations")
        if batch is None:  # nothing trained yet: show the untrained model on a first batch
            batch = self._next_batch()
            self._position -= batch.size
            loss, _, _, probabilities = self.model.loss_and_gradients(self.x_train[batch], self.y_train[batch])
            batch_predictions = probabilities.argmax(axis=1)
        if self.done or self.test_sample.size == self.y_test.size:
            test_indices = np.arange(self.y_test.size)
            test_images, test_labels = self.x_test, self.y_test  # no copy of the whole test set
        else:
            test_indices = self.test_sample
            test_images, test_labels = self.x_test[test_indices], self.y_test[test_indices]
        test_accuracy, test_loss, test_predictions = self.model.evaluate(test_images, test_labels)
        self.seconds += time.perf_counter() - started
        weights = self.model.weights
        return Checkpoint(
            step=self.step,
            seconds=self.seconds,
            train_accuracy=float(np.mean(batch_predictions == self.y_train[batch])),
            train_loss=loss / batch.size,
            test_accuracy=test_accuracy,
            test_loss=test_loss,
            test_size=int(test_indices.size),
            weight_percentiles={"1": _percentiles(weights)},  # one layer: W[784, 10]
            biases={"1": self.model.biases.copy()},
            pixel_weights=weights.copy(),
            batch_indices=batch.copy(),
            batch_predictions=batch_predictions.astype(np.uint8),
            test_indices=test_indices,
            test_predictions=test_predictions.astype(np.uint8),
        )


def train_to_end(trainer, chunk: int | None = None) -> list[Checkpoint]:
    """Run a trainer to its end, returning every checkpoint (used by tests and benchmarks)."""
    chunk = chunk or trainer.settings.chunk
    checkpoints = [trainer.advance(chunk)]
    while not trainer.done:
        checkpoints.append(trainer.advance(chunk))
    return checkpoints


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """Counts[true, predicted]."""
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (np.asarray(labels, dtype=np.intp), np.asarray(predictions, dtype=np.intp)), 1)
    return counts


def wrong_first(indices: np.ndarray, labels: np.ndarray, predictions: np.ndarray,
                count: int = SHOWN_DIGITS) -> tuple[np.ndarray, np.ndarray]:
    """Up to ``count`` (positions, wrong-mask) with the misrecognised digits first."""
    wrong = labels != predictions
    order = np.concatenate([np.flatnonzero(wrong), np.flatnonzero(~wrong)])[:count]
    return order, wrong[order]
