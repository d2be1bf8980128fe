"""The "Limites" experiments really show what the lesson says (measured, with headroom)."""

import numpy as np
import pytest

from core import data
from core.figures import curves
from core.lesson import experiments as ex
from core.models import registry
from core.training.checkpoint import train_to_end


@pytest.fixture(scope="module")
def rows(mnist):
    return data.as_rows(mnist.x_train), mnist.y_train, data.as_rows(mnist.x_test), mnist.y_test


@pytest.fixture(scope="module")
def baseline(rows):
    return ex.Curves.of(train_to_end(registry.make_trainer(ex.remedy("none"), *rows)))


def test_the_small_subset_is_learnt_by_heart_but_not_understood(baseline):
    # measured: 100 % training, 87 % test, test loss 0.45 at its lowest then 0.54
    assert baseline.train_accuracy[-1] >= 0.99
    assert baseline.gap[-1] >= 5.0
    assert baseline.test_loss[-1] > baseline.test_loss.min() * 1.05  # the test loss goes back up
    assert baseline.train_loss[-1] < 0.05


def test_l2_penalty_stops_the_test_loss_from_climbing(rows, baseline):
    l2 = ex.Curves.of(train_to_end(registry.make_trainer(ex.remedy("l2", 1.0), *rows)))
    assert l2.test_loss[-1] < baseline.test_loss[-1]
    strong = ex.Curves.of(train_to_end(registry.make_trainer(ex.remedy("l2", 3.0), *rows)))
    assert strong.gap[-1] < baseline.gap[-1]  # measured: 10.5 against 12.6 points


def test_early_stopping_keeps_weights_from_before_the_test_loss_rises(baseline):
    best, stop = ex.early_stopping_epoch(baseline.validation_loss)
    assert best < stop < len(baseline.steps)
    assert baseline.test_loss[best] < baseline.test_loss[-1]


def test_more_data_narrows_the_gap(rows, baseline):
    more = ex.Curves.of(train_to_end(registry.make_trainer(ex.remedy("more_data"), *rows)))
    assert more.gap[-1] < baseline.gap[-1] - 3  # measured: 3.6 against 12.6 points
    assert more.test_accuracy[-1] > baseline.test_accuracy[-1]


@pytest.mark.parametrize("losses, expected", [
    ([5, 4, 3, 2, 1], (4, 4)),                       # always improving: keep the last
    ([5, 3, 4, 4, 4, 4, 4, 1], (1, 6)),              # 5 epochs without progress after epoch 1
    ([2.0], (0, 0)),
    ([1, 2, 3, 4, 5, 6, 7], (0, 5)),
])
def test_early_stopping_epoch(losses, expected):
    assert ex.early_stopping_epoch(losses, patience=5) == expected


def test_early_stopping_needs_losses():
    with pytest.raises(ValueError):
        ex.early_stopping_epoch([])


def test_remedies_and_grids_are_well_formed():
    assert ex.remedy("early_stopping") == ex.remedy("none") == ex.OVERFIT_BASE
    assert ex.remedy("more_data").train_size == ex.MORE_DATA
    assert ex.remedy("fewer_neurons").hidden_layers == ex.FEWER_NEURONS
    assert ex.remedy("l2", 3.0).alpha == 3.0
    with pytest.raises(ValueError):
        ex.remedy("dropout")
    for settings in [*ex.overfit_by_size().values(), *ex.SLOW_LEARNING.values(), ex.PLATEAU_MLP,
                     ex.PLATEAU_SOFTMAX]:
        assert settings.problems() == []
    # "more data" is one of the size grid's runs: the class computes it once
    assert ex.remedy("more_data") in ex.overfit_by_size().values()


def test_softmax_iterations_in_epochs():
    np.testing.assert_allclose(ex.softmax_epochs([600, 6000]), [1.0, 10.0])


def test_curves_figure_draws_every_series_and_reference():
    fig = curves.curves_figure([dict(name="a", x=[1, 2], y=[0.5, 0.6]), dict(name="b", x=[1, 2], y=[0.4, 0.7])],
                           "t", "x", "y", percent=True, references=[(0.92, "92 %")],
                           markers=[dict(x=2, y=0.6, text="stop")])
    assert [trace.name for trace in fig.data][:2] == ["a", "b"]
    assert list(fig.data[0].y) == [50.0, 60.0]
    assert fig.layout.shapes[0].y0 == 92.0
