import itertools

import numpy as np
import pytest
from scipy import ndimage

from core import data
from core.lesson import translation
from core.lesson.translation import DrawingError

# Every pair of shifts from -8 to +8 by steps of 2, the extremes ±8 and ±27, and a few odd ones.
SHIFT_PAIRS = sorted(set(itertools.product(range(-8, 9, 2), repeat=2))
                     | {(8, -8), (-8, 8), (1, -3), (-5, 7), (27, 0), (0, -27), (-27, 27), (13, -1)})


def reference_shift(image, dx, dy):
    """The trusted reference: scipy's shift, nearest pixel, background 0 outside."""
    return ndimage.shift(image, (dy, dx), order=0, mode="constant", cval=0)


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.x_test[:20]


@pytest.fixture(scope="module")
def nearest_centroid(mnist):
    """A crude but honest predictor: the digit whose mean unshifted training image is nearest."""
    rows = data.as_rows(mnist.x_train[:10000])
    labels = mnist.y_train[:10000]
    centroids = np.stack([rows[labels == digit].mean(axis=0) for digit in range(10)])
    half_norms = 0.5 * (centroids ** 2).sum(axis=1)

    def predict(batch):
        assert batch.dtype == np.float32 and batch.ndim == 2 and batch.shape[1] == 784
        assert 0.0 <= batch.min() and batch.max() <= 1.0
        return np.argmax(batch @ centroids.T - half_norms, axis=1)
    return predict


# --- shift_images -------------------------------------------------------------------------------

@pytest.mark.parametrize("dx, dy", SHIFT_PAIRS)
def test_shift_matches_scipy_on_real_digits(digits, dx, dy):
    shifted = translation.shift_images(digits, dx, dy)
    expected = np.stack([reference_shift(image, dx, dy) for image in digits])
    np.testing.assert_array_equal(shifted, expected)
    np.testing.assert_array_equal(translation.shift_images(digits[3], dx, dy), expected[3])


def test_shift_of_a_single_pixel_by_hand():
    image = np.zeros((28, 28), dtype=np.uint8)
    image[10, 5] = 200
    moved = translation.shift_images(image, 3, -2)       # 3 right, 2 up
    assert moved[8, 8] == 200 and np.count_nonzero(moved) == 1
    moved = translation.shift_images(image, -5, 8)       # to the left border, 8 down
    assert moved[18, 0] == 200 and np.count_nonzero(moved) == 1


def test_ink_pushed_past_the_border_disappears_instead_of_wrapping_around():
    image = np.zeros((28, 28), dtype=np.uint8)
    image[:, 26:] = 255                                  # two columns at the right edge
    image[0, 10] = 99                                    # one pixel in the top row
    moved = translation.shift_images(image, 1, 0)
    assert np.all(moved[:, 27] == 255) and np.count_nonzero(moved == 255) == 28
    assert np.count_nonzero(moved[:, :3]) == 0           # np.roll would bring column 27 round to column 0
    assert np.count_nonzero(np.roll(image, 1, axis=1)[:, 0]) == 28
    assert np.count_nonzero(translation.shift_images(image, 0, -1) == 99) == 0
    assert np.count_nonzero(translation.shift_images(image, 27, 0)) == 0        # column 0 was empty
    assert np.count_nonzero(translation.shift_images(image, -26, 0)) == 56      # the two columns reach 0 and 1
    assert np.count_nonzero(translation.shift_images(image, 0, 27)) == 3        # only row 0 reaches row 27


def test_shift_keeps_the_dtype_and_returns_a_new_array(digits):
    for images in (digits, data.to_float(digits), digits.astype(np.float64), digits > 100):
        shifted = translation.shift_images(images, -2, 3)
        assert shifted.dtype == images.dtype and shifted.shape == images.shape
        np.testing.assert_array_equal(shifted, np.stack([reference_shift(i, -2, 3) for i in images]))
    unshifted = translation.shift_images(digits, 0, 0)
    np.testing.assert_array_equal(unshifted, digits)
    assert not np.shares_memory(unshifted, digits) and unshifted.flags.writeable


@pytest.mark.parametrize("dx, dy", [(28, 0), (0, -28), (100, 3), (2.5, 0), (0, 1.0), ("1", 0),
                                    (None, 0), (True, 0), (np.float64(2.0), 0)])
def test_bad_shifts_are_refused(digits, dx, dy):
    with pytest.raises(ValueError):
        translation.shift_images(digits, dx, dy)


