"""Every chart as a French page shows it: decimal commas, "92 %" unbroken, French words around the numbers.

Each renderer of ``core.figures`` is built here as its page builds it (the page's French texts,
numbers of the right size), then written in French by ``style.localize`` as ``ui.common.prepare``
does for every chart shown. What a teacher would see is checked: Plotly's separators, the
percent signs and the colons the renderer wrote, every number it wrote itself.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

from core.board.records import read_record
from core.board.store import Answers, Question, SharedRun
from core.figures import board, convolution, curves, dashboard, style, translation
from core.texts import t
from core.training.checkpoint import PERCENTILES, Checkpoint

MODULES = (style, curves, dashboard, translation, board, convolution)
NOT_RENDERERS = {"figure", "restyle", "style", "compose", "reference_line", "png_data_uri", "compose_digit_tiles",
                 "localize", "history", "network_size", "size_label", "runs_table", "answer_summary", "revealed"}
RNG = np.random.default_rng(0)


def checkpoints(count: int = 5) -> list[Checkpoint]:
    return [Checkpoint(step=100 * (i + 1), seconds=0.5 * i, train_accuracy=0.8 + 0.02 * i, train_loss=0.6 - 0.05 * i,
                       test_accuracy=0.81 + 0.02 * i, test_loss=0.55 - 0.05 * i, test_size=10000,
                       weight_percentiles={"1": np.linspace(-0.3, 0.3, len(PERCENTILES))},
                       biases={"1": RNG.normal(size=10)}, pixel_weights=RNG.normal(size=(784, 10)),
                       batch_indices=np.arange(100), batch_predictions=np.arange(100) % 10,
                       test_indices=np.arange(100), test_predictions=(np.arange(100) + (i % 3)) % 10)
            for i in range(count)]


def shared_run(id: int, model: str, settings: dict, curve=None) -> SharedRun:
    import json
    row = dict(page="training", model=model, settings=json.dumps(settings), seed=0, train_accuracy=0.9312,
               test_accuracy=0.9187, train_loss=0.3, test_loss=0.31, seconds=12.5,
               curve=None if curve is None else json.dumps(curve))
    return SharedRun(id=id, student_number=id, nickname=f"Élève {id}", created_at=1000.0 + id,
                     record=read_record(row))


SOFTMAX = {"learning_rate": 0.003, "batch_size": 100, "iterations": 10000, "train_size": 60000, "eval_every": 100,
           "seed": 0, "model": "softmax"}
MLP = {"hidden_layers": [200, 100, 60, 30], "activation": "logistic", "solver": "adam", "learning_rate": 0.001,
       "batch_size": 100, "epochs": 20, "alpha": 0.0001, "train_size": 60000, "seed": 0, "model": "mlp"}
RUNS = [shared_run(1, "softmax", SOFTMAX), shared_run(2, "mlp", MLP),
        shared_run(3, "mlp", MLP, {"shifts": [0, 1, 2], "accuracy": [0.98, 0.9, 0.61], "direction": "horizontal"})]
STEPS = np.array([100, 200, 300])
IMAGES = RNG.integers(0, 256, size=(100, 28, 28)).astype(np.uint8)

# How each page builds each chart, its texts in the language of ``tx`` (a key to its text).
BUILT = {
    "style.digit_grid": lambda tx: style.digit_grid(IMAGES[:20], [str(i % 10) for i in range(20)], height=300),
    "style.bars": lambda tx: style.bars(np.array([0.0123, 0.6, 0.25]), tx("chart_softmax"), tx("axis_component"),
                                     tx("axis_probability"), text=["0,01", "0,60", "0,25"], y_range=(0, 1.1)),
    "style.prediction_vs_label": lambda tx: style.prediction_vs_label(
        np.full(10, 0.1), 6, tx("ce_chart_title", label=6), tx("ce_prediction"), tx("ce_one_hot"),
        tx("axis_digit"), tx("axis_probability")),
    "style.neg_log_curve": lambda tx: style.neg_log_curve(0.35, tx("ce_curve_title"), tx("axis_probability")),
    "style.matrix_shapes": lambda tx: style.matrix_shapes(100, {"X": tx("shape_X"), "W": tx("shape_W"),
                                                             "b": tx("shape_b"), "L": tx("shape_L"),
                                                             "broadcast": tx("shape_broadcast")}),
    "curves.curves_figure": lambda tx: curves.curves_figure(
        [dict(name=tx("curve_train_short"), x=[1, 2, 3], y=[0.9, 0.95, 0.99], dash="dash"),
         dict(name=tx("curve_test"), x=[1, 2, 3], y=[0.88, 0.9, 0.905])], tx("overfit_accuracy_chart"),
        tx("unit_epochs"), "%", percent=True, references=[(0.92, tx("reference_92"))],
        markers=[dict(x=2, y=0.9, text=tx("remedy_stop_here", epoch=2))]),
    "curves.gap_bars_figure": lambda tx: curves.gap_bars_figure(
        [tx("remedy_none"), tx("remedy_l2")], [12.34, 3.5], ["#000000", "#111111"], tx("remedies_bars_chart"),
        tx("axis_gap_points")),
    "dashboard.accuracy_figure": lambda tx: dashboard.accuracy_figure(
        checkpoints(), tx("view_accuracy"), tx("unit_iterations"), (tx("curve_train"), tx("curve_test")),
        reference=(0.92, tx("reference_92")), x_max=1000, others=[("η = 0,5", [100, 200], [0.5, 0.6])]),
    "dashboard.loss_figure": lambda tx: dashboard.loss_figure(
        checkpoints(), tx("view_loss"), tx("unit_iterations"), (tx("curve_train"), tx("curve_test")), x_max=1000),
    "dashboard.digits_figure": lambda tx: dashboard.digits_figure(
        IMAGES, np.arange(100) % 10, (np.arange(100) + 1) % 10, tx("view_batch")),
    "dashboard.weight_images_figure": lambda tx: dashboard.weight_images_figure(
        RNG.normal(size=(784, 10)), [str(d) for d in range(10)], tx("view_weights")),
    "dashboard.percentile_bands_figure": lambda tx: dashboard.percentile_bands_figure(
        STEPS, RNG.normal(size=(3, len(PERCENTILES))), tx("view_weight_spread"), tx("unit_iterations"),
        median_name=tx("curve_median")),
    "dashboard.layers_spread_figure": lambda tx: dashboard.layers_spread_figure(
        STEPS, {"1": RNG.normal(size=(3, 7)), "2": RNG.normal(size=(3, 7))}, tx("view_weight_spread"),
        tx("unit_epochs"), tx("layer_word"), median_name=tx("curve_median")),
    "dashboard.biases_figure": lambda tx: dashboard.biases_figure(
        STEPS, {"1": RNG.normal(size=(3, 10))}, tx("view_biases"), tx("unit_iterations"), tx("layer_word")),
    "dashboard.network_figure": lambda tx: dashboard.network_figure(
        (200, 100, 60, 30), {"input": tx("net_input"), "hidden": tx("net_hidden", act=tx("activation_logistic")),
                             "output": tx("net_output")}),
    "dashboard.confusion_figure": lambda tx: dashboard.confusion_figure(
        RNG.integers(0, 1200, size=(10, 10)), tx("confusion_title"), tx("confusion_predicted"),
        tx("confusion_true")),
    "translation.images_figure": lambda tx: translation.images_figure(
        [IMAGES[0], IMAGES[1]], [tx("trans_original", digit=7), tx("trans_moved", dx="+3", dy="-2")]),
    "translation.probabilities_figure": lambda tx: translation.probabilities_figure(
        [dict(name=tx("trans_model_softmax"), probabilities=np.full(10, 0.1), color="#000000")], 7,
        tx("trans_probabilities_title"), tx("trans_digit_axis"), tx("trans_true")),
    "translation.accuracy_heatmap": lambda tx: translation.accuracy_heatmap(
        RNG.uniform(size=(17, 17)), tx("trans_heatmap_title", model=tx("trans_model_mlp")), "dx", "dy"),
    "board.overfitting_figure": lambda tx: board.overfitting_figure(
        RUNS, tx("board_fig_overfitting"), tx("board_axis_train"), tx("board_axis_test"), tx("board_axis_size"),
        False, tx("board_student_number", number="{number}")),
    "board.learning_rate_figure": lambda tx: board.learning_rate_figure(
        RUNS, tx("board_fig_rate"), tx("board_axis_rate"), tx("board_axis_test"), False,
        tx("board_student_number", number="{number}"), model_labels={"softmax": tx("trans_model_softmax"), "mlp": tx("trans_model_mlp")}),
    "board.shift_figure": lambda tx: board.shift_figure(
        RUNS, tx("board_fig_shift"), tx("board_axis_shift"), tx("board_axis_test"), {"softmax": tx("trans_model_softmax"), "mlp": tx("trans_model_mlp")},
        tx("board_median"), False, tx("board_student_number", number="{number}")),
    "board.answers_figure": lambda tx: board.answers_figure(
        Answers(Question(id=1, text="?", kind="number", choices=(), low=0.0, high=1.5, revealed=True,
                         measured=0.75, created_at=0.0), [0.25, 1.125, 0.5]),
        tx("board_fig_answers"), tx("board_axis_count"), tx("board_measured_label")),
    "convolution.heatmaps_figure": lambda tx: convolution.heatmaps_figure(
        [RNG.normal(size=(3, 3))], ["noyau"], kind="signed", annotate=True, decimal_comma=True),
    "convolution.features_figure": lambda tx: convolution.features_figure(
        RNG.uniform(size=64), RNG.uniform(size=64), (tx("conv_features_original"), tx("conv_features_moved")),
        tx("conv_layer_global_pool", name="conv3", count=64), tx("conv_feature_axis")),
    "convolution.similarity_figure": lambda tx: convolution.similarity_figure(
        "global_pooling", IMAGES[0].astype(np.float32) / 255, "horizontal",
        {kind: tx(f"conv_similarity_{kind}") for kind in ("pixels", "features")},
        tx("conv_similarity_title", direction=tx("direction_horizontal")), tx("trans_shift_axis"), "#000000"),
}


def test_every_renderer_is_built_here():
    renderers = {f"{module.__name__.rsplit('.', 1)[1]}.{name}" for module in MODULES
                 for name, function in inspect.getmembers(module, inspect.isfunction)
                 if function.__module__ == module.__name__ and not name.startswith("_") and name not in NOT_RENDERERS}
    assert renderers == set(BUILT)


# ---------------------------------------------------------------------------------- what is read
def strings(node, key=None):
    """(key, string) for every string a reader sees: titles, names, labels, templates, texts."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name in ("source", "colorscale", "fillcolor", "color", "bgcolor", "type", "mode", "xref", "yref",
                        "xanchor", "yanchor", "hoverinfo", "textposition", "legendgroup", "barmode", "dragmode",
                        "constrain", "scaleanchor", "autorange", "categoryorder", "hovermode", "orientation",
                        "rangemode", "layer", "dash", "xaxis", "yaxis", "exponentformat", "template", "family",
                        "separators", "connectgaps", "symbol", "colorway", "bdata", "dtype"):
                continue
            yield from strings(value, name)
    elif isinstance(node, (list, tuple, np.ndarray)):
        for item in node:
            yield from strings(item, key)
    elif isinstance(node, str) and not re.match(r"#|rgba?\(", node):
        yield key, node


