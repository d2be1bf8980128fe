"""The deck's TensorFlow code beside the code this app runs, line by line.

The lesson's code slides (Görner's TensorFlow 1 code, as the deck quotes it) are copied here word
for word. The app's side is never copied: it is read from the running code itself with
:mod:`inspect` (``core``'s own functions, and scikit-learn's forward pass for the 5-layer
network), so the two cannot drift apart. Each :class:`Link` ties one line of the deck to a
range of the app's lines, found by *anchors*: the text of the first line of the range and of
its last one. A test checks that every line of the deck's code is tied to something and that
every anchor is found in the live source.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.neural_network import _base as sklearn_activations
from sklearn.neural_network import _multilayer_perceptron as sklearn_mlp

from core import data
from core.models import mlp, softmax_regression
from core.models.softmax_regression import SoftmaxRegression, SoftmaxSettings, SoftmaxTrainer

ROOT = Path(__file__).resolve().parents[2]

# ------------------------------------------------------------------ the app's code, read live
SOURCES: dict[str, Any] = {
    "softmax_module": softmax_regression,
    "SoftmaxRegression.__init__": SoftmaxRegression.__init__,
    "SoftmaxRegression.step": SoftmaxRegression.step,
    "SoftmaxRegression.evaluate": SoftmaxRegression.evaluate,
    "SoftmaxSettings": SoftmaxSettings,
    "SoftmaxTrainer.__init__": SoftmaxTrainer.__init__,
    "SoftmaxTrainer._next_batch": SoftmaxTrainer._next_batch,
    "SoftmaxTrainer.train": SoftmaxTrainer.train,
    "SoftmaxTrainer.measure": SoftmaxTrainer.measure,
    "data.to_float": data.to_float,
    "data.flatten": data.flatten,
    "mlp_module": mlp,
    "MLPTrainer.__init__": mlp.MLPTrainer.__init__,
    "sklearn._forward_pass": sklearn_mlp.BaseMultilayerPerceptron._forward_pass,
    "sklearn.inplace_logistic": sklearn_activations.inplace_logistic,
    "sklearn.inplace_softmax": sklearn_activations.inplace_softmax,
}


@dataclass(frozen=True)
class Lines:
    """A run of the app's source lines: where they are and what they say."""

    source: str        # a SOURCES name
    path: str          # the file, relative to the project (or to scikit-learn's package)
    first: int         # line number of the first line in that file
    text: tuple[str, ...]

    @property
    def last(self) -> int:
        return self.first + len(self.text) - 1

    @property
    def where(self) -> str:
        return f"{self.path}:{self.first}" + (f"-{self.last}" if self.last != self.first else "")


@functools.lru_cache(maxsize=None)
def source_lines(name: str) -> Lines:
    """The whole live source of ``SOURCES[name]`` (``inspect``), with its file and first line number.

    Read once per server process: the code a server runs does not change while it runs.
    """
    obj = SOURCES[name]
    lines, first = inspect.getsourcelines(obj)
    path = Path(inspect.getsourcefile(obj)).resolve()
    if path.is_relative_to(ROOT):
        shown = str(path.relative_to(ROOT))
    else:  # scikit-learn's own code, as installed
        parts = path.parts
        shown = "/".join(parts[parts.index("sklearn"):]) if "sklearn" in parts else path.name
    return Lines(name, shown, max(first, 1), tuple(line.rstrip("\n") for line in lines))


def find(name: str, first: str, last: str | None = None) -> Lines:
    """The lines of ``SOURCES[name]`` from the one holding ``first`` to the next one holding ``last``."""
    whole = source_lines(name)
    start = next((i for i, line in enumerate(whole.text) if first in line), None)
    if start is None:
        raise LookupError(f"{first!r} is not in the source of {name}")
    end = start if last is None else next((i for i in range(start, len(whole.text)) if last in whole.text[i]), None)
    if end is None:
        raise LookupError(f"{last!r} is not in the source of {name} after {first!r}")
    return Lines(name, whole.path, whole.first + start, whole.text[start:end + 1])


# ------------------------------------------------------------------ the deck's code and the links
@dataclass(frozen=True)
class Link:
    """One line of the deck's code and where the app does the same: ranges (source, first anchor, last anchor)."""

    tf: str
    ranges: tuple[tuple[str, str, str | None], ...]
    note: str | None = None  # a text key: what differs, in a few words

    def app_lines(self) -> list[Lines]:
        return [find(*span) for span in self.ranges]


@dataclass(frozen=True)
class CodeSlide:
    id: str
    title: str               # the slide's title in the deck
    tf_code: str             # the deck's code, verbatim
    links: tuple[Link, ...]

    def code_lines(self) -> list[str]:
        """The deck's lines that are code (not blank, not a comment)."""
        return [line.strip() for line in self.tf_code.splitlines() if line.strip() and not line.strip().startswith("#")]


