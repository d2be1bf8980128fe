"""The "Limites" slide as real experiments: small grids of trainings and what they show.

Each experiment is a list of (name, settings). The page runs them through the
server's hub (one computation per setting for the whole class) and draws them
with :func:`core.figures.curves.curves_figure`. The settings were chosen by measurement so that
each grid fills up within about half a minute on a 2-core machine.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from core.figures import palette
from core.models.mlp import MLPSettings
from core.models.softmax_regression import SoftmaxSettings

# A network big enough to learn 500 digits by heart: 200-100 ReLU, no penalty, 30 epochs.
# 10 % of the chosen digits are held out, to decide when early stopping would stop.
OVERFIT_BASE = MLPSettings(hidden_layers=(200, 100), activation="relu", solver="adam", learning_rate=0.001,
                           batch_size=50, epochs=30, alpha=0.0, train_size=500, seed=0,
                           validation_fraction=0.1, test_digits=2000)
OVERFIT_SIZES = (500, 2000, 5000)
L2_STRENGTHS = (0.1, 1.0, 3.0)
FEWER_NEURONS = (16,)
MORE_DATA = 5000
PATIENCE = 5

# The plateau: the 10-neuron model (lesson settings, 20 000 iterations = 33 epochs of 60 000 digits)
# and the lesson's network (ReLU, which gets to its plateau in a few epochs) on all the digits.
PLATEAU_SOFTMAX = SoftmaxSettings(iterations=20000, eval_every=500)
PLATEAU_MLP = MLPSettings(activation="relu", epochs=8)

# Slow learning: the lesson's network on 5 000 digits for 15 epochs, changing one thing at a time.
# Measured: sigmoid 36 % after one epoch and 84 % after 15; ReLU 87 % after one epoch;
# ReLU with a learning rate ten times too small 30 % after one epoch.
SLOW_BASE = MLPSettings(hidden_layers=(200, 100, 60, 30), activation="logistic", solver="adam",
                        learning_rate=0.001, batch_size=100, epochs=15, train_size=5000, test_digits=2000)
SLOW_LEARNING = {
    "slow_sigmoid": SLOW_BASE,
    "slow_relu": replace(SLOW_BASE, activation="relu"),
    "slow_rate_small": replace(SLOW_BASE, activation="relu", learning_rate=0.0001),
}

# Translation: the models the page tests when a student has not trained their own: the lesson's
# 10-neuron model and 5-layer network (the latter is page 3's default run, shared with it). The third is the same
# network trained on digits moved by up to 4 pixels (a new random shift each epoch). Measured on the
# 10 000 test digits (2 cores, 42 s and 50 s): the plain network 97.6 % unshifted, 30.6 % at 4 pixels
# to the right; the augmented one 95.6 % and 94.5 %.
# The 10-neuron model is trained in one chunk (measured once, at the end): each chunk waits its
# turn for one of the server's two slots behind the networks' epochs, so ten chunks took up to
# two minutes on a busy machine for 2 s of work.
AUGMENTATION_SHIFT = 4
TRANSLATION_MODELS = {
    "softmax": SoftmaxSettings(eval_every=10000),
    "mlp": MLPSettings(),
    "augmented": MLPSettings(shift_augmentation=AUGMENTATION_SHIFT),
}
# ... and beside them the convolutional networks shipped trained in data/ (core.models.convnet.shipped):
# the lesson's (its maps flattened: it learns where each stroke is) and one ending in global max pooling
# (the same features wherever the digit is), both trained on the centred digits only.
SHIPPED_MODELS = {"cnn_lesson": "lesson", "cnn_global": "global_pooling"}

# the four training-set sizes, from the smallest (core.figures.palette: colour-blind safe, 3:1 on white)
SIZE_COLORS = [palette.VERMILLION, palette.ORANGE, palette.BLUISH_GREEN, palette.BLUE]


def overfit_by_size() -> dict[int, MLPSettings]:
    return {size: replace(OVERFIT_BASE, train_size=size) for size in OVERFIT_SIZES}


def remedy(name: str, l2_strength: float = 1.0) -> MLPSettings:
    """The overfitting network with one remedy switched on (early stopping reads the same run)."""
    if name in ("none", "early_stopping"):
        return OVERFIT_BASE
    if name == "l2":
        return replace(OVERFIT_BASE, alpha=float(l2_strength))
    if name == "more_data":
        return replace(OVERFIT_BASE, train_size=MORE_DATA)
    if name == "fewer_neurons":
        return replace(OVERFIT_BASE, hidden_layers=FEWER_NEURONS)
    raise ValueError(f"unknown remedy {name!r}")


REMEDIES = ("l2", "early_stopping", "more_data", "fewer_neurons")


def early_stopping_epoch(validation_losses, patience: int = PATIENCE) -> tuple[int, int]:
    """(best epoch, epoch where training stops), both as indices into the losses.

    Training stops once the validation loss has not improved for ``patience``
    epochs; the weights of the best epoch are the ones kept.
    """
    losses = np.asarray(validation_losses, dtype=float)
    if losses.size == 0:
        raise ValueError("no validation loss to stop on")
    best = 0
    for epoch in range(1, losses.size):
        if losses[epoch] < losses[best]:
            best = epoch
        elif epoch - best >= patience:
            return best, epoch
    return best, losses.size - 1


@dataclass(frozen=True)
class Curves:
    """One run's curves, as the charts need them."""

    steps: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray
    train_loss: np.ndarray
    test_loss: np.ndarray
    validation_loss: np.ndarray | None

    @classmethod
    def of(cls, checkpoints) -> "Curves":
        validation = [c.validation_loss for c in checkpoints]
        return cls(np.array([c.step for c in checkpoints]),
                   np.array([c.train_accuracy for c in checkpoints]),
                   np.array([c.test_accuracy for c in checkpoints]),
                   np.array([c.train_loss for c in checkpoints]),
                   np.array([c.test_loss for c in checkpoints]),
                   None if not validation or validation[0] is None else np.array(validation))

    @property
    def gap(self) -> np.ndarray:
        """Training accuracy minus test accuracy, in points of %."""
        return 100 * (self.train_accuracy - self.test_accuracy)


def softmax_epochs(steps, batch_size: int = 100, train_size: int = 60000) -> np.ndarray:
    """Iterations of the 10-neuron model expressed in epochs (passes over the training digits)."""
    return np.asarray(steps) * batch_size / train_size


