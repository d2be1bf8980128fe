"""Shared work of the convolution page: the fixed-filter pipeline, fitted once per setting for the server."""

from __future__ import annotations

from core import convolution, translation
from ui.training_view import hub, training_data


def pipeline_job(pool: int):
    """Fixed filter bank + ReLU + max pooling (blocks of ``pool``) + LogisticRegression, once per pooling."""
    arrays = training_data()
    bank = convolution.FilterBank(pool=pool)
    return hub().job(("conv_pipeline", bank, convolution.PIPELINE_TRAIN_SIZE),
                     lambda: convolution.fit_pipeline(bank, arrays.images_train, arrays.y_train, arrays.images_test,
                                                      arrays.y_test, convolution.PIPELINE_TRAIN_SIZE))


def pipeline_curves_job(pool: int, pipeline: convolution.ConvPipeline):
    """The pipeline's accuracy against the shift on all the test digits (three directions), once per pooling."""
    arrays = training_data()
    return hub().job(("conv_pipeline_curves", pool, convolution.PIPELINE_TRAIN_SIZE),
                     lambda: translation.shift_curves(pipeline.predict, arrays.images_test, arrays.y_test,
                                                      translation.PAGE_SHIFT))
