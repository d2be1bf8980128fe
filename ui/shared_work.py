"""The computations the pages ask the server for, each computed once for the whole class.

A run (a training) or a job (a fit, a measurement) is keyed by everything it depends on:
thirty students asking for the same one share it (core.training.hub). The lesson's own models
are opened before the first student arrives (:func:`warm_up_server`).
"""

from __future__ import annotations

import functools

from core.lesson import convolution, translation
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


def pipeline_key(pool: int) -> tuple:
    """What names the fixed-filter pipeline's job on the hub (``hub().peek`` reads it without asking for it)."""
    return ("conv_pipeline", convolution.FilterBank(pool=pool), convolution.PIPELINE_TRAIN_SIZE)


def pipeline_job(pool: int, background: bool = False):
    """Fixed filter bank + ReLU + max pooling (blocks of ``pool``) + LogisticRegression, once per pooling."""
    key = pipeline_key(pool)
    return hub().job(key, functools.partial(jobs.conv_pipeline, key[1], convolution.PIPELINE_TRAIN_SIZE),
                     durable=True, background=background)


def pipeline_curves_job(pool: int, pipeline: convolution.ConvPipeline):
    """The pipeline's accuracy against the shift on all the test digits (three directions), once per pooling."""
    return hub().job(("conv_pipeline_curves", pool, convolution.PIPELINE_TRAIN_SIZE),
                     functools.partial(jobs.shift_curves, pipeline, translation.PAGE_SHIFT))


def run_shift_curves_job(run):
    """Accuracy against the shift (0..8 pixels, three directions) on all the test digits, once per finished run."""
    return hub().job(("shift_curves", run.key), functools.partial(jobs.shift_curves, run.model, translation.PAGE_SHIFT))


def shift_curves_job(model):
    """:func:`run_shift_curves_job` of a tested model (``model.run``: the student's run or the server's)."""
    return run_shift_curves_job(model.run)


def confident_digits_job(model):
    """Which test digits the model reads right with at least 90 % confidence, once per model (a second at most)."""
    return hub().job(("confident_digits", model.run.key), functools.partial(jobs.confident_digits, model.run.model))


def shift_grid_job(model, digits: int):
    """The dx × dy accuracy map on a fixed sample of test digits, once per model."""
    return hub().job(("shift_grid", model.run.key),
                     functools.partial(jobs.shift_grid, model.run.model, digits, translation.PAGE_SHIFT))