def test_numpy_integers_are_accepted_and_bad_shapes_refused(digits):
    np.testing.assert_array_equal(translation.shift_images(digits, np.int64(-3), np.int8(4)),
                                  translation.shift_images(digits, -3, 4))
    with pytest.raises(ValueError):
        translation.shift_images(digits.reshape(-1), 1, 1)


# --- accuracy under translation -----------------------------------------------------------------

def test_accuracy_falls_as_the_digits_move(mnist, nearest_centroid):
    images, labels = mnist.x_test[:2000], mnist.y_test[:2000]
    curve = translation.accuracy_vs_shift(nearest_centroid, images, labels, range(0, 9), "horizontal")
    assert isinstance(curve, np.ndarray) and curve.shape == (9,)
    direct = np.mean(nearest_centroid(data.as_rows(images)) == labels)
    assert curve[0] == pytest.approx(direct) and curve[0] > 0.75
    assert curve[4] < curve[0] - 0.3
    moved = np.stack([reference_shift(image, 4, 0) for image in images])
    assert curve[4] == pytest.approx(np.mean(nearest_centroid(data.as_rows(moved)) == labels))
    for direction in ("vertical", "diagonal"):
        other = translation.accuracy_vs_shift(nearest_centroid, images, labels, [0, 4, -4], direction)
        assert other[0] == pytest.approx(curve[0]) and max(other[1:]) < curve[0] - 0.3
    diagonal = translation.accuracy_vs_shift(nearest_centroid, images, labels, [3], "diagonal")
    moved = np.stack([reference_shift(image, 3, 3) for image in images])
    assert diagonal[0] == pytest.approx(np.mean(nearest_centroid(data.as_rows(moved)) == labels))


def test_images_are_predicted_in_bounded_chunks(mnist, nearest_centroid):
    images, labels = mnist.x_test[:1000], mnist.y_test[:1000]
    sizes = []

    def recording(batch):
        sizes.append(len(batch))
        return nearest_centroid(batch)
    chunked = translation.accuracy_vs_shift(recording, images, labels, [0, 2, -3], "vertical", chunk_size=300)
    assert max(sizes) == 300 and sum(sizes) == 3 * 1000
    whole = translation.accuracy_vs_shift(nearest_centroid, images, labels, [0, 2, -3], "vertical")
    np.testing.assert_allclose(chunked, whole)
    assert translation.CHUNK_SIZE == 2000


def test_float_images_in_unit_range_give_the_same_accuracy(mnist, nearest_centroid):
    images, labels = mnist.x_test[:500], mnist.y_test[:500]
    as_uint8 = translation.accuracy_vs_shift(nearest_centroid, images, labels, [0, 5], "diagonal")
    as_float = translation.accuracy_vs_shift(nearest_centroid, data.to_float(images), labels, [0, 5], "diagonal")
    np.testing.assert_allclose(as_uint8, as_float)


def test_accuracy_grid_rows_are_dy_and_columns_dx(mnist, nearest_centroid):
    images, labels = mnist.x_test[:500], mnist.y_test[:500]
    grid = translation.accuracy_grid(nearest_centroid, images, labels, 2)
    assert grid.shape == (5, 5)
    at_zero = translation.accuracy_vs_shift(nearest_centroid, images, labels, [0], "horizontal")[0]
    assert grid[2, 2] == pytest.approx(at_zero) and grid[2, 2] == grid.max()
    horizontal = translation.accuracy_vs_shift(nearest_centroid, images, labels, [-2, 1], "horizontal")
    vertical = translation.accuracy_vs_shift(nearest_centroid, images, labels, [2, -1], "vertical")
    assert grid[2, 0] == pytest.approx(horizontal[0]) and grid[2, 3] == pytest.approx(horizontal[1])
    assert grid[4, 2] == pytest.approx(vertical[0]) and grid[1, 2] == pytest.approx(vertical[1])
    assert translation.accuracy_grid(nearest_centroid, images, labels, 0).shape == (1, 1)


def test_accuracy_arguments_are_checked(mnist, nearest_centroid):
    images, labels = mnist.x_test[:10], mnist.y_test[:10]
    with pytest.raises(ValueError):
        translation.accuracy_vs_shift(nearest_centroid, images, labels, [0], "sideways")
    with pytest.raises(ValueError):
        translation.accuracy_vs_shift(nearest_centroid, images, labels[:5], [0], "horizontal")
    with pytest.raises(ValueError):
        translation.accuracy_vs_shift(nearest_centroid, images, labels, [30], "horizontal")
    with pytest.raises(ValueError):
        translation.accuracy_grid(nearest_centroid, images, labels, -1)


