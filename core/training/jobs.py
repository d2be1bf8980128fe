"""The one-off computations of the pages, as picklable calls that a worker process runs.

Each function reads the digits from its own process's shared copy (``core.data``), so a job
sent to a worker (``functools.partial(jobs.shift_curves, model)``) carries only its
arguments: a model, a setting. The pages get the results through the server's hub
(``core.training.hub.SharedJob``), computed once for the class.
"""

from __future__ import annotations

import numpy as np

from core import data
from core.lesson import translation
from core.models import reference


def predictor(model):
    """Digits from a model with ``predict_proba`` (the 10-neuron model, the networks)."""
    def predict(rows: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return np.asarray(model.predict_proba(rows)).argmax(axis=1)
    return predict


def logistic_reference(train_size: int, seed: int) -> reference.ReferenceResult:
    """scikit-learn's LogisticRegression on the shared digits (core.models.reference)."""
    rows = data.training_rows()
    return reference.fit_logistic_regression(rows.x_train, rows.y_train, rows.x_test, rows.y_test, train_size, seed)


def shift_curves(model, max_shift: int = translation.PAGE_SHIFT) -> dict:
    """A model's accuracy against the shift on all the test digits (three directions)."""
    dataset = data.shared_mnist()
    return translation.shift_curves(predictor(model), dataset.x_test, dataset.y_test, max_shift)


def shift_grid(model, digits: int, max_shift: int = translation.PAGE_SHIFT) -> np.ndarray:
    """The dx × dy accuracy map on a fixed stratified sample of ``digits`` test digits."""
    dataset = data.shared_mnist()
    sample = data.stratified_subset(dataset.y_test, digits, seed=0)
    return translation.accuracy_grid(predictor(model), dataset.x_test[sample], dataset.y_test[sample], max_shift)


def confident_digits(model, confidence: float = 0.9) -> np.ndarray:
    """Whether the model reads each test digit right with at least ``confidence`` (a boolean per digit)."""
    rows = data.training_rows()
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        probabilities = np.asarray(model.predict_proba(rows.x_test))
    return (probabilities.argmax(axis=1) == rows.y_test) & (probabilities.max(axis=1) >= confidence)

