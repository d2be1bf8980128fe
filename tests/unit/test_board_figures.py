import json
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from core.board.records import network_layers, read_record
from core.board.store import Answers, Question, SharedRun
from core.figures import board as bf
from core.figures import palette

LESSON = [200, 100, 60, 30]
LESSON_SIZE = 784 * 200 + 200 + 200 * 100 + 100 + 100 * 60 + 60 + 60 * 30 + 30 + 30 * 10 + 10
SOFTMAX = {"learning_rate": 0.003, "batch_size": 100, "iterations": 10000, "train_size": 60000,
           "eval_every": 100, "seed": 0, "model": "softmax"}
MLP = {"hidden_layers": LESSON, "activation": "logistic", "solver": "adam", "learning_rate": 0.001,
       "batch_size": 100, "epochs": 20, "alpha": 0.0001, "train_size": 60000, "seed": 0,
       "validation_fraction": 0.0, "test_digits": 10000, "shift_augmentation": 0, "model": "mlp"}
PIPELINE = {"pool": 4, "train_size": 20000}
LABELS = {"id": "N°", "student": "Élève", "page": "Page", "model": "Modèle", "size": "Taille",
          "learning_rate": "Taux", "train_size": "Exemples", "epochs_or_iterations": "Étapes", "seed": "Graine",
          "train_accuracy": "Précision entraînement", "test_accuracy": "Précision test", "test_loss": "Perte test",
          "seconds": "Secondes", "student_number": "Élève {number}"}


def run(id=1, student_number=1, nickname="Ada", page="training", model="softmax", settings=None, seed=0,
        train_accuracy=0.93, test_accuracy=0.92, train_loss=0.3, test_loss=0.31, seconds=12.5, curve=None,
        created_at=None) -> SharedRun:
    """The run the store reads back from a row holding these values (settings and curve as JSON text)."""
    row = dict(page=page, model=model, settings=json.dumps(dict(SOFTMAX if settings is None else settings)),
               seed=seed, train_accuracy=train_accuracy, test_accuracy=test_accuracy, train_loss=train_loss,
               test_loss=test_loss, seconds=seconds, curve=None if curve is None else json.dumps(curve))
    return SharedRun(id=id, student_number=student_number, nickname=nickname,
                     created_at=1000.0 + id if created_at is None else created_at, record=read_record(row))


def curve(accuracy, direction="horizontal"):
    return {"shifts": list(range(len(accuracy))), "accuracy": list(accuracy), "direction": direction}


def question(kind="number", choices=(), low=0.0, high=100.0, revealed=False, measured=None) -> Question:
    return Question(id=1, text="How accurate?", kind=kind, choices=tuple(choices), low=low, high=high,
                    revealed=revealed, measured=measured, created_at=0.0)


def assert_valid(fig: go.Figure) -> None:
    """Serialisable, and every property set is a real Plotly property with a valid value.

    ``pio.to_json(fig, validate=True)`` alone checks nothing for a figure object (it only
    validates dicts), and the renderers skip validation: rebuilding the figure from its dict
    with validation on is what catches a misspelt property.
    """
    pio.to_json(fig, validate=True)
    go.Figure(fig.to_dict())


# ----------------------------------------------------------------------------- network size
def size(settings) -> int:
    """The parameter count of the network the settings describe, as the board reads them."""
    return bf.network_size(network_layers(settings))


def label(settings) -> str:
    return bf.size_label(network_layers(settings))


def test_network_size_counts_weights_and_biases():
    assert size(SOFTMAX) == 784 * 10 + 10 == 7850
    assert size(MLP) == LESSON_SIZE == 185_300
    assert size({**MLP, "hidden_layers": [5]}) == 784 * 5 + 5 + 5 * 10 + 10
    assert size({**MLP, "hidden_layers": (200, 100, 60, 30)}) == LESSON_SIZE
    assert size({"hidden_layers": [5]}) == 784 * 5 + 5 + 5 * 10 + 10  # no "model" key: still an MLP


def test_size_label_writes_the_layers():
    assert label(SOFTMAX) == "10"
    assert label(MLP) == "200-100-60-30"
    assert label({**MLP, "hidden_layers": [64]}) == "64"


