"""The server warm before its first student: libraries, data, workers and the lesson's models.

``app.py`` runs :func:`warm_up_server` before the port opens. Importing this module imports
every ``ui`` module the pages use (and through them Streamlit's, Plotly's, pandas' and
scikit-learn's), so that a class arriving at once finds nothing left to import.
"""

from __future__ import annotations

import streamlit as st

from core.lesson import experiments
from core.models import softmax_regression
from ui import board, dashboard, experiments_view, share, slides, translation_view  # noqa: F401  (imported before serving)
from ui.server import configure_server, load_shipped_networks, training_data
from ui.shared_work import logistic_reference_job, open_run

# How long the start-up waits for each lesson model to be read back or claimed (a database that
# does not answer: the server opens anyway, and the model is computed here).
WARM_UP_SETTLE_SECONDS = 30.0


@st.cache_resource(show_spinner=False)
def warm_up() -> dict:
    """Once per server: the lesson's shared models read back or computed at once (returned by name, opened).

    The translation and convolution pages test the lesson's three models (and the two convolutional
    networks shipped trained in data/, loaded by the pages); a class opening them should find them
    ready. They are durable (core.training.results): a
    restarted server reads them back in seconds, two servers on one database compute them once.
    app.py calls it before the server opens (:func:`warm_up_server`); ``lesson.py`` calls it on each
    run too, a no-op then, for a script started without app.py (AppTest). The computing is in the
    workers: this only opens the runs.
    """
    opened = {}
    for name, settings in experiments.TRANSLATION_MODELS.items():
        run = open_run(settings, durable=True)
        run.keep()
        opened[name] = run
    opened["reference"] = logistic_reference_job(softmax_regression.SoftmaxSettings(), background=True)
    return opened


def warm_up_server() -> None:
    """Once, before the server opens (app.py's start-up hook): nothing left for a first student to wait for.

    The libraries every page uses imported, MNIST mapped, the worker processes started, and the
    lesson's shared models opened (:func:`warm_up`) and each one settled: read back from the
    database, or claimed there and set computing in the background (or found computing on another
    server), so that a restarted server opens with them ready.
    """
    configure_server()
    training_data()
    load_shipped_networks()
    for opened in warm_up().values():  # each one read back, or its claim stored (several servers, one database)
        opened.settled(timeout=WARM_UP_SETTLE_SECONDS)
