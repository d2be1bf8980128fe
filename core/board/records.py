"""What a student shares on the class board, as typed records: built once, checked, stored, read back.

Two kinds of result go on the board, each a frozen record built by functions from what its page
has at hand:

- :class:`TrainingRecord` (:func:`training_record`): a finished training run of a model page
  (the 10-neuron model, the 5-layer network, an experiment of the limits page): the model's
  settings, its seed, accuracies and losses on training and test digits, its compute time;
- :class:`ShiftCurveRecord`: a model and its accuracy against the shift, a :class:`ShiftCurve`:
  a model trained on the server (:func:`shift_curve_record`, the translation page's), or a
  network shipped trained in ``data/`` (:func:`shipped_curve_record`, the convolution page's),
  whose settings name the network and which has only its test accuracy besides its curve.

Both answer the same questions (page, model, settings, seed, accuracies, losses, seconds,
curve, and, read from the settings, the network's hidden layers, learning rate, training size
and steps), None where a kind has no answer, so the board's charts read any record alike.

The store keeps every kind in one table of runs (page, model, settings as JSON, seed, numbers,
curve as JSON): :func:`record_columns` checks a record and gives those columns, refusing what
will not be stored (:class:`~core.board.errors.InvalidInput`: bounded sizes, finite numbers,
plain text), and :func:`read_record` turns a row back into a record. Reading is the one place
where stored values are doubted: a row written by hand or by another version may hold anything
in its JSON, and what is malformed becomes None (a setting, a number) or is dropped (a curve,
whose run then reads as a plain training run) instead of reaching the charts.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from core.board.errors import CURVE_MAX_BYTES, LABEL_MAX, SETTINGS_MAX_BYTES, InvalidInput
from core.board.validation import clean_seed, json_object, plain_text, real
from core.training.checkpoint import Checkpoint


# ------------------------------------------------------------------------------ the records
@dataclass(frozen=True)
class ShiftCurve:
    """A model's accuracy (fractions) on the test digits moved by each shift (pixels) in ``direction``."""

    shifts: tuple[float, ...]
    accuracy: tuple[float, ...]
    direction: str | None = None


@dataclass(frozen=True, kw_only=True)
class ModelRun:
    """A trained model's run: what a :class:`TrainingRecord` and a :class:`ShiftCurveRecord` both hold.

    Besides its fields, it answers what the board reads from its settings (the network's hidden
    layers, the learning rate, the training size, the steps), each read once and None when the
    settings do not say or say it malformed.
    """

    page: str
    model: str
    settings: dict  # the model's settings as JSON data: dataclasses.asdict, tuples as lists
    seed: int | None = None
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    train_loss: float | None = None
    test_loss: float | None = None
    seconds: float | None = None

    @cached_property
    def hidden_layers(self) -> tuple[int, ...] | None:
        """The network's hidden layer sizes, () for the 10-neuron model (see :func:`network_layers`)."""
        return network_layers(self.settings)

    @cached_property
    def learning_rate(self) -> float | None:
        return finite(_mapping(self.settings).get("learning_rate"))

    @cached_property
    def train_size(self) -> int | None:
        return whole(_mapping(self.settings).get("train_size"))

    @cached_property
    def steps(self) -> int | None:
        """Its epochs (the 5-layer network) or iterations (the 10-neuron model)."""
        settings = _mapping(self.settings)
        return whole(settings.get("epochs", settings.get("iterations")))


@dataclass(frozen=True, kw_only=True)
class TrainingRecord(ModelRun):
    """A finished training run of a model page."""

    curve: ClassVar[None] = None


@dataclass(frozen=True, kw_only=True)
class ShiftCurveRecord(ModelRun):
    """A model of the translation page and its accuracy against the shift."""

    curve: ShiftCurve


Record = TrainingRecord | ShiftCurveRecord


