"""Small pure renderers: data in, a Plotly figure out (no Streamlit here).

Every figure uses large type so that it reads on a classroom projector, and
relies on the page to stretch it to the container width so that it also fits
a phone.
"""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from PIL import Image

from core.figures import palette

FONT_SIZE = 16
TITLE_SIZE = 20
# The colours of core.figures.palette (colour-blind safe, 3:1 at least on the white background)
COLORS = {
    "main": palette.BLUE,
    "second": palette.VERMILLION,
    "third": palette.BLUISH_GREEN,
    "grey": palette.GREY,
    "ink": palette.INK,
}
# RGB triplets for images composed pixel by pixel
WRONG_BACKGROUND_RGB = palette.WRONG_BACKGROUND_RGB
INK_RGB = palette.rgb(palette.INK)
WRONG_TEXT = palette.WRONG_TEXT  # a misrecognised digit's caption, 4.5:1 on its pink cell


def _lesson_template() -> dict:
    """Plotly's default look ("plotly") restricted to what these charts use.

    The full template (maps, 3-D scenes, polar plots and 24 trace types) is copied with every
    figure each time it is shown: ``to_dict`` of the dashboard's figures took 15 % of the
    server's Python time with thirty students (py-spy). This one is a tenth of its size and
    draws the same charts.
    """
    full = pio.templates["plotly"].to_plotly_json()
    layout = {key: value for key, value in full["layout"].items() if key not in ("geo", "polar", "scene", "ternary")}
    data = {kind: full["data"][kind] for kind in ("bar", "heatmap", "scatter", "histogram") if kind in full["data"]}
    return {"layout": layout, "data": data}


LESSON_TEMPLATE = _lesson_template()


def figure(data=None) -> go.Figure:
    """A new figure whose later updates skip Plotly's property validation.

    Validation costs about 0.1 s per figure (the template alone), which would
    make the live dashboard lag; every renderer here is covered by tests instead.
    """
    return go.Figure(data=data, layout={"template": LESSON_TEMPLATE}, _validate=False)


def _merge(base: dict, updates: dict) -> dict:
    """``base`` updated by ``updates`` like Plotly's update: nested dicts merge, None removes."""
    merged = dict(base)
    for key, value in updates.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _plain(value):
    """A layout property as plain data (a compound property as its dict)."""
    return value.to_plotly_json() if hasattr(value, "to_plotly_json") else value


def restyle(fig: go.Figure, layout: dict | None = None, xaxes: dict | None = None,
            yaxes: dict | None = None) -> go.Figure:
    """``fig.update_layout(**layout)``, ``update_xaxes(**xaxes)``, ``update_yaxes(**yaxes)``, fast.

    Each top-level layout property is merged as a plain dict and set back whole. Plotly's
    ``update_*`` methods parse every key as a property path: 5 to 15 ms a call, which made the
    live training dashboard (seven figures redrawn for every student every 0.4 s) the server's
    bottleneck (py-spy, 10 simulated students). Setting a property whole is almost free.
    """
    updates = dict(layout or {})
    for prefix, axis_updates, attribute in (("xaxis", xaxes, "xaxis"), ("yaxis", yaxes, "yaxis")):
        if not axis_updates:
            continue
        # the axes the traces use ("x", "x2", ...), and always the first one
        names = {prefix} | {prefix + str(getattr(trace, attribute))[1:] for trace in fig.data
                            if getattr(trace, attribute, None)}
        for name in names:
            updates[name] = _merge(updates.get(name) or {}, axis_updates)
    with fig.batch_update():
        for key, value in updates.items():
            try:
                current = _plain(fig.layout[key])
            except KeyError:  # a subplot's axis ("xaxis2") that no layout entry has made yet
                current = None
            if value is None:
                fig.layout[key] = None
            elif isinstance(value, dict) and isinstance(current, dict):
                fig.layout[key] = _merge(current, value)
            else:
                fig.layout[key] = value
    return fig


