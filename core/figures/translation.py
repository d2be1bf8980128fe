"""The translation page's charts: pure renderers, data in, a Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.figures import palette, style

# White paper, dark ink: the digits look the same as everywhere else in the app.
INK_SCALE = palette.INK_SCALE
CENTRE_COLOR = palette.rgba(palette.VERMILLION, 0.55)
# One colour, dash, marker and bar pattern per model, the same on every page (core.figures.palette)
MODEL_COLORS = palette.MODEL_COLORS
MODEL_STYLES = palette.MODEL_STYLES


def images_figure(images: list[np.ndarray], titles: list[str], height: int = 360,
                  hover: str = "x=%{x}, y=%{y}: %{z}") -> go.Figure:
    """28×28 images side by side, pixel by pixel, with the frame's centre marked by a cross.

    The cross sits where MNIST puts a digit's centre of mass: a shifted digit is
    seen to leave it. Hovering a pixel gives its position and grey level (0-255).
    """
    count = len(images)
    if count == 0 or len(titles) != count:
        raise ValueError("expected as many titles as images, and at least one image")
    gap = 0.06
    width = (1 - gap * (count - 1)) / count
    traces, axes, shapes, annotations = [], {}, [], []
    for index, (image, title) in enumerate(zip(images, titles)):
        image = np.asarray(image)
        side = image.shape[0]
        suffix = "" if index == 0 else str(index + 1)
        traces.append(go.Heatmap(z=image, name=title, colorscale=INK_SCALE, zmin=0, zmax=255, showscale=False,
                                 xaxis=f"x{suffix}", yaxis=f"y{suffix}", hovertemplate=hover + "<extra></extra>",
                                 xgap=1, ygap=1))
        start = index * (width + gap)
        axes[f"xaxis{suffix}"] = dict(domain=[start, start + width], range=[-0.5, side - 0.5], visible=False,
                                      constrain="domain")
        axes[f"yaxis{suffix}"] = dict(range=[side - 0.5, -0.5], visible=False, scaleanchor=f"x{suffix}",
                                      constrain="domain")
        centre = side / 2 - 0.5
        for x0, x1, y0, y1 in ((centre, centre, -0.5, side - 0.5), (-0.5, side - 0.5, centre, centre)):
            shapes.append(dict(type="line", x0=x0, x1=x1, y0=y0, y1=y1, xref=f"x{suffix}", yref=f"y{suffix}",
                               line=dict(color=CENTRE_COLOR, width=1, dash="dot")))
        shapes.append(dict(type="rect", x0=-0.5, x1=side - 0.5, y0=-0.5, y1=side - 0.5, xref=f"x{suffix}",
                           yref=f"y{suffix}", line=dict(color=palette.AXIS_LINE, width=1)))
        annotations.append(dict(text=f"<b>{title}</b>", x=start + width / 2, y=1.0, xref="paper", yref="paper",
                                xanchor="center", yanchor="bottom", showarrow=False,
                                font=dict(size=style.FONT_SIZE)))
    # the whole layout in one go (Plotly's update_layout / add_shape parse every key as a path)
    return style.compose(traces, height=height,
                           layout=dict(axes, shapes=shapes, annotations=annotations,
                                       margin=dict(l=0, r=0, t=34, b=0), dragmode=False))


def probabilities_figure(series: list[dict], true_digit: int | None, title: str, x_title: str,
                         true_label: str, height: int = 400) -> go.Figure:
    """Grouped bars of each model's probabilities over the digits 0-9, the right answer shaded.

    ``series`` is a list of dicts with ``name``, ``probabilities`` (10 values in
    [0, 1]), ``color`` and optionally ``pattern`` (a Plotly bar pattern: the palette's next one
    when missing, so that the bars of two models differ without their colours). With
    ``true_digit`` None (a student's drawing), no answer is shaded.
    """
    digits = [str(d) for d in range(10)]
    traces = []
    for index, item in enumerate(series):
        values = 100 * np.asarray(item["probabilities"], dtype=float)
        cues = palette.series_style(index)
        marker = dict(color=item.get("color") or cues["color"],
                      pattern=dict(shape=item.get("pattern", cues["pattern"]), fillmode="overlay", solidity=0.35))
        traces.append(go.Bar(x=digits, y=values, name=item["name"], marker=marker,
                             text=[f"{v:.0f}" if v >= 5 else "" for v in values], textposition="outside",
                             cliponaxis=False, hovertemplate="%{x}: %{y:.1f} %<extra>" + item["name"] + "</extra>"))
    shapes, annotations = [], []
    if true_digit is not None:  # what add_vrect draws, as plain layout entries (add_vrect costs ~10 ms)
        shapes.append(dict(type="rect", xref="x", x0=true_digit - 0.5, x1=true_digit + 0.5, yref="y domain",
                           y0=0, y1=1, fillcolor=palette.LIGHT_FILLS["green"], opacity=0.6, layer="below", line=dict(width=0)))
        annotations.append(dict(xref="x", x=true_digit, yref="y domain", y=1, xanchor="center", yanchor="bottom",
                                text=true_label, showarrow=False,
                                font=dict(size=14, color=style.COLORS["third"])))
    return style.compose(traces, height=height, title=title,
                           layout=dict(barmode="group", bargap=0.25, shapes=shapes, annotations=annotations),
                           xaxes=dict(title=x_title, type="category", categoryorder="array", categoryarray=digits),
                           yaxes=dict(range=[0, 112], ticksuffix=" %", dtick=25))


def accuracy_heatmap(grid: np.ndarray, title: str, x_title: str, y_title: str, height: int = 560) -> go.Figure:
    """Accuracy (%) for every shift (dx, dy): columns dx, rows dy, downwards as in the image."""
    grid = np.asarray(grid, dtype=float)
    if grid.ndim != 2 or grid.shape[0] != grid.shape[1] or grid.shape[0] % 2 == 0:
        raise ValueError(f"expected a square grid of odd side (2·max_shift + 1), got shape {grid.shape}")
    max_shift = grid.shape[0] // 2
    offsets = list(range(-max_shift, max_shift + 1))
    data = go.Heatmap(
        z=100 * grid, x=offsets, y=offsets, zmin=0, zmax=100, colorscale="Viridis",
        texttemplate="%{z:.0f}", textfont=dict(size=11),
        colorbar=dict(ticksuffix=" %", thickness=14),
        hovertemplate="dx=%{x}, dy=%{y}: %{z:.1f} %<extra></extra>")
    # a two-line title (a long model name, then what is measured) needs a taller top margin
    return style.compose(data, height=height, title=title,
                           layout=dict(margin=dict(t=84)) if "<br>" in title else None,
                           xaxes=dict(title=x_title, dtick=2, showgrid=False, constrain="domain"),
                           yaxes=dict(title=y_title, dtick=2, autorange="reversed", scaleanchor="x", showgrid=False,
                                      constrain="domain"))
