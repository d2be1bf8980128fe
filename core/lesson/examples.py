"""The lesson's worked examples and the calculations behind the softmax page."""

from __future__ import annotations

import numpy as np

from core.lesson import softmax as sm
from core.numbers import format_number, format_vector

# The slide "Fonction softmax": z = (1; 3; 2,5; 5; 4; 2)
Z = np.array([1.0, 3.0, 2.5, 5.0, 4.0, 2.0])
# ... and its softmax as the slide prints it, truncated to 10^-2
Z_SOFTMAX_TRUNCATED = np.array([0.01, 0.08, 0.04, 0.60, 0.22, 0.03])

# The cross-entropy example, "this is a 6": the network's ten outputs
CE_LABEL = 6
CE_SCORES = np.array([0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.9, 0.2, 0.1, 0.1])

TEMPERATURES = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
BATCH_SIZES = [1, 10, 50, 100, 200, 500, 1000]
# exp() of float64 overflows just above 709: past this the raw exponentials are not shown
MAX_SHOWN_EXPONENT = 700.0


def z_text(lang: str) -> str:
    """The lesson's vector as a student would type it in ``lang``."""
    return format_vector(Z, None, lang).strip("()")


def scores_text(lang: str) -> str:
    """The cross-entropy example's ten outputs, separated by spaces."""
    return " ".join(format_number(v, None, lang) for v in CE_SCORES)


def softmax_table(z: np.ndarray, temperature: float = 1.0) -> dict[str, np.ndarray | None]:
    """softmax(z / T), sigmoid(z) and, when they are finite, the raw exponentials exp(z / T)."""
    if not temperature > 0:
        raise ValueError("the temperature must be positive")
    scaled = np.asarray(z, dtype=float) / temperature
    exps = np.exp(scaled) if np.max(np.abs(scaled)) <= MAX_SHOWN_EXPONENT else None
    return {"softmax": sm.softmax(scaled), "sigmoid": sm.sigmoid(z), "exp": exps}


def is_lesson_example(z: np.ndarray, temperature: float) -> bool:
    return temperature == 1.0 and np.shape(z) == Z.shape and bool(np.allclose(z, Z))


def to_probabilities(scores: np.ndarray, method: str) -> np.ndarray:
    """Turn the network's outputs into a distribution: divide by the sum, or softmax."""
    if method == "sum":
        return sm.normalise_by_sum(scores)
    if method == "softmax":
        return sm.softmax(scores)
    raise ValueError(f"unknown normalisation {method!r}")


def shapes(batch: int) -> list[tuple[str, str, int]]:
    """(name, shape, number of values) of each array in Y = softmax(X·W + b)."""
    return [
        ("X", f"[{batch}, 784]", batch * 784),
        ("W", "[784, 10]", 7840),
        ("b", "[10]", 10),
        ("L", f"[{batch}, 10]", batch * 10),
        ("Y", f"[{batch}, 10]", batch * 10),
    ]