AXES = dict(gridcolor=palette.GRID, zerolinecolor=palette.AXIS_LINE, linecolor=palette.AXIS_LINE, automargin=True)

# ------------------------------------------------------------------------------ the language
# Plotly writes every number it formats (ticks, hover, texttemplate) with layout.separators: its
# decimal mark, then its thousands mark. A renderer therefore never formats a number into a
# string itself: it gives Plotly the number and a d3 format ("%{y:.1f}").
SEPARATORS = {"fr": ",\u202f", "en": ".,"}
# The keys whose strings are a chart's words around its numbers ("%{y:.1f} %", "10–90 %"): a
# renderer writes them with ordinary spaces, and :func:`localize` sets them in the language.
_WORDED = ("ticksuffix", "hovertemplate", "texttemplate", "name", "text")
_FRENCH = ((re.compile(r"[ \u00a0]+%(?!\{)"), "\u00a0%"),       # 92 %, not "%{y}"
           (re.compile(r"(?<=[^\s\u00a0>]) ?: (?=[^ ])"), "\u00a0: "),  # "%{x} : %{y}"
           (re.compile(r"(?<=[^\s\u00a0]) +([;!?])"), "\u202f\\1"))
_ENGLISH = ((re.compile(r"[ \u00a0\u202f]+(%(?!\{)|[;!?])"), "\\1"),)


def _worded(text: str, rules) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def _localize_strings(node, rules) -> None:
    """Every worded string (see ``_WORDED``) in the dicts of a figure's spec, set by ``rules``.

    Only dicts and lists of dicts are walked (layout, traces, annotations, colour bars): a
    trace's data arrays, and a list of texts a student typed (a nickname), are left as they are.
    """
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                if key in _WORDED:
                    node[key] = _worded(value, rules)
            elif isinstance(value, dict) or (isinstance(value, (list, tuple)) and value
                                             and isinstance(value[0], dict)):
                _localize_strings(value, rules)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _localize_strings(item, rules)


def localize(spec: dict, language: str) -> dict:
    """A figure's spec (``fig.to_dict()``, changed in place) written in ``language``.

    Plotly's numbers get the language's decimal and thousands marks (0,5 and 60 000 in
    French), and the words the renderer wrote around them its typography: "92 %" and
    "x : y" with no-break spaces in French, "92%" in English. The texts a page passed in
    (titles, names) come from ``core.texts`` already set; setting them again changes nothing.
    """
    spec.setdefault("layout", {})["separators"] = SEPARATORS.get(language, SEPARATORS["en"])
    _localize_strings(spec, _FRENCH if language == "fr" else _ENGLISH)
    return spec


def _look(height: int, title: str | None) -> dict:
    """The app's readable style as layout properties."""
    # The look of Plotly's "plotly_white" template, set directly: a named template is
    # expanded in Python, which is what costs the time skipped by ``figure()``.
    look = dict(
        paper_bgcolor=palette.BACKGROUND,
        plot_bgcolor=palette.BACKGROUND,
        height=height,
        font=dict(size=FONT_SIZE, color=COLORS["ink"]),
        colorway=list(palette.SERIES_COLORS),
        margin=dict(l=10, r=10, t=50 if title else 20, b=10),
        # the legend at the bottom of the figure, below the x axis title whatever the plot's height
        legend=dict(orientation="h", yref="container", y=0, yanchor="bottom", xanchor="left", x=0),
    )
    if title:
        look["title"] = dict(text=title, font=dict(size=TITLE_SIZE), x=0, xanchor="left")
    return look


def style(fig: go.Figure, height: int = 420, title: str | None = None, layout: dict | None = None,
          xaxes: dict | None = None, yaxes: dict | None = None) -> go.Figure:
    """Apply the app's readable style to a figure (in place) and return it.

    ``layout``, ``xaxes`` and ``yaxes`` are the figure's own settings on top of the style
    (see :func:`restyle`). A new figure is made faster by :func:`compose`.
    """
    restyle(fig, _merge(_look(height, title), layout or {}), _merge(AXES, xaxes or {}), _merge(AXES, yaxes or {}))
    return fig


