"""What the app measures for the lesson, each number named once with where it is read.

A slide's claim (:mod:`core.lesson.slides`), a prepared question's answer and the handout's
numbers (``core.teacher``) name a measurement here, never a value: the value is read from the
server's own computations once they have finished, so the page shows what this server measured
with the lesson's defaults. Where a measurement comes from (``source``):

- ``"model"``: a lesson model the server trains at start (``experiments.TRANSLATION_MODELS``:
  the 10-neuron model, the 5-layer network = the 5-layer page's default run, the augmented one),
  read from its checkpoints;
- ``"experiments"``: runs of the limits page's grids (their settings), computed when a student
  opens that experiment;
- ``"shifts"``: the translation page's accuracy against the shift of lesson models;
- ``"shipped"``: the convolutional networks shipped trained in ``data/``, read from the accuracy
  against the shift measured on them when they were trained (``core.models.convnet.shipped``);
- ``"computed"``: computed here at once (the slide's vector, MNIST's sizes).

``read`` turns what the source gives (checkpoint lists, shift curves) into the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

import numpy as np

from core import data
from core.lesson import examples, experiments
from core.lesson import softmax as sm

SOURCES = ("model", "experiments", "shifts", "shipped", "computed")
UNITS = ("percent", "count", "pixels", "number", "vector", "choice")
HALF = 0.5  # "fails": the shift at which a model reads fewer than half of the test digits right
SHIFT = 4   # the shift the lesson's claims and questions speak of (pixels)


@dataclass(frozen=True)
class Measure:
    """One number the app measures: where it is read (``source`` and what names it), and how."""

    name: str
    source: str                            # one of SOURCES
    read: Callable[[Any], Any]             # what the source gives -> the value
    unit: str = "percent"                  # one of UNITS; "percent": a fraction shown in %
    models: tuple[str, ...] = ()           # "model", "shifts": lesson models (TRANSLATION_MODELS keys);
                                           # "shipped": networks (core.models.convnet.shipped.SHIPPED keys)
    settings: tuple = ()                   # "experiments": the runs' settings, in the order ``read`` takes them
    direction: str = "horizontal"          # "shifts": the direction of the curves read

    def __post_init__(self):
        if self.source not in SOURCES or self.unit not in UNITS:
            raise ValueError(f"{self.name}: unknown source {self.source!r} or unit {self.unit!r}")


# ------------------------------------------------------------------ readers
def last(field: str) -> Callable[[list], float]:
    """The value of ``field`` at a run's last checkpoint."""
    def read(checkpoints: list) -> float:
        return float(getattr(checkpoints[-1], field))
    read.__qualname__ = f"last_{field}"
    return read


def first(field: str) -> Callable[[list], float]:
    """The value of ``field`` at a run's first checkpoint (after one epoch)."""
    def read(checkpoints: list) -> float:
        return float(getattr(checkpoints[0], field))
    read.__qualname__ = f"first_{field}"
    return read


def at_shift(shift: int) -> Callable[[np.ndarray], float]:
    def read(curve: np.ndarray) -> float:
        return float(curve[shift])
    read.__qualname__ = f"at_shift_{shift}"
    return read


def first_below(curve: np.ndarray, threshold: float = HALF) -> int | None:
    """The smallest shift (pixels) at which the accuracy falls under ``threshold``; None if it never does."""
    below = np.flatnonzero(np.asarray(curve) < threshold)
    return int(below[0]) if below.size else None


def gap(checkpoints: list) -> float:
    """Training accuracy minus test accuracy at the end of a run (a fraction)."""
    return float(checkpoints[-1].train_accuracy - checkpoints[-1].test_accuracy)


def which_overfits(runs: list[list]) -> str:
    """"big" (200-100 neurons) or "small" (16 neurons): the network whose training-test gap is wider."""
    big, small = runs
    return "big" if gap(big) >= gap(small) else "small"


def most_robust(curves: list[np.ndarray]) -> str:
    """The lesson model that reads most shifted digits right at SHIFT pixels."""
    names = tuple(experiments.TRANSLATION_MODELS)
    return names[int(np.argmax([curve[SHIFT] for curve in curves]))]


def lesson_softmax() -> np.ndarray:
    """The slide's σ(z), truncated to 10⁻² as the slide prints it."""
    return sm.truncate(sm.softmax(examples.Z), 2)


