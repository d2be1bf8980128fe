"""The translation page's charts: pure renderers, data in, a Plotly figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core import figures

# White paper, dark ink: the digits look the same as everywhere else in the app.
INK_SCALE = [[0.0, "#FFFFFF"], [1.0, figures.COLORS["ink"]]]
CENTRE_COLOR = "rgba(179, 38, 30, 0.55)"
MODEL_COLORS = {"softmax": "#0B57D0", "mlp": "#B3261E", "augmented": "#1E8E3E", "convolution": "#8430CE"}


def images_figure(images: list[np.ndarray], titles: list[str], height: int = 360,
                  hover: str = "x=%{x}, y=%{y}: %{z}") -> go.Figure:
    """28×28 images side by side, pixel by pixel, with the frame's centre marked by a cross.

    The cross sits where MNIST puts a digit's centre of mass: a shifted digit is
    seen to leave it. Hovering a pixel gives its position and grey level (0-255).
    """
    count = len(images)
    if count == 0 or len(titles) != count:
        raise ValueError("expected as many titles as images, and at least one image")
    fig = figures.figure()
    gap = 0.06
    width = (1 - gap * (count - 1)) / count
    annotations = []
    for index, (image, title) in enumerate(zip(images, titles)):
        image = np.asarray(image)
        side = image.shape[0]
        suffix = "" if index == 0 else str(index + 1)
        fig.add_trace(go.Heatmap(z=image, colorscale=INK_SCALE, zmin=0, zmax=255, showscale=False,
                                 xaxis=f"x{suffix}", yaxis=f"y{suffix}", hovertemplate=hover + "<extra></extra>",
                                 xgap=1, ygap=1))
        start = index * (width + gap)
        fig.update_layout({
            f"xaxis{suffix}": dict(domain=[start, start + width], range=[-0.5, side - 0.5], visible=False,
                                   constrain="domain"),
            f"yaxis{suffix}": dict(range=[side - 0.5, -0.5], visible=False, scaleanchor=f"x{suffix}",
                                   constrain="domain"),
        })
        centre = side / 2 - 0.5
        for x0, x1, y0, y1 in ((centre, centre, -0.5, side - 0.5), (-0.5, side - 0.5, centre, centre)):
            fig.add_shape(type="line", x0=x0, x1=x1, y0=y0, y1=y1, xref=f"x{suffix}", yref=f"y{suffix}",
                          line=dict(color=CENTRE_COLOR, width=1, dash="dot"))
        fig.add_shape(type="rect", x0=-0.5, x1=side - 0.5, y0=-0.5, y1=side - 0.5, xref=f"x{suffix}",
                      yref=f"y{suffix}", line=dict(color="#C4C7CC", width=1))
        annotations.append(dict(text=f"<b>{title}</b>", x=start + width / 2, y=1.0, xref="paper", yref="paper",
                                xanchor="center", yanchor="bottom", showarrow=False,
                                font=dict(size=figures.FONT_SIZE)))
    figures.style(fig, height=height)
    fig.update_layout(annotations=annotations, margin=dict(l=0, r=0, t=34, b=0), dragmode=False)
    return fig


def probabilities_figure(series: list[dict], true_digit: int | None, title: str, x_title: str,
                         true_label: str, height: int = 400) -> go.Figure:
    """Grouped bars of each model's probabilities over the digits 0-9, the right answer shaded.

    ``series`` is a list of dicts with ``name``, ``probabilities`` (10 values in
    [0, 1]) and ``color``. With ``true_digit`` None (a student's drawing), no
    answer is shaded.
    """
    digits = [str(d) for d in range(10)]
    fig = figures.figure()
    for item in series:
        values = 100 * np.asarray(item["probabilities"], dtype=float)
        fig.add_trace(go.Bar(x=digits, y=values, name=item["name"], marker_color=item.get("color"),
                             text=[f"{v:.0f}" if v >= 5 else "" for v in values], textposition="outside",
                             cliponaxis=False, hovertemplate="%{x}: %{y:.1f} %<extra>" + item["name"] + "</extra>"))
    if true_digit is not None:
        fig.add_vrect(x0=true_digit - 0.5, x1=true_digit + 0.5, fillcolor="#CEEAD6", opacity=0.6, layer="below",
                      line_width=0, annotation_text=true_label, annotation_position="top",
                      annotation_font=dict(size=14, color=figures.COLORS["third"]))
    figures.style(fig, height=height, title=title)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title=x_title, type="category", categoryorder="array", categoryarray=digits)
    fig.update_yaxes(range=[0, 112], ticksuffix=" %", dtick=25)
    return fig


def accuracy_heatmap(grid: np.ndarray, title: str, x_title: str, y_title: str, height: int = 560) -> go.Figure:
    """Accuracy (%) for every shift (dx, dy): columns dx, rows dy, downwards as in the image."""
    grid = np.asarray(grid, dtype=float)
    if grid.ndim != 2 or grid.shape[0] != grid.shape[1] or grid.shape[0] % 2 == 0:
        raise ValueError(f"expected a square grid of odd side (2·max_shift + 1), got shape {grid.shape}")
    max_shift = grid.shape[0] // 2
    offsets = list(range(-max_shift, max_shift + 1))
    fig = figures.figure(go.Heatmap(
        z=100 * grid, x=offsets, y=offsets, zmin=0, zmax=100, colorscale="Viridis",
        texttemplate="%{z:.0f}", textfont=dict(size=11),
        colorbar=dict(ticksuffix=" %", thickness=14),
        hovertemplate="dx=%{x}, dy=%{y}: %{z:.1f} %<extra></extra>"))
    figures.style(fig, height=height, title=title)
    if "<br>" in title:  # a two-line title (a long model name, then what is measured)
        fig.update_layout(margin=dict(t=84))
    fig.update_xaxes(title=x_title, dtick=2, showgrid=False, constrain="domain")
    fig.update_yaxes(title=y_title, dtick=2, autorange="reversed", scaleanchor="x", showgrid=False,
                     constrain="domain")
    return fig
