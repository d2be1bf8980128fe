"""Convolution, ReLU and max pooling by hand (numpy), and a small pipeline that learns on top of them.

The page "Vers la convolution" answers the lesson's last question (how can a
network see shapes instead of pixels?) with

* :func:`correlate`: a filter slid over an image, one multiply-and-add per
  position (what deep-learning libraries call convolution is this
  cross-correlation; the image is padded with zeros so that the feature map
  keeps the image's size), and :func:`products_at` for one position shown
  step by step;
* :func:`relu` and :func:`max_pool`: keep what lit up, then keep only the
  strongest answer of each block, so that a shape moved by a pixel or two
  gives almost the same pooled map;
* :class:`FilterBank`: a few fixed filters (edges, diagonals) applied to many
  images at once, the features a :class:`ConvPipeline` gives to scikit-learn's
  LogisticRegression. Its filters are fixed, not learned: it is a convolutional
  network's first layer, not a trained CNN.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.linear_model import LogisticRegression

from core import data
from core.lesson import translation

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

# The pipeline's bank: both signs of the four edge filters, so that ReLU keeps every edge.
BANK_PRESETS = ("vertical_edges", "horizontal_edges", "diagonal", "anti_diagonal")
# The pipeline's settings on the page: the pooling block (2: 14×14 maps, 4: two 2×2 poolings, 7×7
# maps, 7: 4×4 maps), fitted on 20 000 training digits. Measured (2 cores, pooling 4): features
# 1.5 s, fit 3.9 s, 96.97 % on the test digits.
POOL_SIZES = (2, 4, 7)
SIMILARITY_POOLS = (2, 4)  # the pooled maps compared with the moved digit's
DEFAULT_POOL = 4  # the page's default pooling, whose pipeline the server fits as soon as it starts
PIPELINE_TRAIN_SIZE = 20000


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


# --------------------------------------------------------------------------- many images at once
@dataclass(frozen=True)
class FilterBank:
    """Fixed 3×3 filters, ReLU, then max pooling in ``pool``×``pool`` blocks: an image's features."""

    presets: tuple[str, ...] = BANK_PRESETS
    signed: bool = True   # each filter and its opposite: ReLU keeps dark-to-light and light-to-dark edges
    pool: int = 4

    @property
    def kernels(self) -> np.ndarray:
        kernels = [PRESETS[name] for name in self.presets]
        if self.signed:
            kernels += [-kernel for kernel in kernels]
        return np.stack(kernels).astype(np.float32)

    def maps(self, images: np.ndarray) -> np.ndarray:
        """(n, 28, 28) images in [0, 1] -> (n, k, 28, 28) feature maps after ReLU.

        The patches under the kernel at every position, one row each, times the
        kernels as columns: the same sums as :func:`correlate`, for every image and
        filter in one matrix product.
        """
        images = np.asarray(images, dtype=np.float32)
        kernels = self.kernels
        size = kernels.shape[-1]
        count, height, width = images.shape
        patches = sliding_window_view(_padded(images, size // 2), (size, size), axis=(1, 2))
        sums = patches.reshape(-1, size * size) @ kernels.reshape(len(kernels), -1).T
        return relu(sums.reshape(count, height, width, len(kernels)).transpose(0, 3, 1, 2))

    def features(self, images: np.ndarray, chunk: int = 500) -> np.ndarray:
        """(n, 28, 28) images (uint8 or floats in [0, 1]) -> (n, k·s·s) pooled features, float32."""
        images = np.asarray(images)
        if images.ndim != 3:
            raise ValueError(f"expected images (n, 28, 28), got shape {images.shape}")
        parts = []
        for start in range(0, len(images), chunk):
            part = images[start:start + chunk]
            part = data.to_float(part) if part.dtype == np.uint8 else part.astype(np.float32, copy=False)
            pooled = max_pool(self.maps(part), self.pool)
            parts.append(pooled.reshape(len(part), -1))
        return np.concatenate(parts) if parts else np.empty((0, self.feature_count), np.float32)

    @property
    def feature_count(self) -> int:
        side = data.IMAGE_SIDE // self.pool
        return len(self.kernels) * side * side


@dataclass
class ConvPipeline:
    """Fixed filter bank + ReLU + max pooling, then scikit-learn's LogisticRegression on the pooled maps."""

    bank: FilterBank
    classifier: LogisticRegression
    train_size: int
    feature_seconds: float   # computing the training digits' features
    fit_seconds: float
    test_accuracy: float

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Rows (n, 784) in [0, 1], as the other models take them -> probabilities (n, 10)."""
        rows = np.asarray(rows, dtype=np.float32)
        images = rows.reshape(len(rows), data.IMAGE_SIDE, data.IMAGE_SIDE)
        return self.classifier.predict_proba(self.bank.features(images))

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return self.predict_proba(rows).argmax(axis=1)


def fit_pipeline(bank: FilterBank, images_train: np.ndarray, y_train: np.ndarray, images_test: np.ndarray,
                 y_test: np.ndarray, train_size: int, seed: int = 0, max_iter: int = 200) -> ConvPipeline:
    """Features of ``train_size`` training digits (stratified), a LogisticRegression on them, its test accuracy."""
    chosen = (np.arange(len(y_train)) if train_size >= len(y_train)
              else data.stratified_subset(y_train, train_size, seed))
    started = time.perf_counter()
    features = bank.features(images_train[chosen])
    feature_seconds = time.perf_counter() - started
    classifier = LogisticRegression(max_iter=max_iter, C=1.0)
    started = time.perf_counter()
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(features, y_train[chosen])
    fit_seconds = time.perf_counter() - started
    accuracy = float(np.mean(classifier.predict(bank.features(images_test)) == y_test))
    return ConvPipeline(bank, classifier, int(chosen.size), feature_seconds, fit_seconds, accuracy)


def shift_similarity(image: np.ndarray, bank: FilterBank, shifts, direction: str,
                     pools: tuple[int, ...] = SIMILARITY_POOLS) -> dict[str, np.ndarray]:
    """How much a digit still looks like itself once moved, as the network would compare it.

    For each shift along ``direction``: the cosine similarity between the
    original and the moved digit, read as raw pixels ("pixels"), as the bank's
    feature maps after ReLU ("maps"), and as those maps max-pooled in blocks of
    each size of ``pools`` ("pool_2", "pool_4", ...).
    """
    image = np.asarray(image)
    if image.shape != (data.IMAGE_SIDE, data.IMAGE_SIDE):
        raise ValueError(f"expected one 28×28 image, got shape {image.shape}")
    pairs = translation.direction_shifts(shifts, direction)
    moved = np.stack([image] + [translation.shift_images(image, dx, dy) for dx, dy in pairs])
    moved = data.to_float(moved) if moved.dtype == np.uint8 else moved.astype(np.float32)
    maps = bank.maps(moved)
    views = {"pixels": moved, "maps": maps, **{f"pool_{size}": max_pool(maps, size) for size in pools}}
    return {name: np.array([cosine_similarity(values[0], values[k + 1]) for k in range(len(pairs))])
            for name, values in views.items()}