# ------------------------------------------------------------------------------ building
def model_settings(settings: Any) -> dict:
    """A model's settings (a dataclass or a mapping) as JSON-ready data (tuples become lists)."""
    values = dataclasses.asdict(settings) if dataclasses.is_dataclass(settings) else dict(settings)
    return {key: list(value) if isinstance(value, tuple) else value for key, value in values.items()}


def _model_run(settings: Any, last: Checkpoint) -> dict[str, Any]:
    """The fields of a model's run: its settings and seed, and its last checkpoint's measures."""
    values = model_settings(settings)
    return dict(settings=values, seed=values.get("seed"),
                train_accuracy=float(last.train_accuracy), test_accuracy=float(last.test_accuracy),
                train_loss=float(last.train_loss), test_loss=float(last.test_loss), seconds=float(last.seconds))


def _curve(shifts: Iterable, accuracy: Iterable, direction: str) -> ShiftCurve:
    return ShiftCurve(shifts=tuple(int(shift) for shift in shifts), accuracy=tuple(float(value) for value in accuracy),
                      direction=direction)


def training_record(page: str, model: str, settings: Any, last: Checkpoint) -> TrainingRecord:
    """The run of ``model`` (its settings dataclass) on ``page``, as its last checkpoint ends it."""
    return TrainingRecord(page=page, model=model, **_model_run(settings, last))


def shift_curve_record(page: str, model: str, settings: Any, last: Checkpoint, shifts: Iterable,
                       accuracy: Iterable, direction: str) -> ShiftCurveRecord:
    """A trained ``model`` and its accuracy (fractions) at each shift (pixels) in ``direction``."""
    return ShiftCurveRecord(page=page, model=model, **_model_run(settings, last),
                            curve=_curve(shifts, accuracy, direction))


def shipped_curve_record(page: str, model: str, network: str, test_accuracy: float, shifts: Iterable,
                         accuracy: Iterable, direction: str) -> ShiftCurveRecord:
    """A network shipped trained (``network``: its name in core.models.convnet.shipped) and its curve."""
    return ShiftCurveRecord(page=page, model=model, settings={"model": model, "network": network},
                            test_accuracy=float(test_accuracy), curve=_curve(shifts, accuracy, direction))


# ------------------------------------------------------------------------------- storing
def curve_data(curve: ShiftCurve) -> dict:
    """The curve as JSON data, as the runs table keeps it."""
    return {"shifts": list(curve.shifts), "accuracy": list(curve.accuracy), "direction": curve.direction}


def _curve_json(curve: Any) -> str:
    """The curve as stored, checked so that it reads back: as many finite accuracies as shifts, at least one."""
    if not isinstance(curve, ShiftCurve):
        raise InvalidInput("the curve must be a ShiftCurve", "curve")
    for value in (*curve.shifts, *curve.accuracy):
        real(value, "curve")
    if not curve.shifts or len(curve.shifts) != len(curve.accuracy):
        raise InvalidInput("a curve has one accuracy for each shift, and at least one shift", "curve")
    if curve.direction is not None:
        curve = dataclasses.replace(curve, direction=plain_text(curve.direction, "curve", LABEL_MAX,
                                                                "curve's direction"))
    return json_object(curve_data(curve), "curve", CURVE_MAX_BYTES)


def record_columns(record: Record) -> dict[str, Any]:
    """The runs table's columns for ``record``, each checked (InvalidInput names the field refused)."""
    if not isinstance(record, Record):
        raise TypeError("a shared result is a TrainingRecord or a ShiftCurveRecord")
    return dict(
        page=plain_text(record.page, "page", LABEL_MAX, "page name"),
        model=plain_text(record.model, "model", LABEL_MAX, "model name"),
        settings=json_object(record.settings, "settings", SETTINGS_MAX_BYTES),
        seed=clean_seed(record.seed),
        train_accuracy=real(record.train_accuracy, "train_accuracy", 0.0, 1.0),
        test_accuracy=real(record.test_accuracy, "test_accuracy", 0.0, 1.0),
        train_loss=real(record.train_loss, "train_loss", 0.0),
        test_loss=real(record.test_loss, "test_loss", 0.0),
        seconds=real(record.seconds, "seconds", 0.0),
        curve=None if record.curve is None else _curve_json(record.curve),
    )


