"""The lesson's first model, written by hand: Y = softmax(X·W + b).

As in the lesson's TensorFlow code, W[784, 10] and b[10] start at zero, the
loss is the cross-entropy summed over the batch, and learning is plain
gradient descent. The gradient, derived by hand, is

    dLoss/dL = Y - Y'          (L = X·W + b, Y = softmax(L), Y' one-hot)
    dLoss/dW = Xᵀ · (Y - Y')   dLoss/db = Σ_rows (Y - Y')
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from core import data
from core.lesson.softmax import LOG_EPSILON, softmax
from core.settings.fields import Settings, batch_problems, seed_setting, setting
from core.training.checkpoint import Checkpoint, TrainingDiverged, percentiles
from core.training.trainer import DigitsTrainer


class SoftmaxRegression:
    """Ten neurons, one per digit, each a weighted sum of the 784 pixels plus a bias."""

    def __init__(self, n_features: int = 784, n_classes: int = 10):
        self.weights = np.zeros((n_features, n_classes), dtype=np.float32)
        self.biases = np.zeros(n_classes, dtype=np.float32)

    def logits(self, images: np.ndarray) -> np.ndarray:
        """L = X·W + b for a batch of flattened images X[n, 784]."""
        return images @ self.weights + self.biases

    def predict_proba(self, images: np.ndarray) -> np.ndarray:
        return softmax(self.logits(images))

    def copy(self) -> SoftmaxRegression:
        """The model as it is now, its own arrays: training this one further leaves the copy as it was."""
        twin = SoftmaxRegression.__new__(SoftmaxRegression)
        twin.weights, twin.biases = self.weights.copy(), self.biases.copy()
        return twin

    def loss_and_gradients(self, images: np.ndarray, labels: np.ndarray):
        """(summed cross-entropy, dW, db, probabilities) for one batch."""
        probabilities = self.predict_proba(images)
        rows = np.arange(labels.size)
        loss = -np.log(np.maximum(probabilities[rows, labels], LOG_EPSILON)).sum(dtype=np.float64)
        delta = probabilities.copy()
        delta[rows, labels] -= 1.0  # Y - Y'
        return float(loss), images.T @ delta, delta.sum(axis=0), probabilities

    def step(self, images: np.ndarray, labels: np.ndarray, learning_rate: float, measure: bool = True):
        """One step of gradient descent; returns (summed loss, predicted digits) before the step.

        The same computation as :meth:`loss_and_gradients`, done in place on one
        buffer: this loop runs thousands of times while the class watches. With
        ``measure=False`` the loss and the predictions are not computed (None, None):
        the training loop only reports them for the last batch of each chunk.
        """
        rows = np.arange(labels.size)
        work = images @ self.weights
        work += self.biases
        work -= work.max(axis=1, keepdims=True)
        np.exp(work, out=work)
        work /= work.sum(axis=1, keepdims=True)          # Y = softmax(L)
        loss = predictions = None
        if measure:
            predictions = work.argmax(axis=1)
            loss = float(-np.log(np.maximum(work[rows, labels], LOG_EPSILON)).sum(dtype=np.float64))
        work[rows, labels] -= 1.0                         # Y - Y'
        work *= -learning_rate  # a Python float keeps the dtype of the weights (NEP 50)
        self.weights += images.T @ work
        self.biases += work.sum(axis=0)
        return loss, predictions

    def evaluate(self, images: np.ndarray, labels: np.ndarray):
        """(accuracy, mean cross-entropy per image, predicted digits) on a set of images."""
        probabilities = self.predict_proba(images)
        predictions = probabilities.argmax(axis=1)
        picked = probabilities[np.arange(labels.size), labels]
        loss = -np.log(np.maximum(picked, LOG_EPSILON)).mean(dtype=np.float64)
        return float(np.mean(predictions == labels)), float(loss), predictions

    def is_finite(self) -> bool:
        return bool(np.isfinite(self.weights).all() and np.isfinite(self.biases).all())


# Under this evaluation interval the test curve uses a fixed sample of the test digits.
FULL_TEST_MIN_INTERVAL = 50
TEST_SAMPLE_SIZE = 2000

# The choices offered on the page (log scale where it matters).
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
BATCH_SIZES = (1, 10, 20, 50, 100, 200, 500, 1000)
ITERATIONS = (100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
TRAIN_SIZES = (1000, 2000, 5000, 10000, 20000, 30000, 60000)
EVAL_INTERVALS = (10, 20, 50, 100, 200, 500, 1000)


@dataclass(frozen=True)
class SoftmaxSettings(Settings):
    """The lesson's hyperparameters for the 10-neuron model (defaults: the lesson's)."""

    learning_rate: float = setting(0.003, url="lr", label="set_learning_rate", help="set_learning_rate_help",
                                   widget="select_slider", offered=LEARNING_RATES, bounds=(1e-5, 10.0), decimals=None)
    batch_size: int = setting(100, url="batch", label="set_batch_size", help="set_batch_size_help",
                              widget="select_slider", offered=BATCH_SIZES, bounds=(1, 1000))
    iterations: int = setting(10000, url="iter", label="set_iterations", widget="select_slider", offered=ITERATIONS,
                              bounds=(1, 50000))
    train_size: int = setting(60000, url="train", label="set_train_size", help="set_train_size_help",
                              widget="select_slider", offered=TRAIN_SIZES, bounds=(1000, 60000))
    eval_every: int = setting(100, url="every", label="set_eval_every", help="set_eval_every_help",
                              widget="select_slider", offered=EVAL_INTERVALS, bounds=(1, 50000))
    seed: int = seed_setting()

    model: str = field(default="softmax", init=False)

    def checks(self) -> list[tuple[str, dict]]:
        if self.batch_size > self.train_size:
            return batch_problems(self.batch_size, self.train_size)
        if self.eval_every > self.iterations:
            return [("setting_interval_too_long", {"every": self.eval_every, "total": self.iterations})]
        return []

    @property
    def total_steps(self) -> int:
        return self.iterations

    @property
    def chunk(self) -> int:
        return self.eval_every


@dataclass(frozen=True)
class Trained:
    """The model after a chunk of iterations, and its last batch: what a checkpoint is measured from."""

    step: int
    seconds: float                 # training time so far
    model: SoftmaxRegression       # a copy, left as it was while the next chunk trains
    batch: np.ndarray
    batch_loss: float              # summed cross-entropy on that batch, before its step
    batch_predictions: np.ndarray
    full_test: bool                # measured on every test digit (else on the trainer's sample)


class SoftmaxTrainer(DigitsTrainer):
    """Trains :class:`SoftmaxRegression` on MNIST in mini-batches, chunk by chunk.

    ``x_train`` and ``x_test`` are the shared read-only float32 rows (n, 784);
    they are only read, never copied whole (nor pickled: see ``data.SharedRowsPickling``).
    """

    def __init__(self, settings: SoftmaxSettings, x_train: np.ndarray, y_train: np.ndarray,
                 x_test: np.ndarray, y_test: np.ndarray):
        super().__init__(settings, x_train, y_train, x_test, y_test)
        self.pool = self.chosen_digits()
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
        return self.measure(self.train(steps))

    def train(self, steps: int) -> Trained:
        """Train ``steps`` more iterations (fewer at the end): the model as it is then, to :meth:`measure`."""
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
        self.seconds += time.perf_counter() - started
        return Trained(step=self.step, seconds=self.seconds, model=self.model.copy(), batch=batch.copy(),
                       batch_loss=loss, batch_predictions=batch_predictions,
                       full_test=self.done or self.test_sample.size == self.y_test.size)

    def measure(self, trained: Trained) -> Checkpoint:
        """The checkpoint of ``trained``: the model on the test digits, its weights' spread.

        It reads only ``trained`` and the read-only test rows, never the trainer's own model: it
        may run in another thread while the next iterations train (``core.training.hub.advance_trainer``).
        """
        started = time.perf_counter()
        if trained.full_test:
            test_indices = np.arange(self.y_test.size)
            test_images, test_labels = self.x_test, self.y_test  # no copy of the whole test set
        else:
            test_indices = self.test_sample
            test_images, test_labels = self.x_test[test_indices], self.y_test[test_indices]
        model = trained.model
        test_accuracy, test_loss, test_predictions = model.evaluate(test_images, test_labels)
        batch = trained.batch
        return Checkpoint(
            step=trained.step,
            seconds=trained.seconds + time.perf_counter() - started,
            train_accuracy=float(np.mean(trained.batch_predictions == self.y_train[batch])),
            train_loss=trained.batch_loss / batch.size,
            test_accuracy=test_accuracy,
            test_loss=test_loss,
            test_size=int(test_indices.size),
            weight_percentiles={"1": percentiles(model.weights)},  # one layer: W[784, 10]
            biases={"1": model.biases},
            pixel_weights=model.weights,
            batch_indices=batch,
            batch_predictions=trained.batch_predictions.astype(np.uint8),
            test_indices=test_indices,
            test_predictions=test_predictions.astype(np.uint8),
        )
