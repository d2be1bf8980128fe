"""Convolution, ReLU and pooling by hand against scipy, and the fixed-filter pipeline measured."""

import numpy as np
import pytest
from scipy import ndimage, signal

from core import data
from core.lesson import convolution as cv
from core.lesson import translation
from core.models.softmax_regression import SoftmaxSettings, SoftmaxTrainer
from core.training.checkpoint import train_to_end


@pytest.mark.parametrize("name", sorted(cv.PRESETS))
def test_correlate_matches_scipy_on_a_real_digit(mnist, name):
    image = data.to_float(mnist.x_test[3])
    kernel = cv.PRESETS[name]
    np.testing.assert_allclose(cv.correlate(image, kernel), signal.correlate2d(image, kernel, mode="same"),
                               atol=1e-12)


def test_correlate_on_a_small_case_by_hand():
    image = np.array([[1, 2, 0], [0, 1, 3], [4, 0, 1]], dtype=float)
    kernel = np.array([[0, 0, 0], [0, 0, 1], [0, 0, 0]], dtype=float)    # "the pixel on the right"
    np.testing.assert_array_equal(cv.correlate(image, kernel), [[2, 0, 0], [1, 3, 0], [0, 1, 0]])
    ones = np.ones((3, 3))
    # the centre sees the whole image; a corner sees its 2×2 neighbourhood (zero padding)
    result = cv.correlate(image, ones)
    assert result[1, 1] == image.sum() and result[0, 0] == 1 + 2 + 0 + 1
    # correlation, not flipped convolution: an asymmetric kernel is not turned around
    assert not np.array_equal(cv.correlate(image, kernel), signal.convolve2d(image, kernel, mode="same"))


def test_products_at_one_position_sum_to_the_feature_map(mnist):
    image = data.to_float(mnist.x_test[0])
    for name in ("vertical_edges", "blur_5"):
        kernel = cv.PRESETS[name]
        feature_map = cv.correlate(image, kernel)
        for row, col in ((0, 0), (7, 7), (14, 20), (27, 27)):
            patch, products, total = cv.products_at(image, kernel, row, col)
            assert patch.shape == kernel.shape
            np.testing.assert_allclose(products, patch * kernel)
            assert total == pytest.approx(feature_map[row, col])
    patch, _, _ = cv.products_at(image, cv.PRESETS["blur"], 0, 0)
    assert (patch[0] == 0).all() and (patch[:, 0] == 0).all()   # the padding beyond the border
    with pytest.raises(ValueError):
        cv.products_at(image, cv.PRESETS["blur"], 28, 0)


@pytest.mark.parametrize("kernel, code", [
    (np.ones((2, 2)), "kernel_bad_shape"), (np.ones((3, 5)), "kernel_bad_shape"), (np.ones(9), "kernel_bad_shape"),
    (np.ones((7, 7)), "kernel_bad_shape"), ([[1, 2, np.nan]] * 3, "kernel_not_finite"),
    ([[1, 2, np.inf]] * 3, "kernel_not_finite"), (np.full((3, 3), 1e6), "kernel_too_large"),
    ([["a", "b", "c"]] * 3, "kernel_not_numbers"),
])
def test_bad_kernels_are_refused_with_a_code(kernel, code):
    with pytest.raises(cv.KernelError) as refused:
        cv.check_kernel(kernel)
    assert refused.value.code == code
    assert cv.check_kernel(np.full((5, 5), -100.0)).shape == (5, 5)


