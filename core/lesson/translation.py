"""Translation: move a digit a few pixels and watch the network fail.

The page "Limites : translation" shows that a fully connected network does not
know that a digit moved two pixels to the right is still the same digit: each
of its first-layer neurons weighs fixed pixel positions. It shows

* a digit shifted by (dx, dy) pixels, and what the network reads
  (:func:`shift_images`; the ink pushed past the border is lost, never wrapped
  around to the other side);
* the accuracy on the test digits as the shift grows, horizontally, vertically
  or diagonally (:func:`accuracy_vs_shift`), and as a dx × dy heatmap
  (:func:`accuracy_grid`);
* a remedy that does not change the network: train it on shifted copies too
  (:func:`augment_with_shifts`);
* the student's own drawing, prepared the way MNIST was made: cropped, scaled
  so that its larger side is 20 pixels, and centred by its centre of mass in a
  28×28 frame (:func:`preprocess_drawing`), or left where it was drawn, to see
  that an off-centre digit is misread.

Images are (n, 28, 28) or (28, 28) arrays, uint8 0-255 or floats; a
*predictor* is any callable taking float32 rows (n, 784) in [0, 1] and
returning the predicted digits, such as ``lambda rows: model.predict(rows)``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable

import numpy as np
from PIL import Image

from core import data

MAX_SHIFT = data.IMAGE_SIDE - 1  # 27: a larger shift leaves an empty image
CHUNK_SIZE = 2000                # images shifted and predicted at a time
DIRECTIONS = ("horizontal", "vertical", "diagonal")
PAGE_SHIFT = 8                   # the page's sliders and charts go from -8 to +8 pixels

# MNIST's own recipe (LeCun et al.): the digit fits a 20×20 box, and its centre
# of mass is put at the centre of a 28×28 frame; row and column 14 in the
# convention of scipy.ndimage.center_of_mass (MNIST's mean is 14.0, 14.0).
DIGIT_BOX = 20
FRAME_CENTRE = 14
# A canvas pixel counts as ink, when judging whether there is a digit at all, from this grey level
# on (0-255); the crop, though, keeps every pixel with some ink, faint anti-aliased edges included.
INK_LEVEL = 26
MIN_SIZE_FRACTION = 0.03  # a drawing smaller than this fraction of the canvas side both ways is a dot
DOT_STROKES = 1.8         # ... or, with a known brush, smaller than this many brush widths both ways
MAX_INK_FRACTION = 0.60   # a drawing covering more of the canvas is a scribble

Predictor = Callable[[np.ndarray], np.ndarray]


class DrawingError(ValueError):
    """A drawing that cannot be read as a digit: ``code`` names a message in core.texts."""

    def __init__(self, code: str, **details):
        self.code, self.details = code, details
        super().__init__(f"{code} {details}")


# --- shifting -----------------------------------------------------------------------------------

def _checked_shift(value, name: str) -> int:
    """``value`` as a Python int in [-MAX_SHIFT, MAX_SHIFT]; ValueError otherwise (floats and bools included)."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be an integer number of pixels, got {value!r}")
    try:
        value = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer number of pixels, got {value!r}") from None
    if not -MAX_SHIFT <= value <= MAX_SHIFT:
        raise ValueError(f"{name} must lie in [{-MAX_SHIFT}, {MAX_SHIFT}], got {value}")
    return value


def _slices(shift: int, side: int) -> tuple[slice, slice]:
    """(source, target) slices along one axis for a shift by ``shift`` pixels (positive: towards the end)."""
    if shift >= 0:
        return slice(0, side - shift), slice(shift, side)
    return slice(-shift, side), slice(0, side + shift)


def shift_images(images: np.ndarray, dx: int, dy: int) -> np.ndarray:
    """Shift images by ``dx`` pixels to the right and ``dy`` down, filling with background 0.

    ``images`` is one image (28, 28) or a stack (n, 28, 28). Ink pushed past the
    border disappears (no wrap-around, unlike ``np.roll``). Returns a new array
    of the same shape and dtype; the input is never modified.
    """
    dx, dy = _checked_shift(dx, "dx"), _checked_shift(dy, "dy")
    images = np.asarray(images)
    if images.ndim not in (2, 3):
        raise ValueError(f"expected an image (28, 28) or images (n, 28, 28), got shape {images.shape}")
    shifted = np.zeros_like(images)
    rows_from, rows_to = _slices(dy, images.shape[-2])
    cols_from, cols_to = _slices(dx, images.shape[-1])
    shifted[..., rows_to, cols_to] = images[..., rows_from, cols_from]
    return shifted


