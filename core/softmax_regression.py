"""The lesson's first model, written by hand: Y = softmax(X·W + b).

As in the lesson's TensorFlow code, W[784, 10] and b[10] start at zero, the
loss is the cross-entropy summed over the batch, and learning is plain
gradient descent. The gradient, derived by hand, is

    dLoss/dL = Y - Y'          (L = X·W + b, Y = softmax(L), Y' one-hot)
    dLoss/dW = Xᵀ · (Y - Y')   dLoss/db = Σ_rows (Y - Y')
"""

from __future__ import annotations

import numpy as np

from core.softmax import LOG_EPSILON, softmax


class SoftmaxRegression:
    """Ten neurons, one per digit, each a weighted sum of the 784 pixels plus a bias."""

    def __init__(self, n_features: int = 784, n_classes: int = 10):
        self.weights = np.zeros((n_features, n_classes), dtype=np.float32)
        self.biases = np.zeros(n_classes, dtype=np.float32)

    def logits(self, images: np.ndarray) -> np.ndarray:
        """L = X·W + b for a batch of flattened images X[n, 784]."""
        return images @ self.weights + self.biases

    def predict_proba(self, images: np.ndarray) -> np.ndarray:
        return softmax(self.logits(images))

    def loss_and_gradients(self, images: np.ndarray, labels: np.ndarray):
        """(summed cross-entropy, dW, db, probabilities) for one batch."""
        probabilities = self.predict_proba(images)
        rows = np.arange(labels.size)
        loss = -np.log(np.maximum(probabilities[rows, labels], LOG_EPSILON)).sum(dtype=np.float64)
        delta = probabilities.copy()
        delta[rows, labels] -= 1.0  # Y - Y'
        return float(loss), images.T @ delta, delta.sum(axis=0), probabilities

    def step(self, images: np.ndarray, labels: np.ndarray, learning_rate: float, measure: bool = True):
        """One step of gradient descent; returns (summed loss, predicted digits) before the step.

        The same computation as :meth:`loss_and_gradients`, done in place on one
        buffer: this loop runs thousands of times while the class watches. With
        ``measure=False`` the loss and the predictions are not computed (None, None):
        the training loop only reports them for the last batch of each chunk.
        """
        rows = np.arange(labels.size)
        work = images @ self.weights
        work += self.biases
        work -= work.max(axis=1, keepdims=True)
        np.exp(work, out=work)
        work /= work.sum(axis=1, keepdims=True)          # Y = softmax(L)
        loss = predictions = None
        if measure:
            predictions = work.argmax(axis=1)
            loss = float(-np.log(np.maximum(work[rows, labels], LOG_EPSILON)).sum(dtype=np.float64))
        work[rows, labels] -= 1.0                         # Y - Y'
        work *= -learning_rate  # a Python float keeps the dtype of the weights (NEP 50)
        self.weights += images.T @ work
        self.biases += work.sum(axis=0)
        return loss, predictions

    def evaluate(self, images: np.ndarray, labels: np.ndarray):
        """(accuracy, mean cross-entropy per image, predicted digits) on a set of images."""
        probabilities = self.predict_proba(images)
        predictions = probabilities.argmax(axis=1)
        picked = probabilities[np.arange(labels.size), labels]
        loss = -np.log(np.maximum(picked, LOG_EPSILON)).mean(dtype=np.float64)
        return float(np.mean(predictions == labels)), float(loss), predictions

    def is_finite(self) -> bool:
        return bool(np.isfinite(self.weights).all() and np.isfinite(self.biases).all())
