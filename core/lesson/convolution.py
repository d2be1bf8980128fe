"""Convolution by hand, and what a trained convolutional network makes of a moved digit.

The page "Vers la convolution" answers the lesson's last question (how can a
network see shapes instead of pixels?) in two steps:

* filters by hand: :func:`correlate` slides a filter over an image, one
  multiply-and-add per position (what deep-learning libraries call convolution
  is this cross-correlation; the image is padded with zeros so that the feature
  map keeps the image's size), :func:`products_at` shows one position step by
  step, :func:`relu` and :func:`max_pool` keep what lit up, then the strongest
  answer of each block;
* filters learned: the network of ``core.models.convnet`` reads the same digit;
  :func:`pooled_features` is what its last pooling gives to its dense layer,
  and :func:`feature_similarity` measures how much of it survives a shift,
  beside the pixels themselves.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from core import data
from core.lesson import translation
from core.models.convnet.network import ConvNet

KERNEL_SIZES = (3, 5)
MAX_KERNEL_VALUE = 100.0

# The page's presets, 3×3 (the blur also exists in 5×5). Sobel's edge filters answer where the
# grey level changes from left to right (vertical edges) or from top to bottom (horizontal edges).
PRESETS: dict[str, np.ndarray] = {
    "vertical_edges": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float),
    "horizontal_edges": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float),
    "diagonal": np.array([[0, 1, 2], [-1, 0, 1], [-2, -1, 0]], dtype=float),
    "anti_diagonal": np.array([[2, 1, 0], [1, 0, -1], [0, -1, -2]], dtype=float),
    "blur": np.full((3, 3), 1 / 9),
    "blur_5": np.outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]) / 256.0,
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
}



class KernelError(ValueError):
    """A kernel that cannot be used: ``code`` names a message in core.texts."""

    def __init__(self, code: str, **details):
        self.code, self.details = code, details
        super().__init__(f"{code} {details}")


def check_kernel(kernel) -> np.ndarray:
    """``kernel`` as a float64 square array of odd side 3 or 5 with finite, bounded values."""
    try:
        kernel = np.asarray(kernel, dtype=float)
    except (TypeError, ValueError):
        raise KernelError("kernel_not_numbers") from None
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.shape[0] not in KERNEL_SIZES:
        raise KernelError("kernel_bad_shape", shape="×".join(map(str, kernel.shape)))
    if not np.isfinite(kernel).all():
        raise KernelError("kernel_not_finite")
    if np.abs(kernel).max() > MAX_KERNEL_VALUE:
        raise KernelError("kernel_too_large", max=int(MAX_KERNEL_VALUE))
    return kernel


def _padded(images: np.ndarray, half: int) -> np.ndarray:
    pad = [(0, 0)] * (images.ndim - 2) + [(half, half), (half, half)]
    return np.pad(images, pad)


def correlate(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The feature map of one image (H, W): the kernel slid over it, zero padding, same size.

    Equals ``scipy.signal.correlate2d(image, kernel, mode="same")``.
    """
    kernel = check_kernel(kernel)
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError(f"expected one image (H, W), got shape {image.shape}")
    windows = sliding_window_view(_padded(image, kernel.shape[0] // 2), kernel.shape)
    return np.einsum("ijkl,kl->ij", windows, kernel)


def products_at(image: np.ndarray, kernel: np.ndarray, row: int, col: int) -> tuple[np.ndarray, np.ndarray, float]:
    """One step of the slide: the image patch under the kernel centred on (row, col), the products, their sum.

    The patch includes the zero padding beyond the border; the sum is the
    feature map's value at (row, col).
    """
    kernel = check_kernel(kernel)
    image = np.asarray(image, dtype=float)
    if not (0 <= row < image.shape[0] and 0 <= col < image.shape[1]):
        raise ValueError(f"position ({row}, {col}) is outside the image {image.shape}")
    half = kernel.shape[0] // 2
    patch = _padded(image, half)[row:row + kernel.shape[0], col:col + kernel.shape[1]]
    products = patch * kernel
    return patch, products, float(products.sum())


def relu(values: np.ndarray) -> np.ndarray:
    return np.maximum(values, 0.0)


def max_pool(maps: np.ndarray, size: int = 2) -> np.ndarray:
    """Max pooling over non-overlapping size×size blocks of the last two axes (a border that does not fill a block is dropped)."""
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive integer, got {size!r}")
    maps = np.asarray(maps)
    height, width = maps.shape[-2] // size, maps.shape[-1] // size
    if height == 0 or width == 0:
        raise ValueError(f"maps {maps.shape} are smaller than one {size}×{size} block")
    cropped = maps[..., :height * size, :width * size]
    blocks = cropped.reshape(*maps.shape[:-2], height, size, width, size)
    return blocks.max(axis=(-3, -1))


def cosine_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """cos(a, b) of two arrays read as vectors: 1 for the same direction; 0 when either is all zeros."""
    a, b = np.asarray(a, dtype=float).ravel(), np.asarray(b, dtype=float).ravel()
    norms = np.linalg.norm(a) * np.linalg.norm(b)
    return float(a @ b / norms) if norms > 0 else 0.0


# ----------------------------------------------------------------- what a trained network keeps
def last_pooling(network: ConvNet) -> str:
    """The name of the network's last pooling layer: what its dense layer reads."""
    return [name for name, layer in zip(network.layer_names(), network.layers) if "pool" in layer.kind][-1]


def pooled_features(network: ConvNet, image: np.ndarray) -> np.ndarray:
    """What the network's last pooling gives for one image (28, 28) in [0, 1] or 0-255: its features, flat."""
    maps = dict(network.feature_maps(data.to_float(image) if image.dtype == np.uint8 else image))
    return np.asarray(maps[last_pooling(network)], dtype=np.float64).reshape(-1)


def feature_similarity(network: ConvNet, image: np.ndarray, shifts, direction: str) -> dict[str, list[float]]:
    """How much a digit still looks like itself once moved, by its pixels and by the network's features.

    ``image`` is a uint8 digit (28, 28); for each shift of ``shifts`` in ``direction``
    (see ``core.lesson.translation.direction_shifts``), the cosine similarity between the
    digit and the moved digit, as raw pixels ("pixels") and as the network's pooled
    features ("features"). A network that ends in global pooling keeps nearly the same
    features wherever the digit is; one that flattens its maps keeps where each stroke was.
    """
    original = data.to_float(image)
    features = pooled_features(network, original)
    found: dict[str, list[float]] = {"pixels": [], "features": []}
    for dx, dy in translation.direction_shifts(shifts, direction):
        moved = data.to_float(translation.shift_images(image, dx, dy))
        found["pixels"].append(cosine_similarity(original, moved))
        found["features"].append(cosine_similarity(features, pooled_features(network, moved)))
    return found
