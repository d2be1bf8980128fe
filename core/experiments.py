"""The "Limites" slide as real experiments: small grids of trainings and what they show.

Each experiment is a list of (name, settings). The page runs them through the
server's hub (one computation per setting for the whole class) and draws them
with :func:`curves_figure`. The settings were chosen by measurement so that
each grid fills up within about half a minute on a 2-core machine.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import plotly.graph_objects as go

from core import data, figures
from core.mlp import MLPSettings, MLPTrainer
from core.training import SoftmaxSettings, SoftmaxTrainer

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

SIZE_COLORS = ["#B3261E", "#E37400", "#1E8E3E", "#0B57D0"]


def make_trainer(settings, x_train, y_train, x_test, y_test):
    """The trainer for any model's settings."""
    trainer = {"softmax": SoftmaxTrainer, "mlp": MLPTrainer}[settings.model]
    return trainer(settings, x_train, y_train, x_test, y_test)


def mnist_trainer(settings):
    """The trainer for ``settings`` on this process's shared MNIST rows: a run's recipe in a worker.

    Used as ``functools.partial(mnist_trainer, settings)``, picklable, so that the worker
    processes build it (core.runs.advance_trainer).
    """
    rows = data.training_rows()
    return make_trainer(settings, rows.x_train, rows.y_train, rows.x_test, rows.y_test)


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


def curves_figure(series: list[dict], title: str, x_title: str, y_title: str, percent: bool = False,
                  references: list[tuple[float, str]] = (), height: int = 460, x_log: bool = False,
                  markers: list[dict] = (), vertical: float | None = None,
                  y_range: tuple[float, float] | None = None) -> go.Figure:
    """Several named curves on one chart.

    Each series is a dict with ``name``, ``x``, ``y`` and optionally ``color``,
    ``dash`` ("solid", "dash", "dot") and ``width``. ``references`` are
    horizontal lines (value, label), ``markers`` single points (x, y, text, color),
    ``vertical`` a dotted vertical line at that x (where the student is now).
    """
    scale = 100.0 if percent else 1.0
    traces = [go.Scatter(
        x=item["x"], y=np.asarray(item["y"], dtype=float) * scale, name=item["name"],
        mode="lines+markers" if len(item["x"]) <= 8 else "lines",
        line=dict(color=item.get("color"), dash=item.get("dash", "solid"), width=item.get("width", 3)),
        legendgroup=item.get("group"),
    ) for item in series]
    shapes, annotations = [], []
    for value, label in references:  # what add_hline draws, as plain layout entries
        shape, text = figures.reference_line(value * scale, label)
        shape["line"] = dict(color=figures.COLORS["grey"], dash="dot", width=2)
        shapes.append(shape)
        annotations.append(text)
    if vertical is not None:
        shapes.append(dict(type="line", xref="x", x0=vertical, x1=vertical, yref="y domain", y0=0, y1=1,
                           line=dict(color=figures.COLORS["grey"], dash="dot", width=2)))
    traces += [go.Scatter(x=[marker["x"]], y=[marker["y"] * scale], mode="markers+text",
                          text=[marker["text"]], textposition="top center", showlegend=False,
                          marker=dict(size=14, color=marker.get("color", figures.COLORS["ink"]), symbol="diamond"))
               for marker in markers]
    return figures.compose(traces, height=height, title=title,
                           layout=dict(shapes=shapes, annotations=annotations),
                           xaxes=dict(title=x_title, type="log" if x_log else None),
                           yaxes=dict(title=None if percent else y_title, ticksuffix=" %" if percent else "",
                                      automargin=True, range=list(y_range) if y_range else None))


def gap_bars_figure(names: list[str], gaps: list[float], colors: list[str], title: str, y_title: str,
                    height: int = 380) -> go.Figure:
    """The final gap (train − test accuracy) of each run, as bars."""
    data = go.Bar(x=names, y=gaps, marker_color=colors, text=[f"{g:.1f}" for g in gaps],
                  textposition="outside", cliponaxis=False)
    return figures.compose(data, height=height, title=title, yaxes=dict(title=y_title, rangemode="tozero"))
