"""The layers, forward and backward by hand: convolution, ReLU, pooling, dense, and the loss.

A layer computes its output (:meth:`Layer.forward`) and the gradient of the loss with respect to
its input and its weights (:meth:`Layer.backward`), float32, images in NHWC order (see
``core.models.convnet``). Each thread gets its own work buffers, so one network can predict for
several students at once.
"""

from __future__ import annotations

import threading

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from core.lesson.softmax import LOG_EPSILON

DTYPE = np.float32


PADDINGS = ("same", "valid")
POOL_MODES = ("max", "average")


class Layer:
    """One stage of the network: ``forward`` computes its output, ``backward`` the gradients.

    ``params`` holds the layer's weights by name and ``grads`` their gradients
    (same names, same shapes), filled by the last ``backward``, which may
    overwrite the ``grad`` it is given (no copy of a batch's maps). What a forward
    pass keeps for the backward pass, and reusable work buffers, live in
    attributes whose name starts with "_": they are never pickled.
    """

    kind = "layer"

    def __init__(self):
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        raise NotImplementedError

    def output_shape(self, shape: tuple[int, ...]) -> tuple[int, ...]:
        """The shape of one image's output, given one image's input shape (no batch axis)."""
        return shape

    def multiply_adds(self, shape: tuple[int, ...]) -> int:
        """Multiply-and-adds of one image's forward pass (0 for layers without weights)."""
        return 0

    def spec(self) -> dict:
        """The layer's description in an architecture (JSON-compatible)."""
        return {"kind": self.kind}

    def forget(self) -> None:
        """Drop what the last forward pass kept and the work buffers (they are rebuilt when needed)."""
        for name in [name for name in self.__dict__ if name.startswith("_")]:
            del self.__dict__[name]

    def _thread_buffers(self) -> dict[str, np.ndarray]:
        """This thread's work buffers: a network shared by the server's sessions may predict in several at once."""
        local = self.__dict__.get("_local")
        if local is None:
            local = self.__dict__.setdefault("_local", threading.local())
        if not hasattr(local, "buffers"):
            local.buffers = {}
        return local.buffers

    def _scratch(self, shape: tuple[int, ...], dtype) -> np.ndarray:
        """Work memory of ``shape`` in one scratch area shared by every use (grown when too small).

        Whatever used it before is overwritten: a convolution's input windows, once
        its weights' gradient is computed, leave their place to the output
        gradient's windows, memory that the processor's cache still holds.
        """
        buffers = self._thread_buffers()
        size = int(np.prod(shape))
        area = buffers.get("scratch")
        if area is None or area.size < size or area.dtype != dtype:
            area = buffers["scratch"] = np.empty(size, dtype=dtype)
        return area[:size].reshape(shape)

    def _ones(self, count: int, dtype) -> np.ndarray:
        """A row of ``count`` ones: ones · gradient sums a gradient's rows as one matrix product.

        numpy's ``sum(axis=0)`` over a tall, narrow (windows, filters) matrix walks
        it row by row, ten times slower than the BLAS's product.
        """
        buffers = self._thread_buffers()
        ones = buffers.get("ones")
        if ones is None or ones.size != count or ones.dtype != dtype:
            ones = buffers["ones"] = np.ones(count, dtype=dtype)
        return ones

    def _padded(self, name: str, shape: tuple[int, ...], dtype) -> np.ndarray:
        """A zero array kept between batches of the same shape: only its inside is ever written, its border stays 0."""
        buffers = self._thread_buffers()
        array = buffers.get(name)
        if array is None or array.shape != shape or array.dtype != dtype:
            array = buffers[name] = np.zeros(shape, dtype=dtype)
        return array

    def __getstate__(self) -> dict:
        # the weights travel; their gradients, the forward pass's memory and the buffers do not
        return {key: value for key, value in self.__dict__.items() if not key.startswith("_") and key != "grads"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.grads = {name: np.zeros_like(value) for name, value in self.params.items()}


def _windows(padded: np.ndarray, kernel_size: int, out: np.ndarray) -> np.ndarray:
    """im2col: every k×k window of ``padded`` (n, h, w, c) as one row of ``out``, returned as (windows, k·k·c).

    ``sliding_window_view`` gives the windows as a view (n, h', w', c, k, k)
    without copying; reordered (n, h', w', k, k, c) and copied once into the
    contiguous ``out``, each row reads like a filter (k, k, c) flattened.
    """
    view = sliding_window_view(padded, (kernel_size, kernel_size), axis=(1, 2))
    np.copyto(out, view.transpose(0, 1, 2, 4, 5, 3))
    return out.reshape(-1, out.shape[3] * out.shape[4] * out.shape[5])


class Conv2D(Layer):
    """Filters of k×k×channels weights slid over the image (stride 1): one output map per filter.

    Output[n, y, x, f] = Σ_{i, j, c} input[n, y+i, x+j, c] · W[i, j, c, f] + b[f]
    (the cross-correlation deep-learning libraries call convolution). With
    "same" padding the input gets a border of (k-1)/2 zeros so that the maps
    keep the image's size (odd k); with "valid" there is no border and the maps
    shrink by k-1. He initialisation: W ~ N(0, 2 / (k·k·channels)), b = 0.

    ``input_gradient`` False skips the gradient with respect to the input (the
    first layer's input is the image, which does not learn).
    """

    kind = "conv"

    def __init__(self, channels: int, filters: int, kernel_size: int = 5, padding: str = "same",
                 rng: np.random.Generator | None = None):
        super().__init__()
        if padding not in PADDINGS:
            raise ValueError(f"padding must be one of {PADDINGS}, got {padding!r}")
        if not (isinstance(kernel_size, (int, np.integer)) and kernel_size >= 1):
            raise ValueError(f"kernel_size must be a positive integer, got {kernel_size!r}")
        if padding == "same" and kernel_size % 2 == 0:
            raise ValueError(f"'same' padding needs an odd kernel size, got {kernel_size}")
        self.channels, self.filters, self.kernel_size = int(channels), int(filters), int(kernel_size)
        self.padding = padding
        self.border = (self.kernel_size - 1) // 2 if padding == "same" else 0
        rng = rng if rng is not None else np.random.default_rng(0)
        fan_in = self.kernel_size * self.kernel_size * self.channels
        weights = rng.standard_normal((self.kernel_size, self.kernel_size, self.channels, self.filters))
        self.params = {"weights": (weights * np.sqrt(2.0 / fan_in)).astype(DTYPE),
                       "biases": np.zeros(self.filters, dtype=DTYPE)}
        self.grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        self.input_gradient = True

    def output_shape(self, shape):
        height, width, _ = shape
        shrink = self.kernel_size - 1 - 2 * self.border
        return height - shrink, width - shrink, self.filters

    def multiply_adds(self, shape):
        height, width, _ = self.output_shape(shape)
        return height * width * self.kernel_size * self.kernel_size * self.channels * self.filters

    def spec(self):
        return {"kind": self.kind, "filters": self.filters, "kernel_size": self.kernel_size, "padding": self.padding}

    def _im2col(self, x: np.ndarray, border: int, name: str) -> np.ndarray:
        """The windows of ``x`` (n, h, w, c) padded by ``border`` zeros, as a (windows, k·k·c) matrix."""
        n, height, width, channels = x.shape
        k = self.kernel_size
        if border:
            padded = self._padded(name, (n, height + 2 * border, width + 2 * border, channels), x.dtype)
            padded[:, border:border + height, border:border + width] = x
        else:
            padded = x
        rows, cols = padded.shape[1] - k + 1, padded.shape[2] - k + 1
        return _windows(padded, k, self._scratch((n, rows, cols, k, k, channels), x.dtype))

    def _grey_im2col(self, x: np.ndarray) -> np.ndarray:
        """im2col of a one-channel input, built window-position-major and returned transposed.

        With a single channel a window row would copy runs of only k numbers;
        laid out (k·k, n·h·w) instead, each of the k·k copies moves whole image
        rows, three times faster. The transposed view is what the product needs.
        """
        n, height, width, _ = x.shape
        k, border = self.kernel_size, self.border
        padded = self._padded("grey", (n, height + 2 * border, width + 2 * border), x.dtype)
        padded[:, border:border + height, border:border + width] = x[..., 0]
        view = sliding_window_view(padded, (k, k), axis=(1, 2))  # (n, h', w', k, k)
        columns = self._scratch((k, k) + view.shape[:3], x.dtype)
        np.copyto(columns, view.transpose(3, 4, 0, 1, 2))
        return columns.reshape(k * k, -1).T

    def forward(self, x, training=False):
        n = x.shape[0]
        height, width, filters = self.output_shape(x.shape[1:])
        windows = self._grey_im2col(x) if self.channels == 1 else self._im2col(x, self.border, "input")
        weights = self.params["weights"].reshape(-1, filters)
        output = windows @ weights  # one matrix product: (n·h·w, k·k·c) @ (k·k·c, filters)
        output += self.params["biases"]
        if training:
            self._windows, self._input_shape = windows, x.shape
        return output.reshape(n, height, width, filters)

    def backward(self, grad):
        filters, k = self.filters, self.kernel_size
        rows = grad.reshape(-1, filters)
        # dW = windowsᵀ · dOutput: each weight met every window it multiplied
        np.matmul(self._windows.T, rows, out=self.grads["weights"].reshape(-1, filters))
        np.matmul(self._ones(rows.shape[0], rows.dtype), rows, out=self.grads["biases"])
        if not self.input_gradient:
            return None
        # dInput = the output gradient, padded by k-1-border zeros, correlated with the filters flipped
        # in space and with channels and filters swapped: again im2col and one matrix product
        flipped = self.params["weights"][::-1, ::-1].transpose(0, 1, 3, 2).reshape(-1, self.channels)
        windows = self._im2col(grad, k - 1 - self.border, "gradient")
        return (windows @ flipped).reshape(self._input_shape)


class ReLU(Layer):
    """max(0, x): keeps what lit up, silences the rest; its gradient passes only where x > 0."""

    kind = "relu"

    def forward(self, x, training=False):
        output = np.maximum(x, 0)
        if training:
            self._output = output
        return output

    def backward(self, grad):
        return np.multiply(grad, self._output > 0, out=grad)  # in place: grad is the next layer's own array


class MaxPool2D(Layer):
    """The largest value of each 2×2 block (stride 2): maps half as tall and wide.

    A map of odd size loses its last row or column. The gradient goes to the
    block's maximum only; where several values tie (a blank background gives
    equal values), to the first of them in reading order, so that the gradient
    is a true (sub)gradient of the max.
    """

    kind = "maxpool"
    size = 2

    def output_shape(self, shape):
        height, width, channels = shape
        return height // 2, width // 2, channels

    @staticmethod
    def _corners(x: np.ndarray) -> list[np.ndarray]:
        rows, cols = x.shape[1] // 2 * 2, x.shape[2] // 2 * 2
        return [x[:, i:rows:2, j:cols:2] for i in (0, 1) for j in (0, 1)]

    def forward(self, x, training=False):
        rows, cols = x.shape[1] // 2 * 2, x.shape[2] // 2 * 2
        # the larger of each pair of rows (whole rows: long contiguous runs), then of each pair of columns
        pairs = np.maximum(x[:, 0:rows:2, :cols], x[:, 1:rows:2, :cols])
        output = np.maximum(pairs[:, :, 0::2], pairs[:, :, 1::2])
        if training:
            self._input, self._output = x, output
        return output

    def backward(self, grad):
        x, output = self._input, self._output
        result = np.zeros_like(x) if x.shape[1] % 2 or x.shape[2] % 2 else np.empty_like(x)
        free = np.ones(output.shape, dtype=bool)  # blocks whose maximum is not found yet
        corners = list(zip(self._corners(x), self._corners(result)))
        for corner, target in corners[:-1]:
            winner = np.equal(corner, output)
            winner &= free
            free ^= winner  # the winners were free: now they are taken
            np.multiply(grad, winner, out=target)
        np.multiply(grad, free, out=corners[-1][1])  # the last corner wins what is left
        return result


class GlobalPool(Layer):
    """One number per map, over the whole image: its maximum or its average.

    Wherever a feature appears in the image, the same number comes out: the
    layers after it see *what* was found, not *where*. The max's gradient goes
    to the first position that holds it; the average's is spread evenly.
    """

    kind = "global_pool"

    def __init__(self, mode: str = "max"):
        super().__init__()
        if mode not in POOL_MODES:
            raise ValueError(f"mode must be one of {POOL_MODES}, got {mode!r}")
        self.mode = mode

    def output_shape(self, shape):
        return (shape[2],)

    def spec(self):
        return {"kind": self.kind, "mode": self.mode}

    def forward(self, x, training=False):
        n, height, width, channels = x.shape
        flat = x.reshape(n, height * width, channels)
        if self.mode == "average":
            output = flat.mean(axis=1, dtype=x.dtype)
            if training:
                self._input_shape = x.shape
            return output
        where = flat.argmax(axis=1)
        if training:
            self._input_shape, self._where = x.shape, where
        return np.take_along_axis(flat, where[:, None, :], axis=1)[:, 0, :]

    def backward(self, grad):
        n, height, width, channels = self._input_shape
        if self.mode == "average":
            spread = grad * (1.0 / (height * width))  # a Python float keeps grad's dtype
            return np.broadcast_to(spread[:, None, None, :], self._input_shape).copy()
        result = np.zeros((n, height * width, channels), dtype=grad.dtype)
        np.put_along_axis(result, self._where[:, None, :], grad[:, None, :], axis=1)
        return result.reshape(self._input_shape)


class Flatten(Layer):
    """The maps (h, w, c) of each image laid out as one row of h·w·c numbers, for a dense layer."""

    kind = "flatten"

    def output_shape(self, shape):
        return (int(np.prod(shape)),)

    def forward(self, x, training=False):
        if training:
            self._input_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, grad):
        return grad.reshape(self._input_shape)