# ------------------------------------------------------------------------------------ table
def test_runs_table_newest_first_with_renamed_columns_and_numbers():
    runs = [
        run(id=2, student_number=17, nickname="", train_accuracy=0.91234, test_accuracy=None, test_loss=None),
        run(id=5, student_number=3, nickname="<b>Zoé</b>", page="five-layers", model="mlp", settings=MLP,
            train_accuracy=0.99876, test_accuracy=0.97654, test_loss=0.0812345, seconds=61.26, seed=7),
        run(id=3, student_number=4, nickname="Bob", page="convolution", model="pipeline", settings=PIPELINE,
            seed=None, train_accuracy=None, test_accuracy=0.955, seconds=None),
    ]
    table = bf.runs_table(runs, hide_names=False, labels=LABELS, language="fr")
    assert list(table.columns) == [LABELS[key] for key in bf.TABLE_COLUMNS]
    assert list(table.columns)[:3] == ["N°", "Élève", "Page"]
    assert table["N°"].tolist() == [5, 3, 2]
    assert table["Élève"].tolist() == ["<b>Zoé</b>", "Bob", "Élève 17"]        # plain text, empty nickname numbered
    assert table["Modèle"].tolist() == ["mlp", "pipeline", "softmax"]
    assert table["Taille"].tolist() == ["200-100-60-30", "?", "10"]
    assert table["Précision entraînement"].dtype == float and table["Précision test"].dtype == float
    assert table["Précision entraînement"].iloc[0] == pytest.approx(99.88)
    assert table["Précision test"].iloc[0] == pytest.approx(97.65)
    assert math.isnan(table["Précision entraînement"].iloc[1]) and table["Précision test"].iloc[1] == pytest.approx(95.5)
    assert table["Précision entraînement"].iloc[2] == pytest.approx(91.23) and math.isnan(table["Précision test"].iloc[2])
    assert table["Perte test"].iloc[0] == pytest.approx(0.0812) and math.isnan(table["Perte test"].iloc[2])
    assert table["Secondes"].iloc[0] == pytest.approx(61.3) and math.isnan(table["Secondes"].iloc[1])
    assert table["Taux"].iloc[0] == pytest.approx(0.001) and math.isnan(table["Taux"].iloc[1])
    assert table["Taux"].iloc[2] == pytest.approx(0.003)
    assert table["Exemples"].tolist() == [60000, 20000, 60000]
    assert table["Étapes"].iloc[0] == 20 and pd.isna(table["Étapes"].iloc[1]) and table["Étapes"].iloc[2] == 10000
    assert table["Graine"].iloc[0] == 7 and pd.isna(table["Graine"].iloc[1]) and table["Graine"].iloc[2] == 0
    # the accuracy column sorts as numbers
    assert table.sort_values("Précision test", ascending=False)["N°"].tolist()[:2] == [5, 3]


def test_runs_table_hides_names_and_accepts_no_runs():
    runs = [run(id=1, student_number=8, nickname="Ada"), run(id=2, student_number=9, nickname="")]
    english = dict(LABELS, student="Student", student_number="Student {number}")
    table = bf.runs_table(runs, hide_names=True, labels=english, language="en")
    assert table["Student"].tolist() == ["Student 9", "Student 8"]
    assert "Ada" not in table.to_string()
    empty = bf.runs_table([], hide_names=False, labels=LABELS, language="fr")
    assert len(empty) == 0 and list(empty.columns) == [LABELS[key] for key in bf.TABLE_COLUMNS]


# ------------------------------------------------------------------------------- overfitting
def test_overfitting_figure_places_each_run_by_its_accuracies():
    runs = [
        run(id=1, nickname="Ada", train_accuracy=0.93, test_accuracy=0.92),
        run(id=2, nickname="Bob", model="mlp", settings=MLP, train_accuracy=1.0, test_accuracy=0.85),
        run(id=3, nickname="x", train_accuracy=None, test_accuracy=0.9),           # left out
        run(id=4, nickname="y", train_accuracy=0.9, test_accuracy=None),           # left out
        run(id=5, nickname="<i>Eve</i>", model="pipeline", settings=PIPELINE, train_accuracy=0.97,
            test_accuracy=0.96),                                                   # size unknown: grey
    ]
    fig = bf.overfitting_figure(runs, "Cloud", "train", "test", "parameters", hide_names=False,
                                student_label="Student {number}")
    assert_valid(fig)
    sized, unsized = fig.data
    np.testing.assert_allclose(sized.x, [93.0, 100.0])
    np.testing.assert_allclose(sized.y, [92.0, 85.0])
    np.testing.assert_allclose(sized.marker.color, [math.log10(7850), math.log10(LESSON_SIZE)])
    assert sized.marker.showscale and sized.marker.colorbar.title.text == "parameters"
    assert list(sized.marker.colorbar.tickvals) == [3, 4, 5, 6]
    assert list(sized.marker.colorbar.ticktext) == ["10³", "10⁴", "10⁵", "10⁶"]
    np.testing.assert_allclose(unsized.x, [97.0])
    np.testing.assert_allclose(unsized.y, [96.0])
    assert unsized.marker.color == bf.OTHER_COLOR
    assert "Ada" in sized.text[0] and "10" in sized.text[0] and "200-100-60-30" in sized.text[1]
    # the accuracies (93.00 %, 85.00 %) written by Plotly from x and y, in the page's language
    assert sized.hovertemplate == unsized.hovertemplate == \
        "%{text}<br>train: %{x:.2f} %<br>test: %{y:.2f} %<extra></extra>"
    assert "&lt;i&gt;Eve&lt;/i&gt;" in unsized.text[0] and "<i>" not in unsized.text[0]
    (diagonal,) = fig.layout.shapes
    assert diagonal.type == "line" and diagonal.line.dash == "dash"
    assert diagonal.x0 == diagonal.y0 and diagonal.x1 == diagonal.y1 == 100.5
    assert list(fig.layout.xaxis.range) == pytest.approx([83.0, 100.5])   # lowest accuracy 85 % minus 2
    assert list(fig.layout.yaxis.range) == pytest.approx([83.0, 100.5])
    assert fig.layout.title.text == "Cloud" and fig.layout.height == 520