# --- augmentation -------------------------------------------------------------------------------

def test_augmentation_sizes_labels_and_seed(mnist):
    images, labels = mnist.x_train[:300], mnist.y_train[:300]
    augmented, augmented_labels = translation.augment_with_shifts(images, labels, 3, 2, seed=7)
    assert augmented.shape == (900, 28, 28) and augmented.dtype == np.uint8
    np.testing.assert_array_equal(augmented_labels, np.concatenate([labels] * 3))
    np.testing.assert_array_equal(augmented[:300], images)
    again, _ = translation.augment_with_shifts(images, labels, 3, 2, seed=7)
    np.testing.assert_array_equal(again, augmented)
    other, _ = translation.augment_with_shifts(images, labels, 3, 2, seed=8)
    assert not np.array_equal(other, augmented)
    assert np.mean([np.array_equal(a, b) for a, b in zip(augmented[300:600], images)]) < 0.2
    alone, alone_labels = translation.augment_with_shifts(images, labels, 3, 0, seed=7)
    np.testing.assert_array_equal(alone, images)
    np.testing.assert_array_equal(alone_labels, labels)


def test_each_copy_is_its_original_shifted_within_the_bound(mnist):
    images, labels = mnist.x_train[:40], mnist.y_train[:40]
    augmented, _ = translation.augment_with_shifts(images, labels, 2, 2, seed=1)
    candidates = list(itertools.product(range(-2, 3), repeat=2))
    for k, copy in enumerate(augmented[40:]):
        original = images[k % 40]
        assert any(np.array_equal(reference_shift(original, dx, dy), copy) for dx, dy in candidates)


def test_shifts_are_drawn_uniformly_in_the_square():
    dots = np.zeros((4900, 28, 28), dtype=np.uint8)
    dots[:, 14, 14] = 255                                # the shift of a copy is where its dot went
    augmented, _ = translation.augment_with_shifts(dots, np.zeros(4900, dtype=int), 3, 1, seed=0)
    rows, cols = np.nonzero(augmented[4900:].reshape(4900, -1) == 255)
    dy, dx = np.divmod(cols, 28)
    dy, dx = dy - 14, dx - 14
    assert len(rows) == 4900 and -3 <= dx.min() and dx.max() <= 3 and -3 <= dy.min() and dy.max() <= 3
    counts = np.bincount((dy + 3) * 7 + (dx + 3), minlength=49)
    assert counts.min() > 50 and counts.max() < 150      # 100 expected in each of the 49 cells


def test_augmentation_arguments_are_checked(mnist):
    images, labels = mnist.x_train[:5], mnist.y_train[:5]
    for max_shift, copies in ((-1, 1), (28, 1), (2, -1), (2, 1.5)):
        with pytest.raises(ValueError):
            translation.augment_with_shifts(images, labels, max_shift, copies, seed=0)


# --- the student's drawing ----------------------------------------------------------------------

def black_canvas(side=280, transparent=False):
    canvas = np.zeros((side, side, 4), dtype=np.uint8)
    canvas[..., 3] = 0 if transparent else 255
    return canvas


def paint(canvas, rows, cols):
    canvas[rows, cols, :] = 255                          # white, opaque


def test_a_drawn_one_is_scaled_to_twenty_pixels_and_centred():
    canvas = black_canvas()
    paint(canvas, slice(40, 200), slice(200, 230))       # a thick bar, right of centre, high up
    digit = translation.preprocess_drawing(canvas)
    assert digit.shape == (28, 28) and digit.dtype == np.uint8 and digit.max() >= 250
    centre = ndimage.center_of_mass(digit.astype(float))
    assert abs(centre[0] - 14) <= 1 and abs(centre[1] - 14) <= 1
    rows, cols = np.nonzero(digit)
    assert rows.max() - rows.min() + 1 == 20             # the larger side, as in MNIST
    assert 3 <= cols.max() - cols.min() + 1 <= 6         # the aspect ratio kept: 30/160·20 ≈ 4
    assert np.count_nonzero(digit) < 0.3 * 784


def test_without_centring_an_off_centre_drawing_stays_off_centre():
    canvas = black_canvas()
    paint(canvas, slice(40, 200), slice(200, 230))
    digit = translation.preprocess_drawing(canvas, skip_centering=True)
    assert digit.shape == (28, 28) and digit.dtype == np.uint8
    row, col = ndimage.center_of_mass(digit.astype(float))
    assert col > 20 and row < 12                         # the bar's centre is at (12, 21.5) on 28 pixels
    assert 15 <= np.ptp(np.nonzero(digit)[0]) + 1 <= 18  # no crop, no zoom: 160 pixels become 16