def suffixes(node):
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "ticksuffix" and value:
                yield value
            else:
                yield from suffixes(value)
    elif isinstance(node, list):
        for item in node:
            yield from suffixes(item)


_TEMPLATE = re.compile(r"%\{[^}]*\}")


def french_faults(spec: dict) -> list[str]:
    faults = []
    if spec["layout"].get("separators") != ",\u202f":
        faults.append(f"separators {spec['layout'].get('separators')!r}")
    faults += [f"tick suffix {suffix!r}" for suffix in suffixes(spec) if "%" in suffix and suffix != "\u00a0%"]
    for key, text in strings(spec):
        read = _TEMPLATE.sub("7", text)  # what Plotly writes in place of %{y:.1f}
        for pattern, why in ((r"(?<![\u00a0(])%", "no-break space before %"), (r"\d\.\d", "decimal comma"),
                             (r"(?<!\u00a0):(?=\s)", "no-break space before :"), (r"(?<!\d)\d{5,}", "60 000")):
            if re.search(pattern, read):
                faults.append(f"{why} in {key}: {text!r}")
    return faults


def english_faults(spec: dict) -> list[str]:
    faults = [] if spec["layout"].get("separators") == ".," else ["separators"]
    faults += [f"tick suffix {suffix!r}" for suffix in suffixes(spec) if "%" in suffix and suffix != "%"]
    for key, text in strings(spec):
        if re.search(r"[ \u00a0\u202f]%(?!\{)|[\u00a0\u202f][:;!?]", text):
            faults.append(f"{key}: {text!r}")
    return faults