def test_overfitting_figure_hides_names_bounds_axes_and_accepts_no_runs():
    runs = [run(id=1, student_number=12, nickname="Ada", train_accuracy=0.5, test_accuracy=0.01)]
    fig = bf.overfitting_figure(runs, "t", "x", "y", "size", hide_names=True, student_label="Élève {number}")
    assert_valid(fig)
    assert fig.data[0].text[0].startswith("Élève 12") and "Ada" not in fig.data[0].text[0]
    assert list(fig.layout.xaxis.range) == [0.0, 100.5]                    # never below 0
    assert len(fig.data) == 1                                              # no grey trace without unsized runs
    empty = bf.overfitting_figure([run(train_accuracy=None)], "Empty", "x", "y", "size", False, "S {number}")
    assert_valid(empty)
    assert len(empty.data) == 0 and empty.layout.title.text == "Empty" and len(empty.layout.shapes) == 1


# ----------------------------------------------------------------------------- learning rate
def test_learning_rate_figure_uses_a_log_axis_and_one_colour_per_model():
    runs = [
        run(id=1, settings={**SOFTMAX, "learning_rate": 0.5}, test_accuracy=0.9),
        run(id=2, settings={**SOFTMAX, "learning_rate": 0.003}, test_accuracy=0.92),
        run(id=3, model="mlp", settings={**MLP, "learning_rate": 0.01}, test_accuracy=0.97),
        run(id=4, settings={**SOFTMAX, "learning_rate": 0}, test_accuracy=0.5),        # left out: not > 0
        run(id=5, settings={**SOFTMAX, "learning_rate": "fast"}, test_accuracy=0.5),   # left out: not a number
        run(id=6, settings={**SOFTMAX, "learning_rate": True}, test_accuracy=0.5),     # left out: a boolean
        run(id=7, settings={**SOFTMAX, "learning_rate": 0.1}, test_accuracy=None),     # left out: no accuracy
        run(id=8, model="pipeline", settings=PIPELINE, test_accuracy=0.95),            # left out: no rate
    ]
    fig = bf.learning_rate_figure(runs, "Rate", "learning rate", "test", hide_names=False, student_label="S {number}")
    assert_valid(fig)
    assert fig.layout.xaxis.type == "log"
    softmax, mlp = fig.data
    assert softmax.name == "softmax" and mlp.name == "mlp"
    assert softmax.marker.color == bf.MODEL_COLORS["softmax"] == palette.BLUE
    assert mlp.marker.color == bf.MODEL_COLORS["mlp"] == palette.VERMILLION
    assert list(softmax.x) == [0.5, 0.003] and list(mlp.x) == [0.01]
    np.testing.assert_allclose(softmax.y, [90.0, 92.0])
    np.testing.assert_allclose(mlp.y, [97.0])
    named = bf.learning_rate_figure(runs, "Rate", "lr", "test", True, "Élève {number}",
                                    model_labels={"softmax": "10 neurones", "mlp": "5 couches"})
    assert [trace.name for trace in named.data] == ["10 neurones", "5 couches"]
    assert named.data[0].text[0].startswith("Élève 1")
    empty = bf.learning_rate_figure([], "Nothing", "lr", "test", False, "S {number}")
    assert_valid(empty)
    assert len(empty.data) == 0 and empty.layout.xaxis.type == "log" and empty.layout.title.text == "Nothing"