STEP = "SoftmaxRegression.step"
TRAIN = "SoftmaxTrainer.train"
MEASURE = "SoftmaxTrainer.measure"

SLIDES: tuple[CodeSlide, ...] = (
    CodeSlide("init", "Initialisation", """\
import tensorflow as tf
X = tf.placeholder(tf.float32, [None, 28, 28, 1])
W = tf.Variable(tf.zeros([784, 10]))
b = tf.Variable(tf.zeros([10]))

init = tf.initialize_all_variables()""", (
        Link("import tensorflow as tf", (("softmax_module", "import numpy as np", None),), "code_note_numpy"),
        Link("X = tf.placeholder(tf.float32, [None, 28, 28, 1])",
             (("data.to_float", "return np.asarray(images, dtype=np.float32)", None),
              (TRAIN, "loss, batch_predictions = self.model.step(self.x_train[batch]", None)),
             "code_note_placeholder"),
        Link("W = tf.Variable(tf.zeros([784, 10]))",
             (("SoftmaxRegression.__init__", "self.weights = np.zeros((n_features, n_classes)", None),)),
        Link("b = tf.Variable(tf.zeros([10]))",
             (("SoftmaxRegression.__init__", "self.biases = np.zeros(n_classes", None),)),
        Link("init = tf.initialize_all_variables()",
             (("SoftmaxTrainer.__init__", "self.model = SoftmaxRegression()", None),)),
    )),
    CodeSlide("model", "Modèle, fonction de coût, taux d'apprentissage", """\
# model
Y = tf.nn.softmax(tf.matmul(tf.reshape(X, [-1, 784]), W) + b)
# placeholder for correct answers
Y_ = tf.placeholder(tf.float32, [None, 10])

# Loss function
cross_entropy = -tf.reduce_sum(Y_ * tf.log(Y))

# % of correct answers found in batch
is_correct = tf.equal(tf.argmax(Y, 1), tf.argmax(Y_, 1))
accuracy = tf.reduce_mean(tf.cast(is_correct, tf.float32))

optimizer = tf.train.GradientDescentOptimizer(0.003)
train_step = optimizer.minimize(cross_entropy)""", (
        Link("Y = tf.nn.softmax(tf.matmul(tf.reshape(X, [-1, 784]), W) + b)",
             (("data.flatten", "return images.reshape(images.shape[0], -1)", None),
              (STEP, "work = images @ self.weights", "work /= work.sum(axis=1, keepdims=True)"))),
        Link("Y_ = tf.placeholder(tf.float32, [None, 10])",
             ((TRAIN, "loss, batch_predictions = self.model.step(self.x_train[batch]", None),), "code_note_labels"),
        Link("cross_entropy = -tf.reduce_sum(Y_ * tf.log(Y))",
             ((STEP, "loss = float(-np.log(np.maximum(work[rows, labels]", None),), "code_note_one_hot"),
        Link("is_correct = tf.equal(tf.argmax(Y, 1), tf.argmax(Y_, 1))",
             (("SoftmaxRegression.evaluate", "predictions = probabilities.argmax(axis=1)", None),)),
        Link("accuracy = tf.reduce_mean(tf.cast(is_correct, tf.float32))",
             (("SoftmaxRegression.evaluate", "return float(np.mean(predictions == labels))", None),)),
        Link("optimizer = tf.train.GradientDescentOptimizer(0.003)",
             (("SoftmaxSettings", "learning_rate: float = setting(0.003", None),)),
        Link("train_step = optimizer.minimize(cross_entropy)",
             ((STEP, "work[rows, labels] -= 1.0", "self.biases += work.sum(axis=0)"),), "code_note_gradient"),
    )),
    CodeSlide("run", "Exécution", """\
sess = tf.Session()
sess.run(init)

for i in range(1000):
    # Load batch of images and correct answers
    batch_X, batch_Y = mnist.train.next_batch(100)
    train_data={X: batch_X, Y_: batch_Y}

    # train
    sess.run(train_step, feed_dict=train_data)

    # success ?
    a,c = sess.run([accuracy, cross_entropy], feed_dict=train_data)

    # success on test data ?
    test_data={X: mnist.test.images, Y_: mnist.test.labels}
    a,c = sess.run([accuracy, cross_entropy], feed_dict=test_data)""", (
        Link("sess = tf.Session()", (("SoftmaxTrainer.__init__", "super().__init__(settings, x_train, y_train, x_test, y_test)", None),), "code_note_session"),
        Link("sess.run(init)", (("SoftmaxTrainer.__init__", "self.model = SoftmaxRegression()", None),)),
        Link("for i in range(1000):", ((TRAIN, "for step in range(steps):", None),
                                       ("SoftmaxSettings", "iterations: int = setting(10000", None)), "code_note_loop"),
        Link("batch_X, batch_Y = mnist.train.next_batch(100)",
             ((TRAIN, "batch = self._next_batch()", None),
              ("SoftmaxTrainer._next_batch", "size = self.settings.batch_size", "self._position += size"))),
        Link("train_data={X: batch_X, Y_: batch_Y}",
             ((TRAIN, "loss, batch_predictions = self.model.step(self.x_train[batch]", "measure=step == steps - 1)"),)),
        Link("sess.run(train_step, feed_dict=train_data)",
             ((TRAIN, "loss, batch_predictions = self.model.step(self.x_train[batch]", "measure=step == steps - 1)"),)),
        Link("a,c = sess.run([accuracy, cross_entropy], feed_dict=train_data)",
             ((MEASURE, "train_accuracy=float(np.mean(trained.batch_predictions", "train_loss=trained.batch_loss / batch.size"),)),
        Link("test_data={X: mnist.test.images, Y_: mnist.test.labels}",
             ((MEASURE, "test_images, test_labels = self.x_test, self.y_test", None),)),
        Link("a,c = sess.run([accuracy, cross_entropy], feed_dict=test_data)",
             ((MEASURE, "test_accuracy, test_loss, test_predictions = model.evaluate(", None),), "code_note_every"),
    )),
    CodeSlide("five_layers", "TensorFlow - the model", """\
X = tf.reshape(X, [-1, 28*28])
Y1 = tf.nn.sigmoid(tf.matmul(X, W1) + B1)
Y2 = tf.nn.sigmoid(tf.matmul(Y1, W2) + B2)
Y3 = tf.nn.sigmoid(tf.matmul(Y2, W3) + B3)
Y4 = tf.nn.sigmoid(tf.matmul(Y3, W4) + B4)
Y = tf.nn.softmax(tf.matmul(Y4, W5) + B5)""", (
        Link("X = tf.reshape(X, [-1, 28*28])", (("data.flatten", "return images.reshape(images.shape[0], -1)", None),)),
        Link("Y1 = tf.nn.sigmoid(tf.matmul(X, W1) + B1)",
             (("mlp_module", "LESSON_LAYERS = (200, 100, 60, 30)", None),
              ("MLPTrainer.__init__", "self.classifier = MLPClassifier(", "momentum=0.9"),
              ("sklearn._forward_pass", "for i in range(self.n_layers_ - 1):", "hidden_activation(activations[i + 1])"),
              ("sklearn.inplace_logistic", "logistic_sigmoid(X, out=X)", None)), "code_note_layers"),
        Link("Y2 = tf.nn.sigmoid(tf.matmul(Y1, W2) + B2)",
             (("sklearn._forward_pass", "for i in range(self.n_layers_ - 1):", "hidden_activation(activations[i + 1])"),)),
        Link("Y3 = tf.nn.sigmoid(tf.matmul(Y2, W3) + B3)",
             (("sklearn._forward_pass", "for i in range(self.n_layers_ - 1):", "hidden_activation(activations[i + 1])"),)),
        Link("Y4 = tf.nn.sigmoid(tf.matmul(Y3, W4) + B4)",
             (("sklearn._forward_pass", "for i in range(self.n_layers_ - 1):", "hidden_activation(activations[i + 1])"),)),
        Link("Y = tf.nn.softmax(tf.matmul(Y4, W5) + B5)",
             (("sklearn._forward_pass", "output_activation = ACTIVATIONS[self.out_activation_]",
               "output_activation(activations[i + 1])"),
              ("sklearn.inplace_softmax", "tmp = X - X.max(axis=1)[:, np.newaxis]", "X /= X.sum(axis=1)[:, np.newaxis]")),
             "code_note_adam"),
    )),
)

PAGE_SLIDES = {"training": ("init", "model", "run"), "five-layers": ("five_layers",)}
NOTES = tuple(link.note for slide in SLIDES for link in slide.links if link.note is not None)


def slide(slide_id: str) -> CodeSlide:
    return next(found for found in SLIDES if found.id == slide_id)


def slides_for(page: str) -> tuple[CodeSlide, ...]:
    return tuple(slide(slide_id) for slide_id in PAGE_SLIDES.get(page, ()))


def sources_of(slides: tuple[CodeSlide, ...]) -> list[str]:
    """The app's functions and classes these slides point into, in the order they are first used (modules left out)."""
    names = dict.fromkeys(span[0] for found in slides for link in found.links for span in link.ranges)
    return [name for name in names if not inspect.ismodule(SOURCES[name])]
