"""A convolutional network written by hand in numpy: layers, training, the lesson's networks.

The lesson ends where Martin Görner's talk goes on: a network whose first layers
are *convolutions*, small filters slid over the whole image, so that a stroke is
recognised wherever it is. This package is that network, with nothing hidden:

* layers that each compute their output (:meth:`Layer.forward`) and, by hand,
  the gradient of the loss with respect to their input and their weights
  (:meth:`Layer.backward`): :class:`Conv2D`, :class:`ReLU`, :class:`MaxPool2D`,
  :class:`GlobalPool`, :class:`Flatten`, :class:`Dense`, and the loss
  :class:`SoftmaxCrossEntropy`;
* :class:`ConvNet`, a list of layers that learns, predicts (``predict_proba``,
  a drop-in for the scikit-learn models of the other pages), shows what each
  layer sees (:meth:`ConvNet.feature_maps`) and is saved to / loaded from an
  ``.npz`` file (architecture as JSON text + float32 weights, no pickle);
* the optimisers :class:`SGD` (with momentum) and :class:`Adam`;
* the networks of the page: :func:`lesson_architecture`,
  :func:`global_pooling_architecture`, :func:`live_architecture`, and their
  floating-point work per epoch (:func:`epoch_flops`);
* :class:`ConvNetTrainer`, which trains one chunk of batches at a time and
  returns the same :class:`core.training.checkpoint.Checkpoint` as the other
  models, so that the dashboard serves it too;
* the networks shipped in ``data/``, trained by ``python -m core.models.convnet.train``.

One idea a module: ``layers``, ``optimizers``, ``network`` (:class:`ConvNet`),
``architectures``, ``training`` (settings and trainer), ``shipped``, ``train`` (the script).

**Memory layout: NHWC** (image, row, column, channel), float32 throughout. A
convolution is computed as one matrix product: every k×k window of the input
becomes one row of a matrix ("im2col", built from
``numpy.lib.stride_tricks.sliding_window_view``), and that matrix times the
filters, (windows, k·k·channels) @ (k·k·channels, filters), gives every output
at once. With the channels last, the window rows copy contiguous runs of
k·channels numbers, the product's result (image·row·column, filters) is
already the NHWC output (no transpose), and a dense layer reads a flattened
map without a copy. The weights of a convolution are stored (k, k, channels,
filters), the order of a window row. Nearly all the work is then done by the
BLAS's matrix product; the rest (copying windows, ReLU, pooling) only moves
memory. The backward pass is matrix products as well: the filters' gradient is
windowsᵀ @ output-gradient, and the input's gradient is the convolution of the
zero-padded output gradient with the filters flipped (im2col again, one
product), never a Python loop over positions nor ``np.add.at``.
"""
