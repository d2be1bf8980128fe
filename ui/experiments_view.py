"""Grids of trainings shared by the whole class, watched live (the "Limites" pages)."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from core.board.records import training_record
from core.training.hub import FAILED, HubFull
from ui import board
from ui.common import tr
from ui.live import live, show_failure
from ui.server import viewer_id
from ui.shared_work import open_run


def _open(settings_by_name: dict):
    return {name: open_run(settings) for name, settings in settings_by_name.items()}


def _share_grid(key: str, runs: dict) -> None:
    """The experiment's runs on the class board, in one click (for a student in a class)."""
    records = []
    for name, run in runs.items():
        if run.state == FAILED or not run.checkpoints:
            continue
        settings, last = run.key, run.checkpoints[-1]
        records.append(training_record("overfitting", getattr(settings, "model", "mlp"), settings, last))
    board.share_many(f"grid-{key}", records, tr("board_share_experiment"))


def grid(key: str, settings_by_name: dict, render: Callable[[dict], None]) -> None:
    """Compute (once for the server) and draw a grid of runs, live while it fills up.

    ``render`` receives {name: checkpoints so far} and draws the charts.
    """
    try:
        runs = _open(settings_by_name)
    except HubFull:
        st.warning(tr("run_server_full"), icon=":material/hourglass_top:")
        return
    finished_at_start = all(run.finished for run in runs.values())

    def view() -> None:
        for run in runs.values():
            run.want(viewer_id(), run.total_steps)
        done = sum(max(run.produced_step, 0) for run in runs.values())
        total = sum(run.total_steps for run in runs.values())
        if not all(run.finished for run in runs.values()):
            waiting = [run.queue_position() for run in runs.values() if run.queue_position() is not None]
            text = tr("grid_progress", done=sum(r.finished for r in runs.values()), total=len(runs))
            if waiting and done == 0:
                text += " — " + tr("grid_waiting")
            st.progress(done / total if total else 1.0, text=text)
        for name, run in runs.items():
            if run.state == FAILED:
                show_failure(run.error, label=f"{name}: ")
        render({name: list(run.checkpoints) for name, run in runs.items()})
        if finished_at_start:
            _share_grid(key, runs)

    with st.container(key=f"grid_{key}"):
        live(view, lambda: all(run.finished for run in runs.values()))
