"""How the weights move after each batch: plain gradient descent with momentum, and Adam."""

from __future__ import annotations

import math

import numpy as np

from core.models.convnet.layers import Layer


class SGD:
    """Stochastic gradient descent with momentum: v ← μ·v - η·g, w ← w + v (in place)."""

    name = "sgd"

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.9):
        self.learning_rate, self.momentum = float(learning_rate), float(momentum)
        self.velocity: dict[tuple[int, str], np.ndarray] = {}

    def step(self, layers: list[Layer]) -> None:
        for index, layer in enumerate(layers):
            for name, value in layer.params.items():
                velocity = self.velocity.get((index, name))
                if velocity is None:
                    velocity = self.velocity[index, name] = np.zeros_like(value)
                velocity *= self.momentum
                velocity -= self.learning_rate * layer.grads[name]
                value += velocity


class Adam:
    """Adam (Kingma & Ba): each weight's step scaled by running averages of its gradient and squared gradient.

    m ← β₁·m + (1-β₁)·g, v ← β₂·v + (1-β₂)·g², w ← w - η·m̂ / (√v̂ + ε),
    with m̂, v̂ corrected for their start at zero; updated in place.
    """

    name = "adam"

    def __init__(self, learning_rate: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 epsilon: float = 1e-7):
        self.learning_rate, self.beta1, self.beta2, self.epsilon = (float(learning_rate), float(beta1),
                                                                    float(beta2), float(epsilon))
        self.steps = 0
        self.moments: dict[tuple[int, str], tuple[np.ndarray, np.ndarray]] = {}

    def step(self, layers: list[Layer]) -> None:
        self.steps += 1
        # the bias corrections folded into the step size and epsilon (Python floats: float32 stays float32)
        correction1 = 1.0 - self.beta1 ** self.steps
        correction2 = math.sqrt(1.0 - self.beta2 ** self.steps)  # not np.sqrt: a float64 scalar would promote
        step_size = self.learning_rate * correction2 / correction1
        epsilon = self.epsilon * correction2
        for index, layer in enumerate(layers):
            for name, value in layer.params.items():
                moments = self.moments.get((index, name))
                if moments is None:
                    moments = self.moments[index, name] = (np.zeros_like(value), np.zeros_like(value))
                mean, square = moments
                grad = layer.grads[name]
                work = np.empty_like(value)  # one scratch array per weight array, reused by every line
                mean *= self.beta1
                mean += np.multiply(grad, 1.0 - self.beta1, out=work)
                square *= self.beta2
                np.multiply(grad, grad, out=work)
                square += np.multiply(work, 1.0 - self.beta2, out=work)
                np.sqrt(square, out=work)
                work += epsilon
                np.divide(mean, work, out=work)
                work *= step_size
                value -= work


OPTIMIZERS = {"adam": Adam, "sgd": SGD}
