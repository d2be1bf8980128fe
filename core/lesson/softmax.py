"""Softmax, sigmoid and cross-entropy written by hand with numpy.

These are the formulas of the lesson's "Fonction softmax" slide:

    softmax(z)_i = exp(z_i) / sum_j exp(z_j)
    sigmoid(z)_i = 1 / (1 + exp(-z_i))
    cross_entropy(y', y) = - sum_i y'_i log(y_i)
"""

from __future__ import annotations

import numpy as np

# Probabilities are clipped to this before the log: log(0) would be -inf.
LOG_EPSILON = 1e-12


def softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of a vector, or of each row of a batch (``axis=-1``).

    Numerically stable: the maximum is subtracted first, which leaves the result
    unchanged (the factor exp(-max) cancels) and keeps every exponent <= 0, so
    inputs such as 1000 or -1000 neither overflow nor give NaN.
    """
    z = np.asarray(z)
    if z.dtype.kind != "f":
        z = z.astype(float)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=axis, keepdims=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic sigmoid, component-wise, stable for large positive and negative inputs."""
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    exp_z = np.exp(z[~positive])
    out[~positive] = exp_z / (1.0 + exp_z)
    return out


def cross_entropy(y_true: np.ndarray, y_pred: np.ndarray, epsilon: float = LOG_EPSILON) -> np.ndarray | float:
    """-sum(y' log y) over the last axis: one number per vector (per row of a batch).

    ``y_pred`` is clipped to ``[epsilon, 1]`` before the log, so a zero
    probability gives a large but finite loss instead of infinity.
    """
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shapes differ: labels {y_true.shape}, probabilities {y_pred.shape}")
    loss = -np.sum(y_true * np.log(np.clip(y_pred, epsilon, 1.0)), axis=-1)
    return float(loss) if np.ndim(loss) == 0 else loss


def one_hot(label: int, n_classes: int = 10) -> np.ndarray:
    """The one-hot vector of a single label: 1 at ``label``, 0 elsewhere."""
    if not 0 <= int(label) < n_classes:
        raise ValueError(f"label must lie in 0..{n_classes - 1}, got {label}")
    vector = np.zeros(n_classes)
    vector[int(label)] = 1.0
    return vector


def normalise_by_sum(values: np.ndarray) -> np.ndarray:
    """Divide non-negative values by their sum so that they add up to 1."""
    values = np.asarray(values, dtype=float)
    if np.any(values < 0):
        raise ValueError("values must be non-negative to be normalised by their sum")
    total = values.sum()
    if not total > 0:
        raise ValueError("values must not all be zero")
    return values / total


def truncate(values: np.ndarray, decimals: int) -> np.ndarray:
    """Cut values to ``decimals`` places toward zero (0.0497 -> 0.04 at 2 decimals).

    The scaled value is first rounded to 9 places so that binary representation
    noise (0.29 * 100 = 28.999999999999996) does not drop a digit.
    """
    scale = 10.0**decimals
    return np.trunc(np.round(np.asarray(values, dtype=float) * scale, 9)) / scale


def reduce_precision(values: np.ndarray, decimals: int, mode: str) -> np.ndarray:
    """Round (``mode='round'``) or truncate (``mode='truncate'``) to ``decimals`` places."""
    if mode == "truncate":
        return truncate(values, decimals)
    if mode == "round":
        return np.round(np.asarray(values, dtype=float), decimals)
    raise ValueError(f"unknown precision mode {mode!r}")
