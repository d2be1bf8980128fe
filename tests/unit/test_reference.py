import pytest
from sklearn.linear_model import LogisticRegression

from core import data
from core.models.reference import fit_logistic_regression, work_key


def test_reference_is_scikit_learns_logistic_regression_on_the_same_subset(mnist):
    x_train, x_test = data.as_rows(mnist.x_train), data.as_rows(mnist.x_test[:2000])
    result = fit_logistic_regression(x_train, mnist.y_train, x_test, mnist.y_test[:2000], train_size=1000, seed=5)
    subset = data.stratified_subset(mnist.y_train, 1000, 5)
    direct = LogisticRegression(max_iter=100, random_state=5).fit(x_train[subset], mnist.y_train[subset])
    assert result.test_accuracy == pytest.approx(direct.score(x_test, mnist.y_test[:2000]))
    assert result.train_size == 1000 and result.fit_seconds > 0 and 1 <= result.iterations <= 100
    assert 0.80 < result.test_accuracy < 0.95  # measured: 0.83 on 1 000 digits


def test_on_all_the_digits_the_seed_changes_nothing_so_the_class_shares_one_fit(mnist):
    """L-BFGS has no randomness: every seed gives the same fit when no subset is drawn."""
    x_train, y_train = data.as_rows(mnist.x_train[:1500]), mnist.y_train[:1500]
    x_test, y_test = data.as_rows(mnist.x_test[:500]), mnist.y_test[:500]
    fits = [fit_logistic_regression(x_train, y_train, x_test, y_test, train_size=1500, seed=seed, max_iter=30)
            for seed in (0, 7)]
    assert fits[0].test_accuracy == fits[1].test_accuracy and fits[0].train_size == 1500
    assert work_key(60000, 7, 60000) == work_key(60000, 0, 60000) == work_key(99999, 3, 60000) == (60000, 0)
    assert work_key(1000, 7, 60000) == (1000, 7)  # a subset: the seed chooses which digits
