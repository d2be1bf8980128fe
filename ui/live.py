"""Background work on screen: a view that refreshes itself while a shared computation goes on.

Every page that waits for the hub draws the same way: a fragment polled at the class's pace
(``ui.server.poll_every``) while something is unfinished, a line saying where the work
stands, a message when it failed, and one rerun of the whole page when it is all done (which
stops the polling and lets the page show what depends on the result).
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from core import data
from core.training import workers
from core.training.checkpoint import TrainingDiverged
from core.training.hub import HubFull
from ui.common import polling_view, tr
from ui.server import data_error_text, poll_every, polled

POLL_SECONDS = 0.4  # a live view's refresh for one student (longer for a class: core.training.polling)
MEASUREMENT_POLL_SECONDS = 0.5  # a measurement over the test digits: a few seconds, one chart to redraw


def live(render: Callable[[], None], settled: Callable[[], bool], base: float = POLL_SECONDS) -> None:
    """``render()`` now and, until ``settled()``, again at every poll; then the page reruns once.

    ``settled`` says whether what the page was drawn with has changed for good (every job
    finished, a model become ready): the whole page then runs again, without polling.
    """
    polling = not settled()

    @st.fragment(run_every=poll_every(base) if polling else None)
    def view() -> None:
        polled()
        with polling_view(polling):
            render()
        if polling and settled():
            st.rerun(scope="app")  # stop polling

    view()


def show_failure(error: BaseException, label: str = "") -> None:
    """Why a shared run or job gave no result, in the page's words (``label``: whose)."""
    if isinstance(error, HubFull):
        st.warning(tr("run_server_full"), icon=":material/hourglass_top:")
    elif isinstance(error, data.MnistDataError):
        st.error(data_error_text(error), icon=":material/warning:")
    elif isinstance(error, TrainingDiverged):
        st.error(tr("run_diverged"), icon=":material/error:")
    elif isinstance(error, workers.WorkerError):
        st.error(tr("run_worker_died", error=f"{label}{error}"), icon=":material/warning:")
    else:
        st.error(tr("run_failed", error=f"{label}{type(error).__name__}: {error}"), icon=":material/warning:")


def job_status(jobs: list) -> bool:
    """A line saying where unfinished jobs stand; True when all are finished."""
    if all(job.finished for job in jobs):
        for job in jobs:
            if job.error is not None:
                show_failure(job.error)
        return True
    positions = [job.queue_position() for job in jobs if not job.finished and job.queue_position() is not None]
    if positions and len(positions) == sum(not job.finished for job in jobs):
        st.caption(tr("trans_computing_waiting", position=min(positions) + 1))
    else:
        st.caption(tr("trans_computing"))
    return False
