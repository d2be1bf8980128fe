"""What a library gets: scikit-learn's LogisticRegression on the same digits.

A softmax regression too (multinomial logistic regression), but fitted with
L-BFGS, a second-order method, instead of the lesson's plain gradient descent.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from core import data

MAX_ITER = 100


@dataclass(frozen=True)
class ReferenceResult:
    test_accuracy: float
    fit_seconds: float
    iterations: int
    train_size: int


def fit_logistic_regression(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray,
                            train_size: int, seed: int, max_iter: int = MAX_ITER) -> ReferenceResult:
    """Fit on a stratified subset of ``train_size`` digits and score on the test digits."""
    subset = (np.arange(y_train.size) if train_size >= y_train.size
              else data.stratified_subset(y_train, train_size, seed))
    model = LogisticRegression(max_iter=max_iter, random_state=seed)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # 100 L-BFGS steps are plenty here
        model.fit(x_train[subset], y_train[subset])
    seconds = time.perf_counter() - started
    return ReferenceResult(float(model.score(x_test, y_test)), seconds, int(np.max(model.n_iter_)), int(subset.size))
