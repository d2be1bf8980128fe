import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from core import data
from core.reference import fit_logistic_regression


def test_reference_is_scikit_learns_logistic_regression_on_the_same_subset(mnist):
    x_train, x_test = data.as_rows(mnist.x_train), data.as_rows(mnist.x_test[:2000])
    result = fit_logistic_regression(x_train, mnist.y_train, x_test, mnist.y_test[:2000], train_size=1000, seed=5)
    subset = data.stratified_subset(mnist.y_train, 1000, 5)
    direct = LogisticRegression(max_iter=100, random_state=5).fit(x_train[subset], mnist.y_train[subset])
    assert result.test_accuracy == pytest.approx(direct.score(x_test, mnist.y_test[:2000]))
    assert result.train_size == 1000 and result.fit_seconds > 0 and 1 <= result.iterations <= 100
    assert 0.80 < result.test_accuracy < 0.95  # measured: 0.83 on 1 000 digits
