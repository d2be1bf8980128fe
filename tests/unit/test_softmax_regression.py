import numpy as np
import pytest
from scipy import special

from core import data
from core.models.softmax_regression import SoftmaxRegression


def small_problem(seed=0, n=20, features=12, classes=4):
    rng = np.random.default_rng(seed)
    images = rng.random((n, features))
    labels = rng.integers(0, classes, size=n)
    model = SoftmaxRegression(features, classes)
    model.weights = rng.normal(scale=0.3, size=(features, classes))  # float64 for a precise check
    model.biases = rng.normal(scale=0.3, size=classes)
    return model, images, labels


def summed_loss(model, images, labels):
    return -np.log(special.softmax(images @ model.weights + model.biases, axis=1)[np.arange(labels.size), labels]).sum()


def numeric_gradient(array, loss, eps=1e-6):
    """Central differences of ``loss()`` with respect to each entry of ``array`` (changed in place, restored)."""
    gradient = np.zeros_like(array)
    for index in np.ndindex(*array.shape):
        saved = array[index]
        array[index] = saved + eps
        up = loss()
        array[index] = saved - eps
        down = loss()
        array[index] = saved
        gradient[index] = (up - down) / (2 * eps)
    return gradient


def test_gradients_match_a_numerical_gradient():
    model, images, labels = small_problem()
    loss, grad_w, grad_b, _ = model.loss_and_gradients(images, labels)
    assert loss == pytest.approx(summed_loss(model, images, labels), rel=1e-12)
    numeric_w = numeric_gradient(model.weights, lambda: summed_loss(model, images, labels))
    numeric_b = numeric_gradient(model.biases, lambda: summed_loss(model, images, labels))
    np.testing.assert_allclose(grad_w, numeric_w, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grad_b, numeric_b, rtol=1e-6, atol=1e-8)


def test_fast_step_is_the_same_update_as_the_explicit_gradient():
    model, images, labels = small_problem(1)
    reference = SoftmaxRegression(12, 4)
    reference.weights, reference.biases = model.weights.copy(), model.biases.copy()
    loss, grad_w, grad_b, probabilities = reference.loss_and_gradients(images, labels)
    step_loss, predictions = model.step(images, labels, 0.05)
    assert step_loss == pytest.approx(loss, rel=1e-12)
    np.testing.assert_array_equal(predictions, probabilities.argmax(axis=1))
    np.testing.assert_allclose(model.weights, reference.weights - 0.05 * grad_w, rtol=1e-12)
    np.testing.assert_allclose(model.biases, reference.biases - 0.05 * grad_b, rtol=1e-12)


def test_starts_at_zero_and_predicts_uniformly():
    model = SoftmaxRegression()
    assert model.weights.shape == (784, 10) and model.biases.shape == (10,)
    assert not model.weights.any() and not model.biases.any()
    accuracy, loss, _ = model.evaluate(np.zeros((3, 784), np.float32), np.array([0, 1, 2]))
    assert loss == pytest.approx(np.log(10), rel=1e-6)


def test_loss_decreases_on_a_small_subset(mnist):
    subset = data.stratified_subset(mnist.y_train, 1000, seed=0)
    images, labels = data.as_rows(mnist.x_train[subset]), mnist.y_train[subset].astype(np.intp)
    model = SoftmaxRegression()
    before = model.evaluate(images, labels)[1]
    for start in range(0, 1000, 100):
        model.step(images[start:start + 100], labels[start:start + 100], 0.003)
    after_accuracy, after, _ = model.evaluate(images, labels)
    assert after < 0.6 * before and after_accuracy > 0.8


def test_evaluate_agrees_with_scipy(mnist):
    model, _, _ = small_problem()
    model = SoftmaxRegression()
    rng = np.random.default_rng(2)
    model.weights = rng.normal(scale=0.01, size=(784, 10)).astype(np.float32)
    images, labels = data.as_rows(mnist.x_test[:500]), mnist.y_test[:500].astype(np.intp)
    accuracy, loss, predictions = model.evaluate(images, labels)
    probabilities = special.softmax(images.astype(np.float64) @ model.weights, axis=1)
    assert loss == pytest.approx(-np.log(probabilities[np.arange(500), labels]).mean(), rel=1e-4)
    assert accuracy == pytest.approx(np.mean(probabilities.argmax(axis=1) == labels))