def spec_in(name: str, lang: str) -> dict:
    """The chart ``name`` as a page in ``lang`` shows it."""
    return style.localize(BUILT[name](lambda key, **values: t(key, lang, **values)).to_dict(), lang)


def french_spec(name: str) -> dict:
    return spec_in(name, "fr")


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_chart_reads_in_french(name):
    assert french_faults(french_spec(name)) == []


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_chart_reads_in_english(name):
    assert english_faults(spec_in(name, "en")) == []


def test_localize_sets_the_words_around_the_numbers():
    spec = {"layout": {"yaxis": {"ticksuffix": " %"}, "title": {"text": "Réussite : 92 %"}},
            "data": [{"hovertemplate": "%{x}: %{y:.1f} %<extra></extra>", "name": "10–90 %",
                      "text": ["Ada : 9.5 %"]}]}
    french = style.localize(__import__("copy").deepcopy(spec), "fr")
    assert french["layout"]["separators"] == ",\u202f" and french["layout"]["yaxis"]["ticksuffix"] == "\u00a0%"
    assert french["data"][0]["hovertemplate"] == "%{x}\u00a0: %{y:.1f}\u00a0%<extra></extra>"
    assert french["data"][0]["name"] == "10–90\u00a0%" and french["layout"]["title"]["text"] == "Réussite\u00a0: 92\u00a0%"
    assert french["data"][0]["text"] == ["Ada : 9.5 %"]  # a list of texts (what students typed) is left alone
    english = style.localize(__import__("copy").deepcopy(spec), "en")
    assert english["layout"]["separators"] == ".," and english["layout"]["yaxis"]["ticksuffix"] == "%"
    assert english["data"][0]["hovertemplate"] == "%{x}: %{y:.1f}%<extra></extra>"


# ------------------------------------------------------------------------------ the text alternative
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_chart_has_a_text_alternative(name, lang):
    """What ui.common.chart shows folded under every chart: its values, never an empty table."""
    from core.figures import alternative
    values = alternative.values_table(spec_in(name, lang))
    assert not values.table.empty and values.total >= len(values.table) > 0, name
    assert len(values.table) <= alternative.ROW_LIMIT
    # every row says something: a value, a point or a text
    assert values.table.drop(columns=[c for c in values.table.columns if c == "series"]).notna().any(axis=1).all()
