"""The training dashboard's views as pure Plotly renderers, shared by every model.

They take a list of :class:`core.training.checkpoint.Checkpoint` (the run so far) and the
texts to write on them, and return figures; the page decides where they go.

Their traces are plain dicts, which ``style.compose`` makes into a figure without Plotly's
property validation (as its layout): a live run's views are built again at each new checkpoint
for each run a class trains, and validating ``go.Scatter`` arguments made a curves chart 11 ms
instead of 7 (the tests of every renderer check what they draw instead).
"""

from __future__ import annotations

import numpy as np
from plotly.colors import get_colorscale

from core.figures import palette, style
from core.training.checkpoint import PERCENTILES, wrong_first

# Colour scales written out (Plotly.js knows "Blues" but not the reversed "RdBu_r", and the traces here
# are not validated, which is where Plotly would write them out)
WEIGHTS_SCALE = get_colorscale("RdBu_r")  # red pushes up, blue down
CONFUSION_SCALE = get_colorscale("Blues")
TRAIN_COLOR = palette.TRAIN_STYLE["color"]
TEST_COLOR = palette.TEST_STYLE["color"]
# earlier runs' test curves: colours and dashes the training and test curves do not use
OTHER_COLORS = [palette.GREY, palette.ORANGE, palette.REDDISH_PURPLE]
OTHER_DASHES = ["dot", "dashdot", "longdashdot"]
LAYER_COLORS = list(palette.SERIES_COLORS)
# The margins Plotly's automargin settles on for these views at the app's type size on a laptop,
# given up front with a few pixels to spare (text is a few pixels wider or narrower from one
# machine's fonts to another's: DejaVu Sans, which CI installs, needed 5 more on the left).
# Automargin only widens the margins a figure is given, and it draws the figure
# a second time whenever it has to; Streamlit mounts a changed chart anew, so a live run draws
# each view from scratch at every poll. Given what automargin would find, a line chart is drawn
# once: 37 ms down to 19 ms in Chromium (benchmarks/run.py, "drawn in Chromium"). On a narrow
# phone, or with the presenter's larger type, automargin still widens them as it needs.
# tests/browser/test_training.py checks that a laptop's dashboard needs no widening.
MARGINS = {
    "curves": dict(l=72, r=10, t=50, b=104),  # "100 %" ticks, the x axis title, the legend below it
    "weights": dict(l=10, r=100, t=50, b=10),  # the colour bar on the right
    "biases": dict(l=72, r=86, t=50, b=72),  # the ten digits' legend on the right
    "confusion": dict(l=32, r=10, t=50, b=42),  # one-digit ticks and the axes' titles
}
# The columns of a student's table of runs (ui.dashboard), in this order where a model has them.
RUN_COLUMNS = ("run", "model", "layers", "activation", "solver", "filters", "kernel_size", "learning_rate",
               "batch_size", "iterations", "epochs", "alpha", "train_digits", "eval_every", "seed", "test_accuracy",
               "test_loss", "last_batch_accuracy", "compute_s")
# the ten digits' bias curves: seven colours and six dashes, no two digits alike in both
DIGIT_COLORS = [palette.SERIES_COLORS[k % len(palette.SERIES_COLORS)] for k in range(10)]
DIGIT_DASHES = [palette.DASHES[k % len(palette.DASHES)] for k in range(10)]


def history(checkpoints: list) -> dict[str, np.ndarray]:
    """The curves of a run: one value per checkpoint."""
    return {
        "step": np.array([c.step for c in checkpoints]),
        "train_accuracy": np.array([c.train_accuracy for c in checkpoints]),
        "test_accuracy": np.array([c.test_accuracy for c in checkpoints]),
        "train_loss": np.array([c.train_loss for c in checkpoints]),
        "test_loss": np.array([c.test_loss for c in checkpoints]),
    }