def direction_shifts(shifts: Iterable[int], direction: str) -> list[tuple[int, int]]:
    """The (dx, dy) pairs of ``shifts`` along ``direction``: "horizontal", "vertical" or "diagonal"."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, got {direction!r}")
    along = {"horizontal": lambda s: (s, 0), "vertical": lambda s: (0, s), "diagonal": lambda s: (s, s)}
    return [along[direction](s) for s in shifts]


# --- accuracy under translation -----------------------------------------------------------------

def accuracy_for_shifts(predict: Predictor, images: np.ndarray, labels: np.ndarray,
                        pairs: list[tuple[int, int]], chunk_size: int = CHUNK_SIZE) -> np.ndarray:
    """Accuracy of ``predict`` on ``images`` shifted by each (dx, dy) of ``pairs`` (float64 array).

    Works ``chunk_size`` images at a time: only one shifted chunk exists at any
    moment, whatever the number of shifts.
    """
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or len(images) == 0 or labels.shape != (len(images),):
        raise ValueError(f"expected images (n, 28, 28) with n > 0 and n labels, "
                         f"got {images.shape} and {labels.shape}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    pairs = [(_checked_shift(dx, "dx"), _checked_shift(dy, "dy")) for dx, dy in pairs]
    correct = np.zeros(len(pairs), dtype=np.int64)
    for start in range(0, len(images), chunk_size):
        chunk, truth = images[start:start + chunk_size], labels[start:start + chunk_size]
        for k, (dx, dy) in enumerate(pairs):
            rows = data.flatten(_as_unit_float(shift_images(chunk, dx, dy)))
            correct[k] += np.count_nonzero(np.asarray(predict(rows)).reshape(-1) == truth)
    return correct / len(images)


def _as_unit_float(images: np.ndarray) -> np.ndarray:
    """uint8 0-255 -> float32 in [0, 1]; float images are taken to be in [0, 1] already."""
    if images.dtype == np.uint8:
        return data.to_float(images)
    return images.astype(np.float32, copy=False)


def accuracy_vs_shift(predict: Predictor, images: np.ndarray, labels: np.ndarray,
                      shifts: Iterable[int], direction: str, chunk_size: int = CHUNK_SIZE) -> np.ndarray:
    """Accuracy for each shift of ``shifts`` (e.g. ``range(0, 9)``) along ``direction``.

    "horizontal" shifts by (s, 0), "vertical" by (0, s), "diagonal" by (s, s).
    """
    return accuracy_for_shifts(predict, images, labels, direction_shifts(shifts, direction), chunk_size)


def shift_curves(predict: Predictor, images: np.ndarray, labels: np.ndarray, max_shift: int = PAGE_SHIFT,
                 chunk_size: int = CHUNK_SIZE) -> dict[str, np.ndarray]:
    """Accuracy for shifts 0..max_shift along every direction: {direction: accuracies}.

    The unshifted images are predicted once for the three curves (their common
    first point): 3·max_shift + 1 predictions of the whole set.
    """
    max_shift = _checked_shift(max_shift, "max_shift")
    if max_shift < 0:
        raise ValueError(f"max_shift must not be negative, got {max_shift}")
    shifts = range(max_shift + 1)
    pairs = list(dict.fromkeys(pair for direction in DIRECTIONS for pair in direction_shifts(shifts, direction)))
    accuracy = dict(zip(pairs, accuracy_for_shifts(predict, images, labels, pairs, chunk_size)))
    return {direction: np.array([accuracy[pair] for pair in direction_shifts(shifts, direction)])
            for direction in DIRECTIONS}


def class_probability_sweep(predict_proba: Callable[[np.ndarray], np.ndarray], image: np.ndarray, digit: int,
                            shifts: Iterable[int], direction: str) -> np.ndarray:
    """The probability a model gives to ``digit`` for ``image`` moved by each shift along ``direction``.

    One prediction of len(shifts) images: cheap enough to redraw on every move of a slider.
    """
    image = np.asarray(image)
    if image.shape != (data.IMAGE_SIDE, data.IMAGE_SIDE):
        raise ValueError(f"expected one 28×28 image, got shape {image.shape}")
    moved = np.stack([shift_images(image, dx, dy) for dx, dy in direction_shifts(shifts, direction)])
    probabilities = np.asarray(predict_proba(data.flatten(_as_unit_float(moved))))
    return probabilities[:, int(digit)]


def accuracy_grid(predict: Predictor, images: np.ndarray, labels: np.ndarray, max_shift: int,
                  chunk_size: int = CHUNK_SIZE) -> np.ndarray:
    """Accuracy heatmap (2·max_shift + 1)²: row i is dy = i - max_shift, column j is dx = j - max_shift.

    The centre, [max_shift, max_shift], is the accuracy on the unshifted images.
    Costs (2·max_shift + 1)² predictions of the whole set: 289 for max_shift = 8.
    """
    max_shift = _checked_shift(max_shift, "max_shift")
    if max_shift < 0:
        raise ValueError(f"max_shift must not be negative, got {max_shift}")
    offsets = range(-max_shift, max_shift + 1)
    pairs = [(dx, dy) for dy in offsets for dx in offsets]
    return accuracy_for_shifts(predict, images, labels, pairs, chunk_size).reshape(len(offsets), len(offsets))


# --- data augmentation --------------------------------------------------------------------------

def random_shifts(images: np.ndarray, max_shift: int, rng: np.random.Generator) -> np.ndarray:
    """A copy of ``images`` (n, 28, 28) with each image moved by its own random (dx, dy).

    The shifts are drawn uniformly among the integers of [-max_shift, max_shift]²
    from ``rng``; images sharing a shift are moved together, so the cost is one
    pass over the images whatever their number.
    """
    images = np.asarray(images)
    if images.ndim != 3:
        raise ValueError(f"expected images (n, 28, 28), got shape {images.shape}")
    max_shift = _checked_shift(max_shift, "max_shift")
    if max_shift < 0:
        raise ValueError(f"max_shift must not be negative, got {max_shift}")
    drawn = rng.integers(-max_shift, max_shift + 1, size=(len(images), 2))
    shifted = np.empty_like(images)
    for dx, dy in np.unique(drawn, axis=0):
        chosen = np.flatnonzero((drawn[:, 0] == dx) & (drawn[:, 1] == dy))
        shifted[chosen] = shift_images(images[chosen], int(dx), int(dy))
    return shifted


def augment_with_shifts(images: np.ndarray, labels: np.ndarray, max_shift: int, copies: int,
                        seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The images followed by ``copies`` randomly shifted copies of each, with their labels.

    Returns ``(images', labels')`` with n·(1 + copies) entries: first the n
    originals, then copy 1 of every image, then copy 2, and so on. Each copy has
    its own shift (dx, dy), drawn uniformly among the integers of
    [-max_shift, max_shift]², reproducibly for a given ``seed``.
    """
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or labels.shape != (len(images),):
        raise ValueError(f"expected images (n, 28, 28) and n labels, got {images.shape} and {labels.shape}")
    max_shift = _checked_shift(max_shift, "max_shift")
    if max_shift < 0 or isinstance(copies, bool) or not isinstance(copies, (int, np.integer)) or copies < 0:
        raise ValueError(f"max_shift and copies must be non-negative integers, got {max_shift} and {copies!r}")
    rng = np.random.default_rng(seed)
    augmented = np.empty(((copies + 1) * len(images), *images.shape[1:]), dtype=images.dtype)
    augmented[:len(images)] = images
    for k in range(copies):
        augmented[(k + 1) * len(images):(k + 2) * len(images)] = random_shifts(images, max_shift, rng)
    return augmented, np.tile(labels, copies + 1)