class Dense(Layer):
    """Every input connected to every neuron: output = x · W + b, as in the 5-layer network.

    He initialisation, W ~ N(0, 2 / inputs), before a ReLU; Glorot's,
    W ~ U(±√(6 / (inputs + outputs))), for the last layer (the softmax's).
    """

    kind = "dense"

    def __init__(self, inputs: int, units: int, rng: np.random.Generator | None = None, init: str = "he"):
        super().__init__()
        if init not in ("he", "glorot"):
            raise ValueError(f"init must be 'he' or 'glorot', got {init!r}")
        rng = rng if rng is not None else np.random.default_rng(0)
        self.inputs, self.units, self.init = int(inputs), int(units), init
        if init == "he":
            weights = rng.standard_normal((self.inputs, self.units)) * np.sqrt(2.0 / self.inputs)
        else:
            limit = np.sqrt(6.0 / (self.inputs + self.units))
            weights = rng.uniform(-limit, limit, (self.inputs, self.units))
        self.params = {"weights": weights.astype(DTYPE), "biases": np.zeros(self.units, dtype=DTYPE)}
        self.grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        self.input_gradient = True

    def output_shape(self, shape):
        return (self.units,)

    def multiply_adds(self, shape):
        return self.inputs * self.units

    def spec(self):
        return {"kind": self.kind, "units": self.units, "init": self.init}

    def forward(self, x, training=False):
        output = x @ self.params["weights"]
        output += self.params["biases"]
        if training:
            self._input = x
        return output

    def backward(self, grad):
        np.matmul(self._input.T, grad, out=self.grads["weights"])
        np.sum(grad, axis=0, out=self.grads["biases"])
        return grad @ self.params["weights"].T if self.input_gradient else None


class SoftmaxCrossEntropy:
    """The loss: softmax of the last layer's 10 outputs, cross-entropy with the true digit, mean over the batch.

    Its gradient with respect to the 10 outputs is (Y - Y') / n, as in the
    10-neuron model (Y the probabilities, Y' the one-hot true digit).
    """

    @staticmethod
    def probabilities(logits: np.ndarray) -> np.ndarray:
        shifted = logits - logits.max(axis=1, keepdims=True)
        np.exp(shifted, out=shifted)
        shifted /= shifted.sum(axis=1, keepdims=True)
        return shifted

    def __call__(self, logits: np.ndarray, labels: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        """(mean cross-entropy, gradient with respect to the logits, probabilities)."""
        probabilities = self.probabilities(logits)
        rows = np.arange(labels.size)
        loss = float(-np.log(np.maximum(probabilities[rows, labels], LOG_EPSILON)).mean(dtype=np.float64))
        grad = probabilities.copy()
        grad[rows, labels] -= 1.0
        grad *= 1.0 / labels.size
        return loss, grad, probabilities