def _two_curves(x, train, test, title, x_title, y_title, names, height, percent=False,
                reference: tuple[float, str] | None = None, x_max: int | None = None, others=()):
    scale = 100.0 if percent else 1.0
    data = [
        dict(type="scatter", x=other_x, y=np.asarray(other_y) * scale, name=other_name, mode="lines",
             line=dict(color=OTHER_COLORS[i % len(OTHER_COLORS)], width=2, dash=OTHER_DASHES[i % len(OTHER_DASHES)]))
        for i, (other_name, other_x, other_y) in enumerate(others)
    ] + [
        # the training curve dashed and thin, the test curve solid and thick (not faded: 3:1 on white)
        dict(type="scatter", x=x, y=np.asarray(train) * scale, name=names[0], mode="lines",
             line=dict(color=TRAIN_COLOR, width=2, dash=palette.TRAIN_STYLE["dash"])),
        dict(type="scatter", x=x, y=np.asarray(test) * scale, name=names[1], mode="lines+markers" if len(x) < 30 else "lines",
             line=dict(color=TEST_COLOR, width=4, dash=palette.TEST_STYLE["dash"]),
             marker=dict(symbol=palette.TEST_STYLE["symbol"])),
    ]
    layout = dict(hovermode="x unified", margin=MARGINS["curves"])
    if reference is not None:
        shape, label = style.reference_line(reference[0] * scale, reference[1])
        layout.update(shapes=[shape], annotations=[label])
    return style.compose(data, height=height, title=title, layout=layout,
                           xaxes=dict(title=dict(text=x_title), range=[0, x_max] if x_max else None),
                           yaxes=dict(title=dict(text=y_title) if y_title and not percent else None,
                                      ticksuffix=" %" if percent else "", automargin=True))


def accuracy_figure(checkpoints, title, x_title, names, height=420, reference=None, x_max=None, others=()):
    """1. Accuracy on the training digits and on the test digits, in %.

    ``others`` are earlier runs' test curves, (name, steps, accuracies), drawn
    dashed on the same chart so that the class can compare settings.
    """
    h = history(checkpoints)
    fig = _two_curves(h["step"], h["train_accuracy"], h["test_accuracy"], title, x_title, "%", names, height,
                      percent=True, reference=reference, x_max=x_max, others=others)
    low = min(np.min(h["test_accuracy"]), np.min(h["train_accuracy"])) * 100 if len(h["step"]) else 0
    return style.restyle(fig, yaxes=dict(range=[max(0.0, min(low, 80.0) - 2), 100.5]))


def loss_figure(checkpoints, title, x_title, names, height=420, x_max=None):
    """2. Cross-entropy (mean per image) on the training batch and on the test digits."""
    h = history(checkpoints)
    fig = _two_curves(h["step"], h["train_loss"], h["test_loss"], title, x_title, "", names, height, x_max=x_max)
    top = float(np.percentile(np.concatenate([h["train_loss"], h["test_loss"]]), 98)) if len(h["step"]) else 1
    return style.restyle(fig, yaxes=dict(range=[0, max(top * 1.1, 0.1)], rangemode="tozero"))


def digits_figure(images, labels, predictions, title, height=None, count=100, columns=10):
    """3 and 4. Digits with their label; misrecognised ones first, on red, "true→predicted"."""
    order, wrong = wrong_first(np.arange(labels.size), labels, predictions, count)
    captions = [f"{labels[i]}→{predictions[i]}" if w else str(labels[i]) for i, w in zip(order, wrong)]
    return style.digit_grid(images[order], captions, wrong=wrong, columns=columns, title=title, height=height)


def weight_images_figure(pixel_weights: np.ndarray, titles: list[str], title: str, height=420, columns=5):
    """5a. Each neuron's weights drawn as an image: red pushes up, blue pushes down.

    ``pixel_weights`` is (side², neurons): a neuron's 784 weights on the pixels (28×28), or a
    convolution's filter (5×5 for a 5×5 filter), one column per neuron or filter.
    """
    count = pixel_weights.shape[1]
    side = int(round(np.sqrt(pixel_weights.shape[0])))
    if side * side != pixel_weights.shape[0]:
        raise ValueError(f"each column must be a square image, not {pixel_weights.shape[0]} values")
    rows = int(np.ceil(count / columns))
    gap = max(1, round(3 * side / 28))
    canvas = np.full((rows * (side + gap) - gap, columns * (side + gap) - gap), np.nan, dtype=np.float32)
    for k in range(count):
        r, c = divmod(k, columns)
        canvas[r * (side + gap):r * (side + gap) + side, c * (side + gap):c * (side + gap) + side] = \
            pixel_weights[:, k].reshape(side, side)
    limit = float(np.nanmax(np.abs(canvas))) or 1.0
    data = dict(type="heatmap", z=canvas, colorscale=WEIGHTS_SCALE, zmid=0, zmin=-limit, zmax=limit,
                hovertemplate="%{z:.3f}<extra></extra>", colorbar=dict(thickness=14))
    annotations = [dict(x=divmod(k, columns)[1] * (side + gap) + (side - 1) / 2,
                        y=divmod(k, columns)[0] * (side + gap) - 0.5 - side / 28,
                        text=text, showarrow=False, yanchor="bottom", font=dict(size=14))
                   for k, text in enumerate(titles[:count])]
    return style.compose(data, height=height, title=title,
                         layout=dict(annotations=annotations, margin=MARGINS["weights"]),
                         xaxes=dict(visible=False, constrain="domain"),
                         yaxes=dict(visible=False, autorange="reversed", scaleanchor="x"))


