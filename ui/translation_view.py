"""The trained models that the translation and convolution pages put to the test, and the shared work on them.

A student who trained the 10-neuron model or the 5-layer network on an earlier
page gets *their* model tested; otherwise the lesson's models are trained once
for the whole server through the hub (the same runs as the earlier pages'
defaults, so a class that trained those shares them). Beside them, the two
convolutional networks shipped trained in ``data/``. Measurements over the test
set are shared jobs, one per model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Hashable

import numpy as np
import streamlit as st

from core.board.records import shift_curve_record, shipped_curve_record
from core.lesson import experiments
from core.models.convnet import shipped
from core.numbers import format_count, format_number
from core.training.hub import DONE, FAILED, HubFull, SharedRun
from ui import board
from ui.common import figure_digest, lang, tr, tr_choice
from ui.live import live, show_failure
from ui.server import shipped_networks, training_data, viewer_id
from ui.shared_work import confident_digits_job, open_run

MODEL_NAMES = tuple(experiments.TRANSLATION_MODELS)  # softmax, mlp, augmented
NETWORK_NAMES = tuple(experiments.SHIPPED_MODELS)     # cnn_lesson, cnn_global
OWN_PAGES = {"softmax": "softmax", "mlp": "mlp"}     # model -> the session key prefix of its page's run
HEATMAP_DIGITS = 2000                                # the dx × dy map: 289 shifts of this many test digits


# A model's predictions on the page's digit, kept for the server: a class opens the page on one digit
# (the lesson's) and moves the same sliders, and the convolutional networks predict in this process.
PREDICTIONS_KEPT = 2000
PREDICTIONS_SECONDS = 30 * 60


@st.cache_resource(max_entries=PREDICTIONS_KEPT, ttl=PREDICTIONS_SECONDS, show_spinner=False)
def _prediction(digest: str, _compute: Callable[[], np.ndarray]) -> np.ndarray:
    values = np.asarray(_compute())
    values.setflags(write=False)  # shared read-only between sessions
    return values


def shared_prediction(model: "TestedModel", what: tuple, compute: Callable[[], np.ndarray]) -> np.ndarray:
    """``compute()``, what ``model`` predicts for ``what`` (the digit's index and how it is moved), computed once
    for the server: thirty students opening the page on the lesson's digit asked the networks thirty times."""
    return _prediction(figure_digest((model.key, *what)), compute)


@dataclass(frozen=True)
class TestedModel:
    """One model on the page: trained by a run (the student's or the server's), or shipped trained.

    ``key`` is what its shared measurements are keyed by, ``model`` what predicts
    (``predict_proba``), once it is ``ready``.
    """

    name: str
    run: SharedRun | None = None     # None: a network shipped trained in data/
    own: bool = False
    network: Any = None              # the shipped network
    known_curves: dict | None = None  # its accuracy against the shift, measured with it

    @property
    def ready(self) -> bool:
        if self.run is None:
            return self.network is not None
        return self.run.state == DONE and self.run.model is not None

    @property
    def finished(self) -> bool:
        return self.run is None or self.run.finished

    @property
    def model(self):
        return self.network if self.run is None else self.run.model

    @property
    def key(self) -> Hashable:
        return ("shipped", experiments.SHIPPED_MODELS[self.name], shipped.SHIPPED[experiments.SHIPPED_MODELS[
            self.name]].sha256) if self.run is None else self.run.key

    @property
    def test_accuracy(self) -> float:
        if self.run is None:
            return shipped.SHIPPED[experiments.SHIPPED_MODELS[self.name]].test_accuracy
        return self.run.checkpoints[-1].test_accuracy

    @property
    def label(self) -> str:
        return tr_choice("trans_model_", self.name)

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return np.asarray(self.model.predict_proba(rows), dtype=np.float64)

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return self.predict_proba(rows).argmax(axis=1)


def _own_run(name: str) -> SharedRun | None:
    """The student's finished run of this model on an earlier page, if any."""
    page = OWN_PAGES.get(name)
    current = st.session_state.get(f"{page}_run") if page else None
    if current is not None and current.state.done and current.run.model is not None:
        return current.run
    return None


def own_models_available() -> bool:
    return any(_own_run(name) is not None for name in MODEL_NAMES)


def tested_models(use_own: bool, networks: bool = True) -> dict[str, TestedModel]:
    """The page's models by name (``networks``: the shipped convolutional networks too); a model the server
    cannot hold now is left out (with a warning)."""
    models = {}
    for name, settings in experiments.TRANSLATION_MODELS.items():
        own = _own_run(name) if use_own else None
        if own is not None:
            models[name] = TestedModel(name, own, own=True)
            continue
        try:
            run = open_run(settings, durable=True)
        except HubFull:
            st.warning(tr("run_server_full"), icon=":material/hourglass_top:")
            continue
        models[name] = TestedModel(name, run, own=False)
    if networks:
        loaded = shipped_networks()
        models.update({name: TestedModel(name, network=loaded[network].network, known_curves=loaded[network].curves)
                       for name, network in experiments.SHIPPED_MODELS.items()})
    return models


def ready(models: dict[str, TestedModel]) -> dict[str, TestedModel]:
    return {name: model for name, model in models.items() if model.ready}


def _describe(model: TestedModel) -> str:
    if model.run is None:
        return tr_choice("trans_model_default_", model.name)
    if model.own:
        settings, language = model.run.key, lang()
        text = (tr("trans_own_softmax", rate=format_number(settings.learning_rate, None, language),
                   iterations=format_count(settings.iterations, language)) if model.name == "softmax"
                else tr("trans_own_mlp", layers="-".join(map(str, settings.hidden_layers)),
                        activation=tr_choice("activation_", settings.activation),
                        epochs=format_count(settings.epochs, language)))
        return tr("trans_model_own", settings=text)
    return tr_choice("trans_model_default_", model.name, shift=experiments.AUGMENTATION_SHIFT)


def models_panel(models: dict[str, TestedModel]) -> None:
    """What each model is and how far its training is, live until every model is ready."""
    language = lang()
    finished_at_start = {name for name, model in models.items() if model.finished}

    def panel() -> None:
        for model in models.values():
            if not model.finished:
                model.run.want(viewer_id(), model.run.total_steps)  # also this student's heartbeat
        for model in models.values():
            run = model.run
            if model.ready:
                accuracy = format_number(100 * model.test_accuracy, 1, language)
                st.markdown(f":material/check_circle: **{model.label}** — {_describe(model)} · "
                            + tr("trans_model_ready", accuracy=accuracy))
            elif run.state == FAILED:
                show_failure(run.error, label=f"{model.label}: ")
            else:
                done = max(run.produced_step, 0)
                unit = tr("unit_iterations" if model.name == "softmax" else "unit_epochs")
                text = (tr("trans_model_elsewhere", label=model.label) if run.computed_elsewhere
                        else tr("trans_model_queued", label=model.label) if run.queue_position() is not None and not done
                        else tr("trans_model_progress", label=model.label, done=done, total=run.total_steps,
                                unit=unit))
                st.progress(done / run.total_steps, text=f"{text} — {_describe(model)}")
        if not all(model.finished for model in models.values()):
            st.caption(tr("trans_models_wait"))

    # a model that becomes ready reruns the page: the experiments below can use it
    def settled() -> bool:
        finished = {name for name, model in models.items() if model.finished}
        return finished != finished_at_start or len(finished) == len(models)

    live(panel, settled)


def share_curve(model: TestedModel, direction: str, shifts: list[int], curve, page: str = "translation") -> None:
    """A model's accuracy-against-shift curve on the class board (for a student in a class)."""
    if model.run is None:
        record = shipped_curve_record(page, model.name, experiments.SHIPPED_MODELS[model.name], model.test_accuracy,
                                      shifts, curve, direction)
    else:
        record = shift_curve_record(page, model.name, model.run.key, model.run.checkpoints[-1], shifts, curve,
                                    direction)
    board.share_panel(f"{page}-{model.name}-{direction}-{hash(model.key)}", record,
                      label=tr("board_share_model", model=model.label))


def recognised_digit(models: dict[str, TestedModel], rng: np.random.Generator) -> int | None:
    """A random test digit that every ready model reads right with at least 90 % confidence."""
    arrays = training_data()
    usable = ready(models)
    if not usable:
        return None
    good = np.ones(arrays.y_test.size, dtype=bool)
    for model in usable.values():  # once per model for the server, in a worker (a second at most)
        job = confident_digits_job(model)
        if not job.wait(30) or job.error is not None:
            return None
        good &= job.result
    candidates = np.flatnonzero(good)
    return int(rng.choice(candidates)) if candidates.size else None
