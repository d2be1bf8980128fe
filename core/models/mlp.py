"""The lesson's second model: a fully connected network, scikit-learn's MLPClassifier.

Five layers in the lesson: sigmoid 200, 100, 60, 30, then softmax 10. It is
trained epoch by epoch with ``partial_fit`` so that the page keeps control
between epochs (progress, pause, resume, stop), and it yields the same
:class:`core.training.checkpoint.Checkpoint` as the 10-neuron model, so that one
dashboard serves both.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from core import data
from core.lesson import translation
from core.lesson.softmax import LOG_EPSILON
from core.settings.fields import (
    SettingProblem,
    Settings,
    batch_problems,
    parse_sizes,
    seed_setting,
    setting,
    sizes_text,
    valid_sizes,
)
from core.training.checkpoint import Checkpoint, TrainingDiverged, percentiles
from core.training.trainer import DigitsTrainer, hold_out

LESSON_LAYERS = (200, 100, 60, 30)
PRESETS = {
    "lesson": LESSON_LAYERS,
    "one_big": (1000,),
    "tiny": (16,),
}
ACTIVATIONS = ("logistic", "relu", "tanh")
SOLVERS = ("adam", "sgd")
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
BATCH_SIZES = (10, 20, 50, 100, 200, 500, 1000)
EPOCHS = (1, 2, 3, 5, 10, 15, 20, 30, 50, 100)
ALPHAS = (0.0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0)
TRAIN_SIZES = (1000, 2000, 5000, 10000, 20000, 30000, 60000)
MAX_LAYERS = 6
MAX_NEURONS = 2000
# Training accuracy and loss are measured on a fixed sample: all 60 000 would cost a fifth of an epoch.
TRAIN_SAMPLE_SIZE = 10000
SHOWN_NEURONS = 20
MAX_AUGMENTATION_SHIFT = 8
# Shifted digits are made and fed to partial_fit this many at a time: one chunk of copies in memory.
AUGMENTATION_CHUNK = 10000
# The yardstick for the lesson's network: at least 97.5 % on the test digits.
TARGET_ACCURACY = 0.975


class LayerSpecError(SettingProblem):
    """A layer specification that cannot be a network: ``code`` names a message in core.texts."""


LAYER_CODES = {"empty": "layers_empty", "too_many": "layers_too_many", "not_a_number": "layers_not_a_number",
               "out_of_range": "layers_out_of_range"}


def parse_layers(text: str) -> tuple[int, ...]:
    """Read hidden layer sizes such as "200-100-60-30", "200, 100" or "200 100"."""
    return parse_sizes(text, MAX_LAYERS, MAX_NEURONS, LAYER_CODES, LayerSpecError)


def layers_problem(layers) -> tuple[str, dict] | None:
    """Why ``layers`` cannot be a network's hidden layers; None when they can."""
    if not valid_sizes(layers, MAX_LAYERS, MAX_NEURONS):
        return "layers_invalid", {"max_layers": MAX_LAYERS, "max": MAX_NEURONS}
    return None


def parameter_count(hidden_layers: tuple[int, ...], n_inputs: int = 784, n_outputs: int = 10) -> int:
    """Weights plus biases of a fully connected network."""
    sizes = (n_inputs, *hidden_layers, n_outputs)
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))