def test_transparent_background_grey_canvas_and_rgba_agree():
    opaque, transparent = black_canvas(), black_canvas(transparent=True)
    for canvas in (opaque, transparent):
        paint(canvas, slice(60, 220), slice(50, 90))
        paint(canvas, slice(60, 80), slice(50, 150))     # a crooked "7"
    transparent[transparent[..., 3] == 0, :3] = 255      # invisible white must not count as ink
    grey = opaque[..., 0].copy()
    reference = translation.preprocess_drawing(opaque)
    np.testing.assert_array_equal(translation.preprocess_drawing(transparent), reference)
    np.testing.assert_array_equal(translation.preprocess_drawing(grey), reference)
    before = opaque.copy()
    translation.preprocess_drawing(opaque)
    np.testing.assert_array_equal(opaque, before)


def test_an_mnist_digit_drawn_ten_times_larger_comes_back(mnist):
    identical, correlations = 0, []
    for original in mnist.x_test[:100]:
        canvas = np.kron(original, np.ones((10, 10), dtype=np.uint8))
        rgba = np.dstack([canvas] * 3 + [np.full_like(canvas, 255)])
        digit = translation.preprocess_drawing(rgba)
        correlations.append(np.corrcoef(digit.ravel(), original.ravel())[0, 1])
        identical += np.array_equal(digit, original)
    assert min(correlations) > 0.8
    # Area averaging undoes the ×10 exactly and MNIST's centring rounds as ours does: most come back
    # pixel for pixel (2 999 of the first 3 000 training digits; the odd one touches MNIST's border).
    assert identical >= 95


def test_an_mnist_digit_cut_by_the_border_keeps_its_ink(mnist):
    original = mnist.x_train[908]                       # MNIST cut its bottom: centre of mass at row 14.2
    digit = translation.preprocess_drawing(np.kron(original, np.ones((10, 10), dtype=np.uint8)))
    assert np.corrcoef(digit.ravel(), original.ravel())[0, 1] > 0.8
    rows, cols = np.nonzero(digit)
    assert rows.max() == 27 and np.ptp(rows) + 1 == 20  # it stops at the border instead of losing ink


def test_a_non_square_canvas_is_accepted():
    canvas = np.zeros((200, 400), dtype=np.uint8)
    canvas[50:150, 300:320] = 255
    digit = translation.preprocess_drawing(canvas)
    assert np.abs(np.subtract(ndimage.center_of_mass(digit.astype(float)), 14)).max() <= 1
    off_centre = translation.preprocess_drawing(canvas, skip_centering=True)
    assert ndimage.center_of_mass(off_centre.astype(float))[1] > 20


def test_a_small_drawing_is_enlarged_to_twenty_pixels():
    canvas = np.zeros((100, 100), dtype=np.uint8)
    canvas[10:20, 70:75] = 255                           # 10 × 5 pixels: enlarged, not shrunk
    digit = translation.preprocess_drawing(canvas)
    rows, cols = np.nonzero(digit >= 128)
    assert np.ptp(rows) + 1 == 20 and 9 <= np.ptp(cols) + 1 <= 11
    assert np.abs(np.subtract(ndimage.center_of_mass(digit.astype(float)), 14)).max() <= 1


def test_empty_dot_and_scribble_are_refused_with_a_code():
    faint = black_canvas()
    faint[100:150, 100:110, :3] = 10                     # a halo too faint to be a stroke
    dot = black_canvas()
    paint(dot, slice(120, 126), slice(140, 146))         # 6 pixels: 2 % of the canvas side
    filled = black_canvas()
    paint(filled, slice(0, 280), slice(0, 200))          # 71 % of the canvas
    for canvas, code in ((black_canvas(), "drawing_empty"), (black_canvas(transparent=True), "drawing_empty"),
                         (faint, "drawing_empty"), (dot, "drawing_too_small"), (filled, "drawing_too_big"),
                         (np.zeros((280, 280)), "drawing_empty")):
        for skip in (False, True):
            with pytest.raises(DrawingError) as caught:
                translation.preprocess_drawing(canvas, skip_centering=skip)
            assert caught.value.code == code and isinstance(caught.value, ValueError)


