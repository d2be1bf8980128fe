"""The hand-written convolutional network: gradients, convolution, learning, resuming, shipped weights."""

import pickle

import numpy as np
import pytest
from scipy.signal import correlate2d

from core import data
from core.lesson import translation
from core.models.convnet import architectures, training
from core.models.convnet import shipped as shipped_networks
from core.models.convnet.layers import Conv2D, Dense, Flatten, GlobalPool, MaxPool2D, ReLU, SoftmaxCrossEntropy
from core.models.convnet.network import ConvNet
from core.models.convnet.optimizers import SGD, Adam
from core.models.convnet.training import ConvNetSettings, ConvNetTrainer
from core.training.checkpoint import TrainingDiverged


@pytest.fixture(scope="module")
def rows():
    """The process's shared rows, which a trainer's pickle refers to instead of copying."""
    shared = data.training_rows()
    return shared.x_train, shared.y_train, shared.x_test, shared.y_test


# ----------------------------------------------------------------------------- numerical gradients

def as_float64(layer):
    """The layer computing in float64, so that central differences are precise."""
    layer.params = {name: value.astype(np.float64) for name, value in layer.params.items()}
    layer.grads = {name: np.zeros_like(value) for name, value in layer.params.items()}
    return layer


def numerical_gradient(loss, values: np.ndarray, positions, step: float = 1e-6) -> np.ndarray:
    """Central differences of ``loss()`` with respect to ``values`` at ``positions`` (modified in place, restored)."""
    found = []
    for position in positions:
        old = values[position]
        values[position] = old + step
        above = loss()
        values[position] = old - step
        below = loss()
        values[position] = old
        found.append((above - below) / (2 * step))
    return np.array(found)


def all_positions(array: np.ndarray):
    return list(np.ndindex(array.shape))


def some_positions(array: np.ndarray, count: int, rng):
    flat = rng.choice(array.size, size=min(count, array.size), replace=False)
    return [np.unravel_index(index, array.shape) for index in flat]


def check_layer_gradients(layer, x: np.ndarray, rng, count: int = 60) -> None:
    """backward's gradients (input and every parameter) against central differences of sum(forward · r)."""
    as_float64(layer)
    r = rng.standard_normal(layer.forward(x, training=True).shape)
    analytic_input = layer.backward(r.copy())

    def loss():
        return float(np.sum(layer.forward(x) * r))

    positions = some_positions(x, count, rng)
    expected = numerical_gradient(loss, x, positions)
    np.testing.assert_allclose([analytic_input[p] for p in positions], expected, rtol=1e-5, atol=1e-7)
    for name, value in layer.params.items():
        positions = some_positions(value, count, rng)
        expected = numerical_gradient(loss, value, positions)
        np.testing.assert_allclose([layer.grads[name][p] for p in positions], expected, rtol=1e-5, atol=1e-7,
                                   err_msg=name)


@pytest.mark.parametrize("kernel_size", [3, 5])
@pytest.mark.parametrize("padding", ["same", "valid"])
@pytest.mark.parametrize("channels", [1, 3])
def test_convolution_gradients_match_central_differences(kernel_size, padding, channels):
    rng = np.random.default_rng(kernel_size * 10 + channels)
    layer = Conv2D(channels, 4, kernel_size, padding, rng)
    layer.params["biases"][:] = rng.standard_normal(4)
    check_layer_gradients(layer, rng.standard_normal((2, 9, 8, channels)), rng)


def test_relu_gradient():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4, 5, 2))
    x[np.abs(x) < 1e-3] = 0.5  # no value at the kink
    check_layer_gradients(ReLU(), x, rng)


@pytest.mark.parametrize("shape", [(2, 6, 8, 3), (2, 7, 5, 3)])
def test_max_pooling_gradient(shape):
    rng = np.random.default_rng(2)
    x = rng.permutation(np.prod(shape)).reshape(shape) / 7.0  # distinct values: no ties
    check_layer_gradients(MaxPool2D(), x.astype(np.float64), rng)