@dataclass(frozen=True)
class MLPSettings(Settings):
    """The 5-layer network's hyperparameters (defaults: the lesson's network)."""

    hidden_layers: tuple = setting(LESSON_LAYERS, kind="layers", url="layers", label="set_layers",
                                   help="set_layers_help", widget="text_input", parse_text=parse_layers,
                                   format_text=sizes_text, validate=layers_problem)
    activation: str = setting("logistic", url="act", label="set_activation", widget="segmented", offered=ACTIVATIONS,
                              option_prefix="activation_")
    solver: str = setting("adam", url="solver", label="set_solver", widget="segmented", offered=SOLVERS,
                          option_prefix="solver_")
    learning_rate: float = setting(0.001, url="lr", label="set_learning_rate", help="set_mlp_learning_rate_help",
                                   widget="select_slider", offered=LEARNING_RATES, bounds=(1e-6, 1.0), decimals=None)
    batch_size: int = setting(100, url="batch", label="set_batch_size", widget="select_slider", offered=BATCH_SIZES,
                              bounds=(1, 1000))
    epochs: int = setting(20, url="epochs", label="set_epochs", help="set_epochs_help", widget="select_slider",
                          offered=EPOCHS, bounds=(1, 200))
    alpha: float = setting(0.0001, url="alpha", label="set_alpha", help="set_alpha_help", widget="select_slider",
                           offered=ALPHAS, bounds=(0.0, 10.0), decimals=None)
    train_size: int = setting(60000, url="train", label="set_train_size", help="set_train_size_help",
                              widget="select_slider", offered=TRAIN_SIZES, bounds=(100, 60000))
    seed: int = seed_setting()
    # for experiments: a share of the chosen digits held out to decide when to stop early,
    # and a fixed sample of the test digits to measure faster
    validation_fraction: float = setting(0.0, bounds=(0.0, 0.5))
    test_digits: int = setting(10000, bounds=(100, 10000))
    # data augmentation (translation page): each epoch, every training digit moved by its own
    # random shift of up to this many pixels in x and y; 0 trains on the digits as they are
    shift_augmentation: int = setting(0, bounds=(0, MAX_AUGMENTATION_SHIFT))

    model: str = field(default="mlp", init=False)

    def checks(self) -> list[tuple[str, dict]]:
        return batch_problems(self.batch_size, self.train_size)

    @property
    def total_steps(self) -> int:
        return self.epochs

    @property
    def chunk(self) -> int:
        return 1

    @property
    def parameters(self) -> int:
        return parameter_count(self.hidden_layers)


def _cross_entropy(probabilities: np.ndarray, labels: np.ndarray) -> float:
    picked = probabilities[np.arange(labels.size), labels]
    return float(-np.log(np.maximum(picked, LOG_EPSILON)).mean())


