"""The convolution page's charts: pure renderers, arrays in, a Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.figures import palette, style
from core.figures.curves import curves_figure
from core.lesson import convolution, translation
from core.models.convnet import shipped

INK_SCALE = palette.INK_SCALE
# negative blue, zero white, positive vermillion: how strongly (and with which sign) a filter answers
SIGNED_SCALE = palette.SIGNED_SCALE
# after ReLU: nothing (white) to a strong answer (dark vermillion)
POSITIVE_SCALE = palette.POSITIVE_SCALE
HIGHLIGHT = palette.ORANGE

KINDS = {"image": INK_SCALE, "signed": SIGNED_SCALE, "positive": POSITIVE_SCALE}


def _colour_range(array: np.ndarray, kind: str, limit: float | None) -> tuple[float, float]:
    if limit is not None:
        return (-limit, limit) if kind == "signed" else (0.0, limit)
    finite = array[np.isfinite(array)]
    peak = float(np.abs(finite).max()) if finite.size else 0.0
    if kind == "image":  # grey levels 0-255, or floats in [0, 1]
        return 0.0, 255.0 if peak > 1.0 else 1.0
    peak = peak or 1.0
    return (-peak, peak) if kind == "signed" else (0.0, peak)


def heatmaps_figure(arrays: list[np.ndarray], titles: list[str], kind: str | list[str] = "image",
                    columns: int | None = None, height: int = 360, annotate: bool = False,
                    highlights: dict[int, tuple[int, int, int]] | None = None,
                    limit: float | list[float | None] | None = None, number_format: str = ".2f",
                    title: str | None = None, decimal_comma: bool = False) -> go.Figure:
    """Small heatmaps in a grid, each a matrix drawn cell by cell with row 0 at the top.

    ``kind`` chooses the colours: "image" (white paper, dark ink), "signed"
    (blue below zero, red above, white at zero) or "positive" (after ReLU);
    one kind for all, or a list with one per array (and so can ``limit``).
    ``annotate`` writes each cell's value (for small matrices: a kernel, a
    patch). ``highlights`` maps an array's index to a square (row, col, size)
    drawn around those cells (the patch under the filter). ``limit`` fixes the
    colour range (otherwise each array's own largest magnitude). NaN cells are
    left blank (a feature map not computed yet). ``decimal_comma`` writes the
    numbers the French way (0,25).
    """
    count = len(arrays)
    if count == 0 or len(titles) != count:
        raise ValueError("expected as many titles as arrays, and at least one array")
    kinds = list(kind) if isinstance(kind, (list, tuple)) else [kind] * count
    limits = list(limit) if isinstance(limit, (list, tuple)) else [limit] * count
    if len(kinds) != count or len(limits) != count or any(k not in KINDS for k in kinds):
        raise ValueError(f"kind must be one of {sorted(KINDS)} (or one per array), got {kind!r}")
    columns = columns or count
    rows = int(np.ceil(count / columns))
    gap_x, gap_y = 0.04, 0.10 if rows > 1 else 0.0
    width = (1 - gap_x * (columns - 1)) / columns
    cell_height = (1 - gap_y * (rows - 1)) / rows
    traces, axes, shapes, annotations = [], {}, [], []
    for index, (array, label, kind, limit) in enumerate(zip(arrays, titles, kinds, limits)):
        array = np.asarray(array, dtype=float)
        row, col = divmod(index, columns)
        suffix = "" if index == 0 else str(index + 1)
        zmin, zmax = _colour_range(array, kind, limit)
        trace = dict(z=array, name=label, colorscale=KINDS[kind], zmin=zmin, zmax=zmax, showscale=False,
                     xaxis=f"x{suffix}", yaxis=f"y{suffix}", xgap=1, ygap=1,
                     hovertemplate="(%{y}, %{x}): %{z:" + number_format + "}<extra></extra>")
        if annotate:
            trace.update(texttemplate="%{z:" + number_format + "}", textfont=dict(size=14))
        traces.append(go.Heatmap(**trace))
        x0 = col * (width + gap_x)
        y1 = 1 - row * (cell_height + gap_y)
        n_rows, n_cols = array.shape
        axes[f"xaxis{suffix}"] = dict(domain=[max(0.0, x0), min(1.0, x0 + width)], range=[-0.5, n_cols - 0.5],
                                      visible=False, constrain="domain")
        axes[f"yaxis{suffix}"] = dict(domain=[max(0.0, y1 - cell_height), min(1.0, y1)],
                                      range=[n_rows - 0.5, -0.5], visible=False,
                                      scaleanchor=f"x{suffix}", constrain="domain")
        shapes.append(dict(type="rect", x0=-0.5, x1=n_cols - 0.5, y0=-0.5, y1=n_rows - 0.5, xref=f"x{suffix}",
                           yref=f"y{suffix}", line=dict(color=palette.AXIS_LINE, width=1)))
        if highlights and index in highlights:
            top, left, size = highlights[index]
            shapes.append(dict(type="rect", x0=left - 0.5, x1=left + size - 0.5, y0=top - 0.5,
                               y1=top + size - 0.5, xref=f"x{suffix}", yref=f"y{suffix}",
                               line=dict(color=HIGHLIGHT, width=3)))
        annotations.append(dict(text=f"<b>{label}</b>", x=x0 + width / 2, y=y1, xref="paper", yref="paper",
                                xanchor="center", yanchor="bottom", showarrow=False,
                                font=dict(size=style.FONT_SIZE - (2 if columns > 4 else 0))))
    # the whole layout in one go: Plotly's update_layout / add_shape parse every key as a path
    # (this figure is redrawn at each step of the page's animation)
    return style.compose(traces, height=height, title=title,
                           layout=dict(axes, shapes=shapes, annotations=annotations,
                                       margin=dict(l=0, r=0, t=(64 if title else 30), b=0),
                                       dragmode=False, separators=", " if decimal_comma else ". "))


def revealed(feature_map: np.ndarray, steps: int) -> np.ndarray:
    """The feature map as computed after ``steps`` positions, row by row; the rest NaN (blank)."""
    shown = np.array(feature_map, dtype=float)
    flat = shown.reshape(-1)
    flat[max(0, int(steps)):] = np.nan
    return shown


def features_figure(original: np.ndarray, moved: np.ndarray, names: tuple[str, str], title: str, x_title: str,
                    colors: tuple[str, str] = (palette.BLUE, palette.ORANGE), height: int = 360) -> go.Figure:
    """What a network's dense layer reads, for a digit and the same digit moved: two bars per feature
    (the moved digit's hatched, so that they differ without their colours)."""
    features = np.arange(1, len(original) + 1)
    traces = [go.Bar(x=features, y=np.asarray(values, dtype=float), name=name,
                     marker=dict(color=color, pattern=dict(shape=pattern, fillmode="overlay", solidity=0.35)),
                     hovertemplate="%{x}: %{y:.2f}<extra>" + name + "</extra>")
              for values, name, color, pattern in zip((original, moved), names, colors, ("", "/"))]
    return style.compose(traces, height=height, title=title, layout=dict(barmode="group", bargap=0.15),
                         xaxes=dict(title=x_title), yaxes=dict(rangemode="tozero"))


def similarity_figure(network: str, digit: np.ndarray, direction: str, names: dict[str, str], title: str,
                      x_title: str, color: str, height: int = 400) -> go.Figure:
    """How much ``digit`` still looks like itself moved 0..8 pixels: its pixels, and the features of the shipped
    network ``network``.

    18 passes through the network (core.lesson.convolution.feature_similarity): shown through
    ``ui.common.shared_chart``, they are made once for the server for a digit, network and direction.
    """
    shifts = list(range(translation.PAGE_SHIFT + 1))
    likeness = convolution.feature_similarity(shipped.load_shipped(network), digit, shifts, direction)
    colors = {"pixels": style.COLORS["grey"], "features": color}
    dashes = {"pixels": "dot", "features": "solid"}
    return curves_figure([dict(name=names[kind], x=shifts, y=values, color=colors[kind], dash=dashes[kind])
                          for kind, values in likeness.items()], title, x_title, "cos", height=height)
