"""What every trainer of the lesson starts from: its settings checked, MNIST's shared rows, its digits.

The 10-neuron model, the 5-layer network and the convolutional network train on the same rows
(``core.data.training_rows``, read-only, shared with the worker processes and never pickled:
``core.data.SharedRowsPickling``), on all the training digits or a stratified subset of them, some
held out for validation (early stopping) when their settings ask for it.
"""

from __future__ import annotations

import numpy as np

from core import data


class DigitsTrainer(data.SharedRowsPickling):
    """A trainer's common start: ``settings`` (with ``problems()``, ``train_size``, ``seed``) and the rows."""

    def __init__(self, settings, x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray):
        problems = settings.problems()
        if problems:
            raise ValueError(f"invalid settings: {problems}")
        self.settings = settings
        # the shared arrays themselves, never a converted copy: a copy would travel with the trainer
        # between the server and the workers after every chunk (SharedRowsPickling shares the originals)
        self.x_train, self.y_train, self.x_test, self.y_test = x_train, y_train, x_test, y_test

    def chosen_digits(self) -> np.ndarray:
        """The training digits' indices the settings choose: all of them, or ``train_size`` of them, every
        digit in its share (``core.data.stratified_subset``, the same for a seed)."""
        if self.settings.train_size >= self.y_train.size:
            return np.arange(self.y_train.size)
        return data.stratified_subset(self.y_train, self.settings.train_size, self.settings.seed)


def hold_out(chosen: np.ndarray, fraction: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``chosen`` split at random into the digits learnt from and ``fraction`` of them held out for
    validation, both sorted; nothing held out (an empty array) when ``fraction`` rounds to no digit."""
    held_out = int(round(fraction * chosen.size))
    if not held_out:
        return chosen, np.empty(0, dtype=np.intp)
    shuffled = chosen[rng.permutation(chosen.size)]
    return np.sort(shuffled[held_out:]), np.sort(shuffled[:held_out])
