"""Shared work of the convolution page: the fixed-filter pipeline, fitted once per setting for the server."""

from __future__ import annotations

import functools

from core.lesson import convolution, translation
from core.training import jobs
from ui.training_view import hub


def pipeline_job(pool: int, background: bool = False):
    """Fixed filter bank + ReLU + max pooling (blocks of ``pool``) + LogisticRegression, once per pooling."""
    bank = convolution.FilterBank(pool=pool)
    return hub().job(("conv_pipeline", bank, convolution.PIPELINE_TRAIN_SIZE),
                     functools.partial(jobs.conv_pipeline, bank, convolution.PIPELINE_TRAIN_SIZE), durable=True,
                     background=background)


def pipeline_curves_job(pool: int, pipeline: convolution.ConvPipeline):
    """The pipeline's accuracy against the shift on all the test digits (three directions), once per pooling."""
    return hub().job(("conv_pipeline_curves", pool, convolution.PIPELINE_TRAIN_SIZE),
                     functools.partial(jobs.shift_curves, pipeline, translation.PAGE_SHIFT))