def _axis_names(traces: list, prefix: str) -> set[str]:
    """The layout's axes ("xaxis", "xaxis2", ...) that the traces are drawn on, and always the first."""
    names = {prefix}
    for trace in traces:
        reference = trace.get(prefix) if isinstance(trace, dict) else getattr(trace, prefix, None)
        if reference:
            names.add(prefix + str(reference)[1:])
    return names


def compose(data=(), height: int = 420, title: str | None = None, layout: dict | None = None,
            xaxes: dict | None = None, yaxes: dict | None = None) -> go.Figure:
    """A new figure in the app's style with its whole layout, made in one go.

    The same figure as ``style(figure(data), ...)``, without setting the layout property by
    property afterwards: Plotly's ``update_layout``/``add_shape``/``add_annotation`` parse each
    key as a path, and reading an axis not made yet ("xaxis2") computes a spelling suggestion
    over every property name. Measured (``benchmarks/run.py``, figures): a bar chart 8.1 ms
    the old way and 1.1 ms this way, the lesson's L = X·W + b diagram 23 ms and 0.9 ms, the
    convolution page's eight feature maps 62 ms and 8 ms.
    """
    traces = list(data) if isinstance(data, (list, tuple)) else [data]
    full = _merge(_look(height, title), layout or {})
    for prefix, updates in (("xaxis", _merge(AXES, xaxes or {})), ("yaxis", _merge(AXES, yaxes or {}))):
        for name in _axis_names(traces, prefix):
            full[name] = _merge(full.get(name) or {}, updates)
    full["template"] = LESSON_TEMPLATE
    return go.Figure(data=traces, layout=full, _validate=False)


def reference_line(y: float, text: str, color: str = COLORS["grey"]) -> tuple[dict, dict]:
    """A dashed horizontal line across the plot and its label at the bottom right, as layout
    entries (a shape, an annotation): what ``add_hline`` makes, without its cost."""
    shape = dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=y, y1=y,
                 line=dict(color=color, dash="dash", width=2))
    label = dict(xref="x domain", x=1, xanchor="right", yref="y", y=y, yanchor="top", text=text,
                 showarrow=False)
    return shape, label


