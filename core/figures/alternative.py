"""A chart's text alternative: the values it draws, as a table (WCAG 2.1, success criterion 1.1.1).

:func:`values_table` reads a figure's dict (``fig.to_dict()``, as ``ui.common.prepare`` makes it
once for every chart shown) and lists what a sighted student reads on it:

* bars and curves: one row per point, the series' name, x and y (and the point's text: a
  student's nickname on the board);
* a heatmap: one row per cell when it has at most ``CELL_LIMIT`` cells (a confusion matrix, a
  kernel), else its size, smallest, largest and mean value (a 28×28 digit);
* an image (a grid of digits): a row saying so, then the captions written over it;
* a diagram with no data (the lesson's L = X·W + b, a network's layers): the texts written on it.

The table is cut at ``limit`` rows (a board of a thousand runs) and says how many there were.
Every word arrives translated (``words``); the numbers stay numbers, for the page to write in its
language. It is computed once per prepared figure, so it stays cheap: no Plotly objects, only dicts.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

ROW_LIMIT = 200
CELL_LIMIT = 200
COLUMNS = ("series", "x", "y", "value", "label")
# The words of a table, by key: column names and the heatmap summary's rows (English defaults).
WORDS = {"series": "series", "x": "x", "y": "y", "value": "value", "label": "label", "image": "image",
         "minimum": "minimum", "maximum": "maximum", "mean": "mean", "size": "size"}


@dataclass(frozen=True)
class Alternative:
    """The table of a chart's values, how many rows it had before it was cut, and the chart's title."""

    table: pd.DataFrame
    total: int
    title: str = ""

    @property
    def cut(self) -> bool:
        return self.total > len(self.table)


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def plain(text) -> str:
    """Plotly's pseudo-HTML as plain text: line breaks as " · ", tags dropped, entities decoded."""
    if text is None:
        return ""
    return html.unescape(_TAG.sub("", _BREAK.sub(" · ", str(text)))).strip()


def array(value) -> np.ndarray | None:
    """A trace's data as an array: a list, an array, or Plotly's typed array ({"dtype", "bdata", "shape"})."""
    if value is None:
        return None
    if isinstance(value, dict):
        if "bdata" not in value:
            return None
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape:
            flat = flat.reshape([int(n) for n in str(shape).split(",")])
        return flat
    if isinstance(value, (str, bytes)):
        return None
    return np.asarray(value, dtype=object if _ragged(value) else None)


def _ragged(value) -> bool:
    try:
        np.asarray(value)
    except ValueError:
        return True
    return False


def _title(node) -> str:
    if isinstance(node, dict):
        node = node.get("text")
    return plain(node)


def _axis_name(layout: dict, axis: str, fallback: str) -> str:
    settings = layout.get(axis) or {}
    title = _title(settings.get("title"))
    if title:
        return title
    suffix = str(settings.get("ticksuffix") or "").strip()
    return f"{fallback} ({suffix})" if suffix else fallback


