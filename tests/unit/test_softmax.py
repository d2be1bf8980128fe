import numpy as np
import pytest
from scipy import special

from core.lesson import examples
from core.lesson import softmax as sm


@pytest.mark.parametrize("seed", range(5))
def test_softmax_matches_scipy_on_random_vectors(seed):
    z = np.random.default_rng(seed).normal(scale=5, size=13)
    np.testing.assert_allclose(sm.softmax(z), special.softmax(z), rtol=1e-12)


def test_softmax_of_a_batch_is_row_wise_and_matches_scipy():
    batch = np.random.default_rng(1).normal(scale=3, size=(100, 10)).astype(np.float32)
    result = sm.softmax(batch)
    assert result.shape == (100, 10) and result.dtype == np.float32
    np.testing.assert_allclose(result, special.softmax(batch, axis=1), rtol=1e-5)
    np.testing.assert_allclose(result.sum(axis=1), 1.0, rtol=1e-6)


def test_lesson_vector_gives_the_lesson_result_when_truncated():
    result = sm.softmax(examples.Z)
    np.testing.assert_array_equal(sm.truncate(result, 2), examples.Z_SOFTMAX_TRUNCATED)
    # hand-computed: e^5 / (e^1 + e^3 + e^2.5 + e^5 + e^4 + e^2)
    assert result[3] == pytest.approx(np.e**5 / sum(np.e**v for v in [1, 3, 2.5, 5, 4, 2]), rel=1e-12)
    assert result[2] == pytest.approx(0.04965, abs=1e-5)


def test_rounding_differs_from_truncation_on_the_lesson_vector():
    rounded = sm.reduce_precision(sm.softmax(examples.Z), 2, "round")
    assert rounded[2] == pytest.approx(0.05)  # 0.0497 rounds up, the slide truncates to 0.04
    assert sm.reduce_precision(sm.softmax(examples.Z), 2, "truncate")[2] == pytest.approx(0.04)
    with pytest.raises(ValueError):
        sm.reduce_precision(examples.Z, 2, "floor")


@pytest.mark.parametrize("z", [[1000.0, 0.0, -1000.0], [-1000.0, -1000.0], [1e6, 1e6 - 1], [710.0, 0.0]])
def test_softmax_is_stable_for_extreme_values(z):
    result = sm.softmax(np.array(z))
    assert np.all(np.isfinite(result))
    assert result.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(result, special.softmax(z), rtol=1e-12, atol=1e-300)


def test_softmax_accepts_integers():
    np.testing.assert_allclose(sm.softmax([1, 2, 3]), special.softmax([1.0, 2.0, 3.0]))


def test_sigmoid_matches_scipy_expit_including_extremes():
    z = np.array([-1000.0, -30.0, -1.0, 0.0, 0.5, 30.0, 1000.0])
    with np.errstate(over="raise"):
        result = sm.sigmoid(z)
    np.testing.assert_allclose(result, special.expit(z), rtol=1e-12)
    assert sm.sigmoid(np.array([0.0]))[0] == 0.5


def test_sigmoid_of_lesson_vector_does_not_sum_to_one():
    assert sm.sigmoid(examples.Z).sum() == pytest.approx(sum(special.expit(examples.Z)))
    assert sm.sigmoid(examples.Z).sum() > 1.5


def test_cross_entropy_of_the_lessons_six():
    probabilities = sm.normalise_by_sum(examples.CE_SCORES)
    loss = sm.cross_entropy(sm.one_hot(6), probabilities)
    assert loss == pytest.approx(-np.log(0.9 / 2.3), rel=1e-12)
    assert loss == pytest.approx(0.93827, abs=1e-5)


def test_cross_entropy_matches_scipy_entropy_form_on_a_batch():
    rng = np.random.default_rng(3)
    labels = rng.integers(0, 10, size=20)
    probabilities = special.softmax(rng.normal(size=(20, 10)), axis=1)
    targets = np.eye(10)[labels]
    expected = -np.log(probabilities[np.arange(20), labels])
    np.testing.assert_allclose(sm.cross_entropy(targets, probabilities), expected, rtol=1e-12)


def test_cross_entropy_safe_log_keeps_zero_probabilities_finite():
    loss = sm.cross_entropy(sm.one_hot(0, 3), np.array([0.0, 0.5, 0.5]))
    assert np.isfinite(loss) and loss == pytest.approx(-np.log(sm.LOG_EPSILON))
    assert sm.cross_entropy(sm.one_hot(1, 3), np.array([0.0, 1.0, 0.0])) == pytest.approx(0.0)


def test_cross_entropy_refuses_mismatched_shapes():
    with pytest.raises(ValueError):
        sm.cross_entropy(np.ones(3), np.ones(4))


def test_one_hot_and_its_bounds():
    np.testing.assert_array_equal(sm.one_hot(2, 4), [0, 0, 1, 0])
    for bad in (-1, 10):
        with pytest.raises(ValueError):
            sm.one_hot(bad)


def test_truncate_is_not_fooled_by_binary_noise():
    assert sm.truncate(np.array([0.29]), 2)[0] == pytest.approx(0.29)
    assert sm.truncate(np.array([0.6048]), 2)[0] == pytest.approx(0.60)
    assert sm.truncate(np.array([-0.0497]), 2)[0] == pytest.approx(-0.04)


def test_normalise_by_sum_refuses_negative_or_zero_values():
    np.testing.assert_allclose(sm.normalise_by_sum(np.array([1.0, 3.0])), [0.25, 0.75])
    with pytest.raises(ValueError):
        sm.normalise_by_sum(np.array([-1.0, 2.0]))
    with pytest.raises(ValueError):
        sm.normalise_by_sum(np.zeros(3))
