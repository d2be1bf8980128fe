"""What every trainer returns, a :class:`Checkpoint`, and what is read from checkpoints.

A *trainer* (``core.models``) advances a model a given number of steps and returns a
:class:`Checkpoint`: everything the dashboard shows at that moment (accuracy and
cross-entropy on training and test digits, the spread of the weights, the biases, the digits
it gets wrong). A trainer is deterministic for a seed, whatever the chunks it is advanced by,
so a paused and resumed run ends exactly where an uninterrupted one does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PERCENTILES = (0, 10, 25, 50, 75, 90, 100)
SHOWN_DIGITS = 100


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



def percentiles(values: np.ndarray) -> np.ndarray:
    return np.percentile(values, PERCENTILES).astype(np.float32)


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
