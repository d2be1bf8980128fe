"""The class board's charts and table: pure renderers, shared runs in, a figure or a table out.

The teacher projects a board of every run the students shared (:class:`core.board.store.SharedRun`,
each holding a typed record of :mod:`core.board.records`) and of their answers to a question
asked before an experiment. Every text label arrives already translated; nothing here knows the
language or Streamlit.

The board is redrawn every few seconds for the whole class and may hold up to a couple of
thousand runs, so the renderers stay cheap: traces are built as plain dicts (no per-trace
validation), all the runs of one model are one trace (the thin shift curves are one line
broken by gaps), and the layout is set once through :func:`core.figures.style.style`, never
with Plotly's slow ``update_*`` / ``add_hline`` / ``add_annotation`` methods.

The records were read from the database once, where malformed stored values became None (a
setting, a number, a curve): the renderers leave out what is None and never check a value's
type. What students and teachers typed (nicknames, choices) is escaped before it reaches Plotly's
pseudo-HTML text; the ``title`` and labels given by the caller are used as they are.
"""

from __future__ import annotations

import html
import itertools
import math
import numbers

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.figures import palette, style

N_INPUTS, N_OUTPUTS = 784, 10
# each model's colour, dash and marker symbol, the same as on the translation and convolution pages
MODEL_COLORS = {model: palette.MODEL_COLORS[model]
                for model in ("softmax", "mlp", "augmented", "cnn_lesson", "cnn_global")}
MODEL_ORDER = tuple(MODEL_COLORS)
OTHER_COLOR = palette.OTHER_STYLE["color"]
# a marker's dark rim: 3:1 at least against the white background whatever its fill (a light Viridis yellow)
MARKER_LINE = dict(color=palette.INK, width=1)
SIZE_SCALE = "Viridis"
TABLE_COLUMNS = ("id", "student", "page", "model", "size", "learning_rate", "train_size",
                 "epochs_or_iterations", "seed", "train_accuracy", "test_accuracy", "test_loss", "seconds")
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_INTEGER_BINS_MAX = 20   # a number question over at most this many whole numbers gets one bar per number
_NUMBER_BINS = 10


# -------------------------------------------------------------------------------------- runs
def network_size(hidden_layers: tuple[int, ...] | None) -> int:
    """The number of trainable parameters (weights and biases) of a network, 0 if unknown (None).

    ``hidden_layers`` is a record's (:func:`core.board.records.network_layers`): () for the
    softmax model, 784·10 + 10 = 7850; an MLP sums n_in·n_out + n_out over its layers
    784 → hidden… → 10.
    """
    if hidden_layers is None:
        return 0
    sizes = (N_INPUTS, *hidden_layers, N_OUTPUTS)
    return sum(n_in * n_out + n_out for n_in, n_out in itertools.pairwise(sizes))


def size_label(hidden_layers: tuple[int, ...] | None) -> str:
    """The network's layers as the lesson writes them: "10", "200-100-60-30"; "?" if unknown (None)."""
    if hidden_layers is None:
        return "?"
    return "-".join(map(str, hidden_layers)) if hidden_layers else str(N_OUTPUTS)


def _student(run, hide_names: bool, student_label: str) -> str:
    """The run's nickname, or "Student N" when names are hidden or none was chosen (plain text)."""
    nickname = run.nickname.strip()
    if hide_names or not nickname:
        return student_label.format(number=run.student_number)
    return nickname


def _percent(fraction: float | None) -> float | None:
    return None if fraction is None else 100.0 * fraction


def _color(model: str) -> str:
    return MODEL_COLORS.get(model, OTHER_COLOR)


def _cues(model: str) -> dict:
    """The model's colour, dash and marker symbol (see core.figures.palette)."""
    return palette.model_style(model) if model in MODEL_COLORS else dict(palette.OTHER_STYLE)


def _models_in_order(models) -> list[str]:
    """The models present, the known ones in their usual order, then any other alphabetically."""
    present = set(models)
    return [m for m in MODEL_ORDER if m in present] + sorted(m for m in present if m not in MODEL_ORDER)