def test_max_pool_by_hand_and_against_scipy(mnist):
    values = np.arange(16, dtype=float).reshape(4, 4)
    np.testing.assert_array_equal(cv.max_pool(values, 2), [[5, 7], [13, 15]])
    np.testing.assert_array_equal(cv.max_pool(values[:3, :3], 2), [[5]])       # a partial block is dropped
    maps = np.random.default_rng(0).normal(size=(3, 5, 28, 28))
    for size in (2, 4, 7):
        reference = ndimage.maximum_filter(maps, size=(1, 1, size, size), origin=(0, 0, -(size // 2), -(size // 2)),
                                           mode="constant", cval=-np.inf)[..., ::size, ::size]
        reference = reference[..., :28 // size, :28 // size]
        np.testing.assert_array_equal(cv.max_pool(maps, size), reference)
    with pytest.raises(ValueError):
        cv.max_pool(values, 0)
    with pytest.raises(ValueError):
        cv.max_pool(values, 5)


def test_relu_and_cosine_similarity():
    np.testing.assert_array_equal(cv.relu(np.array([-2.0, 0.0, 3.0])), [0, 0, 3])
    a = np.array([1.0, 0.0, 2.0])
    assert cv.cosine_similarity(a, 3 * a) == pytest.approx(1.0)
    assert cv.cosine_similarity(a, np.array([0.0, 5.0, 0.0])) == 0.0
    assert cv.cosine_similarity(a, np.zeros(3)) == 0.0
    assert cv.cosine_similarity(np.array([1.0, 1.0]), np.array([1.0, 0.0])) == pytest.approx(np.sqrt(0.5))


def test_the_bank_computes_every_map_as_correlate_then_relu(mnist):
    bank = cv.FilterBank(pool=4)
    images = data.to_float(mnist.x_test[:12])
    maps = bank.maps(images)
    assert maps.shape == (12, 8, 28, 28) and maps.dtype == np.float32 and maps.min() >= 0
    for n in (0, 5, 11):
        for k, kernel in enumerate(bank.kernels):
            np.testing.assert_allclose(maps[n, k], np.maximum(signal.correlate2d(images[n], kernel, mode="same"), 0),
                                       atol=1e-5)
    features = bank.features(mnist.x_test[:12], chunk=5)      # uint8 in, chunked
    assert features.shape == (12, bank.feature_count) == (12, 8 * 7 * 7)
    np.testing.assert_allclose(features, cv.max_pool(maps, 4).reshape(12, -1), atol=1e-6)
    assert cv.FilterBank(pool=2).feature_count == 8 * 14 * 14
    assert cv.FilterBank(signed=False).kernels.shape == (4, 3, 3)
    with pytest.raises(ValueError):
        bank.features(mnist.x_test[0])


def test_pooling_keeps_a_moved_digit_closer_to_itself_than_its_pixels(mnist):
    bank = cv.FilterBank()
    for image in mnist.x_test[:20]:
        likeness = cv.shift_similarity(image, bank, [0, 1, 2, 3], "horizontal", pools=(2, 4))
        assert set(likeness) == {"pixels", "maps", "pool_2", "pool_4"}
        for values in likeness.values():
            assert values[0] == pytest.approx(1.0)
        assert likeness["pool_4"][2] > likeness["pixels"][2]
        assert likeness["pool_4"][1:].mean() > likeness["pixels"][1:].mean() + 0.1
    with pytest.raises(ValueError):
        cv.shift_similarity(mnist.x_test[:2], bank, [0], "horizontal")


@pytest.fixture(scope="module")
def pipeline(mnist):
    return cv.fit_pipeline(cv.FilterBank(pool=4), mnist.x_train, mnist.y_train, mnist.x_test, mnist.y_test,
                           train_size=10000)


def test_the_pipeline_learns_and_predicts_from_rows_like_the_other_models(mnist, pipeline):
    assert pipeline.train_size == 10000 and pipeline.fit_seconds > 0 and pipeline.feature_seconds > 0
    assert pipeline.test_accuracy > 0.95                        # measured 96.4 % on 10 000 digits
    rows = data.as_rows(mnist.x_test[:500])
    probabilities = pipeline.predict_proba(rows)
    assert probabilities.shape == (500, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_array_equal(pipeline.predict(rows), probabilities.argmax(axis=1))


def test_the_pipeline_beats_the_ten_neuron_model_on_shifted_digits(mnist, pipeline):
    trainer = SoftmaxTrainer(SoftmaxSettings(eval_every=1000), data.as_rows(mnist.x_train), mnist.y_train,
                             data.as_rows(mnist.x_test), mnist.y_test)
    train_to_end(trainer)
    softmax = trainer.final_model()
    images, labels = mnist.x_test[:2000], mnist.y_test[:2000]
    shifts = [0, 2, 3, 4]
    conv = translation.accuracy_vs_shift(pipeline.predict, images, labels, shifts, "horizontal")
    pixels = translation.accuracy_vs_shift(lambda r: softmax.predict_proba(r).argmax(axis=1), images, labels,
                                           shifts, "horizontal")
    # measured (pooling 4, 10 000 digits): 94.6/86.9/–/49.2 % against 89.8/63.8/–/27.1 % for the 10-neuron model
    assert conv[0] > pixels[0]
    assert conv[1] > pixels[1] + 0.15 and conv[2] > pixels[2] + 0.15 and conv[3] > pixels[3] + 0.12, (conv, pixels)