def test_max_pooling_sends_the_gradient_to_the_first_of_tied_values():
    x = np.zeros((1, 4, 4, 1))
    x[0, 2:, 2:, 0] = [[1.0, 3.0], [3.0, 3.0]]
    layer = MaxPool2D()
    assert layer.forward(x, training=True)[0, :, :, 0].tolist() == [[0.0, 0.0], [0.0, 3.0]]
    grad = layer.backward(np.ones((1, 2, 2, 1)))[0, :, :, 0]
    assert grad.sum() == 4.0  # one winner per block, even in the blank blocks
    assert grad.tolist() == [[1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0]]


@pytest.mark.parametrize("mode", ["max", "average"])
def test_global_pooling_gradient(mode):
    rng = np.random.default_rng(3)
    x = rng.permutation(2 * 5 * 6 * 3).reshape(2, 5, 6, 3) / 11.0
    layer = GlobalPool(mode)
    assert layer.forward(x).shape == (2, 3)
    check_layer_gradients(layer, x.astype(np.float64), rng)


def test_global_pooling_is_the_same_wherever_the_feature_is():
    x = np.zeros((2, 7, 7, 1), dtype=np.float32)
    x[0, 1, 2, 0], x[1, 5, 4, 0] = 2.0, 2.0
    for mode in ("max", "average"):
        out = GlobalPool(mode).forward(x)
        assert out[0, 0] == out[1, 0] > 0


def test_dense_and_flatten_gradients():
    rng = np.random.default_rng(4)
    layer = Dense(6, 4, rng)
    layer.params["biases"][:] = rng.standard_normal(4)
    check_layer_gradients(layer, rng.standard_normal((3, 6)), rng)
    check_layer_gradients(Flatten(), rng.standard_normal((2, 3, 2, 2)), rng)


def test_softmax_cross_entropy_gradient():
    rng = np.random.default_rng(5)
    logits, labels = rng.standard_normal((4, 10)), np.array([3, 0, 9, 3])
    loss_function = SoftmaxCrossEntropy()
    loss, grad, probabilities = loss_function(logits, labels)
    assert probabilities.sum(axis=1) == pytest.approx(np.ones(4))
    assert loss == pytest.approx(-np.mean(np.log(probabilities[np.arange(4), labels])))
    expected = numerical_gradient(lambda: loss_function(logits, labels)[0], logits, all_positions(logits))
    np.testing.assert_allclose(grad.ravel(), expected, rtol=1e-5, atol=1e-8)


def test_the_whole_networks_loss_gradient():
    rng = np.random.default_rng(6)
    architecture = architectures.live_architecture((3, 4), 3)
    architecture.insert(-1, {"kind": "dense", "units": 8})
    architecture.insert(-1, {"kind": "relu"})
    network = ConvNet(architecture, seed=6)
    for layer in network.layers:
        as_float64(layer)
        if "biases" in layer.params:
            layer.params["biases"][:] = 0.1 * rng.standard_normal(layer.params["biases"].shape)
    images = rng.random((3, 28, 28, 1))
    labels = np.array([1, 7, 4])
    _, grad, _ = network.loss(network.forward(images, training=True), labels)
    network.backward(grad)

    def loss():
        return network.loss(network.forward(images), labels)[0]

    for name, layer in network.weighted_layers():
        for param, value in layer.params.items():
            positions = some_positions(value, 25, rng)
            expected = numerical_gradient(loss, value, positions)
            np.testing.assert_allclose([layer.grads[param][p] for p in positions], expected, rtol=1e-4, atol=1e-8,
                                       err_msg=f"layer {name} {param}")


# ------------------------------------------------------------------------------ the convolution itself