def _escape(text) -> str:
    """Text for Plotly's pseudo-HTML (hover, legend, tick labels): only &, < and > escaped, since
    Plotly decodes &amp; &lt; &gt; but would show &quot; as typed."""
    return html.escape(str(text), quote=False)


_rgba = palette.rgba


def _superscript_power(exponent: int) -> str:
    return "10" + str(exponent).translate(_SUPERSCRIPTS)


# ------------------------------------------------------------------------------------ table
def runs_table(runs: list, hide_names: bool, labels: dict[str, str], language: str) -> pd.DataFrame:
    """One row per run, newest (highest id) first, the columns of ``TABLE_COLUMNS`` renamed by ``labels``.

    Values stay numbers so that the table sorts: accuracies in % rounded to 2 decimals, NaN
    where unknown; whole-number settings as nullable integers. The student is the nickname, or
    ``labels["student_number"].format(number=n)`` when it is empty or names are hidden.
    ``language`` is accepted for the UI's convenience; numbers are left for the table to format.
    """
    student_label = labels.get("student_number", "{number}")
    rows = []
    for run in sorted(runs, key=lambda r: r.id, reverse=True):
        record = run.record
        train, test = _percent(record.train_accuracy), _percent(record.test_accuracy)
        loss, seconds = record.test_loss, record.seconds
        rows.append({
            "id": run.id,
            "student": _student(run, hide_names, student_label),
            "page": record.page,
            "model": record.model,
            "size": size_label(record.hidden_layers),
            "learning_rate": record.learning_rate,
            "train_size": record.train_size,
            "epochs_or_iterations": record.steps,
            "seed": record.seed,
            "train_accuracy": None if train is None else round(train, 2),
            "test_accuracy": None if test is None else round(test, 2),
            "test_loss": None if loss is None else round(loss, 4),
            "seconds": None if seconds is None else round(seconds, 1),
        })
    table = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
    for column in ("learning_rate", "train_accuracy", "test_accuracy", "test_loss", "seconds"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype(float)  # None -> NaN
    for column in ("id", "train_size", "epochs_or_iterations", "seed"):
        table[column] = table[column].astype("Int64")
    for column in ("student", "page", "model", "size"):
        table[column] = table[column].astype(object)
    return table.rename(columns={key: labels.get(key, key) for key in TABLE_COLUMNS})


# ---------------------------------------------------------------------------------- figures
def overfitting_figure(runs: list, title: str, x_title: str, y_title: str, size_title: str, hide_names: bool,
                       student_label: str, height: int = 520) -> go.Figure:
    """The overfitting cloud: each run's test accuracy (y, %) against its training accuracy (x, %).

    A marker's colour is the network's size (log10 of its parameter count, a colour bar titled
    ``size_title`` with ticks 10³, 10⁴…); runs of unknown size are grey. The dashed diagonal
    y = x is where a network does as well on new digits as on those it learnt: points far
    below it have overfitted. Runs without both accuracies are left out.
    """
    sized, unsized = ([], [], [], []), ([], [], [])  # (x, y, text[, colour])
    for run in runs:
        train, test = _percent(run.record.train_accuracy), _percent(run.record.test_accuracy)
        if train is None or test is None:
            continue
        layers = run.record.hidden_layers
        size, label = network_size(layers), size_label(layers)
        text = f"{_escape(_student(run, hide_names, student_label))}<br>{_escape(label)}"
        target = sized if size > 0 else unsized
        target[0].append(train)
        target[1].append(test)
        target[2].append(text)
        if size > 0:
            sized[3].append(math.log10(size))
    # the accuracies written by Plotly, in the page's language (2,5 in French)
    hover = f"%{{text}}<br>{x_title}: %{{x:.2f}} %<br>{y_title}: %{{y:.2f}} %<extra></extra>"
    traces = []
    if sized[0]:
        low, high = math.floor(min(sized[3])), math.ceil(max(sized[3]))
        high = max(high, low + 1)
        powers = list(range(low, high + 1))
        traces.append(dict(
            type="scatter", mode="markers", x=sized[0], y=sized[1], text=sized[2], showlegend=False,
            hovertemplate=hover,
            marker=dict(size=13, color=sized[3], colorscale=SIZE_SCALE, cmin=low, cmax=high, showscale=True,
                        opacity=0.85, line=MARKER_LINE,
                        colorbar=dict(title=dict(text=size_title), tickvals=powers,
                                      ticktext=[_superscript_power(p) for p in powers], thickness=14)),
        ))
    if unsized[0]:
        traces.append(dict(
            type="scatter", mode="markers", x=unsized[0], y=unsized[1], text=unsized[2], showlegend=False,
            hovertemplate=hover,
            marker=dict(size=13, color=OTHER_COLOR, opacity=0.85, line=MARKER_LINE),
        ))
    values = sized[0] + sized[1] + unsized[0] + unsized[1]
    low = max(0.0, min(values) - 2.0) if values else 0.0
    axis_range = [low, 100.5]
    diagonal = dict(type="line", xref="x", yref="y", x0=low, y0=low, x1=100.5, y1=100.5, layer="below",
                    line=dict(color=style.COLORS["grey"], dash="dash", width=2))
    fig = style.figure(traces)
    style.style(fig, height=height, title=title, layout=dict(shapes=[diagonal], hovermode="closest"),
                  xaxes=dict(title=dict(text=x_title), range=axis_range, ticksuffix=" %"),
                  yaxes=dict(title=dict(text=y_title), range=axis_range, ticksuffix=" %"))
    return fig


def learning_rate_figure(runs: list, title: str, x_title: str, y_title: str, hide_names: bool, student_label: str,
                         height: int = 480, model_labels: dict[str, str] | None = None) -> go.Figure:
    """Each run's test accuracy (%) against its learning rate on a log axis, one colour per model.

    Only runs with a learning rate > 0 and a test accuracy are drawn.
    The legend names the models through ``model_labels`` (the model's code when missing).
    """
    model_labels = model_labels or {}
    points: dict[str, tuple[list, list, list]] = {}
    for run in runs:
        record = run.record
        rate, test = record.learning_rate, _percent(record.test_accuracy)
        if rate is None or rate <= 0 or test is None:
            continue
        x, y, text = points.setdefault(record.model, ([], [], []))
        x.append(rate)
        y.append(test)
        who, size = _escape(_student(run, hide_names, student_label)), _escape(size_label(record.hidden_layers))
        text.append(f"{who}<br>{size}")
    traces = []
    for model in _models_in_order(points):
        x, y, text = points[model]
        traces.append(dict(type="scatter", mode="markers", x=x, y=y, text=text,
                           name=_escape(str(model_labels.get(model, model))),
                           hovertemplate=f"%{{text}}<br>{x_title}: %{{x:~g}}<br>{y_title}: %{{y:.2f}} %<extra></extra>",
                           marker=dict(size=12, color=_color(model), symbol=_cues(model)["symbol"], line=MARKER_LINE)))
    fig = style.figure(traces)
    style.style(fig, height=height, title=title, layout=dict(showlegend=True, hovermode="closest"),
                  xaxes=dict(title=dict(text=x_title), type="log", exponentformat="none"),  # 0.0001, not 100µ
                  yaxes=dict(title=dict(text=y_title), ticksuffix=" %"))
    return fig


def shift_figure(runs: list, title: str, x_title: str, y_title: str, model_labels: dict[str, str],
                 median_label: str, hide_names: bool, student_label: str, height: int = 480) -> go.Figure:
    """Accuracy (%) against the shift in pixels: a thin line per run, the class median per model thick.

    Runs without a curve (a training run, or a curve found malformed when it was read) are left
    out. All the thin lines of one model form a single trace, each run's line separated from the
    next by a gap (a NaN point): one trace per run would cost about 0.1 ms each, far too much
    for a board of hundreds of runs. The median, taken at each shift over the runs that
    measured it, is named "<median_label> <model label>".
    """
    by_model: dict[str, list] = {}
    for run in runs:
        if run.record.curve is not None:
            by_model.setdefault(run.record.model, []).append(run)
    gap = np.array([np.nan])
    thin, thick = [], []
    for model in _models_in_order(by_model):
        color, name = _color(model), _escape(str(model_labels.get(model, model)))
        xs, ys, text = [], [], []
        per_shift: dict[float, list[float]] = {}
        for run in by_model[model]:
            curve = run.record.curve
            shifts, accuracy = np.array(curve.shifts, dtype=float), 100.0 * np.array(curve.accuracy, dtype=float)
            who = _escape(_student(run, hide_names, student_label))
            label = f"{who}<br>{name}" + (f" · {_escape(curve.direction)}" if curve.direction is not None else "")
            if xs:
                xs.append(gap)
                ys.append(gap)
                text.append("")
            xs.append(shifts)
            ys.append(accuracy)
            text.extend([label] * shifts.size)
            for shift, value in zip(shifts.tolist(), accuracy.tolist()):
                per_shift.setdefault(shift, []).append(value)
        # arrays, not lists: the figure deep-copies its data, element by element for a list
        thin.append(dict(type="scatter", mode="lines", x=np.concatenate(xs), y=np.concatenate(ys),
                         text=np.array(text, dtype=str), name=name, legendgroup=model, showlegend=False,
                         connectgaps=False, line=dict(color=_rgba(color, 0.35), width=1.5),
                         hovertemplate="%{text}<br>%{x}: %{y:.1f} %<extra></extra>"))
        median_x = sorted(per_shift)
        thick.append(dict(type="scatter", mode="lines+markers", x=median_x,
                          y=[float(np.median(per_shift[s])) for s in median_x],
                          name=f"{median_label} {name}", legendgroup=model,
                          line=dict(color=color, width=5, dash=_cues(model)["dash"]),
                          marker=dict(size=10, color=color, symbol=_cues(model)["symbol"]),
                          hovertemplate=f"{median_label} {name}<br>%{{x}}: %{{y:.1f}} %<extra></extra>"))
    fig = style.figure(thin + thick)  # the medians drawn over the runs' lines
    style.style(fig, height=height, title=title, layout=dict(showlegend=bool(thick), hovermode="closest"),
                  xaxes=dict(title=dict(text=x_title), dtick=1),
                  yaxes=dict(title=dict(text=y_title), ticksuffix=" %", rangemode="tozero"))
    return fig


# ---------------------------------------------------------------------------------- answers
def _number(value) -> float | None:
    """An answer or a question's bound as a finite float, or None (booleans, text, NaN and infinities)."""
    kind = type(value)
    # the usual cases first: the ABC check is slow
    if kind is not float and kind is not int and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _number_values(answers) -> list[float]:
    return [v for v in (_number(value) for value in answers.values) if v is not None]


def _bins(question, values: list[float], measured: float | None) -> tuple[np.ndarray, bool]:
    """The histogram's bin edges over [low, high] (or the answers' span), and whether they are whole numbers."""
    low, high = _number(question.low), _number(question.high)
    seen = values + ([measured] if measured is not None else [])
    if low is None:
        low = min(seen) if seen else 0.0
    if high is None:
        high = max(seen) if seen else low + 1.0
    if high < low:
        low, high = high, low
    if low == int(low) and high == int(high) and 0 < high - low <= _INTEGER_BINS_MAX:
        return np.arange(low - 0.5, high + 1.0, 1.0), True
    if high == low:
        low, high = low - 0.5, high + 0.5
    return np.histogram_bin_edges([], bins=_NUMBER_BINS, range=(low, high)), False


def _measured_number(question) -> float | None:
    return _number(question.measured) if question.revealed else None


def answers_figure(answers, title: str, count_title: str, measured_label: str, height: int = 440) -> go.Figure:
    """The students' answers as a histogram (a number question) or one bar per choice.

    A number question's bars cover [low, high] in 10 bins, or one bar per whole number when
    the range is a few whole numbers; answers outside the range count in the nearest end bin.
    A choice question has one bar per choice in the question's order, empty ones included.
    Once revealed, the measured value is a dashed vertical line labelled ``measured_label``
    (number), or its bar is green and labelled (choice). No answers: an empty, titled figure.
    """
    question = answers.question
    shapes, annotations = [], []
    y_axis = dict(title=dict(text=count_title), rangemode="tozero")
    x_axis: dict = {}
    if question.kind == "choice":
        choices = [str(choice) for choice in question.choices]
        counts = [sum(1 for value in answers.values if value == choice) for choice in choices]
        measured = question.measured if question.revealed and isinstance(question.measured, str) else None
        labels = [_escape(choice) for choice in choices]
        colors = [style.COLORS["third"] if choice == measured else style.COLORS["main"] for choice in choices]
        traces = [dict(type="bar", x=labels, y=counts, text=[str(c) for c in counts], textposition="outside",
                       cliponaxis=False, marker=dict(color=colors), showlegend=False,
                       hovertemplate="%{x}: %{y}<extra></extra>")] if choices else []
        if measured in choices:
            index = choices.index(measured)
            annotations.append(dict(x=labels[index], y=counts[index], xref="x", yref="y", yanchor="bottom",
                                    yshift=26, text=measured_label, showarrow=False,
                                    font=dict(color=style.COLORS["third"])))
        x_axis.update(type="category", categoryorder="array", categoryarray=labels)
        top = max(counts, default=0)
    else:
        values = _number_values(answers)
        measured = _measured_number(question)
        edges, whole = _bins(question, values, measured)
        clipped = np.clip(values, edges[0], edges[-1]) if values else np.array([])
        counts, _ = np.histogram(clipped, bins=edges)
        centres, widths = (edges[:-1] + edges[1:]) / 2, np.diff(edges)
        if whole:
            hover = "%{x}: %{y}<extra></extra>"
            customdata = None
        else:
            hover = "%{customdata[0]:.4~g} – %{customdata[1]:.4~g}: %{y}<extra></extra>"
            customdata = [[a, b] for a, b in itertools.pairwise(edges.tolist())]
        traces = [dict(type="bar", x=centres.tolist(), y=counts.tolist(), width=(widths * 0.96).tolist(),
                       text=[str(c) if c else "" for c in counts.tolist()], textposition="outside",
                       cliponaxis=False, customdata=customdata, marker=dict(color=style.COLORS["main"]),
                       showlegend=False, hovertemplate=hover)]
        left, right = float(edges[0]), float(edges[-1])
        if measured is not None:
            shapes.append(dict(type="line", xref="x", yref="y domain", x0=measured, x1=measured, y0=0, y1=1,
                               line=dict(color=style.COLORS["second"], dash="dash", width=3)))
            annotations.append(dict(x=measured, xref="x", y=1, yref="y domain", yanchor="bottom", text=measured_label,
                                    showarrow=False, font=dict(color=style.COLORS["second"])))
            margin = 0.03 * (right - left)
            left, right = min(left, measured - margin), max(right, measured + margin)
        x_axis.update(range=[left, right], zeroline=False)
        if whole:
            x_axis.update(dtick=1 if right - left <= 12 else None)
        top = int(counts.max()) if counts.size else 0
    y_axis["range"] = [0, max(top, 1) * 1.3]
    if top < 5:
        y_axis["dtick"] = 1
    fig = style.figure(traces)
    style.style(fig, height=height, title=title,
                  layout=dict(shapes=shapes, annotations=annotations, bargap=0.05),
                  xaxes={key: value for key, value in x_axis.items() if value is not None}, yaxes=y_axis)
    return fig


def answer_summary(answers) -> dict:
    """``{"count", "median", "mean", "closest"}`` of the answers.

    ``count`` is the number of answers; median and mean are for a number question (None for a
    choice question or no answers); ``closest`` is the answer nearest the measured value, when
    the question is a number question and a measured number is known (None otherwise).
    """
    summary = {"count": len(answers.values), "median": None, "mean": None, "closest": None}
    if answers.question.kind != "number":
        return summary
    values = _number_values(answers)
    if not values:
        return summary
    summary["median"] = float(np.median(values))
    summary["mean"] = float(np.mean(values))
    measured = _number(answers.question.measured)
    if measured is not None:
        summary["closest"] = min(values, key=lambda value: abs(value - measured))
    return summary
