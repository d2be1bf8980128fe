"""The network: a list of layers that learns, predicts, shows what each layer sees, is saved and loaded."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from core import data
from core.lesson.softmax import LOG_EPSILON
from core.models.convnet.layers import (
    DTYPE,
    Conv2D,
    Dense,
    Flatten,
    GlobalPool,
    Layer,
    MaxPool2D,
    ReLU,
    SoftmaxCrossEntropy,
)

INPUT_SHAPE = (data.IMAGE_SIDE, data.IMAGE_SIDE, 1)  # one MNIST digit, NHWC without the N
# Predictions are made this many images at a time: the lesson network's largest window matrix then
# takes 32 × 14 × 14 × 400 floats (10 MB), whatever the number of images asked for. Larger batches
# are no faster (the windows leave the processor's cache), and the probabilities are the same.
PREDICT_BATCH = 32
LAYER_KINDS = ("conv", "relu", "maxpool", "global_pool", "flatten", "dense")


def build_layers(architecture: list[dict], rng: np.random.Generator,
                 input_shape: tuple[int, int, int] = INPUT_SHAPE) -> list[Layer]:
    """The layers of an architecture (a list of layer specs), initialised from ``rng`` in order."""
    layers: list[Layer] = []
    shape = tuple(input_shape)
    for spec in architecture:
        kind = spec.get("kind")
        if kind == "conv":
            if len(shape) != 3:
                raise ValueError(f"a convolution needs maps (h, w, c), got {shape}")
            layer = Conv2D(shape[2], spec["filters"], spec.get("kernel_size", 5), spec.get("padding", "same"), rng)
        elif kind == "dense":
            if len(shape) != 1:
                raise ValueError(f"a dense layer needs a row of numbers: flatten or pool first, got {shape}")
            layer = Dense(shape[0], spec["units"], rng, spec.get("init", "he"))
        elif kind == "relu":
            layer = ReLU()
        elif kind == "maxpool":
            layer = MaxPool2D()
        elif kind == "global_pool":
            layer = GlobalPool(spec.get("mode", "max"))
        elif kind == "flatten":
            layer = Flatten()
        else:
            raise ValueError(f"unknown layer kind {kind!r}: expected one of {LAYER_KINDS}")
        shape = layer.output_shape(shape)
        if min(shape) < 1:
            raise ValueError(f"the architecture shrinks the maps to nothing at layer {len(layers) + 1} ({kind})")
        layers.append(layer)
    return layers


def as_images(rows_or_images: np.ndarray) -> np.ndarray:
    """MNIST rows (n, 784) or images (n, 28, 28) or (n, 28, 28, 1) -> float32 (n, 28, 28, 1) in [0, 1].

    uint8 grey levels 0-255 are scaled to [0, 1]; float images are taken as they are.
    """
    values = np.asarray(rows_or_images)
    if values.dtype == np.uint8:
        values = data.to_float(values)
    values = values.astype(DTYPE, copy=False)
    side = data.IMAGE_SIDE
    if values.ndim == 2 and values.shape[1] == side * side:
        return values.reshape(-1, side, side, 1)
    if values.ndim == 3 and values.shape[1:] == (side, side):
        return values[..., None]
    if values.ndim == 4 and values.shape[1:] == INPUT_SHAPE:
        return values
    raise ValueError(f"expected MNIST rows (n, 784) or images (n, 28, 28), got shape {values.shape}")


class ConvNet:
    """A list of layers applied in turn to images (n, 28, 28, 1), ending with 10 outputs, one per digit.

    ``architecture`` is the list of layer specs it was built from (see
    :func:`lesson_architecture`); the weights are initialised from ``seed``
    (He for the layers before a ReLU, Glorot for the last one).
    """

    def __init__(self, architecture: list[dict], seed: int = 0):
        self.architecture = [dict(spec) for spec in architecture]
        self.layers = build_layers(self.architecture, np.random.default_rng(seed))
        if self.output_shapes()[-1] != (data.N_CLASSES,):
            raise ValueError("the last layer must give 10 outputs, one per digit")
        first = next((layer for layer in self.layers if layer.params), None)
        if first is not None:
            first.input_gradient = False  # the image itself does not learn
        self.loss = SoftmaxCrossEntropy()

    # --- description
    def output_shapes(self) -> list[tuple[int, ...]]:
        """One image's shape before the first layer, then after each layer."""
        shapes = [INPUT_SHAPE]
        for layer in self.layers:
            shapes.append(layer.output_shape(shapes[-1]))
        return shapes

    @property
    def parameter_count(self) -> int:
        return sum(value.size for layer in self.layers for value in layer.params.values())

    def layer_names(self) -> list[str]:
        """A short name per layer, numbered by kind: conv1, relu1, maxpool1, conv2, …, dense1."""
        counts: dict[str, int] = {}
        names = []
        for layer in self.layers:
            counts[layer.kind] = counts.get(layer.kind, 0) + 1
            names.append(f"{layer.kind}{counts[layer.kind]}")
        return names

    def weighted_layers(self) -> list[tuple[str, Layer]]:
        """The layers that learn (convolutions and dense layers), numbered "1", "2", … as on the dashboard."""
        return [(str(number), layer)
                for number, layer in enumerate((layer for layer in self.layers if layer.params), start=1)]

    def multiply_adds(self) -> int:
        """Multiply-and-adds of one image's forward pass."""
        shapes = self.output_shapes()
        return sum(layer.multiply_adds(shape) for layer, shape in zip(self.layers, shapes))

    # --- computing
    def forward(self, images: np.ndarray, training: bool = False) -> np.ndarray:
        """The 10 outputs (logits) for images (n, 28, 28, 1) float32; ``training`` keeps what backward needs."""
        x = images
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def backward(self, grad: np.ndarray) -> None:
        """Fill every layer's ``grads`` from the gradient of the loss with respect to the logits."""
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
            if grad is None:
                break

    def train_step(self, images: np.ndarray, labels: np.ndarray, optimizer) -> tuple[float, np.ndarray]:
        """One batch: forward, loss, backward, update; returns (mean loss, predicted digits) before the update."""
        logits = self.forward(images, training=True)
        loss, grad, probabilities = self.loss(logits, labels)
        self.backward(grad)
        optimizer.step(self.layers)
        return loss, probabilities.argmax(axis=1)

    def predict_proba(self, rows: np.ndarray, batch_size: int = PREDICT_BATCH) -> np.ndarray:
        """Probabilities (n, 10) for MNIST rows (n, 784) in [0, 1] or images (n, 28, 28), ``batch_size`` at a time."""
        images = as_images(rows)
        result = np.empty((images.shape[0], data.N_CLASSES), dtype=DTYPE)
        for start in range(0, images.shape[0], batch_size):
            result[start:start + batch_size] = self.loss.probabilities(self.forward(images[start:start + batch_size]))
        self.forget()
        return result

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return self.predict_proba(rows).argmax(axis=1)

    def evaluate(self, rows: np.ndarray, labels: np.ndarray) -> tuple[float, float, np.ndarray]:
        """(accuracy, mean cross-entropy, predicted digits) on rows (n, 784) or images."""
        labels = np.asarray(labels, dtype=np.intp)
        probabilities = self.predict_proba(rows)
        predictions = probabilities.argmax(axis=1)
        picked = probabilities[np.arange(labels.size), labels]
        loss = float(-np.log(np.maximum(picked, LOG_EPSILON)).mean(dtype=np.float64))
        return float(np.mean(predictions == labels)), loss, predictions

    def feature_maps(self, image: np.ndarray) -> list[tuple[str, np.ndarray]]:
        """What each layer gives for one image (784,) or (28, 28): [("input", 28×28×1), ("conv1", 28×28×16), …].

        One (name, array) per layer, the image's batch axis removed (maps are
        (h, w, channels), rows are (features,)), then ("softmax", the 10 probabilities).
        """
        x = as_images(np.asarray(image).reshape(1, -1))
        maps = [("input", x[0])]
        for name, layer in zip(self.layer_names(), self.layers):
            x = layer.forward(x)
            maps.append((name, x[0]))
        maps.append(("softmax", self.loss.probabilities(x)[0]))
        self.forget()
        return maps

    def first_layer_filters(self) -> np.ndarray:
        """The first convolution's filters as images (filters, k, k) (its first input channel: the grey level)."""
        first = next(layer for layer in self.layers if isinstance(layer, Conv2D))
        return np.ascontiguousarray(first.params["weights"][:, :, 0, :].transpose(2, 0, 1))

    def is_finite(self) -> bool:
        return all(np.isfinite(value).all() for layer in self.layers for value in layer.params.values())

    def forget(self) -> None:
        """Drop every layer's forward-pass memory and work buffers (tens of MB for large batches)."""
        for layer in self.layers:
            layer.forget()

    # --- saving
    def state(self) -> dict[str, np.ndarray]:
        """Everything needed to rebuild the network, as arrays: the architecture as JSON text, the weights.

        Keys: "architecture" (a 0-d unicode array) and "<layer index>.<param name>"
        (float32). ``np.savez(path, **net.state())`` writes a file that
        ``np.load(path, allow_pickle=False)`` reads back.
        """
        state = {"architecture": np.array(json.dumps(self.architecture))}
        for index, layer in enumerate(self.layers):
            for name, value in layer.params.items():
                state[f"{index}.{name}"] = value.copy()
        return state

    @classmethod
    def from_state(cls, state) -> ConvNet:
        """The network saved by :meth:`state` (a dict, or the ``np.load`` of an .npz file)."""
        network = cls(json.loads(str(state["architecture"][()])))
        for index, layer in enumerate(network.layers):
            for name, value in layer.params.items():
                saved = np.asarray(state[f"{index}.{name}"])
                if saved.shape != value.shape:
                    raise ValueError(f"layer {index} {name}: saved shape {saved.shape}, expected {value.shape}")
                value[...] = saved
        return network

    def save(self, path: Path | str) -> None:
        """Write :meth:`state` as an .npz file whose bytes depend on the weights only.

        ``np.savez`` stamps each entry with the time of writing; here every entry
        gets the same fixed date, so that the same weights always give the same
        file, and its SHA-256 identifies them.
        """
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
            for name, value in self.state().items():
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                with archive.open(entry, "w") as file:
                    np.lib.format.write_array(file, np.asarray(value), allow_pickle=False)

    @classmethod
    def load(cls, path: Path | str) -> ConvNet:
        with np.load(path, allow_pickle=False) as archive:
            return cls.from_state(archive)