@pytest.mark.parametrize("kernel_size", [3, 5])
@pytest.mark.parametrize("padding", ["same", "valid"])
@pytest.mark.parametrize("channels", [1, 4])
def test_convolution_is_scipys_correlation_summed_over_channels(kernel_size, padding, channels):
    rng = np.random.default_rng(7)
    layer = Conv2D(channels, 3, kernel_size, padding, rng)
    layer.params["biases"][:] = rng.standard_normal(3).astype(np.float32)
    x = rng.random((2, 12, 10, channels), dtype=np.float32)
    out = layer.forward(x)
    weights, biases = layer.params["weights"].astype(np.float64), layer.params["biases"]
    for n in range(2):
        for f in range(3):
            expected = sum(correlate2d(x[n, :, :, c], weights[:, :, c, f], mode=padding) for c in range(channels))
            np.testing.assert_allclose(out[n, :, :, f], expected + biases[f], rtol=1e-5, atol=1e-5)


def test_a_filter_finds_a_stroke_wherever_it_is():
    layer = Conv2D(1, 1, 3, "same")
    layer.params["weights"][:, :, 0, 0] = [[-1, 2, -1]] * 3  # a vertical stroke detector
    image = np.zeros((1, 28, 28, 1), dtype=np.float32)
    image[0, 5:12, 8, 0] = 1.0
    moved = np.roll(image, (6, 9), axis=(1, 2))
    np.testing.assert_array_equal(np.roll(layer.forward(image), (6, 9), axis=(1, 2)), layer.forward(moved))


def test_invalid_layers_are_refused():
    with pytest.raises(ValueError):
        Conv2D(1, 4, 4, "same")  # 'same' needs an odd kernel
    with pytest.raises(ValueError):
        Conv2D(1, 4, 3, "full")
    with pytest.raises(ValueError):
        GlobalPool("median")
    with pytest.raises(ValueError):
        ConvNet([{"kind": "dense", "units": 10}])  # a dense layer on maps
    with pytest.raises(ValueError):
        ConvNet(architectures.conv_block(4, 3) + [{"kind": "flatten"}, {"kind": "dense", "units": 7}])


# ----------------------------------------------------------------------------------- the network

def test_network_description_and_outputs():
    network = ConvNet(architectures.lesson_architecture(), seed=0)
    shapes = network.output_shapes()
    assert shapes[0] == (28, 28, 1) and shapes[3] == (14, 14, 16) and shapes[6] == (7, 7, 32) and shapes[-1] == (10,)
    assert network.parameter_count == (25 * 16 + 16) + (25 * 16 * 32 + 32) + (7 * 7 * 32 * 64 + 64) + (64 * 10 + 10)
    assert network.first_layer_filters().shape == (16, 5, 5)
    image = np.random.default_rng(0).random(784, dtype=np.float32)
    maps = network.feature_maps(image)
    assert [name for name, _ in maps] == ["input", *network.layer_names(), "softmax"]
    assert [m.shape for _, m in maps[:-1]] == list(shapes)
    assert maps[-1][1].sum() == pytest.approx(1.0)
    np.testing.assert_allclose(maps[-1][1], network.predict_proba(image[None])[0], rtol=1e-6)