class MLPTrainer(DigitsTrainer):
    """Trains an :class:`~sklearn.neural_network.MLPClassifier` one epoch per step."""

    def __init__(self, settings: MLPSettings, x_train: np.ndarray, y_train: np.ndarray,
                 x_test: np.ndarray, y_test: np.ndarray):
        super().__init__(settings, x_train, y_train, x_test, y_test)
        self.pool, self.validation = hold_out(self.chosen_digits(), settings.validation_fraction,
                                              np.random.default_rng(settings.seed))
        self.full = self.pool.size == self.y_train.size
        self.images = self._gathered()
        self.labels = self.y_train[self.pool]
        self.test_indices = (np.arange(self.y_test.size) if settings.test_digits >= self.y_test.size
                             else data.stratified_subset(self.y_test, settings.test_digits, seed=0))
        sample = min(TRAIN_SAMPLE_SIZE, self.pool.size)
        self.train_sample = (np.arange(self.pool.size) if sample == self.pool.size
                             else data.stratified_subset(self.labels, sample, seed=0))
        self.classifier = MLPClassifier(
            hidden_layer_sizes=settings.hidden_layers, activation=settings.activation, solver=settings.solver,
            learning_rate_init=settings.learning_rate, batch_size=settings.batch_size, alpha=settings.alpha,
            momentum=0.9, random_state=settings.seed, shuffle=True, max_iter=1,
        )
        self.step = 0
        self.seconds = 0.0
        self.epoch_seconds: list[float] = []
        self._shift_rng = np.random.default_rng((settings.seed, 1))

    def _gathered(self) -> np.ndarray:
        # the subset is gathered once: partial_fit wants a contiguous array
        return self.x_train if self.full else self.x_train[self.pool]

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("images")  # gathered again from the shared rows: a subset's copy never travels
        return state

    def __setstate__(self, state: dict) -> None:
        super().__setstate__(state)
        self.images = self._gathered()

    @property
    def done(self) -> bool:
        return self.step >= self.settings.epochs

    def final_model(self) -> MLPClassifier:
        """The trained network (it has ``predict_proba``), for the pages that test it further."""
        return self.classifier

    def _epoch(self) -> None:
        if not self.settings.shift_augmentation:
            self.classifier.partial_fit(self.images, self.labels, classes=np.arange(10))
            return
        # augmentation: the digits in a new order, each moved by its own random shift, a chunk at a time
        order = self._shift_rng.permutation(self.labels.size)
        side = data.IMAGE_SIDE
        for start in range(0, order.size, AUGMENTATION_CHUNK):
            chosen = order[start:start + AUGMENTATION_CHUNK]
            moved = translation.random_shifts(self.images[chosen].reshape(-1, side, side),
                                              self.settings.shift_augmentation, self._shift_rng)
            self.classifier.partial_fit(moved.reshape(chosen.size, -1), self.labels[chosen], classes=np.arange(10))

    def advance(self, steps: int) -> Checkpoint:
        """Train ``steps`` more epochs (fewer at the end) and return the checkpoint."""
        steps = max(0, min(int(steps), self.settings.epochs - self.step))
        if self.step == 0:
            steps = max(steps, 1)  # a network has no weights to show before its first epoch
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            # an augmented epoch's last chunk may hold fewer digits than a batch: one smaller batch
            warnings.filterwarnings("ignore", message="Got `batch_size`", category=UserWarning)
            for _ in range(steps):
                epoch_started = time.perf_counter()
                with np.errstate(over="ignore", invalid="ignore"):
                    self._epoch()
                self.epoch_seconds.append(time.perf_counter() - epoch_started)
                self.step += 1
        coefs = self.classifier.coefs_
        if not all(np.isfinite(w).all() for w in coefs):
            raise TrainingDiverged(f"the weights diverged after {self.step} epochs")
        train_rows = self.images[self.train_sample]
        train_labels = self.labels[self.train_sample]
        test_labels = self.y_test[self.test_indices]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            train_probabilities = self.classifier.predict_proba(train_rows)
            test_probabilities = self.classifier.predict_proba(
                self.x_test if self.test_indices.size == self.y_test.size else self.x_test[self.test_indices])
            validation = None
            if self.validation.size:
                validation_probabilities = self.classifier.predict_proba(self.x_train[self.validation])
                validation_labels = self.y_train[self.validation]
                validation = (float(np.mean(validation_probabilities.argmax(axis=1) == validation_labels)),
                              _cross_entropy(validation_probabilities, validation_labels))
        train_predictions = train_probabilities.argmax(axis=1)
        test_predictions = test_probabilities.argmax(axis=1)
        self.seconds += time.perf_counter() - started
        names = [f"{index + 1}" for index in range(len(coefs))]
        return Checkpoint(
            step=self.step,
            seconds=self.seconds,
            train_accuracy=float(np.mean(train_predictions == train_labels)),
            train_loss=_cross_entropy(train_probabilities, train_labels),
            test_accuracy=float(np.mean(test_predictions == test_labels)),
            test_loss=_cross_entropy(test_probabilities, test_labels),
            test_size=int(test_labels.size),
            weight_percentiles={name: percentiles(w) for name, w in zip(names, coefs)},
            biases={name: b.astype(np.float32) for name, b in zip(names, self.classifier.intercepts_)},
            pixel_weights=coefs[0][:, :SHOWN_NEURONS].astype(np.float32),
            batch_indices=self.pool[self.train_sample[:100]],
            batch_predictions=train_predictions[:100].astype(np.uint8),
            test_indices=self.test_indices,
            test_predictions=test_predictions.astype(np.uint8),
            validation_accuracy=None if validation is None else validation[0],
            validation_loss=None if validation is None else validation[1],
        )
