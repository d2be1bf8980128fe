"""What the whole server shares, created once per process: libraries, data, hub, database, pollers.

Every session of the server (thirty students) reads these; none is copied per session. A
page never builds one itself: it asks here.
"""

from __future__ import annotations

import gc
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import numpy as np
import streamlit as st

from core import data
from core.board.errors import BoardError
from core.board.store import BoardStore
from core.models.convnet import shipped
from core.models.convnet.network import ConvNet
from core.numbers import format_count
from core.training import results, threads, workers
from core.training.hub import RunHub
from core.training.polling import Pollers
from ui.common import lang, tr, tr_choice

ROOT = Path(__file__).resolve().parent.parent


@st.cache_resource(show_spinner=False)
def configure_server() -> None:
    """Once per server process: the heavy imports done, then one thread per computation.

    On a shared classroom server the parallelism comes from running several
    students' trainings side by side (one per core, see core.training.hub); splitting
    small matrix products across busy cores instead makes them many times
    slower (measured: a LogisticRegression fit 0.5 s with one thread, 5.9 s
    with two while the other core was loaded). See core/training/threads.py.
    """
    # Import pandas now, once, before any page draws a chart. Plotly looks pandas up in
    # sys.modules without importing it: while a first student's thread is half-way through
    # importing pandas, a second student's chart found it "partially initialized" and raised
    # (seen by the load test with ten students arriving at once). Every session calls this
    # function first and waits for the first call to finish.
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    import sklearn.neural_network  # noqa: F401

    # every thread pool loaded by now (numpy's and scipy's OpenBLAS, OpenMP): one thread each
    threads.limit_loaded_libraries()

    # Everything imported so far lives as long as the server: move it out of the garbage
    # collector's sight, so that the full collections Python still runs now and then do not walk
    # the ~170 000 objects of the libraries' modules each time while holding the GIL.
    gc.freeze()


@st.cache_resource(show_spinner=False)
def _shared_mnist() -> data.Mnist:
    # One copy per server process, shared read-only by every session.
    return data.load_mnist()


def mnist() -> data.Mnist:
    """MNIST for this page, or a clear message on the page and a stop."""
    try:
        return _shared_mnist()
    except data.MnistDataError as error:
        st.error(data_error_text(error), icon=":material/warning:")
        if error.technical:
            with st.expander(tr("data_error_technical")):
                st.code(error.technical, language=None)
        st.stop()


def data_error_text(error: data.MnistDataError) -> str:
    """What is wrong with the MNIST file, in this session's language (the error's English kept for the log)."""
    language = lang()
    details = {name: " × ".join(format_count(n, language) for n in value) if isinstance(value, tuple) else value
               for name, value in error.details.items()}
    return tr("data_error", problem=tr_choice("data_problem_", error.code, **details), path=error.path)


@dataclass(frozen=True)
class ShippedNetwork:
    """A convolutional network shipped trained in data/, and its accuracy against the shift measured with it."""

    network: ConvNet
    curves: dict[str, list[float]]


@st.cache_resource(show_spinner=False)
def load_shipped_networks() -> dict[str, ShippedNetwork] | shipped.ShippedNetworkError:
    # One copy per server process: a network predicts for every session at once (each thread has
    # its own work buffers, core.models.convnet.layers).
    try:
        return {name: ShippedNetwork(shipped.load_shipped(name), shipped.shipped_curves(name))
                for name in shipped.SHIPPED}
    except shipped.ShippedNetworkError as error:
        return error


def shipped_networks() -> dict[str, ShippedNetwork]:
    """The convolutional networks shipped trained in data/, by name, or a clear message on the page and a stop."""
    found = load_shipped_networks()
    if isinstance(found, shipped.ShippedNetworkError):
        st.error(tr("convnet_file_error", problem=str(found)), icon=":material/warning:")
        st.stop()
    return found


@dataclass(frozen=True)
class TrainingData:
    """MNIST as the models read it: float32 rows in [0, 1], read-only, memory-mapped (one copy in
    the page cache for the server and its worker processes, core.data.training_rows)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    images_train: np.ndarray  # the uint8 images, to draw digits
    images_test: np.ndarray


@st.cache_resource(show_spinner=False)
def _training_data(_dataset: data.Mnist) -> TrainingData:
    rows = data.training_rows()
    return TrainingData(rows.x_train, _dataset.y_train, rows.x_test, _dataset.y_test, _dataset.x_train,
                        _dataset.x_test)


def training_data() -> TrainingData:
    return _training_data(mnist())


@st.cache_resource(show_spinner=False)
def hub() -> RunHub:
    """The server's one hub: every training and fit computed in worker processes, one per core."""
    executor = workers.ProcessWorkers(os.cpu_count() or 1)
    executor.start()  # they import their libraries and map the digits while the first page is drawn
    try:  # the lesson's models kept in the board's database (core.training.results), when it can be opened
        stored = results.DurableResults(store())
    except BoardError:
        stored = None
    return RunHub(executor=executor, results=stored)


# ------------------------------------------------------------- who is watching
def viewer_id() -> str:
    """This browser tab's identity for the server (its session): whose run, whose poll."""
    if "viewer_id" not in st.session_state:
        st.session_state["viewer_id"] = uuid.uuid4().hex
    return st.session_state["viewer_id"]


@st.cache_resource(show_spinner=False)
def pollers() -> Pollers:
    """The server's count of students polling a live view now."""
    return Pollers()


def poll_every(base: float) -> float:
    """This session's refresh period for a live view, longer when many students poll at once.

    Also counts this session as polling: call it where the view is defined, and call
    :func:`polled` in each of its reruns.
    """
    return pollers().period(viewer_id(), base)


def polled() -> None:
    """This session is still polling (a fragment's rerun)."""
    pollers().beat(viewer_id())


# ------------------------------------------------------------- the class board's database
DEFAULT_DATABASE = ROOT / "var" / "class_board.sqlite3"


def _secrets() -> Mapping | None:
    try:
        return {"board": dict(st.secrets["board"])} if "board" in st.secrets else None
    except Exception:  # no secrets file at all: Streamlit raises rather than answering "no"
        return None


@st.cache_resource(show_spinner=False)
def _store() -> BoardStore | BoardError:
    try:
        return BoardStore.from_settings(os.environ, _secrets(), DEFAULT_DATABASE)
    except BoardError as error:
        return error


def store() -> BoardStore:
    """The server's one store (raises :class:`BoardError` when the configuration is wrong)."""
    found = _store()
    if isinstance(found, BoardError):
        raise found
    return found


def configured_key() -> str | None:
    return BoardStore.configured_teacher_key(os.environ, _secrets())
