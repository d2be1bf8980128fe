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


def work_key(train_size: int, seed: int, n_train: int) -> tuple[int, int]:
    """What the fit depends on, as (digits, seed): the seed only chooses a subset.

    L-BFGS uses no randomness (``random_state`` is ignored by that solver), so on all the
    training digits every seed gives the same model: a class whose students each picked their
    own seed shares one fit instead of one per student (each ~14 s of a core on 60 000 digits).
    """
    train_size = min(int(train_size), int(n_train))
    return (train_size, 0) if train_size >= n_train else (train_size, int(seed))


def fit_logistic_regression(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray,
                            train_size: int, seed: int, max_iter: int = MAX_ITER) -> ReferenceResult:
    """Fit on a stratified subset of ``train_size`` digits and score on the test digits."""
    full = train_size >= y_train.size
    subset = None if full else data.stratified_subset(y_train, train_size, seed)
    # all the digits: the shared read-only rows themselves, not a 190 MB copy per fit
    images, labels = (x_train, y_train) if full else (x_train[subset], y_train[subset])
    model = LogisticRegression(max_iter=max_iter, random_state=seed)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # 100 L-BFGS steps are plenty here
        model.fit(images, labels)
    seconds = time.perf_counter() - started
    return ReferenceResult(float(model.score(x_test, y_test)), seconds, int(np.max(model.n_iter_)), int(labels.size))
