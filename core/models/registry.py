"""Every model's trainer from its settings: what a worker process builds for a run."""

from __future__ import annotations

from core import data
from core.models.convnet.training import ConvNetTrainer
from core.models.mlp import MLPTrainer
from core.models.softmax_regression import SoftmaxTrainer


def make_trainer(settings, x_train, y_train, x_test, y_test):
    """The trainer for any model's settings."""
    trainer = {"softmax": SoftmaxTrainer, "mlp": MLPTrainer, "cnn": ConvNetTrainer}[settings.model]
    return trainer(settings, x_train, y_train, x_test, y_test)


def mnist_trainer(settings):
    """The trainer for ``settings`` on this process's shared MNIST rows: a run's recipe in a worker.

    Used as ``functools.partial(mnist_trainer, settings)``, picklable, so that the worker
    processes build it (core.training.hub.advance_trainer).
    """
    rows = data.training_rows()
    return make_trainer(settings, rows.x_train, rows.y_train, rows.x_test, rows.y_test)