OVERFIT = experiments.OVERFIT_BASE                 # 200-100 ReLU on 500 digits (also the remedies' start)
FEWER_NEURONS = experiments.remedy("fewer_neurons")

MEASURES: dict[str, Measure] = {measure.name: measure for measure in (
    Measure("train_digits", "computed", lambda _: data.EXPECTED_ARRAYS["y_train"][0][0], unit="count"),
    Measure("test_digits", "computed", lambda _: data.EXPECTED_ARRAYS["y_test"][0][0], unit="count"),
    Measure("pixels", "computed", lambda _: data.N_PIXELS, unit="count"),
    Measure("softmax_z", "computed", lambda _: lesson_softmax(), unit="vector"),
    Measure("softmax_z_largest", "computed", lambda _: float(sm.softmax(examples.Z).max())),
    Measure("softmax_sum", "computed", lambda _: float(sm.softmax(examples.Z).sum()), unit="number"),
    Measure("softmax_test", "model", last("test_accuracy"), models=("softmax",)),
    Measure("mlp_test", "model", last("test_accuracy"), models=("mlp",)),
    Measure("mlp_train", "model", last("train_accuracy"), models=("mlp",)),
    Measure("augmented_test", "model", last("test_accuracy"), models=("augmented",)),
    Measure("overfit_train", "experiments", lambda runs: last("train_accuracy")(runs[0]), settings=(OVERFIT,)),
    Measure("overfit_test", "experiments", lambda runs: last("test_accuracy")(runs[0]), settings=(OVERFIT,)),
    Measure("overfit_which", "experiments", which_overfits, unit="choice", settings=(OVERFIT, FEWER_NEURONS)),
    Measure("plateau_softmax", "experiments", lambda runs: last("test_accuracy")(runs[0]),
            settings=(experiments.PLATEAU_SOFTMAX,)),
    Measure("plateau_mlp", "experiments", lambda runs: last("test_accuracy")(runs[0]),
            settings=(experiments.PLATEAU_MLP,)),
    Measure("slow_sigmoid", "experiments", lambda runs: first("test_accuracy")(runs[0]),
            settings=(experiments.SLOW_LEARNING["slow_sigmoid"],)),
    Measure("slow_relu", "experiments", lambda runs: first("test_accuracy")(runs[0]),
            settings=(experiments.SLOW_LEARNING["slow_relu"],)),
    Measure("shift_mlp_0", "shifts", lambda curves: at_shift(0)(curves[0]), models=("mlp",)),
    Measure("shift_mlp_4", "shifts", lambda curves: at_shift(SHIFT)(curves[0]), models=("mlp",)),
    Measure("shift_mlp_half", "shifts", lambda curves: first_below(curves[0]), unit="pixels", models=("mlp",)),
    Measure("shift_augmented_4", "shifts", lambda curves: at_shift(SHIFT)(curves[0]), models=("augmented",)),
    Measure("shift_most_robust", "shifts", most_robust, unit="choice",
            models=tuple(experiments.TRANSLATION_MODELS)),
    Measure("cnn_test", "shipped", lambda curves: at_shift(0)(curves[0]), models=("lesson",)),
    Measure("cnn_global_4", "shipped", lambda curves: at_shift(SHIFT)(curves[0]), models=("global_pooling",)),
)}

CHOICES = {"overfit_which": ("big", "small"), "shift_most_robust": tuple(experiments.TRANSLATION_MODELS)}


def measure(name: str) -> Measure:
    return MEASURES[name]


def computed(name: str):
    """A ``"computed"`` measurement's value, at once."""
    found = MEASURES[name]
    if found.source != "computed":
        raise ValueError(f"{name} is read from the server's computations, not computed here")
    return found.read(None)


def shipped_value(name: str, curves: Mapping[str, Mapping[str, list[float]]]):
    """A ``"shipped"`` measurement's value, read from ``curves``: by network, the accuracy against the shift
    measured on it when it was trained (``core.models.convnet.shipped.shipped_curves``, read once by the server)."""
    found = MEASURES[name]
    if found.source != "shipped":
        raise ValueError(f"{name} is not measured on a shipped network")
    return found.read([np.asarray(curves[model][found.direction]) for model in found.models])


def as_percent(value: float) -> float:
    """A fraction in points of % (0.9241 -> 92.41)."""
    return 100.0 * float(value)