def _number(value):
    """A cell's value: a float for a number, the text otherwise (a category), None for nothing."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return value
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return None if np.isnan(number) else (int(value) if isinstance(value, (int, np.integer)) else number)
    return plain(value)


class _Rows:
    """Rows kept up to a limit, all of them counted."""

    def __init__(self, limit: int):
        self.limit, self.total, self.kept = limit, 0, []

    def add(self, **row) -> None:
        self.total += 1
        if len(self.kept) < self.limit:
            self.kept.append(row)

    def count(self, extra: int) -> None:
        self.total += extra

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.limit


def _points(trace: dict, series: str, rows: _Rows) -> None:
    x, y = array(trace.get("x")), array(trace.get("y"))
    if x is None and y is None:
        return
    length = len(y) if y is not None else len(x)
    if x is None:
        x = np.arange(length)
    if y is None:
        y = np.full(length, None, dtype=object)
    text = array(trace.get("text"))
    texts = text if text is not None and text.ndim == 1 and len(text) == length else None
    for index in range(min(len(x), len(y))):
        xv, yv = _number(x[index]), _number(y[index])
        if xv is None and yv is None:  # a gap between two runs' lines
            continue
        if rows.full:
            rows.count(1)
            continue
        rows.add(series=series, x=xv, y=yv, label=plain(texts[index]) if texts is not None else None)


def _captions(trace: dict, series: str, rows: _Rows) -> None:
    text = array(trace.get("text"))
    for item in ([] if text is None else np.ravel(text)):
        rows.add(series=series, label=plain(item))


def _heatmap(trace: dict, series: str, words: dict, rows: _Rows) -> None:
    z = array(trace.get("z"))
    if z is None:
        return
    z = np.asarray(z, dtype=float)
    if z.ndim != 2:
        z = z.reshape(1, -1)
    text = array(trace.get("text"))
    if text is not None and np.shape(text) == z.shape:  # the numbers written on the cells (a confusion's counts)
        try:
            z = np.asarray(text, dtype=float)
        except (TypeError, ValueError):
            pass
    n_rows, n_cols = z.shape
    if z.size <= CELL_LIMIT:
        xs, ys = array(trace.get("x")), array(trace.get("y"))
        xs = np.arange(n_cols) if xs is None or len(xs) != n_cols else xs
        ys = np.arange(n_rows) if ys is None or len(ys) != n_rows else ys
        for row in range(n_rows):
            for col in range(n_cols):
                rows.add(series=series, x=_number(xs[col]), y=_number(ys[row]), value=_number(z[row, col]))
        return
    finite = z[np.isfinite(z)]
    rows.add(series=series, label=f"{words['size']} {n_rows} × {n_cols}")
    if finite.size:
        for key, value in (("minimum", finite.min()), ("maximum", finite.max()), ("mean", finite.mean())):
            rows.add(series=series, label=words[key], value=float(value))


def has_values(spec: dict) -> bool:
    """Whether a figure's dict has anything for :func:`values_table` to list (a trace, or a text on a
    diagram): a chart without either gets no values table. Cheap: nothing is decoded."""
    layout = spec.get("layout") or {}
    return bool(spec.get("data")) or any(plain(note.get("text")) for note in layout.get("annotations") or [])


def values_table(spec: dict, words: dict | None = None, limit: int = ROW_LIMIT) -> Alternative:
    """The values a figure's dict draws, as a table whose columns are named by ``words``.

    The columns are the series, x, y (named after the axes' titles when they have one), a value
    (a heatmap's cell) and a label (a point's text, a caption); the columns left empty are dropped,
    and the series when its only one is the chart's title.
    """
    words = {**WORDS, **(words or {})}
    layout = spec.get("layout") or {}
    title = _title(layout.get("title"))
    rows = _Rows(limit)
    traces = spec.get("data") or []
    diagram = (layout.get("xaxis") or {}).get("visible") is False and not any(
        trace.get("type") in ("heatmap", "image") for trace in traces)
    for trace in traces:
        kind = trace.get("type", "scatter")
        series = plain(trace.get("name")) or title
        if kind == "image":
            rows.add(series=series, label=words["image"])
        elif kind == "heatmap":
            _heatmap(trace, series, words, rows)
        elif diagram:
            continue  # the nodes' positions on a diagram mean nothing: its texts say what it shows
        elif kind == "scatter" and trace.get("mode") == "text":
            _captions(trace, series, rows)
        elif kind in ("scatter", "bar", "histogram"):
            if trace.get("hoverinfo") == "skip" and not trace.get("name"):
                continue  # a band's hidden edge, a diagram's links: drawn, not read
            _points(trace, series, rows)
    if not rows.total:  # a diagram: what is written on it
        for note in layout.get("annotations") or []:
            text = plain(note.get("text"))
            if text:
                rows.add(series=title, label=text)
    table = pd.DataFrame(rows.kept, columns=list(COLUMNS))
    table = table[[column for column in COLUMNS if table[column].notna().any()]]
    if "series" in table.columns and table["series"].isin(("", title)).all():
        table = table.drop(columns="series")  # one series, the chart's: its title says it
    names = {"series": words["series"], "x": _axis_name(layout, "xaxis", words["x"]),
             "y": _axis_name(layout, "yaxis", words["y"]), "value": words["value"], "label": words["label"]}
    seen: set[str] = set()
    for key in COLUMNS:  # column names must differ, even where two axes share a title
        while names[key] in seen:
            names[key] += " "
        seen.add(names[key])
    return Alternative(table.rename(columns=names), rows.total, title)