# ------------------------------------------------------------------------------- reading
def finite(value: Any) -> float | None:
    """``value`` as a finite float, or None (booleans, text, NaN and infinities are not numbers)."""
    kind = type(value)
    # the usual cases first: the ABC check is slow
    if kind is not float and kind is not int and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def whole(value: Any) -> int | None:
    """``value`` as a whole number (a float without a fraction counts), or None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    number = finite(value)
    return int(number) if number is not None and number.is_integer() else None


def network_layers(settings: Any) -> tuple[int, ...] | None:
    """The hidden layer sizes of the network that ``settings`` describe, or None when they describe none.

    The 10-neuron model (``settings["model"]`` "softmax") has none: (). An MLP (``"mlp"``, or
    no model but hidden layers) has at least one, each a positive whole number. Anything else
    (a convolutional network, malformed settings, not a mapping) is None; it never raises.
    """
    if not isinstance(settings, Mapping):
        return None
    model = settings.get("model")
    if model == "softmax":
        return ()
    if model not in ("mlp", None):
        return None
    layers = settings.get("hidden_layers")
    if not isinstance(layers, (list, tuple)) or not layers:
        return None
    for n in layers:
        if type(n) is not int and (isinstance(n, bool) or not isinstance(n, numbers.Integral)):
            return None
        if n < 1:
            return None
    return tuple(int(n) for n in layers)


def _mapping(value: Any) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _finite_numbers(values: Any) -> tuple[float, ...] | None:
    """A non-empty list of finite numbers as a tuple (ints stay ints), or None."""
    if not isinstance(values, (list, tuple)) or not values:
        return None
    for value in values:
        if finite(value) is None:
            return None
    return tuple(values)


def read_curve(data: Any) -> ShiftCurve | None:
    """A stored curve (decoded JSON) as a ShiftCurve; None unless it has as many finite accuracies as shifts."""
    if not isinstance(data, Mapping):
        return None
    shifts, accuracy = _finite_numbers(data.get("shifts")), _finite_numbers(data.get("accuracy"))
    if shifts is None or accuracy is None or len(shifts) != len(accuracy):
        return None
    direction = data.get("direction")
    return ShiftCurve(shifts=shifts, accuracy=accuracy, direction=direction if isinstance(direction, str) else None)


def _decoded(text: Any) -> Any:
    """A JSON column's value, or None when it holds no readable JSON."""
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def read_record(columns: Mapping[str, Any]) -> Record:
    """A row of the runs table (its columns by name, JSON as text) as the record that was shared.

    A run with a well-formed curve is a :class:`ShiftCurveRecord`, any other run a :class:`TrainingRecord`. Settings that are not
    a JSON object read as {}, numbers that are not finite as None, a malformed curve as none at
    all; a run stored without a seed takes the one its settings name.
    """
    settings = _decoded(columns.get("settings"))
    settings = settings if isinstance(settings, dict) else {}
    curve = read_curve(_decoded(columns.get("curve")))
    test_accuracy, seconds = finite(columns.get("test_accuracy")), finite(columns.get("seconds"))
    page, model = str(columns.get("page")), str(columns.get("model"))
    seed = whole(columns.get("seed"))
    run = dict(page=page, model=model, settings=settings, seed=whole(settings.get("seed")) if seed is None else seed,
               train_accuracy=finite(columns.get("train_accuracy")), test_accuracy=test_accuracy,
               train_loss=finite(columns.get("train_loss")), test_loss=finite(columns.get("test_loss")),
               seconds=seconds)
    return TrainingRecord(**run) if curve is None else ShiftCurveRecord(**run, curve=curve)