# ------------------------------------------------------------------------------------ shift
def test_shift_figure_draws_each_run_thin_and_the_median_per_model():
    softmax_curves = [[0.92, 0.8, 0.5, 0.3], [0.9, 0.85, 0.6, 0.2], [0.91, 0.7, 0.4, 0.25]]
    mlp_curves = [[0.98, 0.9, 0.6, 0.35], [0.97, 0.8, 0.55, 0.3]]
    runs = [run(id=i, page="translation", curve=curve(c)) for i, c in enumerate(softmax_curves)]
    runs += [run(id=10 + i, page="translation", model="mlp", settings=MLP, curve=curve(c, "vertical"))
             for i, c in enumerate(mlp_curves)]
    runs += [
        run(id=20, curve=None),
        run(id=21, curve={"shifts": [0, 1, 2], "accuracy": [0.9, 0.8]}),                    # unequal lengths
        run(id=22, curve={"shifts": [0, 1], "accuracy": [0.9, "high"]}),                    # not a number
        run(id=23, curve={"shifts": [0, 1], "accuracy": [0.9, None]}),
        run(id=24, curve={"shifts": "0-8", "accuracy": [0.9]}),
        run(id=25, curve={"shifts": [], "accuracy": []}),
        run(id=26, curve={"accuracy": [0.9]}),
        run(id=27, curve=[0.9, 0.8]),
        run(id=28, curve={"shifts": [0, 1], "accuracy": [0.9, float("nan")]}),
    ]
    fig = bf.shift_figure(runs, "Shift", "shift (pixels)", "accuracy", {"softmax": "softmax", "mlp": "MLP"},
                          "median", hide_names=False, student_label="S {number}")
    assert_valid(fig)
    thin_softmax, thin_mlp, median_softmax, median_mlp = fig.data
    # one line per run, separated by gaps: the malformed curves drew nothing
    assert np.isnan(np.asarray(thin_softmax.x, dtype=float)).sum() == len(softmax_curves) - 1
    assert np.isnan(np.asarray(thin_mlp.x, dtype=float)).sum() == len(mlp_curves) - 1
    drawn = np.asarray(thin_softmax.y, dtype=float)
    np.testing.assert_allclose(drawn[~np.isnan(drawn)], 100 * np.concatenate(softmax_curves))
    assert len(thin_softmax.text) == len(thin_softmax.x)
    assert thin_softmax.line.width < median_softmax.line.width
    assert thin_softmax.line.color.startswith("rgba({}, {}, {},".format(*palette.rgb(palette.BLUE))) and not thin_softmax.showlegend
    assert median_softmax.name == "median softmax" and median_mlp.name == "median MLP"
    assert list(median_softmax.x) == [0, 1, 2, 3]
    np.testing.assert_allclose(median_softmax.y, np.median(100 * np.array(softmax_curves), axis=0))
    np.testing.assert_allclose(median_mlp.y, np.median(100 * np.array(mlp_curves), axis=0))
    assert median_softmax.line.color == palette.BLUE and median_mlp.line.color == palette.VERMILLION
    assert "vertical" in thin_mlp.text[0]


def test_shift_figure_median_over_runs_of_different_lengths_and_no_curves():
    runs = [run(id=1, model="augmented", curve=curve([0.9, 0.8, 0.7])),
            run(id=2, model="augmented", curve=curve([0.7, 0.6])),
            run(id=3, model="cnn_global", curve=curve([0.95, 0.94]))]
    fig = bf.shift_figure(runs, "t", "x", "y", {}, "médiane", True, "Élève {number}")
    assert_valid(fig)
    median_augmented = fig.data[2]
    assert median_augmented.name == "médiane augmented"
    np.testing.assert_allclose(median_augmented.y, [80.0, 70.0, 70.0])
    assert median_augmented.line.color == palette.BLUISH_GREEN and fig.data[3].line.color == palette.ORANGE
    assert fig.data[0].text[0].startswith("Élève ")
    empty = bf.shift_figure([run(curve=None)], "No curve", "x", "y", {}, "median", False, "S {number}")
    assert_valid(empty)
    assert len(empty.data) == 0 and empty.layout.title.text == "No curve"