def percentile_bands_figure(steps, percentiles: np.ndarray, title, x_title, height=420, x_max=None,
                            median_name: str = "median"):
    """5b. The spread of a layer's weights over time: min-max, 10-90 %, 25-75 % bands and the median."""
    p = np.asarray(percentiles)
    traces = []
    bands = [(0, 6, 0.15, "min–max"), (1, 5, 0.3, "10–90 %"), (2, 4, 0.5, "25–75 %")]
    for low, high, alpha, name in bands:
        traces.append(dict(type="scatter", x=steps, y=p[:, high], mode="lines", line=dict(width=0), showlegend=False,
                           hoverinfo="skip"))
        traces.append(dict(type="scatter", x=steps, y=p[:, low], mode="lines", line=dict(width=0), fill="tonexty",
                           fillcolor=palette.rgba(palette.BLUE, alpha), name=name, hoverinfo="skip"))
    traces.append(dict(type="scatter", x=steps, y=p[:, PERCENTILES.index(50)], mode="lines", name=median_name,
                       line=dict(color=style.COLORS["ink"], width=2)))
    return style.compose(traces, height=height, title=title, layout=dict(margin=MARGINS["curves"]),
                           xaxes=dict(title=dict(text=x_title), range=[0, x_max] if x_max else None))


def layers_spread_figure(steps, per_layer: dict[str, np.ndarray], title, x_title, layer_word: str,
                         height=420, x_max=None, median_name: str = "median"):
    """5b/6 for a deep network: each layer's median and 10-90 % band over time, one colour per layer."""
    if len(per_layer) == 1:
        return percentile_bands_figure(steps, next(iter(per_layer.values())), title, x_title, height, x_max,
                                       median_name)
    traces = []
    for index, (name, p) in enumerate(per_layer.items()):
        color = LAYER_COLORS[index % len(LAYER_COLORS)]
        dash = palette.DASHES[index % len(palette.DASHES)]
        traces.append(dict(type="scatter", x=steps, y=p[:, 5], mode="lines", line=dict(width=0), showlegend=False,
                           hoverinfo="skip", legendgroup=name))
        traces.append(dict(type="scatter", x=steps, y=p[:, 1], mode="lines", line=dict(width=0), fill="tonexty",
                           fillcolor=palette.rgba(color, 0.18), showlegend=False, hoverinfo="skip",
                           legendgroup=name))
        traces.append(dict(type="scatter", x=steps, y=p[:, PERCENTILES.index(50)], mode="lines+markers" if len(steps) < 30
                           else "lines", name=f"{layer_word} {name}", line=dict(color=color, width=3, dash=dash),
                           legendgroup=name))
    return style.compose(traces, height=height, title=title, layout=dict(margin=MARGINS["curves"]),
                           xaxes=dict(title=dict(text=x_title), range=[0, x_max] if x_max else None))


