"""The convolutional network's settings, declared once, and its trainer (one chunk of batches at a time)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from core import data
from core.lesson.softmax import LOG_EPSILON
from core.models.convnet.architectures import (
    LIVE_FILTERS,
    LIVE_KERNEL,
    global_pooling_architecture,
    lesson_architecture,
    live_architecture,
)
from core.models.convnet.network import ConvNet, as_images
from core.models.convnet.optimizers import OPTIMIZERS
from core.settings.fields import Settings, batch_problems, parse_sizes, seed_setting, setting, sizes_text, valid_sizes
from core.training.checkpoint import Checkpoint, TrainingDiverged, percentiles
from core.training.trainer import DigitsTrainer, hold_out

ARCHITECTURES = ("lesson", "global_pooling", "live")
KERNEL_SIZES = (3, 5, 7)
MAX_CONV_LAYERS = 3       # three 2×2 poolings: 28 → 14 → 7 → 3
MAX_FILTERS = 64
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1)
BATCH_SIZES = (8, 16, 32, 64, 128)
EPOCHS = (1, 2, 3, 5, 10, 15, 20)
TRAIN_SIZES = (1000, 2000, 5000, 10000, 20000, 30000, 60000)
FILTER_CODES = {"empty": "filters_empty", "too_many": "filters_too_many", "not_a_number": "filters_not_a_number",
                "out_of_range": "filters_out_of_range"}
# Intermediate checkpoints measure the test accuracy on this fixed sample of the test digits;
# the last one on all of them.
TEST_SAMPLE_SIZE = 2000
SHOWN_DIGITS = 100


def parse_filters(text: str) -> tuple[int, ...]:
    """The filters of each convolution typed as "8-16": one pooled convolution per number."""
    return parse_sizes(text, MAX_CONV_LAYERS, MAX_FILTERS, FILTER_CODES)


def filters_problem(filters) -> tuple[str, dict] | None:
    if not valid_sizes(filters, MAX_CONV_LAYERS, MAX_FILTERS):
        return "setting_out_of_range", {"name": "filters", "low": 1, "high": MAX_FILTERS}
    return None


def kernel_problem(kernel) -> tuple[str, dict] | None:
    if not (isinstance(kernel, (int, np.integer)) and not isinstance(kernel, bool) and kernel in KERNEL_SIZES):
        return "cnn_kernel_size_invalid", {"size": kernel, "allowed": ", ".join(map(str, KERNEL_SIZES))}
    return None


@dataclass(frozen=True)
class ConvNetSettings(Settings):
    """The convolutional network's hyperparameters (defaults: the small network a student trains live).

    ``architecture`` is "lesson", "global_pooling" (the shipped networks'
    architectures) or "live", whose convolutions have ``filters`` (one pooled
    convolution per entry) of ``kernel_size`` × ``kernel_size`` weights; the two
    others ignore ``filters`` and ``kernel_size``. A step is one batch:
    ``eval_every`` batches make a chunk, after which the dashboard gets a
    checkpoint. The learning rate is multiplied by ``learning_rate_decay`` every
    epoch, smoothly batch after batch (1: constant). A share
    ``validation_fraction`` of the chosen training digits can be held out to
    measure the network on digits it never trained on, without touching the test digits.
    """

    architecture: str = setting("live", offered=ARCHITECTURES)
    filters: tuple = setting(LIVE_FILTERS, kind="layers", url="filters", label="cnn_filters", help="cnn_filters_help",
                             widget="text_input", parse_text=parse_filters, format_text=sizes_text,
                             validate=filters_problem)
    kernel_size: int = setting(LIVE_KERNEL, url="kernel", label="cnn_kernel_size", widget="segmented",
                               offered=KERNEL_SIZES, option_prefix="kernel_", validate=kernel_problem)
    optimizer: str = setting("adam", url="optimizer", label="set_solver", widget="segmented", offered=tuple(OPTIMIZERS),
                             option_prefix="solver_")
    # the live network after one epoch on 10 000 digits: 97 % (0.001: 95 %)
    learning_rate: float = setting(0.003, url="lr", label="set_learning_rate", help="set_mlp_learning_rate_help",
                                   widget="select_slider", offered=LEARNING_RATES, bounds=(1e-6, 1.0), decimals=None)
    learning_rate_decay: float = setting(1.0, bounds=(0.01, 1.0))
    batch_size: int = setting(32, url="batch", label="set_batch_size", widget="select_slider", offered=BATCH_SIZES,
                              bounds=(1, 1000))
    epochs: int = setting(1, url="epochs", label="set_epochs", help="set_epochs_help", widget="select_slider",
                          offered=EPOCHS, bounds=(1, 100))
    train_size: int = setting(10000, url="train", label="set_train_size", help="set_train_size_help",
                              widget="select_slider", offered=TRAIN_SIZES, bounds=(100, 60000))
    eval_every: int = setting(100, bounds=(1, 100000))
    validation_fraction: float = setting(0.0, bounds=(0.0, 0.5))
    seed: int = seed_setting()

    model: str = field(default="cnn", init=False)

    def checks(self) -> list[tuple[str, dict]]:
        return batch_problems(self.batch_size, self.training_digits)

    def network_architecture(self) -> list[dict]:
        if self.architecture == "lesson":
            return lesson_architecture()
        if self.architecture == "global_pooling":
            return global_pooling_architecture()
        return live_architecture(self.filters, self.kernel_size)

    @property
    def training_digits(self) -> int:
        """The digits trained on: ``train_size`` less those held out for validation."""
        return self.train_size - round(self.validation_fraction * self.train_size)

    @property
    def batches_per_epoch(self) -> int:
        return max(1, self.training_digits // self.batch_size)

    @property
    def total_steps(self) -> int:
        return self.epochs * self.batches_per_epoch

    @property
    def chunk(self) -> int:
        return self.eval_every


class ConvNetTrainer(DigitsTrainer):
    """Trains a :class:`ConvNet` on MNIST in mini-batches, ``eval_every`` batches per chunk.

    One step is one batch. Each epoch visits the chosen training digits in a new
    random order, ``batch_size`` at a time (the few left over at the end of an
    epoch wait for the next one, in its new order). The run is deterministic for
    a seed, whatever the chunks it is advanced by and the processes it travels
    through: the network, the optimiser's memory, the random generator and the
    place in the epoch are the whole state.

    The checkpoint's training figures are measured on the digits of the
    chunk's batches, by the network as it met them (before each update: no
    extra work); its ``batch_indices`` are the last :data:`SHOWN_DIGITS` of them.
    The test figures are measured on a fixed stratified sample of
    :data:`TEST_SAMPLE_SIZE` test digits, and on all of them at the end of the
    run. ``pixel_weights`` are the first convolution's filters, (k·k, filters):
    column f reshaped (k, k) is filter f as an image. ``weight_percentiles`` and
    ``biases`` are keyed "1", "2", … for the layers that learn, in order
    (convolutions, then dense layers).
    """

    def __init__(self, settings: ConvNetSettings, x_train: np.ndarray, y_train: np.ndarray,
                 x_test: np.ndarray, y_test: np.ndarray):
        super().__init__(settings, x_train, y_train, x_test, y_test)
        self.rng = np.random.default_rng(settings.seed)
        chosen, self.validation = hold_out(self.chosen_digits(), settings.validation_fraction, self.rng)
        # int32 indices: the run's state travels between processes after every chunk
        self.pool = chosen.astype(np.int32)
        self.batches_per_epoch = max(1, self.pool.size // settings.batch_size)
        self.total_steps = settings.epochs * self.batches_per_epoch
        self.network = ConvNet(settings.network_architecture(), seed=settings.seed)
        optimizer = OPTIMIZERS[settings.optimizer]
        self.optimizer = optimizer(settings.learning_rate)
        self.step = 0
        self.seconds = 0.0
        self._order = np.empty(0, dtype=np.int32)
        self._position = 0
        self._epoch_state = None  # the random generator's state when the epoch's order was drawn
        sample = min(TEST_SAMPLE_SIZE, self.y_test.size)
        self.test_sample = (np.arange(self.y_test.size) if sample == self.y_test.size
                            else data.stratified_subset(self.y_test, sample, seed=0))

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("_order")  # drawn again from the generator's state: a few bytes instead of the whole order
        return state

    def __setstate__(self, state: dict) -> None:
        super().__setstate__(state)
        self._order = np.empty(0, dtype=np.int32)
        if self._epoch_state is not None:
            generator = np.random.default_rng()
            generator.bit_generator.state = self._epoch_state
            self._order = self.pool[generator.permutation(self.pool.size)]

    @property
    def done(self) -> bool:
        return self.step >= self.total_steps

    def final_model(self) -> ConvNet:
        """The trained network (it has ``predict_proba``), for the pages that test it further."""
        return self.network

    def _next_batch(self) -> np.ndarray:
        size = self.settings.batch_size
        if self._position + size > self._order.size:
            # a new epoch: the training digits in a new random order
            self._epoch_state = self.rng.bit_generator.state
            self._order = self.pool[self.rng.permutation(self.pool.size)]
            self._position = 0
        batch = self._order[self._position:self._position + size]
        self._position += size
        return batch

    def _images(self, indices: np.ndarray) -> np.ndarray:
        return as_images(self.x_train[indices])

    def advance(self, steps: int) -> Checkpoint:
        """Train ``steps`` more batches (fewer at the end) and return the checkpoint."""
        steps = max(0, min(int(steps), self.total_steps - self.step))
        settings, network = self.settings, self.network
        started = time.perf_counter()
        loss_sum, correct, seen = 0.0, 0, 0
        shown: list[tuple[np.ndarray, np.ndarray]] = []
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # divergence is checked below
            for _ in range(steps):
                batch = self._next_batch()
                self.optimizer.learning_rate = settings.learning_rate * settings.learning_rate_decay ** (
                    self.step / self.batches_per_epoch)
                labels = self.y_train[batch].astype(np.intp)
                loss, predictions = network.train_step(self._images(batch), labels, self.optimizer)
                self.step += 1
                loss_sum += loss * batch.size
                correct += int(np.count_nonzero(predictions == labels))
                seen += batch.size
                shown.append((batch, predictions))
                while (len(shown) - 1) * settings.batch_size >= SHOWN_DIGITS:
                    shown.pop(0)  # the earlier batches are not shown
            if not seen:  # nothing trained yet: show the untrained network on a first batch
                batch = self._next_batch()
                self._position -= batch.size
                labels = self.y_train[batch].astype(np.intp)
                probabilities = network.predict_proba(self._images(batch))
                loss_sum = float(-np.log(np.maximum(probabilities[np.arange(batch.size), labels], LOG_EPSILON)).sum())
                predictions = probabilities.argmax(axis=1)
                correct, seen = int(np.count_nonzero(predictions == labels)), batch.size
                shown.append((batch, predictions))
            network.forget()
            if not (network.is_finite() and np.isfinite(loss_sum)):
                raise TrainingDiverged(f"the weights diverged after {self.step} batches")
            if self.done or self.test_sample.size == self.y_test.size:
                test_indices = np.arange(self.y_test.size)
                test_rows, test_labels = self.x_test, self.y_test
            else:
                test_indices = self.test_sample
                test_rows, test_labels = self.x_test[test_indices], self.y_test[test_indices]
            test_accuracy, test_loss, test_predictions = network.evaluate(test_rows, test_labels)
            validation = (network.evaluate(self.x_train[self.validation], self.y_train[self.validation])[:2]
                          if self.validation.size else None)
        self.seconds += time.perf_counter() - started
        batch_indices = np.concatenate([indices for indices, _ in shown])[-SHOWN_DIGITS:]
        batch_predictions = np.concatenate([predicted for _, predicted in shown])[-SHOWN_DIGITS:]
        weighted = network.weighted_layers()
        first = network.first_layer_filters()
        return Checkpoint(
            step=self.step,
            seconds=self.seconds,
            train_accuracy=correct / seen,
            train_loss=loss_sum / seen,
            test_accuracy=test_accuracy,
            test_loss=test_loss,
            test_size=int(test_indices.size),
            weight_percentiles={name: percentiles(layer.params["weights"]) for name, layer in weighted},
            biases={name: layer.params["biases"].copy() for name, layer in weighted},
            pixel_weights=first.reshape(first.shape[0], -1).T.copy(),
            batch_indices=batch_indices.astype(np.intp),
            batch_predictions=batch_predictions.astype(np.uint8),
            test_indices=test_indices,
            test_predictions=test_predictions.astype(np.uint8),
            validation_accuracy=None if validation is None else validation[0],
            validation_loss=None if validation is None else validation[1],
        )