# --- the student's drawing ----------------------------------------------------------------------

def drawing_ink(canvas: np.ndarray) -> np.ndarray:
    """Ink level 0-255 (float64, H×W) of a canvas: H×W grey, or H×W×3 RGB, or H×W×4 RGBA.

    White strokes on black (or on a transparent background) are ink: the grey
    level of the RGB (ITU-R 601 luma, as PIL's "L" mode), times the alpha.
    """
    canvas = np.asarray(canvas, dtype=np.float64)
    if canvas.ndim == 2:
        grey = canvas
    elif canvas.ndim == 3 and canvas.shape[2] in (3, 4):
        grey = canvas[..., :3] @ np.array([0.299, 0.587, 0.114])
        if canvas.shape[2] == 4:
            grey = grey * canvas[..., 3] / 255.0
    else:
        raise ValueError(f"expected an H×W grey or H×W×4 RGBA image, got shape {canvas.shape}")
    if grey.shape[0] < 1 or grey.shape[1] < 1 or not np.isfinite(grey).all():
        raise ValueError(f"the canvas must be a non-empty image of finite values, got shape {canvas.shape}")
    return np.clip(grey, 0.0, 255.0)


def _bounding_box(mask: np.ndarray) -> tuple[slice, slice]:
    """The rows and columns spanned by the True pixels of ``mask`` (at least one)."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)


def check_drawing(ink: np.ndarray, stroke_width: float | None = None) -> None:
    """Raise :class:`DrawingError` if the ink is no digit: nothing, a dot, or a scribble.

    Only pixels from :data:`INK_LEVEL` on count, so that a faint halo neither
    makes an empty canvas a drawing nor a dot a digit. With the brush's
    ``stroke_width`` (canvas pixels), one click of the brush is a dot too.
    """
    mask = ink >= INK_LEVEL
    if not mask.any():
        raise DrawingError("drawing_empty")
    covered = float(mask.mean())
    if covered > MAX_INK_FRACTION:
        raise DrawingError("drawing_too_big", fraction=covered)
    rows, cols = _bounding_box(mask)
    height, width = rows.stop - rows.start, cols.stop - cols.start
    min_height, min_width = MIN_SIZE_FRACTION * ink.shape[0], MIN_SIZE_FRACTION * ink.shape[1]
    if stroke_width is not None:
        min_height = max(min_height, DOT_STROKES * stroke_width)
        min_width = max(min_width, DOT_STROKES * stroke_width)
    if height < min_height and width < min_width:
        raise DrawingError("drawing_too_small", height=int(height), width=int(width))


def _resize(ink: np.ndarray, height: int, width: int) -> np.ndarray:
    """Anti-aliased resize of float ink to height×width, computed on floats.

    Shrinking averages the area each new pixel covers (PIL's BOX filter): a
    stroke edge gets the grey level of its coverage, with none of the halo that
    Lanczos' ringing leaves around a sharp stroke. The rare enlargement (a
    drawing smaller than 20 pixels) is bilinear.
    """
    shrinking = height <= ink.shape[0] and width <= ink.shape[1]
    method = Image.Resampling.BOX if shrinking else Image.Resampling.BILINEAR
    picture = Image.fromarray(ink.astype(np.float32))  # mode "F"
    return np.asarray(picture.resize((width, height), method), dtype=np.float64)


def _to_grey_levels(ink: np.ndarray) -> np.ndarray:
    return np.rint(np.clip(ink, 0.0, 255.0)).astype(np.uint8)


def _centre_of_mass(ink: np.ndarray) -> tuple[float, float]:
    total = ink.sum()
    rows, cols = np.indices(ink.shape)
    return float((rows * ink).sum() / total), float((cols * ink).sum() / total)


def _centred_in_frame(digit: np.ndarray) -> np.ndarray:
    """Put ``digit`` (at most 28×28) in a 28×28 frame with its centre of mass at (14, 14), rounded.

    Where the centre of mass is so far off that the digit would leave the frame,
    the digit stops at the border: no ink is lost.
    """
    side = data.IMAGE_SIDE
    row, col = _centre_of_mass(digit)
    top = int(np.clip(round(FRAME_CENTRE - row), 0, side - digit.shape[0]))
    left = int(np.clip(round(FRAME_CENTRE - col), 0, side - digit.shape[1]))
    frame = np.zeros((side, side))
    frame[top:top + digit.shape[0], left:left + digit.shape[1]] = digit
    return frame


def _mnist_style(ink: np.ndarray) -> np.ndarray:
    """Crop to the ink, scale the larger side to 20 pixels (aspect ratio kept), centre by mass in 28×28."""
    crop = ink[_bounding_box(ink > 0)]  # the faint edges too: they are part of the stroke
    scale = DIGIT_BOX / max(crop.shape)
    height, width = (max(1, min(DIGIT_BOX, round(n * scale))) for n in crop.shape)
    digit = np.clip(_resize(crop, height, width), 0.0, 255.0)
    return _centred_in_frame(digit)


def _whole_canvas(ink: np.ndarray) -> np.ndarray:
    """The whole canvas, padded with background to a square, scaled to 28×28: the drawing stays where it is."""
    square = np.zeros((max(ink.shape),) * 2)
    top, left = (len(square) - ink.shape[0]) // 2, (len(square) - ink.shape[1]) // 2
    square[top:top + ink.shape[0], left:left + ink.shape[1]] = ink
    return _resize(square, data.IMAGE_SIDE, data.IMAGE_SIDE)


def preprocess_drawing(rgba_or_grey: np.ndarray, skip_centering: bool = False,
                       stroke_width: float | None = None) -> np.ndarray:
    """A drawn canvas -> a 28×28 uint8 digit, grey levels 0-255, made the way MNIST was.

    ``rgba_or_grey`` is the H×W×4 RGBA image of a drawing component (white
    strokes on black or on transparency) or an H×W grey array. The ink is
    cropped to its bounding box, scaled (aspect ratio kept, anti-aliased) so
    that its larger side is 20 pixels, and put in a 28×28 frame with its centre
    of mass at (14, 14). With ``skip_centering=True`` there is no crop and no
    centring: the whole canvas is scaled down to 28×28 as it is, and a digit
    drawn off-centre stays off-centre.

    Raises :class:`DrawingError` with code "drawing_empty", "drawing_too_small"
    (a dot: under 3 % of the canvas side both ways, or under 1.8 brush widths
    when ``stroke_width`` is given) or "drawing_too_big" (ink on more than 60 %
    of the canvas), whether centred or not.
    """
    ink = drawing_ink(rgba_or_grey)
    check_drawing(ink, stroke_width)
    return _to_grey_levels(_whole_canvas(ink) if skip_centering else _mnist_style(ink))
