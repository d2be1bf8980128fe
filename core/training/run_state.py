"""Where one student is in a shared run: what they see, and how far they want it computed.

Thirty students may watch one computation (``core.training.hub.SharedRun``); each has their
own :class:`RunState`: running, paused, stepping one checkpoint at a time, or finished. The
state decides which checkpoint is on the student's screen (the *cursor*) and how far the run
must be computed for them (:meth:`RunState.wanted_step`). It knows nothing of Streamlit.

    start ──> running ──pause──> paused ──resume──> running
                 │  ▲               │
               step └────resume──── stepping ──(target reached)──> paused
                 │
       (last checkpoint shown, run done) ──> done        (run failed) ──> failed
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

RUNNING, PAUSED, STEPPING, DONE, FAILED = "running", "paused", "stepping", "done", "failed"
MODES = (RUNNING, PAUSED, STEPPING, DONE, FAILED)


@dataclass
class RunState:
    """One student's place in a run (``cursor``: the index of the checkpoint on screen, -1 before the first)."""

    mode: str = RUNNING
    cursor: int = -1
    target: int = 0          # stepping: the index of the checkpoint to stop at
    recorded: bool = False   # the finished run is in the student's table of runs

    @classmethod
    def started(cls, stepping: bool = False) -> "RunState":
        """A run just started: running, or (Step pressed first) stepping to its first checkpoint."""
        return cls(mode=STEPPING if stepping else RUNNING)

    @property
    def active(self) -> bool:
        """Whether the student's screen is still moving (a live view polls)."""
        return self.mode in (RUNNING, STEPPING)

    @property
    def finished(self) -> bool:
        return self.mode in (DONE, FAILED)

    @property
    def done(self) -> bool:
        """The whole run is on the student's screen (it finished, and they watched it to its end)."""
        return self.mode == DONE

    # ------------------------------------------------------------------ the buttons
    def pause_or_resume(self) -> None:
        """Pause a running run; resume a paused or stepping one; nothing once finished."""
        if not self.finished:
            self.mode = PAUSED if self.mode == RUNNING else RUNNING

    def step(self) -> None:
        """Show one more checkpoint, then pause (a finished run is started again by the page instead)."""
        if self.finished:
            raise ValueError("a finished run cannot step: start it again")
        self.mode = STEPPING
        self.target = self.cursor + 1

    # ------------------------------------------------------------------ the run
    def cursor_step(self, checkpoints: Sequence) -> int:
        """The training step on screen (0 before the first checkpoint)."""
        return checkpoints[self.cursor].step if self.cursor >= 0 else 0

    def wanted_step(self, checkpoints: Sequence, total_steps: int, chunk: int) -> int:
        """How far this student wants the run computed.

        Running: to its end. Stepping: one chunk past the checkpoint before the target.
        Paused (or finished): nothing beyond what is on screen, so that a paused class costs nothing.
        """
        if self.mode == RUNNING:
            return total_steps
        if self.mode == STEPPING:
            before = checkpoints[self.target - 1].step if self.target > 0 else 0
            return before + chunk
        return self.cursor_step(checkpoints)

    def follow(self, available: int, slow: bool, run_done: bool, run_failed: bool) -> None:
        """Move the cursor after a poll: ``available`` is the index of the last checkpoint computed.

        Running: to the last checkpoint (one at a time in slow motion). Stepping: to the target,
        then paused. The run failed: failed. The run done and its last checkpoint on screen: done.
        """
        if self.mode == RUNNING:
            self.cursor = min(available, self.cursor + 1) if slow else available
        elif self.mode == STEPPING:
            self.cursor = min(available, self.target)
            if self.cursor == self.target:
                self.mode = PAUSED
        if run_failed:
            self.mode = FAILED
        elif run_done and self.cursor == available:
            self.mode = DONE
