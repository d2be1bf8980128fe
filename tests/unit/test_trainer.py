"""The start every trainer shares: its settings checked, its digits chosen, some held out."""

from __future__ import annotations

import numpy as np
import pytest

from core import data
from core.models.mlp import MLPSettings, MLPTrainer
from core.models.softmax_regression import SoftmaxSettings
from core.training.trainer import DigitsTrainer, hold_out

LABELS = np.repeat(np.arange(10, dtype=np.uint8), 200)  # 2 000 digits, 200 of each


def trainer(train_size: int, seed: int = 0) -> DigitsTrainer:
    return DigitsTrainer(SoftmaxSettings(train_size=train_size, seed=seed), np.zeros((LABELS.size, 784), np.float32),
                         LABELS, np.zeros((10, 784), np.float32), LABELS[:10])


def test_all_the_digits_or_a_stratified_subset_of_them():
    np.testing.assert_array_equal(trainer(60000).chosen_digits(), np.arange(LABELS.size))
    chosen = trainer(1000, seed=3).chosen_digits()
    assert chosen.size == 1000 and np.unique(chosen).size == 1000
    assert np.bincount(LABELS[chosen], minlength=10).tolist() == [100] * 10  # every digit in its share
    np.testing.assert_array_equal(chosen, trainer(1000, seed=3).chosen_digits())  # the same for a seed
    assert not np.array_equal(chosen, trainer(1000, seed=4).chosen_digits())


def test_the_rows_are_kept_as_given_never_copied():
    made = trainer(1000)
    assert made.y_train is LABELS  # a copy would travel with the trainer after every chunk


def test_impossible_settings_are_refused():
    with pytest.raises(ValueError, match="invalid settings"):
        trainer(1000).__class__(SoftmaxSettings(batch_size=0), *(np.zeros(1),) * 4)


def test_hold_out_splits_at_random_sorted_and_disjoint():
    chosen = np.arange(0, 2000, 2)
    kept, held = hold_out(chosen, 0.1, np.random.default_rng(0))
    assert (kept.size, held.size) == (900, 100)
    assert np.all(np.diff(kept) > 0) and np.all(np.diff(held) > 0)
    np.testing.assert_array_equal(np.union1d(kept, held), chosen)
    assert held.max() > 1000  # at random, not the first ones
    kept_none, held_none = hold_out(chosen, 0.0001, np.random.default_rng(0))  # 0.1 digit: none held out
    assert kept_none is chosen and held_none.size == 0


def test_the_5_layer_network_learns_from_what_it_does_not_hold_out():
    rows = data.training_rows()
    made = MLPTrainer(MLPSettings(hidden_layers=(8,), epochs=1, train_size=1000, validation_fraction=0.1, seed=2),
                      rows.x_train, rows.y_train, rows.x_test, rows.y_test)
    assert (made.pool.size, made.validation.size, made.full) == (900, 100, False)
    assert np.intersect1d(made.pool, made.validation).size == 0
