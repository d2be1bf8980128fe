"""What the class board shares, as typed records: each builder, the trip through the store, malformed rows.

The pages build their records with ``core.board.records``; the store checks them, keeps them
as columns and reads them back. Reading is where malformed stored values (a row written by
hand, by another version, or damaged) become None or are dropped, so that the board's charts
(``core.figures.board``) read typed fields and never raise. The store runs on SQLite here; the
store's own tests run it on PostgreSQL too.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import asdict, replace

import numpy as np
import pytest
import sqlalchemy as sa

from core.board.errors import InvalidInput
from core.board.records import (
    ShiftCurve,
    ShiftCurveRecord,
    TrainingRecord,
    model_settings,
    network_layers,
    read_curve,
    read_record,
    record_columns,
    shift_curve_record,
    shipped_curve_record,
    training_record,
)
from core.board.schema import run_table
from core.board.store import BoardStore, database_url
from core.figures import board as bf
from core.models.mlp import MLPSettings
from core.models.softmax_regression import SoftmaxSettings
from core.training.checkpoint import Checkpoint

MLP = asdict(MLPSettings())


def checkpoint(train_accuracy=0.95, test_accuracy=0.93, train_loss=0.2, test_loss=0.25, seconds=4.5) -> Checkpoint:
    """A run's last checkpoint, its measures as NumPy numbers as the trainers give them."""
    empty = np.zeros(0)
    return Checkpoint(step=10, seconds=np.float64(seconds), train_accuracy=np.float64(train_accuracy),
                      train_loss=np.float64(train_loss), test_accuracy=np.float64(test_accuracy),
                      test_loss=np.float64(test_loss), test_size=10000, weight_percentiles={}, biases={},
                      pixel_weights=np.zeros((784, 1)), batch_indices=empty, batch_predictions=empty,
                      test_indices=empty, test_predictions=empty)


def row(page="training", model="softmax", settings="{}", seed=None, train_accuracy=None, test_accuracy=None,
        train_loss=None, test_loss=None, seconds=None, curve=None) -> dict:
    """A row of the runs table as the database holds it (settings and curve as JSON text)."""
    return dict(page=page, model=model, settings=settings, seed=seed, train_accuracy=train_accuracy,
                test_accuracy=test_accuracy, train_loss=train_loss, test_loss=test_loss, seconds=seconds,
                curve=curve)


@pytest.fixture
def store(tmp_path):
    opened = BoardStore(f"sqlite:///{tmp_path / 'board.sqlite3'}")
    yield opened
    opened.close()


# ------------------------------------------------------------------------------- building
def test_a_training_run_is_its_settings_seed_and_last_checkpoint():
    settings = MLPSettings(hidden_layers=(64, 32), learning_rate=0.01, epochs=5, train_size=5000, seed=7)
    record = training_record("five-layers", "mlp", settings, checkpoint())
    assert isinstance(record, TrainingRecord)
    assert (record.page, record.model, record.seed) == ("five-layers", "mlp", 7)
    assert record.settings == {**asdict(settings), "hidden_layers": [64, 32]}    # tuples as lists: JSON data
    assert json.loads(json.dumps(record.settings)) == record.settings
    measures = (record.train_accuracy, record.test_accuracy, record.train_loss, record.test_loss, record.seconds)
    assert measures == (0.95, 0.93, 0.2, 0.25, 4.5) and all(type(value) is float for value in measures)
    assert record.curve is None
    # what the board reads from the settings
    assert (record.hidden_layers, record.learning_rate, record.train_size, record.steps) == ((64, 32), 0.01, 5000, 5)
    softmax = training_record("training", "softmax", SoftmaxSettings(iterations=300, seed=3), checkpoint())
    assert (softmax.hidden_layers, softmax.steps, softmax.seed) == ((), 300, 3)
    assert softmax.settings["model"] == "softmax"