def test_a_thin_long_stroke_is_not_a_dot():
    canvas = black_canvas()
    paint(canvas, slice(20, 260), slice(138, 142))       # 4 pixels wide but 240 high: a "1"
    digit = translation.preprocess_drawing(canvas)
    assert np.ptp(np.nonzero(digit)[0]) + 1 == 20


def test_canvases_of_the_wrong_shape_are_refused():
    for bad in (np.zeros((28, 28, 2)), np.zeros(784), np.zeros((0, 28))):
        with pytest.raises(ValueError):
            translation.preprocess_drawing(bad)


# --- random shifts, the curves of the page, the probability sweep -------------------------------

def test_random_shifts_move_each_image_by_its_own_bounded_shift(mnist):
    images = mnist.x_test[:60]
    moved = translation.random_shifts(images, 2, np.random.default_rng(3))
    assert moved.shape == images.shape and moved.dtype == images.dtype and moved is not images
    candidates = list(itertools.product(range(-2, 3), repeat=2))
    found = []
    for original, copy in zip(images, moved):
        matches = [pair for pair in candidates if np.array_equal(reference_shift(original, *pair), copy)]
        assert matches
        found.append(matches[0])
    assert len(set(found)) > 10                                # not one shift for all
    again = translation.random_shifts(images, 2, np.random.default_rng(3))
    np.testing.assert_array_equal(again, moved)
    np.testing.assert_array_equal(translation.random_shifts(images, 0, np.random.default_rng(0)), images)
    with pytest.raises(ValueError):
        translation.random_shifts(images[0], 2, np.random.default_rng(0))
    with pytest.raises(ValueError):
        translation.random_shifts(images, -1, np.random.default_rng(0))


def test_shift_curves_agree_with_each_direction_measured_alone(mnist, nearest_centroid):
    images, labels = mnist.x_test[:600], mnist.y_test[:600]
    calls = []

    def counting(batch):
        calls.append(len(batch))
        return nearest_centroid(batch)
    curves = translation.shift_curves(counting, images, labels, max_shift=3)
    assert set(curves) == set(translation.DIRECTIONS)
    assert sum(calls) == (3 * 3 + 1) * 600                     # the unshifted digits predicted once
    for direction in translation.DIRECTIONS:
        alone = translation.accuracy_vs_shift(nearest_centroid, images, labels, range(4), direction)
        np.testing.assert_allclose(curves[direction], alone)
    assert translation.shift_curves(nearest_centroid, images, labels, 0)["diagonal"].shape == (1,)
    with pytest.raises(ValueError):
        translation.shift_curves(nearest_centroid, images, labels, -2)


def test_probability_sweep_is_one_prediction_per_shift(mnist):
    image, digit = mnist.x_test[0], int(mnist.y_test[0])
    batches = []

    def proba(rows):
        batches.append(rows.copy())
        return rows.sum(axis=1, keepdims=True) / 1000 + rows[:, :10]   # an (n, 10) output that tells images apart
    sweep = translation.class_probability_sweep(proba, image, digit, [-3, 0, 5], "vertical")
    assert sweep.shape == (3,) and len(batches) == 1 and batches[0].shape == (3, 784)
    np.testing.assert_array_equal(batches[0][1].reshape(28, 28), data.to_float(image))
    np.testing.assert_array_equal(batches[0][0].reshape(28, 28), data.to_float(reference_shift(image, 0, -3)))
    np.testing.assert_array_equal(batches[0][2].reshape(28, 28), data.to_float(reference_shift(image, 0, 5)))
    expected = batches[0].sum(axis=1) / 1000 + batches[0][:, digit]
    np.testing.assert_allclose(sweep, expected)
    with pytest.raises(ValueError):
        translation.class_probability_sweep(proba, mnist.x_test[:2], digit, [0], "vertical")


def test_one_click_of_the_brush_is_a_dot_but_a_short_stroke_is_not():
    canvas = np.zeros((280, 280), dtype=np.uint8)
    canvas[100:122, 100:122] = 255                          # one click of a 22-pixel brush
    translation.preprocess_drawing(canvas)                   # too big for the canvas-size rule alone
    with pytest.raises(DrawingError) as refused:
        translation.preprocess_drawing(canvas, stroke_width=22)
    assert refused.value.code == "drawing_too_small"
    stroke = np.zeros((280, 280), dtype=np.uint8)
    stroke[60:200, 130:152] = 255                            # a "1": 140 pixels tall
    assert translation.preprocess_drawing(stroke, stroke_width=22).max() > 0
