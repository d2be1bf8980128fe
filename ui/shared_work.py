"""The computations the pages ask the server for, each computed once for the whole class.

A run (a training) or a job (a fit, a measurement) is keyed by everything it depends on:
thirty students asking for the same one share it (core.training.hub). The lesson's own models
are opened before the first student arrives (:func:`warm_up_server`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.lesson import translation
from core.models import registry
from core.models.reference import work_key
from core.training import jobs
from ui.server import hub, training_data


def open_run(settings, durable: bool = False):
    """The server's shared run for ``settings`` (any model), computed in the worker processes.

    ``durable``: a lesson model, stored once finished (see :func:`warm_up`).
    """
    return hub().run(settings, functools.partial(registry.mnist_trainer, settings), settings.total_steps,
                     settings.chunk, durable=durable)


def logistic_reference_job(settings, background: bool = False):
    """The server's one LogisticRegression fit for these settings' digits (``background``: the warm-up's).

    Durable, as the lesson's models are: the default page's reference (all 60 000 digits, about
    14 s of a core) is fitted when the server starts, not after the first student's run, where it
    took a core from every run started in the next seconds.
    """
    train_size, seed = work_key(settings.train_size, settings.seed, training_data().y_train.size)
    return hub().job(("logistic_regression", train_size, seed),
                     functools.partial(jobs.logistic_reference, train_size, seed), durable=True,
                     background=background)


@dataclass(frozen=True)
class Measured:
    """A measurement already made (shipped with the model): it answers like a finished shared job."""

    result: Any
    error: None = None
    finished: bool = True
    seconds: float = 0.0

    def queue_position(self) -> None:
        return None

    def wait(self, timeout: float | None = None) -> bool:
        return True


# A model measured below has a ``key`` (what its measurements are keyed by), a ``model`` (with
# ``predict_proba``), ``own`` (a student's own run: its measurements are not stored for later
# servers, the lesson's models' are) and ``known_curves`` (its curves when they ship with it, or
# None): ui.translation_view.TestedModel.
def shift_curves_job(model, background: bool = False):
    """Accuracy against the shift (0..8 pixels, three directions) on all the test digits, once per model."""
    if model.known_curves is not None:
        return Measured({direction: np.asarray(values) for direction, values in model.known_curves.items()})
    return _shift_curves(model.key, model.model, durable=not model.own, background=background)


def run_shift_curves_job(run):
    """:func:`shift_curves_job` of a lesson model's finished run (the server's, kept for later servers)."""
    return _shift_curves(run.key, run.model, durable=True)


def shift_curves_key(model_key) -> tuple:
    """What names a model's shift curves on the hub (``hub().peek`` reads them without asking for them)."""
    return ("shift_curves", model_key)


def _shift_curves(model_key, model, durable: bool, background: bool = False):
    return hub().job(shift_curves_key(model_key), functools.partial(jobs.shift_curves, model, translation.PAGE_SHIFT),
                     durable=durable, background=background)


def confident_digits_job(model):
    """Which test digits the model reads right with at least 90 % confidence, once per model (a second at most)."""
    return hub().job(("confident_digits", model.key), functools.partial(jobs.confident_digits, model.model))


def shift_grid_job(model, digits: int):
    """The dx × dy accuracy map on a fixed sample of test digits, once per model."""
    return hub().job(("shift_grid", model.key),
                     functools.partial(jobs.shift_grid, model.model, digits, translation.PAGE_SHIFT),
                     durable=not model.own)


