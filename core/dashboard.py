"""The training dashboard's views as pure Plotly renderers, shared by every model.

They take a list of :class:`core.training.Checkpoint` (the run so far) and the
texts to write on them, and return figures; the page decides where they go.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core import figures
from core.training import PERCENTILES, wrong_first

TRAIN_COLOR = figures.COLORS["main"]
TEST_COLOR = figures.COLORS["second"]
DIGIT_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]


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
                reference: tuple[float, str] | None = None, x_max: int | None = None):
    scale = 100.0 if percent else 1.0
    fig = figures.figure([
        go.Scatter(x=x, y=np.asarray(train) * scale, name=names[0], mode="lines",
                   line=dict(color=TRAIN_COLOR, width=2), opacity=0.75),
        go.Scatter(x=x, y=np.asarray(test) * scale, name=names[1], mode="lines+markers" if len(x) < 30 else "lines",
                   line=dict(color=TEST_COLOR, width=4)),
    ])
    if reference is not None:
        fig.add_hline(y=reference[0] * scale, line=dict(color=figures.COLORS["grey"], dash="dash", width=2),
                      annotation_text=reference[1], annotation_position="bottom right")
    figures.style(fig, height=height, title=title)
    fig.update_xaxes(title=x_title, range=[0, x_max] if x_max else None)
    fig.update_yaxes(title=y_title, ticksuffix=" %" if percent else "")
    fig.update_layout(hovermode="x unified")
    return fig


def accuracy_figure(checkpoints, title, x_title, names, height=420, reference=None, x_max=None):
    """1. Accuracy on the training batch and on the test digits, in %."""
    h = history(checkpoints)
    fig = _two_curves(h["step"], h["train_accuracy"], h["test_accuracy"], title, x_title, "%", names, height,
                      percent=True, reference=reference, x_max=x_max)
    low = min(np.min(h["test_accuracy"]), np.min(h["train_accuracy"])) * 100 if len(h["step"]) else 0
    fig.update_yaxes(range=[max(0.0, min(low, 80.0) - 2), 100.5])
    return fig


def loss_figure(checkpoints, title, x_title, names, height=420, x_max=None):
    """2. Cross-entropy (mean per image) on the training batch and on the test digits."""
    h = history(checkpoints)
    fig = _two_curves(h["step"], h["train_loss"], h["test_loss"], title, x_title, "", names, height, x_max=x_max)
    top = float(np.percentile(np.concatenate([h["train_loss"], h["test_loss"]]), 98)) if len(h["step"]) else 1
    fig.update_yaxes(range=[0, max(top * 1.1, 0.1)], rangemode="tozero")
    return fig


def digits_figure(images, labels, predictions, title, height=None, count=100, columns=10):
    """3 and 4. Digits with their label; misrecognised ones first, on red, "true→predicted"."""
    order, wrong = wrong_first(np.arange(labels.size), labels, predictions, count)
    captions = [f"{labels[i]}→{predictions[i]}" if w else str(labels[i]) for i, w in zip(order, wrong)]
    return figures.digit_grid(images[order], captions, wrong=wrong, columns=columns, title=title, height=height)


def weight_images_figure(pixel_weights: np.ndarray, titles: list[str], title: str, height=420, columns=5):
    """5a. Each neuron's 784 weights drawn as a 28x28 image: red pushes up, blue pushes down."""
    count = pixel_weights.shape[1]
    rows = int(np.ceil(count / columns))
    gap = 3
    canvas = np.full((rows * (28 + gap) - gap, columns * (28 + gap) - gap), np.nan, dtype=np.float32)
    for k in range(count):
        r, c = divmod(k, columns)
        canvas[r * (28 + gap):r * (28 + gap) + 28, c * (28 + gap):c * (28 + gap) + 28] = \
            pixel_weights[:, k].reshape(28, 28)
    limit = float(np.nanmax(np.abs(canvas))) or 1.0
    fig = figures.figure(go.Heatmap(z=canvas, colorscale="RdBu_r", zmid=0, zmin=-limit, zmax=limit,
                               hovertemplate="%{z:.3f}<extra></extra>", colorbar=dict(thickness=14)))
    for k, text in enumerate(titles[:count]):
        r, c = divmod(k, columns)
        fig.add_annotation(x=c * (28 + gap) + 13.5, y=r * (28 + gap) - 1.5, text=text, showarrow=False,
                           yanchor="bottom", font=dict(size=14))
    figures.style(fig, height=height, title=title)
    fig.update_xaxes(visible=False, constrain="domain")
    fig.update_yaxes(visible=False, autorange="reversed", scaleanchor="x")
    return fig


def percentile_bands_figure(steps, percentiles: np.ndarray, title, x_title, height=420, x_max=None):
    """5b. The spread of a layer's weights over time: min-max, 10-90 %, 25-75 % bands and the median."""
    p = np.asarray(percentiles)
    fig = figures.figure()
    bands = [(0, 6, 0.15, "min–max"), (1, 5, 0.3, "10–90 %"), (2, 4, 0.5, "25–75 %")]
    for low, high, alpha, name in bands:
        fig.add_trace(go.Scatter(x=steps, y=p[:, high], mode="lines", line=dict(width=0), showlegend=False,
                                 hoverinfo="skip"))
        fig.add_trace(go.Scatter(x=steps, y=p[:, low], mode="lines", line=dict(width=0), fill="tonexty",
                                 fillcolor=f"rgba(11,87,208,{alpha})", name=name, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=steps, y=p[:, PERCENTILES.index(50)], mode="lines", name="médiane / median",
                             line=dict(color=figures.COLORS["ink"], width=2)))
    figures.style(fig, height=height, title=title)
    fig.update_xaxes(title=x_title, range=[0, x_max] if x_max else None)
    return fig


def biases_figure(steps, biases: np.ndarray, title, x_title, height=420, x_max=None):
    """6. The biases over time: one line per neuron (per digit), or their spread for a big layer."""
    b = np.asarray(biases)
    if b.shape[1] > 10:
        return percentile_bands_figure(steps, np.percentile(b, PERCENTILES, axis=1).T, title, x_title,
                                       height, x_max)
    fig = figures.figure([go.Scatter(x=steps, y=b[:, k], mode="lines", name=str(k),
                                line=dict(color=DIGIT_COLORS[k % 10], width=3)) for k in range(b.shape[1])])
    figures.style(fig, height=height, title=title)
    fig.update_xaxes(title=x_title, range=[0, x_max] if x_max else None)
    fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top"))
    return fig


def confusion_figure(matrix: np.ndarray, title, x_title, y_title, height=520):
    """The 10x10 confusion matrix: rows the true digit, columns the predicted one."""
    digits = [str(d) for d in range(matrix.shape[0])]
    fig = figures.figure(go.Heatmap(
        z=np.log1p(matrix), x=digits, y=digits, text=matrix, texttemplate="%{text}", colorscale="Blues",
        showscale=False, hovertemplate=f"{y_title} %{{y}}, {x_title} %{{x}}: %{{text}}<extra></extra>",
        textfont=dict(size=14)))
    figures.style(fig, height=height, title=title)
    fig.update_xaxes(title=x_title, side="bottom", type="category")
    fig.update_yaxes(title=y_title, autorange="reversed", type="category", scaleanchor="x")
    return fig
