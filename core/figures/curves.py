"""Named curves and bars on one chart: the limits' experiments, the translation and convolution pages."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from core.figures import palette, style


def curves_figure(series: list[dict], title: str, x_title: str, y_title: str, percent: bool = False,
                  references: list[tuple[float, str]] = (), height: int = 460, x_log: bool = False,
                  markers: list[dict] = (), vertical: float | None = None,
                  y_range: tuple[float, float] | None = None) -> go.Figure:
    """Several named curves on one chart.

    Each series is a dict with ``name``, ``x``, ``y`` and optionally ``color``,
    ``dash`` ("solid", "dash", "dot"), ``symbol`` (a Plotly marker symbol) and ``width``;
    a series without them takes the palette's next ones (:func:`palette.series_style`). Every
    curve has markers, a dozen at most, of its own symbol: with the dash, they tell the curves
    apart without their colours (in grey scale, or for a colour-blind student). ``references`` are
    horizontal lines (value, label), ``markers`` single points (x, y, text, color),
    ``vertical`` a dotted vertical line at that x (where the student is now).
    """
    scale = 100.0 if percent else 1.0
    traces = []
    for index, item in enumerate(series):
        cues = palette.series_style(index)
        color = item.get("color") or cues["color"]
        traces.append(go.Scatter(
            x=item["x"], y=np.asarray(item["y"], dtype=float) * scale, name=item["name"], mode="lines+markers",
            line=dict(color=color, dash=item.get("dash", "solid"), width=item.get("width", 3)),
            marker=dict(symbol=item.get("symbol", cues["symbol"]), size=9, color=color, maxdisplayed=12),
            legendgroup=item.get("group"),
        ))
    shapes, annotations = [], []
    for value, label in references:  # what add_hline draws, as plain layout entries
        shape, text = style.reference_line(value * scale, label)
        shape["line"] = dict(color=style.COLORS["grey"], dash="dot", width=2)
        shapes.append(shape)
        annotations.append(text)
    if vertical is not None:
        shapes.append(dict(type="line", xref="x", x0=vertical, x1=vertical, yref="y domain", y0=0, y1=1,
                           line=dict(color=style.COLORS["grey"], dash="dot", width=2)))
    traces += [go.Scatter(x=[marker["x"]], y=[marker["y"] * scale], mode="markers+text",
                          text=[marker["text"]], textposition="top center", showlegend=False,
                          marker=dict(size=14, color=marker.get("color", style.COLORS["ink"]), symbol="diamond"))
               for marker in markers]
    return style.compose(traces, height=height, title=title,
                           layout=dict(shapes=shapes, annotations=annotations),
                           xaxes=dict(title=x_title, type="log" if x_log else None),
                           yaxes=dict(title=None if percent else y_title, ticksuffix=" %" if percent else "",
                                      automargin=True, range=list(y_range) if y_range else None))


def gap_bars_figure(names: list[str], gaps: list[float], colors: list[str], title: str, y_title: str,
                    height: int = 380) -> go.Figure:
    """The final gap (train − test accuracy) of each run, as bars."""
    data = go.Bar(x=names, y=gaps, marker_color=colors, texttemplate="%{y:.1f}",  # Plotly writes 2,5 in French
                  textposition="outside", cliponaxis=False)
    return style.compose(data, height=height, title=title, yaxes=dict(title=y_title, rangemode="tozero"))