def test_predict_proba_takes_rows_images_and_grey_levels(mnist):
    network = ConvNet(architectures.live_architecture((4,), 3), seed=1)
    images = mnist.x_test[:250]
    from_rows = network.predict_proba(data.as_rows(images))
    assert from_rows.shape == (250, 10) and from_rows.dtype == np.float32
    np.testing.assert_allclose(from_rows.sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(network.predict_proba(data.to_float(images)), from_rows)
    np.testing.assert_array_equal(network.predict_proba(images), from_rows)
    np.testing.assert_array_equal(network.predict_proba(data.as_rows(images), batch_size=7), from_rows)
    with pytest.raises(ValueError):
        network.predict_proba(np.zeros((3, 100)))


def test_state_round_trip_through_an_npz_file_without_pickle(tmp_path):
    network = ConvNet(architectures.global_pooling_architecture(), seed=3)
    path = tmp_path / "network.npz"
    network.save(path)
    with np.load(path, allow_pickle=False) as archive:
        loaded = ConvNet.from_state(archive)
    assert loaded.architecture == network.architecture
    for a, b in zip(network.layers, loaded.layers):
        for name in a.params:
            np.testing.assert_array_equal(a.params[name], b.params[name])
            assert b.params[name].dtype == np.float32
    second = tmp_path / "again.npz"
    loaded.save(second)
    assert shipped_networks.file_sha256(path) == shipped_networks.file_sha256(second)  # the same weights, the same bytes


def test_epoch_flops_are_counted_by_hand():
    architecture = architectures.live_architecture((8, 16), 5)
    conv1 = 28 * 28 * 25 * 1 * 8
    conv2 = 14 * 14 * 25 * 8 * 16
    dense = 7 * 7 * 16 * 10
    # forward 2·MACs; backward 2·MACs (weights) + 2·MACs (input) except for the first layer
    assert architectures.epoch_flops(architecture, images=1) == 2 * conv1 * 2 + 2 * (conv2 + dense) * 3
    assert architectures.epoch_flops(architecture) == 60000 * architectures.epoch_flops(architecture, images=1)


@pytest.mark.parametrize("optimizer", [Adam(0.01), SGD(0.05, momentum=0.9)])
def test_optimizers_lower_the_loss_on_one_batch(optimizer, rows):
    x_train, y_train, _, _ = rows
    network = ConvNet(architectures.live_architecture((4,), 3), seed=2)
    images, labels = x_train[:64].reshape(-1, 28, 28, 1), y_train[:64].astype(np.intp)
    first, _ = network.train_step(images, labels, optimizer)
    for _ in range(15):
        last, _ = network.train_step(images, labels, optimizer)
    assert last < 0.5 * first


# ------------------------------------------------------------------------------------- training

def test_settings_refuse_bad_kernel_sizes_and_out_of_range_values():
    assert ConvNetSettings().problems() == []
    for kernel in (2, 4, 9, 0, True, "5", 5.0):
        assert [key for key, _ in ConvNetSettings(kernel_size=kernel).problems()] == ["cnn_kernel_size_invalid"]
    for change in (dict(learning_rate=0.0), dict(learning_rate=float("nan")), dict(batch_size=0),
                   dict(epochs=0), dict(train_size=50), dict(train_size=70000), dict(eval_every=0),
                   dict(validation_fraction=0.9), dict(learning_rate_decay=0.0), dict(seed=-1),
                   dict(filters=()), dict(filters=(0,)), dict(filters=(65,)), dict(filters=(8, 8, 8, 8)),
                   dict(filters=[8, 16]), dict(architecture="resnet"), dict(optimizer="rmsprop")):
        keys = [key for key, _ in ConvNetSettings(**change).problems()]
        assert keys == ["setting_out_of_range"], change
    problems = ConvNetSettings(batch_size=600, train_size=1000, validation_fraction=0.5).problems()
    assert problems == [("setting_batch_too_large", {"batch": 600, "size": 500})]
    assert ConvNetSettings().model == "cnn"
    settings = ConvNetSettings(batch_size=32, train_size=1000, epochs=3, eval_every=7)
    assert settings.total_steps == 3 * 31 and settings.chunk == 7


def test_a_tiny_network_learns_on_1000_digits(rows):
    settings = ConvNetSettings(filters=(8,), kernel_size=5, epochs=4, train_size=1000, batch_size=20,
                               learning_rate=0.003, eval_every=50, seed=1)
    trainer = ConvNetTrainer(settings, *rows)
    points = [trainer.advance(settings.chunk)]
    while not trainer.done:
        points.append(trainer.advance(settings.chunk))
    last = points[-1]
    assert last.step == settings.total_steps == 200 and last.test_size == 10000
    assert points[0].test_size == training.TEST_SAMPLE_SIZE
    assert last.test_accuracy > 0.85  # digits the network never saw (chance: 0.10)
    assert last.test_loss < points[0].test_loss
    assert last.pixel_weights.shape == (25, 8)  # each column a 5×5 filter
    np.testing.assert_array_equal(last.pixel_weights[:, 3].reshape(5, 5),
                                  trainer.final_model().first_layer_filters()[3])
    assert list(last.weight_percentiles) == ["1", "2"] and last.biases["1"].shape == (8,)
    assert last.biases["2"].shape == (10,)
    assert last.batch_indices.size == 100 and last.batch_predictions.size == 100
    assert np.isin(last.batch_indices, trainer.pool).all()
    # the test predictions are the final network's
    np.testing.assert_array_equal(last.test_predictions, trainer.final_model().predict(rows[2]))


def weights_of(trainer):
    return [value.copy() for layer in trainer.network.layers for value in layer.params.values()]


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_pause_and_resume_reproduce_an_uninterrupted_run(rows, optimizer):
    settings = ConvNetSettings(filters=(4, 6), kernel_size=3, epochs=2, train_size=600, batch_size=16,
                               optimizer=optimizer, learning_rate=0.003 if optimizer == "adam" else 0.05,
                               learning_rate_decay=0.5, eval_every=10, seed=9)
    straight = ConvNetTrainer(settings, *rows)
    straight.advance(settings.total_steps)
    assert straight.done
    for chunks in ([5, 17, 1000], [1, 1, 1, 30, 40, 1], [settings.total_steps // 2] * 3):
        resumed = ConvNetTrainer(settings, *rows)
        for chunk in chunks:
            resumed.advance(chunk)
            resumed = pickle.loads(pickle.dumps(resumed))  # as between the server and a worker
        assert resumed.done and resumed.step == straight.step
        for a, b in zip(weights_of(straight), weights_of(resumed)):
            np.testing.assert_array_equal(a, b)
    last = resumed.advance(1)
    assert last.step == settings.total_steps  # nothing more to train


def test_a_trainer_pickles_small_and_without_the_shared_rows():
    shared = data.training_rows()
    trainer = ConvNetTrainer(ConvNetSettings(train_size=2000, eval_every=5), shared.x_train, shared.y_train,
                             shared.x_test, shared.y_test)
    trainer.advance(5)
    size = len(pickle.dumps(trainer))
    parameters = trainer.network.parameter_count * 4
    assert size < 3 * parameters + 100_000  # weights and Adam's two moments, the order of the digits
    copy = pickle.loads(pickle.dumps(trainer))
    assert copy.x_train is shared.x_train and copy.y_test is shared.y_test


def test_weights_that_overflow_stop_the_run(rows):
    # a ReLU network given a too large learning rate mostly dies (every unit off) rather than
    # overflowing: digits 10²⁰ times too bright make the overflow certain
    x_train = np.asarray(rows[0][:500]) * np.float32(1e20)
    settings = ConvNetSettings(filters=(4,), kernel_size=3, optimizer="sgd", learning_rate=1.0, train_size=500,
                               batch_size=50, epochs=2, eval_every=20)
    trainer = ConvNetTrainer(settings, x_train, rows[1][:500], rows[2], rows[3])
    with pytest.raises(TrainingDiverged):
        trainer.advance(20)


def test_an_untrained_network_can_be_shown(rows):
    trainer = ConvNetTrainer(ConvNetSettings(train_size=1000), *rows)
    point = trainer.advance(0)
    assert point.step == 0 and 0.0 <= point.test_accuracy <= 0.3
    assert point.batch_indices.size == 32


def test_the_validation_digits_are_held_out(rows):
    settings = ConvNetSettings(train_size=1200, validation_fraction=0.25, epochs=1, eval_every=1000)
    trainer = ConvNetTrainer(settings, *rows)
    assert trainer.pool.size == 900 == settings.training_digits and trainer.validation.size == 300
    assert not np.intersect1d(trainer.pool, trainer.validation).size
    point = trainer.advance(1000)
    assert point.validation_accuracy is not None and point.step == 900 // 32


# ------------------------------------------------------------------------------ the shipped networks

@pytest.fixture(scope="module")
def shipped():
    return {name: shipped_networks.load_shipped(name) for name in ("lesson", "global_pooling")}


def test_the_shipped_files_are_the_measured_ones(shipped):
    for expected in shipped_networks.SHIPPED.values():
        path = shipped_networks.DATA_DIR / expected.file
        assert shipped_networks.file_sha256(path) == expected.sha256
        assert path.stat().st_size < 1_000_000


def test_the_lesson_network_reads_99_percent_of_the_test_digits(shipped, rows):
    accuracy = float(np.mean(shipped["lesson"].predict(rows[2]) == rows[3]))
    assert accuracy == shipped_networks.SHIPPED["lesson"].test_accuracy
    assert accuracy >= 0.99


def test_the_global_pooling_network_reads_shifted_digits(shipped, rows, mnist):
    network, expected = shipped["global_pooling"], shipped_networks.SHIPPED["global_pooling"]
    assert float(np.mean(network.predict(rows[2]) == rows[3])) == expected.test_accuracy
    accuracies = shipped_networks.shift_accuracies(network, mnist.x_test, mnist.y_test)
    worst = min(accuracies, key=accuracies.get)
    assert worst == tuple(expected.worst_shift) and accuracies[worst] == expected.shift_accuracy
    assert accuracies[worst] >= 0.90


def test_float32_throughout(rows):
    network = ConvNet(architectures.lesson_architecture(), seed=0)
    optimizer = Adam(0.001)
    images, labels = np.asarray(rows[0][:8]).reshape(-1, 28, 28, 1), rows[1][:8].astype(np.intp)
    for _ in range(2):
        network.train_step(images, labels, optimizer)
    x = images
    for layer in network.layers:
        x = layer.forward(x, training=True)
        assert x.dtype == np.float32, layer.kind
    for layer in network.layers:
        for name, value in layer.params.items():
            assert value.dtype == layer.grads[name].dtype == np.float32
    assert all(m.dtype == v.dtype == np.float32 for m, v in optimizer.moments.values())


def test_one_network_predicts_in_several_threads_at_once(rows):
    # the server shares a shipped network between its sessions: each thread has its own work buffers
    from concurrent.futures import ThreadPoolExecutor

    network = ConvNet(architectures.live_architecture((8, 16), 5), seed=5)
    chunks = [np.asarray(rows[2][k * 300:(k + 1) * 300]) for k in range(8)]
    alone = [network.predict_proba(chunk) for chunk in chunks]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(network.predict_proba, chunks))
    for a, b in zip(alone, together):
        np.testing.assert_array_equal(a, b)


def test_the_shipped_curves_are_those_of_the_shipped_files(shipped, rows):
    """data/convnet_curves.json: measured on these very files; recomputed here at 0 and 4 pixels."""
    mnist = data.load_mnist()
    for name, network in shipped.items():
        curves = shipped_networks.shipped_curves(name)
        assert set(curves) == set(translation.DIRECTIONS) and all(len(c) == 9 for c in curves.values())
        pairs = [(0, 0), (4, 0), (0, 4), (4, 4)]
        measured = translation.accuracy_for_shifts(network.predict, mnist.x_test, mnist.y_test, pairs)
        assert curves["horizontal"][0] == pytest.approx(measured[0], abs=1e-12)
        assert [curves[d][4] for d in ("horizontal", "vertical", "diagonal")] == \
            pytest.approx(list(measured[1:]), abs=1e-12)
    assert shipped_networks.shipped_curves("global_pooling")["diagonal"][4] > 0.9   # the lesson's claim, kept


def test_curves_measured_on_another_file_are_refused(tmp_path):
    import json
    import shutil

    for expected in shipped_networks.SHIPPED.values():
        shutil.copy(shipped_networks.DATA_DIR / expected.file, tmp_path / expected.file)
    stored = json.loads((shipped_networks.DATA_DIR / shipped_networks.CURVES_FILE).read_text())
    stored["lesson"]["sha256"] = "0" * 64
    (tmp_path / shipped_networks.CURVES_FILE).write_text(json.dumps(stored))
    with pytest.raises(shipped_networks.ShippedNetworkError):
        shipped_networks.shipped_curves("lesson", tmp_path)
    assert shipped_networks.shipped_curves("global_pooling", tmp_path) == stored["global_pooling"]["curves"]
    (tmp_path / shipped_networks.CURVES_FILE).write_text("{not json")
    with pytest.raises(shipped_networks.ShippedNetworkError):
        shipped_networks.shipped_curves("global_pooling", tmp_path)