def test_a_shift_curve_is_a_trained_model_and_its_accuracy_at_each_shift():
    settings = MLPSettings(shift_augmentation=2)
    record = shift_curve_record("translation", "augmented", settings, checkpoint(), range(9),
                                np.linspace(0.98, 0.5, 9), "diagonal")
    assert isinstance(record, ShiftCurveRecord)
    assert (record.page, record.model, record.seed, record.test_accuracy) == ("translation", "augmented", 0, 0.93)
    assert record.settings == model_settings(settings) and record.hidden_layers == (200, 100, 60, 30)
    assert record.curve == ShiftCurve(shifts=tuple(range(9)), accuracy=tuple(np.linspace(0.98, 0.5, 9).tolist()),
                                      direction="diagonal")
    assert all(type(shift) is int for shift in record.curve.shifts)
    assert all(type(value) is float for value in record.curve.accuracy)


def test_a_shipped_network_is_its_name_test_accuracy_and_curve():
    record = shipped_curve_record("convolution", "cnn_global", "global_pooling", np.float64(0.9906), [0, 1, 2],
                                  np.array([0.99, 0.98, 0.97]), "horizontal")
    assert isinstance(record, ShiftCurveRecord)
    assert (record.page, record.model, record.test_accuracy) == ("convolution", "cnn_global", 0.9906)
    assert type(record.test_accuracy) is float
    assert record.settings == {"model": "cnn_global", "network": "global_pooling"}
    assert record.curve == ShiftCurve(shifts=(0, 1, 2), accuracy=(0.99, 0.98, 0.97), direction="horizontal")
    # what a network shipped trained has not: the board leaves it out of those columns and charts
    assert (record.seed, record.train_accuracy, record.train_loss, record.test_loss) == (None, None, None, None)
    assert (record.hidden_layers, record.learning_rate, record.steps, record.seconds) == (None, None, None, None)


# ------------------------------------------------------------------------------- storing
def test_every_kind_comes_back_from_the_store_as_it_was_built(store):
    info, key = store.create_class()
    student = store.join(info.code, "client", "Ada")
    built = [
        training_record("training", "softmax", SoftmaxSettings(iterations=500, train_size=5000, seed=7),
                        checkpoint()),
        training_record("overfitting", "mlp", MLPSettings(train_size=500, alpha=1.0), checkpoint(1.0, 0.8)),
        shift_curve_record("translation", "mlp", MLPSettings(), checkpoint(), range(9), np.linspace(1, 0.2, 9),
                           "vertical"),
        shipped_curve_record("convolution", "cnn_lesson", "lesson", 0.9936, range(9), np.linspace(0.96, 0.6, 9),
                             "horizontal"),
    ]
    shared = [store.share_run(student, record) for record in built]
    assert [run.record for run in shared] == built
    assert [type(run.record) for run in shared] == [type(record) for record in built]
    store.close()
    read = store.runs(info.code)
    assert read == shared
    assert [run.record for run in read] == built
    # the teacher's export has every kind, its settings and curve as JSON
    rows = list(csv.DictReader(io.StringIO(store.export_csv(info.code, key, "teacher"))))
    assert [json.loads(line["settings"]) for line in rows] == [record.settings for record in built]
    assert [line["curve"] for line in rows[:2]] == ["", ""]
    assert json.loads(rows[3]["curve"]) == {"shifts": list(range(9)), "accuracy": np.linspace(0.96, 0.6, 9).tolist(),
                                            "direction": "horizontal"}


BAD_CURVES = [
    ShiftCurve(shifts=(0, 1, 2), accuracy=(0.9, 0.8)),              # unequal lengths
    ShiftCurve(shifts=(), accuracy=()),                              # empty
    ShiftCurve(shifts=(0, 1), accuracy=(0.9, math.nan)),
    ShiftCurve(shifts=(0, 1), accuracy=(0.9, "high")),
    ShiftCurve(shifts=(0, True), accuracy=(0.9, 0.8)),
    ShiftCurve(shifts=(0, 1), accuracy=(0.9, 0.8), direction="two\nlines"),
    ShiftCurve(shifts=(0, 1), accuracy=(0.9, 0.8), direction="d" * 41),
    {"shifts": [0, 1], "accuracy": [0.9, 0.8]},                      # not a ShiftCurve
]


