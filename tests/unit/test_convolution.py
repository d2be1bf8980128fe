"""Convolution, ReLU and pooling by hand against scipy, and what the trained networks keep of a moved digit."""

import numpy as np
import pytest
from scipy import ndimage, signal

from core import data
from core.lesson import convolution as cv
from core.lesson import translation
from core.models.convnet import shipped


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


@pytest.fixture(scope="module")
def networks():
    return {name: shipped.load_shipped(name) for name in shipped.SHIPPED}


def test_pooled_features_are_what_the_dense_layer_reads(mnist, networks):
    lesson, global_pooling = networks["lesson"], networks["global_pooling"]
    assert cv.last_pooling(lesson) == "maxpool2" and cv.last_pooling(global_pooling) == "global_pool1"
    digit = mnist.x_test[0]
    features = cv.pooled_features(lesson, digit)
    assert features.shape == (7 * 7 * 32,) and features.min() >= 0
    # the same as the network's own layers, computed step by step up to its last pooling
    x = data.to_float(digit).reshape(1, 28, 28, 1)
    for name, layer in zip(lesson.layer_names(), lesson.layers):
        x = layer.forward(x)
        if name == "maxpool2":
            break
    np.testing.assert_allclose(features, x.reshape(-1), rtol=1e-5)
    np.testing.assert_array_equal(cv.pooled_features(global_pooling, digit),
                                  cv.pooled_features(global_pooling, data.to_float(digit)))  # uint8 or [0, 1]
    assert cv.pooled_features(global_pooling, digit).shape == (64,)


def test_global_pooling_keeps_a_moved_digit_alike_where_pixels_and_flattened_maps_do_not(mnist, networks):
    for image in mnist.x_test[:10]:
        flattened = cv.feature_similarity(networks["lesson"], image, [0, 1, 2, 3, 4], "horizontal")
        pooled = cv.feature_similarity(networks["global_pooling"], image, [0, 1, 2, 3, 4], "horizontal")
        assert set(pooled) == {"pixels", "features"} and len(pooled["features"]) == 5
        assert pooled["features"][0] == pytest.approx(1.0) and pooled["pixels"][0] == pytest.approx(1.0)
        assert pooled["pixels"] == flattened["pixels"]                          # the same digits moved
        assert min(pooled["features"]) > 0.9                                   # measured: 0.97 and more
        assert pooled["features"][4] > flattened["features"][4] > pooled["pixels"][4]
    # by hand: a moved digit's pixels against the digit's
    moved = data.to_float(translation.shift_images(mnist.x_test[0], 2, 0))
    assert cv.feature_similarity(networks["lesson"], mnist.x_test[0], [2], "horizontal")["pixels"][0] == \
        pytest.approx(cv.cosine_similarity(data.to_float(mnist.x_test[0]), moved))