def biases_figure(steps, biases: dict[str, np.ndarray], title, x_title, layer_word: str = "layer",
                  height=420, x_max=None):
    """6. The biases over time: one line per neuron (per digit) for the 10-neuron model,
    each layer's spread for a deep network."""
    if len(biases) > 1 or next(iter(biases.values())).shape[1] > 10:
        spread = {name: np.percentile(b, PERCENTILES, axis=1).T for name, b in biases.items()}
        return layers_spread_figure(steps, spread, title, x_title, layer_word, height, x_max)
    b = np.asarray(next(iter(biases.values())))
    # ten curves: a colour, a dash and a marker symbol each (a dozen markers at most on a curve)
    data = [dict(type="scatter", x=steps, y=b[:, k], mode="lines+markers", name=str(k),
                 line=dict(color=DIGIT_COLORS[k % 10], width=3, dash=DIGIT_DASHES[k % 10]),
                 marker=dict(symbol=palette.SYMBOLS[k % len(palette.SYMBOLS)], size=8, maxdisplayed=12))
            for k in range(b.shape[1])]
    return style.compose(data, height=height, title=title,
                           layout=dict(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top",
                                                   yref="paper"), margin=MARGINS["biases"]),
                           xaxes=dict(title=dict(text=x_title), range=[0, x_max] if x_max else None))


def network_figure(hidden_layers: tuple[int, ...], labels: dict[str, str], height=380, max_drawn: int = 12):
    """The architecture as columns of neurons: 784 inputs, the hidden layers, 10 outputs.

    At most ``max_drawn`` neurons are drawn per column (with "⋮" when there are
    more); the true size is written under each column.
    """
    sizes = [784, *hidden_layers, 10]
    columns = []
    for index, size in enumerate(sizes):
        drawn = min(size, max_drawn)
        ys = np.linspace(-1, 1, drawn) if drawn > 1 else np.zeros(1)
        columns.append((index, ys))
    # connections between consecutive columns, light grey
    xs, ys_line = [], []
    for (x0, left), (x1, right) in zip(columns[:-1], columns[1:]):
        for y0 in left:
            for y1 in right:
                xs += [x0, x1, None]
                ys_line += [y0, y1, None]
    traces = [dict(type="scatter", x=xs, y=ys_line, mode="lines", line=dict(color=palette.rgba(palette.GREY, 0.18), width=1),
                   hoverinfo="skip", showlegend=False)]
    annotations = []
    for (x, ys), size in zip(columns, sizes):
        kind = "input" if x == 0 else "output" if x == len(sizes) - 1 else "hidden"
        color = {"input": palette.GREY, "hidden": palette.BLUE, "output": palette.VERMILLION}[kind]
        traces.append(dict(type="scatter", x=[x] * len(ys), y=ys, mode="markers", showlegend=False,
                           marker=dict(size=13, color=color, line=dict(color="white", width=1)),
                           hovertemplate=f"{size}<extra></extra>"))
        if size > len(ys):
            annotations.append(dict(x=x, y=0, text="⋮", showarrow=False, font=dict(size=26), bgcolor="white"))
        annotations.append(dict(x=x, y=-1.28, text=f"<b>{size}</b>", showarrow=False, font=dict(size=16)))
        if kind != "hidden":
            annotations.append(dict(x=x, y=1.25, text=labels.get(kind, ""), showarrow=False,
                                    font=dict(size=14, color=color)))
    if len(sizes) > 2:  # one label over all the hidden layers
        annotations.append(dict(x=(len(sizes) - 1) / 2, y=1.25, text=labels.get("hidden", ""), showarrow=False,
                                font=dict(size=14, color=palette.BLUE)))
    return style.compose(traces, height=height, layout=dict(annotations=annotations, dragmode=False),
                           xaxes=dict(visible=False, range=[-0.5, len(sizes) - 0.5]),
                           yaxes=dict(visible=False, range=[-1.45, 1.4]))


def confusion_figure(matrix: np.ndarray, title, x_title, y_title, height=520):
    """The 10x10 confusion matrix: rows the true digit, columns the predicted one."""
    digits = [str(d) for d in range(matrix.shape[0])]
    data = dict(type="heatmap",
        z=np.log1p(matrix), x=digits, y=digits, text=matrix, texttemplate="%{text}", colorscale=CONFUSION_SCALE,
        showscale=False, hovertemplate=f"{y_title} %{{y}}, {x_title} %{{x}}: %{{text}}<extra></extra>",
        textfont=dict(size=14))
    return style.compose(data, height=height, title=title, layout=dict(margin=MARGINS["confusion"]),
                           xaxes=dict(title=x_title, side="bottom", type="category"),
                           yaxes=dict(title=y_title, autorange="reversed", type="category", scaleanchor="x"))