# ---------------------------------------------------------------------------------- answers
def test_answers_histogram_of_a_number_question_matches_numpy():
    values = tuple(sorted(np.random.default_rng(0).uniform(0, 100, 37).round(2).tolist()) + [100.0, 0.0])
    answers = Answers(question(low=0.0, high=100.0, revealed=True, measured=91.5), values)
    fig = bf.answers_figure(answers, "Guesses", "students", "measured: 91.5 %")
    assert_valid(fig)
    (bars,) = fig.data
    counts, edges = np.histogram(values, bins=10, range=(0.0, 100.0))
    assert list(bars.y) == counts.tolist() and sum(bars.y) == len(values)
    np.testing.assert_allclose(bars.x, (edges[:-1] + edges[1:]) / 2)
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == 91.5 and line.line.dash == "dash" and line.yref == "y domain"
    (label,) = fig.layout.annotations
    assert label.text == "measured: 91.5 %" and label.x == 91.5
    assert fig.layout.title.text == "Guesses" and fig.layout.yaxis.title.text == "students"


def test_answers_histogram_whole_number_bins_outliers_and_hidden_measure():
    values = (1.0, 2.0, 2.0, 5.0, 7.0, 7.0, 7.0, 9.0, 12.0)          # 12 lies above the range: counted in 10
    answers = Answers(question(low=0.0, high=10.0, revealed=False, measured=None), values)
    fig = bf.answers_figure(answers, "t", "n", "measured")
    assert_valid(fig)
    (bars,) = fig.data
    assert list(bars.x) == list(range(11))
    assert list(bars.y) == [0, 1, 2, 0, 0, 1, 0, 3, 0, 1, 1] and sum(bars.y) == len(values)
    assert len(fig.layout.shapes) == 0 and len(fig.layout.annotations) == 0
    # measured far outside the bins: the axis stretches to show the line
    revealed = Answers(question(low=0.0, high=10.0, revealed=True, measured=15.0), values)
    stretched = bf.answers_figure(revealed, "t", "n", "measured")
    assert stretched.layout.shapes[0].x0 == 15.0 and stretched.layout.xaxis.range[1] > 15.0
    # an open range: the bins cover the answers
    open_range = Answers(question(low=None, high=None), (0.25, 0.5, 0.75, 0.5))
    counts = bf.answers_figure(open_range, "t", "n", "m").data[0].y
    assert list(counts) == np.histogram([0.25, 0.5, 0.75, 0.5], bins=10, range=(0.25, 0.75))[0].tolist()


def test_answers_bars_of_a_choice_question_include_empty_choices_and_highlight_the_measure():
    choices = ("softmax", "MLP", "<same>")
    answers = Answers(question(kind="choice", choices=choices, low=None, high=None, revealed=True, measured="MLP"),
                      ("MLP", "MLP", "softmax", "MLP"))
    fig = bf.answers_figure(answers, "Which wins?", "students", "measured")
    assert_valid(fig)
    (bars,) = fig.data
    assert list(bars.x) == ["softmax", "MLP", "&lt;same&gt;"]
    assert list(bars.y) == [1, 3, 0]
    assert list(bars.marker.color) == [palette.BLUE, palette.BLUISH_GREEN, palette.BLUE]
    (label,) = fig.layout.annotations
    assert label.text == "measured" and label.x == "MLP"
    hidden = Answers(question(kind="choice", choices=choices, low=None, high=None, revealed=False, measured=None),
                     answers.values)
    plain = bf.answers_figure(hidden, "t", "n", "m")
    assert set(plain.data[0].marker.color) == {palette.BLUE} and len(plain.layout.annotations) == 0


@pytest.mark.parametrize("q", [question(), question(low=None, high=None), question(low=0, high=10),
                               question(kind="choice", choices=("a", "b"), low=None, high=None),
                               question(revealed=True, measured=42.0)])
def test_answers_figure_without_answers_is_empty_but_valid(q):
    fig = bf.answers_figure(Answers(q, ()), "No answer yet", "students", "measured")
    assert_valid(fig)
    assert fig.layout.title.text == "No answer yet"
    assert sum(sum(trace.y) for trace in fig.data) == 0


def test_answer_summary():
    answers = Answers(question(revealed=True, measured=91.5), (80.0, 90.0, 93.0, 99.0))
    assert bf.answer_summary(answers) == {"count": 4, "median": 91.5, "mean": 90.5, "closest": 90.0}
    unmeasured = bf.answer_summary(Answers(question(), (1.0, 2.0, 9.0)))
    assert unmeasured == {"count": 3, "median": 2.0, "mean": 4.0, "closest": None}
    assert bf.answer_summary(Answers(question(), ())) == {"count": 0, "median": None, "mean": None, "closest": None}
    choice = Answers(question(kind="choice", choices=("a", "b"), low=None, high=None, revealed=True, measured="a"),
                     ("a", "b", "a"))
    assert bf.answer_summary(choice) == {"count": 3, "median": None, "mean": None, "closest": None}