def test_a_curve_that_would_not_read_back_is_refused():
    run = shift_curve_record("translation", "mlp", MLPSettings(), checkpoint(), [0, 1], [0.9, 0.8], "horizontal")
    record_columns(run)
    for curve in BAD_CURVES:
        with pytest.raises(InvalidInput) as refused:
            record_columns(replace(run, curve=curve))
        assert refused.value.field == "curve", curve
    with pytest.raises(InvalidInput) as refused:
        record_columns(replace(shipped_curve_record("convolution", "cnn_lesson", "lesson", 0.9, [0], [0.9],
                                                    "vertical"), curve=BAD_CURVES[0]))
    assert refused.value.field == "curve"


def test_only_records_are_shared(store):
    info, _ = store.create_class()
    student = store.join(info.code, "client")
    with pytest.raises(TypeError):
        store.share_run(student, dict(page="training", model="softmax", settings={}))
    assert store.runs(info.code) == []


def test_a_direction_is_stored_as_plain_text():
    run = shift_curve_record("translation", "mlp", MLPSettings(), checkpoint(), [0], [0.9], "  diagonal\u00a0 ")
    assert json.loads(record_columns(run)["curve"])["direction"] == "diagonal"


# ------------------------------------------------------------------------------- reading
def test_a_row_reads_back_as_its_kind():
    curve = json.dumps({"shifts": [0, 1], "accuracy": [0.9, 0.5], "direction": "vertical"})
    assert isinstance(read_record(row()), TrainingRecord)
    assert isinstance(read_record(row(page="translation", model="mlp", curve=curve)), ShiftCurveRecord)
    assert isinstance(read_record(row(page="convolution", model="cnn_global", curve=curve)), ShiftCurveRecord)
    # a row of an older version (the convolution page's former pipeline) reads as a run like any other
    assert isinstance(read_record(row(page="convolution", model="pipeline")), TrainingRecord)


@pytest.mark.parametrize("curve", [
    None, "not json", "[0.9, 0.8]", "null", '"curve"',
    '{"shifts": [0, 1, 2], "accuracy": [0.9, 0.8]}',        # unequal lengths
    '{"shifts": [0, 1], "accuracy": [0.9, "high"]}',        # not a number
    '{"shifts": [0, 1], "accuracy": [0.9, null]}',
    '{"shifts": [0, 1], "accuracy": [0.9, true]}',          # a boolean is not a number
    '{"shifts": "0-8", "accuracy": [0.9]}',
    '{"shifts": [], "accuracy": []}',
    '{"accuracy": [0.9]}',
    '{"shifts": [0, 1], "accuracy": [0.9, NaN]}',
    '{"shifts": [0, 1], "accuracy": [0.9, Infinity]}',
])
def test_a_malformed_curve_is_dropped_and_the_run_stays_a_training_run(curve):
    record = read_record(row(page="translation", model="mlp", test_accuracy=0.9, curve=curve))
    assert isinstance(record, TrainingRecord) and record.curve is None
    assert record.test_accuracy == 0.9                       # the rest of the run is still there


def test_a_curve_reads_its_direction_only_as_text():
    assert read_curve({"shifts": [0, 1], "accuracy": [1, 0.5]}) == ShiftCurve((0, 1), (1, 0.5), None)
    assert read_curve({"shifts": [0], "accuracy": [1], "direction": 3}).direction is None
    assert read_curve({"shifts": [0.5], "accuracy": [1], "direction": "vertical"}).direction == "vertical"


def test_malformed_numbers_and_settings_read_as_none():
    record = read_record(row(settings="not json", seed="7", train_accuracy=math.nan, test_accuracy="0.9",
                             train_loss=True, test_loss=math.inf, seconds=-1.5))
    assert record.settings == {}
    assert (record.seed, record.train_accuracy, record.test_accuracy, record.train_loss, record.test_loss) == (
        None, None, None, None, None)
    assert record.seconds == -1.5                            # a number, however odd, is kept
    assert read_record(row(settings="[1, 2]")).settings == {}
    assert read_record(row(settings=None)).settings == {}
    odd = read_record(row(settings=json.dumps({"learning_rate": "fast", "train_size": 2.5, "epochs": True})))
    assert (odd.learning_rate, odd.train_size, odd.steps) == (None, None, None)
    whole = read_record(row(settings=json.dumps({"learning_rate": 1, "train_size": 5000.0, "iterations": 300})))
    assert (whole.learning_rate, whole.train_size, whole.steps) == (1.0, 5000, 300)


