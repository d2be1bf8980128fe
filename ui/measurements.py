"""The lesson's measurements (core.lesson.measures) read from the server's shared runs and jobs.

A measurement is never typed in: it is read from the computation that makes it, once that has
finished. The lesson models the server trains at start are always there (ui.warm_up); the
limits page's grids are only looked at (``hub().peek``): a slide box never starts a 30-second
grid, it says which experiment to open. The shift curves of a finished lesson model are a few
seconds of a worker: asked for here when ``ask`` allows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.lesson import experiments, measures
from core.models.convnet import shipped
from core.training.hub import DONE, FAILED
from ui.server import hub, load_shipped_networks
from ui.shared_work import open_run, run_shift_curves_job, shift_curves_key

READY, COMPUTING, QUEUED, ABSENT, FAILING = "ready", "computing", "queued", "absent", "failed"
SETTLED = (READY, ABSENT, FAILING)


@dataclass(frozen=True)
class Reading:
    """Where one measurement stands: its value once ready, else how far its computation is."""

    name: str
    state: str                     # READY, COMPUTING, QUEUED, ABSENT (nobody opened it), FAILING
    value: Any = None
    progress: float | None = None  # 0..1 while computing, when known
    position: int | None = None    # place in the queue (0: next), when queued

    @property
    def ready(self) -> bool:
        return self.state == READY

    @property
    def settled(self) -> bool:
        return self.state in SETTLED


def _run_state(name: str, runs: list) -> Reading | None:
    """The reading of unfinished runs (None when every one is done)."""
    if any(run is None for run in runs):
        return Reading(name, ABSENT)
    if any(run.state == FAILED for run in runs):
        return Reading(name, FAILING)
    unfinished = [run for run in runs if run.state != DONE]
    if not unfinished:
        return None
    positions = [run.queue_position() for run in unfinished if run.produced_step < 0]
    if positions and all(position is not None for position in positions) and len(positions) == len(unfinished):
        return Reading(name, QUEUED, position=min(positions))
    done = sum(max(run.produced_step, 0) for run in runs)
    total = sum(run.total_steps for run in runs)
    return Reading(name, COMPUTING, progress=done / total if total else None)


def _job_state(name: str, job) -> Reading | None:
    if job is None:
        return Reading(name, ABSENT)
    if job.finished:
        return Reading(name, FAILING) if job.error is not None else None
    position = job.queue_position()
    return Reading(name, QUEUED, position=position) if position is not None else Reading(name, COMPUTING)


def lesson_run(name: str):
    """The server's run of lesson model ``name`` (opened at start by ui.warm_up, kept for the server)."""
    return open_run(experiments.TRANSLATION_MODELS[name], durable=True)


def read(name: str, ask: bool = True) -> Reading:
    """Measurement ``name`` as the server has it now (``ask``: ask for cheap missing work, a model's shift curves)."""
    found = measures.measure(name)
    if found.source == "computed":
        return Reading(name, READY, found.read(None))
    if found.source == "model":
        runs = [lesson_run(model) for model in found.models]
        waiting = _run_state(name, runs)
        return waiting or Reading(name, READY, found.read(runs[0].checkpoints))
    if found.source == "experiments":
        runs = [hub().peek(settings) for settings in found.settings]
        waiting = _run_state(name, runs)
        return waiting or Reading(name, READY, found.read([list(run.checkpoints) for run in runs]))
    if found.source == "shifts":
        runs = [lesson_run(model) for model in found.models]
        waiting = _run_state(name, runs)
        if waiting is not None:
            return waiting
        jobs = [run_shift_curves_job(run) if ask else hub().peek(shift_curves_key(run.key)) for run in runs]
        for job in jobs:
            waiting = _job_state(name, job)
            if waiting is not None:
                return waiting
        return Reading(name, READY, found.read([job.result[found.direction] for job in jobs]))
    networks = load_shipped_networks()  # "shipped": measured when they were trained, read once by the server
    if isinstance(networks, shipped.ShippedNetworkError):
        return Reading(name, FAILING)
    return Reading(name, READY, measures.shipped_value(name, {network: loaded.curves
                                                             for network, loaded in networks.items()}))


def read_all(names, ask: bool = True) -> dict[str, Reading]:
    return {name: read(name, ask) for name in dict.fromkeys(names)}


def values(readings: dict[str, Reading]) -> dict[str, Any]:
    """The ready values by name (what a handout or a reveal uses)."""
    return {name: reading.value for name, reading in readings.items() if reading.ready}