def png_data_uri(rgb: np.ndarray) -> str:
    """Encode an (h, w, 3) uint8 image as a PNG data URI (compact for the browser)."""
    buffer = io.BytesIO()
    # compress_level 1: a few per cent larger than the default 6, several times faster to encode
    Image.fromarray(np.asarray(rgb, dtype=np.uint8)).save(buffer, format="PNG", optimize=False, compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def compose_digit_tiles(images: np.ndarray, wrong: np.ndarray | None = None, columns: int = 10,
                        pad: int = 2, band: int = 11) -> tuple[np.ndarray, int, int]:
    """Lay digits out on a white canvas: dark ink, red background for ``wrong`` ones.

    Returns the RGB canvas and the size of one cell (width, height); each cell
    has a caption band of ``band`` pixels above the 28x28 digit.
    """
    images = np.asarray(images)
    count = images.shape[0]
    rows = max(1, int(np.ceil(count / columns)))
    side = images.shape[1]
    cell_w, cell_h = side + 2 * pad, side + band + pad
    white = np.array((255, 255, 255), dtype=np.float32)
    backgrounds = np.tile(white, (rows * columns, 1))  # one colour per cell, empty cells white
    if wrong is not None:
        backgrounds[:count][np.asarray(wrong, dtype=bool)[:count]] = WRONG_BACKGROUND_RGB
    cells = np.empty((rows * columns, cell_h, cell_w, 3), dtype=np.float32)
    cells[:] = backgrounds[:, None, None, :]
    alpha = images.astype(np.float32)[..., None] / 255.0
    ink = np.array(INK_RGB, dtype=np.float32)
    cells[:count, band:band + side, pad:pad + side] = (1 - alpha) * backgrounds[:count, None, None, :] + alpha * ink
    canvas = (cells.astype(np.uint8).reshape(rows, columns, cell_h, cell_w, 3)
              .transpose(0, 2, 1, 3, 4).reshape(rows * cell_h, columns * cell_w, 3))
    return canvas, cell_w, cell_h


def digit_grid(images: np.ndarray, captions: list[str], wrong: np.ndarray | None = None,
               columns: int = 10, title: str | None = None, height: int | None = None,
               caption_size: int = 13) -> go.Figure:
    """A grid of digits with a caption above each (e.g. its label, or "7 → 1").

    The captions are one text trace, not one annotation each: a live dashboard draws two grids
    of a hundred digits at every poll, and Streamlit mounts a chart anew whenever its figure
    changes, so every poll draws it from scratch: in Chromium a grid took 83 ms to draw with a
    hundred annotations and 33 ms with the text trace (drawn as ``benchmarks/run.py``'s "drawn in
    Chromium" figures are).
    """
    canvas, cell_w, cell_h = compose_digit_tiles(images, wrong, columns)
    count = len(captions)
    rows_of, columns_of = np.divmod(np.arange(count), columns)
    colors = [WRONG_TEXT if wrong is not None and bool(wrong[index]) else COLORS["ink"]
              for index in range(count)]
    image = dict(type="image", source=png_data_uri(canvas), hoverinfo="skip")
    labels = dict(type="scatter", x=columns_of * cell_w + cell_w / 2, y=rows_of * cell_h + 5.5, text=list(captions),
                  mode="text", textfont=dict(size=caption_size, color=colors), hoverinfo="skip", showlegend=False)
    rows = canvas.shape[0] // cell_h
    height_px, width_px = canvas.shape[:2]
    return compose([image, labels], height=height or int(90 + rows * 62), title=title,
                   layout=dict(margin=dict(l=0, r=0, t=50 if title else 0, b=0)),
                   xaxes=dict(visible=False, showgrid=False, range=[-0.5, width_px - 0.5], automargin=False),
                   yaxes=dict(visible=False, showgrid=False, range=[height_px - 0.5, -0.5], automargin=False,
                              scaleanchor="x"))


def bars(values: np.ndarray, title: str, x_title: str, y_title: str, color: str = COLORS["main"],
         text: list[str] | None = None, y_range: tuple[float, float] | None = None,
         labels: list[str] | None = None, height: int = 380) -> go.Figure:
    """A bar chart of one vector, with the values written on the bars."""
    values = np.asarray(values, dtype=float)
    x = labels if labels is not None else [str(i + 1) for i in range(values.size)]
    data = go.Bar(x=x, y=values, marker_color=color, text=text, textposition="outside",
                  cliponaxis=False, hovertemplate="%{x}: %{y:.4g}<extra></extra>")
    return compose(data, height=height, title=title, xaxes=dict(title=x_title, type="category"),
                   yaxes=dict(title=y_title, range=y_range, zeroline=True, zerolinecolor=palette.ZERO_LINE))


def prediction_vs_label(probabilities: np.ndarray, label: int, title: str, name_prediction: str,
                        name_label: str, x_title: str, y_title: str, height: int = 380) -> go.Figure:
    """Grouped bars: the predicted distribution y beside the one-hot answer y'."""
    digits = [str(d) for d in range(len(probabilities))]
    target = np.zeros(len(probabilities))
    target[label] = 1.0
    data = [
        go.Bar(x=digits, y=probabilities, name=name_prediction, marker=dict(color=COLORS["main"]),
               hovertemplate="%{x}: %{y:.3f}<extra></extra>"),
        # hatched, not faded: a faded green fell under 3:1 on white, and the hatching tells it apart in grey
        go.Bar(x=digits, y=target, name=name_label,
               marker=dict(color=COLORS["third"], pattern=dict(shape="/", fillmode="overlay", solidity=0.4)),
               hovertemplate="%{x}: %{y:.0f}<extra></extra>"),
    ]
    return compose(data, height=height, title=title, layout=dict(barmode="group"),
                   xaxes=dict(title=x_title, type="category"), yaxes=dict(title=y_title, range=[0, 1.05]))


def neg_log_curve(probability: float, title: str, x_title: str, height: int = 380) -> go.Figure:
    """The curve −ln(p) for p in (0, 1], with the current point marked (ln: the natural logarithm, as the lesson's
    students write it; "log" is their base 10)."""
    p = np.linspace(0.005, 1.0, 300)
    data = [
        go.Scatter(x=p, y=-np.log(p), mode="lines", line=dict(color=COLORS["grey"], width=3),
                   hovertemplate="p = %{x:.2f} : %{y:.2f}<extra></extra>", showlegend=False),
        go.Scatter(x=[probability], y=[-np.log(max(probability, 1e-12))], mode="markers",
                   marker=dict(size=16, color=COLORS["second"]), showlegend=False,
                   hovertemplate="p = %{x:.3f} : %{y:.3f}<extra></extra>"),
    ]
    return compose(data, height=height, title=title, xaxes=dict(title=x_title, range=[0, 1.02]),
                   yaxes=dict(title="−ln(p)", range=[0, 5.5]))


def matrix_shapes(batch: int, labels: dict[str, str], height: int = 330) -> go.Figure:
    """A block diagram of L = X·W + b with each array's shape; b broadcast on every row.

    Rectangles are drawn with compressed (logarithmic) sizes so that 784 and 10
    both stay visible; the true shapes are written on them.
    """
    def size(n: int) -> float:
        return 0.6 + 0.9 * np.log10(max(n, 1))

    blocks = [  # name, rows, columns, colour
        ("X", batch, 784, palette.LIGHT_FILLS["blue"]),
        ("W", 784, 10, palette.LIGHT_FILLS["red"]),
        ("b", 1, 10, palette.LIGHT_FILLS["green"]),
        ("L", batch, 10, palette.LIGHT_FILLS["yellow"]),
    ]
    operators = ["·", "+", "="]
    shapes, annotations = [], []
    x = 0.0
    top = 3.6
    for index, (name, rows, cols, color) in enumerate(blocks):
        width, depth = size(cols), size(rows)
        shapes.append(dict(type="rect", x0=x, x1=x + width, y0=top - depth, y1=top,
                           fillcolor=color, line=dict(color=palette.OUTLINE, width=2)))
        shape_text = f"{name}[{rows}, {cols}]" if name != "b" else "b[10]"
        annotations.append(dict(x=x + width / 2, y=top - depth / 2, text=f"<b>{shape_text}</b>",
                                showarrow=False, font=dict(size=17)))
        annotations.append(dict(x=x + width / 2, y=top - depth - 0.28, text=labels.get(name, ""),
                                showarrow=False, font=dict(size=13, color=COLORS["grey"])))
        if name == "b":
            # the broadcast copies of b, fading downwards
            for copy in range(1, 4):
                shapes.append(dict(type="rect", x0=x, x1=x + width, y0=top - depth * (copy + 1) - 0.06 * copy,
                                   y1=top - depth * copy - 0.06 * copy, fillcolor=color, opacity=0.5 - 0.12 * copy,
                                   line=dict(color=palette.OUTLINE, width=1, dash="dot")))
            annotations.append(dict(x=x + width / 2, y=top - depth * 4.6, text=labels.get("broadcast", ""),
                                    showarrow=False, font=dict(size=13, color=COLORS["third"])))
        x += width
        if index < len(operators):
            annotations.append(dict(x=x + 0.35, y=top - 1.0, text=f"<b>{operators[index]}</b>",
                                    showarrow=False, font=dict(size=30)))
            x += 0.7
    return compose([], height=height, layout=dict(shapes=shapes, annotations=annotations, dragmode=False),
                   xaxes=dict(visible=False, range=[-0.2, x + 0.2]), yaxes=dict(visible=False, range=[-0.2, top + 0.2]))
