import numpy as np
import pytest
from scipy import special

from core.lesson import examples
from core.vectors import parse_vector


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_prefilled_texts_parse_to_the_lesson_values(lang):
    np.testing.assert_array_equal(parse_vector(examples.z_text(lang)), examples.Z)
    np.testing.assert_array_equal(parse_vector(examples.scores_text(lang)), examples.CE_SCORES)


def test_french_prefill_is_written_as_on_the_slide():
    assert examples.z_text("fr") == "1; 3; 2,5; 5; 4; 2"


def test_softmax_table_with_temperature():
    table = examples.softmax_table(examples.Z, temperature=2.0)
    np.testing.assert_allclose(table["softmax"], special.softmax(examples.Z / 2.0))
    np.testing.assert_allclose(table["sigmoid"], special.expit(examples.Z))
    np.testing.assert_allclose(table["exp"], np.exp(examples.Z / 2.0))
    with pytest.raises(ValueError):
        examples.softmax_table(examples.Z, temperature=0.0)


def test_softmax_table_hides_exponentials_that_overflow():
    table = examples.softmax_table(np.array([1000.0, 0.0]))
    assert table["exp"] is None
    np.testing.assert_allclose(table["softmax"], [1.0, 0.0], atol=1e-300)


def test_lesson_example_is_recognised_only_at_temperature_one():
    assert examples.is_lesson_example(examples.Z.copy(), 1.0)
    assert not examples.is_lesson_example(examples.Z, 2.0)
    assert not examples.is_lesson_example(examples.Z[:5], 1.0)


def test_to_probabilities_by_sum_and_by_softmax():
    by_sum = examples.to_probabilities(examples.CE_SCORES, "sum")
    assert by_sum[6] == pytest.approx(0.9 / 2.3)
    np.testing.assert_allclose(examples.to_probabilities(examples.CE_SCORES, "softmax"), special.softmax(examples.CE_SCORES))
    with pytest.raises(ValueError):
        examples.to_probabilities(examples.CE_SCORES, "max")


def test_shapes_of_a_batch_of_100():
    shapes = {name: (shape, count) for name, shape, count in examples.shapes(100)}
    assert shapes["X"] == ("[100, 784]", 78400)
    assert shapes["W"] == ("[784, 10]", 7840)
    assert shapes["b"] == ("[10]", 10)
    assert shapes["L"] == ("[100, 10]", 1000)
    # the shapes really multiply: X·W + b broadcasts to L
    assert (np.zeros((100, 784)) @ np.zeros((784, 10)) + np.zeros(10)).shape == (100, 10)