def test_a_run_stored_without_a_seed_takes_its_settings_seed():
    assert read_record(row(settings=json.dumps({"seed": 4}))).seed == 4
    assert read_record(row(settings=json.dumps({"seed": 4}), seed=9)).seed == 9
    assert read_record(row(settings=json.dumps({"seed": "4"}))).seed is None


def test_a_malformed_shipped_network_row_keeps_what_is_well_formed():
    settings = json.dumps({"model": "cnn_global", "network": 3})
    record = read_record(row(page="convolution", model="cnn_global", settings=settings, test_accuracy=0.99,
                             train_accuracy=float("nan"), curve='{"shifts": [0], "accuracy": ["x"]}'))
    assert (record.test_accuracy, record.train_accuracy, record.curve) == (0.99, None, None)
    assert record.settings == {"model": "cnn_global", "network": 3} and record.hidden_layers is None


@pytest.mark.parametrize("settings", [
    {}, {"pool": 4, "train_size": 20000}, {"model": "mlp"}, {**MLP, "hidden_layers": "200-100"},
    {**MLP, "hidden_layers": []}, {**MLP, "hidden_layers": [200, 0]}, {**MLP, "hidden_layers": [200, -3]},
    {**MLP, "hidden_layers": [True, 5]}, {**MLP, "hidden_layers": [2.5]}, {**MLP, "hidden_layers": None},
    {**MLP, "hidden_layers": [[200]]}, {**MLP, "model": "pipeline"}, None, "softmax", [200, 100],
])
def test_network_size_and_label_of_malformed_settings(settings):
    layers = network_layers(settings)
    assert layers is None
    assert bf.network_size(layers) == 0
    assert bf.size_label(layers) == "?"


def test_malformed_rows_in_the_database_are_left_out_of_the_board_not_raised(store, tmp_path):
    info, key = store.create_class()
    student = store.join(info.code, "client")
    good = store.share_run(student, shift_curve_record("translation", "mlp", MLPSettings(), checkpoint(),
                                                       range(3), [0.9, 0.8, 0.5], "horizontal"))
    damaged = [store.share_run(student, training_record("training", "softmax", SoftmaxSettings(), checkpoint()))
               for _ in range(3)]
    engine = sa.create_engine(database_url(f"sqlite:///{tmp_path / 'board.sqlite3'}"))
    try:
        with engine.begin() as connection:
            for run, values in zip(damaged, [dict(settings="{not json", curve='{"shifts": [0], "accuracy": ["x"]}'),
                                             dict(settings="[]", curve="[]", seed=None),
                                             dict(curve="null", test_accuracy=math.inf)]):
                connection.execute(run_table.update().where(run_table.c.id == run.id).values(**values))
    finally:
        engine.dispose()
    runs = store.runs(info.code)
    assert runs[0] == good
    first, second, third = (run.record for run in runs[1:])
    assert first.settings == {} and first.curve is None and first.hidden_layers is None
    assert second.settings == {} and second.seed is None
    assert third.curve is None and third.test_accuracy is None and third.hidden_layers == ()
    # the board draws them without raising, leaving out what is missing
    labels = {column: column for column in bf.TABLE_COLUMNS}
    table = bf.runs_table(runs, hide_names=False, labels=labels, language="en")
    assert table["size"].tolist() == ["10", "?", "?", "200-100-60-30"]     # newest first
    shift = bf.shift_figure(runs, "t", "x", "y", {}, "median", False, "S {number}")
    assert len(shift.data) == 2                                            # the good run and its median
    rate = bf.learning_rate_figure(runs, "t", "x", "y", False, "S {number}")
    assert sum(len(trace.x) for trace in rate.data) == 1                   # the only one with both
    assert store.export_csv(info.code, key, "teacher").count("\n") == 5
