import numpy as np
import pytest
from sklearn.neural_network import MLPClassifier

from core import data
from core.models import mlp
from core.models.mlp import LayerSpecError, MLPSettings, MLPTrainer


@pytest.fixture(scope="module")
def rows(mnist):
    return data.as_rows(mnist.x_train), mnist.y_train, data.as_rows(mnist.x_test), mnist.y_test


@pytest.mark.parametrize("text, expected", [
    ("200-100-60-30", (200, 100, 60, 30)), ("200, 100", (200, 100)), (" 16 ", (16,)),
    ("10 20 30", (10, 20, 30)), ("1-2-3-4-5-6", (1, 2, 3, 4, 5, 6)), ("64x32", (64, 32)),
])
def test_parse_layers(text, expected):
    assert mlp.parse_layers(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "layers_empty"), ("  ", "layers_empty"), ("200-abc", "layers_not_a_number"),
    ("2.5", "layers_not_a_number"), ("0", "layers_out_of_range"), ("5000", "layers_out_of_range"),
    ("1-2-3-4-5-6-7", "layers_too_many"),
])
def test_invalid_layer_specifications_are_refused_with_a_reason(text, code):
    with pytest.raises(LayerSpecError) as caught:
        mlp.parse_layers(text)
    assert caught.value.code == code


def test_parameter_count_matches_scikit_learn(rows):
    x_train, y_train, _, _ = rows
    network = MLPClassifier(hidden_layer_sizes=(200, 100, 60, 30), max_iter=1).partial_fit(
        x_train[:50], y_train[:50], classes=np.arange(10))
    real = sum(w.size for w in network.coefs_) + sum(b.size for b in network.intercepts_)
    assert mlp.parameter_count((200, 100, 60, 30)) == real == 185300  # 784·200+200 + 200·100+100 + …


def test_settings_defaults_are_the_lessons_network():
    settings = MLPSettings()
    assert settings.hidden_layers == (200, 100, 60, 30) and settings.activation == "logistic"
    assert settings.batch_size == 100 and settings.problems() == []
    assert MLPSettings(hidden_layers=()).problems()[0][0] == "layers_invalid"
    assert MLPSettings(activation="softplus").problems()[0][0] == "setting_out_of_range"
    assert MLPSettings(batch_size=1000, train_size=1000).problems() == []


def test_the_network_learns_on_a_small_subset(rows):
    trainer = MLPTrainer(MLPSettings(hidden_layers=(64,), activation="relu", epochs=4, train_size=3000, seed=1),
                         *rows)
    points = [trainer.advance(1) for _ in range(4)]
    assert trainer.done
    assert points[-1].test_accuracy > 0.85 and points[-1].train_accuracy > 0.9
    assert points[-1].test_loss < points[0].test_loss
    assert points[-1].pixel_weights.shape == (784, 20)
    assert list(points[-1].weight_percentiles) == ["1", "2"]
    assert points[-1].biases["2"].shape == (10,)


def test_pause_and_resume_reproduce_an_uninterrupted_run(rows):
    settings = MLPSettings(hidden_layers=(32, 16), activation="logistic", epochs=3, train_size=2000, seed=4)
    straight = MLPTrainer(settings, *rows)
    straight.advance(3)
    resumed = MLPTrainer(settings, *rows)
    resumed.advance(1)
    resumed.advance(2)
    for a, b in zip(straight.classifier.coefs_, resumed.classifier.coefs_):
        np.testing.assert_array_equal(a, b)


def test_training_metrics_are_computed_like_the_test_ones(rows):
    trainer = MLPTrainer(MLPSettings(hidden_layers=(16,), epochs=1, train_size=1000), *rows)
    point = trainer.advance(1)
    probabilities = trainer.classifier.predict_proba(rows[2])
    expected = -np.log(probabilities[np.arange(10000), rows[3].astype(np.intp)]).mean()
    assert point.test_loss == pytest.approx(expected, rel=1e-6)
    assert point.train_accuracy == pytest.approx(trainer.classifier.score(trainer.images, trainer.labels))


def test_invalid_settings_cannot_be_trained(rows):
    with pytest.raises(ValueError):
        MLPTrainer(MLPSettings(hidden_layers=(0,)), *rows)
